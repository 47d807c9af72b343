//! The benchmark file (core/src/benchmark.rs): its sums on sets worked out
//! by hand, the five-result floor for segments, the file read back as it
//! was written, refused for another questionnaire, version, format or shape,
//! its JSON Schema generated from the types, and a result's place in it as
//! the result screen, the complete event and the downloads give it.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use mq_core::benchmark::{Benchmark, FORMAT, MAX_DATE, MAX_TITLE, SegmentName};
use mq_core::events::completed;
use mq_core::exchange::code::encode;
use mq_core::exchange::csv::{csv_header, csv_row, read_csv, result_csv};
use mq_core::exchange::download::{download, read_download};
use mq_core::explain::compared;
use mq_core::group::Group;
use mq_core::i18n::ui_text;
use mq_core::model::{Answer, Level, Questionnaire, Response};
use mq_core::quiz::{Action, Effect, EventKind, Quiz};
use mq_core::scoring::{Outcome, assess};
use serde_json::{Value, json};

mod cases;

const SCHEMA: &str = "docs/benchmark.schema.json";

/// Every question answered with `level`.
fn all(level: u8) -> Vec<Option<Answer>> {
    vec![Some(Answer::Level(Level(level))); 12]
}

/// Codes, one per line: each `(level, sector)` a result with every answer
/// at `level` and that answer to the sector question (by index).
fn poll(q: &Questionnaire, results: &[(u8, Option<usize>)]) -> Group {
    let codes: Vec<String> = results
        .iter()
        .map(|&(level, sector)| encode(q, &all(level), &[sector, None]))
        .collect();
    let group = Group::read(q, &codes.join("\n"), &[]);
    assert_eq!(group.rejected, []);
    group
}

/// Six results: five in the first sector (levels 1, 2, 3, 4, 4), one in the
/// second (level 2).
fn six(q: &Questionnaire) -> Benchmark {
    let group = poll(
        q,
        &[
            (1, Some(0)),
            (2, Some(0)),
            (3, Some(0)),
            (4, Some(0)),
            (4, Some(0)),
            (2, Some(1)),
        ],
    );
    Benchmark::of(q, &group, "Peiling 2026", "2026-11-30")
}

#[test]
fn the_sums_are_the_shares_medians_and_quartiles_worked_out_by_hand() {
    let q = Questionnaire::built_in();
    let b = six(&q);
    assert_eq!(
        (b.format, b.title.as_str(), b.date.as_str()),
        (FORMAT, "Peiling 2026", "2026-11-30")
    );
    assert_eq!(
        (b.questionnaire.id.as_str(), b.questionnaire.version),
        ("social-maturity", q.version)
    );
    // Overall: levels 1, 2, 2, 3, 4, 4. Each dimension's score is the
    // level; sorted 1 2 2 3 4 4: median (2 + 3) / 2, quartiles the medians
    // of 1 2 2 and 3 4 4.
    assert_eq!(b.overall.results, 6);
    let shares: Vec<f64> = b.overall.phases.iter().map(|p| p.share).collect();
    assert_eq!(shares, [0.1667, 0.3333, 0.1667, 0.3333]);
    for spread in &b.overall.dimensions {
        assert_eq!(
            (
                spread.results,
                spread.median,
                spread.lower_quartile,
                spread.upper_quartile
            ),
            (6, Some(2.5), Some(2.0), Some(4.0)),
            "{}",
            spread.id
        );
    }
    // The first sector: 1 2 3 4 4, median 3, halves 1 2 3 and 3 4 4.
    assert_eq!(b.segments.len(), 1);
    let first = &b.segments[0];
    assert_eq!(
        (first.question.as_str(), first.answer.as_str()),
        ("sector", q.profile[0].answers[0].id.as_str())
    );
    assert_eq!(first.aggregate.results, 5);
    let shares: Vec<f64> = first.aggregate.phases.iter().map(|p| p.share).collect();
    assert_eq!(shares, [0.2, 0.2, 0.2, 0.4]);
    let spread = &first.aggregate.dimensions[0];
    assert_eq!(
        (spread.median, spread.lower_quartile, spread.upper_quartile),
        (Some(3.0), Some(2.0), Some(4.0))
    );
    // At Functional (index 2) or above: 1 + 2 of 6.
    assert_eq!(b.overall.at_or_above(2), 3);
    assert_eq!(first.aggregate.at_or_above(3), 2);
}

#[test]
fn a_segment_under_five_results_is_left_out_and_named() {
    let q = Questionnaire::built_in();
    let b = six(&q);
    assert_eq!(
        b.omitted,
        [SegmentName {
            question: "sector".to_string(),
            answer: q.profile[0].answers[1].id.clone(),
        }],
        "one result in the second sector"
    );
    let text = b.to_json();
    assert!(
        !text.contains("\"results\": 1,"),
        "no figure of one result:\n{text}"
    );
    // Results without an answer are no segment, and not named.
    let unanswered = poll(&q, &[(2, None); 7]);
    let b = Benchmark::of(&q, &unanswered, "t", "d");
    assert_eq!(
        (b.segments.len(), b.omitted.len(), b.overall.results),
        (0, 0, 7)
    );
}

#[test]
fn the_file_reads_back_as_it_was_written() {
    let q = Questionnaire::built_in();
    let b = six(&q);
    assert_eq!(Benchmark::read(&q, &b.to_json()), Ok(b));
}

#[test]
fn another_questionnaire_version_format_or_shape_is_refused() {
    let q = Questionnaire::built_in();
    let good: serde_json::Value = serde_json::from_str(&six(&q).to_json()).unwrap();
    let refused = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut value = good.clone();
        change(&mut value);
        let error = Benchmark::read(&q, &value.to_string()).unwrap_err();
        (
            error.message(ui_text("nl"), "nl"),
            error.message(ui_text("en"), "en"),
        )
    };
    let version = q.version;
    assert_eq!(
        refused(&|v| v["questionnaire"]["version"] = (version + 1).into()).1,
        format!(
            "The benchmark belongs to another questionnaire or version (‘social-maturity {}’); \
             this is ‘social-maturity {version}’.",
            version + 1
        )
    );
    assert_eq!(
        refused(&|v| v["questionnaire"]["id"] = "other".into()).0,
        format!(
            "De benchmark hoort bij een andere vragenlijst of versie (‘other {version}’); \
             dit is ‘social-maturity {version}’."
        )
    );
    assert_eq!(
        refused(&|v| v["format"] = 2.into()).1,
        "The file is in benchmark format 2; this release reads benchmark format 1."
    );
    let not_one = "This is not a benchmark of this questionnaire.";
    assert_eq!(
        refused(&|v| v["overall"]["phases"][0]["share"] = 1.5.into()).1,
        not_one
    );
    assert_eq!(
        refused(&|v| v["overall"]["dimensions"]
            .as_array_mut()
            .unwrap()
            .truncate(5))
        .1,
        not_one
    );
    assert_eq!(
        refused(&|v| v["segments"][0]["results"] = 4.into()).1,
        not_one,
        "under the floor"
    );
    assert_eq!(
        refused(&|v| v["segments"][0]["answer"] = "nowhere".into()).1,
        not_one
    );
    assert_eq!(
        refused(&|v| v["overall"]["dimensions"][0]["median"] = 9.into()).1,
        not_one,
        "off the scale"
    );
    assert_eq!(refused(&|v| v["extra"] = 1.into()).1, not_one);
    assert_eq!(
        refused(&|v| v["title"] = "x".repeat(MAX_TITLE + 1).into()).1,
        not_one,
        "a name longer than the result screen quotes"
    );
    assert_eq!(
        refused(&|v| v["date"] = "1".repeat(MAX_DATE + 1).into()).1,
        not_one
    );
    assert_eq!(
        Benchmark::read(&q, "{\"format\": ")
            .unwrap_err()
            .message(ui_text("en"), "en"),
        "This is not a benchmark: the file is not valid JSON (line 1, column 11)."
    );
}

#[test]
fn schema_file_is_generated_from_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(SCHEMA);
    let generated = Benchmark::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA} is out of date with core/src/benchmark.rs; refresh it with\n\n    \
         UPDATE_SCHEMA=1 cargo test -p mq-core --test benchmark schema_file\n"
    );
}

#[test]
fn a_result_is_placed_among_the_poll_and_its_own_segment_in_both_languages() {
    let q = Questionnaire::built_in();
    let b = six(&q);
    // Functional (index 2), in the first sector, size not answered.
    let comparison = b.compare(&q, 2, &[Some(0), None]);
    assert_eq!(comparison.medians, vec![Some(2.5); 6]);
    let functional = mq_core::model::Level(3);
    assert_eq!(
        compared(&q, &b, &comparison, functional, "nl"),
        [
            "In ‘Peiling 2026’ (2026-11-30) bereikten 3 van de 6 organisaties minstens de fase \
             Functioneel.",
            "Van de 5 organisaties die ook ‘Zorg en welzijn’ kozen, bereikten er 3 minstens de \
             fase Functioneel.",
        ]
    );
    assert_eq!(
        compared(&q, &b, &comparison, functional, "en"),
        [
            "In ‘Peiling 2026’ (2026-11-30), 3 of the 6 organisations reached at least the \
             Functional phase.",
            "Of the 5 organisations that also answered ‘Health and social care’, 3 reached at \
             least the Functional phase.",
        ]
    );
    // The second sector was left out: no sentence for it, nor for a
    // background question left unanswered.
    let elsewhere = b.compare(&q, 2, &[Some(1), None]);
    assert_eq!(elsewhere.segments, []);
    assert_eq!(compared(&q, &b, &elsewhere, functional, "nl").len(), 1);

    // One organisation in the top phase: the singular, in Dutch, and no
    // "at least" where there is no higher phase.
    let top = poll(
        &q,
        &[
            (1, Some(0)),
            (1, Some(0)),
            (1, Some(0)),
            (2, Some(0)),
            (4, Some(0)),
        ],
    );
    let b = Benchmark::of(&q, &top, "Peiling", "najaar 2026");
    let comparison = b.compare(&q, 3, &[Some(0), None]);
    assert_eq!(
        compared(&q, &b, &comparison, mq_core::model::Level(4), "nl"),
        [
            "In ‘Peiling’ (najaar 2026) bereikte 1 van de 5 organisaties de fase Transformatie.",
            "Van de 5 organisaties die ook ‘Zorg en welzijn’ kozen, bereikte er 1 de fase \
             Transformatie.",
        ]
    );
}

#[test]
fn the_complete_event_and_the_downloads_say_where_the_result_stands() {
    let q = Questionnaire::built_in();
    let b = six(&q);
    // Case B is Experimental (index 1): 5 of the 6 results reached it or
    // more, 4 of the 5 in its sector; the poll has no segment by size.
    let response = Response {
        answers: cases::answers("case-b-dont-know"),
        profile: vec![Some(0), Some(1)],
    };
    let Outcome::Assessed(assessment) = assess(&q, &response.answers) else {
        panic!("case B has a result")
    };
    let dimensions: Vec<Value> = q
        .dimensions
        .iter()
        .map(|d| json!({"id": d.id, "median": 2.5}))
        .collect();
    let standing = json!({
        "title": "Peiling 2026",
        "date": "2026-11-30",
        "results": 6,
        "reached": 5,
        "segments": [
            {"question": "sector", "answer": q.profile[0].answers[0].id, "results": 5, "reached": 4}
        ],
        "dimensions": dimensions,
    });

    // The quiz sends it when the respondent answers into the result.
    let mut quiz = Quiz::new(&q, "en".to_string()).with_preset(vec![None; q.profile.len()]);
    let mut actions = vec![Action::Start];
    for answer in response.answers.iter().flatten() {
        actions.extend([Action::Choose(*answer), Action::Continue]);
    }
    actions.extend([
        Action::ChooseProfile {
            question: 0,
            answer: Some(0),
        },
        Action::ChooseProfile {
            question: 1,
            answer: Some(1),
        },
    ]);
    for action in actions {
        quiz = quiz.apply(&q, Some(&b), action).next;
    }
    let complete = quiz.apply(&q, Some(&b), Action::Continue).effects.remove(0);
    let Effect::Emit(EventKind::Complete, detail) = complete else {
        panic!("the result is new: {complete:?}")
    };
    assert_eq!(
        detail,
        completed(&q, "en", &response, &assessment, Some(&b))
    );
    let detail: Value = serde_json::from_str(&detail).unwrap();
    assert_eq!(detail["benchmark"], standing);
    let without: Value =
        serde_json::from_str(&completed(&q, "en", &response, &assessment, None)).unwrap();
    assert!(
        without.get("benchmark").is_none(),
        "no member without a poll"
    );

    // The JSON download holds the same, and still reads back.
    let file = download(
        &q,
        "en",
        &response,
        &assessment,
        Some(&b),
        "2026-12-02T10:00:00.000Z",
    );
    let file_value: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(file_value["benchmark"], standing);
    assert_eq!(read_download(&q, &file), Ok(response.clone()));

    // The CSV gains columns after the result's own, and still reads back.
    let csv = result_csv(&q, "en", &response, &assessment, Some(&b));
    let (header, row) = csv.split_once("\r\n").unwrap();
    let medians: Vec<String> = q
        .dimensions
        .iter()
        .map(|d| format!("benchmark_{}_median", d.id))
        .collect();
    assert!(
        header.ends_with(&format!(
            ",profile_sector,profile_size,benchmark_title,benchmark_date,benchmark_results,\
             benchmark_reached,benchmark_profile_sector_results,benchmark_profile_sector_reached,\
             benchmark_profile_size_results,benchmark_profile_size_reached,{}",
            medians.join(",")
        )),
        "{header}"
    );
    assert!(
        row.ends_with(",Peiling 2026,2026-11-30,6,5,5,4,,,2.5,2.5,2.5,2.5,2.5,2.5\r\n"),
        "{row}"
    );
    assert_eq!(header.split(',').count(), row.split(',').count());
    assert_eq!(read_csv(&q, &csv), [(2, Ok(response.clone()))]);
    assert_eq!(
        result_csv(&q, "en", &response, &assessment, None),
        csv_header(&q) + &csv_row(&q, "en", &response, &assessment),
        "without a poll, the file is as before"
    );
}
