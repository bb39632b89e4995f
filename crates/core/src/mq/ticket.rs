//! A ticket as sent: an e-mail with both sides' error log entries, configuration, certificates and
//! prose, pasted whole. Reading it builds a case (everything filed where it belongs, each error
//! log entry on the side its header names) and the observations the diagnosis starts from:
//! the messages each side logged and the reason codes the ticket quotes, with their lines.

use super::case::Case;
use super::codes::{Lookup, lookup};
use super::explain::{Explanation, Observations, explain};
use super::revocation::Side;
use crate::decode::decode;
use crate::timestamp::Timestamp;
use serde::Serialize;

/// One error log entry found in the ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The side it belongs to.
    pub side: Side,
    /// Why that side: the header field or wording that says so.
    pub side_reason: String,
    /// 1-based first and last line in the ticket.
    pub lines: (usize, usize),
    /// The MQ version its header names (`VRMF(9.3.0.5)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vrmf: Option<String>,
    /// The host its header names (`Host(app9)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

/// A ticket read.
#[derive(Clone, Debug, Serialize)]
pub struct Ticket {
    /// The case built from it.
    pub case: Case,
    /// What was observed.
    pub observed: Observations,
    /// The error log entries, with their sides.
    pub entries: Vec<Entry>,
    /// What was filed where, in words.
    pub filed: Vec<String>,
    /// Line spans no reader took (prose, or something mqocsp does not read), outside PEM blocks.
    pub unread: Vec<(usize, usize)>,
    /// How many objects (certificates, OCSP responses, CRLs) were decoded from the text.
    pub decoded_objects: usize,
}

/// `11/30/2026 04:40:12 PM - Process(…)`, `2026/11/30 16:40:12 - プロセス(…)`: where an
/// AMQERR01.LOG entry begins, as the error log reader decides it. Application logs that start
/// with a date (Spring, log4j, `[2026/11/30 …] MQCONNX`) have no header fields.
fn is_entry_header(line: &str) -> bool {
    super::errlog::entry_header(unquote(line).trim()).is_some()
}

/// An AMQERR01.json line: one JSON object with IBM's `ibm_messageId` (IBM, "Diagnostic message
/// service JSON format"; the JSON log's fields are read by the error log reader).
fn is_json_entry(line: &str) -> bool {
    let text = unquote(line).trim();
    text.starts_with('{')
        && text.ends_with('}')
        && text.to_ascii_lowercase().contains("\"ibm_messageid\"")
}

/// A line of the IBM MQ container's console log (`LOG_FORMAT=basic`, as `oc logs` prints it): an
/// entry of its own, with the side and reason the error log reader gives it (the queue manager's).
fn console_entry(line: &str) -> Option<(Side, String)> {
    if !line.contains("AMQ") {
        return None;
    }
    let facts = super::errlog::LogFacts::parse(unquote(line));
    let m = facts.messages.first().filter(|m| {
        matches!(
            m.form,
            super::errlog::EntryForm::Console | super::errlog::EntryForm::Shipped
        )
    })?;
    Some((m.side?, m.side_reason.clone()?))
}

/// A line without e-mail quoting (`> `, `>> `), as every reader strips it.
fn unquote(line: &str) -> &str {
    line.get(super::quote::quote_prefix(line)..).unwrap_or(line)
}

/// The header fields of an entry (its date line and the field lines before its message), read
/// by the error log reader's rules (English names; a value broken over lines joined).
fn header_of(body: &str) -> Vec<(String, String)> {
    super::errlog::LogFacts::parse(body)
        .messages
        .first()
        .map(|m| {
            [
                ("QMgr", m.qmgr.clone()),
                ("Program", m.program.clone()),
                ("VRMF", m.vrmf.clone()),
                ("Host", m.host.clone()),
            ]
            .into_iter()
            .filter_map(|(n, v)| v.map(|v| (n.to_owned(), v)))
            .collect()
        })
        .unwrap_or_else(|| {
            body.lines()
                .next()
                .and_then(super::errlog::entry_header)
                .map(|(_, fields)| fields)
                .unwrap_or_default()
        })
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.trim())
}

/// Which side wrote an entry, from its header; `hint` is what the prose around it says.
fn side_of(header: &[(String, String)], body: &str, hint: Option<Side>) -> (Side, String) {
    // The header decides as the error log reader decides it (QMgr, a queue manager program).
    if let Some(decided) = super::errlog::side_of(field(header, "QMgr"), field(header, "Program")) {
        return decided;
    }
    // An OpenSSL queue manager (HPE NonStop) writes message ids without a severity letter.
    if body.lines().any(|l| {
        let t = unquote(l).trim_start();
        t.starts_with("AMQ")
            && t.get(7..8) == Some(":")
            && t.get(3..7)
                .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()))
    }) && hint != Some(Side::Client)
    {
        return (
            Side::QueueManager,
            "its message ids carry no severity letter, as an OpenSSL queue manager writes them"
                .into(),
        );
    }
    match hint {
        Some(side) => (
            side,
            "the ticket's text before it says whose log it is".into(),
        ),
        None => (
            Side::Client,
            "nothing says whose log it is: taken as the client's".into(),
        ),
    }
}

/// What a line of prose says about whose log follows.
fn hint_of(line: &str) -> Option<Side> {
    let lower = unquote(line).to_ascii_lowercase();
    // Log and program output lines name queue managers too; only prose says whose log follows.
    let output = [
        "amq", "mqconn", "qmgr:", "process(", "[20", "reasoncd", "host(",
    ];
    if lower.chars().count() > 200 || output.iter().any(|w| lower.contains(w)) {
        return None;
    }
    // English and the Japanese words for the same (キュー・マネージャー queue manager, サーバー
    // server, クライアント client, アプリ application).
    const QM: &[&str] = &[
        "queue manager",
        "qmgr",
        "server side",
        "qm log",
        "qm side",
        "mq server",
        "キュー・マネージャー",
        "キューマネージャー",
        "キュー・マネージャ",
        "サーバー側",
        "サーバ側",
    ];
    const CLIENT: &[&str] = &[
        "client",
        "application",
        "app side",
        "app log",
        "クライアント",
        "アプリ",
    ];
    // The first word that names a side decides ("the client's queue manager…").
    let first = |words: &[&str]| words.iter().filter_map(|w| lower.find(w)).min();
    match (first(QM), first(CLIENT)) {
        (Some(_), None) => Some(Side::QueueManager),
        (None, Some(_)) => Some(Side::Client),
        (Some(q), Some(c)) => Some(if q < c {
            Side::QueueManager
        } else {
            Side::Client
        }),
        (None, None) => None,
    }
}

/// Whose machine a sentence says a command ran on: the side named after its last "on" or
/// "from" ("the app team ran it on the queue manager host"), else the first side it names.
fn machine_of(line: &str) -> Option<Side> {
    let lower = format!(" {}", unquote(line).to_ascii_lowercase());
    [" on ", " from "]
        .iter()
        .filter_map(|w| lower.rfind(w).map(|at| at + w.len()))
        .max()
        .and_then(|at| lower.get(at..))
        .and_then(hint_of)
        .or_else(|| hint_of(line))
}

/// Opening minus closing parentheses in `text` (full-width ones too, as a Japanese log writes
/// them).
fn paren_depth(text: &str) -> i32 {
    text.chars().fold(0, |d, c| match c {
        '(' | '（' => d + 1,
        ')' | '）' => d - 1,
        _ => d,
    })
}

/// Whether `text` starts with a message id (`AMQ9716E:`, `AMQ9716:`): the first line of an
/// error-log entry's message.
fn is_message_line(text: &str) -> bool {
    text.starts_with("AMQ")
        && text
            .get(3..7)
            .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a message id is a command's answer (runmqsc DISPLAY output), not a log entry.
fn is_command_output(id: &str) -> bool {
    id.starts_with("AMQ8")
}

/// Reason codes quoted in prose: `2393`, `MQRC_SSL_INITIALIZATION_ERROR`, `RC=2393`,
/// `reason code 2393`, `ReasonCd=2393`, `(2393)`.
fn reason_codes(line: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let text = unquote(line);
    for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        if word.starts_with("MQRC_")
            && let Some(Lookup::Reason(rc)) = lookup(word)
        {
            out.push(rc.code);
        }
    }
    let lower = text.to_ascii_lowercase();
    let near_reason = [
        "reason",
        "rc=",
        "rc ",
        "mqrc",
        "reasoncd",
        "mqconn",
        "fails with",
        "failed with",
        "error ",
        "stopped",
        "returns",
        "returned",
        "gets ",
        "got ",
        "getting ",
        "reports ",
        "reported ",
    ];
    for (index, word) in text.split(|c: char| !c.is_ascii_digit()).enumerate() {
        let _ = index;
        if word.len() != 4 {
            continue;
        }
        let Ok(code) = word.parse::<u32>() else {
            continue;
        };
        if !(2000..=2999).contains(&code) && !(6100..=6999).contains(&code) {
            continue;
        }
        if !matches!(lookup(word), Some(Lookup::Reason(_))) {
            continue;
        }
        let Some(at) = lower.find(word) else { continue };
        let before = lower.get(at.saturating_sub(40)..at).unwrap_or_default();
        let after = lower
            .get(at..(at + 30).min(lower.len()))
            .unwrap_or_default();
        if near_reason.iter().any(|w| before.contains(w)) || after.contains("mqrc_") {
            out.push(code);
        }
    }
    // Hexadecimal, as `mqrc` prints it (`0x00000959`) or IBM's reason-code pages write it
    // (`2393 (X'0959')`): the same context rule as a decimal code, except that IBM's `X'…'`
    // form is itself a reason code's notation.
    for (code, at, ibm_form) in hex_numbers(text) {
        if !(2000..=2999).contains(&code) && !(6100..=6999).contains(&code) {
            continue;
        }
        if !matches!(lookup(&code.to_string()), Some(Lookup::Reason(_))) {
            continue;
        }
        let before = lower.get(at.saturating_sub(40)..at).unwrap_or_default();
        if ibm_form || near_reason.iter().any(|w| before.contains(w)) {
            out.push(code);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Hexadecimal numbers in `text` with their byte offset: `0x959`, `0x00000959` and IBM's
/// `X'0959'` (the `bool`), each of at most 8 digits.
fn hex_numbers(text: &str) -> Vec<(u32, usize, bool)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for (at, _) in text.char_indices() {
        let word_start = at == 0
            || bytes
                .get(at - 1)
                .is_some_and(|b| !(b.is_ascii_alphanumeric() || *b == b'_'));
        if !word_start {
            continue;
        }
        let rest = text.get(at..).unwrap_or_default();
        let (digits_from, ibm_form) = if rest.starts_with("0x") || rest.starts_with("0X") {
            (2, false)
        } else if rest.starts_with("X'") || rest.starts_with("x'") {
            (2, true)
        } else {
            continue;
        };
        let digits: String = rest
            .get(digits_from..)
            .unwrap_or_default()
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .collect();
        let closed = !ibm_form
            || rest
                .get(digits_from + digits.len()..)
                .is_some_and(|r| r.starts_with('\''));
        if digits.is_empty() || digits.len() > 8 || !closed {
            continue;
        }
        if let Ok(value) = u32::from_str_radix(&digits, 16) {
            out.push((value, at, ibm_form));
        }
    }
    out
}

/// Spring Boot's `ibm.mq.*` properties (application.properties or YAML flattened) and the
/// JMS connection factory's names for the same: queue manager, channel, connection name, cipher
/// suite, peer name.
/// Returns the lines read.
fn spring_properties(text: &str, case: &mut Case, filed: &mut Vec<String>) -> Vec<usize> {
    let mut mqcd = case.client.mqcd.clone().unwrap_or_default();
    let mut found = false;
    let mut lines = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = unquote(line).trim();
        let Some((name, value)) = line.split_once(['=', ':']) else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).to_owned();
        if value.is_empty() {
            continue;
        }
        match name.trim() {
            "ibm.mq.queueManager" | "ibm.mq.queue-manager" => case.queue_manager.name = value,
            "ibm.mq.channel" => mqcd.channel_name = value,
            "ibm.mq.connName" | "ibm.mq.conn-name" => mqcd.conn_name = Some(value),
            "ibm.mq.sslCipherSuite" | "ibm.mq.ssl-cipher-suite" => mqcd.cipher_spec = Some(value),
            "ibm.mq.sslPeerName" | "ibm.mq.ssl-peer-name" => mqcd.peer_name = Some(value),
            _ => continue,
        }
        found = true;
        lines.push(number + 1);
        filed.push(format!(
            "line {}: {} (Spring Boot property)",
            number + 1,
            name.trim()
        ));
    }
    if found {
        case.client.mqcd = Some(mqcd);
    }
    lines
}

/// Reason codes a ticket quotes outside its logs (prose, application output), and the lines
/// that say the connection works (as code 0), with their lines.
pub fn reported(text: &str) -> Vec<(u32, usize)> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        out.extend(reason_codes(line).into_iter().map(|code| (code, index + 1)));
        if says_connected(line) {
            out.push((0, index + 1));
        }
    }
    out
}

/// Whether pasted `text` reads as a ticket (an MQ error, reason code or Java exception, or a
/// Java or .NET client's settings or code), which the page then opens as a case at once.
pub fn looks_like_ticket(text: &str) -> bool {
    [
        "AMQ",
        "JMSWMQ",
        "MQRC_",
        "ReasonCd",
        "CertPathValidatorException",
    ]
    .iter()
    .any(|w| text.contains(w))
        || text.lines().any(|l| super::java::kind_in(l).is_some())
}

/// The diagnosis of an open case, as the page shows it: what its logs show, the reason codes
/// its material quotes (a Java client's set aside as [`reported_in`] says) and what `openssl
/// ocsp` output in its material says; predicted over `resolved`, the case already resolved.
pub fn explain_case(case: &Case, resolved: super::case::Resolved) -> Explanation {
    let mut observed = Observations::of_case(case);
    for (code, line) in reported_in(case) {
        observed.add_reason(code, line);
    }
    observed.add_openssl_text(&case.material, 1);
    observed.verify_unverified = openssl_verify_unverified(&case.material, case);
    observed.crl_urls_shown = crl_urls_shown(&case.material);
    observe_zos(&super::zos::messages(&case.material), &mut observed);
    observed.from_event_log = !super::eventlog::events(&case.material).is_empty();
    observed.add_curl(&case.material, case);
    observed.listed_files = super::listing::files(&case.material);
    observed.failed_in_words = case
        .material
        .lines()
        .enumerate()
        .filter(|(_, l)| !says_connected(l) && says_failed(l))
        .map(|(index, _)| index + 1)
        .collect();
    // As the ticket reader does: a case opened or filed from a ticket is explained alike.
    set_aside_unrelated(&mut observed, || resolved.channel_name());
    super::explain::explain_resolved(case, resolved, &observed)
}

/// Sets aside the entries a diagnosis does not compare: those about another channel than the
/// connection's (a queue manager's log holds every channel's; `channel` names the connection's,
/// asked only when the entries name more than one), then those of an earlier attempt. Returns
/// that channel and how many entries were about others, when it was asked.
fn set_aside_unrelated(
    observed: &mut Observations,
    channel: impl FnOnce() -> String,
) -> Option<(String, usize)> {
    let channels: Vec<&str> = observed
        .messages
        .iter()
        .filter_map(|m| m.channel.as_deref())
        .filter(|c| !c.is_empty() && !c.contains('?'))
        .collect();
    let other_channels = match channels.first() {
        Some(first) if channels.iter().any(|c| !c.eq_ignore_ascii_case(first)) => {
            let channel = channel();
            let before = observed.messages.len();
            observed.set_aside_other_channels(&channel);
            Some((channel, before - observed.messages.len()))
        }
        _ => None,
    };
    observed.set_aside_earlier_attempts();
    other_channels
}

/// [`reported`] for a case read from a ticket: when the case's client is not a Java client, what
/// a Java client's lines report (its connection working, its reason codes) is another client's
/// and left out, as the ticket reader sets it aside.
pub fn reported_in(case: &Case) -> Vec<(u32, usize)> {
    use super::java::ClientKind;
    let java = case.client.kind == Some(ClientKind::Java);
    let lines: Vec<&str> = case.material.lines().collect();
    reported(&case.material)
        .into_iter()
        .filter(|(_, line)| {
            java || lines
                .get(line.saturating_sub(1))
                .and_then(|l| super::java::kind_in(l))
                .is_none_or(|(kind, _)| kind != ClientKind::Java)
        })
        .collect()
}

/// CRL distribution points a ticket shows: the `URI:http://…` lines under `X509v3 CRL
/// Distribution Points` (`openssl x509 -text`), and `http://….crl` URLs anywhere (a CRL tried by
/// hand), first-seen order, each once.
fn crl_urls_shown(text: &str) -> Vec<(usize, String)> {
    let lines = super::quote::lines(text);
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut under_cdp = 0usize;
    for (index, line) in lines.iter().enumerate() {
        if line.contains("CRL Distribution Points") {
            under_cdp = 4;
            continue;
        }
        let words = line.split_whitespace().map(|w| {
            w.trim_start_matches("URI:")
                .trim_matches(['\'', '"', '(', ')', ','])
        });
        for word in words {
            let lower = word.to_ascii_lowercase();
            let http = lower.starts_with("http://");
            if http
                && (under_cdp > 0 || lower.ends_with(".crl"))
                && !out.iter().any(|(_, u)| u == word)
            {
                out.push((index + 1, word.to_owned()));
            }
        }
        under_cdp = under_cdp.saturating_sub(1);
    }
    out
}

/// `openssl verify` (without a CRL check, whose errors are read as answers) that could not
/// complete a certificate's chain (X509_V_ERR 2, 20, 21): the side whose check that stands for,
/// the partner of the certificate's owner. The owner is read from the file name and the subject
/// printed: the queue manager's name or host, or a word naming a side (`qm`, `qmgr`, `client`,
/// `app`); a file neither names is left alone.
fn openssl_verify_unverified(text: &str, case: &Case) -> Option<(Side, usize, String)> {
    use super::openssl_text::verify::runs;
    let resolved = case.resolve();
    let host = resolved
        .client
        .mqcd
        .conn_name
        .as_deref()
        .and_then(|c| c.split(['(', ',']).next())
        .map(|h| h.trim().to_ascii_lowercase())
        .filter(|h| !h.is_empty());
    let qm_name = Some(resolved.qm.name.to_ascii_lowercase()).filter(|n| !n.is_empty());
    runs(text).into_iter().filter(|r| !r.ok).find_map(|run| {
        let error = run.errors.iter().find(|e| [2, 20, 21].contains(&e.code))?;
        let named = format!(
            "{} {}",
            run.file,
            error.subject.as_deref().unwrap_or_default()
        )
        .to_ascii_lowercase();
        let words: Vec<&str> = named
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        let has = |w: &str| words.contains(&w);
        // The queue manager's name as a word or as the first label of a host name in the
        // subject (CN = mqprd01.example for MQPRD01).
        let names_qm = |n: &str| {
            named
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '.' && c != '-')
                .any(|w| w == n || w.split('.').next() == Some(n))
        };
        let qm = ["qm", "qmgr", "queuemanager", "server"]
            .iter()
            .any(|w| has(w))
            || qm_name.as_deref().is_some_and(names_qm)
            || host.as_deref().is_some_and(|h| named.contains(h));
        let client = ["client", "app", "application"].iter().any(|w| has(w));
        let checker = match (qm, client) {
            (true, false) => Side::Client,
            (false, true) => Side::QueueManager,
            _ => return None,
        };
        Some((
            checker,
            error.line,
            format!(
                "error {} at {} depth lookup: {}",
                error.code, error.depth, error.text
            ),
        ))
    })
}

/// A z/OS queue manager's channel initiator messages (`CSQX633E …` from its JES log): the
/// queue manager's log, and a queue manager that runs on z/OS (System SSL), which asks no OCSP
/// responder. Its TLS messages are compared as the distributed ones of the same number.
fn read_zos(text: &str, case: &mut Case, observed: &mut Observations, filed: &mut Vec<String>) {
    let found = super::zos::messages(text);
    let (Some(first), Some(last)) = (found.first(), found.last()) else {
        // No CSQX message: a queue manager the prose says runs on z/OS is one all the same.
        if let Some(line) = zos_in_prose(text) {
            filed.push(format!(
                "line {line}: the queue manager runs on z/OS (as the ticket says): IBM MQ for z/OS asks no OCSP responder, and its channel initiator writes CSQX messages to its job log (assumption zos-csqx-as-amq)"
            ));
            case.queue_manager.tls = super::config::QmTls::SystemSsl;
        }
        return;
    };
    let ids: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
    let lines = if first.line == last.line {
        format!("line {}", first.line)
    } else {
        format!("lines {}-{}", first.line, last.line)
    };
    filed.push(format!(
        "{lines}: a z/OS queue manager's channel initiator messages ({}), the queue manager's log: IBM MQ for z/OS asks no OCSP responder (OCSP in an AUTHINFO is used only on AIX, Linux and Windows), and its CSQX63n-CSQX69n messages are compared as the AMQ9630-AMQ9699 of the same number (assumption zos-csqx-as-amq)",
        ids.join(", ")
    ));
    observe_zos(&found, observed);
    case.queue_manager.tls = super::config::QmTls::SystemSsl;
}

/// The first line that says the queue manager runs on z/OS: `z/OS` with `queue manager`,
/// `qmgr` or `MQ for z/OS` on the same line.
fn zos_in_prose(text: &str) -> Option<usize> {
    super::quote::lines(text)
        .iter()
        .position(|line| {
            let lower = line.to_ascii_lowercase();
            lower.contains("z/os")
                && (lower.contains("queue manager")
                    || lower.contains("qmgr")
                    || lower.contains("mq for z/os"))
        })
        .map(|index| index + 1)
}

/// The CSQX messages as the queue manager's log entries (the TLS ones compared as the AMQ
/// message of the same number).
fn observe_zos(found: &[super::zos::ZosMessage], observed: &mut Observations) {
    for message in found {
        let mut seen =
            super::explain::Observed::bare(Side::QueueManager, &message.id, message.line);
        seen.channel = message.channel.clone();
        seen.modelled = message
            .distributed_id()
            .is_some_and(|id| matches!(lookup(&id), Some(Lookup::Message(_))));
        observed.messages.push(seen);
        observed.queue_manager_log = true;
    }
}

/// IBM MQ entries of the Windows Application event log (Event Viewer's copy): each is the
/// message of its event id, filed on the client's side when the machine that logged it is the
/// client's (a client log entry names it), else on the queue manager's; added to that side's
/// log as an error log would hold it, so that a case made from the ticket reads it too.
fn read_event_log(
    text: &str,
    entries: &[Entry],
    case: &mut Case,
    observed: &mut Observations,
    filed: &mut Vec<String>,
) {
    let short = |host: &str| host.split('.').next().unwrap_or(host).to_ascii_lowercase();
    for event in super::eventlog::events(text) {
        let client_machine = event.computer.as_deref().is_some_and(|computer| {
            entries.iter().any(|e| {
                e.side == Side::Client && e.host.as_deref().map(short) == Some(short(computer))
            })
        });
        let (side, log, whose) = if client_machine {
            (Side::Client, &mut case.client.error_log, "the client's")
        } else {
            (
                Side::QueueManager,
                &mut case.queue_manager.error_log,
                "the queue manager's",
            )
        };
        log.push_str(&event.text);
        log.push('\n');
        observed.add_log(side, &event.text, event.line);
        observed.from_event_log = true;
        filed.push(format!(
            "line {}: a Windows Application event log entry of IBM MQ (Event ID {}, {}) as {} {} in {whose} log (assumption windows-event-id-as-amq)",
            event.line,
            event.id.trim_start_matches("AMQ").trim_end_matches(['E', 'W', 'I']),
            event.computer.as_deref().unwrap_or("no computer named"),
            event.id,
            if client_machine { "(its computer is the client's host)" } else { "(its computer is not a client log's host)" },
        ));
    }
}

/// Whether a line says, in words, that the connection fails ("nothing connects", "cannot
/// connect"): an observation without a reason code.
fn says_failed(line: &str) -> bool {
    let lower = unquote(line).to_ascii_lowercase();
    [
        "nothing connects",
        "cannot connect",
        "can't connect",
        "can not connect",
        "unable to connect",
        "able to connect anymore",
        "fails to connect",
        "no longer connect",
        "stopped connecting",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether a line says the connection works (an observation as much as a reason code).
fn says_connected(line: &str) -> bool {
    let lower = unquote(line).to_ascii_lowercase();
    let negated = [
        "not ",
        "n't",
        "cannot",
        "fails",
        "failed",
        "unable",
        "refused",
        "no longer",
    ];
    let says = [
        "connected to queue manager",
        "connects fine",
        "keeps connecting",
        "connection works",
        "connection itself works",
        "mqconnx returns 0",
        "compcd=00",
        "connects successfully",
    ];
    // A condition before it (other settings, another time) makes it another connection's
    // outcome: "Without the revocation options it connects fine", "it used to connect".
    let conditions = [
        "without",
        "if ",
        "before",
        "used to",
        "until",
        "unless",
        "as long as",
        "when we ",
    ];
    let Some(at) = says.iter().filter_map(|w| lower.find(w)).min() else {
        return false;
    };
    let before = lower.get(..at).unwrap_or_default();
    !negated.iter().any(|w| lower.contains(w)) && !conditions.iter().any(|w| before.contains(w))
}

/// The entries of the queue manager the client connects to, when a ticket quotes several: the
/// one the case names, else the one whose entries name a channel the client's entries name, else
/// the one with the most TLS messages. The others are set aside and said to be.
fn one_queue_manager(
    entries: Vec<(String, String, usize)>,
    case: &Case,
    observed: &Observations,
    filed: &mut Vec<String>,
) -> Vec<(String, String, usize)> {
    let mut names: Vec<&str> = entries
        .iter()
        .map(|(q, _, _)| q.as_str())
        .filter(|q| !q.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.len() < 2 {
        return entries;
    }
    let channels: Vec<String> = observed
        .messages
        .iter()
        .filter(|m| m.side == Side::Client)
        .filter_map(|m| m.channel.clone())
        .collect();
    let tls = |name: &str| {
        entries
            .iter()
            .filter(|(q, _, _)| q == name)
            .filter(|(_, body, _)| {
                [
                    "AMQ9633", "AMQ9716", "AMQ9717", "AMQ9637", "AMQ9636", "AMQ9665",
                ]
                .iter()
                .any(|id| body.contains(id))
            })
            .count()
    };
    let named = |name: &str| {
        entries
            .iter()
            .filter(|(q, _, _)| q == name)
            .any(|(_, body, _)| channels.iter().any(|c| body.contains(c.as_str())))
    };
    let chosen = names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(&case.queue_manager.name))
        .or_else(|| names.iter().find(|n| named(n)))
        .or_else(|| names.iter().max_by_key(|n| tls(n)))
        .map(|n| (*n).to_owned())
        .unwrap_or_default();
    filed.push(format!(
        "the ticket quotes queue managers {}: {chosen}'s entries are the queue manager's log (the others are set aside)",
        names.join(", ")
    ));
    entries
        .into_iter()
        .filter(|(q, _, _)| q.is_empty() || *q == chosen)
        .collect()
}

/// A ticket that quotes a Java client and a C client of the same queue manager: the one that
/// fails is the ticket's subject, the other's lines are set aside (and said to be). `None` when
/// the ticket has only one of them, or both fail or both connect (then nothing is set aside).
fn one_client(
    entries: &[Entry],
    java_lines: &[usize],
    observed: &mut Observations,
    filed: &mut Vec<String>,
) -> Option<super::java::ClientKind> {
    use super::java::ClientKind;
    let in_c_entry = |line: usize| {
        entries
            .iter()
            .any(|e| e.side == Side::Client && e.lines.0 <= line && line <= e.lines.1)
    };
    let is_java = |line: usize| java_lines.contains(&line) && !in_c_entry(line);
    let c_logged = entries.iter().any(|e| e.side == Side::Client);
    if !c_logged || java_lines.is_empty() {
        return None;
    }
    let fails = |java: bool| {
        observed
            .messages
            .iter()
            .any(|m| m.side == Side::Client && is_java(m.line) == java && m.id.ends_with('E'))
            || observed
                .reasons
                .iter()
                .any(|r| r.code != 0 && is_java(r.line) == java)
    };
    let (c_fails, java_fails) = (fails(false), fails(true));
    let kept = match (c_fails, java_fails) {
        (true, false) => ClientKind::C,
        (false, true) => ClientKind::Java,
        _ => return None,
    };
    let set_aside = |line: usize| (kept == ClientKind::C) == is_java(line);
    let first = observed
        .messages
        .iter()
        .map(|m| m.line)
        .chain(observed.reasons.iter().map(|r| r.line))
        .chain(java_lines.iter().copied())
        .filter(|l| set_aside(*l) && (kept == ClientKind::Java || in_c_entry(*l) || is_java(*l)))
        .min();
    observed
        .messages
        .retain(|m| !(m.side == Side::Client && set_aside(m.line)));
    observed.reasons.retain(|r| !set_aside(r.line));
    filed.push(format!(
        "the ticket quotes a Java/JMS client and a C client; the {} client fails and is diagnosed, the {} client's lines (from line {}) are set aside{}",
        if kept == ClientKind::C { "C" } else { "Java" },
        if kept == ClientKind::C { "Java" } else { "C" },
        first.unwrap_or_default(),
        if kept == ClientKind::C {
            " (a Java client checks no revocation unless the JVM runs with com.sun.net.ssl.checkRevocation=true, and ignores the OCSP settings of mqclient.ini and the CCDT: IBM q013350)"
        } else {
            ""
        }
    ));
    Some(kept)
}

/// The chain `openssl s_client -showcerts` printed is what the listener presents: it joins the
/// case as the presented chain, and its leaf is the queue manager's certificate, whatever else
/// was pasted as the queue manager's (the listener's word beats a file someone picked).
fn presented_chain(
    decoded: &crate::decode::Decoded,
    text: &str,
    case: &mut Case,
    filed: &mut Vec<String>,
) {
    use crate::decode::ObjectBody;
    let Some(s_client) = super::openssl_text::parse(text).s_client else {
        return;
    };
    // Each `N s:… i:…` entry is followed by its PEM block (-showcerts), before the next entry.
    let mut chain = Vec::new();
    for (index, entry) in s_client.chain.iter().enumerate() {
        let next = s_client.chain.get(index + 1).map_or(usize::MAX, |e| e.line);
        let cert = decoded.objects.iter().find_map(|o| match &o.body {
            ObjectBody::Certificate(c)
                if o.source.start.line > entry.line && o.source.start.line < next =>
            {
                Some((c, &o.der, o.source.start.line))
            }
            _ => None,
        });
        match cert {
            Some(found) => chain.push(found),
            // Without -showcerts only the names are printed: the chain stops being known here.
            None => break,
        }
    }
    let Some((leaf, _, line)) = chain.first() else {
        return;
    };
    let ders: Vec<Vec<u8>> = chain.iter().map(|(_, der, _)| (*der).clone()).collect();
    case.evidence.set_presented(&ders);
    let selector = format!("sha256:{}", leaf.fingerprints.sha256);
    if case.queue_manager.certificate.as_deref() != Some(selector.as_str()) {
        // A certificate filed as the queue manager's that the listener does not present is
        // not the one in use; if it was filed as the client's, it stays there.
        if case.client.certificate.as_deref() == Some(selector.as_str()) {
            case.client.certificate = None;
        }
        case.queue_manager.certificate = Some(selector);
    }
    filed.push(format!(
        "line {line}: openssl s_client shows the listener presenting {} certificate(s), {} first: the presented chain, and the queue manager's certificate",
        chain.len(),
        leaf.short_name()
    ));
}

/// Reads a ticket pasted whole; `at` is the evaluation time when the logs give none.
pub fn read(text: &str, at: &str) -> Ticket {
    read_decoded(text, &decode(text), at)
}

/// [`read`] for a paste already decoded (the page decodes once per paste and shares it).
pub fn read_decoded(text: &str, decoded: &crate::decode::Decoded, at: &str) -> Ticket {
    // `grep -n` line numbers before an error log's lines are not part of them (the lines stay
    // where they are in the paste).
    let without_numbers = super::quote::without_grep_line_numbers(text);
    let text = without_numbers.as_deref().unwrap_or(text);
    let (mut case, mut filed) = super::sort::auto_case(decoded, text, at);
    case.title = "Ticket".to_owned();
    // C code that fills the MQ structures, when no command line says how the client connects.
    let csource = super::csource::read(text)
        .filter(|_| case.client.command_line.is_none() && case.client.mqcno.is_none());
    if let Some(c) = &csource {
        case.client.mqcno = Some(c.mqcno.clone());
        if case.client.mqcd.is_none() {
            case.client.mqcd = c.mqcd.clone();
        }
        let records = c
            .mqcno
            .sco
            .as_ref()
            .map_or(0, |s| s.auth_info_records.len());
        filed.push(format!(
            "lines {}-{}: the C code's MQCNO (version {}), MQSCO and {records} MQAIR record(s) to the client",
            c.lines.first().unwrap_or(&0),
            c.lines.last().unwrap_or(&0),
            c.mqcno.version
        ));
        for (line, column, what) in &c.problems {
            filed.push(format!("line {line}, column {column}: {what}"));
        }
    }
    // The error logs are read below, entry by entry, with the side each header names.
    case.client.error_log.clear();
    case.queue_manager.error_log.clear();
    let mut observed = Observations::default();
    let mut entries = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut hint: Option<Side> = None;
    let mut index = 0;
    // The first entry's time: of the entries stamped in UTC, else of those in local time.
    let (mut first_utc, mut first_local): (Option<Timestamp>, Option<Timestamp>) = (None, None);
    let mut detected: Option<(super::java::ClientKind, &'static str, usize)> = None;
    // Lines of a Java client's output (its stack trace, its connection messages).
    let mut java_lines: Vec<usize> = Vec::new();
    let mut qm_entries: Vec<(String, String, usize)> = Vec::new();
    while let Some(line) = lines.get(index) {
        let number = index + 1;
        // An AMQERR01.json line (a container's log) is an entry of its own.
        // So is a line of the MQ container's console log.
        let console = console_entry(line);
        let json_entry = is_json_entry(line) || console.is_some();
        if json_entry || is_entry_header(line) {
            // The entry runs to its `-----` trailer, the next header, or the end. An entry cut
            // off after its header (grep -A, a partial copy) has no message line: it ends where
            // the text after its header fields is not one, and a PEM block is never part of it.
            let mut end = index + 1;
            let mut in_header = !json_entry;
            // A field value an e-mail client broke over lines continues on the next one.
            let mut open = paren_depth(unquote(line));
            while let Some(next) = lines.get(end) {
                let text = unquote(next).trim();
                if json_entry
                    || is_entry_header(next)
                    || is_json_entry(next)
                    || console_entry(next).is_some()
                    || text.starts_with("-----BEGIN ")
                {
                    break;
                }
                if in_header && !text.is_empty() {
                    if open > 0
                        || super::errlog::header_fields(text).is_some()
                        || super::errlog::opens_field(text)
                    {
                        open = (open + paren_depth(text)).max(0);
                    } else {
                        in_header = false;
                        if !is_message_line(text) {
                            break;
                        }
                    }
                }
                end += 1;
                if text.starts_with("-----") {
                    break;
                }
            }
            let body: Vec<&str> = lines
                .get(index..end)
                .unwrap_or_default()
                .iter()
                .map(|l| unquote(l))
                .collect();
            let body = body.join("\n");
            let header = header_of(&body);
            let (side, side_reason) = console
                .clone()
                .unwrap_or_else(|| side_of(&header, &body, hint));
            let vrmf = field(&header, "VRMF").map(str::to_owned);
            if side == Side::Client
                && let Some(vrmf) = &vrmf
                && case.client.mq_version.is_none()
            {
                case.client.mq_version = Some(vrmf.clone());
            }
            // An entry stamped in UTC (`Time(…Z)`) beats one whose local time is taken as UTC:
            // a client an hour east of the queue manager must not move the evaluation time.
            let facts = super::errlog::LogFacts::parse(&body);
            let utc = facts
                .messages
                .iter()
                .any(|m| m.time.is_some() && m.time_assumption.is_none());
            if let Some((time, _)) = facts.times.first() {
                let slot = if utc {
                    &mut first_utc
                } else {
                    &mut first_local
                };
                slot.get_or_insert(*time);
            }
            match side {
                Side::Client => {
                    case.client.error_log.push_str(&body);
                    case.client.error_log.push('\n');
                    observed.add_log(side, &body, number);
                }
                // Queue manager entries wait: a ticket may quote more than one queue manager.
                Side::QueueManager => qm_entries.push((
                    field(&header, "QMgr").unwrap_or_default().to_owned(),
                    body.clone(),
                    number,
                )),
            }
            entries.push(Entry {
                side,
                side_reason,
                lines: (number, end),
                vrmf,
                host: field(&header, "Host").map(str::to_owned),
            });
            index = end.max(index + 1);
            continue;
        }
        if let Some((kind, word)) = super::java::kind_in(line) {
            if kind == super::java::ClientKind::Java {
                java_lines.push(number);
            }
            if detected.is_none() {
                detected = Some((kind, word, number));
            }
        }
        // A Java stack trace: JMS ids, the JMQI exception's AMQ ids, JSSE's verdict; the lines
        // are the Java client's log. A .NET application's log may list the chain statuses on
        // lines of their own (`X509ChainStatus OfflineRevocation: …`, as a validation callback
        // logs them), away from the exception.
        let java_line = [
            "Jmqi",
            "MQException",
            "JMSWMQ",
            "JMSCMQ",
            "Exception:",
            "Caused by",
        ]
        .iter()
        .any(|w| line.contains(w))
            || !super::dotnet::dotnet_ids(unquote(line)).is_empty();
        if java_line {
            java_lines.push(number);
            case.client.error_log.push_str(unquote(line));
            case.client.error_log.push('\n');
            if !unquote(line).trim_start().starts_with("AMQ") {
                observed.add_log(Side::Client, unquote(line), number);
            }
        }
        // A message quoted outside an entry (pasted from a console, or in prose).
        let bare = unquote(line).trim_start();
        let quoted_id = bare.starts_with("AMQ")
            && bare
                .get(3..7)
                .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()));
        if quoted_id {
            let id = bare.get(..8).unwrap_or(bare).trim_end_matches(':');
            if !is_command_output(id) {
                let side = side_of(&[], bare, hint).0;
                let log = match side {
                    Side::Client => &mut case.client.error_log,
                    Side::QueueManager => &mut case.queue_manager.error_log,
                };
                log.push_str(bare);
                log.push('\n');
                observed.add_log(side, bare, number);
            }
        } else if let Some(side) = hint_of(line) {
            hint = Some(side);
            // "Nothing in the queue manager's log": that side's silence is an observation too.
            let lower = unquote(line).to_ascii_lowercase();
            if [
                "nothing",
                "no error",
                "empty",
                "clean",
                "no message",
                "no entries",
                // 何も (出ていません): nothing (is written).
                "何も",
            ]
            .iter()
            .any(|w| lower.contains(w))
                && (lower.contains("log") || lower.contains("ログ"))
            {
                match side {
                    Side::Client => observed.client_log = true,
                    Side::QueueManager => observed.queue_manager_log = true,
                }
                filed.push(format!(
                    "line {number}: the {} log is empty, as the ticket says",
                    match side {
                        Side::Client => "client's",
                        Side::QueueManager => "queue manager's",
                    }
                ));
            }
        }
        for code in reason_codes(line) {
            observed.add_reason(code, number);
        }
        if says_connected(line) {
            observed.add_reason(0, number);
        } else if says_failed(line) {
            observed.failed_in_words.push(number);
        }
        index += 1;
    }
    // Lines a client-kind reader took (.NET settings, Spring properties, JVM options).
    let mut taken_lines = Vec::new();
    if let Some((super::java::ClientKind::Java, _, _)) = detected
        && one_client(&entries, &java_lines, &mut observed, &mut filed)
            == Some(super::java::ClientKind::C)
    {
        detected = None;
        case.client.error_log = case
            .client
            .error_log
            .lines()
            .filter(|l| super::java::kind_in(l).is_none())
            .map(|l| format!("{l}\n"))
            .collect();
    }
    if let Some((kind, word, line)) = detected {
        case.client.kind = Some(kind);
        filed.push(format!(
            "line {line}: a {} client ('{word}')",
            match kind {
                super::java::ClientKind::Java => "Java/JMS",
                super::java::ClientKind::Dotnet => "managed .NET",
                super::java::ClientKind::C => "C",
            }
        ));
        if kind == super::java::ClientKind::Dotnet {
            taken_lines = file_dotnet(text, &mut case, &mut filed);
        }
        if kind == super::java::ClientKind::Java {
            taken_lines.extend(spring_properties(text, &mut case, &mut filed));
            let settings = super::java::JavaSettings::read(text);
            if !settings.is_empty() {
                // The lines that set them (JVM options, java.security).
                taken_lines.extend(
                    text.lines()
                        .enumerate()
                        .filter(|(_, l)| !super::java::JavaSettings::read(l).is_empty())
                        .map(|(i, _)| i + 1),
                );
                filed.push(format!("JVM revocation settings: {}", settings.words()));
                case.client.java = Some(settings);
            }
        }
    }
    for (qmgr, body, number) in one_queue_manager(qm_entries, &case, &observed, &mut filed) {
        let _ = qmgr;
        case.queue_manager.error_log.push_str(&body);
        case.queue_manager.error_log.push('\n');
        observed.add_log(Side::QueueManager, &body, number);
    }
    read_event_log(text, &entries, &mut case, &mut observed, &mut filed);
    let hosts: Vec<(Side, String)> = entries
        .iter()
        .filter_map(|e| Some((e.side, e.host.clone()?)))
        .collect();
    taken_lines.extend(super::dspmqver::file(
        &lines, &hosts, &mut case, &mut filed, machine_of,
    ));
    if let Some((tls, why)) =
        super::tls_library::of_queue_manager_log(&case.queue_manager.error_log)
    {
        case.queue_manager.tls = tls;
        let library = match tls {
            super::config::QmTls::Gskit => "GSKit",
            super::config::QmTls::Openssl => "OpenSSL (HPE NonStop)",
            super::config::QmTls::SystemSsl => "System SSL (z/OS)",
        };
        filed.push(format!(
            "the queue manager's TLS library is {library}: {why}"
        ));
    }
    // The channel the logs name, when nothing else in the ticket names one (the prediction's
    // messages then name it too).
    let unnamed = case.client.command_line.is_none()
        && case.client.ccdt_json.is_none()
        && case.client.mqcd.is_none()
        && super::mqsc::MqscDefinitions::parse(&case.queue_manager.mqsc)
            .channels
            .is_empty();
    // The client's own log names its channel; the queue manager's may name others too.
    let named = |side: Option<Side>| {
        observed
            .messages
            .iter()
            .filter(|m| side.is_none_or(|s| m.side == s))
            .filter_map(|m| m.channel.as_deref())
            .find(|c| !c.is_empty() && !c.contains('?'))
    };
    // A JSON CCDT with several channels: the one the logs name is the one in use.
    if !unnamed
        && case.client.ccdt_json.is_some()
        && case.client.mqcd.is_none()
        && case.client.command_line.is_none()
        && let Some(channel) = named(Some(Side::Client)).or_else(|| named(None))
        && super::ccdt::parse(case.client.ccdt_json.as_deref().unwrap_or_default())
            .is_ok_and(|c| c.len() > 1 && c.iter().any(|m| m.channel_name == channel))
    {
        filed.push(format!(
            "the channel {channel} of the CCDT, as the logs name it"
        ));
        case.client.channel = Some(channel.to_owned());
    }
    if unnamed && let Some(channel) = named(Some(Side::Client)).or_else(|| named(None)) {
        filed.push(format!("the channel {channel}, as the logs name it"));
        case.client.mqcd = Some(super::config::Mqcd {
            channel_name: channel.to_owned(),
            ..super::config::Mqcd::default()
        });
    }
    presented_chain(decoded, text, &mut case, &mut filed);
    read_zos(text, &mut case, &mut observed, &mut filed);
    if let Some(proxy) = super::winproxy::find(text) {
        filed.push(format!(
            "line {}: the client's Windows host set to use the proxy {} ({}), which the MQ client's GSKit does not use for OCSP",
            proxy.line, proxy.address, proxy.setting
        ));
        case.client.windows_proxy = Some(proxy);
    }
    observed.add_openssl_text(text, 1);
    observed.verify_unverified = openssl_verify_unverified(text, &case);
    observed.crl_urls_shown = crl_urls_shown(text);
    observed.add_curl(text, &case);
    observed.listed_files = super::listing::files(text);
    // In ticket order (the queue manager's entries were read after the others).
    observed.messages.sort_by_key(|m| m.line);
    if let Some((channel, aside)) =
        set_aside_unrelated(&mut observed, || case.resolve().channel_name())
        && aside > 0
    {
        filed.push(format!(
            "{aside} message(s) about channels other than {channel} (the connection's), set aside and not compared"
        ));
    }
    for side in [Side::Client, Side::QueueManager] {
        let mut set_aside = observed.earlier.iter().filter(|m| m.side == side);
        if let Some(first) = set_aside.next() {
            let count = 1 + set_aside.count();
            filed.push(format!(
                "{count} message(s) of an earlier attempt in the {} log (from line {}, {}): more than {} minutes before its last entry (or {} hours before the other side's, both stamped in UTC), set aside and not compared",
                match side {
                    Side::Client => "client's",
                    Side::QueueManager => "queue manager's",
                },
                first.line,
                first.time.as_deref().unwrap_or_default(),
                super::explain::SAME_ATTEMPT_SECONDS / 60,
                super::explain::OTHER_SIDE_SECONDS / 3600
            ));
        }
    }
    let mut first_time = first_utc.or(first_local);
    // With an earlier attempt set aside, the attempt the ticket is about starts at its first
    // entry.
    if !observed.earlier.is_empty() {
        first_time = observed
            .messages
            .iter()
            .filter_map(|m| m.time.as_deref().and_then(Timestamp::parse_rfc3339))
            .min()
            .or(first_time);
    }
    if let Some(time) = first_time {
        case.at = time.to_string();
        filed.push(format!(
            "evaluation time {time}, the time of the first log entry{}{}",
            if first_utc.is_some() && first_local.is_some() {
                " stamped in UTC (Time(…)); an entry's local time is not known to be UTC"
            } else {
                ""
            },
            if observed.earlier.is_empty() {
                ""
            } else {
                " of the attempt the ticket is about"
            }
        ));
    }
    // Localized header names are read by an assumption (errlog::LOCALIZED_FIELDS): said where used.
    if let Some(entry) = entries.iter().find(|e| {
        lines.get(e.lines.0.saturating_sub(1)).is_some_and(|l| {
            super::errlog::LOCALIZED_FIELDS
                .iter()
                .any(|(local, _)| l.contains(local))
        })
    }) {
        filed.push(format!(
            "line {}: the log headers are localized (プロセス, ユーザー, プログラム, …): read as Process, User, Program, … — an assumption, no IBM page read shows a localized header",
            entry.lines.0
        ));
    }
    for entry in &entries {
        let lines = if entry.lines.0 == entry.lines.1 {
            format!("line {}", entry.lines.0)
        } else {
            format!("lines {}-{}", entry.lines.0, entry.lines.1)
        };
        filed.push(format!(
            "{lines}: the {} log ({})",
            match entry.side {
                Side::Client => "client's",
                Side::QueueManager => "queue manager's",
            },
            entry.side_reason
        ));
    }
    let unread =
        super::dotnet::without_lines(super::sort::sort(decoded, text).unread, &taken_lines)
            .into_iter()
            .filter(|(first, last)| {
                // Lines the ticket reader itself took (log entries, stack traces, quoted codes,
                // C code, a Java client's lines).
                !(*first..=*last).all(|l| java_lines.contains(&l))
                    && !entries
                        .iter()
                        .any(|e| e.lines.0 <= *first && *last <= e.lines.1)
                    && !csource
                        .as_ref()
                        .is_some_and(|c| (*first..=*last).all(|l| c.lines.contains(&l)))
                    && !observed
                        .messages
                        .iter()
                        .any(|m| *first <= m.line && m.line <= *last)
            })
            .collect();
    Ticket {
        case,
        observed,
        entries,
        filed,
        unread,
        decoded_objects: decoded.objects.len(),
    }
}

impl Ticket {
    /// The diagnosis of the ticket.
    pub fn explain(&self) -> Explanation {
        explain(&self.case, &self.observed)
    }

    /// Whether nothing in the ticket is something mqocsp reads: no log entry, reason code,
    /// configuration, certificate or openssl output (prose only, an empty or binary file). Its
    /// diagnosis would be the prediction for an empty case, which says nothing about it.
    pub fn reads_nothing(&self) -> bool {
        self.observed.is_empty()
            && self.observed.earlier.is_empty()
            && self.observed.other_channels.is_empty()
            && self.filed.is_empty()
            && self.decoded_objects == 0
    }

    /// The lines no reader took, as people write them: `1, 3-5, 12`.
    pub fn unread_lines(&self) -> String {
        self.unread
            .iter()
            .map(|(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}-{b}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What to tell a user whose ticket reads as nothing: what was looked for, and which lines
    /// were prose.
    pub fn nothing_read_words(&self) -> String {
        let lines = match self.unread.as_slice() {
            [] => "the ticket is empty".to_owned(),
            [(a, b)] if a == b => format!("line {a} is prose or nothing mqocsp reads"),
            _ => format!(
                "lines {} are prose or nothing mqocsp reads",
                self.unread_lines()
            ),
        };
        format!(
            "nothing to diagnose: {lines}. Paste the client's or the queue manager's AMQERR01.LOG entries, the reason code the application got, the application's exception, mqclient.ini / qm.ini, runmqsc output, or the certificates"
        )
    }
}

/// Files what a ticket says about a managed .NET client into its case: the revocation settings
/// and platform, and the SSLPEERNAME when the case has none; each with its line and column.
/// Returns the lines read.
fn file_dotnet(text: &str, case: &mut Case, filed: &mut Vec<String>) -> Vec<usize> {
    let reading = super::dotnet::DotnetReading::read(text);
    let lines = reading.read.iter().map(|r| r.line).collect();
    for read in &reading.read {
        filed.push(format!(
            "line {}, column {}: .NET {}",
            read.line, read.column, read.what
        ));
    }
    if !reading.settings.is_empty() {
        case.client.dotnet = Some(reading.settings);
    }
    if let Some(peer) = reading.peer_name
        && case.client.peer_name.is_none()
    {
        case.client.peer_name = Some(peer);
    }
    let c = reading.connection;
    if c.channel.is_some() || c.host.is_some() {
        let mut mqcd = case.client.mqcd.clone().unwrap_or_default();
        if let Some(channel) = c.channel {
            mqcd.channel_name = channel;
        }
        if let Some(host) = c.host {
            mqcd.conn_name = Some(format!("{host}({})", c.port.as_deref().unwrap_or("1414")));
        }
        if c.cipher_spec.is_some() {
            mqcd.cipher_spec = c.cipher_spec;
        }
        case.client.mqcd = Some(mqcd);
    }
    if let Some(qm) = c.queue_manager
        && case.queue_manager.name.is_empty()
    {
        case.queue_manager.name = qm;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(String, String)> {
        crate::mq::errlog::header_fields(text).unwrap_or_default()
    }

    /// `openssl verify -crl_check` printing `certificate revoked` for the client's certificate
    /// (pasted under its file name) is the revocation the queue manager finds, taken from the
    /// CA's CRL under a named assumption (ticket 116).
    #[test]
    fn a_crl_check_printing_revoked_decides_the_cause() {
        let text = format!(
            "MQError: CONNX: MQCC = MQCC_FAILED [2] MQRC = MQRC_SSL_INITIALIZATION_ERROR [2393]\n\n\
             $ openssl verify -crl_check -CRLfile ca.crl -CAfile root.pem -untrusted ca.pem orders-svc.pem\n\
             C = GB, O = Northwind Trading, OU = Apps, CN = orders-svc\n\
             error 23 at 0 depth lookup: certificate revoked\n\
             error orders-svc.pem: verification failed\n\n\
             orders-svc.pem:\n{}\n",
            include_str!("../../../../testdata/tickets/pki/app.pem")
        );
        let e = read(&text, "2026-12-01T09:00:00Z").explain();
        assert_eq!(
            e.cause.side,
            Some(Side::QueueManager),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause.summary.contains("is revoked"),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause
                .evidence
                .iter()
                .any(|l| l
                    .contains("line 5: openssl verify -crl_check printed 'certificate revoked'")),
            "{:?}",
            e.cause.evidence
        );
        assert!(
            e.diagnosis
                .assumptions
                .iter()
                .any(|a| a.id == "openssl-verify-crl-as-ocsp"),
            "{:?}",
            e.diagnosis.assumptions
        );
    }

    /// A 9.3 client (which accepts the .kdb name) whose key repository cannot be opened (no
    /// stash file, unreadable, wrong password; its AMQ9660) gets 2381: the cause says so, not
    /// a connection contradicted by the code (ticket 117).
    #[test]
    fn a_key_repository_without_its_stash_file_is_a_2381_cause() {
        let text = "\
mqclient.ini:
SSL:
   SSLKeyRepository=/etc/payments/ssl/payments.kdb

12/01/2026 09:14:27 AM - Process(20931.1) User(pay) Program(paysend)
                    Host(paysrv04) Installation(Installation1)
                    VRMF(9.3.0.17)
                    Time(2026-12-01T09:14:27.502Z)

AMQ9660E: SSL key repository: password incorrect or, stash file absent or
unusable.
----- amqcssta.c : 1234 -------------------------------------------------------

paysend: MQCONNX failed, CompCode=2, Reason=2381 (MQRC_KEY_REPOSITORY_ERROR)
";
        let e = read(text, "2026-12-01T09:20:00Z").explain();
        assert_eq!(
            e.diagnosis.outcome.reason_code,
            Some(2381),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause.summary.contains("stash file"),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause.summary.contains("payments.sth"),
            "{}",
            e.cause.summary
        );
        assert!(e.matches_observed, "{:?}", e.observed);
        assert!(e.contradictions.is_empty(), "{:?}", e.contradictions);
    }

    /// A ticket that says nothing connects but shows no reason code or log is not answered
    /// "connects" without saying so (ticket 124: DISPLAY output and one sentence).
    #[test]
    fn a_failure_said_in_words_contradicts_a_predicted_connection() {
        let text = "\
OCSP is enabled on MQPRD01 since last night and now nothing connects.

     1 : DISPLAY AUTHINFO(NW.OCSP) ALL
AMQ8566I: Display authentication information details.
   AUTHINFO(NW.OCSP)                       AUTHTYPE(OCSP)
   OCSPURL(http://ocsp.northwind.example:8080/)
";
        let e = read(text, "2026-12-01T09:20:00Z").explain();
        assert!(
            e.contradictions
                .iter()
                .any(|c| c.contains("the ticket says the connection fails (line 1)")),
            "{:?}",
            e.contradictions
        );
        for line in [
            "now nothing connects",
            "the app cannot connect since Friday",
            "No client is able to connect anymore",
        ] {
            assert!(says_failed(line), "{line}");
        }
        assert!(!says_failed("It connects fine now."));
    }

    /// A z/OS queue manager's CSQX messages are its log: it checks no OCSP, so the client's
    /// AMQ9665 beside its CSQX633E is not put down to a responder it never asks (ticket 121).
    #[test]
    fn a_zos_queue_manager_is_not_supposed_to_check_ocsp() {
        let text = include_str!(
            "../../../../testdata/tickets/121-zos-chinit-csqx-messages-linux-client-amq9665.txt"
        );
        let e = read(text, "2026-12-01T09:20:00Z").explain();
        let everything = format!("{} {:?}", e.cause.summary, e.alternatives);
        assert!(
            !everything.contains("The queue manager cannot reach"),
            "{everything}"
        );
        assert!(
            e.cause.summary.contains("does not validate"),
            "{}",
            e.cause.summary
        );
        assert_eq!(
            e.cause.side,
            Some(Side::QueueManager),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause.evidence.iter().any(|l| l.contains("CSQX633E")),
            "{:?}",
            e.cause.evidence
        );
        assert!(
            e.diagnosis
                .assumptions
                .iter()
                .any(|a| a.id == "zos-csqx-as-amq"),
            "{:?}",
            e.diagnosis.assumptions
        );
    }

    /// A JSON CCDT with two channels, the logs naming the second: the diagnosis is of that
    /// channel, not the first (ticket 142).
    #[test]
    fn the_ccdt_channel_the_logs_name_is_the_one_used() {
        let text = include_str!(
            "../../../../testdata/tickets/142-json-ccdt-two-channels-second-named-qm-cert-revoked.txt"
        );
        let t = read(text, "2026-12-01T13:20:00Z");
        assert_eq!(t.case.resolve().channel_name(), "REPORT.SVRCONN");
        let e = t.explain();
        let predicted: Vec<&str> = e
            .diagnosis
            .client_log
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert!(
            predicted.iter().all(|l| !l.contains("REPORT.TEST.SVRCONN")),
            "{predicted:?}"
        );
    }

    /// OCSPCheckExtensions=NO with CDPCheckExtensions=YES and a CRL distribution point the
    /// ticket shows (x509 -text) that curl cannot resolve: the client's AMQ9716 is the CRL fetch,
    /// not an OCSP responder hidden in a CCDT (ticket 140).
    #[test]
    fn a_shown_crl_distribution_point_explains_amq9716_with_ocsp_off() {
        let text = include_str!(
            "../../../../testdata/tickets/140-ocsp-extensions-off-cdp-on-crl-unreachable-client-amq9716.txt"
        );
        let e = read(text, "2026-12-01T11:30:00Z").explain();
        assert!(
            e.cause
                .summary
                .contains("http://crl.northwind.example/issuing-ca-1.crl"),
            "{}",
            e.cause.summary
        );
        assert!(
            !e.cause.summary.contains("not shown"),
            "{}",
            e.cause.summary
        );
        assert_eq!(e.cause.side, Some(Side::Client));
        assert!(
            e.cause
                .evidence
                .iter()
                .any(|l| l.contains("could not reach")),
            "{:?}",
            e.cause.evidence
        );
    }

    /// A log shipper's lines in local time with an offset (+05:30) beside a UTC log: both read,
    /// the client's as entries of its program, their times in UTC; a one-line entry is filed as
    /// `line N`, not `lines N-N` (tickets 138, 139).
    #[test]
    fn shipped_log_lines_with_an_offset_are_the_clients_entries() {
        let text = include_str!(
            "../../../../testdata/tickets/138-iso8601-ist-offset-client-utc-qm-log-client-revoked.txt"
        );
        let t = read(text, "2026-12-01T03:00:00Z");
        let client: Vec<_> = t
            .observed
            .messages
            .iter()
            .filter(|m| m.side == Side::Client)
            .map(|m| (m.id.as_str(), m.time.as_deref()))
            .collect();
        assert_eq!(
            client.first(),
            Some(&("AMQ9665E", Some("2026-12-01T02:11:22Z"))),
            "{client:?}"
        );
        assert!(
            t.filed
                .iter()
                .any(|f| f.starts_with("line 11: the client's log")),
            "{:?}",
            t.filed
        );
    }

    /// A responder that answers curl with HTTP 403 is reached but refuses: the status is
    /// unknown for MQ, the evidence says what curl got, and the fix is to let it answer, not to
    /// teach it the certificate (ticket 137). `curl -sv` that timed out is read from its verbose
    /// line (ticket 136).
    #[test]
    fn a_responder_answering_http_403_is_refusing_not_ignorant() {
        let text = include_str!(
            "../../../../testdata/tickets/137-curl-http-403-from-responder-client-amq9716.txt"
        );
        let e = read(text, "2026-12-01T09:40:00Z").explain();
        assert!(
            e.cause.evidence.iter().any(|l| l.contains("HTTP 403")),
            "{:?}",
            e.cause.evidence
        );
        let fixes: Vec<&str> = e.diagnosis.fixes.iter().map(|f| f.title.as_str()).collect();
        assert!(
            !fixes.contains(&"Teach the responder the certificate"),
            "{fixes:?}"
        );
        let text = include_str!(
            "../../../../testdata/tickets/136-german-prose-english-client-log-responder-down.txt"
        );
        let e = read(text, "2026-12-01T07:10:00Z").explain();
        assert!(
            e.cause
                .evidence
                .iter()
                .any(|l| l.contains("could not reach")),
            "{:?}",
            e.cause.evidence
        );
    }

    /// `openssl verify` without a CRL check failing with error 20 on the queue manager's
    /// certificate, nothing pasted: evidence that the chain it presents does not reach a CA the
    /// client trusts (ticket 115 without its PEM blocks).
    #[test]
    fn openssl_verify_error_20_alone_is_evidence_of_an_incomplete_chain() {
        let text = include_str!(
            "../../../../testdata/tickets/115-openssl-verify-error-20-leaf-only-kdb-root-only.txt"
        );
        let without_pem = text.split("qm.pem:\n-----BEGIN").next().unwrap_or(text);
        let e = read(without_pem, "2026-12-01T09:20:00Z").explain();
        assert_eq!(e.cause.side, Some(Side::Client), "{}", e.cause.summary);
        assert!(
            e.cause.summary.contains("does not validate"),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause
                .evidence
                .iter()
                .any(|l| l.contains("openssl verify") && l.contains("error 20")),
            "{:?}",
            e.cause.evidence
        );
        assert!(
            e.diagnosis
                .assumptions
                .iter()
                .any(|a| a.id == "openssl-verify-cafile-as-key-repository"),
            "{:?}",
            e.diagnosis.assumptions
        );
    }

    /// The IBM MQ classes for Java (not JMS) show MQJE001 where JMS shows JMSWMQ0018 and
    /// JMSCMQ0001: the prediction says what that client shows (ticket 119).
    #[test]
    fn classes_for_java_are_predicted_to_show_mqje001_not_jms_ids() {
        let text = include_str!(
            "../../../../testdata/tickets/119-old-java-mqje001-2397-revoked-qm-cert.txt"
        );
        let e = read(text, "2026-12-01T09:20:00Z").explain();
        let client = &e.diagnosis.outcome.client_log;
        assert!(client.iter().any(|id| id == "MQJE001"), "{client:?}");
        assert!(!client.iter().any(|id| id.starts_with("JMS")), "{client:?}");
        assert!(
            !e.cause.summary.contains("JMSWMQ0018"),
            "{}",
            e.cause.summary
        );
    }

    /// A queue manager the prose says runs on z/OS, with no CSQX message pasted: System SSL,
    /// so no OCSP on that side, CSQX messages predicted, and its log asked for as the channel
    /// initiator's job log (ticket 121 without its JES log lines).
    #[test]
    fn a_queue_manager_said_to_run_on_zos_is_one() {
        let text = include_str!(
            "../../../../testdata/tickets/121-zos-chinit-csqx-messages-linux-client-amq9665.txt"
        );
        let without_jes: String = text
            .lines()
            .filter(|l| !l.contains("CSQX") && !l.contains("connection appl07"))
            .map(|l| format!("{l}\n"))
            .collect();
        let t = read(&without_jes, "2026-12-01T09:20:00Z");
        assert_eq!(
            t.case.queue_manager.tls,
            crate::mq::config::QmTls::SystemSsl
        );
        let e = t.explain();
        assert!(
            e.diagnosis
                .outcome
                .queue_manager_log
                .iter()
                .all(|id| id.starts_with("CSQX")),
            "{:?}",
            e.diagnosis.outcome.queue_manager_log
        );
        let asks = e.tell_apart.join(" ");
        assert!(
            !asks.contains("AMQERR01.LOG in the queue manager"),
            "{asks}"
        );
    }

    /// A Windows client host whose proxy is set for WinHTTP or in Internet Options: GSKit does
    /// not use it for OCSP, and the fix says which setting it does use (ticket 126's prose, and
    /// `netsh winhttp show proxy` output).
    #[test]
    fn a_windows_system_proxy_is_named_in_the_fix_as_not_used_by_gskit() {
        let text = include_str!(
            "../../../../testdata/tickets/126-windows-certutil-dump-qm-cert-client-amq9716.txt"
        );
        let netsh = "C:\\> netsh winhttp show proxy\n\nCurrent WinHTTP proxy settings:\n\n    Proxy Server(s) :  webproxy.corp.example:8080\n    Bypass List     :  (none)\n";
        for (ticket, proxy) in [
            (text.to_owned(), "proxy.northwind.example:3128"),
            (
                text.replace("WINBATCH07 goes out through our proxy (proxy.northwind.example:3128) for everything; we set\nthat in Internet Options.", netsh),
                "webproxy.corp.example:8080",
            ),
        ] {
            let e = read(&ticket, "2026-12-01T09:20:00Z").explain();
            let fixes: Vec<&str> = e.diagnosis.fixes.iter().map(|f| f.detail.as_str()).collect();
            let fix = fixes.join(" ");
            assert!(fix.contains(proxy), "{fix}");
            assert!(fix.contains("SSLHTTPProxyName"), "{fix}");
            assert!(fix.contains("does not use"), "{fix}");
        }
    }

    /// A z/OS queue manager writes CSQX messages, not AMQ ones: the prediction names the CSQX
    /// message of the same number (assumption `zos-csqx-as-amq`), and when its log is missing
    /// the engineer asks for the channel initiator's job log, not an AMQERR01.LOG z/OS lacks.
    #[test]
    fn a_zos_queue_manager_is_predicted_to_write_csqx_messages() {
        let text = include_str!(
            "../../../../testdata/tickets/121-zos-chinit-csqx-messages-linux-client-amq9665.txt"
        );
        let e = read(text, "2026-12-01T09:20:00Z").explain();
        assert!(
            e.diagnosis
                .outcome
                .queue_manager_log
                .iter()
                .all(|id| id.starts_with("CSQX6")),
            "{:?}",
            e.diagnosis.outcome.queue_manager_log
        );
        assert!(e.cause.summary.contains("CSQX633E"), "{}", e.cause.summary);
        assert!(!e.cause.summary.contains("AMQ9633"), "{}", e.cause.summary);
        // System SSL is not GSKit: no GSKit validation error number is predicted for it.
        assert!(
            !e.diagnosis
                .assumptions
                .iter()
                .any(|a| a.id == "validation-error-575010"),
            "{:?}",
            e.diagnosis.assumptions
        );
    }

    /// curl from the client's host timing out on the responder is evidence that the client
    /// cannot reach it: the cause names that URL and the run, and "answers unknown" is no longer
    /// an equal alternative (ticket 118: no certificate pasted, the URL only in the curl).
    #[test]
    fn a_curl_from_the_clients_host_that_times_out_is_evidence() {
        let text = include_str!(
            "../../../../testdata/tickets/118-curl-verbose-only-responder-url-client-amq9716.txt"
        );
        let e = read(text, "2026-12-01T09:20:00Z").explain();
        assert!(
            e.cause
                .summary
                .contains("http://ocsp.northwind.example:8080/"),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause
                .evidence
                .iter()
                .any(|l| l.starts_with("line 12: curl from wh-app02")),
            "{:?}",
            e.cause.evidence
        );
        assert!(
            e.alternatives
                .iter()
                .all(|a| !a.summary.contains("answers unknown")),
            "{:?}",
            e.alternatives
        );
    }

    /// s_client, run with the client's CA file, that cannot verify the listener's chain
    /// (`Verify return code: 21`, only the leaf sent) is evidence of a chain the client cannot
    /// complete, under a named assumption (ticket 127: no PEM, no log, only 2393).
    #[test]
    fn s_client_with_the_clients_cas_failing_to_verify_is_chain_evidence() {
        let text = include_str!(
            "../../../../testdata/tickets/127-s-client-cafile-verify-21-no-pem-no-logs.txt"
        );
        let e = read(text, "2026-12-01T09:20:00Z").explain();
        assert_eq!(e.cause.side, Some(Side::Client), "{}", e.cause.summary);
        assert!(
            e.cause.summary.contains("does not reach a CA"),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause
                .evidence
                .iter()
                .any(|l| l
                    .contains("Verify return code: 21 (unable to verify the first certificate)")),
            "{:?}",
            e.cause.evidence
        );
        assert!(
            e.diagnosis
                .assumptions
                .iter()
                .any(|a| a.id == "s-client-cafile-as-key-repository"),
            "{:?}",
            e.diagnosis.assumptions
        );
    }

    /// The queue manager's AMQ9633 as Windows' Event Viewer copies it (Event ID 9633, no message
    /// id in the text) is its log: the client's certificate is revoked (ticket 128).
    #[test]
    fn an_event_viewer_entry_is_the_queue_managers_message() {
        let text = include_str!(
            "../../../../testdata/tickets/128-windows-event-viewer-qm-event-id-9633-client-amq9665.txt"
        );
        let e = read(text, "2026-12-01T09:20:00Z").explain();
        assert_eq!(
            e.cause.side,
            Some(Side::QueueManager),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause.summary.contains("orders-svc"),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause.summary.contains("is revoked"),
            "{}",
            e.cause.summary
        );
        assert!(
            e.diagnosis
                .assumptions
                .iter()
                .any(|a| a.id == "windows-event-id-as-amq"),
            "{:?}",
            e.diagnosis.assumptions
        );
    }

    /// PowerShell's Test-NetConnection to the responder's host and port failing, beside the
    /// client's AMQ9716, is evidence the client cannot reach it (ticket 129); the test of the
    /// queue manager's listener that succeeded is not taken for the responder.
    #[test]
    fn a_failed_tcp_test_from_the_client_is_evidence() {
        let text = include_str!(
            "../../../../testdata/tickets/129-powershell-test-netconnection-windows-client-amq9716.txt"
        );
        let e = read(text, "2026-12-01T09:20:00Z").explain();
        assert!(
            e.cause.evidence.iter().any(|l| l.contains(
                "Test-NetConnection from the client's host could not reach ocsp.northwind.example:8080"
            )),
            "{:?}",
            e.cause.evidence
        );
        assert!(e.alternatives.is_empty(), "{:?}", e.alternatives);
    }

    /// `openssl ocsp -url` from the queue manager's host that cannot connect (Error connecting
    /// BIO) is evidence the queue manager cannot reach its responder (ticket 130).
    #[test]
    fn openssl_ocsp_failing_to_connect_from_the_qm_host_is_evidence() {
        let text = include_str!(
            "../../../../testdata/tickets/130-openssl-ocsp-error-connecting-bio-from-qm-host-amq9716.txt"
        );
        let e = read(text, "2026-12-01T09:20:00Z").explain();
        assert!(
            e.cause.evidence.iter().any(|l| l.contains(
                "openssl ocsp from mqprd01 could not reach http://ocsp.northwind.example:8080/: Connection refused"
            )),
            "{:?}",
            e.cause.evidence
        );
        assert!(e.alternatives.is_empty(), "{:?}", e.alternatives);
    }

    /// `grep -n` on one error log prints line numbers before each line: the entry is still the
    /// queue manager's AMQ9633 about the client's certificate (ticket 131).
    #[test]
    fn a_grep_n_excerpt_of_the_qm_log_is_read() {
        let text = include_str!(
            "../../../../testdata/tickets/131-grep-n-line-numbers-qm-log-client-revoked.txt"
        );
        let e = read(text, "2026-12-01T12:00:00Z").explain();
        assert_eq!(
            e.cause.side,
            Some(Side::QueueManager),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause.summary.contains("orders-svc"),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause.summary.contains("is revoked"),
            "{}",
            e.cause.summary
        );
    }

    /// A directory listing that shows the key repository without its stash file is said as the
    /// evidence for it (ticket 117's `ls -l`).
    #[test]
    fn a_listing_without_the_stash_file_is_evidence() {
        let text = include_str!(
            "../../../../testdata/tickets/117-kdb-on-93-client-stash-file-missing-2381.txt"
        );
        let e = read(text, "2026-12-01T12:00:00Z").explain();
        assert!(
            e.supposes.iter().any(
                |s| s.contains("the listing at line 36 shows payments.kdb but no payments.sth")
            ),
            "{:?}",
            e.supposes
        );
    }

    /// curl reaching the leaf's responder is no evidence about the issuing CA's responder the
    /// client's AMQ9716 names (ticket 135): the cause names that one and lists no curl.
    #[test]
    fn a_try_of_another_responder_is_not_evidence() {
        let text = include_str!(
            "../../../../testdata/tickets/135-client-amq9716-names-issuing-ca-root-responder.txt"
        );
        let e = read(text, "2026-12-01T12:00:00Z").explain();
        assert!(
            e.cause
                .summary
                .contains("http://ocsp-root.northwind.example/"),
            "{}",
            e.cause.summary
        );
        assert!(
            e.cause.evidence.iter().all(|l| !l.contains("curl")),
            "{:?}",
            e.cause.evidence
        );
    }

    /// The responder URL a printed certificate names is the one the fix names too, not the
    /// stand-in's (ticket 126: certutil -dump).
    #[test]
    fn the_fix_names_the_printed_responder() {
        let text = include_str!(
            "../../../../testdata/tickets/126-windows-certutil-dump-qm-cert-client-amq9716.txt"
        );
        let e = read(text, "2026-12-01T12:00:00Z").explain();
        assert!(
            e.diagnosis
                .fixes
                .iter()
                .any(|f| f.detail.contains("http://ocsp.northwind.example:8080/")),
            "{:?}",
            e.diagnosis.fixes
        );
    }

    #[test]
    fn the_machine_a_sentence_says_a_command_ran_on() {
        for (line, side) in [
            (
                "The application team ran this on the queue manager host:",
                Some(Side::QueueManager),
            ),
            (
                "And on APPWIN07, where the batch runs (MQ client only, no queue manager there):",
                Some(Side::Client),
            ),
            (
                "On the queue manager server (QMPRD2):",
                Some(Side::QueueManager),
            ),
            ("> Output from our client machine:", Some(Side::Client)),
            ("Here is the version:", None),
        ] {
            assert_eq!(machine_of(line), side, "{line}");
        }
    }

    #[test]
    fn entry_headers_and_sides() {
        assert!(is_entry_header(
            "2026/11/30 16:40:12 - プロセス(3344.17) ユーザー(mqm) プログラム(amqrmppa)"
        ));
        assert!(is_entry_header(
            "2026/11/30 16:40:12 - プロセス （3344.17） ユーザー （mqm） プログラム （amqrmppa）"
        ));
        // An e-mail client broke the first line inside a value: the fields before still count.
        assert!(is_entry_header(
            "> 11/30/2026 04:40:12 PM - Process(48213.1) User(ord"
        ));
        assert!(!is_entry_header(
            "[2026/11/30 06:00:01.221] MQCONNX start qmgr:MQPRD01"
        ));
        assert!(is_entry_header(
            "11/30/2026 04:40:12 PM - Process(12345.6) User(mqm) Program(amqrmppa)"
        ));
        assert!(is_entry_header(
            "> 2026-11-30 16:40:12 - Process(1.1) Program(app)"
        ));
        assert!(!is_entry_header("AMQ9633E: Bad SSL certificate"));
        assert_eq!(
            side_of(&fields("Process(1) Program(amqrmppa) Host(h)"), "", None).0,
            Side::QueueManager
        );
        assert_eq!(
            side_of(&fields("Program(myapp) QMgr()"), "", None).0,
            Side::Client
        );
        assert_eq!(
            side_of(&fields("Program(java) VRMF(9.3.0.5) QMgr(QM1)"), "", None).0,
            Side::QueueManager
        );
        assert_eq!(
            side_of(&[], "AMQ9633: Bad SSL certificate", None).0,
            Side::QueueManager
        );
    }

    #[test]
    fn the_chain_s_client_printed_is_the_queue_managers_whatever_was_pasted_first() {
        let old = include_str!("../../../../testdata/fixtures/queue-manager.pem");
        let qm = include_str!("../../../../testdata/tickets/pki/qm.pem");
        let issuing = include_str!("../../../../testdata/tickets/pki/issuing.pem");
        let text = format!(
            "The certificate we think the QM has:\n{old}\n$ openssl s_client -connect mqprd01:1414 -showcerts\nCONNECTED(00000003)\n---\nCertificate chain\n 0 s:CN = mqprd01.northwind.example\n   i:CN = Northwind Issuing CA 1\n{qm}\n 1 s:CN = Northwind Issuing CA 1\n   i:CN = Northwind Root CA 2025\n{issuing}\n---\n"
        );
        let ticket = read(&text, "2026-12-01T00:00:00Z");
        let resolved = ticket.case.resolve();
        assert_eq!(
            resolved.qm_cert.map(|c| c.short_name()).as_deref(),
            Some("mqprd01.northwind.example")
        );
        assert_eq!(ticket.case.evidence.presented.len(), 2);
        assert!(
            ticket.filed.iter().any(|f| f.contains("openssl s_client")),
            "{:?}",
            ticket.filed
        );
    }

    #[test]
    fn a_java_client_that_connects_is_set_aside_when_the_c_client_fails() {
        let text = include_str!("../../../../testdata/tickets/35-java-and-c-clients-same-qm.txt");
        let ticket = read(text, "2026-12-01T00:00:00Z");
        assert_ne!(
            ticket.case.client.kind,
            Some(super::super::java::ClientKind::Java)
        );
        assert!(!ticket.observed.reasons.iter().any(|r| r.code == 0));
        // The page reads the same from the case it keeps.
        let codes: Vec<u32> = reported_in(&ticket.case).iter().map(|(c, _)| *c).collect();
        assert!(codes.contains(&2393) && !codes.contains(&0), "{codes:?}");
    }

    #[test]
    fn a_localized_header_is_read_and_the_assumption_said() {
        let text =
            include_str!("../../../../testdata/tickets/31-japanese-qm-log-client-revoked.txt");
        let ticket = read(text, "2026-12-01T00:00:00Z");
        assert_eq!(ticket.entries[0].side, Side::QueueManager);
        assert_eq!(ticket.entries[1].side, Side::Client);
        assert!(
            ticket
                .filed
                .iter()
                .any(|f| f.contains("localized") && f.contains("assumption")),
            "{:?}",
            ticket.filed
        );
    }

    #[test]
    fn japanese_prose_says_whose_log_follows() {
        assert_eq!(
            hint_of("キュー・マネージャー側のエラーログです。"),
            Some(Side::QueueManager)
        );
        assert_eq!(hint_of("クライアント側のログ:"), Some(Side::Client));
        assert_eq!(
            hint_of("the client's queue manager log"),
            Some(Side::Client)
        );
    }

    #[test]
    fn reason_codes_in_prose() {
        assert_eq!(reason_codes("MQCONNX fails with 2393 since Friday"), [2393]);
        assert_eq!(reason_codes("we get MQRC_SSL_INITIALIZATION_ERROR"), [2393]);
        assert_eq!(reason_codes("CompCd=02 ReasonCd=2393"), [2393]);
        assert_eq!(
            reason_codes("our client stopped at 07:31 with 2393. Error log"),
            [2393]
        );
        assert!(reason_codes("the server has 2393 users").is_empty());
        assert!(reason_codes("port 1414 is open").is_empty());
    }

    /// A connection that works under other settings or at another time is not this one's
    /// outcome (ticket 119: "Without the two revocation options it connects fine").
    #[test]
    fn a_connection_under_other_settings_is_not_an_observation() {
        for line in [
            "Without the two revocation options it connects fine.",
            "If we set OCSPAuthentication=WARN it connects fine",
            "It used to connect fine, the connection works with the old kdb",
            "Before the change the connection works",
        ] {
            assert!(!says_connected(line), "{line}");
        }
        assert!(says_connected("Since the restart the app connects fine."));
        assert!(says_connected(
            "the connection works, but AMQ9717 is logged"
        ));
    }

    #[test]
    fn hexadecimal_reason_codes_read_as_mq_prints_them() {
        assert_eq!(reason_codes("CompCode 2, Reason 0x00000959"), [2393]);
        assert_eq!(reason_codes("it says X'0959' means SSL init error"), [2393]);
        assert_eq!(
            reason_codes("      2393  0x00000959  MQRC_SSL_INITIALIZATION_ERROR"),
            [2393]
        );
        assert_eq!(reason_codes("MQCONNX failed rc=0x80b"), [2059]);
        // A hex number with no reason near it, or not a reason code, is not one.
        assert!(reason_codes("flags 0x00000959 set").is_empty());
        assert!(reason_codes("reason 0x0000FFFF").is_empty());
        assert!(reason_codes("X'0959 unterminated").is_empty());
    }

    #[test]
    fn a_quoted_ticket_files_each_entry_on_its_side() {
        let text = "\
Hi team,
since we enabled OCSP the app fails with reason 2393.

Client log (AMQERR01.LOG on the app server):
> 11/30/2026 04:40:12 PM - Process(4242.1) User(app) Program(orders)
>                     Host(apphost) Installation(Installation1)
>                     VRMF(9.3.0.5)
> AMQ9716E: Remote SSL certificate revocation status check failed for channel
> 'APP.SVRCONN'.
> ----- amqccisa.c : 9406 --------------------------------------------------

Queue manager log:
> 11/30/2026 04:40:12 PM - Process(777.3) User(mqm) Program(amqrmppa)
>                     Host(qmhost) Installation(Installation1)
>                     VRMF(9.3.0.5) QMgr(QM1)
> AMQ9665E: SSL connection closed by remote end of channel 'APP.SVRCONN'.
> ----- amqccisa.c : 1234 --------------------------------------------------
";
        let ticket = read(text, "2026-12-01T00:00:00Z");
        assert_eq!(ticket.entries.len(), 2);
        assert_eq!(ticket.entries[0].side, Side::Client);
        assert_eq!(ticket.entries[1].side, Side::QueueManager);
        assert_eq!(ticket.case.client.mq_version.as_deref(), Some("9.3.0.5"));
        assert!(ticket.case.client.error_log.contains("AMQ9716E"));
        assert!(ticket.case.queue_manager.error_log.contains("AMQ9665E"));
        let ids: Vec<(Side, &str, usize)> = ticket
            .observed
            .messages
            .iter()
            .map(|m| (m.side, m.id.as_str(), m.line))
            .collect();
        assert_eq!(
            ids,
            [
                (Side::Client, "AMQ9716E", 8),
                (Side::QueueManager, "AMQ9665E", 16)
            ]
        );
        assert_eq!(ticket.observed.reasons[0].code, 2393);
        assert_eq!(ticket.observed.reasons[0].line, 2);
    }
}
