//! Certificates a ticket shows only as `openssl x509 -text` output (no PEM, no DER): they cannot
//! be validated (no key, no signature), so the reasoning keeps its stand-ins, but the names and
//! responder URLs the output prints are the customer's and replace the stand-ins' in what is said.
//! Which side a printed certificate belongs to: the one whose serial the logs name (the client's
//! log names the queue manager's certificates, the queue manager's the client's), or the only
//! end-entity certificate printed when only one side's log shows a check of its partner.

use super::{Observations, base, normal_serial};
use crate::mq::openssl_text::TextCertificate;
use crate::mq::revocation::Side;

/// A printed certificate standing for one side's certificate.
pub(super) struct Printed {
    /// Its CN (or the whole subject when it has none).
    pub name: String,
    /// Its first AIA OCSP URL.
    pub url: Option<String>,
    /// The command that printed it (`openssl x509 -text`, `certutil -dump`).
    pub by: &'static str,
}

/// The CN of a subject as openssl prints it (`C = GB, O = X, CN = host`).
fn cn(subject: &str) -> String {
    subject
        .split(',')
        .find_map(|part| {
            let (key, value) = part.split_once('=')?;
            (key.trim() == "CN").then(|| value.trim().to_owned())
        })
        .unwrap_or_else(|| subject.trim().to_owned())
}

/// The printed certificates standing for the queue manager's certificate (`[0]`) and the
/// client's (`[1]`), where the ticket says which.
pub(super) fn roles(material: &str, observed: &Observations) -> [Option<Printed>; 2] {
    // openssl x509 -text first, then Windows' certutil -dump.
    let openssl = crate::mq::openssl_text::parse(material).certificates;
    let from_openssl = openssl.len();
    let printed: Vec<TextCertificate> = openssl
        .into_iter()
        .chain(crate::mq::openssl_text::certutil::certificates(material))
        .collect();
    let by = |cert: &TextCertificate| {
        let index = printed.iter().position(|c| std::ptr::eq(c, cert));
        if index.is_some_and(|i| i < from_openssl) {
            "openssl x509 -text"
        } else {
            "certutil -dump"
        }
    };
    let leaves: Vec<&TextCertificate> = printed
        .iter()
        .filter(|c| c.ca != Some(true) && c.subject.is_some())
        .collect();
    let checks = |side: Side| {
        observed.messages.iter().filter(move |m| {
            m.side == side && ["AMQ9716", "AMQ9633", "AMQ9658"].contains(&base(&m.id).as_str())
        })
    };
    let role = |checker: Side| -> Option<Printed> {
        let other = match checker {
            Side::Client => Side::QueueManager,
            Side::QueueManager => Side::Client,
        };
        let by_serial = checks(checker).find_map(|m| {
            let serial = m.serial.as_deref()?;
            printed.iter().find(|c| {
                c.serial
                    .as_deref()
                    .is_some_and(|s| normal_serial(s) == normal_serial(serial))
            })
        });
        let alone = (leaves.len() == 1
            && checks(checker).next().is_some()
            && checks(other).next().is_none())
        .then(|| leaves.first().copied())
        .flatten();
        let cert = by_serial.or(alone)?;
        Some(Printed {
            name: cn(cert.subject.as_deref().unwrap_or_default()),
            url: cert.ocsp_urls.first().cloned(),
            by: by(cert),
        })
    };
    [role(Side::Client), role(Side::QueueManager)]
}

/// The responders `openssl ocsp -url URL` asked about the queue manager's certificate (`[0]`)
/// and the client's (`[1]`): the URL of a printed response whose serial is the one the side
/// checking that certificate names in its log. No certificate need be pasted for it.
pub(super) fn asked_urls(material: &str, observed: &Observations) -> [Option<String>; 2] {
    let responses = crate::mq::openssl_text::parse(material).ocsp;
    let url_for = |checker: Side| -> Option<String> {
        observed
            .messages
            .iter()
            .filter(|m| m.side == checker)
            .filter_map(|m| m.serial.as_deref())
            .find_map(|serial| {
                responses.iter().find_map(|r| {
                    r.responses
                        .iter()
                        .any(|single| {
                            single
                                .serial
                                .as_deref()
                                .is_some_and(|s| normal_serial(s) == normal_serial(serial))
                        })
                        .then(|| r.url.clone())
                        .flatten()
                })
            })
    };
    [url_for(Side::Client), url_for(Side::QueueManager)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mq::explain::Observed;

    const PRINTED: &str = "Certificate:\n    Data:\n        Version: 3 (0x2)\n        Serial Number: 5901361 (0x5a0c31)\n        Issuer: C = GB, O = Northwind Trading, CN = Northwind Issuing CA 1\n        Subject: C = GB, O = Northwind Trading, OU = Messaging, CN = mqprd01.northwind.example\n        X509v3 extensions:\n            X509v3 Basic Constraints: \n                CA:FALSE\n            Authority Information Access: \n                OCSP - URI:http://ocsp.northwind.example:8080/\n";

    #[test]
    fn the_responder_openssl_ocsp_asked_names_the_side_its_serial_is() {
        let mut observed = Observations::default();
        observed.messages.push(Observed {
            serial: Some("5a0c31".into()),
            ..Observed::bare(Side::Client, "AMQ9633E", 1)
        });
        let material = "{code:bash}\n$ openssl ocsp -issuer issuing.pem -cert qm.pem -url http://ocsp.example:8080/ -resp_text -noverify\nOCSP Response Data:\n    OCSP Response Status: successful (0x0)\n    Responses:\n    Certificate ID:\n      Serial Number: 5A0C31\n    Cert Status: revoked\n{code}\n";
        let [qm, client] = asked_urls(material, &observed);
        assert_eq!(qm.as_deref(), Some("http://ocsp.example:8080/"));
        assert_eq!(client, None);
        // Another serial: not the queue manager's certificate.
        let other = material.replace("5A0C31", "5A0C77");
        assert_eq!(asked_urls(&other, &observed), [None, None]);
    }

    /// `certutil -dump` (Windows) prints a certificate too: its CN and AIA OCSP URL name the
    /// queue manager's stand-in the client's log checks (ticket 126).
    #[test]
    fn a_certutil_dump_stands_for_its_side() {
        let mut observed = Observations::default();
        observed.messages.push(Observed {
            serial: Some("5a0c31".into()),
            ..Observed::bare(Side::Client, "AMQ9716E", 1)
        });
        let dump = "C:\\temp>certutil -dump mqprd01.cer\nX509 Certificate:\nVersion: 3\nSerial Number: 5a0c31\nIssuer:\n    CN=Northwind Issuing CA 1\n    O=Northwind Trading\n\nSubject:\n    CN=mqprd01.northwind.example\n    O=Northwind Trading\n\nCertificate Extensions: 2\n    2.5.29.19: Flags = 0, Length = 2\n    Basic Constraints\n        Subject Type=End Entity\n\n    1.3.6.1.5.5.7.1.1: Flags = 0, Length = 33\n    Authority Information Access\n        [1]Authority Info Access\n             Access Method=On-line Certificate Status Protocol (1.3.6.1.5.5.7.48.1)\n             Alternative Name:\n                  URL=http://ocsp.northwind.example:8080/\n";
        let [qm, client] = roles(dump, &observed);
        let qm = qm.expect("the queue manager's");
        assert_eq!(qm.name, "mqprd01.northwind.example");
        assert_eq!(
            qm.url.as_deref(),
            Some("http://ocsp.northwind.example:8080/")
        );
        assert_eq!(qm.by, "certutil -dump");
        assert!(client.is_none());
    }

    #[test]
    fn the_printed_certificate_the_logs_name_stands_for_its_side() {
        let mut observed = Observations::default();
        observed.messages.push(Observed {
            serial: Some("5a0c31".into()),
            ..Observed::bare(Side::Client, "AMQ9633E", 1)
        });
        let [qm, client] = roles(PRINTED, &observed);
        let qm = qm.expect("the queue manager's");
        assert_eq!(qm.name, "mqprd01.northwind.example");
        assert_eq!(
            qm.url.as_deref(),
            Some("http://ocsp.northwind.example:8080/")
        );
        assert!(client.is_none());
        // Without a log checking anything, nothing says whose it is.
        assert!(
            roles(PRINTED, &Observations::default())
                .iter()
                .all(Option::is_none)
        );
    }
}
