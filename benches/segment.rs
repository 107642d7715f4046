//! Segmentation speed: brief's segmenter against UAX #29 sentence bounds
//! (`unicode-segmentation`) and the `sentencex` crate, on the same texts.
//!
//! Texts: the bundled English seeds repeated to about 1 MB, and the UD dev
//! paragraphs of `../shared` (skipped when that folder is absent).
//!
//! Run: `cargo bench --bench segment`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;

use brief::Lang;
use brief::{SegmentSettings, Segmenter};

fn seeds_en_1mb() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seed = String::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    for path in names {
        let is_en = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("en-"));
        if is_en && let Ok(text) = std::fs::read_to_string(&path) {
            seed.push_str(&text);
            seed.push_str("\n\n");
        }
    }
    let mut out = String::with_capacity(1 << 20);
    while out.len() < 1 << 20 && !seed.is_empty() {
        out.push_str(&seed);
    }
    out
}

/// The `text` fields of a UD dev file, one paragraph each.
fn ud_paragraphs(lang: &str) -> Option<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/segmentation")
        .join(format!("ud_dev_{lang}.jsonl"));
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
            .collect(),
    )
}

fn compare(c: &mut Criterion, name: &str, lang: Lang, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    let seg = Segmenter::new(lang, None, &SegmentSettings::default());
    group.bench_function("brief", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| seg.segment(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("uax29", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(t.as_str()).split_sentence_bounds().count())
                .sum::<usize>()
        })
    });
    group.bench_function("sentencex", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| sentencex::segment(lang.as_str(), black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let seeds = seeds_en_1mb();
    compare(c, "seeds_en_1mb", Lang::EN, &[seeds]);
    for (code, lang) in [("en", Lang::EN), ("ru", Lang::RU), ("fa", Lang::FA)] {
        match ud_paragraphs(code) {
            Some(texts) => compare(c, &format!("ud_dev_{code}"), lang, &texts),
            None => eprintln!("../shared is absent: skipping the UD dev benchmarks"),
        }
    }
}

criterion_group!(segment, benches);
criterion_main!(segment);
