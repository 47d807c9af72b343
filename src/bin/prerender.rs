//! Prints, as JSON, what the loader (`loader/embed.js`) needs to show the
//! built-in questionnaire's intro before the wasm arrives, and the widget's
//! rules it applies until then (see `maturity_quiz::prerender`).
//! `scripts/bundle-loader.sh` runs it at each build and writes its output
//! as a module the loader imports.

use std::process::ExitCode;
use std::rc::Rc;

use maturity_quiz::prerender::loader_data;
use mq_core::model::Questionnaire;

fn main() -> ExitCode {
    match loader_data(&Rc::new(Questionnaire::built_in())) {
        Ok(data) => {
            println!("{data}");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("prerender: {problem}");
            ExitCode::FAILURE
        }
    }
}
