//! Certificate revocation lists (RFC 5280 §5).
//!
//! ```text
//! CertificateList  ::=  SEQUENCE  {
//!      tbsCertList          TBSCertList,
//!      signatureAlgorithm   AlgorithmIdentifier,
//!      signatureValue       BIT STRING  }
//! ```
//!
//! <https://www.rfc-editor.org/rfc/rfc5280#section-5.1>

use crate::certificate::Algorithm;
use crate::der::{Node, Span, Tag};
use crate::extension::{Extension, ExtensionValue, read_extensions};
use crate::hex::unsigned_integer as serial_hex;
use crate::name::DistinguishedName;
use crate::reader::{Fields, Malformed};
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};
use x509_parser::prelude::{CertificateRevocationList, FromDer};

/// One revoked certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokedEntry {
    /// Serial number, hex.
    pub serial: String,
    /// revocationDate.
    pub revocation_date: Timestamp,
    /// The reasonCode entry extension, by name.
    pub reason: Option<String>,
    /// crlEntryExtensions.
    pub extensions: Vec<Extension>,
}

/// A decoded CRL.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Crl {
    /// Version as people count it (1 or 2).
    pub version: u32,
    /// Issuer.
    pub issuer: DistinguishedName,
    /// thisUpdate.
    pub this_update: Timestamp,
    /// nextUpdate.
    pub next_update: Option<Timestamp>,
    /// signatureAlgorithm.
    pub signature_algorithm: Algorithm,
    /// Revoked certificates.
    pub revoked: Vec<RevokedEntry>,
    /// crlExtensions.
    pub extensions: Vec<Extension>,
    /// tbsCertList.
    pub tbs_span: Span,
    /// signatureValue, without the BIT STRING's unused-bits octet.
    #[serde(skip)]
    pub signature: Vec<u8>,
}

/// Why DER bytes are not a CRL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CrlError {
    /// x509-parser's complaint about the structure.
    Parse(String),
    /// A field of mqocsp's own reading is wrong; the field and byte are named.
    Structure(Malformed),
    /// tbsCertList is missing.
    NoTbs,
}

impl std::fmt::Display for CrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Parse(error) => f.write_str(error),
            Self::Structure(error) => write!(f, "{error}"),
            Self::NoTbs => f.write_str("tbsCertList is missing"),
        }
    }
}

/// The first time value of a CRL that is not a DER time (thisUpdate, nextUpdate, an entry's
/// revocationDate), field and byte named.
fn bad_times(der: &[u8], root: &Node) -> Option<Malformed> {
    let tbs = root.child(0)?;
    let is_time = |n: &&Node| n.tag == Tag::UTC_TIME || n.tag == Tag::GENERALIZED_TIME;
    let own = tbs
        .children
        .iter()
        .filter(is_time)
        .zip(["tbsCertList.thisUpdate", "tbsCertList.nextUpdate"]);
    let entries = tbs
        .children
        .iter()
        .filter(|c| c.tag == Tag::SEQUENCE)
        .flat_map(|c| c.children.iter())
        .filter_map(|entry| entry.child(1))
        .filter(is_time)
        .map(|date| (date, "revokedCertificates.revocationDate"));
    own.chain(entries)
        .find_map(|(node, field)| crate::reader::bad_time(node, der, field))
}

impl Crl {
    /// Decodes a DER CRL given its tree.
    pub fn from_der(der: &[u8], root: &Node) -> Result<Self, CrlError> {
        let (_, crl) = CertificateRevocationList::from_der(der).map_err(|e| {
            bad_times(der, root).map_or_else(|| CrlError::Parse(e.to_string()), CrlError::Structure)
        })?;
        let malformed = CrlError::Structure;
        let tbs = root.child(0).ok_or(CrlError::NoTbs)?;
        let mut entries_node = None;
        let mut extensions = Vec::new();
        for child in &tbs.children {
            if child.tag == Tag::SEQUENCE
                && child.children.first().is_some_and(|e| {
                    e.tag == Tag::SEQUENCE && e.child(0).is_some_and(|s| s.tag == Tag::INTEGER)
                })
            {
                entries_node = Some(child);
            }
            if child.tag == Tag::context(0, true)
                && let Some(list) = child.child(0)
            {
                extensions =
                    read_extensions(list, der, "tbsCertList.crlExtensions").map_err(malformed)?;
            }
        }
        let mut revoked = Vec::new();
        let entries = entries_node
            .map(|node| node.children.as_slice())
            .unwrap_or_default();
        for (entry, parsed) in entries.iter().zip(crl.iter_revoked_certificates()) {
            let mut fields =
                Fields::of(entry, Tag::SEQUENCE, "revokedCertificates").map_err(malformed)?;
            let _ = fields
                .required(Tag::INTEGER, "userCertificate")
                .map_err(malformed)?;
            let _ = fields.rest();
            let entry_extensions = match entry.children.iter().find(|c| c.tag == Tag::SEQUENCE) {
                Some(list) => read_extensions(list, der, "revokedCertificates.crlEntryExtensions")
                    .map_err(malformed)?,
                None => Vec::new(),
            };
            let reason = entry_extensions.iter().find_map(|ext| match &ext.value {
                ExtensionValue::ReasonCode { reason } => Some(reason.clone()),
                _ => None,
            });
            revoked.push(RevokedEntry {
                serial: serial_hex(parsed.raw_serial()),
                revocation_date: Timestamp(parsed.revocation_date.to_datetime()),
                reason,
                extensions: entry_extensions,
            });
        }
        Ok(Self {
            version: crl.version().map_or(1, |v| v.0 + 1),
            issuer: DistinguishedName::from_x509(crl.issuer()),
            this_update: Timestamp(crl.last_update().to_datetime()),
            next_update: crl.next_update().map(|t| Timestamp(t.to_datetime())),
            signature_algorithm: Algorithm::from_identifier(&crl.signature_algorithm),
            revoked,
            extensions,
            tbs_span: tbs.span(),
            signature: crl.signature_value.data.to_vec(),
        })
    }
}
