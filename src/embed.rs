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

/// Replaces every widget on the page with a message, so that a bug leaves a
/// visitor an explanation instead of a blank or frozen area.
fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
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
        let Ok(box_) = document.create_element("div") else {
            continue;
        };
        box_.set_class_name("mq-crash");
        let _ = box_.set_attribute("role", "alert");
        box_.set_text_content(Some(message));
        if let Ok(detail) = document.create_element("pre") {
            detail.set_text_content(Some(&info.to_string()));
            let _ = box_.append_child(&detail);
        }
        element.set_text_content(None);
        let _ = element.append_child(&box_);
    }
    web_sys::console::error_1(&info.to_string().into());
}
