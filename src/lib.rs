//! maturity-quiz: a self-assessment questionnaire that places an organisation
//! in a phase of a maturity model, running wholly in the visitor's browser.
//!
//! The pure core is its own crate, [`mq_core`] (`core/`), which cannot reach
//! the browser or yew; this crate renders its state in the browser:
//! [`view`] holds the components, [`web`] is the one place that touches the
//! page, and [`embed`] is the face wasm-bindgen gives the loader.

pub mod embed;
#[cfg(feature = "prerender")]
pub mod prerender;
pub mod view;
pub mod web;
