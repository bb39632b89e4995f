//! File names a ticket lists with `ls -l` (`-rw-------. 1 pay pay 10088 Nov 30 14:02 key.kdb`)
//! or Windows' `dir` (`11/30/2026  02:02 PM            10,088 key.kdb`): what a directory holds,
//! so that a key repository without its stash file beside it can be seen.

/// At most this many names are kept.
const MAX_FILES: usize = 500;

/// `(line, file name)` for each file a listing in `text` shows.
pub fn files(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (index, line) in super::quote::lines(text).into_iter().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let (Some(first), Some(name)) = (words.first(), words.last()) else {
            continue;
        };
        // dir: date, time, AM/PM (by locale), size, name.
        let size_at = if words.get(2).is_some_and(|w| *w == "AM" || *w == "PM") {
            3
        } else {
            2
        };
        let sized = words.get(size_at).is_some_and(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        });
        let dir = words.len() == size_at + 2 && dir_date(first) && sized;
        if (words.len() >= 6 && ls_mode(first)) || dir {
            out.push((index + 1, (*name).to_owned()));
            if out.len() >= MAX_FILES {
                break;
            }
        }
    }
    out
}

/// `-rw-------.`, `-rw-r--r--@`: a regular file's mode as `ls -l` prints it.
fn ls_mode(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mode = bytes.get(..10).unwrap_or_default();
    bytes.first() == Some(&b'-')
        && mode.len() == 10
        && mode.iter().skip(1).all(|b| b"rwxsStT-".contains(b))
        && bytes.len() <= 11
}

/// `11/30/2026` or `30.11.2026`: the date `dir` starts a line with.
fn dir_date(word: &str) -> bool {
    let digits = word.bytes().filter(u8::is_ascii_digit).count();
    digits == 8
        && word.len() == 10
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b"/.-".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::files;

    #[test]
    fn ls_and_dir_listings() {
        let text = "\
total 24
-rw-------. 1 pay pay 10088 Nov 30 14:02 payments.kdb
-rw-------. 1 pay pay    80 Nov 30 14:02 payments.rdb
drwx------. 2 pay pay    80 Nov 30 14:02 old
11/30/2026  02:02 PM            10,088 report.kdb
a sentence with six words in it
12/01/2026 09:14:27 AM - Process(20931.1) User(pay) Program(paysend)";
        let names: Vec<String> = files(text).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["payments.kdb", "payments.rdb", "report.kdb"]);
    }
}
