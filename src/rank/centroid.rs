//! A topic-word density score: a sentence is worth the share of the
//! cluster's documents its content words appear in (for a single article,
//! the share of its sentences), per word it spends.
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
    let docs = doc.iter().copied().max().map_or(1, |m| m + 1);
    // One article: its sentences are the units a topic word recurs in.
    let by_sentence = docs < 2;
    let mut df = vec![0u32; n_terms];
    let mut last = vec![usize::MAX; n_terms];
    for (i, (v, &d)) in vectors.iter().zip(doc).enumerate() {
        let unit = if by_sentence { i } else { d };
        for &(t, _) in v {
            let t = t as usize;
            if t < n_terms && last[t] != unit {
                last[t] = unit;
                df[t] += 1;
            }
        }
    }
    let units = if by_sentence { vectors.len() } else { docs }.max(1) as f64;
    vectors
        .iter()
        .zip(words)
        .map(|(v, &w)| {
            let sum: f64 = v
                .iter()
                .filter_map(|&(t, _)| df.get(t as usize))
                .filter(|&&d| d >= 2)
                .map(|&d| f64::from(d) / units)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_article_counts_sentences_not_documents() {
        // Regression: with one document every df was 1 (below the cut-off of
        // 2), every score 0, and the brief fell back to LEAD.
        let vectors = vec![
            vec![(0, 1.0)],
            vec![(1, 0.7), (2, 0.7)],
            vec![(1, 0.7), (3, 0.7)],
        ];
        let s = centroid(&vectors, &[0, 0, 0], &[4, 4, 4], 4, 0.5);
        assert_eq!(s[0], 0.0);
        assert!(s[1] > 0.0 && s[2] > 0.0, "{s:?}");
    }

    #[test]
    fn a_cluster_counts_documents() {
        // Term 0 in both documents, term 1 in two sentences of one document only.
        let vectors = vec![vec![(0, 0.7), (1, 0.7)], vec![(1, 1.0)], vec![(0, 1.0)]];
        let s = centroid(&vectors, &[0, 0, 1], &[1, 1, 1], 2, 0.0);
        assert_eq!(s, [1.0, 0.0, 1.0]);
    }
}
