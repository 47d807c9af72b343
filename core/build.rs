//! Compiles the widget's own words, `content/ui.json`, into Rust
//! (`$OUT_DIR/ui_texts.rs`, included by `src/i18n.rs`): the statics that hold
//! each language's texts, and the contract callers fill them by.
//!
//! Parsing the file at run time took a serde deserializer of about 60 KB of
//! wasm, the largest function in the bundle (issue 7); string literals cost
//! only their bytes. The checks a run-time parse made, and the test suite's
//! check that no text is blank, happen here instead, so a bad file stops the
//! build with a message that names the language and the key.
//!
//! A text is a string, or, where a number goes in, an object with the forms
//! `{"one": "…", "other": "…"}` (1 vraag, 2 vragen), which becomes a
//! `Plural`. Every language must give a text the same kind and the same
//! `{placeholders}` in each form as the first language: a translation that
//! drops or renames one would show a hole where a number or a name belongs.
//!
//! The contract (issue 22) is generated from the first language, so that it
//! is kept once, in the file: the `UiText` struct with a field per key, and
//! for each text with placeholders a method and an argument struct in
//! `args` with a field per placeholder (`ui.progress(args::Progress { n,
//! total })`). A placeholder renamed, added or dropped in every language
//! changes that struct, and every call that fills the text stops compiling;
//! the text's own field is private, so nothing reads it around the method.
//! The statics number the placeholders (`{0}`, `{1}`, in the order of the
//! struct's fields), so a call passes its values alone. A top-level
//! `"_doc": {"key": "…"}` describes texts; each description, then each
//! language's text, becomes the doc of the field, method and struct.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde_json::{Map, Value};

const SOURCE: &str = "../content/ui.json";

// zero_takes_one: the plural rule the widget shares with this script.
include!("src/plural_rule.rs");
// is_placeholder, occurrences, placeholders and encode: how a text names its
// values, which the widget reads by the same rule.
include!("src/placeholders.rs");

/// Keys that are Rust keywords become raw identifiers (`continue` is the
/// field `r#continue`).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/plural_rule.rs");
    println!("cargo:rerun-if-changed=src/placeholders.rs");

    let json = fs::read_to_string(SOURCE)
        .unwrap_or_else(|error| panic!("{SOURCE}: cannot be read: {error}"));
    let code = generate(&json).unwrap_or_else(|message| panic!("{SOURCE}: {message}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("ui_texts.rs");
    fs::write(&out, code).unwrap_or_else(|error| panic!("{}: {error}", out.display()));
}

/// The Rust source for `json`, or what is wrong with it. Public for
/// tests/ui_texts.rs, which includes this file as a module.
pub fn generate(json: &str) -> Result<String, String> {
    let root: Value =
        serde_json::from_str(json).map_err(|error| format!("not valid JSON: {error}"))?;
    let Value::Object(root) = root else {
        return Err("the top level must be an object of languages, such as {\"nl\": {...}}".into());
    };
    let no_docs = Map::new();
    let docs = match root.get(DOCS) {
        None => &no_docs,
        Some(Value::Object(docs)) => docs,
        Some(_) => return Err(format!("\"{DOCS}\" is not an object of descriptions")),
    };
    let languages = root
        .iter()
        .filter(|&(code, _)| code != DOCS)
        .map(|(code, texts)| match texts {
            Value::Object(texts) => Ok((code.as_str(), texts)),
            _ => Err(format!("language \"{code}\" is not an object of texts")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let Some(&(first, first_texts)) = languages.first() else {
        return Err("has no language".into());
    };

    // Every language checked against the first before anything is written.
    let mut names = Vec::new();
    let mut checked = Vec::new();
    for &(code, texts) in &languages {
        let name = static_name(code)?;
        if names.contains(&name) {
            return Err(format!("language \"{code}\" is listed twice"));
        }
        same_keys(first, first_texts, code, texts)?;
        let mut these = Vec::new();
        for (key, value) in texts {
            let these_forms = forms(code, key, value)?;
            // same_keys() made sure the first language has the key too.
            let first_forms = forms(first, key, &first_texts[key])?;
            same_placeholders(first, code, key, &first_forms, &these_forms)?;
            these.push((key.as_str(), these_forms));
        }
        checked.push((code, these));
        names.push(name);
    }

    // The contract: the first language's texts, which every other language
    // was just checked to match.
    if let Some(key) = docs.keys().find(|key| !first_texts.contains_key(*key)) {
        return Err(format!("{DOCS}.{key} describes no text"));
    }
    let texts = first_texts
        .iter()
        .map(|(key, _)| {
            let doc = match docs.get(key) {
                None => None,
                Some(Value::String(doc)) => Some(doc.as_str()),
                Some(_) => return Err(format!("{DOCS}.{key} is not a string")),
            };
            let mut examples = Vec::new();
            for &(code, texts) in &languages {
                let forms = forms(code, key, &texts[key])?;
                examples.push((code, forms.into_iter().map(|(_, text)| text).collect()));
            }
            contract(key, doc, examples)
        })
        .collect::<Result<Vec<_>, _>>()?;
    unique_names(&texts)?;

    let mut statics = String::new();
    for ((code, these), name) in checked.iter().zip(&names) {
        writeln!(statics, "/// The widget's words in \"{code}\".").unwrap();
        writeln!(statics, "static {name}: UiText = UiText {{").unwrap();
        for (key, forms) in these {
            let text = texts
                .iter()
                .find(|text| text.key == *key)
                .expect("every language has the first's keys");
            let literal = match forms.as_slice() {
                [(_, text_)] => format!("{:?}", text.encode(text_)),
                [(_, one), (_, other)] => format!(
                    "Plural {{ zero: {:?}, one: {:?}, other: {:?} }}",
                    text.encode(if zero_takes_one(code) { one } else { other }),
                    text.encode(one),
                    text.encode(other)
                ),
                _ => unreachable!("forms() gives one text or the two plural forms"),
            };
            writeln!(statics, "    {}: {literal},", text.field).unwrap();
        }
        statics.push_str("};\n\n");
    }

    let mut code =
        String::from("// Generated by build.rs from content/ui.json: edit that file instead.\n\n");
    code.push_str(&ui_text(&texts));
    code.push_str(&word_table(&texts));
    code.push_str(&statics);
    code.push_str("/// Every language's words, keyed by language code, in the order of\n");
    code.push_str("/// `content/ui.json`.\n");
    writeln!(
        code,
        "pub static UI_TEXTS: [(&str, &UiText); {}] = [",
        languages.len()
    )
    .unwrap();
    for (&(language, _), name) in languages.iter().zip(&names) {
        writeln!(code, "    ({language:?}, &{name}),").unwrap();
    }
    code.push_str("];\n");
    Ok(code)
}

/// The top-level key that holds the texts' descriptions, `{"text": "…"}`:
/// each becomes the doc of the text's field, method and argument struct.
const DOCS: &str = "_doc";

/// The one CamelCase name that is a keyword, and cannot name a struct.
const RESERVED: &[&str] = &["Self"];

/// One text of the contract, as the first language has it.
struct Contract<'a> {
    /// The key in `content/ui.json`.
    key: &'a str,
    /// The field and method: the key, raw when it is a keyword.
    field: String,
    /// A plural: the method takes the count that picks the form.
    plural: bool,
    /// The placeholders the caller fills, each as (name, field), in the
    /// order of the first language's text: a plural's `{count}` is not
    /// among them, its count fills it.
    arguments: Vec<(&'a str, String)>,
    /// Whether a plural's forms use `{count}`.
    count: bool,
    /// The placeholders in the order of the values `fill` takes: a plural's
    /// `{count}` first, then the arguments. The statics number them so.
    slots: Vec<&'a str>,
    /// The lines of its doc: the description, then each language's text.
    doc: Vec<String>,
}

impl Contract<'_> {
    /// The name of its argument struct: the key in CamelCase.
    fn arguments_struct(&self) -> String {
        self.key
            .split('_')
            .map(|part| {
                let mut chars = part.chars();
                chars
                    .next()
                    .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            })
            .collect()
    }

    /// `text` with each `{name}` replaced by its slot's number, `{0}` to
    /// `{9}`, which is what `i18n::fill` reads: the call passes its values
    /// alone, and the binary carries no placeholder's name. contract() took
    /// every placeholder as a slot.
    fn encode(&self, text: &str) -> String {
        encode(text, &self.slots)
    }

    /// The method that gives it in parts, for a string with placeholders.
    fn parts_method(&self) -> Option<String> {
        (!self.plural && !self.arguments.is_empty()).then(|| format!("{}_parts", self.key))
    }
}

/// The contract of the text `key`, from its description and its forms in
/// each language.
fn contract<'a>(
    key: &'a str,
    doc: Option<&str>,
    examples: Vec<(&str, Vec<&'a str>)>,
) -> Result<Contract<'a>, String> {
    let (_, first_forms) = &examples[0];
    let plural = first_forms.len() == 2;
    // In the order the first language's text names them, each once.
    let mut names: Vec<&str> = Vec::new();
    for name in first_forms.iter().flat_map(|text| occurrences(text)) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let count = plural && names.contains(&"count");
    if names.len() > 10 {
        return Err(format!(
            "{key} has {} placeholders; ten at most",
            names.len()
        ));
    }
    let mut slots = names.clone();
    // A plural's count fills `{count}`: its value comes first.
    slots.sort_by_key(|&name| !(count && name == "count"));
    let arguments = names
        .into_iter()
        .filter(|&name| !(plural && name == "count"))
        .map(|name| match field(name) {
            Ok(field) => Ok((name, field)),
            Err(_) => Err(format!(
                "{key} has the placeholder {{{name}}}, which cannot name an argument: start it with a letter"
            )),
        })
        .collect::<Result<_, _>>()?;
    let mut lines: Vec<String> = doc
        .map(|doc| doc.lines().map(str::to_string).collect())
        .unwrap_or_default();
    if !lines.is_empty() {
        lines.push(String::new());
    }
    for (code, forms) in &examples {
        let forms: Vec<String> = forms.iter().map(|text| format!("`{text}`")).collect();
        lines.push(format!("- {code}: {}", forms.join(" / ")));
    }
    Ok(Contract {
        key,
        field: field(key)?,
        plural,
        arguments,
        count,
        slots,
        doc: lines,
    })
}

/// Fails when two texts would make the same argument struct or method, or
/// a struct would take a name `src/i18n.rs` declares.
fn unique_names(texts: &[Contract]) -> Result<(), String> {
    let mut structs: Vec<(String, &str)> = Vec::new();
    for text in texts.iter().filter(|text| !text.arguments.is_empty()) {
        let name = text.arguments_struct();
        if RESERVED.contains(&name.as_str()) {
            return Err(format!(
                "{} would make the struct {name}, a keyword",
                text.key
            ));
        }
        if let Some((_, other)) = structs.iter().find(|(taken, _)| *taken == name) {
            return Err(format!(
                "{other} and {} would both make the struct {name}",
                text.key
            ));
        }
        structs.push((name, text.key));
    }
    for text in texts {
        if let Some(method) = text.parts_method() {
            if texts.iter().any(|other| other.key == method) {
                return Err(format!(
                    "{method} is a text and the method that gives {} in parts",
                    text.key
                ));
            }
        }
    }
    Ok(())
}

/// Doc attributes for `lines`, indented by `indent`.
fn doc(lines: &[String], indent: &str) -> String {
    lines
        .iter()
        .map(|line| format!("{indent}#[doc = {:?}]\n", format!(" {line}")))
        .collect()
}

/// The `UiText` struct, its methods and the texts' argument structs.
fn ui_text(texts: &[Contract]) -> String {
    let mut code = String::from(
        "/// Every text the widget shows besides the questionnaire's, in one language:
/// the keys of each language in `content/ui.json`.
///
/// A text without placeholders is a public field. A text with `{placeholders}`
/// is private and filled by its method, whose argument struct has a field for
/// each placeholder, so that a placeholder renamed in `content/ui.json` is a
/// compile error wherever the text is filled. A plural's method takes the
/// count that picks its form, which also fills its `{count}`.
///
/// A questionnaire's own words (its `ui` object) are a copy of a language's
/// words with some or all of them replaced, through [`WORD_KEYS`].
// Copy: a questionnaire's words start as a bitwise copy of a language's.
#[derive(Clone, Copy)]
pub struct UiText {\n",
    );
    for text in texts {
        code.push_str(&doc(&text.doc, "    "));
        let visibility = if text.plural || !text.arguments.is_empty() {
            ""
        } else {
            "pub "
        };
        let kind = if text.plural {
            "Plural"
        } else {
            "&'static str"
        };
        writeln!(code, "    {visibility}{}: {kind},", text.field).unwrap();
    }
    code.push_str("}\n\nimpl UiText {\n");
    for text in texts
        .iter()
        .filter(|text| text.plural || !text.arguments.is_empty())
    {
        code.push_str(&doc(&text.doc, "    "));
        // Always inlined, so that each call builds its slice of values as a
        // call of `fill` by hand did: the contract costs no wasm.
        code.push_str("    #[inline(always)]\n");
        let name = text.arguments_struct();
        let field = &text.field;
        // The values in the order of the slots the statics number.
        let values: Vec<String> = text
            .arguments
            .iter()
            .map(|(_, field)| format!("a.{field}"))
            .collect();
        let values = values.join(", ");
        let body = match (text.plural, text.count, text.arguments.is_empty()) {
            (false, _, _) => format!("fill(self.{field}, &[{values}])"),
            (true, true, true) => format!("self.{field}.count(count)"),
            (true, false, true) => format!("self.{field}.get(count)"),
            (true, true, false) => {
                format!("fill(self.{field}.get(count), &[&count.to_string(), {values}])")
            }
            (true, false, false) => format!("fill(self.{field}.get(count), &[{values}])"),
        };
        let count = if text.plural { ", count: usize" } else { "" };
        let arguments = if text.arguments.is_empty() {
            String::new()
        } else {
            format!(", a: args::{name}<&str>")
        };
        let output = if text.plural && !text.count && text.arguments.is_empty() {
            "&'static str"
        } else {
            "String"
        };
        writeln!(
            code,
            "    pub fn {field}(&self{count}{arguments}) -> {output} {{\n        {body}\n    }}"
        )
        .unwrap();
        if let Some(method) = text.parts_method() {
            writeln!(
                code,
                "    /// [`UiText::{field}`] as text between its placeholders' values, for a\n    /// value that is no string, such as markup.\n    #[inline(always)]\n    pub fn {method}<V: Clone>(&self, a: args::{name}<V>) -> impl Iterator<Item = Part<V>> {{"
            )
            .unwrap();
            let values: Vec<String> = text
                .arguments
                .iter()
                .map(|(_, field)| format!("a.{field}"))
                .collect();
            writeln!(
                code,
                "        parts(self.{field}, [{}])\n    }}",
                values.join(", ")
            )
            .unwrap();
        }
    }
    code.push_str("}\n\n");
    code.push_str(
        "/// The values that fill each text's placeholders: one struct per text with
/// placeholders, named after its key, with a field per placeholder. In a
/// module of their own, so that they never clash with a caller's types.
pub mod args {\n",
    );
    for text in texts.iter().filter(|text| !text.arguments.is_empty()) {
        writeln!(
            code,
            "    /// The placeholders of [`UiText::{0}`](super::UiText::{0}), each a value.",
            text.field
        )
        .unwrap();
        code.push_str("    ///\n");
        code.push_str(&doc(&text.doc, "    "));
        writeln!(code, "    pub struct {}<V> {{", text.arguments_struct()).unwrap();
        for (placeholder, field) in &text.arguments {
            writeln!(
                code,
                "        /// Fills `{{{placeholder}}}`.\n        pub {field}: V,"
            )
            .unwrap();
        }
        code.push_str("    }\n\n");
    }
    code.push_str("}\n\n");
    code
}

/// [`WORD_KEYS`], the table of every text's key, kind and placeholders,
/// and `UiText::word_mut`, which replaces a text by its place in that table:
/// what a questionnaire's own words are checked against and set by.
fn word_table(texts: &[Contract]) -> String {
    let mut code = String::from(
        "/// Every text of [`UiText`] by its key in `content/ui.json`, in that file's
/// order: what a questionnaire's own words (its `ui` object) are checked
/// against, and set by with `UiText::word_mut`.\n",
    );
    writeln!(code, "pub static WORD_KEYS: [WordKey; {}] = [", texts.len()).unwrap();
    for text in texts {
        writeln!(
            code,
            "    WordKey {{ key: {:?}, plural: {}, slots: &{:?} }},",
            text.key, text.plural, text.slots
        )
        .unwrap();
    }
    code.push_str("];\n\n");
    code.push_str(
        "/// Each text's description and its words in every language, as its
/// field's doc has them: what the questionnaire's schema says of each key.
#[cfg(feature = \"schema\")]\n",
    );
    writeln!(code, "pub static WORD_DOCS: [&str; {}] = [", texts.len()).unwrap();
    for text in texts {
        writeln!(code, "    {:?},", text.doc.join("\n")).unwrap();
    }
    code.push_str("];\n\n");
    code.push_str(
        "impl UiText {
    /// The text that [`WORD_KEYS`]`[index]` names, to be replaced; `None`
    /// past the table's end.
    // Never inlined: inlined, the optimiser copied the caller's work into
    // each of the match's arms, 8 KB of wasm for one loop.
    #[inline(never)]
    fn word_mut(&mut self, index: usize) -> Option<WordMut<'_>> {
        Some(match index {\n",
    );
    for (index, text) in texts.iter().enumerate() {
        let kind = if text.plural { "Plural" } else { "Text" };
        writeln!(
            code,
            "            {index} => WordMut::{kind}(&mut self.{}),",
            text.field
        )
        .unwrap();
    }
    code.push_str("            _ => return None,\n        })\n    }\n}\n\n");
    code
}

/// The forms of the text `key` in language `code`: one unnamed form for a
/// string, or the `one` and `other` forms of a plural, each checked to be a
/// string that is not blank.
fn forms<'a>(
    code: &str,
    key: &str,
    value: &'a Value,
) -> Result<Vec<(&'static str, &'a str)>, String> {
    let text = |form: &str, value: &'a Value| match value {
        Value::String(text) if text.trim().is_empty() => {
            Err(format!("{code}.{key}{form} is empty or blank"))
        }
        Value::String(text) => Ok(text.as_str()),
        _ => Err(format!("{code}.{key}{form} is not a string")),
    };
    match value {
        Value::Object(forms) => {
            if let Some(name) = forms
                .keys()
                .find(|name| !PLURAL_FORMS.contains(&name.as_str()))
            {
                return Err(format!(
                    "{code}.{key} has a form \"{name}\": a plural has the forms \"one\" and \"other\""
                ));
            }
            PLURAL_FORMS
                .iter()
                .map(|&form| match forms.get(form) {
                    Some(value) => Ok((form, text(&format!(".{form}"), value)?)),
                    None => Err(format!("{code}.{key} lacks the plural form \"{form}\"")),
                })
                .collect()
        }
        value => Ok(vec![("", text("", value)?)]),
    }
}

/// The forms of a plural text, in the order of `Plural`'s fields.
const PLURAL_FORMS: [&str; 2] = ["one", "other"];

/// Fails when the text `key` of language `code` is of another kind (string
/// or plural) than the first language's, or when one of its forms has other
/// placeholders.
fn same_placeholders(
    first: &str,
    code: &str,
    key: &str,
    first_forms: &[(&str, &str)],
    forms: &[(&str, &str)],
) -> Result<(), String> {
    if first_forms.len() != forms.len() {
        let kind = |forms: &[(&str, &str)]| {
            if forms.len() == 1 {
                "a string"
            } else {
                "a plural"
            }
        };
        return Err(format!(
            "{code}.{key} is {} but {first}.{key} is {}",
            kind(forms),
            kind(first_forms)
        ));
    }
    for (&(form, first_text), &(_, text)) in first_forms.iter().zip(forms) {
        let (mut want, mut have) = (placeholders(first_text), placeholders(text));
        if !same_names(&want, &have) {
            // Sorted, so that a message names them in one order.
            want.sort_unstable();
            have.sort_unstable();
            let form = if form.is_empty() {
                String::new()
            } else {
                format!(".{form}")
            };
            let list = |names: &[&str]| {
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names
                        .iter()
                        .map(|n| format!("{{{n}}}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                }
            };
            return Err(format!(
                "{code}.{key}{form} has the placeholders {} but {first}.{key}{form} has {}",
                list(&have),
                list(&want)
            ));
        }
    }
    Ok(())
}

/// Fails when `texts` (of language `code`) and `first_texts` (of the first
/// language) do not have the same keys: each language must have every text.
fn same_keys(
    first: &str,
    first_texts: &Map<String, Value>,
    code: &str,
    texts: &Map<String, Value>,
) -> Result<(), String> {
    if let Some(key) = first_texts.keys().find(|key| !texts.contains_key(*key)) {
        return Err(format!(
            "\"{key}\" is missing in \"{code}\" (\"{first}\" has it)"
        ));
    }
    if let Some(key) = texts.keys().find(|key| !first_texts.contains_key(*key)) {
        return Err(format!(
            "\"{key}\" is missing in \"{first}\" (\"{code}\" has it)"
        ));
    }
    Ok(())
}

/// The static's name for a language code: "nl" is `NL`, "pt-BR" `PT_BR`.
fn static_name(code: &str) -> Result<String, String> {
    let valid = code.starts_with(|c: char| c.is_ascii_alphabetic())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(format!(
            "\"{code}\" is not a language code (letters, digits, '-')"
        ));
    }
    Ok(code.to_ascii_uppercase().replace('-', "_"))
}

/// The `UiText` field for a key.
fn field(key: &str) -> Result<String, String> {
    let valid = key.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid {
        return Err(format!(
            "\"{key}\" is not a text name (lowercase letters, digits, '_')"
        ));
    }
    Ok(if KEYWORDS.contains(&key) {
        format!("r#{key}")
    } else {
        key.to_string()
    })
}
