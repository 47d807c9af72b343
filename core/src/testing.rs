//! What the core's unit tests share: the questionnaire they use and the
//! reference answers they test against, read from the repository's one
//! definition of each case, `tests/fixtures/cases.json` (the core's
//! integration tests read it through `core/tests/cases/`, the widget's tests
//! through their own support).

use serde_json::Value;

use crate::model::{Answer, Questionnaire, Response};
use crate::scoring::{Assessment, Outcome, assess};

/// The repository's tests/fixtures/cases.json, compiled in.
const CASES: &str = include_str!("../../tests/fixtures/cases.json");

/// The built-in questionnaire.
pub fn q() -> Questionnaire {
    Questionnaire::built_in()
}

/// The answers of the case named `name` in the fixture.
fn case(name: &str) -> Vec<Option<Answer>> {
    let cases: Value = serde_json::from_str(CASES).expect("tests/fixtures/cases.json is JSON");
    serde_json::from_value(cases["cases"][name]["answers"].clone())
        .unwrap_or_else(|e| panic!("{name} in tests/fixtures/cases.json: {e}"))
}

/// Case B with question 8 "don't know": the README's reference result.
pub fn case_b() -> Vec<Option<Answer>> {
    case("case-b-dont-know")
}

/// [`case_b`] assessed, with the first answer to the first background
/// question.
pub fn case_b_result() -> (Questionnaire, Response, Assessment) {
    let q = q();
    let answers = case_b();
    let Outcome::Assessed(assessment) = assess(&q, &answers) else {
        panic!("case B has a result")
    };
    let response = Response {
        answers,
        profile: vec![Some(0), None],
    };
    (q, response, assessment)
}
