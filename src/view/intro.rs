//! The first screen: what the questionnaire measures and how long it takes.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::focus::use_focus;
use crate::view::result::paragraphs;
use mq_core::explain;
use mq_core::model::Questionnaire;

/// Properties of [`Intro`].
#[derive(Clone, PartialEq, Properties)]
pub struct IntroProps {
    /// The questionnaire about to be taken.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show.
    pub language: String,
    /// Whether the respondent arrived here by moving between screens, so
    /// that focus should follow.
    pub moved: bool,
    /// Pressed to begin with the first question.
    pub on_start: Callback<()>,
}

/// What the questionnaire measures, its length, what it does with the
/// answers (and, through the `privacy` slot, what the host page does), and
/// the button to begin.
#[component]
pub fn Intro(props: &IntroProps) -> Html {
    let language = props.language.as_str();
    let ui = props.questionnaire.words(language);
    let q = &props.questionnaire;
    let on_start = props.on_start.reform(|_: MouseEvent| ());
    let heading = use_node_ref();
    use_focus(heading.clone(), props.moved.then_some(()));
    html! {
        <section class="mq-intro" part="intro">
            <h2 class="mq-heading" tabindex="-1" ref={heading}>{ q.title.get(language) }</h2>
            { paragraphs(q.intro.get(language)) }
            <p class="mq-facts">
                { explain::facts(q.questions.len(), ui) }
            </p>
            <p class="mq-privacy">{ ui.privacy }</p>
            // The host page's own line on what it does with results, under ours.
            <slot name="privacy"></slot>
            <button type="button" class="mq-button mq-start" onclick={on_start}>{ ui.start }</button>
            <details class="mq-about">
                <summary>{ ui.about_title }</summary>
                { paragraphs(q.about.get(language)) }
            </details>
        </section>
    }
}
