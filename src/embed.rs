//! Puts a widget into every `<maturity-quiz>` element of the page, and
//! replaces them with a readable message if the widget ever panics.

use std::rc::Rc;

use web_sys::Element;

use crate::i18n::choose_language;
use crate::model::Questionnaire;
use crate::view::{App, AppProps};

/// The tag name of the element a widget is rendered into.
pub const TAG: &str = "maturity-quiz";

/// Mounts a widget in every `<maturity-quiz>` element on the page.
pub fn mount_all() {
    std::panic::set_hook(Box::new(show_panic));
    let questionnaire = Rc::new(Questionnaire::built_in());
    let elements = gloo::utils::document().get_elements_by_tag_name(TAG);
    for i in 0..elements.length() {
        if let Some(element) = elements.item(i) {
            mount(element, questionnaire.clone());
        }
    }
}

/// Mounts one widget for `questionnaire` inside `element`, in the language
/// its `lang` attribute, the page or the browser asks for.
pub fn mount(element: Element, questionnaire: Rc<Questionnaire>) -> yew::AppHandle<App> {
    let language = preferred_language(&element, &questionnaire);
    yew::Renderer::<App>::with_root_and_props(
        element,
        AppProps {
            questionnaire,
            language,
        },
    )
    .render()
}

fn preferred_language(element: &Element, questionnaire: &Questionnaire) -> String {
    let page = gloo::utils::document_element().get_attribute("lang");
    let browser: Vec<String> = gloo::utils::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    let preferences = element
        .get_attribute("lang")
        .into_iter()
        .chain(page)
        .chain(browser);
    let preferences: Vec<String> = preferences.collect();
    choose_language(
        preferences.iter().map(String::as_str),
        &questionnaire.languages,
    )
}

/// Writes the panic where the widgets were, and to the console.
fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
    let detail = info.to_string();
    show_crash(&detail);
    web_sys::console::error_1(&detail.into());
}

/// Replaces every widget on the page with a message in its language, so that
/// a bug leaves a visitor an explanation instead of a blank or frozen area.
/// `detail` is shown small, for whoever reports the bug.
pub fn show_crash(detail: &str) {
    let document = gloo::utils::document();
    let elements = document.get_elements_by_tag_name(TAG);
    for i in 0..elements.length() {
        let Some(element) = elements.item(i) else {
            continue;
        };
        let english = element
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
            .is_some_and(|l| l.starts_with("en"));
        let message = if english {
            "Something went wrong in the questionnaire. Reload the page to start again."
        } else {
            "Er ging iets mis in de vragenlijst. Laad de pagina opnieuw om opnieuw te beginnen."
        };
        let Ok(notice) = document.create_element("div") else {
            continue;
        };
        notice.set_class_name("mq-crash");
        let _ = notice.set_attribute("role", "alert");
        notice.set_text_content(Some(message));
        if let Ok(pre) = document.create_element("pre") {
            pre.set_text_content(Some(detail));
            let _ = notice.append_child(&pre);
        }
        element.set_text_content(None);
        let _ = element.append_child(&notice);
    }
}
