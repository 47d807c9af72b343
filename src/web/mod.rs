//! The one place that touches the browser around the widget: the host
//! element (its attributes, its place, its events), storage, files, the
//! fetch of a questionnaire, the clipboard, the page's address, printing,
//! idle time, work in short tasks, the console and the crash notice.
//!
//! The view's components call these from their effects and callbacks, and
//! the pure core never sees them: what to store, send or show is decided
//! there, and only carried out here.

pub mod console;
pub mod crash;
pub mod fetch;
pub mod files;
pub mod host;
pub mod idle;
pub mod intl;
pub mod page;
pub mod slices;
pub mod storage;

pub use host::Host;
