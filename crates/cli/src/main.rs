//! `mqocsp`: the command-line face of mqocsp-core.
//!
//! Exit codes are part of the interface: 0 when everything decoded (or verified), 1 when part of
//! the input failed while the rest is still printed, 2 when the input could not be used at all.

mod decode;
mod verify;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Explains why an IBM MQ client's TLS connection with OCSP fails, and what to change.
#[derive(Debug, Parser)]
#[command(name = "mqocsp", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find and decode every certificate, OCSP response or request, CRL and PKCS #7 bundle in a
    /// file (or standard input).
    Decode(decode::Args),
    /// Build and validate the path from a certificate to a trust anchor, step by step.
    VerifyChain(verify::ChainArgs),
    /// Validate an OCSP response step by step (RFC 6960, or what the MQ client checks).
    VerifyOcsp(verify::OcspArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Decode(args) => decode::run(&args),
        Command::VerifyChain(args) => verify::run_chain(&args),
        Command::VerifyOcsp(args) => verify::run_ocsp(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("mqocsp: {error:#}");
            ExitCode::from(2)
        }
    }
}
