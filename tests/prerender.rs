//! The prerendered intro (src/prerender.rs): the tree the loader builds
//! holds exactly the markup the widget's components render, in every
//! language; the data the loader reads holds the widget's own rules; the
//! loader's language lookup (loader/language.js, run by node) picks what
//! the widget picks; and nothing that would run, load or style something
//! can get into the tree.

use std::path::Path;
use std::process::Command;
use std::rc::Rc;

use maturity_quiz::prerender::{LanguageTable, Node, loader_data, markup, tree};
use maturity_quiz::web::host::{GROUP_MODE, INLINE_SOURCE, SOURCE_ATTRIBUTE, TAG};
use mq_core::exchange::link::{GROUP_FRAGMENT, Link, RESULT_PARAMETER, follow};
use mq_core::i18n::{choose_language, ui_text, widget_languages};
use mq_core::model::Questionnaire;
use mq_core::saved::{Place, WidgetPlace, storage_key};
use serde_json::json;

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
fn the_loader_data_holds_the_widgets_rules_and_words() {
    let q = built_in();
    let data = loader_data(&q).expect("the built-in intro prerenders");
    assert_eq!(data["tag"], TAG);
    assert_eq!(data["languages"], json!(LanguageTable::of(&q.languages)));
    for language in &q.languages {
        assert_eq!(data["intro"][language][0], "div", "{language}: an intro");
    }
    let codes: Vec<String> = widget_languages().map(str::to_string).collect();
    assert_eq!(data["texts"]["languages"], json!(LanguageTable::of(&codes)));
    for code in &codes {
        let ui = ui_text(code);
        assert_eq!(data["texts"]["words"][code]["loading"], ui.loading);
        assert_eq!(data["texts"]["words"][code]["load_failed"], ui.load_failed);
    }
    let unless = &data["intro_unless"];
    assert_eq!(
        (
            &unless["source_attribute"],
            &unless["inline_source"],
            &unless["group_mode"],
            &unless["group_fragment"],
            &unless["result_parameter"],
        ),
        (
            &json!(SOURCE_ATTRIBUTE),
            &json!(INLINE_SOURCE),
            &json!([GROUP_MODE.0, GROUP_MODE.1]),
            &json!(GROUP_FRAGMENT),
            &json!(RESULT_PARAMETER),
        )
    );
    // The fragments the loader tells apart are the ones the widget follows.
    assert_eq!(follow(&q, &format!("#{GROUP_FRAGMENT}")), Some(Link::Group));
    assert!(follow(&q, &format!("#lang=en&{RESULT_PARAMETER}=x")).is_some());
    let prefix = unless["storage"].as_str().expect("storage prefix");
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

/// What loader/language.js picks, by node, for each list of `tags` with
/// `table`.
fn loader_choices(tags: &[Vec<&str>], table: &LanguageTable) -> Vec<String> {
    let module = Path::new(env!("CARGO_MANIFEST_DIR")).join("loader/language.js");
    let output = Command::new("node")
        .args([
            "--input-type=module",
            "-e",
            "const { chooseLanguage } = await import(process.argv[1]);
             const [lists, table] = JSON.parse(process.argv[2]);
             console.log(JSON.stringify(lists.map((tags) => chooseLanguage(tags, table))));",
        ])
        .arg(&module)
        .arg(json!([tags, table]).to_string())
        .output()
        .expect("run node (scripts/setup.sh installs it)");
    assert!(
        output.status.success(),
        "node could not run {}: {}",
        module.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("a list of languages")
}

#[test]
fn the_loaders_language_lookup_picks_what_the_widget_picks() {
    let probes: Vec<Vec<&str>> = [
        "",
        "en",
        "EN",
        "nl",
        "en-GB",
        "en_gb",
        " nl-BE ",
        "pt",
        "pt-PT",
        "pt_br",
        "PT-BR",
        "de",
        "zh-Hant-TW",
        "-en",
        "en-",
        "_",
        "constructor",
        "__proto__",
        "toString",
        "hasOwnProperty",
    ]
    .iter()
    .map(|tag| vec![*tag])
    .chain([vec!["de", "fr", "en-US"], vec!["xx", "pt-AO", "nl"], vec![]])
    .collect();
    let questionnaire = &built_in().languages;
    let more = ["en", "pt-BR", "pt", "nl"].map(str::to_string).to_vec();
    let regions_first = ["pt-BR", "fr_CA", "pt", "en"].map(str::to_string).to_vec();
    for available in [questionnaire, &more, &regions_first] {
        let table = LanguageTable::of(available);
        let expected: Vec<String> = probes
            .iter()
            .map(|tags| choose_language(tags.iter().copied(), available))
            .collect();
        assert_eq!(
            loader_choices(&probes, &table),
            expected,
            "the loader's picks (left) and the widget's among {available:?}, for {probes:?}"
        );
    }
}
