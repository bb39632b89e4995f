//! `verify-chain --crl` in the core: RFC 5280 §6.3 on CRLs built field by field (issuer,
//! cRLSign, signature, times, cRLNumber, scope, critical extensions, duplicate entries).

use mqocsp_core::Timestamp;
use mqocsp_core::verify::{
    ChainInput, ChainProfile, ChainReport, CrlSource, LegacyAlgorithms, Outcome, Purpose,
    verify_chain,
};
use mqocsp_core::{Certificate, decode_bytes};
use mqocsp_testkit::der::{algorithm, bits, explicit, generalized_time, int, seq};
use mqocsp_testkit::ocsp::extension;
use mqocsp_testkit::pki::{Authority, CertSpec, Issued};
use rcgen::KeyUsagePurpose;
use rcgen::SigningKey as _;

fn cert(issued: &Issued) -> Certificate {
    Certificate::parse(&issued.der).expect("a test certificate")
}

const AT: &str = "2026-11-26T12:00:00Z";
const LEAF_SERIAL: &[u8] = &[0x2a];

/// How to build one CRL.
#[derive(Clone)]
struct CrlSpec {
    this_update: &'static str,
    next_update: Option<&'static str>,
    revoked: Vec<Vec<u8>>,
    extensions: Vec<Vec<u8>>,
}

impl CrlSpec {
    fn good() -> Self {
        Self {
            this_update: "20261120000000",
            next_update: Some("20261210000000"),
            revoked: vec![],
            extensions: vec![extension("2.5.29.20", false, &int(&[7]))],
        }
    }
}

/// A v2 CRL from `issuer`, signed with its Ed25519 key.
fn crl(issuer: &Issued, spec: &CrlSpec) -> Vec<u8> {
    let issuer_cert = cert(issuer);
    let mut tbs = vec![
        int(&[1]),
        algorithm("1.3.101.112", false),
        issuer_cert.subject_der.clone(),
    ];
    tbs.push(generalized_time(spec.this_update));
    if let Some(next) = spec.next_update {
        tbs.push(generalized_time(next));
    }
    if !spec.revoked.is_empty() {
        let entries: Vec<Vec<u8>> = spec
            .revoked
            .iter()
            .map(|serial| seq(&[int(serial), generalized_time("20261101000000")]))
            .collect();
        tbs.push(seq(&entries));
    }
    if !spec.extensions.is_empty() {
        tbs.push(explicit(0, &seq(&spec.extensions)));
    }
    let tbs = seq(&tbs);
    let signature = issuer.key.sign(&tbs).expect("Ed25519 signing");
    seq(&[tbs, algorithm("1.3.101.112", false), bits(&signature)])
}

struct Pki {
    root: Authority,
    leaf: Issued,
}

fn make_pki(root_usages: Option<Vec<KeyUsagePurpose>>) -> Pki {
    let mut spec = CertSpec::new("CRL Root").organization("mqocsp");
    spec.key_usages = root_usages;
    let root = Authority::root(&spec);
    let leaf = root.issue(
        &CertSpec::new("qm1.example.test")
            .dns(&["qm1.example.test"])
            .tls()
            .serial(LEAF_SERIAL),
    );
    Pki { root, leaf }
}

fn verify(pki: &Pki, crls: &[Vec<u8>], profile: ChainProfile) -> ChainReport {
    let decoded: Vec<_> = crls.iter().map(|der| decode_bytes(der)).collect();
    let sources: Vec<CrlSource<'_>> = decoded
        .iter()
        .flat_map(|d| d.crls())
        .map(|(crl, der)| CrlSource { crl, der })
        .collect();
    assert_eq!(sources.len(), crls.len(), "every CRL decodes");
    verify_chain(&ChainInput {
        target: &cert(&pki.leaf),
        untrusted: &[],
        anchors: &[cert(&pki.root.certificate)],
        at: Timestamp::parse_rfc3339(AT).unwrap(),
        purpose: Purpose::ServerAuth,
        peer_name: None,
        legacy: LegacyAlgorithms::Reject,
        profile,
        crls: &sources,
        max_depth: None,
    })
}

fn crl_step(report: &ChainReport) -> (Outcome, String) {
    let step = report
        .trace
        .steps
        .iter()
        .find(|s| s.id == "chain.crl")
        .unwrap_or_else(|| panic!("no chain.crl step:\n{}", report.trace.text()));
    (step.outcome, step.explanation.clone())
}

#[test]
fn each_crl_rule_decides_as_rfc_5280_says() {
    let pki = make_pki(None);
    let root = &pki.root.certificate;
    let with = |change: &dyn Fn(&mut CrlSpec)| {
        let mut spec = CrlSpec::good();
        change(&mut spec);
        crl(root, &spec)
    };
    let unknown = |critical| extension("1.3.6.1.4.1.55738.666.1", critical, &[0x05, 0x00]);
    // IssuingDistributionPoint with onlyContainsCACerts [2] TRUE.
    let only_ca = extension("2.5.29.28", true, &seq(&[vec![0x82, 0x01, 0xff]]));
    let cases: Vec<(&str, Vec<u8>, bool, &str)> = vec![
        ("clean", with(&|_| {}), true, "Not listed"),
        (
            "revoked",
            with(&|s| s.revoked = vec![LEAF_SERIAL.to_vec()]),
            false,
            "Revoked at",
        ),
        (
            "no crlNumber",
            with(&|s| s.extensions.clear()),
            false,
            "no cRLNumber",
        ),
        (
            "critical crlNumber",
            with(&|s| s.extensions = vec![extension("2.5.29.20", true, &int(&[7]))]),
            false,
            "cRLNumber is marked critical",
        ),
        (
            "unknown critical extension",
            with(&|s| s.extensions.push(unknown(true))),
            false,
            "critical extension mqocsp does not process",
        ),
        (
            "unknown non-critical extension",
            with(&|s| s.extensions.push(unknown(false))),
            true,
            "Not listed",
        ),
        (
            "duplicate entries",
            with(&|s| s.revoked = vec![vec![0x07], vec![0x07]]),
            false,
            "more than once",
        ),
        (
            "expired",
            with(&|s| s.next_update = Some("20261121000000")),
            false,
            "nextUpdate",
        ),
        (
            "from the future",
            with(&|s| s.this_update = "20261201000000"),
            false,
            "after the evaluation time",
        ),
        (
            "no nextUpdate",
            with(&|s| s.next_update = None),
            false,
            "no nextUpdate",
        ),
        (
            "only CA certificates",
            with(&|s| s.extensions.push(only_ca.clone())),
            false,
            "only CA certificates",
        ),
        (
            "delta CRL",
            with(&|s| s.extensions.push(extension("2.5.29.27", true, &int(&[6])))),
            false,
            "delta CRL",
        ),
    ];
    for (name, der, valid, says) in cases {
        let report = verify(&pki, &[der], ChainProfile::Rfc5280);
        let (outcome, explanation) = crl_step(&report);
        assert_eq!(report.valid, valid, "{name}:\n{}", report.trace.text());
        assert_eq!(outcome == Outcome::Pass, valid, "{name}");
        assert!(explanation.contains(says), "{name}: {explanation}");
    }
}

#[test]
fn the_target_needs_a_crl_from_its_issuer_and_the_issuer_needs_crl_sign() {
    let pki = make_pki(None);
    let other = Authority::root(&CertSpec::new("Other CRL Root"));
    let foreign = crl(&other.certificate, &CrlSpec::good());
    let report = verify(&pki, &[foreign], ChainProfile::Rfc5280);
    assert!(!report.valid);
    assert!(crl_step(&report).1.contains("No CRL from"));
    // A root whose keyUsage lacks cRLSign cannot vouch with a CRL.
    let no_crl_sign = make_pki(Some(vec![KeyUsagePurpose::KeyCertSign]));
    let report = verify(
        &no_crl_sign,
        &[crl(&no_crl_sign.root.certificate, &CrlSpec::good())],
        ChainProfile::Rfc5280,
    );
    assert!(!report.valid);
    assert!(crl_step(&report).1.contains("cRLSign"));
    // A CRL whose signature was altered.
    let mut forged = crl(&pki.root.certificate, &CrlSpec::good());
    let last = forged.len() - 1;
    forged[last] ^= 0x01;
    let report = verify(&pki, &[forged], ChainProfile::Rfc5280);
    assert!(!report.valid);
    assert!(crl_step(&report).1.contains("signature does not verify"));
}

#[test]
fn gskit_profile_does_not_require_crl_number_or_next_update() {
    let pki = make_pki(None);
    let mut spec = CrlSpec::good();
    spec.extensions.clear();
    spec.next_update = None;
    let der = crl(&pki.root.certificate, &spec);
    assert!(!verify(&pki, std::slice::from_ref(&der), ChainProfile::Rfc5280).valid);
    let report = verify(&pki, &[der], ChainProfile::Gskit);
    assert!(report.valid, "{}", report.trace.text());
}
