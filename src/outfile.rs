//! Writing output files safely.
//!
//! Every file is first written to a temporary file in its own directory and
//! then renamed into place, so a reader never sees a half-written file and a
//! crash leaves at most a stray temporary file (removed on drop). Without
//! `force`, an existing file is never replaced: all targets are checked before
//! anything is written, and the final rename itself refuses to clobber a file
//! that appeared in the meantime.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One file to write: where, and its complete contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    /// The destination path.
    pub path: PathBuf,
    /// The bytes to write.
    pub contents: Vec<u8>,
}

/// Writes all `files`, each atomically.
///
/// Without `force`, fails before writing anything if any destination exists
/// (or if two entries name the same path). With `force`, existing files are
/// replaced atomically.
///
/// ```
/// use brief::outfile::{write_all, OutFile};
/// let dir = tempfile::tempdir().unwrap();
/// let file = OutFile { path: dir.path().join("a.txt"), contents: b"hi\n".to_vec() };
/// write_all(std::slice::from_ref(&file), false).unwrap();
/// assert!(write_all(&[file.clone()], false).is_err()); // no clobbering
/// write_all(&[file], true).unwrap();
/// ```
pub fn write_all(files: &[OutFile], force: bool) -> Result<()> {
    for (i, file) in files.iter().enumerate() {
        if files[..i].iter().any(|f| f.path == file.path) {
            return Err(Error::Input {
                path: file.path.clone(),
                message: "would be written twice in one run".into(),
            });
        }
        if !force && file.path.symlink_metadata().is_ok() {
            return Err(exists(&file.path));
        }
    }
    for file in files {
        write_one(file, force)?;
    }
    Ok(())
}

fn exists(path: &Path) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message: "already exists; use --force to overwrite".into(),
    }
}

fn write_one(file: &OutFile, force: bool) -> Result<()> {
    let dir = match file.path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".brief-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(&file.contents)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::io(tmp.path(), e))?;
    if force {
        tmp.persist(&file.path)
            .map_err(|e| Error::io(&file.path, e.error))?;
    } else {
        tmp.persist_noclobber(&file.path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                exists(&file.path)
            } else {
                Error::io(&file.path, e.error)
            }
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_before_writing_anything() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::fs::write(&b, "old").unwrap();
        let files = [
            OutFile {
                path: a.clone(),
                contents: b"new".to_vec(),
            },
            OutFile {
                path: b.clone(),
                contents: b"new".to_vec(),
            },
        ];
        let err = write_all(&files, false).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        assert!(!a.exists());
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "old");
        write_all(&files, true).unwrap();
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "new");
        // No temporary files are left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn the_same_path_twice_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let f = OutFile {
            path: dir.path().join("x"),
            contents: vec![],
        };
        assert!(write_all(&[f.clone(), f], true).is_err());
    }
}
