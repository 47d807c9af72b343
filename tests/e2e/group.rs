//! The group view in Chromium: 200 pasted lines (codes, links and some
//! that are wrong) give the right counts, percentages and rejected-line
//! messages; a downloaded JSON file is read too; 5,000 codes are timed; and
//! the view is reachable from a result and from the standalone page.

use std::time::Duration;

use maturity_quiz::code::{encode, link};
use maturity_quiz::model::{Answer, Level, Questionnaire};
use serde_json::{Value, json};

use crate::dist;
use crate::embedding::{CASE_B, Visit};
use crate::support::server::{Page, StaticServer};
use crate::support::webdriver::wait_until;

/// One step: a click and a re-render.
const STEP: Duration = Duration::from_secs(5);

/// Reading 5,000 results, with room for a slow machine.
const BIG: Duration = Duration::from_secs(30);

/// A page with nothing but the group view, in English.
const GROUP_PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Group</title>
<script type="module" src="/embed.js"></script></head><body><main><maturity-quiz mode="group"></maturity-quiz></main></body></html>"#;

/// Everything the group view shows, as text.
const GROUP_JS: &str = r#"
const rows = (s) => [...root.querySelectorAll(s + ' tbody tr')].map((r) => [...r.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()));
return {
  count: text('.mq-group-count'),
  rejected: [...root.querySelectorAll('.mq-group-rejected li')].map((l) => l.textContent),
  phases: rows('.mq-group-phases'),
  bars: [...root.querySelectorAll('.mq-group-bars .mq-bar-fill')].map((b) => b.getAttribute('width')),
  split: text('.mq-group-split'),
  dimensions: rows('.mq-group-dimensions'),
};
"#;

/// Pastes `lines` and presses Compare; returns the milliseconds until the
/// count of `expected` results shows.
fn paste(visit: &Visit, lines: &[String], expected: usize) -> f64 {
    let script = format!(
        "const started = performance.now();
         q('.mq-group-paste').value = arguments[1];
         q('.mq-group-read').click();
         const wanted = {expected:?} + ' results read.';
         while (text('.mq-group-count') !== wanted) {{
           await new Promise((r) => requestAnimationFrame(r));
           if (performance.now() - started > {}) throw new Error('shows ' + text('.mq-group-count'));
         }}
         return performance.now() - started;",
        BIG.as_millis()
    );
    // execute_async takes no arguments; the prelude's widget index and the
    // text go in as literals.
    let script = script.replace(
        "arguments[1]",
        &serde_json::to_string(&lines.join("\n")).unwrap(),
    );
    let prelude = "const host = document.querySelector('maturity-quiz'); const root = host.shadowRoot;
        const q = (s) => root.querySelector(s);
        const text = (s) => { const e = q(s); return e ? e.textContent.replace(/\\s+/g, ' ').trim() : null; };";
    visit
        .browser
        .execute_async(&format!("{prelude}{script}"))
        .as_f64()
        .unwrap_or(f64::NAN)
}

/// Twelve answers at `level` each: that phase on every dimension.
fn all(level: u8) -> Vec<Option<Answer>> {
    vec![Some(Answer::Level(Level(level))); 12]
}

fn open_group_page() -> Visit {
    let server = StaticServer::builder(dist())
        .page("/group.html", Page::html(GROUP_PAGE))
        .start();
    let url = server.url("/group.html");
    Visit::open(&url, vec![server])
}

#[test]
fn e2e_group_view_counts_200_pasted_lines_and_names_the_rejected_ones() {
    let q = Questionnaire::built_in();
    // Per ten lines: two ad hoc, three experimental, four functional, one
    // transformation: 20%, 30%, 40%, 10%. Odd lines are links.
    let level = |i: usize| match i % 10 {
        0..=1 => 1,
        2..=4 => 2,
        5..=8 => 3,
        _ => 4,
    };
    let mut lines: Vec<String> = (0..190)
        .map(|i| {
            if i % 2 == 1 {
                link("https://example.org/quiz", &q, &all(level(i)), "nl")
            } else {
                encode(&q, &all(level(i)))
            }
        })
        .collect();
    let bad = [
        (
            7,
            "hello".to_string(),
            "The character ‘h’ at position 1 does not belong in a result code.",
        ),
        (
            30,
            "11.AAAAAA".to_string(),
            "The result belongs to version 1 of the questionnaire; this is version 2.",
        ),
        (
            55,
            "12.AAAA".to_string(),
            "6 characters are expected after the ‘.’, not 4.",
        ),
        (
            80,
            "https://example.org/quiz#top".to_string(),
            "The link contains no result code (#r=…).",
        ),
        (
            101,
            encode(&q, &[]),
            "0 of the 12 questions have a real answer; a result needs at least 6.",
        ),
        (
            120,
            "21.AAAAAA".to_string(),
            "The code is in code format 2; this release reads code format 1.",
        ),
        (
            140,
            "12.______".to_string(),
            "The answers in the code do not fit this questionnaire.",
        ),
        (
            160,
            "12.AAAAA!".to_string(),
            "The character ‘!’ at position 9 does not belong in a result code.",
        ),
        (
            180,
            "12".to_string(),
            "The ‘.’ after the version number is missing.",
        ),
        (
            199,
            "{\"format\": 1}".to_string(),
            "The character ‘{’ at position 1 does not belong in a result code.",
        ),
    ];
    for (at, line, _) in &bad {
        lines.insert(*at, line.clone());
    }
    // Blank lines are skipped, but still counted for the line numbers.
    lines.insert(3, "   ".to_string());
    let visit = open_group_page();
    let ms = paste(&visit, &lines, 190);
    println!("group view: 201 lines read in {ms:.0} ms");
    let shown = visit.run(0, GROUP_JS);
    assert_eq!(shown["count"], "190 results read.");
    let expected: Vec<String> = bad
        .iter()
        .map(|(at, _, reason)| format!("Line {}: {reason}", at + 1 + usize::from(*at >= 3)))
        .collect();
    assert_eq!(shown["rejected"], json!(expected));
    assert_eq!(
        shown["phases"],
        json!([
            ["Ad hoc", "38", "20%"],
            ["Experimental", "57", "30%"],
            ["Functional", "76", "40%"],
            ["Transformation", "19", "10%"],
        ])
    );
    assert_eq!(shown["bars"], json!(["20%", "30%", "40%", "10%"]));
    assert_eq!(
        shown["split"],
        "Ad hoc and Experimental: 95 (50%). Functional and Transformation: 95 (50%)."
    );
    let strategy = &shown["dimensions"][0];
    assert_eq!(
        strategy,
        &json!([
            "Strategy and goals",
            "2.5",
            "Ad hoc 38 · Experimental 57 · Functional 76 · Transformation 19"
        ]),
        "of 190 sorted scores the 95th is the last 2 and the 96th the first 3"
    );
}

#[test]
fn e2e_group_view_reads_a_downloaded_file_and_5000_codes() {
    let q = Questionnaire::built_in();
    let visit = open_group_page();
    // A downloaded result, as the result screen writes it, chosen as a file.
    let answers: Vec<Option<Answer>> = CASE_B
        .iter()
        .map(|a| match *a {
            "dont-know" => Some(Answer::DontKnow),
            l => Some(Answer::Level(Level(l.parse().unwrap()))),
        })
        .collect();
    let maturity_quiz::scoring::Outcome::Assessed(assessment) =
        maturity_quiz::scoring::assess(&q, &answers)
    else {
        panic!("case B has a result")
    };
    let file = maturity_quiz::report::download(
        &q,
        "en",
        &answers,
        &assessment,
        "2025-01-01T00:00:00.000Z",
    );
    visit.run(
        0,
        &format!(
            "const dt = new DataTransfer();
             dt.items.add(new File([{file}], 'case-b.json', {{ type: 'application/json' }}));
             dt.items.add(new File(['nonsense'], 'notes.json'));
             const input = q('.mq-group-files'); input.files = dt.files;
             input.dispatchEvent(new Event('change', {{ bubbles: true }}));",
            file = serde_json::to_string(&file).unwrap()
        ),
    );
    wait_until(STEP, "the file's result", || {
        let shown = visit.run(0, GROUP_JS);
        if shown["count"] == "1 result read." {
            Ok(shown)
        } else {
            Err(shown.to_string())
        }
    });
    let shown = visit.run(0, GROUP_JS);
    assert_eq!(shown["phases"][1], json!(["Experimental", "1", "100%"]));
    assert_eq!(
        shown["rejected"],
        json!([
            "notes.json: This is not a downloaded result: the file is not valid JSON (line 1, column 2)."
        ])
    );

    // 5,000 results of every kind, plus the file.
    let lines: Vec<String> = (0..5000u32)
        .map(|i| {
            let answers: Vec<Option<Answer>> = (0..12)
                .map(|k| Some(Answer::Level(Level(((i * 7 + k * 3) % 4 + 1) as u8))))
                .collect();
            encode(&q, &answers)
        })
        .collect();
    let ms = paste(&visit, &lines, 5001);
    println!("group view: 5,000 codes read and summed up in {ms:.0} ms in headless Chromium");
    let shown: Value = visit.run(0, GROUP_JS);
    assert_eq!(shown["rejected"].as_array().map(Vec::len), Some(1));
}

#[test]
fn e2e_group_view_opens_from_a_result_and_from_the_standalone_page() {
    let server = StaticServer::serve(dist());
    let (index, group) = (server.url("/"), server.url("/#group"));
    let visit = Visit::open(&index, vec![server]);
    visit.complete(0, &CASE_B);
    visit.click(0, ".mq-open-group");
    wait_until(STEP, "the group view", || {
        visit
            .run(0, "return !!q('.mq-group-paste');")
            .as_bool()
            .filter(|&b| b)
            .ok_or_else(|| "not yet".to_string())
    });
    let focused = visit.run(
        0,
        "return root.activeElement && root.activeElement.className;",
    );
    assert_eq!(
        focused, "mq-heading",
        "focus moves to the group view's heading"
    );
    visit.click(0, ".mq-group-back");
    wait_until(STEP, "the result again", || {
        visit.state(0)["phase"]
            .as_str()
            .map(|_| ())
            .ok_or_else(|| "not yet".to_string())
    });
    // The standalone page links to the group view.
    let links = visit.browser.execute(
        "return [...document.querySelectorAll('a[href=\"#group\"]')].length;",
        vec![],
    );
    assert_eq!(links, 1, "index.html links to #group");
    visit.goto(&group);
    wait_until(STEP, "the group view from #group", || {
        visit
            .run(0, "return !!q('.mq-group-paste');")
            .as_bool()
            .filter(|&b| b)
            .ok_or_else(|| "not yet".to_string())
    });
}
