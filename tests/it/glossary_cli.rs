//! `brief export --glossary`: terms found in a source are written beside it
//! (XLIFF 2.0 glossary module, XLIFF 1.2 notes); the files stay valid.

use std::path::Path;

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

use crate::common::brief_in as brief;
use crate::tm_cli::validate;

const ARTICLE: &str = "Tom met Jerry in Paris yesterday. The cats sat on the mat today.";

fn export(dir: &Path, glossary: &str) {
    brief(dir)
        .args([
            "export",
            "--all",
            "--to",
            "fa,ru",
            "--format",
            "xliff20,xliff12",
            "--out-dir",
            "out",
            "--glossary",
            glossary,
            "a.txt",
        ])
        .assert()
        .success();
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(
        dir.path().join("g.csv"),
        "source,fa,ru\nParis,پاریس,Париж\ncat,گربه,кошка\nmat,,коврик\nLondon,لندن,Лондон\n",
    )
    .unwrap();
    dir
}

#[test]
fn glossary_terms_are_in_the_xliff_files() {
    let dir = setup();
    export(dir.path(), "g.csv");
    let out = dir.path().join("out");
    let fa = std::fs::read_to_string(out.join("brief.fa.xliff20.xlf")).unwrap();
    assert!(fa.contains(r#"xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0""#));
    assert!(fa.contains(
        "<gls:glossEntry ref=\"#seg1\">\n          <gls:term source=\"glossary\">Paris</gls:term>\n          <gls:translation>پاریس</gls:translation>"
    ), "{fa}");
    // The term as the source has it (a plural), with its translation.
    assert!(
        fa.contains(">cats</gls:term>\n          <gls:translation>گربه<"),
        "{fa}"
    );
    // No Persian translation of "mat"; no London in the text.
    assert!(
        !fa.contains(">mat</gls:term>") && !fa.contains("London"),
        "{fa}"
    );
    let ru = std::fs::read_to_string(out.join("brief.ru.xliff20.xlf")).unwrap();
    assert!(
        ru.contains(">mat</gls:term>\n          <gls:translation>коврик<"),
        "{ru}"
    );
    let x12 = std::fs::read_to_string(out.join("brief.fa.xliff12.xlf")).unwrap();
    assert!(
        x12.contains(r#"<note from="glossary" annotates="source">Glossary: Paris = پاریس</note>"#),
        "{x12}"
    );
    validate(dir.path());
}

#[test]
fn a_tbx_glossary_works_too() {
    let dir = setup();
    std::fs::write(
        dir.path().join("g.tbx"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c1">
<langSec xml:lang="en"><termSec><term>Paris</term></termSec></langSec>
<langSec xml:lang="fa"><termSec><term>پاریس</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"#,
    )
    .unwrap();
    export(dir.path(), "g.tbx");
    let fa = std::fs::read_to_string(dir.path().join("out/brief.fa.xliff20.xlf")).unwrap();
    assert!(
        fa.contains(">Paris</gls:term>\n          <gls:translation>پاریس<"),
        "{fa}"
    );
}

#[test]
fn a_bad_glossary_is_named() {
    let dir = setup();
    brief(dir.path())
        .args([
            "export",
            "--all",
            "--to",
            "fa",
            "--out-dir",
            "out",
            "--glossary",
            "missing.csv",
            "a.txt",
        ])
        .assert()
        .failure()
        .stderr(contains("missing.csv"));
    assert!(!dir.path().join("out").exists());
}

/// `--max-input` bounds the glossary as it bounds every other input, in
/// export and in check (both read it through the job's aids).
#[test]
fn the_glossary_follows_max_input() {
    let dir = setup();
    let mut big = String::from("source,fa,ru\nParis,پاریس,Париж\n");
    for i in 0..2000 {
        big.push_str(&format!("term{i},واژه,термин\n"));
    }
    assert!(big.len() > 32 * 1024, "the glossary must be over the limit");
    std::fs::write(dir.path().join("big.csv"), &big).unwrap();
    export(dir.path(), "g.csv");
    brief(dir.path())
        .args(["--max-input", "16384", "export", "--all", "--to", "fa"])
        .args(["--out-dir", "o2", "--glossary", "big.csv", "a.txt"])
        .assert()
        .code(2)
        .stderr(contains("big.csv"));
    brief(dir.path())
        .args(["--max-input", "16384", "check", "--glossary", "big.csv"])
        .arg("out/brief.fa.xliff20.xlf")
        .assert()
        .code(2)
        .stderr(contains("big.csv"));
    // Under a limit the glossary fits, both read it.
    brief(dir.path())
        .args(["--max-input", "1048576", "check", "--glossary", "big.csv"])
        .arg("out/brief.fa.xliff20.xlf")
        .assert()
        .stderr(contains("big.csv").not());
}
