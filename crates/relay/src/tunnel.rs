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
use serde::Deserialize;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

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
    upgrade.on_upgrade(move |socket| async move {
        let reason = pump(socket, stream, state.limits).await;
        drop(place);
        crate::log::emit(
            "tunnel.close",
            &[("target", addr.to_string()), ("reason", reason)],
        );
    })
}

/// Copies bytes both ways until one side closes, the byte budget is spent or nothing moves for
/// `idle_secs`. Returns why it stopped (for the log; no payload is ever logged).
async fn pump(mut socket: WebSocket, mut stream: tokio::net::TcpStream, limits: Limits) -> String {
    let idle = Duration::from_secs(limits.idle_secs);
    let mut moved: u64 = 0;
    let mut buffer = vec![0u8; 16 * 1024];
    loop {
        let event = tokio::time::timeout(idle, async {
            tokio::select! {
                message = socket.recv() => Some(Ok(message)),
                read = stream.read(&mut buffer) => Some(Err(read)),
            }
        })
        .await;
        match event {
            Err(_) => {
                let _ = socket.send(Message::Close(None)).await;
                return format!("idle for {} s", limits.idle_secs);
            }
            Ok(None) => return "ended".into(),
            Ok(Some(Ok(None))) => return "the page closed it".into(),
            Ok(Some(Ok(Some(Err(e))))) => return format!("websocket error: {e}"),
            Ok(Some(Ok(Some(Ok(message))))) => match message {
                Message::Binary(bytes) => {
                    moved += bytes.len() as u64;
                    if moved > limits.max_tunnel_bytes {
                        let _ = socket.send(Message::Close(None)).await;
                        return format!("more than {} bytes", limits.max_tunnel_bytes);
                    }
                    if let Err(e) = stream.write_all(&bytes).await {
                        return format!("target write failed: {e}");
                    }
                }
                Message::Close(_) => return "the page closed it".into(),
                _ => {}
            },
            Ok(Some(Err(Ok(0)))) => {
                let _ = socket.send(Message::Close(None)).await;
                return "the target closed it".into();
            }
            Ok(Some(Err(Ok(n)))) => {
                moved += n as u64;
                if moved > limits.max_tunnel_bytes {
                    let _ = socket.send(Message::Close(None)).await;
                    return format!("more than {} bytes", limits.max_tunnel_bytes);
                }
                if socket
                    .send(Message::Binary(buffer[..n].to_vec().into()))
                    .await
                    .is_err()
                {
                    return "the page went away".into();
                }
            }
            Ok(Some(Err(Err(e)))) => return format!("target read failed: {e}"),
        }
    }
}
