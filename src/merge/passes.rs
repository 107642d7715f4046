//! The passes of [`merge_with_reference`](super::merge_with_reference) over
//! one target language's files.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use super::{Problem, ProblemKind, Reference, TranslatedSentence, id_number};
use crate::formats::{LanguageTag, Unit, UnitFile, fingerprint};

/// The problems of one target language, as merge's passes report them.
pub(super) struct Report<'a> {
    pub(super) lang: &'a str,
    pub(super) problems: &'a mut Vec<Problem>,
}

impl Report<'_> {
    pub(super) fn add(
        &mut self,
        id: &str,
        kind: ProblemKind,
        file: &std::path::Path,
        detail: Option<String>,
    ) {
        self.problems.push(Problem {
            lang: self.lang.to_string(),
            id: id.to_string(),
            kind,
            file: file.to_path_buf(),
            detail,
        });
    }
}

/// A language's units by id number, each with the file it came from.
pub(super) type Seen<'a> = BTreeMap<usize, (Cow<'a, Unit>, &'a PathBuf)>;

/// What merge keeps of every language for the result (the multilingual
/// TMX): each id's source unit, and the file of each translated sentence.
#[derive(Default)]
pub(super) struct Collected {
    pub(super) sources: BTreeMap<String, Unit>,
    pub(super) origins: BTreeMap<(String, String), PathBuf>,
}

/// The units of a language's files, each with an id: units without one
/// (a CAT tool's TMX) take the reference's id of the same source.
pub(super) fn units_with_ids<'a>(
    files: &[&'a UnitFile],
    reference: Option<&'a Reference>,
    report: &mut Report<'_>,
) -> Vec<(Cow<'a, Unit>, &'a PathBuf)> {
    // Units without an id are matched to the reference by source text,
    // in order (a sentence that occurs twice takes the next free id).
    let mut by_source: HashMap<&str, std::collections::VecDeque<&str>> = HashMap::new();
    if let Some(r) = reference {
        for u in &r.units {
            by_source
                .entry(u.source.as_str())
                .or_default()
                .push_back(&u.id);
        }
    }
    // Borrowed unless merge has to change the unit: a file of a million
    // units is not copied.
    let mut units: Vec<(Cow<'_, Unit>, &PathBuf)> = Vec::new();
    for f in files {
        for u in &f.units {
            let mut u = Cow::Borrowed(u);
            if u.id.is_empty() {
                match by_source
                    .get_mut(u.source.as_str())
                    .and_then(|q| q.pop_front())
                {
                    Some(id) => u.to_mut().id = id.to_string(),
                    None if reference.is_some() => {
                        report.add(
                            "-",
                            ProblemKind::UnknownId,
                            &f.path,
                            Some(format!(
                                "a unit without id whose source is not in the reference: {:.60?}",
                                u.source
                            )),
                        );
                        continue;
                    }
                    None => {
                        report.add(
                            "-",
                            ProblemKind::Unchecked,
                            &f.path,
                            Some(format!(
                                "a unit without id ({:.40?}) can only be matched by its source with --reference",
                                u.source
                            )),
                        );
                        continue;
                    }
                }
            }
            units.push((u, &f.path));
        }
    }
    units
}

/// The export's unit count (the reference's, else the files' stored count,
/// else the highest id) and whether the files store it.
pub(super) fn export_count(
    units: &[(Cow<'_, Unit>, &PathBuf)],
    reference: Option<&Reference>,
) -> (usize, bool) {
    let count = match reference {
        Some(r) => r.units.len(),
        None => units
            .iter()
            .filter_map(|(u, _)| u.segment_count)
            .max()
            .or_else(|| units.iter().filter_map(|(u, _)| id_number(&u.id)).max())
            .unwrap_or(0),
    };
    // Whether the files say how many units the export has (else the
    // count is only the highest id found).
    let count_stored = units.iter().any(|(u, _)| u.segment_count.is_some());
    (count, count_stored)
}

/// The units by id number: ids out of range are unknown, a repeated id
/// with other texts is a duplicate, and with a reference each unit must
/// agree with the reference's (else drift) and takes its metadata.
pub(super) fn units_by_number<'a>(
    units: Vec<(Cow<'a, Unit>, &'a PathBuf)>,
    count: usize,
    ref_by_id: &HashMap<&str, &Unit>,
    report: &mut Report<'_>,
) -> Seen<'a> {
    let mut seen: BTreeMap<usize, (Cow<'_, Unit>, &PathBuf)> = BTreeMap::new();
    let mut reported_dup = BTreeSet::new();
    for (mut unit, path) in units {
        let n = id_number(&unit.id).filter(|n| (1..=count).contains(n));
        let Some(n) = n else {
            report.add(
                &unit.id.escape_default().to_string(),
                ProblemKind::UnknownId,
                path,
                None,
            );
            continue;
        };
        if let Some(truth) = ref_by_id.get(unit.id.as_str()) {
            // The reference is the truth; what the file says about the
            // unit must agree with it (metadata may have moved with
            // exchanged units, or been dropped).
            let agrees = truth.fingerprint.as_deref() == Some(fingerprint(&unit.source).as_str())
                && unit
                    .fingerprint
                    .as_deref()
                    .is_none_or(|fp| Some(fp) == truth.fingerprint.as_deref());
            if !agrees {
                report.add(
                    &unit.id,
                    ProblemKind::Drift,
                    path,
                    Some(format!("the export has {:.60?}", truth.source)),
                );
            }
            let mut merged = (*truth).clone();
            merged.target = unit.target.clone();
            merged.state = unit.state;
            merged.source = unit.source.clone();
            unit = Cow::Owned(merged);
        }
        if let Some((prev, prev_path)) = seen.get(&n) {
            let agree = prev.source == unit.source && prev.target == unit.target;
            if !agree && reported_dup.insert(n) {
                report.add(
                    &unit.id,
                    ProblemKind::DuplicateId,
                    path,
                    Some(format!(
                        "{:.60?} in {}, {:.60?} here",
                        prev.target.as_deref().unwrap_or(""),
                        prev_path.display(),
                        unit.target.as_deref().unwrap_or("")
                    )),
                );
            }
            continue;
        }
        seen.insert(n, (unit, path));
    }
    seen
}

/// Without a reference, the languages must agree with each other on what
/// the export was: its unit count and each id's fingerprint. Files of two
/// exports that lost their export ids (a fa file of one, a ru file of
/// another) would otherwise each look whole, and the multilingual TMX would
/// pair one sentence's source with another's translation.
#[derive(Default)]
pub(super) struct Agreement {
    first_count: Option<(usize, String)>,
    first_fingerprints: HashMap<String, (String, String)>,
}

impl Agreement {
    pub(super) fn check(
        &mut self,
        seen: &Seen<'_>,
        count: usize,
        count_stored: bool,
        first_path: &std::path::Path,
        report: &mut Report<'_>,
    ) {
        let lang = report.lang;
        let first_count = &mut self.first_count;
        let first_fingerprints = &mut self.first_fingerprints;
        match &first_count {
            _ if !count_stored => {}
            Some((n, other)) if *n != count => report.add(
                "-",
                ProblemKind::MixedExports,
                first_path,
                Some(format!(
                    "{count} segments, but the {other} files have {n}: files of different exports"
                )),
            ),
            Some(_) => {}
            None => *first_count = Some((count, lang.to_string())),
        }
        let mut reported = false;
        for (unit, path) in seen.values() {
            let Some(fp) = unit.fingerprint.as_deref() else {
                continue;
            };
            match first_fingerprints.get(unit.id.as_str()) {
                Some((other_fp, other)) if other_fp != fp && !reported => {
                    // Once per language: every unit of another export differs.
                    reported = true;
                    report.add(
                        &unit.id,
                        ProblemKind::MixedExports,
                        path,
                        Some(format!(
                            "its source is not that of {} in the {other} files: files of different exports",
                            unit.id
                        )),
                    );
                }
                Some(_) => {}
                None => {
                    first_fingerprints.insert(unit.id.clone(), (fp.to_string(), lang.to_string()));
                }
            }
        }
    }
}

/// One target language's settings for judging its units.
pub(super) struct LanguagePass<'a> {
    pub(super) lang: &'a str,
    pub(super) source_lang: &'a str,
    pub(super) count: usize,
    pub(super) reference: Option<&'a Reference>,
    pub(super) first_path: &'a PathBuf,
}

impl LanguagePass<'_> {
    /// Judges each unit in id order: runs of missing ids, drift, and the
    /// target itself ([`crate::check::judge_target`], the judgement `brief
    /// check` makes); returns the translated sentences.
    pub(super) fn judge_units(
        &self,
        seen: &Seen<'_>,
        report: &mut Report<'_>,
        out: &mut Collected,
    ) -> Vec<TranslatedSentence> {
        let (lang, count, reference, first_path) =
            (self.lang, self.count, self.reference, self.first_path);
        let target_tag = lang.parse::<LanguageTag>().ok();
        let source_tag = self
            .source_lang
            .parse::<LanguageTag>()
            .unwrap_or_else(|_| LanguageTag::from_lang(crate::Lang::EN));
        let mut sentences = Vec::new();
        // Missing units are reported one run of consecutive ids at a time
        // ("s4", or "s4-s9"), so a file that claims a huge segment count
        // cannot flood the report or memory.
        let mut missing_from = 1usize;
        let missing = |from: usize, to: usize, report: &mut Report<'_>| {
            if from == to {
                report.add(
                    &format!("s{from}"),
                    ProblemKind::MissingUnit,
                    first_path,
                    None,
                );
            } else if from < to {
                report.add(
                    &format!("s{from}-s{to}"),
                    ProblemKind::MissingUnit,
                    first_path,
                    None,
                );
            }
        };
        for (&n, (unit, path)) in seen {
            if n > missing_from {
                missing(missing_from, n - 1, report);
            }
            missing_from = n.saturating_add(1);
            match unit.fingerprint.as_deref() {
                Some(fp) if reference.is_none() && fp != fingerprint(&unit.source) => {
                    report.add(&unit.id, ProblemKind::Drift, path, None);
                }
                None => report.add(&unit.id, ProblemKind::Unchecked, path, None),
                _ => {}
            }
            out.sources
                .entry(unit.id.clone())
                .or_insert_with(|| unit.as_ref().clone());
            // Everything about the target itself is the judgement `brief
            // check` makes too (check::judge_target), so they agree.
            let faults = crate::check::judge_target(
                &unit.source,
                unit.target.as_deref(),
                unit.state,
                source_tag.lang(),
                target_tag.as_ref().map(LanguageTag::lang),
            );
            // Unreviewed machine work is reported and kept: the desk may
            // accept it (--accept-mt) when nothing else is wrong with it.
            let machine_only = faults.iter().all(|f| *f == crate::check::Fault::Machine);
            for fault in &faults {
                let (kind, detail) = problem_of(fault);
                report.add(&unit.id, kind, path, detail);
            }
            if !machine_only {
                continue;
            }
            let t = unit.target.as_deref().unwrap_or_default();
            out.origins
                .insert((lang.to_string(), unit.id.clone()), (*path).clone());
            sentences.push(TranslatedSentence {
                id: unit.id.clone(),
                source: unit.source.clone(),
                target: t.to_string(),
                document: unit.document.clone(),
                document_index: unit.document_index,
                paragraph: unit.paragraph,
            });
        }
        if missing_from <= count {
            missing(missing_from, count, report);
        }
        sentences
    }
}

/// The problem merge reports for a fault of a target.
fn problem_of(fault: &crate::check::Fault) -> (ProblemKind, Option<String>) {
    use crate::check::Fault;
    match fault {
        Fault::Blank => (ProblemKind::EmptyTarget, None),
        Fault::NotFinal(m) => (ProblemKind::Untranslated, Some(m.clone())),
        Fault::Partial => (ProblemKind::PartlyTranslated, None),
        Fault::Copy => (ProblemKind::Untranslated, None),
        Fault::WrongScript(m) | Fault::WrongLanguage(m) => {
            (ProblemKind::WrongLanguage, Some(m.clone()))
        }
        Fault::Numbers(m) => (ProblemKind::Numbers, Some(m.clone())),
        Fault::Untouchable(m) => (ProblemKind::Untouchables, Some(m.clone())),
        Fault::Machine => (ProblemKind::MachineTranslation, None),
    }
}
