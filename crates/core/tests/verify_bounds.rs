//! Pathological inputs stay bounded (#19 item 6): a mesh of cross-signed CAs with one name and a
//! leaf with a thousand names under a thousand constraints are decided within the work budgets
//! (`verify::budget`: counted steps, not time, so no figure here depends on the machine), and the
//! trace says why a path was refused.

use mqocsp_core::Certificate;
use mqocsp_core::Timestamp;
use mqocsp_core::verify::{
    ChainInput, ChainProfile, ChainReport, LegacyAlgorithms, Purpose, verify_chain,
};
use mqocsp_testkit::pki::{Authority, CertSpec, Issued};

fn cert(issued: &Issued) -> Certificate {
    Certificate::parse(&issued.der).expect("a test certificate")
}

fn verified(
    target: &Certificate,
    untrusted: &[Certificate],
    anchors: &[Certificate],
) -> ChainReport {
    verify_chain(&ChainInput {
        target,
        untrusted,
        anchors,
        at: Timestamp::parse_rfc3339("2026-11-26T12:00:00Z").unwrap(),
        purpose: Purpose::ServerAuth,
        peer_name: None,
        legacy: LegacyAlgorithms::Reject,
        profile: ChainProfile::Rfc5280,
        crls: &[],
        max_depth: None,
        policy: Default::default(),
    })
}

/// `n` keys, all named "Mesh CA", each certified by every other: every ordering of them is a
/// candidate path.
fn mesh(n: usize) -> (Vec<Authority>, Vec<Certificate>) {
    let roots: Vec<Authority> = (0..n)
        .map(|i| Authority::root(&CertSpec::new("Mesh CA").key_name(&format!("mesh-{i}"))))
        .collect();
    let mut cross = Vec::new();
    for (i, signer) in roots.iter().enumerate() {
        for j in (0..n).filter(|&j| j != i) {
            let spec = CertSpec::new("Mesh CA")
                .key_name(&format!("mesh-{j}"))
                .serial(&[0x40, i as u8, j as u8]);
            cross.push(cert(&signer.intermediate(&spec).certificate));
        }
    }
    (roots, cross)
}

#[test]
fn cross_signed_mesh_without_an_anchor_stops_within_budget() {
    let (roots, cross) = mesh(8);
    let leaf = roots[0].issue(
        &CertSpec::new("qm1.example.test")
            .dns(&["qm1.example.test"])
            .tls(),
    );
    let unrelated = Authority::root(&CertSpec::new("Unrelated Root"));
    let report = verified(&cert(&leaf), &cross, &[cert(&unrelated.certificate)]);
    assert!(!report.valid);
    let build = &report.trace.steps[0];
    assert_eq!(build.id, "chain.build");
    assert!(
        build.explanation.contains("path-building steps"),
        "{}",
        build.explanation
    );
}

#[test]
fn cross_signed_mesh_with_an_anchor_is_valid_quickly() {
    let (roots, cross) = mesh(8);
    let leaf = roots[0].issue(
        &CertSpec::new("qm1.example.test")
            .dns(&["qm1.example.test"])
            .tls(),
    );
    let report = verified(&cert(&leaf), &cross, &[cert(&roots[0].certificate)]);
    assert!(report.valid, "{}", report.trace.text());
    assert!(report.paths.len() <= mqocsp_core::verify::chain::MAX_PATHS);
}

#[test]
fn thousand_names_against_thousand_constraints_exhaust_the_budget() {
    let excluded: Vec<rcgen::GeneralSubtree> = (0..1024)
        .map(|i| rcgen::GeneralSubtree::DnsName(format!("x{i}.example.org")))
        .collect();
    let mut spec = CertSpec::new("Constrained CA");
    spec.name_constraints = Some(rcgen::NameConstraints {
        permitted_subtrees: Vec::new(),
        excluded_subtrees: excluded,
    });
    let root = Authority::root(&CertSpec::new("Bounds Root"));
    let ca = root.intermediate(&spec.serial(&[0x11]));
    let names: Vec<String> = (0..1024).map(|i| format!("n{i}.example.com")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let leaf = ca.issue(&CertSpec::new("many.example.com").dns(&refs).tls());
    let report = verified(
        &cert(&leaf),
        &[cert(&ca.certificate)],
        &[cert(&root.certificate)],
    );
    assert!(!report.valid);
    let step = report
        .trace
        .steps
        .iter()
        .find(|s| s.id == "chain.name_constraints")
        .expect("a name-constraints step");
    assert!(step.explanation.contains("250000"), "{}", step.explanation);
}
