//! The evaluation time: every "expired" or "passed" remark is relative to it.

use mqocsp_core::Timestamp;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`EvaluationTime`].
#[derive(Debug, Properties, PartialEq)]
pub struct EvaluationTimeProps {
    /// The text in the field.
    pub text: String,
    /// Why the text is not a time.
    pub error: Option<String>,
    /// Called with the field's text on every change.
    pub on_text: Callback<String>,
    /// Called with the current time when "now" is pressed.
    pub on_now: Callback<()>,
    /// Other times worth picking: a label and the time.
    #[prop_or_default]
    pub picks: Vec<(String, Timestamp)>,
    /// Called with a picked time.
    #[prop_or_default]
    pub on_pick: Callback<Timestamp>,
}

/// A labelled RFC 3339 field with a "now" button.
#[function_component(EvaluationTime)]
pub fn evaluation_time(props: &EvaluationTimeProps) -> Html {
    let oninput = {
        let on_text = props.on_text.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_text.emit(input.value());
        })
    };
    let onclick = {
        let on_now = props.on_now.clone();
        Callback::from(move |_: MouseEvent| on_now.emit(()))
    };
    html! {
        <div class="evaluation-time">
            <label for="at-input">{ "Evaluation time (UTC)" }</label>
            <input id="at-input" type="text" spellcheck="false" value={props.text.clone()}
                aria-invalid={props.error.is_some().to_string()} {oninput} />
            <button type="button" {onclick}>{ "Now" }</button>
            { for props.picks.iter().map(|(label, at)| {
                let (on_pick, at) = (props.on_pick.clone(), *at);
                html! { <button type="button" class="time-pick" onclick={Callback::from(move |_: MouseEvent| on_pick.emit(at))}>{ label.clone() }</button> }
            }) }
            if let Some(error) = &props.error {
                <span class="field-error" role="alert">{ error.clone() }</span>
            }
        </div>
    }
}

/// The browser's current time.
pub fn now() -> Timestamp {
    // Date.now() is milliseconds since the epoch; whole seconds are precise enough here.
    let seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    Timestamp::from_unix(seconds).unwrap_or(Timestamp(time::OffsetDateTime::UNIX_EPOCH))
}
