//! A line break is a line break whatever character writes it: LF, CRLF, a
//! lone CR (old Mac files), VT (a word processor's manual line break), FF,
//! NEL, U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR (JSON strings
//! from JavaScript, text copied from web pages). With U+2028 a headline ran
//! into its lead as one sentence, and text laid out one segment a line was
//! one long sentence. A seeded generator writes texts in English, Russian
//! and Persian (a headline, then the story one sentence a line or as
//! paragraphs), with each kind of break: segmentation and brief must be
//! those of the same text with LF, and every span must still slice the
//! text it was read from.
//!
//! `BRIEF_MUTATION_REPORT=1` prints the counts.

use crate::common::{Rng, assert_none_wrong, brief, succeed, summarize_batch, transport_story};

const BREAKS: [&str; 8] = [
    "\n", "\r\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{2028}", "\u{2029}",
];

/// A text with LF line breaks: the headline, then the story one sentence a
/// line, or in paragraphs of two sentences with blank lines between.
fn text(rng: &mut Rng, lang: &str) -> String {
    let (headline, s) = transport_story(lang);
    let mut out = format!("{headline}\n");
    if rng.chance(50) {
        out += &s.join("\n");
    } else {
        out += "\n";
        let paragraphs: Vec<String> = s.chunks(2).map(|p| p.join(" ")).collect();
        out += &paragraphs.join("\n\n");
    }
    out
}

/// `text` read back with every break written as LF.
fn as_lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace(
        ['\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}'],
        "\n",
    )
}

/// Each sentence's text, with its span checked against `text`.
fn segments(text: &str, lang: &str, wrong: &mut Vec<String>) -> Vec<String> {
    let out = succeed(
        brief()
            .args(["segment", "--format", "jsonl", "--lang", lang])
            .write_stdin(text.to_string()),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut misplaced = None;
    let read = v["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let t = s["text"].as_str().unwrap();
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            if text.get(start as usize..end as usize) != Some(t) {
                misplaced.get_or_insert(format!("{text:?}: span {start}..{end} is not {t:?}"));
            }
            as_lf(t)
        })
        .collect();
    wrong.extend(misplaced);
    read
}

#[test]
fn every_line_break_reads_as_lf() {
    let mut rng = Rng(0x11AE_B8EA_C001);
    let mut wrong = Vec::new();
    let mut items = Vec::new();
    let mut checked = 0;
    for k in 0..48 {
        let lang = *rng.pick(&["en", "ru", "fa"]);
        let lf = text(&mut rng, lang);
        let want = segments(&lf, lang, &mut wrong);
        for brk in BREAKS {
            let t = lf.replace('\n', brk);
            if brk == "\n" {
                items.push(serde_json::json!({"id": format!("{k}:LF"), "lang": lang, "text": t}));
                continue;
            }
            let got = segments(&t, lang, &mut wrong);
            checked += 1;
            if got != want {
                wrong.push(format!(
                    "{brk:?} {lang}: {} sentences, LF {}",
                    got.len(),
                    want.len()
                ));
            }
            items.push(serde_json::json!({"id": format!("{k}:{brk:?}"), "lang": lang, "text": t}));
        }
    }
    // The briefs: the same title and sentences as with LF.
    for v in summarize_batch(&items, &["--sentences", "2"]).chunks(BREAKS.len()) {
        let lf = &v[0];
        for other in &v[1..] {
            let read = |r: &serde_json::Value| {
                let sentences: Vec<String> = r["summary"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| as_lf(s["text"].as_str().unwrap()))
                    .collect();
                (r["title"].as_str().map(as_lf), sentences)
            };
            checked += 1;
            if read(other) != read(lf) || lf["title"].is_null() {
                wrong.push(format!("{}: {} / LF {}", other["id"], other, lf));
            }
        }
    }
    // Each text with a break other than LF is checked twice: segmented,
    // and summarized.
    assert_none_wrong("texts read otherwise than with LF", &wrong, checked);
}
