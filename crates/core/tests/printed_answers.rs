//! What `openssl ocsp` printed about a certificate is that responder's answer about it, for every
//! certificate it printed one for, while the search varies the one the logs name.

use mqocsp_core::mq::ticket::read;

const QM: &str = include_str!("../../../testdata/tickets/pki/qm.pem");
const ISSUING: &str = include_str!("../../../testdata/tickets/pki/issuing.pem");

/// A C client whose MQAIR names one responder for the whole chain (and that asks no other:
/// OCSPCheckExtensions=NO); its AMQ9716E names the Issuing CA; openssl got 'good' for the leaf
/// from that responder.
fn ticket() -> String {
    format!(
        "We test with amqssslc:\n\
[appadm@app05 ~]$ /opt/mqm/samp/bin/amqssslc -m MQPRD01 -c ORDERS.SVRCONN -x 'mqprd01.northwind.example(1414)' -k /home/appadm/ssl/key -s TLS_AES_256_GCM_SHA384 -o http://ocsp.northwind.example:8080/\n\
MQCONNX ended with reason code 2393\n\
\n\
mqclient.ini:\n\
SSL:\n\
   OCSPCheckExtensions=NO\n\
\n\
11/30/2026 08:12:40 AM - Process(5531.1) User(appadm) Program(amqssslc)\n\
                    Host(app05.northwind.example) Installation(Installation1)\n\
                    VRMF(9.3.0.15)\n\
                    Time(2026-11-30T08:12:40.004Z)\n\
                    CommentInsert1(ORDERS.SVRCONN)\n\
                    CommentInsert2([Class=]GSKVALMethod::X509[Issuer=]CN=Northwind Root CA 2025,O=Northwind Trading,C=GB[#=]1a2b01[Subject=]CN=Northwind Issuing CA 1,O=Northwind Trading,C=GB)\n\
\n\
AMQ9716E: Remote SSL certificate revocation status check failed for channel\n\
'ORDERS.SVRCONN'.\n\
----- amqccisa.c : 9406 -------------------------------------------------------\n\
\n\
The responder answers for the server certificate:\n\
$ openssl ocsp -issuer issuing.pem -cert mqprd01.pem -url http://ocsp.northwind.example:8080/\n\
mqprd01.pem: good\n\
\tThis Update: Nov 30 08:00:00 2026 GMT\n\
\n\
mqprd01.pem\n{QM}\nissuing.pem\n{ISSUING}\n"
    )
}

#[test]
fn the_ca_the_log_names_is_varied_while_the_leaf_keeps_its_printed_answer() {
    let ticket = read(&ticket(), "2026-12-01T00:00:00Z");
    let e = ticket.explain();
    // The leaf is good, as openssl printed; the CA the log names is the one in question, and
    // MQ got past the leaf at that responder, so it reached it: the responder does not know
    // the CA.
    assert!(
        e.cause
            .summary
            .contains("answers unknown about a CA certificate")
            && e.cause.summary.contains("Northwind Issuing CA 1"),
        "{}",
        e.cause.summary
    );
    assert!(e.matches_observed, "{:?}", e.observed);
    assert!(
        e.diagnosis
            .assumptions
            .iter()
            .any(|a| a.id == "openssl-output-as-gskit"),
        "{:?}",
        e.diagnosis.assumptions
    );
}
