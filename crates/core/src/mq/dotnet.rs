//! The managed .NET client (IBM MQ classes for .NET, XMS .NET and WCF in managed mode): TLS by the
//! platform's `System.Net.Security.SslStream`, not GSKit, so revocation is the platform's business.
//!
//! What IBM documents:
//! - Revocation is checked only when the application asks for it: `MQEnvironment.SSLCertRevocationCheck`
//!   (IBM MQ classes for .NET; the same name as a properties key, `MQC.SSL_CERT_REVOCATION_CHECK`),
//!   `XMSC.WMQ_SSL_CERT_REVOCATION_CHECK` on an XMS connection factory, `SslCertRevocationCheck=true`
//!   in a WCF URI. The check "is automatically done by the certificate chaining engine" for OCSP and
//!   CRLs, and "uses only the server specified in the certificate": the responders and distribution
//!   points named in the certificates (AIA, CDP), never an MQAIR, CCDT AUTHINFO or mqclient.ini
//!   OCSP setting. OCSP and CDP requests may go through an HTTP proxy. ([`IBM_REVOCATION`])
//! - Without an SSLPEERNAME "the IBM MQ.NET managed client does not do any Remote(Server) certificate
//!   validation and the managed client just accepts the Remote(/server) certificate as-is"
//!   ([`IBM_PEER_NAME`], MQ 9.2).
//! - The reason codes IBM lists for the .NET client's TLS errors (MQRC_SSL_NOT_ALLOWED,
//!   MQRC_SSL_PEER_NAME_MISMATCH, MQRC_SSL_PEER_NAME_ERROR, MQRC_KEY_REPOSITORY_ERROR) include none
//!   for a rejected server certificate ([`IBM_ERRORS`]): 2393 is an assumption, shown as such.
//!
//! What Microsoft documents: [`X509RevocationMode`](MS_MODE) (`NoCheck`, `Online`, `Offline`);
//! `SslStream`'s own default is `NoCheck`; [`X509RevocationFlag`](MS_FLAG) defaults to
//! `ExcludeRoot` (every certificate of the chain but the root is checked). A certificate found
//! revoked gives chain status `Revoked`; a status that cannot be determined gives
//! `RevocationStatusUnknown`, with `OfflineRevocation` when the source could not be reached. The
//! handshake then fails with an `AuthenticationException` ("The remote certificate is invalid
//! because of errors in the certificate chain: …" from .NET 5; "… according to the validation
//! procedure" on .NET Framework).
//!
//! Platforms: on Windows the CryptoAPI chain engine checks revocation (OCSP from the AIA, else the
//! CRL from the CDP); on Linux .NET builds the chain with OpenSSL and fetches OCSP (AIA) and CRLs
//! (CDP) itself — older releases ask OCSP for the end-entity certificate only and use only the
//! first CDP of a certificate (dotnet/runtime issues 79212, 121253), so a CA certificate with AIA
//! but no CDP gives `RevocationStatusUnknown` there.

use serde::{Deserialize, Serialize};

/// IBM: revocation checking of the managed .NET client.
pub const IBM_REVOCATION: &str =
    "https://www.ibm.com/docs/en/ibm-mq/9.4?topic=client-revocation-check";
/// IBM: SSLPEERNAME for the managed .NET client (no validation without it).
pub const IBM_PEER_NAME: &str =
    "https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.2.0/com.ibm.mq.dev.doc/q120660_.html";
/// IBM: error handling when using TLS with IBM MQ classes for .NET.
pub const IBM_ERRORS: &str = "https://www.ibm.com/docs/SSFKSJ_9.3.0/develop/q029690_.html";
/// Microsoft: X509RevocationMode.
pub const MS_MODE: &str = "https://learn.microsoft.com/dotnet/api/system.security.cryptography.x509certificates.x509revocationmode";
/// Microsoft: X509RevocationFlag (ExcludeRoot is the default of X509ChainPolicy).
pub const MS_FLAG: &str = "https://learn.microsoft.com/dotnet/api/system.security.cryptography.x509certificates.x509revocationflag";

/// Where the .NET runtime runs: it decides which chain engine checks revocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// Windows: the CryptoAPI (CAPI2) chain engine.
    Windows,
    /// Linux (and containers): .NET's OpenSSL-based chain building.
    Linux,
}

impl Platform {
    /// The word used in the case file.
    pub fn word(self) -> &'static str {
        match self {
            Self::Windows => "windows",
            Self::Linux => "linux",
        }
    }
}

/// The managed .NET client's settings that decide revocation (None: not stated).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DotnetSettings {
    /// `SSLCertRevocationCheck` (default false: `X509RevocationMode.NoCheck`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revocation_check: Option<bool>,
    /// The platform the application runs on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
}

/// One setting read from a paste, with where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    /// What was read, for people (`SSLCertRevocationCheck=true`).
    pub what: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column where the setting's name starts.
    pub column: usize,
}

/// What a paste says about a managed .NET client.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DotnetReading {
    /// The revocation settings.
    pub settings: DotnetSettings,
    /// The SSLPEERNAME the application sets (MQEnvironment.SSLPeerName, MQC.SSL_PEER_NAME_PROPERTY,
    /// XMSC.WMQ_SSL_PEER_NAME, `SslPeerName=` in a WCF URI).
    pub peer_name: Option<String>,
    /// The connection the application makes: channel, host, port, CipherSpec, queue manager
    /// (MQC.*_PROPERTY keys, MQEnvironment fields, XMSC.WMQ_* properties).
    pub connection: Connection,
    /// Everything read, in paste order.
    pub read: Vec<Read>,
}

/// The connection a .NET application's properties describe.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Connection {
    /// The server-connection channel.
    pub channel: Option<String>,
    /// The host name.
    pub host: Option<String>,
    /// The port.
    pub port: Option<String>,
    /// The CipherSpec.
    pub cipher_spec: Option<String>,
    /// The queue manager.
    pub queue_manager: Option<String>,
}

/// The names of each connection property, and which field it fills.
type Field = fn(&mut Connection) -> &mut Option<String>;
const CONNECTION_NAMES: &[(&str, &[&str], Field)] = &[
    (
        "channel",
        &[
            "MQC.CHANNEL_PROPERTY",
            "MQEnvironment.Channel",
            "XMSC.WMQ_CHANNEL",
        ],
        |c| &mut c.channel,
    ),
    (
        "host",
        &[
            "MQC.HOST_NAME_PROPERTY",
            "MQEnvironment.Hostname",
            "XMSC.WMQ_HOST_NAME",
        ],
        |c| &mut c.host,
    ),
    (
        "port",
        &["MQC.PORT_PROPERTY", "MQEnvironment.Port", "XMSC.WMQ_PORT"],
        |c| &mut c.port,
    ),
    (
        "CipherSpec",
        &[
            "MQC.SSL_CIPHER_SPEC_PROPERTY",
            "MQEnvironment.SSLCipherSpec",
            "XMSC.WMQ_SSL_CIPHER_SPEC",
        ],
        |c| &mut c.cipher_spec,
    ),
    (
        "queue manager",
        &["XMSC.WMQ_QUEUE_MANAGER", "new MQQueueManager("],
        |c| &mut c.queue_manager,
    ),
];

/// Names that switch revocation checking: IBM's property and its spellings in code and config.
const REVOCATION_NAMES: &[&str] = &[
    "XMSC.WMQ_SSL_CERT_REVOCATION_CHECK",
    "WMQ_SSL_CERT_REVOCATION_CHECK",
    "MQC.SSL_CERT_REVOCATION_CHECK_PROPERTY",
    "MQC.SSL_CERT_REVOCATION_CHECK",
    "SSL_CERT_REVOCATION_CHECK",
    "SSLCertRevocationCheck",
];
/// Names that set SSLPEERNAME.
const PEER_NAMES: &[&str] = &[
    "XMSC.WMQ_SSL_PEER_NAME",
    "MQC.SSL_PEER_NAME_PROPERTY",
    "MQEnvironment.SSLPeerName",
    "SSLPeerName",
];
/// Words that place the runtime on Linux or Windows.
const LINUX_WORDS: &[&str] = &[
    "Interop+OpenSsl",
    "Interop.OpenSsl",
    "OpenSslX509ChainProcessor",
    "/usr/share/dotnet",
    "linux-x64",
    "linux-musl",
    "mcr.microsoft.com/dotnet",
    "Ubuntu",
    "Red Hat Enterprise Linux",
    "RHEL",
];
const WINDOWS_WORDS: &[&str] = &[
    "Interop+SspiCli",
    "Interop.SspiCli",
    "SecureChannel",
    "win-x64",
    "Windows Server",
    "C:\\Program Files",
    ".NET Framework",
];

impl DotnetReading {
    /// Reads C#/VB code, app.config `<add key=… value=…/>`, appsettings.json `"name": value`,
    /// WCF URIs (`;SslCertRevocationCheck=true`) and `name=value` lines; the first value of a
    /// setting wins, as the first place a support engineer sees it.
    pub fn read(text: &str) -> Self {
        let mut out = Self::default();
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            if let Some((column, value)) = setting(line, REVOCATION_NAMES)
                && out.settings.revocation_check.is_none()
                && let Some(on) = boolean(&value)
            {
                out.settings.revocation_check = Some(on);
                out.read.push(Read {
                    what: format!("SSLCertRevocationCheck={on}"),
                    line: number,
                    column,
                });
            }
            if let Some((column, value)) = setting(line, PEER_NAMES)
                && out.peer_name.is_none()
                && !value.is_empty()
                && value.contains('=')
            {
                out.read.push(Read {
                    what: format!("SSLPEERNAME '{value}'"),
                    line: number,
                    column,
                });
                out.peer_name = Some(value);
            }
            for (label, names, field) in CONNECTION_NAMES {
                if let Some((column, value)) = setting(line, names)
                    && !value.is_empty()
                    && field(&mut out.connection).is_none()
                {
                    out.read.push(Read {
                        what: format!("{label} '{value}'"),
                        line: number,
                        column,
                    });
                    *field(&mut out.connection) = Some(value);
                }
            }
            if out.settings.platform.is_none() {
                let found = [
                    (Platform::Linux, LINUX_WORDS),
                    (Platform::Windows, WINDOWS_WORDS),
                ]
                .into_iter()
                .find_map(|(platform, words)| {
                    words
                        .iter()
                        .find_map(|w| line.find(w).map(|at| (platform, *w, at)))
                });
                if let Some((platform, word, at)) = found {
                    out.settings.platform = Some(platform);
                    out.read.push(Read {
                        what: format!("runs on {} ('{word}')", platform.word()),
                        line: number,
                        column: column_of(line, at),
                    });
                }
            }
        }
        out
    }
}

/// The 1-based column (in characters) of byte offset `at` in `line`.
fn column_of(line: &str, at: usize) -> usize {
    line.get(..at)
        .map_or(1, |before| before.chars().count() + 1)
}

/// The value `line` gives to one of `names` and the column of the name: `name = value;`,
/// `name: value`, `name=value` (a URI field), `Add(name, value)`, `SetXxxProperty(name, value)`,
/// `<add key="name" value="value"/>`. The longest name that matches wins (so
/// `MQC.SSL_CERT_REVOCATION_CHECK` is not read as its shorter suffix).
fn setting(line: &str, names: &[&str]) -> Option<(usize, String)> {
    let (at, name) = names
        .iter()
        .filter_map(|name| find_word(line, name).map(|at| (at, *name)))
        .min_by_key(|(at, name)| (*at, std::cmp::Reverse(name.len())))?;
    let rest = line.get(at + name.len()..)?;
    let value = if name.ends_with('(') {
        // `new MQQueueManager("QM1", props)`: the first argument.
        rest
    } else if let Some(after) = rest
        .trim_start_matches(['"', '\''])
        .trim_start()
        .strip_prefix("value=")
    {
        after
    } else if let Some(after) = trimmed(rest).strip_prefix(',') {
        after
    } else if let Some(after) = trimmed(rest).strip_prefix("==") {
        // A comparison, not an assignment.
        let _ = after;
        return None;
    } else if let Some(after) = trimmed(rest).strip_prefix('=') {
        after
    } else if let Some(after) = trimmed(rest).strip_prefix(':') {
        after
    } else {
        // `<add key="SSLCertRevocationCheck" value="true" />`.
        rest.split_once("value=").map(|(_, v)| v)?
    };
    let value = value.trim();
    let value = if let Some(quoted) = value.strip_prefix(['"', '\'']) {
        quoted.split(['"', '\'']).next().unwrap_or_default()
    } else {
        value
            .split([';', ')', ',', '/', '>', '}', ' ', '&'])
            .next()
            .unwrap_or_default()
    };
    Some((column_of(line, at), value.trim().to_owned()))
}

/// What follows a name, without the quote that closes it and leading spaces.
fn trimmed(rest: &str) -> &str {
    rest.trim_start_matches(['"', '\'']).trim_start()
}

/// Where `word` occurs in `line` as a whole name (not inside a longer identifier), ignoring ASCII
/// case (a WCF URI writes `SslCertRevocationCheck`).
fn find_word(line: &str, word: &str) -> Option<usize> {
    // ASCII lowercasing keeps every byte offset.
    let (lower, word) = (line.to_ascii_lowercase(), word.to_ascii_lowercase());
    let mut from = 0;
    while let Some(found) = lower.get(from..).and_then(|rest| rest.find(&word)) {
        let at = from + found;
        let before = line.get(..at).and_then(|b| b.chars().next_back());
        let after = line.get(at + word.len()..).and_then(|a| a.chars().next());
        let part = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        if !part(before) && !part(after) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

fn boolean(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// Line ranges (first, last) less the given lines: what is left unread once a reader took them.
pub fn without_lines(ranges: Vec<(usize, usize)>, taken: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (first, last) in ranges {
        let mut start = first;
        for line in first..=last {
            if taken.contains(&line) {
                if start < line {
                    out.push((start, line - 1));
                }
                start = line + 1;
            }
        }
        if start <= last {
            out.push((start, last));
        }
    }
    out
}

impl DotnetSettings {
    /// Whether the managed client asks the platform to check revocation.
    pub fn checks_revocation(&self) -> bool {
        self.revocation_check.unwrap_or(false)
    }

    /// Whether anything was stated.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// .NET: `AuthenticationException` with chain status `Revoked`.
pub const NET_REVOKED: &str = "NET:Revoked";
/// .NET: chain status `RevocationStatusUnknown`.
pub const NET_UNKNOWN: &str = "NET:RevocationStatusUnknown";
/// .NET: chain status `OfflineRevocation` (the source could not be reached).
pub const NET_OFFLINE: &str = "NET:OfflineRevocation";
/// .NET: chain status `UntrustedRoot` / `PartialChain` (the chain does not reach a trusted root).
pub const NET_UNTRUSTED: &str = "NET:UntrustedRoot";
/// .NET: the `IBM.WMQ.MQException` (or XMS .NET's `XMSException`) the application catches.
pub const NET_MQEXCEPTION: &str = "NET:MQException";
/// .NET: the `AuthenticationException` itself ("The remote certificate is invalid …").
pub const NET_AUTHENTICATION: &str = "NET:AuthenticationException";
/// .NET: the `System.IO.IOException` of a connection the other end closed or reset during the
/// handshake (see [`REMOTE_CLOSED`]): the queue manager (or a device between) ended it.
pub const NET_REMOTE_CLOSED: &str = "NET:RemoteClosed";

/// The `IOException` messages of a connection the other end ended during the TLS handshake:
/// SslStream reading 0 bytes where it expects a handshake record (`SR.net_auth_eof`, thrown as
/// `IOException` by `StartReadFrame`: dotnet/corefx src/System.Net.Security/src/System/Net/Security/SslState.cs,
/// the same in .NET Framework; `SR.net_io_eof` in .NET 5 and later's SslStream), and
/// NetworkStream's read failure with the socket's error, such as a reset connection
/// (`SR.net_io_readfailure`, "Unable to read data from the transport connection: {0}.", e.g. "An
/// existing connection was forcibly closed by the remote host", WSAECONNRESET).
const REMOTE_CLOSED: &[&str] = &[
    "remote party has closed the transport stream",
    "unexpected EOF or 0 bytes from the transport stream",
    "Unable to read data from the transport connection",
];

/// The .NET observation ids a line of an exception or log shows: the `AuthenticationException`
/// and each `X509ChainStatusFlags` name it lists (.NET 5 and later list them).
pub fn dotnet_ids(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    if line.contains("IBM.WMQ.MQException") || line.contains("IBM.XMS.XMSException") {
        out.push(NET_MQEXCEPTION.to_owned());
    }
    if line.contains("AuthenticationException") || line.contains("remote certificate is invalid") {
        out.push(NET_AUTHENTICATION.to_owned());
    }
    if REMOTE_CLOSED.iter().any(|text| line.contains(text)) {
        out.push(NET_REMOTE_CLOSED.to_owned());
    }
    let statuses = [
        ("RevocationStatusUnknown", NET_UNKNOWN),
        ("OfflineRevocation", NET_OFFLINE),
        ("UntrustedRoot", NET_UNTRUSTED),
        ("PartialChain", NET_UNTRUSTED),
    ];
    for (word, id) in statuses {
        if line.contains(word) && !out.iter().any(|o| o == id) {
            out.push(id.to_owned());
        }
    }
    // `Revoked` as a chain status, not inside "RevocationStatusUnknown" or prose ("revoked").
    if line
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "Revoked")
        && (line.contains("certificate chain") || line.contains("ChainStatus"))
    {
        out.push(NET_REVOKED.to_owned());
    }
    out
}

/// The predicted ids worth comparing with what a .NET client's log shows: .NET Framework's
/// exception ("… according to the validation procedure") names no chain status, so when the log
/// has the `AuthenticationException` but no status at all, the predicted statuses are not
/// expected in it; and an application that logs the chain statuses itself (a validation
/// callback) may log the MQException without its inner `AuthenticationException`.
///
/// A refusal by the queue manager is predicted as the `AuthenticationException` of the TLS alert
/// it sends; a log that shows, instead, the `IOException` of a connection the queue manager closed
/// or reset ([`NET_REMOTE_CLOSED`]) shows the same refusal without an alert (which of the two
/// GSKit causes is not documented: assumption `dotnet-qm-refusal`), and that is compared in its
/// place. The client's own refusal (the exception with chain statuses) has no such other form.
pub fn comparable(predicted: Vec<String>, seen: &[String]) -> Vec<String> {
    let statuses = [NET_REVOKED, NET_UNKNOWN, NET_OFFLINE, NET_UNTRUSTED];
    let shows_exception = seen.iter().any(|id| id == NET_AUTHENTICATION);
    let shows_status = seen.iter().any(|id| statuses.contains(&id.as_str()));
    let qm_refusal = predicted.iter().any(|id| id == NET_AUTHENTICATION)
        && !predicted.iter().any(|id| statuses.contains(&id.as_str()));
    let closed = qm_refusal && seen.iter().any(|id| id == NET_REMOTE_CLOSED);
    let mut out: Vec<String> = predicted
        .into_iter()
        // The closed connection in place of the alert's exception, unless the log shows an
        // AuthenticationException too (.NET 5 and later wrap the IOException in one:
        // "Authentication failed, see inner exception.").
        .filter(|id| !(closed && !shows_exception && id == NET_AUTHENTICATION))
        .filter(|id| !(shows_exception && !shows_status && statuses.contains(&id.as_str())))
        .filter(|id| !(shows_status && !shows_exception && id == NET_AUTHENTICATION))
        .collect();
    if closed {
        out.push(NET_REMOTE_CLOSED.to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_config_and_uris_are_read_with_line_and_column() {
        let text = "using IBM.WMQ;\n\
            MQEnvironment.SSLCertRevocationCheck = true;\n\
            properties.Add(MQC.SSL_PEER_NAME_PROPERTY, \"CN=mqprd01*, O=Northwind\");\n\
            Unhandled exception at Interop.OpenSsl.SslStreamProxy\n";
        let r = DotnetReading::read(text);
        assert_eq!(r.settings.revocation_check, Some(true));
        assert_eq!(r.peer_name.as_deref(), Some("CN=mqprd01*, O=Northwind"));
        assert_eq!(r.settings.platform, Some(Platform::Linux));
        assert_eq!((r.read[0].line, r.read[0].column), (2, 15));
        assert_eq!((r.read[1].line, r.read[1].column), (3, 16));
        assert_eq!(r.read[2].line, 4);

        assert_eq!(r.connection, Connection::default());
        let code = "{ MQC.CHANNEL_PROPERTY, \"PAYMENTS.SVRCONN\" },\n{ MQC.PORT_PROPERTY, 1414 },\nvar q = new MQQueueManager(\"MQPRD01\", props);";
        let c = DotnetReading::read(code).connection;
        assert_eq!(c.channel.as_deref(), Some("PAYMENTS.SVRCONN"));
        assert_eq!(c.port.as_deref(), Some("1414"));
        assert_eq!(c.queue_manager.as_deref(), Some("MQPRD01"));

        let config = "  <add key=\"SSLCertRevocationCheck\" value=\"false\" />";
        let r = DotnetReading::read(config);
        assert_eq!(r.settings.revocation_check, Some(false));
        assert_eq!(r.read[0].column, 13);

        let xms = "cf.SetBooleanProperty(XMSC.WMQ_SSL_CERT_REVOCATION_CHECK, true);";
        assert_eq!(
            DotnetReading::read(xms).settings.revocation_check,
            Some(true)
        );
        let wcf = "wmq://localhost:1414/msg/queue/Q1?connectQueueManager=QM1&sslCertRevocationCheck=true;SslCertRevocationCheck=true";
        assert_eq!(
            DotnetReading::read(wcf).settings.revocation_check,
            Some(true)
        );
        let json = "  \"SSLCertRevocationCheck\": true,";
        assert_eq!(
            DotnetReading::read(json).settings.revocation_check,
            Some(true)
        );
        // A comparison or prose is not a setting.
        assert!(
            DotnetReading::read("if (MQEnvironment.SSLCertRevocationCheck == true)")
                .settings
                .is_empty()
        );
        assert!(
            DotnetReading::read("we never set SSLCertRevocationCheck")
                .settings
                .is_empty()
        );
    }

    #[test]
    fn lines_a_reader_took_are_not_unread() {
        assert_eq!(
            without_lines(vec![(1, 1), (5, 10), (12, 13)], &[5, 7, 8, 13]),
            [(1, 1), (6, 6), (9, 10), (12, 12)]
        );
    }

    #[test]
    fn exception_text_gives_the_chain_status() {
        let line = "System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: RevocationStatusUnknown, OfflineRevocation";
        assert_eq!(
            dotnet_ids(line),
            [NET_AUTHENTICATION, NET_UNKNOWN, NET_OFFLINE]
        );
        assert_eq!(
            dotnet_ids(
                "AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: Revoked"
            ),
            [NET_AUTHENTICATION, NET_REVOKED]
        );
        assert_eq!(
            dotnet_ids("The remote certificate is invalid according to the validation procedure."),
            [NET_AUTHENTICATION]
        );
        assert!(dotnet_ids("the certificate was revoked last week").is_empty());
        let predicted = vec![NET_AUTHENTICATION.to_owned(), NET_REVOKED.to_owned()];
        assert_eq!(
            comparable(predicted.clone(), &[NET_AUTHENTICATION.to_owned()]),
            [NET_AUTHENTICATION]
        );
        assert_eq!(
            comparable(
                predicted.clone(),
                &[NET_UNKNOWN.to_owned(), NET_AUTHENTICATION.to_owned()]
            ),
            predicted
        );
        // A validation callback's own lines: the statuses without the inner exception.
        assert_eq!(
            comparable(predicted.clone(), &[NET_REVOKED.to_owned()]),
            [NET_REVOKED.to_owned()]
        );
    }

    #[test]
    fn a_connection_the_queue_manager_ended_is_the_refusal_without_an_alert() {
        for line in [
            "System.IO.IOException: Authentication failed because the remote party has closed the transport stream.",
            "System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host. ---> System.Net.Sockets.SocketException: An existing connection was forcibly closed by the remote host",
            " ---> System.IO.IOException: Received an unexpected EOF or 0 bytes from the transport stream.",
        ] {
            assert_eq!(dotnet_ids(line), [NET_REMOTE_CLOSED], "{line}");
        }
        let seen = [NET_MQEXCEPTION.to_owned(), NET_REMOTE_CLOSED.to_owned()];
        // The queue manager's refusal (no chain status predicted) is compared in that form.
        let refused = vec![NET_MQEXCEPTION.to_owned(), NET_AUTHENTICATION.to_owned()];
        assert_eq!(comparable(refused.clone(), &seen), seen);
        // With the alert's AuthenticationException in the log, that form stays.
        assert_eq!(
            comparable(refused.clone(), &[NET_AUTHENTICATION.to_owned()]),
            refused
        );
        // .NET 5 and later: "Authentication failed, see inner exception." around the IOException.
        let wrapped = [
            NET_MQEXCEPTION.to_owned(),
            NET_AUTHENTICATION.to_owned(),
            NET_REMOTE_CLOSED.to_owned(),
        ];
        assert_eq!(comparable(refused.clone(), &wrapped), wrapped);
        // The client's own refusal (its chain statuses) is not what a closed connection shows.
        let own = vec![NET_AUTHENTICATION.to_owned(), NET_REVOKED.to_owned()];
        assert_eq!(comparable(own.clone(), &seen), own);
    }
}
