//! A program that uses the library keeps its own signal handling: after an
//! export written with `brief::outfile`, Ctrl-C (SIGINT) does what it did
//! before the export. Each case runs in a child process (this test binary
//! again, selected by name), which exports and then sends itself SIGINT.

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::Command;

use brief::job::{ExportJob, ExportOptions, Selection, TranslationAids};
use brief::{Config, Document};

const CHILD: &str = "BRIEF_TEST_SIGNAL_CHILD";

/// Exports a brief of one article into `dir` with the library alone.
fn export_into(dir: &Path) {
    let config = Config::default();
    let text = "Heavy rain fell on Tehran on Monday. The rain filled the city's dams. \
                Officials said the dams were nearly full.";
    let docs = brief::analyze_all(vec![Document::new("rain.txt", text)], &config);
    let summary = brief::summarize(&docs, &config.summary, None).unwrap();
    let options = ExportOptions::resolve(&[], &[], false, None, None, &config.export).unwrap();
    let aids = TranslationAids::none();
    let job = ExportJob {
        options: &options,
        aids: &aids,
        out_dir: dir.to_path_buf(),
    };
    let outcome = job.cluster(&docs, Selection::Brief(&summary)).unwrap();
    brief::outfile::write_set(
        &outcome.files,
        &brief::outfile::WriteOptions::new(false),
        &mut |w| eprintln!("{w}"),
    )
    .unwrap();
    assert!(dir.join(brief::merge::REFERENCE_FILE_NAME).is_file());
}

/// Runs test `name` of this binary as a child with `dir` to export into.
fn run_child(name: &str, dir: &Path) -> std::process::ExitStatus {
    Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, dir)
        .status()
        .unwrap()
}

fn child_dir() -> Option<std::path::PathBuf> {
    std::env::var_os(CHILD).map(Into::into)
}

#[test]
fn ctrl_c_after_an_export_kills_a_program_that_kept_the_default() {
    const NAME: &str =
        "library_signals::ctrl_c_after_an_export_kills_a_program_that_kept_the_default";
    if let Some(dir) = child_dir() {
        // The default action, whatever the test runner inherited (a
        // background job starts with SIGINT ignored).
        // SAFETY: setting a signal's disposition to the default.
        unsafe { libc::signal(libc::SIGINT, libc::SIG_DFL) };
        export_into(&dir);
        // SAFETY: raise(3) with a valid signal number.
        unsafe { libc::raise(libc::SIGINT) };
        std::thread::sleep(std::time::Duration::from_secs(5));
        std::process::exit(0);
    }
    let dir = tempfile::tempdir().unwrap();
    let status = run_child(NAME, dir.path());
    assert_eq!(
        status.signal(),
        Some(libc::SIGINT),
        "the child should die of SIGINT as before the export, not exit with {status:?}"
    );
    assert!(dir.path().join("brief.fa.xliff20.xlf").is_file());
}

#[test]
fn ctrl_c_after_an_export_reaches_the_program_s_own_handler() {
    const NAME: &str = "library_signals::ctrl_c_after_an_export_reaches_the_program_s_own_handler";
    if let Some(dir) = child_dir() {
        let caught = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        signal_hook::flag::register(libc::SIGINT, caught.clone()).unwrap();
        export_into(&dir);
        // SAFETY: raise(3) with a valid signal number.
        unsafe { libc::raise(libc::SIGINT) };
        for _ in 0..100 {
            if caught.load(std::sync::atomic::Ordering::SeqCst) {
                std::process::exit(42);
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::process::exit(3);
    }
    let dir = tempfile::tempdir().unwrap();
    let status = run_child(NAME, dir.path());
    assert_eq!(
        status.code(),
        Some(42),
        "the program's own SIGINT handler should run and the program go on, got {status:?}"
    );
}
