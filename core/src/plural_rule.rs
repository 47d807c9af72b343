// Which plural form a count of zero takes, by language: included both by
// build.rs (for the languages of content/ui.json) and by src/i18n.rs (for
// any language a questionnaire brings words for), so the rule is kept once.

/// Whether `language` (a tag such as "fr" or "pt-BR") writes a count of 0
/// with its `one` form, as French does ("0 résultat"), rather than with
/// `other`, as Dutch, English and German do ("0 results"). These are the
/// languages whose CLDR rule for `one` holds for 0 and 1 (i = 0,1 or
/// i = 0 or n = 1); European Portuguese (pt-PT) is not among them.
pub fn zero_takes_one(language: &str) -> bool {
    let mut subtags = language.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default().to_ascii_lowercase();
    let region = subtags.next().unwrap_or_default();
    match primary.as_str() {
        "pt" => !region.eq_ignore_ascii_case("pt"),
        "am" | "as" | "bn" | "doi" | "fa" | "ff" | "fr" | "gu" | "hi" | "hy" | "kab" | "kn"
        | "pcm" | "zu" => true,
        _ => false,
    }
}
