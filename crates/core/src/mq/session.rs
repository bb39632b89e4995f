//! The live workflow as one sans-I/O state machine, shaped like rustls' `Connection`: the session
//! says what to do next (a TLS handshake with this SNI and CipherSpec, an OCSP request to this
//! URL, a CRL fetch), the caller moves the bytes (the page through the relay, the CLI over its own
//! sockets) and hands back what came, and the session records it as typed evidence in the case.
//! It asks a certificate's sources in MQ's order and stops at the first good or revoked answer,
//! as MQ does. Nonces are drawn by the caller: the core has no randomness.
//!
//! ```text
//! Session::new(case, listener, now)   (or Session::with_resolved(case, resolved, listener, now))
//!   loop: match session.next(&mut nonce) {
//!     Task::Handshake(dial) => session.handshake_done(observed)
//!     Task::Fetch(fetch)    => session.fetched(result)
//!     Task::Done            => break
//!   }
//! session.into_case() -> predict
//! ```

use super::case::{Case, Resolved};
use super::evidence::{CrlReply, Der, OcspReply, ProbeEvidence, Reply};
use super::ini::OutboundSni;
use super::revocation::{Side, candidate_urls, crl_distribution_points};
use super::sni::channel_sni;
use super::sources::{SourceKind, client_sources};
use crate::certificate::Certificate;
use crate::ocsp::CertStatus;
use crate::timestamp::Timestamp;

/// What a fetch asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchKind {
    /// An OCSP response: POST the request to the responder (RFC 6960 Appendix A, as GSKit does).
    Ocsp,
    /// A CRL: GET the distribution point (CDPCheckExtensions=YES).
    Crl,
}

/// A TLS handshake to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dial {
    /// HOST:PORT of the listener.
    pub target: String,
    /// The SNI the MQ client sends (OutboundSNI).
    pub sni: String,
    /// The CipherSpec the client offers, when configured.
    pub cipher_spec: Option<String>,
}

/// A request to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetch {
    /// Which side would ask.
    pub side: Side,
    /// What it fetches.
    pub kind: FetchKind,
    /// The responder or distribution point.
    pub url: String,
    /// The certificate asked about (short name, for people).
    pub certificate: String,
    /// Its serial number (lowercase hex), to read an answer with [`statuses`].
    pub serial: String,
    /// The DER OCSPRequest (empty for a CRL).
    pub request: Vec<u8>,
}

/// What to do next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Task {
    /// Make a TLS handshake, then call [`Session::handshake_done`].
    Handshake(Dial),
    /// Send a request, then call [`Session::fetched`].
    Fetch(Fetch),
    /// Nothing more: MQ would ask no further source.
    Done,
}

/// What a handshake showed, as the caller's TLS client saw it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Observed {
    /// Whether a TCP connection (or tunnel) to the listener was made.
    pub connected: bool,
    /// How the handshake failed, when it did.
    pub error: Option<String>,
    /// An alert or close right after the handshake.
    pub alert_after_handshake: Option<String>,
    /// Negotiated protocol.
    pub protocol: Option<String>,
    /// Negotiated suite.
    pub cipher_suite: Option<String>,
    /// The certificates as sent, leaf first (DER).
    pub chain: Vec<Vec<u8>>,
    /// A stapled OCSP response (empty when none).
    pub stapled: Vec<u8>,
    /// Whether the listener asked for a client certificate.
    pub client_certificate_requested: bool,
    /// The CA names it accepts (DER Names).
    pub acceptable_cas: Vec<Vec<u8>>,
}

/// One line of what the session did, for a live log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Which side's source.
    pub side: Option<Side>,
    /// What happened, in words.
    pub text: String,
}

/// One source to ask about one certificate.
#[derive(Clone, Debug)]
struct Planned {
    side: Side,
    kind: FetchKind,
    url: String,
    cert: Certificate,
    issuer: Option<Certificate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Stage {
    Handshake,
    AwaitHandshake,
    Plan,
    Ask { group: usize, index: usize },
    AwaitFetch { group: usize, index: usize },
    Done,
}

/// A live session over one case.
#[derive(Clone, Debug)]
pub struct Session {
    case: Case,
    dial: Option<Dial>,
    stage: Stage,
    groups: Vec<Vec<Planned>>,
    events: Vec<Event>,
    /// The case resolved, while the session has not changed it (a handshake adds the presented
    /// chain, so the plan then resolves the case again).
    resolved: Option<Resolved>,
}

impl Session {
    /// A session that first makes a handshake with `listener` (HOST:PORT) when given, then asks
    /// the sources MQ would ask. Live answers are about `now`, so the case is evaluated then.
    pub fn new(mut case: Case, listener: Option<&str>, now: Timestamp) -> Self {
        case.at = now.to_string();
        let resolved = case.resolve();
        Self::with_resolved(case, resolved, listener, now)
    }

    /// As [`Session::new`], over a case already resolved by the caller (the page resolves its open
    /// case once per change and shares it): the SNI, the CipherSpec and, unless a handshake adds
    /// the presented chain first, the plan of sources to ask all come from `resolved`, so the live
    /// plan is the one every panel shows.
    pub fn with_resolved(
        mut case: Case,
        resolved: Resolved,
        listener: Option<&str>,
        now: Timestamp,
    ) -> Self {
        case.at = now.to_string();
        let dial = listener.map(|target| Dial {
            target: target.to_owned(),
            sni: resolved.sni(),
            cipher_spec: resolved.client.mqcd.cipher_spec.clone(),
        });
        let stage = if dial.is_some() {
            Stage::Handshake
        } else {
            Stage::Plan
        };
        Self {
            case,
            dial,
            stage,
            groups: Vec::new(),
            events: Vec::new(),
            resolved: Some(resolved),
        }
    }

    /// What to do next; `nonce` draws the nonce of an OCSP request.
    pub fn next(&mut self, nonce: &mut dyn FnMut() -> Vec<u8>) -> Task {
        loop {
            match self.stage.clone() {
                Stage::Handshake => {
                    self.stage = Stage::AwaitHandshake;
                    if let Some(dial) = self.dial.clone() {
                        return Task::Handshake(dial);
                    }
                }
                // A caller that asks again without answering gets the same task again.
                Stage::AwaitHandshake => {
                    if let Some(dial) = self.dial.clone() {
                        return Task::Handshake(dial);
                    }
                    self.stage = Stage::Plan;
                }
                Stage::Plan => {
                    let resolved = self.resolved.take().unwrap_or_else(|| self.case.resolve());
                    let client = &resolved.client;
                    self.events.push(Event {
                        side: Some(Side::Client),
                        text: format!(
                            "sources asked as {}",
                            super::sources::describe(client.kind, &client.java, &client.dotnet)
                        ),
                    });
                    self.groups = plan(&resolved);
                    self.stage = Stage::Ask { group: 0, index: 0 };
                }
                Stage::Ask { group, index } | Stage::AwaitFetch { group, index } => {
                    let Some(planned) = self.groups.get(group).and_then(|g| g.get(index)) else {
                        if group < self.groups.len() {
                            self.stage = Stage::Ask {
                                group: group + 1,
                                index: 0,
                            };
                            continue;
                        }
                        self.stage = Stage::Done;
                        continue;
                    };
                    let request = match (&planned.kind, &planned.issuer) {
                        (FetchKind::Ocsp, Some(issuer)) => {
                            crate::ocsp::build_request(&planned.cert, issuer, Some(&nonce()))
                        }
                        _ => Vec::new(),
                    };
                    self.stage = Stage::AwaitFetch { group, index };
                    return Task::Fetch(Fetch {
                        side: planned.side,
                        kind: planned.kind,
                        url: planned.url.clone(),
                        certificate: planned.cert.short_name(),
                        serial: planned.cert.serial.clone(),
                        request,
                    });
                }
                Stage::Done => return Task::Done,
            }
        }
    }

    /// Records what the handshake showed: the probe evidence, the chain as presented (its leaf
    /// becomes the queue manager's certificate).
    pub fn handshake_done(&mut self, observed: Observed) {
        if self.stage != Stage::AwaitHandshake {
            return;
        }
        let dial = self.dial.clone().unwrap_or(Dial {
            target: String::new(),
            sni: String::new(),
            cipher_spec: None,
        });
        let chain: Vec<Certificate> = observed
            .chain
            .iter()
            .filter_map(|der| Certificate::parse(der).ok())
            .collect();
        let probe = ProbeEvidence {
            target: dial.target.clone(),
            sni: dial.sni.clone(),
            connected: observed.connected,
            error: observed.error.clone(),
            alert_after_handshake: observed.alert_after_handshake.clone(),
            protocol: observed.protocol.clone(),
            cipher_suite: observed.cipher_suite.clone(),
            chain: chain.iter().map(|c| c.subject.rfc4514.clone()).collect(),
            stapled_ocsp: !observed.stapled.is_empty(),
            client_certificate_requested: observed.client_certificate_requested,
            acceptable_cas: observed
                .acceptable_cas
                .iter()
                .map(|h| crate::name::DistinguishedName::text_of_der(h))
                .collect(),
        };
        self.events.push(Event {
            side: Some(Side::Client),
            text: probe_summary(&probe),
        });
        if !observed.chain.is_empty() {
            self.case.evidence.set_presented(&observed.chain);
            self.events.push(Event {
                side: Some(Side::Client),
                text: "the presented chain joined the case; the leaf is now the queue manager's certificate".into(),
            });
        }
        if let Some(leaf) = chain.first() {
            self.case.queue_manager.certificate =
                Some(format!("sha256:{}", leaf.fingerprints.sha256));
        }
        self.case.live = Some(probe);
        self.resolved = None;
        self.stage = Stage::Plan;
    }

    /// Records what a fetch brought: the body, or why there is none. An OCSP answer saying good
    /// or revoked (or a CRL) ends the search for that certificate, as MQ asks no further source.
    pub fn fetched(&mut self, result: Result<Vec<u8>, String>) {
        let Stage::AwaitFetch { group, index } = self.stage else {
            return;
        };
        let Some(planned) = self.groups.get(group).and_then(|g| g.get(index)).cloned() else {
            return;
        };
        let (reply, definite, said) = match result {
            Ok(body) => {
                let (definite, said) = match planned.kind {
                    FetchKind::Ocsp => {
                        let statuses = statuses(&planned.cert.serial, &body);
                        let definite = statuses
                            .iter()
                            .any(|s| matches!(s, CertStatus::Good | CertStatus::Revoked { .. }));
                        let said = match statuses.first() {
                            Some(status) => status.word().to_owned(),
                            None => "no answer about it".to_owned(),
                        };
                        (definite, said)
                    }
                    FetchKind::Crl => {
                        let is_crl = crate::decode_bytes(&body)
                            .objects
                            .iter()
                            .any(|o| matches!(o.body, crate::decode::ObjectBody::Crl(_)));
                        let said = if is_crl {
                            "added to the case".to_owned()
                        } else {
                            "not a CRL".to_owned()
                        };
                        (is_crl, said)
                    }
                };
                (Reply::Answered { body: Der(body) }, definite, said)
            }
            Err(why) => (Reply::Unreachable { why: why.clone() }, false, why),
        };
        let (url, about) = (&planned.url, planned.cert.short_name());
        let text = match (&reply, planned.kind) {
            (Reply::Answered { body }, FetchKind::Ocsp) => {
                format!(
                    "{url} answered about {about} ({} bytes): {said}",
                    body.0.len()
                )
            }
            (Reply::Answered { body }, FetchKind::Crl) => format!(
                "the CRL for {about} from {url} ({} bytes): {said}",
                body.0.len()
            ),
            (Reply::Unreachable { .. }, FetchKind::Ocsp) => {
                format!("{url} about {about}: {said}: the responder is marked down")
            }
            (Reply::Unreachable { .. }, FetchKind::Crl) => format!(
                "the CRL for {about} from {url}: {said}: no CRL, so that distribution point counts as unreachable"
            ),
        };
        self.events.push(Event {
            side: Some(planned.side),
            text,
        });
        match planned.kind {
            FetchKind::Ocsp => self.case.evidence.add_ocsp(OcspReply {
                url: planned.url.clone(),
                certificate: planned.cert.fingerprints.sha256.clone(),
                reply,
            }),
            FetchKind::Crl => self.case.evidence.add_crl(CrlReply {
                url: planned.url.clone(),
                reply,
            }),
        }
        self.stage = if definite {
            Stage::Ask {
                group: group + 1,
                index: 0,
            }
        } else {
            Stage::Ask {
                group,
                index: index + 1,
            }
        };
    }

    /// The case with everything recorded so far.
    pub fn case(&self) -> &Case {
        &self.case
    }

    /// The case with everything recorded.
    pub fn into_case(self) -> Case {
        self.case
    }

    /// What the session did, in order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// How many fetches the plan holds (0 before the plan is made).
    pub fn planned(&self) -> usize {
        self.groups.iter().map(Vec::len).sum()
    }
}

/// One line about a handshake.
fn probe_summary(probe: &ProbeEvidence) -> String {
    if !probe.connected {
        return format!(
            "probe of {}: {}",
            probe.target,
            probe.error.as_deref().unwrap_or("no connection")
        );
    }
    format!(
        "probe of {}: {} {}; {} certificate(s) presented{}{}{}",
        probe.target,
        probe.protocol.as_deref().unwrap_or("no TLS"),
        probe.cipher_suite.as_deref().unwrap_or_default(),
        probe.chain.len(),
        if probe.stapled_ocsp {
            ", a stapled OCSP response"
        } else {
            ""
        },
        if probe.client_certificate_requested {
            ", a client certificate was requested"
        } else {
            ""
        },
        probe
            .error
            .as_ref()
            .or(probe.alert_after_handshake.as_ref())
            .map_or_else(String::new, |e| format!("; {e}"))
    )
}

/// The statuses `response` gives for the certificate with this serial, in the response's order
/// (read, not validated: the prediction validates it). Empty when it does not parse or says
/// nothing about it.
pub fn statuses(serial: &str, response: &[u8]) -> Vec<CertStatus> {
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

/// The sources MQ would ask, grouped by certificate (each side, every certificate but the root
/// of the path it checks), each group in MQ's order: the OCSP responders, then the plain-HTTP CRL
/// distribution points (CRLs on LDAP servers are not fetched).
fn plan(resolved: &Resolved) -> Vec<Vec<Planned>> {
    let sides = [
        (Side::Client, &resolved.qm_cert, &resolved.client_trust),
        (
            Side::QueueManager,
            &resolved.client_cert,
            &resolved.qm_trust,
        ),
    ];
    let mut groups = Vec::new();
    for (side, target, anchors) in sides {
        let Some(target) = target else { continue };
        let report = resolved.verify_chain(target, anchors);
        let path = resolved.path(&report, target, anchors);
        for (position, cert) in path.iter().enumerate() {
            let Some(issuer) = path.get(position + 1) else {
                break;
            };
            // A Java or managed .NET client asks its own sources (mq::sources), not MQ's.
            let own = match side {
                Side::Client => client_sources(
                    resolved.client.kind,
                    &resolved.client.java,
                    &resolved.client.dotnet,
                    cert,
                ),
                Side::QueueManager => None,
            };
            let group: Vec<Planned> = match own {
                Some(sources) => sources
                    .into_iter()
                    .filter(|s| s.kind == SourceKind::Ocsp || s.url.starts_with("http://"))
                    .map(|s| Planned {
                        side,
                        kind: match s.kind {
                            SourceKind::Ocsp => FetchKind::Ocsp,
                            SourceKind::Crl => FetchKind::Crl,
                        },
                        url: s.url,
                        cert: cert.clone(),
                        issuer: (s.kind == SourceKind::Ocsp).then(|| issuer.clone()),
                    })
                    .collect(),
                None => candidate_urls(resolved, side, cert)
                    .into_iter()
                    .map(|(url, _)| Planned {
                        side,
                        kind: FetchKind::Ocsp,
                        url,
                        cert: cert.clone(),
                        issuer: Some(issuer.clone()),
                    })
                    .chain(
                        crl_distribution_points(resolved, side, cert)
                            .into_iter()
                            .filter(|u| u.starts_with("http://"))
                            .map(|url| Planned {
                                side,
                                kind: FetchKind::Crl,
                                url: url.to_owned(),
                                cert: cert.clone(),
                                issuer: None,
                            }),
                    )
                    .collect(),
            };
            if !group.is_empty() {
                groups.push(group);
            }
        }
    }
    groups
}

impl Resolved {
    /// The SNI the MQ client sends: with OutboundSNI=CHANNEL (the default) the channel name
    /// mapped as IBM documents, with HOSTNAME the host of the connection name.
    pub fn sni(&self) -> String {
        match self.client.outbound_sni() {
            OutboundSni::Channel => channel_sni(&self.channel_name()),
            OutboundSni::Hostname => self
                .client
                .mqcd
                .conn_name
                .as_deref()
                .map(conn_host)
                .unwrap_or_default(),
        }
    }

    /// The channel in use: the client's MQCD, else the queue manager's definition.
    pub fn channel_name(&self) -> String {
        if self.client.mqcd.channel_name.is_empty() {
            self.qm.channel.name.clone()
        } else {
            self.client.mqcd.channel_name.clone()
        }
    }

    /// HOST:PORT of the listener from the connection name (`host(port)`, the first of a list;
    /// port 1414 when none is given).
    pub fn listener(&self) -> Option<String> {
        let conn = self
            .client
            .mqcd
            .conn_name
            .as_deref()?
            .split(',')
            .next()?
            .trim();
        if conn.is_empty() {
            return None;
        }
        let host = conn_host(conn);
        let port = conn
            .split_once('(')
            .map(|(_, p)| p.trim_end_matches(')').trim().to_owned())
            .or_else(|| {
                conn.rsplit_once(':')
                    .filter(|(h, _)| !h.contains(':') || h.ends_with(']'))
                    .map(|(_, p)| p.to_owned())
            })
            .unwrap_or_else(|| "1414".to_owned());
        Some(if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        })
    }
}

/// The host of a connection name: `qm.example.com(1414)` → `qm.example.com`; the first entry of
/// a comma-separated list; a `host:port` form (as typed for a probe) loses its port.
pub fn conn_host(conn: &str) -> String {
    let first = conn.split(',').next().unwrap_or_default().trim();
    let host = first.split_once('(').map_or(first, |(h, _)| h).trim();
    let host = match host.rsplit_once(':') {
        // One colon: host:port. More: an IPv6 literal, kept whole (without brackets).
        Some((h, p)) if !h.contains(':') && p.chars().all(|c| c.is_ascii_digit()) => h,
        Some((h, p)) if h.starts_with('[') && h.ends_with(']') && !p.is_empty() => h,
        _ => host,
    };
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mq::examples::{SERVER_RESPONDER, example};

    fn nonce() -> impl FnMut() -> Vec<u8> {
        let mut n = 0u8;
        move || {
            n += 1;
            vec![n; 16]
        }
    }

    fn at() -> Timestamp {
        Timestamp::parse_rfc3339("2022-02-02T13:22:24Z").unwrap_or_else(|| unreachable!())
    }

    fn fixture(pem: &str) -> Vec<u8> {
        crate::decode(pem)
            .objects
            .first()
            .map(|o| o.der.clone())
            .unwrap_or_default()
    }

    /// The URLs a session over `case` asks, answering each with a refusal.
    fn asked(mut session: Session) -> Vec<String> {
        let mut nonce = nonce();
        let mut urls = Vec::new();
        loop {
            match session.next(&mut nonce) {
                Task::Fetch(fetch) => {
                    urls.push(fetch.url.clone());
                    session.fetched(Err("connection refused".into()));
                }
                Task::Handshake(_) => unreachable!("no listener was given"),
                Task::Done => return urls,
            }
        }
    }

    #[test]
    fn a_session_over_a_shared_resolution_plans_from_it_not_from_a_second_resolve() {
        let case = example("good").unwrap_or_else(|| unreachable!());
        let resolved = case.resolve();
        let own = asked(Session::new(case.clone(), None, at()));
        assert!(!own.is_empty());
        // The same case without its certificates: resolving it again would plan nothing, so the
        // plan can only have come from the resolution handed in.
        let mut bare = case;
        bare.material.clear();
        assert!(asked(Session::new(bare.clone(), None, at())).is_empty());
        assert_eq!(
            asked(Session::with_resolved(bare, resolved, None, at())),
            own
        );
    }

    #[test]
    fn without_a_listener_it_asks_each_sides_responder_about_every_certificate_but_the_root() {
        let case = example("good").unwrap_or_else(|| unreachable!());
        let mut session = Session::new(case, None, at());
        let mut nonce = nonce();
        let mut asked = Vec::new();
        loop {
            match session.next(&mut nonce) {
                Task::Fetch(fetch) => {
                    asked.push((fetch.side, fetch.url.clone(), fetch.certificate.clone()));
                    if asked.len() == 1 {
                        let request = crate::ocsp::OcspRequest::parse(&fetch.request)
                            .unwrap_or_else(|e| unreachable!("{e}"));
                        assert_eq!(request.cert_ids[0].serial, "01");
                        assert_eq!(
                            request.nonce.as_deref(),
                            Some("01010101010101010101010101010101")
                        );
                    }
                    session.fetched(Err("connection refused".into()));
                }
                Task::Handshake(_) => unreachable!("no listener was given"),
                Task::Done => break,
            }
        }
        assert_eq!(
            asked,
            [
                (
                    Side::Client,
                    SERVER_RESPONDER.to_owned(),
                    "www.sd.pulsarintegration.PL81N.com".to_owned()
                ),
                (
                    Side::QueueManager,
                    "http://winca.example.test:2560/".to_owned(),
                    "www.pulsarintegration.PL921WC.com".to_owned()
                ),
            ]
        );
        let case = session.into_case();
        assert_eq!(case.evidence.ocsp.len(), 2);
        assert!(case.evidence.unreachable(SERVER_RESPONDER));
        // The prediction reads the live evidence: the server's responder is down.
        let diagnosis = crate::mq::predict::predict(&case);
        assert!(
            diagnosis
                .steps
                .iter()
                .any(|s| s.explanation.contains("cannot be reached")),
            "{:#?}",
            diagnosis.steps
        );
    }

    #[test]
    fn a_good_answer_ends_a_certificates_search_and_asking_again_does_not_grow_the_case() {
        let mut case = example("good").unwrap_or_else(|| unreachable!());
        case.client.mqclient_ini = "SSL:\n  OCSPCheckExtensions=YES\n".into();
        let good = fixture(include_str!(
            "../../../../testdata/fixtures/ocsp-queue-manager-good.pem"
        ));
        let mut sizes = Vec::new();
        for _round in 0..3 {
            let mut session = Session::new(case.clone(), None, at());
            let mut nonce = nonce();
            let mut fetches = 0;
            while let Task::Fetch(fetch) = session.next(&mut nonce) {
                fetches += 1;
                if fetch.side == Side::Client {
                    session.fetched(Ok(good.clone()));
                } else {
                    session.fetched(Err("refused".into()));
                }
            }
            assert!(fetches >= 2, "{fetches}");
            case = session.into_case();
            sizes.push(case.to_json().len());
        }
        assert_eq!(sizes[1], sizes[2], "the case does not grow: {sizes:?}");
        assert_eq!(sizes[0], sizes[1], "the case does not grow: {sizes:?}");
    }

    #[test]
    fn a_listener_is_dialled_with_mqs_sni_and_its_chain_joins_the_case() {
        let mut case = example("good").unwrap_or_else(|| unreachable!());
        let qm = fixture(include_str!(
            "../../../../testdata/fixtures/queue-manager.pem"
        ));
        case.queue_manager.certificate = None;
        let mut session = Session::new(case, Some("127.0.0.1:1414"), at());
        let mut nonce = nonce();
        let Task::Handshake(dial) = session.next(&mut nonce) else {
            unreachable!("a handshake comes first")
        };
        assert_eq!(dial.target, "127.0.0.1:1414");
        assert_eq!(dial.sni, channel_sni("PL81N.MQICHL"));
        // Asking again before answering gives the same task.
        assert_eq!(session.next(&mut nonce), Task::Handshake(dial.clone()));
        session.handshake_done(Observed {
            connected: true,
            protocol: Some("TLSv1_3".into()),
            chain: vec![qm.clone()],
            ..Observed::default()
        });
        let case = session.case();
        assert_eq!(case.evidence.presented.len(), 1);
        assert!(case.queue_manager.certificate.is_some());
        assert!(case.live.as_ref().is_some_and(|l| l.connected));
        assert!(matches!(session.next(&mut nonce), Task::Fetch(_)));
        assert_eq!(
            session.events().len(),
            3,
            "the probe, the chain joining the case, whose sources are asked"
        );
        assert!(
            session
                .events()
                .last()
                .is_some_and(|e| e.text.contains("a C client (GSKit)")),
            "{:?}",
            session.events()
        );
    }

    #[test]
    fn connection_names_give_the_listener_and_the_host() {
        assert_eq!(conn_host("qm.example.com(1414)"), "qm.example.com");
        assert_eq!(conn_host("a(1414),b(1415)"), "a");
        assert_eq!(conn_host("qm.example.com:1414"), "qm.example.com");
        assert_eq!(conn_host("::1(1414)"), "::1");
        assert_eq!(conn_host("[::1]:1414"), "::1");
        let mut case = example("good").unwrap_or_else(|| unreachable!());
        case.client.command_line = None;
        case.client.mqcd = Some(crate::mq::config::Mqcd {
            conn_name: Some("qm.example.com(1415)".into()),
            channel_name: "APP.SVRCONN".into(),
            ..Default::default()
        });
        let resolved = case.resolve();
        assert_eq!(resolved.listener().as_deref(), Some("qm.example.com:1415"));
        assert_eq!(resolved.sni(), channel_sni("APP.SVRCONN"));
    }
}
