//! The state of one widget as the view holds it: the core's [`Quiz`] in
//! yew's reducer, and the hook that carries out what each action asks of
//! the page (events for the host, progress to keep or remove), follows the
//! page's result and group links, and the host's `lang`.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use mq_core::benchmark::Benchmark;
use mq_core::history::Earlier;
use mq_core::model::Questionnaire;
use mq_core::quiz::{Action, Effect, EventKind, Quiz};
use mq_core::saved::SavedProgress;

use crate::view::app::AppProps;
use crate::web::{page, storage};

/// The quiz as yew's reducer holds it: each action is applied by the core
/// ([`Quiz::apply`]), and the effects it asks for wait in `outbox` until
/// [`use_quiz`] carries them out after the render. The outbox is shared by
/// every state of one widget, so that no effect is lost when two actions
/// come before a render. `benchmark` is the poll the host gave, as the last
/// render had it: it may arrive after the widget started.
pub struct State {
    quiz: Quiz,
    questionnaire: Rc<Questionnaire>,
    benchmark: Rc<RefCell<Option<Rc<Benchmark>>>>,
    outbox: Rc<RefCell<Vec<Effect>>>,
}

impl std::ops::Deref for State {
    type Target = Quiz;

    fn deref(&self) -> &Quiz {
        &self.quiz
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let benchmark = self.benchmark.borrow().clone();
        let transition = self
            .quiz
            .apply(&self.questionnaire, benchmark.as_deref(), action);
        self.outbox.borrow_mut().extend(transition.effects);
        Rc::new(State {
            quiz: transition.next,
            questionnaire: Rc::clone(&self.questionnaire),
            benchmark: Rc::clone(&self.benchmark),
            outbox: Rc::clone(&self.outbox),
        })
    }
}

/// The quiz of the widget `props` describe: resumed from storage, opened
/// as the page's link asks, with every effect of its actions carried out;
/// and the respondent's previous result when they just completed a new one
/// in this browser (each result the host hears of is kept as an earlier
/// result, at most a handful, until the respondent deletes their answers).
#[hook]
pub fn use_quiz(props: &AppProps) -> (UseReducerHandle<State>, Option<Earlier>) {
    let questionnaire = &props.questionnaire;
    let quiz = {
        let (q, key, language) = (
            questionnaire.clone(),
            props.storage_key.clone(),
            props.language.clone(),
        );
        let (group, open_group, preset) = (props.group, props.open_group, props.preset.clone());
        use_reducer(move || {
            let link = if group { None } else { page::link(&q) };
            let resumed = storage::resume(&q, &key, language).with_preset(preset);
            let opened = Quiz::opening(resumed, &q, group, link);
            // Taking over from the respondent's build, where the overview
            // was asked for: it opens as if asked here, focus and way back
            // included.
            let quiz = if open_group {
                opened.apply(&q, None, Action::OpenGroup).next
            } else {
                opened
            };
            State {
                quiz,
                questionnaire: q,
                benchmark: Rc::default(),
                outbox: Rc::default(),
            }
        })
    };
    *quiz.benchmark.borrow_mut() = props.benchmark.loaded().cloned();
    let previous = use_state(|| None::<Earlier>);
    {
        // What the last actions asked for: events for the host page, and
        // progress to keep or remove. A refusal to save comes back as an
        // action, which the quiz tells the respondent of once.
        let (quiz, q, host, key, previous) = (
            quiz.clone(),
            questionnaire.clone(),
            props.host.clone(),
            props.storage_key.clone(),
            previous.clone(),
        );
        use_effect(move || {
            let effects = std::mem::take(&mut *quiz.outbox.borrow_mut());
            for effect in effects {
                let kept = match effect {
                    Effect::Emit(kind, detail) => {
                        host.emit(kind.name(), &detail);
                        if kind == EventKind::Complete {
                            let history = storage::earlier_results(&q);
                            previous.set(history.results().first().cloned());
                            let history = history.with(&page::now(), quiz.answers());
                            storage::keep_earlier_results(&q, &history);
                        }
                        true
                    }
                    Effect::Save => storage::keep(&key, Some(&SavedProgress::of(&quiz.quiz, &q))),
                    Effect::Clear => storage::keep(&key, None),
                    Effect::Forget => {
                        storage::forget_earlier_results(&q);
                        previous.set(None);
                        storage::keep(&key, None)
                    }
                };
                if !kept {
                    quiz.dispatch(Action::SavingFailed);
                }
            }
        });
    }
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
    let previous = (*previous).clone();
    (quiz, previous)
}
