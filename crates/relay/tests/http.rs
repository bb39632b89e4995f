//! The relay's HTTP surface, driven through `app()` without a socket.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt as _;
use mqocsp_relay::{Config, app};
use mqocsp_testkit::scratch::ScratchDir;
use tower::ServiceExt as _;

struct Ui(ScratchDir);

impl Ui {
    fn config(&self) -> Config {
        Config {
            ui_dir: self.0.path().to_owned(),
        }
    }
}

fn ui_dir() -> Ui {
    let dir = ScratchDir::new("relay-ui");
    dir.write(
        "index.html",
        "<!doctype html><title>mqocsp test page</title><script type=\"module\">init();</script>",
    );
    Ui(dir)
}

async fn get(config: &Config, path: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = app(config)
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn health_reports_ok_as_json() {
    let dir = ui_dir();
    let (status, headers, body) = get(&dir.config(), "/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/json");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["service"], "mqocsp-relay");
}

#[tokio::test]
async fn page_is_served_with_hardening_headers() {
    let dir = ui_dir();
    let (status, headers, body) = get(&dir.config(), "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("mqocsp test page"), "{body}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["referrer-policy"], "no-referrer");
}

#[tokio::test]
async fn unknown_page_path_falls_back_to_index() {
    let dir = ui_dir();
    let (status, _, body) = get(&dir.config(), "/some/deep/link").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("mqocsp test page"));
}

#[tokio::test]
async fn unknown_api_path_is_not_the_page() {
    let dir = ui_dir();
    let (status, _, body) = get(&dir.config(), "/api/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
}

#[tokio::test]
async fn page_carries_a_strict_csp_with_the_loader_hash() {
    let dir = ui_dir();
    let (_, headers, _) = get(&dir.config(), "/").await;
    let csp = headers["content-security-policy"].to_str().unwrap();
    // sha256("init();"), base64.
    assert!(
        csp.contains("'sha256-GEnM5q1nYY/iACnyMTdov+tNp9OFcBnnDgNXUXaVNXc='"),
        "{csp}"
    );
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
}
