//! Where something is in the pasted text, and where a decoded object came from.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A position in the pasted text: byte offset plus the 1-based line and column a person sees.
///
/// Columns count characters, not bytes, so they match what an editor shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Byte offset from the start of the paste.
    pub offset: usize,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Location {
    /// The start of the paste.
    pub const START: Self = Self {
        offset: 0,
        line: 1,
        column: 1,
    };
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// How an object was written in the paste.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "format", rename_all = "snake_case")]
pub enum SourceFormat {
    /// An RFC 7468 PEM block, with its label (`CERTIFICATE`, `OCSP RESPONSE`, ...).
    Pem {
        /// The label between `-----BEGIN ` and `-----`.
        label: String,
    },
    /// Bare base64 outside any PEM block (an e-mail line, a log field).
    Base64,
    /// Hex digits, with or without separators.
    Hex,
    /// Raw DER bytes (an uploaded file).
    Der,
    /// A member of a PKCS #7 bundle; `start` and `length` are the bundle's.
    Pkcs7 {
        /// 1-based position among the bundle's certificates and CRLs.
        index: usize,
        /// The bundle's PEM label, when it was a PEM block.
        label: Option<String>,
        /// Whether the bundle was a DER file rather than text.
        in_file: bool,
    },
}

/// Where a decoded object came from in the paste.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// How it was written.
    #[serde(flatten)]
    pub format: SourceFormat,
    /// Where it starts (for PEM: the `-----BEGIN` marker).
    pub start: Location,
    /// Byte length of the object's text in the paste.
    pub length: usize,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.format {
            SourceFormat::Pem { label } => write!(f, "PEM {label} block at {}", self.start),
            SourceFormat::Base64 => write!(f, "base64 at {}", self.start),
            SourceFormat::Hex => write!(f, "hex at {}", self.start),
            SourceFormat::Der => f.write_str("DER file"),
            SourceFormat::Pkcs7 {
                index,
                in_file: true,
                ..
            } => {
                write!(f, "member {index} of the PKCS #7 file")
            }
            SourceFormat::Pkcs7 { index, .. } => {
                write!(f, "member {index} of the PKCS #7 bundle at {}", self.start)
            }
        }
    }
}
