//! Property tests of the summarizer: an ordered subset of the input
//! sentences, within budget, deterministic.

use brief::{Algorithm, Budget, Config, Document, SummarySettings, analyze_all, summarize};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Putin",
    "Assad",
    "Aleppo",
    "talks",
    "ceasefire",
    "army",
    "city",
    "rebels",
    "Moscow",
    "said",
    "on",
    "the",
    "and",
    "a",
    "was",
    "Iran",
    "phone",
    "call",
    "2016",
    "Lavrov",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..14).prop_map(|w| {
        let mut s = w.join(" ");
        s.push('.');
        s
    })
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 0..12).prop_map(|s| s.join(" "))
}

fn budget() -> impl Strategy<Value = SummarySettings> {
    (0usize..4, 1usize..80, 0usize..7).prop_map(|(kind, n, alg)| {
        let budget = match kind {
            0 => Budget::Sentences(n % 6 + 1),
            1 => Budget::Words(n),
            2 => Budget::Chars(n * 5),
            _ => Budget::Bytes(n * 5),
        };
        let mut s = SummarySettings::default().with_budget(budget).unwrap();
        s.algorithm = Algorithm::ALL[alg % Algorithm::ALL.len()];
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn summaries_are_ordered_subsets_within_budget(
        docs in prop::collection::vec(document(), 1..4),
        settings in budget(),
    ) {
        let docs: Vec<Document> = docs.into_iter().enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), t)).collect();
        let config = Config::default();
        let analyzed = analyze_all(docs.clone(), &config);
        let a = summarize(&analyzed, &settings, None).unwrap();
        let b = summarize(&analyze_all(docs.clone(), &config), &settings, None).unwrap();
        prop_assert_eq!(&a, &b, "deterministic");
        // Document order, the opening lead included (merge checks it).
        let mut last: Option<(usize, usize)> = None;
        for s in &a.sentences {
            let doc = &docs[s.doc].text;
            prop_assert_eq!(&doc[s.start..s.end], s.text.as_str());
            if let Some(l) = last {
                prop_assert!((s.doc, s.start) > l, "document order");
                prop_assert!((s.doc, s.start) != l, "no sentence twice");
            }
            last = Some((s.doc, s.start));
        }
        let joined = a.sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n");
        match a.budget {
            Budget::Sentences(n) => prop_assert!(a.sentences.len() <= n),
            Budget::Words(n) => prop_assert!(joined.split_whitespace().count() <= n),
            Budget::Chars(n) => prop_assert!(joined.chars().count() <= n),
            Budget::Bytes(n) => prop_assert!(joined.len() <= n),
            Budget::Ratio(_) => {}
        }
    }
}
