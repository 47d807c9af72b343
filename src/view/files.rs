//! Files in and out of the browser, with no server: a text offered as a
//! download, and the text of files a visitor chose or dropped.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FileList, HtmlAnchorElement, Url};

/// How long a download's Blob URL stays valid after the click. The click
/// only queues the download: Firefox and some Safari versions read the URL in
/// a later task and save nothing if it is revoked by then. FileSaver.js waits
/// 40 s for the same reason; the text is a few kilobytes.
const KEEP_URL_MS: u32 = 40_000;

/// Offers `text` as a file called `name` of type `mime`: a Blob URL on a
/// temporary `<a download>`, clicked, and revoked once the browser has had
/// ample time to take it. Does nothing where the browser refuses any step
/// (there is nothing better to offer then).
pub fn save(name: &str, mime: &str, text: &str) {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&text.into());
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(link) = document
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
    Timeout::new(KEEP_URL_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
}

/// The name and text of each file in `files`, in order; a file that cannot
/// be read gives an empty text, which the group view then refuses by name.
pub async fn read(files: FileList) -> Vec<(String, String)> {
    let mut read = Vec::new();
    for file in (0..files.length()).filter_map(|i| files.item(i)) {
        read.push((file.name(), text(&file).await));
    }
    read
}

async fn text(file: &File) -> String {
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}
