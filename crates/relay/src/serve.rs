//! The accept loop: hyper's HTTP/1.1 server with the limits axum's `serve` does not offer. A
//! client has `--header-timeout-secs` to send each request head (a slow-headers client is cut
//! off before any check runs), heads are at most [`MAX_REQUEST_HEAD`] bytes, at most
//! `--max-connections` connections are open at once (the next ones are answered 503 and closed),
//! and each request knows its client's address (for the per-client limits).

use crate::limits::{Limits, MAX_REQUEST_HEAD};
use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt as _;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tower::ServiceExt as _;

/// What a client over the connection cap is told before the connection closes.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 48\r\nConnection: close\r\n\r\nmqocsp-relay: too many connections, retry later\n";

/// Serves `router` on `listener` until `shutdown` resolves, then lets open requests finish (for
/// at most `grace`).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
    grace: Duration,
) {
    let max = limits.max_connections.min(Semaphore::MAX_PERMITS);
    let places = Arc::new(Semaphore::new(max));
    let (stop, stopping) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let (mut stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a moment rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(place) = places.clone().try_acquire_owned() else {
            crate::log::emit(
                "connection.refused",
                &[
                    ("peer", peer.to_string()),
                    (
                        "why",
                        format!(
                            "{} connections are open (--max-connections)",
                            limits.max_connections
                        ),
                    ),
                ],
            );
            tokio::spawn(async move {
                let _ = tokio::time::timeout(Duration::from_secs(1), stream.write_all(BUSY)).await;
            });
            continue;
        };
        let service = router.clone().map_request(
            move |mut request: hyper::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            },
        );
        let mut stopping = stopping.clone();
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(Duration::from_secs(limits.header_timeout_secs))
                .max_buf_size(MAX_REQUEST_HEAD);
            let connection = builder
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
                .with_upgrades();
            tokio::pin!(connection);
            let result = tokio::select! {
                result = connection.as_mut() => result,
                _ = stopping.changed() => {
                    connection.as_mut().graceful_shutdown();
                    connection.await
                }
            };
            if let Err(error) = result {
                let why = if error.is_timeout() {
                    format!(
                        "no whole request head within {} s (--header-timeout-secs)",
                        limits.header_timeout_secs
                    )
                } else {
                    error.to_string()
                };
                crate::log::emit(
                    "connection.closed",
                    &[("peer", peer.to_string()), ("why", why)],
                );
            }
            drop(place);
        });
    }
    let _ = stop.send(true);
    let all = u32::try_from(max).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(grace, places.acquire_many(all)).await;
}
