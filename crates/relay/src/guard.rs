//! Who may use the relay: requests must name the relay itself as Host (DNS rebinding fails), may
//! only come from the relay's own page (Origin), and `/api` calls must carry the per-start token
//! the printed URL holds. Refusals are 403 before anything else is read, and echo nothing of what
//! the request sent (the log keeps it, escaped).

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

/// The token header the page sends; WebSocket upgrades carry `token=` in the query instead.
pub const TOKEN_HEADER: &str = "x-mqocsp-token";

/// The fewest bits a token must carry.
pub const MIN_TOKEN_BITS: usize = 128;

/// What a request must match.
#[derive(Clone, Debug)]
pub struct Guard {
    /// The per-start token.
    pub token: Arc<str>,
    /// Acceptable Host values (`127.0.0.1:8080`, `localhost:8080`, a `--public-url`'s host).
    pub hosts: Arc<Vec<String>>,
    /// Acceptable Origin values (`http://127.0.0.1:8080`, `https://mqocsp.example.com`).
    pub origins: Arc<Vec<String>>,
}

/// Whether `token` is acceptable: URL-safe characters only (it travels in a query), at least
/// [`MIN_TOKEN_BITS`] bits counted as 4 per character when it is hex and 6 otherwise (32 hex
/// digits, or 22 base64url characters), and not a repetition of a few characters.
pub fn check_token(token: &str) -> Result<(), String> {
    if !token
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err("a token may hold only letters, digits, '-' and '_'".into());
    }
    let per_char = if token.bytes().all(|b| b.is_ascii_hexdigit()) {
        4
    } else {
        6
    };
    let mut distinct: Vec<u8> = token.bytes().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if token.len() * per_char < MIN_TOKEN_BITS || distinct.len() < 8 {
        return Err(format!(
            "a token must carry at least {MIN_TOKEN_BITS} random bits: 32 hex digits or 22 base64url characters (`openssl rand -hex 16`)"
        ));
    }
    Ok(())
}

fn query_token(query: Option<&str>) -> Option<&str> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
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

/// The header as the log shows it: escaped by the log, cut to a readable length.
fn shown(headers: &HeaderMap, name: &str) -> String {
    headers.get(name).map_or_else(
        || "(none)".to_owned(),
        |v| {
            String::from_utf8_lossy(v.as_bytes())
                .chars()
                .take(100)
                .collect()
        },
    )
}

/// The middleware.
pub async fn guard(State(guard): State<Guard>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = header_text(headers, header::HOST.as_str()).unwrap_or_default();
    if !guard.hosts.iter().any(|h| h == host) {
        return crate::log::refusal_logged(
            StatusCode::FORBIDDEN,
            "this request's Host is not this relay (DNS rebinding is refused; behind a reverse proxy, start the relay with --public-url)",
            format!("Host {:?} is not this relay", shown(headers, "host")),
        );
    }
    if headers.contains_key(header::ORIGIN)
        && !header_text(headers, header::ORIGIN.as_str())
            .is_some_and(|origin| guard.origins.iter().any(|o| o == origin))
    {
        return crate::log::refusal_logged(
            StatusCode::FORBIDDEN,
            "requests from another origin are refused: only the relay's own page may use it",
            format!(
                "Origin {:?} is not the relay's page",
                shown(headers, "origin")
            ),
        );
    }
    let path = request.uri().path();
    if path.starts_with("/api/") && path != "/api/health" {
        let token =
            header_text(headers, TOKEN_HEADER).or_else(|| query_token(request.uri().query()));
        if !token.is_some_and(|t| same(t, &guard.token)) {
            let why = "missing or wrong token: open the page with the URL the relay printed";
            return crate::log::refusal_logged(StatusCode::FORBIDDEN, why, why.to_owned());
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_need_128_bits() {
        for good in [
            "00112233445566778899aabbccddeeff",
            "c0ffee0123456789abcdefABCDEF0123",
            "Zq3_x-9LmPq2RsTuVwXyZa",
        ] {
            assert_eq!(check_token(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "t0ken",
            "0123456789abcdef0123456789abcde",
            "Zq3_x-9LmPq2RsTuVwXyZ",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            &"bench".repeat(8),
            "00112233445566778899aabbccddeeff&x=1",
            "00112233445566778899aabbccddeeff\n",
        ] {
            assert!(check_token(bad).is_err(), "{bad:?}");
        }
    }
}
