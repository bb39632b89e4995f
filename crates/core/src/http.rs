//! The little HTTP/1.1 that OCSP needs (RFC 6960 Appendix A), sans I/O: build the request bytes,
//! tell when a response is complete, read the status, content type and body. The relay and the
//! CLI move the bytes; this module only reads and writes them.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// `http://host[:port]/path` → (host, port, path). `None` for anything else (MQ accepts only
/// plain-HTTP OCSP URLs).
pub fn parse_url(url: &str) -> Option<(String, u16, String)> {
    let rest = url.strip_prefix("http://")?;
    let (authority, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_owned()), |(a, p)| (a, format!("/{p}")));
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => (h.to_owned(), p.parse().ok()?),
        _ => (authority.to_owned(), 80),
    };
    (!host.is_empty()).then_some((host, port, path))
}

/// MQ's SSLHTTPProxyName form `host(port)` (or `host:port`, or a bare host on port 80) as `host:port`.
pub fn proxy_target(proxy: &str) -> String {
    match proxy.split_once('(') {
        Some((host, port)) => format!("{}:{}", host.trim(), port.trim_end_matches(')').trim()),
        None if proxy.contains(':') => proxy.trim().to_owned(),
        None => format!("{}:80", proxy.trim()),
    }
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// How to send the request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Method {
    /// POST with `application/ocsp-request` (what clients usually do).
    #[default]
    Post,
    /// GET with the request base64- and URL-encoded in the path (RFC 6960 A.1).
    Get,
}

/// The Host of `url` and the request target for its path as `path` turns it (absolute-form when
/// sent through a proxy).
fn host_and_target(
    url: &str,
    via_proxy: bool,
    path: impl FnOnce(String) -> String,
) -> Option<(String, String)> {
    let (host, port, url_path) = parse_url(url)?;
    let authority = if port == 80 {
        host
    } else {
        format!("{host}:{port}")
    };
    let path = path(url_path);
    let target = if via_proxy {
        format!("http://{authority}{path}")
    } else {
        path
    };
    Some((authority, target))
}

fn get(authority: &str, target: &str) -> Vec<u8> {
    format!("GET {target} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n").into_bytes()
}

/// The bytes of an OCSP HTTP request for `url` (absolute-form when sent through a proxy).
pub fn ocsp_request(url: &str, der: &[u8], method: Method, via_proxy: bool) -> Option<Vec<u8>> {
    let (authority, target) = host_and_target(url, via_proxy, |path| match method {
        Method::Get => format!(
            "{}/{}",
            path.trim_end_matches('/'),
            url_encode(&STANDARD.encode(der))
        ),
        Method::Post => path,
    })?;
    Some(match method {
        Method::Get => get(&authority, &target),
        Method::Post => {
            let mut bytes = format!(
                "POST {target} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/ocsp-request\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                der.len()
            )
            .into_bytes();
            bytes.extend_from_slice(der);
            bytes
        }
    })
}

/// The bytes of a plain GET for `url` (a CRL distribution point; absolute-form when sent
/// through a proxy).
pub fn get_request(url: &str, via_proxy: bool) -> Option<Vec<u8>> {
    let (authority, target) = host_and_target(url, via_proxy, |path| path)?;
    Some(get(&authority, &target))
}

fn header_end(raw: &[u8]) -> Option<usize> {
    raw.windows(4).position(|w| w == b"\r\n\r\n")
}

/// Whether `raw` holds a whole response with a Content-Length (responders may keep the
/// connection open, so the reader cannot wait for the close).
pub fn is_complete(raw: &[u8]) -> bool {
    let Some(split) = header_end(raw) else {
        return false;
    };
    let head = String::from_utf8_lossy(raw.get(..split).unwrap_or_default()).to_ascii_lowercase();
    head.lines()
        .find_map(|line| {
            line.strip_prefix("content-length:")
                .and_then(|v| v.trim().parse::<usize>().ok())
        })
        .is_some_and(|length| raw.len() >= split + 4 + length)
}

/// A response's status, content type and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// Content-Type.
    pub content_type: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// Reads an HTTP/1.x response (Content-Length, or everything until the close).
pub fn parse_response(raw: &[u8]) -> Result<Response, String> {
    let split = header_end(raw).ok_or("the responder's answer has no complete HTTP header")?;
    let head = String::from_utf8_lossy(raw.get(..split).unwrap_or_default()).into_owned();
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("'{status_line}' is not an HTTP status line"))?;
    let (mut content_type, mut length) = (None, None);
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = Some(value.trim().to_owned()),
                "content-length" => length = value.trim().parse::<usize>().ok(),
                "transfer-encoding" if value.to_ascii_lowercase().contains("chunked") => {
                    return Err("the responder answered with chunked encoding, which mqocsp does not decode".into());
                }
                _ => {}
            }
        }
    }
    let body = raw.get(split + 4..).unwrap_or_default();
    let body = match length {
        Some(n) if body.len() >= n => body.get(..n).unwrap_or_default().to_vec(),
        Some(n) => {
            return Err(format!(
                "the responder sent {} of {n} body bytes",
                body.len()
            ));
        }
        None => body.to_vec(),
    };
    Ok(Response {
        status,
        content_type,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_requests_and_responses() {
        assert_eq!(
            parse_url("http://nsca.example.test:2560/"),
            Some(("nsca.example.test".into(), 2560, "/".into()))
        );
        assert_eq!(
            parse_url("http://ocsp.example.test"),
            Some(("ocsp.example.test".into(), 80, "/".into()))
        );
        assert_eq!(parse_url("https://x/"), None);
        assert_eq!(
            proxy_target("proxy.example.test(8080)"),
            "proxy.example.test:8080"
        );
        let post = ocsp_request("http://r.test:2560/", b"\x30\x00", Method::Post, false).unwrap();
        assert!(post.starts_with(b"POST / HTTP/1.1\r\nHost: r.test:2560\r\nContent-Type: application/ocsp-request\r\nContent-Length: 2\r\n"));
        assert_eq!(
            get_request("http://ca.test/ca.crl", false).unwrap(),
            b"GET /ca.crl HTTP/1.1\r\nHost: ca.test\r\nConnection: close\r\n\r\n"
        );
        assert!(
            get_request("http://ca.test:8080/x.crl", true)
                .unwrap()
                .starts_with(b"GET http://ca.test:8080/x.crl HTTP/1.1\r\nHost: ca.test:8080\r\n")
        );
        let get = ocsp_request("http://r.test/ocsp", b"\xfb\xff", Method::Get, true).unwrap();
        assert!(
            String::from_utf8_lossy(&get).starts_with("GET http://r.test/ocsp/%2B%2F8%3D HTTP/1.1")
        );
        let raw = b"HTTP/1.0 200 OK\r\nContent-type: application/ocsp-response\r\nContent-Length: 3\r\n\r\nabcdef";
        assert!(is_complete(raw));
        assert!(!is_complete(&raw[..raw.len() - 4]));
        let response = parse_response(raw).unwrap();
        assert_eq!(
            (
                response.status,
                response.content_type.as_deref(),
                response.body.as_slice()
            ),
            (200, Some("application/ocsp-response"), &b"abc"[..])
        );
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n").is_err());
    }
}
