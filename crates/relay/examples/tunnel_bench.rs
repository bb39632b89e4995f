//! Relay figures for `scripts/bench`: 100 MB through the WebSocket tunnel versus the same bytes
//! over direct loopback TCP, and the relay process's memory with 500 idle tunnels open. Prints
//! figures; asserts nothing about speed.
//!
//! `cargo run --release -p mqocsp-relay --example tunnel_bench`

use futures_util::{SinkExt as _, StreamExt as _};
use mqocsp_relay::allow::{Allowlist, Rule};
use mqocsp_relay::{Config, app};
use std::net::SocketAddr;
use std::time::Instant;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;

const TOTAL: usize = 100 * 1024 * 1024;
const CHUNK: usize = 64 * 1024;
const IDLE_TUNNELS: usize = 500;

/// Reads until `TOTAL` bytes arrived on each connection, then answers one byte.
async fn sink() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut seen = 0;
                let mut buffer = vec![0u8; CHUNK];
                while seen < TOTAL {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => seen += n,
                    }
                }
                let _ = stream.write_all(b"!").await;
            });
        }
    });
    addr
}

fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let target = sink().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let relay = listener.local_addr().unwrap();
    let mut config = Config::new(None, relay);
    config.allow = Allowlist(vec![target.to_string().parse::<Rule>().unwrap()]);
    config.limits.max_tunnel_bytes = (TOTAL as u64) * 2;
    config.limits.max_tunnels = IDLE_TUNNELS + 10;
    config.limits.idle_secs = 600;
    let token = config.token.clone();
    let router = app(&config);
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let chunk = vec![0x17u8; CHUNK];

    let started = Instant::now();
    let mut direct = tokio::net::TcpStream::connect(target).await.unwrap();
    for _ in 0..TOTAL / CHUNK {
        direct.write_all(&chunk).await.unwrap();
    }
    let mut ack = [0u8; 1];
    direct.read_exact(&mut ack).await.unwrap();
    let direct_secs = started.elapsed().as_secs_f64();

    let open = || async {
        let mut request = format!("ws://{relay}/api/tunnel?target={target}&token={token}")
            .into_client_request()
            .unwrap();
        request
            .headers_mut()
            .insert("origin", format!("http://{relay}").parse().unwrap());
        tokio_tungstenite::connect_async(request).await.unwrap().0
    };
    let started = Instant::now();
    let mut ws = open().await;
    for _ in 0..TOTAL / CHUNK {
        ws.send(Message::Binary(chunk.clone().into()))
            .await
            .unwrap();
    }
    while let Some(Ok(message)) = ws.next().await {
        if matches!(message, Message::Binary(_)) {
            break;
        }
    }
    let tunnel_secs = started.elapsed().as_secs_f64();
    let mib = (TOTAL / (1024 * 1024)) as f64;
    println!(
        "tunnel throughput: {:.0} MiB/s through the relay vs {:.0} MiB/s direct loopback (ratio {:.2}; target >= 0.5)",
        mib / tunnel_secs,
        mib / direct_secs,
        direct_secs / tunnel_secs
    );

    let before = resident_kib();
    let mut idle = Vec::with_capacity(IDLE_TUNNELS);
    for _ in 0..IDLE_TUNNELS {
        idle.push(open().await);
    }
    let after = resident_kib();
    println!(
        "{IDLE_TUNNELS} idle tunnels: process memory {} MiB (relay and clients in one process; {} MiB before them; target < 200 MiB for the relay)",
        after / 1024,
        before / 1024
    );
    drop(idle);
}
