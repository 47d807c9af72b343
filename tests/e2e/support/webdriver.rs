//! A minimal W3C WebDriver client for driving a browser from tests, in any of
//! three engines: Chromium (chromedriver), Firefox (geckodriver) and WebKit
//! (WebKitWebDriver with WebKitGTK's MiniBrowser).
//!
//! It starts the engine's driver on a free port, opens one session with a
//! fresh profile, and speaks WebDriver's JSON-over-HTTP/1.1 protocol with
//! nothing but `std::net::TcpStream` and `serde_json` (BENCHMARKS.md says why
//! this is not `fantoccini`). Only the commands the tests need are here.
//! Everything is torn down on drop: the session is deleted, the driver (and
//! for WebKit its Xvfb display) killed, the profile removed.
//!
//! [`Browser::start`] takes the engine from `MQ_BROWSER` (`chromium`,
//! `firefox` or `webkit`; Chromium when unset); scripts/test.sh runs the
//! suite once per engine. Where a test needs what only one engine's protocol
//! offers (the Chrome DevTools Protocol), the helpers below do it another way
//! in the other engines: [`Browser::emulate_dark`],
//! [`Browser::full_page_screenshot`], [`Browser::emulate_print`].
//!
//! Browser sessions in one test binary run one at a time (a global lock):
//! on a 2-core machine parallel browsers only make each other slow and flaky.

use serde_json::{Value, json};
use std::cell::RefCell;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Where Debian's chromium-driver package installs the driver.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Where Debian's firefox-esr package installs Firefox.
pub const FIREFOX: &str = "/usr/bin/firefox-esr";

/// Where Debian's webkit2gtk-driver package installs the driver.
pub const WEBKITWEBDRIVER: &str = "/usr/bin/WebKitWebDriver";

/// WebKitGTK's small browser, which WebKitWebDriver drives (Debian's
/// libwebkit2gtk-4.1-0 package).
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// Chromium flags for a quiet, deterministic headless run. `--no-sandbox` is
/// needed as root; the `--disable-*` flags stop background network traffic
/// (there is no network besides loopback here). The last two let the
/// single-page-app test read an exact JS heap size after a forced collection.
pub const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
    "--enable-precise-memory-info",
    "--js-flags=--expose-gc",
];

/// The browser engines the tests run in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Debian's `chromium`, through `chromedriver`.
    Chromium,
    /// Debian's `firefox-esr`, through `geckodriver` (from crates.io).
    Firefox,
    /// WebKitGTK's MiniBrowser, through `WebKitWebDriver`, on an Xvfb display
    /// (MiniBrowser has no headless mode).
    WebKit,
}

impl Engine {
    /// Every engine, in the order scripts/test.sh runs them.
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// The engine named by `MQ_BROWSER`, or Chromium when it is unset; panics
    /// on any other name, so a typo never silently tests the wrong engine.
    pub fn from_env() -> Engine {
        match std::env::var("MQ_BROWSER") {
            Err(_) => Engine::Chromium,
            Ok(name) => Engine::from_name(&name).unwrap_or_else(|| {
                panic!("MQ_BROWSER={name:?}: expected chromium, firefox or webkit")
            }),
        }
    }

    /// The engine called `name` (as in `MQ_BROWSER`), if any.
    pub fn from_name(name: &str) -> Option<Engine> {
        match name.trim().to_ascii_lowercase().as_str() {
            "chromium" | "chrome" => Some(Engine::Chromium),
            "firefox" | "gecko" => Some(Engine::Firefox),
            "webkit" | "safari" => Some(Engine::WebKit),
            _ => None,
        }
    }

    /// The engine's name in `MQ_BROWSER`, test output and file names.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// The narrowest viewport the engine's window can have, in CSS px: 0
    /// for none. Firefox 153 ESR (headless too) keeps its window at least
    /// 500 px wide and MiniBrowser 2.50 at least 447 px (its toolbar), so
    /// neither can show a 320 or 360 px wide viewport.
    pub fn narrowest_viewport(self) -> u32 {
        match self {
            Engine::Chromium => 0,
            Engine::Firefox => 500,
            Engine::WebKit => 447,
        }
    }

    /// The WebDriver server's executable: an absolute path, or a name looked
    /// up on PATH (geckodriver lives in cargo's bin directory).
    fn driver(self) -> PathBuf {
        match self {
            Engine::Chromium => CHROMEDRIVER.into(),
            Engine::Firefox => find_on_path("geckodriver").unwrap_or_else(|| {
                panic!("geckodriver not found on PATH: run scripts/test.sh, which installs it")
            }),
            Engine::WebKit => WEBKITWEBDRIVER.into(),
        }
    }
}

/// How long a driver may take to report ready, and a session to start.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);

/// Upper bound for one WebDriver command (a page load is the slowest).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// Interval between two checks of a polled condition.
const POLL_INTERVAL: Duration = Duration::from_millis(25);

/// The key under which W3C WebDriver wraps element references.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Serializes browser sessions within a test binary (see the module docs).
static BROWSER_LOCK: Mutex<()> = Mutex::new(());

/// A reference to a DOM element, valid within its session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element(pub String);

impl Element {
    /// The JSON form WebDriver expects for an element passed as a script
    /// argument.
    pub fn to_json(&self) -> Value {
        json!({ ELEMENT_KEY: self.0 })
    }

    /// The element a WebDriver response (or a script's return value) refers to.
    pub fn from_json(value: &Value) -> Option<Self> {
        value
            .get(ELEMENT_KEY)?
            .as_str()
            .map(|id| Self(id.to_owned()))
    }
}

/// Keys that tests press, with their WebDriver code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Moves focus forward (backward with [`Key::Shift`] in a chord).
    Tab,
    /// Activates a button or submits a form.
    Enter,
    /// Checks a radio button or presses a button.
    Space,
    /// Closes or cancels.
    Escape,
    /// A modifier, for chords such as Shift+Tab.
    Shift,
    /// Previous radio in a group (horizontal).
    ArrowLeft,
    /// Previous radio in a group.
    ArrowUp,
    /// Next radio in a group (horizontal).
    ArrowRight,
    /// Next radio in a group.
    ArrowDown,
}

impl Key {
    /// The code point WebDriver uses for this key (W3C WebDriver, "Keyboard
    /// actions").
    pub fn code(self) -> char {
        match self {
            Key::Tab => '\u{E004}',
            Key::Enter => '\u{E007}',
            Key::Shift => '\u{E008}',
            Key::Escape => '\u{E00C}',
            Key::Space => '\u{E00D}',
            Key::ArrowLeft => '\u{E012}',
            Key::ArrowUp => '\u{E013}',
            Key::ArrowRight => '\u{E014}',
            Key::ArrowDown => '\u{E015}',
        }
    }
}

/// An error reported by the driver for one command.
#[derive(Debug)]
pub struct WebDriverError {
    /// The W3C error code, e.g. `no such element`.
    pub error: String,
    /// The driver's message.
    pub message: String,
}

impl std::fmt::Display for WebDriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.error, self.message)
    }
}

/// A browser session driven through its engine's own WebDriver server.
pub struct Browser {
    engine: Engine,
    driver: Child,
    /// WebKit's X display, which the driver's MiniBrowser draws on.
    display: Option<Child>,
    port: u16,
    /// The session's id; WebKit starts a new session to change its colour
    /// scheme (see [`Browser::emulate_dark`]).
    session: RefCell<String>,
    /// The engine and version the session reports, e.g. `firefox 153.8.0`.
    version: String,
    /// Whether WebKit's MiniBrowser runs with `--dark-mode`.
    dark: RefCell<bool>,
    profile: PathBuf,
    // Declared last so it is released only after the fields above are dropped
    // (and `Drop::drop` has ended the session and the driver).
    _turn: MutexGuard<'static, ()>,
}

impl Browser {
    /// Starts a session at 1280×900 in the engine `MQ_BROWSER` names
    /// (Chromium when unset); see [`Browser::start_engine`].
    pub fn start() -> Self {
        Self::start_engine(Engine::from_env())
    }

    /// Starts `engine`'s driver and a session at 1280×900 with a fresh
    /// profile, downloading into [`Browser::download_dir`].
    ///
    /// Panics if the engine or its driver is not installed: the tests are
    /// never skipped.
    pub fn start_engine(engine: Engine) -> Self {
        let driver_path = engine.driver();
        assert!(
            driver_path.exists(),
            "{} not found: run scripts/test.sh, which installs it",
            driver_path.display()
        );
        // A panicking test poisons the lock; the next test may still run.
        let turn = BROWSER_LOCK.lock().unwrap_or_else(|e| e.into_inner());

        let profile = fresh_temp_dir(&format!("mq-{}", engine.name()));
        fs::create_dir_all(profile.join("downloads")).expect("create the download directory");
        let display = (engine == Engine::WebKit).then(|| start_xvfb(&profile));
        let port = free_port();
        let log = fs::File::create(profile.join("driver.log")).expect("create driver.log");
        let mut command = Command::new(&driver_path);
        command.arg(format!("--port={port}"));
        if engine == Engine::Firefox {
            // The profile goes into the session's directory; system access
            // lets emulate_dark set a preference from the browser's own
            // (chrome) context.
            command
                .arg(format!("--profile-root={}", profile.display()))
                .arg("--allow-system-access");
        }
        if let Some((_, number)) = &display {
            command.env("DISPLAY", format!(":{number}"));
        }
        let driver = command
            // Its own process group, so that Drop can end the driver and every
            // browser process it started, and nothing else.
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("clone the log handle"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("failed to start {}: {e}", driver_path.display()));
        let mut browser = Self {
            engine,
            driver,
            display: display.map(|(child, _)| child),
            port,
            session: RefCell::new(String::new()),
            version: String::new(),
            dark: RefCell::new(false),
            profile,
            _turn: turn,
        };

        wait_until(
            STARTUP_TIMEOUT,
            &format!("{} to report ready on /status", driver_path.display()),
            || match browser.http("GET", "/status", None) {
                Ok(v) if v["value"]["ready"].as_bool() == Some(true) => Ok(()),
                Ok(v) => Err(v.to_string()),
                Err(e) => Err(e.to_string()),
            },
        );
        browser.version = browser.new_session();
        if engine != Engine::Chromium {
            // Chromium takes its size from --window-size; the others from here.
            browser.set_window_size(1280, 900);
            wait_for(STARTUP_TIMEOUT, "a 1280 px wide viewport", || {
                browser
                    .execute("return window.innerWidth;", vec![])
                    .as_u64()
                    == Some(1280)
            });
        }
        browser
    }

    /// Opens a session with this engine's capabilities and returns what the
    /// browser says it is, e.g. `firefox 153.8.0`.
    fn new_session(&self) -> String {
        let downloads = self.download_dir().display().to_string();
        let timeouts = json!({ "pageLoad": COMMAND_TIMEOUT.as_millis() as u64, "script": 30_000 });
        let capabilities = match self.engine {
            Engine::Chromium => {
                let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
                args.push(format!(
                    "--user-data-dir={}",
                    self.profile.join("profile").display()
                ));
                json!({
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "args": args,
                        "prefs": {
                            "download.default_directory": downloads,
                            "download.prompt_for_download": false,
                        },
                    },
                    "timeouts": timeouts,
                })
            }
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": FIREFOX,
                    "args": ["-headless"],
                    "prefs": {
                        "browser.download.folderList": 2,
                        "browser.download.dir": downloads,
                        "browser.download.useDownloadDir": true,
                        "browser.download.always_ask_before_handling_new_types": false,
                        "browser.download.alwaysOpenPanel": false,
                        "browser.helperApps.neverAsk.saveToDisk": "application/json,text/csv,text/plain",
                        "app.update.disabledForTesting": true,
                        "browser.shell.checkDefaultBrowser": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false,
                    },
                },
                "timeouts": timeouts,
            }),
            Engine::WebKit => {
                let mut args = vec!["--automation"];
                if *self.dark.borrow() {
                    args.push("--dark-mode");
                }
                json!({
                    "browserName": "MiniBrowser",
                    "webkitgtk:browserOptions": { "binary": MINIBROWSER, "args": args },
                    "timeouts": timeouts,
                })
            }
        };
        let body = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let session = self
            .http("POST", "/session", Some(&body))
            .unwrap_or_else(|e| panic!("{}", self.failure(&format!("new session: {e}"))));
        let value = &session["value"];
        *self.session.borrow_mut() = value["sessionId"]
            .as_str()
            .expect("new session response has a sessionId")
            .to_owned();
        format!(
            "{} {}",
            value["capabilities"]["browserName"].as_str().unwrap_or("?"),
            value["capabilities"]["browserVersion"]
                .as_str()
                .unwrap_or("?")
        )
    }

    /// The engine this session runs in.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The browser's name and version as its session reports them, e.g.
    /// `chrome 156.0.8078.114`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Where this session's downloads land (Chromium and Firefox save there
    /// without asking; see the download test for WebKit).
    pub fn download_dir(&self) -> PathBuf {
        self.profile.join("downloads")
    }

    /// Navigates to `url` and waits for the page's load event.
    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", json!({ "url": url }));
    }

    /// The current page's URL.
    pub fn current_url(&self) -> String {
        self.cmd("GET", "/url", Value::Null)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The first element matching the CSS `selector`, or `None`.
    pub fn try_find(&self, selector: &str) -> Option<Element> {
        let body = json!({ "using": "css selector", "value": selector });
        match self.try_cmd("POST", "/element", Some(&body)) {
            Ok(v) => Element::from_json(&v),
            Err(e) if e.error == "no such element" => None,
            Err(e) => panic!("find {selector:?}: {e}"),
        }
    }

    /// The first element matching the CSS `selector`; panics if there is none.
    pub fn find(&self, selector: &str) -> Element {
        self.try_find(selector)
            .unwrap_or_else(|| panic!("no element matches {selector:?} on {}", self.current_url()))
    }

    /// All elements matching the CSS `selector`, in document order.
    pub fn find_all(&self, selector: &str) -> Vec<Element> {
        let body = json!({ "using": "css selector", "value": selector });
        self.cmd("POST", "/elements", body)
            .as_array()
            .map(|a| a.iter().filter_map(Element::from_json).collect())
            .unwrap_or_default()
    }

    /// Clicks `element` (scrolling it into view first, as WebDriver does).
    pub fn click(&self, element: &Element) {
        self.cmd("POST", &format!("/element/{}/click", element.0), json!({}));
    }

    /// The rendered text of `element`, as a user would read it.
    pub fn text(&self, element: &Element) -> String {
        self.cmd("GET", &format!("/element/{}/text", element.0), Value::Null)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The HTML attribute `name` of `element`, or `None` if absent.
    pub fn attribute(&self, element: &Element, name: &str) -> Option<String> {
        self.cmd(
            "GET",
            &format!("/element/{}/attribute/{name}", element.0),
            Value::Null,
        )
        .as_str()
        .map(str::to_owned)
    }

    /// The DOM property `name` of `element` (e.g. `checked`, `value`).
    pub fn property(&self, element: &Element, name: &str) -> Value {
        self.cmd(
            "GET",
            &format!("/element/{}/property/{name}", element.0),
            Value::Null,
        )
    }

    /// Runs `script` as the body of a function in the page, with `args` as
    /// `arguments`, and returns what it returns. Pass elements with
    /// [`Element::to_json`].
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            json!({ "script": script, "args": args }),
        )
    }

    /// Like [`Browser::execute`], for a script that may run twice: when
    /// WebKit's driver answers "Could not parse script result", which it does
    /// when the page stalls past the driver's own wait (a loaded machine
    /// compiling a wasm module, say) and the script may or may not have run,
    /// this waits until the page answers again and runs `script` once more.
    pub fn execute_repeatable(&self, script: &str, args: Vec<Value>) -> Value {
        let body = json!({ "script": script, "args": args });
        match self.try_cmd("POST", "/execute/sync", Some(&body)) {
            Err(error)
                if self.engine == Engine::WebKit
                    && error.message.contains("Could not parse script result") =>
            {
                wait_for(STARTUP_TIMEOUT, "the stalled page to answer again", || {
                    let probe = json!({ "script": "return true;", "args": [] });
                    self.try_cmd("POST", "/execute/sync", Some(&probe)).is_ok()
                });
                self.cmd("POST", "/execute/sync", body)
            }
            outcome => {
                outcome.unwrap_or_else(|e| panic!("WebDriver POST /execute/sync failed: {e}"))
            }
        }
    }

    /// Runs `script` as the body of an async function in the page and returns
    /// what it resolves to; a rejection panics with its message.
    pub fn execute_async(&self, script: &str) -> Value {
        let wrapped = format!(
            "const done = arguments[arguments.length - 1];
             (async () => {{ {script} }})().then(
                 (value) => done({{ value }}),
                 (error) => done({{ error: String(error) + (error && error.stack ? '\\n' + error.stack : '') }}));"
        );
        let mut outcome = self.cmd(
            "POST",
            "/execute/async",
            json!({ "script": wrapped, "args": [] }),
        );
        if let Some(error) = outcome["error"].as_str() {
            panic!("async script rejected: {error}\n--- script ---\n{script}");
        }
        outcome["value"].take()
    }

    /// The element that has focus (`document.activeElement`).
    pub fn active_element(&self) -> Element {
        Element::from_json(&self.cmd("GET", "/element/active", Value::Null))
            .expect("the active element response holds an element")
    }

    /// Whether `element` is `document.activeElement`.
    pub fn is_focused(&self, element: &Element) -> bool {
        self.execute(
            "return document.activeElement === arguments[0];",
            vec![element.to_json()],
        )
        .as_bool()
        .unwrap_or(false)
    }

    /// A short description of the focused element for failure messages, e.g.
    /// `<input type="radio" class="x" value="2">`.
    pub fn describe_focus(&self) -> String {
        self.execute(
            "const a = document.activeElement;
             if (!a) return 'nothing';
             const attrs = ['type', 'class', 'value', 'id'].filter(n => a.hasAttribute(n))
                 .map(n => ` ${n}=\"${a.getAttribute(n)}\"`).join('');
             return `<${a.tagName.toLowerCase()}${attrs}> \"${(a.textContent || '').trim().slice(0, 60)}\"`;",
            vec![],
        )
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Presses and releases `key` on the focused element, through W3C Actions
    /// so the page sees real keydown/keyup events and default actions.
    pub fn press(&self, key: Key) {
        self.key_actions(&[key]);
    }

    /// Presses `key` `times` times.
    pub fn press_n(&self, key: Key, times: usize) {
        for _ in 0..times {
            self.press(key);
        }
    }

    /// Presses `keys` down in order, then releases them in reverse: a chord
    /// such as `[Key::Shift, Key::Tab]`.
    pub fn press_chord(&self, keys: &[Key]) {
        self.key_actions(keys);
    }

    /// Types `text` into the focused element, one character at a time.
    pub fn type_text(&self, text: &str) {
        let actions: Vec<Value> = text
            .chars()
            .flat_map(|c| {
                [
                    json!({ "type": "keyDown", "value": c.to_string() }),
                    json!({ "type": "keyUp", "value": c.to_string() }),
                ]
            })
            .collect();
        self.perform_key_actions(actions);
    }

    fn key_actions(&self, keys: &[Key]) {
        let down = keys
            .iter()
            .map(|k| json!({ "type": "keyDown", "value": k.code().to_string() }));
        let up = keys
            .iter()
            .rev()
            .map(|k| json!({ "type": "keyUp", "value": k.code().to_string() }));
        self.perform_key_actions(down.chain(up).collect());
    }

    fn perform_key_actions(&self, actions: Vec<Value>) {
        let body = json!({
            "actions": [{ "type": "key", "id": "keyboard", "actions": actions }]
        });
        self.cmd("POST", "/actions", body);
    }

    /// Saves a PNG screenshot of the viewport to `path`, creating its parent
    /// directories.
    pub fn screenshot(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        self.try_screenshot(path)
            .unwrap_or_else(|e| panic!("screenshot to {}: {e}", path.display()));
    }

    /// Like [`Browser::screenshot`], but returns errors instead of panicking,
    /// for use while a test is already failing (e.g. in `Drop`).
    pub fn try_screenshot(&self, path: impl AsRef<Path>) -> Result<(), String> {
        let path = path.as_ref();
        let encoded = self
            .try_cmd("GET", "/screenshot", None)
            .map_err(|e| e.to_string())?;
        let png = encoded
            .as_str()
            .and_then(base64_decode)
            .ok_or("the driver did not return base64")?;
        if !png.starts_with(b"\x89PNG") {
            return Err("the driver did not return a PNG".into());
        }
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
        }
        fs::write(path, png).map_err(|e| format!("write {}: {e}", path.display()))
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver and
    /// returns its result. Chromium only: tests that need the same in every
    /// engine use the engine-neutral helpers below.
    pub fn cdp(&self, command: &str, params: Value) -> Value {
        assert_eq!(
            self.engine,
            Engine::Chromium,
            "CDP {command} is Chromium's; use an engine-neutral helper"
        );
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            json!({ "cmd": command, "params": params }),
        )
    }

    /// Makes the page see `prefers-color-scheme: dark` (or light).
    ///
    /// Chromium emulates it through CDP and Firefox through a preference,
    /// both on the open page. WebKitGTK follows the desktop's theme, which
    /// MiniBrowser sets only at its start (`--dark-mode`): there a new session
    /// starts and reopens the current address, with fresh storage, and this
    /// returns after its load event (a widget on it may still be starting).
    pub fn emulate_dark(&self, dark: bool) {
        match self.engine {
            Engine::Chromium => {
                let value = if dark { "dark" } else { "light" };
                self.cdp(
                    "Emulation.setEmulatedMedia",
                    json!({ "features": [{ "name": "prefers-color-scheme", "value": value }] }),
                );
            }
            Engine::Firefox => {
                // 0 dark, 1 light, for web content only.
                self.cmd("POST", "/moz/context", json!({ "context": "chrome" }));
                let set = self.try_cmd(
                    "POST",
                    "/execute/sync",
                    Some(&json!({
                        "script": "Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', arguments[0]);",
                        "args": [if dark { 0 } else { 1 }],
                    })),
                );
                self.cmd("POST", "/moz/context", json!({ "context": "content" }));
                set.unwrap_or_else(|e| panic!("set Firefox's colour scheme: {e}"));
            }
            Engine::WebKit => {
                if *self.dark.borrow() == dark {
                    return;
                }
                let url = self.current_url();
                let size = self.cmd("GET", "/window/rect", Value::Null);
                let session = self.session.borrow().clone();
                let _ = self.http("DELETE", &format!("/session/{session}"), None);
                *self.dark.borrow_mut() = dark;
                self.new_session();
                if let (Some(width), Some(height)) =
                    (size["width"].as_u64(), size["height"].as_u64())
                {
                    self.set_window_size(width as u32, height as u32);
                }
                self.goto(&url);
            }
        }
    }

    /// Makes the page's style sheets apply as on paper (`@media print`), or
    /// as on screen again when `print` is false.
    ///
    /// Chromium emulates the print medium through CDP. The other engines
    /// offer no such command: there every `@media` rule in the document's and
    /// open shadow roots' same-origin style sheets, adopted ones included, is
    /// rewritten, print rules to `all` and screen rules to `not all`, and put
    /// back afterwards, which is what a print medium does to them.
    pub fn emulate_print(&self, print: bool) {
        if self.engine == Engine::Chromium {
            let media = if print { "print" } else { "" };
            self.cdp("Emulation.setEmulatedMedia", json!({ "media": media }));
            return;
        }
        self.execute(
            r#"
const print = arguments[0];
const roots = [document];
for (let i = 0; i < roots.length; i++) {
  for (const e of roots[i].querySelectorAll('*')) if (e.shadowRoot) roots.push(e.shadowRoot);
}
const saved = (window.__mqMedia ??= new Map());
const visit = (rules) => {
  for (const rule of rules) {
    if (rule instanceof CSSMediaRule) {
      if (print) {
        const text = rule.media.mediaText;
        saved.set(rule, text);
        const queries = text.split(',').map((q) => q.trim());
        if (queries.some((q) => /^(only\s+)?print\b/i.test(q))) rule.media.mediaText = 'all';
        else if (queries.every((q) => /^(only\s+)?screen\b/i.test(q))) rule.media.mediaText = 'not all';
      } else if (saved.has(rule)) {
        rule.media.mediaText = saved.get(rule);
      }
    }
    if (rule.cssRules) visit(rule.cssRules);
  }
};
// The widget's stylesheet is adopted, one sheet shared by every shadow
// root: each sheet is rewritten once, or its saved media would be lost.
const sheets = new Set(roots.flatMap((root) => [...root.styleSheets, ...(root.adoptedStyleSheets ?? [])]));
for (const sheet of sheets) {
  let rules;
  try { rules = sheet.cssRules; } catch { throw new Error('cannot read ' + sheet.href + ' (another origin)'); }
  visit(rules);
}
if (!print) saved.clear();
"#,
            vec![json!(print)],
        );
    }

    /// The page printed to PDF on A4 with 1 cm margins and backgrounds, through
    /// WebDriver's Print command; `None` where the driver does not have it
    /// (WebKitWebDriver 2.50).
    pub fn print_pdf(&self) -> Option<Vec<u8>> {
        let body = json!({
            "page": { "width": 21.0, "height": 29.7 },
            "margin": { "top": 1.0, "bottom": 1.0, "left": 1.0, "right": 1.0 },
            "background": true,
        });
        match self.try_cmd("POST", "/print", Some(&body)) {
            Ok(pdf) => Some(
                pdf.as_str()
                    .and_then(base64_decode)
                    .expect("the Print command returns base64"),
            ),
            Err(e) if e.error == "unknown command" || e.error == "unsupported operation" => None,
            Err(e) => panic!("print: {e}"),
        }
    }

    /// Saves a PNG of the whole page, not only the viewport, to `path`: what a
    /// person scrolling through it would see. Chromium through CDP, Firefox
    /// through geckodriver's full-page screenshot; WebKitWebDriver clips every
    /// screenshot to the viewport, so there the window grows to the page's
    /// height for one viewport screenshot (on an Xvfb screen tall enough).
    pub fn full_page_screenshot(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        let encoded = match self.engine {
            Engine::Chromium => self.cdp(
                "Page.captureScreenshot",
                json!({ "format": "png", "captureBeyondViewport": true }),
            )["data"]
                .take(),
            Engine::Firefox => self.cmd("GET", "/moz/screenshot/full", Value::Null),
            Engine::WebKit => return self.tall_window_screenshot(path),
        };
        let png = encoded
            .as_str()
            .and_then(base64_decode)
            .unwrap_or_else(|| panic!("no full-page PNG from the {} driver", self.engine.name()));
        assert!(
            png.starts_with(b"\x89PNG"),
            "the driver did not return a PNG"
        );
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        }
        fs::write(path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    /// WebKit's full-page screenshot: the window made as tall as the page,
    /// photographed, and given its size back.
    fn tall_window_screenshot(&self, path: &Path) {
        let rect = self.cmd("GET", "/window/rect", Value::Null);
        let (width, height) = (
            rect["width"].as_u64().unwrap_or(1280) as u32,
            rect["height"].as_u64().unwrap_or(900) as u32,
        );
        let sizes = || {
            let seen = self.execute(
                "return [document.documentElement.scrollHeight, window.innerHeight];",
                vec![],
            );
            (
                seen[0].as_u64().unwrap_or(0) as u32,
                seen[1].as_u64().unwrap_or(0) as u32,
            )
        };
        let (page, inner) = sizes();
        let chrome = height.saturating_sub(inner);
        let tall = (page + chrome).min(XVFB_HEIGHT);
        if tall > height {
            self.set_window_size(width, tall);
            wait_for(
                STARTUP_TIMEOUT,
                "the window to grow to the page's height",
                || sizes().1 + chrome >= tall,
            );
        }
        self.screenshot(path);
        if tall > height {
            self.set_window_size(width, height);
            wait_for(STARTUP_TIMEOUT, "the window to get its size back", || {
                sizes().1 == inner
            });
        }
    }

    /// Resizes the window; in headless mode the viewport is the whole window,
    /// so `window.innerWidth` becomes `width`.
    pub fn set_window_size(&self, width: u32, height: u32) {
        self.cmd(
            "POST",
            "/window/rect",
            json!({ "width": width, "height": height }),
        );
    }

    /// Sends a session command (`path` relative to `/session/{id}`) and
    /// returns its `value`; panics with the driver's message on error.
    pub fn cmd(&self, method: &str, path: &str, body: Value) -> Value {
        let body = (!body.is_null()).then_some(body);
        self.try_cmd(method, path, body.as_ref())
            .unwrap_or_else(|e| panic!("WebDriver {method} {path} failed: {e}"))
    }

    /// Like [`Browser::cmd`], but returns the driver's error.
    pub fn try_cmd(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, WebDriverError> {
        let session = self.session.borrow().clone();
        self.http(method, &format!("/session/{session}{path}"), body)
            .map(|mut v| v["value"].take())
    }

    /// One HTTP/1.1 request to the driver; returns the whole JSON response.
    fn http(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, WebDriverError> {
        let transport = |e: std::io::Error| WebDriverError {
            error: "transport".into(),
            message: format!("{method} {path}: {e}"),
        };
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(transport)?;
        stream
            .set_read_timeout(Some(COMMAND_TIMEOUT))
            .map_err(transport)?;
        let body = body.map(Value::to_string).unwrap_or_default();
        // chromedriver rejects Host headers other than localhost-like ones.
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream.write_all(request.as_bytes()).map_err(transport)?;
        let (status, payload) = read_http_response(&mut stream)
            .map_err(transport)?
            .ok_or_else(|| WebDriverError {
                error: "transport".into(),
                message: format!("{method} {path}: malformed HTTP response"),
            })?;
        let json: Value = serde_json::from_slice(&payload).map_err(|e| WebDriverError {
            error: "transport".into(),
            message: format!("{method} {path}: response is not JSON ({e})"),
        })?;
        if status == 200 {
            Ok(json)
        } else {
            Err(WebDriverError {
                error: json["value"]["error"]
                    .as_str()
                    .unwrap_or("unknown error")
                    .to_owned(),
                message: json["value"]["message"]
                    .as_str()
                    .unwrap_or_default()
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
            })
        }
    }

    /// A panic message for a failed startup, with the driver's log attached.
    fn failure(&self, what: &str) -> String {
        let log = fs::read_to_string(self.profile.join("driver.log")).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(20).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        format!(
            "{what}\n--- {} driver log (last lines) ---\n{}",
            self.engine.name(),
            tail.join("\n")
        )
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let session = self.session.borrow().clone();
        if !session.is_empty() {
            // Deleting the session makes the driver close the browser cleanly.
            let _ = self.http("DELETE", &format!("/session/{session}"), None);
        }
        // The browser runs in the driver's process group (see `start_engine`);
        // ending the group also ends any browser process the session delete
        // left behind.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.driver.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        if let Some(display) = &mut self.display {
            let _ = display.kill();
            let _ = display.wait();
        }
        let _ = fs::remove_dir_all(&self.profile);
    }
}

/// Polls `condition` every few milliseconds until it holds; panics naming
/// `what` if it still does not after `timeout`.
pub fn wait_for(timeout: Duration, what: &str, mut condition: impl FnMut() -> bool) {
    wait_until(timeout, what, || {
        if condition() {
            Ok(())
        } else {
            Err(String::new())
        }
    });
}

/// Polls `probe` until it returns `Ok`, and returns that value. `Err` carries
/// what was observed instead; the last one goes into the panic message when
/// `timeout` passes, naming `what` was awaited.
pub fn wait_until<T>(
    timeout: Duration,
    what: &str,
    mut probe: impl FnMut() -> Result<T, String>,
) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        let last = match probe() {
            Ok(value) => return value,
            Err(seen) => seen,
        };
        if Instant::now() >= deadline {
            if last.is_empty() {
                panic!("timed out after {timeout:?} waiting for {what}");
            }
            panic!("timed out after {timeout:?} waiting for {what}; last seen: {last}");
        }
        thread::sleep(POLL_INTERVAL);
    }
}

/// Reads one HTTP/1.1 response and returns its status code and body.
///
/// chromedriver keeps connections open despite `Connection: close`, so the
/// body is delimited by `Content-Length` (or chunked encoding), not by EOF.
fn read_http_response(stream: &mut TcpStream) -> std::io::Result<Option<(u16, Vec<u8>)>> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let mut fill = |raw: &mut Vec<u8>| -> std::io::Result<bool> {
        let n = stream.read(&mut buf)?;
        raw.extend_from_slice(&buf[..n]);
        Ok(n > 0)
    };
    let split = loop {
        if let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break split;
        }
        if !fill(&mut raw)? {
            return Ok(None);
        }
    };
    let Ok(head) = std::str::from_utf8(&raw[..split]) else {
        return Ok(None);
    };
    let Some(status) = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()) else {
        return Ok(None);
    };
    let header = |name: &str| {
        head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_ascii_lowercase())
        })
    };
    let length = header("content-length").and_then(|v| v.parse::<usize>().ok());
    let chunked = header("transfer-encoding").is_some_and(|v| v.contains("chunked"));
    let body_start = split + 4;
    loop {
        let body = &raw[body_start..];
        let complete = match (length, chunked) {
            (Some(length), _) => body.len() >= length,
            (None, true) => dechunk(body).is_some(),
            (None, false) => false,
        };
        if complete || !fill(&mut raw)? {
            break;
        }
    }
    let body = &raw[body_start..];
    Ok(match (length, chunked) {
        (Some(length), _) => body.get(..length).map(|b| (status, b.to_vec())),
        (None, true) => dechunk(body).map(|b| (status, b)),
        (None, false) => Some((status, body.to_vec())),
    })
}

/// Undoes chunked transfer encoding; `None` until the final chunk has arrived.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

/// Decodes standard (RFC 4648) base64, ignoring whitespace; `None` if the
/// input is not valid base64.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    fn value(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    }
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let data = clean
        .strip_suffix(b"==")
        .or_else(|| clean.strip_suffix(b"="))
        .unwrap_or(&clean);
    if clean.len() % 4 != 0 || data.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    for chunk in data.chunks(4) {
        let mut acc = 0u32;
        for &c in chunk {
            acc = acc << 6 | value(c)?;
        }
        // A chunk of n sextets carries n*6 bits, of which the whole bytes count.
        let bytes = chunk.len() * 6 / 8;
        acc <<= 6 * (4 - chunk.len()) as u32;
        out.extend_from_slice(&acc.to_be_bytes()[1..1 + bytes]);
    }
    Some(out)
}

/// The height of WebKit's Xvfb screen: room for a full-page screenshot of
/// the tallest screen (the result at 447 px wide).
const XVFB_HEIGHT: u32 = 6000;

/// Starts an Xvfb display for WebKit's MiniBrowser, which has no headless
/// mode, and returns it with its number. Xvfb picks a free number itself and
/// writes it to its stdout (`-displayfd 1`) once it accepts clients.
fn start_xvfb(profile: &Path) -> (Child, u32) {
    let log = fs::File::create(profile.join("xvfb.log")).expect("create xvfb.log");
    let mut xvfb = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            &format!("1920x{XVFB_HEIGHT}x24"),
            "-nolisten",
            "tcp",
        ])
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .unwrap_or_else(|e| {
            panic!("failed to start Xvfb (Debian's xvfb; scripts/test.sh installs it): {e}")
        });
    let mut line = String::new();
    BufReader::new(xvfb.stdout.take().expect("Xvfb's stdout"))
        .read_line(&mut line)
        .expect("read Xvfb's display number");
    let number = line.trim().parse().unwrap_or_else(|_| {
        let log = fs::read_to_string(profile.join("xvfb.log")).unwrap_or_default();
        panic!("Xvfb gave no display number ({line:?}); its log:\n{log}")
    });
    (xvfb, number)
}

/// The first executable called `name` in a directory of PATH.
fn find_on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

/// A free TCP port on 127.0.0.1. The port is released before the driver
/// binds it; another process could take it in between, which is unlikely on
/// a test machine and shows up as a startup timeout with the driver's log.
/// A port for a driver, from below Linux's ephemeral range (32768 and up):
/// the test servers bind port 0 and get ephemeral ports, so one of them can
/// never take the driver's port between this check and the driver's start
/// (CI once saw a test server answer a driver's `/status`).
fn free_port() -> u16 {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let base = 20_000 + (std::process::id() as usize % 1000) * 10;
    (0..10_000)
        .map(|_| (base + NEXT.fetch_add(1, Ordering::SeqCst) % 10_000) as u16)
        .map(|port| if port >= 30_000 { port - 10_000 } else { port })
        .find(|&port| TcpListener::bind(("127.0.0.1", port)).is_ok())
        .expect("a free port from 20000 to 29999")
}

/// A new, empty directory under the system temp dir, unique to this process
/// and call.
pub fn fresh_temp_dir(prefix: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!(
        "{prefix}-{}-{}-{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    dir
}
