//! Ordinals an English source writes in words ("for the second time",
//! "the twenty-first century"), for the `numbers` check: read as numbers
//! of their own, so that a target saying another one ("в третий раз",
//! "برای سومین بار") is caught as a cardinal in words is. Words of the
//! same spelling that are no ordinals are left out: fractions ("a third
//! of", "one fifth", "two-thirds") and "second" as a unit of time ("a
//! second later", "per second").

use std::sync::OnceLock;

use super::number_words::{NumberWords, WrittenNumber, parse_words};
use crate::lang::Lang;
use crate::tokenize::{Token, for_each_word, tokenize};

/// `resources/en/ordinal_words.txt`.
fn ordinal_words() -> &'static NumberWords {
    static WORDS: OnceLock<NumberWords> = OnceLock::new();
    WORDS.get_or_init(|| parse_words(crate::resources::builtin(Lang::EN, "ordinal_words.txt")))
}

/// Words after "second" that make it a unit of time, or leave it without
/// the noun an ordinal goes with ("a second later", "for a second or
/// two", "a second of silence").
const AFTER_A_SECOND: &[&str] = &[
    "after", "ago", "and", "before", "earlier", "later", "longer", "more", "of", "or", "than",
    "to", "too",
];

/// Words before "second" that make it a unit of time ("per second", "a
/// split second", "every second").
const BEFORE_A_SECOND: &[&str] = &["each", "every", "one", "per", "split"];

/// Hyphenated compounds of "second" that say no number ("second-hand",
/// "second-guess").
const SECOND_COMPOUNDS: &[&str] = &["guess", "guessed", "guesses", "guessing", "hand", "handed"];

/// The ordinals `text` (English) writes in words, each with its value and
/// its span (a compound's span starts at its first word: "twenty-first" is
/// 21), given the `cardinals` [`written_numbers`](super::number_words::written_numbers)
/// read in it. Always certain; never after digits.
pub(super) fn written_ordinals(text: &str, cardinals: &[WrittenNumber]) -> Vec<WrittenNumber> {
    let words = ordinal_words();
    // Most sources have no ordinal in words: look for one before reading
    // the words with their keys.
    let mut any = false;
    for_each_word(text, |s, e| {
        let w = &text[s..e];
        any |= !any
            && w.len() >= 5
            && w.get(w.len() - 2..).is_some_and(|end| {
                ["th", "st", "nd", "rd"]
                    .iter()
                    .any(|o| end.eq_ignore_ascii_case(o))
            })
            && words.listed_value(&w.to_lowercase()).is_some();
    });
    if !any {
        return Vec::new();
    }
    let tokens = tokenize(text, Lang::EN);
    let gap = |a: usize, b: usize| text.get(a..b).unwrap_or("");
    let mut out = Vec::new();
    for (i, tok) in tokens.iter().enumerate() {
        let Some(value) = words.listed_value(&tok.key) else {
            continue;
        };
        let prev = i.checked_sub(1).map(|j| &tokens[j]);
        let next = tokens.get(i + 1);
        let joined = |a: &Token, b: &Token| matches!(gap(a.end, b.start).trim(), "" | "-");
        // A run of cardinals right before: the tens of a compound
        // ("twenty-first"), the count of a larger ordinal ("two hundredth")
        // or the numerator of a fraction ("one third", "two-thirds").
        let run = cardinals
            .iter()
            .find(|c| c.end <= tok.start && matches!(gap(c.end, tok.start).trim(), "" | "-"));
        let (start, value) = match run {
            Some(c) if value < 10.0 && c.value >= 20.0 && c.value % 10.0 == 0.0 => {
                (c.start, c.value + value)
            }
            Some(c) if value >= 100.0 => (c.start, c.value * value),
            Some(_) => continue,
            None => (tok.start, value),
        };
        if value < 2.0 || (start == tok.start && value == 1.0) {
            continue;
        }
        let word_after = next
            .filter(|n| gap(tok.end, n.start).trim().is_empty())
            .map(|n| n.key.as_str());
        let article_before = prev
            .filter(|p| joined(p, tok))
            .is_some_and(|p| matches!(p.key.as_str(), "a" | "an"));
        // "a third of", "a fifth.": a fraction.
        if start == tok.start && article_before && matches!(word_after, None | Some("of")) {
            continue;
        }
        if tok.key == "second" && start == tok.start && !second_is_ordinal(text, &tokens, i) {
            continue;
        }
        out.push(WrittenNumber {
            value,
            start,
            end: tok.end,
            certain: true,
            after_digits: false,
            ordinal: true,
        });
    }
    out
}

/// Whether "second" (token `i`) is the ordinal: not after a word that makes
/// it a unit, not before one ([`AFTER_A_SECOND`]) or a mark, not the first
/// part of a compound that says no number.
fn second_is_ordinal(text: &str, tokens: &[Token], i: usize) -> bool {
    let tok = &tokens[i];
    let prev = i.checked_sub(1).map(|j| tokens[j].key.as_str());
    if prev.is_some_and(|p| BEFORE_A_SECOND.contains(&p)) {
        return false;
    }
    let Some(next) = tokens.get(i + 1) else {
        return false;
    };
    match text.get(tok.end..next.start).unwrap_or("") {
        "-" => !SECOND_COMPOUNDS.contains(&next.key.as_str()),
        g if g.trim().is_empty() => !AFTER_A_SECOND.contains(&next.key.as_str()),
        _ => false,
    }
}

/// Whether the cardinal run of `text` ending at byte `end` is the
/// numerator of a fraction ("two-thirds", "three quarters", "one fifth"),
/// which says no count of its own.
pub(super) fn is_numerator(text: &str, value: f64, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '-', '\u{a0}']);
    if rest.len() == text.len() - end {
        return false;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let ordinal = |w: &str| ordinal_words().listed_value(w).is_some_and(|v| v > 2.0);
    match word.as_str() {
        "half" | "halves" | "quarter" | "quarters" => true,
        w => w.strip_suffix('s').is_some_and(ordinal) || (value == 1.0 && ordinal(w)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::number_words::written_numbers;
    use super::{is_numerator, written_ordinals};
    use crate::lang::Lang;

    fn ordinals(text: &str) -> Vec<super::WrittenNumber> {
        written_ordinals(text, &written_numbers(text, Lang::EN))
    }

    #[test]
    fn numerators_of_fractions_are_found() {
        for (text, value, end) in [
            ("two-thirds of it", 2.0, 3),
            ("three quarters of it", 3.0, 5),
            ("one fifth", 1.0, 3),
            ("two and a half", 2.0, 3),
            ("ten hundredths", 10.0, 3),
        ] {
            assert_eq!(
                is_numerator(text, value, end),
                !text.contains(" and "),
                "{text}"
            );
        }
        assert!(!is_numerator("two thirty", 2.0, 3));
        assert!(!is_numerator("two seconds", 2.0, 3));
        assert!(!is_numerator("two fifth-graders", 2.0, 3));
        assert!(!is_numerator("twothirds", 2.0, 3));
    }

    fn read(text: &str) -> Vec<f64> {
        ordinals(text).iter().map(|w| w.value).collect()
    }

    #[test]
    fn ordinals_are_read_with_their_compounds() {
        assert_eq!(read("for the second time"), [2.0]);
        assert_eq!(read("a second summit"), [2.0]);
        assert_eq!(read("the second-largest city"), [2.0]);
        assert_eq!(read("his third term"), [3.0]);
        assert_eq!(read("a third term"), [3.0]);
        assert_eq!(read("the twenty-first century"), [21.0]);
        assert_eq!(read("the twenty first century"), [21.0]);
        assert_eq!(read("its two hundredth anniversary"), [200.0]);
        assert_eq!(read("the fifth-floor room"), [5.0]);
        assert_eq!(read("the Second World War"), [2.0]);
    }

    #[test]
    fn fractions_and_seconds_are_no_ordinals() {
        for text in [
            "a third of the budget",
            "one third of voters",
            "two-thirds of the seats",
            "one-fifth",
            "it shrank by a fifth.",
            "a second later",
            "for a second.",
            "for a second or two",
            "300 metres per second",
            "a split second",
            "a second-hand car",
            "do not second-guess him",
            "the first time",
            "seconds later",
        ] {
            assert!(read(text).is_empty(), "{text}: {:?}", read(text));
        }
    }

    #[test]
    fn a_word_ending_inside_a_character_is_read_safely() {
        // Regression (property test): the look for an ordinal's ending
        // sliced two bytes off a word whose last character has four.
        assert!(read("a\u{16B5B}0").is_empty());
        assert!(read("fif\u{e9}th").is_empty());
    }

    #[test]
    fn a_compound_span_starts_at_its_tens() {
        let text = "the twenty-first century";
        let w = &ordinals(text)[0];
        assert_eq!(&text[w.start..w.end], "twenty-first");
    }
}
