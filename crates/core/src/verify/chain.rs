//! Building and validating certificate paths (RFC 5280 §6), every check a step in the trace.
//!
//! Paths are built from a bag of certificates in any order, with duplicates and extras; each
//! candidate path is validated at the evaluation time. When no path reaches a trust anchor, the
//! classic causes are diagnosed in words: a missing intermediate (naming the issuer and key id
//! that are missing), an untrusted root, a self-signed leaf.

use super::budget::Budget;
use super::build::{DeadEnd, Pool, build};
use super::common_name::common_name_step;
use super::key_policy::{eku_step, key_size_step, tls_server_eku_step};
use super::names::{
    CommonNameFallback, ConstraintFailure, constrained_names, name_constraint_violation,
    peer_name_matches,
};
use super::path_crl::revocation_step;
use super::profile::{ChainProfile, Role, profile_step};
use super::signature::{LegacyAlgorithms, verify_signature};
use super::trace::{Outcome, Step, Trace};
use crate::certificate::Certificate;
use crate::extension::ExtensionValue;
use crate::general_name::KeyUsageFlags;
use crate::present::relative;
use crate::timestamp::Timestamp;
use serde::Serialize;

use super::input::step;
pub use super::input::{ChainInput, Purpose};
use std::collections::HashMap;

/// Most certificates in one path. webpki allows 6 intermediates; MQ key repositories rarely
/// hold more than 2.
pub const MAX_PATH_LEN: usize = 8;

/// Most candidate paths explored, so that a bag of cross-signed certificates cannot make the
/// search explode (with the build [`Budget`]).
pub const MAX_PATHS: usize = super::build::MAX_PATHS;

/// One candidate path, target first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathReport {
    /// Short names, target first, anchor last.
    pub certificates: Vec<String>,
    /// SHA-256 fingerprints in the same order.
    pub fingerprints: Vec<String>,
    /// Whether every check on this path passed.
    pub valid: bool,
}

/// The result of a chain verification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    /// Whether some path is valid.
    pub valid: bool,
    /// Every complete candidate path, in the order validated.
    pub paths: Vec<PathReport>,
    /// The checks, in order.
    pub trace: Trace,
}

const RFC5280_PATH: &str = "RFC 5280 §6.1";
const RFC5280_VALIDITY: &str = "RFC 5280 §4.1.2.5, §6.1.3 (a)(2)";
const RFC5280_SIGNATURE: &str = "RFC 5280 §6.1.3 (a)(1)";
const RFC5280_NAMES: &str = "RFC 5280 §6.1.3 (a)(4)";
const RFC5280_BASIC: &str = "RFC 5280 §4.2.1.9, §6.1.4 (k), (l), (m)";
const RFC5280_KEY_USAGE: &str = "RFC 5280 §4.2.1.3, §6.1.4 (n)";
const RFC5280_CRITICAL: &str = "RFC 5280 §4.2, §6.1.4 (o)";
const RFC5280_CONSTRAINTS: &str = "RFC 5280 §4.2.1.10, §6.1.3 (b), (c)";
const RFC6125_PEER: &str = "RFC 6125 §6.4";
const RFC9525_PEER: &str = "RFC 9525 §6.3";
const TLS_ORDER: &str = "RFC 8446 §4.4.2 (certificate_list order)";

/// Extensions whose criticality mqocsp understands (RFC 5280 §4.2.1).
const UNDERSTOOD: &[&str] = &[
    "2.5.29.14",
    "2.5.29.15",
    "2.5.29.17",
    "2.5.29.18",
    "2.5.29.19",
    "2.5.29.30",
    "2.5.29.31",
    "2.5.29.32",
    "2.5.29.33",
    "2.5.29.35",
    "2.5.29.36",
    "2.5.29.37",
    "1.3.6.1.5.5.7.1.1",
    "1.3.6.1.5.5.7.48.1.5",
    "2.5.29.54",
];

fn validity(cert: &Certificate, at: Timestamp, is_anchor: bool) -> Step {
    let builder = step("chain.validity", "Validity period", cert, RFC5280_VALIDITY).evidence(
        &cert.fingerprints.sha256,
        cert.spans.validity,
        "validity",
    );
    let role = if is_anchor {
        "The trust anchor"
    } else {
        "The certificate"
    };
    let at = at.whole_seconds();
    if at < cert.not_before {
        builder.done(
            Outcome::Fail,
            format!(
                "{role} is not yet valid: notBefore {} is {}.",
                cert.not_before,
                relative(cert.not_before, at)
            ),
        )
    } else if at > cert.not_after {
        builder.done(
            Outcome::Fail,
            format!(
                "{role} has expired: notAfter {} is {}.",
                cert.not_after,
                relative(cert.not_after, at)
            ),
        )
    } else {
        builder.done(
            Outcome::Pass,
            format!(
                "Valid from {} to {}; the evaluation time {at} is inside.",
                cert.not_before, cert.not_after
            ),
        )
    }
}

fn signature_step(cert: &Certificate, issuer: &Certificate, legacy: LegacyAlgorithms) -> Step {
    let builder = step(
        "chain.signature",
        "Signature by the issuer",
        cert,
        RFC5280_SIGNATURE,
    )
    .evidence(
        &cert.fingerprints.sha256,
        cert.spans.signature,
        "signatureValue",
    )
    .evidence(
        &issuer.fingerprints.sha256,
        issuer.spans.public_key,
        "issuer's subjectPublicKeyInfo",
    );
    let tbs = cert.spans.tbs.of(&cert.der);
    match verify_signature(&cert.signature_algorithm, issuer, tbs, &cert.signature_bits, legacy) {
        Ok(None) => builder.done(Outcome::Pass, format!("The {} signature verifies with the public key of {}.", cert.signature_algorithm.describe(), issuer.subject.rfc4514)),
        Ok(Some(note)) => builder.done(Outcome::Warn, format!("The signature verifies with the key of {}, but mqocsp {note}.", issuer.subject.rfc4514)),
        Err(error @ super::signature::SignatureError::Invalid) => builder.done(Outcome::Fail, format!("Checked with the public key of {}: {error}. Either this is not the real issuer (same name, different key) or the certificate was altered.", issuer.subject.rfc4514)),
        // An algorithm mqocsp cannot check, or one the policy refuses: not a sign of forgery.
        Err(error) => builder.done(Outcome::Fail, format!("Not checked with the public key of {}: {error}.", issuer.subject.rfc4514)),
    }
}

fn issuer_name_step(cert: &Certificate, issuer: &Certificate) -> Step {
    let builder = step(
        "chain.issuer_name",
        "Issuer name matches",
        cert,
        RFC5280_NAMES,
    )
    .evidence(&cert.fingerprints.sha256, cert.spans.issuer, "issuer")
    .evidence(&issuer.fingerprints.sha256, issuer.spans.subject, "subject");
    let key_ids = match (cert.authority_key_id(), issuer.key_id()) {
        (Some(aki), Some(ski)) if aki != ski => Some(format!(
            " The authority key id {aki} differs from the issuer's subject key id {ski}: a re-keyed or cross-signed CA with the same name."
        )),
        _ => None,
    };
    match key_ids {
        Some(warning) => builder.done(
            Outcome::Warn,
            format!(
                "issuer {} equals the subject of the next certificate.{warning}",
                cert.issuer.rfc4514
            ),
        ),
        None => builder.done(
            Outcome::Pass,
            format!(
                "issuer {} equals the subject of the next certificate.",
                cert.issuer.rfc4514
            ),
        ),
    }
}

fn ca_steps(issuer: &Certificate, below_intermediates: usize) -> Vec<Step> {
    let mut steps = Vec::new();
    let basic = step(
        "chain.basic_constraints",
        "Allowed to issue certificates",
        issuer,
        RFC5280_BASIC,
    );
    let basic = match (issuer.version, issuer.basic_constraints()) {
        (3, Some((true, Some(len)))) if (len as usize) < below_intermediates => basic.done(Outcome::Fail, format!("pathLenConstraint {len} allows {len} intermediate(s) below this CA, but the path has {below_intermediates}.")),
        (3, Some((true, path_len))) => basic.done(Outcome::Pass, format!("basicConstraints cA=TRUE{}.", path_len.map_or_else(String::new, |l| format!(", pathLenConstraint {l}")))),
        (3, Some((false, _))) => basic.done(Outcome::Fail, "basicConstraints says cA=FALSE: this is an end-entity certificate, it cannot issue others."),
        (3, None) => basic.done(Outcome::Fail, "A version 3 issuer without basicConstraints is not a CA (RFC 5280 §6.1.4 (k)); GSKit reports this as a missing critical basic constraint."),
        (version, _) => basic.done(Outcome::Warn, format!("A version {version} certificate has no extensions; it is accepted as a CA only because it is in the path.")),
    };
    steps.push(basic);
    let usage = step(
        "chain.key_usage",
        "Key usage allows certificate signing",
        issuer,
        RFC5280_KEY_USAGE,
    );
    steps.push(match issuer.key_usages() {
        Some(usages) if usages.has(KeyUsageFlags::KEY_CERT_SIGN) => {
            usage.done(Outcome::Pass, "keyUsage includes keyCertSign.")
        }
        Some(usages) => usage.done(
            Outcome::Fail,
            format!("keyUsage is {usages} without keyCertSign."),
        ),
        None => usage.done(
            Outcome::Pass,
            "No keyUsage extension: every usage is allowed.",
        ),
    });
    steps
}

fn critical_step(cert: &Certificate) -> Step {
    let builder = step(
        "chain.critical_extensions",
        "Critical extensions understood",
        cert,
        RFC5280_CRITICAL,
    );
    let unknown: Vec<String> = cert
        .extensions
        .iter()
        .filter(|e| {
            e.critical
                && (!UNDERSTOOD.contains(&e.oid.as_str())
                    || matches!(e.value, ExtensionValue::Broken { .. }))
        })
        .map(|e| e.name.clone().unwrap_or_else(|| e.oid.clone()))
        .collect();
    if unknown.is_empty() {
        builder.done(
            Outcome::Pass,
            "Every critical extension is one mqocsp processes.",
        )
    } else {
        builder.done(Outcome::Fail, format!("Critical extension(s) not understood (or unreadable): {}. A verifier must reject the certificate.", unknown.join(", ")))
    }
}

/// Signature steps already made on this verification, by (child, issuer) pool index: several
/// candidate paths share edges, and each signature is checked (and paid for) once.
type SignatureCache = HashMap<(usize, usize), Step>;

/// What validating a path needs besides the path.
struct Validation<'i, 'a> {
    input: &'i ChainInput<'a>,
    budget: Budget,
    signatures: SignatureCache,
}

impl Validation<'_, '_> {
    fn signature(&mut self, pool: &Pool<'_>, child: usize, parent: usize) -> Option<Step> {
        if let Some(known) = self.signatures.get(&(child, parent)) {
            return Some(known.clone());
        }
        let (cert, issuer) = (pool.cert(child)?, pool.cert(parent)?);
        let made = match self.budget.signature() {
            Ok(()) => signature_step(cert, issuer, self.input.legacy),
            Err(exhausted) => step("chain.signature", "Signature by the issuer", cert, RFC5280_SIGNATURE)
                .done(Outcome::Fail, format!("Not checked: {exhausted}. A pathological set of certificates; the path is refused.")),
        };
        self.signatures.insert((child, parent), made.clone());
        Some(made)
    }
}

/// Who may have signed the CRLs about the certificate below `certs[issuer_at]` (RFC 5280
/// §6.3.3 (f)): its issuer first; then the certificates of the path above it with the same name
/// (a CA that rolled its key over signs CRLs with the new key); then any other certificate
/// given with that name whose signature verifies with the key of a certificate of the path at
/// or above the issuer (a CA with a separate CRL-signing key, NIST PKITS 4.4.19), checked for
/// validity at the evaluation time and against the CRLs of its issuer (PKITS 4.4.21).
fn crl_signers<'c>(
    pool: &Pool<'c>,
    cert: &Certificate,
    certs: &[&'c Certificate],
    issuer_at: usize,
    work: &mut Validation<'_, '_>,
) -> Vec<&'c Certificate> {
    let Some(&issuer) = certs.get(issuer_at) else {
        return Vec::new();
    };
    let above = certs.get(issuer_at..).unwrap_or_default();
    // The issuer's name, and the cRLIssuers of the certificate's distribution points (indirect
    // CRLs, §6.3.3 (b)(1)).
    let crl_issuers = super::dp_names::crl_issuers(cert);
    let same_name = |c: &Certificate| {
        c.subject.matches(&issuer.subject) || crl_issuers.iter().any(|n| c.subject.matches(n))
    };
    let mut signers: Vec<&'c Certificate> = vec![issuer];
    for &higher in above.iter().skip(1) {
        if same_name(higher)
            && !signers
                .iter()
                .any(|s| s.fingerprints.sha256 == higher.fingerprints.sha256)
        {
            signers.push(higher);
        }
    }
    let others: Vec<&'c Certificate> = (0..)
        .map_while(|i| pool.cert(i))
        .filter(|c| {
            same_name(c)
                && !signers
                    .iter()
                    .any(|s| s.fingerprints.sha256 == c.fingerprints.sha256)
        })
        .collect();
    for other in others {
        if !other.not_before.0.le(&work.input.at.0) || !work.input.at.0.le(&other.not_after.0) {
            continue;
        }
        let certified = above.iter().any(|key| {
            key.subject.matches(&other.issuer)
                && work.budget.signature().is_ok()
                && verify_signature(
                    &other.signature_algorithm,
                    key,
                    other.spans.tbs.of(&other.der),
                    &other.signature_bits,
                    work.input.legacy,
                )
                .is_ok()
        });
        if certified && !signer_revoked(other, above, work) {
            signers.push(other);
        }
    }
    signers
}

/// Whether a CRL given about `signer`, from a certificate of `above`, lists it.
fn signer_revoked(
    signer: &Certificate,
    above: &[&Certificate],
    work: &mut Validation<'_, '_>,
) -> bool {
    let input = work.input;
    above
        .iter()
        .filter(|key| key.subject.matches(&signer.issuer))
        .any(|key| {
            input
                .crls
                .iter()
                .filter(|source| source.crl.issuer.matches(&signer.issuer))
                .any(|source| {
                    work.budget.signature().is_ok()
                        && matches!(
                            super::path_crl::path_crl_verdict(
                                source,
                                key,
                                signer,
                                input.at,
                                input.legacy,
                                false
                            ),
                            Ok(super::crl::CrlVerdict::Revoked { .. })
                        )
                })
        })
}

/// Validates one complete path; returns its steps.
fn validate_path(pool: &Pool<'_>, path: &[usize], work: &mut Validation<'_, '_>) -> Vec<Step> {
    let input = work.input;
    let certs: Vec<&Certificate> = path.iter().filter_map(|&i| pool.cert(i)).collect();
    let mut steps = Vec::new();
    let last = certs.len().saturating_sub(1);
    for (position, cert) in certs.iter().enumerate() {
        let is_anchor = position == last;
        // A target trusted directly (a path of one) is judged as the end entity it is.
        let role = match position {
            0 => Role::Leaf,
            _ if is_anchor => Role::Anchor,
            _ => Role::Intermediate,
        };
        steps.push(validity(cert, input.at, is_anchor));
        if let (Some(issuer), Some(&child), Some(&parent)) = (
            certs.get(position + 1),
            path.get(position),
            path.get(position + 1),
        ) {
            steps.push(issuer_name_step(cert, issuer));
            steps.extend(work.signature(pool, child, parent));
            let signers = crl_signers(pool, cert, &certs, position + 1, work);
            steps.extend(revocation_step(
                cert,
                &signers,
                input,
                position == 0,
                &mut work.budget,
            ));
        } else {
            steps.push(step("chain.signature", "Signature by the issuer", cert, RFC5280_PATH).done(Outcome::Skip, "This is the trust anchor: it is trusted because it is in the trust store, not because of its signature."));
        }
        if position > 0 {
            let intermediates_below = certs
                .get(1..position)
                .map_or(0, |below| below.iter().filter(|c| !c.self_issued).count());
            steps.extend(ca_steps(cert, intermediates_below));
        }
        steps.push(critical_step(cert));
        steps.push(profile_step(cert, role, input.profile));
        steps.extend(key_size_step(cert, input.legacy));
        if !is_anchor || (role != Role::Leaf && input.profile == ChainProfile::Rfc5280) {
            steps.extend(eku_step(cert, input.purpose, role, input.profile));
        }
        if role == Role::Leaf {
            steps.extend(tls_server_eku_step(cert, input.purpose, input.profile));
        }
    }
    // RFC 5280 §6.1.3 (b)/(c) and §6.1.4 (g): every certificate below a CA with nameConstraints
    // is checked against them, except self-issued CA certificates (key rollover).
    for (position, cert) in certs.iter().enumerate() {
        if position > 0 && cert.self_issued {
            continue;
        }
        for issuer in certs.iter().skip(position + 1) {
            if let Some(step) = name_constraints_step(cert, issuer, &mut work.budget) {
                steps.push(step);
            }
        }
    }
    steps.extend(super::policy::policy_step(&certs, &input.policy));
    steps
}

fn name_constraints_step(
    target: &Certificate,
    issuer: &Certificate,
    budget: &mut Budget,
) -> Option<Step> {
    let (permitted, excluded) = issuer.name_constraints()?;
    let builder = step(
        "chain.name_constraints",
        "Name constraints",
        target,
        RFC5280_CONSTRAINTS,
    )
    .evidence(
        &issuer.fingerprints.sha256,
        issuer
            .extension("2.5.29.30")
            .map(|e| e.span)
            .unwrap_or_default(),
        "nameConstraints",
    );
    let malformed: Vec<String> = permitted
        .iter()
        .chain(excluded)
        .filter_map(super::names::malformed_constraint)
        .collect();
    if !malformed.is_empty() {
        return Some(builder.done(Outcome::Fail, format!("The name constraints of {} cannot be applied: {}. RFC 5280 §4.2.1.10 leaves such a CA unusable.", issuer.short_name(), malformed.join("; "))));
    }
    Some(match name_constraint_violation(&constrained_names(target), permitted, excluded, budget) {
        Ok(unchecked) if unchecked.is_empty() => builder.done(Outcome::Pass, format!("The names of {} satisfy the constraints of {}.", target.short_name(), issuer.short_name())),
        Ok(unchecked) => builder.done(Outcome::Warn, format!("Satisfied where checked; mqocsp does not check constraints of these forms: {}.", unchecked.join(", "))),
        Err(ConstraintFailure::Violation(violation)) => builder.done(Outcome::Fail, violation),
        Err(ConstraintFailure::Budget(exhausted)) => builder.done(Outcome::Fail, format!("Not decided: {exhausted}. A pathological set of names and constraints; the path is refused.")),
    })
}

fn build_step(
    input: &ChainInput<'_>,
    pool: &Pool<'_>,
    complete: &[Vec<usize>],
    dead: &[DeadEnd],
) -> Step {
    let target = input.target;
    let builder = step(
        "chain.build",
        "Path to a trust anchor",
        target,
        RFC5280_PATH,
    );
    let names = |path: &Vec<usize>| {
        path.iter()
            .filter_map(|&i| pool.cert(i))
            .map(Certificate::short_name)
            .collect::<Vec<_>>()
            .join(" → ")
    };
    if !complete.is_empty() {
        let listed: Vec<String> = complete.iter().map(names).collect();
        let alternatives = if complete.len() > 1 {
            format!(
                " {} candidate paths (cross-signed or duplicate CAs); each is validated below.",
                complete.len()
            )
        } else {
            String::new()
        };
        return builder.done(
            Outcome::Pass,
            format!("{}.{alternatives}", listed.join("; ")),
        );
    }
    if input.anchors.is_empty() {
        return builder.done(Outcome::Fail, "No trust anchors were given: nothing can be trusted. Give the CA certificates of the key repository.");
    }
    let mut reasons = Vec::new();
    for end in dead {
        reasons.push(match end {
            DeadEnd::UntrustedRoot { root: 0 } => format!("{} is self-signed and is not among the trust anchors: add it to the trust store if it is meant to be trusted directly.", target.subject.rfc4514),
            DeadEnd::UntrustedRoot { root } => format!("the chain ends at the self-signed {}, which is not among the trust anchors: add that root CA certificate to the trust store (the key repository).", pool.cert(*root).map_or_else(String::new, |c| c.subject.rfc4514.clone())),
            DeadEnd::MissingIssuer { below, issuer, key_id } => format!(
                "no certificate named {issuer}{} was given, so the chain stops at {}: the issuing CA certificate is missing. If it is an intermediate, have the peer send it with its certificate or add it to the key repository; if it is the root, add it to the key repository as a trusted CA.",
                key_id.as_ref().map_or_else(String::new, |k| format!(" (subject key id {k})")),
                pool.cert(*below).map_or_else(String::new, Certificate::short_name)
            ),
            DeadEnd::TooLong { limit, by_option: true } => format!("paths longer than {limit} certificates ({} intermediates, --max-depth) were abandoned.", limit.saturating_sub(2)),
            DeadEnd::TooLong { limit, by_option: false } => format!("paths longer than {limit} certificates were abandoned."),
            DeadEnd::Budget(exhausted) => format!("the search stopped: {exhausted}."),
        });
    }
    reasons.dedup();
    builder.done(
        Outcome::Fail,
        format!(
            "No path reaches a trust anchor: {}",
            reasons.join(" Also: ")
        ),
    )
}

fn order_step(input: &ChainInput<'_>, path: &[&Certificate]) -> Option<Step> {
    let given: Vec<&str> = input
        .untrusted
        .iter()
        .map(|c| c.fingerprints.sha256.as_str())
        .collect();
    if given.len() < 2 {
        return None;
    }
    let wanted: Vec<&str> = path
        .iter()
        .skip(1)
        .map(|c| c.fingerprints.sha256.as_str())
        .filter(|f| given.contains(f))
        .collect();
    let in_given_order: Vec<&str> = given
        .iter()
        .copied()
        .filter(|f| wanted.contains(f))
        .collect();
    let builder = step(
        "chain.order",
        "Order of the given certificates",
        input.target,
        TLS_ORDER,
    );
    Some(if wanted == in_given_order {
        builder.done(
            Outcome::Pass,
            "The intermediates were given in chain order.",
        )
    } else {
        builder.done(Outcome::Warn, "The intermediates were given out of chain order. mqocsp (like GSKit) sorts them, but a TLS peer must send its chain leaf first, each certificate followed by its issuer.")
    })
}

fn peer_step(target: &Certificate, peer: &str, profile: ChainProfile) -> Step {
    let (fallback, reference) = match profile {
        ChainProfile::Rfc5280 => (CommonNameFallback::Never, RFC9525_PEER),
        ChainProfile::Gskit => (CommonNameFallback::WithoutSubjectAltName, RFC6125_PEER),
    };
    let builder = step(
        "chain.peer_name",
        &format!("Certificate is for {peer}"),
        target,
        reference,
    );
    match peer_name_matches(target, peer, fallback) {
        Ok(matched) => builder.done(Outcome::Pass, format!("{peer} matches {matched}.")),
        Err(names) => builder.done(Outcome::Fail, format!("{peer} matches none of the certificate's names ({names}). MQ itself checks SSLPEER against the subject DN, not the host name; this check is for completeness.")),
    }
}

/// Builds every path from the target to a trust anchor and validates each.
pub fn verify_chain(input: &ChainInput<'_>) -> ChainReport {
    let mut pool = Pool::new(input);
    let limit = input.max_depth.map_or(MAX_PATH_LEN, |depth| {
        depth.saturating_add(2).min(MAX_PATH_LEN)
    });
    let mut work = Validation {
        input,
        budget: Budget::default(),
        signatures: SignatureCache::new(),
    };
    let found = build(
        &mut pool,
        limit,
        input.max_depth.is_some(),
        &mut work.budget,
    );
    let complete = found.complete;
    let mut trace = Trace::default();
    trace.push(build_step(input, &pool, &complete, &found.dead));
    let mut paths = Vec::new();
    for (number, path) in complete.iter().enumerate() {
        let steps = validate_path(&pool, path, &mut work);
        let valid = steps.iter().all(|s| s.outcome != Outcome::Fail);
        let certs: Vec<&Certificate> = path.iter().filter_map(|&i| pool.cert(i)).collect();
        for mut step in steps {
            if complete.len() > 1 {
                step.title = format!("Path {}: {}", number + 1, step.title);
            }
            trace.push(step);
        }
        paths.push(PathReport {
            certificates: certs.iter().map(|c| c.short_name()).collect(),
            fingerprints: certs
                .iter()
                .map(|c| c.fingerprints.sha256.clone())
                .collect(),
            valid,
        });
    }
    let best: Vec<&Certificate> = complete
        .first()
        .map(|p| p.iter().filter_map(|&i| pool.cert(i)).collect())
        .unwrap_or_default();
    trace.steps.extend(order_step(input, &best));
    if let Some(peer) = input.peer_name {
        trace.push(peer_step(input.target, peer, input.profile));
    }
    trace
        .steps
        .extend(common_name_step(input.target, input.profile));
    // Steps about the target's identity hold whichever path is taken.
    let peer_ok = trace.steps.iter().all(|s| {
        !matches!(s.id, "chain.peer_name" | "chain.common_name") || s.outcome != Outcome::Fail
    });
    ChainReport {
        valid: paths.iter().any(|p| p.valid) && peer_ok,
        paths,
        trace,
    }
}
