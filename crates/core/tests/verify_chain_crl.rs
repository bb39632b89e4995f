//! `verify-chain --crl` in the core: RFC 5280 §6.3 on CRLs built field by field (issuer,
//! cRLSign, signature, times, cRLNumber, scope, critical extensions, duplicate entries).

use mqocsp_core::Timestamp;
use mqocsp_core::verify::{
    ChainInput, ChainProfile, ChainReport, CrlSource, LegacyAlgorithms, Outcome, Purpose,
    verify_chain,
};
use mqocsp_core::{Certificate, decode_bytes};
use mqocsp_testkit::crl::{CrlSpec, crl};
use mqocsp_testkit::der::{int, seq};
use mqocsp_testkit::ocsp::extension;
use mqocsp_testkit::pki::{Authority, CertSpec, Issued};
use rcgen::KeyUsagePurpose;

fn cert(issued: &Issued) -> Certificate {
    Certificate::parse(&issued.der).expect("a test certificate")
}

const AT: &str = "2026-11-26T12:00:00Z";
const LEAF_SERIAL: &[u8] = &[0x2a];

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
        policy: Default::default(),
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

/// The page's Verify view takes the same inputs as `verify-chain`: pasted CRLs and a maximum
/// number of intermediates.
#[test]
fn workbench_uses_pasted_crls_and_the_depth_limit() {
    use mqocsp_core::verify::workbench::{Selection, default_selection, verify_selection};
    let root = Authority::root(&CertSpec::new("Depth Root").organization("mqocsp"));
    let ica = root.intermediate(&CertSpec::new("Depth ICA").organization("mqocsp"));
    let leaf = ica.issue(
        &CertSpec::new("qm1.example.test")
            .dns(&["qm1.example.test"])
            .tls()
            .serial(LEAF_SERIAL),
    );
    let mut revoked = CrlSpec::good();
    revoked.revoked = vec![LEAF_SERIAL.to_vec()];
    let pasted = [
        decode_bytes(leaf.pem.as_bytes()),
        decode_bytes(ica.certificate.pem.as_bytes()),
        decode_bytes(root.certificate.pem.as_bytes()),
    ];
    let with_crl = decode_bytes(&crl(&ica.certificate, &revoked));
    let at = Timestamp::parse_rfc3339(AT).unwrap();
    let objects: Vec<_> = pasted.iter().flat_map(|d| d.objects.iter()).collect();
    let selection = Selection {
        profile: mqocsp_core::verify::Profile::Gskit,
        ..default_selection(&objects)
    };
    let report = verify_selection(&objects, &selection, at);
    assert_eq!(report.chain_valid, Some(true), "{}", report.trace.text());
    assert_eq!(report.crls_used, 0);
    // One intermediate: a limit of 0 leaves no path, 1 is enough.
    for (depth, valid) in [(0, false), (1, true)] {
        let limited = Selection {
            max_depth: Some(depth),
            ..selection.clone()
        };
        let report = verify_selection(&objects, &limited, at);
        assert_eq!(report.chain_valid, Some(valid), "depth {depth}");
    }
    // The issuer's CRL listing the leaf: used, and the chain is refused.
    let mut all = objects.clone();
    all.extend(with_crl.objects.iter());
    let report = verify_selection(&all, &selection, at);
    assert_eq!(report.crls_used, 1);
    assert_eq!(report.chain_valid, Some(false), "{}", report.trace.text());
}
