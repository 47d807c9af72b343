//! One labelled bar of a chart: the label in HTML, so that it wraps on a
//! phone, the bar in SVG, with widths in percent so it fills any width.

use yew::prelude::*;

use mq_core::i18n::{Part, UiText, args, decimal};

/// Properties of [`Bar`].
#[derive(Clone, PartialEq, Properties)]
pub struct BarProps {
    /// What the bar stands for and its value in words, as [`label`] writes
    /// them.
    pub label: Html,
    /// How much of the track is filled, in percent; `None` when unknown.
    pub fill: Option<f64>,
    /// Where to mark the track, in percent (for example the phase borders).
    #[prop_or_default]
    pub ticks: Vec<f64>,
    /// Where to draw a comparison's mark across the bar, in percent (a
    /// poll's median), if anywhere.
    #[prop_or_default]
    pub marker: Option<f64>,
}

/// The height of a bar, in CSS pixels.
const HEIGHT: &str = "14";

fn percent(value: f64) -> String {
    format!("{}%", decimal(value, 2))
}

/// A bar's label in the words `ui`: `name`, then `value` in bold, with the
/// language's punctuation between them ("Samenwerking: **Basis**",
/// "Collaboration : **Élémentaire**").
pub fn label(ui: &UiText, name: &str, value: &str) -> Html {
    let parts = ui
        .bar_label_parts(args::BarLabel {
            name: html! { { name } },
            value: html! { <strong>{ value }</strong> },
        })
        .map(|part| match part {
            Part::Text(text) => html! { { text } },
            Part::Value(value) => value,
        });
    parts.collect()
}

/// A list item holding one bar; charts put these in a `ul.mq-bars` hidden
/// from assistive technology, beside a table that says the same.
#[component]
pub fn Bar(props: &BarProps) -> Html {
    html! {
        <li class={if props.fill.is_none() { "mq-bar mq-bar-unknown" } else { "mq-bar" }}>
            <span class="mq-bar-label">{ props.label.clone() }</span>
            <svg class="mq-bar-svg" width="100%" height={HEIGHT} focusable="false">
                <rect class="mq-bar-track" x="0" y="0" width="100%" height={HEIGHT} rx="3" />
                if let Some(fill) = props.fill {
                    <rect class="mq-bar-fill" x="0" y="0" width={percent(fill)} height={HEIGHT} rx="3" />
                }
                for tick in props.ticks.iter().copied() {
                    <line class="mq-bar-tick" y1="0" y2={HEIGHT} x1={percent(tick)} x2={percent(tick)} />
                }
                if let Some(marker) = props.marker {
                    <line class="mq-bar-marker" y1="0" y2={HEIGHT} x1={percent(marker)} x2={percent(marker)} />
                }
            </svg>
        </li>
    }
}
