//! The paste area: every keystroke is kept at once; decoding waits for a pause in typing.

use gloo_timers::callback::Timeout;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Milliseconds of quiet after the last keystroke before decoding.
const DECODE_DELAY_MS: u32 = 150;

/// Props of [`PasteBox`].
#[derive(Debug, Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Current text.
    pub text: String,
    /// Called with the whole text on every change.
    pub on_edit: Callback<String>,
    /// Called with the text to decode when the typing pauses.
    pub on_decode: Callback<String>,
}

/// A labelled textarea that reports its text as the user types or pastes.
#[function_component(PasteBox)]
pub fn paste_box(props: &PasteBoxProps) -> Html {
    let timer = use_mut_ref(|| None::<Timeout>);
    let oninput = {
        let on_edit = props.on_edit.clone();
        let on_decode = props.on_decode.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let text = area.value();
            on_edit.emit(text.clone());
            let on_decode = on_decode.clone();
            // Replacing the timeout drops (cancels) the previous one.
            *timer.borrow_mut() = Some(Timeout::new(DECODE_DELAY_MS, move || on_decode.emit(text)));
        })
    };
    html! {
        <section class="paste">
            <label for="paste-input">
                { "Paste what the customer sent: certificates, OCSP responses or requests, CRLs, PKCS #7 — PEM, base64 or hex, anywhere in the text" }
            </label>
            <textarea
                id="paste-input"
                spellcheck="false"
                autocomplete="off"
                placeholder="-----BEGIN CERTIFICATE-----"
                value={props.text.clone()}
                {oninput}
            />
        </section>
    }
}
