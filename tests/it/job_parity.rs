//! `brief merge` and `brief check` run one library job each on the same
//! files, and must give the same answer about the same targets.

use std::path::Path;

use crate::common::{brief_in as brief, fill};

/// Exports `text` (every sentence, English) to German TSV and fills each
/// target with `translate(source)`.
fn delivered(dir: &Path, text: &str, translate: impl Fn(&str) -> String) -> std::path::PathBuf {
    std::fs::write(dir.join("a.txt"), text).unwrap();
    brief(dir)
        .args([
            "export", "--all", "--lang", "en", "--to", "de", "--format", "tsv",
        ])
        .args(["--out-dir", "out", "a.txt"])
        .assert()
        .success();
    let path = dir.join("out/brief.de.tsv");
    let file = std::fs::read_to_string(&path).unwrap();
    let sources: Vec<String> = crate::common::tsv_sources(&file)
        .into_iter()
        .map(str::to_string)
        .collect();
    let targets: Vec<String> = sources.iter().map(|s| translate(s)).collect();
    std::fs::write(&path, fill(brief::Format::Tsv, &file, &targets)).unwrap();
    path
}

fn codes(dir: &Path, file: &Path) -> (Option<i32>, Option<i32>) {
    let file = file.to_str().unwrap();
    let merge = brief(dir).args(["merge", file]).output().unwrap();
    let check = brief(dir).args(["check", file]).output().unwrap();
    (merge.status.code(), check.status.code())
}

#[test]
fn merge_and_check_agree_on_translated_targets() {
    let dir = tempfile::tempdir().unwrap();
    let file = delivered(
        dir.path(),
        "The council met on Monday. It approved the budget.",
        |s| format!("Übersetzung: {s}"),
    );
    assert_eq!(codes(dir.path(), &file), (Some(0), Some(0)));
}

#[test]
fn merge_and_check_agree_on_copies_of_short_sources() {
    // Issue 19: "NATO." and "Reuters." copied into German targets.
    let dir = tempfile::tempdir().unwrap();
    let file = delivered(
        dir.path(),
        "NATO.\n\nReuters.\n\nThe council met on Monday.",
        |s| {
            if s.starts_with("The") {
                "Der Rat tagte am Montag.".to_string()
            } else {
                s.to_string()
            }
        },
    );
    let (merge, check) = codes(dir.path(), &file);
    assert_eq!(merge, check, "merge exits {merge:?}, check {check:?}");
}
