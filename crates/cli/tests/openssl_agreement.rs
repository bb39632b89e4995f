//! mqocsp and `openssl` must agree on the same objects: OCSP responses and requests made by the
//! real `openssl ocsp`, CRLs from `openssl ca -gencrl`, PKCS #7 bundles from `crl2pkcs7`, and
//! certificates with every common extension. Each object is fed to `mqocsp decode` as a file, the
//! way a user hands it over.

use mqocsp_testkit::openssl::{
    Answer, OpensslCa, RESPONDER_EXTENSIONS, SERVER_EXTENSIONS, rfc3339_from_openssl, values,
};
use serde_json::Value;
use std::ffi::OsStr;
use std::path::Path;

mod common;

fn decode(path: &Path) -> Value {
    common::mqocsp_json([OsStr::new("decode"), OsStr::new("--json"), path.as_os_str()])
}

const CA_SUBJECT: &str =
    "/C=AU/ST=Sydney/O=Pulsar Integration SD Inc./CN=www.sd.pulsarintegration.com";
const QM_SUBJECT: &str =
    "/C=AU/ST=Sydney/O=Pulsar Integration PL81NA Inc./CN=www.sd.pulsarintegration.PL81N.com";

/// The seed's server-side CA: two queue manager certificates, serial 01 revoked.
fn seed_ca() -> OpensslCa {
    let mut ca = OpensslCa::root("agree", CA_SUBJECT);
    ca.issue("qm", QM_SUBJECT, 1, SERVER_EXTENSIONS);
    ca.issue(
        "qm-ec",
        "/C=AU/O=Pulsar Integration PL81NA Inc./CN=ec.example.test",
        2,
        SERVER_EXTENSIONS,
    );
    ca.revoke(1, "210929080911Z", Some("keyCompromise"));
    ca
}

fn lower(text: &str) -> String {
    text.to_lowercase().replace(':', "")
}

#[test]
fn ocsp_response_statuses_reasons_and_times_agree() {
    let ca = seed_ca();
    let cases = [
        ("qm.pem", Answer::default()),
        (
            "qm-ec.pem",
            Answer {
                next_update_days: Some(1),
                by_key: true,
                ..Answer::default()
            },
        ),
    ];
    for (cert, answer) in cases {
        let response = ca.respond(&ca.request(&ca.dir().join(cert), true), &answer);
        let file = ca.dir().join(format!("{cert}.resp.der"));
        std::fs::write(&file, &response).unwrap();
        let text = ca.openssl_text(&[
            "ocsp",
            "-respin",
            file.to_str().unwrap(),
            "-resp_text",
            "-noverify",
        ]);
        let json = decode(&file);
        let ours = &json["objects"][0];
        assert_eq!(ours["kind"], "ocsp_response", "{cert}");
        assert_eq!(ours["source"]["format"], "der");
        assert_eq!(ours["response_status"], "successful");
        let basic = &ours["basic"];
        let single = &basic["responses"][0];
        assert_eq!(
            single["cert_status"]["status"],
            values(&text, "Cert Status")[0],
            "{cert}"
        );
        assert_eq!(
            single["cert_id"]["serial"],
            lower(values(&text, "Serial Number")[0])
        );
        assert_eq!(
            single["cert_id"]["issuer_name_hash"],
            lower(values(&text, "Issuer Name Hash")[0])
        );
        assert_eq!(
            single["cert_id"]["issuer_key_hash"],
            lower(values(&text, "Issuer Key Hash")[0])
        );
        assert_eq!(
            single["cert_id"]["hash_algorithm"]["name"],
            values(&text, "Hash Algorithm")[0]
        );
        assert_eq!(
            basic["produced_at"],
            rfc3339_from_openssl(values(&text, "Produced At")[0])
        );
        assert_eq!(
            single["this_update"],
            rfc3339_from_openssl(values(&text, "This Update")[0])
        );
        match values(&text, "Next Update").first() {
            Some(next) => assert_eq!(single["next_update"], rfc3339_from_openssl(next)),
            None => assert!(single["next_update"].is_null()),
        }
        if let Some(time) = values(&text, "Revocation Time").first() {
            assert_eq!(single["cert_status"]["time"], rfc3339_from_openssl(time));
            let reason = values(&text, "Revocation Reason")[0];
            assert!(
                reason.starts_with(single["cert_status"]["reason"].as_str().unwrap()),
                "{reason}"
            );
        }
        assert!(
            text.contains(&basic["nonce"].as_str().unwrap().to_uppercase()),
            "nonce {basic}"
        );
        let embedded = &basic["certificates"][0];
        assert_eq!(
            embedded["subject"]["rfc4514"],
            "CN=www.sd.pulsarintegration.com,O=Pulsar Integration SD Inc.,ST=Sydney,C=AU"
        );
        let by_key = values(&text, "Responder Id")[0];
        match basic["responder_id"]["by"].as_str().unwrap() {
            "key" => assert_eq!(lower(by_key), basic["responder_id"]["key_hash"]),
            _ => assert_eq!(
                by_key,
                "C = AU, ST = Sydney, O = Pulsar Integration SD Inc., CN = www.sd.pulsarintegration.com"
            ),
        }
    }
}

#[test]
fn unknown_serial_and_delegated_responder_agree() {
    let mut ca = seed_ca();
    let responder = ca.issue(
        "responder",
        "/C=AU/O=Pulsar Integration SD Inc./CN=OCSP Responder",
        9,
        RESPONDER_EXTENSIONS,
    );
    let stranger = OpensslCa::root("agree-other", "/CN=Another CA");
    let mut stranger = stranger;
    let foreign = stranger.issue("foreign", "/CN=foreign.example.test", 1, SERVER_EXTENSIONS);
    // Ask our CA's responder about a certificate from another CA: the CertID matches no -CA.
    let request = stranger.request(&foreign, false);
    let answer = Answer {
        signer: Some((responder.clone(), ca.dir().join("responder.key"))),
        ..Answer::default()
    };
    let response = ca.respond(&request, &answer);
    let file = ca.dir().join("unknown.der");
    std::fs::write(&file, &response).unwrap();
    let json = decode(&file);
    let basic = &json["objects"][0]["basic"];
    assert_eq!(basic["responses"][0]["cert_status"]["status"], "unknown");
    assert!(basic["nonce"].is_null());
    let signer = &basic["certificates"][0];
    assert_eq!(
        signer["subject"]["rfc4514"],
        "CN=OCSP Responder,O=Pulsar Integration SD Inc.,C=AU"
    );
    let extensions = signer["extensions"].as_array().unwrap();
    let find = |name: &str| {
        extensions
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {extensions:?}"))
    };
    assert_eq!(find("extKeyUsage")["value"]["purposes"][0], "OCSPSigning");
    assert_eq!(
        find("id-pkix-ocsp-nocheck")["value"]["type"],
        "ocsp_no_check"
    );
}

#[test]
fn ocsp_request_agrees() {
    let ca = seed_ca();
    let request = ca.request(&ca.dir().join("qm.pem"), true);
    let file = ca.dir().join("request.der");
    std::fs::write(&file, &request).unwrap();
    let text = ca.openssl_text(&["ocsp", "-reqin", "request.der", "-req_text"]);
    let json = decode(&file);
    let ours = &json["objects"][0];
    assert_eq!(ours["kind"], "ocsp_request");
    assert_eq!(
        ours["cert_ids"][0]["serial"],
        lower(values(&text, "Serial Number")[0])
    );
    assert_eq!(
        ours["cert_ids"][0]["issuer_key_hash"],
        lower(values(&text, "Issuer Key Hash")[0])
    );
    assert_eq!(ours["signed"], false);
    let nonce = ours["nonce"]
        .as_str()
        .expect("openssl sends a nonce by default");
    assert!(
        text.contains(&nonce.to_uppercase()),
        "nonce {nonce} not in:\n{text}"
    );
}

#[test]
fn crl_agrees() {
    let ca = seed_ca();
    let file = ca.dir().join("crl.der");
    std::fs::write(&file, ca.crl()).unwrap();
    let text = ca.openssl_text(&["crl", "-inform", "DER", "-in", "crl.der", "-noout", "-text"]);
    let json = decode(&file);
    let ours = &json["objects"][0];
    assert_eq!(ours["kind"], "crl");
    assert_eq!(ours["revoked"].as_array().unwrap().len(), 1);
    assert_eq!(
        ours["revoked"][0]["serial"],
        lower(values(&text, "Serial Number")[0])
    );
    assert_eq!(ours["revoked"][0]["reason"], "keyCompromise");
    assert_eq!(
        ours["revoked"][0]["revocation_date"],
        rfc3339_from_openssl(values(&text, "Revocation Date")[0])
    );
    assert_eq!(
        ours["this_update"],
        rfc3339_from_openssl(values(&text, "Last Update")[0])
    );
    assert_eq!(
        ours["next_update"],
        rfc3339_from_openssl(values(&text, "Next Update")[0])
    );
}

#[test]
fn certificate_extensions_agree() {
    let ca = seed_ca();
    let text = ca.openssl_text(&["x509", "-in", "qm.pem", "-noout", "-text"]);
    let json = decode(&ca.dir().join("qm.pem"));
    let cert = &json["objects"][0];
    let extension = |name: &str| {
        cert["extensions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name}"))
    };
    let aia = extension("authorityInfoAccess");
    assert!(text.contains(&format!(
        "OCSP - URI:{}",
        aia["value"]["ocsp"][0].as_str().unwrap()
    )));
    assert!(text.contains(&format!(
        "CA Issuers - URI:{}",
        aia["value"]["ca_issuers"][0].as_str().unwrap()
    )));
    assert_eq!(
        extension("subjectAltName")["value"]["names"],
        serde_json::json!(["DNS:qm1.example.test", "IP:127.0.0.1"])
    );
    assert!(text.contains("DNS:qm1.example.test, IP Address:127.0.0.1"));
    assert_eq!(extension("basicConstraints")["critical"], true);
    assert_eq!(extension("basicConstraints")["value"]["ca"], false);
    assert_eq!(
        extension("keyUsage")["value"]["usages"],
        serde_json::json!(["digitalSignature", "keyEncipherment"])
    );
    assert_eq!(
        extension("extKeyUsage")["value"]["purposes"],
        serde_json::json!(["serverAuth", "clientAuth"])
    );
    assert_eq!(
        extension("cRLDistributionPoints")["value"]["points"][0],
        "http://ca.example.test/ca.crl"
    );
    let ski = extension("subjectKeyIdentifier")["value"]["key_id"]
        .as_str()
        .unwrap()
        .to_uppercase();
    let openssl_ski = text
        .lines()
        .skip_while(|l| !l.contains("Subject Key Identifier"))
        .nth(1)
        .unwrap()
        .trim()
        .replace(':', "");
    assert_eq!(ski, openssl_ski);
    assert_eq!(
        extension("certificatePolicies")["value"]["policies"][0],
        "1.3.6.1.4.1.99999.1.1"
    );
    let fingerprint =
        ca.openssl_text(&["x509", "-in", "qm.pem", "-noout", "-fingerprint", "-sha256"]);
    assert_eq!(
        cert["fingerprints"]["sha256"],
        lower(fingerprint.trim().split('=').nth(1).unwrap())
    );
    assert_eq!(cert["public_key"]["curve"], "prime256v1");
    assert_eq!(cert["public_key"]["bits"], 256);
}

#[test]
fn pkcs7_bundle_yields_each_certificate() {
    let ca = seed_ca();
    let bundle = ca.pkcs7(&[&ca.cert_path(), &ca.dir().join("qm.pem")]);
    let file = ca.dir().join("chain.p7b");
    std::fs::write(&file, &bundle).unwrap();
    let json = decode(&file);
    let objects = json["objects"].as_array().unwrap();
    assert_eq!(objects.len(), 2);
    assert_eq!(objects[0]["source"]["format"], "pkcs7");
    assert_eq!(objects[0]["source"]["index"], 1);
    assert_eq!(objects[0]["source"]["label"], "PKCS7");
    assert_eq!(
        objects[1]["subject"]["rfc4514"],
        "CN=www.sd.pulsarintegration.PL81N.com,O=Pulsar Integration PL81NA Inc.,ST=Sydney,C=AU"
    );
}

/// The same OCSP response pasted as PEM, one base64 line in an e-mail, wrapped base64, hex with
/// spaces and with colons: every shape decodes to the same object.
#[test]
fn every_input_shape_decodes_the_same_response() {
    use base64::Engine as _;
    let ca = seed_ca();
    let response = ca.respond(
        &ca.request(&ca.dir().join("qm.pem"), false),
        &Answer::default(),
    );
    let b64 = base64::engine::general_purpose::STANDARD.encode(&response);
    let wrapped: String = b64
        .as_bytes()
        .chunks(64)
        .map(|c| format!("{}\n", String::from_utf8_lossy(c)))
        .collect();
    let hex_spaced: Vec<String> = response.iter().map(|b| format!("{b:02x}")).collect();
    let shapes = [
        (
            "pem",
            format!("-----BEGIN OCSP RESPONSE-----\n{wrapped}-----END OCSP RESPONSE-----\n"),
        ),
        (
            "base64",
            format!("Hi,\nthe responder sent: {b64} (from tcpdump)\nRegards\n"),
        ),
        ("base64", format!("response follows\n{wrapped}\nend\n")),
        ("hex", format!("dump:\n{}\n", hex_spaced.join(" "))),
        (
            "hex",
            format!(
                "{}\n",
                hex_spaced
                    .chunks(16)
                    .map(|c| c.join(":"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        ),
    ];
    let dir = ca.dir();
    let reference = decode(&{
        let file = dir.join("reference.der");
        std::fs::write(&file, &response).unwrap();
        file
    });
    let strip_source = |mut v: Value| {
        v["objects"][0].as_object_mut().unwrap().remove("source");
        v
    };
    let reference = strip_source(reference);
    for (index, (format, text)) in shapes.iter().enumerate() {
        let file = dir.join(format!("shape-{index}.txt"));
        std::fs::write(&file, text).unwrap();
        let json = decode(&file);
        assert_eq!(
            json["objects"].as_array().unwrap().len(),
            1,
            "shape {index}: {json}"
        );
        assert_eq!(
            json["objects"][0]["source"]["format"], *format,
            "shape {index}"
        );
        assert_eq!(strip_source(json), reference, "shape {index}");
    }
}
