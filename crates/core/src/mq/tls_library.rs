//! Which TLS library a queue manager runs, read from its error log: GSKit (AIX, Linux, Windows)
//! or OpenSSL (HPE NonStop). The two write the same message ids with different inserts and
//! source files, which decides what mqocsp predicts the queue manager logs.

use super::config::QmTls;

/// Marks of an OpenSSL queue manager, as the seed walk-through's NonStop queue manager wrote
/// them: its TLS source file `amqcciso.c`, OpenSSL's alert text, its revocation wording, and
/// certificate names in OpenSSL's `/C=…/CN=…` form.
const OPENSSL: &[(&str, &str)] = &[
    (
        "amqcciso.c",
        "its TLS messages come from amqcciso.c, the OpenSSL build's source file",
    ),
    (
        "sslv3 alert",
        "it quotes an OpenSSL alert ('sslv3 alert …')",
    ),
    (
        "was revoked by AUTHINFO URL",
        "it words a revocation as OpenSSL's queue manager does ('revoked by AUTHINFO URL')",
    ),
    (
        "are '/C=",
        "it prints certificate names in OpenSSL's /C=…/CN=… form",
    ),
];

/// Marks of a GSKit queue manager: GSKit's certificate description and the GSKit build's TLS
/// source file (IBM's AMQ9633 example, https://www.ibm.com/support/pages/node/1081227).
const GSKIT: &[(&str, &str)] = &[
    (
        "GSKVALMethod",
        "it describes certificates as GSKit does ([Class=]GSKVALMethod::X509…)",
    ),
    (
        "amqccisa.c",
        "its TLS messages come from amqccisa.c, the GSKit build's source file",
    ),
];

/// The queue manager's TLS library and why, when its log shows marks of only one.
pub fn of_queue_manager_log(text: &str) -> Option<(QmTls, &'static str)> {
    let found = |marks: &[(&str, &'static str)]| {
        marks
            .iter()
            .find(|(mark, _)| text.contains(mark))
            .map(|(_, why)| *why)
    };
    match (found(OPENSSL), found(GSKIT)) {
        (Some(why), None) => Some((QmTls::Openssl, why)),
        (None, Some(why)) => Some((QmTls::Gskit, why)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeds_nonstop_log_is_openssl_and_ibms_example_is_gskit() {
        let nonstop = "AMQ9633: Bad SSL certificate for channel '????'.\nThe details of the certificate which could not be validated are 'sslv3 alert bad certificate'. The certificate validation error was 1042.\n----- amqcciso.c : 9785 ----";
        assert_eq!(
            of_queue_manager_log(nonstop).map(|t| t.0),
            Some(QmTls::Openssl)
        );
        let gskit = "AMQ9633E: Bad SSL certificate for channel '????'.\n'[Class=]GSKVALMethod::X509[Issuer=]CN=CA[#=]01[Subject=]CN=app'\n----- amqccisa.c : 7012 ----";
        assert_eq!(of_queue_manager_log(gskit).map(|t| t.0), Some(QmTls::Gskit));
        assert_eq!(
            of_queue_manager_log("AMQ9999E: Channel ended abnormally."),
            None
        );
    }
}
