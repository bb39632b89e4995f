//! What a chain verification takes, and the step every chain check starts from: the types the
//! path builder, the chain checks, the key policy, the common-name rule and the CRL checks share,
//! kept apart from `chain.rs` so that none of those files needs the others for them.

use super::profile::ChainProfile;
use super::signature::LegacyAlgorithms;
use super::trace::StepBuilder;
use crate::certificate::Certificate;
use crate::crl::Crl;
use crate::general_name::KeyPurpose;
use crate::timestamp::Timestamp;
use serde::Serialize;

/// What the end-entity certificate is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// TLS server: the queue manager's certificate as the MQ client checks it.
    ServerAuth,
    /// TLS client: the MQ client's certificate as the queue manager checks it.
    ClientAuth,
    /// No extended key usage is required.
    Any,
}

impl Purpose {
    /// The KeyPurposeId the purpose needs.
    pub(super) fn eku(&self) -> Option<&'static str> {
        match self {
            Self::ServerAuth => Some(KeyPurpose::SERVER_AUTH),
            Self::ClientAuth => Some(KeyPurpose::CLIENT_AUTH),
            Self::Any => None,
        }
    }
}

/// What a chain verification takes.
#[derive(Clone, Copy, Debug)]
pub struct ChainInput<'a> {
    /// The certificate to verify.
    pub target: &'a Certificate,
    /// Certificates that may be intermediates (any order, duplicates, extras).
    pub untrusted: &'a [Certificate],
    /// Trust anchors (the key repository's CA certificates).
    pub anchors: &'a [Certificate],
    /// Evaluation time.
    pub at: Timestamp,
    /// What the target is for.
    pub purpose: Purpose,
    /// A DNS name or IP address the target must carry.
    pub peer_name: Option<&'a str>,
    /// SHA-1 and small RSA keys.
    pub legacy: LegacyAlgorithms,
    /// Which rules: RFC 5280 strictly, or what GSKit is documented to check.
    pub profile: ChainProfile,
    /// CRLs to check the path's certificates against (RFC 5280 §6.3); none for no check.
    pub crls: &'a [CrlSource<'a>],
    /// Most intermediate CA certificates allowed between the target and the anchor, as
    /// `openssl verify -verify_depth` counts them (neither counts); `None` for mqocsp's own
    /// limit ([`MAX_PATH_LEN`](super::chain::MAX_PATH_LEN) certificates in all).
    pub max_depth: Option<usize>,
    /// The policy inputs (RFC 5280 §6.1.1 (c), (e)–(g)); the default accepts any policy.
    pub policy: PolicySettings<'a>,
}

/// anyPolicy (RFC 5280 §4.2.1.4).
pub const ANY_POLICY: &str = "2.5.29.32.0";

/// The policy inputs of path validation (RFC 5280 §6.1.1 (c), (e), (f), (g)).
#[derive(Clone, Copy, Debug, Default)]
pub struct PolicySettings<'a> {
    /// user-initial-policy-set: dotted OIDs; empty means {anyPolicy}.
    pub policies: &'a [String],
    /// initial-explicit-policy: the path must be valid for at least one policy.
    pub explicit: bool,
    /// initial-policy-mapping-inhibit.
    pub inhibit_mapping: bool,
    /// initial-any-policy-inhibit.
    pub inhibit_any: bool,
}

impl PolicySettings<'_> {
    /// Whether every input is RFC 5280's default.
    pub(super) fn is_default(&self) -> bool {
        !self.explicit
            && !self.inhibit_mapping
            && !self.inhibit_any
            && self.policies.iter().all(|p| p == ANY_POLICY)
    }
}

/// A CRL given for path validation (`verify-chain --crl`), with the DER its spans point into.
#[derive(Clone, Copy, Debug)]
pub struct CrlSource<'a> {
    /// The decoded CRL.
    pub crl: &'a Crl,
    /// Its DER.
    pub der: &'a [u8],
}

/// A step about `cert`, titled and referenced.
pub(super) fn step(
    id: &'static str,
    title: &str,
    cert: &Certificate,
    reference: &'static str,
) -> StepBuilder {
    StepBuilder::new(id, title, cert.short_name(), reference)
}
