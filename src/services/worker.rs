//! The page's heavy work off its main thread (#14 item 6, #19 item 6): one wasm, two roles. In a
//! dedicated worker (`static/worker.js` loads this same wasm there) [`serve_in_worker`] answers
//! requests; on the page, [`decode`], [`analyse`] and [`verify`] send each request to that worker
//! and hand the result back through a callback.
//!
//! The jobs that cross (besides reading a paste as a ticket, `file`; packing a case for local
//! storage or a share link, `pack`; and writing its Markdown report, `report`):
//! - **decode** `{generation, keep, text}` or `{generation, keep, bytes}`: the answer is a run of
//!   batches `{generation, batch, der}` of at most [`BATCH`] objects and [`BATCH_BYTES`] of JSON
//!   each (their JSON, the bodies as `mqocsp decode --json` writes them, plus their DER back to
//!   back), then `{generation, done, problems, took}`. The page reads one batch per message event and restores each object
//!   from its DER ([`DecodedObject::restored`]), so no single main-thread task reads a thousand
//!   objects at once. The worker keeps what it decoded (the text too), named by the request's
//!   generation: later jobs name it instead of sending it again.
//! - **analyse** `{generation, keep, analyse: case JSON, paste}`: resolve the case and explain it
//!   ([`Analysed`]). When the case's material is the text of a decode the worker keeps, `paste`
//!   names that decode and the material is left out of the JSON: neither is sent or decoded again.
//! - **verify** `{generation, keep, verify: selection JSON, at, inputs}`: the Verify view's chain
//!   and OCSP checks over the objects of the decodes named in `inputs`.
//!
//! The answers of analyse and verify are `{generation, analysed | verified: JSON, took}`, or
//! `{generation, refused: why}` when the worker could not do the job (the page then does it
//! itself). `keep` names every decode the page still holds or waits for: the worker forgets the
//! others, so it holds no more than the page does.
//!
//! A newer request of the same job supersedes an older one still on its way (a newer paste, case
//! or selection): the older one's answer is dropped. Files are never superseded (each dropped
//! file is kept).
//!
//! When no worker can be made (no glue script and wasm to load, as in the wasm-bindgen tests of
//! tests/paste.rs, which serve no `worker.js`) or the worker fails, the work runs on the page as
//! before, and the console says why: nothing the user pasted is lost.

use crate::timing::{measured, record};
use js_sys::{Array, Object, Reflect, Uint8Array};
use mqocsp_core::crl::Crl;
use mqocsp_core::decode::{Decoded, DecodedObject, ObjectBody, Problem};
use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::errlog::LogFacts;
use mqocsp_core::mq::examples::example;
use mqocsp_core::mq::explain::Explanation;
use mqocsp_core::mq::sort::{Sorted, sort};
use mqocsp_core::ocsp::{OcspRequest, OcspResponse};
use mqocsp_core::verify::workbench::{Selection, WorkbenchReport, verify_selection};
use mqocsp_core::{Certificate, Source, Timestamp};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Weak};
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;

/// Most objects per answer message: reading back 100 certificates (JSON, DER trees) took about
/// 13 ms on the page in scripts/bench-page, well under the 50 ms a long task starts at.
pub const BATCH: usize = 100;

/// Most JSON per answer message (an object larger than this goes alone): the page reads about
/// 15–25 KB of it per millisecond, and 85 ticket objects (387 KB of JSON, certificates richer
/// than a bundle's) took 20–34 ms in one message.
pub const BATCH_BYTES: usize = 96 * 1024;

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

/// The last text decoded and its objects. A case's material (a built-in case's, an opened
/// case's) is decoded again only when it changed: a what-if changes the settings, not the
/// material, and both the page (resolving the case for its panels) and the worker (predicting
/// it) decoded it again at each one.
#[derive(Debug, Default)]
pub struct DecodedText(Option<(String, Arc<Decoded>)>);

impl DecodedText {
    /// `text` decoded, by the last decode when that was of the same text.
    pub fn of(&mut self, text: &str) -> Arc<Decoded> {
        if let Some((last, decoded)) = &self.0
            && last == text
        {
            return decoded.clone();
        }
        let decoded = Arc::new(if text.trim().is_empty() {
            Decoded::default()
        } else {
            mqocsp_core::decode(text)
        });
        self.0 = Some((text.to_owned(), decoded.clone()));
        decoded
    }
}

/// What is derived from an open case, in the worker or (without one) on the page.
#[derive(Debug, Serialize, Deserialize)]
pub struct Analysed {
    /// The cause, from the logs' symptoms, and the prediction under it.
    pub explanation: Explanation,
    /// The first time in each side's pasted error log, worth evaluating at.
    pub log_times: Vec<(String, Timestamp)>,
}

impl Analysed {
    /// Explains `case`, resolved from `material` (its material, already decoded) when given.
    pub fn of(case: &Case, material: Option<Arc<Decoded>>) -> Self {
        let resolved = match material {
            Some(material) => case.resolve_shared(material),
            None => case.resolve(),
        };
        let explanation = mqocsp_core::mq::ticket::explain_case(case, resolved);
        let log_times = [
            ("client", &case.client.error_log),
            ("queue manager", &case.queue_manager.error_log),
        ]
        .into_iter()
        .filter_map(|(side, text)| {
            let (at, _) = *LogFacts::parse(text).times.first()?;
            Some((format!("time in the {side} log"), at))
        })
        .collect();
        Self {
            explanation,
            log_times,
        }
    }
}

/// A case started around a pasted ticket: everything filed that has one sensible place, each
/// error log entry on the side its header names, the client kind.
#[derive(Debug, Serialize, Deserialize)]
pub struct Filed {
    /// The case.
    pub case: Case,
    /// What was filed where, in words.
    pub filed: Vec<String>,
}

impl Filed {
    /// Reads `text` (decoded as `decoded`, when it was) as a ticket at `at`; with
    /// `only_a_ticket`, `None` when it does not read as one.
    pub fn of(
        text: &str,
        decoded: Option<&Decoded>,
        at: &str,
        only_a_ticket: bool,
    ) -> Option<Self> {
        if only_a_ticket && !mqocsp_core::mq::ticket::looks_like_ticket(text) {
            return None;
        }
        let ticket = match decoded {
            Some(decoded) => mqocsp_core::mq::ticket::read_decoded(text, decoded, at),
            None => mqocsp_core::mq::ticket::read(text, at),
        };
        Some(Self {
            case: ticket.case,
            filed: ticket.filed,
        })
    }
}

/// The Verify view's checks over `inputs` (the paste and each file).
fn verify_here(inputs: &[Arc<Decoded>], selection: &Selection, at: Timestamp) -> WorkbenchReport {
    let objects: Vec<&DecodedObject> = inputs.iter().flat_map(|d| d.objects.iter()).collect();
    verify_selection(&objects, selection, at)
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

/// The objects' answer messages: each a JSON array of at most `most` objects and (unless one
/// object alone is larger) `bytes` of JSON, with the objects it holds.
fn write_batches(
    objects: &[DecodedObject],
    most: usize,
    bytes: usize,
) -> Vec<(String, &[DecodedObject])> {
    let mut batches = Vec::new();
    let (mut json, mut first) = (String::new(), 0);
    for (index, object) in objects.iter().enumerate() {
        let one = serde_json::to_string(&ObjectOut::from(object)).unwrap_or_default();
        let held = index - first;
        if held > 0 && (held == most || json.len() + one.len() + 2 > bytes) {
            let done = std::mem::take(&mut json);
            batches.push((
                format!("[{done}]"),
                objects.get(first..index).unwrap_or_default(),
            ));
            first = index;
        }
        if !json.is_empty() {
            json.push(',');
        }
        json.push_str(&one);
    }
    if let Some(rest) = objects.get(first..).filter(|rest| !rest.is_empty()) {
        batches.push((format!("[{json}]"), rest));
    }
    batches
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

/// A list of decode generations as a JS array.
fn generations(list: impl IntoIterator<Item = u32>) -> JsValue {
    list.into_iter()
        .map(JsValue::from)
        .collect::<Array>()
        .into()
}

/// A JS array of decode generations.
fn read_generations(value: &JsValue) -> Vec<u32> {
    if !Array::is_array(value) {
        return Vec::new();
    }
    Array::from(value)
        .iter()
        .filter_map(|v| v.as_f64())
        .map(|v| v as u32)
        .collect()
}

// ----- the worker's side -----

/// A decode the worker keeps for later jobs.
struct Kept {
    /// The text decoded, when it was text.
    text: Option<String>,
    decoded: Arc<Decoded>,
}

thread_local! {
    static KEPT: RefCell<BTreeMap<u32, Kept>> = const { RefCell::new(BTreeMap::new()) };
    /// The material of the last case analysed that was sent as text.
    static MATERIAL: RefCell<DecodedText> = RefCell::new(DecodedText::default());
}

/// When this wasm runs in a dedicated worker: installs the request handler and returns `true`
/// (the caller then starts no page).
pub fn serve_in_worker() -> bool {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return false;
    };
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("mqocsp worker: {info}").into());
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
    let keep: BTreeSet<u32> = read_generations(&get(request, "keep"))
        .into_iter()
        .collect();
    // The decodes the page no longer holds are taken out now and freed when this function
    // returns, after its answer is posted: freeing a thousand decoded certificates took about
    // 6 ms, and the what-if that came next waited for it.
    let _forgotten: Vec<Kept> = KEPT.with_borrow_mut(|kept| {
        let gone: Vec<u32> = kept.keys().filter(|g| !keep.contains(g)).copied().collect();
        gone.iter().filter_map(|g| kept.remove(g)).collect()
    });
    let now = || scope.performance().map_or(0.0, |p| p.now());
    let start = now();
    let field = |key: &str| get(request, key).as_string();
    let done = if let Some(case) = field("analyse") {
        Some(analyse_in_worker(&case, request).map(|json| ("analysed", json)))
    } else if let Some(selection) = field("verify") {
        let inputs = read_generations(&get(request, "inputs"));
        let at = field("at").unwrap_or_default();
        Some(verify_in_worker(&selection, &at, &inputs).map(|json| ("verified", json)))
    } else if let Some(at) = field("file") {
        let only_a_ticket = get(request, "only_a_ticket").is_truthy();
        Some(file_in_worker(&at, only_a_ticket, request).map(|json| ("filed", json)))
    } else if let Some(case) = field("report") {
        Some(report_in_worker(&case, request).map(|markdown| ("reported", markdown)))
    } else {
        field("pack").map(|case| pack_in_worker(&case, request).map(|packed| ("packed", packed)))
    };
    if let Some(done) = done {
        let out = match done {
            Ok((key, answer)) => (key, JsValue::from(answer)),
            Err(why) => ("refused", JsValue::from(why)),
        };
        let took = now() - start;
        let _ = scope.post_message(&message(&[
            ("generation", generation),
            out,
            ("took", took.into()),
        ]));
        return;
    }
    let text = field("text");
    let input = match &text {
        Some(text) => Input::Text(text.clone()),
        None => Input::Bytes(Uint8Array::new(&get(request, "bytes")).to_vec()),
    };
    let decoded = input.decode_here();
    // What the paste holds, by slot (the page's "Found in the paste"): sorted here too, since
    // reading a large paste's texts takes tens of milliseconds.
    let sorted = text
        .as_deref()
        .map(|text| serde_json::to_string(&sort(&decoded, text)).unwrap_or_default());
    let took = now() - start;
    for (batch, chunk) in write_batches(&decoded.objects, BATCH, BATCH_BYTES) {
        let der: Vec<u8> = chunk.iter().flat_map(|o| o.der.iter().copied()).collect();
        let der = Uint8Array::from(der.as_slice());
        let out = message(&[
            ("generation", generation.clone()),
            ("batch", batch.into()),
            ("der", der.clone().into()),
        ]);
        let _ = scope.post_message_with_transfer(&out, &Array::of1(&der.buffer()));
    }
    let out = message(&[
        ("generation", generation.clone()),
        ("done", JsValue::TRUE),
        (
            "problems",
            serde_json::to_string(&decoded.problems)
                .unwrap_or_default()
                .into(),
        ),
        ("took", took.into()),
        ("sorted", sorted.map_or(JsValue::UNDEFINED, JsValue::from)),
    ]);
    let _ = scope.post_message(&out);
    if let Some(generation) = generation.as_f64() {
        KEPT.with_borrow_mut(|kept| {
            kept.insert(
                generation as u32,
                Kept {
                    text,
                    decoded: Arc::new(decoded),
                },
            )
        });
    }
}

/// The text a job is about, and its objects when the worker decoded it already: a kept decode
/// the request names (`paste`), or the text sent with it (`material`).
fn material(request: &JsValue) -> Result<(String, Option<Arc<Decoded>>), String> {
    match get(request, "paste").as_f64() {
        Some(paste) => KEPT.with_borrow(|kept| {
            let kept = kept
                .get(&(paste as u32))
                .ok_or("the worker no longer holds the paste")?;
            Ok((
                kept.text.clone().unwrap_or_default(),
                Some(kept.decoded.clone()),
            ))
        }),
        None => Ok((
            get(request, "material").as_string().unwrap_or_default(),
            None,
        )),
    }
}

/// A case sent without its material (it comes apart: see [`material`]).
fn read_case(json: &str, request: &JsValue) -> Result<(Case, Option<Arc<Decoded>>), String> {
    let mut case: Case = serde_json::from_str(json)
        .map_err(|error| format!("the case did not read in the worker: {error}"))?;
    let (text, decoded) = material(request)?;
    case.material = text;
    Ok((case, decoded))
}

fn analyse_in_worker(case: &str, request: &JsValue) -> Result<String, String> {
    let (case, decoded) = read_case(case, request)?;
    let decoded = decoded.or_else(|| Some(MATERIAL.with_borrow_mut(|m| m.of(&case.material))));
    serde_json::to_string(&Analysed::of(&case, decoded)).map_err(|error| error.to_string())
}

fn file_in_worker(at: &str, only_a_ticket: bool, request: &JsValue) -> Result<String, String> {
    let (text, decoded) = material(request)?;
    let mut filed = Filed::of(&text, decoded.as_deref(), at, only_a_ticket);
    // The page has the text: it is not sent back.
    if let Some(filed) = filed.as_mut() {
        filed.case.material.clear();
    }
    serde_json::to_string(&filed).map_err(|error| error.to_string())
}

fn pack_in_worker(case: &str, request: &JsValue) -> Result<String, String> {
    let (case, _) = read_case(case, request)?;
    Ok(mqocsp_core::mq::share::pack(&case))
}

fn report_in_worker(case: &str, request: &JsValue) -> Result<String, String> {
    let (case, _) = read_case(case, request)?;
    Ok(report_of(&case))
}

/// The case's Markdown report (`mqocsp report` writes the same).
fn report_of(case: &Case) -> String {
    mqocsp_core::mq::report::markdown(case, &mqocsp_core::mq::predict::predict(case))
}

fn verify_in_worker(selection: &str, at: &str, inputs: &[u32]) -> Result<String, String> {
    let selection: Selection = serde_json::from_str(selection)
        .map_err(|error| format!("the selection did not read in the worker: {error}"))?;
    let at = Timestamp::parse_rfc3339(at).ok_or("no evaluation time")?;
    let decoded = KEPT.with_borrow(|kept| {
        inputs
            .iter()
            .map(|g| {
                kept.get(g)
                    .map(|k| k.decoded.clone())
                    .ok_or("the worker no longer holds an input")
            })
            .collect::<Result<Vec<_>, _>>()
    })?;
    serde_json::to_string(&verify_here(&decoded, &selection, at)).map_err(|e| e.to_string())
}

// ----- the page's side -----

/// A job the page asks for, with what it needs to do the job itself when the worker cannot.
enum Job {
    Decode(Input),
    Analyse {
        case: Box<Case>,
        paste: Option<Arc<Decoded>>,
    },
    Verify {
        selection: Selection,
        at: Timestamp,
        inputs: Vec<Arc<Decoded>>,
    },
    FileTicket {
        text: String,
        paste: Option<Arc<Decoded>>,
        at: String,
        only_a_ticket: bool,
    },
    Pack(Box<Case>, Packing),
    Report(Box<Case>),
}

/// What a case is packed for: keeping it in this browser, or a share link (neither supersedes
/// the other).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Packing {
    /// Local storage.
    Keep,
    /// A share link.
    Share,
}

/// Which jobs supersede each other.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paste,
    File,
    Analyse,
    Verify,
    FileTicket,
    Pack(Packing),
    Report,
}

impl Job {
    fn kind(&self) -> Kind {
        match self {
            Self::Decode(Input::Text(_)) => Kind::Paste,
            Self::Decode(Input::Bytes(_)) => Kind::File,
            Self::Analyse { .. } => Kind::Analyse,
            Self::Verify { .. } => Kind::Verify,
            Self::FileTicket { .. } => Kind::FileTicket,
            Self::Pack(_, packing) => Kind::Pack(*packing),
            Self::Report(_) => Kind::Report,
        }
    }

    /// The job, done on the page.
    fn run_here(&self) -> Done {
        match self {
            Self::Decode(input) => {
                let decoded = input.decode_here();
                let sorted = match input {
                    Input::Text(text) => Some(Arc::new(measured("sort", || sort(&decoded, text)))),
                    Input::Bytes(_) => None,
                };
                Done::Decoded(Arc::new(decoded), sorted)
            }
            Self::Analyse { case, paste } => Done::Analysed(Box::new(measured("predict", || {
                Analysed::of(case, paste.clone())
            }))),
            Self::Verify {
                selection,
                at,
                inputs,
            } => Done::Verified(measured("verify", || verify_here(inputs, selection, *at))),
            Self::FileTicket {
                text,
                paste,
                at,
                only_a_ticket,
            } => Done::Filed(
                measured("file-case", || {
                    Filed::of(text, paste.as_deref(), at, *only_a_ticket)
                })
                .map(Box::new),
            ),
            Self::Pack(case, _) => {
                Done::Packed(measured("keep", || mqocsp_core::mq::share::pack(case)))
            }
            Self::Report(case) => Done::Reported(measured("report", || report_of(case))),
        }
    }
}

/// A job's result.
enum Done {
    Decoded(Arc<Decoded>, Option<Arc<Sorted>>),
    Analysed(Box<Analysed>),
    Verified(WorkbenchReport),
    Filed(Option<Box<Filed>>),
    Packed(String),
    Reported(String),
}

type Deliver = Box<dyn FnOnce(Done)>;

/// A request on its way: the job, what came back so far, who gets the result.
struct InFlight {
    job: Job,
    objects: Vec<DecodedObject>,
    deliver: Deliver,
    /// A job of the warm-up ([`warm_up`]): its answer is read back unrecorded.
    warm_up: bool,
}

/// A decode the worker keeps for the page: the page's objects (while the page holds them) and
/// the text decoded.
struct Held {
    decoded: Weak<Decoded>,
    text: Option<String>,
}

/// The page's worker and its requests.
struct Client {
    worker: web_sys::Worker,
    next: u32,
    in_flight: BTreeMap<u32, InFlight>,
    held: BTreeMap<u32, Held>,
    // The worker's handlers, kept alive with it.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Client {
    /// The decode the worker keeps for `decoded`, when it keeps one.
    fn held(&self, decoded: &Arc<Decoded>) -> Option<(u32, &Held)> {
        self.held
            .iter()
            .find(|(_, held)| std::ptr::eq(held.decoded.as_ptr(), Arc::as_ptr(decoded)))
            .map(|(g, held)| (*g, held))
    }

    /// Names the decode the worker keeps of `text` (`paste`), or sends `text` along
    /// (`material`, as a string of its own: the JSON of a job stays small).
    fn material(&self, text: &str, fields: &mut Vec<(&str, JsValue)>) {
        let kept = self.held.iter().find(|(_, held)| {
            held.decoded.strong_count() > 0 && held.text.as_deref() == Some(text)
        });
        match kept {
            Some((generation, _)) => fields.push(("paste", (*generation).into())),
            None => fields.push(("material", JsValue::from_str(text))),
        }
    }

    /// Decodes the page still holds or waits for: the worker may forget the rest.
    fn keep(&mut self) -> JsValue {
        self.held.retain(|_, held| held.decoded.strong_count() > 0);
        let waited = self
            .in_flight
            .iter()
            .filter(|(_, f)| matches!(f.job, Job::Decode(_)))
            .map(|(g, _)| *g);
        generations(self.held.keys().copied().chain(waited))
    }

    /// The request for `job` numbered `generation`, or `None` when the worker cannot do it (it
    /// does not hold an input the job names).
    fn request(&mut self, generation: u32, job: &Job) -> Option<Object> {
        let keep = self.keep();
        let mut fields = vec![("generation", JsValue::from(generation)), ("keep", keep)];
        match job {
            Job::Decode(Input::Text(text)) => fields.push(("text", JsValue::from_str(text))),
            Job::Decode(Input::Bytes(bytes)) => {
                fields.push(("bytes", Uint8Array::from(bytes.as_slice()).into()))
            }
            Job::Analyse { case, .. } => {
                fields.push(("analyse", case_without_material(case)?.into()));
                self.material(&case.material, &mut fields);
            }
            Job::FileTicket {
                text,
                at,
                only_a_ticket,
                ..
            } => {
                fields.push(("file", at.into()));
                fields.push(("only_a_ticket", JsValue::from_bool(*only_a_ticket)));
                self.material(text, &mut fields);
            }
            Job::Pack(case, _) => {
                fields.push(("pack", case_without_material(case)?.into()));
                self.material(&case.material, &mut fields);
            }
            Job::Report(case) => {
                fields.push(("report", case_without_material(case)?.into()));
                self.material(&case.material, &mut fields);
            }
            Job::Verify {
                selection,
                at,
                inputs,
            } => {
                let mut named = Vec::new();
                for input in inputs {
                    match self.held(input) {
                        Some((generation, _)) => named.push(generation),
                        // An empty input (blank text decoded on the page) adds nothing.
                        None if input.objects.is_empty() => {}
                        None => return None,
                    }
                }
                fields.push(("verify", serde_json::to_string(selection).ok()?.into()));
                fields.push(("at", at.to_string().into()));
                fields.push(("inputs", generations(named)));
            }
        }
        Some(message(&fields))
    }
}

/// `case`'s JSON without its material (sent apart, or named: see [`Client::material`]).
fn case_without_material(case: &Case) -> Option<String> {
    serde_json::to_string(&Case {
        material: String::new(),
        ..case.clone()
    })
    .ok()
}

thread_local! {
    // Whether a worker was tried: `None` not yet, `Some(None)` working on the page.
    static CLIENT: RefCell<Option<Option<Client>>> = const { RefCell::new(None) };
}

/// Decodes `input` (in the worker when there is one) and calls `deliver` with the result, later
/// or at once. A `Text` request supersedes earlier text requests still on their way.
pub fn decode(input: Input, deliver: impl FnOnce(Arc<Decoded>, Option<Arc<Sorted>>) + 'static) {
    // Blank text has nothing to decode.
    if matches!(&input, Input::Text(text) if text.trim().is_empty()) {
        return deliver(Arc::new(Decoded::default()), None);
    }
    ask(
        Job::Decode(input),
        Box::new(move |done| {
            if let Done::Decoded(decoded, sorted) = done {
                deliver(decoded, sorted);
            }
        }),
        false,
    );
}

/// Resolves and explains `case` (in the worker when there is one); `paste` is its material as
/// already decoded, when the caller has it. A newer request supersedes this one.
pub fn analyse(case: Case, paste: Option<Arc<Decoded>>, deliver: impl FnOnce(Analysed) + 'static) {
    ask(
        Job::Analyse {
            case: Box::new(case),
            paste,
        },
        Box::new(move |done| {
            if let Done::Analysed(analysed) = done {
                deliver(*analysed);
            }
        }),
        false,
    );
}

/// Runs the Verify view's checks over `inputs` (in the worker when there is one). A newer
/// request supersedes this one.
pub fn verify(
    selection: Selection,
    at: Timestamp,
    inputs: Vec<Arc<Decoded>>,
    deliver: impl FnOnce(WorkbenchReport) + 'static,
) {
    ask(
        Job::Verify {
            selection,
            at,
            inputs,
        },
        Box::new(move |done| {
            if let Done::Verified(report) = done {
                deliver(report);
            }
        }),
        false,
    );
}

/// Reads `text` as a ticket at `at` (in the worker when there is one); `paste` is `text` as
/// already decoded, when the caller has it. With `only_a_ticket`, `deliver` gets `None` when
/// the text does not read as a ticket. A newer request supersedes this one.
pub fn file_ticket(
    text: String,
    paste: Option<Arc<Decoded>>,
    at: String,
    only_a_ticket: bool,
    deliver: impl FnOnce(Option<Filed>) + 'static,
) {
    ask(
        Job::FileTicket {
            text,
            paste,
            at,
            only_a_ticket,
        },
        Box::new(move |done| {
            if let Done::Filed(filed) = done {
                deliver(filed.map(|f| *f));
            }
        }),
        false,
    );
}

/// Packs `case` as a share link's fragment does, for `packing` (in the worker when there is one:
/// deflating a large paste takes tens of milliseconds). A newer request for the same purpose
/// supersedes this one.
pub fn pack(case: Case, packing: Packing, deliver: impl FnOnce(String) + 'static) {
    ask(
        Job::Pack(Box::new(case), packing),
        Box::new(move |done| {
            if let Done::Packed(packed) = done {
                deliver(packed);
            }
        }),
        false,
    );
}

/// Sends `job` to the worker, or does it here when there is none (outside a browser, as in the
/// reducer's native tests, there never is).
fn ask(job: Job, deliver: Deliver, warm_up: bool) {
    if !cfg!(target_arch = "wasm32") {
        return deliver(job.run_here());
    }
    let job_here = CLIENT.with_borrow_mut(|client| {
        let client = client.get_or_insert_with(started);
        let Some(client) = client.as_mut() else {
            return Some((job, deliver));
        };
        let generation = client.next;
        client.next = client.next.wrapping_add(1);
        let kind = job.kind();
        if kind != Kind::File {
            // An older request's answer would be dropped anyway: a newer one replaces it.
            client
                .in_flight
                .retain(|_, flight| flight.job.kind() != kind);
        }
        let Some(request) = client.request(generation, &job) else {
            return Some((job, deliver));
        };
        if client.worker.post_message(&request).is_err() {
            return Some((job, deliver));
        }
        client.in_flight.insert(
            generation,
            InFlight {
                job,
                objects: Vec::new(),
                deliver,
                warm_up,
            },
        );
        None
    });
    if let Some((job, deliver)) = job_here {
        deliver(job.run_here());
    }
}

/// The Markdown report of `case` (in the worker when there is one: it predicts the case, which
/// takes hundreds of milliseconds for a long ticket). A newer request supersedes this one.
pub fn report(case: Case, deliver: impl FnOnce(String) + 'static) {
    ask(
        Job::Report(Box::new(case)),
        Box::new(move |done| {
            if let Done::Reported(markdown) = done {
                deliver(markdown);
            }
        }),
        false,
    );
}

/// Packs, here and now, the case the worker is still packing for local storage, and delivers it:
/// the page is going away (`pagehide`), and the worker's answer would come too late to be kept.
pub fn pack_now() {
    let owed: Vec<InFlight> = CLIENT.with_borrow_mut(|client| {
        let Some(Some(client)) = client.as_mut() else {
            return Vec::new();
        };
        let packs: Vec<u32> = client
            .in_flight
            .iter()
            .filter(|(_, flight)| flight.job.kind() == Kind::Pack(Packing::Keep))
            .map(|(generation, _)| *generation)
            .collect();
        packs
            .into_iter()
            .filter_map(|generation| client.in_flight.remove(&generation))
            .collect()
    });
    for flight in owed {
        (flight.deliver)(flight.job.run_here());
    }
}

/// The built-in case [`warm_up`] runs through the worker.
const WARM_UP_CASE: &str = "client-responder-down";

/// Runs a built-in case through the worker once, its answers dropped, when the page has asked
/// nothing yet: a decode (certificates read back in a batch, the paste sorted) and analyses
/// under each client policy (an explanation read back). The browser compiles wasm code lazily, on its first call, and the
/// page's first read of a many-ticket paste's answer took 13–40 ms cold against 2–6 ms warm
/// (docs/performance.md); this way the first paste meets code already compiled. It also starts
/// the worker before the first paste needs it. Nothing runs when no worker can start: the work
/// would then be the page's own.
pub fn warm_up() {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let idle = CLIENT.with_borrow_mut(|client| {
        if client.is_some() {
            return false;
        }
        client.get_or_insert_with(started).is_some()
    });
    let Some(case) = idle.then(|| example(WARM_UP_CASE)).flatten() else {
        return;
    };
    let ignore: fn(Done) = |_| {};
    ask(
        Job::Decode(Input::Text(case.material.clone())),
        Box::new(ignore),
        true,
    );
    // Under each OCSPAuthentication policy, as the what-if controls change it: the first what-if
    // of a page otherwise met the code of another outcome (a connection, a warning) cold, and
    // took 30–45 ms against 10–15 ms after it (docs/performance.md). The page reads back the
    // last answer (the others are superseded).
    use mqocsp_core::mq::ini::OcspAuthentication::{Optional, Required, Warn};
    for policy in [Warn, Optional, Required] {
        let mut case = Box::new(case.clone());
        case.client.ocsp_authentication = Some(policy);
        ask(Job::Analyse { case, paste: None }, Box::new(ignore), true);
    }
}

/// The worker's client, or `None` (saying why in the console) when no worker can start.
fn started() -> Option<Client> {
    start().map_err(|why| warn_fallback(&why)).ok()
}

fn warn_fallback(why: &str) {
    web_sys::console::warn_1(
        &format!("mqocsp: working on the page, not in a worker: {why}").into(),
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
    options.set_name("mqocsp work");
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
    // The page's compiled wasm, so the worker neither fetches nor compiles it again and shares
    // the code the page's use has optimised (static/worker.js waits for it).
    let _ = worker.post_message(&message(&[("module", wasm_bindgen::module())]));
    Ok(Client {
        worker,
        next: 1,
        in_flight: BTreeMap::new(),
        held: BTreeMap::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// What one message from the worker finished.
enum Finished {
    /// A job is done: deliver its result.
    Done(Deliver, Done),
    /// The worker could not do a job: do it here.
    Refused(Box<InFlight>, String),
}

/// One message from the worker.
fn receive(data: &JsValue) {
    if let Some(why) = get(data, "failed").as_string() {
        return fail(&format!("the worker could not start: {why}"));
    }
    let generation = get(data, "generation").as_f64().unwrap_or(0.0) as u32;
    let warm_up = CLIENT.with_borrow(|client| {
        client
            .as_ref()
            .and_then(Option::as_ref)
            .and_then(|client| client.in_flight.get(&generation))
            .is_some_and(|flight| flight.warm_up)
    });
    crate::timing::unrecorded(warm_up, || receive_answer(data, generation));
}

/// One answer (or part of one) to the request numbered `generation`.
fn receive_answer(data: &JsValue, generation: u32) {
    let took = get(data, "took").as_f64().unwrap_or(0.0);
    let finished = CLIENT.with_borrow_mut(|client| {
        let client = client.as_mut()?.as_mut()?;
        // An answer for a request no longer wanted (a newer one superseded it) is dropped.
        let flight = client.in_flight.get_mut(&generation)?;
        if let Some(batch) = get(data, "batch").as_string() {
            let der = Uint8Array::new(&get(data, "der")).to_vec();
            match measured("decode-receive", || read_batch(&batch, &der)) {
                Ok(objects) => flight.objects.extend(objects),
                Err(why) => return Some(Err(why)),
            }
            return None;
        }
        let flight = client.in_flight.remove(&generation)?;
        if let Some(why) = get(data, "refused").as_string() {
            return Some(Ok(Finished::Refused(Box::new(flight), why)));
        }
        // A job's answer (`None`: the end of a decode).
        let read = if let Some(json) = get(data, "analysed").as_string() {
            Some(
                read_back::<Analysed>("predict", "a prediction", took, &json)
                    .map(|analysed| Done::Analysed(Box::new(analysed))),
            )
        } else if let Some(json) = get(data, "filed").as_string() {
            Some(
                read_back::<Option<Filed>>("file-case", "a filed case", took, &json).map(
                    |mut filed| {
                        // The worker sent the case without the text it was read from.
                        if let (Job::FileTicket { text, .. }, Some(filed)) =
                            (&flight.job, filed.as_mut())
                        {
                            filed.case.material = text.clone();
                        }
                        Done::Filed(filed.map(Box::new))
                    },
                ),
            )
        } else if let Some(packed) = get(data, "packed").as_string() {
            let shared = matches!(flight.job, Job::Pack(_, Packing::Share));
            record(
                if shared {
                    "share-worker"
                } else {
                    "keep-worker"
                },
                took,
            );
            Some(Ok(Done::Packed(packed)))
        } else if let Some(markdown) = get(data, "reported").as_string() {
            record("report-worker", took);
            Some(Ok(Done::Reported(markdown)))
        } else {
            get(data, "verified").as_string().map(|json| {
                read_back::<WorkbenchReport>("verify", "a verification", took, &json)
                    .map(Done::Verified)
            })
        };
        let done = match read {
            Some(Ok(done)) => done,
            Some(Err(why)) => return Some(Ok(Finished::Refused(Box::new(flight), why))),
            None => {
                let problems: Vec<Problem> = get(data, "problems")
                    .as_string()
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .unwrap_or_default();
                record("decode-worker", took);
                let sorted: Option<Sorted> = get(data, "sorted")
                    .as_string()
                    .and_then(|json| measured("sort-read", || serde_json::from_str(&json).ok()));
                let decoded = Decoded {
                    objects: flight.objects,
                    problems,
                };
                let text = match flight.job {
                    Job::Decode(Input::Text(text)) => Some(text),
                    _ => None,
                };
                // The page gets its objects as an Rc the worker's copy is tied to.
                let decoded = Arc::new(decoded);
                client.held.insert(
                    generation,
                    Held {
                        decoded: Arc::downgrade(&decoded),
                        text,
                    },
                );
                Done::Decoded(decoded, sorted.map(Arc::new))
            }
        };
        Some(Ok(Finished::Done(flight.deliver, done)))
    });
    match finished {
        // A decode's objects are shown in a task of their own: reading its last answer back
        // and building the page from it held the main thread for 50–60 ms in one task.
        Some(Ok(Finished::Done(deliver, done @ Done::Decoded(..)))) => {
            gloo_timers::callback::Timeout::new(0, move || deliver(done)).forget();
        }
        Some(Ok(Finished::Done(deliver, done))) => deliver(done),
        // The warm-up's job is not worth doing on the page.
        Some(Ok(Finished::Refused(flight, _))) if flight.warm_up => {}
        Some(Ok(Finished::Refused(flight, why))) => {
            web_sys::console::warn_1(&format!("mqocsp: done on the page: {why}").into());
            (flight.deliver)(flight.job.run_here());
        }
        Some(Err(why)) => fail(&why),
        None => {}
    }
}

/// A job's answer read back: its JSON parsed (recorded as `mqocsp:<name>-read`), the worker's
/// time recorded as `mqocsp:<name>-worker`; `what` names it when it does not read.
fn read_back<T: serde::de::DeserializeOwned>(
    name: &str,
    what: &str,
    took: f64,
    json: &str,
) -> Result<T, String> {
    record(&format!("{name}-worker"), took);
    measured(&format!("{name}-read"), || serde_json::from_str(json))
        .map_err(|error| format!("{what} did not read back: {error}"))
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

/// The worker failed: say why, stop using it, and do whatever it still owed on the page.
fn fail(why: &str) {
    web_sys::console::error_1(&format!("mqocsp: {why}; working on the page from now on").into());
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
    for flight in owed.into_values().filter(|flight| !flight.warm_up) {
        let done = flight.job.run_here();
        (flight.deliver)(done);
    }
}

#[cfg(test)]
mod tests {
    use super::{Analysed, BATCH, BATCH_BYTES, read_batch, write_batches};
    use mqocsp_core::DecodedObject;
    use mqocsp_testkit::pki::{CertSpec, self_signed};

    /// Reads back every batch and joins the objects.
    fn read_all(batches: &[(String, &[DecodedObject])]) -> Vec<DecodedObject> {
        let mut objects = Vec::new();
        for (json, held) in batches {
            let der: Vec<u8> = held.iter().flat_map(|o| o.der.clone()).collect();
            objects.extend(read_batch(json, &der).unwrap());
        }
        objects
    }

    /// A batch as the worker writes it (JSON plus the DER back to back) reads back to the same
    /// objects on the page; a batch whose DER is cut short is refused, not misread. Batches are
    /// cut by count and by JSON size, and every object arrives once, in order.
    #[test]
    fn batches_read_back_to_the_objects_written() {
        let pems: String = ["one.example.test", "two.example.test", "three.example.test"]
            .iter()
            .map(|name| self_signed(&CertSpec::new(name)).pem)
            .collect();
        let decoded = mqocsp_core::decode(&pems);
        assert_eq!(decoded.objects.len(), 3);
        let whole = write_batches(&decoded.objects, BATCH, BATCH_BYTES);
        assert_eq!(whole.len(), 1);
        assert_eq!(read_all(&whole), decoded.objects);
        let (json, held) = &whole[0];
        let der: Vec<u8> = held.iter().flat_map(|o| o.der.clone()).collect();
        assert!(read_batch(json, &der[..der.len() - 1]).is_err());
        // Two objects per batch: 2 + 1.
        let by_count = write_batches(&decoded.objects, 2, BATCH_BYTES);
        assert_eq!(
            by_count.iter().map(|(_, o)| o.len()).collect::<Vec<_>>(),
            [2, 1]
        );
        assert_eq!(read_all(&by_count), decoded.objects);
        // A byte limit below one object's JSON: each object alone, none dropped.
        let by_size = write_batches(&decoded.objects, BATCH, 10);
        assert_eq!(
            by_size.iter().map(|(_, o)| o.len()).collect::<Vec<_>>(),
            [1, 1, 1]
        );
        assert_eq!(read_all(&by_size), decoded.objects);
        // Room for about two objects' JSON.
        let one = whole[0].0.len() / 3;
        let by_bytes = write_batches(&decoded.objects, BATCH, 2 * one + one / 2);
        assert_eq!(
            by_bytes.iter().map(|(_, o)| o.len()).collect::<Vec<_>>(),
            [2, 1]
        );
        assert!(
            by_bytes
                .iter()
                .all(|(json, _)| json.len() <= 2 * one + one / 2)
        );
        assert!(write_batches(&[], BATCH, BATCH_BYTES).is_empty());
    }

    /// A text decoded again is not decoded again: the same objects come back until the text
    /// changes, and a blank text holds nothing.
    #[test]
    fn the_same_text_is_decoded_once() {
        let pem = self_signed(&CertSpec::new("once.example.test")).pem;
        let mut last = super::DecodedText::default();
        let first = last.of(&pem);
        assert_eq!(first.objects.len(), 1);
        assert!(std::sync::Arc::ptr_eq(&first, &last.of(&pem)));
        let other = last.of(&format!("{pem}{pem}"));
        assert_eq!(other.objects.len(), 2);
        assert!(!std::sync::Arc::ptr_eq(&first, &last.of(&pem)));
        assert_eq!(*last.of("  \n"), mqocsp_core::Decoded::default());
    }

    /// The case the worker is warmed with exists.
    #[test]
    fn the_warm_up_case_is_built_in() {
        assert!(mqocsp_core::mq::examples::example(super::WARM_UP_CASE).is_some());
    }

    /// What the worker sends for an open case reads back on the page to the same explanation
    /// and log times, and the worker's way (material decoded once, resolved from it) explains
    /// the case as resolving it afresh does.
    #[test]
    fn an_analysis_reads_back_as_the_page_would_have_made_it() {
        for (name, case) in mqocsp_core::mq::examples::examples() {
            let decoded = mqocsp_core::decode(&case.material);
            let analysed = Analysed::of(&case, Some(std::sync::Arc::new(decoded)));
            let fresh = Analysed::of(&case, None);
            assert_eq!(analysed.explanation, fresh.explanation, "{name}");
            let json = serde_json::to_string(&analysed).unwrap();
            let back: Analysed = serde_json::from_str(&json).unwrap();
            assert_eq!(back.explanation, analysed.explanation, "{name}");
            assert_eq!(back.log_times, analysed.log_times, "{name}");
        }
    }
}
