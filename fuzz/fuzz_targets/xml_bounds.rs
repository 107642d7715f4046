//! XML size and namespace bounds: the fuzzer picks the shape of an XLIFF
//! (namespace URI length, number of prefixes, declarations per element,
//! element count, nesting) and some raw text; the reader must refuse or read
//! it without panicking, within the fuzzer's time and RSS limits, and must
//! refuse any raw control character that XML 1.0 forbids.
#![no_main]

use std::fmt::Write;
use std::path::Path;

fn forbidden(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\u{fffe}' | '\u{ffff}')
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let (shape, rest) = data.split_at(8);
    let uri_len = if shape[0] & 0x80 != 0 { 5000 } else { 1usize << (shape[0] % 13) };
    let prefixes = 1 + usize::from(shape[1] % 40);
    let declare_each = shape[2] & 1 != 0;
    let count = (usize::from(u16::from_le_bytes([shape[3], shape[4]])) << (shape[5] % 5)).min(1 << 20);
    let depth = usize::from(shape[6] % 80);
    let text = String::from_utf8_lossy(rest);

    let mut doc = String::with_capacity(count * 8 + uri_len * prefixes);
    doc.push_str(r#"<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fa""#);
    for p in 0..prefixes {
        let _ = write!(doc, r#" xmlns:p{p}="urn:{p}:{}""#, "n".repeat(uri_len));
    }
    doc.push_str(r#"><file id="f">"#);
    for d in 0..depth {
        let _ = write!(doc, "<p{}:g>", d % prefixes);
    }
    for i in 0..count {
        let p = i % prefixes;
        if declare_each {
            let _ = write!(doc, r#"<p{p}:a xmlns:p{p}="urn:{i}"/>"#);
        } else {
            let _ = write!(doc, "<p{p}:a/>");
        }
    }
    for d in (0..depth).rev() {
        let _ = write!(doc, "</p{}:g>", d % prefixes);
    }
    let _ = write!(
        doc,
        r#"<unit id="u1"><segment><source>Hi.</source><target>{}</target></segment></unit></file></xliff>"#,
        text.replace(['<', '&'], " ")
    );
    let result = brief::merge::read_bytes(doc.into_bytes(), Path::new("fuzz.xlf"));
    if text.chars().any(forbidden) {
        assert!(result.is_err(), "a forbidden control character was accepted");
    }
});
