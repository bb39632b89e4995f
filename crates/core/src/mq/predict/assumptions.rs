//! Every fact mqocsp relies on that IBM does not document, with its certainty and source.

use super::Assumption;
use crate::mq::codes::Certainty;

const SEED: &str = "seed walk-through (MQ 9.2 Windows client, HPE NonStop queue manager)";

/// Every assumption mqocsp may rely on.
pub const ASSUMPTIONS: &[Assumption] = &[
    Assumption {
        id: "java-exception-chain",
        text: "A JSSE failure in the IBM MQ classes for Java/JMS surfaces as JMSWMQ0018 with JMSCMQ0001 reason 2397 (MQRC_JSSE_ERROR) and AMQ9204/AMQ9771 in the JMQI exception chain, the CertPathValidatorException text being OpenJDK's; IBM's own JRE (IBMJSSE2) words them differently.",
        certainty: Certainty::Partial,
        source: "IBM reason code 2397 page; OpenJDK sun.security.provider.certpath.RevocationChecker; tickets seen in the field",
    },
    Assumption {
        id: "client-default-required",
        text: "mqclient.ini's OCSPAuthentication defaults to REQUIRED, as qm.ini's does.",
        certainty: Certainty::Partial,
        source: "APAR IC64358 and the seed walk-through",
    },
    Assumption {
        id: "first-mqair-only",
        text: "Only the first MQAIR record is used for OCSP.",
        certainty: Certainty::Partial,
        source: SEED,
    },
    Assumption {
        id: "warn-message-id",
        text: "Under OCSPAuthentication=WARN the side that cannot determine a status (the client, or the queue manager for the client's certificate) logs a warning; its message id and severity letter (AMQ9717 here, written bare) are not verified.",
        certainty: Certainty::Unconfirmed,
        source: "mq-reference §6",
    },
    Assumption {
        id: "openssl-qm-alert",
        text: "An OpenSSL (NonStop) queue manager logs the alert the client sent: AMQ9633 'sslv3 alert bad certificate', error 1042.",
        certainty: Certainty::Partial,
        source: SEED,
    },
    Assumption {
        id: "gskit-qm-alert",
        text: "A GSKit queue manager whose client aborts the handshake logs that the remote end closed the connection (AMQ9665); not verified.",
        certainty: Certainty::Unconfirmed,
        source: "inferred from the client-side behaviour in the seed",
    },
    Assumption {
        id: "next-update-absent",
        text: "GSKit accepts OCSP responses without nextUpdate.",
        certainty: Certainty::Partial,
        source: SEED,
    },
    Assumption {
        id: "no-evidence-unreachable",
        text: "A responder (or CRL distribution point) the case says nothing about, with no pasted response (or CRL), is treated as unreachable.",
        certainty: Certainty::Unconfirmed,
        source: "mqocsp's choice: state each responder in the case",
    },
    Assumption {
        id: "eku-not-enforced",
        text: "GSKit's enforcement of extended key usage on MQ channels is not modelled; chains are checked for any purpose.",
        certainty: Certainty::Unconfirmed,
        source: "no IBM source read",
    },
    Assumption {
        id: "qm-silent-on-client-abort",
        text: "When the client rejects the queue manager's revocation status as unknown, nothing is logged on the queue manager.",
        certainty: Certainty::Partial,
        source: SEED,
    },
    Assumption {
        id: "revocation-fallthrough",
        text: "A source without a definite answer sends MQ on to the next: the configured responder (MQAIR, CCDT AUTHINFO or the SSLCRLNL AUTHINFO), then the certificate's AIA responders when OCSPCheckExtensions=YES, then its CRL distribution points when CDPCheckExtensions=YES, then the LDAP servers holding CRLs (AUTHTYPE(CRLLDAP), MQAIT_CRL_LDAP). IBM documents this order for the queue manager; the client is assumed to follow it. ARLs are not modelled.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.0.0/com.ibm.mq.sec.doc/q135040_.html (mq-reference §7)",
    },
    Assumption {
        id: "crl-revoked-message",
        text: "A certificate found revoked in a CRL from its distribution point is refused with AMQ9633 (IBM's reasons name CRLs on LDAP servers); the exact wording and validation error for a CDP CRL are not verified.",
        certainty: Certainty::Unconfirmed,
        source: "https://www.ibm.com/support/pages/node/1081227 (reasons (c)/(d))",
    },
    Assumption {
        id: "sslpeer-model",
        text: "Peer names are checked after the TLS handshake, the client's SSLPeerName first. Repeated attribute types count in the order MQ prints the DN (most specific first, as DISPLAY CHSTATUS shows SSLPEER); '*' is honoured anywhere in a value, though IBM documents only the trailing form.",
        certainty: Certainty::Partial,
        source: "mq-reference §11 (IBM's SSLPEER rules; where else '*' may appear is UNCONFIRMED)",
    },
    Assumption {
        id: "client-peer-name-2398",
        text: "A C client whose SSLPeerName does not match the queue manager's DN gets 2398 MQRC_SSL_PEER_NAME_MISMATCH and logs AMQ9636; IBM documents the reason for the Java and .NET clients.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/docs/SSFKSJ_9.4.0/develop/q031280_.html and cmqc.h",
    },
    Assumption {
        id: "qm-log-after-client-peer-mismatch",
        text: "When the client ends the connection over its SSLPeerName, what the queue manager logs is not known; nothing is predicted there.",
        certainty: Certainty::Unconfirmed,
        source: "no source read",
    },
    Assumption {
        id: "qm-sslpeer-client-reason",
        text: "When the channel's SSLPEER rejects the client, the C client gets 2059 MQRC_Q_MGR_NOT_AVAILABLE (as the .NET client did before MQ 9.4) and its log only shows that the connection ended; not verified for the C client.",
        certainty: Certainty::Unconfirmed,
        source: "a practitioner's table of .NET client reason codes; no C client source read",
    },
    Assumption {
        id: "java-ibm-jre",
        text: "The Java model follows OpenJDK/Oracle JSSE (also IBM Semeru Runtimes, which ship OpenJDK's JSSE). On IBM's own SDK (IBMJSSE2: IBM SDK for Java 8, WebSphere's IbmPKIX trust manager) revocation is switched on by com.ibm.jsse2.checkRevocation and CRL distribution points by com.ibm.security.enableCRLDP (both read here as their com.sun equivalents); its CertPathValidatorException texts are worded differently and are not modelled.",
        certainty: Certainty::Partial,
        source: "IBM WebSphere 8.5.5 'Enabling certificate revocation checking with the default IbmPKIX trust manager' (com.ibm.jsse2.checkRevocation, com.ibm.security.enableCRLDP, ocsp.enable); IBM SDK 8 JSSE2 'known differences from Oracle' page",
    },
    Assumption {
        id: "dotnet-reason",
        text: "When SslStream refuses the queue manager's certificate, the managed .NET application gets IBM.WMQ.MQException reason 2393 MQRC_SSL_INITIALIZATION_ERROR with the AuthenticationException as its inner exception; IBM's list of .NET TLS reason codes names none for a rejected server certificate.",
        certainty: Certainty::Unconfirmed,
        source: "IBM 'Error handling when using TLS' (.NET, q029690: lists MQRC_SSL_NOT_ALLOWED, _PEER_NAME_MISMATCH, _PEER_NAME_ERROR, KEY_REPOSITORY_ERROR only); field reports of 2393 from .NET clients",
    },
    Assumption {
        id: "dotnet-client-log",
        text: "Which AMQ messages, if any, the managed .NET client writes to its own error log for a refused handshake is not documented: only the exception chain (MQException, AuthenticationException, the X509ChainStatus) is predicted on the client's side; the chain status texts are Windows' (CryptoAPI) or OpenSSL's as .NET reports them.",
        certainty: Certainty::Unconfirmed,
        source: "no IBM source; .NET 5+ AuthenticationException text 'The remote certificate is invalid because of errors in the certificate chain: …' as seen in dotnet/runtime issues",
    },
    Assumption {
        id: "dotnet-revocation-mode",
        text: "SSLCertRevocationCheck=true makes the managed client pass checkCertificateRevocation to SslStream, i.e. X509RevocationMode.Online with the default X509RevocationFlag.ExcludeRoot: every certificate but the root is checked, a status that cannot be determined refuses the certificate.",
        certainty: Certainty::Partial,
        source: "IBM 'Revocation check' (managed .NET: 'done by the certificate chaining engine'); Microsoft X509RevocationMode and X509RevocationFlag (ExcludeRoot default)",
    },
    Assumption {
        id: "dotnet-platform",
        text: "The ticket does not say where the .NET application runs: Windows (the CryptoAPI chain engine: OCSP at the AIA, then every HTTP CDP) is assumed.",
        certainty: Certainty::Unconfirmed,
        source: "no evidence in the case",
    },
    Assumption {
        id: "dotnet-linux-sources",
        text: "On Linux, .NET asks OCSP at the certificate's AIA and falls back to its first CRL distribution point only; older releases ask OCSP for the end-entity certificate only, so a CA certificate without a CDP gives RevocationStatusUnknown ('unable to get certificate CRL') there.",
        certainty: Certainty::Partial,
        source: "dotnet/corefx PR 35367 (OCSP on Linux), dotnet/runtime issues 79212 and 121253",
    },
    Assumption {
        id: "dotnet-no-peer-name",
        text: "Without SSLPEERNAME the managed .NET client accepts the queue manager's certificate as-is (no chain or revocation verdict applies), as IBM's MQ 9.2 SSLPEERNAME page says; that the client in use still behaves so is assumed.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.2.0/com.ibm.mq.dev.doc/q120660_.html",
    },
];

pub(super) fn assumption(id: &str) -> Option<Assumption> {
    ASSUMPTIONS.iter().find(|a| a.id == id).cloned()
}
