//! The sets of a batch (or of several days) merged and checked in one
//! command: one TMX, one memory update and review pages for every set,
//! each file judged against its own set's reference, all outputs or none.

use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::{brief_in as brief, fill};

/// A day's dump: two English articles and a Russian one, without digits (a
/// fake translation of words only keeps every number of its source).
const BATCH: [&str; 3] = [
    r#"{"id": "a1", "text": "The harbour city opened its new flood barrier on Tuesday. The barrier closes the mouth of the river when a storm surge comes. Engineers said the gates worked well in the first test."}"#,
    r#"{"id": "a2", "text": "Городские власти открыли новый мост через реку во вторник. Строительство моста заняло почти три года. Жители города давно ждали открытия нового перехода."}"#,
    r#"{"id": "a3", "text": "The museum reopened its east wing on Monday after a long repair. Visitors queued from early morning to see the restored halls. The director thanked the volunteers who helped with the work."}"#,
];

const EN: [&str; 2] = ["day/en/brief.fa.xliff20.xlf", "day/en/brief.ru.xliff20.xlf"];
const RU: [&str; 1] = ["day/ru/brief.fa.xliff20.xlf"];
const ALL: [&str; 3] = [EN[0], EN[1], RU[0]];

/// The guide's batch export (`brief export --input jsonl ... --format
/// omegat,xliff20 --out-dir day`), every XLIFF file then translated.
fn day(dir: &Path) {
    std::fs::write(dir.join("batch.jsonl"), BATCH.join("\n") + "\n").unwrap();
    brief(dir)
        .args([
            "export", "--input", "jsonl", "--words", "85", "--to", "fa,ru",
        ])
        .args([
            "--format",
            "omegat,xliff20",
            "--out-dir",
            "day",
            "batch.jsonl",
        ])
        .assert()
        .success();
    for path in ALL {
        translate(dir, path);
    }
}

/// Fills every empty target of the XLIFF 2 file at `path`, in its target
/// language's words.
fn translate(dir: &Path, path: &str) {
    let p = dir.join(path);
    let text = std::fs::read_to_string(&p).unwrap();
    let word = if path.contains(".fa.") {
        "متن ترجمه شده."
    } else {
        "Переведённый текст."
    };
    let n = text.matches("<target></target>").count();
    assert!(n > 0, "{path} has units to translate");
    let targets: Vec<String> = (0..n).map(|_| word.to_string()).collect();
    std::fs::write(&p, fill(brief::Format::Xliff20, &text, &targets)).unwrap();
}

fn read(dir: &Path, path: &str) -> Vec<u8> {
    std::fs::read(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `<tu>` elements of a TMX document, as written.
fn body(tmx: &[u8]) -> String {
    let text = String::from_utf8(tmx.to_vec()).unwrap();
    let start = text.find("<body>").unwrap() + "<body>".len();
    let end = text.find("</body>").unwrap();
    text[start..end].trim().to_string()
}

#[test]
fn a_day_merges_in_one_command_with_one_tmx_one_memory_update_and_review_pages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    day(d);
    // Each set alone: its TMX and a memory updated set after set.
    for (set, name) in [(&EN[..], "en"), (&RU[..], "ru")] {
        brief(d)
            .env("BRIEF_TM_DATE", "1700000000")
            .args(["merge", "--out-dir"])
            .arg(format!("alone/{name}"))
            .arg("--tmx")
            .arg(format!("alone/{name}.tmx"))
            .args(["--update-tm", "alone.tmx"])
            .args(set)
            .assert()
            .success();
    }
    // The whole day in one command.
    let run = |out: &str, memory: &str| {
        brief(d)
            .env("BRIEF_TM_DATE", "1700000000")
            .args(["merge", "--out-dir", out, "--tmx"])
            .arg(format!("{out}/day.tmx"))
            .args(["--update-tm", memory])
            .args(ALL)
            .assert()
            .success()
            .stderr(contains(format!(
                "{memory}: translations: 15 added, 0 replaced, 0 unchanged, 0 skipped; \
                 units: 9 added, 0 updated"
            )));
    };
    run("final", "desk.tmx");
    for file in ["en/brief.fa.txt", "en/brief.ru.txt", "ru/brief.fa.txt"] {
        assert_eq!(
            read(d, &format!("final/{file}")),
            read(d, &format!("alone/{file}"))
        );
    }
    // One TMX: every set's units as that set's own TMX has them, set after
    // set; two source languages, so the header's srclang is *all*.
    let tmx = read(d, "final/day.tmx");
    let (en, ru) = (read(d, "alone/en.tmx"), read(d, "alone/ru.tmx"));
    assert_eq!(body(&tmx), format!("{}\n    {}", body(&en), body(&ru)));
    assert!(String::from_utf8_lossy(&tmx).contains(r#"srclang="*all*""#));
    assert!(String::from_utf8_lossy(&en).contains(r#"srclang="en""#));
    // One memory update: the entries the two sets give one after the
    // other, each tagged with its own set's export id; the header says the
    // memory has two source languages (a memory updated set after set keeps
    // the first set's srclang).
    let memory = read(d, "desk.tmx");
    assert_eq!(body(&memory), body(&read(d, "alone.tmx")));
    assert!(String::from_utf8_lossy(&memory).contains(r#"srclang="*all*""#));
    let text = String::from_utf8(memory.clone()).unwrap();
    for reference in [
        "day/en/brief.reference.jsonl",
        "day/ru/brief.reference.jsonl",
    ] {
        let line = String::from_utf8(read(d, reference)).unwrap();
        let v: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
        let id = v["export_id"].as_str().unwrap();
        assert!(
            text.contains(id),
            "{reference}: export {id} not in the memory"
        );
    }
    // The same files, the same bytes.
    run("again", "desk2.tmx");
    assert_eq!(read(d, "again/day.tmx"), tmx);
    assert_eq!(read(d, "desk2.tmx"), memory);
    // Merged again into the same memory: nothing new, the file unchanged.
    brief(d)
        .env("BRIEF_TM_DATE", "1800000000")
        .args(["merge", "--out-dir", "third", "--update-tm", "desk.tmx"])
        .args(ALL)
        .assert()
        .success()
        .stderr(contains(
            "translations: 0 added, 0 replaced, 15 unchanged, 0 skipped; units: 0 added, 0 updated",
        ));
    assert_eq!(read(d, "desk.tmx"), memory);

    // Review pages: one per set and language, laid out as the briefs are,
    // each page the one that set alone gives.
    brief(d)
        .args(["merge", "--format", "html", "--out-dir", "review"])
        .args(ALL)
        .assert()
        .success();
    for (set, name) in [(&EN[..], "en"), (&RU[..], "ru")] {
        brief(d)
            .args(["merge", "--format", "html", "--out-dir"])
            .arg(format!("review-{name}"))
            .args(set)
            .assert()
            .success();
    }
    for (set, lang) in [("en", "fa"), ("en", "ru"), ("ru", "fa")] {
        assert_eq!(
            read(d, &format!("review/{set}/brief.{lang}.html")),
            read(d, &format!("review-{set}/brief.{lang}.html"))
        );
    }
    assert!(!d.join("review/ru/brief.ru.html").exists());
    // To stdout: one page, every set's files, each in its own section.
    let page = brief(d)
        .args(["merge", "--format", "html"])
        .args(ALL)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(page).unwrap();
    for file in ALL {
        assert_eq!(page.matches(&format!(">{file} <")).count(), 1, "{file}");
    }
    assert!(
        page.contains("15 unit(s) in 3 file(s)"),
        "totals of all sets"
    );
}

#[test]
fn a_set_that_fails_makes_the_whole_command_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    day(d);
    // A memory from an earlier day, which must come out as it went in.
    brief(d)
        .env("BRIEF_TM_DATE", "1700000000")
        .args(["merge", "--out-dir", "earlier", "--update-tm", "desk.tmx"])
        .args(EN)
        .assert()
        .success();
    let before = read(d, "desk.tmx");
    // The Russian set loses a translation: the English set alone is fine.
    let p = d.join(RU[0]);
    let text = String::from_utf8(read(d, RU[0])).unwrap();
    let broken = text.replacen("<target>متن ترجمه شده.</target>", "<target></target>", 1);
    assert_ne!(broken, text);
    std::fs::write(&p, broken).unwrap();
    let outputs = [
        "--out-dir",
        "final",
        "--tmx",
        "day.tmx",
        "--update-tm",
        "desk.tmx",
    ];
    brief(d)
        .env("BRIEF_TM_DATE", "1800000000")
        .arg("merge")
        .args(outputs)
        .args(ALL)
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(RU[0]).and(contains("nothing written")));
    assert!(!d.join("final").exists());
    assert!(!d.join("day.tmx").exists());
    assert_eq!(read(d, "desk.tmx"), before);
    // With --allow-partial: everything but the broken unit, and still exit 1.
    brief(d)
        .env("BRIEF_TM_DATE", "1800000000")
        .args(["merge", "--allow-partial"])
        .args(outputs)
        .args(ALL)
        .assert()
        .code(1)
        .stderr(contains(
            "desk.tmx: translations: 2 added, 0 replaced, 12 unchanged, 0 skipped; \
             units: 2 added, 0 updated",
        ));
    let partial = read(d, "desk.tmx");
    assert_ne!(partial, before);
    // Restored, but one output already exists: no brief, no TMX, no
    // memory change (all of them or none).
    translate(d, RU[0]);
    std::fs::remove_dir_all(d.join("final")).unwrap();
    std::fs::remove_file(d.join("day.tmx")).unwrap();
    std::fs::create_dir_all(d.join("final/ru")).unwrap();
    std::fs::write(d.join("final/ru/brief.fa.txt"), "kept").unwrap();
    brief(d)
        .env("BRIEF_TM_DATE", "1900000000")
        .arg("merge")
        .args(outputs)
        .args(ALL)
        .assert()
        .code(2);
    assert_eq!(read(d, "final/ru/brief.fa.txt"), b"kept");
    assert!(!d.join("final/en").exists());
    assert!(!d.join("day.tmx").exists());
    assert_eq!(read(d, "desk.tmx"), partial);
    // A memory that cannot be read stops every set's outputs too.
    std::fs::write(d.join("bad.tmx"), "<tmx><body><tu>").unwrap();
    brief(d)
        .args(["merge", "--out-dir", "fresh", "--tmx", "fresh.tmx"])
        .args(["--update-tm", "bad.tmx"])
        .args(ALL)
        .assert()
        .code(2)
        .stderr(contains("bad.tmx"));
    assert!(!d.join("fresh").exists() && !d.join("fresh.tmx").exists());
    assert_eq!(read(d, "bad.tmx"), b"<tmx><body><tu>");
}

#[test]
fn check_judges_each_file_against_its_own_set_in_one_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    day(d);
    // One problem in each set: a target left in the source language.
    for path in [EN[1], RU[0]] {
        let text = String::from_utf8(read(d, path)).unwrap();
        let word = if path.contains(".fa.") {
            "<target>متن ترجمه شده.</target>"
        } else {
            "<target>Переведённый текст.</target>"
        };
        std::fs::write(d.join(path), text.replacen(word, "<target></target>", 1)).unwrap();
    }
    let jsonl = |files: &[&str]| -> (Option<i32>, String) {
        let out = brief(d)
            .args(["check", "--format", "jsonl"])
            .args(files)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (en_code, en) = jsonl(&EN);
    let (ru_code, ru) = jsonl(&RU);
    assert_eq!((en_code, ru_code), (Some(1), Some(1)));
    let (code, all) = jsonl(&ALL);
    assert_eq!(code, Some(1));
    assert_eq!(all, en.clone() + &ru, "one report, set after set");
    assert!(en.contains(EN[1]) && ru.contains(RU[0]));
    // The JSON report counts every set's units.
    let out = brief(d)
        .args(["check", "--format", "json"])
        .args(ALL)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["units"], 15);
    assert_eq!(v["errors"].as_u64().unwrap(), 2);
    // One page for every set.
    let out = brief(d)
        .args(["check", "--format", "html"])
        .args(ALL)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).unwrap();
    assert!(
        ALL.iter().all(|f| page.contains(f)),
        "every file on the page"
    );
    // A file of an export none of the sets is: named, exit 2, no report.
    std::fs::create_dir_all(d.join("other")).unwrap();
    std::fs::write(d.join("other/a.txt"), "Tom met Jerry today. They talked.\n").unwrap();
    brief(d)
        .args(["export", "--all", "--lang", "en", "--to", "fa"])
        .args([
            "--format",
            "xliff20",
            "--out-dir",
            "other/out",
            "other/a.txt",
        ])
        .assert()
        .success();
    std::fs::remove_file(d.join("other/out/brief.reference.jsonl")).unwrap();
    brief(d)
        .arg("check")
        .args(ALL)
        .arg("other/out/brief.fa.xliff20.xlf")
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            contains("other/out/brief.fa.xliff20.xlf").and(contains("matches none of the sets")),
        );
}

#[test]
fn two_exports_of_one_input_with_other_options_stay_two_sets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.txt"),
        "Tom met Jerry today. They talked for hours.\n\nThe end came late. Nobody left early.\n",
    )
    .unwrap();
    // The same units, exported for other languages and in other formats.
    for (to, formats, out) in [("fa", "xliff20", "one"), ("fa,ru", "xliff20,tsv", "two")] {
        brief(d)
            .args(["export", "--all", "--lang", "en", "--to", to])
            .args(["--format", formats, "--out-dir", out, "a.txt"])
            .assert()
            .success();
    }
    let id = |out: &str| -> String {
        let text = String::from_utf8(read(d, &format!("{out}/brief.reference.jsonl"))).unwrap();
        let v: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        v["export_id"].as_str().unwrap().to_string()
    };
    // The id is a digest of the units: the same units, the same id.
    assert_eq!(id("one"), id("two"));
    let files = [
        "one/brief.fa.xliff20.xlf",
        "two/brief.fa.xliff20.xlf",
        "two/brief.ru.xliff20.xlf",
    ];
    for f in files {
        translate(d, f);
    }
    // Each file goes with the reference beside it: no duplicate ids, and
    // the second export's languages are both there.
    brief(d)
        .args(["merge", "--out-dir", "final", "--tmx", "both.tmx"])
        .args(files)
        .assert()
        .success();
    // Both sets in English: the TMX's srclang says so.
    assert!(
        String::from_utf8(read(d, "both.tmx"))
            .unwrap()
            .contains(r#"srclang="en""#)
    );
    for set in ["one", "two"] {
        brief(d)
            .args(["merge", "--out-dir"])
            .arg(format!("alone-{set}"))
            .args(files.iter().filter(|f| f.starts_with(set)))
            .assert()
            .success();
    }
    for (set, lang) in [("one", "fa"), ("two", "fa"), ("two", "ru")] {
        assert_eq!(
            read(d, &format!("final/{set}/brief.{lang}.txt")),
            read(d, &format!("alone-{set}/brief.{lang}.txt"))
        );
    }
    // Export "two" asked for ru too: its Persian file alone beside "one" is
    // a set missing a language.
    brief(d)
        .args(["merge", "--out-dir", "short"])
        .args(&files[..2])
        .assert()
        .code(1)
        .stderr(contains("ru"));
    // A copy away from both references cannot be placed: named, exit 2.
    std::fs::create_dir_all(d.join("elsewhere")).unwrap();
    std::fs::copy(d.join(files[0]), d.join("elsewhere/brief.fa.xliff20.xlf")).unwrap();
    brief(d)
        .args(["merge", "--out-dir", "lost"])
        .args(files)
        .arg("elsewhere/brief.fa.xliff20.xlf")
        .assert()
        .code(2)
        .stderr(contains("elsewhere/brief.fa.xliff20.xlf").and(contains("several sets")));
    assert!(!d.join("lost").exists());
}

/// Two days whose exports share the sentence "They talked for hours.",
/// each exported on its own (`one/`, `two/`) and translated; `shared`: the
/// two days' translations of the shared sentence.
fn two_days(dir: &Path, shared: [&str; 2]) -> [&'static str; 2] {
    let days = [
        ("one", "Tom met Jerry today. They talked for hours.\n"),
        (
            "two",
            "They talked for hours. The end came late in the evening.\n",
        ),
    ];
    let targets = [
        ["تام امروز جری را دید.", shared[0]],
        [shared[1], "پایان شب دیر آمد."],
    ];
    let files = ["one/brief.fa.xliff20.xlf", "two/brief.fa.xliff20.xlf"];
    for ((day, text), (file, targets)) in days.iter().zip(files.iter().zip(targets)) {
        std::fs::write(dir.join(format!("{day}.txt")), text).unwrap();
        brief(dir)
            .args(["export", "--all", "--lang", "en", "--to", "fa"])
            .args(["--format", "xliff20", "--out-dir", day])
            .arg(format!("{day}.txt"))
            .assert()
            .success();
        let xlf = String::from_utf8(read(dir, file)).unwrap();
        assert_eq!(xlf.matches("<target></target>").count(), 2, "{file}");
        std::fs::write(dir.join(file), fill(brief::Format::Xliff20, &xlf, &targets)).unwrap();
    }
    files
}

#[test]
fn two_sets_that_translate_one_source_differently_keep_both_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let files = two_days(d, ["ساعت‌ها گفتند.", "ساعت‌ها نوشتند."]);
    let merge = |memory: &str| {
        let out = brief(d)
            .env("BRIEF_TM_DATE", "1700000000")
            .args(["merge", "--format", "jsonl", "--update-tm", memory])
            .args(files)
            .assert()
            .success()
            .get_output()
            .stderr
            .clone();
        String::from_utf8(out).unwrap()
    };
    let stderr = merge("desk.tmx");
    // The reviewer hears of it: both files and unit ids, the language,
    // the source; still exit 0 (both translations were approved).
    let warning = stderr
        .lines()
        .find(|l| l.contains("conflict"))
        .unwrap_or_else(|| panic!("no conflict reported: {stderr}"));
    for part in [
        "brief: warning: desk.tmx: conflict: ",
        "one/brief.fa.xliff20.xlf: s2 and two/brief.fa.xliff20.xlf: s1 [fa]",
        "\"They talked for hours.\"",
        "both translations kept",
    ] {
        assert!(warning.contains(part), "{part:?} not in {warning}");
    }
    assert_eq!(stderr.matches("conflict: ").count(), 1, "{stderr}");
    assert!(
        stderr.contains(
            "desk.tmx: translations: 4 added, 0 replaced, 0 unchanged, 0 skipped; \
             units: 4 added, 0 updated; 1 conflicting translation(s) kept as alternatives"
        ),
        "{stderr}"
    );
    // The memory holds both translations of the shared source, the second
    // in a unit of its own marked as an alternative.
    let memory = String::from_utf8(read(d, "desk.tmx")).unwrap();
    assert_eq!(
        memory.matches("<seg>They talked for hours.</seg>").count(),
        2
    );
    assert!(
        memory.contains("<seg>ساعت‌ها گفتند.</seg>") && memory.contains("<seg>ساعت‌ها نوشتند.</seg>")
    );
    assert_eq!(
        memory
            .matches(r#"<prop type="x-brief-alternative">"#)
            .count(),
        1
    );
    // The same merge again: the same bytes, and the conflict said again.
    let again = merge("desk.tmx");
    assert_eq!(read(d, "desk.tmx"), memory.as_bytes());
    assert!(
        again.contains("conflict: one/brief.fa.xliff20.xlf: s2"),
        "{again}"
    );
    assert!(
        again.contains("translations: 0 added, 0 replaced, 4 unchanged"),
        "{again}"
    );
    // The next export offers both, neither as the target.
    std::fs::write(d.join("next.txt"), "They talked for hours.\n").unwrap();
    brief(d)
        .args([
            "export", "--all", "--lang", "en", "--to", "fa", "--tm", "desk.tmx",
        ])
        .args(["--format", "xliff20", "--out-dir", "next", "next.txt"])
        .assert()
        .success()
        .stderr(contains("memory matches: 0 exact, 1 fuzzy"));
    let next = String::from_utf8(read(d, "next/brief.fa.xliff20.xlf")).unwrap();
    assert!(
        next.contains("ساعت‌ها گفتند.") && next.contains("ساعت‌ها نوشتند."),
        "{next}"
    );
}

#[test]
fn two_sets_with_the_same_translation_of_one_source_are_no_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // The same words in both days: the shared source gets the same target.
    let files = two_days(d, ["ساعت‌ها گفتند.", "ساعت‌ها گفتند."]);
    let out = brief(d)
        .env("BRIEF_TM_DATE", "1700000000")
        .args(["merge", "--format", "jsonl", "--update-tm", "desk.tmx"])
        .args(files)
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert!(!stderr.contains("conflict"), "{stderr}");
    assert!(
        stderr
            .contains("translations: 3 added, 0 replaced, 1 unchanged, 0 skipped; units: 3 added"),
        "{stderr}"
    );
    let memory = String::from_utf8(read(d, "desk.tmx")).unwrap();
    assert_eq!(
        memory.matches("<seg>They talked for hours.</seg>").count(),
        1
    );
}

#[test]
fn many_conflicts_are_named_up_to_a_cap_and_then_counted() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let nouns = [
        "farmer", "sailor", "teacher", "doctor", "driver", "singer", "baker", "painter", "builder",
        "writer", "miner", "tailor",
    ];
    let text: String = nouns
        .iter()
        .flat_map(|n| [format!("The {n} waited. "), format!("The {n} left. ")])
        .collect();
    std::fs::write(d.join("a.txt"), text.trim_end().to_string() + "\n").unwrap();
    let mut files = Vec::new();
    for (day, word) in [("one", "منتظر ماند."), ("two", "رفت.")] {
        brief(d)
            .args(["export", "--all", "--lang", "en", "--to", "fa"])
            .args(["--format", "xliff20", "--out-dir", day, "a.txt"])
            .assert()
            .success();
        let file = format!("{day}/brief.fa.xliff20.xlf");
        let xlf = String::from_utf8(read(d, &file)).unwrap();
        let n = xlf.matches("<target></target>").count();
        assert_eq!(n, 24);
        std::fs::write(
            d.join(&file),
            fill(brief::Format::Xliff20, &xlf, &vec![word; n]),
        )
        .unwrap();
        files.push(file);
    }
    let out = brief(d)
        .env("BRIEF_TM_DATE", "1700000000")
        .args(["merge", "--format", "jsonl", "--update-tm", "desk.tmx"])
        .args(&files)
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert_eq!(
        stderr.matches("desk.tmx: conflict: ").count(),
        20,
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "desk.tmx: 4 more conflict(s) not shown (each kept as a unit with \
             <prop type=\"x-brief-alternative\">)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("units: 48 added, 0 updated; 24 conflicting translation(s)"),
        "{stderr}"
    );
}

/// `--format json` lists the memory update's conflicts (they were only
/// warnings on stderr): on stdout for one set, in each set's brief of the
/// language for several; no `memory_conflicts` without `--update-tm`.
#[test]
fn the_json_output_lists_the_memory_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let files = two_days(d, ["ساعت‌ها گفتند.", "ساعت‌ها نوشتند."]);
    brief(d)
        .env("BRIEF_TM_DATE", "1700000000")
        .args(["merge", "--format", "json", "--out-dir", "out"])
        .args(["--update-tm", "desk.tmx"])
        .args(files)
        .assert()
        .success();
    for (day, id, target) in [
        ("one", "s2", "ساعت‌ها گفتند."),
        ("two", "s1", "ساعت‌ها نوشتند."),
    ] {
        let json: serde_json::Value =
            serde_json::from_slice(&read(d, &format!("out/{day}/brief.fa.json"))).unwrap();
        let conflicts = json["memory_conflicts"].as_array().unwrap();
        assert_eq!(conflicts.len(), 1, "{day}: {json}");
        let c = &conflicts[0];
        assert_eq!(c["source"], "They talked for hours.");
        assert_eq!(c["lang"], "fa");
        assert_eq!(c["first"]["file"], "one/brief.fa.xliff20.xlf");
        assert_eq!(c["first"]["id"], "s2");
        assert_eq!(c["other"]["file"], "two/brief.fa.xliff20.xlf");
        assert_eq!(c["other"]["target"], "ساعت‌ها نوشتند.");
        // The set's own side is among the two.
        let sides = [&c["first"], &c["other"]];
        assert!(
            sides.iter().any(|s| s["id"] == id && s["target"] == target),
            "{day}: {c}"
        );
    }
    // One set on stdout: two units of one export translate one source
    // differently; the same set without a memory has no such list.
    std::fs::write(
        d.join("rep.txt"),
        "They talked for hours. Nobody left. They talked for hours.\n",
    )
    .unwrap();
    brief(d)
        .args(["export", "--all", "--lang", "en", "--to", "fa"])
        .args(["--format", "xliff20", "--out-dir", "rep", "rep.txt"])
        .assert()
        .success();
    let file = "rep/brief.fa.xliff20.xlf";
    let xlf = String::from_utf8(read(d, file)).unwrap();
    let n = xlf.matches("<target></target>").count();
    let targets = ["ساعت‌ها گفتند.", "کسی نرفت.", "ساعت‌ها نوشتند."];
    assert_eq!(n, targets.len(), "{xlf}");
    std::fs::write(d.join(file), fill(brief::Format::Xliff20, &xlf, &targets)).unwrap();
    let merged = |memory: Option<&str>| -> serde_json::Value {
        let mut cmd = brief(d);
        cmd.env("BRIEF_TM_DATE", "1700000000")
            .args(["merge", "--format", "json", file]);
        if let Some(m) = memory {
            cmd.args(["--update-tm", m]);
        }
        serde_json::from_slice(&cmd.assert().success().get_output().stdout).unwrap()
    };
    let json = merged(Some("rep.tmx"));
    let conflicts = json["memory_conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1, "{json}");
    assert_eq!(conflicts[0]["first"]["id"], "s1");
    assert_eq!(conflicts[0]["other"]["id"], "s3");
    assert!(merged(None).get("memory_conflicts").is_none());
    // A memory update without conflicts: an empty list, so a reader can
    // tell it from a merge that updated no memory.
    let same = ["ساعت‌ها گفتند.", "کسی نرفت.", "ساعت‌ها گفتند."];
    std::fs::write(d.join(file), fill(brief::Format::Xliff20, &xlf, &same)).unwrap();
    let json = merged(Some("same.tmx"));
    assert_eq!(json["memory_conflicts"].as_array().map(Vec::len), Some(0));
}
