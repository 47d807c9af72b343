//! One bar per dimension, drawn in inline SVG, with the same figures in a
//! table for screen readers.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{number, ui_text};
use crate::model::Questionnaire;
use crate::scoring::DimensionResult;
use crate::view::bar::Bar;

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

/// The dimension bars, each filled to its score out of the top level and
/// marked at the borders between phases.
#[component]
pub fn DimensionChart(props: &DimensionChartProps) -> Html {
    let language = props.language.as_str();
    let ui = ui_text(language);
    let q = &props.questionnaire;
    let top = f64::from(q.top_level().0);
    let percent = |value: f64| value / top * 100.0;
    let ticks: Vec<f64> = (1..q.phases.len())
        .map(|level| percent(level as f64))
        .collect();
    let rows: Vec<(&str, String, String, Option<f64>)> = props
        .dimensions
        .iter()
        .zip(&q.dimensions)
        .map(|(result, dimension)| {
            let phase = result.phase.map_or_else(
                || ui.unknown.to_string(),
                |l| q.phase(l).name.get(language).to_string(),
            );
            let score = result.score.map(|s| s.as_f64());
            let shown = score.map_or_else(
                || ui.unknown.to_string(),
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
                    <Bar name={name.to_string()} value={phase.clone()} fill={score.map(percent)} ticks={ticks.clone()} />
                }
            </ul>
            // A table ignores the width and overflow that hide it; a div does not.
            <div class="mq-visually-hidden">
                <table>
                    <caption>{ ui.dimensions_title }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ ui.dimension }</th>
                            <th scope="col">{ ui.score }</th>
                            <th scope="col">{ ui.phase }</th>
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
