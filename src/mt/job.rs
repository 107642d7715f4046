//! The whole `brief translate` job: read the exported files, fill each with
//! memory matches and the engine's translations, and return the files to
//! write (the caller writes them as one transaction) with the findings of
//! `brief check` on the machine targets. The command line and the Python
//! package only turn their arguments into a [`TranslateJob`].

use std::path::{Path, PathBuf};

use crate::check::CheckSettings;
use crate::job::TranslationAids;
use crate::outfile::OutFile;
use crate::tm::Memory;

use super::{MachineFinding, MtError, Translator, fill_file};

/// What to translate and where the results go.
#[derive(Debug)]
pub struct TranslateJob<'a> {
    /// Files `brief export` wrote (any format, one target language each).
    pub files: &'a [PathBuf],
    /// The directory the filled files go to, under their own names.
    pub out_dir: &'a Path,
    /// The engine.
    pub translator: &'a Translator,
    /// Memories whose exact matches are used before the engine, first wins.
    pub memories: &'a [Memory],
    /// The rules machine targets are checked with.
    pub check: &'a CheckSettings,
    /// A glossary whose terms machine targets are checked for (`--glossary`;
    /// read in each file's source language).
    pub glossary: Option<&'a TranslationAids>,
}

/// The filled files and what was done.
#[derive(Debug, Clone)]
pub struct TranslateOutcome {
    /// The files to write, in the order of the inputs.
    pub files: Vec<OutFile>,
    /// Findings on machine targets: the output file and the finding.
    pub findings: Vec<(PathBuf, MachineFinding)>,
    /// Units the engine translated.
    pub machine: usize,
    /// Distinct texts sent.
    pub unique: usize,
    /// Units filled from a memory's exact match.
    pub from_memory: usize,
    /// Units whose translator's target was kept.
    pub kept: usize,
}

/// Why a translate job failed; nothing is to be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TranslateError {
    /// An input could not be read, or the job cannot run as given.
    #[error(transparent)]
    File(#[from] crate::Error),
    /// The engine failed for this input.
    #[error("{}: {error}", crate::escape::escape_path(path))]
    Engine {
        /// The input file.
        path: PathBuf,
        /// What went wrong.
        #[source]
        error: MtError,
    },
}

impl TranslateJob<'_> {
    /// Runs the job. Either every file is filled or an error says which
    /// file failed and why.
    pub fn run(&self) -> Result<TranslateOutcome, TranslateError> {
        let mut outcome = TranslateOutcome {
            files: Vec::new(),
            findings: Vec::new(),
            machine: 0,
            unique: 0,
            from_memory: 0,
            kept: 0,
        };
        for path in self.files {
            let out_path = self.out_path(path)?;
            let read = crate::formats::read_file(path)?;
            let contents = self.fill(path, &read, &out_path, &mut outcome)?;
            outcome.files.push(OutFile {
                path: out_path,
                contents,
            });
        }
        self.memories_unchanged()?;
        Ok(outcome)
    }

    /// A memory rewritten while it was open gives no match rather than a
    /// wrong one; this turns that silence into an error naming the file, so
    /// nothing is written from a half-seen memory.
    fn memories_unchanged(&self) -> Result<(), TranslateError> {
        self.memories
            .iter()
            .try_for_each(crate::tm::Memory::check_unchanged)
            .map_err(TranslateError::File)
    }

    /// Fills files not yet written (`brief export --mt`): each of `files`
    /// whose path is in `which` gets its contents replaced by the filled
    /// ones; the others are left alone. `self.files` and `self.out_dir` are
    /// not used. The outcome lists no files.
    pub fn fill_in_place(
        &self,
        files: &mut [OutFile],
        which: &[PathBuf],
    ) -> Result<TranslateOutcome, TranslateError> {
        let mut outcome = TranslateOutcome {
            files: Vec::new(),
            findings: Vec::new(),
            machine: 0,
            unique: 0,
            from_memory: 0,
            kept: 0,
        };
        for file in files.iter_mut().filter(|f| which.contains(&f.path)) {
            let read = crate::formats::read_bytes(file.contents.clone(), &file.path)?;
            file.contents = self.fill(&file.path, &read, &file.path, &mut outcome)?;
        }
        self.memories_unchanged()?;
        Ok(outcome)
    }

    /// The filled contents of one read file; findings and counts go to
    /// `outcome`, the findings naming `out_path`.
    fn fill(
        &self,
        path: &Path,
        read: &[crate::formats::UnitFile],
        out_path: &Path,
        outcome: &mut TranslateOutcome,
    ) -> Result<Vec<u8>, TranslateError> {
        let [unit_file] = read else {
            return Err(crate::Error::Input {
                path: path.to_path_buf(),
                message: format!(
                    "{} target languages in one file; translate handles files with one (as `brief export` writes them)",
                    read.len()
                ),
            }
            .into());
        };
        let glossary = match self.glossary.filter(|_| self.translator.checks_glossary()) {
            Some(aids) => {
                let lang = unit_file
                    .source_lang
                    .parse::<crate::formats::LanguageTag>()
                    .map(|t| t.lang())
                    .map_err(TranslateError::File)?;
                aids.glossary(lang).map_err(|message| crate::Error::Input {
                    path: aids.glossary_path().unwrap_or(path).to_path_buf(),
                    message,
                })?
            }
            None => None,
        };
        let filled = fill_file(
            unit_file,
            self.translator,
            self.memories,
            self.check,
            glossary.as_ref(),
        )
        .map_err(|error| TranslateError::Engine {
            path: path.to_path_buf(),
            error,
        })?;
        outcome.findings.extend(
            filled
                .findings
                .into_iter()
                .map(|f| (out_path.to_path_buf(), f)),
        );
        outcome.machine += filled.machine;
        outcome.unique += filled.unique;
        outcome.from_memory += filled.from_memory;
        outcome.kept += filled.kept;
        Ok(filled.contents)
    }

    /// Where the filled `input` goes; never over an input.
    fn out_path(&self, input: &Path) -> Result<PathBuf, crate::Error> {
        let Some(name) = input.file_name() else {
            return Err(crate::Error::Input {
                path: input.to_path_buf(),
                message: "not a file name".into(),
            });
        };
        let out = self.out_dir.join(name);
        // The output does not exist yet: then it is no input.
        let replaces_input = out.canonicalize().is_ok_and(|out| {
            self.files
                .iter()
                .any(|f| f.canonicalize().is_ok_and(|f| f == out))
        });
        if replaces_input {
            return Err(crate::Error::Usage {
                message: format!(
                    "{}: the output would replace the input; choose another output directory",
                    crate::escape::escape_path(input)
                ),
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::mt::{ApiKey, Engine, MtSettings};

    const MEMORY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en"><seg>Fish and chips.</seg></tuv><tuv xml:lang="fa"><seg>ماهی</seg></tuv></tu>
</body></tmx>"#;

    #[test]
    fn a_memory_rewritten_while_the_job_looked_it_up_fails_the_job() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.tmx");
        std::fs::write(&path, MEMORY).unwrap();
        let memory = Memory::read_file_for_lookups(&path).unwrap();
        let translator = Translator::new(
            Engine::LibreTranslate,
            Some("http://127.0.0.1:9"),
            Some(ApiKey::new("k").unwrap()),
            &MtSettings::default(),
        )
        .unwrap();
        let check = CheckSettings::default();
        let job = TranslateJob {
            files: &[],
            out_dir: dir.path(),
            translator: &translator,
            memories: std::slice::from_ref(&memory),
            check: &check,
            glossary: None,
        };
        assert!(job.run().is_ok(), "an untouched memory passes");
        std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&path)
            .unwrap()
            .write_all(MEMORY.replace("ماهی", "ماهی ماهی").as_bytes())
            .unwrap();
        // The lookup a file's unit would make finds nothing now...
        assert_eq!(memory.lookup("Fish and chips.", "en", "fa").exact, None);
        // ...and the job says why instead of sending the text to the engine.
        let err = job.run().unwrap_err().to_string();
        assert!(err.contains("desk.tmx"), "{err}");
        assert!(err.contains("changed while it was read"), "{err}");
    }
}
