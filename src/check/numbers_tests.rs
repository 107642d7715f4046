//! Tests of the numbers check (beside `numbers.rs`).

use super::*;

fn missing(source: &str, target: &str, lang: Lang) -> usize {
    check(source, target, Lang::EN, lang).len()
}

fn errors(source: &str, target: &str, lang: Lang) -> usize {
    check(source, target, Lang::EN, lang)
        .iter()
        .filter(|f| f.severity == super::super::Severity::Error)
        .count()
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
fn extraction_keeps_years_apart_from_counts() {
    let n = extract("in 2019 500 people, 1 234 567 and ۱۲٬۳۴۵٫۶");
    let values: Vec<Vec<f64>> = n.iter().map(Number::magnitudes).collect();
    assert_eq!(
        values,
        [vec![2019.0], vec![500.0], vec![1234567.0], vec![12345.6]]
    );
}

#[test]
fn values_differ_when_the_point_scale_or_sign_differs() {
    for (source, target, lang) in [
        ("Turnout was 7.5%.", "Явка составила 75%.", Lang::RU),
        (
            "It is worth $1.5 billion.",
            "Она стоит 15 млрд долларов.",
            Lang::RU,
        ),
        (
            "About 3 million voted.",
            "Проголосовали около 3 тысяч.",
            Lang::RU,
        ),
        (
            "It fell to -5 degrees.",
            "Температура упала до 5 градусов.",
            Lang::RU,
        ),
        (
            "3 on Monday and 3 on Tuesday.",
            "3 в понедельник и 5 во вторник.",
            Lang::RU,
        ),
        ("Turnout was 7.5%.", "مشارکت ۷۵ درصد بود.", Lang::FA),
        (
            "About 3 million voted.",
            "حدود ۳ هزار نفر رای دادند.",
            Lang::FA,
        ),
    ] {
        assert_eq!(errors(source, target, lang), 1, "{source} → {target}");
    }
}

#[test]
fn values_written_out_or_with_month_names_are_the_same() {
    for (source, target, lang) in [
        (
            "It has 1.2 million people.",
            "این شهر یک میلیون و دویست هزار نفر جمعیت دارد.",
            Lang::FA,
        ),
        (
            "Some 1,500 troops.",
            "Около полторы тысячи военных.",
            Lang::RU,
        ),
        (
            "Some 2,200,000 people.",
            "Около двух миллионов двухсот тысяч человек.",
            Lang::RU,
        ),
        ("On 2016-12-23.", "23 декабря 2016 года.", Lang::RU),
        ("On 2016-12-23.", "در ۲۳ دسامبر ۲۰۱۶.", Lang::FA),
        (
            "It fell to -5 degrees.",
            "Температура упала до минус 5 градусов.",
            Lang::RU,
        ),
        (
            "It fell to -5 degrees.",
            "Было 5 градусов мороза.",
            Lang::RU,
        ),
        (
            "It fell to −5 degrees.",
            "دما به منفی ۵ درجه رسید.",
            Lang::FA,
        ),
        ("Growth was -0.5%.", "Рост составил -0,5%.", Lang::RU),
        (
            "Exactly 12,345 ballots.",
            "Ровно 12\u{a0}345 бюллетеней.",
            Lang::RU,
        ),
        (
            "3 on Monday and 3 on Tuesday.",
            "По 3 в понедельник и во вторник.",
            Lang::RU,
        ),
        (
            "The COVID-19 crisis of 2015-16.",
            "Кризис COVID-19 2015–2016 годов.",
            Lang::RU,
        ),
    ] {
        assert_eq!(
            missing(source, target, lang),
            0,
            "{source} → {target}: {:?}",
            check(source, target, Lang::EN, lang)
        );
    }
}

#[test]
fn an_english_comma_groups_and_never_marks_decimals() {
    // Regression (ntrex_dev): "375,000" read as 375.0 let a dropped
    // "000" pass.
    assert_eq!(
        errors("He paid $375,000.", "Он заплатил 375 долларов.", Lang::RU),
        1
    );
    assert_eq!(
        errors(
            "More than 30,000 crossed.",
            "بیش از 30، نفر عبور کردند.",
            Lang::FA
        ),
        1
    );
    assert_eq!(
        errors(
            "He paid $375,000.",
            "Он заплатил 375 000 долларов.",
            Lang::RU
        ),
        0
    );
    assert_eq!(
        errors("More than 30,000 crossed.", "بیش از ۳۰٬۰۰۰ نفر.", Lang::FA),
        0
    );
    // A comma no reading groups is still a point; and a Russian
    // source may write a decimal comma.
    assert_eq!(
        errors("It rose 1,5 points.", "Он вырос на 1,5 пункта.", Lang::RU),
        0
    );
    assert_eq!(
        check(
            "Рост 2,500 пункта.",
            "Growth of 2.5 points.",
            Lang::RU,
            Lang::EN
        )
        .iter()
        .filter(|f| f.severity == super::super::Severity::Error)
        .count(),
        0
    );
}

#[test]
fn a_converted_number_is_not_the_targets_own() {
    let source = "Up to 2 to 4 inches of rain fell. The vote was held on 2024-11-11.";
    let ok = "Выпало до 5–10 см осадков. Голосование прошло 11 ноября 2024 года.";
    assert_eq!(errors(source, ok, Lang::RU), 0);
    // A repeated value replaced by a number no conversion explains.
    let bad = "Выпало до 5–10 см осадков. Голосование прошло 11 ноября 2024 года, 12.";
    assert_eq!(
        errors(source, &bad.replace("11 ноября", "12 ноября"), Lang::RU),
        1
    );
}

#[test]
fn a_grouped_number_is_one_value() {
    assert_eq!(
        errors("With 77,000 views.", "77 002 просмотров.", Lang::RU),
        1
    );
    assert_eq!(
        errors("With 77,000 views.", "77 000 просмотров.", Lang::RU),
        0
    );
}

#[test]
fn a_persian_calendar_year_or_a_lost_sign_outside_temperatures_is_a_warning() {
    let f = check("In 2019.", "در سال ۱۳۹۸.", Lang::EN, Lang::FA);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, super::super::Severity::Warning);
    let f = check(
        "Growth of -2% was recorded.",
        "Зафиксирован спад на 2%.",
        Lang::EN,
        Lang::RU,
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, super::super::Severity::Warning);
}

proptest::proptest! {
    #[test]
    fn a_number_and_its_regrouping_are_the_same_value(int in 1u64..10_000_000, frac in 1u32..100) {
        let source = format!("It cost {int}.{frac:02} dollars and {int} euros.");
        let grouped = |n: u64, sep: char| -> String {
            let s = n.to_string();
            let mut out = String::new();
            for (i, c) in s.chars().enumerate() {
                if i > 0 && (s.len() - i).is_multiple_of(3) { out.push(sep); }
                out.push(c);
            }
            out
        };
        let ru = format!("Это стоило {},{frac:02} долларов и {} евро.", grouped(int, '\u{a0}'), grouped(int, ' '));
        proptest::prop_assert_eq!(errors(&source, &ru, Lang::RU), 0, "{}", ru);
        let fa: String = format!("{}٫{frac:02} دلار و {} یورو", grouped(int, '٬'), grouped(int, '٬'))
            .chars()
            .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - 48 + 0x06F0).unwrap() } else { c })
            .collect();
        proptest::prop_assert_eq!(errors(&source, &fa, Lang::FA), 0, "{}", fa);
        // The point moved is another value.
        let moved = format!("Это стоило {int}{frac:02} долларов и {int} евро.");
        proptest::prop_assert!(errors(&source, &moved, Lang::RU) >= 1, "{}", moved);
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const FA_MONTHS: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];

/// Regression: a month the source names was never compared ("December
/// 23" → "23 ноября" passed); a numeric date for it was an error
/// ("December 23, 2016" → "23.12.2016"). Every month, every other month.
#[test]
fn a_named_month_must_stay_the_month() {
    for (m, en) in EN_MONTHS.iter().enumerate() {
        for (style, source) in [
            ("m d, y", format!("It ended on {en} 23, 2016.")),
            ("d m y", format!("It ended on 23 {en} 2016.")),
            ("abbr", format!("It ended on {}. 23.", &en[..3])),
        ] {
            let ru = |k: usize| format!("Это закончилось 23 {} 2016 года.", RU_MONTHS[k]);
            let fa = |k: usize| format!("این در ۲۳ {} ۲۰۱۶ پایان یافت.", FA_MONTHS[k]);
            assert_eq!(errors(&source, &ru(m), Lang::RU), 0, "{style}: {}", ru(m));
            assert_eq!(errors(&source, &fa(m), Lang::FA), 0, "{style}: {}", fa(m));
            let dotted = format!("Это закончилось 23.{:02}.2016.", m + 1);
            assert_eq!(errors(&source, &dotted, Lang::RU), 0, "{style}: {dotted}");
            let iso = format!("Это закончилось 2016-{:02}-23.", m + 1);
            assert_eq!(errors(&source, &iso, Lang::RU), 0, "{style}: {iso}");
            let other = (m + 1 + m % 5) % 12;
            assert_eq!(
                errors(&source, &ru(other), Lang::RU),
                1,
                "{style}: {}",
                ru(other)
            );
            assert_eq!(
                errors(&source, &fa(other), Lang::FA),
                1,
                "{style}: {}",
                fa(other)
            );
        }
    }
    // The source's month named elsewhere in the unit does not hide the
    // changed one; a month the source gives in words or digits does not
    // count as the target's own.
    let s = "October can be warm. It ended on October 26, 2029.";
    assert_eq!(
        errors(
            s,
            "В октябре тепло. Это закончилось 26 февраля 2029 года.",
            Lang::RU
        ),
        1
    );
    assert_eq!(
        errors(
            s,
            "В октябре тепло. Это закончилось 26 октября 2029 года.",
            Lang::RU
        ),
        0
    );
    let s = "In March, 40 died; the vote on 2019-11-03 followed.";
    assert_eq!(
        errors(
            s,
            "В марте погибли 40 человек; голосование 3 ноября 2019 года.",
            Lang::RU
        ),
        0
    );
    assert_eq!(
        errors(
            s,
            "В мае погибли 40 человек; голосование 3 ноября 2019 года.",
            Lang::RU
        ),
        1
    );
    // A name or word spelled like a month is no month of the target's own.
    let s = "Designer Marta Jakubowski showed it. It ended on July 2, 2018.";
    assert_eq!(
        errors(
            s,
            "Показала дизайнер Марты Якубовской. Это закончилось 02.07.2018.",
            Lang::RU
        ),
        0
    );
    let s = "Fog covered the city on December 5.";
    assert_eq!(errors(s, "مه شهر را در ۵ دسامبر پوشاند.", Lang::FA), 0);
    // Not a date: a month name away from numbers, "may" as a verb.
    assert_eq!(
        errors(
            "A March rally drew 500 people.",
            "В мае митинг собрал 500 человек.",
            Lang::RU
        ),
        0
    );
    assert_eq!(
        errors(
            "They may meet 5 times.",
            "Они встретятся 5 раз в мае.",
            Lang::RU
        ),
        0
    );
}

/// Regression: correct work written with an en dash as the minus
/// (`–5 °C`), the Swiss apostrophe for thousands (`1'000`), or a clock
/// time with minutes (`5:30 p.m.` → `17:30`) was an error; vulgar
/// fractions were not numbers (`½` → `¼` passed).
#[test]
fn typographic_variants_are_values() {
    for n in [2, 5, 17, 39] {
        let s = format!("It fell to -{n} degrees.");
        assert_eq!(errors(&s, &format!("Упало до –{n} градусов."), Lang::RU), 0);
        assert_eq!(errors(&s, &format!("Упало до {n} градусов."), Lang::RU), 1);
    }
    assert_eq!(
        errors("From 3 to 5 people.", "От 3 –5 человек.", Lang::RU),
        1
    );
    assert_eq!(errors("In 2015-16.", "В 2015–2016 годах.", Lang::RU), 0);
    for (a, b) in [(1, 0), (12, 500), (250, 30)] {
        let s = format!("Some {a},{b:03} people came.");
        assert_eq!(
            errors(&s, &format!("Пришли {a}'{b:03} человек."), Lang::RU),
            0
        );
        assert_eq!(
            errors(&s, &format!("Пришли {a}’{b:03} человек."), Lang::RU),
            0
        );
        let swiss = format!("Some {a}'{b:03} people came.");
        assert_eq!(
            errors(&swiss, &format!("Пришли {a} {b:03} человек."), Lang::RU),
            0
        );
        assert_eq!(
            errors(&swiss, &format!("Пришли {a}{b:03}0 человек."), Lang::RU),
            1
        );
    }
    for h in 1..12 {
        // Minutes that are no hour's value (the hour 5 is in "16:05").
        for min in [0, 30, 45] {
            let s = format!("It starts at {h}:{min:02} p.m.");
            let right = format!("Начало в {}:{min:02}.", h + 12);
            let wrong = format!("Начало в {}:{min:02}.", h + 11);
            assert_eq!(errors(&s, &right, Lang::RU), 0, "{s} → {right}");
            assert!(errors(&s, &wrong, Lang::RU) >= 1, "{s} → {wrong}");
        }
    }
    assert_eq!(errors("He ate ½ of it.", "Он съел ½.", Lang::RU), 0);
    assert_eq!(errors("He ate ½ of it.", "Он съел половину.", Lang::RU), 0);
    assert_eq!(errors("He ate ½ of it.", "Он съел 0,5.", Lang::RU), 0);
    assert_eq!(
        errors("He ate 1½ cakes.", "Он съел полтора торта.", Lang::RU),
        0
    );
    assert_eq!(
        errors("He ate 1½ cakes.", "Он съел 1,5 торта.", Lang::RU),
        0
    );
    assert_eq!(errors("He ate 2¾ cakes.", "او ۲٫۷۵ کیک خورد.", Lang::FA), 0);
    assert_eq!(errors("He ate ½ of it.", "او نیم آن را خورد.", Lang::FA), 0);
    assert_eq!(errors("He ate ½ of it.", "Он съел ¼.", Lang::RU), 1);
    assert_eq!(errors("He ate 1½ cakes.", "Он съел 1 торт.", Lang::RU), 1);
    assert_eq!(errors("He ate 1½ cakes.", "Он съел 1¼ торта.", Lang::RU), 1);
}

/// The Russian form of "thousand" or "million" after the number `n`.
fn ru_scale(n: u64, forms: [&str; 3]) -> &str {
    match (n % 10, n % 100) {
        (_, 11..=14) => forms[2],
        (1, _) => forms[0],
        (2..=4, _) => forms[1],
        _ => forms[2],
    }
}

/// A number written with digits and scale words mixed ("12 тысяч 500",
/// "2 тыс. 500", "1 миллион 200 тысяч", "۱۲ هزار و ۵۰۰", "12 هزار و 500")
/// is the value (no finding at all, not even a warning), walked over the
/// thousands and the part below them in
/// every style; the same style with another part below the scale is an
/// error.
#[test]
fn digits_and_scale_words_mixed_are_the_value() {
    let thousands = ["тысяча", "тысячи", "тысяч"];
    let millions = ["миллион", "миллиона", "миллионов"];
    for a in [1u64, 2, 5, 11, 12, 21, 99, 250, 999] {
        for b in [1u64, 5, 40, 200, 500, 999] {
            let p = |n: u64| persian_digits(&n.to_string());
            let forms = [
                (
                    format!("{a},{b:03}"),
                    Lang::RU,
                    format!("{a} {} {{b}}", ru_scale(a, thousands)),
                ),
                (format!("{a},{b:03}"), Lang::RU, format!("{a} тыс. {{b}}")),
                (
                    format!("{a},{b:03},000"),
                    Lang::RU,
                    format!("{a} {} {{b}} тысяч", ru_scale(a, millions)),
                ),
                (
                    format!("{a},{b:03},000"),
                    Lang::RU,
                    format!("{a} млн {{b}} тыс."),
                ),
                (
                    format!("{a},{b:03}"),
                    Lang::FA,
                    format!("{} هزار و {{b}}", p(a)),
                ),
                (format!("{a},{b:03}"), Lang::FA, format!("{a} هزار و {{b}}")),
                (
                    format!("{a},{b:03},000"),
                    Lang::FA,
                    format!("{} میلیون و {{b}} هزار", p(a)),
                ),
            ];
            for (number, lang, written) in forms {
                let source = format!("Some {number} people came.");
                let fill = |part: u64| {
                    let part =
                        if lang == Lang::FA && written.starts_with(|c: char| !c.is_ascii_digit()) {
                            p(part)
                        } else {
                            part.to_string()
                        };
                    format!("Пришли {} человек.", written.replace("{b}", &part))
                };
                assert_eq!(
                    missing(&source, &fill(b), lang),
                    0,
                    "{source} → {}",
                    fill(b)
                );
                let other = if b == 999 { 998 } else { b + 1 };
                assert_eq!(
                    errors(&source, &fill(other), lang),
                    1,
                    "{source} → {}",
                    fill(other)
                );
            }
        }
    }
    for (source, target, lang) in [
        ("1.2 million", "یک میلیون و دویست هزار", Lang::FA),
        ("12,500", "۱۲ هزار و ۵۰۰", Lang::FA),
        ("1,200,000", "1 миллион 200 тысяч", Lang::RU),
    ] {
        assert_eq!(missing(source, target, lang), 0, "{source} → {target}");
    }
}

/// Regression: a scale word after a multiplier was also read alone, so
/// "1 million" → "3 миллиона" (three million) and "1,000" → "5 هزار" passed.
#[test]
fn a_scale_word_after_a_multiplier_is_not_its_own_value() {
    assert_eq!(
        errors("1 million people", "3 миллиона человек", Lang::RU),
        1
    );
    assert_eq!(errors("1,000 people", "۵ هزار نفر", Lang::FA), 1);
    assert_eq!(errors("1 million people", "миллион человек", Lang::RU), 0);
    assert_eq!(errors("1,000 people", "هزار نفر", Lang::FA), 0);
}

fn persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x06F0 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

#[test]
fn runs_of_number_words_are_read_as_one_number() {
    let has = |text: &str, lang: Lang, v: f64| word_values(text, lang).contains(&v);
    assert!(has(
        "два миллиона двести тысяч человек",
        Lang::RU,
        2_200_000.0
    ));
    assert!(has("полторы тысячи военных", Lang::RU, 1500.0));
    assert!(has("یک میلیون و دویست هزار نفر", Lang::FA, 1_200_000.0));
    assert!(has("سی و ششمین", Lang::FA, 36.0));
    assert!(has("23 декабря", Lang::RU, 12.0));
}

#[test]
fn a_decade_may_be_written_with_two_digits() {
    for (target, lang) in [
        ("Это произошло в 90-х.", Lang::RU),
        ("Это произошло в 90-е годы.", Lang::RU),
        ("Это произошло в 1990-х годах.", Lang::RU),
        ("این در دهه ۹۰ اتفاق افتاد.", Lang::FA),
    ] {
        assert_eq!(
            errors("It happened in the 1990s.", target, lang),
            0,
            "{target}"
        );
    }
    assert_eq!(
        errors(
            "It happened in the 1980s.",
            "Это произошло в 90-х.",
            Lang::RU
        ),
        1
    );
    assert_eq!(
        errors("It happened in 1990.", "Это произошло в 90-м.", Lang::RU),
        1
    );
}

#[test]
fn roman_centuries_and_always_are_the_same_numbers() {
    assert_eq!(
        errors("It was the 21st century.", "Это был XXI век.", Lang::RU),
        0
    );
    assert_eq!(errors("In the 19th century.", "В XIX веке.", Lang::RU), 0);
    assert_eq!(errors("In the 19th century.", "В XVIII веке.", Lang::RU), 1);
    assert_eq!(
        errors(
            "The store is open 24/7.",
            "Магазин работает круглосуточно.",
            Lang::RU
        ),
        0
    );
}

#[test]
fn a_time_with_a_colon_may_be_written_with_a_point_in_russian() {
    let en = "The talks start at 14:30 on Monday.";
    assert_eq!(
        missing(en, "Переговоры начнутся в 14.30 в понедельник.", Lang::RU),
        0
    );
    assert_eq!(
        missing(en, "Переговоры начнутся в 14:30 в понедельник.", Lang::RU),
        0
    );
    // Another time, or the point without a time in the source, is not it.
    assert!(errors(en, "Переговоры начнутся в 14.40 в понедельник.", Lang::RU) > 0);
    assert!(errors("He won 14 and lost 30.", "Он выиграл 14.30.", Lang::RU) > 0);
}

#[test]
fn a_thousand_before_a_larger_scale_multiplies_it() {
    let en = "The plan costs 20 trillion rials.";
    assert_eq!(
        missing(en, "این طرح ۲۰ هزار میلیارد ریال هزینه دارد.", Lang::FA),
        0
    );
    assert_eq!(
        missing(en, "این طرح ۲۰ تریلیون ریال هزینه دارد.", Lang::FA),
        0
    );
    assert_eq!(
        errors(en, "این طرح ۲۰ هزار میلیون ریال هزینه دارد.", Lang::FA),
        1
    );
    assert_eq!(
        errors(en, "این طرح ۲۰ میلیارد ریال هزینه دارد.", Lang::FA),
        1
    );
    assert_eq!(
        missing(
            "It costs 20 billion.",
            "Это стоит 20 тысяч миллионов.",
            Lang::RU
        ),
        0
    );
    // "20 thousand" alone is still 20,000, with a word after it.
    assert_eq!(
        missing(
            "About 20,000 people came.",
            "حدود ۲۰ هزار نفر آمدند.",
            Lang::FA
        ),
        0
    );
}

#[test]
fn a_persian_temperature_may_carry_its_minus_after_the_digits() {
    let en = "Temperatures fell to -5 degrees.";
    assert_eq!(missing(en, "دما به ۵- درجه رسید.", Lang::FA), 0);
    assert_eq!(missing(en, "دما به ۵-درجه رسید.", Lang::FA), 0);
    assert_eq!(errors(en, "دما به ۵ درجه رسید.", Lang::FA), 1);
    // A positive temperature given so is wrong; a list item is not a sign,
    // nor a range or an age.
    assert_eq!(errors("It was 5°C.", "دما ۵- درجه بود.", Lang::FA), 1);
    assert_eq!(
        missing("1. Prices rose.", "۱- قیمت‌ها افزایش یافت.", Lang::FA),
        0
    );
    assert_eq!(missing("From 5 to 7 degrees.", "از ۵-۷ درجه.", Lang::FA), 0);
    assert_eq!(missing("A 5-year-old boy.", "یک پسر ۵-ساله.", Lang::FA), 0);
    // Latin digits keep the sign before them only.
    assert_eq!(errors("It was 5°C.", "Было 5- градусов.", Lang::RU), 0);
}

#[test]
fn a_negative_number_made_positive_is_an_error() {
    let en = "Growth was minus 0.3 percent.";
    assert_eq!(errors(en, "Рост составил плюс 0,3 процента.", Lang::RU), 1);
    assert_eq!(errors(en, "Рост составил +0,3 %.", Lang::RU), 1);
    assert_eq!(errors(en, "رشد مثبت ۰٫۳ درصد بود.", Lang::FA), 1);
    assert_eq!(errors(en, "Рост составил минус 0,3 процента.", Lang::RU), 0);
    // Dropping the sign stays a warning outside a temperature.
    let found = check(en, "Рост составил 0,3 процента.", Lang::EN, Lang::RU);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, super::super::Severity::Warning);
}

#[test]
fn a_number_in_words_left_out_is_a_warning() {
    let en = "Three soldiers and two civilians were killed.";
    let found = check(en, "Погибли военные и мирные жители.", Lang::EN, Lang::RU);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, super::super::Severity::Warning);
    assert_eq!(
        missing(en, "Погибли трое военных и двое мирных жителей.", Lang::RU),
        0
    );
    // "two years" joined into one word still reads as 2.
    assert_eq!(
        missing("It ended two years before.", "دوسال قبل تمام شد.", Lang::FA),
        0
    );
}

#[test]
fn a_half_said_in_words_is_the_decimal() {
    let en = "The city has 3.5 million residents.";
    assert_eq!(
        missing(
            en,
            "В городе живут три с половиной миллиона человек.",
            Lang::RU
        ),
        0
    );
    assert!(
        errors(
            en,
            "В городе живут два с половиной миллиона человек.",
            Lang::RU
        ) > 0
    );
    assert_eq!(
        missing("It took 1.5 hours.", "یک ساعت و نیم طول کشید.", Lang::FA),
        0
    );
    assert_eq!(
        missing("It took 2.5 years.", "۲ سال و نیم طول کشید.", Lang::FA),
        0
    );
    assert!(errors("It took 1.5 hours.", "دو ساعت و نیم طول کشید.", Lang::FA) > 0);
    let trillion = "The plan costs 20 trillion rials.";
    assert_eq!(
        missing(
            trillion,
            "این طرح بیست هزار میلیارد ریال هزینه دارد.",
            Lang::FA
        ),
        0
    );
    assert!(errors(trillion, "این طرح بیست میلیارد ریال هزینه دارد.", Lang::FA) > 0);
}

#[test]
fn covid_may_be_named_and_a_percentage_said_as_a_fraction() {
    let en = "The COVID-19 pandemic hit hard.";
    assert_eq!(
        missing(en, "Пандемия коронавируса нанесла сильный удар.", Lang::RU),
        0
    );
    assert_eq!(missing(en, "همه‌گیری کرونا ضربه سختی زد.", Lang::FA), 0);
    assert!(errors(en, "Пандемия гриппа нанесла сильный удар.", Lang::RU) > 0);
    assert_eq!(
        missing(
            "Turnout was 50 percent.",
            "Явка составила половину.",
            Lang::RU
        ),
        0
    );
    assert_eq!(
        missing("Turnout was 25%.", "Явка составила четверть.", Lang::RU),
        0
    );
    assert!(errors("Turnout was 30%.", "Явка составила половину.", Lang::RU) > 0);
    assert!(errors("Turnout was 50 people.", "Пришла половина.", Lang::RU) > 0);
}

#[test]
fn a_persian_fraction_is_a_cardinal_before_an_ordinal() {
    let en = "About 25% of the voters stayed home.";
    assert_eq!(
        missing(en, "حدود یک چهارم از رای‌دهندگان در خانه ماندند.", Lang::FA),
        0
    );
    assert_eq!(
        missing("About 50% stayed.", "حدود نیمی ماندند.", Lang::FA),
        0
    );
    assert_eq!(
        missing("Some 75% stayed.", "حدود سه چهارم ماندند.", Lang::FA),
        0
    );
    assert!(errors(en, "حدود یک سوم از رای‌دهندگان در خانه ماندند.", Lang::FA) > 0);
    // An ordinal after a word that is no number stays an ordinal.
    assert_eq!(
        missing(
            "On the fourth day, 4 people left.",
            "در روز چهارم ۴ نفر رفتند.",
            Lang::FA
        ),
        0
    );
}

#[test]
fn a_month_named_without_a_day_must_stay_the_month() {
    for (source, target, lang, want) in [
        ("Prices rose in March.", "Цены выросли в мае.", Lang::RU, 1),
        (
            "Prices rose in March.",
            "Цены выросли в марте.",
            Lang::RU,
            0,
        ),
        (
            "Prices rose from March to May.",
            "Цены росли с марта по июнь.",
            Lang::RU,
            1,
        ),
        (
            "Prices rose from March to May.",
            "Цены росли с марта по май.",
            Lang::RU,
            0,
        ),
        (
            "The rally in mid-March drew crowds.",
            "Митинг в середине апреля.",
            Lang::RU,
            1,
        ),
        (
            "Officials may approve it in March.",
            "Его могут одобрить в мае.",
            Lang::RU,
            1,
        ),
        (
            "The plan was announced in May.",
            "این طرح در ماه مه اعلام شد.",
            Lang::FA,
            0,
        ),
        (
            "The plan was announced in May.",
            "این طرح در ماه ژوئن اعلام شد.",
            Lang::FA,
            1,
        ),
        (
            "The plan was announced in June.",
            "این طرح در ماه مه اعلام شد.",
            Lang::FA,
            1,
        ),
        // A month left out, or a season for it: no month to compare.
        ("Prices rose in March.", "Цены выросли весной.", Lang::RU, 0),
        // Names and possessives are no time of the story.
        (
            "Theresa May met Merkel in June.",
            "Тереза Мэй встретилась с Меркель в июне.",
            Lang::RU,
            0,
        ),
        (
            "After June's meeting, talks stalled in July.",
            "После встречи переговоры застопорились в июле.",
            Lang::RU,
            0,
        ),
        // "Марта" (a name) and Persian "مه" (fog) are no months of the target.
        (
            "Marta spoke in March.",
            "Марта выступила в марте.",
            Lang::RU,
            0,
        ),
        (
            "Fog closed the road in March.",
            "مه جاده را در ماه مارس بست.",
            Lang::FA,
            0,
        ),
    ] {
        assert_eq!(errors(source, target, lang), want, "{source} -> {target}");
    }
}

#[test]
fn a_unit_changed_without_converting_the_value_is_an_error() {
    for (source, target, lang, want) in [
        (
            "The storm was 385 miles away.",
            "Шторм был в 385 км.",
            Lang::RU,
            1,
        ),
        (
            "The storm was 385 miles away.",
            "Шторм был в 620 км.",
            Lang::RU,
            0,
        ),
        (
            "The storm was 385 miles away.",
            "Шторм был в 385 милях.",
            Lang::RU,
            0,
        ),
        (
            "Winds reached 85 mph.",
            "Ветер достигал 85 км/ч.",
            Lang::RU,
            1,
        ),
        (
            "Winds reached 85 mph.",
            "Ветер достигал 137 км/ч.",
            Lang::RU,
            0,
        ),
        (
            "The wall is 10 feet high.",
            "Стена высотой 10 метров.",
            Lang::RU,
            1,
        ),
        (
            "The wall is 10 feet high.",
            "Стена 10-метровой высоты.",
            Lang::RU,
            1,
        ),
        (
            "The fish weighed 20 pounds.",
            "ماهی ۲۰ کیلوگرم وزن داشت.",
            Lang::FA,
            1,
        ),
        (
            "The fish weighed 20 pounds.",
            "ماهی ۹ کیلوگرم وزن داشت.",
            Lang::FA,
            0,
        ),
        ("It cost 20 pounds.", "Это стоило 20 фунтов.", Lang::RU, 0),
        (
            "It was 95 degrees Fahrenheit.",
            "Было 95 градусов по Цельсию.",
            Lang::RU,
            1,
        ),
        ("It was 50 degrees Fahrenheit.", "Было 50 °C.", Lang::RU, 1),
        (
            "It was 95 degrees.",
            "دما ۹۵ درجه سانتیگراد بود.",
            Lang::FA,
            1,
        ),
        (
            "It was 35 degrees.",
            "Было 35 градусов по Цельсию.",
            Lang::RU,
            0,
        ),
        ("It was 95 degrees.", "Было 95 градусов.", Lang::RU, 0),
        // A value a conversion keeps within a tenth (yards as metres).
        ("He ran 100 yards.", "Он пробежал 100 метров.", Lang::RU, 0),
    ] {
        assert_eq!(errors(source, target, lang), want, "{source} -> {target}");
    }
}

#[test]
fn an_amount_in_another_currency_is_an_error() {
    for (source, target, lang, want) in [
        (
            "The company paid $5 million.",
            "Компания заплатила 5 миллионов евро.",
            Lang::RU,
            1,
        ),
        (
            "The company paid $5 million.",
            "Компания заплатила 5 млн долларов.",
            Lang::RU,
            0,
        ),
        (
            "The company paid $5 million.",
            "Компания заплатила $5 млн.",
            Lang::RU,
            0,
        ),
        (
            "The fine was 300 rubles.",
            "Штраф составил 300 долларов.",
            Lang::RU,
            1,
        ),
        (
            "The fine was 300 rubles.",
            "Штраф составил 300 рублей.",
            Lang::RU,
            0,
        ),
        (
            "It paid 5 million euros.",
            "شرکت ۵ میلیون دلار پرداخت کرد.",
            Lang::FA,
            1,
        ),
        (
            "It paid 5 million euros.",
            "شرکت ۵ میلیون یورو پرداخت کرد.",
            Lang::FA,
            0,
        ),
        (
            "Iran spent 10 trillion rials.",
            "ایران ۱۰ هزار میلیارد تومان هزینه کرد.",
            Lang::FA,
            1,
        ),
        (
            "Iran spent 10 trillion rials.",
            "ایران ۱۰ هزار میلیارد ریال هزینه کرد.",
            Lang::FA,
            0,
        ),
        // Pounds may be money or weight, and `фунт` is both: no judgement.
        ("It cost 20 pounds.", "Это стоило 20 долларов.", Lang::RU, 0),
        // Each amount keeps its currency, in any order.
        (
            "He earned 500 dollars and 300 euros.",
            "Он заработал 300 евро и 500 долларов.",
            Lang::RU,
            0,
        ),
        (
            "He earned 500 dollars and 300 euros.",
            "Он заработал 500 евро и 300 долларов.",
            Lang::RU,
            2,
        ),
    ] {
        assert_eq!(errors(source, target, lang), want, "{source} -> {target}");
    }
}

#[test]
fn percentage_points_given_as_a_percentage_are_an_error() {
    let s = "The bank raised its rate by 0.5 percentage points.";
    for (target, lang, want) in [
        ("Банк повысил ставку на 0,5 %.", Lang::RU, 1),
        ("Банк повысил ставку на 0,5 процента.", Lang::RU, 1),
        (
            "Банк повысил ставку на 0,5 процентного пункта.",
            Lang::RU,
            0,
        ),
        ("Банк повысил ставку на 0,5 п.п.", Lang::RU, 0),
        ("بانک نرخ بهره را ۰٫۵ درصد افزایش داد.", Lang::FA, 1),
        ("بانک نرخ بهره را ۰٫۵٪ افزایش داد.", Lang::FA, 1),
        ("بانک نرخ بهره را ۰٫۵ واحد درصد افزایش داد.", Lang::FA, 0),
    ] {
        assert_eq!(errors(s, target, lang), want, "{target}");
    }
    // A percentage given as points is left alone: English uses "%" for
    // points too.
    assert_eq!(
        errors(
            "Prices rose 3%.",
            "Цены выросли на 3 процентных пункта.",
            Lang::RU
        ),
        0
    );
}
