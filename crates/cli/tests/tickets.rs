//! Hand-written tickets (testdata/tickets: different shapes, orders and amounts of information,
//! none made from the built-in cases) diagnosed as a support engineer would run mqocsp on them:
//! `mqocsp diagnose TICKET --json`. Each has the verdict a person reached by reading it (the
//! table below) and a golden of the whole diagnosis, reviewed by hand.

mod common;

use common::{golden, mqocsp};
use mqocsp_testkit::golden::assert_golden;
use serde_json::{Value, json};
use std::path::Path;

/// What a person concluded from each ticket: reason code (None: connects), the side whose check
/// fails or warns, and words the cause must contain.
const EXPECTED: &[(&str, Option<u32>, &str, &[&str])] = &[
    (
        "01-linux-client-responder-down",
        Some(2393),
        "client",
        &[
            "cannot reach",
            "http://ocsp.northwind.example:8080/",
            "mqprd01.northwind.example",
        ],
    ),
    (
        "02-windows-qm-responder-down",
        Some(2393),
        "queue_manager",
        &["cannot reach", "orders-svc"],
    ),
    (
        "03-server-revoked-with-ocsp-text",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    (
        "04-qm-log-only-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "05-warn-connects-asks-why",
        None,
        "client",
        &["WARN", "cannot reach"],
    ),
    (
        "06-logs-only-no-certificates",
        Some(2393),
        "client",
        &["cannot reach", "not pasted"],
    ),
    (
        "07-ini-says-warn-but-refused",
        Some(2393),
        "client",
        &["cannot reach", "REQUIRED"],
    ),
    (
        "08-kdb-suffix-on-93-revoked",
        Some(2393),
        "client",
        &["is revoked"],
    ),
    (
        "11-display-output-no-client-cert",
        Some(2393),
        "queue_manager",
        &["no certificate"],
    ),
    (
        "12-responder-answers-unknown",
        Some(2393),
        "client",
        &["answers unknown", "mqprd01.northwind.example"],
    ),
    (
        "09-kdb-suffix-on-92",
        Some(2381),
        "client",
        &["report.kdb", "MQ 9.2.0.4"],
    ),
    (
        "10-ccdt-peer-name-mismatch",
        Some(2398),
        "client",
        &["SSLPeerName", "Middleware"],
    ),
    (
        "13-spring-boot-jsse-network-error",
        Some(2397),
        "client",
        &["cannot reach", "JSSE"],
    ),
    (
        "14-java-ignores-mqclient-ini-ocsp",
        None,
        "none",
        &["checks no revocation", "cannot use the OCSP information"],
    ),
    (
        "15-java-revoked",
        Some(2397),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    (
        "16-two-queue-managers",
        Some(2393),
        "queue_manager",
        &["cannot reach", "orders-svc"],
    ),
    // The first of two MQAIR records is version 1: its URL is ignored, the AIA responder
    // (unreachable from the batch network) is asked.
    (
        "17-mqair-v1-first-of-two",
        Some(2393),
        "client",
        &[
            "cannot reach",
            "http://ocsp.northwind.example:8080/",
            "first MQAIR is version 1",
        ],
    ),
    (
        "18-uppercase-http-url",
        Some(2553),
        "client",
        &["HTTP://OCSP.NORTHWIND.EXAMPLE:8080/", "lowercase http://"],
    ),
    (
        "19-channel-sslpeer-wildcard",
        Some(2059),
        "queue_manager",
        &["SSLPEER", "orders-svc"],
    ),
    // Redacted values are unknown, not wrong: no 2553 for http://xxx.xxx.xxx.xxx:xxxx.
    (
        "20-redacted-everything",
        Some(2393),
        "client",
        &["is revoked", "http://xxx.xxx.xxx.xxx:xxxx"],
    ),
    (
        "21-japanese-client-responder-down",
        Some(2393),
        "client",
        &["cannot reach", "mqprd01.northwind.example"],
    ),
    (
        "22-japanese-qm-log-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "23-outlook-rewrapped-windows-crlf",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    // Only the reason code: several explanations fit, and the cause says it cannot choose.
    (
        "24-only-mqconnx-and-mqrc",
        Some(2393),
        "queue_manager",
        &["cannot tell", "explanations apart"],
    ),
    (
        "25-qm-log-only-responder-down",
        Some(2393),
        "queue_manager",
        &["cannot reach", "http://ocsp.northwind.example:8080/"],
    ),
    // The JMS portal connects (no revocation check in its JVM); the C job is the one that fails.
    (
        "26-java-and-c-clients-same-qm",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    (
        "27-s-client-showcerts-firewall",
        Some(2393),
        "client",
        &["cannot reach", "mqprd01.northwind.example"],
    ),
];

/// What is reviewed of a diagnosis: the cause and what it rests on, the predicted outcome.
fn reviewed(d: &Value) -> Value {
    let summaries = |list: &Value| -> Vec<Value> {
        list.as_array()
            .into_iter()
            .flatten()
            .map(|a| a["summary"].clone())
            .collect()
    };
    json!({
        "cause": d["cause"],
        "matches_observed": d["matches_observed"],
        "supposes": d["supposes"],
        "contradictions": d["contradictions"],
        "alternatives": summaries(&d["alternatives"]),
        "outcome": {
            "reason_code": d["outcome"]["reason_code"],
            "client_log": d["outcome"]["client_log"],
            "queue_manager_log": d["outcome"]["queue_manager_log"],
        },
        "observed": d["observed"],
    })
}

#[test]
fn every_ticket_gets_the_cause_a_person_found() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/tickets");
    let mut failures = Vec::new();
    for (name, reason, side, words) in EXPECTED {
        let path = dir.join(format!("{name}.txt"));
        let out = mqocsp([
            "diagnose",
            path.to_str().unwrap(),
            "--json",
            "--at",
            "2026-12-01T00:00:00Z",
        ]);
        let d: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{name}: not JSON ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let summary = d["cause"]["summary"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let got_reason = d["outcome"]["reason_code"].as_u64().map(|c| c as u32);
        let got_side = d["cause"]["side"].as_str().unwrap_or("none");
        let side_ok = got_side == *side || (reason.is_none() && got_side == "none");
        if got_reason != *reason || !side_ok || !words.iter().all(|w| summary.contains(w)) {
            failures.push(format!(
                "{name}: expected {reason:?} on {side} with {words:?}, got {got_reason:?} on {got_side}: {summary}"
            ));
        }
        let text = serde_json::to_string_pretty(&reviewed(&d)).unwrap() + "\n";
        assert_golden(&golden("tickets", &format!("{name}.json")), &text);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_ticket_on_standard_input_is_diagnosed_the_same() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/tickets/04-qm-log-only-client-revoked.txt");
    let from_file = mqocsp([
        "diagnose",
        path.to_str().unwrap(),
        "--json",
        "--at",
        "2026-12-01T00:00:00Z",
    ]);
    let text = std::fs::read(&path).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mqocsp"))
        .args(["diagnose", "-", "--json", "--at", "2026-12-01T00:00:00Z"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &text).unwrap();
    let from_stdin = child.wait_with_output().unwrap();
    assert_eq!(from_file.stdout, from_stdin.stdout);
}
