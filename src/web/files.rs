//! Files in and out of the browser, with no server: a text offered as a
//! download, and the text of files a visitor chose or dropped.

use gloo::file::futures::read_as_bytes;
use gloo::file::{Blob, FileList, ObjectUrl};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

/// How long a download's Blob URL stays valid after the click. The click
/// only queues the download: Firefox and some Safari versions read the URL
/// in a later task and save nothing if it is revoked by then. The text is a
/// few kilobytes, so keeping it for a while costs nothing.
const KEEP_URL_MS: u32 = 40_000;

/// Offers `text` as a file called `name` of type `mime`: a Blob URL on a
/// temporary `<a download>`, clicked, and revoked once the browser has had
/// ample time to take it. Does nothing where the browser refuses a step
/// (there is nothing better to offer then).
pub fn save(name: &str, mime: &str, text: &str) {
    // Revoked when dropped: by the timeout below.
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime)));
    if let Some(link) = gloo::utils::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        // Not in any document: clicking it still starts the download, and
        // the widget's shadow root stays as it was.
        link.click();
    }
    // Runs on its own, whatever happens to the widget meanwhile.
    Timeout::new(KEEP_URL_MS, move || drop(url)).forget();
}

/// How much of a file is read per task: a large file is read in parts, each
/// a task of its own, so that reading it never holds up the page.
const PART_BYTES: u64 = 1 << 20;

/// The name of each file in `files`, in order, with its text, or why it
/// was not read: `admit` gets every file's size before anything is read,
/// and says which ones may be. A file that cannot be read gives an empty
/// text, which the group view then refuses by name.
pub async fn read<E>(
    files: web_sys::FileList,
    admit: impl FnOnce(&[u64]) -> Vec<Result<(), E>>,
) -> Vec<(String, Result<String, E>)> {
    let files: Vec<gloo::file::File> = FileList::from(files).iter().cloned().collect();
    let sizes: Vec<u64> = files.iter().map(|f| f.size()).collect();
    let mut read = Vec::new();
    for (file, admitted) in files.iter().zip(admit(&sizes)) {
        let text = match admitted {
            Ok(()) => Ok(text(file).await),
            Err(refused) => Err(refused),
        };
        read.push((file.name(), text));
    }
    read
}

/// The text of `file`, read a part at a time: UTF-8, or else Latin-1 (what
/// spreadsheets on Windows write, near enough: ids and numbers, which the
/// group view reads, are ASCII either way); empty when the browser cannot
/// read it.
async fn text(file: &gloo::file::File) -> String {
    let size = file.size();
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let mut at = 0;
    while at < size {
        let end = (at + PART_BYTES).min(size);
        match read_as_bytes(&file.slice(at, end)).await {
            Ok(part) => bytes.extend_from_slice(&part),
            Err(_) => return String::new(),
        }
        at = end;
    }
    String::from_utf8(bytes)
        .unwrap_or_else(|latin| latin.as_bytes().iter().map(|&b| char::from(b)).collect())
}
