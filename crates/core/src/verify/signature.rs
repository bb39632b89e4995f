//! Checking one signature with one public key (ring), under an algorithm policy.

use crate::certificate::{Algorithm, Certificate};
use ring::signature::{self, UnparsedPublicKey, VerificationAlgorithm};
use std::fmt;

/// Whether SHA-1 signatures and RSA keys below 2048 bits are accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
    /// mqocsp cannot check this algorithm (RSASSA-PSS, DSA, an unknown OID).
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
                    "mqocsp cannot check a {algorithm} signature made with a {key} key"
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

fn is_sha1(name: &str) -> bool {
    matches!(name, "sha1WithRSAEncryption" | "ecdsa-with-SHA1")
}

/// The ring algorithm for a signature algorithm and key.
fn ring_algorithm(
    signature_algorithm: &str,
    key: &Certificate,
    small_rsa: bool,
) -> Option<&'static dyn VerificationAlgorithm> {
    let curve = key.public_key.curve.as_deref();
    Some(
        match (
            key.public_key.algorithm.name.as_str(),
            curve,
            signature_algorithm,
            small_rsa,
        ) {
            ("id-ecPublicKey", Some("prime256v1"), "ecdsa-with-SHA256", _) => {
                &signature::ECDSA_P256_SHA256_ASN1
            }
            ("id-ecPublicKey", Some("prime256v1"), "ecdsa-with-SHA384", _) => {
                &signature::ECDSA_P256_SHA384_ASN1
            }
            ("id-ecPublicKey", Some("secp384r1"), "ecdsa-with-SHA256", _) => {
                &signature::ECDSA_P384_SHA256_ASN1
            }
            ("id-ecPublicKey", Some("secp384r1"), "ecdsa-with-SHA384", _) => {
                &signature::ECDSA_P384_SHA384_ASN1
            }
            ("rsaEncryption", _, "sha256WithRSAEncryption", false) => {
                &signature::RSA_PKCS1_2048_8192_SHA256
            }
            ("rsaEncryption", _, "sha384WithRSAEncryption", false) => {
                &signature::RSA_PKCS1_2048_8192_SHA384
            }
            ("rsaEncryption", _, "sha512WithRSAEncryption", false) => {
                &signature::RSA_PKCS1_2048_8192_SHA512
            }
            ("rsaEncryption", _, "sha1WithRSAEncryption", false) => {
                &signature::RSA_PKCS1_2048_8192_SHA1_FOR_LEGACY_USE_ONLY
            }
            ("rsaEncryption", _, "sha256WithRSAEncryption", true) => {
                &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY
            }
            ("rsaEncryption", _, "sha512WithRSAEncryption", true) => {
                &signature::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY
            }
            ("rsaEncryption", _, "sha1WithRSAEncryption", true) => {
                &signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY
            }
            ("ed25519", _, "ed25519", _) => &signature::ED25519,
            _ => return None,
        },
    )
}

/// What a successful check is worth noting: a legacy algorithm the policy let through.
pub type LegacyNote = Option<String>;

/// Checks that `signature` over `message` was made with `key`'s public key using
/// `signature_algorithm`.
pub fn verify_signature(
    signature_algorithm: &Algorithm,
    key: &Certificate,
    message: &[u8],
    signature: &[u8],
    policy: LegacyAlgorithms,
) -> Result<LegacyNote, SignatureError> {
    let rsa_bits = (key.public_key.algorithm.name == "rsaEncryption")
        .then_some(key.public_key.bits)
        .flatten();
    let small_rsa = rsa_bits.is_some_and(|bits| bits < 2048);
    let mut legacy = Vec::new();
    if is_sha1(&signature_algorithm.name) {
        legacy.push(format!("a SHA-1 signature ({})", signature_algorithm.name));
    }
    if let Some(bits) = rsa_bits.filter(|_| small_rsa) {
        legacy.push(format!("a {bits}-bit RSA key"));
    }
    if !legacy.is_empty() && policy == LegacyAlgorithms::Reject {
        return Err(SignatureError::Legacy {
            what: legacy.join(" with "),
        });
    }
    let algorithm = ring_algorithm(&signature_algorithm.name, key, small_rsa).ok_or_else(|| {
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
    Ok((!legacy.is_empty()).then(|| {
        format!(
            "accepted {} because legacy algorithms are allowed",
            legacy.join(" with ")
        )
    }))
}
