//! Verification: certificate paths and OCSP responses, each check a step of a [`Trace`].

pub mod chain;
pub mod crl;
mod names;
pub mod ocsp;
pub mod signature;
pub mod trace;
pub mod workbench;

pub use chain::{ChainInput, ChainReport, Purpose, verify_chain};
pub use ocsp::{OcspInput, OcspReport, Profile, Signer, verify_ocsp};
pub use signature::LegacyAlgorithms;
pub use trace::{Evidence, Outcome, Step, Trace};
