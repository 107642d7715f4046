//! Merging translated files back into translated briefs.
//!
//! [`read_file`] reads a translated XLIFF 2.x/1.2, TMX, TSV or JSONL file
//! written by an [`Export`](crate::Export) (and filled by a CAT tool or an MT
//! engine).
//! [`merge`] then checks every unit against the data stored at export time
//! and assembles one [`Translation`] per target language, in brief order:
//!
//! - *drift*: the source text no longer matches its fingerprint;
//! - *missing*: an exported unit is absent, or its target is empty;
//! - *unknown*: an id that the export did not produce;
//! - *duplicate*: the same id twice for one language.
//!
//! ```
//! use brief::{Config, Document, Export, Format, TargetMode};
//! let doc = brief::analyze(Document::new("a.txt", "Hello there. Goodbye now."), &Config::default());
//! let export = Export::all_sentences(&[doc], None);
//! let tsv = export.render(Format::Tsv, &"ru".parse().unwrap(), TargetMode::Empty).unwrap();
//! // An MT engine fills the target column (the fifth).
//! let filled: String = String::from_utf8(tsv).unwrap().lines().enumerate().map(|(i, l)| {
//!     let mut f: Vec<String> = l.split('\t').map(str::to_string).collect();
//!     if i > 0 { f[4] = format!("перевод {i}"); }
//!     f.join("\t") + "\n"
//! }).collect();
//! let files = brief::merge::read_bytes(filled.into_bytes(), "brief.ru.tsv".as_ref()).unwrap();
//! let result = brief::merge::merge(&files);
//! assert!(result.problems.is_empty());
//! assert_eq!(result.translations[0].text(), "перевод 1 перевод 2");
//! ```

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::error::Result;
use crate::formats::{LanguageTag, Unit, UnitFile};
use passes::{
    Agreement, Collected, LanguagePass, Report, export_count, units_by_number, units_with_ids,
};

pub use crate::formats::{REFERENCE_FILE_NAME, read_bytes, read_file};

/// What is wrong with one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The source text was changed after export.
    Drift,
    /// An exported unit is not in any file for the language.
    MissingUnit,
    /// The unit's target is absent or empty.
    EmptyTarget,
    /// The id is not one the export produced.
    UnknownId,
    /// The id appears more than once for the language, with different texts.
    DuplicateId,
    /// The target is a copy of the source (or the file says it is not
    /// translated): a translator skipped it.
    Untranslated,
    /// Some segments of the unit are translated, others are not.
    PartlyTranslated,
    /// The file comes from another export than the other files (or the reference).
    MixedExports,
    /// The units no longer follow the export's order (ids exchanged).
    OutOfOrder,
    /// The file lost brief's metadata and no reference was given: drift,
    /// order and the unit count cannot be checked.
    Unchecked,
    /// The target is not in the file's target language (it has no letter
    /// of the language's script: Russian text in the Persian file; or
    /// letters and words of another language of the script: Ukrainian in
    /// the Russian file), or the file's source language is not the other
    /// files' one.
    WrongLanguage,
    /// A number of the source is not in the target as the same value
    /// (`7.5%` → `75%`, `3 million` → `3 тысячи`, a lost minus sign).
    Numbers,
    /// A URL, e-mail address, @handle or #hashtag of the source is not in
    /// the target verbatim.
    Untouchables,
    /// The target is machine translation that no translator has confirmed
    /// (see [`crate::TargetState::Machine`]). The sentence is in the brief;
    /// [`MergeResult::accept_machine_translation`] drops these problems.
    MachineTranslation,
    /// The file's target language is not one the export asked for.
    NotExported,
    /// The export asked for a target language no given file is in: its
    /// brief would be missing. [`MergeResult::accept_missing_languages`]
    /// drops these problems (`--allow-partial`).
    MissingLanguage,
}

/// Why a filled XLIFF 2 target with `state="initial"` is refused, and the
/// fix: the file says nobody translated it (a tool that fills targets but
/// never sets states writes exactly this).
/// A problem found while merging, named by unit id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    /// The target language.
    pub lang: String,
    /// The unit id.
    pub id: String,
    /// What is wrong.
    pub kind: ProblemKind,
    /// The file it was found in (the first file of the language for missing units).
    pub file: PathBuf,
    /// More about it, e.g. the two different targets of a duplicate id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ProblemKind::Drift => "drift: the source text was changed after export",
            ProblemKind::MissingUnit => "missing: the unit is not in the file",
            ProblemKind::EmptyTarget => "missing translation: the target is empty",
            ProblemKind::UnknownId => "unknown id: not produced by the export",
            ProblemKind::DuplicateId => "duplicate id: appears more than once with different texts",
            ProblemKind::Untranslated => {
                "untranslated: the target is a copy of the source, or marked as not translated"
            }
            ProblemKind::PartlyTranslated => {
                "partly translated: some segments of the unit have no target"
            }
            ProblemKind::MixedExports => {
                "another export: files of different exports cannot form one brief"
            }
            ProblemKind::OutOfOrder => {
                "out of order: the unit's position does not follow its id (ids exchanged?)"
            }
            ProblemKind::Unchecked => {
                "drift cannot be checked: the file lost brief's metadata; pass the export's JSONL with --reference"
            }
            ProblemKind::WrongLanguage => {
                "wrong language: the target is not in the file's target language"
            }
            ProblemKind::Untouchables => {
                "changed: a URL, e-mail address, @handle or #hashtag of the source is not in the target verbatim"
            }
            ProblemKind::Numbers => {
                "wrong number: a number of the source is not in the target with its value"
            }
            ProblemKind::MachineTranslation => {
                "unreviewed machine translation: no translator has confirmed the target (--accept-mt to take it)"
            }
            ProblemKind::NotExported => {
                "not exported: the export did not ask for the file's target language"
            }
            ProblemKind::MissingLanguage => {
                "missing language: no file given is in it (--allow-partial merges the others)"
            }
        };
        // File names come from directory listings (`translated/*`) and
        // details quote file contents: escaped for the terminal.
        write!(
            f,
            "{}: {} [{}]: {what}",
            crate::escape::escape_path(&self.file),
            crate::escape::escape(&self.id),
            self.lang
        )?;
        if let Some(d) = &self.detail {
            write!(f, " ({})", crate::escape::escape(d))?;
        }
        Ok(())
    }
}

/// One translated sentence in the assembled brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TranslatedSentence {
    /// The unit id.
    pub id: String,
    /// The source text.
    pub source: String,
    /// The translation, exactly as found in the file.
    pub target: String,
    /// The source document's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// One-based document index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_index: Option<usize>,
    /// One-based paragraph number in the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
}

/// The assembled brief for one target language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Translation {
    /// The target language tag.
    pub lang: String,
    /// The source language tag.
    pub source_lang: String,
    /// The number of segments in the export.
    pub segment_count: usize,
    /// The translated sentences in brief order (only those with a target).
    pub sentences: Vec<TranslatedSentence>,
}

impl Translation {
    /// Sentences grouped into paragraphs: a new paragraph starts where the
    /// document or the source paragraph changes.
    pub fn paragraphs(&self) -> Vec<Vec<&TranslatedSentence>> {
        let mut out: Vec<Vec<&TranslatedSentence>> = Vec::new();
        let mut last: Option<(Option<usize>, Option<usize>)> = None;
        for s in &self.sentences {
            let key = (s.document_index, s.paragraph);
            match out.last_mut() {
                Some(p) if last == Some(key) => p.push(s),
                _ => out.push(vec![s]),
            }
            last = Some(key);
        }
        out
    }

    /// The brief as plain text: sentences joined by spaces, paragraphs by a
    /// blank line.
    pub fn text(&self) -> String {
        self.paragraphs()
            .iter()
            .map(|p| {
                p.iter()
                    .map(|s| s.target.trim())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// The outcome of [`merge`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeResult {
    /// One translation per target language, sorted by language tag.
    pub translations: Vec<Translation>,
    /// Every problem found, by language and id.
    pub problems: Vec<Problem>,
    /// Per language and id, the source segment data (for the multilingual TMX).
    #[serde(skip)]
    sources: BTreeMap<String, Unit>,
    /// Per (language, id) of each translated sentence, the file it came from.
    #[serde(skip)]
    origins: BTreeMap<(String, String), PathBuf>,
}

impl MergeResult {
    /// Takes unreviewed machine translation as it is: drops the
    /// [`ProblemKind::MachineTranslation`] problems (the sentences are
    /// already in the translations).
    pub fn accept_machine_translation(&mut self) {
        self.problems
            .retain(|p| p.kind != ProblemKind::MachineTranslation);
    }

    /// Merges only the languages given: drops the
    /// [`ProblemKind::MissingLanguage`] problems (`--allow-partial`; the
    /// briefs of the missing languages are simply not in the result).
    pub fn accept_missing_languages(&mut self) {
        self.problems
            .retain(|p| p.kind != ProblemKind::MissingLanguage);
    }
}

/// The largest unit number merge accepts in an id (`s1` .. `s4294967295`):
/// far more than any file merge can read, and small enough that `n + 1`
/// never overflows.
pub const MAX_UNIT_NUMBER: usize = u32::MAX as usize;

/// The number in an id `s<N>`: digits only, no leading zero, at most
/// [`MAX_UNIT_NUMBER`].
fn id_number(id: &str) -> Option<usize> {
    let digits = id.strip_prefix('s')?;
    if digits.is_empty() || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&n| n <= MAX_UNIT_NUMBER)
}

/// Whether a text has something to translate: a letter outside URLs, e-mail
/// addresses, @handles and #hashtags. Numbers, dates, URLs and handles are
/// the same in every language, so a target equal to such a source is fine.
pub fn has_words(text: &str) -> bool {
    text.split_whitespace().any(|token| {
        let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '#');
        let lower = t.to_ascii_lowercase();
        let code = lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
            || t.starts_with('@')
            || t.starts_with('#')
            || t.contains('@');
        !code && t.chars().any(char::is_alphabetic)
    })
}

/// The truth about an export, read from any file of it (see [`read_reference`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// The file it was read from.
    pub path: PathBuf,
    /// The export's units, in id order (targets cleared).
    pub units: Vec<Unit>,
    /// The target languages the export wrote (`export_targets` of a
    /// reference JSONL); empty when the file does not say (an older
    /// reference, or another file of the export given as reference).
    pub targets: Vec<LanguageTag>,
}

/// The `export_targets` of a reference JSONL's first line: the target
/// languages of its export (none when the file is not JSONL or does not
/// list them).
fn export_targets(bytes: &[u8], path: &std::path::Path) -> Result<Vec<LanguageTag>> {
    let text = String::from_utf8_lossy(bytes);
    let Some((n, line)) = text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .filter(|(_, l)| l.trim_start().starts_with('{'))
    else {
        return Ok(Vec::new());
    };
    let bad = |what: String| crate::formats::invalid(path, format!("line {}: {what}", n + 1));
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(line) else {
        return Ok(Vec::new()); // the format reader names the error
    };
    let Some(list) = map.get("export_targets") else {
        return Ok(Vec::new());
    };
    let serde_json::Value::Array(items) = list else {
        return Err(bad("export_targets is not a list of language tags".into()));
    };
    let mut tags = Vec::with_capacity(items.len());
    for item in items {
        let tag = item
            .as_str()
            .and_then(|t| t.parse::<LanguageTag>().ok())
            .ok_or_else(|| {
                bad(format!(
                    "export_targets: {} is not a language tag",
                    item.to_string().escape_default()
                ))
            })?;
        tags.push(tag);
    }
    if tags.is_empty() {
        return Err(bad("export_targets is empty".into()));
    }
    Ok(tags)
}

/// Reads a reference: any file of the original export (its JSONL, XLIFF, ...)
/// whose units still carry brief's metadata.
pub fn read_reference(path: &std::path::Path) -> Result<Reference> {
    let bytes =
        crate::formats::read_limited(path, crate::formats::xml::MAX_INPUT_BYTES as u64, "")?;
    let targets = export_targets(&bytes, path)?;
    let mut files = read_bytes(bytes, path)?;
    let Some(file) = files.drain(..).next() else {
        return Err(crate::formats::invalid(path, "no units in the reference"));
    };
    let mut units = file.units;
    if let Some(u) = units.iter().find(|u| u.fingerprint.is_none()) {
        return Err(crate::formats::invalid(
            path,
            format!(
                "unit {}: no fingerprint; a reference must be a file as brief exported it",
                u.id
            ),
        ));
    }
    let mut numbered = Vec::with_capacity(units.len());
    for mut u in units.drain(..) {
        let Some(n) = id_number(&u.id) else {
            return Err(crate::formats::invalid(
                path,
                format!(
                    "unit {:?}: not an id brief writes",
                    u.id.escape_default().to_string()
                ),
            ));
        };
        u.target = None;
        numbered.push((n, u));
    }
    numbered.sort_by_key(|(n, _)| *n);
    // The truth cannot say two things about one id: a repeat is only
    // dropped when it says the same.
    if let Some(pair) = numbered
        .windows(2)
        .find(|w| w[0].0 == w[1].0 && w[0].1.source != w[1].1.source)
    {
        return Err(crate::formats::invalid(
            path,
            format!(
                "unit {}: twice with different sources; a reference must be a file as brief exported it",
                pair[0].1.id
            ),
        ));
    }
    numbered.dedup_by_key(|(n, _)| *n);
    for (i, (n, u)) in numbered.iter().enumerate() {
        if *n != i + 1 {
            return Err(crate::formats::invalid(
                path,
                format!("unit {}: the reference has a gap before it", u.id),
            ));
        }
    }
    Ok(Reference {
        path: path.to_path_buf(),
        units: numbered.into_iter().map(|(_, u)| u).collect(),
        targets,
    })
}

/// Checks and assembles translated files (see the module docs), with only
/// the metadata the files carry.
pub fn merge(files: &[UnitFile]) -> MergeResult {
    merge_with_reference(files, None)
}

/// Like [`merge`], checking every unit against `reference` (the export's
/// own units): files that lost brief's metadata are then checked fully, and
/// units without ids (a CAT tool's TMX) are matched by their source text.
///
/// Merge runs in passes: over all files (one export, one source language,
/// files named for their language), then per target language: ids for
/// units without one, the units by number (unknown and duplicate ids,
/// the reference's truth), agreement between the languages, and the
/// judgement of each unit (drift, missing, the target itself).
pub fn merge_with_reference(files: &[UnitFile], reference: Option<&Reference>) -> MergeResult {
    let mut problems = Vec::new();
    // A file wholly of another export (another set of a batch, another
    // day) is reported once and not judged unit by unit: its ids and
    // sources are another export's, not drift or duplicates of this one.
    let foreign = check_exports(files, reference, &mut problems);
    let files: Vec<&UnitFile> = files
        .iter()
        .zip(&foreign)
        .filter(|(_, foreign)| !**foreign)
        .map(|(f, _)| f)
        .collect();
    let files = files.as_slice();
    check_source_languages(files, &mut problems);
    check_file_names(files, &mut problems);
    if let Some(r) = reference {
        check_export_targets(files, r, &mut problems);
        check_missing_languages(files, r, &mut problems);
    }
    let mut by_lang: BTreeMap<&str, Vec<&UnitFile>> = BTreeMap::new();
    for &f in files {
        by_lang.entry(f.target_lang.as_str()).or_default().push(f);
    }
    let ref_by_id: HashMap<&str, &Unit> = reference
        .map(|r| r.units.iter().map(|u| (u.id.as_str(), u)).collect())
        .unwrap_or_default();
    let mut translations = Vec::new();
    let mut agreement = Agreement::default();
    let mut out = Collected::default();
    for (lang, files) in by_lang {
        let first_path = files.first().map(|f| f.path.clone()).unwrap_or_default();
        let source_lang = files
            .first()
            .map(|f| f.source_lang.clone())
            .unwrap_or_default();
        let mut report = Report {
            lang,
            problems: &mut problems,
        };
        let units = units_with_ids(&files, reference, &mut report);
        let (count, count_stored) = export_count(&units, reference);
        let seen = units_by_number(units, count, &ref_by_id, &mut report);
        if reference.is_none() && !seen.is_empty() {
            agreement.check(&seen, count, count_stored, &first_path, &mut report);
        }
        let pass = LanguagePass {
            lang,
            source_lang: &source_lang,
            count,
            reference,
            first_path: &first_path,
        };
        let sentences = pass.judge_units(&seen, &mut report, &mut out);
        if reference.is_none() {
            for n in out_of_order(&seen) {
                if let Some((u, path)) = seen.get(&n) {
                    report.add(&u.id, ProblemKind::OutOfOrder, path, None);
                }
            }
        }
        translations.push(Translation {
            lang: lang.to_string(),
            source_lang,
            segment_count: count,
            sentences,
        });
    }
    sort_problems(&mut problems);
    MergeResult {
        translations,
        problems,
        sources: out.sources,
        origins: out.origins,
    }
}

/// Problems by language and id (a run of missing ids, "s4-s9", by its
/// first id), each once.
fn sort_problems(problems: &mut Vec<Problem>) {
    problems.sort_by(|a, b| {
        let key =
            |p: &Problem| id_number(p.id.split('-').next().unwrap_or("")).unwrap_or(usize::MAX);
        (&a.lang, key(a), &a.id, a.kind).cmp(&(&b.lang, key(b), &b.id, b.kind))
    });
    problems.dedup();
}

/// The units whose position breaks the export's order. An export lists its
/// units in document order (`document-index`, `position` increasing) or, for
/// a brief ordered by rank, in rank order; a unit that breaks both (and its
/// predecessor) had its id exchanged. Linear in the units.
fn out_of_order(seen: &BTreeMap<usize, (Cow<'_, Unit>, &PathBuf)>) -> Vec<usize> {
    let breaks = |key: &dyn Fn(&Unit) -> Option<(usize, usize)>| -> Option<Vec<usize>> {
        let mut out = Vec::new();
        let mut prev: Option<(usize, (usize, usize))> = None;
        for (&n, (u, _)) in seen {
            let k = key(u)?;
            if let Some((pn, pk)) = prev
                && k < pk
            {
                out.push(pn);
                out.push(n);
            }
            prev = Some((n, k));
        }
        Some(out)
    };
    let by_position = breaks(&|u: &Unit| Some((u.document_index?, u.position?)));
    let by_rank = breaks(&|u: &Unit| Some((u.rank?, 0)));
    let mut found = match (by_position, by_rank) {
        (Some(p), Some(r)) if p.is_empty() || r.is_empty() => Vec::new(),
        (Some(p), Some(r)) => {
            if p.len() <= r.len() {
                p
            } else {
                r
            }
        }
        (Some(p), None) => p,
        (None, Some(r)) => r,
        (None, None) => Vec::new(),
    };
    found.dedup();
    found
}

/// One export has one source language: a file whose source language is not
/// the first file's was relabelled or comes from elsewhere (`en` and `en-US`
/// are one language).
fn check_source_languages(files: &[&UnitFile], problems: &mut Vec<Problem>) {
    let Some(first) = files.first() else {
        return;
    };
    let Ok(first_tag) = first.source_lang.parse::<LanguageTag>() else {
        return;
    };
    for f in files {
        if f.source_lang
            .parse::<LanguageTag>()
            .is_ok_and(|tag| !tag.same_language(&first_tag))
        {
            problems.push(Problem {
                lang: f.target_lang.clone(),
                id: "-".into(),
                kind: ProblemKind::WrongLanguage,
                file: f.path.clone(),
                detail: Some(format!(
                    "source language {}, but {} has {}: one export has one source language",
                    f.source_lang,
                    first.path.display(),
                    first.source_lang
                )),
            });
        }
    }
}

/// The target language a file's name gives, when it is named as brief
/// names its files (`brief.<tag>.<format>`, see [`crate::file_name`]).
fn language_in_name(path: &std::path::Path) -> Option<LanguageTag> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_prefix("brief.")?;
    let (tag, ext) = rest.split_once('.')?;
    let known = [
        "xliff20.xlf",
        "xliff21.xlf",
        "xliff12.xlf",
        "tmx",
        "tsv",
        "jsonl",
    ];
    known.contains(&ext).then(|| tag.parse().ok())?
}

/// A file named for one language that holds another (the Russian file
/// delivered as `brief.fa.xliff20.xlf`) leaves its language without a
/// translation: reported, naming both.
fn check_file_names(files: &[&UnitFile], problems: &mut Vec<Problem>) {
    for f in files {
        let Some(named) = language_in_name(&f.path) else {
            continue;
        };
        let Ok(tag) = f.target_lang.parse::<LanguageTag>() else {
            continue;
        };
        if !named.same_language(&tag) {
            problems.push(Problem {
                lang: f.target_lang.clone(),
                id: "-".into(),
                kind: ProblemKind::WrongLanguage,
                file: f.path.clone(),
                detail: Some(format!(
                    "the file is named for {named} but its target language is {}: the {named} translation is missing",
                    f.target_lang
                )),
            });
        }
    }
}

/// The languages the reference says the export wrote: a file in another
/// language is refused, naming the file and its language.
fn check_export_targets(files: &[&UnitFile], reference: &Reference, problems: &mut Vec<Problem>) {
    if reference.targets.is_empty() {
        return;
    }
    for f in files {
        let Ok(tag) = f.target_lang.parse::<LanguageTag>() else {
            continue;
        };
        if !reference.targets.iter().any(|t| t.same_language(&tag)) {
            problems.push(Problem {
                lang: f.target_lang.clone(),
                id: "-".into(),
                kind: ProblemKind::NotExported,
                file: f.path.clone(),
                detail: Some(format!(
                    "the file's target language is {}; the export ({}) asked for {}",
                    f.target_lang,
                    reference.path.display(),
                    reference
                        .targets
                        .iter()
                        .map(|t| t.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            });
        }
    }
}

/// The target languages the reference says the export wrote that no file
/// of `files` is in: merged, those briefs are not written (a file named
/// for such a language but holding another is a problem of its own).
pub fn missing_languages<'r>(files: &[UnitFile], reference: &'r Reference) -> Vec<&'r LanguageTag> {
    missing_in(files.iter(), reference)
}

fn missing_in<'a, 'r>(
    files: impl Iterator<Item = &'a UnitFile>,
    reference: &'r Reference,
) -> Vec<&'r LanguageTag> {
    let given: Vec<LanguageTag> = files.filter_map(|f| f.target_lang.parse().ok()).collect();
    reference
        .targets
        .iter()
        .filter(|t| !given.iter().any(|g| g.same_language(t)))
        .collect()
}

/// Each target language the reference says the export wrote that no file
/// of this export is in: a problem, named by the reference (its brief
/// would be missing from a result that looks complete).
fn check_missing_languages(
    files: &[&UnitFile],
    reference: &Reference,
    problems: &mut Vec<Problem>,
) {
    let asked: Vec<&str> = reference.targets.iter().map(|t| t.as_str()).collect();
    for lang in missing_in(files.iter().copied(), reference) {
        problems.push(Problem {
            lang: lang.as_str().to_string(),
            id: "-".into(),
            kind: ProblemKind::MissingLanguage,
            file: reference.path.clone(),
            detail: Some(format!(
                "the export asked for {}: no {lang} brief",
                asked.join(", ")
            )),
        });
    }
}

/// Files of one brief must come from one export: the reference's, or else
/// the first file's. Each file with another export id is reported once,
/// naming the sets to merge apart; the answer says, per file, whether it
/// is wholly of another export.
fn check_exports(
    files: &[UnitFile],
    reference: Option<&Reference>,
    problems: &mut Vec<Problem>,
) -> Vec<bool> {
    let mut foreign = vec![false; files.len()];
    let file_id = |f: &UnitFile| f.units.iter().find_map(|u| u.export_id.clone());
    let truth = reference
        .and_then(|r| {
            r.units
                .iter()
                .find_map(|u| u.export_id.clone())
                .map(|id| (id, r.path.clone()))
        })
        .or_else(|| {
            files
                .iter()
                .find_map(|f| file_id(f).map(|id| (id, f.path.clone())))
        });
    let Some((truth, truth_path)) = truth else {
        return foreign;
    };
    for (i, f) in files.iter().enumerate() {
        let mut ids = f.units.iter().filter_map(|u| u.export_id.as_deref());
        let other = ids.clone().find(|id| *id != truth);
        if let Some(id) = other {
            foreign[i] = !ids.any(|id| id == truth);
            problems.push(Problem {
                lang: f.target_lang.clone(),
                id: "-".into(),
                kind: ProblemKind::MixedExports,
                file: f.path.clone(),
                detail: Some(format!(
                    "export {}, but {} is of export {}: merge each export (each set of a batch) in a command of its own",
                    id.escape_default(),
                    truth_path.display(),
                    truth.escape_default()
                )),
            });
        }
    }
    foreign
}

mod passes;
#[cfg(test)]
mod tests;
mod tmx_out;
