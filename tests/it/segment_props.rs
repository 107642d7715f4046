//! Properties of every segmentation: the spans, with the whitespace between
//! them, rebuild the input exactly; spans are ordered, non-empty, trimmed and
//! on character boundaries; nothing panics.

use brief::Lang;
use brief::{LineBreaks, SegmentSettings, Segmenter};
use proptest::prelude::*;

fn check(text: &str, lang: Lang, line_breaks: LineBreaks) -> Result<(), TestCaseError> {
    let settings = SegmentSettings {
        line_breaks,
        ..Default::default()
    };
    let sentences = Segmenter::new(lang, None, &settings).segment(text);
    let mut pos = 0;
    let mut last_paragraph = 0;
    for s in &sentences {
        prop_assert!(s.start < s.end, "empty span {s:?}");
        prop_assert!(s.start >= pos, "overlap or disorder at {s:?}");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let gap = &text[pos..s.start];
        prop_assert!(
            gap.chars().all(char::is_whitespace),
            "non-space gap {gap:?}"
        );
        let t = s.text(text);
        prop_assert_eq!(t, t.trim());
        prop_assert!(s.paragraph >= last_paragraph);
        last_paragraph = s.paragraph;
        pos = s.end;
    }
    prop_assert!(text[pos..].chars().all(char::is_whitespace));
    Ok(())
}

/// Text made of the characters the rules look at, so the rules are exercised.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr",
        "U.S",
        "a.m",
        "т",
        "е",
        "г",
        "н",
        "э",
        "ق.م",
        "ه.ش",
        "I",
        "A",
        "a",
        "b",
        "1",
        "22",
        "3.5",
        "۷۵٫۵",
        "٣",
        "http://x.com/a",
        "x@y.z",
        "report.pdf",
        "word",
        "Слово",
        "کتاب",
        "می‌شود",
        ".",
        "..",
        "...",
        "…",
        ". . .",
        "!",
        "?",
        "؟",
        "؛",
        "。",
        ")",
        "(",
        "[",
        "]",
        "\"",
        "'",
        "«",
        "»",
        "”",
        "“",
        "-",
        "–",
        "—",
        "•",
        "⁃",
        ":)",
        ":-(",
        ";D",
        "😍",
        "🙈",
        "#tag",
        "@user",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{200c}",
        "\u{a0}",
        "\u{2028}",
        "The",
        "how",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn any_lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(vec![
        Lang::EN,
        Lang::RU,
        Lang::FA,
        "de".parse().unwrap(),
        "zh".parse().unwrap(),
    ])
}

fn any_mode() -> impl Strategy<Value = LineBreaks> {
    prop::sample::select(vec![
        LineBreaks::Auto,
        LineBreaks::Sentence,
        LineBreaks::Space,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_rejoin_arbitrary_strings(text in any::<String>(), lang in any_lang(), mode in any_mode()) {
        check(&text, lang, mode)?;
    }

    #[test]
    fn spans_rejoin_tricky_text(text in tricky_text(), lang in any_lang(), mode in any_mode()) {
        check(&text, lang, mode)?;
    }
}
