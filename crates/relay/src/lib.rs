//! The mqocsp relay: serves the built page and, in later layers, moves the bytes a browser cannot
//! move itself (a TCP tunnel for a live TLS handshake, OCSP HTTP requests).
//!
//! [`app`] builds the whole HTTP surface from a [`Config`], so tests drive it without a socket.
//!
//! Locked down: it listens on 127.0.0.1 by default; every request must name the relay as Host and,
//! when it has an Origin, come from the relay's own page; `/api` calls carry the per-start token;
//! tunnel and OCSP targets must match the allowlist after DNS resolution. [`serve::serve`] adds
//! the connection-level limits (header timeout, connection cap).
//!
//! The relay depends on `mqocsp-wire` (URLs, HTTP framing, the page's JSON contract), never on
//! `mqocsp-core`.

pub mod allow;
pub mod embedded;
pub mod guard;
pub mod limits;
pub mod log;
pub mod ocsp;
pub mod serve;
pub mod tunnel;
pub mod ui;

use allow::Allowlist;
use axum::Router;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::routing::get;
use serde::Serialize;
use std::path::PathBuf;
use tower_http::set_header::SetResponseHeaderLayer;

/// What the relay serves and allows.
#[derive(Clone, Debug)]
pub struct Config {
    /// Folder of the built page (Trunk's `dist/`); `None` serves the page built into the binary.
    pub ui_dir: Option<PathBuf>,
    /// The per-start token `/api` calls must carry (see [`guard::check_token`]).
    pub token: String,
    /// Acceptable Host header values (the listen address, `localhost:PORT` for loopback, and the
    /// host of every `--public-url`).
    pub hosts: Vec<String>,
    /// Acceptable Origin values (`http://` and each Host above, and every `--public-url`).
    pub origins: Vec<String>,
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
            origins: hosts.iter().map(|h| format!("http://{h}")).collect(),
            hosts,
            allow: Allowlist::default(),
            limits: limits::Limits::default(),
        }
    }

    /// Also accepts requests for `public` (a TLS reverse proxy's address in front of the relay):
    /// its host as Host, and its origin as Origin.
    pub fn add_public_url(&mut self, public: &PublicUrl) {
        self.hosts.push(public.host.clone());
        self.origins.push(public.origin());
    }
}

/// `--public-url https://HOST[:PORT]`: where a team reaches the relay through a TLS reverse proxy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl {
    /// `HOST` or `HOST:PORT` as a browser sends it in Host (no port when it is 443).
    pub host: String,
}

impl PublicUrl {
    /// `https://HOST[:PORT]`, what browsers send as Origin.
    pub fn origin(&self) -> String {
        format!("https://{}", self.host)
    }
}

impl std::fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/", self.origin())
    }
}

impl std::str::FromStr for PublicUrl {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let wrong = || format!("'{text}' is not https://HOST[:PORT] (an origin: no path, no user)");
        let rest = text.strip_prefix("https://").ok_or_else(wrong)?;
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let has_port = rest.rsplit_once(':').is_some_and(|(h, p)| {
            !p.is_empty()
                && p.bytes().all(|b| b.is_ascii_digit())
                && (!h.contains(':') || h.ends_with(']'))
        });
        let target = if has_port {
            mqocsp_wire::Target::parse(rest)
        } else {
            mqocsp_wire::Target::parse(&format!("{rest}:443"))
        }
        .map_err(|e| format!("{}: {e}", wrong()))?;
        let host = if target.port == 443 {
            target.host.to_string()
        } else {
            target.to_string()
        };
        Ok(Self { host })
    }
}

/// 128 random bits, hex (32 digits).
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

/// Whether a `<script ...>` start tag has a `src` attribute (an attribute name, not text inside
/// another attribute's value).
fn has_src(tag: &str) -> bool {
    let mut in_quote = None;
    let mut previous = ' ';
    for (i, c) in tag.char_indices() {
        match in_quote {
            Some(q) if c == q => in_quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => in_quote = Some(c),
            None if previous.is_whitespace()
                && tag
                    .get(i..i + 3)
                    .is_some_and(|name| name.eq_ignore_ascii_case("src")) =>
            {
                let after = tag.get(i + 3..).unwrap_or_default().trim_start();
                if after.starts_with('=') || after.starts_with('>') || after.starts_with('/') {
                    return true;
                }
            }
            None => {}
        }
        previous = c;
    }
    false
}

/// The page's Content-Security-Policy: only this origin, WebAssembly allowed, and the inline
/// scripts of `index.html` (Trunk's loader) by their SHA-256, so no other script can run. The
/// page's decode worker (`worker.js`, which loads the same wasm) may come from this origin only;
/// the worker runs under this same policy, served with its script.
/// `index_html` must be the very bytes served: [`app`] hashes the copy it serves.
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
        if !has_src(tag) {
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
         img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
}

/// The relay's routes: `/api/...` and the page as static files (unknown paths get `index.html`).
///
/// With `--ui DIR`, `DIR/index.html` is read here once and served from memory (see [`ui`]).
pub fn app(config: &Config) -> Router {
    let ui = config.ui_dir.as_deref().map(|dir| {
        std::sync::Arc::new(ui::UiDir::open(dir).unwrap_or_else(|_| ui::UiDir::empty(dir)))
    });
    let index_html = match &ui {
        Some(ui) => ui.index_html(),
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
            in_flight: std::sync::Arc::default(),
        })
        .layer(axum::extract::DefaultBodyLimit::max(
            limits::MAX_REQUEST_BODY,
        ));
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
        origins: std::sync::Arc::new(config.origins.clone()),
    };
    let router = Router::new().nest("/api", api);
    let router = match ui {
        Some(ui) => router.fallback(move |method, uri| ui.clone().serve(method, uri)),
        None => router.fallback(embedded::serve),
    };
    // Outermost last: the log sees every answer, and the guard's refusals carry the CSP and the
    // hardening headers like everything else.
    let router = router.layer(axum::middleware::from_fn_with_state(guard, guard::guard));
    hardening(router)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            csp,
        ))
        .layer(axum::middleware::from_fn(log::requests))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_give_the_host_and_origin_browsers_send() {
        let cases = [
            ("https://mqocsp.example.com", "mqocsp.example.com"),
            ("https://MQOCSP.example.com/", "mqocsp.example.com"),
            ("https://mqocsp.example.com:443", "mqocsp.example.com"),
            ("https://mqocsp.example.com:8443", "mqocsp.example.com:8443"),
            ("https://[2001:db8::7]:8443", "[2001:db8::7]:8443"),
            ("https://[2001:db8::7]", "[2001:db8::7]"),
        ];
        for (text, host) in cases {
            let public: PublicUrl = text.parse().unwrap();
            assert_eq!(public.host, host, "{text}");
            assert_eq!(public.origin(), format!("https://{host}"));
        }
        for bad in [
            "http://mqocsp.example.com",
            "https://mqocsp.example.com/path",
            "https://user@mqocsp.example.com",
            "https://mqocsp.example.com:0",
            "mqocsp.example.com",
            "https://",
        ] {
            assert!(bad.parse::<PublicUrl>().is_err(), "{bad}");
        }
    }

    #[test]
    fn only_inline_scripts_are_hashed() {
        let csp = content_security_policy(
            "<script src=\"/a.js\"></script><script type=module data-x=\"src=\">init();</script><script SRC='/b.js'></script>",
        );
        // sha256("init();"), base64.
        assert!(
            csp.contains("'sha256-GEnM5q1nYY/iACnyMTdov+tNp9OFcBnnDgNXUXaVNXc='"),
            "{csp}"
        );
        assert_eq!(csp.matches("'sha256-").count(), 1, "{csp}");
    }
}
