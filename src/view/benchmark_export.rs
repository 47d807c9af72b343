//! The group view's benchmark: the results read, summed up as a file the
//! facilitator publishes back to the respondents who come after them (see
//! [`mq_core::benchmark`]). It holds totals only, which the panel says.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use mq_core::benchmark::{Benchmark, MAX_DATE, MAX_TITLE};
use mq_core::group::{Group, SEGMENT_MINIMUM};
use mq_core::i18n;
use mq_core::model::Questionnaire;

use crate::web::{files, page};

/// Properties of [`BenchmarkExport`].
#[derive(Clone, PartialEq, Properties)]
pub struct BenchmarkExportProps {
    /// The questionnaire the results answered.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show.
    pub language: String,
    /// The results read.
    pub group: Rc<Group>,
}

/// The poll's name and date, and the button that downloads the benchmark;
/// under [`SEGMENT_MINIMUM`] results, only why there is none: the whole
/// poll is held to the floor of its segments.
#[component]
pub fn BenchmarkExport(props: &BenchmarkExportProps) -> Html {
    let ui = props.questionnaire.words(&props.language);
    // Today, as the date a facilitator most often means, in words; theirs
    // to change.
    let title = use_state(String::new);
    let date = use_state(|| i18n::date(&page::now(), ui));
    let field = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.set(input.value());
        })
    };
    let download = {
        let (q, group, title, date) = (
            props.questionnaire.clone(),
            props.group.clone(),
            title.clone(),
            date.clone(),
        );
        let untitled = ui.benchmark_untitled;
        Callback::from(move |_: MouseEvent| {
            let name = match title.trim() {
                "" => untitled,
                name => name,
            };
            let benchmark = Benchmark::of(&q, &group, name, date.trim());
            files::save(
                &format!("{}-benchmark.json", q.id),
                "application/json",
                &benchmark.to_json(),
            );
        })
    };
    let too_few = props.group.entries.len() < SEGMENT_MINIMUM;
    html! {
        <section class="mq-benchmark-export">
            <h3 class="mq-subheading">{ ui.benchmark_export_title }</h3>
            if too_few {
                <p class="mq-benchmark-too-few">{ ui.benchmark_too_few }</p>
            } else {
                <p>{ ui.benchmark_export_intro }</p>
                <label class="mq-field">
                    <span class="mq-field-label">{ ui.benchmark_title_label }</span>
                    <input type="text" class="mq-input mq-benchmark-title" maxlength={MAX_TITLE.to_string()}
                        placeholder={ui.benchmark_untitled} value={(*title).clone()} oninput={field(&title)} />
                </label>
                <label class="mq-field">
                    <span class="mq-field-label">{ ui.benchmark_date_label }</span>
                    <input type="text" class="mq-input mq-benchmark-date" maxlength={MAX_DATE.to_string()}
                        value={(*date).clone()} oninput={field(&date)} />
                </label>
                <div class="mq-actions">
                    <button type="button" class="mq-button mq-button-secondary mq-export-benchmark" onclick={download}>
                        { ui.benchmark_download }
                    </button>
                </div>
            }
        </section>
    }
}
