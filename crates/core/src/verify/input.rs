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
