//! The background questions on one screen, after the last question: a
//! fieldset of native radios per question, each with "prefer not to say",
//! which stands checked until another answer is chosen. Nothing here is
//! required.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::focus::use_focus;
use mq_core::model::{Profile, Questionnaire};

/// Properties of [`ProfileScreen`].
#[derive(Clone, PartialEq, Properties)]
pub struct ProfileScreenProps {
    /// The questionnaire being taken.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show.
    pub language: String,
    /// Whether the respondent arrived here by moving between screens, so
    /// that focus should follow.
    pub moved: bool,
    /// Unique to the widget, so that radio groups and ids never clash with
    /// another widget on the same page.
    pub instance: String,
    /// The background questions to ask, by index (the host answered the
    /// others).
    pub asked: Vec<usize>,
    /// The respondent's answers so far.
    pub profile: Profile,
    /// Called with a question and its new answer (`None`: prefer not to
    /// say).
    pub on_choose: Callback<(usize, Option<usize>)>,
    /// Called when the form is submitted (the result button or Enter).
    pub on_continue: Callback<()>,
    /// Called by the Back button.
    pub on_back: Callback<()>,
}

/// Why the background questions are asked, the questions, and the way on.
#[component]
pub fn ProfileScreen(props: &ProfileScreenProps) -> Html {
    let language = props.language.as_str();
    let ui = props.questionnaire.words(language);
    let q = &props.questionnaire;
    let heading = use_node_ref();
    use_focus(heading.clone(), props.moved.then_some(()));
    let on_submit = {
        let on_continue = props.on_continue.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_continue.emit(());
        })
    };
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    html! {
        <form class="mq-profile" part="profile" novalidate=true onsubmit={on_submit}>
            <h2 class="mq-heading" tabindex="-1" ref={heading}>{ ui.profile_title }</h2>
            <p class="mq-profile-intro">{ ui.profile_intro }</p>
            // The host page's own line on what it does with results: these
            // answers travel with the result to wherever the page sends it.
            <slot name="privacy"></slot>
            for index in props.asked.iter().copied() {
                <fieldset class="mq-fieldset mq-profile-question">
                    <legend class="mq-legend">
                        <span class="mq-profile-text">{ q.profile[index].text.get(language) }</span>
                    </legend>
                    <div class="mq-options">
                        for (i, answer) in q.profile[index].answers.iter().map(|a| Some(&a.text)).chain([None]).enumerate() {
                            { option(props, index, i, answer.map(|t| t.get(language)).unwrap_or(ui.profile_decline)) }
                        }
                    </div>
                </fieldset>
            }
            <div class="mq-actions">
                <button type="submit" class="mq-button mq-continue">{ ui.see_result }</button>
                <button type="button" class="mq-button mq-button-secondary mq-back" onclick={on_back}>
                    { ui.back }
                </button>
            </div>
        </form>
    }
}

/// The radio of answer `i` to background question `index`; the one after
/// the last answer is "prefer not to say".
fn option(props: &ProfileScreenProps, index: usize, i: usize, text: &str) -> Html {
    let question = &props.questionnaire.profile[index];
    let answer = (i < question.answers.len()).then_some(i);
    let group = format!("{}-profile-{}", props.instance, question.id);
    // Empty for "prefer not to say": never an answer's id.
    let value = answer.map_or("", |a| question.answers[a].id.as_str());
    html! {
        <label class={if answer.is_none() { "mq-option mq-option-dont-know" } else { "mq-option" }}>
            <input type="radio" class="mq-radio" name={group.clone()} id={format!("{group}-{}", i + 1)}
                value={value.to_string()}
                checked={props.profile.get(index).copied().flatten() == answer}
                onchange={props.on_choose.reform(move |_: Event| (index, answer))} />
            <span class="mq-option-text">{ text }</span>
        </label>
    }
}
