//! The allowlist of targets (`--allow HOST:PORT`, `--allow CIDR:PORT`), checked after DNS
//! resolution so that a name resolving to a refused address is refused.

use std::fmt;
use std::net::{IpAddr, SocketAddr};

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

/// Why a target is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The target is not HOST:PORT.
    BadTarget(String),
    /// The name did not resolve.
    Unresolved(String),
    /// No rule allows it; the addresses it resolved to are listed.
    NotAllowed {
        /// The target as asked.
        target: String,
        /// What it resolved to.
        resolved: Vec<SocketAddr>,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadTarget(t) => write!(f, "'{t}' is not HOST:PORT"),
            Self::Unresolved(t) => write!(f, "'{t}' does not resolve"),
            Self::NotAllowed { target, resolved } => write!(
                f,
                "{target} (resolving to {}) is not in the relay's allowlist; start the relay with --allow {target} (or a CIDR:PORT that covers it)",
                resolved
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// The allowlist.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Allowlist(pub Vec<Rule>);

impl Allowlist {
    /// Resolves `target` (HOST:PORT) and returns the first address every rule check allows.
    /// A host rule allows the addresses its name resolves to; a network rule allows addresses in it.
    pub async fn check(&self, target: &str) -> Result<SocketAddr, Refusal> {
        let (host, port) = target
            .rsplit_once(':')
            .ok_or_else(|| Refusal::BadTarget(target.to_owned()))?;
        let port: u16 = port
            .parse()
            .map_err(|_| Refusal::BadTarget(target.to_owned()))?;
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_ascii_lowercase();
        let resolved: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), port))
            .await
            .map_err(|_| Refusal::Unresolved(target.to_owned()))?
            .collect();
        for addr in &resolved {
            for rule in &self.0 {
                let allowed = match rule {
                    Rule::Network {
                        addr: network,
                        prefix,
                        port: p,
                    } => *p == port && in_network(addr.ip(), *network, *prefix),
                    Rule::Host { name, port: p } => {
                        *p == port && *name == host && {
                            // The name must resolve to this address now, not only when asked.
                            tokio::net::lookup_host((name.as_str(), *p))
                                .await
                                .map(|mut a| a.any(|x| x == *addr))
                                .unwrap_or(false)
                        }
                    }
                };
                if allowed {
                    return Ok(*addr);
                }
            }
        }
        Err(Refusal::NotAllowed {
            target: target.to_owned(),
            resolved,
        })
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
}
