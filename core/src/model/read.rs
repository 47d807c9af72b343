//! Reading a questionnaire out of JSON parsed by serde_json: every field
//! that is missing, unknown or of the wrong type, each with its path
//! (`questions[2].text.en: expected a text, found a number`), all at once.
//!
//! A site owner fixing a file wants the whole list, not the first mismatch,
//! so every reader goes on past a problem and only gives up its own value.
//! serde's derived `Deserialize` stops at the first mismatch, hence this walk
//! over a [`Value`]. A key given twice is not seen: serde_json keeps the last
//! one (docs/questionnaire-format.md says so).

use serde_json::{Map, Value};

use super::{
    Dimension, Localized, Phase, ProfileAnswer, ProfileQuestion, Question, Questionnaire, UiWords,
};
use crate::i18n::Word;

/// A type that can be read from JSON at a path.
pub(crate) trait FromJson: Sized {
    /// Reads `value`, noting each misfit in `problems`; `None` when any part
    /// of the value did not fit.
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<Self>;
}

/// A struct read from a JSON object, member by member.
pub(crate) trait Record: Sized {
    /// The names of its members; any other member is refused.
    const FIELDS: &'static [&'static str];

    /// Builds the struct from its members.
    fn build(members: &mut Members) -> Option<Self>;
}

impl<T: Record> FromJson for T {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<T> {
        let Value::Object(members) = value else {
            problems.push(mismatch(path, "an object", value));
            return None;
        };
        let built = T::build(&mut Members {
            path,
            members,
            problems,
        });
        for name in members.keys() {
            if !T::FIELDS.contains(&name.as_str()) {
                problems.push(format!(
                    "{}: unknown field, expected one of {}",
                    join(path, name),
                    T::FIELDS.join(", ")
                ));
            }
        }
        built
    }
}

/// The members of one object, and where its problems go.
pub(crate) struct Members<'a> {
    path: &'a str,
    members: &'a Map<String, Value>,
    problems: &'a mut Vec<String>,
}

impl Members<'_> {
    /// The member `name`, which must be present.
    pub(crate) fn required<T: FromJson>(&mut self, name: &str) -> Option<T> {
        match self.optional(name) {
            Some(None) => {
                self.problems
                    .push(format!("{}: missing", join(self.path, name)));
                None
            }
            read => read.flatten(),
        }
    }

    /// The member `name`: `Some(None)` when it is absent, `None` when it is
    /// present but does not fit.
    pub(crate) fn optional<T: FromJson>(&mut self, name: &str) -> Option<Option<T>> {
        match self.members.get(name) {
            Some(value) => T::read(&join(self.path, name), value, self.problems).map(Some),
            None => Some(None),
        }
    }
}

impl Record for Questionnaire {
    const FIELDS: &[&str] = &[
        "id",
        "version",
        "languages",
        "title",
        "intro",
        "about",
        "phases",
        "dimensions",
        "questions",
        "profile",
        "ui",
    ];

    fn build(m: &mut Members) -> Option<Questionnaire> {
        let id = m.required("id");
        let version = m.required("version");
        let languages = m.required("languages");
        let title = m.required("title");
        let intro = m.required("intro");
        let about = m.required("about");
        let phases = m.required("phases");
        let dimensions = m.required("dimensions");
        let questions = m.required("questions");
        let profile = m.optional("profile");
        let ui = m.optional("ui");
        Some(Questionnaire {
            id: id?,
            version: version?,
            languages: languages?,
            title: title?,
            intro: intro?,
            about: about?,
            phases: phases?,
            dimensions: dimensions?,
            questions: questions?,
            // A questionnaire without background questions asks none.
            profile: profile?.unwrap_or_default(),
            // Without words of its own, the widget's are used.
            ui: ui?.unwrap_or_default(),
        })
    }
}

impl Record for Phase {
    const FIELDS: &[&str] = &["id", "name", "description"];

    fn build(m: &mut Members) -> Option<Phase> {
        let id = m.required("id");
        let name = m.required("name");
        let description = m.required("description");
        Some(Phase {
            id: id?,
            name: name?,
            description: description?,
        })
    }
}

impl Record for Dimension {
    const FIELDS: &[&str] = &["id", "name", "levels"];

    fn build(m: &mut Members) -> Option<Dimension> {
        let id = m.required("id");
        let name = m.required("name");
        let levels = m.required("levels");
        Some(Dimension {
            id: id?,
            name: name?,
            levels: levels?,
        })
    }
}

impl Record for Question {
    const FIELDS: &[&str] = &["id", "dimension", "text", "options", "dont_know"];

    fn build(m: &mut Members) -> Option<Question> {
        let id = m.required("id");
        let dimension = m.required("dimension");
        let text = m.required("text");
        let options = m.required("options");
        let dont_know = m.optional("dont_know");
        Some(Question {
            id: id?,
            dimension: dimension?,
            text: text?,
            options: options?,
            // "Don't know" is offered unless a questionnaire says otherwise.
            dont_know: dont_know?.unwrap_or(true),
        })
    }
}

impl Record for ProfileQuestion {
    const FIELDS: &[&str] = &["id", "text", "answers"];

    fn build(m: &mut Members) -> Option<ProfileQuestion> {
        let id = m.required("id");
        let text = m.required("text");
        let answers = m.required("answers");
        Some(ProfileQuestion {
            id: id?,
            text: text?,
            answers: answers?,
        })
    }
}

impl Record for ProfileAnswer {
    const FIELDS: &[&str] = &["id", "text"];

    fn build(m: &mut Members) -> Option<ProfileAnswer> {
        let id = m.required("id");
        let text = m.required("text");
        Some(ProfileAnswer {
            id: id?,
            text: text?,
        })
    }
}

impl FromJson for Localized {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<Localized> {
        let expected = "an object of texts by language";
        members(path, value, expected, problems, String::read).map(Localized)
    }
}

impl FromJson for UiWords {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<UiWords> {
        let words = |path: &str, words: &Value, problems: &mut Vec<String>| {
            members(
                path,
                words,
                "an object of texts by key",
                problems,
                Word::read,
            )
        };
        members(
            path,
            value,
            "an object of words by language",
            problems,
            words,
        )
        .map(UiWords)
    }
}

/// The members of the object `value`, each read by `read` and kept with its
/// name, in order: a map whose keys are data (languages, the widget's
/// keys), where a [`Record`] has fixed fields. Every member is read, so that
/// each one's problems are reported.
fn members<T>(
    path: &str,
    value: &Value,
    expected: &str,
    problems: &mut Vec<String>,
    read: impl Fn(&str, &Value, &mut Vec<String>) -> Option<T>,
) -> Option<Vec<(String, T)>> {
    let Value::Object(members) = value else {
        problems.push(mismatch(path, expected, value));
        return None;
    };
    let read: Vec<Option<(String, T)>> = members
        .iter()
        .map(|(name, member)| read(&join(path, name), member, problems).map(|t| (name.clone(), t)))
        .collect();
    read.into_iter().collect()
}

/// A plural's forms, as a questionnaire's `ui` object gives them.
struct Forms {
    one: String,
    other: String,
}

impl Record for Forms {
    const FIELDS: &[&str] = &["one", "other"];

    fn build(m: &mut Members) -> Option<Forms> {
        let one = m.required("one");
        let other = m.required("other");
        Some(Forms {
            one: one?,
            other: other?,
        })
    }
}

impl FromJson for Word {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<Word> {
        match value {
            Value::String(text) => Some(Word::Text(text.clone())),
            Value::Object(_) => Forms::read(path, value, problems)
                .map(|Forms { one, other }| Word::Plural { one, other }),
            _ => {
                let expected = "a text, or a plural's forms {\"one\": …, \"other\": …}";
                problems.push(mismatch(path, expected, value));
                None
            }
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<Vec<T>> {
        let Value::Array(items) = value else {
            problems.push(mismatch(path, "a list", value));
            return None;
        };
        // Every item is read, so that each one's problems are reported.
        let read: Vec<Option<T>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| T::read(&format!("{path}[{i}]"), item, problems))
            .collect();
        read.into_iter().collect()
    }
}

impl FromJson for String {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<String> {
        leaf(path, value, "a text", problems, |v| {
            v.as_str().map(str::to_string)
        })
    }
}

impl FromJson for u32 {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<u32> {
        let expected = "a whole number from 0 to 4294967295";
        leaf(path, value, expected, problems, |v| {
            v.as_u64().and_then(|n| u32::try_from(n).ok())
        })
    }
}

impl FromJson for usize {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<usize> {
        leaf(path, value, "a whole number", problems, |v| {
            v.as_u64().and_then(|n| usize::try_from(n).ok())
        })
    }
}

impl FromJson for f64 {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<f64> {
        leaf(path, value, "a number", problems, Value::as_f64)
    }
}

/// A number or `null`: `Some(None)` for `null`.
impl FromJson for Option<f64> {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<Option<f64>> {
        match value {
            Value::Null => Some(None),
            _ => f64::read(path, value, problems).map(Some),
        }
    }
}

impl FromJson for bool {
    fn read(path: &str, value: &Value, problems: &mut Vec<String>) -> Option<bool> {
        leaf(path, value, "true or false", problems, Value::as_bool)
    }
}

fn leaf<T>(
    path: &str,
    value: &Value,
    expected: &str,
    problems: &mut Vec<String>,
    read: impl FnOnce(&Value) -> Option<T>,
) -> Option<T> {
    let read = read(value);
    if read.is_none() {
        problems.push(mismatch(path, expected, value));
    }
    read
}

/// `path.name`, or `name` at the top level.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn mismatch(path: &str, expected: &str, found: &Value) -> String {
    // The top level has no path of its own.
    let path = if path.is_empty() { "(top level)" } else { path };
    format!("{path}: expected {expected}, found {}", kind(found))
}

/// What kind of value `value` is, in a site owner's words ("a string").
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(all(test, feature = "schema"))]
mod tests {
    use super::*;

    /// The properties of `definition` in the schema.
    fn schema_names(schema: &Value, definition: Option<&str>) -> Vec<String> {
        let node = match definition {
            Some(name) => &schema["$defs"][name],
            None => schema,
        };
        let mut names: Vec<String> = node["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_record_reads_the_fields_of_the_schema() {
        let schema: Value = serde_json::from_str(&Questionnaire::json_schema()).unwrap();
        for (fields, definition) in [
            (Questionnaire::FIELDS, None),
            (Phase::FIELDS, Some("Phase")),
            (Dimension::FIELDS, Some("Dimension")),
            (Question::FIELDS, Some("Question")),
            (ProfileQuestion::FIELDS, Some("ProfileQuestion")),
            (ProfileAnswer::FIELDS, Some("ProfileAnswer")),
        ] {
            let mut names: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
            names.sort();
            assert_eq!(names, schema_names(&schema, definition), "{definition:?}");
        }
    }
}
