//! The choice of ranker, and the one function that runs it.
//!
//! Every ranker implements [`Ranker`]: it gets the same [`RankInput`] (the
//! sentences' TF-IDF vectors and where they stand) and returns one score per
//! sentence, higher is better. [`score`] picks the ranker for an
//! [`Algorithm`].

use std::cell::OnceCell;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::position::PositionParams;
use super::{Graph, SparseVec, cosine_graph};
use crate::error::{Error, Result};

/// A ranking algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Algorithm {
    /// `position` for a single article; for a cluster, `submodular`, or
    /// `lexrank` when a query is given (chosen on the dev sets; see
    /// `docs/summarization.md`).
    #[default]
    Auto,
    /// The first sentences (round-robin over the documents of a cluster).
    Lead,
    /// Continuous LexRank.
    Lexrank,
    /// Thresholded LexRank.
    LexrankThreshold,
    /// TextRank.
    Textrank,
    /// Position-aware directed centrality (PacSum-style) with a position prior.
    Position,
    /// Topic-word density: words shared by many documents of the cluster.
    Centroid,
    /// Coverage + diversity (Lin and Bilmes, 2011), maximized greedily under
    /// the budget.
    Submodular,
}

impl Algorithm {
    /// All algorithms, in the order of `--help`.
    pub const ALL: [Algorithm; 8] = [
        Algorithm::Auto,
        Algorithm::Lead,
        Algorithm::Lexrank,
        Algorithm::LexrankThreshold,
        Algorithm::Textrank,
        Algorithm::Position,
        Algorithm::Centroid,
        Algorithm::Submodular,
    ];

    /// The name used in flags, TOML and output.
    pub fn name(&self) -> &'static str {
        match self {
            Algorithm::Auto => "auto",
            Algorithm::Lead => "lead",
            Algorithm::Lexrank => "lexrank",
            Algorithm::LexrankThreshold => "lexrank-threshold",
            Algorithm::Textrank => "textrank",
            Algorithm::Position => "position",
            Algorithm::Centroid => "centroid",
            Algorithm::Submodular => "submodular",
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Algorithm {
    type Err = Error;
    fn from_str(s: &str) -> Result<Algorithm> {
        Algorithm::ALL
            .iter()
            .copied()
            .find(|a| a.name() == s)
            .ok_or_else(|| Error::InvalidSetting {
                key: "algorithm".into(),
                message: format!(
                    "unknown algorithm {s:?}; expected one of {}",
                    Algorithm::ALL.map(|a| a.name()).join(", ")
                ),
            })
    }
}

/// What every ranker sees: one entry per sentence of the document or cluster.
#[derive(Debug)]
pub struct RankInput<'a> {
    /// L2-normalized TF-IDF vectors.
    pub vectors: &'a [SparseVec],
    /// The number of distinct terms (vector ids are below it).
    pub n_terms: usize,
    /// Content terms per sentence.
    pub lengths: &'a [usize],
    /// Whitespace-separated words per sentence.
    pub words: &'a [usize],
    /// Document index of each sentence.
    pub doc: &'a [usize],
    /// Index of each sentence within its document.
    pub position: &'a [usize],
    /// A bias of the random jump (lead or query), for the PageRank rankers.
    pub teleport: Option<&'a [f64]>,
    graph: OnceCell<Graph>,
}

impl<'a> RankInput<'a> {
    /// An input over `vectors` (the other fields must have the same length).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        vectors: &'a [SparseVec],
        n_terms: usize,
        lengths: &'a [usize],
        words: &'a [usize],
        doc: &'a [usize],
        position: &'a [usize],
        teleport: Option<&'a [f64]>,
    ) -> RankInput<'a> {
        RankInput {
            vectors,
            n_terms,
            lengths,
            words,
            doc,
            position,
            teleport,
            graph: OnceCell::new(),
        }
    }

    /// The cosine-similarity graph, built on first use and shared by every
    /// later user (the submodular selector reuses the ranker's graph).
    pub fn graph(&self) -> &Graph {
        self.graph
            .get_or_init(|| cosine_graph(self.vectors, self.n_terms))
    }
}

/// A sentence ranker: one score per sentence of `input`, higher is better.
pub trait Ranker {
    /// Scores every sentence.
    fn scores(&self, input: &RankInput<'_>) -> Vec<f64>;
}

/// The tuning parameters of every ranker (from `[summary]`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankParams {
    /// PageRank damping.
    pub damping: f64,
    /// Cosine threshold of thresholded LexRank.
    pub threshold: f64,
    /// Centroid's sentence-length exponent.
    pub length_power: f64,
    /// Position-aware centrality.
    pub position: PositionParams,
}

/// Scores the sentences of `input` with `algorithm` (`Auto` must have been
/// resolved; it ranks as LexRank).
pub fn score(algorithm: Algorithm, input: &RankInput<'_>, params: &RankParams) -> Vec<f64> {
    use super::{centroid::Centroid, lexrank, position::Position, textrank::TextRank};
    let ranker: Box<dyn Ranker> = match algorithm {
        Algorithm::Lead => Box::new(super::Lead),
        // Submodular selection uses LexRank centrality as the reward of its
        // diversity term.
        Algorithm::Lexrank | Algorithm::Auto | Algorithm::Submodular => {
            Box::new(lexrank::LexRank {
                damping: params.damping,
            })
        }
        Algorithm::LexrankThreshold => Box::new(lexrank::ThresholdedLexRank {
            threshold: params.threshold,
            damping: params.damping,
        }),
        Algorithm::Textrank => Box::new(TextRank {
            damping: params.damping,
        }),
        Algorithm::Centroid => Box::new(Centroid {
            length_power: params.length_power,
        }),
        Algorithm::Position => Box::new(Position(params.position)),
    };
    ranker.scores(input)
}
