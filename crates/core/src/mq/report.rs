//! A Markdown report of a diagnosis, to paste into a ticket.

use super::case::Case;
use super::predict::{Diagnosis, LogEntry};

fn log(out: &mut String, title: &str, entries: &[LogEntry]) {
    out.push_str(&format!("### {title}\n\n"));
    if entries.is_empty() {
        out.push_str("Nothing is logged.\n\n");
        return;
    }
    for entry in entries {
        out.push_str(&format!(
            "```\n{}\n```\n_({:?})_\n\n",
            entry.text, entry.certainty
        ));
    }
}

/// The report.
pub fn markdown(case: &Case, d: &Diagnosis) -> String {
    let mut out = format!(
        "# {}\n\n",
        if case.title.is_empty() {
            "mqocsp diagnosis"
        } else {
            &case.title
        }
    );
    if !case.description.is_empty() {
        out.push_str(&format!("{}\n\n", case.description));
    }
    out.push_str(&format!("Evaluation time: {}\n\n## Outcome\n\n", case.at));
    match d.outcome.reason_code {
        None => out.push_str("**Connected**: MQCONNX completes (reason 0).\n\n"),
        Some(code) => out.push_str(&format!(
            "**Not connected**: CompCd={:02} ReasonCd={code} {}.\n\n",
            d.outcome.completion_code,
            d.outcome.reason_name.clone().unwrap_or_default()
        )),
    }
    log(&mut out, "Client error log (AMQERR01.LOG)", &d.client_log);
    log(&mut out, "Queue manager error log", &d.queue_manager_log);
    if !d.outcome.events.is_empty() {
        out.push_str(&format!("Events: {}\n\n", d.outcome.events.join("; ")));
    }
    out.push_str("## What MQ does\n\n");
    for (i, s) in d.steps.iter().enumerate() {
        out.push_str(&format!(
            "{}. **{}** {} — {}: {}\n",
            i + 1,
            s.outcome.mark(),
            s.title,
            s.subject,
            s.explanation
        ));
    }
    for (title, items) in [
        (
            "Fixes",
            d.fixes
                .iter()
                .map(|f| format!("**{}**: {}", f.title, f.detail))
                .collect::<Vec<_>>(),
        ),
        (
            "Configuration findings",
            d.lint
                .iter()
                .map(|l| format!("**{}**: {} Fix: {}", l.title, l.message, l.fix))
                .collect(),
        ),
        (
            "Assumptions (not documented by IBM)",
            d.assumptions
                .iter()
                .map(|a| format!("[{:?}] {} (source: {})", a.certainty, a.text, a.source))
                .collect(),
        ),
    ] {
        if !items.is_empty() {
            out.push_str(&format!("\n## {title}\n\n"));
            for item in items {
                out.push_str(&format!("- {item}\n"));
            }
        }
    }
    out.push_str("\n_Made with mqocsp._\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mq::examples::example;
    use crate::mq::predict::predict;

    #[test]
    fn report_names_the_outcome_and_both_logs() {
        let case = example("qm-responder-down").unwrap_or_else(|| unreachable!());
        let report = markdown(&case, &predict(&case));
        assert!(report.starts_with("# The responder the queue manager consults is down"));
        assert!(
            report.contains(
                "**Not connected**: CompCd=02 ReasonCd=2393 MQRC_SSL_INITIALIZATION_ERROR."
            )
        );
        assert!(report.contains("AMQ9665E: SSL connection closed"));
        assert!(report.contains("AMQ9716: Remote SSL certificate revocation status check failed"));
        assert!(report.contains("## Fixes"));
    }
}
