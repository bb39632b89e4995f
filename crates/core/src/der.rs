//! A DER tree with byte spans (X.690), the ground truth every decoded field points into.
//!
//! Every node knows where its header starts, how long the header is and where its content is,
//! so a view can link a field to its bytes purely through offsets (the asn1js approach).
//! OCTET STRINGs and BIT STRINGs whose content is itself one whole DER value (extension values,
//! `ResponseBytes.response`) get that value as a child, marked [`Node::encapsulates`].
//!
//! Parsing is bounded by [`MAX_DEPTH`] and [`MAX_NODES`] and never panics; BER-only encodings
//! (indefinite length, non-minimal lengths, constructed strings) are reported as problems because
//! signatures are computed over DER.

use crate::oids;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Deepest nesting accepted. Real certificates and OCSP responses nest about 12 levels; the
/// bound stops a crafted input from exhausting the stack of the browser's main thread.
pub const MAX_DEPTH: usize = 64;

/// Most nodes in one tree: a 16 MiB object of tiny nodes would otherwise build millions.
pub const MAX_NODES: usize = 200_000;

/// Bytes shown in a primitive's preview; the hex view shows the rest.
pub const PREVIEW_BYTES: usize = 32;

/// A byte range `start..end` within an object's DER.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Number of bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `offset` lies inside.
    pub fn contains(&self, offset: usize) -> bool {
        (self.start..self.end).contains(&offset)
    }

    /// The bytes of `der` in this span (empty when out of range).
    pub fn of<'a>(&self, der: &'a [u8]) -> &'a [u8] {
        der.get(self.start..self.end).unwrap_or_default()
    }
}

/// The class bits of an identifier octet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TagClass {
    /// Types defined by X.680 (SEQUENCE, INTEGER, ...).
    Universal,
    /// Application-specific.
    Application,
    /// `[n]` in a module.
    Context,
    /// Private use.
    Private,
}

/// An identifier: class, constructed bit and number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// Class.
    pub class: TagClass,
    /// Whether the content is a series of DER values.
    pub constructed: bool,
    /// Tag number.
    pub number: u32,
}

impl Tag {
    const fn universal(number: u32, constructed: bool) -> Self {
        Self {
            class: TagClass::Universal,
            constructed,
            number,
        }
    }
    /// BOOLEAN.
    pub const BOOLEAN: Self = Self::universal(1, false);
    /// INTEGER.
    pub const INTEGER: Self = Self::universal(2, false);
    /// BIT STRING.
    pub const BIT_STRING: Self = Self::universal(3, false);
    /// OCTET STRING.
    pub const OCTET_STRING: Self = Self::universal(4, false);
    /// NULL.
    pub const NULL: Self = Self::universal(5, false);
    /// OBJECT IDENTIFIER.
    pub const OID: Self = Self::universal(6, false);
    /// ENUMERATED.
    pub const ENUMERATED: Self = Self::universal(10, false);
    /// UTCTime.
    pub const UTC_TIME: Self = Self::universal(23, false);
    /// GeneralizedTime.
    pub const GENERALIZED_TIME: Self = Self::universal(24, false);
    /// SEQUENCE / SEQUENCE OF.
    pub const SEQUENCE: Self = Self::universal(16, true);
    /// SET / SET OF.
    pub const SET: Self = Self::universal(17, true);

    /// A context-specific tag `[number]`.
    pub const fn context(number: u32, constructed: bool) -> Self {
        Self {
            class: TagClass::Context,
            constructed,
            number,
        }
    }

    /// The name asn1parse users know (`SEQUENCE`, `INTEGER`, `[0]`).
    pub fn name(&self) -> String {
        match self.class {
            TagClass::Universal => universal_name(self.number)
                .map_or_else(|| format!("UNIVERSAL {}", self.number), str::to_owned),
            TagClass::Context => format!("[{}]", self.number),
            TagClass::Application => format!("[APPLICATION {}]", self.number),
            TagClass::Private => format!("[PRIVATE {}]", self.number),
        }
    }
}

fn universal_name(number: u32) -> Option<&'static str> {
    Some(match number {
        1 => "BOOLEAN",
        2 => "INTEGER",
        3 => "BIT STRING",
        4 => "OCTET STRING",
        5 => "NULL",
        6 => "OBJECT IDENTIFIER",
        10 => "ENUMERATED",
        12 => "UTF8String",
        16 => "SEQUENCE",
        17 => "SET",
        19 => "PrintableString",
        20 => "T61String",
        22 => "IA5String",
        23 => "UTCTime",
        24 => "GeneralizedTime",
        26 => "VisibleString",
        28 => "UniversalString",
        30 => "BMPString",
        _ => return None,
    })
}

/// A decoded primitive value, for previews. Size-capped: long values end in `…`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Primitive {
    /// BOOLEAN.
    Boolean(bool),
    /// INTEGER or ENUMERATED: decimal when it fits 64 bits, else hex.
    Integer(String),
    /// NULL.
    Null,
    /// OBJECT IDENTIFIER: dotted form and a name where known.
    Oid {
        /// Dotted form.
        dotted: String,
        /// A name, where mqocsp knows one.
        name: Option<String>,
    },
    /// A character string.
    Text(String),
    /// UTCTime or GeneralizedTime as RFC 3339, or the raw text when not a valid DER time.
    Time(String),
    /// Bytes (OCTET STRING, BIT STRING, other) as hex, capped at [`PREVIEW_BYTES`].
    Bytes(String),
}

/// One node of the tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// Identifier.
    pub tag: Tag,
    /// Offset of the identifier octet.
    pub offset: usize,
    /// Length of identifier plus length octets.
    pub header_len: usize,
    /// Length of the content.
    pub content_len: usize,
    /// Children: of a constructed value, or the one value an OCTET/BIT STRING encapsulates.
    pub children: Vec<Node>,
    /// Whether `children` were found inside a primitive string.
    pub encapsulates: bool,
}

impl Node {
    /// The whole TLV.
    pub fn span(&self) -> Span {
        Span {
            start: self.offset,
            end: self.offset + self.header_len + self.content_len,
        }
    }

    /// The content octets only.
    pub fn content_span(&self) -> Span {
        let start = self.offset + self.header_len;
        Span {
            start,
            end: start + self.content_len,
        }
    }

    /// A preview of a primitive value (`None` for a constructed one), decoded on demand from
    /// `der`, the bytes the tree was parsed from: the tree itself keeps only offsets, so parsing
    /// a large paste allocates no text nobody reads.
    pub fn value(&self, der: &[u8]) -> Option<Primitive> {
        if self.tag.constructed {
            return None;
        }
        Some(primitive(self.tag, self.content_span().of(der)))
    }

    /// The `index`th child.
    pub fn child(&self, index: usize) -> Option<&Node> {
        self.children.get(index)
    }

    /// The deepest node whose span holds `offset`, with the path of child indexes to it.
    pub fn node_at(&self, offset: usize) -> Option<Vec<usize>> {
        if !self.span().contains(offset) {
            return None;
        }
        for (index, child) in self.children.iter().enumerate() {
            if let Some(mut path) = child.node_at(offset) {
                path.insert(0, index);
                return Some(path);
            }
        }
        Some(Vec::new())
    }

    /// Visits the node and its descendants depth-first with their depth.
    pub fn walk<'a>(&'a self, depth: usize, visit: &mut dyn FnMut(&'a Node, usize)) {
        visit(self, depth);
        for child in &self.children {
            child.walk(depth + 1, visit);
        }
    }
}

/// Why bytes are not (strict) DER. Offsets are within the object's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DerError {
    /// No bytes at all.
    Empty,
    /// The input ends inside a header or content.
    Truncated {
        /// Where the value starts.
        at: usize,
        /// Bytes the value claims.
        needed: usize,
        /// Bytes left in the input (or in the enclosing value).
        available: usize,
    },
    /// Indefinite length (`0x80`): BER, not DER.
    IndefiniteLength {
        /// The value's offset.
        at: usize,
    },
    /// A length written with more octets than needed: BER, not DER.
    NonMinimalLength {
        /// The value's offset.
        at: usize,
    },
    /// A length too large for this machine or reserved (`0xFF`).
    BadLength {
        /// The value's offset.
        at: usize,
    },
    /// A tag number written in long form where short form fits, or too large.
    BadTag {
        /// The value's offset.
        at: usize,
    },
    /// A constructed OCTET STRING, BIT STRING or text string: BER, not DER.
    ConstructedString {
        /// The value's offset.
        at: usize,
    },
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep {
        /// The value's offset.
        at: usize,
    },
    /// More nodes than [`MAX_NODES`].
    TooManyNodes {
        /// The value's offset.
        at: usize,
    },
    /// Bytes after the end of the top-level value.
    TrailingBytes {
        /// Where they start.
        at: usize,
        /// How many.
        count: usize,
    },
}

impl DerError {
    /// The byte offset the problem is at.
    pub fn offset(&self) -> usize {
        match self {
            Self::Empty => 0,
            Self::Truncated { at, .. }
            | Self::IndefiniteLength { at }
            | Self::NonMinimalLength { at }
            | Self::BadLength { at }
            | Self::BadTag { at }
            | Self::ConstructedString { at }
            | Self::TooDeep { at }
            | Self::TooManyNodes { at }
            | Self::TrailingBytes { at, .. } => *at,
        }
    }
}

impl fmt::Display for DerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("no bytes"),
            Self::Truncated {
                at,
                needed,
                available,
            } => write!(
                f,
                "byte {at}: the value needs {needed} bytes but only {available} remain (truncated)"
            ),
            Self::IndefiniteLength { at } => {
                write!(f, "byte {at}: indefinite length is BER, not DER")
            }
            Self::NonMinimalLength { at } => {
                write!(
                    f,
                    "byte {at}: the length uses more octets than needed (BER, not DER)"
                )
            }
            Self::BadLength { at } => write!(f, "byte {at}: the length is invalid"),
            Self::BadTag { at } => write!(f, "byte {at}: the tag number is badly encoded"),
            Self::ConstructedString { at } => {
                write!(f, "byte {at}: a constructed string is BER, not DER")
            }
            Self::TooDeep { at } => {
                write!(f, "byte {at}: nesting deeper than {MAX_DEPTH} levels")
            }
            Self::TooManyNodes { at } => write!(f, "byte {at}: more than {MAX_NODES} values"),
            Self::TrailingBytes { at, count } => {
                write!(f, "byte {at}: {count} byte(s) follow the end of the value")
            }
        }
    }
}

/// A parsed tree: the root (possibly partial) and every problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tree {
    /// The top-level value, as far as it could be read.
    pub root: Option<Node>,
    /// Problems, in byte order.
    pub problems: Vec<DerError>,
}

impl Tree {
    /// Whether the bytes are exactly one strict-DER value.
    pub fn is_strict(&self) -> bool {
        self.root.is_some() && self.problems.is_empty()
    }
}

/// Parses `der` as one DER value, leniently: problems are collected and everything that could be
/// read is kept.
pub fn parse(der: &[u8]) -> Tree {
    let mut parser = Parser {
        der,
        problems: Vec::new(),
        nodes: 0,
    };
    if der.is_empty() {
        return Tree {
            root: None,
            problems: vec![DerError::Empty],
        };
    }
    let root = parser.node(0, der.len(), 0);
    if let Some(root) = &root {
        let end = root.span().end;
        if end < der.len() {
            parser.problems.push(DerError::TrailingBytes {
                at: end,
                count: der.len() - end,
            });
        }
    }
    parser.problems.sort_by_key(DerError::offset);
    // A cut-short input makes every enclosing value short too: the outermost report says it all.
    let mut seen_truncation = false;
    parser.problems.retain(|problem| {
        let truncation = matches!(problem, DerError::Truncated { .. });
        let keep = !(truncation && seen_truncation);
        seen_truncation |= truncation;
        keep
    });
    Tree {
        root,
        problems: parser.problems,
    }
}

/// Whether `der` is exactly one strict-DER value (used to sniff encapsulated values and blobs).
pub fn is_strict_der(der: &[u8]) -> bool {
    parse(der).is_strict()
}

struct Header {
    tag: Tag,
    header_len: usize,
    content_len: usize,
}

struct Parser<'a> {
    der: &'a [u8],
    problems: Vec<DerError>,
    nodes: usize,
}

impl Parser<'_> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.der.get(at).copied()
    }

    /// Reads the identifier and length octets at `at`, within `limit`.
    fn header(&mut self, at: usize, limit: usize) -> Option<Header> {
        let truncated = |needed| DerError::Truncated {
            at,
            needed,
            available: limit - at,
        };
        let Some(first) = self.byte(at).filter(|_| at < limit) else {
            self.problems.push(truncated(1));
            return None;
        };
        let class = match first >> 6 {
            0 => TagClass::Universal,
            1 => TagClass::Application,
            2 => TagClass::Context,
            _ => TagClass::Private,
        };
        let constructed = first & 0x20 != 0;
        let mut cursor = at + 1;
        let mut number = u32::from(first & 0x1f);
        if number == 0x1f {
            number = 0;
            loop {
                let Some(byte) = self.byte(cursor).filter(|_| cursor < limit) else {
                    self.problems.push(truncated(cursor - at + 1));
                    return None;
                };
                let first_of_long_form = cursor == at + 1;
                if (first_of_long_form && byte == 0x80) || number > (u32::MAX >> 7) {
                    self.problems.push(DerError::BadTag { at });
                    return None;
                }
                number = (number << 7) | u32::from(byte & 0x7f);
                cursor += 1;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            if number < 0x1f {
                self.problems.push(DerError::BadTag { at });
            }
        }
        let Some(length_byte) = self.byte(cursor).filter(|_| cursor < limit) else {
            self.problems.push(truncated(cursor - at + 1));
            return None;
        };
        cursor += 1;
        let content_len = if length_byte < 0x80 {
            usize::from(length_byte)
        } else if length_byte == 0x80 {
            self.problems.push(DerError::IndefiniteLength { at });
            return None;
        } else if length_byte == 0xff || usize::from(length_byte & 0x7f) > size_of::<usize>() {
            self.problems.push(DerError::BadLength { at });
            return None;
        } else {
            let octets = usize::from(length_byte & 0x7f);
            let mut length: usize = 0;
            for index in 0..octets {
                let Some(byte) = self.byte(cursor + index).filter(|_| cursor + index < limit)
                else {
                    self.problems.push(truncated(cursor - at + octets));
                    return None;
                };
                length = (length << 8) | usize::from(byte);
            }
            cursor += octets;
            let minimal = length >= 0x80 && length >> (8 * (octets - 1)) != 0;
            if !minimal {
                self.problems.push(DerError::NonMinimalLength { at });
            }
            length
        };
        Some(Header {
            tag: Tag {
                class,
                constructed,
                number,
            },
            header_len: cursor - at,
            content_len,
        })
    }

    /// Parses one value at `at` that must end by `limit`.
    fn node(&mut self, at: usize, limit: usize, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            self.problems.push(DerError::TooDeep { at });
            return None;
        }
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            if self.nodes == MAX_NODES + 1 {
                self.problems.push(DerError::TooManyNodes { at });
            }
            return None;
        }
        let header = self.header(at, limit)?;
        let content_start = at + header.header_len;
        let available = limit - content_start;
        let mut node = Node {
            tag: header.tag,
            offset: at,
            header_len: header.header_len,
            content_len: header.content_len.min(available),
            children: Vec::new(),
            encapsulates: false,
        };
        if header.content_len > available {
            self.problems.push(DerError::Truncated {
                at,
                needed: header.header_len.saturating_add(header.content_len),
                available: limit - at,
            });
        }
        let content_end = content_start + node.content_len;
        if header.tag.constructed {
            if header.tag.class == TagClass::Universal && is_string(header.tag.number) {
                self.problems.push(DerError::ConstructedString { at });
            }
            let mut cursor = content_start;
            while cursor < content_end {
                let Some(child) = self.node(cursor, content_end, depth + 1) else {
                    break;
                };
                cursor = child.span().end;
                node.children.push(child);
            }
        } else {
            self.encapsulated(&mut node, content_start, content_end, depth);
        }
        Some(node)
    }

    /// Looks inside OCTET STRING / BIT STRING content for one whole strict-DER value.
    fn encapsulated(&mut self, node: &mut Node, start: usize, end: usize, depth: usize) {
        let inner_start = match node.tag {
            Tag::OCTET_STRING => start,
            // The first content octet of a BIT STRING counts unused bits; it must be 0 here.
            Tag::BIT_STRING if self.byte(start) == Some(0) => start + 1,
            _ => return,
        };
        let Some(inner) = self.der.get(inner_start..end) else {
            return;
        };
        // Only constructed values are worth showing as a tree (a SEQUENCE, say).
        if inner.first().is_none_or(|first| first & 0x20 == 0) {
            return;
        }
        // Parsed once: kept when it is exactly one strict-DER value filling the content.
        let mut sub = Parser {
            der: self.der,
            problems: Vec::new(),
            nodes: self.nodes,
        };
        if let Some(child) = sub.node(inner_start, end, depth + 1)
            && sub.problems.is_empty()
            && child.span().end == end
        {
            self.nodes = sub.nodes;
            node.children.push(child);
            node.encapsulates = true;
        }
    }
}

/// An OBJECT IDENTIFIER's content in dotted form, or as hex when it is not a valid encoding (so a
/// broken OID still reads as something, and the object around it still decodes).
pub(crate) fn oid_text(content: &[u8]) -> String {
    oids::dotted(content).unwrap_or_else(|| hex_preview(content))
}

fn is_string(number: u32) -> bool {
    matches!(number, 3 | 4 | 12 | 19 | 20 | 22 | 26 | 28 | 30)
}

fn hex_preview(bytes: &[u8]) -> String {
    let shown = bytes.get(..PREVIEW_BYTES).unwrap_or(bytes);
    let mut text = crate::hex::lower(shown);
    if bytes.len() > PREVIEW_BYTES {
        text.push('…');
    }
    text
}

fn primitive(tag: Tag, content: &[u8]) -> Primitive {
    if tag.class != TagClass::Universal {
        return Primitive::Bytes(hex_preview(content));
    }
    match tag.number {
        1 => Primitive::Boolean(content.first().is_some_and(|&b| b != 0)),
        2 | 10 => Primitive::Integer(integer_text(content)),
        5 => Primitive::Null,
        6 => {
            let dotted = oid_text(content);
            let name = oids::name(&dotted).map(str::to_owned);
            Primitive::Oid { dotted, name }
        }
        12 | 19 | 20 | 22 | 26 => Primitive::Text(cap_text(&String::from_utf8_lossy(content))),
        30 => Primitive::Text(cap_text(&bmp_text(content))),
        23 | 24 => {
            let raw = String::from_utf8_lossy(content);
            Primitive::Time(
                crate::timestamp::asn1_time(tag.number == 23, &raw)
                    .unwrap_or_else(|| raw.into_owned()),
            )
        }
        _ => Primitive::Bytes(hex_preview(content)),
    }
}

fn cap_text(text: &str) -> String {
    const MAX_CHARS: usize = 256;
    if text.chars().count() <= MAX_CHARS {
        return text.to_owned();
    }
    let mut capped: String = text.chars().take(MAX_CHARS).collect();
    capped.push('…');
    capped
}

fn bmp_text(content: &[u8]) -> String {
    let units: Vec<u16> = content
        .chunks(2)
        .map(|pair| pair.iter().fold(0u16, |acc, &b| (acc << 8) | u16::from(b)))
        .collect();
    String::from_utf16_lossy(&units)
}

/// A DER INTEGER as decimal when it fits 64 bits, else as `0x…` hex.
pub fn integer_text(content: &[u8]) -> String {
    if content.len() <= 8 {
        let negative = content.first().is_some_and(|b| b & 0x80 != 0);
        let mut value: i128 = if negative { -1 } else { 0 };
        for &byte in content {
            value = (value << 8) | i128::from(byte);
        }
        return value.to_string();
    }
    format!("0x{}", hex_preview(content))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(der: &[u8]) -> Vec<DerError> {
        parse(der).problems
    }

    #[test]
    fn spans_of_a_small_sequence() {
        // SEQUENCE { INTEGER 5, OCTET STRING { SEQUENCE { NULL } } }
        let der = [
            0x30, 0x09, 0x02, 0x01, 0x05, 0x04, 0x04, 0x30, 0x02, 0x05, 0x00,
        ];
        let tree = parse(&der);
        assert!(tree.is_strict(), "{:?}", tree.problems);
        let root = tree.root.unwrap();
        assert_eq!(root.span(), Span { start: 0, end: 11 });
        assert_eq!(root.content_span(), Span { start: 2, end: 11 });
        let integer = root.child(0).unwrap();
        assert_eq!(integer.value(&der), Some(Primitive::Integer("5".into())));
        let octets = root.child(1).unwrap();
        assert!(octets.encapsulates);
        assert_eq!(octets.child(0).unwrap().tag, Tag::SEQUENCE);
        assert_eq!(octets.child(0).unwrap().offset, 7);
        assert_eq!(root.node_at(9), Some(vec![1, 0, 0]));
    }

    #[test]
    fn ber_and_broken_encodings_are_named() {
        let cases: [(&[u8], DerError); 8] = [
            (&[], DerError::Empty),
            (
                &[0x30, 0x80, 0x00, 0x00],
                DerError::IndefiniteLength { at: 0 },
            ),
            (
                &[0x04, 0x81, 0x01, 0x00],
                DerError::NonMinimalLength { at: 0 },
            ),
            (
                &[0x30, 0x05, 0x02, 0x01],
                DerError::Truncated {
                    at: 0,
                    needed: 7,
                    available: 4,
                },
            ),
            (
                &[0x02, 0x01, 0x00, 0xff],
                DerError::TrailingBytes { at: 3, count: 1 },
            ),
            (
                &[0x24, 0x03, 0x04, 0x01, 0x00],
                DerError::ConstructedString { at: 0 },
            ),
            (&[0x30, 0xff], DerError::BadLength { at: 0 }),
            (&[0x1f, 0x80, 0x01, 0x00], DerError::BadTag { at: 0 }),
        ];
        for (der, expected) in cases {
            assert_eq!(problems(der).first(), Some(&expected), "{der:02x?}");
        }
    }

    /// Wraps `inner` in a SEQUENCE with a correct DER length.
    fn sequence(inner: &[u8]) -> Vec<u8> {
        let len = inner.len();
        let mut out = vec![0x30];
        match len {
            0..0x80 => out.push(len as u8),
            0x80..0x100 => out.extend([0x81, len as u8]),
            _ => out.extend([0x82, (len >> 8) as u8, len as u8]),
        }
        out.extend_from_slice(inner);
        out
    }

    #[test]
    fn depth_is_bounded() {
        let mut der = vec![0x05, 0x00];
        for _ in 0..(MAX_DEPTH + 5) {
            der = sequence(&der);
        }
        let tree = parse(&der);
        assert!(tree.root.is_some());
        assert_eq!(tree.problems.len(), 1, "{:?}", tree.problems);
        assert!(matches!(tree.problems[0], DerError::TooDeep { .. }));
        let mut shallow = vec![0x05, 0x00];
        for _ in 0..MAX_DEPTH {
            shallow = sequence(&shallow);
        }
        assert!(parse(&shallow).is_strict());
    }

    #[test]
    fn every_prefix_and_flip_of_a_value_parses_without_panicking() {
        let der = [
            0x30, 0x0c, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x05, b'h', b'e', b'l', b'l', b'o',
        ];
        for cut in 0..der.len() {
            assert!(!parse(&der[..cut]).is_strict(), "prefix {cut} is not whole");
        }
        for index in 0..der.len() {
            for bit in 0..8 {
                let mut flipped = der;
                flipped[index] ^= 1 << bit;
                let _ = parse(&flipped);
            }
        }
    }

    #[test]
    fn a_broken_oid_reads_as_hex_instead_of_failing_its_object() {
        // 0x86 announces another byte of the arc that never comes.
        assert_eq!(oid_text(&[0x2a, 0x86]), "2a86");
        assert_eq!(oid_text(&[0x55, 0x04, 0x03]), "2.5.4.3");
    }

    #[test]
    fn integers_and_oids_preview() {
        assert_eq!(integer_text(&[0x00, 0xff]), "255");
        assert_eq!(integer_text(&[0xff]), "-1");
        assert_eq!(integer_text(&[1; 9]), "0x010101010101010101");
        let oid = [0x06, 0x03, 0x55, 0x04, 0x03];
        let tree = parse(&oid);
        assert_eq!(
            tree.root.unwrap().value(&oid),
            Some(Primitive::Oid {
                dotted: "2.5.4.3".into(),
                name: Some("commonName".into())
            })
        );
    }
}
