//! TextRank (Mihalcea and Tarau, 2004): PageRank over a word-overlap graph.

use super::{Graph, SparseVec, build_graph, pagerank};

/// TextRank scores. `terms[i]` lists the distinct terms of sentence `i`
/// (any weights; only presence counts) and `lengths[i]` its number of
/// content words. The similarity of two sentences is the number of terms
/// they share divided by `ln |S_i| + ln |S_j|`.
/// `teleport` biases the random jump as in [`pagerank`].
pub fn textrank(
    terms: &[SparseVec],
    lengths: &[usize],
    n_terms: usize,
    damping: f64,
    teleport: Option<&[f64]>,
) -> Vec<f64> {
    let binary: Vec<SparseVec> = terms
        .iter()
        .map(|v| v.iter().map(|&(t, _)| (t, 1.0)).collect())
        .collect();
    let graph: Graph = build_graph(&binary, n_terms, |i, j, shared| {
        let li = lengths.get(i).copied().unwrap_or(0) as f32;
        let lj = lengths.get(j).copied().unwrap_or(0) as f32;
        let denom = li.max(1.0).ln() + lj.max(1.0).ln();
        (denom > 0.0).then(|| shared / denom)
    });
    pagerank(&graph, damping, teleport)
}

/// TextRank as a [`Ranker`](super::Ranker), biased by the input's teleport.
#[derive(Debug, Clone, Copy)]
pub struct TextRank {
    /// PageRank damping.
    pub damping: f64,
}

impl super::Ranker for TextRank {
    fn scores(&self, input: &super::RankInput<'_>) -> Vec<f64> {
        textrank(
            input.vectors,
            input.lengths,
            input.n_terms,
            self.damping,
            input.teleport,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_words_raise_scores() {
        let terms = vec![
            vec![(0, 1.0), (1, 1.0)],
            vec![(0, 1.0), (1, 1.0), (2, 1.0)],
            vec![(3, 1.0), (4, 1.0)],
        ];
        let s = textrank(&terms, &[2, 3, 2], 5, 0.85, None);
        assert!(s[0] > s[2] && s[1] > s[2]);
    }
}
