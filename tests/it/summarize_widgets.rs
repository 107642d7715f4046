//! A page's share widget run into the story's first sentence (`Share this
//! withEmailFacebookMessenger…Copy this linkResearchers found …`, a fifth of
//! the XSum dev articles) is furniture: generated widgets of every shape
//! (opening and closing phrases, services in any order and case, glued or
//! spaced, the story glued on or not) must leave a one-sentence brief that
//! is exactly the story's lead, its span starting after the widget. Story
//! sentences that open with the same words but hold no widget keep them.
//!
//! `BRIEF_MUTATION_REPORT=1` prints the counts.

use crate::common::{Rng, assert_none_wrong, brief, summarize_batch};

const OPENINGS: &[&str] = &[
    "Share this with",
    "Share this",
    "SHARE THIS WITH",
    "share this with",
    "Share with",
    "Share on",
];
const SERVICES: &[&str] = &[
    "Email",
    "Facebook",
    "Messenger",
    "Twitter",
    "Pinterest",
    "WhatsApp",
    "LinkedIn",
    "Linkedin",
    "Reddit",
    "Telegram",
    "X",
    "SMS",
];
const CLOSINGS: &[&str] = &["Copy this link", "Copy link", "Copy the link", "COPY LINK"];
const SEPARATORS: &[&str] = &["", " ", ", ", "\u{a0}"];
const GLUES: &[&str] = &["", " ", "\u{a0}", "\n"];

const LEADS: &[&str] = &[
    "Researchers found that four out of five children in England walk to school.",
    "The firm said it had signed a letter of intent to buy the rival business.",
    "Avon and Somerset Police closed the main road for several hours on Sunday.",
    "\"We will rebuild the bridge,\" the mayor told reporters on Monday.",
];
const BODY: &str = " Officials gave no further details about the plan. \
    The committee will discuss the matter again next month. \
    Critics said the decision came too late for many residents.";

/// Story sentences that open like a widget and must keep every word.
const NOT_WIDGETS: &[&str] = &[
    "Share prices in London fell sharply after the bank cut its forecast for the year.",
    "Share this with your neighbours, the council urged residents in a leaflet on Monday.",
    "Share this week's results with the board, the chairman told his staff on Tuesday.",
    "Share on the market rose to a record, and analysts said they would copy the link between rates and prices.",
];

/// One widget: opening, 1–12 services, closing, each part joined as a
/// page's markup may leave it.
fn widget(rng: &mut Rng) -> String {
    let mut w = rng.pick(OPENINGS).to_string();
    let sep = *rng.pick(SEPARATORS);
    w.push_str(if sep.is_empty() { "" } else { " " });
    let n = 1 + rng.below(12);
    let names: Vec<&str> = (0..n).map(|_| *rng.pick(SERVICES)).collect();
    w.push_str(&names.join(sep));
    w.push_str(sep);
    w.push_str(CLOSINGS[rng.below(CLOSINGS.len())]);
    w
}

/// The one-sentence briefs of `texts`, in order, with their spans.
fn briefs(texts: &[String]) -> Vec<(String, usize)> {
    let items: Vec<serde_json::Value> = texts
        .iter()
        .enumerate()
        .map(|(k, t)| serde_json::json!({"id": k.to_string(), "lang": "en", "text": t}))
        .collect();
    summarize_batch(&items, &["--sentences", "1"])
        .iter()
        .map(|v| {
            let s = &v["summary"][0];
            (
                s["text"].as_str().unwrap_or("").to_string(),
                s["start"].as_u64().unwrap_or(0) as usize,
            )
        })
        .collect()
}

#[test]
fn share_widgets_run_into_a_lead_are_never_brief_sentences() {
    let mut rng = Rng(0x005E_ED0F_5A4E);
    let mut texts = Vec::new();
    let mut expected = Vec::new();
    for k in 0..400 {
        let w = widget(&mut rng);
        let glue = *rng.pick(GLUES);
        let lead = LEADS[k % LEADS.len()];
        let text = format!("{w}{glue}{lead}{BODY}");
        expected.push((lead, w.len() + glue.len()));
        texts.push(text);
    }
    let got = briefs(&texts);
    let wrong: Vec<String> = got
        .iter()
        .zip(&expected)
        .zip(&texts)
        .filter(|((g, e), _)| g.0 != e.0 || g.1 != e.1)
        .map(|((g, _), t)| format!("{t:?} -> {:?} at {}", g.0, g.1))
        .collect();
    assert_none_wrong(
        "share widgets (briefs not opening with the lead)",
        &wrong,
        texts.len(),
    );
}

#[test]
fn sentences_that_open_like_a_widget_keep_their_words() {
    let texts: Vec<String> = NOT_WIDGETS.iter().map(|s| format!("{s}{BODY}")).collect();
    for (got, s) in briefs(&texts).iter().zip(NOT_WIDGETS) {
        // The planted sentence may or may not be chosen; when it is, whole.
        if got.0.split_whitespace().next() == s.split_whitespace().next() {
            assert_eq!(got.0, *s);
            assert_eq!(got.1, 0);
        }
    }
    // The same sentences as the lead of a text that holds nothing else.
    let alone: Vec<String> = NOT_WIDGETS.iter().map(|s| s.to_string()).collect();
    for (got, s) in briefs(&alone).iter().zip(NOT_WIDGETS) {
        assert_eq!((got.0.as_str(), got.1), (*s, 0));
    }
}

const CREDIT_HEADS: &[&str] = &[
    "Image",
    "Photo",
    "Photograph",
    "Picture",
    "Illustration",
    "Video",
    "Images",
    "Graphic",
];
const CREDIT_LINKS: &[&str] = &["by", "via", "courtesy of", "credit:", "from", ":"];
const CREDIT_NAMES: &[&str] = &[
    "Kotn",
    "Jane Doe/Reuters",
    "AFP | Getty Images",
    "John Smith for The Guardian",
    "Shutterstock",
    "NASA/JPL-Caltech",
    "Mary O'Neil (AP)",
];

/// Credit lines of every shape between a lead and its story: never a
/// brief sentence. Captions and sentences that open with the same words
/// but go on in small letters stay story.
#[test]
fn picture_credits_are_never_brief_sentences() {
    let mut rng = Rng(0x00C2_ED17_0001);
    let mut texts = Vec::new();
    let mut credits = Vec::new();
    for k in 0..300 {
        let link = *rng.pick(CREDIT_LINKS);
        let credit = format!(
            "{}{}{} {}{}",
            rng.pick(CREDIT_HEADS),
            if link == ":" { "" } else { " " },
            link,
            rng.pick(CREDIT_NAMES),
            if rng.below(2) == 0 { "." } else { "" }
        );
        let lead = LEADS[k % LEADS.len()];
        texts.push(format!("{lead}\n{credit}\n{}", BODY.trim()));
        credits.push(credit);
    }
    let items: Vec<serde_json::Value> = texts
        .iter()
        .enumerate()
        .map(|(k, t)| serde_json::json!({"id": k.to_string(), "lang": "en", "text": t}))
        .collect();
    let records = summarize_batch(&items, &["--sentences", "3"]);
    let mut wrong = Vec::new();
    for (v, credit) in records.iter().zip(&credits) {
        let held = v["summary"].as_array().unwrap().iter().any(|s| {
            s["text"]
                .as_str()
                .unwrap_or("")
                .contains(credit.trim_end_matches('.'))
        });
        if held {
            wrong.push(credit.clone());
        }
    }
    assert_none_wrong("picture credits (held in a brief)", &wrong, credits.len());
    // Sentences that open like a credit are story.
    for s in [
        "Video by the police shows the attack on the station.",
        "Photo by photo, the exhibition grew across the whole city.",
        "Images from the Hubble telescope show two galaxies colliding.",
    ] {
        let out = brief()
            .args(["summarize", "--sentences", "1", "-"])
            .write_stdin(format!("{s} {}", BODY.trim()))
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), s);
    }
}

/// Page widget labels a copied page keeps as lines of their own (first,
/// where a headline would stand, between the story's lines or last), in
/// three languages, any case, with or without a colon or a value: never a
/// brief sentence, never the title.
#[test]
fn page_widget_labels_are_never_brief_sentences_or_titles() {
    let langs: [(&str, &[&str], &[&str]); 3] = [
        (
            "en",
            &[
                "Share",
                "Most read",
                "Advertisement",
                "Related stories",
                "Tags: floods, rice",
                "Trending",
            ],
            &[
                "Officials said the flood waters had begun to recede on Tuesday after a week of rain.",
                "More than two thousand families were moved to schools on higher ground.",
                "Farmers fear that the loss of the harvest will push up prices across the region.",
            ],
        ),
        (
            "ru",
            &[
                "Поделиться",
                "Материалы по теме",
                "Реклама",
                "Версия для печати",
                "Теги: транспорт, бюджет",
                "Самое читаемое",
            ],
            &[
                "Городская дума во вторник утвердила бюджет на развитие общественного транспорта.",
                "На эти деньги город закупит сорок новых автобусов и отремонтирует два депо.",
                "Депутаты от оппозиции голосовали против и потребовали провести слушания.",
            ],
        ),
        (
            "fa",
            &[
                "اشتراک گذاری",
                "اخبار مرتبط",
                "برچسب‌ها: بودجه، اتوبوس",
                "نسخه چاپی",
                "زمان مطالعه: ۳ دقیقه",
                "پربازدیدترین‌ها",
            ],
            &[
                "شورای شهر تهران روز سه‌شنبه بودجه حمل و نقل عمومی را تصویب کرد.",
                "با این بودجه چهل اتوبوس تازه خریداری و دو توقفگاه بازسازی خواهد شد.",
                "گروهی از اعضای شورا با این طرح مخالفت کردند و خواستار جلسه عمومی شدند.",
            ],
        ),
    ];
    let mut rng = Rng(0x0009_A6E1_ABE1);
    let mut items = Vec::new();
    let mut stories = Vec::new();
    for k in 0..300 {
        let (lang, labels, story) = langs[k % 3];
        let mut lines: Vec<String> = story.iter().map(|s| s.to_string()).collect();
        for _ in 0..1 + rng.below(3) {
            let label = *rng.pick(labels);
            let label = match rng.below(4) {
                0 => label.to_uppercase(),
                1 if !label.contains(':') => format!("{label}:"),
                2 if !label.contains(':') => format!("{label}."),
                _ => label.to_string(),
            };
            let at = rng.below(lines.len() + 1);
            lines.insert(at, label);
        }
        items
            .push(serde_json::json!({"id": k.to_string(), "lang": lang, "text": lines.join("\n")}));
        stories.push(story);
    }
    let records = summarize_batch(&items, &["--sentences", "3"]);
    let mut wrong = Vec::new();
    for ((v, item), story) in records.iter().zip(&items).zip(&stories) {
        for s in v["summary"].as_array().unwrap() {
            let text = s["text"].as_str().unwrap_or("");
            if !story.contains(&text) {
                wrong.push(format!("{:?} -> {text:?}", item["text"]));
            }
        }
        if let Some(t) = v["title"].as_str() {
            wrong.push(format!("{:?} -> title {t:?}", item["text"]));
        }
    }
    assert_none_wrong(
        "page labels (brief sentences and titles)",
        &wrong,
        items.len(),
    );
}

/// Story lines that open with a label's word keep their words, and a
/// headline that opens with one is the title.
#[test]
fn lines_that_open_with_a_label_word_are_story() {
    let items = [
        (
            "en",
            "Share prices fell\nShare prices in London fell sharply after the bank cut its forecast.\nThe index lost two per cent.",
        ),
        (
            "ru",
            "Комментарии экспертов разошлись\nКомментарии экспертов к решению думы разошлись во вторник.\nРешение вступит в силу весной.",
        ),
        (
            "fa",
            "منبع آب شهر تمام شد\nمنبع آب شهر پس از سه ماه خشکسالی تمام شد.\nمسئولان از مردم خواستند در مصرف آب صرفه‌جویی کنند.",
        ),
    ];
    let json: Vec<serde_json::Value> = items
        .iter()
        .enumerate()
        .map(|(k, (lang, text))| serde_json::json!({"id": k.to_string(), "lang": lang, "text": text}))
        .collect();
    let records = summarize_batch(&json, &["--sentences", "1"]);
    for (v, (_, text)) in records.iter().zip(items) {
        let mut lines = text.lines();
        assert_eq!(v["title"].as_str(), lines.next(), "{text}");
        assert_eq!(v["summary"][0]["text"].as_str(), lines.next(), "{text}");
    }
}
