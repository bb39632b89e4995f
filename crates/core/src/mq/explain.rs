//! From symptoms to a cause: the messages and reason codes a ticket shows are matched against
//! what the prediction model says for every explanation the case leaves open (what each
//! responder nobody has evidence of answers, each side's OCSPAuthentication where no file in the
//! ticket states it, or where the stated one cannot explain the logs). The explanations whose
//! predicted logs and reason code fit what was observed are ranked; the best is the cause, the
//! others that fit as well are alternatives, and a stated setting that the logs contradict is said
//! plainly.
//!
//! The search is budgeted ([`MAX_HYPOTHESES`]) and shares one resolved case: a hypothesis only
//! changes suppositions and policies, so no text is parsed again.

use super::case::{Case, Resolved};
use super::codes::{Lookup, lookup, reason_name};
use super::config::SslCauth;
use super::dotnet::DotnetSettings;
use super::errlog::LogFacts;
use super::ini::{OcspAuthentication, Source};
use super::java::{ClientKind, JavaSettings};
use super::predict::{Diagnosis, Finding, predict_resolved};
use super::revocation::{Answer, Origin, Side, Supposed, Supposition, Unknown, check_side};
use crate::verify::trace::Outcome;
use serde::Serialize;

mod attempts;
pub use attempts::{OTHER_SIDE_SECONDS, SAME_ATTEMPT_SECONDS};
mod hidden_responder;
mod neighbours;
mod printed;

/// AMQ ids the Java client model predicts (in its JMQI exception chain).
const JAVA_MODELLED: &[&str] = &["AMQ9204", "AMQ9771"];

/// The most explanations tried for one ticket (4 answers x 3 policies on each side is 144).
pub const MAX_HYPOTHESES: usize = 160;

/// One message seen in a pasted log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Observed {
    /// Whose log.
    pub side: Side,
    /// The id as written (`AMQ9716E`).
    pub id: String,
    /// 1-based line in the ticket (or in that side's log, for a case file).
    pub line: usize,
    /// The time of its entry, when the log says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Whether that time is a local time taken as UTC (a header without `Time(…Z)`): such
    /// times do not compare across the two machines.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub local_time: bool,
    /// The channel named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// The certificate named (AMQ9633, AMQ9716 inserts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    /// That certificate's serial (GSKit's `[#=]`), lowercase hex without leading zeros.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    /// That certificate's subject (GSKit's `[Subject=]`, OpenSSL's `/C=…/CN=…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// "The certificate validation error was N" (GSKit 575xxx, OpenSSL's verify code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validation_error: Option<u32>,
    /// What its inserts say (CipherSpecs, the blocked DN or user).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<super::inserts::Detail>,
    /// The queue manager its header names (`QMgr(…)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qmgr: Option<String>,
    /// Whether mqocsp models this message (others are shown, not matched).
    pub modelled: bool,
}

/// A reason code seen in the ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ObservedReason {
    /// The code.
    pub code: u32,
    /// 1-based line.
    pub line: usize,
}

/// Everything observed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Observations {
    /// Messages, in ticket order.
    pub messages: Vec<Observed>,
    /// Reason codes.
    pub reasons: Vec<ObservedReason>,
    /// Whether a client log was pasted (its silence then counts).
    pub client_log: bool,
    /// Whether a queue manager log was pasted.
    pub queue_manager_log: bool,
    /// What `openssl ocsp -resp_text` output in the ticket says about a serial (text only: it
    /// cannot be verified, but it says what the responder answered).
    pub ocsp_text: Vec<TextAnswer>,
    /// Messages of an earlier attempt, set aside (`attempts`): shown, not compared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<Observed>,
    /// Messages about another channel, set aside (`attempts`): shown, not compared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_channels: Vec<Observed>,
    /// The line of `openssl s_client` output that printed a certificate chain, when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s_client_chain: Option<usize>,
    /// Lines that say in words that the connection fails ("nothing connects"), without a code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failed_in_words: Vec<usize>,
    /// `openssl s_client` run with a CA file (`-CAfile`/`-CApath`) could not verify the
    /// listener's chain (`Verify return code: 20/21/2`): its line and what it printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain_unverified: Option<(usize, String)>,
    /// `openssl verify` (without a CRL check) could not complete the chain of one side's
    /// certificate (`error 20 at 0 depth lookup: unable to get local issuer certificate`, or
    /// error 2 or 21): the side whose check it stands for (the partner of the certificate's
    /// owner), its line and what it printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify_unverified: Option<(Side, usize, String)>,
    /// CRL distribution point URLs the ticket shows (`openssl x509 -text`'s `X509v3 CRL
    /// Distribution Points` … `URI:http://…`, or a `.crl` URL tried by hand), with their lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crl_urls_shown: Vec<(usize, String)>,
    /// Files a directory listing in the ticket shows (`ls -l`, `dir`), with their lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub listed_files: Vec<(usize, String)>,
    /// Some of the messages come from Windows' Application event log (Event Viewer's copy).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_event_log: bool,
    /// Responders tried by hand with curl from one side's host, not through a proxy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tried: Vec<Tried>,
}

/// A responder URL tried with curl from one side's host (`mq::curl`): whether that host reaches
/// it, as that side's TLS library would try it (directly, no proxy).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Tried {
    /// 1-based line of its outcome.
    pub line: usize,
    /// The tool (`curl`, `Test-NetConnection`).
    pub tool: String,
    /// The URL: the one curl asked, or `http://HOST:PORT/` for a tool that tries a port (then
    /// only its host and port say anything).
    pub url: String,
    /// `url` is the URL the tool asked.
    #[serde(default)]
    pub exact_url: bool,
    /// The host its prompt names, when it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The side whose host it ran on.
    pub side: Side,
    /// curl's error when it could not reach it; `None`: it reached it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// It reached it, and it answered with this HTTP error status (`403 Forbidden`) instead of
    /// an OCSP response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_error: Option<String>,
}

/// A responder's answer as `openssl ocsp` printed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct TextAnswer {
    /// The serial asked about (lowercase hex, no leading zeros).
    pub serial: String,
    /// What it said.
    pub status: Supposed,
    /// 1-based line.
    pub line: usize,
    /// openssl printed `Response Verify Failure` for the response: the status it printed is not
    /// one GSKit would rely on either.
    #[serde(default)]
    pub verify_failed: bool,
    /// The responder answered only with an error status (`unauthorized (6)`): no certificate
    /// status at all, an unknown one for MQ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responder_error: Option<String>,
    /// Printed by `openssl verify -crl_check` against the CA's CRL, not by the responder: its
    /// answer is taken as the responder's under the assumption `openssl-verify-crl-as-ocsp`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_crl: bool,
}

impl TextAnswer {
    /// What the printed answer means for MQ: an answer openssl could not verify is one GSKit
    /// is taken not to verify either (AMQ9716 cause (c)), whatever status it printed.
    pub fn meaning(&self) -> Supposed {
        if self.verify_failed {
            Supposed::Unverifiable
        } else {
            self.status
        }
    }
}

impl Observed {
    /// A message known only by its id and line (a JMS id, the JSSE outcome of a stack trace):
    /// no time, channel or inserts; modelled.
    pub fn bare(side: Side, id: &str, line: usize) -> Self {
        Observed {
            side,
            id: id.to_owned(),
            line,
            time: None,
            local_time: false,
            channel: None,
            certificate: None,
            serial: None,
            subject: None,
            validation_error: None,
            detail: None,
            qmgr: None,
            modelled: true,
        }
    }
}

impl Observations {
    /// What one side's log shows; `first_line` is where the log starts in the ticket.
    pub fn add_log(&mut self, side: Side, text: &str, first_line: usize) {
        if text.trim().is_empty() {
            return;
        }
        match side {
            Side::Client => self.client_log = true,
            Side::QueueManager => self.queue_manager_log = true,
        }
        let facts = LogFacts::parse(text);
        let time_at = |line: usize| {
            facts
                .times
                .iter()
                .rev()
                .find(|(_, l)| *l <= line)
                .map(|(t, _)| t.to_string())
        };
        for message in &facts.messages {
            self.messages.push(Observed {
                side,
                id: message.id.clone(),
                line: first_line + message.line - 1,
                time: time_at(message.line),
                local_time: message.time_assumption.is_some(),
                channel: message.channel.clone(),
                certificate: message.certificate.clone(),
                serial: message
                    .certificate_details
                    .as_ref()
                    .and_then(|d| d.serial.as_deref())
                    .map(normal_serial),
                subject: message
                    .certificate_details
                    .as_ref()
                    .and_then(|d| d.subject.clone()),
                validation_error: message.validation_error,
                detail: super::inserts::read(
                    &base(&message.id),
                    &[
                        message.text.as_str(),
                        message.explanation.as_deref().unwrap_or_default(),
                    ]
                    .join(" "),
                ),
                qmgr: message.qmgr.clone(),
                modelled: matches!(lookup(&base(&message.id)), Some(Lookup::Message(_)))
                    || JAVA_MODELLED.contains(&base(&message.id).as_str()),
            });
        }
        for (code, line) in &facts.reason_codes {
            self.add_reason(*code, first_line + line - 1);
        }
        // A Java client's log is its exception chain: JMS ids and JSSE's verdict.
        for (index, line) in text.lines().enumerate() {
            for id in super::java::java_ids(line)
                .into_iter()
                .chain(super::dotnet::dotnet_ids(line))
            {
                self.add_message(side, &id, first_line + index);
            }
        }
    }

    /// A message that is not an AMQ message (a JMS id, the JSSE outcome of a stack trace), on
    /// the client's side; these are modelled for the Java client.
    pub fn add_message(&mut self, side: Side, id: &str, line: usize) {
        if self.messages.iter().any(|m| m.id == id && m.line == line) {
            return;
        }
        match side {
            Side::Client => self.client_log = true,
            Side::QueueManager => self.queue_manager_log = true,
        }
        self.messages.push(Observed::bare(side, id, line));
    }

    /// The `openssl ocsp -resp_text` (or `-text`) outputs in `text`, and its per-certificate
    /// lines (`qm.pem: revoked`): a `-serial` value is the serial, a `-cert` file is the
    /// certificate pasted under its name.
    pub fn add_openssl_text(&mut self, text: &str, first_line: usize) {
        let files = super::openssl_text::labelled_certificates(text);
        let serial_of = |name: &str| {
            serial_given(name).or_else(|| {
                let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
                files
                    .iter()
                    .find(|(file, _)| file == base)
                    .map(|(_, serial)| serial.clone())
            })
        };
        let parsed = super::openssl_text::parse(text);
        // X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT (2), _LOCALLY (20), UNABLE_TO_VERIFY_LEAF_SIGNATURE
        // (21): the chain sent does not reach a CA in the CA file it was run with.
        let with_cas = text
            .lines()
            .any(|l| l.contains("s_client") && (l.contains("-CAfile") || l.contains("-CApath")));
        if let Some((code, words, line)) = parsed
            .s_client
            .as_ref()
            .and_then(|s| s.verify_return_code.clone())
            .filter(|(code, _, _)| with_cas && [2, 20, 21].contains(code))
        {
            self.chain_unverified = Some((
                first_line + line - 1,
                format!("Verify return code: {code} ({words})"),
            ));
        }
        if let Some(s_client) = parsed.s_client.filter(|s| !s.chain.is_empty()) {
            self.s_client_chain = Some(first_line + s_client.line - 1);
        }
        for response in parsed.ocsp {
            // A response that is only an error (`Responder Error: unauthorized (6)`) answers
            // nothing definite about what the command asked: for MQ, an unknown status.
            if let Some((word, code)) = response.status.as_ref().filter(|(_, c)| *c != 0)
                && response.responses.is_empty()
            {
                for serial in response.asked.iter().filter_map(|name| serial_of(name)) {
                    self.ocsp_text.push(TextAnswer {
                        serial: normal_serial(&serial),
                        status: Supposed::Unknown,
                        line: first_line + response.line - 1,
                        verify_failed: false,
                        responder_error: Some(format!("{word} ({code})")),
                        from_crl: false,
                    });
                }
                continue;
            }
            for single in response.responses {
                let serial = single
                    .serial
                    .or_else(|| single.name.as_deref().and_then(serial_of));
                let (Some(serial), Some(status)) = (serial, single.status) else {
                    continue;
                };
                use super::openssl_text::TextCertStatus as T;
                let status = match status {
                    T::Good => Supposed::Good,
                    T::Revoked => Supposed::Revoked,
                    T::Unknown => Supposed::Unknown,
                };
                let verify_failed = matches!(response.verified, Some((false, _)));
                self.ocsp_text.push(TextAnswer {
                    verify_failed,
                    responder_error: None,
                    serial: normal_serial(&serial),
                    status,
                    line: first_line + single.line - 1,
                    from_crl: false,
                });
            }
        }
        self.add_openssl_verify(text, first_line, &serial_of);
    }

    /// What `openssl verify -crl_check` concluded about a certificate pasted under the file
    /// name it checked: `certificate revoked` (error 23 at depth 0) is a revoked answer, `OK`
    /// a good one. Without a CRL check it says nothing about revocation; an error at another
    /// depth is about another certificate of the chain, which the file name does not name.
    fn add_openssl_verify(
        &mut self,
        text: &str,
        first_line: usize,
        serial_of: &dyn Fn(&str) -> Option<String>,
    ) {
        use super::openssl_text::verify::{CERT_REVOKED, runs};
        for run in runs(text).into_iter().filter(|r| r.crl_check) {
            let Some(serial) = serial_of(&run.file) else {
                continue;
            };
            let revoked = run
                .errors
                .iter()
                .find(|e| e.code == CERT_REVOKED && e.depth == 0);
            let (status, line) = match revoked {
                Some(error) => (Supposed::Revoked, error.line),
                None if run.ok => (Supposed::Good, run.line),
                None => continue,
            };
            self.ocsp_text.push(TextAnswer {
                serial: normal_serial(&serial),
                status,
                line: first_line + line - 1,
                verify_failed: false,
                responder_error: None,
                from_crl: true,
            });
        }
    }

    /// The curl runs in `text` that tried a responder directly from one side's host: the host
    /// its prompt names is the one a side's log entries name (`Host(…)`), else the side is the
    /// only one whose log shows it checking its partner's certificate.
    pub fn add_curl(&mut self, text: &str, case: &Case) {
        let hosts = |log: &str| -> Vec<String> {
            LogFacts::parse(log)
                .messages
                .iter()
                .filter_map(|m| m.host.as_deref())
                .map(short_host)
                .collect()
        };
        let client_hosts = hosts(&case.client.error_log);
        let qm_hosts = hosts(&case.queue_manager.error_log);
        let checks = |side: Side| {
            self.messages
                .iter()
                .any(|m| m.side == side && ["AMQ9716", "AMQ9633"].contains(&base(&m.id).as_str()))
        };
        let only_checker = match (checks(Side::Client), checks(Side::QueueManager)) {
            (true, false) => Some(Side::Client),
            (false, true) => Some(Side::QueueManager),
            _ => None,
        };
        let runs = super::curl::runs(text)
            .into_iter()
            .chain(super::curl::failed_tcp_tests(text))
            .chain(super::curl::failed_ocsp_queries(text));
        for run in runs.filter(|r| !r.proxy) {
            let Some((outcome, line)) = run.outcome else {
                continue;
            };
            let by_host = run.host.as_deref().map(short_host).and_then(|h| {
                if client_hosts.contains(&h) {
                    Some(Side::Client)
                } else if qm_hosts.contains(&h) {
                    Some(Side::QueueManager)
                } else {
                    None
                }
            });
            let Some(side) = by_host.or(only_checker) else {
                continue;
            };
            self.tried.push(Tried {
                line,
                tool: run.tool.to_owned(),
                exact_url: run.exact_url,
                url: run.url,
                host: run.host,
                side,
                http_error: match &outcome {
                    super::curl::CurlOutcome::HttpError(status) => Some(status.clone()),
                    _ => None,
                },
                error: match outcome {
                    super::curl::CurlOutcome::Reached | super::curl::CurlOutcome::HttpError(_) => {
                        None
                    }
                    super::curl::CurlOutcome::Failed(error) => Some(error),
                },
            });
        }
    }

    /// A reason code seen anywhere in the ticket (once per code and line).
    pub fn add_reason(&mut self, code: u32, line: usize) {
        if (code == 0 || reason_name(code).is_some())
            && !self
                .reasons
                .iter()
                .any(|r| r.code == code && r.line == line)
        {
            self.reasons.push(ObservedReason { code, line });
        }
    }

    /// What a case file's pasted logs show.
    pub fn of_case(case: &Case) -> Self {
        let mut observations = Self::default();
        observations.add_log(Side::Client, &case.client.error_log, 1);
        observations.add_log(Side::QueueManager, &case.queue_manager.error_log, 1);
        observations
    }

    /// Whether anything was observed.
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty() && self.reasons.is_empty() && self.ocsp_text.is_empty()
    }

    fn ids(&self, side: Side) -> Vec<String> {
        let mut ids: Vec<String> = self
            .messages
            .iter()
            .filter(|m| m.side == side && m.modelled)
            .map(|m| base(&m.id))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    fn pasted(&self, side: Side) -> bool {
        match side {
            Side::Client => self.client_log,
            Side::QueueManager => self.queue_manager_log,
        }
    }
}

/// Whether two `http://` URLs name the same host and port (80 when none is given): a responder
/// tried by host and port is the same whatever its path.
fn same_endpoint(a: &str, b: &str) -> bool {
    let endpoint = |url: &str| {
        let url = url.trim();
        if !url.get(..7)?.eq_ignore_ascii_case("http://") {
            return None;
        }
        let authority = url.get(7..)?.split('/').next()?.to_ascii_lowercase();
        Some(match authority.rsplit_once(':') {
            Some((host, port)) => (host.to_owned(), port.parse::<u16>().ok()?),
            None => (authority, 80),
        })
    };
    endpoint(a).is_some_and(|e| Some(e) == endpoint(b))
}

/// `wh-app02.northwind.example` → `wh-app02`, lower case: prompts and log headers name a host
/// with or without its domain.
fn short_host(host: &str) -> String {
    host.split('.').next().unwrap_or(host).to_ascii_lowercase()
}

/// A serial as hex without separators or leading zeros, lower case.
/// A serial as `openssl ocsp -serial` takes it and prints it back: `0x5A0C31` (hex) or decimal
/// digits; lowercase hex. `None` for anything else (a file name).
fn serial_given(name: &str) -> Option<String> {
    if let Some(hex) = name.strip_prefix("0x").or_else(|| name.strip_prefix("0X")) {
        return (!hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| normal_serial(hex));
    }
    let value: u128 = name.parse().ok()?;
    Some(format!("{value:x}"))
}

fn normal_serial(serial: &str) -> String {
    let hex = serial
        .chars()
        .filter(char::is_ascii_hexdigit)
        .collect::<String>()
        .to_ascii_lowercase();
    let trimmed = hex.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".into()
    } else {
        trimmed.to_owned()
    }
}

/// `AMQ9716E` → `AMQ9716`: the two TLS libraries differ in the severity letter only. A z/OS
/// TLS message is compared as the distributed one of the same number (`CSQX633E` → `AMQ9633`,
/// the assumption `zos-csqx-as-amq`).
fn base(id: &str) -> String {
    let bare = id.trim_end_matches(['E', 'W', 'I', 'A', 'D']);
    if let Some(number) = bare.strip_prefix("CSQX")
        && number.len() == 3
        && number.starts_with('6')
        && number.bytes().all(|b| b.is_ascii_digit())
    {
        return format!("AMQ9{number}");
    }
    if bare.starts_with("CSQX") {
        return bare.to_owned();
    }
    id.trim_end_matches(['E', 'W', 'I']).to_owned()
}

/// The cause, as a support engineer would put it in the ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Cause {
    /// One sentence to paste into the ticket.
    pub summary: String,
    /// The side whose check fails (none when the connection works).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The subjects of the certificates involved.
    pub certificates: Vec<String>,
    /// The lines of the ticket that support it.
    pub evidence: Vec<String>,
}

/// Another explanation that fits (nearly) as well.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Alternative {
    /// In one sentence.
    pub summary: String,
    /// What it supposes.
    pub supposes: Vec<String>,
    /// Its fit (higher is better; the best explanation's is `Explanation::score`).
    pub score: i32,
    /// The reason code it predicts (`None`: MQCONNX connects).
    pub reason_code: Option<u32>,
    /// The message ids it predicts in the client's log.
    pub client_log: Vec<String>,
    /// The message ids it predicts in the queue manager's log.
    pub queue_manager_log: Vec<String>,
}

/// The diagnosis of a ticket.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Explanation {
    /// The cause.
    pub cause: Cause,
    /// What was observed.
    pub observed: Observations,
    /// Whether the predicted logs of both sides and the reason code equal what was observed.
    pub matches_observed: bool,
    /// What the best explanation supposes that the ticket does not say.
    pub supposes: Vec<String>,
    /// Other explanations that fit as well or nearly.
    pub alternatives: Vec<Alternative>,
    /// Where what was pasted contradicts what was observed.
    pub contradictions: Vec<String>,
    /// What to ask the customer for when several explanations fit: each log the ticket lacks
    /// whose messages differ between them, with what each possible content would mean.
    pub tell_apart: Vec<String>,
    /// The MQ client kind the model applies.
    #[serde(deserialize_with = "crate::interned::text")]
    pub client_kind: crate::interned::Text,
    /// The fit of the best explanation.
    pub score: i32,
    /// How many explanations were tried.
    pub searched: usize,
    /// The prediction under the best explanation.
    pub diagnosis: Diagnosis,
}

/// One supposition with what it costs to believe it without evidence.
#[derive(Clone, Debug)]
struct Choice {
    change: Change,
    cost: i32,
    words: String,
    /// Said when chosen: the ticket states otherwise.
    contradicts: Option<String>,
}

impl Choice {
    /// The case as it stands: nothing supposed.
    fn as_stated() -> Self {
        Self {
            change: Change::Nothing,
            cost: 0,
            words: String::new(),
            contradicts: None,
        }
    }
}

#[derive(Clone, Debug)]
enum Change {
    Answer(Vec<Supposition>),
    Policy(Side, OcspAuthentication),
    SslCauth(SslCauth),
    Java(JavaSettings),
    /// The client's settings as pasted are all it has: no key repository anywhere.
    SettingsComplete,
    /// A certificate problem the logs show and no pasted date decides.
    Fault(super::case::SupposedFault),
    /// The managed .NET client's switches, with the SSLPEERNAME to suppose when none is known.
    Dotnet(DotnetSettings, Option<String>),
    /// The side's key repository holds this certificate as a trust anchor.
    Trust(Side, Box<crate::certificate::Certificate>),
    /// The client has this OCSP AUTHINFO in its CCDT (one the ticket does not show).
    HiddenResponder(super::config::AuthInfo),
    /// The queue manager's certificate (a stand-in) names this CRL distribution point, as the
    /// ticket shows it.
    SupposedCdp(String),
    /// The client runs this MQ version (the ticket does not show it).
    ClientVersion(super::config::MqVersion),
    Nothing,
}

/// The top of the partner's chain as pasted, when the ticket shows none of `side`'s key
/// repository: the certificate its key repository must hold (or the one above it) for the chain
/// to validate. `None` when that side's trust is pasted. When only the partner's own
/// certificate is pasted, it is the anchor: its issuer is unknown, so its revocation is still
/// checked (it is not a root: `revocation::checked_certificates`), but no response or CRL about it
/// can be verified (said in the supposition).
fn unpasted_anchor(resolved: &Resolved, side: Side) -> Option<crate::certificate::Certificate> {
    let (partner, anchors) = match side {
        Side::Client => (&resolved.qm_cert, &resolved.client_trust),
        Side::QueueManager => (&resolved.client_cert, &resolved.qm_trust),
    };
    let partner = partner.as_ref().filter(|_| anchors.is_empty())?;
    let mut top = partner.clone();
    // Up by issuer name through what was pasted (a chain is a few certificates long).
    for _ in 0..8 {
        if top.self_issued {
            break;
        }
        match resolved
            .material
            .certificates()
            .find(|c| c.subject == top.issuer && c.fingerprints != top.fingerprints)
        {
            Some(issuer) => top = issuer.clone(),
            None => break,
        }
    }
    Some(top)
}

/// Whether each side's key repository trusts the partner's chain, where the ticket shows no
/// key repository: believed (the logs then show no chain failure), unless the logs say otherwise.
fn trust_questions(resolved: &Resolved) -> Vec<Vec<Choice>> {
    let mut out = Vec::new();
    for side in [Side::Client, Side::QueueManager] {
        let Some(top) = unpasted_anchor(resolved, side) else {
            continue;
        };
        let (who, whose) = side_words(side);
        let holder = if side == Side::Client {
            "the client's key repository"
        } else {
            "the queue manager's key repository"
        };
        let name = top.short_name();
        let alone = match side {
            Side::Client => resolved.qm_cert.as_ref(),
            Side::QueueManager => resolved.client_cert.as_ref(),
        }
        .is_some_and(|p| p.fingerprints == top.fingerprints);
        let words = if alone {
            format!(
                "{holder} (not pasted) holds the CA that issued {whose} ({name}); that CA was not pasted, so no OCSP response or CRL about {name} can be verified"
            )
        } else {
            format!("{holder} (not pasted) holds the CA of {whose}: {name} or the CA above it")
        };
        out.push(vec![
            Choice {
                change: Change::Trust(side, Box::new(top)),
                cost: 0,
                words,
                contradicts: None,
            },
            Choice {
                change: Change::Nothing,
                cost: 2,
                words: format!("{holder} (not pasted) lacks the CA of {whose}, so {who} cannot validate the chain"),
                contradicts: None,
            },
        ]);
    }
    out
}

fn side_words(side: Side) -> (&'static str, &'static str) {
    match side {
        Side::Client => ("the MQ client", "the queue manager's certificate"),
        Side::QueueManager => ("the queue manager", "the client's certificate"),
    }
}

/// The open questions of the case: one list of alternatives per question.
fn questions(case: &Case, resolved: &Resolved, observed: &Observations) -> Vec<Vec<Choice>> {
    let observed_text = &observed.ocsp_text;
    // The serials the logs' inserts name, then those the printed answers name: the certificate
    // whose responder a question varies is the one the logs name, else one openssl was asked
    // about, where one is open.
    let logged: Vec<String> = observed
        .messages
        .iter()
        .filter_map(|m| m.serial.clone())
        .collect();
    let printed_about: Vec<String> = observed_text.iter().map(|t| t.serial.clone()).collect();
    let printed_of = |cert: &crate::certificate::Certificate| {
        observed_text
            .iter()
            .find(|t| t.serial == normal_serial(&cert.serial))
    };
    let mut out = Vec::new();
    // No channel definition and no client certificate in the ticket: whether the queue
    // manager demands one is not known (the channel's default is SSLCAUTH(REQUIRED)).
    let channel_defined = super::mqsc::MqscDefinitions::parse(&case.queue_manager.mqsc)
        .channels
        .iter()
        .any(|c| c.name.eq_ignore_ascii_case(&resolved.channel_name()));
    if !channel_defined && case.queue_manager.sslcauth.is_none() && resolved.client_cert.is_none() {
        out.push(vec![
            Choice {
                change: Change::SslCauth(SslCauth::Optional),
                cost: 0,
                words: "the channel does not demand a client certificate (SSLCAUTH(OPTIONAL)), or the client has one the ticket does not show".into(),
                contradicts: None,
            },
            Choice {
                change: Change::SslCauth(SslCauth::Required),
                cost: 1,
                words: "the channel has SSLCAUTH(REQUIRED) (the default) and the client has no certificate".into(),
                contradicts: None,
            },
        ]);
    }
    let sides = [
        (Side::Client, &resolved.qm_cert, &resolved.client_trust),
        (
            Side::QueueManager,
            &resolved.client_cert,
            &resolved.qm_trust,
        ),
    ];
    for (side, partner, anchors) in sides {
        let Some(partner) = partner else { continue };
        let report = resolved.verify_chain(partner, anchors);
        let path = resolved.path(&report, partner, anchors);
        // A Java or managed .NET client chooses its own sources (mq::sources), not MQ's.
        let own = side == Side::Client && resolved.client.kind != ClientKind::C;
        let (who, whose) = side_words(side);
        // Every source nobody has evidence of is supposed to answer good, except what the
        // question varies: the first certificate whose source is open.
        let open: Vec<(String, &crate::certificate::Certificate)> = if own {
            out.extend(match resolved.client.kind {
                ClientKind::Dotnet => dotnet_questions(resolved),
                _ => java_questions(&resolved.client.java),
            });
            super::sources::open_sources(resolved, resolved.client.kind, &path)
        } else {
            let check = check_side(resolved, side, &path);
            if !check.checked {
                continue;
            }
            check
                .answers
                .iter()
                .zip(&path)
                .filter_map(|((_, answer), cert)| match answer {
                    Answer::Unknown(Unknown::NoEvidence { url }) => Some((url.clone(), cert)),
                    _ => None,
                })
                .collect()
        };
        let naming = |serials: &[String]| {
            open.iter()
                .find(|(_, c)| serials.contains(&normal_serial(&c.serial)))
        };
        let varied = naming(&logged)
            .or_else(|| naming(&printed_about))
            .or(open.first());
        if let Some((url, cert)) = varied {
            let fp = cert.fingerprints.sha256.clone();
            let name = cert.short_name();
            // Every other open source answers what openssl printed about its certificate, or
            // good where nothing was printed.
            let good_elsewhere: Vec<Supposition> = open
                .iter()
                .map(|(other, c)| match printed_of(c) {
                    Some(text) if c.fingerprints.sha256 != fp => Supposition {
                        url: other.clone(),
                        certificate: Some(c.fingerprints.sha256.clone()),
                        answer: text.meaning(),
                        origin: Origin::Printed(text.line),
                    },
                    _ => Supposition {
                        url: other.clone(),
                        certificate: None,
                        answer: Supposed::Good,
                        origin: Origin::Search,
                    },
                })
                .collect();
            // What the ticket's openssl output says the responder answered about it.
            let printed_text = printed_of(cert);
            let printed = printed_text.map(TextAnswer::meaning);
            let answer = |answer: Supposed, cost: i32, words: String| {
                let mut supposed = good_elsewhere.clone();
                supposed.push(Supposition {
                    url: url.clone(),
                    certificate: (answer != Supposed::Unreachable).then(|| fp.clone()),
                    answer,
                    origin: match printed_text {
                        Some(t) if t.meaning() == answer => Origin::Printed(t.line),
                        Some(t) => Origin::AgainstPrinted(t.line),
                        None => Origin::Search,
                    },
                });
                // An unreachable responder is unreachable for every certificate asked of it.
                if answer == Supposed::Unreachable {
                    supposed.retain(|s| {
                        !(s.answer == Supposed::Good && super::evidence::same_url(&s.url, url))
                    });
                }
                Choice {
                    change: Change::Answer(supposed),
                    cost,
                    words,
                    contradicts: None,
                }
            };
            // A curl from this side's host to this responder (a stand-in's responder is the one
            // it tried): it reached it or not, evidence for or against an unreachable one.
            let stand_in = super::examples::stand_ins()
                .1
                .contains(&cert.short_name().as_str());
            let tried = observed
                .tried
                .iter()
                .find(|t| t.side == side && (stand_in || same_endpoint(&t.url, url)));
            let cost = |supposed: Supposed, base: i32| match (printed, tried) {
                (Some(said), _) if said == supposed => 0,
                (Some(_), _) => base + 3,
                // It answered with an HTTP error status: no OCSP response, an unknown status
                // for MQ (no answer it can use).
                (None, Some(t)) if t.http_error.is_some() => {
                    if supposed == Supposed::Unknown {
                        0
                    } else {
                        base + 3
                    }
                }
                (None, Some(t)) if t.error.is_some() == (supposed == Supposed::Unreachable) => base,
                (None, Some(_)) => base + 3,
                (None, None) => base,
            };
            // A printed answer is not a supposition: it is listed as evidence instead. One
            // against it says so.
            let answer = |supposed: Supposed, cost: i32, words: String| {
                let words = match printed_text {
                    Some(_) if printed == Some(supposed) => String::new(),
                    Some(text) => format!(
                        "{words}, against what openssl ocsp printed at line {} (run from another host or at another time?)",
                        text.line
                    ),
                    None => words,
                };
                answer(supposed, cost, words)
            };
            out.push(vec![
                answer(
                    Supposed::Good,
                    cost(Supposed::Good, 0),
                    format!("{url} answers good about {name}"),
                ),
                answer(
                    Supposed::Unreachable,
                    cost(Supposed::Unreachable, 1),
                    format!("{url} cannot be reached by {who}"),
                ),
                answer(
                    Supposed::Revoked,
                    cost(Supposed::Revoked, 1),
                    format!("{url} answers that {name} is revoked"),
                ),
                answer(
                    Supposed::Unknown,
                    cost(Supposed::Unknown, 2),
                    match tried.and_then(|t| t.http_error.as_ref().map(|e| (t.line, e))) {
                        Some((line, status)) => format!("{url} answers HTTP {status} (as {} from {}'s host shows at line {line}) instead of an OCSP response: no status MQ can use, an unknown one", tried.map_or("curl", |t| t.tool.as_str()), match side { Side::Client => "the client", Side::QueueManager => "the queue manager" }),
                        None => format!("{url} answers unknown about {name} (it does not know it)"),
                    },
                ),
            ]);
            // A response that cannot be verified is asked about only where the ticket shows one.
            if printed == Some(Supposed::Unverifiable)
                && let Some(question) = out.last_mut()
            {
                question.push(answer(
                    Supposed::Unverifiable,
                    cost(Supposed::Unverifiable, 2),
                    format!("{url} answers about {name}, but its response cannot be verified"),
                ));
            }
        }
        if own {
            continue;
        }
        // The policy: a stated value is believed unless the logs cannot be explained with it.
        let (setting, what_if, file) = match side {
            Side::Client => (
                &resolved.client.ssl.ocsp_authentication,
                case.client.ocsp_authentication,
                "mqclient.ini",
            ),
            Side::QueueManager => (
                &resolved.qm.ssl.ocsp_authentication,
                case.queue_manager.ocsp_authentication,
                "qm.ini",
            ),
        };
        if what_if.is_some() {
            continue;
        }
        let stated = setting.source != Source::Default;
        let current = setting.value;
        let mut choices = vec![Choice {
            change: Change::Nothing,
            cost: 0,
            words: String::new(),
            contradicts: None,
        }];
        for value in [
            OcspAuthentication::Required,
            OcspAuthentication::Warn,
            OcspAuthentication::Optional,
        ] {
            if value == current {
                continue;
            }
            let (cost, contradicts) = if stated {
                (
                    4,
                    Some(format!(
                        "the {file} pasted says OCSPAuthentication={}, but {who}'s behaviour in the logs fits OCSPAuthentication={}: the {file} pasted is probably not the one in use",
                        current.word(),
                        value.word()
                    )),
                )
            } else {
                (1, None)
            };
            choices.push(Choice {
                change: Change::Policy(side, value),
                cost,
                words: format!("{who} runs with OCSPAuthentication={}", value.word()),
                contradicts,
            });
        }
        let _ = whose;
        out.push(choices);
    }
    out
}

/// A ticket that quotes 2381 with a key repository named with `.kdb` and no client version:
/// whether the client is older than MQ 9.3 (which appends `.kdb` itself, IBM's KeyRepository
/// page: "The .kdb file suffix is added automatically") is a question, not the newest release
/// assumed.
fn client_version_question(resolved: &Resolved, observed: &Observations) -> Option<Vec<Choice>> {
    let client = &resolved.client;
    let value = client.key_repository()?.value;
    if client.mq_version.is_some()
        || client.kind != ClientKind::C
        || !value.to_ascii_lowercase().ends_with(".kdb")
        || !observed.reasons.iter().any(|r| r.code == 2381)
    {
        return None;
    }
    Some(vec![
        Choice::as_stated(),
        Choice {
            change: Change::ClientVersion(super::config::MqVersion::V9_2),
            cost: 1,
            words: format!(
                "the client runs MQ 9.2 or earlier (the ticket does not show its version): it appends .kdb to the key repository '{value}' itself"
            ),
            contradicts: None,
        },
    ])
}

/// A ticket that quotes 2381 but names no key repository: whether the client has none at all is
/// a question, never a conclusion from silence (a ticket rarely quotes every setting).
fn key_repository_question(resolved: &Resolved, observed: &Observations) -> Option<Vec<Choice>> {
    let client = &resolved.client;
    if client.settings_complete {
        return None;
    }
    let seen = |code: u32| observed.reasons.iter().any(|r| r.code == code);
    let words = if client.key_repository().is_none() && seen(2381) {
        "the client names no key repository anywhere (no MQSCO.KeyRepository with MQCNO version 4 or later, no MQSSLKEYR, no SSLKeyRepository in mqclient.ini)"
    } else if client
        .ssl
        .client_revocation_checks
        .as_ref()
        .is_some_and(|s| s.value == super::ini::ClientRevocationChecks::Required)
        && client.effective_sco().is_none()
        && !client.has_ccdt()
        && (seen(2059) || observed.messages.iter().any(|m| base(&m.id) == "AMQ9518"))
    {
        // APAR IT44272: ClientRevocationChecks=REQUIRED looks for a CCDT the client does not use.
        "the client uses neither a CCDT nor an MQSCO (its channel comes from MQCD or MQSERVER)"
    } else {
        return None;
    };
    Some(vec![
        Choice::as_stated(),
        Choice {
            change: Change::SettingsComplete,
            cost: 1,
            words: words.into(),
            contradicts: None,
        },
    ])
}

/// Certificate problems a side's log names (AMQ9797: its own certificate; AMQ9658: a
/// certificate of its partner's chain outside its validity period) as questions. Supposing one
/// against a pasted certificate that is valid costs as much as contradicting a stated setting;
/// the stand-ins (the seed's certificates, known by name) are not evidence.
fn fault_questions(resolved: &Resolved, observed: &Observations) -> Vec<Vec<Choice>> {
    use super::case::SupposedFault;
    let (_, stand_ins) = super::examples::stand_ins();
    let mut out = Vec::new();
    for side in [Side::Client, Side::QueueManager] {
        let (who, whose) = side_words(side);
        let (own, partner) = match side {
            Side::Client => (&resolved.client_cert, &resolved.qm_cert),
            Side::QueueManager => (&resolved.qm_cert, &resolved.client_cert),
        };
        let suppositions = [
            (
                "AMQ9797",
                SupposedFault::OwnOutOfValidity(side),
                own,
                format!("{who}'s own certificate is outside its validity period"),
            ),
            (
                "AMQ9658",
                SupposedFault::ChainOutOfValidity(side),
                partner,
                format!("a CA certificate in the chain of {whose} is outside its validity period"),
            ),
        ];
        // GSKit's chain error in IBM's example (575010) and OpenSSL's issuer errors
        // (X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT 2, SELF_SIGNED_CERT_IN_CHAIN 19,
        // UNABLE_TO_GET_ISSUER_CERT_LOCALLY 20, UNABLE_TO_VERIFY_LEAF_SIGNATURE 21).
        // Another GSKit validation error than 575032 is a chain failure too (gskit_chain_error).
        let chain_error = observed
            .messages
            .iter()
            .filter(|m| m.side == side && base(&m.id) == "AMQ9633")
            .find_map(|m| {
                m.validation_error
                    .filter(|e| gskit_chain_error(*e) || [2, 19, 20, 21].contains(e))
            });
        // A z/OS queue manager asks no OCSP responder: its bad-certificate message (CSQX633E,
        // compared as AMQ9633) is a chain its key ring does not validate, whatever error it names.
        let zos = side == Side::QueueManager
            && resolved.qm.tls == super::config::QmTls::SystemSsl
            && chain_error.is_none();
        let zos_words = zos.then(|| {
            format!("the chain of {whose} does not validate against the z/OS queue manager's key ring (its CSQX633E; z/OS asks no OCSP responder): a CA certificate of that chain not connected to the key ring, most likely")
        });
        let suppositions = suppositions.into_iter().chain(
            chain_error
                .map(|error| {
                    if error == 575_010 || error < 575_000 {
                        format!("the chain of {whose} does not reach a CA {who} trusts (a missing intermediate or an untrusted root)")
                    } else {
                        format!("the chain of {whose} fails {who}'s validation: GSKit's error {error} is a certificate-validation error, not 575032 (an OCSP revocation); which check failed the ticket does not say (575051 is named a CA certificate without a critical basicConstraints in a practitioner's notes)")
                    }
                })
                .or(zos_words)
                .map(|words| ("AMQ9633", SupposedFault::ChainUntrusted(side), partner, words)),
        );
        // s_client run with the client's CA file could not verify the listener's chain: a chain
        // the client cannot complete, where its own log does not say.
        // Pasted certificates are validated as they are: the question is for stand-ins.
        let partner_pasted = partner
            .as_ref()
            .is_some_and(|c| !stand_ins.contains(&c.short_name().as_str()));
        // So, for either side, did openssl verify run on the partner's certificate file.
        let unverified = observed
            .chain_unverified
            .as_ref()
            .filter(|_| side == Side::Client)
            .map(|(line, printed)| (*line, printed, "openssl s_client, run with the CA file the client's key repository was built from,", "openssl s_client"))
            .or_else(|| {
                observed
                    .verify_unverified
                    .as_ref()
                    .filter(|(checker, _, _)| *checker == side)
                    .map(|(_, line, printed)| (*line, printed, "openssl verify, run with a CA file standing for that key repository,", "openssl verify"))
            });
        if chain_error.is_none()
            && !partner_pasted
            && let Some((line, printed, run, tool)) = unverified
        {
            out.push(vec![
                Choice {
                    change: Change::Fault(SupposedFault::ChainUntrusted(side)),
                    cost: 0,
                    contradicts: None,
                    words: format!("the chain of {whose} does not reach a CA {who} trusts: {run} printed '{printed}' at line {line}"),
                },
                Choice {
                    change: Change::Nothing,
                    cost: 3,
                    contradicts: None,
                    words: format!("{who}'s key repository completes the chain of {whose}, against what {tool} printed at line {line} (another CA file, or another certificate than the MQ client is sent?)"),
                },
            ]);
        }
        // A z/OS queue manager whose log is not pasted, the client told it closed the
        // connection (AMQ9665): it asks no OCSP responder, so a chain its key ring does not
        // validate is the likeliest refusal, supposed as its CSQX633E would say.
        let zos_refusal_unseen = zos
            && !observed.pasted(Side::QueueManager)
            && observed
                .messages
                .iter()
                .any(|m| m.side == Side::Client && base(&m.id) == "AMQ9665");
        for (id, fault, cert, words) in suppositions {
            let unseen = zos_refusal_unseen
                && id == "AMQ9633"
                && matches!(fault, SupposedFault::ChainUntrusted(_));
            if !unseen
                && !observed
                    .messages
                    .iter()
                    .any(|m| m.side == side && base(&m.id) == id)
            {
                continue;
            }
            let pasted = cert
                .as_ref()
                .is_some_and(|c| !stand_ins.contains(&c.short_name().as_str()));
            out.push(vec![
                Choice::as_stated(),
                Choice {
                    change: Change::Fault(fault),
                    cost: if pasted { 4 } else { 1 },
                    contradicts: pasted.then(|| format!("the certificates pasted are within their validity period at the time of the log, but {who}'s log shows {id}: the certificates in use are probably not the ones pasted")),
                    words,
                },
            ]);
        }
    }
    out
}

/// Whether the JVM checks revocation, where the ticket does not say.
fn java_questions(settings: &JavaSettings) -> Vec<Vec<Choice>> {
    if settings.checks_revocation() && settings.ocsp_enable == Some(true) {
        return Vec::new();
    }
    let on = JavaSettings {
        check_revocation: Some(true),
        ocsp_enable: Some(true),
        ..settings.clone()
    };
    let stated_off = settings.check_revocation == Some(false);
    vec![vec![
        Choice::as_stated(),
        Choice {
            change: Change::Java(on),
            cost: if stated_off { 4 } else { 1 },
            words: "the JVM runs with -Dcom.sun.net.ssl.checkRevocation=true and ocsp.enable=true".into(),
            contradicts: stated_off.then(|| "the JVM options pasted say com.sun.net.ssl.checkRevocation=false, but the exception shows a revocation check: the options pasted are probably not the ones in use".to_owned()),
        },
    ]]
}

/// Whether the managed .NET client checks revocation (and acts on it: it needs an SSLPEERNAME),
/// where the ticket does not say.
fn dotnet_questions(resolved: &Resolved) -> Vec<Vec<Choice>> {
    let settings = &resolved.client.dotnet;
    let peer = resolved
        .client
        .mqcd
        .peer_name
        .clone()
        .filter(|p| !p.trim().is_empty());
    if settings.checks_revocation() && peer.is_some() {
        return Vec::new();
    }
    // A pattern that matches the queue manager's certificate: its CN.
    let supposed_peer = match (&peer, &resolved.qm_cert) {
        (None, Some(qm)) => Some(format!("CN={}", qm.short_name())),
        _ => None,
    };
    let stated_off = settings.revocation_check == Some(false);
    let on = DotnetSettings {
        revocation_check: Some(true),
        ..settings.clone()
    };
    vec![vec![
        Choice::as_stated(),
        Choice {
            change: Change::Dotnet(on, supposed_peer.clone()),
            cost: if stated_off { 4 } else { 1 },
            words: match (settings.checks_revocation(), supposed_peer.is_some()) {
                (true, _) => "the application sets an SSLPEERNAME the ticket does not show (without one the managed client validates nothing)",
                (false, true) => "the application sets SSLCertRevocationCheck = true and an SSLPEERNAME the ticket does not show",
                (false, false) => "the application sets SSLCertRevocationCheck = true",
            }
            .into(),
            contradicts: stated_off.then(|| "the .NET settings pasted say SSLCertRevocationCheck=false, but the exception shows a revocation check: the settings pasted are probably not the ones in use".to_owned()),
        },
    ]]
}

/// How well a prediction fits what was observed: matched messages and reason codes count for,
/// predicted-but-absent and present-but-unpredicted ones against.
fn fit(diagnosis: &Diagnosis, observed: &Observations) -> (i32, bool) {
    let mut score = 0;
    let mut exact = true;
    for side in [Side::Client, Side::QueueManager] {
        if !observed.pasted(side) {
            continue;
        }
        let seen = observed.ids(side);
        let log = match side {
            Side::Client => &diagnosis.client_log,
            Side::QueueManager => &diagnosis.queue_manager_log,
        };
        let predicted: Vec<String> = log.iter().map(|l| base(&l.id)).collect();
        let mut predicted =
            super::java::comparable(super::dotnet::comparable(predicted, &seen), &seen);
        predicted.sort();
        predicted.dedup();
        for id in &predicted {
            if seen.contains(id) {
                score += 3;
            } else {
                score -= 2;
                exact = false;
            }
        }
        for id in &seen {
            if !predicted.contains(id) {
                score -= 2;
                exact = false;
            }
        }
    }
    // A validation error the log states and the prediction states too tells the causes of one
    // message apart (575032 revoked, 575010 chain).
    for m in observed.messages.iter().filter(|m| m.modelled) {
        let Some(seen) = m.validation_error else {
            continue;
        };
        let log = match m.side {
            Side::Client => &diagnosis.client_log,
            Side::QueueManager => &diagnosis.queue_manager_log,
        };
        if let Some(predicted) = log
            .iter()
            .filter(|l| base(&l.id) == base(&m.id))
            .find_map(|l| super::errlog::validation_error(&l.text))
        {
            if predicted == seen {
                score += 1;
            } else if predicted == 575_010 && gskit_chain_error(seen) {
                // The model words every GSKit chain failure with 575010 (IBM's example):
                // another chain error number neither fits nor speaks against it.
            } else {
                score -= 3;
                exact = false;
            }
        }
    }
    score += inserts_fit(diagnosis, observed);
    // Reason codes seen for the connection (the last one a ticket quotes is the outcome).
    if let Some(reason) = observed.reasons.last() {
        let predicted = diagnosis.outcome.reason_code.unwrap_or(0);
        if predicted == reason.code {
            score += 4;
        } else {
            score -= 4;
            exact = false;
        }
    }
    (score, exact)
}

/// What the inserts of the observed AMQ9633/AMQ9716 say against the predicted message of the
/// same id: the same certificate (serial, else subject) counts for, another against; a GSKit
/// validation error the seed shows for an OCSP revocation (575032) counts for a prediction of a
/// revocation and against one of a chain failure, and the other way round for 575010 (IBM's
/// AMQ9633 technote gives it for a certificate that fails validation against the local CAs:
/// https://www.ibm.com/support/pages/node/1081227).
fn inserts_fit(diagnosis: &Diagnosis, observed: &Observations) -> i32 {
    let mut score = 0;
    for m in &observed.messages {
        let log = match m.side {
            Side::Client => &diagnosis.client_log,
            Side::QueueManager => &diagnosis.queue_manager_log,
        };
        let Some(predicted) = log.iter().find(|l| base(&l.id) == base(&m.id)) else {
            continue;
        };
        // A stand-in certificate is never the customer's: names cannot be compared.
        if super::standin::names_one(&predicted.text) {
            continue;
        }
        let details = predicted
            .text
            .split('\'')
            .find_map(super::errlog::certificate_details);
        let predicted_serial = details
            .as_ref()
            .and_then(|d| d.serial.as_deref())
            .map(normal_serial);
        match (&m.serial, &predicted_serial) {
            (Some(seen), Some(said)) if seen == said => score += 2,
            (Some(_), Some(_)) => score -= 3,
            _ => {
                let cn = |dn: &str| common_name(dn).map(|n| n.to_ascii_lowercase());
                let said = details
                    .as_ref()
                    .and_then(|d| d.subject.as_deref())
                    .and_then(cn);
                match (m.subject.as_deref().and_then(cn), said) {
                    (Some(seen), Some(said)) if seen == said => score += 2,
                    (Some(_), Some(_)) => score -= 3,
                    _ => {}
                }
            }
        }
        // The validation error itself is compared where the prediction states one (above, in
        // `fit`); a revocation the prediction words without a number still speaks against a
        // chain error the log shows.
        let revoked = predicted.text.contains("(e) an OCSP");
        let states_number = super::errlog::validation_error(&predicted.text).is_some();
        if !states_number {
            match m.validation_error {
                Some(575032) if revoked => score += 1,
                Some(575032) => score -= 2,
                Some(error) if revoked && gskit_chain_error(error) => score -= 2,
                _ => {}
            }
        }
    }
    score
}

/// A GSKit certificate-validation error (the 575xxx family AMQ9633 prints, PARTIAL in
/// mq-reference: no IBM table of the numbers) other than 575032, the one seen for an OCSP
/// revocation: a chain that fails validation (575010 in IBM's example; 575051 is named
/// GSKVAL_ERR_CA_MISSING_CRITICAL_BASIC_CONSTRAINT in a practitioner's notes), not a revocation.
fn gskit_chain_error(error: u32) -> bool {
    (575_000..=575_999).contains(&error) && error != 575_032
}

/// The CN of a DN as GSKit (`CN=a,O=b`) or OpenSSL (`/C=GB/CN=a`) writes it.
fn common_name(dn: &str) -> Option<String> {
    dn.split([',', '/'])
        .find_map(|p| p.trim().strip_prefix("CN="))
        .map(str::to_owned)
}

/// Explains a case from what its logs show. A ticket with logs but no certificate at all is
/// reasoned about with stand-in certificates (the seed's), named as such.
pub fn explain(case: &Case, observed: &Observations) -> Explanation {
    explain_resolved(case, case.resolve(), observed)
}

/// [`explain`] for a case already resolved (a front end resolves once per change).
pub fn explain_resolved(case: &Case, resolved: Resolved, observed: &Observations) -> Explanation {
    if resolved.qm_cert.is_none() && resolved.client_cert.is_none() && !observed.is_empty() {
        let (material, names) = super::examples::stand_ins();
        let mut stand = case.clone();
        stand.material.push('\n');
        stand.material.push_str(&material);
        stand.queue_manager.certificate = Some(names[0].to_owned());
        // A queue manager that says the channel lacks a certificate (AMQ9637) may be telling of
        // a client that sent none (APAR IT15978); only a C client says so itself (AMQ9642), so
        // for a Java or .NET client no stand-in is given and both readings stay open. A C client
        // whose own log says AMQ9642 sent none: no stand-in for it either.
        let logged = |side: Side, id: &str| {
            observed
                .messages
                .iter()
                .any(|m| m.side == side && base(&m.id) == id)
        };
        let sent_none_possible = (resolved.client.kind != ClientKind::C
            && logged(Side::QueueManager, "AMQ9637"))
            || logged(Side::Client, "AMQ9642");
        if !sent_none_possible {
            stand.client.certificate = Some(names[1].to_owned());
        }
        stand.client.trust = vec!["www.sd.pulsarintegration.com".into()];
        stand.queue_manager.trust = vec!["www.pulsarintegration.com".into()];
        let mut e = search(&stand, stand.resolve(), observed);
        // The stand-ins are named by their role, never by their seed names, everywhere.
        // Where a log names the certificate it refused (AMQ9633/AMQ9716 inserts), the sentence
        // names it too: the queue manager's log names the client's, the client's the queue
        // manager's.
        let named = |side: Side| {
            observed
                .messages
                .iter()
                .filter(|m| m.side == side)
                .find_map(|m| m.subject.as_deref())
                .and_then(common_name)
                // A name the customer redacted names nothing.
                .filter(|cn| super::redact::placeholder(cn).is_none())
        };
        let logged = [
            (names[0], named(Side::Client)),
            (names[1], named(Side::QueueManager)),
        ];
        // Certificates printed by `openssl x509 -text` name the stand-ins and their responders.
        let printed = printed::roles(&case.material, observed);
        // Where no printed certificate names its responder, `openssl ocsp -url` may.
        let asked = printed::asked_urls(&case.material, observed);
        // Else the URL curl tried from the host of the side that asks it.
        let tried = [Side::Client, Side::QueueManager].map(|side| {
            observed
                .tried
                .iter()
                .find(|t| t.side == side && t.exact_url)
                .map(|t| t.url.clone())
        });
        let responders = [
            super::examples::SERVER_RESPONDER,
            super::examples::CLIENT_RESPONDER,
        ];
        let rename = |text: &str| {
            let mut text = text.to_owned();
            for (((((stand_in, cn), printed), responder), asked), tried) in logged
                .iter()
                .zip(&printed)
                .zip(responders)
                .zip(&asked)
                .zip(&tried)
            {
                match (cn, printed) {
                    (Some(cn), _) => {
                        text = text.replace(
                            &format!("({stand_in})"),
                            &format!("({cn}, as the log names it; not pasted)"),
                        );
                    }
                    (None, Some(p)) => {
                        text = text.replace(
                            &format!("({stand_in})"),
                            &format!("({}, printed by {}; no PEM)", p.name, p.by),
                        );
                    }
                    (None, None) => {}
                }
                if let Some(url) = printed
                    .as_ref()
                    .and_then(|p| p.url.as_deref())
                    .or(asked.as_deref())
                    .or(tried.as_deref())
                {
                    text = text.replace(responder, url);
                }
            }
            super::standin::rename(&text)
        };
        for fix in &mut e.diagnosis.fixes {
            fix.detail = rename(&fix.detail);
        }
        super::standin::rename_diagnosis(&mut e.diagnosis);
        e.cause.summary = rename(&e.cause.summary);
        e.cause.certificates = observed
            .messages
            .iter()
            .filter_map(|m| m.certificate.clone())
            .collect();
        for text in e.supposes.iter_mut().chain(e.contradictions.iter_mut()) {
            *text = rename(text);
        }
        for alternative in &mut e.alternatives {
            alternative.summary = rename(&alternative.summary);
            for text in &mut alternative.supposes {
                *text = rename(text);
            }
        }
        // Said again from the renamed sentences (the logs each predicts do not change).
        e.tell_apart = tell_apart(
            observed,
            (
                &e.cause.summary,
                &log_ids(&e.diagnosis.client_log),
                &log_ids(&e.diagnosis.queue_manager_log),
            ),
            &e.alternatives,
        );
        e.supposes.insert(
            0,
            match printed.iter().flatten().next() {
                Some(p) => format!("no certificate was pasted as PEM or DER, only as {} output: the reasoning uses stand-in certificates under the names and responder URLs it prints (the printed dates, keys and signatures are not checked)", p.by),
                None => "no certificate was pasted: the reasoning uses stand-in certificates, so their names and responders are not the customer's".into(),
            },
        );
        openssl_assumptions(&mut e, observed);
        return e;
    }
    let mut e = search(case, resolved, observed);
    // The chain openssl s_client printed stands in the case for the one the listener presents to
    // the MQ client: said as an assumption (the queue manager picks its certificate by SNI).
    if observed.s_client_chain.is_some()
        && !case.evidence.presented.is_empty()
        && let Some(named) = super::predict::ASSUMPTIONS
            .iter()
            .find(|a| a.id == "s-client-chain-presented")
        && !e.diagnosis.assumptions.iter().any(|a| a.id == named.id)
    {
        e.diagnosis.assumptions.push(named.clone());
    }
    openssl_assumptions(&mut e, observed);
    e
}

/// The assumptions a diagnosis makes when it relies on what the ticket shows in another form than
/// MQ's own: a Windows event log entry as an AMQ message, s_client's CA file as the client's key
/// repository, a CRL check as the responder's answer.
fn openssl_assumptions(e: &mut Explanation, observed: &Observations) {
    // A message read from the Windows event log is one by its event id.
    if observed.from_event_log
        && let Some(named) = super::predict::ASSUMPTIONS
            .iter()
            .find(|a| a.id == "windows-event-id-as-amq")
    {
        e.diagnosis.assumptions.push(named.clone());
    }
    // s_client's CA file stands for the client's key repository where the cause relies on it.
    if observed.chain_unverified.is_some()
        && e.diagnosis
            .steps
            .iter()
            .any(|s| s.id == "mq.client_chain" && s.outcome == Outcome::Fail)
        && let Some(named) = super::predict::ASSUMPTIONS
            .iter()
            .find(|a| a.id == "s-client-cafile-as-key-repository")
    {
        e.diagnosis.assumptions.push(named.clone());
    }
    // openssl verify's CA file stands for the checking side's key repository likewise.
    if let Some((side, _, _)) = &observed.verify_unverified
        && e.diagnosis.steps.iter().any(|s| {
            s.outcome == Outcome::Fail
                && s.id
                    == match side {
                        Side::Client => "mq.client_chain",
                        Side::QueueManager => "mq.qm_chain",
                    }
        })
        && let Some(named) = super::predict::ASSUMPTIONS
            .iter()
            .find(|a| a.id == "openssl-verify-cafile-as-key-repository")
    {
        e.diagnosis.assumptions.push(named.clone());
    }
    // An answer read from a CRL check stands for the responder's: said as an assumption when the
    // diagnosis relies on printed answers.
    if observed.ocsp_text.iter().any(|t| t.from_crl)
        && e.diagnosis
            .assumptions
            .iter()
            .any(|a| a.id.starts_with("openssl-output-as"))
        && let Some(named) = super::predict::ASSUMPTIONS
            .iter()
            .find(|a| a.id == "openssl-verify-crl-as-ocsp")
    {
        e.diagnosis.assumptions.push(named.clone());
    }
}

fn search(case: &Case, mut resolved: Resolved, observed: &Observations) -> Explanation {
    let read = neighbours::read(&mut resolved, observed);
    let questions = if observed.is_empty() {
        Vec::new()
    } else {
        // The other questions are asked of the chains as they validate under the cheapest
        // trust supposition (a path that validates is the path MQ checks for revocation).
        let trust = trust_questions(&resolved);
        let mut trusting = resolved.clone();
        for question in &trust {
            if let Some(Change::Trust(side, anchor)) = question.first().map(|c| &c.change) {
                trusting.trust_mut(*side).push((**anchor).clone());
            }
        }
        // A responder the client must have, as the cheapest supposition, so that the responder
        // questions ask what it answered.
        let hidden = hidden_responder::hidden_responder_question(&trusting, observed);
        match hidden.as_ref().and_then(|q| q.first()).map(|c| &c.change) {
            Some(Change::HiddenResponder(authinfo)) => {
                trusting.client.ccdt_authinfo.push(authinfo.clone())
            }
            Some(Change::SupposedCdp(url)) => trusting.supposed_cdp = Some(url.clone()),
            _ => {}
        }
        let mut all = trust;
        all.extend(hidden);
        all.extend(questions(case, &trusting, observed));
        all.extend(key_repository_question(&trusting, observed));
        all.extend(client_version_question(&trusting, observed));
        all.extend(fault_questions(&trusting, observed));
        all.extend(neighbours::cipher_question(&trusting, observed));
        all.extend(neighbours::chlauth_question(&trusting, observed));
        all.extend(neighbours::qm_certificate_question(&trusting, observed));
        all.extend(neighbours::key_repository_question(&trusting, observed));
        all
    };
    // Every combination, up to the budget, in order of total cost (cheapest first).
    let mut combos: Vec<Vec<usize>> = vec![Vec::new()];
    for question in &questions {
        let mut next = Vec::new();
        for combo in &combos {
            for index in 0..question.len() {
                if next.len() >= MAX_HYPOTHESES {
                    break;
                }
                let mut longer = combo.clone();
                longer.push(index);
                next.push(longer);
            }
        }
        combos = next;
    }
    let cost = |combo: &[usize]| -> i32 {
        combo
            .iter()
            .zip(&questions)
            .filter_map(|(i, q)| q.get(*i).map(|c| c.cost))
            .sum()
    };
    combos.sort_by_key(|c| cost(c));
    let base_policies = (
        resolved.client.ssl.ocsp_authentication.value,
        resolved.qm.ssl.ocsp_authentication.value,
    );
    let base_sslcauth = resolved.qm.channel.sslcauth;
    let base_java = resolved.client.java.clone();
    let base_complete = resolved.client.settings_complete;
    let base_dotnet = (
        resolved.client.dotnet.clone(),
        resolved.client.mqcd.peer_name.clone(),
    );
    let base_trust = (resolved.client_trust.clone(), resolved.qm_trust.clone());
    let base_authinfo = resolved.client.ccdt_authinfo.clone();
    let base_version = resolved.client.mq_version;
    struct Tried {
        combo: Vec<usize>,
        score: i32,
        exact: bool,
        diagnosis: Diagnosis,
    }
    let mut tried: Vec<Tried> = Vec::new();
    for combo in combos {
        resolved.supposed.clear();
        resolved.supposed_faults.clear();
        resolved.client.ssl.ocsp_authentication.value = base_policies.0;
        resolved.qm.ssl.ocsp_authentication.value = base_policies.1;
        resolved.qm.channel.sslcauth = base_sslcauth;
        resolved.client.java = base_java.clone();
        resolved.client.settings_complete = base_complete;
        resolved.client.dotnet = base_dotnet.0.clone();
        resolved.client.mqcd.peer_name = base_dotnet.1.clone();
        resolved.client_trust.clone_from(&base_trust.0);
        resolved.qm_trust.clone_from(&base_trust.1);
        resolved.client.ccdt_authinfo.clone_from(&base_authinfo);
        resolved.client.mq_version = base_version;
        for (index, question) in combo.iter().zip(&questions) {
            match question.get(*index).map(|c| &c.change) {
                Some(Change::Answer(supposed)) => resolved.supposed.extend(supposed.clone()),
                Some(Change::Policy(Side::Client, value)) => {
                    resolved.client.ssl.ocsp_authentication.value = *value
                }
                Some(Change::Policy(Side::QueueManager, value)) => {
                    resolved.qm.ssl.ocsp_authentication.value = *value
                }
                Some(Change::SslCauth(value)) => resolved.qm.channel.sslcauth = *value,
                Some(Change::Java(settings)) => resolved.client.java = settings.clone(),
                Some(Change::SettingsComplete) => resolved.client.settings_complete = true,
                Some(Change::Fault(fault)) => resolved.supposed_faults.push(*fault),
                Some(Change::Dotnet(settings, peer)) => {
                    resolved.client.dotnet = settings.clone();
                    if peer.is_some() {
                        resolved.client.mqcd.peer_name = peer.clone();
                    }
                }
                Some(Change::Trust(side, anchor)) => {
                    resolved.trust_mut(*side).push((**anchor).clone())
                }
                Some(Change::HiddenResponder(authinfo)) => {
                    resolved.client.ccdt_authinfo.push(authinfo.clone())
                }
                Some(Change::SupposedCdp(url)) => resolved.supposed_cdp = Some(url.clone()),
                Some(Change::ClientVersion(version)) => resolved.client.mq_version = Some(*version),
                _ => {}
            }
        }
        let diagnosis = predict_resolved(case, &resolved);
        let (fit, exact) = fit(&diagnosis, observed);
        tried.push(Tried {
            score: fit * 2 - cost(&combo),
            combo,
            exact,
            diagnosis,
        });
    }
    // Best fit first; among equals the cheaper (already sorted by cost: a stable sort keeps it).
    tried.sort_by_key(|t| std::cmp::Reverse(t.score));
    let searched = tried.len();
    let mut tried = tried.into_iter();
    let Some(best) = tried.next() else {
        // Not reachable: the empty combination is always tried.
        let diagnosis = predict_resolved(case, &resolved);
        return finish(
            case,
            observed,
            diagnosis,
            Vec::new(),
            Vec::new(),
            0,
            false,
            0,
        );
    };
    let words = |combo: &[usize]| -> Vec<String> {
        combo
            .iter()
            .zip(&questions)
            .filter_map(|(i, q)| q.get(*i))
            .filter(|c| !c.words.is_empty())
            .map(|c| c.words.clone())
            .collect()
    };
    let contradictions: Vec<String> = best
        .combo
        .iter()
        .zip(&questions)
        .filter_map(|(i, q)| q.get(*i).and_then(|c| c.contradicts.clone()))
        .collect();
    let best_summary = summary(&best.diagnosis);
    let mut alternatives: Vec<Alternative> = Vec::new();
    for other in tried {
        if other.score + 3 < best.score || alternatives.len() >= 4 {
            break;
        }
        let text = summary(&other.diagnosis);
        if text == best_summary || alternatives.iter().any(|a| a.summary == text) {
            continue;
        }
        alternatives.push(Alternative {
            summary: text,
            supposes: words(&other.combo),
            score: other.score,
            reason_code: other.diagnosis.outcome.reason_code,
            client_log: log_ids(&other.diagnosis.client_log),
            queue_manager_log: log_ids(&other.diagnosis.queue_manager_log),
        });
    }
    let mut supposes = words(&best.combo);
    // MQCONNX refused its parameters before any TLS: what responders or key repositories would
    // have done does not enter the explanation.
    if best
        .diagnosis
        .lint
        .iter()
        .any(|l| l.reason_code.is_some() && l.reason_code == best.diagnosis.outcome.reason_code)
    {
        supposes = best
            .combo
            .iter()
            .zip(&questions)
            .filter_map(|(i, q)| q.get(*i))
            .filter(|c| {
                // What decides a parameter refusal: the settings themselves.
                matches!(
                    c.change,
                    Change::Policy(..)
                        | Change::Java(_)
                        | Change::SettingsComplete
                        | Change::ClientVersion(_)
                )
            })
            .filter(|c| !c.words.is_empty())
            .map(|c| c.words.clone())
            .collect();
    }
    // A value the customer redacted is unknown: what the diagnosis took it to be is a supposition.
    supposes.extend(
        best.diagnosis
            .lint
            .iter()
            .filter(|l| l.id == "ocsp-url-redacted")
            .map(|l| l.message.clone()),
    );
    // Explanations that fit exactly as well, blaming another side or certificate: the ticket
    // cannot tell them apart, and the cause says so rather than pick one silently.
    let supposes = {
        let mut all = read.taken;
        all.extend(supposes);
        all
    };
    let mut contradictions = contradictions;
    contradictions.extend(read.contradictions);
    let tied = alternatives
        .iter()
        .filter(|a| a.score == best.score)
        .count();
    let mut explained = finish(
        case,
        observed,
        best.diagnosis,
        supposes,
        alternatives,
        best.score,
        best.exact && !observed.is_empty(),
        searched,
    )
    .with_contradictions(contradictions);
    if tied > 0 {
        explained.cause.summary = format!(
            "The ticket cannot tell {} explanations apart (no log or insert decides; see the alternatives). The first: {}",
            tied + 1,
            explained.cause.summary
        );
    }
    explained
}

/// How [`http_error_fix`]'s reason begins: the cause then says no status was had, not that the
/// responder answers unknown.
const HTTP_REFUSAL: &str = "the responder answers HTTP";

/// A responder the side's check found no status at, that answered a hand-made request with an
/// HTTP error status (curl's `< HTTP/1.1 403 Forbidden`): it is reached but refuses the request,
/// so teaching it the certificate fixes nothing; the fix is to let it answer that host.
fn http_error_fix(diagnosis: &mut Diagnosis, observed: &Observations) {
    let refused = diagnosis.revocation.iter().find_map(|r| match &r.finding {
        Finding::Undetermined(Unknown::NotKnown { .. }) => observed
            .tried
            .iter()
            .find(|t| t.side == r.side && t.http_error.is_some()),
        _ => None,
    });
    let Some(tried) = refused.cloned() else {
        return;
    };
    let said = format!(
        "{HTTP_REFUSAL} {} ({} at line {}), not an OCSP response",
        tried.http_error.as_deref().unwrap_or_default(),
        tried.tool,
        tried.line
    );
    for r in &mut diagnosis.revocation {
        if let Finding::Undetermined(Unknown::NotKnown { why }) = &mut r.finding
            && r.side == tried.side
        {
            why.clone_from(&said);
        }
    }
    let host = tried.host.as_deref().unwrap_or(match tried.side {
        Side::Client => "the client's host",
        Side::QueueManager => "the queue manager's host",
    });
    for fix in &mut diagnosis.fixes {
        if fix.title == "Teach the responder the certificate" {
            fix.title = "Let the responder answer".to_owned();
            fix.detail = format!(
                "{} answered {} from {host} with HTTP {} (line {}), not an OCSP response: an access rule on the responder, or a web server or reverse proxy in front of it, refuses the request. Allow OCSP requests (POST with Content-Type application/ocsp-request, or GET) from {host} to that URL, then check with openssl ocsp -url {} that it answers with a signed response.",
                tried.url,
                tried.tool,
                tried.http_error.as_deref().unwrap_or_default(),
                tried.line,
                tried.url
            );
        }
    }
}

/// The message ids of a predicted log, as written.
fn log_ids(log: &[super::predict::LogEntry]) -> Vec<String> {
    log.iter().map(|l| l.id.clone()).collect()
}

/// For each side whose log the ticket does not show, when the best explanation and the others
/// that fit predict different messages there: the log to ask for, and what each content would
/// point to. Explanations are named by their cause (the summary up to its first `:` or `;`).
fn tell_apart(
    observed: &Observations,
    best: (&str, &[String], &[String]),
    alternatives: &[Alternative],
) -> Vec<String> {
    let short = |summary: &str| -> String {
        // A tie says so first ("The ticket cannot tell N explanations apart … The first: …").
        let summary = summary
            .split_once("The first: ")
            .map_or(summary, |(_, first)| first);
        // The first `: `, `; ` or `. ` outside parentheses ends the cause.
        let mut depth = 0usize;
        let bytes = summary.as_bytes();
        let end = bytes
            .iter()
            .enumerate()
            .find(|&(i, byte)| {
                match byte {
                    b'(' => depth += 1,
                    b')' => depth = depth.saturating_sub(1),
                    b':' | b';' | b'.' if depth == 0 => {
                        return bytes.get(i + 1) == Some(&b' ');
                    }
                    _ => {}
                }
                false
            })
            .map_or(summary.len(), |(i, _)| i);
        let cause = summary[..end].trim().trim_end_matches('.');
        // Mid-sentence: "the queue manager …", not "The queue manager …".
        match cause.strip_prefix("The ") {
            Some(rest) => format!("the {rest}"),
            None => cause.to_owned(),
        }
    };
    let mut out = Vec::new();
    for side in [Side::Client, Side::QueueManager] {
        if observed.pasted(side) {
            continue;
        }
        let pick = |client: &[String], qm: &[String]| -> String {
            let ids = match side {
                Side::Client => client,
                Side::QueueManager => qm,
            };
            if ids.is_empty() {
                "nothing".to_owned()
            } else {
                ids.join(" + ")
            }
        };
        // Each distinct content of this log, with the causes that predict it, best first.
        let mut contents: Vec<(String, Vec<String>)> = Vec::new();
        let all = std::iter::once((best.0.to_owned(), pick(best.1, best.2))).chain(
            alternatives
                .iter()
                .map(|a| (a.summary.clone(), pick(&a.client_log, &a.queue_manager_log))),
        );
        for (summary, content) in all {
            let cause = short(&summary);
            match contents.iter_mut().find(|(c, _)| *c == content) {
                Some((_, causes)) if !causes.contains(&cause) => causes.push(cause),
                Some(_) => {}
                None => contents.push((content, vec![cause])),
            }
        }
        if contents.len() < 2 {
            continue;
        }
        let log = match side {
            Side::Client => {
                "the client's error log (AMQERR01.LOG in the client's errors directory, or the application's exception)"
            }
            // A z/OS queue manager keeps no AMQERR01.LOG: its channel initiator writes the CSQX
            // messages to its job log (the xxxxCHIN started task's JESMSGLG).
            Side::QueueManager if contents.iter().any(|(c, _)| c.contains("CSQX")) => {
                "the z/OS channel initiator's job log (JESMSGLG of the xxxxCHIN started task, where its CSQX messages are written) from the time of the attempt"
            }
            Side::QueueManager => {
                "the queue manager's error log (AMQERR01.LOG in the queue manager's errors directory) from the time of the attempt"
            }
        };
        let meanings: Vec<String> = contents
            .iter()
            .map(|(content, causes)| format!("{content}: {}", causes.join(" or ")))
            .collect();
        out.push(format!("Ask for {log}: {}", meanings.join("; ")));
    }
    out
}

impl Explanation {
    fn with_contradictions(mut self, mut more: Vec<String>) -> Self {
        more.append(&mut self.contradictions);
        self.contradictions = more;
        self
    }
}

#[allow(clippy::too_many_arguments)]
fn finish(
    case: &Case,
    observed: &Observations,
    diagnosis: Diagnosis,
    supposes: Vec<String>,
    alternatives: Vec<Alternative>,
    score: i32,
    matches_observed: bool,
    searched: usize,
) -> Explanation {
    let mut diagnosis = diagnosis;
    http_error_fix(&mut diagnosis, observed);
    let mut contradictions = Vec::new();
    // A failure said only in words: a predicted connection is no answer to it.
    if let Some(line) = observed.failed_in_words.first()
        && diagnosis.outcome.connected
        && observed.reasons.iter().all(|r| r.code == 0)
    {
        contradictions.push(format!(
            "the ticket says the connection fails (line {line}) but shows no reason code or error log that says how: the best explanation, from the configuration alone, predicts a connection; ask for the application's reason code and both sides' AMQERR01.LOG from the time of an attempt"
        ));
    }
    if !observed.is_empty() && !matches_observed {
        for side in [Side::Client, Side::QueueManager] {
            if !observed.pasted(side) {
                continue;
            }
            let seen = observed.ids(side);
            let log = match side {
                Side::Client => &diagnosis.client_log,
                Side::QueueManager => &diagnosis.queue_manager_log,
            };
            let predicted: Vec<String> = log.iter().map(|l| base(&l.id)).collect();
            let unexplained: Vec<&String> =
                seen.iter().filter(|id| !predicted.contains(id)).collect();
            if !unexplained.is_empty() {
                contradictions.push(format!(
                    "{} log shows {} which no explanation of this case predicts: the configuration or certificates pasted may not be the ones in use",
                    match side {
                        Side::Client => "the client's",
                        Side::QueueManager => "the queue manager's",
                    },
                    unexplained
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        if let Some(reason) = observed.reasons.last()
            && diagnosis.outcome.reason_code.unwrap_or(0) != reason.code
        {
            contradictions.push(format!(
                "the ticket shows reason code {} (line {}), but the best explanation predicts {}{}",
                reason.code,
                reason.line,
                diagnosis
                    .outcome
                    .reason_code
                    .map_or_else(|| "a connection".to_owned(), |c| c.to_string()),
                // The client's reason for a refusal by the channel's SSLPEER is an assumption
                // mqocsp has not verified: the ticket's code is likelier than the model's.
                if diagnosis
                    .assumptions
                    .iter()
                    .any(|a| a.id == "qm-sslpeer-client-reason")
                {
                    ", a reason code mqocsp assumes without an IBM source for the C client (see the assumptions): the ticket's code is the better evidence"
                } else {
                    ""
                }
            ));
        }
    }
    let cause = cause(&diagnosis, observed);
    let tell_apart = tell_apart(
        observed,
        (
            &cause.summary,
            &log_ids(&diagnosis.client_log),
            &log_ids(&diagnosis.queue_manager_log),
        ),
        &alternatives,
    );
    Explanation {
        cause,
        observed: observed.clone(),
        matches_observed,
        supposes,
        alternatives,
        contradictions,
        tell_apart,
        client_kind: case.client.kind.unwrap_or_default().word(),
        score,
        searched,
        diagnosis,
    }
}

/// The decisive failing step of a prediction and the side it belongs to.
fn decisive(diagnosis: &Diagnosis) -> Option<&crate::verify::trace::Step> {
    diagnosis
        .steps
        .iter()
        .find(|s| s.outcome == Outcome::Fail && s.id != "mq.observed")
}

fn side_of_step(id: &str) -> Option<Side> {
    // A missing client certificate is the queue manager's refusal (SSLCAUTH, SSLPEER).
    if id == "mq.client_certificate" {
        return Some(Side::QueueManager);
    }
    if id.starts_with("mq.client")
        || id.starts_with("java.")
        || id.starts_with("dotnet.")
        || id == "mq.connx"
        || id == "mq.sni"
    {
        Some(Side::Client)
    } else if id.starts_with("mq.qm") {
        Some(Side::QueueManager)
    } else {
        None
    }
}

/// One sentence for the ticket.
fn summary(diagnosis: &Diagnosis) -> String {
    let outcome = &diagnosis.outcome;
    let logs = |ids: &[String]| {
        if ids.is_empty() {
            "nothing".to_owned()
        } else {
            ids.join(", ")
        }
    };
    let result = match outcome.reason_code {
        Some(code) => format!(
            "MQCONNX fails with {code} {} (client log: {}; queue manager log: {})",
            outcome.reason_name.clone().unwrap_or_default(),
            logs(&outcome.client_log),
            logs(&outcome.queue_manager_log)
        ),
        None => format!(
            "MQCONNX connects (client log: {}; queue manager log: {})",
            logs(&outcome.client_log),
            logs(&outcome.queue_manager_log)
        ),
    };
    let policy_step = |side: Side| {
        let id = match side {
            Side::Client => "mq.client_policy",
            Side::QueueManager => "mq.qm_policy",
        };
        diagnosis
            .steps
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.outcome)
    };
    // A revocation finding that refused the connection or warned about it decides the story.
    let library = refusing_library(diagnosis);
    let decisive = diagnosis.revocation.iter().find(|r| {
        matches!(policy_step(r.side), Some(Outcome::Fail | Outcome::Warn))
            || matches!(r.finding, Finding::Revoked { .. })
            || library.is_some()
    });
    if let Some(r) = decisive {
        let (who, whose) = side_words(r.side);
        let whose = if r.ca {
            match r.side {
                Side::Client => "a CA certificate of the queue manager's chain",
                Side::QueueManager => "a CA certificate of the client's chain",
            }
        } else {
            whose
        };
        let name = &r.short_name;
        // The client's library speaks for the client only (the queue manager's checks are
        // GSKit's or OpenSSL's).
        let library = library.filter(|_| r.side == Side::Client);
        let text = match &r.finding {
            Finding::Revoked { url } => format!(
                "{whose} ({name}) is revoked: {url} says so, and {who} refuses a revoked certificate{}",
                match library {
                    Some(library) => format!(" ({library})"),
                    None => " under any OCSPAuthentication".to_owned(),
                }
            ),
            Finding::Undetermined(unknown) => {
                // A source the revocation step says is a CRL distribution point is named so.
                let source = |url: &str| {
                    let crl = format!("{url} (from the certificate's CRL distribution point");
                    if diagnosis.steps.iter().any(|s| s.explanation.contains(&crl)) {
                        "the CRL distribution point"
                    } else {
                        "the OCSP responder"
                    }
                };
                let why = match unknown {
                    Unknown::Unreachable { url } => format!(
                        "{who} cannot reach {} {url} to check {whose} ({name})",
                        source(url)
                    ),
                    Unknown::NoEvidence { url } => format!(
                        "{who} gets no answer from {} {url} about {whose} ({name}) (nothing in the case says it answers)",
                        source(url)
                    ),
                    Unknown::NotKnown { why } if why.starts_with(HTTP_REFUSAL) => {
                        format!("{who} gets no revocation status for {whose} ({name}): {why}")
                    }
                    Unknown::NotKnown { why } => {
                        format!("the OCSP responder answers unknown about {whose} ({name}): {why}")
                    }
                    Unknown::Unverifiable { why } => format!(
                        "{who} cannot rely on the OCSP responder's answer about {whose} ({name}): {why}"
                    ),
                };
                let policy = if let Some(library) = library {
                    match library {
                        "JSSE" => {
                            "with revocation checking on, JSSE refuses a certificate whose revocation status it cannot determine"
                        }
                        _ => {
                            "with SSLCertRevocationCheck on, SslStream refuses a certificate whose revocation status it cannot determine (chain status RevocationStatusUnknown)"
                        }
                    }
                } else if policy_step(r.side) == Some(Outcome::Warn) {
                    "OCSPAuthentication=WARN lets the connection continue with a warning"
                } else {
                    "OCSPAuthentication=REQUIRED refuses a certificate whose revocation status is unknown"
                };
                format!("{why}; {policy}")
            }
        };
        let why_this_responder = if r.side == Side::Client {
            ignored_responder(diagnosis)
        } else {
            String::new()
        };
        return format!("{}{why_this_responder}. {result}.", capitalise(&text));
    }
    let failed = diagnosis
        .steps
        .iter()
        .find(|s| s.outcome == Outcome::Fail && s.id != "mq.observed");
    // A Java client that checks no revocation connects whatever the responders say.
    let unchecked = diagnosis.steps.iter().find(|s| {
        ((s.id == "java.revocation" || s.id == "dotnet.revocation") && s.outcome == Outcome::Skip)
            || (s.id == "dotnet.validation" && s.outcome == Outcome::Warn)
    });
    if let (None, Some(step)) = (failed, unchecked) {
        let ignored = diagnosis
            .steps
            .iter()
            .find(|s| s.id == "java.ignored" || s.id == "dotnet.ignored")
            .map(|s| format!(" {}", trim_period(&s.explanation)))
            .unwrap_or_default();
        let mut text = format!(
            "{result}: {}.",
            trim_period(&step.explanation).replacen("com.sun", "the JVM's com.sun", 1)
        );
        if !ignored.is_empty() {
            text.push_str(&ignored);
            text.push('.');
        }
        return text;
    }
    match failed {
        Some(step) if outcome.connected => format!(
            "{result}, although {}: the policy in force accepts that.",
            trim_period(&step.explanation)
        ),
        Some(step) => {
            // A step that already ends in the outcome ("… and MQCONNX fails with 2035") leaves it
            // to the result sentence, which also names the logs.
            let mut cause = trim_period(&step.explanation);
            if let Some(code) = outcome.reason_code {
                let said = format!("MQCONNX fails with {code}");
                if let Some(kept) = cause.strip_suffix(&said) {
                    cause = kept
                        .trim_end()
                        .trim_end_matches(" and")
                        .trim_end_matches(',')
                        .trim_end()
                        .to_owned();
                } else if cause.contains(&said)
                    && let Some(logs) = result.find("(client log:").map(|at| &result[at..])
                {
                    // The step said the outcome in its own words: only the logs are added.
                    return format!("{} {logs}.", capitalise(&cause));
                }
            }
            format!("{}. {result}.", capitalise(&cause))
        }
        None => format!("Both sides accept each other's certificates. {result}."),
    }
}

/// The TLS library of a Java or managed .NET client that refused the queue manager's
/// certificate, when one did (its refusal is not an OCSPAuthentication policy).
fn refusing_library(diagnosis: &Diagnosis) -> Option<&'static str> {
    // 2397 is JSSE's revocation verdict only when JSSE's revocation check is what failed (a
    // refused CipherSpec also ends a Java client with 2397).
    if diagnosis.outcome.reason_code == Some(2397)
        && decisive(diagnosis).is_some_and(|s| s.id == "java.revocation")
    {
        return Some("JSSE");
    }
    diagnosis
        .steps
        .iter()
        .any(|s| s.id.starts_with("dotnet.") && s.outcome == Outcome::Fail)
        .then_some("SslStream")
}

/// Why the client asks the responder it asks, when the application named another that MQ
/// ignores: a version 1 first MQAIR (no OCSPResponderURL field), an MQCNO below version 4 (no
/// MQSCO at all). Said in the cause, since that is what the customer must change.
fn ignored_responder(diagnosis: &Diagnosis) -> String {
    let has = |id: &str| diagnosis.lint.iter().any(|l| l.id == id);
    if has("mqcno-version") {
        " (the MQAIR's OCSPResponderURL is not used: MQCNO is below version 4, so the MQSCO and its MQAIR records are ignored)".into()
    } else if has("mqair-version-1") {
        " (the OCSPResponderURL the application sets is not used: the first MQAIR is version 1, which has no such field, and only the first MQAIR counts for OCSP)".into()
    } else {
        String::new()
    }
}

fn trim_period(text: &str) -> String {
    text.trim().trim_end_matches('.').to_owned()
}

fn capitalise(text: &str) -> String {
    // A sentence may start with a URL or a configuration value: those keep their case.
    if text.starts_with("http") || !text.starts_with(|c: char| c.is_ascii_lowercase()) {
        return text.to_owned();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn cause(diagnosis: &Diagnosis, observed: &Observations) -> Cause {
    let step = decisive(diagnosis);
    let side = step.and_then(|s| side_of_step(s.id));
    let mut certificates: Vec<String> = diagnosis
        .steps
        .iter()
        .filter(|s| s.outcome == Outcome::Fail && !s.subject.is_empty())
        .filter(|s| {
            // MQ's own steps (`mq.client_revocation`) and a Java or .NET client's
            // (`java.revocation`, `dotnet.chain`).
            ["_revocation", "_chain", "_policy", ".revocation", ".chain"]
                .iter()
                .any(|end| s.id.ends_with(end))
        })
        .map(|s| s.subject.clone())
        .collect();
    certificates.dedup();
    // In the form the log shows them, as the fit compares them (a .NET refusal's closed
    // connection in place of its alert).
    let predicted = |side: Side| -> Vec<String> {
        let ids = match side {
            Side::Client => &diagnosis.client_log,
            Side::QueueManager => &diagnosis.queue_manager_log,
        }
        .iter()
        .map(|l| base(&l.id))
        .collect();
        let seen = observed.ids(side);
        super::java::comparable(super::dotnet::comparable(ids, &seen), &seen)
    };
    let mut evidence: Vec<String> = observed
        .messages
        .iter()
        .filter(|m| predicted(m.side).contains(&base(&m.id)))
        .map(|m| {
            format!(
                "line {}: {} in the {} log{}",
                m.line,
                m.id,
                match m.side {
                    Side::Client => "client's",
                    Side::QueueManager => "queue manager's",
                },
                m.certificate
                    .as_ref()
                    .map(|c| format!(" about '{c}'"))
                    .unwrap_or_default()
                    + &m.detail
                        .as_ref()
                        .map(|d| format!(": {}", d.words()))
                        .unwrap_or_default()
            )
        })
        .collect();
    evidence.extend(
        observed
            .reasons
            .iter()
            .filter(|r| diagnosis.outcome.reason_code.unwrap_or(0) == r.code)
            .map(|r| {
                if r.code == 0 {
                    format!("line {}: the connection works", r.line)
                } else {
                    format!("line {}: reason code {}", r.line, r.code)
                }
            }),
    );
    // s_client's verdict on the chain, when the cause is the client's chain.
    if let Some((line, printed)) = &observed.chain_unverified
        && step.is_some_and(|s| s.id == "mq.client_chain")
    {
        evidence.push(format!(
            "line {line}: openssl s_client, run with a CA file, printed '{printed}'"
        ));
    }
    // openssl verify's, when the cause is the chain of the certificate it checked.
    if let Some((side, line, printed)) = &observed.verify_unverified
        && step.is_some_and(|s| {
            s.id == match side {
                Side::Client => "mq.client_chain",
                Side::QueueManager => "mq.qm_chain",
            }
        })
    {
        evidence.push(format!(
            "line {line}: openssl verify, run with a CA file, printed '{printed}'"
        ));
    }
    // A responder tried by hand from the host of the side whose check is undetermined, when it
    // is the responder that check asked (a stand-in's responder stands for any).
    let stand_in_responders = [
        super::examples::SERVER_RESPONDER,
        super::examples::CLIENT_RESPONDER,
    ];
    let asked_it = |t: &&Tried| {
        diagnosis.revocation.iter().any(|r| {
            r.side == t.side
                && match &r.finding {
                    Finding::Undetermined(
                        Unknown::Unreachable { url } | Unknown::NoEvidence { url },
                    ) => {
                        same_endpoint(&t.url, url)
                            || stand_in_responders.iter().any(|s| same_endpoint(s, url))
                    }
                    Finding::Undetermined(_) => true,
                    Finding::Revoked { .. } => false,
                }
        })
    };
    evidence.extend(observed.tried.iter().filter(asked_it).map(|t| {
        let host = t.host.as_deref().unwrap_or(match t.side {
            Side::Client => "the client's host",
            Side::QueueManager => "the queue manager's host",
        });
        let target = if t.exact_url {
            t.url.clone()
        } else {
            t.url
                .trim_start_matches("http://")
                .trim_end_matches('/')
                .to_owned()
        };
        match &t.error {
            Some(error) => format!(
                "line {}: {} from {host} could not reach {target}: {error}",
                t.line, t.tool
            ),
            None => match &t.http_error {
                Some(status) => format!(
                    "line {}: {} from {host} reached {target}, which answered HTTP {status}, not an OCSP response",
                    t.line, t.tool
                ),
                None => format!("line {}: {} from {host} reached {target}", t.line, t.tool),
            },
        }
    }));
    evidence.extend(observed.ocsp_text.iter().filter(|t| t.from_crl).map(|t| {
        format!(
            "line {}: openssl verify -crl_check printed '{}' for serial {} (the CA's CRL)",
            t.line,
            if t.status == Supposed::Revoked {
                "certificate revoked"
            } else {
                "OK"
            },
            t.serial
        )
    }));
    evidence.extend(observed.ocsp_text.iter().filter(|t| !t.from_crl).map(|t| {
        format!(
            "line {}: openssl ocsp printed '{}' for serial {}{}",
            t.line,
            match (&t.responder_error, t.status) {
                (Some(error), _) => format!("Responder Error: {error}"),
                (None, Supposed::Good) => "good".into(),
                (None, Supposed::Revoked) => "revoked".into(),
                (None, Supposed::Unknown) => "unknown".into(),
                (None, Supposed::Unreachable) => "no answer".into(),
                (None, Supposed::Unverifiable) => "an answer it cannot verify".into(),
            },
            t.serial,
            if t.verify_failed {
                ", but could not verify the response (Response Verify Failure): MQ cannot rely on it either"
            } else {
                ""
            }
        )
    }));
    Cause {
        summary: summary(diagnosis),
        side: if diagnosis.outcome.connected {
            None
        } else {
            side
        },
        certificates,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mq::examples::example;

    fn observed(client: &str, qm: &str, reason: Option<u32>) -> Observations {
        let mut o = Observations::default();
        o.add_log(Side::Client, client, 1);
        o.add_log(Side::QueueManager, qm, 100);
        if let Some(code) = reason {
            o.add_reason(code, 1);
        }
        o
    }

    /// A z/OS queue manager keeps no AMQERR01.LOG: when the explanations differ in its
    /// CSQX messages, the engineer asks for its channel initiator's job log.
    #[test]
    fn zos_queue_manager_log_is_asked_for_as_the_chinit_job_log() {
        let mut o = Observations::default();
        o.add_log(Side::Client, "AMQ9665E", 1);
        let other = Alternative {
            summary: "The queue manager's certificate is revoked".to_owned(),
            supposes: vec![],
            score: 0,
            reason_code: Some(2393),
            client_log: vec!["AMQ9665E".to_owned()],
            queue_manager_log: vec!["CSQX642E".to_owned()],
        };
        let asks = tell_apart(
            &o,
            (
                "The chain does not validate",
                &["AMQ9665E".to_owned()],
                &["CSQX633E".to_owned()],
            ),
            &[other],
        )
        .join(" ");
        assert!(asks.contains("channel initiator"), "{asks}");
        assert!(!asks.contains("AMQERR01.LOG"), "{asks}");
    }

    /// The seed's case with nothing known of either responder.
    fn open_case() -> Case {
        let mut case = example("good").unwrap_or_else(|| unreachable!());
        case.responders.clear();
        case
    }

    #[test]
    fn a_client_amq9716_with_2393_is_the_clients_responder_unreachable() {
        let e = explain(
            &open_case(),
            &observed(
                "AMQ9716E: Remote SSL certificate revocation status check failed for channel 'PL81N.MQICHL'.",
                "",
                Some(2393),
            ),
        );
        assert_eq!(e.diagnosis.outcome.reason_code, Some(2393));
        assert_eq!(e.diagnosis.outcome.client_log, ["AMQ9716E"]);
        assert!(e.matches_observed, "{:?}", e.cause);
        assert_eq!(e.cause.side, Some(Side::Client));
        assert!(
            e.supposes.iter().any(|s| s.contains("cannot be reached")),
            "{:?}",
            e.supposes
        );
        // "answers unknown" fits the same logs: it is listed as an alternative.
        assert!(
            e.alternatives
                .iter()
                .any(|a| a.supposes.iter().any(|s| s.contains("unknown"))),
            "{:?}",
            e.alternatives
        );
    }

    /// A C client that logs AMQ9642 itself sent no certificate: with no certificate pasted, the
    /// stand-ins must not give it one (ticket 105: the customer blamed OCSP).
    #[test]
    fn a_c_clients_own_amq9642_without_certificates_is_no_client_certificate() {
        let e = explain(
            &Case::new("ticket 105", "2026-12-01T05:10:02Z"),
            &observed(
                "AMQ9642E: No SSL or TLS certificate for channel 'ORDERS.SVRCONN'.",
                "AMQ9637E: Channel is lacking a certificate.",
                Some(2393),
            ),
        );
        assert!(e.matches_observed, "{:?}", e.cause);
        assert!(
            e.cause.summary.contains("no certificate to send"),
            "{}",
            e.cause.summary
        );
        // The fix names the label a C client looks its certificate up by (none configured: the
        // default).
        assert!(
            e.diagnosis
                .fixes
                .iter()
                .any(|f| f.detail.contains("labelled 'ibmwebspheremq<user>'")),
            "{:?}",
            e.diagnosis.fixes
        );
    }

    #[test]
    fn a_queue_manager_amq9633_is_the_client_certificate_revoked() {
        let e = explain(
            &open_case(),
            &observed(
                "AMQ9665E: SSL connection closed by remote end of channel 'PL81N.MQICHL'.",
                "AMQ9633: Bad SSL certificate for channel '????'.",
                Some(2393),
            ),
        );
        assert_eq!(e.cause.side, Some(Side::QueueManager));
        assert!(e.matches_observed);
        assert!(
            e.cause
                .summary
                .contains("www.pulsarintegration.PL921WC.com"),
            "{}",
            e.cause.summary
        );
        assert!(e.cause.summary.contains("revoked"), "{}", e.cause.summary);
    }

    #[test]
    fn a_stated_policy_that_the_logs_contradict_is_said_plainly() {
        let mut case = open_case();
        case.client.mqclient_ini = "SSL:\n  OCSPAuthentication=WARN\n".into();
        let e = explain(
            &case,
            &observed(
                "AMQ9716E: Remote SSL certificate revocation status check failed for channel 'PL81N.MQICHL'.",
                "",
                Some(2393),
            ),
        );
        assert_eq!(e.diagnosis.outcome.reason_code, Some(2393));
        assert!(
            e.contradictions
                .iter()
                .any(|c| c.contains("mqclient.ini pasted says OCSPAuthentication=WARN")),
            "{:?}",
            e.contradictions
        );
    }

    #[test]
    fn a_supposition_against_the_printed_answer_says_so() {
        let mut o = observed(
            "AMQ9716E: Remote SSL certificate revocation status check failed for channel 'PL81N.MQICHL'.",
            "",
            Some(2393),
        );
        let case = open_case();
        let serial = case
            .resolve()
            .qm_cert
            .map(|c| c.serial)
            .unwrap_or_else(|| unreachable!());
        o.add_openssl_text(
            &format!(
                "OCSP Response Data:\n    OCSP Response Status: successful (0x0)\n    Response Type: Basic OCSP Response\n    Responses:\n    Certificate ID:\n      Hash Algorithm: sha1\n      Issuer Name Hash: 00\n      Issuer Key Hash: 00\n      Serial Number: {serial}\n    Cert Status: good\n    This Update: Nov 30 18:00:00 2026 GMT\n"
            ),
            40,
        );
        assert_eq!(o.ocsp_text.len(), 1, "{:?}", o.ocsp_text);
        let e = explain(&case, &o);
        assert!(
            e.supposes
                .iter()
                .any(|s| s.contains("against what openssl ocsp printed at line 44")),
            "{:?}",
            e.supposes
        );
    }

    #[test]
    fn an_unknown_answer_says_where_it_comes_from() {
        let case = open_case();
        let mut resolved = case.resolve();
        let cert = resolved.qm_cert.clone().unwrap_or_else(|| unreachable!());
        let url = super::super::revocation::candidate_urls(&resolved, Side::Client, &cert)
            .first()
            .map(|(url, _)| url.clone())
            .unwrap_or_else(|| unreachable!());
        for (origin, words) in [
            (
                Origin::Search,
                "supposed by the diagnosis: the ticket does not show its answer",
            ),
            (
                Origin::Printed(7),
                "as the openssl ocsp output at line 7 shows",
            ),
            (
                Origin::AgainstPrinted(7),
                "supposed by the diagnosis, against what the openssl ocsp output at line 7 shows",
            ),
        ] {
            resolved.supposed = vec![Supposition {
                url: url.clone(),
                certificate: Some(cert.fingerprints.sha256.clone()),
                answer: Supposed::Unknown,
                origin,
            }];
            let check = check_side(&resolved, Side::Client, std::slice::from_ref(&cert));
            match &check.unknown {
                Some((_, Unknown::NotKnown { why })) => assert!(why.contains(words), "{why}"),
                other => panic!("{other:?}"),
            }
            // Only an answer taken from the openssl output is one the check relies on it for.
            assert_eq!(
                check.printed,
                origin.printed().into_iter().collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn without_observations_the_prediction_stands_alone() {
        let case = example("server-revoked").unwrap_or_else(|| unreachable!());
        let e = explain(&case, &Observations::default());
        assert_eq!(e.searched, 1);
        assert_eq!(e.diagnosis, crate::mq::predict::predict(&case));
        assert!(!e.matches_observed);
    }

    #[test]
    fn printed_openssl_output_decides_between_unknown_and_unreachable() {
        let mut o = observed(
            "AMQ9716E: Remote SSL certificate revocation status check failed for channel 'PL81N.MQICHL'.",
            "",
            Some(2393),
        );
        o.add_openssl_text(
            "OCSP Response Data:\n    OCSP Response Status: successful (0x0)\n    Response Type: Basic OCSP Response\n    Responses:\n    Certificate ID:\n      Hash Algorithm: sha1\n      Issuer Name Hash: 00\n      Issuer Key Hash: 00\n      Serial Number: 01\n    Cert Status: unknown\n    This Update: Nov 30 18:00:00 2026 GMT\n",
            40,
        );
        assert_eq!(o.ocsp_text.len(), 1, "{:?}", o.ocsp_text);
        let e = explain(&open_case(), &o);
        assert!(
            e.cause.summary.contains("answers unknown"),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause
                .evidence
                .iter()
                .any(|l| l.contains("printed 'unknown'"))
        );
        assert!(
            !e.supposes.iter().any(|s| s.contains("answers unknown")),
            "printed, not supposed: {:?}",
            e.supposes
        );
    }

    #[test]
    fn a_2393_with_the_channels_sslpeer_refusing_keeps_the_cause_and_says_the_code_is_assumed() {
        let case = example("channel-sslpeer-mismatch").unwrap_or_else(|| unreachable!());
        let e = explain(
            &case,
            &observed(
                "",
                "AMQ9636E: SSL distinguished name does not match peer name, channel 'PL81N.MQICHL'.",
                Some(2393),
            ),
        );
        assert!(e.cause.summary.contains("SSLPEER"), "{}", e.cause.summary);
        assert!(
            e.contradictions
                .iter()
                .any(|c| c.contains("2393")
                    && c.contains("the ticket's code is the better evidence")),
            "{:?}",
            e.contradictions
        );
    }

    #[test]
    fn the_search_stays_within_its_budget() {
        let e = explain(&open_case(), &observed("AMQ9717E: x", "AMQ9717: y", None));
        assert!(e.searched <= MAX_HYPOTHESES);
        assert!(e.searched > 1);
    }
}
