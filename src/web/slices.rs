//! Long work in short tasks: a large input is read a slice at a time, each
//! slice a task of its own that ends by a deadline, with a yield to the
//! event loop between them, so that the page keeps answering input and
//! painting, and can show how far the work has got.

use gloo::timers::callback::Timeout;

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
pub fn run(mut work: impl FnMut(&Deadline) -> bool + 'static) {
    Timeout::new(0, move || {
        if work(&Deadline(js_sys::Date::now() + SLICE_MS)) {
            run(work);
        }
    })
    .forget();
}
