//! The managed .NET client model on certificates made by `openssl ca`: a CRL from the
//! certificate's distribution point decides, a certificate naming no source is
//! RevocationStatusUnknown (not offline), an untrusted chain is refused only with an SSLPEERNAME,
//! and the Linux chain engine asks only the first CDP.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{client_ids, openssl_case};
use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::dotnet::{DotnetSettings, Platform};
use mqocsp_core::mq::java::ClientKind;
use mqocsp_core::mq::predict::predict;
use mqocsp_core::mq::sources::{SourceKind, dotnet_sources};
use mqocsp_testkit::openssl::{OpensslCa, SERVER_EXTENSIONS};

const QM: &str = "/C=GB/O=Example/CN=qm1.example.test";
const CDP_1: &str = "http://crl1.example.test/ca.crl";
const CDP_2: &str = "http://crl2.example.test/ca.crl";

fn with_cdps(ca: &mut OpensslCa) {
    ca.issue(
        "qm",
        QM,
        1,
        &format!(
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\ncrlDistributionPoints=URI:{CDP_1},URI:{CDP_2}\n"
        ),
    );
}

fn case(ca: &OpensslCa, crl: Option<&[u8]>, peer: Option<&str>, trusted: bool) -> Case {
    let mut case = openssl_case(ca, crl, ".NET");
    if trusted {
        case.client.trust = vec![".NET Test CA".into()];
    }
    case.client.peer_name = peer.map(str::to_owned);
    case.client.kind = Some(ClientKind::Dotnet);
    case.client.dotnet = Some(DotnetSettings {
        revocation_check: Some(true),
        platform: Some(Platform::Windows),
    });
    case
}

#[test]
fn a_crl_from_the_distribution_point_decides_for_the_chain_engine() {
    let mut ca = OpensslCa::root("dotnet-crl", "/C=GB/O=Example/CN=.NET Test CA");
    with_cdps(&mut ca);
    let peer = Some("CN=qm1.example.test");
    let clean = ca.crl();
    let d = predict(&case(&ca, Some(&clean), peer, true));
    assert_eq!(d.outcome.reason_code, None, "{:#?}", d.steps);

    ca.revoke(1, "240101000000Z", Some("keyCompromise"));
    let listed = ca.crl();
    let d = predict(&case(&ca, Some(&listed), peer, true));
    assert_eq!(d.outcome.reason_code, Some(2393), "{:#?}", d.steps);
    assert_eq!(
        client_ids(&d),
        [
            "NET:MQException",
            "NET:AuthenticationException",
            "NET:Revoked"
        ]
    );
    // No CRL at all: both distribution points give nothing, the status is unknown and the
    // sources count as offline.
    let d = predict(&case(&ca, None, peer, true));
    assert_eq!(
        client_ids(&d),
        [
            "NET:MQException",
            "NET:AuthenticationException",
            "NET:RevocationStatusUnknown",
            "NET:OfflineRevocation"
        ],
        "{:#?}",
        d.steps
    );
}

#[test]
fn no_source_is_unknown_and_not_offline() {
    let mut ca = OpensslCa::root("dotnet-none", "/C=GB/O=Example/CN=.NET Test CA");
    ca.issue(
        "qm",
        QM,
        1,
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
    );
    let d = predict(&case(&ca, None, Some("CN=qm1.example.test"), true));
    assert_eq!(
        client_ids(&d),
        [
            "NET:MQException",
            "NET:AuthenticationException",
            "NET:RevocationStatusUnknown"
        ],
        "{:#?}",
        d.steps
    );
}

#[test]
fn an_untrusted_chain_is_refused_only_with_a_peer_name() {
    let mut ca = OpensslCa::root("dotnet-untrusted", "/C=GB/O=Example/CN=.NET Test CA");
    ca.issue("qm", QM, 1, SERVER_EXTENSIONS);
    let d = predict(&case(&ca, None, Some("CN=qm1.example.test"), false));
    assert_eq!(d.outcome.reason_code, Some(2393));
    assert_eq!(
        client_ids(&d),
        [
            "NET:MQException",
            "NET:AuthenticationException",
            "NET:UntrustedRoot"
        ]
    );
    // IBM: without SSLPEERNAME the managed client accepts the certificate as-is.
    let d = predict(&case(&ca, None, None, false));
    assert_eq!(d.outcome.reason_code, None, "{:#?}", d.steps);
    assert!(
        d.assumptions.iter().any(|a| a.id == "dotnet-no-peer-name"),
        "{:#?}",
        d.assumptions
    );
}

#[test]
fn linux_asks_the_first_distribution_point_windows_every_one() {
    let mut ca = OpensslCa::root("dotnet-cdps", "/C=GB/O=Example/CN=.NET Test CA");
    with_cdps(&mut ca);
    let pem = std::fs::read_to_string(ca.dir().join("qm.pem")).unwrap();
    let decoded = mqocsp_core::decode(&pem);
    let cert = decoded.certificates().next().expect("the qm certificate");
    let crls = |platform| {
        dotnet_sources(
            &DotnetSettings {
                revocation_check: Some(true),
                platform: Some(platform),
            },
            cert,
        )
        .into_iter()
        .filter(|s| s.kind == SourceKind::Crl)
        .map(|s| s.url)
        .collect::<Vec<_>>()
    };
    assert_eq!(crls(Platform::Windows), [CDP_1, CDP_2]);
    assert_eq!(crls(Platform::Linux), [CDP_1]);
    // Off: nothing is asked.
    assert!(dotnet_sources(&DotnetSettings::default(), cert).is_empty());
}

#[test]
fn a_peer_name_mismatch_is_2398_in_an_mqexception() {
    let mut ca = OpensslCa::root("dotnet-peer", "/C=GB/O=Example/CN=.NET Test CA");
    with_cdps(&mut ca);
    let clean = ca.crl();
    let d = predict(&case(&ca, Some(&clean), Some("CN=qm2.example.test"), true));
    assert_eq!(d.outcome.reason_code, Some(2398), "{:#?}", d.steps);
    // IBM documents 2398 for the .NET classes; no GSKit AMQ9636 on a managed client.
    assert_eq!(client_ids(&d), ["NET:MQException"]);
}

/// A .NET exception with chain status Revoked and SSLCertRevocationCheck pasted, but no
/// SSLPEERNAME: the diagnosis supposes one (without it the managed client would accept the
/// certificate) and finds the certificate revoked.
#[test]
fn a_ticket_without_a_peer_name_supposes_one() {
    let pki = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/../../testdata/tickets/pki/{name}.pem",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let text = format!(
        "MQEnvironment.SSLCertRevocationCheck = true;\n\
         IBM.WMQ.MQException (0x80004005): Reason: 2393 MQRC_SSL_INITIALIZATION_ERROR\n \
         ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: Revoked\n{}{}{}",
        pki("qm"),
        pki("issuing"),
        pki("root")
    );
    let ticket = mqocsp_core::mq::ticket::read(&text, "2026-12-01T00:00:00Z");
    assert_eq!(ticket.case.client.kind, Some(ClientKind::Dotnet));
    let explanation = mqocsp_core::mq::explain::explain(&ticket.case, &ticket.observed);
    assert!(explanation.matches_observed, "{:#?}", explanation.cause);
    assert_eq!(explanation.diagnosis.outcome.reason_code, Some(2393));
    assert!(
        explanation
            .supposes
            .iter()
            .any(|s| s.starts_with("the application sets an SSLPEERNAME")),
        "{:?}",
        explanation.supposes
    );
    assert!(
        explanation.cause.summary.contains("is revoked"),
        "{}",
        explanation.cause.summary
    );
}
