//! Relay figures for `scripts/bench`: 100 MB through the WebSocket tunnel versus the same bytes
//! over direct loopback TCP, through a plain TCP forwarder (the cost of the second hop alone) and
//! through websockify (Debian's `websockify`, a WebSocket-to-TCP relay: the peer to beat), and the
//! relay process's memory with 500 idle tunnels open. The relay is the release binary in its own
//! process, the forwarder is this example again in its own, websockify runs as installed; the sink
//! and the clients live here, and the relay and websockify get the same pre-masked frames. Prints
//! figures; asserts nothing about speed.
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

/// The argument that makes this example a plain TCP forwarder.
const FORWARD: &str = "--forward";

/// A plain TCP forwarder to `target` (two loopback hops, no WebSocket): what any relay on this
/// machine pays for the second hop. Prints its address, then serves until killed.
async fn forward(target: SocketAddr) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    println!("forwarding at http://{}/", listener.local_addr().unwrap());
    while let Ok((mut inbound, _)) = listener.accept().await {
        tokio::spawn(async move {
            if let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await {
                let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
            }
        });
    }
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
fn start_relay(
    target: SocketAddr,
    token_file: &std::path::Path,
) -> (std::process::Child, SocketAddr) {
    let binary = std::env::var_os("MQOCSP_RELAY")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../target/release/mqocsp-relay")
        });
    let mut command = std::process::Command::new(&binary);
    command
        .args([
            "--listen",
            "127.0.0.1:0",
            "--ui",
            page_dir().to_str().unwrap(),
        ])
        .args(["--allow", &target.to_string(), "--token-file"])
        .arg(token_file)
        .args(["--max-tunnels", &(IDLE_TUNNELS + 10).to_string()])
        .args([
            "--max-tunnel-bytes",
            &(TOTAL * 2).to_string(),
            "--idle-secs",
            "600",
        ]);
    start(command, "build it: cargo build --release -p mqocsp-relay")
}

/// websockify relaying WebSocket connections on a free loopback port to `target`, once it
/// accepts connections; `None` when it is not installed (scripts/setup installs it).
fn start_websockify(target: SocketAddr) -> Option<(std::process::Child, SocketAddr)> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let child = std::process::Command::new("websockify")
        .args([addr.to_string(), target.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let deadline = Instant::now() + std::time::Duration::from_secs(10);
    while std::net::TcpStream::connect(addr).is_err() {
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Some((child, addr))
}

/// This example again, as a plain TCP forwarder in its own process (like the relay).
fn start_forwarder(target: SocketAddr) -> (std::process::Child, SocketAddr) {
    let mut command = std::process::Command::new(std::env::current_exe().unwrap());
    command.args([FORWARD, &target.to_string()]);
    start(command, "the example's own binary")
}

/// Starts `command` and reads the address it prints (`... at http://ADDR/`).
// The child is handed to the caller, which kills and waits for it at the end of the run.
#[allow(clippy::zombie_processes)]
fn start(mut command: std::process::Command, hint: &str) -> (std::process::Child, SocketAddr) {
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {command:?}: {e} ({hint})"));
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        if std::io::BufRead::read_line(&mut out, &mut line).unwrap_or(0) == 0 {
            let status = child.wait();
            panic!("{command:?} exited before printing its address: {status:?}");
        }
        if let Some(rest) = line.split("at http://").nth(1) {
            let addr = rest.split('/').next().unwrap().parse().unwrap();
            return (child, addr);
        }
    }
}

/// Sends `TOTAL` bytes to `addr` over plain TCP and waits for the sink's answer; seconds taken.
async fn send_over_tcp(addr: SocketAddr, chunk: &[u8]) -> f64 {
    let started = Instant::now();
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    for _ in 0..TOTAL / CHUNK {
        stream.write_all(chunk).await.unwrap();
    }
    let mut ack = [0u8; 1];
    stream.read_exact(&mut ack).await.unwrap();
    started.elapsed().as_secs_f64()
}

/// One binary WebSocket frame carrying `payload`, masked as a client must (RFC 6455 5.3), built
/// once and sent again and again.
fn premasked_frame(payload: &[u8]) -> Vec<u8> {
    let mask = [0x5a, 0xc3, 0x0f, 0x96];
    let mut frame = vec![0x82, 0x80 | 127];
    frame.extend_from_slice(&(payload.len() as u64).to_be_bytes());
    frame.extend_from_slice(&mask);
    frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
    frame
}

/// Waits for the sink's one-byte answer coming back through the tunnel.
async fn wait_for_answer<S>(ws: &mut tokio_tungstenite::WebSocketStream<S>)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    while let Some(Ok(message)) = ws.next().await {
        if matches!(message, Message::Binary(_)) {
            return;
        }
    }
    panic!("the tunnel closed before the sink answered");
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, target] = args.as_slice()
        && flag == FORWARD
    {
        return forward(target.parse().unwrap()).await;
    }
    let target = sink().await;
    let token = mqocsp_relay::new_token();
    let token_file = page_dir().join("../mqocsp-tunnel-bench.token");
    std::fs::write(&token_file, &token).unwrap();
    let (mut relay_process, relay) = start_relay(target, &token_file);
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
    // Loopback speed on a shared 2-core machine swings from run to run: alternate the paths and
    // report medians. Two clients go through the relay: one that sends frames masked once ahead
    // of time (what the relay itself costs; a browser masks on its own machine), and tungstenite's
    // client, which copies and masks every frame on the same two cores as the relay and the sink.
    let premasked = premasked_frame(&chunk);
    let (mut forwarder_process, forwarded) = start_forwarder(target);
    let mut websockify = start_websockify(target);
    let mut websockify_secs = Vec::new();
    let mut direct_secs = Vec::new();
    let mut forwarded_secs = Vec::new();
    let mut tunnel_secs = Vec::new();
    let mut masking_secs = Vec::new();
    let mut relay_busy = Vec::new();
    for _ in 0..ROUNDS {
        direct_secs.push(send_over_tcp(target, &chunk).await);
        forwarded_secs.push(send_over_tcp(forwarded, &chunk).await);

        let started = Instant::now();
        let cpu_before = cpu_secs(pid);
        let mut ws = open().await;
        // Raw frames on the socket under the finished handshake; tungstenite reads the answer.
        for _ in 0..TOTAL / CHUNK {
            ws.get_mut().write_all(&premasked).await.unwrap();
        }
        wait_for_answer(&mut ws).await;
        tunnel_secs.push(started.elapsed().as_secs_f64());
        relay_busy.push((cpu_secs(pid) - cpu_before) / started.elapsed().as_secs_f64());

        let started = Instant::now();
        let mut ws = open().await;
        for _ in 0..TOTAL / CHUNK {
            ws.send(Message::Binary(chunk.clone().into()))
                .await
                .unwrap();
        }
        wait_for_answer(&mut ws).await;
        masking_secs.push(started.elapsed().as_secs_f64());

        // websockify with the same pre-masked frames to the same sink.
        if let Some((_, peer)) = &websockify {
            let started = Instant::now();
            let mut ws = tokio_tungstenite::connect_async(format!("ws://{peer}/"))
                .await
                .unwrap()
                .0;
            for _ in 0..TOTAL / CHUNK {
                ws.get_mut().write_all(&premasked).await.unwrap();
            }
            wait_for_answer(&mut ws).await;
            websockify_secs.push(started.elapsed().as_secs_f64());
        }
    }
    let (direct, forwarded, tunnel, masking) = (
        median(direct_secs),
        median(forwarded_secs),
        median(tunnel_secs),
        median(masking_secs),
    );
    let mib = (TOTAL / (1024 * 1024)) as f64;
    println!(
        "tunnel throughput, 100 MiB, median of {ROUNDS}: {:.0} MiB/s through the relay vs {:.0} MiB/s direct loopback (ratio {:.2}; target >= 0.5)",
        mib / tunnel,
        mib / direct,
        direct / tunnel
    );
    println!(
        "  the relay process was busy {:.0} % of one core meanwhile; with tungstenite's client masking every frame on the same cores: {:.0} MiB/s (ratio {:.2})",
        100.0 * median(relay_busy),
        mib / masking,
        direct / masking
    );
    println!(
        "  a plain TCP forwarder in its own process in the relay's place (two loopback hops, no WebSocket): {:.0} MiB/s (ratio {:.2}); the relay reaches {:.2} of it",
        mib / forwarded,
        direct / forwarded,
        forwarded / tunnel
    );

    if websockify_secs.is_empty() {
        println!("  websockify is not installed (scripts/setup installs it): no comparison");
    } else {
        let peer = median(websockify_secs);
        println!(
            "  websockify relaying the same 100 MiB to the same sink, median of {ROUNDS}: {:.0} MiB/s; the relay carries {:.2} times as much per second (target >= 1.0)",
            mib / peer,
            peer / tunnel
        );
    }

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
    for child in [&mut relay_process, &mut forwarder_process]
        .into_iter()
        .chain(websockify.as_mut().map(|(child, _)| child))
    {
        let _ = child.kill();
        let _ = child.wait();
    }
}
