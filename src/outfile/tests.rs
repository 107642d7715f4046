use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

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
    // No temporary, backup or lock files are left behind.
    assert_eq!(names(dir.path()), ["a", "b"]);
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

#[test]
fn a_failed_commit_restores_the_old_set() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::fs::write(&a, "old a").unwrap();
    // A destination that turns into a directory after the checks makes
    // the second rename fail; simulate by staging directly.
    std::fs::create_dir(&b).unwrap();
    std::fs::write(b.join("inside"), "x").unwrap();
    let files = [
        OutFile {
            path: a.clone(),
            contents: b"new a".to_vec(),
        },
        OutFile {
            path: b.clone(),
            contents: b"new b".to_vec(),
        },
    ];
    let err = write_all(&files, true).unwrap_err();
    assert!(err.to_string().contains("directory"), "{err}");
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a");
    let mut writing = Writing::begin().unwrap();
    let mut tx = Transaction::begin();
    let meta = a.symlink_metadata().unwrap();
    tx.stage(&files[0], Some(&meta)).unwrap();
    tx.stage(&files[1], None).unwrap();
    assert!(tx.commit(&[true, true], &[], &mut writing).is_err());
    drop(tx);
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a");
    assert_eq!(names(dir.path()), ["a", "b"]);
}

#[test]
fn too_large_files_are_refused_naming_the_destination() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.xlf");
    let options = WriteOptions {
        max_file_bytes: 10,
        ..WriteOptions::new(false)
    };
    let file = OutFile {
        path: path.clone(),
        contents: vec![b'x'; 11],
    };
    let err = write_all_with(&[file], &options, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("big.xlf"), "{err}");
    assert!(err.to_string().contains("merge"), "{err}");
    assert!(names(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn modes_follow_the_umask_and_replaced_files_keep_theirs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    std::fs::write(&old, "x").unwrap();
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o640)).unwrap();
    let new = dir.path().join("new");
    let files = [
        OutFile {
            path: old.clone(),
            contents: b"y".to_vec(),
        },
        OutFile {
            path: new.clone(),
            contents: b"y".to_vec(),
        },
    ];
    write_all(&files, true).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&old), 0o640);
    // SAFETY: umask only reads and sets the process mask; restored at once.
    let umask = unsafe {
        let m = libc::umask(0o022);
        libc::umask(m);
        m
    };
    assert_eq!(mode(&new), 0o666 & !(umask as u32));
}

#[test]
fn stale_temporaries_of_dead_runs_are_removed_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale = dir
        .path()
        .join(format!(".brief-{dead}-00ff.brief.fa.tsv.tmp"));
    let legacy = dir.path().join(".brief-AbC123.tmp");
    let live = dir
        .path()
        .join(format!(".brief-{}-00ff.x.tmp", std::process::id()));
    for p in [&stale, &legacy, &live] {
        std::fs::write(p, "partial").unwrap();
    }
    let mut warnings = Vec::new();
    let file = OutFile {
        path: dir.path().join("brief.fa.tsv"),
        contents: b"new".to_vec(),
    };
    write_all_with(&[file], &WriteOptions::new(false), &mut |w| {
        warnings.push(w)
    })
    .unwrap();
    assert!(!stale.exists());
    assert!(legacy.exists() && live.exists());
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains(".brief-") || warnings[1].contains(".brief-"));
}

#[test]
fn temp_names_are_recognised() {
    assert_eq!(
        temp_owner(".brief-42-abcd.brief.fa.tsv.tmp"),
        Some(Some(42))
    );
    assert_eq!(temp_owner(".brief-42-abcd.x.old.tmp"), Some(Some(42)));
    assert_eq!(temp_owner(".brief-Xy12ab.tmp"), Some(None));
    assert_eq!(temp_owner(".brief.lock"), None);
    assert_eq!(temp_owner("brief.fa.tsv"), None);
}

#[cfg(unix)]
#[test]
fn a_held_lock_makes_the_second_writer_refuse_after_the_wait() {
    let dir = tempfile::tempdir().unwrap();
    let held = lock_dir(dir.path(), Duration::ZERO).unwrap();
    let options = WriteOptions {
        lock_wait: Duration::from_millis(200),
        ..WriteOptions::new(false)
    };
    let file = OutFile {
        path: dir.path().join("a"),
        contents: vec![],
    };
    let err = write_all_with(std::slice::from_ref(&file), &options, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("another brief run"), "{err}");
    drop(held);
    write_all_with(&[file], &options, &mut |_| {}).unwrap();
    assert_eq!(names(dir.path()), ["a"]);
}

#[cfg(unix)]
#[test]
fn a_lock_file_is_exclusive_and_removed_when_released() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".m.tmx.brief-lock");
    let poll = Duration::from_millis(5);
    let first = LockFile::acquire(path.clone(), Duration::ZERO, poll)
        .unwrap()
        .unwrap();
    assert!(first.is_held());
    let second = LockFile::acquire(path.clone(), Duration::from_millis(30), poll).unwrap();
    assert!(second.is_none());
    drop(first);
    assert!(!path.exists());
    let third = LockFile::acquire(path.clone(), Duration::ZERO, poll)
        .unwrap()
        .unwrap();
    assert!(path.exists());
    drop(third);
    assert!(!path.exists());
}
