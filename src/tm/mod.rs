//! Translation memory: TMX 1.4b memories from any tool, indexed exact and
//! fuzzy lookups, and updates written back as TMX.
//!
//! A [`Memory`] holds translation units (`<tu>`), each with one variant
//! (`<tuv>`) per language. It has no fixed direction: any variant can be the
//! source of a lookup, so an en→fa memory also answers fa→en, and
//! `srclang="*all*"` needs no special case.
//!
//! - [`Memory::read`] accepts TMX 1.1–1.4b (UTF-8, or UTF-16 with a
//!   byte-order mark), with or without `tuid`, with `xml:lang` or the older
//!   `lang`, and with inline markup in `<seg>`: the text of a segment is its
//!   character data and the text of `<hi>`; codes (`<bpt>`, `<ept>`, `<ph>`,
//!   `<it>`, `<ut>`, and `<sub>` inside them) contribute nothing.
//! - [`Memory::lookup`] finds the exact match (same text after
//!   [`normalize`]) and up to [`MAX_FUZZY`] fuzzy matches scoring at least
//!   [`FUZZY_THRESHOLD`] (word-level edit distance), through an inverted
//!   index built on first use per source language.
//! - [`Memory::update`] adds or updates translations; [`Memory::to_tmx`]
//!   writes the memory as TMX 1.4b.
//!
//! The measures, bounds and choices are described in `docs/tm.md`.
//!
//! ```
//! use brief::tm::{Memory, NewTranslation, TmxDate};
//! let mut memory = Memory::new();
//! let date: TmxDate = "20261201T080000Z".parse().unwrap();
//! let pair = NewTranslation {
//!     source: "The minister arrived in Tehran on Monday.",
//!     source_lang: "en",
//!     target: "وزیر روز دوشنبه وارد تهران شد.",
//!     target_lang: "fa",
//! };
//! memory.update(&[pair], "export-1", &date).unwrap();
//! let found = memory.lookup("The minister  arrived in Tehran on Monday.", "en", "fa-IR");
//! assert_eq!(found.exact.unwrap().target, "وزیر روز دوشنبه وارد تهران شد.");
//! let near = memory.lookup("The minister arrived in Moscow on Monday.", "en", "fa");
//! assert_eq!(near.fuzzy[0].score, 85); // 1 word of 7 differs
//! ```

#![deny(missing_docs)]

mod compact;
mod date;
mod file;
mod index;
mod lang;
mod read;
mod text;
mod update;
mod write;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::error::Result;

pub use date::TmxDate;
pub use file::{MatchStats, PendingUpdate, resolve_link};
pub use text::normalize;
pub use update::ALTERNATIVE_PROP;

/// The lowest fuzzy score (0–100) [`Memory::lookup`] reports.
pub const FUZZY_THRESHOLD: u8 = 75;
/// The most candidates (fuzzy matches and conflicting exact matches) one
/// lookup returns.
pub const MAX_FUZZY: usize = 3;
/// The most `<tu>` elements a memory file may hold.
pub const MAX_UNITS: usize = 1_000_000;
/// The largest memory file read (a million units of news sentences in two
/// languages take about 450 MB). Read as a stream of units, never as one
/// tree.
pub const MAX_MEMORY_BYTES: usize = 1024 * 1024 * 1024;
/// Segments with more words than this get exact matches only (the edit
/// distance costs the product of the two lengths).
pub const MAX_FUZZY_WORDS: usize = 200;
/// The `<prop type>` that records which export produced a translation.
pub const EXPORT_PROP: &str = "x-brief-export";

/// A translation memory. See the [module documentation](self).
#[derive(Clone, Default)]
pub struct Memory {
    entries: Vec<Entry>,
    /// The file the memory was read from, for writing it back with every
    /// unit not changed kept as it was (`None`: a memory that is new).
    base: Option<Arc<read::Base>>,
    /// The header's `srclang` as read, or for a new memory the first
    /// source language recorded: the language a unit without `srclang` of
    /// its own has.
    srclang: Option<String>,
    /// A new memory has sources in another language than `srclang` too:
    /// its header says `*all*` (see [`Memory::header_srclang`]).
    several_sources: bool,
    /// One index per primary language subtag, built on first lookup.
    indexes: BTreeMap<String, OnceLock<index::LangIndex>>,
    /// Read from a file whose text was then dropped ([`Memory::for_lookups`]).
    lookup_only: bool,
    /// Read for lookups only ([`Memory::read_file_for_lookups`]): the units
    /// are here, not in `entries`, until an update or an append needs them.
    compact: Option<Arc<compact::Compact>>,
}

impl fmt::Debug for Memory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Memory")
            .field("units", &self.len())
            .field("srclang", &self.srclang)
            .field("several_sources", &self.several_sources)
            .field("languages", &self.indexes.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// The result of [`Memory::lookup`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Lookup {
    /// The unit whose source is the query after [`normalize`], if any (when
    /// several are, the most recently dated, then the first in the memory).
    pub exact: Option<Match>,
    /// At most [`MAX_FUZZY`] candidates, best first: other exact units with a
    /// different translation (score 100), then fuzzy matches (score
    /// [`FUZZY_THRESHOLD`]..=99). Never to be used as a target unreviewed.
    pub fuzzy: Vec<Match>,
}

/// One unit of the memory that matches a query.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Match {
    /// The memory's source text (the `<seg>` text, inline codes left out).
    pub source: String,
    /// The memory's translation, inline codes left out (see
    /// [`Match::target_markup`]).
    pub target: String,
    /// 100 for an exact match, else `floor(100 × (1 − d / max(n, m)))` for a
    /// word-level edit distance `d` between `n` and `m` words, at most 99.
    pub score: u8,
    /// How many inline elements (`<bpt>`, `<ph>`, `<hi>`, ...) the memory's
    /// target held; their codes are not in [`Match::target`], so a caller
    /// may want a translator to look at such a match before using it.
    pub target_markup: usize,
    /// Where the unit came from.
    pub origin: Origin,
}

/// Where a matching unit came from, for a note to the translator.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Origin {
    /// The memory file, or `None` for a unit added by [`Memory::update`]
    /// and not yet written.
    pub file: Option<PathBuf>,
    /// The 1-based number of the `<tu>` in that file.
    pub unit: Option<usize>,
    /// The unit's `tuid`, if it has one.
    pub tuid: Option<String>,
    /// The language tag of the matched source variant, as written.
    pub source_lang: String,
    /// The language tag of the target variant, as written.
    pub target_lang: String,
    /// `creationdate` of the target variant, else of the unit.
    pub creation_date: Option<String>,
    /// `changedate` of the target variant, else of the unit.
    pub change_date: Option<String>,
    /// `creationid` (the author) of the target variant, else of the unit.
    pub creation_id: Option<String>,
    /// The [`EXPORT_PROP`] of the target variant, else of the unit.
    pub export_id: Option<String>,
}

/// One translation to record with [`Memory::update`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewTranslation<'a> {
    /// The source text, as exported.
    pub source: &'a str,
    /// The source language tag (BCP 47, e.g. `en`).
    pub source_lang: &'a str,
    /// The translation.
    pub target: &'a str,
    /// The target language tag (e.g. `fa`, `ru-RU`).
    pub target_lang: &'a str,
}

/// What [`Memory::update`] did. Each counter counts one kind of thing,
/// which its name says: the `translations_*` counters count the
/// translations given (every one in exactly one of them, so they add up to
/// the number given), the `units_*` counters count `<tu>` elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct UpdateSummary {
    /// Translations recorded as new `<tuv>`s: in a new unit, or a language
    /// a unit did not have.
    pub translations_added: usize,
    /// Translations that replaced a different text of an existing `<tuv>`
    /// (in one unit, or also in alternatives they settle).
    pub translations_replaced: usize,
    /// Translations the memory already held (or that this update gave
    /// before: the same text after [`normalize`]).
    pub translations_unchanged: usize,
    /// Translations not recorded: blank source or target, or a target in
    /// the source's language.
    pub translations_skipped: usize,
    /// Units created: one per new source, and one per alternative
    /// translation of a conflict.
    pub units_added: usize,
    /// Units that existed before the update and were changed (a new or
    /// replaced `<tuv>`), each counted once.
    pub units_updated: usize,
    /// Translations that differ from a translation of the same source into
    /// the same language given earlier in the same update ([`Conflict`]);
    /// each is kept (also counted above).
    pub conflicts: usize,
}

impl UpdateSummary {
    /// Whether the memory changed (a unit added or updated).
    pub fn changed(&self) -> bool {
        self.units_added + self.units_updated > 0
    }
}

/// Two different translations of one source (same language, same text
/// after [`normalize`]) into one language given in one update
/// ([`Memory::update_sets`]): neither is newer, so the memory keeps both —
/// the first in the unit holding the source, the other in a unit of its own
/// marked with [`ALTERNATIVE_PROP`] (unless the memory held it already) —
/// and the caller reports it. A lookup then finds both as exact matches,
/// which an export offers as candidates, neither as the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Conflict {
    /// The first translation given: (set, index in that set) of the
    /// update's sets.
    pub first: (usize, usize),
    /// A later, different translation of the same source into the same
    /// language: (set, index in that set).
    pub other: (usize, usize),
}

/// One `<tu>`.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    /// TMX attributes of `<tu>` in document order (only those the DTD allows).
    attrs: Attrs,
    /// `<note>` and `<prop>` children, in document order.
    meta: Vec<Meta>,
    variants: Vec<Variant>,
    /// How many of `variants` were read from the file (the rest are new).
    read_variants: usize,
    /// Where the unit was read from; not part of its content.
    from: Option<(Arc<Path>, usize)>,
    /// The unit's bytes in the file the memory was read from (`base`).
    span: Option<std::ops::Range<usize>>,
    /// Changed by an update since it was read.
    edited: bool,
}

/// One `<tuv>`.
#[derive(Debug, Clone, PartialEq)]
struct Variant {
    /// The language tag as written (shared by the variants of a file).
    lang: Arc<str>,
    /// The tag lower-cased with `_` as `-`, for comparisons.
    lang_key: Arc<str>,
    /// TMX attributes other than the language, in document order.
    attrs: Attrs,
    meta: Vec<Meta>,
    /// The segment's text, inline codes left out.
    text: String,
    /// How many inline elements the segment held.
    markup: usize,
    /// Its text was replaced by an update.
    edited: bool,
}

/// A `<note>` or `<prop>`.
#[derive(Debug, Clone, PartialEq)]
enum Meta {
    Note(String),
    Prop {
        kind: Cow<'static, str>,
        lang: Option<String>,
        text: String,
    },
}

/// Attributes by name; the names are the DTD's, so they need no allocation.
type Attrs = Vec<(&'static str, String)>;

fn attr<'a>(attrs: &'a [(&'static str, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.as_str())
}

fn set_attr(attrs: &mut Attrs, name: &'static str, value: &str) {
    match attrs.iter_mut().find(|(k, _)| *k == name) {
        Some((_, v)) => *v = value.to_string(),
        None => attrs.push((name, value.to_string())),
    }
}

fn prop<'a>(meta: &'a [Meta], kind: &str) -> Option<&'a str> {
    meta.iter().find_map(|m| match m {
        Meta::Prop { kind: k, text, .. } if k == kind => Some(text.as_str()),
        _ => None,
    })
}

fn set_prop(meta: &mut Vec<Meta>, kind: &'static str, value: &str) {
    for m in meta.iter_mut() {
        if let Meta::Prop { kind: k, text, .. } = m
            && k == kind
        {
            *text = value.to_string();
            return;
        }
    }
    meta.push(Meta::Prop {
        kind: Cow::Borrowed(kind),
        lang: None,
        text: value.to_string(),
    });
}

impl Memory {
    /// An empty memory.
    pub fn new() -> Memory {
        Memory::default()
    }

    /// Reads a TMX memory from `bytes`; `path` names it in messages and in
    /// each match's [`Origin`]. Refuses files over [`MAX_MEMORY_BYTES`], with more than
    /// [`MAX_UNITS`] units, or that are not TMX (the error names the file and
    /// the 1-based `<tu>` number).
    pub fn read(bytes: Vec<u8>, path: &Path) -> Result<Memory> {
        let (entries, srclang, base) = read::read_tmx(bytes, path)?;
        let mut memory = Memory {
            entries,
            base: Some(Arc::new(base)),
            srclang,
            several_sources: false,
            indexes: BTreeMap::new(),
            lookup_only: false,
            compact: None,
        };
        memory.reset_indexes();
        Ok(memory)
    }

    /// Reads the TMX file at `path` (see [`Memory::read`]).
    pub fn read_file(path: &Path) -> Result<Memory> {
        let bytes = read::read_bounded(path)?;
        Memory::read(bytes, path)
    }

    /// Reads the TMX file at `path` for lookups only: the same units, errors
    /// and matches as [`Memory::read_file`] followed by
    /// [`Memory::for_lookups`], in a fraction of the memory (the file's
    /// text and a few bytes per segment, not a string per segment).
    pub fn read_file_for_lookups(path: &Path) -> Result<Memory> {
        // The file stays open for the texts an index needs (see `compact`)
        // if the bytes read are this regular file's as it is now.
        let open = std::fs::File::open(path)
            .ok()
            .and_then(|f| Some((compact::stamp(&f).ok()?, f)))
            .filter(|(_, f)| f.metadata().is_ok_and(|m| m.is_file()));
        let bytes = read::read_bounded(path)?;
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let mut builder = compact::Builder::new(Arc::from(path));
        let (srclang, base, namespaced) =
            read::scan_tus(bytes, path, &mut |tu, number, tags, raw, span| {
                builder.add_tu(tu, number, tags, path, raw, span)
            })?;
        if namespaced {
            drop(builder);
            drop(base);
            return Ok(Memory::read_file(path)?.for_lookups());
        }
        let source = match open {
            Some((stamp, file))
                if !base.utf16
                    && compact::stamp(&file).is_ok_and(|now| now == stamp)
                    && same_file(&file, path) =>
            {
                compact::Source::File {
                    file,
                    shift: if bom { 3 } else { 0 },
                    stamp,
                }
            }
            _ => compact::Source::Text(base.text),
        };
        let mut memory = Memory {
            entries: Vec::new(),
            base: None,
            srclang,
            several_sources: false,
            indexes: BTreeMap::new(),
            lookup_only: true,
            compact: Some(Arc::new(builder.finish(source))),
        };
        memory.reset_indexes();
        Ok(memory)
    }

    /// The memory for lookups only: drops the file's text that
    /// [`Memory::to_tmx`] needs to write the memory back as read (as much
    /// memory as the file's size), after which `to_tmx` refuses.
    pub fn for_lookups(mut self) -> Memory {
        if self.base.take().is_some() {
            self.lookup_only = true;
        }
        self
    }

    /// Adds the units of `other` after this memory's own. Lookups prefer
    /// earlier units when scores and dates tie, so append memories in order
    /// of preference.
    ///
    /// The units of `other` are written by [`Memory::to_tmx`] as new units of
    /// this memory (from their parsed content), unless this memory is new
    /// and empty: then it takes `other`'s file as its own.
    ///
    /// Fails, changing nothing, only if a memory read with
    /// [`Memory::read_file_for_lookups`] cannot be read again unit by unit.
    pub fn append(&mut self, mut other: Memory) -> Result<()> {
        other.materialize()?;
        self.materialize()?;
        if self.entries.is_empty() && self.base.is_none() && !self.lookup_only {
            self.base = other.base.clone();
            self.lookup_only = other.lookup_only;
        } else {
            self.entries.extend(other.entries.into_iter().map(|mut e| {
                e.span = None;
                e.read_variants = 0;
                e
            }));
            if let Some(theirs) = other.srclang {
                self.note_source_lang(&theirs);
            }
            self.reset_indexes();
            return Ok(());
        }
        if let Some(theirs) = other.srclang {
            self.note_source_lang(&theirs);
        }
        self.entries.extend(other.entries);
        self.reset_indexes();
        Ok(())
    }

    /// Turns a memory read with [`Memory::read_file_for_lookups`] into
    /// entries (each unit read again from its bytes).
    fn materialize(&mut self) -> Result<()> {
        if let Some(c) = &self.compact {
            let entries = (0..c.len())
                .map(|i| c.entry(i))
                .collect::<Result<Vec<_>>>()?;
            self.entries = entries;
            self.compact = None;
        }
        Ok(())
    }

    /// The number of units, whatever holds them.
    fn unit_count(&self) -> usize {
        match &self.compact {
            Some(c) => c.len(),
            None => self.entries.len(),
        }
    }

    /// Calls `f` with each variant of unit `unit`: its number in the unit,
    /// its language key and whether its text is blank.
    fn visit_variants<'a>(&'a self, unit: usize, f: &mut dyn FnMut(usize, &'a str, bool)) {
        match &self.compact {
            Some(c) => c.visit(unit, f),
            None => {
                for (n, v) in self.entries[unit].variants.iter().enumerate() {
                    f(n, &v.lang_key, text::is_blank(&v.text));
                }
            }
        }
    }

    /// The text of variant `variant` of unit `unit`, if it is in memory
    /// (else [`Memory::load_texts`] reads it).
    fn variant_text(&self, unit: usize, variant: usize) -> Option<&str> {
        match &self.compact {
            Some(c) => c.text(unit, variant),
            None => Some(&self.entries[unit].variants[variant].text),
        }
    }

    /// The texts of the (unit, variant) pairs `wanted`, in that order, when
    /// some of them are not in memory (`None`: [`Memory::variant_text`]
    /// has them all).
    fn load_texts(&self, wanted: &[(u32, u32)]) -> Result<Option<compact::Loaded>> {
        match &self.compact {
            Some(c) => c.load(wanted),
            None => Ok(None),
        }
    }

    /// Unit `unit` (read again from its bytes for a memory read with
    /// [`Memory::read_file_for_lookups`]).
    fn entry(&self, unit: usize) -> Result<Cow<'_, Entry>> {
        match &self.compact {
            Some(c) => c.entry(unit).map(Cow::Owned),
            None => Ok(Cow::Borrowed(&self.entries[unit])),
        }
    }

    /// Fails, naming the file, when the memory was read for lookups
    /// ([`Memory::read_file_for_lookups`]) and a lookup could not read the
    /// file again because it changed in place while it was open ("changed
    /// while it was read", an [`crate::error::Error::Input`] like a changing input's).
    /// Such a lookup found nothing, which is not what the memory holds:
    /// call this after the lookups and before using their results.
    pub fn check_unchanged(&self) -> Result<()> {
        match &self.compact {
            Some(c) => c.unchanged(),
            None => Ok(()),
        }
    }

    /// The number of units.
    pub fn len(&self) -> usize {
        self.unit_count()
    }

    /// Whether the memory has no units.
    pub fn is_empty(&self) -> bool {
        self.unit_count() == 0
    }

    /// How many segments hold inline markup. [`Memory::to_tmx`] writes them
    /// back as read unless an update replaced their text; lookups see their
    /// text without the codes (see [`Match::target_markup`]).
    pub fn segments_with_markup(&self) -> usize {
        if let Some(c) = &self.compact {
            return c.segments_with_markup();
        }
        self.entries
            .iter()
            .flat_map(|e| &e.variants)
            .filter(|v| v.markup > 0)
            .count()
    }

    /// Looks `source` up: the exact match and the best fuzzy matches from
    /// `source_lang` into `target_lang`. Language tags are compared as BCP 47
    /// tags, case-insensitively and with `_` read as `-`; a tag also matches
    /// its prefix (`fa` ↔ `fa-IR`), the identical tag preferred, but not a
    /// sibling (`fa-IR` ≠ `fa-AF`). Never fails; time and memory per lookup
    /// are bounded (see `docs/tm.md`).
    pub fn lookup(&self, source: &str, source_lang: &str, target_lang: &str) -> Lookup {
        let source_key = lang::key(source_lang);
        let target_key = lang::key(target_lang);
        let Some(cell) = self.indexes.get(lang::primary(&source_key)) else {
            return Lookup::default();
        };
        let index = cell.get_or_init(|| index::LangIndex::build(self, lang::primary(&source_key)));
        index.lookup(self, source, &source_key, &target_key)
    }

    /// Records `translations`, dated `date` and tagged with `export_id`
    /// (a `<prop type="x-brief-export">`). A source the memory already holds
    /// (same language, same text after [`normalize`]) gets the translation
    /// in its existing unit: a new `<tuv>` for a new language, or the old
    /// text replaced (`changedate` set) — never a second unit for one
    /// translation. When the same source and language come twice with
    /// different translations, both are kept ([`Conflict`];
    /// [`Memory::update_sets`] says which).
    ///
    /// Fails, changing nothing, on an invalid language tag, an empty export
    /// id, or text XML cannot carry.
    pub fn update(
        &mut self,
        translations: &[NewTranslation<'_>],
        export_id: &str,
        date: &TmxDate,
    ) -> Result<UpdateSummary> {
        Ok(self.update_sets(&[(translations, export_id)], date)?.0)
    }

    /// [`Memory::update`] with the translations of several exports in one
    /// update, each set tagged with its own export id: what one `brief
    /// merge` of several sets records. Translations of one source into one
    /// language that differ are all kept and listed as [`Conflict`]s, in
    /// the order given (the first of each source against each later one),
    /// whichever sets they come from; the same translation twice is none.
    ///
    /// Fails, changing nothing, as [`Memory::update`] does (on any set).
    pub fn update_sets(
        &mut self,
        sets: &[(&[NewTranslation<'_>], &str)],
        date: &TmxDate,
    ) -> Result<(UpdateSummary, Vec<Conflict>)> {
        self.materialize()?;
        let done = update::update_sets(self, sets, date)?;
        self.reset_indexes();
        Ok(done)
    }

    /// The memory as a TMX document. A memory read from a file is written
    /// back as read, byte for byte, except for the units an update changed
    /// (rewritten in their place: `changedate` set, the replaced `<tuv>`s
    /// given their new `<seg>`, new `<tuv>`s added, all else kept) and the
    /// units it added (at the end of `<body>`). A new memory is a TMX 1.4b
    /// document valid against `tmx14.dtd`.
    ///
    /// Fails for a memory read from a UTF-16 file: it would not be written
    /// back as it was (the message says how to convert it).
    pub fn to_tmx(&self) -> Result<Vec<u8>> {
        if self.lookup_only {
            return Err(crate::error::Error::Input {
                path: "translation memory".into(),
                message:
                    "was read for lookups only (Memory::for_lookups); read it again to write it"
                        .into(),
            });
        }
        write::to_tmx(self)
    }

    /// Notes a source language of the memory's units (the first one is
    /// the memory's `srclang` when it has none yet).
    fn note_source_lang(&mut self, tag: &str) {
        match &self.srclang {
            None => self.srclang = Some(tag.to_string()),
            Some(current) if current == "*all*" => {}
            Some(current) => {
                if lang::match_level(&lang::key(current), &lang::key(tag)).is_none() {
                    self.several_sources = true;
                }
            }
        }
    }

    /// The `srclang` a new memory's header gets: its one source language,
    /// or `*all*` (as `brief merge --tmx` writes it).
    fn header_srclang(&self) -> &str {
        match &self.srclang {
            Some(lang) if !self.several_sources => lang,
            _ => "*all*",
        }
    }

    /// Drops every index (they are rebuilt on the next lookup) and notes the
    /// languages present.
    fn reset_indexes(&mut self) {
        let mut indexes = BTreeMap::new();
        let mut note = |key: &str| {
            indexes
                .entry(lang::primary(key).to_string())
                .or_insert_with(OnceLock::new);
        };
        match &self.compact {
            Some(c) => c.keys().for_each(note),
            None => self
                .entries
                .iter()
                .flat_map(|e| &e.variants)
                .for_each(|v| note(&v.lang_key)),
        }
        self.indexes = indexes;
    }
}

/// Whether the open `file` is the file at `path` (same device and inode).
#[cfg(unix)]
fn same_file(file: &std::fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Elsewhere a memory for lookups keeps the file's text in memory.
#[cfg(not(unix))]
fn same_file(_: &std::fs::File, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests;
