//! Serving the page built into the binary (see build.rs).

use axum::body::Body;
use axum::http::{Response, StatusCode, Uri, header};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// Whether a page was built in.
pub fn available() -> bool {
    EMBEDDED.iter().any(|(path, _)| *path == "index.html")
}

/// The Content-Type for a file name.
pub(crate) fn mime(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// The file at `uri`, or `index.html` for any other path (the page routes itself).
pub async fn serve(uri: Uri) -> Response<Body> {
    let wanted = uri.path().trim_start_matches('/');
    let (path, bytes) = EMBEDDED
        .iter()
        .find(|(path, _)| *path == wanted)
        .or_else(|| EMBEDDED.iter().find(|(path, _)| *path == "index.html"))
        .copied()
        .unwrap_or((
            "",
            b"mqocsp-relay: no page was built into this binary; start it with --ui DIR\n",
        ));
    let status = if path.is_empty() {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::OK
    };
    Response::builder()
        .status(status)
        .header(
            header::CONTENT_TYPE,
            if path.is_empty() {
                "text/plain"
            } else {
                mime(path)
            },
        )
        .body(Body::from(bytes))
        .unwrap_or_default()
}

/// The built-in index.html, for the CSP hash.
pub fn index_html() -> String {
    EMBEDDED
        .iter()
        .find(|(path, _)| *path == "index.html")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default()
}
