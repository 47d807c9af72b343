//! maturity-quiz: a self-assessment questionnaire that places an organisation
//! in a phase of a maturity model, running wholly in the visitor's browser.
//!
//! The pure core ([`model`], [`scoring`], [`quiz`], [`i18n`], [`report`],
//! [`saved`], [`code`], [`csv`], [`group`], [`explain`]) has no web dependency and is tested natively; [`view`] renders
//! its state in the browser and [`embed`] puts it on a page.

pub mod code;
pub mod csv;
pub mod embed;
pub mod explain;
pub mod group;
pub mod i18n;
pub mod model;
#[cfg(feature = "prerender")]
pub mod prerender;
pub mod quiz;
pub mod report;
pub mod saved;
pub mod scoring;
pub mod view;
pub mod web;
