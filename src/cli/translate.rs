//! `brief translate`

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};

use brief::Config;
use brief::mt::{ApiKey, Engine, TranslateJob, Translator};
use brief::outfile;
use brief::tm::Memory;

use super::output;

/// Fill the empty targets of files `brief export` wrote with a machine translation engine.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Each FILE is read as `brief merge` reads it; the sources of its empty targets
(no target, a blank one, a copy of the source) go to the engine, identical
sources once; translators' targets are kept; with --tm, exact memory matches
fill their units first and are not sent. URLs, e-mail addresses and handles
go to the engine as placeholders (LibreTranslate format=html, DeepL
tag_handling=xml) and are put back; a translation that lost one is an error
naming the unit (exit 2, nothing written). The filled file is written to
DIR under the same name, its machine targets marked as such (XLIFF 1.2:
state=\"needs-review-translation\" state-qualifier=\"leveraged-mt\" and an
alt-trans from brief-mt:ENGINE; XLIFF 2: state=\"initial\" subState=\"brief:mt-ENGINE\";
TSV/JSONL: origin mt:ENGINE). If the engine fails for any file, nothing is written
(exit 2). Machine targets are checked with `brief check`'s rules; findings
are printed and give exit code 1.

The API key comes only from the environment: $DEEPL_AUTH_KEY,
$LIBRETRANSLATE_API_KEY, or the variable [mt] key_env names.

Examples:
  brief translate --engine libretranslate --url http://127.0.0.1:5000 --out-dir mt out/brief.fa.xliff20.xlf
  DEEPL_AUTH_KEY=... brief translate --engine deepl --out-dir mt out/brief.ru.tsv")]
pub struct Args {
    /// Files written by `brief export` (any format).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// The engine; default: [mt] engine.
    #[arg(long, value_parser = parse_engine)]
    engine: Option<Engine>,
    /// The engine's base URL; default: [mt] url (DeepL: its host for the key).
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Directory to write the filled files to (created if missing).
    #[arg(long, value_name = "DIR")]
    out_dir: PathBuf,
    /// Replace existing files in DIR.
    #[arg(long)]
    force: bool,
    /// Translation memory (TMX; repeatable, first wins): units with an exact
    /// match get its translation, as `brief export --tm` gives them, and are
    /// not sent to the engine.
    #[arg(long = "tm", value_name = "MEM.tmx")]
    memories: Vec<PathBuf>,
    /// Glossary (CSV/TSV with a `source,fa,ru,...` header, or TBX): machine
    /// targets are checked for its terms, as `brief check --glossary` does.
    #[arg(long, value_name = "FILE")]
    glossary: Option<PathBuf>,
}

impl Args {
    /// Whether the command reads a translation memory (the binary then
    /// chooses a leaner allocation policy, `main.rs`).
    pub(super) fn reads_memory(&self) -> bool {
        !self.memories.is_empty()
    }
}

pub fn parse_engine(s: &str) -> Result<Engine, String> {
    s.parse().map_err(|e: brief::mt::MtError| e.to_string())
}

/// The key from the environment; never printed.
fn api_key(engine: Engine, config: &Config) -> anyhow::Result<Option<ApiKey>> {
    let name = config
        .mt
        .key_env
        .clone()
        .unwrap_or_else(|| engine.key_variable().to_string());
    match std::env::var(&name) {
        Ok(v) if v.is_empty() => Ok(None),
        Ok(v) => Ok(Some(ApiKey::new(v).with_context(|| format!("${name}"))?)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => bail!("${name}: not valid UTF-8"),
    }
}

/// The translator for `engine` (else `[mt] engine`) at `url`, with the
/// key from the environment; a warning if the key would travel in clear.
pub fn translator(
    engine: Option<Engine>,
    url: Option<&str>,
    config: &Config,
) -> anyhow::Result<Translator> {
    let Some(engine) = engine.or(config.mt.engine) else {
        bail!("no engine: give --engine libretranslate|deepl or set [mt] engine");
    };
    let key = api_key(engine, config)?;
    let translator = Translator::new(engine, url, key, &config.mt)?;
    if translator.sends_key_in_clear() {
        super::warn(format_args!(
            "{engine}: the API key goes unencrypted to {} (http://, not a loopback address)",
            brief::escape::escape(translator.url())
        ));
    }
    Ok(translator)
}

/// Findings on machine targets, one line each on `out`:
/// `FILE<TAB>ID<TAB>CHECK<TAB>SEVERITY<TAB>MESSAGE`.
pub fn print_findings(
    out: &mut impl Write,
    findings: &[(PathBuf, brief::mt::MachineFinding)],
) -> std::io::Result<()> {
    for (path, f) in findings {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            brief::escape::escape_path(path),
            brief::escape::escape(&f.id),
            f.finding.check.name(),
            f.finding.severity.name(),
            brief::escape::escape(&f.finding.message)
        )?;
    }
    Ok(())
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let translator = translator(args.engine, args.url.as_deref(), config)?;
    let engine = translator.engine();
    let memories = read_memories(&args.memories)?;
    let glossary = match &args.glossary {
        Some(path) => Some(brief::job::TranslationAids::load_limited(
            &[],
            Some(path),
            super::input_settings().max_bytes,
        )?),
        None => None,
    };
    let outcome = TranslateJob {
        files: &args.files,
        out_dir: &args.out_dir,
        translator: &translator,
        memories: &memories,
        check: &config.check,
        glossary: glossary.as_ref(),
    }
    .run()?;
    std::fs::create_dir_all(&args.out_dir).with_context(|| {
        format!(
            "{}: cannot create the directory",
            brief::escape::escape_path(&args.out_dir)
        )
    })?;
    outfile::write_all(&outcome.files, args.force)?;
    let mut out = output::stdout();
    for f in &outcome.files {
        writeln!(out, "{}", brief::escape::escape_path(&f.path))?;
    }
    // Printed once the files are written: they name the outputs.
    print_findings(&mut out, &outcome.findings)?;
    out.flush()?;
    if !super::globals().quiet {
        eprintln!(
            "brief: {engine} translated {} segment(s) ({} distinct) in {} request(s) into {} file(s)",
            outcome.machine,
            outcome.unique,
            translator.requests(),
            outcome.files.len()
        );
        if !args.memories.is_empty() {
            eprintln!(
                "brief: {} segment(s) from translation memory exact matches (not sent)",
                outcome.from_memory
            );
        }
    }
    if !outcome.findings.is_empty() {
        super::note_data_problem();
        return Ok(super::exit::DATA_PROBLEMS);
    }
    Ok(super::exit::OK)
}

/// The memories for lookups; one not there yet is noted and skipped (as
/// `brief export` does).
fn read_memories(paths: &[PathBuf]) -> anyhow::Result<Vec<Memory>> {
    let mut memories = Vec::new();
    for path in paths {
        if !path.exists() && path.symlink_metadata().is_err() {
            eprintln!(
                "brief: note: {}: no translation memory there yet; translating without it",
                brief::escape::escape_path(path)
            );
            continue;
        }
        memories.push(Memory::read_file_for_lookups(path)?);
    }
    Ok(memories)
}
