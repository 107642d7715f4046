//! A position-aware directed centrality for news, after PacSum (Zheng and
//! Lapata, 2019).
//!
//! News puts the key facts first. PacSum makes the similarity graph
//! directed by position: a sentence earns centrality from the sentences that
//! follow it (which elaborate on it) with one weight, and from the sentences
//! before it with another (usually negative) weight, after subtracting a
//! threshold from every edge. brief adds a position prior `1 / (1 + p)` so
//! that, on short articles where the graph is sparse, the lead still counts.

use super::Graph;

/// Parameters of the position-aware centrality.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PositionParams {
    /// Weight of edges to later sentences of the same document.
    pub forward: f64,
    /// Weight of edges to earlier sentences of the same document.
    pub backward: f64,
    /// Edges below `beta * max edge weight` are dropped, the rest reduced by it.
    pub beta: f64,
    /// Weight of the position prior against the (max-normalized) centrality.
    pub prior: f64,
}

/// Position-aware scores. `doc[i]` and `position[i]` give the document of
/// sentence `i` and its index within it; edges between documents count as
/// forward edges.
///
pub fn position_aware(
    graph: &Graph,
    doc: &[usize],
    position: &[usize],
    p: PositionParams,
) -> Vec<f64> {
    let max = graph
        .rows
        .iter()
        .flat_map(|r| r.iter().map(|&(_, w)| w as f64))
        .fold(0.0f64, f64::max);
    let threshold = p.beta * max;
    let mut centrality: Vec<f64> = graph
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .map(|&(j, w)| {
                    let w = w as f64 - threshold;
                    if w <= 0.0 {
                        return 0.0;
                    }
                    let j = j as usize;
                    let same_doc = doc.get(i) == doc.get(j);
                    if same_doc && j < i {
                        p.backward * w
                    } else {
                        p.forward * w
                    }
                })
                .sum()
        })
        .collect();
    let scale = centrality.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if scale > 0.0 {
        centrality.iter_mut().for_each(|x| *x /= scale);
    }
    centrality
        .iter()
        .zip(position)
        .map(|(c, &pos)| c + p.prior / (1.0 + pos as f64))
        .collect()
}

/// Position-aware centrality as a [`Ranker`](super::Ranker).
#[derive(Debug, Clone, Copy)]
pub struct Position(pub PositionParams);

impl super::Ranker for Position {
    fn scores(&self, input: &super::RankInput<'_>) -> Vec<f64> {
        position_aware(input.graph(), input.doc, input.position, self.0)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn position_aware_example() {
        use crate::rank::{
            Graph,
            position::{PositionParams, position_aware},
        };
        let g = Graph {
            rows: vec![vec![(1, 0.5)], vec![(0, 0.5)]],
        };
        let p = PositionParams {
            forward: 1.0,
            backward: -1.0,
            beta: 0.0,
            prior: 0.0,
        };
        let s = position_aware(&g, &[0, 0], &[0, 1], p);
        assert!(s[0] > s[1]);
    }
}
