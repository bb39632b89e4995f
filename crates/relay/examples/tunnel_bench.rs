//! Relay figures for `scripts/bench`: 100 MB through the WebSocket tunnel versus the same bytes
//! over direct loopback TCP, and the relay process's memory with 500 idle tunnels open. The relay is
//! the release binary in its own process; the sink and the clients live here. Prints figures;
//! asserts nothing about speed.
//!
//! `cargo build --release -p mqocsp-relay && cargo run --release -p mqocsp-relay --example tunnel_bench`

use futures_util::{SinkExt as _, StreamExt as _};
use std::net::SocketAddr;
use std::time::Instant;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;

const TOTAL: usize = 100 * 1024 * 1024;
const CHUNK: usize = 64 * 1024;
const IDLE_TUNNELS: usize = 500;
const ROUNDS: usize = 5;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

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

/// A `VmRSS`/`VmHWM`-style line of `/proc/<pid>/status`, in KiB.
fn status_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// CPU seconds (user + system) the process `pid` has used so far.
fn cpu_secs(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at `) `; utime and stime are
    // the 14th and 15th fields of the line, the 12th and 13th after it.
    let after = stat.rsplit(") ").next().unwrap_or_default();
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11..13).map_or(0.0, |t| {
        t.iter().filter_map(|v| v.parse::<f64>().ok()).sum()
    });
    ticks / 100.0
}

/// The relay's `--ui` wants an index.html; an empty page in a scratch folder will do.
fn page_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join("mqocsp-tunnel-bench");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
    dir
}

/// The release relay binary, started as its own process (so its memory is its own) allowing
/// only the sink; returns the child and its address.
// The child is handed to the caller, which kills and waits for it at the end of the run.
#[allow(clippy::zombie_processes)]
fn start_relay(target: SocketAddr, token: &str) -> (std::process::Child, SocketAddr) {
    let binary = std::env::var_os("MQOCSP_RELAY")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../target/release/mqocsp-relay")
        });
    let mut child = std::process::Command::new(&binary)
        .args([
            "--listen",
            "127.0.0.1:0",
            "--ui",
            page_dir().to_str().unwrap(),
        ])
        .args(["--allow", &target.to_string(), "--token", token])
        .args(["--max-tunnels", &(IDLE_TUNNELS + 10).to_string()])
        .args([
            "--max-tunnel-bytes",
            &(TOTAL * 2).to_string(),
            "--idle-secs",
            "600",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "starting {}: {e} (build it: cargo build --release -p mqocsp-relay)",
                binary.display()
            )
        });
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        if std::io::BufRead::read_line(&mut out, &mut line).unwrap_or(0) == 0 {
            let status = child.wait();
            panic!("the relay exited before printing its address: {status:?}");
        }
        if let Some(rest) = line.split("at http://").nth(1) {
            let addr = rest.split('/').next().unwrap().parse().unwrap();
            return (child, addr);
        }
    }
}

#[tokio::main]
async fn main() {
    let target = sink().await;
    let token = "bench".repeat(8);
    let (mut relay_process, relay) = start_relay(target, &token);
    let pid = relay_process.id();
    let chunk = vec![0x17u8; CHUNK];

    let open = || async {
        let mut request = format!("ws://{relay}/api/tunnel?target={target}&token={token}")
            .into_client_request()
            .unwrap();
        request
            .headers_mut()
            .insert("origin", format!("http://{relay}").parse().unwrap());
        tokio_tungstenite::connect_async(request).await.unwrap().0
    };
    // Loopback speed on a shared 2-core machine swings from run to run: alternate the two paths
    // and report medians.
    let mut direct_secs = Vec::new();
    let mut tunnel_secs = Vec::new();
    let mut relay_busy = Vec::new();
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let mut direct = tokio::net::TcpStream::connect(target).await.unwrap();
        for _ in 0..TOTAL / CHUNK {
            direct.write_all(&chunk).await.unwrap();
        }
        let mut ack = [0u8; 1];
        direct.read_exact(&mut ack).await.unwrap();
        direct_secs.push(started.elapsed().as_secs_f64());

        let started = Instant::now();
        let cpu_before = cpu_secs(pid);
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
        tunnel_secs.push(started.elapsed().as_secs_f64());
        relay_busy.push((cpu_secs(pid) - cpu_before) / started.elapsed().as_secs_f64());
    }
    let (direct, tunnel) = (median(direct_secs), median(tunnel_secs));
    let mib = (TOTAL / (1024 * 1024)) as f64;
    println!(
        "tunnel throughput, 100 MiB, median of {ROUNDS}: {:.0} MiB/s through the relay vs {:.0} MiB/s direct loopback (ratio {:.2}; target >= 0.5)",
        mib / tunnel,
        mib / direct,
        direct / tunnel
    );
    println!(
        "  the relay process was busy {:.0} % of one core while tunnelling (the rest of the time it waited for the client or the sink, which share the 2 cores)",
        100.0 * median(relay_busy)
    );

    let before = status_kib(pid, "VmRSS:");
    let mut idle = Vec::with_capacity(IDLE_TUNNELS);
    for _ in 0..IDLE_TUNNELS {
        idle.push(open().await);
    }
    // Give the relay a moment to finish every upgrade before reading its memory.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let after = status_kib(pid, "VmRSS:");
    println!(
        "{IDLE_TUNNELS} idle tunnels: relay process resident {:.1} MiB ({:.1} MiB before them, peak {:.1} MiB over the whole run; target < 200 MiB)",
        after as f64 / 1024.0,
        before as f64 / 1024.0,
        status_kib(pid, "VmHWM:") as f64 / 1024.0
    );
    drop(idle);
    let _ = relay_process.kill();
    let _ = relay_process.wait();
}
