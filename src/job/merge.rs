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
use super::merge_render::{MergeFormat, render};
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
        let mut files = Vec::new();
        if let Some(dir) = &self.out_dir {
            for t in &result.translations {
                files.push(OutFile {
                    path: dir.join(format!("brief.{}.{}", t.lang, self.format.extension())),
                    contents: render(result, Some(t), self.format)?,
                });
            }
        }
        if let Some(tmx) = &self.tmx {
            files.push(OutFile {
                path: tmx.clone(),
                contents: result.to_tmx()?,
            });
        }
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
        let written: Vec<&Path> = files
            .iter()
            .map(|f| f.path.as_path())
            .chain(self.update_tm.as_deref())
            .collect();
        let read: Vec<&Path> = inputs
            .iter()
            .map(PathBuf::as_path)
            .chain(translated.reference.iter().map(|r| r.path.as_path()))
            .collect();
        check_outputs_distinct(&written, &read)?;
        Ok(MergePlan { files, memory })
    }
}

impl MergeOutputs {
    /// The files to write for several sets merged in one command (each
    /// set's label, files and outcome, [`TranslatedFiles::read_sets`]):
    /// each set's briefs in `out_dir/<label>/`, checked together so that no
    /// output is an input (of any set) or written twice. A TMX or memory
    /// update is one set's: refused here for several.
    pub fn plan_sets(
        &self,
        sets: &[(PathBuf, TranslatedFiles)],
        outcomes: &[MergeOutcome],
        inputs: &[PathBuf],
    ) -> Result<Vec<OutFile>> {
        if self.tmx.is_some() || self.update_tm.is_some() {
            return Err(Error::Usage {
                message: "--tmx and --update-tm take one set at a time".into(),
            });
        }
        let mut files = Vec::new();
        for ((label, translated), outcome) in sets.iter().zip(outcomes) {
            let one = MergeOutputs {
                out_dir: self.out_dir.as_ref().map(|d| d.join(label)),
                ..self.clone()
            };
            files.extend(one.plan(outcome, translated, inputs)?.files);
        }
        let written: Vec<&Path> = files.iter().map(|f| f.path.as_path()).collect();
        let read: Vec<&Path> = inputs
            .iter()
            .map(PathBuf::as_path)
            .chain(
                sets.iter()
                    .filter_map(|(_, t)| t.reference.as_ref().map(|r| r.path.as_path())),
            )
            .collect();
        check_outputs_distinct(&written, &read)?;
        Ok(files)
    }
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
    let export_id = translated
        .files
        .iter()
        .flat_map(|f| &f.units)
        .chain(translated.reference.iter().flat_map(|r| &r.units))
        .find_map(|u| u.export_id.clone())
        .ok_or_else(|| Error::Input {
            path: path.to_path_buf(),
            message: "no export id in the merged files: give --reference".into(),
        })?;
    let failed: std::collections::HashSet<(&str, &str)> = result
        .problems
        .iter()
        .map(|p| (p.lang.as_str(), p.id.as_str()))
        .collect();
    let new: Vec<NewTranslation<'_>> = result
        .translations
        .iter()
        .flat_map(|t| {
            t.sentences
                .iter()
                .filter(|s| !failed.contains(&(t.lang.as_str(), s.id.as_str())))
                .map(move |s| NewTranslation {
                    source: &s.source,
                    source_lang: &t.source_lang,
                    target: &s.target,
                    target_lang: &t.lang,
                })
        })
        .collect();
    PendingUpdate::prepare(path, &new, &export_id, date, lock_wait)
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

    #[test]
    fn several_sets_refuse_one_tmx_or_memory_for_all() {
        let outputs = MergeOutputs {
            out_dir: Some(PathBuf::from("final")),
            format: MergeFormat::Text,
            tmx: Some(PathBuf::from("all.tmx")),
            update_tm: None,
            tm_date: TmxDate::from_unix_seconds(0),
            lock_wait: Duration::from_secs(0),
        };
        let err = outputs.plan_sets(&[], &[], &[]).unwrap_err();
        assert!(err.to_string().contains("one set at a time"), "{err}");
        let none = MergeOutputs {
            tmx: None,
            ..outputs
        };
        assert!(none.plan_sets(&[], &[], &[]).unwrap().is_empty());
    }
}
