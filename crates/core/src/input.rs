//! Finding objects in pasted text.
//!
//! Support engineers paste PEM blocks surrounded by e-mail text, log lines and quoting. The
//! scanner finds every `-----BEGIN <label>-----` ... `-----END <label>-----` block (RFC 7468),
//! tolerates CRLF line ends, stray spaces, a quoting prefix repeated on each line (`> `) and
//! RFC 1421 header lines, and decodes the base64 body. Problems are reported with the line and
//! column a person sees, and never stop the scan: the next block is still found.

use crate::error::DecodeError;
use crate::location::Location;
use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// A PEM block found in the paste, with its body decoded to bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PemBlock {
    /// The label of the BEGIN line, e.g. `CERTIFICATE`.
    pub label: String,
    /// Where the `-----BEGIN` marker starts.
    pub start: Location,
    /// Byte length from the BEGIN marker to the end of the END marker.
    pub length: usize,
    /// The decoded body.
    pub der: Vec<u8>,
}

/// How a bare blob (outside any PEM block) was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlobFormat {
    /// Base64, on one line or several.
    Base64,
    /// Hex digits, with or without spaces or colons between bytes.
    Hex,
}

/// A DER value written as bare base64 or hex somewhere in the paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blob {
    /// How it was written.
    pub format: BlobFormat,
    /// Where it starts.
    pub start: Location,
    /// Byte length of its text in the paste.
    pub length: usize,
    /// The DER bytes.
    pub der: Vec<u8>,
}

/// What [`scan`] found: the blocks and blobs that decoded to bytes, and a problem for each block
/// that did not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// PEM blocks whose base64 decoded, in paste order.
    pub blocks: Vec<PemBlock>,
    /// Bare base64 / hex DER values outside PEM blocks, in paste order.
    pub blobs: Vec<Blob>,
    /// Problems, in paste order.
    pub problems: Vec<DecodeError>,
}

const BEGIN: &str = "-----BEGIN ";
const END: &str = "-----END ";
const DASHES: &str = "-----";

/// Base64 as PEM writers produce it; padding is accepted when present or absent.
const PEM_BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// One line of the paste, without its line end.
#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    text: &'a str,
    offset: usize,
    number: usize,
}

impl Line<'_> {
    /// The location of byte index `index` within this line.
    fn location(&self, index: usize) -> Location {
        let column = self
            .text
            .get(..index)
            .map_or(1, |before| before.chars().count() + 1);
        Location {
            offset: self.offset + index,
            line: self.number,
            column,
        }
    }
}

fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut offset = 0;
    text.split_inclusive('\n')
        .enumerate()
        .map(move |(index, raw)| {
            let line = Line {
                text: raw.trim_end_matches(['\n', '\r']),
                offset,
                number: index + 1,
            };
            offset += raw.len();
            line
        })
}

/// Reads the label of a `-----BEGIN X-----` / `-----END X-----` marker starting at `after`.
fn marker_label(rest: &str) -> String {
    let label = rest
        .find(DASHES)
        .map_or(rest, |end| rest.get(..end).unwrap_or(rest));
    label.trim().to_owned()
}

/// A block being read.
struct Open {
    label: String,
    start: Location,
    /// Text before the BEGIN marker on its line: a quoting prefix to strip from body lines.
    prefix: String,
    base64: String,
    bad: Option<DecodeError>,
    seen_body: bool,
}

impl Open {
    fn body_line(&mut self, line: &Line<'_>) {
        let quoted = !self.prefix.trim().is_empty() && line.text.starts_with(&self.prefix);
        let skip = if quoted { self.prefix.len() } else { 0 };
        let body = line.text.get(skip..).unwrap_or_default();
        // RFC 1421 headers ("Proc-Type: 4,ENCRYPTED") come before any base64.
        if !self.seen_body && body.contains(':') {
            return;
        }
        for (index, character) in body.char_indices() {
            if character.is_whitespace() {
                continue;
            }
            self.seen_body = true;
            if character.is_ascii_alphanumeric() || matches!(character, '+' | '/' | '=') {
                self.base64.push(character);
            } else if self.bad.is_none() {
                self.bad = Some(DecodeError::PemBadCharacter {
                    label: self.label.clone(),
                    character,
                    at: line.location(skip + index),
                });
            }
        }
    }

    fn finish(self, end: Location, end_of_marker: usize) -> Result<PemBlock, DecodeError> {
        if let Some(problem) = self.bad {
            return Err(problem);
        }
        if self.base64.is_empty() {
            return Err(DecodeError::PemEmpty {
                label: self.label,
                at: self.start,
            });
        }
        let der =
            PEM_BASE64
                .decode(self.base64.as_bytes())
                .map_err(|_| DecodeError::PemBadBase64 {
                    label: self.label.clone(),
                    characters: self.base64.len(),
                    at: end,
                })?;
        Ok(PemBlock {
            length: end_of_marker.saturating_sub(self.start.offset),
            label: self.label,
            start: self.start,
            der,
        })
    }
}

/// Finds and decodes every PEM block in `text`.
pub fn scan(text: &str) -> Scan {
    let mut found = Scan::default();
    let mut open: Option<Open> = None;
    // Lines outside every PEM block, where bare base64 and hex are looked for.
    let mut outside: Vec<Line<'_>> = Vec::new();
    for line in lines(text) {
        if open.is_none() && !line.text.contains(BEGIN) {
            outside.push(line);
            continue;
        }
        if let Some(block) = open.as_mut() {
            if let Some(index) = line.text.find(END) {
                let at = line.location(index);
                let rest = line.text.get(index + END.len()..).unwrap_or_default();
                let end_label = marker_label(rest);
                let end_of_marker = rest
                    .find(DASHES)
                    .map_or(line.offset + line.text.len(), |dashes| {
                        line.offset + index + END.len() + dashes + DASHES.len()
                    });
                if end_label != block.label {
                    found.problems.push(DecodeError::PemLabelMismatch {
                        begin: block.label.clone(),
                        end: end_label,
                        at,
                    });
                }
                if let Some(block) = open.take() {
                    match block.finish(at, end_of_marker) {
                        Ok(pem) => found.blocks.push(pem),
                        Err(problem) => found.problems.push(problem),
                    }
                }
                continue;
            }
            if !line.text.contains(BEGIN) {
                block.body_line(&line);
                continue;
            }
            // A new BEGIN before this block ended: this block was cut short.
            if let Some(block) = open.take() {
                found.problems.push(DecodeError::PemUnterminated {
                    label: block.label,
                    at: block.start,
                });
            }
        }
        if let Some(index) = line.text.find(BEGIN) {
            let rest = line.text.get(index + BEGIN.len()..).unwrap_or_default();
            open = Some(Open {
                label: marker_label(rest),
                start: line.location(index),
                prefix: line.text.get(..index).unwrap_or_default().to_owned(),
                base64: String::new(),
                bad: None,
                seen_body: false,
            });
        }
    }
    if let Some(block) = open {
        found.problems.push(DecodeError::PemUnterminated {
            label: block.label,
            at: block.start,
        });
    }
    found.blobs = blobs(&outside);
    found
}

/// One whitespace-separated word of a line.
#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    text: &'a str,
    line: Line<'a>,
    index: usize,
}

impl Token<'_> {
    fn start(&self) -> Location {
        self.line.location(self.index)
    }

    fn end_offset(&self) -> usize {
        self.line.offset + self.index + self.text.len()
    }
}

fn tokens<'a>(lines: &[Line<'a>]) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    for line in lines {
        let mut index = 0;
        for word in line.text.split(char::is_whitespace) {
            if !word.is_empty() {
                out.push(Token {
                    text: word,
                    line: *line,
                    index,
                });
            }
            // split() consumed exactly one whitespace character after the word.
            index += word.len()
                + line
                    .text
                    .get(index + word.len()..)
                    .and_then(|r| r.chars().next())
                    .map_or(0, char::len_utf8);
        }
    }
    out
}

/// Smallest bare blob taken for a DER value: shorter runs are too likely to be ordinary words.
const MIN_BLOB_BYTES: usize = 20;

fn is_hex_token(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_hexdigit() || c == ':')
}

fn is_base64_token(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
}

/// The total length of a DER SEQUENCE from its first bytes (tag 0x30 and the length octets).
fn sequence_length(prefix: &[u8]) -> Option<usize> {
    match prefix {
        [0x30, short, ..] if *short < 0x80 => Some(2 + usize::from(*short)),
        [0x30, long, rest @ ..] if (0x81..=0x84).contains(long) => {
            let octets = usize::from(long - 0x80);
            let bytes = rest.get(..octets)?;
            Some(
                2 + octets
                    + bytes
                        .iter()
                        .fold(0usize, |acc, &b| (acc << 8) | usize::from(b)),
            )
        }
        _ => None,
    }
}

/// Reads one blob starting at `tokens[0]`; returns it and how many tokens it used.
fn blob_at(tokens: &[Token<'_>], format: BlobFormat) -> Option<(Blob, usize)> {
    let valid = match format {
        BlobFormat::Hex => is_hex_token,
        BlobFormat::Base64 => is_base64_token,
    };
    let mut digits = String::new();
    let mut needed: Option<usize> = None;
    for (used, token) in tokens.iter().enumerate() {
        if !valid(token.text) {
            return None;
        }
        digits.extend(token.text.chars().filter(|&c| c != ':' && c != '='));
        if digits.len() > crate::limits::MAX_INPUT_BYTES * 2 {
            return None;
        }
        if needed.is_none() && digits.len() >= 16 {
            let head: String = digits.chars().take(16).collect();
            let prefix = match format {
                BlobFormat::Hex => crate::hex::parse_lenient(&head)?,
                BlobFormat::Base64 => PEM_BASE64.decode(head.as_bytes()).ok()?,
            };
            let total = sequence_length(&prefix)?;
            if total < MIN_BLOB_BYTES {
                return None;
            }
            needed = Some(match format {
                BlobFormat::Hex => total * 2,
                BlobFormat::Base64 => (total * 4).div_ceil(3),
            });
        }
        let Some(needed) = needed else { continue };
        if digits.len() < needed {
            continue;
        }
        let body = digits.get(..needed)?;
        let der = match format {
            BlobFormat::Hex => crate::hex::parse_lenient(body)?,
            BlobFormat::Base64 => PEM_BASE64.decode(body.as_bytes()).ok()?,
        };
        if !crate::der::is_strict_der(&der) {
            return None;
        }
        let first = tokens.first()?;
        let blob = Blob {
            format,
            start: first.start(),
            length: token.end_offset() - first.start().offset,
            der,
        };
        return Some((blob, used + 1));
    }
    None
}

/// Finds DER values written as bare base64 (starting `MI…`, a SEQUENCE) or hex (`30 82 …`).
fn blobs(lines: &[Line<'_>]) -> Vec<Blob> {
    let tokens = tokens(lines);
    let mut found = Vec::new();
    let mut index = 0;
    while let Some(token) = tokens.get(index) {
        let rest = tokens.get(index..).unwrap_or_default();
        let format = if token.text.starts_with("30") && is_hex_token(token.text) {
            Some(BlobFormat::Hex)
        } else if token.text.starts_with('M') && is_base64_token(token.text) {
            Some(BlobFormat::Base64)
        } else {
            None
        };
        match format.and_then(|format| blob_at(rest, format)) {
            Some((blob, used)) => {
                found.push(blob);
                index += used;
            }
            None => index += 1,
        }
    }
    found
}
