//! Agency copy as archived (the New York Times and AP feeds of the DUC
//! collections, held-out clusters of the same kind) carries what is no
//! story: layout codes (`&QL;`, `&UR;`, `&LR;`) around its lines, notes to
//! editors (`ATTENTION EDITORS: …`, `(BEGIN OPTIONAL TRIM)`, `XXXX END OF
//! STORY`, `(Adds quote …)`, `ENDS`), syndication, agency, link and
//! reader-mail lines (`c.1998 N.Y. Times News Service`, `Xinhua News
//! Agency`, `SOURCE: Reuters`), first or between the story's lines, and
//! whole photo packages, one
//! caption a line (`(NYT38) VERO BEACH, Fla. -- Oct. 20, 1999 --
//! PEST-CONTROL-1-COX, 10-20 -- …`). Generated articles and clusters mix
//! them into a story at random: every brief sentence must be a story
//! sentence, whole and starting after its codes, and a headline is the
//! title without its codes. Story sentences that look like them stay.
//!
//! `BRIEF_MUTATION_REPORT=1` prints the counts.

use crate::common::{Rng, assert_none_wrong, summarize_batch};

const STORY: &[&str] = &[
    "Salmon runs along the Pacific coast fell to their lowest level in forty years, federal biologists reported on Monday.",
    "The decline has forced fishing towns from Oregon to Alaska to cut their seasons short.",
    "State officials said the dams on the Columbia River kill one fish in twenty on its way to the sea.",
    "A plan announced by the governors would spend two billion dollars over ten years on new fish ladders.",
    "Farmers who draw water from the rivers warned that the plan could cost them their crops.",
    "The House voted 10-20 on a smaller bill last year -- a defeat for the fishing lobby.",
    "Tribal leaders welcomed the plan but asked for a seat on the board that will oversee it.",
    "The fisheries service will decide next spring whether to list four more species as endangered.",
];
const HEADLINES: &[&str] = &[
    "Salmon runs fall to a forty-year low",
    "Governors unveil plan to save Pacific salmon",
];
const CODES: &[&str] = &["&QL;", "&UR;", "&LR;", "&QC;", "&QL; &QL;", "&UR; &QL;"];
const NOTES: &[&str] = &[
    "ATTENTION EDITORS: The following photos are part of tonight's New York Times Photo Package, moving Wednesday, 10/20/99.",
    "(BEGIN OPTIONAL TRIM)",
    "(END OPTIONAL TRIM)",
    "&QL; BEGIN OPTIONAL TRIM &QL;",
    "XXXX END OF STORY",
    "&QL; &QL; XXXX END OF STORY &QL;",
    "&UR; (Distributed by New York Times Special Features) &QL;",
    "(This article is excerpted from New Scientist, a weekly science magazine based in London.)",
    "Address questions to Garden Q&AMP;A, The New York Times, 229 West 43d St., New York 10036.",
    "Send questions to Home Help, The Daily News, P.O. Box 12, Dayton, Ohio 45401.",
    "(The Press Democrat in Santa Rosa, Calif., is part of the New York Times Regional Newspaper Group.)",
    "(Visit the Star-Telegram's online services on the World Wide Web: www.star-telegram.com)",
    "c.1998 N.Y. Times News Service",
    "Story Filed By Cox Newspapers",
    "For use by New York Times News Service clients.",
    "(mp/sg)",
    "ENDS",
    "-30-",
    "SOURCE: Reuters",
    "(Distributed by Scripps Howard News Service, http://www.shns.com.)",
    "Xinhua News Agency",
    "Reuters",
    "(Adds quote from minister in paragraph 4)",
    "http://www.noaa.gov",
    "(This story was corrected to fix the spelling of a name.)",
    "Send comments to the editor at letters@example.com.",
];
const PLACES: &[&str] = &[
    "VERO BEACH, Fla.",
    "MACAU",
    "SAN JOSE, Calif.",
    "MARCOVIA, Honduras",
];
const SLUGS: &[&str] = &[
    "PEST-CONTROL-1-COX",
    "ONLINE-AUCTIONS-2-COX",
    "MITCH-REBUILD-COX",
    "SALMON-PLAN-NYT",
];
const CAPTIONS: &[&str] = &[
    "Plant pathologist Daniel Chellemi, left, and an organic grower inspect a new soil treatment.",
    "Rita Galvez peers out the window of her new home in Marcovia with her son, Vicente, 9.",
    "Salmon crowd the fish ladder at Bonneville Dam on the Columbia River.",
];

/// A photo package's caption line: number, place, date, slug, caption,
/// perhaps a quote, the credit.
fn caption(rng: &mut Rng) -> String {
    format!(
        "(NYT{}) {} -- Oct. 20, 1999 -- {}{}, 10-20 -- {} ``I never dreamed of it,'' she says. ({} photo)",
        30 + rng.below(20),
        rng.pick(PLACES),
        if rng.chance(30) {
            "ADV. FOR SUN., OCT. 24 -- "
        } else {
            ""
        },
        rng.pick(SLUGS),
        rng.pick(CAPTIONS),
        rng.pick(&[
            "Randall Smith/Cox Newspapers",
            "Mike Williams/Cox Newspapers"
        ]),
    )
}

/// One wire article: perhaps a headline (perhaps with codes after it), the
/// story's sentences one a line in a random order, codes before or after
/// some, notes and captions between. Returns the text and its headline.
fn article(rng: &mut Rng) -> (String, Option<&'static str>) {
    let mut lines = Vec::new();
    let headline = rng.chance(50).then(|| *rng.pick(HEADLINES));
    if headline.is_none() && rng.chance(50) {
        // A note first, where a headline would stand.
        lines.push(rng.pick(NOTES).to_string());
    }
    if let Some(h) = headline {
        let codes = if rng.chance(50) { rng.pick(CODES) } else { "" };
        lines.push(format!("{h} {codes}").trim_end().to_string());
    }
    let mut order: Vec<usize> = (0..STORY.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    for &k in &order {
        if rng.chance(35) {
            lines.push(rng.pick(NOTES).to_string());
        }
        if rng.chance(20) {
            lines.push(caption(rng));
        }
        let before = if rng.chance(30) {
            format!("{} ", rng.pick(CODES))
        } else {
            String::new()
        };
        let after = if rng.chance(30) {
            format!(" {}", rng.pick(CODES))
        } else {
            String::new()
        };
        lines.push(format!("{before}{}{after}", STORY[k]));
    }
    (lines.join("\n"), headline)
}

#[test]
fn wire_codes_notes_and_captions_are_never_brief_sentences() {
    let mut rng = Rng(0x0077_15E0_C0DE);
    let mut items = Vec::new();
    let mut headlines = Vec::new();
    for k in 0..300 {
        // A third are clusters of two to four such articles.
        let n = if k % 3 == 0 { 2 + rng.below(3) } else { 1 };
        let docs: Vec<(String, Option<&str>)> = (0..n).map(|_| article(&mut rng)).collect();
        headlines.push((n == 1).then(|| docs[0].1).flatten());
        let texts: Vec<&str> = docs.iter().map(|(t, _)| t.as_str()).collect();
        items.push(serde_json::json!({"id": k.to_string(), "lang": "en", "documents": texts}));
    }
    let records = summarize_batch(&items, &["--sentences", "3"]);
    let mut wrong = Vec::new();
    let mut sentences = 0;
    for ((v, item), headline) in records.iter().zip(&items).zip(&headlines) {
        let summary = v["summary"].as_array().unwrap();
        if summary.is_empty() {
            wrong.push(format!("{}: empty brief", item["id"]));
        }
        for s in summary {
            sentences += 1;
            let text = s["text"].as_str().unwrap_or("");
            if !STORY.contains(&text) {
                wrong.push(format!("{}: {text:?}", item["id"]));
            }
        }
        if let Some(h) = headline
            && v["title"].as_str() != Some(*h)
        {
            wrong.push(format!("{}: title {:?}, not {h:?}", item["id"], v["title"]));
        }
    }
    assert_none_wrong("wire copy (brief sentences and titles)", &wrong, sentences);
}

/// Sentences of a story that share words with the notes or the caption
/// format are story: alone in a text, each is its own brief, whole.
#[test]
fn story_sentences_like_wire_notes_stay() {
    let like: &[&str] = &[
        "The House voted 10-20 on the bill -- a defeat for the speaker.",
        "The F-16-A jet -- a US-UK-FR design, 10-20 -- flew for the first time on Monday.",
        "Editors at the paper said the photo was taken in 1999 by a staff photographer.",
        "Readers sent questions about the plan to the council, which will answer them next week.",
        "The Q&AMP;A session with the minister lasted two hours on Monday.",
        "The end of the story came in 1999, when the factory closed for good.",
    ];
    let items: Vec<serde_json::Value> = like
        .iter()
        .enumerate()
        .map(|(k, t)| serde_json::json!({"id": k.to_string(), "lang": "en", "text": t}))
        .collect();
    let records = summarize_batch(&items, &["--sentences", "1"]);
    for (v, s) in records.iter().zip(like) {
        assert_eq!(v["summary"][0]["text"].as_str(), Some(*s), "{s}");
    }
}
