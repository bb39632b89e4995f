//! OCSP hardening (RFC 6960 and what TLS libraries add): critical extensions, several answers
//! for one certificate, the responder's validity at producedAt, the order of the times, a local
//! maximum age, and responses that decode but say nothing usable.

use mqocsp_core::Certificate;
use mqocsp_core::Timestamp;
use mqocsp_core::ocsp::{CertStatus, OcspResponse};
use mqocsp_core::verify::{LegacyAlgorithms, OcspInput, OcspReport, Outcome, Profile, verify_ocsp};
use mqocsp_testkit::der::{enumerated, explicit, octets, oid, seq};
use mqocsp_testkit::fixtures::{SeedPki, seed};
use mqocsp_testkit::ocsp::{ResponseSpec, Single, Status, extension, response, status_only};
use mqocsp_testkit::pki::{CertSpec, Issued};
use time::macros::datetime;

fn cert(issued: &Issued) -> Certificate {
    Certificate::parse(&issued.der).expect("a test certificate")
}

/// An hour after the built responses' thisUpdate, before their nextUpdate.
const AT: &str = "2026-11-26T13:00:00Z";

fn check(der: &[u8], pki: &SeedPki, profile: Profile, max_age: Option<i64>) -> OcspReport {
    let response = OcspResponse::parse(der).expect("a response");
    verify_ocsp(&OcspInput {
        response: &response,
        issuer: &cert(&pki.server_ca.certificate),
        target: Some(&cert(&pki.queue_manager)),
        untrusted: &[],
        trusted_responders: &[],
        request: None,
        at: Timestamp::parse_rfc3339(AT).unwrap(),
        profile,
        legacy: LegacyAlgorithms::Reject,
        max_age,
    })
}

fn step<'r>(report: &'r OcspReport, id: &str) -> &'r mqocsp_core::verify::Step {
    report
        .trace
        .steps
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no {id}:\n{}", report.trace.text()))
}

fn ca_signed(pki: &SeedPki, spec: &ResponseSpec) -> Vec<u8> {
    response(spec, &pki.server_ca.certificate, &pki.server_ca.certificate)
}

#[test]
fn unrecognised_critical_extension_makes_the_response_unusable() {
    let pki = seed();
    let unknown = extension("1.3.6.1.4.1.55738.666.1", true, &[0x05, 0x00]);
    let mut in_response = ResponseSpec::good(&[0x01]);
    in_response.extensions = vec![unknown.clone()];
    let mut in_single = ResponseSpec::good(&[0x01]);
    in_single.single_extensions = vec![unknown];
    for (what, spec) in [("response", &in_response), ("single", &in_single)] {
        let report = check(&ca_signed(&pki, spec), &pki, Profile::Rfc6960, None);
        let critical = step(&report, "ocsp.critical_extensions");
        assert_eq!(critical.outcome, Outcome::Fail, "{what}");
        assert!(
            critical.explanation.contains("1.3.6.1.4.1.55738.666.1"),
            "{what}"
        );
        assert!(!report.response_valid, "{what}");
        assert_eq!(report.verdict(), "invalid", "{what}");
        let gskit = check(&ca_signed(&pki, spec), &pki, Profile::Gskit, None);
        assert_eq!(
            step(&gskit, "ocsp.critical_extensions").outcome,
            Outcome::Warn
        );
    }
    // The same extension, not critical, is ignored; a critical nonce is understood.
    let mut harmless = ResponseSpec::good(&[0x01]);
    harmless.extensions = vec![
        extension("1.3.6.1.4.1.55738.666.1", false, &[0x05, 0x00]),
        extension("1.3.6.1.5.5.7.48.1.2", true, &octets(&[1, 2, 3, 4])),
    ];
    let report = check(&ca_signed(&pki, &harmless), &pki, Profile::Rfc6960, None);
    assert_eq!(
        step(&report, "ocsp.critical_extensions").outcome,
        Outcome::Pass
    );
    assert!(report.response_valid, "{}", report.trace.text());
}

#[test]
fn several_answers_for_one_certificate_give_revoked_if_any_says_revoked() {
    let pki = seed();
    let mut spec = ResponseSpec::good(&[0x01]);
    let mut revoked = Single::good(&[0x01]);
    revoked.status = Status::Revoked("20261120000000".into(), Some(1));
    spec.singles.push(revoked);
    let report = check(&ca_signed(&pki, &spec), &pki, Profile::Rfc6960, None);
    assert!(matches!(
        report.cert_status,
        Some(CertStatus::Revoked { .. })
    ));
    assert_eq!(report.verdict(), "invalid");
    let cert_id = step(&report, "ocsp.cert_id");
    assert_eq!(cert_id.outcome, Outcome::Warn);
    assert!(
        cert_id
            .explanation
            .contains("2 SingleResponses are about this certificate (good, revoked)"),
        "{}",
        cert_id.explanation
    );
    assert_eq!(step(&report, "ocsp.cert_status").outcome, Outcome::Fail);
}

#[test]
fn responder_must_be_valid_at_produced_at() {
    let pki = seed();
    // Valid at the evaluation time (13:00), not when the response was produced (12:00).
    let late = pki.server_ca.issue(
        &CertSpec::new("Late Responder")
            .serial(&[0x7a])
            .ocsp_signing(true)
            .validity(
                datetime!(2026-11-26 12:30 UTC),
                datetime!(2027-11-26 12:30 UTC),
            ),
    );
    let der = response(
        &ResponseSpec::good(&[0x01]),
        &pki.server_ca.certificate,
        &late,
    );
    let report = check(&der, &pki, Profile::Rfc6960, None);
    assert_eq!(
        step(&report, "ocsp.responder_validity").outcome,
        Outcome::Pass
    );
    let produced = step(&report, "ocsp.responder_valid_at_produced_at");
    assert_eq!(produced.outcome, Outcome::Fail, "{}", report.trace.text());
    assert!(!report.response_valid);
}

#[test]
fn produced_at_before_this_update_or_in_the_future_is_reported() {
    let pki = seed();
    let mut early = ResponseSpec::good(&[0x01]);
    early.produced_at = "20261126100000".into();
    let report = check(&ca_signed(&pki, &early), &pki, Profile::Rfc6960, None);
    assert_eq!(
        step(&report, "ocsp.produced_after_this_update").outcome,
        Outcome::Fail
    );
    assert!(!report.response_valid);
    let gskit = check(&ca_signed(&pki, &early), &pki, Profile::Gskit, None);
    assert_eq!(
        step(&gskit, "ocsp.produced_after_this_update").outcome,
        Outcome::Skip
    );
    let mut future = ResponseSpec::good(&[0x01]);
    future.produced_at = "20261126150000".into();
    let report = check(&ca_signed(&pki, &future), &pki, Profile::Rfc6960, None);
    assert_eq!(step(&report, "ocsp.produced_at").outcome, Outcome::Fail);
}

#[test]
fn max_age_policy_refuses_old_this_update() {
    let pki = seed();
    let der = ca_signed(&pki, &ResponseSpec::good(&[0x01]));
    // thisUpdate is 12:00, the evaluation time 13:00.
    let strict = check(&der, &pki, Profile::Rfc6960, Some(1800));
    assert_eq!(step(&strict, "ocsp.max_age").outcome, Outcome::Fail);
    assert!(!strict.response_valid);
    let lenient = check(&der, &pki, Profile::Rfc6960, Some(7200));
    assert_eq!(step(&lenient, "ocsp.max_age").outcome, Outcome::Pass);
    assert!(lenient.response_valid);
    let none = check(&der, &pki, Profile::Rfc6960, None);
    assert!(none.trace.steps.iter().all(|s| s.id != "ocsp.max_age"));
}

#[test]
fn decoded_responses_that_say_nothing_usable_are_problems() {
    let successful_without_bytes = OcspResponse::parse(&status_only(0)).unwrap();
    assert!(successful_without_bytes.problems()[0].contains("responseBytes is absent"));
    let undefined = OcspResponse::parse(&status_only(4)).unwrap();
    assert!(undefined.problems()[0].contains("does not define"));
    let other_type = seq(&[
        enumerated(0),
        explicit(
            0,
            &seq(&[oid("1.3.6.1.5.5.7.48.1.99"), octets(&[0x05, 0x00])]),
        ),
    ]);
    let other = OcspResponse::parse(&other_type).unwrap();
    assert!(other.problems()[0].contains("only id-pkix-ocsp-basic"));
    assert!(
        OcspResponse::parse(&status_only(3))
            .unwrap()
            .problems()
            .is_empty()
    );
    let pki = seed();
    let good = ca_signed(&pki, &ResponseSpec::good(&[0x01]));
    assert!(OcspResponse::parse(&good).unwrap().problems().is_empty());
    // certStatus [3]: not good [0], revoked [1] or unknown [2]. The response still decodes.
    let mut tbs = mqocsp_testkit::ocsp::response_data(
        &ResponseSpec::good(&[0x01]),
        &pki.server_ca.certificate,
        &pki.server_ca.certificate,
    );
    let at = tbs
        .windows(3)
        .position(|w| w == [0x80, 0x00, 0x18])
        .expect("the good status before thisUpdate");
    tbs[at] = 0x83;
    let odd = mqocsp_testkit::ocsp::sign_response(&tbs, &pki.server_ca.certificate, true);
    let response = OcspResponse::parse(&odd).expect("still decodes");
    assert!(
        response.problems()[0].contains("certStatus [3]"),
        "{:?}",
        response.problems()
    );
    let report = check(&odd, &pki, Profile::Rfc6960, None);
    assert_eq!(report.verdict(), "invalid");
    assert_eq!(step(&report, "ocsp.cert_status").outcome, Outcome::Fail);
}

/// `YYYYMMDDHHMMSS`, `offset` seconds from now.
#[cfg(not(target_arch = "wasm32"))]
fn digits(offset: i64) -> String {
    let when = time::OffsetDateTime::now_utc() + time::Duration::seconds(offset);
    format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}",
        when.year(),
        u8::from(when.month()),
        when.day(),
        when.hour(),
        when.minute(),
        when.second()
    )
}

/// `openssl ocsp` on the same response: whether it verifies and says good with no status-time
/// warning.
#[cfg(not(target_arch = "wasm32"))]
fn openssl_says_good(dir: &std::path::Path, der: &[u8], extra: &[&str]) -> (bool, String) {
    std::fs::write(dir.join("resp.der"), der).unwrap();
    let out = std::process::Command::new("openssl")
        .current_dir(dir)
        .args([
            "ocsp", "-respin", "resp.der", "-issuer", "ca.pem", "-cert", "qm.pem",
        ])
        .args(["-CAfile", "ca.pem", "-no_nonce"])
        .args(extra)
        .output()
        .expect("running openssl ocsp");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let good = out.status.success()
        && text.contains("Response verify OK")
        && text.contains("qm.pem: good")
        && !text.contains("Status times invalid");
    (good, text)
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn hardening_against_openssl_ocsp_with_named_differences() {
    let pki = seed();
    let scratch = mqocsp_testkit::scratch::ScratchDir::new("ocsp-hardening");
    let dir = scratch.path();
    scratch.write("ca.pem", &pki.server_ca.certificate.pem);
    scratch.write("qm.pem", &pki.queue_manager.pem);
    let fresh = || {
        let mut spec = ResponseSpec::good(&[0x01]);
        spec.produced_at = digits(-60);
        spec.singles[0].this_update = digits(-3600);
        spec.singles[0].next_update = Some(digits(86_400));
        spec
    };
    let ours = |der: &[u8], max_age: Option<i64>| {
        let response = OcspResponse::parse(der).expect("a response");
        let report = verify_ocsp(&OcspInput {
            response: &response,
            issuer: &cert(&pki.server_ca.certificate),
            target: Some(&cert(&pki.queue_manager)),
            untrusted: &[],
            trusted_responders: &[],
            request: None,
            at: Timestamp(time::OffsetDateTime::now_utc()),
            profile: Profile::Rfc6960,
            legacy: LegacyAlgorithms::Reject,
            max_age,
        });
        report.verdict() == "valid"
    };
    let mut critical = fresh();
    critical.extensions = vec![extension("1.3.6.1.4.1.55738.666.1", true, &[0x05, 0x00])];
    let mut two = fresh();
    let mut revoked = two.singles[0].clone();
    revoked.status = Status::Revoked(digits(-86_400), Some(1));
    two.singles.push(revoked);
    let mut stale = fresh();
    stale.singles[0].this_update = digits(-3 * 86_400);
    stale.singles[0].next_update = Some(digits(-86_400));
    // (name, response, --max-age / -status_age, mqocsp's verdict, why openssl differs)
    type Case<'a> = (&'a str, ResponseSpec, Option<i64>, bool, Option<&'a str>);
    let cases: Vec<Case<'_>> = vec![
        ("good", fresh(), None, true, None),
        ("stale", stale, None, false, None),
        ("too old for the policy", fresh(), Some(600), false, None),
        (
            "young enough for the policy",
            fresh(),
            Some(7200),
            true,
            None,
        ),
        (
            "critical unknown extension",
            critical,
            None,
            false,
            Some("openssl ocsp ignores response extensions it does not know, critical or not"),
        ),
        (
            "good and revoked for one certificate",
            two,
            None,
            false,
            Some("openssl ocsp reports the first matching SingleResponse (good)"),
        ),
    ];
    let mut wrong = Vec::new();
    for (name, spec, max_age, valid, differs) in cases {
        let der = ca_signed(&pki, &spec);
        let age = max_age.map(|a| a.to_string());
        let extra: Vec<&str> = age
            .as_deref()
            .map_or_else(Vec::new, |a| vec!["-status_age", a]);
        let (theirs, said) = openssl_says_good(dir, &der, &extra);
        if ours(&der, max_age) != valid {
            wrong.push(format!("{name}: mqocsp does not say valid={valid}"));
        }
        match differs {
            None if theirs != valid => wrong.push(format!(
                "{name}: openssl says good={theirs} unexplained:\n{said}"
            )),
            Some(why) if theirs == valid => wrong.push(format!(
                "{name}: openssl now agrees; drop the named difference ({why})"
            )),
            _ => {}
        }
    }
    // A delegated responder that became valid after it signed (producedAt a minute ago).
    let now_time = time::OffsetDateTime::now_utc();
    let late = pki.server_ca.issue(
        &CertSpec::new("Late Responder")
            .serial(&[0x7b])
            .ocsp_signing(true)
            .validity(
                now_time - time::Duration::seconds(30),
                now_time + time::Duration::days(30),
            ),
    );
    let der = response(&fresh(), &pki.server_ca.certificate, &late);
    assert!(
        !ours(&der, None),
        "mqocsp refuses a responder not valid at producedAt"
    );
    let (theirs, said) = openssl_says_good(dir, &der, &[]);
    assert!(
        theirs,
        "named difference: openssl ocsp checks the responder certificate at the current time only, not at producedAt; if it now refuses, drop this difference:\n{said}"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
