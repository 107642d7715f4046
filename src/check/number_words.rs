//! Numbers written in words, and months written as names, for the
//! `numbers` check: the word lists `resources/{ru,fa}/number_words.txt`
//! and `month_names.txt`, and the values a text writes with them.

use std::sync::OnceLock;

use crate::invisible::is_invisible;
use crate::lang::Lang;
use crate::resources::entries as resource_entries;
use crate::tokenize::tokenize;

/// A list of words with values: number words, month names, or round
/// quantities (`value form form*…` per line; `*` ends a prefix).
pub(super) struct NumberWords {
    exact: std::collections::HashMap<String, f64>,
    prefixes: Vec<(String, f64)>,
}

impl NumberWords {
    /// The value of `key` as listed: an exact form, else the longest
    /// prefix it starts with.
    pub(super) fn listed_value(&self, key: &str) -> Option<f64> {
        if let Some(v) = self.exact.get(key) {
            return Some(*v);
        }
        self.prefixes
            .iter()
            .filter(|(p, _)| key.starts_with(p.as_str()))
            .max_by_key(|(p, _)| p.len())
            .map(|(_, v)| *v)
    }
}

pub(super) fn parse_words(text: &str) -> NumberWords {
    let mut exact = std::collections::HashMap::new();
    let mut prefixes = Vec::new();
    for line in resource_entries(text) {
        let mut cols = line.split_whitespace();
        let Some(value) = cols.next().and_then(|v| v.parse::<f64>().ok()) else {
            continue;
        };
        for form in cols {
            match form.strip_suffix('*') {
                Some(p) => prefixes.push((p.to_string(), value)),
                None => {
                    exact.insert(form.to_string(), value);
                }
            }
        }
    }
    NumberWords { exact, prefixes }
}

/// The word list `file` of `lang` (Russian and Persian have them).
fn word_list(lang: Lang, file: &'static str) -> Option<&'static NumberWords> {
    static LISTS: OnceLock<Vec<(Lang, &'static str, NumberWords)>> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        let mut out = Vec::new();
        for l in [Lang::RU, Lang::FA, Lang::EN] {
            for f in ["number_words.txt", "month_names.txt"] {
                out.push((l, f, parse_words(crate::resources::builtin(l, f))));
            }
        }
        out
    });
    lists
        .iter()
        .find(|(l, f, _)| *l == lang && *f == file)
        .map(|(_, _, w)| w)
}

/// The value of one word of `words` (`سه`, `третьего`, `ششمین`), if any.
fn word_value(words: &NumberWords, key: &str, lang: Lang) -> Option<f64> {
    if let Some(v) = words.exact.get(key) {
        return Some(*v);
    }
    if lang == Lang::FA {
        for ending in ["مین", "م", "می", "ها"] {
            if let Some(stem) = key.strip_suffix(ending)
                && let Some(v) = words.exact.get(stem)
            {
                return Some(*v);
            }
        }
    }
    words
        .listed_value(key)
        .or_else(|| compound_value(words, key, lang))
}

/// Whether `key` (a word's [`normalize_key`](crate::tokenize::normalize_key))
/// is a number word of `lang` (`две`, `پنج`, `three`).
pub(super) fn is_number_word(key: &str, lang: Lang) -> bool {
    word_list(lang, "number_words.txt").is_some_and(|w| word_value(w, key, lang).is_some())
}

/// The second parts of compounds whose first part is a number word
/// (`resources/{ru,fa}/number_compounds.txt`).
fn compound_parts(lang: Lang) -> &'static [String] {
    static RU: OnceLock<Vec<String>> = OnceLock::new();
    static FA: OnceLock<Vec<String>> = OnceLock::new();
    let cell = match lang {
        Lang::RU => &RU,
        Lang::FA => &FA,
        _ => return &[],
    };
    cell.get_or_init(|| {
        resource_entries(crate::resources::builtin(lang, "number_compounds.txt"))
            .map(str::to_string)
            .collect()
    })
}

/// The value of a compound whose first part is a full number word and
/// whose rest is a listed second part: "семилетнего" (Russian: the rest
/// starts with the part), "هفتساله" (Persian: the rest is the part).
fn compound_value(words: &NumberWords, key: &str, lang: Lang) -> Option<f64> {
    let parts = compound_parts(lang);
    if parts.is_empty() {
        return None;
    }
    // A first part is at most a dozen letters ("одиннадцати").
    key.char_indices().skip(2).take(12).find_map(|(i, _)| {
        let (head, rest) = key.split_at(i);
        let fits = parts.iter().any(|p| {
            if lang == Lang::FA {
                rest == p
            } else {
                rest.starts_with(p.as_str())
            }
        });
        fits.then(|| words.exact.get(head).copied()).flatten()
    })
}

/// A number in digits as the numbers check found it: its byte span, and
/// its value when it is a whole number below 1000 without a sign (one that
/// may be part of a number written with digits and scale words).
pub(super) struct DigitSpan {
    pub start: usize,
    pub end: usize,
    pub small_whole: Option<f64>,
}

/// One piece of a text as numbers are read: a word (its matching key),
/// or a number in digits with its value when it may be part of a number
/// written with digits and scale words (a whole number below 1000 that
/// stands apart from letters: the `12` and `500` of "12 тысяч 500").
enum Piece<'a> {
    Word(&'a str),
    Digits(Option<f64>),
}

/// The words and numbers of `text` in order, each with its byte span.
fn pieces<'a>(
    tokens: &'a [crate::tokenize::Token],
    numbers: &[DigitSpan],
) -> Vec<(usize, usize, Piece<'a>)> {
    let overlaps = |s: usize, e: usize, n: &DigitSpan| s < n.end && n.start < e;
    let mut out: Vec<(usize, usize, Piece<'a>)> = tokens
        .iter()
        .filter(|t| !numbers.iter().any(|n| overlaps(t.start, t.end, n)))
        .map(|t| (t.start, t.end, Piece::Word(t.key.as_str())))
        .collect();
    for n in numbers {
        let attached = tokens
            .iter()
            .any(|t| overlaps(t.start, t.end, n) && (t.start < n.start || t.end > n.end));
        let value = if attached { None } else { n.small_whole };
        out.push((n.start, n.end, Piece::Digits(value)));
    }
    out.sort_by_key(|&(s, _, _)| s);
    out
}

/// A number being read: the completed scales, the part below the next
/// scale, whether digits are part of it, where it ends and whether its
/// last word is an abbreviation (`тыс.`), which a point may follow.
struct Run {
    total: f64,
    part: f64,
    /// The last scale word read (0 before any).
    last_scale: f64,
    digits: bool,
    end: usize,
    abbreviated: bool,
}

/// Whether only white space (or invisible characters, or the point of an
/// abbreviated scale word) stands between two pieces of one number.
fn joined(text: &str, run: &Run, start: usize) -> bool {
    let gap = text[run.end..start].trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    gap.is_empty() || (run.abbreviated && gap == ".")
}

/// The values written in words in `text`: each number word alone, each
/// run of them read as one number ("тридцать шесть" = 36, "два миллиона
/// двести тысяч" = 2,200,000, "یک میلیون و دویست هزار" = 1,200,000,
/// "полторы тысячи" = 1,500), numbers written with digits and scale words
/// mixed ("12 тысяч 500" = 12,500, "1 миллион 200 тысяч" = 1,200,000,
/// "۱۲ هزار و ۵۰۰" = 12,500), and each month name as its number. A scale
/// word after a multiplier ("3 миллиона") is not also its own value: "3
/// миллиона" is not one million. `digits` are the numbers in digits of
/// `text`, as the numbers check finds them (it owns that reading).
pub(super) fn values_with_digits(text: &str, lang: Lang, digits: &[DigitSpan]) -> Vec<f64> {
    let mut out = Vec::new();
    let Some(words) = word_list(lang, "number_words.txt") else {
        return out;
    };
    let months = word_list(lang, "month_names.txt");
    let tokens = tokenize(text, lang);
    let mut run: Option<Run> = None;
    // The value of the word just before, for Persian fractions.
    let mut previous: Option<f64> = None;
    for (start, end, piece) in pieces(&tokens, digits) {
        let key = match piece {
            Piece::Digits(v) => {
                run = read_digits(text, run, v, start, end, &mut out);
                previous = None;
                continue;
            }
            Piece::Word(key) => key,
        };
        let value = word_value(words, key, lang);
        if let Some(f) = persian_fraction(previous, key, value, lang) {
            out.push(f);
        }
        previous = value;
        if lang == Lang::FA && key == "و" {
            if let Some(r) = run.as_mut() {
                r.end = end;
                r.abbreviated = false;
            }
            continue;
        }
        if let Some(m) = months.and_then(|m| month_of(m, key)) {
            out.push(m);
        }
        let Some(v) = value else {
            if let Some(r) = run.as_mut()
                && lang == Lang::RU
                && key == "с"
                && joined(text, r, start)
            {
                // "три с половиной": the half goes on the number.
                r.end = end;
                continue;
            }
            if let Some(r) = run.as_ref()
                && half_after(text, r.end, lang)
            {
                // "یک ساعت و نیم": an hour and a half.
                out.push(r.total + r.part + 0.5);
            }
            run = None;
            continue;
        };
        // After digits only a scale word goes on the number ("12 тысяч",
        // not "2 первых"), and a word below it only after a scale.
        if run
            .as_ref()
            .is_some_and(|r| r.digits && (!joined(text, r, start) || (v < 1000.0 && r.part != 0.0)))
        {
            run = None;
        }
        let r = run.get_or_insert(Run {
            total: 0.0,
            part: 0.0,
            last_scale: 0.0,
            digits: false,
            end,
            abbreviated: false,
        });
        if v < 1000.0 || r.part == 0.0 {
            out.push(v);
        }
        if v >= 1000.0 && r.part == 0.0 && r.total > 0.0 && v > r.last_scale {
            // "بیست هزار میلیارد": a thousand billion.
            r.total *= v;
            r.last_scale = v;
        } else if v >= 1000.0 {
            let multiplier = if r.part == 0.0 { 1.0 } else { r.part };
            r.total += multiplier * v;
            r.part = 0.0;
            r.last_scale = v;
        } else {
            r.part += v;
        }
        r.end = end;
        r.abbreviated = ABBREVIATED_SCALES.contains(&key);
        out.push(r.total + r.part);
    }
    out
}

/// A number written in words only, as one run: its value, its byte span,
/// and whether every word of it is certainly a number word: a full form or
/// a long stem (`двадцат*`), not a short one that other words share
/// (`перв*` of `первенство`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct WrittenNumber {
    pub value: f64,
    pub start: usize,
    pub end: usize,
    pub certain: bool,
    /// Whether digits stand right before it ("3 million", "۸۴ هزار"): a
    /// scale of those digits rather than a number of its own.
    pub after_digits: bool,
    /// Whether it is an ordinal ("third", "двадцать первая", "سومین"):
    /// its last word is one ([`ordinal_form`]).
    pub ordinal: bool,
}

/// Endings of Russian ordinals (adjectives): "третий", "пятого", "седьмую".
const RU_ORDINAL_ENDINGS: &[&str] = &[
    "ая", "ее", "ей", "ем", "ему", "ие", "ий", "им", "ими", "их", "ого", "ое", "ой", "ом", "ому",
    "ую", "ые", "ый", "ым", "ыми", "ых", "ье", "ьего", "ьей", "ьем", "ьему", "ьи", "ьим", "ьими",
    "ьих", "ья",
];

/// Whether the number word `key` of `lang` is an ordinal: a Russian
/// adjective ending that no cardinal form has (not "одного", "десятком",
/// "сотней", "пятерых"), a Persian `م`/`مین` (not `نیم`) or `اول`,
/// `نخست`.
fn ordinal_form(key: &str, lang: Lang) -> bool {
    match lang {
        Lang::RU => {
            let cardinal = [
                "одн",
                "десятк",
                "сотн",
                "тысяч",
                "миллион",
                "миллиард",
                "триллион",
            ]
            .iter()
            .any(|p| key.starts_with(p))
                || ["оих", "оим", "оими", "ерых", "ерым", "ерыми"]
                    .iter()
                    .any(|e| key.ends_with(e));
            !cardinal && RU_ORDINAL_ENDINGS.iter().any(|e| key.ends_with(e))
        }
        Lang::FA => {
            matches!(key, "اول" | "اولین" | "نخست" | "نخستین")
                || (key != "نیم" && (key.ends_with('م') || key.ends_with("مین")))
        }
        _ => false,
    }
}

/// A stem of a word list shorter than this is shared with words that are
/// not numbers.
const CERTAIN_STEM: usize = 5;

/// The value of one word, and whether the word is certainly a number word.
fn word_reading(words: &NumberWords, key: &str, lang: Lang) -> Option<(f64, bool)> {
    let v = word_value(words, key, lang)?;
    let compound = compound_value(words, key, lang).is_some() && !words.exact.contains_key(key);
    let exact = words.exact.contains_key(key) || (lang == Lang::FA && !compound);
    let long_stem = words
        .prefixes
        .iter()
        .any(|(p, _)| p.chars().count() >= CERTAIN_STEM && key.starts_with(p.as_str()));
    Some((v, exact || long_stem))
}

/// The numbers `text` writes in words only, each run read as one number
/// ("twenty-five" = 25, "two hundred and fifty" = 250, "три миллиона" =
/// 3,000,000, "هفتاد و دو" = 72): runs of number words joined by white
/// space, a hyphen, or the language's "and" after a hundred or a scale
/// ("and", "و"). A run right after digits ("3 million") is marked: it
/// belongs to those digits.
pub(super) fn written_numbers(text: &str, lang: Lang) -> Vec<WrittenNumber> {
    let mut out = Vec::new();
    let Some(words) = word_list(lang, "number_words.txt") else {
        return out;
    };
    let and = match lang {
        Lang::EN => "and",
        Lang::FA => "و",
        _ => "",
    };
    let mut run: Option<WordRun> = None;
    let flush = |run: &mut Option<WordRun>, out: &mut Vec<WrittenNumber>| {
        if let Some(r) = run.take() {
            // "half a million": half of a scale word alone.
            let before = text[..r.start].trim_end();
            let last = before
                .len()
                .checked_sub(6)
                .and_then(|i| before.get(i..))
                .unwrap_or("");
            let half = r.part == 0.0
                && (last.eq_ignore_ascii_case("half a") || last.eq_ignore_ascii_case("half-a"));
            let and_a_half = if half_after(text, r.end, lang) {
                0.5
            } else {
                0.0
            };
            out.push(WrittenNumber {
                value: (r.total + r.part) * if half { 0.5 } else { 1.0 } + and_a_half,
                start: r.start,
                end: r.end,
                certain: r.certain,
                after_digits: digit_before(text, r.start),
                ordinal: r.ordinal,
            });
        }
    };
    for tok in tokenize(text, lang) {
        let Some((v, certain)) = word_reading(words, &tok.key, lang) else {
            // "три с половиной": "с" joins a half on.
            let with_half = lang == Lang::RU && tok.key == "с";
            let joins = (!and.is_empty() && tok.key == and || with_half)
                && run
                    .as_ref()
                    .is_some_and(|r| text[r.end..tok.start].trim().is_empty());
            if !joins {
                flush(&mut run, &mut out);
            }
            continue;
        };
        let goes_on = run.as_ref().is_some_and(|r| {
            let gap = text[r.end..tok.start].trim();
            let scaled = r.total > 0.0 || r.part >= 100.0 || lang == Lang::FA;
            let joined = gap.is_empty()
                || gap == "-"
                || (gap == and && scaled && v < 1000.0)
                || (lang == Lang::RU && gap == "с" && v == 0.5);
            joined && r.takes(v)
        });
        if !goes_on {
            flush(&mut run, &mut out);
        }
        let r = run.get_or_insert(WordRun {
            total: 0.0,
            part: 0.0,
            last_scale: 0.0,
            start: tok.start,
            end: tok.end,
            certain: true,
            ordinal: false,
        });
        if v >= 1000.0 && r.part == 0.0 && r.total > 0.0 {
            // "بیست هزار میلیارد": a thousand billion.
            r.total *= v;
            r.last_scale = v;
        } else if v >= 1000.0 {
            r.total += if r.part == 0.0 { 1.0 } else { r.part } * v;
            r.part = 0.0;
            r.last_scale = v;
        } else if v == 100.0 {
            r.part = if r.part == 0.0 { 1.0 } else { r.part } * v;
        } else {
            r.part += v;
        }
        r.end = tok.end;
        r.certain &= certain;
        r.ordinal = ordinal_form(&tok.key, lang);
    }
    flush(&mut run, &mut out);
    out
}

/// A number being read from words: completed scales, the part below the
/// next scale, and its span.
struct WordRun {
    total: f64,
    part: f64,
    /// The last scale word read (0 before any).
    last_scale: f64,
    start: usize,
    end: usize,
    certain: bool,
    /// Whether its last word is an ordinal.
    ordinal: bool,
}

impl WordRun {
    /// Whether a word of value `v` goes on this number as English writes
    /// numbers ("twenty" + "five", "two" + "hundred", "hundred" + "fifty",
    /// "three" + "million"), not beside it ("five six").
    fn takes(&self, v: f64) -> bool {
        let below_hundred = self.part % 100.0;
        if v == 0.5 && self.part > 0.0 && self.part.fract() == 0.0 {
            // "три с половиной", "سه و نیم".
            true
        } else if v >= 1000.0 && self.part == 0.0 && self.total > 0.0 {
            // A larger scale right after a scale: "هزار میلیارد".
            self.last_scale > 0.0 && v > self.last_scale
        } else if self.part.fract() != 0.0 || v.fract() != 0.0 {
            // "полторы тысячи": a fraction only before a scale.
            v >= 1000.0 && self.total == 0.0
        } else if v >= 1000.0 {
            self.part > 0.0
        } else if v == 100.0 {
            // "two hundred", and "one thousand one hundred" after a scale.
            self.part < 100.0 && (self.part > 0.0 || self.total > 0.0)
        } else {
            below_hundred == 0.0
                || (below_hundred >= 20.0 && below_hundred % 10.0 == 0.0 && v < 10.0)
        }
    }
}

/// A Persian fraction: a cardinal before an ordinal in `م` (`یک چهارم` =
/// 1/4, `سه چهارم` = 3/4, `دو سوم` = 2/3), given the value of the word
/// before (`previous`) and of this one (`value`).
fn persian_fraction(
    previous: Option<f64>,
    key: &str,
    value: Option<f64>,
    lang: Lang,
) -> Option<f64> {
    let (p, d) = (previous?, value?);
    let ordinal = key.ends_with('م') && !key.ends_with("مین");
    (lang == Lang::FA
        && ordinal
        && (2.0..=10.0).contains(&d)
        && p >= 1.0
        && p < d
        && p.fract() == 0.0)
        .then(|| p / d)
}

/// Whether "and a half" follows a number that ends at byte `end` after
/// one word, as Persian says it: `یک ساعت و نیم` (an hour and a half),
/// `دو سال و نیم`.
pub(super) fn half_after(text: &str, end: usize, lang: Lang) -> bool {
    if lang != Lang::FA {
        return false;
    }
    let mut words = text[end..].split_whitespace();
    let unit = words.next().unwrap_or("");
    unit.chars().all(char::is_alphabetic)
        && !unit.is_empty()
        && words.next() == Some("و")
        && words
            .next()
            .is_some_and(|w| w.trim_end_matches(|c: char| !c.is_alphabetic()) == "نیم")
}

/// Whether a digit stands right before byte `start` of `text`, past white
/// space.
fn digit_before(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| super::digits::ascii_digit(c).is_some())
}

/// The values of Roman numerals in `text` ("XXI век" for "the 21st
/// century", "Людовик XIV"): words of two or more of the capital letters
/// I, V, X, L, C, D, M written as a numeral is written (`IIII`, `VX` are
/// no numerals; a lone `C` of `°C` or `I` is a letter).
pub(super) fn roman_values(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    crate::tokenize::for_each_word(text, |start, end| {
        if let Some(v) = roman(&text[start..end]).filter(|_| end - start >= 2) {
            out.push(v);
        }
    });
    out
}

/// The value of one Roman numeral in canonical form, if `word` is one.
fn roman(word: &str) -> Option<f64> {
    let digit = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 15 {
        return None;
    }
    let values: Vec<u32> = bytes.iter().map(|&b| digit(b)).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(&next) if next > v => total -= v as i32,
            _ => total += v as i32,
        }
    }
    let total = u32::try_from(total)
        .ok()
        .filter(|&t| (1..4000).contains(&t))?;
    (to_roman(total) == word).then_some(f64::from(total))
}

/// The canonical Roman numeral of `n` (1–3999).
fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// Scale words written short, which a point may follow inside a number.
const ABBREVIATED_SCALES: [&str; 4] = ["тыс", "млн", "млрд", "трлн"];

/// Reads a number in digits (`value`, when it may be part of a mixed
/// number) at `start..end` into the number being read: after a scale word
/// it is the part below it ("12 тысяч 500"), else it starts a number of
/// its own ("12" of "12 тысяч"), whose value in digits is counted already.
fn read_digits(
    text: &str,
    run: Option<Run>,
    value: Option<f64>,
    start: usize,
    end: usize,
    out: &mut Vec<f64>,
) -> Option<Run> {
    let value = value?;
    match run {
        Some(mut r) if r.part == 0.0 && r.total > 0.0 && joined(text, &r, start) => {
            r.part = value;
            r.digits = true;
            r.end = end;
            r.abbreviated = false;
            out.push(r.total + r.part);
            Some(r)
        }
        _ => Some(Run {
            total: 0.0,
            part: value,
            last_scale: 0.0,
            digits: true,
            end,
            abbreviated: false,
        }),
    }
}

/// The month of one word of `months`, if it is a month name.
fn month_of(months: &NumberWords, key: &str) -> Option<f64> {
    months.exact.get(key).copied().or_else(|| {
        months
            .prefixes
            .iter()
            .find(|(p, _)| key.starts_with(p.as_str()))
            .map(|(_, v)| *v)
    })
}

/// Whether a digit (of any script) stands right before byte `start` or
/// right after byte `end` of `text`, past spaces, a period and a comma
/// ("December 23", "23 декабря", "Dec. 5, 2016", "۲۳ دسامبر").
pub(super) fn beside_a_number(text: &str, start: usize, end: usize) -> bool {
    let gap = |c: &char| c.is_whitespace() || matches!(c, '.' | ',' | '\u{200F}' | '\u{200E}');
    let digit = |c: Option<char>| c.is_some_and(|c| super::digits::ascii_digit(c).is_some());
    digit(text[end..].chars().find(|c| !gap(c)))
        || digit(text[..start].chars().rev().find(|c| !gap(c)))
}

/// How a text's month names are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MonthUse {
    /// Every name ("a March rally" too); in English only a capitalized
    /// one ("may" is a verb).
    Any,
    /// Names that date or time something: beside a number ("December
    /// 23", "23 декабря"), and in English after a word that times them
    /// ("in March", "since May", "mid-March", "from March to May"; not
    /// "Theresa May", nor a possessive: "May's", "after June's meeting",
    /// which a translator may leave out), in Russian in small letters ("в марте", not
    /// "Марта"), in Persian every name but `مه` (also "fog"), which needs
    /// `ماه` before it.
    Time,
}

/// Words before an English month or day name that make it a time ("in
/// March", "since Monday"), `timing_words.txt`.
pub(super) fn timing_words() -> &'static std::collections::HashSet<&'static str> {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        crate::resources::entries(crate::resources::builtin(Lang::EN, "timing_words.txt")).collect()
    })
}

/// Words between two month or day names of a span or list ("March to
/// May", "Monday and Tuesday").
pub(super) const DATE_LINKS: &[&str] = &["and", "or", "to", "through", "till", "until"];

/// The months `text` names, each with the words naming it, in order, read
/// as `how` says. Languages without a month list name none.
pub(super) fn months_named(text: &str, lang: Lang, how: MonthUse) -> Vec<(u32, &str)> {
    let Some(months) = word_list(lang, "month_names.txt") else {
        return Vec::new();
    };
    let tokens = tokenize(text, lang);
    let mut out = Vec::new();
    // Whether each token is a month read as a time (for "March to May").
    let mut timed = vec![false; tokens.len()];
    for (i, tok) in tokens.iter().enumerate() {
        let Some(m) = month_of(months, &tok.key) else {
            continue;
        };
        let word = &text[tok.start..tok.end];
        let capital = word.starts_with(char::is_uppercase);
        if lang == Lang::EN && !capital {
            continue;
        }
        let time = beside_a_number(text, tok.start, tok.end)
            || match lang {
                Lang::EN => {
                    let before = |k: usize| i.checked_sub(k).map(|j| tokens[j].key.as_str());
                    let possessive = text[tok.end..].starts_with("'s")
                        || text[tok.end..].starts_with("\u{2019}s");
                    !possessive
                        && (before(1).is_some_and(|w| timing_words().contains(w))
                            || (before(1).is_some_and(|w| DATE_LINKS.contains(&w))
                                && i >= 2
                                && timed[i - 2]))
                }
                Lang::RU => !capital,
                Lang::FA => {
                    !matches!(tok.key.as_str(), "مه" | "مهی")
                        || i.checked_sub(1).is_some_and(|j| tokens[j].key == "ماه")
                }
                _ => false,
            };
        timed[i] = time;
        if how == MonthUse::Time && !time {
            continue;
        }
        out.push((m as u32, word));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::normalize_key;

    #[test]
    fn number_word_lists_are_normalized_keys() {
        for (text, lang) in [
            (
                crate::resources::builtin(Lang::RU, "number_words.txt"),
                Lang::RU,
            ),
            (
                crate::resources::builtin(Lang::FA, "number_words.txt"),
                Lang::FA,
            ),
            (
                crate::resources::builtin(Lang::EN, "number_words.txt"),
                Lang::EN,
            ),
        ] {
            let words = parse_words(text);
            assert!(words.exact.len() + words.prefixes.len() > 20);
            assert_forms_are_keys(&words, lang);
        }
    }

    /// Every form of a word list is already a normalized matching key.
    fn assert_forms_are_keys(words: &NumberWords, lang: Lang) {
        for form in words
            .exact
            .keys()
            .chain(words.prefixes.iter().map(|(p, _)| p))
        {
            assert_eq!(
                &normalize_key(form, lang),
                form,
                "{form:?} is not a matching key"
            );
        }
    }

    #[test]
    fn roman_numerals_are_read_in_canonical_form_only() {
        assert_eq!(
            roman_values("XXI век, XIX веке, Людовик XIV"),
            [21.0, 19.0, 14.0]
        );
        assert_eq!(roman_values("MCMXC"), [1990.0]);
        for not in ["IIII", "VX", "IC", "Xi", "MMMM", "В", "38 °C", "I"] {
            assert!(roman_values(not).is_empty(), "{not}");
        }
        for n in 1..4000 {
            assert_eq!(roman(&to_roman(n)), Some(f64::from(n)));
        }
    }

    #[test]
    fn compound_parts_are_sorted_unique_keys() {
        for lang in [Lang::RU, Lang::FA] {
            let parts = compound_parts(lang);
            assert!(parts.len() > 5);
            assert!(
                parts.windows(2).all(|w| w[0] < w[1]),
                "{lang}: sorted, unique"
            );
            for p in parts {
                assert_eq!(&normalize_key(p, lang), p, "{p:?} is not a matching key");
            }
        }
        let ru = word_list(Lang::RU, "number_words.txt").unwrap();
        let fa = word_list(Lang::FA, "number_words.txt").unwrap();
        assert_eq!(word_value(ru, "семилетнего", Lang::RU), Some(7.0));
        assert_eq!(word_value(ru, "двухсторонний", Lang::RU), Some(2.0));
        assert_eq!(word_value(ru, "семинар", Lang::RU), None);
        assert_eq!(
            word_value(fa, &normalize_key("هفت‌ساله", Lang::FA), Lang::FA),
            Some(7.0)
        );
        assert_eq!(
            word_value(fa, &normalize_key("سه‌شنبه", Lang::FA), Lang::FA),
            None
        );
        assert_eq!(word_value(fa, "هفته", Lang::FA), None);
    }

    #[test]
    fn month_lists_are_normalized_keys_of_twelve_months() {
        for lang in [Lang::RU, Lang::FA, Lang::EN] {
            let words = parse_words(crate::resources::builtin(lang, "month_names.txt"));
            let mut values: Vec<u32> = words
                .exact
                .values()
                .chain(words.prefixes.iter().map(|(_, v)| v))
                .map(|&v| v as u32)
                .collect();
            values.sort_unstable();
            values.dedup();
            assert_eq!(values, (1..=12).collect::<Vec<u32>>());
            assert_forms_are_keys(&words, lang);
        }
    }
}
