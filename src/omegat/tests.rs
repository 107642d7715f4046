use std::path::{Path, PathBuf};

use super::*;
use crate::formats::{Suggestion, TermHint};
use crate::{Config, Document};

fn export() -> Export {
    let doc = crate::analyze(
        Document::new(
            "rain.txt",
            "Heavy rain fell on Tehran on Monday. The U.S. embassy was closed. Officials said the dams were full.",
        ),
        &Config::default(),
    );
    Export::all_sentences(&[doc], None)
}

fn fa() -> LanguageTag {
    "fa".parse().unwrap()
}

fn file<'a>(files: &'a [OutFile], rel: &str) -> Option<&'a OutFile> {
    files
        .iter()
        .find(|f| f.path == Path::new("out/brief.fa.omegat").join(rel))
}

fn text(f: &OutFile) -> &str {
    std::str::from_utf8(&f.contents).unwrap()
}

#[test]
fn a_project_has_its_settings_a_source_copy_and_the_reference() {
    let e = export();
    let files = project_files(Path::new("out"), &e, &fa(), &[]).unwrap();
    assert_eq!(
        files.len(),
        3,
        "no memory or glossary: no tm or glossary file"
    );
    let project = text(file(&files, "omegat.project").unwrap());
    for want in [
        "<source_lang>en</source_lang>",
        "<target_lang>fa</target_lang>",
        "<source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>",
        "<target_tok>org.omegat.tokenizer.LucenePersianTokenizer</target_tok>",
        "<sentence_seg>false</sentence_seg>",
    ] {
        assert!(project.contains(want), "{want} missing in\n{project}");
    }
    let source = text(file(&files, "source/brief.fa.xliff12.xlf").unwrap());
    // Every target a copy of its source: what OmegaT 3.6 translates.
    for u in &e.units {
        let copy = format!(
            "<target>{}</target>",
            u.source.replace('&', "&amp;").replace('<', "&lt;")
        );
        assert!(source.contains(&copy), "{copy} missing");
    }
    let reference = file(&files, REFERENCE_FILE_NAME).unwrap();
    assert_eq!(reference.contents, e.render_reference(&fa()).unwrap());
}

#[test]
fn memory_matches_go_to_tm_and_never_into_the_source_file() {
    let e = export();
    let mut aids = vec![Aids::default(); e.units.len()];
    aids[0].exact = Some(Suggestion {
        source: e.units[0].source.clone(),
        target: "باران شدید <روز> دوشنبه".into(),
        score: 100,
        origin: "desk.tmx".into(),
    });
    aids[1].candidates.push(Suggestion {
        source: "The U.S. embassy was shut.".into(),
        target: "سفارت آمریکا بسته شد.".into(),
        score: 80,
        origin: "desk.tmx".into(),
    });
    aids[2].terms.push(TermHint {
        term: "dams".into(),
        translations: vec!["سدها".into(), "سد\tها\n".into()],
    });
    let files = project_files(Path::new("out"), &e, &fa(), &aids).unwrap();
    let source = text(file(&files, "source/brief.fa.xliff12.xlf").unwrap());
    assert!(!source.contains("باران"), "memory text reached source/");
    let exact = text(file(&files, "tm/auto/brief.fa.exact.tmx").unwrap());
    assert!(
        exact.contains("<seg>باران شدید &lt;روز&gt; دوشنبه</seg>"),
        "{exact}"
    );
    assert!(exact.contains(r#"<tuv xml:lang="fa">"#));
    let fuzzy = text(file(&files, "tm/brief.fa.candidates.tmx").unwrap());
    assert!(fuzzy.contains("The U.S. embassy was shut."));
    let glossary = text(file(&files, "glossary/brief.fa.glossary.utf8").unwrap());
    let lines: Vec<&str> = glossary.lines().filter(|l| !l.starts_with('#')).collect();
    // A tab or line break inside a term cannot start a field or an entry.
    assert_eq!(
        lines,
        ["dams\tسدها\tbrief glossary", "dams\tسد ها\tbrief glossary"]
    );
    // Both memories parse as XML.
    for f in [exact, fuzzy] {
        xml::parse(f, Path::new("m.tmx")).unwrap();
    }
}

#[test]
fn tokenizers_follow_the_primary_language_subtag() {
    let tag = |s: &str| -> LanguageTag { s.parse().unwrap() };
    assert!(project_file::tokenizer(&tag("ru-RU")).ends_with(".LuceneRussianTokenizer"));
    assert!(project_file::tokenizer(&tag("fa-IR")).ends_with(".LucenePersianTokenizer"));
    assert!(project_file::tokenizer(&tag("kk")).ends_with(".DefaultTokenizer"));
}

#[test]
fn tokenizer_table_is_sorted_and_unique() {
    let codes: Vec<&str> = project_file::TOKENIZERS.iter().map(|(c, _)| *c).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted);
}

fn write_project(root: &Path) -> PathBuf {
    let e = export();
    let files = project_files(root, &e, &fa(), &[]).unwrap();
    for f in &files {
        std::fs::create_dir_all(f.path.parent().unwrap()).unwrap();
        std::fs::write(&f.path, &f.contents).unwrap();
    }
    let dir = root.join("brief.fa.omegat");
    create_directories(&dir).unwrap();
    dir
}

#[test]
fn reading_a_project_finds_the_translated_document_and_the_reference() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = write_project(tmp.path());
    assert!(is_project(&dir));
    // Not translated yet: the missing document is named with the fix.
    let err = read_project(&dir).unwrap_err().to_string();
    assert!(err.contains("target/brief.fa.xliff12.xlf"), "{err}");
    assert!(err.contains("Create Translated Documents"), "{err}");
    std::fs::copy(
        dir.join("source/brief.fa.xliff12.xlf"),
        dir.join("target/brief.fa.xliff12.xlf"),
    )
    .unwrap();
    let found = read_project(&dir).unwrap();
    assert_eq!(found.files, [dir.join("target/brief.fa.xliff12.xlf")]);
    assert_eq!(found.reference, Some(dir.join(REFERENCE_FILE_NAME)));
    assert!(found.warnings.is_empty());
    // OmegaT saved translations after the documents were created: merge
    // would read old text, and says so.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(dir.join("omegat/project_save.tmx"), "<tmx/>").unwrap();
    let found = read_project(&dir).unwrap();
    assert_eq!(found.warnings.len(), 1);
    assert!(
        found.warnings[0].contains("older than the project's memory"),
        "{:?}",
        found.warnings
    );
}

#[test]
fn a_project_file_naming_folders_outside_the_project_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = write_project(tmp.path());
    let project = dir.join(PROJECT_FILE);
    for (bad, key) in [
        ("/etc", "target_dir"),
        ("../elsewhere", "target_dir"),
        ("../../x", "source_dir"),
    ] {
        let text = std::fs::read_to_string(&project).unwrap().replacen(
            &format!("<{key}>__DEFAULT__</{key}>"),
            &format!("<{key}>{bad}</{key}>"),
            1,
        );
        std::fs::write(&project, text).unwrap();
        let err = read_project(&dir).unwrap_err().to_string();
        assert!(err.contains("not a folder inside the project"), "{err}");
        write_project(tmp.path());
    }
    std::fs::write(&project, "<other/>").unwrap();
    let err = read_project(&dir).unwrap_err().to_string();
    assert!(err.contains("not an OmegaT project file"), "{err}");
}
