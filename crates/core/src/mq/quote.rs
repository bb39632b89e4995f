//! Pasted text as it arrives in a ticket: e-mail quoting (`> `, `>> `, `> > `) and Windows line
//! ends. Every reader calls [`unquote`] first, so a quoted AMQERR01.LOG or MQSC block reads as the
//! original. Lines are never removed, so line numbers stay those of the paste; columns of a
//! quoted line count from after the quote marks.

/// How many characters of e-mail quoting start `line` (`> `, `>> `, `> > `, a bare `>`).
/// A `>` directly followed by text (`>mqpgfc`, a command prompt) is not quoting.
pub fn quote_prefix(line: &str) -> usize {
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
        ];
        for (input, expected) in cases {
            assert_eq!(lines(input), [*expected], "{input:?}");
        }
        assert_eq!(unquote("> a\r\n> b\r\n"), "a\nb\n");
    }
}
