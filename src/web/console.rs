//! The browser's console, where the widget tells a site owner what it
//! ignored or refused on their page (the visitor sees it on screen too).

/// Writes `message` to the console as a warning, after the widget's name.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("maturity-quiz: {message}").into());
}

/// Writes `message` to the console as an error, after the widget's name.
pub fn error(message: &str) {
    web_sys::console::error_1(&format!("maturity-quiz: {message}").into());
}
