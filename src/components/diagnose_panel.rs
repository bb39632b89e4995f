//! The MQ view: a built-in case or the user's own, its configuration, what-if controls, and the
//! predicted outcome with both sides' logs side by side.

use crate::services::worker::Analysed;
use crate::shared::Shared;
use crate::state::CaseEdit;
use mqocsp_core::mq::case::{Case, Resolved, ResponderState};
use mqocsp_core::mq::ini::OcspAuthentication;
use mqocsp_core::mq::predict::{Change, Diagnosis, LogEntry};
use mqocsp_core::verify::Outcome;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Props of [`DiagnosePanel`].
#[derive(Debug, Properties, PartialEq)]
pub struct DiagnosePanelProps {
    /// The case, when one is open.
    pub case: Option<Case>,
    /// The case resolved (once per change, shared with the live plan).
    pub resolved: Option<Shared<Resolved>>,
    /// Its diagnosis (made in the worker).
    pub analysed: Option<Shared<Analysed>>,
    /// Whether a newer diagnosis is on its way (the case changed since this one).
    pub pending: bool,
    /// Load a built-in case.
    pub on_example: Callback<String>,
    /// Start a case around the paste.
    pub on_new: Callback<()>,
    /// Edit the case.
    pub on_edit: Callback<CaseEdit>,
    /// Apply a fix.
    pub on_apply: Callback<Change>,
    /// Ask the case's responders now, through the relay.
    pub on_live: Callback<()>,
    /// What the live queries did.
    pub live_log: Vec<String>,
    /// Probe a listener (HOST:PORT, channel) through the relay.
    pub on_probe: Callback<(String, String)>,
}

fn policy_select(
    id: &'static str,
    label: &'static str,
    value: Option<OcspAuthentication>,
    on_change: Callback<Option<OcspAuthentication>>,
) -> Html {
    let onchange = Callback::from(move |event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        on_change.emit(OcspAuthentication::parse(&value));
    });
    let option = |v: &'static str, text: &'static str| {
        let selected = value.map_or(v.is_empty(), |p| p.word() == v);
        html! { <option value={v} {selected}>{ text }</option> }
    };
    html! {
        <label>{ label }
            <select {id} {onchange}>
                { option("", "as the ini file says") }
                { option("REQUIRED", "REQUIRED") }
                { option("WARN", "WARN") }
                { option("OPTIONAL", "OPTIONAL") }
            </select>
        </label>
    }
}

fn text_area(
    id: &'static str,
    label: &'static str,
    value: String,
    rows: u32,
    make: fn(String) -> CaseEdit,
    on_edit: &Callback<CaseEdit>,
) -> Html {
    let on_edit = on_edit.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        on_edit.emit(make(
            event.target_unchecked_into::<HtmlTextAreaElement>().value(),
        ));
    });
    html! {
        <label class="config-text">{ label }
            <textarea {id} spellcheck="false" rows={rows.to_string()} {value} {oninput} />
        </label>
    }
}

fn version_select(
    id: &'static str,
    label: &'static str,
    value: Option<u32>,
    versions: &'static [u32],
    on_change: Callback<Option<u32>>,
) -> Html {
    let onchange = Callback::from(move |event: Event| {
        on_change.emit(
            event
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
                .ok(),
        );
    });
    html! {
        <label>{ label }
            <select {id} {onchange}>
                <option value="" selected={value.is_none()}>{ "as configured" }</option>
                { for versions.iter().map(|v| html! { <option value={v.to_string()} selected={value == Some(*v)}>{ v.to_string() }</option> }) }
            </select>
        </label>
    }
}

/// The configuration as MQ reads it from the pasted texts.
fn as_mq_sees_it(resolved: &Resolved) -> Html {
    let (client, qm) = (&resolved.client, &resolved.qm);
    let sco = client.mqcno.sco.as_ref();
    let air = sco.and_then(|s| s.auth_info_records.first());
    let opt = |v: Option<String>| v.unwrap_or_else(|| "—".to_owned());
    let rows: Vec<(&str, String)> = vec![
        (
            "MQCNO.Version",
            format!(
                "{}{}",
                client.mqcno.version,
                if sco.is_some() && client.mqcno.version < 4 {
                    " (MQSCO ignored: needs 4)"
                } else {
                    ""
                }
            ),
        ),
        (
            "MQSCO.KeyRepository",
            opt(client
                .key_repository()
                .map(|k| format!("{} (from {})", k.value, k.source))),
        ),
        (
            "MQSCO.AuthInfoRecCount",
            sco.map_or(0, |s| s.auth_info_records.len()).to_string(),
        ),
        ("MQAIR[0].Version", opt(air.map(|a| a.version.to_string()))),
        (
            "MQAIR[0].AuthInfoType",
            opt(air.map(|a| format!("{:?}", a.auth_info_type))),
        ),
        (
            "MQAIR[0].OCSPResponderURL",
            opt(air.and_then(|a| a.ocsp_responder_url.clone())),
        ),
        ("MQCD.Version", client.mqcd.version.to_string()),
        ("MQCD.ChannelName", client.mqcd.channel_name.clone()),
        ("MQCD.ConnectionName", opt(client.mqcd.conn_name.clone())),
        ("MQCD.SSLCipherSpec", opt(client.mqcd.cipher_spec.clone())),
        (
            "MQCD.CertificateLabel",
            opt(client.mqcd.certificate_label.clone()),
        ),
        ("MQCD.SSLPeerName", opt(client.mqcd.peer_name.clone())),
        (
            "Client OCSPAuthentication",
            format!(
                "{} (from {})",
                client.ssl.ocsp_authentication.value.word(),
                client.ssl.ocsp_authentication.source
            ),
        ),
        (
            "Client OCSPCheckExtensions / CDPCheckExtensions",
            format!(
                "{} / {}",
                yes_no(client.ssl.ocsp_check_extensions.value.0),
                yes_no(client.ssl.cdp_check_extensions.value)
            ),
        ),
        (
            "Channel SSLCIPH / SSLCAUTH",
            format!(
                "{} / {:?}",
                opt(qm.channel.sslciph.clone()),
                qm.channel.sslcauth
            ),
        ),
        (
            "Channel SSLPEER / CERTLABL",
            format!(
                "{} / {}",
                opt(qm.channel.sslpeer.clone()),
                opt(qm.channel.certlabl.clone())
            ),
        ),
        (
            "SSLCRLNL",
            if qm.sslcrlnl.is_empty() {
                "—".into()
            } else {
                qm.sslcrlnl.join(", ")
            },
        ),
        (
            "Queue manager OCSPAuthentication",
            format!(
                "{} (from {})",
                qm.ssl.ocsp_authentication.value.word(),
                qm.ssl.ocsp_authentication.source
            ),
        ),
        (
            "Queue manager OCSPCheckExtensions / CDPCheckExtensions",
            format!(
                "{} / {}",
                yes_no(qm.ssl.ocsp_check_extensions.value.0),
                yes_no(qm.ssl.cdp_check_extensions.value)
            ),
        ),
    ];
    html! {
        <dl class="as-mq-sees-it" aria-label="Configuration as MQ reads it">
            { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
        </dl>
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "YES" } else { "NO" }
}

/// HOST:PORT and channel for a live TLS probe, prefilled from the case's MQCD.
fn probe_form(resolved: &Resolved, on_probe: &Callback<(String, String)>) -> Html {
    let conn = resolved.client.mqcd.conn_name.clone().unwrap_or_default();
    let target = match conn.split_once('(') {
        Some((host, port)) => format!("{host}:{}", port.trim_end_matches(')')),
        None => conn,
    };
    let channel = resolved.client.mqcd.channel_name.clone();
    let on_probe = on_probe.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        let value = |id: &str| {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(e).ok())
                .map(|i| i.value())
                .unwrap_or_default()
        };
        on_probe.emit((value("probe-target"), value("probe-channel")));
    });
    html! {
        <div class="probe-form">
            <label>{ "Listener " }<input id="probe-target" type="text" spellcheck="false" value={target} placeholder="host:port" /></label>
            <label>{ "Channel " }<input id="probe-channel" type="text" spellcheck="false" value={channel} /></label>
            <button type="button" id="probe-live" {onclick}>{ "Probe the listener (TLS through the relay)" }</button>
        </div>
    }
}

fn log(title: &'static str, field: &'static str, entries: &[LogEntry]) -> Html {
    html! {
        <div class="log" data-field={field}>
            <h3>{ title }</h3>
            if entries.is_empty() {
                <p class="hint">{ "nothing is logged" }</p>
            }
            { for entries.iter().map(|e| html! {
                <p class={classes!("log-line", format!("{:?}", e.certainty).to_lowercase())}>
                    <code>{ e.text.clone() }</code>
                    <span class="certainty">{ format!("{:?}", e.certainty).to_lowercase() }</span>
                </p>
            }) }
        </div>
    }
}

fn outcome_view(d: &Diagnosis, on_apply: &Callback<Change>) -> Html {
    let o = &d.outcome;
    let headline = match o.reason_code {
        None => "Connected: MQCONNX completes (reason 0)".to_owned(),
        Some(code) => format!(
            "Not connected: CompCd={:02} ReasonCd={code} {}",
            o.completion_code,
            o.reason_name.clone().unwrap_or_default()
        ),
    };
    html! {
        <div class="outcome">
            <p class={classes!("headline-outcome", if o.connected { "good" } else { "bad" })} data-field="mq-outcome">{ headline }</p>
            <div class="logs">
                { log("Client error log (AMQERR01.LOG)", "client-log", &d.client_log) }
                { log("Queue manager error log", "qm-log", &d.queue_manager_log) }
            </div>
            if !o.events.is_empty() {
                <p class="events" data-field="events">{ format!("Events: {}", o.events.join("; ")) }</p>
            }
            if !d.fixes.is_empty() {
                <h3>{ "Fixes" }</h3>
                <ul class="fixes">
                    { for d.fixes.iter().map(|fix| {
                        let apply = fix.change.clone().map(|change| {
                            let on_apply = on_apply.clone();
                            Callback::from(move |_: MouseEvent| on_apply.emit(change.clone()))
                        });
                        html! {
                            <li>
                                <strong>{ fix.title.clone() }</strong>{ ": " }{ fix.detail.clone() }
                                if let Some(onclick) = apply {
                                    { " " }<button type="button" class="what-if" {onclick}>{ "Try it (what-if)" }</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !d.lint.is_empty() {
                <h3>{ "Configuration findings" }</h3>
                <ul class="lint">{ for d.lint.iter().map(|l| html! { <li><strong>{ l.title.clone() }</strong>{ ": " }{ l.message.clone() }{ " Fix: " }{ l.fix.clone() }</li> }) }</ul>
            }
            <h3>{ "What MQ does" }</h3>
            <ol class="mq-steps">
                { for d.steps.iter().map(|s| {
                    let class = match s.outcome { Outcome::Pass => "pass", Outcome::Skip => "skip", Outcome::Warn => "warn", Outcome::Fail => "fail" };
                    html! { <li class={classes!("mq-step", class)}><span class="mark">{ s.outcome.mark() }</span>{ " " }<strong>{ s.title.clone() }</strong>{ format!(" — {}: {}", s.subject, s.explanation) }</li> }
                }) }
            </ol>
            if !d.assumptions.is_empty() {
                <h3>{ "Assumptions (not documented by IBM)" }</h3>
                <ul class="assumptions">{ for d.assumptions.iter().map(|a| html! { <li>{ format!("[{:?}] {} — source: {}", a.certainty, a.text, a.source) }</li> }) }</ul>
            }
            if !d.problems.is_empty() {
                <h3>{ "Problems reading the case" }</h3>
                <ul class="problems">{ for d.problems.iter().map(|p| html! { <li>{ format!("{}: {}", p.part, p.message) }</li> }) }</ul>
            }
        </div>
    }
}

thread_local! {
    /// The built-in cases' names and picker labels, built once: building every case (their
    /// material and settings) took about a millisecond at each render of this panel, which
    /// re-renders at every what-if (docs/performance.md).
    static EXAMPLES: std::rc::Rc<[(&'static str, String)]> = mqocsp_core::mq::examples::examples()
        .into_iter()
        .map(|(name, case)| (name, format!("{name} — {}", case.title)))
        .collect();
}

/// The MQ view.
#[function_component(DiagnosePanel)]
pub fn diagnose_panel(props: &DiagnosePanelProps) -> Html {
    let chosen = use_state(|| "server-revoked".to_owned());
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            chosen.set(event.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let load = {
        let (chosen, on_example) = (chosen.clone(), props.on_example.clone());
        Callback::from(move |_: MouseEvent| on_example.emit((*chosen).clone()))
    };
    let examples = EXAMPLES.with(std::rc::Rc::clone);
    let names: Vec<&'static str> = examples.iter().map(|(name, _)| *name).collect();
    let position = names
        .iter()
        .position(|n| *n == chosen.as_str())
        .unwrap_or(0);
    let next = {
        let (chosen, on_example, names) = (chosen.clone(), props.on_example.clone(), names.clone());
        Callback::from(move |_: MouseEvent| {
            let name = names
                .get((position + 1) % names.len())
                .copied()
                .unwrap_or_default()
                .to_owned();
            chosen.set(name.clone());
            on_example.emit(name);
        })
    };
    let new_case = {
        let on_new = props.on_new.clone();
        Callback::from(move |_: MouseEvent| on_new.emit(()))
    };
    html! {
        <section class="diagnose" aria-label="MQ diagnosis">
            <h2>{ "MQ: what will the client and the queue manager do?" }</h2>
            <div class="picks">
                <label>{ "Built-in case (the seed walk-through) " }
                    <select id="example-select" {onchange}>
                        { for examples.iter().map(|(name, label)| html! {
                            <option value={*name} selected={chosen.as_str() == *name}>{ label.clone() }</option>
                        }) }
                    </select>
                </label>
                <button type="button" id="example-load" onclick={load}>{ "Load" }</button>
                <button type="button" id="example-next" onclick={next}>{ "Next case ▶" }</button>
                <span class="hint">{ format!("tour: case {} of {} — each loads the seed's setup and predicts it", position + 1, names.len()) }</span>
                <button type="button" id="new-case" onclick={new_case}>{ "New case from the paste" }</button>
            </div>
            if let Some(case) = &props.case {
                <p class="case-title" data-field="case-title"><strong>{ case.title.clone() }</strong>{ " " }{ case.description.clone() }</p>
                <details class="config">
                    <summary>{ "Configuration (client and queue manager)" }</summary>
                    <div class="config-grid">
                        { text_area("client-cmdline", "Client: mqpgfc command line (MQCNO / MQSCO / MQAIR / MQCD)", case.client.command_line.clone().unwrap_or_default(), 3, CaseEdit::CommandLine, &props.on_edit) }
                        { text_area("client-ini", "Client: mqclient.ini", case.client.mqclient_ini.clone(), 3, CaseEdit::ClientIni, &props.on_edit) }
                        { text_area("qm-mqsc", "Queue manager: MQSC", case.queue_manager.mqsc.clone(), 6, CaseEdit::Mqsc, &props.on_edit) }
                        { text_area("qm-ini", "Queue manager: qm.ini", case.queue_manager.qm_ini.clone(), 3, CaseEdit::QmIni, &props.on_edit) }
                        { text_area("client-ccdt", "Client: JSON CCDT (optional)", case.client.ccdt_json.clone().unwrap_or_default(), 3, CaseEdit::Ccdt, &props.on_edit) }
                        { text_area("client-log", "Client: error log / FFST / application output as seen", case.client.error_log.clone(), 3, CaseEdit::ClientLog, &props.on_edit) }
                        { text_area("qm-log-input", "Queue manager: error log as seen", case.queue_manager.error_log.clone(), 3, CaseEdit::QmLog, &props.on_edit) }
                        { for case.responders.iter().map(|r| {
                            let (on_edit, url) = (props.on_edit.clone(), r.url.clone());
                            let oninput = Callback::from(move |event: InputEvent| {
                                on_edit.emit(CaseEdit::ResponderIndex(url.clone(), event.target_unchecked_into::<HtmlTextAreaElement>().value()));
                            });
                            html! {
                                <label class="config-text">{ format!("Responder {}: index.txt (openssl ocsp -index)", r.url) }
                                    <textarea spellcheck="false" rows="2" value={r.index.clone().unwrap_or_default()} {oninput} />
                                </label>
                            }
                        }) }
                    </div>
                    <h3>{ "As MQ reads it" }</h3>
                    if let Some(resolved) = &props.resolved {
                        { as_mq_sees_it(resolved) }
                    }
                </details>
                <div class="what-if-controls">
                    { policy_select("client-policy", "Client OCSPAuthentication ", case.client.ocsp_authentication, props.on_edit.reform(CaseEdit::ClientPolicy)) }
                    { policy_select("qm-policy", "Queue manager OCSPAuthentication ", case.queue_manager.ocsp_authentication, props.on_edit.reform(CaseEdit::QmPolicy)) }
                    { version_select("mqair-version", "MQAIR version ", case.client.mqair_version, &[1, 2], props.on_edit.reform(CaseEdit::MqairVersion)) }
                    { version_select("mqcno-version", "MQCNO version ", case.client.mqcno_version, &[1, 2, 3, 4, 5, 6, 7, 8], props.on_edit.reform(CaseEdit::MqcnoVersion)) }
                    { for case.responders.iter().map(|r| {
                        let (on_edit, url) = (props.on_edit.clone(), r.url.clone());
                        let onchange = Callback::from(move |event: Event| {
                            let up = event.target_unchecked_into::<HtmlInputElement>().checked();
                            on_edit.emit(CaseEdit::Responder(url.clone(), if up { ResponderState::Up } else { ResponderState::Down }));
                        });
                        html! { <label class="responder"><input type="checkbox" checked={r.state == ResponderState::Up} {onchange} />{ format!("responder {} up", r.url) }</label> }
                    }) }
                </div>
                <div class="live">
                    if let Some(resolved) = &props.resolved {
                        { probe_form(resolved, &props.on_probe) }
                    }
                    <button type="button" id="ask-live" onclick={props.on_live.reform(|_: MouseEvent| ())}>{ "Ask the responders now (through the relay)" }</button>
                    <ul class="live-log" data-field="live-log" aria-live="polite">
                        { for props.live_log.iter().map(|line| html! { <li>{ line.clone() }</li> }) }
                    </ul>
                </div>
                if let Some(analysed) = &props.analysed {
                    <div class="outcome-wrap" aria-busy={props.pending.to_string()}>
                        { outcome_view(&analysed.explanation.diagnosis, &props.on_apply) }
                    </div>
                } else {
                    <p class="hint" data-field="predicting">{ "Predicting…" }</p>
                }
            } else {
                <p class="hint">{ "Load a built-in case to see the seed's scenarios predicted, or start a case around what you pasted." }</p>
            }
        </section>
    }
}
