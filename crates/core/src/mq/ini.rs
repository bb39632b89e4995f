//! `mqclient.ini` and `qm.ini`: stanzas of `Key=Value` lines, and the SSL stanza's settings.
//!
//! MQ silently falls back to the default when an SSL-stanza value is not recognised (IBM qm.ini
//! SSL stanza page); mqocsp does the same but records it, so the lint can say so.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A problem in an ini text, with its line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IniProblem {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for IniProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// One `Key=Value`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribute {
    /// The key as written.
    pub key: String,
    /// The value, trimmed.
    pub value: String,
    /// 1-based line.
    pub line: usize,
}

/// One stanza.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stanza {
    /// Its name (`SSL`, `CHANNELS`), as written.
    pub name: String,
    /// 1-based line of `NAME:`.
    pub line: usize,
    /// Its attributes in order.
    pub attributes: Vec<Attribute>,
}

/// A parsed ini text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ini {
    /// Stanzas in order.
    pub stanzas: Vec<Stanza>,
    /// Lines that could not be read.
    pub problems: Vec<IniProblem>,
}

impl Ini {
    /// Parses an ini text. Comments start with `#` or `;`.
    pub fn parse(text: &str) -> Self {
        let mut ini = Ini::default();
        for (index, raw) in super::quote::lines(text).into_iter().enumerate() {
            let line = index + 1;
            let content = raw.split(['#', ';']).next().unwrap_or_default().trim();
            if content.is_empty() {
                continue;
            }
            if let Some(name) = content
                .strip_suffix(':')
                .filter(|n| !n.contains('=') && !n.contains(' '))
            {
                ini.stanzas.push(Stanza {
                    name: name.to_owned(),
                    line,
                    attributes: Vec::new(),
                });
                continue;
            }
            let Some((key, value)) = content.split_once('=') else {
                ini.problems.push(IniProblem {
                    line,
                    message: format!(
                        "'{content}' is neither a stanza name (NAME:) nor a Key=Value attribute"
                    ),
                });
                continue;
            };
            match ini.stanzas.last_mut() {
                Some(stanza) => stanza.attributes.push(Attribute {
                    key: key.trim().to_owned(),
                    value: value.trim().to_owned(),
                    line,
                }),
                None => ini.problems.push(IniProblem {
                    line,
                    message: format!(
                        "'{}' comes before any stanza: put it under SSL:",
                        key.trim()
                    ),
                }),
            }
        }
        ini
    }

    /// The attributes of the first stanza called `name` (case-insensitive).
    pub fn stanza(&self, name: &str) -> Option<&Stanza> {
        self.stanzas
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(name))
    }
}

/// OCSPAuthentication: what to do when the revocation status cannot be determined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum OcspAuthentication {
    /// Refuse the connection (AMQ9716). The default.
    #[default]
    Required,
    /// Allow it and warn (an event 2552 on a queue manager).
    Warn,
    /// Allow it silently.
    Optional,
}

impl OcspAuthentication {
    /// From an ini value.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_uppercase().as_str() {
            "REQUIRED" => Some(Self::Required),
            "WARN" => Some(Self::Warn),
            "OPTIONAL" => Some(Self::Optional),
            _ => None,
        }
    }

    /// The ini word.
    pub fn word(&self) -> &'static str {
        match self {
            Self::Required => "REQUIRED",
            Self::Warn => "WARN",
            Self::Optional => "OPTIONAL",
        }
    }
}

/// OutboundSNI: what the client puts in the TLS SNI extension.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum OutboundSni {
    /// The mangled channel name (the default), needed for per-channel certificates.
    #[default]
    Channel,
    /// The host name from CONNAME.
    Hostname,
}

/// Where a setting's value came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Source {
    /// Nobody set it.
    Default,
    /// An ini line.
    Ini {
        /// The line.
        line: usize,
    },
    /// An environment variable.
    Environment {
        /// Its name.
        name: String,
    },
    /// A field of an MQI structure.
    Structure {
        /// `MQSCO.KeyRepository`, ...
        field: String,
    },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Default => f.write_str("the default"),
            Self::Ini { line } => write!(f, "line {line} of the ini file"),
            Self::Environment { name } => write!(f, "the environment variable {name}"),
            Self::Structure { field } => f.write_str(field),
        }
    }
}

/// A value with where it came from, and what was written when it was not understood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Setting<T> {
    /// The value in force.
    pub value: T,
    /// Where it came from.
    pub source: Source,
    /// A value that was written but not recognised (MQ then uses the default silently).
    pub ignored: Option<(String, usize)>,
}

impl<T: Default> Default for Setting<T> {
    fn default() -> Self {
        Self {
            value: T::default(),
            source: Source::Default,
            ignored: None,
        }
    }
}

/// The SSL stanza's settings that matter for TLS and revocation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SslStanza {
    /// OCSPAuthentication (default REQUIRED).
    pub ocsp_authentication: Setting<OcspAuthentication>,
    /// OCSPCheckExtensions: use the AIA OCSP URL (default YES).
    pub ocsp_check_extensions: Setting<Yes>,
    /// CDPCheckExtensions: use CRL distribution points (default NO).
    pub cdp_check_extensions: Setting<bool>,
    /// OutboundSNI (default CHANNEL).
    pub outbound_sni: Setting<OutboundSni>,
    /// SSLHTTPProxyName: the HTTP proxy for OCSP.
    pub http_proxy: Option<Setting<String>>,
    /// SSLKeyRepository.
    pub key_repository: Option<Setting<String>>,
    /// CertificateLabel.
    pub certificate_label: Option<Setting<String>>,
    /// CertificateValPolicy (default ANY).
    pub certificate_val_policy: Setting<CertValPolicy>,
    /// SSLFipsRequired (default NO).
    pub fips_required: Setting<bool>,
    /// ClientRevocationChecks (mqclient.ini, MQ 9.3 and later), when written; what MQ does when
    /// it is absent is not documented in what was read.
    pub client_revocation_checks: Option<Setting<ClientRevocationChecks>>,
    /// Attributes of the stanza mqocsp does not model.
    pub other: Vec<Attribute>,
}

/// ClientRevocationChecks: whether a C client checks revocation with the OCSP/CRL information in
/// its CCDT or MQSCO. Values named by IBM: REQUIRED, OPTIONAL, DISABLED. With REQUIRED and neither
/// a CCDT nor an MQSCO, MQCONNX fails with 2059 and the log shows AMQ9518E (AMQCLCHL.TAB not
/// found); IBM's workaround is a CCDT or MQSCO, or OPTIONAL/DISABLED; addressed by design in
/// 9.3.5 (APAR IT44272: https://www.ibm.com/support/pages/apar/IT44272 ; mq-reference addendum).
/// The exact difference between OPTIONAL and DISABLED is not documented in what was read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ClientRevocationChecks {
    /// The revocation information must be found and used.
    #[default]
    Required,
    /// Used when found.
    Optional,
    /// Not checked.
    Disabled,
}

impl ClientRevocationChecks {
    /// From an ini value.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_uppercase().as_str() {
            "REQUIRED" => Some(Self::Required),
            "OPTIONAL" => Some(Self::Optional),
            "DISABLED" => Some(Self::Disabled),
            _ => None,
        }
    }
}

/// A YES/NO setting whose default is YES.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Yes(pub bool);

impl Default for Yes {
    fn default() -> Self {
        Yes(true)
    }
}

fn yes_no(value: &str) -> Option<bool> {
    match value.trim().to_ascii_uppercase().as_str() {
        "YES" | "Y" | "TRUE" | "T" => Some(true),
        "NO" | "N" | "FALSE" | "F" => Some(false),
        _ => None,
    }
}

fn set<T: Default>(parsed: Option<T>, attribute: &Attribute) -> Setting<T> {
    match parsed {
        Some(value) => Setting {
            value,
            source: Source::Ini {
                line: attribute.line,
            },
            ignored: None,
        },
        None => Setting {
            ignored: Some((attribute.value.clone(), attribute.line)),
            ..Setting::default()
        },
    }
}

fn text(attribute: &Attribute) -> Option<Setting<String>> {
    Some(Setting {
        value: attribute.value.clone(),
        source: Source::Ini {
            line: attribute.line,
        },
        ignored: None,
    })
}

impl SslStanza {
    /// Reads the SSL stanza of an ini text (defaults when absent).
    pub fn from_ini(ini: &Ini) -> Self {
        let mut ssl = SslStanza::default();
        let Some(stanza) = ini.stanza("SSL") else {
            return ssl;
        };
        for attribute in &stanza.attributes {
            match attribute.key.to_ascii_lowercase().as_str() {
                "ocspauthentication" => {
                    ssl.ocsp_authentication =
                        set(OcspAuthentication::parse(&attribute.value), attribute)
                }
                "ocspcheckextensions" => {
                    ssl.ocsp_check_extensions = set(yes_no(&attribute.value).map(Yes), attribute)
                }
                "cdpcheckextensions" => {
                    ssl.cdp_check_extensions = set(yes_no(&attribute.value), attribute)
                }
                "outboundsni" => {
                    let value = match attribute.value.trim().to_ascii_uppercase().as_str() {
                        "CHANNEL" => Some(OutboundSni::Channel),
                        "HOSTNAME" => Some(OutboundSni::Hostname),
                        _ => None,
                    };
                    ssl.outbound_sni = set(value, attribute);
                }
                "sslhttpproxyname" => ssl.http_proxy = text(attribute),
                "sslkeyrepository" => ssl.key_repository = text(attribute),
                "certificatelabel" => ssl.certificate_label = text(attribute),
                "certificatevalpolicy" => {
                    ssl.certificate_val_policy =
                        set(CertValPolicy::parse(&attribute.value), attribute)
                }
                "sslfipsrequired" => ssl.fips_required = set(yes_no(&attribute.value), attribute),
                "clientrevocationchecks" => {
                    ssl.client_revocation_checks = Some(set(
                        ClientRevocationChecks::parse(&attribute.value),
                        attribute,
                    ))
                }
                _ => ssl.other.push(attribute.clone()),
            }
        }
        ssl
    }
}

/// CertificateValPolicy: how strictly GSKit validates certificate chains.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum CertValPolicy {
    /// `MQ_CERT_VAL_POLICY_ANY` (0, default): any of the supported policies may accept the chain.
    #[default]
    Any,
    /// `MQ_CERT_VAL_POLICY_RFC5280` (1): strict RFC 5280 validation only.
    Rfc5280,
}

impl CertValPolicy {
    /// From an ini or environment value.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_uppercase().as_str() {
            "ANY" | "0" => Some(Self::Any),
            "RFC5280" | "1" => Some(Self::Rfc5280),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssl_stanza_values_defaults_and_fallbacks() {
        let ini = Ini::parse(
            "# client\nCHANNELS:\n  CCSID=819\nSSL:\n  OCSPAuthentication=warn\n  OCSPCheckExtensions=NO ; off\n  OutboundSNI=SOMETIMES\n  SSLHTTPProxyName=proxy.example.test(8080)\n",
        );
        assert!(ini.problems.is_empty(), "{:?}", ini.problems);
        let ssl = SslStanza::from_ini(&ini);
        assert_eq!(ssl.ocsp_authentication.value, OcspAuthentication::Warn);
        assert_eq!(ssl.ocsp_authentication.source, Source::Ini { line: 5 });
        assert_eq!(ssl.ocsp_check_extensions.value, Yes(false));
        assert_eq!(ssl.outbound_sni.value, OutboundSni::Channel);
        assert_eq!(ssl.outbound_sni.ignored, Some(("SOMETIMES".to_owned(), 7)));
        assert_eq!(ssl.http_proxy.unwrap().value, "proxy.example.test(8080)");
        assert!(!ssl.cdp_check_extensions.value);
        let empty = SslStanza::from_ini(&Ini::parse(""));
        assert_eq!(
            empty.ocsp_authentication.value,
            OcspAuthentication::Required
        );
        assert_eq!(empty.ocsp_authentication.source, Source::Default);
    }

    #[test]
    fn client_revocation_checks_is_read_and_a_quoted_ini_too() {
        let ini = Ini::parse(
            "> SSL:\r\n>   ClientRevocationChecks=disabled\r\n>   OCSPAuthentication=WARN\r\n",
        );
        assert!(ini.problems.is_empty(), "{:?}", ini.problems);
        let ssl = SslStanza::from_ini(&ini);
        let checks = ssl.client_revocation_checks.unwrap();
        assert_eq!(checks.value, ClientRevocationChecks::Disabled);
        assert_eq!(checks.source, Source::Ini { line: 2 });
        assert_eq!(ssl.ocsp_authentication.value, OcspAuthentication::Warn);
        let bad = SslStanza::from_ini(&Ini::parse("SSL:\n ClientRevocationChecks=SOMETIMES\n"));
        assert_eq!(
            bad.client_revocation_checks.unwrap().ignored,
            Some(("SOMETIMES".into(), 2))
        );
        assert_eq!(
            SslStanza::from_ini(&Ini::parse("")).client_revocation_checks,
            None
        );
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let ini = Ini::parse("OCSPAuthentication=WARN\nSSL:\n  just words\n");
        let lines: Vec<usize> = ini.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 3]);
        assert!(
            ini.problems[0]
                .to_string()
                .contains("comes before any stanza")
        );
    }
}
