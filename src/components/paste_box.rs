//! The paste area: the text is read when the typing pauses (or the box loses focus), not at
//! every keystroke: reading a large paste out of the textarea costs tens of milliseconds, which
//! every keystroke would otherwise wait for. The box is the textarea's owner while the user types;
//! the page writes into it only when its text changes from elsewhere (a case is opened).
//!
//! A large text (a whole error log, a bundle) is held out of the textarea: the browser lays out
//! all of a textarea's text at once, which held the main thread for about 120 ms for 200 KB and
//! half a second for 1.8 MB (docs/performance.md). The box then shows its size instead; the text
//! is decoded and kept with the case all the same, and is shown in the textarea on request.

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast as _;
use web_sys::{ClipboardEvent, HtmlTextAreaElement};
use yew::prelude::*;

/// Milliseconds of quiet after the last keystroke before the text is read and decoded.
const DECODE_DELAY_MS: u32 = 150;

/// Texts of at least this many bytes are held out of the textarea: laying 200 KB out took about
/// 120 ms in headless Chromium, so 64 KB stays well under a 50 ms block.
pub const HELD_BYTES: usize = 64 * 1024;

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

/// The size of a text held out of the textarea, as the box shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Held {
    bytes: usize,
    lines: usize,
}

impl Held {
    /// `text`'s size when it is large enough to be held out of the textarea.
    fn of(text: &str) -> Option<Self> {
        (text.len() >= HELD_BYTES).then(|| Self {
            bytes: text.len(),
            lines: text.lines().count(),
        })
    }

    /// "1.8 MB of text (30,300 lines)".
    fn describe(self) -> String {
        let size = if self.bytes >= 1 << 20 {
            format!("{:.1} MB", self.bytes as f64 / f64::from(1 << 20))
        } else {
            format!("{} KB", self.bytes.div_ceil(1 << 10))
        };
        let lines = if self.lines == 1 { "line" } else { "lines" };
        format!("{size} of text ({} {lines})", thousands(self.lines))
    }
}

/// `30300` as "30,300".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `value` with its UTF-16 range `start..end` (a textarea's selection) replaced by `pasted`, as
/// the browser would paste it; a range outside the text is clamped to it.
fn pasted_into(value: &str, start: u32, end: u32, pasted: &str) -> String {
    let byte = |utf16: u32| {
        let mut units = 0;
        value
            .char_indices()
            .find(|(_, c)| {
                let here = units;
                units += c.len_utf16() as u32;
                here >= utf16
            })
            .map_or(value.len(), |(index, _)| index)
    };
    let (start, end) = (byte(start.min(end)), byte(end.max(start)));
    [
        value.get(..start).unwrap_or_default(),
        pasted,
        value.get(end..).unwrap_or_default(),
    ]
    .concat()
}

/// The text a paste event carries.
fn pasted_text(event: &Event) -> Option<String> {
    event
        .dyn_ref::<ClipboardEvent>()?
        .clipboard_data()?
        .get_data("text")
        .ok()
}

/// A labelled textarea that reports its text as the user types or pastes, or the size of a large
/// text held out of it.
#[function_component(PasteBox)]
pub fn paste_box(props: &PasteBoxProps) -> Html {
    let area = use_node_ref();
    let timer = use_mut_ref(|| None::<Timeout>);
    // The box's text as far as the page knows (what it last wrote, read or held).
    let known: Rc<RefCell<String>> = use_mut_ref(String::new);
    // Whether the textarea (when there is one) shows `known`; it is written after the next render
    // when not.
    let written = use_mut_ref(|| true);
    let held = use_state(|| None::<Held>);
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
    // The user made `text` the box's text (a paste the page took over, or Clear): report it, and
    // hold it out of the textarea when it is large.
    let take = {
        let (known, written, held, timer) =
            (known.clone(), written.clone(), held.clone(), timer.clone());
        let (on_edit, on_decode) = (props.on_edit.clone(), props.on_decode.clone());
        Rc::new(move |text: String| {
            timer.borrow_mut().take();
            let large = Held::of(&text);
            *written.borrow_mut() = large.is_some();
            *known.borrow_mut() = text.clone();
            held.set(large);
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
    // A paste that makes the text large is taken over before the browser puts it in the box.
    let onpaste = {
        let (area, take) = (area.clone(), take.clone());
        Callback::from(move |event: Event| {
            let (Some(pasted), Some(element)) =
                (pasted_text(&event), area.cast::<HtmlTextAreaElement>())
            else {
                return;
            };
            let value = element.value();
            let start = element.selection_start().ok().flatten().unwrap_or(0);
            let end = element.selection_end().ok().flatten().unwrap_or(start);
            let text = pasted_into(&value, start, end, &pasted);
            if Held::of(&text).is_some() {
                event.prevent_default();
                take(text);
            }
        })
    };
    // Leaving the box (to press a button) reports what was typed at once.
    let onblur = {
        let timer = timer.clone();
        Callback::from(move |_: FocusEvent| {
            if timer.borrow_mut().take().is_some() {
                report();
            }
        })
    };
    // Text from elsewhere (an opened case) becomes the box's text.
    {
        let (known, written, held) = (known.clone(), written.clone(), held.clone());
        use_effect_with(props.text.clone(), move |text| {
            if *known.borrow() != *text {
                let large = Held::of(text);
                *written.borrow_mut() = large.is_some();
                *known.borrow_mut() = text.clone();
                held.set(large);
            }
        });
    }
    // The textarea shows the box's text once it is there (after a case opened, Show or Clear).
    {
        let (area, known, written) = (area.clone(), known.clone(), written.clone());
        use_effect(move || {
            if !*written.borrow()
                && let Some(element) = area.cast::<HtmlTextAreaElement>()
            {
                element.set_value(&known.borrow());
                *written.borrow_mut() = true;
            }
        });
    }
    let label = "Paste what the customer sent: certificates, OCSP responses or requests, CRLs, PKCS #7 — PEM, base64 or hex, anywhere in the text";
    let Some(size) = *held else {
        return html! {
            <section class="paste">
                <label for="paste-input" id="paste-label">{ label }</label>
                <textarea
                    id="paste-input"
                    ref={area}
                    spellcheck="false"
                    autocomplete="off"
                    placeholder="-----BEGIN CERTIFICATE-----"
                    {oninput}
                    {onpaste}
                    {onblur}
                />
            </section>
        };
    };
    // Held: a paste here replaces the text; Show puts it in the textarea, Clear empties the box.
    let onpaste = {
        let take = take.clone();
        Callback::from(move |event: Event| {
            if let Some(text) = pasted_text(&event) {
                event.prevent_default();
                take(text);
            }
        })
    };
    let show = {
        let (held, written) = (held.clone(), written.clone());
        Callback::from(move |_: MouseEvent| {
            *written.borrow_mut() = false;
            held.set(None);
        })
    };
    let clear = Callback::from(move |_: MouseEvent| take(String::new()));
    html! {
        <section class="paste">
            <p class="label" id="paste-label">{ label }</p>
            <div id="paste-held" class="held" tabindex="0" role="group" aria-labelledby="paste-label" {onpaste}>
                <p data-field="held"><strong>{ size.describe() }</strong>{ " pasted: decoded below and kept with the case." }</p>
                <p class="hint">{ "Not shown in the box, where the browser would take a long moment to lay that much text out. Paste here to replace it." }</p>
                <button type="button" id="paste-show" onclick={show}>{ "Show the text in the box" }</button>
                <button type="button" id="paste-clear" onclick={clear}>{ "Clear" }</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{HELD_BYTES, Held, pasted_into, thousands};

    /// A paste replaces the selection, counted in UTF-16 units as a textarea counts them.
    #[test]
    fn a_paste_replaces_the_selection() {
        assert_eq!(pasted_into("abcdef", 2, 4, "XY"), "abXYef");
        assert_eq!(pasted_into("abc", 3, 3, "!"), "abc!");
        assert_eq!(pasted_into("", 0, 0, "new"), "new");
        // "é" is one UTF-16 unit and two bytes; "𝄞" is two units and four bytes.
        assert_eq!(pasted_into("é𝄞z", 1, 3, "-"), "é-z");
        assert_eq!(pasted_into("é𝄞z", 3, 4, "-"), "é𝄞-");
        // Out of range or backwards: clamped and ordered, never a panic.
        assert_eq!(pasted_into("abc", 9, 9, "!"), "abc!");
        assert_eq!(pasted_into("abcdef", 4, 2, "XY"), "abXYef");
    }

    /// Only a large text is held, and the box says how large.
    #[test]
    fn a_large_text_is_held_with_its_size() {
        assert_eq!(Held::of(&"x".repeat(HELD_BYTES - 1)), None);
        let text = "line\n".repeat(30_300);
        let held = Held::of(&text).unwrap();
        assert_eq!(held.lines, 30_300);
        assert_eq!(held.describe(), "148 KB of text (30,300 lines)");
        let big = Held::of(&"y".repeat(1_900_000)).unwrap();
        assert_eq!(big.describe(), "1.8 MB of text (1 line)");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(12), "12");
    }
}
