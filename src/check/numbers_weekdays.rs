//! Weekdays, judged by the `numbers` check: a day the source names ("on
//! Monday") must be the day of the translation ("в понедельник", "روز
//! دوشنبه"), as a month must be its month.

use std::sync::OnceLock;

use super::super::number_words::{
    DATE_LINKS, NumberWords, beside_a_number, parse_words, timing_words,
};
use super::super::{CheckKind, Finding};
use crate::lang::Lang;
use crate::tokenize::tokenize;

/// The weekday list of `lang`, `weekday_names.txt` (1 Monday … 7 Sunday).
fn weekday_list(lang: Lang) -> Option<&'static NumberWords> {
    static LISTS: OnceLock<Vec<(Lang, NumberWords)>> = OnceLock::new();
    LISTS
        .get_or_init(|| {
            [Lang::EN, Lang::RU, Lang::FA]
                .into_iter()
                .map(|l| {
                    let text = crate::resources::builtin(l, "weekday_names.txt");
                    (l, parse_words(text))
                })
                .collect()
        })
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, w)| w)
}

/// Persian number words that make a two-word day of `شنبه` ("سه شنبه").
const PERSIAN_DAY_NUMBERS: &[(&str, u32)] =
    &[("دو", 1), ("سه", 2), ("پنج", 4), ("چهار", 3), ("یک", 7)];

/// Words before `جمعه` that make it the Friday prayer, not a day ("نماز
/// جمعه", "امام جمعه").
const PERSIAN_PRAYER_WORDS: &[&str] = &["امام", "خطبه", "خطبههای", "خطیب", "نماز"];

/// Russian prepositions that make a form of "среда" the day: (preposition,
/// form) — "в среду", "до среды", "к среде", "по средам"; "в среде" is "in
/// the environment".
const RUSSIAN_WEDNESDAY: &[(&str, &str)] = &[
    ("в", "среду"),
    ("во", "среду"),
    ("до", "среды"),
    ("к", "среде"),
    ("на", "среду"),
    ("после", "среды"),
    ("по", "средам"),
    ("с", "среды"),
    ("со", "среды"),
];

/// Words after an English day name that make it a time ("Monday night").
const ENGLISH_DAY_PARTS: &[&str] = &["afternoon", "evening", "morning", "night"];

/// The weekdays `text` names, each with its word, in order. English names
/// count only capitalized. With `as_day`, only words that surely name the
/// day of the story: in English after a word that times it ("on Monday",
/// "since Friday", "last Sunday"), before a part of the day ("Monday
/// night") or beside a date ("Monday, Dec. 5"), not in a name ("The Sunday
/// Times", "Black Friday") nor a possessive ("in Sunday's Des Moines
/// Register", which a translator may give as "в воскресном журнале" or
/// leave out); "среда" after a preposition that times it;
/// `جمعه` not of the Friday prayer.
pub(super) fn weekdays_named(text: &str, lang: Lang, as_day: bool) -> Vec<(u32, &str)> {
    let Some(days) = weekday_list(lang) else {
        return Vec::new();
    };
    let tokens = tokenize(text, lang);
    let mut out = Vec::new();
    // The index of the last day read, for "Monday to Friday".
    let mut last_day: Option<usize> = None;
    for (i, tok) in tokens.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| tokens[j].key.as_str());
        let word = &text[tok.start..tok.end];
        let Some(day) = days.listed_value(&tok.key).map(|v| v as u32) else {
            continue;
        };
        let day = match (lang, day, before) {
            (Lang::EN, _, _) if !word.starts_with(char::is_uppercase) => continue,
            (Lang::EN, _, _)
                if as_day
                    && (text[tok.end..].starts_with("'s")
                        || text[tok.end..].starts_with("\u{2019}s")
                        || !(before.is_some_and(|b| b == "on" || timing_words().contains(b))
                            || (before.is_some_and(|b| DATE_LINKS.contains(&b))
                                && last_day.is_some_and(|d| d + 2 == i))
                            || tokens
                                .get(i + 1)
                                .is_some_and(|t| ENGLISH_DAY_PARTS.contains(&t.key.as_str()))
                            || beside_a_number(text, tok.start, tok.end))) =>
            {
                continue;
            }
            (Lang::FA, 6, Some(b)) => PERSIAN_DAY_NUMBERS
                .iter()
                .find(|(w, _)| *w == b)
                .map_or(6, |&(_, d)| d),
            (Lang::FA, 5, Some(b)) if as_day && PERSIAN_PRAYER_WORDS.contains(&b) => continue,
            (Lang::RU, 3, _)
                if as_day
                    && !RUSSIAN_WEDNESDAY
                        .iter()
                        .any(|&(p, f)| before == Some(p) && tok.key == f) =>
            {
                continue;
            }
            _ => day,
        };
        last_day = Some(i);
        out.push((day, word));
    }
    out
}

/// Day names for the message.
const ENGLISH_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A weekday of the source the target gives as another day: an error when
/// the target names a day the source names nowhere ("во вторник" for "on
/// Monday"), or names days and not one the source names ("с понедельника
/// до понедельника" for "from Monday to Friday"). A target that names no
/// day (a date instead, "5 декабря") is judged by its numbers alone.
pub(super) fn changed_weekday(
    source: &str,
    target: &str,
    source_lang: Lang,
    target_lang: Lang,
) -> Option<Finding> {
    let in_target = weekdays_named(target, target_lang, true);
    if in_target.is_empty() {
        return None;
    }
    let in_source = weekdays_named(source, source_lang, false);
    let named = weekdays_named(target, target_lang, false);
    let foreign = in_target
        .iter()
        .find(|(d, _)| !in_source.iter().any(|(s, _)| s == d));
    let missing = weekdays_named(source, source_lang, true)
        .into_iter()
        .find(|(d, _)| !named.iter().any(|(t, _)| t == d));
    let (day, word) = match (missing, foreign) {
        (Some(m), _) => m,
        (None, Some(&(d, _))) => in_source
            .first()
            .copied()
            .unwrap_or((d, ENGLISH_DAYS[d as usize - 1])),
        (None, None) => return None,
    };
    let shown: Vec<&str> = match foreign {
        Some(&(_, w)) => vec![w],
        None => in_target.iter().map(|(_, w)| *w).take(3).collect(),
    };
    let message = if in_source.is_empty() {
        format!(
            "the target names the day {}, which the source does not name",
            shown.join(", ")
        )
    } else {
        format!(
            "the day {word} ({}) of the source is not the day of the target, which names {}",
            ENGLISH_DAYS[day as usize - 1],
            shown.join(", ")
        )
    };
    Some(Finding::error(CheckKind::Numbers, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str, lang: Lang, as_day: bool) -> Vec<u32> {
        weekdays_named(text, lang, as_day)
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    }

    #[test]
    fn weekday_lists_are_matching_keys_of_seven_days() {
        for lang in [Lang::EN, Lang::RU, Lang::FA] {
            let text = crate::resources::builtin(lang, "weekday_names.txt");
            let mut values = Vec::new();
            for line in crate::resources::entries(text) {
                let mut cols = line.split_whitespace();
                values.push(cols.next().unwrap().parse::<u32>().unwrap());
                for form in cols {
                    let form = form.trim_end_matches('*');
                    assert_eq!(
                        crate::tokenize::normalize_key(form, lang),
                        form,
                        "{lang:?}: {form}"
                    );
                }
            }
            assert_eq!(values, (1..=7).collect::<Vec<u32>>(), "{lang:?}");
        }
        for list in [
            ENGLISH_DAY_PARTS.to_vec(),
            PERSIAN_DAY_NUMBERS
                .iter()
                .map(|(w, _)| *w)
                .collect::<Vec<_>>(),
            PERSIAN_PRAYER_WORDS.to_vec(),
        ] {
            let mut sorted = list.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(list, sorted);
        }
    }

    #[test]
    fn days_are_read_in_every_language() {
        assert_eq!(
            days("Talks resume on Monday, not on Sunday.", Lang::EN, true),
            [1, 7]
        );
        assert_eq!(
            days("a monday-morning feeling", Lang::EN, false),
            [] as [u32; 0]
        );
        assert_eq!(
            days("во вторник, в среду и до пятницы", Lang::RU, true),
            [2, 3, 5]
        );
        // "Среда" is the environment unless a preposition times it.
        assert_eq!(
            days("охрана окружающей среды в среде", Lang::RU, true),
            [] as [u32; 0]
        );
        assert_eq!(days("охрана окружающей среды", Lang::RU, false), [3]);
        assert_eq!(days("в воскресном выпуске", Lang::RU, true), [7]);
        assert_eq!(days("он воскреснет", Lang::RU, false), [] as [u32; 0]);
        assert_eq!(days("in Sunday's paper", Lang::EN, true), [] as [u32; 0]);
        assert_eq!(days("in Sunday's paper", Lang::EN, false), [7]);
        for (text, want) in [
            ("روز سه‌شنبه", 2),
            ("روز سه شنبه", 2),
            ("روز پنجشنبه", 4),
            ("روز پنج شنبه", 4),
            ("روز یک شنبه", 7),
            ("روز شنبه", 6),
            ("روز جمعه", 5),
        ] {
            assert_eq!(days(text, Lang::FA, true), [want], "{text}");
        }
        assert_eq!(days("امام جمعه تهران", Lang::FA, true), [] as [u32; 0]);
    }

    #[test]
    fn a_changed_day_is_an_error_and_a_kept_one_is_not() {
        let check = |s: &str, t: &str, lang: Lang| changed_weekday(s, t, Lang::EN, lang);
        for (s, t, lang) in [
            (
                "Talks resumed on Monday.",
                "Переговоры возобновились во вторник.",
                Lang::RU,
            ),
            (
                "Talks resumed on Wednesday.",
                "Переговоры возобновились в пятницу.",
                Lang::RU,
            ),
            (
                "From Monday to Friday.",
                "С понедельника до понедельника.",
                Lang::RU,
            ),
            (
                "Talks resumed on Tuesday.",
                "مذاکرات روز چهارشنبه از سر گرفته شد.",
                Lang::FA,
            ),
            (
                "Talks resumed on Thursday.",
                "مذاکرات روز سه شنبه از سر گرفته شد.",
                Lang::FA,
            ),
            (
                "Talks resumed this week.",
                "Переговоры возобновились в четверг.",
                Lang::RU,
            ),
        ] {
            assert!(check(s, t, lang).is_some(), "{s} -> {t}");
        }
        for (s, t, lang) in [
            (
                "Talks resumed on Monday.",
                "Переговоры возобновились в понедельник.",
                Lang::RU,
            ),
            (
                "Talks resumed on Wednesday.",
                "Переговоры возобновились в среду.",
                Lang::RU,
            ),
            (
                "Talks resumed on Thursday.",
                "مذاکرات روز پنج‌شنبه از سر گرفته شد.",
                Lang::FA,
            ),
            (
                "Talks resumed on Thursday.",
                "مذاکرات روز پنج شنبه از سر گرفته شد.",
                Lang::FA,
            ),
            // A day given as its date, or left out: judged by numbers alone.
            (
                "Talks resumed on Monday.",
                "Переговоры возобновились 5 декабря.",
                Lang::RU,
            ),
            // "Environment" and the Friday prayer are no days.
            (
                "The environment ministry met on Monday.",
                "Министерство окружающей среды собралось в понедельник.",
                Lang::RU,
            ),
            (
                "The prayer leader spoke on Monday.",
                "امام جمعه روز دوشنبه سخنرانی کرد.",
                Lang::FA,
            ),
            // A name with a day in it, the day of the story kept.
            (
                "The Sunday Times reported on Monday.",
                "Газета Sunday Times сообщила в понедельник.",
                Lang::RU,
            ),
        ] {
            assert_eq!(check(s, t, lang), None, "{s} -> {t}");
        }
    }
}
