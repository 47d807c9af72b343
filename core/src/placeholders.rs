// How a text names the values that go into it (`{name}`): included both by
// build.rs (for content/ui.json) and by src/i18n.rs (for the words a
// questionnaire brings), so that the build and the widget read a
// placeholder by the one rule. No `use` here: each includer has its own.

/// Whether `{name}` is a placeholder: a name of lowercase letters, digits
/// and `_`. Other braces are text.
fn is_placeholder(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The `{name}` placeholders of `text`, in order, each as often as it
/// occurs.
fn occurrences(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| is_placeholder(name))
}

/// The `{name}` placeholders of `text`, each once, in the order they first
/// occur. (Not sorted: a sort is 3 KB of wasm, and the sets are compared
/// with [`same_names`].)
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for name in occurrences(text) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Whether `a` and `b`, each without repeats, hold the same names in any
/// order.
fn same_names(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().all(|name| b.contains(name))
}

/// `text` with each `{name}` replaced by the number of its slot, `{0}` to
/// `{9}` (its place in `slots`), which is what `i18n::fill` reads: a call
/// passes its values alone, in that order, and no placeholder's name needs
/// to be kept. A placeholder that is not in `slots`, or past the tenth,
/// stays as it is written.
fn encode(text: &str, slots: &[&str]) -> String {
    let mut encoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        encoded.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after
            .split_once('}')
            .filter(|(name, _)| is_placeholder(name))
            .and_then(|(name, _)| Some((name, slots.iter().position(|slot| *slot == name)?)))
            .and_then(|(name, slot)| Some((name, u8::try_from(slot).ok().filter(|&s| s < 10)?)));
        match slot {
            Some((name, slot)) => {
                encoded.push('{');
                encoded.push(char::from(b'0' + slot));
                encoded.push('}');
                rest = &after[name.len() + 1..];
            }
            None => {
                encoded.push('{');
                rest = after;
            }
        }
    }
    encoded.push_str(rest);
    encoded
}
