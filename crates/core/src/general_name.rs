//! Typed extension values that verification reads: GeneralName (RFC 5280 §4.2.1.6), IP address
//! ranges of name constraints (§4.2.1.10), keyUsage flags (§4.2.1.3) and extKeyUsage purposes
//! (§4.2.1.12).
//!
//! ```text
//! GeneralName ::= CHOICE {
//!      otherName                 [0]  AnotherName,
//!      rfc822Name                [1]  IA5String,
//!      dNSName                   [2]  IA5String,
//!      x400Address               [3]  ORAddress,
//!      directoryName             [4]  Name,
//!      ediPartyName              [5]  EDIPartyName,
//!      uniformResourceIdentifier [6]  IA5String,
//!      iPAddress                 [7]  OCTET STRING,
//!      registeredID              [8]  OBJECT IDENTIFIER }
//! ```
//!
//! Checks match on these types; the text people read (`DNS:qm1.example.com`, `keyCertSign`) is
//! derived from them by `Display` and serialised as that text, so renaming a label cannot change
//! a verdict.

use crate::hex;
use crate::name::DistinguishedName;
use crate::oids;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// One GeneralName.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeneralName {
    /// dNSName.
    Dns(String),
    /// rfc822Name: a mailbox, or in a constraint a host or domain.
    Email(String),
    /// uniformResourceIdentifier.
    Uri(String),
    /// iPAddress of a certificate: 4 or 16 octets.
    Ip(IpAddr),
    /// iPAddress of a name constraint: an address and a mask, 8 or 32 octets.
    IpRange(IpRange),
    /// directoryName.
    Directory(DistinguishedName),
    /// registeredID, dotted.
    RegisteredId(String),
    /// otherName, by its type-id (dotted).
    Other(String),
    /// x400Address (not interpreted).
    X400Address,
    /// ediPartyName (not interpreted).
    EdiPartyName,
    /// A name whose content is not valid for its form (an iPAddress of 5 octets).
    Invalid {
        /// The context tag number.
        tag: u32,
        /// The content.
        bytes: Vec<u8>,
    },
}

/// An address range of an iPAddress name constraint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IpRange {
    /// The address octets (4 or 16).
    pub address: Vec<u8>,
    /// The mask octets (same length).
    pub mask: Vec<u8>,
}

impl IpRange {
    /// Whether the mask is a run of ones followed by zeros (RFC 5280 §4.2.1.10 describes only
    /// CIDR ranges; webpki and openssl reject others).
    pub fn mask_is_contiguous(&self) -> bool {
        let mut ones_done = false;
        for byte in &self.mask {
            for bit in (0..8).rev() {
                let set = byte & (1 << bit) != 0;
                if set && ones_done {
                    return false;
                }
                ones_done |= !set;
            }
        }
        true
    }

    /// Whether `ip` lies inside the range (an address of the other family never does).
    pub fn contains(&self, ip: &IpAddr) -> bool {
        let octets = ip_octets(ip);
        octets.len() == self.address.len()
            && octets
                .iter()
                .zip(&self.address)
                .zip(&self.mask)
                .all(|((i, a), m)| i & m == a & m)
    }
}

/// The octets of an address.
pub fn ip_octets(ip: &IpAddr) -> Vec<u8> {
    match ip {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => v6.octets().to_vec(),
    }
}

fn ip_from(bytes: &[u8]) -> Option<IpAddr> {
    match bytes.len() {
        4 => <[u8; 4]>::try_from(bytes)
            .ok()
            .map(|a| IpAddr::V4(Ipv4Addr::from(a))),
        16 => <[u8; 16]>::try_from(bytes)
            .ok()
            .map(|a| IpAddr::V6(Ipv6Addr::from(a))),
        _ => None,
    }
}

/// Where a GeneralName appears: iPAddress means an address in a certificate and a range in a
/// name constraint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameContext {
    /// subjectAltName, issuerAltName, AIA, CRL distribution points.
    Certificate,
    /// A GeneralSubtree's base.
    Constraint,
}

impl GeneralName {
    /// From x509-parser's parse.
    pub fn from_x509(
        name: &x509_parser::extensions::GeneralName<'_>,
        context: NameContext,
    ) -> Self {
        use x509_parser::extensions::GeneralName as X;
        match name {
            X::DNSName(dns) => Self::Dns((*dns).to_owned()),
            X::RFC822Name(mail) => Self::Email((*mail).to_owned()),
            X::URI(uri) => Self::Uri((*uri).to_owned()),
            X::IPAddress(bytes) => {
                let half = bytes.len() / 2;
                match (context, bytes.len()) {
                    (NameContext::Certificate, 4 | 16) => {
                        ip_from(bytes).map_or_else(|| Self::invalid(7, bytes), Self::Ip)
                    }
                    (NameContext::Constraint, 8 | 32) => Self::IpRange(IpRange {
                        address: bytes.get(..half).unwrap_or_default().to_vec(),
                        mask: bytes.get(half..).unwrap_or_default().to_vec(),
                    }),
                    _ => Self::invalid(7, bytes),
                }
            }
            X::DirectoryName(name) => Self::Directory(DistinguishedName::from_x509(name)),
            X::RegisteredID(id) => Self::RegisteredId(id.to_id_string()),
            X::OtherName(id, _) => Self::Other(id.to_id_string()),
            X::X400Address(_) => Self::X400Address,
            X::EDIPartyName(_) => Self::EdiPartyName,
            X::Invalid(tag, bytes) => Self::invalid(tag.0, bytes),
        }
    }

    fn invalid(tag: u32, bytes: &[u8]) -> Self {
        Self::Invalid {
            tag,
            bytes: bytes.to_vec(),
        }
    }

    /// The form's short name as openssl prints it (`DNS`, `IP`, `email`, …).
    pub fn form(&self) -> &'static str {
        match self {
            Self::Dns(_) => "DNS",
            Self::Email(_) => "email",
            Self::Uri(_) => "URI",
            Self::Ip(_) | Self::IpRange(_) => "IP",
            Self::Directory(_) => "DirName",
            Self::RegisteredId(_) => "RID",
            Self::Other(_) => "othername",
            Self::X400Address => "X400Address",
            Self::EdiPartyName => "EDIPartyName",
            Self::Invalid { .. } => "invalid",
        }
    }
}

impl fmt::Display for GeneralName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Dns(dns) => write!(f, "DNS:{dns}"),
            Self::Email(mail) => write!(f, "email:{mail}"),
            Self::Uri(uri) => write!(f, "URI:{uri}"),
            Self::Ip(ip) => write!(f, "IP:{ip}"),
            Self::IpRange(range) => match (ip_from(&range.address), ip_from(&range.mask)) {
                (Some(address), Some(mask)) => write!(f, "IP:{address}/{mask}"),
                _ => write!(f, "IP:<{}>", hex::lower(&range.address)),
            },
            Self::Directory(name) => write!(f, "DirName:{}", name.rfc4514),
            Self::RegisteredId(id) => write!(f, "RID:{id}"),
            Self::Other(id) => write!(f, "othername:{id}"),
            Self::X400Address => f.write_str("X400Address"),
            Self::EdiPartyName => f.write_str("EDIPartyName"),
            Self::Invalid { tag: 7, bytes } => write!(f, "IP:<{}>", hex::lower(bytes)),
            Self::Invalid { tag, bytes } => {
                write!(f, "invalid name (tag {tag}): {}", hex::lower(bytes))
            }
        }
    }
}

impl Serialize for GeneralName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl GeneralName {
    /// Reads back the text `Display` writes (`DNS:…`, `IP:10.0.0.0/255.0.0.0`, `DirName:CN=…`),
    /// so a serialised name deserialises to the same value. `None` for text `Display` never
    /// writes. One exception: a range whose address is not 4 or 16 octets (never made by
    /// [`GeneralName::from_x509`]) is written like an invalid iPAddress and reads back as one.
    pub fn from_display(text: &str) -> Option<Self> {
        let (form, rest) = match text.split_once(':') {
            Some((form, rest)) if !form.contains(' ') => (form, rest),
            _ => ("", text),
        };
        Some(match form {
            "DNS" => Self::Dns(rest.to_owned()),
            "email" => Self::Email(rest.to_owned()),
            "URI" => Self::Uri(rest.to_owned()),
            "RID" => Self::RegisteredId(rest.to_owned()),
            "othername" => Self::Other(rest.to_owned()),
            "DirName" => Self::Directory(DistinguishedName::from_rfc4514(rest)?),
            "IP" => match rest.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
                Some(octets) => Self::invalid(7, &hex::parse_lenient(octets)?),
                None => match rest.split_once('/') {
                    Some((address, mask)) => Self::IpRange(IpRange {
                        address: ip_octets(&address.parse().ok()?),
                        mask: ip_octets(&mask.parse().ok()?),
                    }),
                    None => Self::Ip(rest.parse().ok()?),
                },
            },
            _ => match text {
                "X400Address" => Self::X400Address,
                "EDIPartyName" => Self::EdiPartyName,
                _ => {
                    let (tag, octets) =
                        text.strip_prefix("invalid name (tag ")?.split_once("): ")?;
                    Self::invalid(tag.parse().ok()?, &hex::parse_lenient(octets)?)
                }
            },
        })
    }
}

impl<'de> Deserialize<'de> for GeneralName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::from_display(&text)
            .ok_or_else(|| D::Error::custom(format!("'{text}' is not a GeneralName as written")))
    }
}

/// keyUsage bits (RFC 5280 §4.2.1.3), bit 0 (digitalSignature) as the lowest bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyUsageFlags(pub u16);

impl KeyUsageFlags {
    /// digitalSignature (0).
    pub const DIGITAL_SIGNATURE: u16 = 1;
    /// keyCertSign (5).
    pub const KEY_CERT_SIGN: u16 = 1 << 5;
    /// cRLSign (6).
    pub const CRL_SIGN: u16 = 1 << 6;

    /// The bits, by RFC name, in bit order.
    const NAMES: [&'static str; 9] = [
        "digitalSignature",
        "nonRepudiation",
        "keyEncipherment",
        "dataEncipherment",
        "keyAgreement",
        "keyCertSign",
        "cRLSign",
        "encipherOnly",
        "decipherOnly",
    ];

    /// Whether `bit` (one of the constants) is set.
    pub fn has(&self, bit: u16) -> bool {
        self.0 & bit != 0
    }

    /// The names of the bits set.
    pub fn names(&self) -> Vec<&'static str> {
        Self::NAMES
            .iter()
            .enumerate()
            .filter(|(bit, _)| self.0 & (1 << bit) != 0)
            .map(|(_, name)| *name)
            .collect()
    }
}

impl fmt::Display for KeyUsageFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = self.names();
        if names.is_empty() {
            f.write_str("(no bit set)")
        } else {
            f.write_str(&names.join(", "))
        }
    }
}

impl Serialize for KeyUsageFlags {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.names())
    }
}

/// Reads back the names `Serialize` writes. Bits after decipherOnly (8), which RFC 5280 does not
/// define and which have no name, are not written and so do not come back.
impl<'de> Deserialize<'de> for KeyUsageFlags {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut flags = 0;
        for name in Vec::<String>::deserialize(deserializer)? {
            let bit = Self::NAMES
                .iter()
                .position(|known| *known == name)
                .ok_or_else(|| D::Error::custom(format!("'{name}' is not a keyUsage bit")))?;
            flags |= 1 << bit;
        }
        Ok(Self(flags))
    }
}

/// An extKeyUsage KeyPurposeId, by dotted OID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPurpose(pub String);

impl KeyPurpose {
    /// id-kp-serverAuth.
    pub const SERVER_AUTH: &'static str = "1.3.6.1.5.5.7.3.1";
    /// id-kp-clientAuth.
    pub const CLIENT_AUTH: &'static str = "1.3.6.1.5.5.7.3.2";
    /// id-kp-codeSigning.
    pub const CODE_SIGNING: &'static str = "1.3.6.1.5.5.7.3.3";
    /// id-kp-emailProtection.
    pub const EMAIL_PROTECTION: &'static str = "1.3.6.1.5.5.7.3.4";
    /// id-kp-timeStamping.
    pub const TIME_STAMPING: &'static str = "1.3.6.1.5.5.7.3.8";
    /// id-kp-OCSPSigning.
    pub const OCSP_SIGNING: &'static str = "1.3.6.1.5.5.7.3.9";
    /// anyExtendedKeyUsage.
    pub const ANY: &'static str = "2.5.29.37.0";

    /// Whether this is the purpose `dotted`.
    pub fn is(&self, dotted: &str) -> bool {
        self.0 == dotted
    }

    /// The name people know it by.
    pub fn label(dotted: &str) -> String {
        match dotted {
            Self::SERVER_AUTH => "serverAuth".to_owned(),
            Self::CLIENT_AUTH => "clientAuth".to_owned(),
            Self::CODE_SIGNING => "codeSigning".to_owned(),
            Self::EMAIL_PROTECTION => "emailProtection".to_owned(),
            Self::TIME_STAMPING => "timeStamping".to_owned(),
            Self::OCSP_SIGNING => "OCSPSigning".to_owned(),
            Self::ANY => "anyExtendedKeyUsage".to_owned(),
            other => oids::name(other).map_or_else(|| other.to_owned(), str::to_owned),
        }
    }
}

impl fmt::Display for KeyPurpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Self::label(&self.0))
    }
}

impl Serialize for KeyPurpose {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl KeyPurpose {
    /// The purpose whose [`KeyPurpose::label`] is `label`: a name mqocsp knows, else the dotted
    /// OID itself. Names are unique (a test checks), so this is the label's one OID.
    pub fn from_label(label: &str) -> Self {
        let known = [
            Self::SERVER_AUTH,
            Self::CLIENT_AUTH,
            Self::CODE_SIGNING,
            Self::EMAIL_PROTECTION,
            Self::TIME_STAMPING,
            Self::OCSP_SIGNING,
            Self::ANY,
        ]
        .into_iter()
        .find(|dotted| Self::label(dotted) == label)
        .or_else(|| {
            oids::NAMES
                .iter()
                .find(|(_, name)| *name == label)
                .map(|(dotted, _)| *dotted)
        });
        Self(known.unwrap_or(label).to_owned())
    }
}

impl<'de> Deserialize<'de> for KeyPurpose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self::from_label(&String::deserialize(deserializer)?))
    }
}

/// A list for people: `a, b, c`, or `(none)`.
pub fn list<T: fmt::Display>(items: &[T]) -> String {
    if items.is_empty() {
        "(none)".to_owned()
    } else {
        items
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_ranges_contain_and_masks_are_checked() {
        let range = IpRange {
            address: vec![10, 1, 0, 0],
            mask: vec![255, 255, 0, 0],
        };
        assert!(range.mask_is_contiguous());
        assert!(range.contains(&"10.1.2.3".parse().unwrap()));
        assert!(!range.contains(&"10.2.2.3".parse().unwrap()));
        assert!(!range.contains(&"::1".parse().unwrap()));
        let holes = IpRange {
            address: vec![10, 0, 0, 0],
            mask: vec![255, 0, 255, 0],
        };
        assert!(!holes.mask_is_contiguous());
    }

    #[test]
    fn display_is_derived_from_the_type() {
        assert_eq!(
            GeneralName::Dns("a.example".into()).to_string(),
            "DNS:a.example"
        );
        assert_eq!(
            GeneralName::Ip("10.0.0.1".parse().unwrap()).to_string(),
            "IP:10.0.0.1"
        );
        assert_eq!(
            KeyUsageFlags(KeyUsageFlags::KEY_CERT_SIGN | KeyUsageFlags::CRL_SIGN).to_string(),
            "keyCertSign, cRLSign"
        );
        assert_eq!(
            KeyPurpose(KeyPurpose::OCSP_SIGNING.into()).to_string(),
            "OCSPSigning"
        );
    }
}
