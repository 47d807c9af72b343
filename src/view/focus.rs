//! Moving keyboard and screen-reader focus to what a screen is about.

use web_sys::HtmlElement;
use yew::prelude::*;

/// Focuses `target` after the render in which `key` becomes `Some` or
/// changes to another `Some`. Running after the component's own render is
/// what makes this reliable: the element exists by then.
#[hook]
pub fn use_focus<K: PartialEq + Clone + 'static>(target: NodeRef, key: Option<K>) {
    use_effect_with(key, move |key| {
        if key.is_some() {
            if let Some(element) = target.cast::<HtmlElement>() {
                focus(&element);
            }
        }
    });
}

/// Focuses `element`, also where it was inserted or unhidden in this very
/// task. Firefox (153 ESR) ignores `focus()` on a `<legend>` that has no
/// layout box yet (it looks for one without laying the page out first);
/// asking for a size lays it out, and costs nothing where the browser lays
/// out for `focus()` anyway.
pub fn focus(element: &HtmlElement) {
    let _ = element.offset_width();
    let _ = element.focus();
}
