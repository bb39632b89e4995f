//! What MQ will do: MQCONNX's own checks, the TLS handshake, the client checking the queue
//! manager's chain and its revocation, the queue manager checking the client's, and each side's
//! OCSPAuthentication policy. The result names the reason code, the AMQ messages on each side,
//! the events, the assumptions made and the fixes.

use crate::mq::case::{Case, Resolved};
use crate::mq::codes::{Certainty, reason_name};
use crate::mq::config::{QmTls, SslCauth};
use crate::mq::ini::{OcspAuthentication, OutboundSni};
use crate::mq::lint::{Lint, lint};
use crate::mq::revocation::Side;
use crate::mq::sslpeer::PeerPattern;
use crate::verify::trace::{Outcome, Step, StepBuilder, Trace};
use serde::Serialize;

mod assumptions;
mod checks;
mod chlauth;
mod cipher;
mod client_revocation;
mod dotnet;
mod inserts;
mod keyrepo;
pub use keyrepo::stash_file;
mod java;
mod logs;
mod own_client;
mod peer;
mod probe;
mod validity;

pub use assumptions::ASSUMPTIONS;
use assumptions::assumption;
use checks::check_partner;
pub(crate) use chlauth::profile_matches as chlauth_profile_matches;
use logs::compare_with_logs;

/// One line expected in an error log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct LogEntry {
    /// The message id as logged (`AMQ9716E`; an OpenSSL queue manager logs `AMQ9716`).
    pub id: String,
    /// The message with its inserts.
    pub text: String,
    /// How sure mqocsp is that this exact message appears.
    pub certainty: Certainty,
}

/// A channel event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Event {
    /// Reason code.
    pub reason: u32,
    /// Its name.
    pub name: String,
    /// Reason qualifier.
    pub qualifier: String,
}

/// A fact the prediction relies on that IBM does not document (or only partly).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Assumption {
    /// Stable id.
    #[serde(deserialize_with = "crate::interned::text")]
    pub id: crate::interned::Text,
    /// The assumption.
    #[serde(deserialize_with = "crate::interned::text")]
    pub text: crate::interned::Text,
    /// How sure.
    pub certainty: Certainty,
    /// The evidence it rests on.
    #[serde(deserialize_with = "crate::interned::text")]
    pub source: crate::interned::Text,
}

/// A change that would alter the outcome; `change` can be applied as a what-if.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Fix {
    /// In a few words.
    pub title: String,
    /// What to do and why.
    pub detail: String,
    /// The what-if.
    pub change: Option<Change>,
}

/// A what-if change to a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
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
    /// Set the client's SSLPeerName.
    ClientPeerName {
        /// The pattern.
        value: String,
    },
    /// Set the channel's SSLPEER on the queue manager.
    QmSslpeer {
        /// The pattern.
        value: String,
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
            Self::ClientPeerName { value } => case.client.peer_name = Some(value.clone()),
            Self::QmSslpeer { value } => case.queue_manager.sslpeer = Some(value.clone()),
            Self::ResponderUp { url } => {
                for responder in case
                    .responders
                    .iter_mut()
                    .filter(|r| r.url.trim_end_matches('/') == url.trim_end_matches('/'))
                {
                    responder.state = crate::mq::case::ResponderState::Up;
                }
            }
        }
    }
}

/// The headline of a diagnosis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
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

/// What one side's revocation check found that decides the outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Revocation {
    /// The side checking.
    pub side: Side,
    /// The subject (RFC 4514) of the certificate concerned.
    pub certificate: String,
    /// Its short name.
    pub short_name: String,
    /// Whether it is a CA certificate of the partner's chain (an intermediate), not the
    /// partner's own certificate.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ca: bool,
    /// What was found.
    pub finding: Finding,
}

/// A revocation finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Finding {
    /// A source says it is revoked.
    Revoked {
        /// The source.
        url: String,
    },
    /// No source could say (AMQ9716's causes).
    Undetermined(crate::mq::revocation::Unknown),
}

/// Everything predicted about a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
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
    pub problems: Vec<crate::mq::case::CaseProblem>,
    /// What each side's revocation check found, where it was not plainly good.
    pub revocation: Vec<Revocation>,
}

const IBM_SNI: &str = "https://www.ibm.com/docs/en/ibm-mq/latest?topic=requirements-how-mq-provides-multiple-certificates-capability";

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

    /// A GSKit side writes the severity letter IBM documents for the message; where no source
    /// shows it (AMQ9717), the id stays bare and the assumption says so.
    fn gskit_id(&mut self, id: &str) -> String {
        let (written, unknown) = crate::mq::codes::written_id(id, None);
        if unknown {
            self.assume(if written == "AMQ9717" {
                "warn-message-id"
            } else {
                "severity-letter-unknown"
            });
        }
        written
    }

    fn client_log(&mut self, id: &str, text: String, certainty: Certainty) {
        let id = self.gskit_id(id);
        self.diagnosis.client_log.push(LogEntry {
            text: format!("{id}: {text}"),
            id,
            certainty,
        });
    }

    fn qm_log(&mut self, id: &str, text: String, certainty: Certainty) {
        let id = match self.resolved.qm.tls {
            // The seed shows the NonStop queue manager's AMQ9633 and AMQ9716, without a letter;
            // any other message from it is assumed to follow suit.
            QmTls::Openssl => {
                if !["AMQ9633", "AMQ9716"].contains(&id) {
                    self.assume("openssl-qm-messages");
                }
                id.to_owned()
            }
            QmTls::Gskit => self.gskit_id(id),
            // z/OS writes the CSQX message of the same number (an assumption).
            QmTls::SystemSsl => {
                self.assume("zos-csqx-as-amq");
                match crate::mq::zos::csqx_for(id) {
                    Some(csqx) => csqx,
                    None => self.gskit_id(id),
                }
            }
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

    /// The queue manager refused the handshake (its own log says why): what the client sees. A
    /// C client logs that the remote end closed the connection (AMQ9665, seed) and gets the
    /// reason already set; the IBM MQ classes for Java show a JSSE failure (2397), the managed
    /// .NET client SslStream's failed authentication (2393).
    fn client_sees_qm_refusal(&mut self, certainty: Certainty) {
        match self.resolved.client.kind {
            crate::mq::java::ClientKind::Java => return java::refused_by_qm(self),
            crate::mq::java::ClientKind::Dotnet => return dotnet::refused_by_qm(self),
            crate::mq::java::ClientKind::C => {}
        }
        let channel = self.channel.clone();
        self.client_log(
            "AMQ9665",
            format!("SSL connection closed by remote end of channel '{channel}'."),
            certainty,
        );
    }

    /// The handshake was aborted by the client because it rejected the queue manager's certificate.
    fn qm_sees_client_abort(&mut self) {
        match self.resolved.qm.tls {
            QmTls::Openssl => {
                self.qm_log("AMQ9633", "Bad SSL certificate for channel '????'. The details of the certificate which could not be validated are 'sslv3 alert bad certificate'. The certificate validation error was 1042.".into(), Certainty::Partial);
                self.assume("openssl-qm-alert");
            }
            QmTls::Gskit | QmTls::SystemSsl => {
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

/// Predicts what MQ does with this case.
pub fn predict(case: &Case) -> Diagnosis {
    predict_resolved(case, &case.resolve())
}

/// Predicts what MQ does with this case, already resolved (a front end resolves once per change
/// and shares the result between the prediction, the live plan and its panels).
pub fn predict_resolved(case: &Case, resolved: &Resolved) -> Diagnosis {
    let mut b = Builder {
        resolved,
        // A ticket may name no channel: its messages then show MQ's own '????' for a channel
        // name not known (as a queue manager's AMQ9633 does before the channel is known).
        channel: Some(resolved.channel_name())
            .filter(|c| !c.trim().is_empty())
            .unwrap_or_else(|| "????".to_owned()),
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
            lint: lint(resolved),
            assumptions: vec![],
            fixes: vec![],
            problems: resolved.problems.clone(),
            revocation: vec![],
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
    events_follow_sslev(&mut b);
    let channel = b.channel.clone();
    let mut diagnosis = b.diagnosis;
    if let Some(live) = &case.live {
        probe::apply_probe(&mut diagnosis, live, &channel);
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

/// IBM: the queue manager writes TLS events only with `SSLEV(ENABLED)` ("MQEVR_DISABLED — Do not
/// generate TLS events; this is the default value"); a refusal during the handshake on its side
/// is a Channel SSL Error event with qualifier MQRQ_SSL_HANDSHAKE_ERROR (q049770).
const IBM_SSLEV: &str = "https://www.ibm.com/docs/en/ibm-mq/9.4?topic=reference-channel-ssl-error";

/// What each side logs when the channel demands a client certificate and the client has none
/// (APAR IT15978): one answer for the prediction and for a live probe.
pub(super) fn lacking_certificate(channel: &str) -> [(Side, &'static str, String); 2] {
    [
        (
            Side::Client,
            "AMQ9642",
            format!("No SSL or TLS certificate for channel '{channel}'."),
        ),
        (
            Side::QueueManager,
            "AMQ9637",
            format!("Channel '{channel}' is lacking a certificate."),
        ),
    ]
}

fn events_follow_sslev(b: &mut Builder<'_>) {
    let refused_in_handshake = b.diagnosis.queue_manager_log.iter().any(|l| {
        ["AMQ9633", "AMQ9716", "AMQ9658"]
            .iter()
            .any(|id| l.id.starts_with(id))
    });
    if refused_in_handshake && !b.diagnosis.events.iter().any(|e| e.reason == 2371) {
        b.diagnosis.events.push(Event {
            reason: 2371,
            name: "MQRC_CHANNEL_SSL_ERROR".into(),
            qualifier: "MQRQ_SSL_HANDSHAKE_ERROR".into(),
        });
    }
    if b.diagnosis.events.is_empty() || b.resolved.qm.sslev == crate::mq::mqsc::SslEvents::Enabled {
        return;
    }
    let would = b
        .diagnosis
        .events
        .iter()
        .map(|e| format!("{} {} ({})", e.reason, e.name, e.qualifier))
        .collect::<Vec<_>>()
        .join(", ");
    b.diagnosis.events.clear();
    b.step(
        "mq.events",
        "TLS events on the queue manager",
        &b.resolved.qm.name.clone(),
        IBM_SSLEV,
        Outcome::Skip,
        format!("SSLEV is DISABLED (the default; ALTER QMGR SSLEV(ENABLED) turns it on): no TLS event is written. With SSLEV(ENABLED) the queue manager would put {would} on SYSTEM.ADMIN.CHANNEL.EVENT."),
    );
}

fn run(b: &mut Builder<'_>) {
    let resolved = b.resolved;
    let kind = resolved.client.kind;
    // 1. MQCONNX's own checks, before any network traffic (the C client's structures; the Java
    // classes take their settings from the JVM and the connection factory, the managed .NET
    // client from MQEnvironment).
    let c_lint = if kind != crate::mq::java::ClientKind::C {
        Vec::new()
    } else {
        b.diagnosis.lint.clone()
    };
    for item in c_lint {
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
    // A key repository named but not openable (no stash file, wrong password).
    if kind == crate::mq::java::ClientKind::C && !keyrepo::client_key_repository(b) {
        return;
    }
    // ClientRevocationChecks=REQUIRED without a CCDT or MQSCO (APAR IT44272).
    if !client_revocation::ccdt_required(b) {
        return;
    }
    // A client that names no CipherSpec against a channel that has one never starts TLS.
    if !cipher::one_sided(b) {
        return;
    }
    // 2. The handshake: SNI and the queue manager's certificate.
    let sni = resolved.sni();
    let channel = b.channel.clone();
    let outbound = match resolved.client.outbound_sni() {
        OutboundSni::Channel => "CHANNEL",
        OutboundSni::Hostname => "HOSTNAME",
    };
    // The SNI is made of the channel name (or the host): a case that names neither cannot say it.
    let named = match resolved.client.outbound_sni() {
        OutboundSni::Channel => !resolved.channel_name().trim().is_empty(),
        OutboundSni::Hostname => !sni.is_empty(),
    };
    let (outcome, text) = if named {
        (
            Outcome::Pass,
            format!("OutboundSNI={outbound}: the client sends '{sni}'."),
        )
    } else {
        (
            Outcome::Skip,
            format!(
                "OutboundSNI={outbound}: the client sends the {} as SNI, which the case does not name.",
                if outbound == "CHANNEL" {
                    "channel name (mangled, then .chl.mq.ibm.com)"
                } else {
                    "host name of the connection name"
                }
            ),
        )
    };
    b.step(
        "mq.sni",
        "SNI sent by the client",
        &channel,
        IBM_SNI,
        outcome,
        text,
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
    // 3-4. The client validates the queue manager's chain, checks its revocation, applies its
    // policy. Without the queue manager's certificate that half cannot be predicted; the
    // queue manager's checks of the client still can (a ticket often has one side only).
    let qm_cert = resolved.qm_cert.clone();
    // The queue manager needs a personal certificate under its label to send at all.
    if !validity::qm_personal_certificate(b) {
        return;
    }
    // The queue manager checks its own certificate before it sends it (APAR IT32081).
    if let Some(own) = &qm_cert
        && !validity::own_certificate(b, Side::QueueManager, own)
    {
        return;
    }
    match &qm_cert {
        Some(qm_cert) if kind == crate::mq::java::ClientKind::Java => {
            if !java::check_server(b, qm_cert) {
                return;
            }
        }
        Some(qm_cert) if kind == crate::mq::java::ClientKind::Dotnet => {
            if !dotnet::check_server(b, qm_cert) {
                return;
            }
        }
        Some(qm_cert) => {
            if !check_partner(b, Side::Client, qm_cert) {
                return;
            }
        }
        None if resolved.client_cert.is_none() => {
            b.step(
                "mq.qm_certificate",
                "The queue manager's certificate",
                "",
                "mqocsp",
                Outcome::Skip,
                "The case names neither side's certificate: the TLS checks cannot be predicted."
                    .into(),
            );
            return;
        }
        None => b.step(
            "mq.qm_certificate",
            "The queue manager's certificate",
            "",
            "mqocsp",
            Outcome::Skip,
            "The case names no queue manager certificate: the client's checks of it cannot be predicted (taken as passing)."
                .into(),
        ),
    }
    // 5. The client's certificate and the queue manager's checks.
    let Some(client_cert) = resolved.client_cert.clone() else {
        // An SSLPEER that runmqsc would refuse cannot be in effect (lint `sslpeer-format`).
        let sslpeer = resolved
            .qm
            .channel
            .sslpeer
            .as_deref()
            .filter(|p| PeerPattern::parse(p).is_ok());
        let demand = match (resolved.qm.channel.sslcauth, sslpeer) {
            (SslCauth::Required, _) => Some("SSLCAUTH(REQUIRED)".to_owned()),
            (_, Some(pattern)) => Some(format!(
                "SSLPEER('{pattern}') (a peer name needs a certificate even under SSLCAUTH(OPTIONAL))"
            )),
            _ => None,
        };
        if let Some(demand) = demand {
            b.step(
                "mq.client_certificate",
                "The client sends a certificate",
                &channel,
                "http://www-01.ibm.com/support/docview.wss?uid=swg1IT15978",
                Outcome::Fail,
                format!("The channel has {demand} but the client has no certificate to send."),
            );
            b.fail(2393);
            b.diagnosis.events.push(Event {
                reason: 2371,
                name: "MQRC_CHANNEL_SSL_ERROR".into(),
                qualifier: "MQRQ_SSL_CLIENT_AUTH_ERROR".into(),
            });
            for (side, id, text) in lacking_certificate(&channel) {
                match side {
                    // AMQ9642 is the C client's; the Java and .NET clients write no AMQERR01.LOG
                    // and show the handshake the queue manager ended.
                    Side::Client if kind == crate::mq::java::ClientKind::C => {
                        b.client_log(id, text, Certainty::Confirmed)
                    }
                    Side::Client => b.client_sees_qm_refusal(Certainty::Partial),
                    Side::QueueManager => b.qm_log(id, text, Certainty::Confirmed),
                }
            }
            // A C client sends the certificate under its label (IBM, "Digital certificate labels");
            // Java and .NET choose by their own key stores.
            let what = match kind {
                crate::mq::java::ClientKind::C => {
                    let label = validity::client_label(b);
                    // A listing of the client's own key repository shows which labels it holds;
                    // `runmqakm -cert -rename -label OLD -new_label NEW` relabels one (as
                    // ibm-messaging/mq-container's keystore.go RenameCertificate runs it).
                    let held = b
                        .resolved
                        .client
                        .personal_labels
                        .as_ref()
                        .filter(|held| !held.contains(&label));
                    match held.map(|h| h.join("', '")) {
                        Some(held) if !held.is_empty() => format!(
                            "The client looks for its certificate under the label '{label}', which its key repository listing does not hold; its personal certificates are labelled '{held}'. Point the label setting (CertificateLabel, MQCERTLABL or the CCDT's certificateLabel) at the one to send, or relabel it (runmqakm -cert -rename)"
                        ),
                        Some(_) => format!(
                            "The client's key repository listing holds no personal certificate at all: add the client's certificate with its private key, labelled '{label}' (the label the client looks for)"
                        ),
                        None => format!(
                            "Add a personal certificate labelled '{label}' (the label the client looks for) to the client's key repository, or make its label setting name the personal certificate it holds"
                        ),
                    }
                }
                _ => "Add a personal certificate with the configured label to the client's key repository".into(),
            };
            b.fix(
                "Give the client a certificate",
                format!("{what}; or set SSLCAUTH(OPTIONAL) on the channel."),
                None,
            );
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
        if !cipher::compare(b)
            || qm_cert
                .as_ref()
                .is_some_and(|qm_cert| !peer::client_peer_name(b, qm_cert))
        {
            return;
        }
        b.step("mq.outcome", "MQCONNX", &channel, "mqocsp", Outcome::Pass, "The TLS connection is established; MQCONNX completes (further MQ security such as CHLAUTH is not modelled).".into());
        return;
    };
    if !validity::own_certificate(b, Side::Client, &client_cert)
        || !check_partner(b, Side::QueueManager, &client_cert)
    {
        return;
    }
    // 6. After the handshake: the queue manager's CipherSpec comparison, then each side's
    // peer-name filter (the client's first).
    if !cipher::compare(b) {
        return;
    }
    if qm_cert
        .as_ref()
        .is_some_and(|qm_cert| !peer::client_peer_name(b, qm_cert))
        || !peer::qm_sslpeer(b, &client_cert)
        || !chlauth::check(b, &client_cert)
    {
        return;
    }
    b.step("mq.outcome", "MQCONNX", &channel, "mqocsp", Outcome::Pass, "Both sides accepted each other's certificates: the TLS connection is established and MQCONNX completes (CHLAUTH records other than SSLPEERMAP and BLOCKUSER, and authentication, are not modelled).".into());
}
