//! Reading and writing CSV as the group view needs it. Reading gives records
//! of fields, each with the line it starts on, as RFC 4180 has it (quoted
//! fields may hold commas, doubled quotes and line breaks), one record at a
//! time from a [`Cursor`], so that a reader can stop after the header or
//! pause between records. Writing is [`super::csv_line`]'s, with
//! every field made [`inert`] first.
//!
//! Spreadsheets set to Dutch write semicolons instead of commas; the header
//! line says which one a text uses.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some
//! with a tab or a carriage return) as a formula. OWASP's advice is to put a
//! `'` before such a cell, which spreadsheets show as text; [`inert`] does
//! that, and the reader takes that `'` off again, so that a file the widget
//! wrote reads back as it was.

use std::borrow::Cow;

/// A quoted field that is still open at the end of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unclosed;

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// What [`inert`] puts before a field.
const TEXT_MARK: char = '\'';

/// `field` as a spreadsheet cell that is never a formula: with a `'` before
/// it when it starts with a formula's character, or with a `'` of its own
/// (so that the reader can tell the two apart and [`restore`] it exactly).
pub fn inert(field: &str) -> Cow<'_, str> {
    if field.starts_with(FORMULA) || field.starts_with(TEXT_MARK) {
        Cow::Owned(format!("{TEXT_MARK}{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// A field as [`inert`] found it: without the `'` it put before a formula's
/// character or before a `'`. Any other field is left as it is, a `'` a
/// person typed before a word included.
fn restore(field: &str) -> &str {
    match field.strip_prefix(TEXT_MARK) {
        Some(rest) if rest.starts_with(FORMULA) || rest.starts_with(TEXT_MARK) => rest,
        _ => field,
    }
}

/// One record: its fields, borrowed from the text where no quote had to be
/// undone.
pub type Record<'a> = Vec<Cow<'a, str>>;

/// Where reading a CSV text has got to: the records before it have been
/// read. It holds no text, so the owner of the text can keep both and read
/// on later.
#[derive(Clone, Debug)]
pub struct Cursor {
    /// The byte the next record starts at.
    at: usize,
    /// The line that byte is on, from 1.
    line: usize,
    separator: u8,
}

impl Cursor {
    /// The start of `text`, after a byte order mark. The separator is the
    /// header's: a semicolon when the first line that is not blank has one
    /// and no comma, else a comma.
    pub fn new(text: &str) -> Cursor {
        let at = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let first = text[at..]
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let separator = if first.contains(';') && !first.contains(',') {
            b';'
        } else {
            b','
        };
        Cursor {
            at,
            line: 1,
            separator,
        }
    }

    /// How many bytes of the text have been read.
    pub fn read(&self) -> usize {
        self.at
    }

    /// The next record of `text` (the text this cursor was made for) that
    /// is not blank, with the line it starts on; `None` at the end.
    pub fn next<'a>(&mut self, text: &'a str) -> Option<(usize, Result<Record<'a>, Unclosed>)> {
        loop {
            if self.at >= text.len() {
                return None;
            }
            let start = self.line;
            let (fields, open) = self.record(text);
            let blank = fields.len() == 1 && fields[0].trim().is_empty() && !open;
            if open {
                return Some((start, Err(Unclosed)));
            }
            if !blank {
                let fields = fields
                    .into_iter()
                    .map(|field| match field {
                        Cow::Borrowed(f) => Cow::Borrowed(restore(f)),
                        Cow::Owned(mut f) => {
                            if restore(&f).len() < f.len() {
                                // The mark is one byte.
                                f.remove(0);
                            }
                            Cow::Owned(f)
                        }
                    })
                    .collect();
                return Some((start, Ok(fields)));
            }
        }
    }

    /// The record at the cursor, up to its line break or the end, and
    /// whether a quote was left open; the cursor moves past it.
    fn record<'a>(&mut self, text: &'a str) -> (Record<'a>, bool) {
        let bytes = text.as_bytes();
        let mut fields: Record<'a> = Vec::new();
        // Only ASCII bytes are looked at, so every slice falls on a
        // character's boundary.
        let mut i = self.at;
        loop {
            if bytes.get(i) == Some(&b'"') {
                // A quoted field: up to its closing quote, with "" for ".
                let mut field = String::new();
                let mut from = i + 1;
                let mut j = from;
                loop {
                    match bytes.get(j) {
                        None => {
                            self.at = text.len();
                            return (fields, true);
                        }
                        Some(b'"') if bytes.get(j + 1) == Some(&b'"') => {
                            field.push_str(&text[from..=j]);
                            j += 2;
                            from = j;
                        }
                        Some(b'"') => {
                            field.push_str(&text[from..j]);
                            j += 1;
                            break;
                        }
                        Some(b'\n') => {
                            self.line += 1;
                            j += 1;
                        }
                        Some(_) => j += 1,
                    }
                }
                // Anything between the closing quote and the separator
                // belongs to the field, as spreadsheets read it.
                let end = self.field_end(bytes, j);
                field.push_str(&text[j..end]);
                fields.push(Cow::Owned(field));
                i = end;
            } else {
                let end = self.field_end(bytes, i);
                fields.push(Cow::Borrowed(&text[i..end]));
                i = end;
            }
            match bytes.get(i) {
                Some(&b) if b == self.separator => i += 1,
                Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => {
                    self.at = i + 2;
                    self.line += 1;
                    return (fields, false);
                }
                Some(b'\r' | b'\n') => {
                    self.at = i + 1;
                    self.line += 1;
                    return (fields, false);
                }
                _ => {
                    self.at = text.len();
                    return (fields, false);
                }
            }
        }
    }

    /// Where an unquoted stretch starting at `from` ends: at the next
    /// separator, line break or the end.
    fn field_end(&self, bytes: &[u8], from: usize) -> usize {
        bytes[from..]
            .iter()
            .position(|&b| b == self.separator || b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |p| from + p)
    }
}

/// Every record of `text` with the line it starts on (from 1), blank lines
/// skipped, as [`Cursor::next`] reads them.
pub fn records(text: &str) -> impl Iterator<Item = (usize, Result<Record<'_>, Unclosed>)> {
    let mut cursor = Cursor::new(text);
    std::iter::from_fn(move || cursor.next(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<(usize, Result<Vec<String>, Unclosed>)> {
        records(text)
            .map(|(line, r)| (line, r.map(|f| f.into_iter().map(String::from).collect())))
            .collect()
    }

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",\r\n";
        assert_eq!(
            all(text),
            [
                (1, Ok(vec!["a".into(), "b".into(), "c".into()])),
                (2, Ok(vec!["1".into(), "x, y".into(), "say \"hi\"".into()])),
                (4, Ok(vec!["2".into(), "two\nlines".into(), "".into()])),
            ]
        );
    }

    #[test]
    fn semicolons_an_open_quote_and_a_byte_order_mark() {
        assert_eq!(
            all("\u{feff}a;b\n1;2,5\n3;\"open"),
            [
                (1, Ok(vec!["a".into(), "b".into()])),
                (2, Ok(vec!["1".into(), "2,5".into()])),
                (3, Err(Unclosed)),
            ]
        );
    }

    #[test]
    fn a_mark_before_a_formula_or_a_mark_is_taken_off_and_no_other() {
        assert_eq!(
            all("'=1+1,\"'-2,5\",'@x,'word,'',x'=\n"),
            [(
                1,
                Ok(vec![
                    "=1+1".into(),
                    "-2,5".into(),
                    "@x".into(),
                    "'word".into(),
                    "'".into(),
                    "x'=".into()
                ])
            )]
        );
    }

    #[test]
    fn the_cursor_stops_after_each_record_and_goes_on_from_there() {
        let text = "a,b\n\n1,2\n3,4";
        let mut cursor = Cursor::new(text);
        assert_eq!(cursor.next(text).map(|(l, _)| l), Some(1));
        assert_eq!(cursor.read(), 4);
        assert_eq!(cursor.next(text).map(|(l, _)| l), Some(3));
        assert_eq!(cursor.next(text).map(|(l, _)| l), Some(4));
        assert_eq!(cursor.read(), text.len());
        assert!(cursor.next(text).is_none());
    }
}
