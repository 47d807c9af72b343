//! The host page's own privacy line: markup the page puts in the element
//! with `slot="privacy"` shows under the widget's own line on the intro and
//! under the background screen's introduction, and nowhere else; a widget
//! without it shows nothing there. Screenshots of both screens with the
//! line, at 360 and 1280 px, go to `test-output/<engine>/`.

use serde_json::{Value, json};

use crate::dist;
use crate::support::cases::values;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::Visit;

/// The page's own line, as a site that forwards results would write it.
const HOST_LINE: &str = "Wij bewaren uw resultaat om de peiling te bundelen.";

/// Two widgets: the first with the page's line, the second without.
const PAGE: &str = r#"<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Peiling</title>
<style>[slot=privacy] a { color: inherit; }</style>
<script type="module" src="/embed.js"></script></head>
<body><main>
<maturity-quiz lang="nl" id="with-line"><span slot="privacy">Wij bewaren uw resultaat om de peiling te bundelen. <a href="/privacy">Zo gaan wij met uw gegevens om</a>.</span></maturity-quiz>
<maturity-quiz lang="nl" id="without-line"></maturity-quiz>
</main></body></html>"#;

/// Where the slot is and what it shows: the texts assigned to it, whether
/// the page's element is rendered at all, and whether they sit below `after` (the widget's own
/// line before it) and inside the widget's box.
fn slot_state(visit: &Visit, widget: usize, after: &str) -> Value {
    visit.run(
        widget,
        &format!(
            "const slot = root.querySelector('slot[name=privacy]');
             const assigned = slot ? slot.assignedElements() : [];
             const own = q({after:?});
             const box = q('.mq').getBoundingClientRect();
             // The page's own element, rendered or not: only a slot shows it.
             const line = host.querySelector('[slot=privacy]');
             const rects = line ? [...line.getClientRects()] : [];
             return {{
               slots: root.querySelectorAll('slot').length,
               texts: assigned.map((e) => e.textContent.replace(/\\s+/g, ' ').trim()),
               shown: rects.length > 0,
               below: !!own && rects.length > 0 && rects[0].top >= own.getBoundingClientRect().bottom - 1,
               inside: rects.length > 0 && rects.every((r) => r.left >= box.left - 1 && r.right <= box.right + 1),
             }};"
        ),
    )
}

/// The page's line, assigned, shown below `after` and inside the widget.
fn assert_line_under(state: &Value, screen: &str) {
    assert_eq!(state["slots"], 1, "{screen}: one slot: {state}");
    let texts = state["texts"].as_array().expect("texts");
    assert_eq!(texts.len(), 1, "{screen}: the page's line: {state}");
    assert!(
        texts[0].as_str().unwrap_or_default().starts_with(HOST_LINE),
        "{screen}: {state}"
    );
    assert_eq!(
        (&state["shown"], &state["below"], &state["inside"]),
        (&json!(true), &json!(true), &json!(true)),
        "{screen}: shown under the widget's own words, inside its box: {state}"
    );
}

#[test]
fn e2e_the_host_pages_privacy_line_shows_under_ours_on_the_intro_and_the_background_screen() {
    let server = StaticServer::builder(dist())
        .page("/poll.html", Page::html(PAGE))
        .start();
    let url = server.url("/poll.html");
    let visit = Visit::open(&url, vec![server]);
    visit.fresh(&url);

    // The intro: ours first, the page's under it; nothing in the other.
    let own = visit.run(0, "return text('.mq-privacy');");
    assert_eq!(
        own,
        json!(
            "De vragenlijst bewaart uw antwoorden en eerdere resultaten alleen in deze browser, \
             en verstuurt ze zelf nergens heen. Zo kunt u later verder en ziet u wat er veranderd \
             is. U kunt ze op elk moment wissen."
        )
    );
    assert_line_under(&slot_state(&visit, 0, ".mq-privacy"), "intro");
    let without = slot_state(&visit, 1, ".mq-privacy");
    assert_eq!(
        (&without["slots"], &without["texts"], &without["shown"]),
        (&json!(1), &json!([]), &json!(false)),
        "a widget without the slot shows nothing there: {without}"
    );
    for width in [360, 1280] {
        visit.screenshot("privacy-line-intro", width);
    }

    // A question: no slot, so the page's line is not rendered.
    visit.start(0);
    let question = slot_state(&visit, 0, ".mq-progress");
    assert_eq!(
        (&question["slots"], &question["shown"]),
        (&json!(0), &json!(false)),
        "no line on a question: {question}"
    );

    // The background screen: under its introduction.
    for answer in values("case-b-dont-know") {
        visit.answer(0, &answer);
    }
    visit.wait_for_background(0);
    assert_line_under(
        &slot_state(&visit, 0, ".mq-profile-intro"),
        "background screen",
    );
    for width in [360, 1280] {
        visit.screenshot("privacy-line-background", width);
    }

    // The result: the line is gone again.
    visit.profile(0, &[]);
    let result = slot_state(&visit, 0, ".mq-result-heading");
    assert_eq!(
        (&result["slots"], &result["shown"]),
        (&json!(0), &json!(false)),
        "no line on the result: {result}"
    );
}
