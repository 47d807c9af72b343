//! Saved progress in a real browser: a reload resumes where the respondent
//! was; corrupt, outdated or tampered storage is discarded with a notice and
//! no panic, while a newer version's progress is left alone; widgets in two
//! components' shadow roots keep their own; blocked or full storage leaves a
//! quiz that works in memory and says so once.

use serde_json::json;

use crate::dist;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{STEP, Visit};

/// Where the first widget of the built-in questionnaire keeps its progress.
const KEY: &str = "maturity-quiz/social-maturity/v3";

/// Records console errors and uncaught errors from the page's first script
/// on: a panic would show up here.
const ERROR_RECORDER: &str = "window.errors = []; \
    const original = console.error; \
    console.error = (...args) => { errors.push(args.map(String).join(' ')); original(...args); }; \
    addEventListener('error', (e) => errors.push(String(e.message)));";

/// A Dutch page with `body`, recording errors, and running `/setup.js`
/// (the test's own) before the widget loads.
fn page(body: &str) -> String {
    format!(
        r#"<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Storage</title>
<script src="/errors.js"></script><script src="/setup.js"></script>
<script type="module" src="/embed.js"></script></head><body>{body}</body></html>"#
    )
}

/// Serves `dist/` with a page of one widget at `/quiz.html`, `setup` as its
/// setup script.
fn visit(setup: &str) -> (Visit, String) {
    visit_page("<maturity-quiz></maturity-quiz>", setup)
}

/// Serves `dist/` with a page of `body` at `/quiz.html`, `setup` as its
/// setup script.
fn visit_page(body: &str, setup: &str) -> (Visit, String) {
    let server = StaticServer::builder(dist())
        .page("/quiz.html", Page::html(page(body)))
        .page("/errors.js", Page::new("text/javascript", ERROR_RECORDER))
        .page("/setup.js", Page::new("text/javascript", setup.to_owned()))
        .start();
    let url = server.url("/quiz.html");
    (Visit::open(&url, vec![server]), url)
}

/// What the notice says that removed progress gets.
const DISCARDED: &str = "of waren niet te lezen, en zijn gewist";

/// The notice the first widget shows, or "".
fn notice(visit: &Visit) -> String {
    let shown = visit.run(0, "return q('.mq-notice') && q('.mq-notice').textContent;");
    shown.as_str().unwrap_or_default().to_owned()
}

fn errors(visit: &Visit) -> serde_json::Value {
    visit.browser.execute("return window.errors;", vec![])
}

#[test]
fn e2e_a_reload_resumes_on_the_next_question_with_every_answer() {
    let (visit, url) = visit("");
    visit.start(0);
    let given = ["1", "2", "3", "4", "dont-know"];
    for answer in given {
        visit.answer(0, answer);
    }
    visit.goto(&url);
    assert_eq!(
        visit.state(0)["progress"],
        "Vraag 6 van 12",
        "resumed on the 6th question"
    );
    for (n, answer) in given.iter().enumerate().rev() {
        visit.click(0, ".mq-back");
        wait_for_question(&visit, 0, n + 1);
        assert_eq!(
            visit.state(0)["checked"],
            *answer,
            "answer {} survived the reload",
            n + 1
        );
    }
    for answer in given {
        visit.answer(0, answer);
    }
    for _ in 6..=12 {
        visit.answer(0, "3");
    }
    visit.profile(0, &[]);
    // Strategy 1.5 (Ad hoc) caps a mean of 17/6 (Functioneel) at Experimenteel.
    visit.wait_state(0, STEP, json!({ "phase": "Experimenteel" }));
    assert_eq!(errors(&visit), json!([]));
}

#[test]
fn e2e_unreadable_progress_is_discarded_with_a_notice() {
    let garbage = "{\"format\": 1, \"answers\": [tru";
    let old_format = r#"{"format":0,"questionnaire":"social-maturity","version":2,"language":"nl","step":"intro","answers":[]}"#;
    let old_version = r#"{"format":1,"questionnaire":"social-maturity","version":0,"language":"nl","step":{"question":3},"answers":[1,1,1,1,null,null,null,null,null,null,null,null]}"#;
    let tampered = r#"{"format":1,"questionnaire":"social-maturity","version":2,"language":"nl","step":{"question":99},"answers":[9,1,1,1,null,null,null,null,null,null,null,null]}"#;
    let cases = [
        (KEY, garbage),
        (KEY, old_format),
        (KEY, old_version),
        (KEY, tampered),
        ("maturity-quiz/social-maturity/v0", old_version),
        // Progress saved before the content change of version 2 (issue 12).
        (
            "maturity-quiz/social-maturity/v1",
            &old_version.replace("\"version\":0", "\"version\":1"),
        ),
    ];
    let (visit, url) = visit("");
    for (key, value) in cases {
        visit.browser.execute(
            "localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(key), json!(value)],
        );
        visit.goto(&url);
        let state = visit.state(0);
        assert!(
            state["start"].is_string(),
            "{key} = {value}: starts on the intro; {state}"
        );
        let notice = notice(&visit);
        assert!(
            notice.contains(DISCARDED),
            "{key} = {value}: notice {notice}"
        );
        let left = visit.browser.execute(
            "return localStorage.getItem(arguments[0]);",
            vec![json!(key)],
        );
        assert_eq!(left, json!(null), "{key} = {value} was removed");
        assert_eq!(
            errors(&visit),
            json!([]),
            "{key} = {value}: no error, no panic"
        );
        visit.start(0);
        visit.answer(0, "2");
    }
}

/// Checks the intro says `notice`, then completes the quiz in memory.
fn complete_in_memory(visit: &Visit, expected: &str) {
    let shown = notice(visit);
    assert!(shown.contains(expected), "notice {shown}");
    assert_eq!(visit.complete(0, &["4"; 12]), "Transformatie");
    assert_eq!(errors(visit), json!([]));
}

#[test]
fn e2e_blocked_storage_still_completes_and_says_so() {
    // What a browser that blocks site data does: the getter itself throws.
    let (visit, _) = visit(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });",
    );
    complete_in_memory(&visit, "staat niet toe dat de vragenlijst iets bewaart");
}

#[test]
fn e2e_full_storage_says_so_once_and_completes() {
    let (visit, _) = visit(
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    );
    visit.start(0);
    let notice_js = "return q('.mq-notice') && q('.mq-notice').textContent;";
    let notice = || visit.run(0, notice_js);
    visit.wait_run(
        0,
        STEP,
        "the notice that nothing can be kept",
        notice_js,
        |shown| {
            shown
                .as_str()
                .is_some_and(|n| n.contains("staat niet toe dat de vragenlijst iets bewaart"))
        },
    );
    visit.answer(0, "4");
    assert_eq!(notice(), json!(null), "said once, gone with the next move");
    for _ in 2..=12 {
        visit.answer(0, "4");
    }
    visit.profile(0, &[]);
    assert_eq!(visit.state(0)["phase"], "Transformatie");
    assert_eq!(notice(), json!(null), "not said again");
    assert_eq!(errors(&visit), json!([]));
}

/// The sorted keys in storage and their values.
fn stored(visit: &Visit) -> serde_json::Value {
    visit.browser.execute(
        "return Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)]));",
        vec![],
    )
}

/// Waits until widget `widget` shows question `n` of 12 (in Dutch).
fn wait_for_question(visit: &Visit, widget: usize, n: usize) {
    visit.wait_state(
        widget,
        STEP,
        json!({ "progress": format!("Vraag {n} van 12") }),
    );
}

/// A component of the host page, as Lit or Stencil would make it: an open
/// shadow root with an id-less widget in it.
const CARD: &str = "customElements.define('quiz-card', class extends HTMLElement { \
    connectedCallback() { \
      if (this.shadowRoot) return; \
      this.attachShadow({ mode: 'open' }).append(document.createElement('maturity-quiz')); \
    } \
  });";

#[test]
fn e2e_widgets_in_two_shadow_roots_keep_their_own_progress() {
    let (visit, url) = visit_page("<quiz-card></quiz-card><quiz-card></quiz-card>", CARD);
    visit.start(0);
    visit.answer(0, "1");
    visit.start(1);
    visit.answer(1, "4");
    visit.answer(1, "3");
    let keys = visit
        .browser
        .execute("return Object.keys(localStorage).sort();", vec![]);
    assert_eq!(
        keys,
        json!([
            "maturity-quiz/social-maturity/v3#quiz-card.pos:0/pos:0",
            "maturity-quiz/social-maturity/v3#quiz-card.pos:1/pos:0",
        ]),
        "one key per component"
    );
    visit.goto(&url);
    wait_for_question(&visit, 0, 2);
    wait_for_question(&visit, 1, 3);
    visit.click(0, ".mq-back");
    wait_for_question(&visit, 0, 1);
    assert_eq!(visit.state(0)["checked"], "1", "the first card's answer");
    visit.click(1, ".mq-back");
    wait_for_question(&visit, 1, 2);
    assert_eq!(visit.state(1)["checked"], "3", "the second card's answer");
    assert_eq!(errors(&visit), json!([]));
}

#[test]
fn e2e_an_old_version_page_leaves_newer_progress_alone() {
    // A page that still serves version 1 for old codes, as the README
    // advises, in a browser that took version 2 (and 3) elsewhere on the
    // site, and has version 0 left over.
    let mut old: serde_json::Value = serde_json::from_str(mq_core::model::BUILT_IN_JSON).unwrap();
    old["version"] = 1.into();
    let body =
        format!(r#"<maturity-quiz><script type="application/json">{old}</script></maturity-quiz>"#);
    let progress = |version: u32| {
        json!({
            "format": 2, "questionnaire": "social-maturity", "version": version, "language": "nl",
            "step": { "question": 1 }, "answers": [2, null, null, null, null, null, null, null, null, null, null, null],
            "profile": {}
        })
        .to_string()
    };
    let newer = json!({
        "maturity-quiz/social-maturity/v2": progress(2),
        "maturity-quiz/social-maturity/v2#id:team-a": progress(2),
        "maturity-quiz/social-maturity/v3": progress(3),
    });
    let mut seeded = newer.clone();
    seeded["maturity-quiz/social-maturity/v0"] = progress(0).into();
    let setup = format!(
        "for (const [key, value] of Object.entries({seeded})) localStorage.setItem(key, value);"
    );
    let (visit, _) = visit_page(&body, &setup);
    let notice = notice(&visit);
    assert!(
        notice.contains(DISCARDED),
        "version 0 was removed, with a notice: {notice}"
    );
    assert_eq!(stored(&visit), newer, "versions 2 and 3 are untouched");
    visit.start(0);
    visit.answer(0, "3");
    let mut expected = newer;
    expected["maturity-quiz/social-maturity/v1"] =
        stored(&visit)["maturity-quiz/social-maturity/v1"].clone();
    assert!(
        expected["maturity-quiz/social-maturity/v1"].is_string(),
        "version 1 saves its own"
    );
    assert_eq!(stored(&visit), expected);
    assert_eq!(errors(&visit), json!([]));
}
