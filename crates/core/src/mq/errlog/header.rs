//! The header of an AMQERR01.LOG entry: its `Name(value)` fields and the side they name.

use super::Side;
use crate::mq::logtime::{self, LogTime};

/// Queue manager processes (IBM, "IBM MQ processes on Multiplatforms":
/// https://www.ibm.com/support/pages/node/6855367 , and the programs named in IBM's error-log
/// examples). A header naming one of these was written on the queue manager's side.
pub const QUEUE_MANAGER_PROGRAMS: &[(&str, &str)] = &[
    ("amqrmppa", "the channel process pool"),
    ("amqzlaa0", "a queue manager agent"),
    ("amqzxma0", "the execution controller"),
    ("runmqchi", "the channel initiator"),
    ("runmqlsr", "the listener"),
    ("amqcrsta", "the inetd channel responder"),
    ("amqcrs6a", "the channel responder"),
    ("runmqchl", "a channel started by hand"),
    ("amqpcsea", "the command server"),
    ("amqzmuc0", "a critical utility process"),
    ("amqzmur0", "a restartable utility process"),
    ("amqzmuf0", "a utility process"),
    ("amqzfuma", "the object authority manager"),
    ("amqrrmfa", "the cluster repository manager"),
    ("amqzdmaa", "the deferred message processor"),
    ("amqfqpub", "the publish/subscribe engine"),
    ("amqfcxba", "the broker worker"),
    ("amqzmgr0", "the process controller"),
    ("strmqm", "the queue manager start command"),
    ("endmqm", "the queue manager end command"),
];

/// A header's fields: English name and value, in order.
pub type Fields = Vec<(String, String)>;

/// Header field names as a localized MQ writes them, with the English name they stand for.
/// ASSUMPTION (no IBM page read shows a localized header): a Japanese AMQERR01.LOG translates the
/// header's names as the Japanese message catalogue translates the words (プロセス process,
/// ユーザー user, プログラム program, ホスト host, インストール installation); VRMF, QMgr, Time and
/// the inserts keep their names. Full-width parentheses and a space before `(` are accepted.
pub const LOCALIZED_FIELDS: &[(&str, &str)] = &[
    ("プロセス", "Process"),
    ("ユーザー", "User"),
    ("ユーザ", "User"),
    ("プログラム", "Program"),
    ("ホスト", "Host"),
    ("インストール済み環境", "Installation"),
    ("インストール", "Installation"),
    ("キュー・マネージャー", "QMgr"),
];

/// A header field's name in English: itself when it is ASCII, the English name of a localized
/// one, `None` when it is neither.
fn field_name(name: &str) -> Option<&str> {
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Some(name);
    }
    LOCALIZED_FIELDS
        .iter()
        .find(|(local, _)| *local == name)
        .map(|(_, english)| *english)
}

/// Where an AMQERR01.LOG entry begins: a line that starts with the local date and time followed
/// by header fields, the first of them `Process(…)` or `Program(…)` (or their localized names):
/// `11/30/2026 04:40:12 PM - Process(…) User(…) Program(…)`, `2026/11/30 16:40:12 - プロセス(…)`.
/// Returns the time and the fields. One reader for the error log reader and the ticket reader.
pub fn entry_header(line: &str) -> Option<(LogTime, Vec<(String, String)>)> {
    entry_header_rest(line).map(|(time, fields, _)| (time, fields))
}

/// [`entry_header`] with the text after the fields it could read: a field an e-mail client broke
/// at the end of the line (`Program(C:\Program`), to be joined with the next line.
pub(crate) fn entry_header_rest(line: &str) -> Option<(LogTime, Fields, &str)> {
    let (time, used) = logtime::leading(line)?;
    let rest = line.get(used..)?.trim_start_matches([']', ' ', '-']).trim();
    let (fields, tail) = leading_fields(rest);
    let (first, _) = fields.first()?;
    matches!(first.as_str(), "Process" | "Program").then_some((time, fields, tail))
}

/// The fields at the start of a header line, up to the first that cannot be read (a line an
/// e-mail client broke inside a value keeps the fields before the break), and the rest.
pub(crate) fn leading_fields(text: &str) -> (Vec<(String, String)>, &str) {
    let mut out = Vec::new();
    let mut rest = text.trim();
    // Full-width parentheses (a Japanese header) count as parentheses.
    while let Some(open) = rest.find(['(', '（']) {
        let Some((close, width)) = rest
            .get(open..)
            .and_then(|r| r.char_indices().find(|(_, c)| matches!(c, ')' | '）')))
            .map(|(at, c)| (at + open, c.len_utf8()))
        else {
            break;
        };
        let Some(fields) = rest.get(..close + width).and_then(header_fields) else {
            break;
        };
        out.extend(fields);
        rest = rest.get(close + width..).unwrap_or_default().trim_start();
    }
    (out, rest)
}

/// Whether a header line opens a field it does not close: `CommentInsert2([Class=]… O=Pulsar`
/// (an e-mail client broke it; the rest follows on the next line).
pub(crate) fn opens_field(text: &str) -> bool {
    let text = text.trim();
    let depth = text.chars().fold(0i32, |d, c| match c {
        '(' | '（' => d + 1,
        ')' | '）' => d - 1,
        _ => d,
    });
    depth > 0
        && text
            .find(['(', '（'])
            .and_then(|open| text.get(..open))
            .is_some_and(|name| field_name(name.trim()).is_some())
}

/// `Name(value) Name(value)`: the fields of a header line, or `None` when the line is not only
/// fields. Values may hold balanced parentheses. Names are given in English (see
/// [`LOCALIZED_FIELDS`]).
pub(crate) fn header_fields(text: &str) -> Option<Vec<(String, String)>> {
    let text = text.replace('（', "(").replace('）', ")");
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let open = rest.find('(')?;
        let name = field_name(rest.get(..open)?.trim())?;
        let mut depth = 0usize;
        let mut close = None;
        // Byte offsets from `open`: a localized name before it is several bytes a character.
        for (i, c) in rest.char_indices().filter(|(i, _)| *i >= open) {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        close = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        // An unbalanced value runs to the last `)` of the line.
        let close = close.or_else(|| rest.rfind(')').filter(|c| *c > open))?;
        out.push((name.to_owned(), rest.get(open + 1..close)?.to_owned()));
        rest = rest.get(close + 1..)?.trim_start();
    }
    Some(out)
}

fn program_base(program: &str) -> String {
    let name = program.rsplit(['/', '\\']).next().unwrap_or(program);
    let name = name.strip_suffix(".exe").unwrap_or(name);
    name.strip_suffix(".EXE")
        .unwrap_or(name)
        .to_ascii_lowercase()
}

/// The side that wrote an entry, and why, from its header fields.
pub fn side_of(qmgr: Option<&str>, program: Option<&str>) -> Option<(Side, String)> {
    if let Some(name) = qmgr.map(str::trim).filter(|q| !q.is_empty()) {
        return Some((
            Side::QueueManager,
            format!("the header names a queue manager: QMgr({name})"),
        ));
    }
    let program = program.map(str::trim).filter(|p| !p.is_empty())?;
    let base = program_base(program);
    if let Some((_, what)) = QUEUE_MANAGER_PROGRAMS.iter().find(|(p, _)| *p == base) {
        return Some((
            Side::QueueManager,
            format!("Program({program}) is {what}, a queue manager process"),
        ));
    }
    Some((
        Side::Client,
        format!(
            "Program({program}) is not a queue manager process and the header has no QMgr(…): an MQ client application's log"
        ),
    ))
}
