//! `brief check` through the binary: clean Persian and Russian files pass,
//! each kind of damage is found with its check name, the JSONL contract,
//! exit codes, `[check]` switches, and the checks in `brief merge`.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::brief_in as brief;

/// Good professional-style translations: (id, source, target).
const FA_CLEAN: &[(&str, &str, &str)] = &[
    (
        "s1",
        "The minister resigned on Monday.",
        "وزیر روز دوشنبه استعفا داد.",
    ),
    (
        "s2",
        "Prices rose 5% in 2019.",
        "قیمت‌ها در سال ۲۰۱۹ پنج درصد افزایش یافت.",
    ),
    (
        "s3",
        "Officials said talks would continue in Geneva next week.",
        "مقامات گفتند که مذاکرات هفته آینده در ژنو ادامه خواهد یافت.",
    ),
    (
        "s4",
        "Did the president visit Moscow?",
        "آیا رئیس‌جمهور از مسکو دیدار کرد؟",
    ),
];

const RU_CLEAN: &[(&str, &str, &str)] = &[
    (
        "s1",
        "The minister resigned on Monday.",
        "Министр ушёл в отставку в понедельник.",
    ),
    (
        "s2",
        "Prices rose 5% in 2019.",
        "В 2019 году цены выросли на 5%.",
    ),
    (
        "s3",
        "He said \"no\" to the plan.",
        "Он сказал «нет» этому плану.",
    ),
    (
        "s4",
        "Officials said talks would continue in Geneva next week.",
        "Чиновники заявили, что переговоры продолжатся в Женеве на следующей неделе.",
    ),
];

/// (file language, clean units, unit id, damaged target, expected check)
type DamageCase = (
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
    &'static str,
    &'static str,
    &'static str,
);

fn dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("check_cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn tsv(lang: &str, units: &[(&str, &str, &str)]) -> String {
    let mut s = String::from("id\tsource_lang\ttarget_lang\tsource\ttarget\n");
    for (id, source, target) in units {
        s.push_str(&format!("{id}\ten\t{lang}\t{source}\t{target}\n"));
    }
    s
}

fn xliff20(lang: &str, units: &[(&str, &str, &str)]) -> String {
    let mut x = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="{lang}"><file id="f1">"#
    );
    for (id, s, t) in units {
        x.push_str(&format!(
            "<unit id=\"{id}\"><segment><source>{s}</source><target>{t}</target></segment></unit>"
        ));
    }
    x.push_str("</file></xliff>\n");
    x
}

/// `units` with the target of unit `id` replaced.
fn damaged(
    units: &[(&'static str, &'static str, &'static str)],
    id: &str,
    target: &'static str,
) -> Vec<(&'static str, &'static str, &'static str)> {
    units
        .iter()
        .map(|&(i, s, t)| if i == id { (i, s, target) } else { (i, s, t) })
        .collect()
}

fn jsonl_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Runs `brief check --format jsonl` on one file and returns the exit code
/// and the problems.
fn check_jsonl(
    d: &Path,
    name: &str,
    contents: &str,
    extra: &[&str],
) -> (i32, Vec<serde_json::Value>) {
    std::fs::write(d.join(name), contents).unwrap();
    let out = brief(d)
        .args(["check", "--format", "jsonl"])
        .args(extra)
        .arg(name)
        .output()
        .unwrap();
    (out.status.code().unwrap(), jsonl_lines(&out.stdout))
}

#[test]
fn clean_persian_and_russian_files_pass() {
    let d = dir("clean");
    std::fs::write(d.join("brief.fa.tsv"), tsv("fa", FA_CLEAN)).unwrap();
    std::fs::write(d.join("brief.ru.xlf"), xliff20("ru", RU_CLEAN)).unwrap();
    brief(&d)
        .args(["check", "--strict", "brief.fa.tsv", "brief.ru.xlf"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(contains(
            "8 unit(s) in 2 file(s) checked: 0 error(s), 0 warning(s)",
        ));
}

#[test]
fn each_kind_of_damage_is_found_with_its_name_and_the_jsonl_contract() {
    let d = dir("damage");
    // (file lang, clean units, unit id, damaged target, expected check)
    let cases: &[DamageCase] = &[
        // Arabic yeh and kaf in Persian.
        (
            "fa",
            FA_CLEAN,
            "s1",
            "وزير روز دوشنبه استعفا داد.",
            "orthography",
        ),
        (
            "fa",
            FA_CLEAN,
            "s4",
            "آیا رئیس‌جمهور از مسكو دیدار کرد؟",
            "orthography",
        ),
        // Latin "o" in a Russian word.
        (
            "ru",
            RU_CLEAN,
            "s1",
            "Министр ушёл в oтставку в понедельник.",
            "mixed_script",
        ),
        // A changed number, in Latin and in Persian digits.
        (
            "ru",
            RU_CLEAN,
            "s2",
            "В 2018 году цены выросли на 5%.",
            "numbers",
        ),
        (
            "fa",
            FA_CLEAN,
            "s2",
            "قیمت‌ها در سال ۲۰۱۸ پنج درصد افزایش یافت.",
            "numbers",
        ),
        // The target is the source.
        (
            "ru",
            RU_CLEAN,
            "s4",
            "Officials said talks would continue in Geneva next week.",
            "untranslated",
        ),
        // No target at all.
        ("fa", FA_CLEAN, "s3", "", "empty"),
    ];
    for (n, &(lang, clean, id, target, check)) in cases.iter().enumerate() {
        let name = format!("case{n}.{lang}.tsv");
        let (code, problems) = check_jsonl(&d, &name, &tsv(lang, &damaged(clean, id, target)), &[]);
        assert_eq!(code, 1, "{check}: {problems:?}");
        assert_eq!(problems.len(), 1, "{check}: {problems:?}");
        let p = &problems[0];
        let keys: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, ["check", "file", "id", "lang", "message", "severity"]);
        assert_eq!(p["file"], name.as_str());
        assert_eq!(p["id"], id);
        assert_eq!(p["lang"], lang);
        assert_eq!(p["check"], check);
        assert_eq!(p["severity"], "error", "{p}");
        assert!(!p["message"].as_str().unwrap().is_empty());
    }
}

#[test]
fn warnings_give_exit_1_only_with_strict() {
    let d = dir("warnings");
    // The Persian question mark dropped: a warning.
    let fa = tsv(
        "fa",
        &damaged(FA_CLEAN, "s4", "آیا رئیس‌جمهور از مسکو دیدار کرد"),
    );
    let (code, problems) = check_jsonl(&d, "fa.tsv", &fa, &[]);
    assert_eq!(code, 0, "{problems:?}");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["check"], "end_punctuation");
    assert_eq!(problems[0]["severity"], "warning");
    let (code, _) = check_jsonl(&d, "fa.tsv", &fa, &["--strict"]);
    assert_eq!(code, 1);
    // The text format says it is a warning.
    brief(&d)
        .args(["check", "fa.tsv"])
        .assert()
        .code(0)
        .stdout(contains("fa.tsv:s4: [end_punctuation] warning: "));
}

#[test]
fn glossary_terms_must_be_translated_as_the_glossary_says() {
    let d = dir("glossary");
    std::fs::write(
        d.join("desk.csv"),
        "source,fa,ru\nGeneva,ژنو,Женева\nminister,وزیر,министр\n",
    )
    .unwrap();
    let clean = tsv("ru", RU_CLEAN);
    let (code, problems) = check_jsonl(
        &d,
        "ru.tsv",
        &clean,
        &["--glossary", "desk.csv", "--strict"],
    );
    assert_eq!((code, problems.len()), (0, 0), "{problems:?}");
    // "Женева" written "Дженива": the glossary term is missing.
    let bad = tsv(
        "ru",
        &damaged(
            RU_CLEAN,
            "s4",
            "Чиновники заявили, что переговоры продолжатся в Дженива на следующей неделе.",
        ),
    );
    let (code, problems) =
        check_jsonl(&d, "ru2.tsv", &bad, &["--glossary", "desk.csv", "--strict"]);
    assert_eq!(code, 1, "{problems:?}");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["check"], "glossary");
    assert_eq!(problems[0]["id"], "s4");
    // Persian with the term kept passes.
    let (code, problems) = check_jsonl(
        &d,
        "fa.tsv",
        &tsv("fa", FA_CLEAN),
        &["--glossary", "desk.csv", "--strict"],
    );
    assert_eq!((code, problems.len()), (0, 0), "{problems:?}");
    // An unreadable glossary is an input error.
    brief(&d)
        .args(["check", "--glossary", "missing.csv", "ru.tsv"])
        .assert()
        .code(2)
        .stderr(contains("missing.csv"));
}

#[test]
fn inconsistency_is_found_across_files() {
    let d = dir("consistency");
    std::fs::write(d.join("a.ru.tsv"), tsv("ru", RU_CLEAN)).unwrap();
    std::fs::write(
        d.join("b.ru.tsv"),
        tsv(
            "ru",
            &[(
                "s9",
                "The minister resigned on Monday.",
                "Министр подал в отставку в понедельник.",
            )],
        ),
    )
    .unwrap();
    let out = brief(&d)
        .args([
            "check", "--format", "jsonl", "--strict", "a.ru.tsv", "b.ru.tsv",
        ])
        .output()
        .unwrap();
    let problems = jsonl_lines(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["check"], "inconsistency");
    assert_eq!(problems[0]["file"], "b.ru.tsv");
    assert_eq!(problems[0]["id"], "s9");
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .contains("a.ru.tsv:s1")
    );
}

#[test]
fn unreadable_input_gives_exit_2_naming_the_file() {
    let d = dir("unreadable");
    std::fs::write(d.join("ok.tsv"), tsv("ru", RU_CLEAN)).unwrap();
    brief(&d)
        .args(["check", "ok.tsv", "absent.xlf"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("absent.xlf"));
    std::fs::write(d.join("broken.xlf"), "<xliff version=\"2.0\"><file").unwrap();
    brief(&d)
        .args(["check", "broken.xlf"])
        .assert()
        .code(2)
        .stderr(contains("broken.xlf"));
}

#[test]
fn check_section_in_the_configuration_switches_a_check_off() {
    let d = dir("config");
    let bad = tsv(
        "ru",
        &damaged(RU_CLEAN, "s2", "В 2018 году цены выросли на 5%."),
    );
    let (code, problems) = check_jsonl(&d, "ru.tsv", &bad, &[]);
    assert_eq!((code, problems.len()), (1, 1));
    std::fs::write(d.join("brief.toml"), "[check]\nnumbers = false\n").unwrap();
    let (code, problems) = check_jsonl(&d, "ru.tsv", &bad, &[]);
    assert_eq!((code, problems.len()), (0, 0), "{problems:?}");
    // A misspelt key is a configuration error, named with its line.
    std::fs::write(d.join("brief.toml"), "[check]\nnumbrs = false\n").unwrap();
    brief(&d)
        .args(["check", "ru.tsv"])
        .assert()
        .code(2)
        .stderr(contains("brief.toml:2"));
}

#[test]
fn text_output_is_escaped_for_the_terminal() {
    // The readers refuse control characters in units, but a file name may
    // hold a bidi override that would make the line read differently.
    let d = dir("escape");
    let name = "ru\u{202e}.tsv";
    let bad = tsv(
        "ru",
        &damaged(RU_CLEAN, "s2", "В 2018 году цены выросли на 5%."),
    );
    std::fs::write(d.join(name), bad).unwrap();
    let out = brief(&d).args(["check", name]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains('\u{202e}'), "{stdout:?}");
    assert!(
        stdout.starts_with("ru\\u{202e}.tsv:s2: [numbers] "),
        "{stdout:?}"
    );
    // JSONL gives the path as given.
    let out = brief(&d)
        .args(["check", "--format", "jsonl", name])
        .output()
        .unwrap();
    assert_eq!(jsonl_lines(&out.stdout)[0]["file"], name);
}

#[test]
fn json_format_counts_units_errors_and_warnings() {
    let d = dir("json");
    let bad = tsv(
        "ru",
        &damaged(RU_CLEAN, "s2", "В 2018 году цены выросли на 5%."),
    );
    std::fs::write(d.join("ru.tsv"), bad).unwrap();
    let out = brief(&d)
        .args(["check", "--format", "json", "ru.tsv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["units"], 4);
    assert_eq!(v["errors"], 1);
    assert_eq!(v["warnings"], 0);
    assert_eq!(v["problems"][0]["check"], "numbers");
}

#[test]
fn merge_reports_the_checks_and_strict_makes_errors_count() {
    let d = dir("merge");
    std::fs::write(
        d.join("a.txt"),
        "Prices rose 5% in 2019. The minister resigned on Monday.\n",
    )
    .unwrap();
    brief(&d)
        .args([
            "export",
            "--all",
            "--lang",
            "en",
            "--to",
            "ru",
            "--format",
            "tsv",
            "--out-dir",
            "out",
            "a.txt",
        ])
        .assert()
        .success();
    let exported = std::fs::read_to_string(d.join("out/brief.ru.tsv")).unwrap();
    // Fill the target column (the fifth) with a translation that doubles a
    // word (a check error that merge leaves to the checks), or whose number
    // is wrong (a judgement of the target, which merge makes itself).
    let fill = |first: &str| -> String {
        exported
            .lines()
            .enumerate()
            .map(|(i, line)| {
                let mut f: Vec<String> = line.split('\t').map(str::to_string).collect();
                if i == 1 {
                    f[4] = first.to_string();
                } else if i == 2 {
                    f[4] = "Министр ушёл в отставку в понедельник.".to_string();
                }
                f.join("\t") + "\n"
            })
            .collect()
    };
    std::fs::write(
        d.join("out/brief.ru.tsv"),
        fill("В 2019 году цены цены выросли на 5%."),
    )
    .unwrap();
    brief(&d)
        .args(["merge", "out/brief.ru.tsv"])
        .assert()
        .code(0)
        .stdout(contains("Министр"))
        .stderr(contains("check: out/brief.ru.tsv:s1: [repeated_word]"));
    brief(&d)
        .args(["merge", "--strict", "out/brief.ru.tsv"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("[repeated_word]").and(contains("nothing written")));
    std::fs::write(
        d.join("out/brief.ru.tsv"),
        fill("В 2018 году цены выросли на 5%."),
    )
    .unwrap();
    brief(&d)
        .args(["merge", "out/brief.ru.tsv"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("s1 [ru]: wrong number").and(contains("2019")));
}

#[test]
fn reference_gives_ids_to_units_without_them() {
    let d = dir("reference");
    std::fs::write(
        d.join("a.txt"),
        "The minister resigned on Monday. Prices rose 5% in 2019.\n",
    )
    .unwrap();
    brief(&d)
        .args([
            "export",
            "--all",
            "--lang",
            "en",
            "--to",
            "ru",
            "--format",
            "jsonl",
            "--out-dir",
            "job",
            "a.txt",
        ])
        .assert()
        .success();
    // A CAT tool's memory: no tuid, the units out of order.
    let tmx = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>Prices rose 5% in 2019.</seg></tuv><tuv xml:lang="ru"><seg>В 2018 году цены выросли на 5%.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The minister resigned on Monday.</seg></tuv><tuv xml:lang="ru"><seg>Министр ушёл в отставку в понедельник.</seg></tuv></tu>
</body></tmx>
"#;
    std::fs::write(d.join("memory.tmx"), tmx).unwrap();
    let run = |extra: &[&str]| {
        let out = brief(&d)
            .args(["check", "--format", "jsonl"])
            .args(extra)
            .arg("memory.tmx")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        jsonl_lines(&out.stdout)
    };
    let without = run(&[]);
    assert_eq!(without.len(), 1, "{without:?}");
    assert_eq!(without[0]["id"], "-");
    let with = run(&["--reference", "job/brief.reference.jsonl"]);
    assert_eq!(with.len(), 1, "{with:?}");
    assert_eq!(with[0]["id"], "s2");
    assert_eq!(with[0]["check"], "numbers");
    assert_eq!(with[0]["lang"], "ru");
}
