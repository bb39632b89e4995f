//! Pasted text as it arrives in a ticket: e-mail quoting (`> `, `>> `, `> > `) and Windows line
//! ends. Every reader calls [`unquote`] first, so a quoted AMQERR01.LOG or MQSC block reads as the
//! original. Lines are never removed, so line numbers stay those of the paste; columns of a
//! quoted line count from after the quote marks.

/// How many characters of quoting start `line`: e-mail quoting (`> `, `>> `, `> > `, a bare
/// `>`), then the file name `grep` puts before each line it prints from an error log
/// ([`grep_prefix`]). A `>` directly followed by text (`>mqpgfc`, a command prompt) is not
/// quoting.
pub fn quote_prefix(line: &str) -> usize {
    let mail = mail_prefix(line);
    let grep = mail + line.get(mail..).map_or(0, grep_prefix);
    grep + line.get(grep..).map_or(0, label_prefix)
}

/// A short label a web form or chat put before an error log entry's header on the same line
/// (`Client error log: 12/01/2026 06:05:41 AM - Process(…)`): the label is not the entry's.
/// Only taken when what follows it is an entry header.
fn label_prefix(text: &str) -> usize {
    let Some(at) = text.find(": ") else { return 0 };
    let label = text.get(..at).unwrap_or_default();
    if label.is_empty()
        || label.len() > 40
        || label.starts_with(char::is_whitespace)
        || label.contains(['(', ')'])
    {
        return 0;
    }
    let rest = text.get(at + 2..).unwrap_or_default();
    let start = at + 2 + (rest.len() - rest.trim_start().len());
    if super::errlog::header::entry_header_rest(text.get(start..).unwrap_or_default()).is_some() {
        start
    } else {
        0
    }
}

/// `grep` over several files (or with `-H`) prints each line after its file name and `:` (a
/// matching line) or `-` (a context line), with `-n` the line number the same way:
/// `/var/mqm/errors/AMQERR01.LOG-11/30/2026 04:40:12 PM - Process(…)`,
/// `AMQERR01.LOG:57:AMQ9716E: …` (GNU grep manual, "Output Line Prefix Control"). Only an MQ
/// error log's name (`AMQERR01.LOG`…`AMQERR03.LOG`, `.json`) is taken as such a prefix, and
/// `name: text` (a heading) is not.
fn grep_prefix(text: &str) -> usize {
    let upper = text.to_ascii_uppercase();
    let Some(at) = upper.find("AMQERR0") else {
        return 0;
    };
    // The path before the file name is one word.
    if text
        .get(..at)
        .is_none_or(|path| path.contains(char::is_whitespace))
    {
        return 0;
    }
    let numbered = upper.as_bytes().get(at + 7).is_some_and(u8::is_ascii_digit);
    let after = upper.get(at + 8..).unwrap_or_default();
    let name_end = ["LOG", "JSON"]
        .iter()
        .find(|ext| {
            after
                .strip_prefix('.')
                .is_some_and(|r| r.starts_with(**ext))
        })
        .filter(|_| numbered)
        .map(|ext| at + 9 + ext.len());
    let Some(mut end) = name_end else { return 0 };
    let separator = |end: usize| match text.as_bytes().get(end) {
        Some(b'-') => true,
        // `name:` followed by a space or nothing is a heading, not grep's prefix.
        Some(b':') => text
            .as_bytes()
            .get(end + 1)
            .is_some_and(|b| !b.is_ascii_whitespace()),
        _ => false,
    };
    if !separator(end) {
        return 0;
    }
    end += 1;
    // grep -n: the line number and its own separator.
    let digits = text
        .get(end..)
        .unwrap_or_default()
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits > 0 && matches!(text.as_bytes().get(end + digits), Some(b':' | b'-')) {
        end += digits + 1;
    }
    end
}

/// `grep -n` over one file prints each line after its line number and `:` (a matching line) or
/// `-` (a context line), no file name: `18820:AMQ9633E: …`, `18821-` (GNU grep manual, "Output
/// Line Prefix Control"). A number alone cannot tell such a prefix from a date (`2026-12-01`), so
/// only a run of at least three lines numbered one after another (grep's `--` between groups
/// allowed), one of them a match, is taken as grep's. The text without those prefixes, one line
/// for each of the paste's; `None` when there is no such run.
pub fn without_grep_line_numbers(text: &str) -> Option<String> {
    let numbered = |line: &str| -> Option<(u64, u8, usize)> {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let separator = *line.as_bytes().get(digits)?;
        (digits > 0 && digits <= 9 && matches!(separator, b':' | b'-'))
            .then(|| Some((line.get(..digits)?.parse().ok()?, separator, digits + 1)))
            .flatten()
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let mut strip = vec![0usize; lines.len()];
    let mut index = 0;
    while index < lines.len() {
        // The longest run of consecutive numbers from here.
        let mut run: Vec<(usize, usize)> = Vec::new();
        let mut matched = false;
        let mut next: Option<u64> = None;
        let mut at = index;
        while let Some(line) = lines.get(at) {
            let bare = line.trim_end_matches('\r');
            if bare == "--" && !run.is_empty() {
                next = None;
                at += 1;
                continue;
            }
            match numbered(bare) {
                Some((number, separator, width)) if next.is_none_or(|n| n == number) => {
                    matched |= separator == b':';
                    run.push((at, width));
                    next = Some(number + 1);
                    at += 1;
                }
                _ => break,
            }
        }
        if run.len() >= 3 && matched {
            for (line, width) in &run {
                if let Some(slot) = strip.get_mut(*line) {
                    *slot = *width;
                }
            }
        }
        index = at.max(index + 1);
    }
    if strip.iter().all(|s| *s == 0) {
        return None;
    }
    Some(
        lines
            .iter()
            .zip(&strip)
            .map(|(line, width)| line.get(*width..).unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// How many characters of e-mail quoting start `line`.
fn mail_prefix(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut end = 0;
    let mut i = 0;
    loop {
        while bytes.get(i) == Some(&b' ') && i < end + 2 {
            i += 1;
        }
        if bytes.get(i) != Some(&b'>') {
            return end;
        }
        let mut j = i;
        while bytes.get(j) == Some(&b'>') {
            j += 1;
        }
        match bytes.get(j) {
            None => return j,
            Some(b' ') => {
                end = j + 1;
                i = end;
            }
            Some(b'\r' | b'\t') => {
                end = j + 1;
                i = end;
            }
            // `>mqpgfc`: a prompt, not quoting.
            Some(_) => return end,
        }
    }
}

/// The lines of `text` without e-mail quoting or carriage returns, one per line of the paste.
pub fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(|line| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            line.get(quote_prefix(line)..).unwrap_or_default()
        })
        .collect()
}

/// `text` with typographic quotes made plain: a word processor or mail client turns the
/// apostrophes around a log's inserts (`channel 'X'`) into ‘ ’ and double quotes into “ ”; MQ
/// writes only the plain ones, so in a pasted log they are the paste's. (Not for MQSC: there
/// a ‘ may have reached runmqsc as typed, where it is no quote.) Line for line.
pub fn plain_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    const SINGLE: [char; 4] = ['\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];
    const DOUBLE: [char; 3] = ['\u{201C}', '\u{201D}', '\u{201E}'];
    if !text.contains(SINGLE) && !text.contains(DOUBLE) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if SINGLE.contains(&c) => '\'',
                c if DOUBLE.contains(&c) => '"',
                c => c,
            })
            .collect(),
    )
}

/// `text` without e-mail quoting or carriage returns, line for line.
pub fn unquote(text: &str) -> String {
    let mut out = lines(text).join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The column (1-based, in characters, e-mail quoting counted) of `needle` on line `line` of
/// `text`; with an empty or absent needle, of the line's first character that is neither blank
/// nor quoting. What a problem's position points at.
pub fn column_of(text: &str, line: usize, needle: &str) -> usize {
    let raw = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    let at = raw
        .find(needle)
        .filter(|_| !needle.is_empty())
        .unwrap_or_else(|| {
            let skipped = quote_prefix(raw);
            let rest = raw.get(skipped..).unwrap_or_default();
            skipped + rest.len() - rest.trim_start().len()
        });
    raw.get(..at).unwrap_or_default().chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_is_removed_and_prompts_kept() {
        let cases: &[(&str, &str)] = &[
            ("> AMQ9633E: Bad", "AMQ9633E: Bad"),
            (">> AMQ9633E: Bad", "AMQ9633E: Bad"),
            ("> > AMQ9633E: Bad", "AMQ9633E: Bad"),
            (">", ""),
            ("> ", ""),
            (">mqpgfc -qm QM1", ">mqpgfc -qm QM1"),
            ("> >mqpgfc -qm QM1", ">mqpgfc -qm QM1"),
            ("   indented", "   indented"),
            (">    EXPLANATION:", "   EXPLANATION:"),
            ("DEFINE QLOCAL(X) +\r", "DEFINE QLOCAL(X) +"),
            // grep's file-name prefixes over error logs (matching and context lines, -n).
            (
                "/var/mqm/errors/AMQERR01.LOG-11/30/2026 04:40:12 PM - Process(1.1)",
                "11/30/2026 04:40:12 PM - Process(1.1)",
            ),
            (
                "/var/mqm/errors/AMQERR01.LOG:AMQ9716E: Remote SSL",
                "AMQ9716E: Remote SSL",
            ),
            (
                "AMQERR02.LOG-57-                    VRMF(9.3.0.5)",
                "                    VRMF(9.3.0.5)",
            ),
            (
                "> C:\\ProgramData\\IBM\\MQ\\errors\\AMQERR01.LOG:12:AMQ9633E: Bad",
                "AMQ9633E: Bad",
            ),
            // Headings and prose naming the file keep their text.
            ("AMQERR01.LOG: (client side)", "AMQERR01.LOG: (client side)"),
            ("see AMQERR01.LOG-ish files", "see AMQERR01.LOG-ish files"),
        ];
        for (input, expected) in cases {
            assert_eq!(lines(input), [*expected], "{input:?}");
        }
        assert_eq!(unquote("> a\r\n> b\r\n"), "a\nb\n");
    }

    #[test]
    fn typographic_quotes_become_plain() {
        assert_eq!(
            plain_quotes("for channel \u{2018}ORDERS.SVRCONN\u{2019}. \u{201C}x\u{201D}"),
            "for channel 'ORDERS.SVRCONN'. \"x\""
        );
        assert!(matches!(
            plain_quotes("plain 'a'"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn grep_line_numbers_are_stripped_only_from_a_numbered_run() {
        let text = "grep -n AMQ9633E AMQERR01.LOG\n18819-\n18820:AMQ9633E: Bad SSL certificate\n18821-\n--\n18830-The certificate validation error was 575032.\n2026-12-01 08:14:02 ERROR x\n";
        let cleaned = without_grep_line_numbers(text).unwrap();
        assert_eq!(
            cleaned,
            "grep -n AMQ9633E AMQERR01.LOG\n\nAMQ9633E: Bad SSL certificate\n\n--\nThe certificate validation error was 575032.\n2026-12-01 08:14:02 ERROR x\n"
        );
        // Dates, or numbered lines without a match, are left alone.
        assert!(without_grep_line_numbers("2026-12-01 a\n2026-12-01 b\n2026-12-01 c\n").is_none());
        assert!(without_grep_line_numbers("1-a\n2-b\n3-c\n").is_none());
    }

    #[test]
    fn a_label_before_an_entry_header_is_not_the_entrys() {
        let line = "Client error log: 12/01/2026 06:05:41 AM - Process(14402.1) User(billing) Program(billing-batch)";
        assert_eq!(
            line.get(quote_prefix(line)..),
            Some("12/01/2026 06:05:41 AM - Process(14402.1) User(billing) Program(billing-batch)")
        );
        // A message id, or a label before anything else, stays.
        assert_eq!(
            quote_prefix("AMQ9716E: Remote SSL certificate revocation status"),
            0
        );
        assert_eq!(quote_prefix("Note: 12/01/2026 was a Tuesday"), 0);
    }
}
