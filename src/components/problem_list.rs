//! Problems found while decoding, each with where it is.

use mqocsp_core::decode::Problem;
use yew::prelude::*;

/// Props of [`ProblemList`].
#[derive(Debug, Properties, PartialEq)]
pub struct ProblemListProps {
    /// The problems, in paste order.
    pub problems: Vec<Problem>,
}

/// An alert listing each problem; nothing when there are none.
#[function_component(ProblemList)]
pub fn problem_list(props: &ProblemListProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    html! {
        <div class="problems" role="alert">
            <h2>{ "Problems" }</h2>
            <ul>
                { for props.problems.iter().map(|problem| html! {
                    <li class="problem">{ problem.0.to_string() }</li>
                }) }
            </ul>
        </div>
    }
}
