//! Long work in short tasks: a large input is read a slice at a time, each
//! slice a task of its own that ends by a deadline, with a yield to the
//! event loop between them, so that the page keeps answering input and
//! painting, and can show how far the work has got.
//!
//! The next slice is a message to a `MessageChannel` of its own: every
//! engine runs each message as a task of its own, while Firefox may run
//! several due timeouts in one go (and all engines wait at least 4 ms
//! between nested ones).

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::MessageChannel;

/// How long one slice may run. Well below the 50 ms at which browsers
/// count a task as long, so that a click or a key is answered within a
/// frame or two while the work goes on.
const SLICE_MS: f64 = 30.0;

/// When the slice that was given it should stop.
pub struct Deadline(f64);

impl Deadline {
    /// Whether the slice has had its time.
    pub fn passed(&self) -> bool {
        js_sys::Date::now() >= self.0
    }
}

/// Calls `work` in one task after another, each with a [`Deadline`]
/// [`SLICE_MS`] after its start, until it returns `false`. The first call
/// is in a task of its own too, so that the event that started the work
/// ends at once.
pub fn run(work: impl FnMut(&Deadline) -> bool + 'static) {
    // A browser without message channels (none is known) waits for a
    // timeout before each slice instead.
    next(MessageChannel::new().ok(), work);
}

/// Runs the next slice of `work` in a task of its own: a message to
/// `channel`, or a timeout without one.
fn next(channel: Option<MessageChannel>, mut work: impl FnMut(&Deadline) -> bool + 'static) {
    let posted = channel.clone();
    let slice = move || {
        if work(&Deadline(js_sys::Date::now() + SLICE_MS)) {
            next(channel, work);
        } else if let Some(channel) = channel {
            channel.port1().close();
            channel.port2().close();
        }
    };
    match posted {
        Some(channel) => {
            let slice = Closure::once_into_js(slice);
            channel.port1().set_onmessage(Some(slice.unchecked_ref()));
            // Fails only for a message that cannot be cloned, which null can.
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        None => {
            Timeout::new(0, slice).forget();
        }
    }
}
