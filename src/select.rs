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
            words: crate::tokenize::count_words(text),
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
    /// The candidate it needs: one before it that it leans on (it opens
    /// with a reference to it), or one after it that it introduces (it ends
    /// with a colon). It is chosen only together with that one.
    pub needs: Option<usize>,
}

/// How many sentences a leaning sentence may bring along (a chain of
/// references back), at most.
const MAX_BROUGHT: usize = 2;
/// A sentence brings the one it leans on along only when that one's score
/// is at least this share of its own: the pair must rank well as a pair.
/// (0.25 let weak predecessors in and cost R-1 on the cluster sets: DUC 2006
/// 250 words without a query 39.80 -> 40.08, Pasokh multi 33.74 -> 34.35 at 0.75.)
const PAIR_SCORE_SHARE: f64 = 0.75;

/// A sentence brought along has at least this many words: a shorter one
/// (`Yes, indeed.`, `Full stop.`) reads as a fragment in a brief, so the
/// sentence that leans on it gives way instead.
const BROUGHT_MIN_WORDS: usize = 4;

/// The share of the budget that candidate `i` of `candidates` takes alone
/// (more than 1 when it does not fit at all).
pub fn budget_share(candidates: &[Candidate], i: usize, opts: &SelectOptions) -> f64 {
    let total_words: usize = candidates.iter().map(|c| c.size.words).sum();
    let limit = Limit::resolve(opts.budget, total_words);
    limit.cost(candidates[i].size, 0) as f64 / limit.cap().max(1) as f64
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

/// [`select_opening`] without an opening (the tests' plain selection).
#[cfg(test)]
pub fn select(candidates: &[Candidate], opts: &SelectOptions) -> Selection {
    select_opening(candidates, opts, &[])
}

/// Chooses sentences (see the module docs), starting from `seed`: its
/// first sentence (one that names the brief's subject, such as a lead) is
/// chosen first when it may stand alone and fits, then the others that
/// still fit, in their order (see [`Gate::open`]). Returns indices best
/// first (the seed first).
pub fn select_opening(candidates: &[Candidate], opts: &SelectOptions, seed: &[usize]) -> Selection {
    let gate = Gate::new(candidates, opts);
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        candidates[b]
            .score
            .total_cmp(&candidates[a].score)
            .then(a.cmp(&b))
    });
    let (mut chosen, mut used) = gate.open(seed);
    for &i in &order {
        if !gate.usable(&candidates[i]) || chosen.contains(&i) {
            continue;
        }
        let Some(group) = gate.group(i, &chosen) else {
            continue;
        };
        match gate.fit_group(&group, &chosen, used) {
            Fit::Full => break,
            Fit::Skip => continue,
            Fit::Take(cost) => {
                used += cost;
                chosen.extend(group);
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

    /// The selection that starts with `seed`: its first sentence (the
    /// opening) when it may stand alone (eligible, leaning on nothing; a
    /// lead longer than the word range is still the lead) and fits, then
    /// each other usable one (with what it leans on) that still fits, in
    /// the seed's order; nothing when the opening cannot be taken.
    fn open(&self, seed: &[usize]) -> (Vec<usize>, usize) {
        let Some((&o, rest)) = seed.split_first() else {
            return (Vec::new(), 0);
        };
        // The opening stands alone, or with the sentence it introduces.
        let stands = self
            .candidates
            .get(o)
            .is_some_and(|c| c.eligible && c.size.words > 0 && c.needs.is_none_or(|n| n > o));
        let Some(group) = stands.then(|| self.group(o, &[])).flatten() else {
            return (Vec::new(), 0);
        };
        let Fit::Take(cost) = self.fit_group(&group, &[], 0) else {
            return (Vec::new(), 0);
        };
        let (mut chosen, mut used) = (group, cost);
        for &i in rest {
            if chosen.contains(&i) || !self.candidates.get(i).is_some_and(|c| self.usable(c)) {
                continue;
            }
            let Some(group) = self.group(i, &chosen) else {
                continue;
            };
            if let Fit::Take(cost) = self.fit_group(&group, &chosen, used) {
                used += cost;
                chosen.extend(group);
            }
        }
        (chosen, used)
    }

    /// `i` with the sentences it needs (see [`Candidate::needs`]) that are
    /// not chosen yet, earliest first; `None` when one of them cannot be
    /// chosen or, for one it leans on, ranks too low.
    fn group(&self, i: usize, chosen: &[usize]) -> Option<Vec<usize>> {
        let mut group = vec![i];
        let mut at = i;
        while let Some(p) = self.candidates[at].needs {
            if chosen.contains(&p) || group.contains(&p) {
                break;
            }
            let c = self.candidates.get(p)?;
            // What it leans on must rank well with it; what it introduces
            // must be a sentence the brief could hold on its own terms.
            let weak = if p < at {
                c.score < PAIR_SCORE_SHARE * self.candidates[i].score
                    || c.size.words < BROUGHT_MIN_WORDS
            } else {
                !self.usable(c)
            };
            if group.len() > MAX_BROUGHT || !c.eligible || c.size.words == 0 || weak {
                return None;
            }
            group.push(p);
            at = p;
        }
        group.sort_unstable();
        Some(group)
    }

    /// [`Gate::fit`] for a group of sentences added together.
    fn fit_group(&self, group: &[usize], chosen: &[usize], used: usize) -> Fit {
        if let [single] = group {
            return self.fit(*single, chosen, used);
        }
        let mut with = chosen.to_vec();
        let mut total = 0;
        for (k, &g) in group.iter().enumerate() {
            match self.fit(g, &with, used + total) {
                Fit::Take(cost) => {
                    total += cost;
                    with.push(g);
                }
                // A group that overflows the sentence count is skipped; the
                // count is full only when its first member finds it so.
                Fit::Full if k == 0 && group.len() == 1 => return Fit::Full,
                _ => return Fit::Skip,
            }
        }
        Fit::Take(total)
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
        // A sentence that says mostly what a chosen one says is a repeat to
        // a reader even below the cosine cap (a caption run into the lead,
        // then the caption again).
        if self.opts.redundancy < 1.0
            && chosen
                .iter()
                .any(|&k| term_jaccard(c.vector, self.candidates[k].vector) >= REPEAT_JACCARD)
        {
            return Fit::Skip;
        }
        Fit::Take(cost)
    }
}

/// Share of their terms two sentences have in common, at which the later
/// one repeats the earlier (when the redundancy check is on).
const REPEAT_JACCARD: f64 = 0.5;

/// Jaccard similarity of the term sets of two vectors (sorted by term).
fn term_jaccard(a: &SparseVec, b: &SparseVec) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
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

/// [`select_submodular_opening`] without an opening (the tests' form).
#[cfg(test)]
pub fn select_submodular(
    candidates: &[Candidate],
    objective: &mut Objective,
    cost_power: f64,
    opts: &SelectOptions,
) -> Selection {
    select_submodular_opening(candidates, objective, cost_power, opts, &[])
}

/// Chooses sentences by budgeted greedy maximization of a submodular
/// `objective` (Lin and Bilmes, 2010/2011): repeatedly add the candidate
/// with the best gain / cost^`cost_power` that still fits (cost in the
/// budget's unit), then compare the result with the best single sentence
/// and keep the better. Gains only shrink as the set grows, so stale gains
/// are upper bounds and a lazy priority queue re-evaluates few candidates.
/// Eligibility, the word range and the redundancy cap work as in [`select_opening`].
/// With a `seed`, it is taken first as [`select_opening`] takes it (and
/// the result is then never traded for the best single sentence).
/// Returns indices in the order they were chosen.
pub fn select_submodular_opening(
    candidates: &[Candidate],
    objective: &mut Objective,
    cost_power: f64,
    opts: &SelectOptions,
    seed: &[usize],
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
        if c.needs.is_none() && best_single.is_none_or(|(g, _)| gain > g) {
            best_single = Some((gain, i));
        }
        heap.push(Bound(ratio(gain, c), i));
    }
    let (mut chosen, mut used) = gate.open(seed);
    for &o in &chosen {
        objective.add(o);
    }
    let opened = !chosen.is_empty();
    while let Some(Bound(_, i)) = heap.pop() {
        let c = &candidates[i];
        if chosen.contains(&i) {
            continue;
        }
        let Some(group) = gate.group(i, &chosen) else {
            continue;
        };
        let cost = match gate.fit_group(&group, &chosen, used) {
            Fit::Full => break,
            Fit::Skip => continue,
            Fit::Take(cost) => cost,
        };
        // A group is worth its members' gains for its whole cost: a
        // sentence that brings its predecessor along pays for both.
        let fresh = if group.len() > 1 {
            let gain: f64 = group.iter().map(|&g| objective.gain(g)).sum();
            gain / (cost.max(1) as f64).powf(cost_power)
        } else {
            ratio(objective.gain(i), c)
        };
        if heap.peek().is_some_and(|top| fresh < top.0) {
            heap.push(Bound(fresh, i));
            continue;
        }
        for &g in &group {
            objective.add(g);
        }
        used += cost;
        chosen.extend(group);
    }
    if let Some((gain, i)) = best_single
        && !opened
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

/// Share of a word, character or byte budget that must be left unused
/// before [`refill`] looks for a longer sentence.
const REFILL_UNUSED_SHARE: f64 = 0.15;
/// The longer sentence must score at least this share of the one it replaces.
const REFILL_SCORE_SHARE: f64 = 0.4;

/// A brief that leaves at least [`REFILL_UNUSED_SHARE`] of a word, character
/// or byte budget unused (every sentence left was longer than the rest, or
/// leaned on one that did not fit) lets one chosen sentence give way to a
/// longer one: not the opening, standing alone and leaned on by nothing
/// chosen (no sentence of `seed`, the opening and those kept with it), replaced by an unchosen sentence that stands alone, fits in its
/// place, passes the redundancy checks and carries more score × size. The
/// best such exchange is made, at most one; sentence budgets are left as
/// they are. Returns the selection, indices best first.
pub fn refill(
    candidates: &[Candidate],
    opts: &SelectOptions,
    selection: Selection,
    seed: &[usize],
) -> Selection {
    let gate = Gate::new(candidates, opts);
    let Selection {
        mut chosen,
        used,
        limit,
    } = selection;
    let unused = gate.cap.saturating_sub(used) as f64;
    if matches!(gate.limit, Limit::Sentences(_)) || unused < REFILL_UNUSED_SHARE * gate.cap as f64 {
        return Selection {
            chosen,
            used,
            limit,
        };
    }
    let mut best: Option<(f64, usize, usize, usize)> = None;
    for (slot, &j) in chosen.iter().enumerate() {
        let out = &candidates[j];
        if seed.contains(&j)
            || out.needs.is_some()
            || chosen.iter().any(|&k| candidates[k].needs == Some(j))
        {
            continue;
        }
        let rest: Vec<usize> = chosen.iter().copied().filter(|&k| k != j).collect();
        // The separator of the last sentence goes with the one that leaves.
        let own = used
            - rest
                .iter()
                .enumerate()
                .map(|(n, &k)| gate.limit.cost(candidates[k].size, n))
                .sum::<usize>();
        let base = used - own;
        for (k, c) in candidates.iter().enumerate() {
            if chosen.contains(&k) || c.needs.is_some() || !gate.usable(c) {
                continue;
            }
            let Fit::Take(cost) = gate.fit(k, &rest, base) else {
                continue;
            };
            let gain = c.score * cost as f64;
            if cost > own
                && c.score >= REFILL_SCORE_SHARE * out.score
                && best.is_none_or(|b| gain > b.0)
            {
                best = Some((gain, slot, k, base + cost));
            }
        }
    }
    match best {
        Some((_, slot, k, total)) => {
            chosen[slot] = k;
            Selection {
                chosen,
                used: total,
                limit,
            }
        }
        None => Selection {
            chosen,
            used,
            limit,
        },
    }
}

#[cfg(test)]
mod tests;
