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

/// Latin letters that look like the Russian one-letter words `а с о у к`
/// (lowercase) and `А В С К О У` (capitalized, at the start of a sentence).
const LONE_LOWER: &[char] = &['a', 'c', 'o', 'y', 'k'];
const LONE_UPPER: &[char] = &['A', 'B', 'C', 'K', 'O', 'Y'];

/// What may separate a lone letter from its neighbours in running text:
/// spaces and sentence punctuation, not brackets or quotes ("пункт a)",
/// "«A»" are labels).
fn running_gap(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || ",;:.!?…—–".contains(c))
}

pub(crate) fn check(target: &str, lang: Lang) -> Vec<Finding> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for_each_word(target, |s, e| spans.push((s, e)));
    let words: Vec<&str> = spans.iter().map(|&(s, e)| &target[s..e]).collect();
    let mut bad: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let sc = scripts(w);
        if sc.len() >= 2 {
            if !bad.contains(w) {
                bad.push(w);
            }
            continue;
        }
        if lang != Lang::RU || sc != [Script::Latin] || w.chars().count() != 1 {
            continue;
        }
        let c = w.chars().next().unwrap_or(' ');
        let before = &target[..spans[i].0];
        let after_ok = words.get(i + 1).is_some_and(|n| {
            running_gap(&target[spans[i].1..spans[i + 1].0])
                && (scripts(n) == [Script::Cyrillic] || n.starts_with(|c: char| c.is_ascii_digit()))
        });
        // Lowercase: after a Cyrillic word or at the start; capitalized:
        // only where a sentence starts ("B пятницу", not "план B, и").
        let sentence_start = before
            .trim_end()
            .trim_end_matches(['«', '"', '„', '(', '—', '–', ' '])
            .is_empty()
            || before.trim_end().ends_with(['.', '!', '?', '…']);
        let lone = if LONE_LOWER.contains(&c) {
            i == 0
                || (scripts(words[i - 1]) == [Script::Cyrillic]
                    && running_gap(&target[spans[i - 1].1..spans[i].0]))
        } else {
            LONE_UPPER.contains(&c) && sentence_start
        };
        if lone && after_ok && !bad.contains(w) {
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

impl Script {
    fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Arabic => "Arabic-script",
            Script::Other => "other",
        }
    }
}

/// The one script a language is written in, for the languages where there
/// is no doubt (Serbian, written in two, is not among them); `None` for the
/// others, whose targets are never judged by their script.
fn script_of_language(lang: Lang) -> Option<Script> {
    match lang.as_str() {
        "fa" | "ar" | "ur" | "ps" | "ckb" | "sd" | "ug" => Some(Script::Arabic),
        "ru" | "uk" | "be" | "bg" | "mk" | "kk" | "ky" | "tg" | "mn" => Some(Script::Cyrillic),
        "el" => Some(Script::Greek),
        _ => None,
    }
}

/// A target that cannot be in its language: it has words to translate (as
/// [`super::text::has_words_to_translate`] counts them: URLs, e-mail
/// addresses, @handles and #hashtags aside) and not one letter of the
/// language's script. A Persian target in Cyrillic letters is the Russian
/// translation delivered in the wrong file; one in Latin letters was left
/// in English. The message names the script found. Persian and Russian
/// news translations keep names in Latin letters (`iPhone`, `BBC`) beside
/// their own words, so any letter of the language's script clears a
/// target.
pub(crate) fn foreign_script(target: &str, lang: Lang) -> Option<String> {
    let expected = script_of_language(lang)?;
    // As every unit check: the first MAX_CHECKED_BYTES of a huge target.
    let target = super::bounded(target);
    let spans = super::text::untouchable_spans(target);
    let mut counts = [0usize; 5];
    let order = [
        Script::Latin,
        Script::Cyrillic,
        Script::Greek,
        Script::Arabic,
        Script::Other,
    ];
    for (i, c) in target.char_indices() {
        if spans.iter().any(|&(a, b)| i >= a && i < b) {
            continue;
        }
        if let Some(sc) = script_of(c) {
            if sc == expected {
                return None;
            }
            counts[order.iter().position(|&o| o == sc).unwrap_or(4)] += 1;
        }
    }
    if !super::text::has_words_to_translate(target) {
        return None;
    }
    let (found, _) = order
        .iter()
        .zip(counts)
        .max_by_key(|&(_, n)| n)
        .filter(|&(_, n)| n > 0)?;
    Some(format!(
        "no {} letter in a {lang} target, which is written in {} letters: a translation into another language, or the source language?",
        expected.name(),
        found.name()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_in_another_script_than_its_language() {
        let f = |t: &str, l: Lang| foreign_script(t, l);
        assert!(f("Путин позвонил Асаду.", Lang::FA).is_some_and(|m| m.contains("Cyrillic")));
        assert!(f("Putin called Assad.", Lang::FA).is_some_and(|m| m.contains("Latin")));
        assert!(f("پوتین به اسد زنگ زد.", Lang::RU).is_some_and(|m| m.contains("Arabic")));
        assert!(f("Putin called Assad.", Lang::RU).is_some());
        // One letter of the language's script clears it; names in Latin are fine.
        assert!(f("شرکت Apple و iPhone", Lang::FA).is_none());
        assert!(f("Новый iPhone от Apple", Lang::RU).is_none());
        // Nothing to translate: a name, a number, a URL, a handle.
        assert!(f("Reuters", Lang::FA).is_none());
        assert!(f("BBC", Lang::RU).is_none());
        assert!(f("2019", Lang::FA).is_none());
        assert!(f("https://example.org/news @bbc #MeToo", Lang::FA).is_none());
        // Languages without one script are not judged.
        assert!(f("Путин позвонил Асаду.", Lang::EN).is_none());
        assert!(f("Putin called Assad.", "sr".parse().unwrap()).is_none());
    }

    #[test]
    fn latin_look_alikes_inside_russian_words() {
        assert_eq!(check("Мы были в Мoскве.", Lang::RU).len(), 1);
        assert_eq!(check("Cначала", Lang::RU).len(), 1);
        // The reverse: a Cyrillic letter in a Latin word.
        assert_eq!(check("Компания Fасеbook", Lang::RU).len(), 1);
        assert_eq!(check("Я пришел c другом.", Lang::RU).len(), 1);
        assert_eq!(check("B пятницу он ушёл.", Lang::RU).len(), 1);
        assert_eq!(check("Он ушёл. A потом вернулся.", Lang::RU).len(), 1);
        assert_eq!(check("работы, a затем", Lang::RU).len(), 1);
        assert_eq!(check("сообщает o 14-процентном росте", Lang::RU).len(), 1);
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
        assert!(check("Витамин C и план B, и класс A.", Lang::RU).is_empty());
        assert!(check("Буква «a» и пункт a) и", Lang::RU).is_empty());
        assert!(check("شرکت Apple و iPhone", Lang::FA).is_empty());
        assert_eq!(check("شرکت Aپل", Lang::FA).len(), 1);
    }
}
