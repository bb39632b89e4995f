//! The cheap part of IDNA (RFC 5891 §4, RFC 3492): a host name typed with Unicode labels becomes
//! the A-labels certificates carry (RFC 5280 §7.2 stores IDNs as A-labels), so `bücher.example`
//! matches `DNS:xn--bcher-kva.example`. Labels are lower-cased with Unicode's simple mapping; the
//! full UTS #46 mapping and NFC normalisation are not applied (a name that needs them does not
//! match, which fails safe).

/// Longest label converted (RFC 1035's 63 octets; a longer one cannot match anyway).
const MAX_LABEL_CHARS: usize = 63;

const BASE: u64 = 36;
const T_MIN: u64 = 1;
const T_MAX: u64 = 26;
const SKEW: u64 = 38;
const DAMP: u64 = 700;
const INITIAL_BIAS: u64 = 72;
const INITIAL_N: u64 = 128;

fn adapt(delta: u64, points: u64, first: bool) -> u64 {
    let mut delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / points.max(1);
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + ((BASE - T_MIN + 1) * delta) / (delta + SKEW)
}

fn digit(d: u64) -> Option<char> {
    match d {
        0..=25 => char::from_u32(u32::try_from(d).ok()? + u32::from(b'a')),
        26..=35 => char::from_u32(u32::try_from(d - 26).ok()? + u32::from(b'0')),
        _ => None,
    }
}

/// RFC 3492 §6.3: the Punycode of one label, `None` when it is too long or overflows.
pub(crate) fn punycode(label: &str) -> Option<String> {
    let input: Vec<u64> = label.chars().map(|c| u64::from(u32::from(c))).collect();
    if input.len() > MAX_LABEL_CHARS {
        return None;
    }
    let mut output: String = label.chars().filter(char::is_ascii).collect();
    let basic = output.len() as u64;
    let mut handled = basic;
    if basic > 0 {
        output.push('-');
    }
    let (mut n, mut delta, mut bias) = (INITIAL_N, 0u64, INITIAL_BIAS);
    while handled < input.len() as u64 {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    output.push(digit(t + (q - t) % (BASE - t))?);
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(digit(q)?);
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n += 1;
    }
    Some(output)
}

/// A host name as A-labels: ASCII labels lower-cased, others lower-cased and Punycode-encoded
/// with the `xn--` prefix. `None` when a label cannot be converted.
pub(crate) fn to_ascii(host: &str) -> Option<String> {
    if host.is_ascii() {
        return Some(host.to_ascii_lowercase());
    }
    let labels: Option<Vec<String>> = host
        .split('.')
        .map(|label| {
            let lower = label.to_lowercase();
            if lower.is_ascii() {
                Some(lower)
            } else {
                punycode(&lower).map(|p| format!("xn--{p}"))
            }
        })
        .collect();
    labels.map(|l| l.join("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_3492_and_common_vectors() {
        for (label, expected) in [
            ("bücher", "bcher-kva"),
            ("münchen", "mnchen-3ya"),
            ("😜", "628h"),
            ("пример", "e1afmkfd"),
            ("例え", "r8jz45g"),
        ] {
            assert_eq!(punycode(label).as_deref(), Some(expected), "{label}");
        }
        assert_eq!(
            to_ascii("Bücher.Example").as_deref(),
            Some("xn--bcher-kva.example")
        );
        assert_eq!(
            to_ascii("qm1.example.com").as_deref(),
            Some("qm1.example.com")
        );
    }
}
