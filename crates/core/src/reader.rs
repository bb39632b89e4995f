//! Reading typed structures out of a [`der::Node`](crate::der::Node) tree, field by field, with
//! errors that name the field and the byte it is at.

use crate::der::{Node, Tag};
use crate::timestamp::Timestamp;
use std::fmt;

/// A structure that does not have the shape its RFC gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    /// The ASN.1 field, as the RFC names it (`tbsResponseData.producedAt`).
    pub field: String,
    /// What the RFC requires there.
    pub expected: String,
    /// What is there instead (`None`: nothing, the structure ended).
    pub found: Option<String>,
    /// Byte offset within the object.
    pub at: usize,
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.found {
            Some(found) => write!(
                f,
                "byte {}: {} should be {} but is {found}",
                self.at, self.field, self.expected
            ),
            None => write!(
                f,
                "byte {}: {} ({}) is missing",
                self.at, self.field, self.expected
            ),
        }
    }
}

impl std::error::Error for Malformed {}

/// Reads the children of a constructed node in order.
#[derive(Debug)]
pub(crate) struct Fields<'n> {
    node: &'n Node,
    next: usize,
    path: &'static str,
}

impl<'n> Fields<'n> {
    /// Starts reading `node`, which must carry `tag` (a SEQUENCE, usually).
    pub(crate) fn of(node: &'n Node, tag: Tag, path: &'static str) -> Result<Self, Malformed> {
        expect(node, tag, path)?;
        Ok(Self {
            node,
            next: 0,
            path,
        })
    }

    /// The next child, which must carry `tag`.
    pub(crate) fn required(&mut self, tag: Tag, field: &str) -> Result<&'n Node, Malformed> {
        match self.node.child(self.next) {
            Some(child) => {
                expect(child, tag, &format!("{}.{field}", self.path))?;
                self.next += 1;
                Ok(child)
            }
            None => Err(Malformed {
                field: format!("{}.{field}", self.path),
                expected: tag.name(),
                found: None,
                at: self.node.span().end,
            }),
        }
    }

    /// The next child if it carries `tag`.
    pub(crate) fn optional(&mut self, tag: Tag) -> Option<&'n Node> {
        let child = self
            .node
            .child(self.next)
            .filter(|child| child.tag == tag)?;
        self.next += 1;
        Some(child)
    }

    /// The children not read yet.
    pub(crate) fn rest(&self) -> &'n [Node] {
        self.node.children.get(self.next..).unwrap_or_default()
    }
}

/// Checks that `node` carries `tag`.
pub(crate) fn expect(node: &Node, tag: Tag, field: &str) -> Result<(), Malformed> {
    if node.tag == tag {
        Ok(())
    } else {
        Err(Malformed {
            field: field.to_owned(),
            expected: tag.name(),
            found: Some(node.tag.name()),
            at: node.offset,
        })
    }
}

/// The only child of an EXPLICIT `[n]` wrapper.
pub(crate) fn explicit<'n>(node: &'n Node, field: &str) -> Result<&'n Node, Malformed> {
    node.child(0).ok_or_else(|| Malformed {
        field: field.to_owned(),
        expected: "a value inside the explicit tag".to_owned(),
        found: None,
        at: node.offset,
    })
}

/// The content bytes of `node`.
pub(crate) fn content<'d>(node: &Node, der: &'d [u8]) -> &'d [u8] {
    node.content_span().of(der)
}

/// The dotted OID in an OBJECT IDENTIFIER node.
pub(crate) fn oid(node: &Node, der: &[u8], field: &str) -> Result<String, Malformed> {
    if node.tag != Tag::OID {
        return Err(Malformed {
            field: field.to_owned(),
            expected: "OBJECT IDENTIFIER".to_owned(),
            found: Some(node.tag.name()),
            at: node.offset,
        });
    }
    Ok(crate::der::oid_text(content(node, der)))
}

/// A GeneralizedTime (or UTCTime) node as a [`Timestamp`].
pub(crate) fn time(node: &Node, der: &[u8], field: &str) -> Result<Timestamp, Malformed> {
    let utc = node.tag == Tag::UTC_TIME;
    if !utc && node.tag != Tag::GENERALIZED_TIME {
        expect(node, Tag::GENERALIZED_TIME, field)?;
    }
    let text = String::from_utf8_lossy(content(node, der));
    Timestamp::from_asn1(utc, &text).ok_or_else(|| Malformed {
        field: field.to_owned(),
        expected: "a DER time (YYYYMMDDHHMMSSZ)".to_owned(),
        found: Some(format!("{text:?}")),
        at: node.offset,
    })
}

/// A small non-negative INTEGER or ENUMERATED.
pub(crate) fn small_int(node: &Node, der: &[u8], field: &str) -> Result<u32, Malformed> {
    let bytes = content(node, der);
    let value = (bytes.len() <= 4 && bytes.first().is_some_and(|b| b & 0x80 == 0))
        .then(|| bytes.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)));
    value.ok_or_else(|| Malformed {
        field: field.to_owned(),
        expected: "a small non-negative number".to_owned(),
        found: Some(format!("{} byte(s)", bytes.len())),
        at: node.offset,
    })
}

/// Why the time value `node` (in `der`) named `field` is not a DER UTCTime or GeneralizedTime
/// (X.690 §11.7, §11.8; RFC 5280 §4.1.2.5), or `None` when it is one: what a parser's bare
/// "invalid date" is made to say, field and byte.
pub(crate) fn bad_time(node: &Node, der: &[u8], field: &str) -> Option<Malformed> {
    let utc = node.tag == Tag::UTC_TIME;
    let expected = if utc {
        "a UTCTime YYMMDDHHMMSSZ"
    } else {
        "a GeneralizedTime YYYYMMDDHHMMSSZ"
    };
    let malformed = |found: String| Malformed {
        field: field.to_owned(),
        expected: expected.to_owned(),
        found: Some(found),
        at: node.offset,
    };
    if !utc && node.tag != Tag::GENERALIZED_TIME {
        return Some(Malformed {
            expected: "a UTCTime or GeneralizedTime".to_owned(),
            ..malformed(node.tag.name())
        });
    }
    let content = node.content_span().of(der);
    match std::str::from_utf8(content) {
        Ok(text) if crate::timestamp::asn1_time(utc, text).is_some() => None,
        Ok(text) => Some(malformed(format!("'{text}'"))),
        Err(_) => Some(malformed(format!("bytes {}", crate::hex::lower(content)))),
    }
}
