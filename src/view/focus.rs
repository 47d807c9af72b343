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
                let _ = element.focus();
            }
        }
    });
}
