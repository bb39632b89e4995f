//! What can go wrong while finding and decoding objects, and where.

use crate::location::Location;
use std::fmt;

/// One problem found while decoding a paste.
///
/// Every variant says what is wrong and where, in words a support engineer can act on. A problem
/// never hides the objects that did decode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The paste is empty or only whitespace.
    Empty,
    /// The paste is larger than [`crate::limits::MAX_INPUT_BYTES`].
    TooLarge {
        /// Size of the paste in bytes.
        size: usize,
    },
    /// Text was pasted but no object could be found in it.
    NothingFound,
    /// A `-----BEGIN` line has no matching `-----END` line.
    PemUnterminated {
        /// The label of the BEGIN line.
        label: String,
        /// The BEGIN line.
        at: Location,
    },
    /// The END line names a different label than the BEGIN line.
    PemLabelMismatch {
        /// The label of the BEGIN line.
        begin: String,
        /// The label of the END line.
        end: String,
        /// The END line.
        at: Location,
    },
    /// A character that is not base64 inside a PEM block.
    PemBadCharacter {
        /// The label of the block.
        label: String,
        /// The offending character.
        character: char,
        /// Where it is.
        at: Location,
    },
    /// The base64 in a PEM block has a wrong length or padding (often a truncated copy).
    PemBadBase64 {
        /// The label of the block.
        label: String,
        /// Number of base64 characters in the block.
        characters: usize,
        /// The END line of the block.
        at: Location,
    },
    /// A PEM block whose body is empty.
    PemEmpty {
        /// The label of the block.
        label: String,
        /// The BEGIN line.
        at: Location,
    },
    /// A PEM label that mqocsp does not decode (yet).
    UnsupportedLabel {
        /// The label.
        label: String,
        /// The BEGIN line.
        at: Location,
    },
    /// The bytes of a certificate block are not a DER X.509 certificate.
    BadCertificate {
        /// What the parser reported.
        detail: String,
        /// The BEGIN line of the block.
        at: Location,
    },
    /// A certificate decoded, but bytes follow its end inside the same block.
    TrailingBytes {
        /// How many bytes follow.
        count: usize,
        /// The BEGIN line of the block.
        at: Location,
    },
    /// More objects than [`crate::limits::MAX_OBJECTS`]; the rest were not decoded.
    TooManyObjects {
        /// The first object that was skipped.
        at: Location,
    },
}

impl DecodeError {
    /// Where the problem is in the paste, when it has a place.
    pub fn at(&self) -> Option<Location> {
        match self {
            Self::Empty | Self::TooLarge { .. } | Self::NothingFound => None,
            Self::PemUnterminated { at, .. }
            | Self::PemLabelMismatch { at, .. }
            | Self::PemBadCharacter { at, .. }
            | Self::PemBadBase64 { at, .. }
            | Self::PemEmpty { at, .. }
            | Self::UnsupportedLabel { at, .. }
            | Self::BadCertificate { at, .. }
            | Self::TrailingBytes { at, .. }
            | Self::TooManyObjects { at } => Some(*at),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("nothing was pasted"),
            Self::TooLarge { size } => write!(
                f,
                "the paste is {size} bytes; the limit is {} bytes",
                crate::limits::MAX_INPUT_BYTES
            ),
            Self::NothingFound => {
                f.write_str("no PEM block (-----BEGIN ...-----) was found in the pasted text")
            }
            Self::PemUnterminated { label, at } => write!(
                f,
                "{at}: the {label} block has no '-----END {label}-----' line (is the copy cut short?)"
            ),
            Self::PemLabelMismatch { begin, end, at } => {
                write!(f, "{at}: the block began as {begin} but ends as {end}")
            }
            Self::PemBadCharacter {
                label,
                character,
                at,
            } => write!(
                f,
                "{at}: {} is not a base64 character (in the {label} block)",
                describe_char(*character)
            ),
            Self::PemBadBase64 {
                label,
                characters,
                at,
            } => write!(
                f,
                "{at}: the {label} block holds {characters} base64 characters, which is not a \
                 whole number of bytes (a line is missing or cut)"
            ),
            Self::PemEmpty { label, at } => write!(f, "{at}: the {label} block is empty"),
            Self::UnsupportedLabel { label, at } => write!(
                f,
                "{at}: mqocsp does not decode PEM blocks labelled {label}"
            ),
            Self::BadCertificate { detail, at } => write!(
                f,
                "{at}: the CERTIFICATE block is not a valid X.509 certificate: {detail}"
            ),
            Self::TrailingBytes { count, at } => write!(
                f,
                "{at}: {count} unexpected byte(s) follow the end of the certificate"
            ),
            Self::TooManyObjects { at } => write!(
                f,
                "{at}: more than {} objects in one paste; the rest were not decoded",
                crate::limits::MAX_OBJECTS
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

fn describe_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("the character U+{:04X}", u32::from(c))
    } else {
        format!("'{c}'")
    }
}
