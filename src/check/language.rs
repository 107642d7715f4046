//! Language identification inside a script: a target in the right script
//! but another language (Ukrainian, Belarusian, Bulgarian or Tajik in the
//! Russian file; Urdu, Pashto or Arabic in the Persian one).
//!
//! Evidence, all from data files under `resources/<lang>/`:
//!
//! - letters that never occur in the language's own words
//!   (`other_language_letters.txt`: `і ї є ґ ў ғ қ ҳ ҷ ӣ ӯ` for Russian,
//!   `ے ہ ں ٹ ڈ ڑ ټ ډ ړ ښ ګ ې ڪ` for Persian), or letters in a place the
//!   language never puts them (`other_language_contexts.txt`: Bulgarian
//!   `ъ` before a consonant). In Persian one such word is evidence
//!   (Persian spells foreign names in its own letters); in Russian a
//!   capitalized word may be a name quoted as its language spells it
//!   ("Київ"), so it takes a lowercase word, two words, or half the words
//!   of a short target;
//! - words: frequent words of the other languages that are not words of the
//!   language (`other_language_words.txt`: Ukrainian `вона`, Bulgarian
//!   `това`, Arabic `الذی`, `لن`), and lowercase words with an ending or
//!   beginning of another language (`other_language_affixes.txt`:
//!   Ukrainian past tense `-ув`, Bulgarian `-ството`, Arabic article
//!   `ال-`) that are not among the language's frequent words
//!   (`background_freq.txt`: "против" is Russian whatever its ending).
//!
//! The other languages' words (with their letters in capitalized words)
//! say a target is not in the language when they outnumber its own
//! function words (`stopwords.txt`, less those the other languages write
//! alike: `other_language_shared.txt`) and are three, or two in a target
//! of at most eight words, or one listed word in a target of one or two
//! words; endings alone count only in a target without an own function
//! word. Words with the Arabic article in a row, or after a name's head
//! (`other_language_name_heads.txt`: "عبد", "بسم"), are one Arabic name
//! quoted in Persian. The message names the language with the most
//! evidence.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::script::{Script, script_of};
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

/// The beginning (`ال-`) or ending (`-ння`) of another language's words.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Affix {
    Prefix(String),
    Ending(String),
}

impl Affix {
    fn parse(s: &str) -> Option<Affix> {
        if let Some(e) = s.strip_prefix('-') {
            return Some(Affix::Ending(e.to_string()));
        }
        s.strip_suffix('-').map(|p| Affix::Prefix(p.to_string()))
    }

    /// Whether `key` has the affix and at least [`AFFIX_STEM`] letters more.
    fn matches(&self, key: &str) -> bool {
        let (affix, has) = match self {
            Affix::Prefix(p) => (p, key.starts_with(p.as_str())),
            Affix::Ending(e) => (e, key.ends_with(e.as_str())),
        };
        has && key.chars().count() >= affix.chars().count() + AFFIX_STEM
    }
}

/// The fewest letters a word has besides another language's affix.
const AFFIX_STEM: usize = 2;

struct Lists {
    script: Script,
    letters: Evidence,
    /// The keys of `letters` as characters, sorted (a text's letters are
    /// looked up in them).
    letter_chars: Vec<char>,
    /// Letters of the language that point to another where they stand
    /// before other letters than these (`ъ` before a consonant is
    /// Bulgarian): the letter, the letters it may precede, the code.
    contexts: Vec<(char, String, String)>,
    words: Evidence,
    affixes: Vec<(Affix, String)>,
    /// Words after which a word with another language's prefix is part of
    /// a name ("عبد الفتاح").
    name_heads: HashSet<String>,
    /// The language's function words that no other language of the script
    /// writes alike.
    own: HashSet<String>,
    /// The language's frequent words (never evidence by their affix).
    frequent: HashSet<String>,
}

fn lists(lang: Lang) -> Option<&'static Lists> {
    static RU: OnceLock<Lists> = OnceLock::new();
    static FA: OnceLock<Lists> = OnceLock::new();
    let (cell, script) = match lang.as_str() {
        "ru" => (&RU, Script::Cyrillic),
        "fa" => (&FA, Script::Arabic),
        _ => return None,
    };
    Some(cell.get_or_init(|| {
        let shared: HashSet<&str> = entries(builtin(lang, "other_language_shared.txt")).collect();
        let first = |l: &str| l.split_whitespace().next().map(|w| normalize_key(w, lang));
        Lists {
            script,
            letters: parse(builtin(lang, "other_language_letters.txt")),
            letter_chars: {
                let mut v: Vec<char> = entries(builtin(lang, "other_language_letters.txt"))
                    .filter_map(|l| l.chars().next())
                    .collect();
                v.sort_unstable();
                v
            },
            contexts: entries(builtin(lang, "other_language_contexts.txt"))
                .filter_map(|l| {
                    let mut cols = l.split_whitespace();
                    let letter = cols.next()?.chars().next()?;
                    Some((letter, cols.next()?.to_string(), cols.next()?.to_string()))
                })
                .collect(),
            words: parse(builtin(lang, "other_language_words.txt")),
            affixes: parse(builtin(lang, "other_language_affixes.txt"))
                .into_iter()
                .filter_map(|(a, code)| Some((Affix::parse(&a)?, code)))
                .collect(),
            name_heads: entries(builtin(lang, "other_language_name_heads.txt"))
                .filter_map(first)
                .collect(),
            own: entries(builtin(lang, "stopwords.txt"))
                .filter(|w| !shared.contains(w))
                .map(str::to_string)
                .collect(),
            frequent: entries(builtin(lang, "background_freq.txt"))
                .filter_map(first)
                .collect(),
        }
    }))
}

/// The fewest words with another language's letters that identify it
/// (unless the target is short: see [`other_language`]).
const MIN_LETTER_WORDS: usize = 2;

/// The fewest words of another language that identify it in any target.
const MIN_EVIDENCE_WORDS: usize = 3;

/// The most words of a target that two words of another language identify
/// (a short sentence: "Президент прибув до Києва", "Цене хлеба су порасле
/// за пет одсто").
const SHORT_TARGET_WORDS: usize = 8;

/// What the words of a target say about one other language.
#[derive(Default)]
struct Tally<'t> {
    /// Listed words, as matching keys (each once).
    listed: Vec<String>,
    /// Words with the language's affix, as matching keys (each once).
    affixed: Vec<String>,
    /// Words with the language's letters, as written (each once).
    lettered: Vec<&'t str>,
    /// Every occurrence of the above.
    occurrences: usize,
}

impl Tally<'_> {
    fn score(&self) -> usize {
        self.occurrences
    }

    fn distinct(&self) -> usize {
        self.listed.len() + self.affixed.len() + self.lettered.len()
    }
}

/// The codes of the other languages whose letters `word` has (in context
/// too), and whether it does; `letters` collects the letters found.
fn letter_codes<'l>(
    lists: &'l Lists,
    word: &str,
    capitalized: bool,
    letters: &mut Vec<char>,
) -> Vec<&'l str> {
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let mut codes: Vec<&str> = Vec::new();
    for (i, &c) in lower.iter().enumerate() {
        // A letter out of its context counts in a capitalized word only
        // inside it: a name may keep an old spelling ("Коммерсантъ",
        // "«Ъ»"), never one that puts `ъ` before a consonant.
        let last = i + 1 == lower.len();
        let in_context = lists.contexts.iter().find(|(l, may_follow, _)| {
            !(capitalized && last)
                && *l == c
                && !lower.get(i + 1).is_some_and(|n| may_follow.contains(*n))
        });
        let code = lists
            .letters
            .get(c.encode_utf8(&mut [0; 4]) as &str)
            .or(in_context.map(|(_, _, code)| code));
        if let Some(code) = code {
            if !codes.contains(&code.as_str()) {
                codes.push(code.as_str());
            }
            if !letters.contains(&c) {
                letters.push(c);
            }
        }
    }
    codes
}

/// The evidence of a target's words.
struct Weighed<'t> {
    tallies: HashMap<&'static str, Tally<'t>>,
    /// The other languages' letters found.
    letters: Vec<char>,
    letter_words: usize,
    lowercase_letter_words: usize,
    /// The language's own function words.
    own: usize,
}

/// Weighs `words` (with their offsets in `target`) for [`other_language`].
fn weigh<'t>(
    lists: &'static Lists,
    lang: Lang,
    target: &'t str,
    words: &[(usize, &'t str)],
) -> Weighed<'t> {
    // In a headline in capitals every word may be a name as far as letters
    // go, and none is one as far as endings go.
    let capitals = !target.chars().any(char::is_lowercase);
    let mut out = Weighed {
        tallies: HashMap::new(),
        letters: Vec::new(),
        letter_words: 0,
        lowercase_letter_words: 0,
        own: 0,
    };
    // The previous word began with another language's prefix or heads a
    // name: Arabic article words in a row ("الرحمن الرحیم", "الوفد
    // الجدید") or after "عبد", "حزب" are one name, quoted as Arabic
    // spells it.
    let mut in_name = false;
    for &(start, w) in words {
        let capitalized = w.starts_with(char::is_uppercase);
        let initial = capitals || sentence_initial(&target[..start]);
        let codes = letter_codes(lists, w, capitalized, &mut out.letters);
        out.letter_words += usize::from(!codes.is_empty());
        out.lowercase_letter_words += usize::from(!codes.is_empty() && !capitalized);
        for code in &codes {
            let t = out.tallies.entry(code).or_default();
            t.occurrences += 1;
            if !t.lettered.contains(&w) {
                t.lettered.push(w);
            }
        }
        let key = normalize_key(w, lang);
        out.own += usize::from(lists.own.contains(&key));
        let after_name = std::mem::replace(&mut in_name, lists.name_heads.contains(&key));
        if let Some(code) = lists.words.get(&key) {
            let t = out.tallies.entry(code).or_default();
            t.occurrences += 1;
            if !t.listed.contains(&key) {
                t.listed.push(key);
            }
            continue;
        }
        let affix = lists.affixes.iter().find(|(a, _)| a.matches(&key));
        if let Some((Affix::Prefix(_), _)) = affix {
            in_name = true;
        }
        if (capitalized && !initial) || !codes.is_empty() || lists.frequent.contains(&key) {
            continue;
        }
        if let Some((a, code)) = affix {
            if matches!(a, Affix::Prefix(_)) && after_name {
                continue;
            }
            let t = out.tallies.entry(code).or_default();
            t.occurrences += 1;
            if !t.affixed.contains(&key) {
                t.affixed.push(key);
            }
        }
    }
    out
}

/// Whether a word after `before` begins a sentence (its capital says
/// nothing of a name).
fn sentence_initial(before: &str) -> bool {
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || "«\"„“'(—–-".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', '…'])
}

/// What a whole document's words say about the other languages of
/// `lang`'s script ([`document_languages`]).
#[derive(Debug)]
pub(crate) struct DocumentEvidence {
    /// The other languages, most evidence first: the code, how many of
    /// the letters found point to it (Kazakh `қ ң ү ғ ө` outweigh the one
    /// `і` it shares with Ukrainian), and its evidence's occurrences.
    pub(crate) codes: Vec<(&'static str, usize, usize)>,
    /// The other languages' share of the evidence (their words and letter
    /// words against `lang`'s own function words), above one half.
    pub(crate) share: f64,
}

/// Whether `text` has a letter that `lang` never writes
/// (`other_language_letters.txt`): the cheap question asked before
/// [`document_languages`] weighs a document's words.
pub(crate) fn has_other_language_letter(text: &str, lang: Lang) -> bool {
    let Some(lists) = lists(lang) else {
        return false;
    };
    text.chars()
        .any(|c| !c.is_ascii() && lists.letter_chars.binary_search(&c).is_ok())
}

/// The other languages of `lang`'s script that a whole document is written
/// in, by the evidence [`other_language`] weighs for a translation, with a
/// document's bar: the other languages' letter words, listed words and
/// affixed words outnumber `lang`'s own function words and are at least
/// [`MIN_EVIDENCE_WORDS`]. A Persian article quoting a verse or naming
/// Arabic bodies, or a Russian one naming Ukrainian places, has far more
/// function words of its own. `None` when the document is in `lang` (or
/// `lang` has no lists).
pub(crate) fn document_languages(text: &str, lang: Lang) -> Option<DocumentEvidence> {
    let lists = lists(lang)?;
    let mut words: Vec<(usize, &str)> = Vec::new();
    for_each_word(text, |s, e| words.push((s, &text[s..e])));
    words.retain(|(_, w)| w.chars().any(|c| script_of(c) == Some(lists.script)));
    let weighed = weigh(lists, lang, text, &words);
    // In Cyrillic a capitalized word with another language's letter is a
    // name quoted as that language spells it ("Київ", "Запоріжжя") as
    // often as not: a document's evidence counts the lowercase ones.
    let names = if lists.script == Script::Arabic {
        0
    } else {
        weighed.letter_words - weighed.lowercase_letter_words
    };
    let score = weighed
        .tallies
        .values()
        .map(Tally::score)
        .sum::<usize>()
        .saturating_sub(names);
    // Without one function word of the language, two words of another
    // language are enough.
    let least = if weighed.own == 0 {
        2
    } else {
        MIN_EVIDENCE_WORDS
    };
    if score <= weighed.own || score < least {
        return None;
    }
    let letters_of = |code: &str| {
        weighed
            .letters
            .iter()
            .filter(|&&c| {
                let letter = lists.letters.get(c.encode_utf8(&mut [0; 4]) as &str);
                let context = lists.contexts.iter().find(|(l, _, _)| *l == c);
                letter
                    .or(context.map(|(_, _, code)| code))
                    .map(String::as_str)
                    == Some(code)
            })
            .count()
    };
    let mut ranked: Vec<(&'static str, usize, usize)> = weighed
        .tallies
        .iter()
        .map(|(code, t)| (*code, letters_of(code), t.score()))
        .collect();
    ranked.sort_by(|a, b| (b.1, b.2).cmp(&(a.1, a.2)).then(a.0.cmp(b.0)));
    Some(DocumentEvidence {
        codes: ranked,
        share: score as f64 / (score + weighed.own) as f64,
    })
}

/// The language `target` is written in when it is not `lang` although in
/// `lang`'s script, as a message naming the evidence; `None` when nothing
/// says so (or `lang` has no lists).
pub(crate) fn other_language(target: &str, lang: Lang) -> Option<String> {
    let lists = lists(lang)?;
    let target = super::bounded(target);
    let spans = super::text::untouchable_spans(target);
    let mut words: Vec<(usize, &str)> = Vec::new();
    for_each_word(target, |s, e| {
        if !spans.iter().any(|&(a, b)| s >= a && e <= b) {
            words.push((s, &target[s..e]));
        }
    });
    // The words in the language's script.
    words.retain(|(_, w)| w.chars().any(|c| script_of(c) == Some(lists.script)));
    let Weighed {
        tallies,
        letters,
        letter_words,
        lowercase_letter_words,
        own,
    } = weigh(lists, lang, target, &words);
    // Arabic script has no capitals and Persian writes foreign names in
    // its own letters: one word is evidence. In Cyrillic, a capitalized
    // word may be a name quoted as its language spells it ("Київ").
    let enough = if lang == Lang::FA {
        letter_words >= 1
    } else {
        lowercase_letter_words >= 1
            || letter_words >= MIN_LETTER_WORDS
            || (letter_words > 0 && letter_words * 2 >= words.len())
    };
    if enough {
        let mut codes: Vec<&str> = tallies
            .iter()
            .filter(|(_, t)| !t.lettered.is_empty())
            .map(|(c, _)| *c)
            .collect();
        codes.sort_unstable();
        let shown: Vec<String> = letters.iter().take(5).map(char::to_string).collect();
        return Some(format!(
            "{letter_words} word(s) with letters that {lang} does not use ({}): written in {}?",
            shown.join(" "),
            codes.join(" or ")
        ));
    }
    // Every other language's evidence says the target is not `lang`; the
    // message names the language with the most.
    let score: usize = tallies.values().map(Tally::score).sum();
    let distinct: usize = tallies.values().map(Tally::distinct).sum();
    let n = words.len();
    let listed = tallies.values().any(|t| !t.listed.is_empty());
    // Affixes alone are weaker evidence (a list of Arabic names in Persian
    // has many article words): they take a target without one of the
    // language's own function words.
    let affixes_only = !listed && tallies.values().all(|t| t.lettered.is_empty());
    let identified = score > own
        && (!affixes_only || own == 0)
        && ((distinct >= 2 && (score >= MIN_EVIDENCE_WORDS || n <= SHORT_TARGET_WORDS))
            || (listed && own == 0 && n <= 2));
    if !identified {
        return None;
    }
    let mut ranked: Vec<(&str, Tally)> = tallies.into_iter().collect();
    ranked.sort_by(|a, b| b.1.score().cmp(&a.1.score()).then(a.0.cmp(b.0)));
    let code = ranked.first()?.0;
    let shown: Vec<&str> = ranked
        .iter()
        .flat_map(|(_, t)| {
            (t.listed.iter().chain(&t.affixed))
                .map(String::as_str)
                .chain(t.lettered.iter().copied())
        })
        .take(4)
        .collect();
    Some(format!(
        "words of another language ({}), more than {lang} function words: written in {code}?",
        shown.join(", ")
    ))
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
            // Regression (issue 21): Arabic without ة ي ك ى, short Arabic,
            // and Ukrainian whose only letter of its own is in a name.
            ("المحادثات ستستأنف الأسبوع المقبل.", Lang::FA, "ar"),
            ("قال لا.", Lang::FA, "ar"),
            ("Президент прибув до Києва.", Lang::RU, "uk"),
            ("Вона сказала, що угода буде готова завтра.", Lang::RU, "uk"),
            ("Засгийн газар шинэ хууль баталлаа.", Lang::RU, "mn"),
            ("ПЕРЕГОВОРИ ВІДНОВЛЯТЬСЯ У ПОНЕДІЛОК.", Lang::RU, "uk"),
            ("Президентът пристигна в столицата.", Lang::RU, "bg"),
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
            // Arabic names and phrases quoted in Persian: an article word
            // after another or after a name's head is the name's.
            ("بسم الله الرحمن الرحیم", Lang::FA),
            ("حزب الوفد الجدید ۳۶ کرسی", Lang::FA),
            ("محمد عبد الفتاح و ابوالعز الحریری نامزد شدند.", Lang::FA),
            (
                "نامزدها هشام البسطویسی، محمد سلیم العوا و عبدالله الاشعل هستند.",
                Lang::FA,
            ),
            ("Город Запоріжжя (Запорожье) подвергся обстрелу.", Lang::RU),
            ("Он выступил против, и архив закрыли.", Lang::RU),
        ] {
            assert_eq!(other_language(text, lang), None, "{text}");
        }
    }

    #[test]
    fn the_lists_are_sorted_unique_and_name_a_language() {
        for lang in [Lang::RU, Lang::FA] {
            let stopwords: HashSet<&str> = entries(builtin(lang, "stopwords.txt")).collect();
            // (file, fewest lines, columns)
            for (file, min, columns) in [
                ("other_language_letters.txt", 5, 2),
                ("other_language_words.txt", 5, 2),
                ("other_language_contexts.txt", 1, 3),
                ("other_language_affixes.txt", 1, 2),
                ("other_language_shared.txt", 5, 1),
                ("other_language_name_heads.txt", 5, 1),
            ] {
                if builtin(lang, file).is_empty() {
                    continue;
                }
                let lines: Vec<&str> = entries(builtin(lang, file)).collect();
                assert!(lines.len() >= min, "{lang} {file}");
                let mut sorted = lines.clone();
                sorted.sort_unstable();
                sorted.dedup();
                assert_eq!(lines, sorted, "{lang} {file} is not sorted and unique");
                for l in &lines {
                    let cols: Vec<&str> = l.split_whitespace().collect();
                    assert_eq!(cols.len(), columns, "{lang} {file}: {l}");
                    let word = cols[0].trim_matches('-');
                    if file != "other_language_letters.txt" && file != "other_language_contexts.txt"
                    {
                        assert_eq!(normalize_key(word, lang), word, "{lang} {file}: {l}");
                    }
                    if file == "other_language_affixes.txt" {
                        assert!(Affix::parse(cols[0]).is_some(), "{lang} {file}: {l}");
                    }
                    // Shared words are the language's stopwords; the
                    // others' words are not.
                    assert_eq!(
                        stopwords.contains(word),
                        file == "other_language_shared.txt",
                        "{lang} {file}: {l}"
                    );
                }
            }
        }
    }
}
