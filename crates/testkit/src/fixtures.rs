//! The PKI of the seed walk-through, rebuilt with fixed keys and times so every byte is
//! reproducible: a server-side CA ("nsca") that issued the queue manager's certificate (serial 01),
//! a client-side CA ("winca") that issued the MQ client's certificate (serial 02), and the OCSP
//! answers each side's responder gave in each scenario.
//!
//! `testdata/fixtures/` holds these files; a test regenerates them and fails on any difference.

use crate::ocsp::{ResponseSpec, Single, Status, response};
use crate::pki::{Authority, CertSpec, Issued};
use time::macros::datetime;

/// The two CAs and the two end-entity certificates of the seed.
#[derive(Debug)]
pub struct SeedPki {
    /// The queue manager machine's CA (`nsca` in the seed).
    pub server_ca: Authority,
    /// The queue manager's certificate, serial 01.
    pub queue_manager: Issued,
    /// The client machine's CA (`winca` in the seed).
    pub client_ca: Authority,
    /// The MQ client's certificate, serial 02, label PL921WCA.
    pub client: Issued,
}

/// The seed's OCSP responder URLs (documentation addresses: nothing is contacted).
pub const SERVER_RESPONDER_URL: &str = "http://nsca.example.test:2560/";
/// The client machine's responder.
pub const CLIENT_RESPONDER_URL: &str = "http://winca.example.test:2560/";

/// Builds the seed's PKI.
pub fn seed() -> SeedPki {
    let server_ca = Authority::root(
        &CertSpec::new("www.sd.pulsarintegration.com")
            .organization("Pulsar Integration SD Inc.")
            .state("Sydney")
            .country("AU")
            .serial(&[0x5d, 0x01])
            .validity(
                datetime!(2021-08-02 08:00:00 UTC),
                datetime!(2031-08-02 08:00:00 UTC),
            ),
    );
    let queue_manager = server_ca.issue(
        &CertSpec::new("www.sd.pulsarintegration.PL81N.com")
            .organization("Pulsar Integration PL81NA Inc.")
            .state("Sydney")
            .country("AU")
            .serial(&[0x01])
            .validity(
                datetime!(2021-08-02 08:20:27 UTC),
                datetime!(2031-08-02 08:20:27 UTC),
            )
            .ocsp_url(SERVER_RESPONDER_URL)
            .tls(),
    );
    let client_ca = Authority::root(
        &CertSpec::new("www.pulsarintegration.com")
            .organization("Pulsar Integration Inc.")
            .state("Chiba")
            .country("JP")
            .serial(&[0x3c, 0x01])
            .validity(
                datetime!(2021-08-02 06:00:00 UTC),
                datetime!(2031-08-02 06:00:00 UTC),
            ),
    );
    let client = client_ca.issue(
        &CertSpec::new("www.pulsarintegration.PL921WC.com")
            .organization("Pulsar Integration PL921WC Inc.")
            .state("Chiba")
            .country("JP")
            .serial(&[0x02])
            .validity(
                datetime!(2021-08-16 06:28:07 UTC),
                datetime!(2031-08-16 06:28:07 UTC),
            )
            .ocsp_url(CLIENT_RESPONDER_URL)
            .tls(),
    );
    SeedPki {
        server_ca,
        queue_manager,
        client_ca,
        client,
    }
}

/// `der` as a PEM block with `label`.
pub use mqocsp_core::der_write::pem;

/// An answer from a CA's own responder (the seed signs with the CA key: `-rsigner cacert.pem`).
fn answer(ca: &Authority, serial: &[u8], status: Status, produced: &str) -> Vec<u8> {
    let mut spec = ResponseSpec::good(serial);
    spec.produced_at = produced.to_owned();
    spec.singles = vec![Single {
        status,
        this_update: produced.to_owned(),
        // The seed's responders ran without -ndays: no nextUpdate.
        next_update: None,
        ..Single::good(serial)
    }];
    response(&spec, &ca.certificate, &ca.certificate)
}

/// Every fixture file: name and content.
pub fn files() -> Vec<(&'static str, String)> {
    let pki = seed();
    let revoked_qm = Status::Revoked("20210929080911".into(), None);
    let revoked_client = Status::Revoked("20220202080659".into(), None);
    vec![
        ("server-ca.pem", pki.server_ca.certificate.pem.clone()),
        ("queue-manager.pem", pki.queue_manager.pem.clone()),
        ("client-ca.pem", pki.client_ca.certificate.pem.clone()),
        ("client.pem", pki.client.pem.clone()),
        (
            "ocsp-queue-manager-good.pem",
            pem(
                "OCSP RESPONSE",
                &answer(&pki.server_ca, &[0x01], Status::Good, "20220202132226"),
            ),
        ),
        (
            "ocsp-queue-manager-revoked.pem",
            pem(
                "OCSP RESPONSE",
                &answer(&pki.server_ca, &[0x01], revoked_qm, "20220202164635"),
            ),
        ),
        (
            "ocsp-client-good.pem",
            pem(
                "OCSP RESPONSE",
                &answer(&pki.client_ca, &[0x02], Status::Good, "20220202132226"),
            ),
        ),
        (
            "ocsp-client-revoked.pem",
            pem(
                "OCSP RESPONSE",
                &answer(&pki.client_ca, &[0x02], revoked_client, "20220202171950"),
            ),
        ),
        (
            "ocsp-queue-manager-ca-unknown.pem",
            pem(
                "OCSP RESPONSE",
                &answer(
                    &pki.server_ca,
                    &[0x5d, 0x01],
                    Status::Unknown,
                    "20220202132226",
                ),
            ),
        ),
    ]
}
