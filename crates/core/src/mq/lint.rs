//! The silent mistakes: settings MQ ignores or misreads without a word, each explained with its fix.

use super::case::Resolved;
use super::config::{AuthInfoKind, AuthInfoType, MqVersion};
use super::ini::{Setting, SslStanza};
use super::sslpeer::{self, PeerPattern};
use serde::Serialize;

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Lint {
    /// Stable id (`mqair-version-1`).
    pub id: String,
    /// In a few words.
    pub title: String,
    /// What happens and why.
    pub message: String,
    /// What to change.
    pub fix: String,
    /// The reason code MQCONNX fails with, when it does.
    pub reason_code: Option<u32>,
    /// Where the rule comes from.
    #[serde(deserialize_with = "crate::interned::text")]
    pub reference: crate::interned::Text,
}

fn finding(
    id: &str,
    title: &str,
    message: String,
    fix: String,
    reason_code: Option<u32>,
    reference: &'static str,
) -> Lint {
    Lint {
        id: id.to_owned(),
        title: title.to_owned(),
        message,
        fix,
        reason_code,
        reference,
    }
}

const MQAIR: &str = "https://www.ibm.com/docs/SSFKSJ_9.2.0/com.ibm.mq.ref.dev.doc/q093950_.htm";
const MQCNO: &str = "https://www.ibm.com/support/pages/node/4945665";
const URL_RULE: &str = "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q045520_.html";
const KEYREPO: &str = "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044090_.html";
/// IBM MQ 9.3 KeyRepository: "if the file extension is not specified, it is assumed to be .kdb".
const KEYREPO_93: &str = "https://ibm.com/docs/SSFKSJ_9.3.0/secure/q012750_.html";
const ORDER: &str =
    "https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.0.0/com.ibm.mq.sec.doc/q135040_.html";
const INI: &str = "https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.con.doc/q019040_.html";
const LABEL: &str = "http://setgetweb.com/p/MQ92/ref.dev/q120550_.htm";

fn ignored_values(ssl: &SslStanza, file: &str, out: &mut Vec<Lint>) {
    let mut check = |name: &str, ignored: &Option<(String, usize)>, default: &str| {
        if let Some((value, line)) = ignored {
            out.push(finding(
                "ini-value-ignored",
                "Unrecognised value falls back to the default",
                format!("{file} line {line}: {name}={value} is not a value MQ recognises; MQ silently uses the default, {default}, and writes no message."),
                format!("Write one of the documented values for {name}."),
                None,
                INI,
            ));
        }
    };
    check(
        "OCSPAuthentication",
        &ssl.ocsp_authentication.ignored,
        "REQUIRED",
    );
    check(
        "OCSPCheckExtensions",
        &ssl.ocsp_check_extensions.ignored,
        "YES",
    );
    check(
        "CDPCheckExtensions",
        &ssl.cdp_check_extensions.ignored,
        "NO",
    );
    check("OutboundSNI", &ssl.outbound_sni.ignored, "CHANNEL");
}

fn valid_ocsp_url(url: &str) -> bool {
    url.starts_with("http://") && url.len() > "http://".len() && !url.contains(char::is_whitespace)
}

/// Everything the configuration gets silently wrong.
pub fn lint(resolved: &Resolved) -> Vec<Lint> {
    let mut out = Vec::new();
    let client = &resolved.client;
    let sco = client.mqcno.sco.as_ref();
    if let Some(sco) = sco.filter(|_| client.mqcno.version < 4) {
        out.push(finding("mqcno-version", "MQCNO below version 4 ignores the MQSCO",
            format!("MQCNO is version {}, so SSLConfigPtr is ignored: the key repository{} of the MQSCO are not used.", client.mqcno.version, if sco.auth_info_records.is_empty() { "" } else { " and the MQAIR records" }),
            "Set MQCNO.Version to MQCNO_VERSION_4 or later.".into(), None, MQCNO));
    }
    if let Some(sco) = client.effective_sco() {
        let ocsp_records: Vec<_> = sco
            .auth_info_records
            .iter()
            .filter(|r| r.auth_info_type == AuthInfoType::MqaitOcsp)
            .collect();
        if let Some(first) = sco.auth_info_records.first() {
            if first.version < 2 && first.ocsp_responder_url.is_some() {
                out.push(finding("mqair-version-1", "MQAIR version 1 ignores OCSPResponderURL",
                    "The first MQAIR is version 1, which has no OCSPResponderURL field: the URL is silently ignored and the client falls back to the certificate's AIA (or checks nothing).".into(),
                    "Set MQAIR.Version to MQAIR_VERSION_2.".into(), None, MQAIR));
            }
            if first.version >= 2 && first.auth_info_type == AuthInfoType::MqaitOcsp {
                match &first.ocsp_responder_url {
                    // Only the scheme of a redacted URL can be judged: the rest is unknown, so
                    // it is taken as well formed, and said to be.
                    Some(url) if url.starts_with("http://") && let Some(what) = super::redact::placeholder(url) => out.push(finding("ocsp-url-redacted", "The OCSPResponderURL is redacted",
                        format!("OCSPResponderURL '{url}' is redacted in the ticket ({what}): mqocsp cannot see whether the real URL is well formed and takes it as one. Were it not (a space, a missing host), MQCONNX would fail with 2553 MQRC_OCSP_URL_ERROR before connecting."),
                        "Nothing to change if the real URL is http://host:port/ in lowercase; otherwise write it so.".into(), None, URL_RULE)),
                    Some(url) if !valid_ocsp_url(url) => out.push(finding("ocsp-url", "OCSPResponderURL must start with lowercase http://",
                        format!("OCSPResponderURL '{url}' is not a well-formed HTTP URL (it must begin with lowercase http://; https is not accepted): MQCONNX fails with 2553 MQRC_OCSP_URL_ERROR before connecting."),
                        "Write the responder URL as http://host:port/ in lowercase, or use MQAIT_CRL_LDAP if OCSP is not wanted.".into(), Some(2553), URL_RULE)),
                    _ => {}
                }
            }
        }
        if ocsp_records.len() > 1
            || sco.auth_info_records.len() > 1
                && sco
                    .auth_info_records
                    .first()
                    .is_some_and(|r| r.auth_info_type != AuthInfoType::MqaitOcsp)
                && !ocsp_records.is_empty()
        {
            out.push(finding("first-mqair-only", "Only the first MQAIR is used for OCSP",
                format!("{} MQAIR records are given; for OCSP only the first is referenced (observed in the seed walk-through), so the others' responder URLs are never asked.", sco.auth_info_records.len()),
                "Put the OCSP record first and give only one.".into(), None, MQAIR));
        }
        if sco.certificate_val_policy.is_some() && sco.version < 4 {
            out.push(finding("mqsco-valpolicy-version", "MQSCO below version 4 ignores CertificateValPolicy",
                format!("MQSCO.CertificateValPolicy is set but the MQSCO is version {}: the field is ignored and MQCERTVPOL or mqclient.ini decide.", sco.version),
                "Set MQSCO.Version to 4 or later.".into(), None, "https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_8.0.0/com.ibm.mq.ref.dev.doc/q099820_.html"));
        }
        if sco.fips_required.is_some() && sco.version < 2 {
            out.push(finding("mqsco-fips-version", "MQSCO version 1 ignores FipsRequired",
                "MQSCO.FipsRequired is set but the MQSCO is version 1: MQSSLFIPS or mqclient.ini decide.".into(),
                "Set MQSCO.Version to 2 or later.".into(), None, "https://ibm.com/docs/SSFKSJ_9.1.0/com.ibm.mq.sec.doc/q012440_.html"));
        }
        if let (Some(label), true) = (&sco.certificate_label, sco.version < 5) {
            out.push(finding("mqsco-label-version", "MQSCO below version 5 ignores CertificateLabel",
                format!("MQSCO.CertificateLabel '{label}' needs MQSCO version 5; with version {} the default label ibmwebspheremq<user> is used.", sco.version),
                "Set MQSCO.Version to 5 or later.".into(), None, LABEL));
        }
    }
    if let (Some(label), true) = (&client.mqcd.certificate_label, client.mqcd.version < 11) {
        out.push(finding("mqcd-label-version", "MQCD below version 11 ignores CertificateLabel",
            format!("MQCD.CertificateLabel '{label}' needs MQCD version 11; with version {} it is ignored.", client.mqcd.version),
            "Set MQCD.Version to MQCD_VERSION_11 or later.".into(), None, LABEL));
    }
    // Before MQ 9.3 the key repository is a stem and MQ appends .kdb; from 9.3 the name may
    // carry the extension (IBM's 9.3 KeyRepository page, KEYREPO_93).
    if let Some(Setting { value, source, .. }) = client.key_repository()
        && value.to_ascii_lowercase().ends_with(".kdb")
    {
        let stem = value.get(..value.len() - 4).unwrap_or_default();
        match client.mq_version {
            Some(version) if version < MqVersion::V9_3 => out.push(finding("kdb-suffix", "The key repository is a stem, without .kdb",
                format!("The key repository '{value}' (from {source}) ends in .kdb and the client is MQ {version}: before MQ 9.3 MQ appends .kdb itself, looks for '{value}.kdb' and fails with 2381 MQRC_KEY_REPOSITORY_ERROR."),
                format!("Use '{stem}' (or upgrade the client to MQ 9.3 or later, which accepts the extension)."), Some(2381), KEYREPO)),
            Some(_) => {}
            None => out.push(finding("kdb-suffix-version", "A .kdb key repository works only from MQ 9.3",
                format!("The key repository '{value}' (from {source}) ends in .kdb. The client's MQ version is not known, so MQ {} is assumed, which accepts the extension; an MQ 9.2 or earlier client would look for '{value}.kdb' and fail with 2381 MQRC_KEY_REPOSITORY_ERROR.", MqVersion::CURRENT),
                format!("Say which MQ version the client runs (its error log header shows VRMF); with MQ 9.2 or earlier use '{stem}'."), None, KEYREPO_93)),
        }
    }
    // No key repository anywhere (IBM q044090: 2381 when "the location of the key repository
    // is not specified"); only when the case states every place it could come from.
    if let Some(missing) = no_key_repository(client) {
        out.push(missing);
    }
    let client_has_source = client
        .effective_sco()
        .and_then(|s| s.auth_info_records.first())
        .is_some_and(|r| r.version >= 2 && r.auth_info_type == AuthInfoType::MqaitOcsp)
        || !client.ccdt_authinfo.is_empty()
        || client.effective_sco().is_some_and(|sco| {
            sco.auth_info_records.iter().any(|r| {
                r.auth_info_type == AuthInfoType::MqaitCrlLdap
                    && r.auth_info_conn_name
                        .as_deref()
                        .is_some_and(|c| !c.trim().is_empty())
            })
        });
    if !client_has_source
        && !client.ssl.ocsp_check_extensions.value.0
        && !client.ssl.cdp_check_extensions.value
    {
        out.push(finding("client-no-revocation", "The client checks no revocation at all",
            "OCSPCheckExtensions=NO and CDPCheckExtensions=NO, with no MQAIR or CCDT AUTHINFO: the client makes no revocation check whatsoever — a revoked queue manager certificate is accepted.".into(),
            "Give an MQAIR (version 2, MQAIT_OCSP) or set OCSPCheckExtensions=YES.".into(), None, ORDER));
    }
    if let Some(Err(e)) = client.mqcd.peer_name.as_deref().map(PeerPattern::parse) {
        out.push(finding("sslpeername-format", "SSLPeerName is not a valid pattern",
            format!("The client's SSLPeerName '{}': {e}. MQCONNX fails with 2399 MQRC_SSL_PEER_NAME_ERROR before any TLS is attempted.", client.mqcd.peer_name.as_deref().unwrap_or_default()),
            "Write SSLPeerName by IBM's rules, e.g. CN=qm1.example.com, O=Example, C=GB (uppercase types, quotes around values with commas).".into(), Some(2399), sslpeer::RULES));
    }
    ignored_values(&client.ssl, "mqclient.ini", &mut out);
    if let Some((value, line)) = &client.ssl.certificate_val_policy.ignored {
        out.push(finding("ini-value-ignored", "Unrecognised value falls back to the default",
            format!("mqclient.ini line {line}: CertificateValPolicy={value} is not ANY or RFC5280; MQ silently uses ANY."),
            "Write ANY or RFC5280.".into(), None, INI));
    }
    let qm = &resolved.qm;
    let ocsp_in_namelist: Vec<&str> = qm
        .sslcrlnl
        .iter()
        .filter(|n| {
            qm.authinfo.iter().any(|a| {
                a.name.eq_ignore_ascii_case(n) && matches!(a.kind, AuthInfoKind::Ocsp { .. })
            })
        })
        .map(String::as_str)
        .collect();
    if ocsp_in_namelist.len() > 1 {
        out.push(finding(
            "sslcrlnl-ocsp",
            "SSLCRLNL may hold only one OCSP AUTHINFO",
            format!(
                "SSLCRLNL lists {} OCSP AUTHINFO objects ({}); only one is allowed.",
                ocsp_in_namelist.len(),
                ocsp_in_namelist.join(", ")
            ),
            "Keep one OCSP AUTHINFO in the namelist.".into(),
            None,
            ORDER,
        ));
    }
    for missing in qm
        .sslcrlnl
        .iter()
        .filter(|n| !qm.authinfo.iter().any(|a| a.name.eq_ignore_ascii_case(n)))
    {
        out.push(finding(
            "sslcrlnl-missing",
            "SSLCRLNL names an AUTHINFO that is not defined",
            format!("The SSLCRLNL namelist names {missing}, which the MQSC does not define."),
            format!("DEFINE AUTHINFO({missing}) or remove it from the namelist."),
            None,
            ORDER,
        ));
    }
    // An OCSP AUTHINFO the queue manager does not use: SSLCRLNL is stated blank, so only the
    // certificate's AIA (OCSPCheckExtensions) is asked (IBM q135040: AUTHINFO objects count only
    // through the SSLCRLNL namelist; REFRESH SECURITY TYPE(SSL) refreshes where revocation is
    // looked up, IBM RFRMQMAUT q084670).
    if qm.sslcrlnl_blank {
        for unused in qm
            .authinfo
            .iter()
            .filter(|a| matches!(a.kind, AuthInfoKind::Ocsp { .. }))
        {
            let name = &unused.name;
            out.push(finding(
                "authinfo-not-in-sslcrlnl",
                "An OCSP AUTHINFO is defined but SSLCRLNL is blank",
                format!("AUTHINFO({name}) is defined, but the queue manager's SSLCRLNL is blank: it uses no AUTHINFO, and asks only the responder in the client certificate's AIA (OCSPCheckExtensions)."),
                format!("Put AUTHINFO({name}) in a namelist, ALTER QMGR SSLCRLNL(that namelist), then REFRESH SECURITY TYPE(SSL) (or restart the channel processes)."),
                None,
                ORDER,
            ));
        }
    }
    let ldap_in_namelist = qm.sslcrlnl.iter().any(|n| {
        qm.authinfo.iter().any(|a| {
            a.name.eq_ignore_ascii_case(n) && matches!(a.kind, AuthInfoKind::Crlldap { .. })
        })
    });
    if ocsp_in_namelist.is_empty()
        && !ldap_in_namelist
        && !qm.ssl.ocsp_check_extensions.value.0
        && !qm.ssl.cdp_check_extensions.value
    {
        out.push(finding("qm-no-revocation", "The queue manager checks no revocation at all",
            "No OCSP AUTHINFO in SSLCRLNL and OCSPCheckExtensions=NO in qm.ini: client certificates are not checked for revocation.".into(),
            "DEFINE AUTHINFO(...) AUTHTYPE(OCSP) OCSPURL(...), add it to SSLCRLNL and REFRESH SECURITY TYPE(SSL).".into(), None, ORDER));
    }
    ignored_values(&qm.ssl, "qm.ini", &mut out);
    if let Some(Err(e)) = qm.channel.sslpeer.as_deref().map(PeerPattern::parse) {
        out.push(finding("sslpeer-format", "The channel's SSLPEER breaks MQ's rules",
            format!("SSLPEER('{}') on channel {}: {e}. runmqsc refuses such a value (MQRCCF_SSL_PEER_NAME_ERROR), so the channel the queue manager runs cannot hold it: the pasted MQSC is not what is in effect, and mqocsp does not check the client's DN against it.", qm.channel.sslpeer.as_deref().unwrap_or_default(), qm.channel.name),
            "Write the SSLPEER by IBM's rules (uppercase attribute types, TYPE=value separated by commas) and DISPLAY CHANNEL to see the value in effect.".into(), None, sslpeer::RULES));
    }
    out
}

/// A TLS connection with no key repository named by MQSCO (MQCNO version 4+), MQSSLKEYR or
/// mqclient.ini's SSLKeyRepository, when the case says its settings are complete.
fn no_key_repository(client: &super::config::ClientConfig) -> Option<Lint> {
    let tls = client
        .mqcd
        .cipher_spec
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty());
    if !client.settings_complete || !tls || client.key_repository().is_some() {
        return None;
    }
    let ignored = match client.mqcno.sco.as_ref() {
        Some(sco) if sco.key_repository.is_some() && client.mqcno.version < 4 => format!(
            " The MQSCO names '{}', but MQCNO is version {}, so the MQSCO is ignored.",
            sco.key_repository.as_deref().unwrap_or_default(),
            client.mqcno.version
        ),
        _ => String::new(),
    };
    Some(finding(
        "no-key-repository",
        "No key repository is configured",
        format!("The channel uses TLS (CipherSpec {}) but no key repository is named: not by MQSCO.KeyRepository, not by MQSSLKEYR, not by SSLKeyRepository in mqclient.ini.{ignored} MQCONNX fails with 2381 MQRC_KEY_REPOSITORY_ERROR before any handshake.", client.mqcd.cipher_spec.as_deref().unwrap_or_default()),
        "Name the key repository: MQSCO.KeyRepository (with MQCNO version 4 or later), the MQSSLKEYR environment variable, or SSLKeyRepository in mqclient.ini's SSL stanza.".into(),
        Some(2381),
        KEYREPO,
    ))
}
