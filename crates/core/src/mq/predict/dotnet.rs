//! The managed .NET client checking the queue manager's certificate: `SslStream` builds the chain
//! with the platform's engine against the machine's trust store; only with an SSLPEERNAME does
//! the managed client act on what the engine found (IBM); only with SSLCertRevocationCheck does
//! the engine check revocation, every certificate but the root (`X509RevocationFlag.ExcludeRoot`),
//! at the sources the certificates name. A rejection is an `AuthenticationException` with the
//! chain status (`Revoked`, `RevocationStatusUnknown`, `OfflineRevocation`), which the
//! application sees inside an `MQException` (2393 assumed). See `crate::mq::dotnet` for sources.

use super::{Builder, LogEntry};
use crate::certificate::Certificate;
use crate::mq::codes::Certainty;
use crate::mq::dotnet::{
    IBM_PEER_NAME, IBM_REVOCATION, MS_FLAG, MS_MODE, NET_AUTHENTICATION, NET_MQEXCEPTION,
    NET_OFFLINE, NET_REVOKED, NET_UNKNOWN, NET_UNTRUSTED, Platform,
};
use crate::mq::revocation::{Answer, Side, Unknown, answer_of, crl_answer_of, printed_line};
use crate::mq::sources::{SourceKind, dotnet_sources};
use crate::verify::trace::{Outcome, Trace};

/// The reason code the application is predicted to get (assumption `dotnet-reason`).
const REASON: u32 = 2393;

/// Why the chain engine refused the certificate.
enum Refusal {
    Untrusted,
    Revoked,
    Unknown { offline: bool },
}

/// One line of the application's exception chain, headed by its observation id (as the Java
/// model's JSSE line is) so that the page and the text output show what is matched.
fn net_log(b: &mut Builder<'_>, id: &str, text: String, certainty: Certainty) {
    b.diagnosis.client_log.push(LogEntry {
        id: id.to_owned(),
        text: format!("[{id}] {}", text.trim_start()),
        certainty,
    });
}

/// The exception chain the application shows when SslStream refuses the queue manager.
fn refused(b: &mut Builder<'_>, refusal: &Refusal) {
    let linux = b.resolved.client.dotnet.platform == Some(Platform::Linux);
    b.fail(REASON);
    b.assume("dotnet-reason");
    b.assume("dotnet-client-log");
    let statuses: Vec<(&str, &str, &str)> = match refusal {
        Refusal::Untrusted => vec![(
            NET_UNTRUSTED,
            "UntrustedRoot",
            if linux {
                "unable to get local issuer certificate"
            } else {
                "A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider."
            },
        )],
        Refusal::Revoked => vec![(
            NET_REVOKED,
            "Revoked",
            if linux {
                "certificate revoked"
            } else {
                "The certificate is revoked."
            },
        )],
        Refusal::Unknown { offline } => {
            let mut list = vec![(
                NET_UNKNOWN,
                "RevocationStatusUnknown",
                if linux {
                    "unable to get certificate CRL"
                } else {
                    "The revocation function was unable to check revocation for the certificate."
                },
            )];
            if *offline {
                list.push((
                    NET_OFFLINE,
                    "OfflineRevocation",
                    if linux {
                        "unable to get certificate CRL"
                    } else {
                        "The revocation function was unable to check revocation because the revocation server was offline."
                    },
                ));
            }
            list
        }
    };
    net_log(
        b,
        NET_MQEXCEPTION,
        format!("IBM.WMQ.MQException: MQRC_SSL_INITIALIZATION_ERROR (CompCode 2, Reason {REASON})"),
        Certainty::Unconfirmed,
    );
    let names: Vec<&str> = statuses.iter().map(|(_, name, _)| *name).collect();
    net_log(
        b,
        NET_AUTHENTICATION,
        format!(
            " ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: {} (.NET Framework: \"The remote certificate is invalid according to the validation procedure.\")",
            names.join(", ")
        ),
        Certainty::Partial,
    );
    for (id, name, information) in statuses {
        net_log(
            b,
            id,
            format!("X509ChainStatus {name}: {information}"),
            Certainty::Partial,
        );
    }
    b.qm_sees_client_abort();
}

/// The exception chain the application shows when the queue manager refuses the handshake (its
/// own log says why): SslStream's handshake ends with the queue manager's alert
/// ("Authentication failed because the remote party sent a TLS alert: '…'" on .NET 5 and later:
/// dotnet/runtime's SR.net_auth_tls_alert) or with the connection it closed or reset, an
/// IOException ("… the remote party has closed the transport stream.", SR.net_auth_eof; "Unable to
/// read data from the transport connection: …", SR.net_io_readfailure), which the comparison with
/// the log takes in its place (`dotnet::comparable`); the application gets 2393.
pub(super) fn refused_by_qm(b: &mut Builder<'_>) {
    b.fail(REASON);
    b.assume("dotnet-reason");
    b.assume("dotnet-client-log");
    b.assume("dotnet-qm-refusal");
    net_log(
        b,
        NET_MQEXCEPTION,
        format!("IBM.WMQ.MQException: MQRC_SSL_INITIALIZATION_ERROR (CompCode 2, Reason {REASON})"),
        Certainty::Unconfirmed,
    );
    net_log(
        b,
        NET_AUTHENTICATION,
        " ---> System.Security.Authentication.AuthenticationException: Authentication failed because the remote party sent a TLS alert (when the queue manager closes or resets the connection without one: System.IO.IOException \"Authentication failed because the remote party has closed the transport stream.\" or \"Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.\")".into(),
        Certainty::Partial,
    );
}

/// The managed client's SSLPEERNAME does not match: IBM documents MQRC_SSL_PEER_NAME_MISMATCH
/// for the .NET classes ("The DN pattern specified in the SSLPeerName property did not match the
/// DN presented by the queue manager"); the application sees it as an MQException, and what the
/// managed client logs is not documented.
pub(super) fn peer_name_mismatch(b: &mut Builder<'_>) {
    net_log(
        b,
        NET_MQEXCEPTION,
        "IBM.WMQ.MQException: MQRC_SSL_PEER_NAME_MISMATCH (CompCode 2, Reason 2398)".into(),
        Certainty::Confirmed,
    );
    b.assume("dotnet-client-log");
}

/// Returns false when the connection stops here.
pub(super) fn check_server(b: &mut Builder<'_>, qm_cert: &Certificate) -> bool {
    let resolved = b.resolved;
    let settings = resolved.client.dotnet.clone();
    let name = qm_cert.short_name();
    let engine = match settings.platform {
        Some(Platform::Linux) => {
            b.assume("dotnet-linux-sources");
            ".NET's OpenSSL-based chain building (Linux)"
        }
        Some(Platform::Windows) => "the CryptoAPI chain engine (Windows)",
        None => {
            b.assume("dotnet-platform");
            "the CryptoAPI chain engine (Windows assumed)"
        }
    };
    let anchors = &resolved.client_trust;
    let report = resolved.verify_chain(qm_cert, anchors);
    b.diagnosis.client_trace.extend(report.trace.clone());
    let path = resolved.path(&report, qm_cert, anchors);
    ignored_c_settings(b, &name);
    let peer_name = resolved
        .client
        .mqcd
        .peer_name
        .clone()
        .filter(|p| !p.trim().is_empty());
    if peer_name.is_none() {
        b.assume("dotnet-no-peer-name");
        b.step("dotnet.validation", "The managed .NET client validates the queue manager's certificate", &name, IBM_PEER_NAME, Outcome::Warn, format!("No SSLPEERNAME is set: IBM documents that the managed .NET client then does no validation of the server certificate and accepts it as-is, so neither its chain nor its revocation counts (SSLCertRevocationCheck {}).", if settings.checks_revocation() { "is set but has no effect" } else { "is not set either" }));
        b.fix("Set SSLPEERNAME on the .NET client", "Set MQEnvironment.SSLPeerName (or MQC.SSL_PEER_NAME_PROPERTY, XMSC.WMQ_SSL_PEER_NAME) to a pattern matching the queue manager's DN: only then does the managed client act on the chain engine's verdict, including revocation.".into(), None);
        return true;
    }
    if !report.valid {
        let first = report.trace.first_failure_words();
        b.step(
            "dotnet.chain",
            "SslStream builds the queue manager's chain",
            &name,
            MS_FLAG,
            Outcome::Fail,
            format!("{engine} cannot build a trusted chain: {first}"),
        );
        refused(b, &Refusal::Untrusted);
        b.fix("Trust the queue manager's CA on the .NET host", "Import the queue manager's issuing CA and root into the store SslStream uses (Windows: the machine's Trusted Root / Intermediate stores; Linux: the system CA bundle or the keystore path IBM MQ .NET 9.4.4 accepts).".into(), None);
        return false;
    }
    b.step(
        "dotnet.chain",
        "SslStream builds the queue manager's chain",
        &name,
        MS_FLAG,
        Outcome::Pass,
        format!("{engine}: {}.", super::own_client::chain_words(&path)),
    );
    if !settings.checks_revocation() {
        b.step("dotnet.revocation", "Revocation checking of the managed .NET client", &name, IBM_REVOCATION, Outcome::Skip, format!("SSLCertRevocationCheck is {}: SslStream builds the chain with X509RevocationMode.NoCheck, so a revoked or unreachable-responder certificate is accepted.", match settings.revocation_check { Some(false) => "false", _ => "not set (default false)" }));
        return true;
    }
    b.assume("dotnet-revocation-mode");
    // X509RevocationFlag.ExcludeRoot: every certificate but the root.
    for (cert, issuer) in crate::mq::revocation::checked_certificates(&path) {
        let subject = cert.short_name();
        let sources = dotnet_sources(&settings, cert);
        let mut last: Option<Unknown> = None;
        let mut decided = false;
        for source in &sources {
            let mut trace = Trace::default();
            let said = format!("{} (from {})", source.url, source.from);
            // A CRL's own account (its thisUpdate, the serial listed or not) when it decides.
            let (answer, detail) = match source.kind {
                SourceKind::Ocsp => {
                    if printed_line(resolved, &source.url, cert).is_some() {
                        b.assume("openssl-output-as-client-library");
                    }
                    (
                        answer_of(resolved, &source.url, cert, issuer, &mut trace),
                        None,
                    )
                }
                SourceKind::Crl => {
                    let (answer, text) = crl_answer_of(resolved, &source.url, cert, issuer);
                    (answer, Some(text))
                }
            };
            let detail = detail.unwrap_or_else(|| said.clone());
            b.diagnosis.client_trace.extend(trace);
            match answer {
                Answer::Good | Answer::NotChecked => {
                    b.step(
                        "dotnet.revocation",
                        "The chain engine checks revocation",
                        &subject,
                        MS_MODE,
                        Outcome::Pass,
                        format!("{said}: good."),
                    );
                    decided = true;
                    break;
                }
                Answer::Revoked { url, .. } => {
                    b.step("dotnet.revocation", "The chain engine checks revocation", &subject, MS_MODE, Outcome::Fail, format!("{}: revoked — chain status Revoked; the managed client refuses the certificate (RemoteCertificateChainErrors).", detail.trim_end_matches('.')));
                    b.diagnosis.revocation.push(super::Revocation {
                        side: Side::Client,
                        certificate: cert.subject.rfc4514.clone(),
                        short_name: subject.clone(),
                        ca: cert.fingerprints != qm_cert.fingerprints,
                        finding: super::Finding::Revoked { url },
                    });
                    refused(b, &Refusal::Revoked);
                    b.fix("Renew the revoked certificate", format!("{subject} is revoked: the queue manager needs a new certificate. No .NET setting should make the client accept it."), None);
                    return false;
                }
                Answer::Unknown(unknown) => {
                    b.step("dotnet.revocation", "The chain engine checks revocation", &subject, MS_MODE, Outcome::Warn, format!("{said}: no answer it can use ({}); the engine goes on to the next source the certificate names.", unknown.words()));
                    last = Some(unknown);
                }
            }
        }
        if decided {
            continue;
        }
        let unknown = last.unwrap_or(Unknown::NotKnown {
            why: "the certificate names no OCSP responder (AIA) and no HTTP CRL distribution point"
                .into(),
        });
        let offline = matches!(
            unknown,
            Unknown::Unreachable { .. } | Unknown::NoEvidence { .. }
        );
        b.step("dotnet.revocation", "The chain engine checks revocation", &subject, MS_MODE, Outcome::Fail, format!("No source gave a status ({}): chain status RevocationStatusUnknown{}. With X509RevocationMode.Online the managed client refuses the certificate; there is no WARN policy (mqclient.ini's OCSPAuthentication is a GSKit setting).", unknown.words(), if offline { ", OfflineRevocation" } else { "" }));
        b.diagnosis.revocation.push(super::Revocation {
            side: Side::Client,
            certificate: cert.subject.rfc4514.clone(),
            short_name: subject.clone(),
            ca: cert.fingerprints != qm_cert.fingerprints,
            finding: super::Finding::Undetermined(unknown.clone()),
        });
        refused(b, &Refusal::Unknown { offline });
        let names = sources
            .iter()
            .map(|s| s.url.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        b.fix("Make the certificate's responder reachable from the .NET host", if names.is_empty() { format!("{subject} names no OCSP responder or HTTP CRL distribution point: the chain engine has nothing to ask. Reissue it with an AIA OCSP URL or a CDP the application host can reach (an MQAIR or CCDT AUTHINFO is not used by the managed client).") } else { format!("Let the application host reach {names} (OCSP and CDP requests can go through an HTTP proxy, IBM notes); on Windows `certutil -urlfetch -verify qm.cer` shows what the chain engine fetches. An MQAIR, CCDT AUTHINFO or mqclient.ini OCSP setting does not change what the managed client asks.") }, None);
        return false;
    }
    true
}

/// What the C client's configuration says about OCSP does not reach the managed client.
fn ignored_c_settings(b: &mut Builder<'_>, name: &str) {
    let resolved = b.resolved;
    let c_sources = super::own_client::c_ocsp_configured(resolved);
    if c_sources {
        b.step("dotnet.ignored", "OCSP settings the managed .NET client does not use", name, IBM_REVOCATION, Outcome::Warn, "The case has MQAIR/CCDT AUTHINFO/mqclient.ini OCSP settings: the managed .NET client's revocation check \"uses only the server specified in the certificate\" (IBM), so they decide nothing; only SSLCertRevocationCheck and the certificates' AIA/CDP do.".into());
    }
}
