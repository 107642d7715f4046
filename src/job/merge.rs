//! The merge job: translated files merged into translated briefs, checked
//! with `brief check`'s checks, and the files a merge writes (briefs, a
//! multilingual TMX, the updated memory).

use std::path::{Path, PathBuf};

use crate::check::CheckSettings;
use crate::error::{Error, Result};
use crate::merge::{MergeResult, merge_with_reference};
use crate::outfile::OutFile;
use crate::tm::{NewTranslation, PendingUpdate, TmxDate};
use std::time::Duration;

use super::check::{CheckProblem, check_files};
use super::conflicts::{ConflictSide, MemoryConflict};
use super::merge_render::{MergeFormat, render_with};
use super::translated::TranslatedFiles;

/// A merge and the translation checks run on the same files.
#[derive(Debug, Clone)]
pub struct MergeOutcome {
    /// The merged translations and merge's own problems.
    pub result: MergeResult,
    /// `brief check`'s findings, without `empty` and `untranslated`
    /// (merge reports those units itself).
    pub checks: Vec<CheckProblem>,
}

impl MergeOutcome {
    /// The check findings that are errors.
    pub fn check_errors(&self) -> usize {
        self.checks.iter().filter(|c| c.is_error()).count()
    }

    /// The problems that make the data wrong: merge's, and with `strict`
    /// the check errors too.
    pub fn problems(&self, strict: bool) -> usize {
        self.result.problems.len() + if strict { self.check_errors() } else { 0 }
    }
}

/// Merges `translated` (with its reference) and runs the checks of
/// `settings` on the same files.
pub fn merge(translated: &TranslatedFiles, settings: &CheckSettings) -> MergeOutcome {
    let reference = translated.reference.as_ref();
    let result = merge_with_reference(&translated.files, reference);
    let mut settings = settings.clone();
    settings.empty = false;
    settings.untranslated = false;
    let mut checks = check_files(&translated.files, reference, &settings, None);
    // Merge already reports, as its own problem, every error the one target
    // judgement finds (numbers, untouchables, ...): the check's error for the
    // same unit would say it twice.
    let judged: std::collections::HashSet<(&Path, &str)> = result
        .problems
        .iter()
        .map(|p| (p.file.as_path(), p.id.as_str()))
        .collect();
    checks.retain(|c| !(c.is_error() && judged.contains(&(c.path(), c.id.as_str()))));
    MergeOutcome { result, checks }
}

/// [`merge`] of each set given in one command
/// ([`TranslatedFiles::read_sets`]), each against its own reference.
pub fn merge_sets(
    sets: &[(PathBuf, TranslatedFiles)],
    settings: &CheckSettings,
) -> Vec<MergeOutcome> {
    sets.iter().map(|(_, t)| merge(t, settings)).collect()
}

/// What a merge writes besides what it prints.
#[derive(Debug, Clone)]
pub struct MergeOutputs {
    /// `brief.<lang>.<ext>` per language into this directory.
    pub out_dir: Option<PathBuf>,
    /// The format of those files.
    pub format: MergeFormat,
    /// One multilingual TMX (source and every target language).
    pub tmx: Option<PathBuf>,
    /// The memory to add the translations without problems to.
    pub update_tm: Option<PathBuf>,
    /// The date written into the memory's new entries.
    pub tm_date: TmxDate,
    /// How long to wait for another run updating the same memory.
    pub lock_wait: Duration,
}

/// The files a merge writes: the briefs and TMX, and the memory update,
/// prepared under the memory's lock, to be written with them as one set
/// ([`PendingUpdate::commit_with`]).
#[derive(Debug)]
pub struct MergePlan {
    /// Briefs and the multilingual TMX.
    pub files: Vec<OutFile>,
    /// The memory update (it holds the memory's lock until written or dropped).
    pub memory: Option<PendingUpdate>,
    /// The sources the memory update got different translations of (all
    /// kept), to report ([`memory_conflicts`]).
    pub conflicts: Vec<MemoryConflict>,
    /// What the merge prints when it writes no briefs (no `out_dir`): the
    /// brief of every language (of every set, in order) in the format,
    /// the JSON one with the memory's conflicts.
    pub printed: Vec<u8>,
}

impl MergeOutputs {
    /// The files to write for `outcome`. Everything that can fail on the
    /// content (a malformed memory, no export id, an output that is also
    /// an input) fails here, before anything is written.
    pub fn plan(
        &self,
        outcome: &MergeOutcome,
        translated: &TranslatedFiles,
        inputs: &[PathBuf],
    ) -> Result<MergePlan> {
        let result = &outcome.result;
        let memory = match &self.update_tm {
            Some(path) => Some(update_memory(
                path,
                result,
                translated,
                &self.tm_date,
                self.lock_wait,
            )?),
            None => None,
        };
        let conflicts = memory
            .as_ref()
            .map(|m| memory_conflicts(m, &[(result, translated)]))
            .unwrap_or_default();
        let listed = memory.is_some().then_some(conflicts.as_slice());
        let (files, printed) = self.briefs(result, listed)?;
        let mut files = files;
        if let Some(tmx) = &self.tmx {
            files.push(OutFile {
                path: tmx.clone(),
                contents: result.to_tmx()?,
            });
        }
        let written = self.written(&files);
        let read: Vec<&Path> = inputs
            .iter()
            .map(PathBuf::as_path)
            .chain(translated.reference.iter().map(|r| r.path.as_path()))
            .collect();
        check_outputs_distinct(&written, &read)?;
        Ok(MergePlan {
            files,
            memory,
            conflicts,
            printed,
        })
    }

    /// The briefs of `result`: a file per language in `out_dir`, or what
    /// is printed without one; `conflicts` (when a memory was updated) go
    /// with the JSON ones.
    fn briefs(
        &self,
        result: &MergeResult,
        conflicts: Option<&[MemoryConflict]>,
    ) -> Result<(Vec<OutFile>, Vec<u8>)> {
        let Some(dir) = &self.out_dir else {
            return Ok((
                Vec::new(),
                render_with(result, None, self.format, conflicts)?,
            ));
        };
        let mut files = Vec::new();
        for t in &result.translations {
            files.push(OutFile {
                path: dir.join(format!("brief.{}.{}", t.lang, self.format.extension())),
                contents: render_with(result, Some(t), self.format, conflicts)?,
            });
        }
        Ok((files, Vec::new()))
    }
}

impl MergeOutputs {
    /// Every path a merge writes: `files` and the memory it updates.
    fn written<'p>(&'p self, files: &'p [OutFile]) -> Vec<&'p Path> {
        files
            .iter()
            .map(|f| f.path.as_path())
            .chain(self.update_tm.as_deref())
            .collect()
    }

    /// The files to write for several sets merged in one command (each
    /// set's label, files and outcome, [`TranslatedFiles::read_sets`]):
    /// each set's briefs in `out_dir/<label>/`, one TMX of every set's
    /// units (set after set, in label order) and one memory update with
    /// every set's translations (each tagged with its own export id),
    /// checked together so that no output is an input (of any set) or
    /// written twice. Anything that fails on any set fails here, before
    /// anything is written.
    pub fn plan_sets(
        &self,
        sets: &[(PathBuf, TranslatedFiles)],
        outcomes: &[MergeOutcome],
        inputs: &[PathBuf],
    ) -> Result<MergePlan> {
        let merged: Vec<(&MergeResult, &TranslatedFiles)> = outcomes
            .iter()
            .zip(sets)
            .map(|(o, (_, t))| (&o.result, t))
            .collect();
        let memory = match &self.update_tm {
            Some(path) => Some(update_memory_sets(
                path,
                &merged,
                &self.tm_date,
                self.lock_wait,
            )?),
            None => None,
        };
        let conflicts = memory
            .as_ref()
            .map(|m| memory_conflicts(m, &merged))
            .unwrap_or_default();
        let mut files = Vec::new();
        let mut printed = Vec::new();
        for ((label, translated), outcome) in sets.iter().zip(outcomes) {
            let one = MergeOutputs {
                out_dir: self.out_dir.as_ref().map(|d| d.join(label)),
                ..self.clone()
            };
            // A set's briefs list the conflicts one of its files is in.
            let own: Vec<MemoryConflict> = conflicts
                .iter()
                .filter(|c| {
                    translated
                        .files
                        .iter()
                        .any(|f| f.path == c.first.file || f.path == c.other.file)
                })
                .cloned()
                .collect();
            let listed = memory.is_some().then_some(own.as_slice());
            let (set_files, set_printed) = one.briefs(&outcome.result, listed)?;
            files.extend(set_files);
            printed.extend(set_printed);
        }
        if let Some(tmx) = &self.tmx {
            let results: Vec<&MergeResult> = outcomes.iter().map(|o| &o.result).collect();
            files.push(OutFile {
                path: tmx.clone(),
                contents: MergeResult::sets_to_tmx(&results)?,
            });
        }
        check_outputs_distinct(&self.written(&files), &files_read(inputs, sets))?;
        Ok(MergePlan {
            files,
            memory,
            conflicts,
            printed,
        })
    }
}

/// The review pages of a merge (`brief merge --format html --out-dir DIR`):
/// per set and language, `DIR/<set>/brief.<lang>.html` with that
/// language's files, merge's problems and the checks' findings (one set:
/// `DIR/brief.<lang>.html`). No page may be an input.
pub fn review_pages(
    dir: &Path,
    sets: &[(PathBuf, TranslatedFiles)],
    outcomes: &[MergeOutcome],
    inputs: &[PathBuf],
) -> Result<Vec<OutFile>> {
    let mut pages = Vec::new();
    for ((label, translated), outcome) in sets.iter().zip(outcomes) {
        let marks = crate::review::merge_marks(outcome);
        for t in &outcome.result.translations {
            let chosen: Vec<crate::formats::UnitFile> = translated
                .files
                .iter()
                .filter(|f| f.target_lang == t.lang)
                .cloned()
                .collect();
            let page = crate::review::render(
                "brief merge",
                &chosen,
                translated.reference.as_ref(),
                &marks,
            );
            pages.push(OutFile {
                path: dir.join(label).join(format!("brief.{}.html", t.lang)),
                contents: page.into_bytes(),
            });
        }
    }
    let written: Vec<&Path> = pages.iter().map(|f| f.path.as_path()).collect();
    check_outputs_distinct(&written, &files_read(inputs, sets))?;
    Ok(pages)
}

/// The review page of every set on one page (`brief merge --format html`
/// to stdout): each file in its own section, named by its path, with its
/// own set's reference.
pub fn review_page(sets: &[(PathBuf, TranslatedFiles)], outcomes: &[MergeOutcome]) -> String {
    let marks: Vec<crate::review::Mark> = outcomes
        .iter()
        .flat_map(crate::review::merge_marks)
        .collect();
    let parts: Vec<(
        &[crate::formats::UnitFile],
        Option<&crate::merge::Reference>,
    )> = sets
        .iter()
        .map(|(_, t)| (t.files.as_slice(), t.reference.as_ref()))
        .collect();
    crate::review::render_sets("brief merge", &parts, &marks)
}

/// The update of the memory at `path` (a new one if there is no file) with
/// the translations of `result` that have no problem, dated `date`,
/// prepared under the memory's lock (waiting up to `lock_wait` for another
/// run): everything that can fail on the memory's content fails here,
/// before any output is written.
pub fn update_memory(
    path: &Path,
    result: &MergeResult,
    translated: &TranslatedFiles,
    date: &TmxDate,
    lock_wait: Duration,
) -> Result<PendingUpdate> {
    update_memory_sets(path, &[(result, translated)], date, lock_wait)
}

/// [`update_memory`] with the translations of several sets (each merged
/// against its own reference), each tagged with its own export id, in one
/// update under one lock and as one file. Different translations of one
/// source (from two sets, or two units of one) are all kept: see
/// [`memory_conflicts`].
pub fn update_memory_sets(
    path: &Path,
    sets: &[(&MergeResult, &TranslatedFiles)],
    date: &TmxDate,
    lock_wait: Duration,
) -> Result<PendingUpdate> {
    let mut batches: Vec<(Vec<NewTranslation<'_>>, String)> = Vec::with_capacity(sets.len());
    for (result, translated) in sets {
        let new = approved(result).into_iter().map(|(t, _)| t).collect();
        batches.push((new, export_id(path, translated)?));
    }
    let batches: Vec<(&[NewTranslation<'_>], &str)> = batches
        .iter()
        .map(|(new, id)| (new.as_slice(), id.as_str()))
        .collect();
    PendingUpdate::prepare_sets(path, &batches, date, lock_wait)
}

/// The export id the files (or their reference) carry.
fn export_id(memory: &Path, translated: &TranslatedFiles) -> Result<String> {
    translated
        .files
        .iter()
        .flat_map(|f| &f.units)
        .chain(translated.reference.iter().flat_map(|r| &r.units))
        .find_map(|u| u.export_id.clone())
        .ok_or_else(|| Error::Input {
            path: memory.to_path_buf(),
            message: "no export id in the merged files: give --reference".into(),
        })
}

/// The translations of `result` without a problem, each with its unit id.
fn approved(result: &MergeResult) -> Vec<(NewTranslation<'_>, &str)> {
    let failed: std::collections::HashSet<(&str, &str)> = result
        .problems
        .iter()
        .map(|p| (p.lang.as_str(), p.id.as_str()))
        .collect();
    result
        .translations
        .iter()
        .flat_map(|t| {
            let failed = &failed;
            t.sentences
                .iter()
                .filter(move |s| !failed.contains(&(t.lang.as_str(), s.id.as_str())))
                .map(move |s| {
                    let new = NewTranslation {
                        source: &s.source,
                        source_lang: &t.source_lang,
                        target: &s.target,
                        target_lang: &t.lang,
                    };
                    (new, s.id.as_str())
                })
        })
        .collect()
}

/// The conflicts of `update` (prepared from `sets` by
/// [`update_memory_sets`]) named by file and unit id.
pub fn memory_conflicts(
    update: &PendingUpdate,
    sets: &[(&MergeResult, &TranslatedFiles)],
) -> Vec<MemoryConflict> {
    if update.conflicts().is_empty() {
        return Vec::new();
    }
    let given: Vec<Vec<(NewTranslation<'_>, &str)>> =
        sets.iter().map(|(result, _)| approved(result)).collect();
    let side = |(set, index): (usize, usize)| -> Option<(NewTranslation<'_>, ConflictSide)> {
        let (t, id) = *given.get(set)?.get(index)?;
        let file = sets[set]
            .1
            .files
            .iter()
            .find(|f| f.target_lang == t.target_lang && f.units.iter().any(|u| u.id == id))
            .map(|f| f.path.clone())
            .unwrap_or_default();
        let side = ConflictSide {
            file,
            id: id.to_string(),
            target: t.target.to_string(),
        };
        Some((t, side))
    };
    update
        .conflicts()
        .iter()
        .filter_map(|c| {
            let (t, first) = side(c.first)?;
            let (_, other) = side(c.other)?;
            Some(MemoryConflict {
                source: t.source.to_string(),
                source_lang: t.source_lang.to_string(),
                lang: t.target_lang.to_string(),
                first,
                other,
            })
        })
        .collect()
}

/// Where a path leads: the file itself when it exists (links resolved),
/// else its resolved directory and its name.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (dir.canonicalize(), path.file_name()) {
        (Ok(d), Some(name)) => d.join(name),
        _ => path.to_path_buf(),
    }
}

/// The files a merge of `sets` reads: the translated `inputs` and every
/// set's export reference (no output may be one of them).
fn files_read<'p>(inputs: &'p [PathBuf], sets: &'p [(PathBuf, TranslatedFiles)]) -> Vec<&'p Path> {
    inputs
        .iter()
        .map(PathBuf::as_path)
        .chain(
            sets.iter()
                .filter_map(|(_, t)| t.reference.as_ref().map(|r| r.path.as_path())),
        )
        .collect()
}

/// Refuses a run that would write over one of its own inputs (`--out-dir .`
/// beside a delivered `brief.fa.jsonl` with `--format jsonl`, `--tmx` naming
/// the delivered TMX) or write one file twice (`--tmx` = `--update-tm`,
/// which would replace the desk's memory by this merge's TMX): with
/// `--force` the translator's file would be gone.
pub fn check_outputs_distinct(outputs: &[&Path], inputs: &[&Path]) -> Result<()> {
    let inputs: Vec<PathBuf> = inputs.iter().map(|p| resolved(p)).collect();
    let mut written: Vec<PathBuf> = Vec::new();
    for out in outputs {
        let r = resolved(out);
        if inputs.contains(&r) {
            return Err(Error::Input {
                path: out.to_path_buf(),
                message: "is also an input of this merge; refusing to write over it (choose another output)".into(),
            });
        }
        if written.contains(&r) {
            return Err(Error::Input {
                path: out.to_path_buf(),
                message: "named twice as an output (--out-dir, --tmx, --update-tm); refusing to write it twice".into(),
            });
        }
        written.push(r);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outputs(tmx: Option<&str>, update_tm: Option<&str>) -> MergeOutputs {
        MergeOutputs {
            out_dir: None,
            format: MergeFormat::Text,
            tmx: tmx.map(PathBuf::from),
            update_tm: update_tm.map(PathBuf::from),
            tm_date: TmxDate::from_unix_seconds(0),
            lock_wait: Duration::from_secs(0),
        }
    }

    #[test]
    fn several_sets_write_one_tmx_and_never_one_file_twice() {
        let dir = tempfile::tempdir().unwrap();
        let tmx = dir.path().join("all.tmx");
        let tmx = tmx.to_str().unwrap();
        let plan = outputs(Some(tmx), None).plan_sets(&[], &[], &[]).unwrap();
        assert_eq!(plan.files.len(), 1);
        assert!(plan.memory.is_none());
        // The TMX and the memory named alike: refused before anything is prepared to be written.
        let err = outputs(Some(tmx), Some(tmx))
            .plan_sets(&[], &[], &[])
            .unwrap_err();
        assert!(err.to_string().contains("named twice"), "{err}");
        assert!(!dir.path().join("all.tmx").exists());
    }

    #[test]
    fn a_conflict_reaches_the_terminal_escaped_and_shortened() {
        let side = |file: &str, id: &str| ConflictSide {
            file: PathBuf::from(file),
            id: id.into(),
            target: "x".into(),
        };
        let source = format!("Evil\x1b]0;title\x07 \u{202e}talks {}", "word ".repeat(30));
        let conflict = MemoryConflict {
            source,
            source_lang: "en".into(),
            lang: "fa".into(),
            first: side("day/a\x1b[2J.xlf", "s\n1"),
            other: side("day/b.xlf", "s2"),
        };
        let line = conflict.to_string();
        assert!(!line.chars().any(crate::escape::needs_escape), "{line:?}");
        assert!(
            line.contains("day/a\\x1b[2J.xlf: s\\n1 and day/b.xlf: s2 [fa]"),
            "{line}"
        );
        assert!(
            line.contains("(\"Evil\\x1b]0;title\\x07 \\u{202e}talks word"),
            "{line}"
        );
        // The source is shortened to its first 60 characters.
        let quoted = line.split('"').nth(1).unwrap();
        assert!(quoted.ends_with("wor…"), "{quoted}");
        assert!(quoted.chars().count() < 80, "{quoted}");
    }
}
