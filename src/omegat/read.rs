//! Finding the translated documents of an OmegaT project, for merge.

use std::path::{Component, Path, PathBuf};

use super::PROJECT_FILE;
use crate::error::{Error, Result};
use crate::formats::REFERENCE_FILE_NAME;
use crate::formats::xml;

/// No project file is larger than this (OmegaT's are about 1 KiB).
const MAX_PROJECT_FILE_BYTES: u64 = 1 << 20;

/// A source folder with more files than this is not one of brief's
/// projects; listing stops there instead of holding an unbounded list.
const MAX_SOURCE_FILES: usize = 10_000;

/// What merge reads from one project.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProjectInputs {
    /// The translated documents (in the target folder), one per XLIFF file
    /// of the source folder, in name order.
    pub files: Vec<PathBuf>,
    /// The export's reference copy in the project, if it is there.
    pub reference: Option<PathBuf>,
    /// Things the user should know, e.g. a translated document older than
    /// the project's memory.
    pub warnings: Vec<String>,
}

/// Whether `path` is a directory holding an `omegat.project`.
pub fn is_project(path: &Path) -> bool {
    path.is_dir() && path.join(PROJECT_FILE).is_file()
}

fn invalid(path: &Path, message: impl Into<String>) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// The folder a project setting names: `__DEFAULT__` is `default` in the
/// project; another value must be a relative path inside the project (a
/// project file names only its own folders for brief).
fn folder(project: &Path, settings: &xml::Element, key: &str, default: &str) -> Result<PathBuf> {
    let file = project.join(PROJECT_FILE);
    let value = settings
        .child(key)
        .map(|e| e.text().trim().to_string())
        .unwrap_or_default();
    if value.is_empty() || value == "__DEFAULT__" {
        return Ok(project.join(default));
    }
    let relative = Path::new(&value);
    let inside = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !inside {
        return Err(invalid(
            &file,
            format!(
                "<{key}> {value:?} is not a folder inside the project; brief merges a project whose folders are inside it (__DEFAULT__)"
            ),
        ));
    }
    Ok(project.join(relative))
}

/// The translated documents of the OmegaT project at `dir`: for every
/// `.xlf` file of its source folder, the file of the same name in its
/// target folder, which must exist (OmegaT writes it on *Project → Create
/// Translated Documents*, or in console mode). Fails naming the project
/// file or the missing document.
pub fn read_project(dir: &Path) -> Result<ProjectInputs> {
    let project_file = dir.join(PROJECT_FILE);
    let bytes = crate::formats::read_limited(&project_file, MAX_PROJECT_FILE_BYTES, "")?;
    let text = String::from_utf8(bytes)
        .map_err(|_| invalid(&project_file, "not UTF-8: not an OmegaT project file"))?;
    let root = xml::parse(&text, &project_file)?;
    let settings = (root.name == "omegat")
        .then(|| root.child("project"))
        .flatten()
        .ok_or_else(|| {
            invalid(
                &project_file,
                "not an OmegaT project file (expected <omegat><project>)",
            )
        })?;
    let source = folder(dir, settings, "source_dir", "source")?;
    let target = folder(dir, settings, "target_dir", "target")?;
    let mut names: Vec<std::ffi::OsString> = Vec::new();
    let entries = std::fs::read_dir(&source).map_err(|e| Error::io(&source, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&source, e))?;
        // A link or a folder is not one of brief's documents.
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        let name = entry.file_name();
        let xlf = Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlf"));
        if is_file && xlf {
            if names.len() == MAX_SOURCE_FILES {
                return Err(invalid(
                    &source,
                    format!("more than {MAX_SOURCE_FILES} XLIFF files: not a brief project"),
                ));
            }
            names.push(name);
        }
    }
    names.sort();
    if names.is_empty() {
        return Err(invalid(
            &source,
            "no XLIFF file in the project's source folder (brief export --format omegat writes one)",
        ));
    }
    let memory = dir.join("omegat").join("project_save.tmx");
    let memory_time = std::fs::metadata(&memory).and_then(|m| m.modified()).ok();
    let mut files = Vec::with_capacity(names.len());
    let mut warnings = Vec::new();
    for name in names {
        let translated = target.join(&name);
        let meta = std::fs::metadata(&translated).map_err(|_| {
            invalid(
                &translated,
                "not found: the project has no translated document yet. In OmegaT: \
                 Project → Create Translated Documents (Ctrl+D); headless: \
                 java -jar OmegaT.jar PROJECT --mode=console-translate",
            )
        })?;
        if !meta.is_file() {
            return Err(invalid(&translated, "is not a file"));
        }
        let stale = memory_time
            .zip(meta.modified().ok())
            .is_some_and(|(m, t)| m > t);
        if stale {
            warnings.push(format!(
                "{}: older than the project's memory ({}): translations made since are not in it; \
                 create the translated documents again (Ctrl+D) before merging",
                crate::escape::escape_path(&translated),
                crate::escape::escape_path(&memory)
            ));
        }
        files.push(translated);
    }
    let reference = Some(dir.join(REFERENCE_FILE_NAME)).filter(|p| p.is_file());
    Ok(ProjectInputs {
        files,
        reference,
        warnings,
    })
}
