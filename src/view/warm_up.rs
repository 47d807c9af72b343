//! The result, rendered once out of sight before it is asked for.
//!
//! The first result a page shows used to keep the respondent waiting after
//! "See result" mostly for work done only once: the browser compiles each
//! WebAssembly function on its first call, and the result, with the
//! `complete` event it sends, calls many that no earlier screen did. Doing
//! both for the answers so far, out of sight, in an idle moment while the
//! respondent is still on the last question or the background screen, does
//! that compiling while nobody waits for it. The answers need not be final:
//! the same code runs.

use std::hint::black_box;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

use yew::prelude::*;

use crate::view::app::Peers;
use crate::view::result::ResultScreenProps;
use crate::view::slot::{Shows, Slot};
use crate::web::idle;
use mq_core::events;
use mq_core::model::Questionnaire;
use mq_core::quiz::Quiz;
use mq_core::scoring::Outcome;

/// Whether a widget on this page has warmed the result up already: compiled
/// code serves every widget of the page, so once is enough.
static WARMED: AtomicBool = AtomicBool::new(false);

/// Once per page, when `quiz` first comes near its result, prepares the
/// result of its answers so far, compared with `peers` if loaded, when the
/// browser is idle (see [`warm_up`]).
#[hook]
pub fn use_result_warm_up(questionnaire: &Rc<Questionnaire>, quiz: &Quiz, peers: &Peers) {
    // Built only when needed, once per page: the props copy the answers.
    let wanted = quiz.result_is_near() && !WARMED.load(Ordering::Relaxed);
    let props = wanted.then(|| ResultScreenProps {
        questionnaire: questionnaire.clone(),
        language: quiz.language().to_string(),
        // Never focused, never shared: it only has to run the same code.
        moved: false,
        response: quiz.response(),
        outcome: quiz.outcome().clone(),
        shared: false,
        first_without_level: quiz.first_without_level(),
        on_restart: Callback::noop(),
        on_revisit: Callback::noop(),
        on_group: Callback::noop(),
        share_url: None,
        peers: peers.clone(),
        since: None,
        on_earlier: Callback::noop(),
        // All of it, so that all of its code runs.
        at_once: true,
    });
    use_effect_with(props.is_some(), move |_| {
        if let Some(props) = props {
            if !WARMED.swap(true, Ordering::Relaxed) {
                idle::when_idle(move || warm_up(props));
            }
        }
    });
}

/// Builds the `complete` event's detail for `props` and drops it, renders
/// the result into an element in no document, and parks that at the next
/// idle moment, by when yew has rendered it (right after this task).
fn warm_up(props: ResultScreenProps) {
    if let Outcome::Assessed(assessment) = &props.outcome {
        // Kept, not optimised away: only the call matters.
        black_box(events::completed(
            &props.questionnaire,
            &props.language,
            &props.response,
            assessment,
            props.peers.loaded().map(|benchmark| &**benchmark),
        ));
    }
    // In a parked slot if the page has one: a root of its own would stay
    // for the life of the page (see `slot`).
    if let Some(mut slot) = Slot::parked().or_else(|| idle::detached().map(Slot::new)) {
        slot.start(Shows::WarmUp(props));
        idle::when_idle(move || slot.park());
    }
}
