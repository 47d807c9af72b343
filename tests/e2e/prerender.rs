//! The first screen before the wasm: with the wasm's response held back by
//! the test server, the loader shows the intro the build prerendered, busy,
//! in the widget's language; the widget then takes over with the same
//! elements in the same place; a click made too early opens question 1
//! once the wasm runs, also on a page that enforces a strict CSP and Trusted
//! Types; and a widget whose first screen is not that intro (saved progress,
//! a result link, a group view, another questionnaire) shows a loading line
//! instead.

use serde_json::{Value, json};

use crate::dist;
use crate::support::cases::values;
use crate::support::server::{Gate, Page, StaticServer};
use crate::support::visit::{APP_START, Visit};
use crate::support::webdriver::wait_until;

/// The wasm, which the tests hold back.
const WASM: &str = "/maturity-quiz_bg.wasm";

/// The facilitator's wasm, which a page opening on the group view loads instead.
const GROUP_WASM: &str = "/maturity-quiz-group_bg.wasm";

/// The prerendered intro, while it waits for the widget: what it says and
/// how it is marked, or `null`.
const PRERENDERED_JS: &str = r#"
const start = q('.mq[aria-busy="true"] .mq-start');
return start && {
  lang: q('.mq').lang,
  start: text('.mq-start'),
  disabled: [...root.querySelectorAll('button')].every((b) => b.getAttribute('aria-disabled') === 'true'),
  loading: text('.mq-loading'),
};
"#;

/// The widget's elements as data (tag, sorted attributes but the two that
/// mark the prerender, children) and where its start button is drawn.
const SCREEN_JS: &str = r#"
const marks = ['aria-busy', 'aria-disabled'];
const canon = (n) => n.nodeType === 3 ? n.data : [n.localName,
  [...n.attributes].filter((a) => !marks.includes(a.name)).map((a) => a.name + '=' + a.value).sort(),
  ...[...n.childNodes].filter((c) => c.nodeType === 1 || c.nodeType === 3).map(canon)];
const box = q('.mq-start').getBoundingClientRect();
return { tree: canon(q('.mq')), start: [box.x, box.y, box.width, box.height] };
"#;

/// A page with one widget, `attributes` on it, the page in `lang`.
fn page(lang: &str, attributes: &str) -> Page {
    Page::html(format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Prerender</title>
<script src="/violations.js"></script><script type="module" src="/embed.js"></script></head>
<body><h1>Host</h1><maturity-quiz{attributes}></maturity-quiz></body></html>"#
    ))
}

/// Records policy violations from the page's first script on.
fn recorder() -> Page {
    Page::new(
        "text/javascript",
        "window.violations = []; document.addEventListener('securitypolicyviolation', \
         (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));",
    )
}

/// Waits for the prerendered intro of widget 0 and returns what it shows.
fn prerendered(visit: &Visit) -> Value {
    wait_until(APP_START, "the prerendered intro", || {
        let shown = visit.run(0, PRERENDERED_JS);
        if shown.is_object() {
            Ok(shown)
        } else {
            Err(visit
                .run(0, "return root && root.innerHTML.slice(0, 300);")
                .to_string())
        }
    })
}

#[test]
fn e2e_the_prerendered_intro_shows_before_the_wasm_and_becomes_the_same_screen() {
    let gate = Gate::new();
    let server = StaticServer::builder(dist())
        .page("/nl.html", page("nl", ""))
        .page("/en.html", page("nl", " lang=\"en-GB\""))
        .page("/violations.js", recorder())
        .hold(WASM, &gate)
        .start();
    // Dutch at a phone's width, English at a desktop's.
    let urls = [
        ("nl", "Begin de vragenlijst", server.url("/nl.html"), 360),
        (
            "en",
            "Start the questionnaire",
            server.url("/en.html"),
            1280,
        ),
    ];
    let visit = Visit::open("about:blank", vec![server]);
    // For people to look at: the prerender and the running widget.
    let picture = |name: &str| {
        let shot = crate::crate_dir()
            .join("test-output")
            .join(visit.browser.engine().name())
            .join(format!("{name}.png"));
        visit.browser.full_page_screenshot(&shot);
    };
    for (lang, start, url, width) in urls {
        visit.browser.set_window_size(width, 900);
        gate.close();
        visit.browser.goto(&url);
        let shown = prerendered(&visit);
        assert_eq!(
            shown,
            json!({ "lang": lang, "start": start, "disabled": true, "loading": null }),
            "{url}: the intro, busy, its buttons disabled, while the wasm is held"
        );
        assert_eq!(visit.state(0)["ready"], false, "{url}: not yet the widget");
        let before = visit.run(0, SCREEN_JS);
        picture(&format!("prerendered-intro-{lang}-{width}"));
        gate.open();
        visit.wait_ready();
        let after = visit.run(0, SCREEN_JS);
        picture(&format!("prerendered-intro-{lang}-{width}-running"));
        assert_eq!(
            after["tree"], before["tree"],
            "{url}: the widget renders the elements the prerender showed"
        );
        assert_eq!(
            after["start"], before["start"],
            "{url}: the start button stays where it was drawn"
        );
        assert_eq!(
            visit.run(0, "return root.querySelectorAll('.mq').length;"),
            1
        );
    }
    visit.browser.set_window_size(1280, 900);
}

#[test]
fn e2e_an_early_click_opens_question_1_under_a_strict_csp_and_trusted_types() {
    let gate = Gate::new();
    // The README's strict policy, and Trusted Types enforced: any HTML
    // parsing from a string (innerHTML and the like) would be refused.
    let policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                  require-trusted-types-for 'script'";
    let server = StaticServer::builder(dist())
        .page(
            "/strict.html",
            page("nl", "").with_header("Content-Security-Policy", policy),
        )
        .page("/violations.js", recorder())
        .hold(WASM, &gate)
        .start();
    let url = server.url("/strict.html");
    let visit = Visit::open("about:blank", vec![server]);
    visit.browser.goto(&url);
    prerendered(&visit);
    // Twice, as an impatient visitor would: it counts once.
    visit.click(0, ".mq-start");
    visit.click(0, ".mq-start");
    assert!(
        visit.state(0)["progress"].is_null(),
        "nothing moves before the wasm: {}",
        visit.state(0)
    );
    gate.open();
    // Question 1 after the early click.
    visit.wait_state(0, APP_START, json!({ "progress": "Vraag 1 van 12" }));
    for answer in values("case-b-dont-know") {
        visit.answer(0, &answer);
    }
    assert_eq!(visit.profile(0, &[]), "Experimenteel");
    assert_eq!(
        visit.browser.execute("return window.violations;", vec![]),
        json!([]),
        "the loader and the widget kept the policy"
    );
    // The policy is really enforced here: the page's own innerHTML is refused.
    let engine_has_trusted_types = visit.browser.execute(
        "if (!window.trustedTypes) return false;          try { document.body.innerHTML = '<b>refused</b>'; } catch (e) {} return true;",
        vec![],
    );
    if engine_has_trusted_types == true {
        wait_until(APP_START, "the deliberate Trusted Types violation", || {
            let seen = visit.browser.execute("return window.violations;", vec![]);
            if seen.to_string().contains("require-trusted-types-for") {
                Ok(())
            } else {
                Err(seen.to_string())
            }
        });
    } else {
        eprintln!("this engine has no Trusted Types; only the CSP was enforced");
    }
}

#[test]
fn e2e_other_first_screens_show_a_loading_line_instead() {
    let gate = Gate::new();
    let server = StaticServer::builder(dist())
        .page("/quiz.html", page("nl", ""))
        .page("/group.html", page("nl", " mode=\"group\""))
        .page("/custom.html", page("en", " src=\"/missing.json\""))
        .page("/violations.js", recorder())
        .hold(WASM, &gate)
        .hold(GROUP_WASM, &gate)
        .start();
    let quiz = server.url("/quiz.html");
    gate.open();
    let visit = Visit::open(&quiz, vec![server]);
    // Progress to resume: the first answer given.
    visit.start(0);
    visit.answer(0, "3");
    let cases = [
        (
            "saved progress",
            format!("{quiz}?again"),
            "De vragenlijst wordt geladen…",
        ),
        (
            "a result link",
            format!("{quiz}?link#r=AAAA"),
            "De vragenlijst wordt geladen…",
        ),
        (
            "a group view",
            quiz.replace("quiz.html", "group.html"),
            "De vragenlijst wordt geladen…",
        ),
        (
            "another questionnaire",
            quiz.replace("quiz.html", "custom.html"),
            "Loading the questionnaire…",
        ),
    ];
    for (case, url, loading) in cases {
        gate.close();
        visit.browser.goto(&url);
        let shown = visit.wait_run(
            0,
            APP_START,
            "the loading line",
            "return { loading: text('.mq-loading'), start: !!q('.mq-start') };",
            |shown| shown["loading"].is_string(),
        );
        assert_eq!(
            shown,
            json!({ "loading": loading, "start": false }),
            "{case}"
        );
        gate.open();
        wait_until(APP_START, "the widget", || {
            let state = visit.state(0);
            if state["ready"] == true
                || state["failure"].is_string()
                || visit.run(0, "return !!q('.mq-problems');") == true
            {
                Ok(())
            } else {
                Err(state.to_string())
            }
        });
        if case == "saved progress" {
            assert_eq!(
                visit.state(0)["progress"],
                "Vraag 2 van 12",
                "{case}: resumed"
            );
            visit
                .browser
                .execute("localStorage.clear(); return null;", vec![]);
        }
    }
}
