//! What the widget tells its host page: the `detail` of each event, as JSON
//! whose shape is documented in the README and kept stable for site owners;
//! and the same result as a file to download, as JSON or as a CSV row.
//!
//! Built here, without the browser, so that the shapes are tested natively;
//! the view only hands the text to `CustomEvent` or to a download.

use crate::i18n::decimal;
use crate::json::Json;
use crate::model::{Answer, Level, Questionnaire};
use crate::scoring::{Assessment, Score};

/// How many decimals a score gets in JSON and CSV: enough to tell any two
/// scores of a realistic questionnaire apart.
const SCORE_DECIMALS: u32 = 4;

fn score(score: Score) -> String {
    decimal(score.as_f64(), SCORE_DECIMALS)
}

/// These members, in this order.
fn members<const N: usize>(members: [(&str, Json); N]) -> Vec<(String, Json)> {
    members.map(|(k, v)| (k.to_string(), v)).into()
}

/// An object with these members, in this order.
fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
    Json::Object(self::members(members))
}

fn count(n: usize) -> Json {
    Json::from_u64(n as u64)
}

/// Which questionnaire a report is about.
fn questionnaire_ref(questionnaire: &Questionnaire) -> Json {
    object([
        ("id", questionnaire.id.as_str().into()),
        ("version", Json::from_u64(questionnaire.version.into())),
    ])
}

/// A phase, named in the report's language.
fn phase_ref(questionnaire: &Questionnaire, level: Level, language: &str) -> Json {
    let phase = questionnaire.phase(level);
    object([
        ("level", Json::from_u64(level.0.into())),
        ("id", phase.id.as_str().into()),
        ("name", phase.name.get(language).into()),
    ])
}

/// The `detail` of `maturity-quiz:start`.
pub fn started(questionnaire: &Questionnaire, language: &str) -> String {
    object([
        ("questionnaire", questionnaire_ref(questionnaire)),
        ("language", language.into()),
    ])
    .to_string()
}

/// The `detail` of `maturity-quiz:answer` for the question at `index`.
pub fn answered(
    questionnaire: &Questionnaire,
    language: &str,
    index: usize,
    answer: Answer,
) -> String {
    object([
        ("questionnaire", questionnaire_ref(questionnaire)),
        ("language", language.into()),
        (
            "questionId",
            questionnaire.questions[index].id.as_str().into(),
        ),
        ("questionNumber", count(index + 1)),
        ("answer", answer.to_json()),
    ])
    .to_string()
}

/// The `detail` of `maturity-quiz:complete`: the whole result with the
/// answers it came from.
pub fn completed(
    questionnaire: &Questionnaire,
    language: &str,
    answers: &[Option<Answer>],
    assessment: &Assessment,
) -> String {
    Json::Object(completion(questionnaire, language, answers, assessment)).to_string()
}

/// The version of a downloaded result's shape; raised whenever it changes.
pub const DOWNLOAD_FORMAT: u32 = 1;

/// A result as a JSON file: `"format": 1`, `"exportedAt"` (`exported_at`,
/// an ISO 8601 time), then every field of the completion detail; indented,
/// for people who open it.
pub fn download(
    questionnaire: &Questionnaire,
    language: &str,
    answers: &[Option<Answer>],
    assessment: &Assessment,
    exported_at: &str,
) -> String {
    let mut members = vec![
        ("format".to_string(), Json::from_u64(DOWNLOAD_FORMAT.into())),
        ("exportedAt".to_string(), exported_at.into()),
    ];
    members.extend(completion(questionnaire, language, answers, assessment));
    Json::Object(members).to_pretty_string()
}

/// One CSV line (ending in CRLF, as RFC 4180 has it), each field quoted when
/// it holds a comma, a quote or a line break.
pub fn csv_line<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> String {
    let fields: Vec<String> = fields
        .into_iter()
        .map(|field| {
            let field = field.as_ref();
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field.to_string()
            }
        })
        .collect();
    format!("{}\r\n", fields.join(","))
}

/// The header of [`csv_row`]: the result, then per dimension its score and
/// phase, then every answer, all named by id.
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
    csv_line(fields)
}

/// A result as one CSV line under [`csv_header`]: numbers with a decimal
/// point whatever the language, an unknown score or unanswered question
/// empty, "don't know" as `dont-know`.
pub fn csv_row(
    questionnaire: &Questionnaire,
    language: &str,
    answers: &[Option<Answer>],
    assessment: &Assessment,
) -> String {
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
    csv_line(fields)
}

/// The members of the completion detail, in their documented order.
fn completion(
    questionnaire: &Questionnaire,
    language: &str,
    answers: &[Option<Answer>],
    assessment: &Assessment,
) -> Vec<(String, Json)> {
    let dimensions = questionnaire
        .dimensions
        .iter()
        .zip(&assessment.dimensions)
        .map(|(dimension, result)| {
            object([
                ("id", dimension.id.as_str().into()),
                ("name", dimension.name.get(language).into()),
                (
                    "score",
                    Json::or_null(result.score, |s| Json::Number(score(s))),
                ),
                (
                    "phase",
                    Json::or_null(result.phase, |l| phase_ref(questionnaire, l, language)),
                ),
            ])
        })
        .collect();
    let capped_by = assessment
        .capped_by
        .iter()
        .map(|&d| questionnaire.dimensions[d].id.as_str().into())
        .collect();
    // Keyed by question id in question order, since hosts read it as an
    // object and iterate it; an unanswered question is null.
    let answers = questionnaire
        .questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let answer = answers.get(i).copied().flatten();
            (question.id.clone(), Json::or_null(answer, Answer::to_json))
        })
        .collect();
    members([
        ("questionnaire", questionnaire_ref(questionnaire)),
        ("language", language.into()),
        (
            "phase",
            phase_ref(questionnaire, assessment.phase, language),
        ),
        ("mean", Json::Number(score(assessment.mean))),
        ("provisional", assessment.provisional.into()),
        ("uneven", assessment.uneven.into()),
        ("cappedBy", Json::Array(capped_by)),
        ("answered", count(assessment.answered)),
        ("total", count(assessment.total)),
        ("dimensions", Json::Array(dimensions)),
        ("answers", Json::Object(answers)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{Outcome, assess};

    fn case_b() -> (Questionnaire, Vec<Option<Answer>>, Assessment) {
        let q = Questionnaire::built_in();
        let mut answers: Vec<Option<Answer>> = [4, 4, 3, 3, 3, 3, 3, 3, 1, 1, 3, 2]
            .iter()
            .map(|&l| Some(Answer::Level(Level(l))))
            .collect();
        answers[7] = Some(Answer::DontKnow);
        let Outcome::Assessed(assessment) = assess(&q, &answers) else {
            panic!("case B has a result")
        };
        (q, answers, assessment)
    }

    #[test]
    fn completion_carries_the_result_the_answers_and_their_order() {
        let (q, answers, assessment) = case_b();
        let text = completed(&q, "en", &answers, &assessment);
        let detail: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            detail["questionnaire"],
            serde_json::json!({"id": "social-maturity", "version": 2})
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
            r#"{"questionnaire":{"id":"social-maturity","version":2},"language":"nl"}"#
        );
        assert_eq!(
            answered(&q, "nl", 2, Answer::Level(Level(3))),
            r#"{"questionnaire":{"id":"social-maturity","version":2},"language":"nl","questionId":"q3","questionNumber":3,"answer":3}"#
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
        detail["format"] = 1.into();
        detail["exportedAt"] = "2025-01-02T03:04:05.000Z".into();
        assert_eq!(file, detail);
        assert!(
            text.starts_with("{\n  \"format\": 1,\n  \"exportedAt\""),
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
        assert!(header.ends_with(",q11,q12\r\n"), "{header}");
        assert_eq!(header.split(',').count(), row.split(',').count());
        assert!(
            row.starts_with(
                "social-maturity,2,nl,2,experimental,2.75,false,true,monitoring,11,12,4,4,3,3,"
            ),
            "{row}"
        );
        assert!(row.ends_with(",3,dont-know,1,1,3,2\r\n"), "{row}");
        assert_eq!(
            csv_line(["a,b", "say \"hi\"", "c"]),
            "\"a,b\",\"say \"\"hi\"\"\",c\r\n"
        );
    }

    #[test]
    fn unanswered_questions_are_null() {
        let (q, mut answers, _) = case_b();
        answers[0] = None;
        let Outcome::Assessed(assessment) = assess(&q, &answers) else {
            panic!()
        };
        let detail: serde_json::Value =
            serde_json::from_str(&completed(&q, "nl", &answers, &assessment)).unwrap();
        assert!(detail["answers"]["q1"].is_null());
        assert_eq!(detail["dimensions"][0]["phase"]["name"], "Transformatie");
    }
}
