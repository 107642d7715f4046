//! Word tokens with byte spans and a separate matching key.
//!
//! The output text is never rewritten: a [`Token`] points into the original
//! text by byte offsets, and carries a *key* used only for comparing words.
//! The key is case-folded and normalized so that spelling variants match:
//!
//! - Persian (and Arabic-script text generally): the character map in
//!   `resources/fa/charmap.txt` turns Arabic yeh and kaf into the Persian
//!   letters, alef maksura into yeh, teh marbuta into heh, hamza-carrying alefs
//!   into plain alef, removes harakat, tatweel and ZWNJ, and maps
//!   Persian/Arabic-Indic digits to ASCII. A word joined by ZWNJ
//!   (`می‌رود`, `کتاب‌ها`) stays one token, and its key has no ZWNJ, so it
//!   matches the same word written without one (`میرود`, `کتابها`).
//! - Russian: `ё` is matched as `е`.
//! - Compatibility characters (Arabic presentation forms, full-width Latin)
//!   are folded with NFKC.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::lang::Lang;
use crate::resources;

const ZWNJ: char = '\u{200C}';

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character in the original text.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The normalized, case-folded form used for matching.
    pub key: String,
}

/// Parses a character map: `U+XXXX U+YYYY` or `U+XXXX -` (delete) per line.
///
/// Lines that cannot be parsed are skipped; the shipped file is checked by a
/// unit test, so this only matters for files a user edits.
pub fn parse_charmap(text: &str) -> BTreeMap<char, Option<char>> {
    let mut map = BTreeMap::new();
    for line in resources::entries(text) {
        let mut cols = line.split_whitespace();
        let (Some(from), Some(to)) = (cols.next(), cols.next()) else {
            continue;
        };
        let Some(from) = parse_code_point(from) else {
            continue;
        };
        let to = if to == "-" {
            None
        } else {
            match parse_code_point(to) {
                Some(c) => Some(c),
                None => continue,
            }
        };
        map.insert(from, to);
    }
    map
}

fn parse_code_point(s: &str) -> Option<char> {
    let hex = s.strip_prefix("U+")?;
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

/// The Persian character map, with the range of its keys: a character
/// outside it needs no lookup (most non-ASCII characters of a Russian or
/// English text).
struct CharMap {
    map: BTreeMap<char, Option<char>>,
    first: char,
    last: char,
}

impl CharMap {
    fn get(&self, c: char) -> Option<&Option<char>> {
        if c < self.first || c > self.last {
            return None;
        }
        self.map.get(&c)
    }
}

fn charmap() -> &'static CharMap {
    static MAP: OnceLock<CharMap> = OnceLock::new();
    MAP.get_or_init(|| {
        let map = parse_charmap(resources::builtin(Lang::FA, "charmap.txt"));
        let first = map.keys().next().copied().unwrap_or(char::MAX);
        let last = map.keys().next_back().copied().unwrap_or('\0');
        CharMap { map, first, last }
    })
}

/// Whether `c` is a combining mark that belongs to the word it follows
/// (Latin/Cyrillic accents, Hebrew points, Arabic harakat and Quranic marks).
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{200D}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Whether `c` can be part of a word.
///
/// ASCII, Cyrillic and the common Arabic-script blocks are answered by
/// ranges: `char::is_alphanumeric` looks non-ASCII letters up in a table,
/// which was a sixth of all the work of a batch summary. A test checks that
/// the ranges agree with [`is_word_char_by_table`] for every `char`.
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7F}' => false,
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{052F}' => true,
        '\u{0620}'..='\u{0669}' | '\u{0671}'..='\u{06D3}' | '\u{06F0}'..='\u{06F9}' => true,
        _ => is_word_char_by_table(c),
    }
}

/// The definition of a word character, by Unicode properties.
fn is_word_char_by_table(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || c == '\u{0640}'
}

/// Splits `text` into word tokens (see the module docs).
///
pub fn tokenize(text: &str, lang: Lang) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_word(text, |start, end| {
        let key = normalize_key(&text[start..end], lang);
        if !key.is_empty() {
            out.push(Token { start, end, key });
        }
    });
    out
}

/// `text.split_whitespace().count()`, reading bytes. Word counts of every
/// sentence of a batch went through `split_whitespace`, which decodes every
/// character: a tenth of the work. Here a text whose only white space is
/// ASCII (found by [`has_non_ascii_space`], which decodes only characters
/// that could be white space) is counted as bytes: a word starts at each
/// byte that is not a space after one that is, or at the start (a byte of
/// a non-ASCII character is never a space then). Other texts are counted
/// character by character.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    if has_non_ascii_space(text) {
        return count_words_by_chars(text);
    }
    // In blocks of 64 bytes: first whether each byte is a space, then the
    // word starts, as two loops without branches that the compiler turns
    // into vector instructions (one byte at a time was 10 instructions).
    let (mut words, mut before) = (0usize, 1u8);
    for block in bytes.chunks(64) {
        let mut space = [0u8; 64];
        for (s, &b) in space.iter_mut().zip(block) {
            *s = u8::from(b == b' ') | u8::from(b.wrapping_sub(b'\t') < 5);
        }
        let space = &space[..block.len()];
        let inner = space
            .iter()
            .zip(&space[1..])
            .fold(0u8, |n, (&a, &b)| n.wrapping_add(a & (b ^ 1)));
        words += usize::from(inner) + usize::from(before & (space[0] ^ 1));
        before = space[space.len() - 1];
    }
    words
}

/// Whether `text` has a white-space character outside ASCII (U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000:
/// their first bytes are 0xC2, 0xE1, 0xE2 and 0xE3). Blocks of ASCII are
/// passed over in one test each.
fn has_non_ascii_space(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    for block in bytes.chunks(32) {
        if block.iter().fold(0u8, |acc, &b| acc | b) >= 0x80 {
            for (k, &b) in block.iter().enumerate() {
                if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
                    && text[at + k..]
                        .chars()
                        .next()
                        .is_some_and(char::is_whitespace)
                {
                    return true;
                }
            }
        }
        at += block.len();
    }
    false
}

/// [`count_words`] one character at a time (ASCII not decoded).
fn count_words_by_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0usize, false, 0usize);
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b < 0x80 {
            (b == b' ' || b.wrapping_sub(b'\t') < 5, 1)
        } else {
            match text[i..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
        i += len;
    }
    words
}

/// Whether each byte is an ASCII letter or digit (one load, not three
/// range tests, in the loop every byte of a batch goes through).
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Calls `f(start, end)` for every word span of `text`: a run of word
/// characters, where a ZWNJ between two word characters joins them.
pub fn for_each_word(text: &str, mut f: impl FnMut(usize, usize)) {
    // Bytes, not `char_indices`: ASCII (most of the text of many
    // languages, and all of English) needs no decoding.
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut last_end = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if ASCII_WORD[usize::from(b)] {
            start.get_or_insert(i);
            i += 1;
            while i < bytes.len() && ASCII_WORD[usize::from(bytes[i])] {
                i += 1;
            }
            last_end = i;
            continue;
        }
        if b < 0x80 {
            // Any other ASCII character ends a word (a ZWNJ is not ASCII).
            if let Some(s) = start.take() {
                f(s, last_end);
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if is_word_char(c) {
            start.get_or_insert(i);
            i += len;
            last_end = i;
            continue;
        }
        if c == ZWNJ && start.is_some() && text[i + len..].chars().next().is_some_and(is_word_char)
        {
            i += len;
            continue;
        }
        if let Some(s) = start.take() {
            f(s, last_end);
        }
        i += len;
    }
    if let Some(s) = start {
        f(s, last_end);
    }
}

/// The matching key of one word: lowercase, NFKC for compatibility
/// characters, the Persian character map, `ё` → `е` for Russian.
///
pub fn normalize_key(word: &str, lang: Lang) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let folded: String;
    let word = if word.chars().any(|c| c >= '\u{FB00}') {
        folded = word.nfkc().collect();
        folded.as_str()
    } else {
        word
    };
    let map = charmap();
    let russian = lang == Lang::RU;
    let mut key = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
            continue;
        }
        if let Some(mapped) = map.get(c) {
            if let Some(m) = mapped {
                key.push(*m);
            }
            continue;
        }
        if russian && (c == 'ё' || c == 'Ё') {
            key.push('е');
            continue;
        }
        if is_mark(c) && !matches!(c, '\u{0900}'..='\u{094F}') {
            // Accents and harakat do not distinguish words for matching.
            continue;
        }
        key.extend(c.to_lowercase());
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition [`for_each_word`] reads bytes for.
    fn for_each_word_by_chars(text: &str, mut f: impl FnMut(usize, usize)) {
        let mut start: Option<usize> = None;
        let mut last_end = 0usize;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(i);
                }
                last_end = i + c.len_utf8();
                continue;
            }
            if c == ZWNJ
                && start.is_some()
                && chars.peek().is_some_and(|&(_, next)| is_word_char(next))
            {
                continue;
            }
            if let Some(s) = start.take() {
                f(s, last_end);
            }
        }
        if let Some(s) = start {
            f(s, last_end);
        }
    }

    #[test]
    fn words_by_bytes_are_words_by_chars() {
        for text in [
            "",
            "The talks, in 2016-12-23, ran late.",
            "کتاب\u{200C}ها و می\u{200C}رود\u{200C} \u{200C}x a\u{200C}",
            "«Ёлка» — e\u{301}te\u{301} naïve ＡＢ１ d\u{200D}e",
            "a\u{200C}\u{200C}b,\u{200C}c ت\u{640}ه",
        ] {
            let (mut by_bytes, mut by_chars) = (Vec::new(), Vec::new());
            for_each_word(text, |s, e| by_bytes.push((s, e)));
            for_each_word_by_chars(text, |s, e| by_chars.push((s, e)));
            assert_eq!(by_bytes, by_chars, "{text:?}");
        }
    }

    /// The ASCII shortcut and the character-map range give the keys the
    /// full rules give.
    #[test]
    fn keys_of_plain_and_mixed_words_follow_the_full_rules() {
        assert_eq!(
            normalize_key("WASHINGTON (Reuters)", Lang::EN),
            "washington (reuters)"
        );
        assert_eq!(normalize_key("Ёлка", Lang::RU), "елка");
        assert_eq!(normalize_key("‘Special’", Lang::EN), "‘special’");
        assert_eq!(normalize_key("كتاب\u{200C}ها", Lang::FA), "کتابها");
        assert_eq!(normalize_key("ＡＢ", Lang::EN), "ab");
        let map = charmap();
        for (&c, mapped) in &map.map {
            assert_eq!(map.get(c), Some(mapped));
        }
    }

    #[test]
    fn word_char_ranges_agree_with_the_unicode_tables() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                is_word_char_by_table(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn charmap_is_sorted_unique_and_complete() {
        let lines: Vec<&str> =
            resources::entries(resources::builtin(Lang::FA, "charmap.txt")).collect();
        let map = parse_charmap(resources::builtin(Lang::FA, "charmap.txt"));
        assert_eq!(map.len(), lines.len(), "every line parses, no duplicates");
        let sources: Vec<char> = lines
            .iter()
            .filter_map(|l| l.split_whitespace().next().and_then(parse_code_point))
            .collect();
        let mut sorted = sources.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sources, sorted);
        assert_eq!(map[&'\u{064A}'], Some('\u{06CC}'));
        assert_eq!(map[&'\u{0643}'], Some('\u{06A9}'));
        assert_eq!(map[&'\u{200C}'], None);
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "The U.S. president's call — 2016.";
        let toks = tokenize(text, Lang::EN);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["The", "U", "S", "president", "s", "call", "2016"]);
    }

    #[test]
    fn zwnj_joins_words_and_is_dropped_from_keys() {
        let a = tokenize("می‌رود", Lang::FA);
        let b = tokenize("میرود", Lang::FA);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].key, b[0].key);
        // A trailing ZWNJ is not part of the word.
        let c = tokenize("کتاب\u{200C} ", Lang::FA);
        assert_eq!(c[0].end, "کتاب".len());
    }

    #[test]
    fn diacritics_tatweel_and_digits_are_normalized() {
        assert_eq!(normalize_key("مـــحمد", Lang::FA), "محمد");
        assert_eq!(normalize_key("عَلِيّ", Lang::FA), "علی");
        assert_eq!(normalize_key("۱۳۹۵", Lang::FA), "1395");
        assert_eq!(normalize_key("٢٠١٦", Lang::FA), "2016");
        assert_eq!(normalize_key("مدرسة", Lang::FA), "مدرسه");
        assert_eq!(normalize_key("ﻛﺘﺎﺏ", Lang::FA), "کتاب");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "\u{200C}",
            "\u{200C}a\u{200C}",
            "\u{0301}",
            "a\u{200C}\u{200C}b",
        ] {
            for t in tokenize(text, Lang::FA) {
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            }
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            " ",
            "one",
            "  two words  ",
            "tab\tnew\nline\rvt\u{0B}ff\u{0C}end",
            "nbsp\u{A0}em\u{2003}ideo\u{3000}nel\u{0085}ls\u{2028}x",
            "\u{1C}\u{1D}\u{1E}\u{1F} separators are not spaces",
            "کتاب\u{200C}ها ۱۲ Президент, ёж",
            "\u{201C}Quoted\u{201D} \u{2014} caf\u{E9}",
        ] {
            assert_eq!(
                count_words(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
        // Spaces and words on both sides of every block boundary.
        for len in 0..200 {
            for step in 1..5 {
                let text: String = (0..len)
                    .map(|k| if k % step == 0 { ' ' } else { 'w' })
                    .collect();
                assert_eq!(
                    count_words(&text),
                    text.split_whitespace().count(),
                    "{text:?}"
                );
                let text: String = text
                    .chars()
                    .map(|c| if c == ' ' { 'w' } else { '\n' })
                    .collect();
                assert_eq!(
                    count_words(&text),
                    text.split_whitespace().count(),
                    "{text:?}"
                );
            }
        }
        // Every character of the BMP, between letters and as a separator,
        // in a text long enough for several blocks of bytes.
        let pad = "x ".repeat(40);
        for c in (0..0x10000u32).filter_map(char::from_u32) {
            let text = format!("a{c}b {c}");
            assert_eq!(count_words(&text), text.split_whitespace().count(), "{c:?}");
            let long = format!("{pad}{c}{pad}b{c}");
            assert_eq!(count_words(&long), long.split_whitespace().count(), "{c:?}");
        }
    }

    #[test]
    fn normalize_key_example() {
        use crate::{Lang, tokenize::normalize_key};
        assert_eq!(normalize_key("Hello", Lang::EN), "hello");
        assert_eq!(normalize_key("يكي", Lang::FA), "یکی");
        assert_eq!(normalize_key("كِتاب", Lang::FA), "کتاب");
        assert_eq!(normalize_key("Ёж", Lang::RU), "еж");
    }

    #[test]
    fn tokenize_example() {
        use crate::{Lang, tokenize::tokenize};
        let text = "Ёлка и ЁЖ";
        let keys: Vec<String> = tokenize(text, Lang::RU)
            .into_iter()
            .map(|t| t.key)
            .collect();
        assert_eq!(keys, ["елка", "и", "еж"]);
        let fa = "كتاب‌ها ۱۲";
        let toks = tokenize(fa, Lang::FA);
        assert_eq!(toks[0].key, "کتابها");
        assert_eq!(&fa[toks[0].start..toks[0].end], "كتاب‌ها");
        assert_eq!(toks[1].key, "12");
    }
}
