//! The widget's own words (buttons, captions, notes) in each language it
//! speaks, and the rule that picks the language a visitor sees.
//!
//! A questionnaire brings its own texts; these are the texts around them. They
//! live in `content/ui.json`, which `build.rs` turns into the statics below at
//! compile time: parsing it in the browser cost a deserializer of about 60 KB
//! of wasm (issue 7). `build.rs` also writes the [`UiText`] struct itself, and
//! for each text with `{placeholders}` a method and an argument struct with a
//! field per placeholder: `ui.progress(args::Progress { n: "3", total: "12" })`. A
//! placeholder renamed, added or dropped in `content/ui.json` changes the
//! struct, so every call that fills the text stops compiling
//! (`docs/content-style.md`, "The words' contract").
//!
//! A questionnaire may bring words of its own (its `ui` object): every text
//! in a language the widget does not speak, or a few in one it does.
//! [`with_words`] makes those into a [`UiText`] like the built-in ones.

/// The language used when nothing else says which one to use: the first site
/// owners write in Dutch.
pub const FALLBACK_LANGUAGE: &str = "nl";

/// The language of the widget's words for a language it has none in (a
/// questionnaire in Portuguese, say): English, which more visitors of a site
/// in another language read than Dutch.
pub const WORDS_FALLBACK_LANGUAGE: &str = "en";

/// A text with a number in it, in the forms its language needs: "1 vraag",
/// "2 vragen". Every language gives a form `one` and a form `other`; a count
/// of 0 takes `one` in French ("0 résultat") and `other` in Dutch, English
/// and German ([`zero_takes_one`]), so the zero form is chosen once, when
/// the words are made. A language with more forms would need more fields.
/// Read through the text's method on [`UiText`], which takes the count.
#[derive(Clone, Copy, Debug)]
struct Plural {
    /// The form for a count of 0: `one` or `other`, by the language.
    zero: &'static str,
    /// The form for a count of 1.
    one: &'static str,
    /// The form for any other count.
    other: &'static str,
}

impl Plural {
    /// The form for `count`.
    fn get(&self, count: usize) -> &'static str {
        match count {
            0 => self.zero,
            1 => self.one,
            _ => self.other,
        }
    }

    /// The form for `count`, with `{count}` filled in.
    fn count(&self, count: usize) -> String {
        fill(self.get(count), &[&count.to_string()])
    }
}

/// A piece of a text given in parts (the `…_parts` methods of [`UiText`]):
/// its own words, or the value given for one of its placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part<V> {
    /// Text shown as it is.
    Text(&'static str),
    /// The value of a placeholder.
    Value(V),
}

include!("plural_rule.rs");
include!("placeholders.rs");

/// What one text of [`UiText`] is, by its key in `content/ui.json`: the
/// table [`WORD_KEYS`] holds one per text.
#[derive(Debug)]
pub struct WordKey {
    /// The key, such as `"start"`.
    pub key: &'static str,
    /// Whether the text is a plural, with the forms `one` and `other`.
    pub plural: bool,
    /// The placeholders every form of the text has, in the order of the
    /// values its method passes.
    pub slots: &'static [&'static str],
}

impl WordKey {
    /// Whether `form` has exactly the placeholders the text has, each at
    /// least once, in any order.
    pub fn fits(&self, form: &str) -> bool {
        same_names(&placeholders(form), self.slots)
    }
}

/// A text of [`UiText`], to be replaced: `UiText::word_mut` gives one.
enum WordMut<'a> {
    Text(&'a mut &'static str),
    Plural(&'a mut Plural),
}

/// One of the widget's texts as a questionnaire gives it: a string, or the
/// forms of a plural.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    /// A text without a number that picks its form.
    Text(String),
    /// A text with a form for a count of one (`"{count} vraag"`) and one for
    /// any other count; a count of 0 takes the one its language gives it
    /// ([`zero_takes_one`]).
    Plural {
        /// The form for one.
        one: String,
        /// The form for any other count.
        other: String,
    },
}

/// The words a questionnaire brings for one language, each with its key.
pub type Words = Vec<(String, Word)>;

impl Word {
    /// Each form with its name: `""` for a text, `"one"` and `"other"` for
    /// a plural.
    pub fn forms(&self) -> Vec<(&'static str, &str)> {
        match self {
            Word::Text(text) => vec![("", text)],
            Word::Plural { one, other } => vec![("one", one), ("other", other)],
        }
    }

    /// The placeholders of `form`, each once, in the order they first
    /// occur.
    pub fn placeholders(form: &str) -> Vec<&str> {
        placeholders(form)
    }
}

/// The widget's words in `language` ([`ui_text`]) with `words` (key, word)
/// in place of its own: what a questionnaire's `ui` object gives. A key the
/// widget has no text for, or a word of the wrong kind, is passed over (the
/// questionnaire's check refuses both); a placeholder the text does not
/// fill stays as it is written.
///
/// The words live as long as the page: each is made once per distinct
/// language and set of words, and kept for every later call, so a
/// questionnaire that comes back (a language switch, a remount) costs no
/// more memory. Only a page that reads ever new words grows.
pub fn with_words(language: &str, words: &[(String, Word)]) -> &'static UiText {
    type Made = Vec<(String, Words, &'static UiText)>;
    thread_local! {
        static MADE: std::cell::RefCell<Made> = const { std::cell::RefCell::new(Vec::new()) };
    }
    MADE.with_borrow_mut(|made| {
        if let Some(&(_, _, text)) = made
            .iter()
            .find(|(code, these, _)| code == language && these.as_slice() == words)
        {
            return text;
        }
        let text: &'static UiText = Box::leak(Box::new(replaced(language, words)));
        made.push((language.to_string(), words.to_vec(), text));
        text
    })
}

/// [`with_words`]'s copy of the words in `language`, with `words` in place.
fn replaced(language: &str, words: &[(String, Word)]) -> UiText {
    let leak = |text: &str, slots: &[&str]| -> &'static str {
        Box::leak(encode(text, slots).into_boxed_str())
    };
    let mut text = *ui_text(language);
    for (key, word) in words {
        let Some(index) = WORD_KEYS.iter().position(|known| known.key == key) else {
            continue;
        };
        let slots = WORD_KEYS[index].slots;
        match (text.word_mut(index), word) {
            (Some(WordMut::Text(place)), Word::Text(given)) => *place = leak(given, slots),
            (Some(WordMut::Plural(place)), Word::Plural { one, other }) => {
                let (one, other) = (leak(one, slots), leak(other, slots));
                *place = Plural {
                    zero: if zero_takes_one(language) { one } else { other },
                    one,
                    other,
                };
            }
            _ => {}
        }
    }
    text
}

/// Whether the widget has words of its own in `language`, or in its primary
/// language: where a questionnaire's `ui` may replace a few texts rather
/// than give them all.
pub fn speaks(language: &str) -> bool {
    own_words(language).is_some()
}

// UiText, its methods, the texts' argument structs and UI_TEXTS: generated
// from content/ui.json by build.rs.
include!(concat!(env!("OUT_DIR"), "/ui_texts.rs"));

/// The languages the widget's own words are written in, in
/// `content/ui.json`'s order.
pub fn widget_languages() -> impl Iterator<Item = &'static str> {
    UI_TEXTS.iter().map(|&(code, _)| code)
}

/// The widget's words in `language`, or in its primary language ("fr" for
/// "fr-BE"), or in [`WORDS_FALLBACK_LANGUAGE`] when it does not speak that
/// language.
pub fn ui_text(language: &str) -> &'static UiText {
    // The tests check that the fallback language is there; the first one is a
    // last resort that cannot fail, so no panic path is compiled in.
    own_words(language)
        .or_else(|| own_words(WORDS_FALLBACK_LANGUAGE))
        .unwrap_or(UI_TEXTS[0].1)
}

/// The widget's words in `language` or in its primary language, if it has
/// them.
fn own_words(language: &str) -> Option<&'static UiText> {
    // A handful of languages: a linear search is smaller than any map.
    let find = |wanted: &str| {
        UI_TEXTS
            .iter()
            .find(|&&(code, _)| code == wanted)
            .map(|&(_, text)| text)
    };
    find(language).or_else(|| find(primary(language)))
}

/// The language of the widget's own words for `preferences` (most important
/// first), by [`choose_language`] among the languages of `content/ui.json`:
/// for what the widget shows before a questionnaire gives its languages.
pub fn widget_language<'a>(preferences: impl IntoIterator<Item = &'a str>) -> String {
    let codes: Vec<String> = widget_languages().map(str::to_string).collect();
    choose_language(preferences, &codes)
}

/// The primary subtag of a language tag: "pt" for "pt-BR".
fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or_default()
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

/// A piece of a template: literal text, or a numbered placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece<'a> {
    /// Text shown as it is.
    Text(&'a str),
    /// A placeholder: the number of its value, and its text (`{0}`).
    Placeholder(usize, &'a str),
}

/// Splits `template` into text and placeholders, in order. `build.rs` wrote
/// each `{name}` of `content/ui.json` as the number of its value, `{0}` to
/// `{9}`; any other brace is text.
fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        match rest.as_bytes()[open + 1..] {
            [digit @ b'0'..=b'9', b'}', ..] => {
                if open > 0 {
                    pieces.push(Piece::Text(&rest[..open]));
                }
                let slot = usize::from(digit - b'0');
                pieces.push(Piece::Placeholder(slot, &rest[open..open + 3]));
                rest = &rest[open + 3..];
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

/// Replaces each placeholder `{i}` in `template` by `values[i]`, in one
/// pass: a value that itself contains `{…}` stays as it is. A placeholder
/// without a value is left in place, so a missing value shows rather than
/// vanishes.
///
/// Only the generated methods of [`UiText`] call it, each with the values of
/// its argument struct in the order `build.rs` numbered its placeholders: a
/// call stores its values alone, and no placeholder's name is in the wasm.
fn fill(template: &str, values: &[&str]) -> String {
    let mut text = String::with_capacity(template.len());
    for piece in pieces(template) {
        match piece {
            Piece::Text(literal) => text.push_str(literal),
            Piece::Placeholder(slot, placeholder) => {
                text.push_str(values.get(slot).copied().unwrap_or(placeholder))
            }
        }
    }
    text
}

/// `template` as its text between the values of its placeholders, numbered
/// as for [`fill`]; a placeholder without a value stays as text.
#[inline(always)]
fn parts<V: Clone, const N: usize>(
    template: &'static str,
    values: [V; N],
) -> impl Iterator<Item = Part<V>> {
    pieces(template).into_iter().map(move |piece| match piece {
        Piece::Text(text) => Part::Text(text),
        Piece::Placeholder(slot, placeholder) => values
            .get(slot)
            .map_or(Part::Text(placeholder), |value| Part::Value(value.clone())),
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

/// Names in running text, each quoted and joined as a list: "‘Strategie en
/// doelen’ en ‘Monitoren en leren’". The quotes keep names that contain the
/// word "en" themselves apart from the list's own "en".
pub fn quoted_list(names: &[&str], ui: &UiText) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|name| ui.quoted(args::Quoted { name }))
        .collect();
    let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
    list(&quoted, ui.and)
}

/// Writes a number with at most two decimals, trailing zeros dropped, and the
/// decimal separator of the words `ui` (a comma in Dutch).
pub fn number(value: f64, ui: &UiText) -> String {
    decimal(value, 2).replace('.', ui.decimal_separator)
}

/// A share written as a percentage in the words `ui`: "24%", "24,5 %".
pub fn percent(value: f64, ui: &UiText) -> String {
    ui.percent(args::Percent {
        value: &number(value, ui),
    })
}

/// A date written `YYYY-MM-DD`, alone or at the start of an ISO 8601 time,
/// in the words `ui`: `1 november 2026`, `1. November 2026`, `1er novembre
/// 2026`. Anything else is given back as it is.
pub fn date(iso: &str, ui: &UiText) -> String {
    in_words(iso, ui).unwrap_or_else(|| iso.to_string())
}

fn in_words(iso: &str, ui: &UiText) -> Option<String> {
    let digits = |range: std::ops::Range<usize>| {
        let text = iso.get(range)?;
        text.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| text.parse::<usize>().ok())?
    };
    let (year, month, day_number) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let separated = iso.get(4..5) == Some("-") && iso.get(7..8) == Some("-");
    let name = ui.months.split(' ').nth(month.checked_sub(1)?)?;
    let day = match day_number {
        1 => ui.date_first_day.to_string(),
        _ => day_number.to_string(),
    };
    (separated && (1..=31).contains(&day_number)).then(|| {
        ui.date(args::Date {
            day: &day,
            month: name,
            year: &year.to_string(),
        })
    })
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
    fn a_date_is_written_in_words_and_anything_else_as_given() {
        assert_eq!(date("2026-11-01", ui_text("nl")), "1 november 2026");
        assert_eq!(
            date("2026-12-02T19:38:18.000Z", ui_text("en")),
            "2 December 2026"
        );
        for other in [
            "najaar 2026",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "2026/11/01",
            "",
            "2026-11-0é",
        ] {
            assert_eq!(date(other, ui_text("nl")), other);
        }
    }

    #[test]
    fn words_a_questionnaire_brings_replace_the_widgets_own_by_key() {
        let text = |t: &str| Word::Text(t.to_string());
        let words: Words = vec![
            // Placeholders in another order than the widget's own.
            ("progress".into(), text("{total}: {n}")),
            ("and".into(), text("e")),
            // Passed over: the questionnaire's check refuses them.
            ("no_such_key".into(), text("x")),
            (
                "back".into(),
                Word::Plural {
                    one: "a".into(),
                    other: "b".into(),
                },
            ),
            (
                "minutes_count".into(),
                Word::Plural {
                    one: "{count} minuto".into(),
                    other: "{count} minutos".into(),
                },
            ),
        ];
        let ui = with_words("pt-br", &words);
        assert_eq!(ui.progress(args::Progress { n: "3", total: "8" }), "8: 3");
        assert_eq!(list(&["a", "b"], ui.and), "a e b");
        assert_eq!(ui.minutes_count(0), "0 minuto");
        assert_eq!(ui.minutes_count(7), "7 minutos");
        // What it does not give is the widget's fallback, English.
        assert_eq!(ui.back, ui_text("en").back);
        assert_eq!(ui.start, ui_text("en").start);
        // The same words again are the same words, made once; other words
        // or another language are others.
        assert!(std::ptr::eq(ui, with_words("pt-br", &words)));
        assert!(!std::ptr::eq(ui, with_words("pt-pt", &words)));
        assert_eq!(with_words("pt-pt", &words).minutes_count(0), "0 minutos");
        assert!(!std::ptr::eq(ui, with_words("pt-br", &words[..1])));
    }

    #[test]
    fn a_placeholder_is_encoded_by_its_slot_and_any_other_brace_kept() {
        assert_eq!(encode("{b} {a} {b}", &["a", "b"]), "{1} {0} {1}");
        assert_eq!(encode("{c} {} {A} {a", &["a"]), "{c} {} {A} {a");
        assert_eq!(encode("€{a}€", &["a"]), "€{0}€");
    }

    #[test]
    fn the_widget_speaks_dutch_english_german_and_french_dutch_first() {
        // build.rs proves every language has every text and none is blank;
        // this proves the languages themselves, and the fallback among them.
        let codes: Vec<_> = UI_TEXTS.iter().map(|&(code, _)| code).collect();
        assert_eq!(codes, ["nl", "en", "de", "fr"]);
        assert_eq!(ui_text("nl").language_name, "Nederlands");
        assert_eq!(ui_text("en").language_name, "English");
        assert_eq!(ui_text("de").language_name, "Deutsch");
        assert_eq!(ui_text("fr").language_name, "Français");
        // A regional tag finds its language; a language without words gets
        // English ones.
        assert_eq!(ui_text("fr-BE").language_name, "Français");
        assert_eq!(ui_text("de_AT").language_name, "Deutsch");
        assert_eq!(ui_text("pt").language_name, "English");
        assert_eq!(ui_text("").language_name, "English");
        assert!(speaks("fr-BE") && speaks("nl") && !speaks("pt-br") && !speaks(""));
    }

    #[test]
    fn a_count_of_zero_takes_the_form_its_language_gives_it() {
        assert_eq!(ui_text("nl").questions_count(0), "0 vragen");
        assert_eq!(ui_text("en").questions_count(1), "1 question");
        assert_eq!(ui_text("de").questions_count(0), "0 Fragen");
        assert_eq!(ui_text("fr").questions_count(0), "0 question");
        assert_eq!(ui_text("fr").questions_count(1), "1 question");
        assert_eq!(ui_text("fr").questions_count(2), "2 questions");
        for (tag, zero_is_one) in [
            ("fr", true),
            ("fr-CA", true),
            ("pt", true),
            ("pt-BR", true),
            ("pt-PT", false),
            ("PT_pt", false),
            ("hi", true),
            ("de", false),
            ("en", false),
            ("pl", false),
            ("", false),
        ] {
            assert_eq!(zero_takes_one(tag), zero_is_one, "{tag}");
        }
    }

    #[test]
    fn dates_and_percentages_follow_each_language() {
        for (language, first, second, share) in [
            ("nl", "1 november 2026", "2 november 2026", "24,5%"),
            ("en", "1 November 2026", "2 November 2026", "24.5%"),
            ("de", "1. November 2026", "2. November 2026", "24,5\u{a0}%"),
            (
                "fr",
                "1er novembre 2026",
                "2 novembre 2026",
                "24,5\u{202f}%",
            ),
        ] {
            let ui = ui_text(language);
            assert_eq!(date("2026-11-01", ui), first);
            assert_eq!(date("2026-11-02", ui), second);
            assert_eq!(percent(24.5, ui), share);
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
        assert_eq!(language_name("de", none), "Deutsch");
        assert_eq!(language_name("fr", none), "Français");
        assert_eq!(language_name("it", |_: &str| Some("it".to_string())), "it");
        assert_eq!(language_name("it", |_: &str| Some(" ".to_string())), "it");
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
        assert_eq!(fill("Vraag {0} van {1}", &["3", "12"]), "Vraag 3 van 12");
        // A value that looks like a placeholder is never filled in itself.
        assert_eq!(fill("{0} en {1}", &["{1}", "{0}"]), "{1} en {0}");
        assert_eq!(fill("{0}", &["{0}"]), "{0}");
        // Braces that are no placeholder stay; a placeholder without a value
        // shows rather than vanishes.
        assert_eq!(fill("{} {n} {10} {x y} {0", &["1"]), "{} {n} {10} {x y} {0");
        assert_eq!(fill("{0} {5}", &["1"]), "1 {5}");
        assert_eq!(fill("{0}{0}", &["€"]), "€€");
        assert_eq!(fill("{{0}}", &["€"]), "{€}");
    }

    #[test]
    fn parts_keep_the_values_apart_from_the_text() {
        let parts: Vec<Part<u8>> = parts("a {1} b {0}{2}", [7, 8]).collect();
        assert_eq!(
            parts,
            [
                Part::Text("a "),
                Part::Value(8),
                Part::Text(" b "),
                Part::Value(7),
                Part::Text("{2}")
            ]
        );
    }

    #[test]
    fn counts_take_the_singular_for_one_only() {
        let (nl, en) = (ui_text("nl"), ui_text("en"));
        assert_eq!(nl.questions_count(1), "1 vraag");
        assert_eq!(nl.questions_count(2), "2 vragen");
        assert_eq!(nl.questions_count(0), "0 vragen");
        assert_eq!(nl.minutes_count(1), "1 minuut");
        assert_eq!(nl.group_count(1), "1 resultaat gelezen.");
        assert_eq!(nl.group_count(2), "2 resultaten gelezen.");
        assert_eq!(en.questions_count(1), "1 question");
        assert_eq!(en.minutes_count(3), "3 minutes");
        assert_eq!(en.group_count(1), "1 result read.");
        assert_eq!(en.group_count(200), "200 results read.");
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
        let (nl, en) = (ui_text("nl"), ui_text("en"));
        assert_eq!(number(2.5, nl), "2,5");
        assert_eq!(number(2.5, en), "2.5");
        assert_eq!(number(2.8333, en), "2.83");
        assert_eq!(number(3.0, en), "3");
        assert_eq!(number(0.004, en), "0");
        assert_eq!(number(99.995, en), "100");
        assert_eq!(decimal(31.0 / 12.0, 4), "2.5833");
        assert_eq!(decimal(2.0 / 3.0, 4), "0.6667");
        assert_eq!(decimal(-1.25, 1), "-1.3");
        assert_eq!(decimal(0.05, 1), "0.1");
    }
}
