//! The page's worker predicts and verifies off the main thread and sends the results to the page
//! as JSON: every built-in case's and every hand-written ticket's diagnosis, and every
//! verification of the fixtures, reads back equal to what was computed, and writes the same JSON
//! again.

use mqocsp_core::mq::examples::examples;
use mqocsp_core::mq::explain::Explanation;
use mqocsp_core::mq::ticket::{explain_case, read};
use mqocsp_core::verify::workbench::{
    Selection, WorkbenchReport, default_selection, fingerprint, verify_selection,
};
use mqocsp_core::verify::{Profile, Purpose};
use mqocsp_core::{DecodedObject, Timestamp, decode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::Path;

/// JSON out and back in: equal, and the same JSON when written again.
fn carried<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T, what: &str) {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json)
        .unwrap_or_else(|error| panic!("{what}: reading back: {error}\n{json}"));
    if &back != value {
        // Say where they differ, not both values in full.
        let (a, b) = (format!("{value:?}"), format!("{back:?}"));
        let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        let around = |s: &str| {
            s.get(at.saturating_sub(200)..(at + 200).min(s.len()))
                .unwrap_or("")
                .to_owned()
        };
        panic!(
            "{what}: read back differently\nwritten: …{}…\nread:    …{}…",
            around(&a),
            around(&b)
        );
    }
    assert_eq!(serde_json::to_string(&back).unwrap(), json, "{what}");
}

#[test]
fn every_example_and_ticket_diagnosis_round_trips_through_json() {
    let mut seen = 0;
    for (name, case) in examples() {
        let explanation: Explanation = explain_case(&case, case.resolve());
        carried(&explanation, name);
        seen += 1;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/tickets");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let ticket = read(&text, "2026-11-30T00:00:00Z");
        carried(&ticket.explain(), &path.display().to_string());
        // And as the page explains the case the ticket became.
        carried(
            &explain_case(&ticket.case, ticket.case.resolve()),
            &path.display().to_string(),
        );
        seen += 1;
    }
    assert!(seen > 80, "only {seen} diagnoses");
}

#[test]
fn every_verification_of_the_fixtures_round_trips_through_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let text: String = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n");
    let decoded = decode(&text);
    let objects: Vec<&DecodedObject> = decoded.objects.iter().collect();
    assert!(objects.len() >= 9, "{} objects", objects.len());
    let at = Timestamp::parse_rfc3339("2026-11-30T00:00:00Z").unwrap();
    let first = default_selection(&objects);
    carried(&first, "the default selection");
    let mut reports = 0;
    for object in &objects {
        for purpose in [None, Some(Purpose::ClientAuth)] {
            let selection = Selection {
                target: Some(fingerprint(object)),
                purpose,
                profile: Profile::Gskit,
                max_depth: Some(1),
                ..first.clone()
            };
            carried(&selection, "a selection");
            let report: WorkbenchReport = verify_selection(&objects, &selection, at);
            carried(&report, &object.source.to_string());
            reports += 1;
        }
    }
    assert!(reports >= 18);
}
