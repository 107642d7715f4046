//! Regression tests of the classes the generator of variants found
//! (`tests/it/segment_variants.rs`): each splits right with its rule and
//! wrongly with the rule switched off.

use crate::lang::Lang;
use crate::segment::tests::split;
use crate::segment::{AblatedRules, SegmentSettings, Segmenter};

/// The sentence count with `rule` switched off.
fn count_without(rule: &str, lang: Lang, text: &str) -> usize {
    let off = SegmentSettings {
        ablate: AblatedRules::parse(rule),
        ..Default::default()
    };
    Segmenter::new(lang, None, &off).segment(text).len()
}

#[test]
fn a_high_quote_closes_a_low_one() {
    let text = "Он ответил: „хорошо!“ Это правда.";
    assert_eq!(
        split(Lang::RU, text),
        ["Он ответил: „хорошо!“", "Это правда."]
    );
    assert_eq!(count_without("low-quotes", Lang::RU, text), 1);
    let en = "„It was great.“ The rest followed.";
    assert_eq!(split(Lang::EN, en).len(), 2);
    // With no low quote open, `“` opens as ever.
    assert_eq!(
        split(Lang::EN, "He said. “Yes,” she said."),
        ["He said.", "“Yes,” she said."]
    );
}

#[test]
fn an_ellipsis_that_closes_a_quotation_ends_the_sentence() {
    let text = "«Это было хорошо…» Это правда.";
    assert_eq!(split(Lang::RU, text), ["«Это было хорошо…»", "Это правда."]);
    assert_eq!(
        split(Lang::EN, "«It was great...» Then it rained.").len(),
        2
    );
    // Still open: the speech goes on.
    let open = "«Я думал… Нет, я был уверен», — признался он.";
    assert_eq!(split(Lang::RU, open), [open]);
}

#[test]
fn a_day_or_zone_after_a_clock_time_goes_on() {
    let text = "They saw the meeting at 5 p.m. Monday in the hall. It rained.";
    assert_eq!(
        split(Lang::EN, text),
        [
            "They saw the meeting at 5 p.m. Monday in the hall.",
            "It rained."
        ]
    );
    assert_eq!(count_without("clock-followers", Lang::EN, text), 3);
    let zone = "The long session closed at 7 p.m. EST on Friday. It rained.";
    assert_eq!(split(Lang::EN, zone).len(), 2);
    // A sentence starter still opens one.
    let end = "The train left the station at 5 p.m. The rest followed.";
    assert_eq!(split(Lang::EN, end).len(), 2);
}

#[test]
fn a_date_after_a_short_word_opens_a_sentence() {
    let text = "Он уехал на год. 12 мая он вернулся.";
    assert_eq!(
        split(Lang::RU, text),
        ["Он уехал на год.", "12 мая он вернулся."]
    );
    assert_eq!(count_without("date-after-word", Lang::RU, text), 1);
    let unit = "Мы прошли ок. 5 км. 12 мая всё кончилось.";
    assert_eq!(split(Lang::RU, unit).len(), 2);
    // A counted number and a prefix before a date stay.
    for one in [
        "Срок службы макс. 2-3 года по данным завода.",
        "Подробнее см. 12 мая в разделе новостей.",
    ] {
        assert_eq!(split(Lang::RU, one), [one]);
    }
}

#[test]
fn e_g_and_i_e_introduce_what_follows() {
    for text in [
        "Some papers, e.g. The Times, agreed.",
        "Pay the fee, i.e. The amount on the form.",
        "YOU NEED IT, I.E. YOU MUST PAY. IT IS THE LAW.",
    ] {
        let got = split(Lang::EN, text);
        assert!(
            !got[0].ends_with("e.g.") && !got[0].ends_with("i.e."),
            "{got:?}"
        );
        assert!(!got[0].ends_with("I.E."), "{got:?}");
    }
}

#[test]
fn capitals_a_counting_abbreviation_before_a_pronoun_ends() {
    let text = "НА МИТИНГ ПРИШЛИ 10 ТЫС. ЭТО ПРАВДА.";
    assert_eq!(
        split(Lang::RU, text),
        ["НА МИТИНГ ПРИШЛИ 10 ТЫС.", "ЭТО ПРАВДА."]
    );
    let counted = "НАСЕЛЕНИЕ ГОРОДА СОСТАВЛЯЕТ 300 ТЫС. ЧЕЛОВЕК ПО ДАННЫМ ПЕРЕПИСИ.";
    assert_eq!(split(Lang::RU, counted), [counted]);
}

#[test]
fn capitals_an_ellipsis_before_a_quote_ends() {
    let en = "IT WAS GREAT... \"YES,\" SHE SAID. THE REST FOLLOWED.";
    assert_eq!(
        split(Lang::EN, en),
        [
            "IT WAS GREAT...",
            "\"YES,\" SHE SAID.",
            "THE REST FOLLOWED."
        ]
    );
    let on = "HEART AND SOUL ... TO ALL OF YOU. THE REST FOLLOWED.";
    assert_eq!(split(Lang::EN, on).len(), 2);
}

#[test]
fn capitals_an_attribution_after_a_closed_quotation_goes_on() {
    for text in [
        "SHE TURNED TO HIM, \"THIS IS GREAT.\" SHE SAID.",
        "\"IS ANYONE THERE?\" SHE ASKED.",
        "«ЧТО ЖЕ ТЕПЕРЬ БУДЕТ?» СПРАШИВАЛИ ДРУГ ДРУГА ЖИТЕЛИ.",
    ] {
        let lang = if text.contains('«') {
            Lang::RU
        } else {
            Lang::EN
        };
        assert_eq!(split(lang, text), [text]);
        assert_eq!(count_without("attribution", lang, text), 2);
    }
    // Not an attribution: no verb of saying, or more words before the mark.
    let smiley = "ГОВОРИ УЖЕ ДЛЯ ЧЕГО ЕЩЕ МАСКИ!!!)))) ЗАИНТРИГОВАЛА!";
    assert_eq!(split(Lang::RU, smiley).len(), 2);
    let period = "КАК НА ПЛАКАТЕ «ТЫ ЗАПИСАЛСЯ ДОБРОВОЛЬЦЕМ?». ЕСЛИ В ЖИВОПИСИ ТАК.";
    assert_eq!(split(Lang::RU, period).len(), 2);
    for text in [
        "\"THIS IS GREAT.\" SHE LEFT THE ROOM AT ONCE.",
        "\"THIS IS GREAT.\" SHE SAID IT TWICE TO EVERYONE.",
    ] {
        assert_eq!(split(Lang::EN, text).len(), 2, "{text}");
    }
}

#[test]
fn units_after_a_number_go_on_before_lowercase() {
    let text = "She is 5 ft. 2 in. tall and thin. The rest followed.";
    assert_eq!(
        split(Lang::EN, text),
        ["She is 5 ft. 2 in. tall and thin.", "The rest followed."]
    );
    assert_eq!(count_without("unit-abbreviations", Lang::EN, text), 3);
    // Sentence-final units still end before a starter; `in` without a
    // number is a word.
    assert_eq!(split(Lang::EN, "It is 2 in. The rest followed.").len(), 2);
    assert_eq!(split(Lang::EN, "The board is 5 ft. It is heavy.").len(), 2);
    assert_eq!(
        split(Lang::EN, "it was the one we lived in. then we left").len(),
        2
    );
}

#[test]
fn a_zone_after_a_clock_time_ends_before_a_capital() {
    let text = "The call came at 7 p.m. EST. Mr. Jones said it was late.";
    assert_eq!(
        split(Lang::EN, text),
        [
            "The call came at 7 p.m. EST.",
            "Mr. Jones said it was late."
        ]
    );
    assert_eq!(count_without("zone-ends", Lang::EN, text), 1);
    for text in [
        "The talks began at 9 a.m. Jan. 5 in Paris.",
        "The store is est. 1850 and Mr. Jones runs it.",
        "The session closed at 7 p.m. EST on Friday.",
    ] {
        assert_eq!(split(Lang::EN, text), [text]);
    }
    let clock = "The plane landed at 19:00 ET. Mr. Jones was on it.";
    assert_eq!(split(Lang::EN, clock).len(), 2);
}

#[test]
fn capitals_a_title_after_a_clock_time_that_closes_a_clause() {
    let text = "HE LEFT THE OFFICE AT 6 P.M. MR. SMITH STAYED THERE.";
    assert_eq!(
        split(Lang::EN, text),
        ["HE LEFT THE OFFICE AT 6 P.M.", "MR. SMITH STAYED THERE."]
    );
    assert_eq!(count_without("title-after-clock", Lang::EN, text), 1);
    // As in ordinary case: a short clause goes on.
    for text in [
        "AT 6 P.M. MR. SMITH LEFT THE OFFICE FOR HOME.",
        "At 6 p.m. Mr. Smith left the office for home.",
    ] {
        assert_eq!(split(Lang::EN, text), [text]);
    }
    assert_eq!(
        split(
            Lang::EN,
            "He left the office at 6 p.m. Mr. Smith stayed there."
        )
        .len(),
        2
    );
}

#[test]
fn a_russian_abbreviation_before_a_quoted_name_goes_on() {
    let text = "Он каждый день читал газ. «Правда» и журн. „Огонёк“ дома.";
    assert_eq!(split(Lang::RU, text), [text]);
    assert_eq!(count_without("quote-prefixes", Lang::RU, text), 3);
    // Before a word the usual rules decide: "газ" is also "gas".
    assert_eq!(split(Lang::RU, "Купили газ. Потом ушли.").len(), 2);
}

#[test]
fn capitals_a_present_tense_and_its_pronoun_are_the_authors_words() {
    let text = "— ГДЕ ТЫ ВИДИШЬ ТАМ РОГА? — КРИЧУ Я. ОН МОЛЧИТ И СМОТРИТ.";
    assert_eq!(
        split(Lang::RU, text),
        [
            "— ГДЕ ТЫ ВИДИШЬ ТАМ РОГА? — КРИЧУ Я.",
            "ОН МОЛЧИТ И СМОТРИТ."
        ]
    );
    assert_eq!(count_without("author-present", Lang::RU, text), 2);
    let she = "— КТО ТАМ СТОИТ У ДВЕРИ? — СПРАШИВАЕТ ОНА, НЕ ОБОРАЧИВАЯСЬ.";
    assert_eq!(split(Lang::RU, she), [she]);
    // A pronoun that does not agree is a reply; a past tense without a
    // dash may stand before an initial.
    let reply = "— КТО ЭТО ТАМ СТОИТ? — БРАТ Я. ОН МОЛЧИТ И СМОТРИТ.";
    assert_eq!(split(Lang::RU, reply).len(), 2);
    let initial = "ОБ ЭТОМ ПИСАЛ Я. СМИРНОВ В ГАЗЕТЕ ЗА ПРОШЛЫЙ ГОД.";
    assert_eq!(split(Lang::RU, initial), [initial]);
}

#[test]
fn a_persian_era_marker_after_the_verb_ends_the_sentence() {
    let text = "این بنا ساخته شد در سال ۵۰۰ ق.م. او آن را دید.";
    assert_eq!(
        split(Lang::FA, text),
        ["این بنا ساخته شد در سال ۵۰۰ ق.م.", "او آن را دید."]
    );
    assert_eq!(count_without("era-ends", Lang::FA, text), 1);
    let label = "تاریخ ساخت: ۵۰۰ ق.م. این بنا بزرگ است.";
    assert_eq!(split(Lang::FA, label).len(), 2);
    for one in [
        "این بنا در سال ۵۰۰ ق.م. ساخته شد.",
        "او گفت در سال ۵۰۰ ق.م. این بنا ساخته شد.",
        "این بنا ساخته شد در سال ۵۰۰ ق.م. و سپس ویران شد.",
    ] {
        assert_eq!(split(Lang::FA, one), [one]);
    }
}
