//! Under the respondent's own result: an earlier result brought from
//! elsewhere (a code or link pasted, or a downloaded result chosen), to see
//! what changed since, as a second result in the same browser shows it.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use mq_core::exchange::ReadError;
use mq_core::group;
use mq_core::history::{Earlier, brought};
use mq_core::model::Questionnaire;

use crate::web::files;

/// Properties of [`EarlierForm`].
#[derive(Clone, PartialEq, Properties)]
pub struct EarlierFormProps {
    /// The questionnaire the result answers.
    pub questionnaire: Rc<Questionnaire>,
    /// The language to show.
    pub language: String,
    /// Called with the earlier result once it is read.
    pub on_earlier: Callback<Earlier>,
}

/// The field for a code or link, the file choice, and why what was given
/// could not be read.
#[component]
pub fn EarlierForm(props: &EarlierFormProps) -> Html {
    let ui = props.questionnaire.words(&props.language);
    let refused = use_state(|| None::<ReadError>);
    let code = use_node_ref();
    let take = {
        let (on_earlier, refused) = (props.on_earlier.clone(), refused.clone());
        Callback::from(move |read: Result<Earlier, ReadError>| match read {
            Ok(earlier) => {
                refused.set(None);
                on_earlier.emit(earlier);
            }
            Err(error) => refused.set(Some(error)),
        })
    };
    let on_submit = {
        let (q, code, take) = (props.questionnaire.clone(), code.clone(), take.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(input) = code.cast::<HtmlInputElement>() {
                take.emit(brought(&q, &input.value(), false));
            }
        })
    };
    let on_choose = {
        let (q, take) = (props.questionnaire.clone(), take.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(list) = input.files() else {
                return;
            };
            let (q, take) = (q.clone(), take.clone());
            spawn_local(async move {
                // One file, under the group view's limits.
                if let Some((_, text)) = files::read(list, group::admit).await.into_iter().next() {
                    take.emit(text.and_then(|text| brought(&q, &text, true)));
                }
            });
        })
    };
    html! {
        <details class="mq-earlier">
            <summary>{ ui.earlier_title }</summary>
            <form class="mq-earlier-form" onsubmit={on_submit}>
                <label class="mq-field">
                    <span class="mq-field-label">{ ui.earlier_code_label }</span>
                    <input type="text" class="mq-input mq-earlier-code" spellcheck="false" ref={code} />
                </label>
                <div class="mq-actions">
                    <button type="submit" class="mq-button mq-button-secondary mq-earlier-compare">
                        { ui.earlier_compare }
                    </button>
                </div>
                <label class="mq-field">
                    <span class="mq-field-label">{ ui.earlier_file_label }</span>
                    <input type="file" class="mq-input mq-earlier-file" accept=".json,application/json"
                        onchange={on_choose} />
                </label>
                if let Some(error) = &*refused {
                    <p class="mq-error-message mq-earlier-error" role="alert">{ error.message(ui, &props.language) }</p>
                }
            </form>
        </details>
    }
}
