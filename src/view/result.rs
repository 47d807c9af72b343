//! The result: the phase reached, why, where each dimension stands, and
//! what comes next.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::app::Peers;
use crate::view::dimension_chart::DimensionChart;
use crate::view::earlier::EarlierForm;
use crate::view::focus::use_focus;
use crate::view::share::SharePanel;
use crate::web::idle;
use mq_core::explain;
use mq_core::history::{Change, Earlier};
use mq_core::i18n::args;
use mq_core::model::{Level, Questionnaire, Response};
use mq_core::scoring::{Assessment, Outcome};

/// Properties of [`ResultScreen`].
#[derive(Clone, PartialEq, Properties)]
pub struct ResultScreenProps {
    /// The questionnaire taken.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show.
    pub language: String,
    /// Whether the respondent arrived here by moving between screens, so
    /// that focus should follow.
    pub moved: bool,
    /// The answers, background answers included.
    pub response: Response,
    /// What the scoring rule makes of them (the quiz assessed them once).
    pub outcome: Outcome,
    /// Whether these are someone else's answers, from a link: then there is
    /// nothing to revisit or start again.
    pub shared: bool,
    /// Where to send a respondent who gave too few answers.
    pub first_without_level: Option<usize>,
    /// Called by "start again".
    pub on_restart: Callback<()>,
    /// Called with a question to open again.
    pub on_revisit: Callback<usize>,
    /// Called by "Compare a group".
    pub on_group: Callback<()>,
    /// The host's `share-url`, for the result's link.
    #[prop_or_default]
    pub share_url: Option<String>,
    /// The poll the host gave to compare the result with.
    #[prop_or_default]
    pub peers: Peers,
    /// What changed since the respondent's previous result in this browser.
    #[prop_or_default]
    pub since: Option<Rc<Change>>,
    /// Called with an earlier result the respondent brings (a code, a link
    /// or a download) to compare with.
    #[prop_or_default]
    pub on_earlier: Callback<Earlier>,
    /// Whether the whole result comes in one frame. Otherwise the verdict
    /// (the phase, why and what it means) is painted first and the rest
    /// (comparisons, chart, next steps, sharing) right after: the visitor
    /// reads the top while the longer part is laid out.
    #[prop_or_default]
    pub at_once: bool,
}

/// The assessment of the answers, or a request for more of them.
#[component]
pub fn ResultScreen(props: &ResultScreenProps) -> Html {
    let language = props.language.as_str();
    let ui = props.questionnaire.words(language);
    let heading = use_node_ref();
    use_focus(heading.clone(), props.moved.then_some(()));
    let whole = use_state(|| props.at_once);
    {
        let whole = whole.clone();
        use_effect_with((), move |_| {
            if !*whole {
                idle::after_next_paint(move || whole.set(true));
            }
        });
    }
    // Starting again deletes every answer, so it asks once first.
    let confirming = use_state(|| false);
    let confirm_yes = use_node_ref();
    use_focus(confirm_yes.clone(), confirming.then_some(()));
    let restart = if props.shared {
        html! {}
    } else if *confirming {
        let cancel = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(false))
        };
        html! {
            <div class="mq-confirm" role="group" aria-label={ui.restart}>
                <p class="mq-confirm-text">{ ui.restart_confirm }</p>
                <button type="button" class="mq-button mq-restart-yes" ref={confirm_yes}
                    onclick={props.on_restart.reform(|_: MouseEvent| ())}>
                    { ui.restart_yes }
                </button>
                <button type="button" class="mq-button mq-button-secondary mq-restart-cancel" onclick={cancel}>
                    { ui.cancel }
                </button>
            </div>
        }
    } else {
        let ask = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(true))
        };
        html! {
            <button type="button" class="mq-button mq-button-secondary mq-restart" onclick={ask}>
                { ui.restart }
            </button>
        }
    };
    match &props.outcome {
        Outcome::TooFewAnswers { answered, needed } => {
            let revisit = props.first_without_level.unwrap_or(0);
            let on_review = props.on_revisit.reform(move |_: MouseEvent| revisit);
            let body = explain::too_few(*answered, props.response.answers.len(), *needed, ui);
            html! {
                <section class="mq-result mq-too-few" part="result">
                    <h2 class="mq-heading" tabindex="-1" ref={heading.clone()}>{ ui.too_few_title }</h2>
                    <p>{ body }</p>
                    if !props.shared {
                        <div class="mq-actions">
                            <button type="button" class="mq-button mq-review" onclick={on_review}>{ ui.review }</button>
                            { restart }
                        </div>
                    }
                </section>
            }
        }
        Outcome::Assessed(assessment) => {
            let q = &props.questionnaire;
            let changed = props
                .since
                .as_ref()
                .map(|change| explain::changed(q, change, language));
            let phase = q.phase(assessment.phase);
            let shared = props.shared;
            let label = match (assessment.provisional, shared) {
                (false, false) => ui.result_label,
                (false, true) => ui.result_label_shared,
                (true, false) => ui.result_label_provisional,
                (true, true) => ui.result_label_provisional_shared,
            };
            html! {
                <section class="mq-result" part="result">
                    <h2 class="mq-result-heading" tabindex="-1" ref={heading.clone()}>
                        <span class="mq-result-label">{ label }</span>
                        <span class="mq-phase-name">{ phase.name.get(language) }</span>
                    </h2>
                    <ol class="mq-ladder" aria-label={ui.phase_of(args::PhaseOf {
                        n: &assessment.phase.0.to_string(),
                        total: &q.phases.len().to_string(),
                    })}>
                        for (i, p) in q.phases.iter().enumerate() {
                            <li class={if i == assessment.phase.index() { "mq-ladder-step mq-ladder-current" } else { "mq-ladder-step" }}
                                aria-current={(i == assessment.phase.index()).then_some("step")}>
                                { p.name.get(language) }
                            </li>
                        }
                    </ol>
                    // What a provisional result rests on comes before its
                    // description, so that it is never read as final.
                    { note("mq-note-provisional", explain::provisional(q, assessment, language)) }
                    <div class="mq-description">{ paragraphs(phase.description.get(language)) }</div>
                    <p class="mq-disclaimer">{ ui.result_disclaimer }</p>
                    { notes(q, assessment, shared, language) }
                    if *whole {
                        { compared(q, assessment, &props.response, &props.peers, language) }
                        if let Some((phase, dimensions)) = changed.as_ref().and_then(|lines| lines.split_first()) {
                            <section class="mq-compared mq-changed" part="changed">
                                <h3 class="mq-subheading">{ ui.change_heading }</h3>
                                <p class="mq-changed-phase">{ phase }</p>
                                <ul class="mq-changed-dimensions">
                                    for line in dimensions.iter() {
                                        <li>{ line }</li>
                                    }
                                </ul>
                            </section>
                        }
                        if !shared {
                            <EarlierForm questionnaire={q.clone()} language={language.to_string()}
                                on_earlier={props.on_earlier.clone()} />
                        }
                        <h3 class="mq-subheading">{ ui.dimensions_title }</h3>
                        <DimensionChart questionnaire={q.clone()} language={language.to_string()}
                            dimensions={assessment.dimensions.clone()} medians={medians(&props.peers)} />
                        <h3 class="mq-subheading">{ explain::next_steps_title(shared, ui) }</h3>
                        if let Some(top) = explain::top_reached(assessment, shared, ui) {
                            <p class="mq-top-reached">{ top }</p>
                        }
                        <ol class="mq-next-steps" part="next-steps">
                            for (dimension, now, next) in standings(assessment) {
                                <li class="mq-next-step">
                                    <strong class="mq-next-step-dimension">
                                        { q.dimensions[dimension].name.get(language) }
                                    </strong>
                                    <span class="mq-next-step-now">
                                        <span class="mq-next-step-label">
                                            { ui.dimension_now(args::DimensionNow { phase: q.phase(now).name.get(language) }) }
                                        </span>
                                        { " " }
                                        { q.dimensions[dimension].levels[now.index()].get(language) }
                                    </span>
                                    if let Some(next) = next {
                                        <span class="mq-next-step-towards">
                                            <span class="mq-next-step-label">
                                                { ui.next_step_towards(args::NextStepTowards { phase: q.phase(next).name.get(language) }) }
                                            </span>
                                            { " " }
                                            <span class="mq-next-step-text">
                                                { q.dimensions[dimension].levels[next.index()].get(language) }
                                            </span>
                                        </span>
                                    }
                                </li>
                            }
                        </ol>
                        <SharePanel questionnaire={q.clone()} language={language.to_string()}
                            response={props.response.clone()} assessment={assessment.clone()}
                            on_group={props.on_group.clone()} share_url={props.share_url.clone()}
                            benchmark={props.peers.loaded().cloned()} />
                        <details class="mq-about">
                            <summary>{ ui.about_title }</summary>
                            { paragraphs(q.about.get(language)) }
                        </details>
                        if !props.shared {
                            <div class="mq-actions mq-restart-actions">{ restart }</div>
                        }
                    }
                </section>
            }
        }
    }
}

/// Every known dimension with its phase now and the level to reach next
/// (`None` at the top): first those with a next step, weakest first as the
/// assessment orders them, then those at the top, in the questionnaire's
/// order.
fn standings(assessment: &Assessment) -> Vec<(usize, Level, Option<Level>)> {
    let mut rows: Vec<(usize, Level, Option<Level>)> = assessment
        .next_steps
        .iter()
        .filter_map(|step| {
            let now = assessment.dimensions[step.dimension].phase?;
            Some((step.dimension, now, Some(step.level)))
        })
        .collect();
    rows.extend(
        assessment
            .dimensions
            .iter()
            .enumerate()
            .filter_map(|(d, result)| Some((d, result.phase?)))
            .filter(|(d, _)| !assessment.next_steps.iter().any(|s| s.dimension == *d))
            .map(|(d, now)| (d, now, None)),
    );
    rows
}

/// A note of class `class`, or nothing when there is no `text`.
fn note(class: &str, text: Option<String>) -> Html {
    text.map_or_else(
        Html::default,
        |text| html! { <p class={format!("mq-note {class}")}>{ text }</p> },
    )
}

/// The notes that explain an unusual result after its description: capped
/// by a weak dimension, set by the average below some dimensions, or
/// uneven. A provisional result says so above its description.
fn notes(q: &Questionnaire, assessment: &Assessment, shared: bool, language: &str) -> Html {
    html! {
        <>
            { note("mq-note-capped", explain::capped(q, assessment, shared, language)) }
            { note("mq-note-mean", explain::mean(q, assessment, shared, language)) }
            { note("mq-note-uneven", explain::uneven(assessment, shared, q.words(language))) }
        </>
    }
}

/// A text's paragraphs (separated by blank lines) as `<p>` elements.
pub fn paragraphs(text: &str) -> Html {
    text.split("\n\n")
        .map(|p| html! { <p>{ p.trim() }</p> })
        .collect()
}

/// Where the result stands in the poll the host gave, or why the poll is
/// not used; nothing when the host gave none.
fn compared(
    q: &Questionnaire,
    assessment: &Assessment,
    response: &Response,
    peers: &Peers,
    language: &str,
) -> Html {
    let ui = q.words(language);
    let sentences = match peers {
        Peers::None => return html! {},
        Peers::Loaded(benchmark) => {
            let comparison = benchmark.compare(q, assessment.phase.index(), &response.profile);
            explain::compared(q, benchmark, &comparison, assessment.phase, language)
        }
        Peers::Refused(error) => vec![ui.benchmark_refused(args::BenchmarkRefused {
            reason: &error.message(ui, language),
        })],
        Peers::Unavailable => vec![ui.benchmark_unavailable.to_string()],
    };
    html! {
        <section class="mq-compared" part="compared">
            <h3 class="mq-subheading">{ ui.benchmark_heading }</h3>
            for sentence in sentences {
                <p class="mq-compared-sentence">{ sentence }</p>
            }
        </section>
    }
}

/// The poll to mark on the dimension bars: its title and medians.
fn medians(peers: &Peers) -> Option<(AttrValue, Vec<Option<f64>>)> {
    let benchmark = peers.loaded()?;
    let medians = benchmark.overall.dimensions.iter().map(|d| d.median);
    Some((benchmark.title.clone().into(), medians.collect()))
}
