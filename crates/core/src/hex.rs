//! Hex text: lowercase without separators (mqocsp's output form) and lenient parsing of the many
//! forms people paste (`30 82 01`, `30:82:01`, `308201`).

/// Lowercase hex without separators.
pub fn lower(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        out.push(char::from(
            DIGITS.get(usize::from(byte >> 4)).copied().unwrap_or(b'0'),
        ));
        out.push(char::from(
            DIGITS.get(usize::from(byte & 0xf)).copied().unwrap_or(b'0'),
        ));
    }
    out
}

/// Uppercase hex pairs separated by colons, the form openssl and IBM MQ print fingerprints in.
pub fn colon_upper(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// Parses hex digits, ignoring whitespace and `:` separators. `None` when anything else appears
/// or the digit count is odd.
pub fn parse_lenient(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':')
        .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
        .collect::<Option<_>>()?;
    if !digits.len().is_multiple_of(2) {
        return None;
    }
    Some(
        digits
            .chunks(2)
            .map(|pair| pair.iter().fold(0, |acc, d| (acc << 4) | d))
            .collect(),
    )
}

/// Lowercase hex of a DER INTEGER's content without the leading sign byte(s): how serial numbers
/// are shown and compared. A negative INTEGER (RFC 5280 §4.1.2.2 forbids them, yet CAs issued
/// some) is written as `openssl` prints it, `-` and its magnitude (`-01` for the single octet
/// `ff`), so that it never equals the positive serial with the same octets (NIST PKITS 4.4.14).
pub(crate) fn unsigned_integer(raw: &[u8]) -> String {
    if raw.first().is_some_and(|&b| b & 0x80 != 0) {
        // Two's complement: the magnitude is the bitwise complement plus one.
        let mut magnitude: Vec<u8> = raw.iter().map(|b| !b).collect();
        for byte in magnitude.iter_mut().rev() {
            let (sum, carry) = byte.overflowing_add(1);
            *byte = sum;
            if !carry {
                break;
            }
        }
        let first = magnitude.iter().position(|&b| b != 0).unwrap_or(0);
        return format!("-{}", lower(magnitude.get(first..).unwrap_or(&magnitude)));
    }
    let first_significant = raw
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(raw.len().saturating_sub(1));
    lower(raw.get(first_significant..).unwrap_or(raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_forms() {
        assert_eq!(lower(&[0x0a, 0xff]), "0aff");
        assert_eq!(colon_upper(&[0x0a, 0xff]), "0A:FF");
        assert_eq!(
            parse_lenient("30 82:01\n0a"),
            Some(vec![0x30, 0x82, 0x01, 0x0a])
        );
        assert_eq!(parse_lenient("308"), None);
        assert_eq!(parse_lenient("30zz"), None);
    }
}
