//! Sentence segmentation with byte spans into the original text.
//!
//! The segmenter never changes the text: it reports spans, and every span
//! `text[start..end]` is a sentence with surrounding whitespace excluded.

use serde::Deserialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::config::LanguageSettings;
use crate::lang::Lang;

/// `[segment]` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SegmentSettings {
    /// Language of every input; absent means detect per document.
    pub lang: Option<Lang>,
}

/// One sentence: a byte span into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

impl Sentence {
    /// The sentence's text within `doc`.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

/// A sentence segmenter for one language, built once and reused.
#[derive(Debug, Clone)]
pub struct Segmenter {
    lang: Lang,
}

impl Segmenter {
    /// A segmenter for `lang` with the user's additions.
    pub fn new(
        lang: Lang,
        _extra: Option<&LanguageSettings>,
        _settings: &SegmentSettings,
    ) -> Segmenter {
        Segmenter { lang }
    }

    /// The language this segmenter was built for.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Splits `text` into sentences.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        for (start, s) in text.split_sentence_bound_indices() {
            let trimmed_start = start + (s.len() - s.trim_start().len());
            let end = start + s.trim_end().len();
            if end > trimmed_start {
                out.push(Sentence {
                    start: trimmed_start,
                    end,
                });
            }
        }
        out
    }
}
