//! The page's root component.

use crate::components::object_card::ObjectCard;
use crate::components::paste_box::PasteBox;
use crate::components::problem_list::ProblemList;
use crate::state::{Action, State};
use yew::prelude::*;

/// The workbench: a paste box and what the core made of it.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let on_input = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Paste(text)))
    };
    let decoded = state.decoded.clone();
    html! {
        <main class="workbench">
            <header class="masthead">
                <h1>{ "mqocsp" }</h1>
                <p class="tagline">
                    { "Why does the IBM MQ client's TLS connection with OCSP fail? Paste what the customer sent." }
                </p>
            </header>
            <PasteBox text={state.text.clone()} {on_input} />
            <section class="decoded" aria-label="Decoded objects" aria-live="polite">
                <ProblemList problems={decoded.problems.clone()} />
                { for decoded.objects.iter().enumerate().map(|(index, object)| html! {
                    <ObjectCard key={index} number={index + 1} object={object.clone()} at={None::<mqocsp_core::Timestamp>} />
                }) }
            </section>
        </main>
    }
}
