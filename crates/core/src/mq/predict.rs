//! What MQ will do: MQCONNX's own checks, the TLS handshake, the client checking the queue
//! manager's chain and its revocation, the queue manager checking the client's, and each side's
//! OCSPAuthentication policy. The result names the reason code, the AMQ messages on each side,
//! the events, the assumptions made and the fixes.

use super::case::{Case, Resolved};
use super::codes::{Certainty, reason_name};
use super::config::{QmTls, SslCauth};
use super::ini::{OcspAuthentication, OutboundSni};
use super::lint::{Lint, lint};
use super::revocation::{Answer, Side, SideCheck, Unknown, check_side};
use super::sni::channel_sni;
use crate::certificate::Certificate;
use crate::verify::trace::{Outcome, Step, StepBuilder, Trace};
use crate::verify::{ChainInput, LegacyAlgorithms, Purpose, verify_chain};
use serde::Serialize;

/// One line expected in an error log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    /// The message id as logged (`AMQ9716E`; an OpenSSL queue manager logs `AMQ9716`).
    pub id: String,
    /// The message with its inserts.
    pub text: String,
    /// How sure mqocsp is that this exact message appears.
    pub certainty: Certainty,
}

/// A channel event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Reason code.
    pub reason: u32,
    /// Its name.
    pub name: String,
    /// Reason qualifier.
    pub qualifier: String,
}

/// A fact the prediction relies on that IBM does not document (or only partly).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assumption {
    /// Stable id.
    pub id: &'static str,
    /// The assumption.
    pub text: &'static str,
    /// How sure.
    pub certainty: Certainty,
    /// The evidence it rests on.
    pub source: &'static str,
}

/// A change that would alter the outcome; `change` can be applied as a what-if.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// In a few words.
    pub title: String,
    /// What to do and why.
    pub detail: String,
    /// The what-if.
    pub change: Option<Change>,
}

/// A what-if change to a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// Set the client's OCSPAuthentication.
    ClientOcspAuthentication {
        /// The value.
        value: OcspAuthentication,
    },
    /// Set the queue manager's OCSPAuthentication.
    QmOcspAuthentication {
        /// The value.
        value: OcspAuthentication,
    },
    /// Bring a responder up.
    ResponderUp {
        /// Its URL.
        url: String,
    },
    /// Set the first MQAIR's Version.
    MqairVersion {
        /// The version.
        version: u32,
    },
    /// Set MQCNO's Version.
    MqcnoVersion {
        /// The version.
        version: u32,
    },
}

impl Change {
    /// Applies the change to a case.
    pub fn apply(&self, case: &mut Case) {
        match self {
            Self::ClientOcspAuthentication { value } => {
                case.client.ocsp_authentication = Some(*value)
            }
            Self::QmOcspAuthentication { value } => {
                case.queue_manager.ocsp_authentication = Some(*value)
            }
            Self::MqairVersion { version } => case.client.mqair_version = Some(*version),
            Self::MqcnoVersion { version } => case.client.mqcno_version = Some(*version),
            Self::ResponderUp { url } => {
                for responder in case
                    .responders
                    .iter_mut()
                    .filter(|r| r.url.trim_end_matches('/') == url.trim_end_matches('/'))
                {
                    responder.state = super::case::ResponderState::Up;
                }
            }
        }
    }
}

/// The headline of a diagnosis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Prediction {
    /// Whether MQCONNX connects.
    pub connected: bool,
    /// MQCC: 0 OK, 2 failed.
    pub completion_code: u32,
    /// The reason code (null when connected).
    pub reason_code: Option<u32>,
    /// Its name.
    pub reason_name: Option<String>,
    /// Message ids expected in the client's AMQERR01.LOG.
    pub client_log: Vec<String>,
    /// Message ids expected in the queue manager's log.
    pub queue_manager_log: Vec<String>,
    /// Events, as `2552 MQRC_CHANNEL_SSL_WARNING (MQRQ_SSL_UNKNOWN_REVOCATION)`.
    pub events: Vec<String>,
}

/// Everything predicted about a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// The headline.
    pub outcome: Prediction,
    /// The client's log lines in full.
    pub client_log: Vec<LogEntry>,
    /// The queue manager's log lines in full.
    pub queue_manager_log: Vec<LogEntry>,
    /// Events in full.
    pub events: Vec<Event>,
    /// What MQ does, step by step.
    pub steps: Vec<Step>,
    /// The client's verification of the queue manager's chain (and OCSP responses).
    pub client_trace: Trace,
    /// The queue manager's verification of the client's chain.
    pub queue_manager_trace: Trace,
    /// The silent mistakes in the configuration.
    pub lint: Vec<Lint>,
    /// Assumptions relied on.
    pub assumptions: Vec<Assumption>,
    /// What would change the outcome.
    pub fixes: Vec<Fix>,
    /// Parts of the case that could not be read.
    pub problems: Vec<super::case::CaseProblem>,
}

const SEED: &str = "seed walk-through (MQ 9.2 Windows client, HPE NonStop queue manager)";

/// Every assumption mqocsp may rely on.
pub const ASSUMPTIONS: &[Assumption] = &[
    Assumption {
        id: "client-default-required",
        text: "mqclient.ini's OCSPAuthentication defaults to REQUIRED, as qm.ini's does.",
        certainty: Certainty::Partial,
        source: "APAR IC64358 and the seed walk-through",
    },
    Assumption {
        id: "first-mqair-only",
        text: "Only the first MQAIR record is used for OCSP.",
        certainty: Certainty::Partial,
        source: SEED,
    },
    Assumption {
        id: "warn-message-id",
        text: "Under OCSPAuthentication=WARN the client logs a warning; its message id (AMQ9717 here) is not verified.",
        certainty: Certainty::Unconfirmed,
        source: "mq-reference §6",
    },
    Assumption {
        id: "openssl-qm-alert",
        text: "An OpenSSL (NonStop) queue manager logs the alert the client sent: AMQ9633 'sslv3 alert bad certificate', error 1042.",
        certainty: Certainty::Partial,
        source: SEED,
    },
    Assumption {
        id: "gskit-qm-alert",
        text: "A GSKit queue manager whose client aborts the handshake logs that the remote end closed the connection (AMQ9665); not verified.",
        certainty: Certainty::Unconfirmed,
        source: "inferred from the client-side behaviour in the seed",
    },
    Assumption {
        id: "next-update-absent",
        text: "GSKit accepts OCSP responses without nextUpdate.",
        certainty: Certainty::Partial,
        source: SEED,
    },
    Assumption {
        id: "no-evidence-unreachable",
        text: "A responder the case says nothing about, with no pasted response, is treated as unreachable.",
        certainty: Certainty::Unconfirmed,
        source: "mqocsp's choice: state each responder in the case",
    },
    Assumption {
        id: "eku-not-enforced",
        text: "GSKit's enforcement of extended key usage on MQ channels is not modelled; chains are checked for any purpose.",
        certainty: Certainty::Unconfirmed,
        source: "no IBM source read",
    },
    Assumption {
        id: "qm-silent-on-client-abort",
        text: "When the client rejects the queue manager's revocation status as unknown, nothing is logged on the queue manager.",
        certainty: Certainty::Partial,
        source: SEED,
    },
];

fn assumption(id: &str) -> Option<Assumption> {
    ASSUMPTIONS.iter().find(|a| a.id == id).cloned()
}

/// `/C=JP/ST=Chiba/O=…/CN=…`: how OpenSSL prints a name in the queue manager's log.
fn openssl_name(cert: &Certificate) -> String {
    cert.subject
        .attributes
        .iter()
        .map(|a| {
            format!(
                "/{}={}",
                if a.name == "E" {
                    "emailAddress"
                } else {
                    &a.name
                },
                a.value
            )
        })
        .collect()
}

/// `[Class=]GSKVALMethod::X509[Issuer=]…[#=]01[Subject=]…`: how GSKit describes a certificate.
fn gskit_name(cert: &Certificate) -> String {
    let dn = |s: &str| s.replace("E=", "EMAIL=");
    format!(
        "[Class=]GSKVALMethod::X509[Issuer=]{}[#=]{}[Subject=]{}",
        dn(&cert.issuer.rfc4514),
        cert.serial,
        dn(&cert.subject.rfc4514)
    )
}

struct Builder<'r> {
    resolved: &'r Resolved,
    channel: String,
    diagnosis: Diagnosis,
}

impl Builder<'_> {
    fn step(
        &mut self,
        id: &'static str,
        title: &str,
        subject: &str,
        reference: &'static str,
        outcome: Outcome,
        text: String,
    ) {
        self.diagnosis
            .steps
            .push(StepBuilder::new(id, title, subject, reference).done(outcome, text));
    }

    fn client_log(&mut self, id: &str, text: String, certainty: Certainty) {
        self.diagnosis.client_log.push(LogEntry {
            id: format!("{id}E"),
            text: format!("{id}E: {text}"),
            certainty,
        });
    }

    fn qm_log(&mut self, id: &str, text: String, certainty: Certainty) {
        let id = match self.resolved.qm.tls {
            QmTls::Openssl => id.to_owned(),
            QmTls::Gskit => format!("{id}E"),
        };
        self.diagnosis.queue_manager_log.push(LogEntry {
            text: format!("{id}: {text}"),
            id,
            certainty,
        });
    }

    fn assume(&mut self, id: &str) {
        if let Some(a) =
            assumption(id).filter(|a| !self.diagnosis.assumptions.iter().any(|b| b.id == a.id))
        {
            self.diagnosis.assumptions.push(a);
        }
    }

    fn fix(&mut self, title: &str, detail: String, change: Option<Change>) {
        self.diagnosis.fixes.push(Fix {
            title: title.to_owned(),
            detail,
            change,
        });
    }

    fn fail(&mut self, reason: u32) {
        self.diagnosis.outcome.connected = false;
        self.diagnosis.outcome.completion_code = 2;
        self.diagnosis.outcome.reason_code = Some(reason);
        self.diagnosis.outcome.reason_name = reason_name(reason).map(str::to_owned);
    }

    /// The handshake was aborted by the client because it rejected the queue manager's certificate.
    fn qm_sees_client_abort(&mut self) {
        match self.resolved.qm.tls {
            QmTls::Openssl => {
                self.qm_log("AMQ9633", "Bad SSL certificate for channel '????'. The details of the certificate which could not be validated are 'sslv3 alert bad certificate'. The certificate validation error was 1042.".into(), Certainty::Partial);
                self.assume("openssl-qm-alert");
            }
            QmTls::Gskit => {
                self.qm_log(
                    "AMQ9665",
                    "SSL connection closed by remote end of channel '????'.".into(),
                    Certainty::Unconfirmed,
                );
                self.assume("gskit-qm-alert");
            }
        }
    }
}

/// The certificates of the first valid path, target first.
fn path_of(report: &crate::verify::ChainReport, pool: &[&Certificate]) -> Vec<Certificate> {
    report
        .paths
        .iter()
        .find(|p| p.valid)
        .map(|p| {
            p.fingerprints
                .iter()
                .filter_map(|fp| {
                    pool.iter()
                        .find(|c| c.fingerprints.sha256 == *fp)
                        .map(|c| (*c).clone())
                })
                .collect()
        })
        .unwrap_or_default()
}

fn chain(
    resolved: &Resolved,
    target: &Certificate,
    anchors: &[Certificate],
) -> crate::verify::ChainReport {
    let untrusted: Vec<Certificate> = resolved
        .material
        .certificates()
        .filter(|c| c.fingerprints != target.fingerprints)
        .cloned()
        .collect();
    verify_chain(&ChainInput {
        target,
        untrusted: &untrusted,
        anchors,
        at: resolved.at,
        purpose: Purpose::Any,
        peer_name: None,
        legacy: LegacyAlgorithms::Allow,
    })
}

const IBM_AMQ9716: &str = "https://ibm.com/support/pages/node/6256630";
const IBM_AMQ9633: &str = "https://www.ibm.com/support/pages/node/1081227";
const IBM_POLICY: &str =
    "https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_9.0.0/com.ibm.mq.con.doc/q019040_.html";
const IBM_SNI: &str = "https://www.ibm.com/docs/en/ibm-mq/latest?topic=requirements-how-mq-provides-multiple-certificates-capability";

/// Applies one side's OCSPAuthentication to its revocation answers. Returns false when the
/// connection stops here.
fn apply_policy(b: &mut Builder<'_>, side: Side, check: &SideCheck) -> bool {
    let policy = match side {
        Side::Client => b.resolved.client.ocsp_authentication(),
        Side::QueueManager => b.resolved.qm.ssl.ocsp_authentication.value,
    };
    let (id, who) = match side {
        Side::Client => ("mq.client_policy", "the MQ client"),
        Side::QueueManager => ("mq.qm_policy", "the queue manager"),
    };
    if side == Side::Client
        && b.resolved.client.ssl.ocsp_authentication.source == super::ini::Source::Default
    {
        b.assume("client-default-required");
    }
    let channel = b.channel.clone();
    if let Some(revoked) = &check.revoked {
        let url = check.answers.iter().find_map(|(_, a)| match a {
            Answer::Revoked { url } => Some(url.clone()),
            _ => None,
        });
        b.step(id, "Revoked: refuse under every OCSPAuthentication", &revoked.short_name(), IBM_AMQ9633, Outcome::Fail, format!("{who} rejects the certificate: an OCSP responder says it is revoked (AMQ9633 reason (e)), whatever OCSPAuthentication says ({})", policy.word()));
        b.fail(2393);
        match side {
            Side::Client => {
                b.client_log("AMQ9633", format!("Bad SSL certificate for channel '{channel}'. … (e) an OCSP responder has indicated that it is revoked … The details of the certificate which could not be validated are '{}'. The certificate validation error was 575032.", gskit_name(revoked)), Certainty::Partial);
                b.qm_sees_client_abort();
            }
            Side::QueueManager => {
                let text = match b.resolved.qm.tls {
                    QmTls::Openssl => format!(
                        "Bad SSL certificate for channel '????'. … (e) an OCSP responder has indicated that it is revoked … The details of the certificate which could not be validated are 'Certificate {} was revoked by AUTHINFO URL {}'. The certificate validation error was 23.",
                        openssl_name(revoked),
                        url.unwrap_or_default()
                    ),
                    QmTls::Gskit => format!(
                        "Bad SSL certificate for channel '{channel}'. … (e) an OCSP responder has indicated that it is revoked … The details of the certificate which could not be validated are '{}'.",
                        gskit_name(revoked)
                    ),
                };
                b.qm_log("AMQ9633", text, Certainty::Partial);
                b.client_log(
                    "AMQ9665",
                    format!("SSL connection closed by remote end of channel '{channel}'."),
                    Certainty::Partial,
                );
            }
        }
        b.fix("Renew the revoked certificate", format!("{} is revoked: issue a new certificate for {} and put it in the key repository. No OCSPAuthentication setting accepts a revoked certificate.", revoked.subject.rfc4514, if side == Side::Client { "the queue manager" } else { "the client" }), None);
        return false;
    }
    let Some((cert, why)) = &check.unknown else {
        return true;
    };
    if matches!(why, Unknown::NoEvidence { .. }) {
        b.assume("no-evidence-unreachable");
    }
    let cause = why.letter();
    match policy {
        OcspAuthentication::Required => {
            b.step(id, "Unknown status under OCSPAuthentication=REQUIRED", &cert.short_name(), IBM_AMQ9716, Outcome::Fail, format!("{who} cannot establish the revocation status (AMQ9716 cause ({cause})) and OCSPAuthentication is REQUIRED: the connection is refused."));
            b.fail(2393);
            match side {
                Side::Client => {
                    b.client_log("AMQ9716", format!("Remote SSL certificate revocation status check failed for channel '{channel}'. FFST: Probe Id XC022001, Major Errorcode rrcE_SSL_REVOCATION_CHECK_REQUIRED, Comment1 {}, Comment2 gsk_attribute_get_buffer - GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT.", gskit_name(cert)), Certainty::Confirmed);
                    b.assume("qm-silent-on-client-abort");
                }
                Side::QueueManager => {
                    let details = match b.resolved.qm.tls {
                        QmTls::Openssl => openssl_name(cert),
                        QmTls::Gskit => gskit_name(cert),
                    };
                    b.qm_log("AMQ9716", format!("Remote SSL certificate revocation status check failed for channel '{channel}'. The details of the certificate in question are '{details}'. IBM MQ does not allow the channel to start unless the certificate revocation status can be determined."), Certainty::Confirmed);
                    b.client_log(
                        "AMQ9665",
                        format!("SSL connection closed by remote end of channel '{channel}'."),
                        Certainty::Partial,
                    );
                }
            }
            let change = match side {
                Side::Client => Change::ClientOcspAuthentication {
                    value: OcspAuthentication::Warn,
                },
                Side::QueueManager => Change::QmOcspAuthentication {
                    value: OcspAuthentication::Warn,
                },
            };
            match why {
                Unknown::Unreachable { url } | Unknown::NoEvidence { url } => b.fix("Make the responder reachable", format!("Start the OCSP responder at {url}, open the firewall, or set SSLHTTPProxyName (MQSSLPROXY on the client) when a proxy is needed."), Some(Change::ResponderUp { url: url.clone() })),
                Unknown::NotKnown { why } => b.fix("Teach the responder the certificate", format!("{why}. Start the responder with the CA that issued the certificate (-CA) and an index.txt that lists its serial; GSKit also asks about every intermediate CA."), None),
                Unknown::Unverifiable { why } => b.fix("Fix the responder's signature", format!("{why}. Sign with the issuing CA, or with a responder certificate the CA issued with id-kp-OCSPSigning, embedded in the response."), None),
            }
            b.fix("Relax OCSPAuthentication to WARN", format!("In {}'s SSL stanza, OCSPAuthentication=WARN lets the connection continue with a warning while the responder is fixed.", if side == Side::Client { "mqclient.ini" } else { "qm.ini" }), Some(change));
            false
        }
        OcspAuthentication::Warn => {
            b.step(id, "Unknown status under OCSPAuthentication=WARN", &cert.short_name(), IBM_POLICY, Outcome::Warn, format!("{who} cannot establish the revocation status (cause ({cause})); OCSPAuthentication=WARN lets the connection continue with a warning."));
            b.assume("warn-message-id");
            match side {
                Side::Client => b.client_log("AMQ9717", format!("(warning) The revocation status of the certificate of channel '{channel}' is unknown; the connection continues."), Certainty::Unconfirmed),
                Side::QueueManager => {
                    b.qm_log("AMQ9717", format!("(warning) The revocation status of the client's certificate on channel '{channel}' is unknown; the channel continues."), Certainty::Unconfirmed);
                    b.diagnosis.events.push(Event { reason: 2552, name: "MQRC_CHANNEL_SSL_WARNING".into(), qualifier: "MQRQ_SSL_UNKNOWN_REVOCATION".into() });
                }
            }
            true
        }
        OcspAuthentication::Optional => {
            b.step(id, "Unknown status under OCSPAuthentication=OPTIONAL", &cert.short_name(), IBM_POLICY, Outcome::Pass, format!("{who} cannot establish the revocation status (cause ({cause})); OCSPAuthentication=OPTIONAL lets the connection continue silently."));
            true
        }
    }
}

/// Predicts what MQ does with this case.
pub fn predict(case: &Case) -> Diagnosis {
    let resolved = case.resolve();
    let channel = resolved.client.mqcd.channel_name.clone();
    let mut b = Builder {
        resolved: &resolved,
        channel: if channel.is_empty() {
            resolved.qm.channel.name.clone()
        } else {
            channel
        },
        diagnosis: Diagnosis {
            outcome: Prediction {
                connected: true,
                completion_code: 0,
                reason_code: None,
                reason_name: None,
                client_log: vec![],
                queue_manager_log: vec![],
                events: vec![],
            },
            client_log: vec![],
            queue_manager_log: vec![],
            events: vec![],
            steps: vec![],
            client_trace: Trace::default(),
            queue_manager_trace: Trace::default(),
            lint: lint(&resolved),
            assumptions: vec![],
            fixes: vec![],
            problems: resolved.problems.clone(),
        },
    };
    run(&mut b);
    compare_with_logs(&mut b, case);
    for item in b.diagnosis.lint.clone() {
        let change = match item.id.as_str() {
            "mqair-version-1" => Some(Change::MqairVersion { version: 2 }),
            "mqcno-version" => Some(Change::MqcnoVersion { version: 4 }),
            _ => None,
        };
        if change.is_some() && item.reason_code.is_none() {
            b.fix(&item.title, item.fix.clone(), change);
        }
    }
    let channel = b.channel.clone();
    let mut diagnosis = b.diagnosis;
    if let Some(live) = &case.live {
        super::live::apply_probe(&mut diagnosis, live, &channel);
    }
    diagnosis.outcome.client_log = diagnosis.client_log.iter().map(|l| l.id.clone()).collect();
    diagnosis.outcome.queue_manager_log = diagnosis
        .queue_manager_log
        .iter()
        .map(|l| l.id.clone())
        .collect();
    diagnosis.outcome.events = diagnosis
        .events
        .iter()
        .map(|e| format!("{} {} ({})", e.reason, e.name, e.qualifier))
        .collect();
    diagnosis
}

/// When the customer pasted error logs, says whether they show what mqocsp predicts.
fn compare_with_logs(b: &mut Builder<'_>, case: &Case) {
    use super::errlog::LogFacts;
    let sides = [
        (
            "client",
            &case.client.error_log,
            b.diagnosis.client_log.clone(),
        ),
        (
            "queue manager",
            &case.queue_manager.error_log,
            b.diagnosis.queue_manager_log.clone(),
        ),
    ];
    for (side, text, predicted) in sides {
        if text.trim().is_empty() {
            continue;
        }
        let facts = LogFacts::parse(text);
        let base = |id: &str| id.trim_end_matches(['E', 'W', 'I']).to_owned();
        let observed: Vec<String> = facts.messages.iter().map(|m| base(&m.id)).collect();
        let expected: Vec<String> = predicted.iter().map(|e| base(&e.id)).collect();
        let missing: Vec<&String> = expected
            .iter()
            .filter(|id| !observed.contains(id))
            .collect();
        let extra: Vec<&String> = observed
            .iter()
            .filter(|id| !expected.contains(id))
            .collect();
        let (outcome, text) = if missing.is_empty() && extra.is_empty() {
            (
                Outcome::Pass,
                format!(
                    "The pasted {side} log shows exactly the predicted messages ({}).",
                    if expected.is_empty() {
                        "none".to_owned()
                    } else {
                        expected.join(", ")
                    }
                ),
            )
        } else {
            (
                Outcome::Warn,
                format!(
                    "The pasted {side} log differs from the prediction: predicted but not seen: {}; seen but not predicted: {}. The configuration or the evidence in the case may not be what the customer runs.",
                    if missing.is_empty() {
                        "none".to_owned()
                    } else {
                        missing
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    if extra.is_empty() {
                        "none".to_owned()
                    } else {
                        extra
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                ),
            )
        };
        b.step(
            "mq.observed",
            &format!("Compare with the {side}'s log"),
            side,
            "mqocsp",
            outcome,
            text,
        );
        if let Some((code, _)) = facts.reason_codes.first() {
            let agrees = b.diagnosis.outcome.reason_code == Some(*code);
            b.step(
                "mq.observed_reason",
                "Compare with the reason code seen",
                side,
                "mqocsp",
                if agrees { Outcome::Pass } else { Outcome::Warn },
                format!(
                    "The log shows reason code {code}; mqocsp predicts {}.",
                    b.diagnosis
                        .outcome
                        .reason_code
                        .map_or("a connection (0)".to_owned(), |c| c.to_string())
                ),
            );
        }
    }
}

/// One side validates its partner's chain against its key repository, checks the revocation of
/// every certificate but the root, and applies its OCSPAuthentication. False when the connection
/// stops here.
fn check_partner(b: &mut Builder<'_>, side: Side, partner: &Certificate) -> bool {
    let resolved = b.resolved;
    let channel = b.channel.clone();
    let (anchors, id, title) = match side {
        Side::Client => (
            &resolved.client_trust,
            "mq.client_chain",
            "The client validates the queue manager's chain",
        ),
        Side::QueueManager => (
            &resolved.qm_trust,
            "mq.qm_chain",
            "The queue manager validates the client's chain",
        ),
    };
    let report = chain(resolved, partner, anchors);
    if side == Side::Client {
        b.assume("eku-not-enforced");
    }
    let trace = match side {
        Side::Client => &mut b.diagnosis.client_trace,
        Side::QueueManager => &mut b.diagnosis.queue_manager_trace,
    };
    trace.extend(report.trace.clone());
    let pool: Vec<&Certificate> = resolved.material.certificates().collect();
    let path = path_of(&report, &pool);
    if !report.valid {
        let first = report
            .trace
            .first_failure()
            .map(|s| format!("{} — {}", s.title, s.explanation))
            .unwrap_or_default();
        b.fail(2393);
        match side {
            Side::Client => {
                b.step(
                    id,
                    title,
                    &partner.short_name(),
                    IBM_AMQ9633,
                    Outcome::Fail,
                    format!(
                        "The chain does not validate against the client's key repository: {first}"
                    ),
                );
                b.client_log("AMQ9633", format!("Bad SSL certificate for channel '{channel}'. … (b) it has failed validation against the local CA or root certificates … The details of the certificate which could not be validated are '{}'.", gskit_name(partner)), Certainty::Partial);
                b.qm_sees_client_abort();
                b.fix("Complete the client's key repository", "Add the queue manager's issuing CA (and root) to the client's key repository, or have the queue manager send its intermediates.".into(), None);
            }
            Side::QueueManager => {
                b.step(id, title, &partner.short_name(), IBM_AMQ9633, Outcome::Fail, format!("The client's chain does not validate against the queue manager's key repository: {first}"));
                b.qm_log("AMQ9633", format!("Bad SSL certificate for channel '????'. … (b) it has failed validation against the local CA or root certificates … '{}'.", openssl_name(partner)), Certainty::Partial);
                b.client_log(
                    "AMQ9665",
                    format!("SSL connection closed by remote end of channel '{channel}'."),
                    Certainty::Partial,
                );
                b.fix("Complete the queue manager's key repository", "Add the client's issuing CA to the queue manager's key repository and REFRESH SECURITY TYPE(SSL).".into(), None);
            }
        }
        return false;
    }
    let names = path
        .iter()
        .map(Certificate::short_name)
        .collect::<Vec<_>>()
        .join(" → ");
    b.step(
        id,
        title,
        &partner.short_name(),
        "RFC 5280 §6.1",
        Outcome::Pass,
        format!("Valid: {names}."),
    );
    let check = check_side(resolved, side, &path);
    b.diagnosis.steps.extend(check.steps.clone());
    match side {
        Side::Client => b.diagnosis.client_trace.extend(check.ocsp_trace.clone()),
        Side::QueueManager => b
            .diagnosis
            .queue_manager_trace
            .extend(check.ocsp_trace.clone()),
    }
    apply_policy(b, side, &check)
}

fn run(b: &mut Builder<'_>) {
    let resolved = b.resolved;
    // 1. MQCONNX's own checks, before any network traffic.
    for item in b.diagnosis.lint.clone() {
        if let Some(reason) = item.reason_code {
            b.step(
                "mq.connx",
                "MQCONNX parameter check",
                &item.id,
                "IBM MQ reason codes",
                Outcome::Fail,
                item.message.clone(),
            );
            b.fail(reason);
            b.fix(&item.title, item.fix.clone(), None);
            return;
        }
    }
    // 2. The handshake: SNI and the queue manager's certificate.
    let sni = match resolved.client.outbound_sni() {
        OutboundSni::Channel => channel_sni(&b.channel),
        OutboundSni::Hostname => resolved.client.mqcd.conn_name.clone().unwrap_or_default(),
    };
    let channel = b.channel.clone();
    b.step(
        "mq.sni",
        "SNI sent by the client",
        &channel,
        IBM_SNI,
        Outcome::Pass,
        format!(
            "OutboundSNI={}: the client sends '{sni}'.",
            match resolved.client.outbound_sni() {
                OutboundSni::Channel => "CHANNEL",
                OutboundSni::Hostname => "HOSTNAME",
            }
        ),
    );
    if resolved.client.outbound_sni() == OutboundSni::Hostname
        && resolved.qm.channel.certlabl.is_some()
    {
        b.step("mq.certlabl", "Per-channel certificate needs a channel SNI", &channel, IBM_SNI, Outcome::Fail, "The channel has CERTLABL but the client sends a host name as SNI: the queue manager rejects the connection (AMQ9673).".into());
        b.fail(2393);
        b.qm_log("AMQ9673", format!("A connection for channel '{channel}' did not send the channel name as SNI, but the channel has CERTLABL."), Certainty::Partial);
        b.fix(
            "Send the channel name as SNI",
            "Set OutboundSNI=CHANNEL in mqclient.ini (the default).".into(),
            None,
        );
        return;
    }
    let Some(qm_cert) = resolved.qm_cert.clone() else {
        b.step(
            "mq.qm_certificate",
            "The queue manager's certificate",
            "",
            "mqocsp",
            Outcome::Skip,
            "The case names no queue manager certificate: the TLS checks cannot be predicted."
                .into(),
        );
        return;
    };
    // 3-4. The client validates the queue manager's chain, checks its revocation, applies its policy.
    if !check_partner(b, Side::Client, &qm_cert) {
        return;
    }
    // 5. The client's certificate and the queue manager's checks.
    let Some(client_cert) = resolved.client_cert.clone() else {
        if resolved.qm.channel.sslcauth == SslCauth::Required {
            b.step(
                "mq.client_certificate",
                "The client sends a certificate",
                &channel,
                "http://www-01.ibm.com/support/docview.wss?uid=swg1IT15978",
                Outcome::Fail,
                "SSLCAUTH(REQUIRED) but the client has no certificate to send.".into(),
            );
            b.fail(2393);
            b.client_log(
                "AMQ9642",
                format!("No SSL or TLS certificate for channel '{channel}'."),
                Certainty::Confirmed,
            );
            b.qm_log(
                "AMQ9637",
                format!("Channel '{channel}' is lacking a certificate."),
                Certainty::Confirmed,
            );
            b.fix("Give the client a certificate", "Add a personal certificate with the configured label to the client's key repository, or set SSLCAUTH(OPTIONAL) on the channel.".into(), None);
            return;
        }
        b.step(
            "mq.client_certificate",
            "The client sends a certificate",
            &channel,
            "mqocsp",
            Outcome::Skip,
            "No client certificate; SSLCAUTH(OPTIONAL) does not require one.".into(),
        );
        b.step("mq.outcome", "MQCONNX", &channel, "mqocsp", Outcome::Pass, "The TLS connection is established; MQCONNX completes (further MQ security such as CHLAUTH is not modelled).".into());
        return;
    };
    if !check_partner(b, Side::QueueManager, &client_cert) {
        return;
    }
    b.step("mq.outcome", "MQCONNX", &channel, "mqocsp", Outcome::Pass, "Both sides accepted each other's certificates: the TLS connection is established and MQCONNX completes (CHLAUTH and authentication are not modelled).".into());
}
