//! The scoring rule of the assessment brief ("The scoring rule (normative)"),
//! checked on its worked examples, on every threshold, exhaustively for the
//! four-phase model with two questions per dimension, and by property tests.
//!
//! The questionnaires are generated here rather than taken from the built-in
//! content, so that these tests pin down the rule and nothing else.

#![cfg(not(target_arch = "wasm32"))]

mod cases;

use mq_core::model::{Answer, Dimension, Level, Question, Questionnaire};
use mq_core::scoring::{Assessment, NextStep, Outcome, Score, assess};
use std::sync::LazyLock;

use proptest::prelude::*;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------
// Harness

/// A valid questionnaire with `phases` phases and `dims` dimensions of
/// `per_dim` questions each, in English only.
fn model(phases: usize, dims: usize, per_dim: usize) -> Questionnaire {
    model_sized(phases, &vec![per_dim; dims])
}

/// A valid questionnaire whose dimension `d` has `sizes[d]` questions.
fn model_sized(phases: usize, sizes: &[usize]) -> Questionnaire {
    Questionnaire::from_json(&model_json(phases, sizes).to_string())
        .unwrap_or_else(|err| panic!("test questionnaire is invalid:\n{err}"))
}

fn model_json(phases: usize, sizes: &[usize]) -> Value {
    let en = |text: String| json!({ "en": text });
    let per_level = |what: &str| {
        (1..=phases)
            .map(|l| en(format!("{what} {l}")))
            .collect::<Vec<_>>()
    };
    let questions: Vec<Value> = sizes
        .iter()
        .enumerate()
        .flat_map(|(d, &size)| {
            (0..size).map(move |q| {
                json!({
                    "id": format!("d{d}q{q}"),
                    "dimension": format!("d{d}"),
                    "text": { "en": format!("Question {q} of dimension {d}?") },
                    "options": (1..=phases).map(|l| json!({ "en": format!("option {l}") })).collect::<Vec<_>>(),
                })
            })
        })
        .collect();
    json!({
        "id": "test",
        "version": 1,
        "languages": ["en"],
        "title": en("Test".into()),
        "intro": en("A generated questionnaire.".into()),
        "about": en("Made by the scoring tests.".into()),
        "phases": (1..=phases)
            .map(|l| json!({ "id": format!("p{l}"), "name": en(format!("Phase {l}")), "description": en(format!("Phase {l} described.")) }))
            .collect::<Vec<_>>(),
        "dimensions": (0..sizes.len())
            .map(|d| json!({ "id": format!("d{d}"), "name": en(format!("Dimension {d}")), "levels": per_level("level") }))
            .collect::<Vec<_>>(),
        "questions": questions,
    })
}

/// Answers written as in the brief: a digit is a level, `-` is "don't know",
/// `.` is unanswered; spaces (between dimensions) are ignored.
fn answers(text: &str) -> Vec<Option<Answer>> {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '-' => Some(Answer::DontKnow),
            '.' => None,
            _ => Some(Answer::Level(Level(
                c.to_digit(10).expect("a level digit") as u8
            ))),
        })
        .collect()
}

/// The outcome of `text` for the brief's shape: four phases, six dimensions
/// of two questions.
fn case(text: &str) -> Outcome {
    let answers = answers(text);
    assert_eq!(
        answers.len(),
        12,
        "a case answers all twelve questions: {text:?}"
    );
    assess(&model(4, 6, 2), &answers)
}

/// The outcome of the named case of tests/fixtures/cases.json (answers to
/// the built-in questionnaire, which has the brief's shape) under the rule
/// alone: on [`case`]'s generated questionnaire.
fn named(name: &str) -> Outcome {
    assess(&model(4, 6, 2), &cases::answers(name))
}

/// The assessment of an outcome that must have a result.
fn assessed(outcome: Outcome) -> Assessment {
    match outcome {
        Outcome::Assessed(assessment) => assessment,
        other => panic!("expected a result, got {other:?}"),
    }
}

fn phase_of(outcome: &Outcome) -> Option<Level> {
    match outcome {
        Outcome::Assessed(a) => Some(a.phase),
        Outcome::TooFewAnswers { .. } => None,
    }
}

/// Next steps as `(dimension, level)` pairs.
fn steps(assessment: &Assessment) -> Vec<(usize, u8)> {
    assessment
        .next_steps
        .iter()
        .map(|s| (s.dimension, s.level.0))
        .collect()
}

/// The dimension phases, `0` for an unknown dimension.
fn dimension_phases(assessment: &Assessment) -> Vec<u8> {
    assessment
        .dimensions
        .iter()
        .map(|d| d.phase.map_or(0, |p| p.0))
        .collect()
}

/// The brief's own f64-free form of the phase: the highest `P` with
/// `4 * num >= (4 * P - 1) * den`, at least 1 and at most `top`.
fn reference_phase(num: u64, den: u64, top: u8) -> u8 {
    (2..=top)
        .filter(|&p| 4 * num >= (4 * u64::from(p) - 1) * den)
        .count() as u8
        + 1
}

// ---------------------------------------------------------------------------
// The worked examples of the brief
//
// Cases A, B and C are tests/fixtures/cases.json's, which the widget's tests
// answer too; D and E are written out here.

#[test]
fn example_a_is_functional() {
    let a = assessed(named("case-a"));
    assert_eq!(a.phase, Level(3));
    assert_eq!(a.uncapped, Level(3));
    assert_eq!(a.mean, Score::new(17, 6), "M = 2.83");
    assert_eq!(dimension_phases(&a), [3, 3, 2, 3, 3, 2]);
    assert_eq!(a.dimensions[2].score, Some(Score::new(5, 2)));
    assert_eq!(a.capped_by, Vec::<usize>::new());
    assert!(!a.provisional);
    assert!(!a.uneven);
    assert_eq!((a.answered, a.total), (12, 12));
}

#[test]
fn example_b_is_capped_by_d5() {
    let b = assessed(named("case-b"));
    assert_eq!(b.phase, Level(2), "Experimental");
    assert_eq!(b.uncapped, Level(3));
    assert_eq!(
        b.mean,
        Score::new(11, 4),
        "M = 2.75, exactly on the threshold"
    );
    assert_eq!(dimension_phases(&b), [4, 3, 3, 3, 1, 2]);
    assert_eq!(b.capped_by, [4], "D5");
    assert!(!b.provisional);
    assert!(b.uneven, "4 - 1 >= 2");
    assert_eq!(b.answered, 12);
}

#[test]
fn example_c_is_provisional() {
    let c = assessed(named("case-c"));
    assert_eq!(c.phase, Level(2));
    assert_eq!(c.uncapped, Level(2));
    assert_eq!(c.mean, Score::new(2, 1));
    assert_eq!(dimension_phases(&c), [2, 2, 2, 2, 0, 1]);
    assert_eq!(c.dimensions[4].score, None, "D5 is unknown");
    assert_eq!(c.dimensions[4].phase, None);
    assert_eq!(
        (c.dimensions[4].answered, c.dimensions[4].questions),
        (0, 2)
    );
    assert_eq!(c.dimensions[5].score, Some(Score::new(3, 2)));
    assert_eq!(
        c.capped_by,
        Vec::<usize>::new(),
        "the cap (1 + 1) equals phase(M): it lowers nothing"
    );
    assert!(c.provisional);
    assert!(!c.uneven);
    assert_eq!((c.answered, c.total), (9, 12));
}

#[test]
fn example_d_all_ones_is_ad_hoc() {
    let d = assessed(case("11 11 11 11 11 11"));
    assert_eq!(
        (d.phase, d.uncapped, d.mean),
        (Level(1), Level(1), Score::new(1, 1))
    );
    assert_eq!(d.capped_by, Vec::<usize>::new());
    assert!(!d.provisional && !d.uneven);
    assert_eq!(d.answered, 12);
    assert_eq!(steps(&d), [(0, 2), (1, 2), (2, 2), (3, 2), (4, 2), (5, 2)]);
}

#[test]
fn example_e_all_fours_is_transformation() {
    let e = assessed(case("44 44 44 44 44 44"));
    assert_eq!(
        (e.phase, e.uncapped, e.mean),
        (Level(4), Level(4), Score::new(4, 1))
    );
    assert_eq!(e.capped_by, Vec::<usize>::new());
    assert!(!e.provisional && !e.uneven);
    assert_eq!(e.answered, 12);
    assert_eq!(e.next_steps, [], "nothing above the top level");
}

// ---------------------------------------------------------------------------
// Thresholds

#[test]
fn score_on_a_threshold_reaches_the_phase() {
    let top = Level(4);
    assert_eq!(Score::new(7, 4).phase(top), Level(2));
    assert_eq!(Score::new(11, 4).phase(top), Level(3));
    assert_eq!(Score::new(15, 4).phase(top), Level(4));
    // The same values in other terms.
    assert_eq!(Score::new(21, 12).phase(top), Level(2));
    assert_eq!(Score::new(33, 12).phase(top), Level(3));
    assert_eq!(Score::new(45, 12).phase(top), Level(4));
}

#[test]
fn score_just_below_a_threshold_stays_below() {
    let top = Level(4);
    let tiny = 1_000_000;
    assert_eq!(Score::new(3, 2).phase(top), Level(1));
    assert_eq!(Score::new(7 * tiny - 1, 4 * tiny).phase(top), Level(1));
    assert_eq!(Score::new(11 * tiny - 1, 4 * tiny).phase(top), Level(2));
    assert_eq!(Score::new(15 * tiny - 1, 4 * tiny).phase(top), Level(3));
    // Whole numbers reach their own phase and no more.
    assert_eq!(Score::new(2, 1).phase(top), Level(2));
    assert_eq!(Score::new(3, 1).phase(top), Level(3));
}

#[test]
fn phase_is_clamped_to_the_levels() {
    assert_eq!(Score::new(4, 1).phase(Level(4)), Level(4));
    assert_eq!(Score::new(1, 1).phase(Level(4)), Level(1));
    assert_eq!(Score::new(5, 1).phase(Level(4)), Level(4), "above the top");
    assert_eq!(Score::new(0, 1).phase(Level(4)), Level(1), "below level 1");
    assert_eq!(Score::new(u64::MAX, 1).phase(Level(7)), Level(7));
    assert_eq!(
        Score::new(19, 4).phase(Level(5)),
        Level(5),
        "4.75 with five phases"
    );
    assert_eq!(Score::new(19, 4).phase(Level(4)), Level(4));
    assert_eq!(
        Score::new(3, 1).phase(Level(0)),
        Level(1),
        "a degenerate top still gives a level"
    );
}

#[test]
fn phase_matches_the_integer_reference_for_small_fractions() {
    for top in 3..=7u8 {
        for den in 1..=24 {
            for num in 0..=u64::from(top + 1) * den {
                assert_eq!(
                    Score::new(num, den).phase(Level(top)).0,
                    reference_phase(num, den, top),
                    "{num}/{den} with top {top}"
                );
            }
        }
    }
}

#[test]
fn scores_compare_by_value() {
    assert_eq!(Score::new(1, 2), Score::new(2, 4));
    assert_eq!(Score::new(0, 1), Score::new(0, 7));
    assert!(Score::new(7, 4) > Score::new(6_999_999, 4_000_000));
    assert!(Score::new(5, 2) < Score::new(11, 4));
    assert_eq!(
        Score::new(33, 12).cmp(&Score::new(11, 4)),
        std::cmp::Ordering::Equal
    );
    assert_eq!(Score::new(11, 4).as_f64(), 2.75);
}

#[test]
#[should_panic(expected = "denominator")]
fn score_with_zero_denominator_is_refused() {
    let _ = Score::new(1, 0);
}

/// Whole answer sets with `M` exactly on each threshold, and just below it.
#[test]
fn mean_on_and_below_each_threshold() {
    let cases = [
        // M = 1.75 reaches 2; the 1.5 dimensions (phase 1) cap at 2.
        ("22 22 22 12 12 12", Score::new(7, 4), 2, 2),
        ("22 22 22 12 12 11", Score::new(5, 3), 1, 1),
        // M = 2.75 reaches 3; the 2.5 dimensions (phase 2) cap at 3.
        ("33 33 33 23 23 23", Score::new(11, 4), 3, 3),
        ("33 33 33 23 23 22", Score::new(8, 3), 2, 2),
        // M = 3.75 reaches 4; the 3.5 dimensions (phase 3) cap at 4.
        ("44 44 44 43 43 43", Score::new(15, 4), 4, 4),
        ("44 44 44 43 43 33", Score::new(11, 3), 3, 3),
        // Example B: M = 2.75 reaches 3 before the cap.
        ("44 33 33 33 11 32", Score::new(11, 4), 3, 2),
    ];
    for (text, mean, uncapped, phase) in cases {
        let a = assessed(case(text));
        assert_eq!(a.mean, mean, "{text}");
        assert_eq!(a.uncapped, Level(uncapped), "{text}");
        assert_eq!(a.phase, Level(phase), "{text}");
    }
}

#[test]
fn dimension_score_on_and_below_a_threshold() {
    let four = model(4, 1, 4);
    let on = assessed(assess(&four, &answers("2221")));
    assert_eq!(on.dimensions[0].score, Some(Score::new(7, 4)));
    assert_eq!(on.dimensions[0].phase, Some(Level(2)));
    assert_eq!(on.phase, Level(2));
    let below = assessed(assess(&four, &answers("2211")));
    assert_eq!(below.dimensions[0].phase, Some(Level(1)));
    assert_eq!(below.phase, Level(1));
}

// ---------------------------------------------------------------------------
// How many answers give a result, and when it is provisional

#[test]
fn fewer_than_half_gives_no_result() {
    let expected = Outcome::TooFewAnswers {
        answered: 5,
        needed: 6,
    };
    assert_eq!(case("33 33 3. .. .. .."), expected);
    assert_eq!(
        case("33 33 3- -- -- --"),
        expected,
        "don't know is no answer"
    );
    assert_eq!(case("-3 3- 33 .3 .. -."), expected);
    assert_eq!(
        assess(&model(4, 6, 2), &[]),
        Outcome::TooFewAnswers {
            answered: 0,
            needed: 6
        }
    );
}

#[test]
fn half_gives_a_provisional_result() {
    let a = assessed(case("33 33 33 .. .. .."));
    assert_eq!((a.answered, a.total), (6, 12));
    assert!(a.provisional);
    assert_eq!(a.phase, Level(3));
    assert_eq!(dimension_phases(&a), [3, 3, 3, 0, 0, 0]);
    assert_eq!(
        a.next_steps,
        [
            NextStep {
                dimension: 0,
                level: Level(4)
            },
            NextStep {
                dimension: 1,
                level: Level(4)
            },
            NextStep {
                dimension: 2,
                level: Level(4)
            },
        ]
    );
}

#[test]
fn needed_rounds_half_up() {
    let five = model(4, 1, 5);
    assert_eq!(
        assess(&five, &answers("22...")),
        Outcome::TooFewAnswers {
            answered: 2,
            needed: 3
        }
    );
    let a = assessed(assess(&five, &answers("222..")));
    assert!(a.provisional, "3 of 5 is below three quarters");
    let a = assessed(assess(&five, &answers("2222.")));
    assert!(!a.provisional, "4 of 5 is three quarters or more");
}

#[test]
fn three_quarters_with_every_dimension_known_is_final() {
    let nine = assessed(case("33 33 33 3. 3. 3."));
    assert_eq!(nine.answered, 9);
    assert!(!nine.provisional, "4 * 9 >= 3 * 12");
    let eight = assessed(case("33 33 3. 3. 3. 3."));
    assert_eq!(eight.answered, 8);
    assert!(eight.dimensions.iter().all(|d| d.score.is_some()));
    assert!(eight.provisional, "4 * 8 < 3 * 12");
}

#[test]
fn an_unknown_dimension_makes_it_provisional_and_escapes_the_cap() {
    let all = assessed(case("33 33 33 33 33 33"));
    assert!(!all.provisional);
    // Eleven answers, but D6 is unknown.
    let a = assessed(case("33 33 33 33 33 -3"));
    assert!(!a.provisional);
    let a = assessed(case("33 33 33 33 33 --"));
    assert!(a.provisional);
    assert_eq!(a.answered, 10);
    // A would-be capping dimension that is unknown caps nothing.
    let capped = assessed(case("44 44 44 44 44 11"));
    assert_eq!(capped.mean, Score::new(7, 2));
    assert_eq!(
        (capped.phase, capped.uncapped, capped.capped_by.clone()),
        (Level(2), Level(3), vec![5])
    );
    let unknown = assessed(case("44 44 44 44 44 .."));
    assert_eq!((unknown.phase, unknown.uncapped), (Level(4), Level(4)));
    assert_eq!(unknown.capped_by, Vec::<usize>::new());
    assert!(
        !unknown.uneven,
        "unknown dimensions are not in the uneven check"
    );
}

// ---------------------------------------------------------------------------
// Cap, uneven profile and next steps

#[test]
fn capped_by_lists_every_lowest_dimension() {
    let a = assessed(case("11 44 44 44 11 44"));
    assert_eq!(a.mean, Score::new(3, 1));
    assert_eq!((a.uncapped, a.phase), (Level(3), Level(2)));
    assert_eq!(a.capped_by, [0, 4]);
    assert!(a.uneven);
}

#[test]
fn uneven_needs_a_gap_of_two_phases() {
    assert!(!assessed(case("33 33 33 33 33 22")).uneven, "3 - 2");
    assert!(assessed(case("33 33 33 33 33 11")).uneven, "3 - 1");
    assert!(!assessed(case("44 44 44 44 44 33")).uneven, "4 - 3");
    assert!(assessed(case("44 44 44 44 44 22")).uneven, "4 - 2");
}

#[test]
fn next_steps_go_weakest_first() {
    // Scores 2.5, 3, 2, 4, 1.5, 3; phases 2, 3, 2, 4, 1, 3.
    let a = assessed(case("41 33 22 44 12 3-"));
    assert_eq!(dimension_phases(&a), [2, 3, 2, 4, 1, 3]);
    // D4 is at the top and gets none; D2 and D6 tie on score and phase.
    assert_eq!(steps(&a), [(4, 2), (2, 3), (0, 3), (1, 4), (5, 4)]);
}

#[test]
fn next_steps_order_by_score_within_a_phase() {
    // D1 and D2 are both phase 3, but D2 (3.0) is weaker than D1 (3.5).
    let a = assessed(case("43 33 44 44 44 44"));
    assert_eq!(steps(&a), [(1, 4), (0, 4)]);
}

#[test]
fn next_steps_leave_out_unknown_dimensions() {
    let a = assessed(case("41 33 22 -- 12 3."));
    assert_eq!(steps(&a), [(4, 2), (2, 3), (0, 3), (1, 4), (5, 4)]);
    assert!(
        a.next_steps
            .iter()
            .all(|s| a.dimensions[s.dimension].score.is_some())
    );
}

// ---------------------------------------------------------------------------
// Odd input

#[test]
fn short_answer_lists_count_as_unanswered_and_long_ones_are_cut() {
    let full = case("33 33 33 22 .. ..");
    assert_eq!(assess(&model(4, 6, 2), &answers("33 33 33 22")), full);
    let mut long = answers("33 33 33 22 .. .. 11 11");
    assert_eq!(assess(&model(4, 6, 2), &long), full);
    long.truncate(12);
    assert_eq!(assess(&model(4, 6, 2), &long), full);
}

#[test]
fn levels_out_of_range_are_clamped() {
    let mut odd = answers("44 44 44 44 44 11");
    odd[0] = Some(Answer::Level(Level(9)));
    odd[10] = Some(Answer::Level(Level(0)));
    odd[11] = Some(Answer::Level(Level(u8::MAX)));
    assert_eq!(assess(&model(4, 6, 2), &odd), case("44 44 44 44 44 14"));
}

#[test]
fn a_questionnaire_without_checks_does_not_panic() {
    // Changed in code after loading, the questionnaire skips `from_json`'s
    // checks.
    let unchecked = Questionnaire::from_json(&model_json(4, &[2; 6]).to_string()).unwrap();
    let text = "44 33 33 33 11 32";
    assert_eq!(assess(&unchecked, &answers(text)), case(text));

    let mut empty = unchecked.clone();
    empty.questions.clear();
    assert_eq!(
        assess(&empty, &[]),
        Outcome::TooFewAnswers {
            answered: 0,
            needed: 1
        }
    );
    empty.phases.clear();
    empty.dimensions.clear();
    assert_eq!(
        assess(&empty, &answers("44")),
        Outcome::TooFewAnswers {
            answered: 0,
            needed: 1
        }
    );

    let mut orphans = unchecked;
    for question in &mut orphans.questions[10..] {
        question.dimension = "nowhere".into();
    }
    let a = assessed(assess(&orphans, &answers("44 44 44 44 44 11")));
    assert_eq!((a.phase, a.answered, a.total), (Level(4), 12, 12));
    assert_eq!(a.dimensions[5].questions, 0);
}

#[test]
fn mean_of_many_unequal_dimensions_does_not_overflow() {
    // Dimension d has d + 1 questions and scores 1 + 1/(d + 1), so M's exact
    // denominator is a multiple of lcm(1..=60), far beyond u64.
    // Past the format's limits (30 dimensions, 200 questions), so built in
    // code from a valid one: the rule must hold for any questionnaire.
    let sizes: Vec<usize> = (1..=60).collect();
    let template = model_sized(4, &[1]);
    let mut q = template.clone();
    q.dimensions = sizes
        .iter()
        .map(|&d| Dimension {
            id: format!("d{d}"),
            ..template.dimensions[0].clone()
        })
        .collect();
    q.questions = sizes
        .iter()
        .flat_map(|&d| {
            let template = &template;
            (0..d).map(move |i| Question {
                id: format!("d{d}q{i}"),
                dimension: format!("d{d}"),
                ..template.questions[0].clone()
            })
        })
        .collect();
    let text: String = sizes
        .iter()
        .map(|&n| format!("2{} ", "1".repeat(n - 1)))
        .collect();
    let a = assessed(assess(&q, &answers(&text)));
    let expected = 1.0 + sizes.iter().map(|&n| 1.0 / n as f64).sum::<f64>() / 60.0;
    assert!(
        (a.mean.as_f64() - expected).abs() < 1e-9,
        "{} vs {expected}",
        a.mean.as_f64()
    );
    assert_eq!((a.phase, a.uncapped), (Level(1), Level(1)));
    assert!(!a.provisional);
}

// ---------------------------------------------------------------------------
// Exhaustive checks for the brief's shape

/// Every per-dimension answer pair, from {don't know, 1..4}.
fn pairs() -> Vec<[Option<u8>; 2]> {
    let options = [None, Some(1), Some(2), Some(3), Some(4)];
    options
        .iter()
        .flat_map(|&a| options.iter().map(move |&b| [a, b]))
        .collect()
}

#[test]
fn every_dimension_pair_scores_as_the_reference() {
    let q = model(4, 1, 2);
    for pair in pairs() {
        let given: Vec<u64> = pair.iter().flatten().map(|&l| u64::from(l)).collect();
        let answers: Vec<Option<Answer>> = pair
            .iter()
            .map(|l| Some(l.map_or(Answer::DontKnow, |l| Answer::Level(Level(l)))))
            .collect();
        let outcome = assess(&q, &answers);
        if given.is_empty() {
            assert_eq!(
                outcome,
                Outcome::TooFewAnswers {
                    answered: 0,
                    needed: 1
                }
            );
            continue;
        }
        let (sum, n) = (given.iter().sum::<u64>(), given.len() as u64);
        let a = assessed(outcome);
        assert_eq!(a.dimensions[0].score, Some(Score::new(sum, n)), "{pair:?}");
        assert_eq!(
            a.dimensions[0].phase,
            Some(Level(reference_phase(sum, n, 4))),
            "{pair:?}"
        );
        assert_eq!(a.phase, Level(reference_phase(sum, n, 4)), "{pair:?}");
    }
}

/// Every combination of dimension scores of the 6x2 model (each dimension
/// unknown or at one of the half levels 1, 1.5, .., 4), in every rotation,
/// checked against a reference written with integers only.
#[test]
fn every_profile_of_the_six_by_two_model_matches_the_reference() {
    // Half-score h (score h/2) as an answer pair; 0 is unknown.
    let states = [0u8, 2, 3, 4, 5, 6, 7, 8];
    let pair = |h: u8| match h {
        0 => [None, None],
        h => [Some(h.div_ceil(2)), Some(h / 2)],
    };
    // Every multiset of six states, as a non-decreasing sequence.
    let mut profiles: Vec<Vec<u8>> = vec![vec![]];
    for _ in 0..6 {
        profiles = profiles
            .into_iter()
            .flat_map(|p| {
                let from = p.last().copied().unwrap_or(0);
                states
                    .iter()
                    .filter(move |&&h| h >= from)
                    .map(move |&h| [p.clone(), vec![h]].concat())
            })
            .collect();
    }
    assert_eq!(profiles.len(), 1716, "C(13, 6)");

    let q = model(4, 6, 2);
    for sorted in &profiles {
        for turn in 0..6 {
            let mut profile = sorted.clone();
            profile.rotate_left(turn);
            let answers: Vec<Option<Answer>> = profile
                .iter()
                .flat_map(|&h| pair(h))
                .map(|l| l.map(|l| Answer::Level(Level(l))))
                .collect();
            let outcome = assess(&q, &answers);

            let known: Vec<u64> = profile
                .iter()
                .filter(|&&h| h > 0)
                .map(|&h| u64::from(h))
                .collect();
            let answered = 2 * known.len();
            if answered < 6 {
                assert_eq!(
                    outcome,
                    Outcome::TooFewAnswers {
                        answered,
                        needed: 6
                    },
                    "{profile:?}"
                );
                continue;
            }
            let a = assessed(outcome);
            let k = known.len() as u64;
            let total: u64 = known.iter().sum();
            let phases: Vec<u8> = profile
                .iter()
                .map(|&h| {
                    if h > 0 {
                        reference_phase(u64::from(h), 2, 4)
                    } else {
                        0
                    }
                })
                .collect();
            let known_phases = || phases.iter().copied().filter(|&p| p > 0);
            let (lowest, highest) = (known_phases().min().unwrap(), known_phases().max().unwrap());
            let uncapped = reference_phase(total, 2 * k, 4);
            let phase = uncapped.min(lowest + 1);
            let capped_by: Vec<usize> = if phase < uncapped {
                (0..6).filter(|&d| phases[d] == lowest).collect()
            } else {
                vec![]
            };
            assert_eq!(a.mean, Score::new(total, 2 * k), "{profile:?}");
            assert_eq!(dimension_phases(&a), phases, "{profile:?}");
            assert_eq!(
                (a.uncapped, a.phase),
                (Level(uncapped), Level(phase)),
                "{profile:?}"
            );
            assert_eq!(a.capped_by, capped_by, "{profile:?}");
            assert_eq!(a.uneven, highest - lowest >= 2, "{profile:?}");
            assert_eq!(a.provisional, known.len() < 6, "{profile:?}");
            assert_eq!((a.answered, a.total), (answered, 12), "{profile:?}");
            assert_eq!(
                a.next_steps.len(),
                known_phases().filter(|&p| p < 4).count(),
                "{profile:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Properties

/// An answer from {unanswered, don't know, 1..=top}.
fn answer(top: u8) -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        Just(Some(Answer::DontKnow)),
        (1..=top).prop_map(|l| Some(Answer::Level(Level(l)))),
    ]
}

/// Checks the three properties of the brief on a questionnaire with `top`
/// phases and dimensions of `per_dim` questions, for one answer set.
fn check_properties(
    q: &Questionnaire,
    per_dim: usize,
    given: &[Option<Answer>],
) -> Result<(), TestCaseError> {
    let top = q.top_level().0;
    let outcome = assess(q, given);

    // Raising any single answered level by one never lowers the phase.
    for i in 0..given.len() {
        let Some(Answer::Level(Level(l))) = given[i] else {
            continue;
        };
        if l >= top {
            continue;
        }
        let mut raised = given.to_vec();
        raised[i] = Some(Answer::Level(Level(l + 1)));
        let higher = assess(q, &raised);
        match (phase_of(&outcome), phase_of(&higher)) {
            (Some(before), Some(after)) => {
                prop_assert!(after >= before, "raising {i}: {before:?} -> {after:?}")
            }
            (Some(_), None) => prop_assert!(false, "raising {i} lost the result"),
            (None, _) => prop_assert!(phase_of(&higher).is_none(), "raising adds no answer"),
        }
    }

    // The order of the questions within a dimension does not matter: swap
    // any two and rotate each dimension.
    for start in (0..given.len()).step_by(per_dim) {
        for a in start..start + per_dim {
            for b in a + 1..start + per_dim {
                let mut swapped = given.to_vec();
                swapped.swap(a, b);
                prop_assert_eq!(&assess(q, &swapped), &outcome, "swapping {} and {}", a, b);
            }
        }
        let mut rotated = given.to_vec();
        rotated[start..start + per_dim].rotate_left(1);
        prop_assert_eq!(&assess(q, &rotated), &outcome, "rotating from {}", start);
    }

    // Invariants of every result.
    if let Outcome::Assessed(a) = &outcome {
        let known: Vec<Level> = a.dimensions.iter().filter_map(|d| d.phase).collect();
        let lowest = *known.iter().min().unwrap();
        prop_assert!(a.phase <= a.uncapped);
        prop_assert!(a.phase.0 <= lowest.0 + 1);
        prop_assert!(Level(1) <= a.phase && a.phase.0 <= top);
        prop_assert_eq!(a.uncapped, a.mean.phase(q.top_level()));
        prop_assert_eq!(a.capped_by.is_empty(), a.phase == a.uncapped);
        prop_assert!(2 * a.answered >= a.total);
        let scores: Vec<_> = a
            .next_steps
            .iter()
            .map(|s| a.dimensions[s.dimension].score.unwrap())
            .collect();
        prop_assert!(scores.windows(2).all(|w| w[0] <= w[1]), "weakest first");
    }
    Ok(())
}

fn config() -> ProptestConfig {
    // No regression files: this suite writes nothing into the source tree.
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// Built once: the property tests assess thousands of answer sets.
static FOUR_BY_SIX_BY_TWO: LazyLock<Questionnaire> = LazyLock::new(|| model(4, 6, 2));
static FIVE_BY_FIVE_BY_THREE: LazyLock<Questionnaire> = LazyLock::new(|| model(5, 5, 3));
static SEVEN_BY_THREE_BY_FOUR: LazyLock<Questionnaire> = LazyLock::new(|| model(7, 3, 4));

proptest! {
    #![proptest_config(config())]

    #[test]
    fn four_phases_six_by_two(given in prop::collection::vec(answer(4), 12)) {
        check_properties(&FOUR_BY_SIX_BY_TWO, 2, &given)?;
    }

    #[test]
    fn five_phases_five_by_three(given in prop::collection::vec(answer(5), 15)) {
        check_properties(&FIVE_BY_FIVE_BY_THREE, 3, &given)?;
    }

    #[test]
    fn seven_phases_three_by_four(given in prop::collection::vec(answer(7), 12)) {
        check_properties(&SEVEN_BY_THREE_BY_FOUR, 4, &given)?;
    }
}

#[test]
fn all_answers_at_one_level_give_that_phase() {
    for (q, per_dim) in [
        (model(4, 6, 2), 2),
        (model(5, 5, 3), 3),
        (model(3, 4, 1), 1),
        (model(7, 3, 4), 4),
    ] {
        let top = q.top_level().0;
        for level in 1..=top {
            let given = vec![Some(Answer::Level(Level(level))); q.questions.len()];
            let a = assessed(assess(&q, &given));
            assert_eq!(
                (a.phase, a.uncapped),
                (Level(level), Level(level)),
                "{top} phases, {per_dim} per dimension"
            );
            assert_eq!(a.mean, Score::new(u64::from(level), 1));
            assert_eq!(a.capped_by, Vec::<usize>::new());
            assert!(!a.provisional && !a.uneven);
            let expected = if level < top { q.dimensions.len() } else { 0 };
            assert_eq!(a.next_steps.len(), expected);
            assert!(a.next_steps.iter().all(|s| s.level == Level(level + 1)));
        }
    }
}
