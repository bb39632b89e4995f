//! The live workflows: asking the case's responders now, and probing a listener. A core
//! [`Session`] decides what to ask and when to stop; this module only moves its bytes through the
//! relay and dispatches what it recorded (the live log's lines and the case as it now stands).

use crate::components::evaluation_time::now;
use crate::state::{LiveAction, PasteAction, State};
use mqocsp_core::mq::case::Resolved;
use mqocsp_core::mq::session::{FetchKind, Session, Task};
use yew::UseReducerHandle;

/// The live log's last line when a session asked everything MQ would ask.
pub const DONE: &str = "done: MQ would ask no further source";

/// Asks the open case's responders now, through the relay.
pub fn ask(state: &UseReducerHandle<State>, resolved: Option<&Resolved>) {
    let Some(case) = state.case_at_time() else {
        return;
    };
    let Some(token) = super::relay_token() else {
        state.dispatch(LiveAction::Started(vec!["No relay token: open the page with the address mqocsp-relay printed (it ends in ?token=…) to ask responders live.".into()]).into());
        return;
    };
    // The open case as every panel shows it: its plan is the one the page already resolved.
    let mut session = match resolved {
        Some(resolved) => Session::with_resolved(case, resolved.clone(), None, now()),
        None => Session::new(case, None, now()),
    };
    let first = session.next(&mut super::nonce);
    // The session's first line says which client kind's sources it asks (the case's kind).
    let mut lines: Vec<String> = session.events().iter().map(|e| e.text.clone()).collect();
    let shown = lines.len();
    if first == Task::Done {
        lines.push("Nothing to ask: name the queue manager's (and the client's) certificate and a responder URL, or turn the client kind's revocation checking on.".into());
        state.dispatch(LiveAction::Started(lines).into());
        return;
    }
    state.dispatch(LiveAction::Started(lines).into());
    live_now(state);
    drive(state.clone(), token, session, first, shown);
}

/// Probes the listener `target` (HOST:PORT) for `channel` through the relay, then asks the
/// responders as [`ask`] does. `resolved` is the open case, resolved (none when no case is open).
pub fn probe(
    state: &UseReducerHandle<State>,
    resolved: Option<&Resolved>,
    target: String,
    channel: String,
) {
    let Some(token) = super::relay_token() else {
        state.dispatch(LiveAction::Started(vec!["No relay token: open the page with the address mqocsp-relay printed (it ends in ?token=…) to probe live.".into()]).into());
        return;
    };
    let mut case = state.case_or_new();
    // The probe form names the channel and the listener; the case keeps whatever else it says
    // about the client (OutboundSNI, the CipherSpec).
    let mut mqcd = match resolved {
        Some(resolved) => resolved.client.mqcd.clone(),
        None => case.resolve().client.mqcd,
    };
    let renamed = !channel.trim().is_empty() && mqcd.channel_name != channel.trim();
    if renamed {
        mqcd.channel_name = channel.trim().to_owned();
        mqcd.conn_name.get_or_insert_with(|| target.clone());
        case.client.mqcd = Some(mqcd);
    }
    // Whose sources the session asks: the client kind, which a renamed channel does not change.
    let kind = {
        let describe = |client: &mqocsp_core::mq::config::ClientConfig| {
            mqocsp_core::mq::sources::describe(client.kind, &client.java, &client.dotnet)
        };
        match resolved {
            Some(resolved) => describe(&resolved.client),
            None => describe(&case.resolve().client),
        }
    };
    // The dial's SNI and CipherSpec come from the shared resolution unless the form changed the
    // channel (then the case is resolved anew).
    let mut session = match resolved {
        Some(resolved) if !renamed => {
            Session::with_resolved(case, resolved.clone(), Some(&target), now())
        }
        _ => Session::new(case, Some(&target), now()),
    };
    let first = session.next(&mut super::nonce);
    if let Task::Handshake(dial) = &first {
        state.dispatch(
            LiveAction::Started(vec![format!(
                "probing {} with SNI {} through the relay, as {kind}…",
                dial.target, dial.sni
            )])
            .into(),
        );
    }
    live_now(state);
    drive(state.clone(), token, session, first, 0);
}

/// Live answers are about now: the evaluation time moves to now (and the live log says so when
/// it was another time), so that a CRL or response issued after the time the page was opened
/// is judged as MQ would judge it.
fn live_now(state: &UseReducerHandle<State>) {
    let now = now();
    if state.at.to_string() != now.to_string() {
        state.dispatch(
            LiveAction::Note(format!(
                "evaluation time set to now ({now}): live answers are about the present"
            ))
            .into(),
        );
    }
    state.dispatch(PasteAction::SetTimeTo(now).into());
}

/// Drives a live session: each task it sets goes through the relay, each answer goes back to
/// it, and what it recorded joins the page's case as it comes (the session decides what to ask
/// and when to stop; the page only moves bytes).
/// `shown` is how many of the session's log lines the page already shows.
fn drive(
    state: UseReducerHandle<State>,
    token: String,
    mut session: Session,
    first: Task,
    mut shown: usize,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut task = first;
        loop {
            match task {
                Task::Handshake(dial) => match super::probe_via_relay(&token, &dial).await {
                    Ok(observed) => session.handshake_done(observed),
                    Err(why) => {
                        state.dispatch(
                            LiveAction::Note(format!("probe of {}: {why}", dial.target)).into(),
                        );
                        return;
                    }
                },
                Task::Fetch(fetch) => {
                    // What the session said while planning (whose sources it asks) comes first.
                    for event in session.events().get(shown..).unwrap_or_default() {
                        state.dispatch(LiveAction::Note(event.text.clone()).into());
                    }
                    shown = session.events().len();
                    state.dispatch(
                        LiveAction::Note(match fetch.kind {
                            FetchKind::Ocsp => format!(
                                "asking {} about {} through the relay…",
                                fetch.url, fetch.certificate
                            ),
                            FetchKind::Crl => format!(
                                "fetching the CRL for {} from {} through the relay…",
                                fetch.certificate, fetch.url
                            ),
                        })
                        .into(),
                    );
                    let result = match fetch.kind {
                        FetchKind::Ocsp => {
                            super::ocsp_via_relay(&token, &fetch.url, &fetch.request).await
                        }
                        FetchKind::Crl => super::crl_via_relay(&token, &fetch.url).await,
                    };
                    session.fetched(result);
                }
                Task::Done => {
                    state.dispatch(LiveAction::Note(DONE.to_owned()).into());
                    return;
                }
            }
            let events = session.events();
            let lines = events
                .get(shown..)
                .unwrap_or_default()
                .iter()
                .map(|e| e.text.clone())
                .collect();
            shown = events.len();
            state.dispatch(
                LiveAction::Progress {
                    lines,
                    case: Box::new(session.case().clone()),
                }
                .into(),
            );
            task = session.next(&mut super::nonce);
        }
    });
}
