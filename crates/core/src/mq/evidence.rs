//! Live evidence kept in a case, typed and bounded: what each responder answered about each
//! certificate, the CRLs fetched from distribution points, and the chain a listener presented.
//!
//! Pasted material stays as the customer sent it (`Case::material`); answers gathered live are
//! stored here instead of being appended to that text, one per responder and certificate (a newer
//! answer replaces the older one), so asking again never grows the case or its share link.

use serde::{Deserialize, Serialize};

/// The most OCSP answers a case keeps (a chain of ten certificates asked of five sources each).
pub const MAX_OCSP_ANSWERS: usize = 50;
/// The most CRLs a case keeps.
pub const MAX_CRLS: usize = 20;
/// The most certificates a presented chain keeps (GSKit's own chain limit is far lower).
pub const MAX_PRESENTED: usize = 16;

/// DER bytes, written as standard base64 in case files: one string, or (since case file version
/// 3) a list of strings that are its [`Der::pieces`], read back one after the other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Der(pub Vec<u8>);

/// One DER element: its tag byte, where it starts, where its contents start, where it ends.
#[derive(Clone, Copy)]
struct Element {
    tag: u8,
    start: usize,
    contents: usize,
    end: usize,
}

/// The DER element at `at` in `der`. Only what OCSP responses use is read: one-byte tags and
/// definite lengths of up to four bytes.
fn element(der: &[u8], at: usize) -> Option<Element> {
    let tag = *der.get(at)?;
    let first = usize::from(*der.get(at + 1)?);
    let (length, contents) = match first {
        0..=0x7f => (first, at + 2),
        0x81..=0x84 => {
            let count = first - 0x80;
            let bytes = der.get(at + 2..at + 2 + count)?;
            let length = bytes.iter().fold(0usize, |n, b| (n << 8) | usize::from(*b));
            (length, at + 2 + count)
        }
        _ => return None,
    };
    let end = contents
        .checked_add(length)
        .filter(|end| *end <= der.len())?;
    (tag & 0x1f != 0x1f).then_some(Element {
        tag,
        start: at,
        contents,
        end,
    })
}

/// The elements inside `parent`, in order (as far as they read).
fn children(der: &[u8], parent: Element) -> Vec<Element> {
    let mut out = Vec::new();
    let mut at = parent.contents;
    while let Some(child) = element(der, at).filter(|c| at < parent.end && c.end <= parent.end) {
        at = child.end;
        out.push(child);
    }
    out
}

/// Where the certificates an OCSP response embeds lie in it (the `certs` of its
/// BasicOCSPResponse, RFC 6960 §4.2.1), read from the DER headers alone: the bodies of live
/// answers are written each time the page sends the case to its worker, and parsing each
/// answer whole took about 35 µs against about 1 µs.
fn embedded_certificates(der: &[u8]) -> Vec<(usize, usize)> {
    const SEQUENCE: u8 = 0x30;
    const OCTET_STRING: u8 = 0x04;
    const EXPLICIT_0: u8 = 0xa0;
    let first = |parent: Element, tag: u8| children(der, parent).into_iter().find(|c| c.tag == tag);
    // OCSPResponse: responseStatus, [0] responseBytes { responseType, response OCTET STRING }.
    let basic = element(der, 0)
        .filter(|e| e.tag == SEQUENCE && e.end == der.len())
        .and_then(|response| first(response, EXPLICIT_0))
        .and_then(|bytes| first(bytes, SEQUENCE))
        .and_then(|bytes| first(bytes, OCTET_STRING))
        .and_then(|octets| {
            element(der, octets.contents).filter(|b| b.tag == SEQUENCE && b.end == octets.end)
        });
    // BasicOCSPResponse: tbsResponseData, signatureAlgorithm, signature, [0] certs SEQUENCE OF.
    basic
        .and_then(|basic| first(basic, EXPLICIT_0))
        .and_then(|certs| first(certs, SEQUENCE))
        .map(|list| {
            children(der, list)
                .into_iter()
                .filter(|c| c.tag == SEQUENCE)
                .map(|c| (c.start, c.end))
                .collect()
        })
        .unwrap_or_default()
}

impl Der {
    /// The bytes cut before and after each certificate embedded in them (an OCSP response's
    /// `certs`); anything else is one piece. Written piece by piece, an embedded certificate's
    /// base64 is the text of its PEM whatever comes before it. Written whole, it depended on
    /// where the certificate starts (three bytes make four characters): deflate found the
    /// responder's certificate in the pasted PEM for one live answer and not for the next, a
    /// byte longer, and the case's share link moved by 300 bytes from one answer to the next
    /// while the case did not grow (scripts/bench-page).
    pub fn pieces(&self) -> Vec<&[u8]> {
        let mut pieces = Vec::new();
        let mut from = 0;
        for (start, end) in embedded_certificates(&self.0) {
            if let (Some(before), Some(cert)) = (self.0.get(from..start), self.0.get(start..end)) {
                pieces.extend([before, cert].into_iter().filter(|p| !p.is_empty()));
                from = end;
            }
        }
        let rest = self.0.get(from..).unwrap_or_default();
        if !rest.is_empty() || pieces.is_empty() {
            pieces.push(rest);
        }
        pieces
    }
}

impl Serialize for Der {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use base64::Engine as _;
        let base64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        match self.pieces().as_slice() {
            [whole] => s.serialize_str(&base64(whole)),
            pieces => s.collect_seq(pieces.iter().map(|piece| base64(piece))),
        }
    }
}

impl<'de> Deserialize<'de> for Der {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use base64::Engine as _;
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Whole(String),
            Pieces(Vec<String>),
        }
        let pieces = match Written::deserialize(d).map_err(|_| {
            serde::de::Error::custom("DER is written as a base64 string or a list of them")
        })? {
            Written::Whole(text) => vec![text],
            Written::Pieces(pieces) => pieces,
        };
        let mut der = Vec::new();
        for piece in &pieces {
            base64::engine::general_purpose::STANDARD
                .decode_vec(piece.trim(), &mut der)
                .map_err(|e| serde::de::Error::custom(format!("not base64 DER: {e}")))?;
        }
        Ok(Der(der))
    }
}

/// What asking one source about one certificate gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Reply {
    /// The source answered with these bytes (an OCSP response, or a CRL).
    Answered {
        /// The body.
        body: Der,
    },
    /// The source could not be reached, or answered with something other than a response.
    Unreachable {
        /// Why, as the transport said it.
        why: String,
    },
}

/// One OCSP responder's reply about one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcspReply {
    /// The responder URL asked.
    pub url: String,
    /// SHA-256 fingerprint of the certificate asked about (lowercase hex).
    pub certificate: String,
    /// What came back.
    #[serde(flatten)]
    pub reply: Reply,
}

/// A CRL distribution point's reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrlReply {
    /// The distribution point URL.
    pub url: String,
    /// What came back.
    #[serde(flatten)]
    pub reply: Reply,
}

/// Everything gathered live for a case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// OCSP replies, one per (responder, certificate).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ocsp: Vec<OcspReply>,
    /// CRL replies, one per distribution point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crls: Vec<CrlReply>,
    /// The certificates the listener presented, leaf first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presented: Vec<Der>,
}

/// URLs compare without a trailing slash and without regard to case (as the responder lookup
/// of the prediction does).
pub fn same_url(a: &str, b: &str) -> bool {
    a.trim()
        .trim_end_matches('/')
        .eq_ignore_ascii_case(b.trim().trim_end_matches('/'))
}

impl Evidence {
    /// Whether nothing was gathered.
    pub fn is_empty(&self) -> bool {
        self.ocsp.is_empty() && self.crls.is_empty() && self.presented.is_empty()
    }

    /// Keeps `reply`, replacing an earlier one from the same responder about the same
    /// certificate; beyond [`MAX_OCSP_ANSWERS`] the oldest is dropped.
    pub fn add_ocsp(&mut self, reply: OcspReply) {
        self.ocsp
            .retain(|r| !(same_url(&r.url, &reply.url) && r.certificate == reply.certificate));
        self.ocsp.push(reply);
        if self.ocsp.len() > MAX_OCSP_ANSWERS {
            self.ocsp.remove(0);
        }
    }

    /// Keeps `reply`, replacing an earlier one from the same distribution point.
    pub fn add_crl(&mut self, reply: CrlReply) {
        self.crls.retain(|r| !same_url(&r.url, &reply.url));
        self.crls.push(reply);
        if self.crls.len() > MAX_CRLS {
            self.crls.remove(0);
        }
    }

    /// Keeps the chain a listener presented (the newest replaces the older one).
    pub fn set_presented(&mut self, chain: &[Vec<u8>]) {
        self.presented = chain
            .iter()
            .take(MAX_PRESENTED)
            .map(|der| Der(der.clone()))
            .collect();
    }

    /// The reply of `url` about the certificate with this fingerprint, if one was gathered.
    pub fn ocsp_reply(&self, url: &str, certificate: &str) -> Option<&Reply> {
        self.ocsp
            .iter()
            .find(|r| same_url(&r.url, url) && r.certificate == certificate)
            .map(|r| &r.reply)
    }

    /// Whether `url` was asked live (about any certificate) and could not be reached.
    pub fn unreachable(&self, url: &str) -> bool {
        let mut asked = self
            .ocsp
            .iter()
            .filter(|r| same_url(&r.url, url))
            .peekable();
        asked.peek().is_some() && asked.all(|r| matches!(r.reply, Reply::Unreachable { .. }))
    }

    /// Every body gathered (presented certificates, OCSP responses, CRLs), for decoding.
    pub fn bodies(&self) -> impl Iterator<Item = &[u8]> {
        fn answered(reply: &Reply) -> Option<&[u8]> {
            match reply {
                Reply::Answered { body } => Some(body.0.as_slice()),
                Reply::Unreachable { .. } => None,
            }
        }
        self.presented
            .iter()
            .map(|d| d.0.as_slice())
            .chain(self.ocsp.iter().filter_map(|r| answered(&r.reply)))
            .chain(self.crls.iter().filter_map(|r| answered(&r.reply)))
    }
}

/// What a live TLS handshake with the listener showed; kept in the case so that a share link or
/// an export carries it, and applied by [`super::predict::predict`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProbeEvidence {
    /// HOST:PORT probed.
    pub target: String,
    /// The SNI sent.
    pub sni: String,
    /// Whether a TCP connection was made.
    pub connected: bool,
    /// How the handshake failed, when it did.
    #[serde(default)]
    pub error: Option<String>,
    /// An alert or close right after the handshake.
    #[serde(default)]
    pub alert_after_handshake: Option<String>,
    /// Negotiated protocol.
    #[serde(default)]
    pub protocol: Option<String>,
    /// Negotiated suite.
    #[serde(default)]
    pub cipher_suite: Option<String>,
    /// Subjects of the chain as sent.
    #[serde(default)]
    pub chain: Vec<String>,
    /// Whether an OCSP response was stapled.
    #[serde(default)]
    pub stapled_ocsp: bool,
    /// Whether the listener asked for a client certificate.
    #[serde(default)]
    pub client_certificate_requested: bool,
    /// The CA names it accepts.
    #[serde(default)]
    pub acceptable_cas: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(url: &str, cert: &str, body: &[u8]) -> OcspReply {
        OcspReply {
            url: url.into(),
            certificate: cert.into(),
            reply: Reply::Answered {
                body: Der(body.to_vec()),
            },
        }
    }

    #[test]
    fn asking_again_replaces_instead_of_growing() {
        let mut evidence = Evidence::default();
        for round in 0..3u8 {
            evidence.add_ocsp(reply("http://ocsp.test/", "aa", &[round]));
            evidence.add_ocsp(reply("HTTP://OCSP.TEST", "bb", &[round]));
            evidence.add_crl(CrlReply {
                url: "http://crl.test/ca.crl".into(),
                reply: Reply::Unreachable {
                    why: "refused".into(),
                },
            });
        }
        assert_eq!(evidence.ocsp.len(), 2);
        assert_eq!(evidence.crls.len(), 1);
        assert_eq!(
            evidence.ocsp_reply("http://ocsp.test", "aa"),
            Some(&Reply::Answered { body: Der(vec![2]) })
        );
    }

    #[test]
    fn the_number_of_answers_is_bounded() {
        let mut evidence = Evidence::default();
        for n in 0..(MAX_OCSP_ANSWERS + 5) {
            evidence.add_ocsp(reply("http://o/", &format!("{n:02x}"), &[1]));
        }
        assert_eq!(evidence.ocsp.len(), MAX_OCSP_ANSWERS);
        assert!(
            evidence.ocsp_reply("http://o/", "00").is_none(),
            "oldest dropped"
        );
    }

    #[test]
    fn a_responder_is_unreachable_only_when_every_live_ask_failed() {
        let mut evidence = Evidence::default();
        assert!(!evidence.unreachable("http://o/"), "never asked");
        evidence.add_ocsp(OcspReply {
            url: "http://o/".into(),
            certificate: "aa".into(),
            reply: Reply::Unreachable {
                why: "refused".into(),
            },
        });
        assert!(evidence.unreachable("http://o"));
        evidence.add_ocsp(reply("http://o/", "bb", &[1]));
        assert!(!evidence.unreachable("http://o"));
    }

    #[test]
    fn der_travels_as_base64() {
        let json =
            serde_json::to_string(&reply("http://o/", "aa", &[0x30, 0x00])).unwrap_or_default();
        assert!(json.contains("\"body\":\"MAA=\""), "{json}");
        assert!(json.contains("\"result\":\"answered\""), "{json}");
        let back: OcspReply = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, reply("http://o/", "aa", &[0x30, 0x00]));
        assert!(serde_json::from_str::<Der>("\"not base64!\"").is_err());
        assert!(serde_json::from_str::<Der>("[\"MAA=\", 7]").is_err());
    }

    /// An OCSP answer is written in pieces cut around the certificate it embeds, which is
    /// written as the very base64 a PEM of it holds, and the pieces read back to the answer; the
    /// same answer written whole (case file version 2) still reads.
    #[test]
    fn an_embedded_certificate_is_written_as_its_own_base64() {
        use base64::Engine as _;
        let pem = include_str!("../../../../testdata/fixtures/ocsp-client-good.pem");
        let decoded = crate::decode(pem);
        let body = decoded
            .objects
            .first()
            .map(|o| o.der.clone())
            .unwrap_or_default();
        let certificate = match decoded.objects.first().map(|o| &o.body) {
            Some(crate::ObjectBody::OcspResponse(r)) => r
                .basic
                .as_ref()
                .and_then(|b| b.certificates.first())
                .map(|c| c.der.clone())
                .unwrap_or_default(),
            other => panic!("not an OCSP response: {other:?}"),
        };
        assert!(!certificate.is_empty());
        let json = serde_json::to_value(Der(body.clone())).unwrap_or_default();
        let pieces: Vec<&str> = json
            .as_array()
            .map(|a| a.iter().filter_map(|p| p.as_str()).collect())
            .unwrap_or_default();
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        // The answer up to the certificate, then the certificate (`certs` is its last field).
        assert_eq!(pieces.len(), 2, "{json}");
        assert_eq!(pieces.get(1).copied(), Some(b64(&certificate).as_str()));
        assert_eq!(
            serde_json::from_value::<Der>(json).ok(),
            Some(Der(body.clone()))
        );
        let whole = serde_json::Value::String(b64(&body));
        assert_eq!(
            serde_json::from_value::<Der>(whole).ok(),
            Some(Der(body.clone()))
        );
        // Whatever the bytes (every cut of the answer, the answer with a byte changed), the
        // pieces hold them all, in order.
        for cut in 0..=body.len() {
            let part = Der(body.get(..cut).unwrap_or_default().to_vec());
            assert_eq!(part.pieces().concat(), part.0, "cut at {cut}");
        }
        for at in 0..body.len() {
            let mut changed = body.clone();
            if let Some(byte) = changed.get_mut(at) {
                *byte ^= 0x55;
            }
            let changed = Der(changed);
            assert_eq!(changed.pieces().concat(), changed.0, "byte {at} changed");
        }
        // Not an OCSP response (a certificate, a CRL, a truncated answer): one string.
        for other in [certificate.as_slice(), body.get(..40).unwrap_or_default()] {
            let json = serde_json::to_value(Der(other.to_vec())).unwrap_or_default();
            assert_eq!(json.as_str(), Some(b64(other).as_str()));
        }
    }
}
