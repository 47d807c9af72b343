//! The sentences that explain a result (src/explain.rs) and the counts around
//! them, rendered from the real templates in both languages and compared
//! with the exact sentences a respondent reads: one name or count and
//! several, so that singular and plural, lists and quotes are all seen.

use maturity_quiz::explain::{capped, facts, provisional, too_few};
use maturity_quiz::i18n::ui_text;
use maturity_quiz::model::{Answer, BUILT_IN_JSON, Level, Questionnaire};
use maturity_quiz::scoring::{Assessment, Outcome, assess};

fn levels(levels: &[u8]) -> Vec<Option<Answer>> {
    levels
        .iter()
        .map(|&l| (l > 0).then_some(Answer::Level(Level(l))))
        .collect()
}

fn assessed(q: &Questionnaire, answers: &[Option<Answer>]) -> Assessment {
    match assess(q, answers) {
        Outcome::Assessed(assessment) => assessment,
        Outcome::TooFewAnswers { .. } => panic!("{answers:?} has a result"),
    }
}

/// Case B of the domain brief: capped by one dimension, and uneven.
fn case_b() -> (Questionnaire, Assessment) {
    let q = Questionnaire::built_in();
    let mut answers = levels(&[4, 4, 3, 3, 3, 3, 3, 3, 1, 1, 3, 2]);
    answers[7] = Some(Answer::DontKnow);
    let assessment = assessed(&q, &answers);
    (q, assessment)
}

/// The built-in questionnaire cut down to its first dimension and that
/// dimension's two questions: a site owner's smallest questionnaire.
fn two_questions() -> Questionnaire {
    let mut json: serde_json::Value = serde_json::from_str(BUILT_IN_JSON).unwrap();
    json["dimensions"].as_array_mut().unwrap().truncate(1);
    json["questions"].as_array_mut().unwrap().truncate(2);
    Questionnaire::from_json(&json.to_string()).unwrap_or_else(|invalid| panic!("{invalid}"))
}

#[test]
fn case_b_is_capped_by_one_dimension() {
    let (q, b) = case_b();
    assert_eq!(
        capped(&q, &b, "nl").unwrap(),
        "Uw gemiddelde score (2,75 op een schaal van 1 tot 4) past bij de fase Functioneel, \
         maar de dimensie ‘Monitoren en leren’ blijft achter in de fase Ad hoc. \
         Eén zwakke dimensie houdt het geheel tegen: uw resultaat komt hoogstens één fase \
         hoger uit dan die dimensie."
    );
    assert_eq!(
        capped(&q, &b, "en").unwrap(),
        "Your average score (2.75 on a scale of 1 to 4) fits the Functional phase, \
         but the dimension ‘Monitoring and learning’ lags behind in the Ad hoc phase. \
         One weak dimension holds back the overall result: it ends at most one phase \
         above that dimension."
    );
    assert_eq!(
        provisional(&q, &b, "nl"),
        None,
        "11 of 12 answered, every dimension known"
    );
    assert_eq!(
        ui_text("nl").note_uneven,
        "Ongelijk profiel: uw sterkste en uw zwakste dimensie liggen twee of meer fasen \
         uit elkaar. Hieronder staat de zwakste dimensie bovenaan."
    );
}

#[test]
fn a_result_capped_by_two_dimensions_lists_both() {
    let q = Questionnaire::built_in();
    let result = assessed(&q, &levels(&[4, 4, 4, 4, 4, 4, 4, 4, 1, 1, 1, 1]));
    assert_eq!(result.capped_by.len(), 2);
    assert_eq!(
        capped(&q, &result, "nl").unwrap(),
        "Uw gemiddelde score (3 op een schaal van 1 tot 4) past bij de fase Functioneel, \
         maar de dimensies ‘Monitoren en leren’ en ‘Integratie en samenwerking’ blijven \
         achter in de fase Ad hoc. Zwakke dimensies houden het geheel tegen: uw resultaat \
         komt hoogstens één fase hoger uit dan die dimensies."
    );
    assert_eq!(
        capped(&q, &result, "en").unwrap(),
        "Your average score (3 on a scale of 1 to 4) fits the Functional phase, \
         but the dimensions ‘Monitoring and learning’ and ‘Integration and collaboration’ \
         lag behind in the Ad hoc phase. Weak dimensions hold back the overall result: \
         it ends at most one phase above those dimensions."
    );
}

#[test]
fn a_provisional_result_names_one_unknown_dimension() {
    let q = Questionnaire::built_in();
    let result = assessed(&q, &levels(&[2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 2, 2]));
    assert_eq!(
        provisional(&q, &result, "nl").unwrap(),
        "Voorlopig resultaat: u heeft 10 van de 12 vragen inhoudelijk beantwoord \
         (‘Weet ik niet’ telt niet mee). Over de dimensie ‘Monitoren en leren’ is nog \
         niets bekend; die telt niet mee."
    );
    assert_eq!(
        provisional(&q, &result, "en").unwrap(),
        "Provisional result: you have given a real answer to 10 of the 12 questions \
         (‘Don’t know’ does not count). Nothing is known yet about the dimension \
         ‘Monitoring and learning’; it does not count."
    );
}

#[test]
fn a_provisional_result_lists_two_unknown_dimensions() {
    let q = Questionnaire::built_in();
    let result = assessed(&q, &levels(&[3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0]));
    assert_eq!(
        provisional(&q, &result, "nl").unwrap(),
        "Voorlopig resultaat: u heeft 8 van de 12 vragen inhoudelijk beantwoord \
         (‘Weet ik niet’ telt niet mee). Over de dimensies ‘Monitoren en leren’ en \
         ‘Integratie en samenwerking’ is nog niets bekend; die tellen niet mee."
    );
    assert_eq!(
        provisional(&q, &result, "en").unwrap(),
        "Provisional result: you have given a real answer to 8 of the 12 questions \
         (‘Don’t know’ does not count). Nothing is known yet about the dimensions \
         ‘Monitoring and learning’ and ‘Integration and collaboration’; they do not count."
    );
}

#[test]
fn too_few_answers_say_how_many_are_needed() {
    assert_eq!(
        too_few(5, 12, 6, "nl"),
        "U heeft 5 van de 12 vragen inhoudelijk beantwoord. Voor een resultaat zijn er \
         minstens 6 nodig; ‘Weet ik niet’ telt niet mee."
    );
    assert_eq!(
        too_few(5, 12, 6, "en"),
        "You have given a real answer to 5 of the 12 questions. A result needs at least 6; \
         ‘Don’t know’ does not count."
    );
}

#[test]
fn the_group_view_counts_one_and_several_results() {
    let (nl, en) = (ui_text("nl"), ui_text("en"));
    assert_eq!(nl.group_count.count(1), "1 resultaat gelezen.");
    assert_eq!(nl.group_count.count(2), "2 resultaten gelezen.");
    assert_eq!(en.group_count.count(1), "1 result read.");
    assert_eq!(en.group_count.count(2), "2 results read.");
    assert_eq!(
        nl.group_rejected_title.count(1),
        "1 regel of bestand afgewezen"
    );
    assert_eq!(
        nl.group_rejected_title.count(3),
        "3 regels of bestanden afgewezen"
    );
    assert_eq!(en.group_rejected_title.count(1), "1 line or file rejected");
}

#[test]
fn a_two_question_questionnaire_speaks_of_one_minute() {
    let q = two_questions();
    assert_eq!(
        facts(q.questions.len(), "nl"),
        "2 vragen, ongeveer 1 minuut."
    );
    assert_eq!(
        facts(q.questions.len(), "en"),
        "2 questions, about 1 minute."
    );
    assert_eq!(facts(12, "nl"), "12 vragen, ongeveer 3 minuten.");
    assert_eq!(facts(12, "en"), "12 questions, about 3 minutes.");
    assert_eq!(facts(1, "nl"), "1 vraag, ongeveer 1 minuut.");
    let result = assessed(&q, &levels(&[3, 0]));
    assert_eq!(
        provisional(&q, &result, "nl").unwrap(),
        "Voorlopig resultaat: u heeft 1 van de 2 vragen inhoudelijk beantwoord \
         (‘Weet ik niet’ telt niet mee)."
    );
    assert_eq!(
        capped(&q, &result, "nl"),
        None,
        "one dimension caps nothing"
    );
    assert_eq!(
        too_few(0, 2, 1, "en"),
        "You have given a real answer to 0 of the 2 questions. A result needs at least 1; \
         ‘Don’t know’ does not count."
    );
}
