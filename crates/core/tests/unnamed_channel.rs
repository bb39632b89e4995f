//! A ticket that names no channel (only `openssl ocsp` output and a reason code): the SNI is not
//! made up from an empty name, and the predicted messages show MQ's '????' for the channel.

use mqocsp_core::mq::ticket::{explain_case, read};
use mqocsp_core::verify::trace::Outcome;

#[test]
fn no_channel_named_gives_no_empty_sni_and_no_empty_channel_in_messages() {
    let qm = include_str!("../../../testdata/tickets/pki/qm.pem");
    let issuing = include_str!("../../../testdata/tickets/pki/issuing.pem");
    let text = format!(
        "MQCONNX ended with reason code 2393\n\n\
         $ openssl ocsp -issuer issuing.pem -cert qm.pem -url http://ocsp.northwind.example:8080/\n\
         Response verify OK\n\
         qm.pem: revoked\n\n\
         qm.pem:\n{qm}\nissuing.pem:\n{issuing}"
    );
    let ticket = read(&text, "2026-12-01T00:00:00Z");
    let resolved = ticket.case.resolve();
    let e = explain_case(&ticket.case, resolved);
    let sni = e
        .diagnosis
        .steps
        .iter()
        .find(|s| s.id == "mq.sni")
        .expect("an SNI step");
    assert_eq!(sni.outcome, Outcome::Skip, "{}", sni.explanation);
    assert!(!sni.explanation.contains("'.chl.mq.ibm.com'"));
    for entry in e
        .diagnosis
        .client_log
        .iter()
        .chain(&e.diagnosis.queue_manager_log)
    {
        assert!(!entry.text.contains("channel ''"), "{}", entry.text);
    }
    assert!(
        e.cause.summary.contains("is revoked"),
        "{}",
        e.cause.summary
    );
}
