//! How a queue manager's or client's TLS library writes a certificate into a message insert
//! (AMQ9633's "details of the certificate"), shared by the revocation and the chain checks.

use crate::certificate::Certificate;

/// IBM's AMQ9633 page: the certificate details insert and the validation error.
pub(super) const IBM_AMQ9633: &str = "https://www.ibm.com/support/pages/node/1081227";

/// `/C=JP/ST=Chiba/O=…/CN=…`: how OpenSSL prints a name in the queue manager's log.
pub(super) fn openssl_name(cert: &Certificate) -> String {
    cert.subject
        .attributes
        .iter()
        .map(|a| {
            format!(
                "/{}={}",
                if a.name == "E" {
                    "emailAddress"
                } else {
                    &a.name
                },
                a.value
            )
        })
        .collect()
}

/// `[Class=]GSKVALMethod::X509[Issuer=]…[#=]01[Subject=]…`: how GSKit describes a certificate.
pub(super) fn gskit_name(cert: &Certificate) -> String {
    let dn = |s: &str| s.replace("E=", "EMAIL=");
    format!(
        "[Class=]GSKVALMethod::X509[Issuer=]{}[#=]{}[Subject=]{}",
        dn(&cert.issuer.rfc4514),
        cert.serial,
        dn(&cert.subject.rfc4514)
    )
}
