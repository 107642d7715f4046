//! Choosing sentences under a length budget.
//!
//! The budget is a cap: the chosen sentences, joined by one separator
//! character (a newline in the text output), never exceed it. Sentences are
//! never cut. Candidates are taken in score order (ties by position); one that
//! does not fit is skipped and the next tried, so the budget is filled as
//! fully as the sentences allow. Redundancy is controlled by a similarity
//! cap: a candidate whose TF-IDF cosine with an already chosen sentence
//! exceeds it is skipped.

use serde::Serialize;

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::rank::submodular::Objective;
use crate::rank::{SparseVec, dot};

/// A length budget.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "unit", content = "limit", rename_all = "lowercase")]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many words (whitespace-separated, as ROUGE scorers cut).
    Words(usize),
    /// At most this many Unicode characters, one per separator included.
    Chars(usize),
    /// At most this many UTF-8 bytes, one per separator included.
    Bytes(usize),
    /// At most this fraction of the input's words (0 < R ≤ 1).
    Ratio(f64),
}

impl Budget {
    /// The unit's name, as in the flags and TOML keys.
    pub fn unit(&self) -> &'static str {
        match self {
            Budget::Sentences(_) => "sentences",
            Budget::Words(_) => "words",
            Budget::Chars(_) => "chars",
            Budget::Bytes(_) => "bytes",
            Budget::Ratio(_) => "ratio",
        }
    }
}

/// The size of a sentence in every unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Size {
    /// Whitespace-separated words.
    pub words: usize,
    /// Unicode characters.
    pub chars: usize,
    /// UTF-8 bytes.
    pub bytes: usize,
}

impl Size {
    /// The size of `text`.
    pub fn of(text: &str) -> Size {
        Size {
            words: text.split_whitespace().count(),
            chars: text.chars().count(),
            bytes: text.len(),
        }
    }
}

/// A budget resolved to one countable unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Limit {
    Sentences(usize),
    Words(usize),
    Chars(usize),
    Bytes(usize),
}

impl Limit {
    fn resolve(budget: Budget, total_words: usize) -> Limit {
        match budget {
            Budget::Sentences(n) => Limit::Sentences(n),
            Budget::Words(n) => Limit::Words(n),
            Budget::Chars(n) => Limit::Chars(n),
            Budget::Bytes(n) => Limit::Bytes(n),
            Budget::Ratio(r) => Limit::Words((r * total_words as f64).floor() as usize),
        }
    }

    /// The cost of adding a sentence of `size` to `count` chosen ones.
    fn cost(&self, size: Size, count: usize) -> usize {
        let sep = usize::from(count > 0);
        match self {
            Limit::Sentences(_) => 1,
            Limit::Words(_) => size.words,
            Limit::Chars(_) => size.chars + sep,
            Limit::Bytes(_) => size.bytes + sep,
        }
    }

    fn cap(&self) -> usize {
        match *self {
            Limit::Sentences(n) | Limit::Words(n) | Limit::Chars(n) | Limit::Bytes(n) => n,
        }
    }
}

/// How to choose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectOptions {
    /// The length budget.
    pub budget: Budget,
    /// Skip a candidate whose cosine with a chosen sentence exceeds this
    /// (1.0 or more turns the check off).
    pub redundancy: f64,
    /// Sentences with fewer words are only used if nothing else is eligible.
    pub min_words: usize,
    /// Sentences with more words are only used if nothing else is eligible
    /// (0: no maximum).
    pub max_words: usize,
}

/// One candidate sentence.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    /// Its score (higher is better).
    pub score: f64,
    /// Its size.
    pub size: Size,
    /// Its TF-IDF vector, for the redundancy check.
    pub vector: &'a SparseVec,
    /// Whether it may be chosen at all (e.g. not a dateline).
    pub eligible: bool,
}

/// The outcome of selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Indices of the chosen candidates, best first.
    pub chosen: Vec<usize>,
    /// How much of the budget is used, in its unit (words for a ratio).
    pub used: usize,
    /// The budget's limit in its unit (words for a ratio).
    pub limit: usize,
}

/// Chooses sentences (see the module docs). Returns indices best first.
///
pub fn select(candidates: &[Candidate], opts: &SelectOptions) -> Selection {
    let gate = Gate::new(candidates, opts);
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        candidates[b]
            .score
            .total_cmp(&candidates[a].score)
            .then(a.cmp(&b))
    });
    let mut chosen: Vec<usize> = Vec::new();
    let mut used = 0usize;
    for &i in &order {
        if !gate.usable(&candidates[i]) {
            continue;
        }
        match gate.fit(i, &chosen, used) {
            Fit::Full => break,
            Fit::Skip => continue,
            Fit::Take(cost) => {
                used += cost;
                chosen.push(i);
            }
        }
    }
    Selection {
        chosen,
        used,
        limit: gate.cap,
    }
}

/// What the budget and the redundancy cap say about adding one candidate.
enum Fit {
    /// The sentence budget is used up: stop.
    Full,
    /// This one does not fit, or repeats a chosen one: try the next.
    Skip,
    /// It fits, at this cost in the budget's unit.
    Take(usize),
}

/// The checks both selectors apply before adding a candidate.
struct Gate<'c, 'a> {
    candidates: &'c [Candidate<'a>],
    opts: &'c SelectOptions,
    limit: Limit,
    cap: usize,
    /// Whether any eligible candidate is inside the word range; if none is,
    /// the range is ignored rather than returning an empty brief.
    any_in_range: bool,
}

impl<'c, 'a> Gate<'c, 'a> {
    fn new(candidates: &'c [Candidate<'a>], opts: &'c SelectOptions) -> Self {
        let total_words: usize = candidates.iter().map(|c| c.size.words).sum();
        let limit = Limit::resolve(opts.budget, total_words);
        let mut gate = Gate {
            candidates,
            opts,
            limit,
            cap: limit.cap(),
            any_in_range: false,
        };
        gate.any_in_range = candidates.iter().any(|c| c.eligible && gate.in_range(c));
        gate
    }

    fn in_range(&self, c: &Candidate) -> bool {
        c.size.words >= self.opts.min_words
            && (self.opts.max_words == 0 || c.size.words <= self.opts.max_words)
    }

    /// Eligible, in the word range (when any candidate is), and not empty.
    fn usable(&self, c: &Candidate) -> bool {
        c.eligible && (!self.any_in_range || self.in_range(c)) && c.size.words > 0
    }

    fn fit(&self, i: usize, chosen: &[usize], used: usize) -> Fit {
        let c = &self.candidates[i];
        if let Limit::Sentences(n) = self.limit
            && chosen.len() >= n
        {
            return Fit::Full;
        }
        let cost = self.limit.cost(c.size, chosen.len());
        if used + cost > self.cap {
            return Fit::Skip;
        }
        if self.opts.redundancy < 1.0
            && chosen.iter().any(|&k| {
                f64::from(dot(c.vector, self.candidates[k].vector)) > self.opts.redundancy
            })
        {
            return Fit::Skip;
        }
        Fit::Take(cost)
    }
}

/// A heap entry of the lazy greedy: an upper bound on a candidate's gain per
/// cost; ties go to the earlier sentence.
#[derive(Debug, Clone, Copy)]
struct Bound(f64, usize);

impl PartialEq for Bound {
    fn eq(&self, o: &Bound) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Bound {}
impl PartialOrd for Bound {
    fn partial_cmp(&self, o: &Bound) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Bound {
    fn cmp(&self, o: &Bound) -> Ordering {
        self.0.total_cmp(&o.0).then(o.1.cmp(&self.1))
    }
}

/// Chooses sentences by budgeted greedy maximization of a submodular
/// `objective` (Lin and Bilmes, 2010/2011): repeatedly add the candidate
/// with the best gain / cost^`cost_power` that still fits (cost in the
/// budget's unit), then compare the result with the best single sentence
/// and keep the better. Gains only shrink as the set grows, so stale gains
/// are upper bounds and a lazy priority queue re-evaluates few candidates.
/// Eligibility, the word range and the redundancy cap work as in [`select`].
/// Returns indices in the order they were chosen.
pub fn select_submodular(
    candidates: &[Candidate],
    objective: &mut Objective,
    cost_power: f64,
    opts: &SelectOptions,
) -> Selection {
    let gate = Gate::new(candidates, opts);
    let (limit, cap) = (gate.limit, gate.cap);
    let usable = |c: &Candidate| gate.usable(c) && limit.cost(c.size, 0) <= cap;
    let ratio =
        |gain: f64, c: &Candidate| gain / (limit.cost(c.size, 0).max(1) as f64).powf(cost_power);
    let mut heap = BinaryHeap::new();
    let mut best_single: Option<(f64, usize)> = None;
    for (i, c) in candidates.iter().enumerate() {
        if !usable(c) {
            continue;
        }
        let gain = objective.gain(i);
        if best_single.is_none_or(|(g, _)| gain > g) {
            best_single = Some((gain, i));
        }
        heap.push(Bound(ratio(gain, c), i));
    }
    let mut chosen: Vec<usize> = Vec::new();
    let mut used = 0usize;
    while let Some(Bound(_, i)) = heap.pop() {
        let c = &candidates[i];
        let cost = match gate.fit(i, &chosen, used) {
            Fit::Full => break,
            Fit::Skip => continue,
            Fit::Take(cost) => cost,
        };
        let fresh = ratio(objective.gain(i), c);
        if heap.peek().is_some_and(|top| fresh < top.0) {
            heap.push(Bound(fresh, i));
            continue;
        }
        objective.add(i);
        used += cost;
        chosen.push(i);
    }
    if let Some((gain, i)) = best_single
        && gain > objective.value()
    {
        chosen = vec![i];
        used = limit.cost(candidates[i].size, 0);
    }
    Selection {
        chosen,
        used,
        limit: cap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(words: usize) -> Size {
        Size {
            words,
            chars: words * 6,
            bytes: words * 7,
        }
    }

    #[test]
    fn separators_count_in_chars_and_bytes() {
        let v = SparseVec::new();
        let c = |s| Candidate {
            score: s,
            size: size(1),
            vector: &v,
            eligible: true,
        };
        let cands = [c(1.0), c(0.5)];
        let mut opts = SelectOptions {
            budget: Budget::Chars(12),
            redundancy: 1.0,
            min_words: 0,
            max_words: 0,
        };
        assert_eq!(select(&cands, &opts).chosen, [0]);
        opts.budget = Budget::Chars(13);
        assert_eq!(select(&cands, &opts).used, 13);
    }

    #[test]
    fn redundant_sentences_are_skipped() {
        let a: SparseVec = vec![(0, 1.0)];
        let b: SparseVec = vec![(1, 1.0)];
        let cands = [
            Candidate {
                score: 3.0,
                size: size(5),
                vector: &a,
                eligible: true,
            },
            Candidate {
                score: 2.0,
                size: size(5),
                vector: &a,
                eligible: true,
            },
            Candidate {
                score: 1.0,
                size: size(5),
                vector: &b,
                eligible: true,
            },
        ];
        let opts = SelectOptions {
            budget: Budget::Sentences(2),
            redundancy: 0.5,
            min_words: 0,
            max_words: 0,
        };
        assert_eq!(select(&cands, &opts).chosen, [0, 2]);
    }

    #[test]
    fn short_sentences_are_a_last_resort() {
        let v = SparseVec::new();
        let cands = [
            Candidate {
                score: 3.0,
                size: size(2),
                vector: &v,
                eligible: true,
            },
            Candidate {
                score: 1.0,
                size: size(9),
                vector: &v,
                eligible: true,
            },
        ];
        let opts = SelectOptions {
            budget: Budget::Sentences(1),
            redundancy: 1.0,
            min_words: 5,
            max_words: 0,
        };
        assert_eq!(select(&cands, &opts).chosen, [1]);
        assert_eq!(select(&cands[..1], &opts).chosen, [0]);
    }

    #[test]
    fn submodular_greedy_respects_the_budget_and_avoids_duplicates() {
        use crate::rank::Graph;
        use crate::rank::submodular::{Objective, SubmodularParams, mean_similarity, partition};
        // 0 and 1 are near-duplicates; 2 is about something else.
        let g = Graph {
            rows: vec![
                vec![(1, 0.95), (2, 0.1)],
                vec![(0, 0.95), (2, 0.1)],
                vec![(0, 0.1), (1, 0.1)],
            ],
        };
        let v = SparseVec::new();
        let cands: Vec<Candidate> = (0..3)
            .map(|_| Candidate {
                score: 0.0,
                size: size(10),
                vector: &v,
                eligible: true,
            })
            .collect();
        let reward = mean_similarity(&g);
        let p = SubmodularParams {
            alpha: 0.5,
            lambda: 1.0,
            mu: 0.0,
        };
        let mut f = Objective::new(&g, &reward, partition(&g, &reward, 0.5), p);
        let opts = SelectOptions {
            budget: Budget::Words(20),
            redundancy: 1.0,
            min_words: 0,
            max_words: 0,
        };
        let sel = select_submodular(&cands, &mut f, 0.3, &opts);
        let mut chosen = sel.chosen.clone();
        chosen.sort_unstable();
        assert_eq!(chosen, [0, 2]);
        assert_eq!(sel.used, 20);
        let opts = SelectOptions {
            budget: Budget::Words(9),
            ..opts
        };
        let mut f = Objective::new(&g, &reward, partition(&g, &reward, 0.5), p);
        assert!(
            select_submodular(&cands, &mut f, 0.3, &opts)
                .chosen
                .is_empty()
        );
    }

    #[test]
    fn select_example() {
        use crate::select::{Budget, Candidate, SelectOptions, Size, select};
        let v = vec![];
        let cand = |score, words| Candidate {
            score,
            size: Size {
                words,
                chars: 5 * words,
                bytes: 5 * words,
            },
            vector: &v,
            eligible: true,
        };
        let cands = [cand(0.1, 10), cand(0.9, 30), cand(0.5, 15)];
        let opts = SelectOptions {
            budget: Budget::Words(40),
            redundancy: 1.0,
            min_words: 0,
            max_words: 0,
        };
        let sel = select(&cands, &opts);
        assert_eq!(sel.chosen, [1, 0]); // 30 + 15 would exceed 40; 30 + 10 fits
        assert_eq!(sel.used, 40);
    }
}
