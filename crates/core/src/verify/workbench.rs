//! Verification over whatever was pasted: pick the certificate in question, the trust anchors and
//! an OCSP response among the decoded objects, and run the chain and OCSP checks as one trace.
//!
//! This is what the page's "Verify" view calls; it keeps the page free of any verification logic.

use super::chain::{ChainInput, Purpose, verify_chain};
use super::ocsp::{OcspInput, Profile, verify_ocsp};
use super::signature::LegacyAlgorithms;
use super::trace::{Outcome, StepBuilder, Trace};
use crate::certificate::Certificate;
use crate::decode::{DecodedObject, ObjectBody};
use crate::ocsp::{CertStatus, OcspResponse};
use crate::timestamp::Timestamp;

/// What the user picked; objects are named by the SHA-256 of their DER.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Selection {
    /// The certificate in question.
    pub target: Option<String>,
    /// The trust anchors.
    pub anchors: Vec<String>,
    /// The OCSP response to check, if any.
    pub response: Option<String>,
    /// Which OCSP rules.
    pub profile: Profile,
    /// What the certificate is for.
    pub purpose: Option<Purpose>,
    /// SHA-1 and small RSA keys.
    pub legacy: LegacyAlgorithms,
    /// Most intermediate CAs between the target and the anchor, as `verify-chain --max-depth`.
    pub max_depth: Option<usize>,
}

/// The outcome of [`verify_selection`].
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WorkbenchReport {
    /// Every step, chain first, then OCSP.
    pub trace: Trace,
    /// Whether the chain is valid, when a target was picked.
    pub chain_valid: Option<bool>,
    /// Whether the OCSP response is trustworthy, when one was picked.
    pub response_valid: Option<bool>,
    /// The status the response gives for the target.
    pub cert_status: Option<CertStatus>,
    /// How many pasted CRLs the chain check used.
    pub crls_used: usize,
}

/// The SHA-256 fingerprint of a decoded object's DER.
pub fn fingerprint(object: &DecodedObject) -> String {
    match &object.body {
        ObjectBody::Certificate(cert) => cert.fingerprints.sha256.clone(),
        ObjectBody::OcspResponse(response) => response.fingerprint.clone(),
        ObjectBody::OcspRequest(request) => request.fingerprint.clone(),
        ObjectBody::Crl(_) => crate::certificate::fingerprints(&object.der).sha256,
    }
}

fn certificates<'a>(objects: &[&'a DecodedObject]) -> Vec<&'a Certificate> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for object in objects {
        if let ObjectBody::Certificate(cert) = &object.body
            && !seen.contains(&cert.fingerprints.sha256)
        {
            seen.push(cert.fingerprints.sha256.clone());
            out.push(cert);
        }
    }
    out
}

/// A sensible first pick: the first certificate that is not self-issued, every self-issued
/// certificate as an anchor, the first OCSP response.
pub fn default_selection(objects: &[&DecodedObject]) -> Selection {
    let certs = certificates(objects);
    let target = certs
        .iter()
        .find(|c| !c.self_issued)
        .or(certs.first())
        .map(|c| c.fingerprints.sha256.clone());
    let anchors = certs
        .iter()
        .filter(|c| c.self_issued)
        .map(|c| c.fingerprints.sha256.clone())
        .collect();
    let response = objects.iter().find_map(|o| match &o.body {
        ObjectBody::OcspResponse(r) => Some(r.fingerprint.clone()),
        _ => None,
    });
    Selection {
        target,
        anchors,
        response,
        ..Selection::default()
    }
}

/// Runs the chain check for the target and, when a response is picked, the OCSP check.
pub fn verify_selection(
    objects: &[&DecodedObject],
    selection: &Selection,
    at: Timestamp,
) -> WorkbenchReport {
    let certs = certificates(objects);
    let by_fp = |fp: &str| certs.iter().copied().find(|c| c.fingerprints.sha256 == fp);
    let mut report = WorkbenchReport::default();
    let target = selection.target.as_deref().and_then(by_fp);
    let Some(target) = target else {
        report.trace.push(
            StepBuilder::new(
                "workbench.target",
                "Pick the certificate in question",
                "",
                "mqocsp",
            )
            .done(
                Outcome::Skip,
                "Paste a certificate and pick it as the one to verify.",
            ),
        );
        return report;
    };
    let anchors: Vec<Certificate> = selection
        .anchors
        .iter()
        .filter_map(|fp| by_fp(fp))
        .cloned()
        .collect();
    let untrusted: Vec<Certificate> = certs
        .iter()
        .filter(|c| c.fingerprints.sha256 != target.fingerprints.sha256)
        .map(|c| (*c).clone())
        .collect();
    let purpose = selection.purpose.unwrap_or(Purpose::ServerAuth);
    // Pasted CRLs join the check (RFC 5280 §6.3) when one of them is from the target's issuer
    // or from a cRLIssuer its distribution points name (an indirect CRL); CRLs of other CAs
    // alone do not make the target's revocation status a requirement.
    let crl_issuers = super::dp_names::crl_issuers(target);
    let mut crls: Vec<super::CrlSource<'_>> = objects
        .iter()
        .filter_map(|object| match &object.body {
            ObjectBody::Crl(crl) => Some(super::CrlSource {
                crl,
                der: &object.der,
            }),
            _ => None,
        })
        .collect();
    if !crls.iter().any(|source| {
        source.crl.issuer.matches(&target.issuer)
            || crl_issuers.iter().any(|n| n.matches(&source.crl.issuer))
    }) {
        crls.clear();
    }
    let chain = verify_chain(&ChainInput {
        profile: match selection.profile {
            Profile::Rfc6960 => super::ChainProfile::Rfc5280,
            Profile::Gskit => super::ChainProfile::Gskit,
        },
        crls: &crls,
        max_depth: selection.max_depth,
        policy: Default::default(),
        target,
        untrusted: &untrusted,
        anchors: &anchors,
        at,
        purpose,
        peer_name: None,
        legacy: selection.legacy,
    });
    report.chain_valid = Some(chain.valid);
    report.crls_used = crls.len();
    report.trace.extend(chain.trace);
    let response: Option<&OcspResponse> = selection.response.as_deref().and_then(|fp| {
        objects.iter().find_map(|o| match &o.body {
            ObjectBody::OcspResponse(r) if r.fingerprint == fp => Some(r),
            _ => None,
        })
    });
    let Some(response) = response else {
        return report;
    };
    let issuer = certs.iter().copied().find(|c| {
        c.subject_der == target.issuer_der && c.fingerprints.sha256 != target.fingerprints.sha256
    });
    let Some(issuer) = issuer else {
        report.trace.push(StepBuilder::new("workbench.issuer", "Find the issuer for the OCSP check", target.short_name(), "RFC 6960 §4.1.1").done(Outcome::Fail, format!("The OCSP CertID is computed from the issuer's name and key, but no certificate named {} was pasted. Paste the issuing CA certificate.", target.issuer.rfc4514)));
        return report;
    };
    let ocsp = verify_ocsp(&OcspInput {
        max_age: None,
        response,
        issuer,
        target: Some(target),
        untrusted: &untrusted,
        trusted_responders: &[],
        request: None,
        at,
        profile: selection.profile,
        legacy: selection.legacy,
    });
    report.response_valid = Some(ocsp.response_valid);
    report.cert_status = ocsp.cert_status;
    report.trace.extend(ocsp.trace);
    report
}
