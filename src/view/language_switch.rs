//! The visible language switch, usable at any step without losing answers.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::i18n::language_name;

/// Properties of [`LanguageSwitch`].
#[derive(Clone, PartialEq, Properties)]
pub struct LanguageSwitchProps {
    /// The questionnaire's languages, in its order.
    pub languages: Vec<String>,
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
    if props.languages.len() < 2 {
        return html! {};
    }
    let buttons = props.languages.iter().map(|code| {
        let pick = code.clone();
        html! {
            <button type="button" class="mq-language-option" lang={code.clone()}
                aria-pressed={(*code == props.current).to_string()}
                onclick={props.on_change.reform(move |_: MouseEvent| pick.clone())}>
                { language_name(code, autonym) }
            </button>
        }
    });
    html! {
        <nav class="mq-language" aria-label={props.label.clone()} part="language">
            { for buttons }
        </nav>
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;

    // Both throw a RangeError for a code that is not a language tag, and the
    // constructor a TypeError where the browser lacks it: `catch` turns
    // those into `Err`.
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &str, options: &JsValue) -> Result<DisplayNames, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &DisplayNames) -> JsValue;
}

/// `code` named in itself by the browser's `Intl.DisplayNames`, or `None`
/// when the browser does not know the language, or knows it only in another
/// one (it then falls back to its own locale, whose name would be wrong here).
fn autonym(code: &str) -> Option<String> {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| js_sys::Reflect::set(&options, &key.into(), &value.into());
    set("type", "language").ok()?;
    set("fallback", "none").ok()?;
    let names = DisplayNames::new(code, &options).ok()?;
    let locale = js_sys::Reflect::get(&names.resolved_options(), &"locale".into())
        .ok()?
        .as_string()?;
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    if primary(&locale) != primary(code) {
        return None;
    }
    names.of(code).ok()?.as_string()
}
