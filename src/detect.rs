//! Language detection: script first, then a restricted whatlang detector.
//!
//! whatlang alone labels short English as Zulu or Latin and short Russian as
//! Ukrainian or Bulgarian. brief's users read English, Russian and Persian
//! first, so detection works in two steps:
//!
//! 1. the writing system decides the candidate family (Latin, Cyrillic,
//!    Arabic, ...);
//! 2. within it, the preferred language (en, ru, fa) wins unless whatlang is
//!    reliably sure of another one *and* the text is long enough to trust it
//!    (Cyrillic also needs a letter that Russian does not use, Arabic script a
//!    sign that the text is not Persian).

use serde::Serialize;
use whatlang::{Detector, Lang as W, Script};

use crate::lang::Lang;

/// How a language was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Given by the user (`--lang`, TOML or the JSONL `lang` field).
    Override,
    /// whatlang within the script's languages.
    Detector,
    /// The script's preferred language, because nothing else was sure.
    Script,
    /// English by its function words (Latin script only), before whatlang.
    #[serde(rename = "function-words")]
    FunctionWords,
    /// No letters at all: English by convention, with confidence 0.
    Fallback,
}

/// The outcome of language detection for one document.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Detection {
    /// The language.
    pub lang: Lang,
    /// Confidence between 0 and 1.
    pub confidence: f64,
    /// The dominant writing system, if the text has letters.
    #[serde(serialize_with = "serialize_script")]
    pub script: Option<Script>,
    /// How the language was decided.
    pub method: Method,
}

/// Texts shorter than this (in characters) keep the script's preferred
/// language unless whatlang is very sure.
const MIN_CHARS_FOR_OTHER: usize = 40;

/// The script is the dominant one of the first 4 KiB (cut at a character
/// boundary), and the letters that tell Persian from Arabic and Russian from
/// its neighbours are looked for there too.
const WIDE_SAMPLE_BYTES: usize = 4096;

/// The language itself is decided on the first KiB when that KiB is
/// representative (see [`language_sample`]). Running whatlang on 4 KiB was
/// 40 % of the work of a batch summary; on the 2,981 documents of the dev
/// sets (news articles, UD paragraphs, NTREX in en/ru/fa) the first KiB
/// gives the same language as 4 KiB for every one, and only some
/// confidences move.
const SAMPLE_BYTES: usize = 1024;

/// The text the language is decided on: the first KiB, unless it is not
/// representative of the first 4 KiB — its dominant script is another one
/// (an English copyright header before a Persian article, a table before
/// the text) or it has fewer than [`MIN_CHARS_FOR_OTHER`] letters — in which
/// case the first 4 KiB.
fn language_sample<'t>(text: &'t str, wide: &'t str, script: Script, narrow: &Tally) -> &'t str {
    let head = head(text, SAMPLE_BYTES);
    if head.len() == wide.len() {
        return head;
    }
    if narrow.letters < MIN_CHARS_FOR_OTHER || narrow.script(head) != Some(script) {
        wide
    } else {
        head
    }
}

/// The letters of a text that whatlang's script detection counts, for the
/// scripts of brief's preferred languages, in one pass: whatlang tries up
/// to 25 scripts on every character of the 4 KiB sample (twice, with the
/// first KiB), which was a fifth of the work of a batch summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    latin: usize,
    cyrillic: usize,
    arabic: usize,
    /// Characters that may count for some other script (or for none, or
    /// for one of the three above: the few characters two scripts share).
    other: usize,
    /// Alphabetic characters (`char::is_alphabetic`).
    letters: usize,
}

impl Tally {
    fn of(text: &str) -> Tally {
        let mut t = Tally::default();
        // ASCII letters by bytes (a loop without branches, in vector
        // instructions); only the rest is decoded.
        let ascii: usize = text
            .as_bytes()
            .chunks(128)
            .map(|block| {
                let n = block.iter().fold(0u8, |n, &b| {
                    n + u8::from((b | 0x20).wrapping_sub(b'a') < 26)
                });
                usize::from(n)
            })
            .sum();
        t.latin += ascii;
        t.letters += ascii;
        if text.is_ascii() {
            return t;
        }
        // Digits, spaces and punctuation belong to no script, and ASCII
        // letters are counted: only the characters that start with a lead
        // byte (0xC0 and above) are decoded, so a text with a few curly
        // quotes is not decoded throughout.
        let mut at = 0;
        for block in text.as_bytes().chunks(32) {
            let start = at;
            at += block.len();
            if block.iter().fold(0u8, |acc, &b| acc | b) < 0xC0 {
                continue;
            }
            for (k, &b) in block.iter().enumerate() {
                if b >= 0xC0 {
                    t.count_char(&text[start + k..]);
                }
            }
        }
        t
    }

    /// Counts the character `rest` starts with (not ASCII).
    fn count_char(&mut self, rest: &str) {
        let Some(c) = rest.chars().next() else {
            return;
        };
        self.letters += usize::from(c.is_alphabetic());
        match script_of_char(c) {
            Some(Script::Latin) => self.latin += 1,
            Some(Script::Cyrillic) => self.cyrillic += 1,
            Some(Script::Arabic) => self.arabic += 1,
            _ => self.other += 1,
        }
    }

    fn add(self, o: Tally) -> Tally {
        Tally {
            latin: self.latin + o.latin,
            cyrillic: self.cyrillic + o.cyrillic,
            arabic: self.arabic + o.arabic,
            other: self.other + o.other,
            letters: self.letters + o.letters,
        }
    }

    /// `whatlang::detect_script(text)`, where `self` is the tally of
    /// `text`: answered from the counts when one of the three scripts leads
    /// by more than the characters it cannot place, else asked of whatlang.
    fn script(&self, text: &str) -> Option<Script> {
        let mut counts = [
            (self.latin, Script::Latin),
            (self.cyrillic, Script::Cyrillic),
            (self.arabic, Script::Arabic),
        ];
        counts.sort_by_key(|c| std::cmp::Reverse(c.0));
        let (best, second) = (counts[0], counts[1].0);
        if best.0 == 0 && self.other == 0 {
            return None;
        }
        if best.0 > second + self.other {
            return Some(best.1);
        }
        whatlang::detect_script(text)
    }
}

/// The script whatlang counts a non-ASCII character for, among Latin,
/// Cyrillic and Arabic (the ranges of its script tables); `None` for any
/// other character, and for the two (U+1D2B, U+1D78) that both Latin and
/// Cyrillic claim.
fn script_of_char(c: char) -> Option<Script> {
    match c {
        '\u{1D2B}' | '\u{1D78}' => None,
        '\u{0080}'..='\u{02AF}'
        | '\u{1D00}'..='\u{1DBF}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2100}'..='\u{214F}'
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{AB30}'..='\u{AB6F}' => Some(Script::Latin),
        '\u{0400}'..='\u{0484}'
        | '\u{0487}'..='\u{052F}'
        | '\u{2DE0}'..='\u{2DFF}'
        | '\u{A640}'..='\u{A69D}'
        | '\u{A69F}' => Some(Script::Cyrillic),
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{07FF}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10E60}'..='\u{10E7F}'
        | '\u{1EE00}'..='\u{1EEFF}' => Some(Script::Arabic),
        _ => None,
    }
}

/// Detects the language of `text`; `user` (an override) wins when given.
///
/// ```
/// use brief::{detect, Lang};
/// assert_eq!(detect("The president spoke on the phone.", None).lang, Lang::EN);
/// assert_eq!(detect("Президент говорил по телефону.", None).lang, Lang::RU);
/// assert_eq!(detect("رئیس‌جمهور تلفنی صحبت کرد.", None).lang, Lang::FA);
/// assert_eq!(detect("Hello", Some(Lang::RU)).lang, Lang::RU);
/// ```
pub fn detect(text: &str, user: Option<Lang>) -> Detection {
    let wide = head(text, WIDE_SAMPLE_BYTES);
    let narrow = head(text, SAMPLE_BYTES);
    let narrow_tally = Tally::of(narrow);
    let wide_tally = if wide.len() == narrow.len() {
        narrow_tally
    } else {
        narrow_tally.add(Tally::of(&wide[narrow.len()..]))
    };
    let script = wide_tally.script(wide);
    if let Some(lang) = user {
        return Detection {
            lang,
            confidence: 1.0,
            script,
            method: Method::Override,
        };
    }
    let Some(script) = script else {
        return Detection {
            lang: Lang::EN,
            confidence: 0.0,
            script: None,
            method: Method::Fallback,
        };
    };
    let sample = language_sample(text, wide, script, &narrow_tally);
    if script == Script::Latin && english_by_function_words(sample) {
        return Detection {
            lang: Lang::EN,
            confidence: 1.0,
            script: Some(script),
            method: Method::FunctionWords,
        };
    }
    let (preferred, allow): (Lang, &[W]) = match script {
        Script::Latin => (Lang::EN, LATIN),
        Script::Cyrillic => (Lang::RU, CYRILLIC),
        Script::Arabic => (Lang::FA, ARABIC),
        _ => return other_script(sample, script),
    };
    let guess = Detector::with_allowlist(allow.to_vec()).detect(sample);
    let Some(info) = guess else {
        return by_script(preferred, script, 0.5);
    };
    let found = Lang::from_whatlang(info.lang());
    if found == preferred {
        return Detection {
            lang: found,
            confidence: info.confidence().max(0.5),
            script: Some(script),
            method: Method::Detector,
        };
    }
    let trusted = info.is_reliable()
        && sample.chars().filter(|c| c.is_alphabetic()).count() >= MIN_CHARS_FOR_OTHER
        && match script {
            Script::Cyrillic => has_non_russian_cyrillic(wide),
            Script::Arabic => !has_persian_letters(wide),
            _ => true,
        };
    if trusted {
        Detection {
            lang: found,
            confidence: info.confidence(),
            script: Some(script),
            method: Method::Detector,
        }
    } else {
        by_script(preferred, script, 1.0 - info.confidence() / 2.0)
    }
}

/// English function words that are rare as words of the other Latin-script
/// languages whatlang knows (so no `a`, `in`, `is`, `of`, `to`, `was`, `for`,
/// `her`, `on`, `will`). Sorted, lowercase, at most 5 letters.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "about", "after", "and", "been", "but", "could", "from", "had", "has", "have", "his", "into",
    "its", "not", "our", "said", "she", "than", "that", "the", "their", "them", "there", "these",
    "they", "this", "were", "what", "when", "which", "while", "who", "with", "would", "you",
];

/// Frequent function words of the other big Latin-script languages (de, es,
/// fr, it, pt, nl, the Scandinavian ones, pl) that English text has only in
/// names (`de Blasio`, `Los Angeles`). Sorted, lowercase, at most 5 letters.
const OTHER_FUNCTION_WORDS: &[&str] = &[
    "al", "als", "att", "auch", "avec", "bij", "che", "como", "con", "dans", "das", "dat", "de",
    "del", "della", "dem", "der", "des", "det", "di", "die", "du", "een", "ein", "eine", "el",
    "en", "es", "est", "har", "het", "ich", "ikke", "il", "ist", "je", "jest", "la", "las", "le",
    "les", "los", "mit", "nicht", "nie", "niet", "och", "og", "ont", "ook", "para", "pas", "por",
    "pour", "que", "qui", "se", "sie", "sind", "som", "sont", "sur", "una", "und", "une", "uno",
    "von", "y", "zijn", "zu",
];

/// Whether `sample` is plainly English (the short-words method of language
/// identification): at least 40 words, of which 10 % are
/// [`ENGLISH_FUNCTION_WORDS`] and 2 % are "the", and under 3 % are
/// [`OTHER_FUNCTION_WORDS`]. The first KiB of English news is at 18 %, 6 %
/// and 0.2 % (medians on the dev sets). An English quotation or a list of
/// English names ("The Who, The Cure, …") at the head of an article in
/// another language reaches the first two, but the article's own
/// function words then pass the third, and whatlang decides. Whatlang
/// weighs 37 Latin-script languages' trigram profiles for every document,
/// which was half the time of a batch summary of English news; this test
/// reads the sample once. On the dev sets' documents, every one this test
/// takes for English whatlang also found English, with confidence 1.
fn english_by_function_words(sample: &str) -> bool {
    let (mut words, mut hits, mut the, mut other) = (0usize, 0usize, 0usize, 0usize);
    let table = function_word_table();
    let packed_the = pack(b"the");
    for_each_alphabetic_run(sample, |word| {
        words += 1;
        if word.len() > 5 || !word.is_ascii() {
            return;
        }
        let key = pack(word.as_bytes()) | LOWER_CASE_BITS[word.len()];
        match table.kind(key) {
            FunctionWord::English => {
                hits += 1;
                the += usize::from(key == packed_the);
            }
            FunctionWord::Other => other += 1,
            FunctionWord::None => {}
        }
    });
    words >= 40 && hits * 100 >= words * 10 && the * 100 >= words * 2 && other * 100 < words * 3
}

/// Calls `f` on each non-empty piece of `text` between characters that are
/// not alphabetic (`text.split(|c: char| !c.is_alphabetic())` without the
/// empty pieces), reading ASCII as bytes: only the other characters are
/// decoded.
fn for_each_alphabetic_run<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let (alphabetic, len) = if b < 0x80 {
            (b.is_ascii_alphabetic(), 1)
        } else {
            match text[i..].chars().next() {
                Some(c) => (c.is_alphabetic(), c.len_utf8()),
                None => break,
            }
        };
        if !alphabetic {
            if start < i {
                f(&text[start..i]);
            }
            start = i + len;
        }
        i += len;
    }
    if start < bytes.len() {
        f(&text[start..]);
    }
}

/// Up to eight bytes as one number (zero bytes after them): a word of the
/// function-word lists is looked up by one integer search instead of string
/// comparisons, which were a third of language detection.
fn pack(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let n = bytes.len().min(8);
    word[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(word)
}

/// The ASCII case bit (0x20) of each of a word's first `n` bytes: OR-ed
/// into a packed word of ASCII letters, it lowercases them.
const LOWER_CASE_BITS: [u64; 6] = [0, 0x20, 0x2020, 0x20_2020, 0x2020_2020, 0x20_2020_2020];

/// [`ENGLISH_FUNCTION_WORDS`] and [`OTHER_FUNCTION_WORDS`] packed, sorted.
fn packed_function_words() -> &'static (Vec<u64>, Vec<u64>) {
    static PACKED: std::sync::OnceLock<(Vec<u64>, Vec<u64>)> = std::sync::OnceLock::new();
    PACKED.get_or_init(|| {
        let packed = |list: &[&str]| {
            let mut v: Vec<u64> = list.iter().map(|w| pack(w.as_bytes())).collect();
            v.sort_unstable();
            v
        };
        (packed(ENGLISH_FUNCTION_WORDS), packed(OTHER_FUNCTION_WORDS))
    })
}

/// What a packed word is in [`FunctionWords`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FunctionWord {
    None,
    English,
    Other,
}

/// Both function-word lists in one small open-addressing table (one
/// multiplication and a probe or two per word, instead of two binary
/// searches, which were a third of the test). A word on both lists counts
/// as English, as it did when the English list was searched first.
struct FunctionWords {
    /// Packed words (0: an empty slot; a packed word is never 0).
    keys: [u64; 256],
    kinds: [FunctionWord; 256],
}

impl FunctionWords {
    fn home(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
    }

    fn kind(&self, key: u64) -> FunctionWord {
        let mut at = Self::home(key);
        loop {
            match self.keys[at] {
                k if k == key => return self.kinds[at],
                0 => return FunctionWord::None,
                _ => at = (at + 1) % self.keys.len(),
            }
        }
    }
}

/// [`FunctionWords`] of [`packed_function_words`], built once.
fn function_word_table() -> &'static FunctionWords {
    static TABLE: std::sync::OnceLock<FunctionWords> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = FunctionWords {
            keys: [0; 256],
            kinds: [FunctionWord::None; 256],
        };
        let (english, others) = packed_function_words();
        let lists = [
            (english, FunctionWord::English),
            (others, FunctionWord::Other),
        ];
        for (list, kind) in lists {
            for &key in list.iter() {
                let mut at = FunctionWords::home(key);
                while table.keys[at] != 0 && table.keys[at] != key {
                    at = (at + 1) % table.keys.len();
                }
                if table.keys[at] == 0 {
                    table.keys[at] = key;
                    table.kinds[at] = kind;
                }
            }
        }
        table
    })
}

fn serialize_script<S: serde::Serializer>(
    script: &Option<Script>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match script {
        Some(script) => s.serialize_str(script.name()),
        None => s.serialize_none(),
    }
}

fn by_script(lang: Lang, script: Script, confidence: f64) -> Detection {
    Detection {
        lang,
        confidence: confidence.clamp(0.0, 1.0),
        script: Some(script),
        method: Method::Script,
    }
}

fn other_script(sample: &str, script: Script) -> Detection {
    match whatlang::detect(sample) {
        Some(info) if info.script() == script => Detection {
            lang: Lang::from_whatlang(info.lang()),
            confidence: info.confidence(),
            script: Some(script),
            method: Method::Detector,
        },
        _ => {
            // whatlang could not decide: the script's main language.
            let lang = match script {
                Script::Hebrew => W::Heb,
                Script::Greek => W::Ell,
                Script::Mandarin => W::Cmn,
                Script::Hiragana | Script::Katakana => W::Jpn,
                Script::Hangul => W::Kor,
                Script::Devanagari => W::Hin,
                Script::Armenian => W::Hye,
                Script::Georgian => W::Kat,
                Script::Thai => W::Tha,
                _ => W::Eng,
            };
            by_script(Lang::from_whatlang(lang), script, 0.5)
        }
    }
}

fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Letters of Ukrainian, Belarusian, Serbian, Macedonian and others that Russian lacks.
fn has_non_russian_cyrillic(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            'і' | 'ї'
                | 'є'
                | 'ґ'
                | 'ў'
                | 'ј'
                | 'љ'
                | 'њ'
                | 'ћ'
                | 'ђ'
                | 'џ'
                | 'ѓ'
                | 'ќ'
                | 'ѕ'
                | 'ә'
                | 'ғ'
                | 'қ'
                | 'ң'
                | 'ө'
                | 'ұ'
                | 'ү'
                | 'һ'
                | 'І'
                | 'Ї'
                | 'Є'
                | 'Ґ'
                | 'Ў'
                | 'Ј'
                | 'Љ'
                | 'Њ'
                | 'Ћ'
                | 'Ђ'
                | 'Џ'
        )
    })
}

/// Letters used by Persian but not by Arabic (pe, che, zhe, gaf, Persian kaf and yeh).
fn has_persian_letters(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی'))
}

const LATIN: &[W] = &[
    W::Eng,
    W::Deu,
    W::Fra,
    W::Spa,
    W::Por,
    W::Ita,
    W::Nld,
    W::Swe,
    W::Dan,
    W::Nob,
    W::Fin,
    W::Pol,
    W::Ces,
    W::Slk,
    W::Slv,
    W::Hrv,
    W::Hun,
    W::Ron,
    W::Tur,
    W::Est,
    W::Lav,
    W::Lit,
    W::Cat,
    W::Ind,
    W::Vie,
    W::Aze,
    W::Uzb,
    W::Tgl,
    W::Afr,
    W::Lat,
    W::Epo,
    W::Cym,
    W::Zul,
    W::Sna,
    W::Aka,
    W::Tuk,
    W::Jav,
];

const CYRILLIC: &[W] = &[W::Rus, W::Ukr, W::Bel, W::Bul, W::Srp, W::Mkd];

const ARABIC: &[W] = &[W::Pes, W::Ara, W::Urd];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_english_is_not_zulu_or_latin() {
        for text in [
            "Hello World.",
            "OK",
            "Ngiyabonga",
            "Et cetera.",
            "I am here.",
        ] {
            assert_eq!(detect(text, None).lang, Lang::EN, "{text}");
        }
    }

    #[test]
    fn short_russian_is_not_ukrainian_or_bulgarian() {
        for text in ["Привет!", "Да.", "Это так.", "В. В. Путин", "Москва"]
        {
            assert_eq!(detect(text, None).lang, Lang::RU, "{text}");
        }
    }

    #[test]
    fn longer_text_in_other_languages_is_recognised() {
        let uk = "Президент України провів телефонну розмову з прем'єр-міністром і обговорив питання безпеки та енергетики.";
        assert_eq!(detect(uk, None).lang.as_str(), "uk");
        let de = "Der Präsident hat am Samstag mit dem Ministerpräsidenten telefoniert und über die Lage gesprochen.";
        assert_eq!(detect(de, None).lang.as_str(), "de");
        let ar = "قال الرئيس إن المفاوضات السياسية يجب أن تبدأ بعد الانتصار في المدينة الكبيرة وأن تستمر حتى النهاية.";
        assert_eq!(detect(ar, None).lang.as_str(), "ar");
    }

    #[test]
    fn persian_with_arabic_letter_forms_stays_persian() {
        // Arabic yeh and kaf, as a third of Pasokh's letters are.
        let text = "رييس جمهور در اين گفتگو به پيروزي اخير ارتش سوريه اشاره كرد.";
        assert_eq!(detect(text, None).lang, Lang::FA);
    }

    #[test]
    fn the_function_word_table_answers_as_the_sorted_lists() {
        let (english, others) = packed_function_words();
        let table = function_word_table();
        let mut words: Vec<&str> = ENGLISH_FUNCTION_WORDS.to_vec();
        words.extend(OTHER_FUNCTION_WORDS);
        words.extend(["a", "zz", "thee", "house", "xyzzy", "q"]);
        for w in words {
            let key = pack(w.as_bytes());
            let want = if english.binary_search(&key).is_ok() {
                FunctionWord::English
            } else if others.binary_search(&key).is_ok() {
                FunctionWord::Other
            } else {
                FunctionWord::None
            };
            assert_eq!(table.kind(key), want, "{w}");
        }
    }

    #[test]
    fn alphabetic_runs_are_the_pieces_split_gives() {
        for text in [
            "",
            "a",
            "The talks, in Astana\u{2019}s hotel\u{2014}ran late.",
            "\u{201C}Quoted\u{201D} caf\u{E9} na\u{EF}ve \u{0394}\u{03B5}\u{03BB}\u{03C4}\u{03B1} x1y",
            "Президент, ёж; کتاب\u{200C}ها ۱۲ end",
            "trailing space ",
        ] {
            let mut got = Vec::new();
            for_each_alphabetic_run(text, |w| got.push(w));
            let want: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn english_function_words_are_sorted_unique_and_short() {
        for list in [ENGLISH_FUNCTION_WORDS, OTHER_FUNCTION_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
            assert!(
                list.iter()
                    .all(|w| w.len() <= 5 && w.bytes().all(|b| b.is_ascii_lowercase()))
            );
        }
        assert!(
            !ENGLISH_FUNCTION_WORDS
                .iter()
                .any(|w| OTHER_FUNCTION_WORDS.contains(w))
        );
    }

    #[test]
    fn plain_english_is_found_by_its_function_words() {
        let text = "The minister said on Tuesday that the talks with the union had been \
            useful, and that the government would make its offer when the committee \
            meets. They have not said what the offer will be, but officials who were \
            at the meeting told reporters that there is room for a deal after the \
            summer, which the union has welcomed.";
        let d = detect(text, None);
        assert_eq!((d.lang, d.method), (Lang::EN, Method::FunctionWords));
        // The same text cut below 40 words goes to whatlang, and is still English.
        let short = detect("The minister said that the talks had been useful.", None);
        assert_eq!(short.lang, Lang::EN);
        assert_ne!(short.method, Method::FunctionWords);
    }

    #[test]
    fn other_latin_languages_do_not_pass_for_english() {
        // Written for this test: news-like paragraphs in languages whose
        // short words overlap English the most.
        let texts = [
            (
                "de",
                "Der Minister hat am Dienstag gesagt, dass die Gespräche mit der Gewerkschaft nützlich waren und die Regierung ihr Angebot machen wird, wenn der Ausschuss tagt. Was das Angebot sein wird, hat er nicht gesagt, aber Beamte, die bei dem Treffen waren, sagten, dass es nach dem Sommer Raum für eine Einigung gibt.",
            ),
            (
                "nl",
                "De minister zei dinsdag dat de gesprekken met de vakbond nuttig waren en dat de regering haar aanbod zal doen wanneer de commissie vergadert. Wat het aanbod is, heeft hij niet gezegd, maar ambtenaren die bij de vergadering waren vertelden dat er na de zomer ruimte is voor een akkoord, wat de bond verwelkomt.",
            ),
            (
                "da",
                "Ministeren sagde tirsdag, at samtalerne med fagforeningen havde været nyttige, og at regeringen vil komme med sit tilbud, når udvalget mødes. Hvad tilbuddet bliver, har han ikke sagt, men embedsmænd, der var til stede ved mødet, fortalte, at der er plads til en aftale efter sommeren, hvilket forbundet har hilst velkommen.",
            ),
            (
                "fr",
                "Le ministre a déclaré mardi que les discussions avec le syndicat avaient été utiles et que le gouvernement ferait son offre lorsque la commission se réunira. Il n'a pas dit ce que serait cette offre, mais des responsables présents à la réunion ont indiqué aux journalistes qu'un accord était possible après l'été, ce que le syndicat a salué.",
            ),
            (
                "es",
                "El ministro dijo el martes que las conversaciones con el sindicato habían sido útiles y que el gobierno hará su oferta cuando se reúna la comisión. No ha dicho cuál será la oferta, pero funcionarios que estuvieron en la reunión dijeron a los periodistas que hay margen para un acuerdo después del verano, lo que el sindicato ha celebrado.",
            ),
            (
                "pl",
                "Minister powiedział we wtorek, że rozmowy ze związkiem były pożyteczne i że rząd złoży swoją ofertę, gdy zbierze się komisja. Nie powiedział, jaka to będzie oferta, ale urzędnicy, którzy byli na spotkaniu, powiedzieli dziennikarzom, że po lecie jest miejsce na porozumienie, co związek przyjął z zadowoleniem.",
            ),
        ];
        for (code, text) in texts {
            assert!(!english_by_function_words(text), "{code}");
            assert_eq!(detect(text, None).lang.as_str(), code);
        }
    }

    /// Regression (review): an English quotation or a list of English
    /// names at the head of another language's article passed for English.
    #[test]
    fn english_quotations_and_names_do_not_make_an_article_english() {
        let es_quote = "\"We have said from the start that this was not about money, and that the workers who were here before the company came have the right to be heard,\" said the union's lawyer. El tribunal de Sevilla ha dado la razón a los trabajadores de la fábrica, que llevaban años esperando una decisión. Según la sentencia, la empresa deberá pagar las indemnizaciones que se le reclamaban y readmitir a los despedidos. La compañía ha anunciado que recurrirá el fallo ante el Tribunal Supremo, mientras que el sindicato celebra una victoria que considera histórica para el sector.";
        let es_names = "Cartel del festival: The Who, The Cure, The Strokes, The Killers, The National, The Smile, The Black Keys, The Libertines, The Kooks, The Vaccines, The Hives, The xx, The War on Drugs, The Lumineers y The Offspring. El festival se celebrará en Madrid del 10 al 13 de julio y espera reunir a más de cien mil personas en cuatro días de música, según los organizadores, que han anunciado también la venta de entradas para el próximo lunes.";
        let de_quote = "\"This is not the end of the road, and we will continue to fight for the people who have been affected. They have lost their homes and their jobs,\" sagte die Sprecherin der Organisation am Montag in Berlin. Die Bundesregierung hat bisher nur einen Teil der versprochenen Hilfe ausgezahlt, und viele Familien warten noch immer auf eine Entscheidung über ihre Anträge. Die Opposition wirft der Regierung vor, die Lage der Betroffenen nicht ernst zu nehmen. Nach Angaben der Organisation leben noch immer mehr als zweitausend Menschen in Notunterkünften, und die Zahl der Anträge steigt jede Woche weiter an.";
        for (code, text) in [("es", es_quote), ("es", es_names), ("de", de_quote)] {
            assert!(
                !english_by_function_words(head(text, SAMPLE_BYTES)),
                "{code}"
            );
            assert_eq!(detect(text, None).lang.as_str(), code, "{text}");
        }
    }

    /// Regression (review): a first KiB without letters, or in another
    /// script, decided the language of the article after it.
    #[test]
    fn an_unrepresentative_first_kib_gives_way_to_four() {
        let table = "| 1402 | 12,500 | 13,200 | +5.6% |\n".repeat(32);
        let persian = "بارندگی‌های اخیر سطح آب سدهای کشور را بالا برد و مدیران شرکت آب منطقه‌ای گفتند که ذخیره سدها نسبت به سال گذشته بیشتر شده است. ".repeat(6);
        let text = format!("{table}{persian}");
        assert!(text.find('ب').unwrap() > SAMPLE_BYTES);
        assert_eq!(detect(&text, None).lang, Lang::FA);
        let header = "Source: Reuters. This article was translated from the original and has been edited for length and clarity. The views that are expressed in it are those of the author and not of the publisher, which has not checked them. ".repeat(5);
        let text = format!("{header}{}", persian.repeat(3));
        assert!(header.len() > SAMPLE_BYTES && text.len() > 2 * WIDE_SAMPLE_BYTES / 2);
        assert_eq!(detect(&text, None).lang, Lang::FA);
    }

    /// The one-pass tally answers as whatlang's script detection does, on
    /// mixed texts and on the characters two scripts share.
    #[test]
    fn the_script_tally_agrees_with_whatlang() {
        let pool: Vec<char> = "aZ09 .,;«»\u{a0}é’“—Жжё\u{484}\u{485}ۀکي\u{fb50}\u{fe70}\u{1d2b}\u{1d78}ΩאहＡ中\u{2100}\u{2dff}\u{7f}"
            .chars()
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in 0..400 {
            let text: String = (0..len % 40)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    pool[(state % pool.len() as u64) as usize]
                })
                .collect();
            let tally = Tally::of(&text);
            assert_eq!(
                tally.script(&text),
                whatlang::detect_script(&text),
                "{text:?}"
            );
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            assert_eq!(tally.letters, letters, "{text:?}");
        }
        for c in (0x80..=0x2_0000).filter_map(char::from_u32) {
            if let Some(script) = script_of_char(c) {
                assert_eq!(
                    whatlang::detect_script(&c.to_string()),
                    Some(script),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn no_letters_falls_back_with_zero_confidence() {
        let d = detect("12345 !!!", None);
        assert_eq!((d.lang, d.method), (Lang::EN, Method::Fallback));
        assert_eq!(d.confidence, 0.0);
    }
}
