//! A tiny static file server for the browser tests.
//!
//! Serves one directory (normally `dist/`) on an ephemeral port of
//! 127.0.0.1, plus optional in-memory pages (e.g. a host page that embeds the
//! widget differently) and extra response headers (for CSP and CORS tests).
//! It speaks just enough HTTP/1.1 for a browser: GET and HEAD, one request per
//! connection, `Content-Length` and `Connection: close` on every response.
//! Only std is used, so the harness adds no crates to the project.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long a connection may stay silent before it is dropped. Browsers open
/// speculative connections that never send a request; this bounds them.
const IDLE_TIMEOUT: Duration = Duration::from_secs(10);

/// Largest request head accepted; the browser's GETs are far below this.
const MAX_HEAD: usize = 64 * 1024;

/// The longest a held response waits for its [`Gate`]; a test that forgets
/// to open one still ends.
const HOLD_LIMIT: Duration = Duration::from_secs(60);

/// Holds back the responses for some paths until a test opens it: a slow
/// network for one file, on cue.
#[derive(Clone, Default)]
pub struct Gate(Arc<(Mutex<bool>, Condvar)>);

impl Gate {
    /// A closed gate.
    pub fn new() -> Self {
        Self::default()
    }

    /// Lets every held response go, now and from now on.
    pub fn open(&self) {
        let (open, changed) = &*self.0;
        *open.lock().unwrap_or_else(|e| e.into_inner()) = true;
        changed.notify_all();
    }

    /// Holds responses again, from now on.
    pub fn close(&self) {
        *self.0.0.lock().unwrap_or_else(|e| e.into_inner()) = false;
    }

    /// Waits until the gate is open, or [`HOLD_LIMIT`] has passed.
    fn wait(&self) {
        let (open, changed) = &*self.0;
        let deadline = Instant::now() + HOLD_LIMIT;
        let mut is_open = open.lock().unwrap_or_else(|e| e.into_inner());
        while !*is_open {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            is_open = changed
                .wait_timeout(is_open, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

/// An in-memory response body served at a fixed path, taking precedence over
/// files on disk.
#[derive(Clone, Debug)]
pub struct Page {
    content_type: String,
    body: Vec<u8>,
    headers: Vec<(String, String)>,
}

impl Page {
    /// A page with the given `Content-Type` and body.
    pub fn new(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            content_type: content_type.to_owned(),
            body: body.into(),
            headers: Vec::new(),
        }
    }

    /// An HTML page (`text/html; charset=utf-8`).
    pub fn html(body: impl Into<Vec<u8>>) -> Self {
        Self::new("text/html; charset=utf-8", body)
    }

    /// Adds a response header sent with this page only (after the server-wide
    /// ones).
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

/// What the server serves; immutable once the server runs, so the connection
/// threads share it without locks.
struct Site {
    root: PathBuf,
    headers: Vec<(String, String)>,
    pages: HashMap<String, Page>,
    /// Paths whose responses wait for a gate.
    held: HashMap<String, Gate>,
    /// Every request's path and response status, in order: what the server
    /// saw, for tests in engines whose pages cannot read a status
    /// (WebKit has no `responseStatus` in its resource timing).
    log: Mutex<Vec<(String, u16)>>,
}

/// Configures a [`StaticServer`] before it starts.
pub struct StaticServerBuilder {
    site: Site,
}

impl StaticServerBuilder {
    /// Adds a header to every response (files, pages and errors alike), e.g. a
    /// `Content-Security-Policy`.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.site.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Serves `page` at `path` (which must start with `/`), instead of any file
    /// at that path.
    pub fn page(mut self, path: &str, page: Page) -> Self {
        assert!(
            path.starts_with('/'),
            "page path must start with '/': {path}"
        );
        self.site.pages.insert(path.to_owned(), page);
        self
    }

    /// Holds back the response for `path` until `gate` opens.
    pub fn hold(mut self, path: &str, gate: &Gate) -> Self {
        self.site.held.insert(path.to_owned(), gate.clone());
        self
    }

    /// Binds 127.0.0.1 on a free port and starts serving in a background
    /// thread.
    pub fn start(self) -> StaticServer {
        let listener =
            TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0 for the test server");
        let addr = listener.local_addr().expect("test server address");
        let stop = Arc::new(AtomicBool::new(false));
        let site = Arc::new(self.site);
        let site_for_log = Arc::clone(&site);
        let thread = {
            let stop = Arc::clone(&stop);
            thread::Builder::new()
                .name("static-server".into())
                .spawn(move || accept_loop(listener, site, stop))
                .expect("spawn the test server thread")
        };
        StaticServer {
            addr,
            stop,
            site: Arc::clone(&site_for_log),
            thread: Some(thread),
        }
    }
}

/// A running static file server; it stops when dropped.
pub struct StaticServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    site: Arc<Site>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Starts configuring a server for the files under `root`.
    pub fn builder(root: impl Into<PathBuf>) -> StaticServerBuilder {
        StaticServerBuilder {
            site: Site {
                root: root.into(),
                headers: Vec::new(),
                pages: HashMap::new(),
                held: HashMap::new(),
                log: Mutex::new(Vec::new()),
            },
        }
    }

    /// Serves `root` with no extra headers or pages.
    pub fn serve(root: impl Into<PathBuf>) -> Self {
        Self::builder(root).start()
    }

    /// The socket address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The origin, e.g. `http://127.0.0.1:41234`, without a trailing slash.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The path and status of every request answered so far, in order.
    pub fn requests(&self) -> Vec<(String, u16)> {
        self.site
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The absolute URL of `path` (which should start with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // `accept` blocks; one connection wakes it so it can see the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn accept_loop(listener: TcpListener, site: Arc<Site>, stop: Arc<AtomicBool>) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let site = Arc::clone(&site);
        // One thread per connection: the browser loads several assets at once
        // and may hold idle connections open, which must not block the rest.
        let _ = thread::Builder::new()
            .name("static-server-conn".into())
            .spawn(move || {
                let _ = handle(stream, &site);
            });
    }
}

/// A parsed request line; headers are read but not needed.
struct Request {
    method: String,
    path: String,
}

fn read_request(stream: &mut TcpStream) -> io::Result<Option<Request>> {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > MAX_HEAD {
            return Ok(None);
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        head.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&head);
    let mut parts = head.lines().next().unwrap_or_default().split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Ok(None);
    };
    // The query string and fragment do not select a file.
    let path = target.split(['?', '#']).next().unwrap_or("/");
    Ok(Some(Request {
        method: method.to_owned(),
        path: percent_decode(path),
    }))
}

fn handle(mut stream: TcpStream, site: &Site) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    stream.set_write_timeout(Some(IDLE_TIMEOUT))?;
    let Some(request) = read_request(&mut stream)? else {
        return Ok(());
    };
    let head_only = request.method == "HEAD";
    if let Some(gate) = site.held.get(&request.path) {
        gate.wait();
    }
    let note = |status: u16| {
        let mut log = site.log.lock().unwrap_or_else(|e| e.into_inner());
        log.push((request.path.clone(), status));
    };
    if request.method != "GET" && !head_only {
        note(405);
        let extra = [("Allow".to_owned(), "GET, HEAD".to_owned())];
        return respond(
            &mut stream,
            site,
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            &extra,
            b"method not allowed\n",
            head_only,
        );
    }
    if let Some(page) = site.pages.get(&request.path) {
        note(200);
        return respond(
            &mut stream,
            site,
            "200 OK",
            &page.content_type,
            &page.headers,
            &page.body,
            head_only,
        );
    }
    match resolve(&site.root, &request.path).and_then(|file| Some((fs::read(&file).ok()?, file))) {
        Some((body, file)) => {
            note(200);
            respond(
                &mut stream,
                site,
                "200 OK",
                mime_type(&file),
                &[],
                &body,
                head_only,
            )
        }
        None => {
            note(404);
            respond(
                &mut stream,
                site,
                "404 Not Found",
                "text/plain; charset=utf-8",
                &[],
                format!("not found: {}\n", request.path).as_bytes(),
                head_only,
            )
        }
    }
}

/// Maps a URL path to a file under `root`; directories map to their
/// `index.html`. Returns `None` for paths that would leave `root`.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let mut file = root.to_path_buf();
    for component in Path::new(url_path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

#[allow(clippy::too_many_arguments)]
fn respond(
    stream: &mut TcpStream,
    site: &Site,
    status: &str,
    content_type: &str,
    extra: &[(String, String)],
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in site.headers.iter().chain(extra) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The `Content-Type` for a file, by extension. `.wasm` must be
/// `application/wasm` or `WebAssembly.instantiateStreaming` refuses it.
pub fn mime_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; invalid escapes are kept as they are.
fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
