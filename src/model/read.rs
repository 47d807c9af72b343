//! Where a questionnaire's JSON does not fit the Rust types, and why: every
//! mismatch with its path, all at once.
//!
//! serde stops at the first mismatch and says where only as a line and
//! column (or, reading from a [`Value`], not at all). So when serde rejects a
//! document, this walks the parsed [`Value`] along the shape of the types and
//! reports each field that is missing, unknown or of the wrong type, with its
//! path (`questions[2].text.en: invalid type...`). serde stays the authority:
//! leaves are checked by deserialising them, and the walk only runs to explain
//! a rejection. The tests check that the walk and serde always agree, and that
//! each [`Shape`] names the same fields as the JSON Schema.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Dimension, Localized, Phase, Question, Questionnaire};

/// A type whose JSON can be checked part by part.
pub(super) trait Shape {
    /// Reports every way `value` at `path` does not fit this type.
    fn check(path: &str, value: &Value, problems: &mut Vec<String>);
}

/// A struct, checked field by field.
pub(super) trait Fields {
    /// Its fields as serde reads them: the attributes (`deny_unknown_fields`,
    /// defaults) on the struct are mirrored here.
    const FIELDS: &'static [Field];
}

impl<T: Fields> Shape for T {
    fn check(path: &str, value: &Value, problems: &mut Vec<String>) {
        object(path, value, T::FIELDS, problems);
    }
}

/// One field of a struct: its name, whether it may be omitted, and its check.
type Field = (&'static str, bool, fn(&str, &Value, &mut Vec<String>));

/// A field that must be present.
const fn required<T: Shape>(name: &'static str) -> Field {
    (name, false, T::check)
}

/// A field that may be omitted (it has a serde default).
const fn optional<T: Shape>(name: &'static str) -> Field {
    (name, true, T::check)
}

impl Fields for Questionnaire {
    const FIELDS: &[Field] = &[
        required::<String>("id"),
        required::<u32>("version"),
        required::<Vec<String>>("languages"),
        required::<Localized>("title"),
        required::<Localized>("intro"),
        required::<Localized>("about"),
        required::<Vec<Phase>>("phases"),
        required::<Vec<Dimension>>("dimensions"),
        required::<Vec<Question>>("questions"),
    ];
}

impl Fields for Phase {
    const FIELDS: &[Field] = &[
        required::<String>("id"),
        required::<Localized>("name"),
        required::<Localized>("description"),
    ];
}

impl Fields for Dimension {
    const FIELDS: &[Field] = &[
        required::<String>("id"),
        required::<Localized>("name"),
        required::<Vec<Localized>>("levels"),
    ];
}

impl Fields for Question {
    const FIELDS: &[Field] = &[
        required::<String>("id"),
        required::<String>("dimension"),
        required::<Localized>("text"),
        required::<Vec<Localized>>("options"),
        optional::<bool>("dont_know"),
    ];
}

impl Shape for Localized {
    fn check(path: &str, value: &Value, problems: &mut Vec<String>) {
        match value {
            Value::Object(texts) => {
                for (language, text) in texts {
                    String::check(&join(path, language), text, problems);
                }
            }
            other => problems.push(mismatch(path, "an object of texts by language", other)),
        }
    }
}

impl<T: Shape> Shape for Vec<T> {
    fn check(path: &str, value: &Value, problems: &mut Vec<String>) {
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    T::check(&format!("{path}[{i}]"), item, problems);
                }
            }
            other => problems.push(mismatch(path, "a list", other)),
        }
    }
}

impl Shape for String {
    fn check(path: &str, value: &Value, problems: &mut Vec<String>) {
        leaf::<String>(path, value, "a text", problems);
    }
}

impl Shape for u32 {
    fn check(path: &str, value: &Value, problems: &mut Vec<String>) {
        leaf::<u32>(path, value, "a whole number from 0 to 4294967295", problems);
    }
}

impl Shape for bool {
    fn check(path: &str, value: &Value, problems: &mut Vec<String>) {
        leaf::<bool>(path, value, "true or false", problems);
    }
}

/// Checks a leaf by letting serde read it, so its rules (such as a `u32`'s
/// range) are the ones applied; the message is ours, in a site owner's
/// words rather than Rust's.
fn leaf<T: DeserializeOwned>(
    path: &str,
    value: &Value,
    expected: &str,
    problems: &mut Vec<String>,
) {
    if T::deserialize(value).is_err() {
        problems.push(mismatch(path, expected, value));
    }
}

/// Checks an object against a struct's `fields`.
fn object(path: &str, value: &Value, fields: &[Field], problems: &mut Vec<String>) {
    let Value::Object(map) = value else {
        problems.push(mismatch(path, "an object", value));
        return;
    };
    for (name, may_be_omitted, check) in fields {
        match map.get(*name) {
            Some(field) => check(&join(path, name), field, problems),
            None if !may_be_omitted => problems.push(format!("{}: missing", join(path, name))),
            None => {}
        }
    }
    for name in map.keys() {
        if !fields.iter().any(|(known, _, _)| known == name) {
            let known: Vec<&str> = fields.iter().map(|(known, _, _)| *known).collect();
            problems.push(format!(
                "{}: unknown field, expected one of {}",
                join(path, name),
                known.join(", ")
            ));
        }
    }
}

/// `path.name`, or `name` at the top level.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// How a path is shown: the top level has no path of its own.
fn label(path: &str) -> &str {
    if path.is_empty() { "(top level)" } else { path }
}

fn mismatch(path: &str, expected: &str, found: &Value) -> String {
    let found = match found {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    format!("{}: expected {expected}, found {found}", label(path))
}

#[cfg(all(test, feature = "schema"))]
mod tests {
    use super::*;

    /// The names in `fields`, with whether each may be omitted.
    fn names(fields: &[Field]) -> Vec<(String, bool)> {
        let mut names: Vec<(String, bool)> = fields
            .iter()
            .map(|(name, optional, _)| (name.to_string(), *optional))
            .collect();
        names.sort();
        names
    }

    /// The properties of `definition` in the schema, with whether each may
    /// be omitted.
    fn schema_names(schema: &Value, definition: Option<&str>) -> Vec<(String, bool)> {
        let node = match definition {
            Some(name) => &schema["$defs"][name],
            None => schema,
        };
        let required = node["required"].as_array().expect("a required list");
        let mut names: Vec<(String, bool)> = node["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .map(|name| {
                (
                    name.clone(),
                    !required.contains(&Value::from(name.as_str())),
                )
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_shape_names_the_fields_of_the_schema() {
        let schema: Value = serde_json::from_str(&Questionnaire::json_schema()).unwrap();
        for (fields, definition) in [
            (Questionnaire::FIELDS, None),
            (Phase::FIELDS, Some("Phase")),
            (Dimension::FIELDS, Some("Dimension")),
            (Question::FIELDS, Some("Question")),
        ] {
            assert_eq!(
                names(fields),
                schema_names(&schema, definition),
                "{definition:?}"
            );
        }
    }
}
