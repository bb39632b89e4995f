//! What the page opens with: the case in the link, else the last case kept in this browser, else
//! nothing (and the worker is warmed for the first paste).

use crate::state::State;
use yew::UseReducerHandle;

/// Opens the case in the URL fragment, else the one in local storage; `Err` says why a share
/// link could not be opened (the page then starts empty).
pub fn restore(state: &UseReducerHandle<State>) -> Result<(), String> {
    let case = match super::case_from_fragment() {
        Some(Ok(case)) => case,
        Some(Err(error)) => return Err(format!("The share link could not be opened: {error}")),
        None => match super::case_from_storage() {
            Some(case) => case,
            None => {
                super::worker::warm_up();
                return Ok(());
            }
        },
    };
    let state = state.clone();
    super::work::open_case(case, move |action| state.dispatch(action.into()));
    Ok(())
}
