//! The Java client model against a real JSSE (the JDK on this machine): a Java TLS client with
//! revocation checking on (com.sun.net.ssl.checkRevocation=true, ocsp.enable=true,
//! ocsp.responderURL) connects to `openssl s_server` and asks an `openssl ocsp` responder; the
//! exception it throws is read as a ticket would be read (`java::jsse_observation`) and compared
//! with what the model predicts for the same situation. Needs `javac` and `java` (scripts/setup
//! installs openjdk-17-jdk-headless when missing).

use mqocsp_core::mq::case::{Case, Responder, ResponderState};
use mqocsp_core::mq::java::{ClientKind, JavaSettings, jsse_observation};
use mqocsp_core::mq::predict::predict;
use mqocsp_testkit::openssl::{OcspServer, OpensslCa, SERVER_EXTENSIONS, TlsServer, free_port};
use mqocsp_testkit::scratch::ScratchDir;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Compiles the probe once per test binary run into `dir`.
fn compiled(dir: &Path) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/java/JsseProbe.java");
    let out = Command::new("javac")
        .arg("-d")
        .arg(dir)
        .arg(&source)
        .output()
        .expect("javac runs (install openjdk-17-jdk-headless)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.to_owned()
}

/// What the real JSSE said: `OK …` or the exception chain.
fn jsse(classes: &Path, address: &str, ca: &OpensslCa, responder_url: &str) -> String {
    let (host, port) = address.rsplit_once(':').expect("HOST:PORT");
    let out = Command::new("java")
        .arg("-cp")
        .arg(classes)
        .arg("JsseProbe")
        .args([host, port])
        .arg(ca.cert_path())
        .arg(responder_url)
        .output()
        .expect("java runs");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The same situation as a case: a Java client with the same JVM settings, the responder
/// described as the model describes an openssl responder (its index.txt), or down.
fn case(ca: &OpensslCa, responder_url: &str, up: bool) -> Case {
    let mut case = Case::new(
        "JSSE",
        &mqocsp_core::Timestamp(time::OffsetDateTime::now_utc()).to_string(),
    );
    case.material = format!("{}{}", ca.cert_pem(), ca.read_text("qm.pem"));
    case.client.kind = Some(ClientKind::Java);
    case.client.java = Some(JavaSettings {
        check_revocation: Some(true),
        ocsp_enable: Some(true),
        ocsp_responder_url: Some(responder_url.to_owned()),
        enable_crldp: None,
    });
    case.client.trust = vec!["JSSE Test CA".into()];
    case.queue_manager.certificate = Some("qm.jsse.test".into());
    case.queue_manager.sslcauth = Some(mqocsp_core::mq::config::SslCauth::Optional);
    case.responders = vec![Responder {
        url: responder_url.to_owned(),
        state: if up {
            ResponderState::Up
        } else {
            ResponderState::Down
        },
        index: up.then(|| ca.read_text("index.txt")),
        ca: Some("JSSE Test CA".into()),
    }];
    case
}

/// The JSSE outcome id the model predicts (None: it connects).
fn predicted(case: &Case) -> Option<String> {
    let d = predict(case);
    d.client_log
        .iter()
        .find(|l| l.id.starts_with("JSSE:"))
        .map(|l| l.id.clone())
}

fn pki() -> OpensslCa {
    let mut ca = OpensslCa::root("jsse", "/O=Northwind Trading/CN=JSSE Test CA");
    ca.issue(
        "qm",
        "/O=Northwind Trading/CN=qm.jsse.test",
        7,
        SERVER_EXTENSIONS,
    );
    ca
}

#[test]
fn the_java_model_agrees_with_a_real_jsse_client() {
    let scratch = ScratchDir::new("jsse");
    let classes = compiled(scratch.path());
    let mut results = Vec::new();

    // Good: the responder knows the certificate.
    let ca = pki();
    let responder = OcspServer::start(&ca);
    let server = TlsServer::start(&ca, "qm", &[]);
    let real = jsse(&classes, &server.address(), &ca, &responder.url());
    results.push((
        "good",
        real.clone(),
        real.starts_with("OK")
            .then_some(())
            .map_or_else(|| jsse_observation(&real).map(str::to_owned), |_| None),
        predicted(&case(&ca, &responder.url(), true)),
    ));
    drop((responder, server));

    // Revoked.
    let mut ca = pki();
    ca.revoke(7, "261127093000Z", Some("keyCompromise"));
    let responder = OcspServer::start(&ca);
    let server = TlsServer::start(&ca, "qm", &[]);
    let real = jsse(&classes, &server.address(), &ca, &responder.url());
    results.push((
        "revoked",
        real.clone(),
        jsse_observation(&real).map(str::to_owned),
        predicted(&case(&ca, &responder.url(), true)),
    ));
    drop((responder, server));

    // The responder cannot be reached (nothing listens on its port).
    let ca = pki();
    let server = TlsServer::start(&ca, "qm", &[]);
    let url = format!("http://127.0.0.1:{}/", free_port());
    let real = jsse(&classes, &server.address(), &ca, &url);
    results.push((
        "unreachable",
        real.clone(),
        jsse_observation(&real).map(str::to_owned),
        predicted(&case(&ca, &url, false)),
    ));

    for (name, real, observed, predicted) in &results {
        assert_eq!(observed, predicted, "{name}: the real JSSE said '{real}'");
    }
    // And each situation gave a different answer: the test can tell them apart.
    assert!(results[0].2.is_none());
    assert_ne!(results[1].2, results[2].2);
}
