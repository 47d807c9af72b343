//! A questionnaire in a language the widget speaks besides Dutch and English:
//! every word around the questions follows it, with no Dutch or English left
//! on any screen from the intro to the result and a refused code, and each
//! of those screens passes axe.

use std::collections::BTreeSet;

use serde_json::Value;

use mq_core::i18n::ui_text;

use crate::a11y::{Audit, audit, axe_script};
use crate::dist;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{STEP, Visit, host_page};

/// content/ui.json: the widget's words in every language it ships.
const UI_WORDS: &str = include_str!("../../content/ui.json");

/// The format's example questionnaire with French as its only language.
const FRENCH: &str = include_str!("../../docs/examples/digital-workplace-fr.json");

/// Every text the widget shows on its current screen, with the names that
/// assistive technology reads out: the visible text nodes, and the
/// `aria-label`, `placeholder` and `title` of visible elements.
const SHOWN_TEXT_JS: &str = r#"
const shown = (e) => e.checkVisibility({ visibilityProperty: true }) && e.getClientRects().length > 0;
const texts = [];
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (n.parentElement && shown(n.parentElement) && n.textContent.trim()) texts.push(n.textContent.trim());
}
for (const e of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
  if (!shown(e)) continue;
  for (const name of ['aria-label', 'placeholder', 'title']) {
    const value = e.getAttribute(name);
    if (value && value.trim()) texts.push(value.trim());
  }
}
return texts;
"#;

/// The words of `text` in lower case, four letters or more, placeholders
/// (`{name}`) left out.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut depth = 0;
    let without_placeholders: String = text
        .chars()
        .map(|c| match c {
            '{' => {
                depth += 1;
                ' '
            }
            '}' => {
                depth -= 1;
                ' '
            }
            _ if depth > 0 => ' ',
            c => c,
        })
        .collect();
    without_placeholders
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| word.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .into_iter()
}

/// Every string in `value`, however deep.
fn strings(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::String(text) => found.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| strings(item, found)),
        Value::Object(members) => members.values().for_each(|item| strings(item, found)),
        _ => {}
    }
}

/// The words of the widget's Dutch and English texts that neither its French
/// texts nor the French questionnaire use: any of them on screen is a word
/// left untranslated.
fn dutch_and_english_only() -> BTreeSet<String> {
    let ui: Value = serde_json::from_str(UI_WORDS).unwrap();
    let of = |value: &Value| {
        let mut texts = Vec::new();
        strings(value, &mut texts);
        texts
            .iter()
            .flat_map(|text| words(text).collect::<Vec<_>>())
            .collect::<BTreeSet<_>>()
    };
    let french = &of(&ui["fr"]) | &of(&serde_json::from_str(FRENCH).unwrap());
    let others = &of(&ui["nl"]) | &of(&ui["en"]);
    &others - &french
}

/// Panics, naming `screen`, if the widget shows a Dutch or English word;
/// records what axe finds on it in `found`.
fn assert_french(visit: &Visit, screen: &str, foreign: &BTreeSet<String>, found: &mut Audit) {
    audit(visit, screen, found);
    let shown = visit.run(0, SHOWN_TEXT_JS);
    let texts: Vec<&str> = shown
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(texts.len() > 3, "{screen}: hardly any text: {texts:?}");
    let left: Vec<(&str, String)> = texts
        .iter()
        .flat_map(|text| words(text).map(move |word| (*text, word)))
        .filter(|(_, word)| foreign.contains(word))
        .collect();
    assert!(
        left.is_empty(),
        "{screen}: Dutch or English words on screen: {left:?}"
    );
}

#[test]
fn e2e_a_french_questionnaire_speaks_french_from_the_intro_to_a_refused_code() {
    let foreign = dutch_and_english_only();
    // The page is English: the questionnaire has only French to offer.
    let server = StaticServer::builder(dist())
        .page(
            "/page.html",
            host_page(
                "",
                r#"<script src="/axe.js"></script>"#,
                r#"<maturity-quiz src="lieu-de-travail.json"></maturity-quiz>"#,
            ),
        )
        .page("/axe.js", axe_script())
        .page(
            "/lieu-de-travail.json",
            Page::new("application/json", FRENCH),
        )
        .start();
    let url = server.url("/page.html");
    let visit = Visit::open(&url, vec![server]);
    visit.fresh(&url);
    let fr = ui_text("fr");
    let mut found = Audit::default();

    assert_eq!(visit.state(0)["lang"], "fr");
    assert_eq!(visit.state(0)["start"], fr.start);
    assert_french(&visit, "the intro", &foreign, &mut found);
    visit.screenshot("french-intro", 360);

    visit.start(0);
    visit.click(0, ".mq-continue");
    visit.wait_shown(0, STEP, ".mq-error-summary");
    assert_french(
        &visit,
        "the first question, with its error",
        &foreign,
        &mut found,
    );
    visit.screenshot("french-question-error", 360);

    for _ in 0..8 {
        visit.answer(0, "2");
    }
    visit.wait_for_background(0);
    assert_french(&visit, "the background questions", &foreign, &mut found);
    visit.profile(0, &[]);
    assert_french(&visit, "the result", &foreign, &mut found);
    visit.screenshot("french-result", 360);
    visit.screenshot("french-result", 1280);

    // A code from another questionnaire, brought as an earlier result.
    visit.run(
        0,
        "q('.mq-earlier').open = true; q('.mq-earlier-code').value = '12.BnE43A';
         q('.mq-earlier-compare').click(); return null;",
    );
    visit.wait_shown(0, STEP, ".mq-earlier-error");
    assert_french(
        &visit,
        "the result with a refused code",
        &foreign,
        &mut found,
    );
    assert!(
        found.violations.is_empty(),
        "axe on the French screens:\n{}",
        found.violations.join("\n")
    );
}
