//! Work budgets: path building and name-constraint matching stop, with a failure that says so,
//! before a pathological input can take seconds (or freeze the page).
//!
//! The numbers are rustls-webpki's (`verify_cert.rs`, `Budget::default`): 100 signature checks
//! (golang's remedy for CVE-2018-16875) and 250 000 name-constraint comparisons (golang
//! crypto/x509's default). webpki allows 200 000 chain-building calls because it verifies a
//! signature before descending; mqocsp builds by name and validates afterwards, so it allows
//! fewer calls ([`MAX_BUILD_CALLS`]).

use std::fmt;

/// Signature checks per chain verification (rustls-webpki, golang CVE-2018-16875).
pub const MAX_SIGNATURES: usize = 100;
/// Name-constraint comparisons per chain verification (rustls-webpki, golang crypto/x509).
pub const MAX_NAME_COMPARISONS: usize = 250_000;
/// Path-building steps per chain verification.
pub const MAX_BUILD_CALLS: usize = 20_000;

/// What ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exhausted {
    /// More than [`MAX_SIGNATURES`] signature checks.
    Signatures,
    /// More than [`MAX_NAME_COMPARISONS`] name comparisons.
    NameComparisons,
    /// More than [`MAX_BUILD_CALLS`] path-building steps.
    BuildCalls,
}

impl fmt::Display for Exhausted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Signatures => write!(
                f,
                "more than {MAX_SIGNATURES} signature checks were needed (the limit rustls-webpki and Go use)"
            ),
            Self::NameComparisons => write!(
                f,
                "more than {MAX_NAME_COMPARISONS} name-constraint comparisons were needed (the limit rustls-webpki and Go use)"
            ),
            Self::BuildCalls => write!(
                f,
                "more than {MAX_BUILD_CALLS} path-building steps were needed"
            ),
        }
    }
}

/// What is left of each budget.
#[derive(Clone, Debug)]
pub struct Budget {
    signatures: usize,
    name_comparisons: usize,
    build_calls: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Self {
            signatures: MAX_SIGNATURES,
            name_comparisons: MAX_NAME_COMPARISONS,
            build_calls: MAX_BUILD_CALLS,
        }
    }
}

impl Budget {
    /// Pays for one signature check.
    pub fn signature(&mut self) -> Result<(), Exhausted> {
        Self::pay(&mut self.signatures, Exhausted::Signatures)
    }

    /// Pays for one name-constraint comparison.
    pub fn name_comparison(&mut self) -> Result<(), Exhausted> {
        Self::pay(&mut self.name_comparisons, Exhausted::NameComparisons)
    }

    /// Pays for one path-building step.
    pub fn build_call(&mut self) -> Result<(), Exhausted> {
        Self::pay(&mut self.build_calls, Exhausted::BuildCalls)
    }

    fn pay(left: &mut usize, what: Exhausted) -> Result<(), Exhausted> {
        *left = left.checked_sub(1).ok_or(what)?;
        Ok(())
    }
}
