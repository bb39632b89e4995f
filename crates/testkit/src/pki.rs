//! A PKI factory: certificate authorities and the certificates they issue.

use crate::der::{implicit_primitive, null, oid, seq};
use rcgen::{
    BasicConstraints, CertificateParams, CustomExtension, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose, PKCS_ED25519, SerialNumber,
};
use time::OffsetDateTime;
use time::macros::datetime;

/// What to put in a certificate. Fields not set take the defaults of [`CertSpec::new`].
#[derive(Clone, Debug)]
pub struct CertSpec {
    /// Subject common name.
    pub common_name: String,
    /// Subject organisation, if any.
    pub organization: Option<String>,
    /// Subject country, if any.
    pub country: Option<String>,
    /// Subject state or province, if any.
    pub state: Option<String>,
    /// Serial number bytes (big-endian, as DER content).
    pub serial: Vec<u8>,
    /// Start of validity.
    pub not_before: OffsetDateTime,
    /// End of validity.
    pub not_after: OffsetDateTime,
    /// AIA OCSP responder URL.
    pub ocsp_url: Option<String>,
    /// Extended key usages.
    pub purposes: Vec<ExtendedKeyUsagePurpose>,
    /// Add id-pkix-ocsp-nocheck (for delegated responders).
    pub ocsp_no_check: bool,
    /// Derive the key from this name instead of the common name (same name: same key).
    pub key_name: Option<String>,
    /// basicConstraints: `None` leaves it out; `Some(None)` CA without a path length;
    /// `Some(Some(n))` CA with pathLenConstraint n. CAs made by [`Authority`] set it themselves.
    pub ca: Option<Option<u8>>,
    /// keyUsage bits; `None` uses the default of the certificate's role.
    pub key_usages: Option<Vec<KeyUsagePurpose>>,
    /// DNS subjectAltNames.
    pub dns_names: Vec<String>,
    /// Permitted DNS subtrees (nameConstraints), for CAs.
    pub permitted_dns: Vec<String>,
    /// nameConstraints in full, for CAs (overrides `permitted_dns`).
    pub name_constraints: Option<rcgen::NameConstraints>,
    /// Extra extensions: OID arcs, extnValue content, critical.
    pub extra: Vec<(Vec<u64>, Vec<u8>, bool)>,
}

impl CertSpec {
    /// A spec with fixed, readable defaults: serial 01, valid 2025-01-01 to 2035-01-01.
    pub fn new(common_name: &str) -> Self {
        Self {
            common_name: common_name.to_owned(),
            organization: None,
            country: None,
            state: None,
            serial: vec![0x01],
            not_before: datetime!(2025-01-01 00:00:00 UTC),
            not_after: datetime!(2035-01-01 00:00:00 UTC),
            ocsp_url: None,
            purposes: Vec::new(),
            ocsp_no_check: false,
            key_name: None,
            ca: None,
            key_usages: None,
            dns_names: Vec::new(),
            permitted_dns: Vec::new(),
            name_constraints: None,
            extra: Vec::new(),
        }
    }

    /// Uses the key derived from `name` (two specs with the same key name share a key).
    pub fn key_name(mut self, name: &str) -> Self {
        self.key_name = Some(name.to_owned());
        self
    }

    /// Adds DNS subjectAltNames.
    pub fn dns(mut self, names: &[&str]) -> Self {
        self.dns_names = names.iter().map(|n| (*n).to_owned()).collect();
        self
    }

    fn key(&self) -> KeyPair {
        key_for(self.key_name.as_deref().unwrap_or(&self.common_name))
    }

    /// Adds an AIA extension naming this OCSP responder.
    pub fn ocsp_url(mut self, url: &str) -> Self {
        self.ocsp_url = Some(url.to_owned());
        self
    }

    /// Marks the certificate for TLS server and client authentication (a queue manager's or
    /// MQ client's certificate).
    pub fn tls(mut self) -> Self {
        self.purposes = vec![
            ExtendedKeyUsagePurpose::ServerAuth,
            ExtendedKeyUsagePurpose::ClientAuth,
        ];
        self
    }

    /// Makes this a delegated OCSP responder: id-kp-OCSPSigning and, optionally, ocsp-nocheck.
    pub fn ocsp_signing(mut self, no_check: bool) -> Self {
        self.purposes = vec![ExtendedKeyUsagePurpose::OcspSigning];
        self.ocsp_no_check = no_check;
        self
    }

    /// Sets the organisation.
    pub fn organization(mut self, organization: &str) -> Self {
        self.organization = Some(organization.to_owned());
        self
    }

    /// Sets the country.
    pub fn country(mut self, country: &str) -> Self {
        self.country = Some(country.to_owned());
        self
    }

    /// Sets the state or province.
    pub fn state(mut self, state: &str) -> Self {
        self.state = Some(state.to_owned());
        self
    }

    /// Sets the serial number.
    pub fn serial(mut self, serial: &[u8]) -> Self {
        self.serial = serial.to_vec();
        self
    }

    /// Sets the validity period.
    pub fn validity(mut self, not_before: OffsetDateTime, not_after: OffsetDateTime) -> Self {
        self.not_before = not_before;
        self.not_after = not_after;
        self
    }

    fn params(&self) -> CertificateParams {
        let mut params = CertificateParams::default();
        params.distinguished_name = DistinguishedName::new();
        if let Some(country) = &self.country {
            params
                .distinguished_name
                .push(DnType::CountryName, country.as_str());
        }
        if let Some(state) = &self.state {
            params
                .distinguished_name
                .push(DnType::StateOrProvinceName, state.as_str());
        }
        if let Some(organization) = &self.organization {
            params
                .distinguished_name
                .push(DnType::OrganizationName, organization.as_str());
        }
        params
            .distinguished_name
            .push(DnType::CommonName, self.common_name.as_str());
        params.serial_number = Some(SerialNumber::from_slice(&self.serial));
        params.not_before = self.not_before;
        params.not_after = self.not_after;
        // Real CAs (openssl's defaults, enterprise CAs) name the issuer's key; path building uses it.
        params.use_authority_key_identifier_extension = true;
        params.extended_key_usages = self.purposes.clone();
        params.is_ca = match self.ca {
            None => IsCa::NoCa,
            Some(None) => IsCa::Ca(BasicConstraints::Unconstrained),
            Some(Some(len)) => IsCa::Ca(BasicConstraints::Constrained(len)),
        };
        if let Some(usages) = &self.key_usages {
            params.key_usages = usages.clone();
        }
        params.subject_alt_names = self
            .dns_names
            .iter()
            .filter_map(|n| {
                rcgen::string::Ia5String::try_from(n.as_str())
                    .ok()
                    .map(rcgen::SanType::DnsName)
            })
            .collect();
        if let Some(constraints) = &self.name_constraints {
            params.name_constraints = Some(constraints.clone());
        } else if !self.permitted_dns.is_empty() {
            params.name_constraints = Some(rcgen::NameConstraints {
                permitted_subtrees: self
                    .permitted_dns
                    .iter()
                    .map(|d| rcgen::GeneralSubtree::DnsName(d.clone()))
                    .collect(),
                excluded_subtrees: Vec::new(),
            });
        }
        for (arcs, content, critical) in &self.extra {
            let mut extension = CustomExtension::from_oid_content(arcs, content.clone());
            extension.set_criticality(*critical);
            params.custom_extensions.push(extension);
        }
        if let Some(url) = &self.ocsp_url {
            let access = seq(&[
                oid("1.3.6.1.5.5.7.48.1"),
                implicit_primitive(6, url.as_bytes()),
            ]);
            params
                .custom_extensions
                .push(CustomExtension::from_oid_content(
                    &[1, 3, 6, 1, 5, 5, 7, 1, 1],
                    seq(&[access]),
                ));
        }
        if self.ocsp_no_check {
            params
                .custom_extensions
                .push(CustomExtension::from_oid_content(
                    &[1, 3, 6, 1, 5, 5, 7, 48, 1, 5],
                    null(),
                ));
        }
        params
    }
}

/// A certificate with its key.
#[derive(Debug)]
pub struct Issued {
    /// The certificate, DER.
    pub der: Vec<u8>,
    /// The certificate, PEM.
    pub pem: String,
    /// Its key pair.
    pub key: KeyPair,
}

/// A certificate authority that issues certificates.
#[derive(Debug)]
pub struct Authority {
    /// The CA's own certificate.
    pub certificate: Issued,
    issuer: Issuer<'static, KeyPair>,
}

/// An Ed25519 key derived from `name`: the same name always gives the same key, and Ed25519
/// signatures are deterministic, so certificates made here are byte-for-byte reproducible and
/// can back golden files.
pub fn key_for(name: &str) -> KeyPair {
    // PKCS #8 v1 wrapping of an Ed25519 seed (RFC 8410 §7): a fixed 16-byte prefix, then the seed.
    const PREFIX: [u8; 16] = [
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
        0x20,
    ];
    let seed = ring::digest::digest(&ring::digest::SHA256, name.as_bytes());
    let mut pkcs8 = PREFIX.to_vec();
    pkcs8.extend_from_slice(seed.as_ref());
    let der = rustls_pki_types::PrivatePkcs8KeyDer::from(pkcs8);
    KeyPair::from_pkcs8_der_and_sign_algo(&der, &PKCS_ED25519)
        .unwrap_or_else(|error| panic!("making the test key for {name}: {error}"))
}

fn finish(certificate: rcgen::Certificate, key: KeyPair) -> Issued {
    Issued {
        der: certificate.der().to_vec(),
        pem: certificate.pem(),
        key,
    }
}

impl Authority {
    /// A self-signed root CA.
    pub fn root(spec: &CertSpec) -> Self {
        let params = Self::ca_params(spec);
        let key = spec.key();
        let certificate = params
            .self_signed(&key)
            .unwrap_or_else(|error| panic!("self-signing {}: {error}", spec.common_name));
        Self {
            certificate: finish(certificate, key),
            issuer: Issuer::new(params, spec.key()),
        }
    }

    fn ca_params(spec: &CertSpec) -> CertificateParams {
        let mut params = spec.params();
        if spec.ca.is_none() {
            params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        }
        if spec.key_usages.is_none() {
            params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        }
        params
    }

    /// An intermediate CA issued by this CA.
    pub fn intermediate(&self, spec: &CertSpec) -> Self {
        let params = Self::ca_params(spec);
        let key = spec.key();
        let certificate = params
            .signed_by(&key, &self.issuer)
            .unwrap_or_else(|error| panic!("issuing {}: {error}", spec.common_name));
        Self {
            certificate: finish(certificate, key),
            issuer: Issuer::new(params, spec.key()),
        }
    }

    /// An end-entity certificate issued by this CA.
    pub fn issue(&self, spec: &CertSpec) -> Issued {
        let key = spec.key();
        let certificate = spec
            .params()
            .signed_by(&key, &self.issuer)
            .unwrap_or_else(|error| panic!("issuing {}: {error}", spec.common_name));
        finish(certificate, key)
    }
}

/// A self-signed end-entity certificate, the simplest thing a user pastes.
pub fn self_signed(spec: &CertSpec) -> Issued {
    let key = spec.key();
    let certificate = spec
        .params()
        .self_signed(&key)
        .unwrap_or_else(|error| panic!("self-signing {}: {error}", spec.common_name));
    finish(certificate, key)
}
