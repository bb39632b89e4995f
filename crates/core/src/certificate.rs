//! X.509 certificates (RFC 5280 §4.1).
//!
//! ```text
//! Certificate  ::=  SEQUENCE  {
//!      tbsCertificate       TBSCertificate,
//!      signatureAlgorithm   AlgorithmIdentifier,
//!      signatureValue       BIT STRING  }
//! ```
//!
//! <https://www.rfc-editor.org/rfc/rfc5280#section-4.1>

use crate::name::DistinguishedName;
use crate::time_fmt::rfc3339;
use serde::Serialize;
use x509_parser::prelude::{FromDer, X509Certificate};

pub use crate::name::NameAttribute;

/// The decoded facts of one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Certificate {
    /// X.509 version as people count it: 1, 2 or 3.
    pub version: u32,
    /// Serial number as lowercase hex without separators, without the DER sign byte.
    pub serial: String,
    /// Signature algorithm, by name where known, else the dotted OID.
    pub signature_algorithm: String,
    /// Issuer distinguished name.
    pub issuer: DistinguishedName,
    /// Subject distinguished name.
    pub subject: DistinguishedName,
    /// Start of the validity period, RFC 3339 UTC.
    pub not_before: String,
    /// End of the validity period, RFC 3339 UTC.
    pub not_after: String,
}

/// Why DER bytes are not a certificate, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertificateError {
    /// The parser rejected the bytes; the text says why.
    Invalid(String),
    /// A certificate decoded but `count` bytes follow it.
    Trailing {
        /// The certificate that did decode.
        certificate: Box<Certificate>,
        /// Number of bytes after it.
        count: usize,
    },
}

/// Lowercase hex of a DER INTEGER's content without the leading sign byte(s).
pub(crate) fn serial_hex(raw: &[u8]) -> String {
    let first_significant = raw
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(raw.len().saturating_sub(1));
    raw.get(first_significant..)
        .unwrap_or(raw)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl Certificate {
    /// Decodes one DER certificate.
    pub fn from_der(der: &[u8]) -> Result<Self, CertificateError> {
        let (rest, parsed) = X509Certificate::from_der(der)
            .map_err(|error| CertificateError::Invalid(describe(&error, der.len())))?;
        let certificate = Self::from_parsed(&parsed);
        if rest.is_empty() {
            Ok(certificate)
        } else {
            Err(CertificateError::Trailing {
                certificate: Box::new(certificate),
                count: rest.len(),
            })
        }
    }

    fn from_parsed(cert: &X509Certificate<'_>) -> Self {
        let algorithm = &cert.signature_algorithm.algorithm;
        Self {
            version: cert.version().0 + 1,
            serial: serial_hex(cert.raw_serial()),
            signature_algorithm: x509_parser::objects::oid2sn(
                algorithm,
                x509_parser::objects::oid_registry(),
            )
            .map_or_else(|_| algorithm.to_id_string(), str::to_owned),
            issuer: DistinguishedName::from_x509(cert.issuer()),
            subject: DistinguishedName::from_x509(cert.subject()),
            not_before: rfc3339(cert.validity().not_before.to_datetime()),
            not_after: rfc3339(cert.validity().not_after.to_datetime()),
        }
    }
}

fn describe(error: &x509_parser::nom::Err<x509_parser::error::X509Error>, size: usize) -> String {
    use x509_parser::nom::Err;
    match error {
        Err::Incomplete(_) => {
            format!("the {size} bytes end before the certificate does (truncated)")
        }
        Err::Error(inner) | Err::Failure(inner) => inner.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::serial_hex;

    #[test]
    fn serial_hex_drops_sign_byte_only() {
        for (raw, expected) in [
            (&[0x01][..], "01"),
            (&[0x00, 0x80][..], "80"),
            (&[0x00][..], "00"),
            (&[0x12, 0x00][..], "1200"),
        ] {
            assert_eq!(serial_hex(raw), expected);
        }
    }
}
