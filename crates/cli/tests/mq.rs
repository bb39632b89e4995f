//! `mqocsp diagnose`, `examples`, `mqrc` and `sni` as a user runs them.

use mqocsp_testkit::golden::assert_golden;
use mqocsp_testkit::scratch::ScratchDir;
use std::path::PathBuf;

mod common;
use common::mqocsp;

fn golden(name: &str) -> PathBuf {
    common::golden("diagnose", name)
}

fn names() -> Vec<String> {
    let out = mqocsp(["examples", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_owned())
        .collect()
}

/// Every built-in case, diagnosed as text and JSON, matches its golden file.
#[test]
fn every_example_diagnosis_matches_golden() {
    let names = names();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        let text = mqocsp(["diagnose", "--example", &name]);
        assert_eq!(
            text.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&text.stderr)
        );
        assert_golden(
            &golden(&format!("{name}.txt")),
            &String::from_utf8(text.stdout).unwrap(),
        );
        let json = mqocsp(["diagnose", "--example", &name, "--json"]);
        assert_golden(
            &golden(&format!("{name}.json")),
            &String::from_utf8(json.stdout).unwrap(),
        );
    }
}

#[test]
fn a_case_file_from_examples_diagnoses_the_same() {
    let dir = ScratchDir::new("cli-case");
    let case = mqocsp(["examples", "server-revoked"]);
    let file = dir.write("case.json", &case.stdout);
    let from_file = mqocsp(["diagnose", file.to_str().unwrap(), "--json"]);
    let builtin = mqocsp(["diagnose", "--example", "server-revoked", "--json"]);
    assert_eq!(from_file.stdout, builtin.stdout);
    let json: serde_json::Value = serde_json::from_slice(&from_file.stdout).unwrap();
    assert_eq!(json["outcome"]["connected"], false);
    assert_eq!(json["outcome"]["reason_code"], 2393);
    assert_eq!(
        json["outcome"]["reason_name"],
        "MQRC_SSL_INITIALIZATION_ERROR"
    );
    assert_eq!(json["outcome"]["client_log"][0], "AMQ9633E");
    let broken = dir.write("broken.json", "{\"format\": \"something-else\"}");
    let out = mqocsp(["diagnose", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.json"));
}

#[test]
fn mqrc_explains_codes_and_messages() {
    let out = String::from_utf8(mqocsp(["mqrc", "2393"]).stdout).unwrap();
    assert!(
        out.starts_with("2393 0x00000959 MQRC_SSL_INITIALIZATION_ERROR"),
        "{out}"
    );
    let out = String::from_utf8(mqocsp(["mqrc", "AMQ9716E"]).stdout).unwrap();
    assert!(
        out.contains("Remote SSL certificate revocation status check failed"),
        "{out}"
    );
    assert_eq!(mqocsp(["mqrc", "12345"]).status.code(), Some(2));
}

#[test]
fn sni_prints_the_mangled_channel_name() {
    let out = mqocsp(["sni", "TO.QMGR1"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "to2e-qmgr1.chl.mq.ibm.com\n"
    );
    let out = mqocsp(["sni", "to.qmgr"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("OpenShift route"));
}

#[test]
fn explain_log_reads_the_seeds_client_log() {
    let dir = ScratchDir::new("cli-log");
    let file = dir.write("amqerr.txt", "[2022/02/02 15:23:38.532] MQCONNX start qmgr:PL81N\n[2022/02/02 15:23:59.409] MQCONNX stop hcon:-1 qmgr:PL81N CompCd=02 ReasonCd=2393\n----- amqcrhna.c : 785 ----\nAMQ9665E: SSL connection closed by remote end of channel 'PL81N.MQICHL'\n");
    let out = String::from_utf8(mqocsp(["explain-log", file.to_str().unwrap()]).stdout).unwrap();
    assert!(
        out.contains("line 2: reason code 2393 MQRC_SSL_INITIALIZATION_ERROR"),
        "{out}"
    );
    assert!(
        out.contains("line 4: AMQ9665E on channel 'PL81N.MQICHL'"),
        "{out}"
    );
    assert!(out.contains("read the partner's error log"), "{out}");
    assert!(out.contains("2022-02-02T15:23:38Z"), "{out}");
}

#[test]
fn explain_log_reads_a_quoted_twelve_hour_queue_manager_entry() {
    let dir = ScratchDir::new("cli-log-qm");
    let file = dir.write("amqerr.txt", "> 11/30/2026 04:40:12 PM - Process(31337.6) User(mqm) Program(amqrmppa)\r\n>                     Host(qm01) Installation(Installation1)\r\n>                     VRMF(9.3.0.5) QMgr(PL81N)\r\n>                     CommentInsert1(PL81N.MQICHL)\r\n> \r\n> AMQ9633E: Bad SSL certificate for channel 'PL81N.MQICHL'.\r\n");
    let out = String::from_utf8(mqocsp(["explain-log", file.to_str().unwrap()]).stdout).unwrap();
    assert!(
        out.contains("line 6: AMQ9633E on channel 'PL81N.MQICHL'"),
        "{out}"
    );
    assert!(
        out.contains("written at 2026-11-30T16:40:12Z (local time taken as UTC"),
        "{out}"
    );
    assert!(
        out.contains("program amqrmppa, host qm01, queue manager PL81N, MQ version 9.3.0.5"),
        "{out}"
    );
    assert!(
        out.contains("written by the queue manager: the header names a queue manager: QMgr(PL81N)"),
        "{out}"
    );
    assert!(out.contains("comment inserts: PL81N.MQICHL"), "{out}");
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    // `mqocsp diagnose … | head -1`: the pipe closes after the first line; the rest of the
    // output meets a broken pipe, which must end the program without a panic.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mqocsp"))
        .args(["diagnose", "--example", "client-revoked"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("mqocsp runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("mqocsp ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}
