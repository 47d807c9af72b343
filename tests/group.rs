//! The group view's sums (src/group.rs), on a fixed set of 20 codes whose
//! figures are worked out by hand below, and timed on 5,000 results.

#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use maturity_quiz::code::encode;
use maturity_quiz::group::{Group, Origin};
use maturity_quiz::model::{Answer, Level, Questionnaire};

fn levels(levels: [u8; 12]) -> String {
    let answers: Vec<Option<Answer>> = levels
        .iter()
        .map(|&l| match l {
            0 => None,
            9 => Some(Answer::DontKnow),
            l => Some(Answer::Level(Level(l))),
        })
        .collect();
    encode(&Questionnaire::built_in(), &answers)
}

/// 20 lines: 17 results, 3 refused.
///
/// - 4 × all 1: Ad hoc (strategy 1).
/// - 5 × all 2: Experimental (strategy 2).
/// - 6 × all 3: Functional (strategy 3).
/// - 1 × all 4: Transformation (strategy 4).
/// - 1 × case B (q8 "don't know"): Experimental, capped by monitoring
///   (strategy 4).
/// - refused: line 7 (garbage), line 12 (version 1, before the content
///   change), line 20 (too few).
///
/// Phases: Ad hoc 4, Experimental 6, Functional 6, Transformation 1 of 17.
/// Strategy's 17 scores sorted: 1 1 1 1 2 2 2 2 2 3 3 3 3 3 3 4 4; the 9th
/// is 2, the median. Its phases: Ad hoc 4, Experimental 5, Functional 6,
/// Transformation 2.
fn twenty() -> String {
    let mut lines = Vec::new();
    lines.extend(vec![levels([1; 12]); 4]);
    lines.extend(vec![levels([2; 12]); 2]);
    lines.push("not a code".to_string());
    lines.extend(vec![levels([2; 12]); 3]);
    lines.push(levels([4, 4, 3, 3, 3, 3, 3, 9, 1, 1, 3, 2]));
    lines.push("11.AAAAAA".to_string());
    lines.extend(vec![levels([3; 12]); 6]);
    lines.push(levels([4; 12]));
    lines.push(levels([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]));
    assert_eq!(lines.len(), 20);
    lines.join("\n")
}

#[test]
fn twenty_codes_add_up_as_worked_out_by_hand() {
    let q = Questionnaire::built_in();
    let group = Group::read(&q, &twenty(), &[]);
    assert_eq!(group.entries.len(), 17);
    let rejected: Vec<(Origin, String)> = group
        .rejected
        .iter()
        .map(|r| (r.origin.clone(), r.error.to_string()))
        .collect();
    assert_eq!(
        rejected,
        [
            (
                Origin::Line(7),
                "The character ‘n’ at position 1 does not belong in a result code.".to_string()
            ),
            (
                Origin::Line(12),
                "The result belongs to version 1 of the questionnaire; this is version 2."
                    .to_string()
            ),
            (
                Origin::Line(20),
                "5 of the 12 questions have a real answer; a result needs at least 6.".to_string()
            ),
        ]
    );
    assert_eq!(group.phases, [4, 6, 6, 1]);
    assert_eq!(group.split(), (10, 7));
    assert!((group.percentage(4) - 400.0 / 17.0).abs() < 1e-9);
    let strategy = &group.dimensions[0];
    assert_eq!(strategy.median, Some(2.0));
    assert_eq!(strategy.phases, [4, 5, 6, 2]);
    assert_eq!(strategy.unknown, 0);
    // Monitoring: case B has 1 there, so 5 ones, 5 twos, 6 threes, 1 four;
    // the 9th of 17 is 2.
    let monitoring = &group.dimensions[4];
    assert_eq!(
        (monitoring.median, &monitoring.phases),
        (Some(2.0), &vec![5, 5, 6, 1])
    );

    let summary = group.summary_csv(&q);
    assert!(
        summary.starts_with(
            "phase,phase_id,count,percentage\r\n1,ad-hoc,4,23.53\r\n2,experimental,6,35.29\r\n"
        ),
        "{summary}"
    );
    assert!(
        summary.contains("\r\nstrategy,2,4,5,6,2,0\r\n"),
        "{summary}"
    );
    let rows = group.rows_csv(&q, "en");
    assert_eq!(rows.lines().count(), 18, "a header and 17 rows");
}

#[test]
fn five_thousand_results_are_read_and_summed_up_quickly() {
    let q = Questionnaire::built_in();
    let codes: Vec<String> = (0..5000u32)
        .map(|i| {
            let answers: Vec<Option<Answer>> = (0..12)
                .map(|k| Some(Answer::Level(Level(((i * 7 + k * 3) % 4 + 1) as u8))))
                .collect();
            encode(&q, &answers)
        })
        .collect();
    let text = codes.join("\n");
    let started = Instant::now();
    let group = Group::read(&q, &text, &[]);
    let elapsed = started.elapsed();
    println!(
        "group: 5,000 codes parsed, scored and summed up in {:.1} ms (native, {} build)",
        elapsed.as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert_eq!(group.entries.len(), 5000);
    assert_eq!(group.phases.iter().sum::<usize>(), 5000);
}
