//! The page object of the end-to-end tests: [`Visit`], a browser on one
//! host page, which finds every widget on it (in document order, those in
//! other elements' open shadow roots included), reads what each shows
//! ([`Visit::state`]) and answers the quiz with clicks, as a respondent with
//! a mouse would. `keyboard` drives the same visit by keyboard alone and
//! reads where focus is after each step.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};

use super::server::{Page, StaticServer};
use super::webdriver::{Browser, wait_until};
use crate::crate_dir;

/// Loading and compiling the release wasm in a cold browser.
pub(crate) const APP_START: Duration = Duration::from_secs(20);

/// One step of the quiz: a click and a re-render.
pub(crate) const STEP: Duration = Duration::from_secs(5);

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
  // The whole result: its verdict shows a frame before the rest.
  result: !!q('.mq-result .mq-about, .mq-too-few'),
  verdictOnly: !!q('.mq-result') && !q('.mq-result .mq-about, .mq-too-few'),
  capped: text('.mq-note-capped'),
  failure: text('.mq-crash') || text('.mq-load-error'),
};
"#;

/// An English host page with the snippet in its head (the loader from
/// `origin`, "" for the page's own), `head` after it, and `body`. The loader
/// is a module, so a classic script in `head` runs before it.
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

    /// Waits for every widget on the page to render (one that opens on its
    /// result, all of it); panics if one shows an error.
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
                // A widget that opens on its result is ready with all of it.
                if state["ready"] == true && state["verdictOnly"] == false {
                    Ok(())
                } else {
                    Err(state.to_string())
                }
            });
        }
    }

    /// Waits for the background questions' screen of `widget`.
    pub(crate) fn wait_for_background(&self, widget: usize) {
        self.wait_state(widget, STEP, json!({ "profile": true }));
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

    /// Runs `script` with `root`, `q(selector)` and `text(selector)` bound
    /// to `widget`'s shadow root (see [`PRELUDE`]) and returns its value.
    /// The script must bear a second run: a page that stalls may have it run
    /// again (see [`Browser::execute_repeatable`]).
    pub(crate) fn run(&self, widget: usize, script: &str) -> Value {
        self.browser
            .execute_repeatable(&format!("{WIDGETS}{PRELUDE}{script}"), vec![json!(widget)])
    }

    /// What `widget` shows, in one call: the fields of [`STATE_JS`].
    pub(crate) fn state(&self, widget: usize) -> Value {
        self.run(widget, STATE_JS)
    }

    /// The one way these tests wait on a widget: runs `script` in `widget`
    /// (as [`Visit::run`]) until `done` accepts its value, and returns that
    /// value. After `timeout` it panics naming the widget, `what` it waited
    /// for and the last value seen.
    pub(crate) fn wait_run(
        &self,
        widget: usize,
        timeout: Duration,
        what: &str,
        script: &str,
        done: impl Fn(&Value) -> bool,
    ) -> Value {
        wait_until(timeout, &format!("widget {widget}: {what}"), || {
            let seen = self.run(widget, script);
            if done(&seen) {
                Ok(seen)
            } else {
                Err(seen.to_string())
            }
        })
    }

    /// Waits until `widget`'s [`Visit::state`] holds every field of
    /// `expected` (a JSON object, e.g. `{ "progress": "Vraag 2 van 12" }`)
    /// and returns that state; a field the state does not have fails at
    /// once.
    pub(crate) fn wait_state(&self, widget: usize, timeout: Duration, expected: Value) -> Value {
        let fields = expected.as_object().unwrap_or_else(|| {
            panic!("wait_state takes an object of state fields, not {expected}")
        });
        self.wait_state_where(
            widget,
            timeout,
            &format!("a state with {expected}"),
            |state| {
                fields.iter().all(|(field, value)| match state.get(field) {
                    Some(shown) => shown == value,
                    None => panic!("the widget's state has no field {field:?}: {state}"),
                })
            },
        )
    }

    /// Waits until `done` accepts `widget`'s [`Visit::state`], and returns
    /// that state.
    pub(crate) fn wait_state_where(
        &self,
        widget: usize,
        timeout: Duration,
        what: &str,
        done: impl Fn(&Value) -> bool,
    ) -> Value {
        self.wait_run(widget, timeout, what, STATE_JS, done)
    }

    /// Waits until an element matching `selector` shows in `widget`.
    pub(crate) fn wait_shown(&self, widget: usize, timeout: Duration, selector: &str) {
        self.wait_run(
            widget,
            timeout,
            &format!("{selector} to show"),
            &format!("return !!q({selector:?});"),
            |shown| shown == true,
        );
    }

    /// Clicks `selector` in `widget` once, even if the script runs twice: the
    /// page keeps what each click call found under its own number.
    pub(crate) fn click(&self, widget: usize, selector: &str) {
        static CLICKS: AtomicUsize = AtomicUsize::new(0);
        let click = CLICKS.fetch_add(1, Ordering::Relaxed);
        let found = self.run(
            widget,
            &format!(
                "const done = (window.mqClicks ??= {{}});
                 if (!({click} in done)) {{ const e = q({selector:?}); if (e) e.click(); done[{click}] = !!e; }}
                 return done[{click}];"
            ),
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
        self.wait_state_where(widget, STEP, "the first question", |state| {
            state["progress"].is_string()
        });
    }

    /// Picks `value` ("1".."4" or "dont-know") and continues.
    pub(crate) fn answer(&self, widget: usize, value: &str) {
        let before = self.state(widget)["progress"].clone();
        self.click(widget, &format!("input[value=\"{value}\"]"));
        self.click(widget, ".mq-continue");
        self.wait_state_where(widget, STEP, "the next screen", |state| {
            state["progress"] != before
        });
    }

    /// Answers every question, skips the background questions, and returns
    /// the phase shown.
    pub(crate) fn complete(&self, widget: usize, answers: &[impl AsRef<str>]) -> String {
        self.start(widget);
        for answer in answers {
            self.answer(widget, answer.as_ref());
        }
        self.profile(widget, &[])
    }

    /// On the background questions' screen (waiting for it), picks each
    /// value of `choices` (an answer's id, or "" for "prefer not to say")
    /// in the question it belongs to, goes on, and returns the phase shown
    /// (empty for too few answers). With no background questions to ask,
    /// only waits for the result.
    pub(crate) fn profile(&self, widget: usize, choices: &[&str]) -> String {
        self.wait_state_where(
            widget,
            STEP,
            "the background questions or the result",
            |state| state["profile"] == true || state["result"] == true,
        );
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
        let state = self.wait_state(widget, STEP, json!({ "result": true }));
        state["phase"].as_str().unwrap_or_default().to_owned()
    }
}
