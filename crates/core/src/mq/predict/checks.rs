//! One side checking its partner: the chain against its key repository, the revocation of every
//! certificate but the root, and its OCSPAuthentication policy; with the names each TLS stack
//! prints in its log.

use super::inserts::{IBM_AMQ9633, gskit_name, openssl_name};
use super::{Builder, Change, Event};
use crate::certificate::Certificate;
use crate::mq::codes::Certainty;
use crate::mq::config::QmTls;
use crate::mq::ini::OcspAuthentication;
use crate::mq::revocation::{Answer, RevokedBy, Side, SideCheck, Unknown, check_side};
use crate::verify::trace::Outcome;

const IBM_AMQ9716: &str = "https://ibm.com/support/pages/node/6256630";
const IBM_POLICY: &str =
    "https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_9.0.0/com.ibm.mq.con.doc/q019040_.html";

/// Applies one side's OCSPAuthentication to its revocation answers. Returns false when the
/// connection stops here.
fn apply_policy(b: &mut Builder<'_>, side: Side, check: &SideCheck) -> bool {
    let policy = match side {
        Side::Client => b.resolved.client.ocsp_authentication(),
        Side::QueueManager => b.resolved.qm.ssl.ocsp_authentication.value,
    };
    let (id, who) = match side {
        Side::Client => ("mq.client_policy", "the MQ client"),
        Side::QueueManager => ("mq.qm_policy", "the queue manager"),
    };
    if side == Side::Client
        && b.resolved.client.ssl.ocsp_authentication.source == crate::mq::ini::Source::Default
    {
        b.assume("client-default-required");
    }
    let channel = b.channel.clone();
    if let Some(revoked) = &check.revoked {
        let (url, by) = check
            .answers
            .iter()
            .find_map(|(_, a)| match a {
                Answer::Revoked { url, by } => Some((url.clone(), *by)),
                _ => None,
            })
            .unwrap_or((String::new(), RevokedBy::Ocsp));
        let (reason, certainty) = match by {
            RevokedBy::Ocsp => (
                "(e) an OCSP responder has indicated that it is revoked",
                Certainty::Partial,
            ),
            RevokedBy::CrlLdap => (
                "(c) it was found in a Certification Revocation List (CRL) on an LDAP server",
                Certainty::Partial,
            ),
            RevokedBy::CrlDistributionPoint => {
                b.assume("crl-revoked-message");
                (
                    "it was found in a Certificate Revocation List (CRL)",
                    Certainty::Unconfirmed,
                )
            }
        };
        let (said, listed) = match by {
            RevokedBy::Ocsp => (
                "an OCSP responder says it is revoked (AMQ9633 reason (e))".to_owned(),
                String::new(),
            ),
            _ => (
                format!("the CRL from {url} lists it (AMQ9633: {reason})"),
                format!(" (listed in the CRL from {url})"),
            ),
        };
        b.step(
            id,
            "Revoked: refuse under every OCSPAuthentication",
            &revoked.short_name(),
            IBM_AMQ9633,
            Outcome::Fail,
            format!(
                "{who} rejects the certificate: {said}, whatever OCSPAuthentication says ({})",
                policy.word()
            ),
        );
        b.fail(2393);
        let gskit_text = |extra: &str| {
            format!(
                "Bad SSL certificate for channel '{channel}'. … {reason} … The details of the certificate which could not be validated are '{}'.{extra}",
                gskit_name(revoked)
            )
        };
        match side {
            Side::Client => {
                let extra = if by == RevokedBy::Ocsp {
                    " The certificate validation error was 575032."
                } else {
                    ""
                };
                b.client_log("AMQ9633", gskit_text(extra), certainty);
                b.qm_sees_client_abort();
            }
            Side::QueueManager => {
                let text = match (b.resolved.qm.tls, by) {
                    (QmTls::Openssl, RevokedBy::Ocsp) => format!(
                        "Bad SSL certificate for channel '????'. … {reason} … The details of the certificate which could not be validated are 'Certificate {} was revoked by AUTHINFO URL {url}'. The certificate validation error was 23.",
                        openssl_name(revoked)
                    ),
                    _ => gskit_text(""),
                };
                b.qm_log("AMQ9633", text, certainty);
                b.client_sees_qm_refusal(Certainty::Partial);
            }
        }
        let owner = if side == Side::Client {
            "the queue manager"
        } else {
            "the client"
        };
        // A revoked CA certificate condemns every certificate under it, renewed or not: the
        // holder needs a certificate from a CA that is not revoked (RFC 5280 §6.1.3 checks each
        // certificate of the path; GSKit checks all but the root, q135040).
        let what = match revoked.basic_constraints() {
            Some((true, _)) => format!(
                "{} is revoked{listed} and it is a CA certificate: every certificate it issued is refused, a renewed one too. Issue {owner}'s certificate from a CA that is not revoked (a new intermediate from the root), put the new chain in {owner}'s key repository and its partner's, and remove the revoked CA certificate.",
                revoked.subject.rfc4514
            ),
            _ => format!(
                "{} is revoked{listed}: issue a new certificate for {owner} and put it in the key repository.",
                revoked.subject.rfc4514
            ),
        };
        b.fix(
            "Renew the revoked certificate",
            format!("{what} No OCSPAuthentication setting accepts a revoked certificate."),
            None,
        );
        return false;
    }
    let Some((cert, why)) = &check.unknown else {
        return true;
    };
    if matches!(why, Unknown::NoEvidence { .. }) {
        b.assume("no-evidence-unreachable");
    }
    let cause = why.letter();
    match policy {
        OcspAuthentication::Required => {
            b.step(id, "Unknown status under OCSPAuthentication=REQUIRED", &cert.short_name(), IBM_AMQ9716, Outcome::Fail, format!("{who} cannot establish the revocation status (AMQ9716 cause ({cause})) and OCSPAuthentication is REQUIRED: the connection is refused."));
            b.fail(2393);
            match side {
                Side::Client => {
                    b.client_log("AMQ9716", format!("Remote SSL certificate revocation status check failed for channel '{channel}'. FFST: Probe Id XC022001, Major Errorcode rrcE_SSL_REVOCATION_CHECK_REQUIRED, Comment1 {}, Comment2 gsk_attribute_get_buffer - GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT.", gskit_name(cert)), Certainty::Confirmed);
                    b.assume("qm-silent-on-client-abort");
                }
                Side::QueueManager => {
                    let details = match b.resolved.qm.tls {
                        QmTls::Openssl => openssl_name(cert),
                        QmTls::Gskit | QmTls::SystemSsl => gskit_name(cert),
                    };
                    b.qm_log("AMQ9716", format!("Remote SSL certificate revocation status check failed for channel '{channel}'. The details of the certificate in question are '{details}'. IBM MQ does not allow the channel to start unless the certificate revocation status can be determined."), Certainty::Confirmed);
                    b.client_sees_qm_refusal(Certainty::Partial);
                }
            }
            let change = match side {
                Side::Client => Change::ClientOcspAuthentication {
                    value: OcspAuthentication::Warn,
                },
                Side::QueueManager => Change::QmOcspAuthentication {
                    value: OcspAuthentication::Warn,
                },
            };
            match why {
                Unknown::Unreachable { url } | Unknown::NoEvidence { url } => {
                    // A shell proxy the client's host has, and MQ's proxy unset: the tools the
                    // customer tried went through it, GSKit did not (APAR IC64358).
                    let client = &b.resolved.client;
                    let shell_proxy = crate::mq::env::OS_PROXY
                        .iter()
                        .find_map(|name| client.env(name).map(|v| (*name, v.to_owned())))
                        .filter(|_| side == Side::Client && client.http_proxy().is_none());
                    // The same for a proxy set for Windows (WinHTTP, Internet Options): the
                    // C client's GSKit knows only SSLHTTPProxyName / MQSSLPROXY (q013360).
                    let windows_proxy = client.windows_proxy.as_ref().filter(|_| {
                        side == Side::Client
                            && client.http_proxy().is_none()
                            && client.kind == crate::mq::java::ClientKind::C
                    });
                    let proxy = match (shell_proxy, windows_proxy) {
                        (Some((name, value)), _) => format!(" The client's host has {name}={value}: curl and other tools go through it, GSKit's OCSP client does not (APAR IC64358), so set SSLHTTPProxyName in mqclient.ini's SSL stanza (or MQSSLPROXY) to that proxy."),
                        (None, Some(windows)) => format!(" The client's Windows host is set to use the proxy {} ({}, line {}): the MQ client (GSKit) does not use the Windows proxy settings for its OCSP requests (APAR IC64358); it uses only SSLHTTPProxyName in mqclient.ini's SSL stanza or the MQSSLPROXY environment variable (IBM, Revoked certificates and OCSP, q013360), so set SSLHTTPProxyName={} there (MQSCO has no proxy field).", windows.address, windows.setting, windows.line, windows.as_ssl_http_proxy_name()),
                        (None, None) => String::new(),
                    };
                    // A CRL distribution point (CDPCheckExtensions=YES) is published, not started.
                    let cdp = crate::mq::revocation::crl_distribution_points(b.resolved, side, cert)
                        .contains(&url.as_str());
                    if cdp {
                        b.fix("Make the CRL distribution point reachable", format!("Publish the CRL at {url} where {who} can fetch it (DNS name, firewall), or set SSLHTTPProxyName (MQSSLPROXY on the client) when a proxy is needed; or set CDPCheckExtensions=NO if revocation is to be checked another way.{proxy}"), Some(Change::ResponderUp { url: url.clone() }))
                    } else {
                        b.fix("Make the responder reachable", format!("Start the OCSP responder at {url}, open the firewall, or set SSLHTTPProxyName (MQSSLPROXY on the client) when a proxy is needed.{proxy}"), Some(Change::ResponderUp { url: url.clone() }))
                    }
                }
                Unknown::NotKnown { why } => b.fix("Teach the responder the certificate", format!("{why}. Start the responder with the CA that issued the certificate (-CA) and an index.txt that lists its serial; GSKit also asks about every intermediate CA."), None),
                Unknown::Unverifiable { why } => b.fix("Fix the responder's signature", format!("{why}. Sign with the issuing CA, or with a responder certificate the CA issued with id-kp-OCSPSigning, embedded in the response."), None),
            }
            b.fix("Relax OCSPAuthentication to WARN", format!("In {}'s SSL stanza, OCSPAuthentication=WARN lets the connection continue with a warning while the responder is fixed.", if side == Side::Client { "mqclient.ini" } else { "qm.ini" }), Some(change));
            false
        }
        OcspAuthentication::Warn => {
            b.step(id, "Unknown status under OCSPAuthentication=WARN", &cert.short_name(), IBM_POLICY, Outcome::Warn, format!("{who} cannot establish the revocation status (cause ({cause})); OCSPAuthentication=WARN lets the connection continue with a warning."));
            b.assume("warn-message-id");
            match side {
                Side::Client => b.client_log("AMQ9717", format!("(warning) The revocation status of the certificate of channel '{channel}' is unknown; the connection continues."), Certainty::Unconfirmed),
                Side::QueueManager => {
                    b.qm_log("AMQ9717", format!("(warning) The revocation status of the client's certificate on channel '{channel}' is unknown; the channel continues."), Certainty::Unconfirmed);
                    b.diagnosis.events.push(Event { reason: 2552, name: "MQRC_CHANNEL_SSL_WARNING".into(), qualifier: "MQRQ_SSL_UNKNOWN_REVOCATION".into() });
                }
            }
            true
        }
        OcspAuthentication::Optional => {
            b.step(id, "Unknown status under OCSPAuthentication=OPTIONAL", &cert.short_name(), IBM_POLICY, Outcome::Pass, format!("{who} cannot establish the revocation status (cause ({cause})); OCSPAuthentication=OPTIONAL lets the connection continue silently."));
            true
        }
    }
}

/// One side validates its partner's chain against its key repository, checks the revocation of
/// every certificate but the root, and applies its OCSPAuthentication. False when the connection
/// stops here.
pub(super) fn check_partner(b: &mut Builder<'_>, side: Side, partner: &Certificate) -> bool {
    let resolved = b.resolved;
    let (anchors, id, title) = match side {
        Side::Client => (
            &resolved.client_trust,
            "mq.client_chain",
            "The client validates the queue manager's chain",
        ),
        Side::QueueManager => (
            &resolved.qm_trust,
            "mq.qm_chain",
            "The queue manager validates the client's chain",
        ),
    };
    if !super::validity::supposed_chain_fault(b, side, partner) {
        return false;
    }
    let report = resolved.verify_chain(partner, anchors);
    if side == Side::Client {
        b.assume("eku-not-enforced");
    }
    let trace = match side {
        Side::Client => &mut b.diagnosis.client_trace,
        Side::QueueManager => &mut b.diagnosis.queue_manager_trace,
    };
    trace.extend(report.trace.clone());
    let path = resolved.path(&report, partner, anchors);
    if !report.valid {
        super::validity::refuse_chain(b, side, partner, anchors, &report);
        return false;
    }
    let names = path
        .iter()
        .map(Certificate::short_name)
        .collect::<Vec<_>>()
        .join(" → ");
    b.step(
        id,
        title,
        &partner.short_name(),
        "RFC 5280 §6.1",
        Outcome::Pass,
        format!("Valid: {names}."),
    );
    let check = check_side(resolved, side, &path);
    if let Some(revoked) = &check.revoked {
        let url = check
            .answers
            .iter()
            .find_map(|(_, a)| match a {
                Answer::Revoked { url, .. } => Some(url.clone()),
                _ => None,
            })
            .unwrap_or_default();
        b.diagnosis.revocation.push(super::Revocation {
            side,
            certificate: revoked.subject.rfc4514.clone(),
            short_name: revoked.short_name(),
            ca: revoked.fingerprints != partner.fingerprints,
            finding: super::Finding::Revoked { url },
        });
    } else if let Some((cert, unknown)) = &check.unknown {
        b.diagnosis.revocation.push(super::Revocation {
            side,
            certificate: cert.subject.rfc4514.clone(),
            short_name: cert.short_name(),
            ca: cert.fingerprints != partner.fingerprints,
            finding: super::Finding::Undetermined(unknown.clone()),
        });
    }
    if check.fell_through {
        b.assume("revocation-fallthrough");
    }
    if check.without_next_update {
        b.assume("next-update-absent");
    }
    if !check.printed.is_empty() {
        b.assume("openssl-output-as-gskit");
    }
    // The first MQAIR is the client's responder; others are never asked (lint first-mqair-only).
    if side == Side::Client
        && b.resolved
            .client
            .effective_sco()
            .is_some_and(|sco| sco.auth_info_records.len() > 1)
    {
        b.assume("first-mqair-only");
    }
    // IBM documents GSKit's scope (every certificate but the root, q135040); an OpenSSL
    // queue manager is assumed to check the same certificates.
    let openssl_qm = side == Side::QueueManager && resolved.qm.tls == QmTls::Openssl;
    if openssl_qm && check.checked {
        b.assume("openssl-qm-revocation-scope");
    }
    b.diagnosis
        .steps
        .extend(check.steps.iter().cloned().map(|mut step| {
            if openssl_qm {
                step.explanation = step.explanation.replace(
                    "GSKit checks every certificate of the chain except the root.",
                    "GSKit checks every certificate of the chain except the root; this OpenSSL queue manager is assumed to do the same.",
                );
            }
            step
        }));
    match side {
        Side::Client => b.diagnosis.client_trace.extend(check.ocsp_trace.clone()),
        Side::QueueManager => b
            .diagnosis
            .queue_manager_trace
            .extend(check.ocsp_trace.clone()),
    }
    apply_policy(b, side, &check)
}
