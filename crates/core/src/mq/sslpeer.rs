//! SSLPEER (on the queue manager's channel) and SSLPeerName (the client's MQCD): IBM's rules for
//! the pattern, the distinguished name MQ builds from the partner's certificate, and whether the
//! two match.
//!
//! The rules (mq-reference §11, CONFIRMED from the "IBM MQ rules for SSLPEER values" page):
//! commas or semicolons separate attributes, spaces around them are ignored; attribute types are
//! written in uppercase with no space before `=`; values compare ignoring case and may be
//! double-quoted; a repeated attribute type matches the partner's attributes of that type in
//! order (`OU=IBM, OU=WEBSPHERE`: at least two OUs, the first IBM, the second WEBSPHERE);
//! attributes the pattern does not name are not checked; `CN=QMGR.*` matches CNs that begin with
//! `QMGR.`. From MQ 7.1 the partner's DN also carries its certificate's serial number as
//! SERIALNUMBER.

use crate::certificate::Certificate;
use std::fmt;

/// IBM's reference for the rules.
pub const RULES: &str = "https://ibm.com/docs/SSFKSJ_9.3.0/reference/q049310_.html";

/// The longest SSLPEER outside z/OS (z/OS: 256).
pub const MAX_LENGTH: usize = 1024;

/// The attribute types IBM recognises: the names a pattern may use, the one mqocsp reports, and
/// the name attribute it stands for (`None`: the certificate's own serial number).
const TYPES: &[(&[&str], &str, Option<&str>)] = &[
    (&["SERIALNUMBER"], "SERIALNUMBER", None),
    (&["MAIL", "E"], "E", Some("1.2.840.113549.1.9.1")),
    (&["UID", "USERID"], "UID", Some("0.9.2342.19200300.100.1.1")),
    (&["CN"], "CN", Some("2.5.4.3")),
    (&["T"], "T", Some("2.5.4.12")),
    (&["OU"], "OU", Some("2.5.4.11")),
    (&["DC"], "DC", Some("0.9.2342.19200300.100.1.25")),
    (&["O"], "O", Some("2.5.4.10")),
    (&["STREET"], "STREET", Some("2.5.4.9")),
    (&["L"], "L", Some("2.5.4.7")),
    (&["ST", "SP", "S"], "ST", Some("2.5.4.8")),
    (&["PC"], "PC", Some("2.5.4.17")),
    (&["C"], "C", Some("2.5.4.6")),
    (
        &["UNSTRUCTUREDNAME"],
        "UNSTRUCTUREDNAME",
        Some("1.2.840.113549.1.9.2"),
    ),
    (
        &["UNSTRUCTUREDADDRESS"],
        "UNSTRUCTUREDADDRESS",
        Some("1.2.840.113549.1.9.8"),
    ),
    (&["DNQ"], "DNQ", Some("2.5.4.46")),
];

/// The subject's serialNumber attribute, which MQ also reports as SERIALNUMBER.
const SUBJECT_SERIAL: &str = "2.5.4.5";

/// One `TYPE=value` of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerTerm {
    /// The attribute type as mqocsp reports it (`E` for `MAIL`, `ST` for `SP`).
    pub attribute: &'static str,
    /// The value, without quotes; `*` is a wildcard.
    pub value: String,
    /// Where the term starts (1-based character column).
    pub column: usize,
}

/// A parsed SSLPEER / SSLPeerName.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerPattern {
    /// The terms in the order written.
    pub terms: Vec<PeerTerm>,
}

/// Why a pattern breaks IBM's rules (the client gets 2399 MQRC_SSL_PEER_NAME_ERROR; runmqsc
/// refuses the SSLPEER).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeerNameError {
    /// Nothing but spaces and separators.
    Empty,
    /// Longer than [`MAX_LENGTH`] bytes.
    TooLong {
        /// Its length in bytes.
        length: usize,
    },
    /// A term without `=`.
    MissingEquals {
        /// Where the term starts.
        column: usize,
        /// The term.
        text: String,
    },
    /// A space between the attribute type and `=`.
    SpaceBeforeEquals {
        /// Where the space is.
        column: usize,
    },
    /// An attribute type written in lowercase or mixed case.
    NotUppercase {
        /// Where it starts.
        column: usize,
        /// As written.
        written: String,
    },
    /// An attribute type IBM's rules do not list.
    UnknownAttribute {
        /// Where it starts.
        column: usize,
        /// As written.
        written: String,
    },
    /// `TYPE=` with nothing after it.
    EmptyValue {
        /// Where the term starts.
        column: usize,
        /// The type.
        attribute: String,
    },
    /// A `"` that is never closed.
    UnclosedQuote {
        /// Where the quote opens.
        column: usize,
    },
    /// Text after a closing quote, before the next separator.
    TextAfterQuote {
        /// Where the text starts.
        column: usize,
    },
    /// A `*` inside a value: IBM allows the wildcard "at the beginning, the end, or in both
    /// places" of an attribute value only (SSLPEER rules page, [`RULES`]).
    WildcardInside {
        /// Where the `*` is.
        column: usize,
        /// The attribute type.
        attribute: String,
    },
}

impl fmt::Display for PeerNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the peer name is empty"),
            Self::TooLong { length } => write!(
                f,
                "the peer name is {length} bytes long; MQ allows at most {MAX_LENGTH} (256 on z/OS)"
            ),
            Self::MissingEquals { column, text } => {
                write!(f, "column {column}: '{text}' has no '=' (write TYPE=value)")
            }
            Self::SpaceBeforeEquals { column } => write!(
                f,
                "column {column}: a space before '=' is not allowed (write CN=value)"
            ),
            Self::NotUppercase { column, written } => write!(
                f,
                "column {column}: attribute types must be uppercase: write {} for '{written}'",
                written.to_ascii_uppercase()
            ),
            Self::UnknownAttribute { column, written } => write!(
                f,
                "column {column}: '{written}' is not an attribute type MQ recognises (SERIALNUMBER, MAIL, E, UID, USERID, CN, T, OU, DC, O, STREET, L, ST, SP, S, PC, C, UNSTRUCTUREDNAME, UNSTRUCTUREDADDRESS, DNQ)"
            ),
            Self::EmptyValue { column, attribute } => {
                write!(f, "column {column}: {attribute}= has no value")
            }
            Self::UnclosedQuote { column } => {
                write!(f, "column {column}: the quote opened here is never closed")
            }
            Self::TextAfterQuote { column } => write!(
                f,
                "column {column}: text after a closing quote; put the whole value inside the quotes"
            ),
            Self::WildcardInside { column, attribute } => write!(
                f,
                "column {column}: a * inside the {attribute} value; MQ allows * only at the beginning, the end or both"
            ),
        }
    }
}

/// The reported name of a pattern's attribute type, if IBM's rules list it.
fn canonical(written: &str) -> Option<&'static str> {
    TYPES
        .iter()
        .find(|(names, _, _)| names.contains(&written))
        .map(|(_, name, _)| *name)
}

impl PeerPattern {
    /// Parses a pattern by IBM's rules.
    pub fn parse(text: &str) -> Result<Self, PeerNameError> {
        if text.len() > MAX_LENGTH {
            return Err(PeerNameError::TooLong { length: text.len() });
        }
        let chars: Vec<char> = text.chars().collect();
        let is_separator = |c: char| c == ',' || c == ';';
        let mut terms = Vec::new();
        let mut i = 0;
        loop {
            while chars
                .get(i)
                .is_some_and(|c| c.is_whitespace() || is_separator(*c))
            {
                i += 1;
            }
            if i >= chars.len() {
                break;
            }
            let start = i;
            while chars.get(i).is_some_and(|c| *c != '=' && !is_separator(*c)) {
                i += 1;
            }
            let name: String = chars.get(start..i).unwrap_or_default().iter().collect();
            if chars.get(i) != Some(&'=') {
                return Err(PeerNameError::MissingEquals {
                    column: start + 1,
                    text: name.trim_end().to_owned(),
                });
            }
            if name.ends_with(char::is_whitespace) {
                return Err(PeerNameError::SpaceBeforeEquals {
                    column: start + name.trim_end().chars().count() + 1,
                });
            }
            let attribute = match canonical(&name) {
                Some(attribute) => attribute,
                None if canonical(&name.to_ascii_uppercase()).is_some() => {
                    return Err(PeerNameError::NotUppercase {
                        column: start + 1,
                        written: name,
                    });
                }
                None => {
                    return Err(PeerNameError::UnknownAttribute {
                        column: start + 1,
                        written: name,
                    });
                }
            };
            i += 1;
            while chars.get(i).is_some_and(|c| *c == ' ') {
                i += 1;
            }
            let quoted = chars.get(i) == Some(&'"');
            let value_start = if quoted { i + 1 } else { i };
            let value = if quoted {
                let open = i;
                i += 1;
                let from = i;
                while chars.get(i).is_some_and(|c| *c != '"') {
                    i += 1;
                }
                if i >= chars.len() {
                    return Err(PeerNameError::UnclosedQuote { column: open + 1 });
                }
                let value: String = chars.get(from..i).unwrap_or_default().iter().collect();
                i += 1;
                while chars.get(i).is_some_and(|c| c.is_whitespace()) {
                    i += 1;
                }
                if chars.get(i).is_some_and(|c| !is_separator(*c)) {
                    return Err(PeerNameError::TextAfterQuote { column: i + 1 });
                }
                value
            } else {
                let from = i;
                while chars.get(i).is_some_and(|c| !is_separator(*c)) {
                    i += 1;
                }
                let value: String = chars.get(from..i).unwrap_or_default().iter().collect();
                value.trim_end().to_owned()
            };
            let last = value.chars().count().saturating_sub(1);
            if let Some(inside) = value
                .chars()
                .enumerate()
                .position(|(k, c)| c == '*' && k != 0 && k != last)
            {
                return Err(PeerNameError::WildcardInside {
                    column: value_start + inside + 1,
                    attribute: attribute.to_owned(),
                });
            }
            if value.is_empty() {
                return Err(PeerNameError::EmptyValue {
                    column: start + 1,
                    attribute: name,
                });
            }
            terms.push(PeerTerm {
                attribute,
                value,
                column: start + 1,
            });
        }
        if terms.is_empty() {
            return Err(PeerNameError::Empty);
        }
        Ok(Self { terms })
    }
}

/// The distinguished name MQ sees for a partner's certificate: SERIALNUMBER first, then the
/// subject's attributes most specific first, as `DISPLAY CHSTATUS ... SSLPEER` shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerDn {
    /// `(type, value)` in MQ's order; types MQ does not recognise keep their dotted OID.
    pub attributes: Vec<(String, String)>,
}

/// `78:40:26:54:E5:D4:80:E4`: a serial number as MQ prints it in the peer DN.
fn colon_hex(lower_hex: &str) -> String {
    let padded = if lower_hex.len() % 2 == 1 {
        format!("0{lower_hex}")
    } else {
        lower_hex.to_owned()
    };
    padded
        .as_bytes()
        .chunks(2)
        .map(|pair| String::from_utf8_lossy(pair).to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(":")
}

impl PeerDn {
    /// A DN as MQ writes it (`CN=…,OU=…,O=…`, most specific first), e.g. quoted by a log:
    /// attributes split at commas outside double quotes, types upper case, values trimmed.
    pub fn parse(text: &str) -> Self {
        let mut attributes = Vec::new();
        let mut current = String::new();
        let mut quoted = false;
        let mut push = |part: &str| {
            if let Some((name, value)) = part.split_once('=') {
                attributes.push((
                    name.trim().to_ascii_uppercase(),
                    value.trim().trim_matches('"').to_owned(),
                ));
            }
        };
        for c in text.chars() {
            match c {
                '"' => {
                    quoted = !quoted;
                    current.push(c);
                }
                ',' if !quoted => push(&std::mem::take(&mut current)),
                _ => current.push(c),
            }
        }
        push(&current);
        Self { attributes }
    }

    /// The DN MQ builds from `cert`.
    pub fn of(cert: &Certificate) -> Self {
        let mut attributes = vec![("SERIALNUMBER".to_owned(), colon_hex(&cert.serial))];
        attributes.extend(Self::named(&cert.subject).attributes);
        Self { attributes }
    }

    /// The issuer's DN in MQ's order, without a serial number: what a CHLAUTH record's SSLCERTI
    /// is compared with.
    pub fn issuer_of(cert: &Certificate) -> Self {
        Self::named(&cert.issuer)
    }

    /// A name's attributes, most specific first, with MQ's attribute types.
    fn named(name: &crate::name::DistinguishedName) -> Self {
        let mut attributes = Vec::new();
        for a in name.attributes.iter().rev() {
            let name = if a.oid == SUBJECT_SERIAL {
                Some("SERIALNUMBER")
            } else {
                TYPES
                    .iter()
                    .find(|(_, _, oid)| *oid == Some(a.oid.as_str()))
                    .map(|(_, name, _)| *name)
            };
            attributes.push((
                name.map_or_else(|| a.oid.clone(), str::to_owned),
                a.value.clone(),
            ));
        }
        Self { attributes }
    }

    /// `SERIALNUMBER=01,CN=…,O=…,C=…`, as MQ logs it.
    pub fn text(&self) -> String {
        self.attributes
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// A pattern that matches this certificate and its renewals: every recognised attribute but
    /// SERIALNUMBER, in MQ's order, values quoted where they hold a separator or edge spaces. A
    /// value that cannot be written (it holds a `"`, or is empty) becomes what comes before the
    /// quote followed by `*`, so repeated attributes keep their places. Within MQ's 1,024 bytes:
    /// the least specific attributes go first, a single overlong value is cut to a prefix and `*`.
    pub fn suggested_pattern(&self) -> String {
        let mut terms: Vec<(&str, String)> = self
            .attributes
            .iter()
            .filter(|(name, _)| name != "SERIALNUMBER" && canonical(name).is_some())
            .map(|(name, value)| {
                let value = match value.split_once('"') {
                    Some((before, _)) => format!("{before}*"),
                    None if value.is_empty() => "*".to_owned(),
                    None => value.clone(),
                };
                (name.as_str(), value)
            })
            .collect();
        let written = |terms: &[(&str, String)]| {
            terms
                .iter()
                .map(|(name, value)| written_term(name, value))
                .collect::<Vec<_>>()
                .join(", ")
        };
        // Dropping the last term keeps every earlier repeat of its type in its place.
        while terms.len() > 1 && written(&terms).len() > MAX_LENGTH {
            terms.pop();
        }
        if let [(name, value)] = terms.as_mut_slice() {
            while written_term(name, value).len() > MAX_LENGTH {
                let mut chars: Vec<char> = value.trim_end_matches('*').chars().collect();
                let keep = chars.len().saturating_sub(chars.len() / 8 + 1);
                chars.truncate(keep);
                *value = chars.into_iter().chain(['*']).collect();
            }
        }
        written(&terms)
    }

    fn values(&self, attribute: &str) -> Vec<&str> {
        self.attributes
            .iter()
            .filter(|(name, _)| name == attribute)
            .map(|(_, value)| value.as_str())
            .collect()
    }
}

/// `TYPE=value`, or `TYPE="value"` when the value holds a separator or starts or ends with a space.
fn written_term(name: &str, value: &str) -> String {
    if value.contains([',', ';']) || value.trim() != value {
        format!("{name}=\"{value}\"")
    } else {
        format!("{name}={value}")
    }
}

/// Why a DN does not match a pattern: the first term that fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// The pattern names more attributes of a type than the DN has.
    Missing {
        /// The term.
        term: PeerTerm,
        /// Which occurrence of its type the term is (1-based).
        occurrence: usize,
        /// How many the DN has.
        present: usize,
    },
    /// The value differs.
    Differs {
        /// The term.
        term: PeerTerm,
        /// Which occurrence of its type the term is (1-based).
        occurrence: usize,
        /// The DN's value.
        actual: String,
    },
}

fn ordinal(n: usize) -> String {
    match n {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        n => format!("{n}th"),
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing {
                term,
                occurrence,
                present,
            } => write!(
                f,
                "the pattern asks for a {} {} ({}={}) but the certificate's DN has {}",
                ordinal(*occurrence),
                term.attribute,
                term.attribute,
                term.value,
                match present {
                    0 => format!("no {}", term.attribute),
                    1 => format!("only one {}", term.attribute),
                    n => format!("only {n} {}s", term.attribute),
                }
            ),
            Self::Differs {
                term,
                occurrence,
                actual,
            } => write!(
                f,
                "the {}{} is '{actual}', the pattern wants '{}'{}",
                if *occurrence > 1 {
                    format!("{} ", ordinal(*occurrence))
                } else {
                    String::new()
                },
                term.attribute,
                term.value,
                if term.value.contains('*') {
                    " (* matches any text)"
                } else {
                    " (compared ignoring case)"
                }
            ),
        }
    }
}

/// Case-insensitive match with `*` standing for any text.
fn wildcard_match(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.to_lowercase().chars().collect();
    let text: Vec<char> = text.to_lowercase().chars().collect();
    // Greedy matching with backtracking to the last `*` (linear in practice, never recursive).
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(c) if Some(c) == text.get(t) => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern
        .get(p..)
        .unwrap_or_default()
        .iter()
        .all(|c| *c == '*')
}

impl PeerPattern {
    /// Whether `dn` matches; the first failing term otherwise.
    pub fn check(&self, dn: &PeerDn) -> Result<(), Mismatch> {
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for term in &self.terms {
            let occurrence = match seen.iter_mut().find(|(a, _)| *a == term.attribute) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((term.attribute, 1));
                    1
                }
            };
            let values = dn.values(term.attribute);
            let Some(actual) = values.get(occurrence - 1) else {
                return Err(Mismatch::Missing {
                    term: term.clone(),
                    occurrence,
                    present: values.len(),
                });
            };
            let wanted = if term.attribute == "SERIALNUMBER" {
                // Written with or without colons, either case.
                term.value.replace(':', "")
            } else {
                term.value.clone()
            };
            let actual_compared = if term.attribute == "SERIALNUMBER" {
                actual.replace(':', "")
            } else {
                (*actual).to_owned()
            };
            if !wildcard_match(&wanted, &actual_compared) {
                return Err(Mismatch::Differs {
                    term: term.clone(),
                    occurrence,
                    actual: (*actual).to_owned(),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dn(pairs: &[(&str, &str)]) -> PeerDn {
        PeerDn {
            attributes: pairs
                .iter()
                .map(|(a, v)| ((*a).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    fn ibm_example() -> PeerDn {
        dn(&[
            ("SERIALNUMBER", "78:40:26:54:E5:D4:80:E4"),
            ("CN", "QMGR.SALES"),
            ("OU", "IBM"),
            ("OU", "WEBSPHERE"),
            ("O", "IBM"),
            ("C", "US"),
        ])
    }

    #[test]
    fn patterns_match_by_ibm_rules() {
        let cases: &[(&str, bool)] = &[
            // IBM's own example: CN begins with QMGR., at least two OUs in this order.
            ("CN=QMGR.*, OU=IBM, OU=WEBSPHERE", true),
            ("CN=QMGR.*;OU=IBM;OU=WEBSPHERE", true),
            ("  CN=QMGR.* ,  OU=IBM  ", true),
            ("OU=WEBSPHERE, OU=IBM", false),
            ("OU=IBM, OU=WEBSPHERE, OU=EXTRA", false),
            ("cn=qmgr.sales", false),
            ("CN=qmgr.sales", true),
            ("CN=\"QMGR.SALES\"", true),
            ("CN=QMGR", false),
            ("CN=*SALES", true),
            ("CN=Q*S*S", false),
            ("CN=*SALES*", true),
            ("CN=*", true),
            ("L=*", false),
            ("SERIALNUMBER=78:40:26:54:E5:D4:80:E4", true),
            ("SERIALNUMBER=78402654e5d480e4", true),
            ("SERIALNUMBER=01", false),
            ("C=US, O=IBM", true),
            ("SP=*", false),
        ];
        for (text, expected) in cases {
            match PeerPattern::parse(text) {
                Ok(pattern) => assert_eq!(
                    pattern.check(&ibm_example()).is_ok(),
                    *expected,
                    "{text}: {:?}",
                    pattern.check(&ibm_example())
                ),
                Err(e) => assert!(!expected, "{text}: {e}"),
            }
        }
    }

    #[test]
    fn malformed_patterns_say_what_and_where() {
        let cases: &[(&str, &str)] = &[
            ("", "empty"),
            (" , ;", "empty"),
            ("CN", "column 1: 'CN' has no '='"),
            ("CN=A, OU", "column 7: 'OU' has no '='"),
            ("CN =A", "column 3: a space before '='"),
            (
                "cn=A",
                "column 1: attribute types must be uppercase: write CN",
            ),
            ("CN=A, Ou=B", "column 7: attribute types must be uppercase"),
            ("XX=A", "column 1: 'XX' is not an attribute type"),
            ("CN=, O=B", "column 1: CN= has no value"),
            (
                "CN=\"A, B",
                "column 4: the quote opened here is never closed",
            ),
            ("CN=\"A\" B, O=C", "column 8: text after a closing quote"),
            ("CN=QM*GR", "column 6: a * inside the CN value"),
            ("O=X, CN=\"Q M*R\"", "column 13: a * inside the CN value"),
            ("CN=*Q*M*", "column 6: a * inside the CN value"),
        ];
        for (text, expected) in cases {
            let e = PeerPattern::parse(text).expect_err(text).to_string();
            assert!(e.contains(expected), "{text}: {e}");
        }
        let long = format!("CN={}", "A".repeat(MAX_LENGTH));
        assert!(
            PeerPattern::parse(&long)
                .unwrap_err()
                .to_string()
                .contains("at most 1024")
        );
    }

    #[test]
    fn aliases_quotes_and_separators_inside_quotes() {
        let p = PeerPattern::parse("MAIL=a@b.c; USERID=u1, S=\"Here, there\"").unwrap();
        let attributes: Vec<_> = p.terms.iter().map(|t| t.attribute).collect();
        assert_eq!(attributes, ["E", "UID", "ST"]);
        assert_eq!(p.terms[2].value, "Here, there");
        let dn = dn(&[("E", "A@B.C"), ("UID", "u1"), ("ST", "here, THERE")]);
        assert_eq!(p.check(&dn), Ok(()));
    }

    #[test]
    fn mismatches_name_the_term() {
        let p = PeerPattern::parse("CN=QMGR.*, OU=IBM, OU=WEBSPHERE, OU=X").unwrap();
        assert_eq!(
            p.check(&ibm_example()).unwrap_err().to_string(),
            "the pattern asks for a third OU (OU=X) but the certificate's DN has only 2 OUs"
        );
        let p = PeerPattern::parse("OU=IBM, OU=MQ").unwrap();
        assert_eq!(
            p.check(&ibm_example()).unwrap_err().to_string(),
            "the second OU is 'WEBSPHERE', the pattern wants 'MQ' (compared ignoring case)"
        );
        let p = PeerPattern::parse("L=Hursley").unwrap();
        assert!(
            p.check(&ibm_example())
                .unwrap_err()
                .to_string()
                .ends_with("has no L")
        );
    }

    #[test]
    fn wildcards_never_backtrack_without_bound() {
        let text = "a".repeat(2000);
        assert!(!wildcard_match(&format!("{}b", "*a".repeat(400)), &text));
        assert!(wildcard_match("*a*a*", &text));
    }

    #[test]
    fn serials_print_as_mq_does() {
        assert_eq!(colon_hex("784026"), "78:40:26");
        assert_eq!(colon_hex("1"), "01");
        assert_eq!(colon_hex("0a0b"), "0A:0B");
    }

    #[test]
    fn suggested_patterns_keep_repeats_in_place_and_fit_mqs_limit() {
        // An unwritable first OU becomes a prefix wildcard; the second OU keeps its place.
        let dn = dn(&[
            ("CN", "qm1"),
            ("OU", "say \"hi\""),
            ("OU", ""),
            ("OU", "EMEA"),
        ]);
        let suggested = dn.suggested_pattern();
        assert_eq!(suggested, "CN=qm1, OU=say *, OU=*, OU=EMEA");
        assert_eq!(PeerPattern::parse(&suggested).unwrap().check(&dn), Ok(()));
        // Too long for SSLPEER: the least specific attributes go, then the value is cut.
        let long = dn_with(&[("CN", "x".repeat(700)), ("O", "y".repeat(700))]);
        let suggested = long.suggested_pattern();
        assert_eq!(suggested, format!("CN={}", "x".repeat(700)));
        let huge = dn_with(&[("CN", "z".repeat(3000))]);
        let suggested = huge.suggested_pattern();
        assert!(
            suggested.len() <= MAX_LENGTH && suggested.ends_with('*'),
            "{}",
            suggested.len()
        );
        assert_eq!(PeerPattern::parse(&suggested).unwrap().check(&huge), Ok(()));
    }

    fn dn_with(pairs: &[(&str, String)]) -> PeerDn {
        PeerDn {
            attributes: pairs
                .iter()
                .map(|(a, v)| ((*a).to_owned(), v.clone()))
                .collect(),
        }
    }

    #[test]
    fn suggested_patterns_quote_separators_and_drop_the_serial() {
        let dn = dn(&[
            ("SERIALNUMBER", "01"),
            ("CN", "qm1"),
            ("O", "Acme, Inc."),
            ("2.5.4.99", "x"),
            ("C", "GB"),
        ]);
        let suggested = dn.suggested_pattern();
        assert_eq!(suggested, "CN=qm1, O=\"Acme, Inc.\", C=GB");
        assert_eq!(PeerPattern::parse(&suggested).unwrap().check(&dn), Ok(()));
    }
}
