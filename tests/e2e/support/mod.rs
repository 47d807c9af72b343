//! Test harness shared by the browser-driven tests (tests/e2e/): a static
//! file server for `dist/`, a minimal WebDriver client for Chromium, Firefox
//! and WebKit (`MQ_BROWSER`), built on std and serde_json only, and the page
//! object every test drives the widget through ([`visit::Visit`]).

// Not every helper is used by today's tests; they are the harness's API.
#![allow(dead_code)]

pub mod cases;
pub mod server;
pub mod visit;
pub mod webdriver;

#[cfg(test)]
mod selfcheck;
