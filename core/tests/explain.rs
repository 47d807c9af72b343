//! The sentences that explain a result (src/explain.rs) and the counts around
//! them, rendered from the real templates in both languages and compared
//! with the exact sentences a respondent reads: one name or count and
//! several, so that singular and plural, lists and quotes are all seen.

mod cases;

use cases::answers;
use mq_core::explain::{
    capped, chart_scale, facts, mean, next_steps_title, provisional, too_few, top_reached, uneven,
};
use mq_core::i18n::ui_text;
use mq_core::model::{Answer, BUILT_IN_JSON, Level, Questionnaire};
use mq_core::scoring::{Assessment, Outcome, assess};

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

/// Case B of the domain brief with question 8 answered "don't know" (the
/// fixture's "case-b-dont-know"): capped by one dimension, and uneven.
fn case_b_dont_know() -> (Questionnaire, Assessment) {
    let q = Questionnaire::built_in();
    let assessment = assessed(&q, &answers("case-b-dont-know"));
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
    let (q, b) = case_b_dont_know();
    assert_eq!(
        capped(&q, &b, false, "nl").unwrap(),
        "De gemiddelde score van uw organisatie (2,75 op een schaal van 1 tot 4) past bij \
         de fase Functioneel, maar de dimensie ‘Monitoren en leren’ blijft achter in de fase \
         Ad hoc. Eén zwakke dimensie remt het geheel af: het resultaat komt hooguit één fase \
         hoger uit dan die dimensie."
    );
    assert_eq!(
        capped(&q, &b, false, "en").unwrap(),
        "The average score of your organisation (2.75 on a scale of 1 to 4) fits the \
         Functional phase, but the dimension ‘Monitoring and learning’ lags behind in the \
         Ad hoc phase. One weak dimension holds back the overall result: it can be no more \
         than one phase above that dimension."
    );
    assert_eq!(
        provisional(&q, &b, "nl"),
        None,
        "11 of 12 answered, every dimension known"
    );
}

#[test]
fn case_b_is_uneven_and_points_to_the_list_that_starts_with_the_weakest() {
    let (_, b) = case_b_dont_know();
    assert_eq!(
        uneven(&b, false, ui_text("nl")).unwrap(),
        "Onevenwichtig profiel: de sterkste en de zwakste dimensie van uw organisatie liggen \
         twee of meer fasen uit elkaar. Begin bij de zwakste: die staat bovenaan onder \
         ‘Waar uw organisatie staat en waar ze naartoe kan groeien’."
    );
    assert_eq!(
        uneven(&b, false, ui_text("en")).unwrap(),
        "Uneven profile: the strongest and the weakest dimension of your organisation are \
         two or more phases apart. Start with the weakest: it comes first under ‘Where your \
         organisation stands and can grow next’."
    );
    assert_eq!(
        next_steps_title(false, ui_text("nl")),
        "Waar uw organisatie staat en waar ze naartoe kan groeien",
        "the title the note quotes is the list's own"
    );
    // The list under that title begins with the weakest dimension:
    // monitoring (1, 1), Ad hoc.
    assert_eq!(b.next_steps[0].dimension, 4);
    let weakest = b.dimensions[4].phase.unwrap();
    assert!(b.dimensions.iter().all(|d| d.phase.unwrap() >= weakest));
}

#[test]
fn a_shared_result_speaks_of_this_organisation() {
    let (q, b) = case_b_dont_know();
    assert_eq!(
        capped(&q, &b, true, "nl").unwrap(),
        "De gemiddelde score van deze organisatie (2,75 op een schaal van 1 tot 4) past bij \
         de fase Functioneel, maar de dimensie ‘Monitoren en leren’ blijft achter in de fase \
         Ad hoc. Eén zwakke dimensie remt het geheel af: het resultaat komt hooguit één fase \
         hoger uit dan die dimensie."
    );
    assert_eq!(
        uneven(&b, true, ui_text("en")).unwrap(),
        "Uneven profile: the strongest and the weakest dimension of this organisation are \
         two or more phases apart. Start with the weakest: it comes first under ‘Where this \
         organisation stands and can grow next’."
    );
    assert_eq!(
        ui_text("nl").result_label_shared,
        "De fase van deze organisatie:"
    );
    assert_eq!(
        ui_text("en").result_label_shared,
        "This organisation’s phase:"
    );
}

#[test]
fn a_result_set_by_the_average_below_most_bars_says_why() {
    let q = Questionnaire::built_in();
    // Four dimensions at 3, two at 2: the average 2.67 is Experimenteel,
    // no dimension caps it, and four bars say Functioneel.
    let result = assessed(&q, &levels(&[3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2]));
    assert!(result.capped_by.is_empty());
    assert_eq!(
        mean(&q, &result, false, "nl").unwrap(),
        "Het resultaat volgt uit de gemiddelde score van uw organisatie: 2,67 op een schaal \
         van 1 tot 4. De fase Functioneel begint bij 2,75."
    );
    assert_eq!(
        mean(&q, &result, true, "en").unwrap(),
        "The result follows from the average score of this organisation: 2.67 on a scale of \
         1 to 4. The Functional phase begins at 2.75."
    );
    let (_, b) = case_b_dont_know();
    assert_eq!(mean(&q, &b, false, "nl"), None, "case B's cap says why");
    let even = assessed(&q, &levels(&[3; 12]));
    assert_eq!(
        mean(&q, &even, false, "nl"),
        None,
        "no bar above the result"
    );
}

#[test]
fn a_result_capped_by_two_dimensions_lists_both() {
    let q = Questionnaire::built_in();
    let result = assessed(&q, &levels(&[4, 4, 4, 4, 4, 4, 4, 4, 1, 1, 1, 1]));
    assert_eq!(result.capped_by.len(), 2);
    assert_eq!(
        capped(&q, &result, false, "nl").unwrap(),
        "De gemiddelde score van uw organisatie (3 op een schaal van 1 tot 4) past bij de \
         fase Functioneel, maar de dimensies ‘Monitoren en leren’ en ‘Integratie en \
         samenwerking’ blijven achter in de fase Ad hoc. Zwakke dimensies remmen het geheel \
         af: het resultaat komt hooguit één fase hoger uit dan die dimensies."
    );
    assert_eq!(
        capped(&q, &result, false, "en").unwrap(),
        "The average score of your organisation (3 on a scale of 1 to 4) fits the \
         Functional phase, but the dimensions ‘Monitoring and learning’ and ‘Integration and \
         collaboration’ lag behind in the Ad hoc phase. Weak dimensions hold back the \
         overall result: it can be no more than one phase above those dimensions."
    );
}

#[test]
fn a_provisional_result_names_one_unknown_dimension() {
    let q = Questionnaire::built_in();
    let result = assessed(&q, &levels(&[2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 2, 2]));
    assert_eq!(
        provisional(&q, &result, "nl").unwrap(),
        "Voorlopig resultaat: het rust op 10 van de 12 vragen; ‘Weet ik niet’ telt niet mee. \
         Over de dimensie ‘Monitoren en leren’ is geen vraag inhoudelijk beantwoord; die \
         dimensie telt niet mee voor het resultaat."
    );
    assert_eq!(
        provisional(&q, &result, "en").unwrap(),
        "Provisional result: it rests on 10 of the 12 questions; ‘Don’t know’ does not \
         count. No question about the dimension ‘Monitoring and learning’ has been answered \
         (‘Don’t know’ aside); that dimension does not count towards the result."
    );
}

#[test]
fn a_provisional_result_lists_two_unknown_dimensions_and_says_what_a_full_one_needs() {
    let q = Questionnaire::built_in();
    let result = assessed(&q, &levels(&[3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0]));
    assert_eq!(
        provisional(&q, &result, "nl").unwrap(),
        "Voorlopig resultaat: het rust op 8 van de 12 vragen; ‘Weet ik niet’ telt niet mee. \
         Een volledig resultaat rust op minstens 9 vragen. Over de dimensies ‘Monitoren en \
         leren’ en ‘Integratie en samenwerking’ is geen vraag inhoudelijk beantwoord; die \
         dimensies tellen niet mee voor het resultaat."
    );
    assert_eq!(
        provisional(&q, &result, "en").unwrap(),
        "Provisional result: it rests on 8 of the 12 questions; ‘Don’t know’ does not count. \
         A full result rests on at least 9 questions. No question about the dimensions \
         ‘Monitoring and learning’ and ‘Integration and collaboration’ has been answered \
         (‘Don’t know’ aside); those dimensions do not count towards the result."
    );
}

#[test]
fn a_provisional_result_with_every_dimension_known_says_why() {
    let q = Questionnaire::built_in();
    // Eight of twelve, at least one of each pair: every dimension known, yet
    // fewer than the nine a full result rests on (the second review's
    // finding 52: the reader was not told why).
    let result = assessed(&q, &levels(&[2, 0, 2, 0, 2, 0, 2, 0, 2, 2, 2, 2]));
    assert_eq!(
        provisional(&q, &result, "nl").unwrap(),
        "Voorlopig resultaat: het rust op 8 van de 12 vragen; ‘Weet ik niet’ telt niet mee. \
         Een volledig resultaat rust op minstens 9 vragen."
    );
    assert_eq!(
        provisional(&q, &result, "en").unwrap(),
        "Provisional result: it rests on 8 of the 12 questions; ‘Don’t know’ does not count. \
         A full result rests on at least 9 questions."
    );
    let nine = assessed(&q, &levels(&[2, 0, 2, 0, 2, 0, 2, 2, 2, 2, 2, 2]));
    assert_eq!(provisional(&q, &nine, "nl"), None, "nine is a full result");
}

#[test]
fn the_top_phase_is_claimed_only_for_the_dimensions_answered() {
    let q = Questionnaire::built_in();
    let all = assessed(&q, &levels(&[4; 12]));
    assert_eq!(
        top_reached(&all, false, ui_text("nl")).unwrap(),
        "Op elke dimensie met beantwoorde vragen zit uw organisatie in de hoogste fase."
    );
    let one_unknown = assessed(&q, &levels(&[4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 4, 4]));
    assert_eq!(
        top_reached(&one_unknown, true, ui_text("en")).unwrap(),
        "On every dimension with answered questions, this organisation is in the highest \
         phase."
    );
    assert!(
        provisional(&q, &one_unknown, "en")
            .unwrap()
            .contains("‘Monitoring and learning’"),
        "the unknown dimension is named beside it"
    );
    let (_, b) = case_b_dont_know();
    assert_eq!(
        top_reached(&b, false, ui_text("nl")),
        None,
        "case B has next steps"
    );
}

#[test]
fn the_chart_says_where_each_phase_begins() {
    let q = Questionnaire::built_in();
    assert_eq!(
        chart_scale(&q, "nl"),
        "De schaal loopt van 1 tot 4. Een dimensie bereikt een fase al een kwart punt onder \
         het nummer van die fase; daar staan de streepjes: 1,75 (Experimenteel), \
         2,75 (Functioneel) en 3,75 (Transformatie)."
    );
    assert_eq!(
        chart_scale(&q, "en"),
        "The scale runs from 1 to 4. A dimension reaches a phase a quarter of a point below \
         that phase’s number; the marks show where: 1.75 (Experimental), 2.75 (Functional) \
         and 3.75 (Transformation)."
    );
}

#[test]
fn too_few_answers_say_how_many_are_needed() {
    assert_eq!(
        too_few(5, 12, 6, ui_text("nl")),
        "U heeft 5 van de 12 vragen inhoudelijk beantwoord. Voor een resultaat zijn er \
         minstens 6 nodig; ‘Weet ik niet’ telt niet mee."
    );
    assert_eq!(
        too_few(5, 12, 6, ui_text("en")),
        "You have answered 5 of the 12 questions (not counting ‘Don’t know’). A result needs \
         at least 6."
    );
}

#[test]
fn the_group_view_counts_one_and_several_results() {
    let (nl, en) = (ui_text("nl"), ui_text("en"));
    assert_eq!(nl.group_count(1), "1 resultaat gelezen.");
    assert_eq!(nl.group_count(2), "2 resultaten gelezen.");
    assert_eq!(en.group_count(1), "1 result read.");
    assert_eq!(en.group_count(2), "2 results read.");
    assert_eq!(nl.group_rejected_title(1), "1 regel of bestand afgewezen");
    assert_eq!(
        nl.group_rejected_title(3),
        "3 regels of bestanden afgewezen"
    );
    assert_eq!(en.group_rejected_title(1), "1 line or file rejected");
}

#[test]
fn a_two_question_questionnaire_speaks_of_minutes_in_the_right_form() {
    let q = two_questions();
    assert_eq!(
        facts(q.questions.len(), ui_text("nl")),
        "2 vragen, ongeveer 2 minuten."
    );
    assert_eq!(
        facts(q.questions.len(), ui_text("en")),
        "2 questions, about 2 minutes."
    );
    assert_eq!(facts(12, ui_text("nl")), "12 vragen, ongeveer 7 minuten.");
    assert_eq!(facts(12, ui_text("en")), "12 questions, about 7 minutes.");
    assert_eq!(facts(1, ui_text("nl")), "1 vraag, ongeveer 1 minuut.");
    assert_eq!(facts(1, ui_text("en")), "1 question, about 1 minute.");
    let result = assessed(&q, &levels(&[3, 0]));
    assert_eq!(
        provisional(&q, &result, "nl").unwrap(),
        "Voorlopig resultaat: het rust op 1 van de 2 vragen; ‘Weet ik niet’ telt niet mee. \
         Een volledig resultaat rust op minstens 2 vragen."
    );
    assert_eq!(
        capped(&q, &result, false, "nl"),
        None,
        "one dimension caps nothing"
    );
    assert_eq!(
        too_few(0, 2, 1, ui_text("en")),
        "You have answered 0 of the 2 questions (not counting ‘Don’t know’). A result needs \
         at least 1."
    );
}
