//! The mqocsp relay: serves the built page and, in later layers, moves the bytes a browser cannot
//! move itself (a TCP tunnel for a live TLS handshake, OCSP HTTP requests).
//!
//! [`app`] builds the whole HTTP surface from a [`Config`], so tests drive it without a socket.
//!
//! Locked down: it listens on 127.0.0.1 by default; every request must name the relay as Host and,
//! when it has an Origin, come from the relay's own page; `/api` calls carry the per-start token;
//! tunnel and OCSP targets must match the allowlist after DNS resolution.

pub mod allow;
pub mod embedded;
pub mod guard;
pub mod limits;
pub mod log;
pub mod ocsp;
pub mod tunnel;

use allow::Allowlist;
use axum::Router;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::routing::get;
use serde::Serialize;
use std::path::PathBuf;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// What the relay serves and allows.
#[derive(Clone, Debug)]
pub struct Config {
    /// Folder of the built page (Trunk's `dist/`); `None` serves the page built into the binary.
    pub ui_dir: Option<PathBuf>,
    /// The per-start token `/api` calls must carry.
    pub token: String,
    /// Acceptable Host header values (the listen address, and `localhost:PORT` for loopback).
    pub hosts: Vec<String>,
    /// Targets tunnels and OCSP calls may reach.
    pub allow: Allowlist,
    /// Limits.
    pub limits: limits::Limits,
}

impl Config {
    /// A config for `listen`, with a fresh random token and no allowed target.
    pub fn new(ui_dir: Option<PathBuf>, listen: std::net::SocketAddr) -> Self {
        let mut hosts = vec![listen.to_string()];
        if listen.ip().is_loopback() {
            hosts.push(format!("localhost:{}", listen.port()));
        }
        Self {
            ui_dir,
            token: new_token(),
            hosts,
            allow: Allowlist::default(),
            limits: limits::Limits::default(),
        }
    }
}

/// 128 random bits, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    // The OS random source failing leaves an all-zero token: refuse to run rather than be guessable.
    if getrandom::getrandom(&mut bytes).is_err() {
        panic!("no random source for the relay token");
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The body of `GET /api/health`.
#[derive(Debug, Serialize)]
struct Health {
    status: &'static str,
    service: &'static str,
    version: &'static str,
}

async fn health() -> axum::Json<Health> {
    axum::Json(Health {
        status: "ok",
        service: "mqocsp-relay",
        version: env!("CARGO_PKG_VERSION"),
    })
}

/// Headers on every response: the page must not be framed, sniffed or leak where it came from.
fn hardening<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    let headers: [(HeaderName, &'static str); 4] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    headers.into_iter().fold(router, |router, (name, value)| {
        router.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ))
    })
}

/// The page's Content-Security-Policy: only this origin, WebAssembly allowed, and the inline
/// scripts of `index.html` (Trunk's loader) by their SHA-256, so no other script can run.
pub fn content_security_policy(index_html: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut hashes = String::new();
    let mut rest = index_html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_end) = rest[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let tag = &rest[start..tag_end];
        let Some(close) = rest[tag_end..].find("</script>").map(|i| tag_end + i) else {
            break;
        };
        if !tag.contains("src=") {
            let digest = sha2::Sha256::digest(&rest.as_bytes()[tag_end..close]);
            hashes.push_str(&format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[close + "</script>".len()..];
    }
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'none'; frame-ancestors 'none'"
    )
}

/// The relay's routes: `/api/...` and the page as static files (unknown paths get `index.html`).
pub fn app(config: &Config) -> Router {
    let index_html = match &config.ui_dir {
        Some(dir) => std::fs::read_to_string(dir.join("index.html")).unwrap_or_default(),
        None => embedded::index_html(),
    };
    let csp = content_security_policy(&index_html);
    let csp = HeaderValue::from_str(&csp)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
    let allow = std::sync::Arc::new(config.allow.clone());
    let tunnels = Router::new()
        .route("/tunnel", get(tunnel::tunnel))
        .with_state(tunnel::TunnelState {
            allow: allow.clone(),
            limits: config.limits,
            open: std::sync::Arc::default(),
        });
    let ocsp = Router::new()
        .route("/ocsp", axum::routing::post(ocsp::ocsp))
        .with_state(ocsp::OcspState {
            allow,
            limits: config.limits,
        });
    let api = Router::new()
        .route("/health", get(health))
        .merge(tunnels)
        .merge(ocsp)
        .fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "mqocsp-relay: no such API endpoint\n",
            )
        });
    let guard = guard::Guard {
        token: config.token.as_str().into(),
        hosts: std::sync::Arc::new(config.hosts.clone()),
    };
    let router = Router::new().nest("/api", api);
    let router = match &config.ui_dir {
        Some(dir) => router
            .fallback_service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))),
        None => router.fallback(embedded::serve),
    };
    hardening(router)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            csp,
        ))
        .layer(axum::middleware::from_fn_with_state(guard, guard::guard))
        .layer(axum::middleware::from_fn(log::requests))
}
