//! Checking one signature with one public key (ring), under an algorithm policy.

use crate::certificate::{Algorithm, Certificate, HashAlgorithm, PssParameters};
use num_bigint::BigUint;
use ring::digest;
use ring::signature::{self, UnparsedPublicKey, VerificationAlgorithm};
use std::fmt;

/// Whether SHA-1 signatures and RSA keys below 2048 bits are accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LegacyAlgorithms {
    /// Refuse them (the default: CA/Browser Forum and NIST SP 800-131A).
    #[default]
    Reject,
    /// Accept them, with a warning in the trace (`--allow-sha1`).
    Allow,
}

/// Why a signature does not check out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureError {
    /// mqocsp cannot check this algorithm (DSA, an unknown OID, RSASSA-PSS with parameters
    /// outside SHA-1/SHA-2 and MGF1).
    Unsupported {
        /// The signature algorithm.
        algorithm: String,
        /// The key's algorithm and curve.
        key: String,
    },
    /// The policy refuses a legacy algorithm or small key.
    Legacy {
        /// What is weak.
        what: String,
    },
    /// The signature does not verify with this key.
    Invalid,
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unsupported { algorithm, key } => {
                write!(
                    f,
                    "mqocsp cannot check a {algorithm} signature made with a {key} key (it checks RSA, RSASSA-PSS, ECDSA on P-256 and P-384 with SHA-256 or SHA-384, and Ed25519; not DSA, Ed448 or P-521)"
                )
            }
            Self::Legacy { what } => write!(
                f,
                "{what} is refused by the algorithm policy (allow it with --allow-sha1)"
            ),
            Self::Invalid => f.write_str("the signature does not verify with this public key"),
        }
    }
}

/// Algorithm OIDs signatures are chosen by (RFC 3279, RFC 4055, RFC 5758, RFC 8410).
pub(crate) mod oid {
    /// rsaEncryption.
    pub const RSA: &str = "1.2.840.113549.1.1.1";
    /// id-ecPublicKey.
    pub const EC: &str = "1.2.840.10045.2.1";
    /// prime256v1 (P-256).
    pub const P256: &str = "1.2.840.10045.3.1.7";
    /// secp384r1 (P-384).
    pub const P384: &str = "1.3.132.0.34";
    /// id-Ed25519.
    pub const ED25519: &str = "1.3.101.112";
    /// sha1WithRSAEncryption.
    pub const RSA_SHA1: &str = "1.2.840.113549.1.1.5";
    /// sha256WithRSAEncryption.
    pub const RSA_SHA256: &str = "1.2.840.113549.1.1.11";
    /// sha384WithRSAEncryption.
    pub const RSA_SHA384: &str = "1.2.840.113549.1.1.12";
    /// sha512WithRSAEncryption.
    pub const RSA_SHA512: &str = "1.2.840.113549.1.1.13";
    /// ecdsa-with-SHA1.
    pub const ECDSA_SHA1: &str = "1.2.840.10045.4.1";
    /// ecdsa-with-SHA256.
    pub const ECDSA_SHA256: &str = "1.2.840.10045.4.3.2";
    /// ecdsa-with-SHA384.
    pub const ECDSA_SHA384: &str = "1.2.840.10045.4.3.3";
}

fn is_sha1(dotted: &str) -> bool {
    matches!(dotted, oid::RSA_SHA1 | oid::ECDSA_SHA1)
}

/// The ring algorithm for a signature algorithm and key, both by OID.
fn ring_algorithm(
    signature_algorithm: &str,
    key: &Certificate,
    small_rsa: bool,
) -> Option<&'static dyn VerificationAlgorithm> {
    use oid::*;
    let curve = key.public_key.curve_oid.as_deref();
    Some(
        match (
            key.public_key.algorithm.oid.as_str(),
            curve,
            signature_algorithm,
            small_rsa,
        ) {
            (EC, Some(P256), ECDSA_SHA256, _) => &signature::ECDSA_P256_SHA256_ASN1,
            (EC, Some(P256), ECDSA_SHA384, _) => &signature::ECDSA_P256_SHA384_ASN1,
            (EC, Some(P384), ECDSA_SHA256, _) => &signature::ECDSA_P384_SHA256_ASN1,
            (EC, Some(P384), ECDSA_SHA384, _) => &signature::ECDSA_P384_SHA384_ASN1,
            (RSA, _, RSA_SHA256, false) => &signature::RSA_PKCS1_2048_8192_SHA256,
            (RSA, _, RSA_SHA384, false) => &signature::RSA_PKCS1_2048_8192_SHA384,
            (RSA, _, RSA_SHA512, false) => &signature::RSA_PKCS1_2048_8192_SHA512,
            (RSA, _, RSA_SHA1, false) => &signature::RSA_PKCS1_2048_8192_SHA1_FOR_LEGACY_USE_ONLY,
            (RSA, _, RSA_SHA256, true) => {
                &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY
            }
            (RSA, _, RSA_SHA512, true) => {
                &signature::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY
            }
            (RSA, _, RSA_SHA1, true) => &signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
            (ED25519, _, ED25519, _) => &signature::ED25519,
            _ => return None,
        },
    )
}

/// What a successful check is worth noting: a legacy algorithm the policy let through.
pub type LegacyNote = Option<String>;

/// The hashes RSASSA-PSS may use here, chosen by OID.
fn pss_digest(hash: &HashAlgorithm) -> Option<&'static digest::Algorithm> {
    Some(match hash {
        HashAlgorithm::Sha256 => &digest::SHA256,
        HashAlgorithm::Sha384 => &digest::SHA384,
        HashAlgorithm::Sha512 => &digest::SHA512,
        HashAlgorithm::Sha1 => &digest::SHA1_FOR_LEGACY_USE_ONLY,
        HashAlgorithm::Other(_) => return None,
    })
}

/// The largest RSA modulus and public exponent checked, as ring bounds them: they bound the work
/// a pasted certificate can ask for.
const MAX_MODULUS_BITS: u64 = 8192;
const MAX_EXPONENT_BITS: u64 = 33;

/// `(n, e)` of an RSAPublicKey (RFC 8017 A.1.1).
fn rsa_public_key(der: &[u8]) -> Option<(BigUint, BigUint)> {
    let tree = crate::der::parse(der);
    let root = tree.root.filter(|_| tree.problems.is_empty())?;
    let integer = |index: usize| {
        root.child(index)
            .filter(|n| n.tag == crate::der::Tag::INTEGER)
            .map(|n| BigUint::from_bytes_be(n.content_span().of(der)))
    };
    Some((integer(0)?, integer(1)?))
}

/// MGF1 (RFC 8017 B.2.1).
fn mgf1(hash: &'static digest::Algorithm, seed: &[u8], length: usize) -> Vec<u8> {
    let mut mask = Vec::with_capacity(length + hash.output_len());
    let mut counter: u32 = 0;
    while mask.len() < length {
        let mut context = digest::Context::new(hash);
        context.update(seed);
        context.update(&counter.to_be_bytes());
        mask.extend_from_slice(context.finish().as_ref());
        counter = counter.wrapping_add(1);
    }
    mask.truncate(length);
    mask
}

/// RSASSA-PSS-VERIFY (RFC 8017 §8.1.2) with EMSA-PSS-VERIFY (§9.1.2), for any salt length the
/// parameters name: ring checks only a salt as long as the hash, and OpenSSL 3.0 signs with the
/// longest salt the key allows by default.
fn verify_pss(
    params: &PssParameters,
    n: &BigUint,
    e: &BigUint,
    message: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    let unsupported = |why: String| SignatureError::Unsupported {
        algorithm: format!("rsassa-pss ({params})"),
        key: why,
    };
    let hash = pss_digest(&params.hash).ok_or_else(|| {
        unsupported(format!(
            "RSA key: the hash {} is not supported",
            params.hash
        ))
    })?;
    let mgf_hash = params
        .mgf1_hash
        .as_ref()
        .and_then(pss_digest)
        .ok_or_else(|| {
            unsupported(
                "RSA key: the mask generation function is not MGF1 with SHA-1 or SHA-2".into(),
            )
        })?;
    if params.trailer_field != 1 {
        return Err(unsupported(
            "RSA key: trailerField must be 1 (RFC 4055)".into(),
        ));
    }
    let modulus_bits = n.bits();
    let k = usize::try_from(modulus_bits.div_ceil(8)).map_err(|_| SignatureError::Invalid)?;
    // RSAVP1: the signature is an integer below n, k bytes long.
    let s = BigUint::from_bytes_be(signature);
    if signature.len() != k || &s >= n {
        return Err(SignatureError::Invalid);
    }
    let m = s.modpow(e, n);
    let em_bits = modulus_bits - 1;
    let em_len = usize::try_from(em_bits.div_ceil(8)).map_err(|_| SignatureError::Invalid)?;
    let m_bytes = m.to_bytes_be();
    if m_bytes.len() > em_len {
        return Err(SignatureError::Invalid);
    }
    let mut em = vec![0u8; em_len - m_bytes.len()];
    em.extend_from_slice(&m_bytes);
    // EMSA-PSS-VERIFY.
    let h_len = hash.output_len();
    let s_len = usize::try_from(params.salt_length).map_err(|_| SignatureError::Invalid)?;
    if em_len < h_len + s_len + 2 || em.last() != Some(&0xbc) {
        return Err(SignatureError::Invalid);
    }
    let db_len = em_len - h_len - 1;
    let (masked_db, rest) = em.split_at(db_len);
    let h = rest.get(..h_len).ok_or(SignatureError::Invalid)?;
    // The leftmost 8·emLen − emBits bits of the encoded message must be zero.
    let unused_bits = u32::try_from(8 * em_len as u64 - em_bits).unwrap_or(8);
    let top_mask = 0xffu8.checked_shr(unused_bits).unwrap_or(0);
    if masked_db.first().is_some_and(|b| b & !top_mask != 0) {
        return Err(SignatureError::Invalid);
    }
    let mut db: Vec<u8> = masked_db
        .iter()
        .zip(mgf1(mgf_hash, h, db_len))
        .map(|(a, b)| a ^ b)
        .collect();
    if let Some(first) = db.first_mut() {
        *first &= top_mask;
    }
    let padding = db_len - s_len - 1;
    if db
        .get(..padding)
        .is_none_or(|zeros| zeros.iter().any(|b| *b != 0))
        || db.get(padding) != Some(&0x01)
    {
        return Err(SignatureError::Invalid);
    }
    let salt = db.get(padding + 1..).unwrap_or_default();
    let mut context = digest::Context::new(hash);
    context.update(&[0u8; 8]);
    context.update(digest::digest(hash, message).as_ref());
    context.update(salt);
    if context.finish().as_ref() != h {
        return Err(SignatureError::Invalid);
    }
    Ok(())
}

/// An RSASSA-PSS signature: the parameters, the key, the legacy policy, then the check.
fn verify_rsassa_pss(
    signature_algorithm: &Algorithm,
    key: &Certificate,
    message: &[u8],
    signature: &[u8],
    policy: LegacyAlgorithms,
) -> Result<LegacyNote, SignatureError> {
    let key_name = key.public_key.algorithm.name.clone();
    let unsupported = |algorithm: String| SignatureError::Unsupported {
        algorithm,
        key: key_name.clone(),
    };
    let Some(Some(params)) = &signature_algorithm.pss else {
        return Err(unsupported(
            "rsassa-pss signature whose parameters are absent or unreadable (RFC 4055 requires them)"
                .into(),
        ));
    };
    if !matches!(
        key.public_key.algorithm.oid.as_str(),
        "1.2.840.113549.1.1.1" | crate::certificate::OID_RSASSA_PSS
    ) {
        return Err(unsupported(format!("rsassa-pss ({params})")));
    }
    let (n, e) = rsa_public_key(&key.public_key_bits)
        .ok_or_else(|| unsupported(format!("rsassa-pss ({params}) with an unreadable RSA key")))?;
    if n.bits() > MAX_MODULUS_BITS
        || n.bits() < 512
        || e.bits() > MAX_EXPONENT_BITS
        || e < BigUint::from(3u8)
    {
        return Err(unsupported(format!(
            "rsassa-pss ({params}) with a {}-bit modulus and a {}-bit exponent (512 to {MAX_MODULUS_BITS} and at most {MAX_EXPONENT_BITS} bits are checked)",
            n.bits(),
            e.bits()
        )));
    }
    let mut legacy = Vec::new();
    if params.hash == HashAlgorithm::Sha1 {
        legacy.push("a SHA-1 signature (rsassa-pss)".to_owned());
    }
    if n.bits() < 2048 {
        legacy.push(format!("a {}-bit RSA key", n.bits()));
    }
    let note = legacy_policy(&legacy, policy)?;
    verify_pss(params, &n, &e, message, signature)?;
    Ok(note)
}

/// What the policy makes of a signature's weak parts (`a SHA-1 signature`, `a 1024-bit RSA
/// key`): refused, or a note for when the signature checks out.
fn legacy_policy(weak: &[String], policy: LegacyAlgorithms) -> Result<LegacyNote, SignatureError> {
    if weak.is_empty() {
        return Ok(None);
    }
    let what = weak.join(" with ");
    match policy {
        LegacyAlgorithms::Reject => Err(SignatureError::Legacy { what }),
        LegacyAlgorithms::Allow => Ok(Some(format!(
            "accepted {what} because legacy algorithms are allowed"
        ))),
    }
}

/// Checks that `signature` over `message` was made with `key`'s public key using
/// `signature_algorithm`.
pub fn verify_signature(
    signature_algorithm: &Algorithm,
    key: &Certificate,
    message: &[u8],
    signature: &[u8],
    policy: LegacyAlgorithms,
) -> Result<LegacyNote, SignatureError> {
    if signature_algorithm.oid == crate::certificate::OID_RSASSA_PSS {
        return verify_rsassa_pss(signature_algorithm, key, message, signature, policy);
    }
    let rsa_bits = (key.public_key.algorithm.oid == oid::RSA)
        .then_some(key.public_key.bits)
        .flatten();
    let small_rsa = rsa_bits.is_some_and(|bits| bits < 2048);
    let mut legacy = Vec::new();
    if is_sha1(&signature_algorithm.oid) {
        legacy.push(format!("a SHA-1 signature ({})", signature_algorithm.name));
    }
    if let Some(bits) = rsa_bits.filter(|_| small_rsa) {
        legacy.push(format!("a {bits}-bit RSA key"));
    }
    let note = legacy_policy(&legacy, policy)?;
    let algorithm = ring_algorithm(&signature_algorithm.oid, key, small_rsa).ok_or_else(|| {
        SignatureError::Unsupported {
            algorithm: signature_algorithm.name.clone(),
            key: match &key.public_key.curve {
                Some(curve) => format!("{} {curve}", key.public_key.algorithm.name),
                None => key.public_key.algorithm.name.clone(),
            },
        }
    })?;
    UnparsedPublicKey::new(algorithm, &key.public_key_bits)
        .verify(message, signature)
        .map_err(|_| SignatureError::Invalid)?;
    Ok(note)
}
