//! Side-by-side benchmark (issue 7): our widget against SurveyJS, on the same
//! twelve questions, in headless Chromium on 127.0.0.1.
//!
//! Two host pages are served from memory, each file gzip -9 encoded as a
//! production server would send it: `/ours.html` embeds `dist/` as a site
//! owner does (embed.js + `<maturity-quiz lang="en">`), `/surveyjs.html` loads
//! survey-core and survey-js-ui (minified builds, from node_modules) with a
//! survey generated here from `content/social-maturity.json`, one question per
//! page, in English like ours. Every load is cold: a new Chromium with a fresh
//! profile, the cache disabled, `Cache-Control: no-store` from the server.
//!
//! `bench/probe.js`, inlined first in both pages, times the screens, counts
//! the long tasks before the first question and answers the questions in
//! the page itself (see there for what is measured); for ours it then opens
//! the group overview and sums what the page transferred by then (the
//! facilitator's bytes, beside the respondent's);
//! this program adds the JS heap (CDP `Runtime.getHeapUsage` after a forced
//! garbage collection), turns on 4x CPU throttling (CDP
//! `Emulation.setCPUThrottlingRate`) for the second half, and prints a
//! Markdown table of medians, min–max and the ratio ours/SurveyJS.
//!
//! Usage: `bash scripts/bench.sh [--loads N] [--latency MS]` (default 15
//! per page and throttling rate; `--latency` adds MS milliseconds to every
//! request's round trip, CDP `Network.emulateNetworkConditions`, to show
//! what the number of sequential requests costs off loopback). Needs `dist/` and the npm packages; the script sees to
//! both. An example rather than a test, so that `cargo test` compiles it but
//! never runs it.

#[allow(dead_code)]
#[path = "../tests/e2e/support/cases.rs"]
mod cases;
#[allow(dead_code)]
#[path = "../tests/e2e/support/server.rs"]
mod server;
#[allow(dead_code)]
#[path = "../tests/e2e/support/webdriver.rs"]
mod webdriver;

use serde_json::{Value, json};
use server::{Page, StaticServer, mime_type};
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use webdriver::Browser;

/// The language both pages use.
const LANGUAGE: &str = "en";

/// The case both pages answer, from tests/fixtures/cases.json: the README's
/// case B with question 8 "don't know", which ends in a full result.
const CASE: &str = "case-b-dont-know";

/// The CPU throttling rates measured: none, and 4x for a mid-range phone.
const RATES: [u32; 2] = [1, 4];

/// The two pages, in the order of the table's columns.
const KINDS: [&str; 2] = ["ours", "surveyjs"];

/// The widget's files a host page fetches, from `dist/`: the loader, the
/// respondent's module and the facilitator's, which the group overview loads.
const WIDGET_FILES: [&str; 3] = [
    "embed.js",
    "maturity-quiz_bg.wasm",
    "maturity-quiz-group_bg.wasm",
];

/// SurveyJS's files the host page fetches, from `node_modules/`.
const SURVEYJS_FILES: [&str; 3] = [
    "survey-core/survey.core.min.js",
    "survey-js-ui/survey-js-ui.min.js",
    "survey-core/survey-core.fontless.min.css",
];

fn main() {
    let Options { loads, latency } = parse_options();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    let server = serve(&repo);
    eprintln!("bench: serving on {}", server.origin());

    // samples[rate][kind] holds one JSON record per load.
    let mut samples = vec![vec![Vec::new(); KINDS.len()]; RATES.len()];
    for (r, rate) in RATES.iter().enumerate() {
        for load in 1..=loads {
            // Alternating the pages spreads any drift of the machine (another
            // build, thermal state) over both evenly.
            for (k, kind) in KINDS.iter().enumerate() {
                let sample = measure(&server, &format!("/{kind}.html"), *rate, latency);
                eprintln!(
                    "bench: {kind:<8} cpu {rate}x load {load:>2}/{loads}: first question {:>6.0} ms, result {:>5.0} ms, calibration {:>4.0} ms, \"{}\"",
                    sample["times"]["firstQuestion"]
                        .as_f64()
                        .unwrap_or(f64::NAN),
                    sample["times"]["result"].as_f64().unwrap_or(f64::NAN)
                        - sample["times"]["submit"].as_f64().unwrap_or(f64::NAN),
                    sample["calibration"].as_f64().unwrap_or(f64::NAN),
                    sample["result"].as_str().unwrap_or_default(),
                );
                samples[r][k].push(sample);
            }
        }
    }
    print_table(&samples, loads, latency);
}

/// What the command line asks for.
struct Options {
    /// Cold loads per page and CPU rate.
    loads: usize,
    /// Milliseconds added to each request's round trip.
    latency: u32,
}

/// `--loads N` (else 15) and `--latency MS` (else 0) from the command line.
fn parse_options() -> Options {
    let mut options = Options {
        loads: 15,
        latency: 0,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        match pair {
            [flag, n] if flag == "--loads" => {
                options.loads = n.parse().ok().filter(|n| *n > 0).unwrap_or_else(|| usage());
            }
            [flag, ms] if flag == "--latency" => {
                options.latency = ms.parse().unwrap_or_else(|_| usage());
            }
            _ => usage(),
        }
    }
    options
}

fn usage() -> ! {
    eprintln!(
        "usage: bench [--loads N] [--latency MS]   (cold loads per page and CPU rate, default 15; \
         milliseconds added to each round trip, default 0)"
    );
    std::process::exit(2);
}

/// One cold load of the page at `path` at CPU throttling `rate` and with
/// `latency` ms added to each round trip, driven to the result.
fn measure(server: &StaticServer, path: &str, rate: u32, latency: u32) -> Value {
    let url = server.url(path);
    // A new browser with a fresh profile per load: nothing cached, compiled
    // or stored survives from the previous one.
    let browser = Browser::start();
    browser.cdp("Network.enable", json!({}));
    browser.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }));
    // Throttling is set on a blank page of the same origin first, so that it
    // holds in the renderer that then loads the measured page from its very
    // start.
    browser.goto(&server.url("/blank.html"));
    browser.cdp(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": f64::from(rate) }),
    );
    if latency > 0 {
        browser.cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": latency,
                "downloadThroughput": -1,
                "uploadThroughput": -1,
            }),
        );
    }
    browser.goto(&url);
    let mut outcome = browser.execute_async("return await window.benchDone;");
    if let Some(error) = outcome["error"].as_str() {
        panic!("{url} at cpu {rate}x: {error}");
    }
    let mut sample = outcome["value"].take();
    // Only live objects count: collect garbage first.
    browser.cdp("HeapProfiler.collectGarbage", json!({}));
    sample["heap"] = browser.cdp("Runtime.getHeapUsage", json!({}));
    if path == "/ours.html" {
        sample["facilitatorBytes"] =
            browser.execute_async("return await window.benchFacilitator();");
    }
    sample
}

/// Starts the static server with both host pages and every file they load,
/// each gzip -9 encoded.
fn serve(repo: &Path) -> StaticServer {
    let dist = repo.join("dist");
    let modules = repo.join("node_modules");
    // Nothing is served from disk: every path is registered below.
    let empty = std::env::temp_dir().join(format!("mq-bench-{}", std::process::id()));
    fs::create_dir_all(&empty).expect("create the server's empty root");

    let mut builder = StaticServer::builder(&empty);
    for file in WIDGET_FILES {
        builder = builder.page(&format!("/quiz/{file}"), gzip_file(&dist.join(file)));
    }
    for file in SURVEYJS_FILES {
        let name = Path::new(file).file_name().unwrap().to_string_lossy();
        builder = builder.page(&format!("/surveyjs/{name}"), gzip_file(&modules.join(file)));
    }
    builder = builder
        .page(
            "/blank.html",
            Page::html("<!doctype html><title>blank</title>"),
        )
        .page(
            "/ours.html",
            gzip_page("text/html; charset=utf-8", ours_page().into_bytes()),
        )
        .page(
            "/surveyjs.html",
            gzip_page("text/html; charset=utf-8", surveyjs_page(repo).into_bytes()),
        );
    builder.start()
}

/// The head both pages share; the probe comes first so that it runs before
/// anything it measures.
fn head(kind: &str, title: &str) -> String {
    let bench = json!({ "kind": kind, "answers": cases::values(CASE) });
    format!(
        r#"<!doctype html>
<html lang="{LANGUAGE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<script>window.BENCH = {bench};</script>
<script>{probe}</script>
"#,
        probe = include_str!("../bench/probe.js"),
    )
}

/// A host page embedding our widget the way the README tells site owners to.
fn ours_page() -> String {
    format!(
        r#"{head}<script type="module" src="/quiz/embed.js"></script>
</head>
<body>
<main>
<h1>Benchmark host page: maturity-quiz</h1>
<maturity-quiz lang="{LANGUAGE}"></maturity-quiz>
</main>
</body>
</html>
"#,
        head = head("ours", "maturity-quiz benchmark"),
    )
}

/// A host page rendering the same questionnaire with SurveyJS, as its
/// getting-started guide does (stylesheet in the head, scripts, then render).
fn surveyjs_page(repo: &Path) -> String {
    let setup = json!({
        "survey": surveyjs_json(repo),
        "model": result_model(repo),
    });
    format!(
        r#"{head}<link rel="stylesheet" href="/surveyjs/survey-core.fontless.min.css">
</head>
<body>
<main>
<h1>Benchmark host page: SurveyJS</h1>
<div id="survey"></div>
</main>
<script src="/surveyjs/survey.core.min.js"></script>
<script src="/surveyjs/survey-js-ui.min.js"></script>
<script>window.BENCH_SURVEY = {setup};</script>
<script>{script}</script>
</body>
</html>
"#,
        head = head("surveyjs", "SurveyJS benchmark"),
        script = include_str!("../bench/surveyjs-page.js"),
    )
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

/// The questionnaire in our content's language `LANGUAGE`.
fn text(localized: &Value) -> Value {
    localized[LANGUAGE].clone()
}

/// The SurveyJS survey for `content/social-maturity.json`: one radiogroup per
/// page, the question's dimension as its description, answers required as
/// ours are, levels 1-4 as values plus "Don't know" where ours offers it, and
/// a progress bar like ours. SurveyJS's own completion page is off: the page
/// shows a result instead (bench/surveyjs-page.js).
fn surveyjs_json(repo: &Path) -> Value {
    let content = read_json(&repo.join("content/social-maturity.json"));
    let ui = read_json(&repo.join("content/ui.json"));
    let dimension_name = |id: &Value| {
        content["dimensions"]
            .as_array()
            .and_then(|ds| ds.iter().find(|d| d["id"] == *id))
            .map(|d| text(&d["name"]))
            .unwrap_or_default()
    };
    let pages: Vec<Value> = content["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| {
            let mut choices: Vec<Value> = q["options"]
                .as_array()
                .expect("options")
                .iter()
                .enumerate()
                .map(|(i, option)| json!({ "value": i + 1, "text": text(option) }))
                .collect();
            if q["dont_know"].as_bool().unwrap_or(false) {
                choices.push(json!({ "value": "dont-know", "text": ui[LANGUAGE]["dont_know"] }));
            }
            json!({
                "name": format!("page-{}", q["id"].as_str().unwrap_or_default()),
                "elements": [{
                    "type": "radiogroup",
                    "name": q["id"],
                    "title": text(&q["text"]),
                    "description": dimension_name(&q["dimension"]),
                    "isRequired": true,
                    "choices": choices,
                }],
            })
        })
        .collect();
    json!({
        "title": text(&content["title"]),
        "description": text(&content["intro"]),
        "showProgressBar": "top",
        "showCompletedPage": false,
        "pages": pages,
    })
}

/// What the SurveyJS page's result needs: phases and dimensions with their
/// questions, in `LANGUAGE`.
fn result_model(repo: &Path) -> Value {
    let content = read_json(&repo.join("content/social-maturity.json"));
    let questions = content["questions"].as_array().expect("questions");
    let phases: Vec<Value> = content["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .map(|p| json!({ "name": text(&p["name"]), "description": text(&p["description"]) }))
        .collect();
    let dimensions: Vec<Value> = content["dimensions"]
        .as_array()
        .expect("dimensions")
        .iter()
        .map(|d| {
            let own: Vec<&Value> = questions
                .iter()
                .filter(|q| q["dimension"] == d["id"])
                .map(|q| &q["id"])
                .collect();
            let levels: Vec<Value> = d["levels"]
                .as_array()
                .expect("levels")
                .iter()
                .map(text)
                .collect();
            json!({ "name": text(&d["name"]), "questions": own, "levels": levels })
        })
        .collect();
    json!({ "phases": phases, "dimensions": dimensions })
}

/// A file served gzip -9 encoded, with its type from its extension.
fn gzip_file(path: &Path) -> Page {
    let body = fs::read(path).unwrap_or_else(|e| {
        panic!(
            "read {}: {e} (run scripts/bench.sh, which builds dist/ and installs the npm packages)",
            path.display()
        )
    });
    gzip_page(mime_type(path), body)
}

/// `body` gzip -9 encoded (by the gzip CLI, as scripts/size.sh measures),
/// served with `Content-Encoding: gzip`.
fn gzip_page(content_type: &str, body: Vec<u8>) -> Page {
    let mut gzip = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gzip");
    let mut stdin = gzip.stdin.take().expect("gzip's stdin");
    // Written from another thread: gzip's output pipe could fill while we
    // are still writing its input.
    let writer = std::thread::spawn(move || stdin.write_all(&body));
    let output = gzip.wait_with_output().expect("gzip output");
    writer.join().expect("gzip writer").expect("write to gzip");
    assert!(output.status.success(), "gzip failed");
    Page::new(content_type, output.stdout).with_header("Content-Encoding", "gzip")
}

/// One figure of the table: how to read it from a sample, its unit and
/// how many decimals it is shown with.
struct Figure {
    label: &'static str,
    unit: &'static str,
    decimals: usize,
    value: fn(&Value) -> f64,
}

const FIGURES: &[Figure] = &[
    Figure {
        label: "the host page's own first paint (first-contentful-paint)",
        unit: "ms",
        decimals: 0,
        value: |s| num(&s["times"]["pageFirstPaint"]),
    },
    Figure {
        label: "first screen visible (ours: the prerendered intro)",
        unit: "ms",
        decimals: 0,
        value: |s| num(&s["times"]["firstScreen"]),
    },
    Figure {
        label: "widget running (ours: start button usable)",
        unit: "ms",
        decimals: 0,
        value: |s| num(&s["times"]["usable"]),
    },
    Figure {
        label: "layout shift, load → first question",
        unit: "",
        decimals: 3,
        value: |s| num(&s["layoutShift"]),
    },
    Figure {
        label: "long tasks (over 50 ms), load → first question",
        unit: "",
        decimals: 0,
        value: |s| num(&s["longTasks"]["count"]),
    },
    Figure {
        label: "their total time, load → first question",
        unit: "ms",
        decimals: 0,
        value: |s| num(&s["longTasks"]["total"]),
    },
    Figure {
        label: "first question's radios visible",
        unit: "ms",
        decimals: 0,
        value: |s| num(&s["times"]["firstQuestion"]),
    },
    Figure {
        label: "last answer submitted → verdict visible (the phase)",
        unit: "ms",
        decimals: 0,
        value: |s| num(&s["times"]["result"]) - num(&s["times"]["submit"]),
    },
    Figure {
        label: "last answer submitted → whole result visible",
        unit: "ms",
        decimals: 0,
        value: |s| num(&s["times"]["resultWhole"]) - num(&s["times"]["submit"]),
    },
    Figure {
        label: "JS heap used after the result",
        unit: "KiB",
        decimals: 0,
        value: |s| num(&s["heap"]["usedSize"]) / 1024.0,
    },
    Figure {
        label: "wasm linear memory",
        unit: "KiB",
        decimals: 0,
        value: |s| num(&s["wasmMemory"]) / 1024.0,
    },
    Figure {
        label: "JS heap + wasm memory",
        unit: "KiB",
        decimals: 0,
        value: |s| (num(&s["heap"]["usedSize"]) + num(&s["wasmMemory"])) / 1024.0,
    },
    Figure {
        label: "bytes transferred to the result: the respondent's (gzip, with headers)",
        unit: "KiB",
        decimals: 0,
        value: |s| num(&s["bytes"]["transfer"]) / 1024.0,
    },
    Figure {
        label: "bytes transferred once the group view shows: the facilitator's",
        unit: "KiB",
        decimals: 0,
        value: |s| num(&s["facilitatorBytes"]) / 1024.0,
    },
    Figure {
        label: "bytes decoded (uncompressed)",
        unit: "KiB",
        decimals: 0,
        value: |s| num(&s["bytes"]["decoded"]) / 1024.0,
    },
    Figure {
        label: "requests",
        unit: "",
        decimals: 0,
        value: |s| num(&s["bytes"]["requests"]),
    },
    Figure {
        label: "calibration loop (checks throttling)",
        unit: "ms",
        decimals: 0,
        value: |s| num(&s["calibration"]),
    },
];

fn num(value: &Value) -> f64 {
    value.as_f64().unwrap_or(f64::NAN)
}

/// Median, minimum and maximum of `values`.
fn stats(values: &mut [f64]) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let median = if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    };
    (median, values[0], values[n - 1])
}

fn print_table(samples: &[Vec<Vec<Value>>], loads: usize, latency: u32) {
    let chromium = Command::new("chromium")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    println!();
    let network = if latency > 0 {
        format!("{latency} ms added to each round trip; ")
    } else {
        String::new()
    };
    println!(
        "{loads} cold loads per page and CPU rate; {network}{chromium}; median (min–max); ratio = ours / SurveyJS medians."
    );
    println!(
        "Results shown: ours \"{}\", SurveyJS \"{}\".",
        result_of(samples, 0),
        result_of(samples, 1)
    );
    println!();
    println!("| figure | CPU | ours | SurveyJS | ours / SurveyJS |");
    println!("|---|---|---|---|---|");
    for figure in FIGURES {
        for (r, rate) in RATES.iter().enumerate() {
            let cell = |k: usize| {
                let mut values: Vec<f64> = samples[r][k].iter().map(figure.value).collect();
                stats(&mut values)
            };
            let (ours, surveyjs) = (cell(0), cell(1));
            let unit = if figure.unit.is_empty() {
                String::new()
            } else {
                format!(" {}", figure.unit)
            };
            let d = figure.decimals;
            let show = |(median, min, max): (f64, f64, f64)| {
                if median.is_nan() {
                    // A figure the page has no such thing for.
                    "–".to_owned()
                } else if min == max {
                    format!("{median:.d$}{unit}")
                } else {
                    format!("{median:.d$}{unit} ({min:.d$}–{max:.d$})")
                }
            };
            let ratio = if surveyjs.0 > 0.0 && ours.0.is_finite() {
                format!("{:.2}", ours.0 / surveyjs.0)
            } else {
                "–".to_owned()
            };
            println!(
                "| {} | {rate}x | {} | {} | {ratio} |",
                figure.label,
                show(ours),
                show(surveyjs)
            );
        }
    }
}

/// The result text the page of `kind` showed (the same on every load).
fn result_of(samples: &[Vec<Vec<Value>>], kind: usize) -> String {
    samples[0][kind]
        .first()
        .and_then(|s| s["result"].as_str())
        .unwrap_or_default()
        .to_owned()
}
