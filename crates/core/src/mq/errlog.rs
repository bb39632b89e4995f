//! AMQERR01.LOG and FFST excerpts: which messages appear, for which channel and certificate,
//! with which validation error; the FFST's probe and error codes; reason codes and timestamps in
//! application output (`[2022/02/02 14:38:22.459] MQCONNX stop … ReasonCd=2393`).

use super::codes::{Lookup, lookup};
use crate::timestamp::Timestamp;
use serde::Serialize;

/// One AMQ message found in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogMessage {
    /// `AMQ9716E` as written.
    pub id: String,
    /// 1-based line.
    pub line: usize,
    /// The channel named in it.
    pub channel: Option<String>,
    /// "The details of the certificate … are '…'".
    pub certificate: Option<String>,
    /// "The certificate validation error was N".
    pub validation_error: Option<u32>,
    /// What mqocsp knows about the message.
    pub meaning: Option<String>,
}

/// An FFST's key fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ffst {
    /// Probe Id.
    pub probe_id: Option<String>,
    /// Major Errorcode.
    pub major_errorcode: Option<String>,
    /// Comment1 (the certificate, for TLS probes).
    pub comment1: Option<String>,
    /// Comment2.
    pub comment2: Option<String>,
}

/// Everything read from a log excerpt.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LogFacts {
    /// AMQ messages, in order.
    pub messages: Vec<LogMessage>,
    /// The FFST, when one is pasted.
    pub ffst: Option<Ffst>,
    /// Reason codes (`ReasonCd=2393`, `reason code 2393`) with their lines.
    pub reason_codes: Vec<(u32, usize)>,
    /// Timestamps (`[2022/02/02 14:38:22.459]` or `02/02/2022 14:38:22`), UTC assumed.
    pub times: Vec<(Timestamp, usize)>,
}

/// The text after `marker` up to the next `'` (the value of `marker'…'`).
fn quoted_after(text: &str, marker: &str) -> Option<String> {
    let start = text.find(marker)? + marker.len();
    let rest = text.get(start..)?;
    let end = rest.find('\'')?;
    rest.get(..end).map(|s| s.trim().to_owned())
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

/// `2022/02/02 14:38:22` or `02/02/2022 14:38:22` at the start of `text`'s bracket or line.
fn time_in(text: &str) -> Option<Timestamp> {
    let candidate: String = text
        .trim_start_matches(['[', ' '])
        .chars()
        .take(19)
        .collect();
    let (date, clock) = candidate.split_once(' ')?;
    let parts: Vec<&str> = date.split('/').collect();
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (*y, *m, *d),
        [m, d, y] if y.len() == 4 => (*y, *m, *d),
        _ => return None,
    };
    Timestamp::parse_rfc3339(&format!(
        "{year}-{month:0>2}-{day:0>2}T{}Z",
        clock.get(..8)?
    ))
}

fn message_ids(line: &str) -> Vec<String> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(pos) = line.get(i..).and_then(|rest| rest.find("AMQ")) {
        let start = i + pos;
        let digits = bytes.get(start + 3..start + 7).unwrap_or_default();
        if digits.len() == 4 && digits.iter().all(u8::is_ascii_digit) {
            let suffix = bytes
                .get(start + 7)
                .filter(|b| matches!(b, b'E' | b'W' | b'I'))
                .map(|&b| char::from(b));
            let mut id = line.get(start..start + 7).unwrap_or_default().to_owned();
            id.extend(suffix);
            out.push(id);
        }
        i = start + 3;
    }
    out
}

impl LogFacts {
    /// Reads a pasted log excerpt (messages may be wrapped over several lines, as in AMQERR01.LOG).
    pub fn parse(text: &str) -> Self {
        let mut facts = LogFacts::default();
        let lines: Vec<&str> = text.lines().collect();
        let mut ffst = Ffst::default();
        for (index, line) in lines.iter().enumerate() {
            let number = index + 1;
            if let Some(time) = time_in(line) {
                facts.times.push((time, number));
            }
            for marker in ["ReasonCd=", "reason code ", "Reason code "] {
                if let Some(code) = number_after(line, marker) {
                    facts.reason_codes.push((code, number));
                }
            }
            let field = |name: &str| {
                line.split_once(name)
                    .map(|(_, v)| v.trim().trim_end_matches('|').trim().to_owned())
                    .filter(|v| !v.is_empty())
            };
            if line.contains("Probe Id") {
                ffst.probe_id = field(":-");
            } else if line.contains("Major Errorcode") {
                ffst.major_errorcode = field(":-");
            } else if line.contains("Comment1") {
                ffst.comment1 = field(":-");
            } else if line.contains("Comment2") {
                ffst.comment2 = field(":-");
            }
            for id in message_ids(line) {
                // The message's text runs until the next message id or dashed separator.
                let body: String = lines
                    .get(index..)
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .take_while(|(i, l)| {
                        *i == 0 || (!l.contains("AMQ") && !l.trim_start().starts_with("-----"))
                    })
                    .map(|(_, l)| l.trim())
                    .collect::<Vec<_>>()
                    .join(" ");
                let meaning = match lookup(&id) {
                    Some(Lookup::Message(m)) => Some(m.meaning.to_owned()),
                    _ => None,
                };
                facts.messages.push(LogMessage {
                    channel: quoted_after(&body, "channel '"),
                    certificate: quoted_after(&body, "could not be validated are '")
                        .or_else(|| quoted_after(&body, "certificate in question are '")),
                    validation_error: number_after(&body, "validation error was"),
                    id,
                    line: number,
                    meaning,
                });
            }
        }
        if ffst != Ffst::default() {
            facts.ffst = Some(ffst);
        }
        facts
            .messages
            .dedup_by(|a, b| a.id == b.id && a.line == b.line);
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLIENT: &str = "[2022/02/02 14:38:22.459] MQCONNX start qmgr:PL81N Options:0x00000000\n[2022/02/02 14:38:25.569] MQCONNX stop hcon:-1 qmgr:PL81N CompCd=02 ReasonCd=2393\n----- amqccisa.c : 9406 -------------------------------------------------------\nAMQ9716E: Remote SSL certificate revocation status check failed for channel\n'PL81N.MQICHL'\n| Probe Id          :- XC022001                                               |\n| Major Errorcode   :- rrcE_SSL_REVOCATION_CHECK_REQUIRED                       |\n| Comment2          :- gsk_attribute_get_buffer - GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT |\n";

    #[test]
    fn client_log_and_ffst_from_the_seed() {
        let facts = LogFacts::parse(CLIENT);
        assert_eq!(facts.messages.len(), 1);
        assert_eq!(facts.messages[0].id, "AMQ9716E");
        assert_eq!(facts.messages[0].channel.as_deref(), Some("PL81N.MQICHL"));
        assert!(
            facts.messages[0]
                .meaning
                .as_deref()
                .unwrap()
                .contains("revocation status")
        );
        assert_eq!(facts.reason_codes, vec![(2393, 2)]);
        assert_eq!(facts.times[0].0.to_string(), "2022-02-02T14:38:22Z");
        let ffst = facts.ffst.unwrap();
        assert_eq!(ffst.probe_id.as_deref(), Some("XC022001"));
        assert_eq!(
            ffst.major_errorcode.as_deref(),
            Some("rrcE_SSL_REVOCATION_CHECK_REQUIRED")
        );
    }

    #[test]
    fn queue_manager_log_with_certificate_and_validation_error() {
        let text = "AMQ9633: Bad SSL certificate for channel '????'.\n.... (e) an OCSP responder has indicated that it is revoked ....\nThe details of the certificate which could not be validated are 'Certificate /C=JP/ST=Chiba/O=Pulsar Integration PL921WC Inc./CN=www.pulsarintegration.PL921WC.com was revoked by AUTHINFO URL http://xxx.xxx.xxx.xxx:xxxx'. The certificate validation error was 23.\n";
        let facts = LogFacts::parse(text);
        let message = &facts.messages[0];
        assert_eq!(message.id, "AMQ9633");
        assert_eq!(message.channel.as_deref(), Some("????"));
        assert_eq!(message.validation_error, Some(23));
        assert!(
            message
                .certificate
                .as_deref()
                .unwrap()
                .contains("was revoked by AUTHINFO URL")
        );
    }
}
