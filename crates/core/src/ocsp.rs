//! OCSP requests and responses (RFC 6960 §4.1, §4.2).
//!
//! ```text
//! OCSPResponse ::= SEQUENCE {
//!    responseStatus         OCSPResponseStatus,
//!    responseBytes          [0] EXPLICIT ResponseBytes OPTIONAL }
//!
//! BasicOCSPResponse       ::= SEQUENCE {
//!    tbsResponseData      ResponseData,
//!    signatureAlgorithm   AlgorithmIdentifier,
//!    signature            BIT STRING,
//!    certs            [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
//!
//! OCSPRequest ::= SEQUENCE {
//!    tbsRequest                  TBSRequest,
//!    optionalSignature   [0]     EXPLICIT Signature OPTIONAL }
//! ```
//!
//! <https://www.rfc-editor.org/rfc/rfc6960#section-4.2.1>

use crate::certificate::{Algorithm, Certificate};
use crate::der::{Node, Span, Tag};
use crate::extension::{Extension, ExtensionValue, crl_reason_name, read_extensions};
use crate::hex;
use crate::hex::unsigned_integer as serial_hex;
use crate::name::DistinguishedName;
use crate::reader::{Fields, Malformed, content, explicit, oid, small_int, time};
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};

/// `id-pkix-ocsp-basic`.
pub const OID_BASIC: &str = "1.3.6.1.5.5.7.48.1.1";

/// OCSPResponseStatus (RFC 6960 §4.2.1), with the RFC's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ResponseStatus {
    /// 0: the response has valid confirmations.
    Successful,
    /// 1: illegal confirmation request.
    MalformedRequest,
    /// 2: internal error in the issuer.
    InternalError,
    /// 3: try again later.
    TryLater,
    /// 5: the request must be signed.
    SigRequired,
    /// 6: the request is unauthorized.
    Unauthorized,
    /// Any other value (4 is not used by the RFC).
    Undefined,
}

impl ResponseStatus {
    fn from_code(code: u32) -> Self {
        match code {
            0 => Self::Successful,
            1 => Self::MalformedRequest,
            2 => Self::InternalError,
            3 => Self::TryLater,
            5 => Self::SigRequired,
            6 => Self::Unauthorized,
            _ => Self::Undefined,
        }
    }

    /// The RFC's word.
    pub fn word(&self) -> &'static str {
        match self {
            Self::Successful => "successful",
            Self::MalformedRequest => "malformedRequest",
            Self::InternalError => "internalError",
            Self::TryLater => "tryLater",
            Self::SigRequired => "sigRequired",
            Self::Unauthorized => "unauthorized",
            Self::Undefined => "undefined",
        }
    }
}

/// CertID (RFC 6960 §4.1.1): which certificate a request or response is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertId {
    /// Hash algorithm of the two hashes.
    pub hash_algorithm: Algorithm,
    /// Hash of the issuer's DN, hex.
    pub issuer_name_hash: String,
    /// Hash of the issuer's public key (BIT STRING content), hex.
    pub issuer_key_hash: String,
    /// Serial number, hex as in certificates.
    pub serial: String,
    /// Where it is.
    pub span: Span,
}

/// CertStatus (RFC 6960 §4.2.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum CertStatus {
    /// The certificate is not revoked.
    Good,
    /// The certificate is revoked.
    Revoked {
        /// revocationTime.
        time: Timestamp,
        /// revocationReason by its RFC 5280 name.
        reason: Option<String>,
    },
    /// The responder does not know the certificate.
    Unknown,
    /// A CHOICE alternative RFC 6960 does not define (kept so the rest of the response shows;
    /// reported as a problem and never counted as an answer).
    Unrecognised {
        /// The tag found, as `[3]`.
        tag: String,
    },
}

impl CertStatus {
    /// `good`, `revoked` or `unknown`.
    pub fn word(&self) -> &'static str {
        match self {
            Self::Good => "good",
            Self::Revoked { .. } => "revoked",
            Self::Unknown => "unknown",
            Self::Unrecognised { .. } => "unrecognised",
        }
    }
}

/// SingleResponse (RFC 6960 §4.2.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SingleResponse {
    /// Which certificate.
    pub cert_id: CertId,
    /// Its status.
    pub cert_status: CertStatus,
    /// thisUpdate.
    pub this_update: Timestamp,
    /// nextUpdate, when the responder gives one.
    pub next_update: Option<Timestamp>,
    /// singleExtensions.
    pub extensions: Vec<Extension>,
    /// Where it is.
    pub span: Span,
}

/// ResponderID (RFC 6960 §4.2.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum ResponderId {
    /// byName: the responder certificate's subject.
    Name {
        /// The name.
        name: DistinguishedName,
    },
    /// byKey: SHA-1 of the responder's public key (BIT STRING content), hex.
    Key {
        /// The hash.
        key_hash: String,
    },
}

/// Where the parts a signature check needs are, in the response's DER.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasicResponseSpans {
    /// tbsResponseData: what the signature covers.
    pub tbs_response_data: Span,
    /// The responderID.
    pub responder_id: Span,
    /// producedAt.
    pub produced_at: Span,
    /// signatureAlgorithm.
    pub signature_algorithm: Span,
    /// signature.
    pub signature: Span,
}

/// BasicOCSPResponse (RFC 6960 §4.2.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasicOcspResponse {
    /// Version as people count it (1).
    pub version: u32,
    /// Who signed it.
    pub responder_id: ResponderId,
    /// producedAt.
    pub produced_at: Timestamp,
    /// One per certificate asked about.
    pub responses: Vec<SingleResponse>,
    /// responseExtensions.
    pub extensions: Vec<Extension>,
    /// The nonce from the extensions, hex.
    pub nonce: Option<String>,
    /// signatureAlgorithm.
    pub signature_algorithm: Algorithm,
    /// The signature bits (BIT STRING content without the unused-bits octet), hex.
    pub signature: String,
    /// Certificates the responder included (usually its own).
    pub certificates: Vec<Certificate>,
    /// Where things are in the response's DER.
    pub spans: BasicResponseSpans,
}

/// An OCSP response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcspResponse {
    /// responseStatus.
    pub response_status: ResponseStatus,
    /// responseType's OID, when responseBytes is present.
    pub response_type: Option<Algorithm>,
    /// The basic response, when the type is id-pkix-ocsp-basic.
    pub basic: Option<BasicOcspResponse>,
    /// SHA-256 of the DER, lowercase hex: how a trace refers to this response.
    pub fingerprint: String,
    /// The response's DER (not serialised); every span points into it.
    #[serde(skip)]
    pub der: Vec<u8>,
}

/// An OCSP request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcspRequest {
    /// Version as people count it (1).
    pub version: u32,
    /// requestorName, when present.
    pub requestor_name: Option<String>,
    /// One CertID per certificate asked about.
    pub cert_ids: Vec<CertId>,
    /// requestExtensions.
    pub extensions: Vec<Extension>,
    /// The nonce, hex.
    pub nonce: Option<String>,
    /// Whether optionalSignature is present.
    pub signed: bool,
    /// SHA-256 of the DER, lowercase hex.
    pub fingerprint: String,
}

fn nonce(extensions: &[Extension]) -> Option<String> {
    extensions.iter().find_map(|ext| match &ext.value {
        ExtensionValue::Nonce { value } => Some(value.clone()),
        _ => None,
    })
}

fn algorithm(node: &Node, der: &[u8], field: &'static str) -> Result<Algorithm, Malformed> {
    let mut fields = Fields::of(node, Tag::SEQUENCE, field)?;
    let dotted = oid(fields.required(Tag::OID, "algorithm")?, der, field)?;
    Ok(if dotted == crate::certificate::OID_RSASSA_PSS {
        Algorithm::from_der(&dotted, node.span().of(der))
    } else {
        Algorithm::from_oid(&dotted)
    })
}

fn version(node: Option<&Node>, der: &[u8], field: &str) -> Result<u32, Malformed> {
    match node {
        Some(wrapper) => Ok(small_int(explicit(wrapper, field)?, der, field)? + 1),
        None => Ok(1),
    }
}

/// Reads a CertID.
fn cert_id(node: &Node, der: &[u8]) -> Result<CertId, Malformed> {
    let mut fields = Fields::of(node, Tag::SEQUENCE, "CertID")?;
    let hash_algorithm = algorithm(
        fields.required(Tag::SEQUENCE, "hashAlgorithm")?,
        der,
        "CertID.hashAlgorithm",
    )?;
    let name_hash = fields.required(Tag::OCTET_STRING, "issuerNameHash")?;
    let key_hash = fields.required(Tag::OCTET_STRING, "issuerKeyHash")?;
    let serial = fields.required(Tag::INTEGER, "serialNumber")?;
    Ok(CertId {
        hash_algorithm,
        issuer_name_hash: hex::lower(content(name_hash, der)),
        issuer_key_hash: hex::lower(content(key_hash, der)),
        serial: serial_hex(content(serial, der)),
        span: node.span(),
    })
}

fn cert_status(node: &Node, der: &[u8]) -> Result<CertStatus, Malformed> {
    let malformed = |found: String| Malformed {
        field: "SingleResponse.certStatus".to_owned(),
        expected: "[0] good, [1] revoked or [2] unknown".to_owned(),
        found: Some(found),
        at: node.offset,
    };
    match node.tag {
        tag if tag == Tag::context(0, false) => Ok(CertStatus::Good),
        tag if tag == Tag::context(2, false) => Ok(CertStatus::Unknown),
        tag if tag == Tag::context(1, true) => {
            // RevokedInfo is IMPLICIT: the [1] node is the SEQUENCE itself.
            let revocation = node
                .child(0)
                .ok_or_else(|| malformed("an empty [1]".into()))?;
            let time = time(revocation, der, "RevokedInfo.revocationTime")?;
            let reason = match node.child(1) {
                Some(wrapper) => {
                    let code = explicit(wrapper, "RevokedInfo.revocationReason")?;
                    Some(crl_reason_name(small_int(
                        code,
                        der,
                        "RevokedInfo.revocationReason",
                    )?))
                }
                None => None,
            };
            Ok(CertStatus::Revoked { time, reason })
        }
        // Another context-specific alternative: shown, and reported by `OcspResponse::problems`.
        tag if tag.class == crate::der::TagClass::Context => {
            Ok(CertStatus::Unrecognised { tag: tag.name() })
        }
        tag => Err(malformed(tag.name())),
    }
}

fn single_response(node: &Node, der: &[u8]) -> Result<SingleResponse, Malformed> {
    let mut fields = Fields::of(node, Tag::SEQUENCE, "SingleResponse")?;
    let cert_id = cert_id(fields.required(Tag::SEQUENCE, "certID")?, der)?;
    let status_node = fields.rest().first().ok_or_else(|| Malformed {
        field: "SingleResponse.certStatus".to_owned(),
        expected: "[0], [1] or [2]".to_owned(),
        found: None,
        at: node.span().end,
    })?;
    let cert_status = cert_status(status_node, der)?;
    let _ = fields.optional(status_node.tag);
    let this_update = time(
        fields.required(Tag::GENERALIZED_TIME, "thisUpdate")?,
        der,
        "SingleResponse.thisUpdate",
    )?;
    let next_update = match fields.optional(Tag::context(0, true)) {
        Some(wrapper) => Some(time(
            explicit(wrapper, "nextUpdate")?,
            der,
            "SingleResponse.nextUpdate",
        )?),
        None => None,
    };
    let extensions = match fields.optional(Tag::context(1, true)) {
        Some(wrapper) => read_extensions(
            explicit(wrapper, "singleExtensions")?,
            der,
            "SingleResponse.singleExtensions",
        )?,
        None => Vec::new(),
    };
    Ok(SingleResponse {
        cert_id,
        cert_status,
        this_update,
        next_update,
        extensions,
        span: node.span(),
    })
}

fn responder_id(node: &Node, der: &[u8]) -> Result<ResponderId, Malformed> {
    let inner = explicit(node, "ResponseData.responderID")?;
    if node.tag == Tag::context(1, true) {
        let bytes = inner.span().of(der);
        let name = x509_parser::x509::X509Name::from_der(bytes).map_err(|_| Malformed {
            field: "ResponseData.responderID.byName".to_owned(),
            expected: "a distinguished name".to_owned(),
            found: Some(inner.tag.name()),
            at: inner.offset,
        })?;
        Ok(ResponderId::Name {
            name: DistinguishedName::from_x509(&name.1),
        })
    } else if node.tag == Tag::context(2, true) {
        crate::reader::expect(inner, Tag::OCTET_STRING, "ResponseData.responderID.byKey")?;
        Ok(ResponderId::Key {
            key_hash: hex::lower(content(inner, der)),
        })
    } else {
        Err(Malformed {
            field: "ResponseData.responderID".to_owned(),
            expected: "[1] byName or [2] byKey".to_owned(),
            found: Some(node.tag.name()),
            at: node.offset,
        })
    }
}

use x509_parser::prelude::FromDer as _;

/// Why bytes are not an OCSP message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OcspParseError {
    /// The bytes are not strict DER.
    NotDer(crate::der::DerError),
    /// The DER is not the RFC 6960 structure; the field and byte are named.
    Structure(Malformed),
}

impl std::fmt::Display for OcspParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotDer(error) => write!(f, "{error}"),
            Self::Structure(error) => write!(f, "{error}"),
        }
    }
}

impl OcspParseError {
    /// The DER tree's root, when the bytes are one strict-DER value.
    fn root_of(der: &[u8]) -> Result<Node, Self> {
        let tree = crate::der::parse(der);
        match (tree.root, tree.problems.into_iter().next()) {
            (Some(root), None) => Ok(root),
            (_, Some(problem)) => Err(Self::NotDer(problem)),
            (None, None) => Err(Self::NotDer(crate::der::DerError::Empty)),
        }
    }
}

/// Problems inside a response that did decode: embedded certificates that did not.
pub type EmbeddedProblems = Vec<String>;

fn basic(node: &Node, der: &[u8]) -> Result<(BasicOcspResponse, EmbeddedProblems), Malformed> {
    let mut outer = Fields::of(node, Tag::SEQUENCE, "BasicOCSPResponse")?;
    let tbs = outer.required(Tag::SEQUENCE, "tbsResponseData")?;
    let signature_algorithm_node = outer.required(Tag::SEQUENCE, "signatureAlgorithm")?;
    let signature_node = outer.required(Tag::BIT_STRING, "signature")?;
    let mut certificates = Vec::new();
    let mut problems = Vec::new();
    if let Some(wrapper) = outer.optional(Tag::context(0, true)) {
        let list = Fields::of(
            explicit(wrapper, "BasicOCSPResponse.certs")?,
            Tag::SEQUENCE,
            "BasicOCSPResponse.certs",
        )?;
        for (index, cert) in list.rest().iter().enumerate() {
            let bytes = cert.span().of(der);
            let relative = crate::der::parse(bytes);
            let decoded = relative
                .root
                .as_ref()
                .map(|root| Certificate::from_der(bytes, root));
            match decoded {
                Some(Ok(certificate)) => certificates.push(certificate),
                Some(Err(error)) => problems.push(format!(
                    "embedded certificate {} (byte {}): {}",
                    index + 1,
                    cert.offset,
                    error
                )),
                None => problems.push(format!(
                    "embedded certificate {} (byte {}) is not DER",
                    index + 1,
                    cert.offset
                )),
            }
        }
    }
    let mut data = Fields::of(tbs, Tag::SEQUENCE, "tbsResponseData")?;
    let version = version(
        data.optional(Tag::context(0, true)),
        der,
        "ResponseData.version",
    )?;
    let responder_node = data.rest().first().ok_or_else(|| Malformed {
        field: "ResponseData.responderID".to_owned(),
        expected: "[1] byName or [2] byKey".to_owned(),
        found: None,
        at: tbs.span().end,
    })?;
    let responder_id = responder_id(responder_node, der)?;
    let _ = data.optional(responder_node.tag);
    let produced_node = data.required(Tag::GENERALIZED_TIME, "producedAt")?;
    let produced_at = time(produced_node, der, "ResponseData.producedAt")?;
    let list = Fields::of(
        data.required(Tag::SEQUENCE, "responses")?,
        Tag::SEQUENCE,
        "ResponseData.responses",
    )?;
    let responses = list
        .rest()
        .iter()
        .map(|single| single_response(single, der))
        .collect::<Result<Vec<_>, _>>()?;
    let extensions = match data.optional(Tag::context(1, true)) {
        Some(wrapper) => read_extensions(
            explicit(wrapper, "responseExtensions")?,
            der,
            "ResponseData.responseExtensions",
        )?,
        None => Vec::new(),
    };
    let signature = content(signature_node, der)
        .get(1..)
        .map(hex::lower)
        .unwrap_or_default();
    let basic = BasicOcspResponse {
        version,
        responder_id,
        produced_at,
        responses,
        nonce: nonce(&extensions),
        extensions,
        signature_algorithm: algorithm(
            signature_algorithm_node,
            der,
            "BasicOCSPResponse.signatureAlgorithm",
        )?,
        signature,
        certificates,
        spans: BasicResponseSpans {
            tbs_response_data: tbs.span(),
            responder_id: responder_node.span(),
            produced_at: produced_node.span(),
            signature_algorithm: signature_algorithm_node.span(),
            signature: signature_node.span(),
        },
    };
    Ok((basic, problems))
}

impl OcspResponse {
    /// What is wrong with a response that decoded (RFC 6960 §4.2.1): a `successful` status
    /// without responseBytes, a response type other than id-pkix-ocsp-basic, a status value the
    /// RFC does not define. The response is still shown; these are reported as problems.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.response_status == ResponseStatus::Undefined {
            problems.push(
                "responseStatus is a value RFC 6960 §4.2.1 does not define (4 is unused, 7 and above do not exist)"
                    .to_owned(),
            );
        }
        match (&self.response_type, self.response_status) {
            (None, ResponseStatus::Successful) => problems.push(
                "responseStatus is successful but responseBytes is absent: RFC 6960 §4.2.1 requires the response when the status is successful"
                    .to_owned(),
            ),
            (Some(kind), _) if kind.oid != OID_BASIC => problems.push(format!(
                "responseType is {} ({}); only id-pkix-ocsp-basic ({OID_BASIC}) is defined, so there is no status to read",
                kind.name, kind.oid
            )),
            (Some(_), status) if status != ResponseStatus::Successful => problems.push(format!(
                "responseStatus is {} but responseBytes is present: RFC 6960 §4.2.1 sends a response only when the status is successful",
                status.word()
            )),
            _ => {}
        }
        let singles = self.basic.iter().flat_map(|basic| basic.responses.iter());
        for (index, single) in singles.enumerate() {
            if let CertStatus::Unrecognised { tag } = &single.cert_status {
                problems.push(format!(
                    "SingleResponse {} has certStatus {tag}, which RFC 6960 §4.2.1 does not define (good [0], revoked [1], unknown [2])",
                    index + 1
                ));
            }
        }
        problems
    }

    /// Decodes a DER OCSP response (strict DER); embedded certificates that do not decode are
    /// left out.
    pub fn parse(der: &[u8]) -> Result<Self, OcspParseError> {
        let root = OcspParseError::root_of(der)?;
        Self::from_tree(&root, der)
            .map(|(r, _)| r)
            .map_err(OcspParseError::Structure)
    }

    /// Reads an OCSPResponse from its DER and tree. Certificates embedded in it that do not decode
    /// are returned as problems; the response still decodes.
    pub fn from_tree(root: &Node, der: &[u8]) -> Result<(Self, EmbeddedProblems), Malformed> {
        let mut fields = Fields::of(root, Tag::SEQUENCE, "OCSPResponse")?;
        let status = fields.required(Tag::ENUMERATED, "responseStatus")?;
        let response_status =
            ResponseStatus::from_code(small_int(status, der, "OCSPResponse.responseStatus")?);
        let Some(wrapper) = fields.optional(Tag::context(0, true)) else {
            return Ok((
                Self {
                    response_status,
                    response_type: None,
                    basic: None,
                    fingerprint: crate::certificate::fingerprints(der).sha256,
                    der: der.to_vec(),
                },
                Vec::new(),
            ));
        };
        let mut bytes = Fields::of(
            explicit(wrapper, "OCSPResponse.responseBytes")?,
            Tag::SEQUENCE,
            "ResponseBytes",
        )?;
        let response_type = oid(
            bytes.required(Tag::OID, "responseType")?,
            der,
            "ResponseBytes.responseType",
        )?;
        let response = bytes.required(Tag::OCTET_STRING, "response")?;
        let (basic, problems) = if response_type == OID_BASIC {
            let inner = response
                .child(0)
                .filter(|_| response.encapsulates)
                .ok_or_else(|| Malformed {
                    field: "ResponseBytes.response".to_owned(),
                    expected: "a DER BasicOCSPResponse".to_owned(),
                    found: Some(format!(
                        "{} bytes that are not one DER value",
                        response.content_len
                    )),
                    at: response.offset,
                })?;
            let (basic, problems) = basic(inner, der)?;
            (Some(basic), problems)
        } else {
            (None, Vec::new())
        };
        Ok((
            Self {
                response_status,
                response_type: Some(Algorithm::from_oid(&response_type)),
                basic,
                fingerprint: crate::certificate::fingerprints(der).sha256,
                der: der.to_vec(),
            },
            problems,
        ))
    }
}

impl OcspRequest {
    /// Decodes a DER OCSP request (strict DER).
    pub fn parse(der: &[u8]) -> Result<Self, OcspParseError> {
        let root = OcspParseError::root_of(der)?;
        Self::from_tree(&root, der).map_err(OcspParseError::Structure)
    }

    /// Reads an OCSPRequest from its DER and tree.
    pub fn from_tree(root: &Node, der: &[u8]) -> Result<Self, Malformed> {
        let mut outer = Fields::of(root, Tag::SEQUENCE, "OCSPRequest")?;
        let tbs = outer.required(Tag::SEQUENCE, "tbsRequest")?;
        let signed = outer.optional(Tag::context(0, true)).is_some();
        let mut fields = Fields::of(tbs, Tag::SEQUENCE, "TBSRequest")?;
        let version = version(
            fields.optional(Tag::context(0, true)),
            der,
            "TBSRequest.version",
        )?;
        let requestor_name = match fields.optional(Tag::context(1, true)) {
            Some(wrapper) => {
                let inner = explicit(wrapper, "TBSRequest.requestorName")?;
                let name = x509_parser::extensions::GeneralName::from_der(inner.span().of(der))
                    .map(|(_, name)| crate::extension::general_name(&name))
                    .unwrap_or_else(|_| format!("(unreadable name at byte {})", inner.offset));
                Some(name)
            }
            None => None,
        };
        let list = Fields::of(
            fields.required(Tag::SEQUENCE, "requestList")?,
            Tag::SEQUENCE,
            "TBSRequest.requestList",
        )?;
        let cert_ids = list
            .rest()
            .iter()
            .map(|request| {
                let mut request = Fields::of(request, Tag::SEQUENCE, "Request")?;
                cert_id(request.required(Tag::SEQUENCE, "reqCert")?, der)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let extensions = match fields.optional(Tag::context(2, true)) {
            Some(wrapper) => read_extensions(
                explicit(wrapper, "requestExtensions")?,
                der,
                "TBSRequest.requestExtensions",
            )?,
            None => Vec::new(),
        };
        Ok(Self {
            version,
            requestor_name,
            cert_ids,
            nonce: nonce(&extensions),
            extensions,
            signed,
            fingerprint: crate::certificate::fingerprints(der).sha256,
        })
    }
}

/// Builds an unsigned OCSPRequest about `cert` (issued by `issuer`) with a SHA-1 CertID, as
/// GSKit and openssl send by default, and an optional nonce (RFC 6960 §4.1, §4.4.1). The caller
/// supplies the nonce: the core draws no random numbers.
pub fn build_request(cert: &Certificate, issuer: &Certificate, nonce: Option<&[u8]>) -> Vec<u8> {
    use crate::der_write::{algorithm, explicit, int, octets, oid, seq};
    use ring::digest::{SHA1_FOR_LEGACY_USE_ONLY, digest};
    let serial = hex::parse_lenient(&cert.serial).unwrap_or_default();
    let cert_id = seq(&[
        algorithm("1.3.14.3.2.26", true),
        octets(digest(&SHA1_FOR_LEGACY_USE_ONLY, &issuer.subject_der).as_ref()),
        octets(digest(&SHA1_FOR_LEGACY_USE_ONLY, &issuer.public_key_bits).as_ref()),
        int(&serial),
    ]);
    let mut tbs = vec![seq(&[seq(&[cert_id])])];
    if let Some(nonce) = nonce {
        let extension = seq(&[
            oid(crate::extension::OID_OCSP_NONCE),
            octets(&octets(nonce)),
        ]);
        tbs.push(explicit(2, &seq(&[extension])));
    }
    seq(&[seq(&tbs)])
}
