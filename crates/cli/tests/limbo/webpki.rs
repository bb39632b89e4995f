//! Web PKI (CA/B Forum) families: wildcard forms, AIA, SAN criticality, keys, the subject CN, mailboxes, extended key usage.

use super::*;

pub(crate) fn cases() -> Vec<Case> {
    let mut all = vec![
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
        // webpki::ku::ee-rsa-without-any-usages: RFC 5280 §4.2.1.3 wants at least one bit.
        case(
            "ee_rsa_without_any_usages",
            vec![
                root(&[]),
                Cert {
                    key: "rsa:2048",
                    ..leaf("root", &["keyUsage=critical,DER:03:01:00"])
                },
            ],
            false,
        ),
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
    ];
    all.extend(common_name_cases());
    all
}

/// webpki::cn (CA/B Forum BR §7.1.4.3), one row a case: name, subject, SAN, peer name, verdict.
/// A CN that spells a SAN value another way fails, and openssl never compares the two. One
/// unrelated to the SAN is kept valid (and warned of): limbo's own defaults put CN=example.com
/// beside other SAN values in cases that must succeed.
fn common_name_cases() -> Vec<Case> {
    const ROWS: [(&str, &str, &str, &str, bool); 8] = [
        (
            "cabf_cn_ipv4_hex_mismatch",
            "/CN=0xC0A80101",
            "subjectAltName=IP:192.168.1.1",
            "192.168.1.1",
            false,
        ),
        (
            "cabf_cn_ipv4_leading_zeros_mismatch",
            "/CN=192.168.001.001",
            "subjectAltName=IP:192.168.1.1",
            "192.168.1.1",
            false,
        ),
        (
            "cabf_cn_ipv6_uppercase_mismatch",
            "/CN=2001:DB8::8A2E:370:7334",
            "subjectAltName=IP:2001:db8::8a2e:370:7334",
            "2001:db8::8a2e:370:7334",
            false,
        ),
        (
            "cabf_cn_ipv6_uncompressed_mismatch",
            "/CN=2001:0db8:0000:0000:0000:0000:0000:0001",
            "subjectAltName=IP:2001:db8::1",
            "2001:db8::1",
            false,
        ),
        (
            "cabf_cn_ipv6_non_rfc5952_mismatch",
            "/CN=2001:db8:0:0:1:0:0:1",
            "subjectAltName=IP:2001:db8::1:0:0:1",
            "2001:db8::1:0:0:1",
            false,
        ),
        (
            "cabf_cn_case_mismatch",
            "/CN=Example.COM",
            "subjectAltName=DNS:example.com",
            "example.com",
            false,
        ),
        (
            "cabf_cn_punycode_not_in_san",
            "/CN=xn--nxasmq6b.com",
            "subjectAltName=DNS:xn--n3h.com",
            "xn--n3h.com",
            true,
        ),
        (
            "cabf_cn_not_in_san",
            "/CN=notinsan.example.com",
            "subjectAltName=DNS:valid.example.com,DNS:another.example.com",
            "valid.example.com",
            true,
        ),
    ];
    ROWS.iter()
        .map(|&(name, subject, san, peer, valid)| Case {
            peer: Some(peer),
            openssl_differs: (!valid).then_some(CN_NOT_COMPARED),
            certs: vec![
                root(&[]),
                Cert {
                    subject,
                    ..leaf("root", &[san])
                },
            ],
            ..case(name, Vec::new(), valid)
        })
        .collect()
}
