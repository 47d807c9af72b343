//! The quiz without a connection: the standalone page's service worker
//! (everything cached on the first visit and served from there once the server
//! is gone; a new release replacing the old cache), no request during a quiz,
//! the single-file build opened from disk, and host pages, which the embed
//! loader must leave without a service worker.

use std::collections::BTreeSet;
use std::fs;
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};

use crate::embedding::{Visit, host_page};
use crate::support::server::{Page, StaticServer};
use crate::support::webdriver::{Browser, fresh_temp_dir, wait_until};
use crate::{crate_dir, dist};

/// Registering the worker and fetching every file of the build into its cache.
const PRECACHE: Duration = Duration::from_secs(20);

/// Every answer "Functional": a result on the Dutch standalone page.
const ALL_FUNCTIONAL: [&str; 12] = ["3"; 12];

/// The README's policy for the widget on the page's own origin.
const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// Where the service worker keeps a release; the rest of the name is its
/// version.
const CACHE_PREFIX: &str = "maturity-quiz-";

/// The files of the release build in dist/ (trunk stages the next build in
/// a folder inside it).
fn dist_files() -> Vec<PathBuf> {
    fs::read_dir(dist())
        .expect("read dist/")
        .map(|entry| entry.expect("a dist/ entry").path())
        .filter(|path| path.is_file())
        .collect()
}

/// The paths of the release build, as the page requests them, besides the
/// page's own address `/`; the worker script itself is not cached.
fn dist_paths() -> BTreeSet<String> {
    dist_files()
        .iter()
        .filter_map(|file| file.file_name())
        .map(|name| format!("/{}", name.to_string_lossy()))
        .filter(|path| path != "/sw.js")
        .chain(["/".to_owned()])
        .collect()
}

/// The name of the page's only cache once it holds every file of the
/// build; what there is instead, while it does not.
fn one_complete_cache(browser: &Browser) -> Result<String, String> {
    // caches.match with a cacheName never creates a cache, where
    // caches.open would: opening one the worker is deleting brought it back,
    // empty, for good (seen in WebKit).
    let paths = serde_json::to_string(&dist_paths()).expect("paths as JSON");
    let caches = browser.execute_async(&format!(
        "const found = {{}};
         for (const name of await caches.keys()) {{
           found[name] = [];
           for (const path of {paths}) {{
             if (await caches.match(path, {{ cacheName: name }})) found[name].push(path);
           }}
         }}
         return found;"
    ));
    let caches = caches.as_object().expect("caches by name");
    let [(name, paths)] = caches.iter().collect::<Vec<_>>()[..] else {
        return Err(format!("not one cache: {caches:?}"));
    };
    let cached: BTreeSet<String> = paths
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .collect();
    let missing: Vec<_> = dist_paths().difference(&cached).cloned().collect();
    if missing.is_empty() {
        Ok(name.clone())
    } else {
        Err(format!("{name} lacks {missing:?}"))
    }
}

/// The scopes of the service workers registered for the page's origin.
fn registrations(browser: &Browser) -> Value {
    browser.execute_async(
        "return (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope);",
    )
}

/// The URLs of every resource the page has requested so far.
fn requested(browser: &Browser) -> Value {
    browser.execute(
        "return performance.getEntriesByType('resource').map((e) => e.name);",
        vec![],
    )
}

/// Records the page's policy violations in `window.violations`; served as
/// `/violations.js` and loaded by [`index_with_recorder`] before any other
/// script, in every engine (an external same-origin script, which the strict
/// policy allows).
const RECORDER_JS: &str = "window.violations = []; document.addEventListener('securitypolicyviolation', \
    (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));";

/// dist/index.html with the recorder as the first script of its head.
fn index_with_recorder() -> Page {
    let index = fs::read_to_string(dist().join("index.html")).expect("read dist/index.html");
    assert!(index.contains("<head>"), "dist/index.html has a <head>");
    Page::html(index.replacen(
        "<head>",
        "<head><script src=\"/violations.js\"></script>",
        1,
    ))
}

#[test]
fn e2e_standalone_page_works_offline_after_one_visit() {
    let server = StaticServer::builder(dist())
        .header("Content-Security-Policy", STRICT_CSP)
        .page("/", index_with_recorder())
        .page("/violations.js", Page::new("text/javascript", RECORDER_JS))
        .start();
    let (addr, url) = (server.addr(), server.url("/"));
    let visit = Visit::open(&url, Vec::new());

    let release = wait_until(
        PRECACHE,
        "the service worker to control the page and cache every file of dist/",
        || {
            let controlled = visit
                .browser
                .execute("return !!navigator.serviceWorker.controller;", vec![]);
            match one_complete_cache(&visit.browser) {
                Ok(name) if controlled == json!(true) => Ok(name),
                seen => Err(format!("controlled: {controlled}, cache: {seen:?}")),
            }
        },
    );
    let version = release
        .strip_prefix(CACHE_PREFIX)
        .unwrap_or_else(|| panic!("cache {release} is not named {CACHE_PREFIX}<version>"));
    let worker = fs::read_to_string(dist().join("sw.js")).expect("read dist/sw.js");
    assert!(
        worker.contains(&format!("\"{version}\"")),
        "the cache's version {version} is not the one dist/sw.js was built with"
    );

    // The recorder is the test's, not the release's: it joins the cache so
    // that the offline page records too.
    visit.browser.execute_async(&format!(
        "await (await caches.open('{release}')).add('/violations.js');"
    ));
    drop(server);
    assert!(
        TcpStream::connect(addr).is_err(),
        "the server still accepts connections on {addr}"
    );
    visit.goto(&url);
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
    assert_eq!(
        visit.browser.execute("return window.violations;", vec![]),
        json!([]),
        "the offline page broke the strict policy"
    );
}

#[test]
fn e2e_a_new_release_replaces_the_old_cache() {
    // A copy of dist/, so that the test can put out a release of its own.
    let site = fresh_temp_dir("mq-release");
    for file in dist_files() {
        let copy = site.join(file.file_name().expect("a file name"));
        fs::copy(&file, &copy).unwrap_or_else(|e| panic!("copy {}: {e}", file.display()));
    }
    let server = StaticServer::serve(&site);
    let visit = Visit::open(&server.url("/"), vec![server]);
    let first = wait_until(PRECACHE, "the first release in its cache", || {
        one_complete_cache(&visit.browser)
    });

    // What the build would make of a changed stylesheet: another version.
    let next = format!("{CACHE_PREFIX}next");
    let stylesheet = site.join("demo.css");
    let mut css = fs::read_to_string(&stylesheet).expect("read demo.css");
    css.push_str("\n/* next release */\n");
    fs::write(&stylesheet, css).expect("write demo.css");
    let worker = fs::read_to_string(site.join("sw.js")).expect("read sw.js");
    let version = first.strip_prefix(CACHE_PREFIX).expect("a versioned cache");
    fs::write(site.join("sw.js"), worker.replace(version, "next")).expect("write sw.js");

    visit
        .browser
        .execute_async("await (await navigator.serviceWorker.getRegistration()).update();");
    wait_until(
        PRECACHE,
        "the next release to replace the first",
        || match one_complete_cache(&visit.browser) {
            Ok(name) if name == next => Ok(()),
            seen => Err(format!("{seen:?}")),
        },
    );
    let cached = visit.browser.execute_async(
        "return (await (await caches.match('demo.css')).text()).includes('next release');",
    );
    assert_eq!(
        cached,
        json!(true),
        "the next release caches the new demo.css"
    );
}

#[test]
fn e2e_a_whole_quiz_makes_no_network_request() {
    let server = StaticServer::serve(dist());
    let url = server.url("/");
    let visit = Visit::open(&url, vec![server]);
    let before = requested(&visit.browser);
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
    assert_eq!(
        requested(&visit.browser),
        before,
        "requests made while the quiz was answered"
    );
}

/// The single-file build, copied alone into an empty folder: it may not need
/// anything beside it.
fn single_file_alone() -> PathBuf {
    let built = crate_dir().join("dist-single").join("maturity-quiz.html");
    assert!(
        built.is_file(),
        "{} is missing: run `bash scripts/single-file.sh` first, or scripts/test.sh",
        built.display()
    );
    let alone = fresh_temp_dir("mq-single").join("maturity-quiz.html");
    fs::copy(&built, &alone).unwrap_or_else(|e| panic!("copy {}: {e}", built.display()));
    alone
}

#[test]
fn e2e_single_file_completes_from_disk_without_a_server() {
    let file = single_file_alone();
    let visit = Visit::open(&format!("file://{}", file.display()), Vec::new());
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
}

#[test]
fn e2e_the_embed_loader_registers_no_service_worker() {
    // On the worker's own origin, where a registration would succeed. An empty
    // origin makes the snippet's address relative to the page.
    let body = r#"<maturity-quiz lang="en"></maturity-quiz>"#;
    let server = StaticServer::builder(dist())
        .page("/host.html", host_page("", "", body))
        .start();
    let (host, standalone) = (server.url("/host.html"), server.url("/"));
    let visit = Visit::open(&host, vec![server]);
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functional");
    assert_eq!(
        registrations(&visit.browser),
        json!([]),
        "a service worker on a host page"
    );

    // The check does see a registration: the standalone page's own.
    visit.goto(&standalone);
    wait_until(PRECACHE, "the standalone page's service worker", || {
        let scopes = registrations(&visit.browser);
        if scopes == json!([standalone]) {
            Ok(())
        } else {
            Err(scopes.to_string())
        }
    });
}
