//! The standalone page's entry point: a widget in every `<maturity-quiz>`.

fn main() {
    maturity_quiz::embed::mount_all();
}
