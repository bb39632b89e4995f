//! From pasted text to decoded objects and problems.

use crate::certificate::{Certificate, CertificateError};
use crate::error::DecodeError;
use crate::input::{PemBlock, scan};
use crate::limits::{MAX_INPUT_BYTES, MAX_OBJECTS};
use crate::location::{Source, SourceFormat};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// A decoded object and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DecodedObject {
    /// Where it is in the paste.
    pub source: Source,
    /// What it is.
    #[serde(flatten)]
    pub body: ObjectBody,
}

/// The kinds of object mqocsp decodes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ObjectBody {
    /// An X.509 certificate.
    Certificate(Certificate),
}

/// Everything decoded from one paste.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Decoded {
    /// Objects in paste order.
    pub objects: Vec<DecodedObject>,
    /// Problems in paste order; they never remove an object that decoded.
    pub problems: Vec<Problem>,
}

/// A problem, serialised as `{"message": ..., "at": {...} | null}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem(pub DecodeError);

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Problem", 2)?;
        out.serialize_field("message", &self.0.to_string())?;
        out.serialize_field("at", &self.0.at())?;
        out.end()
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
        self.objects.iter().map(|object| match &object.body {
            ObjectBody::Certificate(certificate) => certificate,
        })
    }
}

/// Finds and decodes every object in `text`.
pub fn decode(text: &str) -> Decoded {
    let mut decoded = Decoded::default();
    if text.len() > MAX_INPUT_BYTES {
        decoded
            .problems
            .push(Problem(DecodeError::TooLarge { size: text.len() }));
        return decoded;
    }
    if text.trim().is_empty() {
        decoded.problems.push(Problem(DecodeError::Empty));
        return decoded;
    }
    let scan = scan(text);
    let mut problems: Vec<DecodeError> = scan.problems;
    for (index, block) in scan.blocks.into_iter().enumerate() {
        if index >= MAX_OBJECTS {
            problems.push(DecodeError::TooManyObjects { at: block.start });
            break;
        }
        match decode_block(block) {
            (Some(object), problem) => {
                decoded.objects.push(object);
                problems.extend(problem);
            }
            (None, problem) => problems.extend(problem),
        }
    }
    if decoded.objects.is_empty() && problems.is_empty() {
        problems.push(DecodeError::NothingFound);
    }
    problems.sort_by_key(|problem| problem.at().map_or(0, |at| at.offset));
    decoded.problems = problems.into_iter().map(Problem).collect();
    decoded
}

fn decode_block(block: PemBlock) -> (Option<DecodedObject>, Option<DecodeError>) {
    let at = block.start;
    let source = Source {
        format: SourceFormat::Pem {
            label: block.label.clone(),
        },
        start: block.start,
        length: block.length,
    };
    match block.label.as_str() {
        "CERTIFICATE" | "X509 CERTIFICATE" => match Certificate::from_der(&block.der) {
            Ok(certificate) => (
                Some(DecodedObject {
                    source,
                    body: ObjectBody::Certificate(certificate),
                }),
                None,
            ),
            Err(CertificateError::Trailing { certificate, count }) => (
                Some(DecodedObject {
                    source,
                    body: ObjectBody::Certificate(*certificate),
                }),
                Some(DecodeError::TrailingBytes { count, at }),
            ),
            Err(CertificateError::Invalid(detail)) => {
                (None, Some(DecodeError::BadCertificate { detail, at }))
            }
        },
        _ => (
            None,
            Some(DecodeError::UnsupportedLabel {
                label: block.label,
                at,
            }),
        ),
    }
}
