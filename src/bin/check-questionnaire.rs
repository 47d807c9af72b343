//! `check-questionnaire`: checks questionnaire files before they go on a site.
//!
//! ```sh
//! cargo run --bin check-questionnaire -- my-model.json [more.json ...]
//! ```
//!
//! Prints every problem of each file as `file: path: reason`, the same
//! messages the widget shows, and exits with 1 when any file has one; a valid
//! file gets a one-line summary, and a line `file: warning: path: reason` for
//! what works but may not be meant (a language shown with the widget's
//! English words). Exits with 2 when no file is given.

use std::process::ExitCode;

use mq_core::model::Questionnaire;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: check-questionnaire FILE.json [FILE.json ...]");
        return ExitCode::from(2);
    }
    let mut all_valid = true;
    for file in &files {
        let checked = std::fs::read_to_string(file)
            .map_err(|err| vec![format!("cannot read: {err}")])
            .and_then(|json| {
                Questionnaire::from_json(&json).map_err(|invalid| {
                    let mut problems = invalid.problems().to_vec();
                    if invalid.omitted() > 0 {
                        problems.push(format!("…and {} more", count(invalid.omitted(), "problem")));
                    }
                    problems
                })
            });
        match checked {
            Ok(q) => {
                println!(
                    "{file}: valid: \"{}\" version {}, {}, {}, {}, in {}",
                    q.id,
                    q.version,
                    count(q.phases.len(), "phase"),
                    count(q.dimensions.len(), "dimension"),
                    count(q.questions.len(), "question"),
                    q.languages.join(", ")
                );
                for warning in q.warnings() {
                    println!("{file}: warning: {warning}");
                }
            }
            Err(problems) => {
                all_valid = false;
                for problem in problems {
                    println!("{file}: {problem}");
                }
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// "1 dimension", "4 dimensions".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
