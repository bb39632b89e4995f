//! One decoded object as a card: key facts up front, details in sections, and on demand its
//! ASN.1 tree and bytes. The words come from `mqocsp_core::present`, as the CLI prints them.

use crate::components::der_view::DerView;
use mqocsp_core::der::Span;
use mqocsp_core::present::{Fact, Section, Tone, card};
use mqocsp_core::{Decoded, Timestamp};
use std::sync::Arc;
use yew::prelude::*;

/// Props of [`ObjectCard`].
#[derive(Debug, Properties, PartialEq)]
pub struct ObjectCardProps {
    /// 1-based number shown on the card.
    pub number: usize,
    /// The decoded input the object belongs to (compared by pointer, so cheap).
    pub decoded: Arc<Decoded>,
    /// Index of the object in `decoded.objects`.
    pub index: usize,
    /// Evaluation time for validity remarks.
    pub at: Timestamp,
    /// Bytes of this object to highlight (from a verification step's evidence).
    #[prop_or_default]
    pub highlight: Option<Span>,
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => "neutral",
        Tone::Good => "good",
        Tone::Warn => "warn",
        Tone::Bad => "bad",
    }
}

/// The fact to highlight for a selection: the smallest fact span that holds it.
fn linked_fact<'f>(facts: impl Iterator<Item = &'f Fact>, selected: Option<Span>) -> Option<Span> {
    let selected = selected?;
    facts
        .filter_map(|fact| fact.span)
        .filter(|span| span.start <= selected.start && selected.end <= span.end)
        .min_by_key(Span::len)
}

fn fact_rows(facts: &[Fact], highlighted: Option<Span>, on_select: &Callback<Span>) -> Html {
    facts
        .iter()
        .map(|fact| {
            let onclick = fact.span.map(|span| {
                let on_select = on_select.clone();
                Callback::from(move |_: MouseEvent| on_select.emit(span))
            });
            let linked = fact.span.is_some() && fact.span == highlighted;
            html! {
                <>
                    <dt>{ fact.label.clone() }</dt>
                    <dd data-field={fact.field.clone()}
                        class={classes!("tone", tone_class(fact.tone), fact.span.is_some().then_some("linked"), linked.then_some("sel"))}
                        {onclick}>
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
    let selected = use_state(|| None::<Span>);
    let show_bytes = use_state(|| false);
    // The sections opened (by the user, or by a highlight inside them).
    let opened = use_state(Vec::<usize>::new);
    // A closed section's facts are built in a task after the card's first one: a certificate's
    // sections hold most of its card, and the cards of a paste of many tickets are built a few
    // per task. They are built all the same, so the browser's find in page finds a value in a
    // closed section (and opens it).
    let folded_built = use_state(|| false);
    {
        let folded_built = folded_built.clone();
        use_effect_with((), move |_| {
            let later = gloo_timers::callback::Timeout::new(0, move || folded_built.set(true));
            move || drop(later)
        });
    }
    {
        let (selected, show_bytes) = (selected.clone(), show_bytes.clone());
        use_effect_with(props.highlight, move |highlight| {
            if let Some(span) = highlight {
                selected.set(Some(*span));
                show_bytes.set(true);
            }
        });
    }
    let Some(object) = props.decoded.objects.get(props.index) else {
        return html! {};
    };
    let card = card(object, Some(props.at));
    let on_select = {
        let (selected, show_bytes) = (selected.clone(), show_bytes.clone());
        Callback::from(move |span: Span| {
            selected.set(Some(span));
            show_bytes.set(true);
        })
    };
    let all_facts = card
        .facts
        .iter()
        .chain(card.sections.iter().flat_map(|s| s.facts.iter()));
    let highlighted = linked_fact(all_facts, *selected);
    let holds = |section: &Section| {
        highlighted.is_some() && section.facts.iter().any(|f| f.span == highlighted)
    };
    let toggle_label = if *show_bytes {
        "Hide ASN.1 and bytes".to_owned()
    } else {
        format!("Show ASN.1 and bytes ({} bytes)", object.der.len())
    };
    let toggle = {
        let show_bytes = show_bytes.clone();
        Callback::from(move |_: MouseEvent| show_bytes.set(!*show_bytes))
    };
    html! {
        <article class={classes!("card", props.highlight.is_some().then_some("evidence"))} aria-label={format!("{} {}", card.title, props.number)}>
            <h2>
                { format!("{} #{}", card.title, props.number) }
                <span class="source">{ card.source.clone() }</span>
            </h2>
            <p class="headline">{ card.headline.clone() }</p>
            <dl>{ fact_rows(&card.facts, highlighted, &on_select) }</dl>
            { for card.sections.iter().enumerate().filter(|(_, s)| !s.facts.is_empty()).map(|(index, section)| {
                let open = opened.contains(&index) || holds(section);
                let ontoggle = {
                    let opened = opened.clone();
                    Callback::from(move |event: Event| {
                        let now_open = event.target_unchecked_into::<web_sys::HtmlDetailsElement>().open();
                        let mut list = (*opened).clone();
                        list.retain(|i| *i != index);
                        if now_open {
                            list.push(index);
                        }
                        if list != *opened {
                            opened.set(list);
                        }
                    })
                };
                html! {
                    <details class="section" {open} {ontoggle}>
                        <summary>{ section.title.clone() }</summary>
                        if open || *folded_built {
                            <dl>{ fact_rows(&section.facts, highlighted, &on_select) }</dl>
                        }
                    </details>
                }
            }) }
            <button type="button" class="bytes-toggle" aria-expanded={show_bytes.to_string()} onclick={toggle}>
                { toggle_label }
            </button>
            if *show_bytes {
                <DerView der={object.der.clone()} tree={object.tree.clone()} selected={*selected} {on_select} />
            }
        </article>
    }
}
