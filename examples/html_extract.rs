//! Extracts the article from each page of a JSONL file, for measuring the
//! extractor against others (scripts/html_eval.sh runs it).
//!
//! ```sh
//! cargo run --release --example html_extract < pages.jsonl > extracted.jsonl
//! ```
//!
//! Each input line is `{"id": …, "html": "…"}`; each output line is
//! `{"id", "title", "date", "byline", "body"}` in input order. One thread, so
//! the time compares with a single-process Python extractor.

use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (number, line) in stdin.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let item: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| format!("line {}: not JSON: {e}", number + 1))?;
        let html = item["html"]
            .as_str()
            .ok_or_else(|| format!("line {}: no \"html\" string", number + 1))?;
        let page = brief::html::extract(html);
        let record = serde_json::json!({
            "id": item["id"],
            "title": page.title,
            "date": page.date,
            "byline": page.byline,
            "body": page.body,
        });
        writeln!(out, "{record}")?;
    }
    out.flush()?;
    Ok(())
}
