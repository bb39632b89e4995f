//! One side's revocation check of its partner's chain, as MQ does it: the responder chosen by MQ's
//! precedence, every certificate except the root, and what each responder answers.

use super::case::{Resolved, ResponderState};
use super::config::{AuthInfoKind, AuthInfoType};
use super::evidence::Reply;
use super::index::IndexAnswer;
use super::ini::SslStanza;
use crate::certificate::Certificate;
use crate::ocsp::CertStatus;
use crate::verify::trace::{Outcome, Step, StepBuilder, Trace};
use crate::verify::{OcspInput, Profile, verify_ocsp};
use serde::Serialize;

pub use super::supposition::{Origin, Side, Supposed, Supposition};

/// Why a status is unknown: AMQ9716's causes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum Unknown {
    /// (a) the responder could not be reached.
    Unreachable {
        /// Its URL.
        url: String,
    },
    /// (b) the responder does not know the certificate.
    NotKnown {
        /// Why.
        why: String,
    },
    /// (c) a response came back but cannot be relied on.
    Unverifiable {
        /// The first failing check.
        why: String,
    },
    /// The case says nothing about this responder (an assumption is made).
    NoEvidence {
        /// Its URL.
        url: String,
    },
}

impl Unknown {
    /// AMQ9716's cause letter.
    pub fn letter(&self) -> char {
        match self {
            Self::Unreachable { .. } | Self::NoEvidence { .. } => 'a',
            Self::NotKnown { .. } => 'b',
            Self::Unverifiable { .. } => 'c',
        }
    }

    /// Why no status came, in a few words (a client library that asks its own sources treats
    /// a responder nothing speaks for as unreachable).
    pub fn words(&self) -> String {
        match self {
            Self::Unreachable { url } => format!("{url} cannot be reached"),
            Self::NoEvidence { url } => {
                format!("nothing in the case says {url} answers; taken as unreachable")
            }
            Self::NotKnown { why } => format!("unknown: {why}"),
            Self::Unverifiable { why } => format!("the answer cannot be relied on: {why}"),
        }
    }
}

/// The answer for one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Answer {
    /// Not revoked.
    Good,
    /// Revoked.
    Revoked {
        /// The responder URL, CRL distribution point or LDAP server that said so.
        url: String,
        /// Which kind of source said so.
        by: RevokedBy,
    },
    /// Not determined.
    Unknown(Unknown),
    /// No source of revocation information at all: nothing is checked.
    NotChecked,
}

/// The kind of source that found a certificate revoked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevokedBy {
    /// An OCSP responder.
    Ocsp,
    /// A CRL from the certificate's distribution point.
    CrlDistributionPoint,
    /// A CRL on an LDAP server (AUTHTYPE(CRLLDAP), MQAIT_CRL_LDAP).
    CrlLdap,
}

/// The result of one side's check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SideCheck {
    /// Per certificate checked, in order: subject and answer.
    pub answers: Vec<(String, Answer)>,
    /// The certificate a revoked answer is about, when one is.
    pub revoked: Option<Certificate>,
    /// The certificate an unknown answer is about, when one is (and no revoked).
    pub unknown: Option<(Certificate, Unknown)>,
    /// The steps.
    pub steps: Vec<Step>,
    /// OCSP traces of pasted responses that were validated.
    pub ocsp_trace: Trace,
    /// Whether anything was checked at all.
    pub checked: bool,
    /// Whether a definite answer came from an OCSP response without nextUpdate (GSKit is
    /// assumed to accept one: the seed's responders sent none).
    pub without_next_update: bool,
    /// Whether a source without a definite answer sent MQ on to the next one.
    pub fell_through: bool,
    /// The ticket lines of `openssl ocsp` output whose printed answers this check relied on.
    pub printed: Vec<usize>,
}

const LOCATION: &str = "https://www.ibm.com/docs/en/ibm-mq/9.4?topic=acammc-location-ocsp-responder-ldap-servers-that-hold-crls";
const ORDER: &str =
    "https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.0.0/com.ibm.mq.sec.doc/q135040_.html";

fn normalise(url: &str) -> String {
    url.trim().trim_end_matches('/').to_ascii_lowercase()
}

/// Every OCSP responder this side may ask about `cert`, in MQ's order, each with where MQ took it
/// from: the configured one (MQAIR, CCDT AUTHINFO, SSLCRLNL AUTHINFO), then, with
/// OCSPCheckExtensions=YES, the certificate's AIA responders. MQ goes down the list until one
/// gives a definite answer (good or revoked).
pub fn candidate_urls(
    resolved: &Resolved,
    side: Side,
    cert: &Certificate,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    // IBM MQ for z/OS asks no OCSP responder (mq-reference §1 "Platform limit").
    if side == Side::QueueManager && resolved.qm.tls == super::config::QmTls::SystemSsl {
        return out;
    }
    if let Some(configured) = configured_url(resolved, side) {
        out.push(configured);
    }
    let source = match side {
        Side::Client => "the certificate's AIA (OCSPCheckExtensions=YES)",
        Side::QueueManager => "the certificate's AIA (qm.ini OCSPCheckExtensions=YES)",
    };
    if stanza(resolved, side).ocsp_check_extensions.value.0 {
        for url in cert.ocsp_urls() {
            if !out.iter().any(|(u, _)| normalise(u) == normalise(url)) {
                out.push(((*url).to_owned(), source.to_owned()));
            }
        }
    }
    out
}

/// The SSL stanza of this side's ini file (mqclient.ini or qm.ini).
fn stanza(resolved: &Resolved, side: Side) -> &SslStanza {
    match side {
        Side::Client => &resolved.client.ssl,
        Side::QueueManager => &resolved.qm.ssl,
    }
}

/// The CRL distribution points this side goes to for `cert` after its OCSP responders: the
/// certificate's, when CDPCheckExtensions=YES; none otherwise.
pub fn crl_distribution_points<'c>(
    resolved: &'c Resolved,
    side: Side,
    cert: &'c Certificate,
) -> Vec<&'c str> {
    if !stanza(resolved, side).cdp_check_extensions.value {
        return Vec::new();
    }
    let urls = cert.crl_urls();
    // A stand-in queue manager certificate names the distribution point the ticket shows.
    match resolved.supposed_cdp.as_deref() {
        Some(url)
            if urls.is_empty()
                && side == Side::Client
                && resolved
                    .qm_cert
                    .as_ref()
                    .is_some_and(|q| q.fingerprints.sha256 == cert.fingerprints.sha256) =>
        {
            vec![url]
        }
        _ => urls,
    }
}

/// The responder named in this side's configuration, whatever the certificate says.
fn configured_url(resolved: &Resolved, side: Side) -> Option<(String, String)> {
    match side {
        Side::Client => {
            let record = resolved
                .client
                .effective_sco()
                .and_then(|sco| sco.auth_info_records.first());
            if let Some(url) = record
                .filter(|r| r.version >= 2 && r.auth_info_type == AuthInfoType::MqaitOcsp)
                .and_then(|r| r.ocsp_responder_url.clone())
                .filter(|u| !u.trim().is_empty())
            {
                return Some((url, "MQAIR.OCSPResponderURL (the first MQAIR)".into()));
            }
            if let Some(url) = resolved
                .client
                .ccdt_authinfo
                .iter()
                .find_map(|a| match &a.kind {
                    AuthInfoKind::Ocsp { url } => Some(url.clone()),
                    _ => None,
                })
            {
                return Some((url, "AUTHINFO copied into the CCDT".into()));
            }
            None
        }
        Side::QueueManager => {
            let qm = &resolved.qm;
            qm.sslcrlnl.iter().find_map(|name| {
                qm.authinfo
                    .iter()
                    .find(|a| a.name.eq_ignore_ascii_case(name))
                    .and_then(|a| match &a.kind {
                        AuthInfoKind::Ocsp { url } => {
                            Some((url.clone(), format!("AUTHINFO({}) in SSLCRLNL", a.name)))
                        }
                        _ => None,
                    })
            })
        }
    }
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Client => "the MQ client",
        Side::QueueManager => "the queue manager",
    }
}

/// What the responder at `url` answers about `cert` (issued by `issuer`, when it was pasted), for
/// a client model that chooses its own responders (the Java classes): the same evidence rules as
/// MQ's own.
pub(crate) fn answer_of(
    resolved: &Resolved,
    url: &str,
    cert: &Certificate,
    issuer: Option<&Certificate>,
    trace: &mut Trace,
) -> Answer {
    ask(resolved, url, cert, issuer, trace)
}

/// The ticket line of the `openssl ocsp` output [`answer_of`] takes its answer from, when it
/// does: no live or pasted reply about the certificate comes first, and the diagnosis's
/// supposition for it is a printed answer.
pub(crate) fn printed_line(resolved: &Resolved, url: &str, cert: &Certificate) -> Option<usize> {
    let fingerprint = &cert.fingerprints.sha256;
    if resolved.evidence.ocsp_reply(url, fingerprint).is_some()
        || resolved.evidence.unreachable(url)
    {
        return None;
    }
    resolved.supposed_answer(url, fingerprint)?.origin.printed()
}

/// What the CRL at distribution point `url` says about `cert` (issued by `issuer`), for a client
/// model that chooses its own sources (the managed .NET client's chain engine): a CRL from the
/// material, checked as MQ's own CDP check does.
pub(crate) fn crl_answer_of(
    resolved: &Resolved,
    url: &str,
    cert: &Certificate,
    issuer: Option<&Certificate>,
) -> (Answer, String) {
    let (answer, (_, text)) = ask_crl(
        resolved,
        (
            url,
            "the certificate's CDP",
            RevokedBy::CrlDistributionPoint,
        ),
        cert,
        issuer,
    );
    (answer, text)
}

/// What the responder at `url` answers about `cert` (issued by `issuer`): its live reply when one
/// was gathered, else what a diagnosis supposes of it, else what the case says of the responder (down, an index.txt), else a pasted
/// response about the certificate. A response is validated against the issuer, so with no
/// issuer pasted (`None`) a live or pasted response cannot be relied on.
fn ask(
    resolved: &Resolved,
    url: &str,
    cert: &Certificate,
    issuer: Option<&Certificate>,
    trace: &mut Trace,
) -> Answer {
    match resolved.evidence.ocsp_reply(url, &cert.fingerprints.sha256) {
        Some(Reply::Unreachable { .. }) => {
            return Answer::Unknown(Unknown::Unreachable {
                url: url.to_owned(),
            });
        }
        Some(Reply::Answered { body }) => {
            return match crate::ocsp::OcspResponse::parse(&body.0) {
                Ok(response) => issuer
                    .and_then(|issuer| judge(resolved, &response, url, cert, issuer, trace))
                    .unwrap_or_else(|| {
                        Answer::Unknown(Unknown::Unverifiable {
                            why: if issuer.is_some() {
                                "the responder's answer is not about this certificate".into()
                            } else {
                                NO_ISSUER.into()
                            },
                        })
                    }),
                Err(error) => Answer::Unknown(Unknown::Unverifiable {
                    why: format!("the responder's answer is not an OCSP response: {error}"),
                }),
            };
        }
        None if resolved.evidence.unreachable(url) => {
            return Answer::Unknown(Unknown::Unreachable {
                url: url.to_owned(),
            });
        }
        None => {}
    }
    // What a diagnosis supposes of a responder the case says nothing about.
    if let Some(supposed) = resolved.supposed_answer(url, &cert.fingerprints.sha256) {
        // Where the answer comes from: the ticket's openssl output, or the diagnosis's search.
        let from = supposed.origin.words();
        return match supposed.answer {
            Supposed::Good => Answer::Good,
            Supposed::Revoked => Answer::Revoked {
                url: url.to_owned(),
                by: RevokedBy::Ocsp,
            },
            Supposed::Unknown => Answer::Unknown(Unknown::NotKnown {
                why: format!("the responder answers unknown ({from})"),
            }),
            Supposed::Unreachable => Answer::Unknown(Unknown::Unreachable {
                url: url.to_owned(),
            }),
            Supposed::Unverifiable => Answer::Unknown(Unknown::Unverifiable {
                // Supposed only where openssl printed `Response Verify Failure` for it.
                why: format!(
                    "the responder's answer cannot be verified (openssl could not verify it either{})",
                    supposed
                        .origin
                        .printed()
                        .map(|line| format!(", line {line}"))
                        .unwrap_or_default()
                ),
            }),
        };
    }
    let described = resolved
        .responders
        .iter()
        .find(|(r, _, _)| normalise(&r.url) == normalise(url));
    if described.is_some_and(|(r, _, _)| r.state == ResponderState::Down) {
        return Answer::Unknown(Unknown::Unreachable {
            url: url.to_owned(),
        });
    }
    if let Some((_, Some(index), Some(ca))) = described {
        return match index.answer(ca, cert) {
            IndexAnswer::Good => Answer::Good,
            IndexAnswer::Revoked { .. } => Answer::Revoked {
                url: url.to_owned(),
                by: RevokedBy::Ocsp,
            },
            IndexAnswer::Unknown { why } => Answer::Unknown(Unknown::NotKnown { why }),
            IndexAnswer::NoSingleResponse => Answer::Unknown(Unknown::NotKnown { why: "index.txt marks the serial E (expired): openssl answers with no SingleResponse for it".into() }),
        };
    }
    // A pasted response about this certificate (the customer asked the responder, or kept what
    // it sent), validated as GSKit would.
    issuer
        .and_then(|issuer| {
            resolved
                .material
                .ocsp_responses()
                .find_map(|response| judge(resolved, response, url, cert, issuer, trace))
        })
        .unwrap_or_else(|| {
            Answer::Unknown(Unknown::NoEvidence {
                url: url.to_owned(),
            })
        })
}

/// Whether the response a definite answer about `cert` from `url` rests on has no nextUpdate: a
/// live or pasted response whose SingleResponse lacks it, or an `openssl ocsp -index` responder
/// as a case describes it (it sends nextUpdate only when started with -nmin/-ndays, which a case
/// cannot say; the seed's did not). A supposed answer rests on no response.
fn without_next_update(resolved: &Resolved, url: &str, cert: &Certificate) -> bool {
    let lacks = |response: &crate::ocsp::OcspResponse| {
        response.basic.as_ref().is_some_and(|b| {
            b.responses
                .iter()
                .any(|s| s.cert_id.serial == cert.serial && s.next_update.is_none())
        })
    };
    match resolved.evidence.ocsp_reply(url, &cert.fingerprints.sha256) {
        Some(Reply::Answered { body }) => {
            return crate::ocsp::OcspResponse::parse(&body.0).is_ok_and(|r| lacks(&r));
        }
        Some(Reply::Unreachable { .. }) => return false,
        None => {}
    }
    if resolved
        .supposed_answer(url, &cert.fingerprints.sha256)
        .is_some()
    {
        return false;
    }
    let indexed = resolved.responders.iter().any(|(r, index, ca)| {
        normalise(&r.url) == normalise(url) && index.is_some() && ca.is_some()
    });
    indexed || resolved.material.ocsp_responses().any(lacks)
}

/// `response` validated as GSKit would, when it is about `cert`; `None` when it is not.
fn judge(
    resolved: &Resolved,
    response: &crate::ocsp::OcspResponse,
    url: &str,
    cert: &Certificate,
    issuer: &Certificate,
    trace: &mut Trace,
) -> Option<Answer> {
    let about_it = response
        .basic
        .as_ref()
        .is_some_and(|b| b.responses.iter().any(|s| s.cert_id.serial == cert.serial));
    if !about_it {
        return None;
    }
    let others: Vec<Certificate> = resolved.material.certificates().cloned().collect();
    let report = verify_ocsp(&OcspInput {
        max_age: None,
        response,
        issuer,
        target: Some(cert),
        untrusted: &others,
        trusted_responders: &[],
        request: None,
        at: resolved.at,
        profile: Profile::Gskit,
        legacy: crate::verify::LegacyAlgorithms::Allow,
    });
    let failure = report
        .trace
        .first_failure()
        .filter(|s| s.id != "ocsp.cert_status")
        .map(|s| format!("{}: {}", s.title, s.explanation));
    trace.extend(report.trace.clone());
    if report
        .trace
        .steps
        .iter()
        .any(|s| s.id == "ocsp.cert_id" && s.outcome == Outcome::Fail)
    {
        return None;
    }
    Some(match (failure, report.cert_status) {
        (Some(why), _) => Answer::Unknown(Unknown::Unverifiable { why }),
        (None, Some(CertStatus::Good)) => Answer::Good,
        (None, Some(CertStatus::Revoked { .. })) => Answer::Revoked {
            url: url.to_owned(),
            by: RevokedBy::Ocsp,
        },
        (None, _) => Answer::Unknown(Unknown::NotKnown {
            why: "the responder answered unknown".into(),
        }),
    })
}

/// Where MQ looks for a certificate's revocation status, in its order.
enum Source {
    /// An OCSP responder, and where MQ took its URL from.
    Ocsp { url: String, from: String },
    /// A CRL: from a distribution point the certificate names (CDPCheckExtensions=YES), or on an
    /// LDAP server the configuration names; where MQ took it from.
    Crl {
        url: String,
        from: String,
        by: RevokedBy,
    },
}

impl Source {
    fn describe(&self) -> String {
        match self {
            Self::Ocsp { url, .. } => format!("the OCSP responder {url}"),
            Self::Crl { url, .. } => format!("the CRL at {url}"),
        }
    }
}

/// The LDAP servers holding CRLs that this side's configuration names, in order: the
/// queue manager's AUTHTYPE(CRLLDAP) objects in SSLCRLNL; the client's MQAIT_CRL_LDAP records,
/// else the CRLLDAP AUTHINFO copied into its CCDT.
fn ldap_sources(resolved: &Resolved, side: Side) -> Vec<Source> {
    let source = |conn_name: &str, from: String| Source::Crl {
        url: format!("ldap://{}", conn_name.trim()),
        from,
        by: RevokedBy::CrlLdap,
    };
    match side {
        Side::QueueManager => {
            let qm = &resolved.qm;
            qm.sslcrlnl
                .iter()
                .filter_map(|name| {
                    qm.authinfo
                        .iter()
                        .find(|a| a.name.eq_ignore_ascii_case(name))
                })
                .filter_map(|a| match &a.kind {
                    AuthInfoKind::Crlldap { conn_name } if !conn_name.trim().is_empty() => {
                        Some(source(
                            conn_name,
                            format!("AUTHINFO({}) AUTHTYPE(CRLLDAP) in SSLCRLNL", a.name),
                        ))
                    }
                    _ => None,
                })
                .collect()
        }
        Side::Client => {
            let from_mqair: Vec<Source> = resolved
                .client
                .effective_sco()
                .map(|sco| sco.auth_info_records.as_slice())
                .unwrap_or_default()
                .iter()
                .filter(|r| r.auth_info_type == AuthInfoType::MqaitCrlLdap)
                .filter_map(|r| r.auth_info_conn_name.as_deref())
                .filter(|c| !c.trim().is_empty())
                .map(|c| source(c, "MQAIR.AuthInfoConnName (MQAIT_CRL_LDAP)".into()))
                .collect();
            if !from_mqair.is_empty() {
                return from_mqair;
            }
            resolved
                .client
                .ccdt_authinfo
                .iter()
                .filter_map(|a| match &a.kind {
                    AuthInfoKind::Crlldap { conn_name } if !conn_name.trim().is_empty() => Some(
                        source(conn_name, "CRLLDAP AUTHINFO copied into the CCDT".into()),
                    ),
                    _ => None,
                })
                .collect()
        }
    }
}

/// What the CRL source `url` (a distribution point or an LDAP server) gives about `cert`: a CRL
/// from the material, issued by its issuer, checked as RFC 5280 asks. mqocsp fetches no CRL.
fn ask_crl(
    resolved: &Resolved,
    (url, from, by): (&str, &str, RevokedBy),
    cert: &Certificate,
    issuer: Option<&Certificate>,
) -> (Answer, (Outcome, String)) {
    // Of the usable CRLs from the issuer, the newest decides (the later one in the paste on a tie,
    // as a CRL fetched live is appended).
    let mut unusable: Option<String> = None;
    let mut newest: Option<(&crate::crl::Crl, crate::verify::crl::CrlVerdict)> = None;
    // A CRL's signature is checked against the issuer: with none pasted, no CRL is usable.
    let crls = issuer.map(|issuer| resolved.material.crls().map(move |c| (c, issuer)));
    for ((crl, der), issuer) in crls.into_iter().flatten() {
        if crl.issuer.rfc4514 != cert.issuer.rfc4514 {
            continue;
        }
        match crate::verify::crl::crl_verdict(
            crl,
            der,
            issuer,
            cert,
            resolved.at,
            crate::verify::LegacyAlgorithms::Allow,
        ) {
            Ok(verdict) => {
                if newest
                    .as_ref()
                    .is_none_or(|(best, _)| crl.this_update.0 >= best.this_update.0)
                {
                    newest = Some((crl, verdict));
                }
            }
            Err(why) => unusable = Some(why.to_string()),
        }
    }
    match newest {
        Some((crl, crate::verify::crl::CrlVerdict::NotListed)) => {
            return (
                Answer::Good,
                (
                    Outcome::Pass,
                    format!(
                        "{url} (from {from}): the pasted CRL of {} (thisUpdate {}) does not list serial {}.",
                        cert.issuer.rfc4514, crl.this_update, cert.serial
                    ),
                ),
            );
        }
        Some((crl, crate::verify::crl::CrlVerdict::Revoked { date, reason })) => {
            return (
                Answer::Revoked {
                    url: url.to_owned(),
                    by,
                },
                (
                    Outcome::Fail,
                    format!(
                        "{url} (from {from}): the pasted CRL (thisUpdate {}) lists serial {} as revoked on {date}{}.",
                        crl.this_update,
                        cert.serial,
                        reason.map(|r| format!(" ({r})")).unwrap_or_default()
                    ),
                ),
            );
        }
        None => {}
    }
    match unusable {
        Some(why) => (
            Answer::Unknown(Unknown::Unverifiable { why: why.clone() }),
            (
                Outcome::Fail,
                format!(
                    "{url} (from {from}): the pasted CRL of {} cannot be relied on — {why}. Status unknown, AMQ9716 cause (c).",
                    cert.issuer.rfc4514
                ),
            ),
        ),
        // What a diagnosis supposes of the distribution point (a stand-in's, or one curl tried).
        None => match resolved
            .supposed_answer(url, &cert.fingerprints.sha256)
            .map(|s| s.answer)
        {
            Some(Supposed::Unreachable) => (
                Answer::Unknown(Unknown::Unreachable {
                    url: url.to_owned(),
                }),
                (
                    Outcome::Fail,
                    format!(
                        "{url} (from {from}) cannot be reached: the CRL cannot be fetched. Status unknown, AMQ9716 cause (a)."
                    ),
                ),
            ),
            Some(Supposed::Good) => (
                Answer::Good,
                (
                    Outcome::Pass,
                    format!(
                        "{url} (from {from}): its CRL does not list serial {}.",
                        cert.serial
                    ),
                ),
            ),
            Some(Supposed::Revoked) => (
                Answer::Revoked {
                    url: url.to_owned(),
                    by,
                },
                (
                    Outcome::Fail,
                    format!(
                        "{url} (from {from}): its CRL lists serial {} as revoked.",
                        cert.serial
                    ),
                ),
            ),
            _ => (
                Answer::Unknown(Unknown::NoEvidence {
                    url: url.to_owned(),
                }),
                (
                    Outcome::Warn,
                    format!(
                        "{url} (from {from}): no CRL of {} was pasted or fetched live. mqocsp assumes it cannot be reached; paste the CRL (or fetch it through the relay) to use it.",
                        cert.issuer.rfc4514
                    ),
                ),
            ),
        },
    }
}

/// A step's outcome and text for what `url` answered.
fn describe_answer(answer: &Answer, url: &str, source: &str) -> (Outcome, String) {
    match answer {
        Answer::Good => (
            Outcome::Pass,
            format!("{url} (from {source}) answers good."),
        ),
        Answer::Revoked { .. } => (
            Outcome::Fail,
            format!("{url} (from {source}) answers revoked."),
        ),
        Answer::Unknown(Unknown::Unreachable { .. }) => (
            Outcome::Fail,
            format!(
                "{url} (from {source}) cannot be reached: the responder is down (or needs SSLHTTPProxyName / MQSSLPROXY). Status unknown, AMQ9716 cause (a)."
            ),
        ),
        Answer::Unknown(Unknown::NotKnown { why }) => (
            Outcome::Fail,
            format!("{url} (from {source}): {why}. Status unknown, AMQ9716 cause (b)."),
        ),
        Answer::Unknown(Unknown::Unverifiable { why }) => (
            Outcome::Fail,
            format!(
                "{url} (from {source}) answered, but the response cannot be relied on — {why}. Status unknown, AMQ9716 cause (c)."
            ),
        ),
        Answer::Unknown(Unknown::NoEvidence { .. }) => (
            Outcome::Warn,
            format!(
                "{url} (from {source}): the case says nothing about this responder and no response from it was pasted. mqocsp assumes it cannot be reached."
            ),
        ),
        Answer::NotChecked => (Outcome::Skip, String::new()),
    }
}

/// Checks every certificate of `path` except its last (the root), in order.
pub fn check_side(resolved: &Resolved, side: Side, path: &[Certificate]) -> SideCheck {
    let mut result = SideCheck {
        answers: Vec::new(),
        revoked: None,
        unknown: None,
        steps: Vec::new(),
        ocsp_trace: Trace::default(),
        checked: false,
        without_next_update: false,
        fell_through: false,
        printed: Vec::new(),
    };
    let id = match side {
        Side::Client => "mq.client_revocation",
        Side::QueueManager => "mq.qm_revocation",
    };
    for (cert, issuer) in checked_certificates(path) {
        let mut sources: Vec<Source> = candidate_urls(resolved, side, cert)
            .into_iter()
            .map(|(url, from)| Source::Ocsp { url, from })
            .collect();
        sources.extend(
            crl_distribution_points(resolved, side, cert)
                .into_iter()
                .map(|url| Source::Crl {
                    url: url.to_owned(),
                    from: "the certificate's CRL distribution point (CDPCheckExtensions=YES)"
                        .into(),
                    by: RevokedBy::CrlDistributionPoint,
                }),
        );
        sources.extend(ldap_sources(resolved, side));
        if sources.is_empty() {
            let note = if stanza(resolved, side).cdp_check_extensions.value {
                " CDPCheckExtensions=YES, but the certificate names no CRL distribution point either."
            } else {
                ""
            };
            result.answers.push((cert.short_name(), Answer::NotChecked));
            let text = if side == Side::QueueManager
                && resolved.qm.tls == super::config::QmTls::SystemSsl
            {
                "The queue manager runs on z/OS, which asks no OCSP responder (OCSP in an AUTHINFO is used only on AIX, Linux and Windows; z/OS checks CRLs over LDAP) and no CRL over LDAP is configured. No revocation check is made.".to_owned()
            } else {
                format!(
                    "{} has no OCSP responder for this certificate: no MQAIR/AUTHINFO URL, and {}. No revocation check is made.{note}",
                    side_name(side),
                    if cert.ocsp_urls().is_empty() {
                        "no AIA OCSP URL in the certificate"
                    } else {
                        "OCSPCheckExtensions=NO ignores the AIA URL"
                    }
                )
            };
            result.steps.push(
                StepBuilder::new(id, "Choose the OCSP responder", cert.short_name(), LOCATION)
                    .done(Outcome::Warn, text),
            );
            continue;
        }
        result.checked = true;
        // MQ goes down the sources until one answers good or revoked; the first source's reason
        // is the one reported when none does.
        let mut first_unknown: Option<Answer> = None;
        let mut answer = Answer::NotChecked;
        for (index, source) in sources.iter().enumerate() {
            let (asked, title, (mut outcome, mut text)) = match source {
                Source::Ocsp { url, from } => {
                    let asked = ask(resolved, url, cert, issuer, &mut result.ocsp_trace);
                    result.printed.extend(printed_line(resolved, url, cert));
                    if matches!(asked, Answer::Good | Answer::Revoked { .. })
                        && without_next_update(resolved, url, cert)
                    {
                        result.without_next_update = true;
                    }
                    let described = describe_answer(&asked, url, from);
                    (asked, "Ask the OCSP responder", described)
                }
                Source::Crl { url, from, by } => {
                    let (asked, described) = ask_crl(resolved, (url, from, *by), cert, issuer);
                    (asked, "Fetch the CRL", described)
                }
            };
            if matches!(asked, Answer::Unknown(_))
                && let Some(next) = sources.get(index + 1)
            {
                outcome = Outcome::Warn;
                text.push_str(&format!(
                    " No definite answer: MQ goes on to the next source, {}.",
                    next.describe()
                ));
                result.fell_through = true;
            }
            result
                .steps
                .push(StepBuilder::new(id, title, cert.short_name(), LOCATION).done(outcome, text));
            match asked {
                Answer::Unknown(_) => {
                    if first_unknown.is_none() {
                        first_unknown = Some(asked);
                    }
                }
                definite => {
                    answer = definite;
                    break;
                }
            }
        }
        if matches!(answer, Answer::NotChecked)
            && let Some(unknown) = first_unknown
        {
            answer = unknown;
        }
        match &answer {
            Answer::Revoked { .. } if result.revoked.is_none() => {
                result.revoked = Some(cert.clone())
            }
            Answer::Unknown(why) if result.unknown.is_none() => {
                result.unknown = Some((cert.clone(), why.clone()))
            }
            _ => {}
        }
        result.answers.push((cert.short_name(), answer));
    }
    if let Some(root) = path.last().filter(|c| c.self_issued) {
        result.steps.push(StepBuilder::new(id, "Revocation check", root.short_name(), ORDER).done(Outcome::Skip, "The root CA is not checked for revocation: GSKit checks every certificate of the chain except the root."));
    }
    result
}

/// Why a response cannot be relied on when the certificate's issuer was not pasted.
const NO_ISSUER: &str = "the certificate's issuer was not pasted, so the response's signature and CertID cannot be checked";

/// The certificates of a validated `path` whose revocation is checked, each with its issuer when
/// the path holds it: every certificate but the root (GSKit, JSSE's PKIXRevocationChecker and
/// SslStream's ExcludeRoot all leave the trust anchor's own status alone). A last certificate
/// that is not self-issued is not a root: it stands at the top only because the ticket did not
/// paste its CA (the side's key repository holds it), so it is checked, with no issuer known.
pub fn checked_certificates(
    path: &[Certificate],
) -> impl Iterator<Item = (&Certificate, Option<&Certificate>)> {
    path.iter()
        .enumerate()
        .map(|(position, cert)| (cert, path.get(position + 1)))
        .filter(|(cert, issuer)| issuer.is_some() || !cert.self_issued)
}
