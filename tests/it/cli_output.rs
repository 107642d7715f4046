//! What the command line prints: the exit code does not depend on who
//! reads the output (a reader that closes the pipe early, as `head` does,
//! changes nothing), and translators' targets are rendered as text only,
//! never as markup or sections of their own.

use std::os::fd::{FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::common::{brief_in as brief, fill};

const TEXT: &str = "The council met on Monday. It approved the budget. The mayor left early.";

/// Exports the three sentences of [`TEXT`] to Russian TSV and fills them
/// with `targets`; returns the filled file.
fn delivered(dir: &Path, targets: &[&str]) -> PathBuf {
    std::fs::write(dir.join("a.txt"), TEXT).unwrap();
    brief(dir)
        .args([
            "export", "--all", "--lang", "en", "--to", "ru", "--format", "tsv",
        ])
        .args(["--out-dir", "out", "a.txt"])
        .assert()
        .success();
    let path = dir.join("out/brief.ru.tsv");
    let file = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, fill(brief::Format::Tsv, &file, targets)).unwrap();
    path
}

/// A pipe whose reading end is already closed: every write to the other
/// end fails with EPIPE, as when `head` has gone.
fn closed_pipe() -> Stdio {
    let mut fds = [0; 2];
    // SAFETY: pipe(2) fills two new descriptors, which we then own.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: both descriptors are fresh and owned here alone.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    Stdio::from(write)
}

/// Runs brief in `dir` with its output into a closed pipe; the exit code.
fn code_into_closed_pipe(dir: &Path, args: &[&str]) -> Option<i32> {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-xdg"))
        .env_remove("HOME")
        .args(args)
        .stdout(closed_pipe())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    status.code()
}

#[test]
fn a_closed_pipe_does_not_change_the_exit_code_the_data_gives() {
    let dir = tempfile::tempdir().unwrap();
    // One copy of its source: a merge problem and a check error.
    let path = delivered(
        dir.path(),
        &[
            "Совет собрался в понедельник.",
            "It approved the budget.",
            "Мэр ушёл рано.",
        ],
    );
    let file = path.to_str().unwrap();
    for args in [
        vec!["merge", "--allow-partial", file],
        vec!["merge", "--allow-partial", "--format", "json", file],
        vec!["check", "--format", "json", file],
        vec!["check", "--format", "jsonl", file],
        vec!["check", file],
    ] {
        let direct = brief(dir.path()).args(&args).output().unwrap();
        assert_eq!(direct.status.code(), Some(1), "{args:?}");
        assert_eq!(
            code_into_closed_pipe(dir.path(), &args),
            Some(1),
            "{args:?} into a closed pipe"
        );
    }
}

#[test]
fn a_closed_pipe_after_clean_data_is_success() {
    let dir = tempfile::tempdir().unwrap();
    let path = delivered(
        dir.path(),
        &[
            "Совет собрался в понедельник.",
            "Он утвердил бюджет.",
            "Мэр ушёл рано.",
        ],
    );
    let file = path.to_str().unwrap();
    for args in [
        vec!["merge", "--format", "json", file],
        vec!["check", "--format", "json", file],
    ] {
        assert_eq!(
            code_into_closed_pipe(dir.path(), &args),
            Some(0),
            "{args:?}"
        );
    }
}

#[test]
fn markdown_and_text_show_targets_as_text_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = delivered(
        dir.path(),
        &[
            "Совет <img src=x onerror=alert(1)> собрался.",
            "Ссылка [x](javascript:alert(1)) тут.",
            "Мэр ушёл.\n\n## ru\n\nПоддельный раздел.",
        ],
    );
    let file = path.to_str().unwrap();
    let out = brief(dir.path())
        .args(["merge", "--format", "markdown", file])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(!md.contains("<img"), "{md}");
    assert!(!md.contains("[x]("), "{md}");
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings, ["## ru"], "{md}");
    let out = brief(dir.path())
        .args(["merge", "--format", "text", file])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().count(),
        1,
        "a target forged a paragraph: {text:?}"
    );
}
