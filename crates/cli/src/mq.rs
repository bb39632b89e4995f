//! `mqocsp diagnose`, `examples`, `mqrc` and `sni`: the MQ model on the command line.

use anyhow::{Context as _, bail};
use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::codes::{Lookup, lookup};
use mqocsp_core::mq::examples::{example, examples};
use mqocsp_core::mq::explain::Explanation;
use mqocsp_core::mq::predict::Diagnosis;
use mqocsp_core::mq::revocation::Side;
use mqocsp_core::mq::sni::{channel_sni, route_warning};
use mqocsp_core::mq::ticket::{self, Ticket};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct DiagnoseArgs {
    /// A case file (JSON, see docs/case.md), or a ticket as sent (logs of both sides, runmqsc
    /// output, ini files, a CCDT, certificates, prose); `-` reads standard input.
    #[arg(required_unless_present = "example")]
    case: Option<PathBuf>,
    /// A built-in case instead (`mqocsp examples` lists them).
    #[arg(long, conflicts_with = "case")]
    example: Option<String>,
    /// Evaluation time for a ticket whose logs give none (RFC 3339; default: now).
    #[arg(long)]
    at: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// What `diagnose` was given: a case, or a ticket read into one.
enum Input {
    Case(Box<Case>),
    Ticket(Box<Ticket>),
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExamplesArgs {
    /// Print this example as a case file to start from.
    name: Option<String>,
    /// Print the list as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub(crate) struct MqrcArgs {
    /// A reason code (2393, 0x959, MQRC_SSL_INITIALIZATION_ERROR) or message id (AMQ9716).
    query: String,
}

#[derive(Debug, clap::Args)]
pub(crate) struct SniArgs {
    /// The channel name, exactly as defined (case matters).
    channel: String,
}

fn load(args: &DiagnoseArgs) -> anyhow::Result<Input> {
    if let Some(name) = &args.example {
        return example(name)
            .map(|case| Input::Case(Box::new(case)))
            .with_context(|| format!("no built-in case '{name}' (see `mqocsp examples`)"));
    }
    let path = args
        .case
        .as_ref()
        .context("give a case file, a ticket or --example")?;
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .context("cannot read standard input")?;
        bytes
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    let text = String::from_utf8_lossy(&bytes);
    // A case file says what it is; anything else is a ticket as sent.
    let says_format = text.trim_start().starts_with('{')
        && serde_json::from_str::<serde_json::Value>(&text)
            .is_ok_and(|v| v.get("format").is_some());
    if says_format {
        return Case::from_json(&text)
            .map(|case| Input::Case(Box::new(case)))
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()));
    }
    let at = match &args.at {
        Some(at) => mqocsp_core::Timestamp::parse_rfc3339(at)
            .with_context(|| format!("--at '{at}' is not an RFC 3339 time"))?,
        None => mqocsp_core::Timestamp(time::OffsetDateTime::now_utc()),
    };
    Ok(Input::Ticket(Box::new(ticket::read(
        &text,
        &at.to_string(),
    ))))
}

/// The diagnosis as text: the outcome, both logs side by side in sequence, steps, fixes.
pub(crate) fn text(case: &Case, d: &Diagnosis) -> String {
    let mut out = String::new();
    if !case.title.is_empty() {
        out.push_str(&format!("{}\n\n", case.title));
    }
    let o = &d.outcome;
    match o.reason_code {
        None => out.push_str("OUTCOME: connected (MQCC_OK, reason 0)\n"),
        Some(code) => out.push_str(&format!(
            "OUTCOME: not connected — CompCd={:02} ReasonCd={code} {}\n",
            o.completion_code,
            o.reason_name.clone().unwrap_or_default()
        )),
    }
    let log = |out: &mut String, title: &str, entries: &[mqocsp_core::mq::predict::LogEntry]| {
        out.push_str(&format!("\n{title}\n"));
        if entries.is_empty() {
            out.push_str("  (nothing)\n");
        }
        for e in entries {
            out.push_str(&format!("  {} [{:?}]\n", e.text, e.certainty));
        }
    };
    log(&mut out, "Client error log (AMQERR01.LOG)", &d.client_log);
    log(&mut out, "Queue manager error log", &d.queue_manager_log);
    if !d.events.is_empty() {
        out.push_str("\nEvents\n");
        for e in &o.events {
            out.push_str(&format!("  {e}\n"));
        }
    }
    out.push_str("\nWhat MQ does\n");
    for (i, s) in d.steps.iter().enumerate() {
        out.push_str(&format!(
            "{:>3}. [{}] {} — {}\n          {}\n",
            i + 1,
            s.outcome.mark(),
            s.title,
            s.subject,
            s.explanation
        ));
    }
    if !d.lint.is_empty() {
        out.push_str("\nConfiguration findings\n");
        for l in &d.lint {
            out.push_str(&format!("  - {}: {} Fix: {}\n", l.title, l.message, l.fix));
        }
    }
    if !d.fixes.is_empty() {
        out.push_str("\nFixes\n");
        for f in &d.fixes {
            out.push_str(&format!("  - {}: {}\n", f.title, f.detail));
        }
    }
    if !d.assumptions.is_empty() {
        out.push_str("\nAssumptions (not documented by IBM)\n");
        for a in &d.assumptions {
            out.push_str(&format!(
                "  - [{:?}] {} (source: {})\n",
                a.certainty, a.text, a.source
            ));
        }
    }
    if !d.problems.is_empty() {
        out.push_str("\nProblems reading the case\n");
        for p in &d.problems {
            out.push_str(&format!("  - {}: {}\n", p.part, p.message));
        }
    }
    out
}

/// The diagnosis of a ticket as text: the cause first, then what supports and contradicts it.
fn explanation_text(e: &Explanation, filed: &[String]) -> String {
    let mut out = format!("CAUSE: {}\n", e.cause.summary);
    let list = |out: &mut String, title: &str, items: &[String]| {
        if !items.is_empty() {
            out.push_str(&format!("\n{title}\n"));
            for item in items {
                out.push_str(&format!("  - {item}\n"));
            }
        }
    };
    list(&mut out, "Evidence", &e.cause.evidence);
    list(&mut out, "Supposed (the ticket does not say)", &e.supposes);
    list(&mut out, "Contradictions", &e.contradictions);
    let alternatives: Vec<String> = e
        .alternatives
        .iter()
        .map(|a| format!("{} (if {})", a.summary, a.supposes.join("; ")))
        .collect();
    list(&mut out, "Also fits", &alternatives);
    list(&mut out, "To tell them apart", &e.tell_apart);
    if !e.observed.messages.is_empty() {
        out.push_str(&format!(
            "\nObserved ({}matching the prediction)\n",
            if e.matches_observed { "" } else { "not " }
        ));
        for m in &e.observed.messages {
            out.push_str(&format!(
                "  line {}: {} {}{}\n",
                m.line,
                match m.side {
                    Side::Client => "client",
                    Side::QueueManager => "queue manager",
                },
                m.id,
                m.time
                    .as_ref()
                    .map(|t| format!(" at {t}"))
                    .unwrap_or_default()
            ));
        }
    }
    list(&mut out, "Read from the ticket", filed);
    out.push('\n');
    out
}

pub(crate) fn run_diagnose(args: &DiagnoseArgs) -> anyhow::Result<ExitCode> {
    let (case, explanation, filed) = match load(args)? {
        Input::Case(case) => {
            // As the page explains an open case: the reason codes and openssl output its
            // material shows, unrelated log entries set aside.
            let explanation = ticket::explain_case(&case, case.resolve());
            (*case, explanation, Vec::new())
        }
        Input::Ticket(ticket) => {
            if ticket.reads_nothing() {
                anyhow::bail!(
                    "{}: {}",
                    args.case
                        .as_ref()
                        .map_or_else(|| "the ticket".to_owned(), |p| p.display().to_string()),
                    ticket.nothing_read_words()
                );
            }
            let explanation = ticket.explain();
            let unread = ticket.unread_lines();
            let mut filed = ticket.filed;
            if !unread.is_empty() {
                filed.push(format!(
                    "not read (prose, or nothing mqocsp reads): lines {unread}"
                ));
            }
            (ticket.case, explanation, filed)
        }
    };
    let diagnosis = &explanation.diagnosis;
    if args.json {
        let value = json!({
            "cause": explanation.cause,
            "observed": explanation.observed.messages,
            "observed_reasons": explanation.observed.reasons,
            "matches_observed": explanation.matches_observed,
            "supposes": explanation.supposes,
            "alternatives": explanation.alternatives,
            "contradictions": explanation.contradictions,
            "client_kind": explanation.client_kind,
            "read": filed,
            "outcome": diagnosis.outcome,
            "client_log": diagnosis.client_log,
            "queue_manager_log": diagnosis.queue_manager_log,
            "steps": diagnosis.steps,
            "lint": diagnosis.lint,
            "assumptions": diagnosis.assumptions,
            "fixes": diagnosis.fixes,
            "traces": {"client": diagnosis.client_trace.steps, "queue_manager": diagnosis.queue_manager_trace.steps},
            "problems": diagnosis.problems,
        });
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        out!("{}", explanation_text(&explanation, &filed));
        out!("{}", text(&case, diagnosis));
    }
    Ok(if diagnosis.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub(crate) fn run_examples(args: &ExamplesArgs) -> anyhow::Result<ExitCode> {
    if let Some(name) = &args.name {
        let Some(case) = example(name) else {
            bail!("no built-in case '{name}'")
        };
        outln!("{}", case.to_json());
        return Ok(ExitCode::SUCCESS);
    }
    let list = examples();
    if args.json {
        let items: Vec<_> = list
            .iter()
            .map(|(name, c)| json!({"name": name, "title": c.title, "description": c.description}))
            .collect();
        outln!("{}", serde_json::to_string_pretty(&items)?);
    } else {
        for (name, case) in &list {
            outln!("{name:<32} {}", case.title);
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run_mqrc(args: &MqrcArgs) -> anyhow::Result<ExitCode> {
    match lookup(&args.query) {
        Some(Lookup::Reason(rc)) => {
            outln!(
                "{} 0x{:08x} {}\n\n{}\n\nCertainty: {:?}. Source: {}",
                rc.code,
                rc.code,
                rc.name,
                rc.meaning,
                rc.certainty,
                rc.source
            );
        }
        Some(Lookup::Message(m)) => {
            outln!(
                "{}: {}\n\n{}\n\nLogged by: {}\nCertainty: {:?}. Source: {}",
                m.id,
                m.title,
                m.meaning,
                m.side,
                m.certainty,
                m.source
            );
        }
        None => bail!(
            "'{}' is not a TLS/OCSP reason code or AMQ message mqocsp knows",
            args.query
        ),
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run_sni(args: &SniArgs) -> anyhow::Result<ExitCode> {
    outln!("{}", channel_sni(&args.channel));
    if let Some(warning) = route_warning(&args.channel) {
        eprintln!("note: {warning}");
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, clap::Args)]
pub(crate) struct LogArgs {
    /// An AMQERR01.LOG or AMQERR01.json excerpt, an FFST, or application output, e-mail quoted or
    /// not (`-` reads standard input).
    file: PathBuf,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run_log(args: &LogArgs) -> anyhow::Result<ExitCode> {
    use mqocsp_core::mq::errlog::LogFacts;
    use std::io::Read as _;
    let text = if args.file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
        text
    } else {
        let bytes = std::fs::read(&args.file)
            .with_context(|| format!("cannot read {}", args.file.display()))?;
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let facts = LogFacts::parse(&text);
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&facts)?);
    } else {
        if facts.messages.is_empty() && facts.reason_codes.is_empty() && facts.ffsts.is_empty() {
            outln!("No AMQ message, reason code or FFST found.");
        }
        for (code, line) in &facts.reason_codes {
            let name = mqocsp_core::mq::codes::reason_name(*code)
                .unwrap_or("(not a TLS/OCSP reason code mqocsp knows)");
            outln!("line {line}: reason code {code} {name}");
        }
        for m in &facts.messages {
            outln!(
                "line {}: {}{}",
                m.line,
                m.id,
                m.channel
                    .as_ref()
                    .map_or_else(String::new, |c| format!(" on channel '{c}'"))
            );
            if let Some(time) = m.time {
                outln!(
                    "    written at {time}{}",
                    m.time_assumption
                        .as_ref()
                        .map_or_else(String::new, |a| format!(" ({a})"))
                );
            }
            let header: Vec<String> = [
                ("program", &m.program),
                ("host", &m.host),
                ("queue manager", &m.qmgr),
                ("remote host", &m.remote_host),
                ("MQ version", &m.vrmf),
            ]
            .iter()
            .filter_map(|(name, value)| value.as_ref().map(|v| format!("{name} {v}")))
            .collect();
            if !header.is_empty() {
                outln!("    {}", header.join(", "));
            }
            if let (Some(side), Some(reason)) = (m.side, &m.side_reason) {
                let side = match side {
                    Side::Client => "the client",
                    Side::QueueManager => "the queue manager",
                };
                outln!("    written by {side}: {reason}");
            }
            if let Some(cert) = &m.certificate {
                outln!("    certificate: {cert}");
            }
            if let Some(error) = m.validation_error {
                outln!("    validation error: {error}");
            }
            if !m.comment_inserts.is_empty() {
                outln!("    comment inserts: {}", m.comment_inserts.join(" | "));
            }
            if let Some(meaning) = &m.meaning {
                outln!("    {meaning}");
            }
        }
        for ffst in &facts.ffsts {
            outln!(
                "line {}: FFST probe {} major errorcode {}{}{}",
                ffst.line,
                ffst.probe_id.as_deref().unwrap_or("?"),
                ffst.major_errorcode.as_deref().unwrap_or("?"),
                ffst.program
                    .as_ref()
                    .map_or_else(String::new, |p| format!(", program {p}")),
                ffst.lvls
                    .as_ref()
                    .map_or_else(String::new, |v| format!(", MQ {v}"))
            );
            for comment in [&ffst.comment1, &ffst.comment2, &ffst.comment3]
                .into_iter()
                .flatten()
            {
                outln!("    {comment}");
            }
        }
        for problem in &facts.problems {
            outln!(
                "line {}, column {}: not understood: {}",
                problem.line,
                problem.column,
                problem.message
            );
        }
        if let Some((time, line)) = facts.times.first() {
            outln!(
                "first timestamp (line {line}): {time} — use it as --at / the page's evaluation time"
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
