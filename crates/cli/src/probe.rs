//! `mqocsp probe HOST:PORT --channel NAME`: a live TLS handshake to a queue manager listener, as
//! the MQ client makes it (SNI from the channel name, the configured CipherSpec), then OCSP queries
//! about every certificate but the root, fed to the same prediction as offline cases.
//!
//! Sockets and HTTP live here; everything else is mqocsp-core.

use anyhow::Context as _;
use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::config::{AuthInfoType, Mqair, Mqcd, Mqcno, Mqsco, QmTls, SslCauth};
use mqocsp_core::mq::dotnet::{DotnetReading, DotnetSettings, Platform};
use mqocsp_core::mq::evidence::ProbeEvidence;
use mqocsp_core::mq::ini::OcspAuthentication;
use mqocsp_core::mq::java::{ClientKind, JavaSettings};
use mqocsp_core::mq::predict::predict;
use mqocsp_core::mq::session::{Dial, Fetch, FetchKind, Observed, Session, Task};
use mqocsp_tlsprobe::Handshake;
use mqocsp_wire::{HttpUrl, Method};
use serde::Serialize;
use std::io::{Read as _, Write as _};
use std::net::{TcpStream, ToSocketAddrs as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
pub(crate) struct ProbeArgs {
    /// The listener: HOST:PORT.
    target: String,
    /// The server-connection channel (its name decides the SNI MQ sends).
    #[arg(long)]
    channel: String,
    /// CA certificates of the client's key repository (trust anchors).
    #[arg(long)]
    ca: Vec<PathBuf>,
    /// The OCSP responder URL, as MQAIR.OCSPResponderURL (else the certificates' AIA).
    #[arg(long)]
    ocsp_url: Option<String>,
    /// OCSPAuthentication (else mqclient.ini's, else REQUIRED).
    #[arg(long, value_parser = ["required", "warn", "optional"])]
    ocsp_authentication: Option<String>,
    /// The client's mqclient.ini (SSL stanza: OCSPAuthentication, OCSPCheckExtensions, OutboundSNI).
    #[arg(long)]
    mqclient_ini: Option<PathBuf>,
    /// The CipherSpec (MQ name); the handshake offers only it when rustls supports it.
    #[arg(long)]
    cipher_spec: Option<String>,
    /// SSLPeerName: the DN pattern the queue manager's certificate must match (IBM's SSLPEER rules).
    #[arg(long)]
    peer_name: Option<String>,
    /// Which client to model: c (GSKit, MQ's responder order), java (JSSE: the JVM's settings,
    /// see --client-option) or dotnet (managed .NET: the certificates' AIA/CDP).
    #[arg(long, value_parser = ["c", "java", "dotnet"], default_value = "c")]
    client_kind: String,
    /// A setting of the client kind, repeatable: for java a JVM option or security property
    /// (`-Dcom.sun.net.ssl.checkRevocation=true`, `ocsp.enable=true`, `ocsp.responderURL=URL`,
    /// `-Dcom.sun.security.enableCRLDP=true`); for dotnet `SSLCertRevocationCheck=true` and
    /// `platform=windows|linux`.
    #[arg(long)]
    client_option: Vec<String>,
    /// Write the case (with the live evidence) to this file; the page can open it.
    #[arg(long)]
    case_out: Option<PathBuf>,
    /// Seconds to wait for the listener and each responder.
    #[arg(long, default_value_t = 10)]
    timeout_secs: u64,
    /// Print JSON (the shape of `mqocsp diagnose --json` plus `live`).
    #[arg(long)]
    json: bool,
}

/// What the probe showed: the evidence the case keeps, and the OCSP queries made.
#[derive(Debug, Serialize)]
struct Live {
    #[serde(flatten)]
    probe: ProbeEvidence,
    ocsp: Vec<OcspQuery>,
    crl: Vec<CrlFetch>,
}

/// One CRL fetched from a distribution point (CDPCheckExtensions=YES).
#[derive(Debug, Serialize)]
struct CrlFetch {
    certificate: String,
    url: String,
    http_status: Option<u16>,
    bytes: Option<usize>,
    elapsed_ms: u128,
    error: Option<String>,
}

/// The largest answer read: an OCSP response is small, a CRL can be megabytes (the decoder's own
/// limit is 16 MiB).
const MAX_OCSP_ANSWER: usize = 1024 * 1024;
const MAX_CRL: usize = 16 * 1024 * 1024;

/// Sends `request` to the host of `url` and reads the HTTP answer (at most `max` bytes).
fn exchange(
    url: &HttpUrl,
    request: &[u8],
    timeout: Duration,
    max: usize,
) -> Result<mqocsp_wire::http::Response, String> {
    let host = url.host().bare();
    let addr = (host.as_str(), url.port())
        .to_socket_addrs()
        .map_err(|e| format!("{host} does not resolve: {e}"))?
        .next()
        .ok_or("no address")?;
    let mut socket = TcpStream::connect_timeout(&addr, timeout)
        .map_err(|e| format!("cannot connect to {addr}: {e}"))?;
    socket.set_read_timeout(Some(timeout)).ok();
    socket.write_all(request).map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = socket
            .read(&mut chunk)
            .map_err(|e| format!("reading from {addr}: {e}"))?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&chunk[..n]);
        if mqocsp_wire::http::is_complete(&raw) {
            break;
        }
        if raw.len() > max {
            return Err(format!("the answer from {addr} is larger than {max} bytes"));
        }
    }
    mqocsp_wire::http::parse_response(&raw).map_err(|e| e.to_string())
}

/// `url` validated and the request bytes for it (mqocsp_wire's one URL validator).
fn http_request(url: &str, method: Method, der: &[u8]) -> Result<(HttpUrl, Vec<u8>), String> {
    let url = HttpUrl::parse(url).map_err(|e| format!("'{url}': {e}"))?;
    let request = mqocsp_wire::http::request(&url, method, der).map_err(|e| e.to_string())?;
    Ok((url, request))
}

/// Fetches the CRL at `url` (a plain GET, as GSKit does for CDPCheckExtensions=YES).
fn fetch_crl(url: &str, certificate: &str, timeout: Duration) -> (CrlFetch, Option<Vec<u8>>) {
    let started = Instant::now();
    let result = http_request(url, Method::Crl, &[])
        .and_then(|(url, request)| exchange(&url, &request, timeout, MAX_CRL));
    let mut fetch = CrlFetch {
        certificate: certificate.to_owned(),
        url: url.to_owned(),
        http_status: None,
        bytes: None,
        elapsed_ms: started.elapsed().as_millis(),
        error: None,
    };
    match result {
        Ok(response) if response.status == 200 => {
            fetch.http_status = Some(response.status);
            fetch.bytes = Some(response.body.len());
            (fetch, Some(response.body))
        }
        Ok(response) => {
            fetch.http_status = Some(response.status);
            fetch.error = Some(format!("HTTP {}", response.status));
            (fetch, None)
        }
        Err(error) => {
            fetch.error = Some(error);
            (fetch, None)
        }
    }
}

#[derive(Debug, Serialize)]
struct OcspQuery {
    certificate: String,
    url: String,
    http_status: Option<u16>,
    cert_status: Option<String>,
    elapsed_ms: u128,
    error: Option<String>,
}

/// The TLS handshake over a socket, as the session asked for it.
fn handshake(dial: &Dial, timeout: Duration) -> anyhow::Result<Observed> {
    let failed = |error: String| Observed {
        error: Some(error),
        ..Observed::default()
    };
    let addr = dial
        .target
        .to_socket_addrs()
        .with_context(|| format!("{} does not resolve", dial.target))?
        .next()
        .with_context(|| format!("{} has no address", dial.target))?;
    let mut socket = match TcpStream::connect_timeout(&addr, timeout) {
        Ok(socket) => socket,
        Err(error) => return Ok(failed(format!("cannot connect to {addr}: {error}"))),
    };
    socket.set_read_timeout(Some(timeout)).ok();
    let time = Arc::new(rustls::time_provider::DefaultTimeProvider);
    let mut tls =
        Handshake::new(&dial.sni, dial.cipher_spec.as_deref(), time).map_err(anyhow::Error::msg)?;
    let mut buffer = vec![0u8; 16 * 1024];
    let quiet = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        )
    };
    let mut error = None;
    loop {
        let out = tls.outgoing();
        if !out.is_empty() && socket.write_all(&out).is_err() {
            error = Some("the listener closed the connection during the handshake".to_owned());
            break;
        }
        if !tls.is_handshaking() {
            break;
        }
        match socket.read(&mut buffer) {
            Ok(0) => {
                error = Some("the listener closed the connection during the handshake".into());
                break;
            }
            Ok(n) => {
                if let Err(e) = tls.incoming(&buffer[..n]) {
                    error = Some(format!("the TLS handshake failed: {e}"));
                    break;
                }
            }
            Err(e) => {
                error = Some(format!("the TLS handshake failed: {e}"));
                break;
            }
        }
    }
    let mut alert = None;
    if error.is_none() {
        // A listener that rejects our (absent) certificate says so right after the handshake;
        // a read timeout only means it had nothing to say.
        socket
            .set_read_timeout(Some(Duration::from_millis(800)))
            .ok();
        match socket.read(&mut buffer) {
            Ok(0) => {
                alert = Some("the listener closed the connection right after the handshake".into())
            }
            Ok(n) => alert = tls.incoming(&buffer[..n]).err(),
            Err(e) if !quiet(&e) => alert = Some(e.to_string()),
            Err(_) => {}
        }
        tls.close();
        let _ = socket.write_all(&tls.outgoing());
    }
    let mut observed = tls.observed();
    if error.is_some() {
        observed.protocol = None;
        observed.cipher_suite = None;
    }
    observed.error = error;
    observed.alert_after_handshake = alert;
    Ok(observed)
}

/// Sends one planned OCSP request to its responder: POST, as GSKit does.
fn ask(query: &Fetch, timeout: Duration) -> (OcspQuery, Option<Vec<u8>>) {
    let started = Instant::now();
    let url = query.url.as_str();
    let mut record = OcspQuery {
        certificate: query.certificate.clone(),
        url: url.to_owned(),
        http_status: None,
        cert_status: None,
        elapsed_ms: 0,
        error: None,
    };
    let result = http_request(url, Method::Post, &query.request)
        .and_then(|(url, request)| exchange(&url, &request, timeout, MAX_OCSP_ANSWER))
        .map(|response| {
            record.http_status = Some(response.status);
            response.body
        });
    record.elapsed_ms = started.elapsed().as_millis();
    match result {
        Ok(body) => {
            // The status of the certificate the request asked about.
            record.cert_status = mqocsp_core::mq::session::statuses(&query.serial, &body)
                .first()
                .map(|status| status.word().to_owned());
            (record, Some(body))
        }
        Err(error) => {
            record.error = Some(error);
            (record, None)
        }
    }
}

/// The case a probe starts from: what the command line says about the client, nothing about
/// the queue manager but its channel (whose SSLCAUTH the probe cannot see: OPTIONAL is assumed
/// until the listener shows otherwise).
fn case_of(args: &ProbeArgs, now: mqocsp_core::Timestamp) -> anyhow::Result<Case> {
    let mut case = Case::new(
        &format!("Live probe of {} (channel {})", args.target, args.channel),
        &now.to_string(),
    );
    case.description = format!("Recorded by mqocsp probe at {now}.");
    if let Some(path) = &args.mqclient_ini {
        case.client.mqclient_ini = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
    }
    for path in &args.ca {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        for anchor in mqocsp_core::decode_bytes(&bytes).certificates() {
            case.material
                .push_str(&mqocsp_core::der_write::pem("CERTIFICATE", &anchor.der));
            case.client
                .trust
                .push(format!("sha256:{}", anchor.fingerprints.sha256));
        }
    }
    case.client.mqcno = args.ocsp_url.as_ref().map(|url| Mqcno {
        version: 4,
        sco: Some(Mqsco {
            version: 5,
            key_repository: None,
            certificate_label: None,
            auth_info_records: vec![Mqair {
                version: 2,
                auth_info_type: AuthInfoType::MqaitOcsp,
                ocsp_responder_url: Some(url.clone()),
                auth_info_conn_name: None,
            }],
            ..Mqsco::default()
        }),
    });
    case.client.mqcd = Some(Mqcd {
        version: 11,
        channel_name: args.channel.clone(),
        conn_name: Some(args.target.clone()),
        cipher_spec: args.cipher_spec.clone(),
        peer_name: args.peer_name.clone(),
        certificate_label: None,
    });
    case.client.ocsp_authentication = args
        .ocsp_authentication
        .as_deref()
        .and_then(OcspAuthentication::parse);
    client_kind(args, &mut case)?;
    case.queue_manager.tls = QmTls::Gskit;
    case.queue_manager.sslcauth = Some(SslCauth::Optional);
    Ok(case)
}

/// The client kind and its settings from `--client-kind` and `--client-option`; an option the
/// kind does not read is an error naming it.
fn client_kind(args: &ProbeArgs, case: &mut Case) -> anyhow::Result<()> {
    let options = args.client_option.join("\n");
    match args.client_kind.as_str() {
        "java" => {
            case.client.kind = Some(ClientKind::Java);
            let settings = JavaSettings::read(&options);
            for option in &args.client_option {
                if JavaSettings::read(option).is_empty() {
                    anyhow::bail!(
                        "--client-option '{option}' is not a JVM revocation setting (com.sun.net.ssl.checkRevocation, ocsp.enable, ocsp.responderURL, com.sun.security.enableCRLDP)"
                    );
                }
            }
            case.client.java = Some(settings);
        }
        "dotnet" => {
            case.client.kind = Some(ClientKind::Dotnet);
            let mut settings = DotnetSettings::default();
            for option in &args.client_option {
                let (name, value) = option.split_once('=').unwrap_or((option, ""));
                match (
                    name.trim().to_ascii_lowercase().as_str(),
                    value.trim().to_ascii_lowercase().as_str(),
                ) {
                    ("platform", "windows") => settings.platform = Some(Platform::Windows),
                    ("platform", "linux") => settings.platform = Some(Platform::Linux),
                    _ => {
                        let read = DotnetReading::read(option).settings;
                        if read.revocation_check.is_none() {
                            anyhow::bail!(
                                "--client-option '{option}' is not a .NET setting (SSLCertRevocationCheck=true|false, platform=windows|linux)"
                            );
                        }
                        settings.revocation_check = read.revocation_check;
                    }
                }
            }
            case.client.dotnet = Some(settings);
        }
        _ if !args.client_option.is_empty() => {
            anyhow::bail!("--client-option needs --client-kind java or dotnet")
        }
        _ => {}
    }
    Ok(())
}

/// 16 random bytes for an OCSP nonce.
fn nonce() -> Vec<u8> {
    let mut bytes = vec![0u8; 16];
    // Without the OS's randomness the request goes without a distinct nonce; it is still valid.
    let _ = getrandom::getrandom(&mut bytes);
    bytes
}

pub(crate) fn run(args: &ProbeArgs) -> anyhow::Result<ExitCode> {
    let now = mqocsp_core::Timestamp(time::OffsetDateTime::now_utc());
    let timeout = Duration::from_secs(args.timeout_secs);
    let mut session = Session::new(case_of(args, now)?, Some(&args.target), now);
    let mut ocsp = Vec::new();
    let mut crl = Vec::new();
    loop {
        match session.next(&mut nonce) {
            Task::Handshake(dial) => session.handshake_done(handshake(&dial, timeout)?),
            Task::Fetch(fetch) => {
                let (body, error) = match fetch.kind {
                    FetchKind::Ocsp => {
                        let (record, body) = ask(&fetch, timeout);
                        let error = record.error.clone();
                        ocsp.push(record);
                        (body, error)
                    }
                    FetchKind::Crl => {
                        let (record, body) = fetch_crl(&fetch.url, &fetch.certificate, timeout);
                        let error = record.error.clone();
                        crl.push(record);
                        (body, error)
                    }
                };
                session.fetched(body.ok_or_else(|| error.unwrap_or_else(|| "no answer".into())));
            }
            Task::Done => break,
        }
    }
    let case = session.into_case();
    let live = Live {
        probe: case.live.clone().unwrap_or_default(),
        ocsp,
        crl,
    };
    let diagnosis = predict(&case);
    let resolved_kind = {
        let client = case.resolve().client;
        (client.kind, client.java, client.dotnet)
    };
    if let Some(path) = &args.case_out {
        std::fs::write(path, case.to_json())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if args.json {
        let value = serde_json::json!({
            "outcome": diagnosis.outcome,
            "client_log": diagnosis.client_log,
            "queue_manager_log": diagnosis.queue_manager_log,
            "steps": diagnosis.steps,
            "assumptions": diagnosis.assumptions,
            "fixes": diagnosis.fixes,
            "client_kind": resolved_kind.0.word(),
            "live": live,
        });
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        outln!(
            "client kind: {}",
            mqocsp_core::mq::sources::describe(resolved_kind.0, &resolved_kind.1, &resolved_kind.2)
        );
        outln!(
            "SNI {} · {} · {}",
            live.probe.sni,
            live.probe.protocol.as_deref().unwrap_or("no TLS"),
            live.probe.cipher_suite.as_deref().unwrap_or("-")
        );
        for subject in &live.probe.chain {
            outln!("  presented: {subject}");
        }
        for q in &live.ocsp {
            outln!(
                "  OCSP {} about {}: {}",
                q.url,
                q.certificate,
                q.cert_status
                    .clone()
                    .or_else(|| q.error.clone())
                    .unwrap_or_default()
            );
        }
        for f in &live.crl {
            outln!(
                "  CRL {} for {}: {}",
                f.url,
                f.certificate,
                f.bytes
                    .map(|b| format!("{b} bytes"))
                    .or_else(|| f.error.clone())
                    .unwrap_or_default()
            );
        }
        out!("{}", crate::mq::text(&case, &diagnosis));
    }
    Ok(ExitCode::SUCCESS)
}
