//! The `mixed_script` check: one word written in two scripts.
//!
//! Latin `o`, `c`, `e`, `p`, `x`, `a` look exactly like Cyrillic `о`, `с`,
//! `е`, `р`, `х`, `а`; a word with both (`мoсква` with a Latin `o`) looks
//! right and breaks search, spell-checking and TTS. Words wholly in another
//! script (brands like `iPhone` in Russian text) are fine: the error is a
//! *single* word that mixes Latin, Cyrillic, Greek or Arabic letters. In
//! Russian text a lone Latin letter between Cyrillic words that looks like
//! a Russian one-letter word (`c`, `o`, `a`, `y`, `k`) is reported too.

use super::{CheckKind, Finding};
use crate::lang::Lang;
use crate::tokenize::for_each_word;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Other,
}

pub(crate) fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        _ => Script::Other,
    })
}

fn scripts(word: &str) -> Vec<Script> {
    let mut out = Vec::new();
    for s in word.chars().filter_map(script_of) {
        if s != Script::Other && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// Latin letters that stand alone as look-alikes of Russian one-letter words.
const LONE_HOMOGLYPHS: &[char] = &['a', 'c', 'o', 'y', 'k', 'A', 'C', 'O', 'K', 'B', 'y'];

pub(crate) fn check(target: &str, lang: Lang) -> Vec<Finding> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for_each_word(target, |s, e| spans.push((s, e)));
    let words: Vec<&str> = spans.iter().map(|&(s, e)| &target[s..e]).collect();
    // Two words separated by whitespace only (a lone letter in running text,
    // not a list label like "a)").
    let spaced = |a: usize, b: usize| {
        target[spans[a].1..spans[b].0]
            .chars()
            .all(char::is_whitespace)
    };
    let mut bad: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let sc = scripts(w);
        if sc.len() >= 2 {
            if !bad.contains(w) {
                bad.push(w);
            }
            continue;
        }
        if lang != Lang::RU || sc != [Script::Latin] {
            continue;
        }
        let mut chars = w.chars();
        let lone = chars
            .next()
            .filter(|c| LONE_HOMOGLYPHS.contains(c))
            .is_some()
            && chars.next().is_none();
        let cyr = |j: Option<usize>| {
            j.and_then(|j| words.get(j))
                .is_some_and(|n| scripts(n) == [Script::Cyrillic])
        };
        let between = i > 0 && i + 1 < words.len() && spaced(i - 1, i) && spaced(i, i + 1);
        if lone && between && cyr(i.checked_sub(1)) && cyr(Some(i + 1)) && !bad.contains(w) {
            bad.push(w);
        }
    }
    bad.into_iter()
        .map(|w| {
            let detail: Vec<String> = w
                .chars()
                .filter(|c| matches!(script_of(*c), Some(Script::Latin)))
                .map(|c| format!("{c} (U+{:04X})", c as u32))
                .collect();
            Finding::error(
                CheckKind::MixedScript,
                format!(
                    "\"{w}\" mixes scripts (Latin letters: {})",
                    if detail.is_empty() {
                        "none".to_string()
                    } else {
                        detail.join(", ")
                    }
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_look_alikes_inside_russian_words() {
        assert_eq!(check("Мы были в Мoскве.", Lang::RU).len(), 1);
        assert_eq!(check("Cначала", Lang::RU).len(), 1);
        // The reverse: a Cyrillic letter in a Latin word.
        assert_eq!(check("Компания Fасеbook", Lang::RU).len(), 1);
        assert_eq!(check("Я пришел c другом.", Lang::RU).len(), 1);
    }

    #[test]
    fn whole_words_in_another_script_are_fine() {
        assert!(
            check(
                "Новый iPhone и COVID-19, план B, пункт a) и Twitter.",
                Lang::RU
            )
            .is_empty()
        );
        assert!(check("Я пришёл с другом.", Lang::RU).is_empty());
        assert!(check("شرکت Apple و iPhone", Lang::FA).is_empty());
        assert_eq!(check("شرکت Aپل", Lang::FA).len(), 1);
    }
}
