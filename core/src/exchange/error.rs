//! Why a code, link or file holds no usable result: one error for every
//! carrier of a result, whose message names what is wrong and where, in
//! the visitor's language.

use std::fmt;

use crate::i18n::{UiText, args, ui_text};
use crate::model::Localized;

use super::code::{FORMAT, OLDEST_FORMAT};
use super::download::{DOWNLOAD_FORMAT, OLDEST_DOWNLOAD_FORMAT};

/// The most characters of a value found in a code, link or file that a
/// message repeats; a longer one is cut, with `…`.
pub const MAX_ECHO: usize = 20;

/// `found` as a message repeats it: whole up to [`MAX_ECHO`] characters,
/// else its first [`MAX_ECHO`] and `…`.
pub(super) fn echo(found: &str) -> String {
    crate::model::shortened(found, MAX_ECHO)
}

/// Why a code, link or file holds no usable result. Its text (English by
/// [`fmt::Display`], or any widget language by [`ReadError::message`]) says
/// exactly what is wrong and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError(pub(super) Problem);

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Problem {
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
    /// A benchmark file that is not JSON; `line` and `column` count from 1.
    BenchmarkSyntax {
        line: usize,
        column: usize,
    },
    /// JSON, but not a benchmark of this questionnaire's shape.
    NotABenchmark,
    /// A benchmark in a format this release does not read.
    BenchmarkFormat {
        found: u64,
    },
    /// A benchmark of another questionnaire, or of another version.
    BenchmarkQuestionnaire {
        found: String,
        expected: String,
    },
}

impl ReadError {
    /// What is wrong, in the widget's words `ui` (`content/ui.json`'s, or a
    /// questionnaire's own: [`Questionnaire::words`](crate::model::Questionnaire::words)),
    /// naming a question in its text in `language`.
    pub fn message(&self, ui: &UiText, language: &str) -> String {
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
                    size: &megabytes(*size, ui),
                    limit: &megabytes(*limit, ui),
                })
            }
            Problem::FilesTooLarge { limit } => {
                ui.group_files_too_large(args::GroupFilesTooLarge {
                    limit: &megabytes(*limit, ui),
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
            Problem::BenchmarkSyntax { line, column } => {
                ui.benchmark_syntax(args::BenchmarkSyntax {
                    line: &line.to_string(),
                    column: &column.to_string(),
                })
            }
            Problem::NotABenchmark => ui.benchmark_not_benchmark.to_string(),
            Problem::BenchmarkFormat { found } => ui.benchmark_format(args::BenchmarkFormat {
                found: &found.to_string(),
                expected: &crate::benchmark::FORMAT.to_string(),
            }),
            Problem::BenchmarkQuestionnaire { found, expected } => {
                ui.benchmark_questionnaire(args::BenchmarkQuestionnaire { found, expected })
            }
        }
    }
}

impl ReadError {
    /// Readable answers that are too few for a result: the group view has
    /// no phase to count them in.
    pub fn too_few(answered: usize, total: usize, needed: usize) -> ReadError {
        ReadError(Problem::TooFew {
            answered,
            total,
            needed,
        })
    }
}

impl ReadError {
    /// A file of `size` bytes, over the `limit` of one file.
    pub fn file_too_large(size: u64, limit: u64) -> ReadError {
        ReadError(Problem::FileTooLarge { size, limit })
    }

    /// A file that would take the files read at once over `limit` bytes.
    pub fn files_too_large(limit: u64) -> ReadError {
        ReadError(Problem::FilesTooLarge { limit })
    }

    /// A file after the first `limit` files.
    pub fn too_many_files(limit: usize) -> ReadError {
        ReadError(Problem::TooManyFiles { limit })
    }

    /// A pasted text over the limit of `millions` of characters.
    pub fn paste_too_long(millions: usize) -> ReadError {
        ReadError(Problem::PasteTooLong { millions })
    }

    /// A line after the first `limit` lines.
    pub fn too_many_lines(limit: usize) -> ReadError {
        ReadError(Problem::TooManyLines { limit })
    }

    /// A benchmark file that is not JSON, from `line`, `column`.
    pub fn benchmark_syntax(line: usize, column: usize) -> ReadError {
        ReadError(Problem::BenchmarkSyntax { line, column })
    }

    /// JSON that is no benchmark of the questionnaire's shape.
    pub fn not_a_benchmark() -> ReadError {
        ReadError(Problem::NotABenchmark)
    }

    /// A benchmark in format `found`.
    pub fn benchmark_format(found: u64) -> ReadError {
        ReadError(Problem::BenchmarkFormat { found })
    }

    /// A benchmark of questionnaire `id` version `version`, where this is
    /// `expected_id` version `expected_version`. Both are named with their
    /// version, since the id alone would not tell them apart.
    pub fn benchmark_questionnaire(
        id: &str,
        version: u32,
        expected_id: &str,
        expected_version: u32,
    ) -> ReadError {
        ReadError(Problem::BenchmarkQuestionnaire {
            found: format!("{} {version}", echo(id)),
            expected: format!("{expected_id} {expected_version}"),
        })
    }
}

/// `bytes` in megabytes (of a million bytes, as file managers count them
/// now), with at most one decimal.
fn megabytes(bytes: u64, ui: &UiText) -> String {
    let tenths = (bytes as f64 / 100_000.0).ceil() / 10.0;
    crate::i18n::number(tenths, ui)
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(ui_text("en"), "en"))
    }
}

impl std::error::Error for ReadError {}
