//! A result as a short code, and as a link that carries it: what a
//! respondent keeps or shares, and what a facilitator pastes into the group
//! view. Also reads back a result downloaded as JSON, and the rows of a CSV
//! export, so that the group view takes codes, links and files alike, with
//! one kind of error.
//!
//! A code is its format (`2`), the questionnaire's version in decimal, a
//! `.`, and the answers as one number in base64url (`A`–`Z`, `a`–`z`,
//! `0`–`9`, `-`, `_`, most significant first). That number has one digit
//! per question in base `N + 2` (N the number of phases): 0 for unanswered,
//! 1 to N for a level, N + 1 for "don't know"; then one digit per background
//! question in base `A + 1` (A its answers): 0 for no answer, else the
//! answer's position from 1. The first question is the most significant
//! digit. Its length is fixed by the questionnaire: the fewest base64url
//! characters that hold every combination. Twelve questions of four phases
//! and the two background questions of the built-in questionnaire give
//! `22.` and seven characters. Codes of format 1 (the same without the
//! background digits, written before background questions existed) are
//! still read, with no background answers. A link carries the code in its
//! fragment, `#r=CODE&lang=en`, which browsers never send to a server.
//!
//! Decoding trusts nothing: format, version, length and every value are
//! checked, and any string at all gives answers or a precise [`CodeError`],
//! never a panic.

use std::fmt;

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::csv;
use crate::i18n::{args, ui_text};
use crate::model::{Answer, AnswerMisfit, Level, Localized, Profile, Questionnaire, Response};
use crate::report::{DOWNLOAD_FORMAT, OLDEST_DOWNLOAD_FORMAT, profile_column};

/// The version of the code's format; raised whenever its layout changes.
pub const FORMAT: u32 = 2;

/// The oldest code format still read: answers without background answers.
pub const OLDEST_FORMAT: u32 = 1;

/// The most digits a questionnaire version has: `u32::MAX` has ten. A code
/// with more is refused at the eleventh, so that a link of a million digits
/// is neither read nor echoed.
pub const MAX_VERSION_DIGITS: usize = 10;

/// The most characters of a value found in a code, link or file that a
/// message repeats; a longer one is cut, with `…`.
pub const MAX_ECHO: usize = 20;

/// `found` as a message repeats it: whole up to [`MAX_ECHO`] characters,
/// else its first [`MAX_ECHO`] and `…`.
fn echo(found: &str) -> String {
    crate::model::shortened(found, MAX_ECHO)
}

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
    /// A background answer that is none of the question's answers.
    ProfileAnswer {
        /// The question's id, as the result gave it.
        question: String,
        /// The question's text in each language, which the message names;
        /// `None` when no background question has that id.
        text: Option<Localized>,
        found: String,
    },
    /// A CSV text with no header line.
    CsvEmpty,
    /// A CSV header without a column the results need.
    CsvColumn {
        column: String,
    },
    /// A CSV row with another number of fields than the header.
    CsvFields {
        found: usize,
        expected: usize,
    },
    /// A quoted CSV field that is never closed.
    CsvQuote,
    /// A file over the group view's limit, in bytes.
    FileTooLarge {
        size: u64,
        limit: u64,
    },
    /// A file that would take the files read at once over their limit.
    FilesTooLarge {
        limit: u64,
    },
    /// A file after the most files read at once.
    TooManyFiles {
        limit: usize,
    },
    /// A pasted text over its limit, in millions of characters.
    PasteTooLong {
        millions: usize,
    },
    /// A line after the most lines read at once.
    TooManyLines {
        limit: usize,
    },
}

impl CodeError {
    /// What is wrong, in `language` (the widget's words, from
    /// `content/ui.json`).
    pub fn message(&self, language: &str) -> String {
        let ui = ui_text(language);
        match &self.0 {
            Problem::Empty => ui.code_empty.to_string(),
            Problem::Character { found, at } => ui.code_character(args::CodeCharacter {
                found: &found.to_string(),
                at: &at.to_string(),
            }),
            Problem::Format { found } => ui.code_format(args::CodeFormat {
                found,
                oldest: &OLDEST_FORMAT.to_string(),
                expected: &FORMAT.to_string(),
            }),
            Problem::NoSeparator => ui.code_separator.to_string(),
            Problem::Version { found, expected } => ui.code_version(args::CodeVersion {
                found,
                expected: &expected.to_string(),
            }),
            Problem::Length { found, expected } => ui.code_length(
                *expected,
                args::CodeLength {
                    found: &found.to_string(),
                    expected: &expected.to_string(),
                },
            ),
            Problem::Range => ui.code_range.to_string(),
            Problem::DontKnow { question } => ui.code_dont_know(args::CodeDontKnow {
                n: &question.to_string(),
            }),
            Problem::NoCode => ui.code_no_code.to_string(),
            Problem::DownloadSyntax { line, column } => ui.download_syntax(args::DownloadSyntax {
                line: &line.to_string(),
                column: &column.to_string(),
            }),
            Problem::NotADownload => ui.download_not_result.to_string(),
            Problem::DownloadFormat { found } => ui.download_format(args::DownloadFormat {
                found: &found.to_string(),
                oldest: &OLDEST_DOWNLOAD_FORMAT.to_string(),
                expected: &DOWNLOAD_FORMAT.to_string(),
            }),
            Problem::DownloadAnswer { question } => ui.download_answer(args::DownloadAnswer {
                n: &question.to_string(),
            }),
            Problem::Questionnaire { found, expected } => {
                ui.code_questionnaire(args::CodeQuestionnaire { found, expected })
            }
            Problem::TooFew {
                answered,
                total,
                needed,
            } => ui.code_too_few(
                *total,
                args::CodeTooFew {
                    answered: &answered.to_string(),
                    total: &total.to_string(),
                    needed: &needed.to_string(),
                },
            ),
            Problem::ProfileAnswer {
                question,
                text,
                found,
            } => ui.profile_answer_unknown(args::ProfileAnswerUnknown {
                question: text.as_ref().map_or(question, |t| t.get(language)),
                found,
            }),
            Problem::CsvEmpty => ui.csv_empty.to_string(),
            Problem::CsvColumn { column } => ui.csv_column(args::CsvColumn { column }),
            Problem::CsvFields { found, expected } => ui.csv_fields(
                *found,
                args::CsvFields {
                    found: &found.to_string(),
                    expected: &expected.to_string(),
                },
            ),
            Problem::CsvQuote => ui.csv_quote.to_string(),
            Problem::FileTooLarge { size, limit } => {
                ui.group_file_too_large(args::GroupFileTooLarge {
                    size: &megabytes(*size, language),
                    limit: &megabytes(*limit, language),
                })
            }
            Problem::FilesTooLarge { limit } => {
                ui.group_files_too_large(args::GroupFilesTooLarge {
                    limit: &megabytes(*limit, language),
                })
            }
            Problem::TooManyFiles { limit } => ui.group_too_many_files(
                *limit,
                args::GroupTooManyFiles {
                    limit: &limit.to_string(),
                },
            ),
            Problem::PasteTooLong { millions } => ui.group_paste_too_long(
                *millions,
                args::GroupPasteTooLong {
                    limit: &millions.to_string(),
                },
            ),
            Problem::TooManyLines { limit } => ui.group_too_many_lines(
                *limit,
                args::GroupTooManyLines {
                    limit: &limit.to_string(),
                },
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

impl CodeError {
    /// A file of `size` bytes, over the `limit` of one file.
    pub fn file_too_large(size: u64, limit: u64) -> CodeError {
        CodeError(Problem::FileTooLarge { size, limit })
    }

    /// A file that would take the files read at once over `limit` bytes.
    pub fn files_too_large(limit: u64) -> CodeError {
        CodeError(Problem::FilesTooLarge { limit })
    }

    /// A file after the first `limit` files.
    pub fn too_many_files(limit: usize) -> CodeError {
        CodeError(Problem::TooManyFiles { limit })
    }

    /// A pasted text over the limit of `millions` of characters.
    pub fn paste_too_long(millions: usize) -> CodeError {
        CodeError(Problem::PasteTooLong { millions })
    }

    /// A line after the first `limit` lines.
    pub fn too_many_lines(limit: usize) -> CodeError {
        CodeError(Problem::TooManyLines { limit })
    }
}

/// `bytes` in megabytes (of a million bytes, as file managers count them
/// now), with at most one decimal.
fn megabytes(bytes: u64, language: &str) -> String {
    let tenths = (bytes as f64 / 100_000.0).ceil() / 10.0;
    crate::i18n::number(tenths, language)
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message("en"))
    }
}

impl std::error::Error for CodeError {}

/// The base of each digit of a code's number, most significant first: one
/// per question (unanswered, each level, "don't know"), then, from format 2
/// on, one per background question (no answer, each answer).
fn bases(questionnaire: &Questionnaire, format: u32) -> Vec<u32> {
    let question = u32::from(questionnaire.top_level().0) + 2;
    let mut bases = vec![question; questionnaire.questions.len()];
    if format >= 2 {
        bases.extend(
            questionnaire
                .profile
                .iter()
                .map(|p| p.answers.len() as u32 + 1),
        );
    }
    bases
}

/// How many base64url characters hold a code of `format` for
/// `questionnaire`: those of the largest number, every digit its base - 1.
pub fn answers_length(questionnaire: &Questionnaire, format: u32) -> usize {
    let bases = bases(questionnaire, format);
    let largest: Vec<(u32, u32)> = bases.iter().map(|&b| (b - 1, b)).collect();
    to_base64_digits(&largest).len().max(1)
}

/// The digits (least significant first, base 64) of the number whose
/// digits, most significant first, are `(digit, base)` pairs.
fn to_base64_digits(digits: &[(u32, u32)]) -> Vec<u32> {
    let mut number: Vec<u32> = Vec::new();
    for &(digit, base) in digits {
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

/// The code of `answers` and `profile` (the background answers) to
/// `questionnaire`, in the current format (missing ones count as
/// unanswered; a level above the top is written as the top, an answer
/// beyond the last as none).
pub fn encode(
    questionnaire: &Questionnaire,
    answers: &[Option<Answer>],
    profile: &[Option<usize>],
) -> String {
    let bases = bases(questionnaire, FORMAT);
    let top = questionnaire.top_level().0;
    let questions = questionnaire.questions.len();
    let digits: Vec<(u32, u32)> = bases
        .iter()
        .enumerate()
        .map(|(i, &base)| {
            let digit = if i < questions {
                match answers.get(i).copied().flatten() {
                    None => 0,
                    Some(Answer::Level(Level(level))) => u32::from(level.clamp(1, top)),
                    Some(Answer::DontKnow) => base - 1,
                }
            } else {
                match profile.get(i - questions).copied().flatten() {
                    Some(a) if (a as u32) < base - 1 => a as u32 + 1,
                    _ => 0,
                }
            };
            (digit, base)
        })
        .collect();
    let mut number = to_base64_digits(&digits);
    number.resize(answers_length(questionnaire, FORMAT), 0);
    let mut code = format!("{FORMAT}{}{SEPARATOR}", questionnaire.version);
    code.extend(
        number
            .iter()
            .rev()
            .map(|&d| char::from(ALPHABET[d as usize])),
    );
    code
}

/// The answers a code stands for, checked against `questionnaire`; a code
/// of format 1 has no background answers.
pub fn decode(questionnaire: &Questionnaire, code: &str) -> Result<Response, CodeError> {
    let fail = |problem| Err(CodeError(problem));
    let mut chars = code.chars().enumerate().map(|(i, c)| (i + 1, c));
    let format = match chars.next() {
        None => return fail(Problem::Empty),
        Some((_, found)) => match found.to_digit(10) {
            Some(format) if (OLDEST_FORMAT..=FORMAT).contains(&format) => format,
            Some(_) => {
                return fail(Problem::Format {
                    found: found.to_string(),
                });
            }
            None => return fail(Problem::Character { found, at: 1 }),
        },
    };
    let mut version = String::new();
    loop {
        match chars.next() {
            None => return fail(Problem::NoSeparator),
            Some((_, SEPARATOR)) if !version.is_empty() => break,
            // No version of ours has that many digits: refused as soon as
            // that shows, with the digits read so far.
            Some((_, digit)) if digit.is_ascii_digit() && version.len() == MAX_VERSION_DIGITS => {
                version.push(digit);
                return fail(Problem::Version {
                    found: format!("{version}…"),
                    expected: questionnaire.version,
                });
            }
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
    let expected = answers_length(questionnaire, format);
    if number.len() != expected {
        return fail(Problem::Length {
            found: number.len(),
            expected,
        });
    }
    // Most significant first; divide the number by each digit's base, from
    // the last digit back.
    let bases = bases(questionnaire, format);
    let mut digits = vec![0; bases.len()];
    for (digit, &base) in digits.iter_mut().zip(&bases).rev() {
        let mut remainder = 0;
        for limb in number.iter_mut() {
            let value = remainder * 64 + *limb;
            *limb = value / base;
            remainder = value % base;
        }
        *digit = remainder;
    }
    if number.iter().any(|&d| d != 0) {
        return fail(Problem::Range);
    }
    let (answer_digits, profile_digits) = digits.split_at(questionnaire.questions.len());
    let question_base = u32::from(questionnaire.top_level().0) + 2;
    let answers: Vec<Option<Answer>> = answer_digits
        .iter()
        .map(|&d| match d {
            0 => None,
            d if d == question_base - 1 => Some(Answer::DontKnow),
            // Below base - 1, so at most the top level: fits a level.
            d => Some(Answer::Level(Level(d as u8))),
        })
        .collect();
    let mut profile: Profile = profile_digits
        .iter()
        .map(|&d| d.checked_sub(1).map(|a| a as usize))
        .collect();
    profile.resize(questionnaire.profile.len(), None);
    match questionnaire.check_answers(&answers) {
        Ok(()) => Ok(Response { answers, profile }),
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
        response: Response,
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
        Ok(response) => Link::Result {
            response,
            language: parameter(fragment, "lang")
                .filter(|l| questionnaire.speaks(l))
                .map(str::to_string),
        },
        Err(error) => Link::Invalid(error),
    })
}

/// The link to a result: `base` (the page's address from [`page_base`], or
/// the host's `share-url`; any fragment it has is replaced) with the code of
/// `response` and the language in its fragment.
pub fn link(
    base: &str,
    questionnaire: &Questionnaire,
    response: &Response,
    language: &str,
) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!(
        "{base}#r={}&lang={language}",
        encode(questionnaire, &response.answers, &response.profile)
    )
}

/// The page's address `href` as a result's link starts with it: without
/// its query and fragment, since a query often holds what the respondent
/// must not pass on (an invitation token, an e-mail address, campaign tags).
pub fn page_base(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    &href[..end]
}

/// The answers in one line a facilitator pasted: a code, or a link with a
/// code in its fragment; surrounding spaces do not count.
pub fn read_line(questionnaire: &Questionnaire, line: &str) -> Result<Response, CodeError> {
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

/// The answers in a downloaded result (see [`crate::report::download`]),
/// checked like a code: the same format, questionnaire and version, and an
/// answer of the questionnaire's kind to each of its questions.
pub fn read_download(questionnaire: &Questionnaire, json: &str) -> Result<Response, CodeError> {
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
                .map_err(|_| CodeError(Problem::DownloadAnswer { question: i + 1 })),
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

/// Refuses a result of another questionnaire, or of another version (as
/// written in the file).
fn check_questionnaire(
    questionnaire: &Questionnaire,
    id: &str,
    version: &str,
) -> Result<(), CodeError> {
    if id != questionnaire.id {
        return Err(CodeError(Problem::Questionnaire {
            found: echo(id),
            expected: questionnaire.id.clone(),
        }));
    }
    // As written: "02" is not version 2.
    if version.parse() != Ok(questionnaire.version)
        || version.starts_with(['0', '+']) && version != "0"
    {
        return Err(CodeError(Problem::Version {
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
) -> Result<Option<usize>, CodeError> {
    match questionnaire.find_profile(question, id) {
        (_, Some(answer)) => Ok(Some(answer)),
        (known, None) => Err(CodeError(Problem::ProfileAnswer {
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
) -> Result<Response, CodeError> {
    match questionnaire.check_answers(&answers) {
        Ok(()) => Ok(Response { answers, profile }),
        Err(AnswerMisfit::Level { question } | AnswerMisfit::DontKnow { question }) => {
            Err(CodeError(Problem::DownloadAnswer { question }))
        }
        // One answer per question is read above.
        Err(AnswerMisfit::Count { .. }) => Err(CodeError(Problem::NotADownload)),
    }
}

/// The results in a CSV export (see [`crate::report::csv_header`]): one per
/// row after the header, each with its line number (from 1) and its
/// response or why the row was refused. Columns are found by name, so a
/// spreadsheet may reorder them or add its own; the questionnaire, its
/// version and every question's column must be there, the background
/// questions' columns may be missing (an export from before they existed).
/// A spreadsheet that writes semicolons instead of commas is read too.
/// A wrong header is the only refusal: the rows after it are not read.
pub fn read_csv(
    questionnaire: &Questionnaire,
    text: &str,
) -> Vec<(usize, Result<Response, CodeError>)> {
    match CsvRows::start(questionnaire, text) {
        Ok(mut rows) => std::iter::from_fn(|| rows.next(questionnaire, text)).collect(),
        Err(refused) => vec![refused],
    }
}

/// Reading the rows of a CSV export one at a time, as [`read_csv`] does,
/// so that the reader may pause between them: the columns its header
/// names, and where it has got to in the text (which the caller keeps).
#[derive(Clone, Debug)]
pub struct CsvRows {
    cursor: csv::Cursor,
    /// How many fields the header has: every row must have as many.
    width: usize,
    /// The columns of the questionnaire, its version and each question.
    columns: Vec<usize>,
    /// The column of each background question, if there is one.
    profile_columns: Vec<Option<usize>>,
}

impl CsvRows {
    /// Reads the header of `text`, and nothing else: the rows after it
    /// are read by [`CsvRows::next`]. A header that is missing, broken or
    /// without a column the results need gives its line and why instead.
    pub fn start(
        questionnaire: &Questionnaire,
        text: &str,
    ) -> Result<CsvRows, (usize, Result<Response, CodeError>)> {
        let mut cursor = csv::Cursor::new(text);
        let header = match cursor.next(text) {
            None => return Err((1, Err(CodeError(Problem::CsvEmpty)))),
            Some((line, Err(error))) => return Err((line, Err(csv_error(error)))),
            Some((line, Ok(header))) => (line, header),
        };
        let (header_line, header) = header;
        let column = |name: &str| header.iter().position(|h| h.trim() == name);
        let mut required = vec!["questionnaire", "version"];
        required.extend(questionnaire.questions.iter().map(|q| q.id.as_str()));
        let mut columns = Vec::with_capacity(required.len());
        for name in required {
            match column(name) {
                Some(at) => columns.push(at),
                None => {
                    return Err((
                        header_line,
                        Err(CodeError(Problem::CsvColumn {
                            column: name.to_string(),
                        })),
                    ));
                }
            }
        }
        let profile_columns = questionnaire
            .profile
            .iter()
            .map(|p| column(&profile_column(&p.id)))
            .collect();
        Ok(CsvRows {
            width: header.len(),
            cursor,
            columns,
            profile_columns,
        })
    }

    /// The next row of `text` (the text the header was read from), with
    /// its line and its response or why it was refused; `None` at the end.
    pub fn next(
        &mut self,
        questionnaire: &Questionnaire,
        text: &str,
    ) -> Option<(usize, Result<Response, CodeError>)> {
        let (line, row) = self.cursor.next(text)?;
        let read = row.map_err(csv_error).and_then(|fields| {
            if fields.len() != self.width {
                return Err(CodeError(Problem::CsvFields {
                    found: fields.len(),
                    expected: self.width,
                }));
            }
            read_row(questionnaire, &fields, &self.columns, &self.profile_columns)
        });
        Some((line, read))
    }

    /// How many bytes of the text have been read.
    pub fn read(&self) -> usize {
        self.cursor.read()
    }
}

/// One CSV row's response, its columns found by [`read_csv`].
fn read_row(
    questionnaire: &Questionnaire,
    fields: &[std::borrow::Cow<'_, str>],
    columns: &[usize],
    profile_columns: &[Option<usize>],
) -> Result<Response, CodeError> {
    let field = |at: usize| fields[at].trim();
    check_questionnaire(questionnaire, field(columns[0]), field(columns[1]))?;
    let answers = columns[2..]
        .iter()
        .enumerate()
        .map(|(i, &at)| match field(at) {
            "" => Ok(None),
            // A level's number or "dont-know", as the row was written.
            text => text
                .parse::<u8>()
                .map(|level| Answer::Level(Level(level)))
                .ok()
                .or_else(|| Answer::deserialize(&Value::String(text.to_string())).ok())
                .map(Some)
                .ok_or(CodeError(Problem::DownloadAnswer { question: i + 1 })),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let profile = questionnaire
        .profile
        .iter()
        .zip(profile_columns)
        .map(|(question, at)| match at.map(field) {
            None | Some("") => Ok(None),
            Some(id) => profile_answer(questionnaire, &question.id, id),
        })
        .collect::<Result<Profile, _>>()?;
    checked(questionnaire, answers, profile)
}

/// A CSV record whose quoted field is never closed.
fn csv_error(_: csv::Unclosed) -> CodeError {
    CodeError(Problem::CsvQuote)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> Questionnaire {
        Questionnaire::built_in()
    }

    fn case_b() -> Vec<Option<Answer>> {
        let mut answers: Vec<Option<Answer>> = [4, 4, 3, 3, 3, 3, 3, 3, 1, 1, 3, 2]
            .iter()
            .map(|&l| Some(Answer::Level(Level(l))))
            .collect();
        answers[7] = Some(Answer::DontKnow);
        answers
    }

    #[test]
    fn twelve_answers_and_two_background_answers_take_ten_characters() {
        let q = q();
        let answers = case_b();
        for profile in [
            vec![Some(0), Some(4)],
            vec![None, None],
            vec![Some(7), None],
        ] {
            let code = encode(&q, &answers, &profile);
            assert_eq!(code.len(), 10, "{code}");
            assert!(code.starts_with("23."), "{code}");
            assert_eq!(
                decode(&q, &code),
                Ok(Response {
                    answers: answers.clone(),
                    profile
                })
            );
        }
        assert_eq!(encode(&q, &[], &[]), "23.AAAAAAA", "nothing answered");
    }

    #[test]
    fn format_1_codes_are_still_read_without_background_answers() {
        // Case B's code as the release before background questions wrote it.
        let read = decode(&q(), "13.BnE43A").unwrap();
        assert_eq!(read.answers, case_b());
        assert_eq!(read.profile, [None, None]);
        assert_eq!(
            decode(&q(), "13.BnE43AA").unwrap_err().to_string(),
            "6 characters are expected after the ‘.’, not 7.",
            "format 1 has no background digits"
        );
    }

    #[test]
    fn every_problem_has_its_own_message() {
        let q = q();
        let cases = [
            ("", "It contains no result code."),
            (
                "13.AB!DEF",
                "The character ‘!’ at position 6 does not belong in a result code.",
            ),
            (
                "x",
                "The character ‘x’ at position 1 does not belong in a result code.",
            ),
            (
                "32.AAAAAAA",
                "The result code is in code format 3; this release reads code formats 1 to 2.",
            ),
            (
                "02.AAAAAAA",
                "The result code is in code format 0; this release reads code formats 1 to 2.",
            ),
            (
                "14.AAAAAA",
                "The result belongs to version 4 of the questionnaire; this is version 3.",
            ),
            (
                // A result code of version 2, made before the questions
                // changed meaning (issue 21), is refused, not misread.
                "12.BnE43A",
                "The result belongs to version 2 of the questionnaire; this is version 3.",
            ),
            (
                "12",
                "The full stop (‘.’) after the version number is missing.",
            ),
            (
                "102.AAAAAA",
                "The result belongs to version 02 of the questionnaire; this is version 3.",
            ),
            (
                "1.AAAAAA",
                "The character ‘.’ at position 2 does not belong in a result code.",
            ),
            ("13.AAAA", "6 characters are expected after the ‘.’, not 4."),
            (
                "13.______",
                "The answers in the code do not fit this questionnaire.",
            ),
            ("23.AAAA", "7 characters are expected after the ‘.’, not 4."),
            (
                "23._______",
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

    #[test]
    fn links_carry_the_code_and_the_language() {
        let q = q();
        let response = Response {
            answers: vec![Some(Answer::Level(Level(2))); 12],
            profile: vec![Some(3), None],
        };
        let page = "https://example.org/page?token=secret&email=jan%40example.org#top";
        let link = link(page_base(page), &q, &response, "en");
        let code = encode(&q, &response.answers, &response.profile);
        assert_eq!(
            link,
            format!("https://example.org/page#r={code}&lang=en"),
            "the page's query stays out of the link"
        );
        assert_eq!(
            page_base("https://example.org/a#b?c"),
            "https://example.org/a"
        );
        assert_eq!(page_base("file:///C:/quiz.html"), "file:///C:/quiz.html");
        assert_eq!(
            super::link(
                "https://example.org/results?from=share#old",
                &q,
                &response,
                "nl"
            ),
            format!("https://example.org/results?from=share#r={code}&lang=nl"),
            "a share-url is the host's choice, query and all"
        );
        let hash = &link[link.find('#').unwrap()..];
        assert_eq!(
            follow(&q, hash),
            Some(Link::Result {
                response: response.clone(),
                language: Some("en".to_string())
            })
        );
        assert_eq!(read_line(&q, &format!("  {link}  ")), Ok(response.clone()));
        assert_eq!(read_line(&q, &code), Ok(response));
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
    fn csv_rows_are_read_by_column_name_and_refused_with_their_reason() {
        let q = q();
        let mut header: Vec<String> = ["version", "questionnaire"].map(String::from).to_vec();
        header.extend((1..=12).map(|n| format!("q{n}")));
        header.push("profile_sector".to_string());
        let row = |version: &str, last: &str, sector: &str| {
            format!("{version},social-maturity,4,4,3,3,3,3,3,dont-know,1,1,3,{last},{sector}")
        };
        let text = [
            header.join(","),
            row("3", "2", "care"),
            String::new(),
            row("1", "2", ""),
            row("3", "7", ""),
            row("3", "2", "space"),
            "3,social-maturity,4".to_string(),
            row("3", "", "\"open"),
        ]
        .join("\r\n");
        let read: Vec<(usize, Result<Vec<Option<usize>>, String>)> = read_csv(&q, &text)
            .into_iter()
            .map(|(line, row)| (line, row.map(|r| r.profile).map_err(|e| e.to_string())))
            .collect();
        assert_eq!(
            read,
            [
                (2, Ok(vec![Some(0), None])),
                (
                    4,
                    Err(
                        "The result belongs to version 1 of the questionnaire; this is version 3."
                            .to_string()
                    )
                ),
                (
                    5,
                    Err("The answer to question 12 is not one that question offers.".to_string())
                ),
                (
                    6,
                    Err(
                        "The answer ‘space’ does not exist for the background question ‘Which sector does your organisation operate in?’."
                            .to_string()
                    )
                ),
                (
                    7,
                    Err("This line has 3 fields; the header line has 15.".to_string())
                ),
                (
                    8,
                    Err("A field in quotation marks is never closed.".to_string())
                ),
            ]
        );
        assert_eq!(
            read_csv(&q, "questionnaire,version,q1\r\n")[0]
                .1
                .clone()
                .unwrap_err()
                .to_string(),
            "The CSV’s header line lacks the column ‘q2’."
        );
    }
}
