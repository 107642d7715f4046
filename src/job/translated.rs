//! Translated files as merge and check read them, with the export's
//! reference: given, or found beside the inputs.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::formats::UnitFile;
use crate::merge::{self, REFERENCE_FILE_NAME, Reference};

/// One translated file: on disk, or in memory with a name (which tells
/// the format by its extension and names the file in messages).
#[derive(Debug, Clone)]
pub enum TranslatedInput {
    /// A file on disk.
    Path(PathBuf),
    /// Contents in memory.
    Bytes {
        /// The name used for the format and in messages.
        name: PathBuf,
        /// The file's bytes.
        contents: Vec<u8>,
    },
}

impl TranslatedInput {
    fn name(&self) -> &Path {
        match self {
            TranslatedInput::Path(p) => p,
            TranslatedInput::Bytes { name, .. } => name,
        }
    }
}

/// Translated files and the export's reference, read once for a merge or
/// a check.
#[derive(Debug, Clone)]
pub struct TranslatedFiles {
    /// The files (a file may hold several, one per target language).
    pub files: Vec<UnitFile>,
    /// The export's reference, if one was given or found.
    pub reference: Option<Reference>,
    /// What the readers noticed, per file: (file, message), unescaped.
    pub warnings: Vec<(PathBuf, String)>,
}

/// The reference copy beside the inputs on disk (the first input directory
/// that has one). Inputs in memory have no directory and find none.
pub fn reference_beside(inputs: &[TranslatedInput]) -> Option<PathBuf> {
    inputs.iter().find_map(|input| {
        let TranslatedInput::Path(p) = input else {
            return None;
        };
        let dir = p.parent().unwrap_or(Path::new(""));
        let candidate = dir.join(REFERENCE_FILE_NAME);
        candidate.is_file().then_some(candidate)
    })
}

impl TranslatedFiles {
    /// Reads `inputs` and the reference (`reference`, else the copy
    /// beside the inputs). The reference copy among the inputs is skipped
    /// (`brief merge out/*`); no translated file at all is an error.
    /// An OmegaT project folder (`brief export --format omegat`) stands
    /// for its translated documents, checked against the reference copy in
    /// the project.
    pub fn read(inputs: &[TranslatedInput], reference: Option<&Path>) -> Result<TranslatedFiles> {
        let read = read_inputs(inputs)?;
        let reference = match reference
            .map(Path::to_path_buf)
            .or(read.project_reference)
            .or_else(|| reference_beside(&read.inputs))
        {
            Some(path) => Some(merge::read_reference(&path)?),
            None => None,
        };
        Ok(assemble(read.files, reference, read.warnings))
    }

    /// The files as read from disk.
    pub fn read_paths(paths: &[PathBuf], reference: Option<&Path>) -> Result<TranslatedFiles> {
        let inputs: Vec<TranslatedInput> =
            paths.iter().cloned().map(TranslatedInput::Path).collect();
        TranslatedFiles::read(&inputs, reference)
    }

    /// The sets of a batch given in one command (`brief merge en/* ru/*`):
    /// when no `reference` is given and the inputs lie beside two or more
    /// reference copies, each file goes with the reference of its export
    /// (the export id its units carry), and each set is labelled by its
    /// reference's directory relative to the references' common parent
    /// (`en`, `ru`). Otherwise one set, read as [`TranslatedFiles::read_paths`]
    /// reads it, with an empty label. A file of no export given, or one
    /// without an export id, is an error naming it; sets come in label order.
    ///
    /// Two exports of the same units (the same input, with other target
    /// languages or formats) carry the same export id: a file then goes
    /// with the one of those references in its own directory (or in the
    /// directory of its OmegaT project), and is an error naming it when
    /// none is.
    pub fn read_sets(
        paths: &[PathBuf],
        reference: Option<&Path>,
    ) -> Result<Vec<(PathBuf, TranslatedFiles)>> {
        let inputs: Vec<TranslatedInput> =
            paths.iter().cloned().map(TranslatedInput::Path).collect();
        TranslatedFiles::read_input_sets(&inputs, reference)
    }

    /// [`TranslatedFiles::read_sets`] of files on disk or in memory (a file
    /// in memory lies beside no reference, and goes with the set of its
    /// export id).
    pub fn read_input_sets(
        inputs: &[TranslatedInput],
        reference: Option<&Path>,
    ) -> Result<Vec<(PathBuf, TranslatedFiles)>> {
        let paths: Vec<PathBuf> = inputs
            .iter()
            .filter_map(|i| match i {
                TranslatedInput::Path(p) => Some(p.clone()),
                TranslatedInput::Bytes { .. } => None,
            })
            .collect();
        let beside = references_beside(&paths);
        if reference.is_some() || beside.len() < 2 {
            return Ok(vec![(
                PathBuf::new(),
                TranslatedFiles::read(inputs, reference)?,
            )]);
        }
        let labels = set_labels(&beside)?;
        let mut sets: Vec<(PathBuf, Reference, String, Vec<UnitFile>)> = Vec::new();
        for (path, label) in beside.iter().zip(labels) {
            let r = merge::read_reference(path)?;
            let id = r.units.iter().find_map(|u| u.export_id.clone());
            let Some(id) = id else {
                return Err(Error::Input {
                    path: path.clone(),
                    message: "names no export id; several sets can only be merged by export id (merge this set with --reference in a command of its own)".into(),
                });
            };
            sets.push((label, r, id, Vec::new()));
        }
        let read = read_inputs(inputs)?;
        for file in read.files {
            let id = file.units.iter().find_map(|u| u.export_id.clone());
            let of_export: Vec<usize> = (0..sets.len())
                .filter(|&i| id.as_ref() == Some(&sets[i].2))
                .collect();
            let chosen = match of_export[..] {
                [] => None,
                [one] => Some(one),
                _ => Some(nearest_reference(&file.path, &of_export, &sets)?),
            };
            let set = chosen.map(|i| &mut sets[i]);
            let Some(set) = set else {
                let ids: Vec<String> = sets
                    .iter()
                    .map(|s| s.1.path.display().to_string())
                    .collect();
                return Err(Error::Input {
                    path: file.path.clone(),
                    message: format!(
                        "{} matches none of the sets' references ({}); merge it in a command of its own",
                        match &id {
                            Some(id) => format!("its export {}", id.escape_default()),
                            None => "it names no export id and".into(),
                        },
                        ids.join(", ")
                    ),
                });
            };
            set.3.push(file);
        }
        let mut out: Vec<(PathBuf, TranslatedFiles)> = sets
            .into_iter()
            .filter(|s| !s.3.is_empty())
            .map(|(label, r, _, files)| (label, assemble(files, Some(r), Vec::new())))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        // Every file of one export (the other reference only lay beside a
        // stray file): one set, written where one set is written.
        if let [(label, _)] = &mut out[..] {
            *label = PathBuf::new();
        }
        // The projects' own warnings once, with the first set.
        if let Some((_, first)) = out.first_mut() {
            let mut warnings = read.warnings;
            warnings.append(&mut first.warnings);
            first.warnings = warnings;
        }
        Ok(out)
    }

    /// Units in all files.
    pub fn units(&self) -> usize {
        self.files.iter().map(|f| f.units.len()).sum()
    }
}

/// Of the sets `candidates` (references of one export id), the one whose
/// reference lies in `file`'s directory or the closest directory above it
/// (an OmegaT project's documents lie inside the project); none is an error
/// naming the file and the references.
fn nearest_reference(
    file: &Path,
    candidates: &[usize],
    sets: &[(PathBuf, Reference, String, Vec<UnitFile>)],
) -> Result<usize> {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let file_dir = file.parent().map(canonical);
    let best = candidates
        .iter()
        .filter_map(|&i| {
            let dir = canonical(sets[i].1.path.parent()?);
            let inside = file_dir.as_ref()?.starts_with(&dir);
            inside.then(|| (dir.components().count(), i))
        })
        .max();
    best.map(|(_, i)| i).ok_or_else(|| {
        let refs: Vec<String> = candidates
            .iter()
            .map(|&i| sets[i].1.path.display().to_string())
            .collect();
        Error::Input {
            path: file.to_path_buf(),
            message: format!(
                "its export {} is the export of several sets ({}), and the file lies beside none of their references; merge it in a command of its own, with --reference",
                sets[candidates[0]].2.escape_default(),
                refs.join(", ")
            ),
        }
    })
}

/// Inputs as read: their files, the OmegaT projects' reference and warnings.
struct ReadInputs {
    inputs: Vec<TranslatedInput>,
    files: Vec<UnitFile>,
    project_reference: Option<PathBuf>,
    warnings: Vec<(PathBuf, String)>,
}

/// Reads `inputs` (an OmegaT project stands for its translated documents,
/// the reference copy among them is skipped); no translated file is an error.
fn read_inputs(inputs: &[TranslatedInput]) -> Result<ReadInputs> {
    let mut expanded: Vec<TranslatedInput> = Vec::with_capacity(inputs.len());
    let mut project_reference: Option<PathBuf> = None;
    let mut warnings: Vec<(PathBuf, String)> = Vec::new();
    for input in inputs {
        match input {
            TranslatedInput::Path(path) if crate::omegat::is_project(path) => {
                let project = crate::omegat::read_project(path)?;
                warnings.extend(project.warnings.into_iter().map(|w| (path.clone(), w)));
                expanded.extend(project.files.into_iter().map(TranslatedInput::Path));
                project_reference = project_reference.or(project.reference);
            }
            other => expanded.push(other.clone()),
        }
    }
    let mut files = Vec::new();
    for input in &expanded {
        if input.name().file_name() == Some(std::ffi::OsStr::new(REFERENCE_FILE_NAME)) {
            continue;
        }
        files.extend(match input {
            TranslatedInput::Path(path) => merge::read_file(path)?,
            TranslatedInput::Bytes { name, contents } => merge::read_bytes(contents.clone(), name)?,
        });
    }
    if files.is_empty() {
        return Err(Error::Usage {
            message: format!(
                "no translated file given ({REFERENCE_FILE_NAME} is the export's reference, not a translation)"
            ),
        });
    }
    Ok(ReadInputs {
        inputs: expanded,
        files,
        project_reference,
        warnings,
    })
}

/// The files with their reference, and the readers' warnings and the
/// export's languages no file is in.
fn assemble(
    files: Vec<UnitFile>,
    reference: Option<Reference>,
    mut warnings: Vec<(PathBuf, String)>,
) -> TranslatedFiles {
    warnings.extend(
        files
            .iter()
            .flat_map(|f| f.warnings.iter().map(|w| (f.path.clone(), w.clone()))),
    );
    if let Some(r) = &reference {
        let asked: Vec<&str> = r.targets.iter().map(|t| t.as_str()).collect();
        for lang in merge::missing_languages(&files, r) {
            warnings.push((
                r.path.clone(),
                format!(
                    "the export asked for {}; no file given is in {lang}: no {lang} brief",
                    asked.join(", ")
                ),
            ));
        }
    }
    TranslatedFiles {
        files,
        reference,
        warnings,
    }
}

/// The distinct reference copies beside the inputs on disk (beside a file,
/// or beside an OmegaT project folder), in the order first met.
fn references_beside(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    for p in paths {
        let dir = p.parent().unwrap_or(Path::new(""));
        let candidate = dir.join(REFERENCE_FILE_NAME);
        if !candidate.is_file() {
            continue;
        }
        let key = candidate
            .canonicalize()
            .unwrap_or_else(|_| candidate.clone());
        if !seen.contains(&key) {
            seen.push(key);
            found.push(candidate);
        }
    }
    found
}

/// Each reference's directory relative to the common parent of all of
/// them: the sets' names under `--out-dir`. Every label is a relative path
/// of plain components (no `..`, no root); a reference whose directory is
/// the common parent itself (`day/` beside `day/en/`) cannot be named.
fn set_labels(references: &[PathBuf]) -> Result<Vec<PathBuf>> {
    use std::path::Component;
    let dirs: Vec<PathBuf> = references
        .iter()
        .map(|r| {
            let dir = r.parent().unwrap_or(Path::new("."));
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())
        })
        .collect();
    let mut common: Vec<Component> = dirs[0].components().collect();
    for d in &dirs[1..] {
        let n = common
            .iter()
            .zip(d.components())
            .take_while(|(a, b)| *a == b)
            .count();
        common.truncate(n);
    }
    let mut labels = Vec::new();
    for (dir, reference) in dirs.iter().zip(references) {
        let rest: Vec<Component> = dir.components().skip(common.len()).collect();
        if rest.is_empty() || !rest.iter().all(|c| matches!(c, Component::Normal(_))) {
            return Err(Error::Input {
                path: reference.clone(),
                message: "is the reference of a set whose directory holds the other sets: several sets are named by their directories (en/, ru/); merge this set in a command of its own".into(),
            });
        }
        labels.push(rest.iter().collect());
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_are_named_by_their_directory_under_the_common_parent() {
        let dir = tempfile::tempdir().unwrap();
        let day = dir.path().join("day");
        let refs: Vec<PathBuf> = ["en", "ru", "x/fa"]
            .iter()
            .map(|d| day.join(d).join(REFERENCE_FILE_NAME))
            .collect();
        for r in &refs {
            std::fs::create_dir_all(r.parent().unwrap()).unwrap();
            std::fs::write(r, "").unwrap();
        }
        let labels = set_labels(&refs).unwrap();
        assert_eq!(
            labels,
            vec![
                PathBuf::from("en"),
                PathBuf::from("ru"),
                PathBuf::from("x/fa")
            ]
        );
        // Beside the inputs, each reference once, in the order met.
        let inputs = vec![
            day.join("ru/brief.fa.xlf"),
            day.join("en/brief.fa.xlf"),
            day.join("en/brief.ru.xlf"),
        ];
        assert_eq!(
            references_beside(&inputs),
            vec![refs[1].clone(), refs[0].clone()]
        );
        // A set whose directory holds another set's cannot be named.
        let outer = day.join(REFERENCE_FILE_NAME);
        std::fs::write(&outer, "").unwrap();
        let err = set_labels(&[outer.clone(), refs[0].clone()]).unwrap_err();
        assert!(err.to_string().contains("holds the other sets"), "{err}");
    }
}
