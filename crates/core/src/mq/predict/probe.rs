//! What a live TLS handshake decided, laid over what the offline model predicts: a listener that
//! could not be reached, one that demanded a client certificate, one that aborted.

use crate::mq::evidence::ProbeEvidence;

/// What the handshake itself decided, over what the offline model predicts.
pub(super) fn apply_probe(d: &mut super::Diagnosis, live: &ProbeEvidence, channel: &str) {
    use super::LogEntry;
    use crate::mq::codes::Certainty;
    use crate::verify::trace::{Outcome, Step};
    let step = |id: &'static str, title: &str, outcome: Outcome, explanation: String| Step {
        id,
        title: title.to_owned(),
        subject: live.target.clone(),
        outcome,
        explanation,
        evidence: vec![],
        reference: "mqocsp probe",
    };
    let mut steps = vec![step(
        "live.tls",
        "TLS handshake with the listener",
        if live.error.is_some() || !live.connected {
            Outcome::Fail
        } else {
            Outcome::Pass
        },
        match (&live.error, live.connected) {
            (Some(error), _) => error.clone(),
            (None, false) => "no TCP connection".to_owned(),
            (None, true) => format!(
                "SNI {}; {} with {}; the listener presented {} certificate(s){}.",
                live.sni,
                live.protocol.clone().unwrap_or_default(),
                live.cipher_suite.clone().unwrap_or_default(),
                live.chain.len(),
                if live.stapled_ocsp {
                    " and a stapled OCSP response"
                } else {
                    ""
                }
            ),
        },
    )];
    let fail = |d: &mut super::Diagnosis, client: Vec<LogEntry>, qm: Vec<LogEntry>, reason: u32| {
        d.outcome.connected = false;
        d.outcome.completion_code = 2;
        d.outcome.reason_code = Some(reason);
        d.outcome.reason_name = crate::mq::codes::reason_name(reason).map(str::to_owned);
        d.outcome.client_log = client.iter().map(|l| l.id.clone()).collect();
        d.outcome.queue_manager_log = qm.iter().map(|l| l.id.clone()).collect();
        d.client_log = client;
        d.queue_manager_log = qm;
    };
    let entry = |id: &str, text: String, certainty| LogEntry {
        id: id.to_owned(),
        text: format!("{id}: {text}"),
        certainty,
    };
    if !live.connected {
        steps.push(step(
            "live.connect",
            "Reach the listener",
            Outcome::Fail,
            "No TCP connection: MQCONNX fails before any TLS with 2538 MQRC_HOST_NOT_AVAILABLE."
                .into(),
        ));
        fail(
            d,
            vec![entry(
                "AMQ9202E",
                format!("Remote host not available for channel '{channel}'."),
                Certainty::Partial,
            )],
            vec![],
            2538,
        );
    } else if live.client_certificate_requested
        && (live.alert_after_handshake.is_some() || live.error.is_some())
    {
        steps.push(step("live.client_certificate", "The listener demands a client certificate", Outcome::Fail, format!(
            "The listener asked for a client certificate (acceptable CAs: {}) and closed the connection when the probe sent none: the queue manager has SSLCAUTH(REQUIRED). An MQ client without a certificate logs AMQ9642 and the queue manager AMQ9637 (APAR IT15978), as the offline prediction says. Give the client a certificate whose issuer is one of the acceptable CAs.",
            if live.acceptable_cas.is_empty() { "any".to_owned() } else { live.acceptable_cas.join("; ") }
        )));
        // The same answer as the prediction's for a client without a certificate (IT15978).
        let [client, qm] = super::lacking_certificate(channel).map(|(_, id, text)| {
            let id = crate::mq::codes::written_id(id, None).0;
            entry(&id, text, Certainty::Confirmed)
        });
        fail(d, vec![client], vec![qm], 2393);
    } else if let Some(alert) = live.error.as_ref().or(live.alert_after_handshake.as_ref()) {
        steps.push(step("live.aborted", "The listener aborted the handshake", Outcome::Fail, format!("{alert}. The client logs that the remote end closed the connection; the reason is in the queue manager's log.")));
        fail(
            d,
            vec![entry(
                "AMQ9665E",
                format!("SSL connection closed by remote end of channel '{channel}'."),
                Certainty::Partial,
            )],
            vec![],
            2393,
        );
    } else if live.client_certificate_requested {
        steps.push(step("live.client_certificate", "The listener asks for a client certificate", Outcome::Warn, "The listener asked for a client certificate but accepted the connection without one (SSLCAUTH(OPTIONAL)).".into()));
    }
    steps.append(&mut d.steps);
    d.steps = steps;
}
