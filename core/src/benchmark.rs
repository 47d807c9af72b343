//! A benchmark: what a poll of many organisations amounts to, as a file a
//! facilitator publishes back to the next respondents, so that a result can
//! say where it stands among its peers with no server.
//!
//! It holds aggregates only: how many results there were, the share of them
//! in each phase, and per dimension the median and quartiles of the scores;
//! overall and per answer of each background question. A segment of fewer
//! than [`SEGMENT_MINIMUM`] results is left out, and named as left out, so
//! that no figure describes one or two identifiable organisations. No answer
//! of any one respondent is in it.
//!
//! The format is JSON (`docs/benchmark-format.md`, with a JSON Schema in
//! `docs/benchmark.schema.json`), and reading one back trusts nothing: its
//! questionnaire, version, phases and dimensions must be this
//! questionnaire's, every share and score in range.

use serde::Serialize;

use crate::exchange::ReadError;
use crate::group::{DimensionSummary, Group, SEGMENT_MINIMUM};
use crate::model::Questionnaire;
use crate::model::read::{FromJson, Members, Record};

/// The version of the benchmark format; raised whenever its shape changes.
pub const FORMAT: u32 = 1;

/// The most characters of a poll's name: a file with a longer one is
/// refused, and the group view's field takes no more.
pub const MAX_TITLE: usize = 100;

/// The most characters of a poll's date, as given.
pub const MAX_DATE: usize = 40;

/// Shares and scores are written with this many decimals: enough for any
/// sentence or mark the widget shows, and no false precision.
pub(crate) const DECIMALS: u32 = 4;

/// What a poll amounts to, in aggregates only: how many results, the share
/// per phase and per dimension the median and quartiles, overall and per
/// answer of each background question; never an answer of one respondent.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Benchmark {
    /// The format's version, 1.
    pub format: u32,
    /// The questionnaire the results answered, and its version.
    pub questionnaire: QuestionnaireVersion,
    /// The facilitator's name for the poll, as the result screen quotes it.
    pub title: String,
    /// When the poll was taken, as the facilitator gives it (`2026-11-30`).
    pub date: String,
    /// Every result of the poll.
    pub overall: Aggregate,
    /// Per answer of each background question with at least five results.
    pub segments: Vec<SegmentAggregate>,
    /// The answers whose segments had fewer than five results, left out.
    pub omitted: Vec<SegmentName>,
}

/// A questionnaire by id and version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuestionnaireVersion {
    /// The questionnaire's id.
    pub id: String,
    /// Its version.
    pub version: u32,
}

/// What a set of results amounts to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Aggregate {
    /// How many results.
    pub results: usize,
    /// The share of the results in each phase (0 to 1), least mature first,
    /// one per phase of the questionnaire.
    pub phases: Vec<PhaseShare>,
    /// One per dimension of the questionnaire, in its order.
    pub dimensions: Vec<DimensionSpread>,
}

/// The share of a set of results in one phase.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhaseShare {
    /// The phase's id.
    pub id: String,
    /// The share, from 0 to 1.
    pub share: f64,
}

/// How the scores on one dimension spread over a set of results.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DimensionSpread {
    /// The dimension's id.
    pub id: String,
    /// How many of the results have a score on it.
    pub results: usize,
    /// The median score; `null` when no result has one.
    pub median: Option<f64>,
    /// The lower quartile; `null` when no result has a score.
    pub lower_quartile: Option<f64>,
    /// The upper quartile; `null` when no result has a score.
    pub upper_quartile: Option<f64>,
}

/// The results with one answer to one background question.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SegmentAggregate {
    /// The background question's id.
    pub question: String,
    /// The answer's id.
    pub answer: String,
    /// What those results amount to.
    pub aggregate: Aggregate,
}

/// One answer to one background question, by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SegmentName {
    /// The background question's id.
    pub question: String,
    /// The answer's id.
    pub answer: String,
}

/// `value` rounded to [`DECIMALS`].
fn rounded(value: f64) -> f64 {
    let scale = 10f64.powi(DECIMALS as i32);
    (value * scale).round() / scale
}

impl Aggregate {
    /// The aggregate of `results` results, `phases` of them in each phase,
    /// with `dimensions` summing up each dimension.
    fn of(
        questionnaire: &Questionnaire,
        results: usize,
        phases: &[usize],
        dimensions: &[DimensionSummary],
    ) -> Aggregate {
        let share = |count: usize| {
            if results == 0 {
                0.0
            } else {
                rounded(count as f64 / results as f64)
            }
        };
        Aggregate {
            results,
            phases: questionnaire
                .phases
                .iter()
                .zip(phases)
                .map(|(phase, &count)| PhaseShare {
                    id: phase.id.clone(),
                    share: share(count),
                })
                .collect(),
            dimensions: questionnaire
                .dimensions
                .iter()
                .zip(dimensions)
                .map(|(dimension, summary)| DimensionSpread {
                    id: dimension.id.clone(),
                    results: results - summary.unknown,
                    median: summary.median.map(rounded),
                    lower_quartile: summary.quartiles.map(|(lower, _)| rounded(lower)),
                    upper_quartile: summary.quartiles.map(|(_, upper)| rounded(upper)),
                })
                .collect(),
        }
    }
}

impl Benchmark {
    /// The benchmark of `group`, the results of `questionnaire`, under the
    /// facilitator's `title` and `date`.
    pub fn of(questionnaire: &Questionnaire, group: &Group, title: &str, date: &str) -> Benchmark {
        let mut segments = Vec::new();
        let mut omitted = Vec::new();
        for (q, question) in questionnaire.profile.iter().enumerate() {
            for segment in group.segments(questionnaire, q) {
                // The results without an answer are no segment of anyone.
                let Some(answer) = segment.answer else {
                    continue;
                };
                let name = SegmentName {
                    question: question.id.clone(),
                    answer: question.answers[answer].id.clone(),
                };
                if segment.results < SEGMENT_MINIMUM {
                    omitted.push(name);
                } else {
                    segments.push(SegmentAggregate {
                        question: name.question,
                        answer: name.answer,
                        aggregate: Aggregate::of(
                            questionnaire,
                            segment.results,
                            &segment.phases,
                            &segment.dimensions,
                        ),
                    });
                }
            }
        }
        Benchmark {
            format: FORMAT,
            questionnaire: QuestionnaireVersion {
                id: questionnaire.id.clone(),
                version: questionnaire.version,
            },
            title: title.to_string(),
            date: date.to_string(),
            overall: Aggregate::of(
                questionnaire,
                group.entries.len(),
                &group.phases,
                &group.dimensions,
            ),
            segments,
            omitted,
        }
    }

    /// The JSON Schema of the format, generated from these types: the text of
    /// `docs/benchmark.schema.json`.
    #[cfg(feature = "schema")]
    pub fn json_schema() -> String {
        crate::schema_text::<Benchmark>()
    }

    /// The benchmark as the file a facilitator downloads: indented JSON,
    /// for people who open it.
    pub fn to_json(&self) -> String {
        // Strings, numbers and lists only: writing cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A benchmark file read back for `questionnaire`: refused, with what is
    /// wrong, unless it is a benchmark of this format, of this very
    /// questionnaire and version, with its phases and dimensions, and every
    /// share and score in range.
    pub fn read(questionnaire: &Questionnaire, json: &str) -> Result<Benchmark, ReadError> {
        let value: serde_json::Value = serde_json::from_str(json)
            .map_err(|error| ReadError::benchmark_syntax(error.line(), error.column()))?;
        match value.get("format").and_then(serde_json::Value::as_u64) {
            Some(format) if format == u64::from(FORMAT) => {}
            Some(format) => return Err(ReadError::benchmark_format(format)),
            None => return Err(ReadError::not_a_benchmark()),
        }
        // Walked as the questionnaire is (model::read), not by a derived
        // Deserialize, which cost 7 KB of the widget's gzip.
        let mut problems = Vec::new();
        let benchmark = <Benchmark as FromJson>::read("", &value, &mut problems)
            .filter(|_| problems.is_empty())
            .ok_or_else(ReadError::not_a_benchmark)?;
        let theirs = &benchmark.questionnaire;
        if theirs.id != questionnaire.id || theirs.version != questionnaire.version {
            return Err(ReadError::benchmark_questionnaire(
                &theirs.id,
                theirs.version,
                &questionnaire.id,
                questionnaire.version,
            ));
        }
        let named = benchmark.title.chars().count() <= MAX_TITLE
            && benchmark.date.chars().count() <= MAX_DATE;
        let fits = named
            && std::iter::once(&benchmark.overall)
                .chain(benchmark.segments.iter().map(|s| &s.aggregate))
                .all(|aggregate| aggregate.fits(questionnaire))
            && benchmark.segments.iter().all(|segment| {
                segment.aggregate.results >= SEGMENT_MINIMUM
                    && questionnaire
                        .find_profile(&segment.question, &segment.answer)
                        .1
                        .is_some()
            });
        if fits {
            Ok(benchmark)
        } else {
            Err(ReadError::not_a_benchmark())
        }
    }
}

impl Aggregate {
    /// Whether this aggregate could describe results of `questionnaire`:
    /// its phases and dimensions in order, shares from 0 to 1 that add up
    /// to 1, scores within the scale and in order.
    fn fits(&self, questionnaire: &Questionnaire) -> bool {
        let top = f64::from(questionnaire.top_level().0);
        let in_scale = |score: Option<f64>| score.is_none_or(|s| (1.0..=top).contains(&s));
        let phases = self.phases.len() == questionnaire.phases.len()
            && self
                .phases
                .iter()
                .zip(&questionnaire.phases)
                .all(|(share, phase)| share.id == phase.id && (0.0..=1.0).contains(&share.share));
        let total: f64 = self.phases.iter().map(|p| p.share).sum();
        let dimensions =
            self.dimensions.len() == questionnaire.dimensions.len()
                && self.dimensions.iter().zip(&questionnaire.dimensions).all(
                    |(spread, dimension)| {
                        let ordered =
                            match (spread.lower_quartile, spread.median, spread.upper_quartile) {
                                (Some(lower), Some(median), Some(upper)) => {
                                    lower <= median && median <= upper
                                }
                                (None, None, None) => spread.results == 0,
                                _ => false,
                            };
                        spread.id == dimension.id
                            && spread.results <= self.results
                            && ordered
                            && [spread.lower_quartile, spread.median, spread.upper_quartile]
                                .into_iter()
                                .all(in_scale)
                    },
                );
        // Rounding each share to four decimals leaves their sum within a
        // few ten-thousandths of 1.
        let adds_up = self.results == 0 || (total - 1.0).abs() <= 0.001;
        self.results > 0 && phases && adds_up && dimensions
    }

    /// How many of the results reached the phase at index `phase` or a
    /// more mature one, rounded to whole results.
    pub fn at_or_above(&self, phase: usize) -> usize {
        let share: f64 = self.phases.iter().skip(phase).map(|p| p.share).sum();
        (share * self.results as f64).round() as usize
    }
}

/// How many of a benchmark's results reached a result's phase or a more
/// mature one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// How many results the benchmark (or the segment) holds.
    pub results: usize,
    /// How many of them reached the phase or a more mature one.
    pub reached: usize,
}

/// Where one result stands in a benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Among every result of the poll.
    pub overall: Standing,
    /// Among the results with the same answer to a background question,
    /// for each background question the respondent answered whose segment
    /// the benchmark holds: the question's index, the answer's index and
    /// the standing there.
    pub segments: Vec<(usize, usize, Standing)>,
    /// The poll's median on each dimension, in the questionnaire's order.
    pub medians: Vec<Option<f64>>,
}

impl Benchmark {
    /// Where a result in phase `phase` (its index, least mature first), with
    /// background answers `profile`, stands in this benchmark of
    /// `questionnaire` (one [`Benchmark::read`] accepted for it).
    pub fn compare(
        &self,
        questionnaire: &Questionnaire,
        phase: usize,
        profile: &[Option<usize>],
    ) -> Comparison {
        let standing = |aggregate: &Aggregate| Standing {
            results: aggregate.results,
            reached: aggregate.at_or_above(phase),
        };
        let segments = questionnaire
            .profile
            .iter()
            .enumerate()
            .filter_map(|(q, question)| {
                let answer = profile.get(q).copied().flatten()?;
                let id = &question.answers.get(answer)?.id;
                let segment = self
                    .segments
                    .iter()
                    .find(|s| s.question == question.id && &s.answer == id)?;
                Some((q, answer, standing(&segment.aggregate)))
            })
            .collect();
        Comparison {
            overall: standing(&self.overall),
            segments,
            medians: self.overall.dimensions.iter().map(|d| d.median).collect(),
        }
    }
}

// Reading a benchmark back, member by member; any other member is refused.

impl Record for Benchmark {
    const FIELDS: &[&str] = &[
        "format",
        "questionnaire",
        "title",
        "date",
        "overall",
        "segments",
        "omitted",
    ];

    fn build(m: &mut Members) -> Option<Benchmark> {
        Some(Benchmark {
            format: m.required("format")?,
            questionnaire: m.required("questionnaire")?,
            title: m.required("title")?,
            date: m.required("date")?,
            overall: m.required("overall")?,
            segments: m.required("segments")?,
            omitted: m.required("omitted")?,
        })
    }
}

impl Record for QuestionnaireVersion {
    const FIELDS: &[&str] = &["id", "version"];

    fn build(m: &mut Members) -> Option<QuestionnaireVersion> {
        Some(QuestionnaireVersion {
            id: m.required("id")?,
            version: m.required("version")?,
        })
    }
}

impl Record for Aggregate {
    const FIELDS: &[&str] = &["results", "phases", "dimensions"];

    fn build(m: &mut Members) -> Option<Aggregate> {
        Some(Aggregate {
            results: m.required("results")?,
            phases: m.required("phases")?,
            dimensions: m.required("dimensions")?,
        })
    }
}

impl Record for PhaseShare {
    const FIELDS: &[&str] = &["id", "share"];

    fn build(m: &mut Members) -> Option<PhaseShare> {
        Some(PhaseShare {
            id: m.required("id")?,
            share: m.required("share")?,
        })
    }
}

impl Record for DimensionSpread {
    const FIELDS: &[&str] = &["id", "results", "median", "lowerQuartile", "upperQuartile"];

    fn build(m: &mut Members) -> Option<DimensionSpread> {
        Some(DimensionSpread {
            id: m.required("id")?,
            results: m.required("results")?,
            median: m.required("median")?,
            lower_quartile: m.required("lowerQuartile")?,
            upper_quartile: m.required("upperQuartile")?,
        })
    }
}

impl Record for SegmentAggregate {
    const FIELDS: &[&str] = &["question", "answer", "aggregate"];

    fn build(m: &mut Members) -> Option<SegmentAggregate> {
        Some(SegmentAggregate {
            question: m.required("question")?,
            answer: m.required("answer")?,
            aggregate: m.required("aggregate")?,
        })
    }
}

impl Record for SegmentName {
    const FIELDS: &[&str] = &["question", "answer"];

    fn build(m: &mut Members) -> Option<SegmentName> {
        Some(SegmentName {
            question: m.required("question")?,
            answer: m.required("answer")?,
        })
    }
}
