//! What the property tests draw from: the built-in questionnaire, any
//! answer a respondent can leave, and any background answers. Shared by tests/code.rs and
//! tests/roundtrip.rs.

use mq_core::model::{Answer, Level, Questionnaire};
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

/// Any background answers to the built-in questionnaire's two questions
/// (eight sectors, five sizes), each possibly skipped.
pub fn profile() -> impl Strategy<Value = Vec<Option<usize>>> {
    (prop::option::of(0usize..8), prop::option::of(0usize..5))
        .prop_map(|(sector, size)| vec![sector, size])
}
