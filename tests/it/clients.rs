//! Round trips through the translation clients that desks use (issue 9):
//! OmegaT 3.6 headless, translate-toolkit, the npm package `xliff`, a
//! spreadsheet-style TSV and plain scripts, driven by
//! `scripts/clients/roundtrip.py` against this build's `brief`.
//!
//! Fails when a round trip does not merge back exactly, or when a negative
//! case that `scripts/clients/expectations.py` marks as handled gives the
//! wrong exit code or names the wrong unit. Cases marked `known_failing` are
//! reported, not failed. A client that is not installed is skipped with a
//! message (`bash scripts/ci-clients.sh` installs them all); the cases that
//! need only Python's standard library always run.
//!
//! Python: `$BRIEF_CLIENTS_PYTHON`, else `.venv-ci/bin/python` (where
//! translate-toolkit lives), else `python3`. `BRIEF_CLIENTS=skip` skips the
//! whole test, with a message.

use std::path::{Path, PathBuf};
use std::process::Command;

fn python(repo: &Path) -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("BRIEF_CLIENTS_PYTHON").map(PathBuf::from),
        Some(repo.join(".venv-ci/bin/python")).filter(|p| p.exists()),
        Some(PathBuf::from("python3")),
    ];
    candidates.into_iter().flatten().find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn real_clients_round_trip_and_negative_cases() {
    if std::env::var("BRIEF_CLIENTS").as_deref() == Ok("skip") {
        eprintln!("SKIP clients: BRIEF_CLIENTS=skip");
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(python) = python(repo) else {
        eprintln!("SKIP clients: no Python found (BRIEF_CLIENTS_PYTHON, .venv-ci, python3)");
        return;
    };
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("clients");
    let output = Command::new(&python)
        .arg(repo.join("scripts/clients/roundtrip.py"))
        .arg("--brief")
        .arg(env!("CARGO_BIN_EXE_brief"))
        .arg("--work")
        .arg(&work)
        .current_dir(repo)
        .output()
        .expect("run scripts/clients/roundtrip.py");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Printed always, so `cargo test -- --nocapture` shows the table and
    // every SKIP line; on failure it is part of the assertion message.
    println!("{stdout}");
    eprintln!("{stderr}");
    for line in stdout.lines().filter(|l| l.starts_with("SKIP ")) {
        eprintln!("clients: {line}");
    }
    assert!(
        output.status.success(),
        "scripts/clients/roundtrip.py with {} exited with {}:\n{stdout}\n{stderr}",
        python.display(),
        output.status
    );
}
