//! The Java model's fallback from OCSP to the CRL distribution points, on certificates made by
//! `openssl ca`: with `com.sun.security.enableCRLDP=true` a CRL decides when the OCSP responder
//! gives no status (PKIXRevocationChecker falls back unless NO_FALLBACK is set); without it the
//! OCSP failure stands. The live session asks the same sources (`mq::sources::java_sources`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{client_ids, openssl_case};
use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::java::{ClientKind, JSSE_NETWORK, JSSE_REVOKED, JavaSettings};
use mqocsp_core::mq::predict::predict;
use mqocsp_testkit::openssl::OpensslCa;

const QM: &str = "/C=GB/O=Example/CN=qm1.example.test";

fn issue_qm(ca: &mut OpensslCa) {
    ca.issue(
        "qm",
        QM,
        1,
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nauthorityInfoAccess=OCSP;URI:http://ocsp.example.test/\ncrlDistributionPoints=URI:http://crl.example.test/ca.crl\n",
    );
}

fn case(ca: &OpensslCa, crl: Option<&[u8]>, crldp: bool) -> Case {
    let mut case = openssl_case(ca, crl, "Java CRL fallback");
    case.client.trust = vec!["Java Test CA".into()];
    case.client.kind = Some(ClientKind::Java);
    case.client.java = Some(JavaSettings {
        check_revocation: Some(true),
        ocsp_enable: Some(true),
        enable_crldp: Some(crldp),
        ..JavaSettings::default()
    });
    case
}

#[test]
fn with_enable_crldp_the_crl_decides_when_ocsp_gives_no_status() {
    let mut ca = OpensslCa::root("java-crl", "/C=GB/O=Example/CN=Java Test CA");
    issue_qm(&mut ca);
    // The case has no answer from the OCSP responder: JSSE falls back to the CDP's CRL.
    let clean = ca.crl();
    let d = predict(&case(&ca, Some(&clean), true));
    assert_eq!(d.outcome.reason_code, None, "{:#?}", d.steps);
    assert!(
        d.steps
            .iter()
            .any(|s| s.title.contains("JSSE fetches the CRL") && s.explanation.contains("good")),
        "{:#?}",
        d.steps
    );

    ca.revoke(1, "240101000000Z", Some("keyCompromise"));
    let listed = ca.crl();
    let d = predict(&case(&ca, Some(&listed), true));
    assert_eq!(d.outcome.reason_code, Some(2397), "{:#?}", d.steps);
    assert!(
        client_ids(&d).contains(&JSSE_REVOKED),
        "{:?}",
        client_ids(&d)
    );
}

#[test]
fn without_enable_crldp_the_ocsp_failure_stands_whatever_crl_is_pasted() {
    let mut ca = OpensslCa::root("java-no-crldp", "/C=GB/O=Example/CN=Java Test CA");
    issue_qm(&mut ca);
    let clean = ca.crl();
    let d = predict(&case(&ca, Some(&clean), false));
    assert_eq!(d.outcome.reason_code, Some(2397), "{:#?}", d.steps);
    assert!(
        client_ids(&d).contains(&JSSE_NETWORK),
        "{:?}",
        client_ids(&d)
    );
    assert!(
        !d.steps.iter().any(|s| s.title.contains("CRL")),
        "{:#?}",
        d.steps
    );
}
