//! Per-shape and per-field cases: what each kind of input decodes to, and how each kind of
//! damage is reported.

use base64::Engine as _;
use mqocsp_core::decode::Completeness;
use mqocsp_core::extension::ExtensionValue;
use mqocsp_core::ocsp::{CertStatus, ResponderId, ResponseStatus};
use mqocsp_core::{ObjectBody, SourceFormat, decode, decode_bytes};
use mqocsp_testkit::fixtures;
use mqocsp_testkit::ocsp::{
    CertIdHash, ResponderBy, ResponseSpec, Single, Status, response, status_only,
};
use mqocsp_testkit::pki::{Authority, CertSpec, self_signed};

fn pem(label: &str, der: &[u8]) -> String {
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    format!("-----BEGIN {label}-----\n{body}\n-----END {label}-----\n")
}

fn only_object(text: &str) -> ObjectBody {
    let decoded = decode(text);
    assert_eq!(
        decoded.completeness(),
        Completeness::Complete,
        "{:?}",
        decoded.problems
    );
    assert_eq!(decoded.objects.len(), 1);
    decoded.objects[0].body.clone()
}

#[test]
fn der_file_upload_decodes_as_der() {
    let cert = self_signed(&CertSpec::new("upload.test"));
    let decoded = decode_bytes(&cert.der);
    assert_eq!(decoded.objects.len(), 1);
    assert_eq!(decoded.objects[0].source.format, SourceFormat::Der);
    // A PEM file uploaded is read as text.
    let decoded = decode_bytes(cert.pem.as_bytes());
    assert!(matches!(
        decoded.objects[0].source.format,
        SourceFormat::Pem { .. }
    ));
}

#[test]
fn wrong_pem_label_is_reported_and_the_object_decoded_as_what_it_is() {
    let pki = fixtures::seed();
    let response = response(
        &ResponseSpec::good(&[0x01]),
        &pki.server_ca.certificate,
        &pki.server_ca.certificate,
    );
    let decoded = decode(&pem("CERTIFICATE", &response));
    assert_eq!(decoded.objects.len(), 1);
    assert!(matches!(
        decoded.objects[0].body,
        ObjectBody::OcspResponse(_)
    ));
    let message = decoded.problems[0].0.to_string();
    assert!(
        message.contains("labelled CERTIFICATE but holds an OCSP response"),
        "{message}"
    );
}

#[test]
fn ber_indefinite_length_is_named() {
    // SEQUENCE (indefinite) { INTEGER 1 } end-of-contents
    let decoded = decode(&pem(
        "CERTIFICATE",
        &[0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00],
    ));
    assert!(decoded.objects.is_empty());
    let message = decoded.problems[0].0.to_string();
    assert!(
        message.contains("indefinite length is BER, not DER"),
        "{message}"
    );
}

#[test]
fn private_keys_are_refused_with_advice() {
    let decoded =
        decode("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n");
    let message = decoded.problems[0].0.to_string();
    assert!(
        message.contains("a private key (EC PRIVATE KEY block) was pasted; mqocsp ignores it"),
        "{message}"
    );
}

#[test]
fn unknown_and_broken_extensions_keep_the_certificate() {
    let mut spec = CertSpec::new("ext.test");
    spec.purposes = vec![];
    let ca = Authority::root(&CertSpec::new("Ext CA"));
    let mut params_cert = ca.issue(&spec);
    // Re-issue with a private-use extension and a basicConstraints whose value is not DER.
    let mut params = rcgen::CertificateParams::default();
    params.custom_extensions = vec![
        rcgen::CustomExtension::from_oid_content(
            &[1, 3, 6, 1, 4, 1, 99999, 7],
            vec![0x04, 0x02, 0xbe, 0xef],
        ),
        rcgen::CustomExtension::from_oid_content(&[2, 5, 29, 19], vec![0x30, 0x03, 0x01, 0x01]),
    ];
    let key = mqocsp_testkit::pki::key_for("ext.test");
    params_cert.der = params.self_signed(&key).unwrap().der().to_vec();
    let decoded = decode_bytes(&params_cert.der);
    assert_eq!(decoded.objects.len(), 1, "{:?}", decoded.problems);
    let ObjectBody::Certificate(cert) = &decoded.objects[0].body else {
        panic!("a certificate")
    };
    let unknown = cert
        .extensions
        .iter()
        .find(|e| e.oid == "1.3.6.1.4.1.99999.7")
        .unwrap();
    assert_eq!(
        unknown.value,
        ExtensionValue::Unknown {
            der: "0402beef".into()
        }
    );
    let broken = cert
        .extensions
        .iter()
        .find(|e| e.oid == "2.5.29.19")
        .unwrap();
    assert!(
        matches!(broken.value, ExtensionValue::Broken { .. }),
        "{:?}",
        broken.value
    );
}

#[test]
fn ocsp_response_fields_by_case() {
    let pki = fixtures::seed();
    let ca = &pki.server_ca.certificate;
    let mut spec = ResponseSpec::good(&[0x01]);
    spec.responder = ResponderBy::Key;
    spec.nonce = Some(vec![0xab; 16]);
    spec.singles.push(Single {
        status: Status::Revoked("20220202080659".into(), Some(1)),
        hash: CertIdHash::Sha256,
        next_update: None,
        ..Single::good(&[0x02])
    });
    spec.singles.push(Single {
        status: Status::Unknown,
        ..Single::good(&[0x03])
    });
    let ObjectBody::OcspResponse(decoded) =
        only_object(&pem("OCSP RESPONSE", &response(&spec, ca, ca)))
    else {
        panic!("an OCSP response")
    };
    assert_eq!(decoded.response_status, ResponseStatus::Successful);
    let basic = decoded.basic.unwrap();
    assert!(
        matches!(basic.responder_id, ResponderId::Key { ref key_hash } if key_hash.len() == 40)
    );
    assert_eq!(
        basic.nonce.as_deref(),
        Some("abababababababababababababababab")
    );
    let statuses: Vec<&str> = basic
        .responses
        .iter()
        .map(|r| r.cert_status.word())
        .collect();
    assert_eq!(statuses, ["good", "revoked", "unknown"]);
    assert_eq!(
        basic.responses[1].cert_status,
        CertStatus::Revoked {
            time: mqocsp_core::Timestamp::parse_rfc3339("2022-02-02T08:06:59Z").unwrap(),
            reason: Some("keyCompromise".into())
        }
    );
    assert_eq!(basic.responses[1].cert_id.hash_algorithm.name, "sha256");
    assert_eq!(basic.responses[1].cert_id.issuer_name_hash.len(), 64);
    assert!(basic.responses[1].next_update.is_none());
    assert_eq!(
        basic.responses[0].next_update.unwrap().to_string(),
        "2026-11-27T12:00:00Z"
    );
    assert_eq!(basic.certificates.len(), 1);
}

#[test]
fn unsuccessful_statuses_use_the_rfc_words() {
    for (code, word) in [
        (1, "malformedRequest"),
        (2, "internalError"),
        (3, "tryLater"),
        (5, "sigRequired"),
        (6, "unauthorized"),
    ] {
        let ObjectBody::OcspResponse(response) =
            only_object(&pem("OCSP RESPONSE", &status_only(code)))
        else {
            panic!("a response")
        };
        assert_eq!(response.response_status.word(), word);
        assert!(response.basic.is_none());
        let json = serde_json::to_value(&response).unwrap();
        assert_eq!(json["response_status"], word);
    }
}

#[test]
fn hex_forms_all_decode() {
    let der = self_signed(&CertSpec::new("hex.test")).der;
    let plain: String = der.iter().map(|b| format!("{b:02x}")).collect();
    let upper_colons: Vec<String> = der.iter().map(|b| format!("{b:02X}")).collect();
    for text in [
        plain.clone(),
        upper_colons.join(":"),
        format!("bytes: {}\n", upper_colons.join(" ")),
    ] {
        let decoded = decode(&text);
        assert_eq!(decoded.objects.len(), 1, "{text:.40}");
        assert_eq!(decoded.objects[0].source.format, SourceFormat::Hex);
    }
}

#[test]
fn ordinary_words_are_not_mistaken_for_base64() {
    let decoded =
        decode("MQ support: Most Messages Make It, Mostly. 30 days later the QM restarted.");
    assert!(decoded.objects.is_empty());
    assert_eq!(decoded.problems.len(), 1);
    assert!(
        decoded.problems[0]
            .0
            .to_string()
            .starts_with("no PEM block")
    );
}
