use super::*;

/// A ticket as a customer sends it: prose, both sides' logs (one quoted, CRLF), runmqsc output,
/// mqclient.ini, a JSON CCDT, environment lines, openssl output and a certificate.
const TICKET: &str = "Hi team,\r
our Java-free C client gets 2393 since Monday. Details below.\r
\r
Client log (AMQERR01.LOG on app01):\r
> 11/30/2026 04:40:12 PM - Process(812.1) User(app) Program(OrderApp)\r
>                     Host(app01) Installation(Installation1)\r
>                     VRMF(9.3.0.5)\r
>                     Time(2026-11-30T16:40:12.101Z)\r
> \r
> AMQ9665E: SSL connection closed by remote end of channel 'PL81N.MQICHL'.\r
> \r
> EXPLANATION:\r
> The SSL or TLS connection was closed by the remote host 'qm01' during the\r
> secure socket handshake.\r
> \r
> ACTION:\r
> Check the remote end of the channel for SSL and TLS related errors.\r
> ----- amqccisa.c : 10966 ------------------------------------------------------\r
\r
Queue manager side:\r
11/30/2026 04:40:12 PM - Process(31337.6) User(mqm) Program(amqrmppa)
                    Host(qm01) Installation(Installation1)
                    VRMF(9.3.0.5) QMgr(PL81N)

AMQ9633E: Bad SSL certificate for channel 'PL81N.MQICHL'.

EXPLANATION:
(e) an OCSP responder has indicated that it is revoked.

ACTION:
Correct the error.
----- amqccisa.c : 9406 -------------------------------------------------------

Here is the queue manager config:
5724-H72 (C) Copyright IBM Corp. 1994, 2024.
Starting MQSC for queue manager PL81N.


     1 : DISPLAY CHANNEL(PL81N.MQICHL) SSLCAUTH SSLCIPH
AMQ8414I: Display Channel details.
   CHANNEL(PL81N.MQICHL)                   CHLTYPE(SVRCONN)
   SSLCAUTH(REQUIRED)                      SSLCIPH(TLS_AES_128_GCM_SHA256)
     2 : DISPLAY QMGR SSLEV
AMQ8408I: Display Queue Manager details.
   QMNAME(PL81N)                           SSLEV(DISABLED)
2 MQSC commands read.
No commands have a syntax error.
All valid MQSC commands were processed.

mqclient.ini:
CHANNELS:
  ChannelDefinitionDirectory=/var/mqm/ccdt

SSL:
  OCSPAuthentication=WARN

ccdt.json:
{
  \"channel\": [
    {
      \"name\": \"PL81N.MQICHL\",
      \"type\": \"clientConnection\",
      \"clientConnection\": { \"connection\": [ { \"host\": \"qm01\", \"port\": 1414 } ], \"queueManager\": \"PL81N\" }
    }
  ]
}

The app runs with:
export MQCCDTURL=file:///var/mqm/ccdt/ccdt.json
export MQSSLKEYR=/var/mqm/ssl/key.kdb

$ openssl s_client -connect qm01:1414 -showcerts -status
CONNECTED(00000003)
OCSP response: no response sent
---
Certificate chain
 0 s:CN = qm01
   i:CN = Pulsar CA
-----BEGIN CERTIFICATE-----
MIIB
-----END CERTIFICATE-----
---
Verify return code: 0 (ok)

and the OCSP answer:
OCSP Response Data:
    OCSP Response Status: successful (0x0)
    Cert Status: revoked
Response verify OK

The client certificate:
-----BEGIN CERTIFICATE-----
MIIB
-----END CERTIFICATE-----
Thanks, Bob
";

#[test]
fn a_whole_ticket_splits_into_one_piece_per_reader() {
    let pieces = pieces(TICKET);
    let got: Vec<(TextKind, usize, usize)> = pieces
        .iter()
        .map(|p| (p.kind, p.line, p.end_line))
        .collect();
    assert_eq!(
        got,
        [
            (TextKind::ErrorLog, 5, 18),
            (TextKind::ErrorLog, 21, 32),
            (TextKind::RunmqscOutput, 35, 48),
            (TextKind::Ini, 51, 55),
            (TextKind::Ccdt, 58, 66),
            (TextKind::Environment, 69, 70),
            (TextKind::OpensslSClient, 72, 83),
            (TextKind::OpensslOcsp, 86, 89),
        ],
        "{pieces:#?}"
    );
    // What no reader took: the prose, line by line span.
    assert_eq!(
        unread(TICKET, &pieces),
        [
            (1, 2),
            (4, 4),
            (20, 20),
            (34, 34),
            (50, 50),
            (57, 57),
            (68, 68),
            (85, 85),
            (91, 91),
            (95, 95)
        ]
    );
    // Each piece reads whole with its reader.
    let client = crate::mq::errlog::LogFacts::parse(&pieces[0].text);
    assert_eq!(client.messages.len(), 1);
    assert_eq!(
        client.messages[0].side,
        Some(crate::mq::errlog::Side::Client)
    );
    assert!(client.messages[0].action.is_some());
    let qm = crate::mq::errlog::LogFacts::parse(&pieces[1].text);
    assert_eq!(
        qm.messages[0].side,
        Some(crate::mq::errlog::Side::QueueManager)
    );
    let defs = crate::mq::mqsc::MqscDefinitions::parse(&pieces[2].text);
    assert!(defs.problems.is_empty(), "{:?}", defs.problems);
    assert_eq!(
        defs.channels[0].sslciph.as_deref(),
        Some("TLS_AES_128_GCM_SHA256")
    );
    assert_eq!(defs.sslev, Some(crate::mq::mqsc::SslEvents::Disabled));
    assert_eq!(crate::mq::ccdt::read(&pieces[4].text).channels.len(), 1);
    assert_eq!(env::parse(&pieces[5].text).vars.len(), 2);
    let s = crate::mq::openssl_text::parse(&pieces[6].text);
    assert_eq!(s.s_client.unwrap().chain.len(), 1);
    let o = crate::mq::openssl_text::parse(&pieces[7].text);
    assert_eq!(o.ocsp[0].verified, Some((true, 4)));
}

#[test]
fn display_output_is_not_taken_for_an_error_log() {
    let text = "AMQ8414I: Display Channel details.\n   CHANNEL(A)     CHLTYPE(SVRCONN)\n   SSLCAUTH(OPTIONAL)\n";
    let pieces = pieces(text);
    assert_eq!(pieces.len(), 1);
    assert_eq!(pieces[0].kind, TextKind::RunmqscOutput);
}

#[test]
fn ffst_json_log_binary_ccdt_and_index_are_their_own_kinds() {
    let text = "+-----------------------------------------------------------------------------+\n|                                                                             |\n| IBM MQ First Failure Symptom Report                                         |\n| Probe Id          :- XC022001                                               |\n+-----------------------------------------------------------------------------+\n\n{\"ibm_messageId\":\"AMQ9633E\",\"ibm_datetime\":\"2026-11-30T16:40:12.123Z\"}\n\nAMQR\0\0\0\u{1}PL81N.MQICHL\0\0\n";
    let kinds: Vec<(TextKind, usize)> = pieces(text).iter().map(|p| (p.kind, p.line)).collect();
    assert_eq!(
        kinds,
        [
            (TextKind::Ffst, 1),
            (TextKind::ErrorLog, 7),
            (TextKind::BinaryCcdt, 9)
        ]
    );
}

#[test]
fn a_whole_ticket_files_logs_by_side_ini_by_kind_and_display_output_as_mqsc() {
    let (case, filed) = crate::mq::sort::auto_case(
        &crate::decode::Decoded::default(),
        TICKET,
        "2026-11-30T16:40:12Z",
    );
    assert!(case.client.error_log.contains("AMQ9665E"), "{filed:#?}");
    assert!(!case.client.error_log.contains("AMQ9633E"));
    assert!(case.queue_manager.error_log.contains("AMQ9633E"));
    assert!(case.queue_manager.mqsc.contains("AMQ8414I"));
    assert!(
        case.client
            .mqclient_ini
            .contains("ChannelDefinitionDirectory")
    );
    assert_eq!(
        case.client.environment.get("MQSSLKEYR").map(String::as_str),
        Some("/var/mqm/ssl/key.kdb")
    );
    assert!(case.client.ccdt_json.is_some());
    assert!(
        filed.iter().any(|f| f.contains("as mqclient.ini")),
        "{filed:#?}"
    );
}

#[test]
fn a_stanza_like_word_in_prose_does_not_join_the_ini() {
    let text = "mqclient.ini has:\n\nSSL:\n  OCSPAuthentication=WARN\n\nLog:\n11/29/2026 11:00:03 PM - Process(501.1) User(etl) Program(etl-loader)\nAMQ9717W: Remote SSL certificate revocation status unknown\n";
    let got: Vec<(TextKind, usize, usize)> = pieces(text)
        .iter()
        .map(|p| (p.kind, p.line, p.end_line))
        .collect();
    assert_eq!(
        got,
        [(TextKind::SslStanza, 3, 4), (TextKind::ErrorLog, 7, 8)]
    );
}

#[test]
fn every_cut_of_a_ticket_reads_without_panicking() {
    // A paste cut anywhere (a truncated e-mail) still splits and reads, and the fuzz entry's
    // invariants hold.
    let boundaries: Vec<usize> = TICKET.char_indices().map(|(i, _)| i).step_by(7).collect();
    for end in boundaries {
        crate::fuzz::ticket(TICKET.get(..end).unwrap_or_default().as_bytes());
        crate::fuzz::ticket(TICKET.get(end..).unwrap_or_default().as_bytes());
    }
}

#[test]
fn mutated_tickets_read_without_panicking() {
    // A small deterministic mutation loop (an LCG, no randomness source): bytes replaced with
    // ones the readers care about, through every fuzz entry of the readers.
    const ALPHABET: &[u8] = b"()'\":-+*|>\r\n \t{}[]=AMQ0123456789PM/.,;";
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap_or_default()
    };
    for _ in 0..300 {
        let mut bytes = TICKET.as_bytes().to_vec();
        for _ in 0..8 {
            let at = next() % bytes.len();
            let with = ALPHABET[next() % ALPHABET.len()];
            bytes[at] = with;
        }
        crate::fuzz::ticket(&bytes);
        crate::fuzz::error_log(&bytes);
        crate::fuzz::mqsc(&bytes);
        crate::fuzz::openssl_text(&bytes);
        crate::fuzz::environment(&bytes);
        crate::fuzz::ccdt_json(&bytes);
        crate::fuzz::ini_text(&bytes);
    }
}

#[test]
fn key_repository_listings_are_one_piece() {
    let text = "the client's kdb:\n$ runmqakm -cert -list -db key.kdb -stashed\nCertificates found\n* default, - personal, ! trusted, # secret key\n!\tPulsar Root CA\n-\tibmwebspheremqapp01\n\nand the Java side:\nKeystore type: PKCS12\nYour keystore contains 1 entry\n\nAlias name: app01\nEntry type: PrivateKeyEntry\n\nThanks\n";
    let got: Vec<(TextKind, usize, usize)> = pieces(text)
        .iter()
        .map(|p| (p.kind, p.line, p.end_line))
        .collect();
    assert_eq!(
        got,
        [
            (TextKind::KeystoreList, 2, 6),
            (TextKind::KeystoreList, 9, 13)
        ]
    );
}

#[test]
fn a_resp_text_answer_keeps_its_signature_and_responder_certificate() {
    let text = "the responder said:\nOCSP Response Data:\n    OCSP Response Status: successful (0x0)\n    Cert Status: revoked\n\n    Signature Algorithm: sha256WithRSAEncryption\n    Signature Value:\n        a8:f5:97\nCertificate:\n    Data:\n        Serial Number: 4096 (0x1000)\nResponse verify OK\n\nand the server certificate:\nCertificate:\n    Data:\n        Subject: CN=qm01\n\nRegards\n";
    let got: Vec<(TextKind, usize, usize)> = pieces(text)
        .iter()
        .map(|p| (p.kind, p.line, p.end_line))
        .collect();
    assert_eq!(
        got,
        [
            (TextKind::OpensslOcsp, 2, 12),
            (TextKind::OpensslX509, 15, 17)
        ]
    );
}

#[test]
fn the_pages_ticket_paste_keeps_its_three_pieces() {
    // The text of tests/paste.rs `a_ticket_paste_is_filed_into_a_case`, without its certificates.
    let text = "Hi, the QM certificate:\nour CA:\nmqclient.ini:\nSSL:\n  OCSPAuthentication=WARN\n\nQM config:\nDEFINE CHANNEL(PL81N.MQICHL) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)\n\nlog:\nAMQ9716E: Remote SSL certificate revocation status check failed for channel 'PL81N.MQICHL'\n";
    let got: Vec<(TextKind, usize)> = pieces(text).iter().map(|p| (p.kind, p.line)).collect();
    assert_eq!(
        got,
        [
            (TextKind::SslStanza, 4),
            (TextKind::Mqsc, 8),
            (TextKind::ErrorLog, 11)
        ]
    );
}
