//! The page around the widget: its address and fragment, the clipboard, the
//! clock and the print dialog.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen_futures::JsFuture;

use mq_core::exchange::link::{self, Link};
use mq_core::model::Questionnaire;

/// The page's address, as the address bar shows it.
fn address() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// The host's `share-url` resolved against the page's address (not against
/// a `<base>`), when that gives an http or https address to link to.
pub fn share_url(value: &str) -> Option<String> {
    if value.trim().is_empty() {
        return None;
    }
    let url = web_sys::Url::new_with_base(value, &address()).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.href())
}

/// What a result's link starts with: the host's `share-url` (checked when
/// the widget started), or else the page's address as it is now without its
/// query (see [`code::page_base`]).
pub fn share_base(share_url: Option<&str>) -> String {
    share_url
        .and_then(self::share_url)
        .unwrap_or_else(|| link::page_base(&address()).to_string())
}

/// What the page's URL fragment asks of the widget, if anything.
pub fn link(questionnaire: &Questionnaire) -> Option<Link> {
    let hash = gloo::utils::window().location().hash().ok()?;
    link::follow(questionnaire, &hash)
}

/// Calls `followed` with each link the page's fragment asks for from now
/// on (a link to the same page changes only its fragment: no reload), until
/// the returned listener is dropped.
pub fn on_link(
    questionnaire: Rc<Questionnaire>,
    followed: impl Fn(Link) + 'static,
) -> EventListener {
    EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
        if let Some(link) = link(&questionnaire) {
            followed(link);
        }
    })
}

/// Puts `text` on the clipboard; whether the browser allowed it.
pub async fn copy(text: &str) -> bool {
    let navigator = gloo::utils::window().navigator();
    // Absent outside secure contexts; calling it then would throw.
    let present =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    present
        && JsFuture::from(navigator.clipboard().write_text(text))
            .await
            .is_ok()
}

/// The time now, as ISO 8601 in UTC.
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Opens the browser's print dialog, which also saves as PDF.
pub fn print() {
    let _ = gloo::utils::window().print();
}
