//! A memory read for lookups only ([`super::Memory::read_file_for_lookups`]):
//! per unit, where it is in the file and what its variants are, instead of
//! a tree of owned strings per unit.
//!
//! A segment's text (inline codes left out) is nearly always a run of the
//! file's own bytes; it is then kept as that range, and only the rest (text
//! with references or markup) is copied. A unit's attributes, notes and
//! props are not kept: a match reads the unit again from its bytes, with
//! the reader that read it the first time. The file was checked as a whole
//! before, and a unit read alone reads the same when no enclosing element
//! declares a namespace, which [`super::read::scan_tmx`] reports so that
//! such a file is read whole.
//!
//! The file's text itself is not kept either when the file is a regular
//! UTF-8 file ([`Source::File`]): the file stays open, and the index of a
//! language reads that language's texts from it (the other languages'
//! texts are never in memory), a match its unit. A file changed in place
//! after it was read (its size or modification time) is not read again:
//! the lookup that needed it finds nothing, and the change is kept for
//! [`Compact::unchanged`] to report as an error naming the file (a lookup
//! cannot fail; the caller asks once its lookups are done).

use std::collections::HashMap;
use std::fs::File;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use super::{Entry, read, text};
use crate::error::{Error, Result};
use crate::formats::xml::{Element, Node};

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
    /// Its text is blank ([`text::is_blank`]).
    blank: bool,
}

/// Where the file's text is.
#[derive(Debug)]
pub(super) enum Source {
    /// In memory, decoded.
    Text(String),
    /// In the open file, at the text's offset plus `shift` (a UTF-8
    /// byte-order mark), as long as its size and modification time are
    /// `stamp`.
    File {
        file: File,
        shift: u64,
        stamp: (u64, Option<SystemTime>),
    },
}

/// The size and modification time of an open file.
pub(super) fn stamp(file: &File) -> std::io::Result<(u64, Option<SystemTime>)> {
    let meta = file.metadata()?;
    Ok((meta.len(), meta.modified().ok()))
}

/// Texts of one language read for an index: item `i`'s text is
/// `text[ends[i - 1]..ends[i]]`.
#[derive(Debug, Clone, Default)]
pub(super) struct Loaded {
    text: String,
    ends: Vec<u32>,
}

impl Loaded {
    pub(super) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }
}

#[cfg(unix)]
fn read_at(file: &File, into: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, into, at)
}

/// Elsewhere [`Source::File`] is never made (see `super::same_file`).
#[cfg(not(unix))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::Error::other("reading at an offset"))
}

/// Bytes read from the file at once when loading texts.
const CHUNK: usize = 1 << 20;

/// See the [module documentation](self).
#[derive(Debug)]
pub(super) struct Compact {
    /// The file's text.
    source: Source,
    file: Arc<Path>,
    units: Vec<UnitAt>,
    variants: Vec<VariantAt>,
    /// Language keys by tag id (tags as written that share a key share an id).
    keys: Vec<Arc<str>>,
    /// Texts that are not a run of the file's bytes.
    arena: String,
    /// How many segments hold inline markup.
    with_markup: usize,
    /// Why the file could not be read again, if it could not (the first
    /// time): see [`Compact::unchanged`].
    failed: OnceLock<String>,
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
                source: Source::Text(String::new()),
                file,
                units: Vec::new(),
                variants: Vec::new(),
                keys: Vec::new(),
                arena: String::new(),
                with_markup: 0,
                failed: OnceLock::new(),
            },
            ids: HashMap::new(),
        }
    }

    /// Records unit `number`, the `<tu>` element `tu` read from `raw` (its
    /// bytes, at `span` of the text), with the checks and errors of
    /// [`read::each_tuv`] but without making an [`Entry`] of it: a
    /// segment's text without markup is borrowed from the element.
    pub(super) fn add_tu(
        &mut self,
        tu: &Element,
        number: usize,
        tags: &mut read::Tags,
        path: &Path,
        raw: &str,
        span: Range<usize>,
    ) -> Result<()> {
        self.compact.units.push(UnitAt {
            start: offset(span.start),
            end: offset(span.end),
            first_variant: offset(self.compact.variants.len()),
        });
        let mut copy = String::new();
        // Where the next variant's text is looked for first: after the
        // text of the one before (they come in order).
        let mut from = 0;
        read::each_tuv(tu, number, tags, path, &mut |_, _, key, seg| {
            let (text, markup) = match seg.children.as_slice() {
                [] => ("", 0),
                [Node::Text(t)] => (t.as_str(), 0),
                _ => {
                    let (t, markup) = text::seg_text(seg);
                    copy = t;
                    (copy.as_str(), markup)
                }
            };
            let run = self.push_variant(&key, text, markup, (raw, from), span.start);
            from = run.unwrap_or(from);
        })?;
        Ok(())
    }

    /// Records a variant of the unit last recorded, whose bytes `raw` are
    /// at `start` of the text, its text looked for after `raw.1` first.
    /// Returns where its text ends in `raw` if it is a run of it.
    fn push_variant(
        &mut self,
        key: &Arc<str>,
        text: &str,
        markup: usize,
        (raw, from): (&str, usize),
        start: usize,
    ) -> Option<usize> {
        let c = &mut self.compact;
        let tag = match self.ids.get(&**key) {
            Some(&id) => id,
            None => {
                let id = offset(c.keys.len());
                c.keys.push(Arc::clone(key));
                self.ids.insert(Arc::clone(key), id);
                id
            }
        };
        if markup > 0 {
            c.with_markup += 1;
        }
        let blank = text::is_blank(text);
        let run = find_run(raw, text, from);
        let variant = match run {
            Some(i) => VariantAt {
                at: offset(start + i),
                len: offset(text.len()),
                tag,
                arena: false,
                blank,
            },
            None => {
                let at = offset(c.arena.len());
                c.arena.push_str(text);
                VariantAt {
                    at,
                    len: offset(text.len()),
                    tag,
                    arena: true,
                    blank,
                }
            }
        };
        c.variants.push(variant);
        run.map(|i| i + text.len())
    }

    /// The memory, with the file's text (`source`) the units were read from.
    pub(super) fn finish(mut self, source: Source) -> Compact {
        let c = &mut self.compact;
        c.source = source;
        c.units.shrink_to_fit();
        c.variants.shrink_to_fit();
        c.arena.shrink_to_fit();
        self.compact
    }
}

/// Where `text` is in `raw`, if anywhere: first right after a `>` (where
/// a `<seg>`'s text begins) from byte `from` on, which spares building a
/// searcher per text and going over the tags of the variants before.
fn find_run(raw: &str, text: &str, from: usize) -> Option<usize> {
    let bytes = raw.as_bytes();
    let wanted = text.as_bytes();
    let mut at = from.min(bytes.len());
    while let Some(i) = bytes[at..].iter().position(|&b| b == b'>') {
        at += i + 1;
        let rest = &bytes[at..];
        if wanted.first().is_none_or(|b| rest.first() == Some(b)) && rest.starts_with(wanted) {
            return Some(at);
        }
    }
    raw.find(text)
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

    /// The text of `v`, if it is in memory.
    fn text_of(&self, v: &VariantAt) -> Option<&str> {
        let range = v.at as usize..(v.at + v.len) as usize;
        match &self.source {
            _ if v.arena => Some(&self.arena[range]),
            Source::Text(text) => Some(&text[range]),
            Source::File { .. } => None,
        }
    }

    /// Calls `f` with each variant of `unit`: its number in the unit, its
    /// language key and whether its text is blank.
    pub(super) fn visit<'a>(&'a self, unit: usize, f: &mut dyn FnMut(usize, &'a str, bool)) {
        for (n, v) in self.variants[self.variant_range(unit)].iter().enumerate() {
            f(n, &self.keys[v.tag as usize], v.blank);
        }
    }

    /// The text of variant `variant` of `unit`, if it is in memory (see
    /// [`Compact::load`]).
    pub(super) fn text(&self, unit: usize, variant: usize) -> Option<&str> {
        let range = self.variant_range(unit);
        self.text_of(&self.variants[range.start + variant])
    }

    /// Bytes `range` of the text, read from the file; fails when the file
    /// changed since it was read (and records why, see
    /// [`Compact::unchanged`]).
    fn read_file(&self, range: Range<usize>, into: &mut Vec<u8>) -> Result<()> {
        let Source::File {
            file,
            shift,
            stamp: when_read,
        } = &self.source
        else {
            into.clear();
            return Ok(());
        };
        let now = stamp(file).map_err(|e| self.fail(e.to_string()))?;
        if now != *when_read {
            return Err(self.fail(format!(
                "changed while it was read ({} bytes when it was read, {} now); \
                 read it again when it is complete",
                when_read.0, now.0
            )));
        }
        into.resize(range.len(), 0);
        read_at(file, into, range.start as u64 + shift).map_err(|e| self.fail(e.to_string()))
    }

    /// The error for `message` about the file, recorded as the first
    /// failure unless one was recorded before.
    fn fail(&self, message: String) -> Error {
        let first = self.failed.get_or_init(|| message.clone());
        Error::Input {
            path: self.file.to_path_buf(),
            message: first.clone(),
        }
    }

    /// Bytes read again that are no longer UTF-8: the file changed.
    fn not_utf8(&self) -> Error {
        self.fail(
            "changed while it was read (bytes read again are not UTF-8); \
             read it again when it is complete"
                .into(),
        )
    }

    /// Fails, naming the file, when a lookup could not read the file again
    /// (it changed in place while it was open, or reading it failed): that
    /// lookup found nothing, which is not what the memory holds.
    pub(super) fn unchanged(&self) -> Result<()> {
        match self.failed.get() {
            Some(message) => Err(Error::Input {
                path: self.file.to_path_buf(),
                message: message.clone(),
            }),
            None => Ok(()),
        }
    }

    /// The texts of `wanted` (unit, variant) pairs, in that order, read
    /// from the file for those not in memory (`wanted` in file order reads
    /// it once, a chunk at a time). `None` when every text is in memory.
    pub(super) fn load(&self, wanted: &[(u32, u32)]) -> Result<Option<Loaded>> {
        if matches!(self.source, Source::Text(_)) {
            return Ok(None);
        }
        let mut loaded = Loaded::default();
        loaded.ends.reserve_exact(wanted.len());
        let total: usize = wanted
            .iter()
            .map(|&(u, v)| {
                self.variants[self.variant_range(u as usize).start + v as usize].len as usize
            })
            .sum();
        loaded.text.reserve_exact(total);
        let mut chunk: Vec<u8> = Vec::new();
        let mut chunk_at = 0usize;
        for &(unit, variant) in wanted {
            let range = self.variant_range(unit as usize);
            let v = &self.variants[range.start + variant as usize];
            if let Some(t) = self.text_of(v) {
                loaded.text.push_str(t);
            } else {
                let (at, end) = (v.at as usize, (v.at + v.len) as usize);
                if at < chunk_at || end > chunk_at + chunk.len() {
                    chunk_at = at;
                    let file_end = self.units.last().map_or(end, |u| u.end as usize);
                    self.read_file(at..file_end.min(at + CHUNK).max(end), &mut chunk)?;
                }
                let bytes = &chunk[at - chunk_at..end - chunk_at];
                let t = std::str::from_utf8(bytes).map_err(|_| self.not_utf8())?;
                loaded.text.push_str(t);
            }
            loaded.ends.push(offset(loaded.text.len()));
        }
        Ok(Some(loaded))
    }

    /// The language keys, in order of first appearance.
    pub(super) fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|k| &**k)
    }

    /// The unit, read again from its bytes (as it was read the first time).
    pub(super) fn entry(&self, unit: usize) -> Result<Entry> {
        let u = self.units[unit];
        let range = u.start as usize..u.end as usize;
        let again = |raw: &str| {
            super::read::read_unit(raw, unit + 1, &self.file).map_err(|e| {
                self.fail(format!(
                    "changed while it was read (<tu> {} reads differently now: {e}); \
                     read it again when it is complete",
                    unit + 1
                ))
            })
        };
        if let Source::Text(text) = &self.source {
            return again(&text[range]);
        }
        let mut bytes = Vec::new();
        self.read_file(range, &mut bytes)?;
        let raw = String::from_utf8(bytes).map_err(|_| self.not_utf8())?;
        again(&raw)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Memory;
    use super::Source;
    use std::io::Write;

    const MEMORY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>
<tu tuid="a" creationdate="20260101T000000Z"><prop type="x-brief-export">e1</prop><tuv xml:lang="en"><seg>Fish &amp; chips.</seg></tuv><tuv xml:lang="FA"><seg>ماهی</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Enter<ept i="1">&lt;/b&gt;</ept> now.</seg></tuv><tuv lang="fa-IR"><seg>اینتر</seg></tuv></tu>
</body></tmx>"#;

    #[test]
    fn texts_are_runs_of_the_file_or_copies_and_units_read_again_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.tmx");
        // With a byte-order mark: the file's offsets are the text's plus 3.
        std::fs::write(&path, format!("\u{FEFF}{MEMORY}")).unwrap();
        let full = Memory::read_file(&path).unwrap();
        let compact = Memory::read_file_for_lookups(&path).unwrap();
        let c = compact.compact.as_deref().expect("read compact");
        assert!(matches!(c.source, Source::File { shift: 3, .. }));
        assert_eq!(c.len(), 2);
        // `&amp;` and the codes make copies; the rest are runs of the file.
        assert_eq!(c.arena, "Fish & chips.Press Enter now.");
        assert_eq!(c.text(0, 0), Some("Fish & chips."));
        assert_eq!(c.text(0, 1), None);
        assert_eq!(c.segments_with_markup(), 1);
        assert_eq!(c.keys().collect::<Vec<_>>(), ["en", "fa", "fa-ir"]);
        let mut wanted = Vec::new();
        for (i, e) in full.entries.iter().enumerate() {
            let mut again = c.entry(i).unwrap();
            again.span = e.span.clone();
            assert_eq!(&again, e);
            wanted.extend((0..e.variants.len()).map(|j| (i as u32, j as u32)));
        }
        let loaded = c.load(&wanted).unwrap().unwrap();
        for (k, &(i, j)) in wanted.iter().enumerate() {
            assert_eq!(
                loaded.get(k),
                full.entries[i as usize].variants[j as usize].text
            );
        }
        for q in ["Fish & chips.", "Press Enter now.", "Press Enter today."] {
            assert_eq!(compact.lookup(q, "en", "fa"), full.lookup(q, "en", "fa"));
            assert_eq!(
                compact.lookup(q, "en", "fa").exact.is_some(),
                q != "Press Enter today."
            );
        }
        assert_eq!(compact.segments_with_markup(), full.segments_with_markup());
    }

    #[test]
    fn a_file_changed_in_place_while_open_is_an_error_naming_it_not_silence() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.tmx");
        std::fs::write(&path, MEMORY).unwrap();
        let before_index = Memory::read_file_for_lookups(&path).unwrap();
        let after_index = Memory::read_file_for_lookups(&path).unwrap();
        let untouched = Memory::read_file_for_lookups(&path).unwrap();
        assert!(
            after_index
                .lookup("Fish & chips.", "en", "fa")
                .exact
                .is_some()
        );
        after_index.check_unchanged().unwrap();
        // Rewritten in place (same inode), not replaced.
        let changed = MEMORY.replace("ماهی", "ماهی ماهی");
        std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&path)
            .unwrap()
            .write_all(changed.as_bytes())
            .unwrap();
        // The index read after the change, and a match read after it.
        for m in [&before_index, &after_index] {
            assert_eq!(m.lookup("Fish & chips.", "en", "fa").exact, None);
            let err = m.check_unchanged().unwrap_err();
            assert!(matches!(err, crate::error::Error::Input { .. }), "{err:?}");
            let err = err.to_string();
            assert!(err.contains("m.tmx"), "{err}");
            assert!(err.contains("changed while it was read"), "{err}");
            assert!(
                err.contains(&format!("{} bytes when", MEMORY.len())),
                "{err}"
            );
        }
        // No lookup read the file: nothing was missed.
        untouched.check_unchanged().unwrap();
    }

    #[test]
    fn a_unit_that_reads_differently_again_is_an_error_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.tmx");
        std::fs::write(&path, MEMORY).unwrap();
        let m = Memory::read_file_for_lookups(&path).unwrap();
        let c = m.compact.as_deref().unwrap();
        assert!(c.entry(0).is_ok());
        c.unchanged().unwrap();
        // Same size and modification time, other bytes: the unit's
        // `<tuv>` loses its language.
        let meta = std::fs::metadata(&path).unwrap();
        let changed = MEMORY.replacen(r#"<tuv xml:lang="en">"#, r#"<tuv xml:lxxx="en">"#, 1);
        assert_eq!(changed.len(), MEMORY.len());
        let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        (&file).write_all(changed.as_bytes()).unwrap();
        file.set_modified(meta.modified().unwrap()).unwrap();
        drop(file);
        let err = c.entry(0).unwrap_err().to_string();
        assert!(err.contains("<tu> 1 reads differently now"), "{err}");
        let again = m.check_unchanged().unwrap_err().to_string();
        assert_eq!(again, err);
    }

    #[test]
    fn memories_not_in_a_regular_file_keep_their_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.tmx");
        let utf16: Vec<u8> = std::iter::once(0xFEFFu16)
            .chain(MEMORY.encode_utf16())
            .flat_map(u16::to_le_bytes)
            .collect();
        std::fs::write(&path, utf16).unwrap();
        let m = Memory::read_file_for_lookups(&path).unwrap();
        assert!(matches!(
            m.compact.as_deref().unwrap().source,
            Source::Text(_)
        ));
        let hit = m.lookup("Press Enter now.", "en", "fa").exact.unwrap();
        assert_eq!(hit.target, "اینتر");
        assert_eq!(hit.origin.unit, Some(2));
    }

    #[test]
    fn runs_are_found_after_a_tag_or_anywhere() {
        use super::find_run;
        let raw = "<tu><tuv><seg>ab</seg></tuv><tuv><seg>b</seg></tuv></tu>";
        assert_eq!(find_run(raw, "b", 0), Some(38));
        assert_eq!(find_run(raw, "ab", 0), Some(14));
        // After the text before: there first, else anywhere.
        assert_eq!(find_run(raw, "b", 16), Some(38));
        assert_eq!(find_run(raw, "ab", 16), Some(14));
        assert_eq!(find_run(raw, "b", 1000), Some(15));
        // Not after a tag: found anywhere.
        assert_eq!(find_run(raw, "b</seg></tuv><tuv>", 0), Some(15));
        assert_eq!(find_run(raw, "a b", 0), None);
        assert_eq!(find_run(raw, "", 0), Some(4));
        assert_eq!(find_run(raw, "", 16), Some(22));
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
