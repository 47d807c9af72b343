//! The named answer sets of `tests/fixtures/cases.json` ("case-a", "case-b",
//! "case-b-dont-know", "case-c"), as the widget's radios take them. The
//! fixture is the one definition of each case, which the core's tests, the
//! component tests and the benchmark read too.

use mq_core::model::Answer;
use serde_json::Value;

/// tests/fixtures/cases.json, compiled in.
const CASES: &str = include_str!("../../fixtures/cases.json");

/// The answers of the case named `name`, one per question as the fixture
/// writes them; panics naming the cases there if there is none.
fn raw(name: &str) -> Vec<Value> {
    let cases: Value = serde_json::from_str(CASES).expect("tests/fixtures/cases.json is JSON");
    let case = &cases["cases"][name]["answers"];
    case.as_array().cloned().unwrap_or_else(|| {
        let names: Vec<&String> = cases["cases"]
            .as_object()
            .into_iter()
            .flat_map(|c| c.keys())
            .collect();
        panic!("tests/fixtures/cases.json has no case {name:?}, only {names:?}")
    })
}

/// The radio values that answer case `name`, one per question: "1".."4" or
/// "dont-know". A case with an unanswered question has no such list.
pub fn values(name: &str) -> Vec<String> {
    raw(name)
        .into_iter()
        .enumerate()
        .map(|(i, answer)| match answer {
            Value::Number(level) => level.to_string(),
            Value::String(dont_know) => dont_know,
            other => panic!(
                "{name} leaves question {} as {other}: no radio value",
                i + 1
            ),
        })
        .collect()
}

/// The levels (1 to 4) that answer case `name`, one per question; panics if
/// the case answers a question with anything else.
pub fn levels(name: &str) -> Vec<u8> {
    raw(name)
        .into_iter()
        .enumerate()
        .map(|(i, answer)| {
            answer
                .as_u64()
                .and_then(|level| u8::try_from(level).ok())
                .unwrap_or_else(|| {
                    panic!(
                        "{name} answers question {} with {answer}, not a level",
                        i + 1
                    )
                })
        })
        .collect()
}

/// The answers of case `name` as the core reads them (a level, "don't know"
/// or none), through the same serde reading as saved progress.
pub fn answers(name: &str) -> Vec<Option<Answer>> {
    serde_json::from_value(Value::Array(raw(name)))
        .unwrap_or_else(|e| panic!("{name} in tests/fixtures/cases.json: {e}"))
}
