//! Invariants of the whole pipeline on arbitrary multilingual text:
//! detect → segment → summarize → export → merge.
//!
//! - segment: spans are ordered, trimmed, non-empty slices of the input;
//! - summarize: the brief is an ordered subset of the input's sentences,
//!   within its budget, and the same input gives the same brief;
//! - export → merge: with targets copied from the sources, every unit is
//!   either reported untranslated or (nothing to translate) merged back as
//!   the brief's sentence, in every format.

use brief::{Budget, Config, Document, Export, Format, LanguageTag, TargetMode};
use proptest::prelude::*;

/// Words, punctuation and spacing from English, Russian and Persian news.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,8}",
        3 => "[а-яА-Я]{1,8}",
        3 => "[\u{0627}-\u{064A}\u{06CC}\u{06A9}]{1,6}",
        2 => Just(" ".to_string()),
        1 => Just(". ".to_string()),
        1 => Just("? ".to_string()),
        1 => Just("؟ ".to_string()),
        1 => Just("\n\n".to_string()),
        1 => Just("\n".to_string()),
        1 => Just("Dr. ".to_string()),
        1 => Just("т. е. ".to_string()),
        1 => Just("۷۵٫۵ ".to_string()),
        1 => Just("3.14 ".to_string()),
        1 => Just("«".to_string()),
        1 => Just("»".to_string()),
        1 => Just("\u{200C}".to_string()),
        1 => Just("& <b> ".to_string()),
        1 => Just("... ".to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (1usize..6).prop_map(Budget::Sentences),
        (1usize..80).prop_map(Budget::Words),
        (1usize..400).prop_map(Budget::Chars),
        (1usize..600).prop_map(Budget::Bytes),
        (1u32..=100).prop_map(|p| Budget::Ratio(f64::from(p) / 100.0)),
    ]
}

fn settings_for(config: &Config, budget: Budget) -> brief::SummarySettings {
    config.summary.with_budget(budget).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_pipeline_keeps_its_invariants(
        texts in prop::collection::vec(text(), 1..4),
        budget in budget(),
        format_index in 0usize..6,
    ) {
        let config = Config::default();
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("doc{i}.txt"), t.clone()))
            .collect();

        // segment
        let segmented = brief::analyze_all(docs.clone(), &config);
        for (doc, seg) in docs.iter().zip(&segmented) {
            let mut last = 0;
            for s in &seg.sentences {
                prop_assert!(s.start >= last && s.start < s.end && s.end <= doc.text.len());
                let piece = s.text(&doc.text);
                prop_assert_eq!(piece, piece.trim());
                last = s.end;
            }
        }

        // summarize
        let settings = settings_for(&config, budget);
        let summary = brief::summarize(&segmented, &settings, None).unwrap();
        let again = brief::summarize(&brief::analyze_all(docs.clone(), &config), &settings, None).unwrap();
        prop_assert_eq!(&summary, &again);
        let mut last = None;
        for s in &summary.sentences {
            prop_assert_eq!(s.text.as_str(), &docs[s.doc].text[s.start..s.end]);
            let named = segmented[s.doc].sentences[s.sentence];
            // A brief sentence may start after its sentence's dateline (issue 20).
            prop_assert!(named.start <= s.start && named.end == s.end, "not the sentence it names");
            let key = (s.doc, s.start);
            prop_assert!(last.is_none_or(|l| l < key), "not in document order");
            last = Some(key);
        }
        let words: usize = summary.sentences.iter().map(|s| s.text.split_whitespace().count()).sum();
        let chars: usize = summary.sentences.iter().map(|s| s.text.chars().count()).sum::<usize>()
            + summary.sentences.len().saturating_sub(1);
        let bytes: usize = summary.sentences.iter().map(|s| s.text.len()).sum::<usize>()
            + summary.sentences.len().saturating_sub(1);
        match budget {
            Budget::Sentences(n) => prop_assert!(summary.sentences.len() <= n),
            Budget::Words(n) => prop_assert!(words <= n),
            Budget::Chars(n) => prop_assert!(chars <= n),
            Budget::Bytes(n) => prop_assert!(bytes <= n),
            Budget::Ratio(r) => {
                let total: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
                prop_assert!(words as f64 <= (r * total as f64).ceil());
            }
        }

        // export → merge, targets copied from the sources
        if summary.sentences.is_empty() {
            return Ok(());
        }
        let export = Export::from_summary(&segmented, &summary, None);
        let format = Format::ALL[format_index];
        let ru: LanguageTag = "ru".parse().unwrap();
        let file = match export.render(format, &ru, TargetMode::Source) {
            Ok(file) => file,
            // Only a character XML cannot carry may stop an XML export.
            Err(e) => {
                prop_assert!(e.to_string().contains("XML"), "{e}");
                return Ok(());
            }
        };
        let files = brief::merge::read_bytes(file, "brief.ru".as_ref()).unwrap();
        let merged = brief::merge::merge(&files);
        // A copy of the source is not a translation (issue 9): each unit is
        // either reported untranslated, or the wrong language (English words
        // in the Russian file), or, with nothing to translate, merged.
        prop_assert!(
            merged.problems.iter().all(|p| matches!(
                p.kind,
                brief::merge::ProblemKind::Untranslated | brief::merge::ProblemKind::WrongLanguage
            )),
            "{:?}", merged.problems
        );
        let got: Vec<&str> = merged.translations[0].sentences.iter().map(|s| s.target.as_str()).collect();
        // A title that opens a document is a unit too, one a sentence
        // (`Need a change? Seven tips …` is two), in document order (issue 20).
        let extra = export.units.len() - summary.sentences.len();
        let title_units: Vec<&str> = if extra == 0 {
            Vec::new()
        } else {
            let title = summary.title.as_deref().unwrap_or("");
            segmented
                .iter()
                .zip(&docs)
                .find_map(|(d, doc)| {
                    let spans = d.sentences.get(..extra)?;
                    let whole = doc.text.get(spans[0].start..spans[extra - 1].end)?;
                    // The title shows the line without the invisible
                    // characters at its ends (a bidi mark, a ZWNJ).
                    let invisible = |c: char| {
                        c.is_whitespace()
                            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                                | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
                                | '\u{FEFF}' | '\u{00AD}')
                    };
                    let whole = whole.trim_matches(invisible);
                    (whole.split_whitespace().eq(title.split_whitespace()))
                        .then(|| spans.iter().map(|s| s.text(&doc.text).trim()).collect())
                })
                .unwrap_or_default()
        };
        prop_assert_eq!(title_units.len(), extra, "title units that are not the title");
        let want: Vec<&str> = title_units
            .into_iter()
            .chain(summary.sentences.iter().map(|s| s.text.as_str()))
            .collect();
        prop_assert_eq!(got.len() + merged.problems.len(), want.len());
        prop_assert!(got.iter().all(|g| want.contains(g)));
    }
}
