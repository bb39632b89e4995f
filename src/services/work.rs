//! The page's heavy work: decoding, filing a case. Each function turns an intent into the action
//! that carries its result, so the reducer only stores results (it never decodes). Each records
//! a User Timing measure (`mqocsp:decode`, `mqocsp:file-case`) for `scripts/bench-page`; a paste
//! or a file is decoded in the decode worker, which the page records as `mqocsp:decode-worker`.

use crate::services::decoder::{self, Input};
use crate::state::{CaseAction, FileInput, PasteAction, State};
use crate::timing::measured;
use mqocsp_core::mq::case::{Case, Resolved};
use mqocsp_core::mq::errlog::LogFacts;
use mqocsp_core::mq::explain::{Explanation, Observations, explain_resolved};
use mqocsp_core::mq::predict::Diagnosis;
use mqocsp_core::{Decoded, Timestamp, decode};
use std::rc::Rc;

/// Decodes pasted text (nothing to decode in blank text).
pub fn decode_text(text: &str) -> Rc<Decoded> {
    Rc::new(if text.trim().is_empty() {
        Decoded::default()
    } else {
        measured("decode", || decode(text))
    })
}

/// The paste box held `text` when the typing paused: decodes it in the decode worker (see
/// [`decoder`]) and hands `deliver` the text and its decoded objects when they are back.
pub fn decode_paste(text: String, deliver: impl FnOnce(String, Rc<Decoded>) + 'static) {
    decoder::decode(Input::Text(text.clone()), move |decoded| {
        deliver(text, Rc::new(decoded));
    });
}

/// The paste `text`, already decoded as `decoded`.
pub fn decoded_paste(text: String, decoded: Rc<Decoded>) -> PasteAction {
    PasteAction::Decoded { text, decoded }
}

/// A dropped or picked file, decoded from its bytes in the decode worker.
pub fn decode_file(name: String, bytes: Vec<u8>, deliver: impl FnOnce(PasteAction) + 'static) {
    let size = bytes.len();
    decoder::decode(Input::Bytes(bytes), move |decoded| {
        deliver(PasteAction::AddFile(FileInput {
            name,
            size,
            decoded: Rc::new(decoded),
        }));
    });
}

/// Opens `case`: its material becomes the paste, decoded.
pub fn open_case(case: Case) -> CaseAction {
    let decoded = decode_text(&case.material);
    CaseAction::Load {
        case: Box::new(case),
        decoded,
    }
}

/// Opens the built-in case `name`, when there is one.
pub fn open_example(name: &str) -> Option<CaseAction> {
    mqocsp_core::mq::examples::example(name).map(open_case)
}

/// Starts a case around the paste, read as a ticket: everything filed that has one sensible
/// place, each error log entry on the side its header names, the client kind.
pub fn new_case(state: &State) -> CaseAction {
    // The paste is decoded already unless a decode is still pending.
    let decoded = if state.pending {
        decode_text(&state.text)
    } else {
        state.decoded.clone()
    };
    ticket_case(&state.text, &decoded, &state.at.to_string())
}

/// A case read from `text` (decoded as `decoded`) as a ticket.
pub fn ticket_case(text: &str, decoded: &Decoded, at: &str) -> CaseAction {
    let (case, filed) = measured("file-case", || {
        let ticket = mqocsp_core::mq::ticket::read_decoded(text, decoded, at);
        (ticket.case, ticket.filed)
    });
    CaseAction::New {
        case: Box::new(case),
        filed,
    }
}

/// What is derived from the open case, computed once per change of the case (or of the
/// evaluation time) and shared by the prediction, the live plan and every panel.
#[derive(Debug)]
pub struct Analysis {
    /// The case with every text parsed.
    pub resolved: Resolved,
    /// What MQ does with it, under the explanation that best fits its logs.
    pub diagnosis: Rc<Diagnosis>,
    /// The cause, from the logs' symptoms.
    pub explanation: Rc<Explanation>,
    /// The first time in each side's pasted error log, worth evaluating at.
    pub log_times: Vec<(String, Timestamp)>,
}

/// Resolves `case` once and predicts from that. `decoded` is the paste as already decoded, with
/// the text it came from: when that text is the case's material, it is not decoded again.
pub fn analyse(case: &Case, decoded: Option<(&Decoded, &str)>) -> Analysis {
    let resolved = measured("resolve", || match decoded {
        Some((decoded, text)) if text == case.material => case.resolve_decoded(decoded),
        _ => case.resolve(),
    });
    let explanation = Rc::new(measured("predict", || {
        let mut observed = Observations::of_case(case);
        for (code, line) in mqocsp_core::mq::ticket::reported_in(case) {
            observed.add_reason(code, line);
        }
        observed.add_openssl_text(&case.material, 1);
        explain_resolved(case, resolved.clone(), &observed)
    }));
    let diagnosis = Rc::new(explanation.diagnosis.clone());
    let log_times = [
        ("client", &case.client.error_log),
        ("queue manager", &case.queue_manager.error_log),
    ]
    .into_iter()
    .filter_map(|(side, text)| {
        let (at, _) = *LogFacts::parse(text).times.first()?;
        Some((format!("time in the {side} log"), at))
    })
    .collect();
    Analysis {
        resolved,
        diagnosis,
        explanation,
        log_times,
    }
}
