//! Readers for translated files: XLIFF 2.x and 1.2, TMX, TSV and JSONL.

use std::collections::BTreeMap;
use std::path::Path;

use super::{FileUnit, TranslationFile};
use crate::error::{Error, Result};
use crate::export::xml::{Element, MAX_INPUT_BYTES, parse};
use crate::export::{Format, TSV_COLUMNS};

const NS_XLIFF2: &str = "urn:oasis:names:tc:xliff:document:2.0";
const NS_XLIFF12: &str = "urn:oasis:names:tc:xliff:document:1.2";
const NS_MDA: &str = "urn:oasis:names:tc:xliff:metadata:2.0";

fn invalid(path: &Path, message: impl Into<String>) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// Reads one translated file (UTF-8, or UTF-16 with a byte-order mark). A
/// TMX, TSV or JSONL file with several target languages gives one
/// [`TranslationFile`] per language.
pub fn read_file(path: &Path) -> Result<Vec<TranslationFile>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.len() > MAX_INPUT_BYTES as u64 {
        return Err(invalid(
            path,
            format!(
                "larger than {} MiB; refusing to read it",
                MAX_INPUT_BYTES >> 20
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    read_bytes(bytes, path)
}

/// Like [`read_file`], for bytes already in memory; `path` names them in messages.
pub fn read_bytes(bytes: Vec<u8>, path: &Path) -> Result<Vec<TranslationFile>> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(invalid(path, "too large; refusing to read it"));
    }
    let text = crate::input::decode(bytes, path)?;
    let start = text.trim_start();
    if start.starts_with('<') {
        let root = parse(&text, path)?;
        return match root.name.as_str() {
            "xliff" => {
                let version = root.attr("version").unwrap_or("");
                if root.ns.as_deref() == Some(NS_XLIFF2) || version.starts_with('2') {
                    read_xliff2(&root, path).map(|f| vec![f])
                } else if root.ns.as_deref() == Some(NS_XLIFF12) || version == "1.2" {
                    read_xliff12(&root, path).map(|f| vec![f])
                } else {
                    Err(invalid(
                        path,
                        format!("unsupported XLIFF version {version:?}"),
                    ))
                }
            }
            "tmx" => read_tmx(&root, path),
            other => Err(invalid(
                path,
                format!("root element <{other}> is neither <xliff> nor <tmx>"),
            )),
        };
    }
    let first = start.lines().next().unwrap_or("");
    if first.starts_with('{') {
        read_jsonl(&text, path)
    } else if first.split('\t').any(|c| c == "id") && first.contains('\t') {
        read_tsv(&text, path)
    } else {
        Err(invalid(
            path,
            "not an XLIFF, TMX, TSV (with brief's header row) or JSONL file",
        ))
    }
}

fn parse_num(value: Option<&str>) -> Option<usize> {
    value.and_then(|v| v.trim().parse().ok())
}

/// Fills the metadata fields of a unit from `key -> value` pairs whose keys
/// are brief's metadata names without prefix.
fn apply_meta(unit: &mut FileUnit, meta: &BTreeMap<String, String>) {
    let get = |k: &str| meta.get(k).map(String::as_str);
    unit.fingerprint = get("fingerprint").map(str::to_string);
    unit.segment_count = parse_num(get("segment-count"));
    unit.document = get("document").map(str::to_string);
    unit.document_index = parse_num(get("document-index"));
    unit.position = parse_num(get("position"));
    unit.paragraph = parse_num(get("paragraph"));
    unit.rank = parse_num(get("rank"));
    unit.score = get("score").and_then(|s| s.trim().parse().ok());
    unit.previous = get("previous").map(str::to_string);
    unit.next = get("next").map(str::to_string);
}

fn required<'a>(el: &'a Element, attr: &str, path: &Path) -> Result<&'a str> {
    el.attr(attr).ok_or_else(|| {
        invalid(
            path,
            format!("<{}> without the required {attr} attribute", el.name),
        )
    })
}

fn read_xliff2(root: &Element, path: &Path) -> Result<TranslationFile> {
    let source_lang = required(root, "srcLang", path)?.to_string();
    let target_lang = root.attr("trgLang").map(str::to_string);
    let version = root.attr("version").unwrap_or("2.0");
    let mut units = Vec::new();
    let files: Vec<&Element> = root.children_named("file").collect();
    if files.is_empty() {
        return Err(invalid(path, "XLIFF 2 file without any <file> element"));
    }
    for file in files {
        collect_xliff2_units(file, path, &mut units, 0)?;
    }
    let has_targets = units.iter().any(|u: &FileUnit| u.target.is_some());
    let target_lang = match target_lang {
        Some(t) => t,
        None if has_targets => {
            return Err(invalid(
                path,
                "has <target> elements but no trgLang on <xliff>",
            ));
        }
        None => {
            return Err(invalid(
                path,
                "no trgLang on <xliff>: which language is this?",
            ));
        }
    };
    Ok(TranslationFile {
        path: path.to_path_buf(),
        format: if version.starts_with("2.0") {
            Format::Xliff20
        } else {
            Format::Xliff21
        },
        source_lang,
        target_lang,
        units,
    })
}

fn collect_xliff2_units(
    parent: &Element,
    path: &Path,
    units: &mut Vec<FileUnit>,
    depth: usize,
) -> Result<()> {
    for el in parent.elements() {
        match el.name.as_str() {
            "group" if depth < 32 => collect_xliff2_units(el, path, units, depth + 1)?,
            "unit" => units.push(read_xliff2_unit(el, path)?),
            _ => {}
        }
    }
    Ok(())
}

fn read_xliff2_unit(unit: &Element, path: &Path) -> Result<FileUnit> {
    let id = required(unit, "id", path)?.to_string();
    let mut meta = BTreeMap::new();
    for md in unit
        .elements()
        .filter(|e| e.ns.as_deref() == Some(NS_MDA) && e.name == "metadata")
    {
        for group in md.children_named("metaGroup") {
            for m in group.children_named("meta") {
                if let Some(kind) = m.attr("type") {
                    meta.insert(kind.to_string(), m.text());
                }
            }
        }
    }
    let mut source = String::new();
    let mut target: Option<String> = None;
    let mut segments = 0usize;
    for part in unit.elements() {
        let is_segment = part.name == "segment";
        if !is_segment && part.name != "ignorable" {
            continue;
        }
        segments += usize::from(is_segment);
        let src = part.child("source").map(Element::text);
        let Some(src) = src else {
            return Err(invalid(
                path,
                format!("unit {id}: <{}> without <source>", part.name),
            ));
        };
        match part.child("target") {
            Some(t) => target.get_or_insert_with(String::new).push_str(&t.text()),
            None if !is_segment => {
                if let Some(t) = target.as_mut() {
                    t.push_str(&src);
                }
            }
            None => {}
        }
        source.push_str(&src);
    }
    if segments == 0 {
        return Err(invalid(path, format!("unit {id} has no <segment>")));
    }
    let mut out = FileUnit::new(id, source, target);
    apply_meta(&mut out, &meta);
    Ok(out)
}

fn read_xliff12(root: &Element, path: &Path) -> Result<TranslationFile> {
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
            collect_xliff12_units(body, path, &mut units, &mut target_lang, 0)?;
        }
    }
    let Some(target_lang) = target_lang else {
        return Err(invalid(
            path,
            "no target-language on <file>: which language is this?",
        ));
    };
    Ok(TranslationFile {
        path: path.to_path_buf(),
        format: Format::Xliff12,
        source_lang,
        target_lang,
        units,
    })
}

fn collect_xliff12_units(
    parent: &Element,
    path: &Path,
    units: &mut Vec<FileUnit>,
    target_lang: &mut Option<String>,
    depth: usize,
) -> Result<()> {
    for el in parent.elements() {
        match el.name.as_str() {
            "group" if depth < 32 => {
                collect_xliff12_units(el, path, units, target_lang, depth + 1)?
            }
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
                let mut unit = FileUnit::new(id, source, target_el.map(Element::text));
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
                apply_meta(&mut unit, &meta);
                units.push(unit);
            }
            _ => {}
        }
    }
    Ok(())
}

fn read_tmx(root: &Element, path: &Path) -> Result<Vec<TranslationFile>> {
    let Some(header) = root.child("header") else {
        return Err(invalid(path, "TMX without <header>"));
    };
    let source_lang = required(header, "srclang", path)?.to_string();
    let Some(body) = root.child("body") else {
        return Err(invalid(path, "TMX without <body>"));
    };
    // Per target language, the units in file order.
    let mut by_lang: BTreeMap<String, Vec<FileUnit>> = BTreeMap::new();
    let mut all: Vec<(FileUnit, Vec<(String, String)>)> = Vec::new();
    for tu in body.children_named("tu") {
        let id = required(tu, "tuid", path)?.to_string();
        let mut meta = BTreeMap::new();
        for prop in tu.children_named("prop") {
            if let Some(key) = prop.attr("type").and_then(|t| t.strip_prefix("x-brief-")) {
                meta.insert(key.to_string(), prop.text());
            }
        }
        let mut source = None;
        let mut targets = Vec::new();
        for tuv in tu.children_named("tuv") {
            let Some(lang) = tuv.attr("xml:lang").or_else(|| tuv.attr("lang")) else {
                return Err(invalid(path, format!("tu {id}: <tuv> without xml:lang")));
            };
            let text = tuv.child("seg").map(Element::text).unwrap_or_default();
            if lang.eq_ignore_ascii_case(&source_lang) && source.is_none() {
                source = Some(text);
            } else {
                targets.push((lang.to_string(), text));
            }
        }
        let Some(source) = source else {
            return Err(invalid(
                path,
                format!("tu {id} has no {source_lang} variant"),
            ));
        };
        let mut unit = FileUnit::new(id, source, None);
        apply_meta(&mut unit, &meta);
        for (lang, _) in &targets {
            by_lang.entry(lang.clone()).or_default();
        }
        all.push((unit, targets));
    }
    if by_lang.is_empty() {
        return Err(invalid(path, "TMX without any target-language variant"));
    }
    Ok(by_lang
        .into_keys()
        .map(|lang| {
            let units = all
                .iter()
                .map(|(unit, targets)| {
                    let mut u = unit.clone();
                    u.target = targets
                        .iter()
                        .find(|(l, _)| *l == lang)
                        .map(|(_, t)| t.clone());
                    u
                })
                .collect();
            TranslationFile {
                path: path.to_path_buf(),
                format: Format::Tmx,
                source_lang: source_lang.clone(),
                target_lang: lang,
                units,
            }
        })
        .collect())
}

/// Groups (source language, target language, unit) rows into one file per
/// target language, in order of first appearance.
fn group_rows(
    rows: Vec<(String, String, FileUnit)>,
    path: &Path,
    format: Format,
) -> Result<Vec<TranslationFile>> {
    let mut files: Vec<TranslationFile> = Vec::new();
    for (src, trg, unit) in rows {
        match files.iter_mut().find(|f| f.target_lang == trg) {
            Some(f) => {
                if f.source_lang != src {
                    return Err(invalid(
                        path,
                        format!(
                            "unit {}: source language {src} differs from {}",
                            unit.id, f.source_lang
                        ),
                    ));
                }
                f.units.push(unit);
            }
            None => files.push(TranslationFile {
                path: path.to_path_buf(),
                format,
                source_lang: src,
                target_lang: trg,
                units: vec![unit],
            }),
        }
    }
    if files.is_empty() {
        return Err(invalid(path, "no segments in the file"));
    }
    Ok(files)
}

fn read_tsv(text: &str, path: &Path) -> Result<Vec<TranslationFile>> {
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, l)| l.split('\t').collect())
        .unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let (Some(c_id), Some(c_src), Some(c_trg), Some(c_sl), Some(c_tl)) = (
        col("id"),
        col("source"),
        col("target"),
        col("source_lang"),
        col("target_lang"),
    ) else {
        return Err(invalid(
            path,
            format!(
                "line 1: a TSV header needs the columns id, source_lang, target_lang, source and target (brief writes: {})",
                TSV_COLUMNS.join(" ")
            ),
        ));
    };
    let mut rows = Vec::new();
    for (i, line) in lines {
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != header.len() {
            return Err(invalid(
                path,
                format!(
                    "line {}: {} fields, but the header has {}",
                    i + 1,
                    fields.len(),
                    header.len()
                ),
            ));
        }
        let mut meta = BTreeMap::new();
        let mut values: Vec<String> = Vec::with_capacity(fields.len());
        for (name, field) in header.iter().zip(&fields) {
            let value = crate::export::tabular::tsv_unescape(field).ok_or_else(|| {
                invalid(
                    path,
                    format!("line {}: column {name}: bad backslash escape", i + 1),
                )
            })?;
            if !value.is_empty() {
                meta.insert(name.trim().replace('_', "-"), value.clone());
            }
            values.push(value);
        }
        let get = |c: usize| values.get(c).cloned().unwrap_or_default();
        let target = get(c_trg);
        let mut unit = FileUnit::new(get(c_id), get(c_src), Some(target));
        apply_meta(&mut unit, &meta);
        rows.push((get(c_sl), get(c_tl), unit));
    }
    group_rows(rows, path, Format::Tsv)
}

fn read_jsonl(text: &str, path: &Path) -> Result<Vec<TranslationFile>> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: crate::export::tabular::JsonlRecord = serde_json::from_str(line)
            .map_err(|e| invalid(path, format!("line {}: {e}", i + 1)))?;
        let mut unit = FileUnit::new(r.id, r.source, r.target);
        unit.fingerprint = r.fingerprint;
        unit.segment_count = r.segment_count;
        unit.document = r.document;
        unit.document_index = r.document_index;
        unit.position = r.position;
        unit.paragraph = r.paragraph;
        unit.rank = r.rank;
        unit.score = r.score;
        unit.previous = r.previous;
        unit.next = r.next;
        rows.push((r.source_lang, r.target_lang, unit));
    }
    group_rows(rows, path, Format::Jsonl)
}
