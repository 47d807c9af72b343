//! Reading CSV text as the group view needs it: records of fields, each
//! with the line it starts on, as RFC 4180 has it (quoted fields may hold
//! commas, doubled quotes and line breaks). Writing is
//! [`crate::report::csv_line`]'s.
//!
//! Spreadsheets set to Dutch write semicolons instead of commas; the header
//! line says which one a text uses.

/// A quoted field that is still open at the end of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unclosed;

/// Every record of `text` with the line it starts on (from 1), blank lines
/// skipped. The separator is the header's: a semicolon when the first
/// line has one and no comma, else a comma. A byte order mark is skipped.
pub fn records(text: &str) -> Vec<(usize, Result<Vec<String>, Unclosed>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let separator = if first.contains(';') && !first.contains(',') {
        ';'
    } else {
        ','
    };
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = vec![String::new()];
        let mut quoted = false;
        while let Some(c) = chars.next() {
            let field = fields.last_mut().expect("a record has a field");
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' if quoted => quoted = false,
                '"' if field.is_empty() => quoted = true,
                '\n' | '\r' if !quoted => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    break;
                }
                c if c == separator && !quoted => fields.push(String::new()),
                c => {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c);
                }
            }
        }
        let blank = fields.len() == 1 && fields[0].trim().is_empty() && !quoted;
        if quoted {
            records.push((start, Err(Unclosed)));
        } else if !blank {
            records.push((start, Ok(fields)));
        }
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",\r\n";
        assert_eq!(
            records(text),
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
            records("\u{feff}a;b\n1;2,5\n3;\"open"),
            [
                (1, Ok(vec!["a".into(), "b".into()])),
                (2, Ok(vec!["1".into(), "2,5".into()])),
                (3, Err(Unclosed)),
            ]
        );
    }
}
