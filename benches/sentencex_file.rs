//! The `sentencex` crate as a whole program, for timing against
//! `brief segment --format text` on the same file: reads FILE (English),
//! segments it in one call and prints one sentence per line.
//!
//! Build with `cargo bench --bench sentencex_file --no-run`; run the printed
//! executable as `sentencex_file FILE` (see `docs/segmentation.md`). Run by
//! `cargo bench` without a file, it does nothing.

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        return Ok(());
    };
    let text = std::fs::read_to_string(&path)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for sentence in sentencex::segment("en", &text) {
        let sentence = sentence.trim();
        if !sentence.is_empty() {
            writeln!(out, "{}", sentence.replace('\n', " "))?;
        }
    }
    out.flush()
}
