//! The subject common name of a TLS certificate that also carries a subjectAltName. CA/B Forum
//! BR §7.1.4.3 wants it to be a character-for-character copy of one SAN dNSName, or a SAN IP
//! address in its canonical text (RFC 3986 §3.2.2 dotted decimal for IPv4, RFC 5952 §4 for
//! IPv6). A CN that spells a SAN identity another way (`Example.COM`, `192.168.001.001`,
//! `0xC0A80101`, `2001:DB8::1`, a U-label for the SAN's A-label) fails the strict profile: a
//! verifier that still reads the CN may parse it differently. A CN unrelated to every SAN value
//! (limbo's `CN=example.com` beside `DNS:foo.bar.example.com`) is only a warning, since RFC 9525
//! §6.3 has the SAN alone identify the host.

use super::input::step;
use super::profile::ChainProfile;
use super::trace::{Outcome, Step};
use crate::certificate::Certificate;
use crate::general_name::GeneralName;
use std::net::{IpAddr, Ipv4Addr};

const OID_COMMON_NAME: &str = "2.5.4.3";
const REFERENCE: &str = "CA/B Forum BR §7.1.4.3; RFC 5952 §4; RFC 3986 §3.2.2";

/// How a CN relates to the SAN values.
#[derive(Debug, PartialEq, Eq)]
enum Relation {
    /// A character-for-character copy of one.
    Copy,
    /// Another spelling of one (case, leading zeros, hexadecimal, IPv6 text form, U-label).
    Respelled(String),
    /// None of them.
    Unrelated,
}

/// An IPv4 address as lenient parsers read it: dotted decimal with leading zeros allowed, or one
/// `0x` hexadecimal number (the inet_aton forms RFC 3986 §3.2.2 leaves out).
fn lenient_ipv4(text: &str) -> Option<Ipv4Addr> {
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        return u32::from_str_radix(hex, 16).ok().map(Ipv4Addr::from);
    }
    let octets: Vec<u8> = text
        .split('.')
        .map(|part| {
            (!part.is_empty() && part.len() <= 3 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u8>().ok())
                .flatten()
        })
        .collect::<Option<_>>()?;
    <[u8; 4]>::try_from(octets).ok().map(Ipv4Addr::from)
}

fn relation(cn: &str, sans: &[GeneralName]) -> Relation {
    let as_ip: Option<IpAddr> = cn
        .parse::<IpAddr>()
        .ok()
        .or_else(|| lenient_ipv4(cn).map(IpAddr::V4));
    let ascii = super::idna::to_ascii(cn);
    let mut related = Relation::Unrelated;
    for name in sans {
        match name {
            GeneralName::Dns(dns) if dns == cn => return Relation::Copy,
            // std's Display writes IPv4 dotted decimal without leading zeros and IPv6 as RFC 5952.
            GeneralName::Ip(ip) if ip.to_string() == cn => return Relation::Copy,
            GeneralName::Dns(dns)
                if dns.eq_ignore_ascii_case(cn)
                    || ascii
                        .as_deref()
                        .is_some_and(|a| a.eq_ignore_ascii_case(dns)) =>
            {
                related = Relation::Respelled(name.to_string());
            }
            GeneralName::Ip(ip) if as_ip == Some(*ip) => {
                related = Relation::Respelled(name.to_string());
            }
            _ => {}
        }
    }
    related
}

/// The step for the certificate being verified, in the strict profile, when it has a subject CN
/// and a SAN with host identifiers.
pub(crate) fn common_name_step(target: &Certificate, profile: ChainProfile) -> Option<Step> {
    if profile != ChainProfile::Rfc5280 {
        return None;
    }
    let sans = target.alt_names();
    if !sans
        .iter()
        .any(|n| matches!(n, GeneralName::Dns(_) | GeneralName::Ip(_)))
    {
        return None;
    }
    let cns: Vec<&str> = target
        .subject
        .attributes
        .iter()
        .filter(|a| a.oid == OID_COMMON_NAME)
        .map(|a| a.value.as_str())
        .collect();
    let builder = step(
        "chain.common_name",
        "Subject CN agrees with the subjectAltName",
        target,
        REFERENCE,
    );
    let [cn] = cns.as_slice() else {
        return (cns.len() > 1).then(|| {
            builder.done(
                Outcome::Fail,
                format!(
                    "The subject has {} CN attributes; at most one is allowed.",
                    cns.len()
                ),
            )
        });
    };
    Some(match relation(cn, sans) {
        Relation::Copy => builder.done(Outcome::Pass, format!("CN={cn} is a subjectAltName value.")),
        Relation::Respelled(san) => builder.done(
            Outcome::Fail,
            format!(
                "CN={cn} spells {san} another way; it must be a character-for-character copy, or verifiers that read the CN may see another identity than those that read the SAN."
            ),
        ),
        Relation::Unrelated => builder.done(
            Outcome::Warn,
            format!(
                "CN={cn} is not one of the subjectAltName values ({}); the SAN alone identifies the certificate (RFC 9525 §6.3), though CA/B Forum rules for public TLS certificates would refuse it.",
                crate::general_name::list(sans)
            ),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::{Relation, relation};
    use crate::general_name::GeneralName;

    #[test]
    fn cn_must_be_a_canonical_copy_of_the_san_value_it_names() {
        let sans = [
            GeneralName::Dns("example.com".to_owned()),
            GeneralName::Dns("xn--test--gs1lv54n.com".to_owned()),
            GeneralName::Ip("192.168.1.1".parse().unwrap()),
            GeneralName::Ip("2001:db8::1:0:0:1".parse().unwrap()),
        ];
        for (cn, copy, respelled) in [
            ("example.com", true, false),
            ("Example.COM", false, true),
            ("test-測試.com", false, true),
            ("192.168.1.1", true, false),
            ("192.168.001.001", false, true),
            ("0xC0A80101", false, true),
            ("2001:db8::1:0:0:1", true, false),
            ("2001:db8:0:0:1:0:0:1", false, true),
            ("2001:DB8::1:0:0:1", false, true),
            ("other.example.com", false, false),
            ("QM1", false, false),
        ] {
            let found = relation(cn, &sans);
            assert_eq!(found == Relation::Copy, copy, "{cn}");
            assert_eq!(matches!(found, Relation::Respelled(_)), respelled, "{cn}");
        }
    }
}
