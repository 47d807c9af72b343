//! The root component: owns the quiz state, follows the page's result and
//! group links, and moves focus between screens.

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

use crate::view::frame::Frame;
use crate::view::group::GroupView;
use crate::view::intro::Intro;
use crate::view::profile::ProfileScreen;
use crate::view::question::QuestionScreen;
use crate::view::result::ResultScreen;
use crate::view::warm_up::use_result_warm_up;
use crate::web::{Host, page, storage};
use mq_core::i18n::{fill, ui_text};
use mq_core::model::{Profile, Questionnaire, Response};
use mq_core::quiz::{Action, Notice, Quiz, Step};
use mq_core::report;
use mq_core::saved::SavedProgress;
use mq_core::scoring::{Outcome, assess};

/// The quiz as yew's reducer holds it (the core cannot implement yew's
/// trait, and should not know of it).
#[derive(PartialEq)]
struct State(Quiz);

impl std::ops::Deref for State {
    type Target = Quiz;

    fn deref(&self) -> &Quiz {
        &self.0
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State(self.0.apply(action)))
    }
}

/// Properties of [`App`].
#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    /// The questionnaire to take.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show; one the questionnaire speaks. A new value (the
    /// host's `lang` changed) switches the language like the switch does.
    pub language: String,
    /// The element the widget lives in, which hears its events.
    pub host: Host,
    /// Where this widget keeps its progress between visits.
    pub storage_key: String,
    /// Whether the widget is only the group view (`mode="group"`): no
    /// questionnaire to take, nothing saved.
    #[prop_or_default]
    pub group: bool,
    /// The host page's answer to each background question (`profile-<id>`
    /// attributes), read once when the widget starts.
    #[prop_or_default]
    pub preset: Profile,
    /// The host's `share-url` attribute when it is a valid address: the base
    /// of the result's link instead of the page's address.
    #[prop_or_default]
    pub share_url: Option<String>,
}

/// One independent widget: the intro, the questions and the result.
#[component]
pub fn App(props: &AppProps) -> Html {
    let questionnaire = &props.questionnaire;
    let quiz = {
        let (q, key, language) = (
            questionnaire.clone(),
            props.storage_key.clone(),
            props.language.clone(),
        );
        let (group, preset) = (props.group, props.preset.clone());
        use_reducer(move || {
            let link = if group { None } else { page::link(&q) };
            let resumed = storage::resume(&q, &key, language).with_preset(preset);
            State(Quiz::opening(resumed, group, link))
        })
    };
    {
        // A link to the same page only changes its fragment: no reload.
        let (quiz, q, group) = (quiz.clone(), questionnaire.clone(), props.group);
        use_effect_with((), move |_| {
            let listener =
                (!group).then(|| page::on_link(q, move |link| quiz.dispatch(Action::Follow(link))));
            move || drop(listener)
        });
    }
    {
        // Only a change of the host's `lang` switches: on mount, resumed
        // progress keeps the language the respondent chose.
        let quiz = quiz.clone();
        let last = use_mut_ref(|| props.language.clone());
        use_effect_with(props.language.clone(), move |language| {
            if *last.borrow() != *language {
                *last.borrow_mut() = language.clone();
                quiz.dispatch(Action::SetLanguage(language.clone()));
            }
        });
    }
    {
        let quiz = quiz.clone();
        let key = props.storage_key.clone();
        let progress = SavedProgress::of(&quiz, questionnaire);
        // Nothing is saved while a shared result shows (its language would
        // overwrite the respondent's), nor by a group-only widget.
        let skip = quiz.cannot_save || quiz.shared.is_some() || props.group;
        use_effect_with(
            (progress, quiz.is_pristine(), skip),
            move |(progress, pristine, skip)| {
                if !*skip && !storage::keep(&key, progress, !*pristine) {
                    quiz.dispatch(Action::SavingFailed);
                }
            },
        );
    }
    {
        // Reported once per result: when the quiz counts a new arrival at
        // it (see `Quiz::results`), not when a resumed result, the group
        // view, a link or the language shows it again.
        let (q, host, language, response) = (
            questionnaire.clone(),
            props.host.clone(),
            quiz.language.clone(),
            quiz.response(),
        );
        let at_result = quiz.step == Step::Result;
        use_effect_with(quiz.results, move |results| {
            if *results > 0 && at_result {
                if let Outcome::Assessed(assessment) = assess(&q, &response.answers) {
                    host.emit(
                        "complete",
                        &report::completed(&q, &language, &response, &assessment),
                    );
                }
            }
        });
    }
    use_result_warm_up(questionnaire, &quiz);
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
    let on_start = {
        let (quiz, q, host) = (quiz.clone(), questionnaire.clone(), props.host.clone());
        Callback::from(move |_| {
            host.emit("start", &report::started(&q, &quiz.language));
            quiz.dispatch(Action::Start);
        })
    };
    let on_forget = {
        let quiz = quiz.clone();
        Callback::from(move |_: MouseEvent| quiz.dispatch(Action::Forget))
    };
    let language = quiz.language.clone();
    let ui = ui_text(&language);

    let on_group = dispatch(|| Action::OpenGroup);
    let result = |response: &Response, shared: bool| {
        let on_revisit = {
            let quiz = quiz.clone();
            Callback::from(move |index| quiz.dispatch(Action::Revisit(index)))
        };
        html! {
            <ResultScreen questionnaire={questionnaire.clone()} language={language.clone()}
                moved={quiz.moved} response={response.clone()} {shared}
                first_without_level={quiz.first_without_level()}
                on_restart={dispatch(|| Action::Restart)} {on_revisit} on_group={on_group.clone()}
                share_url={props.share_url.clone()} />
        }
    };
    let screen = if quiz.group {
        let on_back = (!props.group).then(|| dispatch(|| Action::CloseGroup));
        html! {
            <GroupView questionnaire={questionnaire.clone()} language={language.clone()}
                moved={quiz.moved} {on_back} />
        }
    } else if let Some(response) = &quiz.shared {
        let on_leave = {
            let quiz = quiz.clone();
            Callback::from(move |_: MouseEvent| quiz.dispatch(Action::LeaveShared))
        };
        html! {
            <>
                <div class="mq-shared" part="shared">
                    <p class="mq-shared-note">{ ui.shared_note }</p>
                    <button type="button" class="mq-button mq-button-secondary mq-leave-shared" onclick={on_leave}>
                        { ui.shared_leave }
                    </button>
                </div>
                { result(response, true) }
            </>
        }
    } else {
        match quiz.step {
            Step::Intro => html! {
                <Intro questionnaire={questionnaire.clone()} language={language.clone()} moved={quiz.moved}
                    on_start={on_start} />
            },
            Step::Question(index) => {
                let on_choose = {
                    let (quiz, q, host) = (quiz.clone(), questionnaire.clone(), props.host.clone());
                    Callback::from(move |answer| {
                        host.emit(
                            "answer",
                            &report::answered(&q, &quiz.language, index, answer),
                        );
                        quiz.dispatch(Action::Choose(answer));
                    })
                };
                html! {
                    <QuestionScreen questionnaire={questionnaire.clone()} language={language.clone()}
                        instance={(*instance).clone()} {index} answer={quiz.answers[index]}
                        missing_answer={quiz.missing_answer} moved={quiz.moved} {on_choose}
                        on_continue={dispatch(|| Action::Continue)} on_back={dispatch(|| Action::Back)}
                        result_next={quiz.after_questions() == Step::Result} />
                }
            }
            Step::Profile => {
                let on_choose = {
                    let quiz = quiz.clone();
                    Callback::from(move |(question, answer)| {
                        quiz.dispatch(Action::ChooseProfile { question, answer })
                    })
                };
                html! {
                    <ProfileScreen questionnaire={questionnaire.clone()} language={language.clone()}
                        instance={(*instance).clone()} asked={quiz.asked()} profile={quiz.profile.clone()}
                        moved={quiz.moved} {on_choose}
                        on_continue={dispatch(|| Action::Continue)} on_back={dispatch(|| Action::Back)} />
                }
            }
            Step::Result => result(&quiz.response(), false),
        }
    };

    let notice = quiz.notice.as_ref().map(|notice| match notice {
        Notice::Discarded => ui.notice_discarded.to_string(),
        Notice::CannotSave => ui.notice_cannot_save.to_string(),
        Notice::Deleted => ui.notice_deleted.to_string(),
        Notice::BadLink(error) => fill(ui.link_invalid, &[("reason", &error.message(&language))]),
    });
    let announcement = quiz.question_number().filter(|_| quiz.moved).map(|n| {
        fill(
            ui.progress,
            &[
                ("n", &n.to_string()),
                ("total", &questionnaire.questions.len().to_string()),
            ],
        )
    });
    let on_forget = (!quiz.is_pristine() && !props.group).then_some(on_forget);
    html! {
        <Frame questionnaire={questionnaire.clone()} language={language.clone()}
            titled={quiz.step != Step::Intro} {on_language} {notice} {announcement} {on_forget}>
            { screen }
        </Frame>
    }
}
