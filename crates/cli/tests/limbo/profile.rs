//! RFC 5280 profile families: critical extensions, CA constraints and key usage, key identifiers, serials, versions, SANs and peer names.

use super::*;

pub(crate) fn cases() -> Vec<Case> {
    vec![
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
    ]
}
