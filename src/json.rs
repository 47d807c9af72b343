//! JSON as the widget reads and writes it: a parser that says where a text
//! stops being JSON, a value to walk, and a writer.
//!
//! The widget reads questionnaires, saved progress and downloaded results,
//! and writes event details and downloads. A general-purpose serialisation
//! framework did all of that at a third of the widget's download size; this
//! is the part the widget needs. Numbers are kept as their text: nothing here
//! reads a fraction, and whole numbers are read exactly.

use std::fmt;

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 128;

/// A JSON value. An object keeps its members in the order written,
/// duplicates included, so that whoever walks it can name them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (always valid JSON number syntax).
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members, in order.
    Object(Vec<(String, Json)>),
}

/// Why a text is not JSON, and where: line and column count from 1, a
/// column in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    line: usize,
    column: usize,
    reason: &'static str,
}

impl SyntaxError {
    /// The line of the first character that does not fit, from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column of that character, from 1.
    pub fn column(&self) -> usize {
        self.column
    }

    /// What was wrong there, such as "EOF while parsing a string".
    pub fn reason(&self) -> &str {
        self.reason
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.reason, self.line, self.column
        )
    }
}

impl std::error::Error for SyntaxError {}

impl Json {
    /// Parses `text`, which must hold exactly one JSON value (white space
    /// around it allowed).
    pub fn parse(text: &str) -> Result<Json, SyntaxError> {
        let mut parser = Parser {
            text: text.as_bytes(),
            at: 0,
            depth: 0,
        };
        let value = parser.value().map_err(|reason| parser.error(reason))?;
        parser.skip_space();
        if parser.at < parser.text.len() {
            return Err(parser.error("trailing characters"));
        }
        Ok(value)
    }

    /// A whole number.
    pub fn from_u64(number: u64) -> Json {
        Json::Number(number.to_string())
    }

    /// `value`, or `null` for `None`.
    pub fn or_null<T>(value: Option<T>, to_json: impl FnOnce(T) -> Json) -> Json {
        value.map_or(Json::Null, to_json)
    }

    /// The member `key` of an object (the first, should it be given twice);
    /// `None` for a missing member or a value that is no object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// A number without fraction, exponent or sign that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    /// What kind of value this is, in a site owner's words ("a string").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }

    /// The value as indented JSON (two spaces), for files people open.
    pub fn to_pretty_string(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// Writes the value; `indent` is the current depth when pretty, `None`
    /// for compact output.
    fn write(&self, out: &mut String, indent: Option<usize>) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(true) => out.push_str("true"),
            Json::Bool(false) => out.push_str("false"),
            Json::Number(text) => out.push_str(text),
            Json::String(text) => write_string(out, text),
            Json::Array(items) => write_sequence(out, indent, "[]", items, |out, item, inner| {
                item.write(out, inner)
            }),
            Json::Object(members) => {
                write_sequence(out, indent, "{}", members, |out, (key, value), inner| {
                    write_string(out, key);
                    out.push_str(if inner.is_some() { ": " } else { ":" });
                    value.write(out, inner);
                })
            }
        }
    }
}

/// Writes `items` inside `brackets`, separated by commas: pretty (when
/// `indent` is the current depth) one per line, indented a level deeper.
fn write_sequence<T>(
    out: &mut String,
    indent: Option<usize>,
    brackets: &str,
    items: &[T],
    write_item: impl Fn(&mut String, &T, Option<usize>),
) {
    let (open, close) = brackets.split_at(1);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    out.push_str(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if let Some(depth) = indent {
            newline(out, depth + 1);
        }
        write_item(out, item, indent.map(|d| d + 1));
    }
    if let (Some(depth), false) = (indent, items.is_empty()) {
        newline(out, depth);
    }
    out.push_str(close);
}

/// Compact JSON, as sent in events and kept in storage.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out, None);
        f.write_str(&out)
    }
}

impl From<&str> for Json {
    fn from(text: &str) -> Json {
        Json::String(text.to_string())
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Json {
        Json::Bool(value)
    }
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A recursive-descent parser over the text's bytes; `at` is the next byte.
struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    depth: usize,
}

type Parsed<T> = Result<T, &'static str>;

impl Parser<'_> {
    /// The error at the current position. As in serde_json's messages, the
    /// column points at the character that did not fit, or at the last one
    /// when the text ends too soon.
    fn error(&self, reason: &'static str) -> SyntaxError {
        let at_end = self.at >= self.text.len();
        let before = &self.text[..self.at.min(self.text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = before[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        SyntaxError {
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column: if at_end { column.max(1) } else { column + 1 },
            reason,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Parsed<Json> {
        self.skip_space();
        match self.peek() {
            None => Err("EOF while parsing a value"),
            Some(b'n') => self.word("null", Json::Null),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(Parser::array),
            Some(b'{') => self.nested(Parser::object),
            Some(_) => Err("expected value"),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Parsed<Json> {
        for &expected in word.as_bytes() {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err("expected value"),
                None => return Err("EOF while parsing a value"),
            }
        }
        Ok(value)
    }

    fn nested(&mut self, parse: fn(&mut Self) -> Parsed<Json>) -> Parsed<Json> {
        if self.depth == MAX_DEPTH {
            return Err("recursion limit exceeded");
        }
        self.depth += 1;
        self.at += 1;
        let value = parse(self)?;
        self.depth -= 1;
        Ok(value)
    }

    fn array(&mut self) -> Parsed<Json> {
        let mut items = Vec::new();
        if self.closes(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            if self.after_item(b']', "expected `,` or `]`", "EOF while parsing a list")? {
                return Ok(Json::Array(items));
            }
            if self.peek() == Some(b']') {
                return Err("trailing comma");
            }
        }
    }

    fn object(&mut self) -> Parsed<Json> {
        let mut members = Vec::new();
        if self.closes(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err("trailing comma"),
                Some(_) => return Err("key must be a string"),
                None => return Err("EOF while parsing an object"),
            }
            let key = self.string()?;
            self.skip_space();
            match self.peek() {
                Some(b':') => self.at += 1,
                Some(_) => return Err("expected `:`"),
                None => return Err("EOF while parsing an object"),
            }
            members.push((key, self.value()?));
            if self.after_item(b'}', "expected `,` or `}`", "EOF while parsing an object")? {
                return Ok(Json::Object(members));
            }
        }
    }

    /// Whether the array or object just opened is empty: its `close` comes
    /// first (and is consumed).
    fn closes(&mut self, close: u8) -> bool {
        self.skip_space();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
        }
        empty
    }

    /// What follows an item: `true` at the closing `close` (consumed),
    /// `false` after a comma (consumed, with the space after it), else the
    /// error `expected`, or `eof` when the text ends.
    fn after_item(&mut self, close: u8, expected: &'static str, eof: &'static str) -> Parsed<bool> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                self.skip_space();
                Ok(false)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(true)
            }
            Some(_) => Err(expected),
            None => Err(eof),
        }
    }

    fn number(&mut self) -> Parsed<Json> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while let Some(b'0'..=b'9') = p.peek() {
                p.at += 1;
            }
            p.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err("invalid number"),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err("invalid number");
            }
        }
        // Only ASCII digits and signs were consumed.
        let text = String::from_utf8_lossy(&self.text[start..self.at]);
        Ok(Json::Number(text.into_owned()))
    }

    fn string(&mut self) -> Parsed<String> {
        self.at += 1;
        let mut bytes = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err("EOF while parsing a string");
            };
            match b {
                b'"' => {
                    self.at += 1;
                    // The input is a &str and escapes add whole characters.
                    return String::from_utf8(bytes).map_err(|_| "invalid unicode code point");
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = match self.peek() {
                        None => return Err("EOF while parsing a string"),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        Some(_) => return Err("invalid escape"),
                    };
                    self.at += 1;
                    let mut buffer = [0; 4];
                    bytes.extend_from_slice(escaped.encode_utf8(&mut buffer).as_bytes());
                }
                0..0x20 => {
                    return Err("control character (\\u0000-\\u001F) found while parsing a string");
                }
                _ => {
                    bytes.push(b);
                    self.at += 1;
                }
            }
        }
    }

    /// Reads `uXXXX` (and a following `\uXXXX` for a surrogate pair),
    /// leaving `at` on the last hex digit.
    fn unicode_escape(&mut self) -> Parsed<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.text.get(self.at + 1..self.at + 3) != Some(b"\\u") {
                    return Err("lone leading surrogate in hex escape");
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err("lone leading surrogate in hex escape");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err("lone trailing surrogate in hex escape"),
            code => code,
        };
        char::from_u32(code).ok_or("invalid unicode code point")
    }

    /// Reads four hex digits: `at` starts on the `u` before them and ends on
    /// the last.
    fn hex4(&mut self) -> Parsed<u32> {
        let mut code = 0;
        for _ in 0..4 {
            self.at += 1;
            let digit = match self.peek() {
                None => return Err("EOF while parsing a string"),
                Some(b) => char::from(b).to_digit(16).ok_or("invalid escape")?,
            };
            code = code * 16 + digit;
        }
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        let err = Json::parse(text).unwrap_err();
        format!("{}:{} {}", err.line(), err.column(), err.reason())
    }

    #[test]
    fn values_read_as_written() {
        let value = Json::parse(
            r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "a": {}} "#,
        )
        .unwrap();
        let Json::Object(members) = &value else {
            panic!("{value:?}")
        };
        assert_eq!(members.len(), 3, "duplicates are kept");
        assert_eq!(
            value.get("a"),
            Some(&Json::Array(vec![
                Json::from_u64(1),
                Json::Number("-2.5e3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ]))
        );
        assert_eq!(value.get("b").and_then(Json::as_str), Some("x\"\\/\né😀"));
        assert_eq!(Json::parse("12").unwrap().as_u64(), Some(12));
        for not_whole in ["1.0", "-1", "1e2", "18446744073709551616"] {
            assert_eq!(
                Json::parse(not_whole).unwrap().as_u64(),
                None,
                "{not_whole}"
            );
        }
    }

    #[test]
    fn errors_say_where_and_why() {
        assert_eq!(error(""), "1:1 EOF while parsing a value");
        assert_eq!(error("{\n  \"a\": \"b"), "2:9 EOF while parsing a string");
        assert_eq!(error("{\n  a: 1}"), "2:3 key must be a string");
        assert_eq!(error("[1, 2,]"), "1:7 trailing comma");
        assert_eq!(error("{\"a\": 1,}"), "1:9 trailing comma");
        assert_eq!(error("[1 2]"), "1:4 expected `,` or `]`");
        assert_eq!(error("{\"a\" 1}"), "1:6 expected `:`");
        assert_eq!(error("{\"é\": 1 2}"), "1:9 expected `,` or `}`");
        assert_eq!(error("01"), "1:2 trailing characters");
        assert_eq!(error("1."), "1:2 invalid number");
        assert_eq!(error("-"), "1:1 invalid number");
        assert_eq!(error("tru"), "1:3 EOF while parsing a value");
        assert_eq!(error("nul!"), "1:4 expected value");
        assert_eq!(
            error("\"a\tb\""),
            "1:3 control character (\\u0000-\\u001F) found while parsing a string"
        );
        assert_eq!(error(r#""\x""#), "1:3 invalid escape");
        assert_eq!(
            error(r#""\ud83d""#),
            "1:7 lone leading surrogate in hex escape"
        );
        assert_eq!(
            error(r#""\ude00""#),
            "1:7 lone trailing surrogate in hex escape"
        );
        assert_eq!(error(r#""\u12"#), "1:5 EOF while parsing a string");
        assert_eq!(error(&"[".repeat(200)), "1:129 recursion limit exceeded");
    }

    #[test]
    fn written_json_reads_back_the_same() {
        let value = Json::Object(vec![
            (
                "text".into(),
                "quote \" backslash \\ tab \t bell \u{7} é".into(),
            ),
            (
                "list".into(),
                Json::Array(vec![Json::from_u64(3), Json::Null, true.into()]),
            ),
            ("empty".into(), Json::Object(vec![])),
            ("none".into(), Json::Array(vec![])),
        ]);
        let compact = value.to_string();
        assert_eq!(
            compact,
            r#"{"text":"quote \" backslash \\ tab \t bell \u0007 é","list":[3,null,true],"empty":{},"none":[]}"#
        );
        assert_eq!(Json::parse(&compact).unwrap(), value);
        let pretty = value.to_pretty_string();
        assert!(pretty.starts_with("{\n  \"text\": \"quote"), "{pretty}");
        assert!(
            pretty.contains("\"list\": [\n    3,\n    null,\n    true\n  ],"),
            "{pretty}"
        );
        assert_eq!(Json::parse(&pretty).unwrap(), value);
    }
}
