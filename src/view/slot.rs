//! Where yew renders a widget: a root element with a running yew app, which
//! an ended widget hands on to the page's next one instead of leaving it
//! behind.
//!
//! yew never lets go of an app's root. It listens for events on the root
//! through closures it deliberately leaks (`forget`, "this event handler is
//! static", yew 0.23 `dom_bundle/subtree_root.rs`), and each holds the root.
//! So every `yew::Renderer` kept its root element and the root's listeners
//! for the life of the page, and with the root whatever it was still
//! attached to: a single-page app that showed and hid the widget 30 times
//! kept 30 removed `<maturity-quiz>` elements, each with its shadow root,
//! stylesheet link and emptied root (4 DOM nodes in Chromium's counters),
//! and 2 listeners each (yew's click listener on the root, and the link's
//! `error` listener, never called).
//!
//! A [`Slot`] is made once and reused: when its widget ends, its app shows
//! nothing (so every component, effect and listener of the widget goes),
//! its root leaves the widget's element, and it waits here for the page's
//! next widget, or the result's warm-up. A page keeps at most as many slots
//! as it ever had widgets at once, plus one for the warm-up: each an empty
//! element in no document, with yew's listeners.

use std::cell::RefCell;

use web_sys::Element;
use yew::prelude::*;

use crate::view::result::{ResultScreen, ResultScreenProps};
use crate::view::{App, AppProps, Problems, ProblemsProps};
use mq_core::i18n::ui_text;

/// What a slot shows.
#[derive(Clone, PartialEq)]
pub enum Shows {
    /// Nothing: the slot waits for its next widget.
    Nothing,
    /// A line saying that the questionnaire loads, in `language`.
    Loading(String),
    /// The quiz.
    Quiz(AppProps),
    /// Why the questionnaire cannot be used.
    Problems(ProblemsProps),
    /// A result nobody sees, rendered to compile its code early (see
    /// `warm_up`).
    WarmUp(ResultScreenProps),
}

/// Properties of [`Mounted`].
#[derive(Clone, PartialEq, Properties)]
struct MountedProps {
    shows: Shows,
    /// Counts the slot's widgets: a new one never inherits the state of the
    /// one before, even if yew renders both changes at once.
    visit: u64,
}

/// The root component of every slot.
#[component]
fn Mounted(props: &MountedProps) -> Html {
    let key = props.visit.to_string();
    match &props.shows {
        Shows::Nothing => html! {},
        Shows::Loading(language) => html! {
            <p key={key} class="mq-loading" role="status">{ ui_text(language).loading }</p>
        },
        Shows::Quiz(quiz) => html! { <App key={key} ..quiz.clone() /> },
        Shows::Problems(problems) => html! { <Problems key={key} ..problems.clone() /> },
        Shows::WarmUp(result) => html! { <ResultScreen key={key} ..result.clone() /> },
    }
}

thread_local! {
    /// Slots whose widgets have ended, waiting for the next.
    static PARKED: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// A root element with a yew app that renders what a widget shows.
pub struct Slot {
    app: AppHandle<Mounted>,
    root: Element,
    props: MountedProps,
}

impl Slot {
    /// A slot that an ended widget left, if the page has one.
    pub fn parked() -> Option<Slot> {
        PARKED.with(|parked| parked.borrow_mut().pop())
    }

    /// A slot that an ended widget left, else a new one rendering into
    /// `fresh`.
    pub fn take(fresh: Element) -> Slot {
        Slot::parked().unwrap_or_else(|| Slot::new(fresh))
    }

    /// A new slot rendering into `root`, which it empties first.
    pub fn new(root: Element) -> Slot {
        let props = MountedProps {
            shows: Shows::Nothing,
            visit: 0,
        };
        let app =
            yew::Renderer::<Mounted>::with_root_and_props(root.clone(), props.clone()).render();
        Slot { app, root, props }
    }

    /// The element the slot renders into.
    pub fn root(&self) -> &Element {
        &self.root
    }

    /// What the slot shows now.
    pub fn shows(&self) -> &Shows {
        &self.props.shows
    }

    /// Shows `shows` for a new widget, which starts afresh.
    pub fn start(&mut self, shows: Shows) {
        self.props.visit += 1;
        self.change(shows);
    }

    /// Shows `shows` for the same widget: its components keep their state
    /// and see new properties.
    pub fn change(&mut self, shows: Shows) {
        self.props.shows = shows;
        self.app.update(self.props.clone());
    }

    /// Ends the widget: the slot shows nothing (its components, effects and
    /// listeners go at yew's next render, a microtask later), its root
    /// leaves the widget's element, and the slot waits for the page's next
    /// widget.
    pub fn park(mut self) {
        self.start(Shows::Nothing);
        self.root.remove();
        PARKED.with(|parked| parked.borrow_mut().push(self));
    }
}
