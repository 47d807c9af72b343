//! The quiz without a connection: the standalone page's service worker
//! (everything cached on the first visit and served from there once the server
//! is gone; a new release replacing the old cache; only its own files answered,
//! and only copies whose hash is right; two deployments on one origin; the
//! kill switch), the standalone page under its own policy, no request during a
//! quiz, the single-file build opened from disk, and host pages, which the
//! embed loader must leave without a service worker.

use std::collections::BTreeSet;
use std::fs;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::server::{Page, StaticServer, StaticServerBuilder};
use crate::support::visit::{STEP, Visit, host_page};
use crate::support::webdriver::{Browser, fresh_temp_dir, wait_until};
use crate::{crate_dir, dist};

/// Registering the worker and fetching every file of the build into its cache.
const PRECACHE: Duration = Duration::from_secs(20);

/// Every answer "Functional": a result on the Dutch standalone page.
const ALL_FUNCTIONAL: [&str; 12] = ["3"; 12];

/// The README's policy for the widget on the page's own origin.
const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// The files of the build in `dir` (not its sub-folders: trunk stages the
/// next build in a folder inside dist/).
fn files_in(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect()
}

/// Puts a copy of the release build in `site`, changed by `edit`, with its
/// sw.js written again by scripts/precache.sh, as the build writes it for
/// those files: the worker refuses files whose hashes are not in its list.
fn release_in(site: &Path, edit: impl FnOnce(&Path)) {
    fs::create_dir_all(site).unwrap_or_else(|e| panic!("create {}: {e}", site.display()));
    for file in files_in(&dist()) {
        let copy = site.join(file.file_name().expect("a file name"));
        fs::copy(&file, &copy).unwrap_or_else(|e| panic!("copy {}: {e}", file.display()));
    }
    edit(site);
    precache(site);
}

/// Runs the build's hook that writes sw.js for the files in `site`.
fn precache(site: &Path) {
    let output = Command::new("bash")
        .arg(crate_dir().join("scripts/precache.sh"))
        .env("TRUNK_STAGING_DIR", site)
        .env("TRUNK_SOURCE_DIR", crate_dir())
        .output()
        .expect("run scripts/precache.sh");
    assert!(
        output.status.success(),
        "scripts/precache.sh failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Rewrites the file `name` of `site` with `change`.
fn edit_file(site: &Path, name: &str, change: impl FnOnce(String) -> String) {
    let path = site.join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {name}: {e}"));
    fs::write(&path, change(text)).unwrap_or_else(|e| panic!("write {name}: {e}"));
}

/// The addresses the worker of the release in `site`, serving `scope`,
/// caches: each file's, besides the page's own (`scope` itself); the workers
/// are not cached.
fn precached(site: &Path, scope: &str) -> BTreeSet<String> {
    files_in(site)
        .iter()
        .filter_map(|file| file.file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name != "sw.js" && name != "sw-retire.js")
        .map(|name| format!("{scope}{name}"))
        .chain([scope.to_owned()])
        .collect()
}

/// The beginning of the names of the caches of the worker whose scope is
/// `scope`; the rest is the release's version.
fn cache_prefix(scope: &str) -> String {
    format!("maturity-quiz:{scope}:")
}

/// The caches of the origin whose names start with `prefix`, each with
/// which of `urls` it holds.
fn caches_with(browser: &Browser, prefix: &str, urls: &BTreeSet<String>) -> Value {
    // caches.match with a cacheName never creates a cache, where
    // caches.open would: opening one the worker is deleting brought it back,
    // empty, for good (seen in WebKit).
    let urls = serde_json::to_string(urls).expect("URLs as JSON");
    browser.execute_async(&format!(
        "const found = {{}};
         for (const name of await caches.keys()) {{
           if (!name.startsWith({prefix:?})) continue;
           found[name] = [];
           for (const url of {urls}) {{
             if (await caches.match(url, {{ cacheName: name }})) found[name].push(url);
           }}
         }}
         return found;"
    ))
}

/// The name of the only cache of the worker for `scope` once it holds every
/// file of the release in `site`; what there is instead, while it does not.
fn complete_cache(browser: &Browser, site: &Path, scope: &str) -> Result<String, String> {
    let wanted = precached(site, scope);
    let caches = caches_with(browser, &cache_prefix(scope), &wanted);
    let caches = caches.as_object().expect("caches by name");
    let [(name, urls)] = caches.iter().collect::<Vec<_>>()[..] else {
        return Err(format!("not one cache for {scope}: {caches:?}"));
    };
    let cached: BTreeSet<String> = urls
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|url| url.as_str().map(str::to_owned))
        .collect();
    let missing: Vec<_> = wanted.difference(&cached).cloned().collect();
    if missing.is_empty() {
        Ok(name.clone())
    } else {
        Err(format!("{name} lacks {missing:?}"))
    }
}

/// Waits until a worker controls the page and has cached the whole release
/// in `site` for `scope`; returns its cache's name.
fn wait_offline_ready(browser: &Browser, site: &Path, scope: &str) -> String {
    wait_until(
        PRECACHE,
        "the service worker to control the page and cache every file of the release",
        || {
            let controlled =
                browser.execute("return !!navigator.serviceWorker.controller;", vec![]);
            match complete_cache(browser, site, scope) {
                Ok(name) if controlled == json!(true) => Ok(name),
                seen => Err(format!("controlled: {controlled}, cache: {seen:?}")),
            }
        },
    )
}

/// A visit to a copy of the release (see [`release_in`]) served at `/`, once
/// its worker controls the page and has cached the whole release.
struct OfflineVisit {
    visit: Visit,
    /// The release's folder.
    site: PathBuf,
    /// The page's address, which is the worker's scope.
    scope: String,
    /// The name of the worker's cache.
    cache: String,
}

impl OfflineVisit {
    /// Serves a fresh copy of the release (in a folder named after `name`)
    /// with `serve`'s additions, and opens its page.
    fn open(name: &str, serve: impl FnOnce(StaticServerBuilder) -> StaticServerBuilder) -> Self {
        let site = fresh_temp_dir(name);
        release_in(&site, |_| {});
        let server = serve(StaticServer::builder(&site)).start();
        let scope = server.url("/");
        let visit = Visit::open(&scope, vec![server]);
        let cache = wait_offline_ready(&visit.browser, &site, &scope);
        OfflineVisit {
            visit,
            site,
            scope,
            cache,
        }
    }

    /// The server of the release.
    fn server(&self) -> &StaticServer {
        &self.visit.servers()[0]
    }
}

/// The scopes of the service workers registered for the page's origin.
fn registrations(browser: &Browser) -> Value {
    browser.execute_async(
        "return (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope).sort();",
    )
}

/// The URLs of every resource the page has requested so far.
fn requested(browser: &Browser) -> Value {
    browser.execute(
        "return performance.getEntriesByType('resource').map((e) => e.name);",
        vec![],
    )
}

/// Records the page's policy violations in `window.violations`; written as
/// `violations.js` beside the page and loaded by [`with_recorder`] before any
/// other script, in every engine (an external same-origin script, which the
/// strict policy allows).
const RECORDER_JS: &str = "window.violations = []; document.addEventListener('securitypolicyviolation', \
    (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));";

/// Puts the recorder in `site` and makes it the first script of `page`'s
/// head.
fn with_recorder(site: &Path, page: &str) {
    fs::write(site.join("violations.js"), RECORDER_JS).expect("write violations.js");
    edit_file(site, page, |html| {
        assert!(html.contains("<head>"), "{page} has a <head>");
        html.replacen("<head>", "<head><script src=\"violations.js\"></script>", 1)
    });
}

/// The policy violations the page has recorded.
fn violations(browser: &Browser) -> Value {
    browser.execute("return window.violations;", vec![])
}

#[test]
fn e2e_standalone_page_works_offline_after_one_visit() {
    let site = fresh_temp_dir("mq-offline");
    release_in(&site, |site| with_recorder(site, "index.html"));
    let server = StaticServer::builder(&site)
        .header("Content-Security-Policy", STRICT_CSP)
        .start();
    let (addr, url) = (server.addr(), server.url("/"));
    let visit = Visit::open(&url, Vec::new());

    let release = wait_offline_ready(&visit.browser, &site, &url);
    let version = release
        .strip_prefix(&cache_prefix(&url))
        .unwrap_or_else(|| panic!("cache {release} is not named after its scope {url}"));
    let worker = fs::read_to_string(site.join("sw.js")).expect("read sw.js");
    assert!(
        worker.contains(&format!("\"{version}\"")),
        "the cache's version {version} is not the one sw.js was built with"
    );

    drop(server);
    assert!(
        TcpStream::connect(addr).is_err(),
        "the server still accepts connections on {addr}"
    );
    // A query string on the page's address still finds the page.
    visit.goto(&format!("{url}?utm_source=offline"));
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
    assert_eq!(
        violations(&visit.browser),
        json!([]),
        "the offline page broke the strict policy"
    );
}

#[test]
fn e2e_a_new_release_replaces_the_old_cache() {
    let OfflineVisit {
        visit,
        site,
        scope,
        cache: first,
    } = OfflineVisit::open("mq-release", |server| server);

    // What the build makes of a changed stylesheet: another version.
    edit_file(&site, "demo.css", |css| css + "\n/* next release */\n");
    precache(&site);
    visit
        .browser
        .execute_async("await (await navigator.serviceWorker.getRegistration()).update();");
    let next = wait_until(
        PRECACHE,
        "the next release to replace the first",
        || match complete_cache(&visit.browser, &site, &scope) {
            Ok(name) if name != first => Ok(name),
            seen => Err(format!("{seen:?}")),
        },
    );
    let cached = visit.browser.execute_async(&format!(
        "return (await (await caches.match('demo.css', {{ cacheName: {next:?} }})).text()).includes('next release');"
    ));
    assert_eq!(
        cached,
        json!(true),
        "the next release caches the new demo.css"
    );
}

/// Which of `watched` (paths) the server was asked for while `action` ran,
/// in the order of `watched`.
fn reaching<'a>(server: &StaticServer, watched: &[&'a str], action: impl FnOnce()) -> Vec<&'a str> {
    let count = |path: &str| server.requests().iter().filter(|(p, _)| p == path).count();
    let before: Vec<usize> = watched.iter().map(|path| count(path)).collect();
    action();
    watched
        .iter()
        .zip(before)
        .filter(|(path, before)| count(path) > *before)
        .map(|(path, _)| *path)
        .collect()
}

#[test]
fn e2e_the_worker_answers_only_the_files_of_its_release() {
    // Another page of the same site, in the worker's scope.
    let other = Page::html("<!doctype html><title>other</title>");
    let offline = OfflineVisit::open("mq-lane", |server| server.page("/other.html", other));
    let (visit, server, scope) = (&offline.visit, offline.server(), &offline.scope);
    let fetch_all = |paths: &[&str]| {
        let paths = serde_json::to_string(paths).expect("paths as JSON");
        visit.browser.execute_async(&format!(
            "const statuses = [];
             for (const path of {paths}) statuses.push((await fetch(path)).status);
             return statuses;"
        ))
    };
    let watched = [
        "/",
        "/index.html",
        "/embed.js",
        "/demo.js",
        "/demo.css",
        "/maturity-quiz_bg.wasm",
        "/other.html",
    ];

    // A file of the release, exactly: from the cache.
    let reached = reaching(server, &watched, || {
        assert_eq!(fetch_all(&["demo.js"]), json!([200]));
    });
    assert!(
        reached.is_empty(),
        "demo.js reached the server: {reached:?}"
    );

    // The same files with a query string, and a page the release does not
    // hold: the server answers each (it drops the query string).
    let asked = [
        "demo.js?v=2",
        "embed.js?v=2",
        "index.html?page=2",
        "other.html",
    ];
    let reached = reaching(server, &watched, || {
        assert_eq!(fetch_all(&asked), json!([200, 200, 200, 200]));
    });
    assert_eq!(
        reached,
        ["/index.html", "/embed.js", "/demo.js", "/other.html"],
        "the requests that reached the server for {asked:?}"
    );

    // A request that names other bytes by its integrity (a newer loader's)
    // gets no copy of this release: the server answers (with a file the
    // browser then refuses, as neither has those bytes).
    let reached = reaching(server, &watched, || {
        let other = format!("sha384-{}", "A".repeat(64));
        let refused = visit.browser.execute_async(&format!(
            "return await fetch('maturity-quiz_bg.wasm', {{ integrity: {other:?} }}).then(() => 'served', () => 'refused');"
        ));
        assert_eq!(refused, json!("refused"));
    });
    assert_eq!(
        reached,
        ["/maturity-quiz_bg.wasm"],
        "the request with another integrity"
    );

    // While online, the page and embed.js come from the network, the rest of
    // the release from the cache.
    let reached = reaching(server, &watched, || visit.goto(scope));
    assert_eq!(
        reached,
        ["/", "/embed.js"],
        "what a reload fetched from the server"
    );
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
}

#[test]
fn e2e_files_replaced_without_a_new_worker_are_not_mixed_with_the_cache() {
    // A release unpacked over the folder without its sw.js (the release zip
    // has none): the worker's list no longer fits the files on the server.
    let offline = OfflineVisit::open("mq-unpacked", |server| server);
    let (visit, site, scope) = (&offline.visit, &offline.site, &offline.scope);
    // A release that changed the loader only: the widget's files it asks for
    // carry the hashes it names, the same as before.
    edit_file(site, "embed.js", |text| text + "\n/* the next release */\n");
    // embed.js asks for the widget's files after the worker has checked it:
    // they come from the server too, the old release's cache being dropped.
    let watched = ["/embed.js", "/maturity-quiz_bg.wasm"];
    let reached = reaching(offline.server(), &watched, || {
        visit.goto(scope);
        assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
    });
    assert_eq!(reached, watched, "the widget's files from the server");
    let caches = caches_with(&visit.browser, &cache_prefix(scope), &BTreeSet::new());
    assert_eq!(caches, json!({}), "the worker kept the old release's cache");
}

#[test]
fn e2e_a_file_changed_in_the_cache_is_not_served() {
    let offline = OfflineVisit::open("mq-tamper", |server| server);
    let (visit, scope, cache) = (&offline.visit, &offline.scope, &offline.cache);

    // Any script of the origin can write to the worker's cache.
    visit.browser.execute_async(&format!(
        "const cache = await caches.open({cache:?});
         await cache.put('demo.js', new Response('window.mqTampered = true;',
           {{ headers: {{ 'Content-Type': 'text/javascript' }} }}));
         await cache.put('maturity-quiz_bg.wasm', new Response('<!doctype html><p>Not found</p>',
           {{ headers: {{ 'Content-Type': 'application/wasm' }} }}));"
    ));
    let watched = ["/demo.js", "/maturity-quiz_bg.wasm"];
    let reached = reaching(offline.server(), &watched, || {
        visit.goto(scope);
        assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
    });
    assert_eq!(
        reached, watched,
        "the genuine files fetched from the server"
    );
    assert_eq!(
        visit
            .browser
            .execute("return window.mqTampered ?? null;", vec![]),
        Value::Null,
        "the page ran the demo.js put in the cache"
    );
}

#[test]
fn e2e_a_release_with_a_file_the_server_garbles_is_not_cached() {
    // A server that answers a missing file with its "not found" page and
    // status 200: an icon, so that the page itself still works.
    let site = fresh_temp_dir("mq-soft-404");
    release_in(&site, |_| {});
    let server = StaticServer::builder(&site)
        .page(
            "/icon-512.png",
            Page::html("<!doctype html><p>Not found</p>"),
        )
        .start();
    let scope = server.url("/");
    let visit = Visit::open(&scope, vec![server]);
    // demo.js registers the worker too; this waits for how its install ends.
    let state = visit.browser.execute_async(
        "const registration = await navigator.serviceWorker.register('sw.js');
         const worker = registration.installing ?? registration.waiting ?? registration.active;
         const done = () => ['activated', 'redundant'].includes(worker.state);
         if (!done()) await new Promise((resolve) =>
           worker.addEventListener('statechange', () => done() && resolve()));
         return worker.state;",
    );
    assert_eq!(
        state,
        json!("redundant"),
        "the worker installed a release with a wrong file"
    );
    let caches = caches_with(&visit.browser, &cache_prefix(&scope), &BTreeSet::new());
    assert_eq!(caches, json!({}), "a cache of the release is left");
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
}

#[test]
fn e2e_two_deployments_on_one_origin_keep_their_caches() {
    // Two copies of the quiz on one site, in two folders: two scopes.
    let root = fresh_temp_dir("mq-two");
    let (live, staging) = (root.join("live"), root.join("staging"));
    release_in(&live, |_| {});
    release_in(&staging, |_| {});
    let server = StaticServer::serve(&root);
    let (live_scope, staging_scope) = (server.url("/live/"), server.url("/staging/"));
    let visit = Visit::open(&live_scope, vec![server]);
    let live_cache = wait_offline_ready(&visit.browser, &live, &live_scope);

    visit.goto(&staging_scope);
    wait_offline_ready(&visit.browser, &staging, &staging_scope);
    assert_eq!(
        complete_cache(&visit.browser, &live, &live_scope),
        Ok(live_cache.clone()),
        "the staging copy's worker changed the live copy's cache"
    );

    // A new release of the staging copy replaces its own cache only.
    edit_file(&staging, "demo.css", |css| css + "\n/* next release */\n");
    precache(&staging);
    let staging_cache = complete_cache(&visit.browser, &staging, &staging_scope);
    visit
        .browser
        .execute_async("await (await navigator.serviceWorker.getRegistration()).update();");
    wait_until(
        PRECACHE,
        "the staging copy's next release",
        || match complete_cache(&visit.browser, &staging, &staging_scope) {
            Ok(name) if Ok(&name) != staging_cache.as_ref() => Ok(()),
            seen => Err(format!("{seen:?}")),
        },
    );
    assert_eq!(
        complete_cache(&visit.browser, &live, &live_scope),
        Ok(live_cache),
        "the staging copy's new release changed the live copy's cache"
    );
    assert_eq!(
        registrations(&visit.browser),
        json!([live_scope, staging_scope]),
    );
}

#[test]
fn e2e_the_retiring_worker_removes_the_offline_copy() {
    let OfflineVisit {
        visit, site, scope, ..
    } = OfflineVisit::open("mq-retire", |server| server);
    // Caches the retiring worker must leave alone: another folder's and
    // another app's.
    // (Sorted, as the check below lists them.)
    let others = json!(["another-app", format!("maturity-quiz:{scope}other/:1")]);
    visit.browser.execute_async(&format!(
        "for (const name of {others}) await (await caches.open(name)).put('/x', new Response('x'));"
    ));

    // The kill switch, as the README tells a site owner to use it.
    fs::copy(site.join("sw-retire.js"), site.join("sw.js"))
        .expect("put sw-retire.js in place of sw.js");
    visit
        .browser
        .execute("window.mqStillHere = true; return null;", vec![]);
    visit
        .browser
        .execute_async("await (await navigator.serviceWorker.getRegistration()).update();");
    let gone = || {
        wait_until(PRECACHE, "the worker and its caches to be gone", || {
            let scopes = registrations(&visit.browser);
            let names = visit
                .browser
                .execute_async("return (await caches.keys()).sort();");
            if scopes == json!([]) && names == others {
                Ok(())
            } else {
                Err(format!("registrations: {scopes}, caches: {names}"))
            }
        })
    };
    gone();
    assert_eq!(
        visit
            .browser
            .execute("return window.mqStillHere ?? null;", vec![]),
        json!(true),
        "the retiring worker reloaded the page"
    );

    // The page comes from the server now. Its demo.js registers sw.js on
    // every visit, which is now the retiring worker: it removes itself again.
    visit.goto(&scope);
    assert_eq!(
        visit
            .browser
            .execute("return !!navigator.serviceWorker.controller;", vec![]),
        json!(false),
        "a worker controls the page after its retirement"
    );
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
    gone();
}

/// Where an injected `<base>` points: another site, which nothing serves.
const ELSEWHERE: &str = "http://127.0.0.2:9/mq/";

#[test]
fn e2e_the_standalone_page_runs_under_its_own_policy() {
    // No policy from the server: the page's <meta> is the only one. A copy
    // of the page carries an injected <base> to another site.
    let site = fresh_temp_dir("mq-meta-csp");
    release_in(&site, |site| {
        fs::copy(site.join("index.html"), site.join("based.html")).expect("copy index.html");
        edit_file(site, "based.html", |html| {
            html.replacen("<body>", &format!("<body><base href=\"{ELSEWHERE}\">"), 1)
        });
        with_recorder(site, "index.html");
        with_recorder(site, "based.html");
    });
    let server = StaticServer::serve(&site);
    let (url, based) = (server.url("/"), server.url("/based.html"));
    let visit = Visit::open(&url, vec![server]);
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
    assert_eq!(
        violations(&visit.browser),
        json!([]),
        "the page broke its own policy"
    );

    // Without the first page's saved progress, to answer the quiz again.
    visit
        .browser
        .execute("localStorage.clear(); return null;", vec![]);
    visit.goto(&based);
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");
    assert_eq!(
        visit.browser.execute("return document.baseURI;", vec![]),
        json!(based),
        "the injected <base> changed the page's base address"
    );
    let origin = visit.servers()[0].origin();
    let elsewhere: Vec<_> = requested(&visit.browser)
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|url| !url.starts_with(&origin))
        .map(str::to_owned)
        .collect();
    assert!(
        elsewhere.is_empty(),
        "requests to another site: {elsewhere:?}"
    );
    assert_eq!(
        violations(&visit.browser),
        json!([format!("base-uri {ELSEWHERE}")]),
        "the refused <base> is the page's only violation"
    );
}

#[test]
fn e2e_a_whole_quiz_makes_no_network_request() {
    let server = StaticServer::serve(dist());
    let url = server.url("/");
    let visit = Visit::open(&url, vec![server]);
    // The page's benchmark is fetched when the widget starts, which may be
    // just after it renders.
    let before = wait_until(STEP, "the page's benchmark to be fetched", || {
        let requested = requested(&visit.browser);
        let fetched = requested
            .as_array()
            .into_iter()
            .flatten()
            .any(|url| url.as_str().is_some_and(|u| u.ends_with("/demo-poll.json")));
        if fetched {
            Ok(requested)
        } else {
            Err(requested.to_string())
        }
    });
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

/// The text of each script element of `html`, read as the HTML parser reads
/// it when no script holds `<!--`: up to the first `</script` after the tag.
fn inline_scripts(html: &str) -> Vec<&str> {
    // ASCII lowercase keeps every byte where it was.
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script").map(|i| at + i) {
        let open_end = start + lower[start..].find('>').expect("a closed <script> tag") + 1;
        let end = open_end
            + lower[open_end..]
                .find("</script")
                .expect("a </script> for each <script>");
        scripts.push(&html[open_end..end]);
        at = end + 1;
    }
    scripts
}

#[test]
fn e2e_single_file_completes_from_disk_without_a_server() {
    let file = single_file_alone();
    let visit = Visit::open(&format!("file://{}", file.display()), Vec::new());
    assert_eq!(visit.complete(0, &ALL_FUNCTIONAL), "Functioneel");

    // The page's own policy let its style and the widget's stylesheet apply
    // (the scripts and the wasm ran: the quiz completed).
    let styled = visit.browser.execute(
        "return [getComputedStyle(document.body).maxWidth,
                 getComputedStyle(document.querySelector('maturity-quiz')).getPropertyValue('--mq-radius').trim()];",
        vec![],
    );
    assert_eq!(
        styled,
        json!(["768px", "8px"]),
        "the page's style and the widget's stylesheet"
    );

    // Nothing in an inline script can end it early or hide its end.
    let html = fs::read_to_string(&file).expect("read the single file");
    let scripts = inline_scripts(&html);
    assert!(
        scripts.iter().all(|script| !script.contains("<!--")),
        "an inline script holds <!--"
    );
    assert_eq!(
        html.to_ascii_lowercase().matches("</script").count(),
        scripts.len(),
        "a </script inside an inline script"
    );
    let lengths: Vec<usize> = scripts.iter().map(|s| s.encode_utf16().count()).collect();
    assert_eq!(
        visit.browser.execute(
            "return [...document.scripts].map((s) => s.text.length);",
            vec![]
        ),
        json!(lengths),
        "the browser read other scripts than the file holds"
    );
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
