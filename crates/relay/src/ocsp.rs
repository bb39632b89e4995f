//! `POST /api/ocsp`: send an OCSP request to a responder (RFC 6960 Appendix A: POST, or GET with
//! the request base64- and URL-encoded in the path), directly or through an HTTP proxy, and
//! return the response bytes, HTTP status, content type and timing.

use crate::allow::Allowlist;
use crate::limits::Limits;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

/// What the page asks.
#[derive(Debug, Deserialize)]
pub struct OcspCall {
    /// The responder URL (`http://host[:port]/path`).
    pub url: String,
    /// The DER request, base64.
    pub request: String,
    /// `post` (default) or `get`.
    #[serde(default)]
    pub method: Option<String>,
    /// An HTTP proxy as MQ's SSLHTTPProxyName writes it: `host(port)` or `host:port`.
    #[serde(default)]
    pub proxy: Option<String>,
}

/// What the relay answers.
#[derive(Debug, Serialize)]
pub struct OcspAnswer {
    /// HTTP status.
    pub status: u16,
    /// Content-Type.
    pub content_type: Option<String>,
    /// The body, base64.
    pub body: String,
    /// Milliseconds from connect to the last byte.
    pub elapsed_ms: u128,
    /// The address connected to.
    pub connected_to: String,
}

/// What the relay needs for OCSP calls.
#[derive(Clone, Debug)]
pub struct OcspState {
    /// Where it may connect.
    pub allow: Arc<Allowlist>,
    /// Limits.
    pub limits: Limits,
}

fn error(status: StatusCode, message: String) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

/// `http://host[:port]/path` → (host, port, path).
fn parse_url(url: &str) -> Option<(String, u16, String)> {
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

fn proxy_target(proxy: &str) -> String {
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

/// Whether `raw` holds a whole response with a Content-Length.
fn complete(raw: &[u8]) -> bool {
    let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    head.lines()
        .find_map(|line| {
            line.strip_prefix("content-length:")
                .and_then(|v| v.trim().parse::<usize>().ok())
        })
        .is_some_and(|length| raw.len() >= split + 4 + length)
}

/// Reads an HTTP/1.x response: status, content type, body (Content-Length or until close).
fn parse_response(raw: &[u8]) -> Result<(u16, Option<String>, Vec<u8>), String> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("the responder's answer has no complete HTTP header")?;
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("'{status_line}' is not an HTTP status line"))?;
    let mut content_type = None;
    let mut length = None;
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = Some(value.trim().to_owned()),
                "content-length" => length = value.trim().parse::<usize>().ok(),
                "transfer-encoding" if value.to_ascii_lowercase().contains("chunked") => return Err("the responder answered with chunked encoding, which the relay does not decode".into()),
                _ => {}
            }
        }
    }
    let body = &raw[split + 4..];
    let body = match length {
        Some(n) if body.len() >= n => body[..n].to_vec(),
        Some(n) => {
            return Err(format!(
                "the responder sent {} of {n} body bytes",
                body.len()
            ));
        }
        None => body.to_vec(),
    };
    Ok((status, content_type, body))
}

/// The handler.
pub async fn ocsp(State(state): State<OcspState>, Json(call): Json<OcspCall>) -> Response {
    let Some((host, port, path)) = parse_url(&call.url) else {
        return error(
            StatusCode::BAD_REQUEST,
            format!(
                "'{}' is not an http:// URL (MQ accepts only plain HTTP for OCSP)",
                call.url
            ),
        );
    };
    let Ok(der) = STANDARD.decode(call.request.trim()) else {
        return error(StatusCode::BAD_REQUEST, "the request is not base64".into());
    };
    let target = match &call.proxy {
        Some(proxy) if !proxy.trim().is_empty() => proxy_target(proxy),
        _ => format!("{host}:{port}"),
    };
    let addr = match state.allow.check(&target).await {
        Ok(addr) => addr,
        Err(refusal) => return error(StatusCode::FORBIDDEN, refusal.to_string()),
    };
    let via_proxy = call.proxy.as_ref().is_some_and(|p| !p.trim().is_empty());
    let authority = if port == 80 {
        host.clone()
    } else {
        format!("{host}:{port}")
    };
    let get = call
        .method
        .as_deref()
        .is_some_and(|m| m.eq_ignore_ascii_case("get"));
    let target_path = if get {
        format!(
            "{}/{}",
            path.trim_end_matches('/'),
            url_encode(&STANDARD.encode(&der))
        )
    } else {
        path
    };
    let request_target = if via_proxy {
        format!("http://{authority}{target_path}")
    } else {
        target_path
    };
    let mut message = if get {
        format!("GET {request_target} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n")
            .into_bytes()
    } else {
        format!("POST {request_target} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/ocsp-request\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", der.len()).into_bytes()
    };
    if !get {
        message.extend_from_slice(&der);
    }
    let started = Instant::now();
    let timeout = Duration::from_secs(state.limits.ocsp_timeout_secs);
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(addr)
            .await
            .map_err(|e| format!("cannot connect to {addr}: {e}"))?;
        stream
            .write_all(&message)
            .await
            .map_err(|e| format!("sending to {addr}: {e}"))?;
        let mut raw = Vec::new();
        let limit = state.limits.max_response_bytes;
        let mut chunk = [0u8; 8192];
        loop {
            let n = stream
                .read(&mut chunk)
                .await
                .map_err(|e| format!("reading from {addr}: {e}"))?;
            if n == 0 {
                break;
            }
            raw.extend_from_slice(&chunk[..n]);
            if raw.len() > limit {
                return Err(format!(
                    "the responder's answer is larger than the relay's limit of {limit} bytes"
                ));
            }
            // Responders may keep the connection open: stop once Content-Length bytes arrived.
            if complete(&raw) {
                break;
            }
        }
        Ok::<_, String>(raw)
    };
    let raw = match tokio::time::timeout(timeout, exchange).await {
        Err(_) => {
            return error(
                StatusCode::GATEWAY_TIMEOUT,
                format!("{addr} did not answer within {} s", timeout.as_secs()),
            );
        }
        Ok(Err(message)) => return error(StatusCode::BAD_GATEWAY, message),
        Ok(Ok(raw)) => raw,
    };
    match parse_response(&raw) {
        Ok((status, content_type, body)) => Json(OcspAnswer {
            status,
            content_type,
            body: STANDARD.encode(body),
            elapsed_ms: started.elapsed().as_millis(),
            connected_to: addr.to_string(),
        })
        .into_response(),
        Err(message) => error(StatusCode::BAD_GATEWAY, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_proxies_and_responses() {
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
        assert_eq!(url_encode("a+b/c="), "a%2Bb%2Fc%3D");
        let (status, kind, body) = parse_response(b"HTTP/1.0 200 OK\r\nContent-type: application/ocsp-response\r\nContent-Length: 3\r\n\r\nabcdef").unwrap();
        assert_eq!(
            (status, kind.as_deref(), body.as_slice()),
            (200, Some("application/ocsp-response"), &b"abc"[..])
        );
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n").is_err());
    }
}
