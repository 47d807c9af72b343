//! The widget's own words (buttons, captions, notes) in each language it
//! speaks, and the rule that picks the language a visitor sees.
//!
//! A questionnaire brings its own texts; these are the texts around them. They
//! live in `content/ui.json`, which `build.rs` turns into the statics below at
//! compile time: parsing it in the browser cost a deserializer of about 60 KB
//! of wasm (issue 7).

/// The language used when nothing else says which one to use: the first site
/// owners write in Dutch.
pub const FALLBACK_LANGUAGE: &str = "nl";

/// Every text the widget shows besides the questionnaire's, in one language.
///
/// Templates hold `{name}` placeholders, filled in with [`fill`]. The fields
/// are the keys of each language in `content/ui.json`; the build checks that
/// every language has every one of them, none blank.
#[allow(missing_docs)]
pub struct UiText {
    /// The language's own name, on the language switch.
    pub language_name: &'static str,
    pub language_switch: &'static str,
    pub start: &'static str,
    /// `{count}` questions, about `{minutes}` minutes.
    pub facts: &'static str,
    pub privacy: &'static str,
    pub about_title: &'static str,
    /// Question `{n}` of `{total}`.
    pub progress: &'static str,
    pub back: &'static str,
    pub r#continue: &'static str,
    pub see_result: &'static str,
    pub dont_know: &'static str,
    pub error_title: &'static str,
    /// Names question `{n}` and its text `{question}`.
    pub error_choose: &'static str,
    pub error_inline: &'static str,
    pub result_label: &'static str,
    /// Phase `{n}` of `{total}`.
    pub phase_of: &'static str,
    /// Uses `{mean}`, `{uncapped}`, `{dimensions}` and `{lowest}`.
    pub note_capped: &'static str,
    /// Uses `{answered}` and `{total}`.
    pub note_provisional: &'static str,
    /// Uses `{dimensions}`.
    pub note_unknown: &'static str,
    pub note_uneven: &'static str,
    pub dimensions_title: &'static str,
    pub dimension: &'static str,
    pub score: &'static str,
    pub phase: &'static str,
    pub unknown: &'static str,
    pub next_steps_title: &'static str,
    /// Uses `{phase}`.
    pub next_step_towards: &'static str,
    pub top_reached: &'static str,
    pub too_few_title: &'static str,
    /// Uses `{answered}`, `{total}` and `{needed}`.
    pub too_few_body: &'static str,
    pub review: &'static str,
    pub restart: &'static str,
    /// The word that joins the last two items of a list.
    pub and: &'static str,
    pub notice_discarded: &'static str,
    pub notice_cannot_save: &'static str,
    pub notice_deleted: &'static str,
    pub forget: &'static str,
    pub restart_confirm: &'static str,
    pub restart_yes: &'static str,
    pub cancel: &'static str,
    pub code_empty: &'static str,
    /// Uses `{found}` and `{at}`.
    pub code_character: &'static str,
    /// Uses `{found}` and `{expected}`.
    pub code_format: &'static str,
    pub code_separator: &'static str,
    /// Uses `{found}` and `{expected}`.
    pub code_version: &'static str,
    /// Uses `{found}` and `{expected}`.
    pub code_length: &'static str,
    pub code_range: &'static str,
    /// Uses `{n}`.
    pub code_dont_know: &'static str,
    pub code_no_code: &'static str,
    /// Uses `{reason}`.
    pub code_not_json: &'static str,
    /// Uses `{found}` and `{expected}`.
    pub code_questionnaire: &'static str,
    /// Uses `{answered}`, `{total}` and `{needed}`.
    pub code_too_few: &'static str,
    /// Uses `{reason}`.
    pub link_invalid: &'static str,
    pub shared_note: &'static str,
    pub shared_leave: &'static str,
    pub share_title: &'static str,
    pub share_link_label: &'static str,
    pub share_code_label: &'static str,
    pub copy_link: &'static str,
    pub copy_code: &'static str,
    pub copied_link: &'static str,
    pub copied_code: &'static str,
    pub copy_failed: &'static str,
    pub download_json: &'static str,
    pub download_csv: &'static str,
    pub print: &'static str,
    pub open_group: &'static str,
    pub group_title: &'static str,
    pub group_intro: &'static str,
    pub group_paste_label: &'static str,
    pub group_files_label: &'static str,
    pub group_read: &'static str,
    /// Uses `{count}`.
    pub group_count: &'static str,
    /// Uses `{count}`.
    pub group_rejected_title: &'static str,
    /// Uses `{n}` and `{reason}`.
    pub group_rejected_line: &'static str,
    /// Uses `{file}` and `{reason}`.
    pub group_rejected_file: &'static str,
    pub group_phases_title: &'static str,
    pub group_number: &'static str,
    pub group_percentage: &'static str,
    /// Uses `{lower}`, `{lower_share}`, `{upper}` and `{upper_share}`.
    pub group_split: &'static str,
    pub group_dimensions_title: &'static str,
    pub group_median: &'static str,
    pub group_spread: &'static str,
    pub export_summary: &'static str,
    pub export_rows: &'static str,
    pub group_back: &'static str,
}

// UI_TEXTS, generated from content/ui.json by build.rs.
include!(concat!(env!("OUT_DIR"), "/ui_texts.rs"));

/// The widget's words in `language`, or in [`FALLBACK_LANGUAGE`] when it
/// does not speak that language.
pub fn ui_text(language: &str) -> &'static UiText {
    // A handful of languages: a linear search is smaller than any map.
    let find = |wanted: &str| {
        UI_TEXTS
            .iter()
            .find(|&&(code, _)| code == wanted)
            .map(|&(_, text)| text)
    };
    // The tests check that the fallback language is there; the first one is a
    // last resort that cannot fail, so no panic path is compiled in.
    find(language)
        .or_else(|| find(FALLBACK_LANGUAGE))
        .unwrap_or(UI_TEXTS[0].1)
}

/// Picks the language to show: the first of `preferences` (most important
/// first, such as the element's `lang`, the page's `lang`, then the browser's
/// languages) that `available` has, compared case-insensitively: the whole tag
/// first ("pt-BR" picks "pt-BR"), then its primary subtag against the
/// available tags' primary subtags ("en-GB" picks "en", and "pt" picks
/// "pt-BR" when that is the only Portuguese). Unknown or empty codes are
/// passed over without complaint; when none fits, the first available
/// language wins, or Dutch when that is available too.
pub fn choose_language<'a>(
    preferences: impl IntoIterator<Item = &'a str>,
    available: &[String],
) -> String {
    fn primary(tag: &str) -> &str {
        tag.split(['-', '_']).next().unwrap_or_default()
    }
    fn same(a: &str, b: &str) -> bool {
        a.len() == b.len()
            && a.chars().zip(b.chars()).all(|(a, b)| {
                a.eq_ignore_ascii_case(&b) || matches!((a, b), ('-' | '_', '-' | '_'))
            })
    }
    preferences
        .into_iter()
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .find_map(|tag| {
            available.iter().find(|l| same(l, tag)).or_else(|| {
                available
                    .iter()
                    .find(|l| primary(l).eq_ignore_ascii_case(primary(tag)))
            })
        })
        .or_else(|| available.iter().find(|l| *l == FALLBACK_LANGUAGE))
        .or(available.first())
        .cloned()
        .unwrap_or_else(|| FALLBACK_LANGUAGE.to_string())
}

/// The name of the language `code` on the language switch, in that language
/// itself: the widget's own name for a language whose texts it has, else what
/// `autonym` finds (in the browser: `Intl.DisplayNames` in that language),
/// else the code as written. Never another language's name.
pub fn language_name(code: &str, autonym: impl FnOnce(&str) -> Option<String>) -> String {
    if let Some(&(_, text)) = UI_TEXTS
        .iter()
        .find(|&&(known, _)| known.eq_ignore_ascii_case(code))
    {
        return text.language_name.to_string();
    }
    match autonym(code) {
        // A name starts with a capital on the switch, as "Nederlands" does;
        // scripts without case stay as they are.
        Some(name) if !name.trim().is_empty() && name != code => {
            let mut chars = name.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => code.to_string(),
    }
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
    fn the_widget_speaks_dutch_and_english_dutch_first() {
        // build.rs proves every language has every text and none is blank;
        // this proves the languages themselves, and the fallback among them.
        let codes: Vec<_> = UI_TEXTS.iter().map(|&(code, _)| code).collect();
        assert_eq!(codes, ["nl", "en"]);
        assert_eq!(ui_text("nl").language_name, "Nederlands");
        assert_eq!(ui_text("en").language_name, "English");
        assert_eq!(
            ui_text("de").language_name,
            ui_text(FALLBACK_LANGUAGE).language_name
        );
    }

    #[test]
    fn every_template_has_its_placeholders() {
        // A translation that drops a placeholder would show a blank where a
        // number or name belongs; the struct's field docs list them.
        for &(language, ui) in &UI_TEXTS {
            let templates: &[(&str, &str, &str)] = &[
                ("facts", ui.facts, "count minutes"),
                ("progress", ui.progress, "n total"),
                ("error_choose", ui.error_choose, "n question"),
                ("phase_of", ui.phase_of, "n total"),
                (
                    "note_capped",
                    ui.note_capped,
                    "mean uncapped dimensions lowest",
                ),
                ("note_provisional", ui.note_provisional, "answered total"),
                ("note_unknown", ui.note_unknown, "dimensions"),
                ("next_step_towards", ui.next_step_towards, "phase"),
                ("too_few_body", ui.too_few_body, "answered total needed"),
                ("code_character", ui.code_character, "found at"),
                ("code_format", ui.code_format, "found expected"),
                ("code_version", ui.code_version, "found expected"),
                ("code_length", ui.code_length, "found expected"),
                ("code_dont_know", ui.code_dont_know, "n"),
                ("code_not_json", ui.code_not_json, "reason"),
                (
                    "code_questionnaire",
                    ui.code_questionnaire,
                    "found expected",
                ),
                ("code_too_few", ui.code_too_few, "answered total needed"),
                ("link_invalid", ui.link_invalid, "reason"),
                ("group_count", ui.group_count, "count"),
                ("group_rejected_title", ui.group_rejected_title, "count"),
                ("group_rejected_line", ui.group_rejected_line, "n reason"),
                ("group_rejected_file", ui.group_rejected_file, "file reason"),
                (
                    "group_split",
                    ui.group_split,
                    "lower lower_share upper upper_share",
                ),
            ];
            for (name, template, placeholders) in templates {
                for placeholder in placeholders.split(' ') {
                    assert!(
                        template.contains(&format!("{{{placeholder}}}")),
                        "{language}.{name} lacks {{{placeholder}}}: {template}"
                    );
                }
            }
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
    fn a_regional_tag_matches_whole_first_then_by_primary_subtag() {
        let portuguese = vec!["nl".to_string(), "pt-BR".to_string()];
        assert_eq!(choose_language(["pt-BR"], &portuguese), "pt-BR");
        assert_eq!(choose_language(["pt-br"], &portuguese), "pt-BR");
        assert_eq!(choose_language(["pt"], &portuguese), "pt-BR");
        assert_eq!(choose_language(["pt-PT"], &portuguese), "pt-BR");
        assert_eq!(choose_language(["pt_BR"], &portuguese), "pt-BR");
        assert_eq!(choose_language(["en-GB"], &available()), "en");
        assert_eq!(choose_language(["EN"], &available()), "en");
        // The whole tag beats an earlier primary-subtag match in `available`.
        let both = vec!["pt-PT".to_string(), "pt-BR".to_string()];
        assert_eq!(choose_language(["pt-BR"], &both), "pt-BR");
        assert_eq!(choose_language(["pt"], &both), "pt-PT");
        // The visitor's order counts first: a later whole match does not win.
        assert_eq!(choose_language(["en-GB", "nl"], &available()), "en");
    }

    #[test]
    fn the_switch_names_each_language_in_itself_or_by_its_code() {
        let none = |_: &str| None;
        assert_eq!(language_name("nl", none), "Nederlands");
        assert_eq!(language_name("en", none), "English");
        assert_eq!(language_name("EN", none), "English");
        // Unknown to the widget and to the browser: the code, never Dutch.
        assert_eq!(language_name("tlh", none), "tlh");
        assert_eq!(language_name("de", |_: &str| Some("de".to_string())), "de");
        assert_eq!(language_name("de", |_: &str| Some(" ".to_string())), "de");
        // The lookup asked for the code as written.
        assert_eq!(
            language_name("pt-BR", |code: &str| (code == "pt-BR")
                .then(|| "português (Brasil)".to_string())),
            "Português (Brasil)"
        );
        assert_eq!(
            language_name("de", |_: &str| Some("Deutsch".to_string())),
            "Deutsch"
        );
        assert_eq!(
            language_name("ja", |_: &str| Some("日本語".to_string())),
            "日本語"
        );
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
