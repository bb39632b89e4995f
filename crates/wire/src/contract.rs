//! The relay's JSON contract for `POST /api/ocsp`, shared by the relay and the page so that both
//! ends read the same types. Unknown fields and unknown methods are refused when read: a call is
//! exactly what these types say, or it is a `400` with the reason.

use crate::url::HttpUrl;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How the relay asks the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// OCSP over POST with `application/ocsp-request` (what GSKit does).
    Post,
    /// OCSP over GET, the request base64- and URL-encoded in the path (RFC 6960 A.1).
    Get,
    /// A plain GET of a CRL distribution point (CDPCheckExtensions=YES); the request is empty.
    Crl,
}

/// What a client asks `POST /api/ocsp`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelayCall {
    /// The responder or distribution point, validated when read.
    pub url: HttpUrl,
    /// How to ask it.
    pub method: Method,
    /// The DER OCSP request (base64 in JSON); empty for [`Method::Crl`].
    #[serde(with = "base64_bytes", default)]
    pub request: Vec<u8>,
}

/// What the relay answers when it reached the target: the target's HTTP status, whatever it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayAnswer {
    /// The target's HTTP status.
    pub status: u16,
    /// Its Content-Type.
    pub content_type: Option<String>,
    /// The body (base64 in JSON).
    #[serde(with = "base64_bytes")]
    pub body: Vec<u8>,
    /// Milliseconds from connect to the last byte.
    pub elapsed_ms: u64,
    /// The address connected to.
    pub connected_to: String,
}

/// What the relay answers when it refused or failed (any status but 200).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayError {
    /// Why, for a person.
    pub error: String,
}

/// Bytes as standard base64 text.
mod base64_bytes {
    use super::*;

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        STANDARD
            .decode(text.trim())
            .map_err(|_| serde::de::Error::custom("the request is not base64"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_round_trips_as_the_page_sends_it() {
        let call = RelayCall {
            url: HttpUrl::parse("http://r.test:2560/").unwrap(),
            method: Method::Get,
            request: vec![0x30, 0x00],
        };
        let json = serde_json::to_string(&call).unwrap();
        assert_eq!(
            json,
            r#"{"url":"http://r.test:2560/","method":"get","request":"MAA="}"#
        );
        assert_eq!(serde_json::from_str::<RelayCall>(&json).unwrap(), call);
        let crl: RelayCall =
            serde_json::from_str(r#"{"url":"http://ca.test/ca.crl","method":"crl"}"#).unwrap();
        assert_eq!((crl.method, crl.request.len()), (Method::Crl, 0));
    }

    #[test]
    fn unknown_methods_fields_and_bad_values_are_refused_with_the_reason() {
        let cases = [
            (
                r#"{"url":"http://r.test/","method":"put","request":""}"#,
                "unknown variant `put`",
            ),
            (
                r#"{"url":"http://r.test/","method":"POST","request":""}"#,
                "unknown variant `POST`",
            ),
            (
                r#"{"url":"http://r.test/","request":""}"#,
                "missing field `method`",
            ),
            (
                r#"{"url":"http://r.test/","method":"post","request":"","proxy":"p:8080"}"#,
                "unknown field `proxy`",
            ),
            (
                r#"{"url":"http://r.test/","method":"post","request":"***"}"#,
                "not base64",
            ),
            (
                r#"{"url":"http://r.test/\r\nX: y","method":"post","request":""}"#,
                "control character",
            ),
            (
                r#"{"url":"http://r.test/\u000d\u000aX: y","method":"post","request":""}"#,
                "byte 0x0D",
            ),
            (
                r#"{"url":"https://r.test/","method":"post","request":""}"#,
                "not an http:// URL",
            ),
        ];
        for (json, reason) in cases {
            let error = serde_json::from_str::<RelayCall>(json)
                .unwrap_err()
                .to_string();
            assert!(error.contains(reason), "{json}: {error}");
        }
    }

    #[test]
    fn an_answer_carries_its_body_as_base64() {
        let answer = RelayAnswer {
            status: 200,
            content_type: Some("application/ocsp-response".into()),
            body: b"abc".to_vec(),
            elapsed_ms: 3,
            connected_to: "127.0.0.1:2560".into(),
        };
        let json = serde_json::to_value(&answer).unwrap();
        assert_eq!(json["body"], "YWJj");
        assert_eq!(serde_json::from_value::<RelayAnswer>(json).unwrap(), answer);
    }
}
