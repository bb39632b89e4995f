//! Reason codes and AMQ messages that matter for TLS and OCSP, with what they mean, where they
//! appear and how sure we are (from `shared/mq-reference.md`).

use serde::Serialize;

/// How well a fact is sourced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Read in the cited IBM source.
    Confirmed,
    /// Partly sourced, or observed (the seed walk-through, practitioners' logs).
    Partial,
    /// No source read: an assumption mqocsp makes visibly.
    Unconfirmed,
}

/// An MQ reason code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ReasonCode {
    /// The number.
    pub code: u32,
    /// `MQRC_…`.
    pub name: &'static str,
    /// What it means in a TLS/OCSP context.
    pub meaning: &'static str,
    /// How sure.
    pub certainty: Certainty,
    /// Where it is documented.
    pub source: &'static str,
}

/// An AMQ error-log message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Message {
    /// `AMQ9716`.
    pub id: &'static str,
    /// Its title, as logged (channel shown as `<channel>`).
    pub title: &'static str,
    /// What it means and what to do.
    pub meaning: &'static str,
    /// Which side writes it in the scenarios seen.
    pub side: &'static str,
    /// The severity letter MQ writes after the id (`E` error, `W` warning, `I` information;
    /// IBM, "Using error logs", AMQ_DIAGNOSTIC_MSG_SEVERITY:
    /// https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.tro.doc/q039550_.html ; the letter is
    /// written by default and can be switched off, "AMQ messages on Multiplatforms":
    /// https://www.ibm.com/docs/SSFKSJ_9.2.0/reference/q050260_.html), when a source
    /// shows it; `None`: not known, so never added (use the letter the side's log writes).
    pub severity: Option<char>,
    /// How sure.
    pub certainty: Certainty,
    /// Where it comes from.
    pub source: &'static str,
}

const IBM_RC: &str = "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/";

/// The reason codes mqocsp explains.
pub const REASON_CODES: &[ReasonCode] = &[
    ReasonCode {
        code: 0,
        name: "MQRC_NONE",
        meaning: "The call completed: the connection was made.",
        certainty: Certainty::Confirmed,
        source: IBM_RC,
    },
    ReasonCode {
        code: 2009,
        name: "MQRC_CONNECTION_BROKEN",
        meaning: "The connection to the queue manager was lost.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q040830_.html",
    },
    ReasonCode {
        code: 2035,
        name: "MQRC_NOT_AUTHORIZED",
        meaning: "Not authorised; on MQCONNX it comes after a successful TLS handshake (credentials, CHLAUTH, connect authority).",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q041060_.html",
    },
    ReasonCode {
        code: 2059,
        name: "MQRC_Q_MGR_NOT_AVAILABLE",
        meaning: "The queue manager is not available; also ClientRevocationChecks=REQUIRED without a CCDT or MQSCO (AMQ9518E).",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/support/pages/apar/IT44272",
    },
    ReasonCode {
        code: 2371,
        name: "MQRC_CHANNEL_SSL_ERROR",
        meaning: "Event reason only: a TLS handshake or authentication failure on a channel.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.1.0/com.ibm.mq.ref.doc/q044000_.html",
    },
    ReasonCode {
        code: 2381,
        name: "MQRC_KEY_REPOSITORY_ERROR",
        meaning: "The key repository is missing, unreadable or its password is wrong. Commonly: `.kdb` added to the key repository stem.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044090_.html",
    },
    ReasonCode {
        code: 2383,
        name: "MQRC_AUTH_INFO_REC_COUNT_ERROR",
        meaning: "MQSCO.AuthInfoRecCount is negative.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044110_.html",
    },
    ReasonCode {
        code: 2384,
        name: "MQRC_AUTH_INFO_REC_ERROR",
        meaning: "MQSCO points at its MQAIR records wrongly (count > 0 with no pointer/offset, or both).",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044120_.html",
    },
    ReasonCode {
        code: 2385,
        name: "MQRC_AIR_ERROR",
        meaning: "An MQAIR has a wrong StrucId or an unsupported Version.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044130_.html",
    },
    ReasonCode {
        code: 2386,
        name: "MQRC_AUTH_INFO_TYPE_ERROR",
        meaning: "MQAIR.AuthInfoType is not a valid value.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.tro.doc/q044140_.html",
    },
    ReasonCode {
        code: 2387,
        name: "MQRC_AUTH_INFO_CONN_NAME_ERROR",
        meaning: "MQAIR.AuthInfoConnName (an LDAP server) is not valid.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.tro.doc/q044150_.html",
    },
    ReasonCode {
        code: 2392,
        name: "MQRC_SSL_CONFIG_ERROR",
        meaning: "MQCNO addresses its MQSCO wrongly (both offset and pointer, or a bad pointer).",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044200_.html",
    },
    ReasonCode {
        code: 2393,
        name: "MQRC_SSL_INITIALIZATION_ERROR",
        meaning: "The TLS connection could not be set up: a certificate was rejected (bad, revoked, or revocation status unknown under REQUIRED) on either side, or the CERTLABL/SNI check failed. The reason is in the client's AMQERR01.LOG, or, when the client only shows AMQ9665E, in the queue manager's log.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.1.0/com.ibm.mq.ref.doc/q044210_.html",
    },
    ReasonCode {
        code: 2397,
        name: "MQRC_JSSE_ERROR",
        meaning: "Java clients only: JSSE reported a TLS error.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044250_.html",
    },
    ReasonCode {
        code: 2398,
        name: "MQRC_SSL_PEER_NAME_MISMATCH",
        meaning: "The client's SSLPeerName (MQCD, CCDT certificatePeerName) does not match the distinguished name in the queue manager's certificate. The connection ends right after the handshake.",
        certainty: Certainty::Partial,
        source: "cmqc.h constants; meaning documented for the Java and .NET clients: https://www.ibm.com/docs/SSFKSJ_9.4.0/develop/q031280_.html",
    },
    ReasonCode {
        code: 2399,
        name: "MQRC_SSL_PEER_NAME_ERROR",
        meaning: "The client's SSLPeerName is not a valid pattern (lowercase or unknown attribute type, missing '=', unclosed quote). IBM documents this for the Java and .NET clients' sslPeerName; that a C client's MQCONNX fails the same way, before the handshake, is extrapolated.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044270_.html ; Java: https://www.ibm.com/docs/SSFKSJ_9.4.0/develop/q031280_.html ; .NET: q029690 (mq-reference addendum: C clients extrapolated)",
    },
    ReasonCode {
        code: 2401,
        name: "MQRC_SSL_CERTIFICATE_REVOKED",
        meaning: "Java clients only: a certificate was found revoked.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.tro.doc/q044290_.html",
    },
    ReasonCode {
        code: 2538,
        name: "MQRC_HOST_NOT_AVAILABLE",
        meaning: "The client could not open a TCP connection to CONNAME: nothing TLS happened yet.",
        certainty: Certainty::Partial,
        source: "cmqc.h constants; meaning from third-party pages",
    },
    ReasonCode {
        code: 2552,
        name: "MQRC_CHANNEL_SSL_WARNING",
        meaning: "Event reason: a TLS problem that did not stop the channel, e.g. qualifier MQRQ_SSL_UNKNOWN_REVOCATION under OCSPAuthentication=WARN.",
        certainty: Certainty::Confirmed,
        source: "http://setgetweb.com/p/MQ92/ref/q049780_.htm",
    },
    ReasonCode {
        code: 2553,
        name: "MQRC_OCSP_URL_ERROR",
        meaning: "MQAIR.OCSPResponderURL is not a well-formed HTTP URL (it must begin with lowercase http://). MQCONNX fails before connecting.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q045520_.html",
    },
    ReasonCode {
        code: 2591,
        name: "MQRC_CIPHER_SPEC_NOT_SUITE_B",
        meaning: "The client requires Suite B but the channel's CipherSpec is not allowed at that level.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q045710_.html",
    },
    ReasonCode {
        code: 2596,
        name: "MQRC_CERT_LABEL_NOT_ALLOWED",
        meaning: "The channel definition carries a certificate label where labels cannot be used.",
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q120530_.html",
    },
];

/// The AMQ messages mqocsp predicts or explains.
pub const MESSAGES: &[Message] = &[
    Message {
        id: "AMQ9633",
        title: "Bad SSL certificate for channel '<channel>'.",
        meaning: "A certificate seen in the handshake was rejected: (a) unparsable, (b) fails validation against the local CA certificates, (c) listed in an LDAP CRL, (d) a CRL was expected but not found, (e) an OCSP responder says it is revoked. Newer releases print the certificate and a validation error number (575032 for an OCSP revocation on a 9.2 client; 23 from an OpenSSL queue manager). The side that logs it is the side that rejected, or (OpenSSL queue managers) the side that received the alert.",
        side: "the side that rejected the certificate",
        severity: Some('E'),
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/support/pages/node/1081227",
    },
    Message {
        id: "AMQ9716",
        title: "Remote SSL certificate revocation status check failed for channel '<channel>'.",
        meaning: "The revocation status of the partner's certificate could not be established and OCSPAuthentication is REQUIRED: (a) no CRL server or OCSP responder could be reached, (b) no responder knew the certificate, (c) a response came back but its signature could not be verified. Fix the responder (reachability, SSLHTTPProxyName/MQSSLPROXY, its knowledge of the whole chain) or relax OCSPAuthentication / OCSPCheckExtensions.",
        side: "the side that checked the partner's certificate",
        severity: Some('E'),
        certainty: Certainty::Confirmed,
        source: "https://ibm.com/support/pages/node/6256630",
    },
    Message {
        id: "AMQ9518",
        title: "File '<path>/AMQCLCHL.TAB' not found.",
        meaning: "The client looked for its channel definition table and did not find it; with ClientRevocationChecks=REQUIRED and neither a CCDT nor an MQSCO, MQCONNX then fails with 2059 (before MQ 9.3.5).",
        side: "client",
        severity: Some('E'),
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/support/pages/apar/IT44272",
    },
    Message {
        id: "AMQ9665",
        title: "SSL connection closed by remote end of channel '<channel>'.",
        meaning: "The partner ended the TLS connection during or right after the handshake. It carries no reason of its own: read the partner's error log (AMQ9716, AMQ9633, AMQ9637, ...).",
        side: "the side whose partner rejected the handshake (the client, in the seed)",
        severity: Some('E'),
        certainty: Certainty::Partial,
        source: "observed in the seed walk-through (MQ 9.2)",
    },
    Message {
        id: "AMQ9673",
        title: "(CERTLABL / SNI rejection)",
        meaning: "A connection with a host-name, custom or no SNI reached a channel that has CERTLABL; the application gets 2393. Use OutboundSNI=CHANNEL.",
        side: "queue manager",
        severity: None,
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/docs/en/ibm-mq/latest?topic=requirements-how-mq-provides-multiple-certificates-capability",
    },
    Message {
        id: "AMQ9642",
        title: "No SSL or TLS certificate for channel '<channel>'.",
        meaning: "This side sent no certificate but the partner requires one (SSLCAUTH(REQUIRED) or SSLPEER). Put a personal certificate with the right label in the key repository.",
        side: "client",
        severity: Some('E'),
        certainty: Certainty::Confirmed,
        source: "http://www-01.ibm.com/support/docview.wss?uid=swg1IT15978",
    },
    Message {
        id: "AMQ9660",
        title: "SSL key repository: password incorrect or, stash file absent or unusable.",
        meaning: "The key repository cannot be opened: its password stash file (the .sth beside the .kdb, same name) is missing, unreadable by this user ID or damaged, or the password is wrong. A C client's MQCONNX then fails with 2381 MQRC_KEY_REPOSITORY_ERROR before any handshake.",
        side: "the side that opens the key repository (the client, for 2381)",
        severity: Some('E'),
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044090_.html (2381: stash file absent or unreadable, passphrase wrong); the message text as pasted logs show it",
    },
    Message {
        id: "AMQ9637",
        title: "Channel is lacking a certificate.",
        meaning: "Logged with AMQ9642 on the partner: the client sent no certificate. Without AMQ9642 from the client, the queue manager itself may lack its personal certificate (none under CERTLABL or ibmwebspheremq<qmname> in its key repository: an assumption, see qm-no-certificate).",
        side: "queue manager",
        severity: Some('E'),
        certainty: Certainty::Confirmed,
        source: "http://www-01.ibm.com/support/docview.wss?uid=swg1IT15978",
    },
    Message {
        id: "AMQ9636",
        title: "SSL distinguished name does not match peer name, channel '<channel>'.",
        meaning: "The distinguished name in the partner's certificate (printed with its SERIALNUMBER first) does not match this side's SSLPEER / SSLPeerName. Change the peer name so it matches, or make the partner present the right certificate (its certificate label). A Channel SSL Error event (2371, MQRQ_SSL_PEER_NAME_ERROR) is raised on a queue manager.",
        side: "the side whose SSLPEER / SSLPeerName rejected the partner",
        severity: Some('E'),
        certainty: Certainty::Confirmed,
        source: "queue manager error log (MQ 9.2.5) in a public runbook; event: http://setgetweb.com/p/MQ92/ref/q049770_.htm",
    },
    Message {
        id: "AMQ9640",
        title: "SSL invalid peer name, channel '<channel>', attribute '<attribute>'.",
        meaning: "The peer name pattern is not valid: an attribute type MQ does not recognise, or written wrongly. The application gets 2399 MQRC_SSL_PEER_NAME_ERROR.",
        side: "client",
        severity: None,
        certainty: Certainty::Partial,
        source: "APAR IT39745 (Java client): https://www.ibm.com/support/pages/apar/IT39745",
    },
    Message {
        id: "AMQ9631",
        title: "The CipherSpec negotiated during the SSL handshake does not match the required CipherSpec for channel '<channel>'.",
        meaning: "The CipherSpec the handshake negotiated is not the one this end's channel definition requires (the explanation names both). Make both ends use the same CipherSpec, or compatible aliases such as ANY_TLS12_OR_HIGHER; a managed .NET client negotiates what the Windows group policy allows.",
        side: "queue manager",
        severity: Some('E'),
        certainty: Certainty::Confirmed,
        source: "title as logged (MQ 8.0, amqrmppa): https://portal2portal.blogspot.com/2015/11/amq9631-cipherspec-negotiated-during.html ; IBM AMQ9xxx messages: https://ibm.com/docs/en/SSFKSJ_9.3.0/reference/amq9.html ; side: https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=client-cipherspec-support-managed-net",
    },
    Message {
        id: "AMQ9639",
        title: "Remote channel '<channel>' did not specify a CipherSpec.",
        meaning: "The queue manager's channel has SSLCIPH but the client started the channel without TLS (its channel definition names no CipherSpec; MQSERVER cannot name one). Give the client's channel definition the CipherSpec (CCDT, MQCD SSLCipherSpec, the JMS connection factory).",
        side: "queue manager",
        severity: None,
        certainty: Certainty::Unconfirmed,
        source: "mq-reference §1.2 (no copy of the message found); IBM, CipherSpec mismatches: https://www.ibm.com/docs/en/ibm-mq/9.1.x?topic=problems-cipherspec-mismatches",
    },
    Message {
        id: "AMQ9658",
        title: "Certificate is not within validity period.",
        meaning: "The side that validated its partner's chain found a certificate that has expired or is not yet valid; any certificate of the chain counts (channel often '????'). Check the dates of the partner's certificate and of every CA certificate above it, in both key repositories.",
        side: "the side that validated the partner's chain",
        severity: Some('E'),
        certainty: Certainty::Partial,
        source: "queue manager log quoted in https://github.com/ibm-messaging/mq-mqi-nodejs/issues/171",
    },
    Message {
        id: "AMQ9777",
        title: "Channel was blocked.",
        meaning: "A channel authentication record with USERSRC(NOACCESS) matched the inbound channel (its address, the TLS peer name of the client's certificate, the client user or the remote queue manager); the application gets 2035. Change or narrow the CHLAUTH record.",
        side: "queue manager",
        severity: Some('E'),
        certainty: Certainty::Partial,
        source: "IBM Channel Blocked event (MQRQ_CHANNEL_BLOCKED_NOACCESS): http://setgetweb.com/p/MQ92/ref/q049730_.htm ; wording as commonly logged",
    },
    Message {
        id: "AMQ9776",
        title: "Channel was blocked by userid.",
        meaning: "The inbound channel's user ID (as asserted or mapped by CHLAUTH, e.g. an SSLPEERMAP MCAUSER) is in a BLOCKUSER list (*MQADMIN: privileged users); the application gets 2035. Map the certificate to a non-privileged user.",
        side: "queue manager",
        severity: Some('E'),
        certainty: Certainty::Partial,
        source: "IBM Channel Blocked event (MQRQ_CHANNEL_BLOCKED_USERID): http://setgetweb.com/p/MQ92/ref/q049730_.htm ; wording as commonly logged",
    },
    Message {
        id: "AMQ9797",
        title: "Validation checks for the local personal certificate with label '<label>' failed. The channel did not start.",
        meaning: "A side validates its own certificate before sending it in the handshake; this one failed (expired, not yet valid, or its chain cannot be completed from this side's key repository). Check it with runmqakm -cert -validate and renew it. Before APAR IT32081 MQ wrote AMQ9654 ('remote personal certificate') for the same failure; before APAR IT37745 the validation error was always 575001.",
        side: "the side whose own certificate failed",
        severity: Some('E'),
        certainty: Certainty::Confirmed,
        source: "https://www.ibm.com/support/pages/apar/IT37745 ; https://www.ibm.com/support/pages/apar/IT32081",
    },
    Message {
        id: "AMQ9717",
        title: "(revocation status unknown, channel continues: warning)",
        meaning: "mqocsp's assumption for the warning under OCSPAuthentication=WARN; no public text of this message was found. Treat the id as unverified. It is a warning, so no E is added to it: its severity letter is the one the side's log writes, and unknown otherwise.",
        side: "the side that checked",
        severity: None,
        certainty: Certainty::Unconfirmed,
        source: "mq-reference §6 (UNCONFIRMED)",
    },
    Message {
        id: "AMQ9641",
        title: "Remote CipherSpec error for channel '<channel>' to host '<host>'.",
        meaning: "The remote end failed or rejected the TLS negotiation over the CipherSpec: typically the queue manager's channel has SSLCIPH and the client offered none or another one (a Java client gets 2397 with it). Read the queue manager's log (AMQ9631, AMQ9616) and align the CipherSpecs.",
        side: "the side that started the connection (the client)",
        severity: None,
        certainty: Certainty::Partial,
        source: "title as logged by the Java client: https://github.com/ibm-cloud-docs/mqcloud/blob/master/mqoc_jms_tls.md ; mq-reference §1.2",
    },
];

/// The id as a side's log shows it: with the severity letter the log wrote (`written`), else the
/// catalogue's when a source shows it, else bare, and then `true`: the letter is not known and
/// mqocsp does not invent one (AMQ9717 is a warning, not `AMQ9717E`).
pub fn written_id(id: &str, written: Option<char>) -> (String, bool) {
    let bare = id.trim().trim_end_matches(['E', 'W', 'I', 'S', 'T']);
    let catalogue = MESSAGES
        .iter()
        .find(|m| m.id == bare)
        .and_then(|m| m.severity);
    match written.or(catalogue) {
        Some(letter) => (format!("{bare}{letter}"), false),
        None => (bare.to_owned(), true),
    }
}

/// Looks up a reason code by number or `MQRC_` name, or an AMQ message by id.
pub fn lookup(query: &str) -> Option<Lookup> {
    let q = query.trim().to_ascii_uppercase();
    let q = q.trim_end_matches(['E', 'W', 'I']).to_owned();
    if let Some(message) = MESSAGES
        .iter()
        .find(|m| q == m.id || query.trim().eq_ignore_ascii_case(m.id))
    {
        return Some(Lookup::Message(*message));
    }
    let number = query.trim().parse::<u32>().ok().or_else(|| {
        query
            .trim()
            .strip_prefix("0x")
            .or(query.trim().strip_prefix("X'"))
            .and_then(|h| u32::from_str_radix(h.trim_end_matches('\''), 16).ok())
    });
    REASON_CODES
        .iter()
        .find(|rc| Some(rc.code) == number || rc.name.eq_ignore_ascii_case(query.trim()))
        .map(|rc| Lookup::Reason(*rc))
}

/// What [`lookup`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Lookup {
    /// A reason code.
    Reason(ReasonCode),
    /// An AMQ message.
    Message(Message),
}

/// The name of a reason code.
pub fn reason_name(code: u32) -> Option<&'static str> {
    REASON_CODES
        .iter()
        .find(|rc| rc.code == code)
        .map(|rc| rc.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_by_number_name_hex_and_message_id() {
        for query in ["2393", "MQRC_SSL_INITIALIZATION_ERROR", "0x959", "X'0959'"] {
            assert!(
                matches!(lookup(query), Some(Lookup::Reason(rc)) if rc.code == 2393),
                "{query}"
            );
        }
        for query in ["AMQ9716", "AMQ9716E", "amq9716e"] {
            assert!(
                matches!(lookup(query), Some(Lookup::Message(m)) if m.id == "AMQ9716"),
                "{query}"
            );
        }
        assert!(lookup("9999").is_none());
        assert!(
            matches!(lookup("AMQ9641E"), Some(Lookup::Message(m)) if m.title.starts_with("Remote CipherSpec error"))
        );
        assert_eq!(reason_name(2553), Some("MQRC_OCSP_URL_ERROR"));
    }

    #[test]
    fn severity_letters_come_from_the_log_or_a_source_never_blindly() {
        assert_eq!(written_id("AMQ9717", None), ("AMQ9717".to_owned(), true));
        assert_eq!(
            written_id("AMQ9717", Some('W')),
            ("AMQ9717W".to_owned(), false)
        );
        assert_eq!(written_id("AMQ9716", None), ("AMQ9716E".to_owned(), false));
        assert_eq!(written_id("AMQ9633E", None), ("AMQ9633E".to_owned(), false));
        assert_eq!(written_id("AMQ9641", None), ("AMQ9641".to_owned(), true));
        let m = |id: &str| MESSAGES.iter().find(|m| m.id == id).copied().unwrap();
        assert_eq!(m("AMQ9717").severity, None);
        assert!(
            m("AMQ9631")
                .title
                .contains("negotiated during the SSL handshake")
        );
        assert!(
            matches!(lookup("2399"), Some(Lookup::Reason(rc)) if rc.certainty == Certainty::Partial)
        );
    }
}
