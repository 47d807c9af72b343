//! Checks `build.rs`, which compiles `content/ui.json` into Rust: each mistake
//! a translator can make stops the build with a message that names the
//! language and the text, and every text reaches Rust unchanged.

// The build script's own main() runs only as the build script.
#[allow(dead_code)]
#[path = "../build.rs"]
mod build_script;

use build_script::generate;

#[test]
fn the_real_file_compiles_to_one_static_per_language() {
    let code = generate(include_str!("../../content/ui.json")).unwrap();
    assert!(code.contains("static NL: UiText = UiText {"), "{code}");
    assert!(code.contains("static EN: UiText = UiText {"), "{code}");
    assert!(code.contains("static DE: UiText = UiText {"), "{code}");
    assert!(code.contains("static FR: UiText = UiText {"), "{code}");
    assert!(code.contains("pub static UI_TEXTS: [(&str, &UiText); 4] = ["));
    // `continue` is a keyword: the field is a raw identifier.
    assert!(code.contains("    r#continue: \"Volgende\",\n"), "{code}");
}

#[test]
fn plurals_become_both_forms_and_braces_that_are_no_placeholder_pass() {
    let code = generate(
        r#"{"nl": {"n": {"one": "{count} vraag", "other": "{count} vragen"}, "j": "{\"a\": {}}"}, "fr": {"n": {"one": "{count} question", "other": "{count} questions"}, "j": "{}"}}"#,
    )
    .unwrap();
    // Zero takes `other` in Dutch and `one` in French.
    assert!(
        code.contains(
            r#"    n: Plural { zero: "{0} vragen", one: "{0} vraag", other: "{0} vragen" },"#
        ),
        "{code}"
    );
    assert!(
        code.contains(r#"    n: Plural { zero: "{0} question", one: "{0} question", other: "{0} questions" },"#),
        "{code}"
    );
    assert!(code.contains(r#"    j: "{\"a\": {}}","#), "{code}");
    // The count picks the form and fills `{count}`: no struct for it.
    assert!(
        code.contains("    pub fn n(&self, count: usize) -> String {"),
        "{code}"
    );
    assert!(!code.contains("pub struct N<V>"), "{code}");
    assert!(
        code.contains(r#"    WordKey { key: "n", plural: true, slots: &["count"] },"#),
        "{code}"
    );
    assert!(
        code.contains("            1 => WordMut::Plural(&mut self.n),\n"),
        "{code}"
    );
}

#[test]
fn texts_are_escaped_as_rust_literals() {
    let code = generate(r#"{"nl": {"start": "Zeg \"ja\"\\ {n}\nklaar"}}"#).unwrap();
    assert!(
        code.contains(r#"    start: "Zeg \"ja\"\\ {0}\nklaar","#),
        "{code}"
    );
}

/// The words of a progress line whose placeholders are named `names`, in
/// both languages.
fn progress(names: [&str; 2]) -> String {
    let [n, total] = names;
    generate(&format!(
        r#"{{"nl": {{"back": "Vorige", "progress": "Vraag {{{n}}} van {{{total}}}"}},
            "en": {{"back": "Back", "progress": "Question {{{n}}} of {{{total}}}"}}}}"#
    ))
    .unwrap()
}

#[test]
fn a_text_with_placeholders_is_filled_through_a_struct_named_by_them() {
    let code = progress(["n", "total"]);
    // A text without placeholders is read as it is.
    assert!(code.contains("    pub back: &'static str,\n"), "{code}");
    // One with them only through its method: the field is private.
    assert!(code.contains("    progress: &'static str,\n"), "{code}");
    assert!(
        code.contains("    pub fn progress(&self, a: args::Progress<&str>) -> String {\n        fill(self.progress, &[a.n, a.total])\n"),
        "{code}"
    );
    assert!(code.contains("    pub struct Progress<V> {"), "{code}");
    assert!(code.contains("        pub n: V,\n"), "{code}");
    assert!(code.contains("        pub total: V,\n"), "{code}");
    // The statics number the placeholders in that order.
    assert!(
        code.contains(r#"    progress: "Vraag {0} van {1}","#),
        "{code}"
    );
    // Each language's text is in the docs.
    assert!(code.contains("- en: `Question {n} of {total}`"), "{code}");
    // A questionnaire's own words are checked against the table of keys and
    // set through word_mut, by the text's place in that table.
    assert!(
        code.contains(r#"    WordKey { key: "progress", plural: false, slots: &["n", "total"] },"#),
        "{code}"
    );
    assert!(
        code.contains("            1 => WordMut::Text(&mut self.progress),\n"),
        "{code}"
    );
}

#[test]
fn a_renamed_placeholder_renames_the_field_every_caller_fills() {
    let (before, after) = (progress(["n", "total"]), progress(["number", "total"]));
    assert!(after.contains("        pub number: V,\n"), "{after}");
    assert!(!after.contains("        pub n: V,\n"), "{after}");
    // The statics are the same: only the struct tells the rename, and the
    // compiler tells every caller.
    let statics = |code: &str| code[code.find("static NL").unwrap()..].to_string();
    assert_eq!(statics(&before), statics(&after));

    let caller = r#"pub fn line(ui: &UiText) -> String {
        ui.progress(args::Progress { n: "3", total: "12" })
    }"#;
    compiles(&before, caller).expect("the caller fills what the text has");
    let errors = compiles(&after, caller).expect_err("a renamed placeholder");
    // "struct `Progress<&str>` has no field named `n`".
    assert!(errors.contains("E0560"), "{errors}");
    assert!(
        errors.contains("available fields are: `number`"),
        "{errors}"
    );
    // A placeholder added to the text must be filled: "missing field".
    let added = generate(r#"{"nl": {"progress": "Vraag {n} van {total} ({left})"}}"#).unwrap();
    assert!(compiles(&added, caller).unwrap_err().contains("E0063"));
    // A placeholder the text lacks cannot be filled either.
    let extra = r#"pub fn line(ui: &UiText) -> String {
        ui.progress(args::Progress { n: "3", total: "12", of: "x" })
    }"#;
    assert!(compiles(&before, extra).unwrap_err().contains("E0560"));
    // Nor can the text be read around its method.
    let raw = "pub fn line(ui: &UiText) -> &'static str { ui.progress }";
    let errors = compiles(&before, raw).unwrap_err();
    assert!(
        errors.contains("E0615") || errors.contains("E0616"),
        "{errors}"
    );
}

/// Type-checks `generated` with `caller` in another module, as the widget
/// calls it: rustc's errors when it fails. `src/i18n.rs`'s own items are
/// stubbed, as only their signatures matter.
fn compiles(generated: &str, caller: &str) -> Result<(), String> {
    let source = format!(
        r#"#![allow(dead_code)]
        mod i18n {{
            #[derive(Clone, Copy)]
            pub struct Plural {{ zero: &'static str, one: &'static str, other: &'static str }}
            pub struct WordKey {{ key: &'static str, plural: bool, slots: &'static [&'static str] }}
            enum WordMut<'a> {{ Text(&'a mut &'static str), Plural(&'a mut Plural) }}
            impl Plural {{
                fn get(&self, _: usize) -> &'static str {{ self.one }}
                fn count(&self, _: usize) -> String {{ String::new() }}
            }}
            pub enum Part<V> {{ Text(&'static str), Value(V) }}
            fn fill(_: &str, _: &[&str]) -> String {{ String::new() }}
            fn parts<V, const N: usize>(_: &'static str, _: [V; N]) -> std::vec::IntoIter<Part<V>> {{
                Vec::new().into_iter()
            }}
            {generated}
        }}
        mod caller {{
            use crate::i18n::{{UiText, args}};
            {caller}
        }}"#
    );
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("mq-ui-texts-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("contract.rs");
    std::fs::write(&file, source).unwrap();
    let output = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()))
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "lib",
            "--emit",
            "metadata",
            "--out-dir",
        ])
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("rustc runs");
    std::fs::remove_dir_all(&dir).ok();
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

#[test]
fn descriptions_become_docs_and_must_describe_a_text() {
    let code =
        generate(r#"{"_doc": {"start": "The button that starts."}, "nl": {"start": "Begin"}}"#)
            .unwrap();
    assert!(
        code.contains("    #[doc = \" The button that starts.\"]\n"),
        "{code}"
    );
    assert!(!code.contains("static _DOC"), "{code}");
}

// The tests' serde_json keeps object keys sorted (build.rs's keeps file
// order), so where a message names the first language, "en" comes first in
// the file too.
#[test]
fn each_mistake_in_the_file_is_named() {
    let cases = [
        (r#"{"nl": {"start": "a"}"#, "not valid JSON"),
        (r#"["nl"]"#, "the top level must be an object of languages"),
        ("{}", "has no language"),
        (
            r#"{"nl": ["a"]}"#,
            r#"language "nl" is not an object of texts"#,
        ),
        (r#"{"nl": {"start": 1}}"#, "nl.start is not a string"),
        (r#"{"nl": {"start": null}}"#, "nl.start is not a string"),
        (r#"{"nl": {"start": ""}}"#, "nl.start is empty or blank"),
        (
            r#"{"nl": {"start": " \n\t"}}"#,
            "nl.start is empty or blank",
        ),
        (
            r#"{"nl": {"start": "a", "back": "b"}, "en": {"start": "a"}}"#,
            r#""back" is missing in "en""#,
        ),
        (
            r#"{"nl": {"start": "a"}, "en": {"start": "a", "back": "b"}}"#,
            r#""back" is missing in "nl""#,
        ),
        (
            r#"{"n l": {"start": "a"}}"#,
            r#""n l" is not a language code"#,
        ),
        (r#"{"nl": {"Start": "a"}}"#, r#""Start" is not a text name"#),
        (
            r#"{"en": {"n": "{count} questions"}, "nl": {"n": "{number} vragen"}}"#,
            "nl.n has the placeholders {number} but en.n has {count}",
        ),
        (
            r#"{"en": {"n": "Question {n} of {total}"}, "nl": {"n": "Vraag {n}"}}"#,
            "nl.n has the placeholders {n} but en.n has {n} {total}",
        ),
        (
            r#"{"en": {"n": "{count} questions"}, "nl": {"n": "vragen"}}"#,
            "nl.n has the placeholders none but en.n has {count}",
        ),
        (
            r#"{"en": {"n": {"one": "{count} question", "other": "{count} questions"}}, "nl": {"n": "{count} vragen"}}"#,
            "nl.n is a string but en.n is a plural",
        ),
        (
            r#"{"en": {"n": {"one": "{count} question", "other": "{count} questions"}}, "nl": {"n": {"one": "{count} vraag", "other": "vragen"}}}"#,
            "nl.n.other has the placeholders none but en.n.other has {count}",
        ),
        (
            r#"{"nl": {"n": {"one": "1 vraag"}}}"#,
            r#"nl.n lacks the plural form "other""#,
        ),
        (
            r#"{"nl": {"n": {"one": "a", "other": "b", "few": "c"}}}"#,
            r#"nl.n has a form "few""#,
        ),
        (
            r#"{"nl": {"n": {"one": "a", "other": " "}}}"#,
            "nl.n.other is empty or blank",
        ),
        (
            r#"{"_doc": {"stat": "a"}, "nl": {"start": "a"}}"#,
            "_doc.stat describes no text",
        ),
        (
            r#"{"_doc": {"start": 1}, "nl": {"start": "a"}}"#,
            "_doc.start is not a string",
        ),
        (
            r#"{"_doc": ["a"], "nl": {"start": "a"}}"#,
            r#""_doc" is not an object of descriptions"#,
        ),
        (
            r#"{"nl": {"n": "vraag {1}"}}"#,
            "n has the placeholder {1}, which cannot name an argument",
        ),
        (
            r#"{"nl": {"n": "{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}{k}"}}"#,
            "n has 11 placeholders; ten at most",
        ),
        (
            r#"{"nl": {"a_b": "{n}", "a__b": "{n}"}}"#,
            "would both make the struct AB",
        ),
        (
            r#"{"nl": {"n": "{n}", "n_parts": "b"}}"#,
            "n_parts is a text and the method that gives n in parts",
        ),
        (
            r#"{"nl": {"self": "{n}"}}"#,
            "self would make the struct Self, a keyword",
        ),
    ];
    for (json, expected) in cases {
        let message = generate(json).expect_err(json);
        assert!(message.contains(expected), "{json}: {message}");
    }
}
