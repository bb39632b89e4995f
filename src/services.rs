//! The browser's services the page uses: the URL fragment, local storage and file downloads,
//! and the relay calls of the live checks; [`work`] does the page's heavy work and [`live`]
//! drives the live workflows.

pub mod live;
pub mod restore;
pub mod work;
pub mod worker;

use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::session::{Dial, Observed};
use mqocsp_core::mq::share::{pack, unpack};
use wasm_bindgen::JsCast as _;

/// The local storage key of the last case.
const STORAGE_KEY: &str = "mqocsp.case";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The case in the URL fragment (`#case=v1.…`), or why it could not be read.
pub fn case_from_fragment() -> Option<Result<Case, String>> {
    let hash = window()?.location().hash().ok()?;
    hash.contains("case=").then(|| unpack(&hash))
}

/// Whether this page may use local storage: gloo-storage throws when it may not (storage
/// disabled, a sandboxed frame), and the page works on without it.
fn storage_allowed() -> Option<()> {
    thread_local! {
        // Asked once: the answer does not change while the page lives, and asking is a call
        // into the browser at every change of the case.
        static ALLOWED: bool = window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some();
    }
    ALLOWED.with(|allowed| allowed.then_some(()))
}

/// The last case kept in this browser (kept as a JSON string; an older build kept the packed
/// text bare, which is still read).
pub fn case_from_storage() -> Option<Case> {
    use gloo_storage::Storage as _;
    storage_allowed()?;
    let packed = gloo_storage::LocalStorage::get::<String>(STORAGE_KEY)
        .ok()
        .or_else(|| {
            gloo_storage::LocalStorage::raw()
                .get_item(STORAGE_KEY)
                .ok()?
        })?;
    unpack(&packed).ok()
}

/// How long a case must stay unchanged before it is packed for local storage: typing in a
/// configuration field changes the case at every keystroke, and each pack deflates all of it in
/// the worker, ahead of the prediction the same change asked for.
const KEEP_DELAY_MS: u32 = 300;

thread_local! {
    /// The latest case to keep (`Some(None)`: forget the kept one), waiting for a pause.
    static WAITING: std::cell::RefCell<Option<(Option<Case>, gloo_timers::callback::Timeout)>> =
        const { std::cell::RefCell::new(None) };
}

/// Keeps `case` in this browser (or forgets when `None`) once it has not changed for a moment;
/// packing it runs in the worker. When the page is closed or reloaded first, the page packs and
/// keeps it itself as it goes.
pub fn keep(case: Option<Case>) {
    if storage_allowed().is_none() {
        return;
    }
    on_leaving();
    let pause = gloo_timers::callback::Timeout::new(KEEP_DELAY_MS, || {
        if let Some((case, _)) = WAITING.take() {
            store(case, false);
        }
    });
    // The previous case's timeout is dropped (cancelled) with it.
    WAITING.set(Some((case, pause)));
}

/// Stores `case` (or forgets the kept one): packed in the worker, or at once on the page (`now`).
fn store(case: Option<Case>, now: bool) {
    use gloo_storage::Storage as _;
    let put = |packed: String| {
        // A full or refused storage keeps the previous case; the page itself goes on.
        let _ = gloo_storage::LocalStorage::set(STORAGE_KEY, packed);
    };
    match case {
        Some(case) if now => put(pack(&case)),
        Some(case) => worker::pack(case, worker::Packing::Keep, put),
        None => gloo_storage::LocalStorage::delete(STORAGE_KEY),
    }
}

/// Listens (once) for the page going away: what waits for a pause, or for the worker, is packed
/// and kept on the page then.
fn on_leaving() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.replace(true) {
        return;
    }
    if let Some(window) = window() {
        let leaving = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            worker::pack_now();
            if let Some((case, _)) = WAITING.take() {
                store(case, true);
            }
        });
        let _ =
            window.add_event_listener_with_callback("pagehide", leaving.as_ref().unchecked_ref());
        // Listens for as long as the page lives.
        leaving.forget();
    }
}

/// A link to this page holding a case packed as `packed` in its fragment; the address bar
/// shows it too.
pub fn share_link(packed: &str) -> Option<String> {
    let window = window()?;
    let location = window.location();
    let base = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    let link = format!("{base}#case={packed}");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&link));
    }
    Some(link)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Shows a visible banner when the page hits an internal error (a panic): the state is lost with
/// the WebAssembly instance, but the last case is in local storage and comes back on reload.
pub fn install_panic_banner() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!(
            "mqocsp hit an internal error ({info}). Your paste and case are kept in this browser: reload the page to continue, and please report the error."
        );
        web_sys::console::error_1(&message.clone().into());
        let document = window().and_then(|w| w.document());
        if let (Some(document), Some(body)) = (document.clone(), document.and_then(|d| d.body()))
            && let Ok(banner) = document.create_element("div")
        {
            banner.set_class_name("panic-banner");
            banner.set_attribute("role", "alert").ok();
            banner.set_text_content(Some(&message));
            let _ = body.prepend_with_node_1(&banner);
        }
    }));
}

/// The relay's per-start token: from the address the relay printed (`?token=…`), kept for the
/// tab's lifetime so a reload or a share link opened in the same tab keeps it. Once read, it is
/// taken out of the address bar (history, bookmarks and screen shares never show it).
pub fn relay_token() -> Option<String> {
    let window = window()?;
    let location = window.location();
    let search = location.search().ok().unwrap_or_default();
    let from_url = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("token="))
        .map(str::to_owned);
    let storage = window.session_storage().ok().flatten();
    match from_url {
        Some(token) => {
            if let Some(storage) = &storage {
                let _ = storage.set_item("mqocsp.token", &token);
            }
            let rest: Vec<&str> = search
                .trim_start_matches('?')
                .split('&')
                .filter(|p| !p.starts_with("token=") && !p.is_empty())
                .collect();
            let query = if rest.is_empty() {
                String::new()
            } else {
                format!("?{}", rest.join("&"))
            };
            let address = format!(
                "{}{query}{}",
                location.pathname().unwrap_or_default(),
                location.hash().unwrap_or_default()
            );
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&address),
                );
            }
            Some(token)
        }
        None => storage.and_then(|s| s.get_item("mqocsp.token").ok().flatten()),
    }
}

/// 16 random bytes for an OCSP nonce, from the browser's CSPRNG.
pub fn nonce() -> Vec<u8> {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes.to_vec()
}

const RELAY_UNREACHABLE: &str = "the relay cannot be reached (is the page served by mqocsp-relay?)";

/// A fetched response's body as text (empty when it cannot be read: the status still speaks).
async fn body_text(response: &gloo_net::http::Response) -> String {
    response.text().await.unwrap_or_default()
}

/// Sends an OCSP request through the relay (`POST /api/ocsp`); the responder's answer body, or
/// why there is none.
pub async fn ocsp_via_relay(token: &str, url: &str, request: &[u8]) -> Result<Vec<u8>, String> {
    relay_fetch(token, url, request, mqocsp_wire::Method::Post)
        .await
        .map(|(_, body)| body)
}

/// Fetches the CRL at `url` (a distribution point) through the relay; an HTTP status other than
/// 200 is an error.
pub async fn crl_via_relay(token: &str, url: &str) -> Result<Vec<u8>, String> {
    match relay_fetch(token, url, &[], mqocsp_wire::Method::Crl).await? {
        (200, body) => Ok(body),
        (status, _) => Err(format!("HTTP {status}")),
    }
}

/// One call to the relay's /api/ocsp (the `mqocsp-wire` contract): the HTTP status the target
/// answered with, and the body.
async fn relay_fetch(
    token: &str,
    url: &str,
    request: &[u8],
    method: mqocsp_wire::Method,
) -> Result<(u16, Vec<u8>), String> {
    let call = mqocsp_wire::RelayCall {
        url: mqocsp_wire::HttpUrl::parse(url).map_err(|e| format!("'{url}': {e}"))?,
        method,
        request: request.to_vec(),
    };
    let body = serde_json::to_string(&call).map_err(|e| e.to_string())?;
    let response = gloo_net::http::Request::post("/api/ocsp")
        .header("content-type", "application/json")
        .header("x-mqocsp-token", token)
        .body(body)
        .map_err(|e| format!("the request to the relay cannot be made: {e}"))?
        .send()
        .await
        .map_err(|_| RELAY_UNREACHABLE)?;
    let text = body_text(&response).await;
    if !response.ok() {
        return Err(
            match serde_json::from_str::<mqocsp_wire::RelayError>(&text) {
                Ok(refusal) => refusal.error,
                Err(_) if text.trim().is_empty() => "the relay refused".to_owned(),
                Err(_) => text.trim().to_owned(),
            },
        );
    }
    serde_json::from_str::<mqocsp_wire::RelayAnswer>(&text)
        .map(|answer| (answer.status, answer.body))
        .map_err(|e| format!("the relay's answer is not what this page expects: {e}"))
}

/// The browser's clock for rustls (std's clock does not exist in WebAssembly).
#[derive(Debug)]
struct BrowserTime;

impl rustls::time_provider::TimeProvider for BrowserTime {
    fn current_time(&self) -> Option<rustls::pki_types::UnixTime> {
        let millis = js_sys::Date::now().max(0.0) as u64;
        Some(rustls::pki_types::UnixTime::since_unix_epoch(
            std::time::Duration::from_millis(millis),
        ))
    }
}

/// Why the relay would not open a tunnel to `target`: a browser cannot read a failed WebSocket
/// handshake, so the same address is asked again without the upgrade, and the relay says why.
async fn tunnel_refusal(token: &str, target: &str) -> (u16, String) {
    let url = format!(
        "/api/tunnel?target={}&token={token}",
        js_sys::encode_uri_component(target)
    );
    let Ok(response) = gloo_net::http::Request::get(&url).send().await else {
        return (0, RELAY_UNREACHABLE.to_owned());
    };
    let text = body_text(&response).await;
    let text = text.trim().trim_start_matches("mqocsp-relay: ").to_owned();
    let status = response.status();
    let why = match status {
        // Reachable now: the listener took the connection and dropped it at once.
        200 => format!("the tunnel closed before the handshake started, though {text} now"),
        _ if text.is_empty() => format!("the relay refused the tunnel (HTTP {status})"),
        _ => text,
    };
    (status, why)
}

/// What the tunnel brought next: bytes from the listener, or why it ended.
async fn tunnel_next(
    socket: &mut gloo_net::websocket::futures::WebSocket,
) -> Result<Vec<u8>, String> {
    use futures::StreamExt as _;
    use gloo_net::websocket::{Message, WebSocketError};
    loop {
        return match socket.next().await {
            Some(Ok(Message::Bytes(bytes))) => Ok(bytes),
            // The relay sends binary frames only.
            Some(Ok(Message::Text(_))) => continue,
            Some(Err(WebSocketError::ConnectionClose(close))) => Err(format!(
                "the tunnel closed (code {}{})",
                close.code,
                if close.reason.is_empty() {
                    String::new()
                } else {
                    format!(": {}", close.reason)
                }
            )),
            Some(Err(error)) => Err(format!("the tunnel failed: {error}")),
            None => Err("the tunnel closed".to_owned()),
        };
    }
}

/// Sends `bytes` into the tunnel (nothing when empty); the first send waits until the tunnel is
/// open, or has failed to open.
async fn tunnel_send(socket: &mut gloo_net::websocket::futures::WebSocket, bytes: Vec<u8>) {
    use futures::SinkExt as _;
    if !bytes.is_empty() {
        let _ = socket
            .send(gloo_net::websocket::Message::Bytes(bytes))
            .await;
    }
}

/// A TLS handshake to `target` (HOST:PORT) through the relay's WebSocket tunnel: the relay only
/// moves bytes; the TLS client runs here.
/// `Err` when the relay declined (which says nothing about the listener); a listener that could
/// not be reached is evidence, returned as an unconnected [`Observed`].
pub async fn probe_via_relay(token: &str, dial: &Dial) -> Result<Observed, String> {
    use gloo_net::websocket::{State, futures::WebSocket};
    let (target, sni, cipher_spec) = (&dial.target, &dial.sni, dial.cipher_spec.as_deref());
    let window = window().ok_or("no window")?;
    let host = window.location().host().map_err(|_| "no host")?;
    // Behind a TLS reverse proxy (--public-url) the page is https, and its tunnel must be wss.
    let scheme = match window.location().protocol().as_deref() {
        Ok("https:") => "wss",
        _ => "ws",
    };
    let url = format!(
        "{scheme}://{host}/api/tunnel?target={}&token={token}",
        js_sys::encode_uri_component(target)
    );
    let mut socket =
        WebSocket::open(&url).map_err(|_| "the relay's tunnel cannot be opened".to_owned())?;
    let mut tls =
        mqocsp_tlsprobe::Handshake::new(sni, cipher_spec, std::sync::Arc::new(BrowserTime))?;
    tunnel_send(&mut socket, tls.outgoing()).await;
    let mut result = Observed::default();
    if !matches!(socket.state(), State::Open) {
        let (status, why) = tunnel_refusal(token, target).await;
        // 502/504: the relay tried and the listener could not be reached, which is evidence
        // about the listener. Anything else is the relay declining, which is not.
        if matches!(status, 502 | 504) {
            result.error = Some(why);
            return Ok(result);
        }
        return Err(why);
    }
    while tls.is_handshaking() {
        match tunnel_next(&mut socket).await {
            Ok(bytes) => {
                if let Err(error) = tls.incoming(&bytes) {
                    result.error = Some(format!("the TLS handshake failed: {error}"));
                    break;
                }
                tunnel_send(&mut socket, tls.outgoing()).await;
            }
            Err(why) => {
                result.error = Some(format!("the listener ended the handshake: {why}"));
                break;
            }
        }
    }
    let mut alert = None;
    if result.error.is_none() {
        // A listener that rejects our (absent) certificate says so right after the handshake.
        let wait = gloo_timers::future::TimeoutFuture::new(800);
        futures::pin_mut!(wait);
        loop {
            let next = tunnel_next(&mut socket);
            futures::pin_mut!(next);
            match futures::future::select(next, &mut wait).await {
                futures::future::Either::Left((Ok(bytes), _)) => {
                    if let Err(error) = tls.incoming(&bytes) {
                        alert = Some(error);
                        break;
                    }
                }
                futures::future::Either::Left((Err(why), _)) => {
                    alert = Some(format!(
                        "the listener closed the connection right after the handshake ({why})"
                    ));
                    break;
                }
                futures::future::Either::Right(_) => break,
            }
        }
        tls.close();
        tunnel_send(&mut socket, tls.outgoing()).await;
    }
    let error = result.error.take();
    let mut result = Observed {
        error,
        alert_after_handshake: alert,
        ..tls.observed()
    };
    if result.error.is_some() {
        result.protocol = None;
        result.cipher_suite = None;
    }
    let _ = socket.close(None, None);
    Ok(result)
}
