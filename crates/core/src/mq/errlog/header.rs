//! The header of an AMQERR01.LOG entry: its `Name(value)` fields and the side they name.

use super::Side;

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

/// `Name(value) Name(value)`: the fields of a header line, or `None` when the line is not only
/// fields. Values may hold balanced parentheses.
pub(crate) fn header_fields(text: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let open = rest.find('(')?;
        let name = rest.get(..open)?.trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let mut depth = 0usize;
        let mut close = None;
        for (i, c) in rest.char_indices().skip(open) {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
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
