//! The sentences that explain a result to the respondent: why it is capped,
//! what a provisional result rests on, why there is none yet, where each
//! phase begins on the chart, how long the questionnaire takes, and where a
//! result stands in a poll's benchmark. Built from the widget's templates
//! (`content/ui.json`) without the browser, so that every sentence is tested
//! natively, in every language, with one name or count and with several.

use crate::benchmark::{Benchmark, Comparison};
use crate::history::Change;
use crate::i18n::{UiText, args, date, list, number, quoted_list};
use crate::model::{Level, Questionnaire};
use crate::scoring::{Assessment, threshold};

/// Seconds a respondent needs per question, for the time estimate: twelve
/// questions take about seven minutes. A screen holds 68 to 88 words (the
/// question, four options and the don't-know option), which a careful reader
/// reads and weighs in about 35 seconds (`docs/content-style.md`, "Time").
const SECONDS_PER_QUESTION: usize = 35;

/// The intro's line on length: "12 vragen, ongeveer 7 minuten."
pub fn facts(questions: usize, ui: &UiText) -> String {
    let minutes = (questions * SECONDS_PER_QUESTION).div_ceil(60).max(1);
    ui.facts(args::Facts {
        questions: &ui.questions_count(questions),
        minutes: &ui.minutes_count(minutes),
    })
}

/// Why there is no result yet: `answered` of `total` questions have a level,
/// and a result needs `needed`.
pub fn too_few(answered: usize, total: usize, needed: usize, ui: &UiText) -> String {
    ui.too_few_body(
        total,
        args::TooFewBody {
            answered: &answered.to_string(),
            total: &total.to_string(),
            needed: &needed.to_string(),
        },
    )
}

/// The names of the dimensions at `indexes`, quoted, as a list.
fn dimension_names(q: &Questionnaire, indexes: &[usize], ui: &UiText, language: &str) -> String {
    let names: Vec<&str> = indexes
        .iter()
        .map(|&d| q.dimensions[d].name.get(language))
        .collect();
    quoted_list(&names, ui)
}

/// How the result's sentences name the organisation: "uw organisatie", or
/// "deze organisatie" when someone shared the result.
pub fn organisation(shared: bool, ui: &UiText) -> &'static str {
    if shared {
        ui.organisation_shared
    } else {
        ui.organisation_own
    }
}

/// The title of the list of dimensions, weakest first: "Waar uw organisatie
/// staat en naartoe kan groeien".
pub fn next_steps_title(shared: bool, ui: &UiText) -> String {
    ui.next_steps_title(args::NextStepsTitle {
        organisation: organisation(shared, ui),
    })
}

/// That every known dimension is in the top phase, said only when no
/// dimension has a next step.
pub fn top_reached(assessment: &Assessment, shared: bool, ui: &UiText) -> Option<String> {
    assessment.next_steps.is_empty().then(|| {
        ui.top_reached(args::TopReached {
            organisation: organisation(shared, ui),
        })
    })
}

/// Why the profile is uneven, and where to start: the weakest dimension
/// heads the list under [`next_steps_title`].
pub fn uneven(assessment: &Assessment, shared: bool, ui: &UiText) -> Option<String> {
    assessment.uneven.then(|| {
        ui.note_uneven(args::NoteUneven {
            organisation: organisation(shared, ui),
            section: &next_steps_title(shared, ui),
        })
    })
}

/// Why the result is lower than the average: the dimensions that cap it.
pub fn capped(
    q: &Questionnaire,
    assessment: &Assessment,
    shared: bool,
    language: &str,
) -> Option<String> {
    let ui = q.words(language);
    let capped_by = &assessment.capped_by;
    let &first = capped_by.first()?;
    let lowest = assessment.dimensions[first]
        .phase
        .map_or("", |l| q.phase(l).name.get(language));
    Some(ui.note_capped(
        capped_by.len(),
        args::NoteCapped {
            organisation: organisation(shared, ui),
            mean: &number(assessment.mean.as_f64(), ui),
            scale: &q.phases.len().to_string(),
            uncapped: q.phase(assessment.uncapped).name.get(language),
            dimensions: &dimension_names(q, capped_by, ui, language),
            lowest,
        },
    ))
}

/// Why the result is lower than some dimensions' phases when no dimension
/// caps it: the average alone sets it, and the next phase begins a quarter
/// point below its level. Said only then, so that a result the bars seem to
/// contradict always has its reason beside it.
pub fn mean(
    q: &Questionnaire,
    assessment: &Assessment,
    shared: bool,
    language: &str,
) -> Option<String> {
    let phase = assessment.phase;
    let above = assessment.dimensions.iter().any(|d| d.phase > Some(phase));
    if !assessment.capped_by.is_empty() || !above || phase >= q.top_level() {
        return None;
    }
    let next = Level(phase.0 + 1);
    let ui = q.words(language);
    Some(ui.note_mean(args::NoteMean {
        organisation: organisation(shared, ui),
        mean: &number(assessment.mean.as_f64(), ui),
        scale: &q.phases.len().to_string(),
        next: q.phase(next).name.get(language),
        threshold: &number(threshold(next), ui),
    }))
}

/// How many questions the provisional result rests on and how many a full
/// one needs, and which dimensions it knows nothing about.
pub fn provisional(q: &Questionnaire, assessment: &Assessment, language: &str) -> Option<String> {
    if !assessment.provisional {
        return None;
    }
    let ui = q.words(language);
    let mut text = ui.note_provisional(
        assessment.total,
        args::NoteProvisional {
            answered: &assessment.answered.to_string(),
            total: &assessment.total.to_string(),
        },
    );
    let full = assessment.full();
    if assessment.answered < full {
        text.push(' ');
        text.push_str(&ui.note_full(
            full,
            args::NoteFull {
                full: &full.to_string(),
            },
        ));
    }
    let unknown: Vec<usize> = assessment
        .dimensions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.phase.is_none())
        .map(|(i, _)| i)
        .collect();
    if !unknown.is_empty() {
        text.push(' ');
        text.push_str(&ui.note_unknown(
            unknown.len(),
            args::NoteUnknown {
                dimensions: &dimension_names(q, &unknown, ui, language),
            },
        ));
    }
    Some(text)
}

/// The line under the chart: the scale, and the score at which each phase
/// after the first begins ([`threshold`]).
pub fn chart_scale(q: &Questionnaire, language: &str) -> String {
    let ui = q.words(language);
    let thresholds: Vec<String> = q
        .phases
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, phase)| {
            ui.chart_threshold(args::ChartThreshold {
                score: &number(threshold(Level(i as u8 + 1)), ui),
                phase: phase.name.get(language),
            })
        })
        .collect();
    let thresholds: Vec<&str> = thresholds.iter().map(String::as_str).collect();
    ui.chart_scale(args::ChartScale {
        scale: &q.phases.len().to_string(),
        thresholds: &list(&thresholds, ui.and),
    })
}

/// The sentences that place a result in phase `phase` in `benchmark`: how
/// many organisations of the poll reached at least that phase, then
/// the same among those with each of the respondent's background answers
/// the benchmark holds a segment of ([`Benchmark::compare`]).
pub fn compared(
    q: &Questionnaire,
    benchmark: &Benchmark,
    comparison: &Comparison,
    phase: Level,
    language: &str,
) -> Vec<String> {
    let ui = q.words(language);
    let phase_name = q.phase(phase).name.get(language);
    // The top phase has no higher one to speak of.
    let top = phase == q.top_level();
    let overall = comparison.overall;
    let (reached, results) = (overall.reached.to_string(), overall.results.to_string());
    let (title, date) = (benchmark.title.as_str(), benchmark.date.as_str());
    let mut sentences = vec![if top {
        ui.benchmark_overall_top(
            overall.reached,
            args::BenchmarkOverallTop {
                reached: &reached,
                results: &results,
                title,
                date,
                phase: phase_name,
            },
        )
    } else {
        ui.benchmark_overall(
            overall.reached,
            args::BenchmarkOverall {
                reached: &reached,
                results: &results,
                title,
                date,
                phase: phase_name,
            },
        )
    }];
    sentences.extend(
        comparison
            .segments
            .iter()
            .map(|&(question, answer, standing)| {
                let (results, reached) =
                    (standing.results.to_string(), standing.reached.to_string());
                let answer = q.profile[question].answers[answer].text.get(language);
                if top {
                    ui.benchmark_segment_top(
                        standing.reached,
                        args::BenchmarkSegmentTop {
                            results: &results,
                            answer,
                            reached: &reached,
                            phase: phase_name,
                        },
                    )
                } else {
                    ui.benchmark_segment(
                        standing.reached,
                        args::BenchmarkSegment {
                            results: &results,
                            answer,
                            reached: &reached,
                            phase: phase_name,
                        },
                    )
                }
            }),
    );
    sentences
}

/// The sentences that say what changed since the respondent's previous
/// result: the phase then and now, then each dimension's score then and now.
pub fn changed(q: &Questionnaire, change: &Change, language: &str) -> Vec<String> {
    let ui = q.words(language);
    let name = |level: Level| q.phase(level).name.get(language);
    let (before, after) = change.phase;
    let since = change.since.as_deref().map(|since| date(since, ui));
    let mut sentences = vec![match (&since, before == after) {
        (Some(since), true) => ui.change_same_phase(args::ChangeSamePhase {
            since,
            phase: name(after),
        }),
        (Some(since), false) => ui.change_phase(args::ChangePhase {
            since,
            before: name(before),
            after: name(after),
        }),
        (None, true) => {
            ui.change_same_phase_undated(args::ChangeSamePhaseUndated { phase: name(after) })
        }
        (None, false) => ui.change_phase_undated(args::ChangePhaseUndated {
            before: name(before),
            after: name(after),
        }),
    }];
    let score = |s: Option<f64>| s.map_or_else(|| ui.unknown.to_string(), |s| number(s, ui));
    sentences.extend(q.dimensions.iter().zip(&change.dimensions).map(
        |(dimension, &(before, after))| {
            let dimension = dimension.name.get(language);
            if before == after {
                ui.change_dimension_same(args::ChangeDimensionSame {
                    dimension,
                    score: &score(after),
                })
            } else {
                ui.change_dimension(args::ChangeDimension {
                    dimension,
                    before: &score(before),
                    after: &score(after),
                })
            }
        },
    ));
    sentences
}
