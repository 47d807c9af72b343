//! The downloads, in every engine: the result's "Download (JSON)" and
//! "Download (CSV)" save files with the content the README documents, with
//! where the result stands when the host gave a benchmark (as the
//! `complete` event says too); and the group view's benchmark is the one
//! the core makes of the same results.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};

use mq_core::benchmark::Benchmark;
use mq_core::exchange::code::encode;
use mq_core::group::Group;
use mq_core::model::Questionnaire;

use crate::benchmark::{poll, six_codes};
use crate::dist;
use crate::group::paste;
use crate::support::cases::{answers, values};
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{STEP, Visit, host_page};
use crate::support::webdriver::{Browser, Element, Engine, wait_until};

/// A download: the click, the browser writing the file, renaming it.
const DOWNLOAD: Duration = Duration::from_secs(15);

/// Case B's file name, from the questionnaire id and the result code.
const BASE_NAME: &str = "social-maturity-23-BW-H-aA";

/// The CSV download of case B in English (README, "The CSV download").
const CASE_B_CSV: &str = "questionnaire,version,language,phase,phase_id,mean,provisional,uneven,\
capped_by,answered,total,strategy_score,strategy_phase,organisation_score,organisation_phase,\
channels_score,channels_phase,dialogue_score,dialogue_phase,monitoring_score,monitoring_phase,\
integration_score,integration_phase,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,\
profile_sector,profile_size\r\n\
social-maturity,3,en,2,experimental,2.75,false,true,monitoring,11,12,4,4,3,3,3,3,3,3,1,1,2.5,2,\
4,4,3,3,3,3,3,dont-know,1,1,3,2,,\r\n";

/// The JSON download of case B in English besides `exportedAt` (README,
/// "The JSON download" and the `maturity-quiz:complete` detail, which is
/// this without `format`).
pub(crate) fn case_b_json() -> Value {
    let dimension = |id: &str, name: &str, score: Value, level: u8| {
        let (phase_id, phase_name) = [
            ("ad-hoc", "Ad hoc"),
            ("experimental", "Experimental"),
            ("functional", "Functional"),
            ("transformation", "Transformation"),
        ][usize::from(level - 1)];
        json!({ "id": id, "name": name, "score": score,
                "phase": { "level": level, "id": phase_id, "name": phase_name } })
    };
    json!({
        "format": 2,
        "questionnaire": { "id": "social-maturity", "version": 3 },
        "language": "en",
        "phase": { "level": 2, "id": "experimental", "name": "Experimental" },
        "mean": 2.75,
        "provisional": false,
        "uneven": true,
        "cappedBy": ["monitoring"],
        "answered": 11,
        "total": 12,
        "dimensions": [
            dimension("strategy", "Strategy and goals", json!(4), 4),
            dimension("organisation", "Organisation and policy", json!(3), 3),
            dimension("channels", "Use and channels", json!(3), 3),
            dimension("dialogue", "Responses and dialogue", json!(3), 3),
            dimension("monitoring", "Monitoring and learning", json!(1), 1),
            dimension("integration", "Integration and collaboration", json!(2.5), 2),
        ],
        "answers": { "q1": 4, "q2": 4, "q3": 3, "q4": 3, "q5": 3, "q6": 3, "q7": 3,
                     "q8": "dont-know", "q9": 1, "q10": 1, "q11": 3, "q12": 2 },
        "profile": { "sector": null, "size": null },
    })
}

/// Loaded before the loader: keeps the address and name of every link the
/// page clicks to download something, for engines that save no file where a
/// test can tell them to (see [`downloaded`]).
const WATCH_JS: &str = r#"
window.clickedDownloads = [];
const click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () {
  if (this.download) clickedDownloads.push({ href: this.href, name: this.download });
  return click.call(this);
};
"#;

/// The text of the download called `name`, once the browser has saved it.
///
/// Chromium and Firefox save into the session's download directory (their
/// preferences name it and turn the prompt off). WebKitGTK's MiniBrowser
/// (2.50) asks where to save with a file dialog that WebDriver cannot answer,
/// so there the test does what the browser does with the link it was
/// given: it reads the clicked link's `blob:` address from the page, after
/// the click's task has ended, which fails if the widget revoked it too
/// early (the bug that lost Firefox's downloads).
fn downloaded(browser: &Browser, name: &str) -> String {
    if browser.engine() == Engine::WebKit {
        let read = browser.execute_async(&format!(
            "await new Promise((r) => setTimeout(r, 500));
             const link = clickedDownloads.find((d) => d.name === {name:?});
             if (!link) throw new Error('no link clicked for {name}: ' + JSON.stringify(clickedDownloads));
             const response = await fetch(link.href);
             return {{ href: link.href, text: await response.text() }};"
        ));
        assert!(
            read["href"]
                .as_str()
                .is_some_and(|h| h.starts_with("blob:")),
            "{read}"
        );
        return read["text"]
            .as_str()
            .expect("the download's text")
            .to_owned();
    }
    let file = browser.download_dir().join(name);
    wait_until(DOWNLOAD, &format!("{} to be saved", file.display()), || {
        // Chromium writes `.crdownload` and Firefox `.part` files first, and
        // renames them when done.
        match fs::read_to_string(&file) {
            Ok(text) if !text.is_empty() => Ok(text),
            _ => Err(listing(&browser.download_dir())),
        }
    })
}

fn listing(dir: &Path) -> String {
    let names: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    format!("{names:?}")
}

/// The widget's button `selector`, as an element a WebDriver click reaches.
fn button(visit: &Visit, selector: &str) -> Element {
    let found = visit.run(0, &format!("return q({selector:?});"));
    Element::from_json(&found).unwrap_or_else(|| panic!("no {selector}: {found}"))
}

#[test]
fn e2e_json_and_csv_downloads_arrive_with_the_documented_content() {
    let server = StaticServer::builder(dist())
        .page("/watch.js", Page::new("text/javascript", WATCH_JS))
        .page(
            "/result.html",
            host_page(
                "",
                r#"<script src="/watch.js"></script>"#,
                "<maturity-quiz></maturity-quiz>",
            ),
        )
        .start();
    let url = server.url("/result.html");
    let visit = Visit::open(&url, vec![server]);
    assert_eq!(
        visit.complete(0, &values("case-b-dont-know")),
        "Experimental"
    );

    visit.browser.click(&button(&visit, ".mq-download-json"));
    let json_name = format!("{BASE_NAME}.json");
    let text = downloaded(&visit.browser, &json_name);
    let mut saved: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{json_name} is not JSON ({e}):\n{text}"));
    let exported = saved["exportedAt"].take();
    let exported = exported.as_str().unwrap_or_default();
    assert!(
        exported.len() == 24 && exported.ends_with('Z') && exported.as_bytes()[10] == b'T',
        "exportedAt is an ISO 8601 time: {exported:?}"
    );
    saved.as_object_mut().unwrap().remove("exportedAt");
    assert_eq!(saved, case_b_json(), "{json_name}");
    assert!(
        text.starts_with("{\n  \"format\": 2,\n  \"exportedAt\""),
        "{json_name} leads with its format: {text}"
    );

    visit.browser.click(&button(&visit, ".mq-download-csv"));
    let csv_name = format!("{BASE_NAME}.csv");
    assert_eq!(
        downloaded(&visit.browser, &csv_name),
        CASE_B_CSV,
        "{csv_name}"
    );
    println!(
        "{}: {json_name} and {csv_name} arrived with the documented content",
        visit.browser.version()
    );
}

#[test]
fn e2e_with_a_benchmark_the_complete_event_and_both_downloads_say_where_the_result_stands() {
    let q = Questionnaire::built_in();
    let inline = poll(&q).to_json().replace("</", "<\\/");
    let server = StaticServer::builder(dist())
        .page("/watch.js", Page::new("text/javascript", WATCH_JS))
        .page(
            "/compared.html",
            host_page(
                "",
                r#"<script src="/watch.js"></script>
                   <script>document.addEventListener('maturity-quiz:complete', (e) => { window.heard = e.detail; });</script>"#,
                &format!(
                    r#"<maturity-quiz profile-sector="care"><script type="application/json" data-benchmark>{inline}</script></maturity-quiz>"#
                ),
            ),
        )
        .start();
    let url = server.url("/compared.html");
    let visit = Visit::open(&url, vec![server]);
    assert_eq!(
        visit.complete(0, &values("case-b-dont-know")),
        "Experimental"
    );
    // Case B is Experimental: 5 of the poll's 6 reached that phase or a
    // more mature one, 4 of the 5 in care (README, the complete event).
    let dimensions: Vec<Value> = q
        .dimensions
        .iter()
        .map(|d| json!({ "id": d.id, "median": 2.5 }))
        .collect();
    let standing = json!({
        "title": "Peiling 2026", "date": "2026-11-30", "results": 6, "reached": 5,
        "segments": [{ "question": "sector", "answer": "care", "results": 5, "reached": 4 }],
        "dimensions": dimensions,
    });
    let heard = visit.browser.execute("return window.heard;", vec![]);
    assert_eq!(heard["benchmark"], standing, "the complete event: {heard}");

    // Care is the sector's first answer.
    let code = encode(&q, &answers("case-b-dont-know"), &[Some(0), None]);
    let base_name = format!("social-maturity-{}", code.replace('.', "-"));
    visit.browser.click(&button(&visit, ".mq-download-json"));
    let json_name = format!("{base_name}.json");
    let saved: Value = serde_json::from_str(&downloaded(&visit.browser, &json_name)).unwrap();
    assert_eq!(saved["benchmark"], standing, "{json_name}");

    visit.browser.click(&button(&visit, ".mq-download-csv"));
    let csv_name = format!("{base_name}.csv");
    let csv = downloaded(&visit.browser, &csv_name);
    let (header, row) = csv.split_once("\r\n").unwrap();
    assert!(
        header.ends_with(
            ",profile_sector,profile_size,benchmark_title,benchmark_date,benchmark_results,\
             benchmark_reached,benchmark_profile_sector_results,benchmark_profile_sector_reached,\
             benchmark_profile_size_results,benchmark_profile_size_reached,\
             benchmark_strategy_median,benchmark_organisation_median,benchmark_channels_median,\
             benchmark_dialogue_median,benchmark_monitoring_median,benchmark_integration_median"
        ),
        "{csv_name}: {header}"
    );
    assert!(
        row.ends_with(",care,,Peiling 2026,2026-11-30,6,5,5,4,,,2.5,2.5,2.5,2.5,2.5,2.5\r\n"),
        "{csv_name}: {row}"
    );
}

#[test]
fn e2e_the_group_view_downloads_a_benchmark_of_the_results_read() {
    let server = StaticServer::builder(dist())
        .page("/watch.js", Page::new("text/javascript", WATCH_JS))
        .page(
            "/group.html",
            host_page(
                "",
                r#"<script src="/watch.js"></script>"#,
                r#"<maturity-quiz mode="group"></maturity-quiz>"#,
            ),
        )
        .start();
    let url = server.url("/group.html");
    let visit = Visit::open(&url, vec![server]);
    let q = Questionnaire::built_in();
    let codes = six_codes(&q);
    paste(&visit, &codes, codes.len());
    visit.wait_shown(0, STEP, ".mq-export-benchmark");
    let shown = visit.run(
        0,
        "return { date: q('.mq-benchmark-date').value, today: new Date().toISOString() };",
    );
    assert_eq!(
        shown["date"].as_str(),
        Some(
            mq_core::i18n::date(
                shown["today"].as_str().unwrap(),
                mq_core::i18n::ui_text("en")
            )
            .as_str()
        ),
        "the date starts as today's, in words: {shown}"
    );
    visit.run(
        0,
        "for (const [s, v] of [['.mq-benchmark-title', 'Peiling 2026'], ['.mq-benchmark-date', '2026-11-30']]) {
           q(s).value = v; q(s).dispatchEvent(new InputEvent('input', { bubbles: true }));
         }
         return null;",
    );
    visit.browser.click(&button(&visit, ".mq-export-benchmark"));
    let text = downloaded(&visit.browser, "social-maturity-benchmark.json");
    let read = Benchmark::read(&q, &text)
        .unwrap_or_else(|e| panic!("the benchmark is refused: {e}\n{text}"));
    let group = Group::read(&q, &codes.join("\n"), &[]);
    assert_eq!(
        read,
        Benchmark::of(&q, &group, "Peiling 2026", "2026-11-30")
    );
    assert_eq!(read.overall.results, 6);
    assert_eq!(
        read.omitted.len(),
        1,
        "the sector of one result is left out"
    );
    for width in [360, 1280] {
        visit.screenshot("group-benchmark", width);
    }
}

#[test]
fn e2e_under_five_results_the_group_view_offers_no_benchmark_and_says_why() {
    let server = StaticServer::builder(dist())
        .page(
            "/group.html",
            host_page("", "", r#"<maturity-quiz mode="group"></maturity-quiz>"#),
        )
        .start();
    let url = server.url("/group.html");
    let visit = Visit::open(&url, vec![server]);
    let codes = six_codes(&Questionnaire::built_in());
    paste(&visit, &codes[..4], 4);
    visit.wait_shown(0, STEP, ".mq-benchmark-too-few");
    assert_eq!(
        visit.run(
            0,
            "return [text('.mq-benchmark-too-few'), root.querySelectorAll('.mq-export-benchmark, .mq-benchmark-title').length];"
        ),
        json!([
            "A benchmark needs at least five results, so that no single organisation can be recognised in it.",
            0
        ])
    );
}
