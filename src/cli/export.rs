//! `brief export`

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use brief::outfile::{self, OutFile};
use brief::{Config, Export, Format, Lang, LanguageTag, TargetMode};

use super::output;
use super::summarize::LengthArgs;

/// Write the brief (or every sentence) as XLIFF, TMX, TSV or JSONL files for translators.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Several INPUT files form ONE cluster, as for `brief summarize`.
Files are named DIR/brief.<lang>.<format>.xlf (XLIFF), DIR/brief.<lang>.tmx,
DIR/brief.<lang>.tsv and DIR/brief.<lang>.jsonl; DIR/brief.reference.jsonl
keeps the export's units for `brief merge` (not a file to translate). Every
file carries the export id. No file is written for a target in the source
language. Existing files are never
overwritten without --force; if any target exists, nothing is written.

Examples:
  brief export seeds/en-putin-assad-aleppo.txt --out-dir out
  brief export --all --to fa-IR,ru --format xliff20,xliff12,tmx --out-dir out article.txt
  brief export --words 100 --format tsv,jsonl --out-dir mt seeds/en-*.txt
  brief export --input jsonl --to fa,ru --format xliff20 --out-dir desk batch.jsonl

With --input jsonl, each line is one item {\"id\", \"text\" | \"documents\",
\"lang\"?, \"query\"?} as for `brief summarize`: one brief per item, all items of
one source language in one file set under DIR/<lang>/, each unit's document
named <item id>#<n>; `brief merge --format jsonl` gives one line per item.")]
pub struct Args {
    /// Input files (one cluster); `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Target languages (BCP 47 tags, comma-separated); default: [export] targets.
    #[arg(long, value_name = "LANGS", value_delimiter = ',', value_parser = parse_tag)]
    to: Vec<LanguageTag>,
    /// Formats (comma-separated): xliff20, xliff21, xliff12, tmx, tsv, jsonl; default: [export] formats.
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_format)]
    format: Vec<Format>,
    /// Directory to write the files to (created if missing).
    #[arg(long, value_name = "DIR")]
    out_dir: PathBuf,
    #[command(flatten)]
    length: LengthArgs,
    /// Export every sentence of the inputs instead of the brief.
    #[arg(long, conflicts_with = "length")]
    all: bool,
    /// Target handling: empty (default), source (copy of the source) or none.
    #[arg(long, value_name = "MODE", value_parser = parse_mode)]
    target: Option<TargetMode>,
    /// Source language tag written into the files (e.g. en-GB); default: the detected code.
    #[arg(long, value_name = "TAG", value_parser = parse_tag)]
    source_tag: Option<LanguageTag>,
    /// Language of every input (ISO 639 code); overrides detection and TOML.
    #[arg(long, value_name = "CODE")]
    lang: Option<Lang>,
    /// Overwrite existing files.
    #[arg(long)]
    force: bool,
    /// How INPUT is read: text (one cluster; web pages by name or content), html (one cluster of
    /// web pages) or jsonl (one brief per item, see docs/formats.md).
    #[arg(long, value_enum, default_value_t = super::InputKind::Text)]
    input: super::InputKind,
    /// Translation memory (TMX 1.4b; repeatable, first wins): exact matches
    /// become translated targets, fuzzy matches candidates (every item of a batch too).
    #[arg(long = "tm", value_name = "MEM.tmx")]
    memories: Vec<PathBuf>,
    /// Glossary (CSV/TSV with a `source,fa,ru,...` header, or TBX): terms
    /// found in a source are written beside it (every item of a batch too;
    /// a batch's set in one of its target languages goes without, with a warning).
    #[arg(long, value_name = "FILE")]
    glossary: Option<PathBuf>,
}

fn parse_tag(s: &str) -> Result<LanguageTag, String> {
    s.trim().parse().map_err(|e: brief::Error| e.to_string())
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse().map_err(|e: brief::Error| e.to_string())
}

fn parse_mode(s: &str) -> Result<TargetMode, String> {
    s.parse().map_err(|e: brief::Error| e.to_string())
}

/// Removes repeated entries, keeping the first of each.
fn dedup<T: PartialEq + Clone>(items: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(item) {
            out.push(item.clone());
        }
    }
    out
}

/// The memories and glossary given with --tm and --glossary, read once for
/// one export or a whole batch.
pub struct TranslationAids {
    memories: Vec<brief::tm::Memory>,
    /// The glossary's path and text: its source column is read in each
    /// export's source language, which a batch knows only per item.
    glossary: Option<(PathBuf, String)>,
}

impl TranslationAids {
    /// Reads the memories and the glossary's text (nothing for empty lists).
    pub fn load(memories: &[PathBuf], glossary: Option<&Path>) -> anyhow::Result<TranslationAids> {
        let mut read = Vec::new();
        for path in memories {
            // A desk's first day: the memory that merge --update-tm will
            // create does not exist yet. Not an error, but said.
            if !path.exists() && path.symlink_metadata().is_err() {
                eprintln!(
                    "brief: note: {}: no translation memory there yet; exporting without its matches \
                     (merge --update-tm creates it)",
                    brief::escape::escape_path(path)
                );
                continue;
            }
            read.push(brief::tm::Memory::read_file(path)?.for_lookups());
        }
        let memories = read;
        let glossary = match glossary {
            Some(path) => {
                // Bounded like every input (--max-input): `/dev/zero` or a
                // FIFO cannot fill memory.
                let bytes = brief::input::read_bytes(path)?;
                let text = String::from_utf8(bytes).map_err(|e| {
                    anyhow::anyhow!(
                        "{}: cannot read the glossary: not UTF-8: {e}",
                        brief::escape::escape_path(path)
                    )
                })?;
                // Its syntax is checked now, before any work: read for an
                // undetermined source language, which no column names, so
                // the only error left for a real source is a clash of that
                // language with a target column (see `glossary`).
                brief::check::Glossary::parse(&text, undetermined(), path)?;
                Some((path.to_path_buf(), text))
            }
            None => None,
        };
        Ok(TranslationAids { memories, glossary })
    }

    /// The glossary's path, if one was given.
    pub fn glossary_path(&self) -> Option<&Path> {
        self.glossary.as_ref().map(|(path, _)| path.as_path())
    }

    /// The glossary with its source column in `source` (`Ok(None)` if none
    /// was given), or why this well-formed glossary cannot serve a source
    /// in `source` (as when `source` is one of its target columns).
    pub fn glossary(&self, source: Lang) -> Result<Option<brief::check::Glossary>, String> {
        let Some((path, text)) = &self.glossary else {
            return Ok(None);
        };
        match brief::check::Glossary::parse(text, source, path) {
            Ok(g) => Ok(Some(g)),
            Err(_) if names_target_column(text, source) => {
                Err(format!("{source} is one of its target columns"))
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// The aids of every unit of `export` for each of `targets`, with
    /// `glossary` (from [`TranslationAids::glossary`] in the export's source
    /// language). Without memories and glossary every unit's aids are empty
    /// and the files are exactly as without them.
    pub fn for_export(
        &self,
        export: &Export,
        targets: &[&LanguageTag],
        glossary: Option<&brief::check::Glossary>,
    ) -> Vec<Vec<brief::Aids>> {
        let memories: Vec<&brief::tm::Memory> = self.memories.iter().collect();
        targets
            .iter()
            .map(|t| export.aids(t, &memories, glossary))
            .collect()
    }
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let mut config = config.clone();
    if args.lang.is_some() {
        config.segment.lang = args.lang;
    }
    let settings = &config.export;
    let targets = dedup(if args.to.is_empty() {
        &settings.targets
    } else {
        &args.to
    });
    let formats = dedup(if args.format.is_empty() {
        &settings.formats
    } else {
        &args.format
    });
    if targets.is_empty() {
        anyhow::bail!("no target languages: give --to or set [export] targets");
    }
    if formats.is_empty() {
        anyhow::bail!("no formats: give --format or set [export] formats");
    }
    let mode = args.target.unwrap_or(settings.target);
    let source_tag = args
        .source_tag
        .clone()
        .or_else(|| settings.source_tag.clone());
    if args.input == super::InputKind::Jsonl {
        anyhow::ensure!(
            !args.all,
            "--all is for one cluster; a batch exports each item's brief"
        );
        // Read before the batch runs: a bad memory or glossary fails at once.
        let aids = TranslationAids::load(&args.memories, args.glossary.as_deref())?;
        let plan = super::export_batch::Plan {
            inputs: &args.inputs,
            targets,
            formats,
            mode,
            source_tag,
            settings: super::summarize::settings_with(&config, &args.length, None)?,
            out_dir: &args.out_dir,
            force: args.force,
            lang: args.lang,
            aids,
        };
        return super::export_batch::run(&plan, &config);
    }

    let docs = brief::analyze_all(
        super::read_inputs(&args.inputs, args.input.markup())?,
        &config,
    );
    // One export has one source language: a cluster of documents in several
    // languages would be written with the first one's tag for all of them.
    if source_tag.is_none() {
        let mut langs: Vec<Lang> = docs.iter().map(|d| d.lang()).collect();
        langs.sort_by_key(|l| l.as_str().to_string());
        langs.dedup();
        if langs.len() > 1 {
            let names: Vec<&str> = langs.iter().map(|l| l.as_str()).collect();
            anyhow::bail!(
                "the inputs are in several languages ({}): export each language separately, or give --lang or --source-tag",
                names.join(", ")
            );
        }
    }
    let export = if args.all {
        Export::all_sentences(&docs, source_tag)
    } else {
        let settings = super::summarize::settings_with(&config, &args.length, None)?;
        let summary = brief::summarize(&docs, &settings, None)?;
        Export::from_summary(&docs, &summary, source_tag)
    };

    // A file "translating" the source into its own language is not work for
    // anyone (a Russian article with the default targets fa,ru).
    let (skipped, targets): (Vec<LanguageTag>, Vec<LanguageTag>) = targets
        .into_iter()
        .partition(|t| t.same_language(&export.source_lang));
    for t in &skipped {
        eprintln!(
            "brief: warning: no {t} file: the source is already in {}",
            export.source_lang
        );
    }
    if targets.is_empty() {
        anyhow::bail!(
            "every target language is the source language ({}): nothing to translate",
            export.source_lang
        );
    }
    let aids = TranslationAids::load(&args.memories, args.glossary.as_deref())?;
    // One cluster is one set: a glossary that cannot serve its source is
    // of no use to the run, as in a batch where it serves no set.
    let source = export.source_lang.lang();
    let glossary = aids.glossary(source).map_err(|reason| {
        anyhow::anyhow!(
            "{}: the glossary cannot be used for a {source} source ({reason})",
            aids.glossary_path()
                .map_or_else(Default::default, |p| p.display().to_string())
        )
    })?;
    let aids = aids.for_export(
        &export,
        &targets.iter().collect::<Vec<_>>(),
        glossary.as_ref(),
    );
    if !args.memories.is_empty() {
        let mut stats = brief::tm::MatchStats::default();
        for per_target in &aids {
            stats.add(brief::tm::MatchStats::of(per_target));
        }
        eprintln!("brief: memory matches: {stats} (units × target languages)");
    }
    let mut files = Vec::new();
    for format in &formats {
        for (target, aids) in targets.iter().zip(&aids) {
            let contents = export.render_with(*format, target, mode, aids)?;
            files.push(OutFile {
                path: args.out_dir.join(brief::file_name(*format, target)),
                contents,
            });
        }
    }
    // The truth about the export, for merge: found beside the files it
    // checks, or given with --reference.
    files.push(OutFile {
        path: args.out_dir.join(brief::merge::REFERENCE_FILE_NAME),
        contents: export.render_reference(&targets[0])?,
    });
    std::fs::create_dir_all(&args.out_dir)
        .with_context(|| format!("{}: cannot create the directory", args.out_dir.display()))?;
    outfile::write_all(&files, args.force)?;
    let mut out = output::stdout();
    for f in &files {
        writeln!(out, "{}", brief::escape::escape_path(&f.path))?;
    }
    out.flush()?;
    eprintln!(
        "brief: exported {} segment(s) to {} file(s) and {} (export {})",
        export.units.len(),
        files.len() - 1,
        brief::merge::REFERENCE_FILE_NAME,
        export.id().unwrap_or("-")
    );
    Ok(super::exit::OK)
}

/// A language no glossary column names (ISO 639 `und`, undetermined).
fn undetermined() -> Lang {
    "und".parse().expect("und is a valid language code")
}

/// Whether the header of a CSV/TSV glossary names `lang` after its first
/// column, i.e. as a target language.
fn names_target_column(text: &str, lang: Lang) -> bool {
    let text = text.trim_start_matches('\u{FEFF}');
    if text.trim_start().starts_with('<') {
        return false;
    }
    let Some(header) = text.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let delim = if header.contains('\t') { '\t' } else { ',' };
    header.split(delim).skip(1).any(|h| {
        h.trim()
            .trim_matches('"')
            .trim()
            .eq_ignore_ascii_case(lang.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_columns_are_found_in_csv_and_tsv_headers_only() {
        let csv = "\u{FEFF}source,fa,\"RU\"\nbridge,پل,мост\n";
        assert!(names_target_column(csv, Lang::RU));
        assert!(names_target_column(csv, Lang::FA));
        assert!(!names_target_column(csv, Lang::EN));
        assert!(names_target_column("source\tru\n", Lang::RU));
        // The first column is the source, not a target.
        assert!(!names_target_column("ru,fa\n", Lang::RU));
        assert!(!names_target_column("<martif/>", Lang::RU));
        assert!(!names_target_column("", Lang::RU));
    }
}
