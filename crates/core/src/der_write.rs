//! A small DER writer: enough to build OCSP requests (and, in tests, any structure, right or wrong).

/// A tag-length-value with the given identifier octet.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(u8::try_from(len).unwrap_or(0));
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | u8::try_from(bytes.len()).unwrap_or(0));
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

/// SEQUENCE of the concatenated parts.
pub fn seq(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

/// INTEGER from big-endian magnitude bytes (a 0x00 is added when the top bit is set).
pub fn int(magnitude: &[u8]) -> Vec<u8> {
    let mut content: Vec<u8> = magnitude.iter().copied().skip_while(|&b| b == 0).collect();
    if content.first().is_none_or(|b| b & 0x80 != 0) {
        content.insert(0, 0);
    }
    tlv(0x02, &content)
}

/// ENUMERATED with a small value.
pub fn enumerated(value: u8) -> Vec<u8> {
    tlv(0x0a, &[value])
}

/// OBJECT IDENTIFIER from dotted text (arcs that do not parse become 0).
pub fn oid(dotted: &str) -> Vec<u8> {
    let arcs: Vec<u64> = dotted.split('.').map(|a| a.parse().unwrap_or(0)).collect();
    let mut content = Vec::new();
    let mut push = |mut value: u64| {
        let mut chunk = vec![u8::try_from(value & 0x7f).unwrap_or(0)];
        value >>= 7;
        while value > 0 {
            chunk.push(0x80 | u8::try_from(value & 0x7f).unwrap_or(0));
            value >>= 7;
        }
        chunk.reverse();
        content.extend(chunk);
    };
    let first = arcs.first().copied().unwrap_or(0);
    let second = arcs.get(1).copied().unwrap_or(0);
    push(first * 40 + second);
    for &arc in arcs.iter().skip(2) {
        push(arc);
    }
    tlv(0x06, &content)
}

/// OCTET STRING.
pub fn octets(content: &[u8]) -> Vec<u8> {
    tlv(0x04, content)
}

/// BIT STRING with no unused bits.
pub fn bits(content: &[u8]) -> Vec<u8> {
    let mut with_unused = vec![0];
    with_unused.extend_from_slice(content);
    tlv(0x03, &with_unused)
}

/// NULL.
pub fn null() -> Vec<u8> {
    vec![0x05, 0x00]
}

/// GeneralizedTime from `YYYYMMDDHHMMSS` (the `Z` is added).
pub fn generalized_time(digits: &str) -> Vec<u8> {
    tlv(0x18, format!("{digits}Z").as_bytes())
}

/// `[n] EXPLICIT` around one value.
pub fn explicit(n: u8, inner: &[u8]) -> Vec<u8> {
    tlv(0xa0 | n, inner)
}

/// `[n] IMPLICIT` constructed (the parts become the content).
pub fn implicit_constructed(n: u8, parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(0xa0 | n, &parts.concat())
}

/// `[n] IMPLICIT` primitive.
pub fn implicit_primitive(n: u8, content: &[u8]) -> Vec<u8> {
    tlv(0x80 | n, content)
}

/// AlgorithmIdentifier with no parameters (Ed25519, ECDSA) or NULL parameters (SHA-1, RSA).
pub fn algorithm(dotted: &str, null_parameters: bool) -> Vec<u8> {
    if null_parameters {
        seq(&[oid(dotted), null()])
    } else {
        seq(&[oid(dotted)])
    }
}

/// `der` as a PEM block with `label` (RFC 7468: base64 in lines of 64 characters).
pub fn pem(label: &str, der: &[u8]) -> String {
    use base64::Engine as _;
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_parse_back() {
        let value = seq(&[
            int(&[0x80]),
            oid("1.3.6.1.5.5.7.48.1.1"),
            octets(&[0; 200]),
            explicit(0, &null()),
        ]);
        let tree = crate::der::parse(&value);
        assert!(tree.is_strict(), "{:?}", tree.problems);
        assert_eq!(int(&[0x80]), [0x02, 0x02, 0x00, 0x80]);
        assert_eq!(oid("2.5.4.3"), [0x06, 0x03, 0x55, 0x04, 0x03]);
    }
}
