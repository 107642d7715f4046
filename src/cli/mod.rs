//! Command-line front end. Each subcommand lives in its own file and only
//! turns arguments into library calls and library results into output.

mod batch;
mod detect;
mod output;
mod segment;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use brief::Config;

/// Exit codes, as documented in `--help`, the README and the man page.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// Usage, configuration, input or output error.
    pub const ERROR: u8 = 2;
}

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  the work was done but problems were found in the data (merge: drift, missing targets)
  2  usage, configuration, input or output error

Configuration: --config FILE, else ./brief.toml, else $XDG_CONFIG_HOME/brief/config.toml,
else the built-in defaults (`config/default.toml` in the source tree).";

/// Turn news articles into short briefs and prepare them for translation.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    /// Configuration file (TOML); overrides the lookup of ./brief.toml and the XDG file.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Detect the language of each document.
    Detect(detect::Args),
    /// Split documents into sentences with byte offsets.
    Segment(segment::Args),
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum InputKind {
    /// Each INPUT is one plain-text document.
    #[default]
    Text,
    /// Each line of each INPUT is a JSON object {"id", "text" | "documents", "lang"?}.
    Jsonl,
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
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if output::is_broken_pipe(&err) {
                return ExitCode::from(exit::OK);
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
    parts.join(": ")
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    let (config, _source) = Config::load(cli.config.as_deref()).context("configuration")?;
    match cli.command {
        Command::Detect(args) => detect::run(args, &config),
        Command::Segment(args) => segment::run(args, &config),
    }
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
