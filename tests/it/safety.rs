//! Nothing lost, nothing escapes (issue 10): export sets are all-or-nothing
//! under signals, full disks and concurrent runs; inputs, XML and config
//! files are bounded; no control character reaches the terminal. Each test
//! drives the real binary in a child process.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use predicates::str::contains;

use crate::common::brief_in;

const BIN: &str = env!("CARGO_BIN_EXE_brief");

/// The binary as a plain std command, isolated like `common::brief_in`.
fn raw(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-xdg"))
        .env_remove("HOME")
        .env_remove("BRIEF_MAX_INPUT")
        .env_remove("BRIEF_LOCK_WAIT");
    cmd
}

/// Deterministic English text of about `sentences` sentences.
fn article(sentences: usize, word: &str) -> String {
    let words = [
        "market", "river", "council", "report", "minister", "village", "storm", "budget",
    ];
    let mut out = String::new();
    for i in 0..sentences {
        out.push_str(word);
        for j in 0..10 {
            out.push(' ');
            out.push_str(words[(i * 7 + j * 3) % words.len()]);
        }
        out.push_str(if i % 5 == 4 { ".\n\n" } else { ". " });
    }
    out
}

/// File name → contents of every file in `dir`, hidden ones included.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (name, bytes)
        })
        .collect();
    files.sort();
    files
}

fn names(dir: &Path) -> Vec<String> {
    snapshot(dir).into_iter().map(|(n, _)| n).collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const FORMATS: &str = "xliff20,xliff12,tmx,tsv,jsonl";
const TARGETS: &str = "fa,ru,de,fr";
/// Files in one export set: every format for every target, and the reference.
const SET_FILES: usize = 5 * 4 + 1;

fn export_args(input: &str) -> Vec<String> {
    [
        "export",
        "--all",
        "--to",
        TARGETS,
        "--format",
        FORMATS,
        "--out-dir",
        "out",
        input,
    ]
    .map(String::from)
    .to_vec()
}

/// A directory with `old.txt`, `new.txt` and a complete set exported from
/// `old.txt` in `out/`.
fn with_old_set(sentences: usize) -> (tempfile::TempDir, Vec<(String, Vec<u8>)>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.txt"), article(20, "Oldword")).unwrap();
    std::fs::write(dir.path().join("new.txt"), article(sentences, "Newword")).unwrap();
    let out = raw(dir.path())
        .args(export_args("old.txt"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let before = snapshot(&dir.path().join("out"));
    assert_eq!(before.len(), SET_FILES);
    (dir, before)
}

fn assert_no_leftovers(out_dir: &Path) {
    let stray: Vec<String> = names(out_dir)
        .into_iter()
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(stray.is_empty(), "left behind: {stray:?}");
}

fn has_temp(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
    })
}

/// SIGINT or SIGTERM while the set is being written: the old set survives
/// whole, no temporary file stays, and the exit code is 128 + the signal.
fn interrupt_during_write(signal: i32, code: i32) {
    let mut caught_in_write = 0;
    for _attempt in 0..6 {
        let (dir, before) = with_old_set(1500);
        let out_dir = dir.path().join("out");
        let mut args = export_args("new.txt");
        args.insert(1, "--force".into());
        let mut cmd = raw(dir.path());
        cmd.args(&args).stdout(Stdio::null()).stderr(Stdio::piped());
        // A harness that runs the tests as a background job ignores SIGINT,
        // and brief keeps an ignored signal ignored: the default here.
        // SAFETY: signal(2) is async-signal-safe.
        unsafe {
            cmd.pre_exec(move || {
                libc::signal(signal, libc::SIG_DFL);
                Ok(())
            });
        }
        let mut child = cmd.spawn().unwrap();
        let start = Instant::now();
        let mut sent = false;
        while start.elapsed() < Duration::from_secs(120) {
            if has_temp(&out_dir) {
                // SAFETY: kill(2) on our own child's pid.
                unsafe { libc::kill(child.id() as i32, signal) };
                sent = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let out = child.wait_with_output().unwrap();
        let after = snapshot(&out_dir);
        if !sent {
            // Finished before a temporary file was seen: the new set is whole.
            assert!(out.status.success(), "{}", stderr(&out));
            continue;
        }
        assert_no_leftovers(&out_dir);
        let err = stderr(&out);
        let new_set_whole = || {
            after.len() == SET_FILES
                && after
                    .iter()
                    .all(|(_, b)| String::from_utf8_lossy(b).contains("Newword"))
        };
        match out.status.code() {
            Some(c) if c == code && err.contains("the previous output files are unchanged") => {
                caught_in_write += 1;
                assert_eq!(after, before, "the old set changed: {err}");
                break;
            }
            // The signal came during or after the renames (which are let
            // finish): the new set is complete, and the message says so.
            Some(c) if c == code => {
                assert!(err.contains("they are complete"), "{err}");
                assert!(new_set_whole(), "{err}");
            }
            Some(0) => assert!(new_set_whole(), "{err}"),
            // Exit 2 with "interrupted by a signal" was the writing thread
            // ending the run before the signal thread could.
            other => panic!("exit {other:?}: {err}"),
        }
    }
    assert!(caught_in_write > 0, "never interrupted the write phase");
}

#[test]
fn sigint_during_an_export_leaves_the_old_set_whole() {
    interrupt_during_write(libc::SIGINT, 130);
}

#[test]
fn sigterm_during_an_export_leaves_the_old_set_whole() {
    interrupt_during_write(libc::SIGTERM, 143);
}

#[test]
fn an_ignored_sigint_stays_ignored() {
    let (dir, _) = with_old_set(1500);
    let out_dir = dir.path().join("out");
    let mut args = export_args("new.txt");
    args.insert(1, "--force".into());
    let mut cmd = raw(dir.path());
    cmd.args(&args).stdout(Stdio::null()).stderr(Stdio::piped());
    // SAFETY: signal(2) is async-signal-safe.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_IGN);
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() && start.elapsed() < Duration::from_secs(120) {
        if has_temp(&out_dir) {
            // SAFETY: kill(2) on our own child's pid.
            unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let set = snapshot(&out_dir);
    assert_eq!(set.len(), SET_FILES);
    assert!(
        set.iter()
            .all(|(_, b)| String::from_utf8_lossy(b).contains("Newword"))
    );
}

/// A child whose files may not grow beyond `bytes` (a full disk, as far as
/// write(2) can tell: EFBIG instead of ENOSPC, with SIGXFSZ ignored).
fn with_file_size_limit(cmd: &mut Command, bytes: u64) {
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[test]
fn a_full_disk_with_force_leaves_the_old_set_and_names_the_file() {
    let (dir, before) = with_old_set(300);
    let mut cmd = raw(dir.path());
    let mut args = export_args("new.txt");
    args.insert(1, "--force".into());
    cmd.args(&args);
    with_file_size_limit(&mut cmd, 64 * 1024);
    let out = cmd.output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("out/brief."), "names the destination: {err}");
    assert!(!err.contains(".tmp"), "names a temporary file: {err}");
    let out_dir = dir.path().join("out");
    assert_eq!(snapshot(&out_dir), before);
}

#[test]
fn a_full_disk_without_force_writes_nothing_and_a_rerun_works() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("new.txt"), article(300, "Newword")).unwrap();
    let mut cmd = raw(dir.path());
    cmd.args(export_args("new.txt"));
    with_file_size_limit(&mut cmd, 64 * 1024);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(names(&dir.path().join("out")).is_empty());
    let out = raw(dir.path())
        .args(export_args("new.txt"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(names(&dir.path().join("out")).len(), SET_FILES);
}

/// A real ENOSPC on a small tmpfs (needs root, as in CI).
#[test]
fn a_real_full_tmpfs_leaves_the_old_set() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("not root: the tmpfs case is covered by RLIMIT_FSIZE only");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(&mnt)
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        eprintln!("mount -t tmpfs failed (no CAP_SYS_ADMIN here): skipped");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(mnt.clone());
    std::fs::write(mnt.join("old.txt"), article(20, "Oldword")).unwrap();
    std::fs::write(mnt.join("new.txt"), article(400, "Newword")).unwrap();
    let out = raw(&mnt).args(export_args("old.txt")).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let before = snapshot(&mnt.join("out"));
    let mut args = export_args("new.txt");
    args.insert(1, "--force".into());
    let out = raw(&mnt).args(&args).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("No space left"), "{err}");
    assert!(err.contains("out/brief.") && !err.contains(".tmp"), "{err}");
    assert_eq!(snapshot(&mnt.join("out")), before);
}

#[test]
fn concurrent_exports_take_turns_and_leave_one_consistent_set() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), article(200, "Alphaword")).unwrap();
    std::fs::write(dir.path().join("b.txt"), article(200, "Bravoword")).unwrap();
    for _round in 0..3 {
        let spawn = |input: &str| {
            let mut args = export_args(input);
            args.insert(1, "--force".into());
            raw(dir.path())
                .args(&args)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn("a.txt"), spawn("b.txt"));
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
        }
        let set = snapshot(&dir.path().join("out"));
        assert_eq!(set.len(), SET_FILES, "{:?}", names(&dir.path().join("out")));
        let from = |word: &str| {
            set.iter()
                .filter(|(_, b)| String::from_utf8_lossy(b).contains(word))
                .count()
        };
        let (alpha, bravo) = (from("Alphaword"), from("Bravoword"));
        assert!(
            (alpha, bravo) == (SET_FILES, 0) || (alpha, bravo) == (0, SET_FILES),
            "a mixed set: {alpha} files from a, {bravo} from b"
        );
    }
}

#[test]
fn a_held_lock_makes_the_export_wait_then_refuse_clearly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), article(5, "Alphaword")).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let lock = std::fs::File::create(out_dir.join(".brief.lock")).unwrap();
    use std::os::fd::AsRawFd;
    // SAFETY: flock on an open descriptor.
    assert_eq!(unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) }, 0);
    let start = Instant::now();
    let out = raw(dir.path())
        .env("BRIEF_LOCK_WAIT", "1")
        .args(export_args("a.txt"))
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("another brief run"), "{err}");
    assert!(start.elapsed() >= Duration::from_secs(1));
    assert_eq!(names(&out_dir), [".brief.lock"]);
    drop(lock);
    let out = raw(dir.path()).args(export_args("a.txt")).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_no_leftovers(&out_dir);
}

#[test]
fn leftover_temporaries_of_a_killed_run_are_removed_and_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), article(5, "Alphaword")).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let mut gone = Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let stale = format!(".brief-{dead}-0123456789abcdef.brief.fa.tsv.tmp");
    std::fs::write(out_dir.join(&stale), "half").unwrap();
    brief_in(dir.path())
        .args(export_args("a.txt"))
        .assert()
        .success()
        .stderr(contains(stale.as_str()))
        .stderr(contains("interrupted"));
    assert_no_leftovers(&out_dir);
}

#[test]
fn new_files_follow_the_umask_and_replaced_ones_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), article(5, "Alphaword")).unwrap();
    let run = |force: bool| {
        let mut cmd = raw(dir.path());
        cmd.args(["export", "--all", "--to", "fa", "--format", "tsv,tmx"]);
        cmd.args(["--out-dir", "out", "a.txt"]);
        if force {
            cmd.arg("--force");
        }
        // SAFETY: umask is async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                libc::umask(0o022);
                Ok(())
            });
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    };
    run(false);
    let mode = |name: &str| {
        std::fs::metadata(dir.path().join("out").join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("brief.fa.tsv"), 0o644);
    std::fs::set_permissions(
        dir.path().join("out/brief.fa.tsv"),
        std::fs::Permissions::from_mode(0o664),
    )
    .unwrap();
    run(true);
    assert_eq!(mode("brief.fa.tsv"), 0o664);
    assert_eq!(mode("brief.fa.tmx"), 0o644);
}

// ---- bounded inputs ----

#[test]
fn symlink_loops_in_an_input_directory_end_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), "One sentence here. Another one.").unwrap();
    std::os::unix::fs::symlink(".", docs.join("loop1")).unwrap();
    std::os::unix::fs::symlink(".", docs.join("loop2")).unwrap();
    std::os::unix::fs::symlink("a.txt", docs.join("self.txt")).unwrap();
    let start = Instant::now();
    let out = raw(dir.path()).args(["detect", "docs"]).output().unwrap();
    assert!(start.elapsed() < Duration::from_secs(20));
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "read once: {stdout}");
    assert!(stderr(&out).contains("not followed"), "{}", stderr(&out));
}

#[test]
fn a_fifo_inside_an_input_directory_is_skipped_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), "One sentence here. Another one.").unwrap();
    let status = Command::new("mkfifo")
        .arg(docs.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut child = raw(dir.path())
        .args(["segment", "docs"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("blocked on the FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("pipe.txt"), "{}", stderr(&out));
}

/// Runs `brief` with an address-space limit, so a blowup aborts instead of
/// swapping the machine; returns the output and the time taken.
fn bounded_run(dir: &Path, args: &[&str], env: &[(&str, &str)], max_as: u64) -> (Output, Duration) {
    let mut cmd = raw(dir);
    cmd.args(args).stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    // SAFETY: setrlimit is async-signal-safe.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: max_as,
                rlim_max: max_as,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            Ok(())
        });
    }
    let start = Instant::now();
    let out = cmd.output().unwrap();
    (out, start.elapsed())
}

const GIB: u64 = 1 << 30;

#[test]
fn endless_devices_stop_at_the_input_limit() {
    let dir = tempfile::tempdir().unwrap();
    for device in ["/dev/zero", "/dev/urandom"] {
        let (out, took) = bounded_run(
            dir.path(),
            &["segment", device],
            &[("BRIEF_MAX_INPUT", "8M")],
            2 * GIB,
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{device}: {err}");
        assert!(err.contains(device) && err.contains("limit"), "{err}");
        assert!(took < Duration::from_secs(30), "{device} took {took:?}");
    }
    // The default limit (256 MiB) also holds within bounded memory.
    let (out, _) = bounded_run(dir.path(), &["segment", "/dev/zero"], &[], 2 * GIB);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("256 MiB"), "{}", stderr(&out));
}

#[test]
fn standard_input_and_files_over_the_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), article(200, "Word")).unwrap();
    brief_in(dir.path())
        .env("BRIEF_MAX_INPUT", "1K")
        .args(["segment", "big.txt"])
        .assert()
        .code(2)
        .stderr(contains("big.txt"))
        .stderr(contains("limit"));
    brief_in(dir.path())
        .env("BRIEF_MAX_INPUT", "1K")
        .args(["segment", "-"])
        .write_stdin(article(200, "Word"))
        .assert()
        .code(2)
        .stderr(contains("-: larger than the input limit"));
    brief_in(dir.path())
        .env("BRIEF_MAX_INPUT", "lots")
        .args(["segment", "big.txt"])
        .assert()
        .code(2)
        .stderr(contains("BRIEF_MAX_INPUT"));
    brief_in(dir.path())
        .env("BRIEF_MAX_INPUT", "1K")
        .args(["segment", "--input", "jsonl", "-"])
        .write_stdin(format!(
            "{{\"id\": \"a\", \"text\": \"{}\"}}\n",
            "x".repeat(2000)
        ))
        .assert()
        .code(2)
        .stderr(contains("-:1: line longer than the input limit"));
}

#[test]
fn kernel_pseudo_file_systems_are_not_walked() {
    let dir = tempfile::tempdir().unwrap();
    for root in ["/proc", "/sys", "/dev"] {
        let (out, took) = bounded_run(dir.path(), &["segment", root], &[], 2 * GIB);
        assert!(took < Duration::from_secs(20), "{root}: {took:?}");
        let err = stderr(&out);
        assert!(err.contains("pseudo file system"), "{root}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

// ---- XML bounds ----

#[test]
fn namespace_amplification_is_refused_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let uri = format!("urn:{}", "n".repeat(4096));
    let mut doc = format!(
        r#"<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:p="{uri}" version="2.0" srcLang="en" trgLang="fa"><file id="f">"#
    );
    for _ in 0..2_000_000 {
        doc.push_str("<p:a/>");
    }
    doc.push_str("</file></xliff>");
    std::fs::write(dir.path().join("ns.xlf"), &doc).unwrap();
    let (out, took) = bounded_run(dir.path(), &["merge", "ns.xlf"], &[], GIB);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("ns.xlf") && err.contains("namespace"), "{err}");
    assert!(took < Duration::from_secs(30), "{took:?}");
}

#[test]
fn raw_control_characters_in_xml_are_refused_with_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fa\"><file id=\"f\"><unit id=\"u1\"><segment><source>Hi</source><target>\u{1b}]0;owned\u{7}</target></segment></unit></file></xliff>\n";
    std::fs::write(dir.path().join("c0.xlf"), doc).unwrap();
    let offset = doc.find('\u{1b}').unwrap();
    let out = raw(dir.path()).args(["merge", "c0.xlf"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(&format!("U+001B at byte {offset}")), "{err}");
    assert!(!out.stderr.contains(&0x1b), "raw ESC on stderr");
}

// ---- nothing escapes to the terminal ----

#[test]
fn control_characters_in_names_are_escaped_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "a\u{1b}]0;pwned\u{7}\u{202e}txt.txt";
    let out = raw(dir.path()).args(["segment", evil]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(r"a\x1b]0;pwned\x07\u{202e}txt.txt"), "{err}");
    assert!(!out.stderr.contains(&0x1b) && !out.stderr.contains(&0x07));
    // A key in a configuration file.
    std::fs::write(
        dir.path().join("evil.toml"),
        "[summary]\n\"x\\u001b[2J\" = 1\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "One. Two.").unwrap();
    let out = raw(dir.path())
        .args(["summarize", "--config", "evil.toml", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!out.stderr.contains(&0x1b), "{}", stderr(&out));
}

/// What a page or a file says reaches the terminal in text output (titles,
/// brief sentences, segments) with its control characters escaped: a
/// hostile page's `&#27;]0;…&#7;` would retitle the window, `&#27;[2J`
/// clear the screen (both reached it raw before). JSON keeps the exact text.
#[test]
fn control_characters_in_content_are_escaped_in_text_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("evil.html"),
        "<html><body><article><h1>Evil page&#27;]0;pwned&#7;</h1>\
         <p>The council approved a budget of 4.2 billion dollars on Tuesday&#27;[2J. \
         The plan adds three tram lines and 200 buses by 2028.</p>\
         <p>Fares will stay at 2 dollars for adults&#8238; and 1 dollar for students.</p>\
         </article></body></html>",
    )
    .unwrap();
    let item = serde_json::json!({
        "id": "a", "lang": "en", "title": "Title\u{1b}[2J\nwith a break",
        "text": "The council approved a budget of 4.2 billion dollars on Tuesday.\u{1b}]0;x\u{7} The plan adds three tram lines.",
    });
    std::fs::write(dir.path().join("items.jsonl"), format!("{item}\n")).unwrap();
    let runs: [&[&str]; 4] = [
        &["summarize", "evil.html", "--sentences", "3"],
        &["segment", "evil.html"],
        &[
            "summarize",
            "--input",
            "jsonl",
            "items.jsonl",
            "--sentences",
            "2",
        ],
        &["segment", "--input", "jsonl", "items.jsonl"],
    ];
    for args in runs {
        let out = raw(dir.path()).args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(
            !text.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{args:?}: {text:?}"
        );
        assert!(text.contains(r"\x1b"), "{args:?}: {text:?}");
    }
    // The title's line break is a space: one line names the item.
    let out = raw(dir.path())
        .args([
            "summarize",
            "--input",
            "jsonl",
            "items.jsonl",
            "--sentences",
            "1",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("[a] Title\\x1b[2J with a break\n"),
        "{text:?}"
    );
    // JSON output keeps the exact text, as JSON escapes it.
    let out = raw(dir.path())
        .args(["summarize", "evil.html", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Evil page\u{1b}]0;pwned\u{7}", "{v}");
}

// ---- configuration files ----

#[test]
fn a_config_that_is_not_a_regular_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "One. Two.").unwrap();
    std::fs::create_dir(dir.path().join("confdir")).unwrap();
    std::os::unix::fs::symlink("nowhere.toml", dir.path().join("dangling.toml")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(dir.path().join("fifo.toml"))
            .status()
            .unwrap()
            .success()
    );
    for (name, why) in [
        ("confdir", "directory"),
        ("dangling.toml", "symbolic link"),
        ("fifo.toml", "not a regular file"),
    ] {
        brief_in(dir.path())
            .args(["summarize", "--config", name, "a.txt"])
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(contains(name))
            .stderr(contains(why));
    }
    // Found on the search path (./brief.toml) rather than given.
    std::fs::create_dir(dir.path().join("brief.toml")).unwrap();
    brief_in(dir.path())
        .args(["summarize", "a.txt"])
        .assert()
        .code(2)
        .stderr(contains("brief.toml"))
        .stderr(contains("directory"));
}

/// Runs `brief summarize small.txt` under an address-space limit of
/// `max_as` bytes with eight worker threads asked for; `None` if the limit
/// cannot be set here.
fn summarize_with_limit(dir: &Path, max_as: u64) -> Option<Output> {
    let mut cmd = raw(dir);
    cmd.args(["summarize", "small.txt"])
        .stdin(Stdio::null())
        .env_remove("RUST_BACKTRACE")
        // Eight threads whatever the machine: the limits at which the
        // pool cannot start then do not depend on the number of cores.
        .env("RAYON_NUM_THREADS", "8");
    // SAFETY: setrlimit is async-signal-safe.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: max_as,
                rlim_max: max_as,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().ok()
}

#[test]
fn worker_threads_that_cannot_start_are_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("small.txt"),
        "The council met on Monday. It voted to build a bridge.\n",
    )
    .unwrap();
    // From too little memory to load the binary up to enough for the run,
    // in 1 MiB steps: somewhere between, the program is loaded but its
    // eight threads cannot all start.
    let mut refused = None;
    for mib in 8..=256u64 {
        let Some(out) = summarize_with_limit(dir.path(), mib << 20) else {
            eprintln!("cannot set RLIMIT_AS here: skipped");
            return;
        };
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "at {mib} MiB: {err}");
        // Near the edge an allocation can still fail (in a worker that
        // did start, or before `main`): Rust then aborts with "memory
        // allocation of N bytes failed", or glibc with "Fatal glibc error"
        // (a thread-local's destructor it cannot register), which no
        // program can catch.
        let aborted = out.status.code().is_none()
            && (err.contains("memory allocation of") || err.contains("Fatal glibc error"));
        if err.contains("cannot start worker threads") && !aborted {
            assert_eq!(out.status.code(), Some(2), "at {mib} MiB: {err}");
            assert!(out.stdout.is_empty(), "at {mib} MiB");
            refused.get_or_insert(mib);
        }
        if out.status.success() {
            break;
        }
    }
    assert!(
        refused.is_some(),
        "no limit made the worker threads fail to start"
    );
}
