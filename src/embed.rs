//! The widget's face to a page: the [`Widget`] that the `embed.js` loader
//! creates for each `<maturity-quiz>` element, the questionnaire it takes
//! (built in, from the element's `src`, or from an inline JSON script), the
//! events it sends its host, and the message that replaces it if it ever
//! panics.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{DocumentFragment, Element, Node, ShadowRoot};

use crate::i18n::{choose_language, ui_text, widget_language};
use crate::model::{InvalidQuestionnaire, Questionnaire};
use crate::saved;
use crate::view::{AppProps, ProblemsProps, Shows, Slot};
use crate::web::{Host, fetch, page, storage};

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
    /// The element the widget lives in, listed in [`HOSTS`] while it does.
    host: Element,
}

thread_local! {
    /// The elements of the widgets alive on the page, in or outside shadow
    /// roots, which a crash notice replaces: a search of the document would
    /// miss those in other components' shadow roots.
    static HOSTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
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

/// The host's attribute that names a questionnaire of the site owner's.
pub const SOURCE_ATTRIBUTE: &str = "src";

/// The host's child that holds a questionnaire of the site owner's as JSON.
pub const INLINE_SOURCE: &str = r#":scope > script[type="application/json"]"#;

/// The host's attribute and value that make the widget only the group view.
pub const GROUP_MODE: (&str, &str) = ("mode", "group");

/// Where a widget's questionnaire comes from. The loader, which shows the
/// built-in questionnaire's intro before the wasm runs, gets the names above
/// from the build's data (src/prerender.rs) to tell when it will not.
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
        if let Some(src) = host.get_attribute(SOURCE_ATTRIBUTE) {
            return Source::Url(src);
        }
        match host.query_selector(INLINE_SOURCE) {
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
        HOSTS.with(|hosts| {
            let mut hosts = hosts.borrow_mut();
            if let Some(at) = hosts.iter().position(|host| *host == self.host) {
                hosts.swap_remove(at);
            }
        });
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
    /// A widget rendering into `slot`, its host listed among the page's
    /// widgets.
    fn listed(host: Element, slot: Slot) -> Widget {
        HOSTS.with(|hosts| hosts.borrow_mut().push(host.clone()));
        Widget {
            element: slot.root().clone(),
            slot: Rc::new(RefCell::new(Some(slot))),
            host,
        }
    }

    /// Starts a widget for `host` in `slot`.
    fn start(host: Element, mut slot: Slot) -> Widget {
        thread_local! {
            static BUILT_IN: Rc<Questionnaire> = Rc::new(Questionnaire::built_in());
        }
        let owner = host.clone();
        let src = match Source::of(&host) {
            Source::BuiltIn => {
                slot.start(quiz(host, BUILT_IN.with(Rc::clone)));
                None
            }
            Source::Inline(json) => {
                let loaded = Questionnaire::from_json(&json).map_err(Refusal::from);
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
        let widget = Widget::listed(owner, slot);
        if let Some((host, src)) = src {
            let pending = Rc::clone(&widget.slot);
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
                if let Some(slot) = pending.borrow_mut().as_mut() {
                    slot.change(show(host, url.as_deref().unwrap_or(&src), loaded));
                }
            });
        }
        widget
    }
}

/// Mounts a widget for `questionnaire` into `container` (a parked slot's
/// root is put in it); `host` gives its language and receives its events.
pub fn mount(host: Element, container: Element, questionnaire: Rc<Questionnaire>) -> Widget {
    let mut slot = Slot::take(container.clone());
    if *slot.root() != container {
        let _ = container.append_child(slot.root());
    }
    slot.start(quiz(host.clone(), questionnaire));
    Widget::listed(host, slot)
}

/// What a widget shows for `questionnaire`: the quiz, in `host`'s language.
fn quiz(host: Element, questionnaire: Rc<Questionnaire>) -> Shows {
    let language = preferred_language(&host, &questionnaire);
    let place = widget_place(&host);
    let storage_key = saved::storage_key(&questionnaire, &place);
    if let Some(legacy) = saved::legacy_key(&questionnaire, &place) {
        storage::move_legacy(&legacy, &storage_key);
    }
    // A facilitator's page shows only the group view.
    let (attribute, value) = GROUP_MODE;
    let group = host.get_attribute(attribute).as_deref() == Some(value);
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
    let share_url = host.get_attribute("share-url").filter(|value| {
        let valid = page::share_url(value).is_some();
        if !valid {
            web_sys::console::warn_1(
                &format!(
                    "maturity-quiz: share-url=\"{value}\" is not an http or https address; \
                     result links start with the page's address"
                )
                .into(),
            );
        }
        valid
    });
    Shows::Quiz(AppProps {
        questionnaire,
        language,
        host: Host(host),
        storage_key,
        group,
        preset,
        share_url,
    })
}

/// The quiz for a loaded questionnaire, or the problems that kept it from
/// loading (also on the console, for whoever looks there first).
fn show(host: Element, source: &str, loaded: Result<Questionnaire, Refusal>) -> Shows {
    match loaded {
        Ok(questionnaire) => quiz(host, Rc::new(questionnaire)),
        Err(Refusal { problems, omitted }) => {
            web_sys::console::error_1(
                &format!("maturity-quiz: {source}:\n{}", problems.join("\n")).into(),
            );
            Shows::Problems(ProblemsProps {
                language: host_language(&host),
                source: source.to_string(),
                problems,
                omitted,
            })
        }
    }
}

/// Where `host` sits, as far as its saved progress goes (see
/// [`saved::storage_key`]): its place among the widgets of its own root,
/// and, in a shadow root, the place of each shadow host around it, so that
/// widgets in two components' shadow roots never share progress.
fn widget_place(host: &Element) -> saved::WidgetPlace {
    let own = place(host);
    let mut hosts = Vec::new();
    let mut root = host.get_root_node();
    while let Some(shadow) = root.dyn_ref::<ShadowRoot>() {
        let outer = shadow.host();
        hosts.push((outer.local_name(), place(&outer)));
        root = outer.get_root_node();
    }
    hosts.reverse();
    saved::WidgetPlace { hosts, own }
}

/// `element`'s `id`, or else its position among the elements of its tag in
/// its own root (the document, or the shadow root it is in).
fn place(element: &Element) -> saved::Place {
    if !element.id().is_empty() {
        return saved::Place::Id(element.id());
    }
    // A document and a shadow root both answer querySelectorAll, which
    // web-sys binds once per type: one binding serves both. A tag that is no
    // CSS selector (a custom element name with a `.`) counts as the first.
    let root = element.get_root_node();
    let same = root
        .unchecked_ref::<DocumentFragment>()
        .query_selector_all(&element.local_name());
    let position = same.ok().and_then(|same| {
        (0..same.length()).position(|i| {
            same.item(i).is_some_and(|node| {
                AsRef::<JsValue>::as_ref(&node) == AsRef::<JsValue>::as_ref(element)
            })
        })
    });
    saved::Place::Position(position.unwrap_or(0))
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
    // A panic while the list itself is borrowed leaves it alone.
    let elements = HOSTS.with(|hosts| hosts.try_borrow().map(|h| h.clone()).unwrap_or_default());
    for element in elements {
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
