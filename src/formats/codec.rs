//! One codec per file format, behind one trait: how a file in the format
//! is recognised ([`Codec::sniff`]), read ([`Codec::read`]) and written
//! ([`Codec::write`]). The rest of brief reaches a format only through
//! [`codec`] (writing) and [`read_text`] (reading, by content).

use std::path::Path;

use super::xml::{self, Element};
use super::{Format, Render, UnitFile, invalid};
use super::{jsonl, tmx, tsv, xliff2, xliff12};
use crate::error::Result;

/// What a reader looks at to recognise its format.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Sniff<'t> {
    /// The decoded text, leading white space trimmed, before any parsing.
    Text(&'t str),
    /// The root element of a parsed XML document.
    Root(&'t Element),
}

/// A file format's reader and writer.
pub(crate) trait Codec: Sync {
    /// Whether this codec reads what `sniff` shows.
    fn sniff(&self, sniff: Sniff<'_>) -> bool;
    /// The units of `text` (the whole decoded file; `root` is its parsed
    /// XML root where the codec was recognised by it), one [`UnitFile`] per
    /// target language.
    fn read(&self, text: &str, root: Option<&Element>, path: &Path) -> Result<Vec<UnitFile>>;
    /// The bytes of one file.
    fn write(&self, render: &Render<'_>) -> Result<Vec<u8>>;
}

/// XLIFF 2.0 or 2.1: the same reader, the version written.
struct Xliff2(&'static str);

impl Codec for Xliff2 {
    fn sniff(&self, sniff: Sniff<'_>) -> bool {
        matches!(sniff, Sniff::Root(root) if root.name == "xliff"
            && (root.ns.as_deref() == Some(xliff2::NS_CORE)
                || root.attr("version").unwrap_or("").starts_with('2')))
    }

    fn read(&self, text: &str, root: Option<&Element>, path: &Path) -> Result<Vec<UnitFile>> {
        match root {
            Some(root) => xliff2::read(root, path),
            None => xliff2::read(&xml::parse(text, path)?, path),
        }
        .map(|f| vec![f])
    }

    fn write(&self, render: &Render<'_>) -> Result<Vec<u8>> {
        xliff2::write(render, self.0)
    }
}

/// XLIFF 1.2.
struct Xliff12;

impl Codec for Xliff12 {
    fn sniff(&self, sniff: Sniff<'_>) -> bool {
        matches!(sniff, Sniff::Root(root) if root.name == "xliff"
            && (root.ns.as_deref() == Some(xliff12::NS_12)
                || root.attr("version") == Some("1.2")))
    }

    fn read(&self, text: &str, root: Option<&Element>, path: &Path) -> Result<Vec<UnitFile>> {
        match root {
            Some(root) => xliff12::read(root, path),
            None => xliff12::read(&xml::parse(text, path)?, path),
        }
    }

    fn write(&self, render: &Render<'_>) -> Result<Vec<u8>> {
        xliff12::write(render)
    }
}

/// TMX 1.4b: recognised from the prolog alone, so that a memory is never
/// parsed into a tree (its reader streams), or by a `<tmx>` root.
struct Tmx;

impl Codec for Tmx {
    fn sniff(&self, sniff: Sniff<'_>) -> bool {
        match sniff {
            Sniff::Text(start) => tmx::looks_like_tmx(start),
            Sniff::Root(root) => root.name == "tmx",
        }
    }

    fn read(&self, text: &str, _root: Option<&Element>, path: &Path) -> Result<Vec<UnitFile>> {
        tmx::read_text(text, path)
    }

    fn write(&self, render: &Render<'_>) -> Result<Vec<u8>> {
        tmx::write_export(render)
    }
}

/// TSV with brief's header row.
struct Tsv;

impl Codec for Tsv {
    fn sniff(&self, sniff: Sniff<'_>) -> bool {
        matches!(sniff, Sniff::Text(start) if !start.starts_with('<') && {
            let first = start.lines().next().unwrap_or("");
            first.contains('\t') && first.split('\t').any(|c| c == "id")
        })
    }

    fn read(&self, text: &str, _root: Option<&Element>, path: &Path) -> Result<Vec<UnitFile>> {
        tsv::read(text, path)
    }

    fn write(&self, render: &Render<'_>) -> Result<Vec<u8>> {
        tsv::write(render)
    }
}

/// JSON Lines, one object a unit.
struct Jsonl;

impl Codec for Jsonl {
    fn sniff(&self, sniff: Sniff<'_>) -> bool {
        matches!(sniff, Sniff::Text(start) if start.starts_with('{'))
    }

    fn read(&self, text: &str, _root: Option<&Element>, path: &Path) -> Result<Vec<UnitFile>> {
        jsonl::read(text, path)
    }

    fn write(&self, render: &Render<'_>) -> Result<Vec<u8>> {
        jsonl::write(render)
    }
}

/// The codec of `format`.
pub(crate) fn codec(format: Format) -> &'static dyn Codec {
    match format {
        Format::Xliff20 => &Xliff2("2.0"),
        Format::Xliff21 => &Xliff2("2.1"),
        Format::Xliff12 => &Xliff12,
        Format::Tmx => &Tmx,
        Format::Tsv => &Tsv,
        Format::Jsonl => &Jsonl,
    }
}

/// The readers, in the order they are asked: one per format read (XLIFF
/// 2.1 reads as 2.0), XLIFF 2 before 1.2.
const READERS: [&dyn Codec; 5] = [&Tmx, &Xliff2("2.0"), &Xliff12, &Jsonl, &Tsv];

/// What every XLIFF 1.x namespace starts with (the version follows).
const XLIFF_NS_PREFIX: &str = "urn:oasis:names:tc:xliff:document:";

/// The units of a translation file's decoded text, by its format.
pub(crate) fn read_text(text: &str, path: &Path) -> Result<Vec<UnitFile>> {
    let start = text.trim_start();
    if let Some(c) = READERS.iter().find(|c| c.sniff(Sniff::Text(start))) {
        return c.read(text, None, path);
    }
    if !start.starts_with('<') {
        return Err(invalid(
            path,
            "not an XLIFF, TMX, TSV (with brief's header row) or JSONL file",
        ));
    }
    let root = xml::parse(text, path)?;
    if root.name == "xliff" {
        check_xliff_namespace(&root, path)?;
    }
    match READERS.iter().find(|c| c.sniff(Sniff::Root(&root))) {
        Some(c) => c.read(text, Some(&root), path),
        None if root.name == "xliff" => Err(invalid(
            path,
            format!(
                "unsupported XLIFF version {:?}",
                root.attr("version").unwrap_or("")
            ),
        )),
        None => Err(invalid(
            path,
            format!("root element <{}> is neither <xliff> nor <tmx>", root.name),
        )),
    }
}

/// Refuses an `<xliff>` root in a namespace that is not XLIFF 2 or 1.2. No
/// namespace is read by the version; another vocabulary's `<xliff>` is not
/// XLIFF. Other XLIFF versions (1.0, 1.1:
/// `urn:oasis:names:tc:xliff:document:1.1`, as translate-toolkit's po2xliff
/// writes) are XLIFF, just not supported.
fn check_xliff_namespace(root: &Element, path: &Path) -> Result<()> {
    let Some(ns) = root.ns.as_deref() else {
        return Ok(());
    };
    if ns == xliff2::NS_CORE || ns == xliff12::NS_12 {
        return Ok(());
    }
    if let Some(other) = ns.strip_prefix(XLIFF_NS_PREFIX) {
        return Err(invalid(
            path,
            format!(
                "unsupported XLIFF version {:?}",
                other.escape_default().to_string()
            ),
        ));
    }
    Err(invalid(
        path,
        format!(
            "<xliff> in the namespace {:?}, which is not XLIFF's",
            ns.escape_default().to_string()
        ),
    ))
}
