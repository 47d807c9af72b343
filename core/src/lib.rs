//! The pure core of maturity-quiz: everything the widget knows and decides,
//! with no dependency on the browser or on yew, so that it builds and is
//! tested natively.
//!
//! - [`model`]: the questionnaire format, read and checked;
//! - [`scoring`]: the normative scoring rule, from answers to a phase;
//! - [`quiz`]: one respondent's progress and the actions that move it on;
//! - [`saved`]: progress kept between visits, read back with suspicion;
//! - [`exchange`]: a result's carriers, each writing and reading its
//!   format: code, link, JSON download, CSV;
//! - [`events`]: the details of the events the host page hears;
//! - [`group`]: many results summed up, by phase and by segment;
//! - [`benchmark`]: a poll's aggregates, published back to respondents;
//! - [`history`]: a respondent's earlier results, and what changed since;
//! - [`explain`]: the sentences that explain a result;
//! - [`i18n`]: the interface words of `content/ui.json` and the language rule.
//!
//! The widget crate at the repository root renders this state in the browser.

pub mod benchmark;
pub mod events;
pub mod exchange;
pub mod explain;
pub mod group;
pub mod history;
pub mod i18n;
pub mod model;
pub mod quiz;
pub mod saved;
pub mod scoring;
#[cfg(test)]
mod testing;

/// The JSON Schema of `T` as a committed schema file holds it: indented,
/// with a final newline.
#[cfg(feature = "schema")]
fn schema_text<T: schemars::JsonSchema>() -> String {
    let schema = schemars::schema_for!(T);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    text.push('\n');
    text
}
