//! Distinguished names as RFC 4514 strings and as attribute lists.

use serde::{Deserialize, Serialize};
use x509_parser::der_parser::asn1_rs::ToDer;
use x509_parser::x509::{AttributeTypeAndValue, X509Name};

/// One attribute of a distinguished name, in the order of the encoding (most general first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameAttribute {
    /// Short name (`CN`, `O`, `C`, ...) or the dotted OID when mqocsp has no name for it.
    pub name: String,
    /// The dotted OID.
    pub oid: String,
    /// The value as text, or `#` followed by the hex DER of a value that is not a string.
    pub value: String,
}

/// A distinguished name: the RFC 4514 string and the attribute list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistinguishedName {
    /// RFC 4514 form: most specific RDN first, `,` between RDNs, `+` inside a multi-valued RDN.
    pub rfc4514: String,
    /// The attributes in encoding order.
    pub attributes: Vec<NameAttribute>,
}

/// Short names from RFC 4514 §3, plus the ones openssl and IBM MQ print.
fn short_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "SERIALNUMBER",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "STREET",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "T",
        "2.5.4.17" => "PC",
        "2.5.4.42" => "GN",
        "2.5.4.46" => "DNQ",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        "1.2.840.113549.1.9.1" => "E",
        _ => return None,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn attribute(attr: &AttributeTypeAndValue<'_>) -> NameAttribute {
    let oid = attr.attr_type().to_id_string();
    let value = match attr.as_str() {
        Ok(text) => text.to_owned(),
        Err(_) => format!(
            "#{}",
            hex(&attr.attr_value().to_der_vec().unwrap_or_default())
        ),
    };
    NameAttribute {
        name: short_name(&oid).map_or_else(|| oid.clone(), str::to_owned),
        oid,
        value,
    }
}

/// The RFC 4514 string of RDNs in encoding order: most specific RDN first, `,` between RDNs,
/// `+` inside a multi-valued RDN, values escaped.
fn rfc4514(rdns: &[Vec<NameAttribute>]) -> String {
    rdns.iter()
        .rev()
        .map(|rdn| {
            rdn.iter()
                .map(|a| format!("{}={}", a.name, escape(&a.value)))
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The OIDs [`short_name`] names.
const SHORT_NAMED: [&str; 16] = [
    "2.5.4.3",
    "2.5.4.4",
    "2.5.4.5",
    "2.5.4.6",
    "2.5.4.7",
    "2.5.4.8",
    "2.5.4.9",
    "2.5.4.10",
    "2.5.4.11",
    "2.5.4.12",
    "2.5.4.17",
    "2.5.4.42",
    "2.5.4.46",
    "0.9.2342.19200300.100.1.1",
    "0.9.2342.19200300.100.1.25",
    "1.2.840.113549.1.9.1",
];

/// The non-empty pieces of `text` between `separator`s that no `\` escapes.
fn split_unescaped(text: &str, separator: char) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (index, character) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if character == '\\' {
            escaped = true;
        } else if character == separator {
            pieces.push(text.get(start..index).unwrap_or_default());
            start = index + separator.len_utf8();
        }
    }
    pieces.push(text.get(start..).unwrap_or_default());
    pieces.retain(|piece| !piece.is_empty());
    pieces
}

/// Undoes [`escape`]: `\00` is NUL, `\` before any other character is that character.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut characters = value.chars().peekable();
    while let Some(character) = characters.next() {
        if character != '\\' {
            out.push(character);
        } else if characters.peek() == Some(&'0') {
            characters.next();
            characters.next();
            out.push('\0');
        } else if let Some(next) = characters.next() {
            out.push(next);
        }
    }
    out
}

/// Escapes a value as RFC 4514 §2.4 requires.
fn escape(value: &str) -> String {
    if value.starts_with('#')
        && value.len() > 1
        && value.chars().skip(1).all(|c| c.is_ascii_hexdigit())
    {
        // A hex-encoded value from `attribute` is written as is.
        return value.to_owned();
    }
    let last = value.chars().count().saturating_sub(1);
    let mut out = String::with_capacity(value.len());
    for (index, character) in value.chars().enumerate() {
        let edge_space = character == ' ' && (index == 0 || index == last);
        let leading_hash = character == '#' && index == 0;
        if edge_space
            || leading_hash
            || matches!(character, '"' | '+' | ',' | ';' | '<' | '>' | '\\')
        {
            out.push('\\');
            out.push(character);
        } else if character == '\0' {
            out.push_str("\\00");
        } else {
            out.push(character);
        }
    }
    out
}

impl DistinguishedName {
    /// The RFC 4514 text of a DER-encoded name (as TLS CertificateRequest lists acceptable CAs),
    /// or its bytes in hex when they are not a name.
    pub fn text_of_der(der: &[u8]) -> String {
        use x509_parser::prelude::FromDer as _;
        X509Name::from_der(der).map_or_else(
            |_| crate::hex::lower(der),
            |(_, name)| Self::from_x509(&name).rfc4514,
        )
    }

    /// Reads a parsed X.509 name.
    pub(crate) fn from_x509(name: &X509Name<'_>) -> Self {
        let rdns: Vec<Vec<NameAttribute>> = name
            .iter()
            .map(|rdn| rdn.iter().map(attribute).collect())
            .collect();
        Self {
            rfc4514: rfc4514(&rdns),
            attributes: rdns.into_iter().flatten().collect(),
        }
    }

    /// Reads back an RFC 4514 string this module wrote ([`DistinguishedName::from_x509`]):
    /// RDNs split at unescaped `,` (written most specific first, so reversed into encoding
    /// order), attributes at unescaped `+`, escapes undone as [`escape`] made them. `None` when
    /// an attribute has no `=`.
    pub fn from_rfc4514(text: &str) -> Option<Self> {
        let mut rdns: Vec<Vec<NameAttribute>> = Vec::new();
        for rdn in split_unescaped(text, ',') {
            let mut attributes = Vec::new();
            for pair in split_unescaped(rdn, '+') {
                let (name, value) = pair.split_once('=')?;
                let oid = SHORT_NAMED
                    .iter()
                    .find(|oid| short_name(oid) == Some(name))
                    .map_or(name, |oid| *oid);
                attributes.push(NameAttribute {
                    name: name.to_owned(),
                    oid: oid.to_owned(),
                    value: unescape(value),
                });
            }
            rdns.push(attributes);
        }
        Some(Self {
            rfc4514: text.to_owned(),
            attributes: rdns.into_iter().rev().flatten().collect(),
        })
    }

    /// Whether two names are the same name (RFC 5280 §7.1): the same attribute types in the same
    /// order, values compared as RFC 4518's caseIgnoreMatch does for the usual string types (case
    /// and runs of spaces ignored, leading and trailing spaces dropped). Works on the attributes,
    /// never on the RFC 4514 display string.
    pub fn matches(&self, other: &DistinguishedName) -> bool {
        fn fold(value: &str) -> String {
            value
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        }
        self.attributes.len() == other.attributes.len()
            && self
                .attributes
                .iter()
                .zip(&other.attributes)
                .all(|(a, b)| a.oid == b.oid && fold(&a.value) == fold(&b.value))
    }

    /// The value of the first attribute with this short name (`CN`, `O`, ...).
    pub fn first(&self, short: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.name == short)
            .map(|a| a.value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{DistinguishedName, NameAttribute, escape, rfc4514, unescape};

    fn dn(pairs: &[(&str, &str)]) -> DistinguishedName {
        DistinguishedName {
            rfc4514: String::new(),
            attributes: pairs
                .iter()
                .map(|(oid, value)| NameAttribute {
                    name: String::new(),
                    oid: (*oid).to_owned(),
                    value: (*value).to_owned(),
                })
                .collect(),
        }
    }

    #[test]
    fn names_match_by_attribute_with_case_and_spaces_folded() {
        let a = dn(&[("2.5.4.6", "GB"), ("2.5.4.3", "Issuing  CA")]);
        assert!(a.matches(&dn(&[("2.5.4.6", "gb"), ("2.5.4.3", " issuing ca ")])));
        assert!(!a.matches(&dn(&[("2.5.4.6", "GB"), ("2.5.4.10", "Issuing CA")])));
        assert!(!a.matches(&dn(&[("2.5.4.6", "GB")])));
        assert!(!a.matches(&dn(&[("2.5.4.3", "Issuing CA"), ("2.5.4.6", "GB")])));
    }

    #[test]
    fn escape_follows_rfc4514() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "a\\,b"),
            (" lead", "\\ lead"),
            ("trail ", "trail\\ "),
            ("#hash", "\\#hash"),
            ("#0c03616263", "#0c03616263"),
            ("q\"+;<>\\", "q\\\"\\+\\;\\<\\>\\\\"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape(input), expected, "escaping {input:?}");
        }
    }

    #[test]
    fn rfc4514_text_reads_back_to_the_same_name() {
        let attribute = |oid: &str, name: &str, value: &str| NameAttribute {
            name: name.to_owned(),
            oid: oid.to_owned(),
            value: value.to_owned(),
        };
        let attributes = vec![
            attribute("2.5.4.6", "C", "GB"),
            attribute("2.5.4.10", "O", "A, B + \"C\" <d>;\\ "),
            attribute("2.5.4.11", "OU", "#not hex"),
            attribute("1.2.3.4", "1.2.3.4", "#0c03616263"),
            attribute("2.5.4.3", "CN", "x=y\0z"),
        ];
        // C, then O, then a multi-valued RDN of OU and 1.2.3.4, then CN, as from_x509 writes it.
        let rdns = [
            attributes[..1].to_vec(),
            attributes[1..2].to_vec(),
            attributes[2..4].to_vec(),
            attributes[4..].to_vec(),
        ];
        let rfc4514 = rfc4514(&rdns);
        let name = DistinguishedName {
            rfc4514: rfc4514.clone(),
            attributes,
        };
        assert_eq!(DistinguishedName::from_rfc4514(&rfc4514), Some(name));
        assert_eq!(unescape(&escape(" lead")), " lead");
        assert_eq!(
            DistinguishedName::from_rfc4514("").map(|n| n.attributes.len()),
            Some(0)
        );
        assert_eq!(DistinguishedName::from_rfc4514("CN"), None);
    }
}
