//! One bar per dimension, drawn in inline SVG, with the same figures in a
//! table for screen readers.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{number, ui_text};
use crate::model::Questionnaire;
use crate::scoring::DimensionResult;

/// Properties of [`DimensionChart`].
#[derive(Clone, PartialEq, Properties)]
pub struct DimensionChartProps {
    /// The questionnaire whose dimensions are drawn.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show.
    pub language: String,
    /// Each dimension's score and phase, in the questionnaire's order.
    pub dimensions: Vec<DimensionResult>,
}

/// The height of a bar, in CSS pixels.
const BAR: &str = "14";

/// The dimension bars: labels in HTML so that they wrap on a phone, bars in
/// SVG whose widths are percentages of the top level, so they fill any width.
#[component]
pub fn DimensionChart(props: &DimensionChartProps) -> Html {
    let language = props.language.as_str();
    let ui = ui_text(language);
    let q = &props.questionnaire;
    let top = f64::from(q.top_level().0);
    let percent = |value: f64| format!("{:.2}%", value / top * 100.0);
    let rows: Vec<(&str, String, String, Option<f64>)> = props
        .dimensions
        .iter()
        .zip(&q.dimensions)
        .map(|(result, dimension)| {
            let phase = result.phase.map_or_else(
                || ui.unknown.clone(),
                |l| q.phase(l).name.get(language).to_string(),
            );
            let score = result.score.map(|s| s.as_f64());
            let shown = score.map_or_else(
                || ui.unknown.clone(),
                |s| format!("{} / {}", number(s, language), q.phases.len()),
            );
            (dimension.name.get(language), phase, shown, score)
        })
        .collect();
    html! {
        <div class="mq-chart" part="chart">
            // The table below says the same to screen readers.
            <ul class="mq-bars" aria-hidden="true">
                for (name, phase, _, score) in rows.iter() {
                    <li class={classes!("mq-bar", score.is_none().then_some("mq-bar-unknown"))}>
                        <span class="mq-bar-label">{ *name }{ ": " }<strong>{ phase.clone() }</strong></span>
                        <svg class="mq-bar-svg" width="100%" height={BAR} focusable="false">
                            <rect class="mq-bar-track" x="0" y="0" width="100%" height={BAR} rx="3" />
                            if let Some(score) = score {
                                <rect class="mq-bar-fill" x="0" y="0" width={percent(*score)} height={BAR} rx="3" />
                            }
                            for level in 1..q.phases.len() {
                                <line class="mq-bar-tick" y1="0" y2={BAR}
                                    x1={percent(level as f64)} x2={percent(level as f64)} />
                            }
                        </svg>
                    </li>
                }
            </ul>
            // A table ignores the width and overflow that hide it; a div does not.
            <div class="mq-visually-hidden">
                <table>
                    <caption>{ &ui.dimensions_title }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ &ui.dimension }</th>
                            <th scope="col">{ &ui.score }</th>
                            <th scope="col">{ &ui.phase }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (name, phase, shown, _) in rows.iter() {
                            <tr>
                                <th scope="row">{ *name }</th>
                                <td>{ shown.clone() }</td>
                                <td>{ phase.clone() }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
