//! CRLs from the certificate's distribution points (CDPCheckExtensions=YES), as the last source
//! MQ goes to: a real `openssl ca -gencrl` CRL pasted with the certificates, listing or not
//! listing the queue manager's certificate, expired, or missing.
#![cfg(not(target_arch = "wasm32"))]

use mqocsp_core::mq::case::{Case, ClientSide, QmSide, Responder, ResponderState};
use mqocsp_core::mq::predict::{Diagnosis, predict};
use mqocsp_core::verify::Outcome;
use mqocsp_testkit::fixtures::pem as pem_block;
use mqocsp_testkit::openssl::{OpensslCa, SERVER_EXTENSIONS};

const QM: &str = "/C=GB/O=Example/CN=qm1.example.test";
const CDP: &str = "http://ca.example.test/ca.crl";
const AIA: &str = "http://127.0.0.1:2560/";

fn case(ca: &OpensslCa, crl: Option<&[u8]>, ini: &str, at: &str) -> Case {
    let mut material = ca.cert_pem();
    material.push_str(&std::fs::read_to_string(ca.dir().join("qm.pem")).unwrap());
    if let Some(crl) = crl {
        material.push_str(&pem_block("X509 CRL", crl));
    }
    Case {
        material,
        client: ClientSide {
            command_line: Some(
                "mqpgfc -qm QM1 -ch QM1.SVRCONN -x qm1.example.test(1414) -cs ANY_TLS12 -kr key MQCNO_VERSION_4".into(),
            ),
            mqclient_ini: ini.into(),
            key_listing: None,
            trust: vec!["CDP Test CA".into()],
            ..ClientSide::default()
        },
        queue_manager: QmSide {
            mqsc: "DEFINE CHANNEL(QM1.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12) SSLCAUTH(OPTIONAL)\n".into(),
            certificate: Some("qm1.example.test".into()),
            ..QmSide::default()
        },
        responders: vec![Responder {
            url: AIA.into(),
            state: ResponderState::Down,
            index: None,
            ca: None,
        }],
        ..Case::new("CDP", at)
    }
}

fn crl_steps(d: &Diagnosis) -> Vec<(Outcome, String)> {
    d.steps
        .iter()
        // The root's "not checked" step left out.
        .filter(|s| s.id == "mq.client_revocation" && s.outcome != Outcome::Skip)
        .map(|s| (s.outcome, s.explanation.clone()))
        .collect()
}

fn now_plus(days: i64) -> String {
    mqocsp_core::Timestamp(time::OffsetDateTime::now_utc() + time::Duration::days(days)).to_string()
}

#[test]
fn the_crl_decides_when_cdp_checking_is_on() {
    let mut ca = OpensslCa::root("predict-crl", "/C=GB/O=Example/CN=CDP Test CA");
    ca.issue("qm", QM, 1, SERVER_EXTENSIONS);
    let only_cdp = "SSL:\n  OCSPCheckExtensions=NO\n  CDPCheckExtensions=YES\n";
    let clean = ca.crl();

    // Not listed: connected, the CRL step says so.
    let d = predict(&case(&ca, Some(&clean), only_cdp, &now_plus(0)));
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.outcome.reason_code, None, "{:#?}", d.steps);
    let steps = crl_steps(&d);
    assert_eq!(steps[0].0, Outcome::Pass, "{steps:#?}");
    assert!(steps[0].1.starts_with(&format!(
        "{CDP} (from the certificate's CRL distribution point"
    )));
    assert!(steps[0].1.contains("does not list serial 01"));

    // Listed: refused under every policy, AMQ9633 with the CRL reason.
    ca.revoke(1, "240101000000Z", Some("keyCompromise"));
    let listed = ca.crl();
    let d = predict(&case(&ca, Some(&listed), only_cdp, &now_plus(0)));
    assert_eq!(d.outcome.reason_code, Some(2393));
    assert_eq!(d.outcome.client_log, ["AMQ9633E"]);
    assert!(d.client_log[0].text.contains("Certificate Revocation List"));
    assert!(
        crl_steps(&d)[0]
            .1
            .contains("lists serial 01 as revoked on 2024-01-01T00:00:00Z (keyCompromise)")
    );
    assert!(d.assumptions.iter().any(|a| a.id == "crl-revoked-message"));

    // Both CRLs pasted, the newer last (as a live fetch appends it): the newer decides.
    let mut case_both = case(&ca, Some(&clean), only_cdp, &now_plus(0));
    case_both.material.push_str(&pem_block("X509 CRL", &listed));
    let d = predict(&case_both);
    assert_eq!(d.outcome.reason_code, Some(2393), "{:#?}", crl_steps(&d));

    // Expired (nextUpdate is 7 days out): unusable, AMQ9716 cause (c) under REQUIRED.
    let d = predict(&case(&ca, Some(&clean), only_cdp, &now_plus(30)));
    assert_eq!(d.outcome.reason_code, Some(2393));
    assert_eq!(d.outcome.client_log, ["AMQ9716E"]);
    assert!(
        crl_steps(&d)[0].1.contains("it expired at its nextUpdate"),
        "{:#?}",
        crl_steps(&d)
    );

    // Not pasted: assumed unreachable, like a responder the case says nothing about.
    let d = predict(&case(&ca, None, only_cdp, &now_plus(0)));
    assert_eq!(d.outcome.reason_code, Some(2393));
    assert!(
        d.assumptions
            .iter()
            .any(|a| a.id == "no-evidence-unreachable")
    );

    // OCSP first: the AIA responder is down, so MQ goes on to the CRL, which decides.
    let both = "SSL:\n  CDPCheckExtensions=YES\n";
    let d = predict(&case(&ca, Some(&clean), both, &now_plus(0)));
    assert_eq!(d.outcome.reason_code, None, "{:#?}", d.steps);
    let steps = crl_steps(&d);
    assert_eq!(steps.len(), 2, "{steps:#?}");
    assert_eq!(steps[0].0, Outcome::Warn);
    assert!(
        steps[0]
            .1
            .contains(&format!("MQ goes on to the next source, the CRL at {CDP}"))
    );
    assert_eq!(steps[1].0, Outcome::Pass);
    assert!(
        d.assumptions
            .iter()
            .any(|a| a.id == "revocation-fallthrough")
    );

    // CDPCheckExtensions=NO (the default): the CRL is never consulted.
    let d = predict(&case(
        &ca,
        Some(&listed),
        "SSL:\n  OCSPCheckExtensions=NO\n",
        &now_plus(0),
    ));
    assert_eq!(d.outcome.reason_code, None);
    assert!(crl_steps(&d)[0].1.contains("No revocation check is made"));
}

#[test]
fn crls_from_another_issuer_or_with_a_broken_signature_are_not_relied_on() {
    use mqocsp_core::verify::LegacyAlgorithms;
    use mqocsp_core::verify::crl::{CrlVerdict, crl_verdict};
    let mut ca = OpensslCa::root("crl-verdict", "/C=GB/O=Example/CN=CDP Test CA");
    ca.issue("qm", QM, 1, SERVER_EXTENSIONS);
    let other = OpensslCa::root("crl-verdict-other", "/C=GB/O=Example/CN=Other CA");
    let decoded = mqocsp_core::decode(&format!(
        "{}{}",
        ca.cert_pem(),
        std::fs::read_to_string(ca.dir().join("qm.pem")).unwrap()
    ));
    let certs: Vec<_> = decoded.certificates().cloned().collect();
    let (issuer, qm) = (&certs[0], &certs[1]);
    let at = mqocsp_core::Timestamp(time::OffsetDateTime::now_utc());
    let verdict = |der: &[u8]| {
        let decoded = mqocsp_core::decode_bytes(der);
        let (crl, der) = decoded.crls().next().expect("a CRL");
        crl_verdict(crl, der, issuer, qm, at, LegacyAlgorithms::Reject)
    };
    assert_eq!(verdict(&ca.crl()), Ok(CrlVerdict::NotListed));
    let foreign = verdict(&other.crl()).unwrap_err().to_string();
    assert!(foreign.contains("issued by CN=Other CA"), "{foreign}");
    let mut tampered = ca.crl();
    let last = tampered.len() - 1;
    tampered[last] ^= 0x01;
    let broken = verdict(&tampered).unwrap_err().to_string();
    assert!(broken.contains("signature does not check out"), "{broken}");
}

#[test]
fn crls_on_an_ldap_server_are_the_last_source() {
    use mqocsp_core::mq::config::{AuthInfoType, Mqair, Mqcno, Mqsco};
    let mut ca = OpensslCa::root("predict-crl-ldap", "/C=GB/O=Example/CN=CDP Test CA");
    ca.issue("qm", QM, 1, SERVER_EXTENSIONS);
    ca.revoke(1, "240101000000Z", None);
    let listed = ca.crl();
    let ldap_only = |crl: Option<&[u8]>| {
        let mut case = case(&ca, crl, "SSL:\n  OCSPCheckExtensions=NO\n", &now_plus(0));
        case.client.mqcno = Some(Mqcno {
            version: 4,
            sco: Some(Mqsco {
                key_repository: Some("key".into()),
                auth_info_records: vec![Mqair {
                    version: 1,
                    auth_info_type: AuthInfoType::MqaitCrlLdap,
                    ocsp_responder_url: None,
                    auth_info_conn_name: Some("ldap.example.test(389)".into()),
                }],
                ..Mqsco::default()
            }),
        });
        predict(&case)
    };
    let d = ldap_only(Some(&listed));
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert!(
        !d.lint.iter().any(|l| l.id == "client-no-revocation"),
        "{:?}",
        d.lint
    );
    assert_eq!(d.outcome.reason_code, Some(2393), "{:#?}", d.steps);
    assert!(
        d.client_log[0].text.contains(
            "(c) it was found in a Certification Revocation List (CRL) on an LDAP server"
        )
    );
    let steps = crl_steps(&d);
    assert!(
        steps[0].1.starts_with(
            "ldap://ldap.example.test(389) (from MQAIR.AuthInfoConnName (MQAIT_CRL_LDAP))"
        ),
        "{steps:#?}"
    );
    assert!(!d.assumptions.iter().any(|a| a.id == "crl-revoked-message"));
    // No CRL pasted for the LDAP server: assumed unreachable, AMQ9716 under REQUIRED.
    let d = ldap_only(None);
    assert_eq!(d.outcome.client_log, ["AMQ9716E"]);
}
