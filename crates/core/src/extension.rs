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
use crate::hex;
use crate::name::DistinguishedName;
use crate::oids;
use crate::reader::{Fields, Malformed, content, oid};
use serde::Serialize;
use std::net::{Ipv4Addr, Ipv6Addr};
use x509_parser::extensions::{GeneralName, ParsedExtension, X509Extension};
use x509_parser::prelude::FromDer;

/// `id-pkix-ocsp-nonce` (RFC 6960 §4.4.1).
pub const OID_OCSP_NONCE: &str = "1.3.6.1.5.5.7.48.1.2";
/// `id-pkix-ocsp-nocheck` (RFC 6960 §4.2.2.2.1).
pub const OID_OCSP_NOCHECK: &str = "1.3.6.1.5.5.7.48.1.5";

/// One extension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ExtensionValue {
    /// basicConstraints (§4.2.1.9).
    BasicConstraints {
        /// cA.
        ca: bool,
        /// pathLenConstraint.
        path_len: Option<u32>,
    },
    /// keyUsage (§4.2.1.3): the bits set, by RFC name.
    KeyUsage {
        /// Names of the bits set.
        usages: Vec<String>,
    },
    /// extKeyUsage (§4.2.1.12): purposes by name or OID.
    ExtendedKeyUsage {
        /// Purposes.
        purposes: Vec<String>,
    },
    /// subjectAltName / issuerAltName (§4.2.1.6): `DNS:…`, `IP:…`, `URI:…`, `email:…`.
    AltNames {
        /// The names.
        names: Vec<String>,
    },
    /// authorityInfoAccess (§4.2.2.1): where to ask OCSP and fetch the issuer.
    AuthorityInfoAccess {
        /// OCSP responder locations (`id-ad-ocsp`).
        ocsp: Vec<String>,
        /// Issuer certificate locations (`id-ad-caIssuers`).
        ca_issuers: Vec<String>,
        /// Other access methods, `method: location`.
        other: Vec<String>,
    },
    /// cRLDistributionPoints (§4.2.1.13).
    CrlDistributionPoints {
        /// Full names of every distribution point.
        points: Vec<String>,
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
        issuer: Vec<String>,
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
        /// Permitted subtrees.
        permitted: Vec<String>,
        /// Excluded subtrees.
        excluded: Vec<String>,
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
pub(crate) fn general_name(name: &GeneralName<'_>) -> String {
    match name {
        GeneralName::DNSName(dns) => format!("DNS:{dns}"),
        GeneralName::RFC822Name(mail) => format!("email:{mail}"),
        GeneralName::URI(uri) => format!("URI:{uri}"),
        GeneralName::IPAddress(bytes) => format!("IP:{}", ip_text(bytes)),
        GeneralName::DirectoryName(name) => {
            format!("DirName:{}", DistinguishedName::from_x509(name).rfc4514)
        }
        GeneralName::RegisteredID(id) => format!("RID:{}", id.to_id_string()),
        GeneralName::OtherName(id, _) => format!("othername:{}", id.to_id_string()),
        GeneralName::X400Address(_) => "X400Address".to_owned(),
        GeneralName::EDIPartyName(_) => "EDIPartyName".to_owned(),
        GeneralName::Invalid(tag, bytes) => {
            format!("invalid name (tag {}): {}", tag.0, hex::lower(bytes))
        }
    }
}

/// An IP address (4 or 16 bytes), or an address with its mask (8 or 32 bytes, name constraints).
fn ip_text(bytes: &[u8]) -> String {
    let v4 = |b: &[u8]| {
        <[u8; 4]>::try_from(b)
            .ok()
            .map(|a| Ipv4Addr::from(a).to_string())
    };
    let v6 = |b: &[u8]| {
        <[u8; 16]>::try_from(b)
            .ok()
            .map(|a| Ipv6Addr::from(a).to_string())
    };
    let text = match bytes.len() {
        4 => v4(bytes),
        16 => v6(bytes),
        8 => v4(bytes.get(..4).unwrap_or_default())
            .zip(v4(bytes.get(4..).unwrap_or_default()))
            .map(|(addr, mask)| format!("{addr}/{mask}")),
        32 => v6(bytes.get(..16).unwrap_or_default())
            .zip(v6(bytes.get(16..).unwrap_or_default()))
            .map(|(addr, mask)| format!("{addr}/{mask}")),
        _ => None,
    };
    text.unwrap_or_else(|| format!("<{}>", hex::lower(bytes)))
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
            usages: key_usages(usage),
        },
        ParsedExtension::ExtendedKeyUsage(eku) => {
            let mut purposes = Vec::new();
            let flags = [
                (eku.any, "anyExtendedKeyUsage"),
                (eku.server_auth, "serverAuth"),
                (eku.client_auth, "clientAuth"),
                (eku.code_signing, "codeSigning"),
                (eku.email_protection, "emailProtection"),
                (eku.time_stamping, "timeStamping"),
                (eku.ocsp_signing, "OCSPSigning"),
            ];
            purposes.extend(
                flags
                    .iter()
                    .filter(|(set, _)| *set)
                    .map(|(_, name)| (*name).to_owned()),
            );
            purposes.extend(eku.other.iter().map(|oid| oid_label(&oid.to_id_string())));
            ExtensionValue::ExtendedKeyUsage { purposes }
        }
        ParsedExtension::SubjectAlternativeName(san) => ExtensionValue::AltNames {
            names: san.general_names.iter().map(general_name).collect(),
        },
        ParsedExtension::IssuerAlternativeName(ian) => ExtensionValue::AltNames {
            names: ian.general_names.iter().map(general_name).collect(),
        },
        ParsedExtension::AuthorityInfoAccess(aia) => {
            let (mut ocsp, mut ca_issuers, mut other) = (Vec::new(), Vec::new(), Vec::new());
            for access in &aia.accessdescs {
                let location = match &access.access_location {
                    GeneralName::URI(uri) => (*uri).to_owned(),
                    name => general_name(name),
                };
                match access.access_method.to_id_string().as_str() {
                    "1.3.6.1.5.5.7.48.1" => ocsp.push(location),
                    "1.3.6.1.5.5.7.48.2" => ca_issuers.push(location),
                    method => other.push(format!("{}: {location}", oid_label(method))),
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
            let mut names = Vec::new();
            for point in points.iter() {
                match &point.distribution_point {
                    Some(DistributionPointName::FullName(full)) => {
                        names.extend(full.iter().map(|name| match name {
                            GeneralName::URI(uri) => (*uri).to_owned(),
                            other => general_name(other),
                        }));
                    }
                    Some(DistributionPointName::NameRelativeToCRLIssuer(_)) => {
                        names.push("(name relative to the CRL issuer)".to_owned());
                    }
                    None => names.push("(CRL issuer only)".to_owned()),
                }
            }
            ExtensionValue::CrlDistributionPoints { points: names }
        }
        ParsedExtension::SubjectKeyIdentifier(id) => ExtensionValue::SubjectKeyIdentifier {
            key_id: hex::lower(id.0),
        },
        ParsedExtension::AuthorityKeyIdentifier(aki) => ExtensionValue::AuthorityKeyIdentifier {
            key_id: aki.key_identifier.as_ref().map(|id| hex::lower(id.0)),
            issuer: aki
                .authority_cert_issuer
                .as_ref()
                .map(|names| names.iter().map(general_name).collect())
                .unwrap_or_default(),
            serial: aki
                .authority_cert_serial
                .map(crate::certificate::serial_hex),
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
                    .map(|trees| trees.iter().map(|tree| general_name(&tree.base)).collect())
                    .unwrap_or_default()
            };
            ExtensionValue::NameConstraints {
                permitted: subtrees(&nc.permitted_subtrees),
                excluded: subtrees(&nc.excluded_subtrees),
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

fn key_usages(usage: &x509_parser::extensions::KeyUsage) -> Vec<String> {
    let bits = [
        (usage.digital_signature(), "digitalSignature"),
        (usage.non_repudiation(), "nonRepudiation"),
        (usage.key_encipherment(), "keyEncipherment"),
        (usage.data_encipherment(), "dataEncipherment"),
        (usage.key_agreement(), "keyAgreement"),
        (usage.key_cert_sign(), "keyCertSign"),
        (usage.crl_sign(), "cRLSign"),
        (usage.encipher_only(), "encipherOnly"),
        (usage.decipher_only(), "decipherOnly"),
    ];
    bits.iter()
        .filter(|(set, _)| *set)
        .map(|(_, name)| (*name).to_owned())
        .collect()
}

impl ExtensionValue {
    /// One line for text output and cards.
    pub fn summary(&self) -> String {
        let list = |items: &[String]| {
            if items.is_empty() {
                "(none)".to_owned()
            } else {
                items.join(", ")
            }
        };
        match self {
            Self::BasicConstraints { ca, path_len } => match path_len {
                Some(len) => format!("CA:{}, pathlen:{len}", if *ca { "TRUE" } else { "FALSE" }),
                None => format!("CA:{}", if *ca { "TRUE" } else { "FALSE" }),
            },
            Self::KeyUsage { usages } => list(usages),
            Self::ExtendedKeyUsage { purposes } => list(purposes),
            Self::AltNames { names } => list(names),
            Self::AuthorityInfoAccess {
                ocsp,
                ca_issuers,
                other,
            } => {
                let mut parts: Vec<String> =
                    ocsp.iter().map(|url| format!("OCSP - {url}")).collect();
                parts.extend(ca_issuers.iter().map(|url| format!("CA Issuers - {url}")));
                parts.extend(other.iter().cloned());
                list(&parts)
            }
            Self::CrlDistributionPoints { points } => list(points),
            Self::SubjectKeyIdentifier { key_id } => key_id.clone(),
            Self::AuthorityKeyIdentifier {
                key_id,
                issuer,
                serial,
            } => {
                let mut parts = Vec::new();
                parts.extend(key_id.iter().map(|id| format!("keyid:{id}")));
                parts.extend(issuer.iter().cloned());
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
