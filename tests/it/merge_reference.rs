//! `brief merge` with the export's reference copy: files that lost brief's
//! metadata, units without ids, and files of different exports.

use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::brief_in as brief;

const TEXT: &str =
    "Tom met Jerry today. They talked for hours.\n\nThe end came late. Nobody left early.\n";

fn export(dir: &Path, text: &str, out: &str) {
    export_to(dir, text, out, "fa");
}

fn export_to(dir: &Path, text: &str, out: &str, to: &str) {
    std::fs::write(dir.join("a.txt"), text).unwrap();
    brief(dir)
        .args(["export", "--all", "--lang", "en", "--to", to])
        .args(["--format", "xliff20,jsonl", "--out-dir", out, "a.txt"])
        .assert()
        .success()
        .stderr(contains("brief.reference.jsonl"));
}

/// What npm `xliff` gives back: units with ids, sources and targets, and
/// none of brief's metadata.
fn bare_xliff(sources_targets: &[(&str, &str, &str)]) -> String {
    let mut x = String::from(
        r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fa"><file id="f1">"#,
    );
    for (id, s, t) in sources_targets {
        x.push_str(&format!(
            r#"<unit id="{id}"><segment><source>{s}</source><target>{t}</target></segment></unit>"#
        ));
    }
    x.push_str("</file></xliff>");
    x
}

const GOOD: [(&str, &str, &str); 4] = [
    ("s1", "Tom met Jerry today.", "یک"),
    ("s2", " They talked for hours.", "دو"),
    ("s3", "The end came late.", "سه"),
    ("s4", " Nobody left early.", "چهار"),
];

fn sources(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("out/brief.reference.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["source"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn a_file_without_metadata_is_checked_against_the_reference_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), TEXT, "out");
    let src = sources(dir.path());
    let units: Vec<(&str, &str, &str)> = GOOD
        .iter()
        .zip(&src)
        .map(|((id, _, t), s)| (*id, s.as_str(), *t))
        .collect();
    std::fs::write(dir.path().join("out/back.xlf"), bare_xliff(&units)).unwrap();
    // Beside the reference: found without a flag; the paragraphs come back.
    brief(dir.path())
        .args(["merge", "out/back.xlf"])
        .assert()
        .success()
        .stdout("یک دو\n\nسه چهار\n");
    // `brief merge out/*` does not take the reference for a translation.
    brief(dir.path())
        .args(["merge", "out/back.xlf", "out/brief.reference.jsonl"])
        .assert()
        .success();
    // Elsewhere: drift cannot be checked, exit 1 ...
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    std::fs::copy(
        dir.path().join("out/back.xlf"),
        dir.path().join("elsewhere/back.xlf"),
    )
    .unwrap();
    brief(dir.path())
        .args(["merge", "elsewhere/back.xlf"])
        .assert()
        .code(1)
        .stderr(contains("s1 [fa]: drift cannot be checked"));
    // ... unless the reference is named.
    brief(dir.path())
        .args([
            "merge",
            "--reference",
            "out/brief.fa.jsonl",
            "elsewhere/back.xlf",
        ])
        .assert()
        .success();
    // An edited source, a deleted last unit and exchanged ids are found.
    let mut bad = units.clone();
    bad[1].1 = "An edited sentence.";
    bad.pop();
    bad.swap(0, 2);
    bad[0].0 = "s1";
    bad[2].0 = "s3";
    std::fs::write(dir.path().join("out/bad.xlf"), bare_xliff(&bad)).unwrap();
    let out = brief(dir.path())
        .args(["merge", "out/bad.xlf"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "s1 [fa]: drift",
        "s2 [fa]: drift",
        "s3 [fa]: drift",
        "s4 [fa]: missing",
    ] {
        assert!(stderr.contains(needle), "{needle} not in {stderr}");
    }
}

#[test]
fn a_memory_without_tuid_is_matched_by_source_text() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), TEXT, "out");
    let src = sources(dir.path());
    // As OmegaT writes its project memory: TMX 1.1, lang=, sorted by source.
    let mut pairs: Vec<(&str, &str)> = src
        .iter()
        .map(String::as_str)
        .zip(["یک", "دو", "سه", "چهار"])
        .collect();
    pairs.sort();
    let mut tmx = String::from(
        r#"<?xml version="1.0"?><tmx version="1.1"><header srclang="EN" segtype="sentence" o-tmf="OmegaT" adminlang="EN-US" datatype="plaintext" creationtool="OmegaT" creationtoolversion="3.6"/><body>"#,
    );
    for (s, t) in pairs {
        tmx.push_str(&format!(
            r#"<tu><tuv lang="EN"><seg>{s}</seg></tuv><tuv lang="FA"><seg>{t}</seg></tuv></tu>"#
        ));
    }
    tmx.push_str("</body></tmx>");
    std::fs::write(dir.path().join("project-omegat.tmx"), &tmx).unwrap();
    brief(dir.path())
        .args(["merge", "project-omegat.tmx"])
        .assert()
        .code(1)
        .stderr(contains("--reference"));
    brief(dir.path())
        .args([
            "merge",
            "--reference",
            "out/brief.reference.jsonl",
            "project-omegat.tmx",
        ])
        .assert()
        .success()
        .stdout("یک دو\n\nسه چهار\n");
}

#[test]
fn files_of_two_exports_are_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    export_to(dir.path(), TEXT, "a", "fa,ru");
    export_to(
        dir.path(),
        "Another text entirely. With two sentences.\n",
        "b",
        "fa,ru",
    );
    // Against one reference: the other export's file is named.
    brief(dir.path())
        .args(["merge", "--reference", "a/brief.reference.jsonl"])
        .args(["a/brief.fa.jsonl", "b/brief.ru.jsonl"])
        .assert()
        .code(1)
        .stderr(
            contains("b/brief.ru.jsonl")
                .and(contains("another export"))
                .and(contains("a/brief.reference.jsonl")),
        );
    // Beside their own references: two sets, each without a language.
    brief(dir.path())
        .args(["merge", "a/brief.fa.jsonl", "b/brief.ru.jsonl"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            contains("a/brief.reference.jsonl")
                .and(contains("no ru brief"))
                .and(contains("b/brief.reference.jsonl"))
                .and(contains("no fa brief")),
        );
}

/// Each unit's JSONL line with a target filled in.
fn filled_jsonl(path: &Path, lang: &str, words: [&str; 4]) -> String {
    let mut out = String::new();
    for (line, word) in std::fs::read_to_string(path).unwrap().lines().zip(words) {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
        v["target_lang"] = lang.into();
        v["target"] = word.into();
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn the_reference_names_the_export_languages_and_merge_holds_the_files_to_them() {
    let dir = tempfile::tempdir().unwrap();
    export_to(dir.path(), TEXT, "out", "fa,ru");
    let reference = std::fs::read_to_string(dir.path().join("out/brief.reference.jsonl")).unwrap();
    for line in reference.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["export_targets"], serde_json::json!(["fa", "ru"]));
    }
    let out = dir.path().join("out");
    let fa = filled_jsonl(
        &out.join("brief.fa.jsonl"),
        "fa",
        ["یک", "دو", "سه", "چهار"],
    );
    let ru = filled_jsonl(
        &out.join("brief.ru.jsonl"),
        "ru",
        ["Один.", "Два.", "Три.", "Четыре."],
    );
    std::fs::write(out.join("brief.fa.jsonl"), &fa).unwrap();
    std::fs::write(out.join("brief.ru.jsonl"), &ru).unwrap();
    brief(dir.path())
        .args(["merge", "out/brief.fa.jsonl", "out/brief.ru.jsonl"])
        .assert()
        .success();
    // The Persian file left out: an error naming the language (the result
    // would look complete without it), nothing written ...
    brief(dir.path())
        .args(["merge", "out/brief.ru.jsonl"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            contains("brief.reference.jsonl: - [fa]: missing language")
                .and(contains("no file given is in fa: no fa brief")),
        );
    // ... unless the desk merges one language at a time on purpose.
    brief(dir.path())
        .args(["merge", "--allow-partial", "out/brief.ru.jsonl"])
        .assert()
        .success()
        .stdout(contains("Один."))
        .stderr(contains("no fa brief").and(contains("missing language").not()));
    // The Russian file delivered under the Persian name, with the real
    // Russian one: refused, and the Persian brief reported missing.
    std::fs::write(out.join("brief.fa.jsonl"), &ru).unwrap();
    brief(dir.path())
        .args(["merge", "out/brief.fa.jsonl", "out/brief.ru.jsonl"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("the fa translation is missing").and(contains("no fa brief")));
    std::fs::write(out.join("brief.fa.jsonl"), &fa).unwrap();
    // A language the export did not ask for is refused, naming the file.
    let uk = filled_jsonl(
        &out.join("brief.ru.jsonl"),
        "uk",
        ["Один.", "Два.", "Три.", "Четыре."],
    );
    std::fs::write(dir.path().join("brief.uk.jsonl"), uk).unwrap();
    brief(dir.path())
        .args(["merge", "--reference", "out/brief.reference.jsonl"])
        .args(["out/brief.fa.jsonl", "out/brief.ru.jsonl", "brief.uk.jsonl"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("brief.uk.jsonl: - [uk]: not exported").and(contains("asked for fa, ru")));
    // A reference whose language list is damaged is refused as input.
    std::fs::write(
        dir.path().join("bad.jsonl"),
        reference.replace("[\"fa\",\"ru\"]", "[\"fa\",\"r u\"]"),
    )
    .unwrap();
    brief(dir.path())
        .args(["merge", "--reference", "bad.jsonl", "out/brief.fa.jsonl"])
        .assert()
        .code(2)
        .stderr(contains("bad.jsonl").and(contains("export_targets")));
}

/// Every JSONL line of `path` with a target of letters only (no number to
/// keep: the batch below has none).
fn filled_any(path: &Path, word: &str) -> String {
    let mut out = String::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
        v["target"] = format!("{word}.").into();
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn the_sets_of_a_batch_merged_in_one_command_each_against_its_own_reference() {
    let dir = tempfile::tempdir().unwrap();
    let batch = [
        r#"{"id": "a1", "text": "The harbour city opened its new flood barrier on Tuesday. The barrier closes the mouth of the river when a storm surge comes. Engineers said the gates worked well in the first test."}"#,
        r#"{"id": "a2", "text": "Городские власти открыли новый мост через реку во вторник. Строительство моста заняло почти три года. Жители города давно ждали открытия нового перехода."}"#,
    ];
    std::fs::write(dir.path().join("batch.jsonl"), batch.join("\n") + "\n").unwrap();
    let other = r#"{"id": "b1", "text": "The museum reopened its east wing on Monday after a long repair. Visitors queued from early morning to see the restored halls. The director thanked the volunteers who helped with the work."}"#;
    std::fs::write(dir.path().join("other.jsonl"), other.to_string() + "\n").unwrap();
    for (input, out) in [("batch.jsonl", "day"), ("other.jsonl", "other")] {
        brief(dir.path())
            .args(["export", "--input", "jsonl", "--words", "85"])
            .args([
                "--to",
                "fa,ru",
                "--format",
                "jsonl",
                "--out-dir",
                out,
                input,
            ])
            .assert()
            .success();
    }
    let day = dir.path().join("day");
    for (path, word) in [
        ("en/brief.fa.jsonl", "متن"),
        ("en/brief.ru.jsonl", "Текст"),
        ("ru/brief.fa.jsonl", "نوشته"),
    ] {
        let p = day.join(path);
        std::fs::write(&p, filled_any(&p, word)).unwrap();
    }
    let en = ["day/en/brief.fa.jsonl", "day/en/brief.ru.jsonl"];
    let ru = ["day/ru/brief.fa.jsonl"];
    let all = [en[0], en[1], ru[0]];
    // Each set alone, as before.
    let mut alone = Vec::new();
    for (set, name) in [(&en[..], "en"), (&ru[..], "ru")] {
        let out = brief(dir.path())
            .args(["merge", "--format", "jsonl"])
            .args(set)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        alone.extend(out);
        brief(dir.path())
            .args(["merge", "--out-dir"])
            .arg(format!("alone/{name}"))
            .args(set)
            .assert()
            .success();
    }
    // All at once: no false drift, duplicate or unknown id; one exit code.
    brief(dir.path())
        .args(["merge", "--format", "jsonl"])
        .args(all)
        .assert()
        .success()
        .stdout(String::from_utf8(alone).unwrap());
    brief(dir.path())
        .args(["merge", "--out-dir", "merged"])
        .args(all)
        .assert()
        .success();
    let read = |p: &str| std::fs::read_to_string(dir.path().join(p)).unwrap();
    for file in ["en/brief.fa.txt", "en/brief.ru.txt", "ru/brief.fa.txt"] {
        assert_eq!(
            read(&format!("merged/{file}")),
            read(&format!("alone/{file}"))
        );
    }
    assert!(!dir.path().join("merged/ru/brief.ru.txt").exists());
    // One export's files, one of them in the other set's directory: one
    // set, written as one set is.
    std::fs::copy(day.join("en/brief.ru.jsonl"), day.join("ru/stray.ru.jsonl")).unwrap();
    brief(dir.path())
        .args([
            "merge",
            "--out-dir",
            "single",
            en[0],
            "day/ru/stray.ru.jsonl",
        ])
        .assert()
        .success();
    assert_eq!(read("single/brief.ru.txt"), read("alone/en/brief.ru.txt"));
    std::fs::remove_file(day.join("ru/stray.ru.jsonl")).unwrap();
    // All outputs or none: one existing file stops the whole run.
    std::fs::create_dir_all(dir.path().join("again/ru")).unwrap();
    std::fs::write(dir.path().join("again/ru/brief.fa.txt"), "kept").unwrap();
    brief(dir.path())
        .args(["merge", "--out-dir", "again"])
        .args(all)
        .assert()
        .code(2);
    assert!(!dir.path().join("again/en/brief.fa.txt").exists());
    assert_eq!(read("again/ru/brief.fa.txt"), "kept");
    // Several sets need a place per set (tests/it/merge_sets.rs: one TMX,
    // one memory update and review pages for them all).
    brief(dir.path())
        .arg("merge")
        .args(all)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("2 sets given (en, ru)").and(contains("--out-dir")));
    // A file of an export none of the sets is: named, nothing merged.
    std::fs::remove_file(dir.path().join("other/en/brief.reference.jsonl")).unwrap();
    brief(dir.path())
        .args(["merge", "--format", "jsonl"])
        .args(all)
        .arg("other/en/brief.fa.jsonl")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("other/en/brief.fa.jsonl").and(contains("matches none of the sets")));
}
