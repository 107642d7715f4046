//! `brief summarize`

use std::io::Write;

use clap::ValueEnum;

use brief::escape::plain_line;
use brief::{Algorithm, Budget, Config, Order, Summary, SummarySettings};

use super::{InputKind, batch, output};

/// The length flags shared by `summarize` and `eval`: at most one.
#[derive(Debug, Clone, Default, clap::Args)]
#[group(id = "length", multiple = false)]
pub struct LengthArgs {
    /// Length: at most N sentences.
    #[arg(long, value_name = "N", group = "length")]
    pub sentences: Option<usize>,
    /// Length: at most N words (whitespace-separated).
    #[arg(long, value_name = "N", group = "length")]
    pub words: Option<usize>,
    /// Length: at most N Unicode characters (one per line break between sentences).
    #[arg(long, value_name = "N", group = "length")]
    pub chars: Option<usize>,
    /// Length: at most N UTF-8 bytes (one per line break between sentences).
    #[arg(long, value_name = "N", group = "length")]
    pub bytes: Option<usize>,
    /// Length: at most this fraction of the input's words (0 < R ≤ 1).
    #[arg(long, value_name = "R", group = "length")]
    pub ratio: Option<f64>,
}

impl LengthArgs {
    /// The budget given on the command line, if any (clap allows at most one).
    pub fn budget(&self) -> Option<Budget> {
        self.sentences
            .map(Budget::Sentences)
            .or(self.words.map(Budget::Words))
            .or(self.chars.map(Budget::Chars))
            .or(self.bytes.map(Budget::Bytes))
            .or(self.ratio.map(Budget::Ratio))
    }
}

/// Summarize one article, or a cluster of articles on one event, into a brief.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Several INPUT files form ONE cluster: one brief is drawn from all of them.
Give at most one length; the default is [summary] in the configuration, else 3 sentences.

Examples:
  brief summarize seeds/en-putin-assad-aleppo.txt
  brief summarize --words 100 seeds/en-*.txt
  brief summarize --ratio 0.2 --format json article.txt
  brief summarize --input jsonl --format jsonl --words 85 batch.jsonl > briefs.jsonl")]
pub struct Args {
    #[command(flatten)]
    source: super::InputArgs,
    #[command(flatten)]
    length: LengthArgs,
    /// Ranking algorithm (auto: position for one article; submodular for a cluster, lexrank with a query).
    #[arg(long, value_name = "NAME", value_parser = parse_algorithm)]
    algorithm: Option<Algorithm>,
    /// Focus the brief on this topic or question (JSONL items may carry a "query" field).
    #[arg(long, value_name = "TEXT")]
    query: Option<String>,
    /// Output order of the chosen sentences.
    #[arg(long, value_enum)]
    order: Option<OrderArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Parses an algorithm name for clap.
pub fn parse_algorithm(s: &str) -> Result<Algorithm, String> {
    s.parse().map_err(|e: brief::Error| e.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OrderArg {
    /// As in the input.
    Document,
    /// Best first.
    Rank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The title (if any) on the first line, then one sentence per line (inner line breaks shown
    /// as spaces, control characters as escapes such as \x1b); a batch names each item first:
    /// "[id] title".
    Text,
    /// One JSON object: {"lang", "title"?, "summary": [{"text", "doc", "start", "end", "score"}], ...}.
    Json,
    /// One JSON object per line: {"id", "lang", "title"?, "summary": [...], ...}.
    Jsonl,
}

/// The `[summary]` settings resolved with the command-line flags: the flag's
/// length replaces any length from TOML, `--algorithm` the algorithm.
pub fn settings_with(
    config: &Config,
    length: &LengthArgs,
    algorithm: Option<Algorithm>,
) -> anyhow::Result<SummarySettings> {
    let mut settings = match length.budget() {
        Some(budget) => config.summary.with_budget(budget)?,
        None => config.summary.clone(),
    };
    if let Some(a) = algorithm {
        settings.algorithm = a;
    }
    Ok(settings)
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let config = args.source.configure(config);
    let mut settings = settings_with(&config, &args.length, args.algorithm)?;
    if let Some(order) = args.order {
        settings.order = match order {
            OrderArg::Document => Order::Document,
            OrderArg::Rank => Order::Rank,
        };
    }
    let mut out = output::stdout();
    match args.source.input {
        InputKind::Text | InputKind::Html => {
            let docs = brief::analyze_all(args.source.read_documents()?, &config);
            warn_mixed_languages(&docs, None);
            super::report_languages(&docs);
            let summary = brief::summarize(&docs, &settings, args.query.as_deref())?;
            match args.format {
                Format::Text => write_text(&mut out, &summary)?,
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &summary.record(None))?;
                    out.write_all(b"\n")?;
                }
                Format::Jsonl => {
                    let id = docs.first().map(|d| d.document.name.as_str());
                    output::json_line(&mut out, &summary.record(id))?;
                }
            }
        }
        InputKind::Jsonl => {
            let work = |item: brief::input::BatchItem| -> anyhow::Result<(String, Summary)> {
                let query = args.query.as_deref().or(item.field("query"));
                let docs = brief::analyze_all(item.to_documents(args.source.lang), &config);
                warn_mixed_languages(&docs, Some(&item.id));
                let summary = brief::summarize(&docs, &settings, query)?;
                Ok((item.id, summary))
            };
            batch::each_item(&args.source.inputs, work, |(id, summary), first| {
                match args.format {
                    Format::Text => {
                        if !first {
                            out.write_all(b"\n")?;
                        }
                        write_item_text(&mut out, &id, &summary)?;
                    }
                    Format::Json | Format::Jsonl => {
                        output::json_line(&mut out, &summary.record(Some(&id)))?;
                    }
                }
                Ok(())
            })?;
        }
    }
    out.flush()?;
    Ok(super::exit::OK)
}

/// The brief as text: its title (if any) on the first line, then one
/// sentence per line, each safe for a terminal ([`plain_line`]).
fn write_text(out: &mut impl Write, summary: &Summary) -> std::io::Result<()> {
    if let Some(title) = &summary.title {
        writeln!(out, "{}", plain_line(title))?;
    }
    for s in &summary.sentences {
        writeln!(out, "{}", plain_line(&s.text))?;
    }
    Ok(())
}

/// One brief of a batch as text: a line naming the item (`[id] title`),
/// then its sentences.
fn write_item_text(out: &mut impl Write, id: &str, summary: &Summary) -> std::io::Result<()> {
    let id = brief::escape::escape(id);
    match &summary.title {
        Some(title) => writeln!(out, "[{id}] {}", plain_line(title))?,
        None => writeln!(out, "[{id}]")?,
    }
    for s in &summary.sentences {
        writeln!(out, "{}", plain_line(&s.text))?;
    }
    Ok(())
}

/// Warns when the documents of one brief are in several languages: the
/// brief takes sentences from all of them and is labelled with the
/// language of the most text (docs/summarization.md).
fn warn_mixed_languages(docs: &[brief::AnalyzedDocument], item: Option<&str>) {
    if let Some(langs) = brief::mixed_languages(docs) {
        let langs: Vec<&str> = langs.iter().map(|l| l.as_str()).collect();
        let place = item.map_or(String::new(), |id| {
            format!("item {}: ", brief::escape::escape(id))
        });
        super::warn(format_args!(
            "{place}the documents are in several languages ({}); the brief mixes them: summarize each language separately, or give --lang",
            langs.join(", ")
        ));
    }
}
