//! `GET /api/tunnel?target=HOST:PORT` (WebSocket): a byte tunnel to an allowed TCP target, so the
//! page's TLS client can reach a queue manager listener. The relay moves bytes only; it never
//! sees plaintext. The same address without a WebSocket upgrade runs the same checks and answers
//! in plain text, so the page can say why a tunnel was refused.
//!
//! A tunnel ends when either side closes, when its byte budget is spent (every message the page
//! sends counts: binary, text, ping, pong and close payloads), when nothing moved for
//! `--idle-secs`, or after `--max-tunnel-secs` however busy. No WebSocket message or frame may be
//! larger than the budget (capped at 1 MiB), so the relay never buffers more than a tunnel may
//! carry.

use crate::allow::Allowlist;
use crate::limits::Limits;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use bytes::BytesMut;
use futures_util::{SinkExt as _, StreamExt as _};
use mqocsp_wire::Target;
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
    let target = match Target::parse(&query.target) {
        Ok(target) => target,
        Err(e) => {
            return crate::log::refusal(
                StatusCode::BAD_REQUEST,
                format!("the tunnel target is not HOST:PORT: {e}"),
            );
        }
    };
    let dns = Duration::from_secs(state.limits.dns_timeout_secs);
    let addr = match state.allow.check(&target, dns).await {
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
    let largest = state.limits.websocket_message();
    upgrade
        .read_buffer_size(READ_BUFFER)
        .max_message_size(largest)
        .max_frame_size(largest)
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

/// Why a tunnel stopped (for the log; no payload is ever logged).
enum Stop {
    /// The page's side is gone or closed: nothing more is sent to it.
    Quiet(String),
    /// The relay ends the tunnel: the page is told with a Close frame.
    Closing(String),
}

/// How long the relay tries to deliver its Close frame to a page that may have stopped reading.
const CLOSE_GRACE: Duration = Duration::from_secs(5);

/// Copies bytes both ways until one side closes, the byte budget is spent or nothing moves for
/// `idle_secs`. The two directions run side by side, so a slow target never holds up what it
/// sends back. An idle tunnel holds no read buffer: the target is read only once it is readable,
/// into a buffer that leaves with the bytes.
async fn pump(socket: WebSocket, stream: tokio::net::TcpStream, limits: Limits) -> String {
    let (mut to_page, mut from_page) = socket.split();
    let (from_target, mut to_target) = stream.into_split();
    let started = Instant::now();
    // Milliseconds since `started` of the last activity (a message, a read, a finished write),
    // and the bytes moved both ways.
    let last = AtomicU64::new(0);
    let moved = AtomicU64::new(0);
    let touch = || last.store(started.elapsed().as_millis() as u64, Ordering::Relaxed);
    let count = |n: usize| -> Result<(), Stop> {
        touch();
        if moved.fetch_add(n as u64, Ordering::Relaxed) + n as u64 > limits.max_tunnel_bytes {
            return Err(Stop::Closing(format!(
                "more than {} bytes",
                limits.max_tunnel_bytes
            )));
        }
        Ok(())
    };
    let stop = {
        let upstream = async {
            loop {
                let message = from_page.next().await;
                touch();
                match message {
                    None | Some(Ok(Message::Close(_))) => {
                        return Stop::Quiet("the page closed it".into());
                    }
                    Some(Err(e)) => return Stop::Quiet(format!("websocket error: {e}")),
                    Some(Ok(Message::Binary(bytes))) => {
                        if let Err(stop) = count(bytes.len()) {
                            return stop;
                        }
                        if let Err(e) = to_target.write_all(&bytes).await {
                            return Stop::Closing(format!("target write failed: {e}"));
                        }
                        touch();
                    }
                    // Ping, Pong, Text: never sent on, but counted like payload (a ping is
                    // answered with a pong of the same size).
                    Some(Ok(Message::Ping(bytes) | Message::Pong(bytes))) => {
                        if let Err(stop) = count(bytes.len()) {
                            return stop;
                        }
                    }
                    Some(Ok(Message::Text(text))) => {
                        if let Err(stop) = count(text.len()) {
                            return stop;
                        }
                    }
                }
            }
        };
        let downstream = async {
            loop {
                if let Err(e) = from_target.readable().await {
                    return Stop::Closing(format!("target read failed: {e}"));
                }
                let mut buffer = BytesMut::with_capacity(CHUNK);
                match from_target.try_read_buf(&mut buffer) {
                    Ok(0) => return Stop::Closing("the target closed it".into()),
                    Ok(n) => {
                        if let Err(stop) = count(n) {
                            return stop;
                        }
                        if to_page
                            .send(Message::Binary(buffer.freeze()))
                            .await
                            .is_err()
                        {
                            return Stop::Quiet("the page went away".into());
                        }
                        touch();
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    Err(e) => return Stop::Closing(format!("target read failed: {e}")),
                }
            }
        };
        let idle = async {
            let limit = Duration::from_secs(limits.idle_secs);
            loop {
                let quiet_since = started + Duration::from_millis(last.load(Ordering::Relaxed));
                if quiet_since.elapsed() >= limit {
                    return Stop::Closing(format!("idle for {} s", limits.idle_secs));
                }
                match quiet_since.checked_add(limit) {
                    Some(deadline) => tokio::time::sleep_until(deadline.into()).await,
                    // An idle limit beyond the clock's range never fires.
                    None => std::future::pending().await,
                }
            }
        };
        let lifetime = async {
            tokio::time::sleep(Duration::from_secs(limits.max_tunnel_secs)).await;
            Stop::Closing(format!(
                "open for {} s (--max-tunnel-secs)",
                limits.max_tunnel_secs
            ))
        };
        tokio::select! {
            stop = upstream => stop,
            stop = downstream => stop,
            stop = idle => stop,
            stop = lifetime => stop,
        }
    };
    match stop {
        Stop::Quiet(why) => why,
        Stop::Closing(why) => {
            // A page that stopped reading must not hold the tunnel (and its place) forever.
            let _ = tokio::time::timeout(CLOSE_GRACE, to_page.send(Message::Close(None))).await;
            why
        }
    }
}
