//! Keeping and sharing a result: its link opened in a fresh browser shows
//! the same result and leaves that browser's storage alone; a bad link says
//! why and the quiz starts as usual; printing shows the result and no button.

use serde_json::{Value, json};

use crate::dist;
use crate::support::cases::{answers, values};
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{STEP, Visit};

/// What the result screen shows: the phase, the dimension table's rows, the
/// share link and code, and whether it is a shared result.
const RESULT_JS: &str = r#"
return {
  phase: text('.mq-phase-name'),
  rows: [...root.querySelectorAll('.mq-chart tbody tr')].map((r) => r.textContent.replace(/\s+/g, ' ').trim()),
  bars: [...root.querySelectorAll('.mq-chart .mq-bar-fill')].map((b) => b.getAttribute('width')),
  link: q('.mq-share-link') && q('.mq-share-link').value,
  code: q('.mq-share-code') && q('.mq-share-code').value,
  shared: !!q('.mq-shared'),
  lang: q('.mq').lang,
  saved: Object.keys(localStorage),
};
"#;

fn result(visit: &Visit) -> Value {
    visit.run(0, RESULT_JS)
}

#[test]
fn e2e_a_result_link_opens_the_same_result_in_a_fresh_browser() {
    // The standalone page with its widget in English.
    let index = std::fs::read_to_string(dist().join("index.html")).unwrap();
    let english = index.replacen("<maturity-quiz ", "<maturity-quiz lang=\"en\" ", 1);
    let server = StaticServer::builder(dist())
        .page("/en.html", Page::html(english))
        .start();
    let page = server.url("/en.html");
    let (mine, link) = {
        let visit = Visit::open(&page, vec![]);
        assert_eq!(
            visit.complete(0, &values("case-b-dont-know")),
            "Experimental"
        );
        // The page's benchmark adds a column to the table once it is read.
        visit.wait_shown(0, STEP, ".mq-compared");
        let mine = result(&visit);
        let link = mine["link"].as_str().unwrap().to_owned();
        let code = mine["code"].as_str().unwrap();
        println!(
            "result code for 12 questions: {code} ({} characters)",
            code.len()
        );
        assert!(code.len() < 24, "{code}");
        assert_eq!(link, format!("{page}#r={code}&lang=en"));
        // Headless Chromium may refuse the clipboard: either way it says so.
        visit.click(0, ".mq-copy-code");
        visit.wait_run(
            0,
            STEP,
            "the copy status",
            "return text('.mq-share-status');",
            |status| {
                status == "The code is copied."
                    || status
                        == "This browser did not allow copying: select the text in the field and copy it yourself."
            },
        );
        assert_eq!(
            visit.run(0, "return q('.mq-share-status').getAttribute('role');"),
            json!("status")
        );
        (mine, link)
    };

    // A new browser: a fresh profile, empty storage.
    let visit = Visit::open(&link, vec![server]);
    visit.wait_shown(0, STEP, ".mq-compared");
    let theirs = result(&visit);
    assert_eq!(theirs["phase"], "Experimental");
    assert_eq!(theirs["rows"], mine["rows"], "the same dimension table");
    assert_eq!(theirs["bars"], mine["bars"], "the same bars");
    assert_eq!(theirs["shared"], true);
    assert_eq!(theirs["lang"], "en");
    assert_eq!(theirs["saved"], json!([]), "a shared result is not saved");

    // In Dutch, from a link with lang=nl, over the respondent's own progress,
    // which comes back untouched.
    visit.goto(&page);
    visit.start(0);
    visit.answer(0, "2");
    let saved = visit.browser.execute(
        "return localStorage.getItem('maturity-quiz/social-maturity/v3');",
        vec![],
    );
    visit.goto(&link.replace("lang=en", "lang=nl"));
    visit.wait_run(0, STEP, "the shared result in Dutch", RESULT_JS, |shown| {
        shown["phase"] == "Experimenteel" && shown["shared"] == true
    });
    assert_eq!(
        visit.browser.execute(
            "return localStorage.getItem('maturity-quiz/social-maturity/v3');",
            vec![]
        ),
        saved,
        "the own progress is not overwritten"
    );
    visit.click(0, ".mq-leave-shared");
    // Back on the own question 2.
    visit.wait_state(0, STEP, json!({ "progress": "Vraag 2 van 12" }));
}

#[test]
fn e2e_the_link_leaves_the_page_query_out_or_starts_with_share_url() {
    // An invitation page: its query holds a token and an e-mail address, and
    // its <base> points elsewhere. Three widgets resume on case B's result:
    // one plain, one with a relative share-url, one with an invalid one.
    let case_b = json!(answers("case-b-dont-know"));
    let setup = format!(
        "window.warnings = []; const warn = console.warn; \
         console.warn = (...args) => {{ warnings.push(args.map(String).join(' ')); warn(...args); }}; \
         for (const key of ['', '#pos:1', '#pos:2']) localStorage.setItem('maturity-quiz/social-maturity/v3' + key, \
           JSON.stringify({{ format: 2, questionnaire: 'social-maturity', version: 3, language: 'en', step: 'result', answers: {case_b}, profile: {{}} }}));"
    );
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Invitation</title>\
        <base href=\"/elsewhere/\"><script src=\"/setup.js\"></script>\
        <script type=\"module\" src=\"/embed.js\"></script></head><body>\
        <maturity-quiz></maturity-quiz>\
        <maturity-quiz share-url=\"landing?from=share\"></maturity-quiz>\
        <maturity-quiz share-url=\"javascript:alert(1)\"></maturity-quiz></body></html>";
    let server = StaticServer::builder(dist())
        .page("/quiz.html", Page::html(page))
        .page("/setup.js", Page::new("text/javascript", setup))
        .start();
    let (address, origin) = (server.url("/quiz.html"), server.origin());
    let visit = Visit::open(
        &format!("{address}?token=secret&email=jan%40example.org"),
        vec![server],
    );
    let shown: Vec<Value> = (0..3).map(|i| visit.run(i, RESULT_JS)).collect();
    let code = shown[0]["code"].as_str().expect("a code").to_owned();
    assert_eq!(code, "23.BW-H-aA", "case B without background answers");
    let links: Vec<&str> = shown.iter().map(|s| s["link"].as_str().unwrap()).collect();
    assert_eq!(
        links,
        [
            format!("{address}#r={code}&lang=en"),
            format!("{origin}/landing?from=share#r={code}&lang=en"),
            format!("{address}#r={code}&lang=en"),
        ],
        "no token, no e-mail; share-url resolved against the page, not <base>"
    );
    let warnings = visit.browser.execute("return window.warnings;", vec![]);
    assert!(
        warnings.as_array().unwrap().iter().any(|w| w
            .as_str()
            .is_some_and(|w| w.contains("share-url=\"javascript:alert(1)\""))),
        "the invalid share-url is named on the console: {warnings}"
    );
}

#[test]
fn e2e_a_bad_or_old_link_says_why_and_the_quiz_starts_as_usual() {
    let server = StaticServer::serve(dist());
    let url = server.url("/#r=13.AB!DEF&lang=en");
    let visit = Visit::open(&url, vec![server]);
    let notice = visit.run(0, "return text('.mq-notice');");
    assert_eq!(
        notice,
        "De link naar een resultaat is niet te lezen. Het teken ‘!’ op positie 6 hoort niet in een resultaatcode. U kunt de vragenlijst wel zelf invullen.",
        "in the page's language (the link's lang only applies to a result)"
    );
    assert!(visit.state(0)["start"].is_string(), "on the intro");
    // A link made with version 2, case B's, before the questions changed
    // meaning (issue 21): refused with the version, never misread.
    visit.goto(&visit.servers()[0].url("/#r=22.BW-H-aA"));
    assert_eq!(
        visit.run(0, "return text('.mq-notice');"),
        "De link naar een resultaat is niet te lezen. Het resultaat hoort bij versie 2 van de \
         vragenlijst; dit is versie 3. U kunt de vragenlijst wel zelf invullen."
    );
    assert!(visit.state(0)["start"].is_string(), "on the intro");
}

#[test]
fn e2e_print_shows_the_result_on_one_page_without_buttons() {
    // A page with nothing but the widget, so that its pages are the result's.
    let server = StaticServer::builder(dist())
        .page(
            "/alone.html",
            Page::html(
                "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Result</title>\
                 <script type=\"module\" src=\"/embed.js\"></script></head>\
                 <body><maturity-quiz></maturity-quiz></body></html>",
            ),
        )
        .start();
    let url = server.url("/alone.html");
    let visit = Visit::open(&url, vec![server]);
    visit.complete(0, &values("case-b-dont-know"));
    let printed = || {
        visit.run(
            0,
            "const shown = (e) => e.getClientRects().length > 0;
             return {
               buttons: [...root.querySelectorAll('button')].filter(shown).map((b) => b.textContent),
               inputs: [...root.querySelectorAll('input')].filter(shown).length,
               chart: shown(q('.mq-chart')),
               description: shown(q('.mq-description')),
               nextSteps: shown(q('.mq-next-steps')),
               height: q('.mq').getBoundingClientRect().height,
             };",
        )
    };
    let screen = printed();
    assert!(screen["buttons"].as_array().unwrap().len() >= 6, "{screen}");
    visit.browser.emulate_print(true);
    let print = printed();
    assert_eq!(print["buttons"], json!([]), "no button on paper");
    assert_eq!(print["inputs"], 0, "no field on paper");
    assert_eq!(
        (&print["chart"], &print["description"], &print["nextSteps"]),
        (&json!(true), &json!(true), &json!(true))
    );
    println!(
        "result height: {} px on screen, {} px in print media at 1280 px wide",
        screen["height"], print["height"]
    );
    visit.browser.emulate_print(false);
    // The PDF itself: the browser's own print to A4, counted in pages.
    match visit.browser.print_pdf() {
        Some(pdf) => {
            let pages = pdf_pages(&pdf);
            let keep = crate::crate_dir()
                .join("test-output")
                .join(visit.browser.engine().name())
                .join("result-print.pdf");
            let _ = std::fs::create_dir_all(keep.parent().unwrap());
            let _ = std::fs::write(&keep, &pdf);
            println!("PDF: {}", keep.display());
            println!(
                "{}: printed on A4: {pages} page(s)",
                visit.browser.version()
            );
            assert_eq!(pages, 1, "the result prints on one A4 page");
        }
        None => {
            // No Print command: lay the page out at A4's printable width
            // (19 cm at 96 px per inch) in print media and compare its height
            // with the printable height (27.7 cm).
            let (width, height) = (19.0 / 2.54 * 96.0, 27.7 / 2.54 * 96.0);
            visit.browser.set_window_size(width as u32, 900);
            visit.browser.emulate_print(true);
            let tall = visit.browser.execute(
                "return document.documentElement.getBoundingClientRect().height;",
                vec![],
            );
            visit.browser.emulate_print(false);
            let tall = tall.as_f64().expect("a height");
            println!(
                "{}: no WebDriver Print command; print layout {tall:.0} px tall at A4's printable \
                 width, which holds {height:.0} px",
                visit.browser.version()
            );
            assert!(
                tall <= height,
                "the result fits one A4 page: {tall:.0} px > {height:.0} px"
            );
        }
    }
}

/// The number of pages of `pdf`: its `/Type /Page` objects, also those
/// inside compressed object streams (Firefox writes those; Chromium does not).
fn pdf_pages(pdf: &[u8]) -> usize {
    use std::io::Read;
    let mut texts = vec![pdf.to_vec()];
    let mut rest = pdf;
    while let Some(start) = find(rest, b"stream") {
        let after = &rest[start + b"stream".len()..];
        let body = after
            .strip_prefix(b"\r\n")
            .or_else(|| after.strip_prefix(b"\n"));
        let (Some(body), false) = (body, rest[..start].ends_with(b"end")) else {
            rest = after;
            continue;
        };
        let end = find(body, b"endstream").unwrap_or(body.len());
        let mut inflated = Vec::new();
        if flate2::read::ZlibDecoder::new(&body[..end])
            .read_to_end(&mut inflated)
            .is_ok()
        {
            texts.push(inflated);
        }
        rest = &body[end..];
    }
    texts
        .iter()
        .map(|text| {
            let text = String::from_utf8_lossy(text);
            text.match_indices("/Type")
                .filter(|(at, _)| {
                    let tail = text[at + "/Type".len()..].trim_start();
                    tail.starts_with("/Page") && !tail.starts_with("/Pages")
                })
                .count()
        })
        .sum()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
