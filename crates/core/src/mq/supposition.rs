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
    /// Where the answer comes from.
    pub origin: Origin,
}

/// Where a supposed answer comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The diagnosis's search: the ticket shows no answer.
    #[default]
    Search,
    /// The `openssl ocsp` output at this ticket line printed it.
    Printed(usize),
    /// The search, against what the `openssl ocsp` output at this ticket line printed (another
    /// host, another time, or not the responder MQ asks).
    AgainstPrinted(usize),
}

impl Origin {
    /// The ticket line of the openssl output the answer is taken from.
    pub fn printed(self) -> Option<usize> {
        match self {
            Origin::Printed(line) => Some(line),
            _ => None,
        }
    }

    /// Where the answer comes from, in words.
    pub fn words(self) -> String {
        match self {
            Origin::Search => {
                "supposed by the diagnosis: the ticket does not show its answer".into()
            }
            Origin::Printed(line) => format!("as the openssl ocsp output at line {line} shows"),
            Origin::AgainstPrinted(line) => format!(
                "supposed by the diagnosis, against what the openssl ocsp output at line {line} shows"
            ),
        }
    }
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
