//! Text as the memory compares it: the exact key and the fuzzy words.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::formats::xml::{Element, Node};

/// The form in which two sources are the same for an exact match: Unicode
/// NFC; every white-space character (including no-break, thin and ideographic
/// spaces and line breaks) as one space, runs collapsed, ends trimmed;
/// zero-width space, word joiner and byte-order mark removed. Case,
/// punctuation, digits and ZWNJ are kept: they change what a translation
/// must say (and Persian spelling), so they count as differences.
///
/// ```
/// use brief::tm::normalize;
/// assert_eq!(normalize(" Hello,\u{A0}\u{A0}world\n"), "Hello, world");
/// assert_ne!(normalize("Hello, world"), normalize("hello, world"));
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// [`normalize`] into `out` (cleared first), to reuse one buffer.
pub(super) fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    // ASCII text is already in NFC.
    if text.is_ascii() {
        push_normalized(text.chars(), out);
    } else {
        push_normalized(text.nfc(), out);
    }
}

fn push_normalized(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut pending_space = false;
    for c in chars {
        if matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
}

/// The words compared by the fuzzy score: UAX #29 words of the NFC text
/// (punctuation left out), lower-cased, with the spellings that differ
/// without changing a word folded: `’` as `'`, Russian `ё` as `е`, Arabic
/// yeh and kaf as the Persian letters, Persian and Arabic-Indic digits as
/// ASCII.
pub(super) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each of the [`words`] of `text`, from one reused buffer.
pub(super) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let composed: Cow<'_, str> = if text.is_ascii() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    };
    let mut buf = String::new();
    for w in composed.unicode_words() {
        buf.clear();
        if w.is_ascii() {
            // ASCII letters lower-case to ASCII, and fold changes none.
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase).map(fold));
        }
        f(&buf);
    }
}

/// Whether [`normalize`] would give the empty string.
pub(super) fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
}

fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{02BC}' => '\'',
        'ё' => 'е',
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        _ => c,
    }
}

/// Inline elements whose content is native code, not text.
const CODE_ELEMENTS: [&str; 6] = ["bpt", "ept", "ph", "it", "ut", "sub"];

/// The text of a `<seg>` and the number of inline elements in it. Codes are
/// left out; `<hi>` (and any element TMX does not define) contributes its
/// text. Where a code is dropped between two spaces, one of them goes, and a
/// space left at either end by a code is trimmed, so `a <ph/> b` reads
/// `a b`.
pub(super) fn seg_text(seg: &Element) -> (String, usize) {
    let mut out = String::new();
    let mut markup = 0;
    let mut after_code = true;
    let mut ends_with_code = false;
    walk(
        seg,
        &mut out,
        &mut markup,
        &mut after_code,
        &mut ends_with_code,
    );
    if markup > 0 && ends_with_code {
        out.truncate(out.trim_end().len());
    }
    (out, markup)
}

fn walk(
    el: &Element,
    out: &mut String,
    markup: &mut usize,
    after_code: &mut bool,
    ends_with_code: &mut bool,
) {
    for child in &el.children {
        match child {
            Node::Text(t) => {
                let t = if *after_code
                    && *markup > 0
                    && (out.is_empty() || out.ends_with(char::is_whitespace))
                {
                    t.trim_start()
                } else {
                    t.as_str()
                };
                if !t.is_empty() {
                    out.push_str(t);
                    *after_code = false;
                    *ends_with_code = false;
                }
            }
            Node::Element(e) => {
                *markup += 1;
                if CODE_ELEMENTS.contains(&e.name.as_str()) {
                    // Codes nested in codes (a <sub>'s <ph>) are part of the code.
                    *markup += count_elements(e);
                    *after_code = true;
                    *ends_with_code = true;
                } else {
                    walk(e, out, markup, after_code, ends_with_code);
                }
            }
        }
    }
}

fn count_elements(el: &Element) -> usize {
    el.elements().map(|e| 1 + count_elements(e)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::xml::parse;
    use std::path::Path;

    fn seg(xml: &str) -> (String, usize) {
        seg_text(&parse(xml, Path::new("t.tmx")).unwrap())
    }

    #[test]
    fn normalization_is_white_space_only() {
        assert_eq!(normalize("\u{FEFF}a\u{200B}b \t\u{202F}c\u{3000}"), "ab c");
        assert_eq!(normalize("e\u{301}"), "\u{E9}");
        assert_eq!(normalize("   "), "");
        assert_eq!(normalize("می\u{200C}رود"), "می\u{200C}رود");
        assert_ne!(normalize("Hello."), normalize("Hello"));
    }

    #[test]
    fn ascii_words_are_lower_cased_as_any_other() {
        for text in ["Don't STOP 3.5 x_Y Ab-Cd", "MiXeD ÄÖ Straße İx"] {
            let slow: Vec<String> = text
                .unicode_words()
                .map(|w| w.chars().flat_map(char::to_lowercase).map(fold).collect())
                .collect();
            assert_eq!(words(text), slow, "{text}");
        }
        let mut buf = String::from("old");
        normalize_into(" a\u{B}b\u{1C}c ", &mut buf);
        assert_eq!(buf, normalize(" a\u{B}b\u{1C}c "));
        assert_eq!(buf, "a b\u{1C}c");
    }

    #[test]
    fn words_fold_spelling_variants_and_drop_punctuation() {
        assert_eq!(words("Don’t, Ёлка!"), vec!["don't", "елка"]);
        assert_eq!(words("كتاب ۱۹۹۰"), vec!["کتاب", "1990"]);
        assert_eq!(words("« — »"), Vec::<String>::new());
        assert_eq!(words("می\u{200C}رود"), vec!["می\u{200C}رود"]);
    }

    #[test]
    fn inline_codes_are_left_out_and_highlights_kept() {
        assert_eq!(seg("<seg>plain  text</seg>"), ("plain  text".into(), 0));
        assert_eq!(
            seg(
                r#"<seg><bpt i="1" x="1">&lt;b&gt;</bpt>Hello<ept i="1">&lt;/b&gt;</ept> world</seg>"#
            ),
            ("Hello world".into(), 2)
        );
        assert_eq!(
            seg(r#"<seg>a <ph x="1">&lt;br/&gt;</ph> b</seg>"#),
            ("a b".into(), 1)
        );
        assert_eq!(
            seg(r#"<seg>a <hi type="x">big</hi> deal</seg>"#),
            ("a big deal".into(), 1)
        );
        assert_eq!(
            seg(r#"<seg>see <ph>&lt;img alt="<sub>a cat</sub>"/&gt;</ph></seg>"#),
            ("see".into(), 2)
        );
        assert_eq!(
            seg(r#"<seg><it pos="begin">&lt;i&gt;</it> x <ut>{\b}</ut></seg>"#),
            ("x".into(), 2)
        );
    }
}
