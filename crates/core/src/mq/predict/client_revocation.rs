//! `ClientRevocationChecks` in mqclient.ini's SSL stanza (MQ 9.3 and later; values REQUIRED,
//! OPTIONAL, DISABLED): whether a C client checks revocation with the OCSP/CRL information of its
//! CCDT or MQSCO. APAR IT44272 (https://www.ibm.com/support/pages/apar/IT44272): with REQUIRED and
//! neither a CCDT nor an MQSCO, MQCONNX fails with 2059 MQRC_Q_MGR_NOT_AVAILABLE and the client's
//! log shows AMQ9518E (AMQCLCHL.TAB not found), before any handshake; addressed by design in
//! 9.3.5. What OPTIONAL and DISABLED change beyond that is not documented in what was read, so
//! they are only reported.

use super::Builder;
use crate::mq::codes::Certainty;
use crate::mq::config::MqVersion;
use crate::mq::ini::ClientRevocationChecks;
use crate::mq::java::ClientKind;
use crate::verify::trace::Outcome;

const IT44272: &str = "https://www.ibm.com/support/pages/apar/IT44272";

/// The first release where a client without a CCDT or MQSCO no longer fails (APAR IT44272).
const FIXED: MqVersion = MqVersion {
    version: 9,
    release: 3,
    modification: 5,
    fix: 0,
};

/// False when MQCONNX stops here: ClientRevocationChecks=REQUIRED on a C client before 9.3.5
/// that has neither a CCDT nor an MQSCO. Only when the case states the client's settings in full
/// (`settings_complete`): a ticket that does not quote a CCDT may still have one.
pub(super) fn ccdt_required(b: &mut Builder<'_>) -> bool {
    let client = &b.resolved.client;
    let Some(setting) = &client.ssl.client_revocation_checks else {
        return true;
    };
    if client.kind != ClientKind::C
        || setting.value != ClientRevocationChecks::Required
        || !client.settings_complete
        || client.effective_sco().is_some()
        || client.has_ccdt()
    {
        return true;
    }
    let version = client.mq_version;
    if version.is_some_and(|v| v < MqVersion::V9_3 || v >= FIXED) {
        return true;
    }
    let source = setting.source.to_string();
    let channel = b.channel.clone();
    b.step(
        "mq.client_revocation_checks",
        "ClientRevocationChecks needs a CCDT or an MQSCO",
        &channel,
        IT44272,
        Outcome::Fail,
        format!(
            "ClientRevocationChecks=REQUIRED ({source}) and the client has neither a CCDT nor an MQSCO (MQCNO version {}): before MQ 9.3.5 MQCONNX looks for the CCDT to read its revocation information, does not find AMQCLCHL.TAB and fails with 2059 (APAR IT44272){}.",
            client.mqcno.version,
            match version {
                Some(v) => format!("; the client is MQ {v}"),
                None => "; the client's MQ version is not known, and a release before 9.3.5 is assumed".into(),
            }
        ),
    );
    if version.is_none() {
        b.assume("client-revocation-checks-version");
    }
    b.client_log(
        "AMQ9518",
        "File '<MQ data directory>/AMQCLCHL.TAB' not found.".into(),
        Certainty::Partial,
    );
    b.fail(2059);
    b.fix(
        "Give ClientRevocationChecks what it reads",
        "Connect with a CCDT (MQCHLLIB/MQCHLTAB or MQCCDTURL) or an MQSCO (MQCNO version 4 or later), or set ClientRevocationChecks=OPTIONAL or DISABLED in mqclient.ini's SSL stanza, or move the client to MQ 9.3.5 or later (APAR IT44272).".into(),
        None,
    );
    false
}
