//! How merged translations are rendered: plain text, JSON, Markdown, or
//! one JSON line per batch item.
//!
//! Targets are the translator's (or an MT engine's) text, not ours: in text
//! and Markdown they are rendered as text only. A line break inside a
//! target becomes a space (no target can start a `== ru ==` or `## ru`
//! section of its own), control characters and bidi overrides are escaped
//! as for a terminal (bidi embeddings and isolates only when they do not
//! pair up inside the target), and Markdown's own syntax and HTML are
//! escaped, so a target cannot become a link, an image or a heading.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::merge::{MergeResult, Problem, REFERENCE_FILE_NAME, TranslatedSentence, Translation};

use super::conflicts::MemoryConflict;
use super::item::ItemId;

/// The output formats of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MergeFormat {
    /// The translated brief; with several languages, each after a `== <lang> ==` line.
    Text,
    /// One JSON object: `{"translations": [...], "problems": [...]}`.
    Json,
    /// A `## <lang>` heading per language, one paragraph per source paragraph.
    Markdown,
    /// One JSON object per batch item and language, in batch order.
    Jsonl,
}

impl MergeFormat {
    /// The extension of a file in this format.
    pub fn extension(self) -> &'static str {
        match self {
            MergeFormat::Text => "txt",
            MergeFormat::Json => "json",
            MergeFormat::Markdown => "md",
            MergeFormat::Jsonl => "jsonl",
        }
    }
}

#[derive(Serialize)]
struct TranslationOut<'a> {
    lang: &'a str,
    source_lang: &'a str,
    segment_count: usize,
    sentences: &'a [TranslatedSentence],
    text: String,
}

#[derive(Serialize)]
struct MergeOut<'a> {
    translations: Vec<TranslationOut<'a>>,
    problems: &'a [Problem],
    /// The memory update's conflicts (only when a memory was updated).
    #[serde(skip_serializing_if = "Option::is_none")]
    memory_conflicts: Option<Vec<&'a MemoryConflict>>,
}

fn translation_out(t: &Translation) -> TranslationOut<'_> {
    TranslationOut {
        lang: &t.lang,
        source_lang: &t.source_lang,
        segment_count: t.segment_count,
        sentences: &t.sentences,
        text: t.text(),
    }
}

fn io(e: std::io::Error) -> Error {
    Error::io("<output>", e)
}

fn json(e: serde_json::Error) -> Error {
    io(std::io::Error::from(e))
}

/// `result` (or only its translation `only`) in `format`.
pub fn render(
    result: &MergeResult,
    only: Option<&Translation>,
    format: MergeFormat,
) -> Result<Vec<u8>> {
    render_with(result, only, format, None)
}

/// [`render`] with the conflicts of the memory update made with the merge
/// (`Some` when a memory was updated): the JSON output lists them under
/// `memory_conflicts` (only those of `only`'s language when rendering one
/// translation); the other formats have no place for them.
pub(super) fn render_with(
    result: &MergeResult,
    only: Option<&Translation>,
    format: MergeFormat,
    conflicts: Option<&[MemoryConflict]>,
) -> Result<Vec<u8>> {
    let translations: Vec<&Translation> = match only {
        Some(t) => vec![t],
        None => result.translations.iter().collect(),
    };
    let mut out = Vec::new();
    match format {
        MergeFormat::Json => {
            let value = MergeOut {
                translations: translations.iter().map(|t| translation_out(t)).collect(),
                problems: &result.problems,
                memory_conflicts: conflicts.map(|all| {
                    all.iter()
                        .filter(|c| only.is_none_or(|t| t.lang == c.lang))
                        .collect()
                }),
            };
            serde_json::to_writer_pretty(&mut out, &value).map_err(json)?;
            out.push(b'\n');
        }
        MergeFormat::Text => {
            let several = translations.len() > 1;
            for (i, t) in translations.iter().enumerate() {
                if i > 0 {
                    out.push(b'\n');
                }
                if several {
                    writeln!(out, "== {} ==", crate::escape::escape(&t.lang)).map_err(io)?;
                }
                writeln!(out, "{}", joined(t, plain)).map_err(io)?;
            }
        }
        MergeFormat::Jsonl => write_items(&mut out, &translations)?,
        MergeFormat::Markdown => {
            for (i, t) in translations.iter().enumerate() {
                if i > 0 {
                    out.push(b'\n');
                }
                writeln!(out, "## {}\n", markdown(&t.lang, true)).map_err(io)?;
                writeln!(out, "{}", joined(t, markdown)).map_err(io)?;
            }
        }
    }
    Ok(out)
}

/// The brief's text as [`Translation::text`] joins it (sentences by a
/// space, paragraphs by a blank line), each target rendered by `render`
/// (with whether it starts its paragraph).
fn joined(t: &Translation, render: fn(&str, bool) -> String) -> String {
    t.paragraphs()
        .iter()
        .map(|p| {
            p.iter()
                .enumerate()
                .map(|(i, s)| render(s.target.trim(), i == 0))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A target as plain text: [`crate::escape::plain_line`], the one rule for
/// text shown on a terminal.
fn plain(target: &str, _starts_paragraph: bool) -> String {
    crate::escape::plain_line(target).into_owned()
}

/// A target as Markdown text: [`plain`], then every character Markdown or
/// HTML would read as syntax escaped; at the start of a paragraph also the
/// ones that open a list, a quote or a heading there.
fn markdown(target: &str, starts_paragraph: bool) -> String {
    let text = plain(target, starts_paragraph);
    let mut out = String::with_capacity(text.len() + 8);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if starts_paragraph && i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if starts_paragraph && digits > 0 && i == digits => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
struct ItemOut<'a> {
    id: &'a str,
    lang: &'a str,
    source_lang: &'a str,
    text: String,
    sentences: &'a [TranslatedSentence],
}

/// One line per item and language: items in the order of their first unit
/// (the batch order of the export), languages as merged. A document name
/// that is no [`ItemId`] is its own item (a one-cluster export).
fn write_items(out: &mut Vec<u8>, translations: &[&Translation]) -> Result<()> {
    let mut order: Vec<String> = Vec::new();
    let mut per_lang: Vec<HashMap<String, Translation>> = Vec::new();
    for t in translations {
        let mut items: HashMap<String, Translation> = HashMap::new();
        for s in &t.sentences {
            let Some(document) = s.document.as_deref() else {
                return Err(Error::Usage {
                    message: format!(
                        "unit {} [{}] names no document, so its batch item is unknown \
                         (give --reference with the export's {REFERENCE_FILE_NAME})",
                        s.id, t.lang
                    ),
                });
            };
            let id = ItemId::parse(document).map_or_else(|| document.to_string(), |i| i.item);
            let item = items.entry(id.clone()).or_insert_with(|| {
                order.push(id);
                Translation {
                    lang: t.lang.clone(),
                    source_lang: t.source_lang.clone(),
                    segment_count: t.segment_count,
                    sentences: Vec::new(),
                }
            });
            item.sentences.push(s.clone());
        }
        per_lang.push(items);
    }
    let mut listed = HashSet::new();
    for id in &order {
        if !listed.insert(id) {
            continue;
        }
        for items in &per_lang {
            if let Some(t) = items.get(id) {
                let line = ItemOut {
                    id,
                    lang: &t.lang,
                    source_lang: &t.source_lang,
                    text: t.text(),
                    sentences: &t.sentences,
                };
                serde_json::to_writer(&mut *out, &line).map_err(json)?;
                out.push(b'\n');
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::escape::bidi_paired;
    use proptest::prelude::*;

    fn translation(targets: &[&str]) -> Translation {
        Translation {
            lang: "ru".into(),
            source_lang: "en".into(),
            segment_count: targets.len(),
            sentences: targets
                .iter()
                .enumerate()
                .map(|(i, t)| TranslatedSentence {
                    id: format!("s{}", i + 1),
                    source: "x".into(),
                    target: t.to_string(),
                    document: None,
                    document_index: Some(0),
                    paragraph: Some(0),
                })
                .collect(),
        }
    }

    #[test]
    fn markdown_targets_cannot_become_markup() {
        let t = translation(&[
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "a\n\n## ru\n\nforged",
        ]);
        let md = joined(&t, markdown);
        assert_eq!(
            md,
            "&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1)) a  \\#\\# ru  forged"
        );
        assert_eq!(markdown("1. list", true), "1\\. list");
        assert_eq!(markdown("- item", true), "\\- item");
        assert_eq!(markdown("- item", false), "- item");
    }

    #[test]
    fn text_targets_stay_on_their_line() {
        let t = translation(&["one\n== fa ==\ntwo\x1b[2J"]);
        assert_eq!(joined(&t, plain), "one == fa == two\\x1b[2J");
    }

    #[test]
    fn paired_bidi_isolates_and_embeddings_are_text_and_tabs_spaces() {
        // Regression: a Persian target's isolates around a Latin name, and a
        // tab, reached brief.fa.txt as the escapes `\u{2067}` and `\t`.
        let isolated = "رئیس‌جمهور \u{2067}Putin\u{2069} و \u{202b}روحانی\u{202c} گفتند.";
        assert_eq!(plain(isolated, true), isolated);
        assert_eq!(markdown(isolated, true), isolated);
        assert_eq!(plain("a\tb", true), "a b");
        // Unpaired, mispaired or overridden: every bidi control escaped.
        for (target, shown) in [
            ("a\u{2067}b", "a\\u{2067}b"),
            ("a\u{2069}b", "a\\u{2069}b"),
            ("\u{202b}a\u{2069}", "\\u{202b}a\\u{2069}"),
            (
                "\u{2066}\u{202b}a\u{2069}\u{202c}",
                "\\u{2066}\\u{202b}a\\u{2069}\\u{202c}",
            ),
            (
                "\u{2067}a\u{202e}b\u{2069}",
                "\\u{2067}a\\u{202e}b\\u{2069}",
            ),
        ] {
            assert_eq!(plain(target, true), shown, "{target:?}");
        }
    }

    proptest! {
        /// Paired embeddings and isolates are kept, anything else with a
        /// bidi control is escaped: the rendering never leaves one open.
        #[test]
        fn no_bidi_control_is_left_open(target in "[a-z\u{202a}-\u{202e}\u{2066}-\u{2069} ]{0,12}") {
            let text = plain(&target, true);
            let raw: String = text.chars().filter(|c| crate::escape::needs_escape(*c)).collect();
            prop_assert!(raw.is_empty() || bidi_paired(&raw), "{text:?}");
            prop_assert!(!text.contains(['\u{202d}', '\u{202e}']), "{text:?}");
        }

        /// Whatever a target holds, the rendering has no line of its own
        /// and no raw HTML or link syntax.
        #[test]
        fn no_target_escapes_its_paragraph(target in "[a-z#<>\\[\\]()!\n\r\u{2028} -]{0,40}") {
            let md = markdown(&target, true);
            prop_assert!(!md.contains(['\n', '\r', '\u{2028}', '<', '>']), "{md:?}");
            // Every bracket and hash is escaped, so none opens a link or a heading.
            let chars: Vec<char> = md.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if matches!(c, '[' | ']' | '#') {
                    prop_assert!(i > 0 && chars[i - 1] == '\\', "{md:?}");
                }
            }
            let text = plain(&target, true);
            prop_assert!(!text.contains(['\n', '\r', '\u{2028}']), "{text:?}");
        }
    }
}
