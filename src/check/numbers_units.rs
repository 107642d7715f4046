//! Units changed without converting the value, judged by the `numbers`
//! check: "385 miles" given as "385 км", "95 °F" as "95 °C", "20 pounds"
//! as "20 килограммов". The value is the source's, so the number is
//! found; the quantity is not.

use super::{Number, close_to, converted, next_word, next_word_span};

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dimension {
    Length,
    Mass,
    Volume,
    Area,
    Temperature,
}

/// The dimension of an imperial or US unit of the source (`miles`, `mph`:
/// a speed is given in kilometres too).
fn imperial(word: &str) -> Option<Dimension> {
    Some(match word.trim_start_matches('°') {
        "mph" | "mile" | "miles" | "mi" | "inch" | "inches" | "foot" | "feet" | "ft" | "yard"
        | "yards" | "yd" | "yds" => Dimension::Length,
        "pound" | "pounds" | "lb" | "lbs" | "ounce" | "ounces" | "oz" | "ton" | "tons" => {
            Dimension::Mass
        }
        "gallon" | "gallons" | "gal" => Dimension::Volume,
        "acre" | "acres" => Dimension::Area,
        "f" | "fahrenheit" | "degree" | "degrees" => Dimension::Temperature,
        _ => return None,
    })
}

/// The dimension of a metric unit a target writes after a number, the
/// word read as [`next_word`] reads it (lowercase, no final point). A
/// degree names Celsius only with its scale (`95 градусов по Цельсию`,
/// `۳۵ درجه سانتیگراد`, `35 °C`): a bare degree may be either scale.
fn metric(text: &str, end: usize) -> Option<Dimension> {
    let (word, _) = next_word(text, end);
    let prefixed = |prefixes: &[&str]| prefixes.iter().any(|p| word.starts_with(p));
    let exact = |words: &[&str]| words.contains(&word.as_str());
    if exact(&["°c", "°с", "℃"]) {
        return Some(Dimension::Temperature);
    }
    if prefixed(&["градус", "°"]) || exact(&["درجه"]) {
        // The scale within the next two words.
        let (_, mut at) = next_word_span(text, end);
        for _ in 0..2 {
            let (next, _) = next_word(text, at);
            if ["цельси", "celsius", "سانتیگراد", "سانتی", "سلسیوس"]
                .iter()
                .any(|s| next.starts_with(s))
            {
                return Some(Dimension::Temperature);
            }
            at = next_word_span(text, at).1;
        }
        return None;
    }
    if exact(&[
        "км",
        "м",
        "см",
        "мм",
        "km",
        "m",
        "cm",
        "mm",
        "متر",
        "سانتی",
        "میلی",
    ]) || prefixed(&[
        "километр",
        "метр",
        "сантиметр",
        "миллиметр",
        "کیلومتر",
        "سانتیمتر",
        "میلیمتر",
    ]) {
        return Some(Dimension::Length);
    }
    if exact(&["кг", "г", "kg", "g", "کیلو", "گرم"]) || prefixed(&["килограмм", "грамм", "کیلوگرم"])
    {
        return Some(Dimension::Mass);
    }
    if exact(&["л", "l", "лит", "لیتر"]) || prefixed(&["литр"]) {
        return Some(Dimension::Volume);
    }
    if exact(&["га", "ha", "هکتار"]) || prefixed(&["гектар"]) {
        return Some(Dimension::Area);
    }
    None
}

/// When source number `src[i]`, in an imperial or Fahrenheit unit, is
/// found as target number `t` with the same value in a metric unit of the
/// same dimension: the source's number and unit and the target's, for the
/// message. A value a translator may keep when converting (yards as
/// metres, tons as tonnes: within a tenth) is no change.
pub(super) fn unconverted(
    source: &str,
    src: &[Number],
    i: usize,
    target: &str,
    t: &Number,
) -> Option<(String, String)> {
    let n = &src[i];
    let conversions = converted(source, n, src.get(i + 1));
    if conversions.is_empty() {
        return None;
    }
    let (start, end) = next_word_span(source, n.end);
    let unit = source[start..end].to_lowercase();
    let unit = unit.trim_end_matches('.');
    let dimension = imperial(unit)?;
    let values: Vec<f64> = n.magnitudes().into_iter().map(|v| n.signed(v)).collect();
    if values
        .iter()
        .any(|&v| conversions.iter().any(|&c| close_to(v, c)))
    {
        return None;
    }
    if metric(target, t.end)? != dimension {
        return None;
    }
    // A degree of the source that names no scale is Fahrenheit only when
    // the target could not mean it: a weather reading above what Celsius
    // gives.
    if unit.trim_start_matches('°').starts_with("degree")
        && !matches!(next_word(source, end).0.as_str(), "fahrenheit" | "f")
        && values.iter().all(|v| v.abs() < 60.0)
    {
        return None;
    }
    let (_, t_end) = next_word_span(target, t.end);
    let shown =
        |text: &str, from: usize, to: usize| text[from..to].trim_end_matches('.').to_string();
    Some((shown(source, n.start, end), shown(target, t.start, t_end)))
}

/// A currency, as the source or the target names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Currency {
    Dollar,
    Euro,
    Ruble,
    Rial,
    Toman,
    Yuan,
    Yen,
}

/// The currency of a symbol (`¥` is yuan or yen: none).
fn currency_symbol(c: char) -> Option<Currency> {
    match c {
        '$' => Some(Currency::Dollar),
        '€' => Some(Currency::Euro),
        '₽' => Some(Currency::Ruble),
        _ => None,
    }
}

/// The currency of a word (lowercase). `pound` is left out: money or
/// weight, and `фунт` is both.
fn currency_word(word: &str) -> Option<Currency> {
    let prefixed = |prefixes: &[&str]| prefixes.iter().any(|p| word.starts_with(p));
    Some(match word {
        "dollar" | "dollars" | "usd" | "دلار" => Currency::Dollar,
        "euro" | "euros" | "eur" | "евро" | "یورو" => Currency::Euro,
        "ruble" | "rubles" | "rouble" | "roubles" | "руб" | "روبل" => Currency::Ruble,
        "rial" | "rials" | "ریال" => Currency::Rial,
        "toman" | "tomans" | "تومان" => Currency::Toman,
        "yuan" | "یوان" => Currency::Yuan,
        "yen" | "ین" => Currency::Yen,
        _ if prefixed(&["доллар"]) => Currency::Dollar,
        _ if prefixed(&["рубл"]) => Currency::Ruble,
        _ if prefixed(&["риал"]) => Currency::Rial,
        _ if prefixed(&["туман"]) => Currency::Toman,
        _ if prefixed(&["юан"]) => Currency::Yuan,
        _ if prefixed(&["иен", "йен"]) => Currency::Yen,
        _ => return None,
    })
}

/// Words a currency may follow its number by (scale words, "US").
const CURRENCY_REACH: usize = 3;

/// The amount around the number that spans `start..end` of `text`: its
/// currency and the bytes `from..to` it takes. The currency is a symbol
/// right before the number (`$5`, `US$5`) or right after it (`5 €`), else
/// the first currency word within [`CURRENCY_REACH`] words after it, past
/// scale words (`5 миллионов евро`, `۵ میلیون دلار`); `None` when no
/// currency is named. The amount runs from the symbol before the number
/// to that word (or over the words read when there is none).
fn amount(text: &str, start: usize, end: usize) -> (Option<Currency>, usize, usize) {
    let before = text[..start]
        .trim_end()
        .char_indices()
        .last()
        .and_then(|(k, c)| currency_symbol(c).map(|cur| (k, cur)));
    let after = text[end..]
        .trim_start()
        .chars()
        .next()
        .and_then(currency_symbol);
    let mut to = end;
    let mut named = None;
    for _ in 0..CURRENCY_REACH {
        let (word, _) = next_word(text, to);
        if word.is_empty() {
            break;
        }
        to = next_word_span(text, to).1;
        named = currency_word(&word);
        if named.is_some() {
            break;
        }
    }
    let currency = before.map(|(_, cur)| cur).or(after).or(named);
    (currency, before.map_or(start, |(k, _)| k), to)
}

/// When source number `src[i]` is an amount in one currency and target
/// number `t`, found with its value, is an amount in another (`$5
/// million` as `5 миллионов евро`): the two amounts, for the message.
pub(super) fn currency_changed(
    source: &str,
    src: &[Number],
    i: usize,
    target: &str,
    t: &Number,
) -> Option<(String, String)> {
    let n = &src[i];
    let (was, was_from, was_to) = amount(source, n.start, n.end);
    let (given, given_from, given_to) = amount(target, t.start, t.end);
    if was? == given? {
        return None;
    }
    let shown =
        |text: &str, from: usize, to: usize| text[from..to].trim_end_matches('.').to_string();
    Some((
        shown(source, was_from, was_to),
        shown(target, given_from, given_to),
    ))
}

/// When source number `src[i]` is a number of percentage points ("rose by
/// 0.5 percentage points") and target number `t`, found with its value, is
/// a percentage ("на 0,5 %", "۰٫۵ درصد") rather than points ("0,5
/// процентного пункта", "0,5 п.п.", "۰٫۵ واحد درصد"): a change of a rate
/// given as a change in proportion. The other way ("3%" as "3 процентных
/// пункта") is left alone: English writers use "%" for points too.
pub(super) fn points_as_percent(source: &str, n: &Number, target: &str, t: &Number) -> bool {
    let (first, _) = next_word(source, n.end);
    let (_, after) = next_word_span(source, n.end);
    let (second, _) = next_word(source, after);
    let points = first == "percentage" && matches!(second.as_str(), "point" | "points");
    if !points {
        return false;
    }
    let rest = &target[t.end..];
    let trimmed = rest.trim_start_matches([' ', '\u{00A0}', '\u{2009}', '\u{202F}']);
    if trimmed.starts_with(['%', '٪']) {
        return true;
    }
    let (word, _) = next_word(target, t.end);
    let (_, after) = next_word_span(target, t.end);
    let (next, _) = next_word(target, after);
    let percent = word.starts_with("процент") || word == "درصد";
    let pointed = next.starts_with("пункт") || word.starts_with("п.п") || word == "пп";
    percent && !pointed
}
