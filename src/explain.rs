//! The sentences that explain a result to the respondent: why it is capped,
//! what a provisional result rests on, why there is none yet, and how long
//! the questionnaire takes. Built from the widget's templates
//! (`content/ui.json`) without the browser, so that every sentence is
//! tested natively, in every language, with one name or count and with
//! several.

use crate::i18n::{UiText, fill, number, quoted_list, ui_text};
use crate::model::Questionnaire;
use crate::scoring::Assessment;

/// Seconds a respondent needs per question, for the time estimate: twelve
/// questions take about three minutes.
const SECONDS_PER_QUESTION: usize = 15;

/// The intro's line on length: "12 vragen, ongeveer 3 minuten."
pub fn facts(questions: usize, language: &str) -> String {
    let ui = ui_text(language);
    let minutes = (questions * SECONDS_PER_QUESTION).div_ceil(60).max(1);
    fill(
        ui.facts,
        &[
            ("questions", &ui.questions_count.count(questions)),
            ("minutes", &ui.minutes_count.count(minutes)),
        ],
    )
}

/// Why there is no result yet: `answered` of `total` questions have a level,
/// and a result needs `needed`.
pub fn too_few(answered: usize, total: usize, needed: usize, language: &str) -> String {
    fill(
        ui_text(language).too_few_body.get(total),
        &[
            ("answered", &answered.to_string()),
            ("total", &total.to_string()),
            ("needed", &needed.to_string()),
        ],
    )
}

/// The names of the dimensions at `indexes`, quoted, as a list.
fn dimension_names(q: &Questionnaire, indexes: &[usize], ui: &UiText, language: &str) -> String {
    let names: Vec<&str> = indexes
        .iter()
        .map(|&d| q.dimensions[d].name.get(language))
        .collect();
    quoted_list(&names, ui)
}

/// Why the result is lower than the average: the dimensions that cap it.
pub fn capped(q: &Questionnaire, assessment: &Assessment, language: &str) -> Option<String> {
    let ui = ui_text(language);
    let capped_by = &assessment.capped_by;
    let &first = capped_by.first()?;
    let lowest = assessment.dimensions[first]
        .phase
        .map_or("", |l| q.phase(l).name.get(language));
    Some(fill(
        ui.note_capped.get(capped_by.len()),
        &[
            ("mean", &number(assessment.mean.as_f64(), language)),
            ("scale", &q.phases.len().to_string()),
            ("uncapped", q.phase(assessment.uncapped).name.get(language)),
            ("dimensions", &dimension_names(q, capped_by, ui, language)),
            ("lowest", lowest),
        ],
    ))
}

/// How many questions the provisional result rests on, and which dimensions
/// it knows nothing about.
pub fn provisional(q: &Questionnaire, assessment: &Assessment, language: &str) -> Option<String> {
    if !assessment.provisional {
        return None;
    }
    let ui = ui_text(language);
    let mut text = fill(
        ui.note_provisional.get(assessment.total),
        &[
            ("answered", &assessment.answered.to_string()),
            ("total", &assessment.total.to_string()),
        ],
    );
    let unknown: Vec<usize> = assessment
        .dimensions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.phase.is_none())
        .map(|(i, _)| i)
        .collect();
    if !unknown.is_empty() {
        text.push(' ');
        text.push_str(&fill(
            ui.note_unknown.get(unknown.len()),
            &[("dimensions", &dimension_names(q, &unknown, ui, language))],
        ));
    }
    Some(text)
}
