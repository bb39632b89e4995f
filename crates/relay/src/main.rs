//! `mqocsp-relay`: serve the mqocsp page on the loopback interface (or behind a TLS reverse proxy
//! for a team, see the README).

use anyhow::Context as _;
use clap::Parser;
use mqocsp_relay::allow::{Allowlist, Rule};
use mqocsp_relay::{Config, PublicUrl, app};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Serves the mqocsp page and relays what a browser cannot do itself.
///
/// It listens on the loopback interface by default: the page it serves works offline for pasted
/// material and nothing pasted ever leaves the browser.
#[derive(Debug, Parser)]
#[command(name = "mqocsp-relay", version, about)]
struct Args {
    /// Address and port to listen on. Keep it on 127.0.0.1 unless you know who can reach it (a
    /// team reaches it through a TLS reverse proxy: see --public-url).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Serve the page from this folder (the output of `trunk build`) instead of the page built
    /// into the binary. Symlinks and dotfiles in it are never served.
    #[arg(long)]
    ui: Option<PathBuf>,
    /// A target tunnels and OCSP calls may reach: HOST:PORT (the name must resolve to the address
    /// connected to) or CIDR:PORT (`10.0.0.0/8:1414`, `[::1]:1414`). Repeat for more. Nothing is
    /// allowed by default: the page then works offline only. Loopback, link-local (cloud
    /// metadata), multicast, unspecified and IPv4-mapped addresses are reached only when a rule
    /// names that exact address (`127.0.0.1:2560`), never through a wider network or a name.
    #[arg(long, value_name = "HOST:PORT|CIDR:PORT")]
    allow: Vec<Rule>,
    /// The address a team opens through a TLS reverse proxy in front of the relay
    /// (`https://mqocsp.example.com`): its host and origin are accepted too. Repeat for more.
    #[arg(long, value_name = "https://HOST[:PORT]")]
    public_url: Vec<PublicUrl>,
    /// Read the per-start token from this file (its first line) instead of making a random one.
    /// It must carry at least 128 bits: 32 hex digits (`openssl rand -hex 16`).
    #[arg(long, value_name = "FILE", conflicts_with = "token")]
    token_file: Option<PathBuf>,
    /// Tunnels open at once.
    #[arg(long, default_value_t = 16)]
    max_tunnels: usize,
    /// Bytes one tunnel may carry, both directions together.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_tunnel_bytes: u64,
    /// Seconds a silent tunnel stays open.
    #[arg(long, default_value_t = 60)]
    idle_secs: u64,
    /// Seconds any tunnel stays open at most.
    #[arg(long, default_value_t = 600)]
    max_tunnel_secs: u64,
    /// Largest OCSP answer or CRL relayed, in bytes.
    #[arg(long, default_value_t = 1024 * 1024)]
    max_response_bytes: usize,
    /// Seconds an OCSP responder or CRL distribution point has to answer.
    #[arg(long, default_value_t = 10)]
    ocsp_timeout_secs: u64,
    /// OCSP/CRL calls one client address may have in flight at once.
    #[arg(long, default_value_t = 8)]
    max_ocsp_per_client: usize,
    /// HTTP connections open at once (tunnels count under --max-tunnels instead).
    #[arg(long, default_value_t = 256)]
    max_connections: usize,
    /// Seconds a client has to send a request head.
    #[arg(long, default_value_t = 10)]
    header_timeout_secs: u64,
    /// Seconds a DNS lookup may take.
    #[arg(long, default_value_t = 5)]
    dns_timeout_secs: u64,
    /// Use this token instead of a random one (tests; it shows in the process list, so prefer
    /// --token-file). At least 128 bits, as for --token-file.
    #[arg(long, hide = true)]
    token: Option<String>,
}

fn token(args: &Args) -> anyhow::Result<Option<String>> {
    let token = match (&args.token_file, &args.token) {
        (Some(file), _) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read the token file {}", file.display()))?;
            Some(text.lines().next().unwrap_or_default().trim().to_owned())
        }
        (None, Some(token)) => {
            eprintln!(
                "mqocsp-relay: --token shows in the process list; prefer --token-file outside tests"
            );
            Some(token.clone())
        }
        (None, None) => None,
    };
    if let Some(token) = &token {
        mqocsp_relay::guard::check_token(token)
            .map_err(|why| anyhow::anyhow!("the token is refused: {why}"))?;
    }
    Ok(token)
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
    let token = token(&args)?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let bound = listener.local_addr().context("reading the bound address")?;
    let mut config = Config::new(args.ui.clone(), bound);
    if let Some(token) = token {
        config.token = token;
    }
    for public in &args.public_url {
        config.add_public_url(public);
    }
    config.allow = Allowlist(args.allow);
    config.limits = mqocsp_relay::limits::Limits {
        max_tunnels: args.max_tunnels,
        max_tunnel_bytes: args.max_tunnel_bytes,
        idle_secs: args.idle_secs,
        max_tunnel_secs: args.max_tunnel_secs,
        max_response_bytes: args.max_response_bytes,
        ocsp_timeout_secs: args.ocsp_timeout_secs,
        max_ocsp_per_client: args.max_ocsp_per_client,
        max_connections: args.max_connections,
        header_timeout_secs: args.header_timeout_secs,
        dns_timeout_secs: args.dns_timeout_secs,
    };
    // The page (and the CSP hashing it) is read before the address is printed: what is served is
    // what was there when the relay said it was ready.
    let router = app(&config);
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
    for public in &args.public_url {
        println!(
            "mqocsp-relay: and through the reverse proxy at {public}?token={}",
            config.token
        );
    }
    mqocsp_relay::serve::serve(
        listener,
        router,
        config.limits,
        shutdown_signal(),
        Duration::from_secs(10),
    )
    .await;
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
