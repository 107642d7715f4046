//! Kinds of the mutation battery (`mutation.rs`) for months and days of
//! the week the source names without a number ("in March", "on Monday"):
//! given as another month or day (damaged), as themselves in the ways
//! translators write them, and beside words that only look like them
//! (`Theresa May`, `The Sunday Times`, `окружающей среды`, `امام جمعه`).

use super::*;

/// Russian month names after `в` (prepositional).
const RU_MONTHS_IN: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];

/// English days, Monday first.
const EN_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Russian days after `в`/`во` (accusative).
const RU_DAYS_ON: [&str; 7] = [
    "понедельник",
    "вторник",
    "среду",
    "четверг",
    "пятницу",
    "субботу",
    "воскресенье",
];

/// Persian days, each in the spellings translators use (ZWNJ, a space,
/// joined).
const FA_DAYS: [&[&str]; 7] = [
    &["دوشنبه", "دو شنبه"],
    &["سه‌شنبه", "سه شنبه", "سهشنبه"],
    &["چهارشنبه", "چهار شنبه", "چهار‌شنبه"],
    &["پنجشنبه", "پنج‌شنبه", "پنج شنبه"],
    &["جمعه"],
    &["شنبه"],
    &["یکشنبه", "یک‌شنبه", "یک شنبه"],
];

/// Another index of `n` items than `i`.
fn other(rng: &mut Rng, i: usize, n: usize) -> usize {
    (i + 1 + rng.range(0, n as u64 - 2) as usize) % n
}

/// A month the source names without a number ("in March", "since May",
/// "mid-March", "from March to May"); the target names it, or another
/// month when `damaged`.
fn month_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    let m = rng.range(0, 11) as usize;
    let shown = if damaged { other(rng, m, 12) } else { m };
    let en_m = EN_MONTHS[m];
    let (en, ru, fa) = match rng.range(0, 4) {
        0 => (
            format!("The plan was announced in {en_m}."),
            format!("План был объявлен в {}.", RU_MONTHS_IN[shown]),
            format!("این طرح در ماه {} اعلام شد.", FA_MONTHS[shown]),
        ),
        1 => (
            format!("Prices have risen since {en_m}."),
            format!("Цены растут с {}.", RU_MONTHS[shown]),
            format!("قیمت‌ها از {} افزایش یافته است.", FA_MONTHS[shown]),
        ),
        2 => (
            format!("The rally in mid-{en_m} drew large crowds."),
            format!("Митинг в середине {} собрал много людей.", RU_MONTHS[shown]),
            format!("تجمع اواسط {} جمعیت زیادی را جذب کرد.", FA_MONTHS[shown]),
        ),
        3 => (
            format!("The talks went on until late {en_m}."),
            format!("Переговоры продолжались до конца {}.", RU_MONTHS[shown]),
            format!("مذاکرات تا اواخر {} ادامه یافت.", FA_MONTHS[shown]),
        ),
        _ => {
            // A span: the second month changed.
            let to = (m + 2) % 12;
            let shown_to = if damaged { other(rng, to, 12) } else { to };
            let shown_to = if shown_to == m {
                (to + 1) % 12
            } else {
                shown_to
            };
            (
                format!("Schools stay shut from {en_m} to {}.", EN_MONTHS[to]),
                format!(
                    "Школы закрыты с {} по {}.",
                    RU_MONTHS[m], RU_MONTHS_IN[shown_to]
                ),
                format!(
                    "مدارس از {} تا {} تعطیل است.",
                    FA_MONTHS[m], FA_MONTHS[shown_to]
                ),
            )
        }
    };
    let t = if lang == Lang::RU { ru } else { fa };
    appended(line, lang, en, t)
}

/// A day the source names ("on Monday", "late on Friday", "Sunday
/// night"); the target names it, or another day when `damaged`.
fn day_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    let day = rng.range(0, 6) as usize;
    let shown = if damaged { other(rng, day, 7) } else { day };
    let spellings = FA_DAYS[shown];
    let fa_day = spellings[rng.range(0, spellings.len() as u64 - 1) as usize];
    let ru_on = |d: usize| {
        let pre = if d == 1 { "во" } else { "в" };
        format!("{pre} {}", RU_DAYS_ON[d])
    };
    let en_day = EN_DAYS[day];
    let (en, ru, fa) = match rng.range(0, 2) {
        0 => (
            format!("The talks resumed on {en_day}."),
            format!("Переговоры возобновились {}.", ru_on(shown)),
            format!("مذاکرات روز {fa_day} از سر گرفته شد."),
        ),
        1 => (
            format!("The minister spoke late on {en_day}."),
            format!("Министр выступил поздно {}.", ru_on(shown)),
            format!("وزیر {fa_day} شب سخنرانی کرد."),
        ),
        _ => (
            format!("Protesters gathered again on {en_day} night."),
            format!("Протестующие снова собрались {} вечером.", ru_on(shown)),
            format!("معترضان شب {fa_day} دوباره تجمع کردند."),
        ),
    };
    let t = if lang == Lang::RU { ru } else { fa };
    appended(line, lang, en, t)
}

/// The damaged kinds of this file.
pub(super) fn date_damaged_kinds() -> Vec<(&'static str, Make)> {
    vec![
        ("numbers:month_changed_no_day", |line, lang, rng| {
            month_clause(line, lang, rng, true)
        }),
        ("numbers:weekday_changed", |line, lang, rng| {
            day_clause(line, lang, rng, true)
        }),
    ]
}

/// The clean kinds of this file.
pub(super) fn date_clean_kinds() -> Vec<(&'static str, Make)> {
    vec![
        ("clean:month_no_day", |line, lang, rng| {
            month_clause(line, lang, rng, false)
        }),
        ("clean:weekday_kept", |line, lang, rng| {
            day_clause(line, lang, rng, false)
        }),
        ("clean:names_like_dates", |line, lang, rng| {
            // A name or a word that looks like a month or a day, beside the
            // day or month of the story, which the target keeps.
            let day = rng.range(0, 6) as usize;
            let m = rng.range(0, 11) as usize;
            let fa_day = FA_DAYS[day][0];
            let (en, ru, fa) = match rng.range(0, 3) {
                0 => (
                    format!("The Sunday Times reported the talks on {}.", EN_DAYS[day]),
                    format!(
                        "Газета Sunday Times сообщила о переговорах в {}.",
                        RU_DAYS_ON[day]
                    ),
                    format!("روزنامه ساندی تایمز روز {fa_day} از مذاکرات خبر داد."),
                ),
                1 => (
                    format!("Theresa May visited Berlin in {}.", EN_MONTHS[m]),
                    format!("Тереза Мэй посетила Берлин в {}.", RU_MONTHS_IN[m]),
                    format!("ترزا می در ماه {} از برلین دیدار کرد.", FA_MONTHS[m]),
                ),
                2 => (
                    format!("The environment minister resigned on {}.", EN_DAYS[day]),
                    format!(
                        "Министр окружающей среды подал в отставку в {}.",
                        RU_DAYS_ON[day]
                    ),
                    format!("وزیر محیط زیست روز {fa_day} استعفا داد."),
                ),
                _ => (
                    format!("Tehran's prayer leader spoke on {}.", EN_DAYS[day]),
                    format!("Имам Тегерана выступил в {}.", RU_DAYS_ON[day]),
                    format!("امام جمعه تهران روز {fa_day} سخنرانی کرد."),
                ),
            };
            let t = if lang == Lang::RU { ru } else { fa };
            appended(line, lang, en, t)
        }),
    ]
}
