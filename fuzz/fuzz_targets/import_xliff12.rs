//! The xliff12 importer must refuse or read any input without panicking, in
//! bounded time.
#![no_main]

#[path = "import_common.rs"]
mod import_common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    import_common::read_bare_and_wrapped(
        include_str!("skeletons/xliff12.head"),
        include_str!("skeletons/xliff12.tail"),
        data,
    );
});
