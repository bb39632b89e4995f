//! The little HTTP/1.1 that OCSP (RFC 6960 Appendix A) and CRL fetches need, sans I/O: build the
//! request bytes from a validated [`HttpUrl`], tell when an answer is complete, and read its
//! status, content type and body. The relay and the CLI move the bytes.
//!
//! Every byte of a request comes from an [`HttpUrl`] (printable ASCII, no spaces) or from this
//! module's constants; the DER body is counted by Content-Length. No header value is ever taken
//! from text, so no caller can add a header, a method or a second request.

use crate::contract::Method;
use crate::url::{HttpUrl, UrlError};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use std::fmt;

/// The largest response head read (status line and headers). Responders send a few hundred bytes.
pub const MAX_HEAD: usize = 16 * 1024;

/// `%`-encodes everything but RFC 3986 unreserved characters.
fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b));
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

fn head(method: &str, url: &HttpUrl, extra: &str) -> Vec<u8> {
    format!(
        "{method} {} HTTP/1.1\r\nHost: {}\r\n{extra}Connection: close\r\n\r\n",
        url.path(),
        url.authority()
    )
    .into_bytes()
}

/// The bytes of the request for `url`: an OCSP POST carrying `der` (`application/ocsp-request`),
/// an OCSP GET with `der` base64- and URL-encoded as the last path segment (RFC 6960 A.1), or a
/// plain GET of a CRL distribution point (`der` unused).
pub fn request(url: &HttpUrl, method: Method, der: &[u8]) -> Result<Vec<u8>, UrlError> {
    Ok(match method {
        Method::Post => {
            let extra = format!(
                "Content-Type: application/ocsp-request\r\nContent-Length: {}\r\n",
                der.len()
            );
            let mut bytes = head("POST", url, &extra);
            bytes.extend_from_slice(der);
            bytes
        }
        Method::Get => head(
            "GET",
            &url.with_segment(&url_encode(&STANDARD.encode(der)))?,
            "",
        ),
        Method::Crl => head("GET", url, ""),
    })
}

/// Why an answer could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseError {
    /// No blank line ended the head within [`MAX_HEAD`] bytes (or before the connection closed).
    NoHead,
    /// The first line is not `HTTP/1.x NNN ...`.
    StatusLine,
    /// Two Content-Length headers that disagree, or one that is not a number.
    ContentLength,
    /// A Transfer-Encoding (chunked…), which mqocsp does not decode.
    TransferEncoding,
    /// The connection closed before Content-Length bytes of body arrived.
    ShortBody {
        /// Bytes received.
        got: usize,
        /// Bytes announced.
        expected: usize,
    },
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoHead => write!(
                f,
                "the answer has no complete HTTP header (within {MAX_HEAD} bytes)"
            ),
            Self::StatusLine => write!(f, "the answer does not start with an HTTP/1.x status line"),
            Self::ContentLength => write!(f, "the answer's Content-Length is invalid or repeated"),
            Self::TransferEncoding => write!(
                f,
                "the answer uses a Transfer-Encoding (chunked), which mqocsp does not decode"
            ),
            Self::ShortBody { got, expected } => {
                write!(f, "the answer carried {got} of {expected} body bytes")
            }
        }
    }
}

impl std::error::Error for ResponseError {}

fn head_end(raw: &[u8]) -> Option<usize> {
    raw.windows(4).take(MAX_HEAD).position(|w| w == b"\r\n\r\n")
}

/// A response's status, content type and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// Content-Type, if sent.
    pub content_type: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// What the head says that the reader needs.
struct Head {
    status: u16,
    content_type: Option<String>,
    length: Option<usize>,
}

fn parse_head(head: &[u8]) -> Result<Head, ResponseError> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut words = status_line.split(' ');
    let version = words.next().unwrap_or_default();
    let status = words
        .next()
        .filter(|s| s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|s| s.parse().ok())
        .filter(|_| version.starts_with("HTTP/1."))
        .ok_or(ResponseError::StatusLine)?;
    let (mut content_type, mut length) = (None, None);
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => {
                content_type = Some(value.chars().filter(|c| !c.is_control()).collect());
            }
            "content-length" => {
                let n: usize = value.parse().map_err(|_| ResponseError::ContentLength)?;
                if length.is_some_and(|l| l != n) {
                    return Err(ResponseError::ContentLength);
                }
                length = Some(n);
            }
            "transfer-encoding" if !value.eq_ignore_ascii_case("identity") => {
                return Err(ResponseError::TransferEncoding);
            }
            _ => {}
        }
    }
    Ok(Head {
        status,
        content_type,
        length,
    })
}

/// Whether `raw` already holds a whole answer: its head and Content-Length bytes of body
/// (responders may keep the connection open, so a reader cannot always wait for the close).
/// An answer without Content-Length is complete only when the connection closes.
pub fn is_complete(raw: &[u8]) -> bool {
    let Some(end) = head_end(raw) else {
        return false;
    };
    match parse_head(raw.get(..end).unwrap_or_default()) {
        Ok(Head {
            length: Some(length),
            ..
        }) => raw.len() >= end + 4 + length,
        // Nothing more to wait for when the head is unreadable: the reader reports it.
        Err(_) => true,
        Ok(_) => false,
    }
}

/// Reads an HTTP/1.x answer as received up to the close (or to [`is_complete`]): the body is
/// Content-Length bytes, or everything after the head when there is no Content-Length.
pub fn parse_response(raw: &[u8]) -> Result<Response, ResponseError> {
    let end = head_end(raw).ok_or(ResponseError::NoHead)?;
    let head = parse_head(raw.get(..end).unwrap_or_default())?;
    let body = raw.get(end + 4..).unwrap_or_default();
    let body = match head.length {
        Some(n) => body
            .get(..n)
            .ok_or(ResponseError::ShortBody {
                got: body.len(),
                expected: n,
            })?
            .to_vec(),
        None => body.to_vec(),
    };
    Ok(Response {
        status: head.status,
        content_type: head.content_type,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> HttpUrl {
        HttpUrl::parse(text).unwrap()
    }

    #[test]
    fn requests_are_built_from_the_validated_url() {
        let post = request(&url("http://r.test:2560/"), Method::Post, b"\x30\x00").unwrap();
        assert_eq!(
            post,
            b"POST / HTTP/1.1\r\nHost: r.test:2560\r\nContent-Type: application/ocsp-request\r\nContent-Length: 2\r\nConnection: close\r\n\r\n\x30\x00"
        );
        assert_eq!(
            request(&url("http://ca.test/ca.crl"), Method::Crl, b"ignored").unwrap(),
            b"GET /ca.crl HTTP/1.1\r\nHost: ca.test\r\nConnection: close\r\n\r\n"
        );
        let get = request(&url("http://[::1]:8080/ocsp"), Method::Get, b"\xfb\xff").unwrap();
        assert!(
            get.starts_with(b"GET /ocsp/%2B%2F8%3D HTTP/1.1\r\nHost: [::1]:8080\r\n"),
            "{}",
            String::from_utf8_lossy(&get)
        );
    }

    #[test]
    fn every_request_has_exactly_one_head_whatever_the_body() {
        // The DER body may hold CR/LF; it follows the head and is counted, never parsed as header.
        let der = b"\r\n\r\nGET /evil HTTP/1.1\r\n\r\n";
        let bytes = request(&url("http://r.test/"), Method::Post, der).unwrap();
        let end = head_end(&bytes).unwrap();
        assert_eq!(bytes.len() - end - 4, der.len());
        assert_eq!(
            String::from_utf8_lossy(&bytes[..end])
                .matches("\r\n")
                .count(),
            4
        );
    }

    #[test]
    fn complete_answers_are_recognised_and_read() {
        let raw = b"HTTP/1.0 200 OK\r\nContent-type: application/ocsp-response\r\nContent-Length: 3\r\n\r\nabcdef";
        assert!(is_complete(raw));
        assert!(!is_complete(&raw[..raw.len() - 4]));
        assert_eq!(
            parse_response(raw).unwrap(),
            Response {
                status: 200,
                content_type: Some("application/ocsp-response".into()),
                body: b"abc".to_vec()
            }
        );
        let until_close = b"HTTP/1.1 302 Found\r\nLocation: http://elsewhere/\r\n\r\nmoved";
        assert!(!is_complete(until_close));
        assert_eq!(parse_response(until_close).unwrap().status, 302);
    }

    #[test]
    fn broken_answers_say_what_is_wrong() {
        let cases: [(&[u8], ResponseError); 6] = [
            (b"HTTP/1.1 200 OK\r\n", ResponseError::NoHead),
            (b"SSH-2.0-OpenSSH\r\n\r\n", ResponseError::StatusLine),
            (b"HTTP/1.1 2000 OK\r\n\r\n", ResponseError::StatusLine),
            (
                b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                ResponseError::TransferEncoding,
            ),
            (
                b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
                ResponseError::ContentLength,
            ),
            (
                b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab",
                ResponseError::ShortBody {
                    got: 2,
                    expected: 9,
                },
            ),
        ];
        for (raw, error) in cases {
            assert_eq!(
                parse_response(raw),
                Err(error),
                "{}",
                String::from_utf8_lossy(raw)
            );
        }
        let endless = vec![b'a'; MAX_HEAD + 10];
        assert_eq!(parse_response(&endless), Err(ResponseError::NoHead));
    }
}
