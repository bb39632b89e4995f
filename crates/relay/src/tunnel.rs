//! `GET /api/tunnel?target=HOST:PORT` (WebSocket): a byte tunnel to an allowed TCP target, so the
//! page's TLS client can reach a queue manager listener. The relay moves bytes only; it never
//! sees plaintext. The same address without a WebSocket upgrade runs the same checks and answers
//! in plain text, so the page can say why a tunnel was refused.

use crate::allow::Allowlist;
use crate::limits::Limits;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use bytes::BytesMut;
use futures_util::{SinkExt as _, StreamExt as _};
use serde::Deserialize;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt as _;

/// The query.
#[derive(Debug, Deserialize)]
pub struct TunnelQuery {
    /// `HOST:PORT`.
    pub target: String,
}

/// What tunnels share.
#[derive(Clone, Debug)]
pub struct TunnelState {
    /// Where they may go.
    pub allow: Arc<Allowlist>,
    /// Limits.
    pub limits: Limits,
    /// Tunnels open now.
    pub open: Arc<AtomicUsize>,
}

/// One of the `--max-tunnels` places, given back when dropped: on every refusal, when the tunnel
/// closes, and when an upgrade never completes.
struct Place(Arc<AtomicUsize>);

impl Drop for Place {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The handler: checks the target and the tunnel count before upgrading.
pub async fn tunnel(
    State(state): State<TunnelState>,
    Query(query): Query<TunnelQuery>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let addr = match state.allow.check(&query.target).await {
        Ok(addr) => addr,
        Err(refusal) => {
            return crate::log::refusal(StatusCode::FORBIDDEN, refusal.to_string());
        }
    };
    let already_open = state.open.fetch_add(1, Ordering::SeqCst);
    let place = Place(state.open.clone());
    if already_open >= state.limits.max_tunnels {
        return crate::log::refusal(
            StatusCode::TOO_MANY_REQUESTS,
            format!(
                "{} tunnels are open already (--max-tunnels)",
                state.limits.max_tunnels
            ),
        );
    }
    let stream = match tokio::time::timeout(
        Duration::from_secs(10),
        tokio::net::TcpStream::connect(addr),
    )
    .await
    {
        Ok(Ok(stream)) => stream,
        Ok(Err(e)) => {
            return crate::log::refusal(
                StatusCode::BAD_GATEWAY,
                format!("cannot connect to {addr}: {e}"),
            );
        }
        Err(_) => {
            return crate::log::refusal(
                StatusCode::GATEWAY_TIMEOUT,
                format!("{addr} did not accept within 10 s"),
            );
        }
    };
    // A plain GET (no upgrade) runs the same checks and only says whether the target accepts
    // connections: a browser cannot read why a WebSocket handshake failed, so the page asks this.
    let upgrade = match upgrade {
        Ok(upgrade) => upgrade,
        Err(_) => {
            return (
                StatusCode::OK,
                format!("mqocsp-relay: {addr} accepts connections\n"),
            )
                .into_response();
        }
    };
    crate::log::emit("tunnel.open", &[("target", addr.to_string())]);
    upgrade
        .read_buffer_size(READ_BUFFER)
        .on_upgrade(move |socket| async move {
            let reason = pump(socket, stream, state.limits).await;
            drop(place);
            crate::log::emit(
                "tunnel.close",
                &[("target", addr.to_string()), ("reason", reason)],
            );
        })
}

/// The WebSocket's read buffer (tungstenite's default is 128 KiB, held by every open tunnel).
const READ_BUFFER: usize = 32 * 1024;

/// How much is read from the target at a time.
const CHUNK: usize = 64 * 1024;

/// Why a tunnel stopped (for the log; no payload is ever logged), and whether the page should be
/// sent a Close frame.
struct Stop {
    why: String,
    close_page: bool,
}

impl Stop {
    fn quiet(why: impl Into<String>) -> Self {
        Self {
            why: why.into(),
            close_page: false,
        }
    }
    fn closing(why: impl Into<String>) -> Self {
        Self {
            why: why.into(),
            close_page: true,
        }
    }
}

/// Copies bytes both ways until one side closes, the byte budget is spent or nothing moves for
/// `idle_secs`. The two directions run side by side, so a slow target never holds up what it
/// sends back. An idle tunnel holds no read buffer: the target is read only once it is readable.
async fn pump(socket: WebSocket, stream: tokio::net::TcpStream, limits: Limits) -> String {
    let (mut to_page, mut from_page) = socket.split();
    let (from_target, mut to_target) = stream.into_split();
    let started = Instant::now();
    // Milliseconds since `started` of the last byte moved, and bytes moved both ways.
    let last = AtomicU64::new(0);
    let moved = AtomicU64::new(0);
    let count = |n: usize| -> Result<(), Stop> {
        last.store(started.elapsed().as_millis() as u64, Ordering::Relaxed);
        if moved.fetch_add(n as u64, Ordering::Relaxed) + n as u64 > limits.max_tunnel_bytes {
            return Err(Stop::closing(format!(
                "more than {} bytes",
                limits.max_tunnel_bytes
            )));
        }
        Ok(())
    };
    let stop = {
        let upstream = async {
            loop {
                match from_page.next().await {
                    None | Some(Ok(Message::Close(_))) => return Stop::quiet("the page closed it"),
                    Some(Err(e)) => return Stop::quiet(format!("websocket error: {e}")),
                    Some(Ok(Message::Binary(bytes))) => {
                        if let Err(stop) = count(bytes.len()) {
                            return stop;
                        }
                        if let Err(e) = to_target.write_all(&bytes).await {
                            return Stop::closing(format!("target write failed: {e}"));
                        }
                    }
                    Some(Ok(_)) => {}
                }
            }
        };
        let downstream = async {
            let mut buffer = BytesMut::new();
            loop {
                if let Err(e) = from_target.readable().await {
                    return Stop::closing(format!("target read failed: {e}"));
                }
                buffer.reserve(CHUNK);
                match from_target.try_read_buf(&mut buffer) {
                    Ok(0) => return Stop::closing("the target closed it"),
                    Ok(n) => {
                        if let Err(stop) = count(n) {
                            return stop;
                        }
                        let bytes = buffer.split().freeze();
                        if to_page.send(Message::Binary(bytes)).await.is_err() {
                            return Stop::quiet("the page went away");
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    Err(e) => return Stop::closing(format!("target read failed: {e}")),
                }
            }
        };
        let idle = async {
            let limit = Duration::from_secs(limits.idle_secs);
            loop {
                let quiet_since = started + Duration::from_millis(last.load(Ordering::Relaxed));
                if quiet_since.elapsed() >= limit {
                    return Stop::closing(format!("idle for {} s", limits.idle_secs));
                }
                tokio::time::sleep_until((quiet_since + limit).into()).await;
            }
        };
        tokio::select! {
            stop = upstream => stop,
            stop = downstream => stop,
            stop = idle => stop,
        }
    };
    if stop.close_page {
        let _ = to_page.send(Message::Close(None)).await;
    }
    stop.why
}
