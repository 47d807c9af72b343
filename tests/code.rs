//! The result code (src/code.rs) by property: every combination of answers
//! comes back exactly, and no string whatever makes the decoder panic or
//! answer without a precise reason.

#![cfg(not(target_arch = "wasm32"))]

use maturity_quiz::code::{decode, encode, read_line};
use maturity_quiz::model::{Answer, Level, Questionnaire};
use proptest::prelude::*;
use std::sync::LazyLock;

static BUILT_IN: LazyLock<Questionnaire> = LazyLock::new(Questionnaire::built_in);

/// Any answer a respondent can leave: none, a level, or "don't know".
fn answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        (1u8..=4).prop_map(|l| Some(Answer::Level(Level(l)))),
        Just(Some(Answer::DontKnow)),
    ]
}

/// The reasons a code can be refused for, as their English text begins.
const REASONS: [&str; 4] = [
    "not a result code: ",
    "made with format ",
    "made for version ",
    "a link without a result code",
];

proptest! {
    // No regression files: a failure prints its minimal case instead.
    #![proptest_config(ProptestConfig {
        cases: 4096,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_combination_of_answers_comes_back(answers in prop::collection::vec(answer(), 12)) {
        let code = encode(&BUILT_IN, &answers);
        prop_assert!(code.len() < 24, "{code} is too long");
        prop_assert_eq!(code.len(), 9);
        prop_assert!(code.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)), "{code} is not URL-safe");
        prop_assert_eq!(decode(&BUILT_IN, &code), Ok(answers));
    }

    #[test]
    fn arbitrary_text_gives_answers_or_a_precise_reason(text in ".{0,40}") {
        for result in [decode(&BUILT_IN, &text), read_line(&BUILT_IN, &text)] {
            match result {
                Ok(answers) => {
                    prop_assert_eq!(answers.len(), 12);
                    prop_assert_eq!(&encode(&BUILT_IN, &answers), text.trim().rsplit("r=").next().unwrap());
                }
                Err(error) => {
                    let message = error.to_string();
                    prop_assert!(REASONS.iter().any(|r| message.starts_with(r)), "{text:?}: {message}");
                }
            }
        }
    }

    #[test]
    fn near_misses_of_real_codes_are_refused_or_read_exactly(
        answers in prop::collection::vec(answer(), 12),
        at in 0usize..12,
        with in prop::char::any(),
    ) {
        let code = encode(&BUILT_IN, &answers);
        let mut chars: Vec<char> = code.chars().collect();
        let at = at.min(chars.len() - 1);
        chars[at] = with;
        let changed: String = chars.iter().collect();
        if let Ok(read) = decode(&BUILT_IN, &changed) {
            prop_assert_eq!(encode(&BUILT_IN, &read), changed, "a code has one reading");
        }
    }
}

/// Every one of the 6^4 combinations of the first four answers, the rest
/// fixed: the exhaustive check the property test samples from.
#[test]
fn all_combinations_of_four_questions_round_trip() {
    let options: Vec<Option<Answer>> = std::iter::once(None)
        .chain((1..=4).map(|l| Some(Answer::Level(Level(l)))))
        .chain(std::iter::once(Some(Answer::DontKnow)))
        .collect();
    let mut seen = std::collections::HashSet::new();
    for n in 0..6usize.pow(4) {
        let mut answers = vec![Some(Answer::Level(Level(3))); 12];
        for (i, answer) in answers.iter_mut().take(4).enumerate() {
            *answer = options[n / 6usize.pow(i as u32) % 6];
        }
        let code = encode(&BUILT_IN, &answers);
        assert_eq!(decode(&BUILT_IN, &code), Ok(answers));
        assert!(seen.insert(code), "two combinations share a code");
    }
}
