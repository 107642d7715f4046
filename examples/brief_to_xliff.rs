//! From a text to a brief to translation files, with the library alone.
//!
//! ```sh
//! cargo run --example brief_to_xliff -- seeds/en-putin-assad-aleppo.txt /tmp/brief-out
//! ```
//!
//! Reads one article, summarizes it in three sentences, and writes the brief
//! as XLIFF 2.0 for Persian and Russian translators into the output
//! directory (which must not hold earlier files of the same names).

use std::path::PathBuf;

use brief::outfile::{self, OutFile};
use brief::{Budget, Config, Document, Export, Format, LanguageTag, SummarySettings, TargetMode};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let (Some(input), Some(out_dir)) = (args.next(), args.next()) else {
        eprintln!("usage: brief_to_xliff ARTICLE.txt OUT_DIR");
        std::process::exit(2);
    };
    let (input, out_dir) = (PathBuf::from(input), PathBuf::from(out_dir));
    let config = Config::default();
    let text = brief::input::read_text(&input)?;
    let doc = brief::analyze(Document::new(input.display().to_string(), text), &config);
    let settings = SummarySettings::default().with_budget(Budget::Sentences(3))?;
    let summary = brief::summarize(std::slice::from_ref(&doc), &settings, None)?;
    for s in &summary.sentences {
        println!("[{}] {}", s.rank, s.text);
    }
    let export = Export::from_summary(&[doc], &summary, None);
    let mut files = Vec::new();
    for tag in ["fa", "ru"] {
        let target: LanguageTag = tag.parse()?;
        files.push(OutFile {
            path: out_dir.join(brief::file_name(Format::Xliff20, &target)),
            contents: export.render(Format::Xliff20, &target, TargetMode::Empty)?,
        });
    }
    std::fs::create_dir_all(&out_dir)?;
    outfile::write_all(&files, false)?;
    for f in &files {
        println!("wrote {}", f.path.display());
    }
    Ok(())
}
