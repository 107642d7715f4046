//! A red-team pass over merge, check, export and the memory: translated
//! files made wrong in the ways a desk meets (the Russian text in the
//! Persian file, invisible targets, two targets in one unit, files of two
//! exports, a relabelled language) and runs that could destroy or bloat
//! (writing over an input, a device as input or output). Each test is the
//! regression test of one bug found.

use std::path::{Path, PathBuf};
use std::time::Duration;

use predicates::prelude::*;
use predicates::str::contains;

use brief::Format;

use crate::common::brief_in as brief;
use crate::common::fill;

const TEXT: &str = "Tom met Jerry in Paris on Monday. They talked about the weather.\n\nThe talks ended late in the evening.";

const FA: [&str; 3] = [
    "تام روز دوشنبه جری را در پاریس دید.",
    "آن‌ها درباره هوا صحبت کردند.",
    "گفتگوها اواخر عصر پایان یافت.",
];
const RU: [&str; 3] = [
    "Том встретил Джерри в Париже в понедельник.",
    "Они говорили о погоде.",
    "Переговоры закончились поздно вечером.",
];

/// `--all` of TEXT to fa and ru in `formats`, in `dir/out`.
fn export(dir: &Path, formats: &str) -> PathBuf {
    export_text(dir, "a.txt", TEXT, "fa,ru", formats, "out")
}

/// `--all` of `text` (written to `dir/name`) to the languages `to` in
/// `formats`, in `dir/out_dir`.
fn export_text(
    dir: &Path,
    name: &str,
    text: &str,
    to: &str,
    formats: &str,
    out_dir: &str,
) -> PathBuf {
    std::fs::write(dir.join(name), text).unwrap();
    brief(dir)
        .args([
            "export",
            "--all",
            "--lang",
            "en",
            "--to",
            to,
            "--format",
            formats,
            "--out-dir",
            out_dir,
            name,
        ])
        .assert()
        .success();
    dir.join(out_dir)
}

fn fill_tsv(text: &str, targets: &[&str]) -> String {
    fill(Format::Tsv, text, targets)
}

fn fill_xliff2(text: &str, targets: &[&str]) -> String {
    fill(Format::Xliff20, text, targets)
}

fn fill_jsonl(text: &str, targets: &[&str]) -> String {
    fill(Format::Jsonl, text, targets)
}

/// A delivered file, away from the export's reference copy.
fn deliver(dir: &Path, name: &str, text: &str) -> PathBuf {
    let delivered = dir.join("delivered");
    std::fs::create_dir_all(&delivered).unwrap();
    let path = delivered.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `brief SUBCOMMAND FILE` run in `dir`, for its assertions.
fn run_on(dir: &Path, subcommand: &str, file: &Path) -> assert_cmd::assert::Assert {
    brief(dir).arg(subcommand).arg(file).assert()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn the_good_translations_merge() {
    // The baseline the other tests spoil.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "tsv");
    let fa = deliver(
        dir.path(),
        "fa.tsv",
        &fill_tsv(&read(&out.join("brief.fa.tsv")), &FA),
    );
    let ru = deliver(
        dir.path(),
        "ru.tsv",
        &fill_tsv(&read(&out.join("brief.ru.tsv")), &RU),
    );
    brief(dir.path())
        .arg("merge")
        .arg(&fa)
        .arg(&ru)
        .assert()
        .code(0)
        .stdout(contains(FA[0]).and(contains(RU[2])));
}

#[test]
fn a_russian_or_english_target_in_the_persian_file_is_the_wrong_language() {
    // Found: the Russian translation delivered as the Persian file merged
    // with exit 0 and `brief check` found no error.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "tsv,xliff20");
    let exported = read(&out.join("brief.fa.xliff20.xlf"));
    let english = [
        "Tom saw Jerry in Paris.",
        "They spoke of rain.",
        "It ended.",
    ];
    for (name, targets) in [("ru-in-fa.xlf", &RU), ("en-in-fa.xlf", &english)] {
        let file = deliver(dir.path(), name, &fill_xliff2(&exported, targets));
        run_on(dir.path(), "merge", &file)
            .code(1)
            .stdout("")
            .stderr(contains("s1 [fa]: wrong language").and(contains("no Arabic-script letter")));
        run_on(dir.path(), "check", &file)
            .code(1)
            .stdout(contains(":s1: [untranslated] no Arabic-script letter"));
    }
    // And the Persian text in the Russian file.
    let file = deliver(
        dir.path(),
        "fa-in-ru.tsv",
        &fill_tsv(&read(&out.join("brief.ru.tsv")), &FA),
    );
    run_on(dir.path(), "merge", &file)
        .code(1)
        .stderr(contains("s3 [ru]: wrong language").and(contains("no Cyrillic letter")));
}

#[test]
fn a_target_of_invisible_characters_is_a_missing_translation() {
    // Found: a target of ZWNJ, RLM or zero-width spaces (nothing to read)
    // merged as a translation; `brief check` called it blank.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "tsv");
    let exported = read(&out.join("brief.fa.tsv"));
    for blank in [
        "\u{200C} \u{200F}",
        "\u{200B}\u{2060}\u{FEFF}",
        "\u{00A0}\u{202B}",
    ] {
        let file = deliver(
            dir.path(),
            "fa.tsv",
            &fill_tsv(&exported, &[blank, FA[1], FA[2]]),
        );
        run_on(dir.path(), "merge", &file)
            .code(1)
            .stdout("")
            .stderr(contains("s1 [fa]: missing translation"));
    }
}

#[test]
fn copies_of_the_source_in_a_relabelled_file_are_the_wrong_language() {
    // Found: copies of the English source passed for translations when the
    // file said srcLang="fa" (the untranslated rule skips a target in its
    // source language): merge 0, check 0. A file whose source language is
    // not the other files' is reported too.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "xliff20");
    let exported = read(&out.join("brief.fa.xliff20.xlf"));
    let sources: Vec<String> = exported
        .split("<source>")
        .skip(1)
        .map(|s| s[..s.find("</source>").unwrap()].to_string())
        .collect();
    let copies: Vec<&str> = sources.iter().map(String::as_str).collect();
    let relabelled = fill_xliff2(&exported, &copies).replace("srcLang=\"en\"", "srcLang=\"fa\"");
    let file = deliver(dir.path(), "src-fa.xlf", &relabelled);
    run_on(dir.path(), "merge", &file)
        .code(1)
        .stdout("")
        .stderr(contains("s1 [fa]: wrong language").and(contains("Latin letters")));
    run_on(dir.path(), "check", &file)
        .code(1)
        .stdout(contains(":s1: [untranslated]"));
    let fa = deliver(dir.path(), "fa.xlf", &fill_xliff2(&exported, &FA));
    let ru = deliver(
        dir.path(),
        "ru.xlf",
        &fill_xliff2(&read(&out.join("brief.ru.xliff20.xlf")), &RU)
            .replace("srcLang=\"en\"", "srcLang=\"de\""),
    );
    brief(dir.path())
        .arg("merge")
        .arg(&fa)
        .arg(&ru)
        .assert()
        .code(1)
        .stderr(contains("- [ru]: wrong language").and(contains("source language de")));
}

#[test]
fn two_targets_in_one_unit_are_refused() {
    // Found: the second <target> of a segment (or trans-unit, or the second
    // <seg> of a <tuv>) was dropped unseen and the first one merged.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "xliff20,xliff12,tmx");
    let x2 = fill_xliff2(&read(&out.join("brief.fa.xliff20.xlf")), &FA).replacen(
        &format!("<target>{}</target>", FA[0]),
        &format!("<target>{}</target><target>دیگر</target>", FA[0]),
        1,
    );
    let x12 = read(&out.join("brief.fa.xliff12.xlf")).replacen(
        "<target state=\"new\"></target>",
        "<target state=\"new\">یک</target><target>دو</target>",
        1,
    );
    let tmx =
        read(&out.join("brief.fa.tmx")).replacen("<seg></seg>", "<seg>یک</seg><seg>دو</seg>", 1);
    for (name, text, says) in [
        (
            "a.xliff20.xlf",
            x2,
            "unit s1: <segment> with more than one <target>",
        ),
        (
            "a.xliff12.xlf",
            x12,
            "trans-unit s1: <trans-unit> with more than one <target>",
        ),
        ("a.tmx", tmx, "tu s1 [fa]: <tuv> with more than one <seg>"),
    ] {
        let file = deliver(dir.path(), name, &text);
        run_on(dir.path(), "merge", &file)
            .code(2)
            .stdout("")
            .stderr(contains(name).and(contains(says)));
    }
}

#[test]
fn a_tmx_unit_with_two_translations_is_a_duplicate() {
    // Found: a second <tuv xml:lang="fa"> with another text was dropped.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "tmx");
    let mut n = 0;
    let filled = read(&out.join("brief.fa.tmx"))
        .split("<seg></seg>")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_string()
            } else {
                n += 1;
                format!("<seg>{}</seg>{part}", FA[(n - 1) % 3])
            }
        })
        .collect::<String>();
    let doubled = filled.replacen(
        "</tuv>\n    </tu>",
        "</tuv>\n<tuv xml:lang=\"fa\"><seg>ترجمه دیگر</seg></tuv>\n    </tu>",
        1,
    );
    assert_ne!(doubled, filled);
    let file = deliver(dir.path(), "fa.tmx", &doubled);
    run_on(dir.path(), "merge", &file)
        .code(1)
        .stderr(contains("s1 [fa]: duplicate id").and(contains("ترجمه دیگر")));
    // The same text twice is one translation.
    let repeated = filled.replacen(
        "</tuv>\n    </tu>",
        &format!(
            "</tuv>\n<tuv xml:lang=\"fa\"><seg>{}</seg></tuv>\n    </tu>",
            FA[0]
        ),
        1,
    );
    let file = deliver(dir.path(), "fa.tmx", &repeated);
    brief(dir.path()).arg("merge").arg(&file).assert().code(0);
}

#[test]
fn a_tsv_with_one_of_brief_columns_twice_is_refused() {
    // Found: with two `target` columns (a spreadsheet's pasted copy), the
    // first was merged and the second ignored.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "tsv");
    let filled = fill_tsv(&read(&out.join("brief.fa.tsv")), &FA);
    let doubled: String = filled
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{l}\t{}\n", if i == 0 { "target" } else { "غلط" }))
        .collect();
    let file = deliver(dir.path(), "fa.tsv", &doubled);
    run_on(dir.path(), "merge", &file)
        .code(2)
        .stderr(contains("fa.tsv: line 1: the column target appears twice"));
    // Extra columns of the MT pipeline's own are fine, even twice.
    let extra: String = filled
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{l}\t{}\n", if i == 0 { "note\tnote" } else { "x\ty" }))
        .collect();
    let file = deliver(dir.path(), "fa.tsv", &extra);
    brief(dir.path()).arg("merge").arg(&file).assert().code(0);
}

/// `text` without its JSONL `export_id` keys.
fn without_export_ids(text: &str) -> String {
    text.lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("export_id");
            format!("{v}\n")
        })
        .collect()
}

#[test]
fn files_of_two_exports_that_lost_their_export_ids_are_another_export() {
    // Found: a fa file of one export and a ru file of another, both without
    // export ids, merged with exit 0 (each whole by itself), and the
    // multilingual TMX paired one sentence's source with another's target.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "jsonl");
    let other = export_text(
        dir.path(),
        "b.txt",
        "A storm hit the coast. Roads were closed.",
        "ru",
        "jsonl",
        "other",
    );
    let fa = deliver(
        dir.path(),
        "fa.jsonl",
        &without_export_ids(&fill_jsonl(&read(&out.join("brief.fa.jsonl")), &FA)),
    );
    let other = other.join("brief.ru.jsonl");
    let ru = deliver(
        dir.path(),
        "ru.jsonl",
        &without_export_ids(&fill_jsonl(
            &read(&other),
            &["Шторм ударил.", "Дороги закрыли."],
        )),
    );
    brief(dir.path())
        .args(["merge", "--tmx", "all.tmx"])
        .arg(&fa)
        .arg(&ru)
        .assert()
        .code(1)
        .stderr(contains("another export"));
    assert!(!dir.path().join("all.tmx").exists());
    // The same number of units and other sources: still another export.
    let third = export_text(
        dir.path(),
        "c.txt",
        "A storm hit the coast. Roads were closed.\n\nSchools stayed shut.",
        "ru",
        "jsonl",
        "third",
    );
    let ru = deliver(
        dir.path(),
        "ru.jsonl",
        &without_export_ids(&fill_jsonl(&read(&third.join("brief.ru.jsonl")), &RU)),
    );
    brief(dir.path())
        .arg("merge")
        .arg(&fa)
        .arg(&ru)
        .assert()
        .code(1)
        .stderr(contains("s1 [ru]: another export"));
}

#[test]
fn merge_never_writes_over_its_own_inputs() {
    // Found: `--out-dir . --format jsonl --force` beside a delivered
    // brief.fa.jsonl replaced the translator's file by merge's output, and
    // `--tmx M --update-tm M` replaced the desk's memory by this merge's TMX.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "jsonl,tmx");
    let delivered = fill_jsonl(&read(&out.join("brief.fa.jsonl")), &FA);
    std::fs::write(out.join("brief.fa.jsonl"), &delivered).unwrap();
    brief(&out)
        .args([
            "merge",
            "--allow-partial",
            "--format",
            "jsonl",
            "--out-dir",
            ".",
            "--force",
            "brief.fa.jsonl",
        ])
        .assert()
        .code(2)
        .stderr(contains("brief.fa.jsonl: is also an input of this merge"));
    assert_eq!(read(&out.join("brief.fa.jsonl")), delivered);
    // The reference is an input too.
    brief(&out)
        .args([
            "merge",
            "--allow-partial",
            "--tmx",
            "brief.reference.jsonl",
            "--force",
            "brief.fa.jsonl",
        ])
        .assert()
        .code(2)
        .stderr(contains("is also an input"));
    brief(&out)
        .args([
            "merge",
            "--allow-partial",
            "--tmx",
            "desk.tmx",
            "--update-tm",
            "./desk.tmx",
            "brief.fa.jsonl",
        ])
        .assert()
        .code(2)
        .stderr(contains("named twice as an output"));
    assert!(!out.join("desk.tmx").exists());
}

#[test]
fn a_memory_that_cannot_be_updated_stops_the_merge_before_any_output() {
    // Found: with a malformed --update-tm memory, merge wrote --out-dir and
    // then failed (exit 2): half a run on disk.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "tsv");
    let fa = deliver(
        dir.path(),
        "fa.tsv",
        &fill_tsv(&read(&out.join("brief.fa.tsv")), &FA),
    );
    std::fs::write(dir.path().join("desk.tmx"), "<tmx>cut off").unwrap();
    brief(dir.path())
        .args([
            "merge",
            "--out-dir",
            "final",
            "--tmx",
            "final.tmx",
            "--update-tm",
            "desk.tmx",
        ])
        .arg(&fa)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("desk.tmx"));
    assert!(!dir.path().join("final").exists());
    assert!(!dir.path().join("final.tmx").exists());
    assert_eq!(read(&dir.path().join("desk.tmx")), "<tmx>cut off");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_never_replaced_by_an_output_file() {
    // Found: `--tmx P --force` renamed a regular file over whatever P was:
    // `--tmx /dev/null --force` as root replaced the null device.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "tsv");
    let fa = deliver(
        dir.path(),
        "fa.tsv",
        &fill_tsv(&read(&out.join("brief.fa.tsv")), &FA),
    );
    let fifo = dir.path().join("pipe.tmx");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    brief(dir.path())
        .args(["merge", "--tmx", "pipe.tmx", "--force"])
        .arg(&fa)
        .assert()
        .code(2)
        .stderr(contains("pipe.tmx: is a device, FIFO or socket"));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[cfg(unix)]
#[test]
fn a_device_as_input_is_read_no_further_than_the_limit() {
    // Found: merge, check, --reference, export --tm and --glossary and
    // merge --update-tm read /dev/zero until memory ran out.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "tsv");
    let fa = deliver(
        dir.path(),
        "fa.tsv",
        &fill_tsv(&read(&out.join("brief.fa.tsv")), &FA),
    );
    let fa = fa.to_str().unwrap();
    let runs: [&[&str]; 6] = [
        &["merge", "/dev/zero"],
        &["check", "/dev/zero"],
        &["merge", "--reference", "/dev/zero", fa],
        &["merge", "--update-tm", "/dev/zero", fa],
        &["export", "--tm", "/dev/zero", "--out-dir", "x", "a.txt"],
        &[
            "export",
            "--glossary",
            "/dev/zero",
            "--out-dir",
            "y",
            "a.txt",
        ],
    ];
    for args in runs {
        brief(dir.path())
            .args(args)
            .timeout(Duration::from_secs(60))
            .assert()
            .code(2)
            .stderr(contains("/dev/zero: larger than").and(contains("refusing to read it")));
    }
    assert!(!dir.path().join("x").exists() && !dir.path().join("y").exists());
}

#[cfg(unix)]
#[test]
fn file_names_and_export_ids_reach_the_terminal_escaped() {
    // Found: merge printed a problem's file name raw (a delivered file named
    // with ESC ]0; ... BEL retitled the terminal), and an export id with an
    // ESC from the file was printed raw in "another export".
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "jsonl");
    let filled = fill_jsonl(&read(&out.join("brief.fa.jsonl")), &FA);
    let mut units: Vec<serde_json::Value> = filled
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    units[0]["target"] = "".into();
    let empty: String = units.iter().map(|v| format!("{v}\n")).collect();
    let evil = "fa\u{1b}]0;owned\u{7}\u{202e}.jsonl";
    deliver(dir.path(), evil, &empty);
    let assert = brief(&dir.path().join("delivered"))
        .args(["merge", evil])
        .assert()
        .code(1)
        .stderr(contains(
            "fa\\x1b]0;owned\\x07\\u{202e}.jsonl: s1 [fa]: missing translation",
        ));
    let stderr = &assert.get_output().stderr;
    assert!(!stderr.iter().any(|&b| b == 0x1b || b == 0x07));
    units[0]["target"] = FA[0].into();
    units[0]["export_id"] = "\u{1b}]0;owned\u{7}".into();
    let spoofed: String = units.iter().map(|v| format!("{v}\n")).collect();
    let file = deliver(dir.path(), "fa.jsonl", &spoofed);
    run_on(dir.path(), "merge", &file).code(2).stderr(contains(
        "unit s1: export-id holds the control character U+001B",
    ));
}

#[test]
fn a_file_without_units_is_refused() {
    // Found: an XLIFF whose units were all deleted merged as an empty brief
    // with exit 0 (no unit was left to say how many there should be).
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "xliff20,xliff12");
    let x2 = read(&out.join("brief.fa.xliff20.xlf"));
    let (head, rest) = x2.split_at(x2.find("<unit ").unwrap());
    let tail = &rest[rest.rfind("</unit>").unwrap() + "</unit>".len()..];
    let x12 = read(&out.join("brief.fa.xliff12.xlf"));
    // An XLIFF 1.2 with a second, empty <file> for another language.
    let body_end = x12.rfind("</file>").unwrap() + "</file>".len();
    let second = "<file original=\"a.txt\" source-language=\"en\" target-language=\"ru\" datatype=\"plaintext\"><body></body></file>";
    let x12_empty_ru = format!("{}{second}{}", &x12[..body_end], &x12[body_end..]);
    for (name, text, lang) in [
        ("none.xlf", format!("{head}{tail}"), "fa"),
        ("empty-ru.xlf", x12_empty_ru, "ru"),
    ] {
        let file = deliver(dir.path(), name, &text);
        for command in ["merge", "check"] {
            brief(dir.path())
                .arg(command)
                .arg(&file)
                .assert()
                .code(2)
                .stdout("")
                .stderr(contains(format!(
                    "{name}: no units to merge for the target language {lang}"
                )));
        }
    }
}

#[test]
fn an_xliff_element_of_another_vocabulary_is_not_xliff() {
    // Found: <xliff xmlns="urn:other" version="2.0"> was read as XLIFF 2,
    // its urn:other elements taken for units.
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "xliff20");
    let filled = fill_xliff2(&read(&out.join("brief.fa.xliff20.xlf")), &FA);
    let other = filled.replacen(
        "xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"",
        "xmlns=\"urn:other\"",
        1,
    );
    let file = deliver(dir.path(), "other.xlf", &other);
    run_on(dir.path(), "merge", &file).code(2).stderr(contains(
        "other.xlf: <xliff> in the namespace \"urn:other\"",
    ));
    // XLIFF 1.1 (translate-toolkit's po2xliff) is XLIFF, of a version merge
    // does not read: the message says so, not "not XLIFF".
    let v11 = filled.replacen(
        "xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"",
        "xmlns=\"urn:oasis:names:tc:xliff:document:1.1\"",
        1,
    );
    let file = deliver(dir.path(), "v11.xlf", &v11);
    run_on(dir.path(), "merge", &file)
        .code(2)
        .stderr(contains("v11.xlf: unsupported XLIFF version \"1.1\""));
}
