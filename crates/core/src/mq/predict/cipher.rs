//! CipherSpec negotiation: the client's CipherSpec (MQCD SSLCipherSpec, from mqpgfc `-cs`, a CCDT
//! or the application) against the channel's SSLCIPH, with IBM's alias CipherSpecs. After the
//! handshake the queue manager compares the negotiated CipherSpec with SSLCIPH and refuses a
//! mismatch (AMQ9631). Only a case that states both CipherSpecs is compared: a ticket that does
//! not quote one of them leaves the question open, which the diagnosis search answers from the
//! logs (a refusal or a client without a CipherSpec it supposes, `explain/neighbours.rs`). One
//! end with a CipherSpec and the other with none fails before any handshake.

use super::{Builder, Event};
use crate::mq::codes::Certainty;
use crate::verify::trace::Outcome;

/// IBM, "Relationship between alias CipherSpec settings": minimum protocol CipherSpecs (ANY,
/// ANY_TLS12_OR_HIGHER, ANY_TLS13_OR_HIGHER) set no upper bound; fixed protocol ones (ANY_TLS12,
/// ANY_TLS13, or a named CipherSpec) do; "If the strongest supported CipherSpec for both the
/// client and server matches the specific CipherSpec configured on the channel, the TLS handshake
/// resolves successfully", a stronger common one is rejected.
const IBM_ALIASES: &str = "https://www.ibm.com/docs/en/ibm-mq/9.4?topic=cipherspecs-relationship-between-alias-cipherspec-settings";
/// IBM, "CipherSpec order in TLS handshake": TLS 1.3 is preferred when both sides support it;
/// the TLS 1.3 order from MQ 9.2.0 is CHACHA20_POLY1305, AES_256_GCM, AES_128_GCM, AES_128_CCM,
/// AES_128_CCM_8.
const IBM_ORDER: &str =
    "https://www.ibm.com/docs/en/ibm-mq/9.3.x?topic=cipherspecs-cipherspec-order-in-tls-handshake";
/// AMQ9631 as a queue manager logs it (required and negotiated CipherSpec named), and IBM's
/// statement that the queue manager compares after the handshake (managed .NET page).
const IBM_AMQ9631: &str =
    "https://www.ibm.com/docs/en/ibm-mq/9.4?topic=client-cipherspec-mappings-managed-net";

/// A TLS protocol version, oldest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Protocol {
    /// SSL 3.0 (deprecated CipherSpecs).
    Ssl30,
    /// TLS 1.0.
    Tls10,
    /// TLS 1.2.
    Tls12,
    /// TLS 1.3.
    Tls13,
}

impl Protocol {
    fn word(self) -> &'static str {
        match self {
            Self::Ssl30 => "SSL 3.0",
            Self::Tls10 => "TLS 1.0",
            Self::Tls12 => "TLS 1.2",
            Self::Tls13 => "TLS 1.3",
        }
    }
}

/// TLS 1.3 CipherSpecs in IBM's order of preference (IBM_ORDER).
const TLS13: &[&str] = &[
    "TLS_CHACHA20_POLY1305_SHA256",
    "TLS_AES_256_GCM_SHA384",
    "TLS_AES_128_GCM_SHA256",
    "TLS_AES_128_CCM_SHA256",
    "TLS_AES_128_CCM_8_SHA256",
];

/// TLS 1.2 CipherSpecs (IBM's CipherSpec tables, e.g. the XMSC_WMQ_SSL_CIPHER_SPEC page and
/// "CipherSpec values supported in IBM MQ", q120565).
const TLS12: &[&str] = &[
    "TLS_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_RSA_WITH_AES_128_CBC_SHA256",
    "TLS_RSA_WITH_AES_256_CBC_SHA256",
    "TLS_RSA_WITH_NULL_SHA256",
    "ECDHE_ECDSA_RC4_128_SHA256",
    "ECDHE_ECDSA_3DES_EDE_CBC_SHA256",
    "ECDHE_RSA_RC4_128_SHA256",
    "ECDHE_RSA_3DES_EDE_CBC_SHA256",
    "ECDHE_ECDSA_AES_128_CBC_SHA256",
    "ECDHE_ECDSA_AES_256_CBC_SHA384",
    "ECDHE_RSA_AES_128_CBC_SHA256",
    "ECDHE_RSA_AES_256_CBC_SHA384",
    "ECDHE_ECDSA_AES_128_GCM_SHA256",
    "ECDHE_ECDSA_AES_256_GCM_SHA384",
    "ECDHE_RSA_AES_128_GCM_SHA256",
    "ECDHE_RSA_AES_256_GCM_SHA384",
    "ECDHE_RSA_NULL_SHA256",
    "ECDHE_ECDSA_NULL_SHA256",
    "ECDHE_ECDSA_CHACHA20_POLY1305_SHA256",
    "ECDHE_RSA_CHACHA20_POLY1305_SHA256",
];

/// TLS 1.0 CipherSpecs (same tables).
const TLS10: &[&str] = &[
    "TLS_RSA_WITH_AES_128_CBC_SHA",
    "TLS_RSA_WITH_AES_256_CBC_SHA",
    "TLS_RSA_WITH_DES_CBC_SHA",
    "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
];

/// SSL 3.0 CipherSpecs (IBM, "Deprecated and removed CipherSpecs", q014265).
const SSL30: &[&str] = &[
    "NULL_MD5",
    "NULL_SHA",
    "RC4_MD5_EXPORT",
    "RC4_MD5_US",
    "RC4_SHA_US",
    "RC2_MD5_EXPORT",
    "DES_SHA_EXPORT",
    "TRIPLE_DES_SHA_US",
];

/// A CipherSpec as MQ reads it: one named CipherSpec, or an alias for a range of protocols.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum CipherSpec {
    /// A named CipherSpec of one protocol.
    Named {
        /// Its name, upper case.
        name: String,
        /// Its protocol.
        protocol: Protocol,
    },
    /// An alias: every enabled CipherSpec from `min` up to `max` (no upper bound: None).
    Alias {
        /// Its name.
        name: String,
        /// The lowest protocol.
        min: Protocol,
        /// The highest protocol, for a fixed protocol alias.
        max: Option<Protocol>,
    },
}

impl CipherSpec {
    /// Reads a CipherSpec name; `None` when mqocsp does not know it.
    pub(super) fn parse(text: &str) -> Option<Self> {
        let name = text.trim().trim_matches(['\'', '"']).to_ascii_uppercase();
        let alias = |min, max| {
            Some(Self::Alias {
                name: name.clone(),
                min,
                max,
            })
        };
        match name.as_str() {
            "ANY" => return alias(Protocol::Ssl30, None),
            "ANY_TLS12" => return alias(Protocol::Tls12, Some(Protocol::Tls12)),
            "ANY_TLS12_OR_HIGHER" => return alias(Protocol::Tls12, None),
            "ANY_TLS13" => return alias(Protocol::Tls13, Some(Protocol::Tls13)),
            "ANY_TLS13_OR_HIGHER" => return alias(Protocol::Tls13, None),
            _ => {}
        }
        let protocol = [
            (TLS13, Protocol::Tls13),
            (TLS12, Protocol::Tls12),
            (TLS10, Protocol::Tls10),
            (SSL30, Protocol::Ssl30),
        ]
        .iter()
        .find(|(names, _)| names.contains(&name.as_str()))
        .map(|(_, p)| *p)?;
        Some(Self::Named { name, protocol })
    }

    fn name(&self) -> &str {
        match self {
            Self::Named { name, .. } | Self::Alias { name, .. } => name,
        }
    }

    /// The protocols this CipherSpec allows, lowest and highest (TLS 1.3 is the highest MQ has).
    fn range(&self) -> (Protocol, Protocol) {
        match self {
            Self::Named { protocol, .. } => (*protocol, *protocol),
            Self::Alias { min, max, .. } => (*min, max.unwrap_or(Protocol::Tls13)),
        }
    }
}

/// What the handshake negotiates: a named CipherSpec, or only its protocol when the choice among
/// several of one protocol depends on an order IBM documents only for TLS 1.3.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Negotiated {
    Named(String, Protocol),
    Protocol(Protocol),
}

/// The CipherSpec a client offering `client` negotiates with an MQ server: the server enables
/// every default CipherSpec and compares with SSLCIPH only afterwards (AMQ9631), so the client's
/// offer decides; an alias takes its highest protocol, and within TLS 1.3 IBM's first choice.
fn negotiate(client: &CipherSpec) -> Negotiated {
    match client {
        CipherSpec::Named { name, protocol } => Negotiated::Named(name.clone(), *protocol),
        CipherSpec::Alias { .. } => match (client.range().1, TLS13.first()) {
            (Protocol::Tls13, Some(first)) => {
                Negotiated::Named((*first).to_owned(), Protocol::Tls13)
            }
            (protocol, _) => Negotiated::Protocol(protocol),
        },
    }
}

/// Whether the channel's SSLCIPH accepts what was negotiated: `Some(false)` refused (AMQ9631),
/// `None` when it cannot be told (a named TLS 1.2 SSLCIPH against a TLS 1.2 alias).
fn accepts(channel: &CipherSpec, negotiated: &Negotiated) -> Option<bool> {
    match (channel, negotiated) {
        (CipherSpec::Named { name, .. }, Negotiated::Named(got, _)) => Some(name == got),
        (CipherSpec::Named { protocol, .. }, Negotiated::Protocol(got)) => {
            if protocol == got {
                None
            } else {
                Some(false)
            }
        }
        (CipherSpec::Alias { .. }, Negotiated::Named(_, p) | Negotiated::Protocol(p)) => {
            let (low, high) = channel.range();
            Some(low <= *p && *p <= high)
        }
    }
}

/// IBM, "CipherSpec mismatches": "Channel startup also fails when only one end of the channel
/// defines a CipherSpec"; the Channel SSL Error event's MQRQ_SSL_CIPHER_SPEC_ERROR covers "A
/// CipherSpec has only been specified on one end of the TLS channel" (q049770).
const IBM_MISMATCHES: &str =
    "https://www.ibm.com/docs/en/ibm-mq/9.1.x?topic=problems-cipherspec-mismatches";

/// The refusal both supposed failures share: the client's reason (2397 for the Java classes, as
/// IBM shows AMQ9641 with it; 2393 assumed for a C client), its AMQ9641 and the event.
fn refused(b: &mut Builder<'_>, insert: &str) {
    let resolved = b.resolved;
    let channel = b.channel.clone();
    let java = resolved.client.kind == crate::mq::java::ClientKind::Java;
    b.fail(if java { 2397 } else { 2393 });
    b.assume("cipherspec-client-side");
    if java {
        // IBM Cloud's JMS TLS tutorial shows the chain: JMSWMQ0018, JMSCMQ0001 2397, AMQ9641.
        super::java::cipher_refused(b);
    }
    let host = resolved.client.mqcd.conn_name.clone().unwrap_or_default();
    b.client_log(
        "AMQ9641",
        format!("Remote CipherSpec error for channel '{channel}' to host '{host}'.{insert}"),
        Certainty::Partial,
    );
    b.diagnosis.events.push(Event {
        reason: 2371,
        name: "MQRC_CHANNEL_SSL_ERROR".into(),
        qualifier: "MQRQ_SSL_CIPHER_SPEC_ERROR".into(),
    });
}

/// One end of the channel names a CipherSpec and the other none: a client whose channel
/// definition names none against a channel that has one (a diagnosis supposes it from AMQ9641's
/// insert), or a client that names one against a channel whose SSLCIPH is stated blank. No
/// handshake completes and channel startup fails. False when that is the case.
pub(super) fn one_sided(b: &mut Builder<'_>) -> bool {
    if !tls_to_plain_channel(b) {
        return false;
    }
    let resolved = b.resolved;
    // A channel from MQSERVER has no CipherSpec: stated, not supposed, when the channel has one.
    let stated = resolved
        .client
        .mqserver
        .as_deref()
        .filter(|_| resolved.qm.channel.sslciph.is_some());
    let supposed = resolved
        .supposed_faults
        .contains(&crate::mq::case::SupposedFault::NoClientCipherSpec);
    if stated.is_none() && !supposed {
        return true;
    }
    let channel = b.channel.clone();
    let sslciph = resolved.qm.channel.sslciph.clone().map_or_else(
        || "an SSLCIPH the ticket does not show".to_owned(),
        |c| format!("SSLCIPH({c})"),
    );
    let why = match stated {
        Some(value) => format!(
            "The client's channel is the one MQSERVER={value} defines, which cannot name a CipherSpec{}",
            if resolved.client.ccdt_unused {
                " (MQSERVER takes priority over the CCDT pasted, which the client never reads)"
            } else {
                ""
            }
        ),
        None => "The client's channel definition names no CipherSpec (supposed by the diagnosis: the ticket does not state it)".into(),
    };
    b.step(
        "mq.client_cipherspec",
        "Both ends of the channel name a CipherSpec",
        &channel,
        IBM_MISMATCHES,
        Outcome::Fail,
        format!("{why}, so it starts the channel without TLS; the queue manager's channel {channel} has {sslciph}. IBM: channel startup fails when only one end of the channel defines a CipherSpec."),
    );
    b.assume("cipherspec-one-sided");
    b.qm_log(
        "AMQ9639",
        format!("Remote channel '{channel}' did not specify a CipherSpec."),
        Certainty::Unconfirmed,
    );
    refused(
        b,
        " The remote end has indicated a CipherSpec error 'SSLCIPH(' ') -> SSLCIPH(????)'.",
    );
    b.fix(
        "Give the client's channel definition the CipherSpec",
        match stated {
            Some(_) => "Unset MQSERVER in the client's environment so that the client reads its CCDT (whose channel names the CipherSpec), or pass the channel from the application (MQCD with SSLCipherSpec): MQSERVER cannot name a CipherSpec.".into(),
            None => format!("The client must start the channel with TLS: set its CipherSpec (MQCD SSLCipherSpec, the CCDT's SSLCIPH or cipherSpecification, the JMS connection factory's SSLCIPHERSUITE) to one the channel accepts ({sslciph}, or an alias such as ANY_TLS12_OR_HIGHER on both ends). The MQSERVER variable cannot name a CipherSpec, and mqclient.ini has no CipherSpec attribute."),
        },
        None,
    );
    false
}

/// IBM, "SSL Cipher Specification (SSLCIPH)": "If one end of the channel has a blank SSLCIPH
/// attribute, the other end of the channel must also have a blank SSLCIPH attribute."
const IBM_SSLCIPH: &str = "https://setgetweb.com/p/MQ92/ref.con/q082230_.htm";

/// A client that names a CipherSpec against a channel whose definition states SSLCIPH blank: the
/// client starts TLS on a channel that does not use it. False when that is the case.
fn tls_to_plain_channel(b: &mut Builder<'_>) -> bool {
    let resolved = b.resolved;
    let (Some(client), true) = (
        resolved
            .client
            .mqcd
            .cipher_spec
            .clone()
            .filter(|c| !c.trim().is_empty()),
        resolved.qm.channel.sslciph.is_none() && resolved.qm.channel.sslciph_blank,
    ) else {
        return true;
    };
    let channel = b.channel.clone();
    b.step(
        "mq.qm_cipherspec",
        "Both ends of the channel name a CipherSpec",
        &channel,
        IBM_SSLCIPH,
        Outcome::Fail,
        format!("The client names {client} but the queue manager's channel {channel} has a blank SSLCIPH: the client starts a TLS handshake on a channel that does not use TLS. IBM: if one end of the channel has a blank SSLCIPH, the other end must too."),
    );
    b.assume("cipherspec-one-sided");
    b.fail(2393);
    b.fix(
        "Give the channel the CipherSpec, or take it from the client",
        format!("ALTER CHANNEL({channel}) CHLTYPE(SVRCONN) SSLCIPH({client}) (or a minimum protocol alias such as ANY_TLS12_OR_HIGHER on both ends) when the channel is meant to use TLS; otherwise the client's CipherSpec must be blank too."),
        None,
    );
    false
}

/// A refusal the diagnosis supposes where the ticket does not state the client's CipherSpec (or
/// states CipherSpecs that match, which it then says contradict the logs).
fn supposed_refusal(b: &mut Builder<'_>) -> bool {
    let resolved = b.resolved;
    let channel = b.channel.clone();
    let required = resolved.qm.channel.sslciph.clone();
    let client = resolved.client.mqcd.cipher_spec.clone();
    let title = "The queue manager compares the negotiated CipherSpec with SSLCIPH";
    let sslciph = required.as_deref().map_or_else(
        || "SSLCIPH (not shown)".to_owned(),
        |c| format!("SSLCIPH({c})"),
    );
    let text = match (&client, &required) {
        (None, _) => format!(
            "Supposed by the diagnosis: the client offers a CipherSpec the ticket does not state, which the channel's {sslciph} does not accept, so the queue manager ends the channel after the handshake."
        ),
        // Only the client's side is stated: it is the one refused.
        (Some(pasted), None) => format!(
            "Supposed by the diagnosis: the channel's {sslciph} does not accept the {pasted} the client offers, so the queue manager ends the channel after the handshake."
        ),
        // Both stated, and they go together: the logs say otherwise.
        (Some(pasted), Some(_)) => format!(
            "Supposed by the diagnosis: the CipherSpec the client really offers is not one the channel's {sslciph} accepts, so the queue manager ends the channel after the handshake; the {pasted} pasted for the client would be accepted, so the client's definition in use is probably not the one pasted."
        ),
    };
    // The negotiated CipherSpec AMQ9631 names: the client's, when only its side is stated and
    // it names one CipherSpec (an alias names a range, not what was negotiated).
    let negotiated = client
        .as_deref()
        .filter(|_| required.is_none())
        .and_then(CipherSpec::parse)
        .filter(|c| matches!(c, CipherSpec::Named { .. }))
        .map_or_else(|| "(not known)".to_owned(), |c| c.name().to_owned());
    b.step(
        "mq.qm_cipherspec",
        title,
        &channel,
        IBM_AMQ9631,
        Outcome::Fail,
        text,
    );
    b.qm_log("AMQ9631", format!("The CipherSpec negotiated during the SSL handshake does not match the required CipherSpec for channel '{channel}'. The CipherSpec required in the local channel definition is '{}'. The name of the CipherSpec negotiated during the SSL handshake is '{negotiated}'.", required.clone().unwrap_or_else(|| "(not stated)".into())), Certainty::Confirmed);
    refused(b, "");
    b.fix("Use the same CipherSpec on both ends", format!("Find the CipherSpec the client offers (its MQCD SSLCipherSpec, CCDT or connection factory; the queue manager's AMQ9631 names the negotiated one) and make it one the channel's {sslciph} accepts — or set both ends to a minimum protocol alias such as ANY_TLS12_OR_HIGHER, as IBM recommends."), None);
    false
}

/// The client's CipherSpec against the channel's SSLCIPH, after the handshake. False when the
/// queue manager ends the channel here.
pub(super) fn compare(b: &mut Builder<'_>) -> bool {
    let resolved = b.resolved;
    if resolved
        .supposed_faults
        .contains(&crate::mq::case::SupposedFault::CipherSpecRefused)
    {
        return supposed_refusal(b);
    }
    let (Some(client_text), Some(channel_text)) = (
        resolved.client.mqcd.cipher_spec.clone(),
        resolved.qm.channel.sslciph.clone(),
    ) else {
        return true;
    };
    let channel = b.channel.clone();
    let title = "The queue manager compares the negotiated CipherSpec with SSLCIPH";
    let (Some(client), Some(required)) = (
        CipherSpec::parse(&client_text),
        CipherSpec::parse(&channel_text),
    ) else {
        b.step(
            "mq.qm_cipherspec",
            title,
            &channel,
            IBM_ALIASES,
            Outcome::Skip,
            format!(
                "mqocsp does not know the CipherSpec '{}': the comparison is not predicted.",
                if CipherSpec::parse(&client_text).is_none() {
                    client_text
                } else {
                    channel_text
                }
            ),
        );
        return true;
    };
    let negotiated = negotiate(&client);
    let got = match &negotiated {
        Negotiated::Named(name, _) => name.clone(),
        Negotiated::Protocol(p) => format!("a {} CipherSpec", p.word()),
    };
    if matches!(client, CipherSpec::Alias { .. }) {
        b.assume("cipherspec-negotiated");
    }
    match accepts(&required, &negotiated) {
        Some(true) => {
            let reference = match client {
                CipherSpec::Alias { .. } => IBM_ORDER,
                CipherSpec::Named { .. } => IBM_ALIASES,
            };
            b.step(
                "mq.qm_cipherspec",
                title,
                &channel,
                reference,
                Outcome::Pass,
                format!(
                    "The client offers {} and the channel has SSLCIPH({}): {got} is negotiated and accepted.",
                    client.name(),
                    required.name()
                ),
            );
            true
        }
        None => {
            b.step("mq.qm_cipherspec", title, &channel, IBM_ALIASES, Outcome::Warn, format!("The client offers {} and the channel has SSLCIPH({}): which {} CipherSpec is negotiated depends on both sides' order of preference, which IBM does not list for TLS 1.2; if a stronger one than {} is common to both, the queue manager refuses it (AMQ9631).", client.name(), required.name(), required.range().0.word(), required.name()));
            true
        }
        Some(false) => {
            b.step("mq.qm_cipherspec", title, &channel, IBM_AMQ9631, Outcome::Fail, format!("The client offers {} and the channel has SSLCIPH({}): the handshake negotiates {got}, which the channel does not accept, so the queue manager ends the channel.", client.name(), required.name()));
            b.qm_log("AMQ9631", format!("The CipherSpec negotiated during the SSL handshake does not match the required CipherSpec for channel '{channel}'. The CipherSpec required in the local channel definition is '{}'. The name of the CipherSpec negotiated during the SSL handshake is '{got}'.", required.name()), Certainty::Confirmed);
            // The IBM MQ classes for Java report a refused CipherSpec as AMQ9641 with 2397
            // (IBM Cloud's JMS TLS tutorial); a C client's reason is an assumption.
            refused(b, "");
            b.fix("Use the same CipherSpec on both ends", format!("Set the client's CipherSpec (mqpgfc -cs, MQCD SSLCipherSpec or the CCDT's cipherSpecification) to {} — or set both ends to a minimum protocol alias such as ANY_TLS12_OR_HIGHER (ALTER CHANNEL({channel}) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER)), as IBM recommends.", required.name()), None);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(client: &str, channel: &str) -> Option<bool> {
        let client = CipherSpec::parse(client)?;
        let channel = CipherSpec::parse(channel)?;
        accepts(&channel, &negotiate(&client))
    }

    #[test]
    fn named_and_alias_cipherspecs_as_ibm_documents_them() {
        // Equal names; a name against a different one.
        assert_eq!(
            outcome("TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"),
            Some(true)
        );
        assert_eq!(
            outcome("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"),
            Some(false)
        );
        // A minimum protocol alias on the channel accepts any CipherSpec of its range.
        assert_eq!(
            outcome("ECDHE_RSA_AES_256_GCM_SHA384", "ANY_TLS12_OR_HIGHER"),
            Some(true)
        );
        assert_eq!(
            outcome("TLS_RSA_WITH_AES_128_CBC_SHA", "ANY_TLS12_OR_HIGHER"),
            Some(false)
        );
        assert_eq!(outcome("ANY_TLS12_OR_HIGHER", "ANY_TLS12"), Some(false));
        assert_eq!(outcome("ANY_TLS12", "ANY_TLS12_OR_HIGHER"), Some(true));
        // A minimum protocol alias on the client, a named TLS 1.2 CipherSpec on the channel:
        // TLS 1.3 is negotiated, which the channel refuses.
        assert_eq!(
            outcome("ANY_TLS12_OR_HIGHER", "ECDHE_RSA_AES_256_GCM_SHA384"),
            Some(false)
        );
        // ANY_TLS13 negotiates IBM's first TLS 1.3 CipherSpec.
        assert_eq!(
            outcome("ANY_TLS13", "TLS_CHACHA20_POLY1305_SHA256"),
            Some(true)
        );
        assert_eq!(outcome("ANY_TLS13", "TLS_AES_128_GCM_SHA256"), Some(false));
        // The order among TLS 1.2 CipherSpecs is not documented: no prediction.
        assert_eq!(outcome("ANY_TLS12", "ECDHE_RSA_AES_256_GCM_SHA384"), None);
        assert!(CipherSpec::parse("KRB5-DES-CBC3-MD5").is_none());
        assert!(CipherSpec::parse("any_tls13_or_higher").is_some());
    }
}
