//! The scoring rule: turns a respondent's answers into a phase of the maturity
//! model, with everything the result screen needs to explain it.
//!
//! This is the normative rule of the assessment brief, section "The scoring
//! rule". A dimension's score is the mean of its answered questions; the
//! overall mean `M` is the mean of the known dimension scores (each dimension
//! weighs the same); a score `x` reaches phase `floor(x + 1/4)`, clamped to the
//! questionnaire's levels; and the overall phase is
//! `min(phase(M), lowest dimension phase + 1)`, so one weak dimension caps the
//! result one phase above it.
//!
//! All arithmetic is exact: scores are fractions ([`Score`]), compared by
//! cross-multiplication, so a score exactly on a threshold always reaches the
//! phase. Nothing here touches the browser and nothing panics, whatever the
//! answers.

use std::cmp::Ordering;

use crate::model::{Answer, Level, Questionnaire};

/// A dimension score or the overall mean: an exact, non-negative fraction.
///
/// Scores are compared by value (`1/2 == 2/4`), never through floats, so a
/// score exactly on a phase threshold is never taken for one just below it.
#[derive(Clone, Copy, Debug)]
pub struct Score {
    /// The numerator, in lowest terms with `den`.
    num: u64,
    /// The denominator, never zero.
    den: u64,
}

impl Score {
    /// The score `numerator / denominator`.
    ///
    /// # Panics
    ///
    /// When `denominator` is zero. [`assess`] never builds such a score.
    pub fn new(numerator: u64, denominator: u64) -> Score {
        assert!(denominator > 0, "a score's denominator must not be zero");
        let divisor = gcd(u128::from(numerator), u128::from(denominator)) as u64;
        Score {
            num: numerator / divisor,
            den: denominator / divisor,
        }
    }

    /// The score as a float, for display only: never compare it with a
    /// threshold.
    pub fn as_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// The phase this score reaches: `floor(score + 1/4)`, clamped to levels
    /// `1..=top`.
    ///
    /// A score counts as a phase once it is three quarters of the way there:
    /// with four phases, 1.75 reaches level 2, 2.75 level 3 and 3.75 level 4,
    /// while anything below 1.75 stays at level 1.
    pub fn phase(self, top: Level) -> Level {
        // floor(n/d + 1/4) = floor((4n + d) / 4d), computed without overflow.
        let (num, den) = (u128::from(self.num), u128::from(self.den));
        let floor = (4 * num + den) / (4 * den);
        let top = top.0.max(1);
        Level(u8::try_from(floor).unwrap_or(u8::MAX).clamp(1, top))
    }

    /// The mean of `scores`, each weighing the same, or `None` when there
    /// are none.
    ///
    /// Exact whenever the result fits a `u64` fraction, which holds for any
    /// realistic questionnaire: its denominator divides the number of scores
    /// times the least common multiple of their denominators. Past that (only
    /// with dozens of dimensions of different lengths) the mean is rounded
    /// down to a multiple of 2^-32 instead of overflowing.
    fn mean(scores: &[Score]) -> Option<Score> {
        let count = u128::try_from(scores.len()).ok().filter(|&n| n > 0)?;
        Some(Score::exact_mean(scores, count).unwrap_or_else(|| {
            const UNIT: u128 = 1 << 32;
            let sum: u128 = scores
                .iter()
                .map(|s| u128::from(s.num) * UNIT / u128::from(s.den))
                .sum();
            let num = u64::try_from(sum / count).unwrap_or(u64::MAX);
            Score::new(num, UNIT as u64)
        }))
    }

    /// The exact mean of `count` (non-zero) scores, or `None` when it does
    /// not fit.
    fn exact_mean(scores: &[Score], count: u128) -> Option<Score> {
        let (mut num, mut den) = (0u128, 1u128);
        for score in scores {
            let (n, d) = (u128::from(score.num), u128::from(score.den));
            let common = gcd(den, d);
            let (scale_sum, scale_score) = (d / common, den / common);
            num = num
                .checked_mul(scale_sum)?
                .checked_add(n.checked_mul(scale_score)?)?;
            den = den.checked_mul(scale_sum)?;
            let divisor = gcd(num, den);
            (num, den) = (num / divisor, den / divisor);
        }
        let den = den.checked_mul(count)?;
        let divisor = gcd(num, den);
        Some(Score {
            num: u64::try_from(num / divisor).ok()?,
            den: u64::try_from(den / divisor).ok()?,
        })
    }
}

impl PartialEq for Score {
    fn eq(&self, other: &Score) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Score {}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Score) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Score) -> Ordering {
        // Both products fit: each factor is below 2^64.
        let left = u128::from(self.num) * u128::from(other.den);
        let right = u128::from(other.num) * u128::from(self.den);
        left.cmp(&right)
    }
}

/// The greatest common divisor, with `gcd(0, n) == n`.
fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// How one dimension scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionResult {
    /// The mean level of the dimension's answered questions, or `None` when
    /// none of them has a level (the dimension is unknown).
    pub score: Option<Score>,
    /// The phase the score reaches, or `None` when the dimension is unknown.
    pub phase: Option<Level>,
    /// How many of the dimension's questions have a level.
    pub answered: usize,
    /// How many questions the dimension has.
    pub questions: usize,
}

/// One piece of advice: dimension `dimension` should reach `level`, whose
/// characteristic ([`crate::model::Dimension::levels`]) the result shows as
/// the next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextStep {
    /// The index of the dimension in [`Questionnaire::dimensions`].
    pub dimension: usize,
    /// The level one above the dimension's phase.
    pub level: Level,
}

/// A result: the overall phase and everything that explains it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// The overall phase, after the weakest-link cap.
    pub phase: Level,
    /// The mean `M` of the known dimension scores.
    pub mean: Score,
    /// The phase `M` reaches before the cap.
    pub uncapped: Level,
    /// One result per dimension of the questionnaire, in the same order.
    pub dimensions: Vec<DimensionResult>,
    /// The indexes of the dimensions with the lowest phase, when the cap
    /// lowered the result (`phase < uncapped`); empty otherwise.
    pub capped_by: Vec<usize>,
    /// Whether the result is provisional: a dimension is unknown, or fewer
    /// than three quarters of the questions have a level.
    pub provisional: bool,
    /// Whether the highest and lowest known dimension phases differ by two
    /// or more.
    pub uneven: bool,
    /// How many questions have a level ("don't know" and unanswered ones do
    /// not count).
    pub answered: usize,
    /// How many questions the questionnaire has.
    pub total: usize,
    /// For every known dimension below the top level, the level to reach
    /// next, weakest dimension first: by score, then phase, then index.
    pub next_steps: Vec<NextStep>,
}

/// The score at which `level` begins, for display only: a quarter below the
/// level, where [`Score::phase`]'s rounding (`floor(score + 1/4)`) first
/// reaches it. The chart's marks and the sentences that name a threshold
/// use this, so that they always say what the rule does.
#[must_use]
pub fn threshold(level: Level) -> f64 {
    f64::from(level.0) - 0.25
}

impl Assessment {
    /// How many questions with a level a full, not provisional, result
    /// rests on: three quarters of them, rounded up.
    #[must_use]
    pub fn full(&self) -> usize {
        full(self.total)
    }
}

/// Three quarters of `total` questions, rounded up.
fn full(total: usize) -> usize {
    total.saturating_mul(3).div_ceil(4)
}

/// What a set of answers amounts to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Fewer than half the questions have a level: no result.
    TooFewAnswers {
        /// How many questions have a level.
        answered: usize,
        /// The smallest number of questions with a level that gives a
        /// result: half the questions, rounded up.
        needed: usize,
    },
    /// Enough questions have a level to place the organisation in a phase.
    Assessed(Assessment),
}

/// Scores `answers` against `questionnaire`.
///
/// `answers[i]` is the answer to `questionnaire.questions[i]`, `None` when the
/// question was not answered. Missing entries at the end count as unanswered
/// and entries beyond the last question are ignored. "Don't know" counts as
/// missing.
///
/// A level outside `1..=N` (N the questionnaire's top level) cannot come from
/// the questionnaire's own options; it is clamped into that range rather than
/// rejected. A question whose dimension does not exist (possible only for a
/// questionnaire that skipped [`Questionnaire::from_json`]'s checks) counts
/// towards the totals but towards no dimension.
#[must_use]
pub fn assess(questionnaire: &Questionnaire, answers: &[Option<Answer>]) -> Outcome {
    let top = Level(questionnaire.top_level().0.max(1));
    let total = questionnaire.questions.len();

    // Per dimension: the sum of the levels given and how many there are.
    let mut sums = vec![0u64; questionnaire.dimensions.len()];
    let mut dimensions: Vec<DimensionResult> = vec![
        DimensionResult {
            score: None,
            phase: None,
            answered: 0,
            questions: 0
        };
        questionnaire.dimensions.len()
    ];
    let mut answered = 0;
    for i in 0..total {
        let dimension = questionnaire.dimension_of(i);
        let level = answers.get(i).copied().flatten().and_then(Answer::level);
        if level.is_some() {
            answered += 1;
        }
        let Some(d) = dimension else { continue };
        dimensions[d].questions += 1;
        if let Some(Level(level)) = level {
            dimensions[d].answered += 1;
            sums[d] += u64::from(level.clamp(1, top.0));
        }
    }

    let needed = total.div_ceil(2);
    if answered < needed {
        return Outcome::TooFewAnswers { answered, needed };
    }

    for (result, &sum) in dimensions.iter_mut().zip(&sums) {
        if result.answered > 0 {
            let score = Score::new(sum, result.answered as u64);
            result.score = Some(score);
            result.phase = Some(score.phase(top));
        }
    }
    let known: Vec<Score> = dimensions.iter().filter_map(|d| d.score).collect();
    let phases = || dimensions.iter().filter_map(|d| d.phase);
    let (Some(mean), Some(lowest), Some(highest)) =
        (Score::mean(&known), phases().min(), phases().max())
    else {
        // No dimension has an answer: only possible with no questions at all
        // or none that belongs to a dimension.
        return Outcome::TooFewAnswers {
            answered,
            needed: needed.max(1),
        };
    };

    let uncapped = mean.phase(top);
    let phase = uncapped.min(Level(lowest.0.saturating_add(1)));
    let capped_by = if phase < uncapped {
        let lowest = Some(lowest);
        dimensions
            .iter()
            .enumerate()
            .filter(|(_, d)| d.phase == lowest)
            .map(|(i, _)| i)
            .collect()
    } else {
        Vec::new()
    };
    let provisional = dimensions.iter().any(|d| d.answered == 0) || answered < full(total);
    let uneven = highest.0 - lowest.0 >= 2;

    let mut weakest: Vec<(Score, Level, usize)> = dimensions
        .iter()
        .enumerate()
        .filter_map(|(d, result)| Some((result.score?, result.phase?, d)))
        .filter(|&(_, phase, _)| phase < top)
        .collect();
    // A handful of dimensions: an insertion sort is all it takes, and it
    // keeps a second instance of the standard sort out of the wasm. The
    // dimension index makes every key unique, so the order is total.
    for i in 1..weakest.len() {
        let mut j = i;
        while j > 0 && weakest[j] < weakest[j - 1] {
            weakest.swap(j, j - 1);
            j -= 1;
        }
    }
    let next_steps = weakest
        .into_iter()
        .map(|(_, phase, dimension)| NextStep {
            dimension,
            level: Level(phase.0 + 1),
        })
        .collect();

    Outcome::Assessed(Assessment {
        phase,
        mean,
        uncapped,
        dimensions,
        capped_by,
        provisional,
        uneven,
        answered,
        total,
        next_steps,
    })
}
