//! The `numbers` check: every number of the source must be in the target
//! **as a value**: sign, decimal point, grouping and scale word count, the
//! script of the digits (Latin, Persian `۰–۹`, Arabic-Indic `٠–٩`) does not.
//! `7.5%` is not `75%`, `$1.5 billion` is not `15 млрд`, `3 million` is
//! not `3 тысячи`, `-5 degrees` is not `5 градусов`, and a number the
//! source gives twice ("3 on Monday and 3 on Tuesday") must not become
//! another number in one of its places ("3 … 5").
//!
//! What translators legitimately do is accepted as the same value: other
//! separators (`1 250,50` = `۱٬۲۵۰٫۵۰` = `1,250.50`; `۲/۵` for `2.5`), scale
//! words (`2 million` = `2 млн` = `2 000 000` = `۲ میلیون`), numbers written
//! out in words, with their scale (`1.2 million` = `یک میلیون و دویست هزار`,
//! `1,500` = `полторы тысячи`; `resources/{ru,fa}/number_words.txt`),
//! months written as names (`2016-12-23` = `23 декабря 2016 года`;
//! `resources/{ru,fa}/month_names.txt`), decades, ordinals and short ranges
//! (`1990s` → `دهه ۱۹۹۰`, `21st` → `21-й`, `2015-16` → `2015–2016`), the
//! 24-hour clock (`5 p.m.` → `17:00`, and `14:30` → `в 14.30` as Russian
//! papers write it), a thousand before a larger scale (`20 trillion` =
//! `۲۰ هزار میلیارد`) and metric conversions. A negative number may lose
//! its sign when the target says it in words (`минус 5`, `5 градусов
//! мороза`, `منفی ۵`) or puts it after Persian digits (`۵- درجه`); one
//! the target makes positive (`плюс 0,3`, `+0,3`, `مثبت`) is an error. Only the source → target direction is
//! checked: a number the translator added is not an error. A number the
//! English source writes in words ("Twenty-five people") is judged too
//! (`numbers_written.rs`, `resources/en/number_words.txt`): given in the
//! target fewer times, in digits or words, while the target has a number
//! of its own, it is an error ("Twenty-five people" → "35 человек");
//! with none of its own, a warning ("three soldiers" → "военные").
//! Ordinals in words are judged the same way (`number_ordinals.rs`,
//! `resources/en/ordinal_words.txt`): "for the second time" → "в третий
//! раз" is an error; a target gives an ordinal as an ordinal, digits or a
//! Roman numeral ("twenty-first century" → "XXI век"). Fractions ("a third
//! of", "two-thirds") and "second" as a unit of time are no ordinals.
//!
//! Round quantities in words are judged too (`numbers_round.rs`,
//! `resources/*/round_quantities.txt`): "hundreds" given as `тысячи` or
//! `ده‌ها` while the source says no such quantity is an error.
//!
//! Severity: a source value absent from the target, or a repeated value
//! replaced by another number, is an error. A lost sign outside a
//! temperature, and a year given in the Persian calendar (`2019` →
//! `۱۳۹۸`), are warnings: they may be right.

use std::sync::OnceLock;

pub(crate) use super::digits::ascii_digit;
use super::number_ordinals::{is_numerator, written_ordinals};
use super::number_words::{DigitSpan, roman_values, values_with_digits, written_numbers};
use super::{CheckKind, Finding};
use crate::lang::Lang;
use crate::tokenize::normalize_key;
use months::changed_month;
use round::changed_round_quantity;
use weekdays::changed_weekday;
use written::changed_written;

/// The values `text` writes in words, or in digits and scale words mixed
/// (see [`values_with_digits`]), given the numbers in digits found here.
pub(super) fn word_values(text: &str, lang: Lang) -> Vec<f64> {
    let digits: Vec<DigitSpan> = extract(text)
        .into_iter()
        .map(|n| DigitSpan {
            start: n.start,
            end: n.end,
            small_whole: match n.groups.as_slice() {
                [g] if !n.negative && n.fraction == 0.0 => {
                    g.parse::<f64>().ok().filter(|&v| v < 1000.0)
                }
                _ => None,
            },
        })
        .collect();
    let mut out = values_with_digits(text, lang, &digits);
    out.extend(roman_values(text));
    out
}

/// Separators inside a number: `,` `.`, Arabic decimal `٫` and thousands
/// `٬` separators, the Arabic comma `،` (written for `,` in Persian
/// numbers: `77،000`) and `/` (a Persian decimal separator: `۲/۵`).
fn is_point(c: char) -> bool {
    matches!(c, ',' | '.' | '\u{066B}' | '\u{066C}' | '\u{060C}' | '/')
}

/// White space that groups thousands: space, no-break and thin spaces.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}')
}

/// A minus sign directly before a digit: hyphen-minus or U+2212.
fn is_minus(c: char) -> bool {
    matches!(c, '-' | '\u{2212}')
}

/// Words that make the next number negative, in every language checked.
const MINUS_WORDS: [&str; 3] = ["minus", "минус", "منفی"];

/// Words that make the next number positive, in every language checked.
const PLUS_WORDS: [&str; 3] = ["plus", "плюс", "مثبت"];

/// Whether a plus sign (`+5`) or word (`плюс 5`) stands before byte `start`.
fn plus_before(text: &str, start: usize) -> bool {
    text[..start].ends_with('+') || PLUS_WORDS.contains(&previous_word(text, start).as_str())
}

/// Words that say a temperature is below zero without a sign.
const BELOW_ZERO: [&str; 5] = [
    "ниже нуля",
    "мороз",
    "زیر صفر",
    "below zero",
    "below freezing",
];

/// One number as written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    /// Byte span in the text (the digits, without a sign).
    pub start: usize,
    pub end: usize,
    /// Digit groups between separators, ASCII.
    pub groups: Vec<String>,
    /// The separators between groups.
    pub seps: Vec<char>,
    /// A minus sign or word stands before it.
    pub negative: bool,
    /// A vulgar fraction after the digits or alone (`1½`, `¼`), else 0.
    pub fraction: f64,
}

/// The value of a vulgar fraction character (`½` is 0.5).
fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

impl Number {
    /// The magnitudes the written form can have: every separator grouping
    /// thousands (only where each later group has three digits), the last
    /// point as a decimal separator, and the digits without separators
    /// when there are none.
    fn magnitudes(&self) -> Vec<f64> {
        self.magnitudes_in(true)
    }

    /// [`Number::magnitudes`] in a language that may write a decimal comma
    /// (`comma_decimal`); in one that does not (English), `375,000` is
    /// only a grouped number, never `375.0` (regression: ntrex_dev's
    /// `$375,000` → `375 долларов` and `30,000` → `30،` passed as values),
    /// though a comma no reading groups (`1,5`) is still read as a point.
    fn magnitudes_in(&self, comma_decimal: bool) -> Vec<f64> {
        let mut out = Vec::new();
        if self.groups.len() == 1 {
            out.extend(
                self.groups[0]
                    .parse::<f64>()
                    .ok()
                    .map(|v| v + self.fraction),
            );
            return out;
        }
        let grouped = self.groups.len() >= 2
            && self.groups[0].len() <= 3
            && self.groups[1..].iter().all(|g| g.len() == 3)
            && self.seps.iter().all(|&c| c != '/');
        if grouped {
            out.extend(self.groups.concat().parse::<f64>().ok());
        }
        let comma_grouping = !comma_decimal && grouped && self.seps.last() == Some(&',');
        if self.seps.last().is_some_and(|&c| is_point(c)) && !comma_grouping {
            let (int, frac) = self.groups.split_at(self.groups.len() - 1);
            out.extend(format!("{}.{}", int.concat(), frac[0]).parse::<f64>().ok());
        }
        out
    }

    /// Whether the number may be several numbers written side by side
    /// ("15 000" or a date "1398/05/12"): its groups then count alone too.
    fn may_be_several(&self) -> bool {
        self.seps.iter().any(|&c| is_group_space(c) || c == '/')
    }

    fn signed(&self, v: f64) -> f64 {
        if self.negative { -v } else { v }
    }
}

/// Whether two values are the same number.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The word right before byte `start`, lowercased (`минус` in "минус 5").
fn previous_word(text: &str, start: usize) -> String {
    let before = text[..start].trim_end_matches(|c: char| c.is_whitespace());
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    before[word_start..].to_lowercase()
}

/// Whether the number starting at char index `i` of `chars` has a minus
/// sign: `-`, `−` or an en dash (Russian typography writes `–5 °C`) right
/// before its first digit, itself after white space, an opening bracket
/// or the start (not "2015-16", not "COVID-19", not "3–5").
fn minus_before(chars: &[(usize, char)], i: usize) -> bool {
    let Some(j) = i.checked_sub(1) else {
        return false;
    };
    if !is_minus(chars[j].1) && chars[j].1 != '\u{2013}' {
        return false;
    }
    match j.checked_sub(1) {
        None => true,
        Some(k) => {
            let c = chars[k].1;
            c.is_whitespace() || matches!(c, '(' | '[' | '«' | '"' | '“' | ':' | '\u{200F}')
        }
    }
}

/// Whether a temperature whose first digit is `first` (Persian or
/// Arabic-Indic) and whose digits end at char index `i` has its minus
/// sign after it, as Persian weather reports type it (`۵- درجه`, shown
/// `-۵` right to left). Only before a degree: `۱- مقدمه` is the first
/// item of a list.
fn minus_after(chars: &[(usize, char)], first: char, i: usize) -> bool {
    let Some(&(_, c)) = chars.get(i) else {
        return false;
    };
    if !is_minus(c) || first.is_ascii_digit() {
        return false;
    }
    let after: String = chars[i + 1..].iter().take(12).map(|&(_, c)| c).collect();
    let after = after.trim_start_matches([' ', '\u{00A0}', '\u{200C}', '\u{200F}']);
    after.starts_with('°') || after.starts_with("درجه")
}

/// The numbers of `text` in order.
pub(crate) fn extract(text: &str) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit_at = |i: usize| chars.get(i).and_then(|&(_, c)| ascii_digit(c));
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some(f) = vulgar_fraction(chars[i].1) {
            // A fraction alone ("½ of the cake"); after digits it is
            // taken with them below.
            let start = chars[i].0;
            out.push(Number {
                start,
                end: start + chars[i].1.len_utf8(),
                groups: vec!["0".to_string()],
                seps: Vec::new(),
                negative: minus_before(&chars, i),
                fraction: f,
            });
            i += 1;
            continue;
        }
        let Some(d) = digit_at(i) else {
            i += 1;
            continue;
        };
        let (start, first_digit) = chars[i];
        let negative =
            minus_before(&chars, i) || MINUS_WORDS.contains(&previous_word(text, start).as_str());
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
            // The Swiss apostrophe groups thousands too: "1'000", "1’000".
            let apostrophe = matches!(c, '\'' | '\u{2019}');
            if (is_group_space(c) || apostrophe) && three_follow && short_before {
                seps.push(c);
                groups.push(String::new());
                i += 1;
                continue;
            }
            break;
        }
        let fraction = match chars.get(i).and_then(|&(_, c)| vulgar_fraction(c)) {
            Some(f) if seps.is_empty() => {
                i += 1;
                f
            }
            _ => 0.0,
        };
        let end = chars.get(i).map(|&(b, _)| b).unwrap_or(text.len());
        let negative = negative || minus_after(&chars, first_digit, i);
        out.push(Number {
            start,
            end,
            groups,
            seps,
            negative,
            fraction,
        });
    }
    out
}

/// The lowercase word right after byte `end` (skipping spaces and a
/// hyphen), e.g. "million" in "2 million", "m" in "5m", "p.m" in "5 p.m.",
/// and whether white space stood between.
fn next_word(text: &str, end: usize) -> (String, bool) {
    let (start, word_end) = next_word_span(text, end);
    let word = text[start..word_end]
        .chars()
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .trim_end_matches('.')
        .to_string();
    (word, start != end)
}

/// The bytes of the word [`next_word`] reads after byte `end`: past spaces
/// and a hyphen, its letters, points and degree signs.
fn next_word_span(text: &str, end: usize) -> (usize, usize) {
    let rest = &text[end..];
    let trimmed =
        rest.trim_start_matches([' ', '\u{00A0}', '\u{2009}', '\u{202F}', '-', '\u{200C}']);
    let start = end + (rest.len() - trimmed.len());
    let len: usize = trimmed
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '.' || *c == '°')
        .map(char::len_utf8)
        .sum();
    (start, start + len)
}

/// The power of ten a scale word stands for. Short forms that are also
/// units ("m" for metres) count only attached to the number ("5m") or
/// after a currency sign ("$5 m").
fn scale_of(word: &str, spaced: bool, currency: bool) -> Option<i32> {
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
        ("بیلیون", 9),
        ("تریلیون", 12),
    ];
    if let Some((_, s)) = by_prefix.iter().find(|(p, _)| w.starts_with(p)) {
        return Some(*s);
    }
    match w.as_str() {
        "млн" => Some(6),
        "млрд" => Some(9),
        "трлн" => Some(12),
        "mn" | "mln" | "bn" | "tn" => Some(match w.as_str() {
            "mn" | "mln" => 6,
            "bn" => 9,
            _ => 12,
        }),
        "k" | "m" | "b" if !spaced || currency => Some(match w.as_str() {
            "k" => 3,
            "m" => 6,
            _ => 9,
        }),
        _ => None,
    }
}

/// Whether a currency sign stands right before byte `start`.
fn currency_before(text: &str, start: usize) -> bool {
    text[..start]
        .trim_end()
        .ends_with(['$', '£', '€', '¥', '₽'])
}

/// The scale factor after the number (1 without a scale word). A thousand
/// before a larger scale word multiplies it: Persian writes a trillion
/// `هزار میلیارد` ("20 trillion rials" = `۲۰ هزار میلیارد ریال`).
fn scale_after(text: &str, n: &Number) -> f64 {
    let (word, spaced) = next_word(text, n.end);
    let Some(scale) = scale_of(&word, spaced, currency_before(text, n.start)) else {
        return 1.0;
    };
    let mut power = scale;
    if scale == 3 {
        let (_, after) = next_word_span(text, n.end);
        let (larger, spaced) = next_word(text, after);
        if spaced && let Some(s @ 6..) = scale_of(&larger, true, false) {
            power += s;
        }
    }
    10f64.powi(power)
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

fn is_degrees(word: &str) -> bool {
    matches!(
        word.trim_start_matches('°'),
        "degree" | "degrees" | "f" | "fahrenheit" | "c" | "celsius" | ""
    ) && !word.is_empty()
}

/// Words between the two numbers of a range ("1 to 4 inches").
fn is_range_word(word: &str) -> bool {
    matches!(word, "" | "to" | "and" | "or")
}

/// Values the target may give for `n` in metric units, if the source
/// writes `n` in imperial or Fahrenheit units (the unit may follow the next
/// number of a range: "2 to 3 inches").
fn converted(text: &str, n: &Number, next: Option<&Number>) -> Vec<f64> {
    let mut word = next_word(text, n.end).0;
    if is_range_word(&word)
        && let Some(m) = next
    {
        word = next_word(text, m.end).0;
    }
    let fahrenheit = is_degrees(&word) && !matches!(word.trim_start_matches('°'), "c" | "celsius")
        || word == "s";
    let word = word.trim_start_matches('°').to_string();
    let mut out = Vec::new();
    for v in n.magnitudes().into_iter().map(|v| n.signed(v)) {
        out.extend(unit_factors(&word).iter().map(|f| v * f));
        if fahrenheit {
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

/// The values the target may give for source number `n`: its value with
/// its scale, and the completions of ranges, decades and the clock.
fn source_values(text: &str, n: &Number, prev: Option<&Number>, lang: Lang) -> Vec<f64> {
    let scale = scale_after(text, n);
    let mut out: Vec<f64> = n
        .magnitudes_in(lang != Lang::EN)
        .iter()
        .map(|&v| n.signed(v * scale))
        .collect();
    let digits = |g: &str| g.parse::<f64>().ok();
    let (word, _) = next_word(text, clock_end(text, n.end));
    if matches!(word.as_str(), "pm" | "p.m") {
        if let Some(h) = n.groups.first().and_then(|g| g.parse::<u32>().ok())
            && (1..12).contains(&h)
        {
            out.push(f64::from(h + 12));
        }
        out.extend(n.groups.iter().filter_map(|g| digits(g)));
    }
    if matches!(word.as_str(), "am" | "a.m") || n.may_be_several() {
        out.extend(n.groups.iter().filter_map(|g| digits(g)));
    }
    // A decade "1990s" is "90-е", "90-х", "دهه ۹۰" too.
    let decade = text[n.end..].starts_with('s') || text[n.end..].starts_with("'s");
    if decade && n.groups.len() == 1 && n.groups[0].len() == 4 && n.groups[0].ends_with('0') {
        out.extend(digits(&n.groups[0][2..]));
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
            out.extend(digits(&format!("{}{}", &p.groups[0][..2], n.groups[0])));
        }
        if before.ends_with(['\'', '’']) {
            out.extend(digits(&format!("19{}", n.groups[0])));
            out.extend(digits(&format!("20{}", n.groups[0])));
        }
    }
    out
}

/// The end of the minutes after an hour (`5:30 p.m.`: the byte after
/// `30`), or `end` when no minutes follow: the clock word comes after them.
fn clock_end(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let mut chars = rest.char_indices();
    match (chars.next(), chars.next(), chars.next(), chars.next()) {
        (Some((_, ':')), Some((_, a)), Some((_, b)), next)
            if a.is_ascii_digit()
                && b.is_ascii_digit()
                && !next.is_some_and(|(_, c)| c.is_ascii_digit()) =>
        {
            end + 3
        }
        _ => end,
    }
}

/// Whether a number written with points is a date (`23.12.2016`,
/// `2016.12.23`): three groups, a four-digit year at one end and one- or
/// two-digit day and month, which no thousands grouping can be.
fn is_dotted_date(n: &Number) -> bool {
    let g: Vec<usize> = n.groups.iter().map(String::len).collect();
    n.seps.len() == 2
        && n.seps.iter().all(|&c| c == '.')
        && (matches!(g[..], [1 | 2, 1 | 2, 4]) || matches!(g[..], [4, 1 | 2, 1 | 2]))
}

/// The values one target number can have: with and without the scale
/// word after it, each group alone for a number that may be several.
fn target_values(text: &str, n: &Number, clocks: &[(&str, &str)]) -> Vec<f64> {
    let scale = scale_after(text, n);
    let mut out = Vec::new();
    for v in n.magnitudes() {
        out.push(n.signed(v));
        if scale != 1.0 {
            out.push(n.signed(v * scale));
        }
    }
    // A date "1398/05/12" is several numbers; a space-grouped "77 002" is
    // one (reading it as 77 and 2 would accept "77 002" for "77,000").
    if n.seps.contains(&'/') || is_dotted_date(n) || is_dotted_clock(n, clocks) {
        out.extend(n.groups.iter().filter_map(|g| g.parse::<f64>().ok()));
    }
    out
}

/// The times of day a text writes with a colon (`14:30`), as their hour
/// and minute digit groups.
fn colon_clocks<'a>(text: &str, numbers: &'a [Number]) -> Vec<(&'a str, &'a str)> {
    numbers
        .windows(2)
        .filter(|w| {
            let (h, m) = (&w[0], &w[1]);
            &text[h.end..m.start] == ":"
                && h.groups.len() == 1
                && m.groups.len() == 1
                && h.groups[0].len() <= 2
                && m.groups[0].len() == 2
        })
        .map(|w| (w[0].groups[0].as_str(), w[1].groups[0].as_str()))
        .collect()
}

/// Whether a target number is a time of the source's `clocks` written with
/// a point, as Russian papers do (`14:30` → `в 14.30`).
fn is_dotted_clock(n: &Number, clocks: &[(&str, &str)]) -> bool {
    matches!((&n.groups[..], &n.seps[..]), ([h, m], ['.']) if clocks.contains(&(h.as_str(), m.as_str())))
}

/// Whether `text` names the disease COVID-19 in one of the ways
/// Russian and Persian news do.
fn names_the_coronavirus(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "коронавирус",
        "ковид",
        "covid",
        "کرونا",
        "كرونا",
        "کووید",
        "كوويد",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether the number ending at byte `end` is a percentage ("50%",
/// "50 percent", "50 per cent").
fn is_percent(text: &str, end: usize) -> bool {
    text[end..].trim_start().starts_with('%')
        || matches!(next_word(text, end).0.as_str(), "percent" | "per")
}

/// One source number judged against the target.
enum Verdict {
    /// The target has the value (index of the target number, if in digits).
    Found(Option<usize>),
    /// Only the value without its sign is in the target.
    SignLost { temperature: bool },
    /// The target gives the value with a plus sign or word.
    SignReversed,
    /// The year is in the target as a Persian-calendar year.
    PersianYear,
    /// The value is not in the target.
    Missing,
}

fn judge(
    source: &str,
    source_lang: Lang,
    src: &[Number],
    i: usize,
    target: &Targets<'_>,
) -> Verdict {
    let n = &src[i];
    let values = source_values(source, n, i.checked_sub(1).map(|j| &src[j]), source_lang);
    let hit = |want: f64| {
        target
            .numbers
            .iter()
            .position(|vs| vs.iter().any(|&v| same(v, want)))
    };
    if let Some(j) = values.iter().find_map(|&v| hit(v)) {
        return Verdict::Found(Some(j));
    }
    let words = target.words();
    if values.iter().any(|&v| words.iter().any(|&w| same(w, v))) {
        return Verdict::Found(None);
    }
    // "50 percent" → "половина", "25%" → "четверть", "نیمی".
    if is_percent(source, n.end)
        && values
            .iter()
            .any(|&v| words.iter().any(|&w| w < 1.0 && same(w, v / 100.0)))
    {
        return Verdict::Found(None);
    }
    let conversions = converted(source, n, src.get(i + 1));
    let all: Vec<f64> = target.numbers.iter().flatten().copied().collect();
    if conversions
        .iter()
        .any(|&c| all.iter().any(|&v| close_to(v, c)))
    {
        return Verdict::Found(None);
    }
    if n.negative {
        let abs: Vec<f64> = values.iter().map(|v| v.abs()).collect();
        let unsigned = abs
            .iter()
            .any(|&a| all.iter().any(|&v| same(v, a)) || words.iter().any(|&w| same(w, a)));
        let made_positive = target
            .numbers
            .iter()
            .zip(&target.plus)
            .any(|(vs, &plus)| plus && vs.iter().any(|&v| abs.iter().any(|&a| same(v, a))));
        if made_positive {
            return Verdict::SignReversed;
        }
        if unsigned {
            let lower = target.text.to_lowercase();
            if BELOW_ZERO.iter().any(|w| lower.contains(w)) {
                return Verdict::Found(None);
            }
            let temperature = is_degrees(&next_word(source, n.end).0);
            return Verdict::SignLost { temperature };
        }
    }
    let year = n.groups.len() == 1 && n.groups[0].len() == 4 && !n.negative;
    if year
        && let Ok(y) = n.groups[0].parse::<f64>()
        && (1800.0..=2100.0).contains(&y)
        && [621.0, 622.0]
            .iter()
            .any(|d| all.iter().any(|&v| same(v, y - d)))
    {
        return Verdict::PersianYear;
    }
    Verdict::Missing
}

/// The target's numbers, their values, and (computed once, on demand) the
/// values it writes in words.
struct Targets<'a> {
    text: &'a str,
    lang: Lang,
    numbers: Vec<Vec<f64>>,
    /// Whether each number has a plus sign or word before it.
    plus: Vec<bool>,
    words: OnceLock<Vec<f64>>,
}

impl Targets<'_> {
    fn words(&self) -> &[f64] {
        self.words.get_or_init(|| word_values(self.text, self.lang))
    }
}

/// Runs the check; `untouchable` spans of the source (URLs, handles) are
/// left to the untouchables check.
pub(crate) fn check(
    source: &str,
    target: &str,
    source_lang: Lang,
    target_lang: Lang,
) -> Vec<Finding> {
    let spans = super::text::untouchable_spans(source);
    let in_untouchable = |n: &Number| spans.iter().any(|&(s, e)| n.start >= s && n.end <= e);
    // "24/7" says "always", which a translation may say in a word.
    let always = |n: &Number| n.groups == ["24", "7"] && n.seps == ['/'];
    // "COVID-19" is a name, which a translation may give as "коронавирус".
    let covid = |n: &Number| {
        n.groups == ["19"]
            && source[..n.start].to_lowercase().ends_with("covid-")
            && names_the_coronavirus(target)
    };
    let src: Vec<Number> = extract(source)
        .into_iter()
        .filter(|n| !in_untouchable(n) && !always(n) && !covid(n))
        .collect();
    let written = if source_lang == Lang::EN {
        // Cardinals and ordinals; a cardinal that begins an ordinal
        // ("twenty" of "twenty-first") is part of it, and the numerator of
        // a fraction ("two-thirds") is no count.
        let mut words = written_numbers(source, source_lang);
        let ordinals = written_ordinals(source, &words);
        words.retain(|w| {
            !w.after_digits
                && !ordinals
                    .iter()
                    .any(|o| o.start <= w.start && w.end <= o.end)
                && !is_numerator(source, w.value, w.end)
        });
        words.extend(ordinals);
        words
    } else {
        Vec::new()
    };
    let tgt_numbers = extract(target);
    // Months and days of the week the source names are judged whether or
    // not it has numbers ("in March", "on Monday").
    let dates = changed_month(source, target, &tgt_numbers, source_lang, target_lang)
        .into_iter()
        .chain(changed_weekday(source, target, source_lang, target_lang));
    if src.is_empty() && written.is_empty() {
        return changed_round_quantity(source, target, source_lang, target_lang)
            .into_iter()
            .chain(dates)
            .collect();
    }
    let clocks = colon_clocks(source, &src);
    let targets = Targets {
        text: target,
        lang: target_lang,
        numbers: tgt_numbers
            .iter()
            .map(|n| target_values(target, n, &clocks))
            .collect(),
        plus: tgt_numbers
            .iter()
            .map(|n| plus_before(target, n.start))
            .collect(),
        words: OnceLock::new(),
    };
    let mut out: Vec<Finding> = Vec::new();
    let mut reported: Vec<&str> = Vec::new();
    let mut matched = vec![false; tgt_numbers.len()];
    let mut found_at: Vec<bool> = vec![false; src.len()];
    for i in 0..src.len() {
        let text = &source[src[i].start..src[i].end];
        let shown = if src[i].negative {
            format!("-{text}")
        } else {
            text.to_string()
        };
        let finding = match judge(source, source_lang, &src, i, &targets) {
            Verdict::Found(j) => {
                found_at[i] = true;
                let Some(j) = j else { continue };
                matched[j] = true;
                // The value found, in another unit ("385 miles" as "385 км")
                // or currency ("$5 million" as "5 миллионов евро").
                let t = &tgt_numbers[j];
                if let Some((was, given)) = units::unconverted(source, &src, i, target, t) {
                    Finding::error(
                        CheckKind::Numbers,
                        format!(
                            "{was} of the source is {given} in the target: the unit is changed, the value not converted"
                        ),
                    )
                } else if units::points_as_percent(source, &src[i], target, t) {
                    Finding::error(
                        CheckKind::Numbers,
                        format!(
                            "{text} percentage points of the source are a percentage in the target (a change of a rate, not a share)"
                        ),
                    )
                } else if let Some((was, given)) =
                    units::currency_changed(source, &src, i, target, t)
                {
                    Finding::error(
                        CheckKind::Numbers,
                        format!("{was} of the source is {given} in the target: another currency"),
                    )
                } else {
                    continue;
                }
            }
            Verdict::SignLost { temperature: true } => Finding::error(
                CheckKind::Numbers,
                format!("the number {shown} of the source has lost its minus sign in the target"),
            ),
            Verdict::SignLost { temperature: false } => Finding::warning(
                CheckKind::Numbers,
                format!("the number {shown} of the source has no minus sign in the target"),
            ),
            Verdict::SignReversed => Finding::error(
                CheckKind::Numbers,
                format!("the number {shown} of the source is positive in the target"),
            ),
            Verdict::PersianYear => Finding::warning(
                CheckKind::Numbers,
                format!("the year {text} of the source is given in the Persian calendar"),
            ),
            Verdict::Missing => Finding::error(
                CheckKind::Numbers,
                format!("the number {text} of the source is not in the target"),
            ),
        };
        if !reported.contains(&text) {
            reported.push(text);
            out.push(finding);
        }
    }
    out.extend(repeated_values(
        source,
        source_lang,
        &src,
        &found_at,
        &targets,
        &matched,
    ));
    out.extend(dates);
    out.extend(changed_written(
        source,
        source_lang,
        &src,
        &written,
        &targets,
    ));
    out.extend(changed_round_quantity(
        source,
        target,
        source_lang,
        target_lang,
    ));
    out
}

/// A value the source gives several times must be in the target as many
/// times, unless the target merged the mentions: an error when the target
/// has fewer and also a number of its own that matches no source number
/// ("3 on Monday and 3 on Tuesday" → "3 … 5"). A target number that is a
/// metric conversion of a source number is the source's, not its own
/// (regression: "2 to 4 inches … on 2024-11-11" → "5–10 см … 11 ноября
/// 2024 года" was reported).
fn repeated_values(
    source: &str,
    source_lang: Lang,
    src: &[Number],
    found_at: &[bool],
    targets: &Targets<'_>,
    matched: &[bool],
) -> Option<Finding> {
    let conversions: Vec<f64> = src
        .iter()
        .enumerate()
        .flat_map(|(i, n)| converted(source, n, src.get(i + 1)))
        .collect();
    let unmatched_target = targets.numbers.iter().zip(matched).any(|(vs, &m)| {
        !m && !vs.is_empty()
            && !vs
                .iter()
                .any(|&v| conversions.iter().any(|&c| close_to(v, c)))
            && !src.iter().enumerate().any(|(i, n)| {
                source_values(source, n, i.checked_sub(1).map(|j| &src[j]), source_lang)
                    .iter()
                    .any(|&s| vs.iter().any(|&v| same(v, s)))
            })
    });
    if !unmatched_target {
        return None;
    }
    for (i, n) in src.iter().enumerate() {
        if !found_at[i] {
            continue;
        }
        let text = &source[n.start..n.end];
        let values = source_values(source, n, i.checked_sub(1).map(|j| &src[j]), source_lang);
        let in_source = src
            .iter()
            .filter(|m| source[m.start..m.end] == *text && m.negative == n.negative)
            .count();
        if in_source < 2 {
            continue;
        }
        let in_target = targets
            .numbers
            .iter()
            .filter(|vs| vs.iter().any(|&v| values.iter().any(|&s| same(v, s))))
            .count();
        if in_target < in_source {
            return Some(Finding::error(
                CheckKind::Numbers,
                format!(
                    "the number {text} is in the source {in_source} times but {in_target} time(s) in the target, which has a number the source does not"
                ),
            ));
        }
    }
    None
}

#[path = "numbers_months.rs"]
mod months;
#[path = "numbers_round.rs"]
mod round;
#[path = "numbers_units.rs"]
mod units;
#[path = "numbers_weekdays.rs"]
mod weekdays;
#[path = "numbers_written.rs"]
mod written;

#[cfg(test)]
#[path = "numbers_tests.rs"]
mod tests;
