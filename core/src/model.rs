//! The questionnaire as data: phases, dimensions, questions and their texts
//! in every language, read from JSON and checked before anything uses it.
//!
//! The built-in Social Maturity Model lives in `content/social-maturity.json`
//! and is embedded at compile time; a site owner's own questionnaire uses the
//! same format. Nothing here touches the browser, so it is tested natively.

use std::fmt;

use crate::i18n::{self, UiText, WORD_KEYS, Word, Words};
use read::FromJson;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub mod limits;
pub(crate) mod read;

/// The JSON text of the built-in questionnaire.
pub const BUILT_IN_JSON: &str = include_str!("../../content/social-maturity.json");

/// The start of a host attribute that answers a background question
/// beforehand: `profile-sector="care"`.
pub const PRESET_PREFIX: &str = "profile-";

/// The fewest and most phases a questionnaire may have.
pub const PHASES_ALLOWED: std::ops::RangeInclusive<usize> = 3..=7;

/// A phase level, counted from 1 (the least mature phase). In JSON, its
/// number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Level(pub u8);

impl Level {
    /// The position of this level's phase in [`Questionnaire::phases`].
    pub fn index(self) -> usize {
        usize::from(self.0) - 1
    }
}

/// What a respondent said to one question.
///
/// In JSON (events, saved progress, exports) a level is its number and "don't
/// know" is the string `"dont-know"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// The option that stands for this level.
    Level(Level),
    /// "Don't know": counted as missing by the scoring rule.
    DontKnow,
}

/// How "don't know" is written wherever an answer is text: JSON, CSV, the
/// radio's value.
pub const DONT_KNOW: &str = "dont-know";

impl Answer {
    /// The level this answer gives, or `None` for "don't know".
    pub fn level(self) -> Option<Level> {
        match self {
            Answer::Level(level) => Some(level),
            Answer::DontKnow => None,
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Level(level) => level.serialize(serializer),
            Answer::DontKnow => serializer.serialize_str(DONT_KNOW),
        }
    }
}

/// Reads what `Serialize` writes: any level from 0 to 255 (the caller checks
/// the range its questionnaire allows, see
/// [`Questionnaire::check_answers`]), or `"dont-know"`.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Answer, D::Error> {
        struct AnswerVisitor;

        impl Visitor<'_> for AnswerVisitor {
            type Value = Answer;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a level's number or \"{DONT_KNOW}\"")
            }

            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Answer, E> {
                u8::try_from(n)
                    .map(|n| Answer::Level(Level(n)))
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Answer, E> {
                if text == DONT_KNOW {
                    Ok(Answer::DontKnow)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(text), &self))
                }
            }
        }

        deserializer.deserialize_any(AnswerVisitor)
    }
}

/// A text in each of the questionnaire's languages, keyed by language code.
// Pairs in the order written rather than a map: a questionnaire has two or
// three languages, and a map's code costs the widget more than it saves.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transparent))]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized(
    #[cfg_attr(
        feature = "schema",
        schemars(with = "std::collections::BTreeMap<String, String>")
    )]
    pub Vec<(String, String)>,
);

impl Localized {
    /// The text in `language`, or an empty string when it is missing (a
    /// validated questionnaire never has a missing text).
    pub fn get(&self, language: &str) -> &str {
        self.find(language).unwrap_or("")
    }

    fn find(&self, language: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(code, _)| code == language)
            .map(|(_, text)| text.as_str())
    }
}

/// The widget's own words a questionnaire brings (its `ui` object): for each
/// language, texts by their key in `content/ui.json`. Every text for a
/// language the widget has no words in; any for one it has, in place of its
/// own.
// Pairs in the order written, as `Localized` keeps them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UiWords(pub Vec<(String, Words)>);

impl UiWords {
    /// The words given for `language`, if any.
    pub fn get(&self, language: &str) -> Option<&[(String, Word)]> {
        self.0
            .iter()
            .find(|(code, _)| code == language)
            .map(|(_, words)| words.as_slice())
    }
}

/// The schema of the `ui` object, made from the widget's table of texts: a
/// site owner's editor knows every key, whether it is a plural, and what it
/// says in the widget's own languages.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for UiWords {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "UiWords".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let words: serde_json::Map<String, serde_json::Value> = WORD_KEYS
            .iter()
            .zip(i18n::WORD_DOCS)
            .map(|(word, doc)| {
                let text = serde_json::json!({"type": "string", "minLength": 1});
                let schema = if word.plural {
                    serde_json::json!({
                        "type": "object",
                        "properties": {"one": text, "other": text},
                        "required": ["one", "other"],
                        "additionalProperties": false,
                        "description": doc,
                    })
                } else {
                    serde_json::json!({"type": "string", "minLength": 1, "description": doc})
                };
                (word.key.to_string(), schema)
            })
            .collect();
        schemars::json_schema!({
            "description": "The widget's own words, by language: each an object of texts by their key in content/ui.json. A language the widget has no words in needs every key; for nl, en, de and fr, any key replaces the widget's own. A text keeps the {placeholders} of the widget's own; a plural gives the forms one and other.",
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "properties": words,
                "additionalProperties": false,
            },
        })
    }
}

/// One phase of the maturity model.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phase {
    /// A stable identifier, used in events and exported results: 1 to 64
    /// letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))
    )]
    pub id: String,
    /// The phase's name, such as "Experimenteel".
    pub name: Localized,
    /// What characterises an organisation in this phase. Paragraphs are
    /// separated by a blank line.
    pub description: Localized,
}

/// One aspect of maturity that questions are grouped by.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dimension {
    /// A stable identifier, referred to by a question's `dimension`: 1 to 64
    /// letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))
    )]
    pub id: String,
    /// The dimension's name, such as "Strategy and goals".
    pub name: Localized,
    /// For each phase level, in order, what this dimension looks like at that
    /// level; shown as the "next step" for a dimension below it.
    pub levels: Vec<Localized>,
}

/// One question, answered by choosing the option of one phase level.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// A stable identifier, used in events and exported results: 1 to 64
    /// letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))
    )]
    pub id: String,
    /// The `id` of the dimension this question counts towards.
    pub dimension: String,
    /// The question itself.
    pub text: Localized,
    /// One option per phase level, in level order.
    pub options: Vec<Localized>,
    /// Whether "don't know" is offered as a last option.
    #[cfg_attr(feature = "schema", schemars(default = "offered"))]
    pub dont_know: bool,
}

#[cfg(feature = "schema")]
fn offered() -> bool {
    true
}

/// A background question: something about the respondent's organisation
/// (its sector, its size) that is never scored, only used to split a group
/// into segments. Every one may be left unanswered ("prefer not to say").
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileQuestion {
    /// A stable identifier of 1 to 64 lowercase letters, digits and hyphens,
    /// starting with a letter or digit: used in events, downloads, CSV
    /// columns and the host's `profile-<id>` attribute.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,63}$"))
    )]
    pub id: String,
    /// The question itself.
    pub text: Localized,
    /// The answers to choose from, in the order shown; at least two.
    pub answers: Vec<ProfileAnswer>,
}

/// One answer to a background question.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileAnswer {
    /// A stable identifier of 1 to 64 lowercase letters, digits and hyphens,
    /// starting with a letter or digit.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,63}$"))
    )]
    pub id: String,
    /// The answer as the respondent reads it.
    pub text: Localized,
}

/// The answers to the background questions, by index: `Some(i)` is the
/// question's answer `i`, `None` no answer (skipped, or "prefer not to say").
pub type Profile = Vec<Option<usize>>;

/// Everything one respondent said: an answer to each question and to each
/// background question. What a result code, a link, a downloaded result or
/// a CSV row carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Response {
    /// The answer to each question, `None` where there is none.
    pub answers: Vec<Option<Answer>>,
    /// The answer to each background question.
    pub profile: Profile,
}

/// A whole questionnaire: the model's phases and dimensions and the questions
/// that place an organisation in them.
///
/// Build one with [`Questionnaire::from_json`], which checks it; every method
/// may then rely on its ids being unique and its texts complete.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(description = "A maturity-quiz questionnaire; see docs/questionnaire-format.md.")
)]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Questionnaire {
    /// Identifies the questionnaire, in storage keys, codes and events: 1 to
    /// 64 letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))
    )]
    pub id: String,
    /// Raised whenever questions or options change meaning.
    pub version: u32,
    /// The language codes every text is given in; the first is the default.
    pub languages: Vec<String>,
    /// The questionnaire's title.
    pub title: Localized,
    /// What the questionnaire measures, shown before the first question.
    pub intro: Localized,
    /// Where the model comes from and whom to credit.
    pub about: Localized,
    /// The phases, least mature first: from 3 to 7.
    #[cfg_attr(feature = "schema", schemars(length(min = 3, max = 7)))]
    pub phases: Vec<Phase>,
    /// The dimensions, in the order their questions are asked.
    pub dimensions: Vec<Dimension>,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
    /// The background questions, asked on one screen after the questions;
    /// none when left out.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub profile: Vec<ProfileQuestion>,
    /// The widget's own words (buttons, notes, messages) by language: all
    /// of them for a language the widget does not speak, any for one it
    /// does; none when left out.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub ui: UiWords,
}

/// Why answers cannot belong to a questionnaire (see
/// [`Questionnaire::check_answers`]); questions count from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerMisfit {
    /// `found` answers for another number of questions.
    Count {
        /// How many answers there are.
        found: usize,
    },
    /// A level that is not one of the questionnaire's phases.
    Level {
        /// The question answered with it, from 1.
        question: usize,
    },
    /// "Don't know" to a question that does not offer it.
    DontKnow {
        /// The question answered with it, from 1.
        question: usize,
    },
}

/// Why a questionnaire could not be used: every problem found, each with the
/// path of the field it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidQuestionnaire {
    problems: Vec<String>,
    omitted: usize,
}

impl InvalidQuestionnaire {
    /// Keeps the first [`limits::PROBLEMS_LISTED`] of `problems` and counts
    /// the rest: a site owner fixes a file from the top, and a list of
    /// thousands would only bury the first mistake.
    fn new(mut problems: Vec<String>) -> InvalidQuestionnaire {
        let omitted = problems.len().saturating_sub(limits::PROBLEMS_LISTED);
        problems.truncate(limits::PROBLEMS_LISTED);
        InvalidQuestionnaire { problems, omitted }
    }

    /// Each problem as `path: reason`, in the order of the document; at most
    /// [`limits::PROBLEMS_LISTED`] of them.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// How many more problems there are than [`Self::problems`] lists.
    pub fn omitted(&self) -> usize {
        self.omitted
    }
}

impl fmt::Display for InvalidQuestionnaire {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problems.join("\n"))?;
        match self.omitted {
            0 => Ok(()),
            1 => f.write_str("\n…and 1 more problem"),
            n => write!(f, "\n…and {n} more problems"),
        }
    }
}

impl std::error::Error for InvalidQuestionnaire {}

impl Questionnaire {
    /// The built-in Social Maturity Model.
    ///
    /// The embedded file is checked by the test suite, so a failure here is a
    /// build mistake, not bad input.
    pub fn built_in() -> Questionnaire {
        // Display, not expect's Debug: Debug for the problems would add its
        // string escaping to the wasm for a message nobody should see.
        Questionnaire::from_json(BUILT_IN_JSON)
            .unwrap_or_else(|invalid| panic!("the built-in questionnaire is invalid: {invalid}"))
    }

    /// Reads and checks a questionnaire, reporting every problem at once,
    /// each as `path: reason`.
    ///
    /// Text that is not JSON gives one problem, with its line and column;
    /// JSON that does not fit the format gives every misfit (missing,
    /// unknown or mistyped fields); a questionnaire that fits but breaks a
    /// rule (counts, unique ids, complete texts) gives every broken rule.
    ///
    /// A UTF-8 byte order mark before the JSON is skipped, as browsers do
    /// when they decode a fetched file, so the checker and the widget agree.
    ///
    /// A text over [`limits::BYTES`], or with more languages, dimensions,
    /// questions or background questions than [`limits`] allows, gives only
    /// that problem: nothing else of it is read. At most
    /// [`limits::PROBLEMS_LISTED`] problems are listed, the rest counted.
    pub fn from_json(json: &str) -> Result<Questionnaire, InvalidQuestionnaire> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        if json.len() > limits::BYTES {
            return Err(InvalidQuestionnaire::new(limits::exceeded(
                json,
                &serde_json::Value::Null,
            )));
        }
        let value: serde_json::Value = serde_json::from_str(json).map_err(|err| {
            InvalidQuestionnaire::new(vec![format!(
                "line {}, column {}: not JSON: {}",
                err.line(),
                err.column(),
                syntax_reason(&err)
            )])
        })?;
        let mut problems = limits::exceeded(json, &value);
        if !problems.is_empty() {
            return Err(InvalidQuestionnaire::new(problems));
        }
        let questionnaire = Questionnaire::read("", &value, &mut problems);
        if let Some(questionnaire) = questionnaire.filter(|_| problems.is_empty()) {
            problems = questionnaire.problems();
            if problems.is_empty() {
                return Ok(questionnaire);
            }
        }
        Err(InvalidQuestionnaire::new(problems))
    }

    /// The JSON Schema of the format, generated from these types: the text of
    /// `docs/questionnaire.schema.json`.
    #[cfg(feature = "schema")]
    pub fn json_schema() -> String {
        crate::schema_text::<Questionnaire>()
    }

    /// The index in [`Questionnaire::dimensions`] of question `question`'s
    /// dimension, or `None` for a dimension that does not exist (which
    /// [`Questionnaire::from_json`] rejects, but a questionnaire built or
    /// changed in code may have).
    pub fn dimension_of(&self, question: usize) -> Option<usize> {
        let id = &self.questions.get(question)?.dimension;
        self.dimensions.iter().position(|d| &d.id == id)
    }

    /// The highest phase level.
    pub fn top_level(&self) -> Level {
        Level(self.phases.len() as u8)
    }

    /// The phase at `level`.
    pub fn phase(&self, level: Level) -> &Phase {
        &self.phases[level.index()]
    }

    /// Whether `answers` could have been given to this questionnaire: one
    /// per question, each a level of one of its phases, or "don't know" where
    /// the question offers it. Result codes, downloaded results and saved
    /// progress all come from outside, and all are checked by this one rule.
    pub fn check_answers(&self, answers: &[Option<Answer>]) -> Result<(), AnswerMisfit> {
        if answers.len() != self.questions.len() {
            return Err(AnswerMisfit::Count {
                found: answers.len(),
            });
        }
        let top = self.top_level();
        for (i, (question, answer)) in self.questions.iter().zip(answers).enumerate() {
            match answer {
                Some(Answer::Level(level)) if level.0 == 0 || *level > top => {
                    return Err(AnswerMisfit::Level { question: i + 1 });
                }
                Some(Answer::DontKnow) if !question.dont_know => {
                    return Err(AnswerMisfit::DontKnow { question: i + 1 });
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The background question `id` and, within it, the index of answer
    /// `answer`, each `None` when there is no such id.
    pub fn find_profile(&self, id: &str, answer: &str) -> (Option<usize>, Option<usize>) {
        let question = self.profile.iter().position(|q| q.id == id);
        let found =
            question.and_then(|q| self.profile[q].answers.iter().position(|a| a.id == answer));
        (question, found)
    }

    /// The answers a host page gives beforehand, from its `profile-<id>`
    /// attributes as (name, value) pairs (other attributes are passed over):
    /// one entry per background question, and a message for each attribute
    /// that names no background question or no answer of it.
    pub fn preset<'a>(
        &self,
        attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Profile, Vec<String>) {
        let mut preset = vec![None; self.profile.len()];
        let mut problems = Vec::new();
        for (name, value) in attributes {
            let Some(id) = name.strip_prefix(PRESET_PREFIX) else {
                continue;
            };
            match self.find_profile(id, value) {
                (Some(question), Some(answer)) => preset[question] = Some(answer),
                (None, _) => problems.push(format!(
                    "{name}=\"{value}\" is ignored: the questionnaire has no background question \"{id}\" (it has: {})",
                    self.profile.iter().map(|q| q.id.as_str()).collect::<Vec<_>>().join(", ")
                )),
                (Some(question), None) => problems.push(format!(
                    "{name}=\"{value}\" is ignored: \"{value}\" is not an answer to \"{id}\" (it has: {})",
                    self.profile[question].answers.iter().map(|a| a.id.as_str()).collect::<Vec<_>>().join(", ")
                )),
            }
        }
        (preset, problems)
    }

    /// The widget's words in `language`: its own ([`i18n::ui_text`]), with
    /// those the questionnaire brings for `language` in their place.
    pub fn words(&self, language: &str) -> &'static UiText {
        match self.ui.get(language) {
            Some(words) => i18n::with_words(language, words),
            None => i18n::ui_text(language),
        }
    }

    /// The name of `language` on the language switch: the questionnaire's
    /// own `language_name` for it, else [`i18n::language_name`]'s.
    pub fn language_name(
        &self,
        language: &str,
        autonym: impl FnOnce(&str) -> Option<String>,
    ) -> String {
        let mut brought = self.ui.get(language).into_iter().flatten();
        match brought.find(|(key, _)| key == "language_name") {
            Some((_, Word::Text(name))) => name.clone(),
            _ => i18n::language_name(language, autonym),
        }
    }

    /// What a site owner should know of a questionnaire that works, each as
    /// `path: reason`: a language the widget has no words in, for which the
    /// questionnaire brings none either, shows the widget's words in
    /// English.
    pub fn warnings(&self) -> Vec<String> {
        self.languages
            .iter()
            .enumerate()
            .filter(|(_, language)| !i18n::speaks(language) && self.ui.get(language).is_none())
            .map(|(i, language)| {
                format!(
                    "languages[{i}]: the widget has no words of its own in {}, and ui.{} gives none: its buttons, notes and messages show in {}",
                    quoted(language),
                    shortened(language, 40),
                    i18n::language_name(i18n::WORDS_FALLBACK_LANGUAGE, |_| None)
                )
            })
            .collect()
    }

    /// Whether `language` is one the questionnaire is written in.
    pub fn speaks(&self, language: &str) -> bool {
        self.languages.iter().any(|l| l == language)
    }

    fn problems(&self) -> Vec<String> {
        let mut check = Checker {
            languages: &self.languages,
            problems: Vec::new(),
        };
        check.id("id", &self.id);
        if self.languages.is_empty() {
            check.problem("languages", "must name at least one language");
        }
        check.unique(
            "languages",
            self.languages.iter().map(String::as_str),
            "language",
        );
        for (i, language) in self.languages.iter().enumerate() {
            let well_formed = !language.is_empty()
                && language.chars().all(|c| c.is_ascii_lowercase() || c == '-');
            if !well_formed {
                check.problem(
                    &format!("languages[{i}]"),
                    &format!(
                        "{} is not a lowercase language code such as \"en\"",
                        quoted(language)
                    ),
                );
            }
        }
        check.text("title", &self.title);
        check.text("intro", &self.intro);
        check.text("about", &self.about);

        let levels = self.phases.len();
        if !PHASES_ALLOWED.contains(&levels) {
            check.problem(
                "phases",
                &format!(
                    "expected {} to {} phases, found {levels}",
                    PHASES_ALLOWED.start(),
                    PHASES_ALLOWED.end()
                ),
            );
        }
        check.unique("phases", self.phases.iter().map(|p| p.id.as_str()), "id");
        for (i, phase) in self.phases.iter().enumerate() {
            check.id(&format!("phases[{i}].id"), &phase.id);
            check.text(&format!("phases[{i}].name"), &phase.name);
            check.text(&format!("phases[{i}].description"), &phase.description);
        }

        if self.dimensions.is_empty() {
            check.problem("dimensions", "must have at least one dimension");
        }
        check.unique(
            "dimensions",
            self.dimensions.iter().map(|d| d.id.as_str()),
            "id",
        );
        for (i, dimension) in self.dimensions.iter().enumerate() {
            check.id(&format!("dimensions[{i}].id"), &dimension.id);
            check.text(&format!("dimensions[{i}].name"), &dimension.name);
            check.count(
                &format!("dimensions[{i}].levels"),
                dimension.levels.len(),
                levels,
                "levels",
            );
            for (l, text) in dimension.levels.iter().enumerate() {
                check.text(&format!("dimensions[{i}].levels[{l}]"), text);
            }
            if !self.questions.iter().any(|q| q.dimension == dimension.id) {
                check.problem(
                    &format!("dimensions[{i}]"),
                    "no question belongs to this dimension",
                );
            }
        }

        if self.questions.is_empty() {
            check.problem("questions", "must have at least one question");
        }
        check.unique(
            "questions",
            self.questions.iter().map(|q| q.id.as_str()),
            "id",
        );
        let mut last_dimension = 0;
        for (i, question) in self.questions.iter().enumerate() {
            check.id(&format!("questions[{i}].id"), &question.id);
            match self
                .dimensions
                .iter()
                .position(|d| d.id == question.dimension)
            {
                None => check.problem(
                    &format!("questions[{i}].dimension"),
                    &format!("\"{}\" is not the id of a dimension", question.dimension),
                ),
                // Related questions follow each other, so a respondent is
                // never sent back to a topic already left behind.
                Some(d) if d < last_dimension => check.problem(
                    &format!("questions[{i}].dimension"),
                    "questions must be in dimension order",
                ),
                Some(d) => last_dimension = d,
            }
            check.text(&format!("questions[{i}].text"), &question.text);
            check.count(
                &format!("questions[{i}].options"),
                question.options.len(),
                levels,
                "options",
            );
            for (o, option) in question.options.iter().enumerate() {
                check.text(&format!("questions[{i}].options[{o}]"), option);
            }
        }

        check.unique("profile", self.profile.iter().map(|p| p.id.as_str()), "id");
        for (i, question) in self.profile.iter().enumerate() {
            check.slug(&format!("profile[{i}].id"), &question.id);
            check.text(&format!("profile[{i}].text"), &question.text);
            if question.answers.len() < 2 {
                check.problem(
                    &format!("profile[{i}].answers"),
                    &format!(
                        "expected at least 2 answers, found {}",
                        question.answers.len()
                    ),
                );
            }
            check.unique(
                &format!("profile[{i}].answers"),
                question.answers.iter().map(|a| a.id.as_str()),
                "id",
            );
            for (a, answer) in question.answers.iter().enumerate() {
                check.slug(&format!("profile[{i}].answers[{a}].id"), &answer.id);
                check.text(&format!("profile[{i}].answers[{a}].text"), &answer.text);
            }
        }
        check.words(&self.ui);
        check.problems
    }
}

/// What serde_json says is wrong, without the position it appends (the
/// problem's path gives it first).
fn syntax_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&position).unwrap_or(&text).to_string()
}

/// Whether `id` may name a questionnaire, phase, dimension or question: 1 to
/// [`limits::ID_CHARS`] ASCII letters, digits, `-`, `_` and `.`, the first a
/// letter or digit. Ids go verbatim into CSV files, where a cell starting
/// with `=`, `+`, `-` or `@` is a formula to a spreadsheet, and into file
/// names and storage keys, where `/`, `#` or a bidi control would mislead.
pub fn is_id(id: &str) -> bool {
    id_fits(id, |c| {
        c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
    })
}

/// Whether `id` may name a background question or answer: as [`is_id`], but
/// only lowercase letters, digits and `-`, since it also goes into an
/// attribute name (`profile-<id>`), which HTML lowercases.
pub fn is_profile_id(id: &str) -> bool {
    id_fits(id, |c| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
    })
}

fn id_fits(id: &str, allowed: impl Fn(char) -> bool) -> bool {
    id.len() <= limits::ID_CHARS
        && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id.chars().all(allowed)
}

/// `value` in quotes for a problem, cut to 40 characters: a problem names a
/// value so that the owner finds it, and an id of a megabyte would bury it.
fn quoted(value: &str) -> String {
    format!("\"{}\"", shortened(value, 40))
}

/// `value` whole up to `most` characters, else its first `most` and `…`:
/// how a message repeats a value that came from outside, so that a crafted
/// one of megabytes cannot fill the page.
pub fn shortened(value: &str, most: usize) -> String {
    match value.char_indices().nth(most) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    }
}

/// Collects problems while walking a questionnaire.
struct Checker<'a> {
    languages: &'a [String],
    problems: Vec<String>,
}

impl Checker<'_> {
    fn problem(&mut self, path: &str, reason: &str) {
        self.problems.push(format!("{path}: {reason}"));
    }

    /// An id, which goes into CSV columns and cells, file names, storage
    /// keys and element ids: see [`is_id`].
    fn id(&mut self, path: &str, id: &str) {
        if !is_id(id) {
            self.problem(
                path,
                &format!(
                    "{} is not an id: use 1 to {} letters, digits, '-', '_' and '.', starting with a letter or digit",
                    quoted(id),
                    limits::ID_CHARS
                ),
            );
        }
    }

    /// A background question's or answer's id, which also goes into an
    /// attribute's name (`profile-<id>`), where HTML folds case: see
    /// [`is_profile_id`].
    fn slug(&mut self, path: &str, id: &str) {
        if !is_profile_id(id) {
            self.problem(
                path,
                &format!(
                    "{} is not a background id: use 1 to {} lowercase letters, digits and hyphens, starting with a letter or digit",
                    quoted(id),
                    limits::ID_CHARS
                ),
            );
        }
    }

    fn count(&mut self, path: &str, found: usize, levels: usize, what: &str) {
        if found != levels {
            self.problem(
                path,
                &format!("expected {levels} {what} (one per phase), found {found}"),
            );
        }
    }

    fn unique<'s>(&mut self, path: &str, values: impl Iterator<Item = &'s str>, what: &str) {
        let mut seen = std::collections::HashSet::new();
        for (i, value) in values.enumerate() {
            if !seen.insert(value) {
                self.problem(
                    &format!("{path}[{i}]"),
                    &format!("{what} {} is used twice", quoted(value)),
                );
            }
        }
    }

    /// The widget's words a questionnaire brings: for one of its languages,
    /// each a text of the widget's of the same kind and placeholders, and
    /// every one of them for a language the widget has none in.
    fn words(&mut self, ui: &UiWords) {
        for (language, words) in &ui.0 {
            let path = format!("ui.{}", shortened(language, 40));
            if !self.languages.contains(language) {
                self.problem(
                    &path,
                    &format!(
                        "{} is not one of the questionnaire's languages",
                        quoted(language)
                    ),
                );
                continue;
            }
            for (key, word) in words {
                self.word(&format!("{path}.{}", shortened(key, 40)), key, word);
            }
            if !i18n::speaks(language) {
                for known in WORD_KEYS
                    .iter()
                    .filter(|known| !words.iter().any(|(key, _)| key == known.key))
                {
                    self.problem(
                        &format!("{path}.{}", known.key),
                        &format!(
                            "missing: the widget has no words of its own in {}, so {path} needs every text",
                            quoted(language)
                        ),
                    );
                }
            }
        }
    }

    /// One of the widget's words, `key`, as the questionnaire gives it.
    fn word(&mut self, path: &str, key: &str, word: &Word) {
        let Some(known) = WORD_KEYS.iter().find(|known| known.key == key) else {
            self.problem(
                path,
                "not one of the widget's texts: the keys are those of content/ui.json",
            );
            return;
        };
        match (known.plural, word) {
            (true, Word::Text(_)) => {
                return self.problem(
                    path,
                    "expected a plural's forms {\"one\": …, \"other\": …}, found a text",
                );
            }
            (false, Word::Plural { .. }) => {
                return self.problem(path, "expected a text, found a plural's forms");
            }
            _ => {}
        }
        for (form, text) in word.forms() {
            let path = match form {
                "" => path.to_string(),
                form => format!("{path}.{form}"),
            };
            if self.too_long(&path, text) {
                continue;
            }
            if text.trim().is_empty() {
                self.problem(&path, "empty");
            } else if !known.fits(text) {
                let list = |names: &[&str]| match names {
                    [] => "no placeholder".to_string(),
                    names => names
                        .iter()
                        .map(|name| format!("{{{}}}", shortened(name, 40)))
                        .collect::<Vec<_>>()
                        .join(" "),
                };
                self.problem(
                    &path,
                    &format!(
                        "has {}, but the widget fills {}",
                        list(&Word::placeholders(text)),
                        list(known.slots)
                    ),
                );
            }
        }
    }

    /// Notes a text over [`limits::TEXT_CHARS`]; whether it was one.
    fn too_long(&mut self, path: &str, text: &str) -> bool {
        let chars = text.chars().count();
        let too_long = chars > limits::TEXT_CHARS;
        if too_long {
            self.problem(
                path,
                &format!("at most {} characters, found {chars}", limits::TEXT_CHARS),
            );
        }
        too_long
    }

    fn text(&mut self, path: &str, text: &Localized) {
        for (language, t) in &text.0 {
            self.too_long(&format!("{path}.{language}"), t);
        }
        for language in self.languages {
            match text.find(language) {
                None => self.problem(path, &format!("\"{language}\" text missing")),
                Some(t) if t.trim().is_empty() => {
                    self.problem(path, &format!("\"{language}\" text is empty"))
                }
                Some(_) => {}
            }
        }
        for (language, _) in &text.0 {
            if !self.languages.contains(language) {
                self.problem(
                    path,
                    &format!(
                        "{} is not one of the questionnaire's languages",
                        quoted(language)
                    ),
                );
            }
        }
    }
}
