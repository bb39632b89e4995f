//! One line of the IBM MQ container's console log in its `basic` form (`LOG_FORMAT=basic`), as
//! `kubectl logs` / `oc logs` / `docker logs` print it, with or without the container runtime's
//! own timestamp in front (`--timestamps`, `-t`; the kubelet's files under /var/log/pods add the
//! stream and a tag, `… stdout F …`):
//!
//! ```text
//! 2026-12-01T05:58:10.420330521Z 2026-12-01T05:58:10.419Z AMQ9633E: Bad SSL certificate for channel 'ORDERS.SVRCONN'. [CommentInsert1(ORDERS.SVRCONN), CommentInsert2([Class=]GSKVALMethod::X509…)]
//! ```
//!
//! The container's `runmqserver` writes each JSON error-log entry as `ibm_datetime`, the
//! message's first sentence, then its inserts (`CommentInsertN(…)`, the non-zero
//! `ArithInsertN(…)`) sorted and joined with `, ` in brackets; EXPLANATION and ACTION are not
//! written. It mirrors the error logs of the container's queue manager and the system error log
//! of the same installation (ibm-messaging/mq-container, `cmd/runmqserver/logging.go`:
//! `formatBasic`, `mirrorSystemErrorLogs`, `mirrorQueueManagerErrorLogs`), so a line of it was
//! written on the queue manager's side.

use super::{EntryForm, LogFacts, LogMessage, Side, header_fields, leading_id};
use crate::mq::logtime;

/// Why a console line is the queue manager's (kept beside the side, as a header's reason is).
const SIDE_REASON: &str = "a line of the IBM MQ container's console log (LOG_FORMAT=basic), which mirrors the queue manager's error logs (ibm-messaging/mq-container, runmqserver formatBasic)";

/// At most this many ISO 8601 times before the message id: the entry's own `ibm_datetime` and
/// the container runtime's.
const MAX_LEADING_TIMES: usize = 2;

impl LogFacts {
    /// Reads `line` as a console line; `false` (nothing read) when it is not one.
    pub(super) fn console_line(&mut self, line: &str, number: usize) -> bool {
        let Some((time, rest)) = leading_iso_times(line) else {
            return false;
        };
        let Some((id, severity, body)) = leading_id(rest) else {
            return false;
        };
        let (text, inserts) = split_inserts(body);
        let mut message = LogMessage::new(id, severity, number, EntryForm::Console);
        message.header_line = Some(number);
        message.set_time(time);
        for (name, value) in inserts {
            if let Err(problem) = message.set_field(&name, &value) {
                self.problems.push(super::LogProblem {
                    line: number,
                    column: 0,
                    message: problem,
                });
            }
        }
        message.text = text.trim().to_owned();
        message.side = Some(Side::QueueManager);
        message.side_reason = Some(SIDE_REASON.to_owned());
        self.messages.push(message);
        true
    }
}

/// Why a shipped line is the side its program says.
const SHIPPED_REASON: &str =
    "a line a log shipper or syslog wrote (time, host, program[pid]: message)";

impl LogFacts {
    /// Reads `line` as one a log shipper or syslog wrote for an MQ process: an ISO 8601 time
    /// (with `Z` or an offset such as `+05:30`), the host, `program[pid]:` and the message
    /// (`2026-12-01T07:41:22.418+05:30 pgw04 payments-gw[22107]: AMQ9665E: …`). The program
    /// names the side as a header's `Program(…)` does; `false` when it is not such a line.
    pub(super) fn shipped_line(&mut self, line: &str, number: usize) -> bool {
        let mut words = line.trim_start().splitn(4, ' ');
        let (Some(time), Some(host), Some(program), Some(rest)) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            return false;
        };
        let Some(time) = time
            .get(10..11)
            .filter(|t| *t == "T")
            .and_then(|_| logtime::iso(time))
        else {
            return false;
        };
        let Some(program) = program.strip_suffix(':') else {
            return false;
        };
        // `name[pid]` or `name`.
        let (name, pid) = match program.split_once('[') {
            Some((name, pid)) => (name, pid.strip_suffix(']')),
            None => (program, None),
        };
        if name.is_empty() || host.is_empty() || host.contains(['[', ':']) {
            return false;
        }
        let Some((id, severity, body)) = leading_id(rest) else {
            return false;
        };
        let mut message = LogMessage::new(id, severity, number, EntryForm::Shipped);
        message.header_line = Some(number);
        message.set_time(time);
        message.text = body.trim().to_owned();
        message.channel = quoted_channel(body);
        message.host = Some(host.to_owned());
        message.program = Some(name.to_owned());
        message.process = pid.map(str::to_owned);
        if let Some((side, why)) = super::side_of(None, Some(name)) {
            message.side = Some(side);
            message.side_reason = Some(format!("{SHIPPED_REASON}: {why}"));
        }
        self.messages.push(message);
        true
    }
}

/// The channel a message's first sentence names: `channel 'PAY.SVRCONN'`.
fn quoted_channel(text: &str) -> Option<String> {
    let (_, after) = text.split_once("channel '")?;
    let (name, _) = after.split_once('\'')?;
    (!name.is_empty()).then(|| name.to_owned())
}

/// One or two ISO 8601 date-times (`2026-12-01T05:58:10.419Z`) at the start of `line`: the last
/// one (the entry's, the runtime's comes first) and the text after them.
fn leading_iso_times(line: &str) -> Option<(logtime::LogTime, &str)> {
    let mut rest = line.trim_start();
    let mut last = None;
    for _ in 0..MAX_LEADING_TIMES {
        let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
        let Some(time) = word
            .get(10..11)
            .filter(|t| *t == "T")
            .and_then(|_| logtime::iso(word))
        else {
            break;
        };
        last = Some(time);
        rest = after.trim_start();
        // The kubelet's own log files (/var/log/pods/…) put the stream and a partial/full tag
        // after the runtime's time: `stdout F` (the CRI logging format, kubernetes
        // cri-api/pkg/apis/runtime/v1 "LogTag"; `P` a partial line, `F` a full one).
        if let Some((stream, tail)) = rest.split_once(' ')
            && matches!(stream, "stdout" | "stderr")
            && let Some((tag, message)) = tail.split_once(' ')
            && matches!(tag, "F" | "P")
        {
            rest = message.trim_start();
        }
    }
    Some((last?, rest))
}

/// `text [Name(value), Name(value)]`: the text and the inserts, when the bracketed list at the end
/// reads as fields; else the whole line as text.
fn split_inserts(body: &str) -> (&str, Vec<(String, String)>) {
    let trimmed = body.trim_end();
    let Some(list) = trimmed.strip_suffix(']') else {
        return (body, Vec::new());
    };
    // The list opens at the ` [` before its first field name (values hold `[Class=]`…).
    let opening = list.match_indices(" [").map(|(at, _)| at).find(|at| {
        list.get(at + 2..)
            .is_some_and(|l| l.starts_with("CommentInsert") || l.starts_with("ArithInsert"))
    });
    let Some(at) = opening else {
        return (body, Vec::new());
    };
    let fields = list.get(at + 2..).unwrap_or_default().replace("), ", ") ");
    match header_fields(&fields) {
        Some(pairs) => (list.get(..at).unwrap_or_default(), pairs),
        None => (body, Vec::new()),
    }
}
