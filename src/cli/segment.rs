//! `brief segment`

use std::io::Write;

use clap::ValueEnum;
use serde::Serialize;

use brief::{AnalyzedDocument, Config, Document, Lang};

use super::{InputKind, batch, output};

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
    line_breaks: Option<LineBreaksArg>,
}

/// `--line-breaks`: the library's [`brief::LineBreaks`] as a flag value (the
/// library does not depend on clap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LineBreaksArg {
    /// A line break ends a sentence, unless the paragraph looks hard-wrapped
    /// (a line starts in lowercase, or the lines are of a similar width and
    /// do not all end in a full stop); then it is a space.
    Auto,
    /// Every line break ends a sentence (headlines, lists, chat lines).
    Sentence,
    /// A line break is a space; only punctuation and blank lines end sentences.
    Space,
}

impl From<LineBreaksArg> for brief::LineBreaks {
    fn from(arg: LineBreaksArg) -> brief::LineBreaks {
        match arg {
            LineBreaksArg::Auto => brief::LineBreaks::Auto,
            LineBreaksArg::Sentence => brief::LineBreaks::Sentence,
            LineBreaksArg::Space => brief::LineBreaks::Space,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One sentence per line (inner line breaks shown as spaces, control characters as escapes
    /// such as \x1b); a blank line between documents.
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

fn doc_out<'a>(seg: &'a AnalyzedDocument, id: Option<&'a str>) -> DocOut<'a> {
    let doc = &seg.document;
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
        config.segment.line_breaks = mode.into();
    }
    let mut out = output::stdout();
    match args.source.input {
        InputKind::Text | InputKind::Html => {
            let docs: Vec<AnalyzedDocument> = args
                .source
                .read_documents()?
                .into_iter()
                .map(|d| brief::analyze(d, &config))
                .collect();
            match args.format {
                Format::Text => {
                    for (i, doc) in docs.iter().enumerate() {
                        if i > 0 {
                            out.write_all(b"\n")?;
                        }
                        write_text(&mut out, doc)?;
                    }
                }
                Format::Json => {
                    let all: Vec<DocOut> = docs.iter().map(|d| doc_out(d, None)).collect();
                    serde_json::to_writer_pretty(&mut out, &all)?;
                    out.write_all(b"\n")?;
                }
                Format::Jsonl => {
                    for doc in &docs {
                        output::json_line(&mut out, &doc_out(doc, Some(&doc.document.name)))?;
                    }
                }
            }
        }
        InputKind::Jsonl => {
            let work =
                |item: brief::input::BatchItem| -> anyhow::Result<(String, AnalyzedDocument)> {
                    let mut docs = item.documents;
                    if docs.len() != 1 {
                        return Err(brief::Error::Jsonl {
                            path: item.path.clone(),
                            line: item.line,
                            message: format!(
                                "item {:?}: segment takes \"text\", not \"documents\"",
                                item.id
                            ),
                        }
                        .into());
                    }
                    let mut doc = Document::new(item.id.clone(), docs.remove(0));
                    doc.lang = args.source.lang.or(item.lang);
                    Ok((item.id, brief::analyze(doc, &config)))
                };
            batch::each_item(&args.source.inputs, work, |(id, doc), first| {
                match args.format {
                    Format::Text => {
                        if !first {
                            out.write_all(b"\n")?;
                        }
                        write_text(&mut out, &doc)?;
                    }
                    Format::Json | Format::Jsonl => {
                        output::json_line(&mut out, &doc_out(&doc, Some(&id)))?;
                    }
                }
                Ok(())
            })?;
        }
    }
    out.flush()?;
    Ok(super::exit::OK)
}

fn write_text(out: &mut impl Write, doc: &AnalyzedDocument) -> std::io::Result<()> {
    for s in &doc.sentences {
        // Raw byte writes: this loop is most of `segment --format text`'s
        // output cost. A sentence on one line, safe for a terminal (line
        // breaks become spaces, control characters escapes).
        out.write_all(brief::escape::plain_line(s.text(&doc.document.text)).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
