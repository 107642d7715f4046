//! Persian clause ends: finite verbs before a mark, and quotations that
//! are the object of a verb of saying.

use crate::lang::Lang;
use crate::segment::Segmenter;
use crate::segment::ablation::Rule;
use crate::segment::cursor::*;

use super::words::*;
use crate::segment::resources::{LanguageLists, builtin};

/// The Persian lists of `resources/fa/` (past stems, person endings, verbs
/// of saying, quotation continuations).
fn persian() -> &'static LanguageLists {
    builtin(Lang::FA)
}

/// Whether `word` cannot open a sentence after a closed quotation (`را`,
/// `و`, `گفت`): the quotation is part of the sentence it stands in.
pub(super) fn continues_quotation(word: &str) -> bool {
    persian().quote_continuations.contains(word)
}

/// Whether `ending` is a person ending of a verb (the empty one included).
fn is_person_ending(ending: &str) -> bool {
    persian().person_endings.iter().any(|e| e == ending)
}

/// Whether `word` is a finite Persian verb: a present or continuous form
/// (`می‌بارید`, `نمی‌دانم`), the copula (`است`, `نیست`), or a common past
/// form with its person ending, negated or not (`بود`, `نگفت`, `رفتند`).
pub(super) fn is_fa_finite_verb(word: &str) -> bool {
    let prefixed = ["می\u{200C}", "نمی\u{200C}"].iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.chars().count() >= 2)
    });
    if prefixed || matches!(word, "است" | "نیست" | "هست" | "هستند" | "نیستند")
    {
        return true;
    }
    let positive = |w: &str| {
        persian()
            .past_stems
            .iter()
            .any(|stem| w.strip_prefix(stem.as_str()).is_some_and(is_person_ending))
    };
    positive(word) || word == "نیامد" || word.strip_prefix('ن').is_some_and(positive)
}

impl Segmenter {
    /// Whether a finite Persian verb ends at the mark at `i`, in any of the
    /// spellings of news copy: `می‌کنند`, and without the joiner `می کنند`
    /// (the prefix a word of its own) or `میکنند` (glued; then only a
    /// person ending in `د` or `م`, since nouns also start with `می`).
    pub(super) fn fa_verb_before_mark(&self, scan: &Scan<'_>, i: usize) -> bool {
        let word = word_before_mark(scan, i);
        if is_fa_finite_verb(word) {
            return true;
        }
        if self.disabled.off(Rule::VerbSpellings) || word.chars().count() < 2 {
            return false;
        }
        let start = i - word.len();
        if matches!(word_before(scan, start), "می" | "نمی") {
            return true;
        }
        ["می", "نمی"].iter().any(|p| {
            word.strip_prefix(p).is_some_and(|rest| {
                rest.chars().count() >= 3
                    && rest.ends_with(['د', 'م'])
                    && rest.chars().all(is_caseless_letter)
            })
        }) && word != "میلیارد"
    }
}

/// Whether `word` is a form of one of `stems`, not negated: an optional
/// `می‌`, the stem, and a person ending (or the participle's `ه`).
fn is_form_of<'s>(word: &str, mut stems: impl Iterator<Item = &'s str>) -> bool {
    let word = word.strip_prefix("می\u{200C}").unwrap_or(word);
    stems.any(|stem| {
        word.strip_prefix(stem)
            .is_some_and(|ending| ending == "د" || ending == "ه" || is_person_ending(ending))
    })
}

/// Whether `word` (after the word `before`) is a verb of saying, simple
/// (`گفت`, `افزود`) or compound (`اعلام کرد`).
pub(super) fn is_saying_verb(word: &str, before: &str) -> bool {
    let lists = persian();
    is_form_of(word, lists.saying_stems.iter().map(String::as_str))
        || is_form_of(
            word,
            lists
                .saying_compounds
                .iter()
                .filter(|(noun, _)| noun == before)
                .map(|(_, stem)| stem.as_str()),
        )
}

/// After a quotation closed by `؟` or `!`: whether the clause from
/// `word_start` to the next terminator is short and ends in a verb of
/// saying (`«چرا دیر آمدی؟» مادر با نگرانی پرسید.`, `«بس کن!» فریاد زد.`),
/// so that the quotation is its object and the sentence goes on.
pub(super) fn clause_ends_in_saying_verb(scan: &Scan<'_>, word_start: usize) -> bool {
    let rest = scan.text.get(word_start..scan.end).unwrap_or("");
    let clause = rest.find(is_terminator).map_or(rest, |n| &rest[..n]);
    let (mut count, mut last, mut before) = (0, "", "");
    for word in clause.split_whitespace().take(7) {
        let word = word.trim_matches(|c: char| !(is_caseless_letter(c) || c == ZWNJ));
        if word.is_empty() {
            return false;
        }
        count += 1;
        before = last;
        last = word;
    }
    if count == 0 || count > 6 {
        return false;
    }
    is_saying_verb(last, before)
}
