//! The widget's own words (buttons, captions, notes) in each language it
//! speaks, and the rule that picks the language a visitor sees.
//!
//! A questionnaire brings its own texts; these are the texts around them. They
//! live in `content/ui.json`, embedded at compile time.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The JSON text of the widget's own words, keyed by language code.
pub const UI_JSON: &str = include_str!("../content/ui.json");

/// The language used when nothing else says which one to use: the first site
/// owners write in Dutch.
pub const FALLBACK_LANGUAGE: &str = "nl";

/// Every text the widget shows besides the questionnaire's, in one language.
///
/// Templates hold `{name}` placeholders, filled in with [`fill`].
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct UiText {
    /// The language's own name, on the language switch.
    pub language_name: String,
    pub language_switch: String,
    pub start: String,
    /// `{count}` questions, about `{minutes}` minutes.
    pub facts: String,
    pub privacy: String,
    pub about_title: String,
    /// Question `{n}` of `{total}`.
    pub progress: String,
    pub back: String,
    pub r#continue: String,
    pub see_result: String,
    pub dont_know: String,
    pub error_title: String,
    /// Names question `{n}` and its text `{question}`.
    pub error_choose: String,
    pub error_inline: String,
    pub result_label: String,
    /// Phase `{n}` of `{total}`.
    pub phase_of: String,
    /// Uses `{mean}`, `{uncapped}`, `{dimensions}` and `{lowest}`.
    pub note_capped: String,
    /// Uses `{answered}` and `{total}`.
    pub note_provisional: String,
    /// Uses `{dimensions}`.
    pub note_unknown: String,
    pub note_uneven: String,
    pub dimensions_title: String,
    pub dimension: String,
    pub score: String,
    pub phase: String,
    pub unknown: String,
    pub next_steps_title: String,
    /// Uses `{phase}`.
    pub next_step_towards: String,
    pub top_reached: String,
    pub too_few_title: String,
    /// Uses `{answered}`, `{total}` and `{needed}`.
    pub too_few_body: String,
    pub review: String,
    pub restart: String,
    /// The word that joins the last two items of a list.
    pub and: String,
    pub notice_discarded: String,
    pub notice_cannot_save: String,
    pub notice_deleted: String,
    pub forget: String,
    pub restart_confirm: String,
    pub restart_yes: String,
    pub cancel: String,
    pub code_empty: String,
    /// Uses `{found}` and `{at}`.
    pub code_character: String,
    /// Uses `{found}` and `{expected}`.
    pub code_format: String,
    pub code_separator: String,
    /// Uses `{found}` and `{expected}`.
    pub code_version: String,
    /// Uses `{found}` and `{expected}`.
    pub code_length: String,
    pub code_range: String,
    /// Uses `{n}`.
    pub code_dont_know: String,
    pub code_no_code: String,
    /// Uses `{reason}`.
    pub code_not_json: String,
    /// Uses `{found}` and `{expected}`.
    pub code_questionnaire: String,
    /// Uses `{answered}`, `{total}` and `{needed}`.
    pub code_too_few: String,
    /// Uses `{reason}`.
    pub link_invalid: String,
    pub shared_note: String,
    pub shared_leave: String,
    pub share_title: String,
    pub share_link_label: String,
    pub share_code_label: String,
    pub copy_link: String,
    pub copy_code: String,
    pub copied_link: String,
    pub copied_code: String,
    pub copy_failed: String,
    pub download_json: String,
    pub download_csv: String,
    pub print: String,
    pub open_group: String,
    pub group_title: String,
    pub group_intro: String,
    pub group_paste_label: String,
    pub group_files_label: String,
    pub group_read: String,
    /// Uses `{count}`.
    pub group_count: String,
    /// Uses `{count}`.
    pub group_rejected_title: String,
    /// Uses `{n}` and `{reason}`.
    pub group_rejected_line: String,
    /// Uses `{file}` and `{reason}`.
    pub group_rejected_file: String,
    pub group_phases_title: String,
    pub group_number: String,
    pub group_percentage: String,
    /// Uses `{lower}`, `{lower_share}`, `{upper}` and `{upper_share}`.
    pub group_split: String,
    pub group_dimensions_title: String,
    pub group_median: String,
    pub group_spread: String,
    pub export_summary: String,
    pub export_rows: String,
    pub group_back: String,
}

/// The widget's words in every language it speaks, keyed by language code.
///
/// `content/ui.json` is checked by the test suite, so a failure here is a
/// build mistake, not bad input.
pub fn all_ui_texts() -> &'static BTreeMap<String, UiText> {
    static TEXTS: OnceLock<BTreeMap<String, UiText>> = OnceLock::new();
    TEXTS.get_or_init(|| serde_json::from_str(UI_JSON).expect("content/ui.json is valid"))
}

/// The widget's words in `language`, or in [`FALLBACK_LANGUAGE`] when it
/// does not speak that language.
pub fn ui_text(language: &str) -> &'static UiText {
    let texts = all_ui_texts();
    texts
        .get(language)
        .unwrap_or_else(|| &texts[FALLBACK_LANGUAGE])
}

/// Picks the language to show: the first of `preferences` (most important
/// first, such as the element's `lang`, the page's `lang`, then the browser's
/// languages) that `available` contains, compared by primary subtag and case
/// insensitively, so "en-GB" picks "en". Unknown or empty codes are passed
/// over without complaint; when none fits, the first available language wins,
/// or Dutch when that is available too.
pub fn choose_language<'a>(
    preferences: impl IntoIterator<Item = &'a str>,
    available: &[String],
) -> String {
    preferences
        .into_iter()
        .filter_map(|tag| {
            let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
            available.iter().find(|l| l.eq_ignore_ascii_case(&primary))
        })
        .chain(available.iter().filter(|l| *l == FALLBACK_LANGUAGE))
        .chain(available.first())
        .next()
        .cloned()
        .unwrap_or_else(|| FALLBACK_LANGUAGE.to_string())
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// Joins names as a reader expects: "a", "a and b", "a, b and c".
pub fn list(names: &[&str], and: &str) -> String {
    match names {
        [] => String::new(),
        [only] => only.to_string(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// Writes a number with at most two decimals, trailing zeros dropped, and the
/// decimal separator of `language` (a comma in Dutch).
pub fn number(value: f64, language: &str) -> String {
    let text = decimal(value, 2);
    if language == "nl" {
        text.replace('.', ",")
    } else {
        text
    }
}

/// Writes `value` rounded to at most `places` decimals (half away from
/// zero), trailing zeros and a bare point dropped: `2.5`, `3`, `2.8333`.
///
/// Integer arithmetic does the writing: Rust's float formatting alone is a
/// tenth of the widget's code.
pub fn decimal(value: f64, places: u32) -> String {
    let sign = if value < 0.0 { "-" } else { "" };
    let unit = 10u64.pow(places);
    let scaled = (value.abs() * unit as f64).round() as u64;
    let fraction = format!("{:0width$}", scaled % unit, width = places as usize);
    let fraction = fraction.trim_end_matches('0');
    match (scaled, fraction) {
        (0, _) => "0".to_string(),
        (_, "") => format!("{sign}{}", scaled / unit),
        _ => format!("{sign}{}.{fraction}", scaled / unit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn available() -> Vec<String> {
        vec!["nl".to_string(), "en".to_string()]
    }

    #[test]
    fn every_language_has_every_text_filled() {
        // Deserialising proves no text is missing; this proves none is blank.
        let texts = all_ui_texts();
        assert_eq!(texts.keys().collect::<Vec<_>>(), ["en", "nl"]);
        let json: serde_json::Value = serde_json::from_str(UI_JSON).unwrap();
        for (language, text) in texts {
            for (key, value) in json[language].as_object().unwrap() {
                let value = value.as_str().unwrap();
                assert!(!value.trim().is_empty(), "{language}.{key} is empty");
            }
            assert!(text.progress.contains("{n}") && text.progress.contains("{total}"));
        }
    }

    #[test]
    fn language_follows_the_first_known_preference() {
        let cases: &[(&[&str], &str)] = &[
            (&["en"], "en"),
            (&["EN-gb", "nl"], "en"),
            (&["de", "fr-FR", "en-US"], "en"),
            (&["", "nl-BE"], "nl"),
            (&["de"], "nl"),
            (&[], "nl"),
            (&["  en  "], "en"),
        ];
        for (preferences, expected) in cases {
            assert_eq!(
                choose_language(preferences.iter().copied(), &available()),
                *expected,
                "{preferences:?}"
            );
        }
    }

    #[test]
    fn a_questionnaire_without_dutch_falls_back_to_its_first_language() {
        let available = vec!["de".to_string(), "en".to_string()];
        assert_eq!(choose_language(["fr"], &available), "de");
    }

    #[test]
    fn templates_lists_and_numbers_read_naturally() {
        assert_eq!(
            fill("Vraag {n} van {total}", &[("n", "3"), ("total", "12")]),
            "Vraag 3 van 12"
        );
        assert_eq!(list(&["a"], "en"), "a");
        assert_eq!(list(&["a", "b"], "and"), "a and b");
        assert_eq!(list(&["a", "b", "c"], "en"), "a, b en c");
        assert_eq!(number(2.5, "nl"), "2,5");
        assert_eq!(number(2.8333, "en"), "2.83");
        assert_eq!(number(3.0, "en"), "3");
        assert_eq!(number(0.004, "en"), "0");
        assert_eq!(number(99.995, "en"), "100");
        assert_eq!(decimal(31.0 / 12.0, 4), "2.5833");
        assert_eq!(decimal(2.0 / 3.0, 4), "0.6667");
        assert_eq!(decimal(-1.25, 1), "-1.3");
        assert_eq!(decimal(0.05, 1), "0.1");
    }
}
