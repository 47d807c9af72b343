//! The widget's face to a page: the [`Widget`] that the `embed.js` loader
//! creates for each `<maturity-quiz>` element, the questionnaire it takes
//! (built in, from the element's `src`, or from an inline JSON script), the
//! events it sends its host, and the message that replaces it if it ever
//! panics.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{Element, Node, Response};

use crate::i18n::{choose_language, ui_text, widget_language};
use crate::model::Questionnaire;
use crate::saved;
use crate::view::{AppProps, ProblemsProps, Shows, Slot};
use crate::web::Host;
use crate::web::host::TAG;

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
    /// Where it renders; shared with the fetch of a `src` questionnaire,
    /// which fills it in. `None` once destroyed: a fetch that ends after
    /// that shows nothing.
    slot: Rc<RefCell<Option<Slot>>>,
    /// The slot's root, which the loader puts on the page.
    element: Element,
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
    /// Renders the element's questionnaire, in the language `host` asks
    /// for: the built-in one, or a site owner's from `host`'s `src`
    /// attribute or inline JSON script. A questionnaire that cannot be
    /// loaded or is invalid shows its problems instead. It renders into the
    /// root an ended widget of the page left (see [`Slot`]), else into
    /// `container`; [`Widget::element`] says which, for the loader to show.
    #[wasm_bindgen(constructor)]
    pub fn new(host: Element, container: Element) -> Widget {
        Widget::start(host, Slot::take(container))
    }

    /// The element the widget renders into, which its first render fills a
    /// microtask after [`Widget::new`].
    #[wasm_bindgen(getter)]
    pub fn element(&self) -> Element {
        self.element.clone()
    }

    /// Ends the widget: its components go, and with them every listener and
    /// closure they hold (such as its `hashchange` listener), and its root
    /// leaves the element, kept for the page's next widget (see [`Slot`]).
    /// The loader calls this once the element has left the page for good,
    /// not while it is moved. Its progress is saved as each answer is given,
    /// so nothing is lost; a new widget on the same element resumes from it.
    pub fn destroy(self) {
        if let Some(slot) = self.slot.borrow_mut().take() {
            slot.park();
        }
    }

    /// Follows a change of the host's `lang` attribute.
    #[wasm_bindgen(js_name = languageChanged)]
    pub fn language_changed(&mut self) {
        let mut slot = self.slot.borrow_mut();
        let Some(slot) = slot.as_mut() else {
            return;
        };
        if let Shows::Quiz(props) = slot.shows() {
            let language = preferred_language(&props.host.0, &props.questionnaire);
            if language != props.language {
                let props = AppProps {
                    language,
                    ..props.clone()
                };
                slot.change(Shows::Quiz(props));
            }
        }
    }
}

impl Widget {
    /// Starts a widget for `host` in `slot`.
    fn start(host: Element, mut slot: Slot) -> Widget {
        thread_local! {
            static BUILT_IN: Rc<Questionnaire> = Rc::new(Questionnaire::built_in());
        }
        let element = slot.root().clone();
        let src = match Source::of(&host) {
            Source::BuiltIn => {
                slot.start(quiz(host, BUILT_IN.with(Rc::clone)));
                None
            }
            Source::Inline(json) => {
                let loaded =
                    Questionnaire::from_json(&json).map_err(|invalid| invalid.problems().to_vec());
                slot.start(show(
                    host,
                    "the inline <script type=\"application/json\">",
                    loaded,
                ));
                None
            }
            Source::Url(src) => {
                // Never a blank box while the questionnaire is fetched.
                slot.start(Shows::Loading(host_language(&host)));
                Some((host, src))
            }
        };
        let slot = Rc::new(RefCell::new(Some(slot)));
        if let Some((host, src)) = src {
            let pending = Rc::clone(&slot);
            spawn_local(async move {
                let url = resolve(&src);
                let loaded = match &url {
                    Ok(url) => fetch_text(url).await,
                    Err(reason) => Err(reason.clone()),
                }
                .map_err(|reason| vec![format!("could not load {src}: {reason}")])
                .and_then(|json| {
                    Questionnaire::from_json(&json).map_err(|invalid| invalid.problems().to_vec())
                });
                if let Some(slot) = pending.borrow_mut().as_mut() {
                    slot.change(show(host, url.as_deref().unwrap_or(&src), loaded));
                }
            });
        }
        Widget { slot, element }
    }
}

/// Mounts a widget for `questionnaire` into `container` (a parked slot's
/// root is put in it); `host` gives its language and receives its events.
pub fn mount(host: Element, container: Element, questionnaire: Rc<Questionnaire>) -> Widget {
    let mut slot = Slot::take(container.clone());
    if *slot.root() != container {
        let _ = container.append_child(slot.root());
    }
    slot.start(quiz(host, questionnaire));
    Widget {
        element: slot.root().clone(),
        slot: Rc::new(RefCell::new(Some(slot))),
    }
}

/// What a widget shows for `questionnaire`: the quiz, in `host`'s language.
fn quiz(host: Element, questionnaire: Rc<Questionnaire>) -> Shows {
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
    Shows::Quiz(AppProps {
        questionnaire,
        language,
        host: Host(host),
        storage_key,
        group,
        preset,
    })
}

/// The quiz for a loaded questionnaire, or the problems that kept it from
/// loading (also on the console, for whoever looks there first).
fn show(host: Element, source: &str, loaded: Result<Questionnaire, Vec<String>>) -> Shows {
    match loaded {
        Ok(questionnaire) => quiz(host, Rc::new(questionnaire)),
        Err(problems) => {
            web_sys::console::error_1(
                &format!("maturity-quiz: {source}:\n{}", problems.join("\n")).into(),
            );
            Shows::Problems(ProblemsProps {
                language: host_language(&host),
                source: source.to_string(),
                problems,
            })
        }
    }
}

/// `src` as an absolute URL, resolved against the page's base URL.
fn resolve(src: &str) -> Result<String, String> {
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    web_sys::Url::new_with_base(src, &base)
        .map(|url| url.href())
        .map_err(|_| "not a valid URL".to_string())
}

/// The body of `url` as text, or why there is none: the network error or
/// the HTTP status.
async fn fetch_text(url: &str) -> Result<String, String> {
    let response: Response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .map_err(|error| {
            // The browser tells a script no more than "Failed to fetch".
            format!(
                "{} (offline, no such server, or no Access-Control-Allow-Origin header)",
                describe(&error)
            )
        })?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|error| describe(&error))?;
    JsFuture::from(text)
        .await
        .map_err(|error| describe(&error))?
        .as_string()
        .ok_or_else(|| "the response is not text".to_string())
}

/// A JavaScript error's message.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an unknown error".to_string())
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
