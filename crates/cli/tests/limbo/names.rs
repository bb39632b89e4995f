//! Name-constraint families of every form, and the key policy.

use super::*;

pub(crate) fn cases() -> Vec<Case> {
    vec![
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
    ]
}
