//! The times MQ writes in its error logs and FFSTs, and application output around them.
//!
//! AMQERR01.LOG entry headers start with the local date and time in the format of the machine's
//! locale: `11/30/2026 04:40:12 PM` (12-hour with AM/PM, the default on many Linux and Windows
//! systems), `11/30/2026 16:40:12`, older releases `11/30/15 20:31:03` (two-digit year); from MQ 9.1
//! the header also carries `Time(2026-11-30T16:40:12.123Z)` in UTC ISO 8601 (IBM, "Error logs on
//! AIX, Linux, and Windows": https://www.ibm.com/docs/en/ibm-mq/9.3?topic=logs-error-aix-linux-windows ;
//! the JSON log's `ibm_datetime` is "YYYY-MM-DDTHH:MM:SS.mmmZ, always in UTC":
//! https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.doc/q130430_.html).
//! A local time has no zone: mqocsp takes it as UTC and says so.

use crate::timestamp::Timestamp;
use serde::Serialize;

/// A time read from a log, with what it was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogTime {
    /// The instant (a local time is taken as UTC: see `utc`).
    pub at: Timestamp,
    /// The text as written.
    pub text: String,
    /// Whether the text gave the zone (`Time(…Z)`, `ibm_datetime`); `false`: local time taken as
    /// UTC.
    pub utc: bool,
    /// What had to be assumed to read it (the day/month order, a two-digit year).
    pub assumption: Option<String>,
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `2026-11-30T16:40:12.123Z` (or with an offset); fractions are dropped.
pub fn iso(text: &str) -> Option<LogTime> {
    let trimmed = text.trim();
    let (main, zone) = match trimmed.find(['Z', 'z', '+']) {
        Some(i) => trimmed.split_at(i),
        None => match trimmed.rfind('-').filter(|i| *i > 10) {
            Some(i) => trimmed.split_at(i),
            None => (trimmed, "Z"),
        },
    };
    let main = main.split('.').next().unwrap_or_default();
    let at = Timestamp::parse_rfc3339(&format!("{main}{zone}"))?;
    Some(LogTime {
        at,
        text: trimmed.to_owned(),
        utc: true,
        assumption: None,
    })
}

/// A date and time at the start of `text` (after `[` and spaces), in any form MQ or an MQ
/// application writes: `11/30/2026 04:40:12 PM`, `11/30/2026 16:40:12`, `30/11/2026 16:40:12`,
/// `2026/11/30 16:40:12.459`, `2026-11-30 16:40:12`, `11/30/15 20:31:03`. Returns the time and the
/// number of bytes read.
pub fn leading(text: &str) -> Option<(LogTime, usize)> {
    let skipped = text.len() - text.trim_start_matches(['[', ' ']).len();
    let rest = text.get(skipped..)?;
    let mut words = rest.split(' ').filter(|w| !w.is_empty());
    let date = words.next()?;
    let clock = words.next()?;
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (na, nb, nc) = (number(a)?, number(b)?, number(c)?);
    let mut assumption = None;
    let (year, month, day) = if a.len() == 4 {
        (na, nb, nc)
    } else if c.len() == 4 || c.len() == 2 {
        let year = if c.len() == 2 {
            assumption = Some(format!("the two-digit year {c} read as 20{c}"));
            2000 + nc
        } else {
            nc
        };
        if na > 12 {
            (year, nb, na)
        } else if nb > 12 || date.contains('.') {
            (year, na, nb)
        } else {
            if na != nb {
                let order = format!("{a}/{b} read as month/day (the US order MQ uses by default)");
                assumption = Some(match assumption {
                    Some(first) => format!("{first}; {order}"),
                    None => order,
                });
            }
            (year, na, nb)
        }
    } else {
        return None;
    };
    // `30.11.2026` is day.month.year.
    let (month, day) = if date.contains('.') && a.len() != 4 {
        (nb, na)
    } else {
        (month, day)
    };
    let hms: Vec<&str> = clock.split(':').collect();
    let [h, m, s] = hms.as_slice() else {
        return None;
    };
    let s = s.split(['.', ',']).next().unwrap_or_default();
    let (mut hour, minute, second) = (number(h)?, number(m)?, number(s)?);
    let mut consumed = skipped + rest.find(clock)? + clock.len();
    let after = text.get(consumed..).unwrap_or_default();
    let meridiem = after.trim_start().get(..2).map(str::to_ascii_uppercase);
    if let Some(marker) = meridiem.filter(|m| m == "AM" || m == "PM") {
        if hour == 0 || hour > 12 {
            return None;
        }
        hour = match (marker.as_str(), hour) {
            ("AM", 12) => 0,
            ("PM", 12) => 12,
            ("PM", h) => h + 12,
            (_, h) => h,
        };
        consumed += after.len() - after.trim_start().len() + 2;
    }
    if month == 0 || month > 12 || day == 0 || day > 31 || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let at = Timestamp::parse_rfc3339(&format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z"
    ))?;
    let written = text
        .get(skipped..consumed)?
        .trim_end_matches(']')
        .to_owned();
    Some((
        LogTime {
            at,
            text: written,
            utc: false,
            assumption,
        },
        consumed,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_mq_writes_reads_as_the_right_instant() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "11/30/2026 04:40:12 PM - Process(1)",
                "2026-11-30T16:40:12Z",
                None,
            ),
            ("11/30/2026 04:40:12 AM", "2026-11-30T04:40:12Z", None),
            ("11/30/2026 12:05:00 AM", "2026-11-30T00:05:00Z", None),
            ("11/30/2026 12:05:00 PM", "2026-11-30T12:05:00Z", None),
            (
                "11/30/2026 16:40:12 - Process",
                "2026-11-30T16:40:12Z",
                None,
            ),
            ("30/11/2026 16:40:12", "2026-11-30T16:40:12Z", None),
            ("30.11.2026 16:40:12", "2026-11-30T16:40:12Z", None),
            (
                "[2022/02/02 14:38:22.459] MQCONNX",
                "2022-02-02T14:38:22Z",
                None,
            ),
            ("2026-11-30 16:40:12", "2026-11-30T16:40:12Z", None),
            (
                "11/11/15 20:31:03 - Process",
                "2015-11-11T20:31:03Z",
                Some("two-digit"),
            ),
            (
                "03/04/2026 10:00:00",
                "2026-03-04T10:00:00Z",
                Some("month/day"),
            ),
        ];
        for (text, expected, assumption) in cases {
            let (time, _) = leading(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(time.at.to_string(), *expected, "{text}");
            assert!(!time.utc);
            match assumption {
                Some(word) => assert!(
                    time.assumption.as_deref().unwrap_or("").contains(word),
                    "{text}: {:?}",
                    time.assumption
                ),
                None => assert_eq!(time.assumption, None, "{text}"),
            }
        }
        let (pm, used) = leading("11/30/2026 04:40:12 PM - Process(1)").unwrap();
        assert_eq!(pm.text, "11/30/2026 04:40:12 PM");
        assert_eq!(used, 22);
        for text in [
            "13/13/2026 10:00:00",
            "11/30/2026 13:00:00 PM",
            "Process(1)",
            "1/2 3:4",
        ] {
            assert!(leading(text).is_none(), "{text}");
        }
        assert_eq!(
            iso("2026-11-30T16:40:12.123Z").unwrap().at.to_string(),
            "2026-11-30T16:40:12Z"
        );
        assert_eq!(
            iso("2026-11-30T17:40:12+01:00").unwrap().at.to_string(),
            "2026-11-30T16:40:12Z"
        );
    }
}
