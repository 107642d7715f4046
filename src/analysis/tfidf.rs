//! TF-IDF vectors over the sentences of one document or cluster.
//!
//! Built from the terms an [`AnalyzedDocument`] already holds; terms get ids
//! in order of first appearance, so the vectors (and every score computed
//! from them) are deterministic.

use std::collections::HashMap;

use super::AnalyzedDocument;
use crate::rank::SparseVec;
use crate::stem::{Background, BuildWordHasher};

/// What inverse document frequency is counted over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdfUnit {
    /// Each sentence is a "document".
    #[default]
    Sentences,
    /// Each input document (for clusters).
    Documents,
}

/// The sentences of a cluster as TF-IDF vectors, with where each came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermSpace {
    /// (document index, sentence index) of each sentence, in cluster order.
    pub sentences: Vec<(usize, usize)>,
    /// L2-normalized TF-IDF vectors, of the whole sentence: what ranking
    /// reads.
    pub vectors: Vec<SparseVec>,
    /// The vectors of what a brief shows of the sentences whose first
    /// terms stand before it (a skipped dateline), by sentence index,
    /// sorted: what the repeat check reads ([`TermSpace::shown`]).
    pub shown: Vec<(usize, SparseVec)>,
    /// Number of content terms per sentence.
    pub lengths: Vec<usize>,
    /// Number of distinct terms.
    pub n_terms: usize,
    /// The query as a TF-IDF vector over the same terms, if one was given.
    pub query: Option<SparseVec>,
}

impl TermSpace {
    /// Index of each sentence within its document.
    pub fn positions(&self) -> Vec<usize> {
        self.sentences.iter().map(|&(_, p)| p).collect()
    }

    /// The vector of what a brief shows of sentence `i`.
    pub fn shown(&self, i: usize) -> &SparseVec {
        match self.shown.binary_search_by_key(&i, |(k, _)| *k) {
            Ok(at) => &self.shown[at].1,
            Err(_) => &self.vectors[i],
        }
    }

    /// Document index of each sentence.
    pub fn documents(&self) -> Vec<usize> {
        self.sentences.iter().map(|&(d, _)| d).collect()
    }
}

fn normalize(v: &mut SparseVec) {
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| x.1 /= norm);
    }
}

/// A sentence's (cluster term id, count) pairs, sorted by id, from its
/// document term ids.
fn term_counts(terms: &[u32], to_cluster: &[u32]) -> Vec<(u32, u32)> {
    let mut row: Vec<u32> = terms.iter().map(|&t| to_cluster[t as usize]).collect();
    row.sort_unstable();
    let mut counts: Vec<(u32, u32)> = Vec::new();
    for t in row {
        match counts.last_mut() {
            Some(last) if last.0 == t => last.1 += 1,
            _ => counts.push((t, 1)),
        }
    }
    counts
}

/// `1 + ln(n / df)` for each term's document frequency (at least 1).
/// Many terms share a frequency (most are in one sentence): each distinct
/// one is worked out once.
fn idf_by_df(df: &[u32], n: f64) -> Vec<f32> {
    let mut by_df: Vec<Option<f32>> = Vec::new();
    df.iter()
        .map(|&d| {
            let d = d.max(1);
            let at = d as usize;
            if at >= by_df.len() {
                by_df.resize(at + 1, None);
            }
            *by_df[at].get_or_insert_with(|| (1.0 + (n / f64::from(d)).ln()) as f32)
        })
        .collect()
}

/// Multiplies each term's IDF by its background factor
/// (`relative_idf^weight`).
fn scale_by_background(
    idf: &mut [f32],
    docs: &[AnalyzedDocument],
    names: &[&str],
    need_map: bool,
    bg: &Background,
    weight: f32,
) {
    match docs {
        // One document's terms are its own names, in its order: its
        // analyzer may have their factors already.
        [doc] if !need_map => {
            let factors = doc
                .analyzer()
                .background_factors(doc.term_ids(), bg, weight);
            for (w, f) in idf.iter_mut().zip(factors) {
                *w *= f;
            }
        }
        _ => {
            for (w, term) in idf.iter_mut().zip(names) {
                *w *= bg.relative_idf(term).powf(weight);
            }
        }
    }
}

/// Builds the vectors of every sentence of `docs`; `query_terms`, analyzed
/// like the sentences, becomes a vector over the same terms. With a
/// `background` table and weight, each term's IDF is scaled by its
/// background IDF raised to the weight. The first `shown_from[i]` terms
/// of the `i`-th sentence (documents' sentences in order; missing entries
/// are 0) stand before what a brief shows (a dateline): ranking reads the
/// whole sentence, the repeat check the shown part ([`TermSpace::shown`]).
pub(crate) fn build(
    docs: &[AnalyzedDocument],
    idf_unit: IdfUnit,
    background: Option<(&Background, f64)>,
    query_terms: Option<&[String]>,
    shown_from: &[usize],
) -> TermSpace {
    let mut sentences = Vec::new();
    // Cluster ids go by first appearance in the cluster; one document's
    // own ids already do.
    let need_map = docs.len() > 1 || query_terms.is_some();
    let mut ids: HashMap<&str, u32, BuildWordHasher> = HashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let mut counts: Vec<Vec<(u32, u32)>> = Vec::new();
    let mut shown_counts: Vec<(usize, Vec<(u32, u32)>)> = Vec::new();
    let mut to_cluster: Vec<u32> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let doc_terms = doc.term_ids();
        to_cluster.clear();
        for name in &doc_terms.names {
            let next = names.len() as u32;
            let id = if need_map {
                *ids.entry(name).or_insert_with(|| {
                    names.push(name);
                    next
                })
            } else {
                names.push(name);
                next
            };
            to_cluster.push(id);
        }
        for (p, terms) in doc_terms.sentences.iter().enumerate() {
            let from = shown_from
                .get(sentences.len())
                .map_or(0, |&n| n.min(terms.len()));
            if from > 0 {
                shown_counts.push((sentences.len(), term_counts(&terms[from..], &to_cluster)));
            }
            sentences.push((d, p));
            counts.push(term_counts(terms, &to_cluster));
        }
    }
    let n_terms = names.len();
    let mut df = vec![0u32; n_terms];
    let by_documents = idf_unit == IdfUnit::Documents && docs.len() > 1;
    if by_documents {
        // A term counts once per document: remember the last document that counted it.
        let mut last_doc = vec![usize::MAX; n_terms];
        for (row, &(d, _)) in counts.iter().zip(&sentences) {
            for &(t, _) in row {
                if last_doc[t as usize] != d {
                    last_doc[t as usize] = d;
                    df[t as usize] += 1;
                }
            }
        }
    } else {
        for row in &counts {
            for &(t, _) in row {
                df[t as usize] += 1;
            }
        }
    }
    let n = if by_documents {
        docs.len()
    } else {
        counts.len()
    }
    .max(1) as f64;
    let mut idf = idf_by_df(&df, n);
    // One article is a tiny corpus: scale its IDF by the language's
    // background IDF (relative to an unseen word) raised to the weight.
    if let Some((bg, weight)) = background.filter(|&(_, w)| w > 0.0) {
        scale_by_background(&mut idf, docs, &names, need_map, bg, weight as f32);
    }
    let lengths = counts
        .iter()
        .map(|r| r.iter().map(|&(_, c)| c as usize).sum())
        .collect();
    let vector = |row: &Vec<(u32, u32)>| {
        let mut v: SparseVec = row
            .iter()
            .map(|&(t, c)| (t, c as f32 * idf[t as usize]))
            .collect();
        normalize(&mut v);
        v
    };
    let vectors = counts.iter().map(vector).collect();
    let shown = shown_counts
        .iter()
        .map(|(i, row)| (*i, vector(row)))
        .collect();
    let query = query_terms.map(|terms| {
        let mut in_query: Vec<u32> = terms
            .iter()
            .filter_map(|t| ids.get(t.as_str()).copied())
            .collect();
        in_query.sort_unstable();
        let mut v: SparseVec = Vec::new();
        for t in in_query {
            match v.last_mut() {
                Some(last) if last.0 == t => last.1 += idf[t as usize],
                _ => v.push((t, idf[t as usize])),
            }
        }
        normalize(&mut v);
        v
    });
    TermSpace {
        sentences,
        vectors,
        shown,
        lengths,
        n_terms,
        query,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document, analyze};

    #[test]
    fn vectors_are_unit_length_and_follow_sentence_order() {
        let doc = analyze(
            Document::new(
                "a",
                "Rain fell on Tehran. The rain filled dams. A cat slept.",
            ),
            &Config::default(),
        );
        let space = build(
            std::slice::from_ref(&doc),
            IdfUnit::Sentences,
            None,
            None,
            &[],
        );
        assert_eq!(space.sentences, [(0, 0), (0, 1), (0, 2)]);
        for v in &space.vectors {
            let norm: f32 = v.iter().map(|x| x.1 * x.1).sum();
            assert!((norm - 1.0).abs() < 1e-5);
        }
        assert!(space.query.is_none());
    }
}
