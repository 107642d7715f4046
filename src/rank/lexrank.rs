//! LexRank (Erkan and Radev, 2004): PageRank over the TF-IDF cosine graph.

use super::{Graph, pagerank};

/// Thresholded LexRank: an edge of weight 1 wherever the cosine similarity
/// exceeds `threshold`. `teleport` biases the random jump as in [`pagerank`].
pub fn thresholded(
    graph: &Graph,
    threshold: f64,
    damping: f64,
    teleport: Option<&[f64]>,
) -> Vec<f64> {
    let binary = Graph {
        rows: graph
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .filter(|&&(_, w)| w as f64 > threshold)
                    .map(|&(j, _)| (j, 1.0))
                    .collect()
            })
            .collect(),
    };
    pagerank(&binary, damping, teleport)
}

/// Continuous LexRank as a [`Ranker`](super::Ranker), biased by the input's teleport.
#[derive(Debug, Clone, Copy)]
pub struct LexRank {
    /// PageRank damping.
    pub damping: f64,
}

impl super::Ranker for LexRank {
    fn scores(&self, input: &super::RankInput<'_>) -> Vec<f64> {
        pagerank(input.graph(), self.damping, input.teleport)
    }
}

/// Thresholded LexRank as a [`Ranker`](super::Ranker).
#[derive(Debug, Clone, Copy)]
pub struct ThresholdedLexRank {
    /// Cosine above which sentences are linked.
    pub threshold: f64,
    /// PageRank damping.
    pub damping: f64,
}

impl super::Ranker for ThresholdedLexRank {
    fn scores(&self, input: &super::RankInput<'_>) -> Vec<f64> {
        thresholded(input.graph(), self.threshold, self.damping, input.teleport)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_drops_weak_edges() {
        let g = Graph {
            rows: vec![vec![(1, 0.05)], vec![(0, 0.05)], vec![]],
        };
        let s = thresholded(&g, 0.1, 0.85, None);
        assert!((s[0] - s[2]).abs() < 1e-9);
    }
}
