//! How much a questionnaire may hold, and the check of its size and counts
//! that runs before anything walks it.
//!
//! A questionnaire can come from any page that sets `src` or inline JSON, so
//! its size is an input to bound like any other: without limits, a few
//! megabytes of languages or questions keep the page's main thread busy for
//! minutes and fill the problem list with millions of lines. Each limit is
//! far above what a real questionnaire needs (the built-in one has 2
//! languages, 6 dimensions, 12 questions and 35 KB) and low enough that the
//! checks stay instant; docs/questionnaire-format.md lists them.

use serde_json::Value;

/// The most bytes of JSON read: a questionnaire of 200 questions in 20
/// languages with long texts still fits.
pub const BYTES: usize = 2 * 1024 * 1024;
/// The most languages.
pub const LANGUAGES: usize = 20;
/// The most dimensions.
pub const DIMENSIONS: usize = 30;
/// The most questions: an hour's work for a respondent, far past any quiz.
pub const QUESTIONS: usize = 200;
/// The most background questions.
pub const PROFILE_QUESTIONS: usize = 10;
/// The most answers to one background question.
pub const PROFILE_ANSWERS: usize = 30;
/// The most characters in one text.
pub const TEXT_CHARS: usize = 10_000;
/// The most characters in an id.
pub const ID_CHARS: usize = 64;
/// The most problems listed; the rest are counted.
pub const PROBLEMS_LISTED: usize = 100;

/// The size of `json` and the lengths of the questionnaire's lists in
/// `value` that go past a limit, each as a problem; empty when none does.
/// Only the top-level lists and each background question's answers are
/// counted: every other list has one item per phase, language or question.
pub(super) fn exceeded(json: &str, value: &Value) -> Vec<String> {
    if json.len() > BYTES {
        return vec![format!(
            "the file has {} bytes; a questionnaire may have at most {BYTES}",
            json.len()
        )];
    }
    let mut problems = Vec::new();
    let mut count = |path: String, list: &Value, most: usize, what: &str| {
        if let Some(found) = list.as_array().map(Vec::len).filter(|&n| n > most) {
            problems.push(format!("{path}: at most {most} {what}, found {found}"));
        }
    };
    count(
        "languages".into(),
        &value["languages"],
        LANGUAGES,
        "languages",
    );
    count(
        "dimensions".into(),
        &value["dimensions"],
        DIMENSIONS,
        "dimensions",
    );
    count(
        "questions".into(),
        &value["questions"],
        QUESTIONS,
        "questions",
    );
    count(
        "profile".into(),
        &value["profile"],
        PROFILE_QUESTIONS,
        "background questions",
    );
    if let Some(profile) = value["profile"].as_array() {
        for (i, question) in profile.iter().take(PROFILE_QUESTIONS).enumerate() {
            count(
                format!("profile[{i}].answers"),
                &question["answers"],
                PROFILE_ANSWERS,
                "answers",
            );
        }
    }
    problems
}
