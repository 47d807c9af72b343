//! The widget in a single-page app: an element that is moved keeps its
//! widget, one that leaves the page ends its widget (app, listeners,
//! closures), and one that comes back resumes the saved progress. Fifty
//! visits to a page with the widget leave one live widget and no growing
//! memory; thirty removed widgets, whether they ran or were removed while
//! the prerendered intro showed, leave no DOM node or listener behind
//! (Chromium's DOM counters; in every engine, what a removed element still
//! holds). A widget that never renders gives way to the loader's sentence.
//!
//! What each engine checks of "leaves nothing behind": Chromium counts the
//! page's DOM nodes and listeners after forced garbage collection (CDP
//! `Memory.getDOMCounters`), which the others do not offer; every engine
//! checks that a removed element's shadow root keeps only its adopted
//! stylesheet,
//! that no listener stays registered on it or in it, that no removed widget
//! keeps a `hashchange` listener or follows a result link, and that one
//! removed before its wasm arrived never starts.

use serde_json::{Value, json};

use crate::dist;
use crate::support::server::{Gate, Page, StaticServer};
use crate::support::visit::{APP_START, STEP, Visit, host_page};
use crate::support::webdriver::{Browser, Engine};

/// The brief's case B as a result code (README, "The code").
const CASE_B_CODE: &str = "13.BnE43A";

/// The wasm, which some tests hold back.
const WASM: &str = "/maturity-quiz_bg.wasm";

/// What a running widget shows in its shadow root (the prerendered intro is
/// marked busy).
const RUNNING: &str = ".mq:not([aria-busy])";

/// The prerendered intro, shown until the wasm runs.
const PRERENDERED: &str = ".mq[aria-busy]";

/// Loaded before the loader on the host page: counts the `hashchange`
/// listeners on `window` that are still registered and the listeners on
/// every node (weakly held, so the count keeps nothing alive), keeps the
/// widget's wasm memory so that the test can read its size, and inserts and
/// removes widgets as a single-page app does. The widget is not changed;
/// only the page watches it.
const SPY_JS: &str = r#"
window.spy = {};
const live = new Set();
const registered = new WeakMap();
const kind = (type, options) => type + ' ' + (typeof options === 'boolean' ? options : !!options?.capture);
const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (type, listener, options) {
  if (this === window && type === 'hashchange') live.add(listener);
  if (listener) {
    if (!registered.has(this)) registered.set(this, new Map());
    const on = registered.get(this);
    if (!on.has(listener)) on.set(listener, new Set());
    on.get(listener).add(kind(type, options));
  }
  return add.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (type, listener, options) {
  if (this === window && type === 'hashchange') live.delete(listener);
  registered.get(this)?.get(listener)?.delete(kind(type, options));
  return remove.call(this, type, listener, options);
};
Object.defineProperty(spy, 'hashListeners', { get: () => live.size });
/** Listeners registered on `element` and in its shadow root. */
spy.listenersIn = (element) => {
  const nodes = [element, element.shadowRoot, ...element.shadowRoot.querySelectorAll('*')];
  return nodes
    .flatMap((node) => [...(registered.get(node)?.values() ?? [])])
    .reduce((sum, kinds) => sum + kinds.size, 0);
};
for (const name of ['instantiate', 'instantiateStreaming']) {
  const original = WebAssembly[name];
  WebAssembly[name] = async function (...args) {
    const result = await original.apply(this, args);
    spy.memory ??= (result.instance ?? result).exports.memory;
    return result;
  };
}
/** Waits until the next task has run twice: a teardown the loader deferred has run by then. */
spy.tasks = async () => {
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
};
/** Waits until `ready()` holds, for 10 s at most. */
spy.until = async (what, ready) => {
  const until = Date.now() + 10000;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`${what}: not within 10 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
/** Puts a widget into #view and waits until it shows `selector` in its shadow root. */
spy.insert = async (selector) => {
  const w = document.createElement('maturity-quiz');
  w.setAttribute('lang', 'en');
  document.getElementById('view').append(w);
  await spy.until(`a widget showing ${selector}`, () => w.shadowRoot?.querySelector(selector));
  return w;
};
/**
 * `count` times, as a single-page app shows and hides a view: a widget goes
 * into #view, shows `selector` in its shadow root, and is removed, and its
 * teardown runs. Returns the removed elements if `hold`, else only weak
 * references to them, which keep nothing alive.
 */
spy.visit = async (count, selector, hold = false) => {
  const removed = [];
  for (let i = 0; i < count; i++) {
    const w = await spy.insert(selector);
    w.remove();
    removed.push(hold ? w : new WeakRef(w));
    await spy.tasks();
  }
  return removed;
};
"#;

/// A single-page app's shell: the widget comes and goes inside `#view`,
/// which holds `view` at first. The spy, a classic script, runs before the
/// loader, a module.
fn shell(view: &str) -> Page {
    host_page(
        "",
        r#"<script src="/spy.js"></script>"#,
        &format!(r#"<main id="view">{view}</main><aside id="side"></aside>"#),
    )
}

/// The shell with a widget at `/app.html`, and without at `/empty.html`;
/// with `held`, the wasm waits for that gate.
fn spa_site_holding(held: Option<&Gate>) -> StaticServer {
    let mut builder = StaticServer::builder(dist())
        .page("/spy.js", Page::new("text/javascript", SPY_JS))
        .page(
            "/app.html",
            shell("<maturity-quiz lang=\"en\"></maturity-quiz>"),
        )
        .page("/empty.html", shell(""));
    if let Some(gate) = held {
        builder = builder.hold(WASM, gate);
    }
    builder.start()
}

/// The shell's site, its wasm served at once.
fn spa_site() -> StaticServer {
    spa_site_holding(None)
}

/// Chromium's count of the page's DOM nodes and JS event listeners, after
/// forced garbage collection (twice, a task apart: what one collection
/// frees can hold what the next one frees).
fn dom_counters(browser: &Browser) -> Value {
    for _ in 0..2 {
        browser.cdp("HeapProfiler.collectGarbage", json!({}));
        browser.execute_async("await spy.tasks();");
    }
    let counters = browser.cdp("Memory.getDOMCounters", json!({}));
    json!({ "nodes": counters["nodes"], "listeners": counters["jsEventListeners"] })
}

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
    visit.browser.execute_async(
        "const w = document.querySelector('maturity-quiz');
         document.getElementById('side').append(w);
         document.getElementById('view').append(w);
         await spy.tasks();",
    );
    let moved = visit.run(0, "return root.lastElementChild.dataset.mark ?? null;");
    assert_eq!(
        moved, "first mount",
        "moving the element mounted a new widget"
    );
    assert_eq!(visit.state(0)["progress"], "Question 3 of 12");

    // Taken out for longer: the widget ends; its element keeps no app.
    let gone = visit.browser.execute_async(
        "window.away = document.querySelector('maturity-quiz');
         away.remove();
         await spy.tasks();
         return { rendered: !!away.shadowRoot.querySelector('.mq'), listeners: spy.hashListeners };",
    );
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
    // It resumes on question 3, and question 2 kept its answer.
    visit.wait_state(0, STEP, json!({ "progress": "Question 3 of 12" }));
    visit.click(0, ".mq-back");
    visit.wait_state(
        0,
        STEP,
        json!({ "progress": "Question 2 of 12", "checked": "dont-know" }),
    );
    let listeners = visit.browser.execute("return spy.hashListeners;", vec![]);
    assert_eq!(listeners, 1, "one live widget, one hashchange listener");
}

/// Inserts and removes a widget 50 times, measuring memory after the first
/// and after the last removal, then puts one widget on the page for good.
const FIFTY_VISITS_JS: &str = r#"
const view = document.getElementById('view');
view.replaceChildren();
await spy.tasks();
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
window.removed = await spy.visit(1, RUNNING, true);
const first = await measure();
removed.push(...(await spy.visit(49, RUNNING, true)));
const last = await measure();
await spy.insert(RUNNING);
return { first, last, listeners: spy.hashListeners };
"#;

#[test]
fn e2e_fifty_visits_in_a_single_page_app_leave_one_live_widget() {
    let server = spa_site();
    let url = server.url("/app.html");
    let visit = Visit::open(&url, vec![server]);
    let engine = visit.browser.version().to_owned();
    let outcome = visit
        .browser
        .execute_async(&FIFTY_VISITS_JS.replace("RUNNING", &format!("{RUNNING:?}")));
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
    visit.wait_run(
        0,
        STEP,
        "the live widget to show the shared result",
        "return { shared: !!q('.mq-shared'), phase: text('.mq-phase-name') };",
        |shown| shown == &json!({ "shared": true, "phase": "Experimental" }),
    );
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

/// Asserts that Chromium's DOM counters are back at `baseline` after `what`,
/// and prints both (the figures in BENCHMARKS.md).
fn assert_back_at(visit: &Visit, baseline: &Value, what: &str) {
    let after = dom_counters(&visit.browser);
    println!(
        "{}: DOM nodes and listeners before {what} {baseline}, after {after}",
        visit.browser.version()
    );
    assert_eq!(
        &after, baseline,
        "{what} left DOM nodes or listeners behind (after forced garbage collection)"
    );
}

#[test]
fn e2e_thirty_removed_widgets_leave_no_node_or_listener_behind() {
    let server = spa_site();
    let url = server.url("/empty.html");
    let visit = Visit::open(&url, vec![server]);
    let chromium = visit.browser.engine() == Engine::Chromium;
    let empty = chromium.then(|| dom_counters(&visit.browser));
    // The baseline comes after one widget has come and gone: it
    // instantiated the wasm, yew keeps one element of each HTML tag it
    // created, to clone (yew 0.23 `btag`), and the page keeps one slot for
    // its next widget (src/view/slot.rs), an empty element in no document
    // with yew's click listener on it. From then on nothing may grow.
    visit
        .browser
        .execute_async(&format!("await spy.visit(1, {RUNNING:?});"));
    let baseline = chromium.then(|| dom_counters(&visit.browser));
    if let (Some(empty), Some(baseline)) = (&empty, &baseline) {
        println!(
            "{}: DOM nodes and listeners before any widget {empty}, after the first {baseline}",
            visit.browser.version()
        );
    }
    visit
        .browser
        .execute_async(&format!("await spy.visit(30, {RUNNING:?});"));
    if let Some(baseline) = baseline {
        assert_back_at(&visit, &baseline, "30 widgets that ran and were removed");
    }

    // Every engine: what a removed element still holds.
    let kept = visit.browser.execute_async(&format!(
        "const [w] = await spy.visit(1, {RUNNING:?}, true);
         return {{
           shadow: [...w.shadowRoot.childNodes].map((n) => n.nodeName),
           sheets: w.shadowRoot.adoptedStyleSheets.length,
           listeners: spy.listenersIn(w),
           hashListeners: spy.hashListeners,
         }};"
    ));
    assert_eq!(
        kept,
        json!({ "shadow": [], "sheets": 1, "listeners": 0, "hashListeners": 0 }),
        "a removed element keeps its stylesheet and nothing of its widget"
    );
}

#[test]
fn e2e_widgets_removed_while_the_prerendered_intro_shows_leave_nothing_behind() {
    let gate = Gate::new();
    let server = spa_site_holding(Some(&gate));
    let url = server.url("/empty.html");
    let visit = Visit::open(&url, vec![server]);
    let chromium = visit.browser.engine() == Engine::Chromium;
    // No widget has been on the page yet.
    let baseline = chromium.then(|| dom_counters(&visit.browser));
    visit.browser.execute_async(&format!(
        "window.gone = await spy.visit(30, {PRERENDERED:?}); window.held = await spy.visit(1, {PRERENDERED:?}, true);"
    ));
    // The wasm arrives after they have all gone.
    gate.open();
    let after = visit.browser.execute_async(&format!(
        "await spy.until('the wasm', () => spy.memory);
         await spy.tasks();
         const [w] = held;
         return {{
           started: [w, ...gone.map((r) => r.deref()).filter(Boolean)]
             .filter((w) => w.shadowRoot.querySelector({RUNNING:?})).length,
           hashListeners: spy.hashListeners,
         }};"
    ));
    assert_eq!(
        after,
        json!({ "started": 0, "hashListeners": 0 }),
        "a widget removed before its wasm arrived started when it did"
    );
    if let Some(baseline) = baseline {
        visit
            .browser
            .execute("window.held = null; return null;", vec![]);
        assert_back_at(
            &visit,
            &baseline,
            "31 widgets removed while their prerendered intro showed",
        );
    }
    // The page still works: the next widget runs.
    visit
        .browser
        .execute_async(&format!("await spy.visit(1, {RUNNING:?});"));
}

/// A page whose script stops anything from being put into an element that
/// is in no document: the widget's first render never arrives. Not a page
/// anyone should write; the one way a page can reach the loader's limit on
/// waiting for that render.
const NO_DETACHED_INSERTS_JS: &str = r#"
for (const name of ['insertBefore', 'appendChild']) {
  const original = Node.prototype[name];
  Node.prototype[name] = function (node, ...rest) {
    return this.isConnected ? original.call(this, node, ...rest) : node;
  };
}
"#;

#[test]
fn e2e_a_widget_that_never_renders_gives_way_to_the_loaders_sentence() {
    let server = StaticServer::builder(dist())
        .page(
            "/stop.js",
            Page::new("text/javascript", NO_DETACHED_INSERTS_JS),
        )
        .page(
            "/stuck.html",
            host_page(
                "",
                r#"<script src="/stop.js"></script>"#,
                r#"<maturity-quiz lang="en"></maturity-quiz>"#,
            ),
        )
        .start();
    let url = server.url("/stuck.html");
    let visit = Visit::open("about:blank", vec![server]);
    visit.browser.goto(&url);
    let shown = |state: &Value| json!({ "busy": state["start"].is_string() && state["ready"] == false, "failure": state["failure"] });
    // The intro the build prerendered first, busy; then, the limit reached
    // (10 s), the sentence instead of an intro that never answers.
    visit.wait_state_where(0, STEP, "the prerendered intro", |state| {
        shown(state)["busy"] == true
    });
    let failure = json!(mq_core::i18n::ui_text("en").load_failed);
    visit.wait_state_where(0, APP_START, "the loader's sentence", |state| {
        shown(state) == json!({ "busy": false, "failure": failure })
    });
}
