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
use crate::services::work::{self, Analysis};
use crate::shared::Shared;
use crate::state::{Action, CaseAction, CaseEdit, PasteAction, SelectionChange, State};
use crate::timing::measured;
use mqocsp_core::der::Span;
use mqocsp_core::mq::predict::Change;
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
/// pasted log (read once per case change, in the analysis).
fn time_picks(state: &State, analysis: Option<&Analysis>) -> Vec<(String, mqocsp_core::Timestamp)> {
    let mut picks = Vec::new();
    if let Some(produced) = state.objects().iter().find_map(|o| match &o.body {
        ObjectBody::OcspResponse(r) => r.basic.as_ref().map(|b| b.produced_at),
        _ => None,
    }) {
        picks.push(("OCSP producedAt".to_owned(), produced));
    }
    picks.extend(
        analysis
            .into_iter()
            .flat_map(|a| a.log_times.iter().cloned()),
    );
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
        use_effect_with((), move |_| {
            if let Err(message) = crate::services::restore::restore(&state) {
                file_error.set(Some(message));
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
            // A ticket pasted with no case open becomes the case at once, so the diagnosis shows.
            let ticket = state.case.is_none()
                && [
                    "AMQ",
                    "JMSWMQ",
                    "MQRC_",
                    "ReasonCd",
                    "CertPathValidatorException",
                ]
                .iter()
                .any(|w| text.contains(w))
                // Or the core sees a Java or .NET client in it (exceptions, settings, code).
                || (state.case.is_none()
                    && text
                        .lines()
                        .any(|l| mqocsp_core::mq::java::kind_in(l).is_some()));
            let at = state.at.to_string();
            // Decoded once, in the decode worker: the paste view and the ticket reader share the
            // objects when they are back (a newer paste's request drops this one's answer).
            let state = state.clone();
            work::decode_paste(text, move |text, decoded| {
                state.dispatch(work::decoded_paste(text.clone(), decoded.clone()).into());
                if ticket {
                    state.dispatch(work::ticket_case(&text, &decoded, &at).into());
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
    // The case resolved once per change, shared by the prediction, the live plan and the panels.
    let analysis = use_memo(
        (
            state.case_at_time(),
            Shared::from_rc(state.decoded.clone()),
            state.decoded_text.clone(),
        ),
        |(case, decoded, text)| {
            case.as_ref()
                .map(|case| Shared::new(work::analyse(case, Some((decoded, text)))))
        },
    );
    let mut selection = state.effective_selection();
    // A certificate filed as the client's is checked as a TLS client certificate (clientAuth),
    // one filed as the queue manager's as a server certificate, unless the user chose.
    if selection.purpose.is_none()
        && let (Some(target), Some(analysis)) = (&selection.target, analysis.as_ref())
    {
        let is = |cert: &Option<mqocsp_core::Certificate>| {
            cert.as_ref()
                .is_some_and(|c| &c.fingerprints.sha256 == target)
        };
        if is(&analysis.resolved.client_cert) {
            selection.purpose = Some(mqocsp_core::verify::Purpose::ClientAuth);
        } else if is(&analysis.resolved.qm_cert) {
            selection.purpose = Some(mqocsp_core::verify::Purpose::ServerAuth);
        }
    }
    let files: Vec<Rc<Decoded>> = state.files.iter().map(|f| f.decoded.clone()).collect();
    let report = use_memo(
        (
            state.decoded.clone(),
            files.clone(),
            selection.clone(),
            state.at,
        ),
        |(decoded, files, selection, at)| {
            let objects: Vec<&DecodedObject> = decoded
                .objects
                .iter()
                .chain(files.iter().flat_map(|f| f.objects.iter()))
                .collect();
            measured("verify", || verify_selection(&objects, selection, *at))
        },
    );
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
        Callback::from(move |()| state.dispatch(work::new_case(&state).into()))
    };
    let on_case_edit = {
        let state = state.clone();
        Callback::from(move |edit: CaseEdit| state.dispatch(CaseAction::Edit(edit).into()))
    };
    let on_import = {
        let state = state.clone();
        Callback::from(move |case: mqocsp_core::mq::case::Case| {
            state.dispatch(work::open_case(case).into())
        })
    };
    let on_live = {
        let (state, analysis) = (state.clone(), analysis.clone());
        Callback::from(move |()| {
            let resolved = analysis.as_ref().as_ref().map(|a| &a.resolved);
            crate::services::live::ask(&state, resolved)
        })
    };
    let on_probe = {
        let (state, analysis) = (state.clone(), analysis.clone());
        Callback::from(move |(target, channel): (String, String)| {
            let resolved = analysis.as_ref().as_ref().map(|a| &a.resolved);
            crate::services::live::probe(&state, resolved, target, channel)
        })
    };
    let on_apply = {
        let state = state.clone();
        Callback::from(move |change: Change| state.dispatch(CaseAction::Apply(change).into()))
    };
    let picks = time_picks(&state, analysis.as_ref().as_ref().map(|a| &**a));
    // What the paste holds, by slot; with an open case, also what live checks brought into it
    // (a listener's chain is typed evidence in the case, not text in the paste).
    let sorted = use_memo(
        (
            state.decoded.clone(),
            state.decoded_text.clone(),
            (*analysis).clone(),
        ),
        |(decoded, text, analysis)| match analysis {
            Some(analysis) if analysis.resolved.material.objects.len() > decoded.objects.len() => {
                mqocsp_core::mq::sort::sort(&analysis.resolved.material, text)
            }
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
    let resolved = (*analysis).clone();
    let diagnosis = resolved.as_ref().map(|a| a.diagnosis.clone());
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
            if let Some(analysis) = resolved.as_ref() {
                <Verdict explanation={analysis.explanation.clone()} />
            }
            <Found sorted={sorted.clone()} case={state.case.clone()} on_edit={on_case_edit.clone()} />
            <CaseTools snapshot={state.snapshot()} {on_import} />
            <DiagnosePanel case={state.case.clone()} {resolved} {diagnosis} {on_example} {on_new} on_edit={on_case_edit} {on_apply} {on_live} live_log={state.live_log.clone()} {on_probe} />
            <VerifyPanel choices={choices.clone()} {selection} {report} step={state.step} {on_select} {on_step} />
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
