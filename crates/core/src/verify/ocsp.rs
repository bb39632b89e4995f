//! Validating an OCSP response (RFC 6960 §3.2, §4.2.2.2) as separate steps.
//!
//! A failed step is recorded and the independent checks still run, so the user sees every problem
//! at once. Two profiles: `rfc6960` (strict) and `gskit` (what the MQ client does per IBM's "basic
//! and standard OCSP policies": producedAt and thisUpdate are not checked, nextUpdate is).

mod checks;

use super::signature::{LegacyAlgorithms, oid, verify_signature};
use super::trace::{Outcome, Step, StepBuilder, Trace};
use crate::certificate::{Certificate, HashAlgorithm};
use crate::general_name::{KeyPurpose, list};
use crate::hex;
use crate::ocsp::{
    BasicOcspResponse, CertStatus, OcspRequest, OcspResponse, ResponderId, ResponseStatus,
    SingleResponse,
};
use crate::present::relative;
use crate::timestamp::Timestamp;
use checks::{critical_extensions_step, nonce_step, time_steps};
use serde::Serialize;

/// Clock skew tolerated on thisUpdate / producedAt (5 minutes, as RFC 5019 §4 suggests).
pub const SKEW_SECONDS: i64 = 300;

const RFC_STATUS: &str = "RFC 6960 §4.2.1 (OCSPResponseStatus)";
const RFC_TYPE: &str = "RFC 6960 §4.2.1 (responseType)";
const RFC_AUTH: &str = "RFC 6960 §4.2.2.2";
const RFC_SIGNATURE: &str = "RFC 6960 §3.2 (2)";
const RFC_CERT_ID: &str = "RFC 6960 §3.2 (1), §4.1.1";
pub(super) const RFC_TIME: &str = "RFC 6960 §3.2 (4), (5), §4.2.2.1";
pub(super) const RFC_NONCE: &str = "RFC 6960 §4.4.1";
pub(super) const GSKIT_POLICY: &str = "IBM MQ 9.2 \"Basic and standard OCSP policies\" (q012960)";

/// Which rules to apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// RFC 6960 strictly.
    #[default]
    Rfc6960,
    /// The MQ client (GSKit): producedAt and thisUpdate ignored, nextUpdate checked.
    Gskit,
}

/// Who signed the response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Signer {
    /// The CA that issued the certificate in question.
    Issuer,
    /// A responder certificate the CA issued for OCSP signing.
    Delegated {
        /// Its subject.
        subject: String,
    },
    /// A responder trusted locally (given with --trust).
    LocallyTrusted {
        /// Its subject.
        subject: String,
    },
}

/// What an OCSP validation takes.
#[derive(Clone, Copy, Debug)]
pub struct OcspInput<'a> {
    /// The response.
    pub response: &'a OcspResponse,
    /// The CA that issued the certificate in question.
    pub issuer: &'a Certificate,
    /// The certificate in question, when known.
    pub target: Option<&'a Certificate>,
    /// More certificates that may be the signer.
    pub untrusted: &'a [Certificate],
    /// Responders trusted locally.
    pub trusted_responders: &'a [Certificate],
    /// The request the response answers, for the nonce check.
    pub request: Option<&'a OcspRequest>,
    /// Evaluation time.
    pub at: Timestamp,
    /// Which rules.
    pub profile: Profile,
    /// SHA-1 and small RSA keys.
    pub legacy: LegacyAlgorithms,
    /// Local policy: the oldest thisUpdate accepted, in seconds before the evaluation time
    /// (`openssl ocsp -status_age`); `None` for no limit.
    pub max_age: Option<i64>,
}

/// The result of an OCSP validation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OcspReport {
    /// Whether the response is trustworthy and fresh (whatever status it gives).
    pub response_valid: bool,
    /// The status it gives for the certificate in question.
    pub cert_status: Option<CertStatus>,
    /// Who signed it, when found.
    pub signer: Option<Signer>,
    /// The checks, in order.
    pub trace: Trace,
}

impl OcspReport {
    /// `valid` when the response is trustworthy and says `good`.
    pub fn verdict(&self) -> &'static str {
        if self.response_valid && self.cert_status == Some(CertStatus::Good) {
            "valid"
        } else {
            "invalid"
        }
    }
}

fn sha1(data: &[u8]) -> String {
    hex::lower(ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, data).as_ref())
}

/// A CertID hash (RFC 6960 §4.1.1) by its algorithm OID.
fn hash_by_oid(algorithm: &str, data: &[u8]) -> Option<String> {
    use ring::digest::{SHA1_FOR_LEGACY_USE_ONLY, SHA256, SHA384, SHA512, digest};
    let algorithm = match algorithm {
        "1.3.14.3.2.26" => &SHA1_FOR_LEGACY_USE_ONLY,
        "2.16.840.1.101.3.4.2.1" => &SHA256,
        "2.16.840.1.101.3.4.2.2" => &SHA384,
        "2.16.840.1.101.3.4.2.3" => &SHA512,
        _ => return None,
    };
    Some(hex::lower(digest(algorithm, data).as_ref()))
}

fn responder_matches(id: &ResponderId, cert: &Certificate) -> bool {
    match id {
        ResponderId::Name { name } => name.matches(&cert.subject),
        ResponderId::Key { key_hash } => *key_hash == sha1(&cert.public_key_bits),
    }
}

fn describe_id(id: &ResponderId) -> String {
    match id {
        ResponderId::Name { name } => format!("byName {}", name.rfc4514),
        ResponderId::Key { key_hash } => format!("byKey {key_hash}"),
    }
}

pub(super) struct Context<'a> {
    pub(super) input: &'a OcspInput<'a>,
    pub(super) basic: &'a BasicOcspResponse,
    pub(super) fingerprint: &'a str,
    pub(super) subject: String,
}

impl Context<'_> {
    pub(super) fn step(
        &self,
        id: &'static str,
        title: &str,
        reference: &'static str,
    ) -> StepBuilder {
        StepBuilder::new(id, title, self.subject.clone(), reference)
    }
}

/// Signature algorithms mqocsp can check, by OID (RFC 6960 §4.3 asks for SHA-256 with RSA or
/// ECDSA); RSASSA-PSS with a SHA-2 hash too.
const ACCEPTED: &[&str] = &[
    oid::RSA_SHA256,
    oid::RSA_SHA384,
    oid::RSA_SHA512,
    oid::ECDSA_SHA256,
    oid::ECDSA_SHA384,
    oid::ED25519,
];

fn algorithm_step(ctx: &Context<'_>) -> Step {
    let algorithm = &ctx.basic.signature_algorithm;
    let builder = ctx
        .step(
            "ocsp.signature_algorithm",
            "Signature algorithm acceptable",
            "RFC 6960 §4.3",
        )
        .evidence(
            ctx.fingerprint,
            ctx.basic.spans.signature_algorithm,
            "signatureAlgorithm",
        );
    // RSASSA-PSS counts by the hash its parameters name.
    let pss_hash = algorithm.pss.as_ref().map(|p| p.as_ref().map(|p| &p.hash));
    let legacy = matches!(algorithm.oid.as_str(), oid::RSA_SHA1 | oid::ECDSA_SHA1)
        || pss_hash == Some(Some(&HashAlgorithm::Sha1));
    let accepted = ACCEPTED.contains(&algorithm.oid.as_str())
        || matches!(
            pss_hash,
            Some(Some(
                HashAlgorithm::Sha256 | HashAlgorithm::Sha384 | HashAlgorithm::Sha512
            ))
        );
    match (accepted, legacy, ctx.input.legacy) {
        (true, _, _) => builder.done(Outcome::Pass, format!("{} ({}).", algorithm.describe(), algorithm.oid)),
        (_, true, LegacyAlgorithms::Allow) => builder.done(Outcome::Warn, format!("{} is SHA-1 based; accepted because legacy algorithms are allowed. Many responders still sign with SHA-1 by default.", algorithm.name)),
        (_, true, LegacyAlgorithms::Reject) => builder.done(Outcome::Fail, format!("{} is SHA-1 based and refused by the algorithm policy (allow it with --allow-sha1).", algorithm.name)),
        (false, false, _) => builder.done(Outcome::Fail, format!("{} ({}) is not an algorithm mqocsp can check.", algorithm.describe(), algorithm.oid)),
    }
}

/// Finds the signer; returns it with its certificate and the step.
fn find_signer<'a>(ctx: &Context<'a>) -> (Option<(Signer, &'a Certificate)>, Step) {
    let input = ctx.input;
    let id = &ctx.basic.responder_id;
    let builder = ctx
        .step(
            "ocsp.signer",
            "Find the signer named by responderID",
            RFC_AUTH,
        )
        .evidence(ctx.fingerprint, ctx.basic.spans.responder_id, "responderID");
    if responder_matches(id, input.issuer) {
        let step = builder.done(Outcome::Pass, format!("responderID {} is the issuing CA {} itself (RFC 6960 §4.2.2.2, first case; the seed's `-rsigner cacert.pem`).", describe_id(id), input.issuer.subject.rfc4514));
        return (Some((Signer::Issuer, input.issuer)), step);
    }
    let delegated = ctx
        .basic
        .certificates
        .iter()
        .chain(input.untrusted)
        .find(|c| responder_matches(id, c));
    if let Some(cert) = delegated {
        let step = builder.done(Outcome::Pass, format!("responderID {} is {}, a certificate {} — a delegated responder; it must be authorised by the CA (next step).", describe_id(id), cert.subject.rfc4514, if ctx.basic.certificates.iter().any(|c| c.fingerprints == cert.fingerprints) { "embedded in the response" } else { "given separately" }));
        return (
            Some((
                Signer::Delegated {
                    subject: cert.subject.rfc4514.clone(),
                },
                cert,
            )),
            step,
        );
    }
    if let Some(cert) = input
        .trusted_responders
        .iter()
        .find(|c| responder_matches(id, c))
    {
        let step = builder.done(
            Outcome::Pass,
            format!(
                "responderID {} is the locally trusted responder {}.",
                describe_id(id),
                cert.subject.rfc4514
            ),
        );
        return (
            Some((
                Signer::LocallyTrusted {
                    subject: cert.subject.rfc4514.clone(),
                },
                cert,
            )),
            step,
        );
    }
    let embedded: Vec<String> = ctx
        .basic
        .certificates
        .iter()
        .map(|c| c.subject.rfc4514.clone())
        .collect();
    let step = builder.done(Outcome::Fail, format!(
        "responderID {} matches neither the issuing CA ({}), nor {}, nor a locally trusted responder. The MQ client cannot verify such a response: AMQ9716 cause (c).",
        describe_id(id),
        input.issuer.subject.rfc4514,
        if embedded.is_empty() { "any embedded certificate (the response has none)".to_owned() } else { format!("the embedded certificate(s) {}", embedded.join("; ")) }
    ));
    (None, step)
}

/// RFC 6960 §4.2.2.2: a delegated responder must be issued by the CA and carry id-kp-OCSPSigning.
fn delegation_steps(ctx: &Context<'_>, signer: &Signer, cert: &Certificate) -> Vec<Step> {
    let input = ctx.input;
    let mut steps = Vec::new();
    match signer {
        Signer::Issuer => {}
        Signer::LocallyTrusted { .. } => {
            steps.push(valid_at_produced_step(ctx, cert));
            steps.push(
                ctx.step(
                    "ocsp.responder_validity",
                    "Responder certificate validity",
                    RFC_AUTH,
                )
                .done(
                    validity_outcome(cert, input.at).0,
                    validity_outcome(cert, input.at).1,
                ),
            );
        }
        Signer::Delegated { .. } => {
            let issued = ctx
                .step(
                    "ocsp.responder_issued_by_ca",
                    "Responder certificate issued by the CA",
                    RFC_AUTH,
                )
                .evidence(
                    &cert.fingerprints.sha256,
                    cert.spans.signature,
                    "signatureValue",
                );
            let same_name = cert.issuer_der == input.issuer.subject_der
                || cert.issuer.matches(&input.issuer.subject);
            let tbs = cert.spans.tbs.of(&cert.der);
            steps.push(match (same_name, verify_signature(&cert.signature_algorithm, input.issuer, tbs, &cert.signature_bits, input.legacy)) {
                (false, _) => issued.done(Outcome::Fail, format!("The responder certificate was issued by {}, not by {} which issued the certificate in question. RFC 6960 only accepts responders the CA itself designated.", cert.issuer.rfc4514, input.issuer.subject.rfc4514)),
                (true, Err(error)) => issued.done(Outcome::Fail, format!("It names the CA as issuer, but its signature does not check out with the CA's key: {error}.")),
                (true, Ok(_)) => issued.done(Outcome::Pass, format!("Issued and signed by {}.", input.issuer.subject.rfc4514)),
            });
            let eku = ctx.step(
                "ocsp.responder_eku",
                "Responder certificate has id-kp-OCSPSigning",
                RFC_AUTH,
            );
            steps.push(match cert.purposes() {
                Some(purposes) if purposes.iter().any(|p| p.is(KeyPurpose::OCSP_SIGNING)) => eku.done(Outcome::Pass, "extKeyUsage includes OCSPSigning."),
                Some(purposes) => eku.done(Outcome::Fail, format!("extKeyUsage is {} without OCSPSigning: the CA did not authorise this certificate to sign OCSP responses.", list(purposes))),
                None => eku.done(Outcome::Fail, "The certificate has no extKeyUsage, so it is not authorised to sign OCSP responses (id-kp-OCSPSigning is required)."),
            });
            let (outcome, text) = validity_outcome(cert, input.at);
            steps.push(
                ctx.step(
                    "ocsp.responder_validity",
                    "Responder certificate validity",
                    RFC_AUTH,
                )
                .done(outcome, text),
            );
            steps.push(valid_at_produced_step(ctx, cert));
            let nocheck = ctx.step(
                "ocsp.responder_nocheck",
                "Responder certificate revocation",
                "RFC 6960 §4.2.2.2.1",
            );
            steps.push(if cert.extension(crate::extension::OID_OCSP_NOCHECK).is_some() {
                nocheck.done(Outcome::Pass, "id-pkix-ocsp-nocheck is present: the responder certificate is not itself checked for revocation.")
            } else {
                nocheck.done(Outcome::Warn, "id-pkix-ocsp-nocheck is absent: a client should check the responder certificate's own revocation status; mqocsp does not, and how GSKit behaves here is not documented (assumption).")
            });
        }
    }
    steps
}

/// RFC 6960 §4.2.2.2 and the libraries' hardening: the responder certificate must have been
/// valid when it signed, that is at producedAt (Go's crypto/ocsp and GnuTLS check this).
fn valid_at_produced_step(ctx: &Context<'_>, cert: &Certificate) -> Step {
    let produced = ctx.basic.produced_at;
    let builder = ctx
        .step(
            "ocsp.responder_valid_at_produced_at",
            "Responder certificate valid when the response was produced",
            RFC_AUTH,
        )
        .evidence(ctx.fingerprint, ctx.basic.spans.produced_at, "producedAt")
        .evidence(&cert.fingerprints.sha256, cert.spans.validity, "validity");
    if produced < cert.not_before || produced > cert.not_after {
        builder.done(
            Outcome::Fail,
            format!(
                "producedAt {produced} is outside the responder certificate's validity ({} to {}): it signed a response while it was not (or no longer) valid.",
                cert.not_before, cert.not_after
            ),
        )
    } else {
        builder.done(
            Outcome::Pass,
            format!(
                "producedAt {produced} is inside the responder certificate's validity ({} to {}).",
                cert.not_before, cert.not_after
            ),
        )
    }
}

fn validity_outcome(cert: &Certificate, at: Timestamp) -> (Outcome, String) {
    let at = at.whole_seconds();
    if at < cert.not_before {
        (
            Outcome::Fail,
            format!(
                "{} is not yet valid: notBefore {} is {}.",
                cert.short_name(),
                cert.not_before,
                relative(cert.not_before, at)
            ),
        )
    } else if at > cert.not_after {
        (
            Outcome::Fail,
            format!(
                "{} has expired: notAfter {} is {}.",
                cert.short_name(),
                cert.not_after,
                relative(cert.not_after, at)
            ),
        )
    } else {
        (
            Outcome::Pass,
            format!("{} is valid until {}.", cert.short_name(), cert.not_after),
        )
    }
}

fn signature_step(ctx: &Context<'_>, signer: Option<&Certificate>) -> Step {
    let basic = ctx.basic;
    let builder = ctx
        .step("ocsp.signature", "Response signature", RFC_SIGNATURE)
        .evidence(ctx.fingerprint, basic.spans.signature, "signature")
        .evidence(
            ctx.fingerprint,
            basic.spans.tbs_response_data,
            "tbsResponseData",
        );
    let Some(signer) = signer else {
        return builder.done(Outcome::Fail, "Not checked: without the signer's certificate there is no key to check the signature with.");
    };
    let tbs = basic.spans.tbs_response_data.of(&ctx.input.response.der);
    let signature = hex::parse_lenient(&basic.signature).unwrap_or_default();
    match verify_signature(&basic.signature_algorithm, signer, tbs, &signature, ctx.input.legacy) {
        Ok(None) => builder.done(Outcome::Pass, format!("The {} signature over tbsResponseData verifies with the key of {}.", basic.signature_algorithm.describe(), signer.subject.rfc4514)),
        Ok(Some(note)) => builder.done(Outcome::Warn, format!("The signature verifies with the key of {}, but mqocsp {note}.", signer.subject.rfc4514)),
        Err(error) => builder.done(Outcome::Fail, format!("Checked with the key of {}: {error}. The MQ client treats this as an unknown status: AMQ9716 cause (c).", signer.subject.rfc4514)),
    }
}

/// Which field of a CertID differs from what the certificate in question needs.
fn cert_id_mismatch(
    single: &SingleResponse,
    issuer: &Certificate,
    serial: Option<&str>,
) -> Option<String> {
    let id = &single.cert_id;
    let Some(name_hash) = hash_by_oid(&id.hash_algorithm.oid, &issuer.subject_der) else {
        return Some(format!(
            "its hash algorithm {} is not one mqocsp computes (SHA-1, SHA-2)",
            id.hash_algorithm.name
        ));
    };
    let key_hash = hash_by_oid(&id.hash_algorithm.oid, &issuer.public_key_bits).unwrap_or_default();
    if id.issuer_name_hash != name_hash {
        return Some(format!(
            "issuerNameHash {} is not the {} of {} ({name_hash}): the response is about another CA's certificate",
            id.issuer_name_hash, id.hash_algorithm.name, issuer.subject.rfc4514
        ));
    }
    if id.issuer_key_hash != key_hash {
        return Some(format!(
            "issuerKeyHash {} is not the {} of the CA's key ({key_hash}): same CA name, different key",
            id.issuer_key_hash, id.hash_algorithm.name
        ));
    }
    match serial {
        Some(serial) if id.serial != serial => {
            Some(format!("serialNumber {} is not {serial}", id.serial))
        }
        _ => None,
    }
}

/// Whether several answers about one certificate disagree.
fn words_differ(singles: &[&SingleResponse]) -> bool {
    singles
        .windows(2)
        .any(|pair| matches!(pair, [a, b] if a.cert_status.word() != b.cert_status.word()))
}

fn cert_id_step<'a>(ctx: &Context<'a>) -> (Option<&'a SingleResponse>, Step) {
    let input = ctx.input;
    let serial = input.target.map(|t| t.serial.as_str());
    let what = input.target.map_or_else(
        || format!("a certificate issued by {}", input.issuer.short_name()),
        |t| {
            format!(
                "serial {} issued by {}",
                t.serial,
                input.issuer.short_name()
            )
        },
    );
    let builder = ctx.step(
        "ocsp.cert_id",
        &format!("Response is about {what}"),
        RFC_CERT_ID,
    );
    let matching: Vec<&SingleResponse> = ctx
        .basic
        .responses
        .iter()
        .filter(|single| cert_id_mismatch(single, input.issuer, serial).is_none())
        .collect();
    // RFC 6960 gives no order among several answers for one certificate; the libraries'
    // hardening (and the only safe reading) is that any revoked answer wins, then unknown.
    let rank = |single: &&SingleResponse| match single.cert_status {
        CertStatus::Revoked { .. } => 0,
        CertStatus::Unknown | CertStatus::Unrecognised { .. } => 1,
        CertStatus::Good => 2,
    };
    let found = matching.iter().copied().min_by_key(rank);
    match found {
        Some(single) => {
            let others = ctx.basic.responses.len() - matching.len();
            let mut note = if others > 0 {
                format!(
                    " The response holds {others} SingleResponse(s) about other certificates, ignored here."
                )
            } else {
                String::new()
            };
            if matching.len() > 1 {
                let words: Vec<&str> = matching.iter().map(|s| s.cert_status.word()).collect();
                note.push_str(&format!(
                    " {} SingleResponses are about this certificate ({}); the most severe, {}, is the one that counts.",
                    matching.len(),
                    words.join(", "),
                    single.cert_status.word()
                ));
            }
            let outcome = if matching.len() > 1 && words_differ(&matching) {
                Outcome::Warn
            } else {
                Outcome::Pass
            };
            (
                Some(single),
                builder
                    .evidence(ctx.fingerprint, single.cert_id.span, "certID")
                    .done(
                        outcome,
                        format!(
                            "CertID ({}) matches: issuer name hash, issuer key hash{}.{note}",
                            single.cert_id.hash_algorithm.name,
                            if serial.is_some() { " and serial" } else { "" }
                        ),
                    ),
            )
        }
        None => {
            let reasons: Vec<String> = ctx
                .basic
                .responses
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    cert_id_mismatch(s, input.issuer, serial)
                        .map(|r| format!("SingleResponse {}: {r}", i + 1))
                })
                .collect();
            let text = if reasons.is_empty() {
                "The response holds no SingleResponse at all (openssl answers an expired index entry this way).".to_owned()
            } else {
                format!("No SingleResponse is about {what}. {}", reasons.join("; "))
            };
            (None, builder.done(Outcome::Fail, format!("{text}. The MQ client gets no status for the certificate: AMQ9716 cause (b).")))
        }
    }
}

fn status_step(ctx: &Context<'_>, single: Option<&SingleResponse>) -> Step {
    let builder = ctx.step("ocsp.cert_status", "Certificate status", "RFC 6960 §2.2");
    let Some(single) = single else {
        return builder.done(Outcome::Skip, "No SingleResponse matched the certificate.");
    };
    let builder = builder.evidence(ctx.fingerprint, single.span, "certStatus");
    match &single.cert_status {
        CertStatus::Good => builder.done(Outcome::Pass, "good: the responder knows the certificate and it is not revoked."),
        CertStatus::Revoked { time, reason } => builder.done(Outcome::Fail, format!("revoked at {time}{}. The MQ client rejects the certificate under every OCSPAuthentication setting: AMQ9633 reason (e).", reason.as_ref().map_or_else(String::new, |r| format!(", reason {r}")))),
        CertStatus::Unrecognised { tag } => builder.done(Outcome::Fail, format!("certStatus {tag} is none of the alternatives RFC 6960 defines (good, revoked, unknown): the response gives no status for the certificate.")),
        CertStatus::Unknown => builder.done(Outcome::Fail, "unknown: the responder does not know this certificate (an openssl responder answers so for serials missing from index.txt, or for a CA it was not started with). The MQ client: AMQ9716 cause (b) under REQUIRED."),
    }
}

/// Validates `input.response` step by step.
pub fn verify_ocsp(input: &OcspInput<'_>) -> OcspReport {
    let response = input.response;
    let mut trace = Trace::default();
    let subject = input.target.map_or_else(
        || {
            format!(
                "OCSP response from the responder of {}",
                input.issuer.short_name()
            )
        },
        |t| format!("OCSP response for {}", t.short_name()),
    );
    let status = StepBuilder::new(
        "ocsp.response_status",
        "Response status is successful",
        subject.clone(),
        RFC_STATUS,
    );
    if response.response_status != ResponseStatus::Successful {
        trace.push(status.done(Outcome::Fail, format!("responseStatus is {}: the responder gave no certificate status, so nothing else can be checked. The MQ client treats it as unknown: AMQ9716.", response.response_status.word())));
        return OcspReport {
            response_valid: false,
            cert_status: None,
            signer: None,
            trace,
        };
    }
    trace.push(status.done(Outcome::Pass, "successful"));
    let kind = StepBuilder::new(
        "ocsp.response_type",
        "Response type is basic",
        subject.clone(),
        RFC_TYPE,
    );
    let Some(basic) = &response.basic else {
        let name = response
            .response_type
            .as_ref()
            .map_or_else(|| "absent".to_owned(), |t| t.name.clone());
        trace.push(kind.done(
            Outcome::Fail,
            format!("responseType is {name}; only id-pkix-ocsp-basic is defined and accepted."),
        ));
        return OcspReport {
            response_valid: false,
            cert_status: None,
            signer: None,
            trace,
        };
    };
    trace.push(if basic.version == 1 {
        kind.done(Outcome::Pass, "id-pkix-ocsp-basic")
    } else {
        // RFC 6960 §4.2.1 defines only v1; a client cannot know what another version means.
        kind.done(
            Outcome::Fail,
            format!(
                "id-pkix-ocsp-basic, but ResponseData version {}: only version 1 is defined.",
                basic.version
            ),
        )
    });
    let ctx = Context {
        input,
        basic,
        fingerprint: &response.fingerprint,
        subject,
    };
    trace.push(algorithm_step(&ctx));
    let (signer, step) = find_signer(&ctx);
    trace.push(step);
    if let Some((kind, cert)) = &signer {
        trace.steps.extend(delegation_steps(&ctx, kind, cert));
    }
    trace.push(signature_step(&ctx, signer.as_ref().map(|(_, cert)| *cert)));
    let (single, step) = cert_id_step(&ctx);
    trace.push(step);
    trace.steps.extend(time_steps(&ctx, single));
    trace.push(critical_extensions_step(&ctx));
    trace.push(nonce_step(&ctx));
    let response_valid = trace.passed();
    trace.push(status_step(&ctx, single));
    OcspReport {
        response_valid,
        cert_status: single.map(|s| s.cert_status.clone()),
        signer: signer.map(|(kind, _)| kind),
        trace,
    }
}
