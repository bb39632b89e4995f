//! Third-party suites run through `mqocsp` as a suite's harness runs a verifier, with the
//! suite's own expected results:
//! - NIST PKITS (RFC 5280 path validation with CRLs and certificate policies; 246 cases, as
//!   pyhanko-certvalidator's tests list them with their inputs and policy settings) through
//!   `verify-chain`;
//! - OpenSSL's OCSP test responses (direct and delegated responders with a wrong signature,
//!   responder id, issuer name or key hash, or signing certificate; a stale answer; 29 cases)
//!   through `verify-ocsp`.
//!
//! `scripts/setup` fetches both from PyPI (pyhanko-certvalidator's source distribution, checked
//! by its SHA-256) into `target/third-party`. Every case must agree with the suite, except those
//! named in [`PKITS_DIFFERS`], each with the check that decides it and why; such a case must
//! still differ, so that the list is mended when mqocsp changes.

mod common;

use common::mqocsp;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn suites() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/third-party");
    assert!(
        dir.join("pyhanko_certvalidator-0.33.0.complete").exists(),
        "the third-party suites are not in {}: run scripts/setup",
        dir.display()
    );
    dir
}

/// PKITS cases where mqocsp gives the other verdict: (case name, the step that fails, or ""
/// when mqocsp accepts a path the suite rejects; why).
const PKITS_DIFFERS: &[(&str, &str, &str)] = &[
    (
        "valid_dsa_signatures_test4",
        "chain.signature",
        "DSA signatures are not checked (ring has no DSA; FIPS 186-5 retired it for signing)",
    ),
    (
        "valid_dsa_parameter_inheritance_test5",
        "chain.signature",
        "DSA signatures are not checked",
    ),
    (
        "valid_basicconstraints_not_critical_test4",
        "chain.profile",
        "the strict profile fails a CA whose basicConstraints is not critical, as openssl verify -x509_strict does (RFC 5280 §4.2.1.9)",
    ),
];

/// The failing steps' ids of a `--json` verification.
fn failed_steps(report: &Value) -> Vec<String> {
    report["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["outcome"] == "fail")
        .filter_map(|s| s["id"].as_str().map(str::to_string))
        .collect()
}

fn strings(case: &Value, key: &str) -> Vec<String> {
    case[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

#[test]
fn nist_pkits() {
    let dir = suites().join("nist_pkits");
    let cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("pkits.json")).unwrap()).unwrap();
    assert_eq!(
        cases.len(),
        246,
        "PKITS as pyhanko-certvalidator 0.33.0 lists it"
    );
    let cert = |name: &str| dir.join("certs").join(name);
    let crl = |name: &str| dir.join("crls").join(name);
    let (mut agree, mut wrong) = (0, Vec::new());
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let mut args: Vec<PathBuf> = Vec::new();
        let mut flag = |f: &str, v: PathBuf| {
            args.push(f.into());
            args.push(v);
        };
        flag("--cert", cert(case["cert"].as_str().unwrap()));
        flag("--trust", cert("TrustAnchorRootCertificate.crt"));
        // PKITS's certificates are valid 2010-2030; the harness it comes from runs at this time.
        flag("--at", "2022-05-01T00:00:00Z".into());
        // PKITS's end-entity certificates carry no extKeyUsage.
        flag("--purpose", "any".into());
        flag("--crl", crl("TrustAnchorRootCRL.crl"));
        for other in strings(case, "other_certs") {
            flag("--untrusted", cert(&other));
        }
        for other in strings(case, "crls") {
            flag("--crl", crl(&other));
        }
        let params = &case["params"];
        for policy in strings(params, "user_initial_policy_set") {
            let policy = if policy == "any_policy" {
                "anyPolicy".to_string()
            } else {
                policy
            };
            flag("--policy", policy.into());
        }
        for (key, option) in [
            ("initial_explicit_policy", "--explicit-policy"),
            ("initial_policy_mapping_inhibit", "--inhibit-policy-mapping"),
            ("initial_any_policy_inhibit", "--inhibit-any-policy"),
        ] {
            if params[key] == true {
                args.push(option.into());
            }
        }
        args.push("--json".into());
        let out = mqocsp(std::iter::once(PathBuf::from("verify-chain")).chain(args));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{name}: no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let valid = out.status.code() == Some(0);
        let expected = case.get("error").is_none();
        let failed = failed_steps(&report);
        match PKITS_DIFFERS.iter().find(|(n, ..)| *n == name) {
            None if valid == expected => agree += 1,
            None => wrong.push(format!(
                "{name}: expected {}, mqocsp says {} (failed: {failed:?})",
                if expected { "valid" } else { "invalid" },
                if valid { "valid" } else { "invalid" }
            )),
            Some((_, step, why)) => {
                let still =
                    valid != expected && (step.is_empty() || failed.iter().any(|f| f == step));
                if !still {
                    wrong.push(format!("{name}: listed as differing ({why}, step {step:?}), but mqocsp now says {} (failed: {failed:?}): mend PKITS_DIFFERS", if valid { "valid" } else { "invalid" }));
                }
            }
        }
    }
    println!(
        "NIST PKITS: mqocsp agrees on {agree} of {} cases; {} differ as listed",
        cases.len(),
        PKITS_DIFFERS.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(agree + PKITS_DIFFERS.len(), cases.len());
}

/// The check that must fail for an OpenSSL OCSP case, read from the suite's case name.
fn ocsp_check(name: &str) -> Option<&'static str> {
    [
        ("invalid_response_signature", "ocsp.signature"),
        ("wrong_responder_id", "ocsp.signer"),
        ("wrong_issuer_name_hash", "ocsp.cert_id"),
        ("wrong_issuer_key_hash", "ocsp.cert_id"),
        ("wrong_key_in_signing_cert", "ocsp.signature"),
        (
            "invalid_signature_on_signing_cert",
            "ocsp.responder_issued_by_ca",
        ),
        ("stale", "ocsp.next_update"),
    ]
    .iter()
    .find(|(part, _)| name.contains(part))
    .map(|(_, step)| *step)
}

#[test]
fn openssl_ocsp_responses() {
    let dir = suites().join("openssl-ocsp");
    let cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("openssl-ocsp.json")).unwrap())
            .unwrap();
    assert_eq!(cases.len(), 29);
    let mut wrong = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        // The chain target first; response i is about certificate i, issued by i + 1.
        let chain: Vec<String> = std::iter::once(case["cert"].as_str().unwrap().to_string())
            .chain(strings(case, "other_certs"))
            .chain(std::iter::once(case["root"].as_str().unwrap().to_string()))
            .collect();
        let at = case["moment"].as_str().unwrap().replace("+00:00", "Z");
        let mut failed = Vec::new();
        let mut all_good = true;
        for (index, response) in strings(case, "ocsps").iter().enumerate() {
            let (Some(cert), Some(issuer)) = (chain.get(index), chain.get(index + 1)) else {
                panic!("{name}: response {response} has no certificate and issuer");
            };
            let out = mqocsp([
                "verify-ocsp".as_ref(),
                "--response".as_ref(),
                dir.join(response).as_os_str(),
                "--cert".as_ref(),
                dir.join(cert).as_os_str(),
                "--issuer".as_ref(),
                dir.join(issuer).as_os_str(),
                "--at".as_ref(),
                at.as_ref(),
                // The suite's responses are signed with SHA-1 (2012).
                "--allow-sha1".as_ref(),
                "--json".as_ref(),
            ]);
            let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
                panic!(
                    "{name}: no JSON ({e}): {}",
                    String::from_utf8_lossy(&out.stderr)
                )
            });
            all_good &= out.status.code() == Some(0) && report["cert_status"] == "good";
            failed.extend(failed_steps(&report));
        }
        let expected = case.get("error").is_none();
        if all_good != expected {
            wrong.push(format!(
                "{name}: expected {}, mqocsp says otherwise (failed: {failed:?})",
                if expected { "good" } else { "a failure" }
            ));
        } else if !expected {
            let check = ocsp_check(name).unwrap_or_else(|| panic!("{name}: which check fails?"));
            if !failed.iter().any(|f| f == check) {
                wrong.push(format!(
                    "{name}: fails, but not at {check} (failed: {failed:?})"
                ));
            }
        }
    }
    println!(
        "OpenSSL OCSP test responses: mqocsp agrees on {} of {}",
        cases.len() - wrong.len(),
        cases.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The page's Verify view (`verify_selection`) takes pasted CRLs as `verify-chain` does, an
/// indirect CRL from the cRLIssuer the target's distribution point names included (PKITS
/// 4.14.28 with only that CRL and the anchor's pasted: none is from the target's issuer).
#[test]
fn the_page_uses_an_indirect_crl_as_verify_chain_does() {
    use mqocsp_core::verify::workbench::{Selection, default_selection, verify_selection};
    let dir = suites().join("nist_pkits");
    let files = [
        "certs/ValidcRLIssuerTest28EE.crt",
        "certs/indirectCRLCA3Cert.crt",
        "certs/indirectCRLCA3cRLIssuerCert.crt",
        "certs/TrustAnchorRootCertificate.crt",
        "crls/TrustAnchorRootCRL.crl",
        "crls/indirectCRLCA3cRLIssuerCRL.crl",
    ];
    let decoded: Vec<_> = files
        .iter()
        .map(|f| mqocsp_core::decode_bytes(&std::fs::read(dir.join(f)).unwrap()))
        .collect();
    let objects: Vec<_> = decoded.iter().flat_map(|d| d.objects.iter()).collect();
    let target = objects
        .iter()
        .find_map(|o| match &o.body {
            mqocsp_core::ObjectBody::Certificate(c) if c.subject.rfc4514.contains("Test28") => {
                Some(c.fingerprints.sha256.clone())
            }
            _ => None,
        })
        .unwrap();
    let anchor = objects
        .iter()
        .find_map(|o| match &o.body {
            mqocsp_core::ObjectBody::Certificate(c)
                if c.subject.rfc4514.contains("Trust Anchor") =>
            {
                Some(c.fingerprints.sha256.clone())
            }
            _ => None,
        })
        .unwrap();
    let selection = Selection {
        target: Some(target),
        anchors: vec![anchor],
        purpose: Some(mqocsp_core::verify::Purpose::Any),
        ..default_selection(&objects)
    };
    let at = mqocsp_core::Timestamp::parse_rfc3339("2022-05-01T00:00:00Z").unwrap();
    let report = verify_selection(&objects, &selection, at);
    assert_eq!(report.crls_used, 2, "{}", report.trace.text());
    assert_eq!(report.chain_valid, Some(true), "{}", report.trace.text());
    assert!(
        report.trace.text().contains("Not listed in the CRL"),
        "{}",
        report.trace.text()
    );
}
