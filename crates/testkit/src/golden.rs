//! Golden files: compare output with a checked-in file, rewrite it with `MQOCSP_BLESS=1`.

use std::path::Path;

/// Asserts that `actual` equals the content of the golden file at `path`.
///
/// With the environment variable `MQOCSP_BLESS=1` the file is (re)written instead, so an intended
/// change is one command away and shows up in review as a diff.
pub fn assert_golden(path: &Path, actual: &str) {
    if std::env::var_os("MQOCSP_BLESS").is_some_and(|value| value == "1") {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|error| panic!("creating {}: {error}", parent.display()));
        }
        std::fs::write(path, actual)
            .unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|error| {
        panic!(
            "reading golden file {}: {error} (run with MQOCSP_BLESS=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        let diff = line_diff(&expected, actual);
        panic!(
            "output differs from golden file {} (MQOCSP_BLESS=1 rewrites it):\n{diff}",
            path.display()
        );
    }
}

/// A small line diff: each differing line as `-expected` / `+actual`, with its line number.
fn line_diff(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for index in 0..expected.len().max(actual.len()) {
        let (left, right) = (expected.get(index), actual.get(index));
        if left != right {
            if let Some(line) = left {
                out.push_str(&format!("{:>4} -{line}\n", index + 1));
            }
            if let Some(line) = right {
                out.push_str(&format!("{:>4} +{line}\n", index + 1));
            }
        }
    }
    out
}
