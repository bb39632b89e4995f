//! The one validator for every outgoing request: an OCSP responder or CRL distribution point URL
//! ([`HttpUrl`], `http://HOST[:PORT][/PATH][?QUERY]`) or a tunnel target ([`Target`], `HOST:PORT`).
//!
//! URLs come from certificates, that is from whoever presents them, so a value of these types
//! holds only what is safe to write into an HTTP request line and Host header: printable ASCII
//! without spaces (no CR/LF can ever reach the wire), no userinfo, no fragment, a host that is a
//! DNS name or an IP literal in its one canonical form, and a port. Parse, don't validate: the
//! request builder in [`crate::http`] takes these types, never text.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The longest URL accepted (bytes). OCSP and CRL URLs are short; a GET request carries the
/// base64 OCSP request in the path, which stays well under this for one certificate.
pub const MAX_URL_LEN: usize = 4096;

/// The longest host name (RFC 1035 §2.3.4).
const MAX_NAME_LEN: usize = 253;

/// Why a URL or target was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// Longer than [`MAX_URL_LEN`].
    TooLong {
        /// Its length.
        len: usize,
    },
    /// A byte that is not printable ASCII: a control character (CR, LF, NUL, TAB…), a space,
    /// DEL or a non-ASCII byte.
    Character {
        /// Its offset.
        at: usize,
        /// The byte.
        byte: u8,
    },
    /// Not `http://` (MQ fetches OCSP and CRLs over plain HTTP only).
    NotHttp,
    /// `user@host`: credentials in a URL are never sent.
    Userinfo,
    /// `#fragment`: never part of a request.
    Fragment,
    /// The host is empty or not a DNS name.
    BadHost,
    /// A numeric host in a form other than the dotted quad (`2130706433`, `0x7f.1`, `127.1`,
    /// `0177.0.0.1`): resolvers read these differently, so none is guessed.
    NumericHost,
    /// `[...]` that is not an IPv6 address (zone identifiers included).
    BadIpv6,
    /// The port is missing where it is required, empty, not a number, or 0.
    BadPort,
    /// A path or query character outside RFC 3986 (`<`, `"`, `\`, `{`…), or a `%` not followed by
    /// two hex digits.
    BadPath {
        /// Its offset in the URL.
        at: usize,
    },
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLong { len } => {
                write!(f, "the URL is {len} bytes long (at most {MAX_URL_LEN})")
            }
            Self::Character { at, byte } => write!(
                f,
                "the URL holds byte 0x{byte:02X} at offset {at}: control characters, spaces and non-ASCII bytes are refused"
            ),
            Self::NotHttp => write!(
                f,
                "not an http:// URL (MQ accepts only plain HTTP for OCSP and CRLs)"
            ),
            Self::Userinfo => write!(
                f,
                "the URL carries user information (user@host), which is refused"
            ),
            Self::Fragment => write!(f, "the URL carries a #fragment, which is refused"),
            Self::BadHost => write!(f, "the host is empty or not a DNS name"),
            Self::NumericHost => write!(
                f,
                "the host is a number in a form other than a dotted quad (a.b.c.d), which is refused"
            ),
            Self::BadIpv6 => write!(f, "the host in [brackets] is not an IPv6 address"),
            Self::BadPort => write!(f, "the port is missing, empty, 0 or not a number"),
            Self::BadPath { at } => write!(
                f,
                "the path or query has a character at offset {at} that a URL may not hold unencoded"
            ),
        }
    }
}

impl std::error::Error for UrlError {}

/// A host: a lowercase DNS name or an IP literal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Host {
    /// `ocsp.example.test`, lowercase, labels of letters, digits, `-` and `_`.
    Name(String),
    /// `192.0.2.7`.
    V4(Ipv4Addr),
    /// `[2001:db8::7]`.
    V6(Ipv6Addr),
}

impl Host {
    /// The address, when the host is an IP literal.
    pub fn ip(&self) -> Option<IpAddr> {
        match self {
            Self::Name(_) => None,
            Self::V4(ip) => Some(IpAddr::V4(*ip)),
            Self::V6(ip) => Some(IpAddr::V6(*ip)),
        }
    }

    /// The host as a resolver takes it (no brackets).
    pub fn bare(&self) -> String {
        match self {
            Self::Name(name) => name.clone(),
            Self::V4(ip) => ip.to_string(),
            Self::V6(ip) => ip.to_string(),
        }
    }

    fn parse(text: &str) -> Result<Self, UrlError> {
        if let Some(inner) = text.strip_prefix('[') {
            let inner = inner.strip_suffix(']').ok_or(UrlError::BadIpv6)?;
            return inner.parse().map(Self::V6).map_err(|_| UrlError::BadIpv6);
        }
        if text.is_empty() || text.len() > MAX_NAME_LEN {
            return Err(UrlError::BadHost);
        }
        let name = text.to_ascii_lowercase();
        let labels: Vec<&str> = name.split('.').collect();
        let last = labels.last().copied().unwrap_or_default();
        // WHATWG and getaddrinfo read a numeric last label as IPv4 in many spellings; only the
        // canonical dotted quad is accepted (std's parser refuses leading zeros and short forms).
        let numeric = !last.is_empty()
            && (last.bytes().all(|b| b.is_ascii_digit())
                || (last.starts_with("0x") && last.bytes().skip(2).all(|b| b.is_ascii_hexdigit())));
        if numeric {
            return name
                .parse()
                .map(Self::V4)
                .map_err(|_| UrlError::NumericHost);
        }
        let label_ok = |label: &&str| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        if labels.iter().all(label_ok) {
            Ok(Self::Name(name))
        } else {
            Err(UrlError::BadHost)
        }
    }
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Name(name) => f.write_str(name),
            Self::V4(ip) => write!(f, "{ip}"),
            Self::V6(ip) => write!(f, "[{ip}]"),
        }
    }
}

/// Every byte printable ASCII (0x21..=0x7E), and not too long.
fn printable(text: &str) -> Result<(), UrlError> {
    if text.len() > MAX_URL_LEN {
        return Err(UrlError::TooLong { len: text.len() });
    }
    match text.bytes().position(|b| !(0x21..=0x7e).contains(&b)) {
        Some(at) => Err(UrlError::Character {
            at,
            byte: text.as_bytes().get(at).copied().unwrap_or_default(),
        }),
        None => Ok(()),
    }
}

fn parse_port(text: &str) -> Result<u16, UrlError> {
    if text.is_empty() || text.len() > 5 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(UrlError::BadPort);
    }
    text.parse::<u16>()
        .ok()
        .filter(|p| *p != 0)
        .ok_or(UrlError::BadPort)
}

/// `HOST`, `HOST:PORT`, `[V6]` or `[V6]:PORT` → host and optional port.
fn parse_authority(text: &str) -> Result<(Host, Option<u16>), UrlError> {
    if text.contains('@') {
        return Err(UrlError::Userinfo);
    }
    let (host, port) = if text.starts_with('[') {
        match text.find(']') {
            Some(end) => {
                let (host, rest) = text.split_at(end + 1);
                match rest.strip_prefix(':') {
                    Some(port) => (host, Some(port)),
                    None if rest.is_empty() => (host, None),
                    None => return Err(UrlError::BadIpv6),
                }
            }
            None => return Err(UrlError::BadIpv6),
        }
    } else {
        match text.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (text, None),
        }
    };
    Ok((Host::parse(host)?, port.map(parse_port).transpose()?))
}

/// RFC 3986 path and query characters: unreserved, sub-delims, `:`, `@`, `/`, `?`, and `%HH`.
fn check_path(path: &str, offset: usize) -> Result<(), UrlError> {
    let bytes = path.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let mut width = 1;
        let ok = match b {
            b'%' => {
                let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
                width = 3;
                hex(i + 1) && hex(i + 2)
            }
            b if b.is_ascii_alphanumeric() => true,
            b'-' | b'.' | b'_' | b'~' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+'
            | b',' | b';' | b'=' | b':' | b'@' | b'/' | b'?' => true,
            _ => false,
        };
        if !ok {
            return Err(UrlError::BadPath { at: offset + i });
        }
        i += width;
    }
    Ok(())
}

/// A validated `http://` URL (see the module documentation for what that guarantees).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HttpUrl {
    host: Host,
    port: u16,
    /// Path and query, starting with `/`.
    path: String,
}

impl HttpUrl {
    /// Parses `http://HOST[:PORT][/PATH][?QUERY]` (port 80 when absent).
    pub fn parse(text: &str) -> Result<Self, UrlError> {
        printable(text)?;
        if text.contains('#') {
            return Err(UrlError::Fragment);
        }
        if text.contains('\\') {
            return Err(UrlError::BadPath {
                at: text.find('\\').unwrap_or_default(),
            });
        }
        let scheme = text.get(..7).ok_or(UrlError::NotHttp)?;
        if !scheme.eq_ignore_ascii_case("http://") {
            return Err(UrlError::NotHttp);
        }
        let rest = text.get(7..).unwrap_or_default();
        let split = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(split);
        let (host, port) = parse_authority(authority)?;
        check_path(path, 7 + split)?;
        let path = match path.strip_prefix('?') {
            Some(_) => format!("/{path}"),
            None if path.is_empty() => "/".to_owned(),
            None => path.to_owned(),
        };
        Ok(Self {
            host,
            port: port.unwrap_or(80),
            path,
        })
    }

    /// The host.
    pub fn host(&self) -> &Host {
        &self.host
    }

    /// The port (80 when the URL names none).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The path and query, starting with `/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Where to connect.
    pub fn target(&self) -> Target {
        Target {
            host: self.host.clone(),
            port: self.port,
        }
    }

    /// The Host header's value: `host`, or `host:port` when the port is not 80.
    pub fn authority(&self) -> String {
        if self.port == 80 {
            self.host.to_string()
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// This URL with `segment` appended to its path (for an OCSP GET, RFC 6960 A.1), when the
    /// segment is valid path text; the query, if any, is dropped.
    pub fn with_segment(&self, segment: &str) -> Result<Self, UrlError> {
        let base = self.path.split('?').next().unwrap_or("/");
        let path = format!("{}/{segment}", base.trim_end_matches('/'));
        printable(&path)?;
        check_path(&path, 0)?;
        Ok(Self {
            path,
            ..self.clone()
        })
    }
}

impl fmt::Display for HttpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "http://{}{}", self.authority(), self.path)
    }
}

impl std::str::FromStr for HttpUrl {
    type Err = UrlError;

    fn from_str(text: &str) -> Result<Self, UrlError> {
        Self::parse(text)
    }
}

impl TryFrom<String> for HttpUrl {
    type Error = UrlError;

    fn try_from(text: String) -> Result<Self, UrlError> {
        Self::parse(&text)
    }
}

impl From<HttpUrl> for String {
    fn from(url: HttpUrl) -> Self {
        url.to_string()
    }
}

/// A validated `HOST:PORT` (a tunnel target, or where an [`HttpUrl`] connects).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    /// The host.
    pub host: Host,
    /// The port.
    pub port: u16,
}

impl Target {
    /// Parses `HOST:PORT` or `[V6]:PORT`; the port is required.
    pub fn parse(text: &str) -> Result<Self, UrlError> {
        printable(text)?;
        match parse_authority(text)? {
            (host, Some(port)) => Ok(Self { host, port }),
            (_, None) => Err(UrlError::BadPort),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.host, self.port)
    }
}

impl std::str::FromStr for Target {
    type Err = UrlError;

    fn from_str(text: &str) -> Result<Self, UrlError> {
        Self::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_urls_parse_into_host_port_and_path() {
        let cases = [
            (
                "http://nsca.example.test:2560/",
                "nsca.example.test",
                2560,
                "/",
            ),
            ("http://OCSP.Example.test", "ocsp.example.test", 80, "/"),
            ("HTTP://ca.test/ca.crl", "ca.test", 80, "/ca.crl"),
            ("http://ca.test?x=1", "ca.test", 80, "/?x=1"),
            (
                "http://192.0.2.7:8080/a/b?c=d%2F",
                "192.0.2.7",
                8080,
                "/a/b?c=d%2F",
            ),
            (
                "http://[2001:db8::7]:2560/ocsp",
                "[2001:db8::7]",
                2560,
                "/ocsp",
            ),
            ("http://[::1]/", "[::1]", 80, "/"),
            ("http://under_score.test/", "under_score.test", 80, "/"),
        ];
        for (text, host, port, path) in cases {
            let url = HttpUrl::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                (url.host().to_string().as_str(), url.port(), url.path()),
                (host, port, path),
                "{text}"
            );
        }
        assert_eq!(
            HttpUrl::parse("http://r.test:2560/x").unwrap().authority(),
            "r.test:2560"
        );
        assert_eq!(
            HttpUrl::parse("http://r.test:80/x").unwrap().to_string(),
            "http://r.test/x"
        );
    }

    #[test]
    fn dangerous_urls_are_refused_with_the_reason() {
        let cases = [
            (
                "http://r.test/\r\nX-Injected: 1",
                UrlError::Character {
                    at: 14,
                    byte: b'\r',
                },
            ),
            (
                "http://r.test/a\nb",
                UrlError::Character {
                    at: 15,
                    byte: b'\n',
                },
            ),
            (
                "http://r.test/a b",
                UrlError::Character { at: 15, byte: b' ' },
            ),
            (
                "http://r.test/\u{0}",
                UrlError::Character { at: 14, byte: 0 },
            ),
            (
                "http://r.test/\u{7f}",
                UrlError::Character { at: 14, byte: 0x7f },
            ),
            (
                "http://r.test/caf\u{e9}",
                UrlError::Character { at: 17, byte: 0xc3 },
            ),
            (
                "http://r.test\t/",
                UrlError::Character {
                    at: 13,
                    byte: b'\t',
                },
            ),
            ("https://r.test/", UrlError::NotHttp),
            ("ftp://r.test/", UrlError::NotHttp),
            ("//r.test/", UrlError::NotHttp),
            ("http:/r.test", UrlError::NotHttp),
            ("http://user:pw@r.test/", UrlError::Userinfo),
            ("http://r.test@127.0.0.1/", UrlError::Userinfo),
            ("http://r.test/#frag", UrlError::Fragment),
            ("http://r.test\\@evil/", UrlError::BadPath { at: 13 }),
            ("http:///path", UrlError::BadHost),
            ("http://-bad.test/", UrlError::BadHost),
            ("http://a..b/", UrlError::BadHost),
            ("http://r.test%2F/", UrlError::BadHost),
            ("http://r.test./", UrlError::BadHost),
            ("http://2130706433/", UrlError::NumericHost),
            ("http://0x7f.1/", UrlError::NumericHost),
            ("http://0x7f000001/", UrlError::NumericHost),
            ("http://127.1/", UrlError::NumericHost),
            ("http://0177.0.0.1/", UrlError::NumericHost),
            ("http://127.000.000.001/", UrlError::NumericHost),
            ("http://[::1%25lo]/", UrlError::BadIpv6),
            ("http://[::1/", UrlError::BadIpv6),
            ("http://[::1]x/", UrlError::BadIpv6),
            ("http://::1/", UrlError::BadHost),
            ("http://r.test:/", UrlError::BadPort),
            ("http://r.test:0/", UrlError::BadPort),
            ("http://r.test:65536/", UrlError::BadPort),
            ("http://r.test:+80/", UrlError::BadPort),
            ("http://r.test/<script>", UrlError::BadPath { at: 14 }),
            ("http://r.test/%zz", UrlError::BadPath { at: 14 }),
            ("http://r.test/%2", UrlError::BadPath { at: 14 }),
        ];
        for (text, error) in cases {
            assert_eq!(HttpUrl::parse(text), Err(error), "{text:?}");
        }
        let long = format!("http://r.test/{}", "a".repeat(MAX_URL_LEN));
        assert!(matches!(
            HttpUrl::parse(&long),
            Err(UrlError::TooLong { .. })
        ));
    }

    #[test]
    fn targets_need_a_port_and_the_same_host_rules() {
        assert_eq!(
            Target::parse("QM1.example.test:1414").unwrap().to_string(),
            "qm1.example.test:1414"
        );
        assert_eq!(
            Target::parse("[::1]:1414").unwrap().host.ip(),
            Some("::1".parse().unwrap())
        );
        for bad in [
            "qm1:",
            "qm1",
            "qm1:1414\r\n",
            "a@qm1:1414",
            "2130706433:1414",
            "qm 1:1414",
            "[::1]",
        ] {
            assert!(Target::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_get_segment_is_appended_and_checked() {
        let url = HttpUrl::parse("http://r.test/ocsp/?q=1").unwrap();
        assert_eq!(url.with_segment("MAA%3D").unwrap().path(), "/ocsp/MAA%3D");
        assert!(url.with_segment("a\r\nb").is_err());
    }

    #[test]
    fn urls_travel_as_json_strings_and_are_checked_when_read() {
        let url: HttpUrl = serde_json::from_str("\"http://r.test:2560/\"").unwrap();
        assert_eq!(
            serde_json::to_string(&url).unwrap(),
            "\"http://r.test:2560/\""
        );
        let error = serde_json::from_str::<HttpUrl>("\"http://r.test/\\r\\nX: 1\"")
            .unwrap_err()
            .to_string();
        assert!(error.contains("byte 0x0D"), "{error}");
    }
}
