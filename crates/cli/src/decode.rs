//! `mqocsp decode`: find and decode every object in a file.

use anyhow::Context as _;
use mqocsp_core::decode::Completeness;
use mqocsp_core::{Decoded, ObjectBody, decode};
use std::io::Read as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The file to read; `-` or nothing reads standard input.
    file: Option<PathBuf>,
    /// Print JSON (the schema is in docs/json.md) instead of text.
    #[arg(long)]
    json: bool,
}

fn read_input(file: Option<&PathBuf>) -> anyhow::Result<String> {
    let bytes = match file {
        Some(path) if path.as_os_str() != "-" => {
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            bytes
        }
    };
    // Pasted material is text; invalid UTF-8 is replaced so that PEM blocks around it still decode.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let text = read_input(args.file.as_ref())?;
    let decoded = decode(&text);
    let output = if args.json {
        let mut json = serde_json::to_string_pretty(&decoded).context("encoding JSON")?;
        json.push('\n');
        json
    } else {
        text_report(&decoded)
    };
    print!("{output}");
    Ok(match decoded.completeness() {
        Completeness::Complete => ExitCode::SUCCESS,
        Completeness::Partial => ExitCode::from(1),
        Completeness::Nothing => ExitCode::from(2),
    })
}

/// The human-readable report, in the spirit of `openssl x509 -text` but shorter.
pub(crate) fn text_report(decoded: &Decoded) -> String {
    let mut out = String::new();
    for (index, object) in decoded.objects.iter().enumerate() {
        match &object.body {
            ObjectBody::Certificate(cert) => {
                out.push_str(&format!("Certificate #{} ({})\n", index + 1, object.source));
                let rows = [
                    ("Subject", cert.subject.rfc4514.clone()),
                    ("Issuer", cert.issuer.rfc4514.clone()),
                    ("Serial", cert.serial.clone()),
                    ("Not before", cert.not_before.clone()),
                    ("Not after", cert.not_after.clone()),
                    ("Version", cert.version.to_string()),
                    ("Signature", cert.signature_algorithm.clone()),
                ];
                for (name, value) in rows {
                    out.push_str(&format!("  {name:<11} {value}\n"));
                }
            }
        }
        out.push('\n');
    }
    if !decoded.problems.is_empty() {
        out.push_str("Problems\n");
        for problem in &decoded.problems {
            out.push_str(&format!("  {}\n", problem.0));
        }
    }
    out
}
