//! The group overview in the respondent's build (issue 24): a line saying
//! it loads, while the loader fetches the facilitator's build and hands the
//! widget over to it.
//!
//! Respondents make up nearly every visit, and the group view with its
//! readers, segments and benchmark export is a tenth of the wasm
//! (BENCHMARKS.md). So the build every page loads leaves it out, and the
//! facilitator's build, which has it, opens where this one left off: the
//! progress is in storage already, and the loader asks it to open on the
//! group overview, with its way back.

use std::rc::Rc;

use yew::prelude::*;

use mq_core::model::Questionnaire;

/// Properties of [`HandOver`].
#[derive(Clone, PartialEq, Properties)]
pub struct HandOverProps {
    /// The questionnaire, whose words (or the widget's) say the line.
    pub questionnaire: Rc<Questionnaire>,
    /// The language of the line.
    pub language: String,
    /// The loader's function that loads the facilitator's build and puts it
    /// in this widget's place.
    pub hand_over: Option<js_sys::Function>,
}

/// The group overview's loading line; asks the loader, once, for the build
/// that has the overview.
#[component]
pub fn HandOver(props: &HandOverProps) -> Html {
    let hand_over = props.hand_over.clone();
    use_effect_with((), move |_| {
        // Called after this render, never during one: the loader ends this
        // widget once the other has rendered.
        if let Some(hand_over) = hand_over {
            let _ = hand_over.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    html! {
        <p class="mq-loading" role="status">{ props.questionnaire.words(&props.language).group_loading }</p>
    }
}
