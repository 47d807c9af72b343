//! A respondent's earlier results of one questionnaire and version, kept in
//! this browser until they delete them, so that a new result can say what
//! changed since: the phase and every dimension's score.
//!
//! At most [`MAX_KEPT`] are kept, newest first; each holds its date and the
//! answers (the result is worked out again from them, by the same rule).
//! Read back with suspicion, as saved progress is: anything that is not an
//! earlier result of this very questionnaire is dropped.

use serde::{Deserialize, Serialize};

use crate::exchange::{ReadError, download, link};
use crate::model::{Answer, Level, Questionnaire};
use crate::scoring::{Assessment, Outcome, assess};

/// How many earlier results are kept: enough to look back a few years at
/// one assessment a year, and no record of everything.
pub const MAX_KEPT: usize = 5;

/// An earlier result a respondent brings from elsewhere (another device,
/// a colleague's browser): a code or link they paste, or the text of a
/// result they downloaded. A download gives its date; a code has none.
pub fn brought(
    questionnaire: &Questionnaire,
    text: &str,
    downloaded: bool,
) -> Result<Earlier, ReadError> {
    let (response, completed) = if downloaded {
        let response = download::read_download(questionnaire, text)?;
        let exported = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v["exportedAt"].as_str().map(str::to_string))
            .unwrap_or_default();
        (response, exported)
    } else {
        (link::read_line(questionnaire, text)?, String::new())
    };
    Ok(Earlier {
        completed,
        answers: response.answers,
    })
}

/// One earlier result, as it is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Earlier {
    /// When it was completed, as ISO 8601 (`2026-11-30T12:00:00.000Z`);
    /// empty when not known (a pasted code).
    pub completed: String,
    /// The answer to each question.
    pub answers: Vec<Option<Answer>>,
}

/// The earlier results kept, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// The questionnaire's id and version they answered.
    questionnaire: String,
    version: u32,
    results: Vec<Earlier>,
}

impl History {
    /// No earlier result of `questionnaire`.
    pub fn new(questionnaire: &Questionnaire) -> History {
        History {
            questionnaire: questionnaire.id.clone(),
            version: questionnaire.version,
            results: Vec::new(),
        }
    }

    /// A kept history read back for `questionnaire`: what is not of this
    /// questionnaire and version, or has answers it could not have given, is
    /// left out; so is anything past [`MAX_KEPT`].
    pub fn read(questionnaire: &Questionnaire, json: &str) -> History {
        let mut history = History::new(questionnaire);
        if let Ok(kept) = serde_json::from_str::<History>(json) {
            if kept.questionnaire == questionnaire.id && kept.version == questionnaire.version {
                history.results = kept
                    .results
                    .into_iter()
                    .filter(|earlier| questionnaire.check_answers(&earlier.answers).is_ok())
                    .take(MAX_KEPT)
                    .collect();
            }
        }
        history
    }

    /// The history as it is kept: JSON.
    pub fn to_json(&self) -> String {
        // Strings, numbers and lists only: writing cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The earlier results, newest first.
    pub fn results(&self) -> &[Earlier] {
        &self.results
    }

    /// This history with `answers`, completed at `completed`, as its newest
    /// result; the oldest goes when there are more than [`MAX_KEPT`].
    pub fn with(mut self, completed: &str, answers: &[Option<Answer>]) -> History {
        self.results.insert(
            0,
            Earlier {
                completed: completed.to_string(),
                answers: answers.to_vec(),
            },
        );
        self.results.truncate(MAX_KEPT);
        self
    }
}

/// What changed between an earlier result and a new one.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The earlier result's date (`2026-11-30`), if known.
    pub since: Option<String>,
    /// The earlier phase and the new one.
    pub phase: (Level, Level),
    /// Per dimension, in the questionnaire's order: the earlier score and
    /// the new one, each `None` where the dimension was unknown.
    pub dimensions: Vec<(Option<f64>, Option<f64>)>,
}

impl Change {
    /// What changed from `earlier` to `now` (assessed by the questionnaire's
    /// rule), or `None` when the earlier answers give no result.
    pub fn since(
        questionnaire: &Questionnaire,
        earlier: &Earlier,
        now: &Assessment,
    ) -> Option<Change> {
        let Outcome::Assessed(before) = assess(questionnaire, &earlier.answers) else {
            return None;
        };
        let score = |d: &crate::scoring::DimensionResult| d.score.map(|s| s.as_f64());
        Some(Change {
            since: Some(earlier.completed.chars().take(10).collect::<String>())
                .filter(|date| !date.is_empty()),
            phase: (before.phase, now.phase),
            dimensions: before
                .dimensions
                .iter()
                .zip(&now.dimensions)
                .map(|(b, n)| (score(b), score(n)))
                .collect(),
        })
    }
}
