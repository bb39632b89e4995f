//! CRLs built field by field (RFC 5280 §5.1), signed with the issuer's Ed25519 key, so a test
//! can make each rule of RFC 5280 §6.3 right or wrong on purpose.

use crate::der::{algorithm, bits, explicit, generalized_time, int, seq};
use crate::ocsp::extension;
use crate::pki::Issued;
use mqocsp_core::Certificate;
use rcgen::SigningKey as _;

/// How to build one CRL.
#[derive(Clone, Debug)]
pub struct CrlSpec {
    /// thisUpdate, `YYYYMMDDHHMMSS`.
    pub this_update: &'static str,
    /// nextUpdate, `YYYYMMDDHHMMSS`.
    pub next_update: Option<&'static str>,
    /// Serial numbers listed as revoked (on 2026-11-01).
    pub revoked: Vec<Vec<u8>>,
    /// crlExtensions, each from [`extension`].
    pub extensions: Vec<Vec<u8>>,
}

impl CrlSpec {
    /// Current from 2026-11-20 to 2026-12-10, cRLNumber 7, nothing revoked.
    pub fn good() -> Self {
        Self {
            this_update: "20261120000000",
            next_update: Some("20261210000000"),
            revoked: vec![],
            extensions: vec![extension("2.5.29.20", false, &int(&[7]))],
        }
    }
}

/// A v2 CRL from `issuer` (an Ed25519 CA), signed with its key.
pub fn crl(issuer: &Issued, spec: &CrlSpec) -> Vec<u8> {
    let issuer_cert = Certificate::parse(&issuer.der).expect("a test certificate");
    let mut tbs = vec![
        int(&[1]),
        algorithm("1.3.101.112", false),
        issuer_cert.subject_der.clone(),
    ];
    tbs.push(generalized_time(spec.this_update));
    if let Some(next) = spec.next_update {
        tbs.push(generalized_time(next));
    }
    if !spec.revoked.is_empty() {
        let entries: Vec<Vec<u8>> = spec
            .revoked
            .iter()
            .map(|serial| seq(&[int(serial), generalized_time("20261101000000")]))
            .collect();
        tbs.push(seq(&entries));
    }
    if !spec.extensions.is_empty() {
        tbs.push(explicit(0, &seq(&spec.extensions)));
    }
    let tbs = seq(&tbs);
    let signature = issuer.key.sign(&tbs).expect("Ed25519 signing");
    seq(&[tbs, algorithm("1.3.101.112", false), bits(&signature)])
}

/// A CRL as PEM (`X509 CRL`), as a user pastes it.
pub fn pem(der: &[u8]) -> String {
    use base64::Engine as _;
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|chunk| std::str::from_utf8(chunk).expect("base64 is ASCII"))
        .collect();
    format!(
        "-----BEGIN X509 CRL-----\n{}\n-----END X509 CRL-----\n",
        lines.join("\n")
    )
}
