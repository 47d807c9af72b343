//! The built-in questionnaire's intro as data the loader turns into elements
//! before the wasm has arrived, and the widget's rules the loader applies
//! until then, made at build time (`src/bin/prerender.rs`, run by
//! `scripts/bundle-loader.sh`).
//!
//! The markup comes from the widget's own components, [`Frame`] around
//! [`Intro`], through yew's server renderer, so it cannot drift from what
//! the app renders. The loader may not parse markup (no `innerHTML`: a page
//! enforcing Trusted Types refuses it), so the markup is read back here with
//! a real HTML parser into a [`Node`] tree of plain JSON that
//! `document.createElement` rebuilds: an element is
//! `["tag", ["name", "value", …], …children]`, a text is a string.
//!
//! Native only, behind the `prerender` feature: the wasm carries none of it.

use std::collections::BTreeMap;
use std::rc::Rc;

use scraper::Html as Parsed;
use serde::Serialize;
use serde_json::{Value, json};
use yew::prelude::*;

use mq_core::exchange::link::{GROUP_FRAGMENT, RESULT_PARAMETER};
use mq_core::i18n::{choose_language, ui_text, widget_languages};
use mq_core::model::Questionnaire;
use mq_core::saved;

use crate::view::{Frame, Intro};
use crate::web::host::{GROUP_MODE, INLINE_SOURCE, SOURCE_ATTRIBUTE, TAG};

/// Properties of [`Opening`].
#[derive(Clone, PartialEq, Properties)]
struct OpeningProps {
    questionnaire: Rc<Questionnaire>,
    language: String,
}

/// The first screen of a fresh quiz, as the app renders it: no title in the
/// header, no notice, nothing announced, no footer.
#[component]
fn Opening(props: &OpeningProps) -> Html {
    html! {
        <Frame questionnaire={props.questionnaire.clone()} language={props.language.clone()}
            titled={false} on_language={Callback::noop()}>
            <Intro questionnaire={props.questionnaire.clone()} language={props.language.clone()}
                moved={false} on_start={Callback::noop()} />
        </Frame>
    }
}

/// The intro of `questionnaire` in `language` as yew's server renderer
/// writes it, without hydration markers.
pub fn markup(questionnaire: &Rc<Questionnaire>, language: &str) -> String {
    let props = OpeningProps {
        questionnaire: Rc::clone(questionnaire),
        language: language.to_string(),
    };
    futures::executor::block_on(
        yew::LocalServerRenderer::<Opening>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// One node of the tree the loader builds.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Node {
    /// A text node.
    Text(String),
    /// An element: its tag, its attributes as name, value, name, value… in
    /// document order, and its children.
    Element(Element),
}

/// An element of the tree, serialized as `[tag, attributes, …children]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    /// The tag name, lower case.
    pub tag: String,
    /// Name and value of each attribute, in document order.
    pub attributes: Vec<(String, String)>,
    /// What it holds.
    pub children: Vec<Node>,
}

impl Serialize for Element {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let attributes: Vec<&str> = self
            .attributes
            .iter()
            .flat_map(|(name, value)| [name.as_str(), value.as_str()])
            .collect();
        let mut items = vec![json!(self.tag), json!(attributes)];
        items.extend(self.children.iter().map(|child| json!(child)));
        items.serialize(serializer)
    }
}

/// The elements the loader may create from data: text structure and the
/// controls the intro has. Anything else is refused, so that a component
/// that one day renders an image, a form or a script makes the build fail
/// rather than the loader create it.
/// `slot` is where the host page's own privacy line shows: it holds the
/// page's markup, never the loader's.
const ALLOWED_TAGS: &[&str] = &[
    "abbr", "b", "br", "button", "code", "details", "div", "em", "footer", "h1", "h2", "h3",
    "header", "li", "nav", "ol", "p", "section", "slot", "small", "span", "strong", "summary",
    "ul",
];

/// The attributes the loader may set from data: none of them loads, runs
/// or styles anything (`aria-*` and `data-*` are allowed by prefix; `name`
/// is a slot's).
const ALLOWED_ATTRIBUTES: &[&str] = &[
    "class", "dir", "hidden", "id", "lang", "name", "part", "role", "tabindex", "title", "type",
];

fn allowed_attribute(name: &str) -> bool {
    ALLOWED_ATTRIBUTES.contains(&name)
        || name
            .strip_prefix("aria-")
            .is_some_and(|rest| !rest.is_empty())
        || name
            .strip_prefix("data-")
            .is_some_and(|rest| !rest.is_empty())
}

/// The one element `markup` holds, as a tree, or what makes it unfit for the
/// loader: anything but one element at the top, a tag not in
/// [`ALLOWED_TAGS`] or an attribute not allowed by [`allowed_attribute`]
/// (an event handler, an inline style, a URL). The loader sets attributes
/// with `setAttribute`, which a strict CSP or Trusted Types would block for
/// those.
pub fn tree(markup: &str) -> Result<Node, String> {
    let parsed = Parsed::parse_fragment(markup);
    let mut top = parsed
        .root_element()
        .children()
        .map(node)
        .collect::<Result<Vec<_>, _>>()?;
    match (top.pop(), top.is_empty()) {
        (Some(only @ Node::Element(_)), true) => Ok(only),
        _ => Err("the markup must be exactly one element".to_string()),
    }
}

fn node(reference: ego_tree::NodeRef<'_, scraper::Node>) -> Result<Node, String> {
    match reference.value() {
        scraper::Node::Text(text) => Ok(Node::Text(text.to_string())),
        scraper::Node::Element(element) => {
            let tag = element.name().to_string();
            if !ALLOWED_TAGS.contains(&tag.as_str()) {
                return Err(format!("<{tag}> is not allowed in the prerendered intro"));
            }
            let attributes = element
                .attrs()
                .map(|(name, value)| {
                    if !allowed_attribute(name) {
                        Err(format!(
                            "<{tag} {name}> is not allowed in the prerendered intro"
                        ))
                    } else {
                        Ok((name.to_string(), value.to_string()))
                    }
                })
                .collect::<Result<_, _>>()?;
            let children = reference.children().map(node).collect::<Result<_, _>>()?;
            Ok(Node::Element(Element {
                tag,
                attributes,
                children,
            }))
        }
        other => Err(format!("unexpected {other:?} in the prerendered intro")),
    }
}

/// How the loader picks a language among `available` before the wasm runs:
/// [`choose_language`]'s rule as two tables and a fallback, so that the
/// loader (loader/language.js) only looks tags up and never repeats the
/// rule. A tag, trimmed, in ASCII lower case and with `_` read as `-` (the
/// [`key`]), is looked up whole in `exact`, else its primary subtag in
/// `primary`; the first of the visitor's tags found wins; when none is,
/// `fallback`. tests/prerender.rs runs the loader's lookup against
/// [`choose_language`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LanguageTable {
    /// What [`choose_language`] picks when no tag fits.
    pub fallback: String,
    /// Each available language by its key.
    pub exact: BTreeMap<String, String>,
    /// The first available language of each primary subtag, by its key.
    pub primary: BTreeMap<String, String>,
}

impl LanguageTable {
    /// The table of `available`, in their order (the first of a primary
    /// subtag is the one [`choose_language`] finds).
    pub fn of(available: &[String]) -> LanguageTable {
        let mut exact = BTreeMap::new();
        let mut primary = BTreeMap::new();
        for language in available {
            let whole = key(language);
            let subtag = whole.split('-').next().unwrap_or_default().to_string();
            exact.entry(whole).or_insert_with(|| language.clone());
            primary.entry(subtag).or_insert_with(|| language.clone());
        }
        LanguageTable {
            fallback: choose_language([], available),
            exact,
            primary,
        }
    }
}

/// `tag` as [`choose_language`] compares it: trimmed, ASCII case and `-`
/// against `_` ignored.
fn key(tag: &str) -> String {
    tag.trim().to_ascii_lowercase().replace('_', "-")
}

/// Everything the loader needs to show the built-in questionnaire's intro
/// before the wasm arrives, and the few words it shows on its own; the
/// loader imports it as a module (scripts/bundle-loader.sh writes it), and
/// holds none of these rules itself:
///
/// - `tag`: the element's name ([`TAG`]);
/// - `languages`: the questionnaire's [`LanguageTable`];
/// - `intro`: the [`tree`] of the intro per language;
/// - `intro_unless`: what makes the widget open on another screen: an
///   attribute or inline script with another questionnaire
///   ([`SOURCE_ATTRIBUTE`], [`INLINE_SOURCE`]), the group view by
///   attribute ([`GROUP_MODE`]) or fragment ([`GROUP_FRAGMENT`]), a result
///   in the fragment ([`RESULT_PARAMETER`]), or saved progress: any storage
///   key that starts with `storage`;
/// - `texts`: the loader's own words, `loading` and `load_failed`, in each
///   language of the widget's words, and the [`LanguageTable`] of those.
pub fn loader_data(questionnaire: &Rc<Questionnaire>) -> Result<Value, String> {
    let mut intro = serde_json::Map::new();
    for language in &questionnaire.languages {
        let node = tree(&markup(questionnaire, language))
            .map_err(|problem| format!("the intro in \"{language}\": {problem}"))?;
        intro.insert(language.clone(), json!(node));
    }
    let codes: Vec<String> = widget_languages().map(str::to_string).collect();
    let words: serde_json::Map<String, Value> = codes
        .iter()
        .map(|code| {
            let ui = ui_text(code);
            let words = json!({ "loading": ui.loading, "load_failed": ui.load_failed });
            (code.clone(), words)
        })
        .collect();
    let (mode_attribute, mode_value) = GROUP_MODE;
    Ok(json!({
        "tag": TAG,
        "languages": LanguageTable::of(&questionnaire.languages),
        "intro": intro,
        "intro_unless": {
            "source_attribute": SOURCE_ATTRIBUTE,
            "inline_source": INLINE_SOURCE,
            "group_mode": [mode_attribute, mode_value],
            "group_fragment": GROUP_FRAGMENT,
            "result_parameter": RESULT_PARAMETER,
            "storage": saved::version_prefix(questionnaire),
        },
        "texts": { "languages": LanguageTable::of(&codes), "words": words },
    }))
}
