//! # brief
//!
//! Turns news articles into short briefs and prepares them for translation
//! into Persian and Russian. The pipeline, one module per stage:
//!
//! 1. [`detect`]: the language of each document;
//! 2. [`segment`]: sentences with byte spans into the original text;
//! 3. [`summarize`]: briefs — [`tokenize`] and [`stem`] turn sentences into terms,
//!    [`rank`] scores them, [`select`] fits them to a length budget; [`eval`] scores
//!    briefs with ROUGE;
//! 4. [`export`]: XLIFF 2.0/2.1/1.2, TMX, TSV and JSONL files for translators and
//!    MT engines; [`merge`] reads them back, checks drift and assembles translations.
//!
//! Supporting modules: [`input`] (decoding files and JSONL batches),
//! [`config`] (TOML settings), [`lang`] (language codes), [`outfile`] (atomic,
//! no-clobber writes), [`error`].
//!
//! ```
//! use brief::{Config, Document};
//! let doc = Document::new("example", "Dr. Smith arrived at 5 p.m. on Monday. He left.");
//! let out = brief::segment_document(&doc, &Config::default());
//! let texts: Vec<&str> = out.sentences.iter().map(|s| s.text(&doc.text)).collect();
//! assert_eq!(out.detection.lang, brief::Lang::EN);
//! assert_eq!(texts.len(), 2);
//! ```

#![warn(missing_docs)]

pub mod config;
pub mod detect;
pub mod error;
pub mod eval;
pub mod export;
pub mod html;
pub mod input;
pub mod lang;
pub mod merge;
pub mod outfile;
pub mod rank;
pub mod segment;
pub mod select;
pub mod stem;
pub mod summarize;
pub mod tokenize;

pub use config::Config;
pub use detect::Detection;
pub use error::{Error, Result};
pub use input::Document;
pub use lang::Lang;
pub use segment::{Segmenter, Sentence};
pub use summarize::{Summary, SummarySettings, summarize};

/// A document split into sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentedDocument {
    /// How the language was decided.
    pub detection: Detection,
    /// The sentences, in text order.
    pub sentences: Vec<Sentence>,
}

/// Detects the language of `doc` (its own `lang`, else `[segment] lang`, else
/// detection) and splits it into sentences.
pub fn segment_document(doc: &Document, config: &Config) -> SegmentedDocument {
    let detection = detect::detect(&doc.text, doc.lang.or(config.segment.lang));
    let segmenter = Segmenter::new(
        detection.lang,
        config.language(detection.lang),
        &config.segment,
    );
    SegmentedDocument {
        detection,
        sentences: segmenter.segment(&doc.text),
    }
}
