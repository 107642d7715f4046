//! A memory read for lookups only ([`super::Memory::read_file_for_lookups`]):
//! the file's text and, per unit, where it is and what its variants are,
//! instead of a tree of owned strings per unit.
//!
//! A segment's text (inline codes left out) is nearly always a run of the
//! file's own bytes; it is then kept as that range of the file's text, and
//! only the rest (text with references or markup) is copied. A unit's
//! attributes, notes and props are not kept: a match reads the unit again
//! from its bytes, with the reader that read it the first time. The file
//! was checked as a whole before, and a unit read alone reads the same
//! when no enclosing element declares a namespace, which
//! [`super::read::scan_tmx`] reports so that such a file is read whole.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::Entry;
use crate::error::Result;

/// One `<tu>`: its bytes in the text and where its variants begin.
#[derive(Debug, Clone, Copy)]
struct UnitAt {
    start: u32,
    end: u32,
    first_variant: u32,
}

/// One `<tuv>`: its language tag's id and its text, in the file's text or
/// (`arena`) in [`Compact::arena`].
#[derive(Debug, Clone, Copy)]
struct VariantAt {
    at: u32,
    len: u32,
    tag: u32,
    arena: bool,
}

/// See the [module documentation](self).
#[derive(Debug)]
pub(super) struct Compact {
    /// The file's decoded text.
    text: String,
    file: Arc<Path>,
    units: Vec<UnitAt>,
    variants: Vec<VariantAt>,
    /// Language keys by tag id (tags as written that share a key share an id).
    keys: Vec<Arc<str>>,
    /// Texts that are not a run of the file's bytes.
    arena: String,
    /// How many segments hold inline markup.
    with_markup: usize,
}

/// Builds a [`Compact`] unit by unit while the file is read.
pub(super) struct Builder {
    compact: Compact,
    ids: HashMap<Arc<str>, u32>,
}

impl Builder {
    pub(super) fn new(file: Arc<Path>) -> Builder {
        Builder {
            compact: Compact {
                text: String::new(),
                file,
                units: Vec::new(),
                variants: Vec::new(),
                keys: Vec::new(),
                arena: String::new(),
                with_markup: 0,
            },
            ids: HashMap::new(),
        }
    }

    /// Records `entry`, read from `raw` (its bytes, at `span` of the text).
    pub(super) fn add(&mut self, entry: &Entry, raw: &str, span: Range<usize>) {
        let c = &mut self.compact;
        c.units.push(UnitAt {
            start: offset(span.start),
            end: offset(span.end),
            first_variant: offset(c.variants.len()),
        });
        for v in &entry.variants {
            let tag = match self.ids.get(&*v.lang_key) {
                Some(&id) => id,
                None => {
                    let id = offset(c.keys.len());
                    c.keys.push(Arc::clone(&v.lang_key));
                    self.ids.insert(Arc::clone(&v.lang_key), id);
                    id
                }
            };
            if v.markup > 0 {
                c.with_markup += 1;
            }
            let variant = match raw.find(v.text.as_str()) {
                Some(i) => VariantAt {
                    at: offset(span.start + i),
                    len: offset(v.text.len()),
                    tag,
                    arena: false,
                },
                None => {
                    let at = offset(c.arena.len());
                    c.arena.push_str(&v.text);
                    VariantAt {
                        at,
                        len: offset(v.text.len()),
                        tag,
                        arena: true,
                    }
                }
            };
            c.variants.push(variant);
        }
    }

    /// The memory, with the file's `text` the units were read from.
    pub(super) fn finish(mut self, text: String) -> Compact {
        let c = &mut self.compact;
        c.text = text;
        c.units.shrink_to_fit();
        c.variants.shrink_to_fit();
        c.arena.shrink_to_fit();
        self.compact
    }
}

/// An offset or count as stored: memory files are at most
/// [`super::MAX_MEMORY_BYTES`] (1 GiB), so every offset fits.
fn offset(n: usize) -> u32 {
    const _: () = assert!(super::MAX_MEMORY_BYTES <= u32::MAX as usize);
    n as u32
}

impl Compact {
    pub(super) fn len(&self) -> usize {
        self.units.len()
    }

    pub(super) fn segments_with_markup(&self) -> usize {
        self.with_markup
    }

    fn variant_range(&self, unit: usize) -> Range<usize> {
        let first = self.units[unit].first_variant as usize;
        let end = self
            .units
            .get(unit + 1)
            .map_or(self.variants.len(), |u| u.first_variant as usize);
        first..end
    }

    fn text_of(&self, v: &VariantAt) -> &str {
        let range = v.at as usize..(v.at + v.len) as usize;
        if v.arena {
            &self.arena[range]
        } else {
            &self.text[range]
        }
    }

    /// Calls `f` with each variant of `unit`: its number in the unit, its
    /// language key and its text.
    pub(super) fn visit<'a>(&'a self, unit: usize, f: &mut dyn FnMut(usize, &'a str, &'a str)) {
        for (n, v) in self.variants[self.variant_range(unit)].iter().enumerate() {
            f(n, &self.keys[v.tag as usize], self.text_of(v));
        }
    }

    /// The text of variant `variant` of `unit`.
    pub(super) fn text(&self, unit: usize, variant: usize) -> &str {
        let range = self.variant_range(unit);
        self.text_of(&self.variants[range.start + variant])
    }

    /// The language keys, in order of first appearance.
    pub(super) fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|k| &**k)
    }

    /// The unit, read again from its bytes (as it was read the first time).
    pub(super) fn entry(&self, unit: usize) -> Result<Entry> {
        let u = self.units[unit];
        let raw = &self.text[u.start as usize..u.end as usize];
        super::read::read_unit(raw, unit + 1, &self.file)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Memory;

    const MEMORY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>
<tu tuid="a" creationdate="20260101T000000Z"><prop type="x-brief-export">e1</prop><tuv xml:lang="en"><seg>Fish &amp; chips.</seg></tuv><tuv xml:lang="FA"><seg>ماهی</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Enter<ept i="1">&lt;/b&gt;</ept> now.</seg></tuv><tuv lang="fa-IR"><seg>اینتر</seg></tuv></tu>
</body></tmx>"#;

    #[test]
    fn texts_are_runs_of_the_file_or_copies_and_units_read_again_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.tmx");
        std::fs::write(&path, MEMORY).unwrap();
        let full = Memory::read_file(&path).unwrap();
        let compact = Memory::read_file_for_lookups(&path).unwrap();
        let c = compact.compact.as_deref().expect("read compact");
        assert_eq!(c.len(), 2);
        // `&amp;` and the codes make copies; the rest are runs of the file.
        assert_eq!(c.arena, "Fish & chips.Press Enter now.");
        assert_eq!(c.segments_with_markup(), 1);
        assert_eq!(c.keys().collect::<Vec<_>>(), ["en", "fa", "fa-ir"]);
        for (i, e) in full.entries.iter().enumerate() {
            let mut again = c.entry(i).unwrap();
            again.span = e.span.clone();
            assert_eq!(&again, e);
            for (j, v) in e.variants.iter().enumerate() {
                assert_eq!(c.text(i, j), v.text);
            }
        }
        for q in ["Fish & chips.", "Press Enter now.", "Press Enter today."] {
            assert_eq!(compact.lookup(q, "en", "fa"), full.lookup(q, "en", "fa"));
        }
        assert_eq!(compact.segments_with_markup(), full.segments_with_markup());
    }

    #[test]
    fn a_namespace_declared_around_the_units_reads_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.tmx");
        let xml = MEMORY.replace(
            r#"<tmx version="1.4">"#,
            r#"<tmx version="1.4" xmlns:x="urn:x">"#,
        );
        std::fs::write(&path, xml).unwrap();
        let m = Memory::read_file_for_lookups(&path).unwrap();
        assert!(m.compact.is_none());
        assert_eq!(m.len(), 2);
        assert!(m.to_tmx().is_err());
    }
}
