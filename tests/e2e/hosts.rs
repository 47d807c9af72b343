//! The release as site owners take it (issue 15): the npm tarball and the
//! zip hold exactly the package's files; a Vite and a webpack 5 project that
//! installed the tarball, and an esbuild project that copied the widget's
//! files by the README's rule, each build a site on which the quiz completes
//! with no failed request; a plain page loads the unpacked package from a
//! second origin, as from a CDN, under the README's strict policy; and
//! `tsc` accepts a typed host file.
//!
//! Needs `target/package/` (`bash scripts/package.sh`) and the host projects
//! of `tests/hosts/` built in `target/hosts/` (`bash scripts/hosts.sh`);
//! scripts/test.sh runs both before this layer.

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::crate_dir;
use crate::support::cases::values;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::Visit;
use crate::support::webdriver::{fresh_temp_dir, wait_until};

/// The release's version: Cargo.toml's, which scripts/package.sh uses too.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything the package holds, and nothing else, sorted bytewise: the
/// files npm/package.json lists (scripts/package.sh copies those), and
/// package.json itself.
fn package_files() -> Vec<String> {
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(crate_dir().join("npm/package.json")).unwrap())
            .expect("npm/package.json is JSON");
    let mut files: Vec<String> = manifest["files"]
        .as_array()
        .expect("npm/package.json lists its \"files\"")
        .iter()
        .map(|file| file.as_str().expect("a file name").to_owned())
        .chain(["package.json".to_owned()])
        .collect();
    files.sort();
    files
}

/// The README's policy for the widget on the page's own origin.
const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// A file of the release in target/package/; panics with the fix if missing.
fn release(file: &str) -> PathBuf {
    let path = crate_dir().join("target/package").join(file);
    assert!(
        path.is_file(),
        "{} is missing: run `bash scripts/package.sh` first, or scripts/test.sh",
        path.display()
    );
    path
}

fn tarball() -> PathBuf {
    release(&format!("maturity-quiz-{VERSION}.tgz"))
}

/// Runs `command`, panicking with its output unless it succeeds; returns
/// its standard output.
fn run(command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The tarball's files (without npm's `package/` folder) and their sizes.
fn tarball_files() -> BTreeMap<String, u64> {
    run(Command::new("tar").arg("-tvzf").arg(tarball()))
        .lines()
        .map(|line| {
            // -rw-r--r-- 0/0   73725 1985-10-26 08:15 package/embed.js
            let fields: Vec<&str> = line.split_whitespace().collect();
            let name = fields[5]
                .strip_prefix("package/")
                .unwrap_or_else(|| panic!("{line}: outside package/"));
            (name.to_owned(), fields[2].parse().expect("a size"))
        })
        .collect()
}

/// The zip's files (without its top folder) and their sizes, read from its
/// central directory.
fn zip_files(zip: &Path, folder: &str) -> BTreeMap<String, u64> {
    let bytes = fs::read(zip).unwrap_or_else(|e| panic!("read {}: {e}", zip.display()));
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]) as usize;
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
    // The end of central directory record, with no archive comment.
    let end = bytes.len() - 22;
    assert_eq!(
        u32_at(end),
        0x0605_4b50,
        "{} ends in no zip directory",
        zip.display()
    );
    let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let mut files = BTreeMap::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4b50, "a zip directory entry");
        let size = u32_at(at + 24) as u64;
        let (name_len, extra, comment) = (u16_at(at + 28), u16_at(at + 30), u16_at(at + 32));
        let name = String::from_utf8_lossy(&bytes[at + 46..at + 46 + name_len]).into_owned();
        let name = name
            .strip_prefix(folder)
            .unwrap_or_else(|| panic!("{name}: outside {folder}"));
        files.insert(name.to_owned(), size);
        at += 46 + name_len + extra + comment;
    }
    files
}

/// The tarball unpacked into a fresh folder; returns the package's folder.
fn unpacked() -> PathBuf {
    let dir = fresh_temp_dir("mq-package");
    run(Command::new("tar")
        .arg("-xzf")
        .arg(tarball())
        .arg("-C")
        .arg(&dir));
    dir.join("package")
}

#[test]
fn e2e_package_tarball_and_zip_hold_exactly_the_package_files() {
    let in_tarball = tarball_files();
    let names: Vec<String> = in_tarball.keys().cloned().collect();
    assert_eq!(names, package_files(), "the npm tarball's files");
    let zip = release(&format!("maturity-quiz-{VERSION}.zip"));
    let in_zip = zip_files(&zip, &format!("maturity-quiz-{VERSION}/"));
    assert_eq!(
        in_zip, in_tarball,
        "the zip holds the same files, of the same sizes"
    );

    let sums = release("SHA256SUMS");
    let checked = run(Command::new("sha256sum")
        .arg("-c")
        .arg(&sums)
        .current_dir(sums.parent().unwrap()));
    assert_eq!(
        checked.lines().count(),
        3,
        "SHA256SUMS covers the tarball, the zip and the single file:\n{checked}"
    );
    release(&format!("maturity-quiz-{VERSION}.html"));

    let package = unpacked();
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(package.join("package.json")).unwrap()).unwrap();
    assert_eq!(
        (&manifest["name"], &manifest["version"], &manifest["type"]),
        (&json!("maturity-quiz"), &json!(VERSION), &json!("module"))
    );
    assert_eq!(
        manifest["exports"],
        json!({
            ".": { "types": "./embed.d.ts", "default": "./embed.js" },
            "./maturity-quiz_bg.wasm": "./maturity-quiz_bg.wasm",
            "./maturity-quiz-group_bg.wasm": "./maturity-quiz-group_bg.wasm",
            "./custom-elements.json": "./custom-elements.json",
            "./package.json": "./package.json",
        })
    );
    // A bare `import "maturity-quiz"` defines the element: bundlers must
    // keep it.
    assert_eq!(manifest["sideEffects"], json!(["./embed.js"]));
    for (field, file) in [
        ("types", "./embed.d.ts"),
        ("customElements", "./custom-elements.json"),
        ("unpkg", "./embed.js"),
        ("jsdelivr", "./embed.js"),
    ] {
        assert_eq!(manifest[field], file, "package.json's {field}");
    }

    // Bundlers see each file the loader loads as a literal URL beside it,
    // and no second URL to the wasm (the glue's own default). The loader is
    // minified: the spaces within a call are not compared.
    let loader = fs::read_to_string(package.join("embed.js")).unwrap();
    let urls: Vec<String> = loader
        .match_indices("new URL(")
        .map(|(at, _)| loader[at + 4..].split_once(')').unwrap().0)
        .filter(|call| call.contains("import.meta.url"))
        .map(|call| call.split_whitespace().collect())
        .collect();
    assert_eq!(
        urls,
        [
            r#"URL("./maturity-quiz_bg.wasm",import.meta.url"#,
            r#"URL("./maturity-quiz-group_bg.wasm",import.meta.url"#,
        ]
    );
}

/// One line of target/hosts/timings.txt for `name`, which scripts/hosts.sh
/// wrote: its install and build times.
fn prepared(name: &str) -> (PathBuf, String) {
    let work = crate_dir().join("target/hosts").join(name);
    let timings =
        fs::read_to_string(crate_dir().join("target/hosts/timings.txt")).unwrap_or_default();
    let line = timings
        .lines()
        .find(|line| line.split('\t').next() == Some(name))
        .unwrap_or_else(|| {
            panic!("target/hosts/{name} is not prepared: run `bash scripts/hosts.sh` first, or scripts/test.sh")
        });
    (work, line.to_owned())
}

/// Adds how long the quiz took on `name`'s site to the timings, for
/// BENCHMARKS.md, and prints it.
fn record(name: &str, quiz: Duration) {
    let line = format!("{name}\tquiz\t{:.1}", quiz.as_secs_f64());
    println!("{line}");
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(crate_dir().join("target/hosts/timings.txt"))
        .expect("open target/hosts/timings.txt");
    writeln!(file, "{line}").expect("write target/hosts/timings.txt");
}

/// Every request the page made (itself included) with its HTTP status, and
/// a custom property the widget's stylesheet sets on its element (the
/// stylesheet travels inside embed.js, so no request says it applied).
const REQUESTS_JS: &str = "return { requests: [...performance.getEntriesByType('navigation'), \
     ...performance.getEntriesByType('resource')].map((e) => [e.name, e.responseStatus]), \
     radius: getComputedStyle(document.querySelector('maturity-quiz')).getPropertyValue('--mq-radius').trim() };";

/// The browser asks every site for its icon; these have one.
fn favicon() -> Page {
    Page::new(
        "image/svg+xml",
        fs::read(crate_dir().join("dist/icon.svg")).expect("read dist/icon.svg"),
    )
}

/// Completes case B in the widget on `url` (in `language`), then checks that
/// the page's listener heard the result, that every request succeeded, the
/// widget's wasm among them, and that its stylesheet applies; returns how long it took
/// from opening the page.
fn complete_case_b(url: &str, servers: Vec<StaticServer>, phase: &str) -> (Visit, Duration) {
    let started = Instant::now();
    let visit = Visit::open(url, servers);
    assert_eq!(visit.complete(0, &values("case-b")), phase);
    let took = started.elapsed();
    wait_until(
        Duration::from_secs(5),
        "the page's listener to hear the result",
        || {
            let heard = visit
                .browser
                .execute("return document.body.dataset.phase ?? null;", vec![]);
            if heard == "experimental" {
                Ok(())
            } else {
                Err(heard.to_string())
            }
        },
    );
    let seen = visit.browser.execute(REQUESTS_JS, vec![]);
    let statuses_hidden = seen["requests"]
        .as_array()
        .is_some_and(|r| r.iter().any(|entry| entry[1].is_null()));
    let requests: Vec<(String, u64)> = if statuses_hidden {
        // WebKit (2.50) has no responseStatus in its resource timing: the
        // test servers' own logs say what they answered.
        println!(
            "{}: no responseStatus in resource timing; statuses from the servers' logs",
            visit.browser.version()
        );
        visit
            .servers()
            .iter()
            .flat_map(|server| {
                server
                    .requests()
                    .into_iter()
                    .map(|(path, status)| (server.url(&path), u64::from(status)))
            })
            .collect()
    } else {
        serde_json::from_value(seen["requests"].clone()).unwrap()
    };
    let failed: Vec<_> = requests
        .iter()
        .filter(|(_, status)| !(200..300).contains(status))
        .collect();
    assert!(
        failed.is_empty(),
        "failed requests: {failed:?} of {requests:?}"
    );
    let wasm = requests
        .iter()
        .filter(|(url, _)| url.ends_with(".wasm"))
        .count();
    assert_eq!(wasm, 1, "one wasm loaded: {requests:?}");
    assert_eq!(seen["radius"], "8px", "the widget's stylesheet applies");
    (visit, took)
}

/// The files under `dir` whose names end in `extension`.
fn files_ending(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_ending(&path, extension));
        } else if path.to_string_lossy().ends_with(extension) {
            found.push(path);
        }
    }
    found
}

/// A bundler's site, built by scripts/hosts.sh into target/hosts/NAME/dist,
/// served under the README's strict policy on its own origin: the quiz
/// completes, and the build holds the package's two wasm files, each once.
fn bundled_site_completes(name: &str) {
    let (work, prepared) = prepared(name);
    let site = work.join("dist");
    let emitted: Vec<Vec<u8>> = files_ending(&site, ".wasm")
        .iter()
        .map(|path| fs::read(path).unwrap())
        .collect();
    assert_eq!(emitted.len(), 2, "{name} emitted two wasm files");
    // Found by their bytes: a bundler names them by a hash of its own.
    for file in ["maturity-quiz_bg.wasm", "maturity-quiz-group_bg.wasm"] {
        let release = fs::read(crate_dir().join("dist").join(file)).unwrap();
        // Reported by size: a failure must not print the bytes.
        let sizes: Vec<usize> = emitted.iter().map(Vec::len).collect();
        assert!(
            emitted.contains(&release),
            "{name} emitted the release's {file} ({} bytes) as it is; it emitted {sizes:?} \
             (a host built from an older release? scripts/hosts.sh rebuilds them)",
            release.len()
        );
    }
    let server = StaticServer::builder(&site)
        .header("Content-Security-Policy", STRICT_CSP)
        .page("/favicon.ico", favicon())
        .start();
    let url = server.url("/");
    let (_visit, took) = complete_case_b(&url, vec![server], "Experimental");
    println!("{prepared}");
    record(name, took);
}

#[test]
fn e2e_vite_site_with_the_package_installed_completes_the_quiz() {
    bundled_site_completes("vite");
}

#[test]
fn e2e_webpack_site_with_the_package_installed_completes_the_quiz() {
    bundled_site_completes("webpack");
}

#[test]
fn e2e_esbuild_site_with_the_files_copied_by_the_readme_rule_completes_the_quiz() {
    bundled_site_completes("esbuild");
}

#[test]
fn e2e_plain_page_loads_the_package_from_a_cdn_origin_under_the_strict_policy() {
    // The unpacked tarball at the path a CDN such as jsDelivr gives it, with
    // the headers such CDNs send.
    let cdn_root = fresh_temp_dir("mq-cdn");
    let folder = cdn_root
        .join("npm")
        .join(format!("maturity-quiz@{VERSION}"));
    fs::create_dir_all(folder.parent().unwrap()).unwrap();
    fs::rename(unpacked(), &folder).unwrap();
    let cdn = StaticServer::builder(&cdn_root)
        .header("Access-Control-Allow-Origin", "*")
        .header("Timing-Allow-Origin", "*")
        .start();
    let origin = cdn.origin();
    let policy = format!(
        "default-src 'self'; script-src 'self' {origin} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' {origin}"
    );
    let page = Page::html(format!(
        r#"<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>CDN</title>
<script src="/host.js"></script>
<script type="module" src="{origin}/npm/maturity-quiz@{VERSION}/embed.js"></script></head>
<body><maturity-quiz></maturity-quiz></body></html>"#
    ))
    .with_header("Content-Security-Policy", &policy);
    let host_js = Page::new(
        "text/javascript",
        "window.violations = []; document.addEventListener('securitypolicyviolation', \
         (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI)); \
         document.addEventListener('maturity-quiz:complete', (e) => { document.body.dataset.phase = e.detail.phase.id; });",
    );
    let pages = StaticServer::builder(fresh_temp_dir("mq-host"))
        .page("/", page)
        .page("/host.js", host_js)
        .page("/favicon.ico", favicon())
        .start();
    assert_ne!(pages.origin(), cdn.origin(), "two origins");
    let url = pages.url("/");
    let (visit, took) = complete_case_b(&url, vec![cdn, pages], "Experimenteel");
    let violations = || visit.browser.execute("return window.violations;", vec![]);
    assert_eq!(
        violations(),
        json!([]),
        "the widget broke the page's policy"
    );
    // The recorder hears a violation when there is one.
    visit
        .browser
        .execute("document.body.setAttribute('style', 'color: red');", vec![]);
    wait_until(
        Duration::from_secs(5),
        "the deliberate violation to be recorded",
        || {
            let seen = violations();
            if seen.as_array().is_some_and(|a| a.len() == 1) {
                Ok(())
            } else {
                Err(seen.to_string())
            }
        },
    );
    record("cdn", took);
}

#[test]
fn e2e_typescript_accepts_a_host_file_using_the_element_and_its_events() {
    let (work, prepared) = prepared("types");
    let started = Instant::now();
    let tsc = work.join("node_modules/.bin/tsc");
    let output = Command::new(&tsc)
        .args(["--noEmit", "-p", "."])
        .current_dir(&work)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", tsc.display()));
    assert!(
        output.status.success(),
        "tsc --noEmit rejects tests/hosts/types/host.ts:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    println!(
        "{prepared}\ntypes\ttsc\t{:.1}",
        started.elapsed().as_secs_f64()
    );
}
