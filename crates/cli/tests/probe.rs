//! `mqocsp probe` against real peers: `openssl s_server` standing in for the queue manager
//! listener and `openssl ocsp` responders, in the seed's client-side scenarios.

use mqocsp_testkit::http_file::HttpFile;
use mqocsp_testkit::openssl::{OcspServer, OpensslCa, SERVER_EXTENSIONS, TlsServer, free_port};
use serde_json::Value;
use std::ffi::OsStr;
use std::process::Command;

const CHANNEL: &str = "PL81N.MQICHL";

mod common;

fn probe(server: &TlsServer, ca: &OpensslCa, ocsp_url: &str, extra: &[&str]) -> Value {
    let address = server.address();
    let ca_path = ca.cert_path();
    let mut args: Vec<&OsStr> = [
        "probe",
        &address,
        "--channel",
        CHANNEL,
        "--json",
        "--timeout-secs",
        "5",
    ]
    .into_iter()
    .map(OsStr::new)
    .collect();
    args.extend([
        OsStr::new("--ca"),
        ca_path.as_os_str(),
        OsStr::new("--ocsp-url"),
        OsStr::new(ocsp_url),
    ]);
    args.extend(extra.iter().map(OsStr::new));
    common::mqocsp_json(args)
}

fn seed() -> OpensslCa {
    let mut ca = OpensslCa::root(
        "probe",
        "/C=AU/ST=Sydney/O=Pulsar Integration SD Inc./CN=www.sd.pulsarintegration.com",
    );
    ca.issue(
        "qm",
        "/C=AU/ST=Sydney/O=Pulsar Integration PL81NA Inc./CN=www.sd.pulsarintegration.PL81N.com",
        1,
        SERVER_EXTENSIONS,
    );
    ca
}

fn ids(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn good_handshake_and_good_answer_connect() {
    let ca = seed();
    let responder = OcspServer::start(&ca);
    let server = TlsServer::start(&ca, "qm", &[]);
    let json = probe(
        &server,
        &ca,
        &responder.url(),
        &["--cipher-spec", "TLS_AES_128_GCM_SHA256"],
    );
    assert_eq!(json["outcome"]["connected"], true, "{json:#}");
    let live = &json["live"];
    assert_eq!(live["sni"], "pl81n2e-mqichl.chl.mq.ibm.com");
    assert_eq!(live["protocol"], "TLSv1_3");
    assert_eq!(live["cipher_suite"], "TLS13_AES_128_GCM_SHA256");
    assert_eq!(
        live["chain"][0],
        "CN=www.sd.pulsarintegration.PL81N.com,O=Pulsar Integration PL81NA Inc.,ST=Sydney,C=AU"
    );
    assert_eq!(live["ocsp"][0]["cert_status"], "good");
    assert_eq!(live["ocsp"][0]["http_status"], 200);
}

#[test]
fn peer_name_is_checked_against_the_live_certificate() {
    let ca = seed();
    let responder = OcspServer::start(&ca);
    let server = TlsServer::start(&ca, "qm", &[]);
    let wrong = probe(
        &server,
        &ca,
        &responder.url(),
        &[
            "--peer-name",
            "CN=www.sd.pulsarintegration.PL81N.com, O=IBM",
        ],
    );
    assert_eq!(wrong["outcome"]["reason_code"], 2398, "{wrong:#}");
    assert_eq!(ids(&wrong["outcome"]["client_log"]), ["AMQ9636E"]);
    // The DN as MQ builds it from what the listener presented: serial first, most specific next.
    let text = wrong["client_log"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("'SERIALNUMBER=01,CN=www.sd.pulsarintegration.PL81N.com,O=Pulsar Integration PL81NA Inc.,ST=Sydney,C=AU'"),
        "{text}"
    );
    let right = probe(
        &server,
        &ca,
        &responder.url(),
        &[
            "--peer-name",
            "CN=www.sd.pulsarintegration.*; O=pulsar integration pl81na inc.",
        ],
    );
    assert_eq!(right["outcome"]["connected"], true, "{right:#}");
}

#[test]
fn responder_down_follows_ocsp_authentication() {
    let ca = seed();
    let server = TlsServer::start(&ca, "qm", &[]);
    let down = format!("http://127.0.0.1:{}/", free_port());
    let required = probe(&server, &ca, &down, &[]);
    assert_eq!(required["outcome"]["reason_code"], 2393, "{required:#}");
    assert_eq!(ids(&required["outcome"]["client_log"]), ["AMQ9716E"]);
    assert!(
        required["live"]["ocsp"][0]["error"]
            .as_str()
            .unwrap()
            .contains("cannot connect")
    );
    let warn = probe(&server, &ca, &down, &["--ocsp-authentication", "warn"]);
    assert_eq!(warn["outcome"]["connected"], true);
    assert_eq!(ids(&warn["outcome"]["client_log"]), ["AMQ9717"]);
    let optional = probe(&server, &ca, &down, &["--ocsp-authentication", "optional"]);
    assert_eq!(optional["outcome"]["connected"], true);
    assert_eq!(
        ids(&optional["outcome"]["client_log"]),
        Vec::<String>::new()
    );
}

#[test]
fn revoked_and_unknown_serials() {
    let mut ca = seed();
    ca.issue(
        "stranger",
        "/C=AU/O=Pulsar/CN=not-in-index",
        7,
        SERVER_EXTENSIONS,
    );
    ca.revoke(1, "210929080911Z", None);
    let responder = OcspServer::start(&ca);
    let server = TlsServer::start(&ca, "qm", &[]);
    let revoked = probe(&server, &ca, &responder.url(), &[]);
    assert_eq!(revoked["live"]["ocsp"][0]["cert_status"], "revoked");
    assert_eq!(
        ids(&revoked["outcome"]["client_log"]),
        ["AMQ9633E"],
        "{revoked:#}"
    );
    drop(server);
    // A certificate the responder's index.txt does not list.
    let index = std::fs::read_to_string(ca.dir().join("index.txt")).unwrap();
    std::fs::write(
        ca.dir().join("index.txt"),
        index
            .lines()
            .filter(|l| !l.contains("\t07\t"))
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    )
    .unwrap();
    let responder = OcspServer::start(&ca);
    let stranger = TlsServer::start(&ca, "stranger", &[]);
    let unknown = probe(&stranger, &ca, &responder.url(), &[]);
    assert_eq!(
        unknown["live"]["ocsp"][0]["cert_status"], "unknown",
        "{unknown:#}"
    );
    assert_eq!(ids(&unknown["outcome"]["client_log"]), ["AMQ9716E"]);
}

/// The classic openssl-responder surprise: GSKit also asks about the intermediate CA, and a
/// responder started for the intermediate (knowing only leaf serials) answers unknown.
#[test]
fn intermediate_unknown_to_a_leaf_only_responder() {
    let mut root = OpensslCa::root("probe-root", "/C=AU/O=Pulsar/CN=Pulsar Root CA");
    let mut issuing = root.intermediate("issuing", "/C=AU/O=Pulsar/CN=Pulsar Issuing CA", 2);
    issuing.issue(
        "qm",
        "/C=AU/O=Pulsar/CN=qm.example.test",
        1,
        SERVER_EXTENSIONS,
    );
    // The listener sends its chain: leaf then intermediate.
    let chain = format!("{}{}", issuing.read_text("qm.pem"), issuing.cert_pem());
    std::fs::write(issuing.dir().join("qm.pem"), chain).unwrap();
    let responder = OcspServer::start(&issuing);
    let server = TlsServer::start(&issuing, "qm", &[]);
    let json = probe(&server, &root, &responder.url(), &[]);
    let ocsp = json["live"]["ocsp"].as_array().unwrap();
    // The leaf's good answer ends its search; the intermediate's unknown sends MQ on to the
    // intermediate's AIA responder (nothing listens there).
    assert_eq!(
        ocsp.len(),
        3,
        "leaf and intermediate are both asked about: {json:#}"
    );
    assert_eq!(ocsp[0]["cert_status"], "good");
    assert_eq!(ocsp[1]["certificate"], "Pulsar Issuing CA");
    assert_eq!(ocsp[1]["cert_status"], "unknown");
    assert_eq!(ocsp[2]["certificate"], "Pulsar Issuing CA");
    assert_eq!(ocsp[2]["url"], "http://127.0.0.1:2561/");
    assert!(
        ocsp[2]["error"]
            .as_str()
            .unwrap()
            .contains("cannot connect")
    );
    // The first source's reason is the one reported: the responder does not know it.
    assert_eq!(ids(&json["outcome"]["client_log"]), ["AMQ9716E"]);
    let steps = json["steps"].to_string();
    assert!(
        steps.contains("MQ goes on to the next source, the OCSP responder http://127.0.0.1:2561/"),
        "{steps}"
    );
    let _ = root.dir();
}

#[test]
fn listener_demanding_a_client_certificate_is_explained() {
    let ca = seed();
    let responder = OcspServer::start(&ca);
    let server = TlsServer::start(&ca, "qm", &["-Verify", "1"]);
    let json = probe(&server, &ca, &responder.url(), &[]);
    assert_eq!(
        json["live"]["client_certificate_requested"], true,
        "{json:#}"
    );
    assert_eq!(json["outcome"]["reason_code"], 2393);
    assert_eq!(ids(&json["outcome"]["client_log"]), ["AMQ9642E"]);
    assert_eq!(ids(&json["outcome"]["queue_manager_log"]), ["AMQ9637E"]);
    let step = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "live.client_certificate")
        .unwrap();
    assert!(
        step["explanation"]
            .as_str()
            .unwrap()
            .contains("www.sd.pulsarintegration.com"),
        "{step}"
    );
}

#[test]
fn unreachable_listener_and_case_out() {
    let ca = seed();
    let dir = mqocsp_testkit::scratch::ScratchDir::new("probe-case");
    let case_file = dir.path().join("case.json");
    let out = Command::new(env!("CARGO_BIN_EXE_mqocsp"))
        .args([
            "probe",
            &format!("127.0.0.1:{}", free_port()),
            "--channel",
            CHANNEL,
            "--json",
            "--timeout-secs",
            "2",
        ])
        .arg("--ca")
        .arg(ca.cert_path())
        .arg("--case-out")
        .arg(&case_file)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["outcome"]["reason_code"], 2538, "{json:#}");
    let case =
        mqocsp_core::mq::case::Case::from_json(&std::fs::read_to_string(&case_file).unwrap())
            .unwrap();
    assert!(case.title.contains("Live probe"));
}

/// A server certificate (serial 05, cdp.example.test) naming `cdp` as its CRL distribution point.
fn issue_with_cdp(ca: &mut OpensslCa, cdp: &HttpFile) {
    ca.issue(
        "cdp",
        "/C=AU/O=Pulsar/CN=cdp.example.test",
        5,
        &format!(
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\ncrlDistributionPoints=URI:{}\n",
            cdp.url()
        ),
    );
}

/// CDPCheckExtensions=YES against a real CRL distribution point: the CRL `openssl ca -gencrl`
/// writes, served over plain HTTP, decides; without it the status is unknown.
#[test]
fn crl_distribution_point_is_fetched_and_decides() {
    let mut ca = seed();
    let cdp = HttpFile::start("ca.crl", ca.dir().join("crl.der"));
    issue_with_cdp(&mut ca, &cdp);
    let ini = ca.dir().join("mqclient.ini");
    std::fs::write(
        &ini,
        "SSL:\n  OCSPCheckExtensions=NO\n  CDPCheckExtensions=YES\n",
    )
    .unwrap();
    let server = TlsServer::start(&ca, "cdp", &[]);
    let ca_path = ca.cert_path();
    let run = || {
        let address = server.address();
        common::mqocsp_json([
            OsStr::new("probe"),
            OsStr::new(&address),
            OsStr::new("--channel"),
            OsStr::new(CHANNEL),
            OsStr::new("--json"),
            OsStr::new("--timeout-secs"),
            OsStr::new("5"),
            OsStr::new("--ca"),
            ca_path.as_os_str(),
            OsStr::new("--mqclient-ini"),
            ini.as_os_str(),
        ])
    };
    // No CRL published yet: 404, the status stays unknown (AMQ9716E under REQUIRED).
    let missing = run();
    assert_eq!(
        missing["live"]["crl"][0]["error"], "HTTP 404",
        "{missing:#}"
    );
    assert_eq!(ids(&missing["outcome"]["client_log"]), ["AMQ9716E"]);
    // Published, not listing serial 05: connected.
    let _ = ca.crl();
    let good = run();
    assert_eq!(good["outcome"]["connected"], true, "{good:#}");
    assert_eq!(good["live"]["crl"][0]["http_status"], 200);
    // Revoked and republished: AMQ9633E.
    ca.revoke(5, "240101000000Z", Some("superseded"));
    let _ = ca.crl();
    let revoked = run();
    assert_eq!(revoked["outcome"]["reason_code"], 2393, "{revoked:#}");
    assert_eq!(ids(&revoked["outcome"]["client_log"]), ["AMQ9633E"]);
    assert_eq!(cdp.served(), 2);
}

/// `--client-kind java`: JSSE asks `ocsp.responderURL` (not the MQAIR URL `--ocsp-url` gives, which
/// the Java classes cannot use), and the prediction is the Java model's (2397, JSSE's verdict).
#[test]
fn java_kind_asks_the_jvms_responder_and_predicts_2397() {
    let mut ca = seed();
    ca.revoke(1, "210929080911Z", None);
    let responder = OcspServer::start(&ca);
    let server = TlsServer::start(&ca, "qm", &[]);
    let dead = format!("http://127.0.0.1:{}/", free_port());
    let responder_url = format!("--client-option=ocsp.responderURL={}", responder.url());
    let json = probe(
        &server,
        &ca,
        &dead,
        &[
            "--client-kind",
            "java",
            "--client-option=-Dcom.sun.net.ssl.checkRevocation=true",
            "--client-option=ocsp.enable=true",
            &responder_url,
        ],
    );
    assert_eq!(json["client_kind"], "java");
    let asked: Vec<&str> = json["live"]["ocsp"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["url"].as_str().unwrap())
        .collect();
    assert_eq!(asked, [responder.url().as_str()], "{json:#}");
    assert_eq!(json["outcome"]["reason_code"], 2397, "{json:#}");
    assert!(
        ids(&json["outcome"]["client_log"]).contains(&"JSSE:REVOKED".to_owned()),
        "{json:#}"
    );
    // Without checkRevocation the JVM asks nothing and connects.
    let off = probe(&server, &ca, &dead, &["--client-kind", "java"]);
    assert_eq!(off["live"]["ocsp"].as_array().unwrap().len(), 0, "{off:#}");
    assert_eq!(off["outcome"]["connected"], true, "{off:#}");
}

/// `--client-kind dotnet`: the chain engine fetches the CRL the certificate names (the MQAIR URL
/// is not asked), and the prediction is the .NET model's (2393, chain status Revoked).
#[test]
fn dotnet_kind_fetches_the_certificates_cdp_and_predicts_chain_status_revoked() {
    let mut ca = seed();
    let cdp = HttpFile::start("ca.crl", ca.dir().join("crl.der"));
    issue_with_cdp(&mut ca, &cdp);
    ca.revoke(5, "240101000000Z", Some("keyCompromise"));
    let _ = ca.crl();
    let server = TlsServer::start(&ca, "cdp", &[]);
    let dead = format!("http://127.0.0.1:{}/", free_port());
    let json = probe(
        &server,
        &ca,
        &dead,
        &[
            "--client-kind",
            "dotnet",
            "--client-option",
            "SSLCertRevocationCheck=true",
            "--client-option",
            "platform=linux",
            "--peer-name",
            "CN=cdp.example.test",
        ],
    );
    assert_eq!(json["client_kind"], "dotnet");
    assert_eq!(
        json["live"]["ocsp"].as_array().unwrap().len(),
        0,
        "{json:#}"
    );
    assert_eq!(json["live"]["crl"][0]["http_status"], 200, "{json:#}");
    assert_eq!(json["outcome"]["reason_code"], 2393, "{json:#}");
    assert_eq!(
        ids(&json["outcome"]["client_log"]),
        [
            "NET:MQException",
            "NET:AuthenticationException",
            "NET:Revoked"
        ],
        "{json:#}"
    );
    // An option the kind does not read is refused, naming it.
    let out = Command::new(env!("CARGO_BIN_EXE_mqocsp"))
        .args([
            "probe",
            &server.address(),
            "--channel",
            CHANNEL,
            "--client-kind",
            "dotnet",
            "--client-option",
            "ocsp.enable=true",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("'ocsp.enable=true' is not a .NET setting"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
