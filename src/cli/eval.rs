//! `brief eval`

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;
use serde::Serialize;

use brief::eval::{EvalOptions, ItemResult, PairedDifference, RESAMPLES, Rouge};
use brief::{Algorithm, Config, Lang};

use super::output;
use super::summarize::{LengthArgs, parse_algorithm, settings_with};

/// Score the summarizer with ROUGE on a dataset, next to LEAD.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
The dataset is JSONL: {\"id\", \"lang\"?, \"documents\": [...], \"references\": [...]} per line.
Scores are ROUGE-1, ROUGE-2 and ROUGE-Lsum (recall, precision, F1, in percent), averaged over
each item's references and then over items, computed like Google's rouge-score (Porter stemming
for English; a Unicode word tokenizer for other languages). The last line (\"vs_lead\" in JSON)
gives the algorithm's ROUGE-1 F minus LEAD's with a paired-bootstrap 95% interval over the
items: an interval that contains 0 means the set is too small to tell the two apart.

Examples:
  brief eval --dataset ../shared/data/summarization/cnndm_dev.jsonl --sentences 3
  brief eval --dataset duc2006_dev.jsonl --words 250 --algorithm lexrank --format json
  brief eval --dataset bbc_news_summary_dev.jsonl --reference-words --predictions preds.jsonl")]
pub struct Args {
    /// The dataset (JSONL).
    #[arg(long, value_name = "FILE")]
    dataset: PathBuf,
    #[command(flatten)]
    length: LengthArgs,
    /// Use each item's mean reference length in words as its budget.
    #[arg(long, conflicts_with = "length")]
    reference_words: bool,
    /// Ranking algorithm to evaluate (LEAD is always shown beside it).
    #[arg(long, value_name = "NAME", value_parser = parse_algorithm)]
    algorithm: Option<Algorithm>,
    /// Ignore the items' "query" fields (generic rather than query-focused briefs).
    #[arg(long)]
    no_query: bool,
    /// Write the algorithm's summaries here as JSONL ({"id", "lang", "summary"}), for other scorers.
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A table.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Serialize)]
struct Report<'a> {
    dataset: String,
    items: usize,
    budget: String,
    algorithm: &'a str,
    scores: Rouge,
    lead: Rouge,
    vs_lead: PairedDifference,
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let options = EvalOptions {
        settings: settings_with(config, &args.length, args.algorithm)?,
        reference_words: args.reference_words,
        use_query: !args.no_query,
        input: super::input_settings().clone(),
    };
    let path = &args.dataset;
    let result = brief::eval::evaluate(path, config, &options)?;
    if let Some(pred_path) = &args.predictions {
        write_predictions(pred_path, &result.items)?;
    }
    let report = Report {
        dataset: path.display().to_string(),
        items: result.items.len(),
        budget: result.budget,
        algorithm: result.algorithm,
        scores: result.scores,
        lead: result.lead,
        vs_lead: result.vs_lead,
    };
    let mut out = output::stdout();
    match args.format {
        Format::Json => output::json_line(&mut out, &pct(report))?,
        Format::Text => {
            writeln!(
                out,
                "{}: {} items, budget {}",
                brief::escape::escape(&report.dataset),
                report.items,
                report.budget
            )?;
            writeln!(
                out,
                "{:<18} {:>22} {:>22} {:>22}",
                "algorithm", "ROUGE-1 R/P/F", "ROUGE-2 R/P/F", "ROUGE-Lsum R/P/F"
            )?;
            for (name, r) in [(report.algorithm, &report.scores), ("lead", &report.lead)] {
                let cell = |p: &brief::eval::Prf| {
                    format!("{:.2}/{:.2}/{:.2}", 100.0 * p.r, 100.0 * p.p, 100.0 * p.f)
                };
                writeln!(
                    out,
                    "{:<18} {:>22} {:>22} {:>22}",
                    name,
                    cell(&r.rouge1),
                    cell(&r.rouge2),
                    cell(&r.rouge_lsum)
                )?;
            }
            let d = &report.vs_lead;
            writeln!(
                out,
                "{} minus lead, ROUGE-1 F: {:+.2} (95% interval {:+.2} to {:+.2}, paired bootstrap \
                 of {} items, {RESAMPLES} resamples); higher on {}, lower on {}",
                report.algorithm,
                100.0 * d.mean,
                100.0 * d.low,
                100.0 * d.high,
                report.items,
                d.better,
                d.worse
            )?;
        }
    }
    out.flush()?;
    Ok(super::exit::OK)
}

/// The report with every figure in percent, rounded to two decimals.
fn pct(mut report: Report) -> Report {
    for r in [&mut report.scores, &mut report.lead] {
        for p in [&mut r.rouge1, &mut r.rouge2, &mut r.rouge_lsum] {
            p.r = (p.r * 10000.0).round() / 100.0;
            p.p = (p.p * 10000.0).round() / 100.0;
            p.f = (p.f * 10000.0).round() / 100.0;
        }
    }
    let d = &mut report.vs_lead;
    for x in [&mut d.mean, &mut d.low, &mut d.high] {
        *x = (*x * 10000.0).round() / 100.0;
    }
    report
}

/// Writes the predictions to a temporary file beside `path`, then renames
/// it, so a failed run never leaves a half-written file.
fn write_predictions(path: &std::path::Path, items: &[ItemResult]) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        id: &'a str,
        lang: Lang,
        summary: &'a [brief::SummarySentence],
        references: usize,
    }
    let tmp = path.with_extension("jsonl.part");
    {
        let file = std::fs::File::create(&tmp).with_context(|| format!("{}", tmp.display()))?;
        let mut w = std::io::BufWriter::new(file);
        for item in items {
            output::json_line(
                &mut w,
                &Line {
                    id: &item.id,
                    lang: item.lang,
                    summary: &item.summary.sentences,
                    references: item.references,
                },
            )?;
        }
        w.flush().with_context(|| format!("{}", tmp.display()))?;
    }
    std::fs::rename(&tmp, path).with_context(|| format!("{}", path.display()))?;
    Ok(())
}
