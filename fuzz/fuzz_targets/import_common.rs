//! Shared body of the importer targets: the input is read bare, and wrapped
//! in a format's skeleton so the fuzzer reaches the reader's inner code.

use std::path::Path;

/// Reads `data` alone and between `head` and `tail`; merges what reads.
pub fn read_bare_and_wrapped(head: &str, tail: &str, data: &[u8]) {
    let path = Path::new("fuzz.input");
    let _ = brief::merge::read_bytes(data.to_vec(), path);
    let mut wrapped = head.as_bytes().to_vec();
    wrapped.extend_from_slice(data);
    wrapped.extend_from_slice(tail.as_bytes());
    if let Ok(files) = brief::merge::read_bytes(wrapped, path) {
        let _ = brief::merge::merge(&files);
    }
}
