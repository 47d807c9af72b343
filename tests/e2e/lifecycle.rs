//! The widget in a single-page app: an element that is moved keeps its
//! widget, one that leaves the page ends its widget (app, listeners,
//! closures), and one that comes back resumes the saved progress. Fifty
//! visits to a page with the widget leave one live widget and no growing
//! memory.

use std::time::Duration;

use serde_json::{Value, json};

use crate::dist;
use crate::embedding::Visit;
use crate::support::server::{Page, StaticServer};
use crate::support::webdriver::wait_until;

/// One step of the quiz: a click and a re-render.
const STEP: Duration = Duration::from_secs(5);

/// The brief's case B as a result code (README, "The code").
const CASE_B_CODE: &str = "12.BnE43A";

/// Loaded before the loader on the host page: counts the `hashchange`
/// listeners on `window` that are still registered, and keeps the widget's
/// wasm memory so that the test can read its size. The widget is not
/// changed; only the page watches it.
const SPY_JS: &str = r#"
window.spy = {};
const live = new Set();
const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (type, listener, options) {
  if (this === window && type === 'hashchange') live.add(listener);
  return add.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (type, listener, options) {
  if (this === window && type === 'hashchange') live.delete(listener);
  return remove.call(this, type, listener, options);
};
Object.defineProperty(spy, 'hashListeners', { get: () => live.size });
for (const name of ['instantiate', 'instantiateStreaming']) {
  const original = WebAssembly[name];
  WebAssembly[name] = async function (...args) {
    const result = await original.apply(this, args);
    spy.memory ??= (result.instance ?? result).exports.memory;
    return result;
  };
}
"#;

/// A single-page app's shell: the widget comes and goes inside `#view`.
fn spa_site() -> StaticServer {
    StaticServer::builder(dist())
        .page("/spy.js", Page::new("text/javascript", SPY_JS))
        .page(
            "/app.html",
            Page::html(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>App</title>\
                 <script src=\"/spy.js\"></script><script type=\"module\" src=\"/embed.js\"></script>\
                 </head><body><main id=\"view\"><maturity-quiz lang=\"en\"></maturity-quiz></main>\
                 <aside id=\"side\"></aside></body></html>",
            ),
        )
        .start()
}

/// Waits in the page until the next task has run twice: a teardown that
/// the loader deferred has run by then.
const NEXT_TASKS: &str = "await new Promise((r) => setTimeout(r, 0)); \
                          await new Promise((r) => setTimeout(r, 0));";

#[test]
fn e2e_a_moved_widget_keeps_its_screen_and_a_returning_one_resumes() {
    let server = spa_site();
    let url = server.url("/app.html");
    let visit = Visit::open(&url, vec![server]);
    visit.start(0);
    visit.answer(0, "3");
    visit.answer(0, "dont-know");
    assert_eq!(visit.state(0)["progress"], "Question 3 of 12");
    // Marks the widget's container: a widget mounted anew has another one.
    visit.run(0, "root.lastElementChild.dataset.mark = 'first mount';");

    // Moved in one task, as a framework reordering its views does.
    visit.browser.execute_async(&format!(
        "const w = document.querySelector('maturity-quiz');
         document.getElementById('side').append(w);
         document.getElementById('view').append(w);
         {NEXT_TASKS}"
    ));
    let moved = visit.run(0, "return root.lastElementChild.dataset.mark ?? null;");
    assert_eq!(
        moved, "first mount",
        "moving the element mounted a new widget"
    );
    assert_eq!(visit.state(0)["progress"], "Question 3 of 12");

    // Taken out for longer: the widget ends; its element keeps no app.
    let gone = visit.browser.execute_async(&format!(
        "window.away = document.querySelector('maturity-quiz');
         away.remove();
         {NEXT_TASKS}
         return {{ rendered: !!away.shadowRoot.querySelector('.mq'), listeners: spy.hashListeners }};"
    ));
    assert_eq!(
        gone,
        json!({ "rendered": false, "listeners": 0 }),
        "a removed widget is unmounted and its hashchange listener gone"
    );

    // Back on the page: a new widget resumes where the respondent was.
    visit.browser.execute(
        "document.getElementById('view').append(window.away);",
        vec![],
    );
    wait_until(STEP, "the widget to resume on question 3", || {
        let state = visit.state(0);
        if state["progress"] == "Question 3 of 12" {
            Ok(())
        } else {
            Err(state.to_string())
        }
    });
    visit.click(0, ".mq-back");
    wait_until(STEP, "question 2 with its answer", || {
        let state = visit.state(0);
        if state["progress"] == "Question 2 of 12" && state["checked"] == "dont-know" {
            Ok(())
        } else {
            Err(state.to_string())
        }
    });
    let listeners = visit.browser.execute("return spy.hashListeners;", vec![]);
    assert_eq!(listeners, 1, "one live widget, one hashchange listener");
}

/// Inserts and removes a widget 50 times, measuring memory after the first
/// and after the last removal, then puts one widget on the page for good.
const FIFTY_VISITS_JS: &str = r#"
const view = document.getElementById('view');
view.replaceChildren();
await new Promise((r) => setTimeout(r, 0));
const deadline = (ms) => Date.now() + ms;
const rendered = async (w) => {
  const until = deadline(10000);
  while (!w.shadowRoot?.querySelector('.mq')) {
    if (Date.now() > until) throw new Error('a widget did not render within 10 s');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const measure = async () => {
  for (let i = 0; i < 3; i++) {
    if (window.gc) window.gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    js: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasm: spy.memory ? spy.memory.buffer.byteLength : null,
  };
};
window.removed = [];
let first = null;
for (let i = 1; i <= 50; i++) {
  const w = document.createElement('maturity-quiz');
  w.setAttribute('lang', 'en');
  view.append(w);
  await rendered(w);
  w.remove();
  removed.push(w);
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
  if (i === 1) first = await measure();
}
const last = await measure();
const w = document.createElement('maturity-quiz');
w.setAttribute('lang', 'en');
view.append(w);
await rendered(w);
return { first, last, listeners: spy.hashListeners };
"#;

#[test]
fn e2e_fifty_visits_in_a_single_page_app_leave_one_live_widget() {
    let server = spa_site();
    let url = server.url("/app.html");
    let visit = Visit::open(&url, vec![server]);
    let engine = visit.browser.version().to_owned();
    let outcome = visit.browser.execute_async(FIFTY_VISITS_JS);
    let count = visit.browser.execute(
        "return document.querySelectorAll('maturity-quiz').length;",
        vec![],
    );
    assert_eq!(count, 1, "one widget on the page");
    assert_eq!(
        outcome["listeners"], 1,
        "one hashchange listener after 50 visits: {outcome}"
    );

    // A result link: the live widget follows it; no removed one reacts.
    visit.browser.execute(
        &format!("location.hash = '#r={CASE_B_CODE}&lang=en';"),
        vec![],
    );
    wait_until(STEP, "the live widget to show the shared result", || {
        let state = visit.run(
            0,
            "return { shared: !!q('.mq-shared'), phase: text('.mq-phase-name') };",
        );
        if state == json!({ "shared": true, "phase": "Experimental" }) {
            Ok(())
        } else {
            Err(state.to_string())
        }
    });
    let reacted = visit.browser.execute(
        "return removed.filter((w) => w.shadowRoot.querySelector('.mq, .mq-shared')).length;",
        vec![],
    );
    assert_eq!(reacted, 0, "removed widgets still render or follow links");

    let total = |m: &Value| m["js"].as_f64().unwrap_or(0.0) + m["wasm"].as_f64().unwrap_or(0.0);
    let (first, last) = (&outcome["first"], &outcome["last"]);
    assert!(
        first["wasm"].as_f64().is_some(),
        "the wasm memory was seen: {outcome}"
    );
    let what = if first["js"].is_null() {
        println!(
            "{engine}: no performance.memory (Chromium only): JS heap not measured, wasm memory only"
        );
        "wasm memory"
    } else {
        "JS heap + wasm memory"
    };
    let growth = total(last) / total(first) - 1.0;
    println!(
        "{engine}: {what} after the 1st removal {:.0} KiB, after the 50th {:.0} KiB ({:+.1} %)",
        total(first) / 1024.0,
        total(last) / 1024.0,
        growth * 100.0
    );
    assert!(
        growth <= 0.10,
        "{what} grew {:.1} % over 50 visits (limit 10 %): {outcome}",
        growth * 100.0
    );
}
