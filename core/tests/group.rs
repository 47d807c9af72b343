//! The group view's sums (src/group.rs), on a fixed set of 20 codes whose
//! figures are worked out by hand below, per segment on a generated group,
//! read back from its own CSV, and timed on 5,000 and 100,000 results; and
//! its limits at their edges.

#![cfg(not(target_arch = "wasm32"))]

mod cases;

use std::time::Instant;

use cases::answers;

use mq_core::exchange::ReadError;
use mq_core::exchange::code::encode;
use mq_core::group::{
    Group, MAX_FILE_BYTES, MAX_FILES, MAX_FILES_BYTES, MAX_LINES, Origin, Reader, admit,
    check_paste,
};
use mq_core::i18n::ui_text;
use mq_core::model::{Answer, Level, Questionnaire};

/// The code of `answers` to the built-in questionnaire, without background
/// answers.
fn code(answers: &[Option<Answer>]) -> String {
    encode(&Questionnaire::built_in(), answers, &[])
}

/// The code of one level per question, `0` for unanswered.
fn levels(levels: [u8; 12]) -> String {
    let answers: Vec<Option<Answer>> = levels
        .iter()
        .map(|&l| (l > 0).then_some(Answer::Level(Level(l))))
        .collect();
    code(&answers)
}

/// 20 lines: 17 results, 3 refused.
///
/// - 4 × all 1: Ad hoc (strategy 1).
/// - 5 × all 2: Experimental (strategy 2).
/// - 6 × all 3: Functional (strategy 3).
/// - 1 × all 4: Transformation (strategy 4).
/// - 1 × case B with q8 "don't know" (the fixture's "case-b-dont-know"):
///   Experimental, capped by monitoring (strategy 4).
/// - refused: line 7 (garbage), line 12 (version 1, before the content
///   change), line 20 (too few).
///
/// Phases: Ad hoc 4, Experimental 6, Functional 6, Transformation 1 of 17.
/// Strategy's 17 scores sorted: 1 1 1 1 2 2 2 2 2 3 3 3 3 3 3 4 4; the 9th
/// is 2, the median. Its phases: Ad hoc 4, Experimental 5, Functional 6,
/// Transformation 2.
fn twenty() -> String {
    let mut lines = Vec::new();
    lines.extend(vec![levels([1; 12]); 4]);
    lines.extend(vec![levels([2; 12]); 2]);
    lines.push("not a code".to_string());
    lines.extend(vec![levels([2; 12]); 3]);
    lines.push(code(&answers("case-b-dont-know")));
    lines.push("11.AAAAAA".to_string());
    lines.extend(vec![levels([3; 12]); 6]);
    lines.push(levels([4; 12]));
    lines.push(levels([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]));
    assert_eq!(lines.len(), 20);
    lines.join("\n")
}

/// Where each refused line or file came from, and why, in English.
fn rejections(group: &Group) -> Vec<(Origin, String)> {
    group
        .rejected
        .iter()
        .map(|r| (r.origin.clone(), r.error.to_string()))
        .collect()
}

#[test]
fn twenty_codes_add_up_as_worked_out_by_hand() {
    let q = Questionnaire::built_in();
    let group = Group::read(&q, &twenty(), &[]);
    assert_eq!(group.entries.len(), 17);
    assert_eq!(
        rejections(&group),
        [
            (
                Origin::Line(7),
                "The character ‘n’ at position 1 does not belong in a result code.".to_string()
            ),
            (
                Origin::Line(12),
                "The result belongs to version 1 of the questionnaire; this is version 3."
                    .to_string()
            ),
            (
                Origin::Line(20),
                "5 of the 12 questions have been answered (not counting ‘Don’t know’); a result needs at least 6.".to_string()
            ),
        ]
    );
    assert_eq!(group.phases, [4, 6, 6, 1]);
    assert_eq!(group.split(), (10, 7));
    assert!((group.percentage(4) - 400.0 / 17.0).abs() < 1e-9);
    let strategy = &group.dimensions[0];
    assert_eq!(strategy.median, Some(2.0));
    assert_eq!(strategy.phases, [4, 5, 6, 2]);
    assert_eq!(strategy.unknown, 0);
    // Monitoring: case B has 1 there, so 5 ones, 5 twos, 6 threes, 1 four;
    // the 9th of 17 is 2.
    let monitoring = &group.dimensions[4];
    assert_eq!(
        (monitoring.median, &monitoring.phases),
        (Some(2.0), &vec![5, 5, 6, 1])
    );

    let summary = group.summary_csv(&q);
    assert!(
        summary.starts_with(
            "phase,phase_id,count,percentage\r\n1,ad-hoc,4,23.53\r\n2,experimental,6,35.29\r\n"
        ),
        "{summary}"
    );
    assert!(
        summary.contains("\r\nstrategy,2,4,5,6,2,0\r\n"),
        "{summary}"
    );
    let rows = group.rows_csv(&q, "en");
    assert_eq!(rows.lines().count(), 18, "a header and 17 rows");
}

#[test]
fn five_thousand_results_are_read_and_summed_up_quickly() {
    let q = Questionnaire::built_in();
    let codes: Vec<String> = (0..5000u32)
        .map(|i| {
            let answers: Vec<Option<Answer>> = (0..12)
                .map(|k| Some(Answer::Level(Level(((i * 7 + k * 3) % 4 + 1) as u8))))
                .collect();
            let sector = (i % 9 < 8).then_some(i as usize % 9);
            encode(&q, &answers, &[sector, None])
        })
        .collect();
    let text = codes.join("\n");
    let started = Instant::now();
    let group = Group::read(&q, &text, &[]);
    let read = started.elapsed();
    let started = Instant::now();
    let segments = group.segments(&q, 0);
    let split = started.elapsed();
    println!(
        "group: 5,000 codes parsed, scored and summed up in {:.1} ms, split by sector in {:.1} ms (native, {} build)",
        read.as_secs_f64() * 1000.0,
        split.as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert_eq!(group.entries.len(), 5000);
    assert_eq!(group.phases.iter().sum::<usize>(), 5000);
    assert_eq!(segments.len(), 9, "eight sectors and no answer");
    assert_eq!(segments.iter().map(|s| s.results).sum::<usize>(), 5000);
    assert!(
        split < read,
        "splitting ({split:?}) must cost less than reading ({read:?}), so the view stays as quick"
    );
}

/// A generated group of 60 results: per sector `s` (0 to 7), `s + 1`
/// results all at level `s % 4 + 1` (36 results), plus 24 without a sector,
/// half all 1 and half all 4. Sizes cycle over the five bands.
fn generated() -> (Questionnaire, Group) {
    let q = Questionnaire::built_in();
    let mut lines = Vec::new();
    let mut n = 0;
    let mut push = |level: u8, sector: Option<usize>| {
        let answers = vec![Some(Answer::Level(Level(level))); 12];
        lines.push(encode(&q, &answers, &[sector, Some(n % 5)]));
        n += 1;
    };
    for sector in 0..8 {
        for _ in 0..=sector {
            push(sector as u8 % 4 + 1, Some(sector));
        }
    }
    for i in 0..24 {
        push(if i % 2 == 0 { 1 } else { 4 }, None);
    }
    let group = Group::read(&q, &lines.join("\n"), &[]);
    (q, group)
}

#[test]
fn segments_add_up_per_answer_and_without_one() {
    let (q, group) = generated();
    assert_eq!(group.entries.len(), 60);
    let segments = group.segments(&q, 0);
    let summary: Vec<(Option<usize>, usize, bool, Vec<usize>)> = segments
        .iter()
        .map(|s| (s.answer, s.results, s.too_small(), s.phases.clone()))
        .collect();
    assert_eq!(
        summary,
        [
            (Some(0), 1, true, vec![1, 0, 0, 0]),
            (Some(1), 2, true, vec![0, 2, 0, 0]),
            (Some(2), 3, true, vec![0, 0, 3, 0]),
            (Some(3), 4, true, vec![0, 0, 0, 4]),
            (Some(4), 5, false, vec![5, 0, 0, 0]),
            (Some(5), 6, false, vec![0, 6, 0, 0]),
            (Some(6), 7, false, vec![0, 0, 7, 0]),
            (Some(7), 8, false, vec![0, 0, 0, 8]),
            (None, 24, false, vec![12, 0, 0, 12]),
        ]
    );
    // No answer: twelve 1s and twelve 4s, so the median is (1 + 4) / 2.
    assert_eq!(segments[8].dimensions[0].median, Some(2.5));
    assert_eq!(segments[7].dimensions[5].median, Some(4.0));
    assert!((segments[8].percentage(12) - 50.0).abs() < 1e-9);
    // By size: 60 results over five bands, twelve each, nobody skipped.
    let sizes: Vec<usize> = group.segments(&q, 1).iter().map(|s| s.results).collect();
    assert_eq!(sizes, [12; 5]);

    let csv = group.segments_csv(&q, 0);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "question,answer,results,too_small,ad-hoc,experimental,functional,transformation,\
         strategy_median,organisation_median,channels_median,dialogue_median,monitoring_median,integration_median"
    );
    assert_eq!(lines[1], "sector,care,1,true,100,0,0,0,1,1,1,1,1,1");
    assert_eq!(
        lines[9],
        "sector,,24,false,50,0,0,50,2.5,2.5,2.5,2.5,2.5,2.5"
    );
}

#[test]
fn the_results_csv_is_read_back_as_it_was_written() {
    let (q, group) = generated();
    let csv = group.rows_csv(&q, "nl");
    let again = Group::read(&q, &csv, &[]);
    assert!(again.rejected.is_empty(), "{:?}", again.rejected);
    let responses = |g: &Group| {
        g.entries
            .iter()
            .map(|e| e.response.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(responses(&again), responses(&group));
    assert_eq!(again.rows_csv(&q, "nl"), csv, "and written again the same");
    let from_file = Group::read(&q, "", &[("results.csv".to_string(), csv.clone())]);
    assert_eq!(responses(&from_file), responses(&group));

    // A spreadsheet's own changes: semicolons, a row broken by hand.
    let mut rows: Vec<String> = csv.replace(',', ";").lines().map(String::from).collect();
    rows[3] = rows[3].replacen("social-maturity;3;", "social-maturity;1;", 1);
    let edited = Group::read(&q, "", &[("export.csv".to_string(), rows.join("\n"))]);
    assert_eq!(edited.entries.len(), 59);
    assert_eq!(
        edited.rejected[0].origin,
        Origin::FileLine("export.csv".to_string(), 4)
    );
    assert_eq!(
        edited.rejected[0].error.message(ui_text("nl"), "nl"),
        "Het resultaat hoort bij versie 1 van de vragenlijst; dit is versie 3."
    );
}

/// `n` different codes, one per line, each a result.
fn codes(n: usize) -> Vec<String> {
    let q = Questionnaire::built_in();
    (0..n)
        .map(|i| {
            let answers: Vec<Option<Answer>> = (0..12)
                .map(|k| Some(Answer::Level(Level(((i * 7 + k * 3) % 4 + 1) as u8))))
                .collect();
            encode(&q, &answers, &[Some(i % 9), Some(i % 5)])
        })
        .collect()
}

/// The English messages of `results`.
fn messages(results: &[Result<(), ReadError>]) -> Vec<Option<String>> {
    results
        .iter()
        .map(|r| r.as_ref().err().map(|e| e.to_string()))
        .collect()
}

#[test]
fn files_are_refused_by_size_and_number_before_they_are_read() {
    assert_eq!(
        messages(&admit(&[MAX_FILE_BYTES, MAX_FILE_BYTES + 1, 0])),
        [
            None,
            Some(
                "The file is 20.1 MB; the group overview reads files of up to 20 MB. \
                 Split it into smaller files."
                    .to_string()
            ),
            None,
        ]
    );
    // Together: two files of 20 MB and one of 10 MB are the most.
    let half = MAX_FILES_BYTES - 2 * MAX_FILE_BYTES;
    assert_eq!(half, 10_000_000);
    assert!(
        admit(&[MAX_FILE_BYTES, MAX_FILE_BYTES, half])
            .iter()
            .all(Result::is_ok)
    );
    let over = admit(&[MAX_FILE_BYTES, MAX_FILE_BYTES, half + 1, 5]);
    assert_eq!(
        messages(&over)[2..],
        [
            Some(
                "Together with the files before it, this file exceeds the 50 MB that can be \
                 read at once, so it was not read. Choose it again, separately from the other \
                 files."
                    .to_string()
            ),
            None,
        ],
        "a refused file does not count towards the total"
    );
    let many = admit(&vec![1; MAX_FILES + 1]);
    assert!(many[..MAX_FILES].iter().all(Result::is_ok));
    assert_eq!(
        messages(&many[MAX_FILES..]),
        [Some(
            "At most 1000 files are read at once; this file was left out.".to_string()
        )]
    );
    assert_eq!(
        ReadError::file_too_large(MAX_FILE_BYTES + 1, MAX_FILE_BYTES).message(ui_text("nl"), "nl"),
        "Het bestand is 20,1 MB; het groepsoverzicht leest bestanden tot en met 20 MB. \
         Verdeel het over kleinere bestanden."
    );
}

#[test]
fn a_pasted_text_over_its_limit_is_refused_as_a_whole() {
    assert!(check_paste(20_000_000).is_ok());
    let refused = check_paste(20_000_001);
    let group = Reader::new(refused.map(|()| "".into()), vec![]).finish_all();
    assert!(group.entries.is_empty());
    assert_eq!(group.rejected.len(), 1);
    assert_eq!(group.rejected[0].origin, Origin::Paste);
    assert_eq!(
        group.rejected[0].error.message(ui_text("nl"), "nl"),
        "De tekst is langer dan 20 miljoen tekens, het meeste dat wordt gelezen. \
         Kies de CSV-export liever als bestand."
    );
}

/// Reads all of a [`Reader`] for the built-in questionnaire.
trait FinishAll {
    fn finish_all(self) -> Group;
}

impl FinishAll for Reader {
    fn finish_all(mut self) -> Group {
        let q = Questionnaire::built_in();
        while self.step(&q, 1000) {}
        self.finish(&q)
    }
}

#[test]
fn lines_are_read_up_to_their_limit_and_the_next_one_is_refused() {
    let q = Questionnaire::built_in();
    let lines = codes(MAX_LINES);
    let text = lines.join("\n");
    let all = Group::read(&q, &text, &[]);
    assert_eq!((all.entries.len(), all.rejected.len()), (MAX_LINES, 0));
    // One more line, in a file after the pasted text.
    let file = (
        "more.txt".to_string(),
        Ok(format!("\n{}\n", lines[0]).into()),
    );
    let over = Reader::new(Ok(text.into()), vec![file]).finish_all();
    assert_eq!(over.entries.len(), MAX_LINES);
    assert_eq!(
        rejections(&over),
        [(
            Origin::File("more.txt".to_string()),
            "At most 200000 lines are read at once; this line and all after it were left out."
                .to_string()
        )]
    );
}

#[test]
fn a_wrong_header_is_refused_before_the_body_is_read() {
    let q = Questionnaire::built_in();
    // 20 MB whose first line has no column of ours: one step reads it all.
    let huge = format!("name,{}\n", "x,".repeat(10)) + &"a,\"b\",c\n".repeat(2_500_000);
    assert!(huge.len() > 19_000_000);
    let mut reader = Reader::new(
        Ok("".into()),
        vec![("big.csv".to_string(), Ok(huge.into()))],
    );
    reader.step(&q, 1);
    assert_eq!(reader.progress(), 1.0, "one line read, and the file done");
    assert!(!reader.step(&q, 1), "nothing more to read");
    let group = reader.finish(&q);
    assert_eq!(group.rejected.len(), 1);
    assert_eq!(
        (
            group.rejected[0].origin.clone(),
            group.rejected[0].error.to_string()
        ),
        (
            Origin::FileLine("big.csv".to_string(), 1),
            "The CSV’s header line lacks the column ‘questionnaire’.".to_string()
        )
    );
}

#[test]
fn a_pasted_export_is_read_whatever_its_columns_order() {
    let (q, group) = generated();
    let csv = group.rows_csv(&q, "en");
    // The questionnaire's column moved to the end, as a spreadsheet might.
    let moved: String = csv
        .lines()
        .map(|line| {
            let (first, rest) = line.split_once(',').unwrap();
            format!("{rest},{first}\r\n")
        })
        .collect();
    assert!(moved.starts_with("version,"));
    let again = Group::read(&q, &moved, &[]);
    assert_eq!(again.rejected, []);
    assert_eq!(again.entries, group.entries);
}

#[test]
fn an_export_is_known_by_its_header_quoted_or_not_whatever_its_name() {
    let (q, group) = generated();
    let csv = group.rows_csv(&q, "en");
    // A spreadsheet that quotes every header cell and adds a column of its
    // own in front, whose name holds a comma.
    let mut lines = csv.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(|h| format!("\"{h}\""))
        .collect();
    let mut quoted = format!("\"notes, own\",{}\r\n", header.join(","));
    for line in lines {
        quoted.push_str(&format!(",{line}\r\n"));
    }
    let pasted = Group::read(&q, &quoted, &[]);
    assert_eq!(pasted.rejected, [], "pasted with a quoted header");
    assert_eq!(pasted.entries, group.entries);
    // An export saved under another name is still read as one.
    let renamed = Group::read(&q, "", &[("results.txt".to_string(), csv)]);
    assert_eq!(renamed.rejected, [], "a CSV file named .txt");
    assert_eq!(renamed.entries, group.entries);
}

#[test]
fn the_first_hundred_refusals_are_listed_and_the_rest_counted() {
    let q = Questionnaire::built_in();
    for (bad, listed, more) in [(99, 99, 0), (100, 100, 0), (101, 100, 1), (250, 100, 150)] {
        let text = vec!["nonsense"; bad].join("\n");
        let group = Group::read(&q, &text, &[]);
        let (shown, rest) = group.shown_rejections();
        assert_eq!((shown.len(), rest), (listed, more), "{bad} refused lines");
        assert_eq!(shown[0].origin, Origin::Line(1));
    }
}

#[test]
fn a_national_poll_of_100000_results_is_read_in_small_steps() {
    let q = Questionnaire::built_in();
    let text = codes(100_000).join("\n");
    let csv = Group::read(&q, &text, &[]).rows_csv(&q, "nl");
    println!(
        "group: 100,000 results are {:.1} MB as codes and {:.1} MB as a CSV export",
        text.len() as f64 / 1e6,
        csv.len() as f64 / 1e6
    );
    assert!(
        csv.len() < MAX_FILE_BYTES as usize,
        "one export is one file"
    );
    let started = Instant::now();
    let mut reader = Reader::new(
        Ok("".into()),
        vec![("poll.csv".to_string(), Ok(csv.into()))],
    );
    let mut steps = 0;
    let mut progress = Vec::new();
    while reader.step(&q, 1000) {
        steps += 1;
        progress.push(reader.progress());
    }
    let read = started.elapsed();
    let started = Instant::now();
    let group = reader.finish(&q);
    let summed = started.elapsed();
    let started = Instant::now();
    let segments = group.segments(&q, 0);
    println!(
        "group: 100,000 CSV rows read in {:.0} ms, summed up in {:.1} ms, split by sector in {:.1} ms (native, {} build)",
        read.as_secs_f64() * 1000.0,
        summed.as_secs_f64() * 1000.0,
        started.elapsed().as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert_eq!(group.entries.len(), 100_000);
    assert_eq!(segments.iter().map(|s| s.results).sum::<usize>(), 100_000);
    assert_eq!(steps, 100, "a thousand rows a step");
    assert!(
        progress.windows(2).all(|w| w[0] < w[1]),
        "progress only grows"
    );
    assert!(
        progress[49] > 0.45 && progress[49] < 0.55,
        "{}",
        progress[49]
    );
}
