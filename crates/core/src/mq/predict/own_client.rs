//! What the Java and managed .NET models share: both take their revocation settings from their
//! own runtime, not from MQ's configuration, and both name the chain they validated.

use crate::certificate::Certificate;
use crate::mq::case::Resolved;

/// The validated chain, leaf first, as "a → b → root".
pub(super) fn chain_words(path: &[Certificate]) -> String {
    path.iter()
        .map(Certificate::short_name)
        .collect::<Vec<_>>()
        .join(" → ")
}

/// Whether the case configures OCSP the C client's way (an MQAIR, a CCDT AUTHINFO, an
/// mqclient.ini OCSPAuthentication): settings a Java or managed .NET client does not use.
pub(super) fn c_ocsp_configured(resolved: &Resolved) -> bool {
    resolved
        .client
        .effective_sco()
        .is_some_and(|sco| !sco.auth_info_records.is_empty())
        || !resolved.client.ccdt_authinfo.is_empty()
        || resolved.client.ssl.ocsp_authentication.source != crate::mq::ini::Source::Default
}
