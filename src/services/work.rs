//! The page's heavy work: decoding, filing a case. Each function turns an intent into the action
//! that carries its result, so the reducer only stores results (it never decodes). Each records
//! a User Timing measure (`mqocsp:decode`, `mqocsp:file-case`) for `scripts/bench-page`; a paste,
//! a file or an opened case is decoded in the worker ([`worker`]), which the page records as
//! `mqocsp:decode-worker`. The open case is predicted and the Verify view's checks run there too
//! (see `app.rs`).

use crate::services::worker::{self, Input};
use crate::state::{CaseAction, FileInput, PasteAction, State};
use crate::timing::measured;
use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::sort::Sorted;
use mqocsp_core::{Decoded, decode};
use std::sync::Arc;

/// Decodes pasted text (nothing to decode in blank text).
pub fn decode_text(text: &str) -> Arc<Decoded> {
    Arc::new(if text.trim().is_empty() {
        Decoded::default()
    } else {
        measured("decode", || decode(text))
    })
}

/// The paste box held `text` when the typing paused: decodes it in the decode worker (see
/// [`worker`]) and hands `deliver` the text and its decoded objects when they are back.
pub fn decode_paste(
    text: String,
    deliver: impl FnOnce(String, Arc<Decoded>, Option<Arc<Sorted>>) + 'static,
) {
    worker::decode(Input::Text(text.clone()), move |decoded, sorted| {
        deliver(text, decoded, sorted)
    });
}

/// The paste `text`, already decoded as `decoded`.
pub fn decoded_paste(
    text: String,
    decoded: Arc<Decoded>,
    sorted: Option<Arc<Sorted>>,
) -> PasteAction {
    PasteAction::Decoded {
        text,
        decoded,
        sorted,
    }
}

/// A dropped or picked file, decoded from its bytes in the decode worker.
pub fn decode_file(name: String, bytes: Vec<u8>, deliver: impl FnOnce(PasteAction) + 'static) {
    let size = bytes.len();
    worker::decode(Input::Bytes(bytes), move |decoded, _| {
        deliver(PasteAction::AddFile(FileInput {
            name,
            size,
            decoded,
        }));
    });
}

/// Opens `case`: its material becomes the paste, decoded in the worker; `deliver` gets the
/// action that loads it.
pub fn open_case(case: Case, deliver: impl FnOnce(CaseAction) + 'static) {
    let material = case.material.clone();
    worker::decode(Input::Text(material), move |decoded, sorted| {
        deliver(CaseAction::Load {
            case: Box::new(case),
            decoded,
            sorted,
        })
    });
}

/// Opens the built-in case `name`, when there is one. Built-in cases hold a few certificates:
/// they are decoded here, at once (about a millisecond), so the page shows the case it was asked
/// for from the next frame on, its prediction marked busy until the worker sends it.
pub fn open_example(name: &str) -> Option<CaseAction> {
    let case = mqocsp_core::mq::examples::example(name)?;
    let decoded = decode_text(&case.material);
    Some(CaseAction::Load {
        case: Box::new(case),
        decoded,
        sorted: None,
    })
}

/// Starts a case around the paste, read as a ticket (in the worker): everything filed that has
/// one sensible place, each error log entry on the side its header names, the client kind.
pub fn new_case(state: &State, deliver: impl FnOnce(CaseAction) + 'static) {
    // The paste's objects, unless a decode is still pending (the worker then reads the text).
    let decoded = (!state.pending).then(|| state.decoded.clone());
    ticket_case(
        state.text.clone(),
        decoded,
        state.at.to_string(),
        false,
        deliver,
    );
}

/// A case read from `text` (decoded as `decoded`, when it was) as a ticket, in the worker; with
/// `only_a_ticket`, only when the text reads as one ([`looks_like_ticket`]: otherwise `deliver`
/// is not called).
///
/// [`looks_like_ticket`]: mqocsp_core::mq::ticket::looks_like_ticket
pub fn ticket_case(
    text: String,
    decoded: Option<Arc<Decoded>>,
    at: String,
    only_a_ticket: bool,
    deliver: impl FnOnce(CaseAction) + 'static,
) {
    worker::file_ticket(text, decoded, at, only_a_ticket, move |filed| {
        if let Some(filed) = filed {
            deliver(CaseAction::New {
                case: Box::new(filed.case),
                filed: filed.filed,
            })
        }
    });
}
