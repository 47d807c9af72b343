//! The widget's face to a page: the [`Widget`] that the `embed.js` loader
//! creates for each `<maturity-quiz>` element, the questionnaire it takes
//! (built in, from the element's `src`, or from an inline JSON script), the
//! events it sends its host, and the message that replaces it if it ever
//! panics.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, Node};

use crate::i18n::{choose_language, ui_text, widget_language};
use crate::model::{InvalidQuestionnaire, Questionnaire};
use crate::saved;
use crate::view::{App, AppProps, Problems, ProblemsProps};
use crate::web::host::TAG;
use crate::web::{Host, fetch};

/// Runs once when the module is instantiated, before any widget exists.
#[wasm_bindgen(start)]
pub fn start() {
    // Through yew: its first render would otherwise put its own hook (a
    // console message only) in place of this one.
    yew::set_custom_panic_hook(Box::new(show_panic));
}

/// One widget on the page, owned by its `<maturity-quiz>` element.
#[wasm_bindgen]
pub struct Widget {
    /// Shared with the fetch of a `src` questionnaire, which fills it in.
    shown: Rc<RefCell<Shown>>,
}

/// What a widget shows in its container.
enum Shown {
    /// The questionnaire is still being fetched.
    Loading,
    /// The quiz.
    Quiz {
        app: yew::AppHandle<App>,
        props: AppProps,
    },
    /// Why the questionnaire cannot be used.
    Problems { app: yew::AppHandle<Problems> },
    /// Destroyed: the element left the page. A `src` fetch that ends after
    /// this mounts nothing.
    Gone,
}

/// Why a questionnaire is not shown: its problems as the checker words them,
/// and how many more there are than it lists.
struct Refusal {
    problems: Vec<String>,
    omitted: usize,
}

impl From<InvalidQuestionnaire> for Refusal {
    fn from(invalid: InvalidQuestionnaire) -> Refusal {
        Refusal {
            problems: invalid.problems().to_vec(),
            omitted: invalid.omitted(),
        }
    }
}

/// Where a widget's questionnaire comes from.
enum Source {
    /// The element's `src` attribute, as written.
    Url(String),
    /// The text of a `<script type="application/json">` child.
    Inline(String),
    /// Neither: the built-in Social Maturity Model.
    BuiltIn,
}

impl Source {
    /// `src` wins over an inline script; either wins over the built-in one.
    fn of(host: &Element) -> Source {
        if let Some(src) = host.get_attribute("src") {
            return Source::Url(src);
        }
        match host.query_selector(r#":scope > script[type="application/json"]"#) {
            Ok(Some(script)) => Source::Inline(script.text_content().unwrap_or_default()),
            _ => Source::BuiltIn,
        }
    }
}

#[wasm_bindgen]
impl Widget {
    /// Renders the element's questionnaire into `container` (inside `host`'s
    /// shadow root), in the language `host` asks for: the built-in one, or a
    /// site owner's from `host`'s `src` attribute or inline JSON script. A
    /// questionnaire that cannot be loaded or is invalid shows its problems
    /// instead.
    #[wasm_bindgen(constructor)]
    pub fn new(host: Element, container: Element) -> Widget {
        thread_local! {
            static BUILT_IN: Rc<Questionnaire> = Rc::new(Questionnaire::built_in());
        }
        let shown = match Source::of(&host) {
            Source::BuiltIn => quiz(host, container, BUILT_IN.with(Rc::clone)),
            Source::Inline(json) => show(
                host,
                container,
                "the inline <script type=\"application/json\">",
                Questionnaire::from_json(&json).map_err(Refusal::from),
            ),
            Source::Url(src) => {
                let shown = Rc::new(RefCell::new(Shown::Loading));
                show_loading(&host, &container);
                let pending = Rc::clone(&shown);
                spawn_local(async move {
                    let url = fetch::resolve(&src);
                    let loaded = match &url {
                        Ok(url) => fetch::questionnaire(url).await,
                        Err(reason) => Err(reason.clone()),
                    }
                    .map_err(|reason| Refusal {
                        problems: vec![format!("could not load {src}: {reason}")],
                        omitted: 0,
                    })
                    .and_then(|json| Questionnaire::from_json(&json).map_err(Refusal::from));
                    if matches!(*pending.borrow(), Shown::Gone) {
                        return;
                    }
                    let source = url.as_deref().unwrap_or(&src);
                    let shown = show(host, container, source, loaded);
                    *pending.borrow_mut() = shown;
                });
                return Widget { shown };
            }
        };
        Widget {
            shown: Rc::new(RefCell::new(shown)),
        }
    }

    /// Unmounts the widget: its yew app ends, and with it every listener
    /// and closure the app holds (such as its `hashchange` listener). The
    /// loader calls this once the element has left the page for good, not
    /// while it is moved. Its progress is saved as each answer is given, so
    /// nothing is lost; a new widget on the same element resumes from it.
    pub fn destroy(self) {
        let shown = std::mem::replace(&mut *self.shown.borrow_mut(), Shown::Gone);
        match shown {
            Shown::Quiz { app, .. } => app.destroy(),
            Shown::Problems { app } => app.destroy(),
            Shown::Loading | Shown::Gone => {}
        }
    }

    /// Follows a change of the host's `lang` attribute.
    #[wasm_bindgen(js_name = languageChanged)]
    pub fn language_changed(&mut self) {
        if let Shown::Quiz { app, props } = &mut *self.shown.borrow_mut() {
            let language = preferred_language(&props.host.0, &props.questionnaire);
            if language != props.language {
                props.language = language;
                app.update(props.clone());
            }
        }
    }
}

/// Mounts a widget for `questionnaire` into `container`; `host` gives its
/// language and receives its events.
pub fn mount(host: Element, container: Element, questionnaire: Rc<Questionnaire>) -> Widget {
    Widget {
        shown: Rc::new(RefCell::new(quiz(host, container, questionnaire))),
    }
}

fn quiz(host: Element, container: Element, questionnaire: Rc<Questionnaire>) -> Shown {
    let language = preferred_language(&host, &questionnaire);
    let storage_key = saved::storage_key(&questionnaire, &widget_name(&host));
    // A facilitator's page shows only the group view.
    let group = host.get_attribute("mode").as_deref() == Some("group");
    let attributes: Vec<(String, String)> = host
        .get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter_map(|name| {
            let value = host.get_attribute(&name)?;
            Some((name, value))
        })
        .collect();
    let (preset, problems) = questionnaire.preset(
        attributes
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str())),
    );
    for problem in problems {
        web_sys::console::warn_1(&format!("maturity-quiz: {problem}").into());
    }
    let props = AppProps {
        questionnaire,
        language,
        host: Host(host),
        storage_key,
        group,
        preset,
    };
    let app = yew::Renderer::<App>::with_root_and_props(container, props.clone()).render();
    Shown::Quiz { app, props }
}

/// Shows the quiz for a loaded questionnaire, or the problems that kept it
/// from loading (also on the console, for whoever looks there first).
fn show(
    host: Element,
    container: Element,
    source: &str,
    loaded: Result<Questionnaire, Refusal>,
) -> Shown {
    // Whatever stood in for the widget while it loaded goes.
    container.set_text_content(None);
    match loaded {
        Ok(questionnaire) => quiz(host, container, Rc::new(questionnaire)),
        Err(Refusal { problems, omitted }) => {
            web_sys::console::error_1(
                &format!("maturity-quiz: {source}:\n{}", problems.join("\n")).into(),
            );
            let props = ProblemsProps {
                language: host_language(&host),
                source: source.to_string(),
                problems,
                omitted,
            };
            Shown::Problems {
                app: yew::Renderer::<Problems>::with_root_and_props(container, props).render(),
            }
        }
    }
}

/// A short line in `container` while the questionnaire is fetched, so the
/// widget is never a blank box.
fn show_loading(host: &Element, container: &Element) {
    let Ok(line) = gloo::utils::document().create_element("p") else {
        return;
    };
    line.set_class_name("mq-loading");
    let _ = line.set_attribute("role", "status");
    line.set_text_content(Some(ui_text(&host_language(host)).loading));
    let _ = container.append_child(&line);
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
        let message = ui_text(&host_language(&element)).crash;
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

/// The language of the nearest `lang` around `element` (its own included)
/// among the widget's own: for the few words shown before a questionnaire
/// gives the languages.
fn host_language(element: &Element) -> String {
    let lang = element
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    widget_language([lang.as_str()])
}
