//! What the browser knows about languages (`Intl`).

use wasm_bindgen::prelude::*;

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
pub fn autonym(code: &str) -> Option<String> {
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
