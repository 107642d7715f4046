//! `omegat.project`: the project settings OmegaT 3.6 reads.

use crate::error::Result;
use crate::formats::LanguageTag;
use crate::formats::xml::XmlOut;

/// OmegaT's Lucene tokenizer for a language (ISO 639-1 code), for word
/// counts and matching; languages without one get OmegaT's default.
pub(super) const TOKENIZERS: [(&str, &str); 31] = [
    ("ar", "LuceneArabicTokenizer"),
    ("bg", "LuceneBulgarianTokenizer"),
    ("ca", "LuceneCatalanTokenizer"),
    ("cs", "LuceneCzechTokenizer"),
    ("da", "LuceneDanishTokenizer"),
    ("de", "LuceneGermanTokenizer"),
    ("el", "LuceneGreekTokenizer"),
    ("en", "LuceneEnglishTokenizer"),
    ("es", "LuceneSpanishTokenizer"),
    ("eu", "LuceneBasqueTokenizer"),
    ("fa", "LucenePersianTokenizer"),
    ("fi", "LuceneFinnishTokenizer"),
    ("fr", "LuceneFrenchTokenizer"),
    ("ga", "LuceneIrishTokenizer"),
    ("gl", "LuceneGalicianTokenizer"),
    ("hi", "LuceneHindiTokenizer"),
    ("hu", "LuceneHungarianTokenizer"),
    ("hy", "LuceneArmenianTokenizer"),
    ("id", "LuceneIndonesianTokenizer"),
    ("it", "LuceneItalianTokenizer"),
    ("ja", "LuceneJapaneseTokenizer"),
    ("lv", "LuceneLatvianTokenizer"),
    ("nb", "LuceneNorwegianTokenizer"),
    ("nl", "LuceneDutchTokenizer"),
    ("no", "LuceneNorwegianTokenizer"),
    ("pt", "LucenePortugueseTokenizer"),
    ("ro", "LuceneRomanianTokenizer"),
    ("ru", "LuceneRussianTokenizer"),
    ("sv", "LuceneSwedishTokenizer"),
    ("th", "LuceneThaiTokenizer"),
    ("tr", "LuceneTurkishTokenizer"),
];

/// The tokenizer class for `tag` (its primary language subtag).
pub(super) fn tokenizer(tag: &LanguageTag) -> String {
    let primary = tag
        .as_str()
        .split('-')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let class = TOKENIZERS
        .binary_search_by(|(code, _)| (*code).cmp(primary.as_str()))
        .map(|i| TOKENIZERS[i].1)
        .unwrap_or("DefaultTokenizer");
    format!("org.omegat.tokenizer.{class}")
}

/// The project file for a brief in `source` translated into `target`:
/// default folders, the languages and their tokenizers, and sentence
/// segmentation off, because brief's units are sentences already (with it
/// on, OmegaT splits sentences such as "U.S. officials said ..." again and
/// a memory of whole sentences no longer matches them).
pub(super) fn render(source: &LanguageTag, target: &LanguageTag) -> Result<Vec<u8>> {
    let mut out = XmlOut::new()?;
    out.open("omegat", &[])?;
    out.open("project", &[("version", "1.0")])?;
    for dir in [
        "source_dir",
        "target_dir",
        "tm_dir",
        "glossary_dir",
        "glossary_file",
        "dictionary_dir",
    ] {
        out.leaf(dir, &[], "__DEFAULT__")?;
    }
    out.open("source_dir_excludes", &[])?;
    out.leaf("mask", &[], "**/.svn/**")?;
    out.leaf("mask", &[], "**/.git/**")?;
    out.close("source_dir_excludes")?;
    out.leaf("source_lang", &[], source.as_str())?;
    out.leaf("target_lang", &[], target.as_str())?;
    out.leaf("source_tok", &[], &tokenizer(source))?;
    out.leaf("target_tok", &[], &tokenizer(target))?;
    out.leaf("sentence_seg", &[], "false")?;
    out.leaf("support_default_translations", &[], "true")?;
    out.leaf("remove_tags", &[], "false")?;
    out.close("project")?;
    out.close("omegat")?;
    out.finish()
}
