//! The diagnosis first: a banner with the reason code and the one-sentence cause, then what each
//! side's log was predicted to show next to what the ticket shows (matches and mismatches
//! marked), what the cause supposes or contradicts, and the fix. The workbench follows below.

use crate::services::worker::Analysed;
use crate::shared::Shared;
use mqocsp_core::mq::explain::Explanation;
use mqocsp_core::mq::revocation::Side;
use yew::prelude::*;

/// Props of [`Verdict`].
#[derive(Debug, Properties, PartialEq)]
pub struct VerdictProps {
    /// The diagnosis of the open case.
    pub analysed: Shared<Analysed>,
    /// Whether a newer diagnosis is on its way (the case changed since this one).
    pub pending: bool,
}

fn base(id: &str) -> &str {
    id.trim_end_matches(['E', 'W', 'I'])
}

/// One side: predicted ids against observed ids.
fn side_logs(e: &Explanation, side: Side) -> Html {
    let (title, predicted, pasted) = match side {
        Side::Client => (
            "Client",
            &e.diagnosis.outcome.client_log,
            e.observed.client_log,
        ),
        Side::QueueManager => (
            "Queue manager",
            &e.diagnosis.outcome.queue_manager_log,
            e.observed.queue_manager_log,
        ),
    };
    let observed: Vec<&str> = e
        .observed
        .messages
        .iter()
        .filter(|m| m.side == side && m.modelled)
        .map(|m| m.id.as_str())
        .collect();
    let seen = |id: &str| observed.iter().any(|o| base(o) == base(id));
    html! {
        <div class="verdict-side" data-side={title.to_lowercase().replace(' ', "-")}>
            <h3>{ title }</h3>
            <p class="verdict-label">{ "Predicted" }</p>
            <ul class="verdict-ids">
                if predicted.is_empty() { <li>{ "nothing" }</li> }
                { for predicted.iter().map(|id| {
                    let (class, mark) = if !pasted { ("unknown", "·") } else if seen(id) { ("match", "✓") } else { ("mismatch", "✗") };
                    html! { <li class={class}>{ format!("{mark} {id}") }</li> }
                }) }
            </ul>
            <p class="verdict-label">{ if pasted { "Observed" } else { "Observed (no log pasted)" } }</p>
            <ul class="verdict-ids">
                if pasted && observed.is_empty() { <li>{ "nothing" }</li> }
                { for observed.iter().map(|id| {
                    let matched = predicted.iter().any(|p| base(p) == base(id));
                    let (class, mark) = if matched { ("match", "✓") } else { ("mismatch", "✗") };
                    html! { <li class={class}>{ format!("{mark} {id}") }</li> }
                }) }
            </ul>
        </div>
    }
}

fn list(title: &str, field: &'static str, items: &[String]) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <div class="verdict-list" data-field={field}>
            <h3>{ title.to_owned() }</h3>
            <ul>{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
        </div>
    }
}

/// The verdict banner and its evidence.
#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let e: &Explanation = &props.analysed.explanation;
    let o = &e.diagnosis.outcome;
    let headline = match o.reason_code {
        Some(code) => format!(
            "MQCONNX fails: {code} {}",
            o.reason_name.clone().unwrap_or_default()
        ),
        None => "MQCONNX connects".to_owned(),
    };
    let alternatives: Vec<String> = e.alternatives.iter().map(|a| a.summary.clone()).collect();
    let fixes: Vec<String> = e
        .diagnosis
        .fixes
        .iter()
        .map(|f| format!("{}: {}", f.title, f.detail))
        .collect();
    html! {
        <section class="verdict" aria-label="Diagnosis" data-field="verdict" aria-busy={props.pending.to_string()}>
            <h2>{ "Diagnosis" }</h2>
            <div class={classes!("verdict-banner", if o.connected { "good" } else { "bad" })} role="status">
                <p class="verdict-headline" data-field="verdict-headline">{ headline }</p>
                <p class="verdict-cause" data-field="verdict-cause">{ e.cause.summary.clone() }</p>
                <p class="verdict-fit">{
                    if e.observed.messages.is_empty() && e.observed.reasons.is_empty() {
                        format!("No log in the case: this is the prediction alone ({} client).", e.client_kind)
                    } else if e.matches_observed {
                        format!("The predicted logs match the observed ones ({} client).", e.client_kind)
                    } else {
                        format!("The best explanation does not match every observed message ({} client).", e.client_kind)
                    }
                }</p>
            </div>
            <div class="verdict-logs">
                { side_logs(e, Side::Client) }
                { side_logs(e, Side::QueueManager) }
            </div>
            { list("Fix", "verdict-fixes", &fixes) }
            { list("What the ticket shows for it", "verdict-evidence", &e.cause.evidence) }
            { list("Supposed (the ticket does not say)", "verdict-supposes", &e.supposes) }
            { list("Contradictions", "verdict-contradictions", &e.contradictions) }
            { list("Also fits", "verdict-alternatives", &alternatives) }
            { list("To tell them apart", "verdict-tell-apart", &e.tell_apart) }
        </section>
    }
}
