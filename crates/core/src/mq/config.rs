//! The configuration of both sides, as MQ sees it: the client's MQI structures (MQCNO, MQSCO,
//! MQAIR, MQCD), its mqclient.ini and environment; the queue manager's channel, AUTHINFO objects,
//! SSLCRLNL and qm.ini. Field names follow IBM's.

pub use super::ini::CertValPolicy;
use super::ini::{OcspAuthentication, OutboundSni, Setting, SslStanza};
use serde::{Deserialize, Serialize};

/// MQAIR AuthInfoType.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AuthInfoType {
    /// `MQAIT_CRL_LDAP` (1), the default.
    #[default]
    MqaitCrlLdap,
    /// `MQAIT_OCSP` (2).
    MqaitOcsp,
}

/// An authentication information record (MQAIR).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mqair {
    /// Version: 1 (default) or 2. OCSPResponderURL exists only from version 2.
    pub version: u32,
    /// AuthInfoType.
    pub auth_info_type: AuthInfoType,
    /// OCSPResponderURL.
    #[serde(default)]
    pub ocsp_responder_url: Option<String>,
    /// AuthInfoConnName (an LDAP server).
    #[serde(default)]
    pub auth_info_conn_name: Option<String>,
}

impl Default for Mqair {
    fn default() -> Self {
        Self {
            version: 1,
            auth_info_type: AuthInfoType::default(),
            ocsp_responder_url: None,
            auth_info_conn_name: None,
        }
    }
}

/// TLS configuration options (MQSCO).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mqsco {
    /// Version: 1 (default) .. 7. CertificateLabel needs 5.
    #[serde(default = "one")]
    pub version: u32,
    /// KeyRepository: the key repository stem, without `.kdb`.
    #[serde(default)]
    pub key_repository: Option<String>,
    /// CertificateLabel (version 5+).
    #[serde(default)]
    pub certificate_label: Option<String>,
    /// The MQAIR records (AuthInfoRecPtr / AuthInfoRecCount).
    #[serde(default)]
    pub auth_info_records: Vec<Mqair>,
    /// FipsRequired (version 2+): `Some(true)` is MQSSL_FIPS_YES.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fips_required: Option<bool>,
    /// CertificateValPolicy (version 4+): ANY (0) or RFC5280 (1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_val_policy: Option<CertValPolicy>,
}

fn one() -> u32 {
    1
}

/// Connect options (MQCNO).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mqcno {
    /// Version: 1 (default); SSLConfigPtr counts only from version 4.
    pub version: u32,
    /// SSLConfigPtr.
    #[serde(default)]
    pub sco: Option<Mqsco>,
}

impl Default for Mqcno {
    fn default() -> Self {
        Self {
            version: 1,
            sco: None,
        }
    }
}

/// The channel definition the client uses (MQCD, from MQCNO.ClientConnPtr or a CCDT).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mqcd {
    /// Version: TLS fields need 7, CertificateLabel needs 11.
    #[serde(default = "six")]
    pub version: u32,
    /// ChannelName.
    #[serde(default)]
    pub channel_name: String,
    /// ConnectionName (`host(port)`).
    #[serde(default)]
    pub conn_name: Option<String>,
    /// SSLCipherSpec.
    #[serde(default)]
    pub cipher_spec: Option<String>,
    /// SSLPeerName.
    #[serde(default)]
    pub peer_name: Option<String>,
    /// CertificateLabel.
    #[serde(default)]
    pub certificate_label: Option<String>,
}

impl Mqcd {
    /// The minimal channel MQSERVER defines, `CHANNEL/TCP/host(port)` (IBM, "MQSERVER":
    /// https://www.ibm.com/docs/en/ibm-mq/9.3?topic=descriptions-mqserver ): a channel name and a
    /// connection name, never a CipherSpec, a peer name or a label. `None` when it is not of
    /// that form.
    pub fn from_mqserver(value: &str) -> Option<Self> {
        let mut parts = value.trim().splitn(3, '/');
        let channel = parts.next()?.trim();
        let _transport = parts.next()?;
        let conn_name = parts.next()?.trim().trim_matches(['\'', '"']);
        (!channel.is_empty()).then(|| Self {
            version: six(),
            channel_name: channel.to_owned(),
            conn_name: Some(conn_name.to_owned()).filter(|c| !c.is_empty()),
            ..Self::default()
        })
    }
}

fn six() -> u32 {
    6
}

/// An AUTHINFO object of the queue manager (or copied into a binary CCDT).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthInfo {
    /// Its name.
    pub name: String,
    /// AUTHTYPE(OCSP) with its OCSPURL, or AUTHTYPE(CRLLDAP) with its CONNAME.
    pub kind: AuthInfoKind,
}

/// What an AUTHINFO object points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "authtype", rename_all = "UPPERCASE")]
pub enum AuthInfoKind {
    /// An OCSP responder.
    Ocsp {
        /// OCSPURL.
        url: String,
    },
    /// An LDAP server holding CRLs.
    Crlldap {
        /// CONNAME.
        conn_name: String,
    },
    /// IDPWOS / IDPWLDAP: not about certificates.
    Other,
}

/// SSLCAUTH of a channel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum SslCauth {
    /// The client must send a certificate (the default).
    #[default]
    Required,
    /// A certificate is checked when sent.
    Optional,
}

/// The server-connection channel on the queue manager.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelDef {
    /// Its name.
    pub name: String,
    /// SSLCIPH.
    #[serde(default)]
    pub sslciph: Option<String>,
    /// Whether the definition states SSLCIPH blank (`SSLCIPH( )` in DISPLAY output, `SSLCIPH(' ')`):
    /// the channel does not use TLS, which is not the same as a definition that does not say.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sslciph_blank: bool,
    /// SSLCAUTH.
    #[serde(default)]
    pub sslcauth: SslCauth,
    /// SSLPEER.
    #[serde(default)]
    pub sslpeer: Option<String>,
    /// CERTLABL.
    #[serde(default)]
    pub certlabl: Option<String>,
    /// CHLTYPE (`SVRCONN`, `CLNTCONN`, …), when the definition says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chltype: Option<String>,
    /// CONNAME (client-connection channels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conname: Option<String>,
    /// QMNAME (client-connection channels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qmname: Option<String>,
}

/// Which TLS library the queue manager runs: it decides what its log says when the *client*
/// aborts the handshake.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QmTls {
    /// GSKit: MQ on AIX, Linux, Windows.
    #[default]
    Gskit,
    /// OpenSSL: MQ on HPE NonStop, as in the seed walk-through.
    Openssl,
    /// System SSL: IBM MQ for z/OS. It checks no OCSP (OCSP in an AUTHINFO is used only on
    /// AIX, Linux and Windows; z/OS checks CRLs over LDAP), and its channel initiator writes
    /// CSQX messages, compared as the AMQ messages of the same number (`zos-csqx-as-amq`).
    SystemSsl,
}

/// The client side, after parsing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ClientConfig {
    /// Connect options.
    pub mqcno: Mqcno,
    /// The channel definition.
    pub mqcd: Mqcd,
    /// mqclient.ini's SSL stanza.
    pub ssl: SslStanza,
    /// Environment variables that matter (MQSSLKEYR, MQSSLPROXY, MQCERTVPOL, ...).
    pub env: Vec<(String, String)>,
    /// The proxy the client's Windows host is set to use (WinHTTP, Internet Options), which
    /// GSKit does not use for OCSP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub windows_proxy: Option<super::winproxy::WindowsProxy>,
    /// AUTHINFO records copied into a binary CCDT.
    pub ccdt_authinfo: Vec<AuthInfo>,
    /// The client's MQ version, when known.
    pub mq_version: Option<MqVersion>,
    /// Which client.
    pub kind: super::java::ClientKind,
    /// The JVM's revocation settings (Java client).
    pub java: super::java::JavaSettings,
    /// A Java client that is the IBM MQ classes for Java, not JMS: its log shows MQJE ids
    /// (`MQJE001: Completion Code '2', Reason '2397'`) and no JMS ones.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub classes_for_java: bool,
    /// Whether every place a setting can come from is stated (`Case` `settings_complete`).
    pub settings_complete: bool,
    /// The managed .NET client's revocation settings.
    pub dotnet: super::dotnet::DotnetSettings,
    /// Whether the case gives the client a CCDT (a JSON CCDT, or the AUTHINFO records of a
    /// binary one) that the client uses.
    pub ccdt: bool,
    /// The MQSERVER value when the channel in use is the one it defines (a C client with no
    /// MQCD of its own: IBM, "Creating a client-connection channel on the IBM MQ MQI client
    /// using MQSERVER", q016710: "The MQSERVER environment variable takes priority over any
    /// client channel definition pointed to by the MQCHLLIB and MQCHLTAB environment variables").
    pub mqserver: Option<String>,
    /// A CCDT was pasted but MQSERVER beats it: the client never reads it.
    pub ccdt_unused: bool,
    /// The personal certificates' labels in a listing of the client's own key repository, when
    /// one was pasted (its `-db` names the key repository the client uses).
    pub personal_labels: Option<Vec<String>>,
}

/// An MQ version (the first two parts of VRMF matter for the behaviour modelled).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MqVersion {
    /// Version.
    pub version: u8,
    /// Release.
    pub release: u8,
    /// Modification.
    pub modification: u8,
    /// Fix pack.
    pub fix: u8,
}

impl MqVersion {
    /// The release assumed when a ticket does not say (the current long-term support release).
    pub const CURRENT: MqVersion = MqVersion {
        version: 9,
        release: 4,
        modification: 0,
        fix: 0,
    };
    /// MQ 9.2: the last release that takes the key repository as a stem only (a diagnosis
    /// supposes it for a client that names a `.kdb` file and gets 2381).
    pub const V9_2: MqVersion = MqVersion {
        version: 9,
        release: 2,
        modification: 0,
        fix: 0,
    };
    /// MQ 9.3: from here the key repository may be given with its `.kdb` extension.
    pub const V9_3: MqVersion = MqVersion {
        version: 9,
        release: 3,
        modification: 0,
        fix: 0,
    };

    /// `9.3.0.5`, `9.3`, `9.3.0.5-IBM-MQC-LinuxX64` (the parts after the numbers are ignored).
    pub fn parse(text: &str) -> Option<Self> {
        let numbers: Vec<u8> = text
            .trim()
            .split(['.', '-', ' '])
            .take(4)
            .map_while(|p| p.parse().ok())
            .collect();
        match numbers.as_slice() {
            [version, release, rest @ ..] if (1..=99).contains(version) => Some(Self {
                version: *version,
                release: *release,
                modification: rest.first().copied().unwrap_or(0),
                fix: rest.get(1).copied().unwrap_or(0),
            }),
            _ => None,
        }
    }
}

impl std::fmt::Display for MqVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}.{}.{}.{}",
            self.version, self.release, self.modification, self.fix
        )
    }
}

/// The queue manager side, after parsing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct QmConfig {
    /// The queue manager's name.
    pub name: String,
    /// The server-connection channel.
    pub channel: ChannelDef,
    /// qm.ini's SSL stanza.
    pub ssl: SslStanza,
    /// Every AUTHINFO object defined.
    pub authinfo: Vec<AuthInfo>,
    /// The AUTHINFO names in the SSLCRLNL namelist, in order.
    pub sslcrlnl: Vec<String>,
    /// SSLCRLNL stated blank (so no AUTHINFO is in force, whatever is defined).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sslcrlnl_blank: bool,
    /// The TLS library.
    pub tls: QmTls,
    /// SSLEV: whether TLS events are written (DISABLED by default).
    pub sslev: SslEvents,
    /// Channel authentication records (SET CHLAUTH, DISPLAY CHLAUTH), as runmqsc keeps them.
    pub chlauth: Vec<ChlauthRule>,
    /// The queue manager's CERTLABL (ALTER or DISPLAY QMGR), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certlabl: Option<String>,
}

impl ClientConfig {
    /// Whether the client has a CCDT: one in the case, or its environment naming one (MQCHLLIB,
    /// MQCHLTAB, MQCCDTURL).
    pub fn has_ccdt(&self) -> bool {
        self.ccdt
            || !self.ccdt_authinfo.is_empty()
            || ["MQCHLLIB", "MQCHLTAB", "MQCCDTURL"]
                .iter()
                .any(|name| self.env(name).is_some_and(|v| !v.trim().is_empty()))
    }

    /// The MQSCO in force: only when MQCNO is version 4 or later.
    pub fn effective_sco(&self) -> Option<&Mqsco> {
        self.mqcno.sco.as_ref().filter(|_| self.mqcno.version >= 4)
    }

    /// The value of an environment variable.
    pub fn env(&self, name: &str) -> Option<&str> {
        self.env
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The key repository stem and where it came from: MQSCO.KeyRepository > MQSSLKEYR >
    /// SSLKeyRepository (mqclient.ini).
    pub fn key_repository(&self) -> Option<Setting<String>> {
        use super::ini::Source;
        if let Some(stem) = self
            .effective_sco()
            .and_then(|sco| sco.key_repository.clone())
        {
            return Some(Setting {
                value: stem,
                source: Source::Structure {
                    field: "MQSCO.KeyRepository".into(),
                },
                ignored: None,
            });
        }
        if let Some(stem) = self.env("MQSSLKEYR") {
            return Some(Setting {
                value: stem.to_owned(),
                source: Source::Environment {
                    name: "MQSSLKEYR".into(),
                },
                ignored: None,
            });
        }
        self.ssl.key_repository.clone()
    }

    /// The OCSPAuthentication policy in force on the client.
    pub fn ocsp_authentication(&self) -> OcspAuthentication {
        self.ssl.ocsp_authentication.value
    }

    /// OutboundSNI in force.
    pub fn outbound_sni(&self) -> OutboundSni {
        self.ssl.outbound_sni.value
    }

    /// The HTTP proxy for OCSP: MQSSLPROXY > SSLHTTPProxyName (mqclient.ini).
    pub fn http_proxy(&self) -> Option<Setting<String>> {
        use super::ini::Source;
        match self.env("MQSSLPROXY") {
            Some(proxy) => Some(Setting {
                value: proxy.to_owned(),
                source: Source::Environment {
                    name: "MQSSLPROXY".into(),
                },
                ignored: None,
            }),
            None => self.ssl.http_proxy.clone(),
        }
    }

    /// CertificateValPolicy: MQSCO (version 4+) > MQCERTVPOL > mqclient.ini (IBM q010230).
    pub fn certificate_val_policy(&self) -> Setting<CertValPolicy> {
        use super::ini::Source;
        if let Some(policy) = self
            .effective_sco()
            .filter(|s| s.version >= 4)
            .and_then(|s| s.certificate_val_policy)
        {
            return Setting {
                value: policy,
                source: Source::Structure {
                    field: "MQSCO.CertificateValPolicy".into(),
                },
                ignored: None,
            };
        }
        if let Some(policy) = self.env("MQCERTVPOL").and_then(CertValPolicy::parse) {
            return Setting {
                value: policy,
                source: Source::Environment {
                    name: "MQCERTVPOL".into(),
                },
                ignored: None,
            };
        }
        self.ssl.certificate_val_policy.clone()
    }

    /// FIPS: MQSCO.FipsRequired (version 2+) > MQSSLFIPS > SSLFipsRequired (IBM q012440).
    pub fn fips_required(&self) -> Setting<bool> {
        use super::ini::Source;
        if let Some(fips) = self
            .effective_sco()
            .filter(|s| s.version >= 2)
            .and_then(|s| s.fips_required)
        {
            return Setting {
                value: fips,
                source: Source::Structure {
                    field: "MQSCO.FipsRequired".into(),
                },
                ignored: None,
            };
        }
        if let Some(fips) = self.env("MQSSLFIPS").map(|v| v.eq_ignore_ascii_case("YES")) {
            return Setting {
                value: fips,
                source: Source::Environment {
                    name: "MQSSLFIPS".into(),
                },
                ignored: None,
            };
        }
        self.ssl.fips_required.clone()
    }
}

/// SSLEV: whether the queue manager raises TLS events (`MQEVR_DISABLED` is the default: IBM,
/// SSLEvent attribute, https://www.ibm.com/docs/en/ibm-mq/9.3?topic=qmgr-sslevent-mqlong).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum SslEvents {
    /// `SSLEV(ENABLED)`: Channel SSL Error / Warning events are written.
    Enabled,
    /// `SSLEV(DISABLED)`, the default.
    #[default]
    Disabled,
}

/// One channel authentication record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ChlauthRule {
    /// The channel profile (`APP.SVRCONN`, `*`).
    pub profile: String,
    /// TYPE: `SSLPEERMAP`, `ADDRESSMAP`, `USERMAP`, `QMGRMAP`, `BLOCKUSER`, `BLOCKADDR`.
    pub kind: String,
    /// SSLPEER pattern (SSLPEERMAP).
    pub sslpeer: Option<String>,
    /// SSLCERTI: the issuer's DN (SSLPEERMAP).
    pub sslcerti: Option<String>,
    /// ADDRESS pattern.
    pub address: Option<String>,
    /// CLNTUSER (USERMAP).
    pub clntuser: Option<String>,
    /// QMNAME (QMGRMAP).
    pub qmname: Option<String>,
    /// USERSRC: `MAP`, `NOACCESS`, `CHANNEL`.
    pub usersrc: Option<String>,
    /// MCAUSER the rule maps to.
    pub mcauser: Option<String>,
    /// USERLIST (BLOCKUSER), folded as runmqsc stores them.
    pub userlist: Vec<String>,
    /// WARN(YES): the rule only warns.
    pub warn: bool,
    /// 1-based line of the statement or block that set it.
    pub line: usize,
}

impl ChlauthRule {
    /// The key runmqsc keeps one record per.
    pub(crate) fn key(&self) -> (String, String, String) {
        let discriminator = self
            .sslpeer
            .clone()
            .or_else(|| self.address.clone())
            .or_else(|| self.clntuser.clone())
            .or_else(|| self.qmname.clone())
            .unwrap_or_default();
        (self.profile.clone(), self.kind.clone(), discriminator)
    }
}
