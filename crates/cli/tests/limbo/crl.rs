//! CRL families (RFC 5280 §5, §6.3).

use super::*;

fn crl_case(name: &'static str, root_extra: &[&str], crls: Vec<Crl>, valid: bool) -> Case {
    Case {
        crls,
        ..case(name, vec![root(root_extra), leaf("root", &[])], valid)
    }
}

const WITH_CRL_SIGN: &[&str] = &["keyUsage=keyCertSign,cRLSign"];

pub(crate) fn cases() -> Vec<Case> {
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
