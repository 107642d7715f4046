//! Periods that the word before or after them decides: units after a
//! number (`5 ft. 2 in. tall`), a time zone after a clock time (`7 p.m.
//! EST. Mr. Jones …`), Russian abbreviations before a quoted name (`газ.
//! «Правда»`) and Persian era markers after the clause's verb (`… ساخته شد
//! در ۵۰۰ ق.م. او …`). Each is asked only at a period, with the word's key
//! already made.

use crate::lang::Lang;
use crate::segment::Segmenter;
use crate::segment::ablation::Rule;
use crate::segment::cursor::*;

use super::persian::{continues_quotation, is_fa_finite_verb, is_saying_verb};
use super::words::*;

/// Whether `token` is a clock time or its `a.m.`/`p.m.`: `p.m.`, `PM`,
/// `7pm`, `19:00`.
fn is_clock(token: &str) -> bool {
    let bare = token.trim_end_matches('.');
    if ["a.m", "p.m", "am", "pm"]
        .iter()
        .any(|c| bare.eq_ignore_ascii_case(c))
    {
        return true;
    }
    let suffix = bare
        .len()
        .checked_sub(2)
        .and_then(|n| bare.get(n..))
        .is_some_and(|s| s.eq_ignore_ascii_case("am") || s.eq_ignore_ascii_case("pm"));
    let digits = if suffix {
        &bare[..bare.len() - 2]
    } else {
        bare
    };
    !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.ends_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == ':')
        && (suffix || digits.contains(':'))
}

/// Whether `token` is a number in any script's digits (`۵۰۰`, `550–330`).
fn is_any_number(token: &str) -> bool {
    token.chars().any(char::is_numeric)
        && token
            .chars()
            .all(|c| c.is_numeric() || matches!(c, '-' | '–' | '—' | '/'))
}

impl Segmenter {
    /// The decision for a single period after the word `key` (lowercase)
    /// starting at `word_start`, when the words around it decide; `None`
    /// leaves it to the lists. `next_word` and `first` are the word after
    /// the period and its first letter.
    pub(super) fn period_in_context(
        &self,
        scan: &Scan<'_>,
        word_start: usize,
        key: &str,
        next_word: usize,
        first: Option<char>,
    ) -> Option<bool> {
        if self.lang == Lang::EN {
            self.zone_after_clock(scan, word_start, key, first)
                .or_else(|| self.capitals_unit(scan, word_start, key, next_word))
        } else if self.lang == Lang::RU {
            self.quote_prefix(scan, word_start, key, next_word)
        } else if self.lang == Lang::FA {
            self.era_after_verb(scan, word_start, key, next_word)
        } else {
            None
        }
    }

    /// `7 p.m. EST. Mr. Jones said …`: a zone, day or month after a clock
    /// time is no abbreviation there (`est.` elsewhere is), so its period
    /// ends the sentence before a capital letter, as a plain word's does.
    /// Before a number the lists decide (`9 a.m. Jan. 5` goes on).
    fn zone_after_clock(
        &self,
        scan: &Scan<'_>,
        word_start: usize,
        key: &str,
        first: Option<char>,
    ) -> Option<bool> {
        // Cheap tests first: most sentence ends are none of these words.
        if self.disabled.off(Rule::ZoneEnds)
            || key.len() > 4
            || !first.is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
            || !self.lists.clock_followers.contains(key)
            || !self.lists.abbreviations.contains(key)
            || !is_clock(word_before(scan, word_start))
        {
            return None;
        }
        Some(true)
    }

    /// `газ. «Правда»`: an abbreviation of `quote_prefixes.txt` before an
    /// opening quote names what is quoted, and the sentence goes on.
    fn quote_prefix(
        &self,
        scan: &Scan<'_>,
        word_start: usize,
        key: &str,
        next_word: usize,
    ) -> Option<bool> {
        // The cheap test first: an opening quote after the period (the
        // listed words have none of their own).
        let between = scan.text.get(word_start..next_word).unwrap_or("");
        let opens = between
            .split_once('.')
            .is_some_and(|(_, after)| after.trim_start().starts_with(['«', '„', '"', '“']));
        (opens
            && !self.disabled.off(Rule::QuotePrefixes)
            && self.lists.quote_prefixes.contains(key))
        .then_some(false)
    }

    /// A Persian era marker (`ق.م.`, `ه.ش.`) after a date: the end of the
    /// sentence when the word before the date phrase (`در سال ۵۰۰`, `از
    /// ۵۵۰ تا ۳۳۰`) is a finite verb that is not a verb of saying, or a
    /// label with a colon, and the next word can open a sentence (not `و`,
    /// `را`, …). The verb comes last in a Persian clause, so a date after it
    /// closes the sentence; before the verb (`در سال ۵۰۰ ق.م. ساخته شد`) or
    /// after `گفت` or `اعلام کرد` (`report_nouns.txt`: the reported clause
    /// follows) it goes on.
    fn era_after_verb(
        &self,
        scan: &Scan<'_>,
        word_start: usize,
        key: &str,
        next_word: usize,
    ) -> Option<bool> {
        if self.disabled.off(Rule::EraEnds)
            || !key.contains('.')
            || !self.lists.prefixes.contains(key)
        {
            return None;
        }
        let before = scan.text.get(scan.sentence_start..word_start).unwrap_or("");
        let mut words = before.split_whitespace().rev();
        if !words.next().is_some_and(is_any_number) {
            return None;
        }
        let ends = loop {
            let Some(word) = words.next() else {
                break false;
            };
            if word.ends_with(':') {
                break true;
            }
            if is_any_number(word) || self.lists.date_phrase_words.contains(word) {
                continue;
            }
            let noun = words.next().unwrap_or("");
            break is_fa_finite_verb(word)
                && !is_saying_verb(word, noun)
                && !self.lists.report_nouns.contains(noun);
        };
        let next = caseless_word(scan, next_word);
        Some(ends && !continues_quotation(next))
    }

    /// In a document in capitals, an English unit after a number (`2 IN.
    /// TALL`) is judged as an abbreviation that may end a sentence: the
    /// next word's case says nothing there.
    fn capitals_unit(
        &self,
        scan: &Scan<'_>,
        word_start: usize,
        key: &str,
        next_word: usize,
    ) -> Option<bool> {
        (self.unit_after_number(scan, word_start, key) && self.capitals(scan, next_word))
            .then(|| self.capitals_abbreviation_ends(scan, next_word, None))
    }

    /// English: whether the word before the period at `i` is a unit after
    /// a number (`5 ft. 2 in. tall`), which goes on before a lowercase word.
    pub(super) fn unit_after_number(&self, scan: &Scan<'_>, word_start: usize, key: &str) -> bool {
        !self.disabled.off(Rule::UnitAbbreviations)
            && key.len() <= 3
            && self.lists.units_after_number.contains(key)
            && number_before(scan, word_start)
    }
}
