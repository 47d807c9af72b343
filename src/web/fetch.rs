//! Fetching a site owner's questionnaire from the element's `src`: as a
//! stranger would, with bounds on what it may cost.
//!
//! A questionnaire is public text, so the request carries no cookies; it is
//! JSON, so anything else (an HTML error page, a login form) is refused by
//! its type before it is read; it is small, so a body past
//! [`mq_core::model::limits::BYTES`] is cut off while it streams in; and a
//! server that never answers ends in a message after [`TIMEOUT_MS`] instead
//! of a loading line forever.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortSignal, ReadableStreamDefaultReader, RequestCredentials, RequestInit, Response,
};

use mq_core::model::limits;

/// How long a questionnaire may take to arrive, in milliseconds: far more
/// than a slow mobile connection needs for a file under the size limit.
pub const TIMEOUT_MS: u32 = 15_000;

/// `src` as an absolute URL, resolved against the page's own address: not
/// against `document.baseURI`, which an injected `<base>` could point at
/// another site.
pub fn resolve(src: &str) -> Result<String, String> {
    let page = gloo::utils::window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(src, &page)
        .map(|url| url.href())
        .map_err(|_| "not a valid URL".to_string())
}

/// The body of `url` as text, or why there is none: the network error, the
/// HTTP status, a type that is not JSON, a body over the size limit, or no
/// answer in time.
pub async fn questionnaire(url: &str) -> Result<String, String> {
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    init.set_signal(Some(&AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    let response: Response =
        JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
            .await
            .map_err(|error| failed(&error))?
            .unchecked_into();
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if !is_json(&content_type) {
        return Err(format!(
            "the server sent {}, not JSON (the file must be served as application/json)",
            if content_type.is_empty() {
                "no Content-Type"
            } else {
                content_type.as_str()
            }
        ));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.trim().parse::<usize>().ok());
    if declared.is_some_and(|length| length > limits::BYTES) {
        return Err(too_big());
    }
    let bytes = body(&response).await?;
    String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_string())
}

/// Whether a `Content-Type` is JSON's: `application/json` or a `+json` type,
/// with any parameters.
fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// The body's bytes, read chunk by chunk and given up on as soon as they pass
/// the size limit, so a huge or endless body never fills memory.
async fn body(response: &Response) -> Result<Vec<u8>, String> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|_| "the response cannot be read".to_string())?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|error| failed(&error))?;
        if Reflect::get(&chunk, &"done".into()).is_ok_and(|done| done.is_truthy()) {
            return Ok(bytes);
        }
        let value = Reflect::get(&chunk, &"value".into()).unwrap_or(JsValue::UNDEFINED);
        let Some(array) = value.dyn_ref::<Uint8Array>() else {
            return Err("the response cannot be read".to_string());
        };
        if bytes.len() + array.length() as usize > limits::BYTES {
            let _ = reader.cancel();
            return Err(too_big());
        }
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
    }
}

fn too_big() -> String {
    format!(
        "the file is larger than {} bytes, the most a questionnaire may have",
        limits::BYTES
    )
}

/// What a failed fetch or read says: a timeout by name, anything else as the
/// browser gives it, which tells a script no more than "Failed to fetch".
fn failed(error: &JsValue) -> String {
    let name = Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    if name == "TimeoutError" || name == "AbortError" {
        return format!("no answer within {} seconds", TIMEOUT_MS / 1000);
    }
    format!(
        "{} (offline, no such server, or no Access-Control-Allow-Origin header)",
        describe(error)
    )
}

/// A JavaScript error's message.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an unknown error".to_string())
}
