//! What the core's unit tests share: the questionnaire they use and the
//! reference answers they test against.

use crate::model::{Answer, Level, Questionnaire, Response};
use crate::scoring::{Assessment, Outcome, assess};

pub fn q() -> Questionnaire {
    Questionnaire::built_in()
}

pub fn case_b() -> Vec<Option<Answer>> {
    let mut answers: Vec<Option<Answer>> = [4, 4, 3, 3, 3, 3, 3, 3, 1, 1, 3, 2]
        .iter()
        .map(|&l| Some(Answer::Level(Level(l))))
        .collect();
    answers[7] = Some(Answer::DontKnow);
    answers
}

pub fn case_b_result() -> (Questionnaire, Response, Assessment) {
    let q = Questionnaire::built_in();
    let mut answers: Vec<Option<Answer>> = [4, 4, 3, 3, 3, 3, 3, 3, 1, 1, 3, 2]
        .iter()
        .map(|&l| Some(Answer::Level(Level(l))))
        .collect();
    answers[7] = Some(Answer::DontKnow);
    let Outcome::Assessed(assessment) = assess(&q, &answers) else {
        panic!("case B has a result")
    };
    let response = Response {
        answers,
        profile: vec![Some(0), None],
    };
    (q, response, assessment)
}
