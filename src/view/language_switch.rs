//! The visible language switch, usable at any step without losing answers.

use std::rc::Rc;

use yew::prelude::*;

use crate::web::intl::autonym;
use mq_core::model::Questionnaire;

/// Properties of [`LanguageSwitch`].
#[derive(Clone, PartialEq, Properties)]
pub struct LanguageSwitchProps {
    /// The questionnaire, whose languages the switch offers in its order,
    /// each named by its own words or by the browser.
    pub questionnaire: Rc<Questionnaire>,
    /// The language shown now.
    pub current: String,
    /// The accessible name of the switch, in the current language.
    pub label: String,
    /// Called with the chosen language code.
    pub on_change: Callback<String>,
}

/// One button per language, each named in its own language.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let q = &props.questionnaire;
    if q.languages.len() < 2 {
        return html! {};
    }
    let buttons = q.languages.iter().map(|code| {
        let pick = code.clone();
        html! {
            <button type="button" class="mq-language-option" lang={code.clone()}
                aria-pressed={(*code == props.current).to_string()}
                onclick={props.on_change.reform(move |_: MouseEvent| pick.clone())}>
                { q.language_name(code, autonym) }
            </button>
        }
    });
    html! {
        <nav class="mq-language" aria-label={props.label.clone()} part="language">
            { for buttons }
        </nav>
    }
}
