//! Every call into the `brief` library lives in this file, so that a change of
//! the library's public API is adapted here alone. Nothing here knows about
//! Python: inputs are plain Rust values, outputs are JSON text (the CLI's own
//! serialization where the CLI has one) or bytes, and errors are [`CoreError`].
//!
//! Offsets: the library works in UTF-8 byte offsets; the Python-facing records
//! carry `start`/`end` in characters (Unicode code points, what indexing a
//! Python `str` counts) and `byte_start`/`byte_end` in UTF-8 bytes. The
//! records that must equal the CLI's output (`Form::Cli`) keep the CLI's byte
//! offsets under `start`/`end`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::Serialize;

use crate::input::each_item;
pub use crate::input::{InputOptions, Item, ItemSource, prepare_text};
use brief::job::{ExportJob, ExportOutcome, ExportedItem, FormatName, Selection, TranslationAids};
use brief::outfile::OutFile;
use brief::{
    Algorithm, AnalyzedDocument, Budget, Document, Lang, LanguageTag, Order, Summary,
    SummarySettings, TargetMode,
};

/// The library's configuration, shared between calls and threads.
pub type Config = Arc<brief::Config>;

pub use crate::error::{CoreError, Result, guarded};

// ---------------------------------------------------------------- settings

/// The built-in defaults (`config/default.toml`), as the CLI uses when no
/// configuration file is found. Parsed once.
pub fn default_config() -> Config {
    static DEFAULT: OnceLock<Config> = OnceLock::new();
    DEFAULT
        .get_or_init(|| Arc::new(brief::Config::embedded()))
        .clone()
}

/// Reads a TOML configuration file, as `brief --config FILE`.
pub fn config_from_file(path: &Path) -> Result<Config> {
    let (config, _) = brief::Config::load(Some(path))?;
    Ok(Arc::new(config))
}

/// Parses TOML text; `name` names it in messages.
pub fn config_from_toml(text: &str, name: &str) -> Result<Config> {
    Ok(Arc::new(brief::Config::from_toml(text, Path::new(name))?))
}

/// Builds a configuration from a JSON object with the TOML file's layout
/// (`{"summary": {"words": 80}, "languages": {"en": {...}}}`).
pub fn config_from_json(json: &str, name: &str) -> Result<Config> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| CoreError::argument(format!("{name}: {e}")))?;
    if !value.is_object() {
        return Err(CoreError::argument(format!(
            "{name}: the configuration must be a mapping of sections"
        )));
    }
    let text = toml::to_string(&value)
        .map_err(|e| CoreError::argument(format!("{name}: cannot be written as TOML: {e}")))?;
    config_from_toml(&text, name)
}

/// The configuration as TOML-like JSON, for `repr` and tests: the summary
/// length and algorithm, the export targets and formats.
pub fn config_summary(config: &brief::Config) -> String {
    let s = &config.summary;
    let length = match s.budget() {
        Ok(Budget::Ratio(r)) => format!("ratio={r}"),
        Ok(b @ (Budget::Sentences(n) | Budget::Words(n) | Budget::Chars(n) | Budget::Bytes(n))) => {
            format!("{}={n}", b.unit())
        }
        Err(e) => e.to_string(),
    };
    let targets: Vec<&str> = config.export.targets.iter().map(|t| t.as_str()).collect();
    let formats: Vec<&str> = config.export.formats.iter().map(|f| f.name()).collect();
    format!(
        "summary: {} algorithm={}; export: to={} formats={}",
        if length.is_empty() {
            "default length"
        } else {
            &length
        },
        s.algorithm,
        targets.join(","),
        formats.join(",")
    )
}

pub(crate) fn parse_lang(code: Option<&str>) -> Result<Option<Lang>> {
    code.map(|c| c.parse::<Lang>().map_err(CoreError::from))
        .transpose()
}

/// The options of `summarize` (and `export`) that the CLI takes as flags.
#[derive(Debug, Clone, Default)]
pub struct SummaryOptions {
    /// `--lang`: the language of every input.
    pub lang: Option<String>,
    /// At most one of the five lengths.
    pub sentences: Option<usize>,
    /// Words.
    pub words: Option<usize>,
    /// Characters.
    pub chars: Option<usize>,
    /// UTF-8 bytes.
    pub bytes: Option<usize>,
    /// Fraction of the input's words.
    pub ratio: Option<f64>,
    /// `--algorithm`.
    pub algorithm: Option<String>,
    /// `--query`.
    pub query: Option<String>,
    /// `--order`: `document` or `rank`.
    pub order: Option<String>,
}

impl SummaryOptions {
    fn length_given(&self) -> bool {
        self.sentences.is_some()
            || self.words.is_some()
            || self.chars.is_some()
            || self.bytes.is_some()
            || self.ratio.is_some()
    }

    /// The configuration with `lang` as `[segment] lang`, as the CLI's
    /// `--lang` does.
    fn configure(&self, config: &brief::Config) -> Result<brief::Config> {
        let mut config = config.clone();
        if let Some(lang) = parse_lang(self.lang.as_deref())? {
            config.segment.lang = Some(lang);
        }
        Ok(config)
    }

    /// `[summary]` with the flags applied over it, as the CLI does.
    fn settings(&self, config: &brief::Config) -> Result<SummarySettings> {
        let given = [
            self.sentences.is_some(),
            self.words.is_some(),
            self.chars.is_some(),
            self.bytes.is_some(),
            self.ratio.is_some(),
        ];
        if given.iter().filter(|&&g| g).count() > 1 {
            return Err(CoreError::argument(
                "give at most one of sentences, words, chars, bytes, ratio",
            ));
        }
        let budget = self
            .sentences
            .map(Budget::Sentences)
            .or(self.words.map(Budget::Words))
            .or(self.chars.map(Budget::Chars))
            .or(self.bytes.map(Budget::Bytes))
            .or(self.ratio.map(Budget::Ratio));
        let mut settings = match budget {
            Some(b) => config.summary.with_budget(b)?,
            None => config.summary.clone(),
        };
        if let Some(name) = &self.algorithm {
            settings.algorithm = name.parse::<Algorithm>()?;
        }
        settings.order = match self.order.as_deref() {
            None => settings.order,
            Some("document") => Order::Document,
            Some("rank") => Order::Rank,
            Some(other) => {
                return Err(CoreError::argument(format!(
                    "order {other:?}: expected \"document\" or \"rank\""
                )));
            }
        };
        settings.validate()?;
        Ok(settings)
    }
}

// --------------------------------------------------------------- offsets

/// Character offsets of the given byte offsets into `text` (each on a
/// character boundary), in one pass over the text.
fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let (mut at_byte, mut at_char) = (0usize, 0usize);
    for i in order {
        let target = bytes[i].min(text.len());
        if let Some(between) = text.get(at_byte..target) {
            at_char += between.chars().count();
            at_byte = target;
        }
        out[i] = at_char;
    }
    out
}

// ---------------------------------------------------------------- detect

#[derive(Serialize)]
struct DetectionOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(flatten)]
    detection: brief::Detection,
}

/// Detects the language of each text (in parallel): one JSON object per
/// text, `{"lang", "confidence", "script", "method"}` as in `brief detect
/// --format jsonl` (without the id).
pub fn detect(
    names: &[String],
    raws: Vec<Vec<u8>>,
    input: &InputOptions,
    lang: Option<&str>,
    config: &brief::Config,
) -> Result<String> {
    let user = parse_lang(lang)?.or(config.segment.lang);
    let texts = input.prepare_all(names, raws)?;
    let out: Vec<DetectionOut> = texts
        .par_iter()
        .map(|t| DetectionOut {
            id: None,
            detection: brief::detect(t, user),
        })
        .collect();
    Ok(serde_json::to_string(&out)?)
}

// --------------------------------------------------------------- segment

#[derive(Serialize)]
struct SentenceOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    paragraph: usize,
}

#[derive(Serialize)]
struct SegmentedOut<'a> {
    lang: Lang,
    confidence: f64,
    sentences: Vec<SentenceOut<'a>>,
}

fn parse_line_breaks(mode: &str) -> Result<brief::LineBreaks> {
    use brief::LineBreaks;
    match mode {
        "auto" => Ok(LineBreaks::Auto),
        "sentence" => Ok(LineBreaks::Sentence),
        "space" => Ok(LineBreaks::Space),
        _ => Err(CoreError::argument(format!(
            "line_breaks {mode:?}: expected \"auto\", \"sentence\" or \"space\""
        ))),
    }
}

/// Splits each text into sentences (in parallel): a JSON array with one
/// `{"lang", "confidence", "sentences": [{"text", "start", "end",
/// "byte_start", "byte_end", "paragraph"}]}` per text; `start`/`end` in
/// characters, `paragraph` zero-based.
pub fn segment(
    names: &[String],
    raws: Vec<Vec<u8>>,
    input: &InputOptions,
    lang: Option<&str>,
    line_breaks: Option<&str>,
    config: &brief::Config,
) -> Result<String> {
    let mut config = config.clone();
    if let Some(lang) = parse_lang(lang)? {
        config.segment.lang = Some(lang);
    }
    if let Some(mode) = line_breaks {
        config.segment.line_breaks = parse_line_breaks(mode)?;
    }
    let texts = input.prepare_all(names, raws)?;
    let docs: Vec<String> = texts
        .par_iter()
        .map(|text| -> Result<String> {
            let doc = Document::new("-", text.as_str());
            let seg = brief::analyze(doc, &config);
            let bytes: Vec<usize> = seg
                .sentences
                .iter()
                .flat_map(|s| [s.start, s.end])
                .collect();
            let chars = char_offsets(text, &bytes);
            let out = SegmentedOut {
                lang: seg.detection.lang,
                confidence: seg.detection.confidence,
                sentences: seg
                    .sentences
                    .iter()
                    .enumerate()
                    .map(|(i, s)| SentenceOut {
                        text: s.text(text),
                        start: chars[2 * i],
                        end: chars[2 * i + 1],
                        byte_start: s.start,
                        byte_end: s.end,
                        paragraph: s.paragraph,
                    })
                    .collect(),
            };
            Ok(serde_json::to_string(&out)?)
        })
        .collect::<Vec<Result<String>>>()
        .into_iter()
        .collect::<Result<_>>()?;
    Ok(format!("[{}]", docs.join(",")))
}

// ------------------------------------------------------------- summarize

/// Which offsets and fields a summary record carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Character offsets plus byte offsets (`byte_start`/`byte_end`).
    Python,
    /// Exactly the CLI's `summarize --format jsonl` line.
    Cli,
}

#[derive(Serialize)]
struct PySentenceOut<'a> {
    text: &'a str,
    /// Index from 0, as in every output of brief.
    doc: usize,
    /// Index from 0.
    sentence: usize,
    rank: usize,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    score: f64,
}

#[derive(Serialize)]
struct PySummaryOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    lang: Lang,
    /// The headline of the first document, as in the CLI's record.
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    summary: Vec<PySentenceOut<'a>>,
    algorithm: Algorithm,
    budget: Budget,
    used: usize,
    input_sentences: usize,
}

fn summary_json(
    summary: &Summary,
    docs: &[AnalyzedDocument],
    id: Option<&str>,
    form: Form,
) -> Result<String> {
    Ok(match form {
        Form::Cli => serde_json::to_string(&summary.record(id))?,
        Form::Python => {
            let sentences = summary
                .sentences
                .iter()
                .map(|s| {
                    let text = docs.get(s.doc).map_or("", |d| d.document.text.as_str());
                    let chars = char_offsets(text, &[s.start, s.end]);
                    PySentenceOut {
                        text: &s.text,
                        doc: s.doc,
                        sentence: s.sentence,
                        rank: s.rank,
                        start: chars[0],
                        end: chars[1],
                        byte_start: s.start,
                        byte_end: s.end,
                        score: s.score,
                    }
                })
                .collect();
            serde_json::to_string(&PySummaryOut {
                id,
                lang: summary.lang,
                title: summary.title.as_deref(),
                summary: sentences,
                algorithm: summary.algorithm,
                budget: summary.budget,
                used: summary.used,
                input_sentences: summary.input_sentences,
            })?
        }
    })
}

/// The documents of one article or cluster, each prepared as the CLI
/// prepares a file (see [`InputOptions::prepare`]).
fn documents(names: &[String], raws: Vec<Vec<u8>>, input: &InputOptions) -> Result<Vec<Document>> {
    let texts = input.prepare_all_titled(names, raws)?;
    Ok(names
        .iter()
        .zip(texts)
        .map(|(name, (text, title))| {
            let mut doc = Document::new(name.as_str(), text);
            doc.title = title;
            doc
        })
        .collect())
}

/// The CLI's warning of a brief drawn from documents in several languages
/// (of batch item `item`), in this package's words.
fn mixed_warning(docs: &[AnalyzedDocument], item: Option<&str>) -> Option<String> {
    let langs = brief::mixed_languages(docs)?;
    let langs: Vec<&str> = langs.iter().map(|l| l.as_str()).collect();
    let place = item.map_or(String::new(), |id| {
        format!("item {}: ", brief::escape::escape(id))
    });
    Some(format!(
        "{place}the documents are in several languages ({}); the brief mixes them: \
         summarize each language separately, or give lang=",
        langs.join(", ")
    ))
}

/// Summarizes one article or one cluster (several texts), as `brief
/// summarize FILE...`: one JSON record `{"lang", "summary": [...],
/// "algorithm", "budget", "used", "input_sentences"}`, and the CLI's
/// warnings.
pub fn summarize(
    names: &[String],
    raws: Vec<Vec<u8>>,
    input: &InputOptions,
    options: &SummaryOptions,
    config: &brief::Config,
    form: Form,
) -> Result<(String, Vec<String>)> {
    let config = options.configure(config)?;
    let settings = options.settings(&config)?;
    // Like the CLI's text inputs, `lang` comes through `[segment] lang`.
    let docs = brief::analyze_all(documents(names, raws, input)?, &config);
    let warnings = mixed_warning(&docs, None).into_iter().collect();
    let summary = brief::summarize(&docs, &settings, options.query.as_deref())?;
    Ok((summary_json(&summary, &docs, None, form)?, warnings))
}

fn summarize_item(
    item: &brief::input::BatchItem,
    options: &SummaryOptions,
    config: &brief::Config,
    settings: &SummarySettings,
    lang: Option<Lang>,
) -> Result<(Vec<AnalyzedDocument>, Summary)> {
    let query = options.query.as_deref().or(item.field("query"));
    let docs = brief::analyze_all(item.to_documents(lang), config);
    let summary = brief::summarize(&docs, settings, query)?;
    Ok((docs, summary))
}

/// Summarizes a batch on all cores, as `brief summarize --input jsonl
/// --format jsonl`: each `lines[i]` is one JSONL item (`{"id", "text" |
/// "documents", "lang"?, "query"?}`); one JSON record per item, in order,
/// and the CLI's warnings (an item in several languages).
#[allow(clippy::too_many_arguments)]
pub fn summarize_items(
    items: Vec<Item>,
    source: &ItemSource,
    input: &InputOptions,
    options: &SummaryOptions,
    config: &brief::Config,
    form: Form,
    cancel: &crate::run::Cancel,
) -> Result<(Vec<String>, Vec<String>)> {
    let config = options.configure(config)?;
    let settings = options.settings(&config)?;
    let lang = parse_lang(options.lang.as_deref())?;
    let mut records = Vec::with_capacity(items.len());
    let mut warnings = Vec::new();
    let work = |item: brief::input::BatchItem| {
        let (docs, summary) = summarize_item(&item, options, &config, &settings, lang)?;
        let warning = mixed_warning(&docs, Some(&item.id));
        Ok((
            summary_json(&summary, &docs, Some(&item.id), form)?,
            warning,
        ))
    };
    let sink = |(record, warning): (String, Option<String>), warnings: &mut Vec<String>| {
        records.push(record);
        warnings.extend(warning);
        Ok(())
    };
    each_item(items, source, input, cancel, work, sink, &mut warnings)?;
    Ok((records, warnings))
}

// ---------------------------------------------------------------- export

/// The options of `export` beyond the summary's.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// `--to`: target language tags; empty means `[export] targets`.
    pub to: Vec<String>,
    /// `--format`: format names (`omegat` for an OmegaT project); empty
    /// means `[export] formats`.
    pub formats: Vec<String>,
    /// `--all`: every sentence instead of the brief.
    pub all: bool,
    /// `--target`: `empty`, `source` or `none`.
    pub target: Option<String>,
    /// `--source-tag`.
    pub source_tag: Option<String>,
    /// `--tm`: translation memories (TMX), first match wins.
    pub tm: Vec<PathBuf>,
    /// `--glossary`.
    pub glossary: Option<PathBuf>,
    /// `--max-input`: the most bytes of the glossary.
    pub max_input: u64,
}

/// One file to write: its name (relative) and contents.
pub type NamedFile = (String, Vec<u8>);

/// Export files and the job's warnings.
pub type Exported = (Vec<NamedFile>, Vec<String>);

impl ExportOptions {
    /// The job's options, resolved over `[export]` as the CLI does.
    fn resolve(&self, config: &brief::Config) -> Result<brief::job::ExportOptions> {
        let to = self
            .to
            .iter()
            .map(|t| t.trim().parse::<LanguageTag>())
            .collect::<brief::Result<Vec<_>>>()?;
        let names = self
            .formats
            .iter()
            .map(|f| f.parse::<FormatName>())
            .collect::<brief::Result<Vec<_>>>()?;
        let (formats, omegat) = FormatName::split(&names);
        let mode = self
            .target
            .as_deref()
            .map(str::parse::<TargetMode>)
            .transpose()?;
        let source_tag = self
            .source_tag
            .as_deref()
            .map(|t| t.trim().parse::<LanguageTag>())
            .transpose()?;
        Ok(brief::job::ExportOptions::resolve(
            &to,
            &formats,
            omegat,
            mode,
            source_tag,
            &config.export,
        )?)
    }

    /// The memories and glossary, read as the CLI reads them: the glossary
    /// up to the input limit (`max_input=`, as `--max-input`); a memory
    /// not there yet is no error, and the CLI's note on it is returned
    /// (issued as a warning).
    fn aids(&self) -> Result<(TranslationAids, Vec<String>)> {
        let aids =
            TranslationAids::load_limited(&self.tm, self.glossary.as_deref(), self.max_input)?;
        let notes = aids
            .missing_memories()
            .iter()
            .map(|path| {
                format!(
                    "{}: no translation memory there yet; exporting without its matches \
                     (update_memory creates it)",
                    brief::escape::escape_path(path)
                )
            })
            .collect();
        Ok((aids, notes))
    }
}

/// The files of an export outcome, named relative to the output directory.
/// The directories an OmegaT project needs and brief writes nothing into
/// come last, each as its name ending in `/` with no contents.
fn named(outcome: ExportOutcome) -> Exported {
    let empty: Vec<String> = outcome
        .report
        .empty_dirs
        .iter()
        .filter(|dir| !outcome.files.iter().any(|f| f.path.starts_with(dir)))
        // `tm/` is made with `tm/auto/`.
        .filter(|dir| {
            !outcome
                .report
                .empty_dirs
                .iter()
                .any(|other| other != *dir && other.starts_with(dir))
        })
        .map(|dir| format!("{}/", dir.to_string_lossy()))
        .collect();
    let mut files: Vec<NamedFile> = outcome
        .files
        .into_iter()
        .map(|f| (f.path.to_string_lossy().into_owned(), f.contents))
        .collect();
    files.extend(empty.into_iter().map(|dir| (dir, Vec::new())));
    (files, outcome.report.warnings)
}

/// The export with the notes on its aids first, as the CLI prints them
/// before the export's own warnings.
fn noted(mut notes: Vec<String>, (files, warnings): Exported) -> Exported {
    notes.extend(warnings);
    (files, notes)
}

/// Exports one article or cluster, as `brief export FILE... --out-dir DIR`:
/// the files' names (as in DIR) and contents, in the CLI's order.
pub fn export(
    names: &[String],
    raws: Vec<Vec<u8>>,
    input: &InputOptions,
    options: &SummaryOptions,
    export_options: &ExportOptions,
    config: &brief::Config,
) -> Result<Exported> {
    if export_options.all && options.length_given() {
        return Err(CoreError::argument(
            "all=True exports every sentence: give no length with it",
        ));
    }
    let config = options.configure(config)?;
    let resolved = export_options.resolve(&config)?;
    let (aids, notes) = export_options.aids()?;
    let docs = brief::analyze_all(documents(names, raws, input)?, &config);
    let job = ExportJob {
        options: &resolved,
        aids: &aids,
        out_dir: PathBuf::new(),
    };
    if export_options.all {
        return Ok(noted(notes, named(job.cluster(&docs, Selection::All)?)));
    }
    // `brief export` takes no algorithm, query or order: the [summary]
    // settings with the length flags only.
    let length_only = SummaryOptions {
        lang: None,
        algorithm: None,
        query: None,
        order: None,
        ..options.clone()
    };
    let settings = length_only.settings(&config)?;
    let summary = brief::summarize(&docs, &settings, None)?;
    Ok(noted(
        notes,
        named(job.cluster(&docs, Selection::Brief(&summary))?),
    ))
}

/// A brief kept with the analysis it was made from, so that it can be
/// exported without analyzing or summarizing again.
#[derive(Debug)]
pub struct KeptSummary {
    docs: Vec<AnalyzedDocument>,
    summary: Summary,
}

/// Summarizes as [`summarize`], keeping the analysis: the record (as
/// [`summarize`] returns it) and the kept brief.
pub fn summarize_kept(
    names: &[String],
    raws: Vec<Vec<u8>>,
    input: &InputOptions,
    options: &SummaryOptions,
    config: &brief::Config,
) -> Result<(String, KeptSummary, Vec<String>)> {
    let config = options.configure(config)?;
    let settings = options.settings(&config)?;
    let docs = brief::analyze_all(documents(names, raws, input)?, &config);
    let warnings = mixed_warning(&docs, None).into_iter().collect();
    let summary = brief::summarize(&docs, &settings, options.query.as_deref())?;
    let record = summary_json(&summary, &docs, None, Form::Python)?;
    Ok((record, KeptSummary { docs, summary }, warnings))
}

/// Exports a kept brief, as [`export`] would have exported it.
pub fn export_kept(
    kept: &KeptSummary,
    export_options: &ExportOptions,
    config: &brief::Config,
) -> Result<Exported> {
    if export_options.all {
        return Err(CoreError::argument(
            "a Summary exports its brief; all=True is for texts",
        ));
    }
    let resolved = export_options.resolve(config)?;
    let (aids, notes) = export_options.aids()?;
    let job = ExportJob {
        options: &resolved,
        aids: &aids,
        out_dir: PathBuf::new(),
    };
    Ok(noted(
        notes,
        named(job.cluster(&kept.docs, Selection::Brief(&kept.summary))?),
    ))
}

/// Summarizes a batch (as [`summarize_items`]) and exports all the briefs
/// through the same job as `brief export --input jsonl`, file for file and
/// byte for byte. Also returns each item's record.
#[allow(clippy::too_many_arguments)]
pub fn export_items(
    items: Vec<Item>,
    source: &ItemSource,
    input: &InputOptions,
    options: &SummaryOptions,
    export_options: &ExportOptions,
    config: &brief::Config,
    form: Form,
    cancel: &crate::run::Cancel,
) -> Result<(Vec<String>, Exported)> {
    if export_options.all {
        return Err(CoreError::argument(
            "export_many exports the briefs; all=True is for export()",
        ));
    }
    let config = options.configure(config)?;
    let settings = options.settings(&config)?;
    let resolved = export_options.resolve(&config)?;
    let (aids, notes) = export_options.aids()?;
    let lang = parse_lang(options.lang.as_deref())?;
    let job = ExportJob {
        options: &resolved,
        aids: &aids,
        out_dir: PathBuf::new(),
    };
    let mut batch = job.batch(lang)?;
    let mut records = Vec::with_capacity(items.len());
    let mut warnings = notes;
    let work = |item: brief::input::BatchItem| -> Result<(String, ExportedItem)> {
        let (docs, summary) = summarize_item(&item, options, &config, &settings, lang)?;
        let record = summary_json(&summary, &docs, Some(&item.id), form)?;
        let exported = ExportedItem::new(&item, docs, summary, resolved.source_tag.clone());
        Ok((record, exported))
    };
    let sink = |(record, exported), warnings: &mut Vec<String>| {
        // An item the batch refuses (a repeated id) leaves no record.
        warnings.extend(batch.add(exported)?);
        records.push(record);
        Ok(())
    };
    each_item(items, source, input, cancel, work, sink, &mut warnings)?;
    let (files, more) = named(batch.finish()?);
    warnings.extend(more);
    Ok((records, (files, warnings)))
}

/// Writes files under `dir` (created if missing) atomically; without
/// `force`, nothing is written if any of them exists. Returns the paths
/// and the writer's warnings.
pub fn write_files(
    dir: &Path,
    files: &[NamedFile],
    force: bool,
) -> Result<(Vec<PathBuf>, Vec<String>)> {
    let (dirs, files): (Vec<&NamedFile>, Vec<&NamedFile>) =
        files.iter().partition(|(name, _)| name.ends_with('/'));
    let out: Vec<OutFile> = files
        .iter()
        .map(|(name, contents)| OutFile {
            path: dir.join(name),
            contents: contents.clone(),
        })
        .collect();
    let mut warnings = Vec::new();
    brief::outfile::write_set(&out, &brief::outfile::WriteOptions::new(force), &mut |w| {
        warnings.push(w)
    })?;
    // The folders an OmegaT project needs and brief writes nothing into,
    // as the CLI makes them.
    for (name, _) in dirs {
        let path = dir.join(name.trim_end_matches('/'));
        std::fs::create_dir_all(&path).map_err(|e| brief::Error::io(&path, e))?;
    }
    Ok((out.into_iter().map(|f| f.path).collect(), warnings))
}

/// The library's version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "aé😀b";
        // a=0, é=1..3, 😀=3..7, b=7..8 in bytes.
        assert_eq!(char_offsets(text, &[8, 0, 3, 7, 1]), vec![4, 0, 2, 3, 1]);
    }

    #[test]
    fn two_lengths_are_an_argument_error() {
        let options = SummaryOptions {
            words: Some(10),
            sentences: Some(2),
            ..SummaryOptions::default()
        };
        let err = options.settings(&default_config()).unwrap_err();
        assert_eq!(err.kind, "Argument");
    }

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let err = guarded::<()>(|| panic!("boom")).unwrap_err();
        assert_eq!(err.kind, "Internal");
        assert!(err.message.contains("boom"), "{}", err.message);
    }

    #[test]
    fn dict_config_goes_through_toml() {
        let config = config_from_json(r#"{"summary": {"words": 40}}"#, "<dict>").unwrap();
        assert_eq!(config.summary.budget().unwrap(), Budget::Words(40));
        let err = config_from_json(r#"{"summry": {}}"#, "<dict>").unwrap_err();
        assert_eq!(err.kind, "Config");
    }
}
