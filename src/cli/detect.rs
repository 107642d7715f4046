//! `brief detect`

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use serde::Serialize;

use brief::detect::{Detection, detect};
use brief::{Config, Lang};

use super::{InputKind, batch, inputs_or_stdin, output};

/// Detect the language of each document.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  brief detect seeds/*.txt
  echo 'Привет, мир' | brief detect
  brief detect --input jsonl --format jsonl batch.jsonl")]
pub struct Args {
    /// Input files; `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Language to report for every input (an override, as for the other commands).
    #[arg(long, value_name = "CODE")]
    lang: Option<Lang>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputKind::Text)]
    input: InputKind,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// `NAME<TAB>LANG<TAB>CONFIDENCE<TAB>METHOD`, one line per document.
    Text,
    /// One JSON object per line: {"id", "lang", "confidence", "script", "method"}.
    Jsonl,
}

#[derive(Serialize)]
struct Out<'a> {
    id: &'a str,
    #[serde(flatten)]
    detection: Detection,
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let user = args.lang.or(config.segment.lang);
    let mut out = output::stdout();
    let emit = |out: &mut dyn Write, name: &str, d: Detection| -> anyhow::Result<()> {
        match args.format {
            Format::Text => writeln!(
                out,
                "{name}\t{}\t{:.3}\t{}",
                d.lang,
                d.confidence,
                method_name(&d)
            )?,
            Format::Jsonl => {
                let mut line = serde_json::to_vec(&Out {
                    id: name,
                    detection: d,
                })?;
                line.push(b'\n');
                out.write_all(&line)?;
            }
        }
        Ok(())
    };
    for path in inputs_or_stdin(&args.inputs) {
        match args.input {
            InputKind::Text => {
                for doc in super::read_text_inputs(std::slice::from_ref(&path))? {
                    emit(&mut out, &doc.name, detect(&doc.text, user))?;
                }
            }
            InputKind::Jsonl => {
                let items = brief::input::batch_items(&path)?;
                batch::ordered(
                    items,
                    |item| {
                        let joined = item.documents.join("\n\n");
                        (item.id, detect(&joined, user.or(item.lang)))
                    },
                    |(id, d)| emit(&mut out, &id, d),
                )?;
            }
        }
    }
    out.flush()?;
    Ok(super::exit::OK)
}

fn method_name(d: &Detection) -> &'static str {
    match d.method {
        brief::detect::Method::Override => "override",
        brief::detect::Method::Detector => "detector",
        brief::detect::Method::Script => "script",
        brief::detect::Method::Fallback => "fallback",
    }
}
