//! The root component: picks the screen for the quiz's state (held by
//! [`use_quiz`]) and turns what the respondent does into actions.

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

use mq_core::benchmark::Benchmark;
use mq_core::exchange::ReadError;
use mq_core::history::{Change, Earlier};
use mq_core::i18n::args;
use mq_core::model::{Profile, Questionnaire, Response};
use mq_core::quiz::{Action, Notice, Step};
use mq_core::scoring::Outcome;

use crate::view::frame::Frame;
#[cfg(feature = "facilitator")]
use crate::view::group::GroupView;
#[cfg(not(feature = "facilitator"))]
use crate::view::hand_over::HandOver;
use crate::view::intro::Intro;
use crate::view::profile::ProfileScreen;
use crate::view::question::QuestionScreen;
use crate::view::result::ResultScreen;
use crate::view::state::use_quiz;
use crate::view::warm_up::use_result_warm_up;
use crate::web::Host;

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
    /// Whether the widget opens on the group overview, with its way back:
    /// the facilitator's build, taking over from the respondent's when the
    /// respondent opened the overview (issue 24).
    #[prop_or_default]
    pub open_group: bool,
    /// The loader's function that puts the facilitator's build in this
    /// widget's place, which the respondent's build calls when the group
    /// overview is asked for.
    #[prop_or_default]
    pub hand_over: Option<js_sys::Function>,
    /// The host page's answer to each background question (`profile-<id>`
    /// attributes), read once when the widget starts.
    #[prop_or_default]
    pub preset: Profile,
    /// The host's `share-url` attribute when it is a valid address: the base
    /// of the result's link instead of the page's address.
    #[prop_or_default]
    pub share_url: Option<String>,
    /// The benchmark the host gave (`benchmark` attribute or inline script),
    /// once it is loaded, or why it is not used.
    #[prop_or_default]
    pub benchmark: Peers,
}

/// The poll a result is compared with, as far as the widget got with it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Peers {
    /// The host gave none, or it is still loading.
    #[default]
    None,
    /// A benchmark of this questionnaire and version.
    Loaded(Rc<Benchmark>),
    /// A file that is no benchmark of this questionnaire, and why.
    Refused(ReadError),
    /// The file could not be fetched.
    Unavailable,
}

impl Peers {
    /// The benchmark, if one is loaded.
    pub fn loaded(&self) -> Option<&Rc<Benchmark>> {
        match self {
            Peers::Loaded(benchmark) => Some(benchmark),
            _ => None,
        }
    }
}

/// One independent widget: the intro, the questions and the result.
#[component]
pub fn App(props: &AppProps) -> Html {
    let questionnaire = &props.questionnaire;
    let (quiz, remembered) = use_quiz(props);
    // An earlier result the respondent brought wins over the one this
    // browser remembered.
    let brought = use_state(|| None::<Earlier>);
    let previous = (*brought).clone().or(remembered);
    let on_earlier = {
        let brought = brought.clone();
        Callback::from(move |earlier| brought.set(Some(earlier)))
    };
    use_result_warm_up(questionnaire, &quiz, &props.benchmark);
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
    let on_start = dispatch(|| Action::Start);
    let on_forget = {
        let quiz = quiz.clone();
        Callback::from(move |_: MouseEvent| quiz.dispatch(Action::Forget))
    };
    let language = quiz.language().to_string();
    let ui = questionnaire.words(&language);

    let on_group = dispatch(|| Action::OpenGroup);
    let result = |response: &Response, outcome: &Outcome, shared: bool| {
        // What changed since the previous result, for the respondent's own.
        let since = match (&previous, outcome, shared) {
            (Some(earlier), Outcome::Assessed(now), false) => {
                Change::since(questionnaire, earlier, now).map(Rc::new)
            }
            _ => None,
        };
        let on_revisit = {
            let quiz = quiz.clone();
            Callback::from(move |index| quiz.dispatch(Action::Revisit(index)))
        };
        html! {
            <ResultScreen questionnaire={questionnaire.clone()} language={language.clone()}
                moved={quiz.moved()} response={response.clone()} outcome={outcome.clone()} {shared}
                first_without_level={quiz.first_without_level()}
                on_restart={dispatch(|| Action::Restart)} {on_revisit} on_group={on_group.clone()}
                share_url={props.share_url.clone()} peers={props.benchmark.clone()} {since}
                on_earlier={on_earlier.clone()} />
        }
    };
    let screen = if quiz.group() {
        group_overview(
            props,
            &language,
            quiz.moved(),
            (!quiz.group_only()).then(|| dispatch(|| Action::CloseGroup)),
        )
    } else if let Some(shared) = quiz.shared() {
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
                { result(&shared.response, &shared.outcome, true) }
            </>
        }
    } else {
        match quiz.step() {
            Step::Intro => html! {
                <Intro questionnaire={questionnaire.clone()} language={language.clone()} moved={quiz.moved()}
                    on_start={on_start} />
            },
            Step::Question(index) => {
                let on_choose = {
                    let quiz = quiz.clone();
                    Callback::from(move |answer| quiz.dispatch(Action::Choose(answer)))
                };
                html! {
                    <QuestionScreen questionnaire={questionnaire.clone()} language={language.clone()}
                        instance={(*instance).clone()} {index} answer={quiz.answers()[index]}
                        missing_answer={quiz.missing_answer()} moved={quiz.moved()} {on_choose}
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
                        instance={(*instance).clone()} asked={quiz.asked()} profile={quiz.profile().clone()}
                        moved={quiz.moved()} {on_choose}
                        on_continue={dispatch(|| Action::Continue)} on_back={dispatch(|| Action::Back)} />
                }
            }
            Step::Result => result(&quiz.response(), quiz.outcome(), false),
        }
    };

    let notice = quiz.notice().map(|notice| match notice {
        Notice::Discarded => ui.notice_discarded.to_string(),
        Notice::CannotSave => ui.notice_cannot_save.to_string(),
        Notice::Deleted => ui.notice_deleted.to_string(),
        Notice::BadLink(error) => ui.link_invalid(args::LinkInvalid {
            reason: &error.message(ui, &language),
        }),
    });
    let announcement = quiz.question_number().filter(|_| quiz.moved()).map(|n| {
        ui.progress(args::Progress {
            n: &n.to_string(),
            total: &questionnaire.questions.len().to_string(),
        })
    });
    let on_forget = (!quiz.is_pristine() && !quiz.group_only()).then_some(on_forget);
    html! {
        <Frame questionnaire={questionnaire.clone()} language={language.clone()}
            titled={quiz.step() != Step::Intro} {on_language} {notice} {announcement} {on_forget}>
            { screen }
        </Frame>
    }
}

/// The group overview: in the facilitator's build the view itself, with
/// `on_back` to the quiz unless the widget is only the overview.
#[cfg(feature = "facilitator")]
fn group_overview(
    props: &AppProps,
    language: &str,
    moved: bool,
    on_back: Option<Callback<()>>,
) -> Html {
    html! {
        <GroupView questionnaire={props.questionnaire.clone()} language={language.to_string()}
            {moved} {on_back} />
    }
}

/// The group overview: in the respondent's build, a line while the loader
/// hands the widget over to the facilitator's build.
#[cfg(not(feature = "facilitator"))]
fn group_overview(props: &AppProps, language: &str, _: bool, _: Option<Callback<()>>) -> Html {
    html! { <HandOver questionnaire={props.questionnaire.clone()} language={language.to_string()} hand_over={props.hand_over.clone()} /> }
}
