//! CLI tests of `brief eval`.

use std::path::Path;

use predicates::prelude::*;

use crate::common::brief;

/// An English dataset of one item per `(id, text, references)` in
/// `dir/d.jsonl`.
fn dataset(dir: &Path, items: &[(&str, &str, &[&str])]) -> std::path::PathBuf {
    let data = dir.join("d.jsonl");
    let lines: String = items
        .iter()
        .map(|(id, text, references)| {
            serde_json::json!({"id": id, "lang": "en", "documents": [text], "references": references})
                .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(&data, lines).unwrap();
    data
}

#[test]
fn scores_a_small_dataset_next_to_lead() {
    let dir = tempfile::tempdir().unwrap();
    let data = dataset(
        dir.path(),
        &[(
            "x",
            "The talks ended on Monday. Rebels left the city. The army moved in.",
            &["The talks ended Monday.", "Talks ended and rebels left."],
        )],
    );
    let preds = dir.path().join("p.jsonl");
    let out = brief()
        .args(["eval", "--dataset"])
        .arg(&data)
        .args(["--sentences", "1", "--format", "json", "--predictions"])
        .arg(&preds)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["items"], 1);
    let lead_r1 = v["lead"]["rouge1"]["f"].as_f64().unwrap();
    assert!(lead_r1 > 50.0, "{lead_r1}");
    let p = std::fs::read_to_string(&preds).unwrap();
    assert!(p.contains("\"id\":\"x\""));

    brief()
        .args(["eval", "--dataset"])
        .arg(&data)
        .assert()
        .success()
        .stdout(predicate::str::contains("ROUGE-1").and(predicate::str::contains("lead")));
}

#[test]
fn items_without_references_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.jsonl");
    std::fs::write(&data, "{\"id\": 1, \"text\": \"A b.\"}\n").unwrap();
    brief()
        .args(["eval", "--dataset"])
        .arg(&data)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("d.jsonl:1"));
}

#[test]
fn dev_set_scores_stay_above_the_bar() {
    let Some(shared) =
        crate::common::shared_path("dev_set_scores_stay_above_the_bar", "data/summarization")
    else {
        return;
    };
    let cnndm = shared.join("cnndm_dev.jsonl");
    assert!(cnndm.exists(), "{} is missing", cnndm.display());
    let out = brief()
        .args(["eval", "--format", "json", "--sentences", "3", "--dataset"])
        .arg(&cnndm)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["scores"]["rouge1"]["f"].as_f64().unwrap() >= 41.0, "{v}");
}

#[test]
fn the_difference_from_lead_comes_with_a_bootstrap_interval() {
    let dir = tempfile::tempdir().unwrap();
    // Two items where the first sentence is a teaser and the reference
    // restates the later ones, one where LEAD is right: the algorithm wins
    // some and the interval must hold its mean.
    let items = [
        (
            "a",
            "Nobody saw it coming. The council voted to close the harbour bridge on Monday. \
             The harbour bridge closure will last two years. Engineers found cracks in the harbour bridge.",
            "The council voted to close the harbour bridge for two years after engineers found cracks.",
        ),
        (
            "b",
            "It was a strange week. Floods hit the valley towns after three days of rain. \
             Floods closed the valley schools and roads. Rain is expected to ease on Friday.",
            "Floods hit the valley towns and closed schools and roads after three days of rain.",
        ),
        (
            "c",
            "The central bank raised interest rates by half a point. Markets fell after the decision. \
             Analysts had expected a smaller rise.",
            "The central bank raised interest rates by half a point.",
        ),
    ];
    let items: Vec<(&str, &str, &[&str])> = items
        .iter()
        .map(|(id, text, reference)| (*id, *text, std::slice::from_ref(reference)))
        .collect();
    let data = dataset(dir.path(), &items);
    let out = brief()
        .args([
            "eval",
            "--sentences",
            "1",
            "--algorithm",
            "lexrank",
            "--format",
            "json",
            "--dataset",
        ])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["vs_lead"];
    let (mean, low, high) = (
        d["mean"].as_f64().unwrap(),
        d["low"].as_f64().unwrap(),
        d["high"].as_f64().unwrap(),
    );
    let expected =
        v["scores"]["rouge1"]["f"].as_f64().unwrap() - v["lead"]["rouge1"]["f"].as_f64().unwrap();
    assert!((mean - expected).abs() < 0.02, "{v}");
    assert!(low <= mean && mean <= high, "{v}");
    let (better, worse) = (d["better"].as_u64().unwrap(), d["worse"].as_u64().unwrap());
    assert!(better + worse <= 3 && better >= 1, "{v}");

    brief()
        .args([
            "eval",
            "--sentences",
            "1",
            "--algorithm",
            "lexrank",
            "--dataset",
        ])
        .arg(&data)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("lexrank minus lead, ROUGE-1 F:")
                .and(predicate::str::contains("95% interval")),
        );
}

#[test]
fn a_path_in_an_error_reaches_the_terminal_escaped() {
    // Regression: CLI messages built from `path.display()` printed control
    // characters raw (an ESC sequence can clear the screen or retitle it).
    let dir = tempfile::tempdir().unwrap();
    let data = dataset(
        dir.path(),
        &[(
            "x",
            "The talks ended on Monday. Rebels left the city.",
            &["The talks ended."],
        )],
    );
    let bad = dir.path().join("no\x1b]0;owned\x07dir").join("p.jsonl");
    let out = brief()
        .args(["eval", "--sentences", "1", "--dataset"])
        .arg(&data)
        .arg("--predictions")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains('\x1b') && !stderr.contains('\x07'),
        "{stderr:?}"
    );
    assert!(stderr.contains("\\x1b]0;owned\\x07dir"), "{stderr:?}");
}

/// Regression: the dataset was read with the default 256 MiB line limit
/// whatever `--max-input` said.
#[test]
fn the_dataset_follows_max_input() {
    let dir = tempfile::tempdir().unwrap();
    let data = dataset(
        dir.path(),
        &[(
            "x",
            "The talks ended on Monday. Rebels left the city. The army moved in.",
            &["The talks ended Monday."],
        )],
    );
    let line = std::fs::read_to_string(&data).unwrap().len();
    brief()
        .args(["--max-input", "100", "eval", "--dataset"])
        .arg(&data)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line longer than the input limit of 100 bytes",
        ));
    assert!(line > 100, "the line ({line} bytes) must be over the limit");
    brief()
        .args(["--max-input", &line.to_string(), "eval", "--dataset"])
        .arg(&data)
        .assert()
        .success();
}
