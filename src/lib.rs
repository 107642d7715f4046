//! # brief
//!
//! Turns news articles into short briefs and prepares them for translation
//! into Persian and Russian. The pipeline, one stage per module:
//!
//! 1. **detect** the language of each document, and **segment** it into
//!    sentences with byte spans into the original text — both done once, by
//!    [`analyze`], into an [`AnalyzedDocument`] that every later stage takes;
//! 2. **rank** and **select**: [`summarize`] scores the sentences by
//!    centrality ([`Algorithm`]) and picks a brief within a [`Budget`]; the
//!    [`Summary`] names every chosen sentence by document and sentence index;
//! 3. **export**: [`Export`] turns a summary (or every sentence) into aligned
//!    [`Unit`]s and renders them as XLIFF 2.0/2.1/1.2, TMX, TSV or JSONL
//!    ([`Format`]) for translators and MT engines;
//! 4. **merge**: [`merge::read_file`] reads translated files back and
//!    [`merge::merge`] checks and assembles the translated briefs.
//!
//! [`job`] holds what the front ends run (export, merge, check, memory
//! update) from resolved settings to named output files and a report;
//! [`eval`] scores briefs with ROUGE; [`input`] reads files and JSONL batches.
//!
//! ```
//! use brief::{Budget, Config, Document, Export, Format, SummarySettings, TargetMode};
//! let config = Config::default();
//! let text = "Heavy rain fell on Tehran on Monday. The rain filled the city's dams. \
//!             Officials said the dams were nearly full. A cat slept in the sun.";
//! let doc = brief::analyze(Document::new("rain.txt", text), &config);
//! let settings = SummarySettings::default().with_budget(Budget::Sentences(2))?;
//! let summary = brief::summarize(std::slice::from_ref(&doc), &settings, None)?;
//! let export = Export::from_summary(&[doc], &summary, None);
//! let xliff = export.render(Format::Xliff20, &"fa".parse()?, TargetMode::Empty)?;
//! assert!(String::from_utf8(xliff)?.contains(r#"trgLang="fa""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]

mod analysis;
pub mod check;
mod config;
mod detect;
mod error;
pub mod escape;
pub mod eval;
mod export;
mod formats;
pub mod html;
pub mod input;
mod invisible;
pub mod job;
mod lang;
pub mod merge;
#[cfg(feature = "mt")]
pub mod mt;
pub mod omegat;
pub mod outfile;
mod rank;
mod resources;
pub mod review;
mod segment;
mod select;
mod stem;
mod summarize;
pub mod tm;
mod tokenize;

pub use analysis::AnalyzedDocument;
pub use config::{Config, ConfigSource};
pub use detect::{Detection, Method, detect};
pub use error::{Error, Result};
pub use export::{Export, ExportSettings};
pub use formats::{
    Aids, FilledTarget, Format, LanguageTag, Suggestion, TargetMode, TargetState, TermHint, Unit,
    UnitFile, export_id, file_name, fingerprint,
};
pub use input::Document;
pub use job::ItemId;
pub use lang::Lang;
pub use rank::Algorithm;
pub use resources::LanguageSettings;
#[doc(hidden)]
pub use segment::AblatedRules;
pub use segment::{LineBreaks, SegmentSettings, Segmenter, Sentence};
pub use select::Budget;
pub use summarize::{
    IdfUnit, Order, Summary, SummaryRecord, SummarySentence, SummarySettings, summarize,
};

/// Detects the language of `document` (its own `lang`, else `[segment] lang`,
/// else detection) and splits it into sentences: the analysis every later
/// stage takes.
///
/// ```
/// use brief::{Config, Document};
/// let doc = brief::analyze(Document::new("a", "Dr. Smith arrived. He left."), &Config::default());
/// assert_eq!(doc.lang(), brief::Lang::EN);
/// assert_eq!(doc.sentence_text(1), "He left.");
/// ```
pub fn analyze(document: Document, config: &Config) -> AnalyzedDocument {
    analysis::analyze(document, &config.segment, &config.languages)
}

/// [`analyze`] for several documents, in parallel, in input order.
pub fn analyze_all(documents: Vec<Document>, config: &Config) -> Vec<AnalyzedDocument> {
    analysis::analyze_all(documents, &config.segment, &config.languages)
}

/// The languages of `docs`, by code, when there are more than one: a brief
/// drawn from them mixes languages and is labelled with the language of the
/// most text (docs/summarization.md), which every front end warns of.
///
/// ```
/// use brief::{Config, Document};
/// let config = Config::default();
/// let docs = brief::analyze_all(
///     vec![
///         Document::new("a", "The rain filled the dams on Monday and the city was glad."),
///         Document::new("b", "В понедельник дождь наполнил водохранилища, и город был рад."),
///     ],
///     &config,
/// );
/// assert_eq!(brief::mixed_languages(&docs), Some(vec![brief::Lang::EN, brief::Lang::RU]));
/// assert_eq!(brief::mixed_languages(&docs[..1]), None);
/// ```
pub fn mixed_languages(docs: &[AnalyzedDocument]) -> Option<Vec<Lang>> {
    let mut langs: Vec<Lang> = docs.iter().map(|d| d.lang()).collect();
    langs.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
    langs.dedup();
    (langs.len() > 1).then_some(langs)
}
