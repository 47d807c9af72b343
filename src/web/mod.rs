//! The one place that touches the browser around the widget: storage, files,
//! the fetch of a questionnaire, the clipboard, the page's address, printing, idle time, and the host
//! element that hears the widget's events.
//!
//! The view's components call these from their effects and callbacks, and
//! the pure core never sees them: what to store, send or show is decided
//! there, and only carried out here.

pub mod fetch;
pub mod files;
pub mod host;
pub mod idle;
pub mod intl;
pub mod page;
pub mod storage;

pub use host::Host;
