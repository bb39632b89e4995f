//! JSON CCDT (IBM MQ 9.1.2+): the client channel definitions and their TLS settings
//! (`transmissionSecurity`: cipherSpecification, certificateLabel, certificatePeerName), as IBM's
//! schema names them ("Complete list of CCDT attributes" / JSON CCDT schema:
//! https://www.ibm.com/docs/en/ibm-mq/9.3?topic=tables-configuring-json-format-ccdt ). A JSON CCDT
//! carries no AUTHINFO: IBM documents the CCDT route to OCSP responders and CRL servers only for
//! the binary CCDT a queue manager writes (AMQCLCHL.TAB, through its SSLCRLNL:
//! https://www.ibm.com/docs/en/ibm-mq/9.3.x?topic=lists-accessing-crls-arls-mq-mqi-client ;
//! mq-reference §CCDT). A binary CCDT is recognised by its `AMQR` eyecatcher but its records are
//! not read.

use super::config::Mqcd;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Ccdt {
    channel: Vec<Channel>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Channel {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    client_connection: Option<ClientConnection>,
    #[serde(default)]
    transmission_security: Option<TransmissionSecurity>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ClientConnection {
    #[serde(default)]
    connection: Vec<Connection>,
    #[serde(default)]
    queue_manager: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Connection {
    host: String,
    #[serde(default)]
    port: Option<u16>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct TransmissionSecurity {
    #[serde(default)]
    cipher_specification: Option<String>,
    #[serde(default)]
    certificate_label: Option<String>,
    #[serde(default)]
    certificate_peer_name: Option<String>,
}

/// The client-connection channels of a JSON CCDT as MQCDs (version 11: labels are honoured).
/// The error says where the JSON is wrong (line and column).
pub fn parse(text: &str) -> Result<Vec<Mqcd>, String> {
    let ccdt: Ccdt = serde_json::from_str(text)
        .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
    Ok(ccdt
        .channel
        .into_iter()
        .filter(|c| c.kind.eq_ignore_ascii_case("clientConnection"))
        .map(|c| {
            let tls = c.transmission_security;
            let conn_name = c.client_connection.map(|cc| {
                cc.connection
                    .iter()
                    .map(|conn| format!("{}({})", conn.host, conn.port.unwrap_or(1414)))
                    .collect::<Vec<_>>()
                    .join(",")
            });
            Mqcd {
                version: 11,
                channel_name: c.name,
                conn_name,
                cipher_spec: tls.as_ref().and_then(|t| t.cipher_specification.clone()),
                peer_name: tls.as_ref().and_then(|t| t.certificate_peer_name.clone()),
                certificate_label: tls.and_then(|t| t.certificate_label),
            }
        })
        .collect())
}

/// One channel of a JSON CCDT, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CcdtChannel {
    /// `name`.
    pub name: String,
    /// `type` (`clientConnection`, …).
    pub kind: String,
    /// 1-based line of its `"name"`.
    pub line: usize,
    /// `clientConnection.queueManager`.
    pub queue_manager: Option<String>,
    /// `clientConnection.connection[]`: host and port (1414 when absent).
    pub connections: Vec<(String, u16)>,
    /// `transmissionSecurity.cipherSpecification`.
    pub cipher_spec: Option<String>,
    /// `transmissionSecurity.certificateLabel`.
    pub certificate_label: Option<String>,
    /// `transmissionSecurity.certificatePeerName`.
    pub peer_name: Option<String>,
}

/// A JSON CCDT read for a ticket: every channel, problems with line and column, and what a JSON
/// CCDT cannot say.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct CcdtRead {
    /// The channels, in order.
    pub channels: Vec<CcdtChannel>,
    /// `(line, column, message)`.
    pub problems: Vec<(usize, usize, String)>,
    /// What a JSON CCDT does not carry.
    pub notes: Vec<String>,
}

/// The note every JSON CCDT reading carries.
pub const NO_AUTHINFO: &str = "A JSON CCDT carries no AUTHINFO records: the client's OCSP responder or CRL server can only come from MQAIR records (MQSCO) or a binary CCDT (AMQCLCHL.TAB) made by a queue manager whose SSLCRLNL names AUTHINFO objects, else from the certificate's AIA/CDP extensions.";

/// Reads a JSON CCDT (e-mail quoting removed first).
pub fn read(text: &str) -> CcdtRead {
    let text = super::quote::unquote(text);
    let mut out = CcdtRead {
        notes: vec![NO_AUTHINFO.to_owned()],
        ..CcdtRead::default()
    };
    let ccdt: Ccdt = match serde_json::from_str(&text) {
        Ok(ccdt) => ccdt,
        Err(e) => {
            out.problems.push((e.line(), e.column(), e.to_string()));
            return out;
        }
    };
    let mut from = 0;
    for c in ccdt.channel {
        // The line of this channel's name, searching on from the previous one.
        let needle = serde_json::to_string(&c.name).unwrap_or_default();
        let at = text
            .get(from..)
            .and_then(|rest| rest.find(&needle))
            .map(|i| from + i);
        let line = at.map_or(0, |i| {
            text.get(..i).unwrap_or_default().lines().count().max(1)
        });
        if let Some(i) = at {
            from = i + needle.len();
        }
        let tls = c.transmission_security;
        let (connections, queue_manager) = match c.client_connection {
            Some(cc) => (
                cc.connection
                    .into_iter()
                    .map(|conn| (conn.host, conn.port.unwrap_or(1414)))
                    .collect(),
                cc.queue_manager,
            ),
            None => (Vec::new(), None),
        };
        if c.kind.eq_ignore_ascii_case("clientConnection") && connections.is_empty() {
            out.problems.push((line, 1, format!("channel '{}' has no clientConnection.connection: the client has nowhere to connect", c.name)));
        }
        out.channels.push(CcdtChannel {
            name: c.name,
            kind: c.kind,
            line,
            queue_manager,
            connections,
            cipher_spec: tls.as_ref().and_then(|t| t.cipher_specification.clone()),
            certificate_label: tls.as_ref().and_then(|t| t.certificate_label.clone()),
            peer_name: tls.and_then(|t| t.certificate_peer_name),
        });
    }
    out
}

/// What can be said about a binary CCDT (AMQCLCHL.TAB).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BinaryCcdt {
    /// Its size in bytes.
    pub length: usize,
    /// Text found in it, not interpreted (channel names, queue manager names, connection names,
    /// URLs), in order, at most 64.
    pub strings: Vec<String>,
    /// `http://` strings: OCSP responder URLs of AUTHINFO records, most likely.
    pub urls: Vec<String>,
    /// What can and cannot be read from it.
    pub note: String,
}

/// The eyecatcher a binary CCDT starts with (`AMQR`, read as the little-endian 0x52514D41 by IBM's
/// own .NET client, MQChannelTable.AMQR_EYECATCHER).
pub const BINARY_MAGIC: &[u8; 4] = b"AMQR";

/// Recognises a binary CCDT: `None` when `bytes` does not start with its eyecatcher.
pub fn binary(bytes: &[u8]) -> Option<BinaryCcdt> {
    if !bytes.starts_with(BINARY_MAGIC) {
        return None;
    }
    let mut strings = Vec::new();
    let mut current = String::new();
    for &b in bytes.iter().skip(4) {
        if (0x21..0x7f).contains(&b) {
            current.push(char::from(b));
            continue;
        }
        if b == b' ' && !current.is_empty() {
            current.push(' ');
            continue;
        }
        let word = current.trim().to_owned();
        current.clear();
        if word.len() >= 3 && strings.len() < 64 && !strings.contains(&word) {
            strings.push(word);
        }
    }
    let urls = strings
        .iter()
        .filter(|s| s.to_ascii_lowercase().starts_with("http"))
        .cloned()
        .collect();
    Some(BinaryCcdt {
        length: bytes.len(),
        strings,
        urls,
        note: "A binary CCDT (AMQCLCHL.TAB): its MQCD and AUTHINFO records are in IBM's binary layout, which mqocsp does not interpret; the text found in it is listed as is. To read it exactly, run `runmqsc -n` on the client and paste the output of DISPLAY CHANNEL(*) ALL and DISPLAY AUTHINFO(*) ALL.".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_channels_with_tls() {
        let text = r#"{"channel": [
            {"name": "PL81N.MQICHL", "type": "clientConnection",
             "clientConnection": {"connection": [{"host": "qm.example.test", "port": 1414}], "queueManager": "PL81N"},
             "transmissionSecurity": {"cipherSpecification": "TLS_AES_128_GCM_SHA256", "certificateLabel": "PL921WCA"}},
            {"name": "TO.OTHER", "type": "sender"}
        ]}"#;
        let channels = parse(text).unwrap();
        assert_eq!(channels.len(), 1);
        assert_eq!(
            channels[0].conn_name.as_deref(),
            Some("qm.example.test(1414)")
        );
        assert_eq!(channels[0].certificate_label.as_deref(), Some("PL921WCA"));
        let error = parse("{\"channel\": [\n {\"name\": 3}]}").unwrap_err();
        assert!(error.starts_with("line 2"), "{error}");
    }

    #[test]
    fn a_quoted_ccdt_with_several_channels_reads_every_field_and_line() {
        let text = "> {\n>   \"channel\": [\n>     {\n>       \"name\": \"APP.SVRCONN\",\n>       \"type\": \"clientConnection\",\n>       \"clientConnection\": {\n>         \"connection\": [ { \"host\": \"qm1.example.test\", \"port\": 1414 }, { \"host\": \"qm2.example.test\" } ],\n>         \"queueManager\": \"PL81N\"\n>       },\n>       \"transmissionSecurity\": { \"cipherSpecification\": \"ANY_TLS12_OR_HIGHER\", \"certificateLabel\": \"app01\", \"certificatePeerName\": \"CN=qm1\" }\n>     },\n>     { \"name\": \"OTHER\", \"type\": \"clientConnection\" }\n>   ]\n> }\n";
        let read = read(text);
        assert_eq!(read.channels.len(), 2);
        let c = &read.channels[0];
        assert_eq!((c.name.as_str(), c.line), ("APP.SVRCONN", 4));
        assert_eq!(c.queue_manager.as_deref(), Some("PL81N"));
        assert_eq!(
            c.connections,
            [
                ("qm1.example.test".to_owned(), 1414),
                ("qm2.example.test".to_owned(), 1414)
            ]
        );
        assert_eq!(c.cipher_spec.as_deref(), Some("ANY_TLS12_OR_HIGHER"));
        assert_eq!(c.certificate_label.as_deref(), Some("app01"));
        assert_eq!(c.peer_name.as_deref(), Some("CN=qm1"));
        assert_eq!(read.channels[1].line, 12);
        assert_eq!(read.problems, [(12, 1, "channel 'OTHER' has no clientConnection.connection: the client has nowhere to connect".to_owned())]);
        assert!(read.notes[0].contains("no AUTHINFO"));
        let broken = super::read("{\"channel\": [\n {\"name\": 3}]}");
        assert_eq!((broken.problems[0].0, broken.problems[0].1), (2, 11));
    }

    #[test]
    fn a_binary_ccdt_is_recognised_and_its_text_listed() {
        let mut bytes = b"AMQR".to_vec();
        bytes.extend([0u8, 0, 0, 1, 0, 0]);
        bytes.extend(b"PL81N.MQICHL");
        bytes.extend([0u8; 8]);
        bytes.extend(b"PL81N       ");
        bytes.extend([0u8; 4]);
        bytes.extend(b"http://ocsp.example.test:2560/");
        bytes.extend([0u8; 4]);
        let ccdt = binary(&bytes).unwrap();
        assert_eq!(
            ccdt.strings,
            ["PL81N.MQICHL", "PL81N", "http://ocsp.example.test:2560/"]
        );
        assert_eq!(ccdt.urls, ["http://ocsp.example.test:2560/"]);
        assert!(ccdt.note.contains("runmqsc -n"));
        assert!(binary(b"{\"channel\": []}").is_none());
    }
}
