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
        id: "java-qm-refusal",
        text: "When the queue manager refuses the handshake of a client using the IBM MQ classes for Java/JMS (its own log says why: AMQ9633, AMQ9716, AMQ9637…), JSSE is assumed to receive a fatal alert ('Received fatal alert: …'; which alert GSKit sends is not documented) and the application to get 2397 with AMQ9204/AMQ9771, as for a JSSE failure of its own; a C client logs AMQ9665 and gets 2393 instead.",
        certainty: Certainty::Partial,
        source: "IBM reason code 2397 page (JSSE reported an error); OpenJDK sun.security.ssl.Alert; the seed for the C client",
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
        text: "An OCSP response without nextUpdate is accepted: the seed's responders sent none, and both the MQ 9.2 client (GSKit) and the NonStop queue manager (OpenSSL) acted on their answers. IBM's policy uses nextUpdate but does not say it is required.",
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
        text: "Peer names are checked after the TLS handshake, the client's SSLPeerName first. Repeated attribute types count in the order MQ prints the DN (most specific first, as DISPLAY CHSTATUS shows SSLPEER); '*' counts at the beginning, the end or both ends of a value, as IBM documents (one inside a value is refused, as runmqsc would).",
        certainty: Certainty::Partial,
        source: "mq-reference §11 (IBM's SSLPEER rules: the wildcard at the beginning, the end or both)",
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
        id: "own-check-validity",
        text: "A side checks its own certificate before sending it (APAR IT32081); that check is taken to cover the certificate's validity period and no more. Whether it also covers the CA certificates above it is not documented, so an expired or not-yet-valid CA certificate is predicted to be found by the partner, which logs AMQ9658E as a queue manager did in a public report.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/support/pages/apar/IT32081 ; https://www.ibm.com/support/pages/apar/IT37745 ; https://github.com/ibm-messaging/mq-mqi-nodejs/issues/171",
    },
    Assumption {
        id: "partner-of-local-failure",
        text: "When a side's own certificate fails its check (AMQ9797E), what its partner logs is not documented. IBM places the check in the initialisation of TLS (APAR IT37745): a client that fails it is assumed to end before the queue manager logs anything; a queue manager that fails it closes the connection, and the client is assumed to log AMQ9665E.",
        certainty: Certainty::Unconfirmed,
        source: "https://www.ibm.com/support/pages/apar/IT37745 ; inferred from AMQ9665's meaning",
    },
    Assumption {
        id: "openssl-qm-verify-error",
        text: "An OpenSSL (HPE NonStop) queue manager that cannot validate the client's chain is assumed to log AMQ9633 (no severity letter) with OpenSSL's verify error as the validation error: 10 expired, 9 not yet valid, 20 issuer not found locally, 19 self-signed root in the chain. The seed shows this form only for a revoked certificate (23).",
        certainty: Certainty::Unconfirmed,
        source: "seed walk-through (error 23); openssl/openssl include/openssl/x509_vfy.h.in (X509_V_ERR_* numbers)",
    },
    Assumption {
        id: "validation-error-575010",
        text: "GSKit's validation error for a chain that does not reach a trusted CA (missing intermediate or untrusted root) is taken to be 575010, as in IBM's AMQ9633 example and a client log with a missing CA; IBM publishes no table of these numbers.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/support/pages/node/1081227 ; https://github.com/ibm-messaging/mq-mqi-nodejs/issues/186",
    },
    Assumption {
        id: "severity-letter-unknown",
        text: "No source shows the severity letter a side writes after one of the predicted message ids (the catalogue says which); it is printed bare rather than with an invented letter.",
        certainty: Certainty::Unconfirmed,
        source: "mqocsp's message catalogue (codes.rs)",
    },
    Assumption {
        id: "cipherspec-negotiated",
        text: "An alias CipherSpec on the client (ANY, ANY_TLS12, ANY_TLS12_OR_HIGHER, ANY_TLS13, ANY_TLS13_OR_HIGHER) negotiates the highest protocol it allows, and within TLS 1.3 IBM's first choice (TLS_CHACHA20_POLY1305_SHA256), both sides using IBM's default order and no AllowedCipherSpecs or AllowTLSV13=NO limiting them.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/docs/en/ibm-mq/9.3.x?topic=cipherspecs-cipherspec-order-in-tls-handshake ; https://www.ibm.com/docs/en/ibm-mq/9.4?topic=cipherspecs-relationship-between-alias-cipherspec-settings",
    },
    Assumption {
        id: "cipherspec-client-side",
        text: "When the queue manager refuses the negotiated CipherSpec (AMQ9631), a C client is assumed to get 2393 and to log AMQ9641 'Remote CipherSpec error' (the title is the Java client's, which IBM shows with 2397; its severity letter is not known).",
        certainty: Certainty::Partial,
        source: "https://github.com/ibm-cloud-docs/mqcloud/blob/master/mqoc_jms_tls.md (AMQ9641 title) ; mq-reference §1.2",
    },
    Assumption {
        id: "chlauth-model",
        text: "Of the SSLPEERMAP records whose channel profile covers the channel and whose SSLPEER (and SSLCERTI) match the client's DN, the one with the most specific profile, then the most specific SSLPEER (fewest '*', then longest), applies; the BLOCKUSER record of the most specific profile is checked against the mapped MCAUSER, '*MQADMIN' standing for mqm only. ADDRESSMAP and USERMAP records, QMGR CHLAUTH(DISABLED) and the default records are not modelled.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/docs/en/ibm-mq/9.3?topic=commands-set-chlauth (the precedence between records is IBM's 'most specific' rule, simplified)",
    },
    Assumption {
        id: "chlauth-client-2035",
        text: "A channel that CHLAUTH blocks after the TLS handshake ends MQCONNX with 2035 MQRC_NOT_AUTHORIZED, and the client's error log shows nothing of it; the queue manager's message wording (AMQ9777 for USERSRC(NOACCESS), AMQ9776 for a blocked user) is as commonly logged, not read from IBM's catalogue.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q041060_.html ; Channel Blocked event http://setgetweb.com/p/MQ92/ref/q049730_.htm",
    },
    Assumption {
        id: "openssl-qm-messages",
        text: "An OpenSSL (HPE NonStop) queue manager is assumed to write the same message as a GSKit one, without the severity letter; the seed shows this only for AMQ9633 and AMQ9716.",
        certainty: Certainty::Unconfirmed,
        source: "seed walk-through (MQ 9.2 Windows client, HPE NonStop queue manager)",
    },
    Assumption {
        id: "openssl-qm-revocation-scope",
        text: "An OpenSSL (HPE NonStop) queue manager is assumed to check the revocation of every certificate of the client's chain but the root, as IBM documents for GSKit; the seed shows it asking its AUTHINFO responder about the client's certificate only.",
        certainty: Certainty::Unconfirmed,
        source: "https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.0.0/com.ibm.mq.sec.doc/q135040_.html (GSKit) ; seed walk-through",
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
    Assumption {
        id: "client-revocation-checks-version",
        text: "The client's MQ version is not known: a release before 9.3.5 is assumed, where ClientRevocationChecks=REQUIRED without a CCDT or MQSCO ends MQCONNX with 2059 and AMQ9518E; from 9.3.5 IBM addressed this by design.",
        certainty: Certainty::Unconfirmed,
        source: "https://www.ibm.com/support/pages/apar/IT44272 (no version in the case)",
    },
    Assumption {
        id: "cipherspec-one-sided",
        text: "A client whose channel definition names no CipherSpec, against a queue manager channel with SSLCIPH, is assumed to log AMQ9641 with the insert 'SSLCIPH(' ') -> SSLCIPH(????)' (its own CipherSpec blank, the remote one unknown) and to get 2393 (2397 for the Java classes); the queue manager's message (AMQ9639 'did not specify a CipherSpec' here) is not read from IBM's catalogue. IBM documents only that channel startup fails when one end alone defines a CipherSpec. The reverse (the client names a CipherSpec, the channel's SSLCIPH is blank) is assumed to end with 2393, no message of either side being predicted.",
        certainty: Certainty::Unconfirmed,
        source: "https://www.ibm.com/docs/en/ibm-mq/9.1.x?topic=problems-cipherspec-mismatches ; https://setgetweb.com/p/MQ92/ref.con/q082230_.htm (SSLCIPH) ; Channel SSL Error event (MQRQ_SSL_CIPHER_SPEC_ERROR) https://ibm.com/docs/SSFKSJ_9.2.0/com.ibm.mq.ref.doc/q049770_.htm",
    },
    Assumption {
        id: "key-repository-unusable",
        text: "A C client that cannot open the key repository it names (no password stash file beside it, one its user ID cannot read, a damaged file or a wrong password) is assumed to log AMQ9660 'SSL key repository: password incorrect or, stash file absent or unusable' and to fail MQCONNX with 2381; IBM documents the 2381 for a missing or wrong passphrase and a stash file that is absent or unreadable, and the message's id and text come from pasted logs.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044090_.html (2381); AMQ9660 as pasted logs show it (mq-reference addendum §1.2)",
    },
    Assumption {
        id: "zos-csqx-as-amq",
        text: "A z/OS queue manager's channel initiator writes CSQX messages where a distributed one writes AMQ messages; its TLS messages CSQX630E to CSQX699E are taken to mean what the distributed AMQ9630 to AMQ9699 of the same number mean (CSQX633E as AMQ9633 'bad certificate', CSQX637E as AMQ9637, CSQX642E as AMQ9642) and are compared as those; where a distributed queue manager would write AMQ96nn, the z/OS one is predicted to write CSQX6nnE (severity E, as on the CSQX TLS errors seen) in its channel initiator's job log, not an AMQERR01.LOG. The numbering runs in parallel where both are known (CSQX642E and AMQ9642 'No SSL certificate for channel'); no IBM page pairs them, and the CSQX texts and inserts are not modelled. IBM MQ for z/OS asks no OCSP responder (OCSP in an AUTHINFO is used only on AIX, Linux and Windows).",
        certainty: Certainty::Unconfirmed,
        source: "IBM, Distributed queuing messages (CSQX...) https://www.ibm.com/docs/SSFKSJ_9.3.0/reference/csq_x.html ; mq-reference §1 'Platform limit' and §8 (OCSP AUTHINFO not used on z/OS); CSQX642E as quoted in Hursley's 'WebSphere MQ SSL gotchas'",
    },
    Assumption {
        id: "windows-event-id-as-amq",
        text: "An entry of the Windows Application event log from source IBM MQ (IBM WebSphere MQ before MQ 8) is taken as the message AMQ<Event ID> of the machine that logged it, its text being the message's without the id, its level the severity (Error E, Warning W, Information I); the machine is taken as the queue manager's unless a client log entry names it. MQ on Windows writes its messages to the event log as well as to AMQERR01.LOG; the pairing of event id and message number is what such entries show, not an IBM statement read here.",
        certainty: Certainty::Unconfirmed,
        source: "Event Viewer copies of IBM MQ entries (Source: IBM MQ, Event ID equal to the AMQ number); no IBM page read",
    },
    Assumption {
        id: "qm-no-certificate",
        text: "A queue manager with no personal certificate under the label it looks for is assumed to log AMQ9637 'Channel is lacking a certificate' (the text IBM shows for a queue manager whose client sent none, APAR IT15978, read here as this end lacking one) and to close the connection, the client logging AMQ9665 and getting 2393 (2397 for the Java classes).",
        certainty: Certainty::Unconfirmed,
        source: "http://www-01.ibm.com/support/docview.wss?uid=swg1IT15978 (AMQ9637 text) ; https://www.ibm.com/docs/en/ibm-mq/9.3?topic=mechanisms-digital-certificate-labels-understanding-requirements",
    },
    Assumption {
        id: "chlauth-dn-from-log",
        text: "The DN that the queue manager's AMQ9777 quotes as the channel's active SSLPEER value is compared with the SSLPEERMAP records in place of a client certificate nobody pasted, or of a pasted one whose subject differs (the certificate in use is then another, said as a contradiction); records with SSLCERTI are not compared (the issuer is not known).",
        certainty: Certainty::Partial,
        source: "SET CHLAUTH (SSLPEER matched against the certificate's DN): https://www.ibm.com/docs/en/ibm-mq/9.3?topic=commands-set-chlauth ; AMQ9777 inserts as logged",
    },
    Assumption {
        id: "chlauth-supposed",
        text: "The ticket shows 2035 after a TLS handshake that nothing refused but no CHLAUTH record that explains it: a channel authentication record (or the user's authorities, which mqocsp does not model) is supposed to refuse the connection.",
        certainty: Certainty::Partial,
        source: "2035 MQRC_NOT_AUTHORIZED: https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q041060_.html ; Channel Blocked event http://setgetweb.com/p/MQ92/ref/q049730_.htm",
    },
    Assumption {
        id: "dotnet-qm-refusal",
        text: "When the queue manager refuses the handshake of a managed .NET client (its own log says why), SslStream is assumed to end either with the AuthenticationException of the TLS alert the queue manager sends ('Authentication failed because the remote party sent a TLS alert', .NET 5 and later) or, when it closes or resets the connection without one, with an IOException ('Authentication failed because the remote party has closed the transport stream', 'Received an unexpected EOF or 0 bytes from the transport stream', 'Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host'); which one GSKit causes is not documented, so the form the application's log shows is the one compared. A closed or reset connection can also come from a firewall or load balancer between them.",
        certainty: Certainty::Partial,
        source: "dotnet/corefx SslState.cs StartReadFrame (IOException SR.net_auth_eof on a 0-byte read); dotnet/runtime SR.net_auth_tls_alert, SR.net_io_eof; NetworkStream SR.net_io_readfailure ('Unable to read data from the transport connection: {0}.'); no IBM source on GSKit's alerts",
    },
    Assumption {
        id: "s-client-chain-presented",
        text: "The certificate chain openssl s_client printed is taken as the chain the queue manager's listener presents to the MQ client. The queue manager chooses the certificate by the SNI the client sends: a channel with CERTLABL gets its own certificate only for the channel's SNI name (OutboundSNI=CHANNEL, '<channel>.chl.mq.ibm.com'), otherwise the queue manager's default certificate is presented; an s_client run without that -servername may have been shown another certificate than the MQ client is.",
        certainty: Certainty::Partial,
        source: "https://www.ibm.com/docs/en/ibm-mq/latest?topic=requirements-how-mq-provides-multiple-certificates-capability (mq-reference §9); openssl-s_client(1) (-servername, -showcerts)",
    },
    Assumption {
        id: "openssl-verify-cafile-as-key-repository",
        text: "openssl verify run on one side's certificate with -CAfile (or -CApath) is taken to hold the CA certificates the other side's key repository holds, and the certificate file to be what that side sends, so that its error 20 (unable to get local issuer certificate), 2 or 21 (the chain does not reach one of those CAs) is what GSKit finds: a missing intermediate or an untrusted root. That holds when the CA file is the one the key repository was built from and the file holds what the sender's key repository sends (an intermediate the sender sends but the file lacks would make openssl fail where GSKit succeeds). Whose certificate it is is read from the file name or subject (the queue manager's name or host, qm, client, app).",
        certainty: Certainty::Unconfirmed,
        source: "openssl-verify(1) (-CAfile, -untrusted; X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY 20, UNABLE_TO_GET_ISSUER_CERT 2, UNABLE_TO_VERIFY_LEAF_SIGNATURE 21); no source compares it with GSKit",
    },
    Assumption {
        id: "s-client-cafile-as-key-repository",
        text: "openssl s_client run with -CAfile (or -CApath) is taken to hold the CA certificates the MQ client's key repository holds, so that its 'Verify return code: 20/21' (the chain the listener sent does not reach one of them) is what GSKit finds with that key repository. That holds when the file is the one the key repository was built from and s_client ran with the channel's SNI (the listener picks its certificate by it).",
        certainty: Certainty::Unconfirmed,
        source: "openssl-s_client(1) (-CAfile, -CApath, 'Verify return code'); openssl-verify(1) (X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY 20, UNABLE_TO_VERIFY_LEAF_SIGNATURE 21); no source compares it with GSKit",
    },
    Assumption {
        id: "openssl-output-as-gskit",
        text: "What openssl ocsp printed in the ticket (the responder's answer about a certificate, and whether openssl could verify the response) is taken as what GSKit, the TLS library of the MQ C client and of the queue manager (a NonStop queue manager's own OpenSSL in its place), would conclude for the same certificate and the same responder. That holds when openssl asked the same responder URL, from a host that reaches it as that MQ side does, near the time of the failure, and verified the response against the CAs that side's key repository holds (-CAfile/-VAfile); how GSKit builds its request and verifies the response is not documented.",
        certainty: Certainty::Unconfirmed,
        source: "openssl-ocsp(1) (-url, -CAfile, -VAfile; 'Response verify OK' / 'Response Verify Failure'); IBM q135040 (GSKit asks about every certificate but the root); no source compares the two",
    },
    Assumption {
        id: "openssl-verify-crl-as-ocsp",
        text: "What openssl verify -crl_check concluded from the CA's CRL about a certificate ('certificate revoked', error 23, or OK) is taken as what that CA's OCSP responder answers about it. That holds when the CRL is the issuing CA's current one and the responder serves the same revocation database; a CRL fetched before the revocation, or a responder fed from another database, can disagree. MQ itself checks OCSP here, not the CRL.",
        certainty: Certainty::Unconfirmed,
        source: "openssl-verify(1) (-crl_check, -CRLfile; X509_V_ERR_CERT_REVOKED = 23); RFC 6960 §2.2 (a responder's status reflects the CA's revocation data, no rule that it equals a CRL); no IBM source",
    },
    Assumption {
        id: "openssl-output-as-client-library",
        text: "What openssl ocsp printed in the ticket (the responder's answer about a certificate, and whether openssl could verify the response) is taken as what the client's own TLS stack (JSSE for the IBM MQ classes for Java, the platform's chain engine for the managed .NET client) would conclude for the same certificate and the same responder, asked from the client's host near the time of the failure with the same trusted CAs.",
        certainty: Certainty::Unconfirmed,
        source: "openssl-ocsp(1) (-url, -CAfile, -VAfile); no source compares openssl's verdict with JSSE's or .NET's",
    },
];

pub(super) fn assumption(id: &str) -> Option<Assumption> {
    ASSUMPTIONS.iter().find(|a| a.id == id).cloned()
}
