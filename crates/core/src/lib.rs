//! # mqocsp-core
//!
//! The pure heart of mqocsp: it finds the objects in what a support engineer pastes, decodes them
//! into typed models and (in later layers) verifies them and predicts what IBM MQ will do.
//!
//! The crate does no I/O, reads no clock and draws no random numbers: text, bytes and the
//! evaluation time are always passed in, so the same code runs in the browser (WebAssembly), the
//! command-line tool and the tests.
//!
//! Data flows one way:
//!
//! ```text
//! text -> input::scan -> decode::decode -> Decoded { objects, problems }
//! ```
//!
//! Nothing here panics on input. The limits that keep work bounded are documented on
//! [`limits`].
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod certificate;
pub mod crl;
pub mod decode;
pub mod der;
pub mod der_write;
pub mod error;
pub mod extension;
#[cfg(feature = "fuzzing")]
pub mod fuzz;
pub mod general_name;
pub mod hex;
pub mod input;
pub mod interned;
pub mod limits;
pub mod location;
pub mod mq;
pub mod name;
pub mod ocsp;
pub mod oids;
pub mod present;
pub mod reader;
pub mod restore;
pub mod sniff;
pub mod timestamp;
pub mod verify;

pub use certificate::Certificate;
pub use decode::{Decoded, DecodedObject, ObjectBody, decode, decode_bytes};
pub use error::DecodeError;
pub use location::{Location, Source, SourceFormat};
pub use timestamp::Timestamp;
