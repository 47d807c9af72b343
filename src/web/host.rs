//! The element a widget lives in, and the events it sends the host page.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// The tag name of the element a widget is rendered into; its events are
/// named `maturity-quiz:…` after it.
pub const TAG: &str = "maturity-quiz";

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
