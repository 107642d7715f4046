//! TMX 1.4b: the bilingual export files, and the multilingual memory that
//! `brief merge --tmx` writes. brief's metadata travels as `x-brief-*` props.

use std::collections::BTreeMap;
use std::path::Path;

use super::inline::{self, Dialect};
use super::xml::{Element, XmlOut, check_text};
use super::{
    Format, LanguageTag, TOOL_NAME, TOOL_VERSION, Unit, UnitFile, check_read_text, check_unit,
    invalid, read_tag, required,
};
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

/// Reads a TMX document: one [`UnitFile`] per target language, holding the
/// units that have a variant in that language (so a file whose units each
/// carry another language costs units + languages, not their product).
///
/// A `<tu>` without `tuid` (a CAT tool's memory, e.g. OmegaT's project TMX
/// or po2tmx) gets an empty id: merge matches it to the export's units by
/// its source text, which needs a reference (`brief merge --reference`).
pub(crate) fn read(root: &Element, path: &Path) -> Result<Vec<UnitFile>> {
    let mut warnings = Vec::new();
    // TMX has no namespace.
    let Some(header) = root.child("header") else {
        return Err(invalid(path, "TMX without <header>"));
    };
    let source_lang = read_tag(
        required(header, "srclang", path)?,
        "srclang",
        path,
        &mut warnings,
    )?;
    let Some(body) = inline::child(root, None, "body") else {
        return Err(invalid(path, "TMX without <body>"));
    };
    let mut by_lang: BTreeMap<String, Vec<Unit>> = BTreeMap::new();
    for (n, tu) in inline::children(body, None, "tu").enumerate() {
        let id = tu.attr("tuid").unwrap_or("").to_string();
        check_read_text(&id, "id", &id, path)?;
        let name = if id.is_empty() {
            format!("<tu> number {}", n + 1)
        } else {
            format!("tu {id}")
        };
        let mut unit = Unit::new(id.clone(), String::new(), None);
        for prop in inline::children(tu, None, "prop") {
            if let Some(key) = prop.attr("type").and_then(|t| t.strip_prefix("x-brief-")) {
                unit.set_meta(key, &prop.text());
            }
        }
        // A source's tu may name its own source language (po2tmx writes
        // srclang on every <tu>).
        let tu_source = match tu.attr("srclang") {
            Some(l) if !l.eq_ignore_ascii_case("*all*") => {
                read_tag(l, &format!("{name}: srclang"), path, &mut warnings)?
            }
            _ => source_lang.clone(),
        };
        let mut source = None;
        let mut targets: Vec<(String, String)> = Vec::new();
        for tuv in inline::children(tu, None, "tuv") {
            let Some(lang) = tuv.attr("xml:lang").or_else(|| tuv.attr("lang")) else {
                return Err(invalid(path, format!("{name}: <tuv> without xml:lang")));
            };
            let lang = read_tag(lang, &format!("{name}: xml:lang"), path, &mut warnings)?;
            let seg = inline::only_child(tuv, None, "seg")
                .map_err(|e| invalid(path, format!("{name} [{lang}]: {e}")))?;
            let text = match seg {
                Some(seg) => inline::text(seg, None, Dialect::Tmx)
                    .map_err(|e| invalid(path, format!("{name} [{lang}]: {e}")))?,
                None => String::new(),
            };
            // A second variant in one language is a second translation:
            // kept, so that merge reports the id as a duplicate with both
            // texts instead of dropping one unseen (an identical repeat is
            // one variant).
            if lang == tu_source && source.is_none() {
                source = Some(text);
            } else if !targets.iter().any(|(l, t)| *l == lang && *t == text) {
                targets.push((lang, text));
            }
        }
        let Some(source) = source else {
            return Err(invalid(path, format!("{name} has no {tu_source} variant")));
        };
        unit.source = source;
        for (lang, text) in targets {
            let mut u = unit.clone();
            u.target = Some(text);
            check_unit(&u, path)?;
            by_lang.entry(lang).or_default().push(u);
        }
    }
    if by_lang.is_empty() {
        return Err(invalid(path, "TMX without any target-language variant"));
    }
    let mut files: Vec<UnitFile> = by_lang
        .into_iter()
        .map(|(lang, units)| UnitFile {
            path: path.to_path_buf(),
            format: Format::Tmx,
            source_lang: source_lang.clone(),
            target_lang: lang,
            units,
            warnings: Vec::new(),
        })
        .collect();
    files[0].warnings = warnings;
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cat_tool_memory_without_tuid_is_read_with_empty_ids() {
        // OmegaT's project memory: TMX 1.1, lang= instead of xml:lang.
        let xml = r#"<tmx version="1.1"><header srclang="EN" segtype="sentence" o-tmf="OmegaT" adminlang="EN-US" datatype="plaintext" creationtool="OmegaT" creationtoolversion="3.6"/><body>
<tu><tuv lang="EN"><seg>One.</seg></tuv><tuv lang="FA"><seg>یک <ph x="1">&lt;br/&gt;</ph></seg></tuv></tu></body></tmx>"#;
        let root = super::super::xml::parse(xml, Path::new("t.tmx")).unwrap();
        let files = read(&root, Path::new("t.tmx")).unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].source_lang, "en");
        assert_eq!(files[0].target_lang, "fa");
        assert_eq!(files[0].units[0].id, "");
        assert_eq!(files[0].units[0].target.as_deref(), Some("یک "));
    }
}
