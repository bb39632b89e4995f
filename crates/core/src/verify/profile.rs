//! The RFC 5280 certificate profile (§4.1, §4.2) as one step per certificate of a path.
//!
//! In the `rfc5280` chain profile a violation fails the path, as `openssl verify -x509_strict`
//! does for the rules it shares; in the `gskit` profile violations are warnings, because IBM does
//! not document which of these GSKit enforces (assumption, said in the step).

use super::names::malformed_constraint;
use super::trace::{Outcome, Step, StepBuilder};
use crate::certificate::Certificate;
use crate::extension::ExtensionValue;
use crate::general_name::{GeneralName, KeyUsageFlags};
use serde::Serialize;
use std::fmt;

/// Which rules a chain verification applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainProfile {
    /// RFC 5280 strictly (and RFC 9525 for peer names): profile violations fail the path.
    #[default]
    Rfc5280,
    /// What the MQ client (GSKit) is documented to check; other profile rules are warnings.
    Gskit,
}

/// Where a certificate sits in a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The certificate being verified.
    Leaf,
    /// A CA between the leaf and the anchor.
    Intermediate,
    /// The trust anchor.
    Anchor,
}

/// One rule of the RFC 5280 profile that a certificate breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileViolation {
    /// serialNumber is negative (§4.1.2.2).
    SerialNegative,
    /// serialNumber is zero (§4.1.2.2).
    SerialZero,
    /// serialNumber is longer than 20 octets (§4.1.2.2).
    SerialTooLong {
        /// Its length without the sign octet.
        octets: usize,
    },
    /// tbsCertificate.signature differs from signatureAlgorithm (§4.1.1.2).
    SignatureAlgorithmMismatch,
    /// A version 1 or 2 certificate with extensions (§4.1.2.1).
    ExtensionsNeedVersion3 {
        /// Its version.
        version: u32,
    },
    /// A version 1 or 2 certificate used as an intermediate CA (§6.1.4 (k)).
    OldVersionCa {
        /// Its version.
        version: u32,
    },
    /// The same extension twice (§4.2).
    DuplicateExtension {
        /// Its name or OID.
        name: String,
    },
    /// An extension whose value does not parse.
    Unreadable {
        /// Its name or OID.
        name: String,
        /// The parser's complaint.
        error: String,
    },
    /// An empty issuer name (§4.1.2.4).
    IssuerEmpty,
    /// A CA certificate with an empty subject (§4.1.2.6).
    CaSubjectEmpty,
    /// An empty subject without a critical subjectAltName (§4.1.2.6, §4.2.1.6).
    EmptySubjectWithoutCriticalSan,
    /// A subjectAltName with no names (§4.2.1.6).
    SanEmpty,
    /// A subjectAltName entry that is not valid for its form (§4.2.1.6).
    SanEntryInvalid {
        /// The entry.
        entry: String,
    },
    /// No authorityKeyIdentifier keyIdentifier in a certificate that is not self-issued
    /// (§4.2.1.1).
    AuthorityKeyIdMissing,
    /// A critical authorityKeyIdentifier (§4.2.1.1).
    AuthorityKeyIdCritical,
    /// authorityKeyIdentifier present without its keyIdentifier (§4.2.1.1).
    AuthorityKeyIdWithoutKeyId,
    /// A self-signed certificate whose authorityKeyIdentifier names another key than its
    /// subjectKeyIdentifier (§4.2.1.1: it identifies the key that signed it, its own).
    SelfSignedKeyIdMismatch,
    /// A CA certificate without subjectKeyIdentifier (§4.2.1.2).
    SubjectKeyIdMissing,
    /// A critical subjectKeyIdentifier (§4.2.1.2).
    SubjectKeyIdCritical,
    /// basicConstraints with cA=TRUE not marked critical (§4.2.1.9).
    BasicConstraintsNotCritical,
    /// pathLenConstraint without cA=TRUE or without keyCertSign (§4.2.1.9).
    PathLenMisplaced,
    /// keyCertSign without cA=TRUE (§4.2.1.3, §4.2.1.9).
    KeyCertSignWithoutCa,
    /// A CA certificate without keyUsage (§4.2.1.3).
    CaWithoutKeyUsage,
    /// keyUsage with no bit set (§4.2.1.3: at least one MUST be).
    KeyUsageEmpty,
    /// nameConstraints in a certificate that is not a CA (§4.2.1.10).
    NameConstraintsInNonCa,
    /// nameConstraints not marked critical (§4.2.1.10).
    NameConstraintsNotCritical,
    /// A subtree that cannot be a constraint (§4.2.1.10).
    NameConstraintMalformed {
        /// Why.
        why: String,
    },
    /// A critical authorityInfoAccess (§4.2.2.1).
    AuthorityInfoAccessCritical,
    /// A critical subjectAltName beside a non-empty subject (RFC 5280 §4.2.1.6: SHOULD NOT;
    /// CA/B Forum BR §7.1.2.7.12: MUST NOT).
    SanCriticalWithSubject,
    /// A self-signed root's authorityKeyIdentifier names an issuer or a serial number (CA/B
    /// Forum BR §7.1.2.1.3: only keyIdentifier, equal to the subjectKeyIdentifier).
    RootAuthorityKeyIdNamesIssuer,
    /// The certificate being verified says cA=TRUE although its keyUsage forbids certificate
    /// signing (CA/B Forum BR §7.1.2.7.8: a subscriber certificate's cA MUST be FALSE); a
    /// self-issued one, trusted as itself, is exempt.
    LeafIsCa,
    /// policyConstraints or inhibitAnyPolicy not marked critical (§4.2.1.11, §4.2.1.14).
    PolicyExtensionNotCritical {
        /// Its name.
        name: &'static str,
    },
}

impl ProfileViolation {
    /// Whether the rule binds only the CA that issues: RFC 5280 §6 path validation does not
    /// check it and `openssl verify -x509_strict` accepts it, and NIST PKITS (§4.8–§4.12) holds
    /// valid paths that break it. The strict profile notes such a violation as a warning.
    pub fn issuer_rule_only(&self) -> bool {
        matches!(self, Self::PolicyExtensionNotCritical { .. })
    }

    /// Where the rule is written.
    pub fn reference(&self) -> &'static str {
        match self {
            Self::SanCriticalWithSubject => "RFC 5280 §4.2.1.6; CA/B Forum BR §7.1.2.7.12",
            Self::LeafIsCa => "CA/B Forum BR §7.1.2.7.8",
            Self::RootAuthorityKeyIdNamesIssuer => "CA/B Forum BR §7.1.2.1.3",
            Self::SerialNegative | Self::SerialZero | Self::SerialTooLong { .. } => {
                "RFC 5280 §4.1.2.2"
            }
            Self::SignatureAlgorithmMismatch => "RFC 5280 §4.1.1.2",
            Self::ExtensionsNeedVersion3 { .. } => "RFC 5280 §4.1.2.1",
            Self::OldVersionCa { .. } => "RFC 5280 §6.1.4 (k)",
            Self::DuplicateExtension { .. } | Self::Unreadable { .. } => "RFC 5280 §4.2",
            Self::IssuerEmpty => "RFC 5280 §4.1.2.4",
            Self::CaSubjectEmpty => "RFC 5280 §4.1.2.6",
            Self::EmptySubjectWithoutCriticalSan
            | Self::SanEmpty
            | Self::SanEntryInvalid { .. } => "RFC 5280 §4.2.1.6",
            Self::AuthorityKeyIdMissing
            | Self::AuthorityKeyIdCritical
            | Self::AuthorityKeyIdWithoutKeyId
            | Self::SelfSignedKeyIdMismatch => "RFC 5280 §4.2.1.1",
            Self::SubjectKeyIdMissing | Self::SubjectKeyIdCritical => "RFC 5280 §4.2.1.2",
            Self::BasicConstraintsNotCritical | Self::PathLenMisplaced => "RFC 5280 §4.2.1.9",
            Self::KeyCertSignWithoutCa | Self::CaWithoutKeyUsage | Self::KeyUsageEmpty => {
                "RFC 5280 §4.2.1.3"
            }
            Self::NameConstraintsInNonCa
            | Self::NameConstraintsNotCritical
            | Self::NameConstraintMalformed { .. } => "RFC 5280 §4.2.1.10",
            Self::AuthorityInfoAccessCritical => "RFC 5280 §4.2.2.1",
            Self::PolicyExtensionNotCritical {
                name: "policyConstraints",
            } => "RFC 5280 §4.2.1.11",
            Self::PolicyExtensionNotCritical { .. } => "RFC 5280 §4.2.1.14",
        }
    }
}

impl fmt::Display for ProfileViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SerialNegative => f.write_str("the serial number is negative"),
            Self::SerialZero => f.write_str("the serial number is zero"),
            Self::SerialTooLong { octets } => {
                write!(f, "the serial number has {octets} octets; at most 20 are allowed")
            }
            Self::SignatureAlgorithmMismatch => f.write_str(
                "tbsCertificate.signature and signatureAlgorithm name different algorithms",
            ),
            Self::ExtensionsNeedVersion3 { version } => {
                write!(f, "a version {version} certificate carries extensions")
            }
            Self::OldVersionCa { version } => write!(
                f,
                "a version {version} certificate cannot say it is a CA, yet it is used as an intermediate"
            ),
            Self::DuplicateExtension { name } => write!(f, "{name} appears more than once"),
            Self::Unreadable { name, error } => write!(f, "{name} does not parse ({error})"),
            Self::IssuerEmpty => f.write_str("the issuer name is empty"),
            Self::CaSubjectEmpty => f.write_str("a CA certificate has an empty subject"),
            Self::EmptySubjectWithoutCriticalSan => f.write_str(
                "the subject is empty and subjectAltName is absent or not marked critical",
            ),
            Self::SanEmpty => f.write_str("subjectAltName holds no name"),
            Self::SanEntryInvalid { entry } => {
                write!(f, "subjectAltName entry {entry} is not valid for its form")
            }
            Self::AuthorityKeyIdMissing => f.write_str(
                "authorityKeyIdentifier (keyIdentifier) is missing from a certificate that is not self-issued",
            ),
            Self::AuthorityKeyIdCritical => {
                f.write_str("authorityKeyIdentifier is marked critical")
            }
            Self::AuthorityKeyIdWithoutKeyId => {
                f.write_str("authorityKeyIdentifier is present without its keyIdentifier")
            }
            Self::SelfSignedKeyIdMismatch => f.write_str(
                "this self-signed certificate's authorityKeyIdentifier differs from its own subjectKeyIdentifier",
            ),
            Self::SubjectKeyIdMissing => {
                f.write_str("a CA certificate has no subjectKeyIdentifier")
            }
            Self::SubjectKeyIdCritical => f.write_str("subjectKeyIdentifier is marked critical"),
            Self::BasicConstraintsNotCritical => {
                f.write_str("basicConstraints of a CA certificate is not marked critical")
            }
            Self::PathLenMisplaced => f.write_str(
                "pathLenConstraint is present without cA=TRUE and the keyCertSign key usage",
            ),
            Self::KeyCertSignWithoutCa => {
                f.write_str("keyUsage asserts keyCertSign but basicConstraints does not say cA=TRUE")
            }
            Self::CaWithoutKeyUsage => f.write_str("a CA certificate has no keyUsage extension"),
            Self::KeyUsageEmpty => f.write_str("keyUsage is present with no usage asserted"),
            Self::NameConstraintsInNonCa => {
                f.write_str("nameConstraints appears in a certificate that is not a CA")
            }
            Self::NameConstraintsNotCritical => f.write_str("nameConstraints is not marked critical"),
            Self::NameConstraintMalformed { why } => write!(f, "malformed name constraint: {why}"),
            Self::AuthorityInfoAccessCritical => {
                f.write_str("authorityInfoAccess is marked critical")
            }
            Self::SanCriticalWithSubject => {
                f.write_str("subjectAltName is marked critical although the subject is not empty")
            }
            Self::RootAuthorityKeyIdNamesIssuer => f.write_str(
                "this root's authorityKeyIdentifier carries authorityCertIssuer or authorityCertSerialNumber",
            ),
            Self::LeafIsCa => f.write_str(
                "the certificate being verified says cA=TRUE but may not sign certificates: an end-entity certificate must say cA=FALSE",
            ),
            Self::PolicyExtensionNotCritical { name } => write!(f, "{name} is not marked critical"),
        }
    }
}

const OID_SKI: &str = "2.5.29.14";
const OID_KEY_USAGE: &str = "2.5.29.15";
const OID_SAN: &str = "2.5.29.17";
const OID_BASIC: &str = "2.5.29.19";
const OID_NAME_CONSTRAINTS: &str = "2.5.29.30";
const OID_AKI: &str = "2.5.29.35";
const OID_AIA: &str = "1.3.6.1.5.5.7.1.1";

fn critical(cert: &Certificate, oid: &str) -> Option<bool> {
    cert.extension(oid).map(|e| e.critical)
}

fn serial_violations(cert: &Certificate, out: &mut Vec<ProfileViolation>) {
    let octets = &cert.serial_octets;
    if octets.first().is_some_and(|b| b & 0x80 != 0) {
        out.push(ProfileViolation::SerialNegative);
    } else if octets.iter().all(|&b| b == 0) {
        out.push(ProfileViolation::SerialZero);
    }
    let significant = octets.iter().skip_while(|&&b| b == 0).count();
    if significant > 20 {
        out.push(ProfileViolation::SerialTooLong {
            octets: significant,
        });
    }
}

fn extension_violations(cert: &Certificate, out: &mut Vec<ProfileViolation>) {
    let label = |e: &crate::extension::Extension| e.name.clone().unwrap_or_else(|| e.oid.clone());
    for (index, ext) in cert.extensions.iter().enumerate() {
        let earlier = cert.extensions.get(..index).unwrap_or_default();
        if earlier.iter().any(|e| e.oid == ext.oid) {
            out.push(ProfileViolation::DuplicateExtension { name: label(ext) });
        }
        // RFC 5280's own extensions (id-ce, id-pe); a value x509-parser cannot read in another
        // (a CT SCT list, say) is not a profile question.
        let rfc5280 = ext.oid.starts_with("2.5.29.") || ext.oid.starts_with("1.3.6.1.5.5.7.1.");
        if let (true, ExtensionValue::Broken { error, .. }) = (rfc5280, &ext.value) {
            out.push(ProfileViolation::Unreadable {
                name: label(ext),
                error: error.clone(),
            });
        }
    }
    if cert.version < 3 && !cert.extensions.is_empty() {
        out.push(ProfileViolation::ExtensionsNeedVersion3 {
            version: cert.version,
        });
    }
}

fn name_violations(cert: &Certificate, is_ca: bool, out: &mut Vec<ProfileViolation>) {
    if cert.issuer.attributes.is_empty() {
        out.push(ProfileViolation::IssuerEmpty);
    }
    let subject_empty = cert.subject.attributes.is_empty();
    if subject_empty && is_ca {
        out.push(ProfileViolation::CaSubjectEmpty);
    }
    if subject_empty && critical(cert, OID_SAN) != Some(true) {
        out.push(ProfileViolation::EmptySubjectWithoutCriticalSan);
    }
    if !subject_empty && critical(cert, OID_SAN) == Some(true) {
        out.push(ProfileViolation::SanCriticalWithSubject);
    }
    if let Some(ExtensionValue::AltNames { names }) = cert.extension(OID_SAN).map(|e| &e.value) {
        if names.is_empty() {
            out.push(ProfileViolation::SanEmpty);
        }
        for name in names {
            let bad = match name {
                GeneralName::Invalid { .. } | GeneralName::IpRange(_) => true,
                GeneralName::Dns(dns) => !dns_name_syntax(dns),
                GeneralName::Email(mailbox) => !mailbox_syntax(mailbox),
                _ => false,
            };
            if bad {
                out.push(ProfileViolation::SanEntryInvalid {
                    entry: name.to_string(),
                });
            }
        }
    }
}

/// A dNSName in the preferred name syntax (RFC 5280 §4.2.1.6, RFC 1034 §3.5, with the
/// underscores real names carry): non-empty labels of letters, digits, `-` and `_`, not starting
/// or ending with `-`, at most 63 octets each and 253 in all; a wildcard only as the whole
/// leftmost label. `.example.com`, `a..b` and `ba*.example.com` are not DNS names.
fn dns_name_syntax(name: &str) -> bool {
    let name = name.strip_prefix("*.").unwrap_or(name);
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// An rfc822Name is one `local@host` mailbox (RFC 5280 §4.2.1.6): one `@`, both parts non-empty,
/// the host a DNS name.
fn mailbox_syntax(mailbox: &str) -> bool {
    match mailbox.split_once('@') {
        Some((local, host)) => {
            !local.is_empty()
                && !host.contains('@')
                && dns_name_syntax(host)
                && !host.starts_with("*.")
        }
        None => false,
    }
}

fn key_id_violations(cert: &Certificate, is_ca: bool, out: &mut Vec<ProfileViolation>) {
    if cert.version == 3 && !cert.self_issued && cert.authority_key_id().is_none() {
        out.push(ProfileViolation::AuthorityKeyIdMissing);
    }
    if critical(cert, OID_AKI) == Some(true) {
        out.push(ProfileViolation::AuthorityKeyIdCritical);
    }
    if cert.extension(OID_AKI).is_some() && cert.authority_key_id().is_none() {
        out.push(ProfileViolation::AuthorityKeyIdWithoutKeyId);
    }
    if let (true, Some(aki), Some(ski)) = (cert.self_issued, cert.authority_key_id(), cert.key_id())
        && aki != ski
        && self_signed(cert)
    {
        out.push(ProfileViolation::SelfSignedKeyIdMismatch);
    }
    if is_ca && cert.version == 3 && cert.key_id().is_none() {
        out.push(ProfileViolation::SubjectKeyIdMissing);
    }
    if critical(cert, OID_SKI) == Some(true) {
        out.push(ProfileViolation::SubjectKeyIdCritical);
    }
    if critical(cert, OID_AIA) == Some(true) {
        out.push(ProfileViolation::AuthorityInfoAccessCritical);
    }
    for (oid, name) in [
        ("2.5.29.36", "policyConstraints"),
        ("2.5.29.54", "inhibitAnyPolicy"),
    ] {
        if critical(cert, oid) == Some(false) {
            out.push(ProfileViolation::PolicyExtensionNotCritical { name });
        }
    }
}

/// Whether the certificate's own key verifies its signature (a self-issued certificate may be
/// a key rollover, signed by the old key; only a self-signed one must name itself in its AKI).
fn self_signed(cert: &Certificate) -> bool {
    super::signature::verify_signature(
        &cert.signature_algorithm,
        cert,
        cert.spans.tbs.of(&cert.der),
        &cert.signature_bits,
        super::signature::LegacyAlgorithms::Allow,
    )
    .is_ok()
}

fn ca_violations(cert: &Certificate, out: &mut Vec<ProfileViolation>) {
    let basic = cert.basic_constraints();
    let ca = basic.is_some_and(|(ca, _)| ca);
    let usages = cert.key_usages();
    let cert_sign = usages.is_some_and(|u| u.has(KeyUsageFlags::KEY_CERT_SIGN));
    if ca && critical(cert, OID_BASIC) == Some(false) {
        out.push(ProfileViolation::BasicConstraintsNotCritical);
    }
    if basic.is_some_and(|(_, len)| len.is_some()) && (!ca || (usages.is_some() && !cert_sign)) {
        out.push(ProfileViolation::PathLenMisplaced);
    }
    if cert_sign && !ca {
        out.push(ProfileViolation::KeyCertSignWithoutCa);
    }
    if usages.is_some_and(|u| u.0 == 0) {
        out.push(ProfileViolation::KeyUsageEmpty);
    }
    if ca && cert.version == 3 && cert.extension(OID_KEY_USAGE).is_none() {
        out.push(ProfileViolation::CaWithoutKeyUsage);
    }
    if let Some(ext) = cert.extension(OID_NAME_CONSTRAINTS) {
        if !ca {
            out.push(ProfileViolation::NameConstraintsInNonCa);
        }
        if !ext.critical {
            out.push(ProfileViolation::NameConstraintsNotCritical);
        }
    }
    if let Some((permitted, excluded)) = cert.name_constraints() {
        out.extend(
            permitted
                .iter()
                .chain(excluded)
                .filter_map(malformed_constraint)
                .map(|why| ProfileViolation::NameConstraintMalformed { why }),
        );
    }
}

/// Every profile rule `cert` breaks in the `role` it has in a path.
pub(crate) fn violations(cert: &Certificate, role: Role) -> Vec<ProfileViolation> {
    let is_ca = role != Role::Leaf || cert.basic_constraints().is_some_and(|(ca, _)| ca);
    let mut out = Vec::new();
    serial_violations(cert, &mut out);
    if !cert.signature_algorithms_agree {
        out.push(ProfileViolation::SignatureAlgorithmMismatch);
    }
    extension_violations(cert, &mut out);
    if role == Role::Intermediate && cert.version < 3 {
        out.push(ProfileViolation::OldVersionCa {
            version: cert.version,
        });
    }
    // A CA may be verified as the last certificate of a path (RFC 5280 §4.2.1.9 notes that it
    // can be; limbo's pathlen::validation-ignores-pathlen-in-leaf), but one saying cA=TRUE while
    // its keyUsage forbids certificate signing is an end-entity certificate mislabelled.
    let cannot_sign = cert
        .key_usages()
        .is_some_and(|u| !u.has(KeyUsageFlags::KEY_CERT_SIGN));
    if role == Role::Leaf
        && !cert.self_issued
        && cannot_sign
        && cert.basic_constraints().is_some_and(|(ca, _)| ca)
    {
        out.push(ProfileViolation::LeafIsCa);
    }
    if role == Role::Anchor
        && cert.self_issued
        && let Some(ExtensionValue::AuthorityKeyIdentifier { issuer, serial, .. }) =
            cert.extension(OID_AKI).map(|e| &e.value)
        && (!issuer.is_empty() || serial.is_some())
    {
        out.push(ProfileViolation::RootAuthorityKeyIdNamesIssuer);
    }
    name_violations(cert, is_ca, &mut out);
    key_id_violations(cert, is_ca, &mut out);
    ca_violations(cert, &mut out);
    out
}

/// The profile step for one certificate of a path.
pub(crate) fn profile_step(cert: &Certificate, role: Role, profile: ChainProfile) -> Step {
    let builder = StepBuilder::new(
        "chain.profile",
        "Conforms to the RFC 5280 profile",
        cert.short_name(),
        "RFC 5280 §4.1, §4.2",
    )
    .evidence(&cert.fingerprints.sha256, cert.spans.tbs, "tbsCertificate");
    let found = violations(cert, role);
    if found.is_empty() {
        return builder.done(
            Outcome::Pass,
            "Serial number, signature algorithm fields, names, key identifiers, basic constraints, key usage, name constraints and extension uniqueness are as RFC 5280 requires.",
        );
    }
    let listed: Vec<String> = found
        .iter()
        .map(|v| format!("{v} ({})", v.reference()))
        .collect();
    match profile {
        ChainProfile::Rfc5280 if found.iter().all(ProfileViolation::issuer_rule_only) => builder.done(
            Outcome::Warn,
            format!(
                "{}. A rule for the CA that issued it: path validation (RFC 5280 §6) does not check it, openssl verify -x509_strict accepts it and NIST PKITS counts such paths valid, so it is noted, not failed (x509-limbo's ica-noncritical-pc fails such a chain).",
                listed.join("; ")
            ),
        ),
        ChainProfile::Rfc5280 => builder.done(
            Outcome::Fail,
            format!(
                "{}. A strict verifier (openssl verify -x509_strict, rustls-webpki) rejects such a certificate.",
                listed.join("; ")
            ),
        ),
        ChainProfile::Gskit => builder.done(
            Outcome::Warn,
            format!(
                "{}. RFC 5280 does not allow this; which of these rules GSKit enforces is not documented (assumption: it accepts them).",
                listed.join("; ")
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{dns_name_syntax, mailbox_syntax};

    #[test]
    fn dns_names_and_mailboxes_in_san() {
        for (name, ok) in [
            ("qm1.example.com", true),
            ("*.example.com", true),
            ("_srv.example.com", true),
            (".example.com", false),
            ("a..example.com", false),
            ("ba*.example.com", false),
            ("foo.*.example.com", false),
            ("-bad.example.com", false),
            ("", false),
        ] {
            assert_eq!(dns_name_syntax(name), ok, "{name}");
        }
        for (mailbox, ok) in [
            ("mq@example.com", true),
            ("invalid@address@example.com", false),
            ("@example.com", false),
            ("mq@", false),
        ] {
            assert_eq!(mailbox_syntax(mailbox), ok, "{mailbox}");
        }
    }
}
