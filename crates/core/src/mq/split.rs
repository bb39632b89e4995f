//! Splitting a pasted ticket into pieces of one kind each, with their line spans: every reader's
//! text (error-log entries with their EXPLANATION/ACTION paragraphs, FFSTs, runmqsc output, MQSC,
//! ini files, environment lines, command lines, CCDTs, index.txt, openssl output, a binary CCDT).
//! E-mail quoting and CRLF are removed first (line numbers stay those of the paste); PEM blocks are
//! left to the decoder, except inside `openssl s_client -showcerts` output, which keeps them so its
//! lines stay in order.

use super::{display, env, errlog::header_fields, ffst::Ffst, logtime};
use serde::Serialize;
/// What a piece of pasted text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextKind {
    /// An `SSL:` stanza (mqclient.ini or qm.ini).
    SslStanza,
    /// MQSC commands (DEFINE / ALTER AUTHINFO, CHANNEL, NAMELIST, QMGR).
    Mqsc,
    /// An mqpgfc-style command line.
    CommandLine,
    /// A JSON CCDT.
    Ccdt,
    /// openssl index.txt rows.
    IndexTxt,
    /// Error log lines (AMQERR01.LOG entries, AMQERR01.json lines, MQCONNX output).
    ErrorLog,
    /// An ini file with stanzas other than SSL (mqclient.ini, qm.ini or mqs.ini: see `ini_kind`).
    Ini,
    /// `runmqsc` output: DISPLAY answers (AMQ8414I, AMQ8408I, AMQ8566I, AMQ8550I), echo lines.
    RunmqscOutput,
    /// An FFST (FDC file) header.
    Ffst,
    /// Environment variable lines (`export MQSSLKEYR=…`).
    Environment,
    /// `openssl s_client` output.
    OpensslSClient,
    /// `openssl ocsp -resp_text` output.
    OpensslOcsp,
    /// A binary CCDT (AMQCLCHL.TAB) pasted or dropped as text.
    BinaryCcdt,
    /// `runmqakm -cert -list/-details` or `keytool -list` output: a key repository's labels.
    KeystoreList,
    /// `openssl x509 -text` output: certificates as text.
    OpensslX509,
}

impl TextKind {
    /// What people call it.
    pub fn noun(&self) -> &'static str {
        match self {
            Self::SslStanza => "an SSL stanza (mqclient.ini or qm.ini)",
            Self::Mqsc => "MQSC commands",
            Self::CommandLine => "an mqpgfc command line",
            Self::Ccdt => "a JSON CCDT",
            Self::IndexTxt => "openssl index.txt rows",
            Self::ErrorLog => "error log lines",
            Self::Ini => "an ini file (mqclient.ini, qm.ini or mqs.ini)",
            Self::RunmqscOutput => "runmqsc output",
            Self::Ffst => "an FFST (FDC file)",
            Self::Environment => "environment variables",
            Self::OpensslSClient => "openssl s_client output",
            Self::OpensslOcsp => "openssl ocsp output",
            Self::BinaryCcdt => "a binary CCDT (AMQCLCHL.TAB)",
            Self::KeystoreList => "a key repository listing (runmqakm or keytool)",
            Self::OpensslX509 => "openssl x509 -text output",
        }
    }
}

/// A piece of MQ text found in the paste.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct FoundText {
    /// What it is.
    pub kind: TextKind,
    /// 1-based first line.
    pub line: usize,
    /// 1-based last line.
    pub end_line: usize,
    /// Its text, without e-mail quoting and carriage returns, one line per line of the paste.
    pub text: String,
}

/// Stanzas of mqclient.ini, qm.ini and mqs.ini (see `ini_kind`).
const INI_STANZAS: &[&str] = &[
    "SSL",
    "CHANNELS",
    "TCP",
    "ClientExitPath",
    "PreConnect",
    "MessageBuffer",
    "ApplicationTrace",
    "Log",
    "Service",
    "ServiceComponent",
    "XAResourceManager",
    "ExitPath",
    "ApiExitLocal",
    "AccessMode",
    "RestrictedMode",
    "InstanceData",
    "Filesystem",
    "TuningParameters",
    "Subpool",
    "AutoConfig",
    "AutoCluster",
    "Security",
    "NativeHAInstance",
    "NativeHALocalInstance",
    "Variables",
    "QueueManager",
    "AllQueueManagers",
    "DefaultQueueManager",
    "LogDefaults",
    "DiagnosticMessages",
    "Connection",
];

fn stanza_name(trimmed: &str) -> Option<&str> {
    let name = trimmed.strip_suffix(':')?;
    INI_STANZAS
        .iter()
        .find(|s| s.eq_ignore_ascii_case(name))
        .copied()
}

fn is_key_value(trimmed: &str) -> bool {
    trimmed.split_once('=').is_some_and(|(k, _)| {
        !k.trim().is_empty()
            && k.trim()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// An AMQERR01.LOG entry header: a date and time, then `Process(` or `Program(`.
fn is_log_header(line: &str) -> bool {
    logtime::leading(line).is_some_and(|(_, used)| {
        let rest = line
            .get(used..)
            .unwrap_or_default()
            .trim_start_matches([']', ' ', '-']);
        rest.starts_with("Process(") || rest.starts_with("Program(")
    })
}

fn is_trailer(trimmed: &str) -> bool {
    trimmed.starts_with("-----") && trimmed.contains(".c") && trimmed.contains(':')
}

fn amq_at_start(trimmed: &str) -> Option<&str> {
    let id = trimmed.get(..7)?;
    (id.starts_with("AMQ")
        && id
            .get(3..)
            .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit())))
    .then_some(id)
}

fn is_runmqsc(line: &str, trimmed: &str) -> bool {
    trimmed.starts_with("5724-H72")
        || display::starting_for(trimmed).is_some()
        || display::echo(line).is_some_and(|c| !c.trim().is_empty())
        || amq_at_start(trimmed).is_some_and(|id| {
            display::block_object(id).is_some()
                || (id.starts_with("AMQ8") && trimmed.contains("Display"))
        })
}

fn is_s_client(trimmed: &str) -> bool {
    trimmed.starts_with("CONNECTED(")
        || trimmed.starts_with("depth=")
        || trimmed.starts_with("verify error:num=")
        || trimmed == "Certificate chain"
        || trimmed.contains("openssl s_client")
        || trimmed.starts_with("Verify return code:")
        || trimmed.starts_with("OCSP response:")
        || trimmed == "Acceptable client certificate CA names"
        || trimmed.starts_with("SSL-Session:")
        || trimmed.starts_with("New, TLS")
}

fn is_ocsp_text(trimmed: &str) -> bool {
    trimmed == "OCSP Response Data:"
        || trimmed.starts_with("OCSP Response Status:")
        || trimmed.starts_with("Responder Error:")
        || trimmed == "Response verify OK"
        || trimmed == "Response Verify Failure"
        || trimmed.contains("openssl ocsp")
}

fn is_ffst(trimmed: &str) -> bool {
    trimmed.contains("First Failure Symptom Report")
        || (trimmed.starts_with('|')
            && Ffst::is_ffst_field(
                &super::ffst::field(trimmed)
                    .map(|(n, _)| n)
                    .unwrap_or_default(),
            ))
}

/// The kind a piece starting at `lines[i]` has.
fn start_kind(lines: &[&str], i: usize) -> Option<TextKind> {
    let line = *lines.get(i)?;
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return None;
    }
    let upper = trimmed.to_ascii_uppercase();
    if trimmed.starts_with("AMQR") && line.contains('\0') {
        return Some(TextKind::BinaryCcdt);
    }
    if upper == "SSL:" {
        return Some(TextKind::SslStanza);
    }
    if stanza_name(trimmed).is_some()
        && lines
            .get(i + 1)
            .is_some_and(|next| is_key_value(next.trim()))
    {
        return Some(TextKind::Ini);
    }
    if is_runmqsc(line, trimmed) {
        return Some(TextKind::RunmqscOutput);
    }
    if upper.starts_with("SET CHLAUTH") {
        return Some(TextKind::Mqsc);
    }
    if ["DEFINE ", "DEF ", "ALTER ", "ALT "]
        .iter()
        .any(|v| upper.starts_with(v))
        && [
            "AUTHINFO", "CHANNEL", "CHL(", "CHL ", "QMGR", "NAMELIST", "NL(",
        ]
        .iter()
        .any(|o| upper.contains(o))
    {
        return Some(TextKind::Mqsc);
    }
    if trimmed
        .trim_start_matches('>')
        .to_ascii_lowercase()
        .starts_with("mqpgf")
        || super::cmdline::runs_amqssslc(trimmed)
    {
        return Some(TextKind::CommandLine);
    }
    if trimmed.starts_with('{') {
        let lower = trimmed.to_ascii_lowercase();
        if lower.contains("\"ibm_messageid\"") {
            return Some(TextKind::ErrorLog);
        }
        let ahead = lines
            .iter()
            .skip(i)
            .take(6)
            .any(|l| l.contains("\"channel\""));
        if ahead {
            return Some(TextKind::Ccdt);
        }
    }
    let mut fields = trimmed.split(['\t', ' ']).filter(|f| !f.is_empty());
    if let (Some(status), Some(expiry)) = (fields.next(), fields.next())
        && matches!(status, "V" | "R" | "E")
        && expiry.len() == 13
        && expiry.ends_with('Z')
    {
        return Some(TextKind::IndexTxt);
    }
    if is_ffst(trimmed)
        || (trimmed.starts_with("+---")
            && lines.get(i + 1).is_some_and(|n| n.trim().starts_with('|'))
            && lines
                .iter()
                .skip(i)
                .take(6)
                .any(|l| l.contains("First Failure")))
    {
        return Some(TextKind::Ffst);
    }
    if super::keystore_text::starts(trimmed) {
        return Some(TextKind::KeystoreList);
    }
    if is_s_client(trimmed) {
        return Some(TextKind::OpensslSClient);
    }
    if is_ocsp_text(trimmed) {
        return Some(TextKind::OpensslOcsp);
    }
    if trimmed == "Certificate:" && lines.get(i + 1).is_some_and(|n| n.trim() == "Data:") {
        return Some(TextKind::OpensslX509);
    }
    if !env::parse(line).vars.is_empty() {
        return Some(TextKind::Environment);
    }
    let has_amq = trimmed
        .find("AMQ")
        .and_then(|i| trimmed.get(i + 3..i + 7))
        .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()));
    if has_amq
        || is_log_header(line)
        || is_trailer(trimmed)
        || trimmed.contains("ReasonCd=")
        || trimmed.contains("Probe Id")
        || trimmed.contains("MQRC_")
    {
        return Some(TextKind::ErrorLog);
    }
    None
}

/// The next non-blank line after `i`.
fn next_filled<'a>(lines: &[&'a str], i: usize) -> Option<(usize, &'a str)> {
    lines
        .iter()
        .enumerate()
        .skip(i + 1)
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(j, l)| (j, *l))
}

/// A piece being read.
struct Piece {
    kind: TextKind,
    start: usize,
    lines: Vec<String>,
    /// Error logs: inside an entry (after its header or id, before its trailer).
    in_entry: bool,
    /// CCDTs: open braces.
    depth: i64,
}

impl Piece {
    fn braces(&mut self, line: &str) {
        let mut quoted = false;
        let mut escaped = false;
        for c in line.chars() {
            match c {
                _ if escaped => escaped = false,
                '\\' if quoted => escaped = true,
                '"' => quoted = !quoted,
                '{' | '[' if !quoted => self.depth += 1,
                '}' | ']' if !quoted => self.depth -= 1,
                _ => {}
            }
        }
    }

    fn push(&mut self, line: &str) {
        if self.kind == TextKind::ErrorLog {
            let trimmed = line.trim();
            if is_log_header(line) || matches!(trimmed, "EXPLANATION:" | "ACTION:") {
                self.in_entry = true;
            } else if trimmed.starts_with("-----") {
                self.in_entry = false;
            }
        }
        if self.kind == TextKind::Ccdt {
            self.braces(line);
        }
        self.lines.push(line.to_owned());
    }

    /// Whether `lines[i]` continues this piece.
    fn continues(&mut self, lines: &[&str], i: usize) -> bool {
        let Some(line) = lines.get(i).copied() else {
            return false;
        };
        let trimmed = line.trim();
        let other = start_kind(lines, i).filter(|k| *k != self.kind);
        let blank = trimmed.is_empty();
        let next = next_filled(lines, i);
        let next_kind = next.and_then(|(j, _)| start_kind(lines, j));
        match self.kind {
            TextKind::SslStanza | TextKind::Ini => {
                // A stanza name counts only with a Key=Value line under it (`Log:` may be prose).
                let stanza_at = |j: usize| {
                    lines
                        .get(j)
                        .is_some_and(|l| stanza_name(l.trim()).is_some())
                        && lines.get(j + 1).is_some_and(|n| is_key_value(n.trim()))
                };
                if blank {
                    return next
                        .is_some_and(|(j, l)| stanza_at(j) || l.trim().starts_with(['#', ';']))
                        && next_kind
                            .is_none_or(|k| matches!(k, TextKind::SslStanza | TextKind::Ini));
                }
                if stanza_at(i) {
                    if !trimmed.eq_ignore_ascii_case("SSL:") {
                        self.kind = TextKind::Ini;
                    }
                    return true;
                }
                trimmed.starts_with(['#', ';']) || is_key_value(trimmed) && other.is_none()
            }
            TextKind::Mqsc => {
                if blank {
                    return next_kind == Some(TextKind::Mqsc)
                        || next.is_some_and(|(_, l)| l.starts_with('*'));
                }
                other.is_none()
                    && (trimmed.starts_with('*')
                        || trimmed.to_ascii_uppercase().starts_with("REFRESH")
                        || line.starts_with([' ', '\t'])
                        || start_kind(lines, i) == Some(TextKind::Mqsc)
                        || self
                            .lines
                            .last()
                            .is_some_and(|l| l.trim_end().ends_with(['+', '-'])))
            }
            TextKind::RunmqscOutput => {
                if blank {
                    return next.is_some_and(|(j, l)| {
                        is_runmqsc(l, l.trim()) || start_kind(lines, j) == Some(TextKind::Mqsc)
                    });
                }
                other.is_none_or(|k| k == TextKind::Mqsc)
                    || header_fields(trimmed).is_some()
                    || amq_at_start(trimmed).is_some_and(|id| id.starts_with("AMQ8"))
                    || display::is_chatter(trimmed)
            }
            TextKind::ErrorLog => {
                if blank {
                    let section =
                        next.is_some_and(|(_, l)| matches!(l.trim(), "EXPLANATION:" | "ACTION:"));
                    return section
                        || next_kind == Some(TextKind::ErrorLog)
                        || self.in_entry && next_kind.is_none();
                }
                other.is_none()
            }
            TextKind::Ffst => !blank && (trimmed.starts_with('|') || trimmed.starts_with('+')),
            TextKind::OpensslSClient => {
                if blank {
                    return next.is_some_and(|(_, l)| {
                        is_s_client(l.trim())
                            || is_ocsp_text(l.trim())
                            || l.trim() == "---"
                            || l.starts_with([' ', '\t'])
                    });
                }
                other.is_none_or(|k| k == TextKind::OpensslOcsp)
            }
            TextKind::OpensslOcsp | TextKind::OpensslX509 => {
                // `-resp_text` prints the response's signature and the responder's certificates
                // after a blank line; `x509 -text` is indented under `Certificate:`.
                if blank {
                    return next.is_some_and(|(_, l)| {
                        l.starts_with([' ', '\t'])
                            || l.trim() == "Certificate:"
                            || is_ocsp_text(l.trim())
                    });
                }
                other.is_none_or(|k| {
                    matches!(k, TextKind::OpensslOcsp | TextKind::OpensslX509)
                        || k == TextKind::OpensslSClient && !trimmed.starts_with("CONNECTED(")
                })
            }
            TextKind::KeystoreList => {
                if blank {
                    return next
                        .is_some_and(|(_, l)| super::keystore_text::continues_with(l.trim()))
                        && next_kind.is_none_or(|k| k == TextKind::KeystoreList);
                }
                other.is_none_or(|k| k == TextKind::KeystoreList)
                    && super::keystore_text::continues_with(trimmed)
            }
            TextKind::Environment => !blank && start_kind(lines, i) == Some(TextKind::Environment),
            TextKind::Ccdt => self.depth > 0,
            TextKind::IndexTxt => start_kind(lines, i) == Some(TextKind::IndexTxt),
            TextKind::CommandLine => false,
            TextKind::BinaryCcdt => line
                .chars()
                .any(|c| c == '\0' || c == '\u{fffd}' || (c.is_control() && c != '\t')),
        }
    }

    fn done(mut self) -> FoundText {
        while self.lines.last().is_some_and(|l| l.trim().is_empty()) {
            self.lines.pop();
        }
        FoundText {
            kind: self.kind,
            line: self.start,
            end_line: self.start + self.lines.len().saturating_sub(1),
            text: self.lines.join("\n"),
        }
    }
}

/// The pieces of `text`, in order.
pub fn pieces(text: &str) -> Vec<FoundText> {
    let lines = super::quote::lines(text);
    let mut out = Vec::new();
    let mut inside_pem = false;
    let mut current: Option<Piece> = None;
    for (index, line) in lines.iter().enumerate() {
        let keeps_pem = current
            .as_ref()
            .is_some_and(|p| p.kind == TextKind::OpensslSClient);
        if line.contains("-----BEGIN ") {
            inside_pem = true;
        }
        if inside_pem {
            if line.contains("-----END ") {
                inside_pem = false;
            }
            match current.as_mut() {
                Some(piece) if keeps_pem => piece.push(line),
                _ => out.extend(current.take().map(Piece::done)),
            }
            continue;
        }
        if let Some(piece) = current.as_mut() {
            if piece.continues(&lines, index) {
                piece.push(line);
                continue;
            }
            out.extend(current.take().map(Piece::done));
        }
        if let Some(kind) = start_kind(&lines, index) {
            let mut piece = Piece {
                kind,
                start: index + 1,
                lines: Vec::new(),
                in_entry: false,
                depth: 0,
            };
            piece.push(line);
            // A command line, or a CCDT on one line, is complete as it starts.
            let complete = kind == TextKind::CommandLine
                || kind == TextKind::Ccdt && piece.depth == 0 && line.trim().ends_with('}');
            if complete {
                out.push(piece.done());
            } else {
                current = Some(piece);
            }
        }
    }
    out.extend(current.map(Piece::done));
    out
}

/// Spans `(first, last)` of the non-blank lines of `text` outside `pieces` and outside PEM blocks:
/// what no reader took.
pub fn unread(text: &str, pieces: &[FoundText]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut inside_pem = false;
    for (index, line) in super::quote::lines(text).iter().enumerate() {
        let number = index + 1;
        if line.contains("-----BEGIN ") {
            inside_pem = true;
        }
        let pem = inside_pem;
        if line.contains("-----END ") {
            inside_pem = false;
        }
        let taken = pieces
            .iter()
            .any(|p| p.line <= number && number <= p.end_line);
        if pem || taken || line.trim().is_empty() {
            continue;
        }
        match out.last_mut() {
            Some((_, last)) if *last + 1 == number => *last = number,
            _ => out.push((number, number)),
        }
    }
    out
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
