//! Language identification inside a script: a target in the right script
//! but another language (Ukrainian, Belarusian or Tajik in the Russian
//! file; Urdu, Pashto or Arabic in the Persian one).
//!
//! Two kinds of evidence, both from data files under `resources/<lang>/`:
//!
//! - letters that never occur in the language's own words
//!   (`other_language_letters.txt`: `і ї є ґ ў ғ қ ҳ ҷ ӣ ӯ` for Russian,
//!   `ے ہ ں ٹ ڈ ڑ ټ ډ ړ ښ ګ ې` for Persian). In Persian one such word is
//!   evidence (Persian spells foreign names in its own letters); in Russian
//!   a capitalized word may be a name quoted as its language spells it
//!   ("Київ"), so it takes a lowercase word, two words, or half the words
//!   of a short target;
//! - for longer targets, frequent words of the other languages that are not
//!   words of the language (`other_language_words.txt`: Bulgarian `това`,
//!   `които`, `са`; Arabic `فی`, `الذی`, `هذا`): at least three, and more
//!   than the language's own stopwords in the target.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lang::Lang;
use crate::resources::{builtin, entries};
use crate::tokenize::{for_each_word, normalize_key};

/// Letters (or words) of other languages, each with the language's code.
type Evidence = HashMap<String, String>;

fn parse(text: &str) -> Evidence {
    entries(text)
        .filter_map(|l| {
            let mut cols = l.split_whitespace();
            Some((cols.next()?.to_string(), cols.next()?.to_string()))
        })
        .collect()
}

struct Lists {
    letters: Evidence,
    /// Letters of the language that point to another where they stand
    /// before other letters than these (`ъ` before a consonant is
    /// Bulgarian): the letter, the letters it may precede, the code.
    contexts: Vec<(char, String, String)>,
    words: Evidence,
    stopwords: std::collections::HashSet<String>,
}

fn lists(lang: Lang) -> Option<&'static Lists> {
    static RU: OnceLock<Lists> = OnceLock::new();
    static FA: OnceLock<Lists> = OnceLock::new();
    let cell = match lang.as_str() {
        "ru" => &RU,
        "fa" => &FA,
        _ => return None,
    };
    Some(cell.get_or_init(|| {
        Lists {
            letters: parse(builtin(lang, "other_language_letters.txt")),
            contexts: entries(builtin(lang, "other_language_contexts.txt"))
                .filter_map(|l| {
                    let mut cols = l.split_whitespace();
                    let letter = cols.next()?.chars().next()?;
                    Some((letter, cols.next()?.to_string(), cols.next()?.to_string()))
                })
                .collect(),
            words: parse(builtin(lang, "other_language_words.txt")),
            stopwords: entries(builtin(lang, "stopwords.txt"))
                .map(str::to_string)
                .collect(),
        }
    }))
}

/// The fewest words with another language's letters that identify it
/// (unless the target is short: see [`other_language`]).
const MIN_LETTER_WORDS: usize = 2;

/// The fewest frequent words of another language that identify it.
const MIN_EVIDENCE_WORDS: usize = 3;

/// The language `target` is written in when it is not `lang` although in
/// `lang`'s script, as a message naming the evidence; `None` when nothing
/// says so (or `lang` has no lists).
pub(crate) fn other_language(target: &str, lang: Lang) -> Option<String> {
    let lists = lists(lang)?;
    let target = super::bounded(target);
    let spans = super::text::untouchable_spans(target);
    let mut words: Vec<&str> = Vec::new();
    for_each_word(target, |s, e| {
        if !spans.iter().any(|&(a, b)| s >= a && e <= b) {
            words.push(&target[s..e]);
        }
    });
    let lettered: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    // Letters: the words that have one, and the languages they point to.
    let mut letter_words = 0;
    let mut lowercase_letter_words = 0;
    let mut codes: Vec<&str> = Vec::new();
    let mut letters: Vec<char> = Vec::new();
    for w in &lettered {
        let mut any = false;
        let lower: Vec<char> = w.chars().flat_map(char::to_lowercase).collect();
        // A letter out of its context counts in lowercase words only: a
        // name may keep an old spelling ("Коммерсантъ", "«Ъ»").
        let capitalized = w.starts_with(char::is_uppercase);
        for (i, &c) in lower.iter().enumerate() {
            let in_context = lists.contexts.iter().find(|(l, may_follow, _)| {
                !capitalized
                    && *l == c
                    && !lower.get(i + 1).is_some_and(|n| may_follow.contains(*n))
            });
            let code = lists
                .letters
                .get(c.encode_utf8(&mut [0; 4]) as &str)
                .or(in_context.map(|(_, _, code)| code));
            if let Some(code) = code {
                any = true;
                if !codes.contains(&code.as_str()) {
                    codes.push(code.as_str());
                }
                if !letters.contains(&c) {
                    letters.push(c);
                }
            }
        }
        letter_words += usize::from(any);
        lowercase_letter_words += usize::from(any && !w.starts_with(char::is_uppercase));
    }
    // Arabic script has no capitals and Persian writes foreign names in
    // its own letters: one word is evidence. In Cyrillic, a capitalized
    // word may be a name quoted as its language spells it ("Київ").
    let enough = if lang == Lang::FA {
        letter_words >= 1
    } else {
        lowercase_letter_words >= 1
            || letter_words >= MIN_LETTER_WORDS
            || (letter_words > 0 && letter_words * 2 >= lettered.len())
    };
    if enough {
        let shown: Vec<String> = letters.iter().take(5).map(char::to_string).collect();
        return Some(format!(
            "{letter_words} word(s) with letters that {lang} does not use ({}): written in {}?",
            shown.join(" "),
            codes.join(" or ")
        ));
    }
    // Words: frequent words of another language against the language's own.
    let keys: Vec<String> = lettered.iter().map(|w| normalize_key(w, lang)).collect();
    let own = keys.iter().filter(|k| lists.stopwords.contains(*k)).count();
    let mut by_words: HashMap<&str, Vec<&str>> = HashMap::new();
    for k in &keys {
        if let Some(code) = lists.words.get(k) {
            let e = by_words.entry(code.as_str()).or_default();
            if !e.contains(&k.as_str()) {
                e.push(k.as_str());
            }
        }
    }
    let (code, found) = by_words
        .into_iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))?;
    (found.len() >= MIN_EVIDENCE_WORDS && found.len() > own).then(|| {
        format!(
            "words of another language ({}), more than {lang} function words: written in {code}?",
            found.iter().take(4).copied().collect::<Vec<_>>().join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_languages_in_the_same_script_are_named() {
        for (text, lang, code) in [
            (
                "Переговори відновляться у понеділок у Женеві.",
                Lang::RU,
                "uk",
            ),
            (
                "Перамовы аднавяцца ў панядзелак у Жэневе, і гэта важна.",
                Lang::RU,
                "be",
            ),
            (
                "Гуфтугӯҳо рӯзи душанбе дар Женева аз сар гирифта мешаванд.",
                Lang::RU,
                "tg",
            ),
            (
                "Това са думите, които той каза вчера на срещата.",
                Lang::RU,
                "bg",
            ),
            // Regression: Bulgarian without its frequent words passed;
            // its hard sign is a vowel, before a consonant or at the end.
            (
                "Президентът каза, че ще посети страната следващата седмица.",
                Lang::RU,
                "bg",
            ),
            ("Книгата е върху масата.", Lang::RU, "bg"),
            // Regression: Tajik without its own letters passed.
            (
                "Президент гуфт, ки хафтаи оянда ба кишвар сафар мекунад.",
                Lang::RU,
                "tg",
            ),
            // Regression: Kurdish with only its ە, and Arabic with ة.
            ("کە هەفتەی داهاتوو دەکات", Lang::FA, "ckb"),
            ("زيارة رسمية للبلاد", Lang::FA, "ar"),
            (
                "یہ مذاکرات پیر کے روز جنیوا میں دوبارہ شروع ہوں گے۔",
                Lang::FA,
                "ur",
            ),
            (
                "قال الوزير في هذا الاجتماع الذي عقد أمس إن المحادثات ستستأنف",
                Lang::FA,
                "ar",
            ),
        ] {
            let found = other_language(text, lang);
            assert!(
                found.as_deref().is_some_and(|m| m.contains(code)),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn names_and_the_language_itself_are_not_reported() {
        for (text, lang) in [
            ("Переговоры возобновятся в понедельник в Женеве.", Lang::RU),
            (
                "Мэр Киева (по-украински Київ) заявил об этом в понедельник.",
                Lang::RU,
            ),
            ("Он сказал, что это не так, и ушёл.", Lang::RU),
            ("Он объявил о въезде, подъёме и съёмках.", Lang::RU),
            ("Об этом пишет «Коммерсантъ» («Ъ»).", Lang::RU),
            ("گفتگوها روز دوشنبه در ژنو از سر گرفته می‌شود.", Lang::FA),
            (
                "علی گفت که این کار را در سال ۱۳۹۸ انجام داده است.",
                Lang::FA,
            ),
        ] {
            assert_eq!(other_language(text, lang), None, "{text}");
        }
    }

    #[test]
    fn the_lists_are_sorted_unique_and_name_a_language() {
        for lang in [Lang::RU, Lang::FA] {
            for file in [
                "other_language_letters.txt",
                "other_language_words.txt",
                "other_language_contexts.txt",
            ] {
                if builtin(lang, file).is_empty() {
                    continue;
                }
                let lines: Vec<&str> = entries(builtin(lang, file)).collect();
                let contexts = file == "other_language_contexts.txt";
                assert!(lines.len() >= if contexts { 1 } else { 5 }, "{lang} {file}");
                let mut sorted = lines.clone();
                sorted.sort_unstable();
                sorted.dedup();
                assert_eq!(lines, sorted, "{lang} {file} is not sorted and unique");
                for l in &lines {
                    let cols: Vec<&str> = l.split_whitespace().collect();
                    assert_eq!(
                        cols.len(),
                        if contexts { 3 } else { 2 },
                        "{lang} {file}: {l}"
                    );
                    if file == "other_language_words.txt" {
                        assert_eq!(normalize_key(cols[0], lang), cols[0], "{lang} {file}: {l}");
                    }
                    assert!(
                        !lists(lang).unwrap().stopwords.contains(cols[0]),
                        "{lang} {file}: {l} is a {lang} stopword"
                    );
                }
            }
        }
    }
}
