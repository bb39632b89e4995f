//! Recognising what a DER value is from its structure alone, so a wrong PEM label or a bare
//! base64 blob is still decoded as what it really is.

use crate::der::{Node, Primitive, Tag};
use serde::{Deserialize, Serialize};

/// The kinds of object mqocsp decodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// X.509 certificate.
    Certificate,
    /// X.509 CRL.
    Crl,
    /// OCSP response.
    OcspResponse,
    /// OCSP request.
    OcspRequest,
    /// PKCS #7 / CMS SignedData (a `.p7b` certificate bundle).
    Pkcs7,
}

impl Kind {
    /// What people call it.
    pub fn noun(&self) -> &'static str {
        match self {
            Self::Certificate => "X.509 certificate",
            Self::Crl => "X.509 CRL",
            Self::OcspResponse => "OCSP response",
            Self::OcspRequest => "OCSP request",
            Self::Pkcs7 => "PKCS #7 bundle",
        }
    }

    /// The kind a PEM label announces; `None` for labels mqocsp does not decode.
    pub fn from_pem_label(label: &str) -> Option<Self> {
        Some(match label {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => Self::Certificate,
            "X509 CRL" => Self::Crl,
            "OCSP RESPONSE" => Self::OcspResponse,
            "OCSP REQUEST" => Self::OcspRequest,
            "PKCS7" | "CMS" | "PKCS #7 SIGNED DATA" => Self::Pkcs7,
            _ => return None,
        })
    }
}

fn is_time(node: &Node) -> bool {
    node.tag == Tag::UTC_TIME || node.tag == Tag::GENERALIZED_TIME
}

/// What `root` (parsed from `der`) is, judged by its shape.
pub fn sniff(root: &Node, der: &[u8]) -> Option<Kind> {
    if root.tag != Tag::SEQUENCE {
        return None;
    }
    let first = root.child(0)?;
    // OCSPResponse: ENUMERATED status, optional [0].
    if first.tag == Tag::ENUMERATED {
        return Some(Kind::OcspResponse);
    }
    // ContentInfo: contentType OID signedData, [0] content.
    if first.tag == Tag::OID {
        return matches!(first.value(der), Some(Primitive::Oid { dotted, .. }) if dotted == "1.2.840.113549.1.7.2")
            .then_some(Kind::Pkcs7);
    }
    if first.tag != Tag::SEQUENCE {
        return None;
    }
    // Signed X.509 objects: SEQUENCE { tbs SEQUENCE, AlgorithmIdentifier, BIT STRING }.
    let signed = root.child(1).is_some_and(|n| n.tag == Tag::SEQUENCE)
        && root.child(2).is_some_and(|n| n.tag == Tag::BIT_STRING);
    if signed {
        // Certificate: [0] version?, serialNumber, signature, issuer, validity { time, time }, ...
        let skip = usize::from(
            first
                .child(0)
                .is_some_and(|n| n.tag == Tag::context(0, true)),
        );
        let serial = first.child(skip).is_some_and(|n| n.tag == Tag::INTEGER);
        let validity = first.child(skip + 3);
        if serial
            && validity.is_some_and(|v| v.tag == Tag::SEQUENCE && v.child(0).is_some_and(is_time))
        {
            return Some(Kind::Certificate);
        }
        // CRL: version INTEGER?, signature, issuer, thisUpdate, ...
        let skip = usize::from(first.child(0).is_some_and(|n| n.tag == Tag::INTEGER));
        if first.child(skip + 2).is_some_and(is_time) {
            return Some(Kind::Crl);
        }
    }
    // OCSPRequest: SEQUENCE { TBSRequest SEQUENCE { [0]? [1]? requestList SEQUENCE OF Request } , [0]? }
    let request_list = first.children.iter().find(|n| n.tag == Tag::SEQUENCE)?;
    let request = request_list.child(0)?;
    let cert_id = request.child(0)?;
    let looks_like_cert_id = cert_id.tag == Tag::SEQUENCE
        && cert_id.child(1).is_some_and(|n| n.tag == Tag::OCTET_STRING)
        && cert_id.child(3).is_some_and(|n| n.tag == Tag::INTEGER);
    looks_like_cert_id.then_some(Kind::OcspRequest)
}

/// The certificates and CRLs inside a PKCS #7 SignedData, as nodes of the container's tree.
///
/// ```text
/// SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
///                           certificates [0] IMPLICIT CertificateSet OPTIONAL, crls [1] ..., signerInfos }
/// ```
pub fn pkcs7_members(root: &Node) -> Vec<&Node> {
    root.child(1)
        .and_then(|content| content.child(0))
        .map(|signed| {
            signed
                .children
                .iter()
                .filter(|n| n.tag == Tag::context(0, true) || n.tag == Tag::context(1, true))
                .flat_map(|set| set.children.iter())
                .collect()
        })
        .unwrap_or_default()
}
