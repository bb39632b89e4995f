//! `mqocsp probe HOST:PORT --channel NAME`: a live TLS handshake to a queue manager listener, as
//! the MQ client makes it (SNI from the channel name, the configured CipherSpec), then OCSP queries
//! about every certificate but the root, fed to the same prediction as offline cases.
//!
//! Sockets and HTTP live here; everything else is mqocsp-core.

use anyhow::Context as _;
use mqocsp_core::Certificate;
use mqocsp_core::mq::case::{Case, ClientSide, FORMAT, QmSide, VERSION};
use mqocsp_core::mq::config::{AuthInfoType, Mqair, Mqcd, Mqcno, Mqsco, QmTls};
use mqocsp_core::mq::ini::{Ini, OcspAuthentication, OutboundSni, SslStanza};
use mqocsp_core::mq::live::{ProbeEvidence, QueryKind};
use mqocsp_core::mq::predict::predict;
use mqocsp_core::mq::sni::channel_sni;
use mqocsp_tlsprobe::{Handshake, Seen};
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

/// The TLS handshake over a socket; fills `live` and returns what the listener presented.
fn handshake(args: &ProbeArgs, sni: &str, live: &mut ProbeEvidence) -> anyhow::Result<Seen> {
    let timeout = Duration::from_secs(args.timeout_secs);
    let addr = args
        .target
        .to_socket_addrs()
        .with_context(|| format!("{} does not resolve", args.target))?
        .next()
        .with_context(|| format!("{} has no address", args.target))?;
    let mut socket = match TcpStream::connect_timeout(&addr, timeout) {
        Ok(socket) => socket,
        Err(error) => {
            live.error = Some(format!("cannot connect to {addr}: {error}"));
            return Ok(Seen::default());
        }
    };
    live.connected = true;
    socket.set_read_timeout(Some(timeout)).ok();
    let time = Arc::new(rustls::time_provider::DefaultTimeProvider);
    let mut tls =
        Handshake::new(sni, args.cipher_spec.as_deref(), time).map_err(anyhow::Error::msg)?;
    let mut buffer = vec![0u8; 16 * 1024];
    let quiet = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        )
    };
    loop {
        let out = tls.outgoing();
        if !out.is_empty() && socket.write_all(&out).is_err() {
            live.error = Some("the listener closed the connection during the handshake".into());
            break;
        }
        if !tls.is_handshaking() {
            break;
        }
        match socket.read(&mut buffer) {
            Ok(0) => {
                live.error = Some("the listener closed the connection during the handshake".into());
                break;
            }
            Ok(n) => {
                if let Err(error) = tls.incoming(&buffer[..n]) {
                    live.error = Some(format!("the TLS handshake failed: {error}"));
                    break;
                }
            }
            Err(error) => {
                live.error = Some(format!("the TLS handshake failed: {error}"));
                break;
            }
        }
    }
    if live.error.is_none() {
        live.protocol = tls.protocol();
        live.cipher_suite = tls.cipher_suite();
        // A listener that rejects our (absent) certificate says so right after the handshake;
        // a read timeout only means it had nothing to say.
        socket
            .set_read_timeout(Some(Duration::from_millis(800)))
            .ok();
        match socket.read(&mut buffer) {
            Ok(0) => {
                live.alert_after_handshake =
                    Some("the listener closed the connection right after the handshake".into())
            }
            Ok(n) => {
                if let Err(error) = tls.incoming(&buffer[..n]) {
                    live.alert_after_handshake = Some(error);
                }
            }
            Err(error) if !quiet(&error) => live.alert_after_handshake = Some(error.to_string()),
            Err(_) => {}
        }
        tls.close();
        let _ = socket.write_all(&tls.outgoing());
    }
    Ok(tls.seen())
}

/// Sends one planned OCSP request to its responder: POST, as GSKit does.
fn ask(query: &mqocsp_core::mq::live::Query, timeout: Duration) -> (OcspQuery, Option<Vec<u8>>) {
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
            record.cert_status = mqocsp_core::mq::live::statuses(&query.request, &body)
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

pub(crate) fn run(args: &ProbeArgs) -> anyhow::Result<ExitCode> {
    let ini_text = match &args.mqclient_ini {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?,
        None => String::new(),
    };
    let ssl = SslStanza::from_ini(&Ini::parse(&ini_text));
    let host = args
        .target
        .rsplit_once(':')
        .map_or(args.target.as_str(), |(h, _)| h);
    let sni = match ssl.outbound_sni.value {
        OutboundSni::Channel => channel_sni(&args.channel),
        OutboundSni::Hostname => host.to_owned(),
    };
    let mut live = Live {
        probe: ProbeEvidence {
            target: args.target.clone(),
            sni: sni.clone(),
            ..ProbeEvidence::default()
        },
        ocsp: Vec::new(),
        crl: Vec::new(),
    };
    let seen = handshake(args, &sni, &mut live.probe)?;
    let mut anchors = Vec::new();
    for path in &args.ca {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        anchors.extend(mqocsp_core::decode_bytes(&bytes).certificates().cloned());
    }
    let chain: Vec<Certificate> = seen
        .chain
        .iter()
        .filter_map(|der| Certificate::parse(der).ok())
        .collect();
    live.probe.chain = chain.iter().map(|c| c.subject.rfc4514.clone()).collect();
    live.probe.stapled_ocsp = !seen.stapled.is_empty();
    live.probe.client_certificate_requested = seen.requested;
    live.probe.acceptable_cas = seen
        .hints
        .iter()
        .map(|h| mqocsp_core::name::DistinguishedName::text_of_der(h))
        .collect();
    let timeout = Duration::from_secs(args.timeout_secs);
    let material: String = chain
        .iter()
        .chain(&anchors)
        .map(|c| mqocsp_core::mq::live::pem_block("CERTIFICATE", &c.der))
        .collect();
    let policy = args
        .ocsp_authentication
        .as_deref()
        .and_then(OcspAuthentication::parse);
    let mqcno = args.ocsp_url.as_ref().map(|url| Mqcno {
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
    let mut case = Case {
        format: FORMAT.to_owned(),
        version: VERSION,
        title: format!("Live probe of {} (channel {})", args.target, args.channel),
        description: format!(
            "Recorded by mqocsp probe at {}.",
            mqocsp_core::Timestamp(time::OffsetDateTime::now_utc())
        ),
        at: mqocsp_core::Timestamp(time::OffsetDateTime::now_utc()).to_string(),
        material,
        client: ClientSide {
            mqcno,
            mqcd: Some(Mqcd {
                version: 11,
                channel_name: args.channel.clone(),
                conn_name: Some(args.target.clone()),
                cipher_spec: args.cipher_spec.clone(),
                peer_name: args.peer_name.clone(),
                certificate_label: None,
            }),
            mqclient_ini: ini_text,
            trust: anchors
                .iter()
                .map(|a| format!("sha256:{}", a.fingerprints.sha256))
                .collect(),
            ocsp_authentication: policy,
            ..ClientSide::default()
        },
        queue_manager: QmSide {
            name: String::new(),
            tls: QmTls::Gskit,
            mqsc: format!(
                "DEFINE CHANNEL('{}') CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)\n",
                args.channel
            ),
            certificate: chain
                .first()
                .map(|c| format!("sha256:{}", c.fingerprints.sha256)),
            ..QmSide::default()
        },
        responders: Vec::new(),
        live: Some(live.probe.clone()),
    };
    // The queries MQ's order calls for (every source a missing answer would send it on to), as
    // the page plans them; each answer, or its absence, is folded into the case.
    let started = Instant::now();
    let mut counter: u8 = 0;
    let queries = mqocsp_core::mq::live::plan(&case, &mut || {
        counter = counter.wrapping_add(1);
        (0..16u8)
            .map(|i| (started.elapsed().as_nanos() as u8).wrapping_add(i ^ counter))
            .collect()
    });
    // A certificate's sources one after the other, stopping at its first good or revoked
    // answer, as MQ does (and the page).
    for group in mqocsp_core::mq::live::by_certificate(queries) {
        for query in &group {
            let (body, error) = match query.kind {
                QueryKind::Ocsp => {
                    let (record, body) = ask(query, timeout);
                    let error = record.error.clone();
                    live.ocsp.push(record);
                    (body, error)
                }
                QueryKind::Crl => {
                    let (fetch, body) = fetch_crl(&query.url, &query.certificate, timeout);
                    let error = fetch.error.clone();
                    live.crl.push(fetch);
                    (body, error)
                }
            };
            let answer = match &body {
                Some(body) => Ok(body.as_slice()),
                None => Err(error.as_deref().unwrap_or("no answer")),
            };
            mqocsp_core::mq::live::record_answer(&mut case, query, answer);
            if body
                .as_ref()
                .is_some_and(|b| mqocsp_core::mq::live::ends_search(query, b))
            {
                break;
            }
        }
    }
    let diagnosis = predict(&case);
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
            "live": live,
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        println!(
            "SNI {} · {} · {}",
            live.probe.sni,
            live.probe.protocol.as_deref().unwrap_or("no TLS"),
            live.probe.cipher_suite.as_deref().unwrap_or("-")
        );
        for subject in &live.probe.chain {
            println!("  presented: {subject}");
        }
        for q in &live.ocsp {
            println!(
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
            println!(
                "  CRL {} for {}: {}",
                f.url,
                f.certificate,
                f.bytes
                    .map(|b| format!("{b} bytes"))
                    .or_else(|| f.error.clone())
                    .unwrap_or_default()
            );
        }
        print!("{}", crate::mq::text(&case, &diagnosis));
    }
    Ok(ExitCode::SUCCESS)
}
