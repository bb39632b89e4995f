//! `mqocsp verify-chain` (rfc5280 profile) against `openssl verify -x509_strict` on chains made
//! by the real `openssl`, one RFC 5280 rule per case. Each case states the verdict RFC 5280
//! asks for; mqocsp must give it, and openssl must agree unless the case names why it does not.

use mqocsp_testkit::scratch::ScratchDir;
use std::path::{Path, PathBuf};

mod common;
use common::{must, openssl};

/// Default extensions of each role; a case's lines are appended (openssl keeps the last value
/// of a key, so a case can override one).
const ROOT: &str = "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n";
const ICA: &str = "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n";
const LEAF: &str = "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:qm1.example.com\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n";

/// Makes `name.pem` (and `name.key`): self-signed when `issuer` is `None`.
fn make(dir: &Path, name: &str, subject: &str, issuer: Option<&str>, ext: &str, serial: &str) {
    std::fs::write(dir.join(format!("{name}.ext")), format!("[v3]\n{ext}")).unwrap();
    must(
        dir,
        &[
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.csr"),
            "-subj",
            subject,
        ],
    );
    let (ca, key) = match issuer {
        Some(issuer) => (format!("{issuer}.pem"), format!("{issuer}.key")),
        None => (String::new(), format!("{name}.key")),
    };
    let mut args = vec![
        "x509",
        "-req",
        "-in",
        &format!("{name}.csr"),
        "-days",
        "3650",
        "-set_serial",
        serial,
        "-extfile",
        &format!("{name}.ext"),
        "-extensions",
        "v3",
        "-out",
        &format!("{name}.pem"),
    ]
    .into_iter()
    .map(str::to_owned)
    .collect::<Vec<String>>();
    if issuer.is_some() {
        args.extend(["-CA".to_owned(), ca, "-CAkey".to_owned(), key]);
    } else {
        args.extend(["-signkey".to_owned(), key]);
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    must(dir, &refs);
}

/// One case: extra extension lines per role, and what RFC 5280 says.
struct Case {
    name: &'static str,
    root: &'static str,
    ica: Option<&'static str>,
    leaf: &'static str,
    leaf_subject: &'static str,
    leaf_serial: &'static str,
    valid: bool,
    /// When openssl -x509_strict gives the other verdict: why.
    openssl_differs: Option<&'static str>,
}

const fn case(name: &'static str, leaf: &'static str, valid: bool) -> Case {
    Case {
        name,
        root: "",
        ica: None,
        leaf,
        leaf_subject: "/CN=qm1.example.com",
        leaf_serial: "4660",
        valid,
        openssl_differs: None,
    }
}

fn cases() -> Vec<Case> {
    vec![
        case("baseline", "", true),
        case("leaf_missing_aki", "authorityKeyIdentifier=none\n", false),
        case(
            "leaf_aki_critical",
            "authorityKeyIdentifier=critical,keyid\n",
            false,
        ),
        case(
            "leaf_ski_critical",
            "subjectKeyIdentifier=critical,hash\n",
            false,
        ),
        case(
            "leaf_key_cert_sign_without_ca",
            "keyUsage=critical,digitalSignature,keyCertSign\n",
            false,
        ),
        case(
            "leaf_unknown_critical_extension",
            "1.3.6.1.4.1.55738.666.1=critical,DER:05:00\n",
            false,
        ),
        case(
            "leaf_aia_critical",
            "authorityInfoAccess=critical,caIssuers;URI:http://ca.example.com/ca.crt\n",
            false,
        ),
        Case {
            openssl_differs: Some(
                "openssl 3.0 accepts nameConstraints in an end-entity certificate; RFC 5280 §4.2.1.10 allows it only in CA certificates",
            ),
            ..case(
                "leaf_name_constraints",
                "nameConstraints=critical,permitted;DNS:example.com\n",
                false,
            )
        },
        Case {
            leaf_serial: "0",
            openssl_differs: Some(
                "openssl 3.0 does not check serial numbers; RFC 5280 §4.1.2.2 requires a positive one",
            ),
            ..case("leaf_serial_zero", "", false)
        },
        Case {
            leaf_serial: "0x0102030405060708090a0b0c0d0e0f101112131415",
            openssl_differs: Some(
                "openssl 3.0 does not check serial lengths; RFC 5280 §4.1.2.2 allows at most 20 octets",
            ),
            ..case("leaf_serial_21_octets", "", false)
        },
        Case {
            leaf_subject: "/",
            ..case("leaf_empty_subject_san_not_critical", "", false)
        },
        Case {
            leaf_subject: "/",
            ..case(
                "leaf_empty_subject_san_critical",
                "subjectAltName=critical,DNS:qm1.example.com\n",
                true,
            )
        },
        Case {
            root: "basicConstraints=CA:TRUE\n",
            ..case("root_basic_constraints_not_critical", "", false)
        },
        Case {
            root: "subjectKeyIdentifier=none\n",
            ..case("root_missing_ski", "authorityKeyIdentifier=none\n", false)
        },
        Case {
            ica: Some("basicConstraints=CA:TRUE\n"),
            ..case("intermediate_basic_constraints_not_critical", "", false)
        },
        Case {
            ica: Some("subjectKeyIdentifier=none\n"),
            ..case(
                "intermediate_missing_ski",
                "authorityKeyIdentifier=none\n",
                false,
            )
        },
        Case {
            ica: Some("keyUsage=critical,digitalSignature\n"),
            ..case("intermediate_without_key_cert_sign", "", false)
        },
        Case {
            ica: Some("extendedKeyUsage=clientAuth\n"),
            ..case("intermediate_eku_without_server_auth", "", false)
        },
        Case {
            ica: Some("extendedKeyUsage=serverAuth\n"),
            ..case("intermediate_eku_with_server_auth", "", true)
        },
        Case {
            ica: Some("nameConstraints=critical,permitted;DNS:example.com\n"),
            ..case("intermediate_permits_the_name", "", true)
        },
        Case {
            ica: Some("nameConstraints=critical,excluded;DNS:qm1.example.com\n"),
            ..case("intermediate_excludes_the_name", "", false)
        },
        Case {
            ica: Some("nameConstraints=critical,excluded;DNS:bad.example.com\n"),
            openssl_differs: Some(
                "openssl matches a wildcard SAN against excluded subtrees literally; *.example.com can stand for bad.example.com",
            ),
            ..case(
                "wildcard_san_meets_excluded_subtree",
                "subjectAltName=DNS:*.example.com\n",
                false,
            )
        },
        Case {
            ica: Some("nameConstraints=permitted;DNS:example.com\n"),
            openssl_differs: Some(
                "openssl 3.0 does not check the criticality of nameConstraints; RFC 5280 §4.2.1.10 says MUST be critical",
            ),
            ..case("intermediate_name_constraints_not_critical", "", false)
        },
        // A rule for the issuing CA that path validation does not check (NIST PKITS §4.8-§4.12
        // hold such paths valid): a warning, as openssl passes it.
        Case {
            ica: Some("policyConstraints=requireExplicitPolicy:3\n"),
            ..case("intermediate_policy_constraints_not_critical", "", true)
        },
        Case {
            root: "keyUsage=critical,digitalSignature,cRLSign\n",
            ..case("root_without_key_cert_sign", "", false)
        },
        case(
            "leaf_unknown_noncritical_extension",
            "1.3.6.1.4.1.55738.666.1=DER:05:00\n",
            true,
        ),
        Case {
            ica: Some("nameConstraints=critical,permitted;IP:10.0.0.0/255.0.255.0\n"),
            openssl_differs: Some(
                "openssl 3.0 accepts a non-prefix IP mask; RFC 5280 §4.2.1.10 describes CIDR ranges only (webpki rejects it)",
            ),
            ..case("intermediate_ip_constraint_with_holes", "", false)
        },
    ]
}

fn build(dir: &Path, case: &Case) -> (PathBuf, PathBuf, Option<PathBuf>) {
    make(
        dir,
        "root",
        "/CN=Agreement Root",
        None,
        &format!("{ROOT}{}", case.root),
        "1",
    );
    let issuer = match case.ica {
        Some(extra) => {
            make(
                dir,
                "ica",
                "/CN=Agreement ICA",
                Some("root"),
                &format!("{ICA}{extra}"),
                "2",
            );
            "ica"
        }
        None => "root",
    };
    make(
        dir,
        "leaf",
        case.leaf_subject,
        Some(issuer),
        &format!("{LEAF}{}", case.leaf),
        case.leaf_serial,
    );
    (
        dir.join("leaf.pem"),
        dir.join("root.pem"),
        case.ica.map(|_| dir.join("ica.pem")),
    )
}

fn mqocsp_valid(leaf: &Path, root: &Path, ica: Option<&Path>, extra: &[&str]) -> bool {
    let mut args = vec![
        "verify-chain".to_owned(),
        "--cert".to_owned(),
        leaf.display().to_string(),
        "--trust".to_owned(),
        root.display().to_string(),
        "--json".to_owned(),
    ];
    if let Some(ica) = ica {
        args.extend(["--untrusted".to_owned(), ica.display().to_string()]);
    }
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    let out = common::mqocsp(&args);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "no JSON: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let valid = json["verdict"] == "valid";
    assert_eq!(out.status.code(), Some(if valid { 0 } else { 1 }));
    valid
}

fn openssl_valid(dir: &Path, ica: bool, extra: &[&str]) -> (bool, String) {
    let mut args = vec![
        "verify",
        "-x509_strict",
        "-purpose",
        "sslserver",
        "-CAfile",
        "root.pem",
    ];
    if ica {
        args.extend(["-untrusted", "ica.pem"]);
    }
    args.extend(extra);
    args.push("leaf.pem");
    let out = openssl(dir, &args);
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn rfc5280_rules_agree_with_openssl_x509_strict_or_name_why_not() {
    let mut wrong = Vec::new();
    for case in cases() {
        let scratch = ScratchDir::new(&format!("agree-{}", case.name));
        let dir = scratch.path();
        let (leaf, root, ica) = build(dir, &case);
        let ours = mqocsp_valid(&leaf, &root, ica.as_deref(), &[]);
        let (theirs, said) = openssl_valid(dir, ica.is_some(), &[]);
        if ours != case.valid {
            wrong.push(format!(
                "{}: mqocsp says valid={ours}, RFC 5280 says {}",
                case.name, case.valid
            ));
        }
        match case.openssl_differs {
            None if theirs != case.valid => wrong.push(format!(
                "{}: openssl says valid={theirs} ({}) without a named reason",
                case.name,
                said.trim()
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

#[test]
fn crl_and_depth_options_agree_with_openssl() {
    let scratch = ScratchDir::new("agree-crl");
    let dir = scratch.path();
    let chain = Case {
        ica: Some(""),
        ..case("crl", "", true)
    };
    let (leaf, root, ica) = build(dir, &chain);
    let ica = ica.unwrap();
    // --max-depth counts intermediates as -verify_depth does.
    for (depth, valid) in [("0", false), ("1", true)] {
        let ours = mqocsp_valid(&leaf, &root, Some(&ica), &["--max-depth", depth]);
        let (theirs, said) = openssl_valid(dir, true, &["-verify_depth", depth]);
        assert_eq!((ours, theirs), (valid, valid), "depth {depth}: {said}");
    }
    // The intermediate's CRL: empty, then listing the leaf.
    std::fs::write(
        dir.join("ca.cnf"),
        "[ca]\ndefault_ca=c\n[c]\ndatabase=index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=7\n",
    )
    .unwrap();
    std::fs::write(dir.join("crlnumber"), "01\n").unwrap();
    std::fs::write(dir.join("index.txt"), "").unwrap();
    let gencrl = |out: &str| {
        must(
            dir,
            &[
                "ca", "-config", "ca.cnf", "-gencrl", "-cert", "ica.pem", "-keyfile", "ica.key",
                "-out", out,
            ],
        )
    };
    gencrl("clean.crl");
    must(
        dir,
        &[
            "ca",
            "-config",
            "ca.cnf",
            "-revoke",
            "leaf.pem",
            "-cert",
            "ica.pem",
            "-keyfile",
            "ica.key",
            "-crl_reason",
            "keyCompromise",
        ],
    );
    gencrl("revoked.crl");
    for (crl, valid) in [("clean.crl", true), ("revoked.crl", false)] {
        let path = dir.join(crl);
        let ours = mqocsp_valid(&leaf, &root, Some(&ica), &["--crl", path.to_str().unwrap()]);
        let (theirs, said) = openssl_valid(dir, true, &["-crl_check", "-CRLfile", crl]);
        assert_eq!((ours, theirs), (valid, valid), "{crl}: {said}");
    }
    // A CRL that does not cover the target: both refuse (unable to get certificate CRL).
    let (theirs, _) = openssl_valid(dir, true, &["-crl_check", "-CRLfile", "clean.crl"]);
    assert!(theirs);
    make(dir, "other", "/CN=Other CA", None, ROOT, "9");
    std::fs::write(dir.join("index.txt"), "").unwrap();
    must(
        dir,
        &[
            "ca",
            "-config",
            "ca.cnf",
            "-gencrl",
            "-cert",
            "other.pem",
            "-keyfile",
            "other.key",
            "-out",
            "other.crl",
        ],
    );
    let other = dir.join("other.crl");
    assert!(!mqocsp_valid(
        &leaf,
        &root,
        Some(&ica),
        &["--crl", other.to_str().unwrap()]
    ));
    let (theirs, _) = openssl_valid(dir, true, &["-crl_check", "-CRLfile", "other.crl"]);
    assert!(!theirs);
}
