//! Golden files: `tests/golden/segment/<lang>/NAME.txt` is an input text and
//! `NAME.expected` its sentences, one per line (a line break inside a
//! sentence shown as a space). Also the shared dev sets' hard bars, when
//! `../shared` is present.

use std::path::{Path, PathBuf};

use brief::Lang;
use brief::{SegmentSettings, Segmenter};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/segment")
}

fn segment(lang: Lang, text: &str) -> Vec<String> {
    let seg = Segmenter::new(lang, None, &SegmentSettings::default());
    seg.segment(text)
        .iter()
        .map(|s| {
            let t = s.text(text);
            assert_eq!(t, t.trim(), "span not trimmed");
            t.replace(['\n', '\r'], " ")
        })
        .collect()
}

#[test]
fn golden_files_match() {
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut langs: Vec<_> = std::fs::read_dir(golden_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    langs.sort();
    for dir in langs {
        let lang: Lang = dir.file_name().unwrap().to_str().unwrap().parse().unwrap();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for input in files {
            let text = std::fs::read_to_string(&input).unwrap();
            let expected_path = input.with_extension("expected");
            let expected = std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
            let expected: Vec<&str> = expected.lines().collect();
            let got = segment(lang, &text);
            if got != expected {
                failures.push(format!(
                    "{}:\n  expected: {expected:#?}\n  got: {got:#?}",
                    input.display()
                ));
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} golden files found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_language_has_golden_files() {
    for lang in ["en", "ru", "fa"] {
        let n = std::fs::read_dir(golden_dir().join(lang)).unwrap().count();
        assert!(n >= 4, "{lang}: {n} files");
    }
}

/// The pySBD golden rules (grs48) and the Russian cases must all pass.
#[test]
fn shared_golden_rules_pass() {
    let Some(dir) = crate::common::shared_path("shared_golden_rules_pass", "data/segmentation")
    else {
        return;
    };
    for (file, lang, set) in [
        ("golden_en.json", Lang::EN, Some("grs48")),
        ("golden_ru.json", Lang::RU, None),
        ("golden_fa.json", Lang::FA, None),
    ] {
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap();
        let mut failures = Vec::new();
        let mut n = 0;
        for case in &cases {
            if set.is_some_and(|s| case["set"] != s) || case["options"]["clean"] == true {
                continue;
            }
            n += 1;
            let text = case["text"].as_str().unwrap();
            let expected: Vec<String> = case["expected"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().trim().to_string())
                .collect();
            let got = segment(lang, text);
            if got != expected {
                failures.push(format!("{}: {got:?}", case["id"]));
            }
        }
        assert!(n > 0, "{file}: no cases");
        assert!(failures.is_empty(), "{file}: {failures:#?}");
    }
}
