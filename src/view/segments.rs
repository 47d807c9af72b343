//! The group split by a background question: the facilitator picks one,
//! and sees per segment the number of results, the share per phase and the
//! median per dimension side by side, with a table that says the same to
//! screen readers and a CSV of it. A segment with too few results to
//! compare is shown, and marked.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::view::bar::{self, Bar};
use crate::web::files;
use mq_core::group::{Group, SEGMENT_MINIMUM, Segment};
use mq_core::i18n::{args, number, percent};
use mq_core::model::Questionnaire;

/// Properties of [`Segments`].
#[derive(Clone, PartialEq, Properties)]
pub struct SegmentsProps {
    /// The questionnaire, with at least one background question.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show.
    pub language: String,
    /// The results read.
    pub group: Rc<Group>,
    /// The segments by the first background question, worked out while the
    /// results were read: the view opens on them without summing again.
    pub first: Rc<Vec<Segment>>,
}

/// The choice of background question, and its segments.
#[component]
pub fn Segments(props: &SegmentsProps) -> Html {
    let language = props.language.as_str();
    let ui = props.questionnaire.words(language);
    let q = &props.questionnaire;
    let chosen = use_state(|| 0usize);
    let question = *chosen;
    // Only a script editing the open shadow root can choose another
    // option: it gets nothing rather than a panic.
    let Some(asked) = q.profile.get(question) else {
        return html! {};
    };
    let segments = match question {
        0 => props.first.clone(),
        _ => Rc::new(props.group.segments(q, question)),
    };
    let on_change = {
        let (chosen, questions) = (chosen.clone(), q.profile.len());
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let picked = select.value().parse().ok().filter(|&i| i < questions);
            chosen.set(picked.unwrap_or(0));
        })
    };
    let export = {
        let (q, group, asked) = (q.clone(), props.group.clone(), asked.id.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}-group-{asked}.csv", q.id);
            files::save(&name, "text/csv", &group.segments_csv(&q, question));
        })
    };
    let name = |segment: &Segment| match segment.answer {
        Some(a) => asked.answers.get(a).map_or("", |a| a.text.get(language)),
        None => ui.group_segment_none,
    };
    let phase_name = |i: usize| q.phases[i].name.get(language);
    let share = |segment: &Segment, count: usize| percent(segment.percentage(count), ui);
    let median = |m: Option<f64>| m.map_or_else(|| ui.unknown.to_string(), |m| number(m, ui));
    html! {
        <section class="mq-group-segments">
            <h3 class="mq-subheading">{ ui.group_segments_title }</h3>
            <label class="mq-field">
                <span class="mq-field-label">{ ui.group_segments_by }</span>
                <select class="mq-select mq-group-segment-by" onchange={on_change}>
                    for (i, profile) in q.profile.iter().enumerate() {
                        <option value={i.to_string()} selected={i == question}>{ profile.text.get(language) }</option>
                    }
                </select>
            </label>
            // The table below says the same to screen readers.
            <ul class="mq-segments" aria-hidden="true">
                for segment in segments.iter() {
                    <li class={if segment.too_small() { "mq-segment mq-segment-small" } else { "mq-segment" }}>
                        <p class="mq-segment-name">{ name(segment) }</p>
                        <p class="mq-segment-count">{ ui.group_segment_results(segment.results) }</p>
                        if segment.too_small() {
                            <p class="mq-segment-warning">{ ui.group_segment_small(SEGMENT_MINIMUM) }</p>
                        }
                        <ul class="mq-bars">
                            for (i, count) in segment.phases.iter().enumerate() {
                                <Bar label={bar::label(ui, phase_name(i), &share(segment, *count))}
                                    fill={Some(segment.percentage(*count))} />
                            }
                        </ul>
                        <p class="mq-segment-medians-title">{ ui.group_median }</p>
                        <dl class="mq-segment-medians">
                            for (dimension, summary) in q.dimensions.iter().zip(&segment.dimensions) {
                                <dt>{ dimension.name.get(language) }</dt>
                                <dd>{ median(summary.median) }</dd>
                            }
                        </dl>
                    </li>
                }
            </ul>
            // Hidden in a wrapper: a table is never narrower than its
            // content, so hiding the table itself would widen the page.
            <div class="mq-visually-hidden">
            <table class="mq-group-segment-table">
                <caption>{ ui.group_segments_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ ui.group_segment }</th>
                        <th scope="col">{ ui.group_number }</th>
                        for phase in q.phases.iter() {
                            <th scope="col">{ phase.name.get(language) }</th>
                        }
                        for dimension in q.dimensions.iter() {
                            <th scope="col">
                                { ui.group_median_of(args::GroupMedianOf { dimension: &ui.quoted(args::Quoted { name: dimension.name.get(language) }) }) }
                            </th>
                        }
                    </tr>
                </thead>
                <tbody>
                    for segment in segments.iter() {
                        <tr>
                            <th scope="row">
                                { name(segment) }
                                if segment.too_small() {
                                    { format!(" ({})", ui.group_segment_small_short) }
                                }
                            </th>
                            <td>{ segment.results }</td>
                            for count in segment.phases.iter() {
                                <td>{ share(segment, *count) }</td>
                            }
                            for summary in segment.dimensions.iter() {
                                <td>{ median(summary.median) }</td>
                            }
                        </tr>
                    }
                </tbody>
            </table>
            </div>
            <div class="mq-actions">
                <button type="button" class="mq-button mq-button-secondary mq-export-segments" onclick={export}>
                    { ui.export_segments }
                </button>
            </div>
        </section>
    }
}
