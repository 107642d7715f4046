//! Exporting a brief (or every sentence) for translation.
//!
//! An [`Export`] is the list of [`Unit`]s in brief order, built straight from
//! a [`Summary`] (which names its sentences) or from every sentence of the
//! analyzed documents. Each target language gets its own file per
//! [`Format`]; a unit has the same id (`s1`, `s2`, ...) in every file, so
//! files for different languages stay aligned. Every unit also carries a
//! [`fingerprint`](crate::fingerprint) of its exact source text and the
//! number of units in the export, which is what [`crate::merge`] uses to find
//! drift and missing units.
//!
//! ```
//! use brief::{Config, Document, Export, Format, LanguageTag, TargetMode};
//! let doc = brief::analyze(Document::new("a.txt", "Tom & Jerry met. They <laughed>."), &Config::default());
//! let export = Export::all_sentences(&[doc], None);
//! let fa: LanguageTag = "fa".parse().unwrap();
//! let xlf = String::from_utf8(export.render(Format::Xliff20, &fa, TargetMode::Empty).unwrap()).unwrap();
//! assert!(xlf.contains("<source>Tom &amp; Jerry met.</source>"));
//! assert!(xlf.contains(r#"trgDir="rtl""#));
//! assert_eq!(brief::file_name(Format::Xliff20, &fa), "brief.fa.xliff20.xlf");
//! ```

use serde::Deserialize;

use crate::analysis::AnalyzedDocument;
use crate::check::Glossary;
use crate::error::Result;
use crate::formats::{
    self, Aids, Format, LanguageTag, Suggestion, TargetMode, TermHint, Unit, fingerprint,
};
use crate::lang::Lang;
use crate::summarize::Summary;
use crate::tm::{Match, Memory};

/// The units of one export, in one source language, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// The source language tag.
    pub source_lang: LanguageTag,
    /// The units, in brief order, with ids `s1..sN`.
    pub units: Vec<Unit>,
}

/// One picked sentence: (document index, sentence index, rank, score).
/// A sentence to export: document, sentence, rank, score, and the bytes
/// of dateline before the part a brief takes (0 for the whole sentence).
type Pick = (usize, usize, Option<usize>, Option<f64>, usize);

impl Export {
    /// The export of `units`, numbered and final: every unit gets the
    /// segment count and the export id, a digest of the source tag and all
    /// units (so it is computed last).
    fn sealed(source_lang: LanguageTag, mut units: Vec<Unit>) -> Export {
        let total = units.len();
        for u in &mut units {
            u.segment_count = Some(total);
        }
        let id = formats::export_id(&source_lang, &units);
        for u in &mut units {
            u.export_id = Some(id.clone());
        }
        Export { source_lang, units }
    }

    /// The sentences of `summary`, in its order, with their rank and score,
    /// after its title when the title is a document's first line (a unit of
    /// its own, without rank or score, so the translator translates it too).
    /// `docs` must be the documents the summary was made from. The source
    /// language is `source` if given, else the summary's language.
    pub fn from_summary(
        docs: &[AnalyzedDocument],
        summary: &Summary,
        source: Option<LanguageTag>,
    ) -> Export {
        let picks = summary_picks(docs, summary);
        let tag = source.unwrap_or_else(|| LanguageTag::from_lang(summary.lang));
        Export::from_picks(docs, &picks, tag)
    }

    /// Every sentence of every document, in document order. The source
    /// language is `source` if given, else the language of the first
    /// document (English when there are no documents).
    pub fn all_sentences(docs: &[AnalyzedDocument], source: Option<LanguageTag>) -> Export {
        let picks: Vec<Pick> = docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| (0..doc.sentences.len()).map(move |i| (d, i, None, None, 0)))
            .collect();
        let tag = source
            .unwrap_or_else(|| LanguageTag::from_lang(docs.first().map_or(Lang::EN, |d| d.lang())));
        Export::from_picks(docs, &picks, tag)
    }

    fn from_picks(docs: &[AnalyzedDocument], picks: &[Pick], source_lang: LanguageTag) -> Export {
        let mut units = Vec::with_capacity(picks.len());
        for &(d, i, rank, score, skip) in picks {
            let Some(doc) = docs.get(d) else { continue };
            let Some(sentence) = doc.sentences.get(i) else {
                continue;
            };
            let neighbour = |j: Option<usize>| {
                j.filter(|&j| j < doc.sentences.len())
                    .map(|j| doc.sentence_text(j).to_string())
            };
            let whole = doc.sentence_text(i);
            let source = whole.get(skip..).unwrap_or(whole).to_string();
            units.push(Unit {
                id: format!("s{}", units.len() + 1),
                fingerprint: Some(fingerprint(&source)),
                source,
                target: None,
                segment_count: None,
                document: Some(document_name(&doc.document.name)),
                // Indices from 0, as the summary's and the segmenter's.
                document_index: Some(d),
                position: Some(i),
                paragraph: Some(sentence.paragraph),
                rank,
                score,
                previous: neighbour(i.checked_sub(1)),
                next: neighbour(Some(i + 1)),
                export_id: None,
                state: Default::default(),
            });
        }
        Export::sealed(source_lang, units)
    }

    /// Renders one file of this export for `target`.
    ///
    /// Fails when there are no units, or when a text holds a character that
    /// XML 1.0 cannot represent (most C0 controls) and the format is XML.
    pub fn render(
        &self,
        format: Format,
        target: &LanguageTag,
        mode: TargetMode,
    ) -> Result<Vec<u8>> {
        formats::render(format, &self.source_lang, &self.units, target, mode, &[])
    }

    /// Renders one file with translation aids, one [`Aids`] per unit (from
    /// [`Export::aids`]): exact memory matches become translated targets,
    /// candidates and glossary terms go where the format keeps them.
    pub fn render_with(
        &self,
        format: Format,
        target: &LanguageTag,
        mode: TargetMode,
        aids: &[Aids],
    ) -> Result<Vec<u8>> {
        formats::render(format, &self.source_lang, &self.units, target, mode, aids)
    }

    /// Looks every unit up in `memories` (in order: the first memory with an
    /// exact match wins) and `glossary` for `target`.
    ///
    /// An exact match becomes the target only if it kept all its inline
    /// codes and no memory offers a different translation of the same
    /// source; otherwise it is a candidate, like the fuzzy matches.
    pub fn aids(
        &self,
        target: &LanguageTag,
        memories: &[&Memory],
        glossary: Option<&Glossary>,
    ) -> Vec<Aids> {
        let source_lang = self.source_lang.as_str();
        self.units
            .iter()
            .map(|u| {
                let mut aids = Aids::default();
                let mut exact: Vec<Match> = Vec::new();
                let mut fuzzy: Vec<Match> = Vec::new();
                for m in memories {
                    let found = m.lookup(&u.source, source_lang, target.as_str());
                    exact.extend(found.exact);
                    fuzzy.extend(found.fuzzy);
                }
                let mut exact = exact.into_iter();
                let first = exact.next();
                // Other exact matches are candidates too: the translator
                // sees that the memories disagree.
                fuzzy.extend(exact);
                if let Some(first) = first {
                    let conflict = fuzzy
                        .iter()
                        .any(|f| f.score == 100 && f.target != first.target);
                    // Blank as merge sees it: ZWNJ or bidi marks alone are
                    // no target to mark translated.
                    let blank = crate::invisible::is_blank(&first.target);
                    if first.target_markup > 0 || conflict || blank {
                        fuzzy.insert(0, first);
                    } else {
                        aids.exact = Some(suggestion(&first));
                    }
                }
                // Best first; equal scores keep memory order (stable sort).
                fuzzy.sort_by_key(|m| std::cmp::Reverse(m.score));
                let mut seen: Vec<(String, String)> = Vec::new();
                for f in fuzzy {
                    let key = (f.source.clone(), f.target.clone());
                    let same_as_exact = aids
                        .exact
                        .as_ref()
                        .is_some_and(|e| e.source == f.source && e.target == f.target);
                    if same_as_exact || seen.contains(&key) || f.target.trim().is_empty() {
                        continue;
                    }
                    seen.push(key);
                    aids.candidates.push(suggestion(&f));
                    if aids.candidates.len() == crate::tm::MAX_FUZZY {
                        break;
                    }
                }
                if let Some(g) = glossary {
                    aids.terms = glossary_hints(g, &u.source, target);
                }
                aids
            })
            .collect()
    }

    /// The reference copy of this export (`brief.reference.jsonl`): its
    /// units as JSONL without targets, what `brief merge --reference`
    /// reads; it does not say which languages the export wrote (an OmegaT
    /// project's copy, one per language): see
    /// [`Export::render_reference_for`].
    pub fn render_reference(&self, target: &LanguageTag) -> Result<Vec<u8>> {
        formats::render(
            Format::Jsonl,
            &self.source_lang,
            &self.units,
            target,
            TargetMode::None,
            &[],
        )
    }

    /// The reference copy of this export (`brief.reference.jsonl`): its
    /// units as JSONL without targets (`target_lang` the first target),
    /// each line also listing every target language the export wrote
    /// (`export_targets`), what `brief merge` reads to report a missing
    /// language and refuse one the export did not ask for.
    pub fn render_reference_for(&self, targets: &[&LanguageTag]) -> Result<Vec<u8>> {
        let Some(first) = targets.first() else {
            return Err(crate::error::Error::Input {
                path: formats::REFERENCE_FILE_NAME.into(),
                message: "an export without a target language has no reference".into(),
            });
        };
        let lines = self.render_reference(first)?;
        let names: Vec<&str> = targets.iter().map(|t| t.as_str()).collect();
        let list = serde_json::to_string(&names).map_err(|e| crate::error::Error::Input {
            path: formats::REFERENCE_FILE_NAME.into(),
            message: e.to_string(),
        })?;
        // Every line is one JSON object: the list goes in before its `}`.
        let mut out = Vec::with_capacity(lines.len() + names.len() * 8);
        for line in lines.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let body = line.strip_suffix(b"}").unwrap_or(line);
            out.extend_from_slice(body);
            out.extend_from_slice(b",\"export_targets\":");
            out.extend_from_slice(list.as_bytes());
            out.extend_from_slice(b"}\n");
        }
        Ok(out)
    }

    /// The export id written into every file of this export.
    pub fn id(&self) -> Option<&str> {
        self.units.first().and_then(|u| u.export_id.as_deref())
    }
}

fn suggestion(m: &Match) -> Suggestion {
    let o = &m.origin;
    let mut origin = match &o.file {
        Some(f) => f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| f.display().to_string()),
        None => "memory".to_string(),
    };
    if let Some(n) = o.unit {
        origin.push_str(&format!(" unit {n}"));
    }
    if let Some(id) = &o.tuid {
        origin.push_str(&format!(" (tuid {id})"));
    }
    Suggestion {
        source: m.source.clone(),
        target: m.target.clone(),
        score: m.score,
        origin,
    }
}

/// The glossary's terms in `source` with their translations into `target`
/// (terms without one are left out: nothing to tell the translator).
fn glossary_hints(g: &Glossary, source: &str, target: &LanguageTag) -> Vec<TermHint> {
    let mut hints: Vec<TermHint> = Vec::new();
    for term in g.terms_in(source, target.lang()) {
        let text = source
            .get(term.start..term.end)
            .unwrap_or(&term.source)
            .to_string();
        if term.targets.is_empty() || hints.iter().any(|h| h.term == text) {
            continue;
        }
        hints.push(TermHint {
            term: text,
            translations: term.targets,
        });
    }
    hints
}

/// The name written into the files for a document: its file name without
/// the directories, so an export does not publish local paths.
fn document_name(name: &str) -> String {
    std::path::Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string())
}

/// `[export]`: translation export settings.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExportSettings {
    /// Target language tags (BCP 47, e.g. `fa`, `fa-IR`, `ru-RU`).
    pub targets: Vec<LanguageTag>,
    /// Formats to write.
    pub formats: Vec<Format>,
    /// Target handling: `empty`, `source` or `none`.
    pub target: TargetMode,
    /// The source language tag written into the files (e.g. `en-GB`);
    /// unset means the detected language code.
    pub source_tag: Option<LanguageTag>,
}

impl Default for ExportSettings {
    fn default() -> ExportSettings {
        ExportSettings {
            targets: vec![
                LanguageTag::from_lang(Lang::FA),
                LanguageTag::from_lang(Lang::RU),
            ],
            formats: vec![Format::Xliff20, Format::Tmx],
            target: TargetMode::Empty,
            source_tag: None,
        }
    }
}

/// The picks of a summary: its sentences, and its title's sentences when
/// the title opens one of `docs`, in document order among
/// them (so `brief merge` finds the units in the order it checks). A brief
/// in rank order gets no title unit: its units follow their ranks, which a
/// title does not have.
fn summary_picks(docs: &[AnalyzedDocument], summary: &Summary) -> Vec<Pick> {
    // A brief sentence may start after its sentence's dateline.
    let skip = |s: &crate::SummarySentence| {
        docs.get(s.doc)
            .and_then(|d| d.sentences.get(s.sentence))
            .map_or(0, |span| s.start.saturating_sub(span.start))
    };
    let mut picks: Vec<Pick> = summary
        .sentences
        .iter()
        .map(|s| (s.doc, s.sentence, Some(s.rank), Some(s.score), skip(s)))
        .collect();
    let in_document_order = picks
        .windows(2)
        .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1));
    // The title's sentences: one, or several when the headline reads as
    // several (`Need a Change? 7 Vital Tips on How to Rent a Car`).
    let title_doc = summary.title.as_deref().and_then(|t| {
        docs.iter()
            .enumerate()
            .map(|(d, doc)| (d, crate::summarize::title_sentences(doc, t)))
            .find(|&(_, n)| n > 0)
    });
    if let Some((d, n)) = title_doc
        && in_document_order
        && !picks.iter().any(|p| p.0 == d && p.1 < n)
    {
        let at = picks.iter().position(|p| p.0 >= d).unwrap_or(picks.len());
        for k in (0..n).rev() {
            picks.insert(at, (d, k, None, None, 0));
        }
    }
    picks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document, analyze};

    fn export(text: &str) -> Export {
        Export::all_sentences(
            &[analyze(Document::new("d", text), &Config::default())],
            None,
        )
    }

    fn memory(tus: &[(&str, &str)]) -> Memory {
        let body: String = tus
            .iter()
            .map(|(src, trg)| {
                format!(
                    "<tu><tuv xml:lang=\"en\"><seg>{src}</seg></tuv><tuv xml:lang=\"fa\"><seg>{trg}</seg></tuv></tu>\n"
                )
            })
            .collect();
        let tmx = format!(
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n{body}</body></tmx>\n"
        );
        Memory::read(tmx.into_bytes(), std::path::Path::new("m.tmx")).unwrap()
    }

    const ONE: &str = "The minister met the envoy in Geneva on Monday.";

    #[test]
    fn an_exact_match_is_the_target_and_fuzzy_ones_candidates() {
        let e = export(ONE);
        let fa: LanguageTag = "fa".parse().unwrap();
        let m = memory(&[
            (ONE, "وزیر"),
            ("The minister met the envoy in Geneva on Tuesday.", "سه‌شنبه"),
        ]);
        let aids = e.aids(&fa, &[&m], None);
        assert_eq!(aids.len(), 1);
        let exact = aids[0].exact.as_ref().unwrap();
        assert_eq!(
            (exact.target.as_str(), exact.origin.as_str()),
            ("وزیر", "m.tmx unit 1")
        );
        assert_eq!(aids[0].candidates.len(), 1);
        assert_eq!(aids[0].candidates[0].target, "سه‌شنبه");
        assert!(aids[0].candidates[0].score >= 75 && aids[0].candidates[0].score < 100);
        // No memory, no glossary: nothing, and the same bytes as render.
        let none = e.aids(&fa, &[], None);
        assert!(none.iter().all(Aids::is_empty));
        for format in [
            Format::Xliff20,
            Format::Xliff12,
            Format::Tmx,
            Format::Tsv,
            Format::Jsonl,
        ] {
            assert_eq!(
                e.render_with(format, &fa, TargetMode::Empty, &none)
                    .unwrap(),
                e.render(format, &fa, TargetMode::Empty).unwrap()
            );
        }
    }

    #[test]
    fn disagreeing_or_stripped_exact_matches_are_only_candidates() {
        let e = export(ONE);
        let fa: LanguageTag = "fa".parse().unwrap();
        // Two memories with different translations of the same source.
        let (a, b) = (memory(&[(ONE, "یک")]), memory(&[(ONE, "دو")]));
        let aids = e.aids(&fa, &[&a, &b], None);
        assert!(aids[0].exact.is_none());
        let targets: Vec<&str> = aids[0]
            .candidates
            .iter()
            .map(|c| c.target.as_str())
            .collect();
        assert_eq!(targets, ["یک", "دو"]);
        assert!(aids[0].candidates.iter().all(|c| c.score == 100));
        // The same translation twice is one exact target, no candidate.
        let aids = e.aids(&fa, &[&a, &a], None);
        assert!(aids[0].exact.is_some() && aids[0].candidates.is_empty());
        // A target that lost its inline codes is not used unreviewed.
        let coded = memory(&[(ONE, "<ph>x</ph>وزیر")]);
        let aids = e.aids(&fa, &[&coded], None);
        assert!(aids[0].exact.is_none());
        assert_eq!(aids[0].candidates[0].score, 100);
        // Red team: a target of invisible characters was written as the
        // target, marked translated (merge calls it missing).
        let invisible = memory(&[(ONE, "\u{200C}\u{200F}")]);
        let aids = e.aids(&fa, &[&invisible], None);
        assert!(aids[0].exact.is_none());
        assert_eq!(aids[0].candidates.len(), 1, "the memory has the match");
    }

    #[test]
    fn paragraphs_are_indexed_from_zero() {
        let e = export("One. Two.\n\n\nThree.\n  \nFour.\nFive.");
        let paras: Vec<_> = e
            .units
            .iter()
            .map(|u| (u.source.trim(), u.paragraph))
            .collect();
        assert_eq!(paras.first(), Some(&("One.", Some(0))));
        assert_eq!(paras.get(2), Some(&("Three.", Some(1))));
        assert_eq!(paras.last().map(|p| p.1), Some(Some(2)));
    }

    #[test]
    fn ids_are_sequential_and_context_is_filled() {
        let e = export("Alpha one. Beta two. Gamma three.");
        let ids: Vec<_> = e.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2", "s3"]);
        assert_eq!(e.units[0].previous, None);
        assert_eq!(
            e.units[1].previous.as_deref().map(str::trim),
            Some("Alpha one.")
        );
        assert_eq!(e.units[2].next, None);
        assert!(e.units.iter().all(|u| u.segment_count == Some(3)));
    }

    #[test]
    fn a_summary_exports_its_sentences_with_rank_and_score() {
        let config = Config::default();
        let docs = [analyze(
            Document::new(
                "a",
                "Floods hit the city on Monday. Rescue teams reached the flooded city. \
                 The mayor asked for help with the floods. A cat slept.",
            ),
            &config,
        )];
        let settings = crate::SummarySettings::default()
            .with_budget(crate::Budget::Sentences(2))
            .unwrap();
        let summary = crate::summarize(&docs, &settings, None).unwrap();
        let e = Export::from_summary(&docs, &summary, None);
        assert_eq!(e.units.len(), 2);
        for (u, s) in e.units.iter().zip(&summary.sentences) {
            assert_eq!(u.source, s.text);
            assert_eq!(u.position, Some(s.sentence));
            assert_eq!(u.rank, Some(s.rank));
        }
    }
}

impl Export {
    /// One export of several batch items' briefs, in item order: each
    /// item's documents and summary (made from those documents), joined so
    /// that unit ids `s1..sN` are unique across the batch and every unit's
    /// document is named exactly as the item's document (`<item id>#<n>`),
    /// which is how `brief merge` finds the item again. Directories are not
    /// stripped here (unlike [`Export::from_summary`]): the name is an item
    /// id, not a local path. The source language is `source` if given, else
    /// the first summary's language (English when there are no items).
    pub fn from_items(
        items: &[(Vec<AnalyzedDocument>, Summary)],
        source: Option<LanguageTag>,
    ) -> Export {
        let tag = source.unwrap_or_else(|| {
            LanguageTag::from_lang(items.first().map_or(Lang::EN, |(_, s)| s.lang))
        });
        let parts: Vec<(Export, usize)> = items
            .iter()
            .map(|(docs, summary)| {
                let picks = summary_picks(docs, summary);
                let mut part = Export::from_picks(docs, &picks, tag.clone());
                for u in &mut part.units {
                    if let Some(doc) = u.document_index.and_then(|i| docs.get(i)) {
                        u.document = Some(doc.document.name.clone());
                    }
                }
                (part, docs.len())
            })
            .collect();
        Export::concat(parts, Some(tag))
    }

    /// Exports joined into one, in order; each comes with the number of
    /// documents it was made from, so document indices stay distinct and
    /// count the documents of the whole batch. Units are renumbered
    /// `s1..sN` and get the joined export's segment count and id. A batch
    /// can thus keep one small export per item instead of every item's
    /// analyzed documents until the end. The source language is `source`
    /// if given, else the first part's (English when there are none).
    pub fn concat(
        parts: impl IntoIterator<Item = (Export, usize)>,
        source: Option<LanguageTag>,
    ) -> Export {
        let mut units: Vec<Unit> = Vec::new();
        let mut first_lang = None;
        let mut offset = 0;
        for (part, documents) in parts {
            first_lang.get_or_insert(part.source_lang);
            for mut u in part.units {
                u.id = format!("s{}", units.len() + 1);
                u.document_index = u.document_index.map(|i| i + offset);
                units.push(u);
            }
            offset += documents;
        }
        let source_lang = source
            .or(first_lang)
            .unwrap_or_else(|| LanguageTag::from_lang(Lang::EN));
        Export::sealed(source_lang, units)
    }
}

#[cfg(test)]
mod from_items_tests {
    use super::*;
    use crate::{Config, Document, analyze};

    fn item(id: &str, text: &str) -> (Vec<AnalyzedDocument>, Summary) {
        let docs = vec![analyze(
            Document::new(format!("{id}#0"), text),
            &Config::default(),
        )];
        let settings = crate::SummarySettings::default()
            .with_budget(crate::Budget::Sentences(2))
            .unwrap();
        let summary = crate::summarize(&docs, &settings, None).unwrap();
        (docs, summary)
    }

    #[test]
    fn units_are_numbered_across_items_and_keep_the_item_id() {
        let items = [
            item(
                "desk/a1",
                "Floods hit the city. Rescue teams came. A cat slept.",
            ),
            item(
                "b2",
                "The vote was held. Turnout was high. Results come later.",
            ),
        ];
        let e = Export::from_items(&items, None);
        let ids: Vec<_> = e.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2", "s3", "s4"]);
        let names: Vec<_> = e.units.iter().map(|u| u.document.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("desk/a1#0"),
                Some("desk/a1#0"),
                Some("b2#0"),
                Some("b2#0")
            ]
        );
        assert_eq!(e.units[2].document_index, Some(1));
        assert!(e.units.iter().all(|u| u.segment_count == Some(4)));
        let id = formats::export_id(&e.source_lang, &e.units);
        assert!(e.units.iter().all(|u| u.export_id.as_deref() == Some(&*id)));
    }

    #[test]
    fn concat_renumbers_units_and_shifts_document_indices() {
        let a = Export::from_items(&[item("a", "One here. Two there. Three now.")], None);
        let b = Export::from_items(&[item("b", "Four here. Five there. Six now.")], None);
        let joined = Export::concat([(a.clone(), 3), (b.clone(), 1)], None);
        assert_eq!(joined.units.len(), a.units.len() + b.units.len());
        let first_b = &joined.units[a.units.len()];
        assert_eq!(first_b.id, format!("s{}", a.units.len() + 1));
        assert_eq!(first_b.document_index, Some(3));
        assert_eq!(first_b.source, b.units[0].source);
        assert_ne!(joined.id(), a.id());
        assert_eq!(
            Export::concat([], None).source_lang,
            LanguageTag::from_lang(Lang::EN)
        );
    }
}
