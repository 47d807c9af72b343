//! The element a widget lives in: what it asks for (its attributes, its
//! inline questionnaire, its language), where it sits on the page, and the
//! events the widget sends the host page through it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, DocumentFragment, Element, ShadowRoot};

use mq_core::i18n::{choose_language, widget_language};
use mq_core::model::Questionnaire;
use mq_core::saved::{Place, WidgetPlace};

/// The tag name of the element a widget is rendered into; its events are
/// named `maturity-quiz:…` after it.
pub const TAG: &str = "maturity-quiz";

/// The element a widget lives in, to which it reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Host(pub Element);

/// The host's attribute that names a questionnaire of the site owner's.
pub const SOURCE_ATTRIBUTE: &str = "src";

/// The host's child that holds a questionnaire of the site owner's as JSON
/// (any JSON script but a benchmark).
pub const INLINE_SOURCE: &str = r#":scope > script[type="application/json"]:not([data-benchmark])"#;

/// The host's attribute that names a benchmark file (a poll's aggregates,
/// `docs/benchmark-format.md`).
pub const BENCHMARK_ATTRIBUTE: &str = "benchmark";

/// The host's child that holds a benchmark as JSON.
pub const INLINE_BENCHMARK: &str = r#":scope > script[type="application/json"][data-benchmark]"#;

/// The host's attribute and value that make the widget only the group view.
pub const GROUP_MODE: (&str, &str) = ("mode", "group");

/// Where a widget's questionnaire comes from. The loader, which shows the
/// built-in questionnaire's intro before the wasm runs, gets the names above
/// from the build's data (src/prerender.rs) to tell when it will not.
pub enum Source {
    /// The element's `src` attribute, as written.
    Url(String),
    /// The text of a `<script type="application/json">` child.
    Inline(String),
    /// Neither: the built-in Social Maturity Model.
    BuiltIn,
}

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

    /// The value of the element's attribute `name`, if it has one.
    pub fn attribute(&self, name: &str) -> Option<String> {
        self.0.get_attribute(name)
    }

    /// Every attribute of the element, by name, in the element's order.
    pub fn attributes(&self) -> Vec<(String, String)> {
        self.0
            .get_attribute_names()
            .iter()
            .filter_map(|name| name.as_string())
            .filter_map(|name| {
                let value = self.0.get_attribute(&name)?;
                Some((name, value))
            })
            .collect()
    }

    /// Where the questionnaire comes from: `src` wins over an inline
    /// script; either wins over the built-in one.
    pub fn source(&self) -> Source {
        if let Some(src) = self.0.get_attribute(SOURCE_ATTRIBUTE) {
            return Source::Url(src);
        }
        match self.0.query_selector(INLINE_SOURCE) {
            Ok(Some(script)) => Source::Inline(script.text_content().unwrap_or_default()),
            _ => Source::BuiltIn,
        }
    }

    /// Where the benchmark comes from, if the element names one: its
    /// `benchmark` attribute wins over an inline benchmark script.
    pub fn benchmark(&self) -> Option<Source> {
        if let Some(url) = self.0.get_attribute(BENCHMARK_ATTRIBUTE) {
            return Some(Source::Url(url));
        }
        match self.0.query_selector(INLINE_BENCHMARK) {
            Ok(Some(script)) => Some(Source::Inline(script.text_content().unwrap_or_default())),
            _ => None,
        }
    }

    /// Where the element sits, as far as its saved progress goes (see
    /// [`mq_core::saved::storage_key`]): its place among the widgets of its
    /// own root, and, in a shadow root, the place of each shadow host around
    /// it, so that widgets in two components' shadow roots never share
    /// progress.
    pub fn place(&self) -> WidgetPlace {
        let own = place(&self.0);
        let mut hosts = Vec::new();
        let mut root = self.0.get_root_node();
        while let Some(shadow) = root.dyn_ref::<ShadowRoot>() {
            let outer = shadow.host();
            hosts.push((outer.local_name(), place(&outer)));
            root = outer.get_root_node();
        }
        hosts.reverse();
        WidgetPlace { hosts, own }
    }

    /// The language to show `questionnaire` in: the first of the element's
    /// `lang`, the page's and the browser's languages that it speaks.
    pub fn preferred_language(&self, questionnaire: &Questionnaire) -> String {
        let page = gloo::utils::document_element().get_attribute("lang");
        let browser = gloo::utils::window().navigator().languages();
        let browser = browser.iter().filter_map(|l| l.as_string());
        let preferences: Vec<String> = self
            .0
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

    /// The language of the nearest `lang` around the element (its own
    /// included) among the widget's own: for the few words shown before a
    /// questionnaire gives the languages.
    pub fn language(&self) -> String {
        let lang = self
            .0
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default();
        widget_language([lang.as_str()])
    }
}

/// `element`'s `id`, or else its position among the elements of its tag in
/// its own root (the document, or the shadow root it is in).
fn place(element: &Element) -> Place {
    if !element.id().is_empty() {
        return Place::Id(element.id());
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
    Place::Position(position.unwrap_or(0))
}
