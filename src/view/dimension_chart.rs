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

/// The height of one bar's row in the SVG, in CSS pixels: a line of text
/// above a bar.
const ROW: usize = 48;

/// The dimension bars. Widths are percentages of the top level, so the chart
/// fills any width without a viewBox that would scale its text.
#[component]
pub fn DimensionChart(props: &DimensionChartProps) -> Html {
    let language = props.language.as_str();
    let ui = ui_text(language);
    let q = &props.questionnaire;
    let top = f64::from(q.top_level().0);
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
            let shown = score.map_or_else(|| ui.unknown.clone(), |s| number(s, language));
            (dimension.name.get(language), phase, shown, score)
        })
        .collect();
    let height = rows.len() * ROW;
    html! {
        <div class="mq-chart" part="chart">
            <svg class="mq-chart-svg" width="100%" height={height.to_string()} aria-hidden="true" focusable="false">
                for (i, (name, phase, _, score)) in rows.iter().enumerate() {
                    <g class={classes!("mq-bar", score.is_none().then_some("mq-bar-unknown"))}>
                        <text class="mq-bar-label" x="0" y={(i * ROW + 16).to_string()}>
                            { format!("{name}: {phase}") }
                        </text>
                        <rect class="mq-bar-track" x="0" y={(i * ROW + 24).to_string()} width="100%" height="14" rx="3" />
                        if let Some(score) = score {
                            <rect class="mq-bar-fill" x="0" y={(i * ROW + 24).to_string()}
                                width={format!("{:.2}%", score / top * 100.0)} height="14" rx="3" />
                        }
                        for level in 1..q.phases.len() {
                            <line class="mq-bar-tick" y1={(i * ROW + 24).to_string()} y2={(i * ROW + 38).to_string()}
                                x1={format!("{:.2}%", level as f64 / top * 100.0)}
                                x2={format!("{:.2}%", level as f64 / top * 100.0)} />
                        }
                    </g>
                }
            </svg>
            <table class="mq-visually-hidden">
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
                            <td>{ format!("{shown} / {}", q.phases.len()) }</td>
                            <td>{ phase.clone() }</td>
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}
