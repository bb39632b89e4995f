//! The neighbours of a revocation failure, predicted: certificates outside their validity
//! period on either side, chains that do not reach a trusted CA; each with the messages each
//! side logs, per TLS library.

use mqocsp_core::mq::examples::example;
use mqocsp_core::mq::java::ClientKind;
use mqocsp_core::mq::predict::{Diagnosis, predict};

fn diagnose(name: &str) -> Diagnosis {
    let d = predict(&example(name).unwrap_or_else(|| panic!("example {name}")));
    assert!(d.problems.is_empty(), "{name}: {:?}", d.problems);
    d
}

/// A built-in case: name, reason code, client log ids, queue manager log ids, words of the
/// deciding step.
type Expected<'a> = (&'a str, Option<u32>, &'a [&'a str], &'a [&'a str], &'a str);

#[test]
fn validity_and_chain_problems_name_each_sides_messages() {
    let cases: [Expected<'_>; 6] = [
        (
            "qm-certificate-expired",
            Some(2393),
            &["AMQ9665E"],
            &["AMQ9797E"],
            "expired on 2031-08-02T08:20:27Z",
        ),
        (
            "client-ca-expired",
            Some(2393),
            &["AMQ9665E"],
            &["AMQ9658E"],
            "CN=www.pulsarintegration.com,O=Pulsar Integration Inc.,ST=Chiba,C=JP in the client's chain expired",
        ),
        (
            "client-ca-expired-nonstop",
            Some(2393),
            &["AMQ9665E"],
            &["AMQ9633"],
            "in the client's chain expired",
        ),
        (
            "qm-chain-missing-intermediate",
            Some(2393),
            &["AMQ9633E"],
            &["AMQ9665E"],
            "the issuer of mqprd01.northwind.example (CN=Northwind Issuing CA 1,O=Northwind Trading,C=GB) is neither sent",
        ),
        (
            "qm-root-not-trusted",
            Some(2393),
            &["AMQ9633E"],
            &["AMQ9665E"],
            "ends at the root CN=Northwind Root CA 2025",
        ),
        (
            "cipherspec-mismatch",
            Some(2393),
            &["AMQ9641"],
            &["AMQ9631E"],
            "negotiates TLS_CHACHA20_POLY1305_SHA256, which the channel does not accept",
        ),
    ];
    for (name, reason, client, qm, words) in cases {
        let d = diagnose(name);
        assert_eq!(d.outcome.reason_code, reason, "{name}");
        assert_eq!(d.outcome.client_log, client, "{name}");
        assert_eq!(d.outcome.queue_manager_log, qm, "{name}");
        let failed = d
            .steps
            .iter()
            .find(|s| s.outcome == mqocsp_core::verify::trace::Outcome::Fail)
            .unwrap_or_else(|| panic!("{name}: no failing step"));
        assert!(
            failed.explanation.contains(words),
            "{name}: {}",
            failed.explanation
        );
    }
}

#[test]
fn each_tls_library_reports_a_chain_in_its_own_words() {
    let gskit = diagnose("qm-chain-missing-intermediate");
    assert!(
        gskit.client_log[0]
            .text
            .contains("The certificate validation error was 575010.")
    );
    assert!(
        gskit
            .assumptions
            .iter()
            .any(|a| a.id == "validation-error-575010")
    );
    let nonstop = diagnose("client-ca-expired-nonstop");
    let line = &nonstop.queue_manager_log[0].text;
    assert!(
        line.contains("The certificate validation error was 10."),
        "{line}"
    );
    assert!(
        line.contains("/C=JP/ST=Chiba/"),
        "OpenSSL's name form: {line}"
    );
    assert!(
        nonstop
            .assumptions
            .iter()
            .any(|a| a.id == "openssl-qm-verify-error")
    );
}

/// APAR IT32081: a C client checks its own certificate before sending it; the IBM MQ classes for
/// Java do not, so the queue manager finds the same problem.
#[test]
fn a_not_yet_valid_client_certificate_is_caught_by_the_c_client_itself_not_by_java() {
    let mut case = example("good").unwrap();
    case.at = "2021-08-16T06:10:00Z".into();
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, Some(2393));
    assert_eq!(d.outcome.client_log, ["AMQ9797E"]);
    assert!(
        d.client_log[0].text.contains("with label 'PL921WCA'"),
        "the label -cl names: {}",
        d.client_log[0].text
    );
    case.client.kind = Some(ClientKind::Java);
    let java = predict(&case);
    assert_eq!(java.outcome.queue_manager_log, ["AMQ9633"]);
    assert!(java.queue_manager_log[0].text.contains("error was 9."));
}

/// IBM's channel SSL event for a CipherSpec refused after the handshake (q049770).
#[test]
fn a_refused_cipherspec_is_a_cipher_spec_error_event_with_sslev_enabled() {
    let mut case = example("cipherspec-mismatch").unwrap();
    case.queue_manager
        .mqsc
        .push_str("ALTER QMGR SSLEV(ENABLED)\n");
    let d = predict(&case);
    assert_eq!(
        d.outcome.events,
        ["2371 MQRC_CHANNEL_SSL_ERROR (MQRQ_SSL_CIPHER_SPEC_ERROR)"]
    );
    // Stated on one side only: nothing is compared (a ticket that does not quote the
    // channel's SSLCIPH must not be diagnosed as a mismatch).
    let mut unstated = example("cipherspec-mismatch").unwrap();
    unstated.queue_manager.mqsc = unstated
        .queue_manager
        .mqsc
        .replace(" +\n  SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384)", "");
    let d = predict(&unstated);
    assert!(
        d.steps.iter().all(|s| s.id != "mq.qm_cipherspec"),
        "{:?}",
        d.steps
    );
}

/// IBM q044090: 2381 when the key repository is not specified; only a case that states the
/// client's settings in full says that it is not.
#[test]
fn no_key_repository_is_2381_only_when_the_case_says_so() {
    use mqocsp_core::mq::explain::{Observations, explain};
    let d = diagnose("no-key-repository");
    assert_eq!(d.outcome.reason_code, Some(2381));
    assert!(d.lint.iter().any(|l| l.id == "no-key-repository"));
    // The same settings, not said to be complete: an unstated key repository is unknown.
    let mut partial = example("no-key-repository").unwrap();
    partial.client.settings_complete = false;
    let d = predict(&partial);
    assert!(
        d.lint.iter().all(|l| l.id != "no-key-repository"),
        "{:?}",
        d.lint
    );
    assert_ne!(d.outcome.reason_code, Some(2381));
    // The diagnosis search does not conclude 2381 from a ticket's silence either.
    let mut observed = Observations::default();
    observed.add_log(
        mqocsp_core::mq::revocation::Side::Client,
        "AMQ9716E: Remote SSL certificate revocation status check failed for channel 'PL81N.MQICHL'.",
        1,
    );
    observed.add_reason(2393, 1);
    let e = explain(&partial, &observed);
    assert_ne!(e.diagnosis.outcome.reason_code, Some(2381));
    // A ticket quoting 2381 makes it a question, answered by the supposition.
    let mut observed = Observations::default();
    observed.add_reason(2381, 1);
    let e = explain(&partial, &observed);
    assert_eq!(e.diagnosis.outcome.reason_code, Some(2381));
    assert!(
        e.supposes
            .iter()
            .any(|s| s.contains("names no key repository")),
        "{:?}",
        e.supposes
    );
}

/// After a successful handshake, CHLAUTH decides: an SSLPEERMAP record maps the client's DN to
/// MCAUSER('mqm'), which BLOCKUSER('*MQADMIN') blocks: 2035, AMQ9776E, nothing on the client.
#[test]
fn chlauth_after_the_handshake_gives_2035_not_a_tls_reason() {
    let d = diagnose("chlauth-blocked-user");
    assert_eq!(d.outcome.reason_code, Some(2035));
    assert!(d.outcome.client_log.is_empty());
    assert_eq!(d.outcome.queue_manager_log, ["AMQ9776E"]);
    // Mapped to a user nobody blocks: the connection is made.
    let mut case = example("chlauth-blocked-user").unwrap();
    case.queue_manager.mqsc = case
        .queue_manager
        .mqsc
        .replace("MCAUSER('mqm')", "MCAUSER('app01')");
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, None);
    // A more specific NOACCESS record for this DN blocks it outright: AMQ9777E.
    case.queue_manager.mqsc.push_str("SET CHLAUTH('PL81N.MQICHL') TYPE(SSLPEERMAP) SSLPEER('CN=www.pulsarintegration.PL921WC.com') USERSRC(NOACCESS)\n");
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, Some(2035));
    assert_eq!(d.outcome.queue_manager_log, ["AMQ9777E"]);
}

/// AMQ9797E in the queue manager's log although the queue manager's certificate pasted (not a
/// stand-in) is valid at the time: the diagnosis may suppose it out of its validity period, but
/// says that this contradicts the certificate pasted.
#[test]
fn a_validity_message_against_a_valid_pasted_certificate_is_a_contradiction() {
    use mqocsp_core::mq::explain::{Observations, explain};
    use mqocsp_core::mq::revocation::Side;
    let mut case = example("qm-root-not-trusted").unwrap();
    case.client.trust = vec!["Northwind Root CA 2025".into()];
    let mut observed = Observations::default();
    observed.add_log(
        Side::QueueManager,
        "AMQ9797E: Validation checks for the local personal certificate with label 'ibmwebspheremqmqprd01' failed.",
        1,
    );
    observed.add_reason(2393, 30);
    let e = explain(&case, &observed);
    assert_eq!(e.diagnosis.outcome.queue_manager_log, ["AMQ9797E"]);
    assert!(
        e.contradictions
            .iter()
            .any(|c| c.contains("certificates in use are probably not the ones pasted")),
        "{:?}",
        e.contradictions
    );
}

/// The IBM MQ classes for Java get 2397 for the same refusal (IBM Cloud's JMS TLS tutorial).
#[test]
fn a_java_client_refused_over_its_cipherspec_gets_2397() {
    let mut case = example("cipherspec-mismatch").unwrap();
    case.client.kind = Some(ClientKind::Java);
    let d = predict(&case);
    assert_eq!(d.outcome.reason_code, Some(2397));
    assert_eq!(d.outcome.queue_manager_log, ["AMQ9631E"]);
}

/// A client log showing AMQ9633 with GSKit's chain error 575010 and no certificate: the search
/// supposes a chain that does not reach a trusted CA, not a revocation (575032), because the
/// validation error the log states must match the prediction's.
#[test]
fn the_validation_error_tells_a_chain_problem_from_a_revocation() {
    use mqocsp_core::mq::explain::{Observations, explain};
    use mqocsp_core::mq::revocation::Side;
    let mut case = example("good").unwrap();
    case.responders.clear();
    for (error, words) in [
        (575010, "does not reach a CA certificate"),
        (575032, "is revoked"),
    ] {
        let mut observed = Observations::default();
        observed.add_log(
            Side::Client,
            &format!("AMQ9633E: Bad SSL certificate for channel 'PL81N.MQICHL'.\nThe certificate validation error was {error}.\n"),
            1,
        );
        observed.add_reason(2393, 10);
        let e = explain(&case, &observed);
        assert!(
            e.cause.summary.contains(words),
            "{error}: {}",
            e.cause.summary
        );
    }
}

#[test]
fn client_revocation_checks_required_without_ccdt_or_mqsco_is_2059_before_9_3_5() {
    // APAR IT44272: MQCONNX looks for the CCDT, logs AMQ9518E and fails with 2059.
    let d = diagnose("client-revocation-checks-no-ccdt");
    assert_eq!(d.outcome.reason_code, Some(2059), "{:#?}", d.steps);
    assert_eq!(
        d.client_log.first().map(|l| l.id.as_str()),
        Some("AMQ9518E")
    );
    // Fixed by design from 9.3.5: the connection goes on to the handshake.
    let mut fixed = example("client-revocation-checks-no-ccdt").unwrap();
    fixed.client.mq_version = Some("9.3.5.0".into());
    assert_ne!(predict(&fixed).outcome.reason_code, Some(2059));
    // A CCDT (here named by MQCHLLIB) is what ClientRevocationChecks reads: no failure.
    let mut with_ccdt = example("client-revocation-checks-no-ccdt").unwrap();
    with_ccdt
        .client
        .environment
        .insert("MQCHLLIB".into(), "/var/mqm/ccdt".into());
    assert_ne!(predict(&with_ccdt).outcome.reason_code, Some(2059));
    // A case that does not state the client's settings in full may have a CCDT: no verdict.
    let mut partial = example("client-revocation-checks-no-ccdt").unwrap();
    partial.client.settings_complete = false;
    assert_ne!(predict(&partial).outcome.reason_code, Some(2059));
}
