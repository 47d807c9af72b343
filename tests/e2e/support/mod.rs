//! Test harness shared by the browser-driven tests (tests/e2e/): a static
//! file server for `dist/` and a minimal WebDriver client for headless
//! Chromium, built on std and serde_json only.

// Not every helper is used by today's tests; they are the harness's API.
#![allow(dead_code)]

pub mod server;
pub mod webdriver;

#[cfg(test)]
mod selfcheck;
