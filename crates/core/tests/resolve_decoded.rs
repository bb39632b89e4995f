//! A case resolved from material the caller already decoded is the case resolved from its text.

use mqocsp_core::mq::examples::{example, examples};

#[test]
fn resolving_pre_decoded_material_equals_resolving_the_text() {
    for (name, case) in examples() {
        let decoded = mqocsp_core::decode(&case.material);
        let (own, given) = (case.resolve(), case.resolve_decoded(&decoded));
        assert_eq!(own.material, given.material, "{name}");
        assert_eq!(own.qm_cert, given.qm_cert, "{name}");
        assert_eq!(own.client_cert, given.client_cert, "{name}");
        assert_eq!(own.client_trust, given.client_trust, "{name}");
        assert_eq!(own.problems, given.problems, "{name}");
    }
    assert!(example("good").is_some());
}
