//! `mqocsp decode`: find and decode every object in a file.

use anyhow::Context as _;
use mqocsp_core::decode::Completeness;
use mqocsp_core::present::{asn1_text, card, card_text};
use mqocsp_core::{Decoded, Timestamp, decode_bytes};
use std::io::{Read as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The file to read; `-` or nothing reads standard input.
    file: Option<PathBuf>,
    /// Print JSON (the schema is in the README) instead of text.
    #[arg(long)]
    json: bool,
    /// Evaluation time for the "expired" / "passed" remarks (RFC 3339, e.g. 2022-02-02T13:22:24Z).
    /// Without it, no remark is made.
    #[arg(long, value_parser = parse_time)]
    at: Option<Timestamp>,
    /// Also print each object's DER tree (offsets, header and content lengths, values), like
    /// `openssl asn1parse -i`.
    #[arg(long, conflicts_with = "json")]
    asn1: bool,
}

pub(crate) fn parse_time(text: &str) -> Result<Timestamp, String> {
    Timestamp::parse_rfc3339(text)
        .ok_or_else(|| format!("'{text}' is not an RFC 3339 time like 2022-02-02T13:22:24Z"))
}

fn read_input(file: Option<&PathBuf>) -> anyhow::Result<Vec<u8>> {
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
    Ok(bytes)
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let bytes = read_input(args.file.as_ref())?;
    let decoded = decode_bytes(&bytes);
    // Streamed to standard output: a 1,000-certificate bundle makes megabytes of JSON.
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &decoded).context("encoding JSON")?;
        out.write_all(b"\n").context("writing the output")?;
    } else {
        out.write_all(text_report(&decoded, args.at, args.asn1).as_bytes())
            .context("writing the output")?;
    }
    out.flush().context("writing the output")?;
    let status = match decoded.completeness() {
        Completeness::Complete => ExitCode::SUCCESS,
        Completeness::Partial => ExitCode::from(1),
        Completeness::Nothing => ExitCode::from(2),
    };
    // The process ends right after this: handing thousands of DER trees back to the allocator
    // one by one would cost more than a tenth of a large decode, for memory the exit frees anyway.
    std::mem::forget(decoded);
    Ok(status)
}

/// The human-readable report: each object's card, then the problems.
pub(crate) fn text_report(decoded: &Decoded, at: Option<Timestamp>, asn1: bool) -> String {
    let mut out = String::new();
    for (index, object) in decoded.objects.iter().enumerate() {
        out.push_str(&card_text(index + 1, &card(object, at)));
        if asn1 {
            out.push_str("  DER\n");
            out.push_str(&asn1_text(&object.tree, &object.der));
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
