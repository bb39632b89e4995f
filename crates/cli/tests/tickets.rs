//! Hand-written tickets (testdata/tickets: different shapes, orders and amounts of information,
//! none made from the built-in cases) diagnosed as a support engineer would run mqocsp on them:
//! `mqocsp diagnose TICKET --json`. Each has the verdict a person reached by reading it (the
//! table below) and a golden of the whole diagnosis, reviewed by hand.

mod common;

use common::{golden, mqocsp};
use mqocsp_testkit::golden::assert_golden;
use serde_json::{Value, json};
use std::path::Path;

/// What a person concluded from each ticket: reason code (None: connects), the side whose check
/// fails or warns, and words the cause must contain.
const EXPECTED: &[(&str, Option<u32>, &str, &[&str])] = &[
    (
        "01-linux-client-responder-down",
        Some(2393),
        "client",
        &[
            "cannot reach",
            "http://ocsp.northwind.example:8080/",
            "mqprd01.northwind.example",
        ],
    ),
    (
        "02-windows-qm-responder-down",
        Some(2393),
        "queue_manager",
        &["cannot reach", "orders-svc"],
    ),
    (
        "03-server-revoked-with-ocsp-text",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    (
        "04-qm-log-only-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "05-warn-connects-asks-why",
        None,
        "client",
        &["WARN", "cannot reach"],
    ),
    (
        "06-logs-only-no-certificates",
        Some(2393),
        "client",
        &["cannot reach", "not pasted"],
    ),
    (
        "07-ini-says-warn-but-refused",
        Some(2393),
        "client",
        &["cannot reach", "REQUIRED"],
    ),
    (
        "08-kdb-suffix-on-93-revoked",
        Some(2393),
        "client",
        &["is revoked"],
    ),
    (
        "11-display-output-no-client-cert",
        Some(2393),
        "queue_manager",
        &["no certificate"],
    ),
    (
        "12-responder-answers-unknown",
        Some(2393),
        "client",
        &["answers unknown", "mqprd01.northwind.example"],
    ),
    (
        "09-kdb-suffix-on-92",
        Some(2381),
        "client",
        &["report.kdb", "MQ 9.2.0.4"],
    ),
    (
        "10-ccdt-peer-name-mismatch",
        Some(2398),
        "client",
        &["SSLPeerName", "Middleware"],
    ),
    (
        "13-spring-boot-jsse-network-error",
        Some(2397),
        "client",
        &["cannot reach", "JSSE"],
    ),
    (
        "14-java-ignores-mqclient-ini-ocsp",
        None,
        "none",
        &["checks no revocation", "cannot use the OCSP information"],
    ),
    (
        "15-java-revoked",
        Some(2397),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    (
        "40-dotnet-linux-responder-unreachable",
        Some(2393),
        "client",
        &[
            "cannot reach",
            "http://ocsp.northwind.example:8080/",
            "SslStream",
        ],
    ),
    (
        "41-dotnet-framework-revoked",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example", "SslStream"],
    ),
    (
        "42-dotnet-mqclient-ini-ocsp-ignored",
        None,
        "none",
        &[
            "SSLCertRevocationCheck is not set",
            "uses only the server specified in the certificate",
        ],
    ),
    (
        "16-two-queue-managers",
        Some(2393),
        "queue_manager",
        &["cannot reach", "orders-svc"],
    ),
    (
        "17-client-certificate-expired",
        Some(2393),
        "client",
        &["its own certificate", "billing-batch expired"],
    ),
    (
        "18-issuing-ca-expired",
        Some(2393),
        "queue_manager",
        &["Fabrikam Issuing CA 2", "expired on 2026-09-30"],
    ),
    (
        "19-missing-intermediate",
        Some(2393),
        "client",
        &["Northwind Issuing CA 1", "missing intermediate"],
    ),
    (
        "20-cipherspec-any-tls12-or-higher",
        Some(2393),
        "queue_manager",
        &[
            "ANY_TLS12_OR_HIGHER",
            "SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384)",
        ],
    ),
    (
        "21-container-no-key-repository",
        Some(2381),
        "client",
        &["no key repository is named", "MQSSLKEYR"],
    ),
    (
        "22-chlauth-sslpeermap-noaccess",
        Some(2035),
        "queue_manager",
        &["USERSRC(NOACCESS)", "OU=Apps,O=Northwind Trading"],
    ),
    (
        "23-nonstop-qm-certificate-revoked",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    (
        "24-qm-log-only-validity-period",
        Some(2393),
        "queue_manager",
        &[
            "outside its validity period",
            "does not show the certificates' dates",
        ],
    ),
    (
        "25-client-log-only-chain-575010",
        Some(2393),
        "client",
        &[
            "does not reach a CA certificate",
            "missing intermediate or an untrusted root",
        ],
    ),
    (
        "60-client-names-no-cipherspec-amq9641",
        Some(2393),
        "client",
        &["names no CipherSpec", "SSLCIPH(TLS_AES_256_GCM_SHA384)"],
    ),
    (
        "61-renewed-cert-blocked-by-sslpeermap",
        Some(2035),
        "queue_manager",
        &[
            "SSLPEER('O=Example Corp,C=GB') USERSRC(NOACCESS)",
            "CN=orders-svc,OU=Apps",
        ],
    ),
    (
        "62-windows-qm-log-amq9631-only",
        Some(2393),
        "queue_manager",
        &[
            "TLS_RSA_WITH_AES_256_CBC_SHA256",
            "SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA256)",
        ],
    ),
    (
        "63-ccdt-and-channel-agree-but-amq9641",
        Some(2393),
        "queue_manager",
        &["really offers", "probably not the one pasted"],
    ),
    (
        "64-display-chlauth-blockuser-amq9776",
        Some(2035),
        "queue_manager",
        &["BLOCKUSER", "USERLIST(*MQADMIN)"],
    ),
    (
        "65-2035-after-clean-handshake-no-logs",
        Some(2035),
        "queue_manager",
        &["refuses the connection", "channel authentication record"],
    ),
    (
        "66-qm-log-only-amq9777-no-rules",
        Some(2035),
        "queue_manager",
        &["USERSRC(NOACCESS)", "CN=tradecap01"],
    ),
    (
        "67-java-2035-after-cert-switch",
        Some(2035),
        "queue_manager",
        &["refuses the connection", "JMSWMQ2013"],
    ),
    (
        "68-rebuilt-qm-without-its-certificate-label",
        Some(2393),
        "queue_manager",
        &["no personal certificate", "ibmwebspheremqqmpay2"],
    ),
    (
        "69-ccdt-cipherspec-channel-sslciph-blank",
        Some(2393),
        "queue_manager",
        &["names ANY_TLS12_OR_HIGHER", "blank SSLCIPH"],
    ),
    (
        "70-liberty-jms-2397-amq9641",
        Some(2397),
        "client",
        &["names no CipherSpec", "APP.TLS.SVRCONN"],
    ),
    (
        "71-renewed-cert-new-dn-pasted-old",
        Some(2035),
        "queue_manager",
        &["USERSRC(NOACCESS)", "CN=orders-svc.prod"],
    ),
    // The first of two MQAIR records is version 1: its URL is ignored, the AIA responder
    // (unreachable from the batch network) is asked.
    (
        "26-mqair-v1-first-of-two",
        Some(2393),
        "client",
        &[
            "cannot reach",
            "http://ocsp.northwind.example:8080/",
            "first MQAIR is version 1",
        ],
    ),
    (
        "27-uppercase-http-url",
        Some(2553),
        "client",
        &["HTTP://OCSP.NORTHWIND.EXAMPLE:8080/", "lowercase http://"],
    ),
    (
        "28-channel-sslpeer-wildcard",
        Some(2059),
        "queue_manager",
        &["SSLPEER", "orders-svc"],
    ),
    // Redacted values are unknown, not wrong: no 2553 for http://xxx.xxx.xxx.xxx:xxxx.
    (
        "29-redacted-everything",
        Some(2393),
        "client",
        &["is revoked", "http://xxx.xxx.xxx.xxx:xxxx"],
    ),
    (
        "30-japanese-client-responder-down",
        Some(2393),
        "client",
        &["cannot reach", "mqprd01.northwind.example"],
    ),
    (
        "31-japanese-qm-log-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "32-outlook-rewrapped-windows-crlf",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    // Only the reason code: several explanations fit, and the cause says it cannot choose.
    (
        "33-only-mqconnx-and-mqrc",
        Some(2393),
        "queue_manager",
        &["cannot tell", "explanations apart"],
    ),
    (
        "34-qm-log-only-responder-down",
        Some(2393),
        "queue_manager",
        &["cannot reach", "http://ocsp.northwind.example:8080/"],
    ),
    // The JMS portal connects (no revocation check in its JVM); the C job is the one that fails.
    (
        "35-java-and-c-clients-same-qm",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    (
        "36-s-client-showcerts-firewall",
        Some(2393),
        "client",
        &["cannot reach", "mqprd01.northwind.example"],
    ),
    // APAR IT44272: ClientRevocationChecks=REQUIRED with no CCDT and no MQSCO on 9.3.0.
    (
        "37-clientrevocationchecks-no-ccdt",
        Some(2059),
        "client",
        &["ClientRevocationChecks=REQUIRED", "IT44272"],
    ),
    // Only the queue manager's own certificate pasted (its CA not): it is not a root, so its
    // revocation is still checked and AMQ9716 is explained, not a contradiction.
    (
        "72-windows-crlf-leaf-only-responder-unreachable",
        Some(2393),
        "client",
        &["cannot reach", "http://ocsp.northwind.example:8080/"],
    ),
    // The chain statuses on lines of their own (a validation callback's log), and the reason
    // only as MQRC_SSL_INITIALIZATION_ERROR: the responder is offline, not a revoked certificate.
    (
        "73-dotnet-callback-logs-chain-status-lines",
        Some(2393),
        "client",
        &["cannot reach", "RevocationStatusUnknown"],
    ),
    // The reason code only in hexadecimal (0x00000959, X'0959'), the queue manager's log naming
    // the revoked client certificate.
    (
        "74-hex-reason-code-qm-log-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    // `openssl ocsp -cert qm.pem` without -resp_text prints `qm.pem: revoked`: the certificate
    // pasted under `qm.pem:` is the one revoked, no log needed.
    (
        "75-openssl-ocsp-without-resp-text-revoked",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    // The customer blames the OCSP responder (curl output: connection refused), the log shows a
    // CipherSpec error naming the client's new CipherSpec; the channel's SSLCIPH is not shown.
    (
        "76-customer-blames-responder-amq9641-cipherspec",
        Some(2393),
        "queue_manager",
        &["does not accept the TLS_RSA_WITH_AES_128_CBC_SHA256 the client offers"],
    ),
    // A JMS client whose certificate the queue manager refuses: JSSE only says "Received fatal
    // alert: bad_certificate", the queue manager's AMQ9633 names the revoked client certificate.
    (
        "77-liberty-jms-fatal-alert-qm-log-client-revoked",
        Some(2397),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    // The client's log as `grep -B7 -A9` printed it, each line after `…/AMQERR01.LOG-` or `:`.
    (
        "78-grep-prefixed-client-log-leaf-only",
        Some(2393),
        "client",
        &["cannot reach", "http://ocsp.northwind.example:8080/"],
    ),
    // "We do not use OCSP" (OCSPCheckExtensions=NO, no MQAIR), yet the client logs AMQ9716E: a
    // responder it has and the ticket does not show (the CCDT's AUTHINFO from SSLCRLNL).
    (
        "79-amq9716-but-no-ocsp-configured-ccdt-authinfo",
        Some(2393),
        "client",
        &["cannot reach", "<OCSPURL not shown>"],
    ),
    // "The responder works": openssl printed good, but Response Verify Failure: the responder is
    // reached and its answer cannot be verified (AMQ9716 cause (c)), not unreachable.
    (
        "80-openssl-response-verify-failure-amq9716",
        Some(2393),
        "client",
        &[
            "cannot rely on the OCSP responder's answer",
            "cannot be verified",
        ],
    ),
    // A managed .NET client whose certificate the queue manager cannot check: SslStream only
    // says the remote party sent a TLS alert; the queue manager's AMQ9716 names orders-svc.
    (
        "81-dotnet-tls-alert-qm-log-amq9716-client-cert",
        Some(2393),
        "queue_manager",
        &["cannot reach", "orders-svc"],
    ),
    // The queue manager's log since last week: last week's AMQ9716 (the responder outage) is an
    // earlier attempt, set aside; today's AMQ9633 names the revoked client certificate.
    (
        "82-qm-log-last-week-amq9716-today-amq9633",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    // The client's whole log: yesterday's AMQ9208 (2009) and today's AMQ9633; the 06:00 run
    // worked, the 14:00 one did not.
    (
        "83-client-log-yesterday-2009-today-revoked",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    // IBM's sample amqssslc run with -o https://…: the sample builds an MQAIR v2 OCSP record,
    // MQCONNX rejects the URL (2553) before connecting.
    (
        "84-amqssslc-https-ocsp-url-2553",
        Some(2553),
        "client",
        &["https://ocsp.northwind.example/", "lowercase http://"],
    ),
    // The queue manager's log holds a cluster sender's AMQ9716 at the same time: another
    // channel, set aside; the client's AMQ9633 names the revoked queue manager certificate.
    (
        "85-qm-log-cluster-channel-noise-client-revoked-qm",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    // amqsputc output and mqclient.ini with OCSPAuthentication=OPTIONAL: the customer thinks
    // OCSP cannot block them, but a revoked certificate fails under every setting.
    (
        "86-amqsputc-ini-optional-still-revoked",
        Some(2393),
        "client",
        &["is revoked", "under any OCSPAuthentication"],
    ),
    // Both logs inside a reply thread quoted two levels deep (`> > >`).
    (
        "87-nested-reply-quotes-both-logs",
        Some(2393),
        "queue_manager",
        &["cannot reach", "orders-svc"],
    ),
    // A Windows queue manager with day.month.year dates (German regional settings) and no
    // Time(…) field; the client only has AMQ9665E.
    (
        "88-windows-qm-day-month-dotted-dates-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    // DISPLAY QMGR, NAMELIST, AUTHINFO(…) ALL of type OCSP and CHANNEL(…) ALL: the queue
    // manager's own responder (OCSPURL) is the one it cannot reach.
    (
        "89-display-channel-all-authinfo-ocsp-qm-unreachable",
        Some(2393),
        "queue_manager",
        &["cannot reach", "http://ocsp-int.northwind.example:8080/"],
    ),
    // IBM's JSSE (com.ibm.jsse2) stack trace as printStackTrace prints it, "... 38 more" lines
    // and all: the queue manager's certificate is revoked.
    (
        "90-ibm-jsse2-full-stack-trace-revoked",
        Some(2397),
        "client",
        &["is revoked", "JSSE"],
    ),
    // An MQ 8.0 client's entry: two-digit year, no Time(…), AMQ9716 without severity letter.
    (
        "91-mq8-two-digit-year-no-severity-letter",
        Some(2393),
        "client",
        &["cannot reach"],
    ),
    // A JMS client with a truststore but no keystore against SSLCAUTH(REQUIRED): the queue
    // manager's AMQ9637 tells of a client that sent no certificate (a Java client logs no
    // AMQ9642, so its silence does not point at the queue manager's own certificate).
    (
        "92-spring-jms-no-keystore-qm-amq9637",
        Some(2397),
        "queue_manager",
        &["SSLCAUTH(REQUIRED)", "no certificate to send"],
    ),
    // The client's log through Outlook: ‘typographic’ quotes around the inserts, no-break
    // spaces in the header's indentation; the channel is still read from the message.
    (
        "93-outlook-typographic-quotes-nbsp-indent",
        Some(2393),
        "client",
        &["cannot reach", "http://ocsp.northwind.example:8080/"],
    ),
    // The client's AMQ9633 (575032) names the issuing CA (serial 1a2b01), not the queue
    // manager's own certificate: the CA's responder (its AIA) answers revoked.
    (
        "94-issuing-ca-revoked-amq9633-names-it",
        Some(2393),
        "client",
        &[
            "A CA certificate of the queue manager's chain",
            "Northwind Issuing CA 1",
            "http://ocsp-root.northwind.example/",
        ],
    ),
    // The customer's openssl query got "Responder Error: unauthorized (6)": the responder is
    // reached and answers no status for the certificate, not "cannot be reached".
    (
        "95-responder-error-unauthorized-amq9716",
        Some(2393),
        "client",
        &["answers unknown", "mqprd01.northwind.example"],
    ),
    // Certificates only as `openssl x509 -text` printed them (no PEM): the stand-ins reason,
    // but the cause names the printed certificate and the responder its AIA prints.
    (
        "96-openssl-x509-text-only-no-pem",
        Some(2393),
        "client",
        &[
            "cannot reach",
            "http://ocsp.northwind.example:8080/",
            "mqprd01.northwind.example, printed by openssl x509 -text",
        ],
    ),
    // 2381 with SSLKeyRepository=….kdb and no VRMF: the only version is dspmqver's, and the
    // ticket shows nothing of a queue manager's host, so it is the client's (9.2.0.4).
    (
        "97-kdb-suffix-2381-client-version-unstated",
        Some(2381),
        "client",
        &["batchkey.kdb.kdb", "the client is MQ 9.2.0.4"],
    ),
    // pymqi's and the Node.js ibmmq package's errors (C clients underneath) with the python
    // worker's AMQERR01.LOG: the queue manager's certificate is revoked.
    (
        "98-pymqi-and-node-clients-revoked-qm",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    // The queue manager's log as its container writes it (AMQERR01.json lines, `oc logs`):
    // the JSON entry is read as an entry, its inserts name the revoked client certificate.
    (
        "99-openshift-qm-json-log-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    // AMQ9633E with GSKit's 575051 (not 575032): a chain that fails validation, not a
    // revocation, though the message lists reason (e) among the others.
    (
        "100-client-log-only-575051-not-revocation",
        Some(2393),
        "client",
        &["The chain does not validate"],
    ),
    // Two dspmqver outputs, the queue manager's (9.3) first, then the Windows client's (9.2),
    // each introduced by a sentence; MQSSLKEYR names a .kdb file and the job gets 2381: the
    // client's 9.2 appends .kdb itself. The queue manager's 9.3 must not be taken as the
    // client's.
    (
        "101-two-dspmqver-qm-first-windows-client-kdb-2381",
        Some(2381),
        "client",
        &["batchkey.kdb.kdb", "the client is MQ 9.2.0.7"],
    ),
    // A chat transcript: the PKI admin's openssl shows the leaf good and the Issuing CA unknown
    // at the root's responder; the client's AMQ9716E names the Issuing CA. The cause is the
    // CA's unknown, as openssl printed it, not an unreachable leaf responder.
    (
        "102-teams-chat-openssl-leaf-good-issuing-ca-unknown",
        Some(2393),
        "client",
        &[
            "answers unknown about a CA certificate",
            "Northwind Issuing CA 1",
            "as the openssl ocsp output at line 29 shows",
        ],
    ),
    // A .NET Framework service's Event Viewer entry: the MQException's inner exception is an
    // IOException (the queue manager reset the connection during the handshake), and the queue
    // manager's AMQ9633E says the client's certificate is revoked. The IOException is an
    // observation the prediction matches (the refusal without a TLS alert).
    (
        "103-dotnet-event-viewer-ioexception-qm-log-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "104-openshift-go-client-amq9633-basic-log-ocsp-good",
        Some(2393),
        "queue_manager",
        &["does not validate", "Northwind Root CA 2025"],
    ),
    (
        "105-customer-blames-ocsp-wrong-certificate-label-amq9642",
        Some(2393),
        "queue_manager",
        &["no certificate to send"],
    ),
    (
        "106-json-ccdt-three-channels-mqserver-left-in-unit",
        Some(2393),
        "client",
        &["MQSERVER=ORDERS.SVRCONN", "never reads"],
    ),
    (
        "107-forwarded-twice-chain-out-of-order-issuing-ca-revoked",
        Some(2393),
        "client",
        &["Northwind Issuing CA 1", "is revoked"],
    ),
    (
        "108-cet-client-local-time-utc-qm-log-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "109-python-curl-works-through-proxy-gskit-does-not",
        Some(2393),
        "client",
        &["cannot reach", "mqprd01.northwind.example"],
    ),
    (
        "110-spring-jms-not-ocsp-qm-json-amq9716-issuing-ca",
        Some(2397),
        "queue_manager",
        &[
            "cannot reach",
            "http://ocsp-root.northwind.example/",
            "Northwind Issuing CA 1",
        ],
    ),
    (
        "111-dmpmqcfg-authinfo-defined-sslcrlnl-blank-aia-unreachable",
        Some(2393),
        "queue_manager",
        &[
            "cannot reach",
            "http://ocsp.northwind.example:8080/",
            "orders-svc",
        ],
    ),
    (
        "112-jira-markup-noformat-optional-still-revoked-qm",
        Some(2393),
        "client",
        &[
            "is revoked",
            "http://ocsp.northwind.example:8080/",
            "any OCSPAuthentication",
        ],
    ),
    (
        "113-friday-client-amq9716-fixed-today-qm-revokes-client",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "114-s-client-status-no-stapling-client-amq9716",
        Some(2393),
        "client",
        &[
            "cannot reach",
            "http://ocsp.northwind.example:8080/",
            "mqprd01.northwind.example",
        ],
    ),
    (
        "115-openssl-verify-error-20-leaf-only-kdb-root-only",
        Some(2393),
        "client",
        &["Northwind Issuing CA 1", "missing intermediate"],
    ),
    (
        "116-openssl-verify-crl-check-revoked-app-cert-node-client",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "117-kdb-on-93-client-stash-file-missing-2381",
        Some(2381),
        "client",
        &[
            "/etc/payments/ssl/payments.kdb",
            "/etc/payments/ssl/payments.sth",
        ],
    ),
    (
        "118-curl-verbose-only-responder-url-client-amq9716",
        Some(2393),
        "client",
        &["cannot reach", "http://ocsp.northwind.example:8080/"],
    ),
    (
        "119-old-java-mqje001-2397-revoked-qm-cert",
        Some(2397),
        "client",
        &["is revoked", "JSSE"],
    ),
    (
        "120-windows-us-ampm-noon-entry-latest-qm-revokes-client",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "121-zos-chinit-csqx-messages-linux-client-amq9665",
        Some(2393),
        "queue_manager",
        &[
            "does not reach a CA certificate",
            "queue manager's key ring",
        ],
    ),
    (
        "122-servicenow-export-newest-note-first-qm-cert-revoked",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    (
        "123-go-client-s-client-verify-21-leaf-only-presented",
        Some(2393),
        "client",
        &["Northwind Issuing CA 1", "missing intermediate"],
    ),
    (
        "125-spring-keytool-list-v-truststore-network-error",
        Some(2397),
        "client",
        &["cannot reach", "JSSE"],
    ),
    (
        "126-windows-certutil-dump-qm-cert-client-amq9716",
        Some(2393),
        "client",
        &[
            "cannot reach",
            "http://ocsp.northwind.example:8080/",
            "mqprd01.northwind.example",
        ],
    ),
    (
        "127-s-client-cafile-verify-21-no-pem-no-logs",
        Some(2393),
        "client",
        &["does not reach a CA", "client's key repository"],
    ),
    (
        "128-windows-event-viewer-qm-event-id-9633-client-amq9665",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "129-powershell-test-netconnection-windows-client-amq9716",
        Some(2393),
        "client",
        &["cannot reach", "mqprd01.northwind.example"],
    ),
    (
        "130-openssl-ocsp-error-connecting-bio-from-qm-host-amq9716",
        Some(2393),
        "queue_manager",
        &[
            "cannot reach",
            "http://ocsp.northwind.example:8080/",
            "orders-svc",
        ],
    ),
    (
        "131-grep-n-line-numbers-qm-log-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "132-thread-update-connects-now-asks-root-cause",
        Some(2393),
        "client",
        &["cannot reach"],
    ),
    (
        "133-kubernetes-configmap-mqclient-ini-warn-client-amq9716",
        Some(2393),
        "client",
        &["cannot reach", "REQUIRED"],
    ),
    (
        "134-web-form-collapsed-log-entries-one-line-each",
        Some(2393),
        "queue_manager",
        &["cannot reach", "orders-svc"],
    ),
    (
        "135-client-amq9716-names-issuing-ca-root-responder",
        Some(2393),
        "client",
        &[
            "cannot reach",
            "http://ocsp-root.northwind.example/",
            "Northwind Issuing CA 1",
        ],
    ),
    // Nothing in the ticket says why it fails: the cause cannot be more than the configuration's
    // prediction, and the contradiction says so (checked below).
    (
        "124-display-chstatus-authinfo-only-nothing-connects",
        None,
        "none",
        &[],
    ),
    (
        "136-german-prose-english-client-log-responder-down",
        Some(2393),
        "client",
        &["cannot reach", "http://ocsp.northwind.example:8080/"],
    ),
    (
        "137-curl-http-403-from-responder-client-amq9716",
        Some(2393),
        "client",
        &["HTTP 403 Forbidden", "queue manager's certificate"],
    ),
    (
        "138-iso8601-ist-offset-client-utc-qm-log-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "139-mq94-json-client-log-classic-qm-log-qm-responder-down",
        Some(2393),
        "queue_manager",
        &["cannot reach", "client's certificate"],
    ),
    (
        "141-mq-appliance-qm-log-client-revoked",
        Some(2393),
        "queue_manager",
        &["is revoked", "orders-svc"],
    ),
    (
        "140-ocsp-extensions-off-cdp-on-crl-unreachable-client-amq9716",
        Some(2393),
        "client",
        &[
            "CRL distribution point",
            "http://crl.northwind.example/issuing-ca-1.crl",
        ],
    ),
    (
        "142-json-ccdt-two-channels-second-named-qm-cert-revoked",
        Some(2393),
        "client",
        &["is revoked", "mqprd01.northwind.example"],
    ),
    (
        "143-french-prose-windows-client-winhttp-proxy-amq9716",
        Some(2393),
        "client",
        &["cannot reach", "queue manager's certificate"],
    ),
    (
        "144-zos-qm-in-prose-client-log-only-amq9665",
        Some(2393),
        "queue_manager",
        &["does not validate", "key ring"],
    ),
];

/// What is reviewed of a diagnosis: the cause and what it rests on, the predicted outcome.
fn reviewed(d: &Value) -> Value {
    let summaries = |list: &Value| -> Vec<Value> {
        list.as_array()
            .into_iter()
            .flatten()
            .map(|a| a["summary"].clone())
            .collect()
    };
    json!({
        "cause": d["cause"],
        "matches_observed": d["matches_observed"],
        "supposes": d["supposes"],
        "contradictions": d["contradictions"],
        "alternatives": summaries(&d["alternatives"]),
        "outcome": {
            "reason_code": d["outcome"]["reason_code"],
            "client_log": d["outcome"]["client_log"],
            "queue_manager_log": d["outcome"]["queue_manager_log"],
        },
        "observed": d["observed"],
    })
}

/// `mqocsp diagnose TICKET --json` on the ticket of testdata/tickets with this name.
fn diagnosed(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/tickets")
        .join(format!("{name}.txt"));
    let out = mqocsp([
        "diagnose",
        path.to_str().unwrap(),
        "--json",
        "--at",
        "2026-12-01T00:00:00Z",
    ]);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{name}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn every_ticket_gets_the_cause_a_person_found() {
    let mut failures = Vec::new();
    for (name, reason, side, words) in EXPECTED {
        let d = diagnosed(name);
        let summary = d["cause"]["summary"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let got_reason = d["outcome"]["reason_code"].as_u64().map(|c| c as u32);
        let got_side = d["cause"]["side"].as_str().unwrap_or("none");
        let side_ok = got_side == *side || (reason.is_none() && got_side == "none");
        if got_reason != *reason || !side_ok || !words.iter().all(|w| summary.contains(w)) {
            failures.push(format!(
                "{name}: expected {reason:?} on {side} with {words:?}, got {got_reason:?} on {got_side}: {summary}"
            ));
        }
        let text = serde_json::to_string_pretty(&reviewed(&d)).unwrap() + "\n";
        assert_golden(&golden("tickets", &format!("{name}.json")), &text);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_ticket_on_standard_input_is_diagnosed_the_same() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/tickets/04-qm-log-only-client-revoked.txt");
    let from_file = mqocsp([
        "diagnose",
        path.to_str().unwrap(),
        "--json",
        "--at",
        "2026-12-01T00:00:00Z",
    ]);
    let from_stdin = diagnosed_from_stdin(&std::fs::read(&path).unwrap());
    assert_eq!(from_file.stdout, from_stdin);
}

/// What `mqocsp diagnose - --json` prints with `text` on its standard input.
fn diagnosed_from_stdin(text: &[u8]) -> Vec<u8> {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mqocsp"))
        .args(["diagnose", "-", "--json", "--at", "2026-12-01T00:00:00Z"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), text).unwrap();
    child.wait_with_output().unwrap().stdout
}

/// A ticket with nothing mqocsp reads (prose only, or empty) is a clear error naming the lines,
/// not the prediction for an empty case ("MQCONNX connects").
#[test]
fn a_ticket_with_nothing_to_read_is_a_clear_error() {
    for (text, lines) in [
        (
            "Hi, MQ is broken since this morning, please help!\n",
            "line 1 is prose",
        ),
        ("", "the ticket is empty"),
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mqocsp"))
            .args(["diagnose", "-", "--at", "2026-12-01T00:00:00Z"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), text.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{text:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{text:?}");
        assert!(
            stderr.contains("nothing to diagnose") && stderr.contains(lines),
            "{stderr}"
        );
    }
}

/// `dspmqver` output gives the client's MQ version only when the ticket ties it to the client,
/// and the filing notes say which output was taken, which was not, and why.
#[test]
fn dspmqver_is_the_clients_version_only_when_the_ticket_ties_it() {
    let diagnose = |text: &str| -> Value {
        serde_json::from_slice(&diagnosed_from_stdin(text.as_bytes())).unwrap()
    };
    let notes = |d: &Value| -> String {
        d["read"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/tickets");
    let two =
        std::fs::read_to_string(dir.join("101-two-dspmqver-qm-first-windows-client-kdb-2381.txt"))
            .unwrap();
    let d = diagnose(&two);
    let read = notes(&d);
    assert!(
        read.contains("dspmqver output, MQ 9.3.0.15, is the queue manager's")
            && read.contains("dspmqver output, MQ 9.2.0.7: the client's MQ version"),
        "{read}"
    );
    assert!(
        !d["supposes"].to_string().contains("9.2 or earlier"),
        "{}",
        d["supposes"]
    );
    // Without the sentences that say whose machine each ran on, and with the queue manager's
    // side in the ticket, neither is the client's: the version is supposed again, and said.
    let untied = two
        .replace("On the queue manager server (QMPRD2, RHEL 8):", "")
        .replace(
            "And on APPWIN07, the Windows box where the batch runs (MQ client only, no queue manager there):",
            "",
        );
    let d = diagnose(&untied);
    let read = notes(&d);
    assert!(
        read.contains("dspmqver output, MQ 9.2.0.7, seen but not taken as the client's version"),
        "{read}"
    );
    assert!(
        d["supposes"].to_string().contains("9.2 or earlier"),
        "{}",
        d["supposes"]
    );
    // A prompt naming the client's host (its log's Host) ties it, whatever else is pasted.
    let prompted = format!(
        "{untied}\n11/30/2026 02:00:04 AM - Process(4410.1) User(svcbatch) Program(nightly.exe)\n                    Host(APPWIN07) Installation(Installation1)\n                    VRMF(9.2.0.7)\nAMQ9999E: Channel 'BATCH.SVRCONN' to host 'mqlnx02' ended abnormally.\n"
    )
    .replace("C:\\Program Files\\IBM\\MQ\\bin>dspmqver", "svcbatch@appwin07:~$ dspmqver");
    let read = notes(&diagnose(&prompted));
    assert!(
        read.contains("is the client's (its prompt names the host appwin07"),
        "{read}"
    );
    // A prompt naming MQSERVER's host is the queue manager's; another output then has nothing
    // tying it to the client (the ticket shows something from the queue manager's host).
    let d = diagnose(
        "MQCONNX fails with reason code 2381\n\
         export MQSERVER='BATCH.SVRCONN/TCP/mqlnx02.corp.example(1414)'\n\
         export MQSSLKEYR=/var/mqm/ssl/key.kdb\n\n\
         [mqm@mqlnx02 ~]$ dspmqver\nName:        IBM MQ\nVersion:     9.2.0.4\n\n\
         > [batch@app07 ~]$ dspmqver\n> Name:        IBM MQ\n> Version:     9.3.0.5\n",
    );
    let read = notes(&d);
    assert!(
        read.contains("MQ 9.2.0.4, is the queue manager's (its prompt names the host mqlnx02")
            && read.contains("MQ 9.3.0.5, seen but not taken as the client's version"),
        "{read}"
    );
}

/// A managed .NET client's IOException of a connection the queue manager ended is an
/// observation, and it matches the queue manager's refusal (ticket 103's diagnosis matches what
/// was observed, the IOException among its evidence).
#[test]
fn a_dotnet_ioexception_is_the_queue_managers_refusal_observed() {
    let d = diagnosed("103-dotnet-event-viewer-ioexception-qm-log-client-revoked");
    assert_eq!(d["matches_observed"], true, "{}", d["observed"]);
    assert!(
        d["cause"]["evidence"]
            .to_string()
            .contains("line 25: NET:RemoteClosed in the client's log"),
        "{}",
        d["cause"]["evidence"]
    );
    assert!(
        d["assumptions"].to_string().contains("dotnet-qm-refusal"),
        "{}",
        d["assumptions"]
    );
}

/// A diagnosis that relies on openssl output names the assumption it makes: that openssl ocsp's
/// verdict is what the MQ side's TLS library would conclude (GSKit for a C client, the client's
/// own stack for .NET), that the chain s_client printed is the one the listener presents to MQ.
/// One that does not rely on it (no openssl output, or a .NET client checking no revocation)
/// names neither.
#[test]
fn relying_on_openssl_output_is_a_named_assumption() {
    for (name, expected) in [
        (
            "102-teams-chat-openssl-leaf-good-issuing-ca-unknown",
            &["openssl-output-as-gskit"][..],
        ),
        (
            "95-responder-error-unauthorized-amq9716",
            &["openssl-output-as-gskit"],
        ),
        (
            "80-openssl-response-verify-failure-amq9716",
            &["openssl-output-as-gskit"],
        ),
        (
            "41-dotnet-framework-revoked",
            &["openssl-output-as-client-library"],
        ),
        (
            "36-s-client-showcerts-firewall",
            &["s-client-chain-presented"],
        ),
        (
            "116-openssl-verify-crl-check-revoked-app-cert-node-client",
            &["openssl-output-as-gskit", "openssl-verify-crl-as-ocsp"],
        ),
        ("42-dotnet-mqclient-ini-ocsp-ignored", &[]),
        ("01-linux-client-responder-down", &[]),
    ] {
        let d = diagnosed(name);
        let mut ids: Vec<&str> = d["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a["id"].as_str())
            .filter(|id| id.starts_with("openssl-") || id.starts_with("s-client"))
            .collect();
        ids.sort_unstable();
        let mut expected = expected.to_vec();
        expected.sort_unstable();
        assert_eq!(ids, expected, "{name}");
    }
}

/// A customer who blames OCSP while the C client says it sent no certificate (AMQ9642) is told
/// the label the client looks its certificate up by (mqclient.ini's) and the one its key
/// repository holds (the runmqakm listing of the same file).
#[test]
fn a_missing_client_certificate_names_the_label_looked_for() {
    let d = diagnosed("105-customer-blames-ocsp-wrong-certificate-label-amq9642");
    assert_eq!(d["matches_observed"], true, "{}", d["observed"]);
    // The label mqclient.ini names, and the one the pasted key repository listing holds.
    let fixes = d["fixes"].to_string();
    assert!(
        fixes.contains("under the label 'invoicing-2025'"),
        "{fixes}"
    );
    assert!(fixes.contains("labelled 'invoicing-2026'"), "{fixes}");
}

/// A revoked intermediate CA is not mended by renewing the leaf: the fix says the certificate
/// must come from a CA that is not revoked, whatever order the chain was pasted in.
#[test]
fn a_revoked_issuing_ca_fix_asks_for_another_ca() {
    let d = diagnosed("107-forwarded-twice-chain-out-of-order-issuing-ca-revoked");
    assert_eq!(d["matches_observed"], true, "{}", d["observed"]);
    let fixes = d["fixes"].to_string();
    assert!(fixes.contains("it is a CA certificate"), "{fixes}");
    assert!(fixes.contains("from a CA that is not revoked"), "{fixes}");
}

/// A customer whose curl reaches the responder through the shell's http_proxy is told GSKit does
/// not use it: the fix names the variable and MQ's own proxy setting.
#[test]
fn curl_through_the_shell_proxy_is_not_gskit() {
    let d = diagnosed("109-python-curl-works-through-proxy-gskit-does-not");
    let fixes = d["fixes"].to_string();
    assert!(
        fixes.contains("http_proxy=http://proxy.northwind.example:3128"),
        "{fixes}"
    );
    assert!(fixes.contains("IC64358"), "{fixes}");
}

/// A queue manager whose SSLCRLNL is blank does not use the OCSP AUTHINFO the customer defined:
/// the diagnosis says so beside the unreachable AIA responder (dmpmqcfg's `+` continuations).
#[test]
fn an_authinfo_outside_sslcrlnl_is_said_unused() {
    let d = diagnosed("111-dmpmqcfg-authinfo-defined-sslcrlnl-blank-aia-unreachable");
    let lint = d["lint"].to_string();
    assert!(lint.contains("AUTHINFO(NW.OCSP.INTERNAL)"), "{lint}");
}

/// The MQ container's console lines (`oc logs --timestamps`, LOG_FORMAT=basic) are the queue
/// manager's log, said for that reason (they have no header), and they are the evidence.
#[test]
fn the_container_console_log_is_the_queue_managers() {
    let d = diagnosed("104-openshift-go-client-amq9633-basic-log-ocsp-good");
    let read = d["read"].to_string();
    assert!(
        read.contains(
            "the log at line 17 as the queue manager's log (the MQ container's console log"
        ),
        "{read}"
    );
    assert!(
        d["cause"]["evidence"]
            .to_string()
            .contains("line 17: AMQ9633E in the queue manager's log"),
        "{}",
        d["cause"]["evidence"]
    );
}

/// A ticket that only says nothing connects (DISPLAY output, no code, no log) is not answered
/// "connects" silently: the contradiction says the ticket shows nothing of the failure and asks
/// for the logs.
#[test]
fn a_failure_said_only_in_words_is_a_contradiction() {
    let d = diagnosed("124-display-chstatus-authinfo-only-nothing-connects");
    let contradictions = d["contradictions"].to_string();
    assert!(
        contradictions.contains("the ticket says the connection fails (line 1)"),
        "{contradictions}"
    );
}

/// A key repository without its stash file: the fix names the .sth to create beside it.
#[test]
fn a_missing_stash_file_fix_names_it() {
    let d = diagnosed("117-kdb-on-93-client-stash-file-missing-2381");
    assert_eq!(d["matches_observed"], true, "{}", d["observed"]);
    let fixes = d["fixes"].to_string();
    assert!(
        fixes.contains("runmqakm -keydb -stashpw -db /etc/payments/ssl/payments.kdb"),
        "{fixes}"
    );
}

/// A Windows client whose host uses a WinHTTP proxy: the fix says GSKit does not use it and
/// names SSLHTTPProxyName with that proxy (ticket 143, French prose around netsh output).
#[test]
fn a_winhttp_proxy_fix_names_sslhttpproxyname() {
    let d = diagnosed("143-french-prose-windows-client-winhttp-proxy-amq9716");
    let fixes = d["fixes"].to_string();
    assert!(
        fixes.contains("SSLHTTPProxyName=proxy.northwind.example(3128)"),
        "{fixes}"
    );
    assert!(fixes.contains("does not use the Windows proxy"), "{fixes}");
}
