//! Error logs as tickets carry them: AMQERR01.LOG entries of either side with their headers
//! (Linux/UNIX and Windows), the JSON error log (AMQERR01.json, MQ 9.2+), FFST files, and
//! application output around them (`[2022/02/02 14:38:22.459] MQCONNX stop … ReasonCd=2393`).
//!
//! An AMQERR01.LOG entry, as MQ writes it (IBM, "Error logs on AIX, Linux, and Windows":
//! https://www.ibm.com/docs/en/ibm-mq/9.3?topic=logs-error-aix-linux-windows):
//!
//! ```text
//! 11/30/2026 04:40:12 PM - Process(31337.6) User(mqm) Program(amqrmppa)
//!                     Host(qmhost) Installation(Installation1)
//!                     VRMF(9.3.0.5) QMgr(PL81N)
//!                     Time(2026-11-30T16:40:12.123Z)
//!                     RemoteHost(192.0.2.7)
//!                     CommentInsert1(PL81N.MQICHL)
//!
//! AMQ9633E: Bad SSL certificate for channel 'PL81N.MQICHL'.
//!
//! EXPLANATION:
//! …
//! ACTION:
//! …
//! ----- amqccisa.c : 9406 -------------------------------------------------------
//! ```
//!
//! Which side wrote an entry is read from its header, never guessed from the message: a
//! `QMgr(…)` or a queue manager program (`amqrmppa`, `amqzlaa0`, `runmqchi`, `runmqlsr`, …) is the
//! queue manager; an application program with no `QMgr(…)` is the client. The reason is kept
//! beside the side.

use super::codes::{Lookup, REASON_CODES, lookup};
pub use super::ffst::Ffst;
use super::logtime::{self, LogTime};
pub use super::revocation::Side;
use crate::timestamp::Timestamp;
use serde::Serialize;

mod console;
pub(crate) mod header;
mod json;
pub use header::{LOCALIZED_FIELDS, QUEUE_MANAGER_PROGRAMS, entry_header, side_of};
pub(crate) use header::{header_fields, opens_field};

/// How an entry was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryForm {
    /// An AMQERR01.LOG entry: `AMQnnnnX:` at the start of a line (with or without its header).
    Entry,
    /// One line of the JSON error log (AMQERR01.json).
    Json,
    /// An id somewhere in other text (application output, an e-mail sentence).
    Mention,
    /// One line of the IBM MQ container's console log (`LOG_FORMAT=basic`): time, first
    /// sentence, inserts; no EXPLANATION.
    Console,
    /// One line a log shipper or syslog wrote: ISO 8601 time (an offset allowed), host,
    /// `program[pid]:`, the message's first sentence; the program says whose.
    Shipped,
}

/// One AMQ message found in the text, with its entry's header when it has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogMessage {
    /// `AMQ9716E` as written (with the severity letter when the log writes one).
    pub id: String,
    /// 1-based line of the id.
    pub line: usize,
    /// How it was written.
    pub form: EntryForm,
    /// The severity letter as written (`E`, `W`, `I`, `S`, `T`), when there is one.
    pub severity: Option<char>,
    /// The message's first sentence as written (wrapped lines joined).
    pub text: String,
    /// EXPLANATION, joined.
    pub explanation: Option<String>,
    /// ACTION, joined.
    pub action: Option<String>,
    /// The channel named in it.
    pub channel: Option<String>,
    /// "The details of the certificate … are '…'".
    pub certificate: Option<String>,
    /// The certificate's issuer, serial and subject read from `certificate`.
    pub certificate_details: Option<CertificateDetails>,
    /// "The certificate validation error was N".
    pub validation_error: Option<u32>,
    /// What mqocsp knows about the message.
    pub meaning: Option<String>,
    /// 1-based line of the entry's header (its date line), when it has one.
    pub header_line: Option<usize>,
    /// When it was written: `Time(…)` (UTC) when the header has it, else the header's local time
    /// taken as UTC (see `time_assumption`).
    pub time: Option<Timestamp>,
    /// The time as written.
    pub time_text: Option<String>,
    /// What reading the time assumed (local time taken as UTC, day/month order).
    pub time_assumption: Option<String>,
    /// `Process(pid.tid)`.
    pub process: Option<String>,
    /// `User(…)`.
    pub user: Option<String>,
    /// `Program(…)`, as written (`amqrmppa`, `amqrmppa.exe`, the application).
    pub program: Option<String>,
    /// `Host(…)`.
    pub host: Option<String>,
    /// `Installation(…)`.
    pub installation: Option<String>,
    /// `VRMF(9.3.0.5)`: the MQ version of the side that wrote it.
    pub vrmf: Option<String>,
    /// `QMgr(…)`.
    pub qmgr: Option<String>,
    /// `RemoteHost(…)`: the partner's address.
    pub remote_host: Option<String>,
    /// `ArithInsert1`, `ArithInsert2`, in order.
    pub arith_inserts: Vec<i64>,
    /// `CommentInsert1` .. `CommentInsert3`, in order.
    pub comment_inserts: Vec<String>,
    /// The trailer's source file and line (`amqccisa.c : 9406`).
    pub source: Option<String>,
    /// The side that wrote it, from the header.
    pub side: Option<Side>,
    /// Why that side (which header field said so).
    pub side_reason: Option<String>,
}

/// Something in a log that looks like log structure but could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters, e-mail quoting included) of what could not be read.
    pub column: usize,
    /// What could not be read.
    pub message: String,
}

impl std::fmt::Display for LogProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Everything read from a log excerpt.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LogFacts {
    /// AMQ messages, in order.
    pub messages: Vec<LogMessage>,
    /// The first FFST, when one is pasted.
    pub ffst: Option<Ffst>,
    /// Every FFST, in order.
    pub ffsts: Vec<Ffst>,
    /// Reason codes (`ReasonCd=2393`, `reason code 2393`, `MQRC_…` names) with their lines.
    pub reason_codes: Vec<(u32, usize)>,
    /// Times with their lines: each entry's time and timestamps in other output, UTC assumed for
    /// local times.
    pub times: Vec<(Timestamp, usize)>,
    /// What looked like log structure but could not be read.
    pub problems: Vec<LogProblem>,
}

/// Most characters kept of an EXPLANATION or ACTION (a pasted log is bounded by the page's input,
/// but one runaway entry must not hold it all twice).
const MAX_SECTION: usize = 8_000;

/// The text after `marker` up to the next `'` (the value of `marker'…'`).
fn quoted_after(text: &str, marker: &str) -> Option<String> {
    let start = text.find(marker)? + marker.len();
    let rest = text.get(start..)?;
    let end = rest.find('\'')?;
    rest.get(..end).map(|s| s.trim().to_owned())
}

/// The certificate validation error a message's text states ("The certificate validation error
/// was N"), for a prediction's text as for a log's.
pub fn validation_error(text: &str) -> Option<u32> {
    number_after(text, "validation error was")
}

fn number_after(text: &str, marker: &str) -> Option<u32> {
    let start = text.find(marker)? + marker.len();
    let digits: String = text
        .get(start..)?
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// `AMQ9633E` / `AMQ9633` at `start` of `line`: the id and its severity letter.
fn id_at(line: &str, start: usize) -> Option<(String, Option<char>)> {
    let bytes = line.as_bytes();
    let digits = bytes.get(start + 3..start + 7)?;
    if !digits.iter().all(u8::is_ascii_digit) || line.get(start..start + 3) != Some("AMQ") {
        return None;
    }
    let next = bytes.get(start + 7).copied();
    if next.is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    let severity = next
        .filter(|b| matches!(b, b'E' | b'W' | b'I' | b'S' | b'T'))
        .filter(|_| {
            !bytes
                .get(start + 8)
                .is_some_and(|b| b.is_ascii_alphanumeric())
        })
        .map(char::from);
    let mut id = line.get(start..start + 7)?.to_owned();
    id.extend(severity);
    Some((id, severity))
}

fn message_ids(line: &str) -> Vec<(String, Option<char>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(pos) = line.get(i..).and_then(|rest| rest.find("AMQ")) {
        let start = i + pos;
        out.extend(id_at(line, start));
        i = start + 3;
    }
    out
}

/// `AMQ9633E:` or `AMQ9633:` at the start of a line: the id, its severity and the text after.
/// A message whose lines a web form joined: `TEXT EXPLANATION: … ACTION: … ----- file : line ---`
/// split into its parts as the separate lines would give them.
fn joined_message(message: &mut LogMessage, rest: &str) {
    let (body, source) = match rest.split_once(" -----") {
        Some((body, source)) => (
            body,
            Some(source.trim_matches(['-', ' ']).trim().to_owned()),
        ),
        None => (rest, None),
    };
    let (body, action) = match body.split_once(" ACTION:") {
        Some((body, action)) => (body, Some(action.trim().to_owned())),
        None => (body, None),
    };
    let (text, explanation) = match body.split_once(" EXPLANATION:") {
        Some((text, explanation)) => (text, Some(explanation.trim().to_owned())),
        None => (body, None),
    };
    message.text = text.trim().to_owned();
    message.explanation = explanation.filter(|e| !e.is_empty());
    message.action = action.filter(|a| !a.is_empty());
    message.source = source.filter(|s| s.contains(':'));
}

fn leading_id(trimmed: &str) -> Option<(String, Option<char>, &str)> {
    let (id, severity) = id_at(trimmed, 0)?;
    let rest = trimmed.get(id.len()..)?;
    let rest = rest.strip_prefix(':')?;
    Some((id, severity, rest.trim()))
}

impl LogMessage {
    fn new(id: String, severity: Option<char>, line: usize, form: EntryForm) -> Self {
        Self {
            id,
            line,
            form,
            severity,
            text: String::new(),
            explanation: None,
            action: None,
            channel: None,
            certificate: None,
            certificate_details: None,
            validation_error: None,
            meaning: None,
            header_line: None,
            time: None,
            time_text: None,
            time_assumption: None,
            process: None,
            user: None,
            program: None,
            host: None,
            installation: None,
            vrmf: None,
            qmgr: None,
            remote_host: None,
            arith_inserts: Vec::new(),
            comment_inserts: Vec::new(),
            source: None,
            side: None,
            side_reason: None,
        }
    }

    /// Sets a header field (`Program`, `ibm_processName`, …); unknown names are ignored.
    fn set_field(&mut self, name: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        let text = Some(value.to_owned()).filter(|v| !v.is_empty());
        match name.to_ascii_lowercase().as_str() {
            "process" | "ibm_processid" => self.process = text,
            "user" | "ibm_username" => self.user = text,
            "program" | "ibm_processname" => self.program = text,
            "host" => self.host = text,
            "installation" | "ibm_installationname" => self.installation = text,
            "vrmf" | "ibm_version" => self.vrmf = text,
            "qmgr" | "ibm_servername" => self.qmgr = text,
            // "An identifier for the queue manager" (q130430): a queue manager's mark when the
            // name is not there.
            "ibm_qmgrid" if self.qmgr.is_none() => self.qmgr = text,
            "remotehost" | "ibm_remotehost" => self.remote_host = text,
            "time" | "ibm_datetime" => {
                let time = logtime::iso(value)
                    .ok_or_else(|| format!("Time({value}) is not an ISO 8601 time"))?;
                self.set_time(time);
            }
            n if n.starts_with("arithinsert") || n.starts_with("ibm_arithinsert") => {
                let number = match value.strip_prefix("0x").or(value.strip_prefix("0X")) {
                    Some(hex) => i64::from_str_radix(hex, 16).ok(),
                    None => value.parse().ok(),
                };
                self.arith_inserts
                    .push(number.ok_or_else(|| format!("{name}({value}) is not a number"))?);
            }
            n if n.starts_with("commentinsert") || n.starts_with("ibm_commentinsert") => {
                self.comment_inserts.push(value.to_owned())
            }
            _ => {}
        }
        Ok(())
    }

    fn set_time(&mut self, time: LogTime) {
        // `Time(…)` (UTC) beats the local date line.
        if self.time.is_some() && !time.utc {
            return;
        }
        self.time = Some(time.at);
        self.time_text = Some(time.text);
        self.time_assumption = match (time.utc, time.assumption) {
            (true, _) => None,
            (false, Some(a)) => Some(format!("local time taken as UTC; {a}")),
            (false, None) => Some("local time taken as UTC (the header gives no zone)".into()),
        };
    }

    /// Fills channel, certificate, validation error, meaning and side from what was read.
    fn finish(&mut self) {
        let body = [
            self.text.as_str(),
            self.explanation.as_deref().unwrap_or_default(),
            self.action.as_deref().unwrap_or_default(),
        ]
        .join(" ");
        // English, then the Japanese catalogue's words (the seed's Japanese original:
        // `チャネル 'X' の…`, `検証できなかった証明書の詳細は '…' です。`,
        // `証明書の検証エラーは 575032 です。`).
        self.channel =
            quoted_after(&body, "channel '").or_else(|| quoted_after(&body, "チャネル '"));
        self.certificate = quoted_after(&body, "could not be validated are '")
            .or_else(|| quoted_after(&body, "certificate in question are '"))
            .or_else(|| quoted_after(&body, "証明書の詳細は '"))
            .or_else(|| quoted_after(&body, "'[Class=]").map(|rest| format!("[Class=]{rest}")))
            // The header's inserts carry the same detail (CommentInsert2 of AMQ9633/AMQ9716).
            .or_else(|| {
                self.comment_inserts
                    .iter()
                    .find(|c| c.contains("[Subject=]") || c.contains("[#=]"))
                    .cloned()
            });
        self.validation_error = number_after(&body, "validation error was")
            .or_else(|| number_after(&body, "検証エラーは"));
        self.certificate_details = self.certificate.as_deref().and_then(certificate_details);
        self.meaning = match lookup(&self.id) {
            Some(Lookup::Message(m)) => Some(m.meaning.to_owned()),
            _ => None,
        };
        if let Some((side, reason)) = side_of(self.qmgr.as_deref(), self.program.as_deref()) {
            self.side = Some(side);
            self.side_reason = Some(reason);
        }
    }
}

pub use super::inserts::{CertificateDetails, certificate_details};

/// Which part of an entry the following lines belong to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Text,
    Gap,
    Explanation,
    Action,
}

fn push_text(target: &mut Option<String>, line: &str) {
    let text = target.get_or_insert_with(String::new);
    if text.len() < MAX_SECTION {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }
}

/// A header being read, before its message id.
struct Header {
    line: usize,
    fields: LogMessage,
    /// A field whose value an e-mail client broke over lines: its first line and the text so far.
    open: Option<(usize, String)>,
}

impl LogFacts {
    /// Reads a pasted log excerpt: AMQERR01.LOG entries, JSON log lines, FFSTs and application
    /// output, in any mix, e-mail quoted or not.
    pub fn parse(text: &str) -> Self {
        let mut facts = LogFacts::default();
        let text = super::quote::plain_quotes(text);
        let lines = super::quote::lines(&text);
        let mut header: Option<Header> = None;
        let mut current: Option<usize> = None;
        let mut section = Section::Text;
        let mut ffst: Option<Ffst> = None;
        for (index, line) in lines.iter().enumerate() {
            let number = index + 1;
            let trimmed = line.trim();
            facts.reason_codes_in(trimmed, number);
            if trimmed.starts_with('{')
                && trimmed.to_ascii_lowercase().contains("\"ibm_messageid\"")
            {
                facts.finish_ffst(&mut ffst);
                current = None;
                header = None;
                facts.json_line(trimmed, number);
                continue;
            }
            if facts.console_line(trimmed, number) || facts.shipped_line(trimmed, number) {
                facts.finish_ffst(&mut ffst);
                current = None;
                header = None;
                continue;
            }
            if let Some((name, value)) =
                super::ffst::field(line).filter(|(n, _)| Ffst::is_ffst_field(n))
            {
                let record = ffst.get_or_insert_with(Ffst::default);
                if record
                    .fields
                    .iter()
                    .any(|(n, _, _)| n.eq_ignore_ascii_case(&name))
                    && name.eq_ignore_ascii_case("Date/Time")
                {
                    facts.finish_ffst(&mut ffst);
                }
                ffst.get_or_insert_with(Ffst::default)
                    .set(&name, &value, number);
                continue;
            }
            if trimmed.starts_with("-----") {
                let source = trimmed.trim_matches(['-', ' ']).trim();
                if let Some(message) = current.and_then(|i| facts.messages.get_mut(i)) {
                    message.source = Some(source.to_owned()).filter(|s| s.contains(':'));
                }
                current = None;
                header = None;
                continue;
            }
            if let Some((time, pairs, tail)) = header::entry_header_rest(line) {
                let mut fields = LogMessage::new(String::new(), None, number, EntryForm::Entry);
                fields.set_time(time);
                facts.set_fields(&mut fields, pairs, number);
                // A web form joined the entry's lines: its message follows the fields.
                if let Some((id, severity, rest)) = leading_id(tail.trim()) {
                    facts.finish_ffst(&mut ffst);
                    if let Some(previous) = header.take() {
                        facts.problems.push(LogProblem {
                            line: previous.line,
                            column: 0,
                            message: "an entry header with no AMQ message after it".into(),
                        });
                    }
                    let mut message = fields;
                    message.header_line = Some(number);
                    message.id = id;
                    message.severity = severity;
                    message.line = number;
                    joined_message(&mut message, rest);
                    facts.messages.push(message);
                    current = Some(facts.messages.len() - 1);
                    section = Section::Text;
                    continue;
                }
                let open = opens_field(tail).then(|| (number, tail.to_owned()));
                if let Some(previous) = header.replace(Header {
                    line: number,
                    fields,
                    open,
                }) {
                    facts.problems.push(LogProblem {
                        line: previous.line,
                        column: 0,
                        message: "an entry header with no AMQ message after it".into(),
                    });
                }
                current = None;
                continue;
            }
            if let Some((time, _)) = logtime::leading(line) {
                facts.times.push((time.at, number));
            }
            if let Some(pending) = header.as_mut().filter(|_| current.is_none())
                && !trimmed.is_empty()
            {
                // A field an e-mail client broke over lines is read whole: its value goes on
                // until the parenthesis closes (at most a few lines).
                if let Some((start, joined)) =
                    pending.open.take_if(|_| leading_id(trimmed).is_some())
                {
                    facts.header_fields(&mut pending.fields, &joined, start);
                } else if let Some((start, mut joined)) = pending.open.take() {
                    joined.push(' ');
                    joined.push_str(trimmed);
                    if opens_field(&joined) && number - start < 6 {
                        pending.open = Some((start, joined));
                    } else {
                        facts.header_fields(&mut pending.fields, &joined, start);
                    }
                    continue;
                }
                if opens_field(trimmed) && leading_id(trimmed).is_none() {
                    pending.open = Some((number, trimmed.to_owned()));
                    continue;
                }
                if header_fields(trimmed).is_some() {
                    facts.header_fields(&mut pending.fields, trimmed, number);
                    continue;
                }
            }
            // runmqsc's DISPLAY answers (AMQ8414I, …) are configuration, not log messages.
            if super::display::block_object(trimmed).is_some() {
                current = None;
                header = None;
                continue;
            }
            if let Some((id, severity, rest)) = leading_id(trimmed) {
                let mut message = match header.take() {
                    Some(h) => {
                        let mut m = h.fields;
                        m.header_line = Some(h.line);
                        m.id = id;
                        m.severity = severity;
                        m.line = number;
                        m
                    }
                    None => LogMessage::new(id, severity, number, EntryForm::Entry),
                };
                message.text = rest.to_owned();
                facts.messages.push(message);
                current = Some(facts.messages.len() - 1);
                section = Section::Text;
                continue;
            }
            if let Some(message) = current.and_then(|i| facts.messages.get_mut(i)) {
                match trimmed {
                    // The Japanese catalogue heads them 説明: and 処置: (the seed shows 説明:).
                    "EXPLANATION:" | "説明:" | "説明：" => section = Section::Explanation,
                    "ACTION:" | "処置:" | "処置：" => section = Section::Action,
                    "" if section == Section::Text => section = Section::Gap,
                    "" => {}
                    _ => match section {
                        Section::Text => {
                            message.text.push(' ');
                            message.text.push_str(trimmed);
                        }
                        Section::Gap | Section::Explanation => {
                            push_text(&mut message.explanation, trimmed)
                        }
                        Section::Action => push_text(&mut message.action, trimmed),
                    },
                }
                continue;
            }
            for (id, severity) in message_ids(line) {
                // A mention's text runs until the next id or dashed separator.
                let body: String = lines
                    .get(index..)
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .take_while(|(i, l)| {
                        *i == 0 || (!l.contains("AMQ") && !l.trim_start().starts_with("-----"))
                    })
                    .take(40)
                    .map(|(_, l)| l.trim())
                    .collect::<Vec<_>>()
                    .join(" ");
                let mut message = LogMessage::new(id, severity, number, EntryForm::Mention);
                message.text = body;
                facts.messages.push(message);
            }
        }
        if let Some(h) = header {
            facts.problems.push(LogProblem {
                line: h.line,
                column: 0,
                message: "an entry header with no AMQ message after it".into(),
            });
        }
        facts.finish_ffst(&mut ffst);
        for message in &mut facts.messages {
            message.finish();
        }
        facts
            .messages
            .dedup_by(|a, b| a.id == b.id && a.line == b.line);
        for message in &facts.messages {
            if let Some(time) = message.time {
                facts
                    .times
                    .push((time, message.header_line.unwrap_or(message.line)));
            }
        }
        for f in &facts.ffsts {
            if let Some(time) = f.utc_time {
                facts.times.push((time, f.line));
            }
        }
        // Where in its line each problem is: the field or text it quotes, else the line's start.
        for problem in facts.problems.iter_mut().filter(|p| p.column == 0) {
            let needle = match problem.message.strip_prefix('\'') {
                Some(rest) => rest.split('\'').next().unwrap_or_default(),
                None => problem
                    .message
                    .split_once(')')
                    .filter(|(field, _)| field.contains('(') && !field.contains(' '))
                    .map_or("", |(field, _)| field),
            };
            problem.column = super::quote::column_of(&text, problem.line, needle);
        }
        facts.times.sort_by_key(|(_, line)| *line);
        facts.times.dedup();
        facts.ffst = facts.ffsts.first().cloned();
        facts
    }

    fn set_fields(&mut self, fields: &mut LogMessage, pairs: Vec<(String, String)>, line: usize) {
        for (name, value) in pairs {
            if let Err(message) = fields.set_field(&name, &value) {
                self.problems.push(LogProblem {
                    line,
                    column: 0,
                    message,
                });
            }
        }
    }

    fn header_fields(&mut self, fields: &mut LogMessage, text: &str, line: usize) {
        match header_fields(text) {
            Some(pairs) => self.set_fields(fields, pairs, line),
            None => self.problems.push(LogProblem {
                line,
                column: 0,
                message: format!("'{text}' is not a list of Name(value) header fields"),
            }),
        }
    }

    fn finish_ffst(&mut self, ffst: &mut Option<Ffst>) {
        self.ffsts.extend(ffst.take());
    }

    fn reason_codes_in(&mut self, line: &str, number: usize) {
        for marker in [
            "ReasonCd=",
            "reason code ",
            "Reason code ",
            "Reason: ",
            "MQRC=",
        ] {
            if let Some(code) = number_after(line, marker) {
                self.reason_codes.push((code, number));
            }
        }
        let mut rest = line;
        while let Some(at) = rest.find("MQRC_") {
            let name: String = rest
                .get(at..)
                .unwrap_or_default()
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || *c == '_' || c.is_ascii_digit())
                .collect();
            if let Some(rc) = REASON_CODES.iter().find(|rc| rc.name == name)
                && !self.reason_codes.contains(&(rc.code, number))
            {
                self.reason_codes.push((rc.code, number));
            }
            rest = rest.get(at + 5..).unwrap_or_default();
        }
    }

    /// The MQ version a log shows (`VRMF(…)`, `ibm_version`, an FFST's LVLS), the first found.
    pub fn vrmf(&self) -> Option<&str> {
        self.messages
            .iter()
            .find_map(|m| m.vrmf.as_deref())
            .or_else(|| self.ffsts.iter().find_map(|f| f.lvls.as_deref()))
    }

    /// The MQ version of the entries written by `side`.
    pub fn vrmf_of(&self, side: Side) -> Option<&str> {
        self.messages
            .iter()
            .filter(|m| m.side == Some(side))
            .find_map(|m| m.vrmf.as_deref())
    }

    /// The messages written by `side` (as their headers say).
    pub fn by_side(&self, side: Side) -> impl Iterator<Item = &LogMessage> {
        self.messages.iter().filter(move |m| m.side == Some(side))
    }
}

#[cfg(test)]
#[path = "errlog_tests.rs"]
mod tests;
