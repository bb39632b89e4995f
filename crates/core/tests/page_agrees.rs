//! The page explains the case a ticket became (`explain_case`, in its worker) rather than the
//! ticket itself: both must name the same cause, fit the observed logs alike and
//! find the same contradictions. Lines differ by design: the ticket's count in the ticket, the
//! case's in its log fields. They once differed on tickets whose logs hold an
//! earlier attempt (ticket 113: Friday's client AMQ9716 beside today's queue manager AMQ9633),
//! which only the ticket reader set aside.

use mqocsp_core::mq::ticket::{explain_case, read};
use std::path::Path;

#[test]
fn the_case_a_ticket_became_is_explained_as_the_ticket() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/tickets");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut differ = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let ticket = read(&text, "2026-12-01T12:00:00Z");
        let own = ticket.explain();
        let as_case = explain_case(&ticket.case, ticket.case.resolve());
        let said = |e: &mqocsp_core::mq::explain::Explanation| {
            (
                e.cause.summary.clone(),
                e.matches_observed,
                e.contradictions
                    .iter()
                    .map(|c| without_lines(c))
                    .collect::<Vec<_>>(),
                e.client_kind.to_string(),
            )
        };
        if said(&own) != said(&as_case) {
            differ.push(format!(
                "{}:\n  ticket: {:?}\n  case:   {:?}",
                path.display(),
                said(&own),
                said(&as_case)
            ));
        }
    }
    assert!(paths.len() > 90, "only {} tickets", paths.len());
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// `text` with the number after each "line " left out.
fn without_lines(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("line ") {
        let (before, after) = rest.split_at(at + "line ".len());
        out.push_str(before);
        rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}
