//! What a respondent can do with a result: copy its link or code, download
//! it, print it, or go on to compare a group.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::web::{files, page};
use mq_core::benchmark::Benchmark;
use mq_core::exchange::{code, csv, download, link};
use mq_core::i18n::UiText;
use mq_core::model::{Questionnaire, Response};
use mq_core::scoring::Assessment;

/// Properties of [`SharePanel`].
#[derive(Clone, PartialEq, Properties)]
pub struct SharePanelProps {
    /// The questionnaire taken.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show, and the link's.
    pub language: String,
    /// The answers behind the result, background answers included.
    pub response: Response,
    /// The result.
    pub assessment: Assessment,
    /// Called by "Compare a group".
    pub on_group: Callback<()>,
    /// The host's `share-url`, as a valid one was written; the link starts
    /// with the page's own address without one.
    #[prop_or_default]
    pub share_url: Option<String>,
    /// The poll the host gave: the downloads say where the result stands
    /// in it.
    #[prop_or_default]
    pub benchmark: Option<Rc<Benchmark>>,
}

/// Which copy last succeeded or failed, for the status line.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Link,
    Code,
    Refused,
}

impl Copied {
    fn text(self, ui: &UiText) -> &'static str {
        match self {
            Copied::Link => ui.copied_link,
            Copied::Code => ui.copied_code,
            Copied::Refused => ui.copy_failed,
        }
    }
}

/// Puts `text` on the clipboard and reports how it went through `done`.
fn copy(text: String, what: Copied, done: UseStateHandle<Option<Copied>>) {
    spawn_local(async move {
        let copied = page::copy(&text).await;
        done.set(Some(if copied { what } else { Copied::Refused }));
    });
}

/// The link and code of a result, with buttons to copy them, to download
/// the result as JSON or CSV, to print it, and to compare a group.
#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let ui = props.questionnaire.words(&props.language);
    let q = &props.questionnaire;
    let copied = use_state(|| None::<Copied>);
    let code = code::encode(q, &props.response.answers, &props.response.profile);
    let base = page::share_base(props.share_url.as_deref());
    let link = link::link(&base, q, &props.response, &props.language);
    let copy_link = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| copy(link.clone(), Copied::Link, copied.clone()))
    };
    let copy_code = {
        let (code, copied) = (code.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| copy(code.clone(), Copied::Code, copied.clone()))
    };
    let file_name = format!("{}-{}", q.id, code.replace('.', "-"));
    let download_json = {
        let props = props.clone();
        let name = format!("{file_name}.json");
        Callback::from(move |_: MouseEvent| {
            let json = download::download(
                &props.questionnaire,
                &props.language,
                &props.response,
                &props.assessment,
                props.benchmark.as_deref(),
                &page::now(),
            );
            files::save(&name, "application/json", &json);
        })
    };
    let download_csv = {
        let props = props.clone();
        let name = format!("{file_name}.csv");
        Callback::from(move |_: MouseEvent| {
            let csv = csv::result_csv(
                &props.questionnaire,
                &props.language,
                &props.response,
                &props.assessment,
                props.benchmark.as_deref(),
            );
            files::save(&name, "text/csv", &csv);
        })
    };
    let print = Callback::from(|_: MouseEvent| page::print());
    let on_group = props.on_group.reform(|_: MouseEvent| ());
    // Labels wrap their fields: no ids that two widgets could share.
    html! {
        <section class="mq-share" part="share">
            <h3 class="mq-subheading">{ ui.share_title }</h3>
            <label class="mq-share-field">
                <span class="mq-share-label">{ ui.share_link_label }</span>
                <input type="text" readonly=true class="mq-share-link" value={link} />
            </label>
            <label class="mq-share-field">
                <span class="mq-share-label">{ ui.share_code_label }</span>
                <input type="text" readonly=true class="mq-share-code" value={code} />
            </label>
            <div class="mq-actions mq-share-actions">
                <button type="button" class="mq-button mq-copy-link" onclick={copy_link}>{ ui.copy_link }</button>
                <button type="button" class="mq-button mq-button-secondary mq-copy-code" onclick={copy_code}>{ ui.copy_code }</button>
                <button type="button" class="mq-button mq-button-secondary mq-download-json" onclick={download_json}>{ ui.download_json }</button>
                <button type="button" class="mq-button mq-button-secondary mq-download-csv" onclick={download_csv}>{ ui.download_csv }</button>
                <button type="button" class="mq-button mq-button-secondary mq-print" onclick={print}>{ ui.print }</button>
                <button type="button" class="mq-button mq-button-secondary mq-open-group" onclick={on_group}>{ ui.open_group }</button>
            </div>
            <p class="mq-share-status" role="status">{ copied.map(|c| c.text(ui).to_string()) }</p>
        </section>
    }
}
