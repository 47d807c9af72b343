//! The respondent's earlier result (issue 23): a second result completed in
//! the same browser says what changed since the first, with its date; the
//! first says nothing of the kind; deleting the answers deletes the earlier
//! results too.

use serde_json::json;

use crate::dist;
use crate::support::cases::values;
use crate::support::server::StaticServer;
use crate::support::visit::{STEP, Visit, host_page};

/// What the result says under "Since your previous result", if anything.
fn changed(visit: &Visit) -> serde_json::Value {
    visit.run(
        0,
        "return q('.mq-changed') && {
           phase: text('.mq-changed-phase'),
           dimensions: [...root.querySelectorAll('.mq-changed-dimensions li')].map((li) => li.textContent),
         };",
    )
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
    let server = StaticServer::builder(dist())
        .page(
            "/again.html",
            host_page("", "", "<maturity-quiz></maturity-quiz>"),
        )
        .start();
    let url = server.url("/again.html");
    let visit = Visit::open(&url, vec![server]);
    visit.fresh(&url);
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
    let today = visit
        .browser
        .execute("return new Date().toISOString().slice(0, 10);", vec![]);
    let today = today.as_str().unwrap_or_default();
    let shown = changed(&visit);
    assert_eq!(
        shown["phase"],
        format!(
            "On {today} your organisation was in the Experimental phase; now it is in the \
             Functional phase."
        )
    );
    assert_eq!(shown["dimensions"][4], "Monitoring and learning: 1 → 3");
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
