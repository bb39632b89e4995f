//! OCSP response validation: every step's pass and fail on built responses, and responses made by
//! the real `openssl ocsp`.

use mqocsp_core::Certificate;
use mqocsp_core::Timestamp;
use mqocsp_core::ocsp::{CertStatus, OcspRequest, OcspResponse};
use mqocsp_core::verify::{
    LegacyAlgorithms, OcspInput, OcspReport, Outcome, Profile, Signer, verify_ocsp,
};
use mqocsp_testkit::fixtures::{SeedPki, seed};
use mqocsp_testkit::ocsp::{
    CertIdHash, ResponderBy, ResponseSpec, Status, response, response_data, sign_response,
    status_only,
};
use mqocsp_testkit::pki::{Authority, CertSpec, Issued};

fn cert(issued: &Issued) -> Certificate {
    Certificate::parse(&issued.der).expect("a test certificate")
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

/// The evaluation time of the built responses: an hour after thisUpdate, before nextUpdate.
const AT: &str = "2026-11-26T13:00:00Z";

struct Check<'a> {
    der: Vec<u8>,
    issuer: &'a Issued,
    target: Option<&'a Issued>,
    untrusted: Vec<Certificate>,
    trusted: Vec<Certificate>,
    request: Option<OcspRequest>,
    at: &'a str,
    profile: Profile,
}

impl<'a> Check<'a> {
    fn new(der: Vec<u8>, pki: &'a SeedPki) -> Self {
        Self {
            der,
            issuer: &pki.server_ca.certificate,
            target: Some(&pki.queue_manager),
            untrusted: vec![],
            trusted: vec![],
            request: None,
            at: AT,
            profile: Profile::Rfc6960,
        }
    }

    fn run(&self) -> OcspReport {
        let response = OcspResponse::parse(&self.der).expect("a response");
        let target = self.target.map(cert);
        verify_ocsp(&OcspInput {
            max_age: None,
            response: &response,
            issuer: &cert(self.issuer),
            target: target.as_ref(),
            untrusted: &self.untrusted,
            trusted_responders: &self.trusted,
            request: self.request.as_ref(),
            at: at(self.at),
            profile: self.profile,
            legacy: LegacyAlgorithms::Reject,
        })
    }
}

fn outcome(report: &OcspReport, id: &str) -> Outcome {
    report
        .trace
        .steps
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no {id}:\n{}", report.trace.text()))
        .outcome
}

fn explanation<'r>(report: &'r OcspReport, id: &str) -> &'r str {
    &report
        .trace
        .steps
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no {id}"))
        .explanation
}

fn ca_signed(pki: &SeedPki, spec: &ResponseSpec) -> Vec<u8> {
    response(spec, &pki.server_ca.certificate, &pki.server_ca.certificate)
}

#[test]
fn good_response_signed_by_the_ca_is_valid() {
    let pki = seed();
    let report = Check::new(ca_signed(&pki, &ResponseSpec::good(&[0x01])), &pki).run();
    assert!(report.response_valid, "{}", report.trace.text());
    assert_eq!(report.verdict(), "valid");
    assert_eq!(report.signer, Some(Signer::Issuer));
    assert_eq!(report.cert_status, Some(CertStatus::Good));
    assert_eq!(outcome(&report, "ocsp.signature"), Outcome::Pass);
    assert_eq!(outcome(&report, "ocsp.cert_id"), Outcome::Pass);
}

/// A delegated responder issued by the CA with id-kp-OCSPSigning (and nocheck), embedded.
fn responder(pki: &SeedPki, spec: CertSpec) -> Issued {
    pki.server_ca.issue(&spec)
}

#[test]
fn delegated_responder_with_ocsp_signing_is_accepted() {
    let pki = seed();
    let delegate = responder(
        &pki,
        CertSpec::new("SD OCSP Responder")
            .serial(&[0x77])
            .ocsp_signing(true),
    );
    let report = Check::new(
        response(
            &ResponseSpec::good(&[0x01]),
            &pki.server_ca.certificate,
            &delegate,
        ),
        &pki,
    )
    .run();
    assert!(report.response_valid, "{}", report.trace.text());
    assert!(matches!(report.signer, Some(Signer::Delegated { .. })));
    for id in [
        "ocsp.responder_issued_by_ca",
        "ocsp.responder_eku",
        "ocsp.responder_validity",
        "ocsp.responder_nocheck",
    ] {
        assert_eq!(outcome(&report, id), Outcome::Pass, "{id}");
    }
    let without_nocheck = responder(
        &pki,
        CertSpec::new("SD OCSP Responder 2")
            .serial(&[0x78])
            .ocsp_signing(false),
    );
    let report = Check::new(
        response(
            &ResponseSpec::good(&[0x01]),
            &pki.server_ca.certificate,
            &without_nocheck,
        ),
        &pki,
    )
    .run();
    assert_eq!(outcome(&report, "ocsp.responder_nocheck"), Outcome::Warn);
    assert!(report.response_valid, "a warning does not invalidate");
}

#[test]
fn responder_without_ocsp_signing_is_refused() {
    let pki = seed();
    let plain = responder(&pki, CertSpec::new("Just A Server").serial(&[0x79]).tls());
    let report = Check::new(
        response(
            &ResponseSpec::good(&[0x01]),
            &pki.server_ca.certificate,
            &plain,
        ),
        &pki,
    )
    .run();
    assert!(!report.response_valid);
    assert_eq!(outcome(&report, "ocsp.responder_eku"), Outcome::Fail);
    assert!(
        explanation(&report, "ocsp.responder_eku")
            .contains("serverAuth, clientAuth without OCSPSigning")
    );
    // The independent checks still ran.
    assert_eq!(outcome(&report, "ocsp.signature"), Outcome::Pass);
    assert_eq!(outcome(&report, "ocsp.cert_id"), Outcome::Pass);
}

#[test]
fn responder_issued_by_another_ca_is_refused() {
    let pki = seed();
    let foreign = pki
        .client_ca
        .issue(&CertSpec::new("Foreign Responder").ocsp_signing(true));
    let report = Check::new(
        response(
            &ResponseSpec::good(&[0x01]),
            &pki.server_ca.certificate,
            &foreign,
        ),
        &pki,
    )
    .run();
    assert_eq!(
        outcome(&report, "ocsp.responder_issued_by_ca"),
        Outcome::Fail
    );
    assert!(
        explanation(&report, "ocsp.responder_issued_by_ca")
            .contains("was issued by CN=www.pulsarintegration.com")
    );
}

#[test]
fn embedded_responder_certificate_with_the_wrong_key_fails_the_signature() {
    let pki = seed();
    // Signed with one key; the embedded certificate (same name) carries another.
    let signing = CertSpec::new("Twin Responder")
        .ocsp_signing(true)
        .key_name("twin-a");
    let shown = CertSpec::new("Twin Responder")
        .ocsp_signing(true)
        .key_name("twin-b");
    let signer = responder(&pki, signing);
    let embedded = responder(&pki, shown);
    let tbs = response_data(
        &ResponseSpec::good(&[0x01]),
        &pki.server_ca.certificate,
        &signer,
    );
    let signed = sign_response(&tbs, &signer, false);
    let mut check = Check::new(signed, &pki);
    check.untrusted = vec![cert(&embedded)];
    let report = check.run();
    assert_eq!(outcome(&report, "ocsp.signature"), Outcome::Fail);
    assert!(explanation(&report, "ocsp.signature").contains("AMQ9716 cause (c)"));
}

#[test]
fn corrupted_signature_fails() {
    let pki = seed();
    let mut der = ca_signed(&pki, &ResponseSpec::good(&[0x01]));
    // The Ed25519 signature sits just before the embedded certificate; flip a byte inside it.
    let response = OcspResponse::parse(&der).unwrap();
    let span = response.basic.unwrap().spans.signature;
    der[span.end - 5] ^= 0x80;
    let report = Check::new(der, &pki).run();
    assert_eq!(outcome(&report, "ocsp.signature"), Outcome::Fail);
    assert!(!report.response_valid);
}

#[test]
fn cert_id_mismatch_with_a_valid_signature_is_caught() {
    let pki = seed();
    // A perfectly signed answer about serial 02, when the question was serial 01.
    let report = Check::new(ca_signed(&pki, &ResponseSpec::good(&[0x02])), &pki).run();
    assert_eq!(outcome(&report, "ocsp.signature"), Outcome::Pass);
    assert_eq!(outcome(&report, "ocsp.cert_id"), Outcome::Fail);
    assert!(explanation(&report, "ocsp.cert_id").contains("serialNumber 02 is not 01"));
    assert_eq!(report.cert_status, None);
    // Asked about the queue manager, answered by the client CA: the issuer hashes differ.
    let check = Check::new(
        response(
            &ResponseSpec::good(&[0x01]),
            &pki.client_ca.certificate,
            &pki.client_ca.certificate,
        ),
        &pki,
    );
    let report = check.run();
    assert_eq!(
        outcome(&report, "ocsp.responder_issued_by_ca"),
        Outcome::Fail
    );
    assert!(explanation(&report, "ocsp.cert_id").contains("issuerNameHash"));
}

#[test]
fn sha256_cert_id_matches() {
    let pki = seed();
    let mut spec = ResponseSpec::good(&[0x01]);
    spec.singles[0].hash = CertIdHash::Sha256;
    let report = Check::new(ca_signed(&pki, &spec), &pki).run();
    assert_eq!(
        outcome(&report, "ocsp.cert_id"),
        Outcome::Pass,
        "{}",
        report.trace.text()
    );
    assert!(explanation(&report, "ocsp.cert_id").contains("(sha256)"));
}

#[test]
fn freshness_by_profile() {
    let pki = seed();
    let stale = ca_signed(&pki, &ResponseSpec::good(&[0x01]));
    let cases: [(&str, &str, Profile, &str, Outcome); 6] = [
        (
            "stale",
            "2026-11-28T15:12:00Z",
            Profile::Rfc6960,
            "ocsp.next_update",
            Outcome::Fail,
        ),
        (
            "stale",
            "2026-11-28T15:12:00Z",
            Profile::Gskit,
            "ocsp.next_update",
            Outcome::Fail,
        ),
        (
            "future",
            "2026-11-26T11:00:00Z",
            Profile::Rfc6960,
            "ocsp.this_update",
            Outcome::Fail,
        ),
        (
            "future",
            "2026-11-26T11:00:00Z",
            Profile::Gskit,
            "ocsp.this_update",
            Outcome::Skip,
        ),
        (
            "within skew",
            "2026-11-26T11:57:00Z",
            Profile::Rfc6960,
            "ocsp.this_update",
            Outcome::Pass,
        ),
        (
            "producedAt",
            "2026-11-26T11:00:00Z",
            Profile::Gskit,
            "ocsp.produced_at",
            Outcome::Skip,
        ),
    ];
    for (name, time, profile, id, expected) in cases {
        let mut check = Check::new(stale.clone(), &pki);
        check.at = time;
        check.profile = profile;
        let report = check.run();
        assert_eq!(
            outcome(&report, id),
            expected,
            "{name} {profile:?}:\n{}",
            report.trace.text()
        );
    }
    let mut check = Check::new(stale.clone(), &pki);
    check.at = "2026-11-28T15:12:00Z";
    assert!(
        explanation(&check.run(), "ocsp.next_update")
            .contains("passed 1 day 3 h before the evaluation time")
    );
    // nextUpdate absent (the seed's responders): a warning for RFC 6960, accepted as GSKit did.
    let mut spec = ResponseSpec::good(&[0x01]);
    spec.singles[0].next_update = None;
    let mut check = Check::new(ca_signed(&pki, &spec), &pki);
    assert_eq!(outcome(&check.run(), "ocsp.next_update"), Outcome::Warn);
    check.profile = Profile::Gskit;
    let report = check.run();
    assert_eq!(outcome(&report, "ocsp.next_update"), Outcome::Pass);
    assert!(report.response_valid);
}

#[test]
fn revoked_with_reason_and_unknown() {
    let pki = seed();
    let mut spec = ResponseSpec::good(&[0x01]);
    spec.singles[0].status = Status::Revoked("20210929080911".into(), Some(1));
    let report = Check::new(ca_signed(&pki, &spec), &pki).run();
    assert!(report.response_valid, "a valid response that says revoked");
    assert_eq!(report.verdict(), "invalid");
    assert_eq!(outcome(&report, "ocsp.cert_status"), Outcome::Fail);
    assert!(
        explanation(&report, "ocsp.cert_status")
            .contains("revoked at 2021-09-29T08:09:11Z, reason keyCompromise")
    );
    spec.singles[0].status = Status::Unknown;
    let report = Check::new(ca_signed(&pki, &spec), &pki).run();
    assert_eq!(report.cert_status, Some(CertStatus::Unknown));
    assert!(explanation(&report, "ocsp.cert_status").contains("AMQ9716 cause (b)"));
}

#[test]
fn unsuccessful_response_stops_early() {
    let pki = seed();
    let report = Check::new(status_only(3), &pki).run();
    assert_eq!(report.trace.steps.len(), 1);
    assert!(
        report.trace.steps[0]
            .explanation
            .contains("responseStatus is tryLater")
    );
}

#[test]
fn responder_by_key_and_locally_trusted() {
    let pki = seed();
    let mut spec = ResponseSpec::good(&[0x01]);
    spec.responder = ResponderBy::Key;
    let report = Check::new(ca_signed(&pki, &spec), &pki).run();
    assert_eq!(report.signer, Some(Signer::Issuer));
    // A responder the CA did not designate, but which the user trusts explicitly.
    let local = Authority::root(&CertSpec::new("Local Responder"));
    spec.include_signer = false;
    let mut check = Check::new(
        response(&spec, &pki.server_ca.certificate, &local.certificate),
        &pki,
    );
    assert_eq!(outcome(&check.run(), "ocsp.signer"), Outcome::Fail);
    check.trusted = vec![cert(&local.certificate)];
    let report = check.run();
    assert!(matches!(report.signer, Some(Signer::LocallyTrusted { .. })));
    assert!(report.response_valid, "{}", report.trace.text());
}

#[test]
fn nonce_must_echo_the_request() {
    let pki = seed();
    let mut spec = ResponseSpec::good(&[0x01]);
    spec.nonce = Some(vec![0x11; 16]);
    let request = |nonce: &str| OcspRequest {
        version: 1,
        requestor_name: None,
        cert_ids: vec![],
        extensions: vec![],
        nonce: Some(nonce.to_owned()),
        signed: false,
        fingerprint: String::new(),
    };
    let mut check = Check::new(ca_signed(&pki, &spec), &pki);
    check.request = Some(request("11111111111111111111111111111111"));
    assert_eq!(outcome(&check.run(), "ocsp.nonce"), Outcome::Pass);
    check.request = Some(request("22222222222222222222222222222222"));
    assert_eq!(outcome(&check.run(), "ocsp.nonce"), Outcome::Fail);
    spec.nonce = None;
    let mut check = Check::new(ca_signed(&pki, &spec), &pki);
    check.request = Some(request("22222222222222222222222222222222"));
    assert_eq!(outcome(&check.run(), "ocsp.nonce"), Outcome::Warn);
    check.profile = Profile::Gskit;
    assert_eq!(outcome(&check.run(), "ocsp.nonce"), Outcome::Skip);
}

/// Responses made by the real `openssl ocsp` responder: CA-signed and delegated, good and revoked,
/// with the request's nonce.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn openssl_responder_responses_verify() {
    use mqocsp_testkit::openssl::{Answer, OpensslCa, RESPONDER_EXTENSIONS, SERVER_EXTENSIONS};
    let mut ca = OpensslCa::root(
        "verify-openssl",
        "/C=AU/O=Pulsar Integration SD Inc./CN=nsca",
    );
    let qm = ca.issue("qm", "/C=AU/O=Pulsar/CN=qm1", 1, SERVER_EXTENSIONS);
    let delegate = ca.issue(
        "responder",
        "/C=AU/O=Pulsar/CN=nsca OCSP",
        2,
        RESPONDER_EXTENSIONS,
    );
    ca.revoke(1, "220202080659Z", Some("keyCompromise"));
    let parse_cert = |path: &std::path::Path| {
        mqocsp_core::decode(&std::fs::read_to_string(path).unwrap())
            .certificates()
            .next()
            .unwrap()
            .clone()
    };
    let (issuer, target) = (parse_cert(&ca.cert_path()), parse_cert(&qm));
    let now = Timestamp(time::OffsetDateTime::now_utc());
    for signer in [
        None,
        Some((delegate.clone(), ca.dir().join("responder.key"))),
    ] {
        let request_der = ca.request(&qm, true);
        let response_der = ca.respond(
            &request_der,
            &Answer {
                next_update_days: Some(1),
                signer: signer.clone(),
                ..Answer::default()
            },
        );
        let response = OcspResponse::parse(&response_der).unwrap();
        let request = OcspRequest::parse(&request_der).unwrap();
        let report = verify_ocsp(&OcspInput {
            max_age: None,
            response: &response,
            issuer: &issuer,
            target: Some(&target),
            untrusted: &[],
            trusted_responders: &[],
            request: Some(&request),
            at: now,
            profile: Profile::Rfc6960,
            legacy: LegacyAlgorithms::Reject,
        });
        assert!(
            report.response_valid,
            "{signer:?}:\n{}",
            report.trace.text()
        );
        assert_eq!(outcome(&report, "ocsp.nonce"), Outcome::Pass);
        assert!(
            matches!(report.cert_status, Some(CertStatus::Revoked { ref reason, .. }) if reason.as_deref() == Some("keyCompromise"))
        );
        assert_eq!(
            report.signer.is_some_and(|s| s == Signer::Issuer),
            signer.is_none()
        );
    }
}

/// A request built by mqocsp is one the real `openssl ocsp` responder answers, with our nonce.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn built_requests_are_answered_by_openssl() {
    use mqocsp_testkit::openssl::{Answer, OpensslCa, SERVER_EXTENSIONS};
    let mut ca = OpensslCa::root("build-request", "/C=AU/O=Pulsar/CN=nsca");
    let qm = ca.issue("qm", "/C=AU/O=Pulsar/CN=qm1", 0x1234, SERVER_EXTENSIONS);
    let parse = |path: &std::path::Path| {
        mqocsp_core::decode(&std::fs::read_to_string(path).unwrap())
            .certificates()
            .next()
            .unwrap()
            .clone()
    };
    let (issuer, target) = (parse(&ca.cert_path()), parse(&qm));
    let der = mqocsp_core::ocsp::build_request(&target, &issuer, Some(&[7; 16]));
    let request = OcspRequest::parse(&der).unwrap();
    assert_eq!(request.cert_ids[0].serial, "1234");
    assert_eq!(
        request.nonce.as_deref(),
        Some("07070707070707070707070707070707")
    );
    let response = OcspResponse::parse(&ca.respond(&der, &Answer::default())).unwrap();
    let basic = response.basic.unwrap();
    assert_eq!(basic.responses[0].cert_status, CertStatus::Good);
    assert_eq!(
        basic.nonce.as_deref(),
        Some("07070707070707070707070707070707")
    );
}
