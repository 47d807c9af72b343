//! A result as a link: the page's address with the result's code and
//! language in its fragment (`#r=CODE&lang=en`), which browsers never send
//! to a server; and `#group`, which opens the group view. Also one line a
//! facilitator pastes, a code or a link.

use crate::model::{Questionnaire, Response};

use super::code::{decode, encode};
use super::error::{Problem, ReadError};

/// What a page's URL fragment asks a widget to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// A shared result (`#r=CODE`), in the link's language when it gives one
    /// (`&lang=en`) that the questionnaire speaks.
    Result {
        /// The answers behind the result.
        response: Response,
        /// The language to show it in.
        language: Option<String>,
    },
    /// A result link whose code cannot be read.
    Invalid(ReadError),
    /// The group view (`#group`).
    Group,
}

/// The value of `name` in a fragment such as `r=CODE&lang=en`.
fn parameter<'a>(fragment: &'a str, name: &str) -> Option<&'a str> {
    fragment
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// The fragment that opens the group view (`#group`). The loader reads it
/// from the build's data (src/prerender.rs), to know the widget will not
/// open on its intro.
pub const GROUP_FRAGMENT: &str = "group";

/// The fragment's parameter that carries a result's code (`#r=CODE`); the
/// loader reads it from the build's data too.
pub const RESULT_PARAMETER: &str = "r";

/// What `hash` (`location.hash`, with or without its `#`) asks for, or
/// `None` when it is not meant for the widget (the page's own anchors).
pub fn follow(questionnaire: &Questionnaire, hash: &str) -> Option<Link> {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    if fragment == GROUP_FRAGMENT {
        return Some(Link::Group);
    }
    let code = parameter(fragment, RESULT_PARAMETER)?;
    Some(match decode(questionnaire, code) {
        Ok(response) => Link::Result {
            response,
            language: parameter(fragment, "lang")
                .filter(|l| questionnaire.speaks(l))
                .map(str::to_string),
        },
        Err(error) => Link::Invalid(error),
    })
}

/// The link to a result: `base` (the page's address from [`page_base`], or
/// the host's `share-url`; any fragment it has is replaced) with the code of
/// `response` and the language in its fragment.
pub fn link(
    base: &str,
    questionnaire: &Questionnaire,
    response: &Response,
    language: &str,
) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!(
        "{base}#{RESULT_PARAMETER}={}&lang={language}",
        encode(questionnaire, &response.answers, &response.profile)
    )
}

/// The page's address `href` as a result's link starts with it: without
/// its query and fragment, since a query often holds what the respondent
/// must not pass on (an invitation token, an e-mail address, campaign tags).
pub fn page_base(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    &href[..end]
}

/// The answers in one line a facilitator pasted: a code, or a link with a
/// code in its fragment; surrounding spaces do not count.
pub fn read_line(questionnaire: &Questionnaire, line: &str) -> Result<Response, ReadError> {
    let line = line.trim();
    match line.split_once('#') {
        Some((_, fragment)) => match parameter(fragment, RESULT_PARAMETER) {
            Some(code) => decode(questionnaire, code),
            None => Err(ReadError(Problem::NoCode)),
        },
        None => decode(questionnaire, line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Level};
    use crate::testing::q;

    #[test]
    fn links_carry_the_code_and_the_language() {
        let q = q();
        let response = Response {
            answers: vec![Some(Answer::Level(Level(2))); 12],
            profile: vec![Some(3), None],
        };
        let page = "https://example.org/page?token=secret&email=jan%40example.org#top";
        let link = link(page_base(page), &q, &response, "en");
        let code = encode(&q, &response.answers, &response.profile);
        assert_eq!(
            link,
            format!("https://example.org/page#r={code}&lang=en"),
            "the page's query stays out of the link"
        );
        assert_eq!(
            page_base("https://example.org/a#b?c"),
            "https://example.org/a"
        );
        assert_eq!(page_base("file:///C:/quiz.html"), "file:///C:/quiz.html");
        assert_eq!(
            super::link(
                "https://example.org/results?from=share#old",
                &q,
                &response,
                "nl"
            ),
            format!("https://example.org/results?from=share#r={code}&lang=nl"),
            "a share-url is the host's choice, query and all"
        );
        let hash = &link[link.find('#').unwrap()..];
        assert_eq!(
            follow(&q, hash),
            Some(Link::Result {
                response: response.clone(),
                language: Some("en".to_string())
            })
        );
        assert_eq!(read_line(&q, &format!("  {link}  ")), Ok(response.clone()));
        assert_eq!(read_line(&q, &code), Ok(response));
        assert_eq!(follow(&q, "#group"), Some(Link::Group));
        assert_eq!(follow(&q, "#zelftest"), None, "the page's own anchors");
        assert!(matches!(follow(&q, "#r=oops"), Some(Link::Invalid(_))));
        assert_eq!(
            read_line(&q, "https://example.org/#top")
                .unwrap_err()
                .to_string(),
            "The link contains no result code (#r=…)."
        );
    }
}
