//! `brief merge` on files made to hurt: language tags that are paths, a TMX
//! with a language per unit, control characters, ids that overflow, and the
//! messages it gives (issue 10).

use std::time::{Duration, Instant};

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::brief_in as brief;

fn xliff2(trg_lang: &str, target: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="{trg_lang}">
<file id="f1"><unit id="s1"><segment state="translated"><source>One.</source><target>{target}</target></segment></unit></file>
</xliff>"#
    )
}

#[test]
fn a_language_tag_never_becomes_a_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("work")).unwrap();
    let work = dir.path().join("work");
    std::fs::write(work.join("evil.xlf"), xliff2("x/../../escaped", "یک")).unwrap();
    brief(&work)
        .args(["merge", "--out-dir", "final", "evil.xlf"])
        .assert()
        .code(2)
        .stderr(contains("evil.xlf").and(contains("not a BCP 47 language tag")));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["work"], "nothing may be written outside --out-dir");
    assert!(!work.join("final").exists());
}

#[test]
fn language_tags_are_canonical_in_output_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.xlf"), xliff2("FA_ir", "یک")).unwrap();
    // Without metadata merge exits 1 (cannot be checked); what it writes
    // with --allow-partial is named by the canonical tag.
    brief(dir.path())
        .args(["merge", "--allow-partial", "--out-dir", "final", "a.xlf"])
        .assert()
        .code(1)
        .stderr(contains("written with '_': read as fa-IR"));
    assert!(dir.path().join("final/brief.fa-IR.txt").exists());
}

#[test]
fn a_tmx_with_a_language_per_unit_is_linear_and_its_report_capped() {
    // Found in issue 10: 300 KB of such units took 95 s and 4.4 GB, because
    // every language got a copy of every unit and problems were printed
    // units x languages times.
    let mut tmx = String::from(
        r#"<?xml version="1.0"?><tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>"#,
    );
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    let units = 5000;
    for i in 0..units {
        let lang: String = [i / 676 % 26, i / 26 % 26, i % 26]
            .iter()
            .map(|&k| letters[k] as char)
            .collect();
        tmx.push_str(&format!(
            r#"<tu tuid="s{}"><tuv xml:lang="en"><seg>Sentence {i}.</seg></tuv><tuv xml:lang="{lang}"><seg>t{i}</seg></tuv></tu>"#,
            i + 1
        ));
    }
    tmx.push_str("</body></tmx>");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("many.tmx"), &tmx).unwrap();
    let started = Instant::now();
    let out = brief(dir.path())
        .args(["merge", "many.tmx"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    // About 30 lines: reader warnings (a three-letter tag such as "eng"
    // read as "en"), the first problems and findings, and their counts.
    assert!(
        stderr.lines().count() < 40,
        "{} lines",
        stderr.lines().count()
    );
    assert!(stderr.contains("more problem(s) not shown"), "{stderr}");
}

/// A TMX whose every unit has a language tag read leniently (`ru_aab`)
/// warns about the first ones and counts the rest (regression: 5,000
/// warning lines).
#[test]
fn a_warning_on_every_unit_is_capped() {
    let mut tmx = String::from(
        r#"<?xml version="1.0"?><tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>"#,
    );
    let units = 2000;
    for i in 0..units {
        tmx.push_str(&format!(
            r#"<tu tuid="s{}"><tuv xml:lang="en"><seg>Sentence {i}.</seg></tuv><tuv xml:lang="ru_x{i}"><seg>t{i}</seg></tuv></tu>"#,
            i + 1
        ));
    }
    tmx.push_str("</body></tmx>");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tags.tmx"), &tmx).unwrap();
    let out = brief(dir.path())
        .args(["merge", "tags.tmx"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings = stderr
        .lines()
        .filter(|l| l.starts_with("brief: warning:"))
        .count();
    assert!(warnings <= 11, "{warnings} warning lines");
    assert!(stderr.contains("more warning(s) not shown"), "{stderr}");
}

fn jsonl(id: &str, target: &str) -> String {
    let fp = brief::fingerprint("One.");
    format!(
        "{{\"id\":{},\"source_lang\":\"en\",\"target_lang\":\"fa\",\"source\":\"One.\",\"target\":{},\"fingerprint\":\"{fp}\",\"segment_count\":1}}\n",
        serde_json::to_string(id).unwrap(),
        serde_json::to_string(target).unwrap()
    )
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for (name, id, target) in [
        ("id.jsonl", "s1\u{1b}]0;pwned\u{7}", "یک"),
        ("target.jsonl", "s1", "یک\u{1b}[2J\nbrief: 0 problems"),
    ] {
        std::fs::write(dir.path().join(name), jsonl(id, target)).unwrap();
        let out = brief(dir.path())
            .args(["merge", name])
            .assert()
            .code(2)
            .stderr(contains(name).and(contains("control character U+001B")))
            .get_output()
            .clone();
        assert!(!out.stderr.contains(&0x1b), "raw ESC on stderr");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn ids_with_signs_or_overflowing_numbers_are_unknown() {
    let dir = tempfile::tempdir().unwrap();
    for id in ["s+1", "s18446744073709551615", "s18446744073709551616"] {
        std::fs::write(dir.path().join("a.jsonl"), jsonl(id, "یک")).unwrap();
        brief(dir.path())
            .args(["merge", "a.jsonl"])
            .assert()
            .code(1)
            .stderr(contains(format!("{id} [fa]: unknown id")));
    }
}

#[test]
fn bad_encoding_does_not_point_to_a_missing_option() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.jsonl"), b"{\"id\":\"s1\xff\"}\n").unwrap();
    brief(dir.path())
        .args(["merge", "a.jsonl"])
        .assert()
        .code(2)
        .stderr(contains("invalid UTF-8").and(contains("--encoding").not()));
}

/// XLIFF 2 states and sub-states as other tools write them: `reviewed`
/// and `final` (with any `subState`) are translated work; `initial` with
/// another tool's `subState`, or a value XLIFF 2 does not have (XLIFF
/// 1.2's `needs-review-translation`), is not published.
#[test]
fn xliff2_states_and_sub_states_of_other_tools_are_read_as_they_say() {
    let seg = |id: &str, attrs: &str, t: &str| {
        format!(
            r#"<unit id="{id}"><segment {attrs}><source>Talks resumed.</source><target>Переговоры возобновились.</target></segment></unit>"#
        )
        .replace("Переговоры возобновились.", t)
    };
    let cases = [
        ("s1", r#"state="reviewed" subState="acme:proofread""#, true),
        ("s2", r#"state="final""#, true),
        ("s3", r#"state="translated" subState="okapi:tm-100""#, true),
        ("s4", "", true),
        ("s5", r#"state="initial" subState="acme:draft""#, false),
        ("s6", r#"state="needs-review-translation""#, false),
        ("s7", r#"state="initial""#, false),
    ];
    let mut body = String::new();
    for (id, attrs, _) in &cases {
        body.push_str(&seg(id, attrs, "Переговоры возобновились."));
    }
    let xml = format!(
        r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f1">{body}</file></xliff>"#
    );
    let files = brief::merge::read_bytes(xml.into_bytes(), "brief.ru.xlf".as_ref()).unwrap();
    let result = brief::merge::merge(&files);
    for (id, attrs, published) in cases {
        let refused = result
            .problems
            .iter()
            .any(|p| p.id == id && p.kind == brief::merge::ProblemKind::Untranslated);
        assert_eq!(refused, !published, "{id} {attrs}: {:?}", result.problems);
    }
}
