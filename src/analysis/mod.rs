//! Text analysis, done once per document: language, sentences, and the
//! matching terms of every sentence.
//!
//! An [`AnalyzedDocument`] is what every later stage takes: summarize ranks
//! its sentences, export writes them, eval scores them. No stage segments a
//! document again or finds a sentence again by its byte span; sentences are
//! named by their index.
//!
//! The terms (stemmed matching keys without stopwords, see
//! [`crate::stem::Analyzer`]) are computed on first use, so `brief segment`
//! pays only for detection and segmentation.

pub(crate) mod tfidf;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::detect::{self, Detection};
use crate::input::Document;
use crate::lang::Lang;
use crate::resources::LanguageSettings;
use crate::segment::{SegmentSettings, Segmenter, Sentence};
use crate::stem::{Analyzer, DocTerms};

/// A document with its language and sentences, and (computed when first
/// needed) the matching terms of each sentence.
#[derive(Debug, Clone)]
pub struct AnalyzedDocument {
    /// The document as read.
    pub document: Document,
    /// How its language was decided.
    pub detection: Detection,
    /// Its sentences, in text order, as byte spans into `document.text`.
    pub sentences: Vec<Sentence>,
    analyzer: Arc<Analyzer>,
    term_ids: OnceLock<DocTerms>,
    terms: OnceLock<Vec<Vec<String>>>,
}

impl AnalyzedDocument {
    /// The language of the document.
    pub fn lang(&self) -> Lang {
        self.detection.lang
    }

    /// The text of sentence `index`, exactly as in the document (empty if
    /// there is no such sentence).
    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences
            .get(index)
            .map_or("", |s| s.text(&self.document.text))
    }

    /// The matching terms of each sentence (stemmed keys, stopwords left out).
    pub fn terms(&self) -> &[Vec<String>] {
        self.terms.get_or_init(|| {
            let ids = self.term_ids();
            ids.sentences
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|&t| ids.names[t as usize].to_string())
                        .collect()
                })
                .collect()
        })
    }

    /// The matching terms of each sentence as ids into the document's
    /// distinct terms (what TF-IDF is built from).
    pub(crate) fn term_ids(&self) -> &DocTerms {
        self.term_ids.get_or_init(|| {
            self.analyzer
                .doc_terms(self.sentences.iter().map(|s| s.text(&self.document.text)))
        })
    }

    /// The analyzer that made the terms (used for a query in the same language).
    pub(crate) fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }
}

/// Detects the language of `document` (its own `lang`, else `segment.lang`,
/// else detection) and splits it into sentences, with the user's additions
/// for its language from `languages`.
pub(crate) fn analyze(
    document: Document,
    segment: &SegmentSettings,
    languages: &BTreeMap<Lang, LanguageSettings>,
) -> AnalyzedDocument {
    let detection = detect::detect(&document.text, document.lang.or(segment.lang));
    let lang = detection.lang;
    let extra = languages.get(&lang);
    let sentences = Segmenter::new(lang, extra, segment).segment(&document.text);
    AnalyzedDocument {
        document,
        detection,
        sentences,
        analyzer: Analyzer::shared(lang, extra),
        term_ids: OnceLock::new(),
        terms: OnceLock::new(),
    }
}

/// [`analyze`] for several documents, in parallel, in input order.
pub(crate) fn analyze_all(
    documents: Vec<Document>,
    segment: &SegmentSettings,
    languages: &BTreeMap<Lang, LanguageSettings>,
) -> Vec<AnalyzedDocument> {
    // One article (each item of a batch, which is parallel already) is
    // not worth a parallel job.
    if documents.len() < 2 {
        return documents
            .into_iter()
            .map(|d| analyze(d, segment, languages))
            .collect();
    }
    documents
        .into_par_iter()
        .map(|d| analyze(d, segment, languages))
        .collect()
}

/// The language of a cluster: the one with the most text (ties: the one
/// that comes first).
pub fn cluster_lang(docs: &[AnalyzedDocument]) -> Lang {
    let mut totals: Vec<(Lang, usize, usize)> = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let (lang, bytes) = (doc.lang(), doc.document.text.len());
        match totals.iter_mut().find(|t| t.0 == lang) {
            Some(t) => t.1 += bytes,
            None => totals.push((lang, bytes, i)),
        }
    }
    totals
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map_or(Lang::EN, |t| t.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, analyze, analyze_all};

    #[test]
    fn terms_are_computed_once_per_sentence() {
        let doc = analyze(
            Document::new("a", "The talks were running late. Rain fell."),
            &Config::default(),
        );
        assert_eq!(doc.terms().len(), doc.sentences.len());
        assert_eq!(doc.terms()[0], ["talk", "run", "late"]);
        assert!(std::ptr::eq(doc.terms(), doc.terms()));
    }

    #[test]
    fn the_cluster_language_is_the_one_with_most_text() {
        let config = Config::default();
        let docs = analyze_all(
            vec![
                Document::new("a", "Short English text here."),
                Document::new(
                    "b",
                    "Длинный русский текст о погоде в городе Москве сегодня.",
                ),
            ],
            &config,
        );
        assert_eq!(cluster_lang(&docs), Lang::RU);
        assert_eq!(cluster_lang(&[]), Lang::EN);
    }
}
