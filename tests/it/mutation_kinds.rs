//! Kinds of the mutation battery (`mutation.rs`): the clean kinds, and
//! the damaged kinds of numbers written with digits and scale words
//! mixed, placeholders and bare domains.

use super::*;

/// The clean kinds: correct work that merge must accept.
pub(super) fn clean_kinds() -> Vec<(&'static str, Make)> {
    vec![
        ("clean:as_translated", |line, lang, _| {
            Some(Clause {
                en: line.en.clone(),
                target: target_of(line, lang).to_string(),
            })
        }),
        ("clean:written_out_count", |line, lang, rng| {
            let n = rng.range(2, 999);
            let en = format!("Police said {n} people were injured.");
            let t = match lang {
                Lang::RU => format!("По данным полиции, пострадали {} человек.", ru_words(n)),
                _ => format!("به گفته پلیس {} نفر زخمی شدند.", fa_words(n)),
            };
            appended(line, lang, en, t)
        }),
        ("clean:written_out_scale", |line, lang, rng| {
            let (a, b) = (rng.range(1, 9), rng.range(1, 9));
            let en = format!("The city has {a}.{b} million residents.");
            let n = a * 1_000_000 + b * 100_000;
            let t = match lang {
                Lang::RU => format!("В городе живут {} жителей.", ru_words(n)),
                _ => format!("این شهر {} نفر جمعیت دارد.", fa_words(n)),
            };
            appended(line, lang, en, t)
        }),
        ("clean:written_out_thousands", |line, lang, rng| {
            let (a, b) = (rng.range(1, 9), rng.range(1, 9));
            let en = format!("Some {a},{b}00 troops took part.");
            let n = a * 1000 + b * 100;
            let words = if lang == Lang::RU && a == 1 && b == 5 {
                "полторы тысячи".to_string()
            } else if lang == Lang::RU {
                ru_words(n)
            } else {
                fa_words(n)
            };
            let t = match lang {
                Lang::RU => format!("В учениях участвовали около {words} военных."),
                _ => format!("حدود {words} سرباز شرکت کردند."),
            };
            appended(line, lang, en, t)
        }),
        ("clean:month_date_iso", |line, lang, rng| {
            let (y, m, day) = (rng.range(1990, 2030), rng.range(1, 12), rng.range(1, 28));
            let en = format!("The vote was held on {y}-{m:02}-{day:02}.");
            let t = match lang {
                Lang::RU => format!(
                    "Голосование прошло {day} {} {y} года.",
                    RU_MONTHS[m as usize - 1]
                ),
                _ => format!(
                    "رای‌گیری در {} {} {} برگزار شد.",
                    d(lang, day),
                    FA_MONTHS[m as usize - 1],
                    d(lang, y)
                ),
            };
            appended(line, lang, en, t)
        }),
        ("clean:month_date_written", |line, lang, rng| {
            let (y, m, day) = (rng.range(1990, 2030), rng.range(1, 12), rng.range(1, 28));
            let en = format!("It ended on {} {day}, {y}.", EN_MONTHS[m as usize - 1]);
            let t = match lang {
                Lang::RU => format!(
                    "Это закончилось {day} {} {y} года.",
                    RU_MONTHS[m as usize - 1]
                ),
                _ => format!(
                    "این در {} {} {} پایان یافت.",
                    d(lang, day),
                    FA_MONTHS[m as usize - 1],
                    d(lang, y)
                ),
            };
            appended(line, lang, en, t)
        }),
        ("clean:decimal_comma", |line, lang, rng| {
            let (a, b) = (rng.range(1, 99), rng.range(1, 9));
            let en = format!("Unemployment rose to {a}.{b}%.");
            let t = match lang {
                Lang::RU => format!("Безработица выросла до {a},{b} %."),
                _ => format!(
                    "بیکاری به {}{}{} درصد رسید.",
                    d(lang, a),
                    decimal_sep(lang),
                    d(lang, b)
                ),
            };
            appended(line, lang, en, t)
        }),
        ("clean:grouping_nbsp", |line, lang, rng| {
            let (a, b) = (rng.range(1, 99), rng.range(100, 999));
            let en = format!("Exactly {a},{b} ballots were counted.");
            let t = match lang {
                Lang::RU => format!("Было подсчитано ровно {a}\u{a0}{b} бюллетеней."),
                _ => format!("دقیقا {}٬{} برگه رای شمارش شد.", d(lang, a), d(lang, b)),
            };
            appended(line, lang, en, t)
        }),
        ("clean:negative_written", |line, lang, rng| {
            let n = rng.range(2, 40);
            let en = format!("Temperatures fell to -{n} degrees overnight.");
            let t = match lang {
                Lang::RU => format!("Ночью температура опустилась до минус {n} градусов."),
                _ => format!("دمای هوا در شب به منفی {} درجه رسید.", d(lang, n)),
            };
            appended(line, lang, en, t)
        }),
        ("clean:numeric_date", |line, lang, rng| {
            let (y, m, day) = (rng.range(1990, 2030), rng.range(1, 12), rng.range(1, 28));
            let en = format!("It ended on {} {day}, {y}.", EN_MONTHS[m as usize - 1]);
            let t = match lang {
                Lang::RU => format!("Это закончилось {day:02}.{m:02}.{y}."),
                _ => format!(
                    "این در {} پایان یافت.",
                    d(lang, format!("{y}/{m:02}/{day:02}"))
                ),
            };
            appended(line, lang, en, t)
        }),
        ("clean:clock_24h", |line, lang, rng| {
            let (h, min) = (rng.range(1, 11), [0, 15, 30, 45][rng.range(0, 3) as usize]);
            let en = format!("The meeting starts at {h}:{min:02} p.m.");
            let t = match lang {
                Lang::RU => format!("Встреча начнется в {}:{min:02}.", h + 12),
                _ => format!(
                    "جلسه ساعت {}:{} آغاز می‌شود.",
                    d(lang, h + 12),
                    d(lang, format!("{min:02}"))
                ),
            };
            appended(line, lang, en, t)
        }),
        ("clean:minus_dash", |line, lang, rng| {
            let n = rng.range(2, 40);
            let en = format!("Temperatures fell to -{n} degrees overnight.");
            let t = match lang {
                Lang::RU => format!("Ночью температура опустилась до –{n} градусов."),
                _ => format!("دمای هوا در شب به \u{2212}{} درجه رسید.", d(lang, n)),
            };
            appended(line, lang, en, t)
        }),
        ("clean:fraction_words", |line, lang, rng| {
            let n = rng.range(2, 9);
            let en = format!("Only {n}½ hours were left.");
            let t = match lang {
                Lang::RU => format!("Осталось всего {n},5 часа."),
                _ => format!("فقط {}٫{} ساعت باقی مانده بود.", d(lang, n), d(lang, 5)),
            };
            appended(line, lang, en, t)
        }),
        ("clean:nbsp_untouchables", |line, lang, rng| {
            let n = rng.range(10, 999);
            let en = format!(
                "Follow\u{a0}@newsdesk{n} and\u{a0}#vote{n} or see\u{a0}https://example.org/a/{n}."
            );
            let t = match lang {
                Lang::RU => format!(
                    "Следите за\u{a0}@newsdesk{n} и\u{a0}#vote{n} или смотрите\u{a0}https://example.org/a/{n}."
                ),
                _ => format!(
                    "‏@newsdesk{n} و\u{a0}#vote{n} را دنبال کنید یا\u{a0}https://example.org/a/{n} را ببینید."
                ),
            };
            appended(line, lang, en, t)
        }),
        ("clean:mixed_written", |line, lang, rng| {
            mixed_clause(line, lang, rng, false)
        }),
        ("clean:written_source", |line, lang, rng| {
            written_source_clause(line, lang, rng, false)
        }),
        ("clean:placeholders_domains", |line, lang, rng| {
            let (p, _) = pick(rng, &PLACEHOLDERS);
            let (d, _) = pick(rng, &DOMAINS);
            item_clause(line, lang, p, d, p, d)
        }),
        ("clean:clock_with_point", |line, lang, rng| {
            clock_clause(line, lang, rng, false)
        }),
        ("clean:thousand_billion", |line, lang, rng| {
            trillion_clause(line, lang, rng, false)
        }),
        ("clean:minus_after_digits", |line, lang, rng| {
            let n = rng.range(1, 40);
            let en = format!("Temperatures fell to -{n} degrees overnight.");
            let gap = [" ", "\u{a0}", ""][rng.range(0, 2) as usize];
            let t = match lang {
                Lang::FA => format!("دمای هوا در شب به {}-{gap}درجه رسید.", d(lang, n)),
                _ => return None,
            };
            appended(line, lang, en, t)
        }),
        ("clean:round_quantity", |line, lang, rng| {
            round_clause(line, lang, rng, false)
        }),
        ("clean:and_a_half", |line, lang, rng| {
            half_clause(line, lang, rng, false)
        }),
        ("clean:covid_named", |line, lang, _| {
            let en = "The COVID-19 pandemic hit the region hard.".to_string();
            let t = match lang {
                Lang::RU => "Пандемия коронавируса сильно ударила по региону.",
                _ => "همه‌گیری کرونا ضربه سختی به منطقه زد.",
            };
            appended(line, lang, en, t.to_string())
        }),
        ("clean:percent_as_fraction", |line, lang, rng| {
            let (pct, ru, fa) =
                [(50, "половина", "نیمی"), (25, "четверть", "یک چهارم")][rng.range(0, 1) as usize];
            let en = format!("About {pct}% of the voters stayed home.");
            let t = match lang {
                Lang::RU => format!("Около {ru} избирателей остались дома."),
                _ => format!("حدود {fa} از رای‌دهندگان در خانه ماندند."),
            };
            appended(line, lang, en, t)
        }),
        ("clean:ordinal_words", |line, lang, rng| {
            ordinal_clause(line, lang, rng, false)
        }),
        ("clean:fraction_or_second_no_ordinal", |line, lang, rng| {
            let (en, ru, fa) = [
                (
                    "A third of the budget went to roads.",
                    "Треть бюджета ушла на дороги.",
                    "یک سوم بودجه صرف جاده‌ها شد.",
                ),
                (
                    "Two-thirds of the seats are empty.",
                    "Две трети мест пустуют.",
                    "دو سوم صندلی‌ها خالی است.",
                ),
                (
                    "A second later, the lights went out.",
                    "Секундой позже погас свет.",
                    "لحظه‌ای بعد چراغ‌ها خاموش شد.",
                ),
                (
                    "The car was going 30 metres per second.",
                    "Машина ехала со скоростью 30 метров в секунду.",
                    "خودرو با سرعت ۳۰ متر بر ثانیه حرکت می‌کرد.",
                ),
            ][rng.range(0, 3) as usize];
            let t = if lang == Lang::RU { ru } else { fa };
            appended(line, lang, en.to_string(), t.to_string())
        }),
        ("clean:list_item_dash", |line, lang, rng| {
            let n = rng.range(1, 9);
            let en = format!("{n}. Prices rose.");
            let t = match lang {
                Lang::FA => format!("{}- قیمت‌ها افزایش یافت.", d(lang, n)),
                _ => return None,
            };
            appended(line, lang, en, t)
        }),
    ]
}

/// A time of day with a colon in the source; in Russian the target writes
/// it with a point (`14.30`), with the minutes changed when `damaged`.
fn clock_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    let h = rng.range(0, 23);
    let min = [0, 5, 15, 30, 45, 50][rng.range(0, 5) as usize];
    let shown = if damaged { (min + 10) % 60 } else { min };
    let en = format!("The talks start at {h}:{min:02} local time.");
    let t = match lang {
        Lang::RU => format!("Переговоры начнутся в {h}.{shown:02} по местному времени."),
        _ => format!(
            "مذاکرات ساعت {}:{} به وقت محلی آغاز می‌شود.",
            d(lang, h),
            d(lang, format!("{shown:02}"))
        ),
    };
    appended(line, lang, en, t)
}

/// A trillion in the source; the target says a thousand billion (Persian
/// `هزار میلیارد`) or, when `damaged`, a thousand million.
fn trillion_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    let whole = rng.range(2, 950);
    let tenth = rng.range(1, 9);
    let (en_n, n) = if rng.range(0, 1) == 0 {
        (whole.to_string(), d(lang, whole))
    } else {
        (
            format!("{}.{tenth}", whole % 10 + 1),
            d(
                lang,
                format!("{}{}{tenth}", whole % 10 + 1, decimal_sep(lang)),
            ),
        )
    };
    let en = format!("The plan costs {en_n} trillion rials.");
    let t = match (lang, damaged) {
        (Lang::FA, false) => format!("این طرح {n} هزار میلیارد ریال هزینه دارد."),
        (Lang::FA, true) => format!("این طرح {n} هزار میلیون ریال هزینه دارد."),
        (_, false) => format!("План стоит {n} трлн риалов."),
        (_, true) => format!("План стоит {n} тысяч миллионов риалов."),
    };
    appended(line, lang, en, t)
}

/// A number and a half said in words (`три с половиной миллиона`, `دو
/// سال و نیم`); one more or less when `damaged`.
fn half_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    const RU: [&str; 5] = ["два", "три", "четыре", "пять", "шесть"];
    const FA: [&str; 5] = ["دو", "سه", "چهار", "پنج", "شش"];
    let i = rng.range(0, 4) as usize;
    let said = if damaged {
        (i + 1 + rng.range(0, 3) as usize) % 5
    } else {
        i
    };
    if rng.range(0, 1) == 0 {
        let en = format!("The city has {}.5 million residents.", i + 2);
        let t = match lang {
            Lang::RU => format!("В городе живут {} с половиной миллиона человек.", RU[said]),
            _ => format!("این شهر {} و نیم میلیون نفر جمعیت دارد.", FA[said]),
        };
        appended(line, lang, en, t)
    } else {
        let en = format!("The works took {}.5 years.", i + 2);
        let t = match lang {
            Lang::RU => format!("Работы заняли {} с половиной года.", RU[said]),
            _ => format!("این کارها {} سال و نیم طول کشید.", FA[said]),
        };
        appended(line, lang, en, t)
    }
}

/// Ordinals 2nd to 12th: English, Russian (masculine) and Persian words.
const ORDINALS: [(&str, &str, &str); 11] = [
    ("second", "второй", "دوم"),
    ("third", "третий", "سوم"),
    ("fourth", "четвертый", "چهارم"),
    ("fifth", "пятый", "پنجم"),
    ("sixth", "шестой", "ششم"),
    ("seventh", "седьмой", "هفتم"),
    ("eighth", "восьмой", "هشتم"),
    ("ninth", "девятый", "نهم"),
    ("tenth", "десятый", "دهم"),
    ("eleventh", "одиннадцатый", "یازدهم"),
    ("twelfth", "двенадцатый", "دوازدهم"),
];

/// An ordinal the source writes in words ("for the third time", "her
/// fifth term", "the second-largest city", "the twenty-first century");
/// the target says another one when `damaged`.
fn ordinal_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    let said = rng.range(0, ORDINALS.len() as u64 - 1) as usize;
    let given = if damaged {
        (said + rng.range(1, ORDINALS.len() as u64 - 1) as usize) % ORDINALS.len()
    } else {
        said
    };
    let (en, _, _) = ORDINALS[said];
    let (_, ru, fa) = ORDINALS[given];
    let (en, t) = match rng.range(0, 3) {
        0 => (
            format!("He won the race for the {en} time."),
            match lang {
                Lang::RU => format!("Он выиграл гонку в {ru} раз."),
                _ => format!("او برای {fa}ین بار در مسابقه پیروز شد."),
            },
        ),
        1 => (
            format!("She began her {en} term in office."),
            match lang {
                Lang::RU => format!("Она начала свой {ru} срок на посту."),
                _ => format!("او {fa}ین دوره ریاست خود را آغاز کرد."),
            },
        ),
        2 => (
            format!("It is now the {en}-largest city in the country."),
            match lang {
                Lang::RU => format!("Теперь это {ru} по величине город страны."),
                _ => format!("این شهر اکنون {fa}ین شهر بزرگ کشور است."),
            },
        ),
        _ => {
            let (ten, ten_ru, ten_fa) =
                [("twenty", "двадцать", "بیست"), ("thirty", "тридцать", "سی")]
                    [rng.range(0, 1) as usize];
            let unit = rng.range(1, 9) as usize;
            let shown = if damaged { unit % 9 + 1 } else { unit };
            let ru_units = [
                "первая",
                "вторая",
                "третья",
                "четвертая",
                "пятая",
                "шестая",
                "седьмая",
                "восьмая",
                "девятая",
            ];
            let fa_units = [
                "یکم",
                "دوم",
                "سوم",
                "چهارم",
                "پنجم",
                "ششم",
                "هفتم",
                "هشتم",
                "نهم",
            ];
            let en_units = [
                "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth",
            ];
            (
                format!("The {ten}-{} round of talks ended.", en_units[unit - 1]),
                match lang {
                    Lang::RU => format!(
                        "Завершилась {ten_ru} {} встреча переговорщиков.",
                        ru_units[shown - 1]
                    ),
                    _ => format!("دور {ten_fa} و {} مذاکرات پایان یافت.", fa_units[shown - 1]),
                },
            )
        }
    };
    appended(line, lang, en, t)
}

/// Round quantities in words: English, Russian and Persian forms of each.
const ROUND: [(&str, &[&str], &[&str]); 6] = [
    (
        "Dozens of",
        &["Десятки", "Несколько десятков"],
        &["ده‌ها", "ده ها", "دهها"],
    ),
    ("Hundreds of", &["Сотни", "Несколько сотен"], &["صدها"]),
    (
        "Thousands of",
        &["Тысячи", "Несколько тысяч"],
        &["هزاران", "چند هزار"],
    ),
    (
        "Tens of thousands of",
        &["Десятки тысяч"],
        &["ده‌ها هزار", "ده ها هزار"],
    ),
    ("Hundreds of thousands of", &["Сотни тысяч"], &["صدها هزار"]),
    (
        "Millions of",
        &["Миллионы", "Несколько миллионов"],
        &["میلیون‌ها", "چند میلیون"],
    ),
];

/// A round quantity of people; the target says another one when `damaged`.
fn round_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    let said = rng.range(0, ROUND.len() as u64 - 1) as usize;
    let given = if damaged {
        (said + rng.range(1, ROUND.len() as u64 - 1) as usize) % ROUND.len()
    } else {
        said
    };
    let (en, _, _) = ROUND[said];
    let (_, ru, fa) = ROUND[given];
    let form = |forms: &[&'static str], rng: &mut Rng| {
        forms[rng.range(0, forms.len() as u64 - 1) as usize]
    };
    let en = format!("{en} people took to the streets.");
    let t = match lang {
        Lang::RU => format!("{} людей вышли на улицы.", form(ru, rng)),
        _ => format!("{} نفر به خیابان‌ها آمدند.", form(fa, rng)),
    };
    appended(line, lang, en, t)
}

/// A negative number without a degree the target makes positive, with a
/// plus sign or word.
fn sign_reversed_clause(line: &Line, lang: Lang, rng: &mut Rng) -> Option<Clause> {
    let (a, b) = (rng.range(0, 9), rng.range(1, 9));
    let value = format!("{a}{}{b}", decimal_sep(lang));
    let (en, t) = if rng.range(0, 1) == 0 {
        (
            format!("Growth was minus {a}.{b} percent."),
            match lang {
                Lang::RU => format!("Рост составил плюс {value} процента."),
                _ => format!("رشد مثبت {} درصد بود.", d(lang, &value)),
            },
        )
    } else {
        (
            format!("The index changed by -{a}.{b}%."),
            match lang {
                Lang::RU => format!("Индекс изменился на +{value}%."),
                _ => format!("شاخص +{} درصد تغییر کرد.", d(lang, &value)),
            },
        )
    };
    appended(line, lang, en, t)
}

/// The Russian form of a scale word after the number `n` ("1 тысяча",
/// "2 тысячи", "5 тысяч").
fn ru_form(n: u64, forms: [&'static str; 3]) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=14) => forms[2],
        (1, _) => forms[0],
        (2..=4, _) => forms[1],
        _ => forms[2],
    }
}

/// A number written with digits and scale words mixed, in one of four
/// styles per language: the source's number and the target's words for
/// the thousands (or millions) `a` and the part `b` below them, the
/// part written `part` in the target (the same as `b`, or another).
fn mixed_number(lang: Lang, style: u64, a: u64, b: u64, part: u64) -> (String, String) {
    let p = |n: u64| persian_digits(&n.to_string());
    let thousands = format!("{a},{b:03}");
    let millions = format!("{a},{b:03},000");
    match (lang, style) {
        (Lang::RU, 0) => (
            thousands,
            format!("{a} {} {part}", ru_form(a, ["тысяча", "тысячи", "тысяч"])),
        ),
        (Lang::RU, 1) => (thousands, format!("{a} тыс. {part}")),
        (Lang::RU, 2) => (
            millions,
            format!(
                "{a} {} {part} тысяч",
                ru_form(a, ["миллион", "миллиона", "миллионов"])
            ),
        ),
        (Lang::RU, _) => (millions, format!("{a} млн {part} тыс.")),
        (_, 0) => (thousands, format!("{} هزار و {}", p(a), p(part))),
        (_, 1) => (thousands, format!("{a} هزار و {part}")),
        (_, 2) => (millions, format!("{} میلیون و {} هزار", p(a), p(part))),
        _ => (
            format!("1,{b:03},000"),
            format!("یک میلیون و {} هزار", fa_words(part)),
        ),
    }
}

fn mixed_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    let (style, a, b) = (rng.range(0, 3), rng.range(2, 99), rng.range(1, 990));
    let part = if damaged { b + rng.range(1, 9) } else { b };
    let (number, written) = mixed_number(lang, style, a, b, part);
    let en = format!("Some {number} people signed the petition.");
    let t = match lang {
        Lang::RU => format!("Петицию подписали около {written} человек."),
        _ => format!("حدود {written} نفر این طومار را امضا کردند."),
    };
    appended(line, lang, en, t)
}

/// A count the source writes in words ("Twenty-five people …"), which the
/// target writes in digits or in words, as the same number or (damaged)
/// another one.
fn written_source_clause(line: &Line, lang: Lang, rng: &mut Rng, damaged: bool) -> Option<Clause> {
    let n = if rng.range(0, 3) == 0 {
        rng.range(100, 9999)
    } else {
        rng.range(2, 99)
    };
    let shown = if damaged { n + rng.range(1, 9) } else { n };
    let words = en_words(n);
    let en = if rng.range(0, 1) == 0 {
        let mut capital = words.chars();
        let first = capital.next().map(|c| c.to_ascii_uppercase());
        format!(
            "{}{} people were injured, police said.",
            first.unwrap_or(' '),
            capital.as_str()
        )
    } else {
        format!("Police said {words} people were injured.")
    };
    let in_digits = rng.range(0, 1) == 0;
    let number = match lang {
        _ if in_digits => d(lang, shown),
        Lang::RU => ru_words(shown),
        _ => fa_words(shown),
    };
    let t = match lang {
        Lang::RU => format!("По данным полиции, пострадали {number} человек."),
        _ => format!("به گفته پلیس {number} نفر زخمی شدند."),
    };
    appended(line, lang, en, t)
}

/// Placeholders and bare domains, each with wrong ways to write it
/// (none adds a digit).
const PLACEHOLDERS: [(&str, &[&str]); 6] = [
    ("%s", &["%d", "% s", "s", ""]),
    ("%d", &["%s", "% d", ""]),
    ("%1$s", &["%1 s", "%1$d", "%s", ""]),
    ("%(name)s", &["%(имя)s", "%(name)d", "(name)", ""]),
    ("{name}", &["{имя}", "{نام}", "{ name }", ""]),
    ("{0}", &["{ 0 }", "{0", ""]),
];
const DOMAINS: [(&str, &[&str]); 5] = [
    (
        "example.org",
        &["example.ru", "exemple.org", "example.org.ru", ""],
    ),
    ("bbc.co.uk", &["bbc.com", "bbc.co", "bbc-co.uk", ""]),
    ("gov.uk", &["gov.ru", "gov", "gov.uk.ir", ""]),
    (
        "news.example.com/world",
        &["news.example.com/мир", "example.com/world", ""],
    ),
    ("rferl.org", &["rferl.ru", "rfe.org", ""]),
];

/// A sentence asking the reader to use `placeholder` and `domain`, in the
/// source and, with what the target writes for them, in the target.
fn item_clause(
    line: &Line,
    lang: Lang,
    placeholder: &str,
    domain: &str,
    p: &str,
    d: &str,
) -> Option<Clause> {
    let en = format!("Reply with {placeholder} or see {domain}.");
    let t = match lang {
        Lang::RU => format!("Ответьте {p} или смотрите {d}."),
        _ => format!("با {p} پاسخ دهید یا {d} را ببینید."),
    };
    appended(line, lang, en, t)
}

fn pick<'a>(rng: &mut Rng, list: &'a [(&'a str, &'a [&'a str])]) -> (&'a str, &'a str) {
    let (item, wrong) = list[rng.range(0, list.len() as u64 - 1) as usize];
    (item, wrong[rng.range(0, wrong.len() as u64 - 1) as usize])
}

/// The damaged kinds of this file.
pub(super) fn more_damaged_kinds() -> Vec<(&'static str, Make)> {
    vec![
        ("numbers:mixed_written_changed", |line, lang, rng| {
            mixed_clause(line, lang, rng, true)
        }),
        ("numbers:written_source_changed", |line, lang, rng| {
            written_source_clause(line, lang, rng, true)
        }),
        ("untouchables:placeholder_changed", |line, lang, rng| {
            let (p, wrong) = pick(rng, &PLACEHOLDERS);
            let (d, _) = pick(rng, &DOMAINS);
            item_clause(line, lang, p, d, wrong, d)
        }),
        ("untouchables:domain_changed", |line, lang, rng| {
            let (p, _) = pick(rng, &PLACEHOLDERS);
            let (d, wrong) = pick(rng, &DOMAINS);
            item_clause(line, lang, p, d, p, wrong)
        }),
        ("numbers:round_quantity_changed", |line, lang, rng| {
            round_clause(line, lang, rng, true)
        }),
        ("numbers:ordinal_changed", |line, lang, rng| {
            ordinal_clause(line, lang, rng, true)
        }),
        ("numbers:and_a_half_changed", |line, lang, rng| {
            half_clause(line, lang, rng, true)
        }),
        ("numbers:sign_reversed", |line, lang, rng| {
            sign_reversed_clause(line, lang, rng)
        }),
        ("numbers:clock_with_point_changed", |line, lang, rng| {
            clock_clause(line, lang, rng, true)
        }),
        (
            "numbers:thousand_million_for_trillion",
            |line, lang, rng| trillion_clause(line, lang, rng, true),
        ),
        ("numbers:minus_after_digits_added", |line, lang, rng| {
            let n = rng.range(1, 40);
            let en = format!("Temperatures rose to {n}°C at noon.");
            let t = match lang {
                Lang::FA => format!("دمای هوا ظهر به {}- درجه رسید.", d(lang, n)),
                _ => return None,
            };
            appended(line, lang, en, t)
        }),
    ]
}
