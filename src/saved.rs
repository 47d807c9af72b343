//! Progress kept between visits: the answers, the screen and the language,
//! written as versioned JSON and read back with suspicion, since storage may
//! hold anything (an older release, another questionnaire version, a hand
//! edit, a half-written value).
//!
//! Only the text is made and checked here; the view decides where it lives.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Answer, AnswerMisfit, Questionnaire};
use crate::quiz::{Quiz, Step};

/// The version of the saved format; raised whenever its shape changes.
/// Format 2 added `profile` and the `"profile"` step.
pub const FORMAT: u32 = 2;

/// The oldest saved format still read: format 1 is format 2 without
/// background answers.
const OLDEST_FORMAT: u32 = 1;

/// The prefix of every storage key of ours.
const KEY_PREFIX: &str = "maturity-quiz";

/// Where a widget keeps its progress: one key per questionnaire and version,
/// and per widget when a page has several (`widget` is the element's id, or
/// its position among the page's widgets; the first one adds nothing, so its
/// key stays stable when more are added).
pub fn storage_key(questionnaire: &Questionnaire, widget: &str) -> String {
    let base = version_prefix(questionnaire);
    match widget {
        "" | "0" => format!("{base}{}", questionnaire.version),
        _ => format!("{base}{}#{widget}", questionnaire.version),
    }
}

/// Whether `key` holds progress for another version of `questionnaire`: left
/// behind by an earlier release and never readable again.
pub fn is_outdated_key(key: &str, questionnaire: &Questionnaire) -> bool {
    key.strip_prefix(&version_prefix(questionnaire))
        .and_then(|rest| rest.split('#').next())
        .is_some_and(|version| version != questionnaire.version.to_string())
}

/// What every storage key of `questionnaire` starts with, whatever its
/// version or widget: the loader looks for it before it shows the
/// prerendered intro, which progress of any version would replace.
pub fn version_prefix(questionnaire: &Questionnaire) -> String {
    format!("{KEY_PREFIX}/{}/v", questionnaire.id)
}

/// The saved form of a quiz, field by field as it is stored: JSON through
/// serde, nothing more and nothing less (`deny_unknown_fields`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedProgress {
    format: u32,
    questionnaire: String,
    version: u32,
    language: String,
    step: Step,
    answers: Vec<Option<Answer>>,
    /// The respondent's own background answers, by question id and answer
    /// id; a question without an answer is left out.
    #[serde(default)]
    profile: BTreeMap<String, String>,
}

impl SavedProgress {
    /// What to keep of `quiz`.
    pub fn of(quiz: &Quiz, questionnaire: &Questionnaire) -> SavedProgress {
        SavedProgress {
            format: FORMAT,
            questionnaire: questionnaire.id.clone(),
            version: questionnaire.version,
            language: quiz.language.clone(),
            step: quiz.step,
            answers: quiz.answers.clone(),
            profile: questionnaire
                .profile
                .iter()
                .zip(&quiz.profile)
                .filter_map(|(question, answer)| {
                    Some((
                        question.id.clone(),
                        question.answers.get((*answer)?)?.id.clone(),
                    ))
                })
                .collect(),
        }
    }
}

/// The text stored for `quiz`.
pub fn save(quiz: &Quiz, questionnaire: &Questionnaire) -> String {
    // Strings, numbers and lists only: writing cannot fail.
    serde_json::to_string(&SavedProgress::of(quiz, questionnaire)).unwrap_or_default()
}

/// Why stored progress was thrown away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(String);

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a stored text that is not saved progress of ours was refused.
pub fn unreadable(error: &serde_json::Error) -> Unreadable {
    Unreadable(format!("not saved progress: {error}"))
}

/// Reads a stored text back into a quiz on its saved screen, checked by
/// [`SavedProgress::restore`].
pub fn restore(text: &str, questionnaire: &Questionnaire) -> Result<Quiz, Unreadable> {
    serde_json::from_str::<SavedProgress>(text)
        .map_err(|error| unreadable(&error))?
        .restore(questionnaire)
}

impl SavedProgress {
    /// The quiz on its saved screen, after checking that the progress
    /// belongs to this very questionnaire and that every value is one the
    /// quiz could have produced.
    pub fn restore(self, questionnaire: &Questionnaire) -> Result<Quiz, Unreadable> {
        let saved = self;
        let fail = |reason: String| Err(Unreadable(reason));
        if !(OLDEST_FORMAT..=FORMAT).contains(&saved.format) {
            return fail(format!(
                "saved in format {}, this release reads formats {OLDEST_FORMAT} to {FORMAT}",
                saved.format
            ));
        }
        if saved.questionnaire != questionnaire.id || saved.version != questionnaire.version {
            return fail(format!(
                "saved for {} version {}, this is {} version {}",
                saved.questionnaire, saved.version, questionnaire.id, questionnaire.version
            ));
        }
        let total = questionnaire.questions.len();
        match questionnaire.check_answers(&saved.answers) {
            Ok(()) => {}
            Err(AnswerMisfit::Count { found }) => {
                return fail(format!("{found} answers saved for {total} questions"));
            }
            Err(AnswerMisfit::Level { question }) => {
                return fail(format!(
                    "answer {question} is not a level from 1 to {}",
                    questionnaire.top_level().0
                ));
            }
            Err(AnswerMisfit::DontKnow { question }) => {
                return fail(format!(
                    "answer {question} is \"don't know\", which question {question} does not offer"
                ));
            }
        }
        if !questionnaire.speaks(&saved.language) {
            return fail(format!(
                "the questionnaire has no language \"{}\"",
                saved.language
            ));
        }
        let step = match saved.step {
            Step::Question(i) if i >= total => {
                return fail(format!("question {} does not exist", i.saturating_add(1)));
            }
            step => step,
        };
        let mut profile = vec![None; questionnaire.profile.len()];
        for (question, answer) in &saved.profile {
            match questionnaire.find_profile(question, answer) {
                (Some(q), Some(a)) => profile[q] = Some(a),
                _ => {
                    return fail(format!(
                        "\"{answer}\" is not an answer to a background question \"{question}\""
                    ));
                }
            }
        }
        if step == Step::Profile && questionnaire.profile.is_empty() {
            return fail("the questionnaire has no background questions".to_string());
        }
        let mut quiz = Quiz::new(total, saved.language).with_preset(vec![None; profile.len()]);
        quiz.step = step;
        quiz.answers = saved.answers;
        quiz.profile = profile;
        Ok(quiz)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;
    use crate::quiz::Action;

    fn built_in() -> Questionnaire {
        Questionnaire::built_in()
    }

    /// A quiz five answers in, on question 6, in English.
    fn midway(q: &Questionnaire) -> Quiz {
        let mut quiz = Quiz::new(q.questions.len(), "en".to_string()).apply(Action::Start);
        for level in [1, 2, 3, 4] {
            quiz = quiz
                .apply(Action::Choose(Answer::Level(Level(level))))
                .apply(Action::Continue);
        }
        quiz.apply(Action::Choose(Answer::DontKnow))
            .apply(Action::Continue)
    }

    #[test]
    fn progress_comes_back_exactly() {
        let q = built_in();
        let quiz = midway(&q);
        let text = save(&quiz, &q);
        assert!(text.contains(r#""step":{"question":5}"#), "{text}");
        assert!(
            text.contains(r#""answers":[1,2,3,4,"dont-know",null,"#),
            "{text}"
        );
        let back = restore(&text, &q).unwrap();
        assert_eq!(
            (back.step, &back.answers, back.language.as_str()),
            (quiz.step, &quiz.answers, "en")
        );
        assert!(
            !back.moved,
            "a resumed page has not moved: it must not take focus"
        );
    }

    #[test]
    fn anything_else_is_refused_with_its_reason() {
        let q = built_in();
        let good: serde_json::Value = serde_json::from_str(&save(&midway(&q), &q)).unwrap();
        let with = |field: &str, value: serde_json::Value| {
            let mut v = good.clone();
            v[field] = value;
            v.to_string()
        };
        let mut answers = good["answers"].clone();
        answers[2] = serde_json::json!(7);
        let cases = [
            (
                "{not json".to_string(),
                "not saved progress: key must be a string at line 1 column 2",
            ),
            (
                with("format", 3.into()),
                "saved in format 3, this release reads formats 1 to 2",
            ),
            (
                with("version", 0.into()),
                "saved for social-maturity version 0, this is social-maturity version 2",
            ),
            (
                with("questionnaire", "other".into()),
                "saved for other version 2, this is social-maturity version 2",
            ),
            (
                with("answers", serde_json::json!([1, 2])),
                "2 answers saved for 12 questions",
            ),
            (
                with("answers", answers),
                "answer 3 is not a level from 1 to 4",
            ),
            (
                with("language", "de".into()),
                "the questionnaire has no language \"de\"",
            ),
            (
                with("step", serde_json::json!({"question": 12})),
                "question 13 does not exist",
            ),
        ];
        for (text, reason) in cases {
            assert_eq!(
                restore(&text, &q).map(|_| ()),
                Err(Unreadable(reason.to_string())),
                "{text}"
            );
        }
        let unknown = with("extra", 1.into());
        assert!(
            restore(&unknown, &q)
                .unwrap_err()
                .0
                .contains("unknown field `extra`")
        );
        let wrong_answer = with("answers", serde_json::json!(vec!["maybe"; 12]));
        assert!(
            restore(&wrong_answer, &q)
                .unwrap_err()
                .0
                .starts_with("not saved progress")
        );
    }

    #[test]
    fn dont_know_is_restored_only_where_the_question_offers_it() {
        // The same rule as for codes and downloads (check_answers): a saved
        // "don't know" to a question without one was once restored.
        let mut json: serde_json::Value =
            serde_json::from_str(crate::model::BUILT_IN_JSON).unwrap();
        json["questions"][4]["dont_know"] = false.into();
        let q = Questionnaire::from_json(&json.to_string()).unwrap();
        let saved = save(&midway(&built_in()), &q);
        assert_eq!(
            restore(&saved, &q).map(|_| ()),
            Err(Unreadable(
                "answer 5 is \"don't know\", which question 5 does not offer".to_string()
            ))
        );
    }

    #[test]
    fn keys_separate_questionnaires_versions_and_widgets() {
        let q = built_in();
        assert_eq!(storage_key(&q, ""), "maturity-quiz/social-maturity/v2");
        assert_eq!(storage_key(&q, "0"), "maturity-quiz/social-maturity/v2");
        assert_eq!(
            storage_key(&q, "team-a"),
            "maturity-quiz/social-maturity/v2#team-a"
        );
        assert!(is_outdated_key("maturity-quiz/social-maturity/v0", &q));
        assert!(is_outdated_key("maturity-quiz/social-maturity/v1", &q));
        assert!(is_outdated_key(
            "maturity-quiz/social-maturity/v0#team-a",
            &q
        ));
        assert!(!is_outdated_key(
            "maturity-quiz/social-maturity/v2#team-a",
            &q
        ));
        assert!(!is_outdated_key("maturity-quiz/other/v0", &q));
        assert!(!is_outdated_key("someone-else", &q));
    }
}
