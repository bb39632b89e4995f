//! The Java model's fallback from OCSP to the CRL distribution points, on certificates made by
//! `openssl ca`: with `com.sun.security.enableCRLDP=true` a CRL decides when the OCSP responder
//! gives no status (PKIXRevocationChecker falls back unless NO_FALLBACK is set); without it the
//! OCSP failure stands. The live session asks the same sources (`mq::sources::java_sources`).
#![cfg(not(target_arch = "wasm32"))]

use mqocsp_core::mq::case::{Case, ClientSide, QmSide};
use mqocsp_core::mq::java::{ClientKind, JSSE_NETWORK, JSSE_REVOKED, JavaSettings};
use mqocsp_core::mq::predict::{Diagnosis, predict};
use mqocsp_testkit::fixtures::pem as pem_block;
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
    let mut material = ca.cert_pem();
    material.push_str(&std::fs::read_to_string(ca.dir().join("qm.pem")).unwrap());
    if let Some(crl) = crl {
        material.push_str(&pem_block("X509 CRL", crl));
    }
    let now = mqocsp_core::Timestamp(time::OffsetDateTime::now_utc()).to_string();
    Case {
        material,
        client: ClientSide {
            command_line: Some(
                "mqpgfc -qm QM1 -ch QM1.SVRCONN -x qm1.example.test(1414) -cs ANY_TLS12".into(),
            ),
            trust: vec!["Java Test CA".into()],
            kind: Some(ClientKind::Java),
            java: Some(JavaSettings {
                check_revocation: Some(true),
                ocsp_enable: Some(true),
                enable_crldp: Some(crldp),
                ..JavaSettings::default()
            }),
            ..ClientSide::default()
        },
        queue_manager: QmSide {
            mqsc: "DEFINE CHANNEL(QM1.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12) SSLCAUTH(OPTIONAL)\n".into(),
            certificate: Some("qm1.example.test".into()),
            ..QmSide::default()
        },
        ..Case::new("Java CRL fallback", &now)
    }
}

fn client_ids(d: &Diagnosis) -> Vec<&str> {
    d.client_log.iter().map(|l| l.id.as_str()).collect()
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
