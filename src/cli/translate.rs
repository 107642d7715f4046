//! `brief translate`

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};

use brief::Config;
use brief::mt::{ApiKey, Engine, Translator, fill_file};
use brief::outfile::{self, OutFile};

use super::output;

/// Fill the empty targets of files `brief export` wrote with a machine translation engine.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Each FILE is read as `brief merge` reads it; the sources of its empty targets
(no target, a blank one, a copy of the source) go to the engine, identical
sources once; translators' targets are kept. The filled file is written to
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
}

fn parse_engine(s: &str) -> Result<Engine, String> {
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

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let Some(engine) = args.engine.or(config.mt.engine) else {
        bail!("no engine: give --engine libretranslate|deepl or set [mt] engine");
    };
    let key = api_key(engine, config)?;
    let translator = Translator::new(engine, args.url.as_deref(), key, &config.mt)?;
    if translator.sends_key_in_clear() {
        super::warn(format_args!(
            "{engine}: the API key goes unencrypted to {} (http://, not a loopback address)",
            brief::escape::escape(translator.url())
        ));
    }
    let mut files = Vec::new();
    // Printed once the files are written: they name the outputs.
    let mut findings = Vec::new();
    let (mut machine, mut unique) = (0, 0);
    for path in &args.files {
        let name = path
            .file_name()
            .with_context(|| format!("{}: not a file name", brief::escape::escape_path(path)))?;
        let out_path = args.out_dir.join(name);
        if same_file(path, &out_path) {
            bail!(
                "{}: the output would replace the input; choose another --out-dir",
                brief::escape::escape_path(path)
            );
        }
        let read = brief::merge::read_file(path)?;
        let [unit_file] = read.as_slice() else {
            bail!(
                "{}: {} target languages in one file; translate handles files with one (as `brief export` writes them)",
                brief::escape::escape_path(path),
                read.len()
            );
        };
        let filled = fill_file(unit_file, &translator, &config.check)
            .with_context(|| brief::escape::escape_path(path))?;
        for f in &filled.findings {
            findings.push(format!(
                "{}\t{}\t{}\t{}\t{}",
                brief::escape::escape_path(&out_path),
                brief::escape::escape(&f.id),
                f.finding.check.name(),
                f.finding.severity.name(),
                brief::escape::escape(&f.finding.message)
            ));
        }
        machine += filled.machine;
        unique += filled.unique;
        files.push(OutFile {
            path: out_path,
            contents: filled.contents,
        });
    }
    std::fs::create_dir_all(&args.out_dir).with_context(|| {
        format!(
            "{}: cannot create the directory",
            brief::escape::escape_path(&args.out_dir)
        )
    })?;
    outfile::write_all(&files, args.force)?;
    let mut out = output::stdout();
    for f in &files {
        writeln!(out, "{}", brief::escape::escape_path(&f.path))?;
    }
    for line in &findings {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    if !super::globals().quiet {
        eprintln!(
            "brief: {engine} translated {machine} segment(s) ({unique} distinct) in {} request(s) into {} file(s)",
            translator.requests(),
            files.len()
        );
    }
    if !findings.is_empty() {
        super::note_data_problem();
        return Ok(super::exit::DATA_PROBLEMS);
    }
    Ok(super::exit::OK)
}

/// Whether two paths name the same file (the output does not exist yet:
/// then they are different).
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
