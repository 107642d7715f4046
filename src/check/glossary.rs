//! A desk's glossary: source terms with their required translations, read
//! from CSV/TSV or TBX, found in sources by stems, and checked in targets.
//!
//! Matching is by stems, not strings, so inflection does not hide a term:
//! English `talks` finds the entry `talk`; Russian `Путина`, `Путиным` are
//! the entry `Путин` (Snowball stems, [`crate::stem`]); Persian `پوتین‌ها`,
//! `پوتینها` and `کاخ‌سفید` / `کاخ سفید` match with or without ZWNJ, space
//! or attached suffixes (matching keys of [`crate::tokenize`], which drop
//! ZWNJ and unify Arabic/Persian letters, then the light Persian stemmer).
//! A glossary source term that starts with a capital (`May`, a name) only
//! matches capitalized text, so the modal verb "may" is not Theresa May.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::str::FromStr;
use std::sync::OnceLock;

use super::{CheckKind, Finding, names};
use crate::error::{Error, Result};
use crate::formats::xml::{self, Element};
use crate::lang::Lang;
use crate::stem::{PersianStemmer, Stemmer};
use crate::tokenize::tokenize;

/// The largest glossary file accepted, in bytes.
pub const MAX_GLOSSARY_BYTES: usize = 16 * 1024 * 1024;
/// The most entries a glossary may have.
pub const MAX_GLOSSARY_ENTRIES: usize = 200_000;
/// The most words one term may have.
pub const MAX_TERM_WORDS: usize = 12;

/// A glossary term found in a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term as the glossary writes it in the source language.
    pub source: String,
    /// Its translations in the requested language, as the glossary writes them.
    pub targets: Vec<String>,
    /// Byte offset of its first occurrence in the source text.
    pub start: usize,
    /// Byte offset just past that occurrence.
    pub end: usize,
}

#[derive(Debug, Clone)]
struct Entry {
    source: String,
    stems: Vec<String>,
    capitalized: bool,
    /// A name written in the plural (`States`, `Games`): its last word
    /// only matches that very form, so `State` is not `States`.
    plural_name: Option<String>,
    targets: BTreeMap<Lang, Vec<String>>,
}

/// A parsed glossary (see the module docs).
#[derive(Debug, Clone)]
pub struct Glossary {
    source_lang: Lang,
    entries: Vec<Entry>,
    /// Entries by their first stem.
    index: HashMap<String, Vec<usize>>,
}

fn invalid(path: &Path, message: String) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message,
    }
}

/// An English key without its plural ending: `talks` → `talk`, `parties`
/// → `party`, `taxes` → `tax`. English source terms are matched on these
/// rather than on Porter stems, which would make `Senator` the `Senate`;
/// a final `y` stays, so `German` is not `Germany`.
fn singular(key: &str) -> std::borrow::Cow<'_, str> {
    if key.chars().count() <= 3 {
        return key.into();
    }
    if let Some(s) = key.strip_suffix("ies") {
        return format!("{s}y").into();
    }
    for ending in ["sses", "shes", "ches", "xes", "zes"] {
        if key.ends_with(ending) {
            return key[..key.len() - 2].into();
        }
    }
    if key.ends_with('s') && !key.ends_with("ss") && !key.ends_with("us") {
        return key[..key.len() - 1].into();
    }
    key.into()
}

/// The form a source word is matched by: for English its singular, else
/// its stem.
fn source_form(key: &str, lang: Lang, stemmer: &Stemmer) -> String {
    if lang == Lang::EN {
        singular(key).into_owned()
    } else {
        stemmer.stem(key).into_owned()
    }
}

/// One source word: its matching form, its key (case-folded surface) and
/// its byte span.
struct SourceWord {
    form: String,
    key: String,
    start: usize,
    end: usize,
}

/// Matching forms of the words of `text`, with their byte spans.
fn stems(text: &str, lang: Lang, stemmer: &Stemmer) -> Vec<SourceWord> {
    tokenize(text, lang)
        .into_iter()
        .map(|t| SourceWord {
            form: source_form(&t.key, lang, stemmer),
            key: t.key,
            start: t.start,
            end: t.end,
        })
        .collect()
}

/// Splits CSV/TSV text into records (RFC 4180: fields in double quotes may
/// hold the delimiter, line breaks and `""` for a quote), each with the
/// one-based line it starts on.
fn records(text: &str, delim: char, path: &Path) -> Result<Vec<(usize, Vec<String>)>> {
    let mut out = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut record_line = 1usize;
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut field_started = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    if let Some(&n) = chars.peek()
                        && n != delim
                        && n != '\n'
                        && n != '\r'
                    {
                        return Err(invalid(
                            path,
                            format!("line {line}: text after a closing quote"),
                        ));
                    }
                }
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if !field_started => {
                quoted = true;
                field_started = true;
            }
            '"' => {
                return Err(invalid(
                    path,
                    format!(
                        "line {line}: a quote inside an unquoted field (quote the whole field and double the quote)"
                    ),
                ));
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                out.push((record_line, std::mem::take(&mut record)));
                line += 1;
                record_line = line;
                field_started = false;
            }
            c if c == delim => {
                record.push(std::mem::take(&mut field));
                field_started = false;
            }
            _ => {
                field.push(c);
                field_started = true;
            }
        }
    }
    if quoted {
        return Err(invalid(
            path,
            format!("line {record_line}: a quoted field is never closed"),
        ));
    }
    if field_started || !record.is_empty() {
        record.push(field);
        out.push((record_line, record));
    }
    Ok(out)
}

/// Column headers that carry no translation and are ignored.
const IGNORED_COLUMNS: &[&str] = &["note", "notes", "comment", "comments", "definition"];

impl Glossary {
    fn empty(source_lang: Lang) -> Glossary {
        Glossary {
            source_lang,
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// Reads a glossary, TBX if the text starts with `<`, else CSV/TSV.
    /// `source_lang` is the language of the `source` column (a header may
    /// name it instead, e.g. `en,fa,ru`) and the TBX language taken as source.
    pub fn parse(text: &str, source_lang: Lang, path: &Path) -> Result<Glossary> {
        let body = text.trim_start_matches('\u{FEFF}').trim_start();
        if body.starts_with('<') {
            Glossary::from_tbx(text, source_lang, path)
        } else {
            Glossary::from_delimited(text, source_lang, path)
        }
    }

    /// Reads CSV (comma) or TSV (tab, chosen when the header has a tab)
    /// with a header `source,fa,ru,...`: the first column is the source
    /// term, each further column a language code (or `note`, ignored). A
    /// source on several rows collects all their translations; empty cells
    /// are no translation.
    ///
    /// ```
    /// use brief::check::Glossary;
    /// use brief::Lang;
    /// let g = Glossary::from_delimited("source,fa,ru\nPutin,پوتین,Путин\n\"White House\",کاخ سفید,Белый дом\n",
    ///                                   Lang::EN, "g.csv".as_ref()).unwrap();
    /// let terms = g.terms_in("Putin spoke at the White House.", Lang::RU);
    /// assert_eq!(terms[0].targets, ["Путин"]);
    /// assert_eq!(terms[1].source, "White House");
    /// ```
    pub fn from_delimited(text: &str, source_lang: Lang, path: &Path) -> Result<Glossary> {
        if text.len() > MAX_GLOSSARY_BYTES {
            return Err(invalid(
                path,
                format!("larger than {} MiB", MAX_GLOSSARY_BYTES >> 20),
            ));
        }
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let first_line = text.lines().next().unwrap_or("");
        let delim = if first_line.contains('\t') { '\t' } else { ',' };
        let rows = records(text, delim, path)?;
        let mut rows = rows
            .into_iter()
            .filter(|(_, r)| r.iter().any(|f| !f.trim().is_empty()));
        let Some((_, header)) = rows.next() else {
            return Err(invalid(
                path,
                "no header line (expected e.g. source,fa,ru)".into(),
            ));
        };
        let first = header[0].trim();
        let src_lang = if first.eq_ignore_ascii_case("source") {
            source_lang
        } else {
            Lang::from_str(first).map_err(|_| {
                invalid(
                    path,
                    format!("line 1: the first column must be \"source\" or a language code, not {first:?}"),
                )
            })?
        };
        let mut columns: Vec<Option<Lang>> = Vec::new();
        for (i, h) in header.iter().enumerate().skip(1) {
            let h = h.trim();
            if IGNORED_COLUMNS.contains(&h.to_ascii_lowercase().as_str()) {
                columns.push(None);
                continue;
            }
            let lang = Lang::from_str(h).map_err(|_| {
                invalid(
                    path,
                    format!(
                        "line 1, column {}: {h:?} is not a language code (or note)",
                        i + 1
                    ),
                )
            })?;
            if columns.contains(&Some(lang)) || lang == src_lang {
                return Err(invalid(
                    path,
                    format!("line 1, column {}: language {lang} appears twice", i + 1),
                ));
            }
            columns.push(Some(lang));
        }
        let mut g = Glossary::empty(src_lang);
        let mut by_source: HashMap<String, usize> = HashMap::new();
        for (line, row) in rows {
            if row.len() > header.len() {
                return Err(invalid(
                    path,
                    format!(
                        "line {line}: {} fields for {} columns",
                        row.len(),
                        header.len()
                    ),
                ));
            }
            let source = row[0].trim();
            if source.is_empty() {
                return Err(invalid(path, format!("line {line}: no source term")));
            }
            let mut targets: BTreeMap<Lang, Vec<String>> = BTreeMap::new();
            for (cell, lang) in row.iter().skip(1).zip(&columns) {
                if let (Some(lang), false) = (lang, cell.trim().is_empty()) {
                    targets
                        .entry(*lang)
                        .or_default()
                        .push(cell.trim().to_string());
                }
            }
            g.add(source, targets, &mut by_source, path, line)?;
        }
        g.build_index();
        Ok(g)
    }

    /// Reads TBX (TBX-Basic `martif`/`termEntry`/`langSet`/`tig` or TBX v3
    /// `tbx`/`conceptEntry`/`langSec`/`termSec`): each entry's terms in
    /// `source_lang` become source terms, its terms in other languages
    /// their translations. DTDs and entities other than XML's own are
    /// refused.
    pub fn from_tbx(text: &str, source_lang: Lang, path: &Path) -> Result<Glossary> {
        if text.len() > MAX_GLOSSARY_BYTES {
            return Err(invalid(
                path,
                format!("larger than {} MiB", MAX_GLOSSARY_BYTES >> 20),
            ));
        }
        let root = xml::parse(text, path)?;
        if root.name != "martif" && root.name != "tbx" {
            return Err(invalid(
                path,
                format!(
                    "the root element is <{}>, not TBX <martif> or <tbx>",
                    root.name
                ),
            ));
        }
        let mut entries: Vec<&Element> = Vec::new();
        collect(&root, &["termEntry", "conceptEntry"], &mut entries);
        let mut g = Glossary::empty(source_lang);
        let mut by_source: HashMap<String, usize> = HashMap::new();
        for (n, entry) in entries.iter().enumerate() {
            let mut groups: Vec<&Element> = Vec::new();
            collect(entry, &["langSet", "langSec"], &mut groups);
            let mut sources: Vec<String> = Vec::new();
            let mut targets: BTreeMap<Lang, Vec<String>> = BTreeMap::new();
            for group in groups {
                let Some(code) = group.attr("xml:lang") else {
                    return Err(invalid(
                        path,
                        format!("entry {}: a <{}> without xml:lang", n + 1, group.name),
                    ));
                };
                let lang = Lang::from_str(code)
                    .map_err(|e| invalid(path, format!("entry {}: {e}", n + 1)))?;
                let mut terms: Vec<&Element> = Vec::new();
                collect(group, &["term"], &mut terms);
                for t in terms {
                    let text = t.text().trim().to_string();
                    if text.is_empty() {
                        continue;
                    }
                    if lang == source_lang {
                        sources.push(text);
                    } else {
                        targets.entry(lang).or_default().push(text);
                    }
                }
            }
            for s in sources {
                g.add(&s, targets.clone(), &mut by_source, path, n + 1)?;
            }
        }
        g.build_index();
        Ok(g)
    }

    fn add(
        &mut self,
        source: &str,
        targets: BTreeMap<Lang, Vec<String>>,
        by_source: &mut HashMap<String, usize>,
        path: &Path,
        line: usize,
    ) -> Result<()> {
        // Terms are written into exported XLIFF and shown in reports: a
        // control character is refused here, naming its line, not later as
        // an export error that names no glossary.
        let texts = std::iter::once(source).chain(targets.values().flatten().map(String::as_str));
        for text in texts {
            if let Some(c) = text
                .chars()
                .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            {
                return Err(invalid(
                    path,
                    format!(
                        "line {line}: the term {:?} holds the control character U+{:04X}",
                        text.escape_default().to_string(),
                        c as u32
                    ),
                ));
            }
        }
        if let Some(&i) = by_source.get(source) {
            let entry = &mut self.entries[i];
            for (lang, ts) in targets {
                let list = entry.targets.entry(lang).or_default();
                for t in ts {
                    if !list.contains(&t) {
                        list.push(t);
                    }
                }
            }
            return Ok(());
        }
        if self.entries.len() >= MAX_GLOSSARY_ENTRIES {
            return Err(invalid(
                path,
                format!("more than {MAX_GLOSSARY_ENTRIES} entries"),
            ));
        }
        let stemmer = Stemmer::for_lang(self.source_lang);
        let words = stems(source, self.source_lang, &stemmer);
        let capitalized = source.chars().next().is_some_and(char::is_uppercase);
        let plural_name = words
            .last()
            .filter(|w| capitalized && self.source_lang == Lang::EN && w.form != w.key)
            .map(|w| w.key.clone());
        let stems: Vec<String> = words.into_iter().map(|w| w.form).collect();
        if stems.is_empty() {
            return Err(invalid(
                path,
                format!("line {line}: the term {source:?} has no words"),
            ));
        }
        if stems.len() > MAX_TERM_WORDS {
            return Err(invalid(
                path,
                format!("line {line}: the term {source:?} has more than {MAX_TERM_WORDS} words"),
            ));
        }
        by_source.insert(source.to_string(), self.entries.len());
        self.entries.push(Entry {
            source: source.to_string(),
            stems,
            capitalized,
            plural_name,
            targets,
        });
        Ok(())
    }

    fn build_index(&mut self) {
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            self.index.entry(e.stems[0].clone()).or_default().push(i);
        }
    }

    /// The number of source terms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the glossary has no terms.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The language of the source terms.
    pub fn source_lang(&self) -> Lang {
        self.source_lang
    }

    /// The terms that occur in `source` and have a translation into
    /// `lang`, in order of first occurrence; at each position the longest
    /// term wins and overlapping shorter ones are skipped.
    pub fn terms_in(&self, source: &str, lang: Lang) -> Vec<Term> {
        let stemmer = Stemmer::for_lang(self.source_lang);
        let words = stems(source, self.source_lang, &stemmer);
        let mut out: Vec<Term> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut best: Option<(usize, usize)> = None; // (entry, words)
            for &e in self.index.get(&words[i].form).into_iter().flatten() {
                let entry = &self.entries[e];
                let n = entry.stems.len();
                if i + n > words.len() || entry.targets.get(&lang).is_none_or(|t| t.is_empty()) {
                    continue;
                }
                let same = entry
                    .stems
                    .iter()
                    .zip(&words[i..i + n])
                    .all(|(a, b)| *a == b.form)
                    && entry
                        .plural_name
                        .as_ref()
                        .is_none_or(|k| *k == words[i + n - 1].key);
                let first = &source[words[i].start..words[i].end];
                let case_ok =
                    !entry.capitalized || first.chars().next().is_some_and(char::is_uppercase);
                if same && case_ok && best.is_none_or(|(_, m)| n > m) {
                    best = Some((e, n));
                }
            }
            let Some((e, n)) = best else {
                i += 1;
                continue;
            };
            let entry = &self.entries[e];
            if !out.iter().any(|t| t.source == entry.source) {
                out.push(Term {
                    source: entry.source.clone(),
                    targets: entry.targets[&lang].clone(),
                    start: words[i].start,
                    end: words[i + n - 1].end,
                });
            }
            i += n;
        }
        out
    }

    /// The `glossary` check: a term of the source none of whose
    /// translations is in the target.
    pub(crate) fn check(
        &self,
        source: &str,
        target: &str,
        source_lang: Lang,
        target_lang: Lang,
    ) -> Vec<Finding> {
        if source_lang != self.source_lang {
            return Vec::new();
        }
        let terms = self.terms_in(source, target_lang);
        if terms.is_empty() {
            return Vec::new();
        }
        let matcher = TargetMatcher::new(target, target_lang);
        terms
            .into_iter()
            .filter(|t| !t.targets.iter().any(|want| matcher.contains(want)))
            .filter(|t| {
                !names::excused_in_longer_name(
                    source,
                    (t.start, t.end),
                    target,
                    source_lang,
                    target_lang,
                )
            })
            .map(|t| {
                Finding::warning(
                    CheckKind::Glossary,
                    format!(
                        "\"{}\" should be translated as {}",
                        t.source,
                        t.targets
                            .iter()
                            .map(|x| format!("\"{x}\""))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                )
            })
            .collect()
    }
}

fn collect<'a>(e: &'a Element, names: &[&str], out: &mut Vec<&'a Element>) {
    for c in e.elements() {
        if names.contains(&c.name.as_str()) {
            out.push(c);
        } else {
            collect(c, names, out);
        }
    }
}

/// The longest Persian suffix chain a matched term may carry
/// (`پوتین‌هایشان`), in characters.
const FA_MAX_ATTACHED: usize = 6;

/// Finds glossary translations in one target.
struct TargetMatcher {
    lang: Lang,
    stemmer: Stemmer,
    /// Stems of the target's words (all languages but Persian).
    stems: Vec<String>,
    /// Matching keys of the target's words (Persian).
    keys: Vec<String>,
}

impl TargetMatcher {
    fn new(target: &str, lang: Lang) -> TargetMatcher {
        let stemmer = Stemmer::for_lang(lang);
        let keys: Vec<String> = tokenize(target, lang).into_iter().map(|t| t.key).collect();
        let stems = keys.iter().map(|k| stemmer.stem(k).into_owned()).collect();
        TargetMatcher {
            lang,
            stemmer,
            stems,
            keys,
        }
    }

    fn contains(&self, term: &str) -> bool {
        let term_keys: Vec<String> = tokenize(term, self.lang)
            .into_iter()
            .map(|t| t.key)
            .collect();
        if term_keys.is_empty() {
            return true;
        }
        if self.lang == Lang::FA {
            return self.contains_persian(&term_keys);
        }
        let want: Vec<String> = term_keys
            .iter()
            .map(|k| self.stemmer.stem(k).into_owned())
            .collect();
        // A derived word counts for Russian: "субботнего" for "суббота",
        // "июньской" for "июнь" (the stem is a prefix of the word's stem),
        // and so does a compound: "Евросоюз" for "союз" (a stem of four
        // letters or more inside the word's stem).
        let derived = self.lang == Lang::RU;
        self.stems.windows(want.len()).any(|w| {
            w.iter().zip(&want).all(|(have, want)| {
                let n = want.chars().count();
                have == want
                    || (derived && n >= 3 && have.starts_with(want.as_str()))
                    || (derived && n >= 4 && have.contains(want.as_str()))
            })
        })
    }

    /// Persian: the term's keys run together (so spaces, ZWNJ or nothing
    /// between its words all match) at the start of a run of target words,
    /// followed by at most a short attached suffix.
    fn contains_persian(&self, term_keys: &[String]) -> bool {
        static STEMMER: OnceLock<PersianStemmer> = OnceLock::new();
        let want: String = term_keys.concat();
        let stemmer = STEMMER.get_or_init(PersianStemmer::builtin);
        let want_stem = stemmer.stem(&want).to_string();
        for i in 0..self.keys.len() {
            let mut run = String::new();
            for k in self.keys[i..].iter().take(term_keys.len() + 1) {
                run.push_str(k);
                if let Some(rest) = run.strip_prefix(want.as_str())
                    && rest.chars().count() <= FA_MAX_ATTACHED
                {
                    return true;
                }
                if run.len() >= want.len() && stemmer.stem(&run) == want_stem {
                    return true;
                }
                if run.len() > want.len() + FA_MAX_ATTACHED * 2 {
                    break;
                }
            }
        }
        false
    }
}

/// One word of a text as the glossary check sees it: its byte span and
/// its matching stem (case-folded, normalized, stemmed for the language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the word.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The stem it is matched by.
    pub stem: String,
}

/// The words of `text` in `lang`, with their stems: what a glossary entry
/// is matched against (useful to build a glossary from parallel text).
///
/// ```
/// use brief::{Lang, check::words};
/// let w = words("Переговоры прошли", Lang::RU);
/// assert_eq!(w[0].stem, "переговор");
/// assert_eq!((w[1].start, w[1].end), (21, 33));
/// ```
pub fn words(text: &str, lang: Lang) -> Vec<Word> {
    let stemmer = Stemmer::for_lang(lang);
    tokenize(text, lang)
        .into_iter()
        .map(|t| Word {
            start: t.start,
            end: t.end,
            stem: stemmer.stem(&t.key).into_owned(),
        })
        .collect()
}

#[cfg(test)]
#[path = "glossary_tests.rs"]
mod tests;
