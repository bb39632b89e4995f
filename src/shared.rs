//! [`Shared`]: a value computed once and handed to many components.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A value computed once per change and shared by reference: two `Shared` are equal when they
/// are the same computation (pointer equality), so props holding one compare in O(1) and the
/// value itself needs no `PartialEq`. It is an `Arc` (the page has one thread, so it costs what
/// an `Rc` would) because the core shares decoded material as `Arc<Decoded>`.
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Self(Arc::new(value))
    }

    /// Shares a value already behind an `Arc` (equal to another `Shared` of the same `Arc`).
    pub fn from_arc(value: Arc<T>) -> Self {
        Self(value)
    }

    /// The `Arc` shared.
    pub fn arc(&self) -> Arc<T> {
        Arc::clone(&self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Shared(..)")
    }
}
