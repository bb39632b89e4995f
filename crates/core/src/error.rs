//! What can go wrong while finding and decoding objects, and where.

use crate::der::DerError;
use crate::location::Location;
use crate::sniff::Kind;
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
    /// The bytes are not (strict) DER: truncated, BER, trailing bytes.
    NotDer {
        /// What the object was: its source, described.
        object: String,
        /// The DER problem, with its byte offset inside the object.
        error: DerError,
        /// Where the object starts.
        at: Location,
    },
    /// DER that is none of the objects mqocsp knows.
    Unrecognised {
        /// What the object was.
        object: String,
        /// Where it starts.
        at: Location,
    },
    /// A PEM label that announces one kind of object while the bytes are another.
    WrongPemLabel {
        /// The label.
        label: String,
        /// What the bytes are.
        found: Kind,
        /// The BEGIN line.
        at: Location,
    },
    /// The structure is recognised but a field is wrong.
    BadObject {
        /// What it should be.
        kind: Kind,
        /// What is wrong, with the byte it is at.
        detail: String,
        /// Where the object starts.
        at: Location,
    },
    /// A private key was pasted; it is not decoded and should not be shared.
    PrivateKey {
        /// The PEM label.
        label: String,
        /// The BEGIN line.
        at: Location,
    },
    /// More objects than [`crate::limits::MAX_OBJECTS`]; the rest were not decoded.
    TooManyObjects {
        /// The first object that was skipped.
        at: Location,
    },
    /// A problem read back from its JSON form (`{"message", "at"}`, see
    /// [`crate::decode::Problem`]), as a page's worker sends it: the words and the place as
    /// reported. Which variant said them is not in the JSON, so it is not known here.
    Reported {
        /// The problem's text, as `Display` wrote it.
        message: String,
        /// Where it is, when it has a place.
        at: Option<Location>,
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
            | Self::NotDer { at, .. }
            | Self::Unrecognised { at, .. }
            | Self::WrongPemLabel { at, .. }
            | Self::BadObject { at, .. }
            | Self::PrivateKey { at, .. }
            | Self::TooManyObjects { at } => Some(*at),
            Self::Reported { at, .. } => *at,
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
            Self::NothingFound => f.write_str(
                "no PEM block (-----BEGIN ...-----), base64 or hex DER object was found in the \
                 pasted text",
            ),
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
            Self::NotDer { object, error, at } => {
                write!(f, "{at}: the {object} is not valid DER: {error}")
            }
            Self::Unrecognised { object, at } => write!(
                f,
                "{at}: the {object} is DER but not a certificate, CRL, OCSP response, OCSP request \
                 or PKCS #7 bundle"
            ),
            Self::WrongPemLabel { label, found, at } => write!(
                f,
                "{at}: the block is labelled {label} but holds {} {}; decoded as what it holds",
                if matches!(found, Kind::OcspResponse | Kind::OcspRequest) {
                    "an"
                } else {
                    "a"
                },
                found.noun()
            ),
            Self::BadObject { kind, detail, at } => {
                write!(f, "{at}: not a valid {}: {detail}", kind.noun())
            }
            Self::PrivateKey { label, at } => write!(
                f,
                "{at}: a private key ({label} block) was pasted; mqocsp ignores it. Remove private keys before \
                 sharing a case"
            ),
            Self::TooManyObjects { at } => write!(
                f,
                "{at}: more than {} objects in one paste; the rest were not decoded",
                crate::limits::MAX_OBJECTS
            ),
            Self::Reported { message, .. } => f.write_str(message),
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
