//! Who may use the relay: requests must name the relay itself as Host (DNS rebinding fails), may
//! only come from the relay's own page (Origin), and `/api` calls must carry the per-start token
//! the printed URL holds. Refusals are 403 before anything else is read.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

/// The token header the page sends; WebSocket upgrades carry `token=` in the query instead.
pub const TOKEN_HEADER: &str = "x-mqocsp-token";

/// What a request must match.
#[derive(Clone, Debug)]
pub struct Guard {
    /// The per-start token.
    pub token: Arc<str>,
    /// Acceptable Host values (`127.0.0.1:8080`, `localhost:8080`).
    pub hosts: Arc<Vec<String>>,
}

impl Guard {
    /// Origins the page itself has.
    fn origin_allowed(&self, origin: &str) -> bool {
        self.hosts
            .iter()
            .any(|host| origin == format!("http://{host}"))
    }
}

fn refuse(why: String) -> Response {
    crate::log::refusal(StatusCode::FORBIDDEN, why)
}

fn query_token(query: Option<&str>) -> Option<String> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .map(str::to_owned)
}

/// Compares in constant time (the token is a secret).
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn header_text<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The middleware.
pub async fn guard(State(guard): State<Guard>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = header_text(headers, header::HOST.as_str()).unwrap_or_default();
    if !guard.hosts.iter().any(|h| h == host) {
        return refuse(format!(
            "Host '{host}' is not this relay (DNS rebinding is refused)"
        ));
    }
    if let Some(origin) = header_text(headers, header::ORIGIN.as_str())
        && !guard.origin_allowed(origin)
    {
        return refuse(format!(
            "requests from {origin} are refused: only the relay's own page may use it"
        ));
    }
    let path = request.uri().path();
    if path.starts_with("/api/") && path != "/api/health" {
        let token = header_text(headers, TOKEN_HEADER)
            .map(str::to_owned)
            .or_else(|| query_token(request.uri().query()));
        if !token.is_some_and(|t| same(&t, &guard.token)) {
            return refuse(
                "missing or wrong token: open the page with the URL the relay printed".to_owned(),
            );
        }
    }
    next.run(request).await
}
