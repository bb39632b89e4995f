//! `mqocsp verify-chain` (rfc5280 profile) against `openssl verify -x509_strict` on chains shaped
//! like the x509-limbo path-validation suite's (C2SP/x509-limbo: its `Builder` defaults, its
//! harness inputs and its rule families), generated here with the real `openssl`.
//!
//! A limbo testcase gives `trusted_certs`, `untrusted_intermediates`, `peer_certificate`,
//! `validation_time`, `expected_peer_name`, `extended_key_usage`, `max_chain_depth`, `crls` and
//! `expected_result`; each maps onto one `verify-chain` flag (see [`Case::mqocsp_args`]) and onto
//! the options limbo's own openssl harness sets (`-x509_strict`, `-partial_chain`,
//! `-auth_level 2`, `-verify_hostname`, `-verify_depth`, `-crl_check_all`). Every case states the
//! verdict RFC 5280 (or, where it says, the CA/B Forum Baseline Requirements) asks for; mqocsp
//! must give it, and openssl must too unless the case names why it does not.

use mqocsp_testkit::scratch::ScratchDir;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

/// limbo's `root_ca()`: cA critical, keyUsage keyCertSign (non-critical), a SAN, an SKI, no AKI.
const ROOT: &[&str] = &[
    "basicConstraints=critical,CA:TRUE",
    "keyUsage=keyCertSign",
    "subjectAltName=DNS:example.com",
    "subjectKeyIdentifier=hash",
];
/// limbo's `intermediate_ca()`: as the root, with an AKI.
const ICA: &[&str] = &[
    "basicConstraints=critical,CA:TRUE",
    "keyUsage=keyCertSign",
    "subjectAltName=DNS:example.com",
    "subjectKeyIdentifier=hash",
    "authorityKeyIdentifier=keyid",
];
/// limbo's `leaf_cert()`: SKI, AKI, keyUsage digitalSignature and EKU serverAuth (non-critical),
/// SAN example.com, no basicConstraints, subject CN=example.com.
const LEAF: &[&str] = &[
    "subjectKeyIdentifier=hash",
    "authorityKeyIdentifier=keyid",
    "keyUsage=digitalSignature",
    "extendedKeyUsage=serverAuth",
    "subjectAltName=DNS:example.com",
];

/// A certificate to make: `issuer` names an earlier certificate of the case (its subject and
/// key sign), `None` makes it self-signed.
#[derive(Clone)]
struct Cert {
    name: &'static str,
    subject: &'static str,
    issuer: Option<&'static str>,
    /// The role's default extension lines with `key=value` overrides (`key=` removes one);
    /// `None`: no extensions at all (openssl 3.0 then writes a version 1 certificate).
    ext: Option<String>,
    serial: &'static str,
    /// `ec` (P-256), `rsa:BITS`, or `same:NAME` to reuse an earlier certificate's key.
    key: &'static str,
    days: u32,
}

fn merge(defaults: &[&str], overrides: &[&str]) -> String {
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

fn root(extra: &[&str]) -> Cert {
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

fn ica(name: &'static str, subject: &'static str, parent: &'static str, extra: &[&str]) -> Cert {
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

fn leaf(parent: &'static str, extra: &[&str]) -> Cert {
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
struct Crl {
    signer: &'static str,
    revoked: &'static [&'static str],
    /// The CRLNumber extension: `Some(false)` non-critical (as `openssl ca` writes it),
    /// `Some(true)` critical, `None` absent.
    number: Option<bool>,
    /// More `crl_extensions` lines (`openssl ca` config syntax).
    extra: &'static str,
    /// How many more made-up serials to list (limbo's crl-very-large lists 10,000).
    filler: usize,
}

impl Crl {
    const fn of(signer: &'static str, revoked: &'static [&'static str]) -> Self {
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
enum At {
    /// Days after now.
    DaysLater(i64),
    /// Milliseconds after the leaf's notBefore (negative: before).
    LeafNotBefore(i64),
    /// Milliseconds after the leaf's notAfter.
    LeafNotAfter(i64),
}

struct Case {
    name: &'static str,
    certs: Vec<Cert>,
    trusted: &'static [&'static str],
    untrusted: &'static [&'static str],
    /// limbo's `expected_peer_name` (DNS or IP); its default is DNS example.com.
    peer: Option<&'static str>,
    /// limbo's `extended_key_usage`: server, client or any.
    purpose: &'static str,
    /// The validation time.
    at: At,
    max_depth: Option<u32>,
    crls: Vec<Crl>,
    valid: bool,
    /// When `openssl verify -x509_strict` gives the other verdict: why mqocsp keeps its own.
    openssl_differs: Option<&'static str>,
}

fn case(name: &'static str, certs: Vec<Cert>, valid: bool) -> Case {
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

fn with_ica(name: &'static str, ica_extra: &[&str], valid: bool) -> Case {
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

const TLS_SERVER_EKU: &str = "openssl -purpose sslserver only asks for serverAuth (or anyExtendedKeyUsage) and ignores criticality; CA/B Forum BR §7.1.2.7.6 and §7.1.2.7.10 forbid a critical extKeyUsage, anyExtendedKeyUsage and the code-signing, e-mail, time-stamping, OCSP-signing and precertificate purposes in a TLS server certificate";

const WILDCARD_AGAINST_SUBTREE: &str = "openssl 3.0 compares a wildcard SAN with name constraints as a literal name; *.example.com can stand for the excluded bar.example.com (CVE-2025-61727)";

const CN_NOT_COMPARED: &str = "openssl does not compare the subject CN with the SAN; CA/B Forum BR §7.1.4.3 wants it to be a character-for-character copy of a SAN value";

fn cases() -> Vec<Case> {
    let mut all = vec![
        // basic
        case("basic_root_ee", vec![root(&[]), leaf("root", &[])], true),
        with_ica("basic_root_ica_ee", &[], true),
        // rfc5280: unknown critical extensions, wherever they are.
        case(
            "unknown_critical_extension_ee",
            vec![
                root(&[]),
                leaf("root", &["1.3.6.1.4.1.55738.666.1=critical,DER:05:00"]),
            ],
            false,
        ),
        case(
            "unknown_critical_extension_root",
            vec![
                root(&["1.3.6.1.4.1.55738.666.1=critical,DER:05:00"]),
                leaf("root", &[]),
            ],
            false,
        ),
        with_ica(
            "unknown_critical_extension_intermediate",
            &["1.3.6.1.4.1.55738.666.1=critical,DER:05:00"],
            false,
        ),
        case(
            "unknown_noncritical_extension_ee",
            vec![
                root(&[]),
                leaf("root", &["1.3.6.1.4.1.55738.666.1=DER:05:00"]),
            ],
            true,
        ),
        // rfc5280: basic constraints and key usage of CAs.
        with_ica(
            "intermediate_ca_without_ca_bit",
            &["basicConstraints=critical,CA:FALSE"],
            false,
        ),
        with_ica(
            "intermediate_ca_missing_basic_constraints",
            &["basicConstraints="],
            false,
        ),
        case(
            "root_missing_basic_constraints",
            vec![root(&["basicConstraints="]), leaf("root", &[])],
            false,
        ),
        case(
            "root_non_critical_basic_constraints",
            vec![root(&["basicConstraints=CA:TRUE"]), leaf("root", &[])],
            false,
        ),
        case(
            "root_inconsistent_ca_extensions",
            vec![root(&["keyUsage=digitalSignature"]), leaf("root", &[])],
            false,
        ),
        with_ica(
            "ica_ku_without_keycertsign",
            &[
                "basicConstraints=critical,CA:TRUE,pathlen:0",
                "keyUsage=digitalSignature",
            ],
            false,
        ),
        case(
            "leaf_ku_keycertsign",
            vec![
                root(&[]),
                leaf(
                    "root",
                    &[
                        "basicConstraints=critical,CA:FALSE",
                        "keyUsage=digitalSignature,keyCertSign",
                    ],
                ),
            ],
            false,
        ),
        case(
            "no_keyusage",
            vec![root(&[]), leaf("root", &["keyUsage="])],
            true,
        ),
        case(
            "ee_aia",
            vec![
                root(&[]),
                leaf(
                    "root",
                    &["authorityInfoAccess=caIssuers;URI:http://example.com/ca.crt"],
                ),
            ],
            true,
        ),
        case(
            "ee_critical_aia_invalid",
            vec![
                root(&[]),
                leaf(
                    "root",
                    &["authorityInfoAccess=critical,caIssuers;URI:http://example.com/ca.crt"],
                ),
            ],
            false,
        ),
        case(
            "ee_pathlen",
            vec![
                root(&[]),
                leaf("root", &["basicConstraints=critical,CA:FALSE,pathlen:0"]),
            ],
            false,
        ),
        Case {
            certs: vec![
                Cert {
                    subject: "/",
                    ..root(&[])
                },
                leaf("root", &[]),
            ],
            ..case("ca_empty_subject", Vec::new(), false)
        },
        // rfc5280: AKI and SKI.
        case(
            "ee_missing_aki",
            vec![root(&[]), leaf("root", &["authorityKeyIdentifier=none"])],
            false,
        ),
        case(
            "ee_critical_aki",
            vec![
                root(&[]),
                leaf("root", &["authorityKeyIdentifier=critical,keyid"]),
            ],
            false,
        ),
        // RFC 5280 §4.2.1.2: only SHOULD for end-entity certificates (MUST for CAs).
        case(
            "ee_missing_ski",
            vec![root(&[]), leaf("root", &["subjectKeyIdentifier=none"])],
            true,
        ),
        case(
            "root_missing_ski",
            vec![
                root(&["subjectKeyIdentifier=none"]),
                leaf("root", &["authorityKeyIdentifier=issuer"]),
            ],
            false,
        ),
        Case {
            certs: vec![
                root(&[]),
                ica(
                    "ica",
                    "/CN=x509-limbo-intermediate/OU=1",
                    "root",
                    &["subjectKeyIdentifier=none"],
                ),
                // No keyid to copy: the AKI names the issuer's issuer and serial instead.
                leaf("ica", &["authorityKeyIdentifier=issuer"]),
            ],
            ..with_ica("intermediate_missing_ski", &[], false)
        },
        case(
            "root_with_aki",
            vec![root(&["authorityKeyIdentifier=keyid"]), leaf("root", &[])],
            true,
        ),
        // rfc5280::aki and webpki::aki.
        case(
            "critical_aki_on_root",
            vec![
                root(&["authorityKeyIdentifier=critical,keyid:always"]),
                leaf("root", &[]),
            ],
            false,
        ),
        Case {
            untrusted: &["ica"],
            ..case(
                "intermediate_missing_aki",
                vec![
                    root(&[]),
                    ica(
                        "ica",
                        "/CN=x509-limbo-intermediate/OU=1",
                        "root",
                        &[
                            "authorityKeyIdentifier=none",
                            "basicConstraints=critical,CA:TRUE,pathlen:0",
                        ],
                    ),
                    leaf("ica", &[]),
                ],
                false,
            )
        },
        Case {
            trusted: &["xroot"],
            openssl_differs: Some(
                "openssl 3.0 does not check the authorityKeyIdentifier of a trust anchor that is not self-signed; RFC 5280 §4.2.1.1 exempts only self-signed certificates (limbo: pedantic)",
            ),
            ..case(
                "cross_signed_root_missing_aki",
                vec![
                    root(&[]),
                    ica(
                        "xroot",
                        "/CN=x509-limbo-cross-signed-root",
                        "root",
                        &[
                            "authorityKeyIdentifier=none",
                            "basicConstraints=critical,CA:TRUE,pathlen:0",
                        ],
                    ),
                    leaf("xroot", &[]),
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(
                "openssl 3.0 does not look at a trust anchor's authorityKeyIdentifier fields; CA/B Forum BR §7.1.2.1.3 allows a root only keyIdentifier",
            ),
            ..case(
                "root_with_aki_all_fields",
                vec![
                    root(&["authorityKeyIdentifier=keyid:always,issuer:always"]),
                    leaf("root", &[]),
                ],
                false,
            )
        },
        // rfc5280: serial numbers.
        Case {
            openssl_differs: Some(
                "openssl 3.0 does not check serial numbers; RFC 5280 §4.1.2.2 requires a positive one",
            ),
            ..case(
                "serial_zero",
                vec![
                    root(&[]),
                    Cert {
                        serial: "0",
                        ..leaf("root", &[])
                    },
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(
                "openssl 3.0 does not check serial lengths; RFC 5280 §4.1.2.2 allows at most 20 octets",
            ),
            ..case(
                "serial_too_long",
                vec![
                    root(&[]),
                    Cert {
                        serial: "0x0102030405060708090a0b0c0d0e0f101112131415",
                        ..leaf("root", &[])
                    },
                ],
                false,
            )
        },
        case(
            "serial_20_octets",
            vec![
                root(&[]),
                Cert {
                    serial: "0x7102030405060708090a0b0c0d0e0f1011121314",
                    ..leaf("root", &[])
                },
            ],
            true,
        ),
        // rfc5280: version 1 certificates used as CAs (§6.1.4 (k)).
        case(
            "v1_intermediate",
            vec![
                root(&[]),
                Cert {
                    ext: None,
                    ..ica("ica", "/CN=x509-limbo-v1-intermediate", "root", &[])
                },
                leaf("ica", &["authorityKeyIdentifier=none"]),
            ],
            false,
        ),
        // rfc5280 / webpki: subject alternative names and the peer name (RFC 9525 §6.3: no CN
        // fallback when a SAN is there; none at all in the strict profile).
        case(
            "san_mismatch",
            vec![
                root(&[]),
                leaf("root", &["subjectAltName=DNS:other.example"]),
            ],
            false,
        ),
        Case {
            openssl_differs: Some(
                "openssl falls back to the subject CN when there is no DNS SAN (limbo's harness does not set X509_CHECK_FLAG_NEVER_CHECK_SUBJECT); RFC 9525 §6.3 and CA/B Forum BR §7.1.2.7.12 leave only the SAN",
            ),
            ..case(
                "no_san_cn_only",
                vec![root(&[]), leaf("root", &["subjectAltName="])],
                false,
            )
        },
        Case {
            peer: Some("foo.example.com"),
            ..case(
                "wildcard_san_matches_one_label",
                vec![
                    root(&[]),
                    leaf("root", &["subjectAltName=DNS:*.example.com"]),
                ],
                true,
            )
        },
        Case {
            peer: Some("bar.foo.example.com"),
            ..case(
                "wildcard_san_not_two_labels",
                vec![
                    root(&[]),
                    leaf("root", &["subjectAltName=DNS:*.example.com"]),
                ],
                false,
            )
        },
        Case {
            peer: Some("example.com"),
            ..case(
                "wildcard_san_not_the_parent",
                vec![
                    root(&[]),
                    leaf("root", &["subjectAltName=DNS:*.example.com"]),
                ],
                false,
            )
        },
        Case {
            peer: Some("fooexample.com"),
            ..case(
                "partial_wildcard_rejected",
                vec![root(&[]), leaf("root", &["subjectAltName=DNS:foo*.com"])],
                false,
            )
        },
        Case {
            peer: Some("EXAMPLE.com"),
            ..case(
                "peer_name_case_insensitive",
                vec![root(&[]), leaf("root", &[])],
                true,
            )
        },
        Case {
            peer: Some("192.0.2.1"),
            ..case(
                "ip_san_matches",
                vec![root(&[]), leaf("root", &["subjectAltName=IP:192.0.2.1"])],
                true,
            )
        },
        Case {
            peer: Some("192.0.2.2"),
            ..case(
                "ip_san_mismatch",
                vec![root(&[]), leaf("root", &["subjectAltName=IP:192.0.2.1"])],
                false,
            )
        },
        Case {
            peer: Some("192.0.2.1"),
            ..case(
                "ip_peer_not_matched_by_dns_san",
                vec![root(&[]), leaf("root", &["subjectAltName=DNS:192.0.2.1"])],
                false,
            )
        },
        Case {
            peer: Some("2001:db8::1"),
            ..case(
                "ipv6_san_matches_any_spelling",
                vec![
                    root(&[]),
                    leaf("root", &["subjectAltName=IP:2001:0db8:0:0:0:0:0:1"]),
                ],
                true,
            )
        },
        Case {
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/",
                    ..leaf("root", &["subjectAltName=critical,DNS:example.com"])
                },
            ],
            ..case("empty_subject_critical_san", Vec::new(), true)
        },
        Case {
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/",
                    ..leaf("root", &[])
                },
            ],
            ..case("empty_subject_noncritical_san", Vec::new(), false)
        },
        // webpki (CA/B Forum BR): wildcard forms, AIA, SAN criticality, keys, versions.
        // CA/B Forum BR §3.2.2.6: no wildcard over a public suffix.
        case(
            "public_suffix_wildcard_san",
            vec![root(&[]), leaf("root", &["subjectAltName=DNS:*.com"])],
            false,
        ),
        Case {
            peer: Some("baz.example.com"),
            openssl_differs: Some(
                "openssl verify lets ba* match baz; limbo's openssl harness sets X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, which the command line cannot, and CA/B Forum BR §1.6.1 (Wildcard Domain Name) allows only a whole leftmost *",
            ),
            ..case(
                "wildcard_embedded_leftmost_san",
                vec![
                    root(&[]),
                    leaf("root", &["subjectAltName=DNS:ba*.example.com"]),
                ],
                false,
            )
        },
        Case {
            peer: Some("foo.bar.example.com"),
            ..case(
                "wildcard_not_in_leftmost_san",
                vec![
                    root(&[]),
                    leaf("root", &["subjectAltName=DNS:foo.*.example.com"]),
                ],
                false,
            )
        },
        Case {
            peer: Some("xn--bliss-1b3c148a.example.com"),
            ..case(
                "wildcard_embedded_ulabel_san",
                vec![
                    root(&[]),
                    leaf("root", &["subjectAltName=DNS:xn--*-1b3c148a.example.com"]),
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(
                "openssl 3.0 does not decode a non-critical AIA while verifying; RFC 5280 §4.2.2.1 defines it as a SEQUENCE OF AccessDescription and CA/B Forum BR §7.1.2.7.7 wants at least one",
            ),
            ..case(
                "malformed_aia",
                vec![
                    root(&[]),
                    leaf(
                        "root",
                        &["authorityInfoAccess=DER:6d:61:6c:66:6f:72:6d:65:64"],
                    ),
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(
                "openssl 3.0 does not check SAN criticality; CA/B Forum BR §7.1.2.7.12 says a SAN MUST NOT be critical when the subject is not empty",
            ),
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/CN=something-else",
                    ..leaf("root", &["subjectAltName=critical,DNS:example.com"])
                },
            ],
            ..case("san_critical_with_nonempty_subject", Vec::new(), false)
        },
        case(
            "forbidden_p192_spki_leaf",
            vec![
                root(&[]),
                Cert {
                    key: "ec:prime192v1",
                    ..leaf("root", &[])
                },
            ],
            false,
        ),
        Case {
            openssl_differs: Some(
                "openssl 3.0 at auth level 2 accepts a 2048-bit DSA key; CA/B Forum BR §6.1.5 allows only RSA and ECDSA P-256/P-384/P-521",
            ),
            ..case(
                "forbidden_dsa_spki_leaf",
                vec![
                    root(&[]),
                    Cert {
                        key: "dsa:2048",
                        ..leaf("root", &[])
                    },
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(
                "openssl 3.0 at auth level 2 accepts a 2048-bit DSA key; CA/B Forum BR §6.1.5 allows only RSA and ECDSA P-256/P-384/P-521",
            ),
            ..case(
                "forbidden_dsa_root",
                vec![
                    root(&[]),
                    Cert {
                        key: "dsa:2048",
                        ..root(&[])
                    },
                    leaf("root", &[]),
                ]
                .into_iter()
                .skip(1)
                .collect(),
                false,
            )
        },
        Case {
            openssl_differs: Some(
                "openssl falls back to the CN of a version 1 certificate; CA/B Forum BR §7.1.1 wants version 3 and RFC 9525 §6.3 a SAN",
            ),
            ..case(
                "v1_leaf",
                vec![
                    root(&[]),
                    Cert {
                        ext: None,
                        ..leaf("root", &[])
                    },
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(
                "openssl 3.0 accepts an end-entity certificate that says cA=TRUE; CA/B Forum BR §7.1.2.7.8 says cA MUST be FALSE",
            ),
            ..case(
                "ee_basicconstraints_ca",
                vec![
                    root(&[]),
                    leaf("root", &["basicConstraints=critical,CA:TRUE"]),
                ],
                false,
            )
        },
        // webpki::cn: a subject CN must be a canonical copy of a SAN value (CA/B Forum BR
        // §7.1.4.3); openssl never compares the two when the SAN answers the peer name.
        Case {
            peer: Some("192.168.1.1"),
            openssl_differs: Some(CN_NOT_COMPARED),
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/CN=0xC0A80101",
                    ..leaf("root", &["subjectAltName=IP:192.168.1.1"])
                },
            ],
            ..case("cabf_cn_ipv4_hex_mismatch", Vec::new(), false)
        },
        Case {
            peer: Some("192.168.1.1"),
            openssl_differs: Some(CN_NOT_COMPARED),
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/CN=192.168.001.001",
                    ..leaf("root", &["subjectAltName=IP:192.168.1.1"])
                },
            ],
            ..case("cabf_cn_ipv4_leading_zeros_mismatch", Vec::new(), false)
        },
        Case {
            peer: Some("2001:db8::8a2e:370:7334"),
            openssl_differs: Some(CN_NOT_COMPARED),
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/CN=2001:DB8::8A2E:370:7334",
                    ..leaf("root", &["subjectAltName=IP:2001:db8::8a2e:370:7334"])
                },
            ],
            ..case("cabf_cn_ipv6_uppercase_mismatch", Vec::new(), false)
        },
        Case {
            peer: Some("2001:db8::1"),
            openssl_differs: Some(CN_NOT_COMPARED),
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/CN=2001:0db8:0000:0000:0000:0000:0000:0001",
                    ..leaf("root", &["subjectAltName=IP:2001:db8::1"])
                },
            ],
            ..case("cabf_cn_ipv6_uncompressed_mismatch", Vec::new(), false)
        },
        Case {
            peer: Some("2001:db8::1:0:0:1"),
            openssl_differs: Some(CN_NOT_COMPARED),
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/CN=2001:db8:0:0:1:0:0:1",
                    ..leaf("root", &["subjectAltName=IP:2001:db8::1:0:0:1"])
                },
            ],
            ..case("cabf_cn_ipv6_non_rfc5952_mismatch", Vec::new(), false)
        },
        Case {
            peer: Some("xn--n3h.com"),
            // Kept valid: limbo's own defaults put CN=example.com beside other SAN values
            // in cases that must succeed, so only a respelt SAN value fails (the CN is warned of).
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/CN=xn--nxasmq6b.com",
                    ..leaf("root", &["subjectAltName=DNS:xn--n3h.com"])
                },
            ],
            ..case("cabf_cn_punycode_not_in_san", Vec::new(), true)
        },
        Case {
            peer: Some("valid.example.com"),
            // Kept valid: limbo's own defaults put CN=example.com beside other SAN values
            // in cases that must succeed, so only a respelt SAN value fails (the CN is warned of).
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/CN=notinsan.example.com",
                    ..leaf(
                        "root",
                        &["subjectAltName=DNS:valid.example.com,DNS:another.example.com"],
                    )
                },
            ],
            ..case("cabf_cn_not_in_san", Vec::new(), true)
        },
        Case {
            peer: Some("example.com"),
            openssl_differs: Some(CN_NOT_COMPARED),
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/CN=Example.COM",
                    ..leaf("root", &["subjectAltName=DNS:example.com"])
                },
            ],
            ..case("cabf_cn_case_mismatch", Vec::new(), false)
        },
        Case {
            peer: Some("qm1.example.com"),
            certs: vec![
                root(&[]),
                Cert {
                    subject: "/CN=QM1",
                    ..leaf("root", &["subjectAltName=DNS:qm1.example.com"])
                },
            ],
            ..case("cn_queue_manager_name_only_warns", Vec::new(), true)
        },
        // RFC822 peer names (limbo's PeerKind RFC822): the domain is case-insensitive, the local
        // part is not (RFC 5321 §2.4).
        Case {
            peer: Some("user@example.com"),
            ..case(
                "rfc822_peer_matches",
                vec![
                    root(&[]),
                    leaf(
                        "root",
                        &["subjectAltName=DNS:example.com,email:user@Example.COM"],
                    ),
                ],
                true,
            )
        },
        Case {
            peer: Some("User@example.com"),
            ..case(
                "rfc822_peer_local_part_differs",
                vec![
                    root(&[]),
                    leaf(
                        "root",
                        &["subjectAltName=DNS:example.com,email:user@example.com"],
                    ),
                ],
                false,
            )
        },
        // rfc5280 / webpki: extended key usage.
        case(
            "ee_eku_client_only",
            vec![root(&[]), leaf("root", &["extendedKeyUsage=clientAuth"])],
            false,
        ),
        Case {
            purpose: "client",
            ..case(
                "ee_eku_client_for_client",
                vec![root(&[]), leaf("root", &["extendedKeyUsage=clientAuth"])],
                true,
            )
        },
        case(
            "ee_without_eku",
            vec![root(&[]), leaf("root", &["extendedKeyUsage="])],
            true,
        ),
        // webpki::eku (CA/B Forum BR §7.1.2.7.6, §7.1.2.7.10).
        Case {
            openssl_differs: Some(TLS_SERVER_EKU),
            ..case(
                "ee_anyeku",
                vec![
                    root(&[]),
                    leaf("root", &["extendedKeyUsage=serverAuth,anyExtendedKeyUsage"]),
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(TLS_SERVER_EKU),
            ..case(
                "ee_critical_eku",
                vec![
                    root(&[]),
                    leaf("root", &["extendedKeyUsage=critical,serverAuth"]),
                ],
                false,
            )
        },
        Case {
            ..case(
                "ee_precertificate_only",
                vec![
                    root(&[]),
                    leaf("root", &["extendedKeyUsage=1.3.6.1.4.1.11129.2.4.4"]),
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(TLS_SERVER_EKU),
            ..case(
                "ee_precertificate_with_serverauth",
                vec![
                    root(&[]),
                    leaf(
                        "root",
                        &["extendedKeyUsage=serverAuth,1.3.6.1.4.1.11129.2.4.4"],
                    ),
                ],
                false,
            )
        },
        Case {
            ..case(
                "ee_serverauth_with_additional",
                vec![
                    root(&[]),
                    leaf("root", &["extendedKeyUsage=serverAuth,clientAuth"]),
                ],
                true,
            )
        },
        Case {
            openssl_differs: Some(TLS_SERVER_EKU),
            ..case(
                "ee_codesigning_with_serverauth",
                vec![
                    root(&[]),
                    leaf("root", &["extendedKeyUsage=serverAuth,codeSigning"]),
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(TLS_SERVER_EKU),
            ..case(
                "ee_emailprotection_with_serverauth",
                vec![
                    root(&[]),
                    leaf("root", &["extendedKeyUsage=serverAuth,emailProtection"]),
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(TLS_SERVER_EKU),
            ..case(
                "ee_timestamping_with_serverauth",
                vec![
                    root(&[]),
                    leaf("root", &["extendedKeyUsage=serverAuth,timeStamping"]),
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(TLS_SERVER_EKU),
            ..case(
                "ee_ocspsigning_with_serverauth",
                vec![
                    root(&[]),
                    leaf("root", &["extendedKeyUsage=serverAuth,OCSPSigning"]),
                ],
                false,
            )
        },
        with_ica(
            "ica_eku_without_server_auth",
            &["extendedKeyUsage=clientAuth"],
            false,
        ),
        // pathlen
        case(
            "root_pathlen_0_with_intermediate",
            vec![
                root(&["basicConstraints=critical,CA:TRUE,pathlen:0"]),
                ica("ica", "/CN=x509-limbo-intermediate/OU=1", "root", &[]),
                leaf("ica", &[]),
            ],
            false,
        ),
        Case {
            untrusted: &["ica", "ica2"],
            ..case(
                "intermediate_pathlen_0_with_intermediate",
                vec![
                    root(&[]),
                    ica(
                        "ica",
                        "/CN=x509-limbo-intermediate/OU=1",
                        "root",
                        &["basicConstraints=critical,CA:TRUE,pathlen:0"],
                    ),
                    ica("ica2", "/CN=x509-limbo-intermediate/OU=2", "ica", &[]),
                    leaf("ica2", &[]),
                ],
                false,
            )
        },
        with_ica(
            "intermediate_pathlen_0_to_leaf",
            &["basicConstraints=critical,CA:TRUE,pathlen:0"],
            true,
        ),
        // validity
        Case {
            at: At::DaysLater(10),
            ..case(
                "expired_leaf",
                vec![
                    root(&[]),
                    Cert {
                        days: 1,
                        ..leaf("root", &[])
                    },
                ],
                false,
            )
        },
        Case {
            at: At::DaysLater(10),
            certs: vec![
                root(&[]),
                Cert {
                    days: 1,
                    ..ica("ica", "/CN=x509-limbo-intermediate/OU=1", "root", &[])
                },
                leaf("ica", &[]),
            ],
            ..with_ica("expired_intermediate_only_path", &[], false)
        },
        // rfc5280::validity: notBefore and notAfter are inclusive, compared in whole seconds.
        Case {
            at: At::LeafNotBefore(0),
            ..with_ica("notbefore_exact", &[], true)
        },
        Case {
            at: At::LeafNotBefore(-1),
            ..with_ica("notbefore_fractional", &[], false)
        },
        Case {
            openssl_differs: Some(
                "openssl 3.0 counts a certificate as expired at the second of its notAfter; RFC 5280 §4.1.2.5 says the validity period includes notAfter",
            ),
            at: At::LeafNotAfter(0),
            ..case(
                "notafter_exact",
                vec![
                    root(&[]),
                    Cert {
                        days: 30,
                        ..leaf("root", &[])
                    },
                ],
                true,
            )
        },
        Case {
            openssl_differs: Some(
                "openssl 3.0 counts a certificate as expired at the second of its notAfter; RFC 5280 §4.1.2.5 says the validity period includes notAfter",
            ),
            at: At::LeafNotAfter(5),
            ..case(
                "notafter_fractional",
                vec![
                    root(&[]),
                    Cert {
                        days: 30,
                        ..leaf("root", &[])
                    },
                ],
                true,
            )
        },
        Case {
            at: At::LeafNotAfter(1000),
            ..case(
                "notafter_one_second_later",
                vec![
                    root(&[]),
                    Cert {
                        days: 30,
                        ..leaf("root", &[])
                    },
                ],
                false,
            )
        },
        // pathological: the "chain of pain" (an expired cross-signed copy of the trusted root
        // must be passed over), cycles, an untrusted root, a trusted intermediate.
        Case {
            certs: vec![
                root(&[]),
                Cert {
                    name: "root2",
                    subject: "/CN=x509-limbo-root-2",
                    ..root(&[])
                },
                Cert {
                    key: "same:root",
                    days: 1,
                    ..ica("xica", "/CN=x509-limbo-root", "root2", &[])
                },
                leaf("root", &[]),
            ],
            trusted: &["root", "root2"],
            untrusted: &["xica"],
            at: At::DaysLater(10),
            ..case("multiple_chains_expired_intermediate", Vec::new(), true)
        },
        Case {
            certs: vec![
                root(&[]),
                Cert {
                    name: "ca2seed",
                    subject: "/CN=cycle-ca2",
                    ..root(&[])
                },
                ica("ca1", "/CN=cycle-ca1", "ca2seed", &[]),
                Cert {
                    key: "same:ca2seed",
                    ..ica("ca2", "/CN=cycle-ca2", "ca1", &[])
                },
                leaf("ca1", &[]),
            ],
            untrusted: &["ca1", "ca2"],
            ..case("intermediate_cycle_distinct_cas", Vec::new(), false)
        },
        Case {
            certs: vec![
                root(&[]),
                Cert {
                    name: "ca2seed",
                    subject: "/CN=cycle-ca2",
                    ..root(&[])
                },
                ica("ca1", "/CN=cycle-ca1", "ca2seed", &[]),
                Cert {
                    key: "same:ca2seed",
                    ..ica("ca2", "/CN=cycle-ca2", "ca1", &[])
                },
                leaf("ca1", &[]),
            ],
            untrusted: &["ca1", "ca2"],
            max_depth: Some(255),
            ..case(
                "intermediate_cycle_distinct_cas_max_depth",
                Vec::new(),
                false,
            )
        },
        Case {
            certs: vec![
                root(&[]),
                ica("ica", "/CN=x509-limbo-intermediate/OU=1", "root", &[]),
                leaf("ica", &[]),
                Cert {
                    name: "unrelated",
                    subject: "/CN=x509-limbo-unrelated-root",
                    ..root(&[])
                },
            ],
            trusted: &["unrelated"],
            untrusted: &["root", "ica"],
            ..case("chain_untrusted_root", Vec::new(), false)
        },
        Case {
            trusted: &["ica"],
            untrusted: &[],
            ..with_ica("trusted_intermediate_is_an_anchor", &[], true)
        },
        // cve::cve-2024-0567: roots A, B and C cross-sign each other; the path must end at the
        // trusted self-signed A without looping through the mesh.
        Case {
            certs: vec![
                Cert {
                    subject: "/CN=Root A",
                    ..root(&[])
                },
                Cert {
                    name: "bseed",
                    subject: "/CN=Root B",
                    ..root(&[])
                },
                Cert {
                    name: "cseed",
                    subject: "/CN=Root C",
                    ..root(&[])
                },
                ica("a1", "/CN=Intermediate A1", "root", &[]),
                Cert {
                    key: "same:root",
                    ..ica("a_by_b", "/CN=Root A", "bseed", &[])
                },
                Cert {
                    key: "same:root",
                    ..ica("a_by_c", "/CN=Root A", "cseed", &[])
                },
                Cert {
                    key: "same:bseed",
                    ..ica("b_by_a", "/CN=Root B", "root", &[])
                },
                Cert {
                    key: "same:bseed",
                    ..ica("b_by_c", "/CN=Root B", "cseed", &[])
                },
                Cert {
                    key: "same:cseed",
                    ..ica("c_by_a", "/CN=Root C", "root", &[])
                },
                Cert {
                    key: "same:cseed",
                    ..ica("c_by_b", "/CN=Root C", "bseed", &[])
                },
                ica("b1", "/CN=Intermediate B1", "b_by_a", &[]),
                ica("c1", "/CN=Intermediate C1", "c_by_a", &[]),
                Cert {
                    subject: "/",
                    ..leaf(
                        "a1",
                        &["subjectAltName=critical,DNS:cve-2024-0567.example.com"],
                    )
                },
            ],
            untrusted: &[
                "a1", "a_by_b", "a_by_c", "b1", "b_by_a", "b_by_c", "c1", "c_by_a", "c_by_b",
            ],
            peer: Some("cve-2024-0567.example.com"),
            ..case("cve_2024_0567", Vec::new(), true)
        },
        // cve::cve-2025-61727: a wildcard SAN that can stand for an excluded (or unpermitted)
        // name.
        Case {
            peer: Some("bar.example.com"),
            certs: vec![
                root(&[]),
                ica(
                    "ica",
                    "/CN=x509-limbo-intermediate/OU=1",
                    "root",
                    &[
                        "subjectAltName=",
                        "nameConstraints=critical,permitted;DNS:example.com,excluded;DNS:bar.example.com",
                    ],
                ),
                leaf("ica", &["subjectAltName=DNS:*.example.com"]),
            ],
            untrusted: &["ica"],
            openssl_differs: Some(WILDCARD_AGAINST_SUBTREE),
            ..case("cve_2025_61727", Vec::new(), false)
        },
        Case {
            peer: Some("foo.example.com"),
            certs: vec![
                root(&[]),
                ica(
                    "ica",
                    "/CN=x509-limbo-intermediate/OU=1",
                    "root",
                    &[
                        "subjectAltName=",
                        "nameConstraints=critical,permitted;DNS:foo.example.com",
                    ],
                ),
                leaf("ica", &["subjectAltName=DNS:*.example.com"]),
            ],
            untrusted: &["ica"],
            ..case("cve_2025_61727_nc_permits_variant", Vec::new(), false)
        },
        // max_chain_depth: intermediates between the leaf and the anchor.
        Case {
            untrusted: &["ica", "ica2"],
            max_depth: Some(1),
            ..case(
                "max_depth_exceeded",
                vec![
                    root(&[]),
                    ica("ica", "/CN=x509-limbo-intermediate/OU=1", "root", &[]),
                    ica("ica2", "/CN=x509-limbo-intermediate/OU=2", "ica", &[]),
                    leaf("ica2", &[]),
                ],
                false,
            )
        },
        Case {
            untrusted: &["ica", "ica2"],
            max_depth: Some(2),
            ..case(
                "max_depth_enough",
                vec![
                    root(&[]),
                    ica("ica", "/CN=x509-limbo-intermediate/OU=1", "root", &[]),
                    ica("ica2", "/CN=x509-limbo-intermediate/OU=2", "ica", &[]),
                    leaf("ica2", &[]),
                ],
                true,
            )
        },
        // name constraints
        with_ica(
            "nc_permitted_dns_match",
            &["nameConstraints=critical,permitted;DNS:example.com"],
            true,
        ),
        with_ica(
            "nc_permitted_dns_mismatch",
            &["nameConstraints=critical,permitted;DNS:example.org"],
            false,
        ),
        with_ica(
            "nc_excluded_dns_match",
            &["nameConstraints=critical,excluded;DNS:example.com"],
            false,
        ),
        Case {
            certs: vec![
                root(&["nameConstraints=critical,permitted;DNS:example.org"]),
                leaf("root", &[]),
            ],
            ..case("nc_on_trust_anchor_applies", Vec::new(), false)
        },
        Case {
            peer: Some("192.0.2.1"),
            certs: vec![
                root(&[]),
                ica(
                    "ica",
                    "/CN=x509-limbo-intermediate/OU=1",
                    "root",
                    &["nameConstraints=critical,permitted;IP:192.0.2.0/255.255.255.0"],
                ),
                leaf("ica", &["subjectAltName=IP:192.0.2.1"]),
            ],
            untrusted: &["ica"],
            ..case("nc_permitted_ip_match", Vec::new(), true)
        },
        Case {
            peer: Some("198.51.100.1"),
            certs: vec![
                root(&[]),
                ica(
                    "ica",
                    "/CN=x509-limbo-intermediate/OU=1",
                    "root",
                    &["nameConstraints=critical,permitted;IP:192.0.2.0/255.255.255.0"],
                ),
                leaf("ica", &["subjectAltName=IP:198.51.100.1"]),
            ],
            untrusted: &["ica"],
            ..case("nc_permitted_ip_mismatch", Vec::new(), false)
        },
        Case {
            certs: vec![
                root(&[]),
                ica(
                    "ica",
                    "/CN=x509-limbo-intermediate/OU=1",
                    "root",
                    &["nameConstraints=critical,excluded;DNS:example.com"],
                ),
                leaf(
                    "ica",
                    &["subjectAltName=DNS:example.com,email:user@example.com"],
                ),
            ],
            untrusted: &["ica"],
            ..case("nc_excluded_dns_with_other_names", Vec::new(), false)
        },
        Case {
            certs: vec![
                root(&[]),
                ica(
                    "ica",
                    "/CN=x509-limbo-intermediate/OU=1",
                    "root",
                    &["nameConstraints=critical,permitted;email:example.com"],
                ),
                leaf(
                    "ica",
                    &["subjectAltName=DNS:example.com,email:user@example.org"],
                ),
            ],
            untrusted: &["ica"],
            ..case("nc_permitted_email_mismatch", Vec::new(), false)
        },
        // rfc5280::nc: more forms, the trust anchor's constraints, malformed subtrees.
        Case {
            peer: Some("foo.bar.example.com"),
            ..case(
                "nc_permitted_dns_match_more",
                vec![
                    root(&["nameConstraints=critical,permitted;DNS:example.com"]),
                    leaf("root", &["subjectAltName=DNS:foo.bar.example.com"]),
                ],
                true,
            )
        },
        case(
            "nc_excluded_dns_match_second",
            vec![
                root(&["nameConstraints=critical,excluded;DNS:not-allowed.example.com"]),
                leaf(
                    "root",
                    &["subjectAltName=DNS:example.com,DNS:not-allowed.example.com"],
                ),
            ],
            false,
        ),
        Case {
            peer: Some("::1"),
            ..case(
                "nc_excluded_ipv6_match",
                vec![
                    root(&[
                        "nameConstraints=critical,excluded;IP:::1/ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                    ]),
                    leaf("root", &["subjectAltName=IP:::1"]),
                ],
                false,
            )
        },
        Case {
            peer: Some("::1"),
            ..case(
                "nc_permitted_ipv6_match",
                vec![
                    root(&[
                        "nameConstraints=critical,permitted;IP:::1/ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                    ]),
                    leaf("root", &["subjectAltName=IP:::1"]),
                ],
                true,
            )
        },
        Case {
            peer: None,
            certs: vec![
                root(&["nameConstraints=critical,permitted;dirName:nc\n[nc]\nCN=foo"]),
                Cert {
                    subject: "/CN=not-foo",
                    ..leaf("root", &["subjectAltName=dirName:san\n[san]\nCN=not-foo"])
                },
            ],
            ..case("nc_permitted_dn_mismatch", Vec::new(), false)
        },
        Case {
            peer: None,
            certs: vec![
                root(&["nameConstraints=critical,permitted;dirName:nc\n[nc]\nCN=foo"]),
                Cert {
                    subject: "/CN=foo",
                    ..leaf("root", &["subjectAltName=dirName:san\n[san]\nCN=foo"])
                },
            ],
            ..case("nc_permitted_dn_match", Vec::new(), true)
        },
        Case {
            peer: None,
            certs: vec![
                root(&["nameConstraints=critical,excluded;dirName:nc\n[nc]\nCN=foo"]),
                Cert {
                    subject: "/CN=foo",
                    ..leaf("root", &["subjectAltName=dirName:san\n[san]\nCN=foo"])
                },
            ],
            ..case("nc_excluded_dn_match", Vec::new(), false)
        },
        Case {
            peer: None,
            certs: vec![
                root(&["nameConstraints=critical,permitted;dirName:nc\n[nc]\nCN=foo"]),
                Cert {
                    subject: "/CN=not-foo",
                    ..leaf("root", &["subjectAltName=dirName:san\n[san]\nCN=foo"])
                },
            ],
            ..case(
                "nc_permitted_dn_match_subject_san_mismatch",
                Vec::new(),
                false,
            )
        },
        Case {
            peer: None,
            certs: vec![
                Cert {
                    subject: "/CN=not-example.com",
                    ..root(&[
                        "subjectAltName=DNS:not-example.com",
                        "nameConstraints=critical,permitted;DNS:example.com",
                    ])
                },
                ica(
                    "ica",
                    "/CN=not-example.com",
                    "root",
                    &["subjectAltName=DNS:not-example.com"],
                ),
                leaf("ica", &[]),
            ],
            untrusted: &["ica"],
            ..case("nc_permitted_self_issued", Vec::new(), true)
        },
        case(
            "nc_excluded_match_permitted_and_excluded",
            vec![
                root(&[
                    "nameConstraints=critical,permitted;DNS:example.com,excluded;DNS:example.com",
                ]),
                leaf("root", &[]),
            ],
            false,
        ),
        case(
            "nc_permitted_different_constraint_type",
            vec![
                root(&["nameConstraints=critical,permitted;IP:192.0.2.0/255.255.255.0"]),
                leaf("root", &[]),
            ],
            true,
        ),
        case(
            "nc_excluded_different_constraint_type",
            vec![
                root(&["nameConstraints=critical,excluded;IP:192.0.2.0/255.255.255.0"]),
                leaf("root", &[]),
            ],
            true,
        ),
        Case {
            // RFC 5280 §4.2.1.10 has no wildcards in constraints.
            peer: Some("foo.example.com"),
            ..case(
                "nc_invalid_dnsname_wildcard",
                vec![
                    root(&["nameConstraints=critical,permitted;DNS:*.example.com"]),
                    leaf("root", &["subjectAltName=DNS:foo.example.com"]),
                ],
                false,
            )
        },
        Case {
            peer: Some("foo.example.com"),
            openssl_differs: Some(
                "openssl 3.0 accepts a leading period in a dNSName constraint; RFC 5280 §4.2.1.10 allows it only for URIs and mailboxes",
            ),
            ..case(
                "nc_invalid_dnsname_leading_period",
                vec![
                    root(&["nameConstraints=critical,permitted;DNS:.example.com"]),
                    leaf("root", &["subjectAltName=DNS:foo.example.com"]),
                ],
                false,
            )
        },
        Case {
            peer: Some("127.0.0.1"),
            ..case(
                "nc_invalid_ipv4_address_without_mask",
                vec![
                    // permitted: one iPAddress of 4 octets, no mask.
                    root(&["nameConstraints=critical,DER:30:0a:a0:08:30:06:87:04:7f:00:00:01"]),
                    leaf("root", &["subjectAltName=IP:127.0.0.1"]),
                ],
                false,
            )
        },
        Case {
            openssl_differs: Some(
                "openssl 3.0 accepts nameConstraints in an end-entity certificate; RFC 5280 §4.2.1.10 allows it only in CA certificates",
            ),
            ..case(
                "nc_not_allowed_in_ee_noncritical",
                vec![
                    root(&[]),
                    leaf("root", &["nameConstraints=permitted;DNS:example.com"]),
                ],
                false,
            )
        },
        // key policy (the harness's auth level 2: RSA of at least 2048 bits).
        case(
            "rsa_1024_leaf",
            vec![
                root(&[]),
                Cert {
                    key: "rsa:1024",
                    ..leaf("root", &[])
                },
            ],
            false,
        ),
        case(
            "rsa_2048_leaf",
            vec![
                root(&[]),
                Cert {
                    key: "rsa:2048",
                    ..leaf("root", &[])
                },
            ],
            true,
        ),
    ];
    all.extend(crl_cases());
    all
}

fn crl_case(name: &'static str, root_extra: &[&str], crls: Vec<Crl>, valid: bool) -> Case {
    Case {
        crls,
        ..case(name, vec![root(root_extra), leaf("root", &[])], valid)
    }
}

const WITH_CRL_SIGN: &[&str] = &["keyUsage=keyCertSign,cRLSign"];

fn crl_cases() -> Vec<Case> {
    vec![
        crl_case(
            "crl_revoked_certificate",
            WITH_CRL_SIGN,
            vec![Crl::of("root", &["leaf"])],
            false,
        ),
        crl_case(
            "crl_certificate_not_on_crl",
            WITH_CRL_SIGN,
            vec![Crl::of("root", &["0BADC0DE"])],
            true,
        ),
        Case {
            openssl_differs: Some(
                "openssl 3.0 accepts a CRL without CRLNumber; RFC 5280 §5.2.3 says conforming CRL issuers MUST include it",
            ),
            ..crl_case(
                "crl_crlnumber_missing",
                WITH_CRL_SIGN,
                vec![Crl {
                    number: None,
                    ..Crl::of("root", &["0BADC0DE"])
                }],
                false,
            )
        },
        // RFC 5280 §5.2.3: CRLNumber MUST be non-critical.
        crl_case(
            "crl_crlnumber_critical",
            WITH_CRL_SIGN,
            vec![Crl {
                number: Some(true),
                ..Crl::of("root", &["0BADC0DE"])
            }],
            false,
        ),
        crl_case(
            "crl_issuer_missing_crlsign",
            &[],
            vec![Crl::of("root", &["0BADC0DE"])],
            false,
        ),
        // limbo's rfc5280::crl::issuer-no-keyusage expects success (§6.3.3 (f) checks cRLSign
        // only when keyUsage is there); the strict profile, like openssl -x509_strict, first
        // refuses the CA itself: RFC 5280 §4.2.1.3 says a CA certificate MUST carry keyUsage.
        crl_case(
            "crl_issuer_no_keyusage",
            &["keyUsage="],
            vec![Crl::of("root", &["0BADC0DE"])],
            false,
        ),
        Case {
            certs: vec![
                root(WITH_CRL_SIGN),
                Cert {
                    name: "root2",
                    subject: "/CN=Root CA 2",
                    ..root(WITH_CRL_SIGN)
                },
                leaf("root", &[]),
            ],
            trusted: &["root", "root2"],
            crls: vec![Crl::of("root", &[]), Crl::of("root2", &["leaf"])],
            ..case("crl_serial_on_other_issuers_crl", Vec::new(), true)
        },
        crl_case(
            "crl_unknown_critical_extension",
            WITH_CRL_SIGN,
            vec![Crl {
                extra: "1.3.6.1.4.1.55738.666.1=critical,DER:05:00",
                ..Crl::of("root", &["0BADC0DE"])
            }],
            false,
        ),
        crl_case(
            "crl_unknown_noncritical_extension",
            WITH_CRL_SIGN,
            vec![Crl {
                extra: "1.3.6.1.4.1.55738.666.1=DER:05:00",
                ..Crl::of("root", &["0BADC0DE"])
            }],
            true,
        ),
        crl_case(
            "crl_very_large",
            WITH_CRL_SIGN,
            vec![Crl {
                filler: 10_000,
                ..Crl::of("root", &[])
            }],
            true,
        ),
        Case {
            at: At::DaysLater(10),
            ..crl_case(
                "crl_next_update_in_past",
                WITH_CRL_SIGN,
                vec![Crl::of("root", &[])],
                false,
            )
        },
        crl_case("crl_empty", WITH_CRL_SIGN, vec![Crl::of("root", &[])], true),
        crl_case("crl_none_from_the_issuer", WITH_CRL_SIGN, Vec::new(), true),
    ]
}

fn openssl(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("running openssl")
}

fn must(dir: &Path, args: &[&str]) {
    let out = openssl(dir, args);
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn make(dir: &Path, cert: &Cert) {
    let name = cert.name;
    let key = format!("{name}.key");
    match cert.key.split_once(':') {
        Some(("same", other)) => {
            std::fs::copy(dir.join(format!("{other}.key")), dir.join(&key)).unwrap();
        }
        Some(("ec", curve)) => must(
            dir,
            &[
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                &format!("ec_paramgen_curve:{curve}"),
                "-out",
                &key,
            ],
        ),
        Some(("dsa", bits)) => {
            let params = format!("{name}.params");
            must(
                dir,
                &[
                    "genpkey",
                    "-genparam",
                    "-algorithm",
                    "DSA",
                    "-pkeyopt",
                    &format!("dsa_paramgen_bits:{bits}"),
                    "-out",
                    &params,
                ],
            );
            must(dir, &["genpkey", "-paramfile", &params, "-out", &key]);
        }
        Some(("rsa", bits)) => must(
            dir,
            &[
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                &format!("rsa_keygen_bits:{bits}"),
                "-out",
                &key,
            ],
        ),
        _ => must(
            dir,
            &[
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-out",
                &key,
            ],
        ),
    }
    let csr = format!("{name}.csr");
    let subject = if cert.subject == "/" {
        "/"
    } else {
        cert.subject
    };
    must(
        dir,
        &["req", "-new", "-key", &key, "-out", &csr, "-subj", subject],
    );
    let days = cert.days.to_string();
    let out = format!("{name}.pem");
    let mut args: Vec<String> = [
        "x509",
        "-req",
        "-in",
        &csr,
        "-days",
        &days,
        "-set_serial",
        cert.serial,
        "-sha256",
        "-out",
        &out,
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    if let Some(ext) = &cert.ext {
        std::fs::write(dir.join(format!("{name}.ext")), format!("[v3]\n{ext}")).unwrap();
        args.extend(["-extfile", &format!("{name}.ext"), "-extensions", "v3"].map(str::to_owned));
    }
    match cert.issuer {
        Some(issuer) => args.extend(
            [
                "-CA",
                &format!("{issuer}.pem"),
                "-CAkey",
                &format!("{issuer}.key"),
            ]
            .map(str::to_owned),
        ),
        None => args.extend(["-signkey".to_owned(), key.clone()]),
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    must(dir, &refs);
}

/// The serial of `name.pem` in hex, as `openssl ca`'s index wants it.
fn serial_hex(dir: &Path, name: &str) -> String {
    let out = openssl(
        dir,
        &["x509", "-in", &format!("{name}.pem"), "-noout", "-serial"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let hex = text.trim().trim_start_matches("serial=").to_owned();
    if hex.len() % 2 == 1 {
        format!("0{hex}")
    } else {
        hex
    }
}

fn make_crl(dir: &Path, index: usize, crl: &Crl) -> String {
    let db = format!("crl{index}.index");
    let lines: String = crl
        .revoked
        .iter()
        .map(|r| {
            let serial = if *r == "leaf" {
                serial_hex(dir, "leaf")
            } else {
                (*r).to_owned()
            };
            format!(
                "R\t491231235959Z\t240101000000Z,keyCompromise\t{serial}\tunknown\t/CN=revoked\n"
            )
        })
        .chain(
            (0..crl.filler).map(|i| {
                format!("R\t491231235959Z\t240101000000Z\t7F{i:08X}\tunknown\t/CN=filler\n")
            }),
        )
        .collect();
    std::fs::write(dir.join(&db), lines).unwrap();
    let mut config =
        format!("[ca]\ndefault_ca=c\n[c]\ndatabase={db}\ndefault_md=sha256\ndefault_crl_days=7\n");
    if crl.number == Some(false) {
        std::fs::write(dir.join(format!("crl{index}.number")), "01\n").unwrap();
        config.push_str(&format!("crlnumber=crl{index}.number\n"));
    }
    let number = if crl.number == Some(true) {
        "2.5.29.20=critical,DER:02:01:01\n"
    } else {
        ""
    };
    config.push_str(&format!(
        "crl_extensions=crlext\n[crlext]\n{number}{}\n",
        crl.extra
    ));
    std::fs::write(dir.join(format!("crl{index}.cnf")), config).unwrap();
    let out = format!("crl{index}.crl");
    must(
        dir,
        &[
            "ca",
            "-config",
            &format!("crl{index}.cnf"),
            "-gencrl",
            "-cert",
            &format!("{}.pem", crl.signer),
            "-keyfile",
            &format!("{}.key", crl.signer),
            "-out",
            &out,
        ],
    );
    out
}

fn concat(dir: &Path, out: &str, names: &[&str]) {
    let pem: String = names
        .iter()
        .map(|n| std::fs::read_to_string(dir.join(format!("{n}.pem"))).unwrap())
        .collect();
    std::fs::write(dir.join(out), pem).unwrap();
}

/// `notBefore` or `notAfter` of `leaf.pem`.
fn leaf_time(dir: &Path, which: &str) -> time::OffsetDateTime {
    let out = openssl(
        dir,
        &[
            "x509",
            "-in",
            "leaf.pem",
            "-noout",
            &format!("-{which}date"),
            "-dateopt",
            "iso_8601",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let value = text
        .trim()
        .split_once('=')
        .expect("openssl prints name=value")
        .1;
    let format =
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]Z");
    time::PrimitiveDateTime::parse(value, format)
        .expect("an ISO 8601 date")
        .assume_utc()
}

impl Case {
    fn at(&self, dir: &Path) -> time::OffsetDateTime {
        match self.at {
            At::DaysLater(days) => time::OffsetDateTime::now_utc() + time::Duration::days(days),
            At::LeafNotBefore(ms) => leaf_time(dir, "start") + time::Duration::milliseconds(ms),
            At::LeafNotAfter(ms) => leaf_time(dir, "end") + time::Duration::milliseconds(ms),
        }
    }

    /// The `verify-chain` flags a limbo harness passes for this testcase.
    fn mqocsp_args(&self, dir: &Path, crls: &[String]) -> Vec<String> {
        let path = |n: &str| dir.join(n).display().to_string();
        let at = self
            .at(dir)
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let mut args = vec![
            "verify-chain".to_owned(),
            "--json".to_owned(),
            "--cert".to_owned(),
            path("leaf.pem"),
            "--trust".to_owned(),
            path("trusted.pem"),
            "--at".to_owned(),
            at,
            // limbo's extended_key_usage names, which --purpose takes as they are.
            "--purpose".to_owned(),
            match self.purpose {
                "client" => "clientAuth",
                "any" => "anyExtendedKeyUsage",
                _ => "serverAuth",
            }
            .to_owned(),
        ];
        if !self.untrusted.is_empty() {
            args.extend(["--untrusted".to_owned(), path("untrusted.pem")]);
        }
        if let Some(peer) = self.peer {
            args.extend(["--peer-name".to_owned(), peer.to_owned()]);
        }
        if let Some(depth) = self.max_depth {
            args.extend(["--max-depth".to_owned(), depth.to_string()]);
        }
        for crl in crls {
            args.extend(["--crl".to_owned(), path(crl)]);
        }
        args
    }

    /// The options limbo's openssl harness sets for this testcase.
    fn openssl_args(&self, dir: &Path, crls: &[String]) -> Vec<String> {
        let purpose = match self.purpose {
            "client" => "sslclient",
            "any" => "any",
            _ => "sslserver",
        };
        let mut args: Vec<String> = [
            "verify",
            "-x509_strict",
            "-partial_chain",
            "-auth_level",
            "2",
            "-purpose",
            purpose,
            "-CAfile",
            "trusted.pem",
        ]
        .map(str::to_owned)
        .to_vec();
        // -attime takes whole seconds: the fraction is dropped, as limbo's harness does.
        args.extend([
            "-attime".to_owned(),
            self.at(dir).unix_timestamp().to_string(),
        ]);
        if !self.untrusted.is_empty() {
            args.extend(["-untrusted".to_owned(), "untrusted.pem".to_owned()]);
        }
        match self.peer {
            Some(ip) if ip.parse::<std::net::IpAddr>().is_ok() => {
                args.extend(["-verify_ip".to_owned(), ip.to_owned()]);
            }
            Some(mailbox) if mailbox.contains('@') => {
                args.extend(["-verify_email".to_owned(), mailbox.to_owned()]);
            }
            Some(host) => args.extend(["-verify_hostname".to_owned(), host.to_owned()]),
            None => {}
        }
        if let Some(depth) = self.max_depth {
            args.extend(["-verify_depth".to_owned(), depth.to_string()]);
        }
        if !crls.is_empty() || !self.crls.is_empty() {
            args.push("-crl_check_all".to_owned());
        }
        for crl in crls {
            args.extend(["-CRLfile".to_owned(), crl.clone()]);
        }
        args.push("leaf.pem".to_owned());
        args
    }
}

/// Most a case may take, mqocsp's process start included (the suite's bound is one second).
const BOUND: Duration = Duration::from_secs(1);

#[test]
fn limbo_shaped_families_agree_with_openssl_x509_strict_or_name_why_not() {
    let mut wrong = Vec::new();
    for case in cases() {
        let scratch = ScratchDir::new(&format!("limbo-{}", case.name));
        let dir = scratch.path();
        for cert in &case.certs {
            make(dir, cert);
        }
        concat(dir, "trusted.pem", case.trusted);
        concat(dir, "untrusted.pem", case.untrusted);
        let crls: Vec<String> = case
            .crls
            .iter()
            .enumerate()
            .map(|(i, crl)| make_crl(dir, i, crl))
            .collect();
        let started = Instant::now();
        let out = common::mqocsp(case.mqocsp_args(dir, &crls));
        let took = started.elapsed();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
            panic!(
                "{}: no JSON: {}{}",
                case.name,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let ours = json["verdict"] == "valid";
        let code = out.status.code();
        if code != Some(if ours { 0 } else { 1 }) {
            wrong.push(format!("{}: verdict {ours} but exit {code:?}", case.name));
        }
        if took > BOUND {
            wrong.push(format!("{}: took {took:?}", case.name));
        }
        let args = case.openssl_args(dir, &crls);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let theirs = openssl(dir, &refs);
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&theirs.stdout),
            String::from_utf8_lossy(&theirs.stderr)
        );
        let theirs = theirs.status.success();
        if ours != case.valid {
            let failure = json["steps"]
                .as_array()
                .and_then(|steps| steps.iter().find(|s| s["outcome"] == "fail"))
                .map(|s| format!("{} — {}", s["title"], s["explanation"]))
                .unwrap_or_default();
            wrong.push(format!(
                "{}: mqocsp says valid={ours}, the rules say {} ({failure})",
                case.name, case.valid
            ));
        }
        match case.openssl_differs {
            None if theirs != case.valid => wrong.push(format!(
                "{}: openssl says valid={theirs} ({}) without a named reason",
                case.name,
                said.trim().replace('\n', " | ")
            )),
            Some(why) if theirs == case.valid => wrong.push(format!(
                "{}: openssl now agrees; drop the named difference ({why})",
                case.name
            )),
            _ => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
