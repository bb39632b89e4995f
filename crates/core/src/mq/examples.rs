//! The built-in cases: every scenario of the seed walk-through (an MQ 9.2 Windows client with
//! `mqpgfc`, an HPE NonStop queue manager PL81N, an `openssl ocsp` responder on each machine), and
//! the WARN / OPTIONAL variants and classic configuration mistakes.
//!
//! The certificates are the reproducible fixtures of `testdata/fixtures/` (same names, serials and
//! dates as the seed; keys generated from fixed seeds).

use super::case::{Case, ClientSide, FORMAT, QmSide, Responder, ResponderState, VERSION};
use super::config::QmTls;
use super::dotnet::{DotnetSettings, Platform};
use super::java::{ClientKind, JavaSettings};
use std::collections::BTreeMap;

mod neighbours;

/// Certificates that stand in for a ticket that pasted none (the seed's: the queue manager's
/// chain, the client's chain), with their short names; the diagnosis names them as stand-ins.
pub fn stand_ins() -> (String, [&'static str; 2]) {
    (
        [QUEUE_MANAGER, SERVER_CA, CLIENT, CLIENT_CA].concat(),
        [
            "www.sd.pulsarintegration.PL81N.com",
            "www.pulsarintegration.PL921WC.com",
        ],
    )
}

const QUEUE_MANAGER: &str = include_str!("../../../../testdata/fixtures/queue-manager.pem");
const SERVER_CA: &str = include_str!("../../../../testdata/fixtures/server-ca.pem");
const CLIENT: &str = include_str!("../../../../testdata/fixtures/client.pem");
const CLIENT_CA: &str = include_str!("../../../../testdata/fixtures/client-ca.pem");

/// The server machine's responder (`nsca`), which the client's MQAIR names.
pub const SERVER_RESPONDER: &str = "http://nsca.example.test:2560/";
/// The client machine's responder (`winca`), which the queue manager's AUTHINFO names.
pub const CLIENT_RESPONDER: &str = "http://winca.example.test:2560/";

pub(super) const COMMAND_LINE: &str = r#"mqpgfc -qm PL81N -q LQ1 MQGMO_WAIT MQWI_UNLIMITED -x qm.example.test:1414 -ch PL81N.MQICHL -cl PL921WCA -cs TLS_AES_128_GCM_SHA256 MQCD_VERSION_11 -ru "http://nsca.example.test:2560/" -tr MQAIR_VERSION_2 MQAIT_OCSP MQCNO_VERSION_4 -kr "..\clientssl\key""#;

pub(super) const MQSC: &str = "DEFINE CHANNEL(PL81N.MQICHL) CHLTYPE(SVRCONN) TRPTYPE(TCP) +\n  SSLCIPH(TLS_AES_128_GCM_SHA256) SSLCAUTH(REQUIRED)\nDEFINE AUTHINFO(OCSP.WINCA) AUTHTYPE(OCSP) OCSPURL('http://winca.example.test:2560/')\nDEFINE NAMELIST(SSL.CRLNL) NAMES(OCSP.WINCA)\nALTER QMGR SSLCRLNL(SSL.CRLNL)\nREFRESH SECURITY TYPE(SSL)\n";

const QM_SUBJECT: &str =
    "/C=AU/ST=Sydney/O=Pulsar Integration PL81NA Inc./CN=www.sd.pulsarintegration.PL81N.com";
const CLIENT_SUBJECT: &str =
    "/C=JP/ST=Chiba/O=Pulsar Integration PL921WC Inc./CN=www.pulsarintegration.PL921WC.com";

fn index(serial: &str, expiry: &str, revoked: Option<&str>, subject: &str) -> String {
    match revoked {
        Some(time) => format!("R\t{expiry}\t{time}\t{serial}\tunknown\t{subject}\n"),
        None => format!("V\t{expiry}\t\t{serial}\tunknown\t{subject}\n"),
    }
}

/// The seed's setup with both responders up and nothing revoked.
pub(super) fn base(title: &str, description: &str, at: &str) -> Case {
    Case {
        format: FORMAT.to_owned(),
        version: VERSION,
        title: title.to_owned(),
        description: description.to_owned(),
        at: at.to_owned(),
        material: [QUEUE_MANAGER, SERVER_CA, CLIENT, CLIENT_CA].concat(),
        client: ClientSide {
            command_line: Some(COMMAND_LINE.to_owned()),
            mqcno: None,
            mqcd: None,
            ccdt_json: None,
            mqclient_ini: String::new(),
            key_listing: None,
            environment: BTreeMap::new(),
            certificate: Some("www.pulsarintegration.PL921WC.com".to_owned()),
            trust: vec!["www.sd.pulsarintegration.com".to_owned()],
            ocsp_authentication: None,
            mqair_version: None,
            mqcno_version: None,
            peer_name: None,
            error_log: String::new(),
            mq_version: None,
            kind: None,
            java: None,
            settings_complete: false,
            windows_proxy: None,
            channel: None,
            dotnet: None,
        },
        queue_manager: QmSide {
            name: "PL81N".to_owned(),
            tls: QmTls::Openssl,
            mqsc: MQSC.to_owned(),
            qm_ini: String::new(),
            certificate: Some("www.sd.pulsarintegration.PL81N.com".to_owned()),
            trust: vec!["www.pulsarintegration.com".to_owned()],
            ocsp_authentication: None,
            sslpeer: None,
            sslcauth: None,
            error_log: String::new(),
        },
        responders: vec![
            Responder {
                url: SERVER_RESPONDER.to_owned(),
                state: ResponderState::Up,
                index: Some(index("01", "310802082027Z", None, QM_SUBJECT)),
                ca: Some("www.sd.pulsarintegration.com".to_owned()),
            },
            Responder {
                url: CLIENT_RESPONDER.to_owned(),
                state: ResponderState::Up,
                index: Some(index("02", "310816062807Z", None, CLIENT_SUBJECT)),
                ca: Some("www.pulsarintegration.com".to_owned()),
            },
        ],
        live: None,
        evidence: Default::default(),
    }
}

fn responder<'a>(case: &'a mut Case, url: &str) -> Option<&'a mut Responder> {
    case.responders.iter_mut().find(|r| r.url == url)
}

/// Every built-in case, by name.
pub fn examples() -> Vec<(&'static str, Case)> {
    let mut out = Vec::new();
    out.push(("good", base("OCSP good on both sides", "Both responders are up and know both certificates: the client connects (seed, first run).", "2022-02-02T13:22:24Z")));

    let mut case = base(
        "The responder the client consults is down",
        "The server machine's openssl responder, which the client's MQAIR names, is stopped. mqclient.ini does not set OCSPAuthentication, so REQUIRED applies: MQCONNX fails with 2393, the client logs AMQ9716E and an FFST, the queue manager logs nothing.",
        "2022-02-02T14:38:22Z",
    );
    if let Some(r) = responder(&mut case, SERVER_RESPONDER) {
        r.state = ResponderState::Down;
    }
    out.push(("client-responder-down", case.clone()));

    let mut warn = case.clone();
    warn.title = "The client's responder is down, OCSPAuthentication=WARN".into();
    warn.description = "As client-responder-down, with OCSPAuthentication=WARN in mqclient.ini: the connection continues with a warning.".into();
    warn.client.mqclient_ini = "SSL:\n  OCSPAuthentication=WARN\n".into();
    out.push(("client-responder-down-warn", warn));

    let mut optional = case;
    optional.title = "The client's responder is down, OCSPAuthentication=OPTIONAL".into();
    optional.description = "As client-responder-down, with OCSPAuthentication=OPTIONAL in mqclient.ini: the connection continues silently.".into();
    optional.client.mqclient_ini = "SSL:\n  OCSPAuthentication=OPTIONAL\n".into();
    out.push(("client-responder-down-optional", optional));

    let mut case = base(
        "The responder the queue manager consults is down",
        "The client machine's openssl responder, which the queue manager's AUTHINFO names, is stopped: the queue manager logs AMQ9716, the client sees AMQ9665E and 2393.",
        "2022-02-02T15:23:38Z",
    );
    if let Some(r) = responder(&mut case, CLIENT_RESPONDER) {
        r.state = ResponderState::Down;
    }
    out.push(("qm-responder-down", case.clone()));

    let mut warn = case;
    warn.title = "The queue manager's responder is down, OCSPAuthentication=WARN".into();
    warn.description = "As qm-responder-down, with OCSPAuthentication=WARN in qm.ini: the channel starts and the queue manager raises a Channel SSL Warning event (2552, MQRQ_SSL_UNKNOWN_REVOCATION).".into();
    warn.queue_manager.qm_ini = "SSL:\n  OCSPAuthentication=WARN\n".into();
    out.push(("qm-responder-down-warn", warn));

    let mut case = base(
        "Server certificate revoked",
        "The queue manager's certificate (serial 01) is revoked in the server responder's index.txt: the client logs AMQ9633E (e) with validation error 575032, the NonStop queue manager logs AMQ9633 'sslv3 alert bad certificate' (1042).",
        "2022-02-02T16:46:29Z",
    );
    if let Some(r) = responder(&mut case, SERVER_RESPONDER) {
        r.index = Some(index(
            "01",
            "310802082027Z",
            Some("210929080911Z"),
            QM_SUBJECT,
        ));
    }
    out.push(("server-revoked", case));

    let mut case = base(
        "Client certificate revoked",
        "The client's certificate (serial 02, label PL921WCA) is revoked in the client responder's index.txt: the queue manager logs AMQ9633 'revoked by AUTHINFO URL' (23), the client sees AMQ9665E and 2393.",
        "2022-02-02T17:19:44Z",
    );
    if let Some(r) = responder(&mut case, CLIENT_RESPONDER) {
        r.index = Some(index(
            "02",
            "310816062807Z",
            Some("220202080659Z"),
            CLIENT_SUBJECT,
        ));
    }
    out.push(("client-revoked", case));

    let mut case = base(
        "OCSPResponderURL in uppercase",
        "The MQAIR's URL starts with HTTP:// in uppercase: MQCONNX fails with 2553 MQRC_OCSP_URL_ERROR before any connection.",
        "2022-02-02T13:22:24Z",
    );
    case.client.command_line = Some(COMMAND_LINE.replace("\"http://nsca", "\"HTTP://nsca"));
    out.push(("ocsp-url-uppercase", case));

    let mut case = base(
        "Key repository given with .kdb (MQ 9.2 client)",
        "-kr names the key repository with its .kdb extension on an MQ 9.2 client: before MQ 9.3 MQ appends .kdb itself and fails with 2381 (from 9.3 the extension is accepted).",
        "2022-02-02T13:22:24Z",
    );
    case.client.command_line =
        Some(COMMAND_LINE.replace(r#"..\clientssl\key""#, r#"..\clientssl\key.kdb""#));
    case.client.mq_version = Some("9.2.0.4".to_owned());
    out.push(("key-repository-kdb", case));

    let mut case = base(
        "MQAIR version 1",
        "MQAIR_VERSION_2 was left out: OCSPResponderURL is silently ignored and the client falls back to the AIA URL of the queue manager's certificate (here the same responder).",
        "2022-02-02T13:22:24Z",
    );
    case.client.command_line = Some(COMMAND_LINE.replace(" MQAIR_VERSION_2", ""));
    out.push(("mqair-version-1", case));

    let mut case = base(
        "The client's SSLPeerName does not match",
        "The application sets SSLPeerName (mqpgfc -cp) to the queue manager's CN with the wrong organisation: both handshakes and both OCSP checks pass, then the client ends the connection with 2398 MQRC_SSL_PEER_NAME_MISMATCH and logs AMQ9636E. Not part of the seed.",
        "2022-02-02T13:22:24Z",
    );
    case.client.command_line = Some(format!(
        "{COMMAND_LINE} -cp \"CN=www.sd.pulsarintegration.PL81N.com, O=Pulsar Integration PL81N Inc.\""
    ));
    out.push(("client-peer-name-mismatch", case));

    let mut case = base(
        "The channel's SSLPEER does not match the client",
        "The SVRCONN channel has SSLPEER naming another client: the queue manager logs AMQ9636 with the client's DN and raises a Channel SSL Error event (MQRQ_SSL_PEER_NAME_ERROR); what the C client gets is an assumption (2059). Not part of the seed.",
        "2022-02-02T13:22:24Z",
    );
    case.queue_manager.mqsc = MQSC.replace(
        "SSLCAUTH(REQUIRED)",
        "SSLCAUTH(REQUIRED) +\n  SSLPEER('CN=www.pulsarintegration.PL921WC.com, O=Pulsar Integration PL921WD Inc.')",
    ) + "ALTER QMGR SSLEV(ENABLED)\n";
    out.push(("channel-sslpeer-mismatch", case));
    out.extend(java_examples());
    out.extend(neighbours::examples());
    out.extend(dotnet_examples());
    out
}

/// The seed's setup with an application on the IBM MQ classes for Java/JMS instead of mqpgfc:
/// the JVM's settings decide revocation, and the C client's MQAIR is not there.
fn java(title: &str, description: &str, settings: Option<JavaSettings>) -> Case {
    let mut case = base(title, description, "2022-02-02T16:46:29Z");
    case.client.kind = Some(ClientKind::Java);
    case.client.java = settings;
    case.client.command_line = Some(COMMAND_LINE.replace(
        r#" -ru "http://nsca.example.test:2560/" -tr MQAIR_VERSION_2 MQAIT_OCSP"#,
        "",
    ));
    case
}

fn revoke_server(case: &mut Case) {
    if let Some(r) = responder(case, SERVER_RESPONDER) {
        r.index = Some(index(
            "01",
            "310802082027Z",
            Some("210929080911Z"),
            QM_SUBJECT,
        ));
    }
}

fn java_examples() -> Vec<(&'static str, Case)> {
    let on = JavaSettings {
        check_revocation: Some(true),
        ocsp_enable: Some(true),
        ..JavaSettings::default()
    };
    let mut out = Vec::new();
    let mut case = java(
        "Java client: the queue manager's certificate is revoked",
        "A JMS application with -Dcom.sun.net.ssl.checkRevocation=true and ocsp.enable=true: JSSE asks the AIA responder of the queue manager's certificate, which answers revoked; the application gets JMSWMQ0018 / JMSCMQ0001 reason 2397 MQRC_JSSE_ERROR with 'Certificate has been revoked'. Not part of the seed.",
        Some(on.clone()),
    );
    revoke_server(&mut case);
    out.push(("java-server-revoked", case));
    let mut case = java(
        "Java client: the AIA responder cannot be reached",
        "Revocation checking on in the JVM, the responder named in the queue manager's certificate stopped: JSSE fails with 'Unable to determine revocation status due to network error' (no soft-fail by default), 2397. Not part of the seed.",
        Some(on.clone()),
    );
    if let Some(r) = responder(&mut case, SERVER_RESPONDER) {
        r.state = ResponderState::Down;
    }
    out.push(("java-responder-down", case));
    let mut case = java(
        "Java client: revocation checking off",
        "The JVM runs without com.sun.net.ssl.checkRevocation: JSSE checks no revocation, so the revoked queue manager certificate is accepted and the application connects. Not part of the seed.",
        None,
    );
    revoke_server(&mut case);
    out.push(("java-revocation-off", case));
    let mut case = java(
        "Java client: OCSP configured for the C client only",
        "The typical Java mistake: OCSP is set up in mqclient.ini (OCSPAuthentication=REQUIRED) and the application's MQAIR, as for a C client, but the IBM MQ classes for Java/JMS cannot use the OCSP information of a CCDT or MQAIR: with the JVM's revocation checking off, the revoked certificate is accepted. Not part of the seed.",
        None,
    );
    case.client.command_line = Some(COMMAND_LINE.to_owned());
    case.client.mqclient_ini = "SSL:\n  OCSPAuthentication=REQUIRED\n".to_owned();
    revoke_server(&mut case);
    out.push(("java-ocsp-in-c-settings", case));
    out
}

/// The seed's setup with a managed .NET application (IBM MQ classes for .NET over SslStream) on
/// Windows instead of mqpgfc: SSLCertRevocationCheck and the certificates' AIA decide revocation;
/// the application sets SSLPEERNAME (without it the managed client validates nothing).
fn dotnet(title: &str, description: &str, revocation_check: Option<bool>) -> Case {
    let mut case = base(title, description, "2022-02-02T16:46:29Z");
    case.client.kind = Some(ClientKind::Dotnet);
    case.client.dotnet = Some(DotnetSettings {
        revocation_check,
        platform: Some(Platform::Windows),
    });
    case.client.command_line = Some(COMMAND_LINE.replace(
        r#" -ru "http://nsca.example.test:2560/" -tr MQAIR_VERSION_2 MQAIT_OCSP"#,
        "",
    ));
    case.client.peer_name = Some("CN=www.sd.pulsarintegration.PL81N.com".to_owned());
    case
}

fn dotnet_examples() -> Vec<(&'static str, Case)> {
    let mut out = Vec::new();
    let mut case = dotnet(
        ".NET client: the queue manager's certificate is revoked",
        "A managed .NET application with MQEnvironment.SSLCertRevocationCheck = true and an SSLPEERNAME: the Windows chain engine asks the AIA responder of the queue manager's certificate, which answers revoked; SslStream throws an AuthenticationException (chain status Revoked) inside the MQException. Not part of the seed.",
        Some(true),
    );
    revoke_server(&mut case);
    out.push(("dotnet-server-revoked", case));
    let mut case = dotnet(
        ".NET client: the AIA responder cannot be reached",
        "SSLCertRevocationCheck on, the responder named in the queue manager's certificate stopped: the chain status is RevocationStatusUnknown and OfflineRevocation, and the managed client refuses the certificate (there is no WARN policy for SslStream). Not part of the seed.",
        Some(true),
    );
    if let Some(r) = responder(&mut case, SERVER_RESPONDER) {
        r.state = ResponderState::Down;
    }
    out.push(("dotnet-responder-down", case));
    let mut case = dotnet(
        ".NET client: revocation checking off",
        "SSLCertRevocationCheck is not set (default false): SslStream checks the chain with X509RevocationMode.NoCheck, so the revoked queue manager certificate is accepted and the application connects. Not part of the seed.",
        None,
    );
    revoke_server(&mut case);
    out.push(("dotnet-revocation-off", case));
    let mut case = dotnet(
        ".NET client: OCSP configured in the MQAIR and mqclient.ini",
        "The typical .NET mistake: OCSP is set up as for a C client (an MQAIR naming the responder, OCSPAuthentication=REQUIRED in mqclient.ini), but the managed .NET client's revocation check uses only the servers named in the certificate, and only with SSLCertRevocationCheck: without it the revoked certificate is accepted. Not part of the seed.",
        None,
    );
    case.client.command_line = Some(COMMAND_LINE.to_owned());
    case.client.mqclient_ini = "SSL:\n  OCSPAuthentication=REQUIRED\n".to_owned();
    revoke_server(&mut case);
    out.push(("dotnet-ocsp-in-c-settings", case));
    let mut case = dotnet(
        ".NET client: revocation on but no SSLPEERNAME",
        "SSLCertRevocationCheck = true but no SSLPEERNAME: IBM documents that the managed .NET client then accepts the server certificate as-is, so the revoked queue manager certificate is accepted. Not part of the seed.",
        Some(true),
    );
    case.client.peer_name = None;
    revoke_server(&mut case);
    out.push(("dotnet-no-peer-name", case));
    out
}

/// One built-in case by name.
pub fn example(name: &str) -> Option<Case> {
    examples()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, case)| case)
}
