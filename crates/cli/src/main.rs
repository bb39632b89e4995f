//! `mqocsp`: the command-line face of mqocsp-core.
//!
//! Exit codes are part of the interface: 0 when everything decoded (or verified), 1 when part of
//! the input failed while the rest is still printed, 2 when the input could not be used at all.

/// `println!` that ends the program quietly when the reader went away (`mqocsp … | head`), as
/// Unix tools do, instead of panicking on the broken pipe.
macro_rules! outln {
    ($($arg:tt)*) => { $crate::emit(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `print!`, as [`outln!`].
macro_rules! out {
    ($($arg:tt)*) => { $crate::emit(format_args!($($arg)*)) };
}

mod decode;
mod mq;
mod probe;
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
    /// Predict what MQ does with a case: reason code, both error logs, events, fixes.
    Diagnose(mq::DiagnoseArgs),
    /// List the built-in cases (the seed's scenarios), or print one as a case file.
    Examples(mq::ExamplesArgs),
    /// Explain a reason code or AMQ message relevant to TLS and OCSP.
    Mqrc(mq::MqrcArgs),
    /// Print the SNI name MQ sends for a channel.
    Sni(mq::SniArgs),
    /// Read an AMQERR01.LOG / FFST excerpt: messages, channel, certificate, codes, times.
    ExplainLog(mq::LogArgs),
    /// A live TLS handshake to a queue manager listener and OCSP queries, predicted as MQ would.
    Probe(probe::ProbeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Decode(args) => decode::run(&args),
        Command::VerifyChain(args) => verify::run_chain(&args),
        Command::VerifyOcsp(args) => verify::run_ocsp(&args),
        Command::Diagnose(args) => mq::run_diagnose(&args),
        Command::Examples(args) => mq::run_examples(&args),
        Command::Mqrc(args) => mq::run_mqrc(&args),
        Command::Sni(args) => mq::run_sni(&args),
        Command::ExplainLog(args) => mq::run_log(&args),
        Command::Probe(args) => probe::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("mqocsp: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Writes to stdout; a closed pipe ends the program (exit 0: the reader has what it wanted).
pub(crate) fn emit(text: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout.write_fmt(text).and_then(|()| stdout.flush()) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("mqocsp: cannot write the output: {error}");
        std::process::exit(2);
    }
}
