//! Many results at once, for a facilitator: read from pasted codes or links
//! and from downloaded files, each scored again by the scoring rule, and
//! summed up per phase and per dimension.
//!
//! Whatever cannot be used is kept with its line (or file) and the reason,
//! so that the facilitator can fix it. Pure and linear in the number of
//! results; the view only renders a [`Group`] and offers its CSV.

use crate::code::{self, CodeError};
use crate::i18n::number;
use crate::model::{Answer, Questionnaire};
use crate::report::{csv_header, csv_line, csv_row};
use crate::scoring::{Assessment, Outcome, Score, assess};

/// Where a rejected result came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A pasted line, counted from 1.
    Line(usize),
    /// A chosen or dropped file, by name.
    File(String),
}

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
    pub answers: Vec<Option<Answer>>,
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
    /// Reads `pasted` (one code or link per line; blank lines are skipped)
    /// and `files` (name and text of downloaded results), and sums up what
    /// can be used.
    pub fn read(questionnaire: &Questionnaire, pasted: &str, files: &[(String, String)]) -> Group {
        let lines = pasted
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| (Origin::Line(i + 1), code::read_line(questionnaire, line)));
        let files = files.iter().map(|(name, text)| {
            (
                Origin::File(name.clone()),
                code::read_download(questionnaire, text),
            )
        });
        let mut entries = Vec::new();
        let mut rejected = Vec::new();
        for (origin, read) in lines.chain(files) {
            let scored = read.and_then(|answers| match assess(questionnaire, &answers) {
                Outcome::Assessed(assessment) => Ok(Entry {
                    answers,
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
        let levels = questionnaire.phases.len();
        let mut phases = vec![0; levels];
        for entry in &entries {
            phases[entry.assessment.phase.index()] += 1;
        }
        let dimensions = (0..questionnaire.dimensions.len())
            .map(|d| {
                let mut scores: Vec<Score> = Vec::with_capacity(entries.len());
                let mut phases = vec![0; levels];
                for entry in &entries {
                    let result = &entry.assessment.dimensions[d];
                    if let (Some(score), Some(phase)) = (result.score, result.phase) {
                        scores.push(score);
                        phases[phase.index()] += 1;
                    }
                }
                DimensionSummary {
                    unknown: entries.len() - scores.len(),
                    median: median(&mut scores),
                    phases,
                }
            })
            .collect();
        Group {
            entries,
            rejected,
            phases,
            dimensions,
        }
    }

    /// `count` as a percentage of the results read (0 when there are none).
    pub fn percentage(&self, count: usize) -> f64 {
        if self.entries.is_empty() {
            0.0
        } else {
            count as f64 * 100.0 / self.entries.len() as f64
        }
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
            csv += &csv_row(questionnaire, language, &entry.answers, &entry.assessment);
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
