//! Built-in cases for the neighbours of a revocation failure, the other reasons a 2393 ticket
//! has: certificates outside their validity period, chains that do not reach a trusted CA.
//! Built on the seed's setup (`examples::base`); the chains that need an intermediate CA are the
//! tickets' Northwind PKI (`testdata/tickets/pki`).

use super::{COMMAND_LINE, MQSC, base};
use crate::mq::case::Case;
use crate::mq::config::QmTls;

const NW_QM: &str = include_str!("../../../../../testdata/tickets/pki/qm.pem");
const NW_ISSUING: &str = include_str!("../../../../../testdata/tickets/pki/issuing.pem");
const NW_ROOT: &str = include_str!("../../../../../testdata/tickets/pki/root.pem");
const CLIENT: &str = include_str!("../../../../../testdata/fixtures/client.pem");
const CLIENT_CA: &str = include_str!("../../../../../testdata/fixtures/client-ca.pem");
/// The seed's queue manager CA: the "old CA" a client's key repository still holds.
const SERVER_CA: &str = include_str!("../../../../../testdata/fixtures/server-ca.pem");

/// The seed's setup with the queue manager's certificate replaced by Northwind's
/// mqprd01.northwind.example, issued by an intermediate CA (`material` says which of its chain
/// is there).
fn northwind_qm(title: &str, description: &str, material: &[&str]) -> Case {
    let mut case = base(title, description, "2026-11-30T10:15:00Z");
    case.material = material.concat() + SERVER_CA + CLIENT + CLIENT_CA;
    case.queue_manager.certificate = Some("mqprd01.northwind.example".into());
    case.queue_manager.tls = QmTls::Gskit;
    case.queue_manager.name = "MQPRD01".into();
    // The seed's server-side responder knows the seed's queue manager only.
    case.responders.retain(|r| r.url == super::CLIENT_RESPONDER);
    case
}

/// Every built-in case of this file, by name.
pub(super) fn examples() -> Vec<(&'static str, Case)> {
    let mut out = Vec::new();
    let mut case = base(
        "The queue manager's own certificate has expired",
        "A Linux queue manager (GSKit) whose certificate expired an hour ago: it checks its own certificate before sending it (APAR IT32081) and logs AMQ9797E; the client sees the connection closed and gets 2393. Not part of the seed.",
        "2031-08-02T09:20:00Z",
    );
    case.queue_manager.tls = QmTls::Gskit;
    out.push(("qm-certificate-expired", case));

    let mut case = base(
        "The CA that issued the client's certificate has expired",
        "The client's certificate is still valid but its issuing CA expired this morning: the client's own check covers its certificate only, the queue manager (GSKit) validates the chain and logs AMQ9658E; the client sees AMQ9665E and 2393. Not part of the seed.",
        "2031-08-02T07:00:00Z",
    );
    case.queue_manager.tls = QmTls::Gskit;
    out.push(("client-ca-expired", case.clone()));

    case.title = "The client's CA has expired, HPE NonStop queue manager".into();
    case.description = "As client-ca-expired, with the seed's NonStop queue manager (OpenSSL): it reports the chain as AMQ9633 without a severity letter and OpenSSL's verify error 10 (certificate has expired) — an assumption, since only its revocation form is observed. Not part of the seed.".into();
    case.queue_manager.tls = QmTls::Openssl;
    out.push(("client-ca-expired-nonstop", case));

    let mut case = northwind_qm(
        "The queue manager does not send its intermediate CA",
        "The queue manager's certificate is issued by Northwind Issuing CA 1, which is neither in the queue manager's key repository (so it is not sent) nor in the client's (which holds only the root): the client logs AMQ9633E (b) with validation error 575010. Not part of the seed.",
        &[NW_QM, NW_ROOT],
    );
    case.client.trust = vec!["Northwind Root CA 2025".into()];
    out.push(("qm-chain-missing-intermediate", case));

    let case = northwind_qm(
        "The client does not trust the queue manager's root CA",
        "The queue manager moved to a certificate from Northwind's CA; the client's key repository still holds only the old CA: the chain ends at Northwind Root CA 2025, which the client does not trust, and the client logs AMQ9633E (b) with validation error 575010. Not part of the seed.",
        &[NW_QM, NW_ISSUING, NW_ROOT],
    );
    out.push(("qm-root-not-trusted", case));

    let mut case = base(
        "The client's minimum protocol CipherSpec against a fixed one on the channel",
        "The application asks for ANY_TLS12_OR_HIGHER while the channel names ECDHE_RSA_AES_256_GCM_SHA384: the handshake negotiates TLS 1.3 and the queue manager (GSKit) refuses it after the handshake with AMQ9631E; the client logs AMQ9641 and gets 2393. Not part of the seed.",
        "2022-02-02T13:22:24Z",
    );
    case.queue_manager.tls = QmTls::Gskit;
    case.client.command_line =
        Some(COMMAND_LINE.replace("-cs TLS_AES_128_GCM_SHA256", "-cs ANY_TLS12_OR_HIGHER"));
    case.queue_manager.mqsc = MQSC.replace(
        "SSLCIPH(TLS_AES_128_GCM_SHA256)",
        "SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384)",
    );
    out.push(("cipherspec-mismatch", case));

    let mut case = base(
        "MQCNO version 1: the MQSCO and its key repository are ignored",
        "The application fills an MQSCO with its key repository but leaves MQCNO at version 1, and neither MQSSLKEYR nor mqclient.ini names a key repository (the case states the client's settings in full): MQCONNX fails with 2381 MQRC_KEY_REPOSITORY_ERROR before any handshake. Not part of the seed.",
        "2022-02-02T13:22:24Z",
    );
    case.client.command_line = Some(COMMAND_LINE.replace(" MQCNO_VERSION_4", ""));
    case.client.settings_complete = true;
    out.push(("no-key-repository", case));

    let mut case = base(
        "CHLAUTH maps the client's certificate to a blocked user",
        "TLS succeeds on both sides, then the queue manager's SSLPEERMAP record maps the client's DN to MCAUSER('mqm'), which the default BLOCKUSER('*MQADMIN') record blocks: the queue manager logs AMQ9776E and the application gets 2035 MQRC_NOT_AUTHORIZED, not a TLS reason code. Not part of the seed.",
        "2022-02-02T13:22:24Z",
    );
    case.queue_manager.tls = QmTls::Gskit;
    case.queue_manager.mqsc = MQSC.to_owned()
        + "SET CHLAUTH('PL81N.*') TYPE(SSLPEERMAP) SSLPEER('CN=www.pulsarintegration.PL921WC.com,O=Pulsar Integration PL921WC Inc.') USERSRC(MAP) MCAUSER('mqm')\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN')\n";
    out.push(("chlauth-blocked-user", case));
    out
}
