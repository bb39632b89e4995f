//! The page's state: one `Reducible`, changed only by [`Action`]s.

use mqocsp_core::{Decoded, decode};
use std::rc::Rc;
use yew::Reducible;

/// Everything the page shows is derived from this.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The pasted text, exactly as the user left it: never rewritten, never lost.
    pub text: String,
    /// What the core decoded from `text`.
    pub decoded: Rc<Decoded>,
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The paste box now holds this text.
    Paste(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Paste(text) => {
                if text == self.text {
                    return self;
                }
                let decoded = if text.trim().is_empty() {
                    Decoded::default()
                } else {
                    decode(&text)
                };
                Rc::new(State {
                    text,
                    decoded: Rc::new(decoded),
                })
            }
        }
    }
}
