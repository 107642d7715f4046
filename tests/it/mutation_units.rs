//! Kinds of the mutation battery (`mutation.rs`) for quantities in
//! imperial or Fahrenheit units: given in a metric unit with the value
//! unchanged (damaged: "385 miles" as "385 км"), converted, or kept in
//! their unit (clean); and for amounts of money given in another currency
//! ("$5 million" as "5 миллионов евро") or in their own.

use super::*;

/// One unit: the English clause with `{}` for the number, the factor to
/// the metric unit (Fahrenheit: converted apart), and the clause in the
/// metric unit and in the unit kept, in Russian and Persian.
struct UnitCase {
    en: &'static str,
    factor: f64,
    ru_metric: &'static str,
    fa_metric: &'static str,
    ru_kept: &'static str,
    fa_kept: &'static str,
}

const UNITS: &[UnitCase] = &[
    UnitCase {
        en: "The storm was {} miles from the coast.",
        factor: 1.609_344,
        ru_metric: "Шторм находился в {} км от побережья.",
        fa_metric: "طوفان در {} کیلومتری ساحل بود.",
        ru_kept: "Шторм находился в {} милях от побережья.",
        fa_kept: "طوفان در {} مایلی ساحل بود.",
    },
    UnitCase {
        en: "The wave was {} feet high.",
        factor: 0.3048,
        ru_metric: "Высота волны составила {} метров.",
        fa_metric: "ارتفاع موج {} متر بود.",
        ru_kept: "Высота волны составила {} футов.",
        fa_kept: "ارتفاع موج {} فوت بود.",
    },
    UnitCase {
        en: "Up to {} inches of rain fell.",
        factor: 2.54,
        ru_metric: "Выпало до {} сантиметров осадков.",
        fa_metric: "تا {} سانتی‌متر باران بارید.",
        ru_kept: "Выпало до {} дюймов осадков.",
        fa_kept: "تا {} اینچ باران بارید.",
    },
    UnitCase {
        en: "The catfish weighed {} pounds.",
        factor: 0.453_592,
        ru_metric: "Сом весил {} килограммов.",
        fa_metric: "وزن گربه‌ماهی {} کیلوگرم بود.",
        ru_kept: "Сом весил {} фунтов.",
        fa_kept: "وزن گربه‌ماهی {} پوند بود.",
    },
    UnitCase {
        en: "The tank holds {} gallons.",
        factor: 3.785_41,
        ru_metric: "В бак помещается {} литров.",
        fa_metric: "گنجایش مخزن {} لیتر است.",
        ru_kept: "В бак помещается {} галлонов.",
        fa_kept: "گنجایش مخزن {} گالن است.",
    },
    UnitCase {
        en: "The fire burned {} acres.",
        factor: 0.404_686,
        ru_metric: "Огонь уничтожил {} гектаров.",
        fa_metric: "آتش {} هکتار را سوزاند.",
        ru_kept: "Огонь уничтожил {} акров.",
        fa_kept: "آتش {} جریب را سوزاند.",
    },
    UnitCase {
        en: "Winds reached {} mph.",
        factor: 1.609_344,
        ru_metric: "Скорость ветра достигала {} км/ч.",
        fa_metric: "سرعت باد به {} کیلومتر بر ساعت رسید.",
        ru_kept: "Скорость ветра достигала {} миль в час.",
        fa_kept: "سرعت باد به {} مایل در ساعت رسید.",
    },
    UnitCase {
        en: "It was {} degrees Fahrenheit in Phoenix.",
        factor: 0.0,
        ru_metric: "В Финиксе было {} градусов по Цельсию.",
        fa_metric: "دمای هوا در فینیکس {} درجه سانتیگراد بود.",
        ru_kept: "В Финиксе было {} градусов по Фаренгейту.",
        fa_kept: "دمای هوا در فینیکس {} درجه فارنهایت بود.",
    },
];

/// How the target gives the quantity.
#[derive(Clone, Copy, PartialEq)]
enum Given {
    /// In the metric unit, the value unchanged (wrong).
    Unconverted,
    /// In the metric unit, converted and rounded.
    Converted,
    /// In the source's unit.
    Kept,
}

fn unit_clause(line: &Line, lang: Lang, rng: &mut Rng, given: Given) -> Option<Clause> {
    let case = &UNITS[rng.range(0, UNITS.len() as u64 - 1) as usize];
    let fahrenheit = case.factor == 0.0;
    let n = if fahrenheit {
        rng.range(70, 115)
    } else {
        rng.range(5, 400)
    };
    let shown = match given {
        Given::Converted if fahrenheit => ((n as f64 - 32.0) * 5.0 / 9.0).round() as u64,
        Given::Converted => (n as f64 * case.factor).round() as u64,
        _ => n,
    };
    let template = match (lang, given) {
        (Lang::RU, Given::Kept) => case.ru_kept,
        (Lang::RU, _) => case.ru_metric,
        (_, Given::Kept) => case.fa_kept,
        _ => case.fa_metric,
    };
    let en = case.en.replace("{}", &n.to_string());
    appended(line, lang, en, template.replace("{}", &d(lang, shown)))
}

/// Amounts: the English clause with `{}` for the number, and the Russian
/// and Persian clauses in the same currency, then in another.
const AMOUNTS: &[(&str, [&str; 2], [&str; 2])] = &[
    (
        "The deal is worth ${} million.",
        [
            "Сделка оценивается в {} млн долларов.",
            "ارزش این قرارداد {} میلیون دلار است.",
        ],
        [
            "Сделка оценивается в {} млн евро.",
            "ارزش این قرارداد {} میلیون یورو است.",
        ],
    ),
    (
        "The fine was {} euros.",
        ["Штраф составил {} евро.", "جریمه {} یورو بود."],
        ["Штраф составил {} долларов.", "جریمه {} دلار بود."],
    ),
    (
        "A ticket costs {} rubles.",
        ["Билет стоит {} рублей.", "قیمت بلیت {} روبل است."],
        ["Билет стоит {} долларов.", "قیمت بلیت {} یورو است."],
    ),
    (
        "The budget is {} billion rials.",
        [
            "Бюджет составляет {} миллиардов риалов.",
            "بودجه {} میلیارد ریال است.",
        ],
        [
            "Бюджет составляет {} миллиардов туманов.",
            "بودجه {} میلیارد تومان است.",
        ],
    ),
    (
        "Exports reached {} billion yuan.",
        [
            "Экспорт достиг {} млрд юаней.",
            "صادرات به {} میلیارد یوان رسید.",
        ],
        [
            "Экспорт достиг {} млрд долларов.",
            "صادرات به {} میلیارد دلار رسید.",
        ],
    ),
];

fn amount_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    let (en, same, other) = &AMOUNTS[rng.range(0, AMOUNTS.len() as u64 - 1) as usize];
    let n = rng.range(2, 900);
    let k = usize::from(lang != Lang::RU);
    let template = if damaged { other[k] } else { same[k] };
    let en = en.replace("{}", &n.to_string());
    appended(line, lang, en, template.replace("{}", &d(lang, n)))
}

/// A change of a rate in percentage points; the target gives points
/// ("процентного пункта", "п.п.", "واحد درصد") or, when `damaged`, a
/// percentage ("%", "процента", "درصد").
fn points_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    let (a, b) = (rng.range(0, 9), rng.range(1, 9));
    let en = format!("The central bank raised its key rate by {a}.{b} percentage points.");
    let value = format!("{}{}{}", d(lang, a), decimal_sep(lang), d(lang, b));
    let t = match (lang, damaged, rng.range(0, 1)) {
        (Lang::RU, false, 0) => {
            format!("Центробанк повысил ключевую ставку на {value} процентного пункта.")
        }
        (Lang::RU, false, _) => format!("Центробанк повысил ключевую ставку на {value} п.п."),
        (Lang::RU, true, 0) => format!("Центробанк повысил ключевую ставку на {value}%."),
        (Lang::RU, true, _) => format!("Центробанк повысил ключевую ставку на {value} процента."),
        (_, false, _) => format!("بانک مرکزی نرخ بهره را {value} واحد درصد افزایش داد."),
        (_, true, 0) => format!("بانک مرکزی نرخ بهره را {value} درصد افزایش داد."),
        (_, true, _) => format!("بانک مرکزی نرخ بهره را {value}٪ افزایش داد."),
    };
    appended(line, lang, en, t)
}

/// The damaged kinds of this file.
pub(super) fn unit_damaged_kinds() -> Vec<(&'static str, Make)> {
    vec![
        ("numbers:unit_changed_not_converted", |line, lang, rng| {
            unit_clause(line, lang, rng, Given::Unconverted)
        }),
        ("numbers:currency_changed", |line, lang, rng| {
            amount_clause(line, lang, rng, true)
        }),
        ("numbers:points_as_percent", |line, lang, rng| {
            points_clause(line, lang, rng, true)
        }),
    ]
}

/// The clean kinds of this file.
pub(super) fn unit_clean_kinds() -> Vec<(&'static str, Make)> {
    vec![
        ("clean:unit_converted", |line, lang, rng| {
            unit_clause(line, lang, rng, Given::Converted)
        }),
        ("clean:unit_kept", |line, lang, rng| {
            unit_clause(line, lang, rng, Given::Kept)
        }),
        ("clean:currency_kept", |line, lang, rng| {
            amount_clause(line, lang, rng, false)
        }),
        ("clean:points_kept", |line, lang, rng| {
            points_clause(line, lang, rng, false)
        }),
    ]
}
