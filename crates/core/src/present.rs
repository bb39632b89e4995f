//! What a person reads about a decoded object: the facts up front, the details in sections.
//!
//! The CLI prints these cards as text and the page renders them as HTML, so both say exactly the
//! same thing. Each fact carries the span of its bytes, so the page can highlight them.

use crate::certificate::Certificate;
use crate::crl::Crl;
use crate::decode::{DecodedObject, ObjectBody};
use crate::der::Span;
use crate::extension::Extension;
use crate::ocsp::{BasicOcspResponse, CertId, CertStatus, OcspRequest, OcspResponse, ResponderId};
use crate::timestamp::Timestamp;
use serde::Serialize;

/// How a fact should strike the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Just information.
    Neutral,
    /// Reassuring (OCSP `good`).
    Good,
    /// Worth a second look (close to a boundary, weak algorithm).
    Warn,
    /// A problem (expired, revoked).
    Bad,
}

/// One labelled value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// Stable identifier for tests and the page (`subject`, `not-after`, `status`).
    pub field: String,
    /// Label shown to the reader.
    pub label: String,
    /// The value.
    pub value: String,
    /// A remark about the value relative to the evaluation time or policy.
    pub note: Option<String>,
    /// How the remark should strike the reader.
    pub tone: Tone,
    /// The bytes the value comes from.
    pub span: Option<Span>,
}

impl Fact {
    fn new(field: &str, label: &str, value: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            label: label.to_owned(),
            value: value.into(),
            note: None,
            tone: Tone::Neutral,
            span: None,
        }
    }

    fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    fn noted(mut self, note: Option<(Tone, String)>) -> Self {
        if let Some((tone, note)) = note {
            self.tone = tone;
            self.note = Some(note);
        }
        self
    }
}

/// A titled group of facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Title.
    pub title: String,
    /// Facts.
    pub facts: Vec<Fact>,
}

/// Everything shown about one object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Card {
    /// `Certificate`, `OCSP response`, ...
    pub title: String,
    /// The one line that identifies it (a subject, a status).
    pub headline: String,
    /// Where it came from.
    pub source: String,
    /// The key facts.
    pub facts: Vec<Fact>,
    /// The details.
    pub sections: Vec<Section>,
}

/// A duration in words: `3 h 12 min`, `2 days 4 h`, `45 s`.
pub fn duration(seconds: i64) -> String {
    let seconds = seconds.unsigned_abs();
    let (days, hours, minutes) = (
        seconds / 86_400,
        seconds % 86_400 / 3_600,
        seconds % 3_600 / 60,
    );
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{seconds} s"),
        (0, 0, m) => format!("{m} min"),
        (0, h, m) => format!("{h} h {m} min"),
        (1, h, _) => format!("1 day {h} h"),
        (d, h, _) => format!("{d} days {h} h"),
    }
}

/// How `time` relates to the evaluation time `at`, as a phrase: "3 h 12 min before".
pub fn relative(time: Timestamp, at: Timestamp) -> String {
    let delta = time.unix() - at.unix();
    if delta < 0 {
        format!("{} before the evaluation time", duration(delta))
    } else if delta > 0 {
        format!("{} after the evaluation time", duration(delta))
    } else {
        "exactly at the evaluation time".to_owned()
    }
}

fn not_before_note(time: Timestamp, at: Option<Timestamp>) -> Option<(Tone, String)> {
    let at = at?;
    (time > at).then(|| {
        (
            Tone::Bad,
            format!("not yet valid: starts {}", relative(time, at)),
        )
    })
}

fn not_after_note(time: Timestamp, at: Option<Timestamp>, what: &str) -> Option<(Tone, String)> {
    let at = at?;
    (time < at).then(|| (Tone::Bad, format!("{what} {}", relative(time, at))))
}

fn extension_fact(ext: &Extension) -> Fact {
    let name = ext.name.clone().unwrap_or_else(|| ext.oid.clone());
    let label = if ext.critical {
        format!("{name} (critical)")
    } else {
        name
    };
    Fact::new(&format!("ext-{}", ext.oid), &label, ext.value.summary()).at(ext.span)
}

/// The card of a certificate.
pub fn certificate_facts(cert: &Certificate, at: Option<Timestamp>) -> Vec<Fact> {
    let key = match (&cert.public_key.bits, &cert.public_key.curve) {
        (Some(bits), Some(curve)) => {
            format!("{} {curve} ({bits} bit)", cert.public_key.algorithm.name)
        }
        (Some(bits), None) => format!("{} ({bits} bit)", cert.public_key.algorithm.name),
        _ => cert.public_key.algorithm.name.clone(),
    };
    let ocsp = cert.ocsp_urls();
    let mut facts = vec![
        Fact::new("subject", "Subject", cert.subject.rfc4514.clone()).at(cert.spans.subject),
        Fact::new("issuer", "Issuer", cert.issuer.rfc4514.clone()).at(cert.spans.issuer),
        Fact::new("serial", "Serial", cert.serial.clone()).at(cert.spans.serial),
        Fact::new("not-before", "Not before", cert.not_before.to_string())
            .at(cert.spans.validity)
            .noted(not_before_note(cert.not_before, at)),
        Fact::new("not-after", "Not after", cert.not_after.to_string())
            .at(cert.spans.validity)
            .noted(not_after_note(cert.not_after, at, "expired")),
        Fact::new(
            "ocsp-urls",
            "OCSP (AIA)",
            if ocsp.is_empty() {
                "none in the certificate".to_owned()
            } else {
                ocsp.join(", ")
            },
        ),
        Fact::new("public-key", "Public key", key).at(cert.spans.public_key),
        Fact::new(
            "signature",
            "Signature",
            cert.signature_algorithm.describe(),
        )
        .at(cert.spans.signature_algorithm),
        Fact::new("sha256", "SHA-256", cert.fingerprints.sha256.clone()),
        Fact::new("sha1", "SHA-1", cert.fingerprints.sha1.clone()),
    ];
    if cert.self_issued {
        facts.push(Fact::new(
            "self-issued",
            "Self-issued",
            "yes: issuer and subject are the same",
        ));
    }
    facts
}

fn certificate_card(
    cert: &Certificate,
    at: Option<Timestamp>,
) -> (String, String, Vec<Fact>, Vec<Section>) {
    let headline = cert.subject.rfc4514.clone();
    let extensions = Section {
        title: format!("Extensions ({})", cert.extensions.len()),
        facts: cert.extensions.iter().map(extension_fact).collect(),
    };
    (
        "Certificate".to_owned(),
        headline,
        certificate_facts(cert, at),
        vec![extensions],
    )
}

fn cert_id_facts(id: &CertId) -> Vec<Fact> {
    vec![
        Fact::new("serial", "Serial", id.serial.clone()).at(id.span),
        Fact::new(
            "hash-algorithm",
            "CertID hash",
            id.hash_algorithm.name.clone(),
        ),
        Fact::new(
            "issuer-name-hash",
            "Issuer name hash",
            id.issuer_name_hash.clone(),
        ),
        Fact::new(
            "issuer-key-hash",
            "Issuer key hash",
            id.issuer_key_hash.clone(),
        ),
    ]
}

fn status_fact(status: &CertStatus) -> Fact {
    let (tone, value) = match status {
        CertStatus::Good => (Tone::Good, "good".to_owned()),
        CertStatus::Unknown => (
            Tone::Warn,
            "unknown (the responder does not know this certificate)".to_owned(),
        ),
        CertStatus::Unrecognised { tag } => {
            (Tone::Bad, format!("{tag}: not a status RFC 6960 defines"))
        }
        CertStatus::Revoked { time, reason } => (
            Tone::Bad,
            match reason {
                Some(reason) => format!("revoked at {time}, reason {reason}"),
                None => format!("revoked at {time} (no reason given)"),
            },
        ),
    };
    let mut fact = Fact::new("cert-status", "Status", value);
    fact.tone = tone;
    fact
}

fn basic_sections(basic: &BasicOcspResponse, at: Option<Timestamp>) -> Vec<Section> {
    let mut sections = Vec::new();
    for (index, single) in basic.responses.iter().enumerate() {
        let mut facts = vec![status_fact(&single.cert_status).at(single.span)];
        facts.push(
            Fact::new("this-update", "This update", single.this_update.to_string()).noted(
                at.and_then(|at| {
                    (single.this_update > at).then(|| {
                        (
                            Tone::Warn,
                            format!("in the future: {}", relative(single.this_update, at)),
                        )
                    })
                }),
            ),
        );
        facts.push(match single.next_update {
            Some(next) => Fact::new("next-update", "Next update", next.to_string())
                .noted(not_after_note(next, at, "passed")),
            None => Fact::new(
                "next-update",
                "Next update",
                "absent (the responder gives no validity end)",
            ),
        });
        facts.extend(cert_id_facts(&single.cert_id));
        facts.extend(single.extensions.iter().map(extension_fact));
        sections.push(Section {
            title: format!("Response {} (serial {})", index + 1, single.cert_id.serial),
            facts,
        });
    }
    let mut signing = vec![
        Fact::new(
            "signature",
            "Signature",
            basic.signature_algorithm.describe(),
        )
        .at(basic.spans.signature_algorithm),
    ];
    for (index, cert) in basic.certificates.iter().enumerate() {
        signing.push(Fact::new(
            &format!("embedded-{}", index + 1),
            &format!("Embedded certificate {}", index + 1),
            format!(
                "{} (issuer {}, serial {})",
                cert.subject.rfc4514, cert.issuer.rfc4514, cert.serial
            ),
        ));
    }
    if basic.certificates.is_empty() {
        signing.push(Fact::new(
            "embedded",
            "Embedded certificates",
            "none: the verifier must already have the signer's certificate",
        ));
    }
    signing.extend(basic.extensions.iter().map(extension_fact));
    sections.push(Section {
        title: "Signature and extensions".to_owned(),
        facts: signing,
    });
    sections
}

fn response_card(
    response: &OcspResponse,
    at: Option<Timestamp>,
) -> (String, String, Vec<Fact>, Vec<Section>) {
    let mut facts = vec![{
        let mut fact = Fact::new(
            "response-status",
            "Response status",
            response.response_status.word(),
        );
        if response.response_status != crate::ocsp::ResponseStatus::Successful {
            fact.tone = Tone::Bad;
            fact.note = Some("the responder gave no certificate status".to_owned());
        }
        fact
    }];
    let Some(basic) = &response.basic else {
        if let Some(kind) = &response.response_type {
            facts.push(Fact::new(
                "response-type",
                "Response type",
                kind.name.clone(),
            ));
        }
        let headline = response.response_status.word().to_owned();
        return ("OCSP response".to_owned(), headline, facts, Vec::new());
    };
    let responder = match &basic.responder_id {
        ResponderId::Name { name } => format!("by name: {}", name.rfc4514),
        ResponderId::Key { key_hash } => format!("by key hash: {key_hash}"),
    };
    facts.push(Fact::new("responder-id", "Responder", responder).at(basic.spans.responder_id));
    facts.push(
        Fact::new("produced-at", "Produced at", basic.produced_at.to_string())
            .at(basic.spans.produced_at),
    );
    for single in &basic.responses {
        let mut fact = status_fact(&single.cert_status);
        fact.field = format!("status-{}", single.cert_id.serial);
        fact.label = format!("Serial {}", single.cert_id.serial);
        facts.push(fact.at(single.span));
    }
    facts.push(Fact::new(
        "nonce",
        "Nonce",
        basic.nonce.clone().unwrap_or_else(|| "none".to_owned()),
    ));
    let statuses: Vec<String> = basic
        .responses
        .iter()
        .map(|s| format!("{} {}", s.cert_id.serial, s.cert_status.word()))
        .collect();
    let headline = format!(
        "{}: {}",
        response.response_status.word(),
        statuses.join(", ")
    );
    (
        "OCSP response".to_owned(),
        headline,
        facts,
        basic_sections(basic, at),
    )
}

fn request_card(request: &OcspRequest) -> (String, String, Vec<Fact>, Vec<Section>) {
    let mut facts = vec![
        Fact::new(
            "cert-ids",
            "Certificates asked about",
            request.cert_ids.len().to_string(),
        ),
        Fact::new(
            "nonce",
            "Nonce",
            request.nonce.clone().unwrap_or_else(|| "none".to_owned()),
        ),
        Fact::new(
            "signed",
            "Signed",
            if request.signed { "yes" } else { "no" },
        ),
    ];
    if let Some(name) = &request.requestor_name {
        facts.push(Fact::new("requestor", "Requestor", name.clone()));
    }
    let sections = request
        .cert_ids
        .iter()
        .enumerate()
        .map(|(index, id)| Section {
            title: format!("CertID {}", index + 1),
            facts: cert_id_facts(id),
        })
        .collect();
    let serials: Vec<&str> = request
        .cert_ids
        .iter()
        .map(|id| id.serial.as_str())
        .collect();
    (
        "OCSP request".to_owned(),
        format!("serial {}", serials.join(", ")),
        facts,
        sections,
    )
}

fn crl_card(crl: &Crl, at: Option<Timestamp>) -> (String, String, Vec<Fact>, Vec<Section>) {
    let facts = vec![
        Fact::new("issuer", "Issuer", crl.issuer.rfc4514.clone()),
        Fact::new("this-update", "This update", crl.this_update.to_string()),
        match crl.next_update {
            Some(next) => Fact::new("next-update", "Next update", next.to_string())
                .noted(not_after_note(next, at, "passed")),
            None => Fact::new("next-update", "Next update", "absent"),
        },
        Fact::new("revoked-count", "Revoked", crl.revoked.len().to_string()),
        Fact::new("signature", "Signature", crl.signature_algorithm.describe()),
    ];
    let entries = crl
        .revoked
        .iter()
        .map(|entry| {
            let reason = entry
                .reason
                .clone()
                .map_or_else(String::new, |r| format!(", reason {r}"));
            Fact::new(
                &format!("revoked-{}", entry.serial),
                &format!("Serial {}", entry.serial),
                format!("revoked at {}{reason}", entry.revocation_date),
            )
        })
        .collect();
    let mut sections = vec![Section {
        title: format!("Revoked certificates ({})", crl.revoked.len()),
        facts: entries,
    }];
    sections.push(Section {
        title: "Extensions".to_owned(),
        facts: crl.extensions.iter().map(extension_fact).collect(),
    });
    (
        "CRL".to_owned(),
        crl.issuer.rfc4514.clone(),
        facts,
        sections,
    )
}

/// The card of any decoded object; `at` is the evaluation time used for validity remarks.
pub fn card(object: &DecodedObject, at: Option<Timestamp>) -> Card {
    let (title, headline, facts, sections) = match &object.body {
        ObjectBody::Certificate(cert) => certificate_card(cert, at),
        ObjectBody::OcspResponse(response) => response_card(response, at),
        ObjectBody::OcspRequest(request) => request_card(request),
        ObjectBody::Crl(crl) => crl_card(crl, at),
    };
    Card {
        title,
        headline,
        source: object.source.to_string(),
        facts,
        sections,
    }
}

/// A card as plain text, the CLI's report format.
pub fn card_text(number: usize, card: &Card) -> String {
    let mut out = format!("{} #{number} ({})\n", card.title, card.source);
    let write_facts = |out: &mut String, facts: &[Fact], indent: &str| {
        let width = facts
            .iter()
            .map(|f| f.label.chars().count())
            .max()
            .unwrap_or(0);
        for fact in facts {
            out.push_str(&format!("{indent}{:<width$}  {}\n", fact.label, fact.value));
            if let Some(note) = &fact.note {
                let mark = match fact.tone {
                    Tone::Bad => "!!",
                    Tone::Warn => "! ",
                    Tone::Good | Tone::Neutral => "  ",
                };
                out.push_str(&format!("{indent}{:<width$}  {mark} {note}\n", ""));
            }
        }
    };
    write_facts(&mut out, &card.facts, "  ");
    for section in &card.sections {
        if section.facts.is_empty() {
            continue;
        }
        out.push_str(&format!("  {}\n", section.title));
        write_facts(&mut out, &section.facts, "    ");
    }
    out
}

/// The DER tree as indented text, in the spirit of `openssl asn1parse -i`.
pub fn asn1_text(root: &crate::der::Node, der: &[u8]) -> String {
    use crate::der::Primitive;
    let mut out = String::new();
    root.walk(0, &mut |node, depth| {
        let kind = if node.tag.constructed || node.encapsulates {
            "cons"
        } else {
            "prim"
        };
        let value = match node.value(der) {
            _ if node.encapsulates => "(encapsulates)".to_owned(),
            Some(Primitive::Boolean(b)) => b.to_string(),
            Some(Primitive::Integer(i) | Primitive::Time(i) | Primitive::Bytes(i)) => i,
            Some(Primitive::Null) | None => String::new(),
            Some(Primitive::Oid { dotted, name }) => match name {
                Some(name) => format!("{name} ({dotted})"),
                None => dotted,
            },
            Some(Primitive::Text(t)) => format!("{t:?}"),
        };
        let line = format!(
            "{:>6}: d={depth:<2} hl={} l={:>5} {kind}: {}{} {value}",
            node.offset,
            node.header_len,
            node.content_len,
            "  ".repeat(depth),
            node.tag.name()
        );
        out.push_str(line.trim_end());
        out.push('\n');
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        let cases = [
            (0, "0 s"),
            (45, "45 s"),
            (600, "10 min"),
            (11_520, "3 h 12 min"),
            (-11_520, "3 h 12 min"),
            (90_000, "1 day 1 h"),
            (200_000, "2 days 7 h"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(duration(seconds), expected);
        }
    }

    #[test]
    fn relative_times_name_the_direction() {
        let at = Timestamp::from_unix(1_000_000).unwrap();
        assert_eq!(
            relative(Timestamp::from_unix(1_000_000 - 11_520).unwrap(), at),
            "3 h 12 min before the evaluation time"
        );
        assert_eq!(
            relative(Timestamp::from_unix(1_000_060).unwrap(), at),
            "1 min after the evaluation time"
        );
    }
}
