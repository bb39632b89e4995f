//! A sans-I/O TLS client for probing a queue manager listener as the MQ client would: the SNI
//! MQ sends, the configured CipherSpec; it records the chain as sent, a stapled OCSP response, and
//! whether the listener asked for a client certificate (and which CAs it accepts). It accepts any
//! chain: mqocsp judges it afterwards, step by step. The caller moves the bytes (a socket in the
//! CLI, the relay's WebSocket tunnel in the browser).

use rustls::client::ResolvesClientCert;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::time_provider::TimeProvider;
use rustls::{DigitallySignedStruct, SignatureScheme};
use std::sync::{Arc, Mutex};

/// What the listener showed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// The certificates as sent, leaf first (DER).
    pub chain: Vec<Vec<u8>>,
    /// A stapled OCSP response (empty when none).
    pub stapled: Vec<u8>,
    /// Whether it asked for a client certificate.
    pub requested: bool,
    /// The CA names it accepts for client certificates (DER Names).
    pub hints: Vec<Vec<u8>>,
}

#[derive(Debug)]
struct Recorder {
    seen: Arc<Mutex<Seen>>,
    provider: Arc<rustls::crypto::CryptoProvider>,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        ocsp: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut seen) = self.seen.lock() {
            seen.chain = std::iter::once(end_entity)
                .chain(intermediates)
                .map(|c| c.to_vec())
                .collect();
            seen.stapled = ocsp.to_vec();
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// Records a certificate request and its CA hints; sends no certificate.
#[derive(Debug)]
struct ClientCertRecorder(Arc<Mutex<Seen>>);

impl ResolvesClientCert for ClientCertRecorder {
    fn resolve(
        &self,
        hints: &[&[u8]],
        _: &[SignatureScheme],
    ) -> Option<Arc<rustls::sign::CertifiedKey>> {
        if let Ok(mut seen) = self.0.lock() {
            seen.requested = true;
            seen.hints = hints.iter().map(|h| h.to_vec()).collect();
        }
        None
    }

    fn has_certs(&self) -> bool {
        true
    }
}

/// The rustls suite for an MQ CipherSpec name, where rustls supports it.
pub fn suite_for(cipher_spec: &str) -> Option<rustls::CipherSuite> {
    use rustls::CipherSuite as C;
    Some(match cipher_spec {
        "TLS_AES_128_GCM_SHA256" => C::TLS13_AES_128_GCM_SHA256,
        "TLS_AES_256_GCM_SHA384" => C::TLS13_AES_256_GCM_SHA384,
        "TLS_CHACHA20_POLY1305_SHA256" => C::TLS13_CHACHA20_POLY1305_SHA256,
        "ECDHE_RSA_AES_128_GCM_SHA256" => C::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        "ECDHE_RSA_AES_256_GCM_SHA384" => C::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        "ECDHE_ECDSA_AES_128_GCM_SHA256" => C::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        "ECDHE_ECDSA_AES_256_GCM_SHA384" => C::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        _ => return None,
    })
}

/// A handshake in progress.
#[derive(Debug)]
pub struct Handshake {
    tls: rustls::ClientConnection,
    seen: Arc<Mutex<Seen>>,
}

impl Handshake {
    /// Starts a handshake with `sni`, offering only `cipher_spec`'s suite when rustls has it.
    pub fn new(
        sni: &str,
        cipher_spec: Option<&str>,
        time: Arc<dyn TimeProvider>,
    ) -> Result<Self, String> {
        let mut provider = rustls::crypto::ring::default_provider();
        if let Some(suite) = cipher_spec.and_then(suite_for) {
            provider.cipher_suites.retain(|s| s.suite() == suite);
        }
        let provider = Arc::new(provider);
        let seen = Arc::new(Mutex::new(Seen::default()));
        let config = rustls::ClientConfig::builder_with_details(provider.clone(), time)
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS versions: {e}"))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Recorder {
                seen: seen.clone(),
                provider,
            }))
            .with_client_cert_resolver(Arc::new(ClientCertRecorder(seen.clone())));
        let name = ServerName::try_from(sni.to_owned())
            .map_err(|_| format!("'{sni}' is not a valid SNI host name"))?;
        let tls = rustls::ClientConnection::new(Arc::new(config), name)
            .map_err(|e| format!("TLS client: {e}"))?;
        Ok(Self { tls, seen })
    }

    /// Bytes to send to the listener now.
    pub fn outgoing(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while self.tls.wants_write() {
            if self.tls.write_tls(&mut out).is_err() {
                break;
            }
        }
        out
    }

    /// Bytes received from the listener; an error is the listener's alert or a protocol error.
    pub fn incoming(&mut self, mut bytes: &[u8]) -> Result<(), String> {
        while !bytes.is_empty() {
            self.tls.read_tls(&mut bytes).map_err(|e| e.to_string())?;
            self.tls.process_new_packets().map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// Whether the handshake is still going.
    pub fn is_handshaking(&self) -> bool {
        self.tls.is_handshaking()
    }

    /// The negotiated protocol (`TLSv1_3`).
    pub fn protocol(&self) -> Option<String> {
        self.tls.protocol_version().map(|v| format!("{v:?}"))
    }

    /// The negotiated suite (`TLS13_AES_128_GCM_SHA256`).
    pub fn cipher_suite(&self) -> Option<String> {
        self.tls
            .negotiated_cipher_suite()
            .map(|s| format!("{:?}", s.suite()))
    }

    /// Ends the connection politely; send [`Handshake::outgoing`] after.
    pub fn close(&mut self) {
        self.tls.send_close_notify();
    }

    /// What the listener showed so far.
    pub fn seen(&self) -> Seen {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// What the handshake showed, as a live session records it: connected, with the negotiated
    /// protocol and suite and what the listener presented. The caller adds how it ended
    /// (`error`, `alert_after_handshake`), which only its transport knows.
    pub fn observed(&self) -> mqocsp_core::mq::session::Observed {
        let seen = self.seen();
        mqocsp_core::mq::session::Observed {
            connected: true,
            error: None,
            alert_after_handshake: None,
            protocol: self.protocol(),
            cipher_suite: self.cipher_suite(),
            chain: seen.chain,
            stapled: seen.stapled,
            client_certificate_requested: seen.requested,
            acceptable_cas: seen.hints,
        }
    }
}
