//! When a ticket fits several explanations, the diagnosis says which log to ask for and what each
//! content of it would mean; a log the ticket already shows is never asked for.

use mqocsp_core::mq::explain::explain;
use mqocsp_core::mq::ticket::read;

const REASON_ONLY: &str = "user reports: MQRC 2393 when connecting to QM01 since OCSP was enabled\n\n\
$ mqrc 2393\n\n      2393  0x00000959  MQRC_SSL_INITIALIZATION_ERROR\n\n\
mqclient.ini:\nSSL:\n   OCSPAuthentication=REQUIRED\n   OCSPCheckExtensions=YES\n";

#[test]
fn a_reason_code_alone_asks_for_both_logs_with_what_each_would_mean() {
    let ticket = read(REASON_ONLY, "2026-11-30T10:00:00Z");
    let e = explain(&ticket.case, &ticket.observed);
    assert!(e.alternatives.len() >= 2, "{:#?}", e.alternatives);
    let qm = e
        .tell_apart
        .iter()
        .find(|t| t.starts_with("Ask for the queue manager's error log"))
        .unwrap_or_else(|| panic!("{:#?}", e.tell_apart));
    // The client's own revocation failure leaves the queue manager's log empty; the queue
    // manager's own failure writes AMQ9716 there.
    assert!(qm.contains("nothing: "), "{qm}");
    assert!(qm.contains("AMQ9716"), "{qm}");
    assert!(
        e.tell_apart
            .iter()
            .any(|t| t.starts_with("Ask for the client's error log")),
        "{:#?}",
        e.tell_apart
    );
    // Every alternative carries the logs it predicts, which is what tells them apart.
    assert!(e.alternatives.iter().all(|a| a.reason_code == Some(2393)));
}

#[test]
fn a_log_the_ticket_shows_is_not_asked_for() {
    let ticket = format!(
        "{REASON_ONLY}\nQueue manager log:\n\n\
11/30/2026 10:00:01 AM - Process(2211.6) User(mqm) Program(amqrmppa)\n\
                    Host(mqhost) Installation(Installation1)\n\
                    VRMF(9.3.0.10) QMgr(QM01)\n\n\
AMQ9716E: Remote SSL certificate revocation status check failed for channel 'APP.SVRCONN'.\n\n\
EXPLANATION:\nIBM MQ failed to determine the revocation status of the remote SSL certificate.\n\
----- amqccisa.c : 9406 -------------------------------------------------------\n"
    );
    let ticket = read(&ticket, "2026-11-30T10:00:00Z");
    let e = explain(&ticket.case, &ticket.observed);
    assert!(
        !e.tell_apart
            .iter()
            .any(|t| t.contains("queue manager's error log")),
        "{:#?}",
        e.tell_apart
    );
}
