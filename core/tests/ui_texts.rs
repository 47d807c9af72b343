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
    assert!(code.contains("pub static UI_TEXTS: [(&str, &UiText); 2] = ["));
    // `continue` is a keyword: the field is a raw identifier.
    assert!(code.contains("    r#continue: \"Volgende\",\n"), "{code}");
}

#[test]
fn plurals_become_both_forms_and_braces_that_are_no_placeholder_pass() {
    let code = generate(
        r#"{"nl": {"n": {"one": "{count} vraag", "other": "{count} vragen"}, "j": "{\"a\": {}}"}, "en": {"n": {"one": "{count} question", "other": "{count} questions"}, "j": "{}"}}"#,
    )
    .unwrap();
    assert!(
        code.contains(r#"    n: Plural { one: "{count} vraag", other: "{count} vragen" },"#),
        "{code}"
    );
}

#[test]
fn texts_are_escaped_as_rust_literals() {
    let code = generate(r#"{"nl": {"start": "Zeg \"ja\"\\ {n}\nklaar"}}"#).unwrap();
    assert!(
        code.contains(r#"    start: "Zeg \"ja\"\\ {n}\nklaar","#),
        "{code}"
    );
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
    ];
    for (json, expected) in cases {
        let message = generate(json).expect_err(json);
        assert!(message.contains(expected), "{json}: {message}");
    }
}
