//! `mqocsp-relay`: serve the mqocsp page on the loopback interface.

use anyhow::Context as _;
use clap::Parser;
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
    /// Folder holding the built page (the output of `trunk build`, usually `dist/`).
    #[arg(long, default_value = "dist")]
    ui: PathBuf,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let index = args.ui.join("index.html");
    anyhow::ensure!(
        index.is_file(),
        "{} not found: build the page first (scripts/run does it)",
        index.display()
    );
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let bound = listener.local_addr().context("reading the bound address")?;
    println!(
        "mqocsp-relay: serving {} at http://{bound}/",
        args.ui.display()
    );
    axum::serve(listener, app(&Config { ui_dir: args.ui }))
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
