//! The background questions as a respondent and a host page meet them: case
//! B with a sector and a size, then with both skipped, in Dutch and
//! English, each result carrying its answers in the `complete` event and
//! the result code; and a host that answers one beforehand by attribute.

use mq_core::exchange::code::decode;
use mq_core::model::{Questionnaire, Response};
use serde_json::{Value, json};

use crate::dist;
use crate::support::cases::values;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{STEP, Visit};
use crate::support::webdriver::wait_until;

/// Records every `complete` detail and every console warning.
const LISTEN_JS: &str = "window.heard = []; window.warned = [];
document.addEventListener('maturity-quiz:complete', (e) => heard.push(e.detail));
const warn = console.warn; console.warn = (...args) => { warned.push(args.join(' ')); warn(...args); };";

/// A page with one widget in `lang` with `attributes`.
fn page(lang: &str, attributes: &str) -> Page {
    Page::html(format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Poll</title>
<script src="/listen.js"></script><script type="module" src="/embed.js"></script></head>
<body><main><maturity-quiz lang="{lang}"{attributes}></maturity-quiz></main></body></html>"#
    ))
}

fn server() -> StaticServer {
    StaticServer::builder(dist())
        .page("/listen.js", Page::new("text/javascript", LISTEN_JS))
        .page("/nl.html", page("nl", ""))
        .page("/en.html", page("en", ""))
        .page(
            "/invited.html",
            page(
                "en",
                r#" profile-sector="education" profile-colour="red" profile-size="huge""#,
            ),
        )
        .page(
            "/all.html",
            page("en", r#" profile-sector="care" profile-size="10-49""#),
        )
        .start()
}

/// What the background screen shows: its heading, each question's legend,
/// each question's options, and which options stand checked.
const PROFILE_JS: &str = r#"
const texts = (s) => [...root.querySelectorAll(s)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
return {
  heading: text('.mq-profile h2'),
  legends: texts('.mq-profile legend'),
  options: [...root.querySelectorAll('.mq-profile fieldset')].map((f) => [...f.querySelectorAll('label')].map((l) => l.textContent.trim())),
  checked: [...root.querySelectorAll('.mq-profile input:checked')].map((i) => i.value),
  focused: root.activeElement && root.activeElement.tagName,
};
"#;

/// Goes to `url` with nothing saved, answers case B with question 8 "don't
/// know" and waits for the
/// background screen; returns what it shows.
fn to_profile(visit: &Visit, url: &str) -> Value {
    visit
        .browser
        .execute("try { localStorage.clear(); } catch (e) {}", vec![]);
    visit.goto(url);
    visit.start(0);
    for answer in values("case-b-dont-know") {
        visit.answer(0, &answer);
    }
    visit.wait_run(0, STEP, "the background questions", PROFILE_JS, |shown| {
        shown["heading"].is_string()
    })
}

/// The last `complete` detail's profile, and the result code shown.
fn outcome(visit: &Visit) -> (Value, String) {
    // The event follows the result's render, at the latest a task later.
    let last = wait_until(
        std::time::Duration::from_secs(5),
        "the complete event",
        || {
            let heard = visit.browser.execute("return window.heard;", vec![]);
            heard
                .as_array()
                .and_then(|h| h.last())
                .cloned()
                .ok_or_else(|| heard.to_string())
        },
    );
    let code = visit.run(0, "return q('.mq-share-code').value;");
    (
        last["profile"].clone(),
        code.as_str().unwrap_or_default().to_string(),
    )
}

#[test]
fn e2e_case_b_with_a_sector_and_a_size_then_skipped_in_both_languages() {
    let server = server();
    let q = Questionnaire::built_in();
    let visit = Visit::open("about:blank", vec![]);
    for (lang, phase, heading, first, decline) in [
        (
            "nl",
            "Experimenteel",
            "Over uw organisatie",
            "In welke sector is uw organisatie actief?",
            "Zeg ik liever niet",
        ),
        (
            "en",
            "Experimental",
            "About your organisation",
            "Which sector does your organisation operate in?",
            "Prefer not to say",
        ),
    ] {
        let url = server.url(&format!("/{lang}.html"));
        let shown = to_profile(&visit, &url);
        assert_eq!(shown["heading"], heading);
        assert_eq!(shown["legends"][0], first);
        assert_eq!(shown["legends"].as_array().map(Vec::len), Some(2));
        assert_eq!(
            shown["options"][0].as_array().map(Vec::len),
            Some(9),
            "eight sectors and {decline}"
        );
        assert_eq!(shown["options"][0][8], decline);
        assert_eq!(shown["options"][1][5], decline);
        assert_eq!(
            shown["checked"],
            json!(["", ""]),
            "nothing chosen: prefer not to say"
        );
        assert_eq!(
            shown["focused"], "H2",
            "focus moves to the screen's heading"
        );

        assert_eq!(visit.profile(0, &["care", "50-249"]), phase);
        let (profile, code) = outcome(&visit);
        assert_eq!(profile, json!({ "sector": "care", "size": "50-249" }));
        assert_eq!(
            code.len(),
            10,
            "case B's code with background answers: {code}"
        );
        assert_eq!(
            decode(&q, &code).map(|r| r.profile),
            Ok(vec![Some(0), Some(2)])
        );

        to_profile(&visit, &url);
        assert_eq!(visit.profile(0, &[]), phase);
        let (profile, skipped) = outcome(&visit);
        assert_eq!(profile, json!({ "sector": null, "size": null }));
        assert_eq!(skipped.len(), 10);
        assert_ne!(skipped, code);
        let read: Response = decode(&q, &skipped).unwrap();
        assert_eq!(read.profile, [None, None]);
    }
    drop(server);
}

#[test]
fn e2e_a_host_answers_a_background_question_beforehand() {
    let server = server();
    let visit = Visit::open("about:blank", vec![]);
    let shown = to_profile(&visit, &server.url("/invited.html"));
    assert_eq!(
        shown["legends"],
        json!(["How many employees does your organisation have?"]),
        "the sector is not asked; the unknown size is"
    );
    let warned = visit.browser.execute("return window.warned;", vec![]);
    let warned: Vec<&str> = warned
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(warned.len(), 2, "{warned:?}");
    assert!(
        warned[0].contains("profile-colour=\"red\" is ignored"),
        "{warned:?}"
    );
    assert!(
        warned[1].contains("\"huge\" is not an answer to \"size\""),
        "{warned:?}"
    );
    assert_eq!(visit.profile(0, &["1-9"]), "Experimental");
    assert_eq!(
        outcome(&visit).0,
        json!({ "sector": "education", "size": "1-9" })
    );

    // Both answered beforehand: the result follows the last question.
    visit
        .browser
        .execute("try { localStorage.clear(); } catch (e) {}", vec![]);
    visit.goto(&server.url("/all.html"));
    assert_eq!(
        visit.complete(0, &values("case-b-dont-know")),
        "Experimental"
    );
    assert_eq!(
        visit.run(0, "return !!q('.mq-profile');"),
        json!(false),
        "never shown"
    );
    assert_eq!(
        outcome(&visit).0,
        json!({ "sector": "care", "size": "10-49" })
    );
}
