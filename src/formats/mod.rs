//! The translation file formats, each in one module holding both its writer
//! and its reader, over one unit type:
//!
//! - [`xliff2`]: XLIFF 2.0 and 2.1 (metadata module, notes);
//! - [`xliff12`]: XLIFF 1.2 (strict schema, context groups);
//! - [`tmx`]: TMX 1.4b (bilingual export files and multilingual memories);
//! - [`tsv`] and [`jsonl`]: for MT engines (sharing [`tabular`]).
//!
//! Each is reached through its [`codec::Codec`] (sniff, read, write).
//!
//! A [`Unit`] is one sentence to translate with the data stored beside it
//! (its [`Unit::meta`] list, written once here and named the same way in
//! every format); a [`UnitFile`] is what a reader gives back for one target
//! language.

mod codec;
pub(crate) mod inline;
mod jsonl;
mod tabular;
mod tag;
pub(crate) mod tmx;
mod tsv;
pub(crate) mod xliff12;
pub(crate) mod xliff2;
pub(crate) mod xml;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

pub use tag::LanguageTag;

/// The name of the tool written into XLIFF and TMX headers.
pub const TOOL_NAME: &str = "brief";
/// The tool's version written into XLIFF and TMX headers.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One sentence to translate, as written to a file or read back from one.
///
/// Indices (`document_index`, `position`, `paragraph`) count from 0, as
/// every index brief outputs does (the summary's `doc` and `sentence` too);
/// `rank` is a rank, 1 for the most important sentence. Notes written for
/// translators say "sentence 1" for position 0, as people count. Everything
/// but `id` and `source` is optional when read, since other tools may drop it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Unit {
    /// The id shared by all files of one export: `s1`, `s2`, ... in brief
    /// order (an XML NMTOKEN).
    pub id: String,
    /// The exact source text.
    pub source: String,
    /// The target text, if there is a target.
    pub target: Option<String>,
    /// [`fingerprint`] of the source at export time.
    pub fingerprint: Option<String>,
    /// The number of units in the export.
    pub segment_count: Option<usize>,
    /// The source document's name.
    pub document: Option<String>,
    /// Index of the document among the inputs, from 0.
    pub document_index: Option<usize>,
    /// Index of the sentence in its document, from 0.
    pub position: Option<usize>,
    /// Index of the paragraph in its document, from 0.
    pub paragraph: Option<usize>,
    /// Rank in the brief (1 = most important), if ranked.
    pub rank: Option<usize>,
    /// The summarizer's score, if scored.
    pub score: Option<f64>,
    /// The sentence before this one in the document, as context.
    pub previous: Option<String>,
    /// The sentence after this one in the document, as context.
    pub next: Option<String>,
    /// The id of the export the unit comes from (see [`export_id`]).
    pub export_id: Option<String>,
    /// What the file says about the target, beyond its text.
    pub state: TargetState,
}

/// What a file says about a unit's target besides its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetState {
    /// Nothing beyond the text (or a state that says it is translated).
    #[default]
    Unspecified,
    /// The file marks the target as not translated (XLIFF 2 `state="initial"`).
    Initial,
    /// Some segments of the unit have a target and others have none.
    Partial,
    /// The file marks the target as not approved: XLIFF 1.2
    /// `approved="no"` (translate-toolkit's `pomerge` writes it for a PO
    /// `#, fuzzy` entry), or a `needs-*` state with a fuzzy or machine
    /// `state-qualifier`.
    Unapproved,
    /// The target is machine translation no one has reviewed (`brief
    /// translate`'s marks, still in place: XLIFF 2 `subState="brief:mt-…"`
    /// on an `initial` segment, XLIFF 1.2 `state-qualifier="leveraged-mt"`
    /// with the engine's text unchanged, TSV/JSONL `origin` `mt:…`).
    Machine,
}

/// The `origin` value TSV and JSONL give a machine target, and the prefix
/// of XLIFF 2's `subState`.
pub(crate) const MACHINE_ORIGIN_PREFIX: &str = "mt:";
/// The prefix of the XLIFF 2 `subState` of a machine target.
pub(crate) const MACHINE_SUBSTATE_PREFIX: &str = "brief:mt-";
/// The prefix of the XLIFF 1.2 `alt-trans` `origin` of a machine target.
pub(crate) const MACHINE_ALT_TRANS_PREFIX: &str = "brief-mt:";

/// The export id: the first 16 hex digits of the SHA-256 of everything an
/// export writes about its units (source language, ids, sources, metadata),
/// so two exports with different inputs, settings or brief get different ids.
pub fn export_id(source: &LanguageTag, units: &[Unit]) -> String {
    let mut h = Sha256::new();
    h.update(source.as_str().as_bytes());
    for u in units {
        // Length-prefixed fields: no two different lists hash alike.
        for field in std::iter::once(("id", u.id.clone()))
            .chain(std::iter::once(("source", u.source.clone())))
            .chain(u.meta().into_iter().filter(|(k, _)| *k != "export-id"))
        {
            h.update((field.0.len() as u64).to_le_bytes());
            h.update(field.0.as_bytes());
            h.update((field.1.len() as u64).to_le_bytes());
            h.update(field.1.as_bytes());
        }
    }
    h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The metadata keys, in the order every format writes them. XLIFF 2 uses
/// them as `mda:meta` types, XLIFF 1.2 and TMX with an `x-brief-` prefix,
/// TSV and JSONL with `_` for `-`.
pub const META_KEYS: [&str; 11] = [
    "fingerprint",
    "segment-count",
    "document",
    "document-index",
    "position",
    "paragraph",
    "rank",
    "score",
    "previous",
    "next",
    "export-id",
];

impl Unit {
    /// A unit without metadata.
    pub fn new(id: impl Into<String>, source: impl Into<String>, target: Option<String>) -> Unit {
        Unit {
            id: id.into(),
            source: source.into(),
            target,
            ..Unit::default()
        }
    }

    /// The metadata present, as (key from [`META_KEYS`], value as written).
    pub fn meta(&self) -> Vec<(&'static str, String)> {
        let num = |v: Option<usize>| v.map(|n| n.to_string());
        let values = [
            self.fingerprint.clone(),
            num(self.segment_count),
            self.document.clone(),
            num(self.document_index),
            num(self.position),
            num(self.paragraph),
            num(self.rank),
            self.score.map(format_score),
            self.previous.clone(),
            self.next.clone(),
            self.export_id.clone(),
        ];
        META_KEYS
            .iter()
            .zip(values)
            .filter_map(|(k, v)| v.map(|v| (*k, v)))
            .collect()
    }

    /// Sets one metadata field from its key and written value; unknown keys
    /// and unparsable numbers are ignored (the field stays unknown).
    pub fn set_meta(&mut self, key: &str, value: &str) {
        // Digits only: `usize::from_str` would take "+1" as 1.
        let num = || {
            let v = value.trim();
            (!v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                .then(|| v.parse::<usize>().ok())
                .flatten()
        };
        match key {
            "fingerprint" => self.fingerprint = Some(value.to_string()),
            "segment-count" => self.segment_count = num(),
            "document" => self.document = Some(value.to_string()),
            "document-index" => self.document_index = num(),
            "position" => self.position = num(),
            "paragraph" => self.paragraph = num(),
            "rank" => self.rank = num(),
            "score" => self.score = value.trim().parse().ok(),
            "previous" => self.previous = Some(value.to_string()),
            "next" => self.next = Some(value.to_string()),
            "export-id" => self.export_id = Some(value.trim().to_string()),
            _ => {}
        }
    }

    /// Where the sentence comes from, for messages: "doc.txt: sentence 3"
    /// (counted from 1, as people count).
    pub(crate) fn place(&self) -> String {
        format!(
            "{}: sentence {}",
            self.document.as_deref().unwrap_or("<input>"),
            self.position.map_or(0, |p| p + 1)
        )
    }
}

/// The units of one file for one target language.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its format.
    pub format: Format,
    /// The source language tag.
    pub source_lang: String,
    /// The target language tag.
    pub target_lang: String,
    /// The units, in file order.
    pub units: Vec<Unit>,
    /// Things merge should tell the user about the file that are not
    /// problems of a unit (e.g. a language tag written `fa_IR`).
    pub warnings: Vec<String>,
}

/// A translation file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// XLIFF 2.0 with the metadata module.
    Xliff20,
    /// XLIFF 2.1 (the 2.0 core namespace, `version="2.1"`).
    Xliff21,
    /// XLIFF 1.2 (strict schema).
    Xliff12,
    /// TMX 1.4b, one source and one target variant per unit.
    Tmx,
    /// Tab-separated values with a header row.
    Tsv,
    /// JSON Lines, one object per segment.
    Jsonl,
}

impl Format {
    /// All formats, in documentation order.
    pub const ALL: [Format; 6] = [
        Format::Xliff20,
        Format::Xliff21,
        Format::Xliff12,
        Format::Tmx,
        Format::Tsv,
        Format::Jsonl,
    ];

    /// The name used on the command line and in TOML.
    pub fn name(self) -> &'static str {
        match self {
            Format::Xliff20 => "xliff20",
            Format::Xliff21 => "xliff21",
            Format::Xliff12 => "xliff12",
            Format::Tmx => "tmx",
            Format::Tsv => "tsv",
            Format::Jsonl => "jsonl",
        }
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| Error::InvalidSetting {
                key: "format".into(),
                message: format!(
                    "unknown format {s:?}; expected one of xliff20, xliff21, xliff12, tmx, tsv, jsonl"
                ),
            })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Help for the translator of one unit, from translation memories and a
/// glossary; see [`crate::Export::aids`]. Empty by default, and an empty
/// `Aids` changes nothing in the files written.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Aids {
    /// An exact memory match to write as the target, marked translated.
    pub exact: Option<Suggestion>,
    /// Candidates for the translator (fuzzy matches, conflicting exact
    /// matches, matches that lost inline codes), best first; never targets.
    pub candidates: Vec<Suggestion>,
    /// Glossary terms found in the source, in source order.
    pub terms: Vec<TermHint>,
    /// A target to write as it is (`brief translate`): a translator's, kept,
    /// or an engine's, marked as machine translation.
    pub filled: Option<FilledTarget>,
}

/// A target written back by `brief translate`.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledTarget {
    /// The target text.
    pub text: String,
    /// The engine that wrote it (`None`: a person did, keep it as translated).
    pub machine: Option<String>,
}

impl Aids {
    /// The engine that wrote this unit's target, if a machine did.
    pub(crate) fn machine(&self) -> Option<&str> {
        self.filled.as_ref().and_then(|f| f.machine.as_deref())
    }
}

impl Aids {
    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.exact.is_none()
            && self.candidates.is_empty()
            && self.terms.is_empty()
            && self.filled.is_none()
    }
}

/// One translation-memory match offered for a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The memory's source text.
    pub source: String,
    /// The memory's translation.
    pub target: String,
    /// 0–100 (100: same source).
    pub score: u8,
    /// Where it came from, for the translator (file and unit).
    pub origin: String,
}

/// One glossary term found in a unit's source.
#[derive(Debug, Clone, PartialEq)]
pub struct TermHint {
    /// The term as the source text has it.
    pub term: String,
    /// The glossary's translations into the target language.
    pub translations: Vec<String>,
}

/// The target a file gets for `unit`: an exact memory match, else what
/// `mode` says.
pub(crate) fn initial_target<'a>(
    mode: TargetMode,
    unit: &'a Unit,
    aids: Option<&'a Aids>,
) -> Option<&'a str> {
    if let Some(f) = aids.and_then(|a| a.filled.as_ref()) {
        return Some(&f.text);
    }
    match aids.and_then(|a| a.exact.as_ref()) {
        Some(s) => Some(&s.target),
        None => mode.initial(unit),
    }
}

/// What to put in the target of each exported segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetMode {
    /// An empty target (the default).
    #[default]
    Empty,
    /// A copy of the source text (what OmegaT's native XLIFF filter expects).
    Source,
    /// No target element at all.
    None,
}

impl TargetMode {
    /// The initial target text for a unit, if a target is written.
    pub(crate) fn initial(self, unit: &Unit) -> Option<&str> {
        match self {
            TargetMode::Empty => Some(""),
            TargetMode::Source => Some(&unit.source),
            TargetMode::None => None,
        }
    }
}

impl FromStr for TargetMode {
    type Err = Error;

    fn from_str(s: &str) -> Result<TargetMode> {
        match s {
            "empty" => Ok(TargetMode::Empty),
            "source" => Ok(TargetMode::Source),
            "none" => Ok(TargetMode::None),
            _ => Err(Error::InvalidSetting {
                key: "export.target".into(),
                message: format!("{s:?}: expected empty, source or none"),
            }),
        }
    }
}

/// The first 16 hex digits of the SHA-256 of the exact source text: stored
/// with every exported segment so that merge can tell when it was edited.
///
/// ```
/// assert_eq!(brief::fingerprint("abc"), "ba7816bf8f01cfea");
/// ```
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The file name for one format and target language, e.g.
/// `brief.fa.xliff20.xlf`, `brief.ru-RU.tmx`. Names are unique per format and tag.
pub fn file_name(format: Format, target: &LanguageTag) -> String {
    match format {
        Format::Xliff20 | Format::Xliff21 | Format::Xliff12 => {
            format!("brief.{target}.{}.xlf", format.name())
        }
        Format::Tmx => format!("brief.{target}.tmx"),
        Format::Tsv => format!("brief.{target}.tsv"),
        Format::Jsonl => format!("brief.{target}.jsonl"),
    }
}

/// The name of the reference copy that `brief export` writes beside its files
/// and `brief merge` looks for beside its inputs: the export's units as
/// JSONL, without targets. It is not a file to translate.
pub const REFERENCE_FILE_NAME: &str = "brief.reference.jsonl";

/// Everything a writer is given for one file: the export's units (in one
/// source language) rendered for one target language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Render<'a> {
    /// The source language.
    pub source: &'a LanguageTag,
    /// The units, in brief order (never empty).
    pub units: &'a [Unit],
    /// The target language of the file.
    pub target: &'a LanguageTag,
    /// What to put in a target without an aid.
    pub mode: TargetMode,
    /// The aids of each unit, by index (may be shorter than `units`).
    pub aids: &'a [Aids],
}

/// Renders `units` (in one source language) as one file for `target`.
///
/// Fails when there are no units, or when a text holds a character that
/// XML 1.0 cannot represent (most C0 controls) and the format is XML.
pub(crate) fn render(
    format: Format,
    source: &LanguageTag,
    units: &[Unit],
    target: &LanguageTag,
    mode: TargetMode,
    aids: &[Aids],
) -> Result<Vec<u8>> {
    if units.is_empty() {
        return Err(Error::Input {
            path: "<input>".into(),
            message: "no sentences to export".into(),
        });
    }
    codec::codec(format).write(&Render {
        source,
        units,
        target,
        mode,
        aids,
    })
}

/// Reads one translated file (UTF-8, or UTF-16 with a byte-order mark),
/// recognising its format from its content. A TMX, TSV or JSONL file with
/// several target languages gives one [`UnitFile`] per language.
pub fn read_file(path: &Path) -> Result<Vec<UnitFile>> {
    let bytes = read_limited(path, xml::MAX_INPUT_BYTES as u64, "")?;
    read_bytes(bytes, path)
}

/// Reads at most `limit` bytes of `path` with brief's one bounded reader
/// ([`crate::input::read_bytes_limited`]: the size of a regular file is
/// checked before it is read, a FIFO or a device stops one byte past the
/// limit, and a file that changes while it is read is refused). A limit
/// here is the format's, not the user's `--max-input`, so a file over it is
/// refused with a message of its own; `what` ("as a translation memory")
/// ends that message. `-` is a file of that name, not standard input.
pub(crate) fn read_limited(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let dash = Path::new(".").join("-");
    let read_path = if crate::input::is_stdin(path) {
        dash.as_path()
    } else {
        path
    };
    crate::input::read_bytes_limited(read_path, limit).map_err(|e| match e {
        Error::Input { message, .. } if message.starts_with("larger than") => invalid(
            path,
            format!("larger than {} MiB; refusing to read it{what}", limit >> 20),
        ),
        Error::Input { message, .. } => invalid(path, message),
        Error::Io { source, .. } => Error::io(path, source),
        other => other,
    })
}

/// Like [`read_file`], for bytes already in memory; `path` names them in messages.
pub fn read_bytes(bytes: Vec<u8>, path: &Path) -> Result<Vec<UnitFile>> {
    if bytes.len() > xml::MAX_INPUT_BYTES {
        return Err(invalid(path, "too large; refusing to read it"));
    }
    let text = crate::input::decode(bytes, path).map_err(|e| match e {
        // merge has no --encoding: translation files are UTF-8 or UTF-16.
        Error::Encoding { path, message } => Error::Encoding {
            path,
            message: message.replace(
                "use --encoding to read another encoding",
                "translation files must be UTF-8, or UTF-16 with a byte-order mark",
            ),
        },
        other => other,
    })?;
    let files = codec::read_text(&text, path)?;
    // A file without units would merge as an empty brief with exit 0 (no
    // unit says how many there should be): brief never writes one.
    if let Some(f) = files.iter().find(|f| f.units.is_empty()) {
        return Err(invalid(
            path,
            format!(
                "no units to merge for the target language {}",
                f.target_lang
            ),
        ));
    }
    Ok(files)
}

pub(crate) fn invalid(path: &Path, message: impl Into<String>) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// A language tag read from a file, validated (BCP 47 shape) before it is
/// used anywhere (it becomes part of output file names), in canonical case.
/// A `_` for `-` is accepted with a warning.
pub(crate) fn read_tag(
    value: &str,
    what: &str,
    path: &Path,
    warnings: &mut Vec<String>,
) -> Result<String> {
    match LanguageTag::parse_lenient(value.trim()) {
        Ok((tag, underscore)) => {
            let (tag, three_letters) = two_letter_code(tag.as_str());
            let why = match (underscore, three_letters) {
                (true, _) => Some("written with '_'"),
                (false, true) => Some("written with an ISO 639-2/3 code"),
                (false, false) => None,
            };
            if let Some(why) = why {
                let msg = format!(
                    "{what} {:?} {why}: read as {tag}",
                    value.escape_default().to_string()
                );
                if !warnings.contains(&msg) {
                    warnings.push(msg);
                }
            }
            Ok(tag)
        }
        Err(_) => Err(invalid(
            path,
            format!(
                "{what} {:?} is not a BCP 47 language tag (such as en, fa-IR, ru)",
                value.escape_default().to_string()
            ),
        )),
    }
}

/// A tag whose language is written with a three-letter code of a language
/// brief knows, written with its two-letter code as BCP 47 asks
/// (`pes`/`prs`/`fas`/`per` → `fa`: Iranian Persian and Dari are Persian;
/// `rus` → `ru`, `eng` → `en`; NLLB-style `pes-Arab` → `fa-Arab`), and
/// whether it was.
fn two_letter_code(tag: &str) -> (String, bool) {
    let (primary, rest) = tag.split_once('-').map_or((tag, ""), |(p, r)| (p, r));
    let code = match primary {
        "pes" | "prs" | "fas" | "per" => "fa",
        "rus" => "ru",
        "eng" => "en",
        _ => return (tag.to_string(), false),
    };
    let out = if rest.is_empty() {
        code.to_string()
    } else {
        format!("{code}-{rest}")
    };
    (out, true)
}

/// Refuses control characters that would reach the terminal or the brief
/// (ESC sequences, backspaces, ...): in ids and language tags all of them,
/// in texts all but tab, line feed and carriage return.
pub(crate) fn check_read_text(text: &str, what: &str, unit: &str, path: &Path) -> Result<()> {
    let allowed = |c: char| what != "id" && matches!(c, '\t' | '\n' | '\r');
    if let Some(c) = text.chars().find(|&c| c.is_control() && !allowed(c)) {
        let unit = if what == "id" {
            format!("unit {:?}", unit.escape_default().to_string())
        } else {
            format!("unit {}", unit.escape_default())
        };
        return Err(invalid(
            path,
            format!(
                "{unit}: {what} holds the control character U+{:04X}; refusing the file",
                c as u32
            ),
        ));
    }
    Ok(())
}

/// Checks the id, source and target of a unit just read, and the metadata
/// that brief writes without any control character (a fingerprint, an
/// export id: both reach messages). Document names and neighbours keep
/// theirs (a TSV export of a file named with one is valid) and are escaped
/// wherever they are shown.
pub(crate) fn check_unit(u: &Unit, path: &Path) -> Result<()> {
    check_read_text(&u.id, "id", &u.id, path)?;
    check_read_text(&u.source, "source", &u.id, path)?;
    if let Some(t) = &u.target {
        check_read_text(t, "target", &u.id, path)?;
    }
    for (what, text) in [("fingerprint", &u.fingerprint), ("export-id", &u.export_id)] {
        if let Some(c) = text
            .as_deref()
            .and_then(|t| t.chars().find(|c| c.is_control()))
        {
            return Err(invalid(
                path,
                format!(
                    "unit {}: {what} holds the control character U+{:04X}; refusing the file",
                    u.id.escape_default(),
                    c as u32
                ),
            ));
        }
    }
    Ok(())
}

pub(crate) fn required<'a>(el: &'a xml::Element, attr: &str, path: &Path) -> Result<&'a str> {
    el.attr(attr).ok_or_else(|| {
        invalid(
            path,
            format!("<{}> without the required {attr} attribute", el.name),
        )
    })
}

/// The language tag in the required attribute `attr` of `el` (see
/// [`read_tag`]).
pub(crate) fn required_tag(
    el: &xml::Element,
    attr: &str,
    path: &Path,
    warnings: &mut Vec<String>,
) -> Result<String> {
    read_tag(required(el, attr, path)?, attr, path, warnings)
}

/// Groups (source language, target language, unit) rows into one file per
/// target language, in order of first appearance.
pub(crate) fn group_rows(
    rows: Vec<(String, String, Unit)>,
    path: &Path,
    format: Format,
) -> Result<Vec<UnitFile>> {
    let mut files: Vec<UnitFile> = Vec::new();
    let mut warnings = Vec::new();
    // Index of each target language's file: linear in the rows, however
    // many languages the file claims.
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (src, trg, unit) in rows {
        check_unit(&unit, path)?;
        let mut tag = |value: &str, column: &str| {
            let what = format!("unit {}: {column}", unit.id);
            read_tag(value, &what, path, &mut warnings)
        };
        let (src, trg) = (tag(&src, "source_lang")?, tag(&trg, "target_lang")?);
        match index.get(&trg) {
            Some(&i) => {
                let f = &mut files[i];
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
            None => {
                index.insert(trg.clone(), files.len());
                files.push(UnitFile {
                    path: path.to_path_buf(),
                    format,
                    source_lang: src,
                    target_lang: trg,
                    units: vec![unit],
                    warnings: Vec::new(),
                });
            }
        }
    }
    if files.is_empty() {
        return Err(invalid(path, "no segments in the file"));
    }
    files[0].warnings = warnings;
    Ok(files)
}

/// Formats a score compactly and deterministically.
pub(crate) fn format_score(score: f64) -> String {
    let rounded = (score * 1e6).round() / 1e6;
    format!("{rounded}")
}

/// The document name of a run of units (the XLIFF `<file original>`),
/// checked to be writable as XML.
pub(crate) fn run_document(run: &[Unit]) -> Result<&str> {
    let original = run
        .first()
        .and_then(|u| u.document.as_deref())
        .unwrap_or("");
    xml::check_text(original, "document name")?;
    Ok(original)
}

/// Consecutive units of one document.
pub(crate) fn runs(units: &[Unit]) -> Vec<&[Unit]> {
    units
        .chunk_by(|a, b| a.document_index == b.document_index)
        .collect()
}

/// Notes shown to the translator: where the sentence comes from and its
/// neighbours in the document.
pub(crate) fn context_notes(u: &Unit) -> Vec<(&'static str, String)> {
    let doc = u.document.as_deref().unwrap_or("");
    // Prose for people: the first sentence is "sentence 1".
    let position = u.position.map_or(0, |p| p + 1);
    let mut notes = vec![(
        "where",
        match u.rank {
            Some(rank) => format!("{doc}, sentence {position}, rank {rank} in the brief"),
            None => format!("{doc}, sentence {position}"),
        },
    )];
    if let Some(prev) = &u.previous {
        notes.push(("previous", format!("Previous sentence: {prev}")));
    }
    if let Some(next) = &u.next {
        notes.push(("next", format!("Next sentence: {next}")));
    }
    notes
}

#[cfg(test)]
mod tests;
