//! Every type the widget writes as JSON and reads back, by property: what is
//! written is read back as the same value. Saved progress, downloaded
//! results, answers, levels and screens; the event details, which hosts read,
//! carry the same answers a download does.

#![cfg(not(target_arch = "wasm32"))]

mod strategies;

use mq_core::events::completed;
use mq_core::exchange::csv::{csv_header, csv_row, read_csv};
use mq_core::exchange::download::{download, read_download};
use mq_core::model::{Answer, Level, Response};
use mq_core::quiz::{Quiz, Step};
use mq_core::saved::SavedProgress;
use mq_core::scoring::{Outcome, assess};
use proptest::prelude::*;
use strategies::{BUILT_IN, answer, profile};

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::Intro),
        (0usize..12).prop_map(Step::Question),
        Just(Step::Profile),
        Just(Step::Result),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn answers_levels_and_steps_come_back(answer in answer(), level in any::<u8>(), step in step()) {
        let text = serde_json::to_string(&answer).unwrap();
        prop_assert_eq!(serde_json::from_str::<Option<Answer>>(&text).unwrap(), answer);
        let text = serde_json::to_string(&Level(level)).unwrap();
        prop_assert_eq!(&text, &level.to_string());
        prop_assert_eq!(serde_json::from_str::<Level>(&text).unwrap(), Level(level));
        let text = serde_json::to_string(&step).unwrap();
        prop_assert_eq!(serde_json::from_str::<Step>(&text).unwrap(), step);
    }

    #[test]
    fn saved_progress_comes_back(
        answers in prop::collection::vec(answer(), 12),
        profile in profile(),
        step in step(),
        english in any::<bool>(),
    ) {
        let language = if english { "en" } else { "nl" }.to_string();
        let quiz = Quiz::resumed(&BUILT_IN, language, step, answers, profile);
        // As the widget stores it: serde_json through gloo-storage.
        let text = serde_json::to_string(&SavedProgress::of(&quiz, &BUILT_IN)).unwrap();
        let restored = serde_json::from_str::<SavedProgress>(&text)
            .unwrap()
            .restore(&BUILT_IN)
            .unwrap();
        prop_assert_eq!(restored, quiz);
    }

    #[test]
    fn downloads_csv_rows_and_completion_details_carry_the_answers(
        answers in prop::collection::vec(answer(), 12),
        profile in profile(),
    ) {
        let Outcome::Assessed(assessment) = assess(&BUILT_IN, &answers) else {
            return Ok(());
        };
        let response = Response { answers, profile };
        let file = download(&BUILT_IN, "nl", &response, &assessment, None, "2026-12-01T12:00:00.000Z");
        prop_assert_eq!(read_download(&BUILT_IN, &file).unwrap(), response.clone());
        // The event's detail is a download without its format and time.
        let mut detail: serde_json::Value =
            serde_json::from_str(&completed(&BUILT_IN, "en", &response, &assessment, None)).unwrap();
        detail["format"] = 2.into();
        prop_assert_eq!(read_download(&BUILT_IN, &detail.to_string()).unwrap(), response.clone());
        let csv = csv_header(&BUILT_IN) + &csv_row(&BUILT_IN, "en", &response, &assessment);
        prop_assert_eq!(read_csv(&BUILT_IN, &csv), vec![(2, Ok(response))]);
    }
}
