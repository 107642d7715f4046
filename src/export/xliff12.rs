//! XLIFF 1.2 writer (valid against the strict schema): one `<file>` per run of
//! segments from the same document, one `<trans-unit>` per sentence, the
//! machine-readable data in a `<context-group>` with `x-brief-*` context
//! types, and the neighbouring sentences in a `<note>`.

use super::xliff2::{context_notes, runs};
use super::xml::{XmlOut, check_text};
use super::{Bundle, LanguageTag, TargetMode, format_score, initial_target};
use crate::error::Result;

/// The XLIFF 1.2 namespace.
pub const NS_12: &str = "urn:oasis:names:tc:xliff:document:1.2";

pub(super) fn render(bundle: &Bundle, target: &LanguageTag, mode: TargetMode) -> Result<Vec<u8>> {
    let total = bundle.segments.len().to_string();
    let mut out = XmlOut::new()?;
    out.open("xliff", &[("xmlns", NS_12), ("version", "1.2")])?;
    for run in runs(&bundle.segments) {
        let original = run.first().map_or("", |s| s.doc_name.as_str());
        check_text(original, "document name")?;
        out.open(
            "file",
            &[
                ("original", original),
                ("source-language", bundle.source_lang.as_str()),
                ("target-language", target.as_str()),
                ("datatype", "plaintext"),
                ("tool-id", super::TOOL_NAME),
            ],
        )?;
        out.open("header", &[])?;
        out.empty(
            "tool",
            &[
                ("tool-id", super::TOOL_NAME),
                ("tool-name", super::TOOL_NAME),
                ("tool-version", super::TOOL_VERSION),
            ],
        )?;
        out.close("header")?;
        out.open("body", &[])?;
        for s in run {
            check_text(&s.text, &format!("{}: sentence {}", s.doc_name, s.position))?;
            out.open("trans-unit", &[("id", &s.id), ("xml:space", "preserve")])?;
            out.leaf("source", &[], &s.text)?;
            if let Some(t) = initial_target(s, mode) {
                let state = if mode == TargetMode::Source {
                    "needs-translation"
                } else {
                    "new"
                };
                out.leaf("target", &[("state", state)], t)?;
            }
            out.open(
                "context-group",
                &[
                    ("name", &format!("brief-{}", s.id)),
                    ("purpose", "information"),
                ],
            )?;
            let mut contexts: Vec<(&str, String)> = vec![
                ("sourcefile", s.doc_name.clone()),
                ("x-brief-fingerprint", super::fingerprint(&s.text)),
                ("x-brief-segment-count", total.clone()),
                ("x-brief-document-index", (s.doc_index + 1).to_string()),
                ("x-brief-position", s.position.to_string()),
            ];
            if let Some(p) = s.paragraph {
                contexts.push(("x-brief-paragraph", p.to_string()));
            }
            if let Some(r) = s.rank {
                contexts.push(("x-brief-rank", r.to_string()));
            }
            if let Some(sc) = s.score {
                contexts.push(("x-brief-score", format_score(sc)));
            }
            for (kind, value) in &contexts {
                out.leaf("context", &[("context-type", kind)], value)?;
            }
            out.close("context-group")?;
            for (_, text) in context_notes(s) {
                check_text(
                    &text,
                    &format!("{}: context of sentence {}", s.doc_name, s.position),
                )?;
                out.leaf("note", &[("from", "brief"), ("annotates", "source")], &text)?;
            }
            out.close("trans-unit")?;
        }
        out.close("body")?;
        out.close("file")?;
    }
    out.close("xliff")?;
    out.finish()
}
