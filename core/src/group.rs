//! Many results at once, for a facilitator: read from pasted codes, links or
//! CSV exports and from downloaded files (JSON or CSV), each scored again by
//! the scoring rule, and summed up per phase and per dimension, for the
//! whole group and per segment (the results with one answer to a
//! background question).
//!
//! Whatever cannot be used is kept with its line (or file) and the reason,
//! so that the facilitator can fix it. Pure and linear in the number of
//! results; the view only renders a [`Group`] and offers its CSV.
//!
//! Every input has a limit (the constants below), chosen so that a national
//! poll of 100,000 results fits with room to spare while a file or text
//! that could exhaust the browser's memory is refused before it is read.
//! A [`Reader`] reads a few lines at a time, so that the view can spread a
//! large input over many short tasks and show how far it has got.

use std::rc::Rc;

use crate::exchange::ReadError;
use crate::exchange::csv::{CsvRows, csv_header, csv_line, csv_row, records};
use crate::exchange::{download, link};
use crate::i18n::decimal;
use crate::model::{Questionnaire, Response};
use crate::scoring::{Assessment, Outcome, Score, assess};

/// Where a rejected result came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A pasted line, counted from 1.
    Line(usize),
    /// A chosen or dropped file, by name.
    File(String),
    /// A line of a chosen or dropped CSV file, by name and line from 1.
    FileLine(String, usize),
    /// The pasted text as a whole.
    Paste,
}

/// The largest file read, in bytes: a CSV export of 100,000 results of the
/// built-in questionnaire is about 11 MB, so a national poll fits, while a
/// file that would fill the memory of a phone's browser tab does not.
pub const MAX_FILE_BYTES: u64 = 20_000_000;

/// The most bytes read from files at once: a poll's export and its
/// downloads beside it, far below what a browser tab can hold.
pub const MAX_FILES_BYTES: u64 = 50_000_000;

/// The most files read at once: one downloaded result per respondent of a
/// large class or department. More are refused by name.
pub const MAX_FILES: usize = 1_000;

/// The longest pasted text, in millions of characters: as much as the
/// largest file, since a CSV export can be pasted too. 100,000 pasted codes
/// are about 1.1 million.
pub const MAX_PASTE_MILLIONS: usize = 20;

/// The most lines (results, files, refused lines) read at once, over the
/// pasted text and every file: twice a national poll of 100,000 results.
pub const MAX_LINES: usize = 200_000;

/// The most refused lines or files listed one by one; the rest are counted.
pub const SHOWN_REJECTIONS: usize = 100;

/// Whether each file of `sizes` (in bytes, in order) is read, or why not:
/// over [`MAX_FILE_BYTES`], after [`MAX_FILES`] files, or taking the files
/// read so far over [`MAX_FILES_BYTES`]. Known from the sizes alone, so
/// that nothing refused is ever read.
pub fn admit(sizes: &[u64]) -> Vec<Result<(), ReadError>> {
    let mut total = 0;
    sizes
        .iter()
        .enumerate()
        .map(|(i, &size)| {
            if i >= MAX_FILES {
                Err(ReadError::too_many_files(MAX_FILES))
            } else if size > MAX_FILE_BYTES {
                Err(ReadError::file_too_large(size, MAX_FILE_BYTES))
            } else if total + size > MAX_FILES_BYTES {
                Err(ReadError::files_too_large(MAX_FILES_BYTES))
            } else {
                total += size;
                Ok(())
            }
        })
        .collect()
}

/// Whether a pasted text of `characters` is read: not over
/// [`MAX_PASTE_MILLIONS`]. Known from its length alone.
pub fn check_paste(characters: usize) -> Result<(), ReadError> {
    if characters > MAX_PASTE_MILLIONS * 1_000_000 {
        Err(ReadError::paste_too_long(MAX_PASTE_MILLIONS))
    } else {
        Ok(())
    }
}

/// The fewest results a segment needs to be compared with another: fewer
/// are shown, marked as too few.
pub const SEGMENT_MINIMUM: usize = 5;

/// A line or file that holds no usable result, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// Where it came from.
    pub origin: Origin,
    /// Why it was refused.
    pub error: ReadError,
}

/// One result read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The answers, as in the code or file.
    pub response: Response,
    /// What the scoring rule makes of them.
    pub assessment: Assessment,
}

/// How one dimension came out over the group.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionSummary {
    /// The median score of the results that know the dimension.
    pub median: Option<f64>,
    /// The lower and upper quartile of those scores (Tukey's hinges: the
    /// medians of the lower and the upper half, the middle score in both
    /// halves when there is one).
    pub quartiles: Option<(f64, f64)>,
    /// How many results reach each phase on it, least mature first.
    pub phases: Vec<usize>,
    /// How many results know nothing about it.
    pub unknown: usize,
}

/// The results of one segment: those with one answer to a background
/// question, or with none.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// The answer's index, or `None` for the results without an answer.
    pub answer: Option<usize>,
    /// How many results are in the segment.
    pub results: usize,
    /// How many of them are in each phase, least mature first.
    pub phases: Vec<usize>,
    /// One summary per dimension of the questionnaire, in its order.
    pub dimensions: Vec<DimensionSummary>,
}

impl Segment {
    /// Whether the segment has too few results to compare with another.
    pub fn too_small(&self) -> bool {
        self.results < SEGMENT_MINIMUM
    }

    /// `count` as a percentage of the segment's results.
    pub fn percentage(&self, count: usize) -> f64 {
        percentage(count, self.results)
    }
}

/// `count` as a percentage of `total` (0 when there are none).
fn percentage(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 * 100.0 / total as f64
    }
}

/// Whether `text` is a CSV export: its first record has a `questionnaire`
/// column, as [`csv_header`] writes it, in any place and quoted or not (the
/// reader finds columns by name, so a spreadsheet may have moved or quoted
/// it). Read as a record, not split on separators, so that a column of the
/// spreadsheet's own with a comma in its name does not hide it. The other
/// columns are the reader's to ask for, by name, when one is missing.
fn is_csv(text: &str) -> bool {
    records::records(text)
        .next()
        .and_then(|(_, header)| header.ok())
        .is_some_and(|header| header.iter().any(|field| field.trim() == "questionnaire"))
}

/// How many results of `entries` are in each phase, and each dimension's
/// summary over them. One pass over the results, which are large and
/// scattered in memory, so that 100,000 of them are summed up in one
/// short task.
fn tally<'a>(
    questionnaire: &Questionnaire,
    entries: impl Iterator<Item = &'a Entry>,
) -> (Vec<usize>, Vec<DimensionSummary>) {
    let levels = questionnaire.phases.len();
    let mut phases = vec![0; levels];
    let mut count = 0;
    let mut scores: Vec<Vec<Score>> = vec![Vec::new(); questionnaire.dimensions.len()];
    let mut dimension_phases = vec![vec![0; levels]; questionnaire.dimensions.len()];
    for entry in entries {
        phases[entry.assessment.phase.index()] += 1;
        count += 1;
        let results = entry.assessment.dimensions.iter();
        for ((result, scores), phases) in results.zip(&mut scores).zip(&mut dimension_phases) {
            if let (Some(score), Some(phase)) = (result.score, result.phase) {
                scores.push(score);
                phases[phase.index()] += 1;
            }
        }
    }
    let dimensions = scores
        .into_iter()
        .zip(dimension_phases)
        .map(|(mut scores, phases)| DimensionSummary {
            unknown: count - scores.len(),
            median: median(&mut scores),
            quartiles: quartiles(&scores),
            phases,
        })
        .collect();
    (phases, dimensions)
}

/// A group of results and what they add up to.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Every usable result, in the order read.
    pub entries: Vec<Entry>,
    /// Everything refused, in the order read.
    pub rejected: Vec<Rejection>,
    /// How many results are in each phase, least mature first.
    pub phases: Vec<usize>,
    /// One summary per dimension of the questionnaire, in its order.
    pub dimensions: Vec<DimensionSummary>,
}

impl Group {
    /// Reads `pasted` (one code or link per line, blank lines skipped; or a
    /// whole CSV export) and `files` (name and text of downloaded results,
    /// JSON or CSV), and sums up what can be used, all at once (see
    /// [`Reader`] for a few lines at a time).
    pub fn read(questionnaire: &Questionnaire, pasted: &str, files: &[(String, String)]) -> Group {
        let files = files
            .iter()
            .map(|(name, text)| (name.clone(), Ok(Rc::from(text.as_str()))))
            .collect();
        let mut reader = Reader::new(Ok(Rc::from(pasted)), files);
        while reader.step(questionnaire, MAX_LINES) {}
        reader.finish(questionnaire)
    }

    /// The rejections to list one by one (the first
    /// [`SHOWN_REJECTIONS`]), and how many more there are.
    pub fn shown_rejections(&self) -> (&[Rejection], usize) {
        let shown = self.rejected.len().min(SHOWN_REJECTIONS);
        (&self.rejected[..shown], self.rejected.len() - shown)
    }

    /// `count` as a percentage of the results read (0 when there are none).
    pub fn percentage(&self, count: usize) -> f64 {
        percentage(count, self.entries.len())
    }

    /// The results split by background question `question`: one segment
    /// per answer that has results, in the question's order, then the
    /// results without an answer, if any.
    pub fn segments(&self, questionnaire: &Questionnaire, question: usize) -> Vec<Segment> {
        let answers = questionnaire
            .profile
            .get(question)
            .map_or(0, |q| q.answers.len());
        // One pass puts each result with its answer; the last is for none.
        let mut members: Vec<Vec<&Entry>> = vec![Vec::new(); answers + 1];
        for entry in &self.entries {
            match entry.response.profile.get(question).copied().flatten() {
                Some(answer) => {
                    if let Some(segment) = members.get_mut(answer).filter(|_| answer < answers) {
                        segment.push(entry);
                    }
                }
                None => members[answers].push(entry),
            }
        }
        members
            .into_iter()
            .enumerate()
            .filter(|(_, members)| !members.is_empty())
            .map(|(i, members)| {
                let (phases, dimensions) = tally(questionnaire, members.iter().copied());
                Segment {
                    answer: (i < answers).then_some(i),
                    results: members.len(),
                    phases,
                    dimensions,
                }
            })
            .collect()
    }

    /// The segments of background question `question` as CSV: per segment
    /// the answer's id (empty for no answer), its number of results, whether
    /// it is too small to compare, its percentage per phase and its median
    /// per dimension. Numbers have a decimal point.
    pub fn segments_csv(&self, questionnaire: &Questionnaire, question: usize) -> String {
        let Some(asked) = questionnaire.profile.get(question) else {
            return String::new();
        };
        let mut header = vec![
            "question".to_string(),
            "answer".to_string(),
            "results".to_string(),
            "too_small".to_string(),
        ];
        header.extend(questionnaire.phases.iter().map(|p| p.id.clone()));
        header.extend(
            questionnaire
                .dimensions
                .iter()
                .map(|d| format!("{}_median", d.id)),
        );
        let mut csv = csv_line(header);
        for segment in self.segments(questionnaire, question) {
            let mut row = vec![
                asked.id.clone(),
                segment
                    .answer
                    .map(|a| asked.answers[a].id.clone())
                    .unwrap_or_default(),
                segment.results.to_string(),
                segment.too_small().to_string(),
            ];
            row.extend(
                segment
                    .phases
                    .iter()
                    .map(|&n| decimal(segment.percentage(n), 2)),
            );
            row.extend(
                segment
                    .dimensions
                    .iter()
                    .map(|d| d.median.map(|m| decimal(m, 2)).unwrap_or_default()),
            );
            csv += &csv_line(row);
        }
        csv
    }

    /// How many results are in the lower half of the phases and how many in
    /// the upper half (with an odd number of phases the middle one counts
    /// as upper): the source's "ad hoc and experimental against functional
    /// and transformation".
    pub fn split(&self) -> (usize, usize) {
        let (lower, upper) = self.phases.split_at(self.phases.len() / 2);
        (lower.iter().sum(), upper.iter().sum())
    }

    /// The summary as CSV: per phase its count and percentage, then per
    /// dimension its median, how many results reach each phase on it, and
    /// how many do not know it. Numbers have a decimal point.
    pub fn summary_csv(&self, questionnaire: &Questionnaire) -> String {
        let mut csv = csv_line(["phase", "phase_id", "count", "percentage"]);
        for (i, (phase, &count)) in questionnaire.phases.iter().zip(&self.phases).enumerate() {
            csv += &csv_line([
                (i + 1).to_string(),
                phase.id.clone(),
                count.to_string(),
                decimal(self.percentage(count), 2),
            ]);
        }
        csv += "\r\n";
        let mut header = vec!["dimension".to_string(), "median".to_string()];
        header.extend(questionnaire.phases.iter().map(|p| p.id.clone()));
        header.push("unknown".to_string());
        csv += &csv_line(header);
        for (dimension, summary) in questionnaire.dimensions.iter().zip(&self.dimensions) {
            let mut row = vec![
                dimension.id.clone(),
                summary.median.map(|m| decimal(m, 2)).unwrap_or_default(),
            ];
            row.extend(summary.phases.iter().map(usize::to_string));
            row.push(summary.unknown.to_string());
            csv += &csv_line(row);
        }
        csv
    }

    /// Every result read as a CSV row, in the shape of a downloaded result's
    /// CSV (`language` is the one the group view is shown in).
    pub fn rows_csv(&self, questionnaire: &Questionnaire, language: &str) -> String {
        let mut csv = csv_header(questionnaire);
        for entry in &self.entries {
            csv += &csv_row(questionnaire, language, &entry.response, &entry.assessment);
        }
        csv
    }
}

/// Reading a group a few lines at a time: the pasted text and the files,
/// each with where it has got to, and what has been read so far. The view
/// calls [`Reader::step`] in short tasks until it is done, then
/// [`Reader::finish`].
pub struct Reader {
    sources: Vec<Source>,
    /// The source being read.
    current: usize,
    /// How many lines have been taken, over all sources.
    lines: usize,
    entries: Vec<Entry>,
    rejected: Vec<Rejection>,
}

/// A pasted text or a file, and how far it has been read.
struct Source {
    /// The file's name, or `None` for the pasted text.
    name: Option<String>,
    /// Shared with the view, which keeps the files to read them again.
    text: Rc<str>,
    state: State,
}

/// How far a [`Source`] has been read.
enum State {
    /// Refused before it was read, for this reason.
    Refused(ReadError),
    /// Not begun.
    New,
    /// Codes and links, one per line: the byte and the line (from 1) to go
    /// on from.
    Lines {
        at: usize,
        line: usize,
    },
    /// A CSV export whose header has been read.
    Csv(CsvRows),
    Done,
}

impl Source {
    /// Where line `line` of this source came from.
    fn origin(&self, line: usize) -> Origin {
        match &self.name {
            Some(name) => Origin::FileLine(name.clone(), line),
            None => Origin::Line(line),
        }
    }

    /// Where the source as a whole came from.
    fn whole(&self) -> Origin {
        match &self.name {
            Some(name) => Origin::File(name.clone()),
            None => Origin::Paste,
        }
    }

    /// How many of its bytes have been read.
    fn read(&self) -> usize {
        match &self.state {
            State::Refused(_) | State::New => 0,
            State::Lines { at, .. } => *at,
            State::Csv(rows) => rows.read(),
            State::Done => self.text.len(),
        }
    }

    /// The next line, file or refusal of this source and what it holds;
    /// `None` once it is all read.
    fn next(
        &mut self,
        questionnaire: &Questionnaire,
    ) -> Option<(Origin, Result<Response, ReadError>)> {
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return None,
                State::Refused(error) => return Some((self.whole(), Err(error))),
                State::New => {
                    let csv_name = self
                        .name
                        .as_ref()
                        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".csv"));
                    if csv_name || is_csv(&self.text) {
                        match CsvRows::start(questionnaire, &self.text) {
                            Ok(rows) => self.state = State::Csv(rows),
                            // A wrong header: nothing after it is read.
                            Err((line, refused)) => return Some((self.origin(line), refused)),
                        }
                    } else if self.name.is_some() {
                        let read = download::read_download(questionnaire, &self.text);
                        return Some((self.whole(), read));
                    } else {
                        self.state = State::Lines { at: 0, line: 1 };
                    }
                }
                State::Lines { at, line } => {
                    if at >= self.text.len() {
                        return None;
                    }
                    let rest = &self.text[at..];
                    let length = rest.find('\n').unwrap_or(rest.len());
                    let next = (at + length + 1).min(self.text.len());
                    self.state = State::Lines {
                        at: next,
                        line: line + 1,
                    };
                    let text = &rest[..length];
                    if !text.trim().is_empty() {
                        return Some((self.origin(line), link::read_line(questionnaire, text)));
                    }
                }
                State::Csv(mut rows) => {
                    let next = rows.next(questionnaire, &self.text);
                    if let Some((line, read)) = next {
                        self.state = State::Csv(rows);
                        return Some((self.origin(line), read));
                    }
                    return None;
                }
            }
        }
    }
}

impl Reader {
    /// A reader of `pasted` and `files` (each a name and its text), each
    /// given as refused instead when it was over its limit (see [`admit`]
    /// and [`check_paste`]). Reads nothing yet.
    pub fn new(
        pasted: Result<Rc<str>, ReadError>,
        files: Vec<(String, Result<Rc<str>, ReadError>)>,
    ) -> Reader {
        let source = |name, text: Result<Rc<str>, ReadError>| match text {
            Ok(text) => Source {
                name,
                text,
                state: State::New,
            },
            Err(error) => Source {
                name,
                text: Rc::from(""),
                state: State::Refused(error),
            },
        };
        let mut sources = vec![source(None, pasted)];
        sources.extend(
            files
                .into_iter()
                .map(|(name, text)| source(Some(name), text)),
        );
        Reader {
            sources,
            current: 0,
            lines: 0,
            entries: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// Reads and scores at most `lines` more lines (or files); whether
    /// anything is left to read. After [`MAX_LINES`], the next line is
    /// refused with that limit and nothing more is read.
    pub fn step(&mut self, questionnaire: &Questionnaire, lines: usize) -> bool {
        let mut taken = 0;
        while taken < lines {
            let Some(source) = self.sources.get_mut(self.current) else {
                return false;
            };
            let Some((origin, read)) = source.next(questionnaire) else {
                self.current += 1;
                continue;
            };
            taken += 1;
            if self.lines == MAX_LINES {
                self.rejected.push(Rejection {
                    origin,
                    error: ReadError::too_many_lines(MAX_LINES),
                });
                self.current = self.sources.len();
                return false;
            }
            self.lines += 1;
            match read.and_then(|response| scored(questionnaire, response)) {
                Ok(entry) => self.entries.push(entry),
                Err(error) => self.rejected.push(Rejection { origin, error }),
            }
        }
        self.current < self.sources.len()
    }

    /// How much has been read, as a fraction from 0 to 1 of all the bytes.
    pub fn progress(&self) -> f64 {
        let total: usize = self.sources.iter().map(|s| s.text.len()).sum();
        if self.current >= self.sources.len() || total == 0 {
            return if self.current >= self.sources.len() {
                1.0
            } else {
                0.0
            };
        }
        let read: usize = self.sources.iter().map(Source::read).sum();
        read as f64 / total as f64
    }

    /// What has been read, summed up.
    pub fn finish(self, questionnaire: &Questionnaire) -> Group {
        let (phases, dimensions) = tally(questionnaire, self.entries.iter());
        Group {
            entries: self.entries,
            rejected: self.rejected,
            phases,
            dimensions,
        }
    }
}

/// `response` with what the scoring rule makes of it, or why it has too few
/// answers for a result.
fn scored(questionnaire: &Questionnaire, response: Response) -> Result<Entry, ReadError> {
    match assess(questionnaire, &response.answers) {
        Outcome::Assessed(assessment) => Ok(Entry {
            response,
            assessment,
        }),
        Outcome::TooFewAnswers { answered, needed } => Err(ReadError::too_few(
            answered,
            questionnaire.questions.len(),
            needed,
        )),
    }
}

/// The lower and upper quartile of `sorted` (see
/// [`DimensionSummary::quartiles`]); `None` for none.
fn quartiles(sorted: &[Score]) -> Option<(f64, f64)> {
    let half = sorted.len().div_ceil(2);
    let middle = |half: &[Score]| {
        let m = half.len() / 2;
        if half.len() % 2 == 1 {
            half[m].as_f64()
        } else {
            (half[m - 1].as_f64() + half[m].as_f64()) / 2.0
        }
    };
    (!sorted.is_empty()).then(|| {
        (
            middle(&sorted[..half]),
            middle(&sorted[sorted.len() - half..]),
        )
    })
}

/// The median of `scores` (sorted in place), the mean of the middle two
/// for an even count; `None` for none.
fn median(scores: &mut [Score]) -> Option<f64> {
    scores.sort_unstable();
    let middle = scores.len() / 2;
    match scores.len() {
        0 => None,
        n if n % 2 == 1 => Some(scores[middle].as_f64()),
        _ => Some((scores[middle - 1].as_f64() + scores[middle].as_f64()) / 2.0),
    }
}
