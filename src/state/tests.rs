//! The reducer's tests (native: `cargo test -p mqocsp-web`). Results arrive decoded, as
//! `services::work` makes them.

use super::*;
use crate::services::work;

fn state() -> Rc<State> {
    Rc::new(State::new(Timestamp::from_unix(1_700_000_000).unwrap()))
}

fn reduce(state: Rc<State>, action: impl Into<Action>) -> Rc<State> {
    state.reduce(action.into())
}

/// What a decode service hands back (natively at once: there is no worker outside a browser).
fn delivered(decode: impl FnOnce(Box<dyn FnOnce(PasteAction)>)) -> PasteAction {
    let out = Rc::new(std::cell::RefCell::new(None));
    let into = out.clone();
    decode(Box::new(move |action| *into.borrow_mut() = Some(action)));
    out.take().expect("delivered at once")
}

fn decode_paste(text: String) -> PasteAction {
    delivered(|deliver| {
        work::decode_paste(text, move |text, decoded, sorted| {
            deliver(work::decoded_paste(text, decoded, sorted));
        })
    })
}

#[test]
fn edit_keeps_text_and_decode_waits() {
    let s = reduce(
        state(),
        PasteAction::Edit("-----BEGIN CERTIFICATE-----\nMII".into()),
    );
    assert!(s.pending);
    assert!(
        s.decoded.problems.is_empty(),
        "nothing decoded before the pause"
    );
    let s = reduce(s.clone(), decode_paste(s.text.clone()));
    assert!(!s.pending);
    assert_eq!(s.text, "-----BEGIN CERTIFICATE-----\nMII");
    assert_eq!(s.decoded.problems.len(), 1);
}

#[test]
fn the_decoded_text_moves_with_the_decode_not_with_each_keystroke() {
    let s = reduce(state(), PasteAction::Edit("first".into()));
    let s = reduce(s.clone(), decode_paste(s.text.clone()));
    assert_eq!(&*s.decoded_text, "first");
    let s = reduce(s, PasteAction::Edit("first and more".into()));
    assert_eq!(
        &*s.decoded_text, "first",
        "typing does not re-derive from the text"
    );
    let s = reduce(s.clone(), decode_paste(s.text.clone()));
    assert_eq!(&*s.decoded_text, "first and more");
}

#[test]
fn a_decode_of_older_text_is_dropped() {
    let s = reduce(
        state(),
        PasteAction::Edit("-----BEGIN CERTIFICATE-----\nMII".into()),
    );
    let stale = decode_paste(s.text.clone());
    let s = reduce(s, PasteAction::Edit("something else".into()));
    let after = reduce(s.clone(), stale);
    assert!(Rc::ptr_eq(&s, &after), "the older text's result is dropped");
    assert!(after.pending, "the newer text still waits for its decode");
    assert!(after.decoded.problems.is_empty());
}

#[test]
fn bad_time_keeps_the_previous_one_and_says_why() {
    let s = reduce(state(), PasteAction::set_time("yesterday".into()));
    assert_eq!(s.at.unix(), 1_700_000_000);
    assert!(
        s.at_error
            .as_deref()
            .unwrap()
            .contains("'yesterday' is not an RFC 3339 time")
    );
    let s = reduce(s, PasteAction::set_time("2022-02-02T13:22:24Z".into()));
    assert_eq!(s.at.to_string(), "2022-02-02T13:22:24Z");
    assert!(s.at_error.is_none());
}

#[test]
fn files_decode_as_bytes_and_can_be_removed() {
    let s = reduce(
        state(),
        delivered(|deliver| {
            work::decode_file("x.der".into(), vec![0x30, 0x03, 0x02, 0x01, 0x05], deliver)
        }),
    );
    assert_eq!(s.files.len(), 1);
    assert_eq!(
        s.problem_count(),
        1,
        "a DER SEQUENCE that is no known object"
    );
    let s = reduce(s, PasteAction::RemoveFile(0));
    assert!(s.files.is_empty());
}

#[test]
fn a_loaded_example_brings_its_material_and_time() {
    let s = reduce(state(), work::open_example("server-revoked").unwrap());
    let case = s.case.as_ref().unwrap();
    assert_eq!(s.text, case.material);
    assert!(s.object_count() > 0, "the material arrives decoded");
    assert_eq!(s.at.to_string(), case.at);
    assert!(!s.pending);
}

#[test]
fn editing_without_a_case_starts_one_around_the_paste() {
    let s = reduce(state(), PasteAction::Edit("some text".into()));
    let s = reduce(
        s,
        CaseAction::Edit(CaseEdit::Mqsc("DEFINE CHANNEL(X)".into())),
    );
    let case = s.case.as_ref().unwrap();
    assert_eq!(case.material, "some text");
    assert_eq!(case.queue_manager.mqsc, "DEFINE CHANNEL(X)");
}
