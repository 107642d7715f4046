//! TMX 1.4b writer, for the bilingual export files and for the multilingual
//! memory that `brief merge --tmx` writes.

use super::xml::{XmlOut, check_text};
use super::{LanguageTag, Segment, format_score};
use crate::error::Result;

/// One translation unit: the source segment and its target variants.
#[derive(Debug, Clone, PartialEq)]
pub struct TmxUnit {
    /// The source segment (its id becomes the `tuid`).
    pub segment: Segment,
    /// Target language and text, in the order to write them.
    pub targets: Vec<(LanguageTag, String)>,
}

/// Renders a TMX 1.4b document. `total` is the number of segments in the
/// export, stored so that merge can notice missing units.
pub fn render_tmx(source: &LanguageTag, units: &[TmxUnit], total: usize) -> Result<Vec<u8>> {
    let mut out = XmlOut::new()?;
    out.doctype(r#"tmx SYSTEM "tmx14.dtd""#)?;
    out.open("tmx", &[("version", "1.4")])?;
    out.open(
        "header",
        &[
            ("creationtool", super::TOOL_NAME),
            ("creationtoolversion", super::TOOL_VERSION),
            ("segtype", "sentence"),
            ("o-tmf", "brief"),
            ("adminlang", "en"),
            ("srclang", source.as_str()),
            ("datatype", "plaintext"),
        ],
    )?;
    out.leaf(
        "prop",
        &[("type", "x-brief-segment-count")],
        &total.to_string(),
    )?;
    out.close("header")?;
    out.open("body", &[])?;
    for unit in units {
        let s = &unit.segment;
        check_text(&s.text, &format!("{}: sentence {}", s.doc_name, s.position))?;
        check_text(&s.doc_name, "document name")?;
        out.open("tu", &[("tuid", &s.id)])?;
        let mut props: Vec<(&str, String)> = vec![
            ("x-brief-fingerprint", super::fingerprint(&s.text)),
            ("x-brief-segment-count", total.to_string()),
            ("x-brief-document", s.doc_name.clone()),
            ("x-brief-document-index", (s.doc_index + 1).to_string()),
            ("x-brief-position", s.position.to_string()),
        ];
        if let Some(p) = s.paragraph {
            props.push(("x-brief-paragraph", p.to_string()));
        }
        if let Some(r) = s.rank {
            props.push(("x-brief-rank", r.to_string()));
        }
        if let Some(sc) = s.score {
            props.push(("x-brief-score", format_score(sc)));
        }
        if let Some(prev) = &s.prev {
            check_text(prev, "context")?;
            props.push(("x-brief-previous", prev.clone()));
        }
        if let Some(next) = &s.next {
            check_text(next, "context")?;
            props.push(("x-brief-next", next.clone()));
        }
        for (kind, value) in &props {
            out.leaf("prop", &[("type", kind)], value)?;
        }
        out.open("tuv", &[("xml:lang", source.as_str())])?;
        out.leaf("seg", &[], &s.text)?;
        out.close("tuv")?;
        for (lang, text) in &unit.targets {
            check_text(
                text,
                &format!("{}: {lang} translation of {}", s.doc_name, s.id),
            )?;
            out.open("tuv", &[("xml:lang", lang.as_str())])?;
            out.leaf("seg", &[], text)?;
            out.close("tuv")?;
        }
        out.close("tu")?;
    }
    out.close("body")?;
    out.close("tmx")?;
    out.finish()
}
