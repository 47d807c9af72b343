//! What the widget tells its host page: the `detail` of each event, as JSON
//! whose shape is documented in the README and kept stable for site owners;
//! and the same result as a file to download, as JSON or as a CSV row.
//!
//! Built here, without the browser, so that the shapes are tested natively;
//! the view only hands the text to `CustomEvent` or to a download.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::i18n::decimal;
use crate::model::{Answer, Level, Questionnaire, Response};
use crate::scoring::{Assessment, Score};

/// How many decimals a score gets in JSON and CSV: enough to tell any two
/// scores of a realistic questionnaire apart.
const SCORE_DECIMALS: u32 = 4;

fn score(score: Score) -> String {
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
fn profile_id<'a>(
    questionnaire: &'a Questionnaire,
    profile: &[Option<usize>],
    i: usize,
) -> Option<&'a str> {
    let answer = profile.get(i).copied().flatten()?;
    Some(questionnaire.profile[i].answers.get(answer)?.id.as_str())
}

/// The CSV column of background question `id`: `profile_<id>`, apart from
/// the questions' columns whatever their ids.
pub fn profile_column(id: &str) -> String {
    format!("profile_{id}")
}

/// The `detail` of `maturity-quiz:complete`: the whole result with the
/// answers it came from, in its documented order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Completion<'a> {
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
}

/// A downloaded result: its format and time, then the completion detail.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Download<'a> {
    format: u32,
    exported_at: &'a str,
    #[serde(flatten)]
    completion: Completion<'a>,
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
/// answers it came from.
pub fn completed(
    questionnaire: &Questionnaire,
    language: &str,
    response: &Response,
    assessment: &Assessment,
) -> String {
    to_json(&completion(questionnaire, language, response, assessment))
}

/// The version of a downloaded result's shape; raised whenever it changes.
/// Format 2 added `profile`.
pub const DOWNLOAD_FORMAT: u32 = 2;

/// The oldest download format still read back.
pub const OLDEST_DOWNLOAD_FORMAT: u32 = 1;

/// A result as a JSON file: `"format": 2`, `"exportedAt"` (`exported_at`,
/// an ISO 8601 time), then every field of the completion detail; indented,
/// for people who open it.
pub fn download(
    questionnaire: &Questionnaire,
    language: &str,
    response: &Response,
    assessment: &Assessment,
    exported_at: &str,
) -> String {
    let download = Download {
        format: DOWNLOAD_FORMAT,
        exported_at,
        completion: completion(questionnaire, language, response, assessment),
    };
    serde_json::to_string_pretty(&download).unwrap_or_default()
}

/// One CSV line (ending in CRLF, as RFC 4180 has it), each field made
/// [`crate::csv::inert`] (never a spreadsheet formula) and quoted when it
/// holds a comma, a quote or a line break.
pub fn csv_line<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> String {
    let fields: Vec<String> = fields
        .into_iter()
        .map(|field| {
            let field = crate::csv::inert(field.as_ref());
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field.into_owned()
            }
        })
        .collect();
    format!("{}\r\n", fields.join(","))
}

/// The header of [`csv_row`]: the result, then per dimension its score and
/// phase, then every answer, then every background answer, all named by id
/// (a background question's column is [`profile_column`]).
pub fn csv_header(questionnaire: &Questionnaire) -> String {
    let mut fields: Vec<String> = [
        "questionnaire",
        "version",
        "language",
        "phase",
        "phase_id",
        "mean",
        "provisional",
        "uneven",
        "capped_by",
        "answered",
        "total",
    ]
    .map(String::from)
    .to_vec();
    for dimension in &questionnaire.dimensions {
        fields.push(format!("{}_score", dimension.id));
        fields.push(format!("{}_phase", dimension.id));
    }
    fields.extend(questionnaire.questions.iter().map(|q| q.id.clone()));
    fields.extend(questionnaire.profile.iter().map(|p| profile_column(&p.id)));
    csv_line(fields)
}

/// A result as one CSV line under [`csv_header`]: numbers with a decimal
/// point whatever the language, an unknown score or unanswered question
/// empty, "don't know" as `dont-know`, a background answer as its id.
pub fn csv_row(
    questionnaire: &Questionnaire,
    language: &str,
    response: &Response,
    assessment: &Assessment,
) -> String {
    let answers = &response.answers;
    let level = |l: Option<Level>| l.map(|l| l.0.to_string()).unwrap_or_default();
    let mut fields = vec![
        questionnaire.id.clone(),
        questionnaire.version.to_string(),
        language.to_string(),
        assessment.phase.0.to_string(),
        questionnaire.phase(assessment.phase).id.clone(),
        score(assessment.mean),
        assessment.provisional.to_string(),
        assessment.uneven.to_string(),
        assessment
            .capped_by
            .iter()
            .map(|&d| questionnaire.dimensions[d].id.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        assessment.answered.to_string(),
        assessment.total.to_string(),
    ];
    for result in &assessment.dimensions {
        fields.push(result.score.map(score).unwrap_or_default());
        fields.push(level(result.phase));
    }
    fields.extend((0..questionnaire.questions.len()).map(
        |i| match answers.get(i).copied().flatten() {
            None => String::new(),
            Some(Answer::Level(l)) => l.0.to_string(),
            Some(Answer::DontKnow) => "dont-know".to_string(),
        },
    ));
    fields.extend((0..questionnaire.profile.len()).map(|i| {
        profile_id(questionnaire, &response.profile, i)
            .unwrap_or_default()
            .to_string()
    }));
    csv_line(fields)
}

/// The completion detail of `assessment`.
fn completion<'a>(
    questionnaire: &'a Questionnaire,
    language: &'a str,
    response: &'a Response,
    assessment: &Assessment,
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{Outcome, assess};

    fn case_b() -> (Questionnaire, Response, Assessment) {
        let q = Questionnaire::built_in();
        let mut answers: Vec<Option<Answer>> = [4, 4, 3, 3, 3, 3, 3, 3, 1, 1, 3, 2]
            .iter()
            .map(|&l| Some(Answer::Level(Level(l))))
            .collect();
        answers[7] = Some(Answer::DontKnow);
        let Outcome::Assessed(assessment) = assess(&q, &answers) else {
            panic!("case B has a result")
        };
        let response = Response {
            answers,
            profile: vec![Some(0), None],
        };
        (q, response, assessment)
    }

    #[test]
    fn completion_carries_the_result_the_answers_and_their_order() {
        let (q, answers, assessment) = case_b();
        let text = completed(&q, "en", &answers, &assessment);
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
    fn a_download_is_the_completion_with_its_format_and_time() {
        let (q, answers, assessment) = case_b();
        let text = download(&q, "en", &answers, &assessment, "2025-01-02T03:04:05.000Z");
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut detail: serde_json::Value =
            serde_json::from_str(&completed(&q, "en", &answers, &assessment)).unwrap();
        detail["format"] = 2.into();
        detail["exportedAt"] = "2025-01-02T03:04:05.000Z".into();
        assert_eq!(file, detail);
        assert!(
            text.starts_with("{\n  \"format\": 2,\n  \"exportedAt\""),
            "{text}"
        );
        assert_eq!(
            crate::code::read_download(&q, &text),
            Ok(answers),
            "the group view reads it back"
        );
    }

    #[test]
    fn a_csv_row_lines_up_with_its_header() {
        let (q, answers, assessment) = case_b();
        let header = csv_header(&q);
        let row = csv_row(&q, "nl", &answers, &assessment);
        assert!(header.starts_with("questionnaire,version,language,phase,phase_id,mean,"));
        assert!(
            header.ends_with(",q11,q12,profile_sector,profile_size\r\n"),
            "{header}"
        );
        assert_eq!(header.split(',').count(), row.split(',').count());
        assert!(
            row.starts_with(
                "social-maturity,3,nl,2,experimental,2.75,false,true,monitoring,11,12,4,4,3,3,"
            ),
            "{row}"
        );
        assert!(row.ends_with(",3,dont-know,1,1,3,2,care,\r\n"), "{row}");
        assert_eq!(
            crate::code::read_csv(&q, &(header + &row)),
            [(2, Ok(answers))],
            "the group view reads it back"
        );
        assert_eq!(
            csv_line(["a,b", "say \"hi\"", "c"]),
            "\"a,b\",\"say \"\"hi\"\"\",c\r\n"
        );
    }

    #[test]
    fn unanswered_questions_are_null() {
        let (q, mut answers, _) = case_b();
        answers.answers[0] = None;
        let Outcome::Assessed(assessment) = assess(&q, &answers.answers) else {
            panic!()
        };
        let detail: serde_json::Value =
            serde_json::from_str(&completed(&q, "nl", &answers, &assessment)).unwrap();
        assert!(detail["answers"]["q1"].is_null());
        assert_eq!(detail["dimensions"][0]["phase"]["name"], "Transformatie");
    }
}
