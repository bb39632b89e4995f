//! `mqocsp decode` as a user runs it: the real binary, real files, real openssl.

use mqocsp_testkit::golden::assert_golden;
use mqocsp_testkit::openssl::{OpensslCa, SERVER_EXTENSIONS};
use mqocsp_testkit::scratch::ScratchDir;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::mqocsp;

fn golden(name: &str) -> PathBuf {
    common::golden("cli", name)
}

/// The seed's queue manager certificate inside e-mail text. The seed's PKI is built with fixed
/// keys and times, so the output is byte-for-byte stable.
fn ticket_paste(dir: &ScratchDir) -> PathBuf {
    let server = mqocsp_testkit::fixtures::seed().queue_manager;
    dir.write(
        "ticket.txt",
        format!("Dear support,\nthe QM presents:\n{}\nThanks.\n", server.pem),
    )
}

#[test]
fn decode_json_matches_golden_and_exits_0() {
    let dir = ScratchDir::new("cli-json");
    let out = mqocsp(["decode", ticket_paste(&dir).to_str().unwrap(), "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_golden(
        &golden("decode-ticket.json"),
        &String::from_utf8(out.stdout).unwrap(),
    );
}

#[test]
fn decode_text_matches_golden() {
    let dir = ScratchDir::new("cli-text");
    let out = mqocsp(["decode", ticket_paste(&dir).to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_golden(
        &golden("decode-ticket.txt"),
        &String::from_utf8(out.stdout).unwrap(),
    );
}

#[test]
fn partly_broken_paste_exits_1_and_still_prints_what_decoded() {
    let dir = ScratchDir::new("cli-partial");
    let good = std::fs::read_to_string(ticket_paste(&dir)).unwrap();
    let file = dir.write(
        "partial.txt",
        format!("{good}\n-----BEGIN CERTIFICATE-----\nMIIB%%\n-----END CERTIFICATE-----\n"),
    );
    let out = mqocsp(["decode", file.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["objects"].as_array().unwrap().len(), 1);
    assert_eq!(json["problems"][0]["at"]["column"], 5);
    assert!(
        json["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("'%' is not a base64")
    );
}

#[test]
fn nothing_decodable_exits_2_and_unreadable_file_says_which() {
    let dir = ScratchDir::new("cli-nothing");
    let file = dir.write("words.txt", "no certificates here");
    assert_eq!(
        mqocsp(["decode", file.to_str().unwrap()]).status.code(),
        Some(2)
    );
    let missing = dir.path().join("missing.pem");
    let out = mqocsp(["decode", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.pem"));
}

#[test]
fn decode_reads_standard_input() {
    use std::io::Write as _;
    let dir = ScratchDir::new("cli-stdin");
    let paste = std::fs::read(ticket_paste(&dir)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mqocsp"))
        .args(["decode", "-", "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&paste).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["objects"][0]["kind"], "certificate");
}

/// mqocsp and openssl must agree on a certificate openssl made.
#[test]
fn fields_agree_with_openssl() {
    let mut ca = OpensslCa::root("cli-openssl", "/C=JP/O=Pulsar Integration Inc./CN=winca");
    let subject =
        "/C=JP/ST=Chiba/O=Pulsar Integration PL921WC Inc./CN=www.pulsarintegration.PL921WC.com";
    let cert = ca.issue("client", subject, 0x0a1b2c, SERVER_EXTENSIONS);
    let openssl = ca.openssl_text(&[
        "x509",
        "-noout",
        "-nameopt",
        "RFC2253",
        "-subject",
        "-issuer",
        "-serial",
        "-dateopt",
        "iso_8601",
        "-startdate",
        "-enddate",
        "-in",
        "client.pem",
    ]);
    let value = |key: &str| {
        openssl
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("{key} missing from openssl output:\n{openssl}"))
            .to_owned()
    };
    let out = mqocsp(["decode", cert.to_str().unwrap(), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ours = &json["objects"][0];
    assert_eq!(ours["subject"]["rfc4514"], value("subject"));
    assert_eq!(ours["issuer"]["rfc4514"], value("issuer"));
    assert_eq!(ours["serial"], value("serial").to_lowercase());
    // openssl's iso_8601 form is "2026-11-26 14:00:00Z"; ours is RFC 3339.
    assert_eq!(ours["not_before"], value("notBefore").replace(' ', "T"));
    assert_eq!(ours["not_after"], value("notAfter").replace(' ', "T"));
}

/// Every fixture of the seed's PKI, decoded as text, as text with the DER tree, and as JSON,
/// matches its golden file.
#[test]
fn fixtures_match_golden_text_json_and_asn1() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/fixtures");
    for (name, _) in mqocsp_testkit::fixtures::files() {
        let file = fixtures.join(name);
        let stem = name.trim_end_matches(".pem");
        let file = file.to_str().unwrap();
        let at = "--at=2022-02-02T16:46:35Z";
        for (suffix, extra) in [
            ("txt", None),
            ("asn1.txt", Some("--asn1")),
            ("json", Some("--json")),
        ] {
            let mut args = vec!["decode", file, at];
            args.extend(extra);
            let out = mqocsp(&args);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{name}: {}",
                String::from_utf8_lossy(&out.stdout)
            );
            assert_golden(
                &golden(&format!("{stem}.{suffix}")),
                &String::from_utf8(out.stdout).unwrap(),
            );
        }
    }
}

/// Golden traces for representative verifications of the seed's PKI (text and JSON), with the
/// exit code each must give.
#[test]
fn verification_traces_match_golden() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/fixtures");
    let f = |name: &str| fixtures.join(name).to_str().unwrap().to_owned();
    let at = "--at=2022-02-02T16:46:35Z".to_owned();
    let cases: Vec<(&str, Vec<String>, i32)> = vec![
        (
            "chain-queue-manager-valid",
            vec![
                "verify-chain".into(),
                "--cert".into(),
                f("queue-manager.pem"),
                "--trust".into(),
                f("server-ca.pem"),
                at.clone(),
            ],
            0,
        ),
        (
            "chain-queue-manager-wrong-trust",
            vec![
                "verify-chain".into(),
                "--cert".into(),
                f("queue-manager.pem"),
                "--trust".into(),
                f("client-ca.pem"),
                at.clone(),
            ],
            1,
        ),
        (
            "chain-client-as-client",
            vec![
                "verify-chain".into(),
                "--cert".into(),
                f("client.pem"),
                "--trust".into(),
                f("client-ca.pem"),
                "--purpose".into(),
                "client".into(),
                at.clone(),
            ],
            0,
        ),
        (
            "ocsp-queue-manager-revoked-gskit",
            vec![
                "verify-ocsp".into(),
                "--response".into(),
                f("ocsp-queue-manager-revoked.pem"),
                "--issuer".into(),
                f("server-ca.pem"),
                "--cert".into(),
                f("queue-manager.pem"),
                "--profile".into(),
                "gskit".into(),
                at.clone(),
            ],
            1,
        ),
        (
            "ocsp-queue-manager-good-rfc6960",
            vec![
                "verify-ocsp".into(),
                "--response".into(),
                f("ocsp-queue-manager-good.pem"),
                "--issuer".into(),
                f("server-ca.pem"),
                "--cert".into(),
                f("queue-manager.pem"),
                at.clone(),
            ],
            0,
        ),
        (
            "ocsp-client-answer-for-queue-manager",
            vec![
                "verify-ocsp".into(),
                "--response".into(),
                f("ocsp-client-good.pem"),
                "--issuer".into(),
                f("server-ca.pem"),
                "--cert".into(),
                f("queue-manager.pem"),
                at.clone(),
            ],
            1,
        ),
    ];
    for (name, args, code) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let text = mqocsp(&args);
        assert_eq!(
            text.status.code(),
            Some(code),
            "{name}: {}",
            String::from_utf8_lossy(&text.stderr)
        );
        assert_golden(
            &golden(&format!("trace-{name}.txt")),
            &String::from_utf8(text.stdout).unwrap(),
        );
        let mut json_args = args.clone();
        json_args.push("--json");
        let json = mqocsp(&json_args);
        assert_eq!(json.status.code(), Some(code));
        assert_golden(
            &golden(&format!("trace-{name}.json")),
            &String::from_utf8(json.stdout).unwrap(),
        );
    }
}

#[test]
fn unusable_verify_input_exits_2() {
    let dir = ScratchDir::new("cli-verify-2");
    let words = dir.write("words.txt", "nothing here");
    let out = mqocsp([
        "verify-chain",
        "--cert",
        words.to_str().unwrap(),
        "--trust",
        words.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("words.txt: nothing could be decoded"));
}

#[test]
fn ocsp_responses_that_say_nothing_usable_exit_1_and_still_show() {
    let dir = ScratchDir::new("cli-ocsp-problems");
    use mqocsp_testkit::der::{enumerated, explicit, octets, oid, seq};
    // A successful response whose responseType is not id-pkix-ocsp-basic.
    let other_type = seq(&[
        enumerated(0),
        explicit(
            0,
            &seq(&[oid("1.3.6.1.5.5.7.48.1.99"), octets(&[0x05, 0x00])]),
        ),
    ]);
    // successful (0) without responseBytes; an undefined status (4); an unknown type.
    for (name, der, says) in [
        (
            "no-bytes.der",
            mqocsp_testkit::ocsp::status_only(0),
            "responseBytes is absent",
        ),
        (
            "status-4.der",
            mqocsp_testkit::ocsp::status_only(4),
            "does not define",
        ),
        ("other-type.der", other_type, "only id-pkix-ocsp-basic"),
    ] {
        let file = dir.write(name, der);
        let out = mqocsp(["decode", "--json", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["objects"][0]["kind"], "ocsp_response", "{name}");
        let problems = json["problems"].to_string();
        assert!(problems.contains(says), "{name}: {problems}");
    }
}

#[test]
fn verify_ocsp_max_age_refuses_a_response_older_than_the_policy() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/fixtures");
    let f = |name: &str| fixtures.join(name).display().to_string();
    // The fixture's thisUpdate is before the evaluation time; a 1-second policy refuses it, a
    // policy of years accepts it (as `openssl ocsp -status_age`).
    for (max_age, code, outcome) in [("1", 1, "fail"), ("100000000", 0, "pass")] {
        let out = mqocsp([
            "verify-ocsp",
            "--json",
            "--response",
            &f("ocsp-queue-manager-good.pem"),
            "--issuer",
            &f("server-ca.pem"),
            "--cert",
            &f("queue-manager.pem"),
            "--at=2022-02-02T16:46:35Z",
            "--max-age",
            max_age,
        ]);
        assert_eq!(out.status.code(), Some(code), "--max-age {max_age}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let step = json["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "ocsp.max_age")
            .expect("a max-age step");
        assert_eq!(step["outcome"], outcome, "--max-age {max_age}");
    }
}
