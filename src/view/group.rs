//! The group view: a facilitator pastes codes, links or a CSV export, or
//! chooses downloaded results, and sees how the group spreads over the
//! phases and the dimensions, as a whole and per segment of a background
//! question, with every refused line and why (the first hundred listed).
//!
//! A large input is read in short tasks (see [`crate::web::slices`]), with
//! its progress shown, so that the page stays responsive; files and pasted
//! text over their limits are refused before they are read.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::{DragEvent, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::view::bar::{self, Bar};
use crate::view::benchmark_export::BenchmarkExport;
use crate::view::focus::use_focus;
use crate::view::segments::Segments;
use crate::web::{files, slices};
use mq_core::exchange::ReadError;
use mq_core::group::{self, Group, Origin, Reader, Segment};
use mq_core::i18n::{UiText, args, list, number, percent};
use mq_core::model::Questionnaire;

/// Lines read between two looks at the clock: a few hundred microseconds
/// of work, so that a slice ends close to its deadline.
const LINES_PER_LOOK: usize = 64;

/// The files chosen or dropped: each name with its text, or why it was not
/// read.
type Files = Vec<(String, Result<Rc<str>, ReadError>)>;

/// What the view shows below the form.
#[derive(Clone, PartialEq)]
enum Shown {
    /// Nothing read yet.
    Nothing,
    /// Reading, this fraction done.
    Reading(f64),
    /// The group read, and its segments by the first background question
    /// (none without one), worked out in a task of their own.
    Read(Rc<Group>, Rc<Vec<Segment>>),
}

/// Properties of [`GroupView`].
#[derive(Clone, PartialEq, Properties)]
pub struct GroupViewProps {
    /// The questionnaire whose results are compared.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show.
    pub language: String,
    /// Whether the facilitator arrived here by moving between screens, so
    /// that focus should follow.
    pub moved: bool,
    /// Called by "Back to the questionnaire"; `None` for a widget that is
    /// only the group view.
    pub on_back: Option<Callback<()>>,
}

/// A count with its share of the group, such as "12 (24%)".
fn with_share(group: &Group, count: usize, ui: &UiText) -> String {
    format!("{count} ({})", percent(group.percentage(count), ui))
}

/// The form to paste or choose results, and what they add up to.
#[component]
pub fn GroupView(props: &GroupViewProps) -> Html {
    let language = props.language.as_str();
    let ui = props.questionnaire.words(language);
    let q = &props.questionnaire;
    let heading = use_node_ref();
    use_focus(heading.clone(), props.moved.then_some(()));
    let pasted = use_node_ref();
    let files = use_state(Files::new);
    let shown = use_state(|| Shown::Nothing);
    // Counts the readings begun: a reading goes on only while it is the
    // latest one and the view is still there.
    let readings = use_mut_ref(|| 0u32);
    {
        let readings = readings.clone();
        use_effect_with((), move |_| move || *readings.borrow_mut() += 1);
    }
    // Reads the textarea as it is now, with `files`, a slice at a time.
    let compare = {
        let (q, pasted, shown) = (q.clone(), pasted.clone(), shown.clone());
        move |files: Files| {
            let text = pasted
                .cast::<HtmlTextAreaElement>()
                .map(|t| {
                    // The length first, so that a text over the limit is
                    // never copied.
                    group::check_paste(t.text_length() as usize).map(|()| Rc::from(t.value()))
                })
                .unwrap_or_else(|| Ok(Rc::from("")));
            let mut reader = Some(Reader::new(text, files));
            *readings.borrow_mut() += 1;
            let this = *readings.borrow();
            let (q, shown, readings) = (q.clone(), shown.clone(), readings.clone());
            shown.set(Shown::Reading(0.0));
            // Reading, then summing up, then the first segments, then
            // showing them: each step a task of its own (or many, for
            // reading), so that a large group never holds the page long.
            let (mut read, mut summed, mut split) = (false, None::<Group>, None);
            slices::run(move |deadline| {
                if *readings.borrow() != this {
                    return false;
                }
                if let Some((group, first)) = split.take() {
                    shown.set(Shown::Read(Rc::new(group), Rc::new(first)));
                    return false;
                }
                if let Some(group) = summed.take() {
                    let first = match q.profile.is_empty() {
                        true => Vec::new(),
                        false => group.segments(&q, 0),
                    };
                    split = Some((group, first));
                    return true;
                }
                if read {
                    summed = reader.take().map(|reader| reader.finish(&q));
                    return true;
                }
                let Some(reading) = reader.as_mut() else {
                    return false;
                };
                while !deadline.passed() {
                    if !reading.step(&q, LINES_PER_LOOK) {
                        read = true;
                        break;
                    }
                }
                shown.set(Shown::Reading(reading.progress()));
                true
            });
        }
    };
    let take_files = {
        let (files, compare, shown) = (files.clone(), compare.clone(), shown.clone());
        Callback::from(move |list: FileList| {
            let (files, compare) = (files.clone(), compare.clone());
            // The files are read a part at a time before the lines are.
            shown.set(Shown::Reading(0.0));
            spawn_local(async move {
                let read: Files = files::read(list, group::admit)
                    .await
                    .into_iter()
                    .map(|(name, text)| (name, text.map(Rc::from)))
                    .collect();
                compare(read.clone());
                files.set(read);
            });
        })
    };
    let on_submit = {
        let (files, compare) = (files.clone(), compare.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            compare((*files).clone());
        })
    };
    let on_choose = {
        let take_files = take_files.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(list) = input.files() {
                take_files.emit(list);
            }
        })
    };
    // Files dropped on the form count as chosen; dropped text goes into the
    // textarea as usual.
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_drop = {
        let take_files = take_files.clone();
        Callback::from(move |event: DragEvent| {
            if let Some(list) = event
                .data_transfer()
                .and_then(|d| d.files())
                .filter(|l| l.length() > 0)
            {
                event.prevent_default();
                take_files.emit(list);
            }
        })
    };
    let back = props.on_back.as_ref().map(|on_back| {
        let on_back = on_back.reform(|_: MouseEvent| ());
        html! {
            <button type="button" class="mq-button mq-button-secondary mq-group-back" onclick={on_back}>
                { ui.group_back }
            </button>
        }
    });
    let read = match &*shown {
        Shown::Read(group, first) => Some((group.clone(), first.clone())),
        _ => None,
    };
    let results = read.as_ref().map(|(group, first)| {
        let export_summary = {
            let (q, group) = (q.clone(), group.clone());
            Callback::from(move |_: MouseEvent| {
                files::save(&format!("{}-group-summary.csv", q.id), "text/csv", &group.summary_csv(&q));
            })
        };
        let export_rows = {
            let (q, group, language) = (q.clone(), group.clone(), props.language.clone());
            Callback::from(move |_: MouseEvent| {
                files::save(&format!("{}-group-results.csv", q.id), "text/csv", &group.rows_csv(&q, &language));
            })
        };
        let names = |phases: &[mq_core::model::Phase]| {
            let names: Vec<&str> = phases.iter().map(|p| p.name.get(language)).collect();
            list(&names, ui.and)
        };
        let (lower, upper) = group.split();
        let (lower_phases, upper_phases) = q.phases.split_at(q.phases.len() / 2);
        let split = ui.group_split(args::GroupSplit {
            lower: &names(lower_phases),
            lower_share: &with_share(group, lower, ui),
            upper: &names(upper_phases),
            upper_share: &with_share(group, upper, ui),
        });
        let phase_name = |i: usize| q.phases[i].name.get(language);
        let (listed, more) = group.shown_rejections();
        html! {
            <>
                if !group.rejected.is_empty() {
                    <h3 class="mq-subheading">
                        { ui.group_rejected_title(group.rejected.len()) }
                    </h3>
                    <ul class="mq-group-rejected">
                        for rejection in listed.iter() {
                            <li>{ match &rejection.origin {
                                Origin::Line(n) => ui.group_rejected_line(args::GroupRejectedLine {
                                    n: &n.to_string(), reason: &rejection.error.message(ui, language) }),
                                Origin::File(name) => ui.group_rejected_file(args::GroupRejectedFile {
                                    file: name, reason: &rejection.error.message(ui, language) }),
                                Origin::FileLine(name, n) => ui.group_rejected_file_line(args::GroupRejectedFileLine {
                                    file: name, n: &n.to_string(),
                                    reason: &rejection.error.message(ui, language) }),
                                Origin::Paste => ui.group_rejected_paste(args::GroupRejectedPaste {
                                    reason: &rejection.error.message(ui, language) }),
                            } }</li>
                        }
                    </ul>
                    if more > 0 {
                        <p class="mq-group-rejected-more">{ ui.group_rejected_more(more) }</p>
                    }
                }
                if !group.entries.is_empty() {
                    <h3 class="mq-subheading">{ ui.group_phases_title }</h3>
                    // The table below says the same to screen readers.
                    <ul class="mq-bars mq-group-bars" aria-hidden="true">
                        for (i, count) in group.phases.iter().enumerate() {
                            <Bar label={bar::label(ui, phase_name(i), &with_share(group, *count, ui))}
                                fill={Some(group.percentage(*count))} />
                        }
                    </ul>
                    <table class="mq-group-table mq-group-phases">
                        <thead>
                            <tr>
                                <th scope="col">{ ui.phase }</th>
                                <th scope="col">{ ui.group_number }</th>
                                <th scope="col">{ ui.group_percentage }</th>
                            </tr>
                        </thead>
                        <tbody>
                            for (i, count) in group.phases.iter().enumerate() {
                                <tr>
                                    <th scope="row">{ phase_name(i) }</th>
                                    <td>{ count }</td>
                                    <td>{ percent(group.percentage(*count), ui) }</td>
                                </tr>
                            }
                        </tbody>
                    </table>
                    <p class="mq-group-split">{ split }</p>
                    <h3 class="mq-subheading">{ ui.group_dimensions_title }</h3>
                    <table class="mq-group-table mq-group-dimensions">
                        <thead>
                            <tr>
                                <th scope="col">{ ui.dimension }</th>
                                <th scope="col">{ ui.group_median }</th>
                                <th scope="col">{ ui.group_spread }</th>
                            </tr>
                        </thead>
                        <tbody>
                            for (dimension, summary) in q.dimensions.iter().zip(&group.dimensions) {
                                <tr>
                                    <th scope="row">{ dimension.name.get(language) }</th>
                                    <td>{ summary.median.map_or_else(|| ui.unknown.to_string(), |m| number(m, ui)) }</td>
                                    <td>
                                        { summary.phases.iter().enumerate()
                                            .map(|(i, n)| format!("{} {n}", phase_name(i)))
                                            .chain((summary.unknown > 0).then(|| format!("{} {}", ui.unknown, summary.unknown)))
                                            .collect::<Vec<_>>().join(" · ") }
                                    </td>
                                </tr>
                            }
                        </tbody>
                    </table>
                    if !q.profile.is_empty() {
                        <Segments questionnaire={q.clone()} language={props.language.clone()} group={group.clone()} first={first.clone()} />
                    }
                    <BenchmarkExport questionnaire={q.clone()} language={props.language.clone()} group={group.clone()} />
                    <div class="mq-actions">
                        <button type="button" class="mq-button mq-button-secondary mq-export-summary" onclick={export_summary}>
                            { ui.export_summary }
                        </button>
                        <button type="button" class="mq-button mq-button-secondary mq-export-rows" onclick={export_rows}>
                            { ui.export_rows }
                        </button>
                    </div>
                }
            </>
        }
    });
    html! {
        <section class="mq-group" part="group">
            <h2 class="mq-heading" tabindex="-1" ref={heading}>{ ui.group_title }</h2>
            <p>{ ui.group_intro }</p>
            <form class="mq-group-form" onsubmit={on_submit} ondragover={on_drag_over} ondrop={on_drop}>
                <label class="mq-field">
                    <span class="mq-field-label">{ ui.group_paste_label }</span>
                    <textarea class="mq-group-paste" rows="8" spellcheck="false" ref={pasted} />
                </label>
                <label class="mq-field">
                    <span class="mq-field-label">{ ui.group_files_label }</span>
                    <input type="file" class="mq-group-files" accept=".json,application/json,.csv,text/csv" multiple=true
                        onchange={on_choose} />
                </label>
                <div class="mq-actions">
                    <button type="submit" class="mq-button mq-group-read">{ ui.group_read }</button>
                    { for back }
                </div>
            </form>
            // Present from the start, as live regions only speak changes.
            <p class="mq-group-count" role="status">
                { match &*shown {
                    Shown::Nothing => String::new(),
                    // In steps of ten, so that a screen reader is not
                    // flooded with numbers.
                    Shown::Reading(done) => ui.group_reading(args::GroupReading {
                        percent: &((done * 10.0).floor() as u32 * 10).to_string() }),
                    Shown::Read(group, _) => ui.group_count(group.entries.len()),
                } }
            </p>
            // Always there, so that the status line before it is never
            // made anew (a new live region says nothing).
            <div class="mq-group-reading">
                if let Shown::Reading(done) = &*shown {
                    // The status line above says the same in words.
                    <progress class="mq-group-progress" max="100" value={((done * 100.0) as u32).to_string()}
                        aria-hidden="true" />
                }
            </div>
            { for results }
        </section>
    }
}
