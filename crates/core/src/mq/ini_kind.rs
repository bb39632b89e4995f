//! Which ini file a pasted text is: mqclient.ini, qm.ini or mqs.ini, told apart by their stanzas
//! and keys (IBM, "Configuring a client using a configuration file":
//! https://www.ibm.com/docs/en/ibm-mq/9.3?topic=clients-configuring-client-using-configuration-file ;
//! "Changing queue manager configuration information on Multiplatforms":
//! https://www.ibm.com/docs/en/ibm-mq/9.3?topic=cmcf-changing-queue-manager-configuration-information-multiplatforms ;
//! "Which IBM MQ clients can read each attribute":
//! https://www.ibm.com/support/knowledgecenter/SSFKSJ_8.0.0/com.ibm.mq.con.doc/q130380_.html).
//! Several stanzas exist in both (SSL, TCP, CHANNELS): an SSL stanza alone cannot tell.

use super::ini::Ini;
use serde::Serialize;

/// What an ini text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IniKind {
    /// The client's mqclient.ini.
    MqclientIni,
    /// A queue manager's qm.ini.
    QmIni,
    /// The installation's mqs.ini (QueueManager, AllQueueManagers, DefaultQueueManager stanzas).
    MqsIni,
    /// Only stanzas and keys both files have: which one cannot be told.
    Ambiguous,
}

/// The kind and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IniKindReading {
    /// What it is.
    pub kind: IniKind,
    /// Which stanza or key decided, or why it could not be.
    pub reason: String,
    /// 1-based line of the deciding stanza or key.
    pub line: Option<usize>,
}

/// Stanzas only mqclient.ini has.
const CLIENT_STANZAS: &[&str] = &[
    "ClientExitPath",
    "PreConnect",
    "MessageBuffer",
    "JMQI",
    "ApplicationTrace",
];
/// Stanzas only qm.ini has.
const QM_STANZAS: &[&str] = &[
    "Log",
    "Service",
    "ServiceComponent",
    "XAResourceManager",
    "ExitPath",
    "ApiExitLocal",
    "AccessMode",
    "RestrictedMode",
    "InstanceData",
    "Filesystem",
    "TuningParameters",
    "Subpool",
    "AutoConfig",
    "AutoCluster",
    "Security",
    "NativeHAInstance",
    "NativeHALocalInstance",
    "Variables",
    "AuthorityService",
    "ExitPropertiesLocal",
];
/// Stanzas only mqs.ini has.
const MQS_STANZAS: &[&str] = &[
    "QueueManager",
    "AllQueueManagers",
    "DefaultQueueManager",
    "LogDefaults",
    "ApiExitCommon",
    "ApiExitTemplate",
    "ACPI",
    "ExitProperties",
];
/// Keys only the client reads (in CHANNELS or SSL).
const CLIENT_KEYS: &[&str] = &[
    "ChannelDefinitionDirectory",
    "ChannelDefinitionFile",
    "ServerConnectionParms",
    "DefRecon",
    "ReconDelay",
    "MQReconnectTimeout",
    "Put1DefaultAlwaysSync",
    "SSLKeyRepository",
    "CertificateLabel",
    "ClientRevocationChecks",
    "SSLCryptoHardware",
    "EncryptionPolicySuiteB",
    "SSLFipsRequired",
    "CertificateValPolicy",
    "SSLKeyResetCount",
    "ClntRcvBuffSize",
    "ClntSndBuffSize",
];
/// Keys only a queue manager reads.
const QM_KEYS: &[&str] = &[
    "MaxChannels",
    "MaxActiveChannels",
    "MaxInitiators",
    "MQIBindType",
    "PipeLineLength",
    "AdoptNewMCA",
    "AdoptNewMCATimeout",
    "AdoptNewMCACheck",
    "ChlauthEarlyAdopt",
    "ChlauthIgnoreUserCase",
    "AllowTLSV13",
    "AllowWeakCipherSpec",
    "SvrSndBuffSize",
    "SvrRcvBuffSize",
];

/// What `ini` is, from its stanzas and keys.
pub fn kind(ini: &Ini) -> IniKindReading {
    let found = |stanzas: &[&str], keys: &[&str]| {
        ini.stanzas.iter().find_map(|s| {
            if stanzas.iter().any(|n| n.eq_ignore_ascii_case(&s.name)) {
                return Some((format!("the {}: stanza", s.name), s.line));
            }
            s.attributes
                .iter()
                .find(|a| keys.iter().any(|k| k.eq_ignore_ascii_case(&a.key)))
                .map(|a| (format!("{} in the {}: stanza", a.key, s.name), a.line))
        })
    };
    let client = found(CLIENT_STANZAS, CLIENT_KEYS);
    let qm = found(QM_STANZAS, QM_KEYS);
    let mqs = found(MQS_STANZAS, &[]);
    match (client, qm, mqs) {
        (Some((why, line)), None, None) => IniKindReading {
            kind: IniKind::MqclientIni,
            reason: format!("{why} is only read from mqclient.ini"),
            line: Some(line),
        },
        (None, Some((why, line)), None) => IniKindReading {
            kind: IniKind::QmIni,
            reason: format!("{why} is only read from qm.ini"),
            line: Some(line),
        },
        (None, None, Some((why, line))) => IniKindReading {
            kind: IniKind::MqsIni,
            reason: format!("{why} belongs to mqs.ini"),
            line: Some(line),
        },
        (None, None, None) => IniKindReading {
            kind: IniKind::Ambiguous,
            reason: match ini.stanzas.as_slice() {
                [] => "no stanza".into(),
                stanzas => format!(
                    "{} stanzas are valid in both mqclient.ini and qm.ini, and no key only one of them reads is set",
                    stanzas
                        .iter()
                        .map(|s| format!("{}:", s.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
            line: None,
        },
        (client, qm, mqs) => IniKindReading {
            kind: IniKind::Ambiguous,
            reason: format!(
                "it mixes files: {}",
                [("mqclient.ini", client), ("qm.ini", qm), ("mqs.ini", mqs)]
                    .into_iter()
                    .filter_map(|(file, found)| found
                        .map(|(why, line)| format!("{why} (line {line}) is {file}'s")))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            line: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stanzas_and_keys_tell_the_files_apart() {
        let cases: &[(&str, IniKind, &str)] = &[
            (
                "CHANNELS:\n  ChannelDefinitionDirectory=/var/mqm\nSSL:\n  OCSPAuthentication=WARN\n",
                IniKind::MqclientIni,
                "ChannelDefinitionDirectory",
            ),
            (
                "ClientExitPath:\n  ExitsDefaultPath=/var/mqm/exits\n",
                IniKind::MqclientIni,
                "ClientExitPath",
            ),
            (
                "SSL:\n  ClientRevocationChecks=DISABLED\n",
                IniKind::MqclientIni,
                "ClientRevocationChecks",
            ),
            (
                "Log:\n  LogPrimaryFiles=3\nSSL:\n  OCSPAuthentication=OPTIONAL\n",
                IniKind::QmIni,
                "Log:",
            ),
            (
                "CHANNELS:\n  MaxChannels=200\n",
                IniKind::QmIni,
                "MaxChannels",
            ),
            (
                "QueueManager:\n  Name=PL81N\n  Directory=PL81N\n",
                IniKind::MqsIni,
                "QueueManager",
            ),
            (
                "SSL:\n  OCSPAuthentication=WARN\n  OCSPCheckExtensions=NO\n",
                IniKind::Ambiguous,
                "valid in both",
            ),
            (
                "Log:\n  LogPrimaryFiles=3\nCHANNELS:\n  ServerConnectionParms=X/TCP/h(1414)\n",
                IniKind::Ambiguous,
                "mixes",
            ),
        ];
        for (text, expected, why) in cases {
            let reading = kind(&Ini::parse(text));
            assert_eq!(reading.kind, *expected, "{text}");
            assert!(reading.reason.contains(why), "{text}: {}", reading.reason);
        }
    }
}
