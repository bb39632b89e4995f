//! Comparing pasted error logs with the prediction.

use super::Builder;
use crate::mq::case::Case;
use crate::verify::trace::Outcome;

/// When the customer pasted error logs, says whether they show what mqocsp predicts.
pub(super) fn compare_with_logs(b: &mut Builder<'_>, case: &Case) {
    use crate::mq::errlog::LogFacts;
    let sides = [
        (
            "client",
            &case.client.error_log,
            b.diagnosis.client_log.clone(),
        ),
        (
            "queue manager",
            &case.queue_manager.error_log,
            b.diagnosis.queue_manager_log.clone(),
        ),
    ];
    for (side, text, predicted) in sides {
        if text.trim().is_empty() {
            continue;
        }
        let facts = LogFacts::parse(text);
        let base = |id: &str| id.trim_end_matches(['E', 'W', 'I']).to_owned();
        // A Java or .NET client's log is its exception chain: JMS ids, JSSE's and SslStream's
        // verdicts count as messages.
        let observed: Vec<String> = facts
            .messages
            .iter()
            .map(|m| base(&m.id))
            .chain(text.lines().flat_map(|line| {
                crate::mq::java::java_ids(line)
                    .into_iter()
                    .chain(crate::mq::dotnet::dotnet_ids(line))
            }))
            .fold(Vec::new(), |mut seen, id| {
                if !seen.contains(&id) {
                    seen.push(id);
                }
                seen
            });
        let expected = crate::mq::java::comparable(
            crate::mq::dotnet::comparable(
                predicted.iter().map(|e| base(&e.id)).collect(),
                &observed,
            ),
            &observed,
        );
        let missing: Vec<&String> = expected
            .iter()
            .filter(|id| !observed.contains(id))
            .collect();
        let extra: Vec<&String> = observed
            .iter()
            .filter(|id| !expected.contains(id))
            .collect();
        let (outcome, text) = if missing.is_empty() && extra.is_empty() {
            (
                Outcome::Pass,
                format!(
                    "The pasted {side} log shows exactly the predicted messages ({}).",
                    if expected.is_empty() {
                        "none".to_owned()
                    } else {
                        expected.join(", ")
                    }
                ),
            )
        } else {
            (
                Outcome::Warn,
                format!(
                    "The pasted {side} log differs from the prediction: predicted but not seen: {}; seen but not predicted: {}. The configuration or the evidence in the case may not be what the customer runs.",
                    if missing.is_empty() {
                        "none".to_owned()
                    } else {
                        missing
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    if extra.is_empty() {
                        "none".to_owned()
                    } else {
                        extra
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                ),
            )
        };
        b.step(
            "mq.observed",
            &format!("Compare with the {side}'s log"),
            side,
            "mqocsp",
            outcome,
            text,
        );
        if let Some((code, _)) = facts.reason_codes.first() {
            let agrees = b.diagnosis.outcome.reason_code == Some(*code);
            b.step(
                "mq.observed_reason",
                "Compare with the reason code seen",
                side,
                "mqocsp",
                if agrees { Outcome::Pass } else { Outcome::Warn },
                format!(
                    "The log shows reason code {code}; mqocsp predicts {}.",
                    b.diagnosis
                        .outcome
                        .reason_code
                        .map_or("a connection (0)".to_owned(), |c| c.to_string())
                ),
            );
        }
    }
}
