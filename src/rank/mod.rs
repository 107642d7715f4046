//! Sentence ranking: similarity graphs and centrality.
//!
//! Sentences are sparse TF-IDF vectors ([`SparseVec`]). Similarities are
//! computed through an inverted index, so only pairs that share a term are
//! ever touched, and never as a dense n×n matrix. For very large inputs
//! (more than [`LARGE_INPUT`] sentences) the graph is capped to keep the cost
//! near-linear: terms found in more than [`DF_CAP`] sentences are left out of
//! the similarity (their IDF is low and they would make every sentence a
//! neighbour of every other), and each sentence keeps only its
//! [`TOP_K`] strongest neighbours.
//!
//! Algorithms: [`lexrank`] (continuous or thresholded, with damping),
//! [`textrank`] (word-overlap similarity), [`position`] (a PacSum-style
//! directed centrality with a position prior, for news), [`lead`], and the
//! coverage + diversity objective of [`submodular`] (ranking and selection in one).

mod algorithm;
pub mod centroid;
pub mod lexrank;
pub mod position;
pub mod submodular;
pub mod textrank;

pub use algorithm::{Algorithm, RankInput, RankParams, Ranker, score};

use rayon::prelude::*;

/// A sparse vector: (term id, weight), sorted by term id.
pub type SparseVec = Vec<(u32, f32)>;

/// Inputs with more sentences than this get a capped similarity graph.
pub const LARGE_INPUT: usize = 2_000;
/// In capped graphs, terms found in more sentences than this are ignored.
pub const DF_CAP: usize = 200;
/// In capped graphs, the number of neighbours kept per sentence.
pub const TOP_K: usize = 40;

/// Graphs over fewer sentences than this are built on one thread.
const PARALLEL_GRAPH: usize = 256;

/// A weighted graph over sentences, as adjacency rows sorted by target.
/// There are no self-loops.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    /// For each sentence, its neighbours and edge weights.
    pub rows: Vec<Vec<(u32, f32)>>,
}

impl Graph {
    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.rows.len()
    }
}

/// Cosine similarity of two L2-normalized sparse vectors (their dot product).
pub fn dot(a: &SparseVec, b: &SparseVec) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        let (ta, wa) = a[i];
        let (tb, wb) = b[j];
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Builds a similarity graph from per-sentence weighted term lists through an
/// inverted index. `pair(i, j, overlap)` turns the accumulated sum of
/// `w_i(t) * w_j(t)` over shared terms into an edge weight (or `None`).
pub fn build_graph(
    vectors: &[SparseVec],
    n_terms: usize,
    pair: impl Fn(usize, usize, f32) -> Option<f32> + Sync,
) -> Graph {
    let n = vectors.len();
    let large = n > LARGE_INPUT;
    // The postings of all terms in one array (term `t`'s are
    // `flat[start[t]..start[t + 1]]`, in sentence order): one allocation,
    // not one per term.
    let mut start = vec![0usize; n_terms + 1];
    for v in vectors {
        for &(t, _) in v {
            if (t as usize) < n_terms {
                start[t as usize + 1] += 1;
            }
        }
    }
    for t in 0..n_terms {
        start[t + 1] += start[t];
    }
    let mut next = start.clone();
    let mut flat = vec![(0u32, 0.0f32); start[n_terms]];
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            if (t as usize) < n_terms {
                let at = &mut next[t as usize];
                flat[*at] = (i as u32, w);
                *at += 1;
            }
        }
    }
    let postings = |t: u32| -> &[(u32, f32)] {
        let t = t as usize;
        if t >= n_terms {
            return &[];
        }
        let list = &flat[start[t]..start[t + 1]];
        // In capped graphs, terms in too many sentences are left out.
        if large && list.len() > DF_CAP {
            &[]
        } else {
            list
        }
    };
    let row_of = |(acc, touched): &mut (Vec<f32>, Vec<u32>), i: usize| {
        for &(t, w) in &vectors[i] {
            for &(j, wj) in postings(t) {
                if j as usize == i {
                    continue;
                }
                let slot = &mut acc[j as usize];
                if *slot == 0.0 {
                    touched.push(j);
                }
                *slot += w * wj;
            }
        }
        let mut row: Vec<(u32, f32)> = Vec::with_capacity(touched.len());
        for &j in touched.iter() {
            let overlap = std::mem::take(&mut acc[j as usize]);
            if let Some(weight) = pair(i, j as usize, overlap)
                && weight > 0.0
                && weight.is_finite()
            {
                row.push((j, weight));
            }
        }
        touched.clear();
        if large && row.len() > TOP_K {
            row.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            row.truncate(TOP_K);
        }
        row.sort_by_key(|&(j, _)| j);
        // The row was sized for every touched sentence; keep only what is used.
        row.shrink_to_fit();
        row
    };
    let scratch = || (vec![0.0f32; n], Vec::<u32>::new());
    // An article's few dozen sentences cost less than a parallel job (and
    // a batch runs articles in parallel already); every row is computed
    // alike either way.
    let rows: Vec<Vec<(u32, f32)>> = if n < PARALLEL_GRAPH {
        let mut s = scratch();
        (0..n).map(|i| row_of(&mut s, i)).collect()
    } else {
        (0..n).into_par_iter().map_init(scratch, row_of).collect()
    };
    Graph { rows }
}

/// The cosine-similarity graph of L2-normalized TF-IDF vectors.
pub fn cosine_graph(vectors: &[SparseVec], n_terms: usize) -> Graph {
    build_graph(vectors, n_terms, |_, _, sim| Some(sim))
}

/// Weighted PageRank by power iteration: `damping` is the probability of
/// following an edge; the rest of the mass is spread by `teleport`
/// (uniform when `None`; it need not be normalized). Sentences without edges
/// spread their mass the same way.
pub fn pagerank(graph: &Graph, damping: f64, teleport: Option<&[f64]>) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let jump: Vec<f64> = match teleport {
        Some(t) if t.len() == n && t.iter().sum::<f64>() > 0.0 => {
            let total: f64 = t.iter().sum();
            t.iter().map(|x| x.max(0.0) / total).collect()
        }
        _ => vec![1.0 / n as f64; n],
    };
    let out_weight: Vec<f64> = graph
        .rows
        .iter()
        .map(|r| r.iter().map(|&(_, w)| w as f64).sum())
        .collect();
    let mut p = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..200 {
        next.iter_mut().for_each(|x| *x = 0.0);
        let mut dangling = 0.0;
        for (i, row) in graph.rows.iter().enumerate() {
            if out_weight[i] <= 0.0 {
                dangling += p[i];
                continue;
            }
            let share = p[i] / out_weight[i];
            for &(j, w) in row {
                next[j as usize] += share * w as f64;
            }
        }
        let mut delta = 0.0;
        for j in 0..n {
            let v = (1.0 - damping) * jump[j] + damping * (next[j] + dangling * jump[j]);
            delta += (v - p[j]).abs();
            p[j] = v;
        }
        if delta < 1e-9 {
            break;
        }
    }
    p
}

/// LEAD: earlier sentences first. For a cluster, round-robin over documents
/// (every document's first sentence, then every second sentence, ...).
/// `position[i]` is the sentence's index within its document.
pub fn lead(position: &[usize]) -> Vec<f64> {
    position.iter().map(|&p| 1.0 / (1.0 + p as f64)).collect()
}

/// [`lead`] as a [`Ranker`].
#[derive(Debug, Clone, Copy)]
pub struct Lead;

impl Ranker for Lead {
    fn scores(&self, input: &RankInput<'_>) -> Vec<f64> {
        lead(input.position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(v: &[(u32, f32)]) -> SparseVec {
        let norm: f32 = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        v.iter().map(|&(t, w)| (t, w / norm)).collect()
    }

    #[test]
    fn graph_has_edges_only_between_sentences_sharing_terms() {
        let vs = vec![
            unit(&[(0, 1.0), (1, 1.0)]),
            unit(&[(1, 1.0)]),
            unit(&[(2, 1.0)]),
        ];
        let g = cosine_graph(&vs, 3);
        assert_eq!(g.rows[0].len(), 1);
        assert_eq!(g.rows[0][0].0, 1);
        assert!((g.rows[0][0].1 - dot(&vs[0], &vs[1])).abs() < 1e-6);
        assert!(g.rows[2].is_empty());
    }

    /// A term in more than `DF_CAP` sentences of a large input makes no
    /// edges; a rare shared term still does.
    #[test]
    fn large_inputs_leave_out_common_terms() {
        let n = LARGE_INPUT + 1;
        let vs: Vec<SparseVec> = (0..n)
            .map(|i| match i {
                0 | 1 => unit(&[(0, 1.0), (1, 1.0)]),
                _ => vec![(0, 1.0)],
            })
            .collect();
        let g = cosine_graph(&vs, 2);
        assert_eq!(g.rows[0].len(), 1);
        assert_eq!(g.rows[0][0].0, 1);
        assert!(g.rows[2..].iter().all(Vec::is_empty));
        let small = cosine_graph(&vs[..3], 2);
        assert_eq!(small.rows[2].len(), 2);
    }

    #[test]
    fn pagerank_sums_to_one_and_favours_hubs() {
        let g = Graph {
            rows: vec![
                vec![(1, 1.0), (2, 1.0)],
                vec![(0, 1.0)],
                vec![(0, 1.0)],
                vec![],
            ],
        };
        let p = pagerank(&g, 0.85, None);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(p[0] > p[1] && p[1] > p[3]);
    }

    #[test]
    fn empty_graph_ranks_nothing() {
        assert!(pagerank(&Graph::default(), 0.85, None).is_empty());
    }
}
