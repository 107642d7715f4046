//! A topic-word density score for clusters: a sentence is worth the share of
//! the cluster's documents its content words appear in, per word it spends.
//!
//! Words repeated across many articles of a cluster are its topic; the score
//! of a sentence is the sum of their document shares divided by its length
//! raised to `length_power` (0: a plain sum that favours long sentences; 1: a
//! density that favours short ones). This works well for word budgets,
//! where every word spent must carry content.

use super::SparseVec;

/// Scores. `vectors[i]` holds the terms of sentence `i` (weights ignored),
/// `doc[i]` its document and `words[i]` its length in words.
pub fn centroid(
    vectors: &[SparseVec],
    doc: &[usize],
    words: &[usize],
    n_terms: usize,
    length_power: f64,
) -> Vec<f64> {
    let mut df = vec![0u32; n_terms];
    let mut last = vec![usize::MAX; n_terms];
    for (v, &d) in vectors.iter().zip(doc) {
        for &(t, _) in v {
            let t = t as usize;
            if t < n_terms && last[t] != d {
                last[t] = d;
                df[t] += 1;
            }
        }
    }
    let docs = doc.iter().copied().max().map_or(1, |m| m + 1) as f64;
    vectors
        .iter()
        .zip(words)
        .map(|(v, &w)| {
            let sum: f64 = v
                .iter()
                .filter_map(|&(t, _)| df.get(t as usize))
                .filter(|&&d| d >= 2)
                .map(|&d| f64::from(d) / docs)
                .sum();
            sum / (w.max(1) as f64).powf(length_power)
        })
        .collect()
}

/// The centroid score as a [`Ranker`](super::Ranker).
#[derive(Debug, Clone, Copy)]
pub struct Centroid {
    /// The sentence length exponent.
    pub length_power: f64,
}

impl super::Ranker for Centroid {
    fn scores(&self, input: &super::RankInput<'_>) -> Vec<f64> {
        centroid(
            input.vectors,
            input.doc,
            input.words,
            input.n_terms,
            self.length_power,
        )
    }
}
