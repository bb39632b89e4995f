//! The "Verify" view: pick the certificate, trust anchors and OCSP response, then step through
//! the trace. Keyboard: `j`/`↓` next, `k`/`↑` previous, `f` first failure, `Home` first step.

use crate::state::SelectionChange;
use mqocsp_core::der::Span;
use mqocsp_core::verify::workbench::{Selection, WorkbenchReport};
use mqocsp_core::verify::{LegacyAlgorithms, Outcome, Profile, Purpose, Step};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A pickable object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// SHA-256 of its DER.
    pub fingerprint: String,
    /// What the user sees.
    pub label: String,
    /// Whether it is a certificate (else an OCSP response).
    pub certificate: bool,
    /// Whether it can anchor a path: a CA certificate (basicConstraints cA) or a self-issued one.
    pub ca: bool,
}

/// Props of [`VerifyPanel`].
#[derive(Debug, Properties, PartialEq)]
pub struct VerifyPanelProps {
    /// Certificates and OCSP responses that can be picked.
    pub choices: Rc<Vec<Choice>>,
    /// The selection in force.
    pub selection: Selection,
    /// The trace and verdicts.
    pub report: Rc<WorkbenchReport>,
    /// Whether a newer report is on its way (the selection or the paste changed since this one).
    pub pending: bool,
    /// The step shown.
    pub step: usize,
    /// Called when the selection changes.
    pub on_select: Callback<SelectionChange>,
    /// Called with a step index and the evidence to highlight.
    pub on_step: Callback<(usize, Option<(String, Span)>)>,
}

fn mark(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::Pass => ("pass", "✓"),
        Outcome::Skip => ("skip", "–"),
        Outcome::Warn => ("warn", "!"),
        Outcome::Fail => ("fail", "✗"),
    }
}

fn evidence_of(step: Option<&Step>) -> Option<(String, Span)> {
    step.and_then(|s| s.evidence.first())
        .map(|e| (e.object.clone(), e.span))
}

fn verdict(report: &WorkbenchReport) -> Html {
    let chain = match report.chain_valid {
        Some(true) => html! { <span class="verdict good">{ "Chain: valid" }</span> },
        Some(false) => html! { <span class="verdict bad">{ "Chain: invalid" }</span> },
        None => html! {},
    };
    let ocsp = match (report.response_valid, &report.cert_status) {
        (Some(true), Some(status)) => {
            let tone = if status.word() == "good" {
                "good"
            } else {
                "bad"
            };
            html! { <span class={classes!("verdict", tone)}>{ format!("OCSP: {} (response valid)", status.word()) }</span> }
        }
        (Some(false), _) => {
            html! { <span class="verdict bad">{ "OCSP: response cannot be relied on" }</span> }
        }
        _ => html! {},
    };
    html! { <p class="verdicts" data-field="verdicts">{ chain }{ ocsp }</p> }
}

/// The verify view.
#[function_component(VerifyPanel)]
pub fn verify_panel(props: &VerifyPanelProps) -> Html {
    let steps = &props.report.trace.steps;
    let current = props.step.min(steps.len().saturating_sub(1));
    let list = use_node_ref();
    {
        // Keep the current step visible in the scrolling list.
        let list = list.clone();
        use_effect_with(current, move |_| {
            if let Some(item) = list
                .cast::<web_sys::Element>()
                .and_then(|l| l.query_selector(".step.current").ok().flatten())
            {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                item.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let go = {
        let (on_step, report) = (props.on_step.clone(), props.report.clone());
        move |index: usize| {
            let index = index.min(report.trace.steps.len().saturating_sub(1));
            on_step.emit((index, evidence_of(report.trace.steps.get(index))));
        }
    };
    let first_failure = steps.iter().position(|s| s.outcome == Outcome::Fail);
    let onkeydown = {
        let go = go.clone();
        Callback::from(move |event: KeyboardEvent| {
            let target = match event.key().as_str() {
                "j" | "ArrowDown" => current + 1,
                "k" | "ArrowUp" => current.saturating_sub(1),
                "f" => first_failure.unwrap_or(current),
                "Home" => 0,
                _ => return,
            };
            event.prevent_default();
            go(target);
        })
    };
    let button = |label: &'static str, target: usize, disabled: bool| {
        let go = go.clone();
        html! { <button type="button" {disabled} onclick={Callback::from(move |_: MouseEvent| go(target))}>{ label }</button> }
    };
    let select_target = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_select.emit(SelectionChange::Target(select.value()));
        })
    };
    let select_response = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            on_select.emit(SelectionChange::Response(
                (!value.is_empty()).then_some(value),
            ));
        })
    };
    let select_profile = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let gskit = event.target_unchecked_into::<HtmlSelectElement>().value() == "gskit";
            on_select.emit(SelectionChange::Profile(if gskit {
                Profile::Gskit
            } else {
                Profile::Rfc6960
            }));
        })
    };
    let select_purpose = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let purpose = match event
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .as_str()
            {
                "client" => Purpose::ClientAuth,
                "any" => Purpose::Any,
                _ => Purpose::ServerAuth,
            };
            on_select.emit(SelectionChange::Purpose(purpose));
        })
    };
    let toggle_legacy = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
            on_select.emit(SelectionChange::Legacy(if on {
                LegacyAlgorithms::Allow
            } else {
                LegacyAlgorithms::Reject
            }));
        })
    };
    let set_max_depth = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            // Empty (or not a number): no limit, as verify-chain without --max-depth.
            on_select.emit(SelectionChange::MaxDepth(value.trim().parse().ok()));
        })
    };
    let certificates: Vec<&Choice> = props.choices.iter().filter(|c| c.certificate).collect();
    let responses: Vec<&Choice> = props.choices.iter().filter(|c| !c.certificate).collect();
    let selection = &props.selection;
    let purpose = match selection.purpose.unwrap_or(Purpose::ServerAuth) {
        Purpose::ServerAuth => "server",
        Purpose::ClientAuth => "client",
        Purpose::Any => "any",
    };
    html! {
        <section class="verify" aria-label="Verify" aria-busy={props.pending.to_string()}>
            <h2>{ "Verify" }</h2>
            if certificates.is_empty() {
                <p class="hint">{ "Paste certificates (and an OCSP response) to verify them." }</p>
            } else {
                <div class="picks">
                    <label>{ "Certificate in question " }
                        <select id="verify-target" onchange={select_target}>
                            { for certificates.iter().map(|c| html! {
                                <option value={c.fingerprint.clone()} selected={selection.target.as_deref() == Some(c.fingerprint.as_str())}>{ c.label.clone() }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ "It is a " }
                        <select id="verify-purpose" onchange={select_purpose}>
                            <option value="server" selected={purpose == "server"}>{ "queue manager (TLS server) certificate" }</option>
                            <option value="client" selected={purpose == "client"}>{ "MQ client (TLS client) certificate" }</option>
                            <option value="any" selected={purpose == "any"}>{ "certificate for any purpose" }</option>
                        </select>
                    </label>
                    <fieldset class="anchors">
                        <legend>{ "Trust anchors (the key repository's CA certificates)" }</legend>
                        // A key repository's trust anchors are CA (or self-signed) certificates;
                        // listing every leaf of a large bundle would bury them.
                        { for certificates.iter().filter(|c| c.ca || selection.anchors.contains(&c.fingerprint)).map(|c| {
                            let on_select = props.on_select.clone();
                            let fingerprint = c.fingerprint.clone();
                            let onchange = Callback::from(move |_: Event| on_select.emit(SelectionChange::ToggleAnchor(fingerprint.clone())));
                            html! {
                                <label class="anchor"><input type="checkbox" checked={selection.anchors.contains(&c.fingerprint)} {onchange} />{ c.label.clone() }</label>
                            }
                        }) }
                    </fieldset>
                    <label>{ "OCSP response " }
                        <select id="verify-response" onchange={select_response}>
                            <option value="" selected={selection.response.is_none()}>{ "none" }</option>
                            { for responses.iter().map(|c| html! {
                                <option value={c.fingerprint.clone()} selected={selection.response.as_deref() == Some(c.fingerprint.as_str())}>{ c.label.clone() }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ "Rules " }
                        <select id="verify-profile" onchange={select_profile}>
                            <option value="rfc6960" selected={selection.profile == Profile::Rfc6960}>{ "RFC 6960 (strict)" }</option>
                            <option value="gskit" selected={selection.profile == Profile::Gskit}>{ "GSKit (what the MQ client checks)" }</option>
                        </select>
                    </label>
                    <label class="legacy"><input type="checkbox" checked={selection.legacy == LegacyAlgorithms::Allow} onchange={toggle_legacy} />{ "Allow SHA-1 and RSA keys below 2048 bits" }</label>
                    <label>{ "At most " }
                        <input id="verify-max-depth" type="number" min="0" max="20" placeholder="any"
                            value={selection.max_depth.map(|d| d.to_string()).unwrap_or_default()}
                            onchange={set_max_depth} />
                        { " intermediate CAs (as verify-chain --max-depth)" }
                    </label>
                    <p class="hint" data-field="crls-used">{ match props.report.crls_used {
                        0 => "No pasted CRL is from the issuer of the certificate in question: revocation is not checked by CRL.".to_owned(),
                        1 => "1 pasted CRL is checked (RFC 5280 §6.3), as verify-chain --crl.".to_owned(),
                        n => format!("{n} pasted CRLs are checked (RFC 5280 §6.3), as verify-chain --crl."),
                    } }</p>
                </div>
                { verdict(&props.report) }
                <div class="stepper-controls">
                    { button("◀ Previous", current.saturating_sub(1), current == 0) }
                    { button("Next ▶", current + 1, current + 1 >= steps.len()) }
                    { button("First failure", first_failure.unwrap_or(current), first_failure.is_none()) }
                    <span class="hint">{ format!("Step {} of {} · keys: j/k, f, Home", current + 1, steps.len()) }</span>
                </div>
                <div class="stepper">
                    <ol class="steps" tabindex="0" aria-label="Verification steps" ref={list} {onkeydown}>
                        { for steps.iter().enumerate().map(|(index, step)| {
                            let (class, symbol) = mark(step.outcome);
                            let go = go.clone();
                            let onclick = Callback::from(move |_: MouseEvent| go(index));
                            html! {
                                <li class={classes!("step", class, (index == current).then_some("current"))}
                                    aria-current={(index == current).then_some("step")} data-step-id={step.id} {onclick}>
                                    <span class="mark" aria-label={format!("{:?}", step.outcome)}>{ symbol }</span>
                                    <span class="title">{ step.title.clone() }</span>
                                    <span class="subject">{ step.subject.clone() }</span>
                                </li>
                            }
                        }) }
                    </ol>
                    if let Some(step) = steps.get(current) {
                        <div class={classes!("step-detail", mark(step.outcome).0)} data-field="step-detail">
                            <h3>{ format!("{} — {}", step.outcome.mark(), step.title) }</h3>
                            <p class="subject">{ step.subject.clone() }</p>
                            <p class="explanation">{ step.explanation.clone() }</p>
                            <p class="reference">{ "Reference: " }
                                if step.reference.starts_with("http") {
                                    <a href={step.reference} rel="noreferrer noopener" target="_blank">{ step.reference }</a>
                                } else {
                                    { step.reference }
                                }
                            </p>
                            if !step.evidence.is_empty() {
                                <ul class="evidence">
                                    { for step.evidence.iter().map(|e| {
                                        let on_step = props.on_step.clone();
                                        let target = (e.object.clone(), e.span);
                                        let onclick = Callback::from(move |_: MouseEvent| on_step.emit((current, Some(target.clone()))));
                                        html! { <li><button type="button" class="evidence-link" {onclick}>{ format!("Show {} (bytes {}–{})", e.what, e.span.start, e.span.end) }</button></li> }
                                    }) }
                                </ul>
                            }
                        </div>
                    }
                </div>
            }
        </section>
    }
}
