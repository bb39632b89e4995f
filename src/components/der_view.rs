//! The ASN.1 tree and the hex bytes of one object, linked both ways through byte offsets:
//! selecting a tree row highlights its bytes, clicking a byte selects the deepest value holding it.

use mqocsp_core::der::{Node, Primitive, Span};
use mqocsp_core::hex;
use wasm_bindgen::JsCast as _;
use web_sys::Element;
use yew::prelude::*;

/// Bytes per hex row.
const ROW: usize = 16;

/// Props of [`DerView`].
#[derive(Debug, Properties, PartialEq)]
pub struct DerViewProps {
    /// The object's bytes.
    pub der: Vec<u8>,
    /// Its tree.
    pub tree: Node,
    /// The selected span.
    pub selected: Option<Span>,
    /// Called with the span the user selected.
    pub on_select: Callback<Span>,
}

fn preview(node: &Node, der: &[u8]) -> String {
    match node.value(der) {
        _ if node.encapsulates => "encapsulates".to_owned(),
        Some(Primitive::Boolean(b)) => b.to_string(),
        Some(Primitive::Integer(text) | Primitive::Time(text) | Primitive::Bytes(text)) => text,
        Some(Primitive::Oid { dotted, name }) => name.unwrap_or(dotted),
        Some(Primitive::Text(t)) => format!("{t:?}"),
        Some(Primitive::Null) | None => String::new(),
    }
}

/// The span named by a clicked element's `data-start` / `data-end`, or its `data-offset`.
fn span_of(event: &MouseEvent, tree: &Node) -> Option<Span> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let element = target.closest("[data-start], [data-offset]").ok()??;
    if let Some(offset) = element
        .get_attribute("data-offset")
        .and_then(|o| o.parse().ok())
    {
        let path = tree.node_at(offset)?;
        let node = path
            .iter()
            .try_fold(tree, |node, &index| node.child(index))?;
        return Some(node.span());
    }
    let start = element.get_attribute("data-start")?.parse().ok()?;
    let end = element.get_attribute("data-end")?.parse().ok()?;
    Some(Span { start, end })
}

/// Tree and hex side by side.
#[function_component(DerView)]
pub fn der_view(props: &DerViewProps) -> Html {
    let onclick = {
        let (tree, on_select) = (props.tree.clone(), props.on_select.clone());
        Callback::from(move |event: MouseEvent| {
            if let Some(span) = span_of(&event, &tree) {
                on_select.emit(span);
            }
        })
    };
    let mut rows = Vec::new();
    props.tree.walk(0, &mut |node, depth| {
        let span = node.span();
        let selected = props.selected == Some(span);
        rows.push(html! {
            <li class={classes!("node", format!("d{}", depth.min(24)), selected.then_some("sel"))}
                data-start={span.start.to_string()} data-end={span.end.to_string()}
                aria-selected={selected.to_string()}>
                <span class="tag">{ node.tag.name() }</span>
                <span class="len">{ format!("{}+{}", node.header_len, node.content_len) }</span>
                <span class="preview">{ preview(node, &props.der) }</span>
            </li>
        });
    });
    let selected = props.selected.unwrap_or_default();
    let hex_rows = props.der.chunks(ROW).enumerate().map(|(row, bytes)| {
        let base = row * ROW;
        html! {
            <div class="hex-row">
                <span class="offset">{ format!("{base:06x}") }</span>
                { for bytes.iter().enumerate().map(|(i, byte)| {
                    let offset = base + i;
                    html! {
                        <span class={classes!("byte", selected.contains(offset).then_some("sel"))}
                            data-offset={offset.to_string()}>{ hex::lower(&[*byte]) }</span>
                    }
                }) }
            </div>
        }
    });
    html! {
        <div class="der-view" {onclick}>
            <ol class="tree" aria-label="ASN.1 tree">{ for rows }</ol>
            <div class="hex" aria-label="Bytes (hex)">{ for hex_rows }</div>
        </div>
    }
}
