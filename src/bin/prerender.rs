//! Prints, as JSON, what `embed.js` needs to show the built-in
//! questionnaire's intro before the wasm arrives (see
//! `maturity_quiz::prerender`). `scripts/bundle-loader.sh` runs it at each
//! build and writes its output into the loader.

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
