//! The box shown instead of the quiz when a site owner's questionnaire cannot
//! be used: where it came from and every problem found, so the owner can fix
//! the file without opening the browser's console.
//!
//! Its own words are in the widget's language, like everything a visitor
//! sees; the problems themselves stay English, as the checker prints them,
//! marked `lang="en"` so that a screen reader pronounces them as such.

use yew::prelude::*;

use mq_core::i18n::{Part, args, ui_text};

/// The command that checks a questionnaire file, as the hint shows it.
const CHECK_COMMAND: &str = "cargo run --bin check-questionnaire -- FILE.json";

/// Where the questionnaire format is documented, as the hint shows it.
const FORMAT_DOCUMENT: &str = "docs/questionnaire-format.md";

/// Properties of [`Problems`].
#[derive(Clone, PartialEq, Properties)]
pub struct ProblemsProps {
    /// The language of the box's own words.
    pub language: String,
    /// Where the questionnaire came from: its URL, or a description of the
    /// inline script.
    pub source: String,
    /// Each problem as `path: reason`, at most
    /// [`mq_core::model::limits::PROBLEMS_LISTED`] of them.
    pub problems: Vec<String>,
    /// How many more problems there are than listed.
    pub omitted: usize,
}

/// A readable list of what is wrong with a questionnaire.
#[component]
pub fn Problems(props: &ProblemsProps) -> Html {
    let ui = ui_text(&props.language);
    // The hint's placeholders become code elements, not plain text.
    let hint = ui
        .problems_hint_parts(args::ProblemsHint {
            command: CHECK_COMMAND,
            document: FORMAT_DOCUMENT,
        })
        .map(|part| match part {
            Part::Text(text) => html! { { text } },
            Part::Value(code) => html! { <code>{ code }</code> },
        });
    html! {
        <div class="mq mq-problems" lang={props.language.clone()} part="widget problems" role="alert">
            <p class="mq-problems-title">{ ui.problems_title }</p>
            <p class="mq-problems-source">{ ui.problems_source }{ " " }<code>{ &props.source }</code></p>
            <ul class="mq-problems-list" lang="en">
                { for props.problems.iter().map(|problem| html! { <li><code>{ problem }</code></li> }) }
            </ul>
            if props.omitted > 0 {
                <p class="mq-problems-more">{ ui.problems_more(props.omitted) }</p>
            }
            <p class="mq-problems-hint">{ for hint }</p>
        </div>
    }
}
