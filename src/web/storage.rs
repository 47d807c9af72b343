//! Where progress lives between visits: the browser's `localStorage`,
//! through gloo-storage, used with care, since a browser may block it (then
//! even asking for it throws), fill up, or hand back anything.

use gloo::storage::errors::StorageError;
use gloo::storage::{LocalStorage, Storage};

use mq_core::history::History;
use mq_core::model::Questionnaire;
use mq_core::quiz::{Notice, Quiz};
use mq_core::saved::{self, SavedProgress, Unreadable};

use crate::web::console;

/// Whether the page may use `localStorage`. gloo-storage takes it for
/// granted and throws where a browser blocks it, so every use asks first.
fn available() -> bool {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .is_some()
}

/// The quiz a widget starts with: its saved progress when there is a
/// readable one, else a fresh quiz in `language` that says why nothing was
/// resumed when that is worth saying.
pub fn resume(questionnaire: &Questionnaire, key: &str, language: String) -> Quiz {
    let told = |notice| Quiz::told(questionnaire, language.clone(), notice);
    if !available() {
        return told(Notice::CannotSave);
    }
    let outdated = remove_outdated(questionnaire);
    let unreadable = match LocalStorage::get::<SavedProgress>(key) {
        Ok(saved) => match saved.restore(questionnaire) {
            Ok(quiz) => return quiz,
            Err(reason) => reason,
        },
        Err(StorageError::KeyNotFound(_)) if outdated => return told(Notice::Discarded),
        Err(StorageError::KeyNotFound(_)) => return Quiz::new(questionnaire, language),
        Err(StorageError::SerdeError(error)) => saved::unreadable(&error),
        Err(StorageError::JsError(_)) => return told(Notice::CannotSave),
    };
    discard(key, &unreadable);
    told(Notice::Discarded)
}

/// Removes progress that cannot be read, saying why on the console.
fn discard(key: &str, reason: &Unreadable) {
    console::warn(&format!("saved progress removed: {reason}"));
    LocalStorage::delete(key);
}

/// Removes progress saved for older versions of `questionnaire` (never a
/// newer one's: see [`saved::is_outdated_key`]); whether there was any.
fn remove_outdated(questionnaire: &Questionnaire) -> bool {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    let outdated: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| saved::is_outdated_key(key, questionnaire))
        .collect();
    for key in &outdated {
        LocalStorage::delete(key);
    }
    !outdated.is_empty()
}

/// Moves progress an earlier release kept under `legacy` for the same
/// widget to `key`, unless `key` holds some already: the widget resumes it
/// once, and the old key is gone.
pub fn move_legacy(legacy: &str, key: &str) {
    if !available() {
        return;
    }
    let storage = LocalStorage::raw();
    if let (Ok(Some(text)), Ok(None)) = (storage.get_item(legacy), storage.get_item(key)) {
        if storage.set_item(key, &text).is_ok() {
            let _ = storage.remove_item(legacy);
        }
    }
}

/// Keeps `progress` under `key`, or removes the key when there is nothing
/// worth keeping (`None`); `false` when the browser refuses (blocked, or
/// full).
pub fn keep(key: &str, progress: Option<&SavedProgress>) -> bool {
    if !available() {
        return false;
    }
    match progress {
        Some(progress) => LocalStorage::set(key, progress).is_ok(),
        None => {
            LocalStorage::delete(key);
            true
        }
    }
}

/// The respondent's earlier results of `questionnaire` kept in this browser
/// (none where storage is blocked or holds something else).
pub fn earlier_results(questionnaire: &Questionnaire) -> History {
    let kept = available()
        .then(|| {
            LocalStorage::raw()
                .get_item(&saved::history_key(questionnaire))
                .ok()
                .flatten()
        })
        .flatten();
    match kept {
        Some(json) => History::read(questionnaire, &json),
        None => History::new(questionnaire),
    }
}

/// Keeps `history` as the respondent's earlier results (a full storage
/// keeps the ones it had: they are a convenience, not progress).
pub fn keep_earlier_results(questionnaire: &Questionnaire, history: &History) {
    if available() {
        let _ =
            LocalStorage::raw().set_item(&saved::history_key(questionnaire), &history.to_json());
    }
}

/// Removes the respondent's earlier results of `questionnaire`.
pub fn forget_earlier_results(questionnaire: &Questionnaire) {
    if available() {
        LocalStorage::delete(saved::history_key(questionnaire));
    }
}
