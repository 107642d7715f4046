//! Snapshot tests: `brief export --all` of a small input in every format,
//! compared byte for byte with the files under `tests/snapshots/`.
//! Run with `BRIEF_UPDATE_SNAPSHOTS=1` to rewrite them after an intended change.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const INPUT: &str = "Dr. Smith & Mr. Jones met at 5 p.m. They said \"costs < prices\".\n\nThe firm's R&D grew > 5%. Tabs\there.\n";

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

#[test]
fn every_format_matches_its_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("small.txt"), INPUT).unwrap();
    Command::cargo_bin("brief")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "export",
            "--all",
            "--lang",
            "en",
            "--to",
            "fa,ru-RU",
            "--format",
            "xliff20,xliff21,xliff12,tmx,tsv,jsonl",
            "--out-dir",
            "out",
            "small.txt",
        ])
        .env("XDG_CONFIG_HOME", dir.path())
        .assert()
        .success();
    let update = std::env::var_os("BRIEF_UPDATE_SNAPSHOTS").is_some();
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // 12 files to translate and the reference copy.
    assert_eq!(names.len(), 13, "{names:?}");
    let mut failures = Vec::new();
    for name in &names {
        let got = std::fs::read(dir.path().join("out").join(name)).unwrap();
        let expected_path = snapshot_dir().join(name);
        if update {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        match std::fs::read(&expected_path) {
            Ok(expected) if expected == got => {}
            Ok(_) => failures.push(format!("{name}: differs from tests/snapshots/{name}")),
            Err(_) => failures.push(format!(
                "{name}: no snapshot (run with BRIEF_UPDATE_SNAPSHOTS=1)"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
