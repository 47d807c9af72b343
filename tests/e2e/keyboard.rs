//! The quiz answered with the keyboard only, as a respondent who uses no
//! mouse would, in the page's only widget.
//!
//! The DOM contract these tests rely on: a `.mq-start` button on the intro; per
//! question a `form.mq-question` whose `legend.mq-legend` takes focus, a
//! `.mq-progress` caption ("Vraag 3 van 12"), radios valued "1".."4" and
//! "dont-know", and `.mq-back` / `.mq-continue` buttons; a focused
//! `.mq-error-summary` naming the question (its `.mq-question-text`) when
//! continuing without a choice; on the result a focused `h2.mq-result-heading`
//! holding `.mq-phase-name`, and the notes `.mq-note-capped`,
//! `.mq-note-provisional` and `.mq-note-uneven`. All of it inside the
//! `<maturity-quiz>` element's shadow root.

use crate::support::cases::levels;
use crate::support::server::{Page, StaticServer};
use crate::support::visit::{APP_START, STEP, Visit};
use crate::support::webdriver::{Key, wait_until};
use crate::{crate_dir, dist};
use serde_json::Value;

/// Upper bound on Tab presses to reach a control, so a focus trap or a missing
/// control fails instead of looping.
const MAX_TABS: usize = 30;

/// `index` with `lang="en"` on the `<maturity-quiz>` mount element (which
/// takes precedence over the page's own `lang`).
fn english_host_page(index: &str) -> String {
    let start = index
        .find("<maturity-quiz")
        .expect("dist/index.html has a <maturity-quiz> element");
    let end = start
        + index[start..]
            .find('>')
            .expect("the <maturity-quiz> tag is closed");
    let tag = &index[start..end];
    let english_tag = match tag.find("lang=\"") {
        Some(at) => {
            let value_end = at + 6 + tag[at + 6..].find('"').expect("lang value is quoted");
            format!("{}lang=\"en\"{}", &tag[..at], &tag[value_end + 1..])
        }
        None => format!(
            "<maturity-quiz lang=\"en\"{}",
            &tag["<maturity-quiz".len()..]
        ),
    };
    format!("{}{english_tag}{}", &index[..start], &index[end..])
}

/// Serves `dist/` at `/`, plus the same page in English at `/en.html`.
fn serve_dist() -> StaticServer {
    let dist = dist();
    let index = std::fs::read_to_string(dist.join("index.html")).expect("read dist/index.html");
    StaticServer::builder(dist)
        .page("/en.html", Page::html(english_host_page(&index)))
        .start()
}

/// What the page shows at one moment, read in one script call.
struct Snapshot(Value);

impl Snapshot {
    fn str(&self, key: &str) -> Option<&str> {
        self.0[key].as_str()
    }

    fn flag(&self, key: &str) -> bool {
        self.0[key].as_bool() == Some(true)
    }

    /// (current, total) from the progress caption, e.g. "Vraag 3 van 12".
    fn progress(&self) -> Option<(usize, usize)> {
        let text = self.str("progress")?;
        let mut numbers = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().ok());
        Some((numbers.next()??, numbers.next()??))
    }

    /// A one-line summary for failure messages.
    fn describe(&self) -> String {
        format!(
            "progress {:?}, focus {}, checked {:?}, error summary {:?}, phase {:?}",
            self.str("progress"),
            self.str("focus").unwrap_or("nothing"),
            self.str("checked"),
            self.str("error"),
            self.str("phase"),
        )
    }
}

const SNAPSHOT_JS: &str = r#"
const root = document.querySelector('maturity-quiz')?.shadowRoot;
const q = (s) => root?.querySelector(s) ?? null;
const a = root?.activeElement ?? null;
const text = (e) => (e ? e.textContent.replace(/\s+/g, ' ').trim() : null);
const is = (s) => !!a && a.matches(s);
const checked = q('.mq-question input[type=radio]:checked');
return {
  progress: text(q('.mq-progress')),
  legend: text(q('.mq-question legend.mq-legend')),
  question: text(q('.mq-question legend.mq-legend .mq-question-text')),
  legendFocused: is('.mq-question legend.mq-legend'),
  radioFocused: is('.mq-question input[type=radio]'),
  continueFocused: is('.mq-continue'),
  checked: checked ? checked.value : null,
  error: text(q('.mq-error-summary')),
  errorFocused: is('.mq-error-summary'),
  phase: text(q('h2.mq-result-heading .mq-phase-name')),
  phaseFocused: is('h2.mq-result-heading'),
  profileFocused: is('.mq-profile h2.mq-heading'),
  capped: text(q('.mq-note-capped')),
  startFocused: is('.mq-start'),
  started: !!q('.mq-start'),
  crash: text(q('.mq-crash') || q('.mq-load-error')),
  focus: a ? `<${a.tagName.toLowerCase()} class="${a.getAttribute('class') || ''}"${a.value ? ` value="${a.value}"` : ''}>` : null,
};
"#;

/// How far the page overflows the viewport horizontally, and the innermost
/// elements that reach past its right edge (for the failure message).
const OVERFLOW_JS: &str = r#"
const width = window.innerWidth;
const inside = [...document.querySelectorAll('maturity-quiz')].flatMap(
  (host) => (host.shadowRoot ? [...host.shadowRoot.querySelectorAll('*')] : []));
const wide = [...document.querySelectorAll('body *'), ...inside].filter(
  (e) => e.getBoundingClientRect().right > width + 0.5);
const innermost = wide.filter((e) => !wide.some((o) => o !== e && e.contains(o)));
return {
  px: document.documentElement.scrollWidth - width,
  culprits: innermost.slice(0, 5).map((e) => {
    const owner = e.parentElement && e.parentElement.closest('[class]');
    const where = owner ? ` in .${owner.getAttribute('class').split(' ')[0]}` : '';
    const right = Math.round(e.getBoundingClientRect().right);
    return `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') || ''}">${where} right=${right}`;
  }),
};
"#;

/// The page object's [`Visit`] of one page of the widget, with the
/// keyboard-only steps and the focus it reads after each.
struct Quiz {
    visit: Visit,
}

impl Quiz {
    /// Opens `path` (`/` for Dutch, `/en.html` for English) and waits for the
    /// intro.
    fn open(path: &str) -> Self {
        let server = serve_dist();
        let quiz = Self {
            visit: Visit::open(&server.url(path), vec![server]),
        };
        quiz.wait_for_intro();
        quiz
    }

    /// Waits for the widget's intro, panicking if the widget shows an error.
    fn wait_for_intro(&self) {
        let quiz = self;
        wait_until(APP_START, "the intro's .mq-start button", || {
            let seen = quiz.snapshot();
            match seen.str("crash") {
                Some(crash) => panic!("the widget shows an error: {crash}"),
                None if seen.flag("started") => Ok(()),
                None => Err("no .mq-start in the widget's shadow root yet".to_owned()),
            }
        });
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot(self.visit.browser.execute(SNAPSHOT_JS, vec![]))
    }

    fn press(&self, key: Key) {
        self.visit.browser.press(key);
    }

    /// Presses Tab until `flag` holds (at most [`MAX_TABS`] times).
    fn tab_to(&self, flag: &str, what: &str) {
        for _ in 0..MAX_TABS {
            if self.snapshot().flag(flag) {
                return;
            }
            self.press(Key::Tab);
        }
        let seen = self.snapshot();
        assert!(
            seen.flag(flag),
            "{MAX_TABS} Tabs did not reach {what}; {}",
            seen.describe()
        );
    }

    /// Tabs to the start button, presses Enter, and returns the number of
    /// questions once question 1 shows with its legend focused.
    fn start(&self) -> usize {
        self.tab_to("startFocused", "the .mq-start button");
        self.press(Key::Enter);
        self.expect_question(1)
    }

    /// Waits until the caption reads question `n` and its legend has focus;
    /// returns the total from the caption.
    fn expect_question(&self, n: usize) -> usize {
        wait_until(
            STEP,
            &format!("question {n}: its caption and a focused legend"),
            || {
                let seen = self.snapshot();
                match seen.progress() {
                    Some((current, total)) if current == n && seen.flag("legendFocused") => {
                        Ok(total)
                    }
                    _ => Err(seen.describe()),
                }
            },
        )
    }

    /// From the focused legend: Tab to the first radio, Space to pick level 1,
    /// ArrowDown to reach `level`, Enter to submit.
    fn answer(&self, level: u8) {
        assert!((1..=4).contains(&level), "levels are 1 to 4, not {level}");
        self.press(Key::Tab);
        let seen = self.snapshot();
        assert!(
            seen.flag("radioFocused"),
            "Tab from the legend should focus the first radio; {}",
            seen.describe()
        );
        self.press(Key::Space);
        self.visit
            .browser
            .press_n(Key::ArrowDown, usize::from(level - 1));
        wait_until(STEP, &format!("radio {level} to be checked"), || {
            let seen = self.snapshot();
            if seen.str("checked") == Some(&level.to_string()) {
                Ok(())
            } else {
                Err(seen.describe())
            }
        });
        self.press(Key::Enter);
    }

    /// Answers every question with `levels` (one per question) and returns
    /// the phase name shown on the result.
    fn answer_all(&self, levels: &[u8]) -> String {
        let total = self.start();
        assert_eq!(
            total,
            levels.len(),
            "the caption's total should equal the answers given"
        );
        for (i, &level) in levels.iter().enumerate() {
            if i > 0 {
                self.expect_question(i + 1);
            }
            self.answer(level);
        }
        self.skip_profile();
        self.expect_result()
    }

    /// Waits for the background questions' heading to have focus.
    fn expect_profile(&self) {
        wait_until(STEP, "the background questions' focused heading", || {
            let seen = self.snapshot();
            if seen.flag("profileFocused") {
                Ok(())
            } else {
                Err(seen.describe())
            }
        });
    }

    /// Waits for the background questions, then Tabs past them (each stands
    /// at "prefer not to say") to the result button and presses Enter.
    fn skip_profile(&self) {
        self.expect_profile();
        self.tab_to("continueFocused", "the .mq-continue button");
        self.press(Key::Enter);
    }

    /// Waits for the result's heading to have focus and returns the phase
    /// name it holds (after its label).
    fn expect_result(&self) -> String {
        wait_until(
            STEP,
            "the result: a focused h2.mq-result-heading holding .mq-phase-name",
            || {
                let seen = self.snapshot();
                match seen.str("phase") {
                    Some(phase) if seen.flag("phaseFocused") => Ok(phase.to_owned()),
                    _ => Err(seen.describe()),
                }
            },
        )
    }

    /// The capping note's text; panics if there is none.
    fn capped_note(&self) -> String {
        let seen = self.snapshot();
        seen.str("capped")
            .unwrap_or_else(|| panic!("no .mq-note-capped on the result; {}", seen.describe()))
            .to_owned()
    }
}

impl Drop for Quiz {
    fn drop(&mut self) {
        // A failing test leaves a picture of what the page showed.
        if std::thread::panicking() {
            let name = std::thread::current()
                .name()
                .unwrap_or("e2e")
                .replace("::", "-");
            let path = crate_dir()
                .join("test-output")
                .join(self.visit.browser.engine().name())
                .join(format!("failure-{name}.png"));
            if self.visit.browser.try_screenshot(&path).is_ok() {
                eprintln!("screenshot of the failure: {}", path.display());
            }
        }
    }
}

#[test]
fn e2e_lowest_answers_everywhere_give_ad_hoc() {
    let quiz = Quiz::open("/");
    let total = quiz.start();
    for n in 1..=total {
        if n > 1 {
            quiz.expect_question(n);
        }
        quiz.answer(1);
    }
    quiz.skip_profile();
    assert_eq!(quiz.expect_result(), "Ad hoc");
}

#[test]
fn e2e_case_b_is_experimental_capped_by_monitoring_in_both_languages() {
    // The whole sentence a respondent reads: the dimension's name quoted, in
    // the singular, with the score's scale (issue 12).
    for (page, phase, sentence) in [
        (
            "/",
            "Experimenteel",
            "De gemiddelde score van uw organisatie (2,75 op een schaal van 1 tot 4) past bij \
             de fase Functioneel, maar de dimensie ‘Monitoren en leren’ blijft achter in de fase \
             Ad hoc. Eén zwakke dimensie remt het geheel af: het resultaat komt hooguit één fase \
             hoger uit dan die dimensie.",
        ),
        (
            "/en.html",
            "Experimental",
            "The average score of your organisation (2.75 on a scale of 1 to 4) fits the \
             Functional phase, but the dimension ‘Monitoring and learning’ lags behind in the \
             Ad hoc phase. One weak dimension holds back the overall result: it can be no more \
             than one phase above that dimension.",
        ),
    ] {
        let quiz = Quiz::open(page);
        assert_eq!(quiz.answer_all(&levels("case-b")), phase);
        assert_eq!(quiz.capped_note(), sentence);
    }
}

#[test]
fn e2e_continue_without_a_choice_focuses_an_error_naming_the_question() {
    let quiz = Quiz::open("/");
    quiz.start();
    // The question's own words: the legend also holds the caption and the
    // dimension, which the summary need not repeat.
    let question = quiz
        .snapshot()
        .str("question")
        .expect("question 1 has a legend")
        .to_owned();
    quiz.tab_to("continueFocused", "the .mq-continue button");
    quiz.press(Key::Enter);

    let error = wait_until(STEP, "a focused .mq-error-summary", || {
        let seen = quiz.snapshot();
        match seen.str("error") {
            Some(error) if seen.flag("errorFocused") => Ok(error.to_owned()),
            _ => Err(seen.describe()),
        }
    });
    assert!(
        error.contains(&question),
        "the error summary should name the question {question:?}: {error:?}"
    );
    let seen = quiz.snapshot();
    assert_eq!(
        seen.progress().map(|(current, _)| current),
        Some(1),
        "still on question 1; {}",
        seen.describe()
    );
}

impl Quiz {
    /// At 320 (the WCAG reflow width), 360 and 1280 px wide: checks that nothing forces sideways
    /// scrolling (WCAG 1.4.10 reflow) and saves a full-page screenshot as
    /// `test-output/{engine}/{name}-{width}.png` for people to look at. Returns the
    /// overflow problems rather than panicking, so every screen is
    /// photographed before the test fails.
    fn photograph(&self, name: &str) -> Vec<String> {
        let mut problems = Vec::new();
        for (width, height) in [(320u32, 640u32), (360, 800), (1280, 900)] {
            let narrowest = self.visit.browser.engine().narrowest_viewport();
            let width = if width < narrowest {
                println!(
                    "{}: no viewport narrower than {narrowest} px; {width} px checked at {narrowest}",
                    self.visit.browser.version()
                );
                narrowest
            } else {
                width
            };
            self.visit.browser.set_window_size(width, height);
            wait_until(STEP, &format!("a {width} px wide viewport"), || {
                let inner = self
                    .visit
                    .browser
                    .execute("return window.innerWidth;", vec![]);
                if inner.as_u64() == Some(u64::from(width)) {
                    Ok(())
                } else {
                    Err(format!("innerWidth {inner}"))
                }
            });
            let path = crate_dir()
                .join("test-output")
                .join(self.visit.browser.engine().name())
                .join(format!("{name}-{width}.png"));
            self.visit.browser.full_page_screenshot(&path);
            println!("screenshot: {}", path.display());
            let overflow = self.visit.browser.execute(OVERFLOW_JS, vec![]);
            if overflow["px"].as_i64().is_none_or(|px| px > 0) {
                problems.push(format!(
                    "{name} at {width} px is {} px wider than the viewport; elements reaching \
                     past its right edge: {}",
                    overflow["px"], overflow["culprits"]
                ));
            }
        }
        problems
    }
}

#[test]
fn e2e_every_screen_fits_320_360_and_1280_px_in_light_and_dark() {
    let mut problems = Vec::new();
    for dark in [false, true] {
        let theme = if dark { "dark" } else { "light" };
        let quiz = Quiz::open("/");
        quiz.visit.browser.emulate_dark(dark);
        // WebKit reopens the page in the other scheme.
        quiz.wait_for_intro();
        problems.extend(quiz.photograph(&format!("intro-{theme}")));
        quiz.start();
        quiz.press(Key::Tab);
        quiz.press(Key::Tab);
        problems.extend(quiz.photograph(&format!("question-{theme}")));
        quiz.tab_to("continueFocused", "the .mq-continue button");
        quiz.press(Key::Enter);
        wait_until(STEP, "the error summary", || {
            let seen = quiz.snapshot();
            if seen.flag("errorFocused") {
                Ok(())
            } else {
                Err(seen.describe())
            }
        });
        problems.extend(quiz.photograph(&format!("question-error-{theme}")));
        // The summary's link leads to the first option.
        quiz.press(Key::Tab);
        quiz.press(Key::Enter);
        let seen = quiz.snapshot();
        assert!(
            seen.flag("radioFocused"),
            "the error link focuses the first option; {}",
            seen.describe()
        );
        let case_b = levels("case-b");
        quiz.press(Key::Space);
        quiz.visit
            .browser
            .press_n(Key::ArrowDown, usize::from(case_b[0] - 1));
        quiz.press(Key::Enter);
        for (i, &level) in case_b.iter().enumerate().skip(1) {
            quiz.expect_question(i + 1);
            quiz.answer(level);
        }
        quiz.expect_profile();
        problems.extend(quiz.photograph(&format!("profile-{theme}")));
        quiz.skip_profile();
        assert_eq!(quiz.expect_result(), "Experimenteel");
        problems.extend(quiz.photograph(&format!("result-{theme}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
