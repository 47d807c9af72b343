//! The WCAG 2.2 AA audit: axe-core (pinned in package.json) run inside the
//! page, shadow roots included, on every screen of the widget, in both
//! languages and both themes. No rule is disabled.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use mq_core::benchmark::Benchmark;
use mq_core::group::Group;

use crate::support::cases::values;
use crate::support::server::{Gate, Page, StaticServer};
use crate::support::visit::{APP_START, STEP, Visit};
use crate::{crate_dir, dist};

/// The host page's privacy line on every audited widget.
const HOST_LINE: &str = "We keep your result to combine the poll's outcomes.";

/// axe-core's tags for WCAG 2.0, 2.1 and 2.2, levels A and AA.
const WCAG_AA: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']";

/// Too few answers for a result.
const TOO_FEW: [&str; 12] = [
    "1",
    "1",
    "1",
    "1",
    "1",
    "dont-know",
    "dont-know",
    "dont-know",
    "dont-know",
    "dont-know",
    "dont-know",
    "dont-know",
];

/// What the audit pastes into the group view: old and new codes, some of
/// them refused, over three sectors and no sector, each segment too small
/// to compare.
fn group_lines() -> Vec<String> {
    let q = mq_core::model::Questionnaire::built_in();
    let mut lines: Vec<String> = [
        "13.BnE43A",
        "13.AAAAAA",
        "nonsense",
        "13.qqqqqq",
        "13.VVVVVV",
    ]
    .map(String::from)
    .to_vec();
    for i in 0..12u8 {
        let answers = vec![
            Some(mq_core::model::Answer::Level(mq_core::model::Level(
                i % 4 + 1
            )));
            12
        ];
        let sector = [Some(0), Some(1), Some(2)][usize::from(i % 3)].filter(|_| i != 11);
        lines.push(mq_core::exchange::code::encode(
            &q,
            &answers,
            &[sector, None],
        ));
    }
    lines
}

/// A benchmark of the group view's lines, as the group view would download
/// it.
fn poll() -> String {
    let q = mq_core::model::Questionnaire::built_in();
    let group = Group::read(&q, &group_lines().join("\n"), &[]);
    Benchmark::of(&q, &group, "Audit 2026", "2026-12-01").to_json()
}

/// How a page's widget is set up for one of the screens.
#[derive(Clone, Copy)]
enum Setup {
    /// The built-in questionnaire.
    Plain,
    /// Storage throws, as in a browser that blocks site data.
    Blocked,
    /// A site owner's broken questionnaire: the error box.
    Broken,
    /// Only the group view (`mode="group"`).
    Group,
    /// The built-in questionnaire with a poll to compare results with.
    Benchmark,
}

/// A page with one widget in `lang` and `theme`, set up as `setup`, with
/// axe loaded.
fn page(lang: &str, theme: &str, setup: Setup) -> Page {
    let (block, src) = match setup {
        Setup::Plain => ("", ""),
        Setup::Blocked => (r#"<script src="/block-storage.js"></script>"#, ""),
        Setup::Broken => ("", r#" src="/broken.json""#),
        Setup::Group => ("", r#" mode="group""#),
        Setup::Benchmark => ("", r#" benchmark="/benchmark.json""#),
    };
    // Every widget carries the host page's own privacy line, with a link
    // in the colour around it (a page's own styling), so that the intro and
    // the background screen are audited with it.
    Page::html(format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Audit</title>
<style>[slot=privacy] a {{ color: inherit; }}</style>
{block}<script src="/axe.js"></script><script type="module" src="/embed.js"></script></head>
<body><main><maturity-quiz lang="{lang}" theme="{theme}"{src}><span slot="privacy">{HOST_LINE} <a href="/privacy">Privacy</a>.</span></maturity-quiz></main></body></html>"#
    ))
}

/// axe-core, for a page to load as `/axe.js`.
pub(crate) fn axe_script() -> Page {
    let axe = std::fs::read(crate_dir().join("node_modules/axe-core/axe.min.js"))
        .expect("node_modules/axe-core is missing: run scripts/setup.sh (npm ci)");
    Page::new("text/javascript", axe)
}

/// What one audit found: the violations (to be none) and the rules that ran.
#[derive(Default)]
pub(crate) struct Audit {
    pub(crate) violations: Vec<String>,
    pub(crate) rules: BTreeSet<String>,
}

/// Runs axe on the whole page (which loads it as `/axe.js`, served by
/// [`axe_script`]) and records what it says about `screen`.
pub(crate) fn audit(visit: &Visit, screen: &str, found: &mut Audit) {
    let result = visit.browser.execute(
        &format!(
            "return axe.run(document, {{ runOnly: {{ type: 'tag', values: {WCAG_AA} }} }}).then((r) => ({{
               violations: r.violations.map((v) => `${{v.id}} (${{v.impact}}): ${{v.help}}; ` +
                 v.nodes.map((n) => n.target.join(' > ') + ' ' + n.failureSummary).join(' | ')),
               rules: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id),
             }}));"
        ),
        vec![],
    );
    for violation in result["violations"].as_array().into_iter().flatten() {
        found.violations.push(format!(
            "{screen}: {}",
            violation.as_str().unwrap_or_default()
        ));
    }
    found.rules.extend(
        result["rules"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(String::from),
    );
}

#[test]
fn e2e_every_screen_passes_axe_wcag_22_aa_in_both_languages_and_themes() {
    let broken = std::fs::read(crate_dir().join("tests/fixtures/questionnaires/broken-rules.json"))
        .expect("the broken questionnaire fixture");
    let mut server = StaticServer::builder(dist())
        .page("/axe.js", axe_script())
        .page("/broken.json", Page::new("application/json", broken))
        .page("/benchmark.json", Page::new("application/json", poll()))
        .page(
            "/block-storage.js",
            Page::new(
                "text/javascript",
                "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });",
            ),
        );
    let combinations: Vec<(&str, &str)> = ["nl", "en"]
        .into_iter()
        .flat_map(|l| [(l, "light"), (l, "dark")])
        .collect();
    for (lang, theme) in &combinations {
        for (suffix, setup) in [
            ("", Setup::Plain),
            ("-blocked", Setup::Blocked),
            ("-broken", Setup::Broken),
            ("-group", Setup::Group),
            ("-benchmark", Setup::Benchmark),
        ] {
            server = server.page(
                &format!("/{lang}-{theme}{suffix}.html"),
                page(lang, theme, setup),
            );
        }
    }
    let server = server.start();
    let urls: Vec<(String, String, String, String, String, String)> = combinations
        .iter()
        .map(|(lang, theme)| {
            (
                format!("{lang} {theme}"),
                server.url(&format!("/{lang}-{theme}.html")),
                server.url(&format!("/{lang}-{theme}-blocked.html")),
                server.url(&format!("/{lang}-{theme}-broken.html")),
                server.url(&format!("/{lang}-{theme}-group.html")),
                server.url(&format!("/{lang}-{theme}-benchmark.html")),
            )
        })
        .collect();
    let visit = Visit::open("about:blank", vec![server]);
    let mut found = Audit::default();
    let mut screens = 0;
    for (name, url, blocked, broken, group, compared) in &urls {
        let mut scan = |screen: &str, found: &mut Audit| {
            audit(&visit, &format!("{name}, {screen}"), found);
            screens += 1;
        };
        visit.fresh(url);
        scan("intro", &mut found);
        visit.start(0);
        scan("question", &mut found);
        visit.click(0, ".mq-continue");
        visit.wait_shown(0, STEP, ".mq-error-summary");
        scan("question with its error", &mut found);
        for (screen, answers) in [
            ("result", values("case-a")),
            ("provisional result", values("case-c")),
            ("uneven, capped result", values("case-b-dont-know")),
            ("too few answers", TOO_FEW.map(String::from).to_vec()),
        ] {
            visit.fresh(url);
            visit.start(0);
            for answer in &answers {
                visit.answer(0, answer);
            }
            if screen == "result" {
                visit.wait_shown(0, STEP, ".mq-profile");
                scan("background questions", &mut found);
            }
            visit.profile(0, &[]);
            scan(screen, &mut found);
        }
        // The result's share panel after a copy (copied or refused, either
        // way a status line), and the same result opened from its link.
        visit.fresh(url);
        visit.start(0);
        for answer in values("case-a") {
            visit.answer(0, &answer);
        }
        visit.profile(0, &["education", "10-49"]);
        visit.click(0, ".mq-copy-link");
        visit.wait_run(
            0,
            STEP,
            "the copy status",
            "return !!q('.mq-share-status').textContent;",
            |shown| shown == true,
        );
        scan("result with its share panel, after copying", &mut found);
        let link = visit.run(0, "return q('.mq-share-link').value;");
        visit.fresh(link.as_str().unwrap_or_default());
        visit.wait_shown(0, STEP, ".mq-shared");
        scan("shared result from a link", &mut found);
        visit.fresh("about:blank");
        visit.fresh(&format!("{url}#r=13.oops"));
        visit.wait_shown(0, STEP, ".mq-notice");
        scan("notice of an unreadable link", &mut found);
        visit.fresh(group);
        scan("group view", &mut found);
        visit.run(
            0,
            &format!(
                "q('.mq-group-paste').value = {}.join('\\n'); q('.mq-group-read').click();",
                json!(group_lines())
            ),
        );
        visit.wait_shown(0, STEP, ".mq-group-phases");
        visit.wait_shown(0, STEP, ".mq-segment");
        scan(
            "group view with results, segments and rejected lines",
            &mut found,
        );
        visit.fresh(compared);
        visit.start(0);
        for answer in values("case-b-dont-know") {
            visit.answer(0, &answer);
        }
        visit.profile(0, &["care", ""]);
        visit.wait_shown(0, STEP, ".mq-bar-marker");
        scan("result compared with a poll", &mut found);
        visit.fresh(blocked);
        scan("storage notice", &mut found);
        visit.fresh(broken);
        assert_eq!(
            visit.run(0, "return !!q('.mq-problems');"),
            json!(true),
            "the error box shows"
        );
        scan("error box for a broken questionnaire", &mut found);
    }
    println!(
        "axe-core: {screens} scans, {} distinct rules ran",
        found.rules.len()
    );
    assert!(
        found.rules.len() > 30,
        "axe ran only {} rules: {:?}",
        found.rules.len(),
        found.rules
    );
    assert!(
        found.violations.is_empty(),
        "{} violations:\n{}",
        found.violations.len(),
        found.violations.join("\n")
    );
}

/// The screens a visitor meets before the wasm runs, held back by the test
/// server: the prerendered intro, busy, in both languages and themes, and
/// the loading line of a group view.
#[test]
fn e2e_the_screens_before_the_wasm_pass_axe_wcag_22_aa() {
    let gate = Gate::new();
    let mut server = StaticServer::builder(dist())
        .page("/axe.js", axe_script())
        .hold("/maturity-quiz_bg.wasm", &gate)
        .hold("/maturity-quiz-group_bg.wasm", &gate);
    let mut pages = Vec::new();
    for lang in ["nl", "en"] {
        for theme in ["light", "dark"] {
            let path = format!("/{lang}-{theme}.html");
            server = server.page(&path, page(lang, theme, Setup::Plain));
            pages.push((
                format!("prerendered intro ({lang}, {theme})"),
                path,
                ".mq[aria-busy] .mq-start",
            ));
        }
        let path = format!("/{lang}-group.html");
        server = server.page(&path, page(lang, "light", Setup::Group));
        pages.push((format!("loading line ({lang})"), path, ".mq-loading"));
    }
    let server = server.start();
    let urls: Vec<(String, String, &str)> = pages
        .into_iter()
        .map(|(screen, path, shown)| (screen, server.url(&path), shown))
        .collect();
    let visit = Visit::open("about:blank", vec![server]);
    let mut found = Audit::default();
    for (screen, url, shown) in &urls {
        visit.browser.goto(url);
        visit.wait_run(
            0,
            APP_START,
            screen,
            &format!("return !!q({shown:?});"),
            |shown| shown == true,
        );
        audit(&visit, screen, &mut found);
        assert_eq!(
            visit.state(0)["ready"],
            false,
            "{screen}: still waiting for the wasm"
        );
    }
    gate.open();
    assert!(
        found.violations.is_empty(),
        "{} violations:\n{}",
        found.violations.len(),
        found.violations.join("\n")
    );
}
