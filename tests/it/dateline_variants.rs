//! Datelines as news pages print them, generated combinatorially: in
//! English a place (`ST. LOUIS`, `WASHINGTON, D.C.`), a region (`Nev.`,
//! `Lebanon`), a date after a comma, a date in brackets, an agency in
//! brackets and every dash, joined by spaces or no-break spaces; in Russian
//! and Persian the shapes their agencies sign (`МОСКВА, 5 декабря 2016 г. —
//! РИА Новости.`, `تهران، ۱۵ آذر (ایرنا) - `). Each is planted before a lead
//! sentence and the real binary's one-sentence brief must be exactly that
//! lead. A second generator plants sentences that only open like datelines
//! (`NASA (the space agency) - …`, `UK, France and Germany agreed …`): the
//! brief must keep every word of them. `BRIEF_MUTATION_REPORT=1` prints the
//! counts.

use crate::common::summarize_batch;

/// Three English leads, and a body that makes each the story's opening.
const EN_LEADS: [&str; 3] = [
    "Mindfulness meditation is an increasingly popular treatment for anxiety, doctors said on Tuesday.",
    "The city council approved a new budget for public transport after a long debate.",
    "Three people were killed when a bus overturned on a mountain road early on Sunday.",
];
const EN_BODY: &str = " Officials gave no further details about the plan. The budget will be discussed again next month by the committee. Critics said the decision came too late for many residents of the area.";

const RU_LEADS: [&str; 2] = [
    "Городской совет утвердил новый бюджет общественного транспорта после долгих споров.",
    "Три человека погибли, когда автобус перевернулся на горной дороге в воскресенье утром.",
];
const RU_BODY: &str = " Чиновники не сообщили других подробностей о плане. Бюджет снова обсудят в следующем месяце в комитете. Критики заявили, что решение принято слишком поздно для многих жителей района.";

const FA_LEADS: [&str; 2] = [
    "شورای شهر پس از بحثی طولانی بودجه تازه حمل و نقل عمومی را تصویب کرد.",
    "سه نفر در واژگونی یک اتوبوس در جاده‌ای کوهستانی صبح یکشنبه کشته شدند.",
];
const FA_BODY: &str = " مقام‌ها جزئیات بیشتری درباره این طرح ندادند. این بودجه ماه آینده دوباره در کمیسیون بررسی می‌شود. منتقدان گفتند این تصمیم برای بسیاری از ساکنان منطقه دیر گرفته شده است.";

const EN_PLACES: [&str; 7] = [
    "WASHINGTON",
    "NEW YORK",
    "ST. LOUIS",
    "WASHINGTON, D.C.",
    "RIO DE JANEIRO",
    "LONDON",
    "SAN FRANCISCO",
];
const EN_REGIONS: [&str; 6] = ["", "Nev.", "Calif.", "Lebanon", "New Mexico", "N.M."];
const EN_DATES: [&str; 10] = [
    "",
    "Dec 5",
    "Dec. 5",
    "December 5",
    "5 December",
    "Jan. 24, 2017",
    "January 24, 2017",
    "Sept. 3",
    "Monday",
    "Monday, Dec. 5",
];
const EN_BRACKETED_DATES: [&str; 5] = ["", "(Dec 5)", "(January 24, 2017)", "(Monday)", "(Dec. 5)"];
const EN_AGENCIES: [&str; 7] = [
    "",
    "(Reuters)",
    "(AP)",
    "(AFP)",
    "(Xinhua)",
    "(dpa)",
    "(WABC)",
];
const DASHES: [&str; 6] = ["-", "--", "–", "—", "―", "_"];
const SPACES: [&str; 2] = [" ", "\u{a0}"];

/// One variant in this many of the English product is run: a prime larger
/// than every dimension, so each value of each dimension still appears,
/// in many combinations (the whole product is 176,400 stories).
const EN_STRIDE: usize = 31;

/// A story to summarize: its language, its text and the sentence its
/// one-sentence brief must be.
struct Case {
    lang: &'static str,
    text: String,
    lead: String,
    dateline: bool,
    /// Written all in small letters, as a lowercased corpus prints it (the
    /// brief's first sentence may then run on past the lead: a sentence in
    /// small letters does not end at a full stop).
    lower: bool,
}

/// English datelines: every `EN_STRIDE`-th of the product of places,
/// regions, dates, bracketed dates, agencies, dashes and spaces.
fn english_datelines(out: &mut Vec<Case>) {
    let mut n = 0usize;
    for place in EN_PLACES {
        for region in EN_REGIONS {
            for date in EN_DATES {
                for bracketed in EN_BRACKETED_DATES {
                    for agency in EN_AGENCIES {
                        for dash in DASHES {
                            for sp in SPACES {
                                n += 1;
                                if !n.is_multiple_of(EN_STRIDE) {
                                    continue;
                                }
                                let mut dl = place.to_string();
                                for (part, comma) in [
                                    (region, true),
                                    (date, true),
                                    (bracketed, false),
                                    (agency, false),
                                ] {
                                    if !part.is_empty() {
                                        dl += if comma { "," } else { "" };
                                        dl += sp;
                                        dl += part;
                                    }
                                }
                                let lead = EN_LEADS[n % EN_LEADS.len()];
                                out.push(Case {
                                    lang: "en",
                                    text: format!("{dl}{sp}{dash}{sp}{lead}{EN_BODY}"),
                                    lead: lead.to_string(),
                                    dateline: true,
                                    lower: false,
                                });
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Agencies no list holds, as acronyms in brackets after a date
/// (`RAJSHAHI, Dec 20, 2025 (BSS) - `, a WCXB dev page).
const EN_ACRONYMS: [&str; 4] = ["(BSS)", "(UNB)", "(PNA)", "(KCNA)"];

/// English datelines signed by an agency of no list: every place, every
/// date, every acronym, every dash.
fn acronym_datelines(out: &mut Vec<Case>) {
    for (n, place) in EN_PLACES.iter().enumerate() {
        for date in EN_DATES.iter().filter(|d| !d.is_empty()) {
            for acronym in EN_ACRONYMS {
                for dash in DASHES {
                    let lead = EN_LEADS[n % EN_LEADS.len()];
                    out.push(Case {
                        lang: "en",
                        text: format!("{place}, {date} {acronym} {dash} {lead}{EN_BODY}"),
                        lead: lead.to_string(),
                        dateline: true,
                        lower: false,
                    });
                }
            }
        }
    }
}

/// English datelines whose abbreviated region stands right before the
/// dash (`RENO, Nev. — `), every place, region, dash and space: the
/// segmenter once ended a sentence after `Nev.`.
fn abbreviated_region_datelines(out: &mut Vec<Case>) {
    for (n, place) in EN_PLACES.iter().enumerate() {
        for region in EN_REGIONS.iter().filter(|r| r.ends_with('.')) {
            for dash in DASHES {
                for sp in SPACES {
                    let lead = EN_LEADS[n % EN_LEADS.len()];
                    out.push(Case {
                        lang: "en",
                        text: format!("{place},{sp}{region}{sp}{dash}{sp}{lead}{EN_BODY}"),
                        lead: lead.to_string(),
                        dateline: true,
                        lower: false,
                    });
                }
            }
        }
    }
}

/// Russian datelines: a place, a date, and the agency's signature after
/// the dash, in brackets or between slashes (or none).
fn russian_datelines(out: &mut Vec<Case>) {
    let places = ["МОСКВА", "ВАШИНГТОН", "САНКТ-ПЕТЕРБУРГ", "НЬЮ-ЙОРК"];
    let dates = [
        "",
        "5 декабря",
        "5 дек",
        "5 декабря 2016 г.",
        "5 декабря 2016 года",
    ];
    let dashes = ["—", "–", "-"];
    let mut n = 0;
    for place in places {
        for date in dates {
            let head = if date.is_empty() {
                place.to_string()
            } else {
                format!("{place}, {date}")
            };
            for dash in dashes {
                for sign in [
                    format!("{head} {dash} "),
                    format!("{head} {dash} РИА Новости. "),
                    format!("{head} {dash} ТАСС. "),
                    format!("{head} (Рейтер) {dash} "),
                    format!("{head} (Интерфакс) {dash} "),
                    format!("{head} /ТАСС/. "),
                    format!("{head} /ТАСС/ {dash} "),
                ] {
                    n += 1;
                    let lead = RU_LEADS[n % RU_LEADS.len()];
                    out.push(Case {
                        lang: "ru",
                        text: format!("{sign}{lead}{RU_BODY}"),
                        lead: lead.to_string(),
                        dateline: true,
                        lower: false,
                    });
                }
            }
        }
    }
}

/// Persian datelines: a place, a date after `،`, and the agency after
/// the dash or in brackets before it.
fn persian_datelines(out: &mut Vec<Case>) {
    let places = ["تهران", "مشهد", "بندر عباس"];
    let dates = ["", "۱۵ آذر", "۱۵ آذر ۱۳۹۵"];
    let dashes = ["-", "–"];
    let mut n = 0;
    for place in places {
        for date in dates {
            let head = if date.is_empty() {
                place.to_string()
            } else {
                format!("{place}، {date}")
            };
            for dash in dashes {
                let mut signs = vec![
                    format!("{head} {dash} ایرنا {dash} "),
                    format!("{head} (ایرنا) {dash} "),
                    format!("{head} (خبرگزاری مهر) {dash} "),
                    format!("{head} {dash} ایسنا {dash} "),
                ];
                if date.is_empty() {
                    signs.push(format!("{head}{dash} ایرنا{dash} "));
                }
                for sign in signs {
                    n += 1;
                    let lead = FA_LEADS[n % FA_LEADS.len()];
                    out.push(Case {
                        lang: "fa",
                        text: format!("{sign}{lead}{FA_BODY}"),
                        lead: lead.to_string(),
                        dateline: true,
                        lower: false,
                    });
                }
            }
        }
    }
}

/// Sentences that open with capitals, a bracket or a dash but no dateline:
/// an acronym with an aside in brackets or between dashes, a list of
/// countries, a place that is the subject. Every word must stay.
fn non_datelines(out: &mut Vec<Case>) {
    let subjects = ["NATO", "NASA", "AIDS", "EU", "UN", "FBI", "IBM", "WHO"];
    let asides = [
        "(the space agency)",
        "(acquired immune deficiency syndrome)",
        "(United Nations)",
        "(NYSE: IBM)",
        "(which runs the station)",
        "(Two)",
        "(WHO)",
        "(HIV)",
    ];
    let tails = [
        "which runs the station said on Tuesday that the launch would be delayed by a week.",
        "a body of experts warned that the budget for public transport was far too small.",
        // A capital after the dash, as after a dateline: only the bracket
        // or the subject tells these apart.
        "A body of experts warned that the budget for public transport was far too small.",
        "Officials said on Tuesday that the launch would be delayed by a week.",
    ];
    let mut n = 0;
    let mut push = |lang: &'static str, lead: String, n: &mut usize| {
        *n += 1;
        let body = match lang {
            "ru" => RU_BODY,
            "fa" => FA_BODY,
            _ => EN_BODY,
        };
        out.push(Case {
            lang,
            text: format!("{lead}{body}"),
            lead,
            dateline: false,
            lower: false,
        });
    };
    for subject in subjects {
        for (a, aside) in asides.iter().enumerate() {
            for (d, dash) in DASHES.iter().enumerate() {
                let sp = SPACES[(a + d) % SPACES.len()];
                let tail = tails[(a + d) % tails.len()];
                push(
                    "en",
                    format!("{subject}{sp}{aside}{sp}{dash}{sp}{tail}"),
                    &mut n,
                );
            }
        }
        for (d, dash) in DASHES.iter().enumerate() {
            // A bare subject in capitals before a dash and a capital is a
            // dateline's shape (`NATO — Officials said` as `TEHRAN —
            // Officials said`): only a small letter after it tells.
            let tail = tails[d % 2];
            push("en", format!("{subject} {dash} {tail}"), &mut n);
            push(
                "en",
                format!(
                    "{subject} officials {dash} who declined to be named {dash} said the talks had failed."
                ),
                &mut n,
            );
        }
        push(
            "en",
            format!("{subject} said on Monday that the talks had failed in Geneva."),
            &mut n,
        );
        push(
            "en",
            format!("{subject}, France and Germany agreed to extend the talks until March."),
            &mut n,
        );
        push(
            "en",
            format!("{subject}, Many Parisians left the city before the storm on Sunday."),
            &mut n,
        );
        push(
            "en",
            format!("The {subject} (United Nations) said the talks had failed in Geneva."),
            &mut n,
        );
    }
    more_non_datelines(out);
}

/// Openings with a dash that go on as a sentence, in English, Russian and
/// Persian (see [`non_datelines`]).
fn more_non_datelines(out: &mut Vec<Case>) {
    for dash in DASHES {
        push_non_dateline(
            out,
            "en",
            format!(
                "WASHINGTON is bracing for a storm {dash} the worst in years {dash} this week."
            ),
        );
        push_non_dateline(
            out,
            "en",
            format!(
                "BBC Two (Monday) {dash} a documentary about the floods in the north was shown."
            ),
        );
    }
    for dash in ["—", "–", "-"] {
        push_non_dateline(
            out,
            "ru",
            format!(
                "НАТО (Североатлантический альянс) {dash} военный блок, который объявил о новых учениях."
            ),
        );
        push_non_dateline(
            out,
            "ru",
            "США, Франция и Германия договорились продлить переговоры до марта.".to_string(),
        );
        push_non_dateline(
            out,
            "ru",
            format!("ООН {dash} как заявили в понедельник {dash} продлит миссию ещё на год."),
        );
        push_non_dateline(
            out,
            "fa",
            format!("ایران {dash} عراق دیدار کردند و درباره بودجه تازه حمل و نقل گفتگو کردند."),
        );
        push_non_dateline(
            out,
            "fa",
            format!("سازمان ملل (یونسکو) {dash} که در پاریس است {dash} بودجه تازه را تصویب کرد."),
        );
    }
}

/// Agencies whose signature makes words in small letters a dateline.
const SIGNATURES: [&str; 10] = [
    "(reuters)",
    "(ap)",
    "(afp)",
    "(cnn)",
    "(upi)",
    "(xinhua)",
    "риа новости",
    "тасс",
    "интерфакс",
    "(рейтер)",
];

/// The English and Russian datelines an agency signs, with their stories
/// all in small letters (`москва, 5 декабря — риа новости. городской …`),
/// and the openings that are no datelines, in small letters too.
fn lowercased(cases: &[Case]) -> Vec<Case> {
    cases
        .iter()
        .filter(|c| c.lang == "en" || c.lang == "ru")
        .filter(|c| {
            let at = c.text.find(&c.lead).unwrap_or(0);
            let dateline = c.text[..at].to_lowercase();
            !c.dateline || SIGNATURES.iter().any(|a| dateline.contains(a))
        })
        .map(|c| Case {
            lang: c.lang,
            text: c.text.to_lowercase(),
            lead: c.lead.to_lowercase(),
            dateline: c.dateline,
            lower: true,
        })
        .collect()
}

/// Adds a story whose lead `lead` opens with no dateline.
fn push_non_dateline(out: &mut Vec<Case>, lang: &'static str, lead: String) {
    let body = match lang {
        "ru" => RU_BODY,
        "fa" => FA_BODY,
        _ => EN_BODY,
    };
    out.push(Case {
        lang,
        text: format!("{lead}{body}"),
        lead,
        dateline: false,
        lower: false,
    });
}

/// The first brief sentence of every case, in order, from one run of the
/// real binary per language.
fn briefs(cases: &[Case]) -> Vec<String> {
    let items: Vec<serde_json::Value> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| serde_json::json!({"id": i.to_string(), "lang": c.lang, "text": c.text}))
        .collect();
    summarize_batch(&items, &["--sentences", "1"])
        .iter()
        .map(|v| {
            v["summary"][0]["text"]
                .as_str()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn every_generated_dateline_is_skipped_and_no_other_opening_is_cut() {
    let report = std::env::var_os("BRIEF_MUTATION_REPORT").is_some();
    let mut cases = Vec::new();
    english_datelines(&mut cases);
    acronym_datelines(&mut cases);
    abbreviated_region_datelines(&mut cases);
    russian_datelines(&mut cases);
    persian_datelines(&mut cases);
    non_datelines(&mut cases);
    let lower = lowercased(&cases);
    cases.extend(lower);
    let got = briefs(&cases);
    let mut failures = Vec::new();
    let mut counts: Vec<(&str, bool, usize, usize, &str)> = Vec::new();
    for (case, brief) in cases.iter().zip(&got) {
        let ok = if case.lower {
            brief.starts_with(&case.lead)
        } else {
            *brief == case.lead
        };
        let label = if case.lower { "small letters" } else { "" };
        let row = match counts
            .iter()
            .position(|r| r.0 == case.lang && r.1 == case.dateline && r.4 == label)
        {
            Some(r) => r,
            None => {
                counts.push((case.lang, case.dateline, 0, 0, label));
                counts.len() - 1
            }
        };
        counts[row].2 += 1;
        if !ok {
            counts[row].3 += 1;
            // The planted opening (all of the lead for a non-dateline).
            let at = case.text.find(&case.lead).unwrap_or(0);
            let start: String = case.lead.chars().take(20).collect();
            let opening = format!("{}{start}", &case.text[..at]);
            failures.push(format!("{opening:?}…\n    => {brief:?}"));
        }
    }
    if report {
        for (lang, dateline, total, wrong, label) in &counts {
            let kind = if *dateline {
                "datelines"
            } else {
                "non-datelines"
            };
            eprintln!("{lang} {kind} {label}: {total} generated, {wrong} wrong");
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} briefs do not open with the planted lead:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
