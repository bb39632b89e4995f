//! The attack suite (issue #18): every case runs against the real release binary in its own
//! process, with canary targets on 127.0.0.1 that record what reaches them. Each case states its
//! safe answer: the status, what reached each target, and what the log says. Nothing leaves the
//! loopback interface; every wait is bounded.

#[path = "attacks/harness.rs"]
mod harness;

use base64::Engine as _;
use harness::{Canary, Relay, send};
use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// One case: a request, and its safe answer.
struct Case {
    name: &'static str,
    request: Vec<u8>,
    status: u16,
    /// Requests each canary (allowed, broad-only, redirecting, oversized) must have received.
    reached: [usize; 4],
    /// What the log must say about it ("" when the request log line alone is enough).
    log: String,
    /// What the answer must not contain (secrets, echoed attacker values).
    lacks: &'static [&'static str],
}

fn json(url: &str, method: &str, request: &str) -> String {
    serde_json::json!({"url": url, "method": method, "request": request}).to_string()
}

fn ocsp_request(relay: &Relay, json: &str) -> Vec<u8> {
    let head = relay.head(
        "POST",
        "/api/ocsp",
        &format!(
            "X-Mqocsp-Token: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
            relay.token,
            json.len()
        ),
    );
    format!("{head}{json}").into_bytes()
}

fn raw(text: String) -> Vec<u8> {
    text.into_bytes()
}

fn case(
    name: &'static str,
    request: Vec<u8>,
    status: u16,
    reached: [usize; 4],
    log: &str,
    lacks: &'static [&'static str],
) -> Case {
    Case {
        name,
        request,
        status,
        reached,
        log: log.to_owned(),
        lacks,
    }
}

#[allow(clippy::too_many_lines)]
fn cases(relay: &Relay, canaries: &[Canary; 4]) -> Vec<Case> {
    let [a, b, r, big] = [0, 1, 2, 3].map(|i| canaries[i].port());
    let h = relay.addr;
    let t = &relay.token;
    let port = h.port();
    let call = |url: &str| ocsp_request(relay, &json(url, "post", "MAA="));
    let to_a = json(&format!("http://127.0.0.1:{a}/"), "post", "MAA=");
    let with_token = |token_header: &str| {
        raw(format!(
            "POST /api/ocsp HTTP/1.1\r\nHost: {h}\r\nOrigin: http://{h}\r\n{token_header}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{to_a}",
            to_a.len()
        ))
    };
    let get = |path: &str| raw(relay.head("GET", path, ""));
    let none = [0, 0, 0, 0];
    let der_with_crlf =
        base64::engine::general_purpose::STANDARD.encode(b"\r\n\r\nGET /evil HTTP/1.1\r\n\r\n");
    vec![
        // Host and Origin forms: refused before anything is read, echoing nothing.
        case("foreign Host (DNS rebinding)", raw(format!("GET /api/health HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n")), 403, none, r#"Host \"evil.example:"#, &["evil.example"]),
        case("Host with a trailing dot", raw(format!("GET / HTTP/1.1\r\nHost: localhost.:{port}\r\nConnection: close\r\n\r\n")), 403, none, r#"Host \"localhost.:"#, &["localhost."]),
        case("no Host at all (HTTP/1.0)", raw("GET / HTTP/1.0\r\n\r\n".into()), 403, none, r#"Host \"(none)\""#, &[]),
        case("foreign Origin", raw(format!("GET /api/health HTTP/1.1\r\nHost: {h}\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n")), 403, none, r#"Origin \"http://evil.example\""#, &["evil.example"]),
        case("Origin null (sandboxed frame)", raw(format!("GET / HTTP/1.1\r\nHost: {h}\r\nOrigin: null\r\nConnection: close\r\n\r\n")), 403, none, r#"Origin \"null\""#, &[]),
        case("Origin https instead of http", raw(format!("GET / HTTP/1.1\r\nHost: {h}\r\nOrigin: https://{h}\r\nConnection: close\r\n\r\n")), 403, none, r#"Origin \"https://127.0.0.1"#, &[]),
        case("Origin with the relay as a prefix", raw(format!("GET / HTTP/1.1\r\nHost: {h}\r\nOrigin: http://{h}.evil.example\r\nConnection: close\r\n\r\n")), 403, none, "is not the relay's page", &["evil.example"]),
        // Token forms: the target is never reached.
        case("no token", with_token(""), 403, none, "missing or wrong token", &[]),
        case("empty token", with_token("X-Mqocsp-Token: \r\n"), 403, none, "missing or wrong token", &[]),
        case("the token's first 31 characters", with_token(&format!("X-Mqocsp-Token: {}\r\n", &t[..31])), 403, none, "missing or wrong token", &[]),
        case("the token upper-cased", with_token(&format!("X-Mqocsp-Token: {}\r\n", t.to_ascii_uppercase())), 403, none, "missing or wrong token", &[]),
        case("the token in a cookie", with_token(&format!("Cookie: token={t}\r\n")), 403, none, "missing or wrong token", &[]),
        case("a wrong token first in the query", get(&format!("/api/tunnel?token=guess&token={t}&target=127.0.0.1:{a}")), 403, none, "missing or wrong token", &[]),
        // Path tricks: /api stays behind the token; the page's paths serve no API.
        case("/api/../api/ocsp without a token", raw(format!("POST /api/../api/ocsp HTTP/1.1\r\nHost: {h}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{to_a}", to_a.len())), 403, none, "missing or wrong token", &[]),
        case("//api/ocsp without a token", raw(format!("POST //api/ocsp HTTP/1.1\r\nHost: {h}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{to_a}", to_a.len())), 405, none, "only GET and HEAD", &[]),
        case("/API/ocsp without a token", raw(format!("POST /API/ocsp HTTP/1.1\r\nHost: {h}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{to_a}", to_a.len())), 405, none, "only GET and HEAD", &[]),
        // --ui traversal: no dotfile, no symlink, nothing outside the folder.
        case("a dotfile", get("/.env"), 404, none, "not served: a dotfile", &["DOTFILE-SECRET"]),
        case("a dot-folder inside", get("/sub/.git/config"), 404, none, "not served: a dotfile", &["GIT-SECRET"]),
        case("encoded ..", get("/%2e%2e/outside.txt"), 404, none, "not served: a dotfile", &["OUTSIDE-SECRET"]),
        case("encoded separators", get("/..%2f..%2fetc%2fpasswd"), 404, none, "not served", &["root:"]),
        case("a separator hidden in one segment", get("/sub%2f.git%2fconfig"), 404, none, "not served: an encoded separator", &["GIT-SECRET"]),
        case("a symlinked file", get("/link.txt"), 404, none, "not served: a symlink", &["OUTSIDE-SECRET"]),
        case("a file under a symlinked folder", get("/linkdir/outside.txt"), 404, none, "not served: a symlink", &["OUTSIDE-SECRET"]),
        // Numeric and mapped IP forms, and the special ranges under broad rules.
        case("decimal IPv4 (2130706433)", call(&format!("http://2130706433:{b}/")), 400, none, "dotted quad", &[]),
        case("hex IPv4 (0x7f.1)", call(&format!("http://0x7f.1:{b}/")), 400, none, "dotted quad", &[]),
        case("short IPv4 (127.1)", call(&format!("http://127.1:{b}/")), 400, none, "dotted quad", &[]),
        case("octal IPv4 (0177.0.0.1)", call(&format!("http://0177.0.0.1:{b}/")), 400, none, "dotted quad", &[]),
        case("loopback under 0.0.0.0/0", call(&format!("http://127.0.0.1:{b}/")), 403, none, "a loopback address", &[]),
        case("localhost under 0.0.0.0/0 and [::]/0", call(&format!("http://localhost:{b}/")), 403, none, "a loopback address", &[]),
        case("0.0.0.0", call(&format!("http://0.0.0.0:{b}/")), 403, none, "unspecified", &[]),
        case("the cloud metadata address", call(&format!("http://169.254.169.254:{b}/")), 403, none, "link-local (cloud metadata)", &[]),
        case("IPv4-mapped loopback under [::]/0", call(&format!("http://[::ffff:127.0.0.1]:{b}/")), 403, none, "IPv4-mapped", &[]),
        case("IPv4-compatible loopback under [::]/0", call(&format!("http://[::127.0.0.1]:{b}/")), 403, none, "IPv4-compatible", &[]),
        case("IPv6 loopback under [::]/0", call(&format!("http://[::1]:{b}/")), 403, none, "a loopback address", &[]),
        case("multicast under 0.0.0.0/0", call(&format!("http://224.0.0.1:{b}/")), 403, none, "multicast", &[]),
        case("an IPv6 zone identifier", call(&format!("http://[fe80::1%25lo]:{b}/")), 400, none, "not an IPv6 address", &[]),
        // URL tricks and the old proxy field (SSRF).
        case("userinfo naming the allowed target", call(&format!("http://127.0.0.1:{a}@127.0.0.1:{b}/")), 400, none, "user information", &[]),
        case("a backslash before @", call(&format!("http://127.0.0.1:{a}\\@127.0.0.1:{b}/")), 400, none, "may not hold unencoded", &[]),
        case("a proxy field pointing at an allowed target", ocsp_request(relay, &serde_json::json!({"url": format!("http://127.0.0.1:{b}/"), "method": "post", "request": "MAA=", "proxy": format!("127.0.0.1({a})")}).to_string()), 400, none, "unknown field `proxy`", &[]),
        case("an unknown method", ocsp_request(relay, &json(&format!("http://127.0.0.1:{a}/"), "put", "MAA=")), 400, none, "unknown variant `put`", &[]),
        case("https", call(&format!("https://127.0.0.1:{a}/")), 400, none, "not an http:// URL", &[]),
        case("a fragment", call(&format!("http://127.0.0.1:{a}/#x")), 400, none, "#fragment", &[]),
        // CR/LF and other bytes that would split or extend the request.
        case("CR/LF in the URL", call(&format!("http://127.0.0.1:{a}/\r\nX-Injected: 1")), 400, none, "byte 0x0D", &[]),
        case("a space in the URL", call(&format!("http://127.0.0.1:{a}/a b")), 400, none, "byte 0x20", &[]),
        case("a Unicode line separator in the URL", call(&format!("http://127.0.0.1:{a}/\u{2028}")), 400, none, "byte 0xE2", &[]),
        case("encoded CR/LF stays encoded", call(&format!("http://127.0.0.1:{a}/ocsp%0D%0AX-Injected:%201")), 200, [1, 0, 0, 0], "event=ocsp.answer", &[]),
        case("CR/LF in a POST's DER body", ocsp_request(relay, &json(&format!("http://127.0.0.1:{a}/"), "post", &der_with_crlf)), 200, [1, 0, 0, 0], "event=ocsp.answer", &[]),
        case("CR/LF in a GET's DER", ocsp_request(relay, &json(&format!("http://127.0.0.1:{a}/"), "get", &der_with_crlf)), 200, [1, 0, 0, 0], "event=ocsp.answer", &[]),
        // Redirects are answered, never followed.
        case("a redirect to a refused target", call(&format!("http://127.0.0.1:{r}/")), 200, [0, 0, 1, 0], "status=302", &[]),
        // Oversized heads, bodies and answers.
        case("a 20 KiB request head", raw(relay.head("GET", "/api/health", &format!("X-Big: {}\r\n", "a".repeat(20 * 1024)))), 431, none, "", &[]),
        // Only the head is sent: the relay answers from Content-Length alone, reading nothing more.
        case("a 70 KiB body", raw(relay.head("POST", "/api/ocsp", &format!("X-Mqocsp-Token: {t}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n", 70 * 1024))), 413, none, "status=413", &[]),
        case("a body that never arrives", raw(relay.head("POST", "/api/ocsp", &format!("X-Mqocsp-Token: {t}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"))), 408, none, "did not arrive within 2 s", &[]),
        case("an answer over --max-response-bytes", call(&format!("http://127.0.0.1:{big}/")), 502, [0, 0, 0, 1], "larger than the relay's limit of 1000 bytes", &[]),
        // Log injection: whatever a request carries stays inside one quoted value.
        case("an Origin that forges a log line", raw(format!("GET / HTTP/1.1\r\nHost: {h}\r\nOrigin: x\" event=forged why=\"\r\nConnection: close\r\n\r\n")), 403, none, r#"Origin \"x\\\" event=forged why=\\\"\""#, &["forged"]),
        case("a path that forges a log line", get("/api/x%0Amqocsp-relay%20event=forged%20status=200"), 403, none, r#"path="/api/x%0Amqocsp-relay%20event=forged"#, &[]),
    ]
}

#[test]
fn every_attack_gets_its_safe_answer() {
    let canaries = [
        Canary::ok(),
        Canary::ok(),
        Canary::start(
            b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9/\r\nContent-Length: 0\r\n\r\n",
        ),
        Canary::start(
            format!(
                "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n{}",
                "x".repeat(5000)
            )
            .as_bytes(),
        ),
    ];
    let [a, b, r, big] = [0, 1, 2, 3].map(|i| canaries[i].port());
    let relay = Relay::start(&[
        "--allow".into(),
        format!("127.0.0.1:{a}"),
        "--allow".into(),
        format!("127.0.0.1:{r}"),
        "--allow".into(),
        format!("127.0.0.1:{big}"),
        "--allow".into(),
        format!("0.0.0.0/0:{b}"),
        "--allow".into(),
        format!("[::]/0:{b}"),
        "--max-response-bytes".into(),
        "1000".into(),
        "--header-timeout-secs".into(),
        "2".into(),
    ]);
    let cases = cases(&relay, &canaries);
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let before: Vec<usize> = canaries.iter().map(|c| c.seen().len()).collect();
        let log_before = relay.log().len();
        let answer = send(relay.addr, &case.request);
        // The log line is written as the answer leaves; give it a moment to arrive.
        let deadline = Instant::now() + Duration::from_secs(5);
        let new_log = loop {
            let log = relay.log();
            let new = log.get(log_before..).unwrap_or_default().to_owned();
            if new.contains(&case.log) || Instant::now() > deadline {
                break new;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let reached: Vec<usize> = canaries
            .iter()
            .zip(&before)
            .map(|(c, b)| c.seen().len() - b)
            .collect();
        let mut wrong = Vec::new();
        if answer.status != case.status {
            wrong.push(format!(
                "status {} (expected {})",
                answer.status, case.status
            ));
        }
        if reached != case.reached {
            wrong.push(format!("reached {reached:?} (expected {:?})", case.reached));
        }
        if !new_log.contains(&case.log) {
            wrong.push(format!("log lacks {:?}: {new_log}", case.log));
        }
        for secret in case.lacks {
            if answer.body.contains(secret) || answer.head.contains(secret) {
                wrong.push(format!("the answer holds {secret:?}"));
            }
        }
        // Every answer the relay itself makes carries the hardening headers (hyper's own 431
        // for an oversized head is made before the relay sees the request).
        if answer.status != 431 {
            for header in [
                "x-frame-options: deny",
                "x-content-type-options: nosniff",
                "content-security-policy: default-src 'self'",
                "referrer-policy: no-referrer",
            ] {
                if !answer.head.to_ascii_lowercase().contains(header) {
                    wrong.push(format!("no {header}"));
                }
            }
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{}: {}\n  body: {}",
                case.name,
                wrong.join("; "),
                answer.body.trim()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );

    // What reached the allowed target for the CR/LF cases: one request line and its own headers.
    let seen = canaries[0].seen();
    assert_eq!(seen.len(), 3, "{seen:?}");
    for request in &seen {
        let (head, body) = request.split_once("\r\n\r\n").unwrap();
        assert_eq!(head.matches("HTTP/1.1").count(), 1, "{request:?}");
        assert!(
            !head.to_ascii_lowercase().contains("\r\nx-injected"),
            "{request:?}"
        );
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .map_or(0, |v| v.parse().unwrap());
        assert_eq!(body.len(), length, "{request:?}");
    }
    assert!(
        seen[0].starts_with("POST /ocsp%0D%0AX-Injected:%201 HTTP/1.1\r\n"),
        "{}",
        seen[0]
    );
    assert!(
        seen[2].starts_with("GET /DQoNCkdFVCAvZXZpbCBIVFRQLzEuMQ0KDQo%3D HTTP/1.1\r\n"),
        "{}",
        seen[2]
    );
    // No forged line: every line is the relay's own, and "forged" only ever sits inside quotes.
    let log = relay.log();
    for line in log.lines() {
        assert!(line.starts_with("mqocsp-relay event="), "{line}");
        assert!(!line.starts_with("mqocsp-relay event=forged"), "{line}");
    }
    assert!(!log.contains(&relay.token), "the token reached the log");
}

#[test]
fn slow_headers_are_cut_off_before_any_check() {
    let relay = Relay::start(&["--header-timeout-secs".into(), "1".into()]);
    let mut stream = TcpStream::connect(relay.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    // One byte every 200 ms, never finishing the head.
    let trickle = format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Slow: ", relay.addr);
    let mut closed = false;
    for byte in trickle.bytes().chain(std::iter::repeat(b'a')).take(40) {
        if stream.write_all(&[byte]).is_err() {
            closed = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
        if started.elapsed() > Duration::from_secs(4) {
            break;
        }
    }
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    assert!(
        closed || started.elapsed() < Duration::from_secs(9),
        "the connection stayed open"
    );
    assert!(started.elapsed() < Duration::from_secs(9));
    let log = relay.wait_log("no whole request head within 1 s");
    assert!(log.contains("event=connection.closed"), "{log}");
    assert!(
        !log.contains("event=request"),
        "a request was served: {log}"
    );
}

#[test]
fn connections_over_the_cap_get_503_and_are_logged() {
    let relay = Relay::start(&["--max-connections".into(), "3".into()]);
    let idle: Vec<TcpStream> = (0..3)
        .map(|_| TcpStream::connect(relay.addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let answer = send(relay.addr, relay.head("GET", "/api/health", "").as_bytes());
    assert_eq!(answer.status, 503, "{answer:?}");
    assert!(
        relay
            .wait_log("event=connection.refused")
            .contains("--max-connections")
    );
    drop(idle);
    // Places come back when connections close.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let answer = send(relay.addr, relay.head("GET", "/api/health", "").as_bytes());
        if answer.status == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "places never came back: {answer:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn one_client_cannot_hold_more_than_its_share_of_ocsp_calls() {
    let silent = Canary::start(b"");
    let relay = std::sync::Arc::new(Relay::start(&[
        "--allow".into(),
        silent.addr.to_string(),
        "--max-ocsp-per-client".into(),
        "2".into(),
        "--ocsp-timeout-secs".into(),
        "3".into(),
    ]));
    let body = json(&format!("http://{}/", silent.addr), "post", "MAA=");
    let calls: Vec<_> = (0..3)
        .map(|i| {
            let relay = relay.clone();
            let body = body.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(200 * i));
                relay.ocsp(&body).status
            })
        })
        .collect();
    let mut statuses: Vec<u16> = calls.into_iter().map(|c| c.join().unwrap()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [429, 504, 504]);
    assert_eq!(silent.seen().len(), 2);
    assert!(
        relay
            .wait_log("status=429")
            .contains("in flight already (--max-ocsp-per-client)")
    );
}

#[test]
fn the_relay_refuses_to_start_with_a_weak_token() {
    let dir = mqocsp_testkit::scratch::ScratchDir::new("relay-weak-token");
    dir.write("index.html", "<!doctype html>");
    let short = dir.write("token", "0123456789abcdef0123456789abcde\n");
    let empty = dir.write("empty", "");
    let cases: [&[&std::ffi::OsStr]; 5] = [
        &["--token".as_ref(), "".as_ref()],
        &["--token".as_ref(), "t0ken".as_ref()],
        &[
            "--token".as_ref(),
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".as_ref(),
        ],
        &["--token-file".as_ref(), short.as_os_str()],
        &["--token-file".as_ref(), empty.as_os_str()],
    ];
    for args in cases {
        let output = std::process::Command::new(harness::binary())
            .args(["--listen", "127.0.0.1:0", "--ui"])
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?} started");
        assert!(
            stderr.contains("at least 128 random bits"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_public_url_adds_its_host_and_https_origin_and_nothing_else() {
    let relay = Relay::start(&["--public-url".into(), "https://mqocsp.example.test".into()]);
    let through_proxy = |origin: &str| {
        send(
            relay.addr,
            format!(
                "GET /api/health HTTP/1.1\r\nHost: mqocsp.example.test\r\nOrigin: {origin}\r\nConnection: close\r\n\r\n"
            )
            .as_bytes(),
        )
        .status
    };
    assert_eq!(through_proxy("https://mqocsp.example.test"), 200);
    assert_eq!(through_proxy("http://mqocsp.example.test"), 403);
    assert_eq!(through_proxy("https://mqocsp.example.test:8443"), 403);
}

#[test]
fn the_csp_hashes_the_page_actually_served_even_after_the_file_changes() {
    let relay = Relay::start(&[]);
    // The folder changes under the running relay: the page served stays the one hashed.
    relay.ui.write(
        "index.html",
        "<!doctype html><script>alert('swapped');</script>",
    );
    let answer = send(relay.addr, relay.head("GET", "/", "").as_bytes());
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains("attack page"), "{}", answer.body);
    let csp = answer
        .head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .starts_with("content-security-policy:")
                .then(|| l[24..].trim().to_owned())
        })
        .unwrap();
    use sha2::Digest as _;
    let served = answer
        .body
        .split("<script type=\"module\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .unwrap();
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(served));
    assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    assert_eq!(csp.matches("'sha256-").count(), 1, "{csp}");
}

mod tunnels {
    use super::*;
    use futures_util::{SinkExt as _, StreamExt as _};
    use tokio_tungstenite::tungstenite::Message;
    use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;

    type Socket = tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >;

    async fn open(relay: &Relay, target: &Canary) -> Socket {
        let mut request = format!(
            "ws://{}/api/tunnel?target={}&token={}",
            relay.addr, target.addr, relay.token
        )
        .into_client_request()
        .unwrap();
        request
            .headers_mut()
            .insert("origin", format!("http://{}", relay.addr).parse().unwrap());
        tokio_tungstenite::connect_async(request).await.unwrap().0
    }

    /// Reads until the tunnel ends (at most `secs`); true if it ended.
    async fn ends_within(ws: &mut Socket, secs: u64) -> bool {
        tokio::time::timeout(Duration::from_secs(secs), async {
            while let Some(Ok(message)) = ws.next().await {
                if matches!(message, Message::Close(_)) {
                    return;
                }
            }
        })
        .await
        .is_ok()
    }

    fn budget_relay(target: &Canary, extra: &[&str]) -> Relay {
        let mut args = vec![
            "--allow".to_owned(),
            target.addr.to_string(),
            "--max-tunnel-bytes".into(),
            "65536".into(),
        ];
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        Relay::start(&args)
    }

    #[tokio::test]
    async fn a_message_larger_than_the_budget_never_reaches_the_target() {
        let target = Canary::start(b"");
        let relay = budget_relay(&target, &[]);
        let mut ws = open(&relay, &target).await;
        let _ = ws
            .send(Message::Binary(vec![0x17; 100 * 1024].into()))
            .await;
        assert!(ends_within(&mut ws, 5).await);
        tokio::time::sleep(Duration::from_millis(700)).await;
        assert_eq!(target.seen().concat().len(), 0, "bytes reached the target");
        assert!(
            relay
                .wait_log("event=tunnel.close")
                .contains("event=tunnel.close")
        );
    }

    #[tokio::test]
    async fn pings_and_text_count_against_the_budget() {
        let target = Canary::start(b"");
        let relay = budget_relay(&target, &[]);
        let mut ws = open(&relay, &target).await;
        for _ in 0..600 {
            if ws.send(Message::Ping(vec![0; 120].into())).await.is_err() {
                break;
            }
        }
        assert!(
            ends_within(&mut ws, 5).await,
            "600 pings of 120 bytes did not end a 64 KiB tunnel"
        );
        assert!(
            relay
                .wait_log("more than 65536 bytes")
                .contains("reason=\"more than 65536 bytes\"")
        );
        let mut ws = open(&relay, &target).await;
        for _ in 0..10 {
            if ws
                .send(Message::Text("t".repeat(8 * 1024).into()))
                .await
                .is_err()
            {
                break;
            }
        }
        assert!(
            ends_within(&mut ws, 5).await,
            "80 KiB of text did not end a 64 KiB tunnel"
        );
    }

    #[tokio::test]
    async fn an_idle_tunnel_is_closed_and_logged() {
        let target = Canary::start(b"");
        let relay = budget_relay(&target, &["--idle-secs", "1"]);
        let mut ws = open(&relay, &target).await;
        let started = Instant::now();
        assert!(ends_within(&mut ws, 5).await);
        assert!(started.elapsed() < Duration::from_secs(4));
        assert!(
            relay
                .wait_log("idle for 1 s")
                .contains("event=tunnel.close")
        );
    }

    #[tokio::test]
    async fn a_busy_tunnel_still_ends_at_its_lifetime() {
        let target = Canary::start(b"");
        let relay = Relay::start(&[
            "--allow".into(),
            target.addr.to_string(),
            "--max-tunnel-secs".into(),
            "2".into(),
            "--idle-secs".into(),
            "1".into(),
        ]);
        let mut ws = open(&relay, &target).await;
        let started = Instant::now();
        // A byte every 300 ms keeps it from ever being idle.
        let ended = loop {
            if ws.send(Message::Binary(vec![0x17].into())).await.is_err() {
                break true;
            }
            if let Ok(Some(Ok(Message::Close(_))) | None | Some(Err(_))) =
                tokio::time::timeout(Duration::from_millis(300), ws.next()).await
            {
                break true;
            }
            if started.elapsed() > Duration::from_secs(6) {
                break false;
            }
        };
        assert!(
            ended && started.elapsed() >= Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
        assert!(relay.wait_log("open for 2 s").contains("--max-tunnel-secs"));
    }
}
