//! The other MQ client kinds: IBM MQ classes for Java/JMS (TLS by the JVM's JSSE) and the managed
//! .NET client (TLS by SslStream). They check revocation in their own ways, not GSKit's:
//!
//! - Java/JMS: JSSE checks revocation only when `com.sun.net.ssl.checkRevocation=true`; OCSP only
//!   with the security property `ocsp.enable=true`, at `ocsp.responderURL` when set, else at each
//!   certificate's AIA; CRL distribution points only with `com.sun.security.enableCRLDP=true`.
//!   IBM documents that the Java classes "cannot use the OCSP information in a client channel
//!   definition table file" (q013350), so MQAIR/CCDT/mqclient.ini OCSP settings do not apply.
//!   A failed check is a `CertPathValidatorException` inside an `SSLHandshakeException`, which MQ
//!   reports as 2397 MQRC_JSSE_ERROR (JMSCMQ0001, AMQ9204, AMQ9771).
//! - Managed .NET: revocation is checked only when `SSLCertRevocationCheck` is set, by the
//!   platform, at "only the server specified in the certificate" (IBM's .NET TLS pages).
//!
//! Sources: OpenJDK's `sun.security.provider.certpath.RevocationChecker` and `OCSP` (the
//! exception texts below are theirs), Oracle's "Java PKI Programmer's Guide" (the properties),
//! IBM q013350 (CCDT OCSP ignored), IBM reason code 2397 (q041000-range reason code page).

use serde::{Deserialize, Serialize};

/// Which MQ client the application uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientKind {
    /// The C client (and the unmanaged .NET client): GSKit.
    #[default]
    C,
    /// IBM MQ classes for Java / JMS: the JVM's JSSE.
    Java,
    /// The managed .NET client: SslStream and the platform's revocation checking.
    Dotnet,
}

impl ClientKind {
    /// The word used in JSON and the case file.
    pub fn word(self) -> &'static str {
        match self {
            Self::C => "c",
            Self::Java => "java",
            Self::Dotnet => "dotnet",
        }
    }
}

/// The JVM settings that decide revocation checking (None: not stated, the JDK default applies).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JavaSettings {
    /// `com.sun.net.ssl.checkRevocation` (default false: no revocation checking at all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_revocation: Option<bool>,
    /// The security property `ocsp.enable` (default false: no OCSP, CRLs only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocsp_enable: Option<bool>,
    /// `ocsp.responderURL`: asked instead of the certificates' AIA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocsp_responder_url: Option<String>,
    /// `com.sun.security.enableCRLDP` (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_crldp: Option<bool>,
}

impl JavaSettings {
    /// The settings as the JVM names them (`com.sun.net.ssl.checkRevocation=true, …`), or
    /// `none` when none is set.
    pub fn words(&self) -> String {
        let mut out = Vec::new();
        if let Some(on) = self.check_revocation {
            out.push(format!("com.sun.net.ssl.checkRevocation={on}"));
        }
        if let Some(on) = self.ocsp_enable {
            out.push(format!("ocsp.enable={on}"));
        }
        if let Some(url) = &self.ocsp_responder_url {
            out.push(format!("ocsp.responderURL={url}"));
        }
        if let Some(on) = self.enable_crldp {
            out.push(format!("com.sun.security.enableCRLDP={on}"));
        }
        if out.is_empty() {
            "none".into()
        } else {
            out.join(", ")
        }
    }

    /// Whether JSSE checks revocation.
    pub fn checks_revocation(&self) -> bool {
        self.check_revocation.unwrap_or(false)
    }

    /// Reads `-Dname=value` options, `name=value` properties (java.security, application
    /// properties) and `Security.setProperty("name", "value")` calls; the first value wins for
    /// each name, as the first place a support engineer sees it.
    pub fn read(text: &str) -> Self {
        let mut settings = Self::default();
        for line in text.lines() {
            for (name, value) in assignments(line) {
                let flag = || Some(value.trim().eq_ignore_ascii_case("true"));
                match name.as_str() {
                    "com.sun.net.ssl.checkRevocation" | "com.ibm.jsse2.checkRevocation" => {
                        settings.check_revocation = settings.check_revocation.or(flag())
                    }
                    "ocsp.enable" => settings.ocsp_enable = settings.ocsp_enable.or(flag()),
                    "com.sun.security.enableCRLDP" | "com.ibm.security.enableCRLDP" => {
                        settings.enable_crldp = settings.enable_crldp.or(flag())
                    }
                    "ocsp.responderURL" => {
                        settings.ocsp_responder_url = settings
                            .ocsp_responder_url
                            .clone()
                            .or(Some(value.trim().to_owned()))
                    }
                    _ => {}
                }
            }
        }
        settings
    }

    /// Whether anything was stated.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// `name=value` pairs on a line: `-Dname=value`, `name=value`, `name: value` (YAML),
/// `Security.setProperty("name", "value")`.
fn assignments(line: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(start) = line.find("setProperty(") {
        let args: Vec<&str> = line
            .get(start + 12..)
            .unwrap_or_default()
            .split(')')
            .next()
            .unwrap_or_default()
            .split(',')
            .map(|a| a.trim().trim_matches('"'))
            .collect();
        if let [name, value] = args.as_slice() {
            out.push(((*name).to_owned(), (*value).to_owned()));
        }
    }
    for word in line.split_whitespace() {
        // `JAVA_TOOL_OPTIONS=-Dname=value` or `JAVA_OPTS="-Dname=value …`: the option is what
        // follows the variable.
        let word = match word.find("-D") {
            Some(at) if at > 0 && word[..at].ends_with(['=', '"', '\'']) => &word[at..],
            _ => word,
        };
        let word = word.trim_start_matches("-D").trim_matches(['"', '\'', ',']);
        if let Some((name, value)) = word.split_once('=')
            && name.contains('.')
        {
            out.push((name.to_owned(), value.to_owned()));
        }
    }
    if let Some((name, value)) = line.trim().split_once(':')
        && !name.contains(' ')
        && name.contains('.')
    {
        out.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    out
}

/// What a line says about the client kind, with the evidence word.
pub fn kind_in(line: &str) -> Option<(ClientKind, &'static str)> {
    const JAVA: &[&str] = &[
        "JMSWMQ",
        "JMSCMQ",
        "com.ibm.mq.jmqi",
        "com.ibm.msg.client",
        "com.ibm.mq.MQException",
        "javax.net.ssl.",
        "java.security.cert.",
        "CertPathValidatorException",
        "com.sun.net.ssl.checkRevocation",
        "MQRC_JSSE_ERROR",
        "ibm.mq.connName",
        "ibm.mq.queueManager",
    ];
    const DOTNET: &[&str] = &[
        "IBM.WMQ",
        "System.Security.Authentication",
        "RemoteCertificateChainErrors",
        "SSLCertRevocationCheck",
        "amqmdnet",
        "X509ChainStatus",
        "IBM.XMS",
        "XMSC.WMQ_",
        "IBMMQDotnetClient",
        "TRANSPORT_MQSERIES_MANAGED",
        "MQEnvironment.SSL",
    ];
    if let Some(word) = JAVA.iter().find(|w| line.contains(*w)) {
        return Some((ClientKind::Java, word));
    }
    DOTNET
        .iter()
        .find(|w| line.contains(*w))
        .map(|w| (ClientKind::Dotnet, *w))
}

/// What JSSE said, as an observation id: the same ids the Java prediction logs.
pub fn jsse_observation(line: &str) -> Option<&'static str> {
    let lower = line.to_ascii_lowercase();
    if !(lower.contains("certpathvalidatorexception")
        || lower.contains("sslhandshakeexception")
        || lower.contains("certificateexception")
        || lower.contains("revocation"))
    {
        return None;
    }
    // The peer ended the handshake: JSSE's text for an alert it received (OpenJDK
    // sun.security.ssl.Alert: "Received fatal alert: <description>").
    if lower.contains("received fatal alert") {
        return Some(JSSE_PEER_ALERT);
    }
    if lower.contains("has been revoked") {
        Some(JSSE_REVOKED)
    } else if lower.contains("network error") {
        Some(JSSE_NETWORK)
    } else if lower.contains("revocation status is unknown") {
        Some(JSSE_UNKNOWN)
    } else if lower.contains("could not determine revocation status")
        || lower.contains("unable to determine revocation status")
    {
        Some(JSSE_UNDETERMINED)
    } else if lower.contains("unable to find valid certification path")
        || lower.contains("path does not chain")
    {
        Some(JSSE_UNTRUSTED)
    } else {
        None
    }
}

/// JSSE: "Certificate has been revoked, reason: …".
pub const JSSE_REVOKED: &str = "JSSE:REVOKED";
/// JSSE: "Received fatal alert: …" (the queue manager ended the handshake).
pub const JSSE_PEER_ALERT: &str = "JSSE:PEER-ALERT";
/// JSSE: "Unable to determine revocation status due to network error".
pub const JSSE_NETWORK: &str = "JSSE:NETWORK";
/// JSSE: "Certificate's revocation status is unknown" (the responder answered unknown).
pub const JSSE_UNKNOWN: &str = "JSSE:STATUS-UNKNOWN";
/// JSSE: "Could not determine revocation status" (no source: OCSP off, no CRL).
pub const JSSE_UNDETERMINED: &str = "JSSE:UNDETERMINED";
/// JSSE: "PKIX path building failed: unable to find valid certification path".
pub const JSSE_UNTRUSTED: &str = "JSSE:UNTRUSTED";

/// The predicted ids worth comparing with what a Java client's exception chain shows: a ticket
/// often quotes only its `Caused by:` lines, so the outer wrappers (JMSWMQ0018, and AMQ9204
/// around AMQ9771) are not expected when the chain shows an inner id but not them.
pub fn comparable(predicted: Vec<String>, seen: &[String]) -> Vec<String> {
    // The IBM MQ classes for Java (not JMS) report a failed MQQueueManager as `MQJE001:
    // Completion Code '2', Reason '2397'` around JSSE's exception: no JMS wrappers, and the JMQI
    // ids (AMQ9204, AMQ9771) only when the whole chain is printed. Its reason code is compared
    // on its own.
    let classes_for_java: Vec<&String> = seen.iter().filter(|id| id.starts_with("MQJE")).collect();
    if !classes_for_java.is_empty() {
        let mut kept: Vec<String> = predicted
            .into_iter()
            .filter(|id| {
                !(id.starts_with("JMS") || ["AMQ9204", "AMQ9771"].contains(&id.as_str()))
                    || seen.contains(id)
            })
            .collect();
        kept.extend(classes_for_java.into_iter().cloned());
        return kept;
    }
    let inner = ["JMSCMQ0001", "AMQ9771", "AMQ9641"];
    let shows_inner = seen
        .iter()
        .any(|id| inner.contains(&id.as_str()) || id.starts_with("JSSE:"));
    if !shows_inner {
        return predicted;
    }
    predicted
        .into_iter()
        .filter(|id| !["JMSWMQ0018", "AMQ9204"].contains(&id.as_str()) || seen.contains(id))
        .collect()
}

/// Whether a Java client's log is the IBM MQ classes for Java's: MQJE ids (`MQJE001`) and
/// no JMS ids (JMSWMQ, JMSCMQ, …), which only the classes for JMS write.
pub fn is_classes_for_java(log: &str) -> bool {
    let ids: Vec<String> = log.lines().flat_map(java_ids).collect();
    ids.iter().any(|id| id.starts_with("MQJE")) && !ids.iter().any(|id| id.starts_with("JMS"))
}

/// The Java and JSSE message ids a line of a stack trace or log shows (MQ's JMS and JMQI ids,
/// and the JSSE outcome).
pub fn java_ids(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    // MQ's JMS ids (four digits) and the IBM MQ classes for Java's own (`MQJE001`, three).
    for (prefix, width) in [
        ("JMSWMQ", 4),
        ("JMSCMQ", 4),
        ("JMSFMQ", 4),
        ("JMSCC", 4),
        ("MQJE", 3),
    ] {
        let mut rest = line;
        while let Some(at) = rest.find(prefix) {
            let digits: String = rest
                .get(at + prefix.len()..)
                .unwrap_or_default()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if digits.len() == width && !out.contains(&format!("{prefix}{digits}")) {
                out.push(format!("{prefix}{digits}"));
            }
            rest = rest.get(at + prefix.len()..).unwrap_or_default();
        }
    }
    if let Some(id) = jsse_observation(line) {
        out.push(id.to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The IBM MQ classes for Java report MQJE001 around JSSE's exception, no JMS ids (ticket
    /// 119): the JMS wrappers are not expected of them.
    #[test]
    fn the_classes_for_java_show_mqje001_not_jms_ids() {
        let ids = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            java_ids("MQJE001: Completion Code '2', Reason '2397'. MQJE001 again"),
            ["MQJE001"]
        );
        let predicted = ids(&[
            "JMSWMQ0018",
            "JMSCMQ0001",
            "AMQ9204",
            "AMQ9771",
            JSSE_REVOKED,
        ]);
        let seen = ids(&["MQJE001", JSSE_REVOKED]);
        assert_eq!(
            comparable(predicted, &seen),
            ids(&[JSSE_REVOKED, "MQJE001"])
        );
    }

    #[test]
    fn jvm_options_and_properties_are_read() {
        let s = JavaSettings::read(
            "JAVA_OPTS=-Xmx512m -Dcom.sun.net.ssl.checkRevocation=true -Docsp.enable=true\n\
             Security.setProperty(\"ocsp.responderURL\", \"http://ocsp.example:8080\");\n\
             com.sun.security.enableCRLDP: false\n",
        );
        assert_eq!(s.check_revocation, Some(true));
        assert_eq!(s.ocsp_enable, Some(true));
        assert_eq!(
            s.ocsp_responder_url.as_deref(),
            Some("http://ocsp.example:8080")
        );
        assert_eq!(s.enable_crldp, Some(false));
        assert!(JavaSettings::read("nothing here").is_empty());
    }

    #[test]
    fn a_chain_quoted_from_its_caused_by_lines_does_not_miss_the_wrappers() {
        let ids = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let predicted = ids(&[
            "JMSWMQ0018",
            "JMSCMQ0001",
            "AMQ9204",
            "AMQ9771",
            JSSE_REVOKED,
        ]);
        assert_eq!(
            comparable(predicted.clone(), &ids(&["AMQ9771", JSSE_REVOKED])),
            ids(&["JMSCMQ0001", "AMQ9771", JSSE_REVOKED])
        );
        // Shown wrappers stay expected; with no Java id seen nothing is dropped.
        assert_eq!(
            comparable(predicted.clone(), &ids(&["JMSWMQ0018", "AMQ9771"])),
            ids(&["JMSWMQ0018", "JMSCMQ0001", "AMQ9771", JSSE_REVOKED])
        );
        assert_eq!(
            comparable(predicted.clone(), &ids(&["AMQ9716E"])),
            predicted
        );
    }

    #[test]
    fn stack_traces_give_ids_and_the_jsse_outcome() {
        let line = "Caused by: com.ibm.mq.jmqi.JmqiException: CC=2;RC=2397;AMQ9204: Connection to host 'mq(1414)' rejected. [1=com.ibm.mq.jmqi.JmqiException[CC=2;RC=2397;AMQ9771: SSL handshake failed. [1=javax.net.ssl.SSLHandshakeException[PKIX path validation failed: java.security.cert.CertPathValidatorException: Unable to determine revocation status due to network error]";
        assert_eq!(java_ids(line), [JSSE_NETWORK]);
        assert_eq!(
            java_ids("JMSWMQ0018: Failed to connect; JMSCMQ0001: IBM MQ call failed"),
            ["JMSWMQ0018", "JMSCMQ0001"]
        );
        assert_eq!(
            jsse_observation(
                "java.security.cert.CertPathValidatorException: Certificate has been revoked, reason: KEY_COMPROMISE"
            ),
            Some(JSSE_REVOKED)
        );
        // The queue manager ended the handshake: JSSE received its alert.
        assert_eq!(
            jsse_observation(
                "Caused by: javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate"
            ),
            Some(JSSE_PEER_ALERT)
        );
        assert_eq!(kind_in(line).map(|k| k.0), Some(ClientKind::Java));
        assert_eq!(
            kind_in("System.Security.Authentication.AuthenticationException").map(|k| k.0),
            Some(ClientKind::Dotnet)
        );
    }
}
