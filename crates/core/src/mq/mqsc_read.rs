//! Reading MQSC text into statements: scripts with comments and continuations, `runmqsc` echo
//! lines, and DISPLAY answer blocks.

use super::{MqscProblem, Statement, Value, display};
use std::collections::BTreeMap;

/// How the statement being assembled continues.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Continue {
    /// `+`: from the next line's first non-blank character.
    Plus,
    /// `-`: from the next line's start.
    Minus,
}

/// Where a piece of a statement starts: its character offset in the assembled statement, its
/// line and column in the text.
struct Piece {
    at: usize,
    line: usize,
    column: usize,
}

/// The line and column of the character at `index` of a statement assembled from `pieces`.
fn position(pieces: &[Piece], index: usize) -> (usize, usize) {
    pieces
        .iter()
        .rev()
        .find(|p| p.at <= index)
        .map_or((0, 0), |p| (p.line, p.column + (index - p.at)))
}

/// A DISPLAY block being read.
struct Block {
    line: usize,
    object: &'static str,
    text: String,
}

/// The statements of `text`, and the queue manager `runmqsc` said it started for.
pub(super) fn statements(
    text: &str,
    problems: &mut Vec<MqscProblem>,
) -> (Vec<Statement>, Option<String>) {
    let mut out = Vec::new();
    let mut qmgr = None;
    let mut buffer = String::new();
    // Where each piece of a statement continued over lines came from.
    let mut pieces: Vec<Piece> = Vec::new();
    let originals: Vec<&str> = text.lines().collect();
    let mut start = 0;
    let mut pending: Option<Continue> = None;
    let mut block: Option<Block> = None;
    for (index, raw) in super::super::quote::lines(text).into_iter().enumerate() {
        let number = index + 1;
        let trimmed = raw.trim();
        // A DISPLAY block runs while its lines are `NAME(value)` pairs.
        if let Some(b) = block.as_mut() {
            let unbalanced = b.text.matches('(').count() > b.text.matches(')').count();
            let fields = super::super::errlog::header_fields(trimmed).is_some();
            let starts_attribute = trimmed.split_once('(').is_some_and(|(name, _)| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric())
            });
            if !trimmed.is_empty() && (fields || unbalanced || starts_attribute) {
                b.text.push(' ');
                b.text.push_str(trimmed);
                continue;
            }
            if let Some(done) = block.take() {
                out.extend(shown(done, problems));
            }
        }
        if pending.is_none() {
            if let Some(name) = display::starting_for(trimmed) {
                qmgr = Some(name.to_owned());
                continue;
            }
            if display::is_chatter(trimmed) {
                continue;
            }
            if let Some(id) = trimmed.get(..7).filter(|p| p.starts_with("AMQ")) {
                match display::block_object(id) {
                    Some(object) => {
                        block = Some(Block {
                            line: number,
                            object,
                            text: String::new(),
                        })
                    }
                    None if trimmed.get(7..9).is_some_and(|s| s.starts_with('E')) => {
                        problems.push(MqscProblem {
                            line: number,
                            column: 0,
                            message: format!("runmqsc answered: {trimmed}"),
                        })
                    }
                    None => {}
                }
                continue;
            }
        }
        let line = match display::echo(raw) {
            Some(command) => {
                // A DISPLAY echo is followed by its answer block.
                if pending.is_none() && command.trim_start().to_ascii_uppercase().starts_with("DIS")
                {
                    continue;
                }
                command
            }
            None => raw,
        };
        if line.starts_with('*') {
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        if line.trim_start().starts_with('*') && pending.is_none() {
            problems.push(MqscProblem { line: number, column: 0, message: "runmqsc treats a line as a comment only when * is in the first position; this indented one is read as a comment here".into() });
            continue;
        }
        if buffer.is_empty() && pending.is_none() {
            start = number;
        }
        let piece = match pending.take() {
            Some(Continue::Plus) => line.trim_start(),
            Some(Continue::Minus) | None => line,
        };
        let piece = piece.trim_end();
        // The piece's first column in the line as pasted (quoting included): the piece is a
        // slice of that line, so its offset is the distance between the two.
        let original = originals.get(index).copied().unwrap_or(raw);
        let column = (piece.as_ptr() as usize)
            .checked_sub(original.as_ptr() as usize)
            .filter(|offset| *offset <= original.len())
            .and_then(|offset| original.get(..offset))
            .map_or(1, |before| before.chars().count() + 1);
        pieces.push(Piece {
            at: buffer.chars().count(),
            line: number,
            column,
        });
        if let Some(rest) = piece.strip_suffix('+') {
            buffer.push_str(rest);
            pending = Some(Continue::Plus);
        } else if let Some(rest) = piece.strip_suffix('-') {
            buffer.push_str(rest);
            pending = Some(Continue::Minus);
        } else {
            buffer.push_str(piece.strip_suffix(';').unwrap_or(piece));
            if let Some(statement) = statement(&buffer, start, &pieces, problems) {
                out.push(statement);
            }
            buffer.clear();
            pieces.clear();
        }
    }
    if let Some(done) = block {
        out.extend(shown(done, problems));
    }
    if !buffer.trim().is_empty() {
        problems.push(MqscProblem {
            line: start,
            column: 0,
            message: "the statement ends with a continuation character but nothing follows".into(),
        });
    }
    (out, qmgr)
}

/// A DISPLAY block as the statement that would define what it shows.
fn shown(block: Block, problems: &mut Vec<MqscProblem>) -> Option<Statement> {
    let Some(fields) = super::super::errlog::header_fields(&block.text) else {
        problems.push(MqscProblem {
            line: block.line,
            column: 0,
            message: format!(
                "the DISPLAY {} answer could not be read as NAME(value) pairs",
                block.object
            ),
        });
        return None;
    };
    let mut attributes: BTreeMap<String, Value> = fields
        .into_iter()
        .map(|(k, v)| (k.to_ascii_uppercase(), Value::literal(&v)))
        .collect();
    let name = attributes.remove(display::name_attribute(block.object));
    if name.is_none() && block.object != "QMGR" {
        problems.push(MqscProblem {
            line: block.line,
            column: 0,
            message: format!(
                "the DISPLAY {} answer has no {}(…) naming it",
                block.object,
                display::name_attribute(block.object)
            ),
        });
        return None;
    }
    if let Some(qmname) = name.clone().filter(|_| block.object == "QMGR") {
        attributes.insert("QMNAME".into(), qmname);
    }
    Some(Statement {
        line: block.line,
        verb: "DISPLAY".into(),
        object: block.object.into(),
        name,
        attributes,
        shown: true,
    })
}

/// Reads `KEYWORD(value)` pairs and bare words of one statement.
fn statement(
    text: &str,
    line: usize,
    pieces: &[Piece],
    problems: &mut Vec<MqscProblem>,
) -> Option<Statement> {
    let mut words: Vec<(String, Option<Value>)> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let separator = |c: char| c.is_whitespace() || c == ',';
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(|c| separator(*c)) {
            i += 1;
            continue;
        }
        let word_at = i;
        let mut word = String::new();
        while let Some(&c) = chars.get(i).filter(|c| !separator(**c) && **c != '(') {
            word.push(c);
            i += 1;
        }
        // `ALTER QLOCAL ('Account' )`: blanks may stand between a keyword and its value.
        let mut j = i;
        while chars.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        let mut value = None;
        if chars.get(j) == Some(&'(') && !word.is_empty() {
            i = j + 1;
            let mut v = String::new();
            let mut raw = String::new();
            let mut quoted = false;
            let mut any_quote = false;
            loop {
                match chars.get(i) {
                    None => {
                        let (at_line, column) = position(pieces, word_at);
                        problems.push(MqscProblem {
                            line: if at_line == 0 { line } else { at_line },
                            column,
                            message: format!("{word}( has no closing parenthesis"),
                        });
                        return None;
                    }
                    Some('\'') if quoted && chars.get(i + 1) == Some(&'\'') => {
                        v.push('\'');
                        raw.push_str("''");
                        i += 2;
                        continue;
                    }
                    Some('\'') => {
                        quoted = !quoted;
                        any_quote = true;
                        raw.push('\'');
                    }
                    Some(')') if !quoted => {
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        v.push(c);
                        raw.push(c);
                    }
                }
                i += 1;
            }
            value = Some(Value {
                text: if any_quote { v } else { v.trim().to_owned() },
                raw,
                quoted: any_quote,
            });
        } else if word.is_empty() {
            // A stray `(`.
            let (at_line, column) = position(pieces, i);
            problems.push(MqscProblem {
                line: if at_line == 0 { line } else { at_line },
                column,
                message: "a value in parentheses without a keyword before it".into(),
            });
            i += 1;
            continue;
        }
        words.push((word.to_ascii_uppercase(), value));
    }
    let mut iter = words.into_iter();
    let (verb, _) = iter.next()?;
    let (object, name) = iter.next().unwrap_or_default();
    let attributes = iter
        .map(|(k, v)| {
            (
                k,
                v.unwrap_or(Value {
                    text: String::new(),
                    raw: String::new(),
                    quoted: false,
                }),
            )
        })
        .collect();
    Some(Statement {
        line,
        verb,
        object,
        name,
        attributes,
        shown: false,
    })
}

/// The names of a NAMES(…) list, each folded unless quoted.
pub(super) fn names(value: &Value) -> Vec<String> {
    if !value.quoted {
        return value
            .stored()
            .split(',')
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
    }
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut any = false;
    let mut chars = value.raw.chars().peekable();
    let flush = |current: &mut String, any: &mut bool, out: &mut Vec<String>| {
        let name = if *any {
            current.clone()
        } else {
            current.trim().to_ascii_uppercase()
        };
        if !name.trim().is_empty() {
            out.push(name);
        }
        current.clear();
        *any = false;
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' if quoted && chars.peek() == Some(&'\'') => {
                current.push('\'');
                chars.next();
            }
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ',' if !quoted => flush(&mut current, &mut any, &mut out),
            c if c.is_whitespace() && !quoted && !any => {}
            c => current.push(c),
        }
    }
    flush(&mut current, &mut any, &mut out);
    out
}
