//! A result as a JSON file the respondent downloads: the completion detail
//! the host page hears (see [`crate::events`]) with its format and time,
//! written here and read back, checked like a code, by the group view.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::benchmark::Benchmark;
use crate::events::{Completion, completion};
use crate::model::{Answer, Profile, Questionnaire, Response};
use crate::scoring::Assessment;

use super::error::{Problem, ReadError};
use super::{check_questionnaire, checked, profile_answer};

/// The version of a downloaded result's shape; raised whenever a reader of
/// the format before would misread it. Format 2 added `profile`; the
/// optional `benchmark` (where the result stands in the host's poll) came
/// later without a new format, since no reader needs it.
pub const DOWNLOAD_FORMAT: u32 = 2;

/// The oldest download format still read back.
pub const OLDEST_DOWNLOAD_FORMAT: u32 = 1;

/// A result as a JSON file: `"format": 2`, `"exportedAt"` (`exported_at`,
/// an ISO 8601 time), then every field of the completion detail, with the
/// comparison with `benchmark` if the host gave one; indented, for people
/// who open it.
pub fn download(
    questionnaire: &Questionnaire,
    language: &str,
    response: &Response,
    assessment: &Assessment,
    benchmark: Option<&Benchmark>,
    exported_at: &str,
) -> String {
    let download = Written {
        format: DOWNLOAD_FORMAT,
        exported_at,
        completion: completion(questionnaire, language, response, assessment, benchmark),
    };
    serde_json::to_string_pretty(&download).unwrap_or_default()
}

/// A downloaded result as written: its format and time, then the
/// completion detail.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Written<'a> {
    format: u32,
    exported_at: &'a str,
    #[serde(flatten)]
    completion: Completion<'a>,
}

/// What a downloaded result must have before anything else is read: its
/// format.
#[derive(Deserialize)]
struct DownloadFormat {
    format: u64,
}

/// The parts of a downloaded result that hold its answers (see
/// [`download`]); the result itself is worked out again
/// from them, so the rest of the file is not read. Format 1 has no
/// `profile`.
#[derive(Deserialize)]
struct Download {
    questionnaire: QuestionnaireRef,
    answers: BTreeMap<String, Value>,
    #[serde(default)]
    profile: BTreeMap<String, Value>,
}

/// Which questionnaire, and which version of it, a result answers.
#[derive(Deserialize)]
struct QuestionnaireRef {
    id: String,
    version: Value,
}

/// The answers in a downloaded result (see [`download`]),
/// checked like a code: the same format, questionnaire and version, and an
/// answer of the questionnaire's kind to each of its questions.
pub fn read_download(questionnaire: &Questionnaire, json: &str) -> Result<Response, ReadError> {
    let fail = |problem| Err(ReadError(problem));
    let value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(error) => {
            return fail(Problem::DownloadSyntax {
                line: error.line(),
                column: error.column(),
            });
        }
    };
    let formats = u64::from(OLDEST_DOWNLOAD_FORMAT)..=u64::from(DOWNLOAD_FORMAT);
    match DownloadFormat::deserialize(&value) {
        Ok(DownloadFormat { format }) if formats.contains(&format) => {}
        Ok(DownloadFormat { format }) => return fail(Problem::DownloadFormat { found: format }),
        Err(_) => return fail(Problem::NotADownload),
    }
    let Ok(download) = Download::deserialize(&value) else {
        return fail(Problem::NotADownload);
    };
    // As written: a version given as a string ("2") is not the number.
    let version = download.questionnaire.version.to_string();
    check_questionnaire(questionnaire, &download.questionnaire.id, &version)?;
    let answers = questionnaire
        .questions
        .iter()
        .enumerate()
        .map(|(i, question)| match download.answers.get(&question.id) {
            None | Some(Value::Null) => Ok(None),
            Some(given) => Answer::deserialize(given)
                .map(Some)
                .map_err(|_| ReadError(Problem::DownloadAnswer { question: i + 1 })),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let profile = questionnaire
        .profile
        .iter()
        .map(|question| match download.profile.get(&question.id) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(id)) => profile_answer(questionnaire, &question.id, id),
            Some(other) => profile_answer(questionnaire, &question.id, &other.to_string()),
        })
        .collect::<Result<Profile, _>>()?;
    checked(questionnaire, answers, profile)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::completed;
    use crate::model::Level;
    use crate::testing::{case_b_result, q};

    #[test]
    fn downloads_are_read_back_and_checked() {
        let q = q();
        let good = serde_json::json!({
            "format": 1,
            "questionnaire": { "id": "social-maturity", "version": 3 },
            "answers": { "q1": 4, "q2": "dont-know", "q3": null }
        });
        let read = read_download(&q, &good.to_string()).unwrap();
        assert_eq!(
            read.answers[..3],
            [Some(Answer::Level(Level(4))), Some(Answer::DontKnow), None]
        );
        assert_eq!(
            read.profile,
            [None, None],
            "format 1 has no background answers"
        );
        let mut two = good.clone();
        two["format"] = 2.into();
        two["profile"] = serde_json::json!({ "sector": "care", "size": null });
        assert_eq!(
            read_download(&q, &two.to_string()).unwrap().profile,
            [Some(0), None]
        );
        two["profile"]["size"] = "huge".into();
        assert_eq!(
            read_download(&q, &two.to_string()).unwrap_err().to_string(),
            "The answer ‘huge’ does not exist for the background question ‘How many employees does your organisation have?’."
        );
        let mut other = good.clone();
        other["questionnaire"]["version"] = 1.into();
        assert_eq!(
            read_download(&q, &other.to_string())
                .unwrap_err()
                .to_string(),
            "The result belongs to version 1 of the questionnaire; this is version 3."
        );
        other["questionnaire"]["id"] = "other".into();
        assert_eq!(
            read_download(&q, &other.to_string())
                .unwrap_err()
                .to_string(),
            "The result belongs to another questionnaire (‘other’); this is ‘social-maturity’."
        );
        let mut bad = good;
        bad["answers"]["q4"] = 5.into();
        assert_eq!(
            read_download(&q, &bad.to_string()).unwrap_err().to_string(),
            "The answer to question 4 is not one that question offers."
        );
        assert_eq!(
            read_download(&q, "{").unwrap_err().to_string(),
            "This is not a downloaded result: the file is not valid JSON (line 1, column 1)."
        );
        assert_eq!(
            read_download(&q, r#"{"format": 9}"#)
                .unwrap_err()
                .to_string(),
            "The file is in download format 9; this release reads download formats 1 to 2."
        );
        for not_ours in ["[]", "3", r#"{"answers": {}}"#, r#"{"format": "1"}"#] {
            assert_eq!(
                read_download(&q, not_ours).unwrap_err().to_string(),
                "This is not a downloaded result of this questionnaire.",
                "{not_ours}"
            );
        }
    }

    #[test]
    fn a_download_is_the_completion_with_its_format_and_time() {
        let (q, answers, assessment) = case_b_result();
        let text = download(
            &q,
            "en",
            &answers,
            &assessment,
            None,
            "2025-01-02T03:04:05.000Z",
        );
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut detail: serde_json::Value =
            serde_json::from_str(&completed(&q, "en", &answers, &assessment, None)).unwrap();
        detail["format"] = 2.into();
        detail["exportedAt"] = "2025-01-02T03:04:05.000Z".into();
        assert_eq!(file, detail);
        assert!(
            text.starts_with("{\n  \"format\": 2,\n  \"exportedAt\""),
            "{text}"
        );
        assert_eq!(
            read_download(&q, &text),
            Ok(answers),
            "the group view reads it back"
        );
    }
}
