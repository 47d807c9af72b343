//! The box shown instead of the quiz when a site owner's questionnaire cannot
//! be used: where it came from and every problem found, so the owner can fix
//! the file without opening the browser's console.
//!
//! It speaks English only: it is meant for the person who publishes the
//! file, and its messages (the checker's too) are English.

use yew::prelude::*;

/// Properties of [`Problems`].
#[derive(Clone, PartialEq, Properties)]
pub struct ProblemsProps {
    /// Where the questionnaire came from: its URL, or a description of the
    /// inline script.
    pub source: String,
    /// Each problem as `path: reason`.
    pub problems: Vec<String>,
}

/// A readable list of what is wrong with a questionnaire.
#[component]
pub fn Problems(props: &ProblemsProps) -> Html {
    html! {
        <div class="mq mq-problems" lang="en" part="widget problems" role="alert">
            <p class="mq-problems-title">{ "This questionnaire cannot be shown" }</p>
            <p class="mq-problems-source">{ "Source: " }<code>{ &props.source }</code></p>
            <ul class="mq-problems-list">
                { for props.problems.iter().map(|problem| html! { <li><code>{ problem }</code></li> }) }
            </ul>
            <p class="mq-problems-hint">
                { "Check the file before publishing it with " }
                <code>{ "cargo run --bin check-questionnaire -- FILE.json" }</code>
                { "; the format is described in docs/questionnaire-format.md." }
            </p>
        </div>
    }
}
