//! Shared by the client-model tests on certificates made by `openssl ca`.
#![allow(dead_code)]

use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::predict::Diagnosis;
use mqocsp_testkit::fixtures::pem as pem_block;
use mqocsp_testkit::openssl::OpensslCa;

/// A case evaluated now around the CA's certificate, its `qm` certificate as the queue manager's
/// and `crl` when given: a client command line for QM1.SVRCONN and the channel's definition. The
/// client's kind, settings and trust are the test's to set.
pub fn openssl_case(ca: &OpensslCa, crl: Option<&[u8]>, title: &str) -> Case {
    let mut material = ca.cert_pem();
    material.push_str(&std::fs::read_to_string(ca.dir().join("qm.pem")).unwrap());
    if let Some(crl) = crl {
        material.push_str(&pem_block("X509 CRL", crl));
    }
    let now = mqocsp_core::Timestamp(time::OffsetDateTime::now_utc()).to_string();
    let mut case = Case::new(title, &now);
    case.material = material;
    case.client.command_line =
        Some("mqpgfc -qm QM1 -ch QM1.SVRCONN -x qm1.example.test(1414) -cs ANY_TLS12".into());
    case.queue_manager.mqsc =
        "DEFINE CHANNEL(QM1.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12) SSLCAUTH(OPTIONAL)\n"
            .into();
    case.queue_manager.certificate = Some("qm1.example.test".into());
    case
}

/// The ids of the client's predicted log.
pub fn client_ids(d: &Diagnosis) -> Vec<&str> {
    d.client_log.iter().map(|l| l.id.as_str()).collect()
}
