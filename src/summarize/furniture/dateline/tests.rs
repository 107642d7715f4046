use super::*;
use crate::resources::{builtin, entries};
use crate::tokenize::normalize_key;

fn dateline(text: &str, lang: Lang) -> &str {
    &text[..dateline_len(text, lang)]
}

#[test]
fn a_region_and_a_date_may_follow_the_place() {
    let en = Lang::EN;
    for (text, want) in [
        (
            "RENO, Nev., Dec 5 (AFP) – Snow fell.",
            "RENO, Nev., Dec 5 (AFP) – ",
        ),
        (
            "BEIRUT, Lebanon, Jan. 24, 2017 -- Snow fell.",
            "BEIRUT, Lebanon, Jan. 24, 2017 -- ",
        ),
        (
            "KYIV, Ukraine, January 24, 2017 - Snow fell.",
            "KYIV, Ukraine, January 24, 2017 - ",
        ),
        (
            "SANTA FE, New Mexico (AP) _ Snow fell.",
            "SANTA FE, New Mexico (AP) _ ",
        ),
        (
            "LONDON, Monday, Dec. 5 — Snow fell.",
            "LONDON, Monday, Dec. 5 — ",
        ),
    ] {
        assert_eq!(dateline(text, en), want, "{text}");
    }
}

#[test]
fn a_date_in_brackets_may_follow_the_place() {
    let en = Lang::EN;
    for (text, want) in [
        (
            "WASHINGTON\u{a0}(January 24, 2017)\u{a0}— Mindfulness meditation is popular.",
            "WASHINGTON\u{a0}(January 24, 2017)\u{a0}— ",
        ),
        ("ST. LOUIS (Dec. 5) — Snow fell.", "ST. LOUIS (Dec. 5) — "),
        (
            "WASHINGTON, D.C. (Dec 5) -- Snow fell.",
            "WASHINGTON, D.C. (Dec 5) -- ",
        ),
        (
            "LONDON (Dec 5) (Reuters) - Snow fell.",
            "LONDON (Dec 5) (Reuters) - ",
        ),
        ("PARIS (Monday) ― Snow fell.", "PARIS (Monday) ― "),
    ] {
        assert_eq!(dateline(text, en), want, "{text}");
    }
}

#[test]
fn a_bracket_counts_only_with_a_date_or_a_known_agency() {
    let en = Lang::EN;
    // A capital after the dash, as after a dateline: only the bracket
    // tells these apart from one.
    for text in [
        "NASA (the space agency) - Officials said so.",
        "AIDS (acquired immune deficiency syndrome) — A disease spread.",
        "IBM (NYSE: IBM) — Shares rose on Monday.",
        "EU (Two) - Leaders met.",
        "(Monday) - Snow fell.",
        "BBC Two (Monday) - A documentary about floods.",
        "UK, France and Germany agreed.",
        "WASHINGTON is bracing for a storm.",
    ] {
        assert_eq!(dateline_len(text, en), 0, "{text}");
    }
    // A station's call sign signs a dateline as an agency does.
    assert_eq!(
        dateline("NEW JERSEY  (WABC) -- A moving company closed.", en),
        "NEW JERSEY  (WABC) -- "
    );
    assert_eq!(dateline_len("UN (WHO) - A body of experts met.", en), 0);
    // After a date, any acronym in brackets is an agency's.
    assert_eq!(
        dateline(
            "RAJSHAHI, Dec 20, 2025 (BSS) - Homestead gardening grew.",
            en
        ),
        "RAJSHAHI, Dec 20, 2025 (BSS) - "
    );
    assert_eq!(
        dateline("DHAKA, March 5 (UNB) — Prices rose.", en),
        "DHAKA, March 5 (UNB) — "
    );
    assert_eq!(
        dateline_len("UN, March 5 (the agency) - Experts met.", en),
        0
    );
    // An agency of the list with words of its own name after it.
    assert_eq!(
        dateline("TEHRAN (Mehr News Agency) - Snow fell.", en),
        "TEHRAN (Mehr News Agency) - "
    );
}

#[test]
fn a_small_letter_after_the_dash_continues_the_sentence() {
    for (text, lang) in [
        (
            "KNIME — short for the Konstanz Information Miner — is free.",
            Lang::EN,
        ),
        ("NASA - which runs the station - said so.", Lang::EN),
        (
            "ООН — как заявили в понедельник — продлит миссию.",
            Lang::RU,
        ),
    ] {
        assert_eq!(dateline_len(text, lang), 0, "{text}");
    }
    assert_eq!(dateline("ООН — Миссию продлят.", Lang::RU), "ООН — ");
}

#[test]
fn russian_and_persian_datelines_with_a_date_or_a_bracketed_agency() {
    for (text, lang, want) in [
        (
            "МОСКВА, 5 декабря 2016 г. — РИА Новости. Цены выросли.",
            Lang::RU,
            "МОСКВА, 5 декабря 2016 г. — РИА Новости. ",
        ),
        (
            "ВАШИНГТОН, 5 дек — ТАСС. Цены выросли.",
            Lang::RU,
            "ВАШИНГТОН, 5 дек — ТАСС. ",
        ),
        (
            "МОСКВА (Рейтер) — Цены выросли.",
            Lang::RU,
            "МОСКВА (Рейтер) — ",
        ),
        (
            "تهران (ایرنا) - قیمت‌ها بالا رفت.",
            Lang::FA,
            "تهران (ایرنا) - ",
        ),
        (
            "تهران، ۱۵ آذر (ایرنا) - قیمت‌ها بالا رفت.",
            Lang::FA,
            "تهران، ۱۵ آذر (ایرنا) - ",
        ),
    ] {
        assert_eq!(dateline(text, lang), want, "{text}");
    }
    // A bracket of no agency is an aside in a script without case too.
    assert_eq!(dateline_len("ایران (عراق) - دیدار کردند.", Lang::FA), 0);
}

#[test]
fn calendar_words_are_sorted_unique_keys() {
    for lang in [Lang::EN, Lang::RU, Lang::FA] {
        let list: Vec<&str> = entries(builtin(lang, "calendar_words.txt")).collect();
        assert!(!list.is_empty(), "{lang}");
        assert!(
            list.windows(2).all(|w| w[0] < w[1]),
            "{lang} sorted, unique"
        );
        for e in &list {
            assert_eq!(*e, normalize_key(e, lang), "{lang}: {e} is a matching key");
        }
    }
}

#[test]
fn a_lead_reads_a_colon_or_a_region_after_a_place_in_small_letters() {
    let lead = |text: &'static str, lang| &text[..lead_dateline_len(text, lang)];
    for (text, want) in [
        ("NEW DELHI: The Centre approved it.", "NEW DELHI: "),
        ("MUMBAI, Dec 5: Rain fell.", "MUMBAI, Dec 5: "),
        ("KARACHI (Dec 5): Rain fell.", "KARACHI (Dec 5): "),
        ("Nairobi, Kenya – Rain fell.", "Nairobi, Kenya – "),
        ("Q: What fell? Rain.", ""),
        ("Note: Rain fell.", ""),
        ("Later, Sarah Jones – a spokeswoman – said so.", ""),
        ("However, Mr Smith – The Times man – said so.", ""),
    ] {
        assert_eq!(lead(text, Lang::EN), want, "{text}");
    }
    assert_eq!(
        lead("خبرگزاری فارس: باران بارید.", Lang::FA),
        "خبرگزاری فارس: "
    );
    // Further on, a colon is a speaker's and a region is a name's.
    for text in [
        "CURTS: If vouchers pass, it ends.",
        "Nairobi, Kenya – Rain fell.",
    ] {
        assert_eq!(dateline(text, Lang::EN), "", "{text}");
    }
}

#[test]
fn a_dated_signature_a_wire_and_a_dash_run_into_the_lead() {
    for (text, want) in [
        ("Dec 5 (Reuters) - Rain fell.", "Dec 5 (Reuters) - "),
        ("SYDNEY (Reuters) -Rain fell.", "SYDNEY (Reuters) -"),
        ("Moscow, 5 December — Rain fell.", "Moscow, 5 December — "),
        (
            "LONDON, Dec. 5, 2016 /PRNewswire/ -- Rain fell.",
            "LONDON, Dec. 5, 2016 /PRNewswire/ -- ",
        ),
        (
            "BOSTON--(BUSINESS WIRE)--Rain fell.",
            "BOSTON--(BUSINESS WIRE)--",
        ),
        (
            "DUBAI, United Arab Emirates (AP) — Rain fell.",
            "DUBAI, United Arab Emirates (AP) — ",
        ),
        (
            "SARAJEVO, Bosnia and Herzegovina — Rain fell.",
            "SARAJEVO, Bosnia and Herzegovina — ",
        ),
        ("Dec 5 (the vote) - Rain fell.", ""),
        ("LONDON /PRNewswire/ -- Rain fell.", ""),
    ] {
        assert_eq!(dateline(text, Lang::EN), want, "{text}");
    }
    for (text, want) in [
        (
            "5 декабря 2016, 12:03 — REGNUM Дождь шёл.",
            "5 декабря 2016, 12:03 — REGNUM ",
        ),
        (
            "Санкт-Петербург, 5 дек — Дождь шёл.",
            "Санкт-Петербург, 5 дек — ",
        ),
        ("5 декабря — в день выборов — шёл дождь.", ""),
    ] {
        assert_eq!(dateline(text, Lang::RU), want, "{text}");
    }
    assert_eq!(dateline("ایرنا - باران بارید.", Lang::FA), "ایرنا - ");
}
