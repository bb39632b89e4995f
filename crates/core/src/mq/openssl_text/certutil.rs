//! Certificates as Windows `certutil -dump` prints them (`X509 Certificate:`, `Serial Number:`,
//! `Issuer:` / `Subject:` with one RDN per indented line, `Subject Type=End Entity` / `CA` under
//! Basic Constraints, `URL=` under the AIA's "On-line Certificate Status Protocol" access method
//! and under CRL Distribution Points). Read into the same [`TextCertificate`] as `openssl x509
//! -text`; the dates are printed in the machine's locale and time zone, so they are not taken.

use super::TextCertificate;

/// Which list a `URL=` line belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Urls {
    None,
    Ocsp,
    Crl,
}

/// Which name the indented RDN lines belong to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Name {
    None,
    Issuer,
    Subject,
}

/// Every certificate `certutil -dump` printed in `text`.
pub fn certificates(text: &str) -> Vec<TextCertificate> {
    let mut out: Vec<TextCertificate> = Vec::new();
    let mut name = Name::None;
    let mut urls = Urls::None;
    for (index, raw) in super::super::quote::lines(text).into_iter().enumerate() {
        let t = raw.trim();
        if t == "X509 Certificate:" {
            out.push(TextCertificate {
                line: index + 1,
                ..TextCertificate::default()
            });
            name = Name::None;
            urls = Urls::None;
            continue;
        }
        let Some(cert) = out.last_mut() else { continue };
        if t.is_empty() {
            name = Name::None;
            continue;
        }
        match t {
            "Issuer:" => name = Name::Issuer,
            "Subject:" => name = Name::Subject,
            _ if name != Name::None && raw.starts_with(char::is_whitespace) && t.contains('=') => {
                let field = match name {
                    Name::Issuer => &mut cert.issuer,
                    _ => &mut cert.subject,
                };
                // certutil prints the most specific RDN first (CN, OU, O, C), one per line.
                *field = Some(match field.take() {
                    Some(so_far) => format!("{so_far}, {t}"),
                    None => t.to_owned(),
                });
            }
            _ => {
                name = Name::None;
                if let Some(serial) = t.strip_prefix("Serial Number:") {
                    cert.serial = Some(serial.trim().to_ascii_lowercase());
                } else if let Some(kind) = t.strip_prefix("Subject Type=") {
                    cert.ca = Some(kind.trim() == "CA");
                } else if t.contains("Certificate Status Protocol") {
                    urls = Urls::Ocsp;
                } else if t.starts_with("CRL Distribution Point") || t.contains("Full Name:") {
                    urls = Urls::Crl;
                } else if t.starts_with("Access Method=") {
                    urls = Urls::None;
                } else if let Some(url) = t.strip_prefix("URL=") {
                    match urls {
                        Urls::Ocsp => cert.ocsp_urls.push(url.trim().to_owned()),
                        Urls::Crl => cert.crl_urls.push(url.trim().to_owned()),
                        Urls::None => {}
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_serial_kind_and_urls() {
        let text = "\
X509 Certificate:
Serial Number: 5A0C31
Issuer:
    CN=Northwind Issuing CA 1
    C=GB

Subject:
    CN=mqprd01.northwind.example
    C=GB
    Basic Constraints
        Subject Type=End Entity
    Authority Information Access
        [1]Authority Info Access
             Access Method=Certification Authority Issuer (1.3.6.1.5.5.7.48.2)
             Alternative Name:
                  URL=http://pki.example/issuing.cer
        [2]Authority Info Access
             Access Method=On-line Certificate Status Protocol (1.3.6.1.5.5.7.48.1)
             Alternative Name:
                  URL=http://ocsp.example:8080/
";
        let certs = certificates(text);
        let cert = certs.first().unwrap();
        assert_eq!(cert.serial.as_deref(), Some("5a0c31"));
        assert_eq!(
            cert.issuer.as_deref(),
            Some("CN=Northwind Issuing CA 1, C=GB")
        );
        assert_eq!(
            cert.subject.as_deref(),
            Some("CN=mqprd01.northwind.example, C=GB")
        );
        assert_eq!(cert.ca, Some(false));
        assert_eq!(cert.ocsp_urls, ["http://ocsp.example:8080/"]);
        assert!(cert.crl_urls.is_empty());
    }
}
