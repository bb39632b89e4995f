//! Live evidence for a case: which OCSP queries (and CRL fetches) MQ would make (the sources each
//! side goes through, every certificate but the root), and how answers fold back into the case.
//! The bytes are moved by the caller (the page through the relay, the CLI itself); this module
//! only plans and records.

use super::case::{Case, ResponderState};
use super::revocation::{Side, candidate_urls, crl_distribution_points};
use crate::certificate::Certificate;
use crate::verify::{ChainInput, LegacyAlgorithms, Purpose, verify_chain};
use base64::Engine as _;

/// What a query fetches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryKind {
    /// An OCSP response: POST `request` to `url`.
    Ocsp,
    /// A CRL: GET `url`, a distribution point of the certificate (CDPCheckExtensions=YES).
    Crl,
}

/// One query to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Which side would ask.
    pub side: Side,
    /// What it fetches.
    pub kind: QueryKind,
    /// The responder URL MQ's precedence picks, or the CRL distribution point.
    pub url: String,
    /// The certificate asked about (short name).
    pub certificate: String,
    /// The DER OCSPRequest (empty for a CRL).
    pub request: Vec<u8>,
}

fn path(
    case_certs: &[Certificate],
    target: &Certificate,
    anchors: &[Certificate],
    at: crate::Timestamp,
) -> Vec<Certificate> {
    let untrusted: Vec<Certificate> = case_certs
        .iter()
        .filter(|c| c.fingerprints != target.fingerprints)
        .cloned()
        .collect();
    let report = verify_chain(&ChainInput {
        profile: crate::verify::ChainProfile::Gskit,
        crls: &[],
        max_depth: None,
        target,
        untrusted: &untrusted,
        anchors,
        at,
        purpose: Purpose::Any,
        peer_name: None,
        legacy: LegacyAlgorithms::Allow,
    });
    let Some(best) = report
        .paths
        .iter()
        .find(|p| p.valid)
        .or(report.paths.first())
    else {
        return vec![target.clone()];
    };
    best.fingerprints
        .iter()
        .filter_map(|fp| {
            case_certs
                .iter()
                .chain(anchors)
                .find(|c| c.fingerprints.sha256 == *fp)
                .cloned()
        })
        .collect()
}

/// The queries MQ would make for this case; `nonce` gives each request its nonce (the caller
/// draws it: the core has no randomness).
pub fn plan(case: &Case, nonce: &mut dyn FnMut() -> Vec<u8>) -> Vec<Query> {
    let resolved = case.resolve();
    let certs: Vec<Certificate> = resolved.material.certificates().cloned().collect();
    let mut queries = Vec::new();
    let sides = [
        (
            Side::Client,
            resolved.qm_cert.clone(),
            resolved.client_trust.clone(),
        ),
        (
            Side::QueueManager,
            resolved.client_cert.clone(),
            resolved.qm_trust.clone(),
        ),
    ];
    for (side, target, anchors) in sides {
        let Some(target) = target else { continue };
        let chain = path(&certs, &target, &anchors, resolved.at);
        for (position, cert) in chain.iter().enumerate() {
            let Some(issuer) = chain.get(position + 1) else {
                break;
            };
            // Every source MQ may go on to, so that a fall-through rests on live answers too:
            // the OCSP responders, then the CRL distribution points (plain HTTP ones; CRLs on
            // LDAP servers are not fetched).
            for (url, _) in candidate_urls(&resolved, side, cert) {
                let request = crate::ocsp::build_request(cert, issuer, Some(&nonce()));
                queries.push(Query {
                    side,
                    kind: QueryKind::Ocsp,
                    url,
                    certificate: cert.short_name(),
                    request,
                });
            }
            for url in crl_distribution_points(&resolved, side, cert)
                .into_iter()
                .filter(|u| u.starts_with("http://"))
            {
                queries.push(Query {
                    side,
                    kind: QueryKind::Crl,
                    url: url.to_owned(),
                    certificate: cert.short_name(),
                    request: Vec::new(),
                });
            }
        }
    }
    queries
}

/// Whether what `query` fetched ends the search for its certificate: an OCSP response saying good
/// or revoked, or a CRL (read, not validated: the prediction validates it).
pub fn ends_search(query: &Query, body: &[u8]) -> bool {
    match query.kind {
        QueryKind::Ocsp => answers_definitely(&query.request, body),
        QueryKind::Crl => crate::decode_bytes(body)
            .objects
            .iter()
            .any(|o| matches!(o.body, crate::decode::ObjectBody::Crl(_))),
    }
}

/// What `response` says about the certificate `request` asks about, in the response's order
/// (read, not validated: the prediction validates it). Empty when either does not parse.
pub fn statuses(request: &[u8], response: &[u8]) -> Vec<crate::ocsp::CertStatus> {
    let Some(serial) = crate::ocsp::OcspRequest::parse(request)
        .ok()
        .and_then(|r| r.cert_ids.first().map(|id| id.serial.clone()))
    else {
        return Vec::new();
    };
    crate::ocsp::OcspResponse::parse(response)
        .ok()
        .and_then(|r| r.basic)
        .map(|basic| {
            basic
                .responses
                .into_iter()
                .filter(|single| single.cert_id.serial == serial)
                .map(|single| single.cert_status)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `response` answers `request` with good or revoked for the certificate it asks about:
/// a definite answer, after which MQ asks no further source about that certificate.
pub fn answers_definitely(request: &[u8], response: &[u8]) -> bool {
    statuses(request, response).iter().any(|status| {
        matches!(
            status,
            crate::ocsp::CertStatus::Good | crate::ocsp::CertStatus::Revoked { .. }
        )
    })
}

/// The queries grouped by the certificate they ask about (and the side asking), each group in
/// MQ's order, so that a caller asks a certificate's sources one after the other.
pub fn by_certificate(queries: Vec<Query>) -> Vec<Vec<Query>> {
    let mut groups: Vec<Vec<Query>> = Vec::new();
    for query in queries {
        match groups.iter_mut().find(|g| {
            g.first()
                .is_some_and(|q| q.side == query.side && q.certificate == query.certificate)
        }) {
            Some(group) => group.push(query),
            None => groups.push(vec![query]),
        }
    }
    groups
}

/// `der` as a PEM block with `label`, on lines of its own, to append to a case's material.
pub fn pem_block(label: &str, der: &[u8]) -> String {
    armour(
        label,
        &base64::engine::general_purpose::STANDARD.encode(der),
    )
}

fn armour(label: &str, base64: &str) -> String {
    format!("\n-----BEGIN {label}-----\n{base64}\n-----END {label}-----\n")
}

/// Folds the chain a listener presented into the case: its certificates join the material and the
/// leaf becomes the queue manager's certificate.
pub fn record_chain(case: &mut Case, chain: &[Vec<u8>]) {
    for der in chain {
        let base64 = base64::engine::general_purpose::STANDARD.encode(der);
        if !case.material.contains(&base64) {
            case.material.push_str(&armour("CERTIFICATE", &base64));
        }
    }
    if let Some(leaf) = chain.first() {
        let fingerprint = crate::certificate::fingerprints(leaf).sha256;
        case.queue_manager.certificate = Some(format!("sha256:{fingerprint}"));
    }
}

/// Folds what a query fetched into the case: for OCSP, [`record`]; a CRL joins the material (a
/// CRL that could not be fetched leaves nothing behind: the prediction then assumes its
/// distribution point cannot be reached).
pub fn record_answer(case: &mut Case, query: &Query, answer: Result<&[u8], &str>) {
    match query.kind {
        QueryKind::Ocsp => record(case, &query.url, answer),
        QueryKind::Crl => {
            if let Ok(body) = answer {
                case.material.push_str(&pem_block("X509 CRL", body));
            }
        }
    }
}

/// Folds a live answer into the case: the responder is up and its answer joins the material
/// (replacing a simulated index.txt), or it is down.
pub fn record(case: &mut Case, url: &str, answer: Result<&[u8], &str>) {
    let same = |u: &str| {
        u.trim_end_matches('/')
            .eq_ignore_ascii_case(url.trim_end_matches('/'))
    };
    if !case.responders.iter().any(|r| same(&r.url)) {
        case.responders.push(super::case::Responder {
            url: url.to_owned(),
            state: ResponderState::Up,
            index: None,
            ca: None,
        });
    }
    for responder in case.responders.iter_mut().filter(|r| same(&r.url)) {
        match answer {
            Ok(_) => {
                responder.state = ResponderState::Up;
                responder.index = None;
                responder.ca = None;
            }
            Err(_) => responder.state = ResponderState::Down,
        }
    }
    if let Ok(body) = answer {
        case.material.push_str(&pem_block("OCSP RESPONSE", body));
    }
}

/// What a live TLS handshake with the listener showed; kept in the case so that a share link or
/// an export carries it, and applied by [`super::predict::predict`].
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProbeEvidence {
    /// HOST:PORT probed.
    pub target: String,
    /// The SNI sent.
    pub sni: String,
    /// Whether a TCP connection was made.
    pub connected: bool,
    /// How the handshake failed, when it did.
    #[serde(default)]
    pub error: Option<String>,
    /// An alert or close right after the handshake.
    #[serde(default)]
    pub alert_after_handshake: Option<String>,
    /// Negotiated protocol.
    #[serde(default)]
    pub protocol: Option<String>,
    /// Negotiated suite.
    #[serde(default)]
    pub cipher_suite: Option<String>,
    /// Subjects of the chain as sent.
    #[serde(default)]
    pub chain: Vec<String>,
    /// Whether an OCSP response was stapled.
    #[serde(default)]
    pub stapled_ocsp: bool,
    /// Whether the listener asked for a client certificate.
    #[serde(default)]
    pub client_certificate_requested: bool,
    /// The CA names it accepts.
    #[serde(default)]
    pub acceptable_cas: Vec<String>,
}

/// What the handshake itself decided, over what the offline model predicts.
pub fn apply_probe(d: &mut super::predict::Diagnosis, live: &ProbeEvidence, channel: &str) {
    use super::codes::Certainty;
    use super::predict::LogEntry;
    use crate::verify::trace::{Outcome, Step};
    let step = |id: &'static str, title: &str, outcome: Outcome, explanation: String| Step {
        id,
        title: title.to_owned(),
        subject: live.target.clone(),
        outcome,
        explanation,
        evidence: vec![],
        reference: "mqocsp probe",
    };
    let mut steps = vec![step(
        "live.tls",
        "TLS handshake with the listener",
        if live.error.is_some() || !live.connected {
            Outcome::Fail
        } else {
            Outcome::Pass
        },
        match (&live.error, live.connected) {
            (Some(error), _) => error.clone(),
            (None, false) => "no TCP connection".to_owned(),
            (None, true) => format!(
                "SNI {}; {} with {}; the listener presented {} certificate(s){}.",
                live.sni,
                live.protocol.clone().unwrap_or_default(),
                live.cipher_suite.clone().unwrap_or_default(),
                live.chain.len(),
                if live.stapled_ocsp {
                    " and a stapled OCSP response"
                } else {
                    ""
                }
            ),
        },
    )];
    let fail = |d: &mut super::predict::Diagnosis,
                client: Vec<LogEntry>,
                qm: Vec<LogEntry>,
                reason: u32| {
        d.outcome.connected = false;
        d.outcome.completion_code = 2;
        d.outcome.reason_code = Some(reason);
        d.outcome.reason_name = super::codes::reason_name(reason).map(str::to_owned);
        d.outcome.client_log = client.iter().map(|l| l.id.clone()).collect();
        d.outcome.queue_manager_log = qm.iter().map(|l| l.id.clone()).collect();
        d.client_log = client;
        d.queue_manager_log = qm;
    };
    let entry = |id: &str, text: String, certainty| LogEntry {
        id: id.to_owned(),
        text: format!("{id}: {text}"),
        certainty,
    };
    if !live.connected {
        steps.push(step(
            "live.connect",
            "Reach the listener",
            Outcome::Fail,
            "No TCP connection: MQCONNX fails before any TLS with 2538 MQRC_HOST_NOT_AVAILABLE."
                .into(),
        ));
        fail(
            d,
            vec![entry(
                "AMQ9202E",
                format!("Remote host not available for channel '{channel}'."),
                Certainty::Partial,
            )],
            vec![],
            2538,
        );
    } else if live.client_certificate_requested
        && (live.alert_after_handshake.is_some() || live.error.is_some())
    {
        steps.push(step("live.client_certificate", "The listener demands a client certificate", Outcome::Fail, format!(
            "The listener asked for a client certificate (acceptable CAs: {}) and closed the connection when the probe sent none: the queue manager has SSLCAUTH(REQUIRED). An MQ client without a certificate sees the remote end close the connection; the queue manager most likely logs that the channel lacks a certificate (AMQ9637). Give the client a certificate whose issuer is one of the acceptable CAs.",
            if live.acceptable_cas.is_empty() { "any".to_owned() } else { live.acceptable_cas.join("; ") }
        )));
        fail(
            d,
            vec![entry(
                "AMQ9665E",
                format!("SSL connection closed by remote end of channel '{channel}'."),
                Certainty::Partial,
            )],
            vec![entry(
                "AMQ9637E",
                format!(
                    "Channel '{channel}' is lacking a certificate (most likely; read the queue manager's log to confirm)."
                ),
                Certainty::Partial,
            )],
            2393,
        );
    } else if let Some(alert) = live.error.as_ref().or(live.alert_after_handshake.as_ref()) {
        steps.push(step("live.aborted", "The listener aborted the handshake", Outcome::Fail, format!("{alert}. The client logs that the remote end closed the connection; the reason is in the queue manager's log.")));
        fail(
            d,
            vec![entry(
                "AMQ9665E",
                format!("SSL connection closed by remote end of channel '{channel}'."),
                Certainty::Partial,
            )],
            vec![],
            2393,
        );
    } else if live.client_certificate_requested {
        steps.push(step("live.client_certificate", "The listener asks for a client certificate", Outcome::Warn, "The listener asked for a client certificate but accepted the connection without one (SSLCAUTH(OPTIONAL)).".into()));
    }
    steps.append(&mut d.steps);
    d.steps = steps;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mq::examples::{SERVER_RESPONDER, example};

    #[test]
    fn plan_asks_each_sides_responder_about_every_certificate_but_the_root() {
        let case = example("good").unwrap_or_else(|| unreachable!());
        let mut n = 0u8;
        let queries = plan(&case, &mut || {
            n += 1;
            vec![n; 16]
        });
        let summary: Vec<(Side, &str, &str)> = queries
            .iter()
            .map(|q| (q.side, q.url.as_str(), q.certificate.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    Side::Client,
                    SERVER_RESPONDER,
                    "www.sd.pulsarintegration.PL81N.com"
                ),
                (
                    Side::QueueManager,
                    "http://winca.example.test:2560/",
                    "www.pulsarintegration.PL921WC.com"
                ),
            ]
        );
        let request = crate::ocsp::OcspRequest::parse(&queries[0].request)
            .unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(request.cert_ids[0].serial, "01");
        assert_eq!(
            request.nonce.as_deref(),
            Some("01010101010101010101010101010101")
        );
    }

    #[test]
    fn good_and_revoked_answers_end_a_certificates_search() {
        use crate::Certificate;
        let certs = |pem: &str| -> Vec<Certificate> {
            crate::decode(pem).certificates().cloned().collect()
        };
        let qm = certs(include_str!(
            "../../../../testdata/fixtures/queue-manager.pem"
        ));
        let ca = certs(include_str!("../../../../testdata/fixtures/server-ca.pem"));
        let (Some(qm), Some(ca)) = (qm.first(), ca.first()) else {
            unreachable!("the fixtures hold certificates")
        };
        let request = crate::ocsp::build_request(qm, ca, None);
        let about_ca = crate::ocsp::build_request(ca, ca, None);
        let response = |pem: &str| {
            crate::decode(pem)
                .objects
                .first()
                .map(|o| o.der.clone())
                .unwrap_or_default()
        };
        let good = response(include_str!(
            "../../../../testdata/fixtures/ocsp-queue-manager-good.pem"
        ));
        let revoked = response(include_str!(
            "../../../../testdata/fixtures/ocsp-queue-manager-revoked.pem"
        ));
        assert!(answers_definitely(&request, &good));
        assert!(answers_definitely(&request, &revoked));
        // About another certificate, or not an OCSP response at all: not an answer.
        assert!(!answers_definitely(&about_ca, &good));
        assert!(!answers_definitely(&request, b"<html>busy</html>"));
        // Grouped by certificate, each group in MQ's order.
        let query = |certificate: &str, url: &str| Query {
            side: Side::Client,
            kind: QueryKind::Ocsp,
            url: url.into(),
            certificate: certificate.into(),
            request: Vec::new(),
        };
        let groups = by_certificate(vec![
            query("leaf", "http://a/"),
            query("ca", "http://a/"),
            query("leaf", "http://b/"),
        ]);
        let urls: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| g.iter().map(|q| q.url.as_str()).collect())
            .collect();
        assert_eq!(urls, [vec!["http://a/", "http://b/"], vec!["http://a/"]]);
    }

    #[test]
    fn answers_and_failures_fold_into_the_case() {
        let mut case = example("good").unwrap_or_else(|| unreachable!());
        record(&mut case, SERVER_RESPONDER, Err("connection refused"));
        assert_eq!(case.responders[0].state, ResponderState::Down);
        record(
            &mut case,
            SERVER_RESPONDER,
            Ok(&[0x30, 0x03, 0x0a, 0x01, 0x03]),
        );
        assert_eq!(case.responders[0].state, ResponderState::Up);
        assert!(
            case.responders[0].index.is_none(),
            "the live answer replaces the simulated responder"
        );
        assert!(case.material.contains("BEGIN OCSP RESPONSE"));
    }
}
