//! The paste area.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`PasteBox`].
#[derive(Debug, Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Current text.
    pub text: String,
    /// Called with the whole text on every change.
    pub on_input: Callback<String>,
}

/// A labelled textarea that reports its text as the user types or pastes.
#[function_component(PasteBox)]
pub fn paste_box(props: &PasteBoxProps) -> Html {
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_input.emit(area.value());
        })
    };
    html! {
        <section class="paste">
            <label for="paste-input">{ "Paste certificates (PEM), anywhere in the text" }</label>
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
