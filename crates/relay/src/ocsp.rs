//! `POST /api/ocsp`: send an OCSP request to a responder (RFC 6960 Appendix A: POST, or GET with
//! the request base64- and URL-encoded in the path), or fetch a CRL from a distribution point
//! (plain GET), directly or through an HTTP proxy, and return the response bytes, HTTP status,
//! content type and timing. The same allowlist and limits apply to both.

use crate::allow::Allowlist;
use crate::limits::Limits;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use mqocsp_core::http::{
    Method, get_request, is_complete, ocsp_request, parse_response, parse_url, proxy_target,
};
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
    /// `post` (default), `get`, or `crl` (a plain GET of `url`, a CRL distribution point; the
    /// request is then empty).
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
    let mut response = (status, Json(serde_json::json!({ "error": message }))).into_response();
    response.extensions_mut().insert(crate::log::Why(message));
    response
}

/// The handler.
pub async fn ocsp(State(state): State<OcspState>, Json(call): Json<OcspCall>) -> Response {
    let Some((host, port, _)) = parse_url(&call.url) else {
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
    let method = call
        .method
        .as_deref()
        .unwrap_or("post")
        .to_ascii_lowercase();
    let message = match method.as_str() {
        "get" => ocsp_request(&call.url, &der, Method::Get, via_proxy),
        // A CRL distribution point: a plain GET of the URL, the request left empty.
        "crl" => get_request(&call.url, via_proxy),
        _ => ocsp_request(&call.url, &der, Method::Post, via_proxy),
    };
    let Some(message) = message else {
        return error(
            StatusCode::BAD_REQUEST,
            format!("'{}' is not an http:// URL", call.url),
        );
    };
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
            if is_complete(&raw) {
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
        Ok(response) => Json(OcspAnswer {
            status: response.status,
            content_type: response.content_type,
            body: STANDARD.encode(response.body),
            elapsed_ms: started.elapsed().as_millis(),
            connected_to: addr.to_string(),
        })
        .into_response(),
        Err(message) => error(StatusCode::BAD_GATEWAY, message),
    }
}
