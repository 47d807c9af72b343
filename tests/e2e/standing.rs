//! What the result says, as a respondent reads it (issue 21): the buttons
//! say where they lead, the phase description comes before the notes, a
//! line says it is one person's self-assessment, every dimension says where
//! it stands now (weakest first, as the uneven note says), the chart's marks
//! sit where the phases begin, and the same result opened from its link
//! speaks of "deze organisatie"; a provisional result says so in its label,
//! above its description. Screenshots of the result at 360 and
//! 1280 px go to `test-output/<engine>/result-standing-*.png`.

use serde_json::{Value, json};

use crate::dist;
use crate::support::cases::values;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{STEP, Visit};

/// What the result screen shows, in document order where order matters.
const RESULT_JS: &str = r#"
const all = (s) => [...root.querySelectorAll(s)];
const words = (e) => e ? e.textContent.replace(/\s+/g, ' ').trim() : null;
const order = (a, b) => !!(q(a) && q(b) && (q(a).compareDocumentPosition(q(b)) & Node.DOCUMENT_POSITION_FOLLOWING));
return {
  label: text('.mq-result-label'),
  disclaimer: text('.mq-disclaimer'),
  capped: text('.mq-note-capped'),
  uneven: text('.mq-note-uneven'),
  descriptionFirst: order('.mq-description', '.mq-note-capped') && order('.mq-note-uneven', '.mq-chart'),
  headings: all('.mq-subheading').map(words),
  steps: all('.mq-next-step').map((li) => ({
    dimension: words(li.querySelector('.mq-next-step-dimension')),
    now: words(li.querySelector('.mq-next-step-now .mq-next-step-label')),
    towards: words(li.querySelector('.mq-next-step-towards .mq-next-step-label')),
  })),
  ticks: all('.mq-chart .mq-bar:first-child .mq-bar-tick').map((t) => t.getAttribute('x1')),
  fills: all('.mq-chart .mq-bar-fill').map((r) => r.getAttribute('width')),
  scale: text('.mq-chart-scale'),
};
"#;

fn page() -> Page {
    Page::html(
        r#"<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Resultaat</title>
<script type="module" src="/embed.js"></script></head>
<body><main><maturity-quiz lang="nl"></maturity-quiz></main></body></html>"#,
    )
}

fn continue_label(visit: &Visit) -> Value {
    visit.run(0, "return text('.mq-continue');")
}

#[test]
fn e2e_the_result_says_where_each_dimension_stands_and_a_shared_one_speaks_of_this_organisation() {
    let server = StaticServer::builder(dist())
        .page("/result.html", page())
        .start();
    let url = server.url("/result.html");
    let visit = Visit::open(&url, vec![server]);
    visit.fresh(&url);
    visit.start(0);
    let case_b = values("case-b-dont-know");
    for answer in &case_b[..11] {
        visit.answer(0, answer);
    }
    // The last question leads to the background screen, and says so.
    assert_eq!(visit.state(0)["progress"], "Vraag 12 van 12");
    assert_eq!(continue_label(&visit), json!("Volgende"));
    visit.answer(0, &case_b[11]);
    visit.wait_for_background(0);
    assert_eq!(continue_label(&visit), json!("Bekijk het resultaat"));
    assert_eq!(visit.profile(0, &[]), "Experimenteel");

    let own = visit.run(0, RESULT_JS);
    assert_eq!(own["label"], "De fase van uw organisatie:", "{own}");
    assert_eq!(
        own["disclaimer"],
        "Dit resultaat berust op de zelfevaluatie van één persoon: een indicatie, geen oordeel. \
         Bespreek het met collega’s: zij zien het misschien anders."
    );
    assert_eq!(
        own["descriptionFirst"], true,
        "description, then notes, then chart: {own}"
    );
    assert_eq!(
        own["headings"],
        json!([
            "Per dimensie",
            "Waar uw organisatie staat en waar ze naartoe kan groeien",
            "Bewaar of deel dit resultaat"
        ])
    );
    assert!(
        own["uneven"].as_str().unwrap_or_default().ends_with(
            "bovenaan onder ‘Waar uw organisatie staat en waar ze naartoe kan groeien’."
        ),
        "{own}"
    );
    // Case B: monitoring 1, integration 2.5, organisation, channels and
    // dialogue 3, strategy 4 (the top: no next step).
    assert_eq!(
        own["steps"],
        json!([
            { "dimension": "Monitoren en leren", "now": "Nu, in de fase Ad hoc:",
              "towards": "Volgende stap, op weg naar de fase Experimenteel:" },
            { "dimension": "Integratie en samenwerking", "now": "Nu, in de fase Experimenteel:",
              "towards": "Volgende stap, op weg naar de fase Functioneel:" },
            { "dimension": "Organisatie en beleid", "now": "Nu, in de fase Functioneel:",
              "towards": "Volgende stap, op weg naar de fase Transformatie:" },
            { "dimension": "Gebruik en kanalen", "now": "Nu, in de fase Functioneel:",
              "towards": "Volgende stap, op weg naar de fase Transformatie:" },
            { "dimension": "Reacties en dialoog", "now": "Nu, in de fase Functioneel:",
              "towards": "Volgende stap, op weg naar de fase Transformatie:" },
            { "dimension": "Strategie en doelen", "now": "Nu, in de fase Transformatie:",
              "towards": null },
        ])
    );
    // The scale runs from 1 to 4: marks at 1.75, 2.75 and 3.75; strategy's
    // 4 fills the bar, monitoring's 1 leaves it empty.
    assert_eq!(own["ticks"], json!(["25%", "58.33%", "91.67%"]));
    let fills = own["fills"].as_array().expect("fills");
    assert_eq!(
        (&fills[0], &fills[4]),
        (&json!("100%"), &json!("0%")),
        "{own}"
    );
    assert!(
        own["scale"]
            .as_str()
            .unwrap_or_default()
            .ends_with("1,75 (Experimenteel), 2,75 (Functioneel) en 3,75 (Transformatie)."),
        "{own}"
    );

    for width in [360, 1280] {
        visit.screenshot("result-standing", width);
    }

    // The same result from its link, in a browser that did not answer.
    let link = visit.run(0, "return q('.mq-share-link').value;");
    visit.fresh("about:blank");
    visit.goto(link.as_str().expect("the result's link"));
    visit.wait_shown(0, STEP, ".mq-shared");
    let shared = visit.run(0, RESULT_JS);
    assert_eq!(shared["label"], "De fase van deze organisatie:", "{shared}");
    assert!(
        shared["capped"]
            .as_str()
            .unwrap_or_default()
            .starts_with("De gemiddelde score van deze organisatie (2,75"),
        "{shared}"
    );
    assert_eq!(
        shared["headings"][1],
        "Waar deze organisatie staat en waar ze naartoe kan groeien"
    );

    // A provisional result (the brief's case C: monitoring unknown) says so
    // in its label, and what it rests on comes before its description.
    visit.fresh("about:blank");
    visit.goto(&url);
    assert_eq!(visit.complete(0, &values("case-c")), "Experimenteel");
    let provisional = visit.run(
        0,
        "const before = (a, b) => !!(q(a) && q(b) && (q(a).compareDocumentPosition(q(b)) & Node.DOCUMENT_POSITION_FOLLOWING));
         return { label: text('.mq-result-label'), first: before('.mq-note-provisional', '.mq-description') };",
    );
    assert_eq!(
        provisional,
        json!({ "label": "De voorlopige fase van uw organisatie:", "first": true })
    );
}
