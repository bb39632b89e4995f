//! The IBM MQ classes for Java/JMS checking the queue manager's certificate: JSSE's PKIX
//! validation against the trust store, then (only with `com.sun.net.ssl.checkRevocation=true`)
//! revocation of every certificate but the trust anchor, at `ocsp.responderURL` or each
//! certificate's AIA when `ocsp.enable=true`. A failure is a `CertPathValidatorException`; the
//! application sees JMSWMQ0018 / JMSCMQ0001 reason 2397 MQRC_JSSE_ERROR with AMQ9204 and AMQ9771
//! in the JMQI exception chain. See `crate::mq::java` for the sources.

use super::{Builder, LogEntry};
use crate::certificate::Certificate;
use crate::mq::codes::Certainty;
use crate::mq::java::{
    JSSE_NETWORK, JSSE_PEER_ALERT, JSSE_REVOKED, JSSE_UNDETERMINED, JSSE_UNKNOWN, JSSE_UNTRUSTED,
};
use crate::mq::revocation::{Answer, Side, Unknown, answer_of, crl_answer_of, printed_line};
use crate::mq::sources::{SourceKind, java_sources};
use crate::verify::trace::{Outcome, Trace};

const IBM_CCDT_OCSP: &str =
    "https://www.ibm.com/docs/en/ibm-mq/9.4?topic=jms-using-certificate-revocation-lists-ocsp";
const OPENJDK_REVOCATION: &str = "https://docs.oracle.com/en/java/javase/17/security/java-pki-programmers-guide.html#GUID-E6E0F8A2-7D97-4FF8-A8AE-04E6B0C84E40";

fn java_log(b: &mut Builder<'_>, id: &str, text: String, certainty: Certainty) {
    b.diagnosis.client_log.push(LogEntry {
        id: id.to_owned(),
        text,
        certainty,
    });
}

/// The head of the exception chain for reason `code`: JMS's JMSWMQ0018 (`jms_head`, with its
/// text) and JMSCMQ0001, or, for the IBM MQ classes for Java (MQJE ids in the ticket, no JMS
/// ids), `MQJE001: Completion Code '2', Reason 'code'` around the same JMQI exception.
fn head(b: &mut Builder<'_>, jms_head: (&str, String), code: u32, name: &str) {
    if b.resolved.client.classes_for_java {
        java_log(
            b,
            "MQJE001",
            format!("MQJE001: Completion Code '2', Reason '{code}'."),
            Certainty::Partial,
        );
        return;
    }
    java_log(b, jms_head.0, jms_head.1, Certainty::Partial);
    java_log(
        b,
        "JMSCMQ0001",
        format!(
            "JMSCMQ0001: IBM MQ call failed with compcode '2' ('MQCC_FAILED') reason '{code}' ('{name}')."
        ),
        Certainty::Confirmed,
    );
}

/// The head of the exception chain a Java client shows when the queue manager refuses its
/// CipherSpec (AMQ9641 follows it in the JMQI chain; IBM Cloud's JMS TLS tutorial,
/// https://github.com/ibm-cloud-docs/mqcloud/blob/master/mqoc_jms_tls.md ).
pub(super) fn cipher_refused(b: &mut Builder<'_>) {
    failed_to_connect(b);
}

/// JMSWMQ0018 over JMSCMQ0001 with 2397: the head of every JSSE failure's chain.
fn failed_to_connect(b: &mut Builder<'_>) {
    let qm = b.resolved.qm.name.clone();
    let conn = b.resolved.client.mqcd.conn_name.clone().unwrap_or_default();
    head(
        b,
        (
            "JMSWMQ0018",
            format!(
                "JMSWMQ0018: Failed to connect to queue manager '{qm}' with connection mode 'Client' and host name '{conn}'."
            ),
        ),
        2397,
        "MQRC_JSSE_ERROR",
    );
}

/// The exception chain a Java client shows when the queue manager refuses the connection with
/// 2035 after the handshake (a CHLAUTH block). IBM, "Return code= 2035 MQRC_NOT_AUTHORIZED"
/// (https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.tro.doc/q039180_.html): an IBM MQ
/// classes for JMS application shows 2035 as JMSWMQ2013 (invalid security authentication); IBM's
/// CHLAUTH technote (support node 196563) lists "MQ classes for JMS => JMSWMQ2013" for it.
pub(super) fn not_authorized(b: &mut Builder<'_>) {
    let qm = b.resolved.qm.name.clone();
    let conn = b.resolved.client.mqcd.conn_name.clone().unwrap_or_default();
    head(
        b,
        (
            "JMSWMQ2013",
            format!(
                "JMSWMQ2013: The security authentication was not valid that was supplied for queue manager '{qm}' with connection mode 'Client' and host name '{conn}'."
            ),
        ),
        2035,
        "MQRC_NOT_AUTHORIZED",
    );
}

/// The exception chain the application shows for a JSSE failure.
fn jsse_failure(b: &mut Builder<'_>, id: &str, message: &str) {
    handshake_failed(
        b,
        id,
        format!(
            "[{id}] javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: {message}"
        ),
    );
    b.qm_sees_client_abort();
}

/// What the application shows when the queue manager refuses the handshake (its own log says
/// why): JSSE receives the alert the queue manager ends it with, and the IBM MQ classes for Java
/// report it as a JSSE failure (2397). Which alert GSKit sends is not documented.
pub(super) fn refused_by_qm(b: &mut Builder<'_>) {
    handshake_failed(
        b,
        JSSE_PEER_ALERT,
        format!(
            "[{JSSE_PEER_ALERT}] javax.net.ssl.SSLHandshakeException: Received fatal alert: (the alert the queue manager sends)"
        ),
    );
    b.assume("java-qm-refusal");
}

/// JMSWMQ0018, JMSCMQ0001 2397, AMQ9204, AMQ9771 and JSSE's exception `last` (with id `id`).
fn handshake_failed(b: &mut Builder<'_>, id: &str, last: String) {
    let conn = b.resolved.client.mqcd.conn_name.clone().unwrap_or_default();
    b.fail(2397);
    failed_to_connect(b);
    java_log(
        b,
        "AMQ9204",
        format!("AMQ9204: Connection to host '{conn}' rejected."),
        Certainty::Partial,
    );
    java_log(
        b,
        "AMQ9771",
        "AMQ9771: SSL handshake failed.".into(),
        Certainty::Partial,
    );
    java_log(b, id, last, Certainty::Partial);
    b.assume("java-exception-chain");
}

/// Returns false when the connection stops here.
pub(super) fn check_server(b: &mut Builder<'_>, qm_cert: &Certificate) -> bool {
    let resolved = b.resolved;
    let settings = resolved.client.java.clone();
    let anchors = &resolved.client_trust;
    let report = resolved.verify_chain(qm_cert, anchors);
    b.diagnosis.client_trace.extend(report.trace.clone());
    b.assume("java-ibm-jre");
    let path = resolved.path(&report, qm_cert, anchors);
    let name = qm_cert.short_name();
    if !report.valid {
        let first = report.trace.first_failure_words();
        b.step(
            "java.chain",
            "JSSE validates the queue manager's chain against the trust store",
            &name,
            OPENJDK_REVOCATION,
            Outcome::Fail,
            format!("PKIX path building fails: {first}"),
        );
        jsse_failure(
            b,
            JSSE_UNTRUSTED,
            "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
        );
        b.fix("Complete the Java trust store", "Import the queue manager's issuing CA and root into the trust store the JVM uses (javax.net.ssl.trustStore).".into(), None);
        return false;
    }
    b.step(
        "java.chain",
        "JSSE validates the queue manager's chain against the trust store",
        &name,
        OPENJDK_REVOCATION,
        Outcome::Pass,
        format!("Valid: {}.", super::own_client::chain_words(&path)),
    );
    // What the C client's configuration says about OCSP does not reach the Java classes.
    let c_sources = super::own_client::c_ocsp_configured(resolved);
    if c_sources {
        b.step("java.ignored", "OCSP settings the Java classes do not use", &name, IBM_CCDT_OCSP, Outcome::Warn, "The case has MQAIR/CCDT/mqclient.ini OCSP settings: IBM MQ classes for Java/JMS cannot use the OCSP information of a CCDT or MQAIR; only the JVM's settings (com.sun.net.ssl.checkRevocation, ocsp.enable, ocsp.responderURL) decide.".into());
    }
    if !settings.checks_revocation() {
        b.step("java.revocation", "JSSE revocation checking", &name, OPENJDK_REVOCATION, Outcome::Skip, format!("com.sun.net.ssl.checkRevocation is {}: JSSE checks no revocation, so a revoked or unreachable-responder certificate is accepted.", match settings.check_revocation { Some(false) => "false", _ => "not set (default false)" }));
        return true;
    }
    let ocsp = settings.ocsp_enable.unwrap_or(false);
    for (cert, issuer) in crate::mq::revocation::checked_certificates(&path) {
        let subject = cert.short_name();
        // OCSP first (ocsp.enable), then the CRL distribution points (enableCRLDP): the default
        // PKIXRevocationChecker falls back from one to the other unless NO_FALLBACK is set.
        let sources = java_sources(&settings, cert);
        if sources.is_empty() {
            let why = if ocsp {
                "ocsp.enable=true but neither ocsp.responderURL nor the certificate's AIA names a responder"
            } else {
                "ocsp.enable is not true, so JSSE looks only for CRLs"
            };
            b.step("java.revocation", "JSSE revocation checking", &subject, OPENJDK_REVOCATION, Outcome::Fail, format!("{why}, and no CRL is available (com.sun.security.enableCRLDP {}): the revocation status cannot be determined.", if settings.enable_crldp == Some(true) { "is true but the certificate names no HTTP CRL distribution point" } else { "is not true" }));
            jsse_failure(
                b,
                JSSE_UNDETERMINED,
                "Could not determine revocation status",
            );
            b.fix("Turn on OCSP in the JVM", "Set the security property ocsp.enable=true (java.security or Security.setProperty) so that JSSE asks the certificate's AIA responder, or -Dcom.sun.security.enableCRLDP=true for CRLs.".into(), None);
            return false;
        }
        // The first source's failure is what JSSE reports when no source decides.
        let mut first_unknown: Option<(Unknown, String)> = None;
        let mut decided = false;
        for (index, source) in sources.iter().enumerate() {
            let url = &source.url;
            let (title, answer, detail) = match source.kind {
                SourceKind::Ocsp => {
                    let mut trace = Trace::default();
                    let answer = answer_of(resolved, url, cert, issuer, &mut trace);
                    if printed_line(resolved, url, cert).is_some() {
                        b.assume("openssl-output-as-client-library");
                    }
                    b.diagnosis.client_trace.extend(trace);
                    ("JSSE asks the OCSP responder", answer, None)
                }
                SourceKind::Crl => {
                    let (answer, text) = crl_answer_of(resolved, url, cert, issuer);
                    ("JSSE fetches the CRL (enableCRLDP)", answer, Some(text))
                }
            };
            let more = index + 1 < sources.len();
            match answer {
                Answer::Good | Answer::NotChecked => {
                    b.step(
                        "java.revocation",
                        title,
                        &subject,
                        OPENJDK_REVOCATION,
                        Outcome::Pass,
                        format!("{url} answers good."),
                    );
                    decided = true;
                    break;
                }
                Answer::Revoked { url, .. } => {
                    b.step(
                        "java.revocation",
                        title,
                        &subject,
                        OPENJDK_REVOCATION,
                        Outcome::Fail,
                        match &detail {
                            Some(text) => format!(
                                "{}: revoked — JSSE rejects the chain.",
                                text.trim_end_matches('.')
                            ),
                            None => format!("{url} answers revoked: JSSE rejects the chain."),
                        },
                    );
                    b.diagnosis.revocation.push(super::Revocation {
                        side: Side::Client,
                        certificate: cert.subject.rfc4514.clone(),
                        short_name: subject.clone(),
                        ca: cert.fingerprints != qm_cert.fingerprints,
                        finding: super::Finding::Revoked { url },
                    });
                    jsse_failure(
                        b,
                        JSSE_REVOKED,
                        &format!(
                            "Certificate has been revoked, reason: UNSPECIFIED, authority: {}",
                            cert.issuer.rfc4514
                        ),
                    );
                    b.fix("Renew the revoked certificate", format!("{subject} is revoked: the queue manager needs a new certificate. No JVM setting accepts a revoked certificate."), None);
                    return false;
                }
                Answer::Unknown(unknown) if more => {
                    b.step("java.revocation", title, &subject, OPENJDK_REVOCATION, Outcome::Warn, format!("{}: no status ({}); PKIXRevocationChecker falls back to the next source (its NO_FALLBACK option is not set by SunJSSE).", detail.as_deref().unwrap_or(url).trim_end_matches('.'), unknown.words()));
                    first_unknown.get_or_insert((unknown, url.clone()));
                }
                Answer::Unknown(unknown) => {
                    let (unknown, url) = first_unknown.take().unwrap_or((unknown, url.clone()));
                    let (id, message, text) = match &unknown {
                        Unknown::NotKnown { .. } => (
                            JSSE_UNKNOWN,
                            "Certificate's revocation status is unknown",
                            format!("{url} answers unknown"),
                        ),
                        Unknown::Unverifiable { why } => (
                            JSSE_UNDETERMINED,
                            "Could not determine revocation status",
                            format!("{url}'s answer cannot be relied on ({why})"),
                        ),
                        _ => (
                            JSSE_NETWORK,
                            "Unable to determine revocation status due to network error",
                            format!("{url} cannot be reached"),
                        ),
                    };
                    let fell_back = if sources.len() > 1 {
                        " and no other source gave a status"
                    } else {
                        ""
                    };
                    b.step("java.revocation", title, &subject, OPENJDK_REVOCATION, Outcome::Fail, format!("{text}{fell_back}: JSSE has no soft-fail by default (PKIXRevocationChecker.Option.SOFT_FAIL is not set by SunJSSE), so the handshake fails."));
                    b.diagnosis.revocation.push(super::Revocation {
                        side: Side::Client,
                        certificate: cert.subject.rfc4514.clone(),
                        short_name: subject.clone(),
                        ca: cert.fingerprints != qm_cert.fingerprints,
                        finding: super::Finding::Undetermined(unknown.clone()),
                    });
                    b.step("mq.client_policy", "JSSE refuses an undetermined status", &subject, OPENJDK_REVOCATION, Outcome::Fail, "With revocation checking on, JSSE refuses a certificate whose status it cannot determine; mqclient.ini's OCSPAuthentication does not apply to Java.".into());
                    jsse_failure(b, id, message);
                    b.fix("Make the responder reachable from the JVM", format!("Let the JVM reach {url} (the OCSP client honours -Dhttp.proxyHost/-Dhttp.proxyPort), or set -Docsp.responderURL to a responder it can reach; -Dcom.sun.security.ocsp.timeout raises the timeout (seconds)."), None);
                    return false;
                }
            }
        }
        debug_assert!(decided, "every path through the sources decides or returns");
    }
    true
}
