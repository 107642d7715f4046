//! Reading TMX memories written by any tool.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Attrs, Entry, MAX_MEMORY_BYTES, MAX_UNITS, Meta, Variant, lang, text};
use crate::error::{Error, Result};
use crate::formats::tmx::{self, Insert};
use crate::formats::xml::Element;

/// `<tu>` attributes the DTD defines (others are not kept: writing them
/// would make the file invalid).
const TU_ATTRS: [&str; 14] = [
    "tuid",
    "o-encoding",
    "datatype",
    "usagecount",
    "lastusagedate",
    "creationtool",
    "creationtoolversion",
    "creationdate",
    "creationid",
    "changedate",
    "segtype",
    "changeid",
    "o-tmf",
    "srclang",
];

/// `<tuv>` attributes the DTD defines, the language aside.
const TUV_ATTRS: [&str; 11] = [
    "o-encoding",
    "datatype",
    "usagecount",
    "lastusagedate",
    "creationtool",
    "creationtoolversion",
    "creationdate",
    "creationid",
    "changedate",
    "o-tmf",
    "changeid",
];

const SEGTYPES: [&str; 4] = ["block", "paragraph", "sentence", "phrase"];

fn invalid(path: &Path, message: String) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message,
    }
}

/// Reads a file, refusing it before reading when it is too large.
pub(super) fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    crate::formats::read_limited(path, MAX_MEMORY_BYTES as u64, " as a translation memory")
}

fn too_large(path: &Path) -> Error {
    invalid(
        path,
        format!(
            "larger than {} MiB; refusing to read it as a translation memory",
            MAX_MEMORY_BYTES >> 20
        ),
    )
}

/// A memory file as read: its decoded text, kept so that units brief does
/// not change are written back exactly as they were.
#[derive(Debug)]
pub(super) struct Base {
    /// The decoded text (UTF-8).
    pub text: String,
    /// Where new units go.
    pub insert: Insert,
    /// The file began with a UTF-8 byte-order mark.
    pub bom: bool,
    /// The file was UTF-16 or UTF-32 (written back as UTF-8 it would not be
    /// "as read").
    pub utf16: bool,
}

/// The units of a TMX document, its header's `srclang`, and the document
/// itself for writing back.
pub(super) fn read_tmx(bytes: Vec<u8>, path: &Path) -> Result<(Vec<Entry>, Option<String>, Base)> {
    let mut entries = Vec::new();
    let (srclang, base, _) = scan_tmx(bytes, path, &mut |entry, _, _| {
        entries.push(entry);
        Ok(())
    })?;
    Ok((entries, srclang, base))
}

/// What [`scan_tmx`] hands each unit to: the unit, its bytes and their span
/// in the decoded text.
pub(super) type EntrySink<'s> = dyn FnMut(Entry, &str, Range<usize>) -> Result<()> + 's;

/// Reads a TMX document unit by unit into `sink`; returns the header's
/// `srclang`, the document, and whether an element around the units
/// declares a namespace (see [`crate::formats::tmx::Layout`]).
pub(super) fn scan_tmx(
    bytes: Vec<u8>,
    path: &Path,
    sink: &mut EntrySink<'_>,
) -> Result<(Option<String>, Base, bool)> {
    let file: Arc<Path> = Arc::from(path);
    scan_tus(bytes, path, &mut |tu, number, tags, raw, span| {
        let mut entry = read_tu(tu, number, &file, tags, path)?;
        entry.span = Some(span.clone());
        sink(entry, raw, span)
    })
}

/// What [`scan_tus`] hands each unit to: the `<tu>` element, its 1-based
/// number, the file's language tags, its bytes and their span in the
/// decoded text.
pub(super) type TuSink<'s> =
    dyn FnMut(&Element, usize, &mut Tags, &str, Range<usize>) -> Result<()> + 's;

/// [`scan_tmx`] with each unit handed over as read, not as an [`Entry`]
/// (for a sink that keeps less: see [`each_tuv`]).
pub(super) fn scan_tus(
    bytes: Vec<u8>,
    path: &Path,
    sink: &mut TuSink<'_>,
) -> Result<(Option<String>, Base, bool)> {
    if bytes.len() > MAX_MEMORY_BYTES {
        return Err(too_large(path));
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    // UTF-32LE's mark begins with UTF-16LE's; UTF-32BE's is checked apart.
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || bytes.starts_with(b"\x00\x00\xFE\xFF");
    let text = crate::input::decode(bytes, path)?;
    let mut tags = Tags::default();
    let mut srclang: Option<Option<String>> = None;
    let layout = tmx::read_units(
        &text,
        path,
        MAX_MEMORY_BYTES,
        &mut |header, tu, span, number| {
            if srclang.is_none() {
                srclang = Some(header_srclang(header));
            }
            if number > MAX_UNITS {
                return Err(invalid(
                    path,
                    format!("more than {MAX_UNITS} <tu> units; split the memory"),
                ));
            }
            sink(&tu, number, &mut tags, &text[span.clone()], span)
        },
    )
    .map_err(|e| match e {
        Error::Input { path, message } if message.contains("not a TMX document") => Error::Input {
            path,
            message: message.replace("not a TMX document", "not a translation memory"),
        },
        other => other,
    })?;
    let srclang = srclang.unwrap_or_else(|| header_srclang(&layout.header));
    let base = Base {
        text,
        insert: layout.insert,
        bom,
        utf16,
    };
    Ok((srclang, base, layout.namespaced))
}

/// One unit read alone from its bytes `raw` (a unit [`scan_tmx`] read
/// before, from a document that declares no namespace around its units),
/// numbered `number` in `file`.
pub(super) fn read_unit(raw: &str, number: usize, file: &Arc<Path>) -> Result<Entry> {
    let tu = crate::formats::xml::parse_split(
        raw,
        file,
        MAX_MEMORY_BYTES,
        crate::formats::xml::MAX_ELEMENTS,
        &mut |_, el, _| Ok(Some(el)),
    )?;
    read_tu(&tu, number, file, &mut Tags::default(), file)
}

fn header_srclang(header: &Element) -> Option<String> {
    header
        .attr("srclang")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn unit_name(tu: &Element, number: usize) -> String {
    match tu.attr("tuid") {
        Some(id) => format!("<tu> {number} (tuid {id:?})"),
        None => format!("<tu> {number}"),
    }
}

fn known_attrs(el: &Element, allowed: &[&'static str]) -> Attrs {
    let mut out: Attrs = Vec::new();
    for (k, v) in &el.attrs {
        let Some(&name) = allowed.iter().find(|a| **a == k.as_str()) else {
            continue;
        };
        if out.iter().any(|(seen, _)| *seen == name) {
            continue;
        }
        // segtype is an enumeration in the DTD; anything else would not validate.
        if k == "segtype" && !SEGTYPES.contains(&v.as_str()) {
            continue;
        }
        out.push((name, v.clone()));
    }
    // Kept for the life of the memory: no spare capacity (a unit's `tuid`
    // alone would take four slots).
    out.shrink_to_fit();
    out
}

fn read_meta(el: &Element) -> Vec<Meta> {
    let mut meta: Vec<Meta> = el
        .elements()
        .filter_map(|c| match c.name.as_str() {
            "note" => Some(Meta::Note(c.text())),
            "prop" => Some(Meta::Prop {
                kind: Cow::Owned(c.attr("type").unwrap_or("x-unknown").to_string()),
                lang: c
                    .attr("xml:lang")
                    .or_else(|| c.attr("lang"))
                    .map(str::to_string),
                text: c.text(),
            }),
            _ => None,
        })
        .collect();
    meta.shrink_to_fit();
    meta
}

/// Language tags seen in a file (as written, and as keys), shared.
#[derive(Default)]
pub(super) struct Tags(HashMap<String, (Arc<str>, Arc<str>)>);

impl Tags {
    fn get(&mut self, tag: &str) -> (Arc<str>, Arc<str>) {
        let tag = tag.trim();
        if let Some(pair) = self.0.get(tag) {
            return pair.clone();
        }
        let pair: (Arc<str>, Arc<str>) = (Arc::from(tag), Arc::from(lang::key(tag)));
        self.0.insert(tag.to_string(), pair.clone());
        pair
    }
}

/// Calls `f` with each `<tuv>` of `tu` (unit `number` of `path`): its
/// number, the element, its language tag as written and as a key, and its
/// `<seg>`. Fails, naming the unit, on a `<tuv>` without a language or a
/// `<seg>`, and on a unit without `<tuv>`. Returns how many there are.
pub(super) fn each_tuv<'t>(
    tu: &'t Element,
    number: usize,
    tags: &mut Tags,
    path: &Path,
    f: &mut dyn FnMut(&'t Element, Arc<str>, Arc<str>, &'t Element),
) -> Result<usize> {
    let mut count = 0;
    for (j, tuv) in tu.children_named("tuv").enumerate() {
        let Some(lang) = tuv.attr("xml:lang").or_else(|| tuv.attr("lang")) else {
            return Err(invalid(
                path,
                format!(
                    "{}: <tuv> {} has neither xml:lang nor lang",
                    unit_name(tu, number),
                    j + 1
                ),
            ));
        };
        let (lang, lang_key) = tags.get(lang);
        if lang::primary(&lang_key).is_empty() {
            return Err(invalid(
                path,
                format!(
                    "{}: <tuv> {} has an empty language tag",
                    unit_name(tu, number),
                    j + 1
                ),
            ));
        }
        let Some(seg) = tuv.child("seg") else {
            return Err(invalid(
                path,
                format!(
                    "{}: <tuv xml:lang=\"{lang}\"> has no <seg>",
                    unit_name(tu, number)
                ),
            ));
        };
        f(tuv, lang, lang_key, seg);
        count += 1;
    }
    if count == 0 {
        return Err(invalid(
            path,
            format!("{} has no <tuv>", unit_name(tu, number)),
        ));
    }
    Ok(count)
}

fn read_tu(
    tu: &Element,
    number: usize,
    file: &Arc<Path>,
    tags: &mut Tags,
    path: &Path,
) -> Result<Entry> {
    // Exactly as many as read: a memory holds a great many units.
    let mut variants = Vec::with_capacity(tu.children_named("tuv").count());
    each_tuv(tu, number, tags, path, &mut |tuv, lang, lang_key, seg| {
        let (mut text, markup) = text::seg_text(seg);
        text.shrink_to_fit();
        variants.push(Variant {
            lang,
            lang_key,
            attrs: known_attrs(tuv, &TUV_ATTRS),
            meta: read_meta(tuv),
            text,
            markup,
            edited: false,
        });
    })?;
    Ok(Entry {
        attrs: known_attrs(tu, &TU_ATTRS),
        meta: read_meta(tu),
        read_variants: variants.len(),
        variants,
        from: Some((Arc::clone(file), number)),
        span: None,
        edited: false,
    })
}
