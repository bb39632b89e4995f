//! Browser tests of the page (wasm-bindgen-test in headless Chromium): render the real app, paste
//! into the real textarea, read what the user would read.
#![cfg(target_arch = "wasm32")]

use mqocsp_testkit::pki::{CertSpec, self_signed};
use wasm_bindgen::JsCast as _;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts a fresh app in its own element and returns that element.
fn mount() -> Element {
    let root = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<mqocsp_web::App>::with_root(root.clone()).render();
    root
}

async fn settle() {
    gloo_timers::future::TimeoutFuture::new(30).await;
}

async fn paste(root: &Element, text: &str) {
    settle().await;
    let area: HtmlTextAreaElement = root
        .query_selector("textarea")
        .unwrap()
        .expect("a textarea")
        .dyn_into()
        .unwrap();
    area.set_value(text);
    let event = web_sys::Event::new("input").unwrap();
    area.dispatch_event(&event).unwrap();
    settle().await;
}

fn field(root: &Element, name: &str) -> Option<String> {
    root.query_selector(&format!("[data-field='{name}']"))
        .unwrap()
        .and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn pasted_certificate_shows_its_subject() {
    let cert = self_signed(&CertSpec::new("qm1.example.test").organization("Browser Test Ltd"));
    let root = mount();
    paste(
        &root,
        &format!("Hi, here is the cert:\n{}\nthanks", cert.pem),
    )
    .await;
    assert_eq!(
        field(&root, "subject").as_deref(),
        Some("CN=qm1.example.test,O=Browser Test Ltd")
    );
    assert_eq!(field(&root, "serial").as_deref(), Some("01"));
    assert!(root.query_selector(".problems").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn broken_base64_shows_where_it_is() {
    let root = mount();
    paste(
        &root,
        "-----BEGIN CERTIFICATE-----\nMIIB!x==\n-----END CERTIFICATE-----\n",
    )
    .await;
    let problems = root
        .query_selector(".problems")
        .unwrap()
        .expect("a problem list");
    let text = problems.text_content().unwrap_or_default();
    assert!(text.contains("line 2, column 5"), "{text}");
    assert!(text.contains("'!' is not a base64 character"), "{text}");
    // Nothing the user pasted is lost.
    let area: HtmlTextAreaElement = root
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(area.value().contains("MIIB!x=="));
}
