//! Round quantities said in words ("hundreds of people", "тысячи людей",
//! "ده‌ها نفر", "tens of thousands"), judged by the `numbers` check: a
//! round quantity of the source given in the target as another one is a
//! changed value ("hundreds" → "тысячи"). A target that says no round
//! quantity (a number, "many", "a crowd") is not judged: it may have said
//! it another way. The words are `resources/{en,ru,fa}/round_quantities.txt`.

use std::sync::OnceLock;

use super::super::number_words::{NumberWords, is_number_word, parse_words};
use super::super::{CheckKind, Finding};
use super::scale_of;
use crate::lang::Lang;
use crate::resources::builtin;
use crate::tokenize::{Token, tokenize};

fn words(lang: Lang) -> Option<&'static NumberWords> {
    static LISTS: OnceLock<Vec<(Lang, NumberWords)>> = OnceLock::new();
    LISTS
        .get_or_init(|| {
            [Lang::EN, Lang::RU, Lang::FA]
                .into_iter()
                .map(|l| (l, parse_words(builtin(l, "round_quantities.txt"))))
                .collect()
        })
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, w)| w)
}

/// The power of ten a word says as a round quantity (0: "several").
fn power_of(key: &str, lang: Lang) -> Option<i32> {
    words(lang)?.listed_value(key).map(|p| p as i32)
}

/// English forms that are round only before "of" ("tens of thousands",
/// not "the scores").
const ONLY_BEFORE_OF: [&str; 2] = ["scores", "tens"];

/// The words of `text` as keys with spans; in Persian a plural ending
/// written apart (`ده‌ها`, `ده ها`) is joined to its word (`دهها`).
fn keyed(text: &str, lang: Lang) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for t in tokenize(text, lang) {
        if lang == Lang::FA
            && t.key == "ها"
            && let Some(last) = out.last_mut()
            && matches!(&text[last.end..t.start], " " | "\u{200C}")
        {
            last.key.push_str("ها");
            last.end = t.end;
            continue;
        }
        out.push(t);
    }
    out
}

/// Whether only white space (or a ZWNJ) stands between two words.
fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    text[a.end..b.start]
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{200C}')
}

/// The round quantities of `text`, in order: their power of ten and the
/// words that say it.
fn round_quantities(text: &str, lang: Lang) -> Vec<(i32, &str)> {
    let tokens = keyed(text, lang);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let Some(power) = power_of(&t.key, lang) else {
            i += 1;
            continue;
        };
        // A word right after a number is its scale: "3 тысячи", "две сотни".
        let after_number = i > 0 && adjacent(text, &tokens[i - 1], t) && {
            let prev = &tokens[i - 1].key;
            prev.chars().all(|c| c.is_numeric()) || is_number_word(prev, lang)
        };
        let mut next = i + 1;
        let of = lang == Lang::EN && tokens.get(next).is_some_and(|n| n.key == "of");
        if of {
            next += 1;
        }
        if after_number || (lang == Lang::EN && !of && ONLY_BEFORE_OF.contains(&t.key.as_str())) {
            i += 1;
            continue;
        }
        // A scale word after it: "tens of thousands", "сотни тысяч",
        // "چند میلیون".
        let scale = tokens
            .get(next)
            .filter(|n| adjacent(text, &tokens[next - 1], n))
            .and_then(|n| scale_of(&n.key, true, false))
            .filter(|&s| s >= 3);
        match scale {
            Some(s) => {
                out.push((power + s, &text[t.start..tokens[next].end]));
                i = next + 1;
            }
            None => {
                if power > 0 {
                    out.push((power, &text[t.start..t.end]));
                }
                i += 1;
            }
        }
    }
    out
}

/// An error when a round quantity of the source is said fewer times in the
/// target, and the target says one of its own instead (one the source does
/// not say, or says less often): "hundreds" → "тысячи". A target that
/// leaves one out ("hundreds of protesters" → "протестующие") is not
/// judged here.
pub(super) fn changed_round_quantity(
    source: &str,
    target: &str,
    source_lang: Lang,
    target_lang: Lang,
) -> Option<Finding> {
    let said = round_quantities(source, source_lang);
    if said.is_empty() {
        return None;
    }
    let given = round_quantities(target, target_lang);
    let count = |list: &[(i32, &str)], power: i32| list.iter().filter(|(p, _)| *p == power).count();
    let (power, words) = *said
        .iter()
        .find(|(p, _)| count(&said, *p) > count(&given, *p))?;
    let (other, other_words) = *given
        .iter()
        .find(|(p, _)| count(&given, *p) > count(&said, *p))?;
    Some(Finding::error(
        CheckKind::Numbers,
        format!(
            "the source says \"{words}\" ({}) and the target \"{other_words}\" ({})",
            magnitude(power),
            magnitude(other)
        ),
    ))
}

/// A power of ten in words: 2 → "hundreds", 4 → "tens of thousands".
fn magnitude(power: i32) -> String {
    let unit = match power {
        p if p >= 9 => ("billions", p - 9),
        p if p >= 6 => ("millions", p - 6),
        p if p >= 3 => ("thousands", p - 3),
        p => ("", p),
    };
    match unit {
        ("", 1) => "tens".to_string(),
        ("", 2) => "hundreds".to_string(),
        (u, 0) => u.to_string(),
        (u, 1) => format!("tens of {u}"),
        (u, 2) => format!("hundreds of {u}"),
        _ => format!("10^{power}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::entries;

    fn powers(text: &str, lang: Lang) -> Vec<i32> {
        round_quantities(text, lang).iter().map(|r| r.0).collect()
    }

    #[test]
    fn round_quantities_are_read_with_their_scale() {
        assert_eq!(powers("Hundreds of people came.", Lang::EN), [2]);
        assert_eq!(powers("Tens of thousands marched.", Lang::EN), [4]);
        assert_eq!(powers("hundreds of millions of dollars", Lang::EN), [8]);
        assert_eq!(powers("several thousand troops", Lang::EN), [3]);
        assert_eq!(
            powers("The scores were close; tens fell.", Lang::EN),
            [0; 0]
        );
        assert_eq!(powers("Сотни тысяч человек вышли.", Lang::RU), [5]);
        assert_eq!(powers("несколько тысяч солдат", Lang::RU), [3]);
        assert_eq!(powers("десятки погибших", Lang::RU), [1]);
        assert_eq!(powers("3 тысячи и две сотни", Lang::RU), [0; 0]);
        assert_eq!(powers("ده‌ها نفر و صدها هزار نفر", Lang::FA), [1, 5]);
        assert_eq!(powers("ده ها نفر، دهها نفر", Lang::FA), [1, 1]);
        assert_eq!(powers("چند میلیون دلار و میلیون‌ها نفر", Lang::FA), [6, 6]);
    }

    #[test]
    fn a_changed_round_quantity_is_an_error() {
        let check = |s, t, l| changed_round_quantity(s, t, Lang::EN, l).is_some();
        assert!(check("Hundreds were hurt.", "Тысячи пострадали.", Lang::RU));
        assert!(check(
            "Hundreds were hurt.",
            "هزاران نفر زخمی شدند.",
            Lang::FA
        ));
        assert!(check(
            "Tens of thousands marched.",
            "Тысячи вышли.",
            Lang::RU
        ));
        assert!(!check("Hundreds were hurt.", "Сотни пострадали.", Lang::RU));
        assert!(!check("Dozens were hurt.", "ده‌ها نفر زخمی شدند.", Lang::FA));
        // Said twice, once changed; said twice, once left out.
        assert!(check(
            "Hundreds fled and hundreds stayed.",
            "Сотни бежали, десятки тысяч остались.",
            Lang::RU
        ));
        assert!(!check(
            "Hundreds of protesters came and thousands watched.",
            "Пришли протестующие, тысячи смотрели.",
            Lang::RU
        ));
        // Said another way, or with a number: not judged.
        assert!(!check(
            "Hundreds were hurt.",
            "Многие пострадали.",
            Lang::RU
        ));
        assert!(!check(
            "Hundreds were hurt.",
            "Пострадали 300 человек.",
            Lang::RU
        ));
        // "3 тысячи" is the source's 3,000, not a round quantity.
        assert!(!check(
            "Hundreds were hurt and 3,000 fled.",
            "Сотни пострадали, 3 тысячи бежали.",
            Lang::RU
        ));
    }

    #[test]
    fn the_lists_are_sorted_by_power_and_unique() {
        for lang in [Lang::EN, Lang::RU, Lang::FA] {
            let text = builtin(lang, "round_quantities.txt");
            assert!(!text.is_empty(), "{lang:?}");
            let lines: Vec<&str> = entries(text).collect();
            let power = |l: &&str| l.split_whitespace().next().unwrap().parse::<i32>().unwrap();
            assert!(
                lines.windows(2).all(|w| power(&w[0]) < power(&w[1])),
                "{lang:?}"
            );
            let mut forms: Vec<&str> = lines
                .iter()
                .flat_map(|l| l.split_whitespace().skip(1))
                .collect();
            let n = forms.len();
            forms.sort_unstable();
            forms.dedup();
            assert_eq!(forms.len(), n, "{lang:?}: a form twice");
            for f in forms {
                let key = crate::tokenize::normalize_key(f.trim_end_matches('*'), lang);
                assert_eq!(key, f.trim_end_matches('*'), "{lang:?}: {f} is not a key");
            }
        }
    }
}
