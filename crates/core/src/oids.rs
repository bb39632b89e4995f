//! Object identifiers: dotted text and the names a PKI engineer knows them by.

/// Dotted text of an OBJECT IDENTIFIER's content octets (X.690 §8.19). `None` when malformed:
/// empty, a truncated arc, a non-minimal arc, or an arc beyond 128 bits.
pub fn dotted(content: &[u8]) -> Option<String> {
    let mut arcs: Vec<u128> = Vec::new();
    let mut value: u128 = 0;
    let mut fresh = true;
    for &byte in content {
        if fresh && byte == 0x80 {
            return None;
        }
        value = value.checked_mul(128)? | u128::from(byte & 0x7f);
        fresh = byte & 0x80 == 0;
        if fresh {
            arcs.push(value);
            value = 0;
        }
    }
    if !fresh || arcs.is_empty() {
        return None;
    }
    let first = *arcs.first()?;
    let (a, b) = match first {
        0..40 => (0, first),
        40..80 => (1, first - 40),
        _ => (2, first - 80),
    };
    let mut out = format!("{a}.{b}");
    for arc in arcs.iter().skip(1) {
        out.push('.');
        out.push_str(&arc.to_string());
    }
    Some(out)
}

/// The name of an OID that matters for X.509, OCSP, CRLs and PKCS #7.
pub fn name(dotted: &str) -> Option<&'static str> {
    NAMES
        .iter()
        .find(|(oid, _)| *oid == dotted)
        .map(|(_, name)| *name)
}

/// Well-known OIDs (RFC 5280, RFC 6960, RFC 8017, RFC 5758, RFC 8410, RFC 5652, RFC 4519).
pub const NAMES: &[(&str, &str)] = &[
    // Attribute types (RFC 4519, PKCS #9).
    ("2.5.4.3", "commonName"),
    ("2.5.4.4", "surname"),
    ("2.5.4.5", "serialNumber"),
    ("2.5.4.6", "countryName"),
    ("2.5.4.7", "localityName"),
    ("2.5.4.8", "stateOrProvinceName"),
    ("2.5.4.9", "streetAddress"),
    ("2.5.4.10", "organizationName"),
    ("2.5.4.11", "organizationalUnitName"),
    ("2.5.4.12", "title"),
    ("2.5.4.17", "postalCode"),
    ("2.5.4.42", "givenName"),
    ("2.5.4.46", "dnQualifier"),
    ("0.9.2342.19200300.100.1.1", "userId"),
    ("0.9.2342.19200300.100.1.25", "domainComponent"),
    ("1.2.840.113549.1.9.1", "emailAddress"),
    // Certificate extensions (RFC 5280 §4.2).
    ("2.5.29.14", "subjectKeyIdentifier"),
    ("2.5.29.15", "keyUsage"),
    ("2.5.29.17", "subjectAltName"),
    ("2.5.29.18", "issuerAltName"),
    ("2.5.29.19", "basicConstraints"),
    ("2.5.29.20", "cRLNumber"),
    ("2.5.29.21", "cRLReason"),
    ("2.5.29.24", "invalidityDate"),
    ("2.5.29.27", "deltaCRLIndicator"),
    ("2.5.29.28", "issuingDistributionPoint"),
    ("2.5.29.29", "certificateIssuer"),
    ("2.5.29.30", "nameConstraints"),
    ("2.5.29.31", "cRLDistributionPoints"),
    ("2.5.29.32", "certificatePolicies"),
    ("2.5.29.32.0", "anyPolicy"),
    ("2.5.29.33", "policyMappings"),
    ("2.5.29.35", "authorityKeyIdentifier"),
    ("2.5.29.36", "policyConstraints"),
    ("2.5.29.37", "extKeyUsage"),
    ("2.5.29.46", "freshestCRL"),
    ("2.5.29.54", "inhibitAnyPolicy"),
    ("1.3.6.1.5.5.7.1.1", "authorityInfoAccess"),
    ("1.3.6.1.5.5.7.1.11", "subjectInfoAccess"),
    ("1.3.6.1.5.5.7.1.24", "tlsFeature"),
    ("1.3.6.1.4.1.11129.2.4.2", "signedCertificateTimestampList"),
    ("2.16.840.1.113730.1.1", "netscapeCertType"),
    ("2.16.840.1.113730.1.13", "netscapeComment"),
    // Access methods and key purposes (RFC 5280 §4.2.1.12, §4.2.2.1).
    ("1.3.6.1.5.5.7.48.1", "ocsp"),
    ("1.3.6.1.5.5.7.48.2", "caIssuers"),
    ("1.3.6.1.5.5.7.3.1", "serverAuth"),
    ("1.3.6.1.5.5.7.3.2", "clientAuth"),
    ("1.3.6.1.5.5.7.3.3", "codeSigning"),
    ("1.3.6.1.5.5.7.3.4", "emailProtection"),
    ("1.3.6.1.5.5.7.3.8", "timeStamping"),
    ("1.3.6.1.5.5.7.3.9", "OCSPSigning"),
    ("2.5.29.37.0", "anyExtendedKeyUsage"),
    // OCSP (RFC 6960 §4.4).
    ("1.3.6.1.5.5.7.48.1.1", "id-pkix-ocsp-basic"),
    ("1.3.6.1.5.5.7.48.1.2", "id-pkix-ocsp-nonce"),
    ("1.3.6.1.5.5.7.48.1.3", "id-pkix-ocsp-crl"),
    ("1.3.6.1.5.5.7.48.1.4", "id-pkix-ocsp-response"),
    ("1.3.6.1.5.5.7.48.1.5", "id-pkix-ocsp-nocheck"),
    ("1.3.6.1.5.5.7.48.1.6", "id-pkix-ocsp-archive-cutoff"),
    ("1.3.6.1.5.5.7.48.1.7", "id-pkix-ocsp-service-locator"),
    ("1.3.6.1.5.5.7.48.1.8", "id-pkix-ocsp-pref-sig-algs"),
    ("1.3.6.1.5.5.7.48.1.9", "id-pkix-ocsp-extended-revoke"),
    // Hashes.
    ("1.3.14.3.2.26", "sha1"),
    ("2.16.840.1.101.3.4.2.1", "sha256"),
    ("2.16.840.1.101.3.4.2.2", "sha384"),
    ("2.16.840.1.101.3.4.2.3", "sha512"),
    ("1.2.840.113549.2.5", "md5"),
    // Signature and key algorithms.
    ("1.2.840.113549.1.1.1", "rsaEncryption"),
    ("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
    ("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
    ("1.2.840.113549.1.1.10", "rsassa-pss"),
    ("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
    ("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
    ("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
    ("1.2.840.10045.2.1", "id-ecPublicKey"),
    ("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
    ("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
    ("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
    ("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
    ("1.2.840.10045.3.1.7", "prime256v1"),
    ("1.3.132.0.34", "secp384r1"),
    ("1.3.132.0.35", "secp521r1"),
    ("1.3.101.112", "ed25519"),
    ("1.3.101.113", "ed448"),
    // DSA (FIPS 186), named so that a refusal says what it refuses.
    ("1.2.840.10040.4.1", "dsa"),
    ("1.2.840.10040.4.3", "dsa-with-SHA1"),
    ("2.16.840.1.101.3.4.3.2", "dsa-with-SHA256"),
    // PKCS #7 / CMS (RFC 5652).
    ("1.2.840.113549.1.7.1", "pkcs7-data"),
    ("1.2.840.113549.1.7.2", "pkcs7-signedData"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_forms() {
        assert_eq!(dotted(&[0x55, 0x04, 0x03]).as_deref(), Some("2.5.4.3"));
        assert_eq!(
            dotted(&[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01]).as_deref(),
            Some("1.3.6.1.5.5.7.48.1.1")
        );
        assert_eq!(
            dotted(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d]).as_deref(),
            Some("1.2.840.113549")
        );
        assert_eq!(dotted(&[0x88, 0x37]).as_deref(), Some("2.999"));
        assert_eq!(dotted(&[0x55, 0x84]), None, "truncated arc");
        assert_eq!(dotted(&[0x55, 0x80, 0x01]), None, "non-minimal arc");
        assert_eq!(dotted(&[]), None);
        assert_eq!(name("1.3.6.1.5.5.7.48.1.5"), Some("id-pkix-ocsp-nocheck"));
    }
}
