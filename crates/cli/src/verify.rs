//! `mqocsp verify-chain` and `mqocsp verify-ocsp`: the trace of every check, as text or JSON.

use crate::decode::parse_time;
use anyhow::{Context as _, bail};
use mqocsp_core::error::DecodeError;
use mqocsp_core::ocsp::OcspRequest;
use mqocsp_core::verify::{
    ChainInput, ChainProfile, CrlSource, LegacyAlgorithms, OcspInput, PolicySettings, Profile,
    Purpose, Trace, verify_chain, verify_ocsp,
};
use mqocsp_core::{Certificate, Decoded, ObjectBody, Timestamp, decode_bytes};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Options both commands share.
#[derive(Debug, clap::Args)]
pub(crate) struct Common {
    /// Evaluation time (RFC 3339); default: now.
    #[arg(long, value_parser = parse_time)]
    at: Option<Timestamp>,
    /// Accept SHA-1 signatures and RSA keys below 2048 bits (with a warning).
    #[arg(long)]
    allow_sha1: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

impl Common {
    fn at(&self) -> Timestamp {
        self.at
            .unwrap_or_else(|| Timestamp(time::OffsetDateTime::now_utc()))
    }

    fn legacy(&self) -> LegacyAlgorithms {
        if self.allow_sha1 {
            LegacyAlgorithms::Allow
        } else {
            LegacyAlgorithms::Reject
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct ChainArgs {
    /// The certificate to verify (further certificates in the file count as untrusted).
    #[arg(long)]
    cert: PathBuf,
    /// Certificates that may be intermediates.
    #[arg(long)]
    untrusted: Vec<PathBuf>,
    /// Trust anchors (the key repository's CA certificates).
    #[arg(long, required = true)]
    trust: Vec<PathBuf>,
    /// A DNS name, IP address or mailbox (`user@example.com`) the certificate must carry in its
    /// subjectAltName.
    #[arg(long)]
    peer_name: Option<String>,
    /// What the certificate is for: server (a queue manager's), client (an MQ client's), any.
    /// The extKeyUsage names serverAuth, clientAuth and anyExtendedKeyUsage are accepted too (as
    /// path-validation suites such as x509-limbo write them).
    #[arg(
        long,
        default_value = "server",
        value_parser = ["server", "client", "any", "serverAuth", "clientAuth", "anyExtendedKeyUsage"]
    )]
    purpose: String,
    /// rfc5280 (strict: profile violations fail the path, no CN fallback for --peer-name) or
    /// gskit (what the MQ client is documented to check; other violations are warnings).
    #[arg(long, default_value = "rfc5280", value_parser = ["rfc5280", "gskit"])]
    profile: String,
    /// A CRL to check the path against (repeatable; DER or PEM). The target must then be covered
    /// by a usable CRL from its issuer, as with `openssl verify -crl_check`; intermediates are
    /// checked when their issuer's CRL is given.
    #[arg(long)]
    crl: Vec<PathBuf>,
    /// Most intermediate CA certificates between the target and the trust anchor (neither
    /// counts), as `openssl verify -verify_depth N`.
    #[arg(long, value_name = "N")]
    max_depth: Option<usize>,
    /// A policy the path must be valid for (repeatable: any of them; dotted OID, or anyPolicy):
    /// RFC 5280's user-initial-policy-set, as `openssl verify -policy`. Default: any policy.
    #[arg(long, value_name = "OID")]
    policy: Vec<String>,
    /// The path must be valid for at least one policy (RFC 5280 initial-explicit-policy, as
    /// `openssl verify -explicit_policy`).
    #[arg(long)]
    explicit_policy: bool,
    /// Policy mapping is not allowed (initial-policy-mapping-inhibit, as `-inhibit_map`).
    #[arg(long)]
    inhibit_policy_mapping: bool,
    /// anyPolicy in a certificate does not match every policy (initial-any-policy-inhibit, as
    /// `-inhibit_any`).
    #[arg(long)]
    inhibit_any_policy: bool,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
pub(crate) struct OcspArgs {
    /// The OCSP response (DER as `openssl ocsp -respout` writes it, or PEM, base64, hex).
    #[arg(long)]
    response: PathBuf,
    /// The certificate of the CA that issued the certificate in question.
    #[arg(long)]
    issuer: PathBuf,
    /// The certificate in question.
    #[arg(long)]
    cert: Option<PathBuf>,
    /// More certificates that may be the responder's.
    #[arg(long)]
    untrusted: Vec<PathBuf>,
    /// Responder certificates trusted locally.
    #[arg(long)]
    trust: Vec<PathBuf>,
    /// The request the response answers (for the nonce check).
    #[arg(long)]
    request: Option<PathBuf>,
    /// rfc6960 (strict) or gskit (what the MQ client checks).
    #[arg(long, default_value = "rfc6960", value_parser = ["rfc6960", "gskit"])]
    profile: String,
    /// Local policy: refuse a response whose thisUpdate is more than SECONDS before the
    /// evaluation time (as `openssl ocsp -status_age`).
    #[arg(long, value_name = "SECONDS")]
    max_age: Option<u32>,
    #[command(flatten)]
    common: Common,
}

fn load(path: &Path) -> anyhow::Result<Decoded> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let decoded = decode_bytes(&bytes);
    if decoded.objects.is_empty() {
        let problems: Vec<String> = decoded.problems.iter().map(|p| p.0.to_string()).collect();
        bail!(
            "{}: nothing could be decoded: {}",
            path.display(),
            problems.join("; ")
        );
    }
    Ok(decoded)
}

fn certificates(path: &Path) -> anyhow::Result<Vec<Certificate>> {
    let certs: Vec<Certificate> = load(path)?.certificates().cloned().collect();
    if certs.is_empty() {
        bail!("{} holds no certificate", path.display());
    }
    Ok(certs)
}

fn all_certificates(paths: &[PathBuf]) -> anyhow::Result<Vec<Certificate>> {
    let mut out = Vec::new();
    for path in paths {
        out.extend(certificates(path)?);
    }
    Ok(out)
}

/// The certificates of files that may hold certificates mqocsp cannot decode: those are left
/// out (said on stderr), so that a path through them simply does not exist.
fn usable_certificates(paths: &[PathBuf]) -> anyhow::Result<Vec<Certificate>> {
    let mut out = Vec::new();
    for path in paths {
        let decoded = load(path).or_else(|error| {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            eprintln!("mqocsp: {error:#}; left out");
            Ok::<_, anyhow::Error>(decode_bytes(&bytes))
        })?;
        for problem in &decoded.problems {
            eprintln!("mqocsp: {}: {}; left out", path.display(), problem.0);
        }
        out.extend(decoded.certificates().cloned());
    }
    Ok(out)
}

/// Whether a file that yielded no object of the wanted kind holds nothing recognisable (unusable
/// input, exit 2) rather than a malformed object (a verdict: invalid, exit 1).
fn nothing_recognisable(decoded: &Decoded) -> bool {
    decoded
        .problems
        .iter()
        .all(|p| matches!(p.0, DecodeError::NothingFound | DecodeError::Empty))
}

/// The object to verify is there but does not decode: invalid, with why.
fn undecodable(json: bool, path: &Path, what: &str, decoded: &Decoded) -> ExitCode {
    let problems: Vec<String> = decoded.problems.iter().map(|p| p.0.to_string()).collect();
    let why = if problems.is_empty() {
        format!("the file holds no {what}")
    } else {
        problems.join("; ")
    };
    if json {
        let value = json!({
            "verdict": "invalid",
            "steps": [],
            "problems": problems,
        });
        outln!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        outln!(
            "INVALID: {} does not decode as {what}: {why}.",
            path.display()
        );
    }
    ExitCode::from(1)
}

fn print(
    json: bool,
    value: serde_json::Value,
    verdict: &str,
    trace: &Trace,
    headline: String,
) -> ExitCode {
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        out!("{}", trace.text());
        outln!("\n{headline}");
    }
    if verdict == "valid" {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub(crate) fn run_chain(args: &ChainArgs) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&args.cert)
        .with_context(|| format!("cannot read {}", args.cert.display()))?;
    let decoded = decode_bytes(&bytes);
    let mut given: Vec<Certificate> = decoded.certificates().cloned().collect();
    if given.is_empty() {
        // Nothing recognisable: the input cannot be used (exit 2). A certificate that is there
        // but malformed is a verdict: invalid (exit 1).
        if nothing_recognisable(&decoded) {
            load(&args.cert)?;
            bail!("{} holds no certificate", args.cert.display());
        }
        return Ok(undecodable(
            args.common.json,
            &args.cert,
            "a certificate",
            &decoded,
        ));
    }
    let target = given.remove(0);
    let mut untrusted = given;
    untrusted.extend(usable_certificates(&args.untrusted)?);
    let anchors = usable_certificates(&args.trust)?;
    // A CRL file that does not decode is left out (said on stderr): the certificates it was to
    // cover then have no usable CRL, and the verdict says so.
    let mut crl_files = Vec::new();
    for path in &args.crl {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let decoded = decode_bytes(&bytes);
        if decoded.crls().next().is_none() {
            let problems: Vec<String> = decoded.problems.iter().map(|p| p.0.to_string()).collect();
            eprintln!(
                "mqocsp: {} holds no CRL that decodes ({}); left out",
                path.display(),
                problems.join("; ")
            );
        }
        crl_files.push(decoded);
    }
    if let (Some(first), true) = (
        args.crl.first(),
        crl_files.iter().all(|d| d.crls().next().is_none()),
    ) {
        // CRLs were asked for and none decodes: the target's status cannot be known.
        let decoded = crl_files
            .first()
            .map_or_else(|| decode_bytes(b""), Clone::clone);
        return Ok(undecodable(args.common.json, first, "a CRL", &decoded));
    }
    let crls: Vec<CrlSource<'_>> = crl_files
        .iter()
        .flat_map(|decoded| decoded.crls())
        .map(|(crl, der)| CrlSource { crl, der })
        .collect();
    let profile = if args.profile == "gskit" {
        ChainProfile::Gskit
    } else {
        ChainProfile::Rfc5280
    };
    let purpose = match args.purpose.as_str() {
        "client" | "clientAuth" => Purpose::ClientAuth,
        "any" | "anyExtendedKeyUsage" => Purpose::Any,
        _ => Purpose::ServerAuth,
    };
    let at = args.common.at();
    let policies = policy_oids(&args.policy)?;
    let report = verify_chain(&ChainInput {
        target: &target,
        untrusted: &untrusted,
        anchors: &anchors,
        at,
        purpose,
        peer_name: args.peer_name.as_deref(),
        legacy: args.common.legacy(),
        profile,
        crls: &crls,
        max_depth: args.max_depth,
        policy: PolicySettings {
            policies: &policies,
            explicit: args.explicit_policy,
            inhibit_mapping: args.inhibit_policy_mapping,
            inhibit_any: args.inhibit_any_policy,
        },
    });
    let verdict = if report.valid { "valid" } else { "invalid" };
    let value = json!({
        "verdict": verdict,
        "at": at,
        "certificate": target.subject.rfc4514,
        "profile": profile,
        "paths": report.paths,
        "steps": report.trace.steps,
    });
    let headline = match report.trace.first_failure() {
        None => format!(
            "VALID: {} chains to a trust anchor at {at}.",
            target.short_name()
        ),
        Some(step) => format!(
            "INVALID: first failure — {} ({}).",
            step.title, step.subject
        ),
    };
    Ok(print(
        args.common.json,
        value,
        verdict,
        &report.trace,
        headline,
    ))
}

fn one<T: Clone>(
    path: &Path,
    pick: fn(&ObjectBody) -> Option<&T>,
    what: &str,
) -> anyhow::Result<T> {
    load(path)?
        .objects
        .iter()
        .find_map(|o| pick(&o.body))
        .cloned()
        .with_context(|| format!("{} holds no {what}", path.display()))
}

pub(crate) fn run_ocsp(args: &OcspArgs) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&args.response)
        .with_context(|| format!("cannot read {}", args.response.display()))?;
    let decoded = decode_bytes(&bytes);
    let found = decoded.objects.iter().find_map(|o| match &o.body {
        ObjectBody::OcspResponse(r) => Some(r.clone()),
        _ => None,
    });
    let Some(response) = found else {
        // A response that is there but malformed is a verdict (invalid, exit 1); a file with
        // nothing recognisable, or only other objects, is unusable input (exit 2).
        if nothing_recognisable(&decoded) || !decoded.objects.is_empty() {
            load(&args.response)?;
            bail!("{} holds no OCSP response", args.response.display());
        }
        return Ok(undecodable(
            args.common.json,
            &args.response,
            "an OCSP response",
            &decoded,
        ));
    };
    let issuer = certificates(&args.issuer)?.remove(0);
    let target = match &args.cert {
        Some(path) => Some(certificates(path)?.remove(0)),
        None => None,
    };
    let request: Option<OcspRequest> = match &args.request {
        Some(path) => Some(one(
            path,
            |b| match b {
                ObjectBody::OcspRequest(r) => Some(r),
                _ => None,
            },
            "OCSP request",
        )?),
        None => None,
    };
    let untrusted = all_certificates(&args.untrusted)?;
    let trusted = all_certificates(&args.trust)?;
    let at = args.common.at();
    let profile = if args.profile == "gskit" {
        Profile::Gskit
    } else {
        Profile::Rfc6960
    };
    let report = verify_ocsp(&OcspInput {
        response: &response,
        issuer: &issuer,
        target: target.as_ref(),
        untrusted: &untrusted,
        trusted_responders: &trusted,
        request: request.as_ref(),
        at,
        profile,
        legacy: args.common.legacy(),
        max_age: args.max_age.map(i64::from),
    });
    let verdict = report.verdict();
    let value = json!({
        "verdict": verdict,
        "cert_status": report.cert_status.as_ref().map(|s| s.word()),
        "response_valid": report.response_valid,
        "signer": report.signer,
        "profile": profile,
        "at": at,
        "steps": report.trace.steps,
    });
    let status = report
        .cert_status
        .as_ref()
        .map_or("no status", |s| s.word());
    let headline = match (report.response_valid, report.trace.first_failure()) {
        (true, _) => format!(
            "{}: the response is valid and says {status}.",
            verdict.to_uppercase()
        ),
        (false, Some(step)) => format!(
            "INVALID: the response cannot be relied on — first failure: {} ({status}).",
            step.title
        ),
        (false, None) => "INVALID".to_owned(),
    };
    Ok(print(
        args.common.json,
        value,
        verdict,
        &report.trace,
        headline,
    ))
}

/// `--policy` values as dotted OIDs: `anyPolicy` (any case) is 2.5.29.32.0; anything else must
/// be a dotted OID of two or more arcs.
fn policy_oids(given: &[String]) -> anyhow::Result<Vec<String>> {
    given
        .iter()
        .map(|p| {
            let p = p.trim();
            if p.eq_ignore_ascii_case("anyPolicy") {
                return Ok(mqocsp_core::verify::policy::ANY_POLICY.to_string());
            }
            let arcs: Vec<&str> = p.split('.').collect();
            if arcs.len() < 2 || arcs.iter().any(|a| a.is_empty() || !a.bytes().all(|b| b.is_ascii_digit())) {
                bail!("--policy {p}: not a dotted OID such as 2.16.840.1.101.3.2.1.48.1 (or anyPolicy)");
            }
            Ok(p.to_string())
        })
        .collect()
}
