//! A tiny DER writer for building test objects field by field, including wrong ones.

/// A tag-length-value with the given identifier octet.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
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
    if content.is_empty() || content[0] & 0x80 != 0 {
        content.insert(0, 0);
    }
    tlv(0x02, &content)
}

/// ENUMERATED with a small value.
pub fn enumerated(value: u8) -> Vec<u8> {
    tlv(0x0a, &[value])
}

/// OBJECT IDENTIFIER from dotted text.
pub fn oid(dotted: &str) -> Vec<u8> {
    let arcs: Vec<u64> = dotted
        .split('.')
        .map(|a| a.parse().expect("numeric arc"))
        .collect();
    let mut content = Vec::new();
    let mut push = |mut value: u64| {
        let mut chunk = vec![(value & 0x7f) as u8];
        value >>= 7;
        while value > 0 {
            chunk.push(0x80 | (value & 0x7f) as u8);
            value >>= 7;
        }
        chunk.reverse();
        content.extend(chunk);
    };
    push(arcs[0] * 40 + arcs[1]);
    for &arc in &arcs[2..] {
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

/// The content of the outermost value's TLV: strips the tag and length.
pub fn content_of(der: &[u8]) -> &[u8] {
    let len_byte = der[1];
    let header = if len_byte < 0x80 {
        2
    } else {
        2 + usize::from(len_byte & 0x7f)
    };
    &der[header..]
}

/// The `index`th top-level value inside a constructed value's content, as a whole TLV.
pub fn child(der: &[u8], index: usize) -> Vec<u8> {
    let mut rest = content_of(der);
    for _ in 0..index {
        let len = tlv_len(rest);
        rest = &rest[len..];
    }
    rest[..tlv_len(rest)].to_vec()
}

fn tlv_len(der: &[u8]) -> usize {
    let len_byte = der[1];
    if len_byte < 0x80 {
        2 + usize::from(len_byte)
    } else {
        let octets = usize::from(len_byte & 0x7f);
        let len = der[2..2 + octets]
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        2 + octets + len
    }
}
