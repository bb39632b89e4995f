//! The relay over real sockets: OCSP calls to a real `openssl ocsp` responder, tunnels to a real
//! TCP peer, and every refusal (allowlist by name, by IP, IPv6, a name resolving elsewhere,
//! oversized answers, idle tunnels).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use futures_util::{SinkExt as _, StreamExt as _};
use mqocsp_relay::allow::{Allowlist, Rule};
use mqocsp_relay::{Config, app};
use mqocsp_testkit::openssl::{OcspServer, OpensslCa, SERVER_EXTENSIONS};
use mqocsp_testkit::scratch::ScratchDir;
use std::net::SocketAddr;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;

/// A relay on an ephemeral port with these rules; returns its address and token.
async fn relay(
    rules: &[&str],
    tweak: impl FnOnce(&mut Config),
) -> (SocketAddr, String, ScratchDir) {
    let ui = ScratchDir::new("relay-live-ui");
    ui.write("index.html", "<!doctype html><title>live</title>");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut config = Config::new(Some(ui.path().to_owned()), addr);
    config.allow = Allowlist(rules.iter().map(|r| r.parse::<Rule>().unwrap()).collect());
    tweak(&mut config);
    let token = config.token.clone();
    let router = app(&config);
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (addr, token, ui)
}

/// POSTs `body` to /api/ocsp as the page does: a tiny HTTP/1.1 request over a TcpStream.
async fn ocsp_call(
    addr: SocketAddr,
    token: &str,
    body: serde_json::Value,
) -> (u16, serde_json::Value) {
    let body = body.to_string();
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "POST /api/ocsp HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nX-Mqocsp-Token: {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status: u16 = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    let json = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| serde_json::from_str(b).unwrap_or(serde_json::Value::Null))
        .unwrap_or_default();
    (status, json)
}

fn seed_ca() -> (OpensslCa, std::path::PathBuf) {
    let mut ca = OpensslCa::root("relay-live", "/C=AU/O=Pulsar Integration SD Inc./CN=nsca");
    let qm = ca.issue("qm", "/C=AU/O=Pulsar/CN=qm1", 1, SERVER_EXTENSIONS);
    ca.revoke(1, "210929080911Z", None);
    (ca, qm)
}

#[tokio::test]
async fn ocsp_post_and_get_reach_a_real_openssl_responder() {
    let (ca, qm) = seed_ca();
    let responder = OcspServer::start(&ca);
    let request = STANDARD.encode(ca.request(&qm, true));
    let (addr, token, _ui) = relay(&[&format!("127.0.0.1:{}", responder.port)], |_| {}).await;
    for method in ["post", "get"] {
        let (status, json) = ocsp_call(
            addr,
            &token,
            serde_json::json!({"url": responder.url(), "request": request, "method": method}),
        )
        .await;
        assert_eq!(status, 200, "{method}: {json}");
        assert_eq!(json["status"], 200);
        assert_eq!(json["content_type"], "application/ocsp-response");
        let der = STANDARD.decode(json["body"].as_str().unwrap()).unwrap();
        let response = mqocsp_core::ocsp::OcspResponse::parse(&der).unwrap();
        let status = &response.basic.unwrap().responses[0].cert_status;
        assert_eq!(status.word(), "revoked", "{method}");
    }
}

#[tokio::test]
async fn crls_are_fetched_from_an_allowed_distribution_point() {
    let (ca, _qm) = seed_ca();
    let crl = ca.crl();
    let cdp = mqocsp_testkit::http_file::HttpFile::start("ca.crl", ca.dir().join("crl.der"));
    let port = cdp
        .url()
        .split(':')
        .nth(2)
        .and_then(|p| p.split('/').next())
        .unwrap()
        .to_owned();
    let (addr, token, _ui) = relay(&[&format!("127.0.0.1:{port}")], |_| {}).await;
    let (status, json) = ocsp_call(
        addr,
        &token,
        serde_json::json!({"url": cdp.url(), "request": "", "method": "crl"}),
    )
    .await;
    assert_eq!(status, 200, "{json}");
    assert_eq!(json["status"], 200);
    assert_eq!(json["content_type"], "application/pkix-crl");
    assert_eq!(
        STANDARD.decode(json["body"].as_str().unwrap()).unwrap(),
        crl
    );
    // The allowlist holds for CRLs as for OCSP.
    let (status, json) = ocsp_call(
        addr,
        &token,
        serde_json::json!({"url": "http://127.0.0.1:9/ca.crl", "request": "", "method": "crl"}),
    )
    .await;
    assert_eq!(status, 403, "{json}");
}

#[tokio::test]
async fn targets_outside_the_allowlist_are_refused() {
    let (addr, token, _ui) = relay(&["127.0.0.2:2560", "10.0.0.0/8:1414"], |_| {}).await;
    let cases = [
        (
            "by IP",
            "http://127.0.0.1:2560/",
            "is not in the relay's allowlist",
        ),
        (
            "by port",
            "http://127.0.0.2:2561/",
            "is not in the relay's allowlist",
        ),
        (
            "IPv6",
            "http://[::1]:2560/",
            "is not in the relay's allowlist",
        ),
        (
            "a name resolving elsewhere",
            "http://localhost:2560/",
            "resolving to",
        ),
        (
            "unresolvable",
            "http://does-not-exist.invalid:2560/",
            "does not resolve",
        ),
        ("not http", "https://127.0.0.2:2560/", "not an http:// URL"),
    ];
    for (name, url, reason) in cases {
        let (status, json) = ocsp_call(
            addr,
            &token,
            serde_json::json!({"url": url, "request": "MAA=", "method": "post"}),
        )
        .await;
        assert!(status == 403 || status == 400, "{name}: {status} {json}");
        assert!(
            json["error"].as_str().unwrap_or_default().contains(reason),
            "{name}: {json}"
        );
    }
}

#[tokio::test]
async fn oversized_answers_are_cut_off() {
    let (ca, qm) = seed_ca();
    let responder = OcspServer::start(&ca);
    let (addr, token, _ui) = relay(&[&format!("127.0.0.1:{}", responder.port)], |c| {
        c.limits.max_response_bytes = 100
    })
    .await;
    let request = STANDARD.encode(ca.request(&qm, false));
    let (status, json) = ocsp_call(
        addr,
        &token,
        serde_json::json!({"url": responder.url(), "request": request, "method": "post"}),
    )
    .await;
    assert_eq!(status, 502, "{json}");
    assert!(
        json["error"]
            .as_str()
            .unwrap()
            .contains("larger than the relay's limit of 100 bytes")
    );
}

/// A TCP peer that echoes what it receives.
async fn echo_server() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let (mut read, mut write) = stream.split();
                let _ = tokio::io::copy(&mut read, &mut write).await;
            });
        }
    });
    addr
}

async fn open_tunnel(
    relay: SocketAddr,
    token: &str,
    target: SocketAddr,
    origin: &str,
) -> Result<
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>,
    String,
> {
    let mut request = format!("ws://{relay}/api/tunnel?target={target}&token={token}")
        .into_client_request()
        .unwrap();
    request
        .headers_mut()
        .insert("origin", origin.parse().unwrap());
    tokio_tungstenite::connect_async(request)
        .await
        .map(|(ws, _)| ws)
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn tunnel_moves_bytes_both_ways_and_closes_when_idle() {
    let echo = echo_server().await;
    let (addr, token, _ui) = relay(&[&echo.to_string()], |c| c.limits.idle_secs = 1).await;
    let mut ws = open_tunnel(addr, &token, echo, &format!("http://{addr}"))
        .await
        .unwrap();
    ws.send(Message::Binary(b"\x16\x03\x01 hello".to_vec().into()))
        .await
        .unwrap();
    let back = ws.next().await.unwrap().unwrap();
    assert_eq!(back.into_data().as_ref(), b"\x16\x03\x01 hello");
    // Silent for longer than idle_secs: the relay closes the tunnel.
    let closed = tokio::time::timeout(std::time::Duration::from_secs(5), ws.next())
        .await
        .expect("closed within 5 s");
    assert!(
        matches!(closed, Some(Ok(Message::Close(_))) | None),
        "{closed:?}"
    );
}

/// Through a relay with a 64 KiB budget and a 1 s idle limit: 1.5 s of traffic (15 KiB each way,
/// a message every 100 ms, so never idle), then `last` KiB up. Returns how many bytes of that
/// came back before the relay ended the tunnel, and how it ended.
async fn spend_budget(last: usize) -> (usize, String) {
    let echo = echo_server().await;
    let (addr, token, _ui) = relay(&[&echo.to_string()], |c| {
        c.limits.max_tunnel_bytes = 64 * 1024;
        c.limits.idle_secs = 1;
    })
    .await;
    let mut ws = open_tunnel(addr, &token, echo, &format!("http://{addr}"))
        .await
        .unwrap();
    for _ in 0..15 {
        ws.send(Message::Binary(vec![0x17; 1024].into()))
            .await
            .unwrap();
        let back = ws.next().await.unwrap().unwrap();
        assert_eq!(back.into_data().len(), 1024);
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    ws.send(Message::Binary(vec![0x17; last * 1024].into()))
        .await
        .unwrap();
    let mut echoed = 0;
    loop {
        match tokio::time::timeout(std::time::Duration::from_secs(5), ws.next()).await {
            Ok(Some(Ok(Message::Binary(bytes)))) => echoed += bytes.len(),
            other => return (echoed, format!("{other:?}")),
        }
    }
}

#[tokio::test]
async fn a_tunnel_ends_when_either_direction_spends_its_byte_budget() {
    // Up: 30 KiB moved + 40 KiB from the page passes 64 KiB; the relay stops before writing it.
    let (echoed, ended) = spend_budget(40).await;
    assert_eq!(
        echoed, 0,
        "bytes past the budget reached the target and came back"
    );
    assert!(ended.contains("Close") || ended == "Ok(None)", "{ended}");
    // Down: 30 KiB + 20 KiB up is within budget; its 20 KiB echo would pass it, so the relay
    // stops once the echo crosses it (the echo server writes in 8 KiB pieces, so a first piece
    // may still fit).
    let (echoed, ended) = spend_budget(20).await;
    assert!(
        echoed < 20 * 1024,
        "the whole echo ({echoed} bytes) reached the page past the budget"
    );
    assert!(ended.contains("Close") || ended == "Ok(None)", "{ended}");
}

#[tokio::test]
async fn tunnels_are_refused_for_foreign_origins_and_unlisted_targets() {
    let echo = echo_server().await;
    let (addr, token, _ui) = relay(&[&echo.to_string()], |_| {}).await;
    let foreign = open_tunnel(addr, &token, echo, "http://evil.example")
        .await
        .unwrap_err();
    assert!(foreign.contains("403"), "{foreign}");
    let unlisted: SocketAddr = "127.0.0.1:9".parse().unwrap();
    let refused = open_tunnel(addr, &token, unlisted, &format!("http://{addr}"))
        .await
        .unwrap_err();
    assert!(refused.contains("403"), "{refused}");
    let wrong_token = open_tunnel(addr, "nope", echo, &format!("http://{addr}"))
        .await
        .unwrap_err();
    assert!(wrong_token.contains("403"), "{wrong_token}");
}

/// A plain GET to the tunnel address, as the page sends it after a failed WebSocket handshake.
async fn tunnel_check(relay: SocketAddr, token: &str, target: &str) -> (u16, String) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let mut stream = tokio::net::TcpStream::connect(relay).await.unwrap();
    let request = format!(
        "GET /api/tunnel?target={target}&token={token} HTTP/1.1\r\nHost: {relay}\r\nOrigin: http://{relay}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = text.split_once("\r\n\r\n").unwrap().1.to_owned();
    (status, body)
}

#[tokio::test]
async fn without_an_upgrade_the_tunnel_address_says_why_a_target_is_refused() {
    let echo = echo_server().await;
    // A port that was just free: nothing listens there.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    // One place only: every check below must give it back, or the last tunnel is refused.
    let (addr, token, _ui) = relay(&[&echo.to_string(), &closed.to_string()], |c| {
        c.limits.max_tunnels = 1;
    })
    .await;
    let (status, body) = tunnel_check(addr, &token, &echo.to_string()).await;
    assert_eq!(
        (status, body.trim()),
        (
            200,
            format!("mqocsp-relay: {echo} accepts connections").as_str()
        )
    );
    let (status, body) = tunnel_check(addr, &token, &closed.to_string()).await;
    assert_eq!(status, 502, "{body}");
    assert!(
        body.contains(&format!("cannot connect to {closed}")),
        "{body}"
    );
    let (status, body) = tunnel_check(addr, &token, "127.0.0.1:9").await;
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("127.0.0.1:9"), "{body}");
    // Every check released its place: a real tunnel still opens, and a second one is over the limit.
    let _open = open_tunnel(addr, &token, echo, &format!("http://{addr}"))
        .await
        .unwrap();
    let over = open_tunnel(addr, &token, echo, &format!("http://{addr}"))
        .await
        .unwrap_err();
    assert!(over.contains("429"), "{over}");
}
