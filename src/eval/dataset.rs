//! Evaluating the summarizer on a dataset: every item summarized with the
//! given settings and with LEAD, both scored with ROUGE against the item's
//! references.

use std::path::Path;

use rayon::prelude::*;

use super::{PairedDifference, RESAMPLES, Rouge, RougeTokenizer, paired_bootstrap};
use crate::analyze_all;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::rank::Algorithm;
use crate::select::Budget;
use crate::summarize::{Summary, SummarySettings, summarize};

/// How to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalOptions {
    /// The summarizer's settings (algorithm, budget, ...).
    pub settings: SummarySettings,
    /// Use each item's mean reference length in words as its budget.
    pub reference_words: bool,
    /// Use the items' `query` fields (query-focused briefs).
    pub use_query: bool,
    /// How the dataset is read: its lines are bounded by `max_bytes` (the
    /// user's `--max-input`), URL items fetched with its settings.
    pub input: crate::input::InputSettings,
}

/// One item's result.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemResult {
    /// The item id.
    pub id: String,
    /// The language scored in (the item's `lang`, else the summary's).
    pub lang: Lang,
    /// The number of references.
    pub references: usize,
    /// The summary.
    pub summary: Summary,
    /// Its ROUGE, averaged over the references.
    pub scores: Rouge,
    /// LEAD's ROUGE with the same budget.
    pub lead: Rouge,
}

/// A dataset's results.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalReport {
    /// Per item, in dataset order.
    pub items: Vec<ItemResult>,
    /// Mean over items.
    pub scores: Rouge,
    /// LEAD's mean over items.
    pub lead: Rouge,
    /// ROUGE-1 F1 of the algorithm minus LEAD's, per item: the mean, its
    /// paired-bootstrap 95 % interval and the items won and lost.
    pub vs_lead: PairedDifference,
    /// The algorithm used (`auto` if `auto` chose different ones per item).
    pub algorithm: &'static str,
    /// The budget, in words ("3 sentences", "ratio 0.2", "reference length in words").
    pub budget: String,
}

fn joined(summary: &Summary) -> String {
    summary
        .sentences
        .iter()
        .map(|s| s.text.trim())
        .collect::<Vec<_>>()
        .join("\n")
}

fn mean_reference_words(references: &[String]) -> usize {
    if references.is_empty() {
        return 1;
    }
    let total: usize = references
        .iter()
        .map(|r| r.split_whitespace().count())
        .sum();
    ((total as f64 / references.len() as f64).round() as usize).max(1)
}

/// Describes a budget for reports.
fn describe(budget: Budget) -> String {
    match budget {
        Budget::Ratio(r) => format!("ratio {r}"),
        Budget::Sentences(n) | Budget::Words(n) | Budget::Chars(n) | Budget::Bytes(n) => {
            format!("{n} {}", budget.unit())
        }
    }
}

/// Evaluates on the JSONL dataset at `path`: `{"id", "lang"?, "documents" |
/// "text", "references": [...], "query"?}` per line.
/// Evaluates the JSONL dataset at `path` (items with `"references"`).
pub fn evaluate(path: &Path, config: &Config, options: &EvalOptions) -> Result<EvalReport> {
    let settings = &options.settings;
    settings.validate()?;
    let mut parsed = Vec::new();
    for item in crate::input::batch_items_with(path, &options.input)? {
        let item = item?;
        let references: Vec<String> = match item.extra.get("references") {
            Some(v) => serde_json::from_value(v.clone()).map_err(|e| Error::Jsonl {
                path: path.to_path_buf(),
                line: item.line,
                message: format!("\"references\" must be a list of strings: {e}"),
            })?,
            None => {
                return Err(Error::Jsonl {
                    path: path.to_path_buf(),
                    line: item.line,
                    message: format!("item {:?} has no \"references\"", item.id),
                });
            }
        };
        parsed.push((item, references));
    }
    let items: Vec<ItemResult> = parsed
        .into_par_iter()
        .map(|(item, references)| {
            let docs = analyze_all(item.to_documents(None), config);
            let own = if options.reference_words {
                settings.with_budget(Budget::Words(mean_reference_words(&references)))?
            } else {
                settings.clone()
            };
            let query = item.field("query").filter(|_| options.use_query);
            let summary = summarize(&docs, &own, query)?;
            let mut lead_settings = own.clone();
            lead_settings.algorithm = Algorithm::Lead;
            let lead = summarize(&docs, &lead_settings, None)?;
            let lang = item.lang.unwrap_or(summary.lang);
            let tok = RougeTokenizer::new(lang);
            Ok(ItemResult {
                id: item.id,
                lang,
                scores: tok.score_multi(&references, &joined(&summary)),
                lead: tok.score_multi(&references, &joined(&lead)),
                references: references.len(),
                summary,
            })
        })
        .collect::<Result<_>>()?;
    let scores = Rouge::mean(&items.iter().map(|i| i.scores).collect::<Vec<_>>());
    let lead = Rouge::mean(&items.iter().map(|i| i.lead).collect::<Vec<_>>());
    let differences: Vec<f64> = items
        .iter()
        .map(|i| i.scores.rouge1.f - i.lead.rouge1.f)
        .collect();
    let vs_lead = paired_bootstrap(&differences, RESAMPLES);
    let first = items
        .first()
        .map_or(settings.algorithm.name(), |i| i.summary.algorithm.name());
    let mixed = items.iter().any(|i| i.summary.algorithm.name() != first);
    let algorithm = if settings.algorithm == Algorithm::Auto && mixed {
        "auto"
    } else {
        first
    };
    let budget = if options.reference_words {
        "reference length in words".to_string()
    } else {
        describe(settings.budget()?)
    };
    Ok(EvalReport {
        items,
        scores,
        lead,
        vs_lead,
        algorithm,
        budget,
    })
}
