//! The xliff12 importer must refuse or read any input without panicking, in
//! bounded time. The input is wrapped in the format's skeleton so the fuzzer
//! reaches the reader's inner code, and is also read bare.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

const HEAD: &str = include_str!("skeletons/xliff12.head");
const TAIL: &str = include_str!("skeletons/xliff12.tail");

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.input");
    let _ = brief::merge::read_bytes(data.to_vec(), path);
    let mut wrapped = HEAD.as_bytes().to_vec();
    wrapped.extend_from_slice(data);
    wrapped.extend_from_slice(TAIL.as_bytes());
    if let Ok(files) = brief::merge::read_bytes(wrapped, path) {
        let _ = brief::merge::merge(&files);
    }
});
