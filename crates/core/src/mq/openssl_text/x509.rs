//! Certificates as `openssl x509 -text` prints them.

use super::{after, openssl_time};
use crate::timestamp::Timestamp;
use serde::Serialize;

/// A certificate as `openssl x509 -text` prints it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TextCertificate {
    /// 1-based line of `Certificate:`.
    pub line: usize,
    /// `Serial Number:`, lowercase hex without separators.
    pub serial: Option<String>,
    /// `Issuer:`.
    pub issuer: Option<String>,
    /// `Subject:`.
    pub subject: Option<String>,
    /// `Not Before:`.
    pub not_before: Option<Timestamp>,
    /// `Not After :`.
    pub not_after: Option<Timestamp>,
    /// `CA:TRUE` / `CA:FALSE` under Basic Constraints.
    pub ca: Option<bool>,
    /// Extended Key Usage as printed (`TLS Web Client Authentication`).
    pub extended_key_usage: Vec<String>,
    /// `OCSP - URI:` of Authority Information Access.
    pub ocsp_urls: Vec<String>,
    /// `URI:` of CRL Distribution Points.
    pub crl_urls: Vec<String>,
}

/// Which multi-line field of a printed certificate the next lines belong to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CertField {
    None,
    Serial,
    Eku,
    BasicConstraints,
    Crl,
}

/// `1714945 (0x1a2b01)` or `1a:2b:01` → `1a2b01`.
fn serial_hex(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(hex) = text.split_once("(0x").map(|(_, h)| h.trim_end_matches(')')) {
        return Some(hex.to_ascii_lowercase());
    }
    let hex: String = text.chars().filter(|c| *c != ':').collect();
    (!hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| hex.to_ascii_lowercase())
}

/// Reads one line of a printed certificate; `false` when the line is not part of it.
pub(super) fn certificate_line(
    c: &mut TextCertificate,
    field: &mut CertField,
    raw: &str,
    line: usize,
    problems: &mut Vec<(usize, String)>,
) -> bool {
    let t = raw.trim();
    if !raw.starts_with([' ', '\t']) {
        return false;
    }
    let time = |v: &str, problems: &mut Vec<(usize, String)>| {
        let at = openssl_time(v);
        if at.is_none() {
            problems.push((line, format!("'{t}': not a time openssl prints")));
        }
        at
    };
    match *field {
        CertField::Serial if c.serial.is_none() => {
            c.serial = serial_hex(t);
            *field = CertField::None;
            return true;
        }
        CertField::Eku => {
            c.extended_key_usage = t.split(", ").map(str::to_owned).collect();
            *field = CertField::None;
            return true;
        }
        CertField::BasicConstraints => {
            c.ca = Some(t.starts_with("CA:TRUE"));
            *field = CertField::None;
            return true;
        }
        _ => {}
    }
    if let Some(serial) = after(t, "Serial Number:") {
        c.serial = serial_hex(serial);
        *field = if c.serial.is_none() {
            CertField::Serial
        } else {
            CertField::None
        };
    } else if let Some(issuer) = after(t, "Issuer:") {
        c.issuer = Some(issuer.to_owned());
    } else if let Some(subject) = after(t, "Subject:") {
        c.subject = Some(subject.to_owned());
    } else if let Some(at) = after(t, "Not Before:") {
        c.not_before = time(at, problems);
    } else if let Some(at) = after(t, "Not After :").or_else(|| after(t, "Not After:")) {
        c.not_after = time(at, problems);
    } else if t.starts_with("X509v3 Extended Key Usage") {
        *field = CertField::Eku;
    } else if t.starts_with("X509v3 Basic Constraints") {
        *field = CertField::BasicConstraints;
    } else if t.starts_with("X509v3 CRL Distribution Points") {
        *field = CertField::Crl;
    } else if let Some(url) = after(t, "OCSP - URI:") {
        c.ocsp_urls.push(url.to_owned());
    } else if let Some(url) = after(t, "URI:").filter(|_| *field == CertField::Crl) {
        c.crl_urls.push(url.to_owned());
    } else if t.starts_with("X509v3") || t.starts_with("Authority Information Access") {
        *field = CertField::None;
    }
    true
}
