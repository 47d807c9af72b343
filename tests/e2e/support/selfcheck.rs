//! Checks of the harness itself, independent of the widget: the server's
//! responses over raw HTTP, and the WebDriver client driving a small static
//! page by keyboard. If these fail, the e2e failures are the harness's fault.
//!
//! Every test name starts with `e2e_` so that scripts/test.sh runs them with
//! the end-to-end layer only.

use super::server::{Page, StaticServer};
use super::webdriver::{Browser, Key, base64_decode, fresh_temp_dir, wait_for, wait_until};
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

const STEP: Duration = Duration::from_secs(5);

/// Sends one raw request and returns the response head (lower-cased header
/// names kept as sent) and body.
fn raw_get(server: &StaticServer, method: &str, path: &str) -> (String, Vec<u8>) {
    let mut stream = TcpStream::connect(server.addr()).expect("connect to the test server");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.addr()
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    (
        String::from_utf8_lossy(&raw[..split]).into_owned(),
        raw[split + 4..].to_vec(),
    )
}

#[test]
fn e2e_harness_server_answers_with_mime_types_and_headers() {
    let root = fresh_temp_dir("mq-site");
    fs::write(root.join("index.html"), "<!doctype html><p>hi</p>").unwrap();
    fs::write(root.join("app.js"), "export {}").unwrap();
    fs::write(root.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    fs::create_dir(root.join("sub")).unwrap();
    fs::write(root.join("sub/style.css"), "p{}").unwrap();

    let server = StaticServer::builder(&root)
        .header("Content-Security-Policy", "default-src 'self'")
        .page(
            "/host.html",
            Page::html("<p>host</p>").with_header("X-Page", "yes"),
        )
        .start();

    let (head, body) = raw_get(&server, "GET", "/");
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert!(
        head.contains("Content-Type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(head.contains("Content-Length: 24"), "{head}");
    assert!(head.contains("Connection: close"), "{head}");
    assert!(
        head.contains("Content-Security-Policy: default-src 'self'"),
        "{head}"
    );
    assert_eq!(body, b"<!doctype html><p>hi</p>");

    let (head, _) = raw_get(&server, "GET", "/app.js?v=1");
    assert!(head.contains("Content-Type: text/javascript"), "{head}");
    let (head, body) = raw_get(&server, "GET", "/app_bg.wasm");
    assert!(head.contains("Content-Type: application/wasm"), "{head}");
    assert_eq!(body.len(), 8);
    let (head, _) = raw_get(&server, "GET", "/sub/style%2Ecss");
    assert!(head.contains("Content-Type: text/css"), "{head}");

    let (head, body) = raw_get(&server, "HEAD", "/app.js");
    assert!(
        head.contains("Content-Length: 9") && body.is_empty(),
        "{head}"
    );

    let (head, body) = raw_get(&server, "GET", "/host.html");
    assert!(
        head.contains("X-Page: yes") && head.contains("Content-Security-Policy"),
        "{head}"
    );
    assert_eq!(body, b"<p>host</p>");

    let (head, _) = raw_get(&server, "GET", "/missing.js");
    assert!(head.starts_with("HTTP/1.1 404"), "{head}");
    let (head, _) = raw_get(&server, "GET", "/../etc/passwd");
    assert!(head.starts_with("HTTP/1.1 404"), "{head}");
    let (head, _) = raw_get(&server, "POST", "/");
    assert!(head.starts_with("HTTP/1.1 405"), "{head}");

    drop(server);
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn e2e_harness_base64_decoder_matches_rfc4648_vectors() {
    for (encoded, decoded) in [
        ("", ""),
        ("Zg==", "f"),
        ("Zm8=", "fo"),
        ("Zm9v", "foo"),
        ("Zm9vYg==", "foob"),
        ("Zm9vYmE=", "fooba"),
        ("Zm9v\nYmFy", "foobar"),
    ] {
        assert_eq!(
            base64_decode(encoded).as_deref(),
            Some(decoded.as_bytes()),
            "{encoded}"
        );
    }
    assert_eq!(base64_decode("Zm9"), None);
    assert_eq!(base64_decode("Zm9*"), None);
}

/// A page shaped like the quiz: a start button, then a form with a focusable
/// legend and a radio group; submitting shows the choice in a focused heading.
const SELF_CHECK_PAGE: &str = r##"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>harness self-check</title></head>
<body>
  <a href="#top">a link before the button</a>
  <button class="start" type="button">Start</button>
  <form class="question" hidden>
    <fieldset>
      <legend class="legend" tabindex="-1">How often?</legend>
      <label><input type="radio" name="q" value="1"> Never</label>
      <label><input type="radio" name="q" value="2"> Sometimes</label>
      <label><input type="radio" name="q" value="3"> Often</label>
    </fieldset>
    <button class="continue" type="submit">Continue</button>
  </form>
  <h2 class="result" tabindex="-1" hidden></h2>
  <script>
    const form = document.querySelector('.question');
    document.querySelector('.start').addEventListener('click', () => {
      form.hidden = false;
      // As the widget does: Firefox ignores focus() on a legend without a
      // layout box, and the form was hidden until now.
      const legend = form.querySelector('.legend');
      legend.offsetWidth;
      legend.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const result = document.querySelector('.result');
      result.textContent = 'Chose ' + new FormData(form).get('q');
      result.hidden = false;
      result.focus();
    });
  </script>
</body></html>
"##;

#[test]
fn e2e_harness_drives_a_static_page_by_keyboard() {
    let root = fresh_temp_dir("mq-site");
    let server = StaticServer::builder(&root)
        .page("/", Page::html(SELF_CHECK_PAGE))
        .start();
    let browser = Browser::start();
    browser.goto(&server.url("/"));
    assert_eq!(
        browser
            .execute("return window.innerWidth;", vec![])
            .as_u64(),
        Some(1280),
        "the session starts at 1280 px wide"
    );

    let start = browser.find(".start");
    let mut tabs = 0;
    while !browser.is_focused(&start) {
        assert!(tabs < 30, "Tab never reached the start button");
        browser.press(Key::Tab);
        tabs += 1;
    }
    assert_eq!(tabs, 2, "the link comes first, then the button");
    browser.press(Key::Enter);

    let legend = browser.find(".legend");
    wait_for(STEP, "the legend to receive focus", || {
        browser.is_focused(&legend)
    });
    browser.press(Key::Tab);
    browser.press(Key::Space);
    browser.press_n(Key::ArrowDown, 2);
    let radios = browser.find_all("input[type=radio]");
    assert_eq!(radios.len(), 3);
    assert_eq!(browser.property(&radios[2], "checked"), true);
    assert_eq!(browser.attribute(&radios[2], "value").as_deref(), Some("3"));
    browser.press(Key::ArrowUp);
    assert_eq!(browser.property(&radios[1], "checked"), true);
    browser.press(Key::Enter);

    let result = wait_until(STEP, "the result heading to receive focus", || {
        let active = browser.active_element();
        if browser.attribute(&active, "class").as_deref() == Some("result") {
            Ok(active)
        } else {
            Err(browser.describe_focus())
        }
    });
    assert_eq!(browser.text(&result), "Chose 2");

    // Shift+Tab from the heading goes back to the Continue button.
    browser.press_chord(&[Key::Shift, Key::Tab]);
    assert!(
        browser.is_focused(&browser.find(".continue")),
        "focus: {}",
        browser.describe_focus()
    );

    // 540: Firefox keeps its window at least 500 px wide, MiniBrowser 447.
    browser.set_window_size(540, 800);
    wait_for(STEP, "the viewport to become 540 px wide", || {
        browser
            .execute("return window.innerWidth;", vec![])
            .as_u64()
            == Some(540)
    });
    let shot = root.join("shot.png");
    browser.screenshot(&shot);
    let png = fs::read(&shot).unwrap();
    // The IHDR chunk holds the width in bytes 16..20.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 540, "screenshot width");

    drop(browser);
    drop(server);
    fs::remove_dir_all(root).unwrap();
}
