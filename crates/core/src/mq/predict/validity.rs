//! Certificate validity and chain problems, on either side, that are not about revocation: a
//! side's own certificate outside its validity period (checked before it is sent), a partner's
//! chain with a certificate outside its validity period, an issuer that is neither sent nor in
//! the key repository, a root the key repository does not trust. Each with the messages the side
//! that finds it logs (per TLS library) and what its partner sees.

use super::Builder;
use super::inserts::{IBM_AMQ9633, gskit_name, openssl_name};
use crate::certificate::Certificate;
use crate::mq::case::SupposedFault;
use crate::mq::codes::Certainty;
use crate::mq::config::QmTls;
use crate::mq::java::ClientKind;
use crate::mq::revocation::Side;
use crate::timestamp::Timestamp;
use crate::verify::ChainReport;
use crate::verify::trace::Outcome;

/// APAR IT32081: "During the TLS handshake, the local certificate (if configured) is validated
/// before being sent to the remote partner"; MQ with the fix writes AMQ9797E (before it,
/// AMQ9654 wrongly spoke of the remote certificate). Java/JMS and managed .NET are not affected.
const IBM_LOCAL_CHECK: &str = "https://www.ibm.com/support/pages/apar/IT32081";
/// AMQ9658E "Certificate is not within validity period", as a queue manager logged it.
const AMQ9658_SEEN: &str = "https://github.com/ibm-messaging/mq-mqi-nodejs/issues/171";

/// Why a partner's chain does not validate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Fault {
    /// A certificate of the path is outside its validity period at the evaluation time.
    OutOfValidity {
        /// The certificate.
        cert: Certificate,
        /// Expired (true) or not yet valid (false).
        expired: bool,
    },
    /// The chain stops below an issuer nobody has: neither sent nor in the key repository.
    MissingIssuer {
        /// The last certificate found.
        below: Certificate,
    },
    /// The chain ends at a self-signed root that is not in the key repository.
    UntrustedRoot {
        /// The root.
        root: Certificate,
    },
    /// A CA certificate of the chain outside its validity period, supposed by a diagnosis (the
    /// ticket shows the symptom, not the certificates).
    SupposedOutOfValidity,
    /// A chain that does not reach a trusted CA, supposed by a diagnosis.
    SupposedUntrusted,
    /// Another reason (signature, constraints, key usage …): the trace's first failure.
    Other {
        /// Its words.
        why: String,
    },
}

impl Fault {
    /// OpenSSL's verify error for this fault (`X509_V_ERR_*`, x509_vfy.h).
    fn openssl_error(&self) -> Option<u32> {
        match self {
            // X509_V_ERR_CERT_HAS_EXPIRED, X509_V_ERR_CERT_NOT_YET_VALID
            Self::OutOfValidity { expired: true, .. } => Some(10),
            Self::OutOfValidity { expired: false, .. } => Some(9),
            Self::SupposedOutOfValidity => None,
            // X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, the likelier of the two.
            Self::SupposedUntrusted => Some(20),
            // X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY
            Self::MissingIssuer { .. } => Some(20),
            // X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN
            Self::UntrustedRoot { .. } => Some(19),
            Self::Other { .. } => None,
        }
    }
}

/// Whether `cert` is outside its validity period at `at`: `Some(true)` expired, `Some(false)` not
/// yet valid (RFC 5280 §4.1.2.5).
fn out_of_validity(cert: &Certificate, at: Timestamp) -> Option<bool> {
    if at > cert.not_after {
        Some(true)
    } else if at < cert.not_before {
        Some(false)
    } else {
        None
    }
}

/// Why `partner` does not validate against `anchors`, from the certificates of the case.
pub(super) fn classify(
    b: &Builder<'_>,
    partner: &Certificate,
    anchors: &[Certificate],
    report: &ChainReport,
) -> Fault {
    let resolved = b.resolved;
    if !report.paths.is_empty() {
        let path = resolved.path(report, partner, anchors);
        if let Some((cert, expired)) = path
            .iter()
            .find_map(|c| out_of_validity(c, resolved.at).map(|e| (c.clone(), e)))
        {
            return Fault::OutOfValidity { cert, expired };
        }
        let why = report
            .trace
            .first_failure()
            .map(|s| format!("{} — {}", s.title, s.explanation))
            .unwrap_or_default();
        return Fault::Other { why };
    }
    // No path reaches an anchor: follow issuer names through what either side could have.
    let pool: Vec<&Certificate> = resolved.material.certificates().chain(anchors).collect();
    let mut current = partner.clone();
    for _ in 0..crate::verify::chain::MAX_PATH_LEN {
        if current.self_issued {
            return Fault::UntrustedRoot { root: current };
        }
        match pool
            .iter()
            .find(|c| c.subject_der == current.issuer_der && c.fingerprints != current.fingerprints)
        {
            Some(issuer) => current = (*issuer).clone(),
            None => return Fault::MissingIssuer { below: current },
        }
    }
    Fault::Other {
        why: "the chain is longer than mqocsp follows".into(),
    }
}

/// A side checks its own certificate before sending it (APAR IT32081). False when the
/// connection stops here.
pub(super) fn own_certificate(b: &mut Builder<'_>, side: Side, cert: &Certificate) -> bool {
    // The IBM MQ classes for Java/JMS and managed .NET use other cryptography (IT32081).
    if side == Side::Client && b.resolved.client.kind != ClientKind::C {
        return true;
    }
    let supposed = b
        .resolved
        .supposed_faults
        .contains(&SupposedFault::OwnOutOfValidity(side));
    let state = match out_of_validity(cert, b.resolved.at) {
        Some(true) => format!("expired on {}", cert.not_after),
        Some(false) => format!("is not valid before {}", cert.not_before),
        None if supposed => "is outside its validity period (supposed: the ticket does not show the certificate's dates)".to_owned(),
        None => return true,
    };
    let (id, who, partner_who) = match side {
        Side::Client => ("mq.client_own", "the client", "the queue manager"),
        Side::QueueManager => ("mq.qm_own", "the queue manager", "the client"),
    };
    b.step(
        id,
        &format!("{} checks its own certificate", capital(who)),
        &cert.short_name(),
        IBM_LOCAL_CHECK,
        Outcome::Fail,
        format!(
            "{} validates its own certificate before sending it, and {} {state} (evaluation time {}): the handshake stops before {partner_who} sees it.",
            capital(who),
            cert.short_name(),
            b.resolved.at
        ),
    );
    b.assume("own-check-validity");
    b.assume("partner-of-local-failure");
    b.fail(2393);
    let label = match side {
        Side::Client => client_label(b),
        Side::QueueManager => qm_label(b),
    };
    let text = format!(
        "Validation checks for the local personal certificate with label '{label}' failed. The channel did not start."
    );
    match side {
        // IT37745: the check is part of "initializing SSL/TLS capability"; what reaches the
        // queue manager then is not documented, so nothing is predicted there.
        Side::Client => b.client_log("AMQ9797", text, Certainty::Partial),
        Side::QueueManager => {
            b.qm_log("AMQ9797", text, Certainty::Partial);
            b.client_sees_qm_refusal(Certainty::Unconfirmed);
        }
    }
    b.fix(
        "Renew the certificate",
        format!(
            "{}'s own certificate {} {state}: issue a new one, add it to {}'s key repository under label '{label}'{}.",
            capital(who),
            cert.subject.rfc4514,
            who,
            if side == Side::QueueManager {
                " and REFRESH SECURITY TYPE(SSL)"
            } else {
                ""
            }
        ),
        None,
    );
    false
}

/// IBM, "Digital certificate labels, understanding the requirements": a queue manager sends the
/// personal certificate labelled by CERTLABL, by default `ibmwebspheremq` followed by its name
/// folded to lower case; IBM, CERTLABL: "The queue manager CERTLABL is checked and must be a
/// valid personal certificate".
const IBM_LABELS: &str = "https://www.ibm.com/docs/en/ibm-mq/9.3?topic=mechanisms-digital-certificate-labels-understanding-requirements";

/// A queue manager whose key repository has no personal certificate under the label it looks
/// for (a diagnosis supposes it from the queue manager's AMQ9637 without the client's AMQ9642):
/// it has nothing to send, and the handshake ends. False when that is supposed.
pub(super) fn qm_personal_certificate(b: &mut Builder<'_>) -> bool {
    if !b
        .resolved
        .supposed_faults
        .contains(&SupposedFault::QmNoCertificate)
    {
        return true;
    }
    let label = qm_label(b);
    let channel = b.channel.clone();
    b.step(
        "mq.qm_label",
        "The queue manager finds its personal certificate",
        &label,
        IBM_LABELS,
        Outcome::Fail,
        format!("Supposed by the diagnosis (the queue manager's AMQ9637 says it lacks a certificate, and {}): the queue manager's key repository has no personal certificate labelled '{label}', so it has none to send and the handshake ends.", if b.resolved.client.kind == ClientKind::C { "the client's log shows no AMQ9642" } else { "the client, not a C client, logs no AMQ9642 either way" }),
    );
    b.assume("qm-no-certificate");
    b.fail(if b.resolved.client.kind == ClientKind::Java {
        2397
    } else {
        2393
    });
    b.qm_log(
        "AMQ9637",
        format!("Channel is lacking a certificate. The channel is lacking a certificate to use for the SSL handshake. The channel name is '{channel}' (if '????' it is unknown at this stage in the SSL processing)."),
        Certainty::Partial,
    );
    b.client_sees_qm_refusal(Certainty::Unconfirmed);
    b.fix(
        "Give the queue manager its personal certificate",
        format!("runmqakm -cert -list -db <SSLKEYR>.kdb -stashed shows the labels: the queue manager's personal certificate (marked '-') must be labelled '{label}' — rename it (runmqakm -cert -rename) or set ALTER QMGR CERTLABL('<its label>') — then REFRESH SECURITY TYPE(SSL)."),
        None,
    );
    false
}

/// The label the client's certificate is looked up by: MQSCO (v5+) > MQCD (v11+) > mqclient.ini
/// CertificateLabel (MQCERTLABL before it, PARTIAL: mq-reference §4) > `ibmwebspheremq<user>`
/// (IBM q120500, q120550).
pub(super) fn client_label(b: &Builder<'_>) -> String {
    let client = &b.resolved.client;
    client
        .effective_sco()
        .filter(|s| s.version >= 5)
        .and_then(|s| s.certificate_label.clone())
        .or_else(|| {
            client
                .mqcd
                .certificate_label
                .clone()
                .filter(|_| client.mqcd.version >= 11)
        })
        .or_else(|| client.env("MQCERTLABL").map(str::to_owned))
        .or_else(|| {
            client
                .ssl
                .certificate_label
                .as_ref()
                .map(|s| s.value.clone())
        })
        .unwrap_or_else(|| "ibmwebspheremq<user>".into())
}

/// The queue manager's label: the channel's CERTLABL, else `ibmwebspheremq<qmgr in lowercase>`.
fn qm_label(b: &Builder<'_>) -> String {
    let qm = &b.resolved.qm;
    qm.channel
        .certlabl
        .clone()
        .or_else(|| qm.certlabl.clone())
        .unwrap_or_else(|| format!("ibmwebspheremq{}", qm.name.to_ascii_lowercase()))
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A side refuses its partner's chain: what it logs, what the partner sees, the fix.
pub(super) fn refuse_chain(
    b: &mut Builder<'_>,
    side: Side,
    partner: &Certificate,
    anchors: &[Certificate],
    report: &ChainReport,
) {
    let fault = classify(b, partner, anchors, report);
    refuse(b, side, partner, fault);
}

/// A side refuses its partner's chain for a problem a diagnosis supposes (its AMQ9658E or its
/// AMQ9633 with a chain validation error, in a ticket without the chain). False when it does.
pub(super) fn supposed_chain_fault(b: &mut Builder<'_>, side: Side, partner: &Certificate) -> bool {
    let supposed = |fault| b.resolved.supposed_faults.contains(&fault);
    let fault = if supposed(SupposedFault::ChainOutOfValidity(side)) {
        Fault::SupposedOutOfValidity
    } else if supposed(SupposedFault::ChainUntrusted(side)) {
        Fault::SupposedUntrusted
    } else {
        return true;
    };
    refuse(b, side, partner, fault);
    false
}

fn refuse(b: &mut Builder<'_>, side: Side, partner: &Certificate, fault: Fault) {
    let channel = b.channel.clone();
    let (id, title, whose, repository) = match side {
        Side::Client => (
            "mq.client_chain",
            "The client validates the queue manager's chain",
            "the queue manager's",
            "the client's key repository",
        ),
        // A z/OS queue manager's key repository is a RACF key ring (IBM, "Working with
        // SSL/TLS on z/OS").
        Side::QueueManager if b.resolved.qm.tls == QmTls::SystemSsl => (
            "mq.qm_chain",
            "The queue manager validates the client's chain",
            "the client's",
            "the queue manager's key ring",
        ),
        Side::QueueManager => (
            "mq.qm_chain",
            "The queue manager validates the client's chain",
            "the client's",
            "the queue manager's key repository",
        ),
    };
    let (why, fix_title, fix) = match &fault {
        Fault::OutOfValidity { cert, expired } => {
            let state = if *expired {
                format!("expired on {}", cert.not_after)
            } else {
                format!("is not valid before {}", cert.not_before)
            };
            if cert.fingerprints != partner.fingerprints {
                b.assume("own-check-validity");
            }
            (
                format!(
                    "{} in {whose} chain {state} (evaluation time {}).",
                    cert.subject.rfc4514, b.resolved.at
                ),
                "Renew the certificate",
                format!(
                    "Replace {} ({state}) with a current certificate wherever it is kept (the sender's key repository, and {repository} when it holds a copy).",
                    cert.subject.rfc4514
                ),
            )
        }
        Fault::SupposedOutOfValidity => {
            b.assume("own-check-validity");
            (
                format!(
                    "a CA certificate in {whose} chain is outside its validity period (supposed: the ticket does not show the certificates' dates)."
                ),
                "Renew the certificate",
                format!(
                    "Check the dates of every CA certificate in {whose} chain (runmqakm -cert -details, or openssl x509 -dates) and replace the one that expired or is not yet valid, in the sender's key repository and in {repository} when it holds a copy."
                ),
            )
        }
        Fault::SupposedUntrusted => (
            format!(
                "{whose} chain does not reach a CA certificate in {repository} (supposed: a missing intermediate or an untrusted root; the ticket does not show the chain)."
            ),
            "Complete the chain",
            // A z/OS queue manager's key repository is a RACF key ring (IBM, "Working with
            // SSL/TLS on z/OS"): CA certificates are added and connected with RACDCERT.
            if side == Side::QueueManager && b.resolved.qm.tls == QmTls::SystemSsl {
                format!(
                    "Compare {whose} chain (openssl x509 -issuer) with the queue manager's key ring (RACDCERT LISTRING): add each missing intermediate or root CA certificate (RACDCERT CERTAUTH ADD, then RACDCERT CONNECT(CERTAUTH LABEL(…) RING(…) USAGE(CERTAUTH))), then REFRESH SECURITY TYPE(SSL); or have the client's key repository hold its intermediates so they are sent."
                )
            } else {
                format!(
                    "Compare {whose} chain (runmqakm -cert -details, openssl x509 -issuer) with {repository}: add the missing intermediate or root CA certificate (runmqakm -cert -add), or have the sender's key repository hold its intermediates so they are sent."
                )
            },
        ),
        Fault::MissingIssuer { below } => (
            format!(
                "the issuer of {} ({}) is neither sent by the partner nor in {repository}, so the chain cannot be completed (a missing intermediate CA certificate).",
                below.short_name(),
                below.issuer.rfc4514
            ),
            "Add the missing CA certificate",
            format!(
                "Add {} to {repository} (runmqakm -cert -add), or to the sender's key repository so it is sent with the certificate; then restart the channel (REFRESH SECURITY TYPE(SSL) on a queue manager).",
                below.issuer.rfc4514
            ),
        ),
        Fault::UntrustedRoot { root } => (
            format!(
                "the chain ends at the root {}, which is not in {repository}.",
                root.subject.rfc4514
            ),
            "Trust the root CA",
            format!(
                "Add the root CA certificate {} to {repository} as a trusted signer (runmqakm -cert -add), then restart the channel (REFRESH SECURITY TYPE(SSL) on a queue manager).",
                root.subject.rfc4514
            ),
        ),
        Fault::Other { why } => (
            format!("{why}."),
            "Fix the certificate chain",
            format!("Make {whose} chain validate against {repository}."),
        ),
    };
    b.fail(2393);
    let reference = match fault {
        Fault::OutOfValidity { .. } | Fault::SupposedOutOfValidity => AMQ9658_SEEN,
        _ => IBM_AMQ9633,
    };
    b.step(
        id,
        title,
        &partner.short_name(),
        reference,
        Outcome::Fail,
        format!("The chain does not validate against {repository}: {why}"),
    );
    let library = match side {
        Side::Client => QmTls::Gskit,
        Side::QueueManager => b.resolved.qm.tls,
    };
    let (message, text) = match (library, &fault) {
        (QmTls::Gskit | QmTls::SystemSsl, Fault::OutOfValidity { .. } | Fault::SupposedOutOfValidity) => ("AMQ9658", "Certificate is not within validity period. A certificate has been encountered which failed checks on its validity period: it has either expired, or is not yet valid for use. The channel is '????'.".to_owned()),
        // z/OS: the CSQX message of AMQ9633's number; its words and System SSL's return code
        // are not modelled (assumption zos-csqx-as-amq), so no GSKit error number is predicted.
        (QmTls::SystemSsl, _) => ("AMQ9633", format!(
            "bad SSL certificate for channel '????' (as the distributed AMQ9633: the certificate '{}' failed validation against the CA certificates connected to the queue manager's key ring; the CSQX text and System SSL's return code are not modelled).",
            gskit_name(partner)
        )),
        (QmTls::Gskit, _) => ("AMQ9633", format!(
            "Bad SSL certificate for channel '{}'. … (b) it was formatted correctly but failed validation against the Certification Authority (CA) root and other certificates held on the local system … The details of the certificate which could not be validated are '{}'. The certificate validation error was 575010.",
            if side == Side::Client { channel.as_str() } else { "????" },
            gskit_name(partner)
        )),
        (QmTls::Openssl, fault) => {
            b.assume("openssl-qm-verify-error");
            let error = fault
                .openssl_error()
                .map(|e| format!(" The certificate validation error was {e}."))
                .unwrap_or_default();
            ("AMQ9633", format!("Bad SSL certificate for channel '????'. … (b) it was formatted correctly but failed validation against the Certification Authority (CA) root and other certificates held on the local system … The details of the certificate which could not be validated are '{}'.{error}", openssl_name(partner)))
        }
    };
    let certainty = match (library, &fault) {
        (QmTls::Openssl, _) => Certainty::Unconfirmed,
        _ => Certainty::Partial,
    };
    match side {
        Side::Client => {
            if !matches!(
                fault,
                Fault::OutOfValidity { .. } | Fault::SupposedOutOfValidity
            ) {
                b.assume("validation-error-575010");
            }
            b.client_log(message, text, certainty);
            b.qm_sees_client_abort();
        }
        Side::QueueManager => {
            if library == QmTls::Gskit
                && !matches!(
                    fault,
                    Fault::OutOfValidity { .. } | Fault::SupposedOutOfValidity
                )
            {
                b.assume("validation-error-575010");
            }
            b.qm_log(message, text, certainty);
            b.client_sees_qm_refusal(Certainty::Partial);
        }
    }
    b.fix(fix_title, fix, None);
}
