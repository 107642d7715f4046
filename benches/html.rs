//! HTML extraction speed, in bytes of HTML per second, on the test pages
//! (tests/data/html: en, ru, fa; 4–8 KB each) one at a time, and on one large
//! page made of their bodies repeated (about 1 MB), and on issue 23's page of
//! unclosed formatting elements at two sizes.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn pages() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/data/html")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path
                .file_name()?
                .to_str()?
                .strip_suffix(".html")?
                .to_string();
            Some((name, std::fs::read_to_string(&path).ok()?))
        })
        .collect();
    pages.sort();
    pages
}

fn bench_extract(c: &mut Criterion) {
    let pages = pages();
    let mut group = c.benchmark_group("html_extract");
    for (name, html) in &pages {
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), html, |b, html| {
            b.iter(|| brief::html::extract(black_box(html)))
        });
    }
    let mut big = String::from("<!DOCTYPE html><html><body>");
    while big.len() < 1 << 20 {
        for (_, html) in &pages {
            let body = html.split("<body").nth(1).unwrap_or(html);
            big.push_str("<div>");
            big.push_str(body.split_once('>').map_or(body, |(_, rest)| rest));
            big.push_str("</div>");
        }
    }
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_with_input(BenchmarkId::from_parameter("1MB"), &big, |b, html| {
        b.iter(|| brief::html::extract(black_box(html)))
    });
    // Issue 23's hostile page (250 unclosed formatting elements, then
    // paragraphs) at 400 KB and 4 MB: time per byte must stay flat.
    let formatting: String = (0..250).map(|i| format!("<b id={i}>")).collect();
    for (name, paragraphs) in [("formatting_400KB", 50_000), ("formatting_4MB", 500_000)] {
        let page = format!("{formatting}{}", "<p>x</p>".repeat(paragraphs));
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &page, |b, html| {
            b.iter(|| brief::html::extract(black_box(html)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
