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

/// Checks `crl` (with its DER) as a source of revocation information for `cert`, issued by
/// `issuer`, at `at`. `Err` says why the CRL cannot be relied on.
pub fn crl_verdict(
    crl: &Crl,
    der: &[u8],
    issuer: &Certificate,
    cert: &Certificate,
    at: Timestamp,
    legacy: LegacyAlgorithms,
) -> Result<CrlVerdict, String> {
    if crl.issuer.rfc4514 != cert.issuer.rfc4514 {
        return Err(format!(
            "the CRL is issued by {}, not by the certificate's issuer {}",
            crl.issuer.rfc4514, cert.issuer.rfc4514
        ));
    }
    verify_signature(
        &crl.signature_algorithm,
        issuer,
        crl.tbs_span.of(der),
        &crl.signature,
        legacy,
    )
    .map_err(|e| {
        format!(
            "its signature does not check out with the key of {}: {e}",
            issuer.short_name()
        )
    })?;
    if crl.this_update.0 > at.0 {
        return Err(format!(
            "its thisUpdate {} is after the evaluation time {at}",
            crl.this_update
        ));
    }
    if let Some(next) = crl.next_update.filter(|next| next.0 < at.0) {
        return Err(format!(
            "it expired at its nextUpdate {next} (evaluation time {at}); the CA publishes a newer one"
        ));
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
