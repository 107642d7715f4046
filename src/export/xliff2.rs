//! XLIFF 2.0 and 2.1 writer: one `<file>` per run of segments from the same
//! document, one `<unit>` with one `<segment>` per sentence, metadata in the
//! `mda` module and the neighbouring sentences as unit-level notes.

use super::xml::{XmlOut, check_text};
use super::{Bundle, LanguageTag, Segment, TargetMode, format_score, initial_target};
use crate::error::Result;

/// The XLIFF 2 core namespace (also used by version 2.1).
pub const NS_CORE: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// The XLIFF 2 metadata module namespace.
pub const NS_MDA: &str = "urn:oasis:names:tc:xliff:metadata:2.0";

fn dir(tag: &LanguageTag) -> &'static str {
    if tag.is_rtl() { "rtl" } else { "ltr" }
}

/// Consecutive segments of one document.
pub(super) fn runs(segments: &[Segment]) -> Vec<&[Segment]> {
    segments
        .chunk_by(|a, b| a.doc_index == b.doc_index)
        .collect()
}

pub(super) fn render(
    bundle: &Bundle,
    target: &LanguageTag,
    mode: TargetMode,
    version: &str,
) -> Result<Vec<u8>> {
    let src_dir = dir(&bundle.source_lang);
    let trg_dir = dir(target);
    let total = bundle.segments.len().to_string();
    let mut out = XmlOut::new()?;
    out.open(
        "xliff",
        &[
            ("xmlns", NS_CORE),
            ("xmlns:mda", NS_MDA),
            ("version", version),
            ("srcLang", bundle.source_lang.as_str()),
            ("trgLang", target.as_str()),
        ],
    )?;
    for (f, run) in runs(&bundle.segments).into_iter().enumerate() {
        let file_id = format!("f{}", f + 1);
        let original = run.first().map_or("", |s| s.doc_name.as_str());
        check_text(original, "document name")?;
        out.open(
            "file",
            &[
                ("id", &file_id),
                ("original", original),
                ("canResegment", "no"),
                ("srcDir", src_dir),
                ("trgDir", trg_dir),
                ("xml:space", "preserve"),
            ],
        )?;
        for s in run {
            check_text(&s.text, &format!("{}: sentence {}", s.doc_name, s.position))?;
            out.open(
                "unit",
                &[("id", &s.id), ("srcDir", src_dir), ("trgDir", trg_dir)],
            )?;
            out.open("mda:metadata", &[])?;
            out.open("mda:metaGroup", &[("category", "brief")])?;
            let position = s.position.to_string();
            let doc_index = (s.doc_index + 1).to_string();
            let mut meta: Vec<(&str, String)> = vec![
                ("fingerprint", super::fingerprint(&s.text)),
                ("segment-count", total.clone()),
                ("document", s.doc_name.clone()),
                ("document-index", doc_index),
                ("position", position),
            ];
            if let Some(p) = s.paragraph {
                meta.push(("paragraph", p.to_string()));
            }
            if let Some(r) = s.rank {
                meta.push(("rank", r.to_string()));
            }
            if let Some(sc) = s.score {
                meta.push(("score", format_score(sc)));
            }
            for (key, value) in &meta {
                out.leaf("mda:meta", &[("type", key)], value)?;
            }
            out.close("mda:metaGroup")?;
            out.close("mda:metadata")?;
            let notes = context_notes(s);
            if !notes.is_empty() {
                out.open("notes", &[])?;
                for (id, text) in &notes {
                    check_text(
                        text,
                        &format!("{}: context of sentence {}", s.doc_name, s.position),
                    )?;
                    out.leaf(
                        "note",
                        &[("id", id), ("category", "context"), ("appliesTo", "source")],
                        text,
                    )?;
                }
                out.close("notes")?;
            }
            out.open("segment", &[("state", "initial")])?;
            out.leaf("source", &[], &s.text)?;
            if let Some(t) = initial_target(s, mode) {
                out.leaf("target", &[], t)?;
            }
            out.close("segment")?;
            out.close("unit")?;
        }
        out.close("file")?;
    }
    out.close("xliff")?;
    out.finish()
}

/// Notes shown to the translator: where the sentence comes from and its
/// neighbours in the document.
pub(super) fn context_notes(s: &Segment) -> Vec<(&'static str, String)> {
    let mut notes = vec![(
        "where",
        match s.rank {
            Some(rank) => format!(
                "{}, sentence {}, rank {} in the brief",
                s.doc_name, s.position, rank
            ),
            None => format!("{}, sentence {}", s.doc_name, s.position),
        },
    )];
    if let Some(prev) = &s.prev {
        notes.push(("previous", format!("Previous sentence: {prev}")));
    }
    if let Some(next) = &s.next {
        notes.push(("next", format!("Next sentence: {next}")));
    }
    notes
}
