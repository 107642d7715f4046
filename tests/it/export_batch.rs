//! `brief export --input jsonl` → fill → `brief merge --format jsonl`: a
//! 200-item batch in every format for fa and ru, `--keep-going`, duplicate
//! ids, and a refused overwrite that leaves nothing behind.

use std::path::Path;

use brief::{Format, LanguageTag};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

use crate::common::brief_in as brief;
use crate::common::fill;
use crate::common::xml_escape;

const SENTENCES: [&str; 8] = [
    "Floods hit the northern city of Riverton on Monday",
    "Rescue teams reached the flooded districts by boat",
    "The mayor asked the government for emergency help",
    "Schools will stay closed until the water recedes",
    "Farmers said the harvest in the valley was lost",
    "Weather services expect more rain later this week",
    "Volunteers handed out food and blankets at the station",
    "The river rose two metres above its usual level",
];

/// Item `i` of the batch: an id that must survive the round trip (slashes,
/// a `#`, plain numbers), a text of four sentences naming the item, some
/// items a cluster of two documents, some with a query.
fn item(i: usize) -> serde_json::Value {
    let id = match i % 4 {
        0 => format!("desk/{i}"),
        1 => format!("wire#{i}"),
        _ => format!("{i}"),
    };
    let text = |k: usize| -> String {
        (0..4)
            .map(|j| {
                format!(
                    "{} in report {i}.",
                    SENTENCES[(i + j + k) % SENTENCES.len()]
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    match i % 5 {
        0 => serde_json::json!({"id": id, "documents": [text(0), text(3)]}),
        1 => serde_json::json!({"id": id, "text": text(0), "query": "rescue boats"}),
        _ => serde_json::json!({"id": id, "text": text(0), "lang": "en"}),
    }
}

pub(crate) fn batch(n: usize) -> (String, Vec<String>) {
    let items: Vec<serde_json::Value> = (0..n).map(item).collect();
    let ids = items
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    let text = items.iter().map(|v| v.to_string() + "\n").collect();
    (text, ids)
}

pub(crate) fn prefix(lang: &str) -> &'static str {
    match lang {
        "fa" => "ترجمه ",
        _ => "перевод ",
    }
}

/// The sources of the export's units in unit order, from the reference copy.
fn sources(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join(brief::merge::REFERENCE_FILE_NAME))
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["source"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn a_200_item_batch_round_trips_in_every_format_for_fa_and_ru() {
    let dir = tempfile::tempdir().unwrap();
    let (text, ids) = batch(200);
    std::fs::write(dir.path().join("batch.jsonl"), text).unwrap();
    for name in ["xliff20", "xliff21", "xliff12", "tmx", "tsv", "jsonl"] {
        let format: Format = name.parse().unwrap();
        let out = format!("out-{name}");
        brief(dir.path())
            .args([
                "export", "--input", "jsonl", "--to", "fa,ru", "--format", name,
            ])
            .args(["--out-dir", &out, "batch.jsonl"])
            .assert()
            .success()
            .stderr(contains("of 200 item(s)"));
        let set = dir.path().join(&out).join("en");
        let sources = sources(&set);
        assert!(sources.len() >= 200, "{name}: {} units", sources.len());
        let mut files = Vec::new();
        for lang in ["fa", "ru"] {
            let tag: LanguageTag = lang.parse().unwrap();
            let path = set.join(brief::file_name(format, &tag));
            let exported = std::fs::read_to_string(&path).unwrap();
            // Every item id is in the file itself, not only in a name.
            for id in ids.iter().step_by(37) {
                assert!(
                    exported.contains(&xml_escape(&format!("{id}#0"))),
                    "{name}: {id} not in {}",
                    path.display()
                );
            }
            let targets: Vec<String> = sources
                .iter()
                .map(|s| format!("{}{s}", prefix(lang)))
                .collect();
            std::fs::write(&path, fill(format, &exported, &targets)).unwrap();
            files.push(path);
        }
        let merged = brief(dir.path())
            .args(["merge", "--format", "jsonl"])
            .args(&files)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let lines: Vec<serde_json::Value> = String::from_utf8(merged)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 400, "{name}: one line per item and language");
        for (i, line) in lines.iter().enumerate() {
            let (id, lang) = (&ids[i / 2], ["fa", "ru"][i % 2]);
            assert_eq!(line["id"], id.as_str(), "{name}: line {}", i + 1);
            assert_eq!(line["lang"], lang, "{name}: line {}", i + 1);
            assert_eq!(line["source_lang"], "en");
            let sentences = line["sentences"].as_array().unwrap();
            assert!(!sentences.is_empty());
            for s in sentences {
                let expected = format!("{}{}", prefix(lang), s["source"].as_str().unwrap());
                assert_eq!(s["target"], expected.as_str(), "{name}: {id} {lang}");
            }
            assert!(line["text"].as_str().unwrap().starts_with(prefix(lang)));
        }
    }
}

#[test]
fn keep_going_skips_a_malformed_line_and_ends_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let (text, ids) = batch(5);
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(2, "{\"id\": \"broken\", \"text\": ");
    std::fs::write(dir.path().join("batch.jsonl"), lines.join("\n") + "\n").unwrap();
    let export = |extra: &[&str]| {
        let mut cmd = brief(dir.path());
        cmd.args(extra)
            .args([
                "export", "--input", "jsonl", "--to", "fa", "--format", "tsv",
            ])
            .args(["--out-dir", "out", "batch.jsonl"]);
        cmd
    };
    export(&[])
        .assert()
        .code(2)
        .stderr(contains("batch.jsonl:3"));
    assert!(
        !dir.path().join("out").exists(),
        "a failed batch writes nothing"
    );
    export(&["--keep-going"])
        .assert()
        .code(1)
        .stderr(contains("skipped"))
        .stderr(contains("batch.jsonl:3"));
    let reference = std::fs::read_to_string(
        dir.path()
            .join("out/en")
            .join(brief::merge::REFERENCE_FILE_NAME),
    )
    .unwrap();
    for id in &ids {
        assert!(reference.contains(&format!("\"{id}#0\"")), "{id} exported");
    }
    assert!(!reference.contains("broken"));
}

#[test]
fn a_duplicate_item_id_is_refused_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": "Floods hit the city. Boats came."}),
        serde_json::json!({"id": "a", "text": "The vote was held. Turnout was high."})
    );
    std::fs::write(dir.path().join("batch.jsonl"), text).unwrap();
    brief(dir.path())
        .args([
            "export",
            "--input",
            "jsonl",
            "--to",
            "fa",
            "--out-dir",
            "out",
        ])
        .arg("batch.jsonl")
        .assert()
        .code(2)
        .stderr(contains("batch.jsonl:2"))
        .stderr(contains("duplicate item id"));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_refused_overwrite_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "en1", "text": "Floods hit the city on Monday. Boats came later."}),
        serde_json::json!({"id": "ru1", "lang": "ru", "text": "Президент подписал закон. Закон вступит в силу в январе."})
    );
    std::fs::write(dir.path().join("batch.jsonl"), text).unwrap();
    // One file of the Russian set exists; the English set's directory does not.
    let existing = dir.path().join("out/ru/brief.fa.xliff20.xlf");
    std::fs::create_dir_all(existing.parent().unwrap()).unwrap();
    std::fs::write(&existing, "the translator's work").unwrap();
    brief(dir.path())
        .args([
            "export", "--input", "jsonl", "--to", "fa,ru", "--format", "xliff20",
        ])
        .args(["--out-dir", "out", "batch.jsonl"])
        .assert()
        .failure()
        .stderr(contains("brief.fa.xliff20.xlf"));
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "the translator's work"
    );
    let left: Vec<_> = walk(&dir.path().join("out"));
    assert_eq!(left, [existing], "nothing else was written");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
            if std::fs::read_dir(&p).unwrap().next().is_none() {
                out.push(p);
            }
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_file_without_document_names_needs_the_reference_to_find_its_items() {
    let dir = tempfile::tempdir().unwrap();
    let (text, ids) = batch(3);
    std::fs::write(dir.path().join("batch.jsonl"), text).unwrap();
    brief(dir.path())
        .args([
            "export", "--input", "jsonl", "--to", "fa", "--format", "tsv",
        ])
        .args(["--out-dir", "job", "batch.jsonl"])
        .assert()
        .success();
    let job = dir.path().join("job/en");
    std::fs::rename(
        job.join(brief::merge::REFERENCE_FILE_NAME),
        dir.path().join("reference.jsonl"),
    )
    .unwrap();
    // A tool that keeps only the five required columns drops `document`.
    let tsv = std::fs::read_to_string(job.join("brief.fa.tsv")).unwrap();
    let mut rows = tsv.lines().map(|l| l.split('\t').collect::<Vec<_>>());
    let header = rows.next().unwrap();
    let col = |name: &str| header.iter().position(|c| *c == name).unwrap();
    let keep = ["id", "source_lang", "target_lang", "source", "target"].map(col);
    let mut out = keep.map(|i| header[i]).join("\t") + "\n";
    for r in rows {
        let mut r: Vec<String> = r.iter().map(|s| s.to_string()).collect();
        r[col("target")] = format!("ترجمه {}", r[col("source")]);
        out += &(keep.map(|i| r[i].as_str()).join("\t") + "\n");
    }
    std::fs::write(dir.path().join("delivered.tsv"), out).unwrap();
    brief(dir.path())
        .args([
            "merge",
            "--allow-partial",
            "--format",
            "jsonl",
            "delivered.tsv",
        ])
        .assert()
        .code(2)
        .stderr(contains("names no document"));
    let merged = brief(dir.path())
        .args([
            "merge",
            "--format",
            "jsonl",
            "--reference",
            "reference.jsonl",
        ])
        .arg("delivered.tsv")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let got: Vec<String> = String::from_utf8(merged)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    let want: Vec<String> = ids.iter().map(|id| format!("{id:?}")).collect();
    assert_eq!(got, want);
}

/// The article of the memory test, three sentences (all exported with
/// `--sentences 3`).
const TM_ARTICLE: &str = "Floods hit the northern city of Riverton on Monday. \
    Rescue teams reached the flooded districts by boat. \
    The mayor asked the government for emergency help.";

/// A memory with an exact match for the second sentence and a fuzzy one
/// for the first.
const TM_MEMORY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="other" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
<tu tuid="t1"><tuv xml:lang="en"><seg>Rescue teams reached the flooded districts by boat.</seg></tuv><tuv xml:lang="fa"><seg>گروه‌های امداد با قایق به مناطق سیل‌زده رسیدند.</seg></tuv></tu>
<tu tuid="t2"><tuv xml:lang="en"><seg>Floods hit the northern city of Riverton on Tuesday.</seg></tuv><tuv xml:lang="fa"><seg>سیل روز سه‌شنبه شهر ریورتون را فرا گرفت.</seg></tuv></tu>
</body></tmx>
"#;

/// What an XLIFF 2 unit says beyond its metadata and where it comes from:
/// its glossary, notes (but the one naming the document) and segment.
fn unit_body(xliff: &str, source: &str) -> String {
    let at = xliff
        .find(&format!("<source>{source}</source>"))
        .unwrap_or_else(|| panic!("{source:?} not in the file"));
    let start = xliff[..at].rfind("</mda:metadata>").unwrap();
    let end = at + xliff[at..].find("</unit>").unwrap();
    xliff[start..end]
        .lines()
        .filter(|l| !l.contains("id=\"where\""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn memory_and_glossary_apply_to_each_item_as_to_one_cluster() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mem.tmx"), TM_MEMORY).unwrap();
    std::fs::write(
        dir.path().join("terms.csv"),
        "source,fa,ru\nmayor,شهردار,мэр\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), TM_ARTICLE).unwrap();
    let other = "The vote was held on Sunday. Turnout was high in the capital. Results come later.";
    let items = [
        serde_json::json!({"id": "k0", "text": other}),
        serde_json::json!({"id": "k1", "text": TM_ARTICLE}),
        serde_json::json!({"id": "k2", "text": "Prices rose in March. The bank raised its rate. Shares fell."}),
    ];
    let text: String = items.iter().map(|v| v.to_string() + "\n").collect();
    std::fs::write(dir.path().join("batch.jsonl"), text).unwrap();
    let aids = ["--tm", "mem.tmx", "--glossary", "terms.csv"];
    let common = ["--to", "fa", "--format", "xliff20", "--sentences", "3"];
    brief(dir.path())
        .arg("export")
        .args(common)
        .args(aids)
        .args(["--out-dir", "single", "a.txt"])
        .assert()
        .success();
    brief(dir.path())
        .args(["export", "--input", "jsonl"])
        .args(common)
        .args(aids)
        .args(["--out-dir", "batch", "batch.jsonl"])
        .assert()
        .success();
    let read = |p: &str| std::fs::read_to_string(dir.path().join(p)).unwrap();
    let single = read("single/brief.fa.xliff20.xlf");
    let batch = read("batch/en/brief.fa.xliff20.xlf");
    let sentences = [
        "Floods hit the northern city of Riverton on Monday.",
        "Rescue teams reached the flooded districts by boat.",
        "The mayor asked the government for emergency help.",
    ];
    for s in sentences {
        assert_eq!(unit_body(&batch, s), unit_body(&single, s), "{s}");
    }
    // The aids are there: the exact match as the target, the fuzzy one as
    // a candidate, the term beside its sentence; and only in item k1.
    let exact = unit_body(&batch, sentences[1]);
    assert!(exact.contains("<target>گروه‌های امداد با قایق به مناطق سیل‌زده رسیدند.</target>"));
    assert!(exact.contains("state=\"translated\""));
    assert!(unit_body(&batch, sentences[0]).contains("سیل روز سه‌شنبه"));
    assert!(unit_body(&batch, sentences[2]).contains("<gls:translation>شهردار</gls:translation>"));
    assert_eq!(
        batch.matches("category=\"tm\"").count(),
        single.matches("category=\"tm\"").count()
    );
    assert!(!unit_body(&batch, "The vote was held on Sunday.").contains("category=\"tm\""));

    // Without the flags the batch has none of it.
    brief(dir.path())
        .args(["export", "--input", "jsonl"])
        .args(common)
        .args(["--out-dir", "plain", "batch.jsonl"])
        .assert()
        .success();
    let plain = read("plain/en/brief.fa.xliff20.xlf");
    assert!(!plain.contains("category=\"tm\"") && !plain.contains("gls:glossEntry"));
}

#[test]
fn a_bad_memory_or_glossary_stops_the_batch_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = batch(3);
    std::fs::write(dir.path().join("batch.jsonl"), text).unwrap();
    std::fs::write(dir.path().join("bad.tmx"), "<tmx version=\"1.4\"><body>").unwrap();
    std::fs::write(dir.path().join("bad.csv"), "source,fa\n\"unclosed,x\n").unwrap();
    // A memory that does not exist yet is a desk's first day, not an
    // error (tm_cli::first_day_...).
    for (flag, file) in [("--tm", "bad.tmx"), ("--glossary", "bad.csv")] {
        brief(dir.path())
            .args([
                "export", "--input", "jsonl", "--to", "fa", "--format", "tsv",
            ])
            .args([flag, file, "--out-dir", "out", "batch.jsonl"])
            .assert()
            .code(2)
            .stderr(contains(file));
        assert!(!dir.path().join("out").exists(), "{flag} {file}");
    }
}

const MIXED_GLOSSARY: &str = "source,fa,ru\nbridge,پل,мост\ncouncil,شورا,совет\n";

/// An English and a Russian item, and a glossary with fa and ru columns.
fn mixed_batch(dir: &Path) {
    let items = [
        serde_json::json!({"id": "a", "text": "The council will build a bridge. The bridge opens in May."}),
        serde_json::json!({"id": "b", "text": "Совет построит мост. Мост откроют в мае.", "lang": "ru"}),
    ];
    let text: String = items.iter().map(|v| v.to_string() + "\n").collect();
    std::fs::write(dir.join("batch.jsonl"), text).unwrap();
    std::fs::write(dir.join("g.csv"), MIXED_GLOSSARY).unwrap();
}

#[test]
fn a_glossary_is_used_for_the_sets_it_serves_and_skipped_with_a_warning_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    mixed_batch(dir.path());
    let out = brief(dir.path())
        .args(["export", "--input", "jsonl", "--to", "fa,ru"])
        .args(["--format", "tsv,xliff20", "--glossary", "g.csv"])
        .args(["--out-dir", "gm", "batch.jsonl"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "brief: warning: glossary g.csv: not used for the ru items (ru is one of its target columns)"
        ),
        "{err}"
    );
    assert!(!err.contains("not used for the en items"), "{err}");
    let read = |p: &str| {
        std::fs::read_to_string(dir.path().join("gm").join(p)).unwrap_or_else(|e| {
            panic!("{p}: {e}; stdout: {}", String::from_utf8_lossy(&out.stdout))
        })
    };
    // Every unit of the en set names its terms, in fa and in ru.
    let en_fa = read("en/brief.fa.xliff20.xlf");
    let en_ru = read("en/brief.ru.xliff20.xlf");
    for (xliff, terms) in [(&en_fa, ["شورا", "پل"]), (&en_ru, ["совет", "мост"])] {
        let council = unit_body(xliff, "The council will build a bridge.");
        for t in terms {
            assert!(
                council.contains(&format!("<gls:translation>{t}</gls:translation>")),
                "{council}"
            );
        }
        let opens = unit_body(xliff, "The bridge opens in May.");
        assert!(
            opens.contains(&format!("<gls:translation>{}</gls:translation>", terms[1])),
            "{opens}"
        );
    }
    // The ru set has its fa file, without any glossary entry, exactly as a
    // batch of the Russian item alone without --glossary.
    let ru_fa = read("ru/brief.fa.xliff20.xlf");
    assert!(ru_fa.contains("Совет построит мост."), "{ru_fa}");
    assert!(!ru_fa.contains("gls:"), "{ru_fa}");
    assert!(read("ru/brief.fa.tsv").contains("Совет построит мост."));
    let ru = serde_json::json!({"id": "b", "text": "Совет построит мост. Мост откроют в мае.", "lang": "ru"});
    std::fs::write(dir.path().join("ru.jsonl"), ru.to_string() + "\n").unwrap();
    brief(dir.path())
        .args([
            "export", "--input", "jsonl", "--to", "fa", "--format", "xliff20",
        ])
        .args(["--out-dir", "plain", "ru.jsonl"])
        .assert()
        .success();
    let plain = std::fs::read_to_string(dir.path().join("plain/ru/brief.fa.xliff20.xlf")).unwrap();
    assert_eq!(ru_fa, plain);
    assert!(!dir.path().join("gm/ru/brief.ru.tsv").exists());
}

#[test]
fn a_glossary_no_set_can_use_stops_the_batch_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    mixed_batch(dir.path());
    // With --lang ru the language is known before any item is read.
    brief(dir.path())
        .args(["export", "--input", "jsonl", "--lang", "ru", "--to", "fa"])
        .args([
            "--format",
            "tsv",
            "--glossary",
            "g.csv",
            "--out-dir",
            "out",
            "batch.jsonl",
        ])
        .assert()
        .code(2)
        .stderr(contains(
            "g.csv: the glossary cannot be used for the ru items (ru is one of its target columns)",
        ));
    assert!(!dir.path().join("out").exists());
    // Without --lang, a batch of Russian items only.
    let ru = serde_json::json!({"id": "b", "text": "Совет построит мост. Мост откроют в мае.", "lang": "ru"});
    std::fs::write(dir.path().join("ru.jsonl"), ru.to_string() + "\n").unwrap();
    brief(dir.path())
        .args([
            "export", "--input", "jsonl", "--to", "fa", "--format", "tsv",
        ])
        .args(["--glossary", "g.csv", "--out-dir", "out", "ru.jsonl"])
        .assert()
        .code(2)
        .stderr(contains(
            "g.csv: the glossary cannot be used for any item (sources in ru)",
        ));
    assert!(!dir.path().join("out").exists());
    // One cluster behaves as a batch of one set.
    std::fs::write(
        dir.path().join("ru.txt"),
        "Совет построит мост. Мост откроют в мае.",
    )
    .unwrap();
    brief(dir.path())
        .args(["export", "--lang", "ru", "--to", "fa", "--format", "tsv"])
        .args(["--glossary", "g.csv", "--out-dir", "one", "ru.txt"])
        .assert()
        .code(2)
        .stderr(contains(
            "g.csv: the glossary cannot be used for a ru source (ru is one of its target columns)",
        ));
    assert!(!dir.path().join("one").exists());
}

#[test]
fn a_malformed_glossary_stops_a_mixed_batch_before_any_item_is_summarized() {
    let dir = tempfile::tempdir().unwrap();
    mixed_batch(dir.path());
    std::fs::write(
        dir.path().join("bad.csv"),
        "source,fa,ru\nbridge,پل,мост,extra\n",
    )
    .unwrap();
    // A broken last line: had the glossary been read after the items, the
    // run would stop there, naming that line instead.
    let text = std::fs::read_to_string(dir.path().join("batch.jsonl")).unwrap();
    std::fs::write(dir.path().join("late.jsonl"), text + "{not json\n").unwrap();
    for input in ["batch.jsonl", "late.jsonl"] {
        brief(dir.path())
            .args([
                "export", "--input", "jsonl", "--to", "fa,ru", "--format", "tsv",
            ])
            .args(["--glossary", "bad.csv", "--out-dir", "out", input])
            .assert()
            .code(2)
            .stderr(contains("bad.csv: line 2: 4 fields for 3 columns"))
            .stderr(contains("late.jsonl").not());
        assert!(!dir.path().join("out").exists(), "{input}");
    }
}
