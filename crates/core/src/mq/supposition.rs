//! What a diagnosis supposes where a case has no evidence, and which side checks: the small
//! types the case (which carries suppositions) and the revocation model (which reads them) share,
//! kept apart so that neither file needs the other for them.

use serde::Serialize;

/// What a diagnosis supposes a responder answers, where the case has no evidence of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Supposed {
    /// It answers good.
    Good,
    /// It answers revoked.
    Revoked,
    /// It answers unknown.
    Unknown,
    /// It cannot be reached.
    Unreachable,
    /// It answers, but its response cannot be verified (its signature, or its signer's
    /// authority): AMQ9716 cause (c). Supposed only where the ticket shows such a response
    /// (`openssl ocsp` printing `Response Verify Failure`).
    Unverifiable,
}

/// A supposition about one responder: what it answers about one certificate (`certificate` is a
/// SHA-256 fingerprint), or about every certificate (`None`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Supposition {
    /// The responder URL.
    pub url: String,
    /// The certificate, or every one.
    pub certificate: Option<String>,
    /// The answer supposed.
    pub answer: Supposed,
    /// The ticket line of the `openssl ocsp` output that printed this answer, when it comes from
    /// there rather than from the diagnosis's search.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed: Option<usize>,
}

/// Which side checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The MQ client, checking the queue manager's certificate.
    Client,
    /// The queue manager, checking the client's certificate.
    QueueManager,
}
