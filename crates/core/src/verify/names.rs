//! Matching names: a peer name against a certificate (RFC 6125) and a certificate's names
//! against name constraints (RFC 5280 §4.2.1.10), for DNS names and IP addresses.

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

/// Checks `names` (SAN strings) against permitted and excluded subtrees. `Ok` lists the
/// constraint forms that were not checked; `Err` says which name violates which constraint.
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
        if f != "DNS" && f != "IP" && !unchecked.contains(&f) {
            unchecked.push(f);
        }
    }
    for name in names {
        let (kind, value) = name.split_once(':').unwrap_or(("", name));
        let within = |constraint: &str| match (kind, constraint.split_once(':')) {
            ("DNS", Some(("DNS", c))) => Some(dns_within(value, c)),
            ("IP", Some(("IP", c))) => ip_within(value, c),
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
        let dirname = vec!["DirName:O=Example".to_owned()];
        assert_eq!(
            name_constraint_violation(&names, &dirname, &[]),
            Ok(vec!["DirName".to_owned()])
        );
    }
}
