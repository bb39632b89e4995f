//! [`Shared`]: a value computed once and handed to many components.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// A value computed once per change and shared by reference: two `Shared` are equal when they
/// are the same computation (pointer equality), so props holding one compare in O(1) and the
/// value itself needs no `PartialEq`.
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Self(Rc::new(value))
    }

    /// Shares a value already behind an `Rc` (equal to another `Shared` of the same `Rc`).
    pub fn from_rc(value: Rc<T>) -> Self {
        Self(value)
    }

    /// The `Rc` shared.
    pub fn rc(&self) -> Rc<T> {
        Rc::clone(&self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
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
