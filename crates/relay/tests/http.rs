//! The relay's HTTP surface, driven through `app()` without a socket: the page, health, the
//! strict CSP, and every refusal of the guard.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt as _;
use mqocsp_relay::{Config, app};
use mqocsp_testkit::scratch::ScratchDir;
use tower::ServiceExt as _;

#[derive(Debug)]
pub struct Ui(ScratchDir);

impl Ui {
    pub fn config(&self) -> Config {
        let mut config = Config::new(
            Some(self.0.path().to_owned()),
            "127.0.0.1:8080".parse().unwrap(),
        );
        config.token = "t0ken".into();
        config
    }
}

pub fn ui_dir() -> Ui {
    let dir = ScratchDir::new("relay-ui");
    dir.write(
        "index.html",
        "<!doctype html><title>mqocsp test page</title><script type=\"module\">init();</script>",
    );
    Ui(dir)
}

async fn send(
    config: &Config,
    request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = app(config).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

async fn get(config: &Config, path: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    send(
        config,
        Request::get(path)
            .header("host", "127.0.0.1:8080")
            .body(Body::empty())
            .unwrap(),
    )
    .await
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
    let (status, _, body) = get(&dir.config(), "/api/nope?token=t0ken").await;
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
    // The page's decode worker, from this origin only.
    assert!(csp.contains("worker-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
}

#[tokio::test]
async fn foreign_host_origin_and_missing_token_are_refused_first() {
    let dir = ui_dir();
    let config = dir.config();
    let cases = [
        (
            "rebound host",
            Request::get("/")
                .header("host", "evil.example:8080")
                .body(Body::empty())
                .unwrap(),
            "is not this relay",
        ),
        (
            "no host",
            Request::get("/").body(Body::empty()).unwrap(),
            "is not this relay",
        ),
        (
            "foreign origin",
            Request::post("/api/ocsp?token=t0ken")
                .header("host", "127.0.0.1:8080")
                .header("origin", "http://evil.example")
                .body(Body::from("{}"))
                .unwrap(),
            "only the relay's own page",
        ),
        (
            "missing token",
            Request::post("/api/ocsp")
                .header("host", "127.0.0.1:8080")
                .header("origin", "http://127.0.0.1:8080")
                .body(Body::from("{}"))
                .unwrap(),
            "missing or wrong token",
        ),
        (
            "wrong token",
            Request::get("/api/tunnel?target=127.0.0.1:1414&token=guess")
                .header("host", "localhost:8080")
                .body(Body::empty())
                .unwrap(),
            "missing or wrong token",
        ),
    ];
    for (name, request, reason) in cases {
        let (status, headers, body) = send(&config, request).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name}: {body}");
        assert!(body.contains(reason), "{name}: {body}");
        // Refusals are hardened like the page and echo nothing the request sent.
        assert!(!body.contains("evil"), "{name}: {body}");
        assert_eq!(headers["x-frame-options"], "DENY", "{name}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{name}");
        assert!(headers.contains_key("content-security-policy"), "{name}");
    }
}
