//! The allowlist of targets (`--allow HOST:PORT`, `--allow CIDR:PORT`), checked after DNS
//! resolution so that a name resolving to a refused address is refused, and the special ranges
//! (loopback, link-local, multicast…) closed to every rule that does not name the exact address.

use mqocsp_wire::{Host, Target};
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

/// One allowed target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A host name (resolved at check time) and port.
    Host {
        /// The name, lowercase.
        name: String,
        /// The port.
        port: u16,
    },
    /// A network and port (`10.0.0.0/8:1414`, `[::1]/128:1414`, `127.0.0.1:2560`).
    Network {
        /// The network address.
        addr: IpAddr,
        /// Prefix length.
        prefix: u8,
        /// The port.
        port: u16,
    },
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Host { name, port } => write!(f, "{name}:{port}"),
            Self::Network { addr, prefix, port } => write!(f, "{addr}/{prefix}:{port}"),
        }
    }
}

impl std::str::FromStr for Rule {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (host, port) = text
            .rsplit_once(':')
            .ok_or_else(|| format!("'{text}' needs a port: HOST:PORT or CIDR:PORT"))?;
        let port: u16 = port
            .parse()
            .map_err(|_| format!("'{port}' is not a port number"))?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let (addr, prefix) = match host.split_once('/') {
            Some((addr, prefix)) => (addr.trim_end_matches(']'), Some(prefix)),
            None => (host, None),
        };
        match addr.parse::<IpAddr>() {
            Ok(ip) => {
                let max = if ip.is_ipv4() { 32 } else { 128 };
                let prefix = match prefix {
                    Some(p) => p
                        .parse::<u8>()
                        .ok()
                        .filter(|p| *p <= max)
                        .ok_or_else(|| format!("'/{p}' is not a prefix length for {ip}"))?,
                    None => max,
                };
                Ok(Self::Network {
                    addr: ip,
                    prefix,
                    port,
                })
            }
            Err(_) if prefix.is_none() && !addr.is_empty() => Ok(Self::Host {
                name: addr.to_ascii_lowercase(),
                port,
            }),
            Err(_) => Err(format!("'{text}' is neither HOST:PORT nor CIDR:PORT")),
        }
    }
}

fn in_network(ip: IpAddr, network: IpAddr, prefix: u8) -> bool {
    let bits = |a: IpAddr| -> u128 {
        match a {
            IpAddr::V4(v4) => u128::from(u32::from(v4)),
            IpAddr::V6(v6) => u128::from(v6),
        }
    };
    if ip.is_ipv4() != network.is_ipv4() {
        return false;
    }
    let width = if ip.is_ipv4() { 32 } else { 128 };
    let shift = width - u32::from(prefix);
    let (a, b) = (bits(ip), bits(network));
    shift >= width || (a >> shift) == (b >> shift)
}

/// Why an address is special: loopback, unspecified, link-local (the cloud metadata address
/// 169.254.169.254 among them), multicast, broadcast, "this network", or an IPv6 address that
/// embeds an IPv4 one (mapped, compatible, NAT64). A broad rule never opens these; only a rule
/// naming the exact address does.
pub fn special(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            if v4.is_loopback() {
                Some("loopback")
            } else if a == 0 {
                Some("unspecified (\"this network\")")
            } else if a == 169 && b == 254 {
                Some("link-local (cloud metadata)")
            } else if v4.is_multicast() {
                Some("multicast")
            } else if v4.is_broadcast() {
                Some("broadcast")
            } else {
                None
            }
        }
        IpAddr::V6(v6) => {
            let segments = v6.segments();
            if v6.is_loopback() {
                Some("loopback")
            } else if v6.is_unspecified() {
                Some("unspecified")
            } else if v6.is_multicast() {
                Some("multicast")
            } else if segments[0] & 0xffc0 == 0xfe80 {
                Some("link-local")
            } else if v6.to_ipv4_mapped().is_some() {
                Some("IPv4-mapped")
            } else if segments[..6] == [0; 6] {
                Some("IPv4-compatible")
            } else if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
                Some("NAT64 (embeds an IPv4 address)")
            } else {
                None
            }
        }
    }
}

/// Why a target is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The name did not resolve (or not within the DNS timeout).
    Unresolved {
        /// The target as asked.
        target: Target,
        /// Why.
        why: String,
    },
    /// No rule allows it; the addresses it resolved to are listed.
    NotAllowed {
        /// The target as asked.
        target: Target,
        /// What it resolved to.
        resolved: Vec<SocketAddr>,
    },
    /// A broad rule covers it, but the address is special and no rule names it exactly.
    Special {
        /// The target as asked.
        target: Target,
        /// The special address.
        addr: SocketAddr,
        /// What kind of special.
        kind: &'static str,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unresolved { target, why } => write!(f, "{target} does not resolve ({why})"),
            Self::NotAllowed { target, resolved } => write!(
                f,
                "{target} (resolving to {}) is not in the relay's allowlist; start the relay with --allow {target} (or a CIDR:PORT that covers it)",
                resolved
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Self::Special { target, addr, kind } => write!(
                f,
                "{target} resolves to {addr}, a {kind} address, which is not in the relay's allowlist: a network rule never covers such an address; only --allow {addr} (naming it exactly) does"
            ),
        }
    }
}

/// The allowlist.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Allowlist(pub Vec<Rule>);

/// How a rule relates to an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Allowed,
    /// A network rule covers it but the address is special.
    Special(&'static str),
    No,
}

impl Allowlist {
    /// Resolves `target` (within `dns_timeout`) and returns the first address a rule allows.
    /// A network rule allows the addresses in it, except special ones (see [`special`]) unless
    /// it names exactly that address; a host rule allows what its name resolves to, never a
    /// special address.
    pub async fn check(
        &self,
        target: &Target,
        dns_timeout: Duration,
    ) -> Result<SocketAddr, Refusal> {
        let port = target.port;
        let resolved: Vec<SocketAddr> = match target.host.ip() {
            Some(ip) => vec![SocketAddr::new(ip, port)],
            None => resolve(&target.host.bare(), port, dns_timeout)
                .await
                .map_err(|why| Refusal::Unresolved {
                    target: target.clone(),
                    why,
                })?,
        };
        let mut special_hit = None;
        for addr in &resolved {
            for rule in &self.0 {
                match self.verdict(rule, target, *addr, dns_timeout).await {
                    Verdict::Allowed => return Ok(*addr),
                    Verdict::Special(kind) => special_hit = special_hit.or(Some((*addr, kind))),
                    Verdict::No => {}
                }
            }
        }
        Err(match special_hit {
            Some((addr, kind)) => Refusal::Special {
                target: target.clone(),
                addr,
                kind,
            },
            None => Refusal::NotAllowed {
                target: target.clone(),
                resolved,
            },
        })
    }

    async fn verdict(
        &self,
        rule: &Rule,
        target: &Target,
        addr: SocketAddr,
        dns_timeout: Duration,
    ) -> Verdict {
        let special = special(addr.ip());
        match rule {
            Rule::Network {
                addr: network,
                prefix,
                port,
            } => {
                if *port != addr.port() || !in_network(addr.ip(), *network, *prefix) {
                    return Verdict::No;
                }
                let exact = u32::from(*prefix) == if network.is_ipv4() { 32 } else { 128 };
                match special {
                    Some(kind) if !exact => Verdict::Special(kind),
                    _ => Verdict::Allowed,
                }
            }
            Rule::Host { name, port } => {
                let named = *port == addr.port()
                    && matches!(&target.host, Host::Name(host) if host == name);
                if !named {
                    return Verdict::No;
                }
                if let Some(kind) = special {
                    return Verdict::Special(kind);
                }
                // The name must resolve to this address now, not only when asked.
                match resolve(name, *port, dns_timeout).await {
                    Ok(now) if now.contains(&addr) => Verdict::Allowed,
                    _ => Verdict::No,
                }
            }
        }
    }
}

/// A DNS lookup bounded by `timeout`.
async fn resolve(host: &str, port: u16, timeout: Duration) -> Result<Vec<SocketAddr>, String> {
    bounded(tokio::net::lookup_host((host, port)), timeout).await
}

/// `lookup`, given up after `timeout` (a resolver that never answers must not hold a call).
async fn bounded<A: Iterator<Item = SocketAddr>>(
    lookup: impl Future<Output = std::io::Result<A>>,
    timeout: Duration,
) -> Result<Vec<SocketAddr>, String> {
    match tokio::time::timeout(timeout, lookup).await {
        Err(_) => Err(format!("no answer within {} s", timeout.as_secs())),
        Ok(Err(e)) => Err(e.to_string()),
        Ok(Ok(addrs)) => Ok(addrs.collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_parse() {
        let cases = [
            (
                "127.0.0.1:2560",
                Rule::Network {
                    addr: "127.0.0.1".parse().unwrap(),
                    prefix: 32,
                    port: 2560,
                },
            ),
            (
                "10.0.0.0/8:1414",
                Rule::Network {
                    addr: "10.0.0.0".parse().unwrap(),
                    prefix: 8,
                    port: 1414,
                },
            ),
            (
                "[::1]:1414",
                Rule::Network {
                    addr: "::1".parse().unwrap(),
                    prefix: 128,
                    port: 1414,
                },
            ),
            (
                "QM1.example.test:1414",
                Rule::Host {
                    name: "qm1.example.test".into(),
                    port: 1414,
                },
            ),
        ];
        for (text, rule) in cases {
            assert_eq!(text.parse::<Rule>(), Ok(rule), "{text}");
        }
        assert!("localhost".parse::<Rule>().is_err());
        assert!("10.0.0.0/40:1".parse::<Rule>().is_err());
    }

    #[test]
    fn networks_match_by_prefix() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert!(in_network(ip("10.1.2.3"), ip("10.0.0.0"), 8));
        assert!(!in_network(ip("11.1.2.3"), ip("10.0.0.0"), 8));
        assert!(in_network(ip("::1"), ip("::1"), 128));
        assert!(!in_network(ip("127.0.0.1"), ip("::1"), 128));
        assert!(in_network(ip("192.0.2.7"), ip("0.0.0.0"), 0));
    }

    #[test]
    fn special_addresses_are_named() {
        let cases = [
            ("127.0.0.1", Some("loopback")),
            ("127.255.0.9", Some("loopback")),
            ("0.0.0.0", Some("unspecified (\"this network\")")),
            ("169.254.169.254", Some("link-local (cloud metadata)")),
            ("224.0.0.1", Some("multicast")),
            ("255.255.255.255", Some("broadcast")),
            ("::1", Some("loopback")),
            ("::", Some("unspecified")),
            ("fe80::1", Some("link-local")),
            ("ff02::1", Some("multicast")),
            ("::ffff:127.0.0.1", Some("IPv4-mapped")),
            ("::ffff:10.0.0.1", Some("IPv4-mapped")),
            ("::127.0.0.1", Some("IPv4-compatible")),
            ("64:ff9b::7f00:1", Some("NAT64 (embeds an IPv4 address)")),
            ("10.1.2.3", None),
            ("192.0.2.7", None),
            ("2001:db8::7", None),
            ("fd00::1", None),
        ];
        for (text, kind) in cases {
            assert_eq!(special(text.parse().unwrap()), kind, "{text}");
        }
    }

    fn target(text: &str) -> Target {
        text.parse().unwrap()
    }

    async fn check(rules: &[&str], text: &str) -> Result<SocketAddr, Refusal> {
        let list = Allowlist(rules.iter().map(|r| r.parse().unwrap()).collect());
        list.check(&target(text), Duration::from_secs(5)).await
    }

    #[tokio::test]
    async fn broad_rules_never_open_special_ranges_but_exact_ones_do() {
        let broad = ["0.0.0.0/0:2560", "[::]/0:2560"];
        for refused in [
            "127.0.0.1:2560",
            "0.0.0.0:2560",
            "169.254.169.254:2560",
            "[::1]:2560",
            "[::ffff:127.0.0.1]:2560",
            "[::ffff:10.0.0.1]:2560",
            "224.0.0.1:2560",
        ] {
            let refusal = check(&broad, refused).await.unwrap_err();
            assert!(
                matches!(refusal, Refusal::Special { .. }),
                "{refused}: {refusal}"
            );
            assert!(refusal.to_string().contains("only --allow"), "{refusal}");
        }
        assert!(check(&broad, "10.1.2.3:2560").await.is_ok());
        assert!(check(&broad, "[2001:db8::7]:2560").await.is_ok());
        assert!(check(&["127.0.0.1:2560"], "127.0.0.1:2560").await.is_ok());
        assert!(
            check(&["[::ffff:127.0.0.1]:2560"], "[::ffff:127.0.0.1]:2560")
                .await
                .is_ok()
        );
        assert!(check(&["127.0.0.1:2560"], "127.0.0.2:2560").await.is_err());
        // A host rule never opens a special address, even when its name resolves there.
        let refusal = check(&["localhost:2560"], "localhost:2560")
            .await
            .unwrap_err();
        assert!(matches!(refusal, Refusal::Special { .. }), "{refusal}");
    }

    #[tokio::test]
    async fn a_lookup_slower_than_the_dns_timeout_is_given_up() {
        let never = std::future::pending::<std::io::Result<std::vec::IntoIter<SocketAddr>>>();
        let started = std::time::Instant::now();
        assert_eq!(
            bounded(never, Duration::from_secs(1)).await,
            Err("no answer within 1 s".to_owned())
        );
        assert!(started.elapsed() < Duration::from_secs(3));
    }
}
