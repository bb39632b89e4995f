//! The page's state: one `Reducible`, changed only by [`Action`]s.
//!
//! Typing only stores the text ([`Action::Edit`]); decoding runs when the typing pauses
//! ([`Action::Decode`]), so a 1,000-certificate paste does not re-decode on every keystroke.
//! The text itself is never rewritten by the page: nothing the user pasted is lost.

use crate::timing::measured;
use mqocsp_core::der::Span;
use mqocsp_core::mq::case::{Case, ResponderState};
use mqocsp_core::mq::examples::example;
use mqocsp_core::mq::ini::OcspAuthentication;
use mqocsp_core::mq::predict::Change;
use mqocsp_core::verify::workbench::{Selection, default_selection};
use mqocsp_core::verify::{LegacyAlgorithms, Profile, Purpose};
use mqocsp_core::{Decoded, DecodedObject, Timestamp, decode, decode_bytes};
use std::rc::Rc;
use yew::Reducible;

/// How many cards are shown before "show more".
pub const PAGE_SIZE: usize = 50;

/// A file the user dropped or picked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileInput {
    /// Its name.
    pub name: String,
    /// Its size in bytes.
    pub size: usize,
    /// What the core decoded from it.
    pub decoded: Rc<Decoded>,
}

/// Everything the page shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The pasted text, exactly as the user left it.
    pub text: String,
    /// Whether `decoded` lags behind `text` (a decode is scheduled).
    pub pending: bool,
    /// What the core decoded from `text`.
    pub decoded: Rc<Decoded>,
    /// Dropped or picked files, in the order they came.
    pub files: Vec<FileInput>,
    /// The evaluation time: validity remarks are relative to it.
    pub at: Timestamp,
    /// The evaluation time as the user typed it.
    pub at_text: String,
    /// Why `at_text` is not a time, when it is not.
    pub at_error: Option<String>,
    /// How many cards of the paste are shown.
    pub shown: usize,
    /// What the user picked for verification; `None` follows the defaults.
    pub selection: Option<Selection>,
    /// The step of the trace the stepper shows.
    pub step: usize,
    /// Bytes to highlight: an object (SHA-256 of its DER) and a span in it.
    pub highlight: Option<(String, Span)>,
    /// The MQ case being diagnosed; its material is the paste.
    pub case: Option<Case>,
    /// What the live queries through the relay did, in order.
    pub live_log: Vec<String>,
}

impl State {
    /// A fresh page at evaluation time `now`.
    pub fn new(now: Timestamp) -> Self {
        Self {
            text: String::new(),
            pending: false,
            decoded: Rc::default(),
            files: Vec::new(),
            at: now,
            at_text: now.to_string(),
            at_error: None,
            shown: PAGE_SIZE,
            selection: None,
            step: 0,
            highlight: None,
            case: None,
            live_log: Vec::new(),
        }
    }

    /// Every decoded object: the paste's, then each file's.
    pub fn objects(&self) -> Vec<&DecodedObject> {
        self.decoded
            .objects
            .iter()
            .chain(self.files.iter().flat_map(|f| f.decoded.objects.iter()))
            .collect()
    }

    /// The selection in force: the user's, or the defaults for what was pasted.
    pub fn effective_selection(&self) -> Selection {
        self.selection
            .clone()
            .unwrap_or_else(|| default_selection(&self.objects()))
    }

    /// Number of decoded objects across the paste and the files.
    pub fn object_count(&self) -> usize {
        self.decoded.objects.len()
            + self
                .files
                .iter()
                .map(|f| f.decoded.objects.len())
                .sum::<usize>()
    }

    /// Number of problems across the paste and the files.
    pub fn problem_count(&self) -> usize {
        self.decoded.problems.len()
            + self
                .files
                .iter()
                .map(|f| f.decoded.problems.len())
                .sum::<usize>()
    }
}

/// What the user (or a timer) can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The paste box now holds this text; decode later.
    Edit(String),
    /// Decode the text now (typing paused, or a paste happened).
    Decode,
    /// A file was dropped or picked.
    AddFile {
        /// Its name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// Forget the file at this position.
    RemoveFile(usize),
    /// The evaluation time field now holds this text.
    SetTime(String),
    /// Set the evaluation time.
    SetTimeTo(Timestamp),
    /// Show the next page of cards.
    ShowMore,
    /// Change what is verified.
    Select(SelectionChange),
    /// Show step `n` of the trace (clamped by the stepper) and highlight its evidence.
    ShowStep(usize, Option<(String, Span)>),
    /// Load a built-in case (its material becomes the paste).
    LoadExample(String),
    /// Load a case (from a share link, local storage or an imported file).
    LoadCase(Box<Case>),
    /// Start an empty case around the current paste.
    NewCase,
    /// Change part of the case.
    EditCase(CaseEdit),
    /// Apply a fix as a what-if.
    Apply(Change),
    /// Live queries started (or why they cannot be).
    LiveStarted(Vec<String>),
    /// One more line for the live log.
    LiveNote(String),
    /// A live session recorded more: its new log lines, and the case as it now stands (its
    /// live evidence, probe result and the queue manager's certificate join the page's case;
    /// everything else the user may have edited meanwhile is kept).
    LiveProgress {
        /// New lines for the live log.
        lines: Vec<String>,
        /// The session's case.
        case: Box<Case>,
    },
}

/// One edit of the MQ case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseEdit {
    /// The mqpgfc command line.
    CommandLine(String),
    /// mqclient.ini.
    ClientIni(String),
    /// The queue manager's MQSC.
    Mqsc(String),
    /// qm.ini.
    QmIni(String),
    /// What-if: the client's OCSPAuthentication (None: as the ini says).
    ClientPolicy(Option<OcspAuthentication>),
    /// What-if: the queue manager's OCSPAuthentication.
    QmPolicy(Option<OcspAuthentication>),
    /// What-if: a responder up or down.
    Responder(String, ResponderState),
    /// A responder's index.txt.
    ResponderIndex(String, String),
    /// The JSON CCDT.
    Ccdt(String),
    /// The client's error log.
    ClientLog(String),
    /// The queue manager's error log.
    QmLog(String),
    /// What-if: the first MQAIR's version.
    MqairVersion(Option<u32>),
    /// What-if: MQCNO's version.
    MqcnoVersion(Option<u32>),
    /// The queue manager's certificate (a selector).
    QmCertificate(String),
    /// The client's certificate (a selector).
    ClientCertificate(String),
    /// Add or remove a CA from the client's key repository.
    ToggleClientTrust(String),
    /// Add or remove a CA from the queue manager's key repository.
    ToggleQmTrust(String),
}

/// One change to the verification selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectionChange {
    /// The certificate in question.
    Target(String),
    /// Add or remove a trust anchor.
    ToggleAnchor(String),
    /// The OCSP response (or none).
    Response(Option<String>),
    /// The OCSP profile.
    Profile(Profile),
    /// What the certificate is for.
    Purpose(Purpose),
    /// Accept legacy algorithms.
    Legacy(LegacyAlgorithms),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(text) => {
                if text == self.text {
                    return self;
                }
                next.text = text;
                next.pending = true;
            }
            Action::Decode => {
                if !self.pending {
                    return self;
                }
                next.pending = false;
                next.shown = PAGE_SIZE;
                next.reset_verification();
                if let Some(case) = next.case.as_mut() {
                    case.material = next.text.clone();
                }
                next.decoded = Rc::new(if next.text.trim().is_empty() {
                    Decoded::default()
                } else {
                    measured("decode", || decode(&next.text))
                });
            }
            Action::AddFile { name, bytes } => {
                next.files.push(FileInput {
                    name,
                    size: bytes.len(),
                    decoded: Rc::new(decode_bytes(&bytes)),
                });
            }
            Action::RemoveFile(index) => {
                if index < next.files.len() {
                    next.files.remove(index);
                    next.reset_verification();
                }
            }
            Action::SetTime(text) => {
                match Timestamp::parse_rfc3339(&text) {
                    Some(at) => {
                        next.at = at;
                        next.at_error = None;
                    }
                    None => {
                        next.at_error = Some(format!(
                            "'{}' is not an RFC 3339 time such as 2022-02-02T13:22:24Z; still using {}",
                            text.trim(),
                            next.at
                        ));
                    }
                }
                next.at_text = text;
            }
            Action::SetTimeTo(at) => {
                next.at = at;
                next.at_text = at.to_string();
                next.at_error = None;
            }
            Action::LoadExample(name) => {
                let Some(case) = example(&name) else {
                    return self;
                };
                return self.reduce(Action::LoadCase(Box::new(case)));
            }
            Action::LoadCase(case) => {
                let case = *case;
                next.text = case.material.clone();
                next.decoded = Rc::new(measured("decode", || decode(&next.text)));
                next.pending = false;
                if let Some(at) = Timestamp::parse_rfc3339(&case.at) {
                    next.at = at;
                    next.at_text = at.to_string();
                    next.at_error = None;
                }
                next.case = Some(case);
                next.reset_verification();
            }
            Action::NewCase => {
                let (case, filed) = measured("file-case", || {
                    mqocsp_core::mq::sort::auto_case(
                        &next.decoded,
                        &next.text,
                        &next.at.to_string(),
                    )
                });
                next.live_log = if filed.is_empty() {
                    vec!["New case: nothing could be filed automatically; use the buttons under 'Found in the paste'.".to_owned()]
                } else {
                    std::iter::once("New case: filed".to_owned())
                        .chain(filed)
                        .collect()
                };
                next.case = Some(case);
            }
            Action::EditCase(edit) => {
                // Filing something into a case starts one around the paste when there is none.
                if next.case.is_none() {
                    next.case = Some(empty_case(&next));
                }
                let Some(case) = next.case.as_mut() else {
                    return self;
                };
                match edit {
                    CaseEdit::CommandLine(text) => {
                        case.client.command_line = Some(text).filter(|t| !t.trim().is_empty())
                    }
                    CaseEdit::ClientIni(text) => case.client.mqclient_ini = text,
                    CaseEdit::Mqsc(text) => case.queue_manager.mqsc = text,
                    CaseEdit::QmIni(text) => case.queue_manager.qm_ini = text,
                    CaseEdit::ClientPolicy(policy) => case.client.ocsp_authentication = policy,
                    CaseEdit::QmPolicy(policy) => case.queue_manager.ocsp_authentication = policy,
                    CaseEdit::Responder(url, state) => {
                        for responder in case.responders.iter_mut().filter(|r| r.url == url) {
                            responder.state = state;
                        }
                    }
                    CaseEdit::ResponderIndex(url, text) => {
                        for responder in case.responders.iter_mut().filter(|r| r.url == url) {
                            responder.index = Some(text.clone()).filter(|t| !t.trim().is_empty());
                        }
                    }
                    CaseEdit::Ccdt(text) => {
                        case.client.ccdt_json = Some(text).filter(|t| !t.trim().is_empty())
                    }
                    CaseEdit::ClientLog(text) => case.client.error_log = text,
                    CaseEdit::QmLog(text) => case.queue_manager.error_log = text,
                    CaseEdit::MqairVersion(version) => case.client.mqair_version = version,
                    CaseEdit::MqcnoVersion(version) => case.client.mqcno_version = version,
                    CaseEdit::QmCertificate(selector) => {
                        case.queue_manager.certificate = Some(selector)
                    }
                    CaseEdit::ClientCertificate(selector) => {
                        case.client.certificate = Some(selector)
                    }
                    CaseEdit::ToggleClientTrust(selector) => {
                        toggle(&mut case.client.trust, selector)
                    }
                    CaseEdit::ToggleQmTrust(selector) => {
                        toggle(&mut case.queue_manager.trust, selector)
                    }
                }
            }
            Action::LiveStarted(lines) => next.live_log = lines,
            Action::LiveNote(line) => next.live_log.push(line),
            Action::LiveProgress { lines, case: live } => {
                next.live_log.extend(lines);
                let case = next.case.get_or_insert_with(|| empty_case(&self));
                case.evidence = live.evidence;
                case.live = live.live;
                if live.queue_manager.certificate.is_some() {
                    case.queue_manager.certificate = live.queue_manager.certificate;
                }
                if case.client.mqcd.is_none() {
                    case.client.mqcd = live.client.mqcd;
                }
            }
            Action::Apply(change) => {
                let Some(case) = next.case.as_mut() else {
                    return self;
                };
                change.apply(case);
            }
            Action::ShowMore => next.shown += PAGE_SIZE,
            Action::Select(change) => {
                let mut selection = next.effective_selection();
                match change {
                    SelectionChange::Target(fp) => selection.target = Some(fp),
                    SelectionChange::ToggleAnchor(fp) => {
                        match selection.anchors.iter().position(|a| *a == fp) {
                            Some(index) => {
                                selection.anchors.remove(index);
                            }
                            None => selection.anchors.push(fp),
                        }
                    }
                    SelectionChange::Response(fp) => selection.response = fp,
                    SelectionChange::Profile(profile) => selection.profile = profile,
                    SelectionChange::Purpose(purpose) => selection.purpose = Some(purpose),
                    SelectionChange::Legacy(legacy) => selection.legacy = legacy,
                }
                next.selection = Some(selection);
                next.step = 0;
                next.highlight = None;
            }
            Action::ShowStep(step, highlight) => {
                next.step = step;
                next.highlight = highlight;
            }
        }
        Rc::new(next)
    }
}

fn toggle(list: &mut Vec<String>, item: String) {
    match list.iter().position(|i| *i == item) {
        Some(index) => {
            list.remove(index);
        }
        None => list.push(item),
    }
}

/// A case around what is pasted, to be filled in.
fn empty_case(state: &State) -> Case {
    let mut case = Case::new("New case", &state.at.to_string());
    case.material = state.text.clone();
    case
}

impl State {
    /// Everything worth keeping, as a case: the open case, or the paste wrapped in one.
    pub fn snapshot(&self) -> Option<Case> {
        match self.case_at_time() {
            Some(case) => Some(case),
            None if !self.text.trim().is_empty() => Some(empty_case(self)),
            None => None,
        }
    }

    /// The case with the page's evaluation time.
    pub fn case_at_time(&self) -> Option<Case> {
        self.case.clone().map(|mut case| {
            case.at = self.at.to_string();
            case
        })
    }

    /// The case at the chosen time, or the new case live evidence would start.
    pub fn case_or_new(&self) -> Case {
        self.case_at_time().unwrap_or_else(|| empty_case(self))
    }

    /// New material: the picks follow the defaults again and the stepper starts over.
    fn reset_verification(&mut self) {
        self.selection = None;
        self.step = 0;
        self.highlight = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<State> {
        Rc::new(State::new(Timestamp::from_unix(1_700_000_000).unwrap()))
    }

    #[test]
    fn edit_keeps_text_and_decode_waits() {
        let s = state().reduce(Action::Edit("-----BEGIN CERTIFICATE-----\nMII".into()));
        assert!(s.pending);
        assert!(
            s.decoded.problems.is_empty(),
            "nothing decoded before the pause"
        );
        let s = s.reduce(Action::Decode);
        assert!(!s.pending);
        assert_eq!(s.text, "-----BEGIN CERTIFICATE-----\nMII");
        assert_eq!(s.decoded.problems.len(), 1);
    }

    #[test]
    fn bad_time_keeps_the_previous_one_and_says_why() {
        let s = state().reduce(Action::SetTime("yesterday".into()));
        assert_eq!(s.at.unix(), 1_700_000_000);
        assert!(
            s.at_error
                .as_deref()
                .unwrap()
                .contains("'yesterday' is not an RFC 3339 time")
        );
        let s = s.reduce(Action::SetTime("2022-02-02T13:22:24Z".into()));
        assert_eq!(s.at.to_string(), "2022-02-02T13:22:24Z");
        assert!(s.at_error.is_none());
    }

    #[test]
    fn files_decode_as_bytes_and_can_be_removed() {
        let s = state().reduce(Action::AddFile {
            name: "x.der".into(),
            bytes: vec![0x30, 0x03, 0x02, 0x01, 0x05],
        });
        assert_eq!(s.files.len(), 1);
        assert_eq!(
            s.problem_count(),
            1,
            "a DER SEQUENCE that is no known object"
        );
        let s = s.reduce(Action::RemoveFile(0));
        assert!(s.files.is_empty());
    }
}
