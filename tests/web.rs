//! Component tests: the widget rendered by yew in a headless browser
//! (Chromium or Firefox, as scripts/test.sh runs them), driven through its
//! DOM as a respondent would, via `wasm-bindgen-test`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use maturity_quiz::embed::mount;
use mq_core::model::Questionnaire;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// tests/fixtures/cases.json: the named answer sets every layer's tests
/// share.
const CASES: &str = include_str!("fixtures/cases.json");

/// The whole result on screen, whose verdict shows a frame before the rest:
/// its last part, or the request for more answers.
const WHOLE_RESULT: &str = ".mq-result .mq-about, .mq-too-few";

/// The radio values ("1".."4", "dont-know") of the case named `name` in
/// tests/fixtures/cases.json, separated by spaces as [`Widget::answer_all`]
/// takes them.
fn case(name: &str) -> String {
    let cases: serde_json::Value = serde_json::from_str(CASES).expect("cases.json is JSON");
    let answers = cases["cases"][name]["answers"]
        .as_array()
        .unwrap_or_else(|| panic!("tests/fixtures/cases.json has no case {name:?}"));
    let values: Vec<String> = answers
        .iter()
        .map(|answer| match answer {
            serde_json::Value::String(value) => value.clone(),
            serde_json::Value::Number(level) => level.to_string(),
            other => panic!("{name} leaves a question as {other}: no radio value"),
        })
        .collect();
    values.join(" ")
}

/// One widget mounted in its own element of the test page.
struct Widget {
    root: Element,
}

impl Widget {
    async fn new(lang: &str) -> Widget {
        Widget::new_in(lang, &gloo::utils::document().body().unwrap()).await
    }

    /// A widget in the open shadow root of a component of the page, where a
    /// search of the document does not find it.
    async fn in_shadow_root(lang: &str) -> Widget {
        let attach = js_sys::Function::new_no_args(
            "const host = document.createElement('div'); document.body.append(host); \
             return host.attachShadow({ mode: 'open' });",
        );
        let shadow: web_sys::Node = attach.call0(&JsValue::NULL).unwrap().unchecked_into();
        Widget::new_in(lang, &shadow).await
    }

    /// A widget in a new element at the end of `parent`.
    async fn new_in(lang: &str, parent: &web_sys::Node) -> Widget {
        let document = gloo::utils::document();
        let root = document.create_element("maturity-quiz").unwrap();
        root.set_attribute("lang", lang).unwrap();
        parent.append_child(&root).unwrap();
        // The handle is dropped deliberately: yew keeps the app alive.
        let _ = mount(
            root.clone(),
            root.clone(),
            Rc::new(Questionnaire::built_in()),
        );
        let widget = Widget { root };
        widget
            .until("the intro", |w| w.find(".mq-start").is_some())
            .await;
        widget
    }

    fn find(&self, css: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(css)
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    fn text(&self, css: &str) -> String {
        self.find(css)
            .map(|e| e.text_content().unwrap_or_default())
            .unwrap_or_default()
    }

    fn focused_matches(&self, css: &str) -> bool {
        let active = gloo::utils::document().active_element();
        active.is_some_and(|a| a.matches(css).unwrap())
    }

    /// Waits for yew to render what `condition` looks for, for two seconds at
    /// most.
    async fn until(&self, what: &str, condition: impl Fn(&Widget) -> bool) {
        for _ in 0..200 {
            if condition(self) {
                return;
            }
            TimeoutFuture::new(10).await;
        }
        panic!(
            "timed out waiting for {what}; the widget shows: {}",
            self.root.inner_html()
        );
    }

    fn click(&self, css: &str) {
        self.find(css)
            .unwrap_or_else(|| panic!("no {css} in {}", self.root.inner_html()))
            .click();
    }

    async fn start(&self) {
        self.click(".mq-start");
        self.until("the first question", |w| w.find(".mq-legend").is_some())
            .await;
    }

    /// Chooses `value` ("1".."4" or "dont-know") and continues.
    async fn answer(&self, value: &str) {
        let before = self.text(".mq-progress");
        self.click(&format!("input[value=\"{value}\"]"));
        self.click(".mq-continue");
        self.until("the next screen", |w| w.text(".mq-progress") != before)
            .await;
    }

    async fn answer_all(&self, values: &str) {
        self.start().await;
        for value in values.split_whitespace() {
            self.answer(value).await;
        }
        self.skip_profile().await;
    }

    /// Goes on from the background questions without answering them.
    async fn skip_profile(&self) {
        self.until("the background questions", |w| {
            w.find(".mq-profile").is_some()
        })
        .await;
        self.click(".mq-profile .mq-continue");
        self.until("the whole result", |w| w.find(WHOLE_RESULT).is_some())
            .await;
    }
}

#[wasm_bindgen_test]
async fn the_background_questions_are_optional_and_keep_a_choice() {
    let w = Widget::new("nl").await;
    w.start().await;
    for value in case("case-a").split_whitespace() {
        w.answer(value).await;
    }
    w.until("the background questions", |w| {
        w.find(".mq-profile").is_some()
    })
    .await;
    w.until("focus on their heading", |w| {
        w.focused_matches(".mq-profile h2")
    })
    .await;
    let checked = |css: &str| {
        let input: HtmlInputElement = w.find(css).unwrap().unchecked_into();
        input.checked()
    };
    assert!(
        checked(".mq-profile-question input[value=\"\"]"),
        "‘Zeg ik liever niet’ stands checked"
    );
    w.click("input[value=\"education\"]");
    w.click(".mq-profile .mq-back");
    w.until("the last question", |w| {
        w.text(".mq-progress") == "Vraag 12 van 12"
    })
    .await;
    w.click(".mq-continue");
    w.until("the background questions again", |w| {
        w.find(".mq-profile").is_some()
    })
    .await;
    assert!(checked("input[value=\"education\"]"), "the choice survived");
    w.click(".mq-profile .mq-continue");
    w.until("the whole result", |w| w.find(WHOLE_RESULT).is_some())
        .await;
    assert_eq!(w.text(".mq-phase-name"), "Functioneel");
}

#[wasm_bindgen_test]
async fn case_a_is_functional() {
    let w = Widget::new("nl").await;
    w.answer_all(&case("case-a")).await;
    assert_eq!(w.text(".mq-phase-name"), "Functioneel");
    assert!(w.find(".mq-note-capped").is_none(), "case A is not capped");
    w.until("focus on the result heading", |w| {
        w.focused_matches(".mq-result-heading")
    })
    .await;
}

#[wasm_bindgen_test]
async fn case_b_is_experimental_capped_by_monitoring_in_both_languages() {
    for (lang, phase, dimension) in [
        ("nl", "Experimenteel", "Monitoren en leren"),
        ("en", "Experimental", "Monitoring and learning"),
    ] {
        let w = Widget::new(lang).await;
        w.answer_all(&case("case-b")).await;
        assert_eq!(w.text(".mq-phase-name"), phase);
        assert!(
            w.text(".mq-note-capped").contains(dimension),
            "{}",
            w.text(".mq-note-capped")
        );
        assert!(w.find(".mq-note-uneven").is_some(), "case B is uneven");
        assert_eq!(
            w.root.query_selector_all(".mq-bar-fill").unwrap().length(),
            6
        );
        assert_eq!(w.root.query_selector_all("tbody tr").unwrap().length(), 6);
    }
}

#[wasm_bindgen_test]
async fn continue_without_an_answer_names_the_question_and_takes_focus() {
    let w = Widget::new("en").await;
    w.start().await;
    w.click(".mq-continue");
    w.until("the error summary", |w| {
        w.find(".mq-error-summary").is_some()
    })
    .await;
    assert!(
        w.text(".mq-error-summary").contains("question 1"),
        "{}",
        w.text(".mq-error-summary")
    );
    w.until("focus on the error summary", |w| {
        w.focused_matches(".mq-error-summary")
    })
    .await;
    assert_eq!(
        w.text(".mq-progress"),
        "Question 1 of 12",
        "still on the first question"
    );
    w.click(".mq-error-summary a");
    assert!(
        w.focused_matches("input[type=radio]"),
        "the link leads to the first option"
    );
}

#[wasm_bindgen_test]
async fn each_step_focuses_the_new_question() {
    let w = Widget::new("nl").await;
    w.start().await;
    w.until("focus on the first legend", |w| {
        w.focused_matches(".mq-legend")
    })
    .await;
    w.answer("2").await;
    assert_eq!(w.text(".mq-progress"), "Vraag 2 van 12");
    w.until("focus on the second legend", |w| {
        w.focused_matches(".mq-legend")
    })
    .await;
}

#[wasm_bindgen_test]
async fn switching_language_keeps_the_answers() {
    let w = Widget::new("nl").await;
    w.start().await;
    w.answer("3").await;
    w.click(".mq-language-option[lang=en]");
    w.until("English", |w| w.text(".mq-progress") == "Question 2 of 12")
        .await;
    w.click(".mq-back");
    w.until("the first question", |w| {
        w.text(".mq-progress") == "Question 1 of 12"
    })
    .await;
    let chosen: HtmlInputElement = w.find("input[value=\"3\"]").unwrap().unchecked_into();
    assert!(
        chosen.checked(),
        "the answer to question 1 survived the switch"
    );
}

#[wasm_bindgen_test]
async fn too_many_dont_knows_ask_for_more_answers() {
    let w = Widget::new("en").await;
    w.answer_all("dont-know dont-know dont-know dont-know dont-know dont-know dont-know 1 1 1 1 1")
        .await;
    assert!(
        w.find(".mq-phase-name").is_none(),
        "no phase from 5 of 12 answers"
    );
    assert!(
        w.text(".mq-too-few").contains("5 of the 12"),
        "{}",
        w.text(".mq-too-few")
    );
    w.click(".mq-review");
    w.until("the first skipped question", |w| {
        w.text(".mq-progress") == "Question 1 of 12"
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_crash_leaves_a_readable_message_in_place_of_each_widget() {
    let dutch = Widget::new("nl").await;
    let english = Widget::new("en").await;
    let shadowed = Widget::in_shadow_root("en").await;
    maturity_quiz::embed::show_crash("panicked at src/example.rs:1:1");
    for (w, message) in [
        (&dutch, "Er ging iets mis"),
        (&english, "Something went wrong"),
        (&shadowed, "Something went wrong"),
    ] {
        assert!(w.find(".mq").is_none(), "the broken widget is gone");
        let notice = w.find(".mq-crash[role=alert]").expect("a crash notice");
        let text = notice.text_content().unwrap();
        assert!(
            text.starts_with(message) && text.contains("src/example.rs"),
            "{text}"
        );
    }
}

#[wasm_bindgen_test]
async fn start_again_asks_once_then_clears() {
    let w = Widget::new("en").await;
    w.answer_all("1 1 1 1 1 1 1 1 1 1 1 1").await;
    w.click(".mq-restart");
    w.until("the confirmation", |w| w.find(".mq-confirm").is_some())
        .await;
    w.until("focus on the confirmation", |w| {
        w.focused_matches(".mq-restart-yes")
    })
    .await;
    w.click(".mq-restart-cancel");
    w.until("the result again", |w| w.find(".mq-restart").is_some())
        .await;
    assert_eq!(
        w.text(".mq-phase-name"),
        "Ad hoc",
        "cancel keeps the result"
    );
    w.click(".mq-restart");
    w.until("the confirmation", |w| w.find(".mq-restart-yes").is_some())
        .await;
    w.click(".mq-restart-yes");
    w.until("the intro", |w| w.find(".mq-start").is_some())
        .await;
    w.start().await;
    assert!(
        w.find("input[type=radio]:checked").is_none(),
        "every answer is gone"
    );
}

#[wasm_bindgen_test]
async fn delete_my_answers_clears_them_and_says_so() {
    let w = Widget::new("nl").await;
    assert!(w.find(".mq-forget").is_none(), "nothing to delete yet");
    w.start().await;
    w.answer("3").await;
    w.click(".mq-forget");
    w.until("the intro", |w| w.find(".mq-start").is_some())
        .await;
    assert!(
        w.text(".mq-notice").contains("gewist"),
        "{}",
        w.text(".mq-notice")
    );
    w.start().await;
    assert!(
        w.find("input[type=radio]:checked").is_none(),
        "the answer is gone"
    );
    assert!(
        w.find(".mq-notice").is_none(),
        "the notice went with the move"
    );
}
