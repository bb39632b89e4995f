//! What travels between mqocsp's parts, and nothing else: the little HTTP/1.1 that OCSP and CRL
//! fetches need (RFC 6960 Appendix A), sans I/O, and the relay's JSON contract as serde types.
//!
//! - [`url`]: the one validator every outgoing request goes through. An [`HttpUrl`] or a
//!   [`Target`] exists only if it is safe to put on the wire: plain `http`, a host name or IP
//!   literal, a port, and a path and query without control characters, spaces or userinfo.
//! - [`http`]: request bytes built from an [`HttpUrl`] (never from text), and a bounded reader of
//!   the answer.
//! - [`contract`]: what the page (or any client) sends to `POST /api/ocsp` and what it gets back.
//!
//! The relay, the CLI and the page (wasm32) depend on this crate; it depends on serde and base64
//! only, so the relay does not compile the core.

//!
//! Nothing here panics on input.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod contract;
pub mod http;
pub mod url;

pub use contract::{Method, RelayAnswer, RelayCall, RelayError};
pub use url::{Host, HttpUrl, Target, UrlError};
