//! A questionnaire in a language the widget speaks besides Dutch and English
//! (French), and one in a language it does not speak that brings the
//! widget's words itself (Brazilian Portuguese): every word around the
//! questions follows the questionnaire, with no word of another language
//! left on any screen from the intro to the result and a refused code, and
//! each of those screens passes axe.

use std::collections::BTreeSet;

use serde_json::Value;

use mq_core::i18n::{ui_text, widget_languages};

use crate::a11y::{Audit, audit, axe_script};
use crate::dist;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{STEP, Visit, host_page};

/// content/ui.json: the widget's words in every language it ships.
const UI_WORDS: &str = include_str!("../../content/ui.json");

/// The format's example questionnaire with French as its only language.
const FRENCH: &str = include_str!("../../docs/examples/digital-workplace-fr.json");

/// The same in Brazilian Portuguese, with the widget's words in its `ui`.
const PORTUGUESE: &str = include_str!("../../docs/examples/digital-workplace-pt.json");

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

/// The words of the texts the widget ships, in every language, that
/// `questionnaire` does not use, nor the widget's own texts in `language`
/// when it ships them: any of them on screen is a word left in another
/// language.
fn foreign_words(questionnaire: &str, language: &str) -> BTreeSet<String> {
    let ui: Value = serde_json::from_str(UI_WORDS).unwrap();
    let of = |value: &Value| {
        let mut texts = Vec::new();
        strings(value, &mut texts);
        texts
            .iter()
            .flat_map(|text| words(text).collect::<Vec<_>>())
            .collect::<BTreeSet<_>>()
    };
    let own = &of(&ui[language]) | &of(&serde_json::from_str(questionnaire).unwrap());
    let shipped = widget_languages()
        .map(|code| of(&ui[code]))
        .fold(BTreeSet::new(), |all, these| &all | &these);
    &shipped - &own
}

/// Panics, naming `screen`, if the widget shows a word of `foreign`;
/// records what axe finds on it in `found`.
fn assert_none_of(visit: &Visit, screen: &str, foreign: &BTreeSet<String>, found: &mut Audit) {
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
        "{screen}: words of another language on screen: {left:?}"
    );
}

/// Takes `questionnaire` (in `language`, its only one) on an English page
/// from the intro, whose start button says `start`, through a question's
/// error, the questions and the background questions to the result and a
/// refused code, and checks each screen for words of another language and
/// with axe; screenshots are named after `name`.
fn speaks_throughout(questionnaire: &'static str, language: &str, start: &str, name: &str) {
    let foreign = foreign_words(questionnaire, language);
    // The page is English: the questionnaire has only its language to offer.
    let server = StaticServer::builder(dist())
        .page(
            "/page.html",
            host_page(
                "",
                r#"<script src="/axe.js"></script>"#,
                r#"<maturity-quiz src="questionnaire.json"></maturity-quiz>"#,
            ),
        )
        .page("/axe.js", axe_script())
        .page(
            "/questionnaire.json",
            Page::new("application/json", questionnaire),
        )
        .start();
    let url = server.url("/page.html");
    let visit = Visit::open(&url, vec![server]);
    visit.fresh(&url);
    let mut found = Audit::default();

    assert_eq!(visit.state(0)["lang"], language);
    assert_eq!(visit.state(0)["start"], start);
    assert_none_of(&visit, "the intro", &foreign, &mut found);
    visit.screenshot(&format!("{name}-intro"), 360);

    visit.start(0);
    visit.click(0, ".mq-continue");
    visit.wait_shown(0, STEP, ".mq-error-summary");
    assert_none_of(
        &visit,
        "the first question, with its error",
        &foreign,
        &mut found,
    );
    visit.screenshot(&format!("{name}-question-error"), 360);

    for _ in 0..8 {
        visit.answer(0, "2");
    }
    visit.wait_for_background(0);
    assert_none_of(&visit, "the background questions", &foreign, &mut found);
    visit.profile(0, &[]);
    assert_none_of(&visit, "the result", &foreign, &mut found);
    visit.screenshot(&format!("{name}-result"), 360);
    visit.screenshot(&format!("{name}-result"), 1280);

    // A code from another questionnaire, brought as an earlier result.
    visit.run(
        0,
        "q('.mq-earlier').open = true; q('.mq-earlier-code').value = '12.BnE43A';
         q('.mq-earlier-compare').click(); return null;",
    );
    visit.wait_shown(0, STEP, ".mq-earlier-error");
    assert_none_of(
        &visit,
        "the result with a refused code",
        &foreign,
        &mut found,
    );
    assert!(
        found.violations.is_empty(),
        "axe on the {name} screens:\n{}",
        found.violations.join("\n")
    );
}

#[test]
fn e2e_a_french_questionnaire_speaks_french_from_the_intro_to_a_refused_code() {
    speaks_throughout(FRENCH, "fr", ui_text("fr").start, "french");
}

#[test]
fn e2e_a_portuguese_questionnaire_speaks_in_the_words_it_brings() {
    speaks_throughout(PORTUGUESE, "pt-br", "Iniciar questionário", "portuguese");
}
