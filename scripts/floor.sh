#!/usr/bin/env bash
# What yew costs before the quiz does anything: builds the smallest yew app
# that is still a form (one function component, one use_reducer, a fieldset
# with a radio and a button) with this crate's release profile, the same
# wasm-bindgen and `wasm-opt -Oz`, and prints its wasm's and JS glue's raw,
# gzip -9 and brotli -q 11 bytes. BENCHMARKS.md ("The floor") explains why
# this number decides what issue 7's 90 KB target leaves for the quiz.
#
# Usage:  bash scripts/floor.sh
#
# The app is built in target/floor/ with the repository's Cargo.lock, so it
# uses the very yew and wasm-bindgen versions the widget does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$PWD

# Sourced for the PATH additions (wasm-bindgen, wasm-opt).
source scripts/setup.sh

app=target/floor
mkdir -p "$app/src"
cat >"$app/Cargo.toml" <<'EOF'
[package]
name = "floor"
version = "0.1.0"
edition = "2024"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
yew = { version = "0.23", features = ["csr"] }
wasm-bindgen = "0.2"

# The widget's release profile.
[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"

# Not part of the widget's workspace.
[workspace]
EOF
cat >"$app/src/lib.rs" <<'EOF'
//! The smallest yew app that is still a form: see scripts/floor.sh.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(PartialEq)]
struct Count(u32);

enum Step {
    Forward,
    Back,
}

impl Reducible for Count {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        Rc::new(Count(match step {
            Step::Forward => self.0 + 1,
            Step::Back => self.0.saturating_sub(1),
        }))
    }
}

#[derive(PartialEq, Properties)]
struct QuestionProps {
    number: u32,
    on_step: Callback<Step>,
}

#[component]
fn Question(props: &QuestionProps) -> Html {
    let forward = props.on_step.reform(|_: Event| Step::Forward);
    let back = props.on_step.reform(|_: MouseEvent| Step::Back);
    html! {
        <fieldset>
            <legend>{ "Question " }{ props.number }</legend>
            <label><input type="radio" name="answer" onchange={forward} />{ "One" }</label>
            <button onclick={back}>{ "Back" }</button>
        </fieldset>
    }
}

#[component]
fn App() -> Html {
    let count = use_reducer(|| Count(0));
    let dispatcher = count.dispatcher();
    let on_step = Callback::from(move |step| dispatcher.dispatch(step));
    html! {
        <main>
            <h1>{ "Quiz" }</h1>
            <Question number={count.0} {on_step} />
        </main>
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<App>::new().render();
}
EOF
cp Cargo.lock "$app/Cargo.lock"

echo "floor: cargo build --release (target/floor)"
(cd "$app" && cargo build --release --target wasm32-unknown-unknown --quiet)
rm -rf "$app/out"
wasm-bindgen --target web --no-typescript --out-dir "$app/out" \
	"$app/target/wasm32-unknown-unknown/release/floor.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-mutable-globals \
	"$app/out/floor_bg.wasm" -o "$app/out/floor_bg.wasm"

echo "floor: a one-component yew app"
bash "$repo/scripts/size.sh" --files "$app/out/floor_bg.wasm" "$app/out/floor.js"
