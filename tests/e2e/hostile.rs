//! Pages a visitor could meet that try to turn the widget against its host
//! (issue 20, H1): markup that a sanitiser lets through naming the loader's
//! settings or the document's base URL, and a server or CDN that hands out
//! swapped files. The widget must load only its own files, exactly as
//! built, or say that it cannot.

use serde_json::{Value, json};

use mq_core::i18n::ui_text;

use crate::dist;
use crate::support::cases::values;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{APP_START, Visit, host_page};
use crate::support::webdriver::{Browser, wait_until};

/// The 5-phase example shipped with the format document.
const EXAMPLE: &str = include_str!("../../docs/examples/digital-workplace.json");

/// A page on the widget's own site whose body holds what a comment box could
/// let through, all pointing at `elsewhere`: two named elements for the
/// loader's settings, a `<base>` for relative URLs, and a widget with a
/// relative `src`.
fn clobbered_page(elsewhere: &str) -> Page {
    host_page(
        "",
        "",
        &format!(
            "<article class=\"comment\">\
               <base href=\"{elsewhere}/\">\
               <a id=\"MATURITY_QUIZ_PUBLIC_PATH\" href=\"{elsewhere}/mq/\">nice quiz</a>\
               <a id=\"MATURITY_QUIZ_INLINE\" name=\"maturity-quiz_bg.wasm\" href=\"{elsewhere}/x.wasm\">one</a>\
               <a id=\"MATURITY_QUIZ_INLINE\" name=\"maturity-quiz_bg.wasm\" href=\"{elsewhere}/y.wasm\">two</a>\
             </article>\
             <maturity-quiz lang=\"en\"></maturity-quiz>\
             <maturity-quiz lang=\"en\" src=\"models/digital-workplace.json\"></maturity-quiz>"
        ),
    )
}

#[test]
fn e2e_hostile_markup_cannot_choose_where_the_widget_comes_from() {
    // The other site could serve every file the widget asks for, so only
    // the loader's own rules keep it away.
    let elsewhere = StaticServer::builder(dist())
        .header("Access-Control-Allow-Origin", "*")
        .page(
            "/models/digital-workplace.json",
            Page::new("application/json", EXAMPLE),
        )
        .start();
    let site = StaticServer::builder(dist())
        .page("/page.html", clobbered_page(&elsewhere.origin()))
        .page(
            "/models/digital-workplace.json",
            Page::new("application/json", EXAMPLE),
        )
        .start();
    let url = site.url("/page.html");
    let visit = Visit::open(&url, vec![site, elsewhere]);

    // The page is hostile as meant: the names answer with markup (one
    // element, or a collection of the two, by engine), and relative URLs of
    // the document go to the other site.
    let clobbered = visit.browser.execute(
        "return [MATURITY_QUIZ_PUBLIC_PATH instanceof Element,\
                 MATURITY_QUIZ_INLINE instanceof Element || MATURITY_QUIZ_INLINE instanceof HTMLCollection,\
                 document.baseURI];",
        vec![],
    );
    assert_eq!(clobbered[0], json!(true), "{clobbered}");
    assert_eq!(clobbered[1], json!(true), "{clobbered}");
    let other = visit.servers()[1].origin();
    assert!(
        clobbered[2].as_str().unwrap().starts_with(&other),
        "{clobbered}"
    );

    assert_eq!(
        visit.complete(0, &values("case-b-dont-know")),
        "Experimental"
    );
    assert_eq!(visit.complete(1, &["5"; 8]), "Adaptive");
    // WebKit itself asks for the page's icon at the base URL: the
    // browser's request, not the widget's.
    let asked: Vec<(String, u16)> = visit.servers()[1]
        .requests()
        .into_iter()
        .filter(|(path, _)| path != "/favicon.ico")
        .collect();
    assert_eq!(asked, [], "the widget asks nothing of the other site");
}

/// A WebAssembly custom section: valid anywhere in a module, ignored by the
/// engine, so the module with it still runs: only its hash differs.
const CUSTOM_SECTION: [u8; 7] = [0x00, 0x05, 0x04, b'e', b'v', b'i', b'l'];

/// Opens a page of a site whose `path` is `swapped` instead of the built
/// file, and returns the widget's load message once it shows.
fn load_message_with(path: &str, swapped: Page) -> Value {
    let site = StaticServer::builder(dist())
        .page(
            "/page.html",
            host_page("", "", r#"<maturity-quiz lang="en"></maturity-quiz>"#),
        )
        .page(path, swapped)
        .start();
    let browser = Browser::start();
    browser.goto(&site.url("/page.html"));
    wait_until(APP_START, "the load message", || {
        let shown = browser.execute(
            "const root = document.querySelector('maturity-quiz').shadowRoot;\
             const notice = root && root.querySelector('.mq-load-error');\
             return notice && { text: notice.textContent, role: notice.getAttribute('role'),\
               quiz: !!root.querySelector('.mq:not([aria-busy])') };",
            vec![],
        );
        if shown.is_null() {
            Err("no message yet".into())
        } else {
            Ok(shown)
        }
    })
}

#[test]
fn e2e_hostile_a_swapped_file_is_refused_by_its_hash() {
    let expected = json!({ "text": ui_text("en").load_failed, "role": "alert", "quiz": false });

    let mut wasm = std::fs::read(dist().join("maturity-quiz_bg.wasm")).unwrap();
    wasm.extend(CUSTOM_SECTION);
    assert_eq!(
        load_message_with(
            "/maturity-quiz_bg.wasm",
            Page::new("application/wasm", wasm)
        ),
        expected,
        "a wasm that would run, but is not the one built"
    );

    // The stylesheet is no file of its own to swap: it travels inside
    // embed.js, which the host page loads (and may pin by its own hash).
}
