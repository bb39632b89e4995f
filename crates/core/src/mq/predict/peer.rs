//! After the handshake: each side's peer-name filter (the client's SSLPeerName, the channel's
//! SSLPEER) against the distinguished name in its partner's certificate.

use super::{Builder, Change, Event};
use crate::certificate::Certificate;
use crate::mq::codes::Certainty;
use crate::mq::config::QmTls;
use crate::mq::sslpeer::{PeerDn, PeerPattern, RULES};
use crate::verify::trace::Outcome;

/// The SSLPEER attribute: a mismatch stops the channel; the event that goes with it.
const SSLPEER: &str = "https://www.ibm.com/docs/SSFKSJ_9.2.0/com.ibm.mq.ref.con.doc/q082250_.htm";

fn amq9636(channel: &str, dn: &PeerDn) -> String {
    format!(
        "SSL distinguished name does not match peer name, channel '{channel}'. The distinguished name, '{}', contained in the SSL certificate for the remote end of the channel does not match the local SSL peer name for channel '{channel}'.",
        dn.text()
    )
}

/// The client's SSLPeerName against the queue manager's certificate. False when the connection
/// stops here.
pub(super) fn client_peer_name(b: &mut Builder<'_>, qm_cert: &Certificate) -> bool {
    let Some(text) = b.resolved.client.mqcd.peer_name.clone() else {
        return true;
    };
    // A malformed pattern already stopped MQCONNX with 2399 (lint `sslpeername-format`).
    let Ok(pattern) = PeerPattern::parse(&text) else {
        return true;
    };
    b.assume("sslpeer-model");
    let dn = PeerDn::of(qm_cert);
    let channel = b.channel.clone();
    let title = "The client checks SSLPeerName";
    match pattern.check(&dn) {
        Ok(()) => {
            b.step(
                "mq.client_peer_name",
                title,
                &qm_cert.short_name(),
                RULES,
                Outcome::Pass,
                format!(
                    "SSLPeerName '{text}' matches the queue manager's DN '{}'.",
                    dn.text()
                ),
            );
            true
        }
        Err(mismatch) => {
            b.step("mq.client_peer_name", title, &qm_cert.short_name(), RULES, Outcome::Fail, format!("SSLPeerName '{text}' does not match the queue manager's DN '{}': {mismatch}. The handshake completed, then the client ends the connection.", dn.text()));
            b.fail(2398);
            if b.resolved.client.kind == crate::mq::java::ClientKind::Dotnet {
                super::dotnet::peer_name_mismatch(b);
            } else {
                b.assume("client-peer-name-2398");
                b.client_log("AMQ9636", amq9636(&channel, &dn), Certainty::Partial);
            }
            b.assume("qm-log-after-client-peer-mismatch");
            let suggested = dn.suggested_pattern();
            b.fix("Match SSLPeerName to the queue manager's certificate", format!("The queue manager presents '{}'. Set SSLPeerName (MQCD, mqpgfc -cp, or certificatePeerName in the CCDT) to a pattern it matches, such as '{suggested}'; if it is the wrong certificate, correct the queue manager's CERTLABL instead.", dn.text()), Some(Change::ClientPeerName { value: suggested }));
            false
        }
    }
}

/// The channel's SSLPEER against the client's certificate. False when the connection stops here.
pub(super) fn qm_sslpeer(b: &mut Builder<'_>, client_cert: &Certificate) -> bool {
    let Some(text) = b.resolved.qm.channel.sslpeer.clone() else {
        return true;
    };
    let title = "The queue manager checks the channel's SSLPEER";
    let Ok(pattern) = PeerPattern::parse(&text) else {
        b.step("mq.qm_sslpeer", title, &client_cert.short_name(), RULES, Outcome::Skip, format!("SSLPEER('{text}') breaks MQ's rules, so it cannot be the value in effect (see the configuration findings); the client's DN is not checked."));
        return true;
    };
    b.assume("sslpeer-model");
    let dn = PeerDn::of(client_cert);
    let channel = b.channel.clone();
    match pattern.check(&dn) {
        Ok(()) => {
            b.step(
                "mq.qm_sslpeer",
                title,
                &client_cert.short_name(),
                SSLPEER,
                Outcome::Pass,
                format!("SSLPEER('{text}') matches the client's DN '{}'.", dn.text()),
            );
            true
        }
        Err(mismatch) => {
            b.step("mq.qm_sslpeer", title, &client_cert.short_name(), SSLPEER, Outcome::Fail, format!("SSLPEER('{text}') does not match the client's DN '{}': {mismatch}. The handshake completed, then the queue manager ends the channel.", dn.text()));
            b.fail(2059);
            b.assume("qm-sslpeer-client-reason");
            let certainty = match b.resolved.qm.tls {
                QmTls::Gskit => Certainty::Confirmed,
                QmTls::Openssl | QmTls::SystemSsl => Certainty::Partial,
            };
            b.qm_log("AMQ9636", amq9636(&channel, &dn), certainty);
            b.diagnosis.events.push(Event {
                reason: 2371,
                name: "MQRC_CHANNEL_SSL_ERROR".into(),
                qualifier: "MQRQ_SSL_PEER_NAME_ERROR".into(),
            });
            let suggested = dn.suggested_pattern();
            b.fix("Match the channel's SSLPEER to the client's certificate", format!("The client presents '{}'. ALTER CHANNEL({channel}) CHLTYPE(SVRCONN) SSLPEER('{}') matches it, for the connections that start after the change; if it is the wrong certificate, give the client the one the channel expects (its CertificateLabel).", dn.text(), suggested.replace('\'', "''")), Some(Change::QmSslpeer { value: suggested }));
            false
        }
    }
}
