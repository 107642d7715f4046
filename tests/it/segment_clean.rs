//! The project's own clean-text segmentation set, `tests/data/seg_clean.jsonl`:
//! Russian news and encyclopedic prose, Persian news and literary prose and
//! English web text, each paragraph with its gold sentences (written for the
//! project; see docs/segmentation.md). brief must keep the exact-match count
//! it reached, and stay clearly above plain UAX #29 in every language, so a
//! rule that starts misfiring on clean text fails here.

use std::collections::BTreeMap;
use std::path::Path;

use brief::{Lang, SegmentSettings, Segmenter};
use unicode_segmentation::UnicodeSegmentation;

/// Items brief must get exactly right, per language (what it reached), and
/// the margin in items it must keep over plain UAX #29.
const FLOORS: [(&str, usize, usize); 3] = [("en", 75, 24), ("ru", 218, 48), ("fa", 212, 62)];

struct Item {
    id: String,
    lang: String,
    text: String,
    expected: Vec<String>,
}

fn load() -> Vec<Item> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seg_clean.jsonl");
    let data = std::fs::read_to_string(&path).unwrap();
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            let v: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
            let field = |name: &str| {
                v[name]
                    .as_str()
                    .unwrap_or_else(|| panic!("{}:{}: no {name}", path.display(), n + 1))
                    .to_string()
            };
            Item {
                id: field("id"),
                lang: field("lang"),
                text: field("text"),
                expected: v["expected"]
                    .as_array()
                    .unwrap_or_else(|| panic!("{}:{}: no expected", path.display(), n + 1))
                    .iter()
                    .map(|s| s.as_str().unwrap().trim().to_string())
                    .collect(),
            }
        })
        .collect()
}

fn brief_sentences(seg: &Segmenter, text: &str) -> Vec<String> {
    seg.segment(text)
        .iter()
        .map(|s| s.text(text).to_string())
        .collect()
}

fn uax29_sentences(text: &str) -> Vec<String> {
    text.split_sentence_bounds()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_clean_text_set_is_well_formed() {
    let items = load();
    let mut per_lang: BTreeMap<&str, usize> = BTreeMap::new();
    let mut ids = std::collections::HashSet::new();
    for it in &items {
        assert!(ids.insert(it.id.as_str()), "{}: duplicate id", it.id);
        // The gold sentences, in order, are the whole text apart from
        // whitespace: a gold that does not match its text is a typo.
        let gold: String = it.expected.concat().split_whitespace().collect();
        let text: String = it.text.split_whitespace().collect();
        assert_eq!(gold, text, "{}: gold does not cover the text", it.id);
        *per_lang.entry(it.lang.as_str()).or_default() += 1;
    }
    assert!(per_lang["ru"] >= 40 && per_lang["fa"] >= 40 && per_lang["en"] >= 20);
}

#[test]
fn brief_keeps_its_score_and_beats_uax29_on_clean_text() {
    let items = load();
    let mut report = Vec::new();
    for (lang, floor, margin) in FLOORS {
        let seg = Segmenter::new(
            lang.parse::<Lang>().unwrap(),
            None,
            &SegmentSettings::default(),
        );
        let mut brief = 0;
        let mut uax29 = 0;
        let mut misses = Vec::new();
        for it in items.iter().filter(|it| it.lang == lang) {
            let got = brief_sentences(&seg, &it.text);
            if got == it.expected {
                brief += 1;
            } else {
                misses.push(format!("{}: {got:?}", it.id));
            }
            if uax29_sentences(&it.text) == it.expected {
                uax29 += 1;
            }
        }
        if brief < floor || brief < uax29 + margin {
            report.push(format!(
                "{lang}: brief {brief} (floor {floor}), UAX #29 {uax29} (margin {margin}); misses: {misses:#?}"
            ));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
