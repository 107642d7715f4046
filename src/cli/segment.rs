//! `brief segment`

use std::io::Write;

use anyhow::Context;
use clap::ValueEnum;
use serde::Serialize;

use brief::{Config, Document, Lang, SegmentedDocument};

use super::{InputKind, batch, inputs_or_stdin, output};

/// Split documents into sentences with byte offsets.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  brief segment seeds/en-putin-assad-aleppo.txt
  brief segment --format json --lang ru seeds/ru-*.txt
  brief segment --input jsonl --format jsonl batch.jsonl > sentences.jsonl")]
pub struct Args {
    #[command(flatten)]
    source: super::InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// What a single line break means (overrides `[segment] line_breaks`).
    #[arg(long, value_enum, value_name = "MODE")]
    line_breaks: Option<brief::segment::LineBreaks>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One sentence per line (inner line breaks shown as spaces); a blank line between documents.
    Text,
    /// A JSON array with one object per document: name, lang, sentences with offsets.
    Json,
    /// One JSON object per line: {"id", "lang", "sentences": [{"text", "start", "end"}]}.
    Jsonl,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct DocOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    lang: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    sentences: Vec<SentenceOut<'a>>,
}

fn doc_out<'a>(doc: &'a Document, seg: &SegmentedDocument, id: Option<&'a str>) -> DocOut<'a> {
    DocOut {
        name: if id.is_some() { None } else { Some(&doc.name) },
        id,
        lang: seg.detection.lang,
        confidence: if id.is_some() {
            None
        } else {
            Some(round3(seg.detection.confidence))
        },
        sentences: seg
            .sentences
            .iter()
            .map(|s| SentenceOut {
                text: s.text(&doc.text),
                start: s.start,
                end: s.end,
            })
            .collect(),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let mut config = args.source.configure(config);
    if let Some(mode) = args.line_breaks {
        config.segment.line_breaks = mode;
    }
    let inputs = inputs_or_stdin(&args.source.inputs);
    let mut out = output::stdout();
    match args.source.input {
        InputKind::Text => {
            let docs = super::read_text_inputs(&args.source.inputs)?;
            let segmented: Vec<SegmentedDocument> = docs
                .iter()
                .map(|d| brief::segment_document(d, &config))
                .collect();
            match args.format {
                Format::Text => {
                    for (i, (doc, seg)) in docs.iter().zip(&segmented).enumerate() {
                        if i > 0 {
                            out.write_all(b"\n")?;
                        }
                        write_text(&mut out, doc, seg)?;
                    }
                }
                Format::Json => {
                    let all: Vec<DocOut> = docs
                        .iter()
                        .zip(&segmented)
                        .map(|(d, s)| doc_out(d, s, None))
                        .collect();
                    serde_json::to_writer_pretty(&mut out, &all)?;
                    out.write_all(b"\n")?;
                }
                Format::Jsonl => {
                    for (doc, seg) in docs.iter().zip(&segmented) {
                        output::json_line(&mut out, &doc_out(doc, seg, Some(&doc.name)))?;
                    }
                }
            }
        }
        InputKind::Jsonl => {
            for path in &inputs {
                let items = brief::input::batch_items(path)?;
                let work = |item: brief::input::BatchItem| -> anyhow::Result<(String, Document, SegmentedDocument)> {
                    let mut docs = item.documents;
                    if docs.len() != 1 {
                        anyhow::bail!(
                            "{}:{}: item {:?}: segment takes \"text\", not \"documents\"",
                            path.display(),
                            item.line,
                            item.id
                        );
                    }
                    let mut doc = Document::new(item.id.clone(), docs.remove(0));
                    doc.lang = args.source.lang.or(item.lang);
                    let seg = brief::segment_document(&doc, &config);
                    Ok((item.id, doc, seg))
                };
                let mut first = true;
                batch::ordered(items, work, |result| {
                    let (id, doc, seg) = result?;
                    match args.format {
                        Format::Text => {
                            if !first {
                                out.write_all(b"\n")?;
                            }
                            write_text(&mut out, &doc, &seg)?;
                        }
                        Format::Json | Format::Jsonl => {
                            output::json_line(&mut out, &doc_out(&doc, &seg, Some(&id)))?;
                        }
                    }
                    first = false;
                    Ok(())
                })
                .with_context(|| format!("reading {}", path.display()))?;
            }
        }
    }
    out.flush()?;
    Ok(super::exit::OK)
}

fn write_text(
    out: &mut impl Write,
    doc: &Document,
    seg: &SegmentedDocument,
) -> std::io::Result<()> {
    for s in &seg.sentences {
        // Raw byte writes: this loop is most of `segment --format text`'s output cost.
        let text = s.text(&doc.text).as_bytes();
        if text.iter().any(|&b| b == b'\n' || b == b'\r') {
            let flat: Vec<u8> = text
                .iter()
                .map(|&b| if b == b'\n' || b == b'\r' { b' ' } else { b })
                .collect();
            out.write_all(&flat)?;
        } else {
            out.write_all(text)?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}
