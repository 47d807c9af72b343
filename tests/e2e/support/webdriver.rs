//! A minimal W3C WebDriver client for driving headless Chromium from tests.
//!
//! It starts `/usr/bin/chromedriver` on a free port, opens one session with a
//! fresh profile, and speaks WebDriver's JSON-over-HTTP/1.1 protocol with
//! nothing but `std::net::TcpStream` and `serde_json`, so the harness adds no
//! crates. Only the commands the tests need are here. Everything is torn down
//! on drop: the session is deleted, the driver killed, the profile removed.
//!
//! Browser sessions in one test binary run one at a time (a global lock):
//! on a 2-core machine parallel Chromiums only make each other slow and flaky.

use serde_json::{Value, json};
use std::fs;
use std::io::{Read, Write};
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

/// Chromium flags for a quiet, deterministic headless run. `--no-sandbox` is
/// needed as root; the `--disable-*` flags stop background network traffic
/// (there is no network besides loopback here).
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
];

/// How long chromedriver may take to report ready, and a session to start.
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

    fn from_json(value: &Value) -> Option<Self> {
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

/// An error reported by chromedriver for one command.
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

/// A headless Chromium session driven through its own chromedriver.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    profile: PathBuf,
    // Declared last so it is released only after the fields above are dropped
    // (and `Drop::drop` has ended the session and the driver).
    _turn: MutexGuard<'static, ()>,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium session at 1280×900.
    ///
    /// Panics if chromedriver is not installed: the tests are never skipped.
    pub fn start() -> Self {
        assert!(
            Path::new(CHROMEDRIVER).exists(),
            "chromedriver not found: run scripts/test.sh, which installs it"
        );
        // A panicking test poisons the lock; the next test may still run.
        let turn = BROWSER_LOCK.lock().unwrap_or_else(|e| e.into_inner());

        let profile = fresh_temp_dir("mq-chromium");
        let port = free_port();
        let log =
            fs::File::create(profile.join("chromedriver.log")).expect("create chromedriver.log");
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            // Its own process group, so that Drop can end the driver and every
            // Chromium process it started, and nothing else.
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("clone the log handle"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("failed to start {CHROMEDRIVER}: {e}"));
        let mut browser = Self {
            driver,
            port,
            session: String::new(),
            profile,
            _turn: turn,
        };

        wait_until(
            STARTUP_TIMEOUT,
            "chromedriver to report ready on /status",
            || match browser.http("GET", "/status", None) {
                Ok(v) if v["value"]["ready"].as_bool() == Some(true) => Ok(()),
                Ok(v) => Err(v.to_string()),
                Err(e) => Err(e.to_string()),
            },
        );

        let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!(
            "--user-data-dir={}",
            browser.profile.join("profile").display()
        ));
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": { "args": args },
                    "timeouts": { "pageLoad": COMMAND_TIMEOUT.as_millis() as u64, "script": 30_000 },
                }
            }
        });
        let session = browser
            .http("POST", "/session", Some(&capabilities))
            .unwrap_or_else(|e| panic!("{}", browser.failure(&format!("new session: {e}"))));
        browser.session = session["value"]["sessionId"]
            .as_str()
            .expect("new session response has a sessionId")
            .to_owned();
        browser
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

    /// Runs `script` as the body of an async function in the page and returns
    /// what it resolves to; a rejection panics with its message.
    pub fn execute_async(&self, script: &str) -> Value {
        let wrapped = format!(
            "const done = arguments[arguments.length - 1];
             (async () => {{ {script} }})().then(
                 (value) => done({{ value }}),
                 (error) => done({{ error: String(error && error.stack || error) }}));"
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
    /// returns its result.
    pub fn cdp(&self, command: &str, params: Value) -> Value {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            json!({ "cmd": command, "params": params }),
        )
    }

    /// Makes the page see `prefers-color-scheme: dark` (or light).
    pub fn emulate_dark(&self, dark: bool) {
        let value = if dark { "dark" } else { "light" };
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": value }] }),
        );
    }

    /// Saves a PNG of the whole page, not only the viewport, to `path`: what a
    /// person scrolling through it would see.
    pub fn full_page_screenshot(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        let shot = self.cdp(
            "Page.captureScreenshot",
            json!({ "format": "png", "captureBeyondViewport": true }),
        );
        let png = shot["data"]
            .as_str()
            .and_then(base64_decode)
            .unwrap_or_else(|| panic!("no PNG from Page.captureScreenshot: {shot}"));
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        }
        fs::write(path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
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
        self.http(method, &format!("/session/{}{path}", self.session), body)
            .map(|mut v| v["value"].take())
    }

    /// One HTTP/1.1 request to chromedriver; returns the whole JSON response.
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
        let log = fs::read_to_string(self.profile.join("chromedriver.log")).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(20).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        format!(
            "{what}\n--- chromedriver log (last lines) ---\n{}",
            tail.join("\n")
        )
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            // Deleting the session makes chromedriver close Chromium cleanly.
            let _ = self.http("DELETE", &format!("/session/{}", self.session), None);
        }
        // Chromium runs in the driver's process group (see `start`); ending the
        // group also ends any browser process the session delete left behind.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.driver.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
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

/// A free TCP port on 127.0.0.1. The port is released before chromedriver
/// binds it; another process could take it in between, which is unlikely on
/// a test machine and shows up as a startup timeout with the driver's log.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("find a free port")
        .port()
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
