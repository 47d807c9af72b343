//! The respondent's earlier result (issue 23): a second result completed in
//! the same browser says what changed since the first, with its date; the
//! first says nothing of the kind; deleting the answers deletes the earlier
//! results too; a code or a downloaded file brought from elsewhere is
//! compared the same way, the file with its date.

use mq_core::exchange::code::encode;
use mq_core::exchange::download::download;
use mq_core::model::{Answer, Level, Questionnaire, Response};
use mq_core::scoring::{Outcome, assess};
use serde_json::json;

use crate::dist;
use crate::support::cases::{answers, values};
use crate::support::server::StaticServer;
use crate::support::visit::{STEP, Visit, host_page};

/// What the result says under "Compared with the earlier result", if
/// anything.
fn changed(visit: &Visit) -> serde_json::Value {
    visit.run(
        0,
        "return q('.mq-changed') && {
           phase: text('.mq-changed-phase'),
           dimensions: [...root.querySelectorAll('.mq-changed-dimensions li')].map((li) => li.textContent),
         };",
    )
}

/// A page with one widget, opened with nothing stored.
fn fresh_page() -> Visit {
    let server = StaticServer::builder(dist())
        .page(
            "/again.html",
            host_page("", "", "<maturity-quiz></maturity-quiz>"),
        )
        .start();
    let url = server.url("/again.html");
    let visit = Visit::open(&url, vec![server]);
    visit.fresh(&url);
    visit
}

/// Starts again from the result, confirming.
fn restart(visit: &Visit) {
    visit.click(0, ".mq-restart");
    visit.wait_shown(0, STEP, ".mq-restart-yes");
    visit.click(0, ".mq-restart-yes");
    visit.wait_shown(0, STEP, ".mq-start");
}

#[test]
fn e2e_a_second_result_says_what_changed_since_the_first() {
    let visit = fresh_page();
    assert_eq!(
        visit.complete(0, &values("case-b-dont-know")),
        "Experimental"
    );
    assert_eq!(
        changed(&visit),
        json!(null),
        "the first result has nothing to compare"
    );

    restart(&visit);
    assert_eq!(visit.complete(0, &values("case-a")), "Functional");
    let now = visit
        .browser
        .execute("return new Date().toISOString();", vec![]);
    let today = mq_core::i18n::date(
        now.as_str().unwrap_or_default(),
        mq_core::i18n::ui_text("en"),
    );
    let shown = changed(&visit);
    assert_eq!(
        shown["phase"],
        format!(
            "On {today} your organisation was in the Experimental phase; now it is in the \
             Functional phase."
        )
    );
    assert_eq!(
        shown["dimensions"][4],
        "Monitoring and learning: from 1 to 3"
    );
    for width in [360, 1280] {
        visit.screenshot("result-changed", width);
    }

    // Deleting the answers deletes the earlier results: a next result has
    // nothing to compare with.
    visit.click(0, ".mq-forget");
    visit.wait_shown(0, STEP, ".mq-start");
    assert_eq!(visit.complete(0, &values("case-a")), "Functional");
    assert_eq!(changed(&visit), json!(null), "nothing kept after deleting");
}

#[test]
fn e2e_an_earlier_code_or_download_brought_under_the_result_is_compared_and_a_wrong_one_refused() {
    let q = Questionnaire::built_in();
    let visit = fresh_page();
    assert_eq!(visit.complete(0, &values("case-a")), "Functional");
    assert_eq!(changed(&visit), json!(null));
    let paste = |text: &str| {
        visit.run(
            0,
            &format!(
                "q('.mq-earlier').open = true; q('.mq-earlier-code').value = {};
                 q('.mq-earlier-compare').click(); return null;",
                serde_json::to_string(text).unwrap()
            ),
        );
    };
    // An earlier version's code: refused, with the reason.
    paste("12.BnE43A");
    visit.wait_shown(0, STEP, ".mq-earlier-error");
    assert_eq!(
        visit.run(0, "return text('.mq-earlier-error');"),
        "The result belongs to version 2 of the questionnaire; this is version 3."
    );
    // Case B's link from another device: compared, without a date.
    let case_b: Vec<Option<Answer>> = values("case-b")
        .iter()
        .map(|v| Some(Answer::Level(Level(v.parse().unwrap()))))
        .collect();
    paste(&format!(
        "https://example.org/quiz#r={}",
        encode(&q, &case_b, &[None, None])
    ));
    visit.wait_shown(0, STEP, ".mq-changed");
    assert_eq!(
        changed(&visit)["phase"],
        "In the earlier result your organisation was in the Experimental phase; now it is in \
         the Functional phase."
    );
    assert_eq!(visit.run(0, "return q('.mq-earlier-error');"), json!(null));

    // Case C's download, chosen as a file: compared with its date.
    let case_c = answers("case-c");
    let Outcome::Assessed(assessment) = assess(&q, &case_c) else {
        panic!("case C has a result")
    };
    let response = Response {
        answers: case_c,
        profile: vec![None, None],
    };
    let file = download(
        &q,
        "nl",
        &response,
        &assessment,
        None,
        "2026-03-15T09:30:00.000Z",
    );
    visit.run(
        0,
        &format!(
            "const dt = new DataTransfer();
             dt.items.add(new File([{file}], 'earlier.json', {{ type: 'application/json' }}));
             const input = q('.mq-earlier-file'); input.files = dt.files;
             input.dispatchEvent(new Event('change', {{ bubbles: true }}));
             return null;",
            file = serde_json::to_string(&file).unwrap()
        ),
    );
    visit.wait_run(
        0,
        STEP,
        "the chosen file's comparison",
        "return text('.mq-changed-phase');",
        |phase| {
            phase
                .as_str()
                .is_some_and(|p| p.starts_with("On 15 March 2026"))
        },
    );
    assert_eq!(
        changed(&visit)["phase"],
        "On 15 March 2026 your organisation was in the Experimental phase; now it is in the \
         Functional phase."
    );
    // A file that is no result: refused with the reason, in the result's
    // language.
    visit.run(
        0,
        "const dt = new DataTransfer();
         dt.items.add(new File(['nonsense'], 'notes.json'));
         const input = q('.mq-earlier-file'); input.files = dt.files;
         input.dispatchEvent(new Event('change', { bubbles: true }));
         return null;",
    );
    visit.wait_shown(0, STEP, ".mq-earlier-error");
    assert_eq!(
        visit.run(0, "return text('.mq-earlier-error');"),
        "This is not a downloaded result: the file is not valid JSON (line 1, column 2)."
    );
}
