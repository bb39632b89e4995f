//! Dropping or picking files (DER, PEM, `.p7b`, `openssl ocsp -respout` output).

use mqocsp_core::limits::MAX_INPUT_BYTES;
use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{DragEvent, File, FileList, HtmlInputElement};
use yew::prelude::*;

/// Props of [`FileDrop`].
#[derive(Debug, Properties, PartialEq)]
pub struct FileDropProps {
    /// Called with each file's name and bytes.
    pub on_file: Callback<(String, Vec<u8>)>,
    /// Called with a message when a file cannot be read.
    pub on_error: Callback<String>,
}

fn read_files(
    list: Option<FileList>,
    on_file: &Callback<(String, Vec<u8>)>,
    on_error: &Callback<String>,
) {
    let Some(list) = list else { return };
    for index in 0..list.length() {
        let Some(file) = list.item(index) else {
            continue;
        };
        read_file(file, on_file.clone(), on_error.clone());
    }
}

fn read_file(file: File, on_file: Callback<(String, Vec<u8>)>, on_error: Callback<String>) {
    let name = file.name();
    // f64 -> usize: sizes beyond usize are larger than the limit anyway.
    let size = file.size();
    if size > MAX_INPUT_BYTES as f64 {
        on_error.emit(format!(
            "{name} is {size} bytes; the limit is {MAX_INPUT_BYTES} bytes"
        ));
        return;
    }
    spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => on_file.emit((name, js_sys::Uint8Array::new(&buffer).to_vec())),
            Err(_) => on_error.emit(format!("{name} could not be read")),
        }
    });
}

/// A drop zone with a file picker.
#[function_component(FileDrop)]
pub fn file_drop(props: &FileDropProps) -> Html {
    let over = use_state(|| false);
    let ondragover = {
        let over = over.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (over, on_file, on_error) =
            (over.clone(), props.on_file.clone(), props.on_error.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            over.set(false);
            read_files(
                event.data_transfer().and_then(|d| d.files()),
                &on_file,
                &on_error,
            );
        })
    };
    let onchange = {
        let (on_file, on_error) = (props.on_file.clone(), props.on_error.clone());
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            read_files(input.files(), &on_file, &on_error);
            input.set_value("");
        })
    };
    html! {
        <div class={classes!("drop", (*over).then_some("over"))} {ondragover} {ondragleave} {ondrop}>
            <label for="file-input">{ "…or drop files here (DER, PEM, .p7b, OCSP -respout), or " }</label>
            <input id="file-input" type="file" multiple=true {onchange} />
        </div>
    }
}
