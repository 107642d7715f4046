//! LexRank (Erkan and Radev, 2004): PageRank over the TF-IDF cosine graph.

use super::{Graph, pagerank};

/// Continuous LexRank: edges weighted by cosine similarity.
///
/// ```
/// use brief::rank::{Graph, lexrank};
/// let g = Graph { rows: vec![vec![(1, 0.5)], vec![(0, 0.5), (2, 0.2)], vec![(1, 0.2)]] };
/// let scores = lexrank::continuous(&g, 0.85);
/// assert!(scores[1] > scores[0] && scores[1] > scores[2]);
/// ```
pub fn continuous(graph: &Graph, damping: f64) -> Vec<f64> {
    pagerank(graph, damping, None)
}

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
