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
    /// Another language of the Cyrillic or Arabic script than Russian or
    /// Persian, by the letters and words `brief check` reads in a
    /// translation (`other_language_letters.txt`, `other_language_words.txt`,
    /// `other_language_affixes.txt`): they outnumber the preferred
    /// language's own function words.
    Evidence,
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
    // Bulgarian, Kazakh or Tajik read as Russian, Urdu, Pashto or Kurdish
    // as Persian: asked when whatlang names another language or is unsure,
    // or the text has a letter the preferred language never writes (most
    // Russian and Persian text is none of these, and is not weighed).
    let named = guess
        .as_ref()
        .map(|i| Lang::from_whatlang(i.lang()))
        .filter(|&l| l != preferred);
    let unsure = guess.as_ref().is_none_or(|i| !i.is_reliable());
    if matches!(script, Script::Cyrillic | Script::Arabic)
        && (named.is_some() || unsure || crate::check::has_other_language_letter(wide, preferred))
        && let Some(evidence) = crate::check::document_languages(wide, preferred)
    {
        // whatlang's language when the evidence points to it nearly as
        // often as to any, and by all but one of as many letters (it tells
        // Belarusian from Ukrainian, `ў` against `і`, but Kazakh `қ ң ү ғ
        // ө` outweigh the `і` it shares with Ukrainian); else the language
        // the most letters point to.
        let most_letters = evidence.codes.iter().map(|&(_, l, _)| l).max().unwrap_or(0);
        let most_often = evidence.codes.iter().map(|&(_, _, n)| n).max().unwrap_or(0);
        let lang = named
            .filter(|l| {
                evidence.codes.iter().any(|&(c, letters, n)| {
                    c == l.as_str() && letters + 1 >= most_letters && 2 * n >= most_often
                })
            })
            .or_else(|| evidence.codes.first().and_then(|(c, _, _)| c.parse().ok()))
            .unwrap_or(preferred);
        return Detection {
            lang,
            confidence: evidence.share,
            script: Some(script),
            method: Method::Evidence,
        };
    }
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
mod tests;
