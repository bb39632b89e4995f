//! Times as RFC 3339 UTC strings, the form every output of mqocsp uses.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Formats a time as RFC 3339 in UTC (`2031-08-02T08:20:27Z`).
pub(crate) fn rfc3339(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_else(|_| format!("{at}"))
}
