//! The named answer sets of the repository's `tests/fixtures/cases.json`
//! ("case-a", "case-b", "case-b-dont-know", "case-c"), read as the core reads
//! saved answers. The fixture is the one definition of each case, which the
//! widget's component and end-to-end tests read too.

use mq_core::model::Answer;
use serde_json::Value;

/// The repository's tests/fixtures/cases.json, compiled in.
const CASES: &str = include_str!("../../../tests/fixtures/cases.json");

/// The answers of the case named `name`, one per question of the built-in
/// questionnaire; panics naming the cases there if there is none.
pub fn answers(name: &str) -> Vec<Option<Answer>> {
    let cases: Value = serde_json::from_str(CASES).expect("tests/fixtures/cases.json is JSON");
    let case = &cases["cases"][name]["answers"];
    if !case.is_array() {
        let names: Vec<&String> = cases["cases"]
            .as_object()
            .into_iter()
            .flat_map(|c| c.keys())
            .collect();
        panic!("tests/fixtures/cases.json has no case {name:?}, only {names:?}");
    }
    serde_json::from_value(case.clone())
        .unwrap_or_else(|e| panic!("{name} in tests/fixtures/cases.json: {e}"))
}
