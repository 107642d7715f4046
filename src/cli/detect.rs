//! `brief detect`

use std::io::Write;

use clap::ValueEnum;
use serde::Serialize;

use brief::Config;
use brief::{Detection, Method, detect};

use super::{InputKind, batch, inputs_or_stdin, output};

/// Detect the language of each document.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  brief detect seeds/*.txt
  echo 'Привет, мир' | brief detect
  brief detect --input jsonl --format jsonl batch.jsonl")]
pub struct Args {
    #[command(flatten)]
    source: super::InputArgs,
    /// Output format. METHOD is how the language was decided: `override` (given), `function-words`
    /// (plainly English), `detector` (whatlang), `evidence` (letters and words of another language
    /// of the script, as `brief check` reads them), `script` (the script's main language) or
    /// `fallback` (no letters).
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
    let user = args.source.lang.or(config.segment.lang);
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
    for path in inputs_or_stdin(&args.source.inputs) {
        match args.source.input {
            InputKind::Text | InputKind::Html => {
                let markup = match args.source.input {
                    InputKind::Html => brief::input::Markup::Html,
                    _ => brief::input::Markup::Detect,
                };
                for doc in super::read_inputs(std::slice::from_ref(&path), markup)? {
                    emit(&mut out, &doc.name, detect(&doc.text, user))?;
                }
            }
            InputKind::Jsonl => {
                let items = brief::input::batch_items_with(&path, super::input_settings())?;
                batch::ordered(
                    items,
                    |item| {
                        let joined = item.documents.join("\n\n");
                        (
                            item.id,
                            detect(&joined, args.source.lang.or(item.lang).or(user)),
                        )
                    },
                    |(id, d)| emit(&mut out, &id, d),
                )?;
            }
        }
    }
    out.flush()?;
    Ok(super::exit::OK)
}

pub(super) fn method_name(d: &Detection) -> &'static str {
    match d.method {
        Method::Override => "override",
        Method::Detector => "detector",
        Method::Script => "script",
        Method::Fallback => "fallback",
        Method::FunctionWords => "function-words",
        Method::Evidence => "evidence",
    }
}
