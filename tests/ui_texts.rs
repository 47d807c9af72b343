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
    let code = generate(include_str!("../content/ui.json")).unwrap();
    assert!(code.contains("static NL: UiText = UiText {"), "{code}");
    assert!(code.contains("static EN: UiText = UiText {"), "{code}");
    assert!(code.contains("pub static UI_TEXTS: [(&str, &UiText); 2] = ["));
    // `continue` is a keyword: the field is a raw identifier.
    assert!(code.contains("    r#continue: \"Volgende\",\n"), "{code}");
}

#[test]
fn texts_are_escaped_as_rust_literals() {
    let code = generate(r#"{"nl": {"start": "Zeg \"ja\"\\ {n}\nklaar"}}"#).unwrap();
    assert!(
        code.contains(r#"    start: "Zeg \"ja\"\\ {n}\nklaar","#),
        "{code}"
    );
}

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
    ];
    for (json, expected) in cases {
        let message = generate(json).expect_err(json);
        assert!(message.contains(expected), "{json}: {message}");
    }
}
