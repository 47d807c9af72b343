//! The result code (src/exchange/code.rs) by property: every combination of answers
//! and background answers comes back exactly, and no string whatever makes
//! the decoder panic or answer without a precise reason.

#![cfg(not(target_arch = "wasm32"))]

mod cases;
mod strategies;

use mq_core::exchange::ReadError;
use mq_core::exchange::code::{decode, encode};
use mq_core::exchange::csv::read_csv;
use mq_core::exchange::download::read_download;
use mq_core::exchange::link::read_line;
use mq_core::i18n::ui_text;
use mq_core::model::{Answer, Level, Response};
use proptest::prelude::*;
use strategies::{BUILT_IN, answer, profile};

/// The reasons a code or a link can be refused for, as their English text
/// begins (a count comes first in the length reason).
const REASONS: [&str; 9] = [
    "It contains no result code.",
    "The character ‘",
    "The result code is in code format ",
    "The full stop (‘.’) after the version number is missing.",
    "The result belongs to version ",
    "The answers in the code do not fit this questionnaire.",
    "Question ",
    "The link contains no result code (#r=…).",
    "characters are expected after the ‘.’, not ",
];

/// Words of English that no Dutch sentence of ours uses: one of them in a
/// Dutch message means an English text was put inside it.
const ENGLISH_ONLY: [&str; 22] = [
    "the",
    "this",
    "that",
    "does",
    "not",
    "belongs",
    "expected",
    "character",
    "characters",
    "answer",
    "answers",
    "file",
    "line",
    "column",
    "format",
    "version",
    "found",
    "eof",
    "while",
    "parsing",
    "at",
    "contains",
];

/// Fails with the message when `error`'s Dutch text has an English word in
/// it, or is not one whole sentence.
fn assert_dutch(error: &ReadError, input: &str) {
    let message = error.message(ui_text("nl"), "nl");
    let english: Vec<&str> = message
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| ENGLISH_ONLY.contains(&word.to_lowercase().as_str()))
        .collect();
    assert!(
        english.is_empty(),
        "{input:?}: English {english:?} in «{message}»"
    );
    assert!(
        message.starts_with(char::is_uppercase) && message.ends_with('.'),
        "{input:?}: «{message}» is not one sentence"
    );
    assert_ne!(message, error.message(ui_text("en"), "en"), "{input:?}");
}

proptest! {
    // No regression files: a failure prints its minimal case instead.
    #![proptest_config(ProptestConfig {
        cases: 4096,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_combination_of_answers_comes_back(
        answers in prop::collection::vec(answer(), 12),
        profile in profile(),
    ) {
        let code = encode(&BUILT_IN, &answers, &profile);
        prop_assert!(code.len() < 24, "{code} is too long");
        prop_assert_eq!(code.len(), 10);
        prop_assert!(code.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)), "{code} is not URL-safe");
        prop_assert_eq!(decode(&BUILT_IN, &code), Ok(Response { answers, profile }));
    }

    #[test]
    fn arbitrary_text_gives_answers_or_a_precise_reason(text in ".{0,40}") {
        for result in [decode(&BUILT_IN, &text), read_line(&BUILT_IN, &text)] {
            match result {
                Ok(read) => {
                    prop_assert_eq!(read.answers.len(), 12);
                    prop_assert_eq!(read.profile.len(), 2);
                    let code = encode(&BUILT_IN, &read.answers, &read.profile);
                    prop_assert_eq!(decode(&BUILT_IN, &code), Ok(read));
                    // A code of format 1 is read, and written again as format 2.
                    let given = text.trim().rsplit("r=").next().unwrap();
                    if given.starts_with('2') {
                        prop_assert_eq!(&code, given);
                    }
                }
                Err(error) => {
                    let message = error.to_string();
                    prop_assert!(REASONS.iter().any(|r| message.contains(r)), "{text:?}: {message}");
                    assert_dutch(&error, &text);
                }
            }
        }
    }

    #[test]
    fn near_misses_of_real_codes_are_refused_or_read_exactly(
        answers in prop::collection::vec(answer(), 12),
        profile in profile(),
        at in 0usize..12,
        with in prop::char::any(),
    ) {
        let code = encode(&BUILT_IN, &answers, &profile);
        let mut chars: Vec<char> = code.chars().collect();
        let at = at.min(chars.len() - 1);
        chars[at] = with;
        let changed: String = chars.iter().collect();
        if let Ok(read) = decode(&BUILT_IN, &changed) {
            prop_assert_eq!(encode(&BUILT_IN, &read.answers, &read.profile), changed, "a code has one reading");
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
        let profile = vec![Some(n % 8), None];
        let code = encode(&BUILT_IN, &answers, &profile);
        assert_eq!(decode(&BUILT_IN, &code), Ok(Response { answers, profile }));
        assert!(seen.insert(code), "two combinations share a code");
    }
}

/// The README's codes of case B with question 8 "don't know" ("The code"),
/// which the end-to-end tests expect to see, are the fixture's answers: the
/// code of today's format, and that of format 1, before background questions.
#[test]
fn the_readme_codes_of_case_b_are_the_fixtures_answers() {
    let answers = cases::answers("case-b-dont-know");
    assert_eq!(encode(&BUILT_IN, &answers, &[None, None]), "23.BW-H-aA");
    assert_eq!(
        decode(&BUILT_IN, "13.BnE43A"),
        Ok(Response {
            answers,
            profile: vec![None, None]
        })
    );
}

/// One input for every reason a code, a link or a downloaded file is refused:
/// the Dutch interface shows each as a Dutch sentence, with no English
/// reason (such as a JSON parser's) inside.
#[test]
fn every_refusal_reads_as_dutch() {
    let lines = [
        "",
        "13.AB!DEF",
        "32.AAAAAAA",
        "14.AAAAAA",
        "12.AAAAAA",
        "12",
        "13.AAAA",
        "13.______",
        "https://example.org/#top",
    ];
    for line in lines {
        assert_dutch(&read_line(&BUILT_IN, line).unwrap_err(), line);
    }
    let files = [
        "{",
        "not json at all",
        "[]",
        r#"{"format": 9}"#,
        r#"{"format": 1, "questionnaire": {"id": "other", "version": 2}}"#,
        r#"{"format": 1, "questionnaire": {"id": "social-maturity", "version": 1}}"#,
        r#"{"format": 1, "questionnaire": {"id": "social-maturity", "version": 3}, "answers": {"q4": 5}}"#,
        r#"{"format": 1, "questionnaire": {"id": "social-maturity", "version": 3}, "answers": {"q4": "maybe"}}"#,
    ];
    for file in files {
        assert_dutch(&read_download(&BUILT_IN, file).unwrap_err(), file);
    }
    let header = "questionnaire,version,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,profile_size";
    let csvs = [
        String::new(),
        "questionnaire,version,q1".to_string(),
        format!("{header}\nsocial-maturity,3,1"),
        format!("{header}\nsocial-maturity,3,1,1,1,1,1,1,1,1,1,1,1,maybe,"),
        format!("{header}\nsocial-maturity,3,1,1,1,1,1,1,1,1,1,1,1,1,huge"),
        format!("{header}\nsocial-maturity,1,1,1,1,1,1,1,1,1,1,1,1,1,"),
        format!("{header}\nother,3,1,1,1,1,1,1,1,1,1,1,1,1,"),
        format!("{header}\n\"social-maturity"),
    ];
    for csv in &csvs {
        let rows = read_csv(&BUILT_IN, csv);
        let error = rows[rows.len() - 1].1.clone().unwrap_err();
        assert_dutch(&error, csv);
    }
    assert_dutch(&ReadError::too_few(5, 12, 6), "too few");
    assert_eq!(
        read_download(&BUILT_IN, "not json at all")
            .unwrap_err()
            .message(ui_text("nl"), "nl"),
        "Dit is geen gedownload resultaat: het bestand is geen geldige JSON (regel 1, kolom 2)."
    );
}
