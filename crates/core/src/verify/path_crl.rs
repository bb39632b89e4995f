//! CRLs in path validation (`verify-chain --crl`, RFC 5280 §6.3): which CRLs answer for a
//! certificate of the path, whether each can be used, and what the usable ones say.

use super::budget::Budget;
use super::crl::CrlVerdict;
use super::dp_names::{ALL_REASONS, ReasonMask, crl_reasons, reason_names};
pub use super::input::CrlSource;
use super::input::{ChainInput, step};
use super::profile::ChainProfile;
use super::signature::{LegacyAlgorithms, verify_signature};
use super::trace::{Outcome, Step};
use crate::certificate::Certificate;
use crate::general_name::GeneralName;
use crate::timestamp::Timestamp;

/// Why a CRL cannot answer for a certificate (RFC 5280 §6.3.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CrlProblem {
    /// The signature does not verify with the issuer's key (§6.3.3 (f), (g)).
    Signature(String),
    /// The issuer's keyUsage lacks cRLSign (§6.3.3 (f)).
    NoCrlSign,
    /// thisUpdate is after the evaluation time.
    NotYetValid(Timestamp),
    /// nextUpdate is before the evaluation time (§6.3.3 (a)(2)).
    Expired(Timestamp),
    /// cRLNumber is absent (§5.2.3: conforming CRL issuers MUST include it).
    NoCrlNumber,
    /// cRLNumber is marked critical (§5.2.3: it is non-critical).
    CrlNumberCritical,
    /// The delta CRL that updates this complete CRL cannot be used (§6.3.3 (c), (g)).
    Delta(String),
    /// Not from the certificate's issuer, or (when its distribution points name a cRLIssuer) not
    /// an indirect CRL (§5.2.5) from that cRLIssuer (§6.3.3 (b)(1)).
    Indirect,
    /// A critical CRL or entry extension mqocsp does not process (§5.2, §5.3).
    UnknownCritical(String),
    /// An extension that does not parse.
    Unreadable(String),
    /// The CRL's scope (issuingDistributionPoint) does not include this certificate (§6.3.3 (b)).
    OutOfScope(&'static str),
    /// No nextUpdate (§5.1.2.5: conforming CRL issuers MUST include it).
    NoNextUpdate,
    /// The same serial listed twice (§5.1.2.6 lists each certificate once; CA/B Forum).
    DuplicateEntry(String),
}

impl std::fmt::Display for CrlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Signature(why) => write!(f, "its signature does not verify: {why}"),
            Self::NoCrlSign => {
                f.write_str("the issuer's keyUsage lacks cRLSign, so it may not sign CRLs")
            }
            Self::NotYetValid(at) => write!(f, "its thisUpdate {at} is after the evaluation time"),
            Self::Expired(at) => write!(f, "its nextUpdate {at} has passed"),
            Self::NoCrlNumber => f.write_str("it has no cRLNumber extension (RFC 5280 §5.2.3)"),
            Self::CrlNumberCritical => {
                f.write_str("its cRLNumber is marked critical (RFC 5280 §5.2.3)")
            }
            Self::Delta(why) => f.write_str(why),
            Self::Indirect => f.write_str(
                "it is not from the certificate's issuer, or not an indirect CRL from the cRLIssuer the certificate's distribution points name",
            ),
            Self::UnknownCritical(name) => write!(
                f,
                "it has a critical extension mqocsp does not process ({name})"
            ),
            Self::Unreadable(name) => write!(f, "its {name} extension does not parse"),
            Self::OutOfScope(why) => write!(f, "its issuingDistributionPoint says it covers {why}"),
            Self::NoNextUpdate => f.write_str(
                "it has no nextUpdate (RFC 5280 §5.1.2.5), so nobody can tell when it is stale",
            ),
            Self::DuplicateEntry(serial) => write!(f, "it lists serial {serial} more than once"),
        }
    }
}

const OID_CRL_NUMBER: &str = "2.5.29.20";
const OID_DELTA: &str = "2.5.29.27";
const OID_IDP: &str = "2.5.29.28";
const OID_AKI: &str = "2.5.29.35";
const OID_REASON: &str = "2.5.29.21";
const OID_INVALIDITY: &str = "2.5.29.24";
const OID_CERTIFICATE_ISSUER: &str = "2.5.29.29";

/// RFC 5280 §6.3.3 for one CRL and one certificate of a path: scope, then issuer, signature,
/// times and extensions; then the lookup. `required_crl_number` is the strict profile (cRLNumber
/// and nextUpdate required).
pub(crate) fn path_crl_verdict(
    source: &CrlSource<'_>,
    issuer: &Certificate,
    cert: &Certificate,
    at: Timestamp,
    legacy: LegacyAlgorithms,
    required_crl_number: bool,
) -> Result<CrlVerdict, CrlProblem> {
    use crate::extension::ExtensionValue;
    use crate::general_name::KeyUsageFlags;
    let crl = source.crl;
    let cert_is_ca = cert.basic_constraints().is_some_and(|(ca, _)| ca);
    let points = super::dp_names::of_certificate(cert);
    for ext in &crl.extensions {
        let name = || ext.name.clone().unwrap_or_else(|| ext.oid.clone());
        if matches!(ext.value, ExtensionValue::Broken { .. }) {
            return Err(CrlProblem::Unreadable(name()));
        }
        match ext.oid.as_str() {
            OID_CRL_NUMBER if ext.critical => return Err(CrlProblem::CrlNumberCritical),
            OID_CRL_NUMBER | OID_AKI | OID_IDP | OID_DELTA => {}
            _ if ext.critical => return Err(CrlProblem::UnknownCritical(name())),
            _ => {}
        }
        if let ExtensionValue::IssuingDistributionPoint {
            names,
            relative_to_issuer,
            only_user,
            only_ca,
            only_some_reasons: _,
            indirect: _,
            only_attribute,
        } = &ext.value
        {
            if *only_attribute {
                return Err(CrlProblem::OutOfScope("only attribute certificates"));
            }
            if *only_user && cert_is_ca {
                return Err(CrlProblem::OutOfScope(
                    "only end-entity certificates, and this is a CA",
                ));
            }
            if *only_ca && !cert_is_ca {
                return Err(CrlProblem::OutOfScope(
                    "only CA certificates, and this is an end-entity certificate",
                ));
            }
            if !names.is_empty() || *relative_to_issuer {
                // RFC 5280 §6.3.3 (b)(2)(i): one of the IDP's names must be one of the
                // certificate's distribution point names, compared as names, not as text (a
                // name relative to the CRL issuer made whole), or, for a distribution point
                // that names only its cRLIssuer, one of those.
                let general = cert.crl_distribution_points();
                let directory = super::dp_names::of_crl(ext, source.der).unwrap_or_default();
                if *relative_to_issuer && directory.is_empty() {
                    return Err(CrlProblem::OutOfScope(
                        "a distribution point named relative to the CRL issuer that mqocsp cannot read",
                    ));
                }
                let by_directory = directory.iter().any(|idp| {
                    points.iter().any(|p| {
                        p.names.iter().any(|n| n.matches(idp))
                            || (!p.named && p.crl_issuers.iter().any(|c| c.matches(idp)))
                    })
                });
                if !by_directory && !names.iter().any(|n| general.contains(&n)) {
                    return Err(CrlProblem::OutOfScope(
                        "a distribution point that is not one of the certificate's",
                    ));
                }
            }
        }
    }
    // §6.3.3 (b)(1): a CRL from another CA than the certificate's must be indirect and named
    // by the certificate's distribution points as their cRLIssuer.
    let indirect = crl.extensions.iter().any(|e| {
        matches!(
            e.value,
            ExtensionValue::IssuingDistributionPoint { indirect: true, .. }
        )
    });
    // A distribution point without a cRLIssuer (or none at all) has its CRLs from the
    // certificate's issuer; one with a cRLIssuer from that CA, as an indirect CRL.
    let issuer_allowed = ((points.is_empty() || points.iter().any(|p| p.crl_issuers.is_empty()))
        && crl.issuer.matches(&cert.issuer))
        || (indirect
            && points
                .iter()
                .any(|p| p.crl_issuers.iter().any(|n| n.matches(&crl.issuer))));
    if !issuer_allowed {
        return Err(CrlProblem::Indirect);
    }
    if required_crl_number && !crl.extensions.iter().any(|e| e.oid == OID_CRL_NUMBER) {
        return Err(CrlProblem::NoCrlNumber);
    }
    if required_crl_number && crl.next_update.is_none() {
        return Err(CrlProblem::NoNextUpdate);
    }
    let mut serials: Vec<&str> = crl.revoked.iter().map(|e| e.serial.as_str()).collect();
    serials.sort_unstable();
    // An indirect CRL may list one serial for each of several issuers.
    if let Some(pair) = serials
        .windows(2)
        .find(|pair| !indirect && pair.first() == pair.get(1))
    {
        return Err(CrlProblem::DuplicateEntry(
            pair.first().map_or_else(String::new, |s| (*s).to_owned()),
        ));
    }
    if issuer
        .key_usages()
        .is_some_and(|u| !u.has(KeyUsageFlags::CRL_SIGN))
    {
        return Err(CrlProblem::NoCrlSign);
    }
    verify_signature(
        &crl.signature_algorithm,
        issuer,
        crl.tbs_span.of(source.der),
        &crl.signature,
        legacy,
    )
    .map_err(|e| CrlProblem::Signature(e.to_string()))?;
    if crl.this_update.0 > at.0 {
        return Err(CrlProblem::NotYetValid(crl.this_update));
    }
    if let Some(next) = crl.next_update.filter(|next| next.0 < at.0) {
        return Err(CrlProblem::Expired(next));
    }
    // §5.3.3: in an indirect CRL an entry is about the certificate issuer its certificateIssuer
    // names, or the previous entry's, or at first the CRL issuer.
    let mut entry_issuer = &crl.issuer;
    let Some(entry) = crl.revoked.iter().find(|entry| {
        if indirect
            && let Some(named) = entry.extensions.iter().find_map(|e| match &e.value {
                ExtensionValue::AltNames { names } if e.oid == OID_CERTIFICATE_ISSUER => {
                    names.iter().find_map(|n| match n {
                        GeneralName::Directory(dn) => Some(dn),
                        _ => None,
                    })
                }
                _ => None,
            })
        {
            entry_issuer = named;
        }
        entry.serial == cert.serial && entry_issuer.matches(&cert.issuer)
    }) else {
        return Ok(CrlVerdict::NotListed);
    };
    if let Some(ext) = entry.extensions.iter().find(|e| {
        e.critical
            && e.oid != OID_REASON
            && e.oid != OID_INVALIDITY
            && e.oid != OID_CERTIFICATE_ISSUER
    }) {
        return Err(CrlProblem::UnknownCritical(
            ext.name.clone().unwrap_or_else(|| ext.oid.clone()),
        ));
    }
    Ok(CrlVerdict::Revoked {
        date: entry.revocation_date,
        reason: entry.reason.clone(),
    })
}

/// The reasons `source` can answer for about a certificate whose distribution points are
/// `points` (§6.3.3 (d)): its onlySomeReasons, or all, within the points' reasons, or all.
fn interim_reasons(source: &CrlSource<'_>, points: &[super::dp_names::Point]) -> ReasonMask {
    let of_crl = source
        .crl
        .extensions
        .iter()
        .find(|e| e.oid == OID_IDP)
        .and_then(|idp| crl_reasons(idp, source.der))
        .unwrap_or(ALL_REASONS);
    let of_points = if points.is_empty() || points.iter().any(|p| p.reasons.is_none()) {
        ALL_REASONS
    } else {
        points
            .iter()
            .filter_map(|p| p.reasons)
            .fold(0, |a, b| a | b)
    };
    of_crl & of_points
}

/// What `source` says about `cert`, checked with the first of `signers` of its issuer's name
/// whose key can have signed it (the certificate's issuer first; the issuer's reason is the one
/// said when none can). `None` when no signer of that name was given.
fn checked(
    source: &CrlSource<'_>,
    signers: &[&Certificate],
    cert: &Certificate,
    input: &ChainInput<'_>,
    strict: bool,
    budget: &mut Budget,
) -> Option<Result<CrlVerdict, CrlProblem>> {
    let other_key = |v: &Result<CrlVerdict, CrlProblem>| {
        matches!(v, Err(CrlProblem::NoCrlSign | CrlProblem::Signature(_)))
    };
    let mut named = signers
        .iter()
        .filter(|s| s.subject.matches(&source.crl.issuer));
    let first = named.next()?;
    let mut verdict = path_crl_verdict(source, first, cert, input.at, input.legacy, strict);
    if other_key(&verdict) {
        for signer in named {
            if budget.signature().is_err() {
                break;
            }
            let tried = path_crl_verdict(source, signer, cert, input.at, input.legacy, strict);
            if !other_key(&tried) {
                verdict = tried;
                break;
            }
        }
    }
    Some(verdict)
}

/// A delta CRL's BaseCRLNumber (§5.2.4); `None` for a complete CRL, `Some(None)` for a delta
/// whose base does not read as a number.
fn delta_base(source: &CrlSource<'_>) -> Option<Option<u128>> {
    let ext = source.crl.extensions.iter().find(|e| e.oid == OID_DELTA)?;
    Some(super::dp_names::integer(ext, source.der))
}

/// A CRL's cRLNumber.
fn crl_number(source: &CrlSource<'_>) -> Option<u128> {
    source.crl.extensions.iter().find_map(|e| match &e.value {
        crate::extension::ExtensionValue::CrlNumber { number } => number.parse().ok(),
        _ => None,
    })
}

/// The complete CRL's verdict updated by the newest delta CRL that applies to it (§6.3.3 (c),
/// (g)–(k)): same issuer and scope, its BaseCRLNumber at most the complete CRL's cRLNumber.
/// An entry there with reason removeFromCRL takes the certificate off the complete CRL; any
/// other revokes it. A delta that applies but cannot be used (stale, a bad signature) leaves the
/// status undetermined: the complete CRL alone may miss a newer revocation.
#[allow(clippy::too_many_arguments)]
fn with_delta(
    complete: CrlVerdict,
    source: &CrlSource<'_>,
    deltas: &[&CrlSource<'_>],
    signers: &[&Certificate],
    cert: &Certificate,
    input: &ChainInput<'_>,
    strict: bool,
    budget: &mut Budget,
) -> Result<CrlVerdict, CrlProblem> {
    fn scope<'c>(s: &CrlSource<'c>) -> Option<&'c crate::extension::ExtensionValue> {
        s.crl
            .extensions
            .iter()
            .find(|e| e.oid == OID_IDP)
            .map(|e| &e.value)
    }
    let number = crl_number(source);
    let mut applicable: Vec<&&CrlSource<'_>> = deltas
        .iter()
        .filter(|d| {
            d.crl.issuer.matches(&source.crl.issuer)
                && scope(d) == scope(source)
                && matches!((delta_base(d), number), (Some(Some(base)), Some(n)) if base <= n)
        })
        .collect();
    applicable.sort_by_key(|d| std::cmp::Reverse(d.crl.this_update.0));
    let Some(delta) = applicable.first() else {
        return Ok(complete);
    };
    match checked(delta, signers, cert, input, strict, budget) {
        Some(Ok(CrlVerdict::Revoked { reason, .. }))
            if reason.as_deref() == Some("removeFromCRL") =>
        {
            Ok(CrlVerdict::NotListed)
        }
        Some(Ok(revoked @ CrlVerdict::Revoked { .. })) => Ok(revoked),
        Some(Ok(CrlVerdict::NotListed)) => Ok(complete),
        Some(Err(problem)) => Err(CrlProblem::Delta(format!(
            "its delta CRL issued {} cannot be used ({problem}), so a newer revocation may be missed",
            delta.crl.this_update
        ))),
        None => Err(CrlProblem::Delta(format!(
            "the signer of its delta CRL issued {} was not given",
            delta.crl.this_update
        ))),
    }
}

/// RFC 5280 §6.3: what the given CRLs say about `cert`. `None` when no CRL was given at all,
/// or none from this certificate's issuer and this is not the target (as `openssl verify
/// -crl_check`, the target must be covered; intermediates are checked when their issuer's CRL
/// is there).
pub(super) fn revocation_step(
    cert: &Certificate,
    signers: &[&Certificate],
    input: &ChainInput<'_>,
    is_target: bool,
    budget: &mut Budget,
) -> Option<Step> {
    if input.crls.is_empty() {
        return None;
    }
    let builder = step("chain.crl", "Not revoked (CRL)", cert, "RFC 5280 §6.3");
    let points = super::dp_names::of_certificate(cert);
    let crl_issuers: Vec<_> = points.iter().flat_map(|p| p.crl_issuers.iter()).collect();
    let candidates: Vec<&CrlSource<'_>> = input
        .crls
        .iter()
        .filter(|source| {
            source.crl.issuer.matches(&cert.issuer)
                || crl_issuers.iter().any(|n| n.matches(&source.crl.issuer))
        })
        .collect();
    if candidates.is_empty() {
        return is_target.then(|| builder.done(Outcome::Fail, format!("No CRL from {} was given, so the revocation status of the certificate is unknown (openssl verify -crl_check fails the same way: unable to get certificate CRL).", cert.issuer.rfc4514)));
    }
    let strict = input.profile == ChainProfile::Rfc5280;
    // Delta CRLs update a complete CRL (§5.2.4, §6.3.3 (c), (g)); they are not used alone.
    let (deltas, candidates): (Vec<&CrlSource<'_>>, Vec<&CrlSource<'_>>) = candidates
        .into_iter()
        .partition(|s| delta_base(s).is_some());
    let mut problems: Vec<String> = deltas
        .iter()
        .filter(|_| candidates.is_empty())
        .map(|d| {
            format!(
                "the CRL issued {} is a delta CRL, used only with the complete CRL it updates",
                d.crl.this_update
            )
        })
        .collect();
    let mut not_listed = None;
    let mut covered: ReasonMask = 0;
    for source in candidates {
        if let Err(exhausted) = budget.signature() {
            problems.push(exhausted.to_string());
            break;
        }
        let verdict = match checked(source, signers, cert, input, strict, budget) {
            None => {
                problems.push(format!(
                    "the CRL issued {} by {}: no certificate of that name certified by the path was given, so its signature cannot be checked",
                    source.crl.this_update, source.crl.issuer.rfc4514
                ));
                continue;
            }
            Some(Ok(complete)) => with_delta(
                complete, source, &deltas, signers, cert, input, strict, budget,
            ),
            Some(Err(problem)) => Err(problem),
        };
        match verdict {
            Ok(CrlVerdict::Revoked { date, reason }) => {
                return Some(builder.done(
                    Outcome::Fail,
                    format!(
                        "Revoked at {date}{} according to the CRL of {} issued {}.",
                        reason.map_or_else(String::new, |r| format!(", reason {r}")),
                        source.crl.issuer.rfc4514,
                        source.crl.this_update
                    ),
                ));
            }
            Ok(CrlVerdict::NotListed) => {
                // §6.3.3 (d), (e): a CRL covers the reasons its issuingDistributionPoint and
                // the certificate's distribution points have in common; the certificate is not
                // revoked once the CRLs used cover every reason.
                covered |= interim_reasons(source, &points);
                if covered & ALL_REASONS == ALL_REASONS {
                    not_listed = Some(source.crl.this_update);
                }
            }
            Err(problem) => problems.push(format!(
                "the CRL issued {}: {problem}",
                source.crl.this_update
            )),
        }
    }
    if not_listed.is_none() && covered != 0 {
        problems.push(format!(
            "the CRLs that can be used cover only some revocation reasons ({}), not {}",
            reason_names(covered & ALL_REASONS),
            reason_names(ALL_REASONS & !covered)
        ));
    }
    Some(match (not_listed, is_target) {
        (Some(issued), _) => builder.done(
            Outcome::Pass,
            format!(
                "Not listed in the CRL of {} issued {issued}.{}",
                cert.issuer.rfc4514,
                if problems.is_empty() {
                    String::new()
                } else {
                    format!(" Not used: {}.", problems.join("; "))
                }
            ),
        ),
        (None, true) => builder.done(
            Outcome::Fail,
            format!(
                "No usable CRL covers the certificate: {}.",
                problems.join("; ")
            ),
        ),
        (None, false) => builder.done(
            Outcome::Warn,
            format!(
                "No usable CRL covers this CA certificate: {}.",
                problems.join("; ")
            ),
        ),
    })
}
