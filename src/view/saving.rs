//! Where progress lives between visits: the browser's `localStorage`, used
//! with care, since a browser may block it, fill up, or hand back anything.

use web_sys::Storage;

use crate::model::Questionnaire;
use crate::quiz::{Notice, Quiz};
use crate::saved;

/// The page's `localStorage`, or `None` where the browser blocks it (the
/// getter itself throws then).
fn local_storage() -> Option<Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The quiz a widget starts with: its saved progress when there is a
/// readable one, else a fresh quiz in `language` that says why nothing was
/// resumed when that is worth saying.
pub fn resume(questionnaire: &Questionnaire, key: &str, language: String) -> Quiz {
    let mut fresh = Quiz::new(questionnaire.questions.len(), language);
    let Some(storage) = local_storage() else {
        fresh.cannot_save = true;
        fresh.notice = Some(Notice::CannotSave);
        return fresh;
    };
    if remove_outdated(&storage, questionnaire) {
        fresh.notice = Some(Notice::Discarded);
    }
    match storage.get_item(key) {
        Ok(Some(text)) => match saved::restore(&text, questionnaire) {
            Ok(quiz) => quiz,
            Err(reason) => {
                web_sys::console::warn_1(
                    &format!("maturity-quiz: saved progress removed: {reason}").into(),
                );
                let _ = storage.remove_item(key);
                fresh.notice = Some(Notice::Discarded);
                fresh
            }
        },
        Ok(None) => fresh,
        Err(_) => {
            fresh.cannot_save = true;
            fresh.notice = Some(Notice::CannotSave);
            fresh
        }
    }
}

/// Removes progress saved for other versions of `questionnaire`; whether
/// there was any.
fn remove_outdated(storage: &Storage, questionnaire: &Questionnaire) -> bool {
    let count = storage.length().unwrap_or(0);
    let outdated: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| saved::is_outdated_key(key, questionnaire))
        .collect();
    for key in &outdated {
        let _ = storage.remove_item(key);
    }
    !outdated.is_empty()
}

/// Keeps `text` under `key`, or removes the key when there is nothing worth
/// keeping; `Err` when the browser refuses (blocked, or full).
pub fn keep(key: &str, text: &str, worth_keeping: bool) -> Result<(), ()> {
    let storage = local_storage().ok_or(())?;
    let done = if worth_keeping {
        storage.set_item(key, text)
    } else {
        storage.remove_item(key)
    };
    done.map_err(|_| ())
}
