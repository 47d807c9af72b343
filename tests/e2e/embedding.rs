//! The widget as a guest on other people's pages: the documented snippet on
//! another origin, a hostile stylesheet, a strict Content-Security-Policy,
//! two widgets side by side, the events a host listens to, and attributes
//! changed after mount.
//!
//! Widgets are driven through their shadow roots with clicks; the keyboard
//! path is `keyboard`'s job.

use serde_json::{Value, json};

use crate::support::cases::values;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{STEP, Visit, host_page};
use crate::support::webdriver::{fresh_temp_dir, wait_until};
use crate::{crate_dir, dist};

/// The widget's files on one origin (with the CORS header the README asks
/// site owners to send) and host pages, made by `pages` for the widget's
/// origin, on another.
struct Sites {
    widget: StaticServer,
    pages: StaticServer,
}

impl Sites {
    fn new(pages: impl FnOnce(&str) -> Vec<(&'static str, Page)>) -> Sites {
        let widget = StaticServer::builder(dist())
            .header("Access-Control-Allow-Origin", "*")
            .start();
        let mut builder = StaticServer::builder(fresh_temp_dir("mq-host"));
        for (path, page) in pages(&widget.origin()) {
            builder = builder.page(path, page);
        }
        Sites {
            widget,
            pages: builder.start(),
        }
    }

    /// A browser on `path` of the host pages' site, keeping both servers
    /// alive.
    fn visit(self, path: &str) -> Visit {
        let url = self.pages.url(path);
        Visit::open(&url, vec![self.widget, self.pages])
    }
}

#[test]
fn e2e_snippet_on_another_origin_mounts_and_completes() {
    let sites = Sites::new(|origin| {
        let body = r#"<h1>A blog post</h1><maturity-quiz lang="en"></maturity-quiz>"#;
        vec![("/", host_page(origin, "", body))]
    });
    assert_ne!(sites.pages.origin(), sites.widget.origin(), "two origins");
    let visit = sites.visit("/");
    assert_eq!(visit.complete(0, &["3"; 12]), "Functional");
    // The widget grows with its content: nothing inside scrolls.
    // Heights are compared to the pixel: scrollHeight is rounded to whole
    // pixels, which Firefox does upwards from a fractional layout height.
    let misfits = visit.run(
        0,
        "const scrolling = [...root.querySelectorAll('*')]
           .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight + 1)
           .map((e) => `.${e.className} scrolls ${e.scrollHeight} in ${e.clientHeight}`);
         const [height, content] = [host.getBoundingClientRect().height, q('.mq').scrollHeight];
         if (height < content - 1) scrolling.push(`host ${height} px tall, content ${content} px`);
         return scrolling;",
    );
    assert_eq!(misfits, json!([]), "no inner scrollbars, no fixed height");
}

/// Computed styles of the widget's question screen, for comparison.
const WIDGET_STYLES_JS: &str = r#"
const props = ['font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'color',
  'background-color', 'padding-top', 'padding-left', 'margin-top', 'margin-left', 'border-top-width',
  'border-top-style', 'box-sizing', 'text-transform', 'letter-spacing', 'text-align', 'display'];
const pick = (e, extra) => Object.fromEntries([...props, ...extra].map((p) => [p, getComputedStyle(e).getPropertyValue(p)]));
return {
  legend: pick(q('legend'), []),
  question: pick(q('.mq-question-text'), []),
  label: pick(q('label'), []),
  radio: pick(q('input[type=radio]'), ['width', 'height']),
  continue: pick(q('.mq-continue'), []),
  back: pick(q('.mq-back'), []),
};
"#;

/// A theme that styles every element it can reach, with !important.
const AGGRESSIVE_CSS: &str = "
html { font-size: 30px !important; }
*, *::before, *::after { box-sizing: content-box !important; }
body { font: italic 700 22px/3 'Comic Sans MS', cursive !important; color: #c0f !important;
  letter-spacing: 3px !important; text-transform: uppercase !important; text-align: center !important; }
button { background: hotpink !important; color: lime !important; padding: 30px !important;
  border: 5px dashed red !important; font-size: 40px !important; }
label { display: block !important; font-size: 35px !important; color: red !important; margin: 20px !important; }
fieldset { border: 10px solid orange !important; padding: 40px !important; }
legend { font-size: 50px !important; color: blue !important; }
input { width: 100px !important; height: 100px !important; margin: 30px !important; }
p, h2, h3 { margin: 80px !important; font-size: 44px !important; }
maturity-quiz { font-size: 30px !important; color: green !important; line-height: 4 !important; }
";

/// Computed styles of the host page's own elements.
const HOST_STYLES_JS: &str = r#"
const pick = (e) => Object.fromEntries(['font-size', 'color', 'background-color', 'padding-top', 'margin-top', 'box-sizing', 'display']
  .map((p) => [p, getComputedStyle(e).getPropertyValue(p)]));
return { button: pick(document.querySelector('.host-button')), label: pick(document.querySelector('.host-label')),
  text: pick(document.querySelector('.host-text')) };
"#;

const HOST_ELEMENTS: &str = r#"<p class="host-text">Host text</p><label class="host-label">Host label</label><button class="host-button">Host button</button>"#;

#[test]
fn e2e_host_styles_do_not_reach_in_and_ours_do_not_leak_out() {
    let sites = Sites::new(|origin| {
        let body = format!("{HOST_ELEMENTS}<maturity-quiz></maturity-quiz>");
        let sheet = r#"<link rel="stylesheet" href="/aggressive.css">"#;
        let without = format!(
            r#"<!doctype html><html lang="en"><head>{sheet}</head><body>{HOST_ELEMENTS}</body></html>"#
        );
        vec![
            ("/plain", host_page(origin, "", &body)),
            ("/aggressive", host_page(origin, sheet, &body)),
            ("/aggressive-without-widget", Page::html(without)),
            ("/aggressive.css", Page::new("text/css", AGGRESSIVE_CSS)),
        ]
    });
    let aggressive_url = sites.pages.url("/aggressive");
    let without_url = sites.pages.url("/aggressive-without-widget");
    let visit = sites.visit("/plain");
    visit.start(0);
    let plain = visit.run(0, WIDGET_STYLES_JS);

    // Same origin, so the widget resumes on the question it was on.
    visit.goto(&aggressive_url);
    assert_eq!(visit.state(0)["progress"], "Question 1 of 12");
    let aggressive = visit.run(0, WIDGET_STYLES_JS);
    // For people to look at: the widget untouched amid the host's theme.
    let shot = crate_dir()
        .join("test-output")
        .join(visit.browser.engine().name())
        .join("host-aggressive-1280.png");
    visit.browser.set_window_size(1280, 900);
    visit.browser.full_page_screenshot(&shot);
    println!("screenshot: {}", shot.display());
    assert_eq!(
        aggressive, plain,
        "the host's theme changed the widget (left: aggressive page, right: plain page)"
    );
    let hosted = visit.browser.execute(HOST_STYLES_JS, vec![]);
    assert_eq!(
        hosted["button"]["background-color"], "rgb(255, 105, 180)",
        "the host's button keeps its theme"
    );

    visit.browser.goto(&without_url);
    let alone = visit.browser.execute(HOST_STYLES_JS, vec![]);
    assert_eq!(hosted, alone, "the widget changed the host's own elements");
}

/// A page that loads the widget from `embed` under `policy`, recording every
/// policy violation in `window.violations` from its first script on.
fn csp_page(embed: &str, policy: &str) -> Page {
    Page::html(format!(
        r#"<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>CSP</title>
<script src="/violations.js"></script>
<script type="module" src="{embed}"></script></head>
<body><maturity-quiz></maturity-quiz></body></html>"#
    ))
    .with_header("Content-Security-Policy", policy)
}

/// Completes the quiz on `url` and checks that nothing broke the page's
/// policy; then proves the recorder hears a violation when there is one.
fn complete_without_violations(visit: &Visit, url: &str) {
    visit.goto(url);
    assert_eq!(
        visit.complete(0, &values("case-b-dont-know")),
        "Experimenteel"
    );
    let violations = || visit.browser.execute("return window.violations;", vec![]);
    assert_eq!(
        violations(),
        json!([]),
        "the widget broke the policy on {url}"
    );
    visit
        .browser
        .execute("document.body.setAttribute('style', 'color: red');", vec![]);
    wait_until(STEP, "the deliberate violation to be recorded", || {
        let seen = violations();
        if seen.as_array().is_some_and(|a| a.len() == 1) {
            Ok(())
        } else {
            Err(seen.to_string())
        }
    });
}

#[test]
fn e2e_strict_csp_pages_complete_without_a_violation() {
    let recorder = Page::new(
        "text/javascript",
        "window.violations = []; document.addEventListener('securitypolicyviolation', \
         (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));",
    );
    // Exactly the two policies the README gives: the widget on the page's own
    // origin, and on another one.
    let same_origin = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
    let widget = StaticServer::builder(dist())
        .header("Access-Control-Allow-Origin", "*")
        .page("/csp.html", csp_page("/embed.js", same_origin))
        .page("/violations.js", recorder.clone())
        .start();
    let origin = widget.origin();
    let cross_origin = format!(
        "default-src 'self'; script-src 'self' {origin} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' {origin}"
    );
    let pages = StaticServer::builder(fresh_temp_dir("mq-host"))
        .page(
            "/csp.html",
            csp_page(&format!("{origin}/embed.js"), &cross_origin),
        )
        .page("/violations.js", recorder)
        .start();
    let (same_url, cross_url) = (widget.url("/csp.html"), pages.url("/csp.html"));
    let visit = Visit::open("about:blank", vec![widget, pages]);
    complete_without_violations(&visit, &same_url);
    complete_without_violations(&visit, &cross_url);
}

#[test]
fn e2e_two_widgets_on_one_page_are_independent_and_load_once() {
    let sites = Sites::new(|origin| {
        let body =
            r#"<maturity-quiz lang="nl"></maturity-quiz><maturity-quiz lang="en"></maturity-quiz>"#;
        vec![("/", host_page(origin, "", body))]
    });
    let visit = sites.visit("/");
    assert_eq!(
        (
            visit.state(0)["lang"].clone(),
            visit.state(1)["lang"].clone()
        ),
        (json!("nl"), json!("en"))
    );
    visit.start(0);
    visit.answer(0, "3");
    assert!(
        visit.state(1)["start"].is_string(),
        "the second widget is still on its intro"
    );
    visit.start(1);
    visit.answer(1, "1");
    visit.click(0, ".mq-back");
    visit.click(1, ".mq-back");
    visit.wait_state(0, STEP, json!({ "progress": "Vraag 1 van 12" }));
    visit.wait_state(1, STEP, json!({ "progress": "Question 1 of 12" }));
    assert_eq!(visit.state(0)["progress"], "Vraag 1 van 12", "still there");
    assert_eq!(visit.state(0)["checked"], "3");
    assert_eq!(visit.state(1)["checked"], "1");
    let downloads = visit.browser.execute(
        "return performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()).filter((n) => n.startsWith('maturity-quiz'));",
        vec![],
    );
    let mut names: Vec<&str> = downloads
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["maturity-quiz_bg.wasm"],
        "each file fetched once for both widgets"
    );
}

#[test]
fn e2e_host_hears_start_answer_and_complete() {
    let listener = Page::new(
        "text/javascript",
        "window.heard = []; for (const type of ['maturity-quiz:start', 'maturity-quiz:answer', 'maturity-quiz:complete']) \
         document.addEventListener(type, (e) => heard.push({ type: e.type, target: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: e.detail }));",
    );
    let sites = Sites::new(|origin| {
        let body = r#"<div><maturity-quiz id="quiz" lang="en"></maturity-quiz></div>"#;
        vec![
            (
                "/",
                host_page(origin, r#"<script src="/listen.js"></script>"#, body),
            ),
            ("/listen.js", listener),
        ]
    });
    let visit = sites.visit("/");
    assert_eq!(
        visit.complete(0, &values("case-b-dont-know")),
        "Experimental"
    );
    // The complete event follows the result's render, in the same task or,
    // when yew yields to the browser after a long render, in the next one.
    let heard = wait_until(STEP, "the complete event", || {
        let heard = visit.browser.execute("return window.heard;", vec![]);
        match heard.as_array() {
            Some(events) if events.len() >= 14 => Ok(events.clone()),
            _ => Err(heard.to_string()),
        }
    });
    let heard = &heard;
    let types: Vec<&str> = heard.iter().map(|e| e["type"].as_str().unwrap()).collect();
    let mut expected = vec!["maturity-quiz:start"];
    expected.extend(["maturity-quiz:answer"; 12]);
    expected.push("maturity-quiz:complete");
    assert_eq!(types, expected);
    for event in heard {
        assert_eq!(
            (&event["target"], &event["bubbles"], &event["composed"]),
            (&json!("quiz"), &json!(true), &json!(true))
        );
    }
    let questionnaire = json!({ "id": "social-maturity", "version": 3 });
    assert_eq!(
        heard[0]["detail"],
        json!({ "questionnaire": questionnaire, "language": "en" })
    );
    assert_eq!(
        heard[8]["detail"],
        json!({ "questionnaire": questionnaire, "language": "en", "questionId": "q8", "questionNumber": 8, "answer": "dont-know" })
    );
    assert_eq!(heard[1]["detail"]["answer"], 4);
    // The completion detail is the JSON download without its format line.
    let mut expected = crate::downloads::case_b_json();
    expected.as_object_mut().unwrap().remove("format");
    expected["questionnaire"] = questionnaire;
    assert_eq!(heard[13]["detail"], expected);
}

#[test]
fn e2e_complete_is_sent_once_per_result() {
    // Kept per tab, so that the count spans the reload.
    let counter = Page::new(
        "text/javascript",
        "document.addEventListener('maturity-quiz:complete', (e) => { \
           const heard = JSON.parse(sessionStorage.getItem('completes') || '[]'); \
           heard.push(e.detail.phase.id); \
           sessionStorage.setItem('completes', JSON.stringify(heard)); });",
    );
    let sites = Sites::new(|origin| {
        let body = r#"<maturity-quiz lang="en"></maturity-quiz>"#;
        vec![
            (
                "/",
                host_page(origin, r#"<script src="/count.js"></script>"#, body),
            ),
            ("/count.js", counter),
        ]
    });
    let url = sites.pages.url("/");
    let visit = sites.visit("/");
    let heard = || {
        visit.browser.execute(
            "return JSON.parse(sessionStorage.getItem('completes') || '[]');",
            vec![],
        )
    };
    let until_heard = |expected: Value| {
        wait_until(STEP, &format!("complete events {expected}"), || {
            let seen = heard();
            if seen == expected {
                Ok(())
            } else {
                Err(seen.to_string())
            }
        })
    };
    // Waits until `condition` (a script expression) holds.
    let until = |what: &str, condition: &str| {
        let script = format!("return !!({condition});");
        visit.wait_run(0, STEP, what, &script, |shown| shown == true);
    };
    assert_eq!(
        visit.complete(0, &values("case-b-dont-know")),
        "Experimental"
    );
    until_heard(json!(["experimental"]));
    let code = visit.run(0, "return q('.mq-share-code').value;");
    let code = code.as_str().expect("a code");

    // Resumed on the result: then the group view, a shared result by link
    // and back, and the group view by link. Each shows the result again, or
    // something over it; none is a new result.
    visit.goto(&url);
    assert_eq!(visit.state(0)["result"], true, "resumed on the result");
    visit.click(0, ".mq-open-group");
    let (group, own) = (
        "q('.mq-group-paste')",
        // The whole result, whose last part shows a frame after the phase.
        "q('.mq-result .mq-about') && !q('.mq-shared')",
    );
    until("the group view", group);
    visit.click(0, ".mq-group-back");
    until("the own result", own);
    visit.run(0, &format!("location.hash = '#r={code}&lang=en';"));
    until("the shared result", "q('.mq-shared')");
    visit.click(0, ".mq-leave-shared");
    until("the own result", own);
    visit.run(0, "location.hash = '#group';");
    until("the group view", group);
    visit.click(0, ".mq-group-back");
    until("the own result", own);

    // A new result is heard: after it, and in order, so any extra event
    // from the steps above would be among those heard by then.
    visit.click(0, ".mq-restart");
    until("the confirmation", "q('.mq-restart-yes')");
    visit.click(0, ".mq-restart-yes");
    assert_eq!(visit.complete(0, &["4"; 12]), "Transformation");
    until_heard(json!(["experimental", "transformation"]));
}

#[test]
fn e2e_attributes_and_theming_update_a_mounted_widget() {
    let theming = "maturity-quiz.branded { --mq-accent: rgb(164, 0, 91); --mq-radius: 0px; } \
                   maturity-quiz::part(intro) { border-top: 7px solid rgb(1, 2, 3); }";
    let sites = Sites::new(|origin| {
        let body = r#"<maturity-quiz class="branded" lang="nl"></maturity-quiz>"#;
        vec![
            (
                "/",
                host_page(origin, r#"<link rel="stylesheet" href="/theme.css">"#, body),
            ),
            ("/theme.css", Page::new("text/css", theming)),
        ]
    });
    let visit = sites.visit("/");
    let style = |selector: &str, property: &str| {
        visit.run(
            0,
            &format!("return getComputedStyle(q({selector:?})).getPropertyValue({property:?});"),
        )
    };
    assert_eq!(
        style(".mq-start", "background-color"),
        "rgb(164, 0, 91)",
        "--mq-accent themes the buttons"
    );
    assert_eq!(
        style(".mq-start", "border-top-left-radius"),
        "0px",
        "--mq-radius rounds the corners"
    );
    assert_eq!(
        style(".mq-intro", "border-top-width"),
        "7px",
        "::part(intro) reaches the intro"
    );

    visit.run(0, "host.setAttribute('lang', 'en');");
    visit.wait_state(
        0,
        STEP,
        json!({ "lang": "en", "start": "Start the questionnaire" }),
    );

    let background = "return getComputedStyle(q('.mq')).getPropertyValue('background-color');";
    let (dark, light) = ("rgb(20, 24, 29)", "rgb(255, 255, 255)");
    for (system_dark, theme, expected) in [
        (false, "dark", dark),
        (true, "light", light),
        (true, "auto", dark),
    ] {
        visit.browser.emulate_dark(system_dark);
        // WebKit reopens the page in the other scheme.
        visit.wait_ready();
        visit.run(0, &format!("host.setAttribute('theme', '{theme}');"));
        let what = format!(
            "theme={theme} on a {} system",
            if system_dark { "dark" } else { "light" }
        );
        visit.wait_run(0, STEP, &what, background, |seen| seen == expected);
    }
}
