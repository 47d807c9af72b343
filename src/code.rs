//! A result as a short code, and as a link that carries it: what a
//! respondent keeps or shares, and what a facilitator pastes into the group
//! view. Also reads back a result downloaded as JSON, so that the group view
//! takes codes, links and files alike, with one kind of error.
//!
//! A code is `1` (the format), the questionnaire's version in decimal, a
//! `.`, and the answers as one number in base64url (`A`–`Z`, `a`–`z`, `0`–`9`,
//! `-`, `_`, most significant first). That number has one digit per question
//! in base `N + 2` (N the number of phases): 0 for unanswered, 1 to N for a
//! level, N + 1 for "don't know"; the first question is the most significant
//! digit. Its length is fixed by the questionnaire: the fewest base64url
//! characters that hold every combination. Twelve questions of four phases
//! give `11.` and six characters. A link carries the code in its fragment,
//! `#r=CODE&lang=en`, which browsers never send to a server.
//!
//! Decoding trusts nothing: format, version, length and every value are
//! checked, and any string at all gives answers or a precise [`CodeError`],
//! never a panic.

use std::fmt;

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::i18n::{fill, ui_text};
use crate::model::{Answer, AnswerMisfit, Level, Questionnaire};
use crate::report::DOWNLOAD_FORMAT;

/// The version of the code's format; raised whenever its layout changes.
pub const FORMAT: u32 = 1;

/// [`FORMAT`] as the code's first character.
const FORMAT_DIGIT: char = '1';

/// Separates the version from the answers: not a base64url character.
const SEPARATOR: char = '.';

/// The base64url alphabet, a digit's value being its position.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a code, link or file holds no usable result. Its text (English by
/// [`fmt::Display`], or any widget language by [`CodeError::message`]) says
/// exactly what is wrong and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeError(Problem);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Problem {
    Empty,
    /// `at` counts characters from 1.
    Character {
        found: char,
        at: usize,
    },
    Format {
        found: String,
    },
    NoSeparator,
    Version {
        found: String,
        expected: u32,
    },
    Length {
        found: usize,
        expected: usize,
    },
    /// The answers' number is too large for the questionnaire's questions.
    Range,
    /// "Don't know" to a question that does not offer it (counted from 1).
    DontKnow {
        question: usize,
    },
    NoCode,
    /// A file that is not JSON; `line` and `column` count from 1.
    DownloadSyntax {
        line: usize,
        column: usize,
    },
    /// JSON, but not an object with a `format` of ours.
    NotADownload,
    DownloadFormat {
        found: u64,
    },
    /// An answer the question does not offer (counted from 1).
    DownloadAnswer {
        question: usize,
    },
    Questionnaire {
        found: String,
        expected: String,
    },
    TooFew {
        answered: usize,
        total: usize,
        needed: usize,
    },
}

impl CodeError {
    /// What is wrong, in `language` (the widget's words, from
    /// `content/ui.json`).
    pub fn message(&self, language: &str) -> String {
        let ui = ui_text(language);
        match &self.0 {
            Problem::Empty => ui.code_empty.to_string(),
            Problem::Character { found, at } => fill(
                ui.code_character,
                &[("found", &found.to_string()), ("at", &at.to_string())],
            ),
            Problem::Format { found } => fill(
                ui.code_format,
                &[("found", found), ("expected", &FORMAT.to_string())],
            ),
            Problem::NoSeparator => ui.code_separator.to_string(),
            Problem::Version { found, expected } => fill(
                ui.code_version,
                &[("found", found), ("expected", &expected.to_string())],
            ),
            Problem::Length { found, expected } => fill(
                ui.code_length.get(*expected),
                &[
                    ("found", &found.to_string()),
                    ("expected", &expected.to_string()),
                ],
            ),
            Problem::Range => ui.code_range.to_string(),
            Problem::DontKnow { question } => {
                fill(ui.code_dont_know, &[("n", &question.to_string())])
            }
            Problem::NoCode => ui.code_no_code.to_string(),
            Problem::DownloadSyntax { line, column } => fill(
                ui.download_syntax,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            Problem::NotADownload => ui.download_not_result.to_string(),
            Problem::DownloadFormat { found } => fill(
                ui.download_format,
                &[
                    ("found", &found.to_string()),
                    ("expected", &DOWNLOAD_FORMAT.to_string()),
                ],
            ),
            Problem::DownloadAnswer { question } => {
                fill(ui.download_answer, &[("n", &question.to_string())])
            }
            Problem::Questionnaire { found, expected } => fill(
                ui.code_questionnaire,
                &[("found", found), ("expected", expected)],
            ),
            Problem::TooFew {
                answered,
                total,
                needed,
            } => fill(
                ui.code_too_few.get(*total),
                &[
                    ("answered", &answered.to_string()),
                    ("total", &total.to_string()),
                    ("needed", &needed.to_string()),
                ],
            ),
        }
    }
}

impl CodeError {
    /// Readable answers that are too few for a result: the group view has
    /// no phase to count them in.
    pub fn too_few(answered: usize, total: usize, needed: usize) -> CodeError {
        CodeError(Problem::TooFew {
            answered,
            total,
            needed,
        })
    }
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message("en"))
    }
}

impl std::error::Error for CodeError {}

/// The base of the answers' number: unanswered, each level, "don't know".
fn base(questionnaire: &Questionnaire) -> u32 {
    u32::from(questionnaire.top_level().0) + 2
}

/// How many base64url characters hold the answers of `questionnaire`: those
/// of the largest number, every digit `base - 1`.
pub fn answers_length(questionnaire: &Questionnaire) -> usize {
    let largest = vec![base(questionnaire) - 1; questionnaire.questions.len()];
    to_base64_digits(&largest, base(questionnaire)).len().max(1)
}

/// The digits (least significant first, base 64) of the number whose digits
/// in `base` are `digits` (most significant first).
fn to_base64_digits(digits: &[u32], base: u32) -> Vec<u32> {
    let mut number: Vec<u32> = Vec::new();
    for &digit in digits {
        let mut carry = digit;
        for limb in number.iter_mut() {
            let value = *limb * base + carry;
            *limb = value % 64;
            carry = value / 64;
        }
        while carry > 0 {
            number.push(carry % 64);
            carry /= 64;
        }
    }
    number
}

/// The code of `answers` to `questionnaire`'s questions (missing ones count
/// as unanswered; a level above the top is written as the top).
pub fn encode(questionnaire: &Questionnaire, answers: &[Option<Answer>]) -> String {
    let base = base(questionnaire);
    let top = questionnaire.top_level().0;
    let digits: Vec<u32> = (0..questionnaire.questions.len())
        .map(|i| match answers.get(i).copied().flatten() {
            None => 0,
            Some(Answer::Level(Level(level))) => u32::from(level.clamp(1, top)),
            Some(Answer::DontKnow) => base - 1,
        })
        .collect();
    let mut number = to_base64_digits(&digits, base);
    number.resize(answers_length(questionnaire), 0);
    let mut code = format!("{FORMAT_DIGIT}{}{SEPARATOR}", questionnaire.version);
    code.extend(
        number
            .iter()
            .rev()
            .map(|&d| char::from(ALPHABET[d as usize])),
    );
    code
}

/// The answers a code stands for, checked against `questionnaire`.
pub fn decode(questionnaire: &Questionnaire, code: &str) -> Result<Vec<Option<Answer>>, CodeError> {
    let fail = |problem| Err(CodeError(problem));
    let mut chars = code.chars().enumerate().map(|(i, c)| (i + 1, c));
    match chars.next() {
        None => return fail(Problem::Empty),
        Some((_, FORMAT_DIGIT)) => {}
        Some((_, found)) if found.is_ascii_digit() => {
            return fail(Problem::Format {
                found: found.to_string(),
            });
        }
        Some((at, found)) => return fail(Problem::Character { found, at }),
    }
    let mut version = String::new();
    loop {
        match chars.next() {
            None => return fail(Problem::NoSeparator),
            Some((_, SEPARATOR)) if !version.is_empty() => break,
            Some((_, digit)) if digit.is_ascii_digit() => version.push(digit),
            Some((at, found)) => return fail(Problem::Character { found, at }),
        }
    }
    // Compared as written, so that "01" is refused rather than read as 1:
    // one result has one code.
    if version != questionnaire.version.to_string() {
        return fail(Problem::Version {
            found: version,
            expected: questionnaire.version,
        });
    }
    let mut number = Vec::new();
    for (at, found) in chars {
        match ALPHABET.iter().position(|&a| char::from(a) == found) {
            Some(digit) => number.push(digit as u32),
            None => return fail(Problem::Character { found, at }),
        }
    }
    let expected = answers_length(questionnaire);
    if number.len() != expected {
        return fail(Problem::Length {
            found: number.len(),
            expected,
        });
    }
    // Most significant first; divide the number by the base once per
    // question, from the last question back.
    let base = base(questionnaire);
    let top = questionnaire.top_level().0;
    let mut answers = vec![None; questionnaire.questions.len()];
    for answer in answers.iter_mut().rev() {
        let mut remainder = 0;
        for digit in number.iter_mut() {
            let value = remainder * 64 + *digit;
            *digit = value / base;
            remainder = value % base;
        }
        *answer = match remainder {
            0 => None,
            d if d == base - 1 => Some(Answer::DontKnow),
            // Below base - 1, so at most `top`: fits a level.
            d => Some(Answer::Level(Level(d.min(u32::from(top)) as u8))),
        };
    }
    if number.iter().any(|&d| d != 0) {
        return fail(Problem::Range);
    }
    match questionnaire.check_answers(&answers) {
        Ok(()) => Ok(answers),
        Err(AnswerMisfit::DontKnow { question }) => fail(Problem::DontKnow { question }),
        // One answer per question, each within the base: the digits above
        // make nothing else.
        Err(AnswerMisfit::Count { .. } | AnswerMisfit::Level { .. }) => fail(Problem::Range),
    }
}

/// What a page's URL fragment asks a widget to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// A shared result (`#r=CODE`), in the link's language when it gives one
    /// (`&lang=en`) that the questionnaire speaks.
    Result {
        /// The answers behind the result.
        answers: Vec<Option<Answer>>,
        /// The language to show it in.
        language: Option<String>,
    },
    /// A result link whose code cannot be read.
    Invalid(CodeError),
    /// The group view (`#group`).
    Group,
}

/// The value of `name` in a fragment such as `r=CODE&lang=en`.
fn parameter<'a>(fragment: &'a str, name: &str) -> Option<&'a str> {
    fragment
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// What `hash` (`location.hash`, with or without its `#`) asks for, or
/// `None` when it is not meant for the widget (the page's own anchors).
pub fn follow(questionnaire: &Questionnaire, hash: &str) -> Option<Link> {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    if fragment == "group" {
        return Some(Link::Group);
    }
    let code = parameter(fragment, "r")?;
    Some(match decode(questionnaire, code) {
        Ok(answers) => Link::Result {
            answers,
            language: parameter(fragment, "lang")
                .filter(|l| questionnaire.speaks(l))
                .map(str::to_string),
        },
        Err(error) => Link::Invalid(error),
    })
}

/// The link to a result: `page` (the page's address; any fragment it has is
/// replaced) with the code and the language in its fragment.
pub fn link(
    page: &str,
    questionnaire: &Questionnaire,
    answers: &[Option<Answer>],
    language: &str,
) -> String {
    let page = page.split('#').next().unwrap_or(page);
    format!(
        "{page}#r={}&lang={language}",
        encode(questionnaire, answers)
    )
}

/// The answers in one line a facilitator pasted: a code, or a link with a
/// code in its fragment; surrounding spaces do not count.
pub fn read_line(
    questionnaire: &Questionnaire,
    line: &str,
) -> Result<Vec<Option<Answer>>, CodeError> {
    let line = line.trim();
    match line.split_once('#') {
        Some((_, fragment)) => match parameter(fragment, "r") {
            Some(code) => decode(questionnaire, code),
            None => Err(CodeError(Problem::NoCode)),
        },
        None => decode(questionnaire, line),
    }
}

/// What a downloaded result must have before anything else is read: its
/// format.
#[derive(Deserialize)]
struct DownloadFormat {
    format: u64,
}

/// The parts of a downloaded result that hold its answers (see
/// [`crate::report::download`]); the result itself is worked out again
/// from them, so the rest of the file is not read.
#[derive(Deserialize)]
struct Download {
    questionnaire: QuestionnaireRef,
    answers: BTreeMap<String, Value>,
}

/// Which questionnaire, and which version of it, a result answers.
#[derive(Deserialize)]
struct QuestionnaireRef {
    id: String,
    version: Value,
}

/// The answers in a downloaded result (see [`crate::report::download`]),
/// checked like a code: the same format, questionnaire and version, and an
/// answer of the questionnaire's kind to each of its questions.
pub fn read_download(
    questionnaire: &Questionnaire,
    json: &str,
) -> Result<Vec<Option<Answer>>, CodeError> {
    let fail = |problem| Err(CodeError(problem));
    let value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(error) => {
            return fail(Problem::DownloadSyntax {
                line: error.line(),
                column: error.column(),
            });
        }
    };
    match DownloadFormat::deserialize(&value) {
        Ok(DownloadFormat { format }) if format == u64::from(DOWNLOAD_FORMAT) => {}
        Ok(DownloadFormat { format }) => return fail(Problem::DownloadFormat { found: format }),
        Err(_) => return fail(Problem::NotADownload),
    }
    let Ok(download) = Download::deserialize(&value) else {
        return fail(Problem::NotADownload);
    };
    if download.questionnaire.id != questionnaire.id {
        return fail(Problem::Questionnaire {
            found: download.questionnaire.id,
            expected: questionnaire.id.clone(),
        });
    }
    if download.questionnaire.version.as_u64() != Some(questionnaire.version.into()) {
        return fail(Problem::Version {
            found: download.questionnaire.version.to_string(),
            expected: questionnaire.version,
        });
    }
    let mut answers = Vec::with_capacity(questionnaire.questions.len());
    for (i, question) in questionnaire.questions.iter().enumerate() {
        let answer = match download.answers.get(&question.id) {
            None | Some(Value::Null) => None,
            Some(given) => match Answer::deserialize(given) {
                Ok(answer) => Some(answer),
                Err(_) => return fail(Problem::DownloadAnswer { question: i + 1 }),
            },
        };
        answers.push(answer);
    }
    match questionnaire.check_answers(&answers) {
        Ok(()) => Ok(answers),
        Err(AnswerMisfit::Level { question } | AnswerMisfit::DontKnow { question }) => {
            fail(Problem::DownloadAnswer { question })
        }
        // One answer per question is read above.
        Err(AnswerMisfit::Count { .. }) => fail(Problem::NotADownload),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> Questionnaire {
        Questionnaire::built_in()
    }

    #[test]
    fn twelve_answers_take_nine_characters() {
        let q = q();
        let mut answers: Vec<Option<Answer>> = [4, 4, 3, 3, 3, 3, 3, 3, 1, 1, 3, 2]
            .iter()
            .map(|&l| Some(Answer::Level(Level(l))))
            .collect();
        answers[7] = Some(Answer::DontKnow);
        let code = encode(&q, &answers);
        assert_eq!(code.len(), 9, "{code}");
        assert!(code.starts_with("12."), "{code}");
        assert_eq!(decode(&q, &code), Ok(answers));
        assert_eq!(encode(&q, &[]), "12.AAAAAA", "nothing answered");
    }

    #[test]
    fn every_problem_has_its_own_message() {
        let q = q();
        let cases = [
            ("", "It contains no result code."),
            (
                "12.AB!DEF",
                "The character ‘!’ at position 6 does not belong in a result code.",
            ),
            (
                "x",
                "The character ‘x’ at position 1 does not belong in a result code.",
            ),
            (
                "21.AAAAAA",
                "The code is in code format 2; this release reads code format 1.",
            ),
            (
                "13.AAAAAA",
                "The result belongs to version 3 of the questionnaire; this is version 2.",
            ),
            ("12", "The ‘.’ after the version number is missing."),
            (
                "102.AAAAAA",
                "The result belongs to version 02 of the questionnaire; this is version 2.",
            ),
            (
                "1.AAAAAA",
                "The character ‘.’ at position 2 does not belong in a result code.",
            ),
            ("12.AAAA", "6 characters are expected after the ‘.’, not 4."),
            (
                "12.______",
                "The answers in the code do not fit this questionnaire.",
            ),
        ];
        for (code, message) in cases {
            assert_eq!(
                decode(&q, code).unwrap_err().to_string(),
                message,
                "{code:?}"
            );
        }
    }

    #[test]
    fn links_carry_the_code_and_the_language() {
        let q = q();
        let answers = vec![Some(Answer::Level(Level(2))); 12];
        let link = link("https://example.org/page?x=1#top", &q, &answers, "en");
        let code = encode(&q, &answers);
        assert_eq!(
            link,
            format!("https://example.org/page?x=1#r={code}&lang=en")
        );
        let hash = &link[link.find('#').unwrap()..];
        assert_eq!(
            follow(&q, hash),
            Some(Link::Result {
                answers: answers.clone(),
                language: Some("en".to_string())
            })
        );
        assert_eq!(read_line(&q, &format!("  {link}  ")), Ok(answers.clone()));
        assert_eq!(read_line(&q, &code), Ok(answers));
        assert_eq!(follow(&q, "#group"), Some(Link::Group));
        assert_eq!(follow(&q, "#zelftest"), None, "the page's own anchors");
        assert!(matches!(follow(&q, "#r=oops"), Some(Link::Invalid(_))));
        assert_eq!(
            read_line(&q, "https://example.org/#top")
                .unwrap_err()
                .to_string(),
            "The link contains no result code (#r=…)."
        );
    }

    #[test]
    fn downloads_are_read_back_and_checked() {
        let q = q();
        let good = serde_json::json!({
            "format": 1,
            "questionnaire": { "id": "social-maturity", "version": 2 },
            "answers": { "q1": 4, "q2": "dont-know", "q3": null }
        });
        let answers = read_download(&q, &good.to_string()).unwrap();
        assert_eq!(
            answers[..3],
            [Some(Answer::Level(Level(4))), Some(Answer::DontKnow), None]
        );
        let mut other = good.clone();
        other["questionnaire"]["version"] = 1.into();
        assert_eq!(
            read_download(&q, &other.to_string())
                .unwrap_err()
                .to_string(),
            "The result belongs to version 1 of the questionnaire; this is version 2."
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
            "The file is in download format 9; this release reads download format 1."
        );
        for not_ours in ["[]", "3", r#"{"answers": {}}"#, r#"{"format": "1"}"#] {
            assert_eq!(
                read_download(&q, not_ours).unwrap_err().to_string(),
                "This is not a downloaded result of this questionnaire.",
                "{not_ours}"
            );
        }
    }
}
