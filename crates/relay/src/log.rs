//! Structured logs: one logfmt line per event on stderr (`mqocsp-relay event=request method=POST
//! path=/api/ocsp status=502 ms=3 why="cannot connect to …"`). Never a payload, never the token:
//! requests are logged by path only, and the query string (which carries the token) is left out.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::fmt::Write as _;
use std::time::Instant;

/// Why a request was refused or failed, attached to its response for the request log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Why(pub String);

/// A plain-text refusal (`mqocsp-relay: why`) that the request log also records.
pub fn refusal(status: StatusCode, why: String) -> Response {
    let mut response = (status, format!("mqocsp-relay: {why}\n")).into_response();
    response.extensions_mut().insert(Why(why));
    response
}

/// A refusal whose body says `shown` and whose log line says `logged` (which may quote what the
/// request sent: the log escapes it, the body never echoes it).
pub fn refusal_logged(status: StatusCode, shown: &str, logged: String) -> Response {
    let mut response = (status, format!("mqocsp-relay: {shown}\n")).into_response();
    response.extensions_mut().insert(Why(logged));
    response
}

/// The longest value a log line holds (characters); longer ones are cut and marked.
const MAX_VALUE: usize = 300;

/// One log line.
pub fn line(event: &str, fields: &[(&str, String)]) -> String {
    let mut out = format!("mqocsp-relay event={event}");
    for (key, value) in fields {
        let cut;
        let value = if value.chars().count() > MAX_VALUE {
            cut = format!("{}…", value.chars().take(MAX_VALUE).collect::<String>());
            &cut
        } else {
            value
        };
        let plain = !value.is_empty()
            && !value
                .contains(|c: char| c.is_whitespace() || c == '"' || c == '=' || c.is_control());
        if plain {
            let _ = write!(out, " {key}={value}");
        } else {
            let _ = write!(out, " {key}={value:?}");
        }
    }
    out
}

/// Writes one log line to stderr.
pub fn emit(event: &str, fields: &[(&str, String)]) {
    eprintln!("{}", line(event, fields));
}

/// The request log: method, path, status, time and, for refusals, why.
pub async fn requests(request: Request, next: Next) -> Response {
    let method = request.method().to_string();
    let path = request.uri().path().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let mut fields = vec![
        ("method", method),
        ("path", path),
        ("status", response.status().as_u16().to_string()),
        ("ms", started.elapsed().as_millis().to_string()),
    ];
    if let Some(Why(why)) = response.extensions().get::<Why>() {
        fields.push(("why", why.clone()));
    }
    emit("request", &fields);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_with_spaces_or_quotes_are_quoted_and_plain_ones_are_not() {
        assert_eq!(
            line(
                "request",
                &[
                    ("path", "/api/ocsp".into()),
                    ("why", "Host 'x' is \"bad\"".into()),
                    ("empty", String::new()),
                ]
            ),
            r#"mqocsp-relay event=request path=/api/ocsp why="Host 'x' is \"bad\"" empty="""#
        );
    }

    #[test]
    fn a_forged_line_stays_inside_its_value() {
        let forged = line(
            "request",
            &[("path", "/x\nmqocsp-relay event=forged".into())],
        );
        assert_eq!(forged.lines().count(), 1);
        assert!(
            forged.ends_with(r#"path="/x\nmqocsp-relay event=forged""#),
            "{forged}"
        );
        let long = line("request", &[("path", "a".repeat(5000))]);
        assert!(long.len() < 400 && long.ends_with('…'), "{long}");
    }

    #[test]
    fn a_refusal_says_why_in_its_body_and_to_the_log() {
        let response = refusal(StatusCode::FORBIDDEN, "not allowed".into());
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            response.extensions().get::<Why>(),
            Some(&Why("not allowed".into()))
        );
    }
}
