//! The `numbers` check: every number of the source must be in the target,
//! compared by its digits whatever the script (Latin, Persian `۰–۹`,
//! Arabic-Indic `٠–٩`) and whatever the separators (`, . ٫ ٬ /`, and a
//! space, NBSP or thin space before a group of three digits).
//!
//! What translators legitimately do is tolerated: the target may write a
//! number with other separators (`1,5` for `1.5`), scale it (`2 million` →
//! `2 000 000`), keep only the digits of a decade or an ordinal (`1990s` →
//! `دهه ۱۹۹۰`, `21st` → `21-й`), write a short range in full (`2015-16` →
//! `2015–2016`), give an afternoon hour on the 24-hour clock (`5 p.m.` →
//! `17:00`), or write a small number out (`3` → `три`, `سه`; the word lists
//! are `resources/{ru,fa}/number_words.txt`). Only the source → target
//! direction is checked: a number the translator added (a year made
//! explicit, a count spelled out in the source) is not an error.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use super::{CheckKind, Finding};
use crate::lang::Lang;
use crate::resources::entries as resource_entries;
use crate::tokenize::{normalize_key, tokenize};

/// The ASCII digit for a Latin, Persian or Arabic-Indic digit.
pub(crate) fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + '0' as u32),
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + '0' as u32),
        _ => None,
    }
}

/// Separators inside a number: `,` `.`, Arabic decimal `٫` and thousands
/// `٬` separators, the Arabic comma `،` (written for `,` in Persian
/// numbers: `77،000`) and `/` (a Persian decimal separator: `۲/۵`).
fn is_point(c: char) -> bool {
    matches!(c, ',' | '.' | '\u{066B}' | '\u{066C}' | '\u{060C}' | '/')
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}')
}

/// One number as written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    /// Digit groups between separators, ASCII.
    pub groups: Vec<String>,
    /// The separators between groups.
    pub seps: Vec<char>,
}

impl Number {
    /// All digits, leading zeros dropped: the value up to the decimal
    /// point's position, which separators leave ambiguous.
    fn joined(&self) -> String {
        canonical(&self.groups.concat())
    }

    /// The numeric values the written form can have: with its last point
    /// as a decimal separator, or with every separator grouping thousands.
    fn values(&self) -> Vec<f64> {
        let mut out = Vec::new();
        let all: String = self.groups.concat();
        if let Ok(v) = all.parse::<f64>() {
            out.push(v);
        }
        if self.groups.len() >= 2 && self.seps.last().is_some_and(|&c| is_point(c)) {
            let (int, frac) = self.groups.split_at(self.groups.len() - 1);
            if let Ok(v) = format!("{}.{}", int.concat(), frac[0]).parse::<f64>() {
                out.push(v);
            }
        }
        out
    }
}

fn canonical(digits: &str) -> String {
    let t = digits.trim_start_matches('0');
    if t.is_empty() {
        "0".to_string()
    } else {
        t.to_string()
    }
}

fn format_value(v: f64) -> Option<String> {
    if !v.is_finite() || !(0.0..=1e18).contains(&v) || v.fract() != 0.0 {
        return None;
    }
    Some(format!("{}", v as u64))
}

/// The numbers of `text` in order.
pub(crate) fn extract(text: &str) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit_at = |i: usize| chars.get(i).and_then(|&(_, c)| ascii_digit(c));
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(d) = digit_at(i) else {
            i += 1;
            continue;
        };
        let start = chars[i].0;
        let mut groups = vec![d.to_string()];
        let mut seps = Vec::new();
        i += 1;
        loop {
            if let Some(d) = digit_at(i) {
                if let Some(g) = groups.last_mut() {
                    g.push(d);
                }
                i += 1;
                continue;
            }
            let Some(&(_, c)) = chars.get(i) else { break };
            let next_is_digit = digit_at(i + 1).is_some();
            if is_point(c) && next_is_digit {
                seps.push(c);
                groups.push(String::new());
                i += 1;
                continue;
            }
            // A space groups thousands only before exactly three digits
            // and after a group of at most three: "1 234 567", not "2019 500".
            let three_follow =
                (1..=3).all(|k| digit_at(i + k).is_some()) && digit_at(i + 4).is_none();
            let short_before = groups.last().is_some_and(|g| g.len() <= 3);
            if is_group_space(c) && three_follow && short_before {
                seps.push(c);
                groups.push(String::new());
                i += 1;
                continue;
            }
            break;
        }
        let end = chars.get(i).map(|&(b, _)| b).unwrap_or(text.len());
        out.push(Number {
            start,
            end,
            groups,
            seps,
        });
    }
    out
}

/// The lowercase word right after byte `end` (skipping spaces and a
/// hyphen), e.g. "million" in "2 million", "m" in "5m", "p.m" in "5 p.m.".
fn next_word(text: &str, end: usize) -> String {
    let rest = text[end..].trim_start_matches([' ', '\u{00A0}', '\u{2009}', '\u{202F}', '-']);
    rest.chars()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .trim_end_matches('.')
        .to_string()
}

fn scale_of(word: &str) -> Option<i32> {
    let w = normalize_key(word, Lang::FA);
    let by_prefix = [
        ("thousand", 3),
        ("million", 6),
        ("billion", 9),
        ("trillion", 12),
        ("тыс", 3),
        ("миллион", 6),
        ("миллиард", 9),
        ("триллион", 12),
        ("هزار", 3),
        ("میلیون", 6),
        ("میلیارد", 9),
        ("تریلیون", 12),
    ];
    if let Some((_, s)) = by_prefix.iter().find(|(p, _)| w.starts_with(p)) {
        return Some(*s);
    }
    match w.as_str() {
        "k" => Some(3),
        "m" | "mn" | "mln" | "млн" => Some(6),
        "bn" | "b" | "млрд" => Some(9),
        "tn" | "трлн" => Some(12),
        _ => None,
    }
}

/// Factors from imperial and US units to the metric units a translation
/// gives instead (`85 mph` → `137 km/h`, `10 inches` → `25 cm` / `250 mm`).
/// Fahrenheit is special-cased: `80 degrees` → `27 °C`, and a difference of
/// `10 degrees` → `6 °C`.
fn unit_factors(word: &str) -> &'static [f64] {
    match word {
        "mph" | "mile" | "miles" => &[1.609_344],
        "inch" | "inches" | "in" => &[2.54, 25.4, 0.0254],
        "foot" | "feet" | "ft" => &[0.3048, 30.48],
        "yard" | "yards" | "yd" => &[0.9144],
        "pound" | "pounds" | "lb" | "lbs" => &[0.453_592],
        "ounce" | "ounces" | "oz" => &[28.349_5],
        "gallon" | "gallons" => &[3.785_41],
        "acre" | "acres" => &[0.404_686, 4_046.86],
        "ton" | "tons" => &[0.907_185],
        _ => &[],
    }
}

fn is_fahrenheit(word: &str) -> bool {
    matches!(word, "degree" | "degrees" | "f" | "°f" | "fahrenheit")
}

/// Words between the two numbers of a range ("1 to 4 inches").
fn is_range_word(word: &str) -> bool {
    matches!(word, "" | "to" | "and" | "or")
}

/// Values the target may give for `n` in metric units, if the source
/// writes `n` in imperial or Fahrenheit units (the unit may follow the next
/// number of a range: "2 to 3 inches").
fn converted(text: &str, n: &Number, next: Option<&Number>) -> Vec<f64> {
    let mut word = next_word(text, n.end);
    if is_range_word(&word)
        && let Some(m) = next
    {
        word = next_word(text, m.end);
    }
    let word = word.trim_start_matches('°').to_string();
    let mut out = Vec::new();
    for v in n.values() {
        out.extend(unit_factors(&word).iter().map(|f| v * f));
        if is_fahrenheit(&word) || word == "s" {
            out.push((v - 32.0) * 5.0 / 9.0);
            out.push(v * 5.0 / 9.0);
        }
    }
    out
}

/// Whether `value` is `want` as a translator would round it.
fn close_to(value: f64, want: f64) -> bool {
    (value - want).abs() <= (want.abs() * 0.1).max(1.0)
}

/// Forms of `n` the target may contain and still have "the same number".
fn source_forms(text: &str, n: &Number, prev: Option<&Number>) -> Vec<String> {
    let mut forms = vec![n.joined()];
    let word = next_word(text, n.end);
    if let Some(scale) = scale_of(&word) {
        let mult = 10f64.powi(scale);
        forms.extend(
            n.values()
                .into_iter()
                .filter_map(|v| format_value(v * mult)),
        );
    }
    if matches!(word.as_str(), "pm" | "p.m") {
        if let Some(h) = n.groups.first().and_then(|g| g.parse::<u32>().ok())
            && (1..12).contains(&h)
        {
            forms.push((h + 12).to_string());
        }
        forms.extend(n.groups.iter().map(|g| canonical(g)));
    }
    if matches!(word.as_str(), "am" | "a.m") {
        forms.extend(n.groups.iter().map(|g| canonical(g)));
    }
    // A space-grouped number might be two numbers.
    if n.seps.iter().any(|&c| is_group_space(c)) {
        forms.extend(n.groups.iter().map(|g| canonical(g)));
    }
    // "2015-16" → "2015–2016"; "'90s" → "1990-е".
    let before = &text[..n.start];
    if n.groups.len() == 1 && n.groups[0].len() == 2 {
        if let Some(p) = prev
            && p.groups.len() == 1
            && p.groups[0].len() == 4
            && text[p.end..n.start]
                .trim()
                .chars()
                .all(|c| matches!(c, '-' | '–' | '—' | '/'))
            && !text[p.end..n.start].trim().is_empty()
        {
            forms.push(format!("{}{}", &p.groups[0][..2], n.groups[0]));
        }
        if before.ends_with(['\'', '’']) {
            forms.push(format!("19{}", n.groups[0]));
            forms.push(format!("20{}", n.groups[0]));
        }
    }
    forms
}

/// Every form found in the target: each number whole, each digit group,
/// and scaled values.
fn target_pool(text: &str, numbers: &[Number]) -> BTreeSet<String> {
    let mut pool = BTreeSet::new();
    for n in numbers {
        pool.insert(n.joined());
        for g in &n.groups {
            pool.insert(canonical(g));
        }
        if let Some(scale) = scale_of(&next_word(text, n.end)) {
            let mult = 10f64.powi(scale);
            pool.extend(
                n.values()
                    .into_iter()
                    .filter_map(|v| format_value(v * mult)),
            );
        }
    }
    pool
}

struct NumberWords {
    exact: HashMap<String, u64>,
    prefixes: Vec<(String, u64)>,
}

fn parse_words(text: &str) -> NumberWords {
    let mut exact = HashMap::new();
    let mut prefixes = Vec::new();
    for line in resource_entries(text) {
        let mut cols = line.split_whitespace();
        let Some(value) = cols.next().and_then(|v| v.parse::<u64>().ok()) else {
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

fn number_words(lang: Lang) -> Option<&'static NumberWords> {
    static RU: OnceLock<NumberWords> = OnceLock::new();
    static FA: OnceLock<NumberWords> = OnceLock::new();
    match lang.as_str() {
        "ru" => {
            Some(RU.get_or_init(|| {
                parse_words(crate::resources::builtin(Lang::RU, "number_words.txt"))
            }))
        }
        "fa" => {
            Some(FA.get_or_init(|| {
                parse_words(crate::resources::builtin(Lang::FA, "number_words.txt"))
            }))
        }
        _ => None,
    }
}

/// The value of one number word (`سه`, `третьего`, `ششمین`), if it is one.
fn word_value(words: &NumberWords, key: &str, lang: Lang) -> Option<u64> {
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
        .prefixes
        .iter()
        .filter(|(p, _)| key.starts_with(p.as_str()))
        .max_by_key(|(p, _)| p.len())
        .map(|(_, v)| *v)
}

/// The values written out as words in `text`: single words, and runs of
/// them added up ("тридцать шесть", "سی و ششمین" = 36).
fn word_values(text: &str, lang: Lang) -> BTreeSet<u64> {
    let mut out = BTreeSet::new();
    let Some(words) = number_words(lang) else {
        return out;
    };
    let mut run: Option<u64> = None;
    for tok in tokenize(text, lang) {
        let key = tok.key.as_str();
        if lang == Lang::FA && key == "و" && run.is_some() {
            continue;
        }
        match word_value(words, key, lang) {
            Some(v) => {
                let sum = run.map_or(v, |r| r + v);
                out.insert(sum);
                run = Some(sum);
            }
            None => run = None,
        }
        if let Some(v) = words.exact.get(key) {
            out.insert(*v);
        }
        if lang == Lang::FA {
            for ending in ["م", "مین", "می", "ها"] {
                if let Some(stem) = key.strip_suffix(ending)
                    && let Some(v) = words.exact.get(stem)
                {
                    out.insert(*v);
                }
            }
        }
        for (p, v) in &words.prefixes {
            if key.starts_with(p.as_str()) {
                out.insert(*v);
            }
        }
    }
    out
}

/// Runs the check; `untouchable` spans of the source (URLs, handles) are
/// left to the untouchables check.
pub(crate) fn check(source: &str, target: &str, target_lang: Lang) -> Vec<Finding> {
    let spans = super::text::untouchable_spans(source);
    let in_untouchable = |n: &Number| spans.iter().any(|&(s, e)| n.start >= s && n.end <= e);
    let src: Vec<Number> = extract(source)
        .into_iter()
        .filter(|n| !in_untouchable(n))
        .collect();
    if src.is_empty() {
        return Vec::new();
    }
    let tgt = extract(target);
    let pool = target_pool(target, &tgt);
    let target_values: Vec<f64> = tgt.iter().flat_map(Number::values).collect();
    let mut words: Option<BTreeSet<u64>> = None;
    let mut missing: Vec<&str> = Vec::new();
    for (i, n) in src.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| &src[j]);
        if source_forms(source, n, prev)
            .iter()
            .any(|f| pool.contains(f))
        {
            continue;
        }
        let conversions = converted(source, n, src.get(i + 1));
        if conversions
            .iter()
            .any(|&c| target_values.iter().any(|&v| close_to(v, c)))
        {
            continue;
        }
        let words = words.get_or_insert_with(|| word_values(target, target_lang));
        let written_out = n
            .values()
            .iter()
            .any(|&v| v.fract() == 0.0 && (0.0..=1e6).contains(&v) && words.contains(&(v as u64)));
        if written_out {
            continue;
        }
        let text = &source[n.start..n.end];
        if !missing.contains(&text) {
            missing.push(text);
        }
    }
    missing
        .into_iter()
        .map(|m| {
            Finding::error(
                CheckKind::Numbers,
                format!("the number {m} of the source is not in the target"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(source: &str, target: &str, lang: Lang) -> usize {
        check(source, target, lang).len()
    }

    #[test]
    fn digits_compare_across_scripts_and_separators() {
        assert_eq!(
            missing(
                "It cost $1,250.50 in 2019.",
                "Это стоило 1 250,50 доллара в 2019 году.",
                Lang::RU
            ),
            0
        );
        assert_eq!(
            missing(
                "It cost $1,250.50 in 2019.",
                "این در سال ۲۰۱۹ مبلغ ۱٬۲۵۰٫۵۰ دلار هزینه داشت.",
                Lang::FA
            ),
            0
        );
        assert_eq!(
            missing("Growth was 2.5%.", "رشد ۲/۵ درصد بود.", Lang::FA),
            0
        );
        assert_eq!(
            missing("Growth was 2.5%.", "Рост составил 2,5 %.", Lang::RU),
            0
        );
        assert_eq!(missing("In 2019.", "در سال ٢٠١٩.", Lang::FA), 0);
    }

    #[test]
    fn changed_or_dropped_numbers_are_found() {
        assert_eq!(
            missing("Growth was 2.5%.", "Рост составил 3,5 %.", Lang::RU),
            1
        );
        assert_eq!(
            missing(
                "In 2019, 40 people died.",
                "در سال ۲۰۱۹ افراد زیادی مردند.",
                Lang::FA
            ),
            1
        );
        assert_eq!(
            missing(
                "In 2019, 40 people died.",
                "В 2018 году погибли 40 человек.",
                Lang::RU
            ),
            1
        );
    }

    #[test]
    fn legitimate_rewritings_are_accepted() {
        assert_eq!(
            missing(
                "It will cost 2 million pounds.",
                "Это обойдется в 2 млн фунтов.",
                Lang::RU
            ),
            0
        );
        assert_eq!(
            missing(
                "It will cost 2 million pounds.",
                "این ۲ میلیون پوند هزینه دارد.",
                Lang::FA
            ),
            0
        );
        assert_eq!(
            missing(
                "It will cost 2.5 million.",
                "Это обойдется в 2 500 000.",
                Lang::RU
            ),
            0
        );
        assert_eq!(missing("In the 1990s.", "در دهه ۱۹۹۰.", Lang::FA), 0);
        assert_eq!(
            missing("The 21st century.", "XXI век, 21-й век.", Lang::RU),
            0
        );
        assert_eq!(
            missing("The 2015-16 season.", "Сезон 2015–2016 годов.", Lang::RU),
            0
        );
        assert_eq!(
            missing("At 5 p.m. on Monday.", "В понедельник в 17:00.", Lang::RU),
            0
        );
        assert_eq!(
            missing("Three of the 3 men.", "Трое из трех мужчин.", Lang::RU),
            0
        );
        assert_eq!(missing("He has 3 sons.", "او سه پسر دارد.", Lang::FA), 0);
        assert_eq!(missing("The 2nd round.", "دور دوم.", Lang::FA), 0);
        assert_eq!(missing("In the '90s.", "В 1990-е.", Lang::RU), 0);
        assert_eq!(
            missing(
                "Visit https://example.org/2019/5.",
                "Посетите сайт.",
                Lang::RU
            ),
            0
        );
    }

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
        ] {
            let words = parse_words(text);
            assert!(words.exact.len() + words.prefixes.len() > 20);
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
    }

    #[test]
    fn extraction_keeps_years_apart_from_counts() {
        let n = extract("in 2019 500 people, 1 234 567 and ۱۲٬۳۴۵٫۶");
        let joined: Vec<String> = n.iter().map(|n| n.joined()).collect();
        assert_eq!(joined, ["2019", "500", "1234567", "123456"]);
    }
}
