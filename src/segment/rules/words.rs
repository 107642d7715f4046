//! Small readers of the text around a mark, shared by the rule families.

use crate::segment::cursor::*;

/// Whether the text before `at` (after spaces and closing quotes) ends in a
/// terminator.
pub(super) fn follows_terminator(scan: &Scan<'_>, at: usize) -> bool {
    let before = scan.text.get(scan.start..at).unwrap_or("");
    before
        .trim_end()
        .trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(is_terminator)
}

/// The only character of `word`, if it has exactly one.
pub(super) fn single_char(word: &str) -> Option<char> {
    let mut chars = word.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// The zero-width non-joiner, part of Persian words (`می‌آید`).
pub(super) const ZWNJ: char = '\u{200C}';

/// Whether an open `«` before `i` in the current sentence is not closed yet.
pub(super) fn inside_open_quote(scan: &Scan<'_>, i: usize) -> bool {
    let before = scan.text.get(scan.sentence_start..i).unwrap_or("");
    before.matches('«').count() > before.matches('»').count()
}

/// The caseless word (letters and ZWNJ) starting at `at`.
pub(super) fn caseless_word<'t>(scan: &Scan<'t>, at: usize) -> &'t str {
    let rest = scan.text.get(at..scan.end).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|&(_, c)| !(is_caseless_letter(c) || c == ZWNJ))
        .map_or(rest.len(), |(k, _)| k);
    rest.get(..len).unwrap_or("")
}

/// The whitespace-delimited token before the one at `word_start`.
pub(super) fn word_before<'t>(scan: &Scan<'t>, word_start: usize) -> &'t str {
    let before = scan.text.get(scan.start..word_start).unwrap_or("");
    before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// Whether the token before the one at `word_start` is a number (`20`,
/// `1,5`, `10–12`).
pub(super) fn number_before(scan: &Scan<'_>, word_start: usize) -> bool {
    let before = scan.text.get(scan.start..word_start).unwrap_or("");
    let token = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    token.ends_with(|c: char| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '–'))
}

/// The word (after any openers) that ends at the mark at `i`.
pub(super) fn word_before_mark<'t>(scan: &Scan<'t>, i: usize) -> &'t str {
    let text = scan.text;
    text.get(skip_openers(text, token_start(scan, i), i)..i)
        .unwrap_or("")
}

/// A letter of a script without case (Arabic, Hebrew, CJK, Indic).
pub(super) fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase()
}

/// Whether the first letter after `from` (past digits, signs and spaces, as
/// in `2-3 года`, `5 %`) is lowercase: UAX #29 keeps a period before such a
/// number inside the sentence. In a document in `capitals` any cased letter
/// counts (`ОК. 5 КМ`).
pub(super) fn next_letter_is_lowercase(scan: &Scan<'_>, from: usize, capitals: bool) -> bool {
    scan.text
        .get(from..scan.end)
        .unwrap_or("")
        .chars()
        .take(24)
        .find(|c| c.is_alphabetic() || is_terminator(*c))
        .is_some_and(|c| c.is_lowercase() || capitals && c.is_uppercase())
}
