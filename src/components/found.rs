//! "Found in the paste", by slot (queue manager chain, client chain, trust anchors, OCSP responses,
//! configuration, error logs): each certificate with its likely role and each MQ text (ini stanza,
//! MQSC, command line, CCDT, index.txt, error log), with buttons that file it into the case.

use crate::shared::Shared;
use crate::state::CaseEdit;
use mqocsp_core::mq::case::Case;
use mqocsp_core::mq::sort::{Role, Slot, Sorted, TextKind};
use yew::prelude::*;

/// What of the open case the list shows: where certificates are filed, and the responders an
/// index.txt can be filed for. A what-if changes none of it, so the list is not built again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filing {
    qm_certificate: Option<String>,
    client_certificate: Option<String>,
    qm_trust: Vec<String>,
    client_trust: Vec<String>,
    responders: Vec<String>,
}

impl Filing {
    /// What `case` files.
    pub fn of(case: &Case) -> Self {
        Self {
            qm_certificate: case.queue_manager.certificate.clone(),
            client_certificate: case.client.certificate.clone(),
            qm_trust: case.queue_manager.trust.clone(),
            client_trust: case.client.trust.clone(),
            responders: case.responders.iter().map(|r| r.url.clone()).collect(),
        }
    }
}

/// Props of [`Found`].
#[derive(Debug, Properties, PartialEq)]
pub struct FoundProps {
    /// What the paste holds.
    pub sorted: Shared<Sorted>,
    /// What the open case files, to show it.
    pub filing: Option<Filing>,
    /// Files a piece into the case.
    pub on_edit: Callback<CaseEdit>,
}

fn button(
    label: &'static str,
    edit: CaseEdit,
    on_edit: &Callback<CaseEdit>,
    pressed: bool,
) -> Html {
    let on_edit = on_edit.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_edit.emit(edit.clone()));
    html! { <button type="button" class="file-as" aria-pressed={pressed.to_string()} {onclick}>{ label }</button> }
}

/// At most this many items are listed in one slot: a bundle of a thousand certificates would
/// otherwise put a thousand rows of buttons on the page, none of them a sensible case. Twenty,
/// as the cards' page: with fifty, a paste of every corpus ticket built 300 rows with their
/// buttons in one update of 40 ms (docs/performance.md).
const SLOT_LIMIT: usize = 20;

/// The list.
#[function_component(Found)]
pub fn found(props: &FoundProps) -> Html {
    let sorted = &props.sorted;
    if sorted.certificates.is_empty() && sorted.texts.is_empty() {
        return html! {};
    }
    let filing = props.filing.as_ref();
    let selector = |fp: &str| format!("sha256:{fp}");
    let is = |field: Option<&Option<String>>, fp: &str| {
        field.and_then(|f| f.as_deref()) == Some(selector(fp).as_str())
    };
    let trusts =
        |list: Option<&Vec<String>>, fp: &str| list.is_some_and(|l| l.contains(&selector(fp)));
    let qm = filing.and_then(|f| f.qm_certificate.as_deref());
    let client = filing.and_then(|f| f.client_certificate.as_deref());
    let mut items: Vec<(Slot, Html)> = Vec::new();
    for (fp, name, role) in &sorted.certificates {
        let (what, buttons) = match role {
            Role::Root => (
                "a root CA (trust anchor)",
                html! { <>
                    { button("client trusts it", CaseEdit::ToggleClientTrust(selector(fp)), &props.on_edit, trusts(filing.map(|f| &f.client_trust), fp)) }
                    { button("queue manager trusts it", CaseEdit::ToggleQmTrust(selector(fp)), &props.on_edit, trusts(filing.map(|f| &f.qm_trust), fp)) }
                </> },
            ),
            Role::Intermediate => ("an intermediate CA", html! {}),
            Role::Server | Role::Client => (
                if *role == Role::Server {
                    "an end-entity certificate (TLS server)"
                } else {
                    "an end-entity certificate (TLS client only)"
                },
                html! { <>
                    { button("the queue manager's", CaseEdit::QmCertificate(selector(fp)), &props.on_edit, is(filing.map(|f| &f.qm_certificate), fp)) }
                    { button("the client's", CaseEdit::ClientCertificate(selector(fp)), &props.on_edit, is(filing.map(|f| &f.client_certificate), fp)) }
                </> },
            ),
        };
        items.push((
            sorted.slot_of(fp, *role, qm, client),
            html! { <li><strong>{ name.clone() }</strong>{ format!(": {what} ") }{ buttons }</li> },
        ));
    }
    if sorted.ocsp_responses > 0 {
        items.push((Slot::OcspResponses, html! { <li>{ format!("{} OCSP response(s): used as the answers of responders the case does not describe by index.txt", sorted.ocsp_responses) }</li> }));
    }
    // Only what is listed is built: a paste of many tickets holds hundreds of texts.
    let listed = |items: &[(Slot, Html)], slot: Slot| {
        items.iter().filter(|(s, _)| *s == slot).count() >= SLOT_LIMIT
    };
    let mut unlisted = Vec::new();
    for piece in &sorted.texts {
        if listed(&items, piece.kind.slot()) {
            unlisted.push(piece.kind.slot());
            continue;
        }
        let text = piece.text.clone();
        let buttons = match piece.kind {
            TextKind::SslStanza | TextKind::Ini => html! { <>
                { button("use as mqclient.ini", CaseEdit::ClientIni(text.clone()), &props.on_edit, false) }
                { button("use as qm.ini", CaseEdit::QmIni(text.clone()), &props.on_edit, false) }
            </> },
            TextKind::Mqsc | TextKind::RunmqscOutput => button("use as the queue manager's MQSC", CaseEdit::Mqsc(text.clone()), &props.on_edit, false),
            TextKind::CommandLine => button("use as the client's command line", CaseEdit::CommandLine(text.clone()), &props.on_edit, false),
            TextKind::Ccdt => button("use as the client's CCDT", CaseEdit::Ccdt(text.clone()), &props.on_edit, false),
            TextKind::ErrorLog | TextKind::Ffst => html! { <>
                { button("the client's log", CaseEdit::ClientLog(text.clone()), &props.on_edit, false) }
                { button("the queue manager's log", CaseEdit::QmLog(text.clone()), &props.on_edit, false) }
            </> },
            TextKind::Environment | TextKind::OpensslSClient | TextKind::OpensslOcsp | TextKind::BinaryCcdt | TextKind::KeystoreList | TextKind::OpensslX509 => html! {},
            TextKind::IndexTxt => filing
                .into_iter()
                .flat_map(|f| f.responders.iter())
                .map(|url| {
                    let on_edit = props.on_edit.clone();
                    let edit = CaseEdit::ResponderIndex(url.clone(), text.clone());
                    let onclick = Callback::from(move |_: MouseEvent| on_edit.emit(edit.clone()));
                    html! { <button type="button" class="file-as" {onclick}>{ format!("index.txt of {url}") }</button> }
                })
                .collect::<Html>(),
        };
        items.push((
            piece.kind.slot(),
            html! { <li data-kind={format!("{:?}", piece.kind)}>{ format!("Line {}: {} ", piece.line, piece.kind.noun()) }{ buttons }</li> },
        ));
    }
    html! {
        <section class="found" aria-label="Found in the paste">
            <h2>{ "Found in the paste, by slot" }</h2>
            if sorted.repeated > 0 {
                <p class="hint" data-field="repeated">{ format!("{} repeated cop{} of certificates listed below (each is listed once)", sorted.repeated, if sorted.repeated == 1 { "y" } else { "ies" }) }</p>
            }
            { for Slot::ALL.into_iter().map(|slot| {
                let here: Vec<Html> = items.iter().filter(|(s, _)| *s == slot).map(|(_, item)| item.clone()).collect();
                let more = here.len().saturating_sub(SLOT_LIMIT)
                    + unlisted.iter().filter(|s| **s == slot).count();
                html! {
                    <section class="slot" aria-label={slot.label()} data-slot={format!("{slot:?}")}>
                        <h3>{ slot.label() }</h3>
                        if here.is_empty() {
                            <p class="hint">{ "nothing found" }</p>
                        } else {
                            <ul>{ for here.into_iter().take(SLOT_LIMIT) }</ul>
                        }
                        if more > 0 {
                            <p class="hint">{ format!("and {more} more, not listed: a case files only a few (the cards below show every object)") }</p>
                        }
                    </section>
                }
            }) }
        </section>
    }
}
