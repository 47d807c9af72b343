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

/// A text with a number in it, in the forms its language needs: "1 vraag",
/// "2 vragen". Dutch and English both use `one` for exactly 1 and `other`
/// for every other count; a language with more forms needs more fields.
#[derive(Debug)]
pub struct Plural {
    /// The form for a count of 1.
    pub one: &'static str,
    /// The form for any other count, 0 included.
    pub other: &'static str,
}

impl Plural {
    /// The form for `count`.
    pub fn get(&self, count: usize) -> &'static str {
        if count == 1 { self.one } else { self.other }
    }

    /// The form for `count`, with `{count}` filled in.
    pub fn count(&self, count: usize) -> String {
        fill(self.get(count), &[("count", &count.to_string())])
    }
}

/// Every text the widget shows besides the questionnaire's, in one language.
///
/// Templates hold `{name}` placeholders, filled in with [`fill`]. The fields
/// are the keys of each language in `content/ui.json`; the build checks that
/// every language has every one of them, none blank, each with the same
/// placeholders as in the first language.
#[allow(missing_docs)]
pub struct UiText {
    /// The language's own name, on the language switch.
    pub language_name: &'static str,
    pub language_switch: &'static str,
    pub start: &'static str,
    /// `{questions}`, about `{minutes}` (each a count below).
    pub facts: &'static str,
    /// `{count}` questions.
    pub questions_count: Plural,
    /// `{count}` minutes.
    pub minutes_count: Plural,
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
    pub profile_title: &'static str,
    pub profile_intro: &'static str,
    /// The answer that gives none to a background question.
    pub profile_decline: &'static str,
    pub result_label: &'static str,
    /// The label over someone else's result, opened from a link.
    pub result_label_shared: &'static str,
    /// The label over a provisional result, so that the phase is never
    /// read as final before the note under it.
    pub result_label_provisional: &'static str,
    /// The same over someone else's provisional result.
    pub result_label_provisional_shared: &'static str,
    /// How the result's sentences name the respondent's own organisation.
    pub organisation_own: &'static str,
    /// How they name an organisation whose result someone shared.
    pub organisation_shared: &'static str,
    /// Phase `{n}` of `{total}`.
    pub phase_of: &'static str,
    /// That a result is one person's self-assessment, an indication.
    pub result_disclaimer: &'static str,
    /// Uses `{organisation}`, `{mean}`, `{scale}` (the top level),
    /// `{uncapped}`, `{dimensions}` (a [`quoted_list`]) and `{lowest}`; the
    /// form follows the number of dimensions.
    pub note_capped: Plural,
    /// Why the result is lower than some dimensions when no dimension caps
    /// it: `{organisation}`'s `{mean}` on the scale to `{scale}`, and the
    /// `{threshold}` at which the `{next}` phase begins.
    pub note_mean: &'static str,
    /// Uses `{answered}` and `{total}`; the form follows `{total}`.
    pub note_provisional: Plural,
    /// How many questions a full result rests on, `{full}`; the form
    /// follows it.
    pub note_full: Plural,
    /// Uses `{dimensions}`; the form follows their number.
    pub note_unknown: Plural,
    /// Uses `{organisation}` and `{section}`, the title of the list it
    /// points to.
    pub note_uneven: &'static str,
    pub dimensions_title: &'static str,
    pub dimension: &'static str,
    pub score: &'static str,
    pub phase: &'static str,
    pub unknown: &'static str,
    /// Under the bars: the scale from 1 to `{scale}` and where each phase
    /// begins, `{thresholds}` (a list of `chart_threshold`).
    pub chart_scale: &'static str,
    /// One phase's threshold: `{score}` and the `{phase}` it begins.
    pub chart_threshold: &'static str,
    /// Uses `{organisation}`.
    pub next_steps_title: &'static str,
    /// Where a dimension is now; uses `{phase}`.
    pub dimension_now: &'static str,
    /// Uses `{phase}`.
    pub next_step_towards: &'static str,
    /// Uses `{organisation}`.
    pub top_reached: &'static str,
    pub too_few_title: &'static str,
    /// Uses `{answered}`, `{total}` and `{needed}`; the form follows
    /// `{total}`.
    pub too_few_body: Plural,
    pub review: &'static str,
    pub restart: &'static str,
    /// The word that joins the last two items of a list.
    pub and: &'static str,
    /// A name quoted in running text: `{name}` between the language's
    /// quotation marks.
    pub quoted: &'static str,
    /// What separates a number's whole part from its decimals.
    pub decimal_separator: &'static str,
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
    /// Uses `{found}`, `{oldest}` and `{expected}`.
    pub code_format: &'static str,
    pub code_separator: &'static str,
    /// Uses `{found}` and `{expected}`.
    pub code_version: &'static str,
    /// Uses `{found}` and `{expected}`; the form follows `{expected}`.
    pub code_length: Plural,
    pub code_range: &'static str,
    /// Uses `{n}`.
    pub code_dont_know: &'static str,
    pub code_no_code: &'static str,
    /// Uses `{line}` and `{column}`.
    pub download_syntax: &'static str,
    pub download_not_result: &'static str,
    /// Uses `{found}`, `{oldest}` and `{expected}`.
    pub download_format: &'static str,
    /// Uses `{n}`.
    pub download_answer: &'static str,
    /// Uses `{found}` (an answer id) and `{question}` (the background
    /// question's text).
    pub profile_answer_unknown: &'static str,
    pub csv_empty: &'static str,
    /// Uses `{column}`.
    pub csv_column: &'static str,
    /// Uses `{found}` and `{expected}`; the form follows `{found}`.
    pub csv_fields: Plural,
    pub csv_quote: &'static str,
    /// Uses `{found}` and `{expected}`.
    pub code_questionnaire: &'static str,
    /// Uses `{answered}`, `{total}` and `{needed}`; the form follows
    /// `{total}`.
    pub code_too_few: Plural,
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
    pub group_count: Plural,
    /// Uses `{count}`.
    pub group_rejected_title: Plural,
    /// Uses `{n}` and `{reason}`.
    pub group_rejected_line: &'static str,
    /// Uses `{file}` and `{reason}`.
    pub group_rejected_file: &'static str,
    /// Uses `{file}`, `{n}` and `{reason}`.
    pub group_rejected_file_line: &'static str,
    /// Uses `{reason}`.
    pub group_rejected_paste: &'static str,
    /// Refused lines not listed: uses `{count}`.
    pub group_rejected_more: Plural,
    /// Uses `{percent}`.
    pub group_reading: &'static str,
    /// Uses `{size}` and `{limit}`, in megabytes.
    pub group_file_too_large: &'static str,
    /// Uses `{limit}`, in megabytes.
    pub group_files_too_large: &'static str,
    /// Uses `{limit}`, a number of files.
    pub group_too_many_files: Plural,
    /// Uses `{limit}`, in millions of characters.
    pub group_paste_too_long: Plural,
    /// Uses `{limit}`, a number of lines.
    pub group_too_many_lines: Plural,
    pub group_phases_title: &'static str,
    pub group_number: &'static str,
    pub group_percentage: &'static str,
    /// Uses `{lower}`, `{lower_share}`, `{upper}` and `{upper_share}`.
    pub group_split: &'static str,
    pub group_dimensions_title: &'static str,
    pub group_median: &'static str,
    pub group_spread: &'static str,
    pub group_segments_title: &'static str,
    pub group_segments_by: &'static str,
    pub group_segment: &'static str,
    pub group_segment_none: &'static str,
    /// Uses `{count}`.
    pub group_segment_results: Plural,
    /// Uses `{count}`, the fewest results worth comparing.
    pub group_segment_small: Plural,
    pub group_segment_small_short: &'static str,
    pub group_segments_caption: &'static str,
    /// Uses `{dimension}`, a quoted name.
    pub group_median_of: &'static str,
    pub export_summary: &'static str,
    pub export_rows: &'static str,
    pub export_segments: &'static str,
    pub group_back: &'static str,
    /// Shown while the widget's code loads.
    pub loading: &'static str,
    /// Shown by the loader (loader/embed.js) when the widget's files cannot
    /// be fetched; the build's data (src/prerender.rs) carries it there.
    pub load_failed: &'static str,
    /// Shown in place of every widget after a bug stopped one.
    pub crash: &'static str,
    /// The heading of the box that replaces a site owner's broken
    /// questionnaire.
    pub problems_title: &'static str,
    pub problems_source: &'static str,
    /// Uses `{command}` (the checker's command line) and `{document}` (the
    /// format's documentation).
    pub problems_hint: &'static str,
    /// Below the first problems listed: how many more the file has.
    pub problems_more: Plural,
}

// UI_TEXTS, generated from content/ui.json by build.rs.
include!(concat!(env!("OUT_DIR"), "/ui_texts.rs"));

/// The languages the widget's own words are written in, in
/// `content/ui.json`'s order.
pub fn widget_languages() -> impl Iterator<Item = &'static str> {
    UI_TEXTS.iter().map(|&(code, _)| code)
}

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

/// The language of the widget's own words for `preferences` (most important
/// first), by [`choose_language`] among the languages of `content/ui.json`:
/// for what the widget shows before a questionnaire gives its languages.
pub fn widget_language<'a>(preferences: impl IntoIterator<Item = &'a str>) -> String {
    let codes: Vec<String> = widget_languages().map(str::to_string).collect();
    choose_language(preferences, &codes)
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

/// A piece of a template: literal text, or the name of a placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text shown as it is.
    Text(&'a str),
    /// The name inside a `{name}` placeholder.
    Placeholder(&'a str),
}

/// Splits `template` into text and `{name}` placeholders, in order. A brace
/// that does not start a placeholder (a name of lowercase letters, digits
/// and `_`) is text.
pub fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let name = rest[open + 1..].split_once('}').map(|(name, _)| name);
        match name {
            Some(name)
                if !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') =>
            {
                if open > 0 {
                    pieces.push(Piece::Text(&rest[..open]));
                }
                pieces.push(Piece::Placeholder(name));
                rest = &rest[open + name.len() + 2..];
            }
            _ => {
                pieces.push(Piece::Text(&rest[..=open]));
                rest = &rest[open + 1..];
            }
        }
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

/// Replaces each `{name}` in `template` by its value, in one pass: a value
/// that itself contains `{…}` stays as it is. A placeholder without a value
/// is left in place, so a missing value shows rather than vanishes.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len());
    for piece in pieces(template) {
        match piece {
            Piece::Text(literal) => text.push_str(literal),
            Piece::Placeholder(name) => match values.iter().find(|(key, _)| *key == name) {
                Some((_, value)) => text.push_str(value),
                None => {
                    text.push('{');
                    text.push_str(name);
                    text.push('}');
                }
            },
        }
    }
    text
}

/// Joins names as a reader expects: "a", "a and b", "a, b and c".
pub fn list(names: &[&str], and: &str) -> String {
    match names {
        [] => String::new(),
        [only] => only.to_string(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// Names in running text, each quoted and joined as a list: "‘Strategie en
/// doelen’ en ‘Monitoren en leren’". The quotes keep names that contain the
/// word "en" themselves apart from the list's own "en".
pub fn quoted_list(names: &[&str], ui: &UiText) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|name| fill(ui.quoted, &[("name", name)]))
        .collect();
    let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
    list(&quoted, ui.and)
}

/// Writes a number with at most two decimals, trailing zeros dropped, and the
/// decimal separator of `language` (a comma in Dutch).
pub fn number(value: f64, language: &str) -> String {
    decimal(value, 2).replace('.', ui_text(language).decimal_separator)
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
        // A template that drops a placeholder would show a blank where a
        // number or name belongs; the struct's field docs list them. build.rs
        // makes every language use the same placeholders as the first, so
        // checking the first checks them all.
        let ui = &UI_TEXTS[0].1;
        let plural = |p: &Plural| vec![p.one, p.other];
        let templates: Vec<(&str, Vec<&str>, &str)> = vec![
            ("facts", vec![ui.facts], "questions minutes"),
            ("questions_count", plural(&ui.questions_count), "count"),
            ("minutes_count", plural(&ui.minutes_count), "count"),
            ("progress", vec![ui.progress], "n total"),
            ("error_choose", vec![ui.error_choose], "n question"),
            ("phase_of", vec![ui.phase_of], "n total"),
            (
                "note_capped",
                plural(&ui.note_capped),
                "organisation mean scale uncapped dimensions lowest",
            ),
            (
                "note_provisional",
                plural(&ui.note_provisional),
                "answered total",
            ),
            ("note_full", plural(&ui.note_full), "full"),
            (
                "note_mean",
                vec![ui.note_mean],
                "organisation mean scale next threshold",
            ),
            ("note_uneven", vec![ui.note_uneven], "organisation section"),
            ("chart_scale", vec![ui.chart_scale], "scale thresholds"),
            ("chart_threshold", vec![ui.chart_threshold], "score phase"),
            (
                "next_steps_title",
                vec![ui.next_steps_title],
                "organisation",
            ),
            ("dimension_now", vec![ui.dimension_now], "phase"),
            ("top_reached", vec![ui.top_reached], "organisation"),
            ("note_unknown", plural(&ui.note_unknown), "dimensions"),
            ("next_step_towards", vec![ui.next_step_towards], "phase"),
            (
                "too_few_body",
                plural(&ui.too_few_body),
                "answered total needed",
            ),
            ("quoted", vec![ui.quoted], "name"),
            ("code_character", vec![ui.code_character], "found at"),
            ("code_format", vec![ui.code_format], "found oldest expected"),
            ("code_version", vec![ui.code_version], "found expected"),
            ("code_length", plural(&ui.code_length), "found expected"),
            ("code_dont_know", vec![ui.code_dont_know], "n"),
            ("download_syntax", vec![ui.download_syntax], "line column"),
            (
                "download_format",
                vec![ui.download_format],
                "found oldest expected",
            ),
            ("download_answer", vec![ui.download_answer], "n"),
            (
                "profile_answer_unknown",
                vec![ui.profile_answer_unknown],
                "found question",
            ),
            ("csv_column", vec![ui.csv_column], "column"),
            ("csv_fields", plural(&ui.csv_fields), "found expected"),
            (
                "code_questionnaire",
                vec![ui.code_questionnaire],
                "found expected",
            ),
            (
                "code_too_few",
                plural(&ui.code_too_few),
                "answered total needed",
            ),
            ("link_invalid", vec![ui.link_invalid], "reason"),
            ("group_count", plural(&ui.group_count), "count"),
            (
                "group_rejected_title",
                plural(&ui.group_rejected_title),
                "count",
            ),
            (
                "group_rejected_line",
                vec![ui.group_rejected_line],
                "n reason",
            ),
            (
                "group_rejected_file",
                vec![ui.group_rejected_file],
                "file reason",
            ),
            (
                "group_rejected_file_line",
                vec![ui.group_rejected_file_line],
                "file n reason",
            ),
            (
                "group_rejected_paste",
                vec![ui.group_rejected_paste],
                "reason",
            ),
            (
                "group_rejected_more",
                plural(&ui.group_rejected_more),
                "count",
            ),
            ("group_reading", vec![ui.group_reading], "percent"),
            (
                "group_file_too_large",
                vec![ui.group_file_too_large],
                "size limit",
            ),
            (
                "group_files_too_large",
                vec![ui.group_files_too_large],
                "limit",
            ),
            (
                "group_too_many_files",
                plural(&ui.group_too_many_files),
                "limit",
            ),
            (
                "group_paste_too_long",
                plural(&ui.group_paste_too_long),
                "limit",
            ),
            (
                "group_too_many_lines",
                plural(&ui.group_too_many_lines),
                "limit",
            ),
            (
                "group_segment_results",
                plural(&ui.group_segment_results),
                "count",
            ),
            (
                "group_segment_small",
                plural(&ui.group_segment_small),
                "count",
            ),
            ("group_median_of", vec![ui.group_median_of], "dimension"),
            (
                "group_split",
                vec![ui.group_split],
                "lower lower_share upper upper_share",
            ),
            ("problems_hint", vec![ui.problems_hint], "command document"),
            ("problems_more", plural(&ui.problems_more), "count"),
        ];
        for (name, forms, placeholders) in templates {
            for template in forms {
                let mut found: Vec<&str> = pieces(template)
                    .into_iter()
                    .filter_map(|piece| match piece {
                        Piece::Placeholder(name) => Some(name),
                        Piece::Text(_) => None,
                    })
                    .collect();
                found.sort_unstable();
                found.dedup();
                let mut expected: Vec<&str> = placeholders.split(' ').collect();
                expected.sort_unstable();
                assert_eq!(found, expected, "{name}: {template}");
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
    fn templates_are_filled_in_one_pass() {
        assert_eq!(
            fill("Vraag {n} van {total}", &[("n", "3"), ("total", "12")]),
            "Vraag 3 van 12"
        );
        // A value that looks like a placeholder is never filled in itself.
        assert_eq!(
            fill("{a} en {b}", &[("a", "{b}"), ("b", "{a}")]),
            "{b} en {a}"
        );
        assert_eq!(fill("{name}", &[("name", "{name}")]), "{name}");
        // Braces that are no placeholder stay; a placeholder without a value
        // shows rather than vanishes.
        assert_eq!(
            fill("{} {Name} {x y} {n", &[("n", "1")]),
            "{} {Name} {x y} {n"
        );
        assert_eq!(fill("{n} {missing}", &[("n", "1")]), "1 {missing}");
        assert_eq!(fill("{n}{n}", &[("n", "€")]), "€€");
    }

    #[test]
    fn counts_take_the_singular_for_one_only() {
        let (nl, en) = (ui_text("nl"), ui_text("en"));
        assert_eq!(nl.questions_count.count(1), "1 vraag");
        assert_eq!(nl.questions_count.count(2), "2 vragen");
        assert_eq!(nl.questions_count.count(0), "0 vragen");
        assert_eq!(nl.minutes_count.count(1), "1 minuut");
        assert_eq!(nl.group_count.count(1), "1 resultaat gelezen.");
        assert_eq!(nl.group_count.count(2), "2 resultaten gelezen.");
        assert_eq!(en.questions_count.count(1), "1 question");
        assert_eq!(en.minutes_count.count(3), "3 minutes");
        assert_eq!(en.group_count.count(1), "1 result read.");
        assert_eq!(en.group_count.count(200), "200 results read.");
    }

    #[test]
    fn names_in_a_sentence_are_quoted_and_listed() {
        let (nl, en) = (ui_text("nl"), ui_text("en"));
        let names = [
            "Strategie en doelen",
            "Monitoren en leren",
            "Gebruik en kanalen",
        ];
        assert_eq!(quoted_list(&names[..1], nl), "‘Strategie en doelen’");
        assert_eq!(
            quoted_list(&names[..2], nl),
            "‘Strategie en doelen’ en ‘Monitoren en leren’"
        );
        assert_eq!(
            quoted_list(&names, nl),
            "‘Strategie en doelen’, ‘Monitoren en leren’ en ‘Gebruik en kanalen’"
        );
        assert_eq!(
            quoted_list(&["Strategy and goals", "Monitoring and learning"], en),
            "‘Strategy and goals’ and ‘Monitoring and learning’"
        );
    }

    #[test]
    fn lists_and_numbers_read_naturally() {
        assert_eq!(list(&["a"], "en"), "a");
        assert_eq!(list(&["a", "b"], "and"), "a and b");
        assert_eq!(list(&["a", "b", "c"], "en"), "a, b en c");
        assert_eq!(number(2.5, "nl"), "2,5");
        assert_eq!(number(2.5, "en"), "2.5");
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
