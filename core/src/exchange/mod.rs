//! The carriers of a result, one module per format, each writing and
//! reading its own: the short [`code`] and the [`link`] that carries it, the
//! JSON [`download`], and [`csv`] rows. What cannot be read is a
//! [`ReadError`], whose message speaks the visitor's language. The round
//! trip of every format is one property test, `core/tests/roundtrip.rs`.

pub mod code;
pub mod csv;
pub mod download;
pub mod error;
pub mod link;

pub use error::ReadError;

use crate::model::{Answer, AnswerMisfit, Profile, Questionnaire, Response};

use error::{Problem, echo};

// What every reader of a whole result (a download, a CSV row) checks: the
// questionnaire and version it names, its background answers and the
// questionnaire's one rule for answers. A code carries neither ids nor
// background answer ids, so its reader checks the rest itself.

/// Refuses a result of another questionnaire, or of another version (as
/// written in the file).
fn check_questionnaire(
    questionnaire: &Questionnaire,
    id: &str,
    version: &str,
) -> Result<(), ReadError> {
    if id != questionnaire.id {
        return Err(ReadError(Problem::Questionnaire {
            found: echo(id),
            expected: questionnaire.id.clone(),
        }));
    }
    // As written: "02" is not version 2.
    if version.parse() != Ok(questionnaire.version)
        || version.starts_with(['0', '+']) && version != "0"
    {
        return Err(ReadError(Problem::Version {
            found: echo(version),
            expected: questionnaire.version,
        }));
    }
    Ok(())
}

/// The index of answer `id` to background question `question`, or why it is
/// none of its answers.
fn profile_answer(
    questionnaire: &Questionnaire,
    question: &str,
    id: &str,
) -> Result<Option<usize>, ReadError> {
    match questionnaire.find_profile(question, id) {
        (_, Some(answer)) => Ok(Some(answer)),
        (known, None) => Err(ReadError(Problem::ProfileAnswer {
            question: echo(question),
            text: known.map(|q| questionnaire.profile[q].text.clone()),
            found: echo(id),
        })),
    }
}

/// `answers` and `profile` as a response, once the questionnaire's one rule
/// for answers holds.
fn checked(
    questionnaire: &Questionnaire,
    answers: Vec<Option<Answer>>,
    profile: Profile,
) -> Result<Response, ReadError> {
    match questionnaire.check_answers(&answers) {
        Ok(()) => Ok(Response { answers, profile }),
        Err(AnswerMisfit::Level { question } | AnswerMisfit::DontKnow { question }) => {
            Err(ReadError(Problem::DownloadAnswer { question }))
        }
        // One answer per question is read above.
        Err(AnswerMisfit::Count { .. }) => Err(ReadError(Problem::NotADownload)),
    }
}

#[cfg(test)]
mod tests {
    use super::code::decode;
    use super::download::read_download;
    use super::error::{MAX_ECHO, echo};
    use super::link::{Link, follow};
    use crate::testing::q;

    #[test]
    fn echoed_values_are_cut_short_and_long_versions_refused() {
        let q = q();
        let message = |code: &str| decode(&q, code).unwrap_err().to_string();
        assert_eq!(
            message("11234567890.AAAAAA"),
            "The result belongs to version 1234567890 of the questionnaire; this is version 3.",
            "ten digits are read as a version"
        );
        assert_eq!(
            message("112345678901.AAAAAA"),
            "The result belongs to version 12345678901… of the questionnaire; this is version 3.",
            "the eleventh digit is refused"
        );
        let huge = format!("1{}.AAAAAA", "9".repeat(1_000_000));
        assert_eq!(
            message(&huge),
            "The result belongs to version 99999999999… of the questionnaire; this is version 3.",
            "a million digits are neither read nor echoed"
        );
        assert_eq!(
            follow(&q, &format!("#r={huge}")),
            Some(Link::Invalid(decode(&q, &huge).unwrap_err()))
        );

        let download = |id: &str, version: serde_json::Value| {
            let json = serde_json::json!({
                "format": 1,
                "questionnaire": { "id": id, "version": version },
                "answers": {}
            });
            read_download(&q, &json.to_string())
                .unwrap_err()
                .to_string()
        };
        let twenty = "x".repeat(MAX_ECHO);
        assert_eq!(
            download(&twenty, 2.into()),
            format!(
                "The result belongs to another questionnaire (‘{twenty}’); this is ‘social-maturity’."
            )
        );
        assert_eq!(
            download(&format!("{twenty}y"), 2.into()),
            format!(
                "The result belongs to another questionnaire (‘{twenty}…’); this is ‘social-maturity’."
            )
        );
        assert_eq!(
            download("social-maturity", "7".repeat(10_000).into()),
            format!(
                "The result belongs to version \"{}… of the questionnaire; this is version 3.",
                "7".repeat(MAX_ECHO - 1)
            ),
            "a version written as a long string"
        );
        assert_eq!(echo("ééééé"), "ééééé", "counted in characters, not bytes");
        assert_eq!(echo(&"é".repeat(21)), format!("{}…", "é".repeat(20)));
    }
}
