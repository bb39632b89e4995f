//! The paste area: the text is read when the typing pauses (or the box loses focus), not at
//! every keystroke: reading a large paste out of the textarea costs tens of milliseconds, which
//! every keystroke would otherwise wait for. The box is the textarea's owner while the user types;
//! the page writes into it only when its text changes from elsewhere (a case is opened).

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Milliseconds of quiet after the last keystroke before the text is read and decoded.
const DECODE_DELAY_MS: u32 = 150;

/// Props of [`PasteBox`].
#[derive(Debug, Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Current text.
    pub text: String,
    /// Called with the whole text when the typing pauses.
    pub on_edit: Callback<String>,
    /// Called with the text to decode when the typing pauses.
    pub on_decode: Callback<String>,
}

/// A labelled textarea that reports its text as the user types or pastes.
#[function_component(PasteBox)]
pub fn paste_box(props: &PasteBoxProps) -> Html {
    let area = use_node_ref();
    let timer = use_mut_ref(|| None::<Timeout>);
    // The text the textarea holds as far as the page knows (what it last wrote or read).
    let known: Rc<RefCell<String>> = use_mut_ref(String::new);
    // Reads the textarea and reports it, unless it is what the page already has.
    let report = {
        let (area, known) = (area.clone(), known.clone());
        let (on_edit, on_decode) = (props.on_edit.clone(), props.on_decode.clone());
        Rc::new(move || {
            let Some(element) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = element.value();
            if *known.borrow() == text {
                return;
            }
            *known.borrow_mut() = text.clone();
            on_edit.emit(text.clone());
            on_decode.emit(text);
        })
    };
    let oninput = {
        let (timer, report) = (timer.clone(), report.clone());
        Callback::from(move |_: InputEvent| {
            let report = report.clone();
            // Replacing the timeout drops (cancels) the previous one.
            *timer.borrow_mut() = Some(Timeout::new(DECODE_DELAY_MS, move || report()));
        })
    };
    // Leaving the box (to press a button) reports what was typed at once.
    let onblur = Callback::from(move |_: FocusEvent| {
        if timer.borrow_mut().take().is_some() {
            report();
        }
    });
    // Text from elsewhere (an opened case) is written into the textarea.
    {
        let (area, known) = (area.clone(), known.clone());
        use_effect_with(props.text.clone(), move |text| {
            if *known.borrow() != *text
                && let Some(element) = area.cast::<HtmlTextAreaElement>()
            {
                element.set_value(text);
                *known.borrow_mut() = text.clone();
            }
        });
    }
    html! {
        <section class="paste">
            <label for="paste-input">
                { "Paste what the customer sent: certificates, OCSP responses or requests, CRLs, PKCS #7 — PEM, base64 or hex, anywhere in the text" }
            </label>
            <textarea
                id="paste-input"
                ref={area}
                spellcheck="false"
                autocomplete="off"
                placeholder="-----BEGIN CERTIFICATE-----"
                {oninput}
                {onblur}
            />
        </section>
    }
}
