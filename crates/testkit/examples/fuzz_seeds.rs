//! Writes the seed corpus for every fuzz target (`scripts/fuzz` runs it):
//! `cargo run -p mqocsp-testkit --example fuzz_seeds -- fuzz/corpus`.
//!
//! DER seeds come from a real openssl CA made on the spot (a CA, a server certificate with AIA,
//! a revoked one, a delegated responder, a CRL, OCSP requests with and without nonce, responses
//! good/revoked/unknown, signed by the CA and by the delegated responder); text seeds come from
//! the built-in cases (their configuration texts, error logs, index.txt rows, the case JSON and its
//! share link).

use mqocsp_core::mq::examples::examples;
use mqocsp_core::mq::share;
use mqocsp_testkit::openssl::{Answer, OpensslCa, RESPONDER_EXTENSIONS, SERVER_EXTENSIONS};
use std::path::{Path, PathBuf};

static WRITTEN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn write(out: &Path, target: &str, name: &str, bytes: &[u8]) {
    WRITTEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = out.join(target);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    std::fs::write(dir.join(name), bytes)
        .unwrap_or_else(|e| panic!("writing {target}/{name}: {e}"));
}

fn der_of_pem(pem: &str) -> Vec<u8> {
    mqocsp_core::decode(pem)
        .objects
        .into_iter()
        .next()
        .map(|o| o.der)
        .unwrap_or_else(|| panic!("no object in openssl's PEM"))
}

fn pss_seeds() -> Vec<(String, Vec<u8>)> {
    let mut ca = OpensslCa::root_rsa_pss("fuzz-seeds-pss", "/CN=PSS");
    let leaf = ca.issue("leaf", "/CN=pss-leaf.example.test", 2, SERVER_EXTENSIONS);
    let request = ca.request(&leaf, false);
    let response = ca.respond(&request, &Answer::default());
    let pem = std::fs::read_to_string(ca.cert_path())
        .unwrap_or_else(|e| panic!("reading the PSS CA: {e}"));
    vec![
        ("pss.der".to_owned(), der_of_pem(&pem)),
        ("pss-response.der".to_owned(), response),
    ]
}

/// Names and subtrees in the `name_constraints` target's line format.
const NAME_CONSTRAINT_SEEDS: &[(&str, &str)] = &[
    (
        "forms.txt",
        "dns:qm1.example.com\ndns:*.example.com\nip:10.1.2.3\nemail:mq@example.com\nuri:https://qm1.example.com:1414/\n+dns:example.com\n+range:10.0.0.0/255.0.0.0\n-dns:bad.example.com\n+email:.example.com\n-uri:evil.example.com\n",
    ),
    (
        "ipv6.txt",
        "ip:2001:db8::1\n+range:2001:db8::/ffff:ffff::\n-range:10.0.0.0/255.0.0.0\n",
    ),
];

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fuzz/corpus".into()),
    );
    for (name, text) in NAME_CONSTRAINT_SEEDS {
        write(&out, "name_constraints", name, text.as_bytes());
    }
    let mut ca = OpensslCa::root("fuzz-seeds", "/C=AU/O=Pulsar/CN=Fuzz Seed CA");
    let qm = ca.issue(
        "qm",
        "/C=AU/O=Pulsar/CN=qm1.example.com",
        1,
        SERVER_EXTENSIONS,
    );
    let revoked = ca.issue(
        "old",
        "/C=AU/O=Pulsar/CN=old.example.com",
        2,
        SERVER_EXTENSIONS,
    );
    let responder = ca.issue(
        "responder",
        "/C=AU/O=Pulsar/CN=OCSP responder",
        3,
        RESPONDER_EXTENSIONS,
    );
    ca.revoke(2, "210929080911Z", Some("keyCompromise"));

    let mut der_seeds: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, path) in [
        ("ca", ca.cert_path()),
        ("qm", qm.clone()),
        ("revoked", revoked.clone()),
        ("responder", responder.clone()),
    ] {
        let pem = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {name}: {e}"));
        write(
            &out,
            "input_detection",
            &format!("{name}.pem"),
            pem.as_bytes(),
        );
        let der = der_of_pem(&pem);
        write(&out, "certificate", &format!("{name}.der"), &der);
        // A bag for path building: this certificate first, then the CA.
        let ca_pem = std::fs::read_to_string(ca.cert_path())
            .unwrap_or_else(|e| panic!("reading the CA: {e}"));
        write(
            &out,
            "path_building",
            &format!("{name}-chain.pem"),
            format!("{pem}{ca_pem}").as_bytes(),
        );
        der_seeds.push((format!("{name}.der"), der));
    }
    // RSASSA-PSS, as OpenSSL 3.0 signs it by default (the longest salt): a self-signed
    // certificate and a response about itself that it signs.
    for (name, der) in pss_seeds() {
        let target = if name.starts_with("pss-response") {
            "ocsp_response"
        } else {
            "certificate"
        };
        write(&out, target, &name, &der);
        der_seeds.push((name, der));
    }
    let crl = ca.crl();
    write(&out, "crl", "crl.der", &crl);
    der_seeds.push(("crl.der".into(), crl));

    let delegated = Answer {
        signer: Some((responder.clone(), ca.dir().join("responder.key"))),
        ..Answer::default()
    };
    let by_key = Answer {
        by_key: true,
        next_update_days: Some(1),
        ..Answer::default()
    };
    for (cert_name, cert) in [("qm", &qm), ("revoked", &revoked)] {
        for nonce in [true, false] {
            let request = ca.request(cert, nonce);
            let req_name = format!("{cert_name}-nonce-{nonce}.der");
            write(&out, "ocsp_request", &req_name, &request);
            for (answer_name, answer) in [
                ("ca", &Answer::default()),
                ("delegated", &delegated),
                ("by-key", &by_key),
            ] {
                let response = ca.respond(&request, answer);
                let name = format!("{cert_name}-{answer_name}-nonce-{nonce}.der");
                write(&out, "ocsp_response", &name, &response);
                der_seeds.push((name, response));
            }
            der_seeds.push((req_name, request));
        }
    }
    // The DER tree and detection see every kind of object, the latter also as base64 and hex.
    for (name, der) in &der_seeds {
        write(&out, "der_tree", name, der);
        write(
            &out,
            "input_detection",
            &format!("{name}.hex"),
            mqocsp_core::hex::lower(der).as_bytes(),
        );
    }
    write(
        &out,
        "index_txt",
        "openssl-ca.txt",
        ca.read_text("index.txt").as_bytes(),
    );

    for (name, case) in examples() {
        write(
            &out,
            "case_import",
            &format!("{name}.json"),
            case.to_json().as_bytes(),
        );
        write(
            &out,
            "case_import",
            &format!("{name}.link"),
            share::pack(&case).as_bytes(),
        );
        write(
            &out,
            "input_detection",
            &format!("{name}.txt"),
            case.material.as_bytes(),
        );
        write(
            &out,
            "ini",
            &format!("{name}-client.ini"),
            case.client.mqclient_ini.as_bytes(),
        );
        write(
            &out,
            "ini",
            &format!("{name}-qm.ini"),
            case.queue_manager.qm_ini.as_bytes(),
        );
        write(
            &out,
            "mqsc",
            &format!("{name}.mqsc"),
            case.queue_manager.mqsc.as_bytes(),
        );
        write(
            &out,
            "error_log",
            &format!("{name}-client.log"),
            case.client.error_log.as_bytes(),
        );
        write(
            &out,
            "error_log",
            &format!("{name}-qm.log"),
            case.queue_manager.error_log.as_bytes(),
        );
        if let Some(line) = &case.client.command_line {
            write(&out, "cmdline", &format!("{name}.txt"), line.as_bytes());
        }
        if let Some(ccdt) = &case.client.ccdt_json {
            write(&out, "ccdt", &format!("{name}.json"), ccdt.as_bytes());
        }
        for (i, responder) in case.responders.iter().enumerate() {
            if let Some(index) = &responder.index {
                write(
                    &out,
                    "index_txt",
                    &format!("{name}-{i}.txt"),
                    index.as_bytes(),
                );
            }
        }
    }
    // Targets no example fills get a minimal hand-written seed.
    write(
        &out,
        "ccdt",
        "minimal.json",
        br#"{"channel":[{"name":"PL81N.MQICHL","type":"clientConnection","clientConnection":{"connection":[{"host":"qm1.example.com","port":1414}],"queueManager":"PL81N"},"transmissionSecurity":{"cipherSpecification":"ANY_TLS12_OR_HIGHER"}}]}"#,
    );
    write(&out, "cmdline", "minimal.txt", b"mqpgfc -qm PL81N -ch PL81N.MQICHL -x qm1.example.com(1414) -cs ANY_TLS12 -ru http://ocsp.example.com:2560/ -q Q1");
    // Peer names: IBM's example with ordered repeats and a wildcard, quotes, aliases.
    write(&out, "cmdline", "peer-name.txt", br#"mqpgfc -qm QM1 -ch QM1.SVRCONN -x qm1.example.com(1414) -cs ANY_TLS12 -cp "CN=QMGR.*, OU=IBM, OU=WEBSPHERE; MAIL=a@b.c""#);
    write(
        &out,
        "ccdt",
        "peer-name.json",
        br#"{"channel":[{"name":"QM1.SVRCONN","type":"clientConnection","clientConnection":{"connection":[{"host":"qm1.example.com","port":1414}],"queueManager":"QM1"},"transmissionSecurity":{"cipherSpecification":"ANY_TLS12_OR_HIGHER","certificatePeerName":"SERIALNUMBER=78:40:26:54:E5:D4:80:E4, CN=QM1, O="Acme, Inc.""}}]}"#,
    );
    write(&out, "mqsc", "sslpeer.mqsc", b"DEFINE CHANNEL(QM1.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12) SSLCAUTH(OPTIONAL) +\n  SSLPEER('CN=*.example.com, OU=Payments, OU=EMEA, SP=\"Here, there\"')\n");
    println!(
        "fuzz seeds: {} files written under {}",
        WRITTEN.load(std::sync::atomic::Ordering::Relaxed),
        out.display()
    );
}
