use super::*;

const CLIENT: &str = "[2022/02/02 14:38:22.459] MQCONNX start qmgr:PL81N Options:0x00000000\n[2022/02/02 14:38:25.569] MQCONNX stop hcon:-1 qmgr:PL81N CompCd=02 ReasonCd=2393\n----- amqccisa.c : 9406 -------------------------------------------------------\nAMQ9716E: Remote SSL certificate revocation status check failed for channel\n'PL81N.MQICHL'\n| Probe Id          :- XC022001                                               |\n| Major Errorcode   :- rrcE_SSL_REVOCATION_CHECK_REQUIRED                       |\n| Comment2          :- gsk_attribute_get_buffer - GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT |\n";

#[test]
fn client_log_and_ffst_from_the_seed() {
    let facts = LogFacts::parse(CLIENT);
    assert_eq!(facts.messages.len(), 1);
    assert_eq!(facts.messages[0].id, "AMQ9716E");
    assert_eq!(facts.messages[0].channel.as_deref(), Some("PL81N.MQICHL"));
    assert!(
        facts.messages[0]
            .meaning
            .as_deref()
            .unwrap()
            .contains("revocation status")
    );
    assert_eq!(facts.reason_codes, vec![(2393, 2)]);
    assert_eq!(facts.times[0].0.to_string(), "2022-02-02T14:38:22Z");
    let ffst = facts.ffst.unwrap();
    assert_eq!(ffst.probe_id.as_deref(), Some("XC022001"));
    assert_eq!(
        ffst.major_errorcode.as_deref(),
        Some("rrcE_SSL_REVOCATION_CHECK_REQUIRED")
    );
}

#[test]
fn queue_manager_log_with_certificate_and_validation_error() {
    let text = "AMQ9633: Bad SSL certificate for channel '????'.\n.... (e) an OCSP responder has indicated that it is revoked ....\nThe details of the certificate which could not be validated are 'Certificate /C=JP/ST=Chiba/O=Pulsar Integration PL921WC Inc./CN=www.pulsarintegration.PL921WC.com was revoked by AUTHINFO URL http://xxx.xxx.xxx.xxx:xxxx'. The certificate validation error was 23.\n";
    let facts = LogFacts::parse(text);
    let message = &facts.messages[0];
    assert_eq!(message.id, "AMQ9633");
    assert_eq!(message.severity, None);
    assert_eq!(message.channel.as_deref(), Some("????"));
    assert_eq!(message.validation_error, Some(23));
    assert!(
        message
            .certificate
            .as_deref()
            .unwrap()
            .contains("was revoked by AUTHINFO URL")
    );
    assert_eq!(message.side, None, "no header: the side is not known");
}

/// A queue manager's AMQERR01.LOG on Linux, MQ 9.3, 12-hour clock.
const QM_LINUX: &str = "\
11/30/2026 04:40:12 PM - Process(31337.6) User(mqm) Program(amqrmppa)
                    Host(mqhost01) Installation(Installation1)
                    VRMF(9.3.0.5) QMgr(PL81N)
                    Time(2026-11-30T16:40:12.123Z)
                    RemoteHost(192.0.2.7)
                    ArithInsert1(575010)
                    CommentInsert1(PL81N.MQICHL)
                    CommentInsert2(192.0.2.7)
                    CommentInsert3(SERIALNUMBER=0A:1B,CN=app01,O=Pulsar)

AMQ9633E: Bad SSL certificate for channel 'PL81N.MQICHL'.

EXPLANATION:
A certificate encountered during SSL handshaking is regarded as bad for one of
the following reasons:
(e) an OCSP responder has indicated that it is revoked.
The details of the certificate which could not be validated are
'SERIALNUMBER=0A:1B,CN=app01,O=Pulsar'.
The certificate validation error was 575010.
The channel is 'PL81N.MQICHL'; in some cases its name cannot be determined and
so is shown as '????'. The channel did not start.
ACTION:
Check which of the possible causes applies on your system. Correct the error,
and restart the channel. See AMQ9999 for more.
----- amqccisa.c : 9406 -------------------------------------------------------
11/30/2026 04:40:12 PM - Process(31337.6) User(mqm) Program(amqrmppa)
                    Host(mqhost01) Installation(Installation1)
                    VRMF(9.3.0.5) QMgr(PL81N)
                    Time(2026-11-30T16:40:12.130Z)
                    RemoteHost(192.0.2.7)
                    CommentInsert1(PL81N.MQICHL)
                    CommentInsert2(app01 (192.0.2.7))

AMQ9999E: Channel 'PL81N.MQICHL' to host 'app01 (192.0.2.7)' ended abnormally.

EXPLANATION:
The channel program running under process ID 31337 for channel 'PL81N.MQICHL'
ended abnormally. The host name is 'app01 (192.0.2.7)'.
ACTION:
Look at previous error messages for the channel program in the error logs.
----- amqrmrsa.c : 968 --------------------------------------------------------
";

#[test]
fn linux_queue_manager_entries_read_with_headers_side_and_inserts() {
    let facts = LogFacts::parse(QM_LINUX);
    assert!(facts.problems.is_empty(), "{:?}", facts.problems);
    let ids: Vec<&str> = facts.messages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        ["AMQ9633E", "AMQ9999E"],
        "AMQ9999 in an ACTION paragraph is not an entry"
    );
    let bad = &facts.messages[0];
    assert_eq!((bad.line, bad.header_line), (11, Some(1)));
    assert_eq!(bad.severity, Some('E'));
    assert_eq!(bad.text, "Bad SSL certificate for channel 'PL81N.MQICHL'.");
    assert_eq!(bad.time.unwrap().to_string(), "2026-11-30T16:40:12Z");
    assert_eq!(bad.time_text.as_deref(), Some("2026-11-30T16:40:12.123Z"));
    assert_eq!(bad.time_assumption, None);
    assert_eq!(bad.program.as_deref(), Some("amqrmppa"));
    assert_eq!(bad.process.as_deref(), Some("31337.6"));
    assert_eq!(bad.user.as_deref(), Some("mqm"));
    assert_eq!(bad.host.as_deref(), Some("mqhost01"));
    assert_eq!(bad.installation.as_deref(), Some("Installation1"));
    assert_eq!(bad.vrmf.as_deref(), Some("9.3.0.5"));
    assert_eq!(bad.qmgr.as_deref(), Some("PL81N"));
    assert_eq!(bad.remote_host.as_deref(), Some("192.0.2.7"));
    assert_eq!(bad.arith_inserts, [575010]);
    assert_eq!(
        bad.comment_inserts,
        [
            "PL81N.MQICHL",
            "192.0.2.7",
            "SERIALNUMBER=0A:1B,CN=app01,O=Pulsar"
        ]
    );
    assert_eq!(bad.channel.as_deref(), Some("PL81N.MQICHL"));
    assert_eq!(
        bad.certificate.as_deref(),
        Some("SERIALNUMBER=0A:1B,CN=app01,O=Pulsar")
    );
    assert_eq!(bad.validation_error, Some(575010));
    assert_eq!(bad.source.as_deref(), Some("amqccisa.c : 9406"));
    assert_eq!(bad.side, Some(Side::QueueManager));
    assert!(bad.side_reason.as_deref().unwrap().contains("QMgr(PL81N)"));
    assert!(
        bad.explanation
            .as_deref()
            .unwrap()
            .starts_with("A certificate encountered")
    );
    assert!(
        bad.action
            .as_deref()
            .unwrap()
            .contains("restart the channel")
    );
    // Balanced parentheses inside an insert.
    assert_eq!(facts.messages[1].comment_inserts[1], "app01 (192.0.2.7)");
    assert_eq!(facts.vrmf(), Some("9.3.0.5"));
    assert_eq!(facts.vrmf_of(Side::Client), None);
    assert_eq!(
        facts.times.iter().map(|(_, l)| *l).collect::<Vec<_>>(),
        [1, 26]
    );
}

/// A client's AMQERR01.LOG on Windows: 24-hour local time, no Time(…), no QMgr(…), CRLF, quoted
/// in a reply.
const CLIENT_WINDOWS: &str = "> 11/30/2026 16:40:12 - Process(4312.1) User(svc_app) Program(OrderApp.exe)\r\n>                     Host(WINAPP01) Installation(Installation1)\r\n>                     VRMF(9.2.0.4)\r\n> \r\n> AMQ9665E: SSL connection closed by remote end of channel 'PL81N.MQICHL'.\r\n> \r\n> EXPLANATION:\r\n> The SSL or TLS connection was closed by the remote host '192.0.2.37' during the\r\n> secure socket handshake.\r\n> ACTION:\r\n> Check the remote end of the channel for SSL and TLS related errors.\r\n> ----- amqccisa.c : 10966 ------------------------------------------------------\r\n";

#[test]
fn quoted_windows_client_entry_reads_as_the_client() {
    let facts = LogFacts::parse(CLIENT_WINDOWS);
    assert!(facts.problems.is_empty(), "{:?}", facts.problems);
    let [m] = facts.messages.as_slice() else {
        panic!("{:#?}", facts.messages)
    };
    assert_eq!(
        (m.id.as_str(), m.line, m.header_line),
        ("AMQ9665E", 5, Some(1))
    );
    assert_eq!(m.time.unwrap().to_string(), "2026-11-30T16:40:12Z");
    assert!(
        m.time_assumption
            .as_deref()
            .unwrap()
            .contains("local time taken as UTC")
    );
    assert_eq!(m.side, Some(Side::Client));
    assert!(
        m.side_reason
            .as_deref()
            .unwrap()
            .contains("Program(OrderApp.exe)")
    );
    assert_eq!(m.vrmf.as_deref(), Some("9.2.0.4"));
    assert_eq!(m.channel.as_deref(), Some("PL81N.MQICHL"));
    assert_eq!(m.source.as_deref(), Some("amqccisa.c : 10966"));
    assert_eq!(facts.vrmf_of(Side::Client), Some("9.2.0.4"));
}

#[test]
fn twelve_hour_header_without_iso_time_reads_pm_as_afternoon() {
    let text = "11/30/2026 04:40:12 PM - Process(812.1) User(app) Program(mqpgfc)\n  Host(client1) Installation(Installation1)\n  VRMF(9.3.0.5)\n\nAMQ9716E: Remote SSL certificate revocation status check failed for channel\n'PL81N.MQICHL'.\n";
    let facts = LogFacts::parse(text);
    let m = &facts.messages[0];
    assert_eq!(m.time.unwrap().to_string(), "2026-11-30T16:40:12Z");
    assert_eq!(m.time_text.as_deref(), Some("11/30/2026 04:40:12 PM"));
    assert_eq!(m.channel.as_deref(), Some("PL81N.MQICHL"));
    assert_eq!(m.side, Some(Side::Client));
    assert_eq!(facts.times, [(m.time.unwrap(), 1)]);
}

#[test]
fn queue_manager_programs_decide_the_side_without_qmgr() {
    let cases: &[(Option<&str>, Option<&str>, Option<Side>)] = &[
        (Some("QM1"), Some("OrderApp"), Some(Side::QueueManager)),
        (Some(" "), Some("amqrmppa"), Some(Side::QueueManager)),
        (None, Some("AMQRMPPA.EXE"), Some(Side::QueueManager)),
        (
            None,
            Some("/opt/mqm/bin/runmqchi"),
            Some(Side::QueueManager),
        ),
        (None, Some("amqzlaa0"), Some(Side::QueueManager)),
        (None, Some("java"), Some(Side::Client)),
        (None, None, None),
    ];
    for (qmgr, program, side) in cases {
        assert_eq!(
            side_of(*qmgr, *program).map(|(s, _)| s),
            *side,
            "{qmgr:?} {program:?}"
        );
    }
}

#[test]
fn json_error_log_lines_read_as_entries() {
    let text = r#"{"ibm_messageId":"AMQ9633E","ibm_arithInsert1":575010,"ibm_arithInsert2":0,"ibm_commentInsert1":"PL81N.MQICHL","ibm_commentInsert2":"192.0.2.7","ibm_commentInsert3":"CN=app01","ibm_datetime":"2026-11-30T16:40:12.123Z","ibm_serverName":"PL81N","ibm_processName":"amqrmppa","ibm_installationName":"Installation1","ibm_version":"9.3.0.5","ibm_remoteHost":"192.0.2.7","host":"mqhost01","type":"mq_log","loglevel":"ERROR","message":"AMQ9633E: Bad SSL certificate for channel 'PL81N.MQICHL'.","explanation":"(e) an OCSP responder has indicated that it is revoked. The certificate validation error was 575010.","action":"Correct the error."}
{"ibm_messageID":"AMQ5051I","ibm_datetime":"2026-11-30T16:41:00.000Z","ibm_serverName":"PL81N","message":"AMQ5051I: The queue manager task 'LOGGER-IO' has started."}
{"ibm_messageID":"AMQ9633E", broken"#;
    let facts = LogFacts::parse(text);
    assert_eq!(facts.messages.len(), 2, "{:#?}", facts.messages);
    let m = &facts.messages[0];
    assert_eq!((m.form, m.line), (EntryForm::Json, 1));
    assert_eq!(m.text, "Bad SSL certificate for channel 'PL81N.MQICHL'.");
    assert_eq!(m.arith_inserts, [575010, 0]);
    assert_eq!(m.comment_inserts, ["PL81N.MQICHL", "192.0.2.7", "CN=app01"]);
    assert_eq!(m.qmgr.as_deref(), Some("PL81N"));
    assert_eq!(m.side, Some(Side::QueueManager));
    assert_eq!(m.vrmf.as_deref(), Some("9.3.0.5"));
    assert_eq!(m.host.as_deref(), Some("mqhost01"));
    assert_eq!(m.validation_error, Some(575010));
    assert_eq!(m.time.unwrap().to_string(), "2026-11-30T16:40:12Z");
    assert_eq!(facts.problems.len(), 1);
    assert_eq!(facts.problems[0].line, 3);
}

const FDC: &str = "\
+-----------------------------------------------------------------------------+
|                                                                             |
| IBM MQ First Failure Symptom Report                                         |
| ===================================                                         |
|                                                                             |
| Date/Time         :- Mon November 30 2026 16:40:12 CET                      |
| UTC Time          :- 1796053212.123456                                      |
| UTC Time Offset   :- 60 (CET)                                               |
| Host Name         :- client1                                                |
| Operating System  :- Linux 5.14.0-362.el9.x86_64                            |
| PIDS              :- 5724H7251                                              |
| LVLS              :- 9.3.0.5                                                |
| Product Long Name :- IBM MQ for Linux (x86-64 platform)                     |
| Vendor            :- IBM                                                    |
| Probe Id          :- XC022001                                               |
| Application Name  :- MQM                                                    |
| Component         :- xcsFFST                                                |
| Program Name      :- mqpgfc                                                 |
| Major Errorcode   :- rrcE_SSL_REVOCATION_CHECK_REQUIRED                       |
| Minor Errorcode   :- OK                                                     |
| Probe Type        :- MSGAMQ9716                                             |
| Probe Severity    :- 2                                                      |
| Comment1          :- CN=qm.example.test,O=Pulsar                            |
| Comment2          :- gsk_attribute_get_buffer                               |
| Comment3          :- GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT                    |
+-----------------------------------------------------------------------------+
";

#[test]
fn ffst_fields_read_by_name() {
    let facts = LogFacts::parse(FDC);
    let f = facts.ffst.as_ref().unwrap();
    assert_eq!(f.line, 6);
    assert_eq!(
        f.date_time.as_deref(),
        Some("Mon November 30 2026 16:40:12 CET")
    );
    assert_eq!(f.utc_time.unwrap().to_string(), "2026-11-30T15:40:12Z");
    assert_eq!(f.host.as_deref(), Some("client1"));
    assert_eq!(f.pids.as_deref(), Some("5724H7251"));
    assert_eq!(f.lvls.as_deref(), Some("9.3.0.5"));
    assert_eq!(
        f.product.as_deref(),
        Some("IBM MQ for Linux (x86-64 platform)")
    );
    assert_eq!(f.vendor.as_deref(), Some("IBM"));
    assert_eq!(f.application.as_deref(), Some("MQM"));
    assert_eq!(f.component.as_deref(), Some("xcsFFST"));
    assert_eq!(f.program.as_deref(), Some("mqpgfc"));
    assert_eq!(f.minor_errorcode.as_deref(), Some("OK"));
    assert_eq!(f.probe_type.as_deref(), Some("MSGAMQ9716"));
    assert_eq!(f.comment1.as_deref(), Some("CN=qm.example.test,O=Pulsar"));
    assert_eq!(
        f.comment3.as_deref(),
        Some("GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT")
    );
    assert_eq!(facts.vrmf(), Some("9.3.0.5"));
    assert!(facts.messages.is_empty());
    // Two FFSTs pasted one after the other are two.
    let two = LogFacts::parse(&format!("{FDC}{FDC}"));
    assert_eq!(two.ffsts.len(), 2);
}

#[test]
fn application_output_and_reason_code_names() {
    let text = "2026-11-30 16:40:12,001 ERROR com.acme.Mq - JMSWMQ0018: Failed to connect: MQRC_SSL_INITIALIZATION_ERROR\nMQCONNX ended with reason code 2393\n";
    let facts = LogFacts::parse(text);
    assert_eq!(facts.reason_codes, [(2393, 1), (2393, 2)]);
    assert_eq!(facts.times[0].0.to_string(), "2026-11-30T16:40:12Z");
    assert!(facts.messages.is_empty());
}

#[test]
fn a_header_without_a_message_and_a_bad_field_are_problems() {
    let text = "11/30/2026 16:40:12 - Process(1.1) User(mqm) Program(amqrmppa)\n   Time(yesterday) ArithInsert1(lots)\n";
    let facts = LogFacts::parse(text);
    let lines: Vec<usize> = facts.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [2, 2, 1], "{:?}", facts.problems);
}

#[test]
fn a_json_line_with_only_a_queue_manager_id_is_the_queue_managers() {
    let facts = LogFacts::parse(
        r#"{"ibm_messageID":"AMQ9637E","ibm_qmgrId":"PL81N_2026-11-30_10.00.00","ibm_processName":"java"}"#,
    );
    assert_eq!(facts.messages[0].side, Some(Side::QueueManager));
    let client = LogFacts::parse(
        r#"{"ibm_messageID":"AMQ9642E","ibm_processName":"orders-svc","ibm_version":"9.4.0.0"}"#,
    );
    assert_eq!(client.messages[0].side, Some(Side::Client));
    assert_eq!(client.vrmf(), Some("9.4.0.0"));
}

#[test]
fn display_answers_in_a_whole_ticket_are_not_log_messages() {
    let text = "AMQ9633E: Bad SSL certificate for channel 'A'.\nAMQ8414I: Display Channel details.\n   CHANNEL(A)   CHLTYPE(SVRCONN)\n";
    let facts = LogFacts::parse(text);
    let ids: Vec<&str> = facts.messages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["AMQ9633E"]);
    assert_eq!(
        facts.messages[0].text,
        "Bad SSL certificate for channel 'A'."
    );
}

#[test]
fn certificate_details_from_gskit_and_openssl_inserts() {
    let gskit = certificate_details("[Class=]GSKVALMethod::X509[Issuer=]CN=Pulsar Issuing CA,O=Pulsar,C=GB[#=]0a1b[Subject=]CN=app01,O=Pulsar,C=GB").unwrap();
    assert_eq!(gskit.class.as_deref(), Some("GSKVALMethod::X509"));
    assert_eq!(
        gskit.issuer.as_deref(),
        Some("CN=Pulsar Issuing CA,O=Pulsar,C=GB")
    );
    assert_eq!(gskit.serial.as_deref(), Some("0a1b"));
    assert_eq!(gskit.subject.as_deref(), Some("CN=app01,O=Pulsar,C=GB"));
    let openssl = certificate_details(
        "Certificate /C=JP/ST=Chiba/CN=www.example.test was revoked by AUTHINFO URL http://x",
    )
    .unwrap();
    assert_eq!(
        openssl.subject.as_deref(),
        Some("/C=JP/ST=Chiba/CN=www.example.test")
    );
    assert_eq!(certificate_details("SERIALNUMBER=0A:1B,CN=app01"), None);
    let text = "AMQ9716E: Remote SSL certificate revocation status check failed for channel 'A'.\nEXPLANATION:\nThe details of the certificate in question are '[Class=]GSKVALMethod::X509[Issuer=]CN=CA[#=]01[Subject=]CN=qm01'.\n";
    let facts = LogFacts::parse(text);
    assert_eq!(
        facts.messages[0]
            .certificate_details
            .as_ref()
            .and_then(|d| d.serial.as_deref()),
        Some("01")
    );
}

#[test]
fn a_japanese_entry_reads_its_localized_header_and_inserts() {
    // The header names localized (an assumption, see LOCALIZED_FIELDS), the message text as
    // the seed's Japanese original shows it.
    let text = "\
2026/11/30 16:40:12 - プロセス(3344.17) ユーザー(MUSR_MQADMIN) プログラム(amqrmppa.exe)
                    ホスト(WINMQ01) インストール(Installation1)
                    VRMF(9.3.0.10) QMgr(PL81N)
                    Time(2026-11-30T07:40:12.097Z)
AMQ9633E: チャネル 'PL81N.MQICHL' の SSL 証明書が不正です。

説明:
(e) OCSP 応答側はそれが失効したことを示している。
検証できなかった証明書の詳細は '[Class=]GSKVALMethod::X509[Issuer=]CN=Pulsar CA,C=JP[#=]02[Subject=]CN=client.pulsar,C=JP' です。
証明書の検証エラーは 575032 です。
----- amqccisa.c : 8789 -------------------------------------------------------
";
    let facts = LogFacts::parse(text);
    assert!(facts.problems.is_empty(), "{:?}", facts.problems);
    let m = &facts.messages[0];
    assert_eq!(m.id, "AMQ9633E");
    assert_eq!(m.header_line, Some(1));
    assert_eq!(m.program.as_deref(), Some("amqrmppa.exe"));
    assert_eq!(m.user.as_deref(), Some("MUSR_MQADMIN"));
    assert_eq!(m.installation.as_deref(), Some("Installation1"));
    assert_eq!(m.side, Some(Side::QueueManager));
    assert_eq!(m.channel.as_deref(), Some("PL81N.MQICHL"));
    assert_eq!(m.validation_error, Some(575032));
    let details = m.certificate_details.clone().unwrap();
    assert_eq!(details.serial.as_deref(), Some("02"));
    assert_eq!(details.subject.as_deref(), Some("CN=client.pulsar,C=JP"));
    assert_eq!(
        m.time.map(|t| t.to_string()).as_deref(),
        Some("2026-11-30T07:40:12Z")
    );
}

#[test]
fn log_problems_carry_line_and_column() {
    let text = "> 11/30/2026 04:40:12 PM - Process(1.1) Program(app)\n>     Time(not-a-time) Host(h)\n> AMQ9633E: Bad SSL certificate for channel 'X'.\n";
    let facts = LogFacts::parse(text);
    let p = &facts.problems[0];
    assert_eq!((p.line, p.column), (2, 7), "{p}");
    assert!(p.message.starts_with("Time(not-a-time)"), "{p}");
}

#[test]
fn an_openssl_queue_managers_bare_subject_is_the_certificate() {
    let text = "AMQ9716: Remote SSL certificate revocation status check failed for channel 'PL81N.MQICHL'. The details of the certificate in question are '/C=JP/ST=Chiba/O=Pulsar Integration PL921WC Inc./CN=www.pulsarintegration.PL921WC.com'.\n";
    let facts = LogFacts::parse(text);
    let details = facts.messages[0].certificate_details.clone().unwrap();
    assert_eq!(
        details.subject.as_deref(),
        Some(
            "/C=JP/ST=Chiba/O=Pulsar Integration PL921WC Inc./CN=www.pulsarintegration.PL921WC.com"
        )
    );
    assert_eq!(certificate_details("sslv3 alert bad certificate"), None);
}

#[test]
fn container_basic_console_lines_read_as_queue_manager_entries() {
    let text = "2026-12-01T05:58:10.420330521Z 2026-12-01T05:58:10.419Z AMQ9633E: Bad SSL certificate for channel 'ORDERS.SVRCONN'. [ArithInsert1(575010), CommentInsert1(ORDERS.SVRCONN), CommentInsert2([Class=]GSKVALMethod::X509[Issuer=]CN=Northwind Issuing CA 1,O=Northwind Trading,C=GB[#=]5a0c77[Subject=]CN=orders-svc,OU=Apps,O=Northwind Trading,C=GB)]
2026-12-01T05:58:11.002Z AMQ5026I: The listener 'SYSTEM.LISTENER.TCP.1' has started. ProcessId(312).
2026-12-01 05:58:12 AMQ9999E: an application's own line, not the container's
";
    let facts = LogFacts::parse(text);
    let m = &facts.messages[0];
    assert_eq!(
        (m.id.as_str(), m.form, m.line),
        ("AMQ9633E", EntryForm::Console, 1)
    );
    assert_eq!(m.text, "Bad SSL certificate for channel 'ORDERS.SVRCONN'.");
    assert_eq!(m.channel.as_deref(), Some("ORDERS.SVRCONN"));
    assert_eq!(m.arith_inserts, [575010]);
    assert_eq!(m.side, Some(Side::QueueManager));
    assert_eq!(
        m.certificate_details
            .as_ref()
            .and_then(|d| d.serial.as_deref()),
        Some("5a0c77")
    );
    // The entry's own time, not the container runtime's.
    assert_eq!(m.time.unwrap().to_string(), "2026-12-01T05:58:10Z");
    let listener = &facts.messages[1];
    assert_eq!(
        (listener.form, listener.text.as_str()),
        (
            EntryForm::Console,
            "The listener 'SYSTEM.LISTENER.TCP.1' has started. ProcessId(312)."
        )
    );
    // A local date with a space before the clock is not the container's form.
    assert_ne!(facts.messages[2].form, EntryForm::Console);
    // The kubelet's log file adds the stream and the CRI tag after the runtime's time.
    let cri = LogFacts::parse(
        "2026-12-01T05:58:10.420330521Z stdout F 2026-12-01T05:58:10.419Z AMQ9716E: Remote SSL certificate revocation status check failed for channel 'ORDERS.SVRCONN'. [CommentInsert1(ORDERS.SVRCONN)]\n",
    );
    let m = &cri.messages[0];
    assert_eq!((m.id.as_str(), m.form), ("AMQ9716E", EntryForm::Console));
    assert_eq!(m.side, Some(Side::QueueManager));
}

/// A web form that joined an entry's lines: the header's fields, the message, its explanation
/// and its source file all on one line (ticket 134).
#[test]
fn an_entry_joined_on_one_line_is_read() {
    let text = "12/01/2026 06:05:41 AM - Process(2290.88) User(mqm) Program(amqrmppa) Host(mqprd01) Installation(Installation1) VRMF(9.3.0.20) QMgr(MQPRD01) Time(2026-12-01T06:05:41.307Z) CommentInsert1(BILLING.SVRCONN) CommentInsert2([Class=]GSKVALMethod::X509[Issuer=]CN=Northwind Issuing CA 1,O=Northwind Trading,C=GB[#=]5a0c77[Subject=]CN=orders-svc,OU=Apps,O=Northwind Trading,C=GB) AMQ9716E: Remote SSL certificate revocation status check failed for channel 'BILLING.SVRCONN'. EXPLANATION: IBM MQ failed to determine the revocation status. ACTION: If you are using an OCSP responder, ensure that it is reachable... ----- amqccisa.c : 9406 -------------------------------------------------------\n";
    let facts = LogFacts::parse(text);
    assert_eq!(facts.messages.len(), 1, "{:?}", facts.messages);
    let message = &facts.messages[0];
    assert_eq!(message.id, "AMQ9716E");
    assert_eq!(message.qmgr.as_deref(), Some("MQPRD01"));
    assert_eq!(message.channel.as_deref(), Some("BILLING.SVRCONN"));
    assert_eq!(message.header_line, Some(1));
    assert_eq!(
        message.explanation.as_deref(),
        Some("IBM MQ failed to determine the revocation status.")
    );
    assert_eq!(message.source.as_deref(), Some("amqccisa.c : 9406"));
    assert!(facts.problems.is_empty(), "{:?}", facts.problems);
}

/// A line a log shipper or syslog wrote (`TIME HOST PROGRAM[PID]: AMQnnnnX: …`), its time with
/// an offset: the entry's time in UTC, its side from the program as a header's would be.
#[test]
fn syslog_style_lines_with_an_offset_read_as_entries_of_their_program() {
    let text = "2026-12-01T07:41:22.418+05:30 pgw04 payments-gw[22107]: AMQ9665E: SSL connection closed by remote end of channel 'PAY.SVRCONN'.
2026-12-01T02:11:23Z mqprd01 amqrmppa[2290]: AMQ9633E: Bad SSL certificate for channel 'PAY.SVRCONN'.
";
    let facts = LogFacts::parse(text);
    let m = &facts.messages[0];
    assert_eq!(
        (m.id.as_str(), m.line, m.form),
        ("AMQ9665E", 1, EntryForm::Shipped)
    );
    assert_eq!(m.side, Some(Side::Client));
    assert_eq!(m.host.as_deref(), Some("pgw04"));
    assert_eq!(m.channel.as_deref(), Some("PAY.SVRCONN"));
    assert_eq!(m.time.unwrap().to_string(), "2026-12-01T02:11:22Z");
    let qm = &facts.messages[1];
    assert_eq!(qm.side, Some(Side::QueueManager));
}
