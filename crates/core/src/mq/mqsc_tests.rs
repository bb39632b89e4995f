use super::*;

#[test]
fn authinfo_channel_namelist_and_sslcrlnl() {
    let text = "* queue manager PL81N\nDEFINE AUTHINFO(OCSP.NSCA) AUTHTYPE(OCSP) +\n   OCSPURL('http://192.0.2.37:2560/')\nDEF CHANNEL('PL81N.MQICHL') CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_AES_128_GCM_SHA256) SSLCAUTH(REQUIRED) SSLPEER('CN=*, O=''Pulsar''')\nDEFINE NAMELIST(SSL.CRLNL) NAMES(OCSP.NSCA)\nALTER QMGR SSLCRLNL(SSL.CRLNL)\nREFRESH SECURITY TYPE(SSL)\n";
    let defs = MqscDefinitions::parse(text);
    assert!(defs.problems.is_empty(), "{:?}", defs.problems);
    assert_eq!(
        defs.authinfo[0],
        AuthInfo {
            name: "OCSP.NSCA".into(),
            kind: AuthInfoKind::Ocsp {
                url: "http://192.0.2.37:2560/".into()
            }
        }
    );
    assert_eq!(defs.channels[0].name, "PL81N.MQICHL");
    assert_eq!(
        defs.channels[0].sslpeer.as_deref(),
        Some("CN=*, O='Pulsar'")
    );
    assert_eq!(defs.crl_namelist(), ["OCSP.NSCA"]);
    assert_eq!(defs.sslev, None);
    assert_eq!(defs.sslev_in_force(), SslEvents::Disabled);
}

#[test]
fn problems_name_their_line() {
    let defs = MqscDefinitions::parse(
        "DEFINE AUTHINFO(X) AUTHTYPE(OCSP)\n\nDEFINE AUTHINFO(Y) AUTHTYPE(OCSP) OCSPURL('http://a\nDELETE QLOCAL(Q)\n",
    );
    let lines: Vec<usize> = defs.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [1, 3, 4], "{:?}", defs.problems);
}

#[test]
fn alter_changes_the_existing_channel_and_keeps_what_it_does_not_name() {
    // Before: ALTER added a second channel and reset SSLCAUTH to REQUIRED.
    let defs = MqscDefinitions::parse(
        "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER) SSLCAUTH(OPTIONAL)\nALTER CHANNEL(app.svrconn) CHLTYPE(SVRCONN) SSLPEER('CN=app01')\n",
    );
    assert!(defs.problems.is_empty(), "{:?}", defs.problems);
    assert_eq!(defs.channels.len(), 1, "{:#?}", defs.channels);
    let channel = &defs.channels[0];
    assert_eq!(channel.sslcauth, SslCauth::Optional);
    assert_eq!(channel.sslciph.as_deref(), Some("ANY_TLS12_OR_HIGHER"));
    assert_eq!(channel.sslpeer.as_deref(), Some("CN=app01"));
}

#[test]
fn define_without_replace_keeps_the_first_and_replace_starts_afresh() {
    let text = "DEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL) SSLCIPH(X)\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCIPH(Y)\n";
    let defs = MqscDefinitions::parse(text);
    assert_eq!(defs.channels[0].sslciph.as_deref(), Some("X"));
    assert_eq!(defs.problems[0].line, 2);
    assert!(defs.problems[0].message.contains("AMQ8150E"));
    let defs = MqscDefinitions::parse(&text.replace("SSLCIPH(Y)", "SSLCIPH(Y) REPLACE"));
    assert!(defs.problems.is_empty(), "{:?}", defs.problems);
    assert_eq!(defs.channels[0].sslciph.as_deref(), Some("Y"));
    assert_eq!(
        defs.channels[0].sslcauth,
        SslCauth::Required,
        "REPLACE does not keep SSLCAUTH"
    );
}

#[test]
fn unquoted_names_fold_to_upper_case_and_quoted_ones_keep_it() {
    let defs = MqscDefinitions::parse(
        "define authinfo(ocsp.a) authtype(ocsp) ocspurl('http://r:2560/')\nDEFINE AUTHINFO('Ocsp.b') AUTHTYPE(OCSP) OCSPURL('http://s:2560/')\nDEFINE NAMELIST(ssl.crlnl) NAMES(ocsp.a, 'Ocsp.b')\nALTER QMGR SSLCRLNL(ssl.crlnl) SSLEV(enabled)\n",
    );
    assert!(defs.problems.is_empty(), "{:?}", defs.problems);
    let names: Vec<&str> = defs.authinfo.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["OCSP.A", "Ocsp.b"]);
    assert_eq!(defs.sslcrlnl.as_deref(), Some("SSL.CRLNL"));
    assert_eq!(defs.crl_namelist(), ["OCSP.A", "Ocsp.b"]);
    assert_eq!(defs.sslev, Some(SslEvents::Enabled));
}

#[test]
fn unquoted_lowercase_urls_and_labels_are_folded_and_said() {
    let defs = MqscDefinitions::parse(
        "DEFINE AUTHINFO(O) AUTHTYPE(OCSP) OCSPURL(http://r:2560/)\nDEFINE CHANNEL(C) CHLTYPE(SVRCONN) CERTLABL(ibmwebspheremqpl81n)\n",
    );
    assert_eq!(
        defs.authinfo[0].kind,
        AuthInfoKind::Ocsp {
            url: "HTTP://R:2560/".into()
        }
    );
    assert_eq!(
        defs.channels[0].certlabl.as_deref(),
        Some("IBMWEBSPHEREMQPL81N")
    );
    let lines: Vec<usize> = defs.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [1, 2], "{:?}", defs.problems);
    assert!(defs.problems[0].message.contains("lowercase http://"));
}

#[test]
fn continuations_join_without_a_blank_and_comments_need_column_one() {
    let text = "DEFINE AUTHINFO(O) AUTHTYPE(OCSP) OCSPURL('http://r:25+\n     60/')\n* a comment\nDEFINE CHANNEL(C) -\nCHLTYPE(SVRCONN) SSLCIPH(TLS_AES_+\n\n* comment inside\n   128_GCM_SHA256)\n  * indented\nALTER QMGR SSLEV(ENABLED);\n";
    let defs = MqscDefinitions::parse(text);
    assert_eq!(
        defs.authinfo[0].kind,
        AuthInfoKind::Ocsp {
            url: "http://r:2560/".into()
        }
    );
    assert_eq!(
        defs.channels[0].sslciph.as_deref(),
        Some("TLS_AES_128_GCM_SHA256")
    );
    assert_eq!(defs.sslev, Some(SslEvents::Enabled));
    let lines: Vec<usize> = defs.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [9], "{:?}", defs.problems);
}

#[test]
fn clntconn_definitions_are_the_clients_mqcd() {
    let defs = MqscDefinitions::parse(
        "DEFINE CHANNEL(PL81N.MQICHL) CHLTYPE(CLNTCONN) CONNAME('qm.example.test(1414)') QMNAME(PL81N) SSLCIPH(TLS_AES_128_GCM_SHA256) CERTLABL('app01')\nDEFINE CHANNEL(PL81N.MQICHL) CHLTYPE(SVRCONN) SSLCIPH(TLS_AES_128_GCM_SHA256)\n",
    );
    assert_eq!(defs.client_channels.len(), 1);
    assert_eq!(
        defs.client_channels[0].conn_name.as_deref(),
        Some("qm.example.test(1414)")
    );
    assert_eq!(
        defs.client_channels[0].certificate_label.as_deref(),
        Some("app01")
    );
    assert_eq!(defs.channels.len(), 1);
}

/// A runmqsc transcript as a customer pastes it, with DISPLAY answers of every kind.
pub(super) const TRANSCRIPT: &str = "\
5724-H72 (C) Copyright IBM Corp. 1994, 2024.
Starting MQSC for queue manager PL81N.


     1 : DISPLAY QMGR SSLEV SSLCRLNL SSLKEYR CERTLABL SSLFIPS
AMQ8408I: Display Queue Manager details.
   QMNAME(PL81N)                           CERTLABL(ibmwebspheremqpl81n)
   SSLCRLNL(SSL.CRLNL)                     SSLEV(ENABLED)
   SSLFIPS(NO)                             SSLKEYR(/var/mqm/qmgrs/PL81N/ssl/key)
     2 : DISPLAY CHANNEL(PL81N.MQICHL) ALL
AMQ8414I: Display Channel details.
   CHANNEL(PL81N.MQICHL)                   CHLTYPE(SVRCONN)
   ALTDATE(2026-11-30)                     ALTTIME(16.40.12)
   CERTLABL( )                             DESCR(O'Brien's channel (TLS))
   MCAUSER( )                              SSLCAUTH(OPTIONAL)
   SSLCIPH(TLS_AES_128_GCM_SHA256)         SSLPEER(CN=app01,O=Pulsar)
   TRPTYPE(TCP)
     3 : DISPLAY AUTHINFO(*) ALL
AMQ8566I: Display authentication information details.
   AUTHINFO(OCSP.NSCA)                     AUTHTYPE(OCSP)
   DESCR( )                                OCSPURL(http://192.0.2.37:2560/)
AMQ8566I: Display authentication information details.
   AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS)
   AUTHTYPE(IDPWOS)                        ADOPTCTX(NO)
     4 : DISPLAY NAMELIST(SSL.CRLNL)
AMQ8550I: Display namelist details.
   NAMELIST(SSL.CRLNL)                     NAMCOUNT(2)
   NAMES(OCSP.NSCA
        ,OCSP.OTHER)
   DESCR( )
     5 : DISPLAY CHANNEL(NOT.THERE)
AMQ8147E: IBM MQ object NOT.THERE not found.
5 MQSC commands read.
No commands have a syntax error.
One valid MQSC command could not be processed.
";

#[test]
fn display_output_reads_as_the_same_definitions() {
    let defs = MqscDefinitions::parse(TRANSCRIPT);
    let problems: Vec<(usize, &str)> = defs
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].1.contains("AMQ8147E"), "{problems:?}");
    assert_eq!(defs.qmgr.name.as_deref(), Some("PL81N"));
    assert_eq!(defs.sslev, Some(SslEvents::Enabled));
    assert_eq!(
        defs.qmgr.certlabl.as_deref(),
        Some("ibmwebspheremqpl81n"),
        "DISPLAY values are not folded"
    );
    assert_eq!(
        defs.qmgr.sslkeyr.as_deref(),
        Some("/var/mqm/qmgrs/PL81N/ssl/key")
    );
    assert_eq!(defs.qmgr.sslfips, Some(false));
    let channel = &defs.channels[0];
    assert_eq!(channel.name, "PL81N.MQICHL");
    assert_eq!(channel.sslcauth, SslCauth::Optional);
    assert_eq!(channel.sslpeer.as_deref(), Some("CN=app01,O=Pulsar"));
    assert_eq!(channel.certlabl, None);
    assert_eq!(defs.authinfo.len(), 2);
    assert_eq!(
        defs.authinfo[0].kind,
        AuthInfoKind::Ocsp {
            url: "http://192.0.2.37:2560/".into()
        }
    );
    assert_eq!(defs.authinfo[1].kind, AuthInfoKind::Other);
    assert_eq!(defs.crl_namelist(), ["OCSP.NSCA", "OCSP.OTHER"]);
}

#[test]
fn a_quoted_transcript_with_crlf_reads_the_same() {
    let quoted: String = TRANSCRIPT.lines().map(|l| format!("> {l}\r\n")).collect();
    let mut defs = MqscDefinitions::parse(&quoted);
    let plain = MqscDefinitions::parse(TRANSCRIPT);
    // Columns count the quoting the user sees: two characters further right.
    for (quoted, plain) in defs.problems.iter_mut().zip(&plain.problems) {
        assert_eq!(quoted.column, plain.column + 2, "{quoted}");
        quoted.column = plain.column;
    }
    assert_eq!(defs, plain);
}

#[test]
fn problems_carry_line_and_column() {
    // A keyword whose value is never closed, on the continuation line of a statement.
    let text = "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) +\n   SSLCIPH(ANY_TLS12 SSLCAUTH(REQUIRED\nDEFINE QMGR\n";
    let defs = MqscDefinitions::parse(text);
    let found: Vec<(usize, usize, &str)> = defs
        .problems
        .iter()
        .map(|p| (p.line, p.column, p.message.as_str()))
        .collect();
    assert!(
        found.contains(&(2, 4, "SSLCIPH( has no closing parenthesis")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(l, c, m)| (*l, *c) == (3, 1) && m.contains("DEFINE QMGR")),
        "{found:?}"
    );
}

#[test]
fn display_then_alter_changes_what_was_shown() {
    let text = format!(
        "{TRANSCRIPT}\nALTER CHANNEL(PL81N.MQICHL) CHLTYPE(SVRCONN) SSLCAUTH(REQUIRED)\nALTER QMGR SSLEV(DISABLED)\n"
    );
    let defs = MqscDefinitions::parse(&text);
    assert_eq!(defs.channels[0].sslcauth, SslCauth::Required);
    assert_eq!(
        defs.channels[0].sslpeer.as_deref(),
        Some("CN=app01,O=Pulsar")
    );
    assert_eq!(defs.sslev_in_force(), SslEvents::Disabled);
}

#[test]
fn chlauth_records_from_set_commands_and_display_answers() {
    let text = "SET CHLAUTH('APP.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=app01,O=Pulsar') USERSRC(MAP) MCAUSER('appuser') ACTION(ADD)\nSET CHLAUTH('APP.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=app01,O=Pulsar') USERSRC(MAP) MCAUSER('appuser2')\nSET CHLAUTH('APP.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=old') USERSRC(NOACCESS)\nSET CHLAUTH('APP.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=old') ACTION(REMOVE)\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody', 'mqm')\n     6 : DISPLAY CHLAUTH(SYSTEM.ADMIN.SVRCONN)\nAMQ8878I: Display channel authentication record details.\n   CHLAUTH(SYSTEM.ADMIN.SVRCONN)           TYPE(ADDRESSMAP)\n   DESCR(Default rule to allow MQ Explorer access)\n   CUSTOM( )                               ADDRESS(*)\n   USERSRC(CHANNEL)                        CHCKCLNT(ASQMGR)\n   ALTDATE(2026-11-30)                     ALTTIME(16.40.12)\n";
    let defs = MqscDefinitions::parse(text);
    assert!(defs.problems.is_empty(), "{:?}", defs.problems);
    type Row<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );
    let got: Vec<Row> = defs
        .chlauth
        .iter()
        .map(|r| {
            (
                r.profile.as_str(),
                r.kind.as_str(),
                r.sslpeer.as_deref().or(r.address.as_deref()),
                r.usersrc.as_deref(),
                r.mcauser.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "APP.SVRCONN",
                "SSLPEERMAP",
                Some("CN=app01,O=Pulsar"),
                Some("MAP"),
                Some("appuser2")
            ),
            ("*", "BLOCKUSER", None, None, None),
            (
                "SYSTEM.ADMIN.SVRCONN",
                "ADDRESSMAP",
                Some("*"),
                Some("CHANNEL"),
                None
            ),
        ]
    );
    assert_eq!(defs.chlauth[1].userlist, ["nobody", "mqm"]);
}
