//! The seed walk-through's scenarios, predicted: reason code and the messages on each side must
//! be what the seed shows. Plus each lint with a failing and a passing case, and what-ifs.

use mqocsp_core::mq::case::{Case, ResponderState};
use mqocsp_core::mq::examples::{CLIENT_RESPONDER, SERVER_RESPONDER, example, examples};
use mqocsp_core::mq::ini::OcspAuthentication;
use mqocsp_core::mq::predict::{Change, predict};

fn outcome(name: &str) -> (Option<u32>, Vec<String>, Vec<String>, Vec<String>) {
    let d = predict(&example(name).unwrap_or_else(|| panic!("example {name}")));
    assert!(d.problems.is_empty(), "{name}: {:?}", d.problems);
    (
        d.outcome.reason_code,
        d.outcome.client_log,
        d.outcome.queue_manager_log,
        d.outcome.events,
    )
}

/// A scenario: name, reason code, client log ids, queue manager log ids, events.
type Expected<'a> = (
    &'a str,
    Option<u32>,
    &'a [&'a str],
    &'a [&'a str],
    &'a [&'a str],
);

/// A lint id and the edit that triggers it.
type Trigger<'a> = (&'a str, Box<dyn Fn(&mut Case) + 'a>);

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn seed_scenarios_match_the_seed() {
    let cases: [Expected<'_>; 8] = [
        ("good", None, &[], &[], &[]),
        ("client-responder-down", Some(2393), &["AMQ9716E"], &[], &[]),
        (
            "qm-responder-down",
            Some(2393),
            &["AMQ9665E"],
            &["AMQ9716"],
            &[],
        ),
        (
            "server-revoked",
            Some(2393),
            &["AMQ9633E"],
            &["AMQ9633"],
            &[],
        ),
        (
            "client-revoked",
            Some(2393),
            &["AMQ9665E"],
            &["AMQ9633"],
            &[],
        ),
        ("client-responder-down-warn", None, &["AMQ9717"], &[], &[]),
        ("client-responder-down-optional", None, &[], &[], &[]),
        // The seed's queue manager does not set SSLEV, so no event is written (the 2552 that
        // SSLEV(ENABLED) brings is checked in tls_events_are_written_only_with_sslev_enabled).
        ("qm-responder-down-warn", None, &[], &["AMQ9717"], &[]),
    ];
    for (name, reason, client, qm, events) in cases {
        assert_eq!(
            outcome(name),
            (reason, ids(client), ids(qm), ids(events)),
            "{name}"
        );
    }
}

#[test]
fn seed_message_details_match() {
    let d = predict(&example("server-revoked").unwrap());
    assert!(
        d.client_log[0]
            .text
            .contains("(e) an OCSP responder has indicated that it is revoked")
    );
    assert!(
        d.client_log[0]
            .text
            .contains("[#=]01[Subject=]CN=www.sd.pulsarintegration.PL81N.com")
    );
    assert!(
        d.client_log[0]
            .text
            .contains("The certificate validation error was 575032")
    );
    assert!(
        d.queue_manager_log[0]
            .text
            .contains("'sslv3 alert bad certificate'. The certificate validation error was 1042")
    );
    let d = predict(&example("client-revoked").unwrap());
    assert!(d.queue_manager_log[0].text.contains("was revoked by AUTHINFO URL http://winca.example.test:2560/'. The certificate validation error was 23"));
    let d = predict(&example("client-responder-down").unwrap());
    assert!(
        d.client_log[0]
            .text
            .contains("rrcE_SSL_REVOCATION_CHECK_REQUIRED")
    );
    assert!(
        d.assumptions
            .iter()
            .any(|a| a.id == "client-default-required"),
        "the default REQUIRED is an assumption"
    );
    let d = predict(&example("qm-responder-down").unwrap());
    assert!(
        d.queue_manager_log[0]
            .text
            .contains("/CN=www.pulsarintegration.PL921WC.com'")
    );
}

#[test]
fn fixes_apply_as_what_ifs() {
    for (name, url) in [
        ("client-responder-down", SERVER_RESPONDER),
        ("qm-responder-down", CLIENT_RESPONDER),
    ] {
        let case = example(name).unwrap();
        let d = predict(&case);
        let up = d
            .fixes
            .iter()
            .find_map(|f| {
                f.change
                    .clone()
                    .filter(|c| matches!(c, Change::ResponderUp { .. }))
            })
            .expect("a responder fix");
        assert_eq!(
            up,
            Change::ResponderUp {
                url: url.to_owned()
            }
        );
        let mut fixed = case.clone();
        up.apply(&mut fixed);
        assert!(
            predict(&fixed).outcome.connected,
            "{name} with the responder up"
        );
        let warn = d
            .fixes
            .iter()
            .find_map(|f| {
                f.change
                    .clone()
                    .filter(|c| !matches!(c, Change::ResponderUp { .. }))
            })
            .expect("a policy fix");
        let mut relaxed = case.clone();
        warn.apply(&mut relaxed);
        assert!(predict(&relaxed).outcome.connected, "{name} under WARN");
    }
    // A revoked certificate is refused whatever the policy.
    let mut case = example("server-revoked").unwrap();
    Change::ClientOcspAuthentication {
        value: OcspAuthentication::Optional,
    }
    .apply(&mut case);
    assert_eq!(predict(&case).outcome.reason_code, Some(2393));
}

const SEED_URL: &str = "http://nsca.example.test:2560/";

fn lint_ids(case: &Case) -> Vec<String> {
    predict(case).lint.iter().map(|l| l.id.clone()).collect()
}

#[test]
fn each_lint_fails_and_passes() {
    let good = example("good").unwrap();
    assert_eq!(
        lint_ids(&good),
        Vec::<String>::new(),
        "the seed setup is clean"
    );
    let with = |edit: &dyn Fn(&mut Case)| {
        let mut case = good.clone();
        edit(&mut case);
        lint_ids(&case)
    };
    let line = good.client.command_line.clone().unwrap();
    let cases: Vec<Trigger<'_>> = vec![
        (
            "mqair-version-1",
            Box::new(|c: &mut Case| {
                c.client.command_line = Some(line.replace(" MQAIR_VERSION_2", ""))
            }),
        ),
        (
            "mqcno-version",
            Box::new(|c: &mut Case| {
                c.client.command_line = Some(line.replace(" MQCNO_VERSION_4", ""))
            }),
        ),
        (
            "ocsp-url",
            Box::new(|c: &mut Case| {
                c.client.command_line = Some(line.replace("\"http://", "\"https://"))
            }),
        ),
        (
            "kdb-suffix",
            Box::new(|c: &mut Case| {
                c.client.command_line = Some(line.replace(r#"\key""#, r#"\key.kdb""#));
                c.client.mq_version = Some("9.2.0.4".into());
            }),
        ),
        (
            // The version unknown: the current release is assumed, which accepts .kdb; the
            // finding says what an older client would do.
            "kdb-suffix-version",
            Box::new(|c: &mut Case| {
                c.client.command_line = Some(line.replace(r#"\key""#, r#"\key.kdb""#))
            }),
        ),
        (
            "mqcd-label-version",
            Box::new(|c: &mut Case| {
                c.client.command_line = Some(line.replace(" MQCD_VERSION_11", ""))
            }),
        ),
        (
            "ini-value-ignored",
            Box::new(|c: &mut Case| {
                c.client.mqclient_ini = "SSL:\n  OCSPAuthentication=MAYBE\n".into()
            }),
        ),
        (
            "client-no-revocation",
            Box::new(|c: &mut Case| {
                c.client.command_line = Some(line.replace(" MQAIT_OCSP", " MQAIT_CRL_LDAP"));
                c.client.mqclient_ini = "SSL:\n  OCSPCheckExtensions=NO\n".into();
            }),
        ),
        (
            "sslcrlnl-missing",
            Box::new(|c: &mut Case| {
                c.queue_manager.mqsc = c
                    .queue_manager
                    .mqsc
                    .replace("NAMES(OCSP.WINCA)", "NAMES(OCSP.GONE)")
            }),
        ),
        (
            "qm-no-revocation",
            Box::new(|c: &mut Case| {
                c.queue_manager.mqsc = c
                    .queue_manager
                    .mqsc
                    .replace("ALTER QMGR SSLCRLNL(SSL.CRLNL)", "");
                c.queue_manager.qm_ini = "SSL:\n  OCSPCheckExtensions=NO\n".into();
            }),
        ),
    ];
    for (id, edit) in cases {
        let found = with(edit.as_ref());
        assert!(found.iter().any(|f| f == id), "{id} not found in {found:?}");
    }
    // A redacted URL is unknown, not malformed: no 2553, and the finding says so. Its scheme
    // is still seen: an uppercase one is 2553 whatever the rest hides.
    for redacted in [
        "http://<ipaddr or hostname>: <port>/",
        "http://xxx.xxx.xxx.xxx:xxxx",
        "http://****:2560/",
    ] {
        let mut case = good.clone();
        case.client.command_line = Some(line.replace(SEED_URL, redacted));
        let d = predict(&case);
        assert_eq!(d.outcome.reason_code, None, "{redacted}");
        assert!(
            d.lint.iter().any(|l| l.id == "ocsp-url-redacted"),
            "{redacted}: {:?}",
            d.lint
        );
    }
    let mut upper = good.clone();
    upper.client.command_line = Some(line.replace(SEED_URL, "HTTP://<hostname>:<port>/"));
    assert_eq!(predict(&upper).outcome.reason_code, Some(2553));
    // The 2553 and 2381 lints stop MQCONNX with their reason codes.
    assert_eq!(
        predict(&example("ocsp-url-uppercase").unwrap())
            .outcome
            .reason_code,
        Some(2553)
    );
    assert_eq!(
        predict(&example("key-repository-kdb").unwrap())
            .outcome
            .reason_code,
        Some(2381)
    );
}

/// A version 2 case file (each live answer's body one base64 string) reads as this build's
/// version 3, which writes the same answer in pieces around its embedded certificate; both hold
/// the same case.
#[test]
fn a_version_2_case_file_with_live_answers_reads() {
    use base64::Engine as _;
    use mqocsp_core::mq::evidence::{Der, OcspReply, Reply};
    let pem = include_str!("../../../testdata/fixtures/ocsp-client-good.pem");
    let der = mqocsp_core::decode(pem)
        .objects
        .first()
        .map(|o| o.der.clone())
        .unwrap_or_default();
    let mut case = example("good").unwrap();
    case.evidence.add_ocsp(OcspReply {
        url: SERVER_RESPONDER.into(),
        certificate: "ab".repeat(32),
        reply: Reply::Answered {
            body: Der(der.clone()),
        },
    });
    let written: serde_json::Value = serde_json::from_str(&case.to_json()).unwrap();
    assert_eq!(written.get("version"), Some(&serde_json::json!(3)));
    let body = written.pointer("/evidence/ocsp/0/body").cloned();
    assert!(body.as_ref().is_some_and(|b| b.is_array()), "{body:?}");
    let mut older = written.clone();
    if let Some(version) = older.pointer_mut("/version") {
        *version = serde_json::json!(2);
    }
    if let Some(body) = older.pointer_mut("/evidence/ocsp/0/body") {
        *body = base64::engine::general_purpose::STANDARD
            .encode(&der)
            .into();
    }
    let back = Case::from_json(&older.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.version, mqocsp_core::mq::case::VERSION);
    assert_eq!(back, case);
}

#[test]
fn unknown_intermediate_and_case_files_round_trip() {
    // Every example survives a JSON round trip unchanged.
    for (name, case) in examples() {
        let back = Case::from_json(&case.to_json()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, case, "{name}");
    }
    let mut bad = example("good").unwrap();
    bad.version = 9;
    assert!(
        Case::from_json(&bad.to_json())
            .unwrap_err()
            .contains("version 9 is not supported")
    );
    assert!(
        Case::from_json("{}")
            .unwrap_err()
            .starts_with("not a case file")
    );
    // A responder the case says nothing about: assumed unreachable, and said so.
    let mut case = example("good").unwrap();
    case.responders.retain(|r| r.url != SERVER_RESPONDER);
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, Some(2393));
    assert!(
        d.assumptions
            .iter()
            .any(|a| a.id == "no-evidence-unreachable")
    );
    let _ = ResponderState::Down;
}

#[test]
fn pasted_logs_are_compared_with_the_prediction() {
    let mut case = example("client-responder-down").unwrap();
    case.client.error_log = "[2022/02/02 14:38:25.569] MQCONNX stop hcon:-1 qmgr:PL81N CompCd=02 ReasonCd=2393\nAMQ9716E: Remote SSL certificate revocation status check failed for channel 'PL81N.MQICHL'\n".into();
    let d = predict(&case);
    let observed: Vec<_> = d
        .steps
        .iter()
        .filter(|s| s.id.starts_with("mq.observed"))
        .map(|s| s.outcome)
        .collect();
    assert_eq!(
        observed,
        [
            mqocsp_core::verify::Outcome::Pass,
            mqocsp_core::verify::Outcome::Pass
        ]
    );
    case.client.error_log = "AMQ9633E: Bad SSL certificate for channel 'PL81N.MQICHL'\n".into();
    let d = predict(&case);
    let step = d.steps.iter().find(|s| s.id == "mq.observed").unwrap();
    assert!(
        step.explanation
            .contains("predicted but not seen: AMQ9716; seen but not predicted: AMQ9633"),
        "{}",
        step.explanation
    );
}

#[test]
fn mqair_version_fix_is_a_what_if() {
    let case = example("mqair-version-1").unwrap();
    let d = predict(&case);
    let fix = d
        .fixes
        .iter()
        .find_map(|f| f.change.clone())
        .expect("a what-if for MQAIR version");
    assert_eq!(fix, Change::MqairVersion { version: 2 });
    let mut fixed = case.clone();
    fix.apply(&mut fixed);
    assert!(
        predict(&fixed)
            .lint
            .iter()
            .all(|l| l.id != "mqair-version-1")
    );
}

#[test]
fn precedence_of_structures_environment_and_ini() {
    use mqocsp_core::mq::config::{CertValPolicy, Mqcno, Mqsco};
    let mut case = example("good").unwrap();
    case.client.command_line = None;
    case.client.mqclient_ini = "SSL:\n  SSLKeyRepository=/ini/key\n  CertificateValPolicy=RFC5280\n  SSLHTTPProxyName=ini-proxy(8080)\n  SSLFipsRequired=YES\n".into();
    let resolved = case.resolve();
    assert_eq!(resolved.client.key_repository().unwrap().value, "/ini/key");
    assert_eq!(
        resolved.client.certificate_val_policy().value,
        CertValPolicy::Rfc5280
    );
    assert_eq!(
        resolved.client.http_proxy().unwrap().value,
        "ini-proxy(8080)"
    );
    assert!(resolved.client.fips_required().value);
    case.client
        .environment
        .insert("MQSSLKEYR".into(), "/env/key".into());
    case.client
        .environment
        .insert("MQCERTVPOL".into(), "ANY".into());
    case.client
        .environment
        .insert("MQSSLPROXY".into(), "env-proxy(3128)".into());
    let resolved = case.resolve();
    assert_eq!(resolved.client.key_repository().unwrap().value, "/env/key");
    assert_eq!(
        resolved.client.certificate_val_policy().value,
        CertValPolicy::Any
    );
    assert_eq!(
        resolved.client.http_proxy().unwrap().value,
        "env-proxy(3128)"
    );
    // The MQSCO wins, when MQCNO and MQSCO are versions that carry the fields.
    case.client.mqcno = Some(Mqcno {
        version: 4,
        sco: Some(Mqsco {
            version: 4,
            key_repository: Some("/sco/key".into()),
            certificate_val_policy: Some(CertValPolicy::Rfc5280),
            fips_required: Some(false),
            ..Mqsco::default()
        }),
    });
    let resolved = case.resolve();
    assert_eq!(resolved.client.key_repository().unwrap().value, "/sco/key");
    assert_eq!(
        resolved.client.certificate_val_policy().value,
        CertValPolicy::Rfc5280
    );
    assert!(!resolved.client.fips_required().value);
    // A version 3 MQSCO does not carry CertificateValPolicy: the lint says so.
    case.client.mqcno = Some(Mqcno {
        version: 4,
        sco: Some(Mqsco {
            version: 3,
            certificate_val_policy: Some(CertValPolicy::Rfc5280),
            ..Mqsco::default()
        }),
    });
    assert!(lint_ids(&case).contains(&"mqsco-valpolicy-version".to_owned()));
}

#[test]
fn an_unanswered_source_falls_through_to_the_aia_responder() {
    use mqocsp_core::mq::case::Responder;
    const BACKUP: &str = "http://backup.example.test:2560/";
    let down = Responder {
        url: BACKUP.into(),
        state: ResponderState::Down,
        index: None,
        ca: None,
    };
    // The queue manager's AUTHINFO names a responder that is down; the client certificate's AIA
    // names the client machine's responder, which is up and knows it.
    let mut case = example("good").unwrap();
    case.queue_manager.mqsc = case.queue_manager.mqsc.replace(CLIENT_RESPONDER, BACKUP);
    case.responders.push(down.clone());
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, None, "{:#?}", d.steps);
    let asked: Vec<_> = d
        .steps
        .iter()
        .filter(|s| s.id == "mq.qm_revocation" && s.title == "Ask the OCSP responder")
        .map(|s| (s.outcome, s.explanation.clone()))
        .collect();
    assert_eq!(asked.len(), 2, "{asked:#?}");
    assert_eq!(asked[0].0, mqocsp_core::verify::Outcome::Warn);
    assert!(asked[0].1.contains(&format!(
        "MQ goes on to the next source, the OCSP responder {CLIENT_RESPONDER}"
    )));
    assert!(
        asked[1]
            .1
            .contains("the certificate's AIA (qm.ini OCSPCheckExtensions=YES)) answers good")
    );
    assert!(
        d.assumptions
            .iter()
            .any(|a| a.id == "revocation-fallthrough")
    );

    // With OCSPCheckExtensions=NO there is nowhere to go: AMQ9716 on the queue manager.
    case.queue_manager.qm_ini = "SSL:\n  OCSPCheckExtensions=NO\n".into();
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, Some(2393));
    assert_eq!(d.outcome.queue_manager_log, ["AMQ9716"]);
    assert!(
        !d.assumptions
            .iter()
            .any(|a| a.id == "revocation-fallthrough")
    );

    // The client's side: an MQAIR URL that is down, the AIA responder up.
    let mut case = example("good").unwrap();
    case.client.command_line = case
        .client
        .command_line
        .map(|line| line.replace(SERVER_RESPONDER, BACKUP));
    case.responders.push(down);
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, None, "{:#?}", d.steps);
    // Revoked at the second source is revoked: the AIA responder's answer decides.
    if let Some(r) = case
        .responders
        .iter_mut()
        .find(|r| r.url == SERVER_RESPONDER)
    {
        r.index = r.index.as_ref().map(|i| {
            i.replacen("V\t", "R\t", 1)
                .replacen("\t\t01", "\t210929080911Z\t01", 1)
        });
    }
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, Some(2393), "{:#?}", d.steps);
    assert_eq!(d.outcome.client_log, ["AMQ9633E"]);
}

#[test]
fn a_kdb_key_repository_fails_only_before_mq_9_3() {
    let mut case = example("key-repository-kdb").unwrap();
    assert_eq!(predict(&case).outcome.reason_code, Some(2381));
    for (version, reason) in [("9.3.0.5", None), ("9.4", None), ("9.1.0.11", Some(2381))] {
        case.client.mq_version = Some(version.into());
        assert_eq!(predict(&case).outcome.reason_code, reason, "MQ {version}");
    }
    // Unknown: the current release is assumed, and the finding says so without failing.
    case.client.mq_version = None;
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, None);
    assert!(
        d.lint
            .iter()
            .any(|l| l.id == "kdb-suffix-version" && l.message.contains("9.4"))
    );
}

#[test]
fn tls_events_are_written_only_with_sslev_enabled() {
    // The queue manager cannot reach its responder about the client's certificate: a refusal
    // in the handshake, a Channel SSL Error event (MQRQ_SSL_HANDSHAKE_ERROR) — only with SSLEV.
    let mut case = example("qm-responder-down").unwrap();
    let quiet = predict(&case);
    assert!(quiet.events.is_empty(), "{:?}", quiet.events);
    assert!(
        quiet
            .steps
            .iter()
            .any(|s| s.id == "mq.events" && s.explanation.contains("MQRQ_SSL_HANDSHAKE_ERROR"))
    );
    case.queue_manager
        .mqsc
        .push_str("ALTER QMGR SSLEV(ENABLED)\n");
    let loud = predict(&case);
    assert_eq!(
        loud.outcome.events,
        ["2371 MQRC_CHANNEL_SSL_ERROR (MQRQ_SSL_HANDSHAKE_ERROR)"]
    );
    // WARN on an unknown status: 2552 with SSLEV(ENABLED).
    let mut warn = example("qm-responder-down-warn").unwrap();
    assert!(predict(&warn).events.is_empty());
    warn.queue_manager
        .mqsc
        .push_str("ALTER QMGR SSLEV(ENABLED)\n");
    assert_eq!(
        predict(&warn).outcome.events,
        ["2552 MQRC_CHANNEL_SSL_WARNING (MQRQ_SSL_UNKNOWN_REVOCATION)"]
    );
}

/// MQSERVER beats a CCDT for a C client (IBM q016710, q027440): the channel it defines names no
/// CipherSpec, so against a TLS channel the prediction states the one-sided CipherSpec from the
/// case, not as a supposition. An application's own MQCD beats MQSERVER.
#[test]
fn mqserver_beats_the_ccdt_and_names_no_cipherspec() {
    let mut case = example("good").unwrap_or_else(|| panic!("example good"));
    case.client.ccdt_json = Some(
        r#"{"channel":[{"name":"PL81N.MQICHL","type":"clientConnection","clientConnection":{"connection":[{"host":"qm","port":1414}],"queueManager":"PL81N"},"transmissionSecurity":{"cipherSpecification":"ANY_TLS12_OR_HIGHER"}}]}"#
            .into(),
    );
    case.client.mqcd = None;
    case.client.command_line = None;
    case.queue_manager.mqsc =
        "DEFINE CHANNEL(PL81N.MQICHL) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER)".into();
    case.client
        .environment
        .insert("MQSERVER".into(), "PL81N.MQICHL/TCP/qm(1414)".into());
    let resolved = case.resolve();
    assert_eq!(resolved.client.mqcd.cipher_spec, None);
    assert!(resolved.client.ccdt_unused);
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, Some(2393));
    let step = d
        .steps
        .iter()
        .find(|s| s.id == "mq.client_cipherspec")
        .unwrap_or_else(|| panic!("{:#?}", d.steps));
    assert!(
        step.explanation.contains("MQSERVER=PL81N.MQICHL"),
        "{}",
        step.explanation
    );
    // Without MQSERVER the CCDT's CipherSpec is used.
    case.client.environment.remove("MQSERVER");
    assert_eq!(
        case.resolve().client.mqcd.cipher_spec.as_deref(),
        Some("ANY_TLS12_OR_HIGHER")
    );
}

/// A client host with the shell's http_proxy but no SSLHTTPProxyName / MQSSLPROXY: the fix for an
/// unreachable responder says GSKit does not use the shell's proxy (APAR IC64358); once MQ's
/// proxy is set, it no longer does.
#[test]
fn a_shell_proxy_is_named_as_not_gskits() {
    let mut case = example("client-responder-down").unwrap_or_else(|| panic!("example"));
    case.client
        .environment
        .insert("http_proxy".into(), "http://proxy.example.test:3128".into());
    let said = |case: &Case| {
        predict(case).fixes.iter().any(|f| {
            f.detail
                .contains("http_proxy=http://proxy.example.test:3128")
        })
    };
    assert!(said(&case), "{:#?}", predict(&case).fixes);
    case.client
        .environment
        .insert("MQSSLPROXY".into(), "proxy.example.test(3128)".into());
    assert!(!said(&case));
}

/// An OCSP AUTHINFO defined while SSLCRLNL is stated blank is not used (ticket 111); referenced
/// through the namelist it is, and the lint is silent.
#[test]
fn an_ocsp_authinfo_outside_a_blank_sslcrlnl_is_said_unused() {
    let mut case = example("good").unwrap_or_else(|| panic!("example good"));
    let authinfo = "DEFINE AUTHINFO('NW.OCSP') AUTHTYPE(OCSP) OCSPURL('http://ocsp-int.example/') REPLACE\nDEFINE NAMELIST('NW.REV') NAMES('NW.OCSP') REPLACE\n";
    case.queue_manager.mqsc = format!("ALTER QMGR SSLCRLNL(' ')\n{authinfo}");
    assert!(lint_ids(&case).contains(&"authinfo-not-in-sslcrlnl".to_owned()));
    case.queue_manager.mqsc = format!("ALTER QMGR SSLCRLNL('NW.REV')\n{authinfo}");
    assert!(!lint_ids(&case).contains(&"authinfo-not-in-sslcrlnl".to_owned()));
    // Not stated at all: nothing is known of SSLCRLNL, nothing is said.
    case.queue_manager.mqsc = authinfo.into();
    assert!(!lint_ids(&case).contains(&"authinfo-not-in-sslcrlnl".to_owned()));
}
