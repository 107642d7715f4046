//! Summarizing arbitrary text (split into up to three documents at NUL
//! bytes) must not panic, and the brief must be an ordered subset of the
//! input's sentences.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let docs: Vec<brief::Document> = text
        .split('\0')
        .take(3)
        .enumerate()
        .map(|(i, t)| brief::Document::new(format!("doc{i}"), t))
        .collect();
    let config = brief::Config::default();
    let docs = brief::analyze_all(docs, &config);
    if let Ok(summary) = brief::summarize(&docs, &config.summary, None) {
        let _ = format!("{summary:?}");
    }
});
