//! Path families: pathLen, validity edges, pathological graphs (chain of pain, cycles, cross-signed meshes), CVEs, depth limits.

use super::*;

pub(crate) fn cases() -> Vec<Case> {
    vec![
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
        // limbo pathlen: the last certificate may be a CA and is not counted; pathLen may grow;
        // self-issued certificates are not counted (RFC 5280 §4.2.1.9, §6.1.4 (l)).
        Case {
            peer: None,
            purpose: "any",
            untrusted: &["ica"],
            ..case(
                "validation_ignores_pathlen_in_leaf",
                vec![
                    root(&[]),
                    ica(
                        "ica",
                        "/CN=x509-limbo-intermediate/OU=1",
                        "root",
                        &["basicConstraints=critical,CA:TRUE,pathlen:0"],
                    ),
                    ica(
                        "leaf",
                        "/CN=x509-limbo-intermediate/OU=2",
                        "ica",
                        &["basicConstraints=critical,CA:TRUE,pathlen:0"],
                    ),
                ],
                true,
            )
        },
        Case {
            untrusted: &["ica", "ica2"],
            ..case(
                "intermediate_pathlen_may_increase",
                vec![
                    root(&[]),
                    ica(
                        "ica",
                        "/CN=x509-limbo-intermediate/OU=1",
                        "root",
                        &["basicConstraints=critical,CA:TRUE,pathlen:1"],
                    ),
                    ica(
                        "ica2",
                        "/CN=x509-limbo-intermediate/OU=2",
                        "ica",
                        &["basicConstraints=critical,CA:TRUE,pathlen:2"],
                    ),
                    leaf("ica2", &[]),
                ],
                true,
            )
        },
        Case {
            untrusted: &["ica", "ica2", "ica3"],
            ..case(
                "intermediate_pathlen_too_long",
                vec![
                    root(&[]),
                    ica(
                        "ica",
                        "/CN=x509-limbo-intermediate/OU=1",
                        "root",
                        &["basicConstraints=critical,CA:TRUE,pathlen:1"],
                    ),
                    ica(
                        "ica2",
                        "/CN=x509-limbo-intermediate/OU=2",
                        "ica",
                        &["basicConstraints=critical,CA:TRUE,pathlen:0"],
                    ),
                    ica(
                        "ica3",
                        "/CN=x509-limbo-intermediate/OU=3",
                        "ica2",
                        &["basicConstraints=critical,CA:TRUE,pathlen:0"],
                    ),
                    leaf("ica3", &[]),
                ],
                false,
            )
        },
        Case {
            untrusted: &["ica", "ica2", "ica3"],
            ..case(
                "self_issued_certs_pathlen",
                vec![
                    root(&[]),
                    ica(
                        "ica",
                        "/CN=x509-limbo-intermediate/OU=1",
                        "root",
                        &["basicConstraints=critical,CA:TRUE,pathlen:1"],
                    ),
                    ica(
                        "ica2",
                        "/CN=x509-limbo-intermediate/OU=1",
                        "ica",
                        &["basicConstraints=critical,CA:TRUE,pathlen:1"],
                    ),
                    ica(
                        "ica3",
                        "/CN=x509-limbo-intermediate/OU=3",
                        "ica2",
                        &["basicConstraints=critical,CA:TRUE,pathlen:0"],
                    ),
                    leaf("ica3", &[]),
                ],
                true,
            )
        },
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
    ]
}
