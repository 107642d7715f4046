//! The translation-memory reader must refuse or read any input without
//! panicking, in bounded time; a memory it reads must take an update and be
//! written back as a memory that reads again, with the new unit in it.
#![no_main]

use std::path::Path;

use brief::tm::{Memory, NewTranslation, TmxDate};

fn check(bytes: Vec<u8>) {
    let Ok(mut memory) = Memory::read(bytes, Path::new("fuzz.tmx")) else {
        return;
    };
    let before = memory.len();
    let _ = memory.lookup("The talks ended on Monday.", "en", "fa");
    let date: TmxDate = "20261201T000000Z".parse().unwrap();
    let new = NewTranslation {
        source: "A sentence no fuzzer writes, 7f3a9c.",
        source_lang: "en",
        target: "جمله",
        target_lang: "fa",
    };
    let Ok(summary) = memory.update(&[new], "fuzz", &date) else {
        return;
    };
    // A UTF-16 memory is refused for writing, with a message.
    let Ok(written) = memory.to_tmx() else {
        return;
    };
    let again = Memory::read(written, Path::new("again.tmx"))
        .expect("a memory brief wrote back must read again");
    assert_eq!(again.len(), before + summary.units_added);
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    check(data.to_vec());
    let mut wrapped = include_bytes!("skeletons/tmx.head").to_vec();
    // Inside <body>: the head ends with `<body>`.
    wrapped.extend_from_slice(data);
    wrapped.extend_from_slice(include_bytes!("skeletons/tmx.tail"));
    check(wrapped);
});
