//! Limits that keep decoding bounded, whatever is pasted.
//!
//! Each limit exists so that a hostile or accidental paste cannot make the page freeze: the
//! browser runs this code on its main thread.

/// Largest paste accepted, in bytes (16 MiB). A 1,000-certificate PEM bundle is about 2 MiB.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Most objects decoded from one paste. Further objects are reported as one problem.
pub const MAX_OBJECTS: usize = 10_000;
