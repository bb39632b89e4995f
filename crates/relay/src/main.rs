//! `mqocsp-relay`: serve the mqocsp page on the loopback interface.

use anyhow::Context as _;
use clap::Parser;
use mqocsp_relay::allow::{Allowlist, Rule};
use mqocsp_relay::{Config, app};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Serves the mqocsp page and relays what a browser cannot do itself.
///
/// It listens on the loopback interface by default: the page it serves works offline for pasted
/// material and nothing pasted ever leaves the browser.
#[derive(Debug, Parser)]
#[command(name = "mqocsp-relay", version, about)]
struct Args {
    /// Address and port to listen on. Keep it on 127.0.0.1 unless you know who can reach it.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Serve the page from this folder (the output of `trunk build`) instead of the page built
    /// into the binary.
    #[arg(long)]
    ui: Option<PathBuf>,
    /// A target tunnels and OCSP calls may reach: HOST:PORT (the name must resolve to the address
    /// connected to) or CIDR:PORT (`10.0.0.0/8:1414`, `[::1]:1414`). Repeat for more. Nothing is
    /// allowed by default: the page then works offline only.
    #[arg(long, value_name = "HOST:PORT|CIDR:PORT")]
    allow: Vec<Rule>,
    /// Tunnels open at once.
    #[arg(long, default_value_t = 16)]
    max_tunnels: usize,
    /// Bytes one tunnel may carry.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_tunnel_bytes: u64,
    /// Seconds a silent tunnel stays open.
    #[arg(long, default_value_t = 60)]
    idle_secs: u64,
    /// Largest OCSP answer relayed, in bytes.
    #[arg(long, default_value_t = 1024 * 1024)]
    max_response_bytes: usize,
    /// Seconds an OCSP responder has to answer.
    #[arg(long, default_value_t = 10)]
    ocsp_timeout_secs: u64,
    /// Use this token instead of a random one (for scripts and tests; keep it secret).
    #[arg(long, hide = true)]
    token: Option<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    match &args.ui {
        Some(dir) => anyhow::ensure!(
            dir.join("index.html").is_file(),
            "{} not found: build the page first (scripts/run does it)",
            dir.join("index.html").display()
        ),
        None => anyhow::ensure!(
            mqocsp_relay::embedded::available(),
            "no page was built into this binary (it was compiled before `trunk build`): give --ui dist"
        ),
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let bound = listener.local_addr().context("reading the bound address")?;
    let mut config = Config::new(args.ui.clone(), bound);
    if let Some(token) = args.token {
        config.token = token;
    }
    config.allow = Allowlist(args.allow);
    config.limits = mqocsp_relay::limits::Limits {
        max_tunnels: args.max_tunnels,
        max_tunnel_bytes: args.max_tunnel_bytes,
        idle_secs: args.idle_secs,
        max_response_bytes: args.max_response_bytes,
        ocsp_timeout_secs: args.ocsp_timeout_secs,
    };
    for rule in &config.allow.0 {
        println!("mqocsp-relay: allows {rule}");
    }
    let what = args.ui.as_ref().map_or_else(
        || "the built-in page".to_owned(),
        |d| d.display().to_string(),
    );
    println!(
        "mqocsp-relay: serving {what} at http://{bound}/?token={}",
        config.token
    );
    axum::serve(listener, app(&config))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving")?;
    println!("mqocsp-relay: stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests finish before the process exits.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
