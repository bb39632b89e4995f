//! DER writing for tests: mqocsp-core's writer, plus helpers to pick values apart.

pub use mqocsp_core::der_write::*;

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
