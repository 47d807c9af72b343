//! What stays around every screen of a quiz: the header with the title and
//! the language switch, a notice, the live region that announces each step,
//! and the footer. The app and the build's prerendered intro
//! (`crate::prerender`) both draw it with this component, so that the intro a
//! visitor sees before the wasm arrives is the one the app then renders.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::language_switch::LanguageSwitch;
use mq_core::model::Questionnaire;

/// Properties of [`Frame`].
#[derive(Clone, PartialEq, Properties)]
pub struct FrameProps {
    /// The questionnaire whose title and languages the header shows.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show.
    pub language: String,
    /// Whether the header repeats the title; the intro's heading is the
    /// title already.
    pub titled: bool,
    /// Called with the language chosen on the switch.
    pub on_language: Callback<String>,
    /// A line above the screen, in the current language.
    #[prop_or_default]
    pub notice: Option<String>,
    /// What the live region says now ("Vraag 3 van 12"), if anything.
    #[prop_or_default]
    pub announcement: Option<String>,
    /// Pressed to delete the saved answers; no footer without it.
    #[prop_or_default]
    pub on_forget: Option<Callback<MouseEvent>>,
    /// The screen.
    pub children: Html,
}

/// The widget's outer box, with `children` as its screen.
#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let language = props.language.as_str();
    let ui = props.questionnaire.words(language);
    let questionnaire = &props.questionnaire;
    html! {
        <div class="mq" lang={props.language.clone()} part="widget">
            <header class="mq-header" part="header">
                if props.titled {
                    <p class="mq-title">{ questionnaire.title.get(language) }</p>
                }
                <LanguageSwitch questionnaire={questionnaire.clone()} current={props.language.clone()}
                    label={ui.language_switch} on_change={props.on_language.clone()} />
            </header>
            if let Some(notice) = &props.notice {
                <p class="mq-notice" role="status" part="notice">{ notice }</p>
            }
            { props.children.clone() }
            // Announces each step politely, also to screen readers whose focus
            // handling skips the legend. Present from the start, as live
            // regions only speak changes.
            <p class="mq-visually-hidden" aria-live="polite">
                if let Some(announcement) = &props.announcement {
                    { announcement }
                }
            </p>
            if let Some(on_forget) = &props.on_forget {
                <footer class="mq-footer" part="footer">
                    <button type="button" class="mq-link-button mq-forget" onclick={on_forget}>
                        { ui.forget }
                    </button>
                </footer>
            }
        </div>
    }
}
