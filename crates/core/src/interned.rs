//! Reading `&'static str` fields back from JSON.
//!
//! A [`Step`](crate::verify::Step)'s id and reference, an assumption's text and other names the
//! core writes are `&'static str`: texts compiled into the program. The page's worker sends a
//! prediction or a verification to the page as JSON, and the page reads it back into the same
//! types, so those fields must be made `'static` again. Each distinct text is stored once, for
//! the life of the program, and found again by its contents the next time: the worker only ever
//! writes texts compiled into the same program, so what is stored is bounded by those. To stay
//! bounded on any input, at most [`MAX_TEXTS`] distinct texts are stored, each at most
//! [`MAX_TEXT_BYTES`] long; past that, reading fails with an error that says so.
//!
//! Use with `#[serde(deserialize_with = "crate::interned::text")]` (or [`optional`] for an
//! `Option<&'static str>`, [`texts`] for a `Vec<&'static str>`).

use serde::{Deserialize, Deserializer, de::Error as _};
use std::cell::RefCell;
use std::collections::HashSet;

/// A text compiled into the program, as a field of a type read back from JSON. It is
/// `&'static str` under another name: serde's derive would otherwise require the JSON itself to
/// live for ever (it borrows `&str` fields from its input), where [`text`] stores a copy.
pub type Text = &'static str;

/// At most this many distinct texts are stored (the program has a few thousand).
pub const MAX_TEXTS: usize = 20_000;
/// The longest text stored (the longest assumption text is a few hundred bytes).
pub const MAX_TEXT_BYTES: usize = 16 * 1024;

thread_local! {
    static TEXTS: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
}

/// `text` as a `&'static str`: the stored copy when there is one, else a new stored copy.
pub fn intern(text: &str) -> Result<&'static str, String> {
    TEXTS.with_borrow_mut(|texts| {
        if let Some(stored) = texts.get(text) {
            return Ok(*stored);
        }
        if text.len() > MAX_TEXT_BYTES {
            return Err(format!(
                "a name of {} bytes is longer than the {MAX_TEXT_BYTES} bytes read back",
                text.len()
            ));
        }
        if texts.len() >= MAX_TEXTS {
            return Err(format!(
                "more than {MAX_TEXTS} distinct names read back: refusing to store more"
            ));
        }
        let stored: &'static str = Box::leak(text.to_owned().into_boxed_str());
        texts.insert(stored);
        Ok(stored)
    })
}

/// Reads a `&'static str`.
pub fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
    intern(&text).map_err(D::Error::custom)
}

/// Reads an `Option<&'static str>`.
pub fn optional<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<&'static str>, D::Error> {
    let text = Option::<std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    text.map(|t| intern(&t).map_err(D::Error::custom))
        .transpose()
}

/// Reads a `Vec<&'static str>`.
pub fn texts<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<&'static str>, D::Error> {
    let texts = Vec::<std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    texts
        .iter()
        .map(|t| intern(t).map_err(D::Error::custom))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{MAX_TEXT_BYTES, intern};

    #[test]
    fn a_text_is_stored_once_and_found_again() {
        let first = intern("chain.signature").unwrap();
        let again = intern(&String::from("chain.signature")).unwrap();
        assert!(std::ptr::eq(first, again));
        assert_eq!(first, "chain.signature");
    }

    #[test]
    fn an_overlong_text_is_refused_with_its_length() {
        let long = "x".repeat(MAX_TEXT_BYTES + 1);
        let error = intern(&long).unwrap_err();
        assert!(
            error.contains(&format!("{}", MAX_TEXT_BYTES + 1)),
            "{error}"
        );
    }
}
