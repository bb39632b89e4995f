//! SSLPEER on the channel and SSLPeerName on the client, predicted on the seed's setup: the
//! reason code, the messages on each side, the event, and the fix applied as a what-if.

use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::examples::example;
use mqocsp_core::mq::predict::{Change, Diagnosis, predict};
use mqocsp_core::verify::Outcome;

const QM_DN: &str = "SERIALNUMBER=01,CN=www.sd.pulsarintegration.PL81N.com,O=Pulsar Integration PL81NA Inc.,ST=Sydney,C=AU";
const CLIENT_DN: &str = "SERIALNUMBER=02,CN=www.pulsarintegration.PL921WC.com,O=Pulsar Integration PL921WC Inc.,ST=Chiba,C=JP";

/// The good example with TLS events on (SSLEV(ENABLED)), so that the events can be checked.
fn good() -> Case {
    let mut case = example("good").expect("the good example");
    case.queue_manager
        .mqsc
        .push_str("ALTER QMGR SSLEV(ENABLED)\n");
    case
}

fn with_mqsc(mqsc_extra: &str) -> Case {
    let mut case = good();
    case.queue_manager.mqsc = case.queue_manager.mqsc.replace(
        "SSLCAUTH(REQUIRED)",
        &format!("SSLCAUTH(REQUIRED) {mqsc_extra}"),
    );
    case
}

fn step<'a>(d: &'a Diagnosis, id: &str) -> &'a mqocsp_core::verify::Step {
    d.steps
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no step {id} in {:#?}", d.steps))
}

fn apply(case: &Case, d: &Diagnosis, wanted: fn(&Change) -> bool) -> Diagnosis {
    let change = d
        .fixes
        .iter()
        .find_map(|f| f.change.clone().filter(wanted))
        .unwrap_or_else(|| panic!("no such fix in {:#?}", d.fixes));
    let mut fixed = case.clone();
    change.apply(&mut fixed);
    predict(&fixed)
}

#[test]
fn client_peer_name_mismatch_gives_2398_and_amq9636_on_the_client() {
    let mut case = good();
    // Set on the mqpgfc command line, as a customer would.
    case.client.command_line = case
        .client
        .command_line
        .map(|line| format!("{line} -cp \"CN=www.sd.pulsarintegration.PL81N.com, O=IBM\""));
    let d = predict(&case);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.outcome.reason_code, Some(2398));
    assert_eq!(
        d.outcome.reason_name.as_deref(),
        Some("MQRC_SSL_PEER_NAME_MISMATCH")
    );
    assert_eq!(d.outcome.client_log, ["AMQ9636E"]);
    assert!(d.outcome.queue_manager_log.is_empty());
    assert!(
        d.client_log[0].text.contains(QM_DN),
        "{}",
        d.client_log[0].text
    );
    let s = step(&d, "mq.client_peer_name");
    assert_eq!(s.outcome, Outcome::Fail);
    assert!(
        s.explanation
            .contains("the O is 'Pulsar Integration PL81NA Inc.', the pattern wants 'IBM'"),
        "{}",
        s.explanation
    );
    // Both chains validated first: a peer name is checked after the handshake.
    assert_eq!(step(&d, "mq.qm_chain").outcome, Outcome::Pass);
    for id in ["client-peer-name-2398", "qm-log-after-client-peer-mismatch"] {
        assert!(d.assumptions.iter().any(|a| a.id == id), "{id}");
    }
    let fixed = apply(&case, &d, |c| matches!(c, Change::ClientPeerName { .. }));
    assert_eq!(fixed.outcome.reason_code, None, "{:#?}", fixed.steps);
    assert_eq!(step(&fixed, "mq.client_peer_name").outcome, Outcome::Pass);
}

#[test]
fn client_peer_name_with_wildcard_connects() {
    let mut case = good();
    case.client.peer_name = Some("CN=www.sd.pulsarintegration.*; C=au".into());
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, None);
    assert_eq!(step(&d, "mq.client_peer_name").outcome, Outcome::Pass);
}

#[test]
fn malformed_client_peer_name_stops_mqconnx_with_2399() {
    let mut case = good();
    case.client.peer_name = Some("cn=www.sd.pulsarintegration.PL81N.com".into());
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, Some(2399));
    let lint = d
        .lint
        .iter()
        .find(|l| l.id == "sslpeername-format")
        .unwrap();
    assert!(
        lint.message
            .contains("column 1: attribute types must be uppercase: write CN"),
        "{}",
        lint.message
    );
    // Nothing reached the network: no TLS step was predicted.
    assert!(!d.steps.iter().any(|s| s.id == "mq.client_chain"));
}

#[test]
fn channel_sslpeer_mismatch_gives_amq9636_and_an_event_on_the_queue_manager() {
    let case = with_mqsc("SSLPEER('CN=*.example.com, OU=Payments')");
    let d = predict(&case);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.outcome.reason_code, Some(2059));
    // The seed's queue manager runs OpenSSL (NonStop): its message ids have no severity letter.
    assert_eq!(d.outcome.queue_manager_log, ["AMQ9636"]);
    assert!(d.queue_manager_log[0].text.contains(CLIENT_DN));
    assert!(
        d.queue_manager_log[0]
            .text
            .contains("channel 'PL81N.MQICHL'")
    );
    assert_eq!(
        d.outcome.events,
        ["2371 MQRC_CHANNEL_SSL_ERROR (MQRQ_SSL_PEER_NAME_ERROR)"]
    );
    assert!(step(&d, "mq.qm_sslpeer").explanation.contains(
        "the CN is 'www.pulsarintegration.PL921WC.com', the pattern wants '*.example.com'"
    ));
    assert!(
        d.assumptions
            .iter()
            .any(|a| a.id == "qm-sslpeer-client-reason")
    );
    let fix = d
        .fixes
        .iter()
        .find(|f| matches!(f.change, Some(Change::QmSslpeer { .. })))
        .unwrap();
    assert!(fix.detail.contains("ALTER CHANNEL(PL81N.MQICHL) CHLTYPE(SVRCONN) SSLPEER('CN=www.pulsarintegration.PL921WC.com, O=Pulsar Integration PL921WC Inc., ST=Chiba, C=JP')"), "{}", fix.detail);
    let fixed = apply(&case, &d, |c| matches!(c, Change::QmSslpeer { .. }));
    assert_eq!(fixed.outcome.reason_code, None, "{:#?}", fixed.steps);
}

#[test]
fn channel_sslpeer_matching_the_client_connects() {
    let d = predict(&with_mqsc(
        "SSLPEER('CN=www.pulsarintegration.PL921WC.com, C=JP')",
    ));
    assert_eq!(d.outcome.reason_code, None);
    assert_eq!(step(&d, "mq.qm_sslpeer").outcome, Outcome::Pass);
}

#[test]
fn certificate_problems_come_before_peer_names() {
    let mut case = example("server-revoked").unwrap();
    case.client.peer_name = Some("CN=nobody".into());
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, Some(2393));
    assert!(!d.steps.iter().any(|s| s.id == "mq.client_peer_name"));
}

#[test]
fn sslpeer_needs_a_client_certificate_even_when_sslcauth_is_optional() {
    let mut case = with_mqsc("SSLPEER('CN=*')");
    case.queue_manager.mqsc = case
        .queue_manager
        .mqsc
        .replace("SSLCAUTH(REQUIRED)", "SSLCAUTH(OPTIONAL)");
    case.client.certificate = None;
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, Some(2393));
    assert_eq!(d.outcome.client_log, ["AMQ9642E"]);
    assert_eq!(d.outcome.queue_manager_log, ["AMQ9637"]);
    assert_eq!(
        d.outcome.events,
        ["2371 MQRC_CHANNEL_SSL_ERROR (MQRQ_SSL_CLIENT_AUTH_ERROR)"]
    );
    // Without SSLPEER, OPTIONAL lets a client without a certificate in.
    case.queue_manager.sslpeer = Some(String::new());
    assert_eq!(predict(&case).outcome.reason_code, None);
}

#[test]
fn malformed_channel_sslpeer_is_a_finding_not_a_rejection() {
    let d = predict(&with_mqsc("SSLPEER('CN=QM1, ou=Payments')"));
    let lint = d.lint.iter().find(|l| l.id == "sslpeer-format").unwrap();
    assert!(
        lint.message
            .contains("column 9: attribute types must be uppercase: write OU"),
        "{}",
        lint.message
    );
    assert_eq!(d.outcome.reason_code, None);
    assert_eq!(step(&d, "mq.qm_sslpeer").outcome, Outcome::Skip);
}

#[test]
fn built_in_peer_name_cases_predict_both_sides() {
    let d = predict(&example("client-peer-name-mismatch").unwrap());
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(
        (
            d.outcome.reason_code,
            d.outcome.client_log,
            d.outcome.queue_manager_log
        ),
        (Some(2398), vec!["AMQ9636E".to_owned()], vec![])
    );
    let d = predict(&example("channel-sslpeer-mismatch").unwrap());
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(
        (
            d.outcome.reason_code,
            d.outcome.client_log,
            d.outcome.queue_manager_log,
            d.outcome.events
        ),
        (
            Some(2059),
            vec![],
            vec!["AMQ9636".to_owned()],
            vec!["2371 MQRC_CHANNEL_SSL_ERROR (MQRQ_SSL_PEER_NAME_ERROR)".to_owned()]
        )
    );
}
