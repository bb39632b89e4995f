//! The page's root component.

use crate::components::case_tools::CaseTools;
use crate::components::diagnose_panel::DiagnosePanel;
use crate::components::evaluation_time::{EvaluationTime, now};
use crate::components::file_drop::FileDrop;
use crate::components::found::{Filing, Found};
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
use std::sync::{Arc, Weak};
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

/// Cards built or brought up to date per update: twenty cards are about 1,100 elements, and
/// building them in one update held the main thread for 40–60 ms after a paste of many tickets
/// (docs/performance.md); so did rebuilding them all when the evaluation time changed (a ticket
/// becoming the case moves it to the case's time).
const CARDS_PER_STEP: usize = 4;

/// The evaluation time each of the first `shown` cards is built with in this update, given those
/// of the cards built so far (`built`): at most `step` cards change, the earliest first (an
/// outdated card takes `at`, then a missing card is added); the rest stay as they are. An update
/// for which this returns `built` unchanged is the last one.
fn cards_plan(
    built: &[mqocsp_core::Timestamp],
    at: mqocsp_core::Timestamp,
    shown: usize,
    step: usize,
) -> Vec<mqocsp_core::Timestamp> {
    let mut plan: Vec<_> = built.iter().copied().take(shown).collect();
    let mut left = step;
    for card in plan.iter_mut().filter(|card| **card != at) {
        if left == 0 {
            break;
        }
        *card = at;
        left -= 1;
    }
    let missing = shown.saturating_sub(plan.len()).min(left);
    plan.extend(std::iter::repeat_n(at, missing));
    plan
}

/// The cards of one input (the paste or a file), the first `shown` of them, built and brought up
/// to date a few per task (see [`cards_plan`]).
#[function_component(DecodedList)]
fn decoded_list(props: &DecodedListProps) -> Html {
    let total = props.decoded.objects.len();
    let shown = props.shown.min(total);
    // Which input's cards are built, and the evaluation time of each (another input starts
    // again from none).
    let built = use_state(|| (Weak::<Decoded>::new(), Vec::new()));
    let decoded = Arc::downgrade(&props.decoded);
    let same = Weak::ptr_eq(&built.0, &decoded);
    let plan = cards_plan(
        if same { &built.1 } else { &[] },
        props.at,
        shown,
        CARDS_PER_STEP,
    );
    {
        let built = built.clone();
        use_effect_with(
            (plan.clone(), decoded.as_ptr() as usize),
            move |(plan, _)| {
                // The next few in a task of their own, after the browser had its turn.
                let plan = plan.clone();
                let next = (!same || built.1 != plan).then(|| {
                    gloo_timers::callback::Timeout::new(0, move || built.set((decoded, plan)))
                });
                move || drop(next)
            },
        );
    }
    let more = {
        let on_more = props.on_more.clone();
        Callback::from(move |_: MouseEvent| on_more.emit(()))
    };
    html! {
        <>
            <ProblemList problems={props.decoded.problems.clone()} />
            // Keyed, and alone in their element: the cards added later are appended, and the
            // cards built before them stay as they are (in a list with unkeyed siblings, Yew
            // paired them by position from the end and rebuilt every card at each step).
            <div class="cards">
                { for plan.iter().enumerate().map(|(index, at)| {
                    let highlight = props.highlight.as_ref().and_then(|(object, span)| {
                        props.decoded.objects.get(index).filter(|o| fingerprint(o) == *object).map(|_| *span)
                    });
                    html! {
                        <ObjectCard key={index} number={index + 1} decoded={props.decoded.clone()} {index} at={*at} {highlight} />
                    }
                }) }
            </div>
            if shown < total {
                <button type="button" class="more" onclick={more}>
                    { format!("Show more ({} of {total} shown)", shown) }
                </button>
            }
        </>
    }
}

/// A callback, made once, that dispatches its argument made into an action.
#[hook]
fn use_dispatched<IN: 'static>(
    dispatcher: &UseReducerDispatcher<State>,
    make: fn(IN) -> Action,
) -> Callback<IN> {
    let dispatcher = dispatcher.clone();
    use_callback((), move |input: IN, _| dispatcher.dispatch(make(input)))
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
    // The callbacks handed to children are made once (or when what they read changes), so a
    // child whose other props did not change is not rendered again: with new callbacks at each
    // render, a what-if rebuilt the Verify view, the cards and the inputs as well.
    let dispatcher = state.dispatcher();
    let on_more = use_dispatched(&dispatcher, |()| PasteAction::ShowMore.into());
    let on_now = use_dispatched(&dispatcher, |()| PasteAction::SetTimeTo(now()).into());
    let on_decode = {
        let dispatcher = dispatcher.clone();
        // A ticket pasted with no case open becomes the case at once, so the diagnosis shows
        // (the worker reads whether it is one).
        use_callback(
            (state.case.is_none(), state.at),
            move |text: String, (ticket, at)| {
                let (ticket, at) = (*ticket, at.to_string());
                // Decoded once, in the decode worker: the paste view and the ticket reader share
                // the objects when they are back (a newer paste's request drops this one's answer).
                let dispatcher = dispatcher.clone();
                work::decode_paste(text, move |text, decoded, sorted| {
                    dispatcher.dispatch(
                        work::decoded_paste(text.clone(), decoded.clone(), sorted).into(),
                    );
                    if ticket {
                        work::ticket_case(text, Some(decoded), at, true, move |action| {
                            dispatcher.dispatch(action.into())
                        });
                    }
                });
            },
        )
    };
    let on_edit = use_dispatched(&dispatcher, |text: String| PasteAction::Edit(text).into());
    let on_time = use_dispatched(&dispatcher, |text: String| {
        PasteAction::set_time(text).into()
    });
    let on_file = {
        let (dispatcher, file_error) = (dispatcher.clone(), file_error.setter());
        use_callback((), move |(name, bytes): (String, Vec<u8>), _| {
            file_error.set(None);
            let dispatcher = dispatcher.clone();
            work::decode_file(name, bytes, move |action| {
                dispatcher.dispatch(action.into())
            });
        })
    };
    let on_file_error = {
        let file_error = file_error.setter();
        use_callback((), move |message: String, _| file_error.set(Some(message)))
    };
    let on_select = use_dispatched(&dispatcher, |change: SelectionChange| {
        PasteAction::Select(change).into()
    });
    let on_step = use_dispatched(
        &dispatcher,
        |(step, highlight): (usize, Option<(String, Span)>)| {
            PasteAction::ShowStep(step, highlight).into()
        },
    );
    // The case resolved once per change, shared by the live plan and the panels; the paste's
    // objects are used when the paste is the case's material.
    // Other material (a built-in case's, an opened case's) is decoded once per text: a what-if
    // changes the settings, not the material.
    let paste_is_material = |case: &mqocsp_core::mq::case::Case, text: &str| case.material == text;
    let material_decoded = use_mut_ref(worker::DecodedText::default);
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
                        let material = material_decoded.borrow_mut().of(&case.material);
                        case.resolve_shared(material)
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
    // The pickers' options are built in a task of their own (see `use_deferred`).
    let choices = crate::hooks::use_deferred(choices.clone());
    let on_example = {
        let dispatcher = dispatcher.clone();
        use_callback((), move |name: String, _| {
            if let Some(action) = work::open_example(&name) {
                dispatcher.dispatch(action.into());
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
    let on_case_edit = use_dispatched(&dispatcher, |edit: CaseEdit| CaseAction::Edit(edit).into());
    let on_import = {
        let dispatcher = dispatcher.clone();
        use_callback((), move |case: mqocsp_core::mq::case::Case, _| {
            let dispatcher = dispatcher.clone();
            work::open_case(case, move |action| dispatcher.dispatch(action.into()));
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
    let on_apply = use_dispatched(&dispatcher, |change: Change| {
        CaseAction::Apply(change).into()
    });
    let picks = time_picks(&state, analysed_now.as_deref());
    // What the paste holds, by slot; with an open case, also what live checks brought into it
    // (a listener's chain is typed evidence in the case, not text in the paste).
    // (Sorted in the worker with the decode, unless live answers added objects since.)
    let sorted = use_memo(
        (
            Shared::from_arc(state.decoded.clone()),
            state.sorted.clone(),
            state.decoded_text.clone(),
            // The material resolved, not the resolution: a what-if leaves it as it was.
            (*resolved)
                .as_ref()
                .map(|resolved| Shared::from_arc(resolved.material.clone())),
        ),
        |(decoded, sorted, text, material)| match (material, sorted) {
            (Some(material), _) if material.objects.len() > decoded.objects.len() => {
                Shared::new(measured("sort", || {
                    mqocsp_core::mq::sort::sort(material, text)
                }))
            }
            (_, Some(sorted)) => Shared::from_arc(sorted.clone()),
            _ => Shared::new(measured("sort", || {
                mqocsp_core::mq::sort::sort(decoded, text)
            })),
        },
    );
    // The rows are built in a task after the cards' first few (see `use_deferred`).
    let sorted = crate::hooks::use_deferred((*sorted).clone());
    let on_pick = use_dispatched(&dispatcher, |at: mqocsp_core::Timestamp| {
        PasteAction::SetTimeTo(at).into()
    });
    let summary = format!(
        "{} object{}, {} problem{}{}",
        state.object_count(),
        if state.object_count() == 1 { "" } else { "s" },
        state.problem_count(),
        if state.problem_count() == 1 { "" } else { "s" },
        if state.pending { " (decoding…)" } else { "" }
    );
    let filing = state.case.as_ref().map(Filing::of);
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
            <Found sorted={sorted.clone()} {filing} on_edit={on_case_edit.clone()} />
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

#[cfg(test)]
mod tests {
    use super::cards_plan;
    use mqocsp_core::Timestamp;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_unix(seconds).unwrap()
    }

    /// Steps `cards_plan` until it changes nothing, as the page's updates do.
    fn steps(mut built: Vec<Timestamp>, now: Timestamp, shown: usize) -> Vec<Vec<Timestamp>> {
        let mut seen = Vec::new();
        loop {
            let plan = cards_plan(&built, now, shown, 4);
            if plan == built {
                return seen;
            }
            seen.push(plan.clone());
            built = plan;
        }
    }

    /// A new input's cards come four per update, all at the evaluation time.
    #[test]
    fn a_new_input_is_built_a_few_cards_per_update() {
        let updates = steps(Vec::new(), at(1), 10);
        let lengths: Vec<usize> = updates.iter().map(Vec::len).collect();
        assert_eq!(lengths, [4, 8, 10]);
        assert!(updates.iter().flatten().all(|t| *t == at(1)));
        // Fewer objects than a step: one update.
        assert_eq!(steps(Vec::new(), at(1), 2), [vec![at(1); 2]]);
        assert!(steps(Vec::new(), at(1), 0).is_empty());
    }

    /// A new evaluation time reaches the built cards four per update, the first cards first,
    /// and the others keep theirs until their turn (none is dropped meanwhile).
    #[test]
    fn a_new_time_reaches_the_cards_a_few_per_update() {
        let updates = steps(vec![at(1); 10], at(2), 10);
        assert_eq!(updates.len(), 3);
        assert_eq!(updates[0][..4], [at(2); 4]);
        assert_eq!(updates[0][4..], [at(1); 6]);
        assert_eq!(updates[2], vec![at(2); 10]);
        assert!(updates.iter().all(|u| u.len() == 10));
    }

    /// Outdated cards are brought up to date before more are added; a shorter page drops the
    /// cards past it at once.
    #[test]
    fn outdated_cards_come_before_new_ones() {
        let plan = cards_plan(&[at(1), at(2)], at(2), 8, 4);
        assert_eq!(plan, [at(2), at(2), at(2), at(2), at(2)]);
        assert_eq!(cards_plan(&[at(1); 8], at(1), 3, 4), [at(1); 3]);
    }
}
