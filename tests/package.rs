//! The npm package's description of the element against what the README
//! documents (issue 15): custom-elements.json lists every attribute, event,
//! part and custom property the README names, and no other; embed.d.ts names
//! the same attributes and events; each of them exists in the widget
//! (style.css, the views); and tsc accepts the event details the core
//! writes as embed.d.ts's types, so the declared shapes cannot drift from
//! the Rust that makes them. Native: reads the files in the repository.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde_json::Value;

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The texts between backticks in `text`.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The README's section that starts at the line `heading`, up to the next
/// `## ` heading.
fn section<'a>(readme: &'a str, heading: &str) -> &'a str {
    let start = readme
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("the README has no {heading:?}"));
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    &rest[..end]
}

/// What the README documents about the element.
struct Documented {
    attributes: BTreeSet<String>,
    events: BTreeSet<String>,
    parts: BTreeSet<String>,
    properties: BTreeSet<String>,
}

fn documented() -> Documented {
    let readme = read("README.md");
    let site = section(&readme, "## Put it on your site");

    // | `lang` | … | rows of the table after **Attributes**.
    let table = site
        .split_once("**Attributes**")
        .expect("an **Attributes** table")
        .1;
    let attributes = table
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .filter_map(|line| line.strip_prefix("| `")?.split_once('`'))
        .map(|(name, _)| name.to_owned())
        .collect();

    // "The main blocks are exposed as parts for `maturity-quiz::part(name)`:
    // `widget`, …, `group`." up to the sentence's end.
    let parts_text = site
        .split_once("::part(name)`:")
        .expect("the list of parts")
        .1;
    let parts_text = &parts_text[..parts_text
        .find(".\n")
        .expect("the end of the list of parts")];
    let parts = quoted(parts_text).into_iter().map(str::to_owned).collect();

    let words = quoted(site);
    let properties = words
        .iter()
        .filter(|w| w.starts_with("--mq-"))
        .map(|w| w.to_string())
        .collect();
    let events = words
        .iter()
        .filter(|w| {
            w.strip_prefix("maturity-quiz:").is_some_and(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase())
            })
        })
        .map(|w| w.to_string())
        .collect();
    Documented {
        attributes,
        events,
        parts,
        properties,
    }
}

/// The element's declaration in custom-elements.json.
fn declaration() -> Value {
    let manifest: Value = serde_json::from_str(&read("npm/custom-elements.json"))
        .expect("custom-elements.json is JSON");
    assert!(
        manifest["schemaVersion"]
            .as_str()
            .is_some_and(|v| v.starts_with("2.")),
        "a Custom Elements Manifest of schema 2.x"
    );
    let module = &manifest["modules"][0];
    assert_eq!(module["path"], "embed.js");
    assert_eq!(
        module["exports"][0],
        serde_json::json!({
            "kind": "custom-element-definition",
            "name": "maturity-quiz",
            "declaration": { "name": "MaturityQuizElement", "module": "embed.js" },
        })
    );
    let declaration = module["declarations"][0].clone();
    assert_eq!(
        (&declaration["tagName"], &declaration["customElement"]),
        (&Value::from("maturity-quiz"), &Value::from(true))
    );
    declaration
}

/// The `name`s of the declaration's `list`, each with a description.
fn names(declaration: &Value, list: &str) -> BTreeSet<String> {
    let entries = declaration[list]
        .as_array()
        .unwrap_or_else(|| panic!("the manifest has no {list}"));
    entries
        .iter()
        .map(|entry| {
            let name = entry["name"].as_str().expect("a name").to_owned();
            assert!(
                entry["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{list} {name} has no description"
            );
            name
        })
        .collect()
}

#[test]
fn the_manifest_lists_exactly_what_the_readme_documents() {
    let readme = documented();
    let declaration = declaration();
    // The README documents `profile-<id>` once; the manifest, which tools
    // read for completion, names it for each background question of the
    // built-in questionnaire.
    let built_in: Value = serde_json::from_str(mq_core::model::BUILT_IN_JSON).unwrap();
    let profile_ids: Vec<&str> = built_in["profile"]
        .as_array()
        .expect("the built-in questionnaire has background questions")
        .iter()
        .map(|question| question["id"].as_str().unwrap())
        .collect();
    let expected: BTreeSet<String> = readme
        .attributes
        .iter()
        .flat_map(|name| match name.as_str() {
            "profile-<id>" => profile_ids
                .iter()
                .map(|id| format!("profile-{id}"))
                .collect(),
            _ => vec![name.clone()],
        })
        .collect();
    assert_eq!(names(&declaration, "attributes"), expected, "attributes");
    assert_eq!(names(&declaration, "events"), readme.events, "events");
    assert_eq!(names(&declaration, "cssParts"), readme.parts, "CSS parts");
    assert_eq!(
        names(&declaration, "cssProperties"),
        readme.properties,
        "CSS custom properties"
    );
    // A list that read nothing would make the comparisons above empty.
    assert_eq!(
        [
            readme.attributes.len(),
            readme.events.len(),
            readme.parts.len(),
            readme.properties.len()
        ],
        [7, 3, 13, 11],
        "what the README documents, counted"
    );
}

#[test]
fn the_types_name_every_documented_attribute_and_event() {
    let readme = documented();
    let types = read("npm/embed.d.ts");
    for event in &readme.events {
        assert!(
            types.contains(&format!("\"{event}\": CustomEvent<")),
            "embed.d.ts has no detail type for {event}"
        );
    }
    let attributes = types
        .split_once("export interface MaturityQuizAttributes {")
        .expect("the attributes' interface")
        .1;
    let attributes = &attributes[..attributes.find("\n}").unwrap()];
    let mut declared: BTreeSet<String> = attributes
        .lines()
        .filter_map(|line| line.trim().split_once("?:"))
        // A name with a hyphen is quoted, as TypeScript needs.
        .map(|(name, _)| name.trim_matches('"').to_owned())
        .collect();
    // `profile-<id>` is a template-literal index signature.
    if attributes.contains("[background: `profile-${string}`]: string | undefined;") {
        declared.insert("profile-<id>".to_owned());
    }
    assert_eq!(declared, readme.attributes);
    for map in [
        "HTMLElementTagNameMap",
        "HTMLElementEventMap",
        "DocumentEventMap",
        "WindowEventMap",
    ] {
        assert!(
            types.contains(&format!("interface {map}")),
            "embed.d.ts extends {map}"
        );
    }
}

#[test]
fn every_documented_part_and_custom_property_exists_in_the_widget() {
    let readme = documented();
    let style = read("style.css");
    let used: BTreeSet<String> = style
        .match_indices("--mq-")
        .map(|(at, _)| {
            style[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect()
        })
        .collect();
    assert_eq!(
        used, readme.properties,
        "the custom properties of style.css (left) and the README (right)"
    );

    let views = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/view");
    let mut parts = BTreeSet::new();
    for entry in fs::read_dir(&views).unwrap() {
        let source = fs::read_to_string(entry.unwrap().path()).unwrap();
        for (_, rest) in source
            .match_indices("part=\"")
            .map(|(i, _)| source.split_at(i + 6))
        {
            let names = &rest[..rest.find('"').unwrap()];
            parts.extend(names.split_whitespace().map(str::to_owned));
        }
    }
    assert!(
        readme.parts.is_subset(&parts),
        "the README documents parts no view has: {:?}",
        readme.parts.difference(&parts).collect::<Vec<_>>()
    );
}

/// A TypeScript file that declares the three event details as the widget
/// writes them, typed with embed.d.ts's interfaces. Object literals get
/// TypeScript's excess property check, so a key the widget sends that the
/// types lack fails as surely as a missing key or a value of another type.
fn typed_details(start: &str, answer: &str, completes: &[&str]) -> String {
    let mut source = format!(
        "import type {{ MaturityQuizStartDetail, MaturityQuizAnswerDetail, \
         MaturityQuizCompleteDetail }} from \"./embed.js\";\n\
         export const start: MaturityQuizStartDetail = {start};\n\
         export const answer: MaturityQuizAnswerDetail = {answer};\n"
    );
    for (i, complete) in completes.iter().enumerate() {
        source += &format!("export const complete{i}: MaturityQuizCompleteDetail = {complete};\n");
    }
    source
}

/// Whether tsc (from node_modules, as pinned) accepts `source` beside the
/// package's embed.d.ts; its complaints when not.
fn tsc_accepts(source: &str) -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("mq-event-types-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    fs::copy(root.join("npm/embed.d.ts"), dir.join("embed.d.ts")).unwrap();
    fs::write(dir.join("details.ts"), source).unwrap();
    let output = std::process::Command::new(root.join("node_modules/.bin/tsc"))
        .args([
            "--noEmit", "--strict", "--target", "es2022", "--module", "esnext",
        ])
        .args(["--moduleResolution", "bundler", "--lib", "es2022,dom"])
        .arg(dir.join("details.ts"))
        .output()
        .expect("run node_modules/.bin/tsc (scripts/setup.sh installs it)");
    let _ = fs::remove_dir_all(&dir);
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

#[test]
fn the_declared_event_details_are_what_the_widget_sends() {
    use mq_core::benchmark::Benchmark;
    use mq_core::events::{answered, completed, started};
    use mq_core::exchange::code::encode;
    use mq_core::group::Group;
    use mq_core::model::{Answer, Level, Questionnaire, Response};
    use mq_core::scoring::{Outcome, assess};

    let q = Questionnaire::built_in();
    // A dimension without a level (a null score and phase), a skipped
    // question, "don't know" and a skipped background question: every
    // nullable field as null somewhere.
    let mut answers = vec![Some(Answer::Level(Level(3))); q.questions.len()];
    answers[0] = Some(Answer::DontKnow);
    answers[1] = None;
    let Outcome::Assessed(assessment) = assess(&q, &answers) else {
        panic!("ten levels of twelve are a result")
    };
    let response = Response {
        answers,
        profile: vec![Some(0), None],
    };
    let complete = completed(&q, "nl", &response, &assessment, None);
    assert!(complete.contains("\"score\":null") && complete.contains("\"size\":null"));
    // With a benchmark of five results in the respondent's sector, where
    // no result scored on the first dimension: the optional member with
    // a segment and a null median.
    let poll = encode(&q, &response.answers, &response.profile) + "\n";
    let b = Benchmark::of(&q, &Group::read(&q, &poll.repeat(5), &[]), "Poll", "2026");
    let compared = completed(&q, "nl", &response, &assessment, Some(&b));
    assert!(compared.contains("\"segments\":[{") && compared.contains("\"median\":null"));
    let start = started(&q, "nl");
    let answer = answered(&q, "en", 0, Answer::DontKnow);
    tsc_accepts(&typed_details(&start, &answer, &[&complete, &compared]))
        .unwrap_or_else(|errors| panic!("npm/embed.d.ts does not describe the details:\n{errors}"));

    // The check has teeth: a key the types do not declare, or one missing.
    let extra = complete.replacen('{', "{\"extra\":1,", 1);
    assert!(tsc_accepts(&typed_details(&start, &answer, &[&extra])).is_err());
    let extra = compared.replacen("\"reached\"", "\"extra\":1,\"reached\"", 1);
    assert!(tsc_accepts(&typed_details(&start, &answer, &[&extra])).is_err());
    let missing = answer.replace("\"questionNumber\":1,", "");
    assert_ne!(missing, answer);
    assert!(tsc_accepts(&typed_details(&start, &missing, &[&complete])).is_err());
}
