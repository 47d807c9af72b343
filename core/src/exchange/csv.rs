//! Results as CSV, the spreadsheet's format: one row per result under a
//! header of named columns, written for the respondent and the facilitator
//! and read back by the group view (columns found by name, in any order).
//! The records themselves, quoting and formula safety are [`records`]'s.

pub mod records;

use crate::model::{Answer, DONT_KNOW, Level, Profile, Questionnaire, Response};
use serde::Deserialize;
use serde_json::Value;

use crate::benchmark::{Benchmark, DECIMALS as BENCHMARK_DECIMALS};
use crate::events::{profile_id, score};
use crate::i18n::decimal;
use crate::scoring::Assessment;

use super::error::{Problem, ReadError};
use super::{check_questionnaire, checked, profile_answer};

/// The CSV column of background question `id`: `profile_<id>`, apart from
/// the questions' columns whatever their ids.
pub fn profile_column(id: &str) -> String {
    format!("profile_{id}")
}

/// One CSV line (ending in CRLF, as RFC 4180 has it), each field made
/// [`records::inert`] (never a spreadsheet formula) and quoted when it
/// holds a comma, a quote or a line break.
pub fn csv_line<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> String {
    let fields: Vec<String> = fields
        .into_iter()
        .map(|field| {
            let field = records::inert(field.as_ref());
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
    csv_line(header_fields(questionnaire))
}

/// The names of [`csv_header`]'s columns.
fn header_fields(questionnaire: &Questionnaire) -> Vec<String> {
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
    fields
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
    csv_line(row_fields(questionnaire, language, response, assessment))
}

/// The fields of [`csv_row`].
fn row_fields(
    questionnaire: &Questionnaire,
    language: &str,
    response: &Response,
    assessment: &Assessment,
) -> Vec<String> {
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
            Some(Answer::DontKnow) => DONT_KNOW.to_string(),
        },
    ));
    fields.extend((0..questionnaire.profile.len()).map(|i| {
        profile_id(questionnaire, &response.profile, i)
            .unwrap_or_default()
            .to_string()
    }));
    fields
}

/// The file a respondent downloads: [`csv_header`] and [`csv_row`] of their
/// result; when the host gave a `benchmark`, more columns say where it
/// stands there: the poll's `benchmark_title` and `benchmark_date`, how
/// many results it holds (`benchmark_results`) and how many of them
/// reached this phase or a more mature one (`benchmark_reached`), the same
/// within the respondent's answer to each background question
/// (`benchmark_profile_<id>_results` and `_reached`, empty where there is
/// no such segment), and the poll's median per dimension
/// (`benchmark_<id>_median`).
pub fn result_csv(
    questionnaire: &Questionnaire,
    language: &str,
    response: &Response,
    assessment: &Assessment,
    benchmark: Option<&Benchmark>,
) -> String {
    let mut header = header_fields(questionnaire);
    let mut row = row_fields(questionnaire, language, response, assessment);
    if let Some(benchmark) = benchmark {
        let comparison =
            benchmark.compare(questionnaire, assessment.phase.index(), &response.profile);
        header.extend(["title", "date", "results", "reached"].map(|f| format!("benchmark_{f}")));
        row.extend([
            benchmark.title.clone(),
            benchmark.date.clone(),
            comparison.overall.results.to_string(),
            comparison.overall.reached.to_string(),
        ]);
        for (q, question) in questionnaire.profile.iter().enumerate() {
            let column = format!("benchmark_{}", profile_column(&question.id));
            header.extend([format!("{column}_results"), format!("{column}_reached")]);
            match comparison.segments.iter().find(|segment| segment.0 == q) {
                Some((_, _, standing)) => {
                    row.extend([standing.results.to_string(), standing.reached.to_string()]);
                }
                None => row.extend([String::new(), String::new()]),
            }
        }
        for (dimension, median) in questionnaire.dimensions.iter().zip(&comparison.medians) {
            header.push(format!("benchmark_{}_median", dimension.id));
            row.push(
                median
                    .map(|m| decimal(m, BENCHMARK_DECIMALS))
                    .unwrap_or_default(),
            );
        }
    }
    csv_line(header) + &csv_line(row)
}

/// The results in a CSV export (see [`csv_header`]): one per
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
) -> Vec<(usize, Result<Response, ReadError>)> {
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
    cursor: records::Cursor,
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
    ) -> Result<CsvRows, (usize, Result<Response, ReadError>)> {
        let mut cursor = records::Cursor::new(text);
        let header = match cursor.next(text) {
            None => return Err((1, Err(ReadError(Problem::CsvEmpty)))),
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
                        Err(ReadError(Problem::CsvColumn {
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
    ) -> Option<(usize, Result<Response, ReadError>)> {
        let (line, row) = self.cursor.next(text)?;
        let read = row.map_err(csv_error).and_then(|fields| {
            if fields.len() != self.width {
                return Err(ReadError(Problem::CsvFields {
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
) -> Result<Response, ReadError> {
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
                .ok_or(ReadError(Problem::DownloadAnswer { question: i + 1 })),
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
fn csv_error(_: records::Unclosed) -> ReadError {
    ReadError(Problem::CsvQuote)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{case_b_result, q};

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
        type Read = (usize, Result<Vec<Option<usize>>, String>);
        let read: Vec<Read> = read_csv(&q, &text)
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

    #[test]
    fn a_csv_row_lines_up_with_its_header() {
        let (q, answers, assessment) = case_b_result();
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
            read_csv(&q, &(header + &row)),
            [(2, Ok(answers))],
            "the group view reads it back"
        );
        assert_eq!(
            csv_line(["a,b", "say \"hi\"", "c"]),
            "\"a,b\",\"say \"\"hi\"\"\",c\r\n"
        );
    }
}
