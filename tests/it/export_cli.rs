//! `brief export`: files, names, escaping, RTL, no-clobber and --force.

use std::path::Path;

use predicates::str::contains;

use crate::common::brief_in as brief;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn default_targets_and_formats_come_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "One sentence here. Another one there.");
    brief(dir.path())
        .args(["export", "--all", "--out-dir", "out", "a.txt"])
        .assert()
        .success()
        .stdout(contains("out/brief.fa.xliff20.xlf"))
        .stdout(contains("out/brief.ru.tmx"));
    let mut names: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "brief.fa.tmx",
            "brief.fa.xliff20.xlf",
            "brief.reference.jsonl",
            "brief.ru.tmx",
            "brief.ru.xliff20.xlf"
        ]
    );
    // A TOML [export] section changes the defaults.
    write(
        dir.path(),
        "brief.toml",
        "[export]\ntargets = [\"fa-IR\"]\nformats = [\"jsonl\"]\ntarget = \"source\"\n",
    );
    brief(dir.path())
        .args(["export", "--all", "--out-dir", "out2", "a.txt"])
        .assert()
        .success();
    let jsonl = std::fs::read_to_string(dir.path().join("out2/brief.fa-IR.jsonl")).unwrap();
    assert!(
        jsonl.contains(r#""target":"One sentence here.""#),
        "{jsonl}"
    );
    assert!(jsonl.contains(r#""target_lang":"fa-IR""#));
}

#[test]
fn persian_files_are_rtl_and_text_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Tom & Jerry <b>ran</b> \"fast\". Он сказал: «нет». می\u{200C}خواهم.";
    write(dir.path(), "a.txt", text);
    brief(dir.path())
        .args([
            "export",
            "--all",
            "--lang",
            "en",
            "--to",
            "fa,ru",
            "--format",
            "xliff20,xliff21,xliff12",
        ])
        .args(["--out-dir", "out", "a.txt"])
        .assert()
        .success();
    let fa = std::fs::read_to_string(dir.path().join("out/brief.fa.xliff20.xlf")).unwrap();
    let ru = std::fs::read_to_string(dir.path().join("out/brief.ru.xliff21.xlf")).unwrap();
    assert!(fa.contains(r#"trgDir="rtl""#));
    assert!(!ru.contains(r#"trgDir="rtl""#));
    assert!(
        ru.contains(r#"version="2.1""#) && ru.contains("urn:oasis:names:tc:xliff:document:2.0")
    );
    assert!(
        fa.contains("<source>Tom &amp; Jerry &lt;b&gt;ran&lt;/b&gt; \"fast\".</source>"),
        "{fa}"
    );
    assert!(fa.contains("می\u{200C}خواهم."), "ZWNJ kept");
    // Ids are the same in both languages.
    let ids = |s: &str| -> Vec<String> {
        s.match_indices("<unit id=\"")
            .map(|(i, _)| s[i + 10..].split('"').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&fa), ids(&ru));
    assert_eq!(ids(&fa), ["s1", "s2", "s3"]);
}

#[test]
fn existing_files_are_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "First. Second.");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    write(dir.path(), "out/brief.ru.tsv", "precious");
    brief(dir.path())
        .args([
            "export",
            "--all",
            "--to",
            "fa,ru",
            "--format",
            "tsv",
            "--out-dir",
            "out",
            "a.txt",
        ])
        .assert()
        .code(2)
        .stderr(contains("brief.ru.tsv"))
        .stderr(contains("--force"));
    // Nothing half-done: the fa file, checked first, was not written either.
    assert!(!dir.path().join("out/brief.fa.tsv").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/brief.ru.tsv")).unwrap(),
        "precious"
    );
    let entries = std::fs::read_dir(dir.path().join("out")).unwrap().count();
    assert_eq!(entries, 1, "no temporary files left");
    brief(dir.path())
        .args([
            "export",
            "--all",
            "--to",
            "fa,ru",
            "--format",
            "tsv",
            "--out-dir",
            "out",
            "--force",
            "a.txt",
        ])
        .assert()
        .success();
    let ru = std::fs::read_to_string(dir.path().join("out/brief.ru.tsv")).unwrap();
    assert!(ru.starts_with("id\tsource_lang\ttarget_lang\tsource\ttarget"));
}

#[test]
fn bad_arguments_and_unrepresentable_text_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "A bell \u{7} rang. Then silence.");
    brief(dir.path())
        .args([
            "export",
            "--all",
            "--format",
            "docx",
            "--out-dir",
            "o",
            "a.txt",
        ])
        .assert()
        .code(2)
        .stderr(contains("docx"));
    brief(dir.path())
        .args([
            "export",
            "--all",
            "--to",
            "fa IR",
            "--out-dir",
            "o",
            "a.txt",
        ])
        .assert()
        .code(2);
    brief(dir.path())
        .args([
            "export",
            "--all",
            "--format",
            "xliff20",
            "--out-dir",
            "o",
            "a.txt",
        ])
        .assert()
        .code(2)
        .stderr(contains("U+0007"));
    assert!(!dir.path().join("o").join("brief.fa.xliff20.xlf").exists());
    // TSV and JSONL refuse it too: merge would refuse the file they wrote
    // (one character policy for export and merge in every format).
    brief(dir.path())
        .args([
            "export",
            "--all",
            "--format",
            "tsv,jsonl",
            "--out-dir",
            "o",
            "a.txt",
        ])
        .assert()
        .code(2)
        .stderr(contains("U+0007"));
    assert!(!dir.path().join("o").join("brief.fa.tsv").exists());
}

#[test]
fn target_modes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Only one sentence.");
    for (mode, expect) in [
        ("empty", "<target></target>"),
        ("source", "<target>Only one sentence.</target>"),
        ("none", ""),
    ] {
        let out = format!("out-{mode}");
        brief(dir.path())
            .args([
                "export", "--all", "--to", "ru", "--format", "xliff20", "--target", mode,
            ])
            .args(["--out-dir", &out, "a.txt"])
            .assert()
            .success();
        let x =
            std::fs::read_to_string(dir.path().join(&out).join("brief.ru.xliff20.xlf")).unwrap();
        if expect.is_empty() {
            assert!(!x.contains("<target"), "{x}");
        } else {
            assert!(x.contains(expect), "{x}");
        }
    }
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(name),
    )
    .unwrap()
}

#[test]
fn no_file_translates_the_source_into_its_own_language() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ru.txt", &seed("ru-archaeology-find.txt"));
    brief(dir.path())
        .args([
            "export",
            "--out-dir",
            "out",
            "--format",
            "xliff20",
            "ru.txt",
        ])
        .assert()
        .success()
        .stderr(contains("no ru file: the source is already in ru"));
    let names: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["brief.fa.xliff20.xlf", "brief.reference.jsonl"]);
    brief(dir.path())
        .args(["export", "--to", "ru-RU", "--out-dir", "out2", "ru.txt"])
        .assert()
        .code(2)
        .stderr(contains("nothing to translate"));
}

#[test]
fn a_cluster_in_several_languages_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en.txt", &seed("en-putin-assad-aleppo.txt"));
    write(dir.path(), "ru.txt", &seed("ru-archaeology-find.txt"));
    brief(dir.path())
        .args([
            "export",
            "--to",
            "fa",
            "--out-dir",
            "out",
            "en.txt",
            "ru.txt",
        ])
        .assert()
        .code(2)
        .stderr(contains("several languages (en, ru)"));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn documents_are_named_by_file_name_not_local_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("private")).unwrap();
    write(
        dir.path(),
        "private/a.txt",
        "One sentence here. Another one there.",
    );
    let input = dir.path().join("private/a.txt");
    brief(dir.path())
        .args(["export", "--all", "--to", "fa", "--format", "xliff20,jsonl"])
        .args(["--out-dir", "out"])
        .arg(&input)
        .assert()
        .success();
    for name in ["brief.fa.xliff20.xlf", "brief.fa.jsonl"] {
        let text = std::fs::read_to_string(dir.path().join("out").join(name)).unwrap();
        assert!(!text.contains("private"), "{name}: {text}");
        assert!(text.contains("a.txt"));
    }
}

#[test]
fn every_file_of_one_export_carries_the_same_export_id() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "One sentence here. Another one there.");
    brief(dir.path())
        .args(["export", "--all", "--to", "fa,ru", "--out-dir", "out"])
        .args(["--format", "xliff20,xliff12,tmx,tsv,jsonl", "a.txt"])
        .assert()
        .success();
    let jsonl = std::fs::read_to_string(dir.path().join("out/brief.fa.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    let id = first["export_id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 16);
    for entry in std::fs::read_dir(dir.path().join("out")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(text.contains(&id));
    }
    // Another input: another export id.
    write(
        dir.path(),
        "a.txt",
        "One sentence here. Another one elsewhere.",
    );
    brief(dir.path())
        .args([
            "export",
            "--all",
            "--to",
            "fa",
            "--format",
            "jsonl",
            "--out-dir",
            "out2",
            "a.txt",
        ])
        .assert()
        .success();
    let other = std::fs::read_to_string(dir.path().join("out2/brief.fa.jsonl")).unwrap();
    assert!(!other.contains(&id));
}

/// Regression: `export --input html` read a page named `.txt` as text, so
/// translators got `<p>` markup as segments while `summarize` extracted it.
#[test]
fn input_html_reads_every_input_as_a_web_page() {
    let dir = tempfile::tempdir().unwrap();
    // A fragment, not plainly a document: only --input html makes it a page.
    write(
        dir.path(),
        "page.txt",
        "<div><p>The dam is full after a week of rain.</p><p>Farmers welcome the water.</p></div>",
    );
    brief(dir.path())
        .args(["export", "--all", "--format", "jsonl", "--to", "ru"])
        .args(["--input", "html", "--out-dir", "out", "page.txt"])
        .assert()
        .success();
    let jsonl = std::fs::read_to_string(dir.path().join("out/brief.ru.jsonl")).unwrap();
    assert!(!jsonl.contains("<p>"), "{jsonl}");
    assert!(
        jsonl.contains(r#""source":"The dam is full after a week of rain.""#),
        "{jsonl}"
    );
    // Without the flag the same file is plain text: its markup is kept, as written.
    brief(dir.path())
        .args(["export", "--all", "--format", "jsonl", "--to", "ru"])
        .args(["--out-dir", "out2", "page.txt"])
        .assert()
        .success();
    let plain = std::fs::read_to_string(dir.path().join("out2/brief.ru.jsonl")).unwrap();
    assert!(plain.contains("<p>"), "{plain}");
}

#[test]
fn written_paths_reach_the_terminal_escaped() {
    // Regression: export listed the files it wrote with `path.display()`,
    // so a control character in the output directory reached stdout raw.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "One sentence here. Another one there.");
    let out = brief(dir.path())
        .args([
            "export",
            "--to",
            "fa",
            "--format",
            "tsv",
            "--out-dir",
            "o\x1b[2Jut",
            "a.txt",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains('\x1b'), "{stdout:?}");
    assert!(stdout.contains("o\\x1b[2Jut/brief.fa.tsv"), "{stdout:?}");
    assert!(dir.path().join("o\x1b[2Jut").join("brief.fa.tsv").is_file());
}
