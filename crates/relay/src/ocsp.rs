//! `POST /api/ocsp`: send an OCSP request to a responder (RFC 6960 Appendix A: POST, or GET with
//! the request base64- and URL-encoded in the path), or fetch a CRL from a distribution point
//! (plain GET), and return the response bytes, HTTP status, content type and timing. The call is
//! [`RelayCall`] from `mqocsp-wire`; its URL went through the one validator, the target through
//! the allowlist, and the request bytes are built by `mqocsp_wire::http` from the validated URL.
//! Redirects are returned, never followed. There is no proxy: the relay connects to the target.

use crate::allow::Allowlist;
use crate::limits::{Limits, MAX_REQUEST_BODY};
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use mqocsp_wire::{Method, RelayAnswer, RelayCall, RelayError};
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

/// What the relay needs for OCSP calls.
#[derive(Clone, Debug)]
pub struct OcspState {
    /// Where it may connect.
    pub allow: Arc<Allowlist>,
    /// Limits.
    pub limits: Limits,
    /// Calls in flight per client address.
    pub in_flight: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// One of a client's `--max-ocsp-per-client` places, given back when the call ends (or is
/// dropped because the client went away).
struct Place {
    in_flight: Arc<Mutex<HashMap<IpAddr, usize>>>,
    client: IpAddr,
}

impl Place {
    fn take(state: &OcspState, client: IpAddr) -> Option<Self> {
        let mut map = state.in_flight.lock().unwrap_or_else(|p| p.into_inner());
        let count = map.entry(client).or_default();
        if *count >= state.limits.max_ocsp_per_client {
            return None;
        }
        *count += 1;
        Some(Self {
            in_flight: state.in_flight.clone(),
            client,
        })
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut map = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(count) = map.get_mut(&self.client) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                map.remove(&self.client);
            }
        }
    }
}

fn error(status: StatusCode, message: String) -> Response {
    let mut response = (
        status,
        Json(RelayError {
            error: message.clone(),
        }),
    )
        .into_response();
    response.extensions_mut().insert(crate::log::Why(message));
    response
}

/// The handler.
pub async fn ocsp(
    State(state): State<OcspState>,
    client: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !json {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "the call must be JSON (Content-Type: application/json)".into(),
        );
    }
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > MAX_REQUEST_BODY as u64) {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("a call is at most {MAX_REQUEST_BODY} bytes"),
        );
    }
    // A body trickled in (or never sent) must not hold the connection: it has as long as a head.
    let wait = Duration::from_secs(state.limits.header_timeout_secs);
    let body = match tokio::time::timeout(wait, axum::body::to_bytes(body, MAX_REQUEST_BODY)).await
    {
        Ok(Ok(body)) => body,
        Ok(Err(_)) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("a call is at most {MAX_REQUEST_BODY} bytes"),
            );
        }
        Err(_) => {
            return error(
                StatusCode::REQUEST_TIMEOUT,
                format!("the call's body did not arrive within {} s", wait.as_secs()),
            );
        }
    };
    let call: RelayCall = match serde_json::from_slice(&body) {
        Ok(call) => call,
        Err(e) => return error(StatusCode::BAD_REQUEST, format!("not a relay call: {e}")),
    };
    if call.method == Method::Crl && !call.request.is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            "a CRL fetch carries no request".into(),
        );
    }
    // Without a socket (tests calling app() directly) every call counts as one client.
    let client = client.map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.0.ip());
    let Some(_place) = Place::take(&state, client) else {
        return error(
            StatusCode::TOO_MANY_REQUESTS,
            format!(
                "{} calls from this client are in flight already (--max-ocsp-per-client)",
                state.limits.max_ocsp_per_client
            ),
        );
    };
    let dns = Duration::from_secs(state.limits.dns_timeout_secs);
    let addr = match state.allow.check(&call.url.target(), dns).await {
        Ok(addr) => addr,
        Err(refusal) => return error(StatusCode::FORBIDDEN, refusal.to_string()),
    };
    let message = match mqocsp_wire::http::request(&call.url, call.method, &call.request) {
        Ok(message) => message,
        Err(e) => return error(StatusCode::BAD_REQUEST, format!("{}: {e}", call.url)),
    };
    let started = Instant::now();
    let timeout = Duration::from_secs(state.limits.ocsp_timeout_secs);
    let limit = state.limits.max_response_bytes;
    let raw = match tokio::time::timeout(timeout, exchange(addr, &message, limit)).await {
        Err(_) => {
            return error(
                StatusCode::GATEWAY_TIMEOUT,
                format!("{addr} did not answer within {} s", timeout.as_secs()),
            );
        }
        Ok(Err(message)) => return error(StatusCode::BAD_GATEWAY, message),
        Ok(Ok(raw)) => raw,
    };
    match mqocsp_wire::http::parse_response(&raw) {
        Ok(response) => {
            crate::log::emit(
                "ocsp.answer",
                &[
                    ("target", addr.to_string()),
                    ("method", format!("{:?}", call.method).to_ascii_lowercase()),
                    ("status", response.status.to_string()),
                    ("bytes", response.body.len().to_string()),
                ],
            );
            Json(RelayAnswer {
                status: response.status,
                content_type: response.content_type,
                body: response.body,
                elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
                connected_to: addr.to_string(),
            })
            .into_response()
        }
        Err(e) => error(StatusCode::BAD_GATEWAY, format!("{addr}: {e}")),
    }
}

/// Sends `message` to `addr` and reads the answer until it is complete, the target closes, or it
/// passes `limit` bytes.
async fn exchange(addr: SocketAddr, message: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| format!("cannot connect to {addr}: {e}"))?;
    stream
        .write_all(message)
        .await
        .map_err(|e| format!("sending to {addr}: {e}"))?;
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = stream
            .read(&mut chunk)
            .await
            .map_err(|e| format!("reading from {addr}: {e}"))?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(chunk.get(..n).unwrap_or_default());
        if raw.len() > limit {
            return Err(format!(
                "the responder's answer is larger than the relay's limit of {limit} bytes"
            ));
        }
        // Responders may keep the connection open: stop once Content-Length bytes arrived.
        if mqocsp_wire::http::is_complete(&raw) {
            break;
        }
    }
    Ok(raw)
}
