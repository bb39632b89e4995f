//! What a CRL says about one certificate (RFC 5280 §6.3, simplified to complete CRLs): issued by
//! the certificate's issuer, signed with its key, current at the evaluation time; then the serial
//! is looked up.

use super::signature::{LegacyAlgorithms, verify_signature};
use crate::certificate::Certificate;
use crate::crl::Crl;
use crate::timestamp::Timestamp;

/// A usable CRL's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CrlVerdict {
    /// The serial is not listed.
    NotListed,
    /// The serial is listed.
    Revoked {
        /// revocationDate.
        date: Timestamp,
        /// The reason code, when the entry has one.
        reason: Option<String>,
    },
}

/// Why a CRL cannot be relied on for a certificate (the MQ model's simplified §6.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CrlUnusable {
    /// The CRL's issuer is not the certificate's issuer.
    OtherIssuer {
        /// The CRL's issuer.
        crl_issuer: String,
        /// The certificate's issuer.
        cert_issuer: String,
    },
    /// The signature does not verify with the issuer's key.
    Signature {
        /// The issuer, short name.
        issuer: String,
        /// What the signature check said.
        error: String,
    },
    /// thisUpdate is after the evaluation time.
    NotYetValid {
        /// thisUpdate.
        this_update: Timestamp,
        /// The evaluation time.
        at: Timestamp,
    },
    /// nextUpdate has passed.
    Expired {
        /// nextUpdate.
        next_update: Timestamp,
        /// The evaluation time.
        at: Timestamp,
    },
}

impl std::fmt::Display for CrlUnusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::OtherIssuer {
                crl_issuer,
                cert_issuer,
            } => write!(
                f,
                "the CRL is issued by {crl_issuer}, not by the certificate's issuer {cert_issuer}"
            ),
            Self::Signature { issuer, error } => write!(
                f,
                "its signature does not check out with the key of {issuer}: {error}"
            ),
            Self::NotYetValid { this_update, at } => {
                write!(
                    f,
                    "its thisUpdate {this_update} is after the evaluation time {at}"
                )
            }
            Self::Expired { next_update, at } => write!(
                f,
                "it expired at its nextUpdate {next_update} (evaluation time {at}); the CA publishes a newer one"
            ),
        }
    }
}

/// Checks `crl` (with its DER) as a source of revocation information for `cert`, issued by
/// `issuer`, at `at`. `Err` says why the CRL cannot be relied on.
pub fn crl_verdict(
    crl: &Crl,
    der: &[u8],
    issuer: &Certificate,
    cert: &Certificate,
    at: Timestamp,
    legacy: LegacyAlgorithms,
) -> Result<CrlVerdict, CrlUnusable> {
    if !crl.issuer.matches(&cert.issuer) {
        return Err(CrlUnusable::OtherIssuer {
            crl_issuer: crl.issuer.rfc4514.clone(),
            cert_issuer: cert.issuer.rfc4514.clone(),
        });
    }
    verify_signature(
        &crl.signature_algorithm,
        issuer,
        crl.tbs_span.of(der),
        &crl.signature,
        legacy,
    )
    .map_err(|e| CrlUnusable::Signature {
        issuer: issuer.short_name(),
        error: e.to_string(),
    })?;
    if crl.this_update.0 > at.0 {
        return Err(CrlUnusable::NotYetValid {
            this_update: crl.this_update,
            at,
        });
    }
    if let Some(next) = crl.next_update.filter(|next| next.0 < at.0) {
        return Err(CrlUnusable::Expired {
            next_update: next,
            at,
        });
    }
    Ok(
        match crl.revoked.iter().find(|entry| entry.serial == cert.serial) {
            Some(entry) => CrlVerdict::Revoked {
                date: entry.revocation_date,
                reason: entry.reason.clone(),
            },
            None => CrlVerdict::NotListed,
        },
    )
}
