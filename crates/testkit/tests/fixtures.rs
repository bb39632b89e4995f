//! The checked-in fixtures are exactly what the generator makes (MQOCSP_BLESS=1 rewrites them).

use mqocsp_testkit::golden::assert_golden;
use std::path::Path;

#[test]
fn fixtures_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/fixtures");
    for (name, content) in mqocsp_testkit::fixtures::files() {
        assert_golden(&dir.join(name), &content);
    }
}
