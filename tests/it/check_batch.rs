//! `brief check` of a translated batch (`brief export --input jsonl`): a
//! 200-item batch exported for fa and ru and filled, once well and once
//! with planted errors in two named items, which must be reported with
//! their item ids.

use std::path::Path;

use brief::{Format, LanguageTag};
use predicates::str::contains;

use crate::common::brief_in as brief;
use crate::common::fill;
use crate::export_batch::{batch, prefix};

/// (source, document) of every unit of the export, in unit order, from the
/// reference copy.
fn units(set: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(set.join(brief::merge::REFERENCE_FILE_NAME))
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let field = |k: &str| v[k].as_str().unwrap().to_string();
            (field("source"), field("document"))
        })
        .collect()
}

fn jsonl(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Exports the batch in `format`, fills the fa and ru files (with `plant`
/// changing some targets) and returns the two files.
fn export_and_fill(
    dir: &Path,
    format: Format,
    out: &str,
    plant: &dyn Fn(&str, &str, String) -> String,
) -> Vec<std::path::PathBuf> {
    let name = format.to_string();
    brief(dir)
        .args(["export", "--input", "jsonl", "--to", "fa,ru"])
        .args(["--format", &name, "--out-dir", out, "batch.jsonl"])
        .assert()
        .success()
        .stderr(contains("of 200 item(s)"));
    let set = dir.join(out).join("en");
    let units = units(&set);
    let mut files = Vec::new();
    for lang in ["fa", "ru"] {
        let tag: LanguageTag = lang.parse().unwrap();
        let path = set.join(brief::file_name(format, &tag));
        let targets: Vec<String> = units
            .iter()
            .map(|(source, document)| plant(lang, document, format!("{}{source}", prefix(lang))))
            .collect();
        let exported = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, fill(format, &exported, &targets)).unwrap();
        files.push(path);
    }
    files
}

#[test]
fn a_translated_200_item_batch_is_checked_item_by_item() {
    let dir = tempfile::tempdir().unwrap();
    let (text, ids) = batch(200);
    std::fs::write(dir.path().join("batch.jsonl"), text).unwrap();
    // Item 41 is `wire#41` (a `#` in the id), item 120 `desk/120`.
    let (numbers_item, untranslated_item) = (ids[41].as_str(), ids[120].as_str());
    assert_eq!((numbers_item, untranslated_item), ("wire#41", "desk/120"));
    for format in [Format::Xliff20, Format::Tmx] {
        let name = format.to_string();
        let good = export_and_fill(dir.path(), format, &format!("good-{name}"), &|_, _, t| t);
        let out = brief(dir.path())
            .args(["check", "--format", "jsonl"])
            .args(&good)
            .output()
            .unwrap();
        let problems = jsonl(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{name}: {problems:?}");
        assert!(
            problems.iter().all(|p| p["severity"] == "warning"),
            "{name}: {problems:?}"
        );

        // In fa, the first unit of item 41 gets another number; in ru, the
        // first unit of item 120 is left as its source.
        let planted = std::cell::RefCell::new(Vec::<(String, String)>::new());
        let plant = |lang: &str, document: &str, target: String| {
            let mut planted = planted.borrow_mut();
            // The item is the document name before its `#<n>`.
            let item = document.rsplit_once('#').unwrap().0;
            let first = !planted.iter().any(|(l, i)| *l == lang && i == item);
            if lang == "fa" && item == numbers_item && first {
                planted.push((lang.to_string(), item.to_string()));
                return target.replace("report 41", "report 14");
            }
            if lang == "ru" && item == untranslated_item && first {
                planted.push((lang.to_string(), item.to_string()));
                return target.trim_start_matches(prefix(lang)).to_string();
            }
            target
        };
        let bad = export_and_fill(dir.path(), format, &format!("bad-{name}"), &plant);
        assert_eq!(planted.borrow().len(), 2, "{name}: both errors planted");

        let out = brief(dir.path())
            .args(["check", "--format", "jsonl"])
            .args(&bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let problems = jsonl(&out.stdout);
        let errors: Vec<(&str, &str, &str)> = problems
            .iter()
            .filter(|p| p["severity"] == "error")
            .map(|p| {
                (
                    p["lang"].as_str().unwrap(),
                    p["item"].as_str().unwrap(),
                    p["check"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            errors,
            [
                ("fa", numbers_item, "numbers"),
                ("ru", untranslated_item, "untranslated")
            ],
            "{name}: {problems:?}"
        );

        // Text names the item beside the unit id.
        let out = brief(dir.path()).arg("check").args(&bad).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.lines()
                .any(|l| l.contains(" (item wire#41): [numbers] ") && l.contains("brief.fa.")),
            "{name}: {text}"
        );
        assert!(
            text.lines()
                .any(|l| l.contains(" (item desk/120): [untranslated] ")),
            "{name}: {text}"
        );
        assert!(
            String::from_utf8(out.stderr)
                .unwrap()
                .contains("(200 item(s), 2 with errors)"),
            "{name}"
        );

        // JSON: every item once, in batch order, with its own counts.
        let out = brief(dir.path())
            .args(["check", "--format", "json"])
            .args(&bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let items = json["items"].as_array().unwrap();
        let listed: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
        assert_eq!(listed, ids, "{name}");
        for i in items {
            let expected = u64::from(i["id"] == numbers_item || i["id"] == untranslated_item);
            assert_eq!(i["errors"], expected, "{name}: {i}");
            assert!(i["units"].as_u64().unwrap() >= 2, "{name}: {i}");
        }
        assert_eq!(json["errors"], 2);
        assert_eq!(json["problems"][0]["item"], numbers_item);
    }
}
