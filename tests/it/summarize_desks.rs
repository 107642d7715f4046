//! A news site's section path and desk before the story (`ورزش > تورنمنت -
//! …`, `جهان > اروپا- همشهری آنلاین:` on a line of its own, `حمل و نقل -
//! گروه شهری: …`, `سرویس بین الملل ـ …`: Hamshahri and other Persian
//! sites, a sixth of the Pasokh documents; held-out Pasokh sets come from
//! the same sites). Generated paths of every shape (sections, arrows,
//! dashes, desks and names, on the lead's line or their own) must leave a
//! one-sentence brief that is exactly the lead, and no path as the title.
//! Leads that hold dashes of their own keep every word.
//!
//! `BRIEF_MUTATION_REPORT=1` prints the counts.

use crate::common::{Rng, assert_none_wrong, summarize_batch};

const SECTIONS: &[&str] = &[
    "ورزش",
    "جهان",
    "کتاب",
    "سینما و تلویزیون",
    "حمل \u{200c}و\u{200c} نقل",
    "پلیس",
    "اجتماع",
    "سلامت",
];
const SUBSECTIONS: &[&str] = &[
    "تورنمنت",
    "اروپا",
    "کتابخوانی",
    "جشنواره",
    "مقررات",
    "پلیس راهنمایی",
    "عمومی",
    "نهادها",
];
const ARROWS: &[&str] = &[" > ", " › "];
const DASHES: &[&str] = &[" - ", "- ", " – ", " — ", " ـ "];
/// Desks and names that end a line of their own.
const LINE_DESKS: &[&str] = &[
    "همشهری آنلاین:",
    "همشهری\u{200c}آنلاین:",
    "گروه اجتماعی:",
    "گروه ادب و هنر:",
    "علیرضا اسماعیلی*:",
    "سرهنگ دکتر علیرضا اسماعیلی*:",
    "گروه ادب وهنر - بهاره اسماعیل\u{200c}زاده:",
];
/// Desks that may open the lead's line.
const DESKS: &[&str] = &["گروه شهری:", "گروه اجتماعی:", "گروه بین\u{200c}الملل:"];
const SERVICES: &[&str] = &["سرویس بین الملل", "سرویس سیاسی", "گروه اقتصادی"];

const LEADS: &[&str] = &[
    "بهداد سلیمی، قوی‌ترین مرد جهان، بر سکوی نخست دسته فوق‌سنگین بازی‌های آسیایی ایستاد.",
    "معاون امور اجتماعی شهرداری تهران برنامه‌های هفته کتاب را اعلام کرد.",
    "محمد خزاعی ـ دبیر جشنواره فیلم فجر ـ از برگزاری مراسم پایانی در روز شنبه خبر داد.",
    "رئیس پلیس راهنمایی و رانندگی گفت: آموزش رانندگان جوان از سال آینده تغییر می‌کند.",
];
const BODY: &str = "این برنامه از هفته آینده در همه استان‌ها اجرا می‌شود. \
    مسئولان امیدوارند که شمار شرکت‌کنندگان امسال دو برابر شود. \
    گزارش کامل این طرح در پایان سال منتشر خواهد شد.";

/// One of `items`, as `&str` (`Rng::pick` gives `&&str`).
fn word(rng: &mut Rng, items: &[&'static str]) -> &'static str {
    items[rng.below(items.len())]
}

/// One path with perhaps a desk, and whether it stands on a line of its own.
fn path(rng: &mut Rng) -> (String, bool) {
    let dash = *rng.pick(DASHES);
    if rng.chance(20) {
        // A desk of the agency first: `سرویس بین الملل ـ …`.
        return (format!("{}{dash}", rng.pick(SERVICES)), false);
    }
    let mut p = rng.pick(SECTIONS).to_string();
    let arrows = if rng.chance(15) { 0 } else { 1 + rng.below(2) };
    for _ in 0..arrows {
        p.push_str(word(rng, ARROWS));
        p.push_str(word(rng, SUBSECTIONS));
    }
    p.push_str(dash);
    if arrows == 0 {
        // A section alone needs a desk after it: `حمل و نقل - گروه شهری: …`.
        p.push_str(word(rng, DESKS));
        p.push(' ');
        return (p, false);
    }
    match rng.below(3) {
        0 => (p, false),
        1 => {
            p.push_str(word(rng, DESKS));
            p.push(' ');
            (p, false)
        }
        _ => {
            p.push_str(word(rng, LINE_DESKS));
            (p, true)
        }
    }
}

#[test]
fn section_paths_and_desks_are_never_brief_sentences_or_titles() {
    let mut rng = Rng(0x00DE_5C0F_FA00);
    let mut items = Vec::new();
    let mut leads = Vec::new();
    for k in 0..400 {
        let (p, own_line) = path(&mut rng);
        let lead = LEADS[k % LEADS.len()];
        let glue = if own_line { "\n" } else { "" };
        let text = format!("{}{glue}{lead}\n{BODY}", p);
        items.push(serde_json::json!({"id": k.to_string(), "lang": "fa", "text": text}));
        leads.push(lead);
    }
    let records = summarize_batch(&items, &["--sentences", "1"]);
    let mut wrong = Vec::new();
    for ((v, item), lead) in records.iter().zip(&items).zip(&leads) {
        let got = v["summary"][0]["text"].as_str().unwrap_or("");
        let title = v["title"].as_str().unwrap_or("");
        if got != *lead || title.contains(['>', '›']) || title.ends_with(':') {
            wrong.push(format!("{:?} -> {got:?} (title {title:?})", item["text"]));
        }
    }
    assert_none_wrong("section paths (briefs)", &wrong, items.len());
}

/// Leads alone: their own dashes and colons are no path.
#[test]
fn leads_with_dashes_keep_their_words() {
    let items: Vec<serde_json::Value> = LEADS
        .iter()
        .enumerate()
        .map(|(k, l)| serde_json::json!({"id": k.to_string(), "lang": "fa", "text": format!("{l}\n{BODY}")}))
        .collect();
    let records = summarize_batch(&items, &["--sentences", "1"]);
    for (v, lead) in records.iter().zip(LEADS) {
        assert_eq!(v["summary"][0]["text"].as_str(), Some(*lead));
    }
}
