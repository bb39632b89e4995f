//! Distribution point names as directory names, read from the DER (RFC 5280 §4.2.1.13,
//! §5.2.5): a certificate's cRLDistributionPoints and a CRL's issuingDistributionPoint, with a
//! name relative to the CRL issuer (`nameRelativeToCRLIssuer`) made whole by appending it to the
//! CRL issuer's name, as §6.3.3 (b)(2)(i) compares them.
//!
//! x509-parser reads the implicitly tagged `[1]` RelativeDistinguishedName as an explicit SET,
//! fails, and drops the distribution point; the DER is therefore walked here.

use crate::certificate::Certificate;
use crate::der::{Node, Tag, parse};
use crate::der_write::tlv;
use crate::extension::Extension;
use crate::name::DistinguishedName;
use x509_parser::prelude::FromDer;
use x509_parser::x509::X509Name;

/// One distribution point of a certificate.
#[derive(Debug, Default)]
pub(crate) struct Point {
    /// Its name as directory names: full names of the directoryName form, or the relative name
    /// appended to its CRL issuer's name (the cRLIssuer, else the certificate's issuer).
    pub names: Vec<DistinguishedName>,
    /// Whether it has a distributionPoint at all.
    pub named: bool,
    /// Its cRLIssuer's directory names.
    pub crl_issuers: Vec<DistinguishedName>,
    /// Its reasons, as a [`ReasonMask`]; `None`: all reasons.
    pub reasons: Option<ReasonMask>,
}

/// ReasonFlags (RFC 5280 §4.2.1.13) as a mask: bit n is the BIT STRING's bit n.
pub(crate) type ReasonMask = u16;

/// keyCompromise to aACompromise (bits 1 to 8): every reason a CRL can cover (§6.3.3's
/// all-reasons; bit 0, unused, does not count).
pub(crate) const ALL_REASONS: ReasonMask = 0b1_1111_1110;

/// The names of the reasons in `mask`, for the trace.
pub(crate) fn reason_names(mask: ReasonMask) -> String {
    const NAMES: [&str; 9] = [
        "unused",
        "keyCompromise",
        "cACompromise",
        "affiliationChanged",
        "superseded",
        "cessationOfOperation",
        "certificateHold",
        "privilegeWithdrawn",
        "aACompromise",
    ];
    NAMES
        .iter()
        .enumerate()
        .filter(|(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, name)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A ReasonFlags BIT STRING's content (its unused-bits octet first) as a mask.
fn reason_mask(content: &[u8]) -> ReasonMask {
    let mut mask = 0;
    for (byte_index, byte) in content.iter().skip(1).take(2).enumerate() {
        for bit in 0..8 {
            if byte & (0x80 >> bit) != 0 {
                mask |= 1 << (byte_index * 8 + bit);
            }
        }
    }
    mask
}

/// The extnValue content of `extension`, in `der`.
fn value<'a>(extension: &Extension, der: &'a [u8]) -> Option<&'a [u8]> {
    let whole = extension.span.of(der);
    let tree = parse(whole);
    let octets = tree.root?.children.into_iter().last()?;
    (octets.tag == Tag::OCTET_STRING).then_some(())?;
    whole.get(octets.content_span().start..octets.content_span().end)
}

/// A Name's DER (the SEQUENCE) with one more RDN, whose attributes are `atvs` (their DER).
fn appended(base: &[u8], atvs: &[u8]) -> Option<DistinguishedName> {
    let tree = parse(base);
    let root = tree.root?;
    let mut content = root.content_span().of(base).to_vec();
    content.extend(tlv(0x31, atvs));
    let name = tlv(0x30, &content);
    let (_, parsed) = X509Name::from_der(&name).ok()?;
    Some(DistinguishedName::from_x509(&parsed))
}

/// The directory names among GeneralNames `node`'s children ([4] holds a Name).
fn directory_names(node: &Node, der: &[u8]) -> Vec<(DistinguishedName, Vec<u8>)> {
    node.children
        .iter()
        .filter(|n| n.tag == Tag::context(4, true))
        .filter_map(|n| n.children.first())
        .filter_map(|name| {
            let bytes = name.span().of(der);
            let (_, parsed) = X509Name::from_der(bytes).ok()?;
            Some((DistinguishedName::from_x509(&parsed), bytes.to_vec()))
        })
        .collect()
}

/// A DistributionPointName (`[0]`'s content node) as directory names: its full names, or its
/// relative name appended to `issuer` (a Name's DER).
fn point_name(node: &Node, der: &[u8], issuer: Option<&[u8]>) -> Vec<DistinguishedName> {
    let Some(choice) = node.children.first() else {
        return Vec::new();
    };
    if choice.tag == Tag::context(0, true) {
        directory_names(choice, der)
            .into_iter()
            .map(|(dn, _)| dn)
            .collect()
    } else if choice.tag == Tag::context(1, true) {
        issuer
            .and_then(|base| appended(base, choice.content_span().of(der)))
            .into_iter()
            .collect()
    } else {
        Vec::new()
    }
}

/// The distribution points of `cert`'s cRLDistributionPoints extension.
pub(crate) fn of_certificate(cert: &Certificate) -> Vec<Point> {
    let Some(extension) = cert.extension("2.5.29.31") else {
        return Vec::new();
    };
    let Some(bytes) = value(extension, &cert.der) else {
        return Vec::new();
    };
    let Some(root) = parse(bytes).root else {
        return Vec::new();
    };
    root.children
        .iter()
        .map(|point| {
            let field = |n: u32| {
                point
                    .children
                    .iter()
                    .find(|c| c.tag == Tag::context(n, true))
            };
            let crl_issuers = field(2)
                .map(|n| directory_names(n, bytes))
                .unwrap_or_default();
            // The relative name is relative to the cRLIssuer when there is one (§4.2.1.13).
            let base = crl_issuers
                .first()
                .map(|(_, der)| der.as_slice())
                .unwrap_or(cert.issuer_der.as_slice());
            let reasons = point
                .children
                .iter()
                .find(|c| c.tag == Tag::context(1, false))
                .map(|n| reason_mask(n.content_span().of(bytes)));
            Point {
                reasons,
                names: field(0)
                    .map(|n| point_name(n, bytes, Some(base)))
                    .unwrap_or_default(),
                named: field(0).is_some(),
                crl_issuers: crl_issuers.into_iter().map(|(dn, _)| dn).collect(),
            }
        })
        .collect()
}

/// The issuingDistributionPoint's distribution point of a CRL (`crl_der`) as directory names,
/// a relative one appended to the CRL's issuer; `None` when it names none.
pub(crate) fn of_crl(idp: &Extension, crl_der: &[u8]) -> Option<Vec<DistinguishedName>> {
    let bytes = value(idp, crl_der)?;
    let root = parse(bytes).root?;
    let point = root
        .children
        .iter()
        .find(|c| c.tag == Tag::context(0, true))?;
    // tbsCertList: [version,] signature, issuer, ...
    let crl = parse(crl_der).root?;
    let tbs = crl.children.first()?;
    let issuer = tbs
        .children
        .iter()
        .filter(|c| c.tag == Tag::SEQUENCE)
        .nth(1)
        .map(|n| n.span().of(crl_der));
    Some(point_name(point, bytes, issuer))
}

/// The cRLIssuer directory names of all of `cert`'s distribution points.
pub(crate) fn crl_issuers(cert: &Certificate) -> Vec<DistinguishedName> {
    of_certificate(cert)
        .into_iter()
        .flat_map(|p| p.crl_issuers)
        .collect()
}

/// The onlySomeReasons of a CRL's issuingDistributionPoint, as a mask; `None`: all reasons.
pub(crate) fn crl_reasons(idp: &Extension, crl_der: &[u8]) -> Option<ReasonMask> {
    let bytes = value(idp, crl_der)?;
    let root = parse(bytes).root?;
    let reasons = root
        .children
        .iter()
        .find(|c| c.tag == Tag::context(3, false))?;
    Some(reason_mask(reasons.content_span().of(bytes)))
}

/// An extension whose value is an INTEGER (a delta CRL's BaseCRLNumber), when it fits in 128
/// bits and is not negative.
pub(crate) fn integer(extension: &Extension, der: &[u8]) -> Option<u128> {
    let bytes = value(extension, der)?;
    let root = parse(bytes).root?;
    (root.tag == Tag::INTEGER).then_some(())?;
    let content = root.content_span().of(bytes);
    if content.first().is_some_and(|b| b & 0x80 != 0) || content.len() > 17 {
        return None;
    }
    content.iter().try_fold(0u128, |acc, &b| {
        acc.checked_mul(256)?.checked_add(u128::from(b))
    })
}
