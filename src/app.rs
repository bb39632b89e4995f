//! The page's root component.

use crate::components::case_tools::CaseTools;
use crate::components::diagnose_panel::DiagnosePanel;
use crate::components::evaluation_time::{EvaluationTime, now};
use crate::components::file_drop::FileDrop;
use crate::components::found::Found;
use crate::components::object_card::ObjectCard;
use crate::components::paste_box::PasteBox;
use crate::components::problem_list::ProblemList;
use crate::components::verdict::Verdict;
use crate::components::verify_panel::{Choice, VerifyPanel};
use crate::hooks::use_answer;
use crate::services::work;
use crate::services::worker::{self, Analysed};
use crate::shared::Shared;
use crate::state::{Action, CaseAction, CaseEdit, PasteAction, SelectionChange, State};
use crate::timing::measured;
use mqocsp_core::der::Span;
use mqocsp_core::mq::predict::Change;
use mqocsp_core::verify::workbench::{WorkbenchReport, fingerprint};
use mqocsp_core::{Decoded, DecodedObject, ObjectBody};
use std::sync::Arc;
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
            ca: cert.self_issued || cert.basic_constraints().is_some_and(|(ca, _)| ca),
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
                ca: false,
            })
        }
        _ => None,
    }
}

/// Times worth evaluating at: the first OCSP response's producedAt, the first time in each
/// pasted log (read once per case change, with the prediction).
fn time_picks(state: &State, analysed: Option<&Analysed>) -> Vec<(String, mqocsp_core::Timestamp)> {
    let mut picks = Vec::new();
    if let Some(produced) = state.objects().iter().find_map(|o| match &o.body {
        ObjectBody::OcspResponse(r) => r.basic.as_ref().map(|b| b.produced_at),
        _ => None,
    }) {
        picks.push(("OCSP producedAt".to_owned(), produced));
    }
    picks.extend(
        analysed
            .into_iter()
            .flat_map(|a| a.log_times.iter().cloned()),
    );
    picks
}

/// Props of [`DecodedList`].
#[derive(Debug, Properties, PartialEq)]
struct DecodedListProps {
    decoded: Arc<Decoded>,
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
        use_effect_with((), move |_| {
            if let Err(message) = crate::services::restore::restore(&state) {
                file_error.set(Some(message));
            }
        });
    }
    // Keep the case in this browser whenever it changes: nothing pasted is lost on reload.
    {
        let snapshot = state.snapshot();
        use_effect_with(snapshot, |snapshot| crate::services::keep(snapshot.clone()));
    }
    // A callback that dispatches its argument, made into an action.
    let dispatch = |make: fn(()) -> Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(make(())))
    };
    let on_more = dispatch(|()| PasteAction::ShowMore.into());
    let on_now = dispatch(|()| PasteAction::SetTimeTo(now()).into());
    let on_decode = {
        let state = state.clone();
        Callback::from(move |text: String| {
            // A ticket pasted with no case open becomes the case at once, so the diagnosis shows
            // (the worker reads whether it is one).
            let ticket = state.case.is_none();
            let at = state.at.to_string();
            // Decoded once, in the decode worker: the paste view and the ticket reader share the
            // objects when they are back (a newer paste's request drops this one's answer).
            let state = state.clone();
            work::decode_paste(text, move |text, decoded, sorted| {
                state.dispatch(work::decoded_paste(text.clone(), decoded.clone(), sorted).into());
                if ticket {
                    let state = state.clone();
                    work::ticket_case(text, Some(decoded), at, true, move |action| {
                        state.dispatch(action.into())
                    });
                }
            });
        })
    };
    let on_edit = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(PasteAction::Edit(text).into()))
    };
    let on_time = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(PasteAction::set_time(text).into()))
    };
    let on_file = {
        let (state, file_error) = (state.clone(), file_error.clone());
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            file_error.set(None);
            let decoded = state.clone();
            work::decode_file(name, bytes, move |action| decoded.dispatch(action.into()));
        })
    };
    let on_file_error = {
        let file_error = file_error.clone();
        Callback::from(move |message: String| file_error.set(Some(message)))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |change: SelectionChange| {
            state.dispatch(PasteAction::Select(change).into())
        })
    };
    let on_step = {
        let state = state.clone();
        Callback::from(move |(step, highlight): (usize, Option<(String, Span)>)| {
            state.dispatch(PasteAction::ShowStep(step, highlight).into())
        })
    };
    // The case resolved once per change, shared by the live plan and the panels; the paste's
    // objects are used when the paste is the case's material.
    let paste_is_material = |case: &mqocsp_core::mq::case::Case, text: &str| case.material == text;
    let resolved = use_memo(
        (
            state.case_at_time(),
            Shared::from_arc(state.decoded.clone()),
            state.decoded_text.clone(),
        ),
        move |(case, decoded, text)| {
            case.as_ref().map(|case| {
                Shared::new(measured("resolve", || {
                    if paste_is_material(case, text) {
                        case.resolve_shared(decoded.arc())
                    } else {
                        case.resolve()
                    }
                }))
            })
        },
    );
    // Its prediction, in the worker (the previous one is shown, marked busy, until it is back).
    let analysed = use_answer(
        (
            state.case_at_time(),
            Shared::from_arc(state.decoded.clone()),
            state.decoded_text.clone(),
        ),
        move |(case, decoded, text), deliver: Box<dyn FnOnce(Option<Shared<Analysed>>)>| match case
        {
            None => deliver(None),
            Some(case) => {
                let paste = paste_is_material(&case, &text).then(|| decoded.arc());
                worker::analyse(case, paste, move |analysed| {
                    deliver(Some(Shared::new(analysed)))
                });
            }
        },
    );
    let analysed_now: Option<Shared<Analysed>> =
        analysed.value.as_ref().and_then(|a| (**a).clone());
    let mut selection = state.effective_selection();
    // A certificate filed as the client's is checked as a TLS client certificate (clientAuth),
    // one filed as the queue manager's as a server certificate, unless the user chose.
    if selection.purpose.is_none()
        && let (Some(target), Some(resolved)) = (&selection.target, resolved.as_ref())
    {
        let is = |cert: &Option<mqocsp_core::Certificate>| {
            cert.as_ref()
                .is_some_and(|c| &c.fingerprints.sha256 == target)
        };
        if is(&resolved.client_cert) {
            selection.purpose = Some(mqocsp_core::verify::Purpose::ClientAuth);
        } else if is(&resolved.qm_cert) {
            selection.purpose = Some(mqocsp_core::verify::Purpose::ServerAuth);
        }
    }
    let files: Vec<Arc<Decoded>> = state.files.iter().map(|f| f.decoded.clone()).collect();
    // The Verify view's checks, in the worker: a pathological chain never blocks the page.
    let report = use_answer(
        (
            Shared::from_arc(state.decoded.clone()),
            files
                .iter()
                .cloned()
                .map(Shared::from_arc)
                .collect::<Vec<_>>(),
            selection.clone(),
            state.at,
        ),
        |(decoded, files, selection, at), deliver: Box<dyn FnOnce(WorkbenchReport)>| {
            let inputs = std::iter::once(decoded.arc())
                .chain(files.iter().map(Shared::arc))
                .collect();
            worker::verify(selection, at, inputs, deliver);
        },
    );
    let report_pending = report.pending;
    let report = report.value.unwrap_or_default();
    let choices = use_memo((state.decoded.clone(), files), |(decoded, files)| {
        measured("choices", || {
            // A certificate or response pasted again is the same choice.
            let mut seen = std::collections::HashSet::new();
            decoded
                .objects
                .iter()
                .chain(files.iter().flat_map(|f| f.objects.iter()))
                .filter_map(choice)
                .filter(|c| seen.insert(c.fingerprint.clone()))
                .collect::<Vec<Choice>>()
        })
    });
    let on_example = {
        let state = state.clone();
        Callback::from(move |name: String| {
            if let Some(action) = work::open_example(&name) {
                state.dispatch(action.into());
            }
        })
    };
    let on_new = {
        let state = state.clone();
        Callback::from(move |()| {
            let handle = state.clone();
            work::new_case(&state, move |action| handle.dispatch(action.into()));
        })
    };
    let on_case_edit = {
        let state = state.clone();
        Callback::from(move |edit: CaseEdit| state.dispatch(CaseAction::Edit(edit).into()))
    };
    let on_import = {
        let state = state.clone();
        Callback::from(move |case: mqocsp_core::mq::case::Case| {
            let state = state.clone();
            work::open_case(case, move |action| state.dispatch(action.into()));
        })
    };
    let on_live = {
        let (state, resolved) = (state.clone(), resolved.clone());
        Callback::from(move |()| crate::services::live::ask(&state, resolved.as_deref()))
    };
    let on_probe = {
        let (state, resolved) = (state.clone(), resolved.clone());
        Callback::from(move |(target, channel): (String, String)| {
            crate::services::live::probe(&state, resolved.as_deref(), target, channel)
        })
    };
    let on_apply = {
        let state = state.clone();
        Callback::from(move |change: Change| state.dispatch(CaseAction::Apply(change).into()))
    };
    let picks = time_picks(&state, analysed_now.as_deref());
    // What the paste holds, by slot; with an open case, also what live checks brought into it
    // (a listener's chain is typed evidence in the case, not text in the paste).
    // (Sorted in the worker with the decode, unless live answers added objects since.)
    let sorted = use_memo(
        (
            Shared::from_arc(state.decoded.clone()),
            state.sorted.clone(),
            state.decoded_text.clone(),
            (*resolved).clone(),
        ),
        |(decoded, sorted, text, resolved)| match (resolved, sorted) {
            (Some(resolved), _) if resolved.material.objects.len() > decoded.objects.len() => {
                measured("sort", || {
                    mqocsp_core::mq::sort::sort(&resolved.material, text)
                })
            }
            (_, Some(sorted)) => (**sorted).clone(),
            _ => measured("sort", || mqocsp_core::mq::sort::sort(decoded, text)),
        },
    );
    let on_pick = {
        let state = state.clone();
        Callback::from(move |at: mqocsp_core::Timestamp| {
            state.dispatch(PasteAction::SetTimeTo(at).into())
        })
    };
    let summary = format!(
        "{} object{}, {} problem{}{}",
        state.object_count(),
        if state.object_count() == 1 { "" } else { "s" },
        state.problem_count(),
        if state.problem_count() == 1 { "" } else { "s" },
        if state.pending { " (decoding…)" } else { "" }
    );
    let resolved = (*resolved).clone();
    let analysis_pending = analysed.pending && state.case.is_some();
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
            if let (Some(analysed), true) = (analysed_now.clone(), state.case.is_some()) {
                <Verdict {analysed} pending={analysis_pending} />
            }
            <Found sorted={sorted.clone()} case={state.case.clone()} on_edit={on_case_edit.clone()} />
            <CaseTools snapshot={state.snapshot()} {on_import} />
            <DiagnosePanel case={state.case.clone()} {resolved} analysed={analysed_now} pending={analysis_pending} {on_example} {on_new} on_edit={on_case_edit} {on_apply} {on_live} live_log={state.live_log.clone()} {on_probe} />
            <VerifyPanel choices={choices.clone()} {selection} {report} pending={report_pending} step={state.step} {on_select} {on_step} />
            <section class="decoded" aria-label="Decoded objects" aria-live="polite">
                <p class="summary" data-field="summary">{ summary }</p>
                <DecodedList decoded={state.decoded.clone()} at={state.at} shown={state.shown} on_more={on_more.clone()} highlight={state.highlight.clone()} />
                { for state.files.iter().enumerate().map(|(index, file)| {
                    let handle = state.clone();
                    let remove = Callback::from(move |_: MouseEvent| handle.dispatch(PasteAction::RemoveFile(index).into()));
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
