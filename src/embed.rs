//! The widget's face to the loader: the [`Widget`] that `embed.js` creates
//! for each `<maturity-quiz>` element, which decides what it shows (the
//! questionnaire built in, from the element's `src`, or from an inline JSON
//! script; the problems of one that cannot be shown), and the hook that
//! puts a notice in the widgets' place if one ever panics. What it reads of
//! the element and the page, it reads through [`crate::web`].

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::Element;

use mq_core::benchmark::Benchmark;
use mq_core::model::{InvalidQuestionnaire, Questionnaire};
use mq_core::saved;

use crate::view::{AppProps, Peers, ProblemsProps, Shows, Slot};
use crate::web::host::{GROUP_MODE, Source};
use crate::web::{Host, console, crash, fetch, page, storage};

/// Runs once when the module is instantiated, before any widget exists.
#[wasm_bindgen(start)]
pub fn start() {
    // Through yew: its first render would otherwise put its own hook (a
    // console message only) in place of this one.
    yew::set_custom_panic_hook(Box::new(show_panic));
}

/// One widget on the page, owned by its `<maturity-quiz>` element.
#[wasm_bindgen]
pub struct Widget {
    /// Where it renders; shared with the fetch of a `src` questionnaire,
    /// which fills it in. `None` once destroyed: a fetch that ends after
    /// that shows nothing.
    slot: Rc<RefCell<Option<Slot>>>,
    /// The slot's root, which the loader puts on the page.
    element: Element,
    /// The element the widget lives in, listed in [`HOSTS`] while it does.
    host: Element,
}

thread_local! {
    /// The elements of the widgets alive on the page, in or outside shadow
    /// roots, which a crash notice replaces: a search of the document would
    /// miss those in other components' shadow roots.
    static HOSTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Why a questionnaire is not shown: its problems as the checker words them,
/// and how many more there are than it lists.
struct Refusal {
    problems: Vec<String>,
    omitted: usize,
}

/// How the loader opens a widget (issue 24): the facilitator's build on the
/// group overview when it takes over from the respondent's, which it hands
/// over through the loader's function.
#[derive(Clone, Default)]
struct Opening {
    group: bool,
    hand_over: Option<js_sys::Function>,
}

impl From<InvalidQuestionnaire> for Refusal {
    fn from(invalid: InvalidQuestionnaire) -> Refusal {
        Refusal {
            problems: invalid.problems().to_vec(),
            omitted: invalid.omitted(),
        }
    }
}

#[wasm_bindgen]
impl Widget {
    /// Renders the element's questionnaire, in the language `host` asks
    /// for: the built-in one, or a site owner's from `host`'s `src`
    /// attribute or inline JSON script. A questionnaire that cannot be
    /// loaded or is invalid shows its problems instead. It renders into the
    /// root an ended widget of the page left (see [`Slot`]), else into
    /// `container`; [`Widget::element`] says which, for the loader to show.
    /// With `open_group` it opens on the group overview, with its way back;
    /// the respondent's build calls `hand_over` when the overview is asked
    /// for, and the loader puts the facilitator's build in its place.
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: Element,
        container: Element,
        open_group: bool,
        hand_over: Option<js_sys::Function>,
    ) -> Widget {
        let opening = Opening {
            group: open_group,
            hand_over,
        };
        Widget::start(host, Slot::take(container), opening)
    }

    /// The element the widget renders into, which its first render fills a
    /// microtask after [`Widget::new`].
    #[wasm_bindgen(getter)]
    pub fn element(&self) -> Element {
        self.element.clone()
    }

    /// Ends the widget: its components go, and with them every listener and
    /// closure they hold (such as its `hashchange` listener), and its root
    /// leaves the element, kept for the page's next widget (see [`Slot`]).
    /// The loader calls this once the element has left the page for good,
    /// not while it is moved. Its progress is saved as each answer is given,
    /// so nothing is lost; a new widget on the same element resumes from it.
    pub fn destroy(self) {
        HOSTS.with(|hosts| {
            let mut hosts = hosts.borrow_mut();
            if let Some(at) = hosts.iter().position(|host| *host == self.host) {
                hosts.swap_remove(at);
            }
        });
        if let Some(slot) = self.slot.borrow_mut().take() {
            slot.park();
        }
    }

    /// Follows a change of the host's `lang` attribute.
    #[wasm_bindgen(js_name = languageChanged)]
    pub fn language_changed(&mut self) {
        let mut slot = self.slot.borrow_mut();
        let Some(slot) = slot.as_mut() else {
            return;
        };
        if let Shows::Quiz(props) = slot.shows() {
            let language = props.host.preferred_language(&props.questionnaire);
            if language != props.language {
                let props = AppProps {
                    language,
                    ..props.clone()
                };
                slot.change(Shows::Quiz(props));
            }
        }
    }
}

impl Widget {
    /// A widget rendering into `slot`, its host listed among the page's
    /// widgets.
    fn listed(host: Element, slot: Slot) -> Widget {
        HOSTS.with(|hosts| hosts.borrow_mut().push(host.clone()));
        Widget {
            element: slot.root().clone(),
            slot: Rc::new(RefCell::new(Some(slot))),
            host,
        }
    }

    /// Starts a widget for `host` in `slot`, opened as `opening` says.
    fn start(host: Element, mut slot: Slot, opening: Opening) -> Widget {
        thread_local! {
            static BUILT_IN: Rc<Questionnaire> = Rc::new(Questionnaire::built_in());
        }
        let owner = host.clone();
        let host = Host(host);
        let src = match host.source() {
            Source::BuiltIn => {
                slot.start(quiz(host, BUILT_IN.with(Rc::clone), opening));
                None
            }
            Source::Inline(json) => {
                let loaded = Questionnaire::from_json(&json).map_err(Refusal::from);
                slot.start(show(
                    host,
                    "the inline <script type=\"application/json\">",
                    loaded,
                    opening,
                ));
                None
            }
            Source::Url(src) => {
                // Never a blank box while the questionnaire is fetched.
                slot.start(Shows::Loading(host.language()));
                Some((host, src, opening))
            }
        };
        let widget = Widget::listed(owner, slot);
        // A `src` questionnaire's quiz shows once it is fetched, below.
        if src.is_none() {
            compare_with_benchmark(&widget.slot);
        }
        if let Some((host, src, opening)) = src {
            let pending = Rc::clone(&widget.slot);
            spawn_local(async move {
                let url = fetch::resolve(&src);
                let loaded = match &url {
                    Ok(url) => fetch::questionnaire(url).await,
                    Err(reason) => Err(reason.clone()),
                }
                .map_err(|reason| Refusal {
                    problems: vec![format!("could not load {src}: {reason}")],
                    omitted: 0,
                })
                .and_then(|json| Questionnaire::from_json(&json).map_err(Refusal::from));
                if let Some(slot) = pending.borrow_mut().as_mut() {
                    slot.change(show(host, url.as_deref().unwrap_or(&src), loaded, opening));
                }
                compare_with_benchmark(&pending);
            });
        }
        widget
    }
}

/// Loads the benchmark the quiz in `slot`'s host names, if any, and gives
/// it to the quiz once it is read (or why it is not used): the quiz does not
/// wait for it. A file is fetched under the same limits and rules as `src`.
fn compare_with_benchmark(slot: &Rc<RefCell<Option<Slot>>>) {
    let Some((host, questionnaire)) = slot.borrow().as_ref().and_then(|slot| match slot.shows() {
        Shows::Quiz(props) => Some((props.host.clone(), props.questionnaire.clone())),
        _ => None,
    }) else {
        return;
    };
    let give = |slot: &Rc<RefCell<Option<Slot>>>, peers: Peers| {
        if let Some(slot) = slot.borrow_mut().as_mut() {
            if let Shows::Quiz(props) = slot.shows() {
                let props = AppProps {
                    benchmark: peers,
                    ..props.clone()
                };
                slot.change(Shows::Quiz(props));
            }
        }
    };
    let read = move |json: &str| match Benchmark::read(&questionnaire, json) {
        Ok(benchmark) => Peers::Loaded(Rc::new(benchmark)),
        Err(error) => {
            console::warn(&format!("the benchmark is not used: {error}"));
            Peers::Refused(error)
        }
    };
    match host.benchmark() {
        // A benchmark is only ever a file or an inline script.
        None | Some(Source::BuiltIn) => {}
        Some(Source::Inline(json)) => give(slot, read(&json)),
        Some(Source::Url(src)) => {
            let pending = Rc::clone(slot);
            spawn_local(async move {
                let loaded = match fetch::resolve(&src) {
                    Ok(url) => fetch::questionnaire(&url).await,
                    Err(reason) => Err(reason),
                };
                let peers = match loaded {
                    Ok(json) => read(&json),
                    Err(reason) => {
                        console::warn(&format!("could not load the benchmark {src}: {reason}"));
                        Peers::Unavailable
                    }
                };
                give(&pending, peers);
            });
        }
    }
}

/// Mounts a widget for `questionnaire` into `container` (a parked slot's
/// root is put in it); `host` gives its language and receives its events.
pub fn mount(host: Element, container: Element, questionnaire: Rc<Questionnaire>) -> Widget {
    let mut slot = Slot::take(container.clone());
    if *slot.root() != container {
        let _ = container.append_child(slot.root());
    }
    slot.start(quiz(Host(host.clone()), questionnaire, Opening::default()));
    Widget::listed(host, slot)
}

/// What a widget shows for `questionnaire`: the quiz, in `host`'s language.
fn quiz(host: Host, questionnaire: Rc<Questionnaire>, opening: Opening) -> Shows {
    let language = host.preferred_language(&questionnaire);
    let place = host.place();
    let storage_key = saved::storage_key(&questionnaire, &place);
    if let Some(legacy) = saved::legacy_key(&questionnaire, &place) {
        storage::move_legacy(&legacy, &storage_key);
    }
    // A facilitator's page shows only the group view.
    let (attribute, value) = GROUP_MODE;
    let group = host.attribute(attribute).as_deref() == Some(value);
    let attributes = host.attributes();
    let (preset, problems) = questionnaire.preset(
        attributes
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str())),
    );
    // Attributes the questionnaire cannot use, then what works but may not
    // be meant: a language shown with the widget's English words.
    for problem in problems.iter().chain(&questionnaire.warnings()) {
        console::warn(problem);
    }
    let share_url = host.attribute("share-url").filter(|value| {
        let valid = page::share_url(value).is_some();
        if !valid {
            console::warn(&format!(
                "share-url=\"{value}\" is not an http or https address; \
                 result links start with the page's address"
            ));
        }
        valid
    });
    Shows::Quiz(AppProps {
        questionnaire,
        language,
        host,
        storage_key,
        group,
        open_group: opening.group,
        hand_over: opening.hand_over,
        preset,
        share_url,
        benchmark: Peers::None,
    })
}

/// The quiz for a loaded questionnaire, or the problems that kept it from
/// loading (also on the console, for whoever looks there first).
fn show(
    host: Host,
    source: &str,
    loaded: Result<Questionnaire, Refusal>,
    opening: Opening,
) -> Shows {
    match loaded {
        Ok(questionnaire) => quiz(host, Rc::new(questionnaire), opening),
        Err(Refusal { problems, omitted }) => {
            console::error(&format!("{source}:\n{}", problems.join("\n")));
            Shows::Problems(ProblemsProps {
                language: host.language(),
                source: source.to_string(),
                problems,
                omitted,
            })
        }
    }
}

/// Writes the panic where the widgets were, and to the console.
fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
    let detail = info.to_string();
    show_crash(&detail);
    console::error(&detail);
}

/// Replaces every widget on the page with a notice in its language (see
/// [`crash::show_crash`]). Public for the component tests.
pub fn show_crash(detail: &str) {
    // A panic while the list itself is borrowed leaves it alone.
    let hosts = HOSTS.with(|hosts| hosts.try_borrow().map(|h| h.clone()).unwrap_or_default());
    crash::show_crash(&hosts, detail);
}
