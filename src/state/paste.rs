//! The paste, the files, the evaluation time and what is verified. Decoded results arrive here
//! already made (see `services::work`); reducing only stores them.

use super::{Changed, PAGE_SIZE, State};
use mqocsp_core::der::Span;
use mqocsp_core::mq::sort::Sorted;
use mqocsp_core::verify::{LegacyAlgorithms, Profile, Purpose};
use mqocsp_core::{Decoded, Timestamp};
use std::rc::Rc;
use std::sync::Arc;

/// A file the user dropped or picked, with what the core decoded from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileInput {
    /// Its name.
    pub name: String,
    /// Its size in bytes.
    pub size: usize,
    /// What the core decoded from it.
    pub decoded: Arc<Decoded>,
}

/// What can happen to the paste, the files, the time and the verification picks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteAction {
    /// The paste box now holds this text; a decode follows when the typing pauses.
    Edit(String),
    /// `text` was decoded (dropped when the paste no longer holds that text).
    Decoded {
        /// The text that was decoded.
        text: String,
        /// What came of it.
        decoded: Arc<Decoded>,
        /// What it holds by slot, when the worker sorted it.
        sorted: Option<Arc<Sorted>>,
    },
    /// A file was dropped or picked, and decoded.
    AddFile(FileInput),
    /// Forget the file at this position.
    RemoveFile(usize),
    /// The evaluation time field now holds `text`; `at` is the time it names, if it names one.
    /// Made by [`PasteAction::set_time`].
    SetTime {
        /// The field's text.
        text: String,
        /// The time it names.
        at: Option<Timestamp>,
    },
    /// Set the evaluation time.
    SetTimeTo(Timestamp),
    /// Show the next page of cards.
    ShowMore,
    /// Change what is verified.
    Select(SelectionChange),
    /// Show step `n` of the trace (clamped by the stepper) and highlight its evidence.
    ShowStep(usize, Option<(String, Span)>),
}

impl PasteAction {
    /// The evaluation time field now holds `text` (read here, before reducing).
    pub fn set_time(text: String) -> Self {
        let at = Timestamp::parse_rfc3339(&text);
        Self::SetTime { text, at }
    }
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
    /// Most intermediate CAs allowed (none: no limit).
    MaxDepth(Option<usize>),
}

impl State {
    pub(crate) fn paste(&mut self, action: PasteAction) -> Changed {
        match action {
            PasteAction::Edit(text) => {
                if text == self.text {
                    return Changed::No;
                }
                self.text = text;
                self.pending = true;
            }
            PasteAction::Decoded {
                text,
                decoded,
                sorted,
            } => {
                if !self.pending || text != self.text {
                    return Changed::No;
                }
                self.pending = false;
                self.shown = PAGE_SIZE;
                self.reset_verification();
                self.decoded_text = Rc::from(text.as_str());
                if let Some(case) = self.case.as_mut() {
                    case.material = text;
                }
                self.decoded = decoded;
                self.sorted = sorted;
            }
            PasteAction::AddFile(file) => self.files.push(file),
            PasteAction::RemoveFile(index) => {
                if index >= self.files.len() {
                    return Changed::No;
                }
                self.files.remove(index);
                self.reset_verification();
            }
            PasteAction::SetTime { text, at } => {
                match at {
                    Some(at) => {
                        self.at = at;
                        self.at_error = None;
                    }
                    None => {
                        self.at_error = Some(format!(
                            "'{}' is not an RFC 3339 time such as 2022-02-02T13:22:24Z; still using {}",
                            text.trim(),
                            self.at
                        ));
                    }
                }
                self.at_text = text;
            }
            PasteAction::SetTimeTo(at) => {
                self.at = at;
                self.at_text = at.to_string();
                self.at_error = None;
            }
            PasteAction::ShowMore => self.shown += PAGE_SIZE,
            PasteAction::Select(change) => self.select(change),
            PasteAction::ShowStep(step, highlight) => {
                self.step = step;
                self.highlight = highlight;
            }
        }
        Changed::Yes
    }

    fn select(&mut self, change: SelectionChange) {
        let mut selection = self.effective_selection();
        match change {
            SelectionChange::Target(fp) => selection.target = Some(fp),
            SelectionChange::ToggleAnchor(fp) => super::case::toggle(&mut selection.anchors, fp),
            SelectionChange::Response(fp) => selection.response = fp,
            SelectionChange::Profile(profile) => selection.profile = profile,
            SelectionChange::Purpose(purpose) => selection.purpose = Some(purpose),
            SelectionChange::Legacy(legacy) => selection.legacy = legacy,
            SelectionChange::MaxDepth(depth) => selection.max_depth = depth,
        }
        self.selection = Some(selection);
        self.step = 0;
        self.highlight = None;
    }
}
