//! Verification: certificate paths and OCSP responses, each check a step of a [`Trace`].

pub mod budget;
mod build;
pub mod chain;
mod common_name;
pub mod crl;
mod dp_names;
mod idna;
mod input;
mod key_policy;
pub(crate) mod names;
pub mod ocsp;
pub mod path_crl;
pub mod policy;
pub mod profile;
pub mod signature;
pub mod trace;
pub mod workbench;

pub use chain::{ChainInput, ChainReport, Purpose, verify_chain};
pub use input::PolicySettings;
pub use ocsp::{OcspInput, OcspReport, Profile, Signer, verify_ocsp};
pub use path_crl::CrlSource;
pub use profile::{ChainProfile, ProfileViolation};
pub use signature::LegacyAlgorithms;
pub use trace::{Evidence, Outcome, Step, Trace};
