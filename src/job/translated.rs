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
        let mut expanded: Vec<TranslatedInput> = Vec::with_capacity(inputs.len());
        let mut project_reference: Option<PathBuf> = None;
        let mut project_warnings: Vec<(PathBuf, String)> = Vec::new();
        for input in inputs {
            match input {
                TranslatedInput::Path(path) if crate::omegat::is_project(path) => {
                    let project = crate::omegat::read_project(path)?;
                    project_warnings
                        .extend(project.warnings.into_iter().map(|w| (path.clone(), w)));
                    expanded.extend(project.files.into_iter().map(TranslatedInput::Path));
                    project_reference = project_reference.or(project.reference);
                }
                other => expanded.push(other.clone()),
            }
        }
        let inputs = &expanded[..];
        let mut files = Vec::new();
        for input in inputs {
            if input.name().file_name() == Some(std::ffi::OsStr::new(REFERENCE_FILE_NAME)) {
                continue;
            }
            files.extend(match input {
                TranslatedInput::Path(path) => merge::read_file(path)?,
                TranslatedInput::Bytes { name, contents } => {
                    merge::read_bytes(contents.clone(), name)?
                }
            });
        }
        if files.is_empty() {
            return Err(Error::Usage {
                message: format!(
                    "no translated file given ({REFERENCE_FILE_NAME} is the export's reference, not a translation)"
                ),
            });
        }
        let warnings: Vec<(PathBuf, String)> = project_warnings
            .into_iter()
            .chain(
                files
                    .iter()
                    .flat_map(|f| f.warnings.iter().map(|w| (f.path.clone(), w.clone()))),
            )
            .collect();
        let reference = match reference
            .map(Path::to_path_buf)
            .or(project_reference)
            .or_else(|| reference_beside(inputs))
        {
            Some(path) => Some(merge::read_reference(&path)?),
            None => None,
        };
        let mut warnings = warnings;
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
        Ok(TranslatedFiles {
            files,
            reference,
            warnings,
        })
    }

    /// The files as read from disk.
    pub fn read_paths(paths: &[PathBuf], reference: Option<&Path>) -> Result<TranslatedFiles> {
        let inputs: Vec<TranslatedInput> =
            paths.iter().cloned().map(TranslatedInput::Path).collect();
        TranslatedFiles::read(&inputs, reference)
    }

    /// Units in all files.
    pub fn units(&self) -> usize {
        self.files.iter().map(|f| f.units.len()).sum()
    }
}
