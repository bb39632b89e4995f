//! The page's state: one `Reducible`, changed only by [`Action`]s.
//!
//! Typing only stores the text ([`Action::Edit`]); decoding runs when the typing pauses
//! ([`Action::Decode`]), so a 1,000-certificate paste does not re-decode on every keystroke.
//! The text itself is never rewritten by the page: nothing the user pasted is lost.

use mqocsp_core::{Decoded, Timestamp, decode, decode_bytes};
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
        }
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
                next.decoded = Rc::new(if next.text.trim().is_empty() {
                    Decoded::default()
                } else {
                    decode(&next.text)
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
            Action::ShowMore => next.shown += PAGE_SIZE,
        }
        Rc::new(next)
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
