//! Ranking speed on news text of several sizes (10 KB, 100 KB, 1 MB).
//!
//! The text is English news from `../shared/data/summarization` when it is
//! present (CNN/DailyMail, DUC 2006, BBC articles), else the bundled seeds.
//! Larger sizes repeat the corpus with the words of each sentence rotated, so
//! that no two sentences are byte-identical.

use std::hint::black_box;
use std::path::Path;

use brief::{Algorithm, Budget, Config, Document, Lang, SummarySettings, analyze, summarize};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    for set in ["cnndm_dev", "duc2006_dev", "bbc_news_summary_dev"] {
        let path = root.join(format!("../shared/data/summarization/{set}.jsonl"));
        let Ok(data) = std::fs::read_to_string(path) else {
            continue;
        };
        for line in data.lines() {
            let Ok(item) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            for d in item["documents"].as_array().into_iter().flatten() {
                if let Some(s) = d.as_str() {
                    text.push_str(s);
                    text.push_str("\n\n");
                }
            }
        }
    }
    if text.is_empty() {
        for seed in ["en-putin-assad-aleppo.txt", "en-iran-russia-phone-call.txt"] {
            text.push_str(
                &std::fs::read_to_string(root.join("seeds").join(seed)).unwrap_or_default(),
            );
            text.push_str("\n\n");
        }
    }
    text
}

/// `size` bytes of news text (cut at a paragraph boundary).
fn news(size: usize) -> String {
    let base = corpus();
    let mut out = String::with_capacity(size + base.len());
    let mut round = 0usize;
    while out.len() < size && !base.is_empty() {
        for para in base.split("\n\n") {
            let mut words: Vec<&str> = para.split(' ').collect();
            if !words.is_empty() {
                let k = round % words.len();
                words.rotate_left(k);
            }
            out.push_str(&words.join(" "));
            out.push_str("\n\n");
            if out.len() >= size {
                break;
            }
        }
        round += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("summarize");
    group.sample_size(10);
    for (label, size) in [
        ("10KB", 10_000usize),
        ("100KB", 100_000),
        ("1MB", 1_000_000),
    ] {
        let doc = Document {
            lang: Some(Lang::EN),
            ..Document::new("news", news(size))
        };
        for alg in [
            Algorithm::Lexrank,
            Algorithm::Position,
            Algorithm::Textrank,
            Algorithm::Submodular,
        ] {
            let mut settings = SummarySettings::default()
                .with_budget(Budget::Words(250))
                .unwrap();
            settings.algorithm = alg;
            // The whole pipeline: analysis (detection, segmentation, terms) and ranking.
            group.bench_with_input(BenchmarkId::new(alg.name(), label), &doc, |b, doc| {
                b.iter(|| {
                    let analyzed = analyze(black_box(doc.clone()), &config);
                    summarize(std::slice::from_ref(&analyzed), &settings, None)
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
