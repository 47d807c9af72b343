//! Progress kept between visits: the answers, the screen and the language,
//! written as versioned JSON and read back with suspicion, since storage may
//! hold anything (an older release, another questionnaire version, a hand
//! edit, a half-written value).
//!
//! Only the text is made and checked here; the view decides where it lives.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::exchange::code;
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

/// How a widget, or a shadow host around it, is told apart from the others
/// of its kind in its own root (the document, or a shadow root).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// Its `id` attribute, which the page chose.
    Id(String),
    /// Its position among the elements of its tag in its root, from 0.
    Position(usize),
}

/// Where a widget sits on its page, as far as its progress is concerned:
/// two widgets in one page never have the same place, so they never share
/// progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetPlace {
    /// The shadow hosts the widget lies in, outermost first: each host's
    /// tag name and place among its root's elements of that tag. Empty for
    /// a widget in the document itself.
    pub hosts: Vec<(String, Place)>,
    /// The widget's own place among the widgets in its root.
    pub own: Place,
}

impl WidgetPlace {
    /// The first widget in the document, without an id: the common case,
    /// whose key has no widget part at all.
    pub fn first() -> WidgetPlace {
        WidgetPlace {
            hosts: Vec::new(),
            own: Place::Position(0),
        }
    }
}

/// `text` with `%`, `/` and `#` percent-encoded, so that an id never reads
/// as a separator of the key it is part of.
fn escape(text: &str) -> String {
    text.replace('%', "%25")
        .replace('/', "%2F")
        .replace('#', "%23")
}

impl Place {
    /// `id:<id>` or `pos:<n>`: an id and a position never look alike, so
    /// `id="1"` does not take the second widget's progress.
    fn key_part(&self) -> String {
        match self {
            Place::Id(id) => format!("id:{}", escape(id)),
            Place::Position(n) => format!("pos:{n}"),
        }
    }
}

/// Where a widget keeps its progress: one key per questionnaire and version,
/// `maturity-quiz/<questionnaire id>/v<version>`, and per widget after a `#`
/// unless it is the document's first widget without an id (whose key stays
/// as it was when a page had one widget): each shadow host around it as
/// `<tag>.id:<id>` or `<tag>.pos:<n>`, then the widget itself as `id:<id>`
/// or `pos:<n>`, joined by `/`.
pub fn storage_key(questionnaire: &Questionnaire, widget: &WidgetPlace) -> String {
    let base = format!("{}{}", version_prefix(questionnaire), questionnaire.version);
    if *widget == WidgetPlace::first() {
        return base;
    }
    let mut parts: Vec<String> = widget
        .hosts
        .iter()
        .map(|(tag, place)| format!("{}.{}", escape(tag), place.key_part()))
        .collect();
    parts.push(widget.own.key_part());
    format!("{base}#{}", parts.join("/"))
}

/// The key releases before the namespaces used for the same widget
/// (`#<id>` or `#<position>`), when that is another key: its progress moves
/// to the new key once. Widgets in shadow roots had the first widget's key,
/// which stays that widget's, so theirs is not moved.
pub fn legacy_key(questionnaire: &Questionnaire, widget: &WidgetPlace) -> Option<String> {
    let base = format!("{}{}", version_prefix(questionnaire), questionnaire.version);
    match (&widget.own, widget.hosts.is_empty()) {
        (Place::Id(id), true) if id != "0" => Some(format!("{base}#{id}")),
        (Place::Position(n), true) if *n > 0 => Some(format!("{base}#{n}")),
        _ => None,
    }
}

/// Whether `key` holds progress for an older version of `questionnaire`:
/// left behind by an earlier release and never readable again. A newer
/// version's progress is left alone: a page that still serves the old
/// version (for old codes, say) must not delete what the new one saved.
pub fn is_outdated_key(key: &str, questionnaire: &Questionnaire) -> bool {
    key.strip_prefix(&version_prefix(questionnaire))
        .map(|rest| rest.split('#').next().unwrap_or(rest))
        .filter(|version| {
            (1..=code::MAX_VERSION_DIGITS).contains(&version.len())
                && version.bytes().all(|b| b.is_ascii_digit())
        })
        .and_then(|version| version.parse::<u32>().ok())
        .is_some_and(|version| version < questionnaire.version)
}

/// What every storage key of `questionnaire` starts with, whatever its
/// version or widget: the loader looks for it before it shows the
/// prerendered intro, which progress of any version would replace. The id
/// is escaped, so that no other questionnaire's keys start with it.
pub fn version_prefix(questionnaire: &Questionnaire) -> String {
    format!("{KEY_PREFIX}/{}/v", escape(&questionnaire.id))
}

/// Where the respondent's earlier results of `questionnaire` are kept (see
/// [`crate::history`]): one key per questionnaire and version, for every
/// widget of the origin, apart from progress (the loader reads any key
/// under [`version_prefix`] as progress to resume).
pub fn history_key(questionnaire: &Questionnaire) -> String {
    format!(
        "{KEY_PREFIX}-history/{}/v{}",
        escape(&questionnaire.id),
        questionnaire.version
    )
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
            language: quiz.language().to_string(),
            step: quiz.step(),
            answers: quiz.answers().to_vec(),
            profile: questionnaire
                .profile
                .iter()
                .zip(quiz.profile())
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
        Ok(Quiz::resumed(
            questionnaire,
            saved.language,
            step,
            saved.answers,
            profile,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;
    use crate::quiz::Action;

    /// The text stored for `quiz`, as the widget writes it: serde_json,
    /// through gloo-storage.
    fn save(quiz: &Quiz, questionnaire: &Questionnaire) -> String {
        serde_json::to_string(&SavedProgress::of(quiz, questionnaire)).unwrap()
    }

    /// A stored text read back as the widget reads it: serde_json, then
    /// [`SavedProgress::restore`].
    fn restore(text: &str, questionnaire: &Questionnaire) -> Result<Quiz, Unreadable> {
        serde_json::from_str::<SavedProgress>(text)
            .map_err(|error| unreadable(&error))?
            .restore(questionnaire)
    }

    /// The built-in questionnaire, pinned at version 2 so that these tests
    /// of keys and versions read the same whatever the content's version.
    fn built_in() -> Questionnaire {
        let mut q = Questionnaire::built_in();
        q.version = 2;
        q
    }

    /// A quiz five answers in, on question 6, in English.
    fn midway(q: &Questionnaire) -> Quiz {
        let mut actions = vec![Action::Start];
        for level in [1, 2, 3, 4] {
            actions.push(Action::Choose(Answer::Level(Level(level))));
            actions.push(Action::Continue);
        }
        actions.extend([Action::Choose(Answer::DontKnow), Action::Continue]);
        actions
            .into_iter()
            .fold(Quiz::new(q, "en".to_string()), |quiz, action| {
                quiz.apply(q, None, action).next
            })
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
            (back.step(), &back.answers(), back.language()),
            (quiz.step(), &quiz.answers(), "en")
        );
        assert!(
            !back.moved(),
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

    fn at(own: Place) -> WidgetPlace {
        WidgetPlace {
            hosts: Vec::new(),
            own,
        }
    }

    fn in_host(tag: &str, host: Place, own: Place) -> WidgetPlace {
        WidgetPlace {
            hosts: vec![(tag.to_string(), host)],
            own,
        }
    }

    #[test]
    fn keys_separate_questionnaires_versions_and_widgets() {
        let q = built_in();
        let key = |place: WidgetPlace| storage_key(&q, &place);
        let id = |id: &str| Place::Id(id.to_string());
        assert_eq!(
            key(WidgetPlace::first()),
            "maturity-quiz/social-maturity/v2",
            "the usual single widget keeps the key it always had"
        );
        assert_eq!(
            key(at(id("team-a"))),
            "maturity-quiz/social-maturity/v2#id:team-a"
        );
        assert_eq!(
            key(at(Place::Position(1))),
            "maturity-quiz/social-maturity/v2#pos:1"
        );
        // An id never takes a position's key, nor the first widget's.
        assert_ne!(key(at(id("1"))), key(at(Place::Position(1))));
        assert_ne!(key(at(id("0"))), key(WidgetPlace::first()));
        // Widgets in shadow roots: told apart by their hosts, and from the
        // document's widgets.
        let first_card = in_host("my-card", Place::Position(0), Place::Position(0));
        let second_card = in_host("my-card", Place::Position(1), Place::Position(0));
        assert_eq!(
            key(first_card.clone()),
            "maturity-quiz/social-maturity/v2#my-card.pos:0/pos:0"
        );
        assert_ne!(key(first_card.clone()), key(second_card));
        assert_ne!(key(first_card), key(WidgetPlace::first()));
        assert_eq!(
            key(in_host("my-card", id("a"), id("b"))),
            "maturity-quiz/social-maturity/v2#my-card.id:a/id:b"
        );
        // Separators in ids are escaped: `id="a/id:b"` in the document is
        // not the widget `b` in a host `a`.
        assert_eq!(
            key(at(id("a/id:b#%"))),
            "maturity-quiz/social-maturity/v2#id:a%2Fid:b%23%25"
        );
        let mut slashed = q.clone();
        slashed.id = "a/v1#x".to_string();
        assert_eq!(version_prefix(&slashed), "maturity-quiz/a%2Fv1%23x/v");
    }

    #[test]
    fn keys_from_before_the_namespaces_are_found_for_moving() {
        let q = built_in();
        let legacy = |place: WidgetPlace| legacy_key(&q, &place);
        assert_eq!(
            legacy(at(Place::Id("team-a".to_string()))).as_deref(),
            Some("maturity-quiz/social-maturity/v2#team-a")
        );
        assert_eq!(
            legacy(at(Place::Position(2))).as_deref(),
            Some("maturity-quiz/social-maturity/v2#2")
        );
        assert_eq!(legacy(WidgetPlace::first()), None, "its key is unchanged");
        assert_eq!(
            legacy(at(Place::Id("0".to_string()))),
            None,
            "`id=\"0\"` had the first widget's key, which stays the first widget's"
        );
        assert_eq!(
            legacy(in_host("my-card", Place::Position(0), Place::Position(0))),
            None
        );
    }

    #[test]
    fn only_older_versions_of_the_same_questionnaire_are_outdated() {
        let q = built_in(); // version 2
        assert!(is_outdated_key("maturity-quiz/social-maturity/v0", &q));
        assert!(is_outdated_key("maturity-quiz/social-maturity/v1", &q));
        assert!(is_outdated_key(
            "maturity-quiz/social-maturity/v1#id:team-a",
            &q
        ));
        assert!(is_outdated_key(
            "maturity-quiz/social-maturity/v1#team-a",
            &q
        ));
        for kept in [
            // This version.
            "maturity-quiz/social-maturity/v2",
            "maturity-quiz/social-maturity/v2#pos:1",
            // Newer versions, which a page still serving this one (for old
            // codes) must not delete.
            "maturity-quiz/social-maturity/v3",
            "maturity-quiz/social-maturity/v10#id:team-a",
            "maturity-quiz/social-maturity/v4294967295",
            // Other questionnaires, and whatever is not ours.
            "maturity-quiz/other/v0",
            "maturity-quiz/social-maturity-2/v1",
            "maturity-quiz/social-maturity/vx/v1",
            "maturity-quiz/social-maturity/v",
            "maturity-quiz/social-maturity/v1x",
            "maturity-quiz/social-maturity/v00000000001",
            "someone-else",
        ] {
            assert!(!is_outdated_key(kept, &q), "{kept} is kept");
        }
        // A questionnaire whose id is another's prefix plus `/v…` has its
        // own keys, and never takes the other's for old versions.
        let mut a = q.clone();
        a.id = "a".to_string();
        a.version = 5;
        let mut a_slash = q.clone();
        a_slash.id = "a/v1".to_string();
        a_slash.version = 1;
        let theirs = storage_key(&a_slash, &WidgetPlace::first());
        assert_eq!(theirs, "maturity-quiz/a%2Fv1/v1");
        assert!(!is_outdated_key(&theirs, &a));
        assert!(is_outdated_key("maturity-quiz/a/v4", &a));
    }
}
