//! The page's state: one `Reducible`, changed only by [`Action`]s, one concern per module:
//! [`paste`] (the text, the files, the evaluation time, what is verified), [`case`] (the MQ case
//! and its edits) and [`live`] (what the live queries did).
//!
//! Nothing is decoded, verified or predicted inside `reduce`: an action carries results that were
//! worked out where the intent was handled (`services::work`), so reducing stays cheap and the
//! heavy work can move off the main thread. Typing only stores the text
//! ([`PasteAction::Edit`]); the decode runs when the typing pauses and comes back as
//! [`PasteAction::Decoded`], which is dropped if the text changed meanwhile. The text itself is
//! never rewritten by the page: nothing the user pasted is lost.

pub mod case;
pub mod live;
pub mod paste;
#[cfg(test)]
mod tests;

pub use case::{CaseAction, CaseEdit};
pub use live::LiveAction;
pub use paste::{FileInput, PasteAction, SelectionChange};

use mqocsp_core::der::Span;
use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::sort::Sorted;
use mqocsp_core::verify::workbench::{Selection, default_selection};
use mqocsp_core::{Decoded, DecodedObject, Timestamp};
use std::rc::Rc;
use std::sync::Arc;
use yew::Reducible;

/// How many cards are shown before "show more" (each card is a few hundred DOM nodes: twenty
/// keep the update that shows them well under a long task).
pub const PAGE_SIZE: usize = 20;

/// Everything the page shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The pasted text, exactly as the user left it.
    pub text: String,
    /// Whether `decoded` lags behind `text` (a decode is scheduled or running).
    pub pending: bool,
    /// What the core decoded from `text`.
    pub decoded: Arc<Decoded>,
    /// What `decoded` holds by slot, when the worker sorted it (the page sorts it otherwise).
    pub sorted: Option<Arc<Sorted>>,
    /// The text `decoded` came from (while a paste is pending, `text` is already newer): what
    /// is derived from the decoded objects and their text follows this, not every keystroke.
    pub decoded_text: Rc<str>,
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

/// What the user, a timer or a finished piece of work can do to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The paste, the files, the evaluation time and what is verified.
    Paste(PasteAction),
    /// The MQ case.
    Case(CaseAction),
    /// The live log and what live queries recorded.
    Live(LiveAction),
}

impl From<PasteAction> for Action {
    fn from(action: PasteAction) -> Self {
        Self::Paste(action)
    }
}

impl From<CaseAction> for Action {
    fn from(action: CaseAction) -> Self {
        Self::Case(action)
    }
}

impl From<LiveAction> for Action {
    fn from(action: LiveAction) -> Self {
        Self::Live(action)
    }
}

/// Whether an action changed anything (an unchanged state keeps its `Rc`, so nothing re-renders).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Changed {
    Yes,
    No,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            Action::Paste(action) => next.paste(action),
            Action::Case(action) => next.case(action),
            Action::Live(action) => next.live(action),
        };
        match changed {
            Changed::Yes => Rc::new(next),
            Changed::No => self,
        }
    }
}

impl State {
    /// A fresh page at evaluation time `now`.
    pub fn new(now: Timestamp) -> Self {
        Self {
            text: String::new(),
            pending: false,
            decoded: Arc::default(),
            sorted: None,
            decoded_text: Rc::from(""),
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

    /// Everything worth keeping, as a case: the open case, or the paste wrapped in one.
    pub fn snapshot(&self) -> Option<Case> {
        match self.case_at_time() {
            Some(case) => Some(case),
            None if !self.text.trim().is_empty() => Some(self.empty_case()),
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
        self.case_at_time().unwrap_or_else(|| self.empty_case())
    }

    /// A case around what is pasted, to be filled in.
    pub fn empty_case(&self) -> Case {
        let mut case = Case::new("New case", &self.at.to_string());
        case.material = self.text.clone();
        case
    }

    /// New material: the picks follow the defaults again and the stepper starts over.
    fn reset_verification(&mut self) {
        self.selection = None;
        self.step = 0;
        self.highlight = None;
    }
}
