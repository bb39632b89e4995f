//! The page's root component.

use crate::components::case_tools::CaseTools;
use crate::components::diagnose_panel::DiagnosePanel;
use crate::components::evaluation_time::{EvaluationTime, now};
use crate::components::file_drop::FileDrop;
use crate::components::found::Found;
use crate::components::object_card::ObjectCard;
use crate::components::paste_box::PasteBox;
use crate::components::problem_list::ProblemList;
use crate::components::verify_panel::{Choice, VerifyPanel};
use crate::state::{Action, CaseEdit, SelectionChange, State};
use crate::timing::measured;
use mqocsp_core::der::Span;
use mqocsp_core::mq::predict::{Change, predict};
use mqocsp_core::mq::session::{FetchKind, Session, Task};
use mqocsp_core::verify::workbench::{fingerprint, verify_selection};
use mqocsp_core::{Decoded, DecodedObject, ObjectBody};
use std::rc::Rc;
use yew::prelude::*;

/// How an object is named in the verify view's pickers.
fn choice(object: &DecodedObject) -> Option<Choice> {
    let fingerprint = fingerprint(object);
    match &object.body {
        ObjectBody::Certificate(cert) => Some(Choice {
            label: format!(
                "{} (serial {}{})",
                cert.short_name(),
                cert.serial,
                if cert.self_issued {
                    ", self-signed"
                } else {
                    ""
                }
            ),
            fingerprint,
            certificate: true,
        }),
        ObjectBody::OcspResponse(response) => {
            let label = match &response.basic {
                Some(basic) => format!(
                    "produced {}: {}",
                    basic.produced_at,
                    basic
                        .responses
                        .iter()
                        .map(|r| format!("{} {}", r.cert_id.serial, r.cert_status.word()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None => response.response_status.word().to_owned(),
            };
            Some(Choice {
                label,
                fingerprint,
                certificate: false,
            })
        }
        _ => None,
    }
}

/// Times worth evaluating at: the first OCSP response's producedAt, the first time in a pasted log.
fn time_picks(state: &State) -> Vec<(String, mqocsp_core::Timestamp)> {
    let mut picks = Vec::new();
    if let Some(produced) = state.objects().iter().find_map(|o| match &o.body {
        ObjectBody::OcspResponse(r) => r.basic.as_ref().map(|b| b.produced_at),
        _ => None,
    }) {
        picks.push(("OCSP producedAt".to_owned(), produced));
    }
    if let Some(case) = &state.case {
        for (side, text) in [
            ("client", &case.client.error_log),
            ("queue manager", &case.queue_manager.error_log),
        ] {
            if let Some((at, _)) = mqocsp_core::mq::errlog::LogFacts::parse(text).times.first() {
                picks.push((format!("time in the {side} log"), *at));
            }
        }
    }
    picks
}

/// Props of [`DecodedList`].
#[derive(Debug, Properties, PartialEq)]
struct DecodedListProps {
    decoded: Rc<Decoded>,
    at: mqocsp_core::Timestamp,
    shown: usize,
    on_more: Callback<()>,
    highlight: Option<(String, Span)>,
}

/// The cards of one input (the paste or a file), the first `shown` of them.
#[function_component(DecodedList)]
fn decoded_list(props: &DecodedListProps) -> Html {
    let total = props.decoded.objects.len();
    let shown = props.shown.min(total);
    let more = {
        let on_more = props.on_more.clone();
        Callback::from(move |_: MouseEvent| on_more.emit(()))
    };
    html! {
        <>
            <ProblemList problems={props.decoded.problems.clone()} />
            { for (0..shown).map(|index| {
                let highlight = props.highlight.as_ref().and_then(|(object, span)| {
                    props.decoded.objects.get(index).filter(|o| fingerprint(o) == *object).map(|_| *span)
                });
                html! {
                    <ObjectCard key={index} number={index + 1} decoded={props.decoded.clone()} {index} at={props.at} {highlight} />
                }
            }) }
            if shown < total {
                <button type="button" class="more" onclick={more}>
                    { format!("Show more ({} of {total} shown)", shown) }
                </button>
            }
        </>
    }
}

/// The workbench: inputs on top, what the core made of them below.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::new(now()));
    let file_error = use_state(|| None::<String>);
    // At start: the case in the link, else the last case kept in this browser.
    {
        let (state, file_error) = (state.clone(), file_error.clone());
        use_effect_with((), move |_| match crate::services::case_from_fragment() {
            Some(Ok(case)) => state.dispatch(Action::LoadCase(Box::new(case))),
            Some(Err(error)) => {
                file_error.set(Some(format!("The share link could not be opened: {error}")))
            }
            None => {
                if let Some(case) = crate::services::case_from_storage() {
                    state.dispatch(Action::LoadCase(Box::new(case)));
                }
            }
        });
    }
    // Keep the case in this browser whenever it changes: nothing pasted is lost on reload.
    {
        let snapshot = state.snapshot();
        use_effect_with(snapshot, |snapshot| {
            crate::services::keep(snapshot.as_ref())
        });
    }
    // A callback that turns its argument into an action.
    let action = |make: fn(()) -> Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(make(())))
    };
    let on_decode = action(|()| Action::Decode);
    let on_more = action(|()| Action::ShowMore);
    let on_now = action(|()| Action::SetTimeTo(now()));
    let on_edit = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Edit(text)))
    };
    let on_time = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::SetTime(text)))
    };
    let on_file = {
        let (state, file_error) = (state.clone(), file_error.clone());
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            file_error.set(None);
            state.dispatch(Action::AddFile { name, bytes });
        })
    };
    let on_file_error = {
        let file_error = file_error.clone();
        Callback::from(move |message: String| file_error.set(Some(message)))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |change: SelectionChange| state.dispatch(Action::Select(change)))
    };
    let on_step = {
        let state = state.clone();
        Callback::from(move |(step, highlight): (usize, Option<(String, Span)>)| {
            state.dispatch(Action::ShowStep(step, highlight))
        })
    };
    let selection = state.effective_selection();
    let files: Vec<Rc<Decoded>> = state.files.iter().map(|f| f.decoded.clone()).collect();
    let report = use_memo(
        (state.decoded.clone(), files, selection.clone(), state.at),
        |(decoded, files, selection, at)| {
            let objects: Vec<&DecodedObject> = decoded
                .objects
                .iter()
                .chain(files.iter().flat_map(|f| f.objects.iter()))
                .collect();
            measured("verify", || verify_selection(&objects, selection, *at))
        },
    );
    let choices: Vec<Choice> = state.objects().into_iter().filter_map(choice).collect();
    let diagnosis = use_memo(state.case_at_time(), |case| {
        case.as_ref()
            .map(|case| Rc::new(measured("predict", || predict(case))))
    });
    let on_example = {
        let state = state.clone();
        Callback::from(move |name: String| state.dispatch(Action::LoadExample(name)))
    };
    let on_new = action(|()| Action::NewCase);
    let on_case_edit = {
        let state = state.clone();
        Callback::from(move |edit: CaseEdit| state.dispatch(Action::EditCase(edit)))
    };
    let on_import = {
        let state = state.clone();
        Callback::from(move |case: mqocsp_core::mq::case::Case| {
            state.dispatch(Action::LoadCase(Box::new(case)))
        })
    };
    let on_live = {
        let state = state.clone();
        Callback::from(move |()| {
            let Some(case) = state.case_at_time() else {
                return;
            };
            let Some(token) = crate::services::relay_token() else {
                state.dispatch(Action::LiveStarted(vec!["No relay token: open the page with the address mqocsp-relay printed (it ends in ?token=…) to ask responders live.".into()]));
                return;
            };
            let mut session = Session::new(case, None, now());
            let first = session.next(&mut crate::services::nonce);
            if first == Task::Done {
                state.dispatch(Action::LiveStarted(vec!["No certificate to ask about: name the queue manager's (and the client's) certificate and a responder URL first.".into()]));
                return;
            }
            state.dispatch(Action::LiveStarted(Vec::new()));
            live_now(&state);
            drive(state.clone(), token, session, first);
        })
    };
    let on_probe = {
        let state = state.clone();
        Callback::from(move |(target, channel): (String, String)| {
            let Some(token) = crate::services::relay_token() else {
                state.dispatch(Action::LiveStarted(vec!["No relay token: open the page with the address mqocsp-relay printed (it ends in ?token=…) to probe live.".into()]));
                return;
            };
            let mut case = state.case_or_new();
            // The probe form names the channel and the listener; the case keeps whatever else
            // it says about the client (OutboundSNI, the CipherSpec).
            let mut mqcd = case.resolve().client.mqcd;
            if !channel.trim().is_empty() && mqcd.channel_name != channel.trim() {
                mqcd.channel_name = channel.trim().to_owned();
                mqcd.conn_name.get_or_insert_with(|| target.clone());
                case.client.mqcd = Some(mqcd);
            }
            let mut session = Session::new(case, Some(&target), now());
            let first = session.next(&mut crate::services::nonce);
            if let Task::Handshake(dial) = &first {
                state.dispatch(Action::LiveStarted(vec![format!(
                    "probing {} with SNI {} through the relay…",
                    dial.target, dial.sni
                )]));
            }
            live_now(&state);
            drive(state.clone(), token, session, first);
        })
    };
    let on_apply = {
        let state = state.clone();
        Callback::from(move |change: Change| state.dispatch(Action::Apply(change)))
    };
    let picks = time_picks(&state);
    // The paste, and the chain a listener presented (kept as live evidence, not in the paste).
    let presented = state
        .case
        .as_ref()
        .map(|c| c.evidence.presented.clone())
        .unwrap_or_default();
    let sorted = use_memo(
        (state.decoded.clone(), state.text.clone(), presented),
        |(decoded, text, presented)| {
            let mut all = (**decoded).clone();
            for der in presented {
                for object in mqocsp_core::decode_bytes(&der.0).objects {
                    if !all.objects.iter().any(|o| o.der == object.der) {
                        all.objects.push(object);
                    }
                }
            }
            mqocsp_core::mq::sort::sort(&all, text)
        },
    );
    let on_pick = {
        let state = state.clone();
        Callback::from(move |at: mqocsp_core::Timestamp| state.dispatch(Action::SetTimeTo(at)))
    };
    let summary = format!(
        "{} object{}, {} problem{}{}",
        state.object_count(),
        if state.object_count() == 1 { "" } else { "s" },
        state.problem_count(),
        if state.problem_count() == 1 { "" } else { "s" },
        if state.pending { " (decoding…)" } else { "" }
    );
    html! {
        <main class="workbench">
            <header class="masthead">
                <h1>{ "mqocsp" }</h1>
                <p class="tagline">
                    { "Why does the IBM MQ client's TLS connection with OCSP fail? Paste what the customer sent." }
                </p>
            </header>
            <section class="inputs" aria-label="Inputs">
                <PasteBox text={state.text.clone()} {on_edit} {on_decode} />
                <FileDrop {on_file} on_error={on_file_error} />
                if let Some(message) = &*file_error {
                    <p class="field-error" role="alert">{ message.clone() }</p>
                }
                <EvaluationTime text={state.at_text.clone()} error={state.at_error.clone()} on_text={on_time} {on_now} {picks} {on_pick} />
            </section>
            <Found sorted={(*sorted).clone()} case={state.case.clone()} on_edit={on_case_edit.clone()} />
            <CaseTools snapshot={state.snapshot()} {on_import} />
            <DiagnosePanel case={state.case.clone()} diagnosis={(*diagnosis).clone()} {on_example} {on_new} on_edit={on_case_edit} {on_apply} {on_live} live_log={state.live_log.clone()} {on_probe} />
            <VerifyPanel {choices} {selection} {report} step={state.step} {on_select} {on_step} />
            <section class="decoded" aria-label="Decoded objects" aria-live="polite">
                <p class="summary" data-field="summary">{ summary }</p>
                <DecodedList decoded={state.decoded.clone()} at={state.at} shown={state.shown} on_more={on_more.clone()} highlight={state.highlight.clone()} />
                { for state.files.iter().enumerate().map(|(index, file)| {
                    let handle = state.clone();
                    let remove = Callback::from(move |_: MouseEvent| handle.dispatch(Action::RemoveFile(index)));
                    html! {
                        <section class="file" aria-label={format!("File {}", file.name)}>
                            <h2 class="file-name">
                                { format!("{} ({} bytes)", file.name, file.size) }
                                <button type="button" onclick={remove} aria-label={format!("Remove {}", file.name)}>{ "×" }</button>
                            </h2>
                            <DecodedList decoded={file.decoded.clone()} at={state.at} shown={usize::MAX} on_more={Callback::noop()} highlight={state.highlight.clone()} />
                        </section>
                    }
                }) }
            </section>
        </main>
    }
}

/// Sends each planned OCSP query through the relay; every answer (or failure) folds into the case.
/// Live answers are about now: the evaluation time moves to now (and the live log says so when
/// it was another time), so that a CRL or response issued after the time the page was opened
/// is judged as MQ would judge it.
fn live_now(state: &UseReducerHandle<State>) {
    let now = now();
    if state.at.to_string() != now.to_string() {
        state.dispatch(Action::LiveNote(format!(
            "evaluation time set to now ({now}): live answers are about the present"
        )));
    }
    state.dispatch(Action::SetTimeTo(now));
}

/// Drives a live session: each task it sets goes through the relay, each answer goes back to
/// it, and what it recorded joins the page's case as it comes (the session decides what to ask
/// and when to stop; the page only moves bytes).
fn drive(state: UseReducerHandle<State>, token: String, mut session: Session, first: Task) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut task = first;
        let mut shown = 0;
        loop {
            match task {
                Task::Handshake(dial) => {
                    match crate::services::probe_via_relay(&token, &dial).await {
                        Ok(observed) => session.handshake_done(observed),
                        Err(why) => {
                            state.dispatch(Action::LiveNote(format!(
                                "probe of {}: {why}",
                                dial.target
                            )));
                            return;
                        }
                    }
                }
                Task::Fetch(fetch) => {
                    state.dispatch(Action::LiveNote(match fetch.kind {
                        FetchKind::Ocsp => format!(
                            "asking {} about {} through the relay…",
                            fetch.url, fetch.certificate
                        ),
                        FetchKind::Crl => format!(
                            "fetching the CRL for {} from {} through the relay…",
                            fetch.certificate, fetch.url
                        ),
                    }));
                    let result = match fetch.kind {
                        FetchKind::Ocsp => {
                            crate::services::ocsp_via_relay(&token, &fetch.url, &fetch.request)
                                .await
                        }
                        FetchKind::Crl => crate::services::crl_via_relay(&token, &fetch.url).await,
                    };
                    session.fetched(result);
                }
                Task::Done => return,
            }
            let events = session.events();
            let lines = events
                .get(shown..)
                .unwrap_or_default()
                .iter()
                .map(|e| e.text.clone())
                .collect();
            shown = events.len();
            state.dispatch(Action::LiveProgress {
                lines,
                case: Box::new(session.case().clone()),
            });
            task = session.next(&mut crate::services::nonce);
        }
    });
}
