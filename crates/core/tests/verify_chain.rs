//! Chain building and validation on generated PKIs: every check's pass and fail, the classic
//! failures in words, and rustls-webpki as a second opinion on the verdict.

use mqocsp_core::Certificate;
use mqocsp_core::Timestamp;
use mqocsp_core::verify::{
    ChainInput, ChainReport, LegacyAlgorithms, Outcome, Purpose, verify_chain,
};
use mqocsp_testkit::pki::{Authority, CertSpec, Issued, self_signed};
use rcgen::{ExtendedKeyUsagePurpose, KeyUsagePurpose};
use time::macros::datetime;

fn cert(issued: &Issued) -> Certificate {
    Certificate::parse(&issued.der).expect("a test certificate")
}

fn at() -> Timestamp {
    Timestamp::parse_rfc3339("2026-11-26T12:00:00Z").unwrap()
}

/// Root → intermediate → leaf, the shape of most MQ deployments with an enterprise CA.
struct Pki {
    root: Authority,
    intermediate: Authority,
    leaf: Issued,
}

fn pki() -> Pki {
    let root = Authority::root(&CertSpec::new("Chain Root CA").organization("mqocsp"));
    let intermediate = root.intermediate(
        &CertSpec::new("Chain Issuing CA")
            .organization("mqocsp")
            .serial(&[0x10]),
    );
    let leaf = intermediate.issue(
        &CertSpec::new("qm1.example.test")
            .dns(&["qm1.example.test"])
            .tls()
            .serial(&[0x20]),
    );
    Pki {
        root,
        intermediate,
        leaf,
    }
}

fn verify(
    target: &Issued,
    untrusted: &[&Issued],
    anchors: &[&Issued],
    purpose: Purpose,
) -> ChainReport {
    let untrusted: Vec<Certificate> = untrusted.iter().map(|i| cert(i)).collect();
    let anchors: Vec<Certificate> = anchors.iter().map(|i| cert(i)).collect();
    verify_chain(&ChainInput {
        profile: mqocsp_core::verify::ChainProfile::Rfc5280,
        crls: &[],
        max_depth: None,
        policy: Default::default(),
        target: &cert(target),
        untrusted: &untrusted,
        anchors: &anchors,
        at: at(),
        purpose,
        peer_name: None,
        legacy: LegacyAlgorithms::Reject,
    })
}

fn step<'r>(report: &'r ChainReport, id: &str, subject: &str) -> &'r mqocsp_core::verify::Step {
    report
        .trace
        .steps
        .iter()
        .find(|s| s.id == id && s.subject == subject)
        .unwrap_or_else(|| panic!("no step {id} for {subject}:\n{}", report.trace.text()))
}

/// rustls-webpki's verdict on the same input (Ed25519, server or client auth).
fn webpki_accepts(
    target: &Issued,
    untrusted: &[&Issued],
    anchors: &[&Issued],
    purpose: Purpose,
) -> bool {
    use rustls_pki_types::{CertificateDer, UnixTime};
    let anchor_ders: Vec<CertificateDer<'_>> = anchors
        .iter()
        .map(|a| CertificateDer::from(a.der.as_slice()))
        .collect();
    let Ok(anchors) = anchor_ders
        .iter()
        .map(webpki::anchor_from_trusted_cert)
        .collect::<Result<Vec<_>, _>>()
    else {
        return false;
    };
    let intermediates: Vec<CertificateDer<'_>> = untrusted
        .iter()
        .map(|c| CertificateDer::from(c.der.as_slice()))
        .collect();
    let der = CertificateDer::from(target.der.as_slice());
    let Ok(end_entity) = webpki::EndEntityCert::try_from(&der) else {
        return false;
    };
    let usage = match purpose {
        Purpose::ClientAuth => webpki::KeyUsage::client_auth(),
        _ => webpki::KeyUsage::server_auth(),
    };
    let time = UnixTime::since_unix_epoch(std::time::Duration::from_secs(at().unix() as u64));
    end_entity
        .verify_for_usage(
            webpki::ALL_VERIFICATION_ALGS,
            &anchors,
            &intermediates,
            time,
            usage,
            None,
            None,
        )
        .is_ok()
}

#[test]
fn good_chain_from_an_unordered_bag_with_extras_is_valid() {
    let p = pki();
    let stranger = self_signed(&CertSpec::new("Unrelated CA"));
    let report = verify(
        &p.leaf,
        &[
            &p.root.certificate,
            &stranger,
            &p.intermediate.certificate,
            &p.intermediate.certificate,
        ],
        &[&p.root.certificate],
        Purpose::ServerAuth,
    );
    assert!(report.valid, "{}", report.trace.text());
    assert_eq!(
        report.paths[0].certificates,
        ["qm1.example.test", "Chain Issuing CA", "Chain Root CA"]
    );
    assert_eq!(
        step(&report, "chain.signature", "qm1.example.test").outcome,
        Outcome::Pass
    );
    assert_eq!(
        step(&report, "chain.signature", "Chain Root CA").outcome,
        Outcome::Skip
    );
    assert_eq!(
        step(&report, "chain.order", "qm1.example.test").outcome,
        Outcome::Warn
    );
    assert!(webpki_accepts(
        &p.leaf,
        &[&p.intermediate.certificate],
        &[&p.root.certificate],
        Purpose::ServerAuth
    ));
}

#[test]
fn missing_intermediate_names_the_issuer_and_key_id() {
    let p = pki();
    let report = verify(&p.leaf, &[], &[&p.root.certificate], Purpose::ServerAuth);
    assert!(!report.valid);
    let build = step(&report, "chain.build", "qm1.example.test");
    assert_eq!(build.outcome, Outcome::Fail);
    let key_id = cert(&p.intermediate.certificate)
        .key_id()
        .unwrap()
        .to_owned();
    assert!(
        build
            .explanation
            .contains("no certificate named CN=Chain Issuing CA,O=mqocsp"),
        "{}",
        build.explanation
    );
    assert!(build.explanation.contains(&key_id), "{}", build.explanation);
    assert!(
        build
            .explanation
            .contains("the issuing CA certificate is missing")
    );
    assert!(!webpki_accepts(
        &p.leaf,
        &[],
        &[&p.root.certificate],
        Purpose::ServerAuth
    ));
}

#[test]
fn untrusted_root_and_self_signed_leaf_are_named() {
    let p = pki();
    let other = Authority::root(&CertSpec::new("Other Root CA"));
    let report = verify(
        &p.leaf,
        &[&p.intermediate.certificate, &p.root.certificate],
        &[&other.certificate],
        Purpose::ServerAuth,
    );
    let build = step(&report, "chain.build", "qm1.example.test");
    assert!(build.explanation.contains("ends at the self-signed CN=Chain Root CA,O=mqocsp, which is not among the trust anchors"), "{}", build.explanation);
    let lonely = self_signed(&CertSpec::new("lonely.example.test"));
    let report = verify(&lonely, &[], &[&other.certificate], Purpose::Any);
    let build = step(&report, "chain.build", "lonely.example.test");
    assert!(
        build
            .explanation
            .contains("CN=lonely.example.test is self-signed and is not among the trust anchors"),
        "{}",
        build.explanation
    );
}

#[test]
fn expired_intermediate_fails_its_validity_step() {
    let root = Authority::root(&CertSpec::new("Chain Root CA"));
    let expired = root.intermediate(&CertSpec::new("Old Issuing CA").validity(
        datetime!(2015-01-01 00:00:00 UTC),
        datetime!(2025-11-26 09:00:00 UTC),
    ));
    let leaf = expired.issue(&CertSpec::new("qm2.example.test").tls());
    let report = verify(
        &leaf,
        &[&expired.certificate],
        &[&root.certificate],
        Purpose::ServerAuth,
    );
    assert!(!report.valid);
    let validity = step(&report, "chain.validity", "Old Issuing CA");
    assert_eq!(validity.outcome, Outcome::Fail);
    assert!(
        validity.explanation.contains(
            "has expired: notAfter 2025-11-26T09:00:00Z is 365 days 3 h before the evaluation time"
        ),
        "{}",
        validity.explanation
    );
    assert!(!webpki_accepts(
        &leaf,
        &[&expired.certificate],
        &[&root.certificate],
        Purpose::ServerAuth
    ));
}

#[test]
fn cross_signed_alternative_is_found() {
    // The issuing CA exists twice with one key: signed by an old root and by a new one.
    let old_root = Authority::root(&CertSpec::new("Old Root CA"));
    let new_root = Authority::root(&CertSpec::new("New Root CA"));
    let issuing = CertSpec::new("Shared Issuing CA").key_name("shared-issuing");
    let via_old = old_root.intermediate(&issuing.clone().serial(&[1]));
    let via_new = new_root.intermediate(&issuing.serial(&[2]));
    let leaf = via_new.issue(&CertSpec::new("qm3.example.test").tls());
    let report = verify(
        &leaf,
        &[&via_old.certificate, &via_new.certificate],
        &[&new_root.certificate],
        Purpose::ServerAuth,
    );
    assert!(report.valid, "{}", report.trace.text());
    assert_eq!(report.paths.len(), 1, "only the new root is trusted");
    let both = verify(
        &leaf,
        &[&via_old.certificate, &via_new.certificate],
        &[&new_root.certificate, &old_root.certificate],
        Purpose::ServerAuth,
    );
    assert_eq!(both.paths.len(), 2);
    assert!(
        step(&both, "chain.build", "qm3.example.test")
            .explanation
            .contains("2 candidate paths")
    );
    assert!(both.paths.iter().all(|p| p.valid));
}

/// What rustls-webpki says about the same chain.
enum Webpki {
    Agrees,
    /// It accepts the chain, for the reason given.
    Accepts(&'static str),
}

/// Checks a chain root → `issuer` → (`chain` →) leaf and expects `failing` to be the first failure.
fn expect_issuer_failure(
    name: &str,
    root: &Authority,
    issuer: &Issued,
    chain: &[&Issued],
    leaf: &Issued,
    failing: &str,
    webpki: Webpki,
) {
    let mut untrusted = vec![issuer];
    untrusted.extend_from_slice(chain);
    let report = verify(leaf, &untrusted, &[&root.certificate], Purpose::ServerAuth);
    assert!(!report.valid, "{name}: {}", report.trace.text());
    assert_eq!(
        report.trace.first_failure().unwrap().id,
        failing,
        "{name}: {}",
        report.trace.text()
    );
    let accepted = webpki_accepts(leaf, &untrusted, &[&root.certificate], Purpose::ServerAuth);
    match webpki {
        Webpki::Agrees => assert!(!accepted, "webpki agrees on {name}"),
        Webpki::Accepts(reason) => {
            assert!(accepted, "webpki was expected to accept {name}: {reason}")
        }
    }
}

#[test]
fn issuer_checks_basic_constraints_key_usage_and_path_length() {
    let root = Authority::root(&CertSpec::new("Chain Root CA"));

    // An end-entity certificate used as an issuer: the key signs, but basicConstraints is absent.
    let pretend = CertSpec {
        key_usages: Some(vec![KeyUsagePurpose::KeyCertSign]),
        ..CertSpec::new("Pretend CA")
    };
    let signer = root.intermediate(&pretend);
    let end_entity = root.issue(&pretend);
    let leaf = signer.issue(&CertSpec::new("leaf.example.test").tls());
    expect_issuer_failure(
        "not a CA",
        &root,
        &end_entity,
        &[],
        &leaf,
        "chain.basic_constraints",
        Webpki::Agrees,
    );

    let no_sign = root.intermediate(&CertSpec {
        key_usages: Some(vec![KeyUsagePurpose::DigitalSignature]),
        ..CertSpec::new("No Sign CA")
    });
    let leaf = no_sign.issue(&CertSpec::new("leaf2.example.test").tls());
    expect_issuer_failure(
        "no keyCertSign",
        &root,
        &no_sign.certificate,
        &[],
        &leaf,
        "chain.key_usage",
        Webpki::Accepts(
            "rustls-webpki does not enforce keyUsage on CA certificates; RFC 5280 §6.1.4 (n) and GSKit do",
        ),
    );

    let pathlen0 = root.intermediate(&CertSpec {
        ca: Some(Some(0)),
        ..CertSpec::new("Path Zero CA")
    });
    let second = pathlen0.intermediate(&CertSpec::new("Second Level CA"));
    let leaf = second.issue(&CertSpec::new("deep.example.test").tls());
    expect_issuer_failure(
        "pathlen 0 exceeded",
        &root,
        &pathlen0.certificate,
        &[&second.certificate],
        &leaf,
        "chain.basic_constraints",
        Webpki::Agrees,
    );
}

#[test]
fn extended_key_usage_follows_the_purpose() {
    let p = pki();
    let client_only = p.intermediate.issue(&CertSpec {
        purposes: vec![ExtendedKeyUsagePurpose::ClientAuth],
        ..CertSpec::new("client.example.test")
    });
    let as_server = verify(
        &client_only,
        &[&p.intermediate.certificate],
        &[&p.root.certificate],
        Purpose::ServerAuth,
    );
    let eku = step(
        &as_server,
        "chain.extended_key_usage",
        "client.example.test",
    );
    assert_eq!(eku.outcome, Outcome::Fail);
    assert!(eku.explanation.contains("clientAuth without serverAuth"));
    let as_client = verify(
        &client_only,
        &[&p.intermediate.certificate],
        &[&p.root.certificate],
        Purpose::ClientAuth,
    );
    assert!(as_client.valid, "{}", as_client.trace.text());
    for purpose in [Purpose::ServerAuth, Purpose::ClientAuth] {
        let ours = verify(
            &client_only,
            &[&p.intermediate.certificate],
            &[&p.root.certificate],
            purpose,
        )
        .valid;
        assert_eq!(
            ours,
            webpki_accepts(
                &client_only,
                &[&p.intermediate.certificate],
                &[&p.root.certificate],
                purpose
            ),
            "{purpose:?}"
        );
    }
}

#[test]
fn unknown_critical_extension_fails() {
    let p = pki();
    let leaf = p.intermediate.issue(&CertSpec {
        extra: vec![(vec![1, 3, 6, 1, 4, 1, 99999, 1], vec![0x05, 0x00], true)],
        ..CertSpec::new("critical.example.test").tls()
    });
    let report = verify(
        &leaf,
        &[&p.intermediate.certificate],
        &[&p.root.certificate],
        Purpose::ServerAuth,
    );
    let critical = step(
        &report,
        "chain.critical_extensions",
        "critical.example.test",
    );
    assert_eq!(critical.outcome, Outcome::Fail);
    assert!(critical.explanation.contains("1.3.6.1.4.1.99999.1"));
    assert!(!webpki_accepts(
        &leaf,
        &[&p.intermediate.certificate],
        &[&p.root.certificate],
        Purpose::ServerAuth
    ));
}

#[test]
fn corrupted_signature_fails_and_names_the_issuer() {
    let p = pki();
    let mut broken = p
        .intermediate
        .issue(&CertSpec::new("tampered.example.test").tls());
    let last = broken.der.len() - 1;
    broken.der[last] ^= 0x01;
    let report = verify(
        &broken,
        &[&p.intermediate.certificate],
        &[&p.root.certificate],
        Purpose::ServerAuth,
    );
    let signature = step(&report, "chain.signature", "tampered.example.test");
    assert_eq!(signature.outcome, Outcome::Fail);
    assert!(
        signature
            .explanation
            .contains("the signature does not verify with this public key")
    );
    assert!(!webpki_accepts(
        &broken,
        &[&p.intermediate.certificate],
        &[&p.root.certificate],
        Purpose::ServerAuth
    ));
}

#[test]
fn directory_name_constraints_apply_to_every_certificate_below() {
    let mut example = rcgen::DistinguishedName::new();
    example.push(rcgen::DnType::CountryName, "GB");
    example.push(rcgen::DnType::OrganizationName, "Example");
    let root = Authority::root(&CertSpec {
        name_constraints: Some(rcgen::NameConstraints {
            permitted_subtrees: vec![rcgen::GeneralSubtree::DirectoryName(example)],
            excluded_subtrees: vec![rcgen::GeneralSubtree::DnsName("blocked.example".into())],
        }),
        ..CertSpec::new("Constrained Root")
            .organization("Example")
            .country("GB")
    });
    let leaf = |name: &str, organization: &str| {
        CertSpec::new(name)
            .organization(organization)
            .country("GB")
            .tls()
    };
    let inside = root.issue(&leaf("qm1", "example").dns(&["qm1.example.test"]));
    let report = verify(&inside, &[], &[&root.certificate], Purpose::ServerAuth);
    assert!(report.valid, "{}", report.trace.text());
    assert_eq!(
        step(&report, "chain.name_constraints", "qm1").outcome,
        Outcome::Pass
    );

    let outside = root.issue(&leaf("qm2", "Other"));
    let report = verify(&outside, &[], &[&root.certificate], Purpose::ServerAuth);
    assert!(!report.valid);
    let constraint = step(&report, "chain.name_constraints", "qm2");
    assert!(
        constraint.explanation.contains(
            "DirName:CN=qm2,O=Other,C=GB is outside every permitted subtree of its form (DirName:O=Example,C=GB)"
        ),
        "{}",
        constraint.explanation
    );

    let excluded = root.issue(&leaf("qm3", "Example").dns(&["qm3.blocked.example"]));
    let report = verify(&excluded, &[], &[&root.certificate], Purpose::ServerAuth);
    assert!(
        step(&report, "chain.name_constraints", "qm3")
            .explanation
            .contains("DNS:qm3.blocked.example is inside the excluded subtree DNS:blocked.example")
    );

    // An intermediate outside the subtree fails even when the leaf below it is inside.
    let rogue = root.intermediate(
        &CertSpec::new("Rogue CA")
            .organization("Other")
            .country("GB"),
    );
    let below = rogue.issue(&leaf("qm4", "Example"));
    let report = verify(
        &below,
        &[&rogue.certificate],
        &[&root.certificate],
        Purpose::ServerAuth,
    );
    assert!(!report.valid, "{}", report.trace.text());
    assert_eq!(
        step(&report, "chain.name_constraints", "Rogue CA").outcome,
        Outcome::Fail
    );
    assert_eq!(
        step(&report, "chain.name_constraints", "qm4").outcome,
        Outcome::Pass
    );
    // rustls-webpki, the second opinion, does not implement directoryName constraints and
    // rejects every certificate below one (rustls/webpki#19, as RFC 5280 allows for a constraint
    // it cannot process): here it differs on the certificate inside the subtree.
    let webpki = |target: &Issued, untrusted: &[&Issued]| {
        webpki_accepts(target, untrusted, &[&root.certificate], Purpose::ServerAuth)
    };
    assert_eq!(
        [
            webpki(&inside, &[]),
            webpki(&outside, &[]),
            webpki(&excluded, &[]),
            webpki(&below, &[&rogue.certificate])
        ],
        [false, false, false, false]
    );
}

#[test]
fn name_constraints_and_peer_names() {
    let root = Authority::root(&CertSpec {
        permitted_dns: vec!["mq.example.test".into()],
        ..CertSpec::new("Constrained Root")
    });
    let inside = root.issue(
        &CertSpec::new("qm1.mq.example.test")
            .dns(&["qm1.mq.example.test"])
            .tls(),
    );
    let outside = root.issue(
        &CertSpec::new("qm1.elsewhere.test")
            .dns(&["qm1.elsewhere.test"])
            .tls(),
    );
    let ok = verify(&inside, &[], &[&root.certificate], Purpose::ServerAuth);
    assert_eq!(
        step(&ok, "chain.name_constraints", "qm1.mq.example.test").outcome,
        Outcome::Pass
    );
    let bad = verify(&outside, &[], &[&root.certificate], Purpose::ServerAuth);
    let constraint = step(&bad, "chain.name_constraints", "qm1.elsewhere.test");
    assert_eq!(constraint.outcome, Outcome::Fail, "{}", bad.trace.text());
    assert!(
        constraint
            .explanation
            .contains("DNS:qm1.elsewhere.test is outside every permitted subtree")
    );
    assert!(!webpki_accepts(
        &outside,
        &[],
        &[&root.certificate],
        Purpose::ServerAuth
    ));

    let target = cert(&inside);
    let anchors = [cert(&root.certificate)];
    for (peer, expected) in [
        ("qm1.mq.example.test", Outcome::Pass),
        ("qm2.mq.example.test", Outcome::Fail),
    ] {
        let report = verify_chain(&ChainInput {
            profile: mqocsp_core::verify::ChainProfile::Rfc5280,
            crls: &[],
            max_depth: None,
            policy: Default::default(),
            target: &target,
            untrusted: &[],
            anchors: &anchors,
            at: at(),
            purpose: Purpose::ServerAuth,
            peer_name: Some(peer),
            legacy: LegacyAlgorithms::Reject,
        });
        assert_eq!(
            step(&report, "chain.peer_name", "qm1.mq.example.test").outcome,
            expected,
            "{peer}"
        );
        assert_eq!(report.valid, expected == Outcome::Pass);
    }
}

/// SHA-1 and a 1024-bit RSA key, made by openssl: refused by default, warned with --allow-sha1.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn legacy_algorithms_follow_the_policy() {
    let dir = mqocsp_testkit::scratch::ScratchDir::new("legacy");
    mqocsp_testkit::openssl::run(
        std::process::Command::new("openssl")
            .current_dir(dir.path())
            .args([
                "req", "-x509", "-sha1", "-newkey", "rsa:1024", "-nodes", "-keyout", "k.pem",
                "-out", "c.pem",
            ])
            .args([
                "-days",
                "3650",
                "-subj",
                "/CN=Legacy Root",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
            ]),
    );
    let pem = std::fs::read_to_string(dir.path().join("c.pem")).unwrap();
    let decoded = mqocsp_core::decode(&pem);
    let root = decoded.certificates().next().unwrap().clone();
    assert_eq!(root.public_key.bits, Some(1024));
    let now = Timestamp(time::OffsetDateTime::now_utc());
    for (legacy, expected) in [
        (LegacyAlgorithms::Reject, Outcome::Fail),
        (LegacyAlgorithms::Allow, Outcome::Warn),
    ] {
        let report = verify_chain(&ChainInput {
            profile: mqocsp_core::verify::ChainProfile::Rfc5280,
            crls: &[],
            max_depth: None,
            policy: Default::default(),
            target: &root,
            untrusted: &[],
            anchors: std::slice::from_ref(&root),
            at: now,
            purpose: Purpose::Any,
            peer_name: None,
            legacy,
        });
        let size = step(&report, "chain.key_size", "Legacy Root");
        assert_eq!(size.outcome, expected, "{legacy:?}");
    }
    // The SHA-1 signature itself, checked as if the root had issued itself in a longer chain.
    let issuer = root.clone();
    let tbs = root.spans.tbs.of(&root.der);
    let refused = mqocsp_core::verify::signature::verify_signature(
        &root.signature_algorithm,
        &issuer,
        tbs,
        &root.signature_bits,
        LegacyAlgorithms::Reject,
    );
    assert!(
        refused.unwrap_err().to_string().contains(
            "a SHA-1 signature (sha1WithRSAEncryption) with a 1024-bit RSA key is refused"
        )
    );
    let allowed = mqocsp_core::verify::signature::verify_signature(
        &root.signature_algorithm,
        &issuer,
        tbs,
        &root.signature_bits,
        LegacyAlgorithms::Allow,
    );
    assert!(
        allowed
            .unwrap()
            .unwrap()
            .contains("legacy algorithms are allowed")
    );
}

/// The rules #19 added, with rustls-webpki as the second opinion: EKU chaining through a CA,
/// a wildcard SAN under an excluded subtree, and no CN fallback for peer names.
#[test]
fn ca_eku_wildcards_and_peer_names_agree_with_webpki() {
    let root = Authority::root(&CertSpec::new("Second Opinion Root"));
    for (purposes, valid) in [
        (vec![ExtendedKeyUsagePurpose::ClientAuth], false),
        (vec![ExtendedKeyUsagePurpose::ServerAuth], true),
    ] {
        let ca = root.intermediate(&CertSpec {
            purposes,
            ..CertSpec::new("EKU Issuing CA").serial(&[0x31])
        });
        let leaf = ca.issue(
            &CertSpec::new("qm1.example.test")
                .dns(&["qm1.example.test"])
                .tls(),
        );
        let ours = verify(
            &leaf,
            &[&ca.certificate],
            &[&root.certificate],
            Purpose::ServerAuth,
        );
        assert_eq!(ours.valid, valid, "{}", ours.trace.text());
        assert_eq!(
            webpki_accepts(
                &leaf,
                &[&ca.certificate],
                &[&root.certificate],
                Purpose::ServerAuth
            ),
            valid
        );
    }
    // A wildcard that can stand for an excluded name.
    let mut spec = CertSpec::new("Excluding CA").serial(&[0x32]);
    spec.name_constraints = Some(rcgen::NameConstraints {
        permitted_subtrees: Vec::new(),
        excluded_subtrees: vec![rcgen::GeneralSubtree::DnsName("bad.example.test".into())],
    });
    let ca = root.intermediate(&spec);
    let wildcard = ca.issue(&CertSpec::new("wildcard").dns(&["*.example.test"]).tls());
    let ours = verify(
        &wildcard,
        &[&ca.certificate],
        &[&root.certificate],
        Purpose::ServerAuth,
    );
    assert!(!ours.valid, "{}", ours.trace.text());
    assert!(!webpki_accepts(
        &wildcard,
        &[&ca.certificate],
        &[&root.certificate],
        Purpose::ServerAuth
    ));
    // The same CA and a name outside the excluded subtree: both accept.
    let plain = ca.issue(&CertSpec::new("ok").dns(&["ok.example.test"]).tls());
    let ours = verify(
        &plain,
        &[&ca.certificate],
        &[&root.certificate],
        Purpose::ServerAuth,
    );
    assert!(ours.valid, "{}", ours.trace.text());
    assert!(webpki_accepts(
        &plain,
        &[&ca.certificate],
        &[&root.certificate],
        Purpose::ServerAuth
    ));
    // No subjectAltName: the CN is not a host name identifier (RFC 9525, webpki alike).
    let cn_only = root.issue(&CertSpec::new("cn-only.example.test").tls());
    let target = cert(&cn_only);
    let anchors = [cert(&root.certificate)];
    let report = verify_chain(&ChainInput {
        profile: mqocsp_core::verify::ChainProfile::Rfc5280,
        crls: &[],
        max_depth: None,
        policy: Default::default(),
        target: &target,
        untrusted: &[],
        anchors: &anchors,
        at: at(),
        purpose: Purpose::ServerAuth,
        peer_name: Some("cn-only.example.test"),
        legacy: LegacyAlgorithms::Reject,
    });
    assert!(!report.valid);
    let der = rustls_pki_types::CertificateDer::from(cn_only.der.as_slice());
    let end_entity = webpki::EndEntityCert::try_from(&der).unwrap();
    let name = rustls_pki_types::ServerName::try_from("cn-only.example.test").unwrap();
    assert!(end_entity.verify_is_valid_for_subject_name(&name).is_err());
}
