//! Command-line front end. Each subcommand lives in its own file and only
//! turns arguments into library calls and library results into output.

mod batch;
mod check;
mod detect;
mod eval;
mod export;
mod merge;
mod output;
mod segment;
mod summarize;
#[cfg(feature = "mt")]
mod translate;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use brief::Config;

/// Exit codes, as documented in `--help`, the README and the man page.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// The work was done but problems were found in the user's data (merge).
    pub const DATA_PROBLEMS: u8 = 1;
    /// Usage, configuration, input or output error.
    pub const ERROR: u8 = 2;
}

const AFTER_HELP: &str = "\
Exit codes:
  0  success (a closed output pipe, as in `brief ... | head`, is no error: the exit code
     is what the data gave)
  1  the work was done but problems were found in the data (merge: drift, missing targets;
     check: translation errors)
  2  usage, configuration, input or output error
  129, 130, 143  interrupted by SIGHUP, SIGINT or SIGTERM while writing files: nothing
     of the new set was kept, an earlier set is untouched (a signal during the final
     renames lets them finish, and the message says the new set is complete)

Configuration: --config FILE, else ./brief.toml, else $XDG_CONFIG_HOME/brief/config.toml,
else the built-in defaults (`config/default.toml` in the source tree).";

/// Turn news articles into short briefs and prepare them for translation.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    /// Configuration file (TOML); overrides the lookup of ./brief.toml and the XDG file.
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help_heading = "Global options"
    )]
    config: Option<PathBuf>,

    /// Encoding of text inputs: auto (UTF-8, or UTF-16 with a BOM) or a label such as
    /// windows-1251, latin1, utf-16le.
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        default_value = "auto",
        help_heading = "Global options"
    )]
    encoding: brief::input::Encoding,

    /// Print nothing on stderr but errors (no warnings, no progress bar).
    #[arg(
        short,
        long,
        global = true,
        conflicts_with = "verbose",
        help_heading = "Global options"
    )]
    quiet: bool,

    /// The largest input brief reads, such as 64M or 1G (default 256M, or $BRIEF_MAX_INPUT).
    #[arg(
        long,
        global = true,
        value_name = "SIZE",
        value_parser = brief::input::parse_size,
        help_heading = "Global options"
    )]
    max_input: Option<u64>,

    #[command(flatten)]
    timeouts: UrlTimeouts,

    /// In JSONL batches, report a malformed line, skip it and go on (exit code 1 at the end).
    #[arg(long, global = true, help_heading = "Global options")]
    keep_going: bool,

    /// Print more about what is done (configuration used, languages detected).
    #[arg(short, long, global = true, help_heading = "Global options")]
    verbose: bool,

    #[command(subcommand)]
    command: Command,
}

/// The URL timeouts, each a global option taking seconds.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Global options")]
struct UrlTimeouts {
    /// URL inputs: the longest time for a whole request, redirects included (default 30).
    #[arg(long = "timeout", global = true, value_name = "SECONDS")]
    whole: Option<Seconds>,
    /// URL inputs: the longest wait for a connection (default 10).
    #[arg(long = "connect-timeout", global = true, value_name = "SECONDS")]
    connect: Option<Seconds>,
    /// URL inputs: the longest wait for the server to send anything (default 20).
    #[arg(long = "read-timeout", global = true, value_name = "SECONDS")]
    read: Option<Seconds>,
}

/// A positive number of seconds, such as `30` or `0.5`.
#[derive(Debug, Clone, Copy)]
struct Seconds(std::time::Duration);

impl std::str::FromStr for Seconds {
    type Err = String;

    fn from_str(text: &str) -> Result<Seconds, String> {
        match text.trim().parse::<f64>() {
            Ok(s) if s > 0.0 && s <= 86_400.0 => Ok(Seconds(std::time::Duration::from_secs_f64(s))),
            _ => Err(format!(
                "{text:?} is not a number of seconds between 0 and 86400, such as 30 or 0.5"
            )),
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Detect the language of each document.
    Detect(detect::Args),
    /// Split documents into sentences with byte offsets.
    Segment(segment::Args),
    /// Summarize one article, or a cluster of articles, into a brief.
    Summarize(summarize::Args),
    /// Score the summarizer with ROUGE on a dataset, next to LEAD.
    Eval(eval::Args),
    /// Write the brief as XLIFF 2.0/2.1/1.2, TMX, TSV or JSONL files for translation.
    Export(export::Args),
    /// Merge translated files back into translated briefs, checking for drift.
    Merge(merge::Args),
    /// Check translations against their sources (numbers, spelling, punctuation, glossary...).
    Check(check::Args),
    /// Fill the empty targets of exported files with a machine translation engine.
    #[cfg(feature = "mt")]
    Translate(translate::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Example:\n  brief completions bash > ~/.local/share/bash-completion/completions/brief"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff) on standard output: brief(1), or brief-SUBCOMMAND(1).
    #[command(
        after_help = "Examples:\n  brief man > brief.1 && man ./brief.1\n  brief man segment > brief-segment.1"
    )]
    Man {
        /// The subcommand whose page to print; none prints brief(1).
        subcommand: Option<String>,
    },
}

/// The inputs and how to read them: shared by `detect`, `segment` and `summarize`.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Input files, directories, quoted globs or http(s) URLs; `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Language of every input (ISO 639 code). Precedence: this flag, then a JSONL item's
    /// `lang`, then `[segment] lang` in TOML, then detection.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<brief::Lang>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputKind::Text)]
    pub input: InputKind,
}

impl InputArgs {
    /// Reads the inputs of `--input text` or `--input html`.
    pub fn read_documents(&self) -> anyhow::Result<Vec<brief::Document>> {
        read_inputs(&self.inputs, self.input.markup())
    }

    /// The configuration with `--lang`, if given, as `[segment] lang`.
    pub fn configure(&self, config: &Config) -> Config {
        let mut config = config.clone();
        if self.lang.is_some() {
            config.segment.lang = self.lang;
        }
        config
    }
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum InputKind {
    /// Each INPUT is one document: plain text, or a web page when it ends in
    /// .html/.htm or is plainly an HTML document (its article text is used).
    #[default]
    Text,
    /// Each INPUT is a web page: its title and article paragraphs, without
    /// navigation, scripts, comments and other page furniture.
    Html,
    /// Each line of each INPUT is a JSON object {"id", "text" | "html" | "url" | "documents", "lang"?}.
    Jsonl,
}

impl InputKind {
    /// How text inputs of this kind are read (JSONL items say it per item).
    pub fn markup(self) -> brief::input::Markup {
        match self {
            InputKind::Html => brief::input::Markup::Html,
            InputKind::Text | InputKind::Jsonl => brief::input::Markup::Detect,
        }
    }
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with exit 0, usage errors with exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::ERROR
            } else {
                exit::OK
            });
        }
    };
    // Built here rather than lazily at the first parallel call: rayon panics
    // there when threads cannot start (a tight address-space limit), and
    // the panic hook may then run out of memory itself. Same default size.
    if let Err(e) = rayon::ThreadPoolBuilder::new().build_global() {
        eprintln!("brief: cannot start worker threads: {e}");
        return ExitCode::from(exit::ERROR);
    }
    match run(cli) {
        Ok(code) if code == exit::OK && DATA_PROBLEM.load(std::sync::atomic::Ordering::Relaxed) => {
            ExitCode::from(exit::DATA_PROBLEMS)
        }
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A reader that stops reading (`brief ... | head`) is not an
            // error, and does not change what the data said.
            if output::is_broken_pipe(&err) {
                return ExitCode::from(
                    if DATA_PROBLEM.load(std::sync::atomic::Ordering::Relaxed) {
                        exit::DATA_PROBLEMS
                    } else {
                        exit::OK
                    },
                );
            }
            eprintln!("brief: {}", format_error(&err));
            ExitCode::from(exit::ERROR)
        }
    }
}

fn format_error(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let s = cause.to_string();
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
    }
    // Messages carry file names and quoted input: nothing from a file may
    // reach the terminal raw. Escaping is idempotent on escaped text (it
    // leaves backslashes alone), so parts escaped already stay as they are.
    brief::escape::escape(&parts.join(": ")).into_owned()
}

/// Options that apply to every subcommand.
#[derive(Debug, Clone, Copy, Default)]
pub struct Globals {
    /// Only errors on stderr.
    pub quiet: bool,
    /// More detail on stderr.
    pub verbose: bool,
    /// Skip malformed JSONL lines instead of stopping.
    pub keep_going: bool,
}

static DATA_PROBLEM: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records that problems were found in the user's data; the run then ends
/// with exit code 1 even though the work was done.
pub fn note_data_problem() {
    DATA_PROBLEM.store(true, std::sync::atomic::Ordering::Relaxed);
}

static GLOBALS: std::sync::OnceLock<Globals> = std::sync::OnceLock::new();

/// The global options of this run.
pub fn globals() -> Globals {
    GLOBALS.get().copied().unwrap_or_default()
}

/// Prints a warning on stderr unless `--quiet`.
pub fn warn(message: impl std::fmt::Display) {
    if !globals().quiet {
        eprintln!("brief: warning: {message}");
    }
}

/// How many of a file's reader warnings are shown; the rest are counted.
const WARNINGS_SHOWN_PER_FILE: usize = 10;

/// Prints what the readers noticed in translated files (`--quiet` keeps it
/// back): the first warnings of each file, then a count, so a file with a
/// warning on every unit (a lenient language tag per TMX unit) does not
/// flood the terminal.
pub fn warn_about(translated: &brief::job::TranslatedFiles) {
    let mut shown: std::collections::BTreeMap<&std::path::Path, usize> = Default::default();
    for (path, w) in &translated.warnings {
        let n = shown.entry(path.as_path()).or_default();
        *n += 1;
        if *n <= WARNINGS_SHOWN_PER_FILE {
            warn(format_args!(
                "{}: {}",
                brief::escape::escape_path(path),
                brief::escape::escape(w)
            ));
        }
    }
    for (path, n) in shown {
        if n > WARNINGS_SHOWN_PER_FILE {
            warn(format_args!(
                "{}: {} more warning(s) not shown",
                brief::escape::escape_path(path),
                n - WARNINGS_SHOWN_PER_FILE
            ));
        }
    }
}

/// `-v`: each document's language and how it was decided (as `--help`
/// says), once the documents are analyzed.
pub fn report_languages(docs: &[brief::AnalyzedDocument]) {
    if !globals().verbose {
        return;
    }
    for d in docs {
        eprintln!(
            "brief: {}: {} ({}, confidence {:.3})",
            brief::escape::escape(&d.document.name),
            d.lang(),
            detect::method_name(&d.detection),
            d.detection.confidence
        );
    }
}

/// Expands and reads text inputs (files, directories, globs, `-`) with the
/// global `--encoding`. Web pages become their article text: with
/// `Markup::Detect` the ones named `.html`/`.htm` or plainly HTML, with
/// `Markup::Html` every input.
pub fn read_inputs(
    inputs: &[PathBuf],
    markup: brief::input::Markup,
) -> anyhow::Result<Vec<brief::Document>> {
    let paths = brief::input::expand_inputs_reporting(&inputs_or_stdin(inputs), &mut |m| warn(m))?;
    let settings = brief::input::InputSettings {
        markup,
        ..input_settings().clone()
    };
    let docs = brief::input::read_documents_with(&paths, &settings)?;
    if globals().verbose {
        eprintln!("brief: read {} document(s)", docs.len());
    }
    for doc in &docs {
        if doc.text.trim().is_empty() {
            warn(format_args!(
                "{}: empty input, nothing to do",
                brief::escape::escape(&doc.name)
            ));
        }
    }
    Ok(docs)
}

static INPUT_SETTINGS: std::sync::OnceLock<brief::input::InputSettings> =
    std::sync::OnceLock::new();

/// How inputs are read in this run: `--max-input` (else `$BRIEF_MAX_INPUT`),
/// `--encoding`, the URL timeouts, and the proxy variables. The library
/// reads no environment variable; this is where the binary does.
pub fn input_settings() -> &'static brief::input::InputSettings {
    INPUT_SETTINGS.get_or_init(brief::input::InputSettings::default)
}

fn resolve_input_settings(cli: &Cli) -> anyhow::Result<brief::input::InputSettings> {
    let env = |name: &str| std::env::var(name).ok();
    let max_bytes = brief::input::InputSettings::max_bytes_from(
        cli.max_input,
        env(brief::input::MAX_INPUT_ENV).as_deref(),
    )?;
    let defaults = brief::input::url::FetchSettings::default();
    let fetch = brief::input::url::FetchSettings {
        timeout: cli.timeouts.whole.map_or(defaults.timeout, |s| s.0),
        connect_timeout: cli
            .timeouts
            .connect
            .map_or(defaults.connect_timeout, |s| s.0),
        read_timeout: cli.timeouts.read.map_or(defaults.read_timeout, |s| s.0),
        proxy: brief::input::url::ProxySettings::from_vars(env),
        ..defaults
    };
    Ok(brief::input::InputSettings {
        max_bytes,
        encoding: cli.encoding,
        fetch,
        ..brief::input::InputSettings::default()
    })
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    let _ = GLOBALS.set(Globals {
        quiet: cli.quiet,
        verbose: cli.verbose,
        keep_going: cli.keep_going,
    });
    match cli.command {
        Command::Completions { shell } => {
            let mut out = output::stdout();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "brief",
                &mut out,
            );
            std::io::Write::flush(&mut out)?;
            return Ok(exit::OK);
        }
        Command::Man { subcommand } => {
            let mut out = output::stdout();
            let top = <Cli as clap::CommandFactory>::command();
            let page = match subcommand {
                None => top,
                Some(name) => {
                    let Some(sub) = top.find_subcommand(&name).cloned() else {
                        anyhow::bail!("no subcommand {name:?}; see brief --help");
                    };
                    sub.name(format!("brief-{name}"))
                }
            };
            clap_mangen::Man::new(page).render(&mut out)?;
            std::io::Write::flush(&mut out)?;
            return Ok(exit::OK);
        }
        _ => {}
    }
    let _ = INPUT_SETTINGS.set(resolve_input_settings(&cli)?);
    let search = Config::search_path(config_home().as_deref());
    let (config, source) = Config::load_with(cli.config.as_deref(), &search)
        .map(|(mut config, source)| {
            config.segment.ablate = ablated_rules();
            (config, source)
        })
        .context("configuration")?;
    if cli.verbose {
        eprintln!("brief: configuration: {source}");
    }
    let reads_memory = match &cli.command {
        Command::Export(args) => args.reads_memory(),
        Command::Merge(args) => args.reads_memory(),
        #[cfg(feature = "mt")]
        Command::Translate(args) => args.reads_memory(),
        _ => false,
    };
    if reads_memory {
        crate::use_memory_lean_allocation();
    }
    match cli.command {
        Command::Completions { .. } | Command::Man { .. } => Ok(exit::OK),
        Command::Detect(args) => detect::run(args, &config),
        Command::Segment(args) => segment::run(args, &config),
        Command::Summarize(args) => summarize::run(args, &config),
        Command::Eval(args) => eval::run(args, &config),
        Command::Export(args) => export::run(args, &config),
        Command::Merge(args) => merge::run(args, &config),
        Command::Check(args) => check::run(args, &config),
        #[cfg(feature = "mt")]
        Command::Translate(args) => translate::run(args, &config),
    }
}

/// The user's configuration directory: `$XDG_CONFIG_HOME` when set and not
/// empty, else `$HOME/.config`.
fn config_home() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
}

/// The segmentation rules switched off for an ablation run: the hidden
/// `BRIEF_SEGMENT_ABLATE` variable (rule names, comma-separated) that
/// `scripts/seg_ablation.py` sets; none in an ordinary run.
fn ablated_rules() -> brief::AblatedRules {
    std::env::var("BRIEF_SEGMENT_ABLATE")
        .map(|names| brief::AblatedRules::parse(&names))
        .unwrap_or_default()
}

/// The inputs to read: `-` (standard input) when none are given.
pub fn inputs_or_stdin(inputs: &[PathBuf]) -> Vec<PathBuf> {
    if inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        inputs.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
