//! Every assumption a prediction relies on is shown (#16 item 11): each built-in case is
//! predicted, and every assumption its steps, logs and configuration reach must be listed.

use mqocsp_core::mq::config::QmTls;
use mqocsp_core::mq::examples::{example, examples};
use mqocsp_core::mq::predict::{ASSUMPTIONS, Diagnosis, predict};
use mqocsp_core::verify::trace::Outcome;

/// What in a diagnosis makes it rely on an assumption: its id and the test.
type Rule = (&'static str, fn(&Diagnosis, &Facts) -> bool);

/// What the case says, beyond the diagnosis.
struct Facts {
    qm_tls: QmTls,
    /// A Java client: its exception chain prints ids without letters (java-exception-chain).
    java: bool,
    mqair_records: usize,
}

fn step(d: &Diagnosis, id: &str) -> bool {
    d.steps.iter().any(|s| s.id == id)
}

fn failed(d: &Diagnosis, id: &str) -> bool {
    d.steps
        .iter()
        .any(|s| s.id == id && s.outcome == Outcome::Fail)
}

fn logged(d: &Diagnosis, id: &str) -> bool {
    d.client_log
        .iter()
        .chain(&d.queue_manager_log)
        .any(|l| l.id.starts_with(id))
}

const RULES: &[Rule] = &[
    // The client validated the queue manager's chain.
    ("eku-not-enforced", |d, _| step(d, "mq.client_chain")),
    ("java-exception-chain", |d, f| {
        f.java && d.outcome.reason_code == Some(2397)
    }),
    // A source without a definite answer sent MQ on to the next.
    ("revocation-fallthrough", |d, _| {
        d.steps
            .iter()
            .any(|s| s.explanation.contains("MQ goes on to the next source"))
    }),
    // An index-described responder answered (openssl ocsp -index sends no nextUpdate).
    ("next-update-absent", |d, _| {
        d.steps.iter().any(|s| {
            s.title == "Ask the OCSP responder"
                && (s.explanation.contains("answers good") || s.explanation.contains("revoked"))
                && !s.explanation.contains("supposed")
        })
    }),
    ("first-mqair-only", |d, f| {
        f.mqair_records > 1 && step(d, "mq.client_revocation")
    }),
    // A message id printed without a severity letter on a GSKit side.
    ("severity-letter-unknown", |d, f| {
        d.client_log
            .iter()
            .filter(|_| !f.java)
            .chain(
                d.queue_manager_log
                    .iter()
                    .filter(|_| f.qm_tls == QmTls::Gskit),
            )
            .any(|l| {
                l.id.starts_with("AMQ")
                    && l.id.ends_with(|c: char| c.is_ascii_digit())
                    && l.id != "AMQ9717"
            })
    }),
    ("warn-message-id", |d, _| logged(d, "AMQ9717")),
    ("own-check-validity", |d, _| {
        failed(d, "mq.client_own") || failed(d, "mq.qm_own") || logged(d, "AMQ9658")
    }),
    ("partner-of-local-failure", |d, _| {
        failed(d, "mq.client_own") || failed(d, "mq.qm_own")
    }),
    ("validation-error-575010", |d, _| {
        d.client_log
            .iter()
            .chain(&d.queue_manager_log)
            .any(|l| l.text.contains("575010"))
    }),
    ("openssl-qm-verify-error", |d, f| {
        f.qm_tls == QmTls::Openssl && failed(d, "mq.qm_chain")
    }),
    ("openssl-qm-alert", |d, _| {
        d.queue_manager_log
            .iter()
            .any(|l| l.text.contains("sslv3 alert bad certificate"))
    }),
    ("gskit-qm-alert", |d, f| {
        f.qm_tls == QmTls::Gskit && failed(d, "mq.client_chain")
    }),
    ("cipherspec-client-side", |d, _| {
        failed(d, "mq.qm_cipherspec")
    }),
    ("openssl-qm-revocation-scope", |d, f| {
        f.qm_tls == QmTls::Openssl && step(d, "mq.qm_revocation")
    }),
    ("openssl-qm-messages", |d, f| {
        f.qm_tls == QmTls::Openssl
            && d.queue_manager_log
                .iter()
                .any(|l| l.id != "AMQ9633" && l.id != "AMQ9716")
    }),
    ("chlauth-model", |d, _| {
        d.steps
            .iter()
            .any(|s| s.id == "mq.qm_chlauth" && s.explanation.contains("SSLPEERMAP) SSLPEER"))
    }),
    ("chlauth-client-2035", |d, _| failed(d, "mq.qm_chlauth")),
    ("client-peer-name-2398", |d, _| {
        failed(d, "mq.client_peer_name")
    }),
    ("qm-silent-on-client-abort", |d, _| {
        logged(d, "AMQ9716") && failed(d, "mq.client_policy")
    }),
];

fn facts(name: &str) -> Facts {
    let case = example(name).unwrap();
    let resolved = case.resolve();
    Facts {
        qm_tls: case.queue_manager.tls,
        java: case.client.kind == Some(mqocsp_core::mq::java::ClientKind::Java),
        mqair_records: resolved
            .client
            .effective_sco()
            .map_or(0, |s| s.auth_info_records.len()),
    }
}

fn missing(d: &Diagnosis, f: &Facts) -> Vec<&'static str> {
    RULES
        .iter()
        .filter(|(id, applies)| applies(d, f) && !d.assumptions.iter().any(|a| a.id == *id))
        .map(|(id, _)| *id)
        .collect()
}

#[test]
fn every_built_in_case_lists_the_assumptions_it_relies_on() {
    let mut failures = Vec::new();
    for (name, case) in examples() {
        let d = predict(&case);
        let lost = missing(&d, &facts(name));
        if !lost.is_empty() {
            failures.push(format!("{name}: relies on {lost:?} without listing it"));
        }
        for a in &d.assumptions {
            assert!(ASSUMPTIONS.iter().any(|b| b.id == a.id), "{name}: {}", a.id);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The two assumptions that were defined but never reported.
#[test]
fn first_mqair_only_and_next_update_absent_are_reported() {
    let d = predict(&example("good").unwrap());
    assert!(d.assumptions.iter().any(|a| a.id == "next-update-absent"));
    assert!(d.assumptions.iter().all(|a| a.id != "first-mqair-only"));
    let mut case = example("good").unwrap();
    case.client.mqcno = Some(mqocsp_core::mq::config::Mqcno {
        version: 4,
        sco: Some(mqocsp_core::mq::config::Mqsco {
            version: 1,
            key_repository: Some("key".into()),
            auth_info_records: vec![
                mqocsp_core::mq::config::Mqair {
                    version: 2,
                    auth_info_type: mqocsp_core::mq::config::AuthInfoType::MqaitOcsp,
                    ocsp_responder_url: Some(mqocsp_core::mq::examples::SERVER_RESPONDER.into()),
                    auth_info_conn_name: None,
                },
                mqocsp_core::mq::config::Mqair {
                    version: 2,
                    auth_info_type: mqocsp_core::mq::config::AuthInfoType::MqaitOcsp,
                    ocsp_responder_url: Some("http://backup.example.test/".into()),
                    auth_info_conn_name: None,
                },
            ],
            ..Default::default()
        }),
    });
    let d = predict(&case);
    assert!(
        d.assumptions.iter().any(|a| a.id == "first-mqair-only"),
        "{:?}",
        d.assumptions.iter().map(|a| a.id).collect::<Vec<_>>()
    );
}
