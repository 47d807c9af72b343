//! A respondent's earlier results (core/src/history.rs): kept newest first
//! and at most five, read back with suspicion, and what changed since the
//! previous one said exactly in both languages.

#![cfg(not(target_arch = "wasm32"))]

mod cases;

use cases::answers;

use mq_core::explain::changed;
use mq_core::history::{Change, History, MAX_KEPT};
use mq_core::i18n::ui_text;
use mq_core::model::{Answer, Level, Questionnaire};
use mq_core::scoring::{Assessment, Outcome, assess};

fn assessed(q: &Questionnaire, answers: &[Option<Answer>]) -> Assessment {
    match assess(q, answers) {
        Outcome::Assessed(assessment) => assessment,
        other => panic!("no result: {other:?}"),
    }
}

#[test]
fn the_newest_five_are_kept_and_read_back() {
    let q = Questionnaire::built_in();
    let mut history = History::new(&q);
    for day in 1..=7 {
        history = history.with(&format!("2026-11-0{day}T12:00:00.000Z"), &answers("case-a"));
    }
    let dates: Vec<&str> = history
        .results()
        .iter()
        .map(|e| &e.completed[..10])
        .collect();
    assert_eq!(
        dates,
        [
            "2026-11-07",
            "2026-11-06",
            "2026-11-05",
            "2026-11-04",
            "2026-11-03"
        ]
    );
    assert_eq!(history.results().len(), MAX_KEPT);
    assert_eq!(History::read(&q, &history.to_json()), history);
}

#[test]
fn what_is_not_an_earlier_result_of_this_version_is_left_out() {
    let q = Questionnaire::built_in();
    let kept = History::new(&q).with("2026-11-01T12:00:00.000Z", &answers("case-a"));
    let json = kept.to_json();
    let mut other = q.clone();
    other.version += 1;
    assert_eq!(
        History::read(&other, &json),
        History::new(&other),
        "another version"
    );
    let nine = json.replacen("[3,", "[9,", 1);
    assert_ne!(nine, json);
    assert_eq!(
        History::read(&q, &nine),
        History::new(&q),
        "a level the questionnaire lacks"
    );
    assert_eq!(History::read(&q, "not json"), History::new(&q));
    assert_eq!(History::read(&q, "{\"results\": 1}"), History::new(&q));
}

#[test]
fn the_change_since_the_previous_result_is_said_in_both_languages() {
    let q = Questionnaire::built_in();
    let history = History::new(&q).with("2026-11-01T12:00:00.000Z", &answers("case-b"));
    let now = assessed(&q, &answers("case-a"));
    let change = Change::since(&q, &history.results()[0], &now).unwrap();
    assert_eq!(change.phase, (Level(2), Level(3)));
    let nl = changed(&q, &change, "nl");
    assert_eq!(
        nl[0],
        "Op 1 november 2026 zat uw organisatie in de fase Experimenteel. Nu zit ze in de fase \
         Functioneel."
    );
    assert_eq!(nl[5], "Monitoren en leren: van 1 naar 3");
    assert_eq!(nl.len(), 1 + q.dimensions.len());
    let en = changed(&q, &change, "en");
    assert_eq!(
        en[0],
        "On 1 November 2026 your organisation was in the Experimental phase; now it is in the \
         Functional phase."
    );
    assert_eq!(en[6], "Integration and collaboration: 2.5, unchanged");

    // The same phase twice, and a dimension unknown both times.
    let again = History::new(&q).with("2026-10-01T08:00:00.000Z", &answers("case-c"));
    let now = assessed(&q, &answers("case-c"));
    let same = Change::since(&q, &again.results()[0], &now).unwrap();
    let nl = changed(&q, &same, "nl");
    assert_eq!(
        nl[0],
        "Net als op 1 oktober 2026 zit uw organisatie in de fase Experimenteel."
    );
    assert_eq!(nl[5], "Monitoren en leren: onbekend, onveranderd");
}

#[test]
fn an_earlier_result_brought_as_a_code_or_a_download_is_compared_too() {
    use mq_core::exchange::code::encode;
    use mq_core::exchange::download::download;
    use mq_core::history::brought;
    use mq_core::model::Response;

    let q = Questionnaire::built_in();
    let before = answers("case-b");
    let now = assessed(&q, &answers("case-a"));
    let code = encode(&q, &before, &[None, None]);
    let earlier = brought(
        &q,
        &format!(" https://example.org/quiz#r={code}&lang=nl "),
        false,
    )
    .unwrap();
    let change = Change::since(&q, &earlier, &now).unwrap();
    assert_eq!(change.since, None, "a code has no date");
    assert_eq!(
        changed(&q, &change, "nl")[0],
        "Bij het eerdere resultaat zat uw organisatie in de fase Experimenteel. Nu zit ze in de \
         fase Functioneel."
    );
    let response = Response {
        answers: before.clone(),
        profile: vec![None, None],
    };
    let file = download(
        &q,
        "nl",
        &response,
        &assessed(&q, &before),
        None,
        "2026-10-15T09:30:00.000Z",
    );
    let earlier = brought(&q, &file, true).unwrap();
    assert_eq!(
        Change::since(&q, &earlier, &now).unwrap().since.as_deref(),
        Some("2026-10-15")
    );
    assert_eq!(
        brought(&q, "12.AAAAAA", false)
            .unwrap_err()
            .message(ui_text("en"), "en"),
        "The result belongs to version 2 of the questionnaire; this is version 3."
    );
}
