//! The live session asks the sources the case's client kind would ask (#17 item 5): MQ's order
//! for the C client, the JVM's for Java, the certificate's AIA/CDP for the managed .NET client,
//! and the prediction made from its answers is that kind's.

use mqocsp_core::Timestamp;
use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::examples::{SERVER_RESPONDER, example};
use mqocsp_core::mq::java::ClientKind;
use mqocsp_core::mq::revocation::Side;
use mqocsp_core::mq::session::{FetchKind, Session, Task};

fn at() -> Timestamp {
    Timestamp::parse_rfc3339("2022-02-02T16:46:29Z").expect("a valid time")
}

/// Runs a session without a listener, every fetch failing; returns what the client side asked
/// and the session's log.
fn client_asks(case: Case) -> (Vec<(FetchKind, String)>, Vec<String>, Case) {
    let mut session = Session::new(case, None, at());
    let mut n = 0u8;
    let mut nonce = move || {
        n += 1;
        vec![n; 16]
    };
    let mut asked = Vec::new();
    loop {
        match session.next(&mut nonce) {
            Task::Fetch(fetch) => {
                if fetch.side == Side::Client {
                    asked.push((fetch.kind, fetch.url.clone()));
                }
                session.fetched(Err("connection refused".into()));
            }
            Task::Handshake(_) => unreachable!("no listener was given"),
            Task::Done => break,
        }
    }
    let log = session.events().iter().map(|e| e.text.clone()).collect();
    (asked, log, session.into_case())
}

const OTHER_RESPONDER: &str = "http://mqair-only.example.test:2560/";

/// The case with the client's MQAIR naming another responder than the certificate's AIA.
fn with_mqair_elsewhere(mut case: Case) -> Case {
    let line = case.client.command_line.clone().unwrap_or_default();
    case.client.command_line = Some(if line.contains(" -ru ") {
        line.replace(SERVER_RESPONDER, OTHER_RESPONDER)
    } else {
        format!("{line} -ru \"{OTHER_RESPONDER}\" -tr MQAIR_VERSION_2 MQAIT_OCSP")
    });
    case
}

#[test]
fn the_c_client_asks_the_mqair_responder_java_and_dotnet_the_certificates() {
    // MQ's order: the MQAIR first, then (no definite answer) the AIA with OCSPCheckExtensions.
    let (c, log, _) = client_asks(with_mqair_elsewhere(example("good").unwrap()));
    assert_eq!(
        c,
        [
            (FetchKind::Ocsp, OTHER_RESPONDER.to_owned()),
            (FetchKind::Ocsp, SERVER_RESPONDER.to_owned())
        ]
    );
    assert!(
        log.iter().any(|l| l.contains("a C client (GSKit)")),
        "{log:?}"
    );

    let (java, log, _) = client_asks(with_mqair_elsewhere(
        example("java-responder-down").unwrap(),
    ));
    assert_eq!(java, [(FetchKind::Ocsp, SERVER_RESPONDER.to_owned())]);
    assert!(
        log.iter().any(|l| l.contains("a Java/JMS client (JSSE)")),
        "{log:?}"
    );

    let (dotnet, log, case) = client_asks(with_mqair_elsewhere(
        example("dotnet-responder-down").unwrap(),
    ));
    assert_eq!(dotnet, [(FetchKind::Ocsp, SERVER_RESPONDER.to_owned())]);
    assert!(
        log.iter()
            .any(|l| l.contains("a managed .NET client (Windows")),
        "{log:?}"
    );
    // The prediction from the live answers is the .NET model's.
    let diagnosis = mqocsp_core::mq::predict::predict(&case);
    assert_eq!(diagnosis.outcome.reason_code, Some(2393));
    assert!(
        diagnosis
            .client_log
            .iter()
            .any(|l| l.id == "NET:OfflineRevocation"),
        "{:#?}",
        diagnosis.client_log
    );
}

#[test]
fn the_jvms_responder_url_overrides_the_aia_and_no_check_asks_nothing() {
    let mut case = example("java-server-revoked").unwrap();
    if let Some(java) = case.client.java.as_mut() {
        java.ocsp_responder_url = Some(OTHER_RESPONDER.to_owned());
        java.enable_crldp = Some(true);
    }
    let (asked, _, _) = client_asks(case);
    assert_eq!(asked, [(FetchKind::Ocsp, OTHER_RESPONDER.to_owned())]);

    for name in ["java-revocation-off", "dotnet-revocation-off"] {
        let (asked, log, _) = client_asks(example(name).unwrap());
        assert!(asked.is_empty(), "{name}: {asked:?}");
        assert!(
            log.iter().any(|l| l.contains("it asks no responder")),
            "{name}: {log:?}"
        );
    }
}

#[test]
fn the_kind_comes_from_the_case() {
    let case = with_mqair_elsewhere(example("dotnet-server-revoked").unwrap());
    let (asked, _, _) = client_asks(case.clone());
    assert_eq!(asked, [(FetchKind::Ocsp, SERVER_RESPONDER.to_owned())]);
    let mut c = case;
    c.client.kind = Some(ClientKind::C);
    let (asked, log, _) = client_asks(c);
    assert_eq!(
        asked.first(),
        Some(&(FetchKind::Ocsp, OTHER_RESPONDER.to_owned()))
    );
    assert!(log.iter().any(|l| l.contains("a C client")), "{log:?}");
}
