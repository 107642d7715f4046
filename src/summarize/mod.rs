//! Summaries: the sentences of analyzed documents → TF-IDF → ranking →
//! selection under a length budget → [`Summary`].
//!
//! A summary names each chosen sentence by its document and sentence index
//! (and its rank and score), so export and eval take it as it is, without
//! finding sentences again.
//!
//! ```
//! use brief::{Budget, Config, Document, SummarySettings};
//! let config = Config::default();
//! let doc = brief::analyze(Document::new("a", "Rain fell on Tehran on Monday. The rain filled the dams. \
//!     Officials said the dams were full. A cat slept."), &config);
//! let settings = SummarySettings::default().with_budget(Budget::Sentences(2)).unwrap();
//! let summary = brief::summarize(&[doc], &settings, None).unwrap();
//! assert_eq!(summary.sentences.len(), 2);
//! assert!(summary.sentences[0].sentence < summary.sentences[1].sentence);
//! ```

mod furniture;
mod opening;
mod settings;

pub use settings::{IdfUnit, Order, SummarySettings};

/// How many of `doc`'s first sentences together are `title` (0 when the
/// text does not open with it): the title's units in an export.
pub(crate) fn title_sentences(doc: &AnalyzedDocument, title: &str) -> usize {
    furniture::given_title_sentences(doc, title)
}

use crate::analysis::{self, AnalyzedDocument, tfidf};
use crate::error::Result;
use crate::lang::Lang;
use crate::rank::{self, Algorithm, RankInput, RankParams, position::PositionParams, submodular};
use crate::select::{self, Budget, Candidate, SelectOptions, Size};

/// One sentence of a summary.
///
/// Named by indices from 0 (`docs[s.doc].sentences[s.sentence]`), as every
/// index brief outputs counts (the JSON of `brief summarize`, the document,
/// position and paragraph metadata of exported files).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SummarySentence {
    /// The sentence, exactly as in the input.
    pub text: String,
    /// Index of its document among the inputs.
    pub doc: usize,
    /// Index of the sentence in its document.
    pub sentence: usize,
    /// Byte offset of the sentence in its document.
    pub start: usize,
    /// Byte offset just past the sentence.
    pub end: usize,
    /// The ranking score.
    pub score: f64,
    /// Rank among the chosen sentences: 1 for the highest score (ties: the
    /// earlier sentence).
    pub rank: usize,
}

/// A summary.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Summary {
    /// The language of the cluster.
    pub lang: Lang,
    /// The headline of the first document that has one (given with it, or
    /// its first line when that is a headline): the brief's title, never
    /// one of its sentences and not counted in the budget.
    pub title: Option<String>,
    /// The chosen sentences, in the settings' order.
    pub sentences: Vec<SummarySentence>,
    /// The algorithm that ranked them (never `auto`).
    pub algorithm: Algorithm,
    /// The budget.
    pub budget: Budget,
    /// How much of the budget is used (words for a ratio).
    pub used: usize,
    /// The budget's limit in its unit (words for a ratio).
    pub limit: usize,
    /// The number of sentences in the input.
    pub input_sentences: usize,
}

/// A summary as brief writes it in JSON: one line of `summarize --format
/// jsonl` (and the object of `--format json`), the same in the Python
/// package's CLI-form records. `id` is the batch item's, when there is one.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct SummaryRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    lang: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    summary: &'a [SummarySentence],
    algorithm: Algorithm,
    budget: Budget,
    used: usize,
    input_sentences: usize,
}

impl Summary {
    /// The summary's JSON record, with the batch item's `id` if any.
    pub fn record<'a>(&'a self, id: Option<&'a str>) -> SummaryRecord<'a> {
        SummaryRecord {
            id,
            lang: self.lang,
            title: self.title.as_deref(),
            summary: &self.sentences,
            algorithm: self.algorithm,
            budget: self.budget,
            used: self.used,
            input_sentences: self.input_sentences,
        }
    }
}

/// The algorithm `auto` stands for.
fn resolve(settings: &SummarySettings, cluster: bool, query: bool, lang: Lang) -> Algorithm {
    match settings.algorithm {
        Algorithm::Auto if cluster && query => Algorithm::Lexrank,
        Algorithm::Auto if cluster => Algorithm::Submodular,
        Algorithm::Auto if settings.auto_coverage_languages.contains(&lang) => {
            Algorithm::Submodular
        }
        Algorithm::Auto => Algorithm::Position,
        a => a,
    }
}

/// Summarizes `docs` (one article, or a cluster on one event). With a
/// `query` (a topic or question), the random jump of LexRank and TextRank
/// favours sentences similar to it, by `query_weight`.
pub fn summarize(
    docs: &[AnalyzedDocument],
    settings: &SummarySettings,
    query: Option<&str>,
) -> Result<Summary> {
    settings.validate()?;
    let budget = settings.budget()?;
    let query = query.filter(|q| !q.trim().is_empty());
    let lang = analysis::cluster_lang(docs);
    let query_terms = query.map(|q| query_terms(docs, lang, q));
    let cluster = docs.len() > 1;
    // A cluster is corpus enough for its IDF; the background is for one article.
    let background = crate::stem::Background::builtin(lang)
        .filter(|_| !cluster)
        .map(|bg| (bg, settings.background_weight));
    let (roles, title, title_doc) = roles(docs);
    // The repeat check compares what the brief shows: a dateline's or
    // label's terms before a sentence are no part of it there.
    let shown_from = shown_from(docs, &roles);
    let space = tfidf::build(
        docs,
        settings.idf,
        background,
        query_terms.as_deref(),
        &shown_from,
    );
    let algorithm = resolve(settings, cluster, query.is_some(), lang);
    let doc_of = space.documents();
    let position = story_positions(&space.positions(), &doc_of, &roles);
    // A brief sentence starts after its dateline; the span stays a byte
    // range of the original text.
    let texts: Vec<&str> = space
        .sentences
        .iter()
        .zip(&roles)
        .map(|(&(d, p), role)| match *role {
            furniture::Role::Body { skip, .. } => &docs[d].sentence_text(p)[skip..],
            _ => docs[d].sentence_text(p),
        })
        .collect();
    let word_counts: Vec<usize> = texts
        .iter()
        .map(|t| crate::tokenize::count_words(t))
        .collect();
    let teleport = teleport(settings, &space, &position);
    let input = RankInput::new(
        &space.vectors,
        space.n_terms,
        &space.lengths,
        &word_counts,
        &doc_of,
        &position,
        teleport.as_deref(),
    );
    let scores = rank::score(algorithm, &input, &rank_params(settings));

    let lead = algorithm == Algorithm::Lead;
    let shown: Vec<&crate::rank::SparseVec> =
        (0..space.vectors.len()).map(|i| space.shown(i)).collect();
    let candidates = candidates(&texts, &shown, &scores, &roles, &doc_of, title_doc, lead);
    let opts = select_options(settings, budget, lead, cluster);
    let fitness = opening::Fitness {
        roles: &roles,
        doc_of: &doc_of,
        texts: &texts,
        candidates: &candidates,
        min_words: opts.min_words,
        lang: |d: usize| docs[d].lang(),
    };
    let openers = openers(&fitness, docs.len(), settings, query.is_some(), &opts);
    let ranked = Ranked {
        input: &input,
        scores: &scores,
        space: &space,
        doc_of: &doc_of,
    };
    let chooser = Chooser {
        coverage: (algorithm == Algorithm::Submodular)
            .then(|| Coverage::new(&ranked, &position, settings)),
        ranked,
        // A single article's brief that leaves its budget unfilled may
        // exchange a sentence for a longer one (not LEAD, a baseline).
        refill: !cluster && !lead,
        // LEAD is a baseline: it opens as it opens.
        open_with_lead: settings.order == Order::Document && !lead,
        opts: &opts,
    };
    let selection = chooser.choose(&candidates, &openers);
    let mut chosen = selection.chosen.clone();
    if settings.order == Order::Document {
        chosen.sort_unstable();
    }
    let ranks = ranks(&chosen, &scores);
    let sentences = chosen
        .iter()
        .zip(ranks)
        .map(|(&i, rank)| {
            summary_sentence(
                docs,
                space.sentences[i],
                roles[i],
                texts[i],
                scores[i],
                rank,
            )
        })
        .collect();
    Ok(Summary {
        lang,
        title,
        sentences,
        algorithm,
        budget,
        used: selection.used,
        limit: selection.limit,
        input_sentences: space.sentences.len(),
    })
}

/// What may open the brief: the documents' leads, and where the lead is
/// not required (a query, the `mid_story_opening` setting) any sentence
/// `fitness` finds fit.
fn openers<'f, L: Fn(usize) -> Lang>(
    fitness: &'f opening::Fitness<'f, 'f, L>,
    docs: usize,
    settings: &SummarySettings,
    query: bool,
    opts: &'f SelectOptions,
) -> opening::Openers<'f> {
    opening::Openers::new(
        |i| fitness.fit(i),
        fitness.leads(docs),
        // A single article's brief opens with its lead whatever it costs:
        // the lead is what its writer made to open the story.
        settings.mid_story_opening && docs > 1,
        query,
        |i| select::budget_share(fitness.candidates, i, opts),
    )
}

/// The selection's options: LEAD takes sentences as they come; clusters
/// and single articles have their own redundancy cap and word range.
fn select_options(
    settings: &SummarySettings,
    budget: Budget,
    lead: bool,
    cluster: bool,
) -> SelectOptions {
    let (redundancy, min_words, max_words) = match (lead, cluster) {
        (true, _) => (1.0, 0, 0),
        (false, true) => (
            settings.cluster_redundancy,
            settings.cluster_min_words,
            settings.cluster_max_words,
        ),
        (false, false) => (settings.redundancy, settings.min_words, settings.max_words),
    };
    SelectOptions {
        budget,
        redundancy,
        min_words,
        max_words,
    }
}

/// The rankers' parameters from the settings.
fn rank_params(settings: &SummarySettings) -> RankParams {
    RankParams {
        damping: settings.damping,
        threshold: settings.threshold,
        length_power: settings.length_power,
        position: PositionParams {
            forward: settings.position_forward,
            backward: settings.position_backward,
            beta: settings.position_beta,
            prior: settings.position_prior,
        },
    }
}

/// The matching keys of `query`, analyzed as the cluster's language.
fn query_terms(docs: &[AnalyzedDocument], lang: Lang, query: &str) -> Vec<String> {
    let mut terms = Vec::new();
    match docs.iter().find(|d| d.lang() == lang) {
        Some(d) => d.analyzer().terms(query, |t| terms.push(t.to_string())),
        None => crate::stem::Analyzer::new(lang, None).terms(query, |t| terms.push(t.to_string())),
    }
    terms
}

/// Sentence `sentence` of document `doc` as a brief sentence: its span starts after
/// its dateline (`role`'s skip), and stays a byte range of the original text.
fn summary_sentence(
    docs: &[AnalyzedDocument],
    (doc, sentence): (usize, usize),
    role: furniture::Role,
    text: &str,
    score: f64,
    rank: usize,
) -> SummarySentence {
    let span = docs[doc].sentences[sentence];
    let skip = match role {
        furniture::Role::Body { skip, .. } => skip,
        _ => 0,
    };
    SummarySentence {
        text: text.to_string(),
        doc,
        sentence,
        start: span.start + skip,
        end: span.end,
        score,
        rank,
    }
}

/// How many of each sentence's terms (documents' sentences in order) stand
/// before what a brief shows of it: the terms of its skipped dateline or
/// label; 0 for most.
fn shown_from(docs: &[AnalyzedDocument], roles: &[furniture::Role]) -> Vec<usize> {
    let mut out = Vec::with_capacity(roles.len());
    for doc in docs {
        for p in 0..doc.sentences.len() {
            let skipped = match roles.get(out.len()) {
                Some(&furniture::Role::Body { skip, .. }) if skip > 0 => {
                    let prefix = &doc.sentence_text(p)[..skip];
                    doc.analyzer()
                        .doc_terms(std::iter::once(prefix))
                        .sentences
                        .first()
                        .map_or(0, Vec::len)
                }
                _ => 0,
            };
            out.push(skipped);
        }
    }
    out
}

/// The selection's view of every sentence: its score, size and vector,
/// whether it may be chosen (story sentences; lines without a sentence end
/// only when the input has no sentence of the story at all) and the
/// sentence it needs, if any: the one before it that it leans on, or the
/// one after it that it introduces. When no story sentence stands alone
/// (a text of questions only), a question is chosen on its own (a colon
/// line never is).
fn candidates<'a>(
    texts: &[&str],
    vectors: &[&'a crate::rank::SparseVec],
    scores: &[f64],
    roles: &[furniture::Role],
    doc_of: &[usize],
    title_doc: Option<usize>,
    lead: bool,
) -> Vec<Candidate<'a>> {
    let any_body = roles
        .iter()
        .any(|r| matches!(r, furniture::Role::Body { .. }));
    let any_alone = roles.iter().any(|r| {
        matches!(
            r,
            furniture::Role::Body {
                leans: false,
                introduces: false,
                ..
            }
        )
    });
    texts
        .iter()
        .zip(vectors)
        .zip(scores)
        .enumerate()
        .map(|(i, ((text, vector), &score))| {
            let (allowed, needs) = match roles[i] {
                furniture::Role::Body { .. } if !any_alone && furniture::asks(text) => (true, None),
                // A sentence ending with a colon, or asking, is chosen only
                // with the sentence it introduces or that answers it (and
                // never if it also leans back).
                furniture::Role::Body {
                    introduces: true,
                    leans,
                    ..
                } => match introduced(roles, doc_of, i) {
                    Some(next) if !leans => (true, Some(next)),
                    _ => (false, None),
                },
                furniture::Role::Body { leans: true, .. } => {
                    // Sentence p of a document leans on sentence p - 1, the
                    // candidate before it (a document's sentences are consecutive).
                    let before = i.checked_sub(1).filter(|&b| doc_of[b] == doc_of[i]);
                    match before.map(|b| roles[b]) {
                        Some(furniture::Role::Body { .. }) => (true, before),
                        // The brief's title heads the brief: what leans on it stands.
                        Some(furniture::Role::Title) if title_doc == Some(doc_of[i]) => {
                            (true, None)
                        }
                        _ => (false, None),
                    }
                }
                furniture::Role::Body { .. } => (true, None),
                furniture::Role::Fragment => (!any_body, None),
                furniture::Role::Title | furniture::Role::Furniture => (false, None),
            };
            Candidate {
                score,
                size: Size::of(text),
                vector,
                eligible: allowed && (lead || !vector.is_empty()),
                needs,
            }
        })
        .collect()
}

/// The sentence that sentence `i` (one ending with a colon) introduces: the
/// next sentence of the story in its document, right after it or after
/// one line without a sentence end (a subheading); `None` otherwise (a list
/// of lines follows, the document ends, or what follows is no sentence of
/// the brief: a line restating the title, furniture).
fn introduced(roles: &[furniture::Role], doc_of: &[usize], i: usize) -> Option<usize> {
    (i + 1..roles.len())
        .take(INTRODUCED_WITHIN)
        .take_while(|&j| doc_of[j] == doc_of[i])
        .take_while(|&j| {
            matches!(
                roles[j],
                furniture::Role::Body { .. } | furniture::Role::Fragment
            )
        })
        .find(|&j| matches!(roles[j], furniture::Role::Body { .. }))
}

/// How far after a sentence ending with a colon the sentence it introduces
/// may be: the next line, or the one after a subheading.
const INTRODUCED_WITHIN: usize = 2;

/// What ranking computed, as the submodular selection needs it.
struct Ranked<'r, 'a> {
    input: &'r RankInput<'a>,
    scores: &'r [f64],
    space: &'r tfidf::TermSpace,
    doc_of: &'r [usize],
}

/// The parts of the submodular objective that do not change between
/// selections: each sentence's reward, the diversity groups and the
/// concepts' weights.
struct Coverage {
    reward: Vec<f64>,
    groups: Vec<u32>,
    concepts: Vec<f64>,
    params: submodular::SubmodularParams,
    cost_power: f64,
}

impl Coverage {
    fn new(ranked: &Ranked<'_, '_>, position: &[usize], settings: &SummarySettings) -> Coverage {
        let graph = ranked.input.graph();
        let reward = submodular::reward(graph, ranked.scores, position, settings.reward_lead);
        let groups = submodular::partition(graph, &reward, settings.group_threshold);
        let space = ranked.space;
        Coverage {
            concepts: submodular::concept_weights(&space.vectors, ranked.doc_of, space.n_terms),
            reward,
            groups,
            params: submodular::SubmodularParams {
                alpha: settings.coverage_alpha,
                lambda: settings.diversity_lambda,
                mu: settings.concept_weight,
            },
            cost_power: settings.cost_power,
        }
    }

    /// The objective of an empty set.
    fn objective<'o>(&'o self, ranked: &Ranked<'o, '_>) -> submodular::Objective<'o> {
        submodular::Objective::new(
            ranked.input.graph(),
            &self.reward,
            self.groups.clone(),
            self.params,
        )
        .with_concepts(&ranked.space.vectors, self.concepts.clone())
    }
}

/// Selection with the settings of one summary.
struct Chooser<'c, 'r, 'a> {
    ranked: Ranked<'r, 'a>,
    /// The submodular objective's parts (`None`: greedy by score).
    coverage: Option<Coverage>,
    /// Whether an unfilled budget is refilled ([`select::refill`]).
    refill: bool,
    /// Whether the brief's opening is checked (document order, not LEAD).
    open_with_lead: bool,
    opts: &'c SelectOptions,
}

impl Chooser<'_, '_, '_> {
    /// The brief's sentences, opening with a sentence that may open it
    /// (see [`opening`]) in document order: when the first choice opens
    /// otherwise, the first of its [retries](opening::Openers::retries)
    /// that opens as it should is kept (else the first choice stands).
    fn choose(
        &self,
        candidates: &[Candidate<'_>],
        openers: &opening::Openers,
    ) -> select::Selection {
        let first = self.pick(candidates, &[]);
        if !self.open_with_lead {
            return first;
        }
        for retry in openers.retries(&first.chosen, self.ranked.doc_of) {
            let (opening, kept) = match retry {
                opening::Retry::Trim(s) => (s, first.chosen.as_slice()),
                opening::Retry::Lead(l) => (l, &[][..]),
            };
            let again = self.pick_after(candidates, opening, kept);
            if again.chosen.iter().min() == Some(&opening) {
                return again;
            }
        }
        first
    }

    /// A selection that opens with `opening` and takes only sentences after
    /// it in document order, starting with those of `kept` after it.
    fn pick_after(
        &self,
        candidates: &[Candidate<'_>],
        opening: usize,
        kept: &[usize],
    ) -> select::Selection {
        let after: Vec<Candidate<'_>> = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| Candidate {
                eligible: c.eligible && i >= opening,
                ..*c
            })
            .collect();
        let mut seed = vec![opening];
        seed.extend(kept.iter().copied().filter(|&i| i > opening));
        self.pick(&after, &seed)
    }

    /// One selection, starting from `seed` (see [`select::select_opening`]).
    fn pick(&self, candidates: &[Candidate<'_>], seed: &[usize]) -> select::Selection {
        match &self.coverage {
            Some(c) => select::select_submodular_opening(
                candidates,
                &mut c.objective(&self.ranked),
                c.cost_power,
                self.opts,
                seed,
            ),
            None => {
                let first = select::select_opening(candidates, self.opts, seed);
                if self.refill {
                    select::refill(candidates, self.opts, first, seed)
                } else {
                    first
                }
            }
        }
    }
}

/// The role of every sentence of `docs` (in the term space's order:
/// document by document), the cluster's title (the first document's that
/// has one) and that document's index.
fn roles(docs: &[AnalyzedDocument]) -> (Vec<furniture::Role>, Option<String>, Option<usize>) {
    let mut all = Vec::new();
    let mut title = None;
    let mut title_doc = None;
    for (d, doc) in docs.iter().enumerate() {
        let (roles, t) = furniture::roles(doc);
        all.extend(roles);
        if title.is_none() && t.is_some() {
            title = t;
            title_doc = Some(d);
        }
    }
    (all, title, title_doc)
}

/// Each sentence's position in its story: its index in the document less
/// the headline, datelines and other furniture that open the document, so
/// the lead of an article with a headline is at position 0 as the lead of
/// one without (the rankers' lead priors count from there).
fn story_positions(positions: &[usize], doc_of: &[usize], roles: &[furniture::Role]) -> Vec<usize> {
    let mut out = Vec::with_capacity(positions.len());
    let mut opening = 0;
    let mut in_opening = true;
    for (i, &p) in positions.iter().enumerate() {
        if i == 0 || doc_of[i] != doc_of[i - 1] {
            opening = 0;
            in_opening = true;
        }
        if in_opening && !matches!(roles[i], furniture::Role::Body { .. }) {
            opening += 1;
        } else {
            in_opening = false;
        }
        out.push(p.saturating_sub(opening));
    }
    out
}

/// The random-jump bias of the PageRank rankers: a lead prior and, with a
/// query, similarity to it; `None` when neither applies.
fn teleport(
    settings: &SummarySettings,
    space: &tfidf::TermSpace,
    position: &[usize],
) -> Option<Vec<f64>> {
    let relevance: Option<Vec<f64>> = space.query.as_ref().map(|q| {
        space
            .vectors
            .iter()
            .map(|v| f64::from(rank::dot(v, q)))
            .collect()
    });
    let mean_relevance = relevance
        .as_ref()
        .map_or(0.0, |r| r.iter().sum::<f64>() / r.len().max(1) as f64);
    let query_weight = if mean_relevance > 0.0 {
        settings.query_weight
    } else {
        0.0
    };
    (settings.lead_bias > 0.0 || query_weight > 0.0).then(|| {
        position
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let base = 1.0 + settings.lead_bias / (1.0 + p as f64);
                let rel = relevance
                    .as_ref()
                    .and_then(|r| r.get(i))
                    .copied()
                    .unwrap_or(0.0);
                (1.0 - query_weight) * base
                    + query_weight * rel / mean_relevance.max(f64::MIN_POSITIVE)
            })
            .collect()
    })
}

/// The rank (1 = highest score; ties: the earlier sentence) of each chosen
/// sentence, in the order of `chosen`.
fn ranks(chosen: &[usize], scores: &[f64]) -> Vec<usize> {
    let mut by_score: Vec<usize> = (0..chosen.len()).collect();
    by_score.sort_by(|&a, &b| {
        scores[chosen[b]]
            .total_cmp(&scores[chosen[a]])
            .then(chosen[a].cmp(&chosen[b]))
    });
    let mut rank = vec![0usize; chosen.len()];
    for (r, &i) in by_score.iter().enumerate() {
        rank[i] = r + 1;
    }
    rank
}

#[cfg(test)]
mod tests;
