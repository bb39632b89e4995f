//! Test-only helpers shared by the mqocsp crates' tests.
//!
//! - [`pki`]: a small PKI factory on rcgen, so every test certificate is made by code whose
//!   intent is readable, never pasted from unknown origin.
//! - [`ocsp`]: deterministic OCSP responses, right and wrong, built with [`der`].
//! - [`crl`]: CRLs built field by field, right and wrong, signed with the issuer's key.
//! - [`fixtures`]: the seed's PKI (queue manager and client chains, OCSP answers) with fixed bytes.
//! - [`golden`]: compare output with a checked-in golden file; `MQOCSP_BLESS=1` rewrites it.
//! - [`scratch`]: throw-away folders for files a test hands to a process.
//! - [`openssl`]: a CA run by the real `openssl` command: index.txt, OCSP answers, CRLs.
//! - [`http_file`]: a plain HTTP server for one file (a CRL distribution point).

pub mod crl;
pub mod der;
pub mod fixtures;
pub mod ocsp;
pub mod pki;

#[cfg(not(target_arch = "wasm32"))]
pub mod golden;

#[cfg(not(target_arch = "wasm32"))]
pub mod scratch;

#[cfg(not(target_arch = "wasm32"))]
pub mod openssl;

#[cfg(not(target_arch = "wasm32"))]
pub mod http_file;
