//! From pasted text (or an uploaded file) to decoded objects and problems.

use crate::certificate::Certificate;
use crate::crl::Crl;
use crate::der::{self, DerError, Node};
use crate::error::DecodeError;
use crate::input::{BlobFormat, scan};
use crate::limits::{MAX_INPUT_BYTES, MAX_OBJECTS};
use crate::location::{Location, Source, SourceFormat};
use crate::ocsp::{OcspRequest, OcspResponse};
use crate::sniff::{Kind, pkcs7_members, sniff};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A decoded object and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecodedObject {
    /// Where it is in the paste.
    pub source: Source,
    /// What it is.
    #[serde(flatten)]
    pub body: ObjectBody,
    /// Its DER bytes; every span in `body` and `tree` points into them. Not in JSON: a value
    /// read from JSON gets them back by [`DecodedObject::restore`].
    #[serde(skip)]
    pub der: Vec<u8>,
    /// Its DER tree (not in JSON; rebuilt by [`DecodedObject::restore`]).
    #[serde(skip, default = "unrestored_tree")]
    pub tree: Node,
}

/// The tree of an object read from JSON until [`DecodedObject::restore`] parses its DER: an
/// empty value at offset 0.
fn unrestored_tree() -> Node {
    Node {
        tag: der::Tag::NULL,
        offset: 0,
        header_len: 0,
        content_len: 0,
        children: Vec::new(),
        encapsulates: false,
    }
}

/// The kinds of object mqocsp decodes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
// Objects live once in a Vec; boxing the largest variant would only add indirection.
#[allow(clippy::large_enum_variant)]
pub enum ObjectBody {
    /// An X.509 certificate.
    Certificate(Certificate),
    /// An OCSP response.
    OcspResponse(OcspResponse),
    /// An OCSP request.
    OcspRequest(OcspRequest),
    /// A CRL.
    Crl(Crl),
}

impl ObjectBody {
    /// What kind of object this is.
    pub fn kind(&self) -> Kind {
        match self {
            Self::Certificate(_) => Kind::Certificate,
            Self::OcspResponse(_) => Kind::OcspResponse,
            Self::OcspRequest(_) => Kind::OcspRequest,
            Self::Crl(_) => Kind::Crl,
        }
    }
}

/// Everything decoded from one paste.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decoded {
    /// Objects in paste order.
    pub objects: Vec<DecodedObject>,
    /// Problems in paste order; they never remove an object that decoded.
    pub problems: Vec<Problem>,
}

/// A problem, serialised as `{"message": ..., "at": {...} | null}`.
///
/// That is all a reader sees of it, so two problems are equal when they say the same words at
/// the same place, whichever [`DecodeError`] variant holds them: one read back from JSON (a
/// [`DecodeError::Reported`]) equals the one that was written.
#[derive(Clone, Debug)]
pub struct Problem(pub DecodeError);

impl PartialEq for Problem {
    fn eq(&self, other: &Self) -> bool {
        self.0.at() == other.0.at() && self.0.to_string() == other.0.to_string()
    }
}

impl Eq for Problem {}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Problem", 2)?;
        out.serialize_field("message", &self.0.to_string())?;
        out.serialize_field("at", &self.0.at())?;
        out.end()
    }
}

/// Reads `{"message", "at"}` back as a [`DecodeError::Reported`].
impl<'de> Deserialize<'de> for Problem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Written {
            message: String,
            at: Option<Location>,
        }
        let Written { message, at } = Written::deserialize(deserializer)?;
        Ok(Self(DecodeError::Reported { message, at }))
    }
}

/// How completely a paste decoded; the CLI maps it to its exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    /// Every object decoded and nothing went wrong.
    Complete,
    /// Some objects decoded, some problems were found.
    Partial,
    /// Nothing decoded.
    Nothing,
}

impl Decoded {
    /// Whether everything, something or nothing decoded.
    pub fn completeness(&self) -> Completeness {
        match (self.objects.is_empty(), self.problems.is_empty()) {
            (true, _) => Completeness::Nothing,
            (false, true) => Completeness::Complete,
            (false, false) => Completeness::Partial,
        }
    }

    /// The certificates, in paste order.
    pub fn certificates(&self) -> impl Iterator<Item = &Certificate> {
        self.objects.iter().filter_map(|object| match &object.body {
            ObjectBody::Certificate(certificate) => Some(certificate),
            _ => None,
        })
    }

    /// The CRLs with their DER, in paste order.
    pub fn crls(&self) -> impl Iterator<Item = (&Crl, &[u8])> {
        self.objects.iter().filter_map(|object| match &object.body {
            ObjectBody::Crl(crl) => Some((crl, object.der.as_slice())),
            _ => None,
        })
    }

    /// The OCSP responses, in paste order.
    pub fn ocsp_responses(&self) -> impl Iterator<Item = &OcspResponse> {
        self.objects.iter().filter_map(|object| match &object.body {
            ObjectBody::OcspResponse(response) => Some(response),
            _ => None,
        })
    }

    fn finish(mut self, mut problems: Vec<DecodeError>) -> Self {
        if self.objects.len() > MAX_OBJECTS {
            let at = self
                .objects
                .get(MAX_OBJECTS)
                .map_or(Location::START, |o| o.source.start);
            self.objects.truncate(MAX_OBJECTS);
            problems.push(DecodeError::TooManyObjects { at });
        }
        if self.objects.is_empty() && problems.is_empty() {
            problems.push(DecodeError::NothingFound);
        }
        problems.sort_by_key(|problem| problem.at().map_or(0, |at| at.offset));
        self.problems = problems.into_iter().map(Problem).collect();
        self
    }
}

/// Finds and decodes every object in pasted text.
pub fn decode(text: &str) -> Decoded {
    if text.len() > MAX_INPUT_BYTES {
        return Decoded::default().finish(vec![DecodeError::TooLarge { size: text.len() }]);
    }
    if text.trim().is_empty() {
        return Decoded::default().finish(vec![DecodeError::Empty]);
    }
    let scan = scan(text);
    let mut decoded = Decoded::default();
    let mut problems = scan.problems;
    let mut pieces: Vec<(Source, Vec<u8>, Option<Kind>, bool)> = Vec::new();
    for block in scan.blocks {
        let source = Source {
            format: SourceFormat::Pem {
                label: block.label.clone(),
            },
            start: block.start,
            length: block.length,
        };
        if block.label.contains("PRIVATE KEY") {
            problems.push(DecodeError::PrivateKey {
                label: block.label,
                at: block.start,
            });
            continue;
        }
        let Some(announced) = Kind::from_pem_label(&block.label) else {
            problems.push(DecodeError::UnsupportedLabel {
                label: block.label,
                at: block.start,
            });
            continue;
        };
        // openssl's TRUSTED CERTIFICATE appends its trust settings after the certificate.
        let trailing_allowed = block.label == "TRUSTED CERTIFICATE";
        pieces.push((source, block.der, Some(announced), trailing_allowed));
    }
    for blob in scan.blobs {
        let format = match blob.format {
            BlobFormat::Base64 => SourceFormat::Base64,
            BlobFormat::Hex => SourceFormat::Hex,
        };
        let source = Source {
            format,
            start: blob.start,
            length: blob.length,
        };
        pieces.push((source, blob.der, None, false));
    }
    pieces.sort_by_key(|(source, ..)| source.start.offset);
    for (source, der, announced, trailing_allowed) in pieces {
        decode_der(
            &der,
            source,
            announced,
            trailing_allowed,
            &mut decoded.objects,
            &mut problems,
        );
    }
    decoded.finish(problems)
}

/// Decodes an uploaded file: raw DER when it is DER, else its text.
pub fn decode_bytes(bytes: &[u8]) -> Decoded {
    if bytes.len() > MAX_INPUT_BYTES {
        return Decoded::default().finish(vec![DecodeError::TooLarge { size: bytes.len() }]);
    }
    let text = std::str::from_utf8(bytes);
    let binary = text.is_err() || bytes.contains(&0);
    if bytes.first() == Some(&0x30) && (binary || der::is_strict_der(bytes)) {
        let source = Source {
            format: SourceFormat::Der,
            start: Location::START,
            length: bytes.len(),
        };
        let mut decoded = Decoded::default();
        let mut problems = Vec::new();
        decode_der(
            bytes,
            source,
            None,
            false,
            &mut decoded.objects,
            &mut problems,
        );
        return decoded.finish(problems);
    }
    decode(&String::from_utf8_lossy(bytes))
}

fn describe(source: &Source) -> String {
    match &source.format {
        SourceFormat::Pem { label } => format!("{label} block"),
        SourceFormat::Base64 => "base64 object".to_owned(),
        SourceFormat::Hex => "hex object".to_owned(),
        SourceFormat::Der => "DER file".to_owned(),
        SourceFormat::Pkcs7 { index, .. } => format!("PKCS #7 member {index}"),
    }
}

/// Decodes one DER value found at `source`, pushing the objects and problems it yields.
fn decode_der(
    der: &[u8],
    source: Source,
    announced: Option<Kind>,
    trailing_allowed: bool,
    objects: &mut Vec<DecodedObject>,
    problems: &mut Vec<DecodeError>,
) {
    let at = source.start;
    let object = describe(&source);
    let tree = der::parse(der);
    let der_problems: Vec<DerError> = tree
        .problems
        .into_iter()
        .filter(|p| !(trailing_allowed && matches!(p, DerError::TrailingBytes { .. })))
        .collect();
    let broken = !der_problems.is_empty();
    // A cut-short value is never shown as an object: its missing tail could hold anything (an
    // OCSP response cut after its status would read as "successful" with no answer).
    let truncated = der_problems
        .iter()
        .any(|p| matches!(p, DerError::Truncated { .. }));
    problems.extend(der_problems.into_iter().map(|error| DecodeError::NotDer {
        object: object.clone(),
        error,
        at,
    }));
    let Some(root) = tree.root.filter(|_| !truncated) else {
        return;
    };
    let kind = match (sniff(&root, der), announced) {
        (Some(found), Some(label_kind)) if found != label_kind => {
            if let SourceFormat::Pem { label } = &source.format {
                problems.push(DecodeError::WrongPemLabel {
                    label: label.clone(),
                    found,
                    at,
                });
            }
            found
        }
        (Some(found), _) => found,
        (None, Some(_)) if broken => return,
        (None, Some(label_kind)) => label_kind,
        (None, None) => {
            if !broken {
                problems.push(DecodeError::Unrecognised { object, at });
            }
            return;
        }
    };
    let bad = |detail: String| DecodeError::BadObject { kind, detail, at };
    let body = match kind {
        Kind::Certificate => {
            let bytes = if trailing_allowed {
                root.span().of(der)
            } else {
                der
            };
            Certificate::from_der(bytes, &root)
                .map(ObjectBody::Certificate)
                .map_err(|e| bad(e.to_string()))
        }
        Kind::Crl => Crl::from_der(der, &root)
            .map(ObjectBody::Crl)
            .map_err(|e| bad(e.to_string())),
        Kind::OcspRequest => OcspRequest::from_tree(&root, der)
            .map(ObjectBody::OcspRequest)
            .map_err(|e| bad(e.to_string())),
        Kind::OcspResponse => match OcspResponse::from_tree(&root, der) {
            Ok((response, embedded)) => {
                problems.extend(embedded.into_iter().map(&bad));
                problems.extend(response.problems().into_iter().map(&bad));
                Ok(ObjectBody::OcspResponse(response))
            }
            Err(error) => Err(bad(error.to_string())),
        },
        Kind::Pkcs7 => {
            let label = match &source.format {
                SourceFormat::Pem { label } => Some(label.clone()),
                _ => None,
            };
            let members = pkcs7_members(&root);
            if members.is_empty() {
                problems.push(bad("the bundle holds no certificates".to_owned()));
            }
            for (index, member) in members.into_iter().enumerate() {
                let member_source = Source {
                    format: SourceFormat::Pkcs7 {
                        index: index + 1,
                        label: label.clone(),
                        in_file: source.format == SourceFormat::Der,
                    },
                    ..source.clone()
                };
                decode_der(
                    member.span().of(der),
                    member_source,
                    None,
                    false,
                    objects,
                    problems,
                );
            }
            return;
        }
    };
    match body {
        Ok(body) => objects.push(DecodedObject {
            source,
            body,
            der: der.to_vec(),
            tree: root,
        }),
        // When the DER itself is broken, that problem (already reported) is the explanation.
        Err(problem) if !broken => problems.push(problem),
        Err(_) => {}
    }
}
