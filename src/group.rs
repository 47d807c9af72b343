//! Many results at once, for a facilitator: read from pasted codes, links or
//! CSV exports and from downloaded files (JSON or CSV), each scored again by
//! the scoring rule, and summed up per phase and per dimension, for the
//! whole group and per segment (the results with one answer to a
//! background question).
//!
//! Whatever cannot be used is kept with its line (or file) and the reason,
//! so that the facilitator can fix it. Pure and linear in the number of
//! results; the view only renders a [`Group`] and offers its CSV.

use crate::code::{self, CodeError};
use crate::i18n::number;
use crate::model::{Questionnaire, Response};
use crate::report::{csv_header, csv_line, csv_row};
use crate::scoring::{Assessment, Outcome, Score, assess};

/// Where a rejected result came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A pasted line, counted from 1.
    Line(usize),
    /// A chosen or dropped file, by name.
    File(String),
    /// A line of a chosen or dropped CSV file, by name and line from 1.
    FileLine(String, usize),
}

/// The fewest results a segment needs to be compared with another: fewer
/// are shown, marked as too few.
pub const SEGMENT_MINIMUM: usize = 5;

/// A line or file that holds no usable result, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// Where it came from.
    pub origin: Origin,
    /// Why it was refused.
    pub error: CodeError,
}

/// One result read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The answers, as in the code or file.
    pub response: Response,
    /// What the scoring rule makes of them.
    pub assessment: Assessment,
}

/// How one dimension came out over the group.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionSummary {
    /// The median score of the results that know the dimension.
    pub median: Option<f64>,
    /// How many results reach each phase on it, least mature first.
    pub phases: Vec<usize>,
    /// How many results know nothing about it.
    pub unknown: usize,
}

/// The results of one segment: those with one answer to a background
/// question, or with none.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// The answer's index, or `None` for the results without an answer.
    pub answer: Option<usize>,
    /// How many results are in the segment.
    pub results: usize,
    /// How many of them are in each phase, least mature first.
    pub phases: Vec<usize>,
    /// One summary per dimension of the questionnaire, in its order.
    pub dimensions: Vec<DimensionSummary>,
}

impl Segment {
    /// Whether the segment has too few results to compare with another.
    pub fn too_small(&self) -> bool {
        self.results < SEGMENT_MINIMUM
    }

    /// `count` as a percentage of the segment's results.
    pub fn percentage(&self, count: usize) -> f64 {
        percentage(count, self.results)
    }
}

/// `count` as a percentage of `total` (0 when there are none).
fn percentage(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 * 100.0 / total as f64
    }
}

/// Whether `text` is a CSV export: its first line starts with the
/// `questionnaire` column, as [`csv_header`] writes it.
fn is_csv(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.strip_prefix("questionnaire")
        .is_some_and(|rest| rest.starts_with([',', ';']))
}

/// How many results of `entries` are in each phase, and each dimension's
/// summary over them.
fn tally<'a>(
    questionnaire: &Questionnaire,
    entries: impl Iterator<Item = &'a Entry> + Clone,
) -> (Vec<usize>, Vec<DimensionSummary>) {
    let levels = questionnaire.phases.len();
    let mut phases = vec![0; levels];
    let mut count = 0;
    for entry in entries.clone() {
        phases[entry.assessment.phase.index()] += 1;
        count += 1;
    }
    let dimensions = (0..questionnaire.dimensions.len())
        .map(|d| {
            let mut scores: Vec<Score> = Vec::with_capacity(count);
            let mut phases = vec![0; levels];
            for entry in entries.clone() {
                let result = &entry.assessment.dimensions[d];
                if let (Some(score), Some(phase)) = (result.score, result.phase) {
                    scores.push(score);
                    phases[phase.index()] += 1;
                }
            }
            DimensionSummary {
                unknown: count - scores.len(),
                median: median(&mut scores),
                phases,
            }
        })
        .collect();
    (phases, dimensions)
}

/// A group of results and what they add up to.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Every usable result, in the order read.
    pub entries: Vec<Entry>,
    /// Everything refused, in the order read.
    pub rejected: Vec<Rejection>,
    /// How many results are in each phase, least mature first.
    pub phases: Vec<usize>,
    /// One summary per dimension of the questionnaire, in its order.
    pub dimensions: Vec<DimensionSummary>,
}

impl Group {
    /// Reads `pasted` (one code or link per line, blank lines skipped; or a
    /// whole CSV export) and `files` (name and text of downloaded results,
    /// JSON or CSV), and sums up what can be used.
    pub fn read(questionnaire: &Questionnaire, pasted: &str, files: &[(String, String)]) -> Group {
        let mut read: Vec<(Origin, Result<Response, CodeError>)> = Vec::new();
        if is_csv(pasted) {
            read.extend(
                code::read_csv(questionnaire, pasted)
                    .into_iter()
                    .map(|(line, row)| (Origin::Line(line), row)),
            );
        } else {
            read.extend(
                pasted
                    .lines()
                    .enumerate()
                    .filter(|(_, line)| !line.trim().is_empty())
                    .map(|(i, line)| (Origin::Line(i + 1), code::read_line(questionnaire, line))),
            );
        }
        for (name, text) in files {
            if is_csv(text) || name.to_ascii_lowercase().ends_with(".csv") {
                read.extend(
                    code::read_csv(questionnaire, text)
                        .into_iter()
                        .map(|(line, row)| (Origin::FileLine(name.clone(), line), row)),
                );
            } else {
                read.push((
                    Origin::File(name.clone()),
                    code::read_download(questionnaire, text),
                ));
            }
        }
        let mut entries = Vec::new();
        let mut rejected = Vec::new();
        for (origin, read) in read {
            let scored = read.and_then(|response| match assess(questionnaire, &response.answers) {
                Outcome::Assessed(assessment) => Ok(Entry {
                    response,
                    assessment,
                }),
                Outcome::TooFewAnswers { answered, needed } => Err(CodeError::too_few(
                    answered,
                    questionnaire.questions.len(),
                    needed,
                )),
            });
            match scored {
                Ok(entry) => entries.push(entry),
                Err(error) => rejected.push(Rejection { origin, error }),
            }
        }
        let (phases, dimensions) = tally(questionnaire, entries.iter());
        Group {
            entries,
            rejected,
            phases,
            dimensions,
        }
    }

    /// `count` as a percentage of the results read (0 when there are none).
    pub fn percentage(&self, count: usize) -> f64 {
        percentage(count, self.entries.len())
    }

    /// The results split by background question `question`: one segment
    /// per answer that has results, in the question's order, then the
    /// results without an answer, if any.
    pub fn segments(&self, questionnaire: &Questionnaire, question: usize) -> Vec<Segment> {
        let answers = questionnaire
            .profile
            .get(question)
            .map_or(0, |q| q.answers.len());
        (0..answers)
            .map(Some)
            .chain([None])
            .filter_map(|answer| {
                let members = self
                    .entries
                    .iter()
                    .filter(move |e| e.response.profile.get(question).copied().flatten() == answer);
                let results = members.clone().count();
                (results > 0).then(|| {
                    let (phases, dimensions) = tally(questionnaire, members);
                    Segment {
                        answer,
                        results,
                        phases,
                        dimensions,
                    }
                })
            })
            .collect()
    }

    /// The segments of background question `question` as CSV: per segment
    /// the answer's id (empty for no answer), its number of results, whether
    /// it is too small to compare, its percentage per phase and its median
    /// per dimension. Numbers have a decimal point.
    pub fn segments_csv(&self, questionnaire: &Questionnaire, question: usize) -> String {
        let Some(asked) = questionnaire.profile.get(question) else {
            return String::new();
        };
        let mut header = vec![
            "question".to_string(),
            "answer".to_string(),
            "results".to_string(),
            "too_small".to_string(),
        ];
        header.extend(questionnaire.phases.iter().map(|p| p.id.clone()));
        header.extend(
            questionnaire
                .dimensions
                .iter()
                .map(|d| format!("{}_median", d.id)),
        );
        let mut csv = csv_line(header);
        for segment in self.segments(questionnaire, question) {
            let mut row = vec![
                asked.id.clone(),
                segment
                    .answer
                    .map(|a| asked.answers[a].id.clone())
                    .unwrap_or_default(),
                segment.results.to_string(),
                segment.too_small().to_string(),
            ];
            row.extend(
                segment
                    .phases
                    .iter()
                    .map(|&n| number(segment.percentage(n), "en")),
            );
            row.extend(
                segment
                    .dimensions
                    .iter()
                    .map(|d| d.median.map(|m| number(m, "en")).unwrap_or_default()),
            );
            csv += &csv_line(row);
        }
        csv
    }

    /// How many results are in the lower half of the phases and how many in
    /// the upper half (with an odd number of phases the middle one counts
    /// as upper): the source's "ad hoc and experimental against functional
    /// and transformation".
    pub fn split(&self) -> (usize, usize) {
        let (lower, upper) = self.phases.split_at(self.phases.len() / 2);
        (lower.iter().sum(), upper.iter().sum())
    }

    /// The summary as CSV: per phase its count and percentage, then per
    /// dimension its median, how many results reach each phase on it, and
    /// how many do not know it. Numbers have a decimal point.
    pub fn summary_csv(&self, questionnaire: &Questionnaire) -> String {
        let mut csv = csv_line(["phase", "phase_id", "count", "percentage"]);
        for (i, (phase, &count)) in questionnaire.phases.iter().zip(&self.phases).enumerate() {
            csv += &csv_line([
                (i + 1).to_string(),
                phase.id.clone(),
                count.to_string(),
                number(self.percentage(count), "en"),
            ]);
        }
        csv += "\r\n";
        let mut header = vec!["dimension".to_string(), "median".to_string()];
        header.extend(questionnaire.phases.iter().map(|p| p.id.clone()));
        header.push("unknown".to_string());
        csv += &csv_line(header);
        for (dimension, summary) in questionnaire.dimensions.iter().zip(&self.dimensions) {
            let mut row = vec![
                dimension.id.clone(),
                summary.median.map(|m| number(m, "en")).unwrap_or_default(),
            ];
            row.extend(summary.phases.iter().map(usize::to_string));
            row.push(summary.unknown.to_string());
            csv += &csv_line(row);
        }
        csv
    }

    /// Every result read as a CSV row, in the shape of a downloaded result's
    /// CSV (`language` is the one the group view is shown in).
    pub fn rows_csv(&self, questionnaire: &Questionnaire, language: &str) -> String {
        let mut csv = csv_header(questionnaire);
        for entry in &self.entries {
            csv += &csv_row(questionnaire, language, &entry.response, &entry.assessment);
        }
        csv
    }
}

/// The median of `scores` (sorted in place), the mean of the middle two
/// for an even count; `None` for none.
fn median(scores: &mut [Score]) -> Option<f64> {
    scores.sort_unstable();
    let middle = scores.len() / 2;
    match scores.len() {
        0 => None,
        n if n % 2 == 1 => Some(scores[middle].as_f64()),
        _ => Some((scores[middle - 1].as_f64() + scores[middle].as_f64()) / 2.0),
    }
}
