//! Building OCSP responses (RFC 6960 §4.2.1) field by field, deterministically.
//!
//! Real responders (`openssl ocsp`) are used wherever a test can run them; this builder exists for
//! what they will not produce: fixed times for golden files, and every kind of wrong response
//! (stale, future, mismatched CertID, bad signature) for the verification tests.

use crate::der::{
    algorithm, bits, enumerated, explicit, generalized_time, implicit_constructed,
    implicit_primitive, int, octets, oid, seq,
};
use crate::pki::Issued;
use rcgen::SigningKey as _;
use x509_parser::prelude::{FromDer, X509Certificate};

/// The hash of a CertID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertIdHash {
    /// SHA-1, what most clients send.
    Sha1,
    /// SHA-256.
    Sha256,
}

/// A certificate status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// good.
    Good,
    /// revoked at `YYYYMMDDHHMMSS` with an optional CRLReason code.
    Revoked(String, Option<u8>),
    /// unknown.
    Unknown,
}

/// One SingleResponse.
#[derive(Clone, Debug)]
pub struct Single {
    /// Serial of the certificate asked about (big-endian).
    pub serial: Vec<u8>,
    /// Its status.
    pub status: Status,
    /// thisUpdate, `YYYYMMDDHHMMSS`.
    pub this_update: String,
    /// nextUpdate, `YYYYMMDDHHMMSS`.
    pub next_update: Option<String>,
    /// CertID hash algorithm.
    pub hash: CertIdHash,
}

impl Single {
    /// A good status for `serial`, thisUpdate 2026-11-26 12:00, nextUpdate a day later.
    pub fn good(serial: &[u8]) -> Self {
        Self {
            serial: serial.to_vec(),
            status: Status::Good,
            this_update: "20261126120000".into(),
            next_update: Some("20261127120000".into()),
            hash: CertIdHash::Sha1,
        }
    }
}

/// How the responder names itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResponderBy {
    /// byName: the signer's subject.
    Name,
    /// byKey: SHA-1 of the signer's public key.
    Key,
}

/// A whole response.
#[derive(Clone, Debug)]
pub struct ResponseSpec {
    /// The SingleResponses.
    pub singles: Vec<Single>,
    /// producedAt, `YYYYMMDDHHMMSS`.
    pub produced_at: String,
    /// ResponderID form.
    pub responder: ResponderBy,
    /// Nonce extension value.
    pub nonce: Option<Vec<u8>>,
    /// Include the signer's certificate in `certs`.
    pub include_signer: bool,
    /// More responseExtensions (each a DER Extension, see [`extension`]).
    pub extensions: Vec<Vec<u8>>,
    /// singleExtensions of the first SingleResponse (each a DER Extension).
    pub single_extensions: Vec<Vec<u8>>,
}

/// A DER Extension: `oid`, the critical flag when set, and `value` as extnValue's content.
pub fn extension(dotted: &str, critical: bool, value: &[u8]) -> Vec<u8> {
    let mut parts = vec![oid(dotted)];
    if critical {
        parts.push(vec![0x01, 0x01, 0xff]);
    }
    parts.push(octets(value));
    seq(&parts)
}

impl ResponseSpec {
    /// One good answer about `serial`, by name, signer included, no nonce.
    pub fn good(serial: &[u8]) -> Self {
        Self {
            singles: vec![Single::good(serial)],
            produced_at: "20261126120000".into(),
            responder: ResponderBy::Name,
            nonce: None,
            include_signer: true,
            extensions: Vec::new(),
            single_extensions: Vec::new(),
        }
    }
}

fn sha(hash: CertIdHash, data: &[u8]) -> Vec<u8> {
    let algorithm = match hash {
        CertIdHash::Sha1 => &ring::digest::SHA1_FOR_LEGACY_USE_ONLY,
        CertIdHash::Sha256 => &ring::digest::SHA256,
    };
    ring::digest::digest(algorithm, data).as_ref().to_vec()
}

/// The issuer's subject DER and public key bits: what CertID hashes.
fn issuer_parts(issuer: &Issued) -> (Vec<u8>, Vec<u8>) {
    let (_, cert) = X509Certificate::from_der(&issuer.der).expect("a test certificate");
    (
        cert.subject().as_raw().to_vec(),
        cert.public_key().subject_public_key.data.to_vec(),
    )
}

/// A CertID for `serial` issued by `issuer`.
pub fn cert_id(issuer: &Issued, serial: &[u8], hash: CertIdHash) -> Vec<u8> {
    let (name, key) = issuer_parts(issuer);
    let hash_oid = match hash {
        CertIdHash::Sha1 => "1.3.14.3.2.26",
        CertIdHash::Sha256 => "2.16.840.1.101.3.4.2.1",
    };
    seq(&[
        algorithm(hash_oid, true),
        octets(&sha(hash, &name)),
        octets(&sha(hash, &key)),
        int(serial),
    ])
}

/// The tbsResponseData, as a separate step so tests can tamper with it before signing.
pub fn response_data(spec: &ResponseSpec, issuer: &Issued, signer: &Issued) -> Vec<u8> {
    let (signer_name, signer_key) = issuer_parts(signer);
    let responder_id = match spec.responder {
        ResponderBy::Name => explicit(1, &signer_name),
        ResponderBy::Key => explicit(2, &octets(&sha(CertIdHash::Sha1, &signer_key))),
    };
    let singles: Vec<Vec<u8>> = spec
        .singles
        .iter()
        .enumerate()
        .map(|(index, single)| {
            let status = match &single.status {
                Status::Good => implicit_primitive(0, &[]),
                Status::Unknown => implicit_primitive(2, &[]),
                Status::Revoked(time, reason) => {
                    let mut parts = vec![generalized_time(time)];
                    if let Some(code) = reason {
                        parts.push(explicit(0, &enumerated(*code)));
                    }
                    implicit_constructed(1, &parts)
                }
            };
            let mut parts = vec![
                cert_id(issuer, &single.serial, single.hash),
                status,
                generalized_time(&single.this_update),
            ];
            if let Some(next) = &single.next_update {
                parts.push(explicit(0, &generalized_time(next)));
            }
            if index == 0 && !spec.single_extensions.is_empty() {
                parts.push(explicit(1, &seq(&spec.single_extensions)));
            }
            seq(&parts)
        })
        .collect();
    let mut data = vec![
        responder_id,
        generalized_time(&spec.produced_at),
        seq(&singles),
    ];
    let mut extensions = spec.extensions.clone();
    if let Some(nonce) = &spec.nonce {
        extensions.insert(
            0,
            seq(&[oid("1.3.6.1.5.5.7.48.1.2"), octets(&octets(nonce))]),
        );
    }
    if !extensions.is_empty() {
        data.push(explicit(1, &seq(&extensions)));
    }
    seq(&data)
}

/// Signs `tbs` with `signer`'s Ed25519 key and wraps it into a full OCSPResponse.
pub fn sign_response(tbs: &[u8], signer: &Issued, include_signer: bool) -> Vec<u8> {
    let signature = signer.key.sign(tbs).expect("Ed25519 signing");
    let mut basic = vec![
        tbs.to_vec(),
        algorithm("1.3.101.112", false),
        bits(&signature),
    ];
    if include_signer {
        basic.push(explicit(0, &seq(std::slice::from_ref(&signer.der))));
    }
    let response_bytes = seq(&[oid("1.3.6.1.5.5.7.48.1.1"), octets(&seq(&basic))]);
    seq(&[enumerated(0), explicit(0, &response_bytes)])
}

/// A complete signed response.
pub fn response(spec: &ResponseSpec, issuer: &Issued, signer: &Issued) -> Vec<u8> {
    sign_response(
        &response_data(spec, issuer, signer),
        signer,
        spec.include_signer,
    )
}

/// An unsuccessful response: only the status (e.g. 1 malformedRequest, 3 tryLater, 6 unauthorized).
pub fn status_only(status: u8) -> Vec<u8> {
    seq(&[enumerated(status)])
}
