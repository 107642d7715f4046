//! A web page's headline is the brief's title whatever its punctuation.
//! Before, only a first line without a sentence end was taken for a
//! headline: a page whose `<h1>` asks (`What is Digital Marketing?`),
//! exclaims (`Tested!`) or has two parts (`Need a Change? 7 Vital Tips…`)
//! had no title, and its headline, or a part of it, became the brief's first
//! sentence (100 of the 793 WCXB dev pages). Generated pages (title
//! shapes × a subheading repeating the title's first part × file, JSONL
//! `html` and an item's own title) must give the page's headline as the
//! title and no brief sentence that is the headline or a part of it.
//!
//! `BRIEF_MUTATION_REPORT=1` prints the counts.

use crate::common::{assert_none_wrong, brief, succeed};

const TITLES: &[&str] = &[
    "What is Digital Marketing?",
    "Tested!",
    "Need a Change? 7 Vital Tips on How to Rent a Car",
    "Meditation is not just for the soul! It helps heal the brain",
    "What is Catering? What is a Caterer? Types of Catering",
    "How Much Does a Home Remodel Cost in California? A Comprehensive Guide to Budgeting",
    "Who's Reading Your Newsletter? Increasingly, Not a Human.",
    "I Ran My Own Newsletter Through My AI Analysis Tool. Here's What I Found",
    "Tips for Online Success",
    "How To Use Gym Equipment (With Confidence!)",
];

const STORY: &[&str] = &[
    "Marketing is the practice of identifying and satisfying the needs of customers in many markets.",
    "Companies now spend more of their budgets online than on print and television together.",
    "Search engines, social media and email are the main channels that small firms rely on today.",
    "Analysts expect the share of online spending to keep growing over the next five years.",
    "Smaller firms often lack the staff to run campaigns on every channel at the same time.",
];

/// A page with `title` as its `<title>` (with the site's name) and `<h1>`,
/// and the story; with `subheading`, the title's first part again as an
/// `<h2>` before the third paragraph.
fn page(title: &str, subheading: bool) -> String {
    let esc = crate::common::xml_escape;
    let mut body = String::new();
    for (k, p) in STORY.iter().enumerate() {
        if subheading && k == 2 {
            let first = first_part(title);
            body.push_str(&format!("<h2>{}</h2>\n", esc(first)));
        }
        body.push_str(&format!("<p>{}</p>\n", esc(p)));
    }
    format!(
        "<!DOCTYPE html><html><head><title>{t} | Example Site</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/blog\">Blog</a></nav><article><h1>{t}</h1>\n{body}</article>\
         <footer>© 2025 Example Site</footer></body></html>",
        t = esc(title)
    )
}

/// The title up to its first sentence end (all of it when it has none).
fn first_part(title: &str) -> &str {
    title
        .find(['?', '!', '.'])
        .map_or(title, |at| &title[..=at])
}

/// The reasons `brief` (title, sentences) of a page titled `title` is wrong.
fn judge(title: &str, got_title: Option<&str>, sentences: &[String]) -> Vec<String> {
    let mut wrong = Vec::new();
    if got_title != Some(title) {
        wrong.push(format!("title {got_title:?}, not {title:?}"));
    }
    for s in sentences {
        if title.contains(s.trim()) {
            wrong.push(format!("{s:?} is (part of) the headline {title:?}"));
        }
    }
    wrong
}

fn sentences_of(v: &serde_json::Value) -> Vec<String> {
    v["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_pages_headline_is_the_title_whatever_its_punctuation() {
    let dir = tempfile::tempdir().unwrap();
    let mut wrong = Vec::new();
    let mut cases = 0;
    let mut batch = Vec::new();
    let mut expected = Vec::new();
    for (k, title) in TITLES.iter().enumerate() {
        for subheading in [false, true] {
            let html = page(title, subheading);
            // As a file.
            let path = dir.path().join(format!("p{k}{subheading}.html"));
            std::fs::write(&path, &html).unwrap();
            let out = succeed(
                brief()
                    .args(["summarize", "--format", "json", "--sentences", "3"])
                    .arg(&path),
            );
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            wrong.extend(judge(title, v["title"].as_str(), &sentences_of(&v)));
            cases += 1;
            // As a JSONL item's `html`.
            let id = format!("{k}-{subheading}");
            batch.push(serde_json::json!({"id": id, "html": html}));
            expected.push((id, *title));
        }
    }
    // An item's own title wins over the page's.
    batch.push(
        serde_json::json!({"id": "own", "title": "Our own title", "html": page(TITLES[0], false)}),
    );
    let lines = crate::common::summarize_batch(&batch, &["--sentences", "3"]);
    assert_eq!(lines.len(), expected.len() + 1);
    for (v, (id, title)) in lines.iter().zip(&expected) {
        assert_eq!(v["id"], *id);
        wrong.extend(judge(title, v["title"].as_str(), &sentences_of(v)));
        cases += 1;
    }
    assert_eq!(lines.last().unwrap()["title"], "Our own title");
    assert_none_wrong("page titles (briefs)", &wrong, cases);
}

/// The headline that reads as two sentences, and Persian targets for its
/// two units and the brief's two sentences.
const SPLIT_HEADLINE: &str = "Need a Change? 7 Vital Tips on How to Rent a Car";
const SPLIT_TARGETS: [&str; 4] = [
    "به تغییر نیاز دارید؟",
    "۷ نکته حیاتی درباره اجاره خودرو",
    "بازاریابی شناسایی و برآوردن نیازهای مشتریان در بازارهای بسیار است.",
    "شرکت‌ها اکنون بیشتر بودجه خود را به‌صورت برخط خرج می‌کنند تا در چاپ و تلویزیون.",
];

/// Exports a page titled [`SPLIT_HEADLINE`] to Persian TSV in `dir/out`
/// (a two-sentence brief) and returns the file.
fn export_split_headline(dir: &std::path::Path) -> String {
    std::fs::write(dir.join("p.html"), page(SPLIT_HEADLINE, false)).unwrap();
    crate::common::export_tsv(dir, "p.html", "fa", "2")
}

/// The translator sees the whole headline: a title that reads as several
/// sentences is exported as that many units before the brief's sentences,
/// and the filled export merges back with the title first.
#[test]
fn a_split_headline_is_exported_whole_and_merges_back() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = export_split_headline(dir.path());
    let sources = crate::common::tsv_sources(&tsv);
    assert_eq!(
        sources[..2],
        ["Need a Change?", "7 Vital Tips on How to Rent a Car"]
    );
    assert_eq!(sources.len(), 4, "{sources:?}");
    let filled = crate::common::fill(brief::Format::Tsv, &tsv, &SPLIT_TARGETS);
    std::fs::write(dir.path().join("out/brief.fa.tsv"), filled).unwrap();
    succeed(crate::common::brief_in(dir.path()).args([
        "merge",
        "out/brief.fa.tsv",
        "--format",
        "json",
    ]));
}

/// A title unit left untranslated is reported, not merged as done.
#[test]
fn an_untranslated_title_unit_fails_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = export_split_headline(dir.path());
    // The second title unit keeps an empty target.
    let mut targets = SPLIT_TARGETS;
    targets[1] = "";
    let filled = crate::common::fill(brief::Format::Tsv, &tsv, &targets);
    std::fs::write(dir.path().join("out/brief.fa.tsv"), filled).unwrap();
    let out = crate::common::brief_in(dir.path())
        .args(["merge", "out/brief.fa.tsv"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(report.contains("s2"), "names the unit: {report}");
}
