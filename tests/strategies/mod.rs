//! What the property tests draw from: the built-in questionnaire and any
//! answer a respondent can leave. Shared by tests/code.rs and
//! tests/roundtrip.rs.

use maturity_quiz::model::{Answer, Level, Questionnaire};
use proptest::prelude::*;
use std::sync::LazyLock;

/// The built-in questionnaire, read once.
pub static BUILT_IN: LazyLock<Questionnaire> = LazyLock::new(Questionnaire::built_in);

/// Any answer a respondent can leave: none, a level, or "don't know".
pub fn answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        (1u8..=4).prop_map(|l| Some(Answer::Level(Level(l)))),
        Just(Some(Answer::DontKnow)),
    ]
}
