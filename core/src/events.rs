//! What the widget tells its host page: the `detail` of each event, as JSON
//! whose shape is documented in the README and kept stable for site owners;
//! and the same result as a file to download, as JSON or as a CSV row.
//!
//! Built here, without the browser, so that the shapes are tested natively;
//! the view only hands the text to `CustomEvent` or to a download.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::benchmark::Benchmark;
use crate::i18n::decimal;
use crate::model::{Answer, Level, Questionnaire, Response};
use crate::scoring::{Assessment, Score};

/// How many decimals a score gets in JSON and CSV: enough to tell any two
/// scores of a realistic questionnaire apart.
const SCORE_DECIMALS: u32 = 4;

pub(crate) fn score(score: Score) -> String {
    decimal(score.as_f64(), SCORE_DECIMALS)
}

/// A score in JSON, rounded to [`SCORE_DECIMALS`]: a whole number without a
/// decimal point (`3`, not `3.0`), as hosts have always received it.
struct Rounded(Score);

impl Serialize for Rounded {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let unit = f64::from(10u32.pow(SCORE_DECIMALS));
        let scaled = (self.0.as_f64() * unit).round();
        if scaled % unit == 0.0 {
            serializer.serialize_u64((scaled / unit) as u64)
        } else {
            // The nearest double to a number of four decimals prints as
            // those four decimals.
            serializer.serialize_f64(scaled / unit)
        }
    }
}

/// Which questionnaire a report is about.
#[derive(Serialize)]
struct QuestionnaireRef<'a> {
    id: &'a str,
    version: u32,
}

impl<'a> QuestionnaireRef<'a> {
    fn of(questionnaire: &'a Questionnaire) -> Self {
        QuestionnaireRef {
            id: &questionnaire.id,
            version: questionnaire.version,
        }
    }
}

/// A phase, named in the report's language.
#[derive(Serialize)]
struct PhaseRef<'a> {
    level: Level,
    id: &'a str,
    name: &'a str,
}

impl<'a> PhaseRef<'a> {
    fn of(questionnaire: &'a Questionnaire, level: Level, language: &str) -> Self {
        let phase = questionnaire.phase(level);
        PhaseRef {
            level,
            id: &phase.id,
            name: phase.name.get(language),
        }
    }
}

/// The `detail` of `maturity-quiz:start`.
#[derive(Serialize)]
struct Started<'a> {
    questionnaire: QuestionnaireRef<'a>,
    language: &'a str,
}

/// The `detail` of `maturity-quiz:answer`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Answered<'a> {
    questionnaire: QuestionnaireRef<'a>,
    language: &'a str,
    question_id: &'a str,
    question_number: usize,
    answer: Answer,
}

/// One dimension of a completed result.
#[derive(Serialize)]
struct DimensionResult<'a> {
    id: &'a str,
    name: &'a str,
    score: Option<Rounded>,
    phase: Option<PhaseRef<'a>>,
}

/// The answers keyed by question id in question order, since hosts read
/// them as an object and iterate it; an unanswered question is null.
struct AnswersById<'a> {
    questionnaire: &'a Questionnaire,
    answers: &'a [Option<Answer>],
}

impl Serialize for AnswersById<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let questions = &self.questionnaire.questions;
        let mut map = serializer.serialize_map(Some(questions.len()))?;
        for (i, question) in questions.iter().enumerate() {
            map.serialize_entry(&question.id, &self.answers.get(i).copied().flatten())?;
        }
        map.end()
    }
}

/// The background answers keyed by question id, in question order: an
/// answer's id, or null for none.
struct ProfileById<'a> {
    questionnaire: &'a Questionnaire,
    profile: &'a [Option<usize>],
}

impl Serialize for ProfileById<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let questions = &self.questionnaire.profile;
        let mut map = serializer.serialize_map(Some(questions.len()))?;
        for (i, question) in questions.iter().enumerate() {
            map.serialize_entry(
                &question.id,
                &profile_id(self.questionnaire, self.profile, i),
            )?;
        }
        map.end()
    }
}

/// The id of the answer in `profile` to background question `i`, if any.
pub(crate) fn profile_id<'a>(
    questionnaire: &'a Questionnaire,
    profile: &[Option<usize>],
    i: usize,
) -> Option<&'a str> {
    let answer = profile.get(i).copied().flatten()?;
    Some(questionnaire.profile[i].answers.get(answer)?.id.as_str())
}

/// The `detail` of `maturity-quiz:complete`: the whole result with the
/// answers it came from, in its documented order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Completion<'a> {
    questionnaire: QuestionnaireRef<'a>,
    language: &'a str,
    phase: PhaseRef<'a>,
    mean: Rounded,
    provisional: bool,
    uneven: bool,
    capped_by: Vec<&'a str>,
    answered: usize,
    total: usize,
    dimensions: Vec<DimensionResult<'a>>,
    answers: AnswersById<'a>,
    profile: ProfileById<'a>,
    /// Only when the host gave a benchmark: older hosts see no change.
    #[serde(skip_serializing_if = "Option::is_none")]
    benchmark: Option<Standing<'a>>,
}

/// Where a result stands in the benchmark the host gave: how many of the
/// poll's results reached its phase or a more mature one, the same in
/// each segment the respondent belongs to, and the poll's median per
/// dimension.
#[derive(Serialize)]
struct Standing<'a> {
    title: &'a str,
    date: &'a str,
    results: usize,
    reached: usize,
    segments: Vec<SegmentStanding<'a>>,
    dimensions: Vec<DimensionMedian<'a>>,
}

/// The standing among the results with the respondent's answer to one
/// background question.
#[derive(Serialize)]
struct SegmentStanding<'a> {
    question: &'a str,
    answer: &'a str,
    results: usize,
    reached: usize,
}

/// The poll's median on one dimension.
#[derive(Serialize)]
struct DimensionMedian<'a> {
    id: &'a str,
    median: Option<f64>,
}

impl<'a> Standing<'a> {
    fn of(
        questionnaire: &'a Questionnaire,
        benchmark: &'a Benchmark,
        response: &Response,
        assessment: &Assessment,
    ) -> Self {
        let comparison =
            benchmark.compare(questionnaire, assessment.phase.index(), &response.profile);
        Standing {
            title: &benchmark.title,
            date: &benchmark.date,
            results: comparison.overall.results,
            reached: comparison.overall.reached,
            segments: comparison
                .segments
                .iter()
                .map(|&(q, answer, standing)| {
                    let question = &questionnaire.profile[q];
                    SegmentStanding {
                        question: &question.id,
                        answer: &question.answers[answer].id,
                        results: standing.results,
                        reached: standing.reached,
                    }
                })
                .collect(),
            dimensions: questionnaire
                .dimensions
                .iter()
                .zip(comparison.medians)
                .map(|(dimension, median)| DimensionMedian {
                    id: &dimension.id,
                    median,
                })
                .collect(),
        }
    }
}

/// `value` as compact JSON. Our report types hold only strings, numbers,
/// lists and string-keyed maps, so writing them cannot fail.
fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The `detail` of `maturity-quiz:start`.
pub fn started(questionnaire: &Questionnaire, language: &str) -> String {
    to_json(&Started {
        questionnaire: QuestionnaireRef::of(questionnaire),
        language,
    })
}

/// The `detail` of `maturity-quiz:answer` for the question at `index`.
pub fn answered(
    questionnaire: &Questionnaire,
    language: &str,
    index: usize,
    answer: Answer,
) -> String {
    to_json(&Answered {
        questionnaire: QuestionnaireRef::of(questionnaire),
        language,
        question_id: &questionnaire.questions[index].id,
        question_number: index + 1,
        answer,
    })
}

/// The `detail` of `maturity-quiz:complete`: the whole result with the
/// answers it came from, and where it stands in `benchmark` if the host
/// gave one.
pub fn completed(
    questionnaire: &Questionnaire,
    language: &str,
    response: &Response,
    assessment: &Assessment,
    benchmark: Option<&Benchmark>,
) -> String {
    to_json(&completion(
        questionnaire,
        language,
        response,
        assessment,
        benchmark,
    ))
}

/// The completion detail of `assessment`.
pub(crate) fn completion<'a>(
    questionnaire: &'a Questionnaire,
    language: &'a str,
    response: &'a Response,
    assessment: &Assessment,
    benchmark: Option<&'a Benchmark>,
) -> Completion<'a> {
    let dimensions = questionnaire
        .dimensions
        .iter()
        .zip(&assessment.dimensions)
        .map(|(dimension, result)| DimensionResult {
            id: &dimension.id,
            name: dimension.name.get(language),
            score: result.score.map(Rounded),
            phase: result
                .phase
                .map(|level| PhaseRef::of(questionnaire, level, language)),
        })
        .collect();
    Completion {
        questionnaire: QuestionnaireRef::of(questionnaire),
        language,
        phase: PhaseRef::of(questionnaire, assessment.phase, language),
        mean: Rounded(assessment.mean),
        provisional: assessment.provisional,
        uneven: assessment.uneven,
        capped_by: assessment
            .capped_by
            .iter()
            .map(|&d| questionnaire.dimensions[d].id.as_str())
            .collect(),
        answered: assessment.answered,
        total: assessment.total,
        dimensions,
        answers: AnswersById {
            questionnaire,
            answers: &response.answers,
        },
        profile: ProfileById {
            questionnaire,
            profile: &response.profile,
        },
        benchmark: benchmark
            .map(|benchmark| Standing::of(questionnaire, benchmark, response, assessment)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{Outcome, assess};
    use crate::testing::case_b_result;

    #[test]
    fn completion_carries_the_result_the_answers_and_their_order() {
        let (q, answers, assessment) = case_b_result();
        let text = completed(&q, "en", &answers, &assessment, None);
        let detail: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            detail["questionnaire"],
            serde_json::json!({"id": "social-maturity", "version": 3})
        );
        assert_eq!(detail["language"], "en");
        assert_eq!(
            detail["phase"],
            serde_json::json!({"level": 2, "id": "experimental", "name": "Experimental"})
        );
        assert_eq!(detail["cappedBy"], serde_json::json!(["monitoring"]));
        assert_eq!(
            (detail["provisional"].as_bool(), detail["uneven"].as_bool()),
            (Some(false), Some(true))
        );
        assert_eq!(
            (detail["answered"].as_u64(), detail["total"].as_u64()),
            (Some(11), Some(12))
        );
        assert_eq!(detail["dimensions"][4]["id"], "monitoring");
        assert_eq!(detail["dimensions"][4]["score"], 1.0);
        assert_eq!(detail["dimensions"][4]["phase"]["name"], "Ad hoc");
        assert_eq!(
            detail["dimensions"][3]["score"], 3.0,
            "q8 don't know leaves q7's 3"
        );
        assert_eq!(detail["answers"]["q8"], "dont-know");
        assert_eq!(detail["answers"]["q1"], 4);
        assert_eq!(
            detail["profile"],
            serde_json::json!({"sector": "care", "size": null})
        );
        // Hosts iterate the answers in question order, q2 before q10.
        let order: Vec<usize> = (1..=12)
            .map(|n| text.find(&format!("\"q{n}\":")).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    }

    #[test]
    fn start_and_answer_name_the_questionnaire_and_question() {
        let q = Questionnaire::built_in();
        assert_eq!(
            started(&q, "nl"),
            r#"{"questionnaire":{"id":"social-maturity","version":3},"language":"nl"}"#
        );
        assert_eq!(
            answered(&q, "nl", 2, Answer::Level(Level(3))),
            r#"{"questionnaire":{"id":"social-maturity","version":3},"language":"nl","questionId":"q3","questionNumber":3,"answer":3}"#
        );
        assert!(answered(&q, "en", 0, Answer::DontKnow).ends_with(r#""answer":"dont-know"}"#));
    }

    #[test]
    fn unanswered_questions_are_null() {
        let (q, mut answers, _) = case_b_result();
        answers.answers[0] = None;
        let Outcome::Assessed(assessment) = assess(&q, &answers.answers) else {
            panic!()
        };
        let detail: serde_json::Value =
            serde_json::from_str(&completed(&q, "nl", &answers, &assessment, None)).unwrap();
        assert!(detail["answers"]["q1"].is_null());
        assert_eq!(detail["dimensions"][0]["phase"]["name"], "Transformatie");
    }
}
