//! XLIFF 1.2 (valid against the strict schema): one `<file>` per run of units
//! from the same document, one `<trans-unit>` per sentence, the
//! machine-readable data in a `<context-group>` with `x-brief-*` context
//! types, and the neighbouring sentences in a `<note>`.

use std::collections::BTreeMap;
use std::path::Path;

use super::xml::{Element, XmlOut, check_text};
use super::{
    Format, LanguageTag, TOOL_NAME, TOOL_VERSION, TargetMode, Unit, UnitFile, context_notes,
    invalid, required, runs,
};
use crate::error::Result;

/// The XLIFF 1.2 namespace.
pub const NS_12: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// Writes one XLIFF 1.2 file.
pub(crate) fn write(
    source: &LanguageTag,
    units: &[Unit],
    target: &LanguageTag,
    mode: TargetMode,
) -> Result<Vec<u8>> {
    let mut out = XmlOut::new()?;
    out.open("xliff", &[("xmlns", NS_12), ("version", "1.2")])?;
    for run in runs(units) {
        let original = run
            .first()
            .and_then(|u| u.document.as_deref())
            .unwrap_or("");
        check_text(original, "document name")?;
        out.open(
            "file",
            &[
                ("original", original),
                ("source-language", source.as_str()),
                ("target-language", target.as_str()),
                ("datatype", "plaintext"),
                ("tool-id", TOOL_NAME),
            ],
        )?;
        out.open("header", &[])?;
        out.empty(
            "tool",
            &[
                ("tool-id", TOOL_NAME),
                ("tool-name", TOOL_NAME),
                ("tool-version", TOOL_VERSION),
            ],
        )?;
        out.close("header")?;
        out.open("body", &[])?;
        for u in run {
            check_text(&u.source, &u.place())?;
            out.open("trans-unit", &[("id", &u.id), ("xml:space", "preserve")])?;
            out.leaf("source", &[], &u.source)?;
            if let Some(t) = mode.initial(u) {
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
                    ("name", &format!("brief-{}", u.id)),
                    ("purpose", "information"),
                ],
            )?;
            // The document name has a standard context type; the rest are
            // brief's own. The neighbours go into notes.
            if let Some(doc) = &u.document {
                out.leaf("context", &[("context-type", "sourcefile")], doc)?;
            }
            for (key, value) in u
                .meta()
                .iter()
                .filter(|(k, _)| !matches!(*k, "document" | "previous" | "next"))
            {
                let kind = format!("x-brief-{key}");
                out.leaf("context", &[("context-type", &kind)], value)?;
            }
            out.close("context-group")?;
            for (_, text) in context_notes(u) {
                check_text(&text, &format!("context of {}", u.place()))?;
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

/// Reads an XLIFF 1.2 document.
pub(crate) fn read(root: &Element, path: &Path) -> Result<UnitFile> {
    let files: Vec<&Element> = root.children_named("file").collect();
    let Some(first) = files.first() else {
        return Err(invalid(path, "XLIFF 1.2 file without any <file> element"));
    };
    let source_lang = required(first, "source-language", path)?.to_string();
    let mut target_lang = first.attr("target-language").map(str::to_string);
    let mut units = Vec::new();
    for file in &files {
        if file.attr("source-language") != Some(source_lang.as_str()) {
            return Err(invalid(
                path,
                "its <file> elements have different source languages",
            ));
        }
        if target_lang.is_none() {
            target_lang = file.attr("target-language").map(str::to_string);
        }
        if let Some(body) = file.child("body") {
            collect_units(body, path, &mut units, &mut target_lang, 0)?;
        }
    }
    let Some(target_lang) = target_lang else {
        return Err(invalid(
            path,
            "no target-language on <file>: which language is this?",
        ));
    };
    Ok(UnitFile {
        path: path.to_path_buf(),
        format: Format::Xliff12,
        source_lang,
        target_lang,
        units,
    })
}

fn collect_units(
    parent: &Element,
    path: &Path,
    units: &mut Vec<Unit>,
    target_lang: &mut Option<String>,
    depth: usize,
) -> Result<()> {
    for el in parent.elements() {
        match el.name.as_str() {
            "group" if depth < 32 => collect_units(el, path, units, target_lang, depth + 1)?,
            "trans-unit" => {
                let id = required(el, "id", path)?.to_string();
                let Some(source) = el.child("source").map(Element::text) else {
                    return Err(invalid(path, format!("trans-unit {id} without <source>")));
                };
                let target_el = el.child("target");
                if target_lang.is_none() {
                    *target_lang = target_el
                        .and_then(|t| t.attr("xml:lang"))
                        .map(str::to_string);
                }
                let mut unit = Unit::new(id, source, target_el.map(Element::text));
                let mut meta = BTreeMap::new();
                for group in el.children_named("context-group") {
                    for ctx in group.children_named("context") {
                        match ctx.attr("context-type") {
                            Some("sourcefile") => {
                                meta.insert("document".to_string(), ctx.text());
                            }
                            Some(kind) => {
                                if let Some(key) = kind.strip_prefix("x-brief-") {
                                    meta.insert(key.to_string(), ctx.text());
                                }
                            }
                            None => {}
                        }
                    }
                }
                for (k, v) in &meta {
                    unit.set_meta(k, v);
                }
                units.push(unit);
            }
            _ => {}
        }
    }
    Ok(())
}
