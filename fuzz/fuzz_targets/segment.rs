//! Segmentation of arbitrary text, in every supported language, must not
//! panic; every span must be a trimmed, in-order slice of the input, and
//! only white space may lie outside the spans (no text is ever lost).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let config = brief::Config::default();
    for code in ["en", "ru", "fa", "de", "zh"] {
        let lang: brief::Lang = code.parse().unwrap();
        let segmenter = brief::Segmenter::new(lang, None, &config.segment);
        let mut last = 0;
        for s in segmenter.segment(text) {
            assert!(s.start >= last && s.start < s.end && s.end <= text.len());
            assert!(text[last..s.start].trim().is_empty(), "text lost before {}", s.start);
            let piece = &text[s.start..s.end];
            assert_eq!(piece, piece.trim());
            last = s.end;
        }
        assert!(text[last..].trim().is_empty(), "text lost at the end");
    }
});
