//! Share, keep and hand over a case: a link that holds it (nothing goes to a server), JSON export
//! and import, and a Markdown report for the ticket.

use crate::services::worker::{self, Packing};
use crate::services::{download, share_link};
use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::share::redact;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`CaseTools`].
#[derive(Debug, Properties, PartialEq)]
pub struct CaseToolsProps {
    /// What would be shared: the open case, or the paste wrapped in one.
    pub snapshot: Option<Case>,
    /// Called with an imported case.
    pub on_import: Callback<Case>,
}

/// The toolbar.
#[function_component(CaseTools)]
pub fn case_tools(props: &CaseToolsProps) -> Html {
    let redacting = use_state(|| true);
    let link = use_state(String::new);
    let message = use_state(|| None::<String>);
    let prepared = |snapshot: &Option<Case>, redacting: bool| -> Option<(Case, Vec<String>)> {
        let case = snapshot.clone()?;
        Some(if redacting {
            redact(&case)
        } else {
            (case, Vec::new())
        })
    };
    let share = {
        let (snapshot, redacting, link, message) = (
            props.snapshot.clone(),
            redacting.clone(),
            link.clone(),
            message.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some((case, removed)) = prepared(&snapshot, *redacting) else {
                message.set(Some(
                    "Nothing to share yet: paste something or load a case.".into(),
                ));
                return;
            };
            // Packed in the worker: deflating a long ticket is work for tens of milliseconds.
            message.set(Some("Packing the case into the link…".into()));
            let (link, message) = (link.clone(), message.clone());
            worker::pack(case, Packing::Share, move |packed| {
                link.set(share_link(&packed).unwrap_or_default());
                message.set(Some(if removed.is_empty() {
                    "The link holds the whole case; nothing was sent anywhere.".into()
                } else {
                    format!("Redacted before sharing: {}.", removed.join(", "))
                }));
            });
        })
    };
    let export = {
        let (snapshot, redacting) = (props.snapshot.clone(), redacting.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((case, _)) = prepared(&snapshot, *redacting) {
                download("mqocsp-case.json", "application/json", &case.to_json());
            }
        })
    };
    let report = {
        let (snapshot, redacting) = (props.snapshot.clone(), redacting.clone());
        Callback::from(move |_: MouseEvent| {
            // Written in the worker: it predicts the case again, which a long ticket makes
            // work for hundreds of milliseconds.
            if let Some((case, _)) = prepared(&snapshot, *redacting) {
                worker::report(case, |markdown| {
                    download("mqocsp-report.md", "text/markdown", &markdown)
                });
            }
        })
    };
    let import = {
        let (on_import, message) = (props.on_import.clone(), message.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.item(0)) else {
                return;
            };
            input.set_value("");
            let (on_import, message) = (on_import.clone(), message.clone());
            spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                    .unwrap_or_default();
                match Case::from_json(&text) {
                    Ok(case) => {
                        message.set(Some(format!("Imported {}.", file.name())));
                        on_import.emit(case);
                    }
                    Err(error) => message.set(Some(format!("{}: {error}", file.name()))),
                }
            });
        })
    };
    let toggle = {
        let redacting = redacting.clone();
        Callback::from(move |_: Event| redacting.set(!*redacting))
    };
    html! {
        <section class="case-tools" aria-label="Share and keep">
            <label><input type="checkbox" checked={*redacting} onchange={toggle} />{ " Redact private keys and secrets" }</label>
            <button type="button" id="share-link" onclick={share}>{ "Make share link" }</button>
            if !link.is_empty() {
                <input id="share-link-text" class="share-link" type="text" readonly=true value={(*link).clone()} aria-label="Share link" />
            }
            <button type="button" id="export-case" onclick={export}>{ "Export case (JSON)" }</button>
            <label class="import">{ "Import case " }<input id="import-case" type="file" accept=".json,application/json" onchange={import} /></label>
            <button type="button" id="report" onclick={report}>{ "Markdown report" }</button>
            if let Some(text) = &*message {
                <p class="hint" role="status">{ text.clone() }</p>
            }
        </section>
    }
}
