//! Web page extraction on arbitrary markup must not panic and must be
//! deterministic; run with `-rss_limit_mb` so that a page escaping the
//! tag budget (src/html/guard.rs) shows as an out-of-memory crash. The input
//! is read bare and behind a doctype (so the fuzzer reaches the content
//! scoring as well as the recogniser), and behind 40 unclosed formatting
//! elements, which exercises html5ever's reconstruction of them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = brief::html::looks_like_html(text);
    let _ = brief::html::declared_encoding(data);
    let first = brief::html::extract(text);
    assert_eq!(first, brief::html::extract(text), "not deterministic");
    assert!(first.body.len() <= first.text.len());
    let page = format!("<!DOCTYPE html><html><body>{text}</body></html>");
    let _ = brief::html::extract(&page);
    let formatting: String = (0..40).map(|i| format!("<b id={i}>")).collect();
    let _ = brief::html::extract(&format!("{formatting}{text}{text}"));
});
