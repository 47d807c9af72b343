//! The widget's face to a page: the [`Widget`] that the `embed.js` loader
//! creates for each `<maturity-quiz>` element, the events it sends its host,
//! and the message that replaces it if it ever panics.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, Node};

use crate::i18n::choose_language;
use crate::model::Questionnaire;
use crate::saved;
use crate::view::{App, AppProps};

/// The tag name of the element a widget is rendered into.
pub const TAG: &str = "maturity-quiz";

/// Runs once when the module is instantiated, before any widget exists.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(show_panic));
}

/// One widget on the page, owned by its `<maturity-quiz>` element.
#[wasm_bindgen]
pub struct Widget {
    app: yew::AppHandle<App>,
    props: AppProps,
}

#[wasm_bindgen]
impl Widget {
    /// Renders the built-in questionnaire into `container` (inside `host`'s
    /// shadow root), in the language `host` asks for.
    #[wasm_bindgen(constructor)]
    pub fn new(host: Element, container: Element) -> Widget {
        thread_local! {
            static BUILT_IN: Rc<Questionnaire> = Rc::new(Questionnaire::built_in());
        }
        mount(host, container, BUILT_IN.with(Rc::clone))
    }

    /// Follows a change of the host's `lang` attribute.
    #[wasm_bindgen(js_name = languageChanged)]
    pub fn language_changed(&mut self) {
        let language = preferred_language(&self.props.host.0, &self.props.questionnaire);
        if language != self.props.language {
            self.props.language = language;
            self.app.update(self.props.clone());
        }
    }
}

/// Mounts a widget for `questionnaire` into `container`; `host` gives its
/// language and receives its events.
pub fn mount(host: Element, container: Element, questionnaire: Rc<Questionnaire>) -> Widget {
    let language = preferred_language(&host, &questionnaire);
    let storage_key = saved::storage_key(&questionnaire, &widget_name(&host));
    let props = AppProps {
        questionnaire,
        language,
        host: Host(host),
        storage_key,
    };
    let app = yew::Renderer::<App>::with_root_and_props(container, props.clone()).render();
    Widget { app, props }
}

/// What tells this widget's saved progress apart from other widgets' on the
/// page: its `id`, or else its position among them.
fn widget_name(host: &Element) -> String {
    if !host.id().is_empty() {
        return host.id();
    }
    let widgets = gloo::utils::document().get_elements_by_tag_name(TAG);
    (0..widgets.length())
        .position(|i| widgets.item(i).as_ref() == Some(host))
        .unwrap_or(0)
        .to_string()
}

/// The element a widget lives in, to which it reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Host(pub Element);

impl Host {
    /// Sends `maturity-quiz:{name}` with `detail` (JSON text) to the host page:
    /// bubbling and composed, so a listener on the document hears it through
    /// the shadow root.
    pub fn emit(&self, name: &str, detail: &str) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&js_sys::JSON::parse(detail).unwrap_or(JsValue::NULL));
        if let Ok(event) = CustomEvent::new_with_event_init_dict(&format!("{TAG}:{name}"), &init) {
            let _ = self.0.dispatch_event(&event);
        }
    }
}

fn preferred_language(host: &Element, questionnaire: &Questionnaire) -> String {
    let page = gloo::utils::document_element().get_attribute("lang");
    let browser = gloo::utils::window().navigator().languages();
    let browser = browser.iter().filter_map(|l| l.as_string());
    let preferences: Vec<String> = host
        .get_attribute("lang")
        .into_iter()
        .chain(page)
        .chain(browser)
        .collect();
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
        // The shadow root keeps its stylesheet, which styles the notice.
        let root: Node = match element.shadow_root() {
            Some(shadow) => shadow.into(),
            None => element.into(),
        };
        let children = root.child_nodes();
        for c in (0..children.length()).rev() {
            if let Some(child) = children.item(c) {
                if child.node_name() != "LINK" {
                    let _ = root.remove_child(&child);
                }
            }
        }
        let _ = root.append_child(&notice);
    }
}
