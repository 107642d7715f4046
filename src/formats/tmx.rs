//! TMX 1.4b: the bilingual export files, and the multilingual memory that
//! `brief merge --tmx` writes. brief's metadata travels as `x-brief-*` props.

use std::collections::BTreeMap;
use std::path::Path;

use super::xml::{Element, XmlOut, check_text};
use super::{Format, LanguageTag, TOOL_NAME, TOOL_VERSION, Unit, UnitFile, invalid, required};
use crate::error::Result;

/// One translation unit: the source unit and its target variants.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TmxUnit<'a> {
    /// The source unit (its id becomes the `tuid`).
    pub unit: &'a Unit,
    /// Target language and text, in the order to write them.
    pub targets: Vec<(LanguageTag, String)>,
}

/// Writes a TMX 1.4b document. `total` is the number of units in the
/// export, stored so that merge can notice missing units.
pub(crate) fn write(source: &LanguageTag, units: &[TmxUnit<'_>], total: usize) -> Result<Vec<u8>> {
    let mut out = XmlOut::new()?;
    out.doctype(r#"tmx SYSTEM "tmx14.dtd""#)?;
    out.open("tmx", &[("version", "1.4")])?;
    out.open(
        "header",
        &[
            ("creationtool", TOOL_NAME),
            ("creationtoolversion", TOOL_VERSION),
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
    for row in units {
        let u = row.unit;
        check_text(&u.source, &u.place())?;
        out.open("tu", &[("tuid", &u.id)])?;
        for (key, value) in u.meta() {
            check_text(&value, &format!("{} of {}", key, u.place()))?;
            out.leaf("prop", &[("type", &format!("x-brief-{key}"))], &value)?;
        }
        out.open("tuv", &[("xml:lang", source.as_str())])?;
        out.leaf("seg", &[], &u.source)?;
        out.close("tuv")?;
        for (lang, text) in &row.targets {
            check_text(text, &format!("{lang} translation of {}", u.id))?;
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

/// Reads a TMX document: one [`UnitFile`] per target language.
pub(crate) fn read(root: &Element, path: &Path) -> Result<Vec<UnitFile>> {
    let Some(header) = root.child("header") else {
        return Err(invalid(path, "TMX without <header>"));
    };
    let source_lang = required(header, "srclang", path)?.to_string();
    let Some(body) = root.child("body") else {
        return Err(invalid(path, "TMX without <body>"));
    };
    // Per target language, the units in file order.
    let mut by_lang: BTreeMap<String, Vec<Unit>> = BTreeMap::new();
    let mut all: Vec<(Unit, Vec<(String, String)>)> = Vec::new();
    for tu in body.children_named("tu") {
        let id = required(tu, "tuid", path)?.to_string();
        let mut unit = Unit::new(id.clone(), String::new(), None);
        for prop in tu.children_named("prop") {
            if let Some(key) = prop.attr("type").and_then(|t| t.strip_prefix("x-brief-")) {
                unit.set_meta(key, &prop.text());
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
        unit.source = source;
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
            UnitFile {
                path: path.to_path_buf(),
                format: Format::Tmx,
                source_lang: source_lang.clone(),
                target_lang: lang,
                units,
            }
        })
        .collect())
}
