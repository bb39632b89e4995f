//! Browser tests of the page (wasm-bindgen-test in headless Chromium): render the real app, paste
//! into the real textarea, click what a user clicks, read what the user would read.
#![cfg(target_arch = "wasm32")]

use mqocsp_testkit::fixtures;
use mqocsp_testkit::pki::{Authority, CertSpec, self_signed};
use wasm_bindgen::JsCast as _;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts a fresh app in its own element and returns that element. Local storage and the URL
/// fragment are cleared first, so no test sees another's case.
async fn mount() -> Element {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    mount_keeping_state().await
}

/// Mounts a fresh app without clearing storage or the fragment (a reload, a link opened).
async fn mount_keeping_state() -> Element {
    let root = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<mqocsp_web::App>::with_root(root.clone()).render();
    until(&root, "the page to render", || {
        root.query_selector("main").unwrap().is_some()
    })
    .await;
    root
}

/// How often [`until`] looks again, and how long it looks before giving up.
const POLL_MS: u32 = 10;
const PATIENCE_MS: u32 = 10_000;

/// Waits until `holds` is true, looking again every few milliseconds (the page renders and
/// works asynchronously); after a bounded while it fails, naming `what` and showing the page.
async fn until(root: &Element, what: &str, mut holds: impl FnMut() -> bool) {
    for _ in 0..PATIENCE_MS / POLL_MS {
        if holds() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(POLL_MS).await;
    }
    assert!(
        holds(),
        "waited {PATIENCE_MS} ms for {what}; page: {}",
        root.text_content().unwrap_or_default()
    );
}

/// Waits until `selector` matches inside `root`.
async fn wait_for(root: &Element, selector: &str) -> Element {
    let mut found = None;
    until(root, &format!("{selector} to appear"), || {
        found = root.query_selector(selector).unwrap();
        found.is_some()
    })
    .await;
    found.expect("found")
}

/// Waits until the outcome headline reads `expected`.
async fn outcome_becomes(root: &Element, expected: &str) {
    until(root, &format!("the outcome '{expected}'"), || {
        root.query_selector("[data-field='mq-outcome']")
            .unwrap()
            .is_some_and(|o| text(&o) == expected)
    })
    .await;
}

/// Waits until the outcome headline contains `part`.
async fn outcome_contains(root: &Element, part: &str) {
    until(root, &format!("an outcome with '{part}'"), || {
        root.query_selector("[data-field='mq-outcome']")
            .unwrap()
            .is_some_and(|o| text(&o).contains(part))
    })
    .await;
}

/// Waits until `element`'s text contains `part`.
async fn text_contains(root: &Element, element: &Element, part: &str) {
    until(root, &format!("'{part}'"), || text(element).contains(part)).await;
}

/// How many elements match `selector` now.
fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn fire(target: &Element, kind: &str) {
    let event = web_sys::Event::new_with_event_init_dict(kind, &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Sets the value of the input or select `selector` and fires `kind` (`input`, `change`) on it,
/// as typing or choosing does.
fn set_field(root: &Element, selector: &str, value: &str, kind: &str) {
    let field = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} on the page"));
    match field.dyn_ref::<web_sys::HtmlSelectElement>() {
        Some(select) => select.set_value(value),
        None => field
            .dyn_ref::<HtmlInputElement>()
            .expect("an input or a select")
            .set_value(value),
    }
    fire(&field, kind);
}

async fn paste(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = root
        .query_selector("textarea")
        .unwrap()
        .expect("a textarea")
        .dyn_into()
        .unwrap();
    area.set_value(text);
    fire(&area, "input");
}

/// Picks a built-in case in the MQ panel and loads it.
async fn load_example(root: &Element, name: &str) {
    let select: web_sys::HtmlSelectElement = root
        .query_selector("#example-select")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    select.set_value(name);
    fire(&select, "change");
    // The tour hint follows the pick once the panel re-rendered; then Load loads that one.
    let names: Vec<&str> = mqocsp_core::mq::examples::examples()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    let position = names
        .iter()
        .position(|n| *n == name)
        .expect("a built-in case")
        + 1;
    let hint = format!("tour: case {position} of {}", names.len());
    until(root, &hint, || text(root).contains(&hint)).await;
    click(&root.query_selector("#example-load").unwrap().unwrap());
    let title = mqocsp_core::mq::examples::example(name).unwrap().title;
    until(root, &format!("the case '{title}'"), || {
        root.query_selector("[data-field='case-title']")
            .unwrap()
            .is_some_and(|t| text(&t).contains(&title))
    })
    .await;
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn click(element: &Element) {
    element
        .dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

#[wasm_bindgen_test]
async fn pasted_certificate_shows_its_subject() {
    let cert = self_signed(&CertSpec::new("qm1.example.test").organization("Browser Test Ltd"));
    let root = mount().await;
    paste(
        &root,
        &format!("Hi, here is the cert:\n{}\nthanks", cert.pem),
    )
    .await;
    let subject = wait_for(&root, "[data-field='subject'] .value").await;
    assert_eq!(text(&subject), "CN=qm1.example.test,O=Browser Test Ltd");
    assert_eq!(
        text(&wait_for(&root, "[data-field='serial'] .value").await),
        "01"
    );
    assert!(root.query_selector(".problems").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn broken_base64_shows_where_it_is_and_keeps_the_paste() {
    let root = mount().await;
    paste(
        &root,
        "-----BEGIN CERTIFICATE-----\nMIIB!x==\n-----END CERTIFICATE-----\n",
    )
    .await;
    let problems = text(&wait_for(&root, ".problems").await);
    assert!(problems.contains("line 2, column 5"), "{problems}");
    assert!(
        problems.contains("'!' is not a base64 character"),
        "{problems}"
    );
    let area: HtmlTextAreaElement = root
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(area.value().contains("MIIB!x=="));
}

fn fixture(name: &str) -> String {
    fixtures::files()
        .into_iter()
        .find(|(n, _)| *n == name)
        .expect("a fixture")
        .1
}

#[wasm_bindgen_test]
async fn ocsp_response_card_shows_the_revocation() {
    let root = mount().await;
    paste(&root, &fixture("ocsp-queue-manager-revoked.pem")).await;
    let status = wait_for(&root, "[data-field='status-01']").await;
    assert!(
        text(&status).contains("revoked at 2021-09-29T08:09:11Z"),
        "{}",
        text(&status)
    );
    assert!(status.class_list().contains("bad"));
    assert_eq!(
        text(&wait_for(&root, "[data-field='produced-at'] .value").await),
        "2022-02-02T16:46:35Z"
    );
    // The producedAt quick pick sets the evaluation time.
    click(&wait_for(&root, ".time-pick").await);
    let input: HtmlInputElement = root
        .query_selector("#at-input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    until(&root, "the picked time", || {
        input.value() == "2022-02-02T16:46:35Z"
    })
    .await;
}

#[wasm_bindgen_test]
async fn structure_what_ifs_show_the_silent_mistakes() {
    let root = mount().await;
    load_example(&root, "good").await;
    wait_for(&root, "[data-field='mq-outcome']").await;
    assert!(
        root.query_selector(".lint").unwrap().is_none(),
        "the seed setup has no finding"
    );
    let version: web_sys::HtmlSelectElement = root
        .query_selector("#mqair-version")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    version.set_value("1");
    fire(&version, "change");
    let lint = text(&wait_for(&root, ".lint").await);
    assert!(
        lint.contains("MQAIR version 1 ignores OCSPResponderURL"),
        "{lint}"
    );
    let reads = text(&root.query_selector(".as-mq-sees-it").unwrap().unwrap());
    assert!(reads.contains("MQAIR[0].Version1"), "{reads}");
}

#[wasm_bindgen_test]
async fn selecting_a_field_highlights_its_bytes_and_back() {
    let root = mount().await;
    paste(&root, &fixture("queue-manager.pem")).await;
    let serial = wait_for(&root, "[data-field='serial']").await;
    click(&serial);
    wait_for(&root, ".der-view").await;
    // The serial INTEGER 01 is 3 bytes: tag, length, value.
    until(&root, "the serial's bytes selected", || {
        count(&root, ".byte.sel") > 0
    })
    .await;
    assert_eq!(count(&root, ".byte.sel"), 3);
    let row = wait_for(&root, ".tree .node.sel").await;
    assert!(text(&row).starts_with("INTEGER"), "{}", text(&row));
    // Clicking a byte of the subject selects a value inside it and lights up the Subject fact.
    let subject_fact = root
        .query_selector("[data-field='subject']")
        .unwrap()
        .unwrap();
    assert!(!subject_fact.class_list().contains("sel"));
    let subject_text_byte = {
        let bytes = root.query_selector_all(".byte").unwrap();
        // The last byte of the subject CN value "…PL81N.com" ('m' = 6d) followed by the
        // subject's end: find the byte whose value is the last of the CN by scanning from the fact.
        let mut found = None;
        for index in 0..bytes.length() {
            let byte: Element = bytes.item(index).unwrap().dyn_into().unwrap();
            if text(&byte) == "6d" {
                found = Some(byte);
            }
        }
        found.expect("a byte 6d")
    };
    click(&subject_text_byte);
    until(&root, "a fact lit up", || count(&root, "dd.sel") > 0).await;
    let lit: Vec<String> = (0..root.query_selector_all("dd.sel").unwrap().length())
        .map(|i| {
            root.query_selector_all("dd.sel")
                .unwrap()
                .item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("data-field")
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(lit.len(), 1, "one field lights up: {lit:?}");
}

#[wasm_bindgen_test]
async fn evaluation_time_drives_the_expired_remark() {
    let root = mount().await;
    paste(&root, &fixture("queue-manager.pem")).await;
    let not_after = wait_for(&root, "[data-field='not-after']").await;
    let input: HtmlInputElement = root
        .query_selector("#at-input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("2031-08-03T08:20:27Z");
    fire(&input, "input");
    text_contains(&root, &not_after, "expired 1 day 0 h before").await;
    assert!(
        text(&not_after).contains("expired 1 day 0 h before the evaluation time"),
        "{}",
        text(&not_after)
    );
    input.set_value("not a time");
    fire(&input, "input");
    let error = text(&wait_for(&root, ".evaluation-time .field-error").await);
    assert!(
        error.contains("'not a time' is not an RFC 3339 time"),
        "{error}"
    );
    assert!(
        text(&not_after).contains("expired"),
        "the last good time stays in force"
    );
}

#[wasm_bindgen_test]
async fn thousand_certificates_paste_stays_paged() {
    let pem = fixture("queue-manager.pem");
    let paste_text = pem.repeat(1000);
    let root = mount().await;
    let started = js_sys::Date::now();
    paste(&root, &paste_text).await;
    let summary = wait_for(&root, "[data-field='summary']").await;
    text_contains(&root, &summary, "1000 objects").await;
    web_sys::console::log_1(
        &format!(
            "1000-certificate paste decoded and shown in {} ms",
            js_sys::Date::now() - started
        )
        .into(),
    );
    assert_eq!(text(&summary), "1000 objects, 0 problems");
    // The cards are built a few per task, up to one page of them and no more.
    let page = mqocsp_web::state::PAGE_SIZE as u32;
    until(&root, "a page of cards", || {
        count(&root, "article.card") == page
    })
    .await;
    gloo_timers::future::TimeoutFuture::new(4 * POLL_MS).await;
    assert_eq!(count(&root, "article.card"), page);
    let more = wait_for(&root, "button.more").await;
    assert!(text(&more).contains(&format!("{page} of 1000 shown")));
    click(&more);
    until(&root, "the next page of cards", || {
        count(&root, "article.card") == 2 * page
    })
    .await;
    gloo_timers::future::TimeoutFuture::new(4 * POLL_MS).await;
    assert_eq!(count(&root, "article.card"), 2 * page);
}

#[wasm_bindgen_test]
async fn verify_view_steps_through_the_trace_by_keyboard() {
    let root = mount().await;
    let paste_text = [
        fixture("queue-manager.pem"),
        fixture("server-ca.pem"),
        fixture("ocsp-queue-manager-revoked.pem"),
    ]
    .concat();
    paste(&root, &paste_text).await;
    let verdicts = wait_for(&root, "[data-field='verdicts']").await;
    text_contains(&root, &verdicts, "OCSP").await;
    assert!(
        text(&verdicts).contains("Chain: valid"),
        "{}",
        text(&verdicts)
    );
    assert!(
        text(&verdicts).contains("OCSP: revoked (response valid)"),
        "{}",
        text(&verdicts)
    );
    // The GSKit profile: nextUpdate absent passes, as the MQ client did in the seed.
    set_field(&root, "#verify-profile", "gskit", "change");
    let steps = root.query_selector(".steps").unwrap().unwrap();
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        steps.dispatch_event(&event).unwrap();
    };
    let current = || {
        root.query_selector(".step.current")
            .unwrap()
            .and_then(|s| s.get_attribute("data-step-id"))
            .unwrap_or_default()
    };
    // "f" goes to the first failure of the trace on screen: pressed until the GSKit profile's
    // trace is the one shown (pressing it again changes nothing).
    until(&root, "the first failure under GSKit", || {
        key("f");
        current() == "ocsp.cert_status"
    })
    .await;
    let detail = text(
        &root
            .query_selector("[data-field='step-detail']")
            .unwrap()
            .unwrap(),
    );
    assert!(
        detail.contains("revoked at 2021-09-29T08:09:11Z"),
        "{detail}"
    );
    assert!(detail.contains("AMQ9633 reason (e)"), "{detail}");
    // Its evidence (the SingleResponse) is highlighted in the OCSP response's bytes.
    wait_for(&root, "article.card.evidence .der-view").await;
    assert!(
        root.query_selector_all("article.card.evidence .byte.sel")
            .unwrap()
            .length()
            > 20
    );
    key("k");
    until(&root, "the step before", || current() != "ocsp.cert_status").await;
    assert_eq!(current(), "ocsp.nonce");
    key("Home");
    until(&root, "the first step", || current() != "ocsp.nonce").await;
    assert_eq!(current(), "chain.build");
}

#[wasm_bindgen_test]
async fn built_in_case_predicts_the_seed_and_fixes_apply_as_what_ifs() {
    let root = mount().await;
    load_example(&root, "client-responder-down").await;
    let outcome = wait_for(&root, "[data-field='mq-outcome']").await;
    assert_eq!(
        text(&outcome),
        "Not connected: CompCd=02 ReasonCd=2393 MQRC_SSL_INITIALIZATION_ERROR"
    );
    assert!(text(&wait_for(&root, "[data-field='client-log']").await).contains("AMQ9716E"));
    assert!(text(&wait_for(&root, "[data-field='qm-log']").await).contains("nothing is logged"));
    // The material of the case is in the paste box, decoded.
    let area: HtmlTextAreaElement = root
        .query_selector("#paste-input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(area.value().contains("BEGIN CERTIFICATE"));
    // "Relax OCSPAuthentication to WARN" as a what-if: the client connects with a warning.
    let buttons = root.query_selector_all("button.what-if").unwrap();
    let warn = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().dyn_into::<Element>().unwrap())
        .find(|b| {
            b.parent_element()
                .is_some_and(|li| text(&li).contains("WARN"))
        })
        .expect("a WARN what-if");
    click(&warn);
    outcome_becomes(&root, "Connected: MQCONNX completes (reason 0)").await;
    // Back to REQUIRED through the control, then bring the responder up.
    let policy: web_sys::HtmlSelectElement = root
        .query_selector("#client-policy")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    policy.set_value("REQUIRED");
    fire(&policy, "change");
    outcome_contains(&root, "2393").await;
    let responder: HtmlInputElement = root
        .query_selector(".responder input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    responder.set_checked(true);
    fire(&responder, "change");
    outcome_becomes(&root, "Connected: MQCONNX completes (reason 0)").await;
}

#[wasm_bindgen_test]
async fn channel_sslpeer_typed_into_the_mqsc_is_checked_and_fixed() {
    let root = mount().await;
    load_example(&root, "good").await;
    wait_for(&root, "[data-field='mq-outcome']").await;
    let mqsc: HtmlTextAreaElement = root
        .query_selector("#qm-mqsc")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    // SSLEV(ENABLED): the queue manager writes TLS events only then (the default is DISABLED).
    mqsc.set_value(&format!(
        "{}ALTER QMGR SSLEV(ENABLED)\n",
        mqsc.value().replace(
            "SSLCAUTH(REQUIRED)",
            "SSLCAUTH(REQUIRED) SSLPEER('CN=*.example.com')",
        )
    ));
    fire(&mqsc, "input");
    outcome_becomes(
        &root,
        "Not connected: CompCd=02 ReasonCd=2059 MQRC_Q_MGR_NOT_AVAILABLE",
    )
    .await;
    let qm_log = text(&wait_for(&root, "[data-field='qm-log']").await);
    assert!(
        qm_log.contains("AMQ9636: SSL distinguished name does not match peer name"),
        "{qm_log}"
    );
    assert!(
        text(&wait_for(&root, "[data-field='events']").await).contains("MQRQ_SSL_PEER_NAME_ERROR")
    );
    let buttons = root.query_selector_all("button.what-if").unwrap();
    let fix = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().dyn_into::<Element>().unwrap())
        .find(|b| {
            b.parent_element().is_some_and(|li| {
                text(&li).contains("SSLPEER('CN=www.pulsarintegration.PL921WC.com")
            })
        })
        .expect("an SSLPEER what-if");
    click(&fix);
    outcome_becomes(&root, "Connected: MQCONNX completes (reason 0)").await;
    // The MQSC the user typed is kept; the channel as MQ reads it carries the what-if.
    assert!(mqsc.value().contains("SSLPEER('CN=*.example.com')"));
    let reads = text(&root.query_selector(".as-mq-sees-it").unwrap().unwrap());
    assert!(
        reads.contains("CN=www.pulsarintegration.PL921WC.com, O=Pulsar Integration PL921WC Inc."),
        "{reads}"
    );
}

#[wasm_bindgen_test]
async fn share_link_and_local_storage_restore_the_case() {
    let root = mount().await;
    load_example(&root, "qm-responder-down").await;
    wait_for(&root, "[data-field='mq-outcome']").await;
    click(&root.query_selector("#share-link").unwrap().unwrap());
    let link: HtmlInputElement = wait_for(&root, "#share-link-text")
        .await
        .dyn_into()
        .unwrap();
    assert!(link.value().contains("#case=v1."), "{}", link.value());
    // The case is kept once it has not changed for a moment (services::keep).
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    until(&root, "the case in local storage", || {
        storage.get_item("mqocsp.case").unwrap().is_some()
    })
    .await;
    // A reload (same storage) and a link opened elsewhere (fragment) both bring the case back.
    let reloaded = mount_keeping_state().await;
    let outcome = wait_for(&reloaded, "[data-field='qm-log']").await;
    assert!(text(&outcome).contains("AMQ9716"), "{}", text(&outcome));
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let from_link = mount_keeping_state().await;
    let outcome = wait_for(&from_link, "[data-field='mq-outcome']").await;
    assert!(text(&outcome).contains("2393"));
    assert!(
        text(&wait_for(&from_link, "[data-field='case-title']").await)
            .contains("The responder the queue manager consults is down")
    );
}

#[wasm_bindgen_test]
async fn a_ticket_paste_is_filed_into_a_case() {
    let root = mount().await;
    let ticket = format!(
        "Hi, the QM certificate:\n{}\nour CA:\n{}\nmqclient.ini:\nSSL:\n  OCSPAuthentication=WARN\n\nQM config:\nDEFINE CHANNEL(PL81N.MQICHL) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)\n\nlog:\nAMQ9716E: Remote SSL certificate revocation status check failed for channel 'PL81N.MQICHL'\n",
        fixture("queue-manager.pem"),
        fixture("server-ca.pem")
    );
    paste(&root, &ticket).await;
    let found = wait_for(&root, ".found").await;
    text_contains(&root, &found, "end-entity").await;
    let listed = text(&found);
    assert!(
        listed
            .contains("www.sd.pulsarintegration.PL81N.com: an end-entity certificate (TLS server)"),
        "{listed}"
    );
    assert!(
        listed.contains("www.sd.pulsarintegration.com: a root CA (trust anchor)"),
        "{listed}"
    );
    assert!(listed.contains("an SSL stanza"), "{listed}");
    assert!(listed.contains("MQSC commands"), "{listed}");
    assert!(listed.contains("error log lines"), "{listed}");
    let buttons = found.query_selector_all("button.file-as").unwrap();
    let press = |label: &str| {
        let button = (0..buttons.length())
            .map(|i| buttons.item(i).unwrap().dyn_into::<Element>().unwrap())
            .find(|b| text(b) == label)
            .unwrap_or_else(|| panic!("no button {label}"));
        click(&button);
    };
    let pressed = |label: &str| {
        (0..buttons.length())
            .map(|i| buttons.item(i).unwrap().dyn_into::<Element>().unwrap())
            .any(|b| {
                text(&b) == label && b.get_attribute("aria-pressed").as_deref() == Some("true")
            })
    };
    // A ticket with a log needs no filing by hand: the case is made at once, and the diagnosis
    // comes first (here the pasted ini says WARN but the client refused: a contradiction).
    let _ = press;
    until(&root, "the queue manager's certificate filed", || {
        pressed("the queue manager's")
    })
    .await;
    until(&root, "the client's trust anchor filed", || {
        pressed("client trusts it")
    })
    .await;
    let ini: HtmlTextAreaElement = wait_for(&root, "#client-ini").await.dyn_into().unwrap();
    assert!(ini.value().contains("OCSPAuthentication=WARN"));
    let headline = text(&wait_for(&root, "[data-field='verdict-headline']").await);
    assert!(headline.contains("2393"), "{headline}");
    let verdict = text(&wait_for(&root, "[data-field='verdict']").await);
    assert!(
        verdict.contains("says OCSPAuthentication=WARN"),
        "the contradiction is said: {verdict}"
    );
}

#[wasm_bindgen_test]
async fn new_case_from_a_paste_files_what_it_can() {
    let root = mount().await;
    let ticket = format!(
        "{}{}DEFINE CHANNEL(PL81N.MQICHL) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)\n",
        fixture("queue-manager.pem"),
        fixture("server-ca.pem")
    );
    paste(&root, &ticket).await;
    let found = wait_for(&root, ".found").await;
    text_contains(&root, &found, "end-entity").await;
    let buttons = root.query_selector_all(".diagnose button").unwrap();
    let new_case = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().dyn_into::<Element>().unwrap())
        .find(|b| text(b) == "New case from the paste")
        .unwrap();
    click(&new_case);
    let log = text(&wait_for(&root, "[data-field='live-log']").await);
    assert!(
        log.contains("www.sd.pulsarintegration.PL81N.com as the queue manager's certificate"),
        "{log}"
    );
    assert!(log.contains("as trusted by both sides"), "{log}");
    assert!(log.contains("the MQSC at line"), "{log}");
    wait_for(&root, "[data-field='mq-outcome']").await;
}

/// The Verify view takes what `verify-chain` takes: pasted CRLs join the check, and a maximum
/// number of intermediate CAs can be set.
#[wasm_bindgen_test]
async fn verify_view_uses_pasted_crls_and_a_depth_limit() {
    use mqocsp_testkit::crl::{CrlSpec, crl, pem};
    let root_ca = Authority::root(&CertSpec::new("Page Depth Root").organization("mqocsp"));
    let ica = root_ca.intermediate(&CertSpec::new("Page Depth ICA").organization("mqocsp"));
    let leaf = ica.issue(
        &CertSpec::new("qm1.example.test")
            .dns(&["qm1.example.test"])
            .tls()
            .serial(&[0x2a]),
    );
    let root = mount().await;
    set_field(&root, "#at-input", "2026-11-26T12:00:00Z", "input");
    let chain = [
        leaf.pem.as_str(),
        ica.certificate.pem.as_str(),
        root_ca.certificate.pem.as_str(),
    ]
    .concat();
    paste(&root, &chain).await;
    let verdicts = wait_for(&root, "[data-field='verdicts']").await;
    text_contains(&root, &verdicts, "Chain:").await;
    set_field(&root, "#verify-profile", "gskit", "change");
    text_contains(&root, &verdicts, "Chain: valid").await;
    let crls = wait_for(&root, "[data-field='crls-used']").await;
    assert!(text(&crls).contains("No pasted CRL"), "{}", text(&crls));
    // One intermediate: at most 0 leaves no path; clearing the field lifts the limit.
    set_field(&root, "#verify-max-depth", "0", "change");
    text_contains(&root, &verdicts, "Chain: invalid").await;
    set_field(&root, "#verify-max-depth", "1", "change");
    text_contains(&root, &verdicts, "Chain: valid").await;
    // The intermediate's CRL listing the leaf, pasted too: used, and the chain is refused.
    let mut revoked = CrlSpec::good();
    revoked.revoked = vec![vec![0x2a]];
    let with_crl = format!("{chain}{}", pem(&crl(&ica.certificate, &revoked)));
    paste(&root, &with_crl).await;
    let crls = wait_for(&root, "[data-field='crls-used']").await;
    text_contains(&root, &crls, "1 pasted CRL is checked").await;
    set_field(&root, "#verify-profile", "gskit", "change");
    let verdicts = wait_for(&root, "[data-field='verdicts']").await;
    text_contains(&root, &verdicts, "Chain: invalid").await;
    let crl_step = wait_for(&root, "[data-step-id='chain.crl']").await;
    assert!(
        crl_step.class_name().contains("fail"),
        "{}",
        crl_step.class_name()
    );
}
