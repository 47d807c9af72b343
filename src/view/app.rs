//! The root component: owns the quiz state and moves focus between screens.

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

use crate::i18n::ui_text;
use crate::model::Questionnaire;
use crate::quiz::{Action, Quiz, Step};
use crate::view::intro::Intro;
use crate::view::language_switch::LanguageSwitch;
use crate::view::question::QuestionScreen;
use crate::view::result::ResultScreen;

impl Reducible for Quiz {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// Properties of [`App`].
#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    /// The questionnaire to take.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to start in; one the questionnaire speaks.
    pub language: String,
}

/// One independent widget: the intro, the questions and the result.
#[component]
pub fn App(props: &AppProps) -> Html {
    let questionnaire = &props.questionnaire;
    let quiz = {
        let questions = questionnaire.questions.len();
        let language = props.language.clone();
        use_reducer(move || Quiz::new(questions, language))
    };
    // Names radio groups and ids so that two widgets on a page never share one.
    let instance = use_memo((), |_| {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        format!("mq{}", NEXT.fetch_add(1, Ordering::Relaxed))
    });
    let dispatch = |action: fn() -> Action| {
        let quiz = quiz.clone();
        Callback::from(move |_| quiz.dispatch(action()))
    };
    let on_language = {
        let quiz = quiz.clone();
        Callback::from(move |language| quiz.dispatch(Action::SetLanguage(language)))
    };
    let language = quiz.language.clone();
    let ui = ui_text(&language);

    let screen = match quiz.step {
        Step::Intro => html! {
            <Intro questionnaire={questionnaire.clone()} language={language.clone()} moved={quiz.moved}
                on_start={dispatch(|| Action::Start)} />
        },
        Step::Question(index) => {
            let on_choose = {
                let quiz = quiz.clone();
                Callback::from(move |answer| quiz.dispatch(Action::Choose(answer)))
            };
            html! {
                <QuestionScreen questionnaire={questionnaire.clone()} language={language.clone()}
                    instance={(*instance).clone()} {index} answer={quiz.answers[index]}
                    missing_answer={quiz.missing_answer} moved={quiz.moved} {on_choose}
                    on_continue={dispatch(|| Action::Continue)} on_back={dispatch(|| Action::Back)} />
            }
        }
        Step::Result => {
            let on_revisit = {
                let quiz = quiz.clone();
                Callback::from(move |index| quiz.dispatch(Action::Revisit(index)))
            };
            html! {
                <ResultScreen questionnaire={questionnaire.clone()} language={language.clone()}
                    moved={quiz.moved} answers={quiz.answers.clone()} first_without_level={quiz.first_without_level()}
                    on_restart={dispatch(|| Action::Restart)} {on_revisit} />
            }
        }
    };

    html! {
        <div class="mq" lang={language.clone()}>
            <header class="mq-header">
                // The intro's heading is the title already.
                if quiz.step != Step::Intro {
                    <p class="mq-title">{ questionnaire.title.get(&language) }</p>
                }
                <LanguageSwitch languages={questionnaire.languages.clone()} current={language.clone()}
                    label={ui.language_switch.clone()} on_change={on_language} />
            </header>
            { screen }
        </div>
    }
}
