//! The mqocsp relay: serves the built page and, in later layers, moves the bytes a browser cannot
//! move itself (a TCP tunnel for a live TLS handshake, OCSP HTTP requests).
//!
//! [`app`] builds the whole HTTP surface from a [`Config`], so tests drive it without a socket.

use axum::Router;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::routing::get;
use serde::Serialize;
use std::path::PathBuf;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// What the relay serves.
#[derive(Clone, Debug)]
pub struct Config {
    /// Folder of the built page (Trunk's `dist/`).
    pub ui_dir: PathBuf,
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

/// The relay's routes: `/api/...` and the page as static files (unknown paths get `index.html`).
pub fn app(config: &Config) -> Router {
    let index = config.ui_dir.join("index.html");
    let page = ServeDir::new(&config.ui_dir).fallback(ServeFile::new(index));
    let api = Router::new()
        .route("/health", get(health))
        .fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "mqocsp-relay: no such API endpoint\n",
            )
        });
    hardening(Router::new().nest("/api", api).fallback_service(page))
}
