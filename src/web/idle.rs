//! Work that waits for the browser: until the page is idle (work nobody
//! waits for, on elements in no document) or until a frame is painted.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, IdleRequestOptions};

/// How long work waits for an idle moment at most. A browser with no idle
/// callbacks (Safari) waits this long instead; one that is never idle (a
/// slow phone busy with each frame) runs it then anyway.
const LONGEST_WAIT_MS: u32 = 100;

/// Runs `task` once, when the browser is idle: in an idle callback, which
/// it calls between frames when no input or rendering is waiting, or after
/// [`LONGEST_WAIT_MS`] at the latest.
pub fn when_idle(task: impl FnOnce() + 'static) {
    let task = Closure::once_into_js(task);
    let window = gloo::utils::window();
    let options = IdleRequestOptions::new();
    options.set_timeout(LONGEST_WAIT_MS);
    if window
        .request_idle_callback_with_options(task.unchecked_ref(), &options)
        .is_err()
    {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            task.unchecked_ref(),
            LONGEST_WAIT_MS as i32,
        );
    }
}

/// Runs `task` once, right after the browser has painted the next frame:
/// in a timeout set from that frame's animation callback, which the browser
/// runs before it paints.
pub fn after_next_paint(task: impl FnOnce() + 'static) {
    let task = Closure::once_into_js(task);
    let frame = Closure::once_into_js(move || {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    });
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
}

/// A `<div>` in no document: what is rendered into it is never laid out or
/// shown, and goes with it.
pub fn detached() -> Option<Element> {
    gloo::utils::document().create_element("div").ok()
}
