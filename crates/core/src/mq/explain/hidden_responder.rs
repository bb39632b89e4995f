//! A C client whose log shows a revocation check of the queue manager's certificate (AMQ9716,
//! or AMQ9633 with GSKit's 575032) while the configuration pasted gives it nothing to ask (no
//! MQAIR, no CCDT AUTHINFO, OCSPCheckExtensions=NO or no AIA in the certificate): the client has
//! a responder the ticket does not show. The usual one is the AUTHINFO IBM copies from the queue
//! manager's SSLCRLNL into its binary CCDT, which the client then uses after any MQAIR record
//! (IBM, "Location of the OCSP responder and the LDAP servers that hold CRLs",
//! https://www.ibm.com/docs/en/ibm-mq/9.4?topic=acammc-location-ocsp-responder-ldap-servers-that-hold-crls ;
//! "Accessing CRLs and ARLs with a queue manager",
//! https://www.ibm.com/docs/en/ibm-mq/9.0?topic=lists-accessing-crls-arls-queue-manager ).
//! It is supposed, its URL unknown, so that the responder questions can ask what it answered.

use super::{Change, Choice, Observations, base};
use crate::mq::case::Resolved;
use crate::mq::config::{AuthInfo, AuthInfoKind};
use crate::mq::java::ClientKind;
use crate::mq::revocation::{Side, check_side};

/// The URL given to the supposed responder: a placeholder (a name in angle brackets), which every
/// check takes as unknown, not malformed (`redact::placeholder`).
pub(super) const HIDDEN_URL: &str = "http://<OCSPURL not shown>/";

/// The supposition, when the client's log shows a revocation check the pasted configuration
/// cannot make; `None` otherwise.
pub(super) fn hidden_responder_question(
    resolved: &Resolved,
    observed: &Observations,
) -> Option<Vec<Choice>> {
    let client = &resolved.client;
    if client.kind != ClientKind::C || client.settings_complete {
        return None;
    }
    let checked_by_client = observed.messages.iter().any(|m| {
        m.side == Side::Client
            && match base(&m.id).as_str() {
                "AMQ9716" => true,
                "AMQ9633" => m.validation_error == Some(575_032),
                _ => false,
            }
    });
    if !checked_by_client {
        return None;
    }
    let partner = resolved.qm_cert.as_ref()?;
    let report = resolved.verify_chain(partner, &resolved.client_trust);
    let path = resolved.path(&report, partner, &resolved.client_trust);
    if !report.valid || check_side(resolved, Side::Client, &path).checked {
        return None;
    }
    // With CDPCheckExtensions=YES the client fetches the CRL the queue manager's certificate
    // names (IBM, "SSL stanza of the client configuration file": "SSL or TLS channels try to
    // check CDP servers"): where the ticket shows that distribution point and the certificate
    // is a stand-in without one, that fetch is the check the log shows.
    if client.ssl.cdp_check_extensions.value
        && partner.crl_urls().is_empty()
        && let Some((line, url)) = observed.crl_urls_shown.first()
    {
        return Some(vec![Choice {
            change: Change::SupposedCdp(url.clone()),
            cost: 0,
            words: format!(
                "the queue manager's certificate names the CRL distribution point {url} (line {line}), which CDPCheckExtensions=YES makes the client fetch"
            ),
            contradicts: None,
        }]);
    }
    Some(vec![Choice {
        change: Change::HiddenResponder(AuthInfo {
            name: "(not shown)".into(),
            kind: AuthInfoKind::Ocsp {
                url: HIDDEN_URL.into(),
            },
        }),
        cost: 1,
        words:
            "the client's log shows a revocation check that the configuration pasted cannot make (no MQAIR or CCDT AUTHINFO, and no AIA responder it may ask): the client asks an OCSP responder the ticket does not show — an AUTHINFO(OCSP) in the client's binary CCDT (copied from the queue manager's SSLCRLNL), or an MQAIR record; its OCSPURL is not shown"
            .into(),
        contradicts: None,
    }])
}
