//! Key and purpose policy for every certificate of a path: the key's algorithm and size, and
//! the extended key usage the purpose needs (on CA certificates too).

use super::input::{Purpose, step};
use super::profile::{ChainProfile, Role};
use super::signature::LegacyAlgorithms;
use super::trace::{Outcome, Step};
use crate::certificate::Certificate;
use crate::general_name::{KeyPurpose, list};

const RFC5280_EKU: &str = "RFC 5280 §4.2.1.12";

/// RFC 5280 §4.2.1.12 leaves EKU in CA certificates to applications. mqocsp follows openssl
/// (`X509_check_purpose` on every certificate of the chain), rustls-webpki and Go: a CA whose
/// extKeyUsage lacks the purpose (and anyExtendedKeyUsage) cannot issue for it. In the gskit
/// profile this is a warning, as GSKit's behaviour is not documented.
pub(super) fn eku_step(
    cert: &Certificate,
    purpose: Purpose,
    role: Role,
    profile: ChainProfile,
) -> Option<Step> {
    let wanted = purpose.eku()?;
    let label = KeyPurpose::label(wanted);
    let builder = step(
        "chain.extended_key_usage",
        &format!("Extended key usage allows {label}"),
        cert,
        RFC5280_EKU,
    );
    let purposes = cert.purposes();
    Some(match (purposes, role, profile) {
        (None, _, _) => builder.done(Outcome::Pass, "No extKeyUsage extension: every purpose is allowed."),
        (Some(_), _, _) if cert.allows_purpose(wanted) => builder.done(Outcome::Pass, format!("extKeyUsage includes {label}.")),
        (Some(list_), Role::Leaf, _) => builder.done(Outcome::Fail, format!("extKeyUsage is {} without {label}.", list(list_))),
        (Some(list_), _, ChainProfile::Rfc5280) => builder.done(Outcome::Fail, format!("This CA's extKeyUsage ({}) lacks {label}: it restricts what the CA may issue (openssl, rustls-webpki and Go all refuse the path).", list(list_))),
        (Some(list_), _, ChainProfile::Gskit) => builder.done(Outcome::Warn, format!("This CA's extKeyUsage ({}) lacks {label}; many verifiers (openssl, webpki, newer GSKit) treat that as a restriction on what it may issue.", list(list_))),
    })
}

/// KeyPurposeIds a TLS server certificate must not carry (CA/B Forum BR §7.1.2.7.10); the
/// precertificate signing purpose is RFC 6962 §3.1's.
const NOT_FOR_TLS_SERVERS: [&str; 6] = [
    KeyPurpose::ANY,
    KeyPurpose::CODE_SIGNING,
    KeyPurpose::EMAIL_PROTECTION,
    KeyPurpose::TIME_STAMPING,
    KeyPurpose::OCSP_SIGNING,
    "1.3.6.1.4.1.11129.2.4.4",
];

/// The CA/B Forum profile of a TLS server certificate's extKeyUsage (BR §7.1.2.7.6: not
/// critical; §7.1.2.7.10: serverAuth, optionally clientAuth, none of [`NOT_FOR_TLS_SERVERS`]),
/// checked in the strict profile on the certificate being verified for serverAuth. Without the
/// extension RFC 5280 §4.2.1.12 allows every purpose, and so does mqocsp (limbo's
/// rfc5280::eku::ee-without-eku).
pub(super) fn tls_server_eku_step(
    cert: &Certificate,
    purpose: Purpose,
    profile: ChainProfile,
) -> Option<Step> {
    if purpose != Purpose::ServerAuth || profile != ChainProfile::Rfc5280 {
        return None;
    }
    let purposes = cert.purposes()?;
    let builder = step(
        "chain.tls_server_eku",
        "extKeyUsage fits a TLS server certificate",
        cert,
        "CA/B Forum BR §7.1.2.7.6, §7.1.2.7.10",
    );
    let critical = cert.extension("2.5.29.37").is_some_and(|e| e.critical);
    let foreign: Vec<String> = purposes
        .iter()
        .filter(|p| NOT_FOR_TLS_SERVERS.iter().any(|&oid| p.is(oid)))
        .map(ToString::to_string)
        .collect();
    Some(match (critical, foreign.is_empty()) {
        (false, true) => builder.done(Outcome::Pass, format!("extKeyUsage is {}.", list(purposes))),
        (true, _) => builder.done(
            Outcome::Fail,
            "extKeyUsage is marked critical; a TLS server certificate's must not be.",
        ),
        (false, false) => builder.done(
            Outcome::Fail,
            format!(
                "extKeyUsage also names {}, which a TLS server certificate must not carry.",
                foreign.join(", ")
            ),
        ),
    })
}

const OID_RSA: &str = "1.2.840.113549.1.1.1";
const OID_EC: &str = "1.2.840.10045.2.1";
const OID_DSA: &str = "1.2.840.10040.4.1";
/// prime192v1 (P-192), below every current policy's minimum.
const OID_P192: &str = "1.2.840.10045.3.1.1";

/// Key algorithm and size policy (NIST SP 800-131A Rev. 2, CA/B Forum BR §6.1.5): RSA of 2048
/// bits or more, no DSA, named EC curves other than P-192, chosen by OID.
pub(super) fn key_size_step(cert: &Certificate, legacy: LegacyAlgorithms) -> Option<Step> {
    let key = &cert.public_key;
    let builder = step(
        "chain.key_size",
        "Key algorithm and size",
        cert,
        "NIST SP 800-131A Rev. 2 §3; CA/B Forum BR §6.1.5",
    );
    match key.algorithm.oid.as_str() {
        OID_RSA => {
            let bits = key.bits?;
            Some(match (bits < 2048, legacy) {
                (false, _) => builder.done(Outcome::Pass, format!("RSA {bits} bits.")),
                (true, LegacyAlgorithms::Allow) => builder.done(
                    Outcome::Warn,
                    format!("RSA {bits} bits is below 2048; accepted because legacy algorithms are allowed."),
                ),
                (true, LegacyAlgorithms::Reject) => {
                    builder.done(Outcome::Fail, format!("RSA {bits} bits is below 2048."))
                }
            })
        }
        OID_DSA => Some(builder.done(Outcome::Fail, "DSA keys are not allowed: NIST SP 800-131A no longer approves DSA signature generation and the CA/B Forum allows RSA and ECDSA only.")),
        OID_EC => Some(match key.curve_oid.as_deref() {
            None => builder.done(Outcome::Fail, "The EC key has explicit curve parameters instead of a named curve (RFC 5480 §2.1.1 forbids them; openssl -x509_strict refuses them)."),
            Some(OID_P192) => builder.done(Outcome::Fail, "P-192 gives about 96 bits of security, below the 112 bits every current policy requires."),
            Some(_) => builder.done(Outcome::Pass, format!("EC key on {}.", key.curve.as_deref().unwrap_or("a named curve"))),
        }),
        _ => None,
    }
}
