//! The batch path of `brief summarize --input jsonl`: each article analyzed
//! (detection, segmentation, terms) and summarized to 3 sentences, then
//! serialized as one JSON line, over the 50 CNN/DM dev articles (the bundled
//! English seeds when ../shared is absent). Whole-process figures:
//! `scripts/bench_batch.sh`.

use std::hint::black_box;
use std::path::Path;

use brief::{Budget, Config, Document, SummarySettings, analyze, summarize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;

fn articles() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/data/summarization/cnndm_dev.jsonl");
    if let Ok(data) = std::fs::read_to_string(dev) {
        let found: Vec<String> = data
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|item| {
                let docs = item["documents"].as_array()?;
                let parts: Vec<&str> = docs.iter().filter_map(|d| d.as_str()).collect();
                Some(parts.join("\n\n"))
            })
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    let mut seeds: Vec<String> = std::fs::read_dir(root.join("seeds"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("en-"))
        })
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    seeds.sort();
    seeds
}

/// One item of the batch, as the CLI does it: analyze, summarize, one JSON line.
fn one(text: &str, config: &Config, settings: &SummarySettings) -> String {
    let doc = analyze(Document::new("a", text), config);
    match summarize(&[doc], settings, None) {
        Ok(summary) => serde_json::to_string(&summary).unwrap_or_default(),
        Err(e) => e.to_string(),
    }
}

fn bench(c: &mut Criterion) {
    let articles = articles();
    let config = Config::default();
    let settings = SummarySettings::default()
        .with_budget(Budget::Sentences(3))
        .expect("a valid budget");
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("sequential", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(one(a, &config, &settings));
            }
        })
    });
    group.bench_function("rayon", |b| {
        b.iter(|| {
            let out: Vec<String> = articles
                .par_iter()
                .map(|a| one(a, &config, &settings))
                .collect();
            black_box(out)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
