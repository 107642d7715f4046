//! Exporting a brief (or every sentence) for translation.
//!
//! The input is a list of [`Segment`]s in brief order. Each target language
//! gets its own file per [`Format`]; a segment has the same id (`s1`, `s2`,
//! ...) in every file, so files for different languages stay aligned. Every
//! file also carries, per segment, a [`fingerprint`] of the exact source text
//! and the number of segments in the export, which is what
//! [`crate::merge`] uses to find drift and missing units.
//!
//! ```
//! use brief::{Config, Document};
//! use brief::export::{self, Bundle, Format, LanguageTag, TargetMode};
//! let doc = Document::new("a.txt", "Tom & Jerry met. They <laughed>.");
//! let seg = brief::segment_document(&doc, &Config::default());
//! let bundle = Bundle::all_sentences(&[doc], &[seg], None);
//! let fa: LanguageTag = "fa".parse().unwrap();
//! let xlf = export::render(Format::Xliff20, &bundle, &fa, TargetMode::Empty).unwrap();
//! let xlf = String::from_utf8(xlf).unwrap();
//! assert!(xlf.contains("<source>Tom &amp; Jerry met.</source>"));
//! assert!(xlf.contains(r#"trgDir="rtl""#));
//! assert_eq!(export::file_name(Format::Xliff20, &fa), "brief.fa.xliff20.xlf");
//! ```

pub(crate) mod tabular;
mod tmx;
mod xliff12;
mod xliff2;
pub(crate) mod xml;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::SegmentedDocument;
use crate::error::{Error, Result};
use crate::input::Document;
use crate::lang::Lang;

pub use tabular::TSV_COLUMNS;
pub use tmx::{TmxUnit, render_tmx};

/// The name of the tool written into XLIFF and TMX headers.
pub const TOOL_NAME: &str = "brief";
/// The tool's version written into XLIFF and TMX headers.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One sentence to translate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// The id shared by all files of one export: `s1`, `s2`, ... in brief
    /// order (an XML NMTOKEN).
    pub id: String,
    /// The exact source text.
    pub text: String,
    /// The document's name (file path, `-`, or JSONL id).
    pub doc_name: String,
    /// Zero-based index of the document among the inputs.
    pub doc_index: usize,
    /// One-based number of the sentence in its document.
    pub position: usize,
    /// One-based number of the paragraph in its document, if known.
    pub paragraph: Option<usize>,
    /// One-based rank in the brief (1 = most important), if ranked.
    pub rank: Option<usize>,
    /// The summarizer's score, if any.
    pub score: Option<f64>,
    /// The sentence before this one in the document, as context.
    pub prev: Option<String>,
    /// The sentence after this one in the document, as context.
    pub next: Option<String>,
}

/// A selection of segments in one source language, ready to export.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    /// The source language tag.
    pub source_lang: LanguageTag,
    /// The segments, in brief order, with ids `s1..sN`.
    pub segments: Vec<Segment>,
}

impl Bundle {
    /// Every sentence of every document, in document order. The source
    /// language is `source` if given, else the detected language of the first
    /// document (English when there are no documents).
    pub fn all_sentences(
        docs: &[Document],
        segmented: &[SegmentedDocument],
        source: Option<LanguageTag>,
    ) -> Bundle {
        let picks = segmented
            .iter()
            .enumerate()
            .flat_map(|(d, s)| (0..s.sentences.len()).map(move |i| Pick::plain(d, i)))
            .collect::<Vec<_>>();
        Bundle::from_picks(docs, segmented, &picks, source)
    }

    /// The given sentences (document index, sentence index, rank, score), in
    /// the order given. Picks that point outside the documents are skipped.
    pub fn from_picks(
        docs: &[Document],
        segmented: &[SegmentedDocument],
        picks: &[Pick],
        source: Option<LanguageTag>,
    ) -> Bundle {
        let source_lang = source.unwrap_or_else(|| {
            let lang = segmented.first().map_or(Lang::EN, |s| s.detection.lang);
            LanguageTag::from_lang(lang)
        });
        let mut segments = Vec::with_capacity(picks.len());
        for pick in picks {
            let (Some(doc), Some(seg)) = (docs.get(pick.doc), segmented.get(pick.doc)) else {
                continue;
            };
            let Some(sentence) = seg.sentences.get(pick.sentence) else {
                continue;
            };
            let neighbour = |i: Option<usize>| {
                i.and_then(|i| seg.sentences.get(i))
                    .map(|s| s.text(&doc.text).to_string())
            };
            segments.push(Segment {
                id: format!("s{}", segments.len() + 1),
                text: sentence.text(&doc.text).to_string(),
                doc_name: doc.name.clone(),
                doc_index: pick.doc,
                position: pick.sentence + 1,
                // The segmenter counts paragraphs from 0; files count from 1.
                paragraph: Some(sentence.paragraph + 1),
                rank: pick.rank,
                score: pick.score,
                prev: neighbour(pick.sentence.checked_sub(1)),
                next: neighbour(Some(pick.sentence + 1)),
            });
        }
        Bundle {
            source_lang,
            segments,
        }
    }
}

/// One selected sentence: which document, which sentence, and its rank and
/// score in the brief if it was ranked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pick {
    /// Zero-based document index.
    pub doc: usize,
    /// Zero-based sentence index in the document.
    pub sentence: usize,
    /// One-based rank, if ranked.
    pub rank: Option<usize>,
    /// Score, if scored.
    pub score: Option<f64>,
}

impl Pick {
    /// A pick without rank or score.
    pub fn plain(doc: usize, sentence: usize) -> Pick {
        Pick {
            doc,
            sentence,
            rank: None,
            score: None,
        }
    }
}

/// A BCP 47 language tag such as `fa`, `fa-IR` or `ru-RU` (letters, digits
/// and hyphens; the first subtag is an ISO 639 code).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    /// The tag for a bare language code.
    pub fn from_lang(lang: Lang) -> LanguageTag {
        LanguageTag(lang.as_str().to_string())
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language.
    pub fn lang(&self) -> Lang {
        self.0.parse().unwrap_or(Lang::EN)
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.lang().is_rtl()
    }
}

impl FromStr for LanguageTag {
    type Err = Error;

    fn from_str(s: &str) -> Result<LanguageTag> {
        let mut parts = s.split('-');
        let primary = parts.next().unwrap_or("");
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !primary_ok || !rest_ok {
            return Err(Error::InvalidLanguage(s.to_string()));
        }
        Ok(LanguageTag(s.to_string()))
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for LanguageTag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for LanguageTag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An export file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// XLIFF 2.0 with the metadata module.
    Xliff20,
    /// XLIFF 2.1 (the 2.0 core namespace, `version="2.1"`).
    Xliff21,
    /// XLIFF 1.2 (strict schema).
    Xliff12,
    /// TMX 1.4b, one source and one target variant per unit.
    Tmx,
    /// Tab-separated values with a header row.
    Tsv,
    /// JSON Lines, one object per segment.
    Jsonl,
}

impl Format {
    /// All formats, in documentation order.
    pub const ALL: [Format; 6] = [
        Format::Xliff20,
        Format::Xliff21,
        Format::Xliff12,
        Format::Tmx,
        Format::Tsv,
        Format::Jsonl,
    ];

    /// The name used on the command line and in TOML.
    pub fn name(self) -> &'static str {
        match self {
            Format::Xliff20 => "xliff20",
            Format::Xliff21 => "xliff21",
            Format::Xliff12 => "xliff12",
            Format::Tmx => "tmx",
            Format::Tsv => "tsv",
            Format::Jsonl => "jsonl",
        }
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| Error::InvalidSetting {
                key: "format".into(),
                message: format!(
                    "unknown format {s:?}; expected one of xliff20, xliff21, xliff12, tmx, tsv, jsonl"
                ),
            })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What to put in the target of each exported segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetMode {
    /// An empty target (the default).
    #[default]
    Empty,
    /// A copy of the source text (what OmegaT's native XLIFF filter expects).
    Source,
    /// No target element at all.
    None,
}

impl FromStr for TargetMode {
    type Err = Error;

    fn from_str(s: &str) -> Result<TargetMode> {
        match s {
            "empty" => Ok(TargetMode::Empty),
            "source" => Ok(TargetMode::Source),
            "none" => Ok(TargetMode::None),
            _ => Err(Error::InvalidSetting {
                key: "export.target".into(),
                message: format!("{s:?}: expected empty, source or none"),
            }),
        }
    }
}

/// `[export]`: translation export settings.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExportSettings {
    /// Target language tags (BCP 47, e.g. `fa`, `fa-IR`, `ru-RU`).
    pub targets: Vec<LanguageTag>,
    /// Formats to write.
    pub formats: Vec<Format>,
    /// Target handling: `empty`, `source` or `none`.
    pub target: TargetMode,
    /// The source language tag written into the files (e.g. `en-GB`);
    /// unset means the detected language code.
    pub source_tag: Option<LanguageTag>,
}

impl Default for ExportSettings {
    fn default() -> ExportSettings {
        ExportSettings {
            targets: vec![LanguageTag("fa".into()), LanguageTag("ru".into())],
            formats: vec![Format::Xliff20, Format::Tmx],
            target: TargetMode::Empty,
            source_tag: None,
        }
    }
}

/// The first 16 hex digits of the SHA-256 of the exact source text: stored
/// with every exported segment so that merge can tell when it was edited.
///
/// ```
/// assert_eq!(brief::export::fingerprint("abc"), "ba7816bf8f01cfea");
/// ```
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The file name for one format and target language, e.g.
/// `brief.fa.xliff20.xlf`, `brief.ru-RU.tmx`. Names are unique per format and tag.
pub fn file_name(format: Format, target: &LanguageTag) -> String {
    match format {
        Format::Xliff20 | Format::Xliff21 | Format::Xliff12 => {
            format!("brief.{target}.{}.xlf", format.name())
        }
        Format::Tmx => format!("brief.{target}.tmx"),
        Format::Tsv => format!("brief.{target}.tsv"),
        Format::Jsonl => format!("brief.{target}.jsonl"),
    }
}

/// Renders one export file.
///
/// Fails only when a text holds a character that XML 1.0 cannot represent
/// (most C0 control characters) and the format is XML.
pub fn render(
    format: Format,
    bundle: &Bundle,
    target: &LanguageTag,
    mode: TargetMode,
) -> Result<Vec<u8>> {
    if bundle.segments.is_empty() {
        return Err(Error::Input {
            path: "<input>".into(),
            message: "no sentences to export".into(),
        });
    }
    match format {
        Format::Xliff20 => xliff2::render(bundle, target, mode, "2.0"),
        Format::Xliff21 => xliff2::render(bundle, target, mode, "2.1"),
        Format::Xliff12 => xliff12::render(bundle, target, mode),
        Format::Tmx => {
            let units: Vec<TmxUnit> = bundle
                .segments
                .iter()
                .map(|s| TmxUnit {
                    segment: s.clone(),
                    targets: match mode {
                        TargetMode::Empty => vec![(target.clone(), String::new())],
                        TargetMode::Source => vec![(target.clone(), s.text.clone())],
                        TargetMode::None => vec![],
                    },
                })
                .collect();
            render_tmx(&bundle.source_lang, &units, bundle.segments.len())
        }
        Format::Tsv => Ok(tabular::render_tsv(bundle, target, mode)),
        Format::Jsonl => tabular::render_jsonl(bundle, target, mode),
    }
}

/// The initial target text for a segment, if a target is written.
fn initial_target(segment: &Segment, mode: TargetMode) -> Option<&str> {
    match mode {
        TargetMode::Empty => Some(""),
        TargetMode::Source => Some(&segment.text),
        TargetMode::None => None,
    }
}

/// Formats a score compactly and deterministically.
fn format_score(score: f64) -> String {
    let rounded = (score * 1e6).round() / 1e6;
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    #[test]
    fn language_tags_are_validated() {
        assert!("fa-IR".parse::<LanguageTag>().is_ok());
        assert!("ru".parse::<LanguageTag>().is_ok());
        assert!("zh-Hant-TW".parse::<LanguageTag>().is_ok());
        assert!("f".parse::<LanguageTag>().is_err());
        assert!("fa IR".parse::<LanguageTag>().is_err());
        assert!("fa-".parse::<LanguageTag>().is_err());
        assert!("fa-IR".parse::<LanguageTag>().unwrap().is_rtl());
    }

    #[test]
    fn file_names_are_unique_per_format_and_language() {
        let mut names = std::collections::BTreeSet::new();
        for tag in ["fa", "ru", "fa-IR"] {
            let tag: LanguageTag = tag.parse().unwrap();
            for f in Format::ALL {
                assert!(names.insert(file_name(f, &tag)));
            }
        }
    }

    #[test]
    fn paragraphs_are_numbered() {
        let doc = Document::new("d", "One. Two.\n\n\nThree.\n  \nFour.\nFive.");
        let seg = crate::segment_document(&doc, &Config::default());
        let b = Bundle::all_sentences(&[doc], &[seg], None);
        let paras: Vec<_> = b
            .segments
            .iter()
            .map(|s| (s.text.trim(), s.paragraph))
            .collect();
        assert_eq!(paras.first(), Some(&("One.", Some(1))));
        assert_eq!(paras.get(2), Some(&("Three.", Some(2))));
        assert_eq!(paras.last().map(|p| p.1), Some(Some(3)));
    }

    #[test]
    fn ids_are_sequential_and_context_is_filled() {
        let doc = Document::new("d", "Alpha one. Beta two. Gamma three.");
        let seg = crate::segment_document(&doc, &Config::default());
        let b = Bundle::all_sentences(&[doc], &[seg], None);
        let ids: Vec<_> = b.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2", "s3"]);
        assert_eq!(b.segments[0].prev, None);
        assert_eq!(
            b.segments[1].prev.as_deref().map(str::trim),
            Some("Alpha one.")
        );
        assert_eq!(b.segments[2].next, None);
    }

    #[test]
    fn fingerprints_differ_on_any_change() {
        assert_ne!(fingerprint("a b"), fingerprint("a  b"));
        assert_eq!(fingerprint("").len(), 16);
    }
}
