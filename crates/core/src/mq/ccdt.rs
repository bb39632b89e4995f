//! JSON CCDT (IBM MQ 9.1.2+): the client channel definitions and their TLS settings
//! (`transmissionSecurity`: cipherSpecification, certificateLabel, certificatePeerName).

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
}
