//! One decoded object as a card: key facts up front, details in sections. The words come from
//! `mqocsp_core::present`, the same as the CLI prints.

use mqocsp_core::DecodedObject;
use mqocsp_core::Timestamp;
use mqocsp_core::present::{Fact, Tone, card};
use yew::prelude::*;

/// Props of [`ObjectCard`].
#[derive(Debug, Properties, PartialEq)]
pub struct ObjectCardProps {
    /// 1-based position in the paste.
    pub number: usize,
    /// The object.
    pub object: DecodedObject,
    /// Evaluation time for validity remarks.
    pub at: Option<Timestamp>,
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => "neutral",
        Tone::Good => "good",
        Tone::Warn => "warn",
        Tone::Bad => "bad",
    }
}

fn fact_rows(facts: &[Fact]) -> Html {
    facts
        .iter()
        .map(|fact| {
            html! {
                <>
                    <dt>{ fact.label.clone() }</dt>
                    <dd data-field={fact.field.clone()} class={classes!("tone", tone_class(fact.tone))}>
                        <span class="value">{ fact.value.clone() }</span>
                        if let Some(note) = &fact.note {
                            <span class="note">{ note.clone() }</span>
                        }
                    </dd>
                </>
            }
        })
        .collect()
}

/// A card with the object's key facts up front and its details folded away.
#[function_component(ObjectCard)]
pub fn object_card(props: &ObjectCardProps) -> Html {
    let card = card(&props.object, props.at);
    html! {
        <article class="card" aria-label={format!("{} {}", card.title, props.number)}>
            <h2>
                { format!("{} #{}", card.title, props.number) }
                <span class="source">{ card.source.clone() }</span>
            </h2>
            <p class="headline">{ card.headline.clone() }</p>
            <dl>{ fact_rows(&card.facts) }</dl>
            { for card.sections.iter().filter(|s| !s.facts.is_empty()).map(|section| html! {
                <details class="section">
                    <summary>{ section.title.clone() }</summary>
                    <dl>{ fact_rows(&section.facts) }</dl>
                </details>
            }) }
        </article>
    }
}
