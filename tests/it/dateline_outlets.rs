//! Datelines in the shapes of outlets the first generator
//! (`dateline_variants`) does not print: a place closed by a colon (`NEW
//! DELHI: `, `MUMBAI, Dec 5: `, as South Asian papers open a story), a
//! date signed by an agency without a place (`Dec 5 (Reuters) - `), a dash
//! run into the lead (`SYDNEY (Reuters) -The`), a place in small letters
//! with a region or a date (`Nairobi, Kenya – `, `Санкт-Петербург, 5
//! декабря — `), a region of three words (`DUBAI, United Arab Emirates
//! (AP) — `), a press-release wire (`/PRNewswire/ -- `, `--(BUSINESS
//! WIRE)--`), a date and time signed after the dash (`5 декабря 2016, 12:03
//! — REGNUM `), and a Persian agency alone or closed by a colon (`ایرنا - `,
//! `خبرگزاری فارس: `). Each is planted before the lead of a story, with and
//! without a headline line above it, and the real binary's one-sentence
//! brief must be exactly the lead. Openings that only look like these
//! (`Meanwhile, Sarah Jones – The …`, `Q: …`, `Dec 5 was …`) must keep
//! every word. `BRIEF_MUTATION_REPORT=1` prints the counts.

use crate::common::{RANKINGS, assert_none_wrong, summarize_batch, summary_texts, transport_story};

const DASHES: [&str; 4] = ["-", "--", "–", "—"];

/// An opening planted before a story's lead, and whether it is a dateline
/// (the brief starts after it) or the start of the sentence (it stays).
struct Opening {
    lang: &'static str,
    text: String,
    dateline: bool,
}

fn dateline(lang: &'static str, text: String) -> Opening {
    Opening {
        lang,
        text,
        dateline: true,
    }
}

fn english(out: &mut Vec<Opening>) {
    // A place in capitals closed by a colon, perhaps with a date.
    for place in [
        "NEW DELHI",
        "ISLAMABAD",
        "MUMBAI",
        "DHAKA",
        "KARACHI",
        "KOLKATA",
    ] {
        for date in ["", ", Dec 5", ", December 5", ", DECEMBER 5", " (Dec 5)"] {
            out.push(dateline("en", format!("{place}{date}: ")));
        }
    }
    for dash in DASHES {
        // A date signed by an agency, no place.
        for date in ["Dec 5", "Dec. 5", "December 5, 2016", "Jan 24"] {
            for agency in ["(Reuters)", "(AP)", "(Bloomberg)", "(AFP)"] {
                out.push(dateline("en", format!("{date} {agency} {dash} ")));
            }
        }
        // The dash run into the lead.
        for head in [
            "SYDNEY (Reuters)",
            "WASHINGTON",
            "LONDON, Dec 5 (Reuters)",
            "BEIJING, Dec. 5 (Xinhua)",
        ] {
            out.push(dateline("en", format!("{head} {dash}")));
        }
        // A place in small letters with a region or a date.
        for head in [
            "Nairobi, Kenya",
            "Tokyo, Japan",
            "Kabul, Afghanistan",
            "New Delhi, India",
            "Buenos Aires, Argentina",
            "Gaza City, Gaza",
            "Moscow, 5 December",
            "Nairobi, Dec 5",
            "Moscow, 5 December (Interfax)",
            "Nairobi, Kenya (AP)",
        ] {
            out.push(dateline("en", format!("{head} {dash} ")));
        }
        // A region of three words, or two with a small word between.
        for head in [
            "DUBAI, United Arab Emirates",
            "PORT MORESBY, Papua New Guinea",
            "SANTO DOMINGO, Dominican Republic",
            "SARAJEVO, Bosnia and Herzegovina",
            "PORT OF SPAIN, Trinidad and Tobago",
        ] {
            for agency in ["", " (AP)"] {
                out.push(dateline("en", format!("{head}{agency} {dash} ")));
            }
        }
    }
    // Press-release wires.
    for wire in [
        "/PRNewswire/",
        "/CNW/",
        "/PRNewswire-Asia/",
        "/EINPresswire/",
    ] {
        for head in ["LONDON, Dec. 5, 2016", "NEW YORK, December 5, 2016"] {
            out.push(dateline("en", format!("{head} {wire} -- ")));
        }
    }
    for place in ["SAN FRANCISCO", "BOSTON", "NEW YORK"] {
        for wire in ["(BUSINESS WIRE)", "(GLOBE NEWSWIRE)"] {
            out.push(dateline("en", format!("{place}--{wire}--")));
        }
    }
}

fn russian(out: &mut Vec<Opening>) {
    for dash in ["—", "–", "-"] {
        for place in [
            "Москва",
            "Санкт-Петербург",
            "Новосибирск",
            "Нижний Новгород",
        ] {
            for date in ["5 декабря", "5 дек", "5 декабря 2016 года"] {
                out.push(dateline("ru", format!("{place}, {date} {dash} ")));
                out.push(dateline(
                    "ru",
                    format!("{place}, {date} {dash} РИА Новости. "),
                ));
            }
        }
        for head in [
            "5 декабря 2016, 12:03",
            "Москва, 5 декабря 2016, 12:03",
            "05.12.2016 12:03",
        ] {
            out.push(dateline("ru", format!("{head} {dash} REGNUM ")));
            out.push(dateline("ru", format!("{head} {dash} ИА REGNUM. ")));
        }
    }
}

fn persian(out: &mut Vec<Opening>) {
    for dash in ["-", "–"] {
        for agency in ["ایرنا", "ایسنا", "ایلنا"] {
            out.push(dateline("fa", format!("{agency} {dash} ")));
            out.push(dateline("fa", format!("{agency}{dash} ")));
        }
        for place in ["تهران", "مشهد"] {
            for agency in ["پانا", "ایکنا", "ایبنا", "برنا"] {
                out.push(dateline("fa", format!("{place} ({agency}) {dash} ")));
            }
        }
    }
    for agency in ["خبرگزاری فارس", "خبرگزاری مهر", "ایرنا", "ایسنا"]
    {
        out.push(dateline("fa", format!("{agency}: ")));
    }
}

/// Openings in the same shapes that are the sentence's own words.
fn not_datelines(out: &mut Vec<Opening>) {
    let keep = |lang, text: &str| Opening {
        lang,
        text: text.to_string(),
        dateline: false,
    };
    for dash in DASHES {
        out.push(keep(
            "en",
            &format!("Meanwhile, Sarah Jones {dash} The Times' correspondent {dash} said that "),
        ));
        out.push(keep(
            "en",
            &format!("However, Mr Smith {dash} Labour's spokesman {dash} wrote that "),
        ));
        out.push(keep(
            "en",
            &format!("Dec 5 (the day of the vote) {dash} a Monday {dash} was when "),
        ));
        out.push(keep(
            "ru",
            &format!("Однако, Иван Петров {dash} глава комиссии {dash} сообщил, что "),
        ));
        out.push(keep(
            "ru",
            &format!("5 декабря {dash} в день голосования {dash} "),
        ));
    }
    out.push(keep("en", "Q: "));
    out.push(keep("en", "A: "));
    out.push(keep("en", "Note: "));
    out.push(keep("en", "Dec 5 was the day when "));
    out.push(keep("en", "On Dec 5 (Reuters reported) "));
    out.push(keep("ru", "5 декабря 2016 года "));
    out.push(keep("fa", "به گزارش ایرنا، "));
    out.push(keep("fa", "ایرنا گزارش داد "));
}

#[test]
fn datelines_of_more_outlets_are_skipped_and_look_alikes_kept() {
    let mut openings = Vec::new();
    english(&mut openings);
    russian(&mut openings);
    persian(&mut openings);
    not_datelines(&mut openings);
    let mut items = Vec::new();
    let mut expected = Vec::new();
    let mut kinds = Vec::new();
    for (n, o) in openings.iter().enumerate() {
        let (headline, sentences) = transport_story(o.lang);
        let lead = sentences[0];
        // A sentence's own opening runs into a lead in small letters.
        let lead = if o.dateline || o.text.ends_with(": ") {
            lead.to_string()
        } else {
            let mut cs = lead.chars();
            let first = cs.next().unwrap();
            first.to_lowercase().chain(cs).collect()
        };
        let body = sentences[1..].join(" ");
        for titled in [false, true] {
            let head = if titled {
                format!("{headline}\n\n")
            } else {
                String::new()
            };
            items.push(serde_json::json!({
                "id": format!("{n}-{titled}"),
                "lang": o.lang,
                "text": format!("{head}{}{lead} {body}", o.text),
            }));
            kinds.push(o.dateline);
            expected.push(if o.dateline {
                lead.clone()
            } else {
                format!("{}{lead}", o.text)
            });
        }
    }
    let briefs = summarize_batch(&items, &["--sentences", "1"]);
    let mut wrong = Vec::new();
    let (mut n_dl, mut n_keep, mut w_dl, mut w_keep) = (0, 0, 0, 0);
    for (((item, want), brief), &is_dateline) in
        items.iter().zip(&expected).zip(&briefs).zip(&kinds)
    {
        let got = brief["summary"][0]["text"].as_str().unwrap_or("").trim();
        if is_dateline {
            n_dl += 1;
        } else {
            n_keep += 1;
        }
        if got != want.trim() {
            if is_dateline {
                w_dl += 1;
            } else {
                w_keep += 1;
            }
            let text: String = item["text"]
                .as_str()
                .unwrap_or("")
                .chars()
                .take(90)
                .collect();
            wrong.push(format!("{text:?}\n    => {got:?}"));
        }
    }
    if std::env::var_os("BRIEF_MUTATION_REPORT").is_some() {
        eprintln!("datelines: {w_dl} wrong of {n_dl}; look-alikes: {w_keep} wrong of {n_keep}");
    }
    assert_none_wrong("dateline outlets", &wrong, items.len());
}

/// A lead, a sentence later in the story that restates it, and the rest of
/// the story, per language; and datelines to put before the lead.
type RestatedStory = (
    &'static str,
    &'static str,
    &'static str,
    [&'static str; 3],
    &'static [&'static str],
);

const RESTATED: [RestatedStory; 3] = [
    (
        "en",
        "Council approves new transport budget of four billion.",
        "Council approves four billion transport budget, officials say.",
        [
            "The plan adds three tram lines and 200 electric buses by the end of 2028.",
            "Fares will stay at 2 dollars for adults and 1 dollar for students.",
            "The mayor said the first tram line would open in the spring of 2027.",
        ],
        &[
            "NEW DELHI, Dec 5 (Reuters) - ",
            "WASHINGTON, December 9 (Xinhua) -- ",
            "DUBAI, United Arab Emirates (AP) — ",
            "NEW DELHI: ",
            "LONDON, Dec. 5, 2016 /PRNewswire/ -- ",
        ],
    ),
    (
        "ru",
        "Дума утвердила новый транспортный бюджет в четыре миллиарда.",
        "Дума утвердила транспортный бюджет в четыре миллиарда, сообщили чиновники.",
        [
            "План предусматривает три новые трамвайные линии и 200 электробусов.",
            "Стоимость проезда останется прежней для взрослых и студентов.",
            "Мэр сообщил, что первая линия откроется весной 2027 года.",
        ],
        &[
            "САНКТ-ПЕТЕРБУРГ, 5 декабря (Интерфакс) — ",
            "Москва, 5 декабря 2016, 12:03 — REGNUM ",
            "МОСКВА, 5 декабря — ",
        ],
    ),
    (
        "fa",
        "شورای شهر بودجه جدید چهار میلیاردی حمل و نقل را تصویب کرد.",
        "شورای شهر بودجه چهار میلیاردی حمل و نقل را تصویب کرد، مقام‌ها گفتند.",
        [
            "این طرح سه خط تراموا و ۲۰۰ اتوبوس برقی اضافه می‌کند.",
            "کرایه بزرگسالان و دانشجویان تغییر نمی‌کند.",
            "شهردار گفت نخستین خط تراموا در بهار افتتاح می‌شود.",
        ],
        &[
            "تهران، ۱۵ آذر ۱۳۹۵ (خبرگزاری مهر) - ",
            "تهران- ایرنا- ",
            "خبرگزاری فارس: ",
        ],
    ),
];

/// A lead after a dateline and a later sentence that restates it are a
/// repeat: the terms a sentence is ranked and compared by are those of what
/// the brief shows of it, not its dateline's (which once made the two
/// differ enough to be taken together). Every ranking, 3 sentences.
#[test]
fn a_lead_after_a_dateline_and_its_restatement_are_a_repeat() {
    let mut items = Vec::new();
    let mut pairs = Vec::new();
    for (lang, lead, restated, body, datelines) in RESTATED {
        for dateline in datelines {
            for at in [1, 2] {
                let mut story: Vec<&str> = body.to_vec();
                story.insert(at, restated);
                items.push(serde_json::json!({
                    "id": items.len().to_string(),
                    "lang": lang,
                    "text": format!("{dateline}{lead} {}", story.join(" ")),
                }));
                pairs.push((lead, restated));
            }
        }
    }
    let mut wrong = Vec::new();
    let mut n = 0;
    for algorithm in RANKINGS {
        let briefs = summarize_batch(&items, &["--algorithm", algorithm, "--sentences", "3"]);
        for ((lead, restated), brief) in pairs.iter().zip(&briefs) {
            n += 1;
            let texts = summary_texts(brief);
            if texts.iter().any(|t| t.trim() == *lead)
                && texts.iter().any(|t| t.trim() == *restated)
            {
                wrong.push(format!("{algorithm}: {lead:?} and {restated:?}"));
            }
        }
    }
    assert_none_wrong("restated leads", &wrong, n);
}
