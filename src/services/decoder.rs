//! Decoding off the page's main thread (#14 item 6): one wasm, two roles. In a dedicated worker
//! (`static/worker.js` loads this same wasm there) [`serve_in_worker`] answers decode requests; on
//! the page, [`decode`] sends each request to that worker and hands the result back through a
//! callback.
//!
//! What crosses: a request is `{generation, text}` or `{generation, bytes}`; the answer is a run
//! of batches `{generation, batch, der}` of at most [`BATCH`] objects each (their JSON, the
//! bodies as `mqocsp decode --json` writes them, plus their DER back to back), then
//! `{generation, done, problems, took}`. The page reads one batch per message event and restores
//! each object from its DER ([`DecodedObject::restore`]), so no single main-thread task reads a
//! thousand objects at once. A newer paste supersedes an older one: its answers are dropped.
//! Files are never superseded (each dropped file is kept).
//!
//! When no worker can be made (no glue script and wasm to load, as in the wasm-bindgen tests of
//! tests/paste.rs, which serve no `worker.js`) or the worker fails, decoding runs on the page as
//! before, and the console says why: nothing the user pasted is lost.

use crate::timing::{measured, record};
use js_sys::{Array, Object, Reflect, Uint8Array};
use mqocsp_core::crl::Crl;
use mqocsp_core::decode::{Decoded, DecodedObject, ObjectBody, Problem};
use mqocsp_core::ocsp::{OcspRequest, OcspResponse};
use mqocsp_core::{Certificate, Source};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;

/// Objects per answer message: reading back 100 certificates (JSON, DER trees) took about 13 ms
/// on the page in scripts/bench-page, well under the 50 ms a long task starts at.
pub const BATCH: usize = 100;

/// What to decode.
#[derive(Clone, Debug)]
pub enum Input {
    /// Pasted text.
    Text(String),
    /// A file's bytes.
    Bytes(Vec<u8>),
}

impl Input {
    fn decode_here(&self) -> Decoded {
        match self {
            Self::Text(text) if text.trim().is_empty() => Decoded::default(),
            Self::Text(text) => measured("decode", || mqocsp_core::decode(text)),
            Self::Bytes(bytes) => measured("decode", || mqocsp_core::decode_bytes(bytes)),
        }
    }
}

/// One object as the worker writes it: its source, its body's JSON as `decode --json` writes
/// it, the length of its DER. The body is tagged by an outer key (`{"Certificate": {...}}`),
/// not by the `"kind"` field inside it as in `decode --json`: reading an inner tag makes serde
/// buffer the whole certificate first, which made reading back take three times as long as
/// decoding (measured with scripts/bench-page).
#[derive(Serialize)]
struct ObjectOut<'a> {
    source: &'a Source,
    body: BodyOut<'a>,
    length: usize,
}

#[derive(Serialize)]
enum BodyOut<'a> {
    Certificate(&'a Certificate),
    OcspResponse(&'a OcspResponse),
    OcspRequest(&'a OcspRequest),
    Crl(&'a Crl),
}

/// One object as the page reads it.
#[derive(Deserialize)]
struct ObjectIn {
    source: Source,
    body: BodyIn,
    length: usize,
}

#[derive(Deserialize)]
// Read once and moved into an ObjectBody at once, which is as large (see its own allow).
#[allow(clippy::large_enum_variant)]
enum BodyIn {
    Certificate(Certificate),
    OcspResponse(OcspResponse),
    OcspRequest(OcspRequest),
    Crl(Crl),
}

impl<'a> From<&'a DecodedObject> for ObjectOut<'a> {
    fn from(object: &'a DecodedObject) -> Self {
        let body = match &object.body {
            ObjectBody::Certificate(c) => BodyOut::Certificate(c),
            ObjectBody::OcspResponse(r) => BodyOut::OcspResponse(r),
            ObjectBody::OcspRequest(r) => BodyOut::OcspRequest(r),
            ObjectBody::Crl(c) => BodyOut::Crl(c),
        };
        Self {
            source: &object.source,
            body,
            length: object.der.len(),
        }
    }
}

impl From<BodyIn> for ObjectBody {
    fn from(body: BodyIn) -> Self {
        match body {
            BodyIn::Certificate(c) => Self::Certificate(c),
            BodyIn::OcspResponse(r) => Self::OcspResponse(r),
            BodyIn::OcspRequest(r) => Self::OcspRequest(r),
            BodyIn::Crl(c) => Self::Crl(c),
        }
    }
}

/// A batch's JSON as the worker writes it.
fn write_batch(objects: &[DecodedObject]) -> String {
    let out: Vec<ObjectOut<'_>> = objects.iter().map(ObjectOut::from).collect();
    serde_json::to_string(&out).unwrap_or_default()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn message(fields: &[(&str, JsValue)]) -> Object {
    let out = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&out, &JsValue::from_str(key), value);
    }
    out
}

// ----- the worker's side -----

/// When this wasm runs in a dedicated worker: installs the decode handler and returns `true`
/// (the caller then starts no page).
pub fn serve_in_worker() -> bool {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return false;
    };
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("mqocsp decode worker: {info}").into());
    }));
    let answering = scope.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            answer(&answering, &event.data());
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    true
}

fn answer(scope: &web_sys::DedicatedWorkerGlobalScope, request: &JsValue) {
    let generation = get(request, "generation");
    let input = match get(request, "text").as_string() {
        Some(text) => Input::Text(text),
        None => Input::Bytes(Uint8Array::new(&get(request, "bytes")).to_vec()),
    };
    let now = || scope.performance().map_or(0.0, |p| p.now());
    let start = now();
    let decoded = input.decode_here();
    let took = now() - start;
    for chunk in decoded.objects.chunks(BATCH) {
        let der: Vec<u8> = chunk.iter().flat_map(|o| o.der.iter().copied()).collect();
        let der = Uint8Array::from(der.as_slice());
        let out = message(&[
            ("generation", generation.clone()),
            ("batch", write_batch(chunk).into()),
            ("der", der.clone().into()),
        ]);
        let _ = scope.post_message_with_transfer(&out, &Array::of1(&der.buffer()));
    }
    let out = message(&[
        ("generation", generation),
        ("done", JsValue::TRUE),
        (
            "problems",
            serde_json::to_string(&decoded.problems)
                .unwrap_or_default()
                .into(),
        ),
        ("took", took.into()),
    ]);
    let _ = scope.post_message(&out);
}

// ----- the page's side -----

/// A request on its way: what was asked, what came back so far, who gets the result.
struct InFlight {
    input: Input,
    objects: Vec<DecodedObject>,
    deliver: Box<dyn FnOnce(Decoded)>,
}

/// The page's worker and its requests.
struct Client {
    worker: web_sys::Worker,
    next: u32,
    in_flight: BTreeMap<u32, InFlight>,
    // The worker's handlers, kept alive with it.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    // Whether a worker was tried: `None` not yet, `Some(None)` decoding on the page.
    static CLIENT: RefCell<Option<Option<Client>>> = const { RefCell::new(None) };
}

/// Decodes `input` (in the worker when there is one) and calls `deliver` with the result, later
/// or at once. A `Text` request supersedes earlier text requests still on their way.
pub fn decode(input: Input, deliver: impl FnOnce(Decoded) + 'static) {
    // Blank text has nothing to decode; outside a browser (the reducer's native tests) there is
    // no worker to ask.
    if matches!(&input, Input::Text(text) if text.trim().is_empty())
        || !cfg!(target_arch = "wasm32")
    {
        return deliver(input.decode_here());
    }
    let mut deliver: Option<Box<dyn FnOnce(Decoded)>> = Some(Box::new(deliver));
    CLIENT.with_borrow_mut(|client| {
        let client = client.get_or_insert_with(|| start().map_err(|why| warn_fallback(&why)).ok());
        let client = client.as_mut()?;
        let generation = client.next;
        client.next = client.next.wrapping_add(1);
        if matches!(input, Input::Text(_)) {
            // An older paste's answer would be dropped anyway: the paste no longer holds it.
            client
                .in_flight
                .retain(|_, flight| !matches!(flight.input, Input::Text(_)));
        }
        let payload = match &input {
            Input::Text(text) => ("text", JsValue::from_str(text)),
            Input::Bytes(bytes) => ("bytes", Uint8Array::from(bytes.as_slice()).into()),
        };
        let request = message(&[("generation", generation.into()), payload]);
        client.worker.post_message(&request).ok()?;
        let deliver = deliver.take()?;
        client.in_flight.insert(
            generation,
            InFlight {
                input: input.clone(),
                objects: Vec::new(),
                deliver,
            },
        );
        Some(())
    });
    if let Some(deliver) = deliver {
        // No worker: decode here, as the page did before workers.
        deliver(input.decode_here());
    }
}

fn warn_fallback(why: &str) {
    web_sys::console::warn_1(
        &format!("mqocsp: decoding on the page, not in a worker: {why}").into(),
    );
}

/// The address of the link Trunk wrote into index.html matching `selector`: the glue script
/// (`<link rel="modulepreload" href="/mqocsp-web-….js">`) or the wasm (`<link rel="preload"
/// href="/mqocsp-web-…_bg.wasm">`; the glue's own default name for it is not Trunk's).
fn linked(selector: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    document
        .query_selector(selector)
        .ok()??
        .get_attribute("href")
}

fn start() -> Result<Client, String> {
    let (Some(glue), Some(wasm)) = (
        linked("link[rel=modulepreload][href$='.js']"),
        linked("link[rel=preload][href$='.wasm']"),
    ) else {
        return Err("the page names no glue script and wasm to load in a worker".to_owned());
    };
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    options.set_name("mqocsp decode");
    let url = format!(
        "/worker.js?glue={}&wasm={}",
        js_sys::encode_uri_component(&glue),
        js_sys::encode_uri_component(&wasm)
    );
    let worker = web_sys::Worker::new_with_options(&url, &options)
        .map_err(|error| format!("the worker could not be made: {error:?}"))?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            receive(&event.data());
        });
    // A script that does not load fires a plain Event, an exception in the worker an ErrorEvent
    // with a message: read the message only when there is one.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let message = get(&event, "message").as_string();
        fail(&format!(
            "the worker failed: {}",
            message.as_deref().unwrap_or("its script did not load")
        ));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        next: 1,
        in_flight: BTreeMap::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// One message from the worker.
fn receive(data: &JsValue) {
    if let Some(why) = get(data, "failed").as_string() {
        return fail(&format!("the worker could not start: {why}"));
    }
    let generation = get(data, "generation").as_f64().unwrap_or(0.0) as u32;
    let finished = CLIENT.with_borrow_mut(|client| {
        let client = client.as_mut()?.as_mut()?;
        // An answer for a request no longer wanted (a newer paste superseded it) is dropped.
        let flight = client.in_flight.get_mut(&generation)?;
        if let Some(batch) = get(data, "batch").as_string() {
            let der = Uint8Array::new(&get(data, "der")).to_vec();
            match measured("decode-receive", || read_batch(&batch, &der)) {
                Ok(objects) => flight.objects.extend(objects),
                Err(why) => return Some(Err(why)),
            }
            return None;
        }
        let problems: Vec<Problem> = get(data, "problems")
            .as_string()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        record("decode-worker", get(data, "took").as_f64().unwrap_or(0.0));
        let flight = client.in_flight.remove(&generation)?;
        Some(Ok((flight, problems)))
    });
    match finished {
        Some(Ok((flight, problems))) => (flight.deliver)(Decoded {
            objects: flight.objects,
            problems,
        }),
        Some(Err(why)) => fail(&why),
        None => {}
    }
}

/// A batch's objects, each restored from its DER.
fn read_batch(json: &str, der: &[u8]) -> Result<Vec<DecodedObject>, String> {
    // The JSON part alone is measured too (`mqocsp:decode-read`): the rest is restoring.
    let batch: Vec<ObjectIn> = measured("decode-read", || serde_json::from_str(json))
        .map_err(|error| format!("a batch did not read back: {error}"))?;
    let mut rest = der;
    let mut objects = Vec::with_capacity(batch.len());
    for object in batch {
        let (own, after) = rest
            .split_at_checked(object.length)
            .ok_or("a batch's DER is shorter than its lengths")?;
        objects.push(DecodedObject::restored(
            object.source,
            object.body.into(),
            own.to_vec(),
        ));
        rest = after;
    }
    Ok(objects)
}

/// The worker failed: say why, stop using it, and decode whatever it still owed on the page.
fn fail(why: &str) {
    web_sys::console::error_1(&format!("mqocsp: {why}; decoding on the page from now on").into());
    let owed = CLIENT.with_borrow_mut(|client| {
        let owed = client
            .take()
            .flatten()
            .map(|client| {
                client.worker.terminate();
                // This may run inside one of those handlers: they must outlive the call, and
                // the terminated worker calls them no more.
                std::mem::forget(client._on_message);
                std::mem::forget(client._on_error);
                client.in_flight
            })
            .unwrap_or_default();
        *client = Some(None);
        owed
    });
    for flight in owed.into_values() {
        let decoded = flight.input.decode_here();
        (flight.deliver)(decoded);
    }
}

#[cfg(test)]
mod tests {
    use super::{BATCH, read_batch, write_batch};
    use mqocsp_testkit::pki::{CertSpec, self_signed};

    /// A batch as the worker writes it (JSON plus the DER back to back) reads back to the same
    /// objects on the page; a batch whose DER is cut short is refused, not misread.
    #[test]
    fn a_batch_reads_back_to_the_objects_written() {
        let pems: String = ["one.example.test", "two.example.test"]
            .iter()
            .map(|name| self_signed(&CertSpec::new(name)).pem)
            .collect();
        let decoded = mqocsp_core::decode(&pems);
        assert_eq!(decoded.objects.len(), 2);
        let objects = &decoded.objects[..decoded.objects.len().min(BATCH)];
        let json = write_batch(objects);
        let der: Vec<u8> = objects.iter().flat_map(|o| o.der.clone()).collect();
        assert_eq!(read_batch(&json, &der).unwrap(), decoded.objects);
        assert!(read_batch(&json, &der[..der.len() - 1]).is_err());
    }
}
