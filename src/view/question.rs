//! One question per screen: a fieldset of native radios, Back and Continue,
//! and an error summary when Continue is pressed without an answer.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::view::focus::use_focus;
use mq_core::i18n::args;
use mq_core::model::{Answer, DONT_KNOW, Level, Questionnaire};

/// Properties of [`QuestionScreen`].
#[derive(Clone, PartialEq, Properties)]
pub struct QuestionScreenProps {
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
    /// The index of the question shown.
    pub index: usize,
    /// The answer chosen so far.
    pub answer: Option<Answer>,
    /// Non-zero when Continue was pressed without an answer.
    pub missing_answer: u32,
    /// Called when an option is picked.
    pub on_choose: Callback<Answer>,
    /// Called when the form is submitted (Continue or Enter).
    pub on_continue: Callback<()>,
    /// Called by the Back button.
    pub on_back: Callback<()>,
    /// Whether the result comes straight after the last question: then its
    /// button says so; when the background screen comes first, it says
    /// "continue".
    pub result_next: bool,
}

/// The question at `index`, its options and the way on.
#[component]
pub fn QuestionScreen(props: &QuestionScreenProps) -> Html {
    let language = props.language.as_str();
    let ui = props.questionnaire.words(language);
    let q = &props.questionnaire;
    let question = &q.questions[props.index];
    let number = (props.index + 1).to_string();
    let total = q.questions.len();
    let last = props.index + 1 == total;
    let group = format!("{}-{}", props.instance, question.id);
    let error_id = format!("{group}-error");
    let missing = props.missing_answer > 0;

    let mut choices: Vec<(Answer, &str)> = question
        .options
        .iter()
        .enumerate()
        .map(|(i, text)| (Answer::Level(Level(i as u8 + 1)), text.get(language)))
        .collect();
    if question.dont_know {
        choices.push((Answer::DontKnow, ui.dont_know));
    }

    let on_submit = {
        let on_continue = props.on_continue.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_continue.emit(());
        })
    };
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    let legend = use_node_ref();
    let summary = use_node_ref();
    use_focus(legend.clone(), props.moved.then_some(props.index));
    use_focus(summary.clone(), missing.then_some(props.missing_answer));

    html! {
        <form class="mq-question" part="question" novalidate=true onsubmit={on_submit}>
            if missing {
                <div class="mq-error-summary" role="alert" tabindex="-1" part="error-summary" ref={summary.clone()}>
                    <h3 class="mq-error-title">{ ui.error_title }</h3>
                    <ul class="mq-error-list">
                        <li>
                            <a href={format!("#{group}-1")} onclick={Callback::from(focus_first_radio)}>
                                { ui.error_choose(args::ErrorChoose { n: &number, question: question.text.get(language) }) }
                            </a>
                        </li>
                    </ul>
                </div>
            }
            <div class="mq-progress-track" aria-hidden="true">
                <progress class="mq-progress-bar" max={total.to_string()} value={(props.index + 1).to_string()} />
            </div>
            <fieldset class={if missing { "mq-fieldset mq-fieldset-error" } else { "mq-fieldset" }}
                aria-describedby={missing.then(|| error_id.clone())}>
                <legend class="mq-legend" tabindex="-1" ref={legend}>
                    <span class="mq-progress">
                        { ui.progress(args::Progress { n: &number, total: &total.to_string() }) }
                    </span>
                    if let Some(d) = q.dimension_of(props.index) {
                        <span class="mq-dimension-name">{ q.dimensions[d].name.get(language) }</span>
                    }
                    <span class="mq-question-text">{ question.text.get(language) }</span>
                </legend>
                if missing {
                    <p class="mq-error-message" id={error_id.clone()}>{ ui.error_inline }</p>
                }
                <div class="mq-options">
                    for (i, (answer, text)) in choices.into_iter().enumerate() {
                        <label class={if answer == Answer::DontKnow { "mq-option mq-option-dont-know" } else { "mq-option" }}>
                            <input type="radio" class="mq-radio" name={group.clone()}
                                id={format!("{group}-{}", i + 1)}
                                value={match answer { Answer::Level(l) => l.0.to_string(), Answer::DontKnow => DONT_KNOW.to_string() }}
                                checked={props.answer == Some(answer)}
                                onchange={props.on_choose.reform(move |_: Event| answer)} />
                            <span class="mq-option-text">{ text }</span>
                        </label>
                    }
                </div>
            </fieldset>
            // Continue comes first, as it looks: the tab order follows the eye.
            <div class="mq-actions">
                <button type="submit" class="mq-button mq-continue">
                    { if last && props.result_next { ui.see_result } else { ui.r#continue } }
                </button>
                <button type="button" class="mq-button mq-button-secondary mq-back" onclick={on_back}>
                    { ui.back }
                </button>
            </div>
        </form>
    }
}

/// Follows the error summary's link to the question's first option without
/// touching the host page's URL.
fn focus_first_radio(event: MouseEvent) {
    event.prevent_default();
    let radio = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|link| link.closest("form").ok().flatten())
        .and_then(|form| form.query_selector("input[type=radio]").ok().flatten())
        .and_then(|radio| radio.dyn_into::<HtmlElement>().ok());
    if let Some(radio) = radio {
        let _ = radio.focus();
    }
}
