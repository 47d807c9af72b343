//! A result compared with a poll (issue 23): the site owner gives the
//! widget a benchmark, inline or as a file, and the result says how many
//! organisations of the poll, and of the respondent's own segment, reached
//! at least its phase; a benchmark of another version is refused
//! with its reason, and the result shows as before; the single file carries
//! one from disk; the demo page compares with its generated poll.

use std::fs;
use std::process::Command;

use mq_core::benchmark::Benchmark;
use mq_core::exchange::code::encode;
use mq_core::group::Group;
use mq_core::model::{Answer, Level, Questionnaire};

use crate::support::cases::values;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{Visit, host_page};
use crate::support::webdriver::fresh_temp_dir;
use crate::{crate_dir, dist};

/// The codes of a poll of six: five in health and social care (every answer
/// at 1, 2, 3, 4 and 4) and one in education (at 2).
pub(crate) fn six_codes(q: &Questionnaire) -> Vec<String> {
    [(1, 0), (2, 0), (3, 0), (4, 0), (4, 0), (2, 1)]
        .iter()
        .map(|&(level, sector)| {
            encode(
                q,
                &vec![Some(Answer::Level(Level(level))); q.questions.len()],
                &[Some(sector), None],
            )
        })
        .collect()
}

/// [`six_codes`] as the group view would sum them.
pub(crate) fn poll(q: &Questionnaire) -> Benchmark {
    Benchmark::of(
        q,
        &Group::read(q, &six_codes(q).join("\n"), &[]),
        "Peiling 2026",
        "2026-11-30",
    )
}

/// `server`'s /poll.html, answered as case B with question 8 "don't know":
/// Experimental.
fn case_b_on(server: StaticServer) -> Visit {
    let url = server.url("/poll.html");
    let visit = Visit::open(&url, vec![server]);
    assert_eq!(
        visit.complete(0, &values("case-b-dont-know")),
        "Experimental"
    );
    visit
}

/// The comparison's sentences under the result of `widget`.
fn sentences(visit: &Visit) -> Vec<String> {
    let found = visit.run(
        0,
        "return [...root.querySelectorAll('.mq-compared-sentence')].map((p) => p.textContent);",
    );
    serde_json::from_value(found).unwrap_or_default()
}

#[test]
fn e2e_a_result_says_where_it_stands_in_the_poll_and_its_own_sector() {
    let q = Questionnaire::built_in();
    let inline = poll(&q).to_json().replace("</", "<\\/");
    let server = StaticServer::builder(dist())
        .page(
            "/poll.html",
            host_page(
                "",
                "",
                &format!(
                    r#"<maturity-quiz profile-sector="care"><script type="application/json" data-benchmark>{inline}</script></maturity-quiz>"#
                ),
            ),
        )
        .start();
    let visit = case_b_on(server);
    assert_eq!(
        sentences(&visit),
        [
            "In ‘Peiling 2026’ (2026-11-30), 5 of the 6 organisations reached at least the \
             Experimental phase.",
            "Of the 5 organisations that also answered ‘Health and social care’, 4 reached at \
             least the Experimental phase.",
        ],
        "the inline benchmark is not taken for the questionnaire, and the sector is the host's"
    );
    // The poll's median on each bar, and in the table for screen readers.
    let chart = visit.run(
        0,
        "return {
           marks: root.querySelectorAll('.mq-bar-marker').length,
           legend: text('.mq-chart-marker'),
           column: [...root.querySelectorAll('.mq-chart table tbody tr')].map((r) => r.lastElementChild.textContent),
         };",
    );
    assert_eq!(chart["marks"], 6, "{chart}");
    assert_eq!(
        chart["legend"],
        "The thick line across each bar is the median of ‘Peiling 2026’: the middle score, with \
         as many organisations above it as below."
    );
    assert_eq!(chart["column"], serde_json::json!(vec!["2.5"; 6]));
    for width in [360, 1280] {
        visit.screenshot("result-benchmark", width);
    }
}

#[test]
fn e2e_a_benchmark_of_another_version_is_refused_and_the_result_shows_as_before() {
    let q = Questionnaire::built_in();
    let mut other = poll(&q);
    other.questionnaire.version += 1;
    let server = StaticServer::builder(dist())
        .page(
            "/benchmark.json",
            Page::new("application/json", other.to_json()),
        )
        .page(
            "/poll.html",
            host_page(
                "",
                "",
                r#"<maturity-quiz benchmark="/benchmark.json"></maturity-quiz>"#,
            ),
        )
        .start();
    let visit = case_b_on(server);
    let version = q.version;
    assert_eq!(
        sentences(&visit),
        [format!(
            "This website’s benchmark was not used. The benchmark belongs to another \
             questionnaire or version (‘social-maturity {}’); this is ‘social-maturity {version}’.",
            version + 1
        )]
    );
}

#[test]
fn e2e_the_single_file_carries_a_benchmark_from_disk() {
    let q = Questionnaire::built_in();
    let mut benchmark = poll(&q);
    // A name that would end the inline script if it were not escaped.
    benchmark.title = "Peiling </script><!-- 2026".to_string();
    let dir = fresh_temp_dir("mq-single-benchmark");
    let (json, page) = (dir.join("poll.json"), dir.join("poll.html"));
    fs::write(&json, benchmark.to_json()).unwrap();
    let built = Command::new("bash")
        .arg("scripts/single-file.sh")
        .arg("--benchmark")
        .arg(&json)
        .arg("--out")
        .arg(&page)
        .current_dir(crate_dir())
        .output()
        .expect("run scripts/single-file.sh");
    assert!(
        built.status.success(),
        "single-file.sh --benchmark: {}",
        String::from_utf8_lossy(&built.stderr)
    );
    fs::remove_file(&json).unwrap();
    let visit = Visit::open(&format!("file://{}", page.display()), Vec::new());
    visit.start(0);
    for answer in values("case-b-dont-know") {
        visit.answer(0, &answer);
    }
    assert_eq!(visit.profile(0, &["care", ""]), "Experimenteel");
    assert_eq!(
        sentences(&visit).first().map(String::as_str),
        Some(
            "In ‘Peiling </script><!-- 2026’ (2026-11-30) bereikten 5 van de 6 organisaties \
             minstens de fase Experimenteel."
        )
    );
}

#[test]
fn e2e_the_demo_page_compares_a_result_with_its_generated_poll() {
    let q = Questionnaire::built_in();
    let file = fs::read_to_string(dist().join("demo-poll.json")).expect("dist/demo-poll.json");
    let demo = Benchmark::read(&q, &file).expect("the demo page's benchmark reads");
    let server = StaticServer::serve(dist());
    let visit = Visit::open(&server.url("/"), vec![server]);
    assert_eq!(
        visit.complete(0, &values("case-b-dont-know")),
        "Experimenteel"
    );
    // Experimental is the second phase: every result but the Ad hoc ones.
    let reached = demo.overall.at_or_above(1);
    assert_eq!(
        sentences(&visit),
        [format!(
            "In ‘Voorbeeldpeiling met verzonnen organisaties’ (december 2026) bereikten \
             {reached} van de 240 organisaties minstens de fase Experimenteel."
        )],
        "no background question was answered, so no segment"
    );
    assert_eq!(
        visit.run(0, "return root.querySelectorAll('.mq-bar-marker').length;"),
        6
    );
    for width in [360, 1280] {
        visit.screenshot("demo-benchmark", width);
    }
}
