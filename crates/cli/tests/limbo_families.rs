//! `mqocsp verify-chain` (rfc5280 profile) against `openssl verify -x509_strict` on chains shaped
//! like the x509-limbo path-validation suite's (C2SP/x509-limbo: its `Builder` defaults, its
//! harness inputs and its rule families), generated here with the real `openssl`.
//!
//! A limbo testcase gives `trusted_certs`, `untrusted_intermediates`, `peer_certificate`,
//! `validation_time`, `expected_peer_name`, `extended_key_usage`, `max_chain_depth`, `crls` and
//! `expected_result`; each maps onto one `verify-chain` flag (see [`Case::mqocsp_args`]) and onto
//! the options limbo's own openssl harness sets (`-x509_strict`, `-partial_chain`,
//! `-auth_level 2`, `-verify_hostname`, `-verify_depth`, `-crl_check_all`). Every case states the
//! verdict RFC 5280 (or, where it says, the CA/B Forum Baseline Requirements) asks for; mqocsp
//! must give it, and openssl must too unless the case names why it does not.

use limbo::{cases, concat, make, make_crl, openssl};
use mqocsp_testkit::scratch::ScratchDir;
use std::time::{Duration, Instant};

mod common;
mod limbo;

#[test]
fn limbo_shaped_families_agree_with_openssl_x509_strict_or_name_why_not() {
    let mut wrong = Vec::new();
    // The slowest case, printed as a figure (limbo's own harness allows a case one second; work
    // is bounded by verify::budget's counted steps, so no assertion here depends on the clock).
    let mut slowest = (Duration::ZERO, "");
    for case in cases() {
        let scratch = ScratchDir::new(&format!("limbo-{}", case.name));
        let dir = scratch.path();
        for cert in &case.certs {
            make(dir, cert);
        }
        concat(dir, "trusted.pem", case.trusted);
        concat(dir, "untrusted.pem", case.untrusted);
        let crls: Vec<String> = case
            .crls
            .iter()
            .enumerate()
            .map(|(i, crl)| make_crl(dir, i, crl))
            .collect();
        let started = Instant::now();
        let out = common::mqocsp(case.mqocsp_args(dir, &crls));
        let took = started.elapsed();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
            panic!(
                "{}: no JSON: {}{}",
                case.name,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let ours = json["verdict"] == "valid";
        let code = out.status.code();
        if code != Some(if ours { 0 } else { 1 }) {
            wrong.push(format!("{}: verdict {ours} but exit {code:?}", case.name));
        }
        if took > slowest.0 {
            slowest = (took, case.name);
        }
        let args = case.openssl_args(dir, &crls);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let theirs = openssl(dir, &refs);
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&theirs.stdout),
            String::from_utf8_lossy(&theirs.stderr)
        );
        let theirs = theirs.status.success();
        if ours != case.valid {
            let failure = json["steps"]
                .as_array()
                .and_then(|steps| steps.iter().find(|s| s["outcome"] == "fail"))
                .map(|s| format!("{} — {}", s["title"], s["explanation"]))
                .unwrap_or_default();
            wrong.push(format!(
                "{}: mqocsp says valid={ours}, the rules say {} ({failure})",
                case.name, case.valid
            ));
        }
        match case.openssl_differs {
            None if theirs != case.valid => wrong.push(format!(
                "{}: openssl says valid={theirs} ({}) without a named reason",
                case.name,
                said.trim().replace('\n', " | ")
            )),
            Some(why) if theirs == case.valid => wrong.push(format!(
                "{}: openssl now agrees; drop the named difference ({why})",
                case.name
            )),
            _ => {}
        }
    }
    println!(
        "slowest case: {} in {:?}, mqocsp's process start included",
        slowest.1, slowest.0
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
