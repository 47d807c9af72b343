//! Test harness shared by the browser-driven tests (tests/e2e.rs): a static
//! file server for `dist/` and a minimal WebDriver client for headless
//! Chromium, built on std and serde_json only.

// Each test binary that includes this module uses a different part of it.
#![allow(dead_code)]

pub mod server;
pub mod webdriver;

#[cfg(test)]
mod selfcheck;
