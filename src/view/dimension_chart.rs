//! One bar per dimension, drawn in inline SVG, with the same figures in a
//! table for screen readers.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::bar::{self, Bar};
use mq_core::explain;
use mq_core::i18n::{args, number};
use mq_core::model::{Level, Questionnaire};
use mq_core::scoring::{DimensionResult, threshold};

/// Properties of [`DimensionChart`].
#[derive(Clone, PartialEq, Properties)]
pub struct DimensionChartProps {
    /// The questionnaire whose dimensions are drawn.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show.
    pub language: String,
    /// Each dimension's score and phase, in the questionnaire's order.
    pub dimensions: Vec<DimensionResult>,
    /// A poll to mark on each bar: its title and its median per dimension.
    #[prop_or_default]
    pub medians: Option<(AttrValue, Vec<Option<f64>>)>,
}

/// The dimension bars, each filled from 1 to its score on the scale 1 to the
/// top level and marked where each phase begins, with a line that says so.
#[component]
pub fn DimensionChart(props: &DimensionChartProps) -> Html {
    let language = props.language.as_str();
    let ui = props.questionnaire.words(language);
    let q = &props.questionnaire;
    // The scale starts at 1, the lowest level: an all-lowest dimension has
    // an empty bar, and a mark sits where each phase after the first begins
    // (its threshold), so a bar past a mark is in that phase.
    let span = f64::from(q.top_level().0.saturating_sub(1).max(1));
    let percent = |value: f64| (value - 1.0) / span * 100.0;
    // Levels 2 to N, written as an exclusive range: an inclusive one costs
    // half a kilobyte of wasm (gzip) here.
    let ticks: Vec<f64> = (1..q.phases.len())
        .map(|i| percent(threshold(Level(i as u8 + 1))))
        .collect();
    let median = |i: usize| {
        props
            .medians
            .as_ref()
            .and_then(|(_, medians)| medians.get(i).copied().flatten())
    };
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
                |s| format!("{} / {}", number(s, ui), q.phases.len()),
            );
            (dimension.name.get(language), phase, shown, score)
        })
        .collect();
    html! {
        <div class="mq-chart" part="chart">
            // The table below says the same to screen readers.
            <ul class="mq-bars" aria-hidden="true">
                for (i, (name, phase, _, score)) in rows.iter().enumerate() {
                    <Bar label={bar::label(ui, name, phase)} fill={score.map(percent)} ticks={ticks.clone()}
                        marker={median(i).map(percent)} />
                }
            </ul>
            <p class="mq-chart-scale">{ explain::chart_scale(q, language) }</p>
            if let Some((title, _)) = &props.medians {
                <p class="mq-chart-scale mq-chart-marker">
                    { ui.benchmark_median_legend(args::BenchmarkMedianLegend { title }) }
                </p>
            }
            // A table ignores the width and overflow that hide it; a div does not.
            <div class="mq-visually-hidden">
                <table>
                    <caption>{ ui.dimensions_title }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ ui.dimension }</th>
                            <th scope="col">{ ui.score }</th>
                            <th scope="col">{ ui.phase }</th>
                            if props.medians.is_some() {
                                <th scope="col">{ ui.benchmark_median }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        for (i, (name, phase, shown, _)) in rows.iter().enumerate() {
                            <tr>
                                <th scope="row">{ *name }</th>
                                <td>{ shown.clone() }</td>
                                <td>{ phase.clone() }</td>
                                if props.medians.is_some() {
                                    <td>{ median(i).map_or_else(|| ui.unknown.to_string(), |m| number(m, ui)) }</td>
                                }
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
