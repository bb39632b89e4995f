//! RSASSA-PSS as the real `openssl` makes it. OpenSSL 3.0 signs with the longest salt the key
//! allows unless told otherwise, which ring alone cannot check: certificates with three salt
//! lengths and hashes, an OCSP response, and tampered signatures.
#![cfg(not(target_arch = "wasm32"))]

use mqocsp_core::certificate::{HashAlgorithm, PssParameters};
use mqocsp_core::ocsp::OcspResponse;
use mqocsp_core::verify::{
    ChainInput, LegacyAlgorithms, OcspInput, Outcome, Profile, Purpose, verify_chain, verify_ocsp,
};
use mqocsp_core::{Certificate, Timestamp};
use mqocsp_testkit::openssl::{Answer, OpensslCa};

fn read_cert(path: &std::path::Path) -> Certificate {
    let pem = std::fs::read_to_string(path).unwrap();
    mqocsp_core::decode(&pem)
        .certificates()
        .next()
        .unwrap()
        .clone()
}

/// Leaves the PSS root signs: `(name, serial, extra x509 arguments)`.
const LEAVES: &[(&str, u64, &[&str])] = &[
    ("max-salt-sha256", 1, &["-sha256"]),
    (
        "digest-salt-sha384",
        2,
        &["-sha384", "-sigopt", "rsa_pss_saltlen:digest"],
    ),
    (
        "no-salt-sha512",
        3,
        &["-sha512", "-sigopt", "rsa_pss_saltlen:0"],
    ),
];

const LEAF_EXTENSIONS: &str =
    "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n";

fn pki() -> OpensslCa {
    let mut ca = OpensslCa::root_rsa_pss("pss", "/CN=PSS Root");
    for (name, serial, signing) in LEAVES {
        ca.issue_with(
            name,
            &format!("/CN={name}"),
            *serial,
            LEAF_EXTENSIONS,
            signing,
        );
    }
    ca
}

fn now() -> Timestamp {
    Timestamp(time::OffsetDateTime::now_utc())
}

fn chain_of(target: &Certificate, root: &Certificate) -> mqocsp_core::verify::ChainReport {
    verify_chain(&ChainInput {
        profile: mqocsp_core::verify::ChainProfile::Rfc5280,
        crls: &[],
        max_depth: None,
        policy: Default::default(),
        target,
        untrusted: &[],
        anchors: std::slice::from_ref(root),
        at: now(),
        purpose: Purpose::Any,
        peer_name: None,
        legacy: LegacyAlgorithms::Reject,
    })
}

#[test]
fn openssl_pss_certificates_verify_with_any_salt_length_and_tampering_fails() {
    let ca = pki();
    let root = read_cert(&ca.cert_path());
    // OpenSSL's default: the longest salt a 2048-bit key allows with SHA-256 (256 - 32 - 2).
    assert_eq!(
        root.signature_algorithm.pss,
        Some(Some(PssParameters {
            hash: HashAlgorithm::Sha256,
            mgf1_hash: Some(HashAlgorithm::Sha256),
            salt_length: 222,
            trailer_field: 1,
        }))
    );
    let expected_salts = [222, 48, 0];
    for ((name, _, _), salt) in LEAVES.iter().zip(expected_salts) {
        let leaf = read_cert(&ca.dir().join(format!("{name}.pem")));
        assert_eq!(
            leaf.signature_algorithm
                .pss
                .clone()
                .flatten()
                .map(|p| p.salt_length),
            Some(salt),
            "{name}"
        );
        let report = chain_of(&leaf, &root);
        assert!(report.valid, "{name}:\n{}", report.trace.text());
        let signature_step = report
            .trace
            .steps
            .iter()
            .find(|s| s.id == "chain.signature")
            .unwrap_or_else(|| panic!("{name}: no signature step:\n{}", report.trace.text()));
        assert!(
            signature_step
                .explanation
                .contains(&format!("rsassa-pss ({}", &name[name.len() - 6..])),
            "{}",
            signature_step.explanation
        );

        // One bit of the signature flipped: the same path no longer validates.
        let mut der = leaf.der.clone();
        let last = der.len() - 1;
        der[last] ^= 0x01;
        let tampered = Certificate::parse(&der).unwrap();
        let report = chain_of(&tampered, &root);
        assert!(!report.valid, "{name}: a flipped bit still verifies");
        assert!(
            report
                .trace
                .steps
                .iter()
                .any(|s| s.outcome == Outcome::Fail && s.explanation.contains("does not verify")),
            "{name}:\n{}",
            report.trace.text()
        );
    }
}

#[test]
fn openssl_pss_signed_ocsp_response_verifies() {
    let ca = pki();
    let root = read_cert(&ca.cert_path());
    let leaf_path = ca.dir().join("max-salt-sha256.pem");
    let leaf = read_cert(&leaf_path);
    // The CA answers itself, signing with RSASSA-PSS (openssl ocsp -rsigopt).
    let response_der = ca.respond(
        &ca.request(&leaf_path, false),
        &Answer {
            next_update_days: Some(1),
            ..Answer::default()
        },
    );
    let response = OcspResponse::parse(&response_der).unwrap();
    let report = verify_ocsp(&OcspInput {
        max_age: None,
        response: &response,
        issuer: &root,
        target: Some(&leaf),
        untrusted: &[],
        trusted_responders: &[],
        request: None,
        at: now(),
        profile: Profile::Rfc6960,
        legacy: LegacyAlgorithms::Reject,
    });
    assert!(report.response_valid, "{}", report.trace.text());
    assert!(
        report
            .trace
            .text()
            .contains("rsassa-pss (sha256, MGF1 with sha256, salt 222 bytes)"),
        "{}",
        report.trace.text()
    );
}

#[test]
fn pss_parameters_decide_the_check() {
    use mqocsp_core::verify::signature::{SignatureError, verify_signature};
    let ca = pki();
    let root = read_cert(&ca.cert_path());
    let leaf = read_cert(&ca.dir().join("max-salt-sha256.pem"));
    let tbs = leaf.spans.tbs.of(&leaf.der);
    let check = |algorithm: &mqocsp_core::certificate::Algorithm| {
        verify_signature(
            algorithm,
            &root,
            tbs,
            &leaf.signature_bits,
            LegacyAlgorithms::Reject,
        )
    };
    assert_eq!(check(&leaf.signature_algorithm), Ok(None));
    let with = |edit: &dyn Fn(&mut PssParameters)| {
        let mut algorithm = leaf.signature_algorithm.clone();
        if let Some(Some(params)) = algorithm.pss.as_mut() {
            edit(params);
        }
        check(&algorithm)
    };
    // The salt the signature was made with is 222 bytes; claiming the hash length fails.
    assert_eq!(with(&|p| p.salt_length = 32), Err(SignatureError::Invalid));
    assert_eq!(
        with(&|p| p.mgf1_hash = Some(HashAlgorithm::Sha384)),
        Err(SignatureError::Invalid)
    );
    let unsupported = with(&|p| p.hash = HashAlgorithm::from_oid("1.2.840.113549.2.5"))
        .unwrap_err()
        .to_string();
    assert!(
        unsupported.contains("the hash md5 is not supported"),
        "{unsupported}"
    );
    let trailer = with(&|p| p.trailer_field = 2).unwrap_err().to_string();
    assert!(trailer.contains("trailerField must be 1"), "{trailer}");
    let sha1 = with(&|p| p.hash = HashAlgorithm::Sha1)
        .unwrap_err()
        .to_string();
    assert!(sha1.contains("SHA-1"), "{sha1}");
    let mut absent = leaf.signature_algorithm.clone();
    absent.pss = Some(None);
    assert!(
        check(&absent)
            .unwrap_err()
            .to_string()
            .contains("absent or unreadable")
    );
}
