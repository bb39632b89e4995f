//! One decoded object as a card with its key facts.

use mqocsp_core::{DecodedObject, ObjectBody};
use yew::prelude::*;

/// Props of [`ObjectCard`].
#[derive(Debug, Properties, PartialEq)]
pub struct ObjectCardProps {
    /// 1-based position in the paste.
    pub number: usize,
    /// The object.
    pub object: DecodedObject,
}

fn row(field: &'static str, label: &'static str, value: String) -> Html {
    html! {
        <>
            <dt>{ label }</dt>
            <dd data-field={field}>{ value }</dd>
        </>
    }
}

/// A card with the object's key facts up front.
#[function_component(ObjectCard)]
pub fn object_card(props: &ObjectCardProps) -> Html {
    match &props.object.body {
        ObjectBody::Certificate(cert) => html! {
            <article class="card certificate" aria-label={format!("Certificate {}", props.number)}>
                <h2>
                    { format!("Certificate #{}", props.number) }
                    <span class="source">{ props.object.source.to_string() }</span>
                </h2>
                <dl>
                    { row("subject", "Subject", cert.subject.rfc4514.clone()) }
                    { row("issuer", "Issuer", cert.issuer.rfc4514.clone()) }
                    { row("serial", "Serial", cert.serial.clone()) }
                    { row("not-before", "Not before", cert.not_before.clone()) }
                    { row("not-after", "Not after", cert.not_after.clone()) }
                    { row("signature", "Signature", cert.signature_algorithm.clone()) }
                </dl>
            </article>
        },
    }
}
