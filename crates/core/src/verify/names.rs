//! Matching names: a peer name against a certificate (RFC 6125) and a certificate's names
//! against name constraints (RFC 5280 §4.2.1.10): DNS names, IP addresses, mailboxes, URIs and
//! directory names.

use crate::certificate::Certificate;
use std::net::IpAddr;

/// Whether a DNS `name` matches a certificate DNS `pattern` (a leftmost `*.` label wildcard).
fn dns_matches(pattern: &str, name: &str) -> bool {
    let (pattern, name) = (
        pattern.trim_end_matches('.').to_ascii_lowercase(),
        name.trim_end_matches('.').to_ascii_lowercase(),
    );
    match pattern.strip_prefix("*.") {
        Some(suffix) => name
            .split_once('.')
            .is_some_and(|(label, rest)| !label.is_empty() && rest == suffix),
        None => pattern == name,
    }
}

/// Matches `peer` (a host name or IP address) against the certificate's SANs, or its CN when it
/// has no DNS SAN. Returns the name that matched, or the list of names it has.
pub fn peer_name_matches(cert: &Certificate, peer: &str) -> Result<String, String> {
    let sans = cert.alt_names();
    if let Ok(ip) = peer.parse::<IpAddr>() {
        return sans
            .iter()
            .find(|n| n.strip_prefix("IP:").and_then(|a| a.parse::<IpAddr>().ok()) == Some(ip))
            .cloned()
            .ok_or_else(|| {
                if sans.is_empty() {
                    "no subjectAltName".to_owned()
                } else {
                    sans.join(", ")
                }
            });
    }
    let dns: Vec<&str> = sans.iter().filter_map(|n| n.strip_prefix("DNS:")).collect();
    if dns.is_empty() {
        let cn = cert.subject.first("CN").unwrap_or_default();
        return if dns_matches(cn, peer) {
            Ok(format!("CN={cn} (no DNS subjectAltName)"))
        } else {
            Err(format!("CN={cn}"))
        };
    }
    dns.iter()
        .find(|d| dns_matches(d, peer))
        .map(|d| format!("DNS:{d}"))
        .ok_or_else(|| sans.join(", "))
}

/// A DNS name is within a constraint when it equals it or ends with `.` + it.
fn dns_within(name: &str, constraint: &str) -> bool {
    let (name, constraint) = (
        name.to_ascii_lowercase(),
        constraint.trim_start_matches('.').to_ascii_lowercase(),
    );
    constraint.is_empty() || name == constraint || name.ends_with(&format!(".{constraint}"))
}

/// An IP is within `address/mask`.
fn ip_within(ip: &str, constraint: &str) -> Option<bool> {
    let ip: IpAddr = ip.parse().ok()?;
    let (base, mask) = constraint.split_once('/')?;
    let (base, mask): (IpAddr, IpAddr) = (base.parse().ok()?, mask.parse().ok()?);
    let bytes = |a: IpAddr| match a {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => v6.octets().to_vec(),
    };
    let (ip, base, mask) = (bytes(ip), bytes(base), bytes(mask));
    if ip.len() != base.len() || mask.len() != base.len() {
        return Some(false);
    }
    Some(
        ip.iter()
            .zip(&base)
            .zip(&mask)
            .all(|((i, b), m)| i & m == b & m),
    )
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
    let (host, constraint) = (
        host.trim_end_matches('.').to_ascii_lowercase(),
        constraint.to_ascii_lowercase(),
    );
    if constraint.starts_with('.') {
        host.ends_with(&constraint) && host.len() > constraint.len()
    } else {
        host == constraint
    }
}

/// A URI is within a constraint when its host is (RFC 5280 §4.2.1.10); a URI without a host
/// (`urn:…`) is within none.
fn uri_within(uri: &str, constraint: &str) -> bool {
    let Some((_, rest)) = uri.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    !host.is_empty() && host_within(host, constraint)
}

/// The RDNs of an RFC 4514 string, most specific first, each normalised for comparison (case
/// and runs of spaces ignored, as RFC 4518's caseIgnoreMatch does for the usual string types).
fn rdns(rfc4514: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in rfc4514.chars() {
        if escaped {
            current.push(c);
            escaped = false;
        } else if c == '\\' {
            current.push(c);
            escaped = true;
        } else if c == ',' {
            out.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() || !out.is_empty() {
        out.push(current);
    }
    out.iter()
        .map(|rdn| {
            rdn.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .collect()
}

/// A distinguished name is within a directoryName constraint when the constraint's RDNs begin
/// it (in encoding order; in RFC 4514 strings, which list the most specific RDN first, they end
/// it).
fn dirname_within(name: &str, constraint: &str) -> bool {
    let (name, constraint) = (rdns(name), rdns(constraint));
    constraint.len() <= name.len() && name.ends_with(&constraint)
}

/// The names a certificate is checked by against name constraints (RFC 5280 §4.2.1.10 and
/// §6.1.3 (b)): its subjectAltNames, its subject as a directoryName, and the emailAddress
/// attributes of its subject when it has no subjectAltName.
pub fn constrained_names(cert: &Certificate) -> Vec<String> {
    let mut names = cert.alt_names().to_vec();
    if !cert.subject.attributes.is_empty() {
        names.push(format!("DirName:{}", cert.subject.rfc4514));
    }
    if cert.alt_names().is_empty() {
        names.extend(
            cert.subject
                .attributes
                .iter()
                .filter(|a| a.name == "E")
                .map(|a| format!("email:{}", a.value)),
        );
    }
    names
}

/// The constraint forms mqocsp checks.
const CHECKED_FORMS: &[&str] = &["DNS", "IP", "email", "URI", "DirName"];

/// Checks `names` (general-name strings, see [`constrained_names`]) against permitted and
/// excluded subtrees. `Ok` lists the constraint forms that were not checked; `Err` says which
/// name violates which constraint.
pub fn name_constraint_violation(
    names: &[String],
    permitted: &[String],
    excluded: &[String],
) -> Result<Vec<String>, String> {
    let mut unchecked = Vec::new();
    let form = |c: &str| {
        c.split_once(':')
            .map_or(String::new(), |(f, _)| f.to_owned())
    };
    for constraint in permitted.iter().chain(excluded) {
        let f = form(constraint);
        if !CHECKED_FORMS.contains(&f.as_str()) && !unchecked.contains(&f) {
            unchecked.push(f);
        }
    }
    for name in names {
        let (kind, value) = name.split_once(':').unwrap_or(("", name));
        let within = |constraint: &str| match (kind, constraint.split_once(':')) {
            ("DNS", Some(("DNS", c))) => Some(dns_within(value, c)),
            ("IP", Some(("IP", c))) => ip_within(value, c),
            ("email", Some(("email", c))) => Some(email_within(value, c)),
            ("URI", Some(("URI", c))) => Some(uri_within(value, c)),
            ("DirName", Some(("DirName", c))) => Some(dirname_within(value, c)),
            _ => None,
        };
        if let Some(hit) = excluded.iter().find(|c| within(c) == Some(true)) {
            return Err(format!("{name} is inside the excluded subtree {hit}."));
        }
        let same_form: Vec<&String> = permitted.iter().filter(|c| within(c).is_some()).collect();
        if !same_form.is_empty() && !same_form.iter().any(|c| within(c) == Some(true)) {
            return Err(format!(
                "{name} is outside every permitted subtree of its form ({}).",
                same_form
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Ok(unchecked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_wildcards_cover_one_label() {
        let cases = [
            ("*.example.com", "qm1.example.com", true),
            ("*.example.com", "a.b.example.com", false),
            ("*.example.com", "example.com", false),
            ("QM1.Example.com", "qm1.example.COM", true),
            ("qm1.example.com.", "qm1.example.com", true),
        ];
        for (pattern, name, expected) in cases {
            assert_eq!(dns_matches(pattern, name), expected, "{pattern} vs {name}");
        }
    }

    #[test]
    fn constraints_permit_and_exclude() {
        let names = vec![
            "DNS:qm1.mq.example.com".to_owned(),
            "IP:10.1.2.3".to_owned(),
        ];
        let permitted = vec![
            "DNS:mq.example.com".to_owned(),
            "IP:10.0.0.0/255.0.0.0".to_owned(),
        ];
        assert_eq!(
            name_constraint_violation(&names, &permitted, &[]),
            Ok(vec![])
        );
        let excluded = vec!["IP:10.1.0.0/255.255.0.0".to_owned()];
        assert!(
            name_constraint_violation(&names, &permitted, &excluded)
                .unwrap_err()
                .contains("10.1.2.3 is inside the excluded subtree")
        );
        let other = vec!["DNS:other.example.org".to_owned()];
        assert!(
            name_constraint_violation(&names, &other, &[])
                .unwrap_err()
                .contains("outside every permitted subtree")
        );
        let rid = vec!["RID:1.2.3.4".to_owned()];
        assert_eq!(
            name_constraint_violation(&names, &rid, &[]),
            Ok(vec!["RID".to_owned()])
        );
    }

    #[test]
    fn mailboxes_uris_and_directory_names() {
        let cases: &[(&str, &str, bool)] = &[
            ("email:mq@example.com", "email:example.com", true),
            ("email:mq@EXAMPLE.com", "email:example.com", true),
            ("email:mq@sub.example.com", "email:example.com", false),
            ("email:mq@sub.example.com", "email:.example.com", true),
            ("email:mq@example.com", "email:.example.com", false),
            ("email:mq@example.com", "email:mq@example.com", true),
            ("email:MQ@example.com", "email:mq@example.com", false),
            (
                "URI:http://ocsp.example.com:2560/x",
                "URI:.example.com",
                true,
            ),
            ("URI:http://user@example.com/", "URI:example.com", true),
            ("URI:http://[::1]:80/", "URI:::1", true),
            ("URI:urn:example:x", "URI:example", false),
            ("URI:http://evil.com/example.com", "URI:example.com", false),
            (
                "DirName:CN=qm1,O=Example,C=GB",
                "DirName:O=Example,C=GB",
                true,
            ),
            (
                "DirName:CN=qm1,O=example,  C=gb",
                "DirName:O=Example,C=GB",
                true,
            ),
            ("DirName:CN=qm1,O=Example,C=GB", "DirName:C=GB", true),
            (
                "DirName:CN=qm1,O=Other,C=GB",
                "DirName:O=Example,C=GB",
                false,
            ),
            (
                "DirName:CN=qm1,O=Example\\, Inc,C=GB",
                "DirName:O=Example\\, Inc,C=GB",
                true,
            ),
            (
                "DirName:CN=qm1,O=Example\\, Inc,C=GB",
                "DirName:Inc,C=GB",
                false,
            ),
            ("DirName:C=GB", "DirName:O=Example,C=GB", false),
        ];
        for (name, constraint, within) in cases {
            let names = vec![(*name).to_owned()];
            let result = name_constraint_violation(&names, &[(*constraint).to_owned()], &[]);
            assert_eq!(
                result.is_ok(),
                *within,
                "{name} within {constraint}: {result:?}"
            );
            let excluded = name_constraint_violation(&names, &[], &[(*constraint).to_owned()]);
            assert_eq!(
                excluded.is_err(),
                *within,
                "{name} excluded by {constraint}"
            );
        }
    }
}
