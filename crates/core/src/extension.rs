//! X.509 extensions (RFC 5280 §4.1.2.9, §4.2; RFC 6960 §4.4) in a readable form.
//!
//! ```text
//! Extension  ::=  SEQUENCE  {
//!      extnID      OBJECT IDENTIFIER,
//!      critical    BOOLEAN DEFAULT FALSE,
//!      extnValue   OCTET STRING }
//! ```
//!
//! The same reader serves certificates, CRLs and OCSP messages. An extension whose value does not
//! parse is kept with its raw bytes and the parser's complaint: it never hides the object.

use crate::der::{Node, Span, Tag};
use crate::general_name::{GeneralName, KeyPurpose, KeyUsageFlags, NameContext, list};
use crate::hex;
use crate::oids;
use crate::reader::{Fields, Malformed, content, oid};
use serde::{Deserialize, Serialize};
use x509_parser::extensions::{GeneralName as X509GeneralName, ParsedExtension, X509Extension};
use x509_parser::prelude::FromDer;

/// `id-pkix-ocsp-nonce` (RFC 6960 §4.4.1).
pub const OID_OCSP_NONCE: &str = "1.3.6.1.5.5.7.48.1.2";
/// certificateIssuer, the CRL entry extension of an indirect CRL (RFC 5280 §5.3.3).
const OID_CERTIFICATE_ISSUER: &str = "2.5.29.29";
/// `id-pkix-ocsp-nocheck` (RFC 6960 §4.2.2.2.1).
pub const OID_OCSP_NOCHECK: &str = "1.3.6.1.5.5.7.48.1.5";

/// One extension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// Dotted OID.
    pub oid: String,
    /// Name, where known.
    pub name: Option<String>,
    /// The critical flag.
    pub critical: bool,
    /// The readable value.
    pub value: ExtensionValue,
    /// Where the whole extension is in the object's DER.
    pub span: Span,
}

/// The readable value of an extension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ExtensionValue {
    /// basicConstraints (§4.2.1.9).
    BasicConstraints {
        /// cA.
        ca: bool,
        /// pathLenConstraint.
        path_len: Option<u32>,
    },
    /// keyUsage (§4.2.1.3): the bits set (serialised by RFC name).
    KeyUsage {
        /// The bits.
        usages: KeyUsageFlags,
    },
    /// extKeyUsage (§4.2.1.12): purposes by OID (serialised by name where known).
    ExtendedKeyUsage {
        /// Purposes.
        purposes: Vec<KeyPurpose>,
    },
    /// subjectAltName / issuerAltName (§4.2.1.6), serialised as `DNS:…`, `IP:…`, `URI:…`.
    AltNames {
        /// The names.
        names: Vec<GeneralName>,
    },
    /// authorityInfoAccess (§4.2.2.1): where to ask OCSP and fetch the issuer.
    AuthorityInfoAccess {
        /// OCSP responder locations (`id-ad-ocsp`), serialised as the URI itself.
        #[serde(serialize_with = "locations", deserialize_with = "read_locations")]
        ocsp: Vec<GeneralName>,
        /// Issuer certificate locations (`id-ad-caIssuers`), serialised as the URI itself.
        #[serde(serialize_with = "locations", deserialize_with = "read_locations")]
        ca_issuers: Vec<GeneralName>,
        /// Other access methods, `method: location`.
        other: Vec<String>,
    },
    /// cRLDistributionPoints (§4.2.1.13).
    CrlDistributionPoints {
        /// Full names of every distribution point, serialised as the URI itself.
        #[serde(serialize_with = "locations", deserialize_with = "read_locations")]
        points: Vec<GeneralName>,
        /// A distribution point is named relative to the CRL issuer (not resolved).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        relative_to_issuer: bool,
        /// A distribution point names only its cRLIssuer.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        issuer_only: bool,
        /// The cRLIssuer names of every distribution point: who issues the (indirect) CRLs
        /// about this certificate when it is not its issuer (§4.2.1.13).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        crl_issuers: Vec<GeneralName>,
    },
    /// subjectKeyIdentifier (§4.2.1.2).
    SubjectKeyIdentifier {
        /// The key identifier, hex.
        key_id: String,
    },
    /// authorityKeyIdentifier (§4.2.1.1).
    AuthorityKeyIdentifier {
        /// keyIdentifier, hex.
        key_id: Option<String>,
        /// authorityCertIssuer names.
        issuer: Vec<GeneralName>,
        /// authorityCertSerialNumber, hex.
        serial: Option<String>,
    },
    /// certificatePolicies (§4.2.1.4): policy OIDs with names where known.
    CertificatePolicies {
        /// Policies.
        policies: Vec<String>,
    },
    /// nameConstraints (§4.2.1.10).
    NameConstraints {
        /// Permitted subtrees' bases.
        permitted: Vec<GeneralName>,
        /// Excluded subtrees' bases.
        excluded: Vec<GeneralName>,
    },
    /// issuingDistributionPoint (§5.2.5): which certificates and reasons a CRL covers.
    IssuingDistributionPoint {
        /// distributionPoint full names, serialised as the URI itself.
        #[serde(serialize_with = "locations", deserialize_with = "read_locations")]
        names: Vec<GeneralName>,
        /// distributionPoint is a nameRelativeToCRLIssuer, which mqocsp does not resolve.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        relative_to_issuer: bool,
        /// onlyContainsUserCerts.
        only_user: bool,
        /// onlyContainsCACerts.
        only_ca: bool,
        /// onlySomeReasons is present: the CRL covers only some reasons.
        only_some_reasons: bool,
        /// indirectCRL.
        indirect: bool,
        /// onlyContainsAttributeCerts.
        only_attribute: bool,
    },
    /// id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): trust this responder without checking it.
    OcspNoCheck,
    /// id-pkix-ocsp-nonce (RFC 6960 §4.4.1).
    Nonce {
        /// The nonce, hex (the inner OCTET STRING's content when it is wrapped in one).
        value: String,
    },
    /// cRLNumber (§5.2.3).
    CrlNumber {
        /// The number, decimal or hex.
        number: String,
    },
    /// reasonCode (§5.3.1).
    ReasonCode {
        /// The RFC 5280 name of the reason.
        reason: String,
    },
    /// An extension mqocsp shows only as bytes.
    Unknown {
        /// extnValue's content, hex.
        der: String,
    },
    /// An extension whose value does not parse.
    Broken {
        /// What the parser said.
        error: String,
        /// extnValue's content, hex.
        der: String,
    },
}

/// RFC 5280 §5.3.1 CRLReason names, by value.
pub fn crl_reason_name(code: u32) -> String {
    match code {
        0 => "unspecified",
        1 => "keyCompromise",
        2 => "cACompromise",
        3 => "affiliationChanged",
        4 => "superseded",
        5 => "cessationOfOperation",
        6 => "certificateHold",
        8 => "removeFromCRL",
        9 => "privilegeWithdrawn",
        10 => "aACompromise",
        _ => return format!("reason {code} (not defined by RFC 5280)"),
    }
    .to_owned()
}

/// A GeneralName as openssl prints it (`DNS:…`, `IP Address:…` shortened to `IP:…`).
pub(crate) fn general_name(name: &X509GeneralName<'_>) -> String {
    GeneralName::from_x509(name, NameContext::Certificate).to_string()
}

fn oid_label(dotted: &str) -> String {
    oids::name(dotted).map_or_else(|| dotted.to_owned(), str::to_owned)
}

/// Reads an `Extensions ::= SEQUENCE OF Extension` node.
pub(crate) fn read_extensions(
    list: &Node,
    der: &[u8],
    path: &'static str,
) -> Result<Vec<Extension>, Malformed> {
    let fields = Fields::of(list, Tag::SEQUENCE, path)?;
    fields
        .rest()
        .iter()
        .map(|node| read_extension(node, der, path))
        .collect()
}

fn read_extension(node: &Node, der: &[u8], path: &'static str) -> Result<Extension, Malformed> {
    let mut fields = Fields::of(node, Tag::SEQUENCE, path)?;
    let dotted = oid(fields.required(Tag::OID, "extnID")?, der, path)?;
    let critical = fields
        .optional(Tag::BOOLEAN)
        .is_some_and(|flag| content(flag, der).first() == Some(&0xff));
    let value_node = fields.required(Tag::OCTET_STRING, "extnValue")?;
    let value_bytes = content(value_node, der);
    let value = readable(&dotted, node.span().of(der), value_bytes);
    Ok(Extension {
        name: oids::name(&dotted).map(str::to_owned),
        oid: dotted,
        critical,
        value,
        span: node.span(),
    })
}

fn readable(dotted: &str, whole: &[u8], value: &[u8]) -> ExtensionValue {
    match dotted {
        OID_OCSP_NOCHECK => return ExtensionValue::OcspNoCheck,
        OID_OCSP_NONCE => {
            // RFC 6960 §4.4.1 wraps the nonce in an OCTET STRING; older responders send it bare.
            let inner = match value {
                [0x04, len, rest @ ..] if usize::from(*len) == rest.len() => rest,
                _ => value,
            };
            return ExtensionValue::Nonce {
                value: hex::lower(inner),
            };
        }
        _ => {}
    }
    let raw = || hex::lower(value);
    if dotted == OID_CERTIFICATE_ISSUER {
        // certificateIssuer (§5.3.3) is GeneralNames, as subjectAltName is; x509-parser has no
        // reader of its own for it.
        return match x509_parser::extensions::SubjectAlternativeName::from_der(value) {
            Ok((_, names)) => ExtensionValue::AltNames {
                names: typed_names(&names.general_names),
            },
            Err(error) => ExtensionValue::Broken {
                error: error.to_string(),
                der: raw(),
            },
        };
    }
    let parsed = match X509Extension::from_der(whole) {
        Ok((_, parsed)) => parsed,
        Err(error) => {
            return ExtensionValue::Broken {
                error: error.to_string(),
                der: raw(),
            };
        }
    };
    match parsed.parsed_extension() {
        ParsedExtension::BasicConstraints(bc) => ExtensionValue::BasicConstraints {
            ca: bc.ca,
            path_len: bc.path_len_constraint,
        },
        ParsedExtension::KeyUsage(usage) => ExtensionValue::KeyUsage {
            usages: KeyUsageFlags(usage.flags),
        },
        ParsedExtension::ExtendedKeyUsage(eku) => {
            let flags = [
                (eku.any, KeyPurpose::ANY),
                (eku.server_auth, KeyPurpose::SERVER_AUTH),
                (eku.client_auth, KeyPurpose::CLIENT_AUTH),
                (eku.code_signing, KeyPurpose::CODE_SIGNING),
                (eku.email_protection, KeyPurpose::EMAIL_PROTECTION),
                (eku.time_stamping, KeyPurpose::TIME_STAMPING),
                (eku.ocsp_signing, KeyPurpose::OCSP_SIGNING),
            ];
            let mut purposes: Vec<KeyPurpose> = flags
                .iter()
                .filter(|(set, _)| *set)
                .map(|(_, dotted)| KeyPurpose((*dotted).to_owned()))
                .collect();
            purposes.extend(eku.other.iter().map(|oid| KeyPurpose(oid.to_id_string())));
            ExtensionValue::ExtendedKeyUsage { purposes }
        }
        ParsedExtension::SubjectAlternativeName(san) => ExtensionValue::AltNames {
            names: typed_names(&san.general_names),
        },
        ParsedExtension::IssuerAlternativeName(ian) => ExtensionValue::AltNames {
            names: typed_names(&ian.general_names),
        },
        ParsedExtension::AuthorityInfoAccess(aia) => {
            let (mut ocsp, mut ca_issuers, mut other) = (Vec::new(), Vec::new(), Vec::new());
            for access in &aia.accessdescs {
                let location =
                    GeneralName::from_x509(&access.access_location, NameContext::Certificate);
                match access.access_method.to_id_string().as_str() {
                    "1.3.6.1.5.5.7.48.1" => ocsp.push(location),
                    "1.3.6.1.5.5.7.48.2" => ca_issuers.push(location),
                    method => other.push(format!(
                        "{}: {}",
                        oid_label(method),
                        location_text(&location)
                    )),
                }
            }
            ExtensionValue::AuthorityInfoAccess {
                ocsp,
                ca_issuers,
                other,
            }
        }
        ParsedExtension::CRLDistributionPoints(points) => {
            use x509_parser::extensions::DistributionPointName;
            let (mut names, mut relative_to_issuer, mut issuer_only) = (Vec::new(), false, false);
            let mut crl_issuers = Vec::new();
            for point in points.iter() {
                crl_issuers.extend(
                    point
                        .crl_issuer
                        .as_deref()
                        .map(typed_names)
                        .unwrap_or_default(),
                );
                match &point.distribution_point {
                    Some(DistributionPointName::FullName(full)) => {
                        names.extend(typed_names(full));
                    }
                    Some(DistributionPointName::NameRelativeToCRLIssuer(_)) => {
                        relative_to_issuer = true;
                    }
                    None => issuer_only = true,
                }
            }
            ExtensionValue::CrlDistributionPoints {
                points: names,
                relative_to_issuer,
                issuer_only,
                crl_issuers,
            }
        }
        ParsedExtension::SubjectKeyIdentifier(id) => ExtensionValue::SubjectKeyIdentifier {
            key_id: hex::lower(id.0),
        },
        ParsedExtension::AuthorityKeyIdentifier(aki) => ExtensionValue::AuthorityKeyIdentifier {
            key_id: aki.key_identifier.as_ref().map(|id| hex::lower(id.0)),
            issuer: aki
                .authority_cert_issuer
                .as_deref()
                .map(typed_names)
                .unwrap_or_default(),
            serial: aki.authority_cert_serial.map(hex::unsigned_integer),
        },
        ParsedExtension::CertificatePolicies(policies) => ExtensionValue::CertificatePolicies {
            policies: policies
                .iter()
                .map(|p| oid_label(&p.policy_id.to_id_string()))
                .collect(),
        },
        ParsedExtension::NameConstraints(nc) => {
            let subtrees = |list: &Option<Vec<x509_parser::extensions::GeneralSubtree<'_>>>| {
                list.as_ref()
                    .map(|trees| {
                        trees
                            .iter()
                            .map(|tree| GeneralName::from_x509(&tree.base, NameContext::Constraint))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            ExtensionValue::NameConstraints {
                permitted: subtrees(&nc.permitted_subtrees),
                excluded: subtrees(&nc.excluded_subtrees),
            }
        }
        ParsedExtension::IssuingDistributionPoint(idp) => {
            use x509_parser::extensions::DistributionPointName;
            let names = match &idp.distribution_point {
                Some(DistributionPointName::FullName(full)) => typed_names(full),
                _ => Vec::new(),
            };
            ExtensionValue::IssuingDistributionPoint {
                names,
                // x509-parser reads [1] nameRelativeToCRLIssuer as an explicit SET and, failing,
                // leaves distributionPoint out; its [0] tag in the DER says it is there, and a
                // distribution point that is there but not a full name is relative.
                relative_to_issuer: matches!(
                    idp.distribution_point,
                    Some(DistributionPointName::NameRelativeToCRLIssuer(_))
                ) || (idp.distribution_point.is_none()
                    && matches!(value, [0x30, _, 0xa0, ..] | [0x30, 0x81, _, 0xa0, ..])),
                only_user: idp.only_contains_user_certs,
                only_ca: idp.only_contains_ca_certs,
                only_some_reasons: idp.only_some_reasons.is_some(),
                indirect: idp.indirect_crl,
                only_attribute: idp.only_contains_attribute_certs,
            }
        }
        ParsedExtension::CRLNumber(number) => ExtensionValue::CrlNumber {
            number: number.to_string(),
        },
        ParsedExtension::ReasonCode(code) => ExtensionValue::ReasonCode {
            reason: crl_reason_name(u32::from(code.0)),
        },
        ParsedExtension::ParseError { error } => ExtensionValue::Broken {
            error: error.to_string(),
            der: raw(),
        },
        _ => ExtensionValue::Unknown { der: raw() },
    }
}

/// A location as people read it: a URI as written, another name form with its label.
pub(crate) fn location_text(name: &GeneralName) -> String {
    match name {
        GeneralName::Uri(uri) => uri.clone(),
        other => other.to_string(),
    }
}

/// Serialises locations as [`location_text`] does.
fn locations<S: serde::Serializer>(
    names: &[GeneralName],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(names.iter().map(location_text))
}

/// Reads back what [`locations`] writes: a text that begins with a label `Display` writes for
/// another form (`DNS:`, `IP:`, `DirName:`, …) is that form, any other text a URI as written.
/// The written form cannot tell one case apart: a URI whose text itself begins with such a
/// label (`DNS:x` as a URI) reads back as the labelled form.
fn read_locations<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<GeneralName>, D::Error> {
    const LABELS: [&str; 9] = [
        "DNS:",
        "email:",
        "IP:",
        "DirName:",
        "RID:",
        "othername:",
        "X400Address",
        "EDIPartyName",
        "invalid name (tag ",
    ];
    Vec::<String>::deserialize(deserializer)?
        .into_iter()
        .map(|text| {
            if LABELS.iter().any(|label| text.starts_with(label)) {
                GeneralName::from_display(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!("'{text}' is not a location as written"))
                })
            } else {
                Ok(GeneralName::Uri(text))
            }
        })
        .collect()
}

fn typed_names(names: &[X509GeneralName<'_>]) -> Vec<GeneralName> {
    names
        .iter()
        .map(|name| GeneralName::from_x509(name, NameContext::Certificate))
        .collect()
}

impl ExtensionValue {
    /// One line for text output and cards.
    pub fn summary(&self) -> String {
        match self {
            Self::BasicConstraints { ca, path_len } => match path_len {
                Some(len) => format!("CA:{}, pathlen:{len}", if *ca { "TRUE" } else { "FALSE" }),
                None => format!("CA:{}", if *ca { "TRUE" } else { "FALSE" }),
            },
            Self::KeyUsage { usages } => list(&usages.names()),
            Self::ExtendedKeyUsage { purposes } => list(purposes),
            Self::AltNames { names } => list(names),
            Self::AuthorityInfoAccess {
                ocsp,
                ca_issuers,
                other,
            } => {
                let mut parts: Vec<String> = ocsp
                    .iter()
                    .map(|url| format!("OCSP - {}", location_text(url)))
                    .collect();
                parts.extend(
                    ca_issuers
                        .iter()
                        .map(|url| format!("CA Issuers - {}", location_text(url))),
                );
                parts.extend(other.iter().cloned());
                list(&parts)
            }
            Self::CrlDistributionPoints {
                points,
                relative_to_issuer,
                issuer_only,
                crl_issuers,
            } => {
                let mut parts: Vec<String> = points.iter().map(location_text).collect();
                parts.extend(
                    crl_issuers
                        .iter()
                        .map(|issuer| format!("CRL issuer: {}", location_text(issuer))),
                );
                if *relative_to_issuer {
                    parts.push("(name relative to the CRL issuer)".to_owned());
                }
                if *issuer_only {
                    parts.push("(CRL issuer only)".to_owned());
                }
                list(&parts)
            }
            Self::SubjectKeyIdentifier { key_id } => key_id.clone(),
            Self::AuthorityKeyIdentifier {
                key_id,
                issuer,
                serial,
            } => {
                let mut parts = Vec::new();
                parts.extend(key_id.iter().map(|id| format!("keyid:{id}")));
                parts.extend(issuer.iter().map(ToString::to_string));
                parts.extend(serial.iter().map(|s| format!("serial:{s}")));
                list(&parts)
            }
            Self::CertificatePolicies { policies } => list(policies),
            Self::NameConstraints {
                permitted,
                excluded,
            } => {
                format!(
                    "permitted: {}; excluded: {}",
                    list(permitted),
                    list(excluded)
                )
            }
            Self::IssuingDistributionPoint {
                names,
                relative_to_issuer,
                only_user,
                only_ca,
                only_some_reasons,
                indirect,
                only_attribute,
            } => {
                let mut parts: Vec<String> = names.iter().map(location_text).collect();
                for (set, word) in [
                    (*relative_to_issuer, "a name relative to the CRL issuer"),
                    (*only_user, "only user certificates"),
                    (*only_ca, "only CA certificates"),
                    (*only_some_reasons, "only some reasons"),
                    (*indirect, "indirect CRL"),
                    (*only_attribute, "only attribute certificates"),
                ] {
                    if set {
                        parts.push(word.to_owned());
                    }
                }
                list(&parts)
            }
            Self::OcspNoCheck => {
                "present (the responder certificate is not checked for revocation)".to_owned()
            }
            Self::Nonce { value } => value.clone(),
            Self::CrlNumber { number } => number.clone(),
            Self::ReasonCode { reason } => reason.clone(),
            Self::Unknown { der } => format!("{} byte(s): {der}", der.len() / 2),
            Self::Broken { error, der } => format!("does not parse ({error}): {der}"),
        }
    }
}
