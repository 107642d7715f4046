//! TMX 1.4b, the one codec for every TMX file brief reads or writes: the
//! bilingual export files, the multilingual TMX that `brief merge --tmx`
//! writes, and translation memories (`crate::tm`). brief's metadata travels
//! as `x-brief-*` props.
//!
//! - Reading is streaming ([`read_units`]): the guarded XML reader
//!   ([`super::xml::parse_split`]) hands over one `<tu>` at a time with its
//!   byte span, so a memory of a million units is never a tree, and a memory
//!   can be written back with every unit it did not change kept byte for byte.
//! - Writing goes through [`write_document`] and [`write_unit`], shared by
//!   the export files and the memory.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use super::inline::{self, Dialect};
use super::xml::{Element, MAX_ELEMENTS, MAX_INPUT_BYTES, XmlOut, check_text, parse_split};
use super::{
    Aids, Format, LanguageTag, Render, TOOL_NAME, TOOL_VERSION, Unit, UnitFile, check_read_text,
    check_unit, initial_target, invalid, read_tag, required_tag,
};
use crate::error::Result;

/// One `<prop>` or `<note>` to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetaOut<'a> {
    /// `<note>text</note>`.
    Note(&'a str),
    /// `<prop type="kind" xml:lang="lang">text</prop>`.
    Prop {
        kind: &'a str,
        lang: Option<&'a str>,
        text: &'a str,
    },
}

/// One `<tuv>` to write: its attributes (the language first), notes and
/// props, and the segment's plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TuvOut<'a> {
    pub attrs: Vec<(&'a str, &'a str)>,
    pub meta: Vec<MetaOut<'a>>,
    pub seg: &'a str,
}

/// One `<tu>` to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TuOut<'a> {
    pub attrs: Vec<(&'a str, &'a str)>,
    pub meta: Vec<MetaOut<'a>>,
    pub variants: Vec<TuvOut<'a>>,
}

fn write_meta(out: &mut XmlOut, meta: &[MetaOut<'_>]) -> Result<()> {
    for m in meta {
        match *m {
            MetaOut::Note(text) => out.leaf("note", &[], text)?,
            MetaOut::Prop { kind, lang, text } => {
                let mut attrs: Vec<(&str, &str)> = vec![("type", kind)];
                if let Some(l) = lang {
                    attrs.push(("xml:lang", l));
                }
                out.leaf("prop", &attrs, text)?
            }
        }
    }
    Ok(())
}

/// Writes one `<tuv>` at the writer's depth.
pub(crate) fn write_variant(out: &mut XmlOut, tuv: &TuvOut<'_>) -> Result<()> {
    out.open("tuv", &tuv.attrs)?;
    write_meta(out, &tuv.meta)?;
    out.leaf("seg", &[], tuv.seg)?;
    out.close("tuv")
}

/// Writes one `<tu>` at the writer's depth.
pub(crate) fn write_unit(out: &mut XmlOut, tu: &TuOut<'_>) -> Result<()> {
    out.open("tu", &tu.attrs)?;
    write_meta(out, &tu.meta)?;
    for v in &tu.variants {
        write_variant(out, v)?;
    }
    out.close("tu")
}

/// A whole TMX 1.4b document: the declaration, `<header>` with `attrs` (and
/// `props`, if any), and `units` in `<body>`.
pub(crate) fn write_document<'u>(
    header: &[(&str, &str)],
    props: &[MetaOut<'_>],
    units: impl IntoIterator<Item = Result<TuOut<'u>>>,
) -> Result<Vec<u8>> {
    let mut out = XmlOut::new()?;
    out.doctype(r#"tmx SYSTEM "tmx14.dtd""#)?;
    out.open("tmx", &[("version", "1.4")])?;
    if props.is_empty() {
        out.empty("header", header)?;
    } else {
        out.open("header", header)?;
        write_meta(&mut out, props)?;
        out.close("header")?;
    }
    out.open("body", &[])?;
    for tu in units {
        write_unit(&mut out, &tu?)?;
    }
    out.close("body")?;
    out.close("tmx")?;
    out.finish()
}

/// One translation unit of an export: the source unit and its target variants.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TmxUnit<'a> {
    /// The source unit (its id becomes the `tuid`).
    pub unit: &'a Unit,
    /// Target language and text, in the order to write them.
    pub targets: Vec<(LanguageTag, String)>,
    /// The engine that wrote the targets (`brief translate`), if a machine
    /// did: each target `<tuv>` gets a `<prop type="x-brief-origin">`.
    pub machine: Option<&'a str>,
}

/// The `<prop type>` on a target `<tuv>` that a machine wrote: `mt:ENGINE`.
/// Removing it makes the target a translator's again.
pub(crate) const ORIGIN_PROP: &str = "x-brief-origin";

/// Writes a merge's TMX 1.4b document: the units of one export or of
/// several (`parts`, each with its own source language, in order). The
/// header's `srclang` is the parts' one source language, or `*all*` when
/// they have several. `total` is the number of units in the export(s),
/// stored so that merge can notice missing units.
pub(crate) fn write(parts: &[(&LanguageTag, &[TmxUnit<'_>])], total: usize) -> Result<Vec<u8>> {
    let total = total.to_string();
    let srclang = match parts.split_first() {
        Some(((first, _), rest)) if rest.iter().all(|(s, _)| s == first) => first.as_str(),
        Some(_) => "*all*",
        None => "en",
    };
    let header = [
        ("creationtool", TOOL_NAME),
        ("creationtoolversion", TOOL_VERSION),
        ("segtype", "sentence"),
        ("o-tmf", "brief"),
        ("adminlang", "en"),
        ("srclang", srclang),
        ("datatype", "plaintext"),
    ];
    let props = [MetaOut::Prop {
        kind: "x-brief-segment-count",
        lang: None,
        text: &total,
    }];
    // The props' types and values are owned here, one row at a time.
    type Row<'r> = (
        Vec<(String, String)>,
        Option<String>,
        &'r TmxUnit<'r>,
        &'r LanguageTag,
    );
    let rows: Vec<Row<'_>> = parts
        .iter()
        .flat_map(|(source, units)| units.iter().map(move |row| (*source, row)))
        .map(|(source, row)| {
            let u = row.unit;
            let meta = u
                .meta()
                .into_iter()
                .map(|(key, value)| (format!("x-brief-{key}"), value))
                .collect();
            (meta, row.machine.map(|e| format!("mt:{e}")), row, source)
        })
        .collect();
    let tus = rows.iter().map(|(meta, origin, row, source)| {
        let u = row.unit;
        check_text(&u.source, &u.place())?;
        for (key, value) in meta {
            let key = key.strip_prefix("x-brief-").unwrap_or(key);
            check_text(value, &format!("{} of {}", key, u.place()))?;
        }
        let mut variants = vec![TuvOut {
            attrs: vec![("xml:lang", source.as_str())],
            meta: Vec::new(),
            seg: &u.source,
        }];
        for (lang, text) in &row.targets {
            check_text(text, &format!("{lang} translation of {}", u.id))?;
            let mut meta = Vec::new();
            if let Some(origin) = origin {
                check_text(origin, &format!("machine origin of {}", u.id))?;
                meta.push(MetaOut::Prop {
                    kind: ORIGIN_PROP,
                    lang: None,
                    text: origin,
                });
            }
            variants.push(TuvOut {
                attrs: vec![("xml:lang", lang.as_str())],
                meta,
                seg: text,
            });
        }
        Ok(TuOut {
            attrs: vec![("tuid", u.id.as_str())],
            meta: meta
                .iter()
                .map(|(k, v)| MetaOut::Prop {
                    kind: k,
                    lang: None,
                    text: v,
                })
                .collect(),
            variants,
        })
    });
    write_document(&header, &props, tus)
}

/// Where units added to a TMX document go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Insert {
    /// At this byte offset: after the last element of `<body>`, or right
    /// after `<body>` when it has none.
    At(usize),
    /// `<body/>` at this span: it becomes `<body>`, the units, `</body>`.
    EmptyBody(Range<usize>),
}

/// What [`read_units`] learns about a document besides its units.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// The `<header>` element (its props, notes and `<ude>` as a tree).
    pub header: Element,
    /// Where new units go.
    pub insert: Insert,
    /// An element around the units (`<tmx>`, `<body>`) declares a namespace,
    /// so a unit's bytes do not read the same out of the document.
    pub namespaced: bool,
}

/// What [`read_units`] hands each unit to: the header, the `<tu>`, its byte
/// span and its 1-based number.
pub(crate) type UnitSink<'s> = dyn FnMut(&Element, Element, Range<usize>, usize) -> Result<()> + 's;

/// The most elements one `<tu>` (or the header) may hold.
const MAX_UNIT_ELEMENTS: usize = MAX_ELEMENTS;

/// Reads a TMX document (decoded `text`) unit by unit: `unit` receives the
/// header, each `<tu>` directly in `<body>` with its byte span in `text`,
/// and its 1-based number. Only one unit is held at a time. `max_bytes`
/// bounds the text (a memory may be larger than an export file).
pub(crate) fn read_units(
    text: &str,
    path: &Path,
    max_bytes: usize,
    unit: &mut UnitSink<'_>,
) -> Result<Layout> {
    let mut header: Option<Element> = None;
    let mut body: Option<Range<usize>> = None;
    let mut last_child_end: Option<usize> = None;
    let mut number = 0usize;
    let mut namespaced = false;
    let root = parse_split(
        text,
        path,
        max_bytes,
        MAX_UNIT_ELEMENTS,
        &mut |ancestors, el, span| {
            let in_tmx = ancestors
                .first()
                .is_some_and(|r| r.name == "tmx" && r.ns.is_none());
            if !in_tmx || el.ns.is_some() {
                return Ok(Some(el));
            }
            match (ancestors.len(), el.name.as_str()) {
                (1, "header") if header.is_none() => {
                    header = Some(el);
                    Ok(None)
                }
                (1, "body") if body.is_none() => {
                    body = Some(span);
                    Ok(None)
                }
                (2, name) if ancestors[1].name == "body" => {
                    last_child_end = Some(span.end);
                    if name == "tu" {
                        number += 1;
                        if number == 1 {
                            namespaced = ancestors.iter().any(|a| {
                                a.attrs
                                    .iter()
                                    .any(|(k, _)| k == "xmlns" || k.starts_with("xmlns:"))
                            });
                        }
                        let Some(h) = &header else {
                            return Err(invalid(path, "TMX without <header> before <body>"));
                        };
                        unit(h, el, span, number)?;
                    }
                    Ok(None)
                }
                _ => Ok(Some(el)),
            }
        },
    )?;
    if root.name != "tmx" || root.ns.is_some() {
        return Err(invalid(
            path,
            format!(
                "root element <{}> is not <tmx>: not a TMX document",
                root.name
            ),
        ));
    }
    let Some(header) = header else {
        return Err(invalid(path, "TMX without <header>"));
    };
    let Some(body) = body else {
        return Err(invalid(path, "TMX without <body>"));
    };
    let raw = &text[body.clone()];
    let insert = if raw.ends_with("/>") {
        Insert::EmptyBody(body)
    } else {
        match last_child_end {
            Some(end) => Insert::At(end),
            // `<body>` then white space then `</body>`: right after the start tag.
            None => Insert::At(body.start + raw.find('>').map_or(0, |i| i + 1)),
        }
    };
    Ok(Layout {
        header,
        insert,
        namespaced,
    })
}

/// Writes one bilingual TMX export file: each unit with its source and,
/// where the unit has one, its target variant.
pub(crate) fn write_export(render: &Render<'_>) -> Result<Vec<u8>> {
    let rows: Vec<TmxUnit> = render
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| TmxUnit {
            unit: u,
            targets: match initial_target(render.mode, u, render.aids.get(i)) {
                Some(t) => vec![(render.target.clone(), t.to_string())],
                None => vec![],
            },
            machine: render.aids.get(i).and_then(Aids::machine),
        })
        .collect();
    write(&[(render.source, &rows)], render.units.len())
}

/// Whether decoded text is a TMX document (its first element is `<tmx>`),
/// judged from the prolog alone.
pub(crate) fn looks_like_tmx(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{FEFF}');
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            match r.find("?>") {
                Some(i) => rest = &r[i + 2..],
                None => return false,
            }
        } else if let Some(r) = rest.strip_prefix("<!--") {
            match r.find("-->") {
                Some(i) => rest = &r[i + 3..],
                None => return false,
            }
        } else if let Some(r) = rest.strip_prefix("<!") {
            match r.find('>') {
                Some(i) => rest = &r[i + 1..],
                None => return false,
            }
        } else {
            return rest.strip_prefix("<tmx").is_some_and(|r| {
                r.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
            });
        }
    }
}

/// Reads a TMX document: one [`UnitFile`] per target language, holding the
/// units that have a variant in that language (so a file whose units each
/// carry another language costs units + languages, not their product).
///
/// A `<tu>` without `tuid` (a CAT tool's memory, e.g. OmegaT's project TMX
/// or po2tmx) gets an empty id: merge matches it to the export's units by
/// its source text, which needs a reference (`brief merge --reference`).
pub(crate) fn read_text(text: &str, path: &Path) -> Result<Vec<UnitFile>> {
    let mut warnings = Vec::new();
    let mut source_lang: Option<String> = None;
    let mut by_lang: BTreeMap<String, Vec<Unit>> = BTreeMap::new();
    read_units(text, path, MAX_INPUT_BYTES, &mut |header, tu, _, n| {
        let source_lang = match &source_lang {
            Some(s) => s.clone(),
            None => {
                let s = required_tag(header, "srclang", path, &mut warnings)?;
                source_lang = Some(s.clone());
                s
            }
        };
        read_tu(&tu, n, &source_lang, path, &mut warnings, &mut by_lang)
    })
    .and_then(|layout| match &source_lang {
        Some(s) => Ok(s.clone()),
        None => required_tag(&layout.header, "srclang", path, &mut warnings),
    })
    .and_then(|source_lang| {
        if by_lang.is_empty() {
            return Err(invalid(path, "TMX without any target-language variant"));
        }
        let mut files: Vec<UnitFile> = std::mem::take(&mut by_lang)
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
        files[0].warnings = std::mem::take(&mut warnings);
        Ok(files)
    })
}

fn read_tu(
    tu: &Element,
    n: usize,
    source_lang: &str,
    path: &Path,
    warnings: &mut Vec<String>,
    by_lang: &mut BTreeMap<String, Vec<Unit>>,
) -> Result<()> {
    let id = tu.attr("tuid").unwrap_or("").to_string();
    check_read_text(&id, "id", &id, path)?;
    let name = if id.is_empty() {
        format!("<tu> number {n}")
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
            read_tag(l, &format!("{name}: srclang"), path, warnings)?
        }
        _ => source_lang.to_string(),
    };
    let mut source = None;
    let mut targets: Vec<(String, String, bool)> = Vec::new();
    for tuv in inline::children(tu, None, "tuv") {
        let Some(lang) = tuv.attr("xml:lang").or_else(|| tuv.attr("lang")) else {
            return Err(invalid(path, format!("{name}: <tuv> without xml:lang")));
        };
        let lang = read_tag(lang, &format!("{name}: xml:lang"), path, warnings)?;
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
        } else if !targets.iter().any(|(l, t, _)| *l == lang && *t == text) {
            // brief translate's mark: a machine's, until a translator
            // removes the prop.
            let machine = inline::children(tuv, None, "prop").any(|p| {
                p.attr("type") == Some(ORIGIN_PROP) && p.text().trim_start().starts_with("mt:")
            });
            targets.push((lang, text, machine));
        }
    }
    let Some(source) = source else {
        return Err(invalid(path, format!("{name} has no {tu_source} variant")));
    };
    unit.source = source;
    for (lang, text, machine) in targets {
        let mut u = unit.clone();
        u.target = Some(text);
        if machine {
            u.state = super::TargetState::Machine;
        }
        check_unit(&u, path)?;
        by_lang.entry(lang).or_default().push(u);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cat_tool_memory_without_tuid_is_read_with_empty_ids() {
        // OmegaT's project memory: TMX 1.1, lang= instead of xml:lang.
        let xml = r#"<tmx version="1.1"><header srclang="EN" segtype="sentence" o-tmf="OmegaT" adminlang="EN-US" datatype="plaintext" creationtool="OmegaT" creationtoolversion="3.6"/><body>
<tu><tuv lang="EN"><seg>One.</seg></tuv><tuv lang="FA"><seg>یک <ph x="1">&lt;br/&gt;</ph></seg></tuv></tu></body></tmx>"#;
        let files = read_text(xml, Path::new("t.tmx")).unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].source_lang, "en");
        assert_eq!(files[0].target_lang, "fa");
        assert_eq!(files[0].units[0].id, "");
        assert_eq!(files[0].units[0].target.as_deref(), Some("یک "));
    }
}
