//! The widget as a guest on other people's pages: the documented snippet on
//! another origin, a hostile stylesheet, a strict Content-Security-Policy,
//! two widgets side by side, the events a host listens to, and attributes
//! changed after mount.
//!
//! Widgets are driven through their shadow roots with clicks; the keyboard
//! path is `keyboard`'s job.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::server::{Page, StaticServer};
use crate::support::webdriver::{Browser, fresh_temp_dir, wait_until};
use crate::{crate_dir, dist};

/// Loading and compiling the release wasm in a cold Chromium.
pub(crate) const APP_START: Duration = Duration::from_secs(20);

/// One step of the quiz: a click and a re-render.
const STEP: Duration = Duration::from_secs(5);

/// The brief's case B with question 8 answered "don't know": Experimental,
/// capped by monitoring, uneven.
pub(crate) const CASE_B: [&str; 12] = [
    "4",
    "4",
    "3",
    "3",
    "3",
    "3",
    "3",
    "dont-know",
    "1",
    "1",
    "3",
    "2",
];

/// `widgets(document)`: every widget on the page in document order, those
/// in other elements' open shadow roots included (a component's, say).
const WIDGETS: &str = r#"
const widgets = (root) => [...root.querySelectorAll('*')].flatMap((e) =>
  e.localName === 'maturity-quiz' ? [e] : e.shadowRoot ? widgets(e.shadowRoot) : []);
"#;

/// Prepended to every script after [`WIDGETS`]: `root` is the shadow root
/// of the widget whose index (in `widgets(document)`) is the script's first
/// argument.
const PRELUDE: &str = r#"
const host = widgets(document)[arguments[0]];
const root = host && host.shadowRoot;
const q = (s) => (root ? root.querySelector(s) : null);
const text = (s) => { const e = q(s); return e ? e.textContent.replace(/\s+/g, ' ').trim() : null; };
"#;

const STATE_JS: &str = r#"
const checked = q('input[type=radio]:checked');
return {
  // The prerendered intro is there before the widget runs, marked busy.
  ready: !!q('.mq:not([aria-busy])'),
  lang: q('.mq') && q('.mq').lang,
  start: text('.mq-start'),
  progress: text('.mq-progress'),
  checked: checked && checked.value,
  phase: text('.mq-phase-name'),
  profile: !!q('.mq-profile'),
  result: !!q('.mq-result'),
  capped: text('.mq-note-capped'),
  failure: text('.mq-crash') || text('.mq-load-error'),
};
"#;

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
}

/// A host page with the snippet in its head, `head` after it, and `body`.
pub(crate) fn host_page(origin: &str, head: &str, body: &str) -> Page {
    Page::html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Host</title>\
         <script type=\"module\" src=\"{origin}/embed.js\"></script>{head}</head><body>{body}</body></html>"
    ))
}

/// A browser on one host page, keeping the servers it needs alive.
pub(crate) struct Visit {
    pub(crate) browser: Browser,
    _servers: Vec<StaticServer>,
}

impl Visit {
    /// Opens `url` and waits for every widget on it to render.
    pub(crate) fn open(url: &str, servers: Vec<StaticServer>) -> Visit {
        let visit = Visit {
            browser: Browser::start(),
            _servers: servers,
        };
        visit.goto(url);
        visit
    }

    /// The servers this visit keeps alive, in the order given.
    pub(crate) fn servers(&self) -> &[StaticServer] {
        &self._servers
    }

    /// Goes to `url` and waits for every widget on it to render.
    ///
    /// Unless only the fragment changes (the same document stays), the old
    /// document is marked first and the wait lasts until the mark is gone:
    /// WebKit's driver may answer a navigation to the same URL while the old
    /// page still shows, whose widgets look ready.
    pub(crate) fn goto(&self, url: &str) {
        let page = |url: &str| url.split('#').next().unwrap_or_default().to_owned();
        if url.contains('#') && page(url) == page(&self.browser.current_url()) {
            self.browser.goto(url);
            self.wait_ready();
            return;
        }
        self.browser
            .execute("window.mqLeftBehind = true; return null;", vec![]);
        self.browser.goto(url);
        wait_until(APP_START, "the new page", || {
            match self
                .browser
                .execute("return window.mqLeftBehind === true;", vec![])
            {
                Value::Bool(false) => Ok(()),
                other => Err(format!("old page still there: {other}")),
            }
        });
        self.wait_ready();
    }

    /// Waits for every widget on the page to render; panics if one shows an
    /// error.
    pub(crate) fn wait_ready(&self) {
        let count = self.browser.execute(
            &format!("{WIDGETS}return widgets(document).length;"),
            vec![],
        );
        for i in 0..count.as_u64().unwrap_or(0) as usize {
            wait_until(APP_START, &format!("widget {i} to render"), || {
                let state = self.state(i);
                if let Some(failure) = state["failure"].as_str() {
                    panic!("widget {i} shows an error: {failure}");
                }
                if state["ready"] == true {
                    Ok(())
                } else {
                    Err(state.to_string())
                }
            });
        }
    }

    /// Opens `path` on the host pages' site.
    fn host(sites: Sites, path: &str) -> Visit {
        let url = sites.pages.url(path);
        Visit::open(&url, vec![sites.widget, sites.pages])
    }

    /// Waits for the background questions' screen of `widget`.
    pub(crate) fn wait_for_background(&self, widget: usize) {
        wait_until(STEP, "the background questions", || {
            let state = self.state(widget);
            if state["profile"] == true {
                Ok(())
            } else {
                Err(state.to_string())
            }
        });
    }

    /// Goes to a fresh copy of `url`, with no saved progress, and waits for
    /// its widgets.
    pub(crate) fn fresh(&self, url: &str) {
        self.browser
            .execute("try { localStorage.clear(); } catch (e) {}", vec![]);
        self.goto(url);
    }

    /// A full-page screenshot at `width` px, for people to look at:
    /// `test-output/<engine>/<name>-<width>.png`.
    pub(crate) fn screenshot(&self, name: &str, width: u32) {
        let path = crate_dir()
            .join("test-output")
            .join(self.browser.engine().name())
            .join(format!("{name}-{width}.png"));
        self.browser.set_window_size(width, 900);
        self.browser.full_page_screenshot(&path);
        println!("screenshot: {}", path.display());
    }

    pub(crate) fn run(&self, widget: usize, script: &str) -> Value {
        self.browser
            .execute(&format!("{WIDGETS}{PRELUDE}{script}"), vec![json!(widget)])
    }

    pub(crate) fn state(&self, widget: usize) -> Value {
        self.run(widget, STATE_JS)
    }

    pub(crate) fn click(&self, widget: usize, selector: &str) {
        let found = self.run(
            widget,
            &format!("const e = q({selector:?}); if (e) e.click(); return !!e;"),
        );
        assert_eq!(
            found,
            json!(true),
            "widget {widget} has no {selector}: {}",
            self.state(widget)
        );
    }

    pub(crate) fn start(&self, widget: usize) {
        self.click(widget, ".mq-start");
        wait_until(STEP, "the first question", || {
            let state = self.state(widget);
            if state["progress"].is_string() {
                Ok(())
            } else {
                Err(state.to_string())
            }
        });
    }

    /// Picks `value` ("1".."4" or "dont-know") and continues.
    pub(crate) fn answer(&self, widget: usize, value: &str) {
        let before = self.state(widget)["progress"].clone();
        self.click(widget, &format!("input[value=\"{value}\"]"));
        self.click(widget, ".mq-continue");
        wait_until(STEP, "the next screen", || {
            let state = self.state(widget);
            if state["progress"] != before {
                Ok(())
            } else {
                Err(state.to_string())
            }
        });
    }

    /// Answers every question, skips the background questions, and returns
    /// the phase shown.
    pub(crate) fn complete(&self, widget: usize, answers: &[&str]) -> String {
        self.start(widget);
        for answer in answers {
            self.answer(widget, answer);
        }
        self.profile(widget, &[])
    }

    /// On the background questions' screen (waiting for it), picks each
    /// value of `choices` (an answer's id, or "" for "prefer not to say")
    /// in the question it belongs to, goes on, and returns the phase shown
    /// (empty for too few answers). With no background questions to ask,
    /// only waits for the result.
    pub(crate) fn profile(&self, widget: usize, choices: &[&str]) -> String {
        wait_until(STEP, "the background questions or the result", || {
            let state = self.state(widget);
            if state["profile"] == true || state["result"] == true {
                Ok(())
            } else {
                Err(state.to_string())
            }
        });
        if self.state(widget)["profile"] == true {
            for (i, choice) in choices.iter().enumerate() {
                self.click(
                    widget,
                    &format!(
                        ".mq-profile-question:nth-of-type({}) input[value=\"{choice}\"]",
                        i + 1
                    ),
                );
            }
            self.click(widget, ".mq-profile .mq-continue");
        }
        wait_until(STEP, "the result", || {
            let state = self.state(widget);
            if state["result"] == true {
                Ok(state["phase"].as_str().unwrap_or_default().to_owned())
            } else {
                Err(state.to_string())
            }
        })
    }
}

#[test]
fn e2e_snippet_on_another_origin_mounts_and_completes() {
    let sites = Sites::new(|origin| {
        let body = r#"<h1>A blog post</h1><maturity-quiz lang="en"></maturity-quiz>"#;
        vec![("/", host_page(origin, "", body))]
    });
    assert_ne!(sites.pages.origin(), sites.widget.origin(), "two origins");
    let visit = Visit::host(sites, "/");
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
    let visit = Visit::host(sites, "/plain");
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
    assert_eq!(visit.complete(0, &CASE_B), "Experimenteel");
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
        "default-src 'self'; script-src 'self' {origin} 'wasm-unsafe-eval'; style-src 'self' {origin}; connect-src 'self' {origin}"
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
    let visit = Visit::host(sites, "/");
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
    wait_until(STEP, "both widgets back on question 1", || {
        let (a, b) = (visit.state(0), visit.state(1));
        if a["progress"] == "Vraag 1 van 12" && b["progress"] == "Question 1 of 12" {
            Ok(())
        } else {
            Err(format!("{a} {b}"))
        }
    });
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
    let visit = Visit::host(sites, "/");
    assert_eq!(visit.complete(0, &CASE_B), "Experimental");
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
    let visit = Visit::host(sites, "/");
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
        wait_until(STEP, what, || {
            match visit.run(0, &format!("return !!({condition});")) {
                Value::Bool(true) => Ok(()),
                other => Err(other.to_string()),
            }
        })
    };
    assert_eq!(visit.complete(0, &CASE_B), "Experimental");
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
        "q('.mq-result') && !q('.mq-shared')",
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
    let visit = Visit::host(sites, "/");
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
    wait_until(STEP, "the widget in English", || {
        let state = visit.state(0);
        if state["lang"] == "en" && state["start"] == "Start the questionnaire" {
            Ok(())
        } else {
            Err(state.to_string())
        }
    });

    let background = || style(".mq", "background-color");
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
        wait_until(STEP, &what, || {
            let seen = background();
            if seen == expected {
                Ok(())
            } else {
                Err(seen.to_string())
            }
        });
    }
}
