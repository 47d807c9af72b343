//! The demo page's benchmark, `demo-poll.json`: the group view's own sums
//! (`Benchmark::of`) over a generated poll of 240 organisations, so that a
//! result on the demo page says where it stands among them. The poll comes
//! from a fixed seed: the file changes only when the questionnaire or the
//! sums do. Its title says the organisations are made up.
//!
//! The test fails when the committed file is not what the generator makes
//! now; `UPDATE_DEMO_POLL=1 cargo test --test demo_poll` writes it.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use mq_core::benchmark::Benchmark;
use mq_core::exchange::code::encode;
use mq_core::group::Group;
use mq_core::model::{Answer, Level, Questionnaire};

const FILE: &str = "demo-poll.json";

/// How many organisations the generated poll has.
const ORGANISATIONS: usize = 240;

/// xorshift64*: a few lines of well-known generator, enough for made-up
/// organisations, and the same on every machine.
struct Generator(u64);

impl Generator {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) % bound
    }

    /// An index into `weights`, each drawn in proportion to its weight.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let mut draw = self.below(weights.iter().sum());
        weights
            .iter()
            .position(|&w| {
                let hit = draw < w;
                draw = draw.saturating_sub(w);
                hit
            })
            .unwrap_or(0)
    }
}

/// The generated poll, one result code per organisation: each has a phase
/// it mostly answers at (fewer organisations the more mature the phase),
/// answers a question a phase lower or higher now and then (higher more
/// often on the channels and dialogue, lower on monitoring and
/// integration, as organisations tend to use social media before they
/// measure or weave it in), says "don't know" to one in twenty, and skips
/// a background question one time in ten.
fn generated_poll(q: &Questionnaire) -> Vec<String> {
    let mut generator = Generator(0x6d61_7475_7269_7479);
    let top = q.top_level().0;
    (0..ORGANISATIONS)
        .map(|_| {
            let phase = generator.weighted(&[30, 40, 22, 8]) as u8 + 1;
            let answers: Vec<Option<Answer>> = q
                .questions
                .iter()
                .map(|question| {
                    let lift = match question.dimension.as_str() {
                        "channels" | "dialogue" => 10,
                        "monitoring" | "integration" => -10,
                        _ => 0,
                    };
                    let draw = generator.below(100) as i32;
                    Some(if draw < 5 {
                        Answer::DontKnow
                    } else if draw < 20 - lift {
                        Answer::Level(Level(phase.saturating_sub(1).max(1)))
                    } else if draw < 85 - lift {
                        Answer::Level(Level(phase))
                    } else {
                        Answer::Level(Level((phase + 1).min(top)))
                    })
                })
                .collect();
            let profile: Vec<Option<usize>> = q
                .profile
                .iter()
                .map(|question| {
                    let answers = question.answers.len() as u64;
                    (generator.below(10) != 0).then(|| generator.below(answers) as usize)
                })
                .collect();
            encode(q, &answers, &profile)
        })
        .collect()
}

#[test]
fn the_demo_page_benchmark_is_the_generated_poll_summed_up() {
    let q = Questionnaire::built_in();
    let codes = generated_poll(&q);
    let group = Group::read(&q, &codes.join("\n"), &[]);
    assert_eq!(group.rejected, []);
    let benchmark = Benchmark::of(
        &q,
        &group,
        "Voorbeeldpeiling met verzonnen organisaties",
        "december 2026",
    );
    assert_eq!(benchmark.overall.results, ORGANISATIONS);
    assert_eq!(
        benchmark.omitted,
        [],
        "every segment has five results or more"
    );
    let generated = benchmark.to_json() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    if std::env::var_os("UPDATE_DEMO_POLL").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{FILE} is not the generated poll's benchmark: run \
         `UPDATE_DEMO_POLL=1 cargo test --test demo_poll` and commit it"
    );
    assert_eq!(
        Benchmark::read(&q, &committed),
        Ok(benchmark),
        "it reads back"
    );
}
