//! Matching names: a peer name against a certificate (RFC 6125 §6.4, RFC 9525 §6.3) and a
//! certificate's names against name constraints (RFC 5280 §4.2.1.10): DNS names, IP addresses,
//! mailboxes, URIs and directory names. Everything works on [`GeneralName`] values, never on
//! their display text, and every name-constraint comparison is paid for from a [`Budget`].

use super::budget::{Budget, Exhausted};
use crate::certificate::Certificate;
use crate::general_name::{GeneralName, IpRange};
use crate::name::DistinguishedName;
use std::net::IpAddr;

/// How a peer name may be found in a certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CommonNameFallback {
    /// RFC 9525 §6.3: only subjectAltName identifiers count (the web PKI rule).
    Never,
    /// RFC 6125 §6.4.4: the subject CN counts when there is no subjectAltName at all (GSKit,
    /// older clients).
    WithoutSubjectAltName,
}

/// ASCII-lowercase without a trailing dot: DNS names compare so (RFC 4343). Names with
/// non-ASCII characters are kept as they are and so never equal an A-label (RFC 5280 §7.2
/// stores IDNs as A-labels).
fn dns_normal(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Whether a presented DNS identifier `pattern` matches the reference `name` (RFC 6125 §6.4.3):
/// a wildcard is only a whole leftmost `*` label, over at least two more labels, and matches
/// exactly one non-empty label.
pub(crate) fn dns_matches(pattern: &str, name: &str) -> bool {
    let (pattern, name) = (dns_normal(pattern), dns_normal(name));
    if pattern.is_empty() || name.is_empty() || !name.is_ascii() {
        return false;
    }
    match pattern.strip_prefix("*.") {
        Some(suffix) => {
            suffix.contains('.')
                && !suffix.contains('*')
                && name
                    .split_once('.')
                    .is_some_and(|(label, rest)| !label.is_empty() && rest == suffix)
        }
        None => !pattern.contains('*') && pattern == name,
    }
}

/// The certificate identifier a peer name matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PeerMatch {
    /// A subjectAltName entry.
    AltName(GeneralName),
    /// The subject CN, where the profile falls back to it (no subjectAltName at all).
    CommonName(String),
}

impl std::fmt::Display for PeerMatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::AltName(name) => write!(f, "{name}"),
            Self::CommonName(cn) => write!(f, "CN={cn} (no subjectAltName)"),
        }
    }
}

/// Why no identifier of the certificate matched a peer name: what the certificate has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PeerMismatch {
    /// Its subjectAltName entries (none: no subjectAltName).
    AltNames(Vec<GeneralName>),
    /// Its subject CN, compared because it has no subjectAltName and the profile falls back.
    CommonName(String),
    /// No subjectAltName, and a CN the profile does not take as a host name identifier.
    CommonNameNotAnIdentifier(String),
}

impl std::fmt::Display for PeerMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::AltNames(names) if names.is_empty() => f.write_str("no subjectAltName"),
            Self::AltNames(names) => f.write_str(&crate::general_name::list(names)),
            Self::CommonName(cn) => write!(f, "CN={cn}"),
            Self::CommonNameNotAnIdentifier(cn) => write!(
                f,
                "no subjectAltName; the subject CN={cn} is not a host name identifier (RFC 9525 §6.3)"
            ),
        }
    }
}

/// Matches `peer` (a host name or an IP address in any textual form) against the certificate's
/// identifiers: the identifier that matched, or what the certificate has.
pub(crate) fn peer_name_matches(
    cert: &Certificate,
    peer: &str,
    fallback: CommonNameFallback,
) -> Result<PeerMatch, PeerMismatch> {
    let sans = cert.alt_names();
    let has = || PeerMismatch::AltNames(sans.to_vec());
    // IP forms are normalised by parsing (RFC 9525 §6.2.2 compares the octets).
    let peer_ip = peer
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .ok();
    if let Some(ip) = peer_ip {
        return sans
            .iter()
            .find(|n| matches!(n, GeneralName::Ip(address) if same_ip(address, &ip)))
            .map(|n| PeerMatch::AltName(n.clone()))
            .ok_or_else(has);
    }
    // A mailbox (limbo's RFC822 peer names) against rfc822Name entries: RFC 5280 §4.2.1.6 makes
    // them RFC 5321 Mailboxes, whose local part is compared exactly and whose domain is
    // case-insensitive (RFC 5321 §2.4). No CN or emailAddress fallback.
    if let Some((local, domain)) = peer.rsplit_once('@') {
        return sans
            .iter()
            .find(|n| {
                matches!(n, GeneralName::Email(mailbox)
                if mailbox.rsplit_once('@').is_some_and(|(l, d)| {
                    l == local && dns_normal(d) == dns_normal(domain)
                }))
            })
            .map(|n| PeerMatch::AltName(n.clone()))
            .ok_or_else(has);
    }
    // A host typed with Unicode labels is compared as the A-labels certificates carry.
    let ascii = super::idna::to_ascii(peer).unwrap_or_default();
    let peer = ascii.as_str();
    if let Some(found) = sans
        .iter()
        .find(|n| matches!(n, GeneralName::Dns(pattern) if dns_matches(pattern, peer)))
    {
        return Ok(PeerMatch::AltName(found.clone()));
    }
    let cn_allowed = fallback == CommonNameFallback::WithoutSubjectAltName && sans.is_empty();
    let cn = cert
        .subject
        .attributes
        .iter()
        .find(|a| a.oid == OID_COMMON_NAME)
        .map(|a| a.value.as_str());
    match cn {
        Some(cn) if cn_allowed && dns_matches(cn, peer) => Ok(PeerMatch::CommonName(cn.to_owned())),
        Some(cn) if cn_allowed => Err(PeerMismatch::CommonName(cn.to_owned())),
        Some(cn) if sans.is_empty() => Err(PeerMismatch::CommonNameNotAnIdentifier(cn.to_owned())),
        _ => Err(has()),
    }
}

/// Equal addresses, an IPv4-mapped IPv6 address counting as its IPv4 address.
fn same_ip(a: &IpAddr, b: &IpAddr) -> bool {
    a.to_canonical() == b.to_canonical()
}

/// Which kind of subtree a name is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subtree {
    /// Every name the certificate may stand for must be inside.
    Permitted,
    /// No name the certificate may stand for may be inside.
    Excluded,
}

/// A DNS name is within a constraint when it equals it or lies below it. A wildcard name
/// `*.S` is within when `S` is. Against an excluded subtree it also counts when it meets a
/// constraint one label below `S`, since the wildcard can stand for that label; against a
/// permitted one that is not enough, since it can stand for names outside too
/// (CVE-2025-61727: `*.example.com` under a permitted `foo.example.com`).
fn dns_within(name: &str, constraint: &str, subtree: Subtree) -> bool {
    // Both sides normalised alike: an excluded `evil.example.` must still catch `evil.example`
    // (a fuzzing find, fuzz/regressions/name_constraints/).
    let (name, constraint) = (
        dns_normal(name),
        dns_normal(constraint.trim_start_matches('.')),
    );
    let below = |n: &str| {
        constraint.is_empty() || n == constraint || n.ends_with(&format!(".{constraint}"))
    };
    if below(&name) {
        return true;
    }
    if subtree == Subtree::Permitted {
        return false;
    }
    match name.strip_prefix("*.") {
        Some(suffix) => constraint
            .strip_suffix(suffix)
            .and_then(|head| head.strip_suffix('.'))
            .is_some_and(|label| !label.is_empty() && !label.contains('.')),
        None => false,
    }
}

/// A mailbox is within a constraint (RFC 5280 §4.2.1.10): `user@host` names one mailbox, `host`
/// every mailbox on that host, `.example.com` every mailbox on a host below it. Hosts compare
/// ignoring case, local parts exactly.
fn email_within(mailbox: &str, constraint: &str) -> bool {
    let Some((local, host)) = mailbox.rsplit_once('@') else {
        return false;
    };
    match constraint.rsplit_once('@') {
        Some((c_local, c_host)) => local == c_local && host.eq_ignore_ascii_case(c_host),
        None => host_within(host, constraint),
    }
}

/// `host` equals `constraint`, or, for a constraint starting with `.`, lies below it.
fn host_within(host: &str, constraint: &str) -> bool {
    let (host, constraint) = (dns_normal(host), constraint.to_ascii_lowercase());
    if constraint.starts_with('.') {
        host.ends_with(&constraint) && host.len() > constraint.len()
    } else {
        host == constraint
    }
}

/// The host of a URI (`scheme://[userinfo@]host[:port]/…`), when it has one.
fn uri_host(uri: &str) -> Option<&str> {
    let (_, rest) = uri.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    (!host.is_empty()).then_some(host)
}

/// A URI is within a constraint when its host is (RFC 5280 §4.2.1.10); a URI without a host
/// (`urn:…`) is within none.
fn uri_within(uri: &str, constraint: &str) -> bool {
    uri_host(uri).is_some_and(|host| host_within(host, constraint))
}

/// One attribute of a name, normalised for comparison (case and runs of spaces ignored, as RFC
/// 4518's caseIgnoreMatch does for the usual string types).
fn attribute_key(oid: &str, value: &str) -> (String, String) {
    (
        oid.to_owned(),
        value
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    )
}

/// A distinguished name is within a directoryName constraint when the constraint's RDNs begin
/// it, in encoding order (RFC 5280 §7.1).
fn dirname_within(name: &DistinguishedName, constraint: &DistinguishedName) -> bool {
    constraint.attributes.len() <= name.attributes.len()
        && constraint
            .attributes
            .iter()
            .zip(&name.attributes)
            .all(|(c, n)| attribute_key(&c.oid, &c.value) == attribute_key(&n.oid, &n.value))
}

/// id-at-commonName.
const OID_COMMON_NAME: &str = "2.5.4.3";

/// pkcs-9 emailAddress, the legacy mailbox attribute of a subject.
const OID_EMAIL_ADDRESS: &str = "1.2.840.113549.1.9.1";

/// The names a certificate is checked by against name constraints (RFC 5280 §4.2.1.10 and
/// §6.1.3 (b)): its subjectAltNames, its subject as a directoryName, and the emailAddress
/// attributes of its subject when it has no subjectAltName.
pub(crate) fn constrained_names(cert: &Certificate) -> Vec<GeneralName> {
    let mut names = cert.alt_names().to_vec();
    if !cert.subject.attributes.is_empty() {
        names.push(GeneralName::Directory(cert.subject.clone()));
    }
    if cert.alt_names().is_empty() {
        names.extend(
            cert.subject
                .attributes
                .iter()
                .filter(|a| a.oid == OID_EMAIL_ADDRESS)
                .map(|a| GeneralName::Email(a.value.clone())),
        );
    }
    names
}

/// Whether `name` lies within the subtree `constraint`; `None` when the forms differ (or the
/// form is one mqocsp does not compare).
fn within(name: &GeneralName, constraint: &GeneralName, subtree: Subtree) -> Option<bool> {
    use GeneralName as G;
    match (name, constraint) {
        (G::Dns(n), G::Dns(c)) => Some(dns_within(n, c, subtree)),
        (G::Ip(ip), G::IpRange(range)) => Some(range.contains(&ip.to_canonical())),
        (G::Email(n), G::Email(c)) => Some(email_within(n, c)),
        (G::Uri(n), G::Uri(c)) => Some(uri_within(n, c)),
        (G::Directory(n), G::Directory(c)) => Some(dirname_within(n, c)),
        _ => None,
    }
}

/// Whether mqocsp compares names of this constraint's form.
fn checked_form(constraint: &GeneralName) -> bool {
    matches!(
        constraint,
        GeneralName::Dns(_)
            | GeneralName::IpRange(_)
            | GeneralName::Email(_)
            | GeneralName::Uri(_)
            | GeneralName::Directory(_)
    )
}

/// Why a nameConstraints extension cannot be used (RFC 5280 §4.2.1.10), if it cannot.
pub(crate) fn malformed_constraint(constraint: &GeneralName) -> Option<String> {
    match constraint {
        GeneralName::IpRange(IpRange { mask, .. })
            if !IpRange {
                address: Vec::new(),
                mask: mask.clone(),
            }
            .mask_is_contiguous() =>
        {
            Some(format!(
                "{constraint} has a mask that is not a prefix (ones, then zeros)"
            ))
        }
        GeneralName::Ip(_) | GeneralName::Invalid { .. } => Some(format!(
            "{constraint} is not an address and mask of 8 or 32 octets"
        )),
        // RFC 5280 §4.2.1.10 allows a leading period in URI and mailbox constraints, not in
        // dNSName ones (openssl accepts it there; webpki does not).
        GeneralName::Dns(dns)
            if dns.contains('*')
                || dns.contains("..")
                || dns.starts_with('.')
                || dns.ends_with('.')
                || !dns.is_ascii()
                || dns.chars().any(char::is_whitespace) =>
        {
            Some(format!("{constraint} is not a DNS name or domain"))
        }
        GeneralName::Email(mail) if mail.is_empty() || mail.matches('@').count() > 1 => Some(
            format!("{constraint} is neither a mailbox, a host nor a domain"),
        ),
        _ => None,
    }
}

/// What a name-constraint check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ConstraintFailure {
    /// A name lies outside the permitted subtrees or inside an excluded one.
    Violation(String),
    /// The comparison budget ran out (a pathological input).
    Budget(Exhausted),
}

/// Checks `names` against permitted and excluded subtrees, paying one unit of `budget` per
/// comparison. `Ok` lists the constraint forms that were not checked.
pub(crate) fn name_constraint_violation(
    names: &[GeneralName],
    permitted: &[GeneralName],
    excluded: &[GeneralName],
    budget: &mut Budget,
) -> Result<Vec<&'static str>, ConstraintFailure> {
    let mut unchecked = Vec::new();
    for constraint in permitted.iter().chain(excluded) {
        let form = constraint.form();
        if !checked_form(constraint) && !unchecked.contains(&form) {
            unchecked.push(form);
        }
    }
    for name in names {
        for constraint in excluded {
            budget
                .name_comparison()
                .map_err(ConstraintFailure::Budget)?;
            if within(name, constraint, Subtree::Excluded) == Some(true) {
                return Err(ConstraintFailure::Violation(format!(
                    "{name} is inside the excluded subtree {constraint}."
                )));
            }
        }
        let mut same_form = Vec::new();
        let mut inside = false;
        for constraint in permitted {
            budget
                .name_comparison()
                .map_err(ConstraintFailure::Budget)?;
            match within(name, constraint, Subtree::Permitted) {
                Some(true) => {
                    inside = true;
                    break;
                }
                Some(false) => same_form.push(constraint.to_string()),
                None => {}
            }
        }
        if !inside && !same_form.is_empty() {
            return Err(ConstraintFailure::Violation(format!(
                "{name} is outside every permitted subtree of its form ({}).",
                same_form.join(", ")
            )));
        }
    }
    Ok(unchecked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dn(text: &[(&str, &str, &str)]) -> DistinguishedName {
        DistinguishedName {
            rfc4514: String::new(),
            attributes: text
                .iter()
                .map(|(oid, name, value)| crate::name::NameAttribute {
                    oid: (*oid).to_owned(),
                    name: (*name).to_owned(),
                    value: (*value).to_owned(),
                })
                .collect(),
        }
    }

    fn range(text: &str) -> GeneralName {
        let (address, mask) = text.split_once('/').unwrap();
        let octets = |t: &str| crate::general_name::ip_octets(&t.parse().unwrap());
        GeneralName::IpRange(IpRange {
            address: octets(address),
            mask: octets(mask),
        })
    }

    #[test]
    fn dns_wildcards_cover_one_label() {
        let cases = [
            ("*.example.com", "qm1.example.com", true),
            ("*.example.com", "a.b.example.com", false),
            ("*.example.com", "example.com", false),
            ("*.com", "example.com", false),
            ("ba*.example.com", "baz.example.com", false),
            ("foo.*.example.com", "foo.bar.example.com", false),
            (
                "xn--*-1b3c148a.example.com",
                "xn--bliss-1b3c148a.example.com",
                false,
            ),
            ("QM1.Example.com", "qm1.example.COM", true),
            ("qm1.example.com.", "qm1.example.com", true),
            ("😜.example.com", "xn--628h.example.com", false),
        ];
        for (pattern, name, expected) in cases {
            assert_eq!(dns_matches(pattern, name), expected, "{pattern} vs {name}");
        }
    }

    #[test]
    fn constraints_permit_and_exclude() {
        let mut budget = Budget::default();
        let names = vec![
            GeneralName::Dns("qm1.mq.example.com".into()),
            GeneralName::Ip("10.1.2.3".parse().unwrap()),
        ];
        let permitted = vec![
            GeneralName::Dns("mq.example.com".into()),
            range("10.0.0.0/255.0.0.0"),
        ];
        assert_eq!(
            name_constraint_violation(&names, &permitted, &[], &mut budget),
            Ok(vec![])
        );
        let excluded = vec![range("10.1.0.0/255.255.0.0")];
        let Err(ConstraintFailure::Violation(text)) =
            name_constraint_violation(&names, &permitted, &excluded, &mut budget)
        else {
            panic!("not excluded")
        };
        assert!(text.contains("10.1.2.3 is inside the excluded subtree"));
        let other = vec![GeneralName::Dns("other.example.org".into())];
        assert!(matches!(
            name_constraint_violation(&names, &other, &[], &mut budget),
            Err(ConstraintFailure::Violation(_))
        ));
        let rid = vec![GeneralName::RegisteredId("1.2.3.4".into())];
        assert_eq!(
            name_constraint_violation(&names, &rid, &[], &mut budget),
            Ok(vec!["RID"])
        );
    }

    #[test]
    fn wildcards_meet_excluded_subtrees() {
        let mut budget = Budget::default();
        let wildcard = vec![GeneralName::Dns("*.example.com".into())];
        for (constraint, hit) in [
            ("bad.example.com", true),
            ("example.com", true),
            ("a.bad.example.com", false),
            ("other.org", false),
        ] {
            let result = name_constraint_violation(
                &wildcard,
                &[],
                &[GeneralName::Dns(constraint.into())],
                &mut budget,
            );
            assert_eq!(result.is_err(), hit, "*.example.com vs {constraint}");
        }
        // A trailing dot on either side changes nothing.
        for (name, constraint) in [
            ("evil.example", "evil.example."),
            ("evil.example.", "evil.example"),
        ] {
            let result = name_constraint_violation(
                &[GeneralName::Dns(name.into())],
                &[],
                &[GeneralName::Dns(constraint.into())],
                &mut budget,
            );
            assert!(result.is_err(), "{name} against excluded {constraint}");
        }
        // Permitted: the wildcard must lie wholly inside (CVE-2025-61727).
        for (constraint, allowed) in [
            ("example.com", true),
            ("foo.example.com", false),
            ("other.org", false),
        ] {
            let result = name_constraint_violation(
                &wildcard,
                &[GeneralName::Dns(constraint.into())],
                &[],
                &mut budget,
            );
            assert_eq!(
                result.is_ok(),
                allowed,
                "*.example.com in permitted {constraint}"
            );
        }
    }

    #[test]
    fn mailboxes_uris_and_directory_names() {
        let (c, o) = ("2.5.4.6", "2.5.4.10");
        let cn = "2.5.4.3";
        let cases: Vec<(GeneralName, GeneralName, bool)> = vec![
            (
                GeneralName::Email("mq@example.com".into()),
                GeneralName::Email("example.com".into()),
                true,
            ),
            (
                GeneralName::Email("mq@EXAMPLE.com".into()),
                GeneralName::Email("example.com".into()),
                true,
            ),
            (
                GeneralName::Email("mq@sub.example.com".into()),
                GeneralName::Email("example.com".into()),
                false,
            ),
            (
                GeneralName::Email("mq@sub.example.com".into()),
                GeneralName::Email(".example.com".into()),
                true,
            ),
            (
                GeneralName::Email("MQ@example.com".into()),
                GeneralName::Email("mq@example.com".into()),
                false,
            ),
            (
                GeneralName::Uri("http://ocsp.example.com:2560/x".into()),
                GeneralName::Uri(".example.com".into()),
                true,
            ),
            (
                GeneralName::Uri("http://user@example.com/".into()),
                GeneralName::Uri("example.com".into()),
                true,
            ),
            (
                GeneralName::Uri("urn:example:x".into()),
                GeneralName::Uri("example".into()),
                false,
            ),
            (
                GeneralName::Uri("http://evil.com/example.com".into()),
                GeneralName::Uri("example.com".into()),
                false,
            ),
            (
                GeneralName::Directory(dn(&[
                    (c, "C", "GB"),
                    (o, "O", "Example"),
                    (cn, "CN", "qm1"),
                ])),
                GeneralName::Directory(dn(&[(c, "C", "gb"), (o, "O", "example")])),
                true,
            ),
            (
                GeneralName::Directory(dn(&[(c, "C", "GB"), (o, "O", "Other"), (cn, "CN", "qm1")])),
                GeneralName::Directory(dn(&[(c, "C", "GB"), (o, "O", "Example")])),
                false,
            ),
            (
                GeneralName::Directory(dn(&[(c, "C", "GB")])),
                GeneralName::Directory(dn(&[(c, "C", "GB"), (o, "O", "Example")])),
                false,
            ),
        ];
        let mut budget = Budget::default();
        for (name, constraint, inside) in cases {
            let names = vec![name.clone()];
            let permitted = name_constraint_violation(
                &names,
                std::slice::from_ref(&constraint),
                &[],
                &mut budget,
            );
            assert_eq!(permitted.is_ok(), inside, "{name} within {constraint}");
            let excluded = name_constraint_violation(
                &names,
                &[],
                std::slice::from_ref(&constraint),
                &mut budget,
            );
            assert_eq!(excluded.is_err(), inside, "{name} excluded by {constraint}");
        }
    }

    #[test]
    fn malformed_constraints_are_named() {
        assert!(malformed_constraint(&range("10.0.0.0/255.0.255.0")).is_some());
        assert!(malformed_constraint(&range("10.0.0.0/255.0.0.0")).is_none());
        assert!(malformed_constraint(&GeneralName::Dns("*.example.com".into())).is_some());
        assert!(malformed_constraint(&GeneralName::Dns("example.com".into())).is_none());
        assert!(malformed_constraint(&GeneralName::Dns(".example.com".into())).is_some());
        assert!(
            malformed_constraint(&GeneralName::Email("invalid@invalid@example.com".into()))
                .is_some()
        );
        assert!(malformed_constraint(&GeneralName::Email(".example.com".into())).is_none());
    }

    #[test]
    fn comparisons_are_budgeted() {
        let mut budget = Budget::default();
        let names: Vec<GeneralName> = (0..1024)
            .map(|i| GeneralName::Dns(format!("n{i}.example.com")))
            .collect();
        let excluded: Vec<GeneralName> = (0..1024)
            .map(|i| GeneralName::Dns(format!("x{i}.example.org")))
            .collect();
        assert!(matches!(
            name_constraint_violation(&names, &[], &excluded, &mut budget),
            Err(ConstraintFailure::Budget(_))
        ));
    }
}
