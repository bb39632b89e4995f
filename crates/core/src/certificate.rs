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
//!
//! The semantic parse is x509-parser's; byte spans come from mqocsp's own DER tree so that every
//! field can be shown next to its bytes.

use crate::der::{Node, Span, Tag};
use crate::extension::{Extension, ExtensionValue, read_extensions};
use crate::general_name::{GeneralName, KeyPurpose, KeyUsageFlags};
use crate::hex;
use crate::name::DistinguishedName;
use crate::oids;
use crate::reader::Malformed;
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;

pub use crate::name::NameAttribute;

/// An algorithm identifier: dotted OID and name, and the RSASSA-PSS parameters when it is PSS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Algorithm {
    /// Dotted OID.
    pub oid: String,
    /// Name where known, else the OID again.
    pub name: String,
    /// RSASSA-PSS only: the parameters, `None` inside when they are absent or unreadable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present_or_null"
    )]
    pub pss: Option<Option<PssParameters>>,
}

/// Reads a field that is present (`Some`), as `null` or a value: `Some(None)` is written as `null`,
/// while an absent field stays `None` by `default`.
fn present_or_null<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<PssParameters>>, D::Error> {
    Option::<PssParameters>::deserialize(deserializer).map(Some)
}

/// id-RSASSA-PSS (RFC 4055 §3.1).
pub const OID_RSASSA_PSS: &str = "1.2.840.113549.1.1.10";
/// id-mgf1 (RFC 4055 §2.2).
const OID_MGF1: &str = "1.2.840.113549.1.1.8";

/// A hash function of RSASSA-PSS parameters, chosen by its OID (RFC 4055 §2.1, RFC 5754 §2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HashAlgorithm {
    /// id-sha1 (1.3.14.3.2.26).
    Sha1,
    /// id-sha256 (2.16.840.1.101.3.4.2.1).
    Sha256,
    /// id-sha384 (2.16.840.1.101.3.4.2.2).
    Sha384,
    /// id-sha512 (2.16.840.1.101.3.4.2.3).
    Sha512,
    /// Any other, by dotted OID.
    Other(String),
}

impl HashAlgorithm {
    /// From a dotted OID.
    pub fn from_oid(dotted: &str) -> Self {
        match dotted {
            "1.3.14.3.2.26" => Self::Sha1,
            "2.16.840.1.101.3.4.2.1" => Self::Sha256,
            "2.16.840.1.101.3.4.2.2" => Self::Sha384,
            "2.16.840.1.101.3.4.2.3" => Self::Sha512,
            other => Self::Other(other.to_owned()),
        }
    }
}

impl std::fmt::Display for HashAlgorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Sha1 => "sha1",
            Self::Sha256 => "sha256",
            Self::Sha384 => "sha384",
            Self::Sha512 => "sha512",
            Self::Other(oid) => oids::name(oid).unwrap_or(oid),
        })
    }
}

impl Serialize for HashAlgorithm {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads back the name `Serialize` writes: one of the four, else a name from [`oids::NAMES`]
/// (names are unique there), else the dotted OID itself.
impl<'de> Deserialize<'de> for HashAlgorithm {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(match name.as_str() {
            "sha1" => Self::Sha1,
            "sha256" => Self::Sha256,
            "sha384" => Self::Sha384,
            "sha512" => Self::Sha512,
            other => Self::Other(
                oids::NAMES
                    .iter()
                    .find(|(_, known)| *known == other)
                    .map_or(other, |(dotted, _)| *dotted)
                    .to_owned(),
            ),
        })
    }
}

/// RSASSA-PSS-params (RFC 4055 §3.1), with the defaults filled in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PssParameters {
    /// The hash (SHA-1 when the field is absent).
    pub hash: HashAlgorithm,
    /// MGF1's hash; `None` when the mask generation function is not MGF1.
    pub mgf1_hash: Option<HashAlgorithm>,
    /// saltLength in bytes (20 when absent).
    pub salt_length: u32,
    /// trailerField (1 when absent, the only value RFC 4055 allows).
    pub trailer_field: u32,
}

impl std::fmt::Display for PssParameters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mgf1 = self
            .mgf1_hash
            .as_ref()
            .map_or_else(|| "(not MGF1)".to_owned(), ToString::to_string);
        write!(
            f,
            "{}, MGF1 with {mgf1}, salt {} bytes",
            self.hash, self.salt_length
        )?;
        if self.trailer_field != 1 {
            write!(f, ", trailer field {}", self.trailer_field)?;
        }
        Ok(())
    }
}

impl Algorithm {
    /// From a dotted OID.
    pub fn from_oid(dotted: &str) -> Self {
        Self {
            oid: dotted.to_owned(),
            name: oids::name(dotted).unwrap_or(dotted).to_owned(),
            pss: None,
        }
    }

    /// From a parsed AlgorithmIdentifier, reading RSASSA-PSS parameters when it carries them.
    pub fn from_identifier(id: &x509_parser::x509::AlgorithmIdentifier<'_>) -> Self {
        use x509_parser::signature_algorithm::SignatureAlgorithm;
        let mut algorithm = Self::from_oid(&id.algorithm.to_id_string());
        if algorithm.oid == OID_RSASSA_PSS {
            let name = |oid: &x509_parser::oid_registry::Oid<'_>| {
                HashAlgorithm::from_oid(&oid.to_id_string())
            };
            algorithm.pss = Some(match SignatureAlgorithm::try_from(id) {
                Ok(SignatureAlgorithm::RSASSA_PSS(params)) => Some(PssParameters {
                    hash: name(params.hash_algorithm_oid()),
                    mgf1_hash: params
                        .mask_gen_algorithm()
                        .ok()
                        .filter(|m| m.mgf.to_id_string() == OID_MGF1)
                        .map(|m| name(&m.hash)),
                    salt_length: params.salt_length(),
                    trailer_field: params.trailer_field(),
                }),
                _ => None,
            });
        }
        algorithm
    }

    /// The name, with RSASSA-PSS parameters in brackets:
    /// `rsassa-pss (sha256, MGF1 with sha256, salt 32 bytes)`.
    pub fn describe(&self) -> String {
        match &self.pss {
            Some(Some(params)) => format!("{} ({params})", self.name),
            Some(None) => format!("{} (parameters absent or unreadable)", self.name),
            None => self.name.clone(),
        }
    }

    /// From the DER of an AlgorithmIdentifier whose OID is `dotted` (already read).
    pub fn from_der(dotted: &str, der: &[u8]) -> Self {
        use x509_parser::prelude::FromDer as _;
        match x509_parser::x509::AlgorithmIdentifier::from_der(der) {
            Ok((_, id)) => Self::from_identifier(&id),
            Err(_) => Self::from_oid(dotted),
        }
    }
}

/// The subject's public key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicKeyInfo {
    /// Key algorithm (`rsaEncryption`, `id-ecPublicKey`, `ed25519`, ...).
    pub algorithm: Algorithm,
    /// Key size in bits, where it has one.
    pub bits: Option<usize>,
    /// Named curve, for EC keys.
    pub curve: Option<String>,
    /// The named curve's OID, for EC keys (not serialised): what key policy checks read.
    #[serde(skip)]
    pub curve_oid: Option<String>,
}

/// Certificate fingerprints, lowercase hex without separators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprints {
    /// SHA-1 of the DER.
    pub sha1: String,
    /// SHA-256 of the DER.
    pub sha256: String,
}

/// Where the main fields are in the certificate's DER.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateSpans {
    /// tbsCertificate (what the signature covers).
    pub tbs: Span,
    /// serialNumber.
    pub serial: Span,
    /// issuer.
    pub issuer: Span,
    /// validity.
    pub validity: Span,
    /// subject.
    pub subject: Span,
    /// subjectPublicKeyInfo.
    pub public_key: Span,
    /// The extensions `[3]`, if present.
    pub extensions: Option<Span>,
    /// signatureAlgorithm (outer).
    pub signature_algorithm: Span,
    /// signatureValue.
    pub signature: Span,
}

/// The decoded facts of one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// X.509 version as people count it: 1, 2 or 3.
    pub version: u32,
    /// Serial number as lowercase hex without separators, without the DER sign byte.
    pub serial: String,
    /// Signature algorithm.
    pub signature_algorithm: Algorithm,
    /// Issuer distinguished name.
    pub issuer: DistinguishedName,
    /// Subject distinguished name.
    pub subject: DistinguishedName,
    /// Start of the validity period.
    pub not_before: Timestamp,
    /// End of the validity period.
    pub not_after: Timestamp,
    /// The subject public key.
    pub public_key: PublicKeyInfo,
    /// Fingerprints of the DER.
    pub fingerprints: Fingerprints,
    /// Whether issuer and subject are the same name (a root or a self-signed leaf).
    pub self_issued: bool,
    /// Extensions in certificate order.
    pub extensions: Vec<Extension>,
    /// Where the fields are in `der`.
    pub spans: CertificateSpans,
    /// The certificate's DER (not serialised); every span points into it.
    #[serde(skip)]
    pub der: Vec<u8>,
    /// The subjectPublicKey BIT STRING's content (not serialised): what signatures are checked
    /// with and what an OCSP CertID's issuerKeyHash covers (RFC 6960 §4.1.1).
    #[serde(skip)]
    pub public_key_bits: Vec<u8>,
    /// The signatureValue BIT STRING's content (not serialised).
    #[serde(skip)]
    pub signature_bits: Vec<u8>,
    /// The subject name's DER (not serialised): what an OCSP issuerNameHash covers.
    #[serde(skip)]
    pub subject_der: Vec<u8>,
    /// The issuer name's DER (not serialised).
    #[serde(skip)]
    pub issuer_der: Vec<u8>,
    /// serialNumber's content octets as encoded, sign byte included (not serialised): what the
    /// RFC 5280 §4.1.2.2 checks (positive, at most 20 octets) read.
    #[serde(skip)]
    pub serial_octets: Vec<u8>,
    /// Whether tbsCertificate.signature and the outer signatureAlgorithm are the same DER
    /// (RFC 5280 §4.1.1.2 requires it).
    #[serde(skip)]
    pub signature_algorithms_agree: bool,
}

/// Why DER bytes are not a certificate.
#[derive(Clone, Debug, PartialEq)]
pub enum CertificateError {
    /// The bytes are not one strict DER value (X.690 §10).
    NotDer(crate::der::DerError),
    /// The bytes end before the certificate does.
    Truncated {
        /// How many bytes there are.
        size: usize,
    },
    /// The X.509 parser refuses the structure (RFC 5280 §4.1).
    Structure(x509_parser::error::X509Error),
    /// A field does not have the shape RFC 5280 §4.1 gives it.
    Malformed(Malformed),
}

impl std::fmt::Display for CertificateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotDer(error) => write!(f, "{error}"),
            Self::Truncated { size } => {
                write!(
                    f,
                    "the {size} bytes end before the certificate does (truncated)"
                )
            }
            Self::Structure(error) => write!(f, "{error}"),
            Self::Malformed(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for CertificateError {}

/// SHA-1 and SHA-256 of `der`.
pub(crate) fn fingerprints(der: &[u8]) -> Fingerprints {
    use ring::digest::{SHA1_FOR_LEGACY_USE_ONLY, SHA256, digest};
    Fingerprints {
        sha1: hex::lower(digest(&SHA1_FOR_LEGACY_USE_ONLY, der).as_ref()),
        sha256: hex::lower(digest(&SHA256, der).as_ref()),
    }
}

impl Certificate {
    /// Decodes one DER certificate (strict DER, nothing after it).
    pub fn parse(der: &[u8]) -> Result<Self, CertificateError> {
        let tree = crate::der::parse(der);
        match (tree.root, tree.problems.into_iter().next()) {
            (Some(root), None) => Self::from_der(der, &root),
            (_, Some(problem)) => Err(CertificateError::NotDer(problem)),
            (None, None) => Err(CertificateError::NotDer(crate::der::DerError::Empty)),
        }
    }

    /// Decodes one DER certificate, given its bytes and their DER tree.
    pub fn from_der(der: &[u8], root: &Node) -> Result<Self, CertificateError> {
        let (_, parsed) = X509Certificate::from_der(der).map_err(|error| {
            // A bare "invalid date" names the field and what is there.
            let validity = spans(root).ok().and_then(|_| {
                let tbs = root.child(0)?;
                let skip = usize::from(tbs.child(0)?.tag == Tag::context(0, true));
                tbs.child(skip + 3)
            });
            let bad = validity.and_then(|v| {
                [
                    (0, "tbsCertificate.validity.notBefore"),
                    (1, "tbsCertificate.validity.notAfter"),
                ]
                .into_iter()
                .find_map(|(i, field)| crate::reader::bad_time(v.child(i)?, der, field))
            });
            match bad {
                Some(malformed) => CertificateError::Malformed(malformed),
                None => describe(error, der.len()),
            }
        })?;
        let spans = spans(root).map_err(CertificateError::Malformed)?;
        let extensions = match root.child(0).and_then(|tbs| extensions_node(tbs)) {
            Some(list) => read_extensions(list, der, "tbsCertificate.extensions")
                .map_err(CertificateError::Malformed)?,
            None => Vec::new(),
        };
        let issuer = DistinguishedName::from_x509(parsed.issuer());
        let subject = DistinguishedName::from_x509(parsed.subject());
        Ok(Self {
            version: parsed.version().0 + 1,
            serial: hex::unsigned_integer(parsed.raw_serial()),
            signature_algorithm: Algorithm::from_identifier(&parsed.signature_algorithm),
            self_issued: parsed.subject().as_raw() == parsed.issuer().as_raw(),
            issuer,
            subject,
            not_before: Timestamp(parsed.validity().not_before.to_datetime()),
            not_after: Timestamp(parsed.validity().not_after.to_datetime()),
            public_key: public_key(&parsed),
            fingerprints: fingerprints(der),
            extensions,
            spans,
            der: der.to_vec(),
            public_key_bits: parsed.public_key().subject_public_key.data.to_vec(),
            signature_bits: parsed.signature_value.data.to_vec(),
            subject_der: parsed.subject().as_raw().to_vec(),
            issuer_der: parsed.issuer().as_raw().to_vec(),
            serial_octets: parsed.raw_serial().to_vec(),
            signature_algorithms_agree: signature_algorithms_agree(root, der),
        })
    }

    /// The extension value with this OID, if present.
    pub fn extension(&self, oid: &str) -> Option<&Extension> {
        self.extensions.iter().find(|ext| ext.oid == oid)
    }

    /// basicConstraints: `Some((ca, path_len))` when present.
    pub fn basic_constraints(&self) -> Option<(bool, Option<u32>)> {
        match self.extension("2.5.29.19").map(|e| &e.value) {
            Some(ExtensionValue::BasicConstraints { ca, path_len }) => Some((*ca, *path_len)),
            _ => None,
        }
    }

    /// keyUsage bits, when the extension is present.
    pub fn key_usages(&self) -> Option<KeyUsageFlags> {
        match self.extension("2.5.29.15").map(|e| &e.value) {
            Some(ExtensionValue::KeyUsage { usages }) => Some(*usages),
            _ => None,
        }
    }

    /// nameConstraints' permitted and excluded subtree bases, when the extension is present
    /// and readable.
    pub fn name_constraints(&self) -> Option<(&[GeneralName], &[GeneralName])> {
        match self.extension("2.5.29.30").map(|e| &e.value) {
            Some(ExtensionValue::NameConstraints {
                permitted,
                excluded,
            }) => Some((permitted, excluded)),
            _ => None,
        }
    }

    /// Whether extKeyUsage is absent or lists `dotted` or anyExtendedKeyUsage.
    pub fn allows_purpose(&self, dotted: &str) -> bool {
        self.purposes().is_none_or(|purposes| {
            purposes
                .iter()
                .any(|p| p.is(dotted) || p.is(KeyPurpose::ANY))
        })
    }

    /// extKeyUsage purposes, when the extension is present.
    pub fn purposes(&self) -> Option<&[KeyPurpose]> {
        match self.extension("2.5.29.37").map(|e| &e.value) {
            Some(ExtensionValue::ExtendedKeyUsage { purposes }) => Some(purposes),
            _ => None,
        }
    }

    /// subjectKeyIdentifier, hex.
    pub fn key_id(&self) -> Option<&str> {
        match self.extension("2.5.29.14").map(|e| &e.value) {
            Some(ExtensionValue::SubjectKeyIdentifier { key_id }) => Some(key_id),
            _ => None,
        }
    }

    /// authorityKeyIdentifier's keyIdentifier, hex.
    pub fn authority_key_id(&self) -> Option<&str> {
        match self.extension("2.5.29.35").map(|e| &e.value) {
            Some(ExtensionValue::AuthorityKeyIdentifier { key_id, .. }) => key_id.as_deref(),
            _ => None,
        }
    }

    /// The subject alternative names.
    pub fn alt_names(&self) -> &[GeneralName] {
        match self.extension("2.5.29.17").map(|e| &e.value) {
            Some(ExtensionValue::AltNames { names }) => names,
            _ => &[],
        }
    }

    /// A short name for traces: the subject CN, else the whole subject.
    pub fn short_name(&self) -> String {
        self.subject
            .first("CN")
            .map_or_else(|| self.subject.rfc4514.clone(), str::to_owned)
    }

    /// Every CRL distribution point's full names, as the CDP extension lists them.
    pub fn crl_distribution_points(&self) -> Vec<&GeneralName> {
        self.extensions
            .iter()
            .filter_map(|ext| match &ext.value {
                ExtensionValue::CrlDistributionPoints { points, .. } => Some(points),
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// The URLs of the CRL distribution points, in certificate order (other name forms are left
    /// out).
    pub fn crl_urls(&self) -> Vec<&str> {
        uris(self.crl_distribution_points())
    }

    /// The OCSP responder URLs from the AIA extension, in certificate order (other name forms,
    /// which no client can ask, are left out).
    pub fn ocsp_urls(&self) -> Vec<&str> {
        uris(
            self.extensions
                .iter()
                .filter_map(|ext| match &ext.value {
                    ExtensionValue::AuthorityInfoAccess { ocsp, .. } => Some(ocsp),
                    _ => None,
                })
                .flatten(),
        )
    }
}

/// The URIs among `names`.
fn uris<'a>(names: impl IntoIterator<Item = &'a GeneralName>) -> Vec<&'a str> {
    names
        .into_iter()
        .filter_map(|name| match name {
            GeneralName::Uri(uri) => Some(uri.as_str()),
            _ => None,
        })
        .collect()
}

fn public_key(cert: &X509Certificate<'_>) -> PublicKeyInfo {
    let spki = cert.public_key();
    let algorithm = Algorithm::from_oid(&spki.algorithm.algorithm.to_id_string());
    let curve_oid = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|params| params.as_oid().ok())
        .map(|oid| oid.to_id_string())
        .filter(|_| spki.algorithm.algorithm.to_id_string() == "1.2.840.10045.2.1");
    let curve = curve_oid
        .as_deref()
        .map(|dotted| Algorithm::from_oid(dotted).name);
    let bits = match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => Some(rsa.key_size()),
        Ok(PublicKey::EC(ec)) => Some(ec.key_size()),
        _ if algorithm.name == "ed25519" => Some(256),
        _ if algorithm.name == "ed448" => Some(456),
        _ => None,
    };
    PublicKeyInfo {
        algorithm,
        bits,
        curve,
        curve_oid,
    }
}

/// tbsCertificate.signature (after the optional version) against the outer signatureAlgorithm.
pub(crate) fn signature_algorithms_agree(root: &Node, der: &[u8]) -> bool {
    let Some(tbs) = root.child(0) else {
        return false;
    };
    let skip = usize::from(tbs.child(0).is_some_and(|v| v.tag == Tag::context(0, true)));
    match (tbs.child(skip + 1), root.child(1)) {
        (Some(inner), Some(outer)) => inner.span().of(der) == outer.span().of(der),
        _ => false,
    }
}

fn extensions_node(tbs: &Node) -> Option<&Node> {
    tbs.children
        .iter()
        .find(|child| child.tag == Tag::context(3, true))
        .and_then(|x| x.child(0))
}

/// Finds the main fields by their position in the RFC 5280 structure.
fn spans(root: &Node) -> Result<CertificateSpans, Malformed> {
    let missing = |field: &str, at: usize| Malformed {
        field: field.to_owned(),
        expected: "present".to_owned(),
        found: None,
        at,
    };
    let tbs = root
        .child(0)
        .ok_or_else(|| missing("tbsCertificate", root.offset))?;
    let skip = usize::from(tbs.child(0).is_some_and(|v| v.tag == Tag::context(0, true)));
    let field = |index: usize, name: &str| {
        tbs.child(skip + index)
            .map(Node::span)
            .ok_or_else(|| missing(name, tbs.span().end))
    };
    Ok(CertificateSpans {
        tbs: tbs.span(),
        serial: field(0, "tbsCertificate.serialNumber")?,
        issuer: field(2, "tbsCertificate.issuer")?,
        validity: field(3, "tbsCertificate.validity")?,
        subject: field(4, "tbsCertificate.subject")?,
        public_key: field(5, "tbsCertificate.subjectPublicKeyInfo")?,
        extensions: tbs
            .children
            .iter()
            .find(|c| c.tag == Tag::context(3, true))
            .map(Node::span),
        signature_algorithm: root
            .child(1)
            .map(Node::span)
            .ok_or_else(|| missing("signatureAlgorithm", tbs.span().end))?,
        signature: root
            .child(2)
            .map(Node::span)
            .ok_or_else(|| missing("signatureValue", tbs.span().end))?,
    })
}

fn describe(
    error: x509_parser::nom::Err<x509_parser::error::X509Error>,
    size: usize,
) -> CertificateError {
    use x509_parser::nom::Err;
    match error {
        Err::Incomplete(_) => CertificateError::Truncated { size },
        Err::Error(inner) | Err::Failure(inner) => CertificateError::Structure(inner),
    }
}

#[cfg(test)]
mod tests {
    use super::{Certificate, CertificateError};
    use crate::hex::unsigned_integer as serial_hex;

    #[test]
    fn bytes_that_are_not_a_certificate_say_why_as_a_variant() {
        assert!(matches!(
            Certificate::parse(&[0x30, 0x05, 0x02]),
            Err(CertificateError::NotDer(_))
        ));
        assert!(matches!(
            Certificate::parse(&[]),
            Err(CertificateError::NotDer(_))
        ));
        // A well-formed DER NULL is not a Certificate SEQUENCE.
        assert!(matches!(
            Certificate::parse(&[0x05, 0x00]),
            Err(CertificateError::Structure(_))
        ));
    }

    #[test]
    fn serial_hex_drops_sign_byte_only_and_writes_negatives_with_a_minus() {
        for (raw, expected) in [
            (&[0x01][..], "01"),
            (&[0x00, 0x80][..], "80"),
            (&[0x00][..], "00"),
            (&[0x12, 0x00][..], "1200"),
            // Negative serials as openssl prints them, never equal to a positive one.
            (&[0xff][..], "-01"),
            (&[0x00, 0xff][..], "ff"),
            (&[0xff, 0x00][..], "-0100"),
            (&[0x80][..], "-80"),
        ] {
            assert_eq!(serial_hex(raw), expected);
        }
    }
}
