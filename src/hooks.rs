//! [`use_answer`]: the latest answer of work done off the main thread; [`use_deferred`]: a value
//! that changes one task after its source, so building from it leaves the update that changed it.

use std::rc::Rc;
use yew::prelude::*;

/// The latest answer, and whether the answer for what is shown now is still on its way (the
/// previous answer is shown meanwhile, marked busy).
#[derive(Debug)]
pub struct Answer<T> {
    /// The latest answer, when one came.
    pub value: Option<Rc<T>>,
    /// Whether it answers an older question than the one asked now.
    pub pending: bool,
}

/// Asks `ask(question, deliver)` whenever `question` changes, and returns the latest answer:
/// `deliver` may be called later (from the worker) or at once (when the page does the work
/// itself). An answer to an older question arriving late is the caller's to drop (the worker's
/// client supersedes older requests of the same job).
#[hook]
pub fn use_answer<Q, T, F>(question: Q, ask: F) -> Answer<T>
where
    Q: PartialEq + Clone + 'static,
    T: 'static,
    F: FnOnce(Q, Box<dyn FnOnce(T)>) + 'static,
{
    let answer = use_state(|| None::<(Q, Rc<T>)>);
    {
        let answer = answer.clone();
        use_effect_with(question.clone(), move |question| {
            let asked = question.clone();
            ask(
                question.clone(),
                Box::new(move |value| answer.set(Some((asked, Rc::new(value))))),
            );
        });
    }
    Answer {
        value: answer.as_ref().map(|(_, value)| value.clone()),
        pending: answer.as_ref().is_none_or(|(asked, _)| *asked != question),
    }
}

/// `value` as it was until one task after it changed (like React's `useDeferredValue`): what a
/// component builds from it moves out of the update that changed it, into a task of its own. A
/// paste of many tickets otherwise built the cards, the "Found" rows and the rest in one update
/// of 50–75 ms (docs/performance.md). The first render gets `value` at once.
#[hook]
pub fn use_deferred<T>(value: T) -> T
where
    T: PartialEq + Clone + 'static,
{
    let shown = use_state(|| value.clone());
    {
        let shown = shown.clone();
        use_effect_with(value.clone(), move |value| {
            let value = value.clone();
            let later = (*shown != value)
                .then(|| gloo_timers::callback::Timeout::new(0, move || shown.set(value)));
            move || drop(later)
        });
    }
    (*shown).clone()
}
