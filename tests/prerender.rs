//! The prerendered intro (src/prerender.rs): the tree the loader builds
//! holds exactly the markup the widget's components render, in every
//! language; the data the loader reads says what it needs; and nothing that
//! would run, load or style something can get into the tree.

use std::rc::Rc;

use maturity_quiz::prerender::{Node, loader_data, markup, tree};
use mq_core::i18n::{choose_language, ui_text, widget_language};
use mq_core::model::Questionnaire;
use mq_core::saved::{Place, WidgetPlace, storage_key};

fn built_in() -> Rc<Questionnaire> {
    Rc::new(Questionnaire::built_in())
}

/// `node` written back as markup, escaped as yew's server renderer escapes.
fn write(node: &Node, out: &mut String) {
    match node {
        Node::Text(text) => out.push_str(&html_escape::encode_text(text)),
        Node::Element(element) => {
            out.push('<');
            out.push_str(&element.tag);
            for (name, value) in &element.attributes {
                out.push_str(&format!(
                    " {name}=\"{}\"",
                    html_escape::encode_double_quoted_attribute(value)
                ));
            }
            out.push('>');
            for child in &element.children {
                write(child, out);
            }
            out.push_str(&format!("</{}>", element.tag));
        }
    }
}

#[test]
fn the_tree_is_the_components_markup_in_every_language() {
    let q = built_in();
    for language in &q.languages {
        let rendered = markup(&q, language);
        let node = tree(&rendered).unwrap_or_else(|problem| panic!("{language}: {problem}"));
        let mut written = String::new();
        write(&node, &mut written);
        assert_eq!(
            written, rendered,
            "{language}: the tree lost or changed something"
        );
    }
}

#[test]
fn the_intro_is_the_fresh_first_screen_with_its_start_button() {
    let q = built_in();
    for language in &q.languages {
        let rendered = markup(&q, language);
        let ui = ui_text(language);
        assert!(
            rendered.starts_with(&format!(
                "<div lang=\"{language}\" part=\"widget\" class=\"mq\">"
            )),
            "{language}: the widget's box in its language: {rendered}"
        );
        let start = format!(
            "<button type=\"button\" class=\"mq-button mq-start\">{}</button>",
            ui.start
        );
        assert!(
            rendered.contains(&start),
            "{language}: {start} in {rendered}"
        );
        assert!(
            rendered.contains(&format!(">{}</h2>", q.title.get(language))),
            "{language}: the title is the heading"
        );
        for absent in ["mq-title", "mq-notice", "mq-footer", "mq-forget"] {
            assert!(
                !rendered.contains(absent),
                "{language}: a fresh intro has no {absent}"
            );
        }
    }
}

#[test]
fn the_loader_data_names_the_fallback_first_and_the_storage_prefix() {
    let q = built_in();
    let data = loader_data(&q).expect("the built-in intro prerenders");
    let languages: Vec<&str> = data["languages"]
        .as_array()
        .expect("languages")
        .iter()
        .map(|l| l.as_str().expect("a code"))
        .collect();
    assert_eq!(languages[0], choose_language([], &q.languages));
    assert_eq!(languages.len(), q.languages.len());
    for language in &languages {
        assert_eq!(data["intro"][language][0], "div", "{language}: an intro");
    }
    let texts = data["texts"].as_array().expect("texts");
    assert_eq!(texts[0]["language"], widget_language([]));
    for text in texts {
        let ui = ui_text(text["language"].as_str().expect("a code"));
        assert_eq!(text["loading"], ui.loading);
        assert_eq!(text["load_failed"], ui.load_failed);
    }
    let prefix = data["storage"].as_str().expect("storage prefix");
    let places = [
        WidgetPlace::first(),
        WidgetPlace {
            hosts: Vec::new(),
            own: Place::Position(1),
        },
        WidgetPlace {
            hosts: vec![("my-card".to_string(), Place::Position(0))],
            own: Place::Id("survey".to_string()),
        },
    ];
    for widget in &places {
        assert!(
            storage_key(&q, widget).starts_with(prefix),
            "widget {widget:?}'s key starts with {prefix}"
        );
    }
    let mut older = (*q).clone();
    older.version = 1;
    assert!(
        storage_key(&older, &WidgetPlace::first()).starts_with(prefix),
        "so do older versions' keys"
    );
}

#[test]
fn nothing_that_runs_loads_or_styles_gets_into_the_tree() {
    let refused = [
        (
            "<div><script>alert(1)</script></div>",
            "<script> is not allowed",
        ),
        ("<div><style>p{}</style></div>", "<style> is not allowed"),
        ("<div><iframe></iframe></div>", "<iframe> is not allowed"),
        ("<div><link rel=stylesheet></div>", "<link> is not allowed"),
        (
            "<div onclick=\"go()\"></div>",
            "<div onclick> is not allowed",
        ),
        ("<p style=\"color:red\">x</p>", "<p style> is not allowed"),
        (
            "<button href=\"javascript:go()\">x</button>",
            "<button href> is not allowed",
        ),
        ("<a href=\"javascript:go()\">x</a>", "<a> is not allowed"),
        ("<div><img srcset=\"x.png\"></div>", "<img> is not allowed"),
        (
            "<div><video poster=\"x.png\"></video></div>",
            "<video> is not allowed",
        ),
        (
            "<div><a ping=\"https://x\">x</a></div>",
            "<a> is not allowed",
        ),
        ("<div><form></form></div>", "<form> is not allowed"),
        ("<div><svg></svg></div>", "<svg> is not allowed"),
        ("<p formaction=\"x\">x</p>", "<p formaction> is not allowed"),
        ("<p srcset=\"x\">x</p>", "<p srcset> is not allowed"),
        ("<p aria-=\"x\">x</p>", "<p aria-> is not allowed"),
        ("<div></div><div></div>", "exactly one element"),
        ("text only", "exactly one element"),
        ("<div><!-- note --></div>", "unexpected"),
    ];
    for (markup, reason) in refused {
        let problem = tree(markup).expect_err(markup);
        assert!(problem.contains(reason), "{markup}: {problem}");
    }
}

#[test]
fn texts_keep_their_characters_and_attributes_their_order() {
    let node = tree("<p lang=\"en\" class=\"b a\">‘A’ &amp; &lt;B&gt;</p>").expect("a paragraph");
    let Node::Element(p) = node else {
        panic!("an element")
    };
    assert_eq!(
        p.attributes,
        vec![
            ("lang".to_string(), "en".to_string()),
            ("class".to_string(), "b a".to_string())
        ]
    );
    assert_eq!(p.children, vec![Node::Text("‘A’ & <B>".to_string())]);
    assert_eq!(
        serde_json::to_string(&Node::Element(p)).expect("JSON"),
        r#"["p",["lang","en","class","b a"],"‘A’ & <B>"]"#
    );
}
