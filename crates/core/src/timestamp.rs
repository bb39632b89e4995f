//! Times: the [`Timestamp`] every model uses, shown as RFC 3339 UTC everywhere.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A point in time from a certificate, CRL or OCSP message (or the evaluation time).
///
/// Serialised and displayed as RFC 3339 UTC (`2031-08-02T08:20:27Z`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub OffsetDateTime);

impl Timestamp {
    /// Seconds since the Unix epoch.
    pub fn unix(&self) -> i64 {
        self.0.unix_timestamp()
    }

    /// From seconds since the Unix epoch; `None` out of range.
    pub fn from_unix(seconds: i64) -> Option<Self> {
        OffsetDateTime::from_unix_timestamp(seconds).ok().map(Self)
    }

    /// The time without its fraction of a second. Certificate times carry whole seconds (RFC 5280
    /// §4.1.2.5.1, §4.1.2.5.2: no fractional seconds), so an evaluation time is compared at that
    /// granularity: 5 ms after a notAfter of 00:00:00 is still within it, the reading CAs in the
    /// Web PKI are held to (Mozilla bug 1715455).
    pub fn whole_seconds(self) -> Self {
        Self(self.0.replace_nanosecond(0).unwrap_or(self.0))
    }

    /// Parses RFC 3339 (`2026-11-26T14:00:00Z`, offsets allowed).
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        OffsetDateTime::parse(text.trim(), &Rfc3339).ok().map(Self)
    }

    /// From a DER UTCTime or GeneralizedTime's text.
    pub fn from_asn1(utc: bool, text: &str) -> Option<Self> {
        asn1_time(utc, text).and_then(|rfc| Self::parse_rfc3339(&rfc))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&rfc3339(self.0))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads the RFC 3339 text `Serialize` writes (which keeps every fraction of a second).
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse_rfc3339(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("'{text}' is not an RFC 3339 time")))
    }
}

/// Formats a time as RFC 3339 in UTC (`2031-08-02T08:20:27Z`).
pub(crate) fn rfc3339(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_else(|_| format!("{at}"))
}

/// Converts the text of a DER UTCTime (`YYMMDDHHMMSSZ`) or GeneralizedTime
/// (`YYYYMMDDHHMMSS[.f]Z`) to RFC 3339. `None` when it is not the DER form (X.690 §11.7, §11.8).
pub(crate) fn asn1_time(utc: bool, text: &str) -> Option<String> {
    let body = text.strip_suffix('Z')?;
    let (date, fraction) = match body.split_once('.') {
        Some((date, fraction)) if !utc && !fraction.is_empty() && !fraction.ends_with('0') => {
            (date, Some(fraction))
        }
        Some(_) => return None,
        None => (body, None),
    };
    if !date.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = if utc {
        let yy: u32 = date.get(..2)?.parse().ok()?;
        (if yy >= 50 { 1900 + yy } else { 2000 + yy }, date.get(2..)?)
    } else {
        (date.get(..4)?.parse().ok()?, date.get(4..)?)
    };
    if rest.len() != 10 {
        return None;
    }
    let field = |range: std::ops::Range<usize>| rest.get(range).and_then(|f| f.parse::<u8>().ok());
    let month = time::Month::try_from(field(0..2)?).ok()?;
    let date =
        time::Date::from_calendar_date(i32::try_from(year).ok()?, month, field(2..4)?).ok()?;
    let clock = time::Time::from_hms(field(4..6)?, field(6..8)?, field(8..10)?).ok()?;
    let mut out = rfc3339(date.with_time(clock).assume_utc());
    if let Some(fraction) = fraction {
        out.insert_str(out.len() - 1, &format!(".{fraction}"));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::asn1_time;

    #[test]
    fn asn1_times_to_rfc3339() {
        let cases = [
            (true, "310802082027Z", Some("2031-08-02T08:20:27Z")),
            (true, "500101000000Z", Some("1950-01-01T00:00:00Z")),
            (false, "20220202132224Z", Some("2022-02-02T13:22:24Z")),
            (false, "20220202132224.5Z", Some("2022-02-02T13:22:24.5Z")),
            (false, "20220202132224.50Z", None),
            (true, "3108020820Z", None),
            (false, "20221302000000Z", None),
            (true, "310802082027+0100", None),
        ];
        for (utc, text, expected) in cases {
            assert_eq!(asn1_time(utc, text).as_deref(), expected, "{text}");
        }
    }
}
