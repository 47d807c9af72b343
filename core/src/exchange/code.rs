//! A result as a short code, and as a link that carries it: what a
//! respondent keeps or shares, and what a facilitator pastes into the group
//! view. Also reads back a result downloaded as JSON, and the rows of a CSV
//! export, so that the group view takes codes, links and files alike, with
//! one kind of error.
//!
//! A code is its format (`2`), the questionnaire's version in decimal, a
//! `.`, and the answers as one number in base64url (`A`–`Z`, `a`–`z`,
//! `0`–`9`, `-`, `_`, most significant first). That number has one digit
//! per question in base `N + 2` (N the number of phases): 0 for unanswered,
//! 1 to N for a level, N + 1 for "don't know"; then one digit per background
//! question in base `A + 1` (A its answers): 0 for no answer, else the
//! answer's position from 1. The first question is the most significant
//! digit. Its length is fixed by the questionnaire: the fewest base64url
//! characters that hold every combination. Twelve questions of four phases
//! and the two background questions of the built-in questionnaire give
//! `22.` and seven characters. Codes of format 1 (the same without the
//! background digits, written before background questions existed) are
//! still read, with no background answers. A link carries the code in its
//! fragment, `#r=CODE&lang=en`, which browsers never send to a server.
//!
//! Decoding trusts nothing: format, version, length and every value are
//! checked, and any string at all gives answers or a precise [`ReadError`],
//! never a panic.

use crate::model::{Answer, AnswerMisfit, Level, Profile, Questionnaire, Response};

use super::error::{Problem, ReadError};

/// The version of the code's format; raised whenever its layout changes.
pub const FORMAT: u32 = 2;

/// The oldest code format still read: answers without background answers.
pub const OLDEST_FORMAT: u32 = 1;

/// The most digits a questionnaire version has: `u32::MAX` has ten. A code
/// with more is refused at the eleventh, so that a link of a million digits
/// is neither read nor echoed.
pub const MAX_VERSION_DIGITS: usize = 10;

/// Separates the version from the answers: not a base64url character.
const SEPARATOR: char = '.';

/// The base64url alphabet, a digit's value being its position.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The base of each digit of a code's number, most significant first: one
/// per question (unanswered, each level, "don't know"), then, from format 2
/// on, one per background question (no answer, each answer).
fn bases(questionnaire: &Questionnaire, format: u32) -> Vec<u32> {
    let question = u32::from(questionnaire.top_level().0) + 2;
    let mut bases = vec![question; questionnaire.questions.len()];
    if format >= 2 {
        bases.extend(
            questionnaire
                .profile
                .iter()
                .map(|p| p.answers.len() as u32 + 1),
        );
    }
    bases
}

/// How many base64url characters hold a code of `format` for
/// `questionnaire`: those of the largest number, every digit its base - 1.
pub fn answers_length(questionnaire: &Questionnaire, format: u32) -> usize {
    let bases = bases(questionnaire, format);
    let largest: Vec<(u32, u32)> = bases.iter().map(|&b| (b - 1, b)).collect();
    to_base64_digits(&largest).len().max(1)
}

/// The digits (least significant first, base 64) of the number whose
/// digits, most significant first, are `(digit, base)` pairs.
fn to_base64_digits(digits: &[(u32, u32)]) -> Vec<u32> {
    let mut number: Vec<u32> = Vec::new();
    for &(digit, base) in digits {
        let mut carry = digit;
        for limb in number.iter_mut() {
            let value = *limb * base + carry;
            *limb = value % 64;
            carry = value / 64;
        }
        while carry > 0 {
            number.push(carry % 64);
            carry /= 64;
        }
    }
    number
}

/// The code of `answers` and `profile` (the background answers) to
/// `questionnaire`, in the current format (missing ones count as
/// unanswered; a level above the top is written as the top, an answer
/// beyond the last as none).
pub fn encode(
    questionnaire: &Questionnaire,
    answers: &[Option<Answer>],
    profile: &[Option<usize>],
) -> String {
    let bases = bases(questionnaire, FORMAT);
    let top = questionnaire.top_level().0;
    let questions = questionnaire.questions.len();
    let digits: Vec<(u32, u32)> = bases
        .iter()
        .enumerate()
        .map(|(i, &base)| {
            let digit = if i < questions {
                match answers.get(i).copied().flatten() {
                    None => 0,
                    Some(Answer::Level(Level(level))) => u32::from(level.clamp(1, top)),
                    Some(Answer::DontKnow) => base - 1,
                }
            } else {
                match profile.get(i - questions).copied().flatten() {
                    Some(a) if (a as u32) < base - 1 => a as u32 + 1,
                    _ => 0,
                }
            };
            (digit, base)
        })
        .collect();
    let mut number = to_base64_digits(&digits);
    number.resize(answers_length(questionnaire, FORMAT), 0);
    let mut code = format!("{FORMAT}{}{SEPARATOR}", questionnaire.version);
    code.extend(
        number
            .iter()
            .rev()
            .map(|&d| char::from(ALPHABET[d as usize])),
    );
    code
}

/// The answers a code stands for, checked against `questionnaire`; a code
/// of format 1 has no background answers.
pub fn decode(questionnaire: &Questionnaire, code: &str) -> Result<Response, ReadError> {
    let fail = |problem| Err(ReadError(problem));
    let mut chars = code.chars().enumerate().map(|(i, c)| (i + 1, c));
    let format = match chars.next() {
        None => return fail(Problem::Empty),
        Some((_, found)) => match found.to_digit(10) {
            Some(format) if (OLDEST_FORMAT..=FORMAT).contains(&format) => format,
            Some(_) => {
                return fail(Problem::Format {
                    found: found.to_string(),
                });
            }
            None => return fail(Problem::Character { found, at: 1 }),
        },
    };
    let mut version = String::new();
    loop {
        match chars.next() {
            None => return fail(Problem::NoSeparator),
            Some((_, SEPARATOR)) if !version.is_empty() => break,
            // No version of ours has that many digits: refused as soon as
            // that shows, with the digits read so far.
            Some((_, digit)) if digit.is_ascii_digit() && version.len() == MAX_VERSION_DIGITS => {
                version.push(digit);
                return fail(Problem::Version {
                    found: format!("{version}…"),
                    expected: questionnaire.version,
                });
            }
            Some((_, digit)) if digit.is_ascii_digit() => version.push(digit),
            Some((at, found)) => return fail(Problem::Character { found, at }),
        }
    }
    // Compared as written, so that "01" is refused rather than read as 1:
    // one result has one code.
    if version != questionnaire.version.to_string() {
        return fail(Problem::Version {
            found: version,
            expected: questionnaire.version,
        });
    }
    let mut number = Vec::new();
    for (at, found) in chars {
        match ALPHABET.iter().position(|&a| char::from(a) == found) {
            Some(digit) => number.push(digit as u32),
            None => return fail(Problem::Character { found, at }),
        }
    }
    let expected = answers_length(questionnaire, format);
    if number.len() != expected {
        return fail(Problem::Length {
            found: number.len(),
            expected,
        });
    }
    // Most significant first; divide the number by each digit's base, from
    // the last digit back.
    let bases = bases(questionnaire, format);
    let mut digits = vec![0; bases.len()];
    for (digit, &base) in digits.iter_mut().zip(&bases).rev() {
        let mut remainder = 0;
        for limb in number.iter_mut() {
            let value = remainder * 64 + *limb;
            *limb = value / base;
            remainder = value % base;
        }
        *digit = remainder;
    }
    if number.iter().any(|&d| d != 0) {
        return fail(Problem::Range);
    }
    let (answer_digits, profile_digits) = digits.split_at(questionnaire.questions.len());
    let question_base = u32::from(questionnaire.top_level().0) + 2;
    let answers: Vec<Option<Answer>> = answer_digits
        .iter()
        .map(|&d| match d {
            0 => None,
            d if d == question_base - 1 => Some(Answer::DontKnow),
            // Below base - 1, so at most the top level: fits a level.
            d => Some(Answer::Level(Level(d as u8))),
        })
        .collect();
    let mut profile: Profile = profile_digits
        .iter()
        .map(|&d| d.checked_sub(1).map(|a| a as usize))
        .collect();
    profile.resize(questionnaire.profile.len(), None);
    match questionnaire.check_answers(&answers) {
        Ok(()) => Ok(Response { answers, profile }),
        Err(AnswerMisfit::DontKnow { question }) => fail(Problem::DontKnow { question }),
        // One answer per question, each within the base: the digits above
        // make nothing else.
        Err(AnswerMisfit::Count { .. } | AnswerMisfit::Level { .. }) => fail(Problem::Range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{case_b, q};

    #[test]
    fn twelve_answers_and_two_background_answers_take_ten_characters() {
        let q = q();
        let answers = case_b();
        for profile in [
            vec![Some(0), Some(4)],
            vec![None, None],
            vec![Some(7), None],
        ] {
            let code = encode(&q, &answers, &profile);
            assert_eq!(code.len(), 10, "{code}");
            assert!(code.starts_with("23."), "{code}");
            assert_eq!(
                decode(&q, &code),
                Ok(Response {
                    answers: answers.clone(),
                    profile
                })
            );
        }
        assert_eq!(encode(&q, &[], &[]), "23.AAAAAAA", "nothing answered");
    }

    #[test]
    fn format_1_codes_are_still_read_without_background_answers() {
        // Case B's code as the release before background questions wrote it.
        let read = decode(&q(), "13.BnE43A").unwrap();
        assert_eq!(read.answers, case_b());
        assert_eq!(read.profile, [None, None]);
        assert_eq!(
            decode(&q(), "13.BnE43AA").unwrap_err().to_string(),
            "6 characters are expected after the ‘.’, not 7.",
            "format 1 has no background digits"
        );
    }

    #[test]
    fn every_problem_has_its_own_message() {
        let q = q();
        let cases = [
            ("", "It contains no result code."),
            (
                "13.AB!DEF",
                "The character ‘!’ at position 6 does not belong in a result code.",
            ),
            (
                "x",
                "The character ‘x’ at position 1 does not belong in a result code.",
            ),
            (
                "32.AAAAAAA",
                "The result code is in code format 3; this release reads code formats 1 to 2.",
            ),
            (
                "02.AAAAAAA",
                "The result code is in code format 0; this release reads code formats 1 to 2.",
            ),
            (
                "14.AAAAAA",
                "The result belongs to version 4 of the questionnaire; this is version 3.",
            ),
            (
                // A result code of version 2, made before the questions
                // changed meaning (issue 21), is refused, not misread.
                "12.BnE43A",
                "The result belongs to version 2 of the questionnaire; this is version 3.",
            ),
            (
                "12",
                "The full stop (‘.’) after the version number is missing.",
            ),
            (
                "102.AAAAAA",
                "The result belongs to version 02 of the questionnaire; this is version 3.",
            ),
            (
                "1.AAAAAA",
                "The character ‘.’ at position 2 does not belong in a result code.",
            ),
            ("13.AAAA", "6 characters are expected after the ‘.’, not 4."),
            (
                "13.______",
                "The answers in the code do not fit this questionnaire.",
            ),
            ("23.AAAA", "7 characters are expected after the ‘.’, not 4."),
            (
                "23._______",
                "The answers in the code do not fit this questionnaire.",
            ),
        ];
        for (code, message) in cases {
            assert_eq!(
                decode(&q, code).unwrap_err().to_string(),
                message,
                "{code:?}"
            );
        }
    }
}
