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
