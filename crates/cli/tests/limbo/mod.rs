//! The limbo-shaped cases: limbo's builder defaults, the case model, and one module per rule
//! family. Shared by `limbo_families.rs`.

mod build;
mod crl;
mod names;
mod paths;
mod profile;
mod webpki;

pub(crate) use build::{concat, make, make_crl, openssl};

/// limbo's `root_ca()`: cA critical, keyUsage keyCertSign (non-critical), a SAN, an SKI, no AKI.
pub(crate) const ROOT: &[&str] = &[
    "basicConstraints=critical,CA:TRUE",
    "keyUsage=keyCertSign",
    "subjectAltName=DNS:example.com",
    "subjectKeyIdentifier=hash",
];
/// limbo's `intermediate_ca()`: as the root, with an AKI.
pub(crate) const ICA: &[&str] = &[
    "basicConstraints=critical,CA:TRUE",
    "keyUsage=keyCertSign",
    "subjectAltName=DNS:example.com",
    "subjectKeyIdentifier=hash",
    "authorityKeyIdentifier=keyid",
];
/// limbo's `leaf_cert()`: SKI, AKI, keyUsage digitalSignature and EKU serverAuth (non-critical),
/// SAN example.com, no basicConstraints, subject CN=example.com.
pub(crate) const LEAF: &[&str] = &[
    "subjectKeyIdentifier=hash",
    "authorityKeyIdentifier=keyid",
    "keyUsage=digitalSignature",
    "extendedKeyUsage=serverAuth",
    "subjectAltName=DNS:example.com",
];

/// A certificate to make: `issuer` names an earlier certificate of the case (its subject and
/// key sign), `None` makes it self-signed.
#[derive(Clone)]
pub(crate) struct Cert {
    pub(crate) name: &'static str,
    pub(crate) subject: &'static str,
    pub(crate) issuer: Option<&'static str>,
    /// The role's default extension lines with `key=value` overrides (`key=` removes one);
    /// `None`: no extensions at all (openssl 3.0 then writes a version 1 certificate).
    pub(crate) ext: Option<String>,
    pub(crate) serial: &'static str,
    /// `ec` (P-256), `rsa:BITS`, or `same:NAME` to reuse an earlier certificate's key.
    pub(crate) key: &'static str,
    pub(crate) days: u32,
}

pub(crate) fn merge(defaults: &[&str], overrides: &[&str]) -> String {
    let mut lines: Vec<(String, String)> = defaults
        .iter()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    for line in overrides {
        let (key, value) = line.split_once('=').expect("key=value");
        match lines.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value.to_owned(),
            None => lines.push((key.to_owned(), value.to_owned())),
        }
    }
    // A value that opens its own section (`dirName:dn\n[dn]\nCN=foo`) goes last, so that the
    // lines after it stay in [v3].
    lines.sort_by_key(|(_, v)| v.contains("\n["));
    lines
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={v}\n"))
        .collect()
}

pub(crate) fn root(extra: &[&str]) -> Cert {
    Cert {
        name: "root",
        subject: "/CN=x509-limbo-root",
        issuer: None,
        ext: Some(merge(ROOT, extra)),
        serial: "1",
        key: "ec",
        days: 3650,
    }
}

pub(crate) fn ica(
    name: &'static str,
    subject: &'static str,
    parent: &'static str,
    extra: &[&str],
) -> Cert {
    Cert {
        name,
        subject,
        issuer: Some(parent),
        ext: Some(merge(ICA, extra)),
        serial: "2",
        key: "ec",
        days: 3650,
    }
}

pub(crate) fn leaf(parent: &'static str, extra: &[&str]) -> Cert {
    Cert {
        name: "leaf",
        subject: "/CN=example.com",
        issuer: Some(parent),
        ext: Some(merge(LEAF, extra)),
        serial: "4660",
        key: "ec",
        days: 3650,
    }
}

/// A CRL signed by `signer`, listing `revoked` (`leaf` or a hex serial).
pub(crate) struct Crl {
    pub(crate) signer: &'static str,
    pub(crate) revoked: &'static [&'static str],
    /// The CRLNumber extension: `Some(false)` non-critical (as `openssl ca` writes it),
    /// `Some(true)` critical, `None` absent.
    pub(crate) number: Option<bool>,
    /// More `crl_extensions` lines (`openssl ca` config syntax).
    pub(crate) extra: &'static str,
    /// How many more made-up serials to list (limbo's crl-very-large lists 10,000).
    pub(crate) filler: usize,
}

impl Crl {
    pub(crate) const fn of(signer: &'static str, revoked: &'static [&'static str]) -> Self {
        Self {
            signer,
            revoked,
            number: Some(false),
            extra: "",
            filler: 0,
        }
    }
}

/// limbo's `validation_time`.
#[derive(Clone, Copy)]
pub(crate) enum At {
    /// Days after now.
    DaysLater(i64),
    /// Milliseconds after the leaf's notBefore (negative: before).
    LeafNotBefore(i64),
    /// Milliseconds after the leaf's notAfter.
    LeafNotAfter(i64),
}

pub(crate) struct Case {
    pub(crate) name: &'static str,
    pub(crate) certs: Vec<Cert>,
    pub(crate) trusted: &'static [&'static str],
    pub(crate) untrusted: &'static [&'static str],
    /// limbo's `expected_peer_name` (DNS or IP); its default is DNS example.com.
    pub(crate) peer: Option<&'static str>,
    /// limbo's `extended_key_usage`: server, client or any.
    pub(crate) purpose: &'static str,
    /// The validation time.
    pub(crate) at: At,
    pub(crate) max_depth: Option<u32>,
    pub(crate) crls: Vec<Crl>,
    pub(crate) valid: bool,
    /// When `openssl verify -x509_strict` gives the other verdict: why mqocsp keeps its own.
    pub(crate) openssl_differs: Option<&'static str>,
}

pub(crate) fn case(name: &'static str, certs: Vec<Cert>, valid: bool) -> Case {
    Case {
        name,
        certs,
        trusted: &["root"],
        untrusted: &[],
        peer: Some("example.com"),
        purpose: "server",
        at: At::DaysLater(0),
        max_depth: None,
        crls: Vec::new(),
        valid,
        openssl_differs: None,
    }
}

pub(crate) fn with_ica(name: &'static str, ica_extra: &[&str], valid: bool) -> Case {
    Case {
        untrusted: &["ica"],
        ..case(
            name,
            vec![
                root(&[]),
                ica("ica", "/CN=x509-limbo-intermediate/OU=1", "root", ica_extra),
                leaf("ica", &[]),
            ],
            valid,
        )
    }
}

pub(crate) const TLS_SERVER_EKU: &str = "openssl -purpose sslserver only asks for serverAuth (or anyExtendedKeyUsage) and ignores criticality; CA/B Forum BR §7.1.2.7.6 and §7.1.2.7.10 forbid a critical extKeyUsage, anyExtendedKeyUsage and the code-signing, e-mail, time-stamping, OCSP-signing and precertificate purposes in a TLS server certificate";

pub(crate) const WILDCARD_AGAINST_SUBTREE: &str = "openssl 3.0 compares a wildcard SAN with name constraints as a literal name; *.example.com can stand for the excluded bar.example.com (CVE-2025-61727)";

pub(crate) const CN_NOT_COMPARED: &str = "openssl does not compare the subject CN with the SAN; CA/B Forum BR §7.1.4.3 wants it to be a character-for-character copy of a SAN value";

/// Every case, family by family.
pub(crate) fn cases() -> Vec<Case> {
    let mut all = profile::cases();
    all.extend(webpki::cases());
    all.extend(paths::cases());
    all.extend(names::cases());
    all.extend(crl::cases());
    all
}
